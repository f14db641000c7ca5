package reports

import (
	"strconv"
	"strings"

	"styrdok/corpus"
)

func itoa(n int) string { return strconv.Itoa(n) }

// IntervalWords says a follow-up interval in Swedish words: P1Y "årligen",
// P4Y "varje mandatperiod", P6M "halvårsvis", as_needed "vid behov",
// continuous "löpande", once "en gång (due)", unspecified "utan intervall".
// Other ISO 8601 durations are spelled out ("vart tredje år"); a value it
// does not know is returned as it is.
func IntervalWords(interval, due string) string {
	switch strings.TrimSpace(interval) {
	case "", corpus.IntervalUnspecified:
		return "utan intervall"
	case corpus.IntervalAsNeeded:
		return "vid behov"
	case corpus.IntervalContinuous:
		return "löpande"
	case corpus.IntervalOnce:
		if due != "" {
			return "en gång (" + due + ")"
		}
		return "en gång"
	}
	n, unit, ok := parseDuration(interval)
	if !ok {
		return interval
	}
	switch unit {
	case 'M':
		switch {
		case n == 1:
			return "månadsvis"
		case n == 3:
			return "kvartalsvis"
		case n == 6:
			return "halvårsvis"
		case n%12 == 0:
			n, unit = n/12, 'Y'
		default:
			return "var " + ordinal(n) + " månad"
		}
	case 'W':
		if n == 1 {
			return "veckovis"
		}
		return "var " + ordinal(n) + " vecka"
	case 'D':
		if n == 1 {
			return "dagligen"
		}
		return "var " + ordinal(n) + " dag"
	}
	switch n {
	case 1:
		return "årligen"
	case 2:
		return "vartannat år"
	case 4:
		return "varje mandatperiod"
	}
	return "vart " + ordinal(n) + " år"
}

// parseDuration reads a one-unit ISO 8601 duration such as P1Y or P6M.
func parseDuration(s string) (int, byte, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) < 3 || s[0] != 'P' {
		return 0, 0, false
	}
	unit := s[len(s)-1]
	if !strings.ContainsRune("YMWD", rune(unit)) {
		return 0, 0, false
	}
	n, err := strconv.Atoi(s[1 : len(s)-1])
	if err != nil || n <= 0 {
		return 0, 0, false
	}
	return n, unit, true
}

// ordinal returns the Swedish ordinal used in "vart tredje år".
func ordinal(n int) string {
	words := []string{"", "första", "andra", "tredje", "fjärde", "femte", "sjätte",
		"sjunde", "åttonde", "nionde", "tionde", "elfte", "tolfte"}
	if n > 0 && n < len(words) {
		return words[n]
	}
	return itoa(n) + ":e"
}

// sectionLabelNames are the Swedish display names of the section labels.
var sectionLabelNames = map[string]string{
	"syfte":        "Syfte",
	"mal":          "Mål",
	"inriktning":   "Inriktning",
	"strategier":   "Strategier",
	"principer":    "Principer",
	"ansvar":       "Ansvar",
	"uppfoljning":  "Uppföljning",
	"bakgrund":     "Bakgrund",
	"definitioner": "Definitioner",
	"bilaga":       "Bilaga",
	"ovrigt":       "Övrigt",
}

// LabelName returns the Swedish display name of a section label.
func LabelName(label string) string {
	if n, ok := sectionLabelNames[label]; ok {
		return n
	}
	return label
}

// categoryNames are the Swedish display names of follow-up categories.
var categoryNames = map[string]string{
	"revidering":    "revidering",
	"omprovning":    "omprövning",
	"utvardering":   "utvärdering",
	"handlingsplan": "handlingsplan",
	"rapportering":  "rapportering",
	"redovisning":   "redovisning",
	"uppfoljning":   "uppföljning",
	"ovrigt":        "övrigt",
}

func categoryName(c string) string {
	if n, ok := categoryNames[c]; ok {
		return n
	}
	return c
}

// isRevision reports whether a follow-up category is about reviewing the
// document itself (the overview's revision column) rather than following up
// the work.
func isRevision(category string) bool {
	switch category {
	case "revidering", "omprovning", "utvardering":
		return true
	}
	return false
}

// A responsibility kind is one column of the actors table: a class of verbs.
type responsibilityKind struct {
	Key    string
	Header string
	// Verbs are lower-case phrases; a verb lemma belongs to the first kind
	// one of whose phrases it contains.
	Verbs []string
}

// responsibilityKinds are the columns of the actors table, in order of
// precedence ("har samordningsansvar" is coordination, not responsibility).
var responsibilityKinds = []responsibilityKind{
	{"coordinates", "Samordnar", []string{"samordn", "koordiner"}},
	{"decides", "Beslutar", []string{"fastställ", "antar", "anta ", "beslut", "godkänn", "prioriter", "utser", "tillsätt"}},
	{"follows_up", "Följer upp", []string{"följer upp", "följa upp", "uppfölj", "utvärder", "revider", "granskar", "pröva", "prövar"}},
	{"reports", "Redovisar", []string{"redovis", "rapporter", "presenter", "informer", "återrapport"}},
	{"supports", "Stödjer", []string{"stöd", "bistå", "erbjud", "hjälp", "råd"}},
	{"responsible", "Ansvarar", []string{"ansvar"}},
	{"carries_out", "Genomför", []string{"genomför", "verkställ", "ser till", "säkerställ", "arbetar", "handlägg", "hanter", "bevak", "deltar", "driver", "utvecklar", "tar fram", "upprätta"}},
	{"other", "Övrigt", nil},
}

// kindOf returns the index in responsibilityKinds of a verb lemma.
func kindOf(verb string) int {
	v := strings.ToLower(strings.TrimSpace(verb)) + " "
	for i, k := range responsibilityKinds {
		for _, p := range k.Verbs {
			if strings.Contains(v, p) {
				return i
			}
		}
	}
	return len(responsibilityKinds) - 1
}

// coordinates reports whether a responsibility is coordination: a
// samordna/koordinera verb, or responsibility for samordning.
func coordinates(r corpus.Responsibility) bool {
	if responsibilityKinds[kindOf(r.Verb)].Key == "coordinates" {
		return true
	}
	o := strings.ToLower(r.Object)
	return strings.HasPrefix(o, "samordn") || strings.HasPrefix(o, "koordiner") ||
		strings.Contains(o, " samordn") || strings.Contains(o, " koordiner")
}

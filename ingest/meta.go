package ingest

import (
	_ "embed"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed municipalities.tsv
var municipalitiesTSV string

// municipalities maps a lower-cased municipality name to its spelling.
var municipalities = func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(municipalitiesTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if _, name, ok := strings.Cut(line, "\t"); ok {
			m[strings.ToLower(strings.TrimSpace(name))] = strings.TrimSpace(name)
		}
	}
	return m
}()

// Municipalities returns the names of Sweden's 290 municipalities, sorted.
func Municipalities() []string {
	out := make([]string, 0, len(municipalities))
	for _, n := range municipalities {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// folded maps a municipality name with å, ä, ö (and é) folded to a, a, o
// (e) to its spelling, for the names whose folding is unique: OCR and
// ASCII-only sources write "Grastorp" and "Vaxjo".
var folded = func() map[string]string {
	m := map[string]string{}
	dup := map[string]bool{}
	for l, n := range municipalities {
		f := fold(l)
		if _, ok := m[f]; ok {
			dup[f] = true
		}
		m[f] = n
	}
	for f := range dup {
		delete(m, f)
	}
	return m
}()

var folder = strings.NewReplacer("å", "a", "ä", "a", "ö", "o", "é", "e", "Å", "A", "Ä", "A", "Ö", "O", "É", "E")

func fold(s string) string { return folder.Replace(s) }

// Municipality returns the official spelling of a municipality name given
// in any case, in the genitive ("Stockholms", "Lilla Edets"), in the form
// used before "kommun" ("Falu") or with å/ä/ö written a/a/o ("Vaxjo"); ""
// when s names no municipality.
func Municipality(s string) string {
	l := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if l == "" {
		return ""
	}
	forms := []string{l}
	if strings.HasSuffix(l, "s") {
		forms = append(forms, strings.TrimSuffix(l, "s"))
	}
	for _, f := range forms {
		if n, ok := municipalities[f]; ok {
			return n
		}
	}
	if l == "falu" { // Falu kommun
		return "Falun"
	}
	for _, f := range forms {
		if n, ok := folded[fold(f)]; ok {
			return n
		}
	}
	return ""
}

// ambiguousNames are municipality names that are also common Swedish words
// or personal names; on their own, without "kommun" or "stad", they prove
// nothing.
var ambiguousNames = map[string]bool{
	"Ale": true, "Berg": true, "Boden": true, "Eda": true, "Kil": true, "Mark": true,
	"Mora": true, "Nora": true, "Sala": true, "Salem": true, "Vara": true, "Åre": true,
	"Lund": true, "Habo": true, "Hjo": true, "Orsa": true, "Kinda": true, "Ydre": true,
	"Ånge": true, "Sunne": true, "Flen": true, "Tanum": true, "Gotland": true,
}

// metaScanLen is how much of the start of a text the detectors look at
// (at least; a quarter of a longer text).
const metaScanLen = 8000

// metaHeadLen is the opening of a text where a municipality named counts
// most.
const metaHeadLen = 600

type token struct {
	s          string
	start, end int
}

// words splits s into words of letters (with inner hyphens) and their
// offsets.
func words(s string) []token {
	var out []token
	start := -1
	for i, r := range s {
		letter := unicode.IsLetter(r) || (r == '-' && start >= 0)
		if letter && start < 0 {
			start = i
		}
		if !letter && start >= 0 {
			out = append(out, token{strings.TrimRight(s[start:i], "-"), start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, token{strings.TrimRight(s[start:], "-"), start, len(s)})
	}
	return out
}

// onlySpace reports whether s is white space with at most one line break.
func onlySpace(s string) bool {
	return strings.TrimSpace(s) == "" && strings.Count(s, "\n") <= 1
}

// DetectMunicipality finds the municipality a document belongs to from the
// start of its text: names before "kommun" or "stad" ("Växjö kommun",
// "Helsingborgs stad", "Borås Stad", "STOCKHOLMS STAD", "Lilla Edets
// kommun", "Grastorp kommun" without å/ä/ö), and "Region Gotland"; other
// "Region X" are regions, not municipalities. Every candidate is checked
// against the list of Sweden's 290 municipalities. Candidates are scored:
// 2 for every mention with "kommun" or "stad", 6 more when one falls in the
// opening lines (the entity line and the title name the document's own
// municipality; later ones may be partners or a list of other documents),
// 1 for every mention of the bare name; the highest score wins, the
// earliest on a tie. With no such phrase, a municipality name standing
// alone at least twice is taken (names that are also common words
// excepted). It returns "" when nothing is found.
func DetectMunicipality(text string) string {
	scan := text
	if limit := max(metaScanLen, len(text)/4); len(scan) > limit {
		scan = scan[:limit]
	}
	toks := words(scan)
	type cand struct{ count, first, score int }
	found := map[string]*cand{}
	note := func(name string, pos int) {
		c := found[name]
		if c == nil {
			c = &cand{first: pos}
			found[name] = c
		}
		c.count++
	}
	// The opening lines (the entity line, the title) name the document's
	// own municipality; later mentions may be of others (partners, a list
	// of related documents).
	head := min(len(scan), metaHeadLen)
	joined := func(i, j int) bool { return onlySpace(scan[toks[i].end:toks[j].start]) }
	for i, t := range toks {
		l := strings.ToLower(t.s)
		if i > 0 && l == "gotland" && strings.EqualFold(toks[i-1].s, "region") && joined(i-1, i) {
			note("Gotland", toks[i-1].start)
			continue
		}
		if l != "kommun" && l != "kommuns" && l != "stad" && l != "stads" || i == 0 || !joined(i-1, i) {
			continue
		}
		// Two-word names first ("Upplands Väsby", "Östra Göinge").
		if i >= 2 && joined(i-2, i-1) {
			if n := Municipality(toks[i-2].s + " " + toks[i-1].s); n != "" {
				note(n, toks[i-2].start)
				continue
			}
		}
		prev := toks[i-1]
		if r, _ := utf8.DecodeRuneInString(prev.s); !unicode.IsUpper(r) {
			continue
		}
		if i >= 2 && joined(i-2, i-1) && strings.EqualFold(toks[i-2].s, "region") {
			continue
		}
		if n := Municipality(prev.s); n != "" {
			note(n, prev.start)
		}
	}
	if len(found) == 0 {
		// Names standing alone, capitalised, at least twice.
		for i, t := range toks {
			if r, _ := utf8.DecodeRuneInString(t.s); !unicode.IsUpper(r) {
				continue
			}
			name := ""
			if i+1 < len(toks) && joined(i, i+1) {
				if n, ok := municipalities[strings.ToLower(t.s+" "+toks[i+1].s)]; ok {
					name = n
				}
			}
			if name == "" {
				name = municipalities[strings.ToLower(t.s)]
			}
			if name != "" && !ambiguousNames[name] && t.s != strings.ToUpper(t.s) {
				note(name, t.start)
			}
		}
		for n, c := range found {
			if c.count < 2 {
				delete(found, n)
			}
		}
	}
	// Score: 2 for every "X kommun", 6 more when it opens the text, 1 for
	// every mention of the name on its own (the own municipality is named
	// often: "Växjö har en lång tradition").
	for _, c := range found {
		c.score = 2 * c.count
		if c.first < head {
			c.score += 6
		}
	}
	if len(found) > 1 {
		for _, t := range toks {
			if r, _ := utf8.DecodeRuneInString(t.s); !unicode.IsUpper(r) {
				continue
			}
			if n := Municipality(t.s); n != "" {
				if c := found[n]; c != nil {
					c.score++
				}
			}
		}
	}
	best, bc := "", cand{}
	for n, c := range found {
		if best == "" || c.score > bc.score || c.score == bc.score && c.first < bc.first {
			best, bc = n, *c
		}
	}
	return best
}

var (
	docTypeWord  = regexp.MustCompile(`(?i)^\p{L}*(strategi|policy|plan|program|riktlinjer|riktlinje|handlingsprogram)$`)
	leadingNum   = regexp.MustCompile(`^(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+`)
	markupTags   = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
	titleMaxRune = 150
)

// cleanHeading strips Markdown heading marks, emphasis, HTML tags and a
// leading section number from a line.
func cleanHeading(line string) string {
	s := strings.TrimSpace(line)
	s = strings.TrimLeft(s, "#")
	s = markupTags.ReplaceAllString(s, "")
	s = strings.TrimSpace(s)
	for _, m := range []string{"**", "__", "*", "_"} {
		if strings.HasPrefix(s, m) && strings.HasSuffix(s, m) && len(s) > 2*len(m) {
			s = strings.TrimSpace(s[len(m) : len(s)-len(m)])
		}
	}
	s = leadingNum.ReplaceAllString(s, "")
	return strings.Join(strings.Fields(s), " ")
}

// headingLike reports whether a cleaned line could be a title: short, few
// words, starting with a capital letter, not ending like a sentence.
func headingLike(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 4 || n > titleMaxRune || len(strings.Fields(s)) > 16 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	if strings.ContainsAny(s[len(s)-1:], ".,;") || strings.Contains(s, " | ") {
		return false
	}
	return true
}

func namesDocType(s string) bool {
	for _, w := range words(s) {
		if docTypeWord.MatchString(w.s) {
			return true
		}
	}
	return false
}

// DetectTitle returns the document's title: the first heading-like line
// (a "#" line, or a short capitalised line after a blank line) near the
// start that names a document type (strategi, policy, plan, program,
// riktlinjer, also in compounds such as "Handlingsplan"), joined with a
// short continuation line; else the first "#" heading; else "".
func DetectTitle(text string) string {
	scan := text
	if limit := max(metaScanLen, len(text)/4); len(scan) > limit {
		scan = scan[:limit]
	}
	lines := strings.Split(scan, "\n")
	firstHash := ""
	prevBlank := true
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			prevBlank = true
			continue
		}
		hash := strings.HasPrefix(trimmed, "#")
		s := cleanHeading(trimmed)
		wasBlank := prevBlank
		prevBlank = false
		if hash && firstHash == "" && s != "" {
			firstHash = s
		}
		if !hash && !wasBlank || strings.HasPrefix(trimmed, "- ") || !headingLike(s) {
			continue
		}
		if !namesDocType(s) {
			continue
		}
		if !hash {
			// A heading stands alone: one line, or two when the title is
			// broken over lines (a short second line), then a blank line.
			end := i + 1
			for end < len(lines) && strings.TrimSpace(lines[end]) != "" {
				end++
			}
			switch {
			case end == len(lines) && end-i > 1:
				continue // cut off by the scan limit: cannot tell
			case end-i > 2:
				continue
			case end-i == 2:
				next := cleanHeading(lines[i+1])
				if strings.HasPrefix(strings.TrimSpace(lines[i+1]), "#") || utf8.RuneCountInString(next) >= 80 ||
					strings.ContainsAny(next[len(next)-1:], ".,;:") {
					continue
				}
				if joined := s + " " + next; utf8.RuneCountInString(joined) <= titleMaxRune {
					s = joined
				}
			}
		}
		return s
	}
	return firstHash
}

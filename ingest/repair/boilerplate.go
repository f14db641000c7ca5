package repair

import (
	"regexp"
	"strings"

	"styrdok/corpus"
)

// BoilerplateFix removes web page chrome from the flow: document viewer
// controls (`Storlek: px`, `Starta visningen från sidan`, `Download`,
// `Transkript`), cookie banners, navigation, share and print links, and
// listings of other documents (`Läs mer` blocks, `Relaterade dokument`).
// Every removed block is a recorded change and a Result.Boilerplate range.
func BoilerplateFix() Fix {
	return Fix{
		Name:     "boilerplate",
		Doc:      "web viewer chrome, cookie and navigation lines, listings of other documents",
		Apply:    applyBoilerplate,
		SetApart: true,
	}
}

const (
	whyChrome  = "boilerplate: web page or viewer chrome"
	whyListing = "boilerplate: listing of other documents"
)

// chromeLine matches a whole (trimmed) line of web or viewer chrome.
var chromeLine = regexp.MustCompile(`(?i)^(?:` +
	`storlek:\s*\d*\s*px|` +
	`starta visningen från sidan:?\s*\d*|` +
	`(?:download|ladda ner|ladda ned)(?:\s+(?:pdf|dokumentet|filen))?(?:\s+["“”'].{0,120})?|` +
	`transkript|transcript|` +
	`skriv ut(?: sidan)?|utskriftsvänlig(?: version)?|print|` +
	`dela(?: sidan)?(?: på (?:facebook|twitter|linkedin|x|e-post))?|share|tipsa(?: en vän| om sidan)?|` +
	`facebook|twitter|linkedin|instagram|youtube|` +
	`(?:hoppa |gå )?till (?:toppen|sidans topp|huvudinnehåll(?:et)?|innehållet)|` +
	`meny|stäng(?: meny)?|sök|startsida|logga in|lyssna|translate|` +
	`(?:acceptera|godkänn|neka|avvisa)(?: alla)?(?: cookies| kakor)?|` +
	`(?:hem|start|startsida)\s*[>/›»].{0,200}` +
	`)$`)

// cookieLine matches a cookie banner sentence.
var cookieLine = regexp.MustCompile(`(?i)\b(?:cookies|kakor)\b.*\b(?:använder|godkänn|accepter|samtycke|inställningar)|\b(?:använder|godkänn|accepter)\w*\b.*\b(?:cookies|kakor)\b`)

// listingHeader starts a listing of other documents that runs to the end.
var listingHeader = regexp.MustCompile(`(?i)^(?:relaterade|liknande|fler|andra|populära) (?:dokument|styrdokument|sidor|publikationer)|^andra har (?:även|också) (?:läst|tittat på)|^se även$|^relaterat$`)

func listingStart(t string) bool {
	sp := strings.IndexByte(t, ' ')
	if sp < 0 {
		sp = len(t)
	}
	switch strings.ToLower(t[:sp]) {
	case "relaterade", "liknande", "fler", "andra", "populära", "se", "relaterat":
		return true
	}
	return false
}

// readMore matches a "Läs mer" link line.
var readMore = regexp.MustCompile(`(?i)^(?:läs mer|läs hela|visa mer|read more)\s*[»›→>.…]*$`)

func applyBoilerplate(text string) (string, []corpus.Change) {
	lines := splitLines(text)
	mark := make([]string, len(lines)) // why, per line
	get := func(i int) string { return strings.TrimSpace(text[lines[i].Start:lines[i].End]) }

	for i := range lines {
		t := get(i)
		if t == "" || len(t) > 300 {
			continue
		}
		if (chromeStart(t) && chromeLine.MatchString(t)) || (mayBeCookie(t) && cookieLine.MatchString(t)) {
			mark[i] = whyChrome
		}
	}
	// A viewer's header: short lines above the first chrome line near the
	// top belong to it (the document title the viewer repeats), when the
	// top has at least two chrome lines.
	first, chromeCount, nonblank := -1, 0, 0
	for i := range lines {
		if get(i) == "" {
			continue
		}
		if nonblank++; nonblank > 12 {
			break
		}
		if mark[i] == whyChrome {
			chromeCount++
			if first < 0 {
				first = i
			}
		}
	}
	if chromeCount >= 2 {
		for i := 0; i < first; i++ {
			if t := get(i); t != "" && len(t) <= 60 {
				mark[i] = whyChrome
			}
		}
	}
	markListing(text, lines, mark, get)

	e := edits{text: text}
	for i := 0; i < len(lines); {
		if mark[i] == "" {
			i++
			continue
		}
		why := mark[i]
		j := i
		// extend over lines with the same reason and blank lines between
		for k := i + 1; k < len(lines); k++ {
			if mark[k] == why {
				j = k
				continue
			}
			if mark[k] == "" && get(k) == "" {
				continue
			}
			break
		}
		if i == 0 {
			// at the top: the blank lines after the block go too
			for j+1 < len(lines) && get(j+1) == "" {
				j++
			}
		}
		start, end := lines[i].Start, lineEnd(text, lines[j])
		if end == len(text) && start > 0 && text[len(text)-1] != '\n' {
			// removing the last line: take the newline before it instead
			start--
		}
		e.remove(start, end, why)
		i = j + 1
	}
	return e.finish()
}

// chromeWords are the first words a chrome line can start with; other
// lines skip the regular expression.
var chromeWords = map[string]bool{
	"storlek": true, "starta": true, "download": true, "ladda": true, "transkript": true,
	"transcript": true, "skriv": true, "utskriftsvänlig": true, "print": true, "dela": true,
	"share": true, "tipsa": true, "facebook": true, "twitter": true, "linkedin": true,
	"instagram": true, "youtube": true, "hoppa": true, "gå": true, "till": true, "meny": true,
	"stäng": true, "sök": true, "startsida": true, "logga": true, "lyssna": true,
	"translate": true, "acceptera": true, "godkänn": true, "neka": true, "avvisa": true,
	"hem": true, "start": true,
}

func chromeStart(t string) bool {
	end := 0
	for end < len(t) && end < 20 && t[end] != ' ' && t[end] != ':' && t[end] != '>' && t[end] != '/' {
		end++
	}
	if end == 0 || end == 20 {
		return false
	}
	return chromeWords[strings.ToLower(t[:end])]
}

func mayBeCookie(t string) bool {
	return strings.Contains(t, "ookie") || strings.Contains(t, "akor")
}

// markListing marks listings of other documents: blocks of short records
// separated by "Läs mer" links, or everything after a "Relaterade
// dokument" heading when what follows is a list of short records.
func markListing(text string, lines []line, mark []string, get func(int) string) {
	var more []int
	for i := range lines {
		if t := get(i); t != "" && len(t) <= 20 && readMore.MatchString(t) {
			more = append(more, i)
		}
	}
	// Chains of links whose records are short (1-4 non-blank lines).
	recordLen := func(from, to int) int {
		n := 0
		for i := from + 1; i < to; i++ {
			if get(i) != "" {
				n++
			}
		}
		return n
	}
	for x := 0; x < len(more); {
		y := x
		for y+1 < len(more) {
			if n := recordLen(more[y], more[y+1]); n < 1 || n > 4 {
				break
			}
			y++
		}
		if y-x+1 >= 3 {
			// the first record has as many lines as the shortest one
			k := 4
			for z := x + 1; z <= y; z++ {
				k = min(k, recordLen(more[z-1], more[z]))
			}
			start := more[x]
			for n := 0; start > 0 && n < k; {
				start--
				if get(start) != "" {
					n++
				}
			}
			for i := start; i <= more[y]; i++ {
				if get(i) != "" {
					mark[i] = whyListing
				}
			}
		}
		x = y + 1
	}
	markTitleRecords(lines, mark, get)
	for i := range lines {
		t := get(i)
		if t == "" || len(t) > 60 || !listingStart(t) || !listingHeader.MatchString(t) {
			continue
		}
		// the rest must look like a list: mostly short lines
		short, total := 0, 0
		for j := i + 1; j < len(lines); j++ {
			if u := get(j); u != "" {
				total++
				if len(u) <= 160 {
					short++
				}
			}
		}
		if total == 0 || short*10 < total*7 || total > 400 {
			continue
		}
		for j := i; j < len(lines); j++ {
			if get(j) != "" {
				mark[j] = whyListing
			}
		}
		break
	}
}

// markTitleRecords marks runs of at least three document records of the
// form "title" followed by an excerpt that starts with the same title
// (how document sites list other documents), with any short link line
// between records.
func markTitleRecords(lines []line, mark []string, get func(int) string) {
	var nb []int // non-blank lines
	for i := range lines {
		if get(i) != "" {
			nb = append(nb, i)
		}
	}
	isRecord := func(k int) bool {
		if k+1 >= len(nb) {
			return false
		}
		t, u := get(nb[k]), get(nb[k+1])
		return len(t) >= 8 && len(t) <= 160 && len(u) > len(t) && strings.HasPrefix(u, t)
	}
	for k := 0; k < len(nb); {
		if !isRecord(k) {
			k++
			continue
		}
		start, n, end := k, 0, k
		for k < len(nb) && isRecord(k) {
			n++
			end = k + 1
			k += 2
			// a link line ("Läs mer", "Visa") between records
			if k < len(nb) && !isRecord(k) && len(get(nb[k])) <= 20 && isRecord(k+1) {
				end = k
				k++
			} else if k < len(nb) && !isRecord(k) && len(get(nb[k])) <= 20 && readMore.MatchString(get(nb[k])) {
				end = k
				k++
			}
		}
		if n >= 3 {
			for x := start; x <= end; x++ {
				mark[nb[x]] = whyListing
			}
		}
	}
}

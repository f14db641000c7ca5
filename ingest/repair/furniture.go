package repair

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"styrdok/corpus"
)

// FurnitureFix removes page furniture from the flow: page labels (`Sida 2
// (3)`, `Sida 2 av 3`, `3 (12)`, bare page numbers), the header and footer
// lines around them (`Dnr KS 2019/0412`, running titles and logo noise that
// repeat across pages), running footers and page numbers inside the lines
// of one-page-per-line text, and stray OCR noise (`. .. . .` after a line,
// `\JJ` before one). When furniture sits inside a sentence, the blank lines
// around it go too, so the sentence joins again.
func FurnitureFix() Fix {
	return Fix{
		Name:     "furniture",
		Doc:      "page headers, footers, page numbers and logo noise",
		Apply:    applyFurniture,
		SetApart: true,
	}
}

const (
	whyPageLabel = "page furniture: page number"
	whyHeader    = "page furniture: page header or footer"
	whyNoise     = "page furniture: logo or scan noise"
)

const pn = `[0-9lI|]{1,3}` // a page number as OCR reads it

// pageLabelLine is a whole line that only labels a page.
var pageLabelLine = regexp.MustCompile(`(?i)^(?:sidan|sida|sid\.?|page|s\.)\s*` + pn + `\s*(?:[(\[{]\s*` + pn + `\s*[)\]}J]|av\s*` + pn + `|/\s*` + pn + `|of\s*` + pn + `)?$|^\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|/\s*\d{1,3}|av\s*\d{1,3})$|^[-–—]\s*\d{1,3}\s*[-–—]$`)

// pageLabelEnd finds a page label at the end of a header line.
var pageLabelEnd = regexp.MustCompile(`(?i)\s*\b(?:sidan|sida|page)\s*` + pn + `\s*(?:[(\[{]\s*` + pn + `\s*[)\]}J]|av\s*` + pn + `|of\s*` + pn + `)\s*$`)

// pageLabelStart finds a page label at the start of a header line.
var pageLabelStart = regexp.MustCompile(`(?i)^(?:sidan|sida|page)\s*` + pn + `\s*(?:[(\[{]\s*` + pn + `\s*[)\]}J]|av\s*` + pn + `|of\s*` + pn + `)\s+`)

// pageCountEnd is a page count at the end of a header line: "2 (5)",
// "2/5", "2 av 5".
var pageCountEnd = regexp.MustCompile(`\b\d{1,3}\s*(?:\(\s*\d{1,3}\s*\)|/\s*\d{1,3}|av\s*\d{1,3})$`)

// bareNumber is a page number alone on its line.
var bareNumber = regexp.MustCompile(`^[(]?\d{1,3}[)]?$`)

// dnrLine is a registration-number line of a page header.
var dnrLine = regexp.MustCompile(`(?i)\b(?:dnr|diarienr|diarienummer|ärendenr|beteckning)\b\s*:?\s*[A-ZÅÄÖa-zåäö./: ]{0,8}\d`)

// dotNoise is a run of dots and specks after the text of a line.
var dotNoise = regexp.MustCompile(`(?:\s+[.·,'o]{1,3}){4,}\s*$`)

func applyFurniture(text string) (string, []corpus.Change) {
	lines := splitLines(text)
	if len(lines) < 2 {
		return text, nil
	}
	e := edits{text: text}
	trim := make([]string, len(lines))
	for i, l := range lines {
		trim[i] = strings.TrimSpace(text[l.Start:l.End])
	}
	// Count short lines by a key that ignores case, digits and spacing, so
	// that running headers and footers with page numbers repeat.
	counts := make(map[string]int)
	keys := make([]string, len(lines))
	for i, t := range trim {
		if t == "" || len(t) > 80 {
			continue
		}
		keys[i] = lineKey(t)
		counts[keys[i]]++
	}
	repeated := func(i int) bool { return keys[i] != "" && counts[keys[i]] >= 2 }
	blankAt := func(i int) bool { return i < 0 || i >= len(lines) || trim[i] == "" }

	// running answers runningWithNumber once per key.
	runningMemo := make(map[string]bool)
	var keyLines map[string][]int
	running := func(key string) bool {
		if v, ok := runningMemo[key]; ok {
			return v
		}
		if keyLines == nil {
			keyLines = make(map[string][]int)
			for k, kk := range keys {
				if kk != "" && counts[kk] >= 3 {
					keyLines[kk] = append(keyLines[kk], k)
				}
			}
		}
		v := runningWithNumber(keyLines[key], keys, trim)
		runningMemo[key] = v
		return v
	}
	pageNumbers := countingNumbers(trim, blankAt)
	whole := make([]string, len(lines)) // why a whole line is furniture
	strong := make([]bool, len(lines))
	for i, t := range trim {
		if t == "" || len(t) > 100 {
			continue
		}
		labelish := labelStart(t)
		switch {
		case labelish && pageLabelLine.MatchString(t):
			whole[i], strong[i] = whyPageLabel, true
		case labelish && bareNumber.MatchString(t) && blankAt(i-1) && blankAt(i+1) && pageNumbers[i]:
			whole[i], strong[i] = whyPageLabel, true
		case hasPageLabel(t):
			rest := strings.TrimSpace(pageLabelStart.ReplaceAllString(pageLabelEnd.ReplaceAllString(t, ""), ""))
			if rest == "" || isDnrLine(rest) || (len(rest) <= 60 && repeated(i)) {
				whole[i] = whyHeader
			} else {
				// only the label goes; the rest of the line is kept
				removeLabel(&e, text, lines[i])
			}
			strong[i] = true
		case counts[keys[i]] >= 3 && strings.ContainsAny(keys[i], "#") && len(t) <= 80 && hasLetter(t) && running(keys[i]):
			// a running header or footer with a page number in it
			whole[i], strong[i] = whyHeader, true
		case counts[keys[i]] >= 2 && len(t) <= 80 && endsInCount(t) && hasLetter(t) && pageCountEnd.MatchString(t):
			// "Riktlinjer för X 2 (5)", "Plan 2/5"
			whole[i], strong[i] = whyHeader, true
		case noiseLine(t):
			whole[i] = whyNoise
		}
	}
	pageEdges(lines, text, trim, keys, counts, whole, strong)
	// A repeated short line that interrupts a sentence is a running header
	// or footer even without a page number near it.
	for i, t := range trim {
		if whole[i] != "" || !repeated(i) || !hasLetter(t) || len(t) > 80 {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(t)
		if strings.ContainsRune(".!?:;,", last) {
			continue
		}
		p, n := i-1, i+1
		for p >= 0 && trim[p] == "" {
			p--
		}
		for n < len(lines) && trim[n] == "" {
			n++
		}
		if interrupts(i, p, n, trim, repeated) {
			whole[i], strong[i] = whyHeader, true
		}
	}
	// Grow a zone around each anchor over header material: blank lines,
	// registration numbers and short lines that repeat elsewhere.
	weak := func(i int) bool {
		t := trim[i]
		if t == "" || len(t) > 80 {
			return false
		}
		return whole[i] != "" || isDnrLine(t) || repeated(i) || noiseLine(t) || utf8.RuneCountInString(t) <= 2
	}
	for i := range lines {
		if !strong[i] {
			continue
		}
		for _, dir := range []int{-1, 1} {
			for j, n := i+dir, 0; j >= 0 && j < len(lines) && n < 10; j, n = j+dir, n+1 {
				if trim[j] == "" {
					continue
				}
				if !weak(j) {
					break
				}
				if whole[j] == "" {
					whole[j] = whyHeader
				}
			}
		}
	}
	inlineFurniture(&e, text, lines, trim, whole)
	removeWholeLines(&e, text, lines, trim, whole)
	ocrBullets := 0
	for _, t := range trim {
		if ocrBullet(t) {
			ocrBullets++
		}
	}
	for i, t := range trim {
		if t == "" || whole[i] != "" {
			continue
		}
		l := lines[i]
		if !dottedEnd(t) {
			// no dot noise
		} else if loc := dotNoise.FindStringIndex(text[l.Start:l.End]); loc != nil && strings.Count(text[l.Start+loc[0]:l.End], ".") >= 3 && loc[0] > 0 {
			e.remove(l.Start+loc[0], l.End, whyNoise)
		}
		off := l.Start + strings.Index(text[l.Start:l.End], t)
		if j := leadingNoise(t); j > 0 {
			e.remove(off, off+j, whyNoise)
		} else if len(t) > 2 && len(t) <= 40 && (t[0] == 'e' || t[0] == 'o') && t[1] == ' ' && counts[lineKey(t[2:])] >= 1 && !strings.Contains(t[2:], " ") {
			// a logo read as a letter before a word that stands alone
			// elsewhere ("e Stockholms")
			e.remove(off, off+2, whyNoise)
		} else if ocrBullets >= 2 && ocrBullet(t) {
			e.add(off, t[:1], "•", "OCR bullet: a list bullet read as a letter")
		}
	}
	interleavedHeader(&e, text, lines, trim, keys, whole)
	return e.finish()
}

// interleavedHeader removes a running header that OCR split over two
// lines and interleaved with the body: a short line that, with the first
// word of the next line, repeats a line found elsewhere, while the text
// around it is one sentence ("… indirekt Stockholms" / "Internationell
// strategi för Stockholms" / "stad utveckling. …").
func interleavedHeader(e *edits, text string, lines []line, trim, keys, whole []string) {
	var standalone map[string]bool
	for i := 1; i+1 < len(lines); i++ {
		t := stripDotNoise(trim[i])
		if whole[i] != "" || t == "" || len(t) > 70 || strings.Count(t, " ") < 1 || trim[i-1] == "" || trim[i+1] == "" {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(trim[i-1])
		if strings.ContainsRune(".!?:;", last) || strings.ContainsRune(".!?:;,", rune(t[len(t)-1])) {
			continue
		}
		next := trim[i+1]
		sp := strings.IndexByte(next, ' ')
		if sp <= 0 {
			continue
		}
		rest := strings.TrimLeft(next[sp:], " ")
		r, _ := utf8.DecodeRuneInString(rest)
		if !unicode.IsLower(r) {
			continue
		}
		if standalone == nil {
			standalone = make(map[string]bool)
			for k, key := range keys {
				if key != "" && len(trim[k]) <= 80 {
					standalone[key] = true
				}
			}
		}
		if !standalone[lineKey(t+" "+next[:sp])] {
			continue
		}
		// the header line goes, and the word it lent to the next line
		n := lines[i+1]
		off := n.Start + strings.Index(text[n.Start:n.End], next)
		end := off + sp
		for end < n.End && text[end] == ' ' {
			end++
		}
		e.add(lines[i].Start, text[lines[i].Start:end], "", "page furniture: running header split over two lines")
		i++
	}
}

// ocrBullet reports a list item whose bullet OCR read as "e" or "o":
// the letter alone before a capitalised word and more text.
func ocrBullet(t string) bool {
	if len(t) < 12 || (t[0] != 'e' && t[0] != 'o') || t[1] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[2:])
	return unicode.IsUpper(r) && strings.Count(t, " ") >= 2
}

// dottedEnd is a cheap filter for dotNoise: three dots near the end.
func dottedEnd(t string) bool {
	tail := t
	if len(tail) > 24 {
		tail = tail[len(tail)-24:]
	}
	return strings.Count(tail, ".") >= 3
}

func stripDotNoise(t string) string {
	if !dottedEnd(t) {
		return t
	}
	if loc := dotNoise.FindStringIndex(t); loc != nil && loc[0] > 0 {
		return t[:loc[0]]
	}
	return t
}

// pageEdges handles text whose pages are separated by form feeds (the
// PDF reader's page breaks): a short line at the top or foot of pages
// that repeats there on other pages is a running header or footer, and a
// number alone at a page edge is a page number.
func pageEdges(lines []line, text string, trim, keys []string, counts map[string]int, whole []string, strong []bool) {
	var breaks []int
	for i, l := range lines {
		if strings.HasPrefix(text[l.Start:l.End], "\f") {
			breaks = append(breaks, i)
		}
	}
	if len(breaks) == 0 {
		return
	}
	var edges []int
	from := 0
	for k := 0; k <= len(breaks); k++ {
		to := len(lines)
		if k < len(breaks) {
			to = breaks[k]
		}
		n := 0
		for i := from; i < to && n < 2; i++ {
			if trim[i] != "" {
				edges = append(edges, i)
				n++
			}
		}
		n = 0
		for i := to - 1; i >= from && n < 2; i-- {
			if trim[i] != "" {
				edges = append(edges, i)
				n++
			}
		}
		if k < len(breaks) {
			from = breaks[k] + 1
		}
	}
	atEdge := make(map[string]int)
	seen := make(map[int]bool)
	for _, i := range edges {
		if !seen[i] && keys[i] != "" {
			atEdge[keys[i]]++
		}
		seen[i] = true
	}
	for i := range seen {
		t := trim[i]
		if whole[i] != "" || len(t) > 80 {
			continue
		}
		switch {
		case bareNumber.MatchString(t) || pageLabelLine.MatchString(t):
			whole[i], strong[i] = whyPageLabel, true
		case atEdge[keys[i]] >= 2 && atEdge[keys[i]] == counts[keys[i]] && hasLetter(t):
			whole[i], strong[i] = whyHeader, true
		}
	}
}

// countingNumbers returns the lines that hold only a number between blank
// lines when those numbers count pages: each one to three more than the
// one before (a lone 1, 2 or 3 counts too). Numbers alone in
// table cells do not count up like that and stay.
func countingNumbers(trim []string, blankAt func(int) bool) map[int]bool {
	var at, val []int
	for i, t := range trim {
		if t == "" || len(t) > 5 || !blankAt(i-1) || !blankAt(i+1) || !labelStart(t) || !bareNumber.MatchString(t) {
			continue
		}
		at = append(at, i)
		val = append(val, firstNumberIn(t))
	}
	out := make(map[int]bool)
	if len(at) == 1 {
		if val[0] >= 1 && val[0] <= 3 {
			out[at[0]] = true
		}
		return out
	}
	for k := 1; k < len(at); k++ {
		if d := val[k] - val[k-1]; d < 1 || d > 3 {
			return out
		}
	}
	for _, i := range at {
		out[i] = true
	}
	return out
}

// labelStart is a cheap filter for pageLabelLine and bareNumber.
func labelStart(t string) bool {
	c0 := t[0]
	switch {
	case c0 >= '0' && c0 <= '9', c0 == '-', c0 == '(', c0 == 0xE2: // digits, dashes
		return len(t) <= 16
	case c0 == 'S' || c0 == 's':
		return len(t) >= 2 && (t[1] == '.' || t[1] == 'i' || t[1] == 'I')
	case c0 == 'P' || c0 == 'p':
		return len(t) >= 2 && (t[1] == 'a' || t[1] == 'A')
	}
	return false
}

// endsInCount is a cheap filter for pageCountEnd.
func endsInCount(t string) bool {
	c := t[len(t)-1]
	return c == ')' || (c >= '0' && c <= '9')
}

// isDnrLine reports a line with a registration number (Dnr KS 2019/0412).
func isDnrLine(t string) bool {
	return (strings.Contains(t, "nr") || strings.Contains(t, "NR") || strings.Contains(t, "ummer") || strings.Contains(t, "eckning")) && dnrLine.MatchString(t)
}

func hasPageLabel(t string) bool {
	return (strings.Contains(t, "ida") || strings.Contains(t, "Page") || strings.Contains(t, "page ") || strings.Contains(t, "IDA")) &&
		(pageLabelEnd.MatchString(t) || pageLabelStart.MatchString(t))
}

func removeLabel(e *edits, text string, l line) {
	s := text[l.Start:l.End]
	if loc := pageLabelEnd.FindStringIndex(s); loc != nil {
		e.remove(l.Start+loc[0], l.Start+loc[1], whyPageLabel)
		return
	}
	if loc := pageLabelStart.FindStringIndex(s); loc != nil {
		off := len(s) - len(strings.TrimLeft(s, " \t"))
		e.remove(l.Start+off, l.Start+loc[1], whyPageLabel)
	}
}

// lineKey folds a short line for counting repeats: lower case, digits as
// #, punctuation and spacing dropped.
func lineKey(t string) string {
	var b strings.Builder
	b.Grow(len(t))
	for _, r := range t {
		switch {
		case unicode.IsDigit(r):
			b.WriteByte('#')
		case unicode.IsLetter(r):
			b.WriteRune(unicode.ToLower(r))
		case r == ' ' || r == '\t':
			// dropped so that "Sida 2 (3)" and "Sida 2(3)" meet
		case r == '/' || r == '-' || r == ':':
			b.WriteRune(r)
		}
	}
	return b.String()
}

func hasLetter(t string) bool {
	for _, r := range t {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// noiseLine reports a line of logo or scan noise: a few symbols with no
// word in them (`&`, `\JJ`, `;Z/`).
func noiseLine(t string) bool {
	if len(t) > 6 || strings.TrimSpace(t) == "" {
		return false
	}
	for _, f := range strings.Fields(t) {
		if !noiseToken(f) && f != "&" {
			return false
		}
	}
	return true
}

// noiseToken reports a token that is a scan artefact: it holds a
// backslash, semicolon, slash or similar and at most two letters.
func noiseToken(f string) bool {
	if !strings.ContainsAny(f, "\\;|{}[]~^_<>/") {
		return false
	}
	letters := 0
	for _, r := range f {
		if unicode.IsLetter(r) {
			letters++
		}
		if unicode.IsDigit(r) {
			return false
		}
	}
	n := utf8.RuneCountInString(f)
	return letters <= 2 && n >= 2 && n <= 4
}

// leadingNoise returns the length of a noise token (and its space) that
// starts a line of text.
func leadingNoise(t string) int {
	sp := strings.IndexByte(t, ' ')
	if sp <= 0 || !noiseToken(t[:sp]) {
		return 0
	}
	rest := strings.TrimLeft(t[sp:], " ")
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsLetter(r) {
		return 0
	}
	return len(t) - len(rest)
}

// inlineFurniture handles text with one page per line (web transcripts of
// PDFs): page numbers that start the page lines and a running footer at
// their end are removed from inside the lines.
func inlineFurniture(e *edits, text string, lines []line, trim, whole []string) {
	var pages []int
	for i, t := range trim {
		if whole[i] == "" && len(t) >= 400 {
			pages = append(pages, i)
		}
	}
	if len(pages) < 3 {
		return
	}
	// Lines that start with a number counting up are numbered pages; short
	// lines among them (an empty last page) count too.
	var numbered []int
	last := 0
	for i, t := range trim {
		if t == "" || whole[i] != "" {
			continue
		}
		n, rest := leadingNumber(t)
		if n > last && n <= last+3 && rest != "" {
			numbered = append(numbered, i)
			last = n
		}
	}
	isNumbered := make(map[int]bool)
	if len(numbered) >= 3 {
		for _, i := range numbered {
			isNumbered[i] = true
		}
	}
	// A running footer: the same words at the end of most page lines,
	// with or without a page number around them.
	phrase := footerPhrase(trim, pages)
	for i, t := range trim {
		if t == "" || whole[i] != "" {
			continue
		}
		l := lines[i]
		s := text[l.Start:l.End]
		lead := len(s) - len(strings.TrimLeft(s, " \t"))
		start, end := l.Start+lead, l.Start+len(strings.TrimRight(s, " \t"))
		headEnd := start
		if isNumbered[i] {
			n, _ := leadingNumber(t)
			headEnd = start + len(strconv.Itoa(n))
			for headEnd < end && text[headEnd] == ' ' {
				headEnd++
			}
		}
		tailStart := end
		if phrase != "" {
			if k := footerAt(text[headEnd:end], phrase); k >= 0 {
				tailStart = headEnd + k
			}
		}
		if headEnd >= tailStart {
			whole[i] = whyHeader
			continue
		}
		if headEnd > start {
			e.remove(start, headEnd, whyPageLabel)
		}
		if tailStart < end {
			e.remove(tailStart, end, whyHeader)
		}
	}
}

func leadingNumber(t string) (int, string) {
	j := 0
	for j < len(t) && j < 3 && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	if j == 0 || j >= len(t) || t[j] != ' ' {
		return 0, ""
	}
	n, _ := strconv.Atoi(t[:j])
	return n, strings.TrimSpace(t[j:])
}

// footerPhrase finds 2-5 words (page numbers aside) that end at least half
// of the page lines, at least three of them.
func footerPhrase(trim []string, pages []int) string {
	counts := make(map[string]int)
	for _, i := range pages {
		w := strings.Fields(trim[i])
		for len(w) > 0 && isNumber(w[len(w)-1]) {
			w = w[:len(w)-1]
		}
		seen := make(map[string]bool)
		for k := 2; k <= 5 && k <= len(w); k++ {
			tail := w[len(w)-k:]
			if isNumber(tail[0]) {
				break
			}
			p := strings.Join(tail, " ")
			if !seen[p] {
				counts[p]++
				seen[p] = true
			}
		}
	}
	best := ""
	for p, c := range counts {
		if c >= 3 && c*2 >= len(pages) && (len(p) > len(best) || (len(p) == len(best) && p < best)) {
			best = p
		}
	}
	return best
}

// footerAt returns where the footer (an optional page number, the phrase,
// an optional page number) starts at the end of s, or -1.
func footerAt(s, phrase string) int {
	t := strings.TrimRight(s, " ")
	// trailing page number
	j := len(t)
	for j > 0 && t[j-1] >= '0' && t[j-1] <= '9' && len(t)-j < 3 {
		j--
	}
	if j < len(t) && j > 0 && t[j-1] == ' ' {
		t = strings.TrimRight(t[:j], " ")
	}
	if !strings.HasSuffix(t, phrase) {
		return -1
	}
	k := len(t) - len(phrase)
	if k > 0 && t[k-1] != ' ' {
		return -1
	}
	// leading page number
	u := strings.TrimRight(t[:k], " ")
	j = len(u)
	for j > 0 && u[j-1] >= '0' && u[j-1] <= '9' && len(u)-j < 3 {
		j--
	}
	if j < len(u) && (j == 0 || u[j-1] == ' ') {
		k = j
	}
	for k > 0 && t[k-1] == ' ' {
		k--
	}
	return k
}

func isNumber(w string) bool {
	if w == "" || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// removeWholeLines removes the lines marked in whole. A run of furniture
// and blank lines inside a sentence (the text before does not end a
// sentence and the text after goes on in lower case) goes entirely, so
// the sentence joins; elsewhere one blank line is left as a paragraph
// break when there was one.
func removeWholeLines(e *edits, text string, lines []line, trim, whole []string) {
	for i := 0; i < len(lines); {
		if whole[i] == "" {
			i++
			continue
		}
		// extend back over blank lines, forward over furniture and blanks
		// a form feed (a PDF page break) stays and bounds the run
		ff := func(k int) bool { return strings.HasPrefix(text[lines[k].Start:lines[k].End], "\f") }
		a := i
		for a > 0 && trim[a-1] == "" && !ff(a-1) {
			a--
		}
		b := i
		why := whole[i]
		for b+1 < len(lines) && !ff(b+1) && (whole[b+1] != "" || trim[b+1] == "") {
			b++
			if whole[b] != "" && whole[b] != why {
				why = whyHeader
			}
		}
		blank := false
		for k := a; k <= b; k++ {
			if trim[k] == "" {
				blank = true
			}
		}
		prev, next := "", ""
		if a > 0 {
			if prev = trim[a-1]; ff(a - 1) {
				prev = "\f"
			}
		}
		if b+1 < len(lines) {
			if next = trim[b+1]; ff(b + 1) {
				next = "\f"
			}
		}
		start, end := lines[a].Start, lineEnd(text, lines[b])
		after := ""
		switch {
		case prev == "" || next == "":
			// text edge: nothing to keep
			if next == "" && a > 0 {
				// at the end: keep the newline of the line before
				start, end = lines[a].Start, len(text)
			}
		case blank && !continues(prev, next):
			after = "\n"
		}
		if end == len(text) && start > 0 && text[len(text)-1] != '\n' {
			start-- // the last line has no newline: take the one before
		}
		e.add(start, text[start:end], after, why)
		i = b + 1
	}
}

// runningWithNumber decides whether the lines at (a short line with
// a number, three times or more) are a running header or footer rather
// than numbered headings ("Mål 1", "Mål 2"): one of them interrupts a
// sentence, or they carry a title of two words or more and numbers that
// count up by one.
func runningWithNumber(at []int, keys, trim []string) bool {
	if len(at) == 0 {
		return false
	}
	for _, i := range at {
		p, n := i-1, i+1
		for p >= 0 && trim[p] == "" {
			p--
		}
		for n < len(trim) && trim[n] == "" {
			n++
		}
		if interrupts(i, p, n, trim, func(k int) bool { return keys[k] != "" && keys[k] == keys[i] }) {
			return true
		}
	}
	words := 0
	for _, f := range strings.Fields(trim[at[0]]) {
		if hasLetter(f) {
			words++
		}
	}
	if words < 2 || len(trim[at[0]]) < 15 {
		return false
	}
	counting := func(num func(string) int) bool {
		prev := -1
		for _, i := range at {
			n := num(trim[i])
			if prev >= 0 && n != prev+1 {
				return false
			}
			prev = n
		}
		return true
	}
	return counting(firstNumberIn) || counting(lastNumberIn)
}

// lastNumberIn returns the last run of digits in t as a number, or -1.
func lastNumberIn(t string) int {
	j := len(t)
	for j > 0 && (t[j-1] < '0' || t[j-1] > '9') {
		j--
	}
	return firstNumberIn(t[max(0, j-6):j])
}

// firstNumberIn returns the first run of digits in t as a number, or -1.
func firstNumberIn(t string) int {
	n, seen := 0, false
	for i := 0; i < len(t); i++ {
		if t[i] >= '0' && t[i] <= '9' {
			n, seen = n*10+int(t[i]-'0'), true
			if n > 1e6 {
				return n
			}
		} else if seen {
			break
		}
	}
	if !seen {
		return -1
	}
	return n
}

// interrupts reports whether line i, with the nearest non-blank lines p
// before and n after it, sits inside a sentence the way page furniture
// does: set off by a blank line, between a sentence that goes on and its
// continuation, neither of which repeats (a repeated passage of the body
// is not furniture).
func interrupts(i, p, n int, trim []string, repeated func(int) bool) bool {
	if p < 0 || n >= len(trim) || len(trim[p]) <= 40 {
		return false
	}
	if p == i-1 && n == i+1 {
		return false // no blank line around it: part of a paragraph
	}
	if repeated(p) || repeated(n) {
		return false
	}
	return continues(trim[p], trim[n])
}

// continues reports whether the line after removed furniture goes on with
// the sentence of the line before.
func continues(prev, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune(".!?:;", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(first) || unicode.IsDigit(first)
}

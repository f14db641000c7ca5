package analyze

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// heading is a heading found in the text.
type heading struct {
	Start, End int // byte range of the heading text in Text
	Text       string
	Level      int
	RunIn      bool // run into the body text on one long line
	Kind       string
}

// secInfo is a section under construction.
type secInfo struct {
	heading
	Label     string
	OwnLabel  bool
	BodyStart int
	BodyEnd   int
	StartLine int
	EndLine   int
	Part      string
}

var (
	reMDHeading  = regexp.MustCompile(`^\s{0,3}(#{1,6})\s*(.*?)\s*#*\s*$`)
	reHTMLHead   = regexp.MustCompile(`(?i)^\s*<h([1-6])[^>]*>(.*?)</h[1-6]>\s*$`)
	reBoldLine   = regexp.MustCompile(`^\s*(?:\*\*|__)([^*_].*?)(?:\*\*|__)\s*$`)
	reNumbered   = regexp.MustCompile(`^\s*(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\p{Lu}.*)$`)
	reLetterhead = regexp.MustCompile(`(?i)^[\p{L}-]+s?\s+(stad|kommun|region|landsting|stads|kommuns|regions)$|^(?:läs mer|tillsvidare|tills vidare|download|ladda ner)$`)
	reLabelValue = regexp.MustCompile(`^\p{L}[\p{L} /]{0,30}:\s*\S`)
	reNumPrefix  = regexp.MustCompile(`^\d{1,2}(?:\.\d{1,2})*\.?\s+`)
	reTOCLine    = regexp.MustCompile(`(?:\.{3,}|…|\s{2,}|\t)\s*\d+\s*$`)
	reDigitLine  = regexp.MustCompile(`\d{3,}|@|\btfn\b|\btelefon\b|\bsida\s+\d`)
)

var verbForms = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range responsibilityVerbs {
		for _, f := range v.Forms {
			if f != "har" && f != "är" && f != "ger" && f != "se" && f != "ta" {
				m[fold(f)] = true
			}
		}
	}
	for k, v := range sentenceVerbs {
		if v {
			m[fold(k)] = true
		}
	}
	return m
}()

var foldedHeadingWords = func() map[string]string {
	m := map[string]string{}
	for k, v := range headingWords {
		m[fold(k)] = v
	}
	return m
}()

var foldedSkip = func() map[string]bool {
	m := map[string]bool{}
	for k := range headingSkipWords {
		m[fold(k)] = true
	}
	return m
}()

var foldedLeadIn = func() map[string]bool {
	m := map[string]bool{}
	for k := range leadInEndings {
		m[fold(k)] = true
	}
	return m
}()

// HeadingLabel returns the section label that the words of a heading give,
// or "" when they say nothing: the first word (skipping words such as
// "Övergripande" or "Stadens") found in the heading vocabulary decides.
// Compounds ending in a vocabulary word ("Uppföljningsplan",
// "Målsättning") count too.
func HeadingLabel(h string) string {
	for _, w := range words(h) {
		for _, part := range strings.Split(w, "/") {
			f := strings.Trim(fold(part), "-:")
			if f == "" || isNumber(strings.ReplaceAll(f, ".", "")) {
				continue
			}
			if l, ok := foldedHeadingWords[f]; ok {
				return l
			}
			if foldedSkip[f] {
				continue
			}
			if l := compoundLabel(f); l != "" {
				return l
			}
		}
	}
	return ""
}

// compoundLabel finds a vocabulary word (five letters or more) that ends
// the compound f.
func compoundLabel(f string) string {
	best, bestLen := "", 0
	for k, l := range foldedHeadingWords {
		if len(k) >= 5 && len(k) > bestLen && strings.HasSuffix(f, k) && len(f) > len(k) {
			if l == "ansvar" && !strings.HasPrefix(k, "ansvar") {
				continue // "Kulturnämnder" is a body, not a heading role
			}
			best, bestLen = l, len(k)
		}
	}
	return best
}

// findHeadings finds the headings of the document in every form: Markdown,
// HTML, bold lines, numbered headings, short title lines and headings run
// into the text of long lines.
func (a *adoc) findHeadings() {
	for i := range a.lines {
		l := a.lines[i]
		if l.bp || l.blank {
			continue
		}
		n := utf8.RuneCountInString(l.text)
		if n <= 200 {
			// Longer lines are never headings of their own (see mk).
			if h, ok := a.lineHeading(i); ok {
				a.heads = append(a.heads, h)
				continue
			}
		}
		if n >= 300 {
			a.heads = append(a.heads, runInHeadings(l.text, l.start)...)
		}
	}
}

// lineHeading decides whether line i is a heading on its own.
func (a *adoc) lineHeading(i int) (heading, bool) {
	l := a.lines[i]
	t := l.text
	if a.metaLines[i] {
		return heading{}, false // a cell of the header table
	}
	if reTOCLine.MatchString(cleanEvidence(t)) || reTOCLine.MatchString(t) {
		return heading{}, false // a table of contents entry
	}
	if strings.Contains(t, " | ") || strings.HasPrefix(strings.TrimSpace(t), "|") {
		return heading{}, false // a table row
	}
	mk := func(text string, level int, kind string) (heading, bool) {
		text = cleanHeading(text)
		if text == "" || utf8.RuneCountInString(text) > 120 {
			return heading{}, false
		}
		if reLetterhead.MatchString(reNumPrefix.ReplaceAllString(text, "")) || isAllCaps(strings.ReplaceAll(text, " ", "")) && kind != "markdown" && HeadingLabel(text) == "" {
			return heading{}, false
		}
		off := strings.Index(t, strings.Fields(text)[0])
		if off < 0 {
			off = 0
		}
		return heading{Start: l.start + off, End: l.end, Text: text, Level: level, Kind: kind}, true
	}
	if m := reMDHeading.FindStringSubmatch(t); m != nil {
		return mk(m[2], len(m[1]), "markdown")
	}
	if m := reHTMLHead.FindStringSubmatch(t); m != nil {
		return mk(reTag.ReplaceAllString(m[2], ""), int(m[1][0]-'0'), "html")
	}
	next := a.nextAdjacent(i)
	if m := reBoldLine.FindStringSubmatch(t); m != nil {
		inner := cleanHeading(m[1])
		inner0 := strings.TrimSpace(cleanEvidence(m[1]))
		if strings.HasSuffix(inner0, ".") || strings.HasSuffix(inner0, ":") && (HeadingLabel(inner0) == "" || len(words(inner0)) > 3) {
			return heading{}, false
		}
		if len(words(inner)) > 12 || a.leadIn(i, inner) {
			return heading{}, false
		}
		return mk(m[1], 3, "bold")
	}
	if reBullet.MatchString(t) && !reNumbered.MatchString(t) {
		return heading{}, false
	}
	c := cleanEvidence(t)
	if m := reNumbered.FindStringSubmatch(c); m != nil {
		body := m[2]
		if utf8.RuneCountInString(body) > 80 || len(words(body)) > 10 || strings.ContainsAny(body[len(body)-1:], ".,;") ||
			strings.Contains(body, " - ") || strings.Contains(body, " – ") || hasSentenceVerb(body) ||
			(next >= 0 && isLowerStart(a.lines[next].text)) || a.leadIn(i, body) || a.inNumberedList(i, m[1]) {
			return heading{}, false
		}
		return mk(c, strings.Count(m[1], ".")+1, "numbered")
	}
	return a.plainHeading(i, c)
}

// inNumberedList reports whether the numbered line i (number num) is an
// item of a list rather than a heading: a neighbouring line without a
// blank between is numbered or bulleted too, or the next numbered line at
// the same depth follows with no text in between.
func (a *adoc) inNumberedList(i int, num string) bool {
	for _, j := range []int{a.prevAdjacent(i), a.nextAdjacent(i)} {
		if j < 0 {
			continue
		}
		if m := reNumbered.FindStringSubmatch(cleanEvidence(a.lines[j].text)); m != nil {
			// "2. Mål och inriktning" over "2.1 Mål" is a heading and its
			// first sub-heading, not two list items.
			if !nestedNumbers(num, m[1]) {
				return true
			}
		} else if reBullet.MatchString(a.lines[j].text) {
			return true
		}
	}
	for j := i + 1; j < len(a.lines); j++ {
		if a.lines[j].blank || a.lines[j].bp {
			continue
		}
		m := reNumbered.FindStringSubmatch(cleanEvidence(a.lines[j].text))
		return m != nil && strings.Count(m[1], ".") == strings.Count(num, ".") && m[1] != num
	}
	return false
}

// nestedNumbers reports whether one heading number is the parent of the
// other ("2" and "2.1").
func nestedNumbers(x, y string) bool {
	x, y = strings.TrimSuffix(x, "."), strings.TrimSuffix(y, ".")
	return strings.HasPrefix(y, x+".") || strings.HasPrefix(x, y+".")
}

// plainHeading decides whether a plain line is a short title line.
func (a *adoc) plainHeading(i int, c string) (heading, bool) {
	l := a.lines[i]
	n := utf8.RuneCountInString(c)
	ws := words(c)
	if n == 0 || n > 70 || len(ws) == 0 || len(ws) > 8 || !isCap(c) {
		return heading{}, false
	}
	last := c[len(c)-1:]
	label := HeadingLabel(c)
	if strings.ContainsAny(last, ".,;!?") || (last == ":" && (label == "" || len(ws) > 2)) {
		return heading{}, false
	}
	if reLetterhead.MatchString(c) || reLabelValue.MatchString(c) || ParseDate(c) != "" || (reDigitLine.MatchString(fold(c)) || reYear.MatchString(c)) && docTypeOf(c) == "" {
		return heading{}, false
	}
	if hasSentenceVerb(c) || a.leadIn(i, c) {
		return heading{}, false
	}
	isolated := a.prevAdjacent(i) < 0 && a.nextAdjacent(i) < 0
	if len(ws) >= 2 && !(isAllCaps(strings.Join(ws, "")) && (label != "" || isolated && len(ws) <= 6)) {
		lower := false
		for _, w := range ws[1:] {
			if !isCap(w) {
				lower = true
			}
		}
		if !lower {
			return heading{}, false // names, letterheads: "Lars Rådh Berit Svedberg"
		}
	}
	strong := label != "" && len(ws) <= 2
	// The first line of a document that names its type is its title.
	if docTypeOf(c) != "" && a.firstContent(i) {
		strong = true
	}
	prev, next := a.prevAdjacent(i), a.nextAdjacent(i)
	if !strong {
		if prev >= 0 {
			p := strings.TrimSpace(cleanEvidence(a.lines[prev].text))
			if p != "" && !strings.ContainsAny(p[len(p)-1:], ".!?:") {
				if _, ok := a.lineHeadingNoPlain(prev); !ok {
					return heading{}, false
				}
			}
		}
		if next >= 0 {
			nx := strings.TrimSpace(cleanEvidence(a.lines[next].text))
			if utf8.RuneCountInString(nx) < 45 && !strings.HasSuffix(nx, ".") {
				return heading{}, false
			}
			// A first line as wide as the wrapped text is a wrapped sentence.
			if a.wrapWidth > 0 && n*100 >= a.wrapWidth*85 {
				return heading{}, false
			}
			if nx != "" && (isLowerStart(nx) || strings.ContainsAny(nx[:1], "0123456789")) {
				return heading{}, false
			}
		}
	}
	if t := strings.TrimSpace(l.text); strings.HasPrefix(t, "*") && !strings.HasPrefix(t, "**") && !strings.HasSuffix(t, "*") {
		return heading{}, false // the first line of a wrapped italic paragraph
	}
	if next := a.nextAdjacent(i); next >= 0 && a.metaRows[next] && len(ws) <= 2 {
		return heading{}, false // a letterhead line over a header row: "Kommunstyrelsen / Sammanträdesdatum …"
	}
	if a.part(l.start) == PartCoverLetter || a.part(l.start) == PartDistribution {
		return heading{}, false
	}
	if n := len(ws); n >= 2 && isNumber(ws[n-1]) {
		return heading{}, false // an address: "Storgatan 1"
	}
	off := strings.Index(l.text, ws[0])
	if off < 0 {
		off = len(l.text) - len(strings.TrimLeft(l.text, " \t"))
	}
	return heading{Start: l.start + off, End: l.end,
		Text: cleanHeading(c), Level: 2, Kind: "plain"}, true
}

// firstContent reports whether line i is the first non-blank line outside
// boilerplate.
func (a *adoc) firstContent(i int) bool {
	for j := 0; j < i; j++ {
		if !a.lines[j].blank && !a.lines[j].bp {
			return false
		}
	}
	return true
}

// lineHeadingNoPlain is lineHeading without the plain-line rule (to look
// at a neighbour without recursion).
func (a *adoc) lineHeadingNoPlain(i int) (heading, bool) {
	t := a.lines[i].text
	if reMDHeading.MatchString(t) || reHTMLHead.MatchString(t) || reBoldLine.MatchString(t) {
		return heading{}, true
	}
	return heading{}, false
}

// leadIn reports whether the short line i with text c introduces what
// follows rather than heading it: it ends in a preposition or conjunction,
// or the next text starts in lower case ("Detta gör vi genom" / "att …").
func (a *adoc) leadIn(i int, c string) bool {
	ws := words(c)
	if len(ws) == 0 {
		return false
	}
	if len(ws) > 1 && foldedLeadIn[fold(ws[len(ws)-1])] {
		return true
	}
	for j := i + 1; j < len(a.lines); j++ {
		if a.lines[j].blank || a.lines[j].bp {
			continue
		}
		t := strings.TrimSpace(a.lines[j].text)
		t = reBullet.ReplaceAllString(t, "")
		return isLowerStart(t)
	}
	return false
}

func hasSentenceVerb(s string) bool {
	for _, w := range words(s) {
		f := fold(w)
		if strings.ToLower(w) == "år" {
			continue // the noun, not "är" without its dots
		}
		if verbForms[f] || len(f) > 6 && (strings.HasSuffix(f, "eras") || strings.HasSuffix(f, "ades") || strings.HasSuffix(f, "ogs")) {
			return true
		}
	}
	return false
}

// prevAdjacent returns the previous line if it is non-blank (no blank line
// between), else -1.
func (a *adoc) prevAdjacent(i int) int {
	if i > 0 && !a.lines[i-1].blank && !a.lines[i-1].bp {
		return i - 1
	}
	return -1
}

func (a *adoc) nextAdjacent(i int) int {
	if i+1 < len(a.lines) && !a.lines[i+1].blank && !a.lines[i+1].bp {
		return i + 1
	}
	return -1
}

var reWordPos = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}\-/]*`)

// runInHeadings finds headings run into the text of one long line, as web
// transcripts of PDF pages print them: "… marknader. Syfte Det
// internationella arbetet …". A run-in heading starts with a capitalised
// heading word (Swedish does not capitalise common nouns mid-sentence), is
// at most seven words with no punctuation and no finite verb, and is
// followed by a capitalised word that starts the body.
func runInHeadings(line string, base int) []heading {
	locs := reWordPos.FindAllStringIndex(line, -1)
	var out []heading
	lastEnd := -1
	for k := 0; k < len(locs); k++ {
		w := line[locs[k][0]:locs[k][1]]
		if !isCap(w) || isAllCaps(w) {
			continue
		}
		f := fold(w)
		_, vocab := foldedHeadingWords[f]
		chained := lastEnd >= 0 && strings.TrimSpace(line[lastEnd:locs[k][0]]) == "" && !sentenceStarters[w]
		if !vocab && !chained {
			continue
		}
		j, ok := runInEnd(line, locs, k)
		if !ok {
			continue
		}
		endByte := locs[j-1][1]
		text := line[locs[k][0]:endByte]
		if strings.HasPrefix(line[endByte:], ":") {
			text += ":"
			endByte++
		}
		if hasSentenceVerb(text) || containsWord(text, "som", "att", "är", "med") && !vocab {
			continue
		}
		if reLetterhead.MatchString(text) {
			continue
		}
		if h, ok := labelAt(strings.TrimRight(text, ":"), 0); ok && h.end == len(strings.TrimRight(text, ":")) && strings.HasSuffix(text, ":") {
			continue // a header label: "Ansvarig:"
		}
		if chained && !vocab && (strings.ContainsAny(text, "0123456789") || len(words(text)) < 2 || !hasLowerWord(text)) {
			continue
		}
		// A body named before its duties ("Kommunstyrelsen Fastställer …")
		// heads them only when a verb follows.
		if vocab && len(words(text)) == 1 && isActorWord(w, f) && j < len(locs) && verbByForm[fold(line[locs[j][0]:locs[j][1]])] == nil {
			continue
		}
		if tw := words(text); len(tw) > 1 && foldedLeadIn[fold(tw[len(tw)-1])] {
			continue
		}
		out = append(out, heading{Start: base + locs[k][0], End: base + endByte, Text: text, Level: 2, RunIn: true, Kind: "runin"})
		lastEnd = endByte
		k = j - 1
	}
	return out
}

// runInEnd returns the index of the word after a run-in heading that starts
// at word k, and whether the heading is well formed.
func runInEnd(line string, locs [][]int, k int) (int, bool) {
	for j := k + 1; j < len(locs) && j <= k+7; j++ {
		gap := line[locs[j-1][1]:locs[j][0]]
		w := line[locs[j][0]:locs[j][1]]
		if strings.TrimSpace(gap) == ":" {
			return j, isCap(w)
		}
		if strings.TrimSpace(gap) != "" {
			return 0, false
		}
		if isCap(w) && !isAllCaps(w) {
			return j, true
		}
		if isNumber(w) {
			return 0, false
		}
	}
	return 0, false
}

func hasLowerWord(s string) bool {
	for _, w := range words(s) {
		if !isCap(w) && !isNumber(w) {
			return true
		}
	}
	return false
}

func containsWord(s string, ws ...string) bool {
	for _, w := range words(fold(s)) {
		for _, x := range ws {
			if w == fold(x) {
				return true
			}
		}
	}
	return false
}

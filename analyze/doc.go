package analyze

import (
	"sort"
	"strings"
	"unicode/utf8"

	"styrdok/corpus"
)

// tline is one line of Document.Text.
type tline struct {
	start, end int // byte range in Text, without the newline
	raw        int // 1-based line of Raw
	text       string
	bp         bool // inside a boilerplate range
	blank      bool
}

// sentence is a unit of running text: a sentence or a list item. Text is
// the cleaned evidence string; Start is the byte offset in Text where it
// starts; Line the raw line.
type sentence struct {
	Text      string
	Start     int
	End       int
	Line      int
	Item      bool // a list item (bullet, number, or an "att …" paragraph)
	ParaStart bool // first unit of its paragraph
	Sec       int  // index into adoc.secs, -1 before the first heading
}

// adoc is the working state of one analysis.
type adoc struct {
	d     *corpus.Document
	text  string
	lines []tline
	bp    []corpus.LineRange // d.Boilerplate and ownBP
	ownBP []corpus.LineRange // boilerplate found here, not by repair
	heads []heading
	secs  []secInfo
	sents []sentence
	parts []part
	main  part // the part that holds the steering document itself
	// wrapWidth is the median width in runes of lines inside paragraphs
	// when the text is hard-wrapped (OCR, PDF), else 0.
	wrapWidth int
	// fields are the header's label/value pairs; metaLines the text
	// lines that hold a label or value cell of their own.
	fields    []metaField
	metaLines map[int]bool
	// metaRows are lines that are rows of label/value pairs; each is a
	// sentence of its own. metaJoin are blank lines between a label cell
	// and its value cell, which do not end the sentence.
	metaRows map[int]bool
	metaJoin map[int]bool
}

type part struct {
	Name       string
	Start, End int // byte range in Text
}

func newDoc(d *corpus.Document) *adoc {
	a := &adoc{d: d, text: d.Text}
	a.bp = append(a.bp, d.Boilerplate...)
	pos := 0
	for i, l := range strings.Split(d.Text, "\n") {
		raw := i + 1
		if i < len(d.LineMap) {
			raw = d.LineMap[i]
		}
		a.lines = append(a.lines, tline{start: pos, end: pos + len(l), raw: raw, text: l,
			blank: strings.TrimSpace(cleanEvidence(l)) == ""})
		pos += len(l) + 1
	}
	a.ownBP = detectBoilerplate(a.lines, a.bp)
	a.bp = append(a.bp, a.ownBP...)
	sort.SliceStable(a.bp, func(i, j int) bool { return a.bp[i].StartLine < a.bp[j].StartLine })
	a.wrapWidth = wrapWidth(a.lines)
	for i := range a.lines {
		for _, r := range a.bp {
			if a.lines[i].raw >= r.StartLine && a.lines[i].raw <= r.EndLine {
				a.lines[i].bp = true
			}
		}
	}
	return a
}

// lineAt returns the index of the text line holding byte offset pos.
func (a *adoc) lineAt(pos int) int {
	i := sort.Search(len(a.lines), func(i int) bool { return a.lines[i].end >= pos })
	if i >= len(a.lines) {
		return len(a.lines) - 1
	}
	return i
}

// rawLine returns the raw line of byte offset pos.
func (a *adoc) rawLine(pos int) int {
	if len(a.lines) == 0 {
		return 0
	}
	return a.lines[a.lineAt(pos)].raw
}

// inMain reports whether byte offset pos lies in the main part.
func (a *adoc) inMain(pos int) bool { return pos >= a.main.Start && pos < a.main.End }

// detectBoilerplate marks web chrome that the repair stage did not mark:
// the controls of a PDF viewer page before its "Transkript" line, and a
// trailing listing of other documents, each closed by a "Läs mer" link.
// Ranges already known (known) are not repeated.
func detectBoilerplate(lines []tline, known []corpus.LineRange) []corpus.LineRange {
	covered := func(raw int) bool {
		for _, r := range known {
			if raw >= r.StartLine && raw <= r.EndLine {
				return true
			}
		}
		return false
	}
	var out []corpus.LineRange
	// Viewer chrome: a "Transkript"/"Transcript" line near the top, with
	// viewer controls above it.
	for i := 0; i < len(lines) && i < 20; i++ {
		t := fold(strings.TrimSpace(lines[i].text))
		if t == "transkript" || t == "transcript" {
			chrome := 0
			for j := 0; j < i; j++ {
				u := fold(lines[j].text)
				if strings.Contains(u, "download") || strings.Contains(u, "storlek:") ||
					strings.Contains(u, "visningen") || strings.Contains(u, "ladda ner") {
					chrome++
				}
			}
			if chrome > 0 && !covered(lines[i].raw) {
				end := i
				// A lone page number right after the chrome is furniture too.
				for j := i + 1; j < len(lines) && j < i+4; j++ {
					tt := strings.TrimSpace(lines[j].text)
					if tt == "" {
						continue
					}
					if isNumber(tt) {
						end = j
					}
					break
				}
				out = append(out, corpus.LineRange{StartLine: lines[0].raw, EndLine: lines[end].raw,
					Why: "web page chrome of a document viewer"})
			}
			break
		}
	}
	// A web page's related-content box printed or pasted with the text:
	// a heading such as "Läs mer" or "Relaterade dokument" over short link
	// lines, up to the next Markdown heading or the first wrapped prose.
	for i, l := range lines {
		lt := strings.TrimSpace(l.text)
		h := fold(cleanEvidence(strings.TrimRight(lt, "*: ")))
		marked := strings.HasPrefix(lt, "#") || strings.HasPrefix(lt, "**")
		// A bare "Läs mer" is the text of a link, not a box's heading.
		if !relatedHeading[h] || h == "las mer" && !marked || covered(l.raw) {
			continue
		}
		end, items := i, 0
		for j := i + 1; j < len(lines); j++ {
			t := strings.TrimSpace(lines[j].text)
			wrapped := j+1 < len(lines) && !lines[j+1].blank && utf8.RuneCountInString(t) > 60
			if strings.HasPrefix(t, "#") || wrapped || utf8.RuneCountInString(t) > 120 || covered(lines[j].raw) {
				break
			}
			if t != "" {
				end = j
				items++
			}
		}
		if items > 0 {
			out = append(out, corpus.LineRange{StartLine: l.raw, EndLine: lines[end].raw,
				Why: "listing of other pages or documents"})
		}
	}
	// "Läs mer" listings: two or more lines that are exactly "Läs mer".
	var more []int
	for i, l := range lines {
		if fold(strings.TrimSpace(cleanEvidence(l.text))) == "las mer" {
			more = append(more, i)
		}
	}
	if len(more) >= 2 {
		// The listing starts with the item before the first "Läs mer": go
		// back over two non-blank paragraphs (title, teaser).
		i := more[0] - 1
		paras := 0
		for i >= 0 && paras < 2 {
			for i >= 0 && lines[i].blank {
				i--
			}
			if i < 0 {
				break
			}
			for i >= 0 && !lines[i].blank {
				i--
			}
			paras++
		}
		start := i + 1
		for start < len(lines) && lines[start].blank {
			start++
		}
		end := len(lines) - 1
		for end > start && lines[end].blank {
			end--
		}
		if start < len(lines) && !covered(lines[start].raw) {
			out = append(out, corpus.LineRange{StartLine: lines[start].raw, EndLine: lines[end].raw,
				Why: "listing of other documents (\"Läs mer\" links)"})
		}
	}
	return out
}

// wrapWidth returns the median width of lines followed by another line
// of the same paragraph, when there are at least 20 of them and they are
// short enough to be hard-wrapped.
func wrapWidth(lines []tline) int {
	var ws []int
	for i := 0; i+1 < len(lines); i++ {
		if !lines[i].blank && !lines[i+1].blank {
			ws = append(ws, utf8.RuneCountInString(strings.TrimSpace(lines[i].text)))
		}
	}
	if len(ws) < 20 {
		return 0
	}
	sort.Ints(ws)
	m := ws[len(ws)/2]
	if m < 40 || m > 120 {
		return 0
	}
	return m
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

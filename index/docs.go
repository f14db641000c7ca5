package index

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"styrdok/corpus"
)

// section is one unit of the index: a section of a document (or a stretch
// of text outside any section) with the facts users filter on.
type section struct {
	id        string // DocID + "/" + ordinal
	docID     string
	label     string
	heading   string
	text      string // the section's text, boilerplate lines emptied
	startLine int    // 1-based lines of Document.Raw
	endLine   int
	lineMap   string // encodeLineMap of the Raw lines of text's lines
}

// docYear returns the year the document was adopted ("" if not known).
func docYear(d *corpus.Document) string {
	if d.Model == nil || d.Model.Adopted == nil {
		return ""
	}
	date := string(d.Model.Adopted.Date)
	if len(date) >= 4 {
		if y, err := strconv.Atoi(date[:4]); err == nil && y > 1000 && y < 3000 {
			return date[:4]
		}
	}
	return ""
}

// docType returns the document type (analyze sets Type and the model's
// DocumentType; either will do).
func docType(d *corpus.Document) string {
	if d.Type != "" {
		return d.Type
	}
	if d.Model != nil {
		return string(d.Model.DocumentType)
	}
	return ""
}

// splitSections cuts d.Text into the units the index holds. Sections are
// taken in text order; a section that overlaps the next one (a parent
// heading over its subsections) ends where the next begins, so no text is
// indexed twice. Text outside every section (front matter, or the whole
// text when analyze found no sections) becomes a unit without a label.
// Lines that repair or analyze marked as boilerplate are emptied.
func splitSections(d *corpus.Document) []section {
	text := d.Text
	type cut struct {
		start, end     int
		label, heading string
	}
	var secs []corpus.Section
	for _, s := range d.Sections {
		if s.Span.Start >= 0 && s.Span.End <= len(text) && s.Span.Start < s.Span.End {
			secs = append(secs, s)
		}
	}
	sort.SliceStable(secs, func(i, j int) bool { return secs[i].Span.Start < secs[j].Span.Start })
	var cuts []cut
	pos := 0
	for i, s := range secs {
		start, end := s.Span.Start, s.Span.End
		if start < pos {
			start = pos
		}
		if i+1 < len(secs) && secs[i+1].Span.Start < end {
			end = secs[i+1].Span.Start
		}
		if start >= end {
			continue
		}
		if start > pos {
			cuts = append(cuts, cut{start: pos, end: start})
		}
		cuts = append(cuts, cut{start: start, end: end, label: s.Label, heading: s.Heading})
		pos = end
	}
	if pos < len(text) {
		cuts = append(cuts, cut{start: pos, end: len(text)})
	}

	var out []section
	for _, c := range cuts {
		start, end := alignRune(text, c.start), alignRune(text, c.end)
		body := text[start:end]
		if c.label == "" && c.heading == "" && strings.TrimSpace(body) == "" {
			continue
		}
		firstLine := strings.Count(text[:start], "\n") // 0-based line of Text
		body, lines := dropBoilerplate(d, body, firstLine)
		if strings.TrimSpace(body) == "" && c.heading == "" {
			continue
		}
		s := section{
			id:      d.ID + "/" + strconv.Itoa(len(out)),
			docID:   d.ID,
			label:   c.label,
			heading: c.heading,
			text:    body,
			lineMap: encodeLineMap(lines),
		}
		if len(lines) > 0 {
			s.startLine, s.endLine = lines[0], lines[len(lines)-1]
		}
		out = append(out, s)
	}
	return out
}

// alignRune moves i back to the start of the UTF-8 sequence it falls in.
func alignRune(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// dropBoilerplate empties the lines of body that fall in d's boilerplate
// ranges (keeping the line breaks, so line numbers stay right) and returns
// the Raw line of each line of body. firstLine is the 0-based line of
// d.Text that body starts on.
func dropBoilerplate(d *corpus.Document, body string, firstLine int) (string, []int) {
	n := strings.Count(body, "\n") + 1
	lines := make([]int, n)
	for i := range lines {
		if k := firstLine + i; k < len(d.LineMap) {
			lines[i] = d.LineMap[k]
		} else {
			lines[i] = k + 1
		}
	}
	if len(d.Boilerplate) == 0 {
		return body, lines
	}
	inBoilerplate := func(raw int) bool {
		for _, r := range d.Boilerplate {
			if raw >= r.StartLine && raw <= r.EndLine {
				return true
			}
		}
		return false
	}
	var b strings.Builder
	b.Grow(len(body))
	for i, line := range strings.Split(body, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		if !inBoilerplate(lines[i]) {
			b.WriteString(line)
		}
	}
	return b.String(), lines
}

// encodeLineMap writes Raw line numbers compactly as runs of consecutive
// lines: "12+30,45+2" is 12..41 then 45..46.
func encodeLineMap(lines []int) string {
	var b strings.Builder
	for i := 0; i < len(lines); {
		j := i + 1
		for j < len(lines) && lines[j] == lines[j-1]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(lines[i]))
		b.WriteByte('+')
		b.WriteString(strconv.Itoa(j - i))
		i = j
	}
	return b.String()
}

// rawLine returns the Raw line of the k-th (0-based) line of a section
// from its encoded line map, or 0 if the map does not reach it.
func rawLine(lineMap string, k int) int {
	for _, run := range strings.Split(lineMap, ",") {
		a, b, ok := strings.Cut(run, "+")
		if !ok {
			return 0
		}
		start, err1 := strconv.Atoi(a)
		count, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil {
			return 0
		}
		if k < count {
			return start + k
		}
		k -= count
	}
	return 0
}

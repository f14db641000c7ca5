package repair

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"styrdok/corpus"
)

// FootnoteFix keeps footnotes apart from the running text. A footnote
// block is a run of paragraphs at the foot of a page (just before a page
// break or the end of the text) whose first lines start with a footnote
// label: a number or a glyph OCR makes of a superscript (`!`, `>`, `*`,
// `®`, `'`). The block leaves the flow as a recorded removal, reported as a
// "footnotes" range. Marks glued to words on the same page (`livskvalitet'`,
// `(IKT)?`, `konkurrenskraft®`, `staden.’`) become superscript numbers when
// their count matches the footnotes, so the word is clean again.
func FootnoteFix() Fix {
	return Fix{
		Name:     "footnotes",
		Doc:      "footnote text moved out of the flow, footnote marks separated from words",
		Apply:    applyFootnotes,
		SetApart: true,
	}
}

const whyFootnotes = "footnotes"

// footLabel returns the label that starts a footnote line ("!", "7",
// "®"), or "".
func footLabel(t string) string {
	r, size := utf8.DecodeRuneInString(t)
	if size == 0 {
		return ""
	}
	var label string
	switch {
	case strings.ContainsRune("!>*®'’?†‡", r):
		label = t[:size]
	case isSuperscriptDigit(r):
		j := size
		for j < len(t) {
			r2, s2 := utf8.DecodeRuneInString(t[j:])
			if !isSuperscriptDigit(r2) {
				break
			}
			j += s2
		}
		label = t[:j]
	case r >= '1' && r <= '9':
		j := 1
		for j < len(t) && j < 2 && t[j] >= '0' && t[j] <= '9' {
			j++
		}
		label = t[:j]
	default:
		return ""
	}
	rest := t[len(label):]
	if len(rest) < 2 || rest[0] != ' ' {
		return ""
	}
	// the note itself starts with a letter or digit
	r2, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
	if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
		return ""
	}
	return label
}

func isSuperscriptDigit(r rune) bool {
	return r == '¹' || r == '²' || r == '³' || (r >= '⁴' && r <= '⁹') || r == '⁰'
}

var superscripts = []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")

func superscriptValue(r rune) int {
	for i, s := range superscripts {
		if s == r {
			return i
		}
	}
	return 0
}

func superscript(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for _, c := range s {
		b.WriteRune(superscripts[c-'0'])
	}
	return b.String()
}

// pageBreak reports whether line t (untrimmed) starts a new page: OCR
// output marks a page break with a single leading space, and some readers
// with a form feed.
func pageBreak(s string) bool {
	if strings.HasPrefix(s, "\f") {
		return true
	}
	return len(s) > 1 && s[0] == ' ' && s[1] != ' ' && s[1] != '\t'
}

type footMark struct {
	pos, end int // the mark glyph in the text
}

func applyFootnotes(text string) (string, []corpus.Change) {
	if !strings.ContainsAny(text, "!>*®'’?†‡¹²³⁴⁵⁶⁷⁸⁹0123456789") {
		return text, nil
	}
	lines := splitLines(text)
	e := edits{text: text}
	raw := func(i int) string { return text[lines[i].Start:lines[i].End] }
	trim := func(i int) string { return strings.TrimSpace(raw(i)) }
	pageStart := 0
	for p := 0; p <= len(lines); p++ {
		atBreak := p == len(lines) || (p > 0 && pageBreak(raw(p)))
		if !atBreak {
			continue
		}
		// the end of the page's text, before trailing blank lines
		end := p - 1
		for end >= pageStart && trim(end) == "" {
			end--
		}
		block, labels := footBlock(lines, trim, pageStart, end)
		if block >= 0 {
			marks := findMarks(text, lines[pageStart].Start, lines[block].Start)
			if len(marks) == 0 {
				marks = findDigitMarks(text, lines[pageStart].Start, lines[block].Start, labels)
			}
			allGlyphs := true
			for _, l := range labels {
				if l[0] >= '0' && l[0] <= '9' {
					allGlyphs = false
				}
			}
			near := len(marks) > 0 && len(marks) <= len(labels)+1 && len(labels) <= len(marks)+1
			if (allGlyphs && (len(marks) > 0 || len(labels) >= 2)) || near {
				// remove the block with the blank lines above it
				a := block
				for a > pageStart && trim(a-1) == "" {
					a--
				}
				start, stop := lines[a].Start, lineEnd(text, lines[end])
				if stop == len(text) && text[len(text)-1] != '\n' && start > 0 {
					start--
				}
				e.remove(start, stop, whyFootnotes)
				if len(marks) == len(labels) {
					first := firstNumber(labels)
					for k, m := range marks {
						n := first + k
						e.add(m.pos, text[m.pos:m.end], superscript(n), fmt.Sprintf("footnote mark %d", n))
					}
				}
			}
		}
		if p < len(lines) {
			pageStart = p
		}
	}
	return e.finish()
}

// footBlock finds footnote paragraphs that end the page lines[from..to]:
// going up paragraph by paragraph while each paragraph starts with a
// footnote label. It returns the first line of the block and the labels of
// its labelled lines in order, or -1.
func footBlock(lines []line, trim func(int) string, from, to int) (int, []string) {
	if to < from {
		return -1, nil
	}
	block := -1
	var labels []string
	nonblank := 0
	i := to
	for i >= from {
		// the paragraph ending at i
		j := i
		for j > from && trim(j-1) != "" {
			j--
		}
		if footLabel(trim(j)) == "" || j == from {
			break
		}
		var pl []string
		for k := j; k <= i; k++ {
			if l := footLabel(trim(k)); l != "" {
				pl = append(pl, l)
			}
			nonblank++
		}
		if nonblank > 20 {
			break
		}
		labels = append(pl, labels...)
		block = j
		// skip the blank lines above
		i = j - 1
		for i >= from && trim(i) == "" {
			i--
		}
	}
	if block < 0 {
		return -1, nil
	}
	return block, labels
}

func firstNumber(labels []string) int {
	for k, l := range labels {
		n := 0
		for _, c := range l {
			switch {
			case c >= '0' && c <= '9':
				n = n*10 + int(c-'0')
			case isSuperscriptDigit(c):
				n = n*10 + superscriptValue(c)
			default:
				n = -1
			}
			if n < 0 {
				break
			}
		}
		if n > 0 {
			return max(1, n-k)
		}
	}
	return 1
}

// findMarks finds footnote marks glued to words in text[from:to]: a word
// of at least three letters (or a closing parenthesis or full stop after
// one) followed by `'`, `’`, `®`, `*` or, after a parenthesis, `?`, then
// white space.
func findMarks(text string, from, to int) []footMark {
	var marks []footMark
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune("'’®*?", r) {
			i += size
			continue
		}
		end := i + size
		if end < len(text) && !isSpaceByte(text[end]) && !strings.ContainsRune(",.;:", rune(text[end])) {
			i = end
			continue
		}
		prev, psize := utf8.DecodeLastRuneInString(text[:i])
		ok := false
		switch {
		case prev == ')' || prev == '.':
			ok = r != '*' && letterRunBefore(text, i-psize) >= 2
		case unicode.IsLetter(prev) && r != '?':
			ok = letterRunBefore(text, i) >= 3 && !openQuoteBefore(text, i, r)
		}
		if ok {
			marks = append(marks, footMark{i, end})
		}
		i = end
	}
	return marks
}

// findDigitMarks finds footnote numbers printed as ordinary digits glued
// to a word ("livskvalitet1 och"), as PDF text has them: a word of at
// least three lower-case letters directly followed by the number of one
// of the footnotes in labels, in order.
func findDigitMarks(text string, from, to int, labels []string) []footMark {
	want := firstNumber(labels)
	var marks []footMark
	for i := from; i < to; i++ {
		c := text[i]
		if c < '1' || c > '9' || i == 0 {
			continue
		}
		j := i
		for j < to && j-i < 2 && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j < len(text) && !isSpaceByte(text[j]) && !strings.ContainsRune(",.;:)", rune(text[j])) {
			i = j
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsLower(prev) || letterRunBefore(text, i) < 3 {
			i = j
			continue
		}
		n := 0
		for k := i; k < j; k++ {
			n = n*10 + int(text[k]-'0')
		}
		if n == want+len(marks) {
			marks = append(marks, footMark{i, j})
		}
		i = j
	}
	if len(marks) != len(labels) {
		return nil
	}
	return marks
}

// letterRunBefore counts the letters (and closing parentheses' contents)
// directly before offset i.
func letterRunBefore(text string, i int) int {
	n := 0
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsLetter(r) {
			break
		}
		n++
		i -= size
	}
	return n
}

// openQuoteBefore reports whether an apostrophe-like mark closes a quote
// opened earlier on the same line ('så kallad').
func openQuoteBefore(text string, i int, r rune) bool {
	if r != '\'' && r != '’' {
		return false
	}
	ls := strings.LastIndexByte(text[:i], '\n') + 1
	seg := text[ls:i]
	return strings.Contains(seg, " '") || strings.Contains(seg, "‘") || strings.Contains(seg, " ’") || strings.HasPrefix(seg, "'")
}

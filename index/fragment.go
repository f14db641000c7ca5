package index

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Highlighting is done here rather than by bleve's highlighter: the match
// locations of the folded field point at the original words of the stored
// text, so marks land exactly on them, å/ä/ö included.
const (
	maxFragments  = 3   // fragments per hit
	fragmentBytes = 220 // about how long a fragment is
	kwicRunes     = 40  // context on each side of a KWIC line
)

// fragment is a window [from, to) of a section's text and the match spans
// in it.
type fragment struct {
	from, to int
	marks    []Mark
	score    int
}

// pickFragments groups the match spans into windows of about size bytes
// and returns the max best windows in text order, and the span that best
// represents the hit (the first span of the best window).
func pickFragments(text string, spans []Mark, max, size int) ([]fragment, Mark) {
	var groups []fragment
	for i := 0; i < len(spans); {
		j := i + 1
		for j < len(spans) && spans[j].End-spans[i].Start <= size*3/4 {
			j++
		}
		g := fragment{from: spans[i].Start, to: spans[j-1].End, marks: spans[i:j]}
		distinct := map[string]bool{}
		for _, m := range g.marks {
			distinct[strings.ToLower(text[m.Start:m.End])] = true
		}
		g.score = len(distinct)*100 + len(g.marks)
		groups = append(groups, g)
		i = j
	}
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return groups[order[a]].score > groups[order[b]].score })
	if len(order) > max {
		order = order[:max]
	}
	best := groups[order[0]].marks[0]
	sort.Ints(order)
	out := make([]fragment, 0, len(order))
	prevEnd := 0
	for _, k := range order {
		g := groups[k]
		extra := size - (g.to - g.from)
		if extra < 0 {
			extra = 0
		}
		from := g.from - extra/3
		to := g.to + extra - extra/3
		if from < prevEnd {
			from = prevEnd
		}
		if from < 0 {
			from = 0
		}
		if to > len(text) {
			to = len(text)
		}
		from = snapStart(text, from, g.from)
		to = snapEnd(text, to, g.to)
		g.from, g.to, g.marks = from, to, nil
		for _, m := range spans {
			if m.Start >= from && m.End <= to {
				g.marks = append(g.marks, m)
			}
		}
		out = append(out, g)
		prevEnd = to
	}
	return out, best
}

// snapStart moves from forward to the start of a word, not past limit.
func snapStart(text string, from, limit int) int {
	from = alignRune(text, from)
	if from == 0 {
		return 0
	}
	for i := from; i < limit; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			return i + n
		}
		i += n
	}
	return from
}

// snapEnd moves to back to the end of a word, not before limit.
func snapEnd(text string, to, limit int) int {
	to = alignRune(text, to)
	if to >= len(text) {
		return len(text)
	}
	for i := to; i > limit; {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(r) {
			return i - n
		}
		i -= n
	}
	return to
}

// renderFragment writes the window of text with whitespace collapsed and
// "…" where the window cuts the text, and moves the marks along.
func renderFragment(text string, f fragment) Fragment {
	var b strings.Builder
	var marks []Mark
	if f.from > 0 {
		b.WriteString("…")
	}
	mi := 0
	space := false
	for i := f.from; i < f.to; {
		if mi < len(f.marks) && i == f.marks[mi].Start {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			start := b.Len()
			b.WriteString(text[f.marks[mi].Start:f.marks[mi].End])
			marks = append(marks, Mark{Start: start, End: b.Len()})
			i = f.marks[mi].End
			mi++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			space = true
		} else {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(text[i : i+n])
		}
		i += n
	}
	if f.to < len(text) {
		b.WriteString("…")
	}
	return Fragment{Text: b.String(), Marks: marks}
}

// collapse returns s with runs of whitespace as single spaces.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// collapsedHead returns the first n runes of collapse(s), reading no
// more of s than it needs.
func collapsedHead(s string, n int) string {
	var b strings.Builder
	runes, space := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			if runes == n {
				break
			}
			b.WriteByte(' ')
			runes++
		}
		space = false
		if runes == n {
			break
		}
		b.WriteRune(r)
		runes++
	}
	return b.String()
}

// collapsedTail returns the last n runes of collapse(s), reading no more
// of s than it needs.
func collapsedTail(s string, n int) string {
	var rev []rune
	space := false
	for i := len(s); i > 0 && len(rev) < n; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && len(rev) > 0 {
			rev = append(rev, ' ')
			if len(rev) == n {
				break
			}
		}
		space = false
		rev = append(rev, r)
	}
	slices.Reverse(rev)
	return string(rev)
}

// makeKWIC returns the match m of text with kwicRunes of context a side.
func makeKWIC(text string, m Mark) KWIC {
	lo := alignRune(text, max(0, m.Start-8*kwicRunes))
	hi := alignRune(text, min(len(text), m.End+8*kwicRunes))
	l, r := collapsedTail(text[lo:m.Start], kwicRunes), collapsedHead(text[m.End:hi], kwicRunes)
	if before, _ := utf8.DecodeLastRuneInString(text[lo:m.Start]); l != "" && unicode.IsSpace(before) {
		l += " "
	}
	if after, _ := utf8.DecodeRuneInString(text[m.End:hi]); r != "" && unicode.IsSpace(after) {
		r = " " + r
	}
	return KWIC{Left: l, Match: text[m.Start:m.End], Right: r}
}

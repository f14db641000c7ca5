package repair

import (
	"sort"
	"strings"

	"styrdok/corpus"
)

// edits collects the changes one fix makes to one text. Changes may be
// added in any order; overlapping ones are dropped (the first added wins),
// so the result always satisfies ApplyChanges(text, changes) == output.
type edits struct {
	text    string
	changes []corpus.Change
}

// add records replacing text[pos:pos+len(before)] (which must equal before)
// with after. It ignores edits that do not match the text or change nothing.
func (e *edits) add(pos int, before, after, why string) {
	if before == after || pos < 0 || pos+len(before) > len(e.text) || e.text[pos:pos+len(before)] != before {
		return
	}
	e.changes = append(e.changes, corpus.Change{Pos: pos, Before: before, After: after, Why: why})
}

// remove records deleting text[start:end].
func (e *edits) remove(start, end int, why string) {
	if start < 0 || end > len(e.text) || start >= end {
		return
	}
	e.add(start, e.text[start:end], "", why)
}

// finish returns the edited text and the accepted changes in text order.
func (e *edits) finish() (string, []corpus.Change) {
	if len(e.changes) == 0 {
		return e.text, nil
	}
	sort.SliceStable(e.changes, func(i, j int) bool { return e.changes[i].Pos < e.changes[j].Pos })
	kept := e.changes[:0]
	end := -1
	for _, c := range e.changes {
		// An insertion at the end of the previous edit would be ambiguous
		// in order; a replacement must not overlap.
		if c.Pos < end || (c.Pos == end && (c.Before == "" || kept[len(kept)-1].Before == "")) {
			continue
		}
		kept = append(kept, c)
		end = c.Pos + len(c.Before)
	}
	var b strings.Builder
	b.Grow(len(e.text))
	pos := 0
	for _, c := range kept {
		b.WriteString(e.text[pos:c.Pos])
		b.WriteString(c.After)
		pos = c.Pos + len(c.Before)
	}
	b.WriteString(e.text[pos:])
	return b.String(), kept
}

// line is one line of a text: [Start, End) without its newline.
type line struct {
	Start, End int
}

// splitLines returns the lines of s; a final newline does not open a line
// of its own unless text follows.
func splitLines(s string) []line {
	lines := make([]line, 0, strings.Count(s, "\n")+1)
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			lines = append(lines, line{start, i})
			start = i + 1
		}
	}
	lines = append(lines, line{start, len(s)})
	return lines
}

// lineEnd returns the offset just past the newline of l, or len(s).
func lineEnd(s string, l line) int {
	if l.End < len(s) {
		return l.End + 1
	}
	return l.End
}

func isBlank(s string) bool {
	return strings.TrimSpace(s) == ""
}

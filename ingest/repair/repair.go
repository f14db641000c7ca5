// Package repair mends damaged Swedish text: mojibake, lost and misread
// å/ä/ö, line-break hyphenation, page furniture, footnote marks and web
// boilerplate. Repair is an ordered list of named fixes (DefaultFixes):
//
//	unicode      NFC, ligatures, soft hyphens, zero-width and exotic spaces
//	mojibake     UTF-8 read as Windows-1252/Latin-1, once or twice
//	boilerplate  viewer chrome, cookie/navigation lines, listings of other documents
//	furniture    page headers and footers, page numbers, logo and scan noise, OCR bullets
//	footnotes    footnote text out of the flow, glued marks made superscript numbers
//	hyphenation  words split at line ends (and by reflow) joined, real hyphens kept
//	diacritics   lost and misread å/ä/ö and U+FFFD restored by the lexicon
//
// Every edit a fix makes is recorded as a corpus.Change whose Before and
// After reproduce the output exactly (ApplyChanges), so nothing is dropped
// silently; removals of whole lines by boilerplate, furniture and footnotes
// are also reported as Result.Boilerplate ranges of raw lines.
package repair

import (
	"sort"
	"strings"

	"styrdok/corpus"
)

// Fix is one named repair step. Apply returns the repaired text and the
// edits it made. The edits must describe the change exactly: applying them
// to the input in order of Pos (each Before replaced by After at Pos, Pos
// counted in the input) gives the output. Changes need not set Line; Clean
// fills it in.
type Fix struct {
	Name  string
	Doc   string
	Apply func(text string) (string, []corpus.Change)
	// SetApart, when true, makes Clean report every removal of whole lines
	// this fix makes as a Result.Boilerplate range (with the change's Why),
	// so that later stages and the diff know the text was set apart.
	SetApart bool
}

// Result is what Clean produced.
type Result struct {
	Text        string
	LineMap     []int // LineMap[i] is the 1-based input line of output line i+1
	Changes     []corpus.Change
	Boilerplate []corpus.LineRange
}

// Clean applies fixes in order to raw and returns the repaired text, the
// line map back to raw and every change, each with the raw line it falls on.
func Clean(raw string, fixes []Fix) Result {
	text := raw
	lineMap := corpus.IdentityLineMap(raw)
	var all []corpus.Change
	var apart []corpus.LineRange
	for _, f := range fixes {
		out, changes := f.Apply(text)
		if len(changes) == 0 {
			continue
		}
		sort.SliceStable(changes, func(i, j int) bool { return changes[i].Pos < changes[j].Pos })
		lineStarts := lineOffsets(text)
		for i := range changes {
			c := &changes[i]
			c.Fix = f.Name
			c.Line = lineMap[lineAt(lineStarts, c.Pos)]
			if f.SetApart {
				if r, ok := wholeLines(text, lineStarts, lineMap, *c); ok {
					apart = append(apart, r)
				}
			}
		}
		lineMap = remapLines(text, lineStarts, changes, lineMap)
		all = append(all, changes...)
		text = out
	}
	return Result{Text: text, LineMap: lineMap, Changes: all, Boilerplate: mergeRanges(apart)}
}

// wholeLines returns the raw line range a removal covers when it removes
// whole lines (blank lines at its edges do not count).
func wholeLines(text string, starts, lineMap []int, c corpus.Change) (corpus.LineRange, bool) {
	if c.Before == "" || strings.TrimSpace(c.After) != "" {
		return corpus.LineRange{}, false
	}
	start, end := c.Pos, c.Pos+len(c.Before)
	if end > len(text) {
		return corpus.LineRange{}, false
	}
	// Whole lines: the removal starts at a line start (or after the
	// newline of the line before) and ends at a line end.
	if start > 0 && text[start-1] != '\n' && text[start] != '\n' {
		return corpus.LineRange{}, false
	}
	if end < len(text) && text[end-1] != '\n' && text[end] != '\n' {
		return corpus.LineRange{}, false
	}
	// Trim blank edges so the range names the text lines.
	for start < end && (text[start] == '\n' || text[start] == ' ' || text[start] == '\t') {
		start++
	}
	for end > start && (text[end-1] == '\n' || text[end-1] == ' ' || text[end-1] == '\t') {
		end--
	}
	if start >= end {
		return corpus.LineRange{}, false
	}
	first := lineMap[min(lineAt(starts, start), len(lineMap)-1)]
	last := lineMap[min(lineAt(starts, end-1), len(lineMap)-1)]
	return corpus.LineRange{StartLine: first, EndLine: max(first, last), Why: c.Why}, true
}

// mergeRanges sorts ranges and merges those that touch and share a reason.
func mergeRanges(rs []corpus.LineRange) []corpus.LineRange {
	if len(rs) == 0 {
		return nil
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].StartLine < rs[j].StartLine })
	out := []corpus.LineRange{rs[0]}
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		if r.Why == last.Why && r.StartLine <= last.EndLine+2 {
			last.EndLine = max(last.EndLine, r.EndLine)
			continue
		}
		out = append(out, r)
	}
	return out
}

// lineOffsets returns the byte offset at which each line of s starts.
func lineOffsets(s string) []int {
	starts := make([]int, 1, strings.Count(s, "\n")+1)
	for i := 0; ; {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

// lineAt returns the 0-based line holding byte offset pos.
func lineAt(starts []int, pos int) int {
	return sort.Search(len(starts), func(i int) bool { return starts[i] > pos }) - 1
}

// remapLines computes the line map of the text after changes, given the
// line map of the text before and where in's lines start (lineOffsets).
// Each output line maps to the input line its first byte comes from; a line
// that starts with an edit's replacement text maps to the line of the edit.
func remapLines(in string, starts []int, changes []corpus.Change, before []int) []int {
	lineOf := func(pos int) int {
		return before[min(lineAt(starts, min(pos, len(in))), len(before)-1)]
	}
	after := make([]int, 0, len(before))
	pending := 1 // output lines whose first byte has not been seen yet
	resolve := func(line int) {
		for ; pending > 0; pending-- {
			after = append(after, line)
		}
	}
	// put accounts for output text s whose bytes come from input position
	// at(i) for byte i.
	put := func(s string, at func(i int) int) {
		for i := 0; i < len(s); {
			if pending > 0 {
				resolve(lineOf(at(i)))
			}
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				return
			}
			pending++
			i += j + 1
		}
	}
	pos := 0
	for _, c := range changes {
		if c.Pos < pos || c.Pos+len(c.Before) > len(in) {
			continue // overlapping or out-of-range edits are ignored here
		}
		base := pos
		put(in[pos:c.Pos], func(i int) int { return base + i })
		cpos := c.Pos
		put(c.After, func(int) int { return cpos })
		pos = c.Pos + len(c.Before)
	}
	base := pos
	put(in[pos:], func(i int) int { return base + i })
	resolve(lineOf(len(in)))
	return after
}

// ApplyChanges applies edits to text the way a Fix describes them; it is
// the reference against which fixes are tested.
func ApplyChanges(text string, changes []corpus.Change) string {
	sorted := append([]corpus.Change(nil), changes...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Pos < sorted[j].Pos })
	var b strings.Builder
	pos := 0
	for _, c := range sorted {
		if c.Pos < pos || c.Pos+len(c.Before) > len(text) || text[c.Pos:c.Pos+len(c.Before)] != c.Before {
			continue
		}
		b.WriteString(text[pos:c.Pos])
		b.WriteString(c.After)
		pos = c.Pos + len(c.Before)
	}
	b.WriteString(text[pos:])
	return b.String()
}

// DefaultFixes returns the repair steps in the order Clean applies them.
func DefaultFixes() []Fix {
	return []Fix{
		UnicodeFix(),
		MojibakeFix(),
		BoilerplateFix(),
		FurnitureFix(),
		FootnoteFix(),
		HyphenationFix(),
		DiacriticsFix(),
	}
}

// Repair sets d.Text, d.LineMap, d.Changes and d.Boilerplate from d.Raw.
func Repair(d *corpus.Document) {
	r := Clean(d.Raw, DefaultFixes())
	d.Text, d.LineMap, d.Changes, d.Boilerplate = r.Text, r.LineMap, r.Changes, r.Boilerplate
}

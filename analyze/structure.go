package analyze

import (
	"sort"
	"strings"
)

// buildSections turns the headings into sections with raw line ranges.
func (a *adoc) buildSections() {
	sort.SliceStable(a.heads, func(i, j int) bool { return a.heads[i].Start < a.heads[j].Start })
	end := len(a.text)
	for i, h := range a.heads {
		s := secInfo{heading: h, BodyStart: h.End, Part: a.part(h.Start)}
		s.BodyEnd = end
		if i+1 < len(a.heads) {
			s.BodyEnd = a.heads[i+1].Start
		}
		s.StartLine = a.rawLine(h.Start)
		// The section ends on the last non-blank line before the next heading.
		li := a.lineAt(s.BodyEnd)
		if s.BodyEnd > 0 && (a.lines[li].start >= s.BodyEnd || i+1 < len(a.heads) && !a.heads[i+1].RunIn) {
			li--
		}
		for li > 0 && (a.lines[li].blank || a.lines[li].bp) && a.lines[li].start > h.Start {
			li--
		}
		if li < 0 {
			li = 0
		}
		s.EndLine = a.lines[li].raw
		if s.EndLine < s.StartLine {
			s.EndLine = s.StartLine
		}
		a.secs = append(a.secs, s)
	}
}

// secAt returns the index of the section holding byte offset pos, or -1.
func (a *adoc) secAt(pos int) int {
	i := sort.Search(len(a.secs), func(i int) bool { return a.secs[i].Start > pos })
	return i - 1
}

// buildSentences splits the running text (not boilerplate, not headings)
// into sentences and list items.
func (a *adoc) buildSentences() {
	type piece struct{ buf, text, n int }
	var buf strings.Builder
	var pieces []piece
	item := false
	flush := func() {
		s := buf.String()
		if strings.TrimSpace(s) != "" {
			a.splitParagraph(s, func(b int) int {
				for k := len(pieces) - 1; k >= 0; k-- {
					if b >= pieces[k].buf {
						return pieces[k].text + b - pieces[k].buf
					}
				}
				return 0
			}, item)
		}
		buf.Reset()
		pieces = pieces[:0]
		item = false
	}
	add := func(start, end int) {
		if end <= start {
			return
		}
		if buf.Len() > 0 {
			buf.WriteByte(' ')
		}
		pieces = append(pieces, piece{buf.Len(), start, end - start})
		buf.WriteString(a.text[start:end])
	}
	hi := 0
	for i := range a.lines {
		l := a.lines[i]
		if l.blank && a.metaJoin[i] {
			continue // between a label cell and its value
		}
		if l.bp || l.blank {
			flush()
			continue
		}
		if a.metaRows[i] {
			flush() // a header row is a sentence of its own
			add(l.start, l.end)
			flush()
			continue
		}
		for hi < len(a.heads) && a.heads[hi].End <= l.start {
			hi++
		}
		pos := l.start
		whole := false
		for k := hi; k < len(a.heads) && a.heads[k].Start <= l.end; k++ {
			h := a.heads[k]
			if !h.RunIn {
				whole = true
				break
			}
			add(pos, h.Start)
			flush()
			pos = h.End
		}
		if whole {
			flush()
			continue
		}
		if pos == l.start {
			if m := reBullet.FindStringIndex(l.text); m != nil {
				flush()
				item = true
				pos = l.start + m[1]
			} else if strings.HasPrefix(strings.TrimLeft(cleanEvidence(l.text), " "), "att ") && buf.Len() == 0 {
				item = true
			}
		}
		add(pos, l.end)
	}
	flush()
	for i := range a.sents {
		a.sents[i].Sec = a.secAt(a.sents[i].Start)
	}
}

// splitParagraph cuts one paragraph into sentences. toText maps a byte
// offset in p to one in Text.
func (a *adoc) splitParagraph(p string, toText func(int) int, item bool) {
	start := 0
	first := true
	emit := func(end int) {
		seg := p[start:end]
		lead := len(seg) - len(strings.TrimLeft(seg, " \t*_#>\"“"))
		txt := cleanEvidence(seg)
		if txt != "" && strings.Trim(txt, " .,;:-–•") != "" {
			ts := toText(start + lead)
			a.sents = append(a.sents, sentence{Text: txt, Start: ts, End: toText(end), Line: a.rawLine(ts),
				Item: item && first, ParaStart: first})
			first = false
		}
		start = end
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(p) && (p[j] == '*' || p[j] == '_' || p[j] == '"' || p[j] == ')') {
			j++
		}
		if j < len(p) && p[j] != ' ' && p[j] != '\t' {
			continue
		}
		k := j
		for k < len(p) && (p[k] == ' ' || p[k] == '\t' || p[k] == '*' || p[k] == '_') {
			k++
		}
		if k < len(p) && !startsSentence(p[k:]) {
			continue
		}
		if c == '.' && isAbbrevBefore(p[:i]) {
			continue
		}
		emit(j)
	}
	emit(len(p))
}

func startsSentence(s string) bool {
	if s == "" {
		return true
	}
	return isCap(s) || strings.ContainsAny(s[:1], "0123456789•-–\"“(")
}

// isAbbrevBefore reports whether the text before a full stop ends with an
// abbreviation ("t.ex", "bl.a") or a single letter.
func isAbbrevBefore(s string) bool {
	i := strings.LastIndexAny(s, " \t(")
	w := fold(s[i+1:])
	if o := s[i+1:]; o == "i" || o == "å" || o == "ö" {
		return false // the words "i", "å", "ö" end sentences ("att bo och studera i.")
	}
	return abbreviations[w] || len([]rune(w)) == 1
}

// labelSections gives every section a label: from its heading words, else
// from its content, else from the section before it when that one is a
// container (strategier, inriktning, ansvar …) at the same or a higher
// level, else ovrigt.
func (a *adoc) labelSections() {
	body := make([][]string, len(a.secs))
	for _, s := range a.sents {
		if s.Sec >= 0 {
			body[s.Sec] = append(body[s.Sec], s.Text)
		}
	}
	headCount := map[string]int{}
	for _, s := range a.secs {
		headCount[fold(s.Text)]++
	}
	for i := range a.secs {
		s := &a.secs[i]
		// The title of the document (or of a part) heads it; it is no role.
		hw := words(s.Text)
		// "Riktlinjer för internationella resor": a document's name.
		named := len(hw) >= 3 && docTypeOf(hw[0]) != "" && fold(hw[1]) == "for" &&
			(HeadingLabel(hw[0]) == "" || HeadingLabel(hw[0]) == "principer") && headCount[fold(s.Text)] > 1
		if (i == 0 || a.secs[i-1].Part != s.Part || named) && docTypeOf(s.Text) != "" && (len(hw) >= 3 || len(hw) == 2 && HeadingLabel(s.Text) == "") {
			s.Label = "ovrigt"
			continue
		}
		if l := HeadingLabel(s.Text); l != "" {
			s.Label, s.OwnLabel = l, true
			continue
		}
		var prev *secInfo
		if i > 0 && a.secs[i-1].Part == s.Part && containerLabels[a.secs[i-1].Label] {
			prev = &a.secs[i-1]
		}
		// A sub-heading (deeper level) belongs to its container.
		if prev != nil && prev.Level < s.Level {
			s.Label = prev.Label
			continue
		}
		if l := contentLabel(body[i]); l != "" {
			s.Label = l
			continue
		}
		if prev != nil && prev.Level <= s.Level {
			s.Label = prev.Label
			continue
		}
		s.Label = "ovrigt"
	}
}

var containerLabels = map[string]bool{
	"strategier": true, "inriktning": true, "ansvar": true, "bilaga": true,
	"definitioner": true, "principer": true,
}

// contentLabel labels a section whose heading says little from what its
// text does: assigns responsibility (ansvar), plans follow-up
// (uppfoljning), or lists means (strategier).
func contentLabel(sents []string) string {
	resp, follow, means := 0, 0, 0
	for _, s := range sents {
		f := fold(s)
		resp += strings.Count(f, "ansvarar for") + strings.Count(f, "ansvaret for") + strings.Count(f, "ansvar for")
		for _, k := range []string{"revideras", "utvarderas", "foljas upp", "uppfoljning", "utvardering"} {
			follow += strings.Count(f, k)
		}
		if strings.Contains(f, "gor vi genom") || strings.HasPrefix(f, "genom att ") {
			means++
		}
	}
	switch {
	case resp >= 1 && resp >= follow:
		return "ansvar"
	case follow >= 1:
		return "uppfoljning"
	case means >= 1:
		return "strategier"
	}
	return ""
}

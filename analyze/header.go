package analyze

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"styrdok/corpus"
)

// metaField is one label/value pair of a document's header table.
type metaField struct {
	Key      string // from metaLabels
	Label    string // as written
	Value    string // cleaned value
	Line     int    // raw line of the label
	Start    int    // byte offset of the label in Text
	Evidence string // "Label Value"
}

// labelHit is a header label found in one line.
type labelHit struct {
	key        string
	start, end int // label bytes in the line
	valStart   int // after the label, a colon and spaces
	colon      bool
}

var foldedMetaLabels = func() []struct{ Label, Key string } {
	out := make([]struct{ Label, Key string }, len(metaLabels))
	for i, l := range metaLabels {
		out[i] = struct{ Label, Key string }{fold(l.Label), l.Key}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Label) > len(out[j].Label) })
	return out
}()

// metaLabelFirst holds the folded first words of the header labels, to
// skip words that cannot start one without folding the line.
var metaLabelFirst = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range foldedMetaLabels {
		w := l.Label
		if i := strings.IndexAny(w, " ."); i >= 0 {
			w = w[:i]
		}
		m[w] = true
	}
	return m
}()

// labelAt returns the header label that starts at byte p of line, if any.
func labelAt(line string, p int) (labelHit, bool) {
	rest := line[p:]
	if len(rest) > 64 {
		// Labels are short: fold only the start (cut at a rune boundary).
		cut := 64
		for cut < len(rest) && !utf8.RuneStart(rest[cut]) {
			cut++
		}
		rest = rest[:cut]
	}
	f := fold(rest)
	for _, l := range foldedMetaLabels {
		if !strings.HasPrefix(f, l.Label) {
			continue
		}
		n := len(l.Label)
		if n < len(f) {
			r, _ := utf8.DecodeRuneInString(f[n:])
			if r != ' ' && r != ':' && r != '\t' && r != '|' && r != '*' && r != '.' {
				continue
			}
			if r == '.' && !strings.HasSuffix(l.Label, ".") {
				continue // "Datum." is a sentence
			}
		}
		end := p + toOrig(rest, n)
		h := labelHit{key: l.Key, start: p, end: end}
		v := end
		for v < len(line) && (line[v] == ' ' || line[v] == '\t' || line[v] == '*') {
			v++
		}
		if v < len(line) && line[v] == ':' {
			h.colon = true
			v++
		}
		for v < len(line) && (line[v] == ' ' || line[v] == '\t' || line[v] == '*') {
			v++
		}
		h.valStart = v
		return h, true
	}
	return labelHit{}, false
}

// lineLabels returns the header labels in a line: at the line start, or
// capitalised after a space or a table bar.
func lineLabels(line string) []labelHit {
	var out []labelHit
	locs := reWordPos.FindAllStringIndex(line, -1)
	for k := 0; k < len(locs); k++ {
		p := locs[k][0]
		w := line[p:locs[k][1]]
		lead := strings.TrimLeft(line[:p], " \t*|")
		mid := lead != "" && !isNumber(strings.TrimSpace(lead))
		if mid && isCap(w) {
			// Mid-line: after a value, the label starts a new cell.
			prev := strings.TrimRight(line[:p], " \t*")
			if prev != "" && strings.ContainsAny(prev[len(prev)-1:], ",(") {
				continue
			}
		}
		lw := w
		if i := strings.IndexFunc(lw, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
			lw = lw[:i]
		}
		if !metaLabelFirst[fold(lw)] {
			continue
		}
		h, ok := labelAt(line, p)
		if !ok {
			continue
		}
		if mid && !isCap(w) && !h.colon {
			continue // a lower-case label needs its colon: "…, datum: 2015-03-12"
		}
		out = append(out, h)
		for k+1 < len(locs) && locs[k+1][0] < h.end {
			k++
		}
	}
	return out
}

var reTableSep = regexp.MustCompile(`^\s*\|?\s*:?-{2,}`)

// tableCells splits a table row as the readers write it ("a | b", or
// Markdown's "| a | b |") into its trimmed cells, bold marks and a final
// colon dropped. A line that is no table row gives nil.
func tableCells(t string) []string {
	tt := strings.TrimSpace(t)
	if !strings.Contains(tt, " | ") && !(strings.HasPrefix(tt, "|") && strings.Count(tt, "|") >= 2) {
		return nil
	}
	if reTableSep.MatchString(tt) {
		return nil
	}
	var cells []string
	for _, c := range strings.Split(strings.Trim(tt, "|"), "|") {
		c = strings.TrimRight(strings.Trim(strings.TrimSpace(c), "*"), ":")
		if c == "" {
			return nil
		}
		cells = append(cells, c)
	}
	return cells
}

// findMetaFields reads the header fields of the main document: Markdown
// table rows ("| Diarienummer | KS 2015/0123 |"), labels with colons
// ("Beslutsinstans: Kommunfullmäktige"), runs of labels and values
// flattened onto one line ("Dokumenttyp Riktlinjer Beslutad av
// Kommunstyrelsen Datum 2015-03-12"), rows of such lines, and table cells
// on lines of their own (a label line, then its value line). The lines of
// the last kind are recorded in a.metaLines: they are not headings.
func (a *adoc) findMetaFields() {
	a.metaLines, a.metaRows, a.metaJoin = map[int]bool{}, map[int]bool{}, map[int]bool{}
	hits := make([][]labelHit, len(a.lines))
	for i, l := range a.lines {
		if !l.blank && !l.bp {
			t := strings.TrimRight(l.text, " \t|*:")
			if len(t) > 1000 {
				// A page on one line: its header fields, if any, open it.
				cut := 1000
				for cut > 0 && !utf8.RuneStart(t[cut]) {
					cut--
				}
				t = t[:cut]
			}
			hits[i] = lineLabels(t)
		}
	}
	add := func(h labelHit, line tline, label, value string) {
		if len(value) > 300 {
			// The last field of a page on one line: keep its start.
			cut := 300
			for cut > 0 && !utf8.RuneStart(value[cut]) {
				cut--
			}
			value = value[:cut]
		}
		value = strings.Trim(cleanEvidence(value), " |:;,")
		if value == "" {
			return
		}
		a.fields = append(a.fields, metaField{Key: h.key, Label: strings.TrimSpace(cleanEvidence(label)),
			Value: value, Line: line.raw, Start: line.start + h.start,
			Evidence: cleanEvidence(strings.TrimSpace(label) + " " + value)})
	}
	// labelOnly reports whether line i is nothing but a label.
	labelOnly := func(i int) (labelHit, bool) {
		l := a.lines[i]
		if l.blank || l.bp || reMDHeading.MatchString(l.text) {
			return labelHit{}, false
		}
		t := strings.TrimRight(l.text, " \t|*:")
		hs := hits[i]
		if len(hs) == 1 && strings.TrimLeft(t[:hs[0].start], " \t|*") == "" && hs[0].end == len(t) {
			return hs[0], true
		}
		return labelHit{}, false
	}
	nextText := func(i int) int {
		for j := i + 1; j < len(a.lines) && j <= i+3; j++ {
			if a.lines[j].bp {
				return -1
			}
			if !a.lines[j].blank {
				return j
			}
		}
		return -1
	}
	prevText := func(i int) int {
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			if a.lines[j].bp {
				return -1
			}
			if !a.lines[j].blank {
				return j
			}
		}
		return -1
	}
	startsLabel := func(i int) bool {
		if i < 0 || i >= len(a.lines) || a.lines[i].blank {
			return false
		}
		hs := hits[i]
		return len(hs) > 0 && strings.TrimLeft(a.lines[i].text[:hs[0].start], " \t|*0123456789") == ""
	}
	// A table row of labels, then a row of their values cell for cell (a
	// header table with its labels across the top, as web pages and Word
	// documents set them): "Dokumenttyp | Beslutad av" over "Riktlinjer |
	// Kommunstyrelsen", with or without Markdown's outer pipes and rule.
	for i := 0; i < len(a.lines); i++ {
		if a.metaLines[i] || !a.inMain(a.lines[i].start) {
			continue
		}
		labels := tableCells(a.lines[i].text)
		if len(labels) < 2 {
			continue
		}
		hs := make([]labelHit, len(labels))
		all := true
		for c, cell := range labels {
			h, ok := labelAt(cell, 0)
			if !ok || strings.TrimSpace(cell[h.end:]) != "" {
				all = false
				break
			}
			hs[c] = h
		}
		if !all {
			continue
		}
		j := nextText(i)
		if j >= 0 && reTableSep.MatchString(a.lines[j].text) {
			a.metaLines[j] = true
			j = nextText(j)
		}
		if j < 0 {
			continue
		}
		values := tableCells(a.lines[j].text)
		if len(values) != len(labels) {
			continue
		}
		for c := range labels {
			h := hs[c]
			off := strings.Index(a.lines[i].text, labels[c])
			h.start += max(off, 0)
			add(h, a.lines[i], labels[c], values[c])
		}
		a.metaLines[i], a.metaLines[j] = true, true
		i = j
	}
	// A column of labels, then the column of their values in the same
	// order (a table read column by column).
	for i := 0; i < len(a.lines); i++ {
		if a.metaLines[i] || !a.inMain(a.lines[i].start) {
			continue
		}
		var labels, values []int
		j := i
		for j >= 0 {
			if _, ok := labelOnly(j); !ok {
				break
			}
			labels = append(labels, j)
			j = nextText(j)
		}
		if len(labels) < 2 {
			continue
		}
		for j >= 0 && len(values) < len(labels) {
			if _, ok := labelOnly(j); ok {
				break
			}
			v := strings.TrimSpace(cleanEvidence(a.lines[j].text))
			if utf8.RuneCountInString(v) > 100 || strings.HasSuffix(v, ".") || reMDHeading.MatchString(a.lines[j].text) {
				break
			}
			values = append(values, j)
			j = nextText(j)
		}
		if len(values) != len(labels) {
			i = labels[len(labels)-1]
			continue
		}
		for k, li := range labels {
			h, _ := labelOnly(li)
			lt := a.lines[li].text
			h.start += strings.Index(lt, strings.TrimSpace(lt))
			add(h, a.lines[li], strings.TrimSpace(lt), a.lines[values[k]].text)
			a.metaLines[li], a.metaLines[values[k]] = true, true
		}
		i = values[len(values)-1]
	}
	for i := range a.lines {
		l := a.lines[i]
		if l.bp || l.blank || !a.inMain(l.start) || a.metaLines[i] {
			continue
		}
		t := l.text
		// Markdown table rows: label cells and value cells.
		if tt := strings.TrimSpace(t); strings.HasPrefix(tt, "|") && strings.Count(tt, "|") >= 2 {
			if reTableSep.MatchString(tt) {
				continue
			}
			cells := strings.Split(strings.Trim(tt, "|"), "|")
			for c := 0; c+1 < len(cells); c++ {
				cell := strings.Trim(strings.TrimSpace(cells[c]), "*:")
				h, ok := labelAt(cell, 0)
				if ok && strings.TrimSpace(cell[h.end:]) == "" {
					off := strings.Index(t, strings.TrimSpace(cells[c]))
					h.start += max(off, 0)
					add(h, l, cell, cells[c+1])
					c++
				}
			}
			continue
		}
		// A label alone on its line, its value on the next line.
		if h, ok := labelOnly(i); ok {
			j := nextText(i)
			if j < 0 {
				continue
			}
			if _, isLabel := labelOnly(j); isLabel {
				continue
			}
			v := strings.TrimSpace(cleanEvidence(a.lines[j].text))
			if utf8.RuneCountInString(v) > 100 || strings.HasSuffix(v, ".") {
				continue
			}
			// Another label line near by makes it a table.
			near := false
			p1 := prevText(i)
			p2 := -1
			if p1 >= 0 {
				p2 = prevText(p1)
			}
			for _, k := range []int{nextText(j), p1, p2} {
				if k >= 0 {
					if _, ok := labelOnly(k); ok || startsLabel(k) {
						near = true
					}
				}
			}
			if !near {
				continue
			}
			a.metaLines[i], a.metaLines[j] = true, true
			for k := i + 1; k < j; k++ {
				a.metaJoin[k] = true
			}
			h.start += strings.Index(t, strings.TrimSpace(t))
			add(h, l, strings.TrimSpace(t), v)
			continue
		}
		hs := hits[i]
		if len(hs) == 0 {
			continue
		}
		first := strings.TrimLeft(t[:hs[0].start], " \t|*0123456789") == ""
		row := first && (len(hs) >= 2 || startsLabel(i-1) || startsLabel(i+1))
		if first && len(hs) == 1 && !row {
			// One label and a date or number alone on the line:
			// "Sammanträdesdatum 2020-11-23", "Dnr KS 2020/551".
			v := strings.TrimSpace(t[hs[0].valStart:])
			if ds := FindDates(v); len(v) <= 40 && (len(ds) > 0 && ds[0].Start == 0 || hs[0].key == "dnr") {
				row = true
			}
		}
		if (row || first && hs[0].colon) && utf8.RuneCountInString(t) <= 200 {
			a.metaRows[i] = true
		}
		for k, h := range hs {
			end := len(t)
			if k+1 < len(hs) {
				end = hs[k+1].start
			}
			if !(row || h.colon) || h.valStart > end {
				continue
			}
			add(h, l, t[h.start:h.end], t[h.valStart:end])
		}
	}
}

// field returns the first header field with key k, or nil.
func (a *adoc) field(k string) *metaField {
	for i := range a.fields {
		if a.fields[i].Key == k {
			return &a.fields[i]
		}
	}
	return nil
}

var (
	reYearRange = regexp.MustCompile(`^((?:19|20)\d\d)\s*(?:-|–|—|till|t\.?\s?o\.?\s?m\.?)\s*((?:19|20)\d\d)\b`)
	reYearOnly  = regexp.MustCompile(`^(?:(?:till\s+och\s+med|t\.?\s?o\.?\s?m\.?|till|utgången\s+av|slutet\s+av)\s+)?(?:år\s+)?((?:19|20)\d\d)\b`)
)

// parseValidity reads a validity value after a label: "tills vidare",
// a date, a period of two dates or years (valid until the end of the
// second), or a year ("till och med 2019": the end of that year). until
// says the label names the end ("gäller till", "giltighetstid"); a bare
// "gäller" with one date names its start, not its end.
func parseValidity(value string, until bool) string {
	v := strings.TrimSpace(value)
	v = strings.TrimLeft(v, ":| ")
	if reUntilFurther.MatchString(v) {
		return "tillsvidare"
	}
	if ds := FindDates(v); len(ds) > 0 && ds[0].Start <= 16 {
		pre := fold(v[:ds[0].Start])
		if len(ds) > 1 && reRangeSep.MatchString(v[ds[0].End:ds[1].Start]) {
			return ds[1].ISO
		}
		if strings.Contains(pre, "fran") || strings.Contains(pre, "fr.o.m") || strings.Contains(pre, "fr o m") {
			return ""
		}
		if until || strings.Contains(pre, "till") || strings.Contains(pre, "t.o.m") || strings.Contains(pre, "tom") {
			return ds[0].ISO
		}
		return ""
	}
	if m := reYearRange.FindStringSubmatch(v); m != nil && m[2] > m[1] {
		return m[2] + "-12-31"
	}
	if m := reYearOnly.FindStringSubmatch(v); m != nil {
		if until || fold(v) != fold(m[1]) {
			return m[1] + "-12-31"
		}
	}
	return ""
}

// untilLabel reports whether a validity label names the end of the
// period ("gäller till", "giltighetstid"), not only that the document
// applies ("gäller").
func untilLabel(label string) bool {
	f := fold(strings.TrimSpace(strings.TrimRight(label, ": ")))
	return f != "galler" && f != "giltig"
}

// applyMetaFields fills the model from the header fields where the text
// scan found nothing: registration numbers, adoption body and date,
// validity, and the document type the header names.
func (a *adoc) applyMetaFields(m *corpus.Model) {
	if len(a.fields) == 0 {
		return
	}
	seen := map[string]bool{}
	for _, r := range m.RegistrationNumbers {
		seen[strings.ReplaceAll(r, " ", "")] = true
	}
	for _, f := range a.fields {
		if f.Key != "dnr" {
			continue
		}
		if mm := reDnrValue.FindString(f.Value); mm != "" {
			v := strings.TrimRight(mm, ".:-/ ")
			k := strings.ReplaceAll(v, " ", "")
			if !seen[k] {
				seen[k] = true
				m.RegistrationNumbers = append(m.RegistrationNumbers, v)
			}
		}
	}
	// Validity: the header states it more reliably than prose.
	for _, f := range a.fields {
		if f.Key != "valid" {
			continue
		}
		if v := parseValidity(f.Value, untilLabel(f.Label)); v != "" {
			m.ValidUntil = corpus.Opt(v)
			m.Evidence["valid_until"] = corpus.Fact{Evidence: f.Evidence, Line: f.Line}
			break
		}
	}
	// Adoption: body and date from the same header.
	by, date := a.field("by"), (*metaField)(nil)
	for i := range a.fields {
		f := &a.fields[i]
		ds := FindDates(f.Value)
		if f.Key != "date" || len(ds) == 0 {
			continue
		}
		// The value is the date ("2015-03-12 § 23", "av KF den 3 maj 2015"),
		// not a phrase that holds one ("Datum för nästa revidering: …").
		if pre := fold(f.Value[:ds[0].Start]); len(pre) > 4 && !strings.HasPrefix(pre, "av ") && !strings.HasPrefix(pre, "den ") {
			continue
		}
		// A bare "Datum" is the decision date only next to a body label.
		if fold(f.Label) == "datum" && by == nil {
			continue
		}
		date = f
		break
	}
	body := ""
	if by != nil {
		body = bodyIn(by.Value)
		if body == "" {
			ws := words(by.Value)
			if len(ws) > 0 && len(ws) <= 5 && isCap(ws[0]) && isActorWord(ws[len(ws)-1], fold(ws[len(ws)-1])) {
				body = capFirst(strings.TrimRight(by.Value, " ,.;"))
			}
		}
	}
	if body == "" {
		// "Beslutad: KF 2015-03-12", "Antagen: kommunfullmäktige"
		for i := range a.fields {
			f := &a.fields[i]
			if f.Key == "date" && fold(f.Label) != "datum" {
				if body = bodyIn(f.Value); body != "" {
					if by == nil {
						by = f
					}
					break
				}
			}
		}
	}
	if body != "" || date != nil {
		ev, line := "", 0
		if by != nil {
			ev, line = by.Evidence, by.Line
		}
		if date != nil {
			if ev == "" {
				ev, line = date.Evidence, date.Line
			} else if date.Start > by.Start && date.Line == by.Line {
				ev = ev + " " + date.Evidence
			}
		}
		if m.Adopted == nil {
			m.Adopted = &corpus.Event{Evidence: ev, Line: line}
		}
		if m.Adopted.By == "" && body != "" {
			m.Adopted.By = corpus.Opt(body)
		}
		if m.Adopted.Date == "" && date != nil {
			m.Adopted.Date = corpus.Opt(ParseDate(date.Value))
		}
	}
	if f := a.field("doctypeby"); f != nil {
		// "Dokumenttyp och beslutsinstans Riktlinje Kommunstyrelsen"
		if b := bodyIn(f.Value); b != "" && m.Adopted != nil && m.Adopted.By == "" {
			m.Adopted.By = corpus.Opt(b)
		} else if b != "" && m.Adopted == nil {
			m.Adopted = &corpus.Event{By: corpus.Opt(b), Evidence: f.Evidence, Line: f.Line}
		}
		if t := docTypeOf(f.Value); t != "" && a.field("doctype") == nil {
			m.DocumentType = corpus.Opt(t)
			a.d.Type = t
		}
	}
	if f := a.field("doctype"); f != nil {
		if t := docTypeOf(f.Value); t != "" {
			m.DocumentType = corpus.Opt(t)
			a.d.Type = t
		}
	}
}

var reDnrValue = regexp.MustCompile(`(?:\p{L}{1,6}[ ./-]?)?\d[\p{L}\d]*(?:\s?[-./:]\s?[\p{L}\d]+){0,3}`)

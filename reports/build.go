package reports

import (
	"sort"
	"strings"
	"unicode/utf8"

	"styrdok/corpus"
)

// maxEvidence is the longest evidence text, in runes, a report quotes.
const maxEvidence = 320

// docView is one document prepared for the tables: its model (never nil)
// and a map from raw lines to the repaired text's lines for quoting.
type docView struct {
	d     *corpus.Document
	m     *corpus.Model
	ref   DocRef
	text  []string    // lines of d.Text
	lower []string    // text in lower case, made on first locate
	byRaw map[int]int // raw line -> first index into text
	raw   []string    // lines of d.Raw
	skip  []corpus.LineRange
}

func newDocView(d *corpus.Document) *docView {
	m := d.Model
	if m == nil {
		m = corpus.NewModel(d.Source)
	}
	v := &docView{d: d, m: m, byRaw: map[int]int{}}
	v.ref = DocRef{
		ID:           d.ID,
		Municipality: firstNonEmpty(string(m.Municipality), d.Municipality),
		Title:        firstNonEmpty(string(m.Title), d.Title),
		Source:       d.Source,
	}
	v.raw = strings.Split(d.Raw, "\n")
	text := d.Text
	if text == "" {
		text = d.Raw
	}
	v.text = strings.Split(text, "\n")
	for i := range v.text {
		raw := i + 1
		if d.Text != "" && i < len(d.LineMap) {
			raw = d.LineMap[i]
		}
		if _, ok := v.byRaw[raw]; !ok {
			v.byRaw[raw] = i
		}
	}
	v.skip = append(append(v.skip, d.Boilerplate...), m.BoilerplateSpans...)
	return v
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// lineText returns the repaired text of raw line n, or the raw line.
func (v *docView) lineText(n int) string {
	if i, ok := v.byRaw[n]; ok {
		return v.text[i]
	}
	if n >= 1 && n <= len(v.raw) {
		return v.raw[n-1]
	}
	return ""
}

// ev returns the evidence for a fact at raw line n: the given sentence, or
// when the model gave none, the sentence of line n that contains hint (or
// the start of the line).
func (v *docView) ev(n int, sentence, hint string) *Evidence {
	sentence = cleanSpace(sentence)
	if sentence == "" && n > 0 {
		sentence = snippet(v.lineText(n), hint)
	}
	if n <= 0 && sentence == "" {
		return nil
	}
	return &Evidence{Doc: v.d.ID, Line: n, Text: clip(sentence, maxEvidence)}
}

// fact returns the evidence for a scalar or list value of the model: the
// model's evidence map (keys "field", "field:value", "field/value",
// "field.value" or the value), else the first line of the text that
// contains the value outside boilerplate.
func (v *docView) fact(field, value string) *Evidence {
	if v.m.Evidence != nil {
		keys := []string{field + ":" + value, field + "/" + value, field + "." + value,
			field + "[" + value + "]", value}
		if value == "" {
			keys = []string{field}
		}
		for _, k := range keys {
			if f, ok := v.m.Evidence[k]; ok && (f.Evidence != "" || f.Line > 0) {
				return v.ev(f.Line, f.Evidence, value)
			}
		}
		if value != "" && len(listField(v.m, field)) == 1 {
			if f, ok := v.m.Evidence[field]; ok && (f.Evidence != "" || f.Line > 0) {
				return v.ev(f.Line, f.Evidence, value)
			}
		}
	}
	if value == "" {
		return nil
	}
	if e := v.locate(value); e != nil || (field != "themes" && field != "theme") {
		return e
	}
	// A theme is a vocabulary word; the text may use another form of it
	// ("vänorter" -> "vänorten", "vänortsarbete").
	return v.locate(stemWord(value))
}

// stemWord drops a common Swedish plural or definite ending from a word of
// at least six letters, for locating a vocabulary word in the text.
func stemWord(s string) string {
	r := []rune(s)
	if len(r) < 6 || strings.ContainsRune(s, ' ') {
		return s
	}
	for _, end := range []string{"erna", "arna", "er", "ar", "or", "en", "et", "na"} {
		if strings.HasSuffix(s, end) {
			return strings.TrimSuffix(s, end)
		}
	}
	return s
}

// listField returns the model's list for a list field name.
func listField(m *corpus.Model, field string) []string {
	switch field {
	case "themes", "theme":
		return m.Themes
	case "networks", "network":
		return m.Networks
	case "twin_cities", "twin_city":
		return m.TwinCities
	}
	return nil
}

// locate finds the first line outside boilerplate whose text contains s
// (case-insensitive) and returns it as evidence.
func (v *docView) locate(s string) *Evidence {
	needle := strings.ToLower(strings.TrimSpace(s))
	if utf8.RuneCountInString(needle) < 3 {
		return nil
	}
	if v.lower == nil {
		// A document is searched for every value of its model: lower-case
		// its lines once.
		v.lower = make([]string, len(v.text))
		for i, line := range v.text {
			v.lower[i] = strings.ToLower(line)
		}
	}
	for i, line := range v.text {
		if !strings.Contains(v.lower[i], needle) {
			continue
		}
		raw := i + 1
		if v.d.Text != "" && i < len(v.d.LineMap) {
			raw = v.d.LineMap[i]
		}
		if v.inBoilerplate(raw) {
			continue
		}
		return &Evidence{Doc: v.d.ID, Line: raw, Text: clip(snippet(line, s), maxEvidence)}
	}
	return nil
}

func (v *docView) inBoilerplate(line int) bool {
	for _, r := range v.skip {
		if line >= r.StartLine && line <= r.EndLine {
			return true
		}
	}
	return false
}

// snippet returns the sentence of line that contains hint, or the line's
// first sentence, with whitespace collapsed and Markdown markers dropped.
func snippet(line, hint string) string {
	line = cleanSpace(strings.NewReplacer("**", "", "__", "", "#", "").Replace(line))
	if line == "" {
		return ""
	}
	at := 0
	if hint != "" {
		if i := strings.Index(strings.ToLower(line), strings.ToLower(cleanSpace(hint))); i >= 0 {
			at = i
		}
	}
	start := 0
	for _, sep := range []string{". ", "! ", "? ", " • "} {
		if i := strings.LastIndex(line[:at], sep); i >= 0 && i+len(sep) > start {
			start = i + len(sep)
		}
	}
	end := len(line)
	for _, sep := range []string{". ", "! ", "? ", " • "} {
		if i := strings.Index(line[at:], sep); i >= 0 && at+i+1 < end {
			end = at + i + 1
		}
	}
	return strings.TrimSpace(line[start:end])
}

// cleanSpace collapses runs of white space to one space.
func cleanSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// clip shortens s to at most n runes, ending with "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// Build compares documents. The documents are ordered by municipality, title
// and ID; a document without a model shows as one whose text says nothing.
func Build(docs []*corpus.Document) *Report {
	ds := make([]*corpus.Document, 0, len(docs))
	for _, d := range docs {
		if d != nil {
			ds = append(ds, d)
		}
	}
	views := make([]*docView, len(ds))
	for i, d := range ds {
		views[i] = newDocView(d)
	}
	sort.SliceStable(views, func(i, j int) bool {
		a, b := views[i].ref, views[j].ref
		if a.Municipality != b.Municipality {
			return a.Municipality < b.Municipality
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.ID < b.ID
	})
	perTown := map[string]int{}
	for _, v := range views {
		perTown[v.ref.Municipality]++
	}
	r := &Report{}
	for _, v := range views {
		v.ref.Name = firstNonEmpty(v.ref.Municipality, v.ref.Title, v.ref.Source, v.ref.ID)
		if perTown[v.ref.Municipality] > 1 || v.ref.Municipality == "" {
			v.ref.Name = firstNonEmpty(v.ref.Municipality+": "+firstNonEmpty(v.ref.Title, v.ref.Source, v.ref.ID), v.ref.ID)
			v.ref.Name = strings.TrimPrefix(v.ref.Name, ": ")
		}
		r.Documents = append(r.Documents, v.ref)
	}
	r.byID = make(map[string]int, len(r.Documents))
	for i, d := range r.Documents {
		if _, dup := r.byID[d.ID]; !dup {
			r.byID[d.ID] = i
		}
	}
	r.Overview = overviewTable(views)
	r.Themes = themesTable(themeSources(r))
	r.Actors = actorsTable(views)
	r.Goals = goalsTable(views)
	r.Events = events(views)
	r.Profiles = profiles(r, views)
	return r
}

// overviewColumns are the columns of the overview; the fact columns run
// from document_type to twin_cities.
var overviewColumns = []Column{
	{"municipality", "Kommun", KindText},
	{"document_type", "Dokumenttyp", KindText},
	{"title", "Titel", KindText},
	{"adopted", "Antagen", KindDate},
	{"adopted_by", "Antagen av", KindText},
	{"last_revised", "Senast reviderad", KindDate},
	{"valid_until", "Gäller till", KindDate},
	{"replaces", "Ersätter", KindList},
	{"registration_numbers", "Diarienummer", KindList},
	{"goals", "Antal mål", KindNumber},
	{"coordinates", "Samordnar", KindList},
	{"follow_up", "Uppföljning (vem, hur ofta)", KindList},
	{"revision", "Revidering och utvärdering", KindList},
	{"themes", "Teman", KindList},
	{"networks", "Nätverk", KindList},
	{"twin_cities", "Vänorter", KindList},
	{"repairs", "Rättelser i texten", KindNumber},
	{"notes", "Anmärkningar", KindNumber},
	{"missing", "Uppgifter som saknas", KindList},
	{"id", "Dokument-id", KindText},
	{"source", "Källa", KindText},
}

func overviewTable(views []*docView) *Table {
	t := &Table{Name: "overview", Title: "Översikt", Columns: overviewColumns}
	for _, v := range views {
		t.Rows = append(t.Rows, Row{Doc: v.d.ID, Cells: overviewRow(v)})
	}
	return t
}

func overviewRow(v *docView) []Cell {
	m := v.m
	cells := map[string]Cell{}
	cells["municipality"] = textCell(v.ref.Municipality)
	if m.DocumentType != "" {
		cells["document_type"] = evCell(string(m.DocumentType), v.fact("document_type", ""))
	} else {
		cells["document_type"] = textCell(v.d.Type)
	}
	if m.Title != "" {
		e := v.fact("title", "")
		if e == nil {
			e = v.locate(string(m.Title))
		}
		cells["title"] = evCell(string(m.Title), e)
	} else {
		cells["title"] = textCell(v.d.Title)
	}
	if a := m.Adopted; a != nil {
		e := v.ev(a.Line, a.Evidence, string(a.Date))
		cells["adopted"] = evCell(string(a.Date), e)
		cells["adopted_by"] = evCell(string(a.By), e)
	}
	var last *corpus.Event
	undated := false
	for i := range m.Revisions {
		rv := &m.Revisions[i]
		if rv.Date == "" {
			undated = true
			continue
		}
		if last == nil || string(rv.Date) > string(last.Date) {
			last = rv
		}
	}
	switch {
	case last != nil:
		cells["last_revised"] = evCell(string(last.Date), v.ev(last.Line, last.Evidence, string(last.Date)))
	case undated:
		rv := m.Revisions[0]
		cells["last_revised"] = evCell("utan datum", v.ev(rv.Line, rv.Evidence, ""))
	}
	if m.ValidUntil != "" {
		cells["valid_until"] = evCell(string(m.ValidUntil), v.fact("valid_until", ""))
	}
	var c Cell
	for _, rp := range m.Replaces {
		s := firstNonEmpty(string(rp.Title), "tidigare dokument")
		if rp.Date != "" {
			s += " (" + string(rp.Date) + ")"
		}
		c.Items = append(c.Items, Item{Text: s, Evidence: v.ev(rp.Line, rp.Evidence, string(rp.Title))})
	}
	cells["replaces"] = c
	c = Cell{}
	for _, n := range m.RegistrationNumbers {
		c.Items = append(c.Items, Item{Text: n, Evidence: v.fact("registration_numbers", n)})
	}
	cells["registration_numbers"] = c
	if len(m.Goals) > 0 {
		cells["goals"] = numberCell(len(m.Goals), v.goalsEvidence())
	}
	cells["coordinates"] = v.coordinators()
	var fu, rev Cell
	for _, f := range m.FollowUp {
		it := Item{Text: followUpText(f), Evidence: v.ev(f.Line, f.Evidence, f.What)}
		if isRevision(f.Category) {
			rev.Items = append(rev.Items, it)
		} else {
			fu.Items = append(fu.Items, it)
		}
	}
	cells["follow_up"], cells["revision"] = fu, rev
	cells["themes"] = v.listCell("themes", m.Themes)
	cells["networks"] = v.listCell("networks", m.Networks)
	cells["twin_cities"] = v.listCell("twin_cities", m.TwinCities)
	cells["repairs"] = numberCell(len(v.d.Changes), nil)
	cells["notes"] = numberCell(len(v.d.Notes), nil)
	var missing Cell
	factCols := false
	for _, col := range overviewColumns {
		switch col.Key {
		case "document_type":
			factCols = true
		case "repairs":
			factCols = false
		}
		if factCols && cells[col.Key].Empty() {
			missing.Items = append(missing.Items, Item{Text: strings.ToLower(col.Header)})
		}
	}
	cells["missing"] = missing
	cells["id"] = textCell(v.d.ID)
	cells["source"] = textCell(v.d.Source)
	row := make([]Cell, len(overviewColumns))
	for i, col := range overviewColumns {
		row[i] = dedupe(cells[col.Key])
	}
	return row
}

// dedupe drops items that repeat an earlier item of the cell with the same
// text and evidence (a model may list one mechanism under two categories).
func dedupe(c Cell) Cell {
	if len(c.Items) < 2 {
		return c
	}
	type key struct {
		text string
		ev   Evidence
	}
	seen := map[key]bool{}
	items := c.Items[:0:0]
	for _, it := range c.Items {
		k := key{text: it.Text}
		if it.Evidence != nil {
			k.ev = *it.Evidence
		}
		if !seen[k] {
			seen[k] = true
			items = append(items, it)
		}
	}
	c.Items = items
	return c
}

// followUpText says who follows up, how often and what:
// "Kommunstyrelsen, varje mandatperiod (uppföljning av strategin)".
func followUpText(f corpus.FollowUp) string {
	who := firstNonEmpty(string(f.Who), "ingen angiven")
	s := who + ", " + IntervalWords(f.Interval, string(f.Due))
	if what := firstNonEmpty(f.What, categoryName(f.Category)); what != "" {
		s += " (" + clip(cleanSpace(what), 90) + ")"
	}
	return s
}

// goalsEvidence is the evidence of the goal count: the sentence of the
// first goal in the text (the goals table cites each of them).
func (v *docView) goalsEvidence() *Evidence {
	var first *corpus.Goal
	for i := range v.m.Goals {
		g := &v.m.Goals[i]
		if g.Line > 0 && (first == nil || g.Line < first.Line) {
			first = g
		}
	}
	if first == nil {
		return nil
	}
	return v.ev(first.Line, "", first.Text)
}

// coordinators lists the actors with a coordinating responsibility, each
// with the evidence of the first such responsibility.
func (v *docView) coordinators() Cell {
	var c Cell
	for _, a := range v.m.Actors {
		for _, r := range a.Responsibilities {
			if coordinates(r) {
				c.Items = append(c.Items, Item{Text: a.Name, Evidence: v.ev(r.Line, r.Evidence, r.Object)})
				break
			}
		}
	}
	return c
}

func (v *docView) listCell(field string, values []string) Cell {
	var c Cell
	for _, s := range values {
		c.Items = append(c.Items, Item{Text: s, Evidence: v.fact(field, s)})
	}
	return c
}

// municipalities returns the municipalities of views in order, and the
// views of each.
func municipalities(views []*docView) ([]string, map[string][]*docView) {
	var names []string
	by := map[string][]*docView{}
	for _, v := range views {
		n := v.ref.Municipality
		if n == "" {
			n = v.ref.Name
		}
		if _, ok := by[n]; !ok {
			names = append(names, n)
		}
		by[n] = append(by[n], v)
	}
	return names, by
}

// themeSource is one document's column in the themes matrix: its
// municipality (or name) and its themes, each with its evidence (the items
// of its overview row's themes cell).
type themeSource struct {
	town  string
	items []Item
}

// themeSources returns the matrix input of the overview's documents.
func themeSources(r *Report) []themeSource {
	col := r.Overview.Col("themes")
	out := make([]themeSource, 0, len(r.Overview.Rows))
	for _, row := range r.Overview.Rows {
		ref := r.Doc(row.Doc)
		town := ref.Municipality
		if town == "" {
			town = ref.Name
		}
		ts := themeSource{town: town}
		if col >= 0 {
			ts.items = row.Cells[col].Items
		}
		out = append(out, ts)
	}
	return out
}

// themesTable is the themes × municipalities matrix: a row per theme (the
// vocabulary's, then others the documents name), a column per municipality
// marked where one of its documents names the theme; the heat is the share
// of the municipality's documents that do.
func themesTable(docs []themeSource) *Table {
	var towns []string
	by := map[string][]themeSource{}
	for _, d := range docs {
		if _, ok := by[d.town]; !ok {
			towns = append(towns, d.town)
		}
		by[d.town] = append(by[d.town], d)
	}
	t := &Table{Name: "themes", Title: "Teman per kommun",
		Columns: []Column{{"theme", "Tema", KindText}}}
	for _, n := range towns {
		t.Columns = append(t.Columns, Column{"m:" + n, n, KindText})
	}
	t.Columns = append(t.Columns, Column{"count", "Antal kommuner", KindNumber})
	themes := append([]string(nil), corpus.Themes...)
	known := map[string]bool{}
	for _, th := range themes {
		known[strings.ToLower(th)] = true
	}
	var extra []string
	for _, d := range docs {
		for _, it := range d.items {
			if !known[strings.ToLower(it.Text)] {
				known[strings.ToLower(it.Text)] = true
				extra = append(extra, it.Text)
			}
		}
	}
	sort.Strings(extra)
	themes = append(themes, extra...)
	for _, th := range themes {
		row := Row{Cells: []Cell{textCell(th)}}
		count := 0
		for _, n := range towns {
			var c Cell
			for _, d := range by[n] {
				for _, have := range d.items {
					if strings.EqualFold(have.Text, th) {
						c.Items = append(c.Items, Item{Text: "x", Evidence: have.Evidence})
						break
					}
				}
			}
			if len(c.Items) > 0 {
				c.Value = "x"
				c.Heat = float64(len(c.Items)) / float64(len(by[n]))
				count++
			}
			row.Cells = append(row.Cells, c)
		}
		cnt := numberCell(count, nil)
		if len(towns) > 0 {
			cnt.Heat = float64(count) / float64(len(towns))
		}
		row.Cells = append(row.Cells, cnt)
		t.Rows = append(t.Rows, row)
	}
	return t
}

func actorsTable(views []*docView) *Table {
	t := &Table{Name: "actors", Title: "Aktörer och ansvar",
		Columns: []Column{{"municipality", "Kommun", KindText}, {"actor", "Aktör", KindText}}}
	for _, k := range responsibilityKinds {
		t.Columns = append(t.Columns, Column{k.Key, k.Header, KindList})
	}
	for _, v := range views {
		for _, a := range v.m.Actors {
			row := Row{Doc: v.d.ID, Cells: make([]Cell, len(t.Columns))}
			row.Cells[0] = textCell(v.ref.Municipality)
			row.Cells[1] = textCell(a.Name)
			for _, r := range a.Responsibilities {
				k := kindOf(r.Verb)
				row.Cells[2+k].Items = append(row.Cells[2+k].Items,
					Item{Text: responsibilityText(r), Evidence: v.ev(r.Line, r.Evidence, r.Object)})
			}
			t.Rows = append(t.Rows, row)
		}
	}
	return t
}

func responsibilityText(r corpus.Responsibility) string {
	return cleanSpace(firstNonEmpty(r.Verb, "–") + " " + r.Object)
}

// sectionAt returns the model section that holds raw line n.
func (v *docView) sectionAt(n int) (corpus.ModelSection, bool) {
	var best corpus.ModelSection
	found := false
	for _, s := range v.sections() {
		if n >= s.StartLine && n <= s.EndLine && (!found || s.StartLine >= best.StartLine) {
			best, found = s, true
		}
	}
	return best, found
}

// sections returns the model's sections, or the document's.
func (v *docView) sections() []corpus.ModelSection {
	if len(v.m.Sections) > 0 {
		return v.m.Sections
	}
	out := make([]corpus.ModelSection, 0, len(v.d.Sections))
	for _, s := range v.d.Sections {
		out = append(out, corpus.ModelSection{Heading: s.Heading, Label: s.Label, StartLine: s.StartLine, EndLine: s.EndLine})
	}
	return out
}

var goalsColumns = []Column{
	{"municipality", "Kommun", KindText},
	{"section", "Avsnitt", KindText},
	{"label", "Avsnittstyp", KindText},
	{"goal", "Mål", KindText},
	{"line", "Rad", KindNumber},
}

func goalsTable(views []*docView) *Table {
	t := &Table{Name: "goals", Title: "Mål", Columns: goalsColumns}
	for _, v := range views {
		t.Rows = append(t.Rows, v.goalRows(true)...)
	}
	return t
}

func (v *docView) goalRows(withTown bool) []Row {
	var rows []Row
	for _, g := range v.m.Goals {
		heading := ""
		label := g.SectionLabel
		if s, ok := v.sectionAt(g.Line); ok {
			heading = s.Heading
			if label == "" {
				label = s.Label
			}
		}
		e := v.ev(g.Line, "", g.Text)
		cells := []Cell{textCell(heading), textCell(LabelName(label)), evCell(cleanSpace(g.Text), e)}
		if g.Line > 0 {
			cells = append(cells, numberCell(g.Line, nil))
		} else {
			cells = append(cells, Cell{})
		}
		if withTown {
			cells = append([]Cell{textCell(v.ref.Municipality)}, cells...)
		}
		rows = append(rows, Row{Doc: v.d.ID, Cells: cells})
	}
	return rows
}

func events(views []*docView) []Event {
	var out []Event
	for _, v := range views {
		m := v.m
		add := func(kind, label, date string, e *Evidence) {
			if yearOf(date) == 0 {
				return
			}
			out = append(out, Event{Doc: v.d.ID, Municipality: v.ref.Municipality, Kind: kind,
				Label: label, Date: date, Evidence: e})
		}
		if a := m.Adopted; a != nil {
			add("adopted", "antagen", string(a.Date), v.ev(a.Line, a.Evidence, string(a.Date)))
		}
		for _, rv := range m.Revisions {
			add("revised", "reviderad", string(rv.Date), v.ev(rv.Line, rv.Evidence, string(rv.Date)))
		}
		for _, rp := range m.Replaces {
			add("replaced", "ersatt dokument antaget", string(rp.Date), v.ev(rp.Line, rp.Evidence, string(rp.Date)))
		}
		add("valid_until", "gäller till", string(m.ValidUntil), v.fact("valid_until", ""))
		for _, f := range m.FollowUp {
			if f.Due != "" {
				add("due", categoryName(firstNonEmpty(f.Category, "uppfoljning")), string(f.Due), v.ev(f.Line, f.Evidence, f.What))
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// yearOf returns the year a date string starts with (1000-2999), or 0.
func yearOf(s string) int {
	s = strings.TrimSpace(s)
	if len(s) < 4 {
		return 0
	}
	y := 0
	for _, c := range s[:4] {
		if c < '0' || c > '9' {
			return 0
		}
		y = y*10 + int(c-'0')
	}
	if y < 1000 || y > 2999 || (len(s) > 4 && s[4] != '-') {
		return 0
	}
	return y
}

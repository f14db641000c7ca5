package reports

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
)

// The JSON shapes. A table is its columns and its rows; a row maps column
// keys to cells; a cell has the text it shows, a typed value (a number for
// number columns, a list of strings for list columns, else a string; null
// when the document says nothing) and its items, each with its evidence.
type (
	jsonReport struct {
		Schema    string        `json:"schema"`
		Documents []DocRef      `json:"documents"`
		Tables    []jsonTable   `json:"tables,omitempty"`
		Events    []Event       `json:"events"`
		Profiles  []jsonProfile `json:"profiles"`
	}
	jsonTable struct {
		Name    string    `json:"name"`
		Title   string    `json:"title"`
		Columns []Column  `json:"columns"`
		Rows    []jsonRow `json:"rows"`
	}
	jsonRow struct {
		Doc   string              `json:"doc,omitempty"`
		Cells map[string]jsonCell `json:"cells"`
	}
	jsonCell struct {
		Text  string  `json:"text"`
		Value any     `json:"value"`
		Items []Item  `json:"items"`
		Heat  float64 `json:"heat,omitempty"`
	}
	jsonProfile struct {
		Municipality string        `json:"municipality"`
		Documents    []jsonDocProf `json:"documents"`
	}
	jsonDocProf struct {
		Doc      DocRef      `json:"document"`
		Facts    jsonTable   `json:"facts"`
		Vision   *jsonCell   `json:"vision"`
		Tables   []jsonTable `json:"tables"`
		Evidence []Evidence  `json:"evidence"`
	}
)

func toJSONCell(col Column, c Cell) jsonCell {
	jc := jsonCell{Text: c.Text(), Items: c.Items, Heat: c.Heat}
	if jc.Items == nil {
		jc.Items = []Item{}
	}
	if c.Empty() {
		return jc
	}
	switch col.Kind {
	case KindNumber:
		if n, err := strconv.Atoi(jc.Text); err == nil {
			jc.Value = n
		} else {
			jc.Value = jc.Text
		}
	case KindList:
		vals := []string{}
		for _, it := range c.Items {
			vals = append(vals, it.Text)
		}
		jc.Value = vals
	default:
		jc.Value = jc.Text
	}
	return jc
}

func toJSONTable(t *Table) jsonTable {
	jt := jsonTable{Name: t.Name, Title: t.Title, Columns: t.Columns, Rows: []jsonRow{}}
	for _, row := range t.Rows {
		jt.Rows = append(jt.Rows, toJSONRow(t, row))
	}
	return jt
}

func toJSONRow(t *Table, row Row) jsonRow {
	jr := jsonRow{Doc: row.Doc, Cells: map[string]jsonCell{}}
	for i, c := range row.Cells {
		jr.Cells[t.Columns[i].Key] = toJSONCell(t.Columns[i], c)
	}
	return jr
}

func toJSONProfile(p *Profile) jsonProfile {
	jp := jsonProfile{Municipality: p.Municipality, Documents: []jsonDocProf{}}
	for _, dp := range p.Documents {
		jd := jsonDocProf{Doc: dp.Doc, Facts: toJSONTable(dp.Facts), Tables: []jsonTable{}, Evidence: dp.Evidence}
		if jd.Evidence == nil {
			jd.Evidence = []Evidence{}
		}
		if !dp.Vision.Empty() {
			c := toJSONCell(Column{Kind: KindText}, dp.Vision)
			jd.Vision = &c
		}
		for _, t := range dp.Tables {
			jd.Tables = append(jd.Tables, toJSONTable(t))
		}
		jp.Documents = append(jp.Documents, jd)
	}
	return jp
}

func writeJSON(w io.Writer, r *Report, p *Profile) error {
	if p == nil {
		return streamJSON(w, r)
	}
	var docs []DocRef
	for _, dp := range p.Documents {
		docs = append(docs, dp.Doc)
	}
	evs := []Event{}
	for _, e := range r.Events {
		if e.Municipality == p.Municipality {
			evs = append(evs, e)
		}
	}
	out := jsonReport{Schema: Schema, Documents: docs, Events: evs, Profiles: []jsonProfile{toJSONProfile(p)}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// streamJSON writes the whole comparison in the shape of jsonReport, as
// json.Encoder with a two-space indent would, but a row or a profile at a
// time, so a large corpus is never held as one JSON value in memory.
func streamJSON(w io.Writer, r *Report) error {
	s := &jsonStream{w: w}
	s.raw("{\n")
	s.key("  ", "schema")
	s.value(Schema, "  ")
	s.raw(",\n")
	s.key("  ", "documents")
	s.array(len(r.Documents), "  ", func(i int, prefix string) { s.value(r.Documents[i], prefix) })
	var tables []*Table
	for _, t := range r.Tables() {
		if t != nil {
			tables = append(tables, t)
		}
	}
	if len(tables) > 0 {
		s.raw(",\n")
		s.key("  ", "tables")
		s.array(len(tables), "  ", func(i int, prefix string) { s.table(tables[i], prefix) })
	}
	s.raw(",\n")
	s.key("  ", "events")
	s.array(len(r.Events), "  ", func(i int, prefix string) { s.value(r.Events[i], prefix) })
	s.raw(",\n")
	s.key("  ", "profiles")
	s.array(len(r.Profiles), "  ", func(i int, prefix string) { s.value(toJSONProfile(r.Profiles[i]), prefix) })
	s.raw("\n}\n")
	return s.err
}

// jsonStream writes indented JSON piece by piece; the first error stops it.
type jsonStream struct {
	w   io.Writer
	buf bytes.Buffer
	err error
}

func (s *jsonStream) raw(text string) {
	if s.err == nil {
		_, s.err = io.WriteString(s.w, text)
	}
}

func (s *jsonStream) key(prefix, k string) {
	s.raw(prefix + strconv.Quote(k) + ": ")
}

// value writes v as the encoder would at a line starting with prefix.
func (s *jsonStream) value(v any, prefix string) {
	if s.err != nil {
		return
	}
	s.buf.Reset()
	enc := json.NewEncoder(&s.buf)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if s.err = enc.Encode(v); s.err != nil {
		return
	}
	_, s.err = s.w.Write(bytes.TrimSuffix(s.buf.Bytes(), []byte("\n")))
}

// array writes n elements, each by elem at the element's prefix.
func (s *jsonStream) array(n int, prefix string, elem func(i int, prefix string)) {
	if n == 0 {
		s.raw("[]")
		return
	}
	s.raw("[\n")
	for i := 0; i < n && s.err == nil; i++ {
		s.raw(prefix + "  ")
		elem(i, prefix+"  ")
		if i < n-1 {
			s.raw(",")
		}
		s.raw("\n")
	}
	s.raw(prefix + "]")
}

// table writes t as jsonTable, a row at a time.
func (s *jsonStream) table(t *Table, prefix string) {
	in := prefix + "  "
	s.raw("{\n")
	s.key(in, "name")
	s.value(t.Name, in)
	s.raw(",\n")
	s.key(in, "title")
	s.value(t.Title, in)
	s.raw(",\n")
	s.key(in, "columns")
	s.value(t.Columns, in)
	s.raw(",\n")
	s.key(in, "rows")
	s.array(len(t.Rows), in, func(i int, prefix string) { s.value(toJSONRow(t, t.Rows[i]), prefix) })
	s.raw("\n" + prefix + "}")
}

// JSONTable returns t in the shape the JSON writer gives a table (columns,
// and rows mapping column keys to cells with text, typed value and items).
// Without evidenceText the items' evidence is only the document and line,
// for clients that fetch the sentence when they need it.
func JSONTable(t *Table, evidenceText bool) any {
	jt := toJSONTable(t)
	if evidenceText {
		return jt
	}
	type evRef struct {
		Doc  string `json:"doc"`
		Line int    `json:"line"`
	}
	type refItem struct {
		Text     string `json:"text"`
		Evidence *evRef `json:"evidence"`
	}
	type refCell struct {
		Text  string    `json:"text"`
		Value any       `json:"value"`
		Items []refItem `json:"items"`
		Heat  float64   `json:"heat,omitempty"`
	}
	type refRow struct {
		Doc   string             `json:"doc,omitempty"`
		Cells map[string]refCell `json:"cells"`
	}
	out := struct {
		Name    string   `json:"name"`
		Title   string   `json:"title"`
		Columns []Column `json:"columns"`
		Rows    []refRow `json:"rows"`
	}{Name: jt.Name, Title: jt.Title, Columns: jt.Columns, Rows: []refRow{}}
	for _, row := range jt.Rows {
		rr := refRow{Doc: row.Doc, Cells: map[string]refCell{}}
		for k, c := range row.Cells {
			rc := refCell{Text: c.Text, Value: c.Value, Heat: c.Heat, Items: []refItem{}}
			for _, it := range c.Items {
				ri := refItem{Text: it.Text}
				if e := it.Evidence; e != nil {
					ri.Evidence = &evRef{Doc: e.Doc, Line: e.Line}
				}
				rc.Items = append(rc.Items, ri)
			}
			rr.Cells[k] = rc
		}
		out.Rows = append(out.Rows, rr)
	}
	return out
}

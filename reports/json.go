package reports

import (
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
		jr := jsonRow{Doc: row.Doc, Cells: map[string]jsonCell{}}
		for i, c := range row.Cells {
			jr.Cells[t.Columns[i].Key] = toJSONCell(t.Columns[i], c)
		}
		jt.Rows = append(jt.Rows, jr)
	}
	return jt
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
	out := jsonReport{Schema: Schema, Documents: r.Documents, Events: r.Events, Profiles: []jsonProfile{}}
	if out.Documents == nil {
		out.Documents = []DocRef{}
	}
	if out.Events == nil {
		out.Events = []Event{}
	}
	if p != nil {
		var docs []DocRef
		for _, dp := range p.Documents {
			docs = append(docs, dp.Doc)
		}
		out.Documents = docs
		var evs []Event
		for _, e := range r.Events {
			if e.Municipality == p.Municipality {
				evs = append(evs, e)
			}
		}
		if evs == nil {
			evs = []Event{}
		}
		out.Events = evs
		out.Profiles = []jsonProfile{toJSONProfile(p)}
	} else {
		for _, t := range r.Tables() {
			out.Tables = append(out.Tables, toJSONTable(t))
		}
		for _, pr := range r.Profiles {
			out.Profiles = append(out.Profiles, toJSONProfile(pr))
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// Package reports turns the models of a set of documents into the
// cross-city comparison: an overview with one row per document, a themes ×
// municipalities matrix, actors × responsibility kinds, goals in long form,
// a timeline of dates and one profile per municipality. Every cell that
// states a fact carries its evidence (the sentence and its line in the raw
// input), and the writers render the same report as Markdown, CSV, JSON,
// XLSX and a self-contained HTML page.
package reports

import (
	"strings"
)

// Schema is the version tag of the JSON the report writer prints.
const Schema = "styrdok.compare/1"

// Column kinds tell writers how to treat a column's values.
const (
	KindText   = "text"   // free text
	KindDate   = "date"   // an ISO date (or a year, or a word like "tillsvidare")
	KindNumber = "number" // a whole number
	KindList   = "list"   // several values, one item each
)

// Evidence is where a fact was found: the sentence and the 1-based line of
// the raw input of document Doc (an ID). Line 0 means the line is unknown.
type Evidence struct {
	Doc  string `json:"doc"`
	Line int    `json:"line"`
	Text string `json:"text"`
}

// Item is one value in a cell and the evidence for it, if any.
type Item struct {
	Text     string    `json:"text"`
	Evidence *Evidence `json:"evidence"`
}

// Cell is one table cell: zero or more items. An empty cell means the
// document does not say. Value, when set, is what the cell shows instead of
// the items joined (a matrix cell shows "x" and keeps the items for their
// evidence); Heat is the cell's weight for heat maps.
type Cell struct {
	Items []Item
	Value string
	Heat  float64
}

// Text returns what the cell shows: Value, or the items joined by "; ".
func (c Cell) Text() string {
	if c.Value != "" {
		return c.Value
	}
	parts := make([]string, 0, len(c.Items))
	for _, it := range c.Items {
		if it.Text != "" {
			parts = append(parts, it.Text)
		}
	}
	return strings.Join(parts, "; ")
}

// Empty reports whether the cell states nothing.
func (c Cell) Empty() bool { return c.Text() == "" }

// Evidence returns the evidence of the cell's items, in order.
func (c Cell) Evidence() []Evidence {
	var out []Evidence
	for _, it := range c.Items {
		if it.Evidence != nil {
			out = append(out, *it.Evidence)
		}
	}
	return out
}

// Column describes one column of a table: an English key for programs, a
// Swedish header for people and a Kind.
type Column struct {
	Key    string `json:"key"`
	Header string `json:"header"`
	Kind   string `json:"type"`
}

// Row is one row of a table. Doc is the ID of the document the row is
// about, when it is about one.
type Row struct {
	Doc   string
	Cells []Cell

	field Column // a profile's facts row: the overview column it shows
}

// Table is one table of the report. Name is an English identifier
// ("overview"); Title is the Swedish caption users see.
type Table struct {
	Name    string
	Title   string
	Columns []Column
	Rows    []Row
}

// Col returns the index of the column with key, or -1.
func (t *Table) Col(key string) int {
	for i, c := range t.Columns {
		if c.Key == key {
			return i
		}
	}
	return -1
}

// DocRef names one document of the report.
type DocRef struct {
	ID           string `json:"id"`
	Municipality string `json:"municipality"`
	Title        string `json:"title"`
	Source       string `json:"source"`
	// Name is how the report refers to the document: the municipality, or
	// municipality and title when the municipality has several documents.
	Name string `json:"name"`
}

// Event is one dated fact for the timeline: an adoption, a revision, the
// adoption of a replaced document, an end of validity or a due date.
type Event struct {
	Doc          string    `json:"doc"`
	Municipality string    `json:"municipality"`
	Kind         string    `json:"kind"`  // adopted, revised, replaced, valid_until, due
	Label        string    `json:"label"` // Swedish: "antagen", "reviderad", …
	Date         string    `json:"date"`
	Evidence     *Evidence `json:"evidence"`
}

// Report is the comparison of a set of documents.
type Report struct {
	Documents []DocRef
	Overview  *Table
	Themes    *Table
	Actors    *Table
	Goals     *Table
	Events    []Event
	Profiles  []*Profile

	byID map[string]int // index into Documents
}

// Tables returns the comparison tables in the order users read them.
func (r *Report) Tables() []*Table {
	return []*Table{r.Overview, r.Themes, r.Actors, r.Goals}
}

// Table returns the table named name ("overview", "themes", "actors",
// "goals", "evidence"), or nil.
func (r *Report) Table(name string) *Table {
	if name == "evidence" {
		return r.EvidenceTable()
	}
	for _, t := range r.Tables() {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// TableNames lists the names Table accepts.
func TableNames() []string {
	return []string{"overview", "themes", "actors", "goals", "evidence"}
}

// Doc returns the reference of the document with id, or the zero DocRef.
func (r *Report) Doc(id string) DocRef {
	if r.byID != nil {
		if i, ok := r.byID[id]; ok {
			return r.Documents[i]
		}
		return DocRef{ID: id, Name: id}
	}
	for _, d := range r.Documents {
		if d.ID == id {
			return d
		}
	}
	return DocRef{ID: id, Name: id}
}

// Profile is one municipality's profile: its documents in detail.
type Profile struct {
	Municipality string
	Documents    []*DocProfile
}

// DocProfile is one document of a profile. Facts is the overview row turned
// on its side (Uppgift, Värde); Tables are goals, responsibilities,
// follow-up, sections and notes (one cell per row carries the row's
// evidence); Evidence is every evidence the document's cells cite, by line.
type DocProfile struct {
	Doc      DocRef
	Facts    *Table
	Vision   Cell
	Tables   []*Table
	Evidence []Evidence
}

// EvidenceTable returns every cited evidence of the comparison tables in
// long form (table, municipality, column, value, line, sentence), for
// formats that cannot attach evidence to a cell (CSV).
func (r *Report) EvidenceTable() *Table {
	t := &Table{
		Name:  "evidence",
		Title: "Belägg",
		Columns: []Column{
			{"table", "Tabell", KindText},
			{"municipality", "Kommun", KindText},
			{"document", "Dokument-id", KindText},
			{"column", "Kolumn", KindText},
			{"value", "Värde", KindText},
			{"line", "Rad", KindNumber},
			{"evidence", "Belägg", KindText},
		},
	}
	for _, tab := range r.Tables() {
		for _, row := range tab.Rows {
			for ci, cell := range row.Cells {
				for _, it := range cell.Items {
					if it.Evidence == nil {
						continue
					}
					e := it.Evidence
					t.Rows = append(t.Rows, Row{Doc: e.Doc, Cells: []Cell{
						textCell(tab.Title), textCell(r.Doc(e.Doc).Municipality), textCell(e.Doc),
						textCell(tab.Columns[ci].Header), textCell(it.Text),
						numberCell(e.Line, nil), textCell(e.Text),
					}})
				}
			}
		}
	}
	return t
}

func textCell(s string) Cell {
	if s == "" {
		return Cell{}
	}
	return Cell{Items: []Item{{Text: s}}}
}

func evCell(s string, e *Evidence) Cell {
	if s == "" {
		return Cell{}
	}
	return Cell{Items: []Item{{Text: s, Evidence: e}}}
}

func numberCell(n int, e *Evidence) Cell {
	return Cell{Items: []Item{{Text: itoa(n), Evidence: e}}}
}

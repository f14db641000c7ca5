package reports

import (
	"bytes"
	"encoding/json"
	"testing"

	"styrdok/corpus"
)

// TestSubset checks that a subset of a report closed under municipality is
// the report built from those documents alone, in every format that shows
// the tables, and that keeping everything changes nothing.
func TestSubset(t *testing.T) {
	full := testReport()
	town := func(names ...string) func(DocRef, Row) bool {
		return func(d DocRef, _ Row) bool {
			for _, n := range names {
				if d.Municipality == n {
					return true
				}
			}
			return false
		}
	}
	tests := []struct {
		name string
		keep func(DocRef, Row) bool
		docs []*corpus.Document
	}{
		{"all", func(DocRef, Row) bool { return true }, testDocs()},
		{"two documents of one town", town("Ekby"), []*corpus.Document{ekbyDoc2(), ekbyDoc()}},
		{"two towns", town("Fjälla", "Gransjö"), []*corpus.Document{fjallaDoc(), nomodelDoc()}},
		{"none", func(DocRef, Row) bool { return false }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, want := full.Subset(tt.keep), Build(tt.docs)
			for _, f := range []string{FormatJSON, FormatMarkdown} {
				g, w := render(t, got, Options{Format: f}), render(t, want, Options{Format: f})
				if !bytes.Equal(g, w) {
					t.Errorf("%s differs from the report built from the documents:\n%s\n---- want\n%s", f, g, w)
				}
			}
			if len(got.Themes.Columns) != len(want.Themes.Columns) {
				t.Errorf("themes matrix has %d columns, want %d", len(got.Themes.Columns), len(want.Themes.Columns))
			}
		})
	}
	// The row given to keep is the document's overview row.
	n := 0
	full.Subset(func(d DocRef, row Row) bool {
		if row.Doc != d.ID || len(row.Cells) != len(full.Overview.Columns) {
			t.Errorf("%s: keep got the row of %q", d.ID, row.Doc)
		}
		n++
		return true
	})
	if n != len(full.Documents) {
		t.Errorf("keep was asked %d times for %d documents", n, len(full.Documents))
	}
}

// TestStreamedJSONMatchesEncoder checks the streamed JSON against the same
// report encoded as one value.
func TestStreamedJSONMatchesEncoder(t *testing.T) {
	for _, r := range []*Report{testReport(), Build(nil)} {
		var streamed bytes.Buffer
		if err := streamJSON(&streamed, r); err != nil {
			t.Fatal(err)
		}
		out := jsonReport{Schema: Schema, Documents: r.Documents, Events: r.Events, Profiles: []jsonProfile{}}
		if out.Documents == nil {
			out.Documents = []DocRef{}
		}
		if out.Events == nil {
			out.Events = []Event{}
		}
		for _, tab := range r.Tables() {
			out.Tables = append(out.Tables, toJSONTable(tab))
		}
		for _, p := range r.Profiles {
			out.Profiles = append(out.Profiles, toJSONProfile(p))
		}
		var whole bytes.Buffer
		enc := newIndentEncoder(&whole)
		if err := enc.Encode(out); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(streamed.Bytes(), whole.Bytes()) {
			t.Errorf("streamed JSON differs:\n%s\n---- encoder\n%s", streamed.Bytes(), whole.Bytes())
		}
	}
}

func newIndentEncoder(w *bytes.Buffer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc
}

package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"styrdok/index"
)

// embeddedGlobals returns options that make reading commands use the
// embedded seed corpus (the default store is an empty directory).
func embeddedGlobals(t *testing.T) *globalOptions {
	t.Helper()
	g, _, _ := testGlobals(t)
	g.Corpus = ""
	t.Setenv("STYRDOK_CORPUS", t.TempDir())
	return g
}

func TestSearchEmbedded(t *testing.T) {
	g := embeddedGlobals(t)
	if err := runSearch(context.Background(), g, searchOptions{Limit: 3}, "uppföljningen"); err != nil {
		t.Fatal(err)
	}
	out := g.Stdout.(interface{ String() string }).String()
	for _, want := range []string{"träffar för uppföljningen", "«uppföljning", "KWIC:", "rad ", "Kommun:"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestSearchJSON(t *testing.T) {
	g := embeddedGlobals(t)
	g.JSON = true
	if err := runSearch(context.Background(), g, searchOptions{Limit: 2, Municipality: "Malmö"}, `"internationella arbetet"`); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Query  string `json:"query"`
		Corpus string `json:"corpus"`
		Total  int    `json:"total"`
		Hits   []struct {
			Municipality string `json:"municipality"`
			Line         int    `json:"line"`
			Fragments    []struct {
				Text  string `json:"text"`
				Marks []struct{ Start, End int }
			} `json:"fragments"`
		} `json:"hits"`
		Facets struct {
			Municipality []struct {
				Value string
				Count int
			} `json:"municipality"`
		} `json:"facets"`
	}
	if err := json.Unmarshal([]byte(g.Stdout.(interface{ String() string }).String()), &got); err != nil {
		t.Fatal(err)
	}
	if got.Total == 0 || len(got.Hits) == 0 || got.Hits[0].Municipality != "Malmö" || got.Hits[0].Line == 0 {
		t.Fatalf("json: %+v", got)
	}
	if len(got.Facets.Municipality) != 1 || got.Facets.Municipality[0].Count != got.Total {
		t.Errorf("facets %+v, total %d", got.Facets, got.Total)
	}
	f := got.Hits[0].Fragments[0]
	if m := f.Marks[0]; !strings.EqualFold(f.Text[m.Start:m.End], "internationella") {
		t.Errorf("first mark %q", f.Text[m.Start:m.End])
	}
}

func TestSearchUsageErrors(t *testing.T) {
	g := embeddedGlobals(t)
	for _, c := range []struct {
		query string
		opts  searchOptions
		want  string
	}{
		{`"öppen`, searchOptions{}, "at character 1"},
		{`ort:Lund`, searchOptions{}, "unknown field"},
		{`staden`, searchOptions{Year: "tjugo"}, "--year"},
		{`staden`, searchOptions{Limit: -1}, "negative"},
	} {
		err := runSearch(context.Background(), g, c.opts, c.query)
		var ue usageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want a usage error with %q", c.query, err, c.want)
		}
		if code := exitCode(context.Background(), g.Stderr, err); code != exitUsage {
			t.Errorf("%q: exit %d", c.query, code)
		}
	}
}

// TestIngestKeepsIndex checks that ingest builds and updates the index:
// a changed file replaces its sections, never duplicates them.
func TestIngestKeepsIndex(t *testing.T) {
	g, out, errb := testGlobals(t)
	src := filepath.Join(t.TempDir(), "policy.txt")
	write := func(body string) {
		if err := os.WriteFile(src, []byte("Lunds kommun\n\nPolicy för samverkan\n\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var last index.Result
	search := func(q string) int {
		out.Reset()
		g.JSON = true
		defer func() { g.JSON = false }()
		if err := runSearch(context.Background(), g, searchOptions{Limit: 10}, q); err != nil {
			t.Fatalf("search %s: %v", q, err)
		}
		last = index.Result{}
		if err := json.Unmarshal(out.Bytes(), &last); err != nil {
			t.Fatal(err)
		}
		return last.Total
	}
	write("Kommunen ska följa upp arbetet med vänorter varje år.")
	if err := runIngest(context.Background(), g, ingestOptions{Municipality: "Lund"}, []string{src}); err != nil {
		t.Fatal(err)
	}
	if !index.Exists(searchIndexDir(g.Corpus)) {
		t.Fatal("ingest built no index")
	}
	if n := search("vänorter"); n == 0 {
		t.Fatal("ingested word not found")
	}
	write("Kommunen ska utvärdera arbetet med partnerskap vartannat år.")
	if err := runIngest(context.Background(), g, ingestOptions{Municipality: "Lund"}, []string{src}); err != nil {
		t.Fatal(err)
	}
	if n := search("vänorter"); n != 0 {
		t.Errorf("old version still found: %d hits", n)
	}
	if n := search("partnerskap"); n == 0 {
		t.Error("new version not found")
	}
	search("kommunen")
	seen := map[string]bool{}
	for _, h := range last.Hits {
		if seen[h.ID] {
			t.Errorf("section %s found twice", h.ID)
		}
		seen[h.ID] = true
		if h.DocID != last.Hits[0].DocID {
			t.Errorf("kommunen: hits in two documents (%s, %s); the old version was not removed", h.DocID, last.Hits[0].DocID)
		}
	}
	// A missing index is rebuilt from the store, with a message.
	if err := os.RemoveAll(searchIndexDir(g.Corpus)); err != nil {
		t.Fatal(err)
	}
	errb.Reset()
	if n := search("partnerskap"); n == 0 {
		t.Error("rebuilt index lacks the document")
	}
	if !strings.Contains(errb.String(), "building it from the store") {
		t.Errorf("no rebuild message: %q", errb.String())
	}
}

func TestIndexCommand(t *testing.T) {
	g, out, _ := testGlobals(t)
	if err := runIngest(context.Background(), g, ingestOptions{}, []string{"../../corpus/seeds"}); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := runIndex(context.Background(), g, indexOptions{Rebuild: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "rebuilt: 5 documents") || !strings.Contains(out.String(), "sections") {
		t.Errorf("index --rebuild output:\n%s", out.String())
	}
	out.Reset()
	g.JSON = true
	if err := runIndex(context.Background(), g, indexOptions{}); err != nil {
		t.Fatal(err)
	}
	var st indexStatus
	if err := json.Unmarshal(out.Bytes(), &st); err != nil {
		t.Fatal(err)
	}
	if !st.Exists || !st.Current || st.Sections < 5 || st.Bytes == 0 || st.AnalyzerVersion != index.AnalyzerVersion {
		t.Errorf("status %+v", st)
	}
	// The embedded corpus has no index to rebuild.
	eg := embeddedGlobals(t)
	var ue usageError
	if err := runIndex(context.Background(), eg, indexOptions{Rebuild: true}); !errors.As(err, &ue) {
		t.Errorf("index on the embedded corpus: %v", err)
	}
}

package index

import (
	"context"
	"sort"
	"strings"
	"sync"
	"testing"

	//	"styrdok/analyze"
	"styrdok/corpus"
	"styrdok/ingest"
	// "styrdok/ingest/repair"
)

var (
	seedOnce sync.Once
	seedDocs []*corpus.Document
	seedErr  error
)

// seedCorpus runs the embedded seeds through the pipeline (read, repair,
// analyze), as `styrdok` does for the embedded corpus.
func seedCorpus(t testing.TB) []*corpus.Document {
	t.Helper()
	seedOnce.Do(func() {
		seeds, err := corpus.Seeds()
		if err != nil {
			seedErr = err
			return
		}
		for _, s := range seeds {
			d, err := ingest.Read(s.Name, s.Data, ingest.Options{Municipality: s.Municipality})
			if err != nil {
				seedErr = err
				return
			}
			//			repair.Repair(d)
			//			analyze.Analyze(d)
			seedDocs = append(seedDocs, d)
		}
	})
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	return seedDocs
}

func seedIndex(t testing.TB) *Index {
	t.Helper()
	ix, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Put(seedCorpus(t)...); err != nil {
		t.Fatal(err)
	}
	return ix
}

func runSearch(t testing.TB, ix *Index, req Request) *Result {
	t.Helper()
	if req.Limit == 0 {
		req.Limit = 1000
	}
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		t.Fatalf("search %q: %v", req.Query, err)
	}
	return res
}

// hitIDs returns the section IDs of the hits, sorted.
func hitIDs(res *Result) []string {
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	sort.Strings(ids)
	return ids
}

// marked returns the marked words of every fragment of the hits, lower case.
func marked(res *Result) []string {
	var words []string
	for _, h := range res.Hits {
		for _, f := range h.Fragments {
			for _, m := range f.Marks {
				words = append(words, strings.ToLower(f.Text[m.Start:m.End]))
			}
		}
	}
	return words
}

func TestSeedDiacriticsFoldedQueryFindsSameSections(t *testing.T) {
	ix := seedIndex(t)
	a := runSearch(t, ix, Request{Query: "följande"})
	b := runSearch(t, ix, Request{Query: "foljande"})
	if a.Total == 0 {
		t.Fatal("följande: no hits")
	}
	if strings.Join(hitIDs(a), " ") != strings.Join(hitIDs(b), " ") {
		t.Errorf("följande and foljande found different sections:\n%v\n%v", hitIDs(a), hitIDs(b))
	}
}

func TestSeedStemming(t *testing.T) {
	ix := seedIndex(t)
	res := runSearch(t, ix, Request{Query: "uppföljningen"})
	found := false
	for _, w := range marked(res) {
		if w == "uppföljning" {
			found = true
		}
	}
	if !found {
		t.Errorf("uppföljningen: no hit marks the word uppföljning; marks: %v", marked(res))
	}
}

func TestSeedFolding(t *testing.T) {
	ix := seedIndex(t)
	res := runSearch(t, ix, Request{Query: "forvaltningarna"})
	found := false
	for _, w := range marked(res) {
		if w == "förvaltningarna" {
			found = true
		}
	}
	if !found {
		t.Errorf("forvaltningarna: no hit marks förvaltningarna; marks: %v", marked(res))
	}
}

func TestSeedDebugDump(t *testing.T) {
	ix := seedIndex(t)
	for _, q := range []string{"följande", "\"internationella arbetet\"", "uppföljningen", "forvaltningarna"} {
		res := runSearch(t, ix, Request{Query: q, Limit: 3})
		t.Logf("%s: total %d facets %+v", q, res.Total, res.Facets)
		for _, h := range res.Hits {
			t.Logf("  %s %s %q line %d score %.3f kwic %q|%q|%q", h.ID, h.Municipality, h.Heading, h.Line, h.Score, h.KWIC.Left, h.KWIC.Match, h.KWIC.Right)
			for _, f := range h.Fragments {
				t.Logf("    %s", f.Marked("[", "]", nil))
			}
		}
	}
}

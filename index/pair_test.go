package index

import (
	"context"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"testing"

	"styrdok/corpus"
)

// TestPairHashIsFNV pins the pair index's keys to FNV-1a of the
// spelled-out pair: a change here changes every index (AnalyzerVersion
// must change).
func TestPairHashIsFNV(t *testing.T) {
	for _, tc := range []struct {
		a, b, spelled string
		gap           int
	}{
		{"internationell", "arbet", "internationell arbet", 0},
		{"plan", "kommun", "plan _ kommun", 1},
		{"forvaltning", "samverk", "forvaltning _ _ samverk", 2},
		{"", "", " ", 0},
	} {
		h := fnv.New64a()
		h.Write([]byte(tc.spelled))
		if got := pairHash([]byte(tc.a), []byte(tc.b), tc.gap); got != h.Sum64() {
			t.Errorf("pairHash(%q, %q, %d) = %x, want %x", tc.a, tc.b, tc.gap, got, h.Sum64())
		}
	}
	ab := pairHash([]byte("arbet"), []byte("internationell"), 0)
	ba := pairHash([]byte("internationell"), []byte("arbet"), 0)
	gap := pairHash([]byte("arbet"), []byte("internationell"), 1)
	if ab == ba || ab == gap {
		t.Errorf("order or gap not told apart: %x %x %x", ab, ba, gap)
	}
}

// TestPhraseRanked checks that phrase hits are ranked by their pair
// terms (hashed, with frequencies): the section that has the phrase twice
// comes first, and a section with the words apart is no hit.
func TestPhraseRanked(t *testing.T) {
	once := doc("a", "Lund", "## Mål\nVi stärker det internationella arbetet med skolan och vården.\n")
	twice := doc("b", "Lund", "## Mål\nDet internationella arbetet växer; internationella arbetet är viktigt.\n")
	apart := doc("c", "Lund", "## Mål\nArbetet med internationella frågor och annat.\n")
	ix := memIndex(t, once, twice, apart)
	res, err := ix.Search(context.Background(), Request{Query: `"internationella arbetet"`})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 || len(res.Hits) != 2 {
		t.Fatalf("total %d, hits %d, want 2", res.Total, len(res.Hits))
	}
	if res.Hits[0].DocID != "b" || !(res.Hits[0].Score > res.Hits[1].Score) {
		t.Errorf("order %s (%.3f), %s (%.3f); want b first with a higher score",
			res.Hits[0].DocID, res.Hits[0].Score, res.Hits[1].DocID, res.Hits[1].Score)
	}
}

// TestRebuildManyBatchesSameResults checks that a rebuild in many batches
// loaded in parallel finds what an index built in one batch finds.
func TestRebuildManyBatchesSameResults(t *testing.T) {
	var docs []*corpus.Document
	for i := 0; i < 40; i++ {
		text := textA
		if i%3 == 0 {
			text += "## Mål\nDet internationella arbetet stärks.\n"
		}
		docs = append(docs, doc(fmt.Sprintf("d%02d", i), []string{"Lund", "Umeå", "Växjö"}[i%3], text))
	}
	counts := func(dir string) map[string]int {
		ix, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		out := map[string]int{}
		for _, q := range []string{"förvaltningarna", `"internationella arbetet"`, "+uppföljningen +kommunstyrelsen", "kommun:umea"} {
			res, err := ix.Search(context.Background(), Request{Query: q, Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			out[q] = res.Total
			if len(res.Hits) != res.Total {
				t.Errorf("%s: %d hits of %d", q, len(res.Hits), res.Total)
			}
		}
		return out
	}
	one := filepath.Join(t.TempDir(), "one")
	if err := Rebuild(one, docs, nil); err != nil {
		t.Fatal(err)
	}
	defer func(n int) { batchBytes = n }(batchBytes)
	batchBytes = 200
	many := filepath.Join(t.TempDir(), "many")
	calls := 0
	if err := Rebuild(many, docs, func(int) { calls++ }); err != nil {
		t.Fatal(err)
	}
	if calls < 10 {
		t.Errorf("progress called %d times, want one call per batch (>= 10)", calls)
	}
	a, b := counts(one), counts(many)
	for q, n := range a {
		if n == 0 || b[q] != n {
			t.Errorf("%s: %d hits in one batch, %d in many", q, n, b[q])
		}
	}
}

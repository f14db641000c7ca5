package main

import (
	"context"
	"testing"

	"styrdok/index"
)

// checkIndexed opens the real index of corpusDir and checks that each word
// is found in exactly one section, of the document with the given ID: no
// document is missing from the index and none is there twice.
func checkIndexed(t *testing.T, corpusDir string, words map[string]string) {
	t.Helper()
	ix, err := index.Open(batchIndexDir(corpusDir))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	bad := 0
	for w, id := range words {
		res, err := ix.Search(context.Background(), index.Request{Query: w})
		if err != nil {
			t.Fatalf("search %s: %v", w, err)
		}
		if res.Total != 1 || res.Hits[0].DocID != id {
			bad++
			if bad <= 5 {
				t.Errorf("search %s: %d hits, want 1 in %s: %+v", w, res.Total, id, res.Hits)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d documents not indexed exactly once", bad, len(words))
	}
}

package index

import (
	"context"
	"math"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// TestAllWordsMatchesBleve checks that the own intersection of postings
// finds, counts and scores what bleve's conjunction of the same words
// does, for two and three words, words under one term and under two or
// three (bleve's disjunctions), and words the index does not have.
func TestAllWordsMatchesBleve(t *testing.T) {
	ix := seedIndex(t)
	ctx := context.Background()
	for _, words := range [][]string{
		{"kommunstyrelsen", "ansvarar"},
		{"internationella", "arbetet"},
		{"staden", "samarbete", "internationella"},
		{"nämnderna", "ansvarar"}, // a word with å/ä/ö: text and fold
		{"kommunen", "qqqzzz"},    // not in the index
		{"mål", "strategi"},
		{"förvaltningarna", "nämnderna", "kommunstyrelsen"},
		{"foljande", "uppfoljning"}, // folded: found under text and fold
		{"följande", "samverkan", "ansvar"},
	} {
		var ws []*anyTermQuery
		var qs []bleveQuery
		for _, w := range words {
			aw := analyzeWords([]byte(w))
			if len(aw) != 1 {
				t.Fatalf("%q: %d words", w, len(aw))
			}
			q := wordQuery(aw[0]).(*anyTermQuery)
			ws, qs = append(ws, q), append(qs, q)
		}
		got, gotTotal, _, err := ix.collect(ctx, &allWordsQuery{words: ws}, 50, 0)
		if err != nil {
			t.Fatal(err)
		}
		want, wantTotal, _, err := ix.collect(ctx, bleve.NewConjunctionQuery(qs...), 50, 0)
		if err != nil {
			t.Fatal(err)
		}
		if gotTotal != wantTotal || len(got) != len(want) {
			t.Errorf("%v: %d hits (%d shown), bleve %d (%d)", words, gotTotal, len(got), wantTotal, len(want))
			continue
		}
		for i := range got {
			if got[i].ID != want[i].ID || math.Abs(got[i].Score-want[i].Score) > 1e-9*math.Abs(want[i].Score) {
				t.Errorf("%v: hit %d is %s (%.6f), bleve %s (%.6f)", words, i, got[i].ID, got[i].Score, want[i].ID, want[i].Score)
			}
		}
	}
}

package index

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

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

// TestSeedPhraseAdjacent checks that a phrase matches only where its words
// stand next to each other, while the same words as separate words match
// more sections.
func TestSeedPhraseAdjacent(t *testing.T) {
	ix := seedIndex(t)
	phrase := runSearch(t, ix, Request{Query: `"arbetet internationella"`})
	words := runSearch(t, ix, Request{Query: `+arbetet +internationella`})
	if words.Total == 0 {
		t.Fatal("+arbetet +internationella: no hits")
	}
	for _, h := range phrase.Hits {
		found := false
		for _, f := range h.Fragments {
			for k := 1; k < len(f.Marks); k++ {
				a, b := f.Marks[k-1], f.Marks[k]
				if strings.ToLower(f.Text[a.Start:a.End]) == "arbetet" && strings.HasPrefix(strings.ToLower(f.Text[b.Start:b.End]), "internationell") && strings.TrimSpace(f.Text[a.End:b.Start]) == "" {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("phrase hit %s has no adjacent 'arbetet internationella': %+v", h.ID, h.Fragments)
		}
	}
	// The reverse order is common; this order is not.
	common := runSearch(t, ix, Request{Query: `"internationella arbetet"`})
	if common.Total == 0 || common.Total < phrase.Total {
		t.Errorf(`"internationella arbetet" %d hits, "arbetet internationella" %d`, common.Total, phrase.Total)
	}
	for _, h := range common.Hits {
		for _, f := range h.Fragments {
			for _, m := range f.Marks {
				w := strings.ToLower(f.Text[m.Start:m.End])
				if !strings.HasPrefix(w, "internationell") && !strings.HasPrefix(w, "arbet") {
					t.Errorf("phrase hit %s marks %q", h.ID, w)
				}
			}
			if len(f.Marks)%2 != 0 {
				t.Errorf("phrase hit %s: odd number of marks in %q", h.ID, f.Marked("[", "]", nil))
			}
		}
	}
}

func TestSeedFacetCountsEqualHits(t *testing.T) {
	ix := seedIndex(t)
	for _, q := range []string{"kommun", "internationella", `"internationella arbetet"`, "samverk*", "strategi~1"} {
		res := runSearch(t, ix, Request{Query: q})
		if res.Total != len(res.Hits) {
			t.Fatalf("%s: %d hits shown of %d", q, len(res.Hits), res.Total)
		}
		for name, values := range map[string][]FacetValue{
			"municipality": res.Facets.Municipality, "section": res.Facets.Section,
			"type": res.Facets.Type, "year": res.Facets.Year,
		} {
			sum := 0
			for _, v := range values {
				sum += v.Count
			}
			if sum != res.Total {
				t.Errorf("%s: facet %s counts %d, hits %d", q, name, sum, res.Total)
			}
		}
		byKommun := map[string]int{}
		for _, h := range res.Hits {
			byKommun[h.Municipality]++
		}
		for _, v := range res.Facets.Municipality {
			if byKommun[v.Value] != v.Count {
				t.Errorf("%s: facet %s=%d, hits %d", q, v.Value, v.Count, byKommun[v.Value])
			}
		}
	}
}

// TestSeedHighlightsExact checks that every mark covers exactly one whole
// word of the original text (å/ä/ö kept) and that the word is one the
// query asked for.
func TestSeedHighlightsExact(t *testing.T) {
	ix := seedIndex(t)
	cases := map[string]func(string) bool{
		"förvaltningarna": func(w string) bool { return strings.HasPrefix(Fold(w), "forvaltning") },
		"uppföljningen": func(w string) bool {
			return strings.HasPrefix(w, "uppföljning") || strings.HasPrefix(w, "uppfoljning")
		},
		"målen":    func(w string) bool { return Fold(w) == "mal" || strings.HasPrefix(Fold(w), "mal") },
		"nätverk*": func(w string) bool { return strings.HasPrefix(Fold(w), "natverk") },
	}
	for q, ok := range cases {
		res := runSearch(t, ix, Request{Query: q})
		if res.Total == 0 {
			t.Errorf("%s: no hits", q)
			continue
		}
		for _, h := range res.Hits {
			if len(h.Fragments) == 0 {
				t.Errorf("%s: hit %s has no fragment", q, h.ID)
			}
			for _, f := range h.Fragments {
				for _, m := range f.Marks {
					w := f.Text[m.Start:m.End]
					if !ok(strings.ToLower(w)) {
						t.Errorf("%s: hit %s marks %q", q, h.ID, w)
					}
					before, _ := utf8.DecodeLastRuneInString(f.Text[:m.Start])
					after, _ := utf8.DecodeRuneInString(f.Text[m.End:])
					if m.Start > 0 && isWordRune(before) || m.End < len(f.Text) && isWordRune(after) {
						t.Errorf("%s: hit %s: mark %q is not a whole word in %q", q, h.ID, w, f.Text)
					}
				}
			}
			if h.KWIC.Match == "" || !ok(strings.ToLower(h.KWIC.Match)) {
				t.Errorf("%s: hit %s KWIC %+v", q, h.ID, h.KWIC)
			}
			if h.Line < h.StartLine || h.Line > h.EndLine || h.Line == 0 {
				t.Errorf("%s: hit %s line %d outside its section %d-%d", q, h.ID, h.Line, h.StartLine, h.EndLine)
			}
		}
	}
}

// TestSeedLineIsRawLine checks that a hit's line is the line of the raw
// document that holds the highlighted word.
func TestSeedLineIsRawLine(t *testing.T) {
	docs := seedCorpus(t)
	ix := seedIndex(t)
	byID := map[string]*corpus.Document{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	res := runSearch(t, ix, Request{Query: "uppföljning"})
	for _, h := range res.Hits {
		d := byID[h.DocID]
		lines := strings.Split(d.Raw, "\n")
		if h.Line < 1 || h.Line > len(lines) {
			t.Fatalf("hit %s: line %d of %d", h.ID, h.Line, len(lines))
		}
		if !strings.Contains(strings.ToLower(lines[h.Line-1]), strings.ToLower(h.KWIC.Match)) {
			t.Errorf("hit %s: raw line %d %q does not hold %q", h.ID, h.Line, lines[h.Line-1], h.KWIC.Match)
		}
	}
}

func TestSeedFilters(t *testing.T) {
	ix := seedIndex(t)
	all := runSearch(t, ix, Request{Query: "internationella"})
	malmo := runSearch(t, ix, Request{Query: "internationella", Municipality: "malmo"})
	if malmo.Total == 0 || malmo.Total >= all.Total {
		t.Fatalf("municipality filter: %d of %d", malmo.Total, all.Total)
	}
	for _, h := range malmo.Hits {
		if h.Municipality != "Malmö" {
			t.Errorf("--municipality malmo gave %s", h.Municipality)
		}
	}
	inQuery := runSearch(t, ix, Request{Query: "internationella kommun:Malmö"})
	if strings.Join(hitIDs(inQuery), " ") != strings.Join(hitIDs(malmo), " ") {
		t.Errorf("kommun:Malmö and --municipality malmo differ")
	}
	none := runSearch(t, ix, Request{Query: "internationella", Municipality: "Ingenstans"})
	if none.Total != 0 {
		t.Errorf("unknown municipality: %d hits", none.Total)
	}
	not := runSearch(t, ix, Request{Query: "internationella -kommun:Malmö"})
	if not.Total != all.Total-malmo.Total {
		t.Errorf("-kommun:Malmö: %d hits, want %d", not.Total, all.Total-malmo.Total)
	}
}

func TestSeedDebugDump(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("only with -v")
	}
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

// TestCollectMatchesBleve checks the own collector against bleve's: the
// same totals, facets and scores.
func TestCollectMatchesBleve(t *testing.T) {
	ix := seedIndex(t)
	ctx := context.Background()
	for _, qs := range []string{"internationella", `"internationella arbetet"`, "+kommun +strategi", "samverk* -malmö", "kommun:Malmö", "strategi~1 avsnitt:ansvar"} {
		q, _, _, err := ix.buildQuery(Request{Query: qs})
		if err != nil {
			t.Fatal(err)
		}
		h1, n1, f1, err := ix.collect(ctx, q, 5, 1)
		if err != nil {
			t.Fatal(err)
		}
		h2, n2, f2, err := ix.bleveCollect(ctx, q, 5, 1)
		if err != nil {
			t.Fatal(err)
		}
		if n1 != n2 || fmt.Sprint(f1) != fmt.Sprint(f2) || len(h1) != len(h2) {
			t.Errorf("%s: collect %d %v (%d hits), bleve %d %v (%d hits)", qs, n1, f1, len(h1), n2, f2, len(h2))
			continue
		}
		for i := range h1 {
			if d := h1[i].Score - h2[i].Score; d > 1e-9 || d < -1e-9 {
				t.Errorf("%s: hit %d score %v vs %v", qs, i, h1[i].Score, h2[i].Score)
			}
			if h1[i].Fields[fieldText] == nil || h1[i].Fields[fieldDoc] != h2[i].Fields[fieldDoc] && h1[i].Score != h2[i].Score {
				t.Errorf("%s: hit %d fields differ", qs, i)
			}
		}
	}
}

// TestScanWordsSkipChangesNothing checks that skipping words no matcher
// can start with changes no highlight: a matcher that accepts every word
// as a candidate (and matches none) turns the skipping off.
func TestScanWordsSkipChangesNothing(t *testing.T) {
	noSkip := fuzzyMatcher{folded: "qqqqqqqqqqqqqqqqqqqq", n: 0}
	queries := []string{"kommunen", "Översikt", "ärende", "ÅTGÄRDER", "öka", "uppföljningen",
		"internationella arbetet", "staden ska", "EU", "2016", "é", "näringsliv samverkan"}
	n := 0
	for _, d := range seedCorpus(t) {
		for _, q := range queries {
			ws := analyzeWords([]byte(q))
			if len(ws) == 0 {
				continue
			}
			var m matcher = termMatcher{plain: string(ws[0].plain), folded: string(ws[0].folded)}
			if len(ws) > 1 {
				pm := phraseMatcher{stems: []string{string(ws[0].folded)}, gaps: []int{0}}
				for i := 1; i < len(ws); i++ {
					pm.stems = append(pm.stems, string(ws[i].folded))
					pm.gaps = append(pm.gaps, ws[i].pos-ws[i-1].pos-1)
				}
				m = pm
			}
			got := findMatches(d.Text, []matcher{m})
			want := findMatches(d.Text, []matcher{m, noSkip})
			if !slices.Equal(got, want) {
				t.Errorf("%s, %q: %d marks with skipping, %d without", d.ID, q, len(got), len(want))
			}
			n += len(got)
		}
	}
	if n < 100 {
		t.Errorf("only %d marks in all: the test finds too little to compare", n)
	}
}

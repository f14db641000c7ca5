package index

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

type bleveQuery = query.Query

// Request is a search. Only Query is required; the filters narrow it like
// the kommun:, avsnitt:, typ: and år: fields of the query do.
type Request struct {
	Query        string // see the query syntax in query.go
	Municipality string // filter: municipality, case- and diacritic-insensitive
	Section      string // filter: section label (mal, syfte, ansvar …)
	Type         string // filter: document type
	YearFrom     int    // filter: adopted in or after this year (0: open)
	YearTo       int    // filter: adopted in or before this year (0: open)
	Limit        int    // hits to return; 0 means 10
	Offset       int    // hits to skip, for paging
}

// Result is what a search found.
type Result struct {
	Total   int           `json:"total"`   // sections that match
	Hits    []Hit         `json:"hits"`    // the ranked page of hits
	Facets  Facets        `json:"facets"`  // counts over all Total hits
	Ignored []string      `json:"ignored"` // query words left out (stop words)
	Took    time.Duration `json:"took_ns"`
}

// Hit is one matching section.
type Hit struct {
	ID           string     `json:"id"` // section ID: DocID/n
	DocID        string     `json:"doc_id"`
	Municipality string     `json:"municipality"`
	Title        string     `json:"title"`
	Label        string     `json:"section_label"` // "" for text outside any section
	Heading      string     `json:"heading"`
	StartLine    int        `json:"start_line"` // section's lines in the raw document
	EndLine      int        `json:"end_line"`
	Line         int        `json:"line"` // raw line of the best match
	Score        float64    `json:"score"`
	Fragments    []Fragment `json:"fragments"` // best passages, in text order
	KWIC         KWIC       `json:"kwic"`      // the best match in one line
}

// Fragment is a passage of a hit with the matched words marked. Marks are
// byte ranges into Text, in order and not overlapping; each covers exactly
// one matched word of the original text. Whitespace in Text is collapsed.
type Fragment struct {
	Text  string `json:"text"`
	Marks []Mark `json:"marks"`
	Line  int    `json:"line"` // raw line the passage starts on
}

// Mark is a byte range [Start, End) of a Fragment's Text.
type Mark struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Marked returns the fragment text with every mark wrapped in open and
// close. escape, if not nil, is applied to the text outside and inside the
// marks (not to open and close): html.EscapeString for HTML output.
func (f Fragment) Marked(open, close string, escape func(string) string) string {
	if escape == nil {
		escape = func(s string) string { return s }
	}
	var b strings.Builder
	at := 0
	for _, m := range f.Marks {
		b.WriteString(escape(f.Text[at:m.Start]))
		b.WriteString(open)
		b.WriteString(escape(f.Text[m.Start:m.End]))
		b.WriteString(close)
		at = m.End
	}
	b.WriteString(escape(f.Text[at:]))
	return b.String()
}

// KWIC is a keyword-in-context line: the matched word with the text just
// before and after it on one line.
type KWIC struct {
	Left  string `json:"left"`
	Match string `json:"match"`
	Right string `json:"right"`
}

// Facets are hit counts by value, largest first.
type Facets struct {
	Municipality []FacetValue `json:"municipality"`
	Section      []FacetValue `json:"section"`
	Type         []FacetValue `json:"type"`
	Year         []FacetValue `json:"year"`
}

// FacetValue is one value of a facet and how many hits have it. The value
// "" counts hits that have no value (a section without label, a document
// whose year is not known).
type FacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Search runs req. A query that does not parse returns a *ParseError.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
	start := time.Now()
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.bi == nil {
		return nil, errClosed
	}
	q, matchers, ignored, err := ix.buildQuery(req)
	if err != nil {
		return nil, err
	}
	limit := req.Limit
	if limit <= 0 {
		limit = 10
	}
	offset := max(req.Offset, 0)
	hits, total, facets, err := ix.collect(ctx, q, limit, offset)
	if errors.Is(err, errNoCollect) {
		hits, total, facets, err = ix.bleveCollect(ctx, q, limit, offset)
	}
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", req.Query, err)
	}
	out := &Result{Total: total, Ignored: ignored, Hits: make([]Hit, 0, len(hits)), Facets: facets}
	for _, h := range hits {
		out.Hits = append(out.Hits, makeHit(h, matchers))
	}
	out.Took = time.Since(start)
	return out, nil
}

// bleveCollect is collect done by bleve (doc values for the facets).
func (ix *Index) bleveCollect(ctx context.Context, q bleveQuery, limit, offset int) ([]*search.DocumentMatch, int, Facets, error) {
	sr := bleve.NewSearchRequestOptions(q, limit, offset, false)
	sr.Fields = []string{fieldDoc, fieldKommun, fieldLabel, fieldTitle, fieldHeading, fieldLines, fieldText}
	sr.AddFacet(fieldFacet, bleve.NewFacetRequest(fieldFacet, 100000))
	res, err := ix.bi.SearchInContext(ctx, sr)
	if err != nil {
		return nil, 0, Facets{}, err
	}
	var terms []facetCount
	if fr := res.Facets[fieldFacet]; fr != nil && fr.Terms != nil {
		for _, t := range fr.Terms.Terms() {
			terms = append(terms, facetCount{t.Term, t.Count})
		}
	}
	return res.Hits, int(res.Total), splitFacets(terms, int(res.Total)), nil
}

// splitFacets splits the counts of the facet field by kind. Hits without
// a value of a kind are counted under "".
func splitFacets(terms []facetCount, total int) Facets {
	var f Facets
	for _, t := range terms {
		if len(t.term) < 2 {
			continue
		}
		v := FacetValue{Value: t.term[2:], Count: t.count}
		switch t.term[:2] {
		case facetKommun:
			f.Municipality = append(f.Municipality, v)
		case facetLabel:
			f.Section = append(f.Section, v)
		case facetType:
			f.Type = append(f.Type, v)
		case facetYear:
			f.Year = append(f.Year, v)
		}
	}
	for _, vs := range []*[]FacetValue{&f.Municipality, &f.Section, &f.Type, &f.Year} {
		sum := 0
		for _, v := range *vs {
			sum += v.Count
		}
		if sum < total {
			*vs = append(*vs, FacetValue{Value: "", Count: total - sum})
		}
		slices.SortFunc(*vs, func(a, b FacetValue) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Value, b.Value)
		})
	}
	return f
}

// buildQuery turns a request into a bleve query.
func (ix *Index) buildQuery(req Request) (bleveQuery, []matcher, []string, error) {
	clauses, err := parseQuery(req.Query)
	if err != nil {
		return nil, nil, nil, err
	}
	var musts, shoulds, nots []bleveQuery
	var matchers []matcher
	var ignored []string
	mustTerms := false
	for _, c := range clauses {
		var q bleveQuery
		if c.kind == kindFilter {
			q, err = ix.filterQuery(c.field, c.text)
			if err != nil {
				return nil, nil, nil, err
			}
		} else {
			var m matcher
			q, m, err = ix.termQuery(req.Query, c)
			if err != nil {
				return nil, nil, nil, err
			}
			if q == nil {
				ignored = append(ignored, c.text)
				continue
			}
			if c.occur != occurMustNot {
				matchers = append(matchers, m)
			}
		}
		switch c.occur {
		case occurMust:
			musts = append(musts, q)
			if c.kind != kindFilter {
				mustTerms = true
			}
		case occurMustNot:
			nots = append(nots, q)
		default:
			shoulds = append(shoulds, q)
		}
	}
	filters := 0
	for _, f := range []struct{ field, value string }{
		{"kommun", req.Municipality}, {"avsnitt", req.Section}, {"typ", req.Type},
	} {
		if strings.TrimSpace(f.value) == "" {
			continue
		}
		q, err := ix.filterQuery(f.field, f.value)
		if err != nil {
			return nil, nil, nil, err
		}
		musts = append(musts, q)
		filters++
	}
	if req.YearFrom != 0 || req.YearTo != 0 {
		q, err := ix.yearQuery(req.YearFrom, req.YearTo)
		if err != nil {
			return nil, nil, nil, err
		}
		musts = append(musts, q)
		filters++
	}
	for _, c := range clauses {
		if c.kind == kindFilter && c.occur == occurMust {
			filters++
		}
	}
	if len(shoulds) == 0 && !mustTerms && filters == 0 {
		switch {
		case strings.TrimSpace(req.Query) == "":
			return nil, nil, nil, parseErr(req.Query, 0, "empty query")
		case len(ignored) > 0:
			return nil, nil, nil, parseErr(req.Query, 0, "only stop words (%s); they are not indexed, search for other words", strings.Join(ignored, ", "))
		default:
			return nil, nil, nil, parseErr(req.Query, 0, "only excluded words; add a word to search for")
		}
	}
	if len(shoulds) == 0 && len(nots) == 0 && len(musts) > 1 {
		words := make([]*anyTermQuery, 0, len(musts))
		for _, q := range musts {
			if w, ok := q.(*anyTermQuery); ok {
				words = append(words, w)
			}
		}
		if len(words) == len(musts) {
			return &allWordsQuery{words: words}, matchers, ignored, nil
		}
	}
	bq := bleve.NewBooleanQuery()
	if len(musts) > 0 {
		bq.AddMust(musts...)
	}
	if len(shoulds) > 0 {
		bq.AddShould(shoulds...)
		if !mustTerms {
			bq.SetMinShould(1)
		}
	}
	if len(musts) == 0 && len(shoulds) == 0 {
		bq.AddMust(bleve.NewMatchAllQuery())
	}
	if len(nots) > 0 {
		bq.AddMustNot(nots...)
	}
	return bq, matchers, ignored, nil
}

// termQuery builds the query of one word, phrase, fuzzy or prefix clause
// and the matcher that finds it in a hit's text for highlighting. It
// returns nil for a clause that analyses to nothing (stop words).
func (ix *Index) termQuery(raw string, c clause) (bleveQuery, matcher, error) {
	ws := analyzeWords([]byte(c.text))
	switch c.kind {
	case kindWord, kindPhrase:
		switch len(ws) {
		case 0:
			return nil, nil, nil
		case 1:
			w := ws[0]
			return wordQuery(w), termMatcher{plain: string(w.plain), folded: string(w.folded)}, nil
		}
		pq := &phraseQuery{store: ix.phrases, cache: &ix.phraseTab}
		pm := phraseMatcher{stems: []string{string(ws[0].folded)}, gaps: []int{0}}
		for i := 1; i < len(ws); i++ {
			gap := ws[i].pos - ws[i-1].pos - 1
			pq.hashes = append(pq.hashes, pairHash(ws[i-1].folded, ws[i].folded, gap))
			pm.stems = append(pm.stems, string(ws[i].folded))
			pm.gaps = append(pm.gaps, gap)
		}
		return pq, pm, nil
	case kindFuzzy:
		switch {
		case len(ws) == 0:
			return nil, nil, nil
		case len(ws) > 1:
			return nil, nil, parseErr(raw, c.pos, "fuzzy search (~) works on single words")
		}
		f := string(ws[0].folded)
		qs := make([]bleveQuery, 0, 2)
		for _, field := range []string{fieldText, fieldFold} {
			q := bleve.NewFuzzyQuery(f)
			q.SetField(field)
			q.SetFuzziness(c.fuzz)
			qs = append(qs, q)
		}
		return bleve.NewDisjunctionQuery(qs...), fuzzyMatcher{folded: f, n: c.fuzz}, nil
	case kindPrefix:
		// Index terms are stems, and a stem is a prefix of its word: look
		// for stems that start with the stem of the prefix.
		lw := []byte(strings.ToLower(c.text))
		e := wordStems.get(lw)
		pm := prefixMatcher{plain: string(e.plain), folded: string(e.folded)}
		prefix := func(field, p string) bleveQuery {
			q := bleve.NewPrefixQuery(p)
			q.SetField(field)
			return q
		}
		qs := []bleveQuery{prefix(fieldText, pm.plain), prefix(fieldFold, pm.folded)}
		if pm.folded != pm.plain {
			qs = append(qs, prefix(fieldText, pm.folded))
		}
		return bleve.NewDisjunctionQuery(qs...), pm, nil
	}
	return nil, nil, nil
}

// wordQuery finds a word in any spelling. Every word is in text by its
// plain stem; words with diacritics are also in fold by their folded stem.
// The folded stem is looked up in both, so any spelling finds any other;
// the exact spelling matches twice and ranks higher.
func wordQuery(w word) bleveQuery {
	q := &anyTermQuery{terms: []fieldTerm{{fieldText, string(w.plain)}, {fieldFold, string(w.folded)}}}
	if string(w.folded) != string(w.plain) {
		q.terms = append(q.terms, fieldTerm{fieldText, string(w.folded)})
	}
	return q
}

// fieldTerm is a term of one field.
type fieldTerm struct{ field, term string }

// anyTermQuery matches sections with any of its terms, like a disjunction
// of term queries, but leaves out the terms the index does not have: most
// words are in only one of the fields, and a single term searcher is much
// cheaper to run (and to intersect with others) than a disjunction.
type anyTermQuery struct {
	terms []fieldTerm
}

// Searcher implements bleve's query.Query.
func (q *anyTermQuery) Searcher(ctx context.Context, r bindex.IndexReader, _ mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	var ss []search.Searcher
	for _, t := range q.terms {
		s, err := searcher.NewTermSearcher(ctx, r, t.term, t.field, 1, opts)
		if err != nil {
			for _, s := range ss {
				s.Close()
			}
			return nil, err
		}
		if s.Count() == 0 {
			s.Close()
			continue
		}
		ss = append(ss, s)
	}
	switch len(ss) {
	case 0:
		return searcher.NewMatchNoneSearcher(r)
	case 1:
		return ss[0], nil
	}
	return searcher.NewDisjunctionSearcher(ctx, r, ss, 1, opts)
}

// norm is how filter values compare: trimmed, lower case, folded.
func norm(s string) string { return Fold(strings.ToLower(strings.TrimSpace(s))) }

// filterQuery matches sections whose field equals value, compared
// case- and diacritic-insensitively against the values in the index.
func (ix *Index) filterQuery(field, value string) (bleveQuery, error) {
	switch field {
	case "doc":
		t := bleve.NewTermQuery(strings.TrimSpace(value))
		t.SetField(fieldDoc)
		return t, nil
	case "år":
		from, to, err := ParseYears(value)
		if err != nil {
			return nil, err
		}
		return ix.yearQuery(from, to)
	}
	prefix := map[string]string{"kommun": facetKommun, "avsnitt": facetLabel, "typ": facetType}[field]
	want := norm(value)
	return ix.dictQuery(func(term string) bool {
		return strings.HasPrefix(term, prefix) && norm(term[len(prefix):]) == want
	})
}

// yearQuery matches sections of documents adopted in [from, to] (0: open).
func (ix *Index) yearQuery(from, to int) (bleveQuery, error) {
	return ix.dictQuery(func(term string) bool {
		if !strings.HasPrefix(term, facetYear) {
			return false
		}
		y, err := strconv.Atoi(term[len(facetYear):])
		return err == nil && (from == 0 || y >= from) && (to == 0 || y <= to)
	})
}

// dictQuery matches the terms of the facet field that keep accepts.
func (ix *Index) dictQuery(keep func(string) bool) (bleveQuery, error) {
	field := fieldFacet
	dict, err := ix.bi.FieldDict(field)
	if err != nil {
		return nil, fmt.Errorf("filter %s: %w", field, err)
	}
	defer dict.Close()
	var qs []bleveQuery
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, fmt.Errorf("filter %s: %w", field, err)
		}
		if e == nil {
			break
		}
		if keep(e.Term) {
			t := bleve.NewTermQuery(e.Term)
			t.SetField(field)
			qs = append(qs, t)
		}
	}
	switch len(qs) {
	case 0:
		return bleve.NewMatchNoneQuery(), nil
	case 1:
		return qs[0], nil
	}
	return bleve.NewDisjunctionQuery(qs...), nil
}

// makeHit turns a bleve hit into a Hit with fragments and a KWIC line.
func makeHit(h *search.DocumentMatch, matchers []matcher) Hit {
	str := func(name string) string {
		s, _ := h.Fields[name].(string)
		return s
	}
	hit := Hit{
		ID:           h.ID,
		DocID:        str(fieldDoc),
		Municipality: str(fieldKommun),
		Title:        str(fieldTitle),
		Label:        str(fieldLabel),
		Heading:      str(fieldHeading),
		Score:        h.Score,
	}
	lines := str(fieldLines)
	text := str(fieldText)
	hit.StartLine = rawLine(lines, 0)
	hit.EndLine = rawLine(lines, strings.Count(text, "\n"))
	hit.Line = hit.StartLine
	spans := findMatches(text, matchers)
	if len(spans) == 0 {
		// A filter-only query (or a match the scan cannot place): show
		// the start of the section.
		if to := snapEnd(text, min(len(text), fragmentBytes), 0); strings.TrimSpace(text[:to]) != "" {
			f := renderFragment(text, fragment{from: 0, to: to})
			f.Line = hit.StartLine
			hit.Fragments = []Fragment{f}
		}
		return hit
	}
	frags, best := pickFragments(text, spans, maxFragments, fragmentBytes)
	for _, fr := range frags {
		f := renderFragment(text, fr)
		f.Line = rawLine(lines, strings.Count(text[:fr.from], "\n"))
		hit.Fragments = append(hit.Fragments, f)
	}
	hit.Line = rawLine(lines, strings.Count(text[:best.Start], "\n"))
	hit.KWIC = makeKWIC(text, best)
	return hit
}

package index

import (
	"context"
	"math"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

// allWordsQuery matches the sections that have every one of its words
// (+a +b …). When each word is in the index under one term only, which is
// the common case, it intersects the terms' postings itself and scores
// the hits as bleve's conjunction of term searchers does (tf-idf, the
// sum over the words): bleve's searchers cost more per hit than reading
// the postings does. Otherwise it is bleve's conjunction.
type allWordsQuery struct {
	words []*anyTermQuery
}

// Searcher implements bleve's query.Query.
func (q *allWordsQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	if s, err := newTermsConjunction(ctx, r, q.words, opts); s != nil || err != nil {
		return s, err
	}
	ss := make([]search.Searcher, 0, len(q.words))
	for _, w := range q.words {
		s, err := w.Searcher(ctx, r, m, opts)
		if err != nil {
			for _, s := range ss {
				s.Close()
			}
			return nil, err
		}
		ss = append(ss, s)
	}
	return searcher.NewConjunctionSearcher(ctx, r, ss, opts)
}

// termsConjunction intersects the postings of one term per word.
type termsConjunction struct {
	readers []bindex.TermFieldReader
	docs    []*bindex.TermFieldDoc // each reader's current posting
	bufs    []bindex.TermFieldDoc
	idf     []float64
	weight  []float64 // idf × query norm
	count   uint64
	score   bool
}

// newTermsConjunction returns nil (and no error) when a word is under
// more than one term in the index or under none.
func newTermsConjunction(ctx context.Context, r bindex.IndexReader, words []*anyTermQuery, opts search.SearcherOptions) (*termsConjunction, error) {
	if len(words) < 2 || opts.Explain || opts.IncludeTermVectors {
		return nil, nil
	}
	total, err := r.DocCount()
	if err != nil {
		return nil, err
	}
	score := opts.Score != "none"
	s := &termsConjunction{score: score, count: math.MaxUint64}
	fail := func(err error) (*termsConjunction, error) {
		s.Close()
		return nil, err
	}
	for _, w := range words {
		var found bindex.TermFieldReader
		for _, t := range w.terms {
			tr, err := r.TermFieldReader(ctx, []byte(t.term), t.field, score, score, false)
			if err != nil {
				return fail(err)
			}
			if tr.Count() == 0 {
				tr.Close()
				continue
			}
			if found != nil {
				tr.Close()
				found.Close()
				return fail(nil) // in two fields: a disjunction
			}
			found = tr
		}
		if found == nil {
			return fail(nil)
		}
		s.readers = append(s.readers, found)
		s.count = min(s.count, found.Count())
		s.idf = append(s.idf, 1+math.Log(float64(total)/float64(found.Count()+1)))
	}
	s.docs = make([]*bindex.TermFieldDoc, len(s.readers))
	s.bufs = make([]bindex.TermFieldDoc, len(s.readers))
	s.weight = make([]float64, len(s.readers))
	s.SetQueryNorm(1 / math.Sqrt(s.Weight()))
	return s, nil
}

// Next returns the next section that has every term.
func (s *termsConjunction) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, err := s.readers[0].Next(s.bufs[0].Reset())
	if err != nil || d == nil {
		return nil, err
	}
	s.docs[0] = d
	return s.align(ctx)
}

// Advance returns the first section at or after id that has every term.
func (s *termsConjunction) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	if s.docs[0] == nil || s.docs[0].ID.Compare(id) < 0 {
		d, err := s.readers[0].Advance(id, s.bufs[0].Reset())
		if err != nil || d == nil {
			return nil, err
		}
		s.docs[0] = d
	}
	return s.align(ctx)
}

// align moves the other readers to the first reader's section, and all of
// them forward while one is ahead, until they agree or one runs out. A
// reader is never asked to advance to where it already is: bleve's
// readers start over from the beginning then.
func (s *termsConjunction) align(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	for i := 1; i < len(s.readers); {
		target := s.docs[0].ID
		d := s.docs[i]
		var err error
		if d == nil || d.ID.Compare(target) < 0 {
			if d, err = s.readers[i].Advance(target, s.bufs[i].Reset()); err != nil || d == nil {
				return nil, err
			}
			s.docs[i] = d
		}
		if d.ID.Compare(target) > 0 {
			if d, err = s.readers[0].Advance(d.ID, s.bufs[0].Reset()); err != nil || d == nil {
				return nil, err
			}
			s.docs[0] = d
			i = 1
			continue
		}
		i++
	}
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = bindex.NewIndexInternalIDFrom(dm.IndexInternalID, s.docs[0].ID)
	if s.score {
		for i, d := range s.docs {
			tf := math.Sqrt(float64(d.Freq))
			dm.Score += tf * d.Norm * s.idf[i] * s.weight[i]
		}
	}
	return dm, nil
}

func (s *termsConjunction) Close() error {
	var err error
	for _, r := range s.readers {
		if cerr := r.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

func (s *termsConjunction) Weight() float64 {
	sum := 0.0
	for _, idf := range s.idf {
		sum += idf * idf
	}
	return sum
}

func (s *termsConjunction) SetQueryNorm(qnorm float64) {
	for i, idf := range s.idf {
		s.weight[i] = idf * qnorm
	}
}

func (s *termsConjunction) Count() uint64              { return s.count }
func (s *termsConjunction) Min() int                   { return 0 }
func (s *termsConjunction) Size() int                  { return 64 + 96*len(s.readers) }
func (s *termsConjunction) DocumentMatchPoolSize() int { return 1 }

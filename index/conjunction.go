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
// (+a +b …). It intersects the postings of the words' terms itself and
// scores the hits as bleve's conjunction of the words' term searchers
// and disjunctions does (tf-idf; a word found under some of its terms
// counts that share): bleve's searchers cost more per hit than reading
// the postings does.
type allWordsQuery struct {
	words []*anyTermQuery
}

// Searcher implements bleve's query.Query.
func (q *allWordsQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	if len(q.words) < 2 || opts.Explain || opts.IncludeTermVectors {
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
	return newWordsConjunction(ctx, r, q.words, opts)
}

// wordCursor walks the union of the postings of one word's terms.
type wordCursor struct {
	readers []bindex.TermFieldReader
	docs    []*bindex.TermFieldDoc // each reader's current posting; nil: ended
	bufs    []bindex.TermFieldDoc
	idf     []float64
	cur     bindex.IndexInternalID // the smallest current section; nil: ended
	prev    bindex.IndexInternalID // a copy of cur while next moves past it
}

// settle sets cur to the smallest section a reader is at.
func (w *wordCursor) settle() {
	w.cur = nil
	for _, d := range w.docs {
		if d != nil && (w.cur == nil || d.ID.Compare(w.cur) < 0) {
			w.cur = d.ID
		}
	}
}

// next moves past the current section.
func (w *wordCursor) next() error {
	// cur points into a reader's posting, which moving that reader
	// overwrites.
	w.prev = append(w.prev[:0], w.cur...)
	cur := w.prev
	for j, d := range w.docs {
		if d != nil && d.ID.Compare(cur) == 0 {
			var err error
			if w.docs[j], err = w.readers[j].Next(w.bufs[j].Reset()); err != nil {
				return err
			}
		}
	}
	w.settle()
	return nil
}

// advance moves to the first section at or after target. A reader is
// never asked to advance to where it already is or beyond: bleve's
// readers start over from the beginning then.
func (w *wordCursor) advance(target bindex.IndexInternalID) error {
	for j, d := range w.docs {
		if d != nil && d.ID.Compare(target) < 0 {
			var err error
			if w.docs[j], err = w.readers[j].Advance(target, w.bufs[j].Reset()); err != nil {
				return err
			}
		}
	}
	w.settle()
	return nil
}

// wordsConjunction intersects the words' postings.
type wordsConjunction struct {
	words   []*wordCursor
	weight  float64 // the query norm (the same for every term)
	count   uint64
	score   bool
	started bool
}

func newWordsConjunction(ctx context.Context, r bindex.IndexReader, words []*anyTermQuery, opts search.SearcherOptions) (*wordsConjunction, error) {
	total, err := r.DocCount()
	if err != nil {
		return nil, err
	}
	score := opts.Score != "none"
	s := &wordsConjunction{score: score, count: math.MaxUint64}
	for _, q := range words {
		w := &wordCursor{}
		s.words = append(s.words, w)
		n := uint64(0)
		for _, t := range q.terms {
			tr, err := r.TermFieldReader(ctx, []byte(t.term), t.field, score, score, false)
			if err != nil {
				s.Close()
				return nil, err
			}
			if tr.Count() == 0 {
				tr.Close()
				continue
			}
			w.readers = append(w.readers, tr)
			w.idf = append(w.idf, 1+math.Log(float64(total)/float64(tr.Count()+1)))
			n += tr.Count()
		}
		s.count = min(s.count, n)
		w.docs = make([]*bindex.TermFieldDoc, len(w.readers))
		w.bufs = make([]bindex.TermFieldDoc, len(w.readers))
	}
	s.SetQueryNorm(1 / math.Sqrt(s.Weight()))
	return s, nil
}

// start reads each term's first posting.
func (s *wordsConjunction) start() error {
	s.started = true
	for _, w := range s.words {
		for j, r := range w.readers {
			var err error
			if w.docs[j], err = r.Next(w.bufs[j].Reset()); err != nil {
				return err
			}
		}
		w.settle()
	}
	return nil
}

// Next returns the next section that has every word.
func (s *wordsConjunction) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	var err error
	if !s.started {
		err = s.start()
	} else if w := s.words[0]; w.cur != nil {
		err = w.next()
	}
	if err != nil {
		return nil, err
	}
	return s.align(ctx)
}

// Advance returns the first section at or after id that has every word.
func (s *wordsConjunction) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	if !s.started {
		if err := s.start(); err != nil {
			return nil, err
		}
	}
	if w := s.words[0]; w.cur != nil {
		if err := w.advance(id); err != nil {
			return nil, err
		}
	}
	return s.align(ctx)
}

// align moves the words forward until they are at one section, or one
// has no more.
func (s *wordsConjunction) align(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	first := s.words[0]
	for i := 1; i < len(s.words); {
		if first.cur == nil {
			return nil, nil
		}
		w := s.words[i]
		if w.cur != nil && w.cur.Compare(first.cur) < 0 {
			if err := w.advance(first.cur); err != nil {
				return nil, err
			}
		}
		if w.cur == nil {
			return nil, nil
		}
		if w.cur.Compare(first.cur) > 0 {
			if err := first.advance(w.cur); err != nil {
				return nil, err
			}
			i = 1
			continue
		}
		i++
	}
	if first.cur == nil {
		return nil, nil
	}
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = bindex.NewIndexInternalIDFrom(dm.IndexInternalID, first.cur)
	if s.score {
		for _, w := range s.words {
			sum, matched := 0.0, 0
			for j, d := range w.docs {
				if d != nil && d.ID.Compare(w.cur) == 0 {
					sum += math.Sqrt(float64(d.Freq)) * d.Norm * w.idf[j] * w.idf[j] * s.weight
					matched++
				}
			}
			if len(w.docs) > 1 { // bleve's disjunction: the share of terms found
				sum *= float64(matched) / float64(len(w.docs))
			}
			dm.Score += sum
		}
	}
	return dm, nil
}

func (s *wordsConjunction) Close() error {
	var err error
	for _, w := range s.words {
		for _, r := range w.readers {
			if cerr := r.Close(); err == nil {
				err = cerr
			}
		}
	}
	return err
}

// Weight is the sum of the squared weights of every term, as bleve's
// conjunction of term searchers and disjunctions sums them.
func (s *wordsConjunction) Weight() float64 {
	sum := 0.0
	for _, w := range s.words {
		for _, idf := range w.idf {
			sum += idf * idf
		}
	}
	return sum
}

func (s *wordsConjunction) SetQueryNorm(qnorm float64) { s.weight = qnorm }
func (s *wordsConjunction) Count() uint64              { return s.count }
func (s *wordsConjunction) Min() int                   { return 0 }
func (s *wordsConjunction) Size() int                  { return 64 + 128*len(s.words) }
func (s *wordsConjunction) DocumentMatchPoolSize() int { return 1 }

package index

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/search"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Facets are counted here rather than by bleve: bleve reads the doc
// values of every hit, which took two thirds of a query's time at 10 000
// documents. A facetTable, built once per index snapshot from the facet
// field's postings, maps each section's internal number to its facet
// values, so counting a hit is a slice lookup.

// facetTable holds, for each internal document number, the indexes into
// values of its municipality, label, type and year (-1: none).
type facetTable struct {
	values []string // facet terms, with their kind prefix
	slots  [][4]int32
}

// facetSlot is the slot of a facet term's kind in facetTable.slots.
func facetSlot(term string) int {
	switch {
	case strings.HasPrefix(term, facetKommun):
		return 0
	case strings.HasPrefix(term, facetLabel):
		return 1
	case strings.HasPrefix(term, facetType):
		return 2
	case strings.HasPrefix(term, facetYear):
		return 3
	}
	return -1
}

func buildFacetTable(ctx context.Context, r bindex.IndexReader) (*facetTable, error) {
	dict, err := r.FieldDict(fieldFacet)
	if err != nil {
		return nil, err
	}
	var terms []string
	for {
		e, err := dict.Next()
		if err != nil {
			dict.Close()
			return nil, err
		}
		if e == nil {
			break
		}
		terms = append(terms, e.Term)
	}
	dict.Close()
	t := &facetTable{}
	for _, term := range terms {
		slot := facetSlot(term)
		if slot < 0 {
			continue
		}
		k := int32(len(t.values))
		t.values = append(t.values, term)
		tfr, err := r.TermFieldReader(ctx, []byte(term), fieldFacet, false, false, false)
		if err != nil {
			return nil, err
		}
		for {
			tfd, err := tfr.Next(nil)
			if err != nil {
				tfr.Close()
				return nil, err
			}
			if tfd == nil {
				break
			}
			if len(tfd.ID) != 8 {
				tfr.Close()
				return nil, errNoCollect
			}
			n := int(tfd.ID.Value())
			for len(t.slots) <= n {
				t.slots = append(t.slots, [4]int32{-1, -1, -1, -1})
			}
			t.slots[n][slot] = k
		}
		tfr.Close()
	}
	return t, nil
}

// facetCache builds the facet table of an index once; update resets it.
type facetCache struct {
	mu    sync.Mutex
	table *facetTable
}

func (c *facetCache) get(ctx context.Context, r bindex.IndexReader) (*facetTable, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.table == nil {
		t, err := buildFacetTable(ctx, r)
		if err != nil {
			return nil, err
		}
		c.table = t
	}
	return c.table, nil
}

func (c *facetCache) reset() {
	c.mu.Lock()
	c.table = nil
	c.mu.Unlock()
}

// errNoCollect means the index is not one collect can read; Search then
// lets bleve collect.
var errNoCollect = errors.New("index reader without internal numbers")

// scored is a hit while collecting.
type scored struct {
	score float64
	num   uint64
	id    bindex.IndexInternalID
}

// better orders hits: higher score first, then lower internal number, so
// ties come out in a stable order.
func better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.num < b.num
}

// heapOf is a container/heap of items ordered by less, the least on top.
type heapOf[T any] struct {
	items []T
	less  func(a, b T) bool
}

func (h *heapOf[T]) Len() int           { return len(h.items) }
func (h *heapOf[T]) Less(i, j int) bool { return h.less(h.items[i], h.items[j]) }
func (h *heapOf[T]) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *heapOf[T]) Push(x any)         { h.items = append(h.items, x.(T)) }
func (h *heapOf[T]) Pop() any {
	n := len(h.items) - 1
	x := h.items[n]
	h.items = h.items[:n]
	return x
}

// collect runs q over one snapshot of the index: it counts every hit and
// its facets, keeps the best offset+limit by score and returns the page
// from offset as bleve document matches with the stored fields loaded.
func (ix *Index) collect(ctx context.Context, q bleveQuery, limit, offset int) (hits []*search.DocumentMatch, total int, facets Facets, err error) {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return nil, 0, facets, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, 0, facets, err
	}
	defer r.Close()
	table, err := ix.facets.get(ctx, r)
	if err != nil {
		return nil, 0, facets, err
	}
	s, err := q.Searcher(ctx, r, ix.bi.Mapping(), search.SearcherOptions{})
	if err != nil {
		return nil, 0, facets, err
	}
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	counts := make([]int, len(table.values))
	keep := offset + limit
	// The kept hits, the worst on top.
	kept := &heapOf[scored]{items: make([]scored, 0, keep+1), less: func(a, b scored) bool { return better(b, a) }}
	for {
		if total&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, 0, facets, err
			}
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, 0, facets, err
		}
		if dm == nil {
			break
		}
		if len(dm.IndexInternalID) != 8 {
			return nil, 0, facets, errNoCollect
		}
		total++
		num := dm.IndexInternalID.Value()
		if num < uint64(len(table.slots)) {
			for _, k := range table.slots[num] {
				if k >= 0 {
					counts[k]++
				}
			}
		}
		h := scored{score: dm.Score, num: num}
		if len(kept.items) < keep || better(h, kept.items[0]) {
			h.id = append(bindex.IndexInternalID(nil), dm.IndexInternalID...)
			heap.Push(kept, h)
			if len(kept.items) > keep {
				heap.Pop(kept)
			}
		}
		sctx.DocumentMatchPool.Put(dm)
	}
	top := kept.items
	sort.Slice(top, func(i, j int) bool { return better(top[i], top[j]) })
	if offset < len(top) {
		top = top[offset:]
	} else {
		top = nil
	}
	for _, h := range top {
		ext, err := r.ExternalID(h.id)
		if err != nil {
			return nil, 0, facets, fmt.Errorf("hit: %w", err)
		}
		doc, err := r.Document(ext)
		if err != nil {
			return nil, 0, facets, fmt.Errorf("hit %s: %w", ext, err)
		}
		dm := &search.DocumentMatch{ID: ext, Score: h.score, Fields: map[string]interface{}{}}
		if doc != nil {
			doc.VisitFields(func(f bindex.Field) {
				if storedForHits[f.Name()] {
					dm.Fields[f.Name()] = string(f.Value())
				}
			})
		}
		hits = append(hits, dm)
	}
	terms := make([]facetCount, 0, len(counts))
	for k, n := range counts {
		if n > 0 {
			terms = append(terms, facetCount{table.values[k], n})
		}
	}
	return hits, total, splitFacets(terms, total), nil
}

// storedForHits are the stored fields a hit shows.
var storedForHits = map[string]bool{
	fieldDoc: true, fieldKommun: true, fieldLabel: true, fieldTitle: true,
	fieldHeading: true, fieldLines: true, fieldText: true,
}

// facetCount is the hit count of one facet term.
type facetCount struct {
	term  string
	count int
}

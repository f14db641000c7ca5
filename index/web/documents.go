package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"sync"

	"styrdok/corpus"
)

// Summarizer is a Library that lists its documents without reading them
// whole; *corpus.Store is one. The document list (/docs, /api/documents)
// uses it when the Library has it, and otherwise summarizes List.
type Summarizer interface {
	Summaries() ([]corpus.Summary, error)
}

// paramOrder orders the document list: kommun (the default: municipality,
// title), antagen (newest adoption first) or tillagd (last added first).
const paramOrder = "ordning"

// docOrders are the orders of the document list; the first is the default.
var docOrders = []string{"kommun", "antagen", "tillagd"}

// docList is the document list of one corpus generation: every document's
// summary, made from the Library's summaries (cheap) and not waiting for
// the comparison, which reads whole documents.
type docList struct {
	once   sync.Once
	sums   []docSummary // by municipality, title, ID
	facets compareFacets
	err    error
}

// documents returns the document list of the current corpus generation:
// from the Library's summaries when it is a Summarizer, else from the
// comparison's view, which reads every document once per generation.
func (s *Server) documents(ctx context.Context) (*docList, error) {
	if _, ok := s.opts.Library.(Summarizer); !ok {
		v, err := s.load(ctx)
		if err != nil {
			return nil, err
		}
		return &docList{sums: v.summary, facets: v.facets}, nil
	}
	s.mu.Lock()
	s.maybeReloadLocked()
	l := s.list
	if l == nil {
		l = &docList{}
		s.list = l
	}
	s.mu.Unlock()
	l.once.Do(func() { l.build(s.opts.Library.(Summarizer)) })
	if l.err != nil {
		s.mu.Lock()
		if s.list == l {
			s.list = nil // try again on the next request
		}
		s.mu.Unlock()
	}
	return l, l.err
}

// prepareListLocked starts reading the document list of the current
// generation in the background, when the Library lists cheaply (else the
// list comes with the comparison's view).
func (s *Server) prepareListLocked() {
	if _, ok := s.opts.Library.(Summarizer); ok {
		go s.documents(context.Background())
	}
}

func (l *docList) build(lib Summarizer) {
	sums, err := lib.Summaries()
	var le *corpus.ListError
	if err != nil && !errors.As(err, &le) {
		l.err = fmt.Errorf("web: listing the corpus: %w", err)
		return
	}
	l.sums = make([]docSummary, len(sums))
	for i, sum := range sums {
		l.sums[i] = fromSummary(sum)
	}
	l.facets = facetsOf(l.sums)
}

// docsParams is a parsed request for the document list: the filters and
// pages of the comparison, and an order.
type docsParams struct {
	compareParams
	Order string
}

func parseDocs(r *http.Request) (docsParams, error) {
	p := docsParams{Order: docOrders[0]}
	var err error
	if p.compareParams, err = parseCompare(r); err != nil {
		return p, err
	}
	if o := r.URL.Query().Get(paramOrder); o != "" {
		ok := false
		for _, name := range docOrders {
			ok = ok || o == name
		}
		if !ok {
			return p, badRequest{fmt.Errorf("%s=%q: want one of %v", paramOrder, o, docOrders)}
		}
		p.Order = o
	}
	return p, nil
}

// query returns the filters and order with the extra pairs set.
func (p docsParams) query(kv ...string) url.Values {
	q := p.compareParams.query(kv...)
	if p.Order != docOrders[0] {
		q.Set(paramOrder, p.Order)
	}
	if p.Per != defaultComparePer {
		q.Set(paramPer, strconv.Itoa(p.Per))
	}
	return q
}

// docsResult is one page of the filtered, ordered list.
type docsResult struct {
	Docs        []docSummary
	Total       int // documents the filters select
	All         int // documents in the corpus
	From, To    int // 1-based, inclusive; From > To on an empty page
	Page, Pages int
}

// page filters, orders and cuts the list.
func (l *docList) page(p docsParams) docsResult {
	var sel []docSummary
	if p.filtered() {
		for _, d := range l.sums {
			if p.match(d.Municipality, d.Type, d.year()) {
				sel = append(sel, d)
			}
		}
	} else {
		sel = append([]docSummary(nil), l.sums...)
	}
	switch p.Order {
	case "antagen":
		// Newest first; documents without a date last.
		sort.SliceStable(sel, func(i, j int) bool { return sel[i].Adopted > sel[j].Adopted })
	case "tillagd":
		sort.SliceStable(sel, func(i, j int) bool { return sel[i].added.After(sel[j].added) })
	}
	res := docsResult{Total: len(sel), All: len(l.sums), Page: p.Page}
	res.Pages = max(1, (res.Total+p.Per-1)/p.Per)
	from := min((p.Page-1)*p.Per, res.Total)
	to := min(from+p.Per, res.Total)
	res.From, res.To = from+1, to
	res.Docs = sel[from:to]
	return res
}

// documentsPage is the data of the document list.
type documentsPage struct {
	docsResult
	Kommun  string
	Type    string
	Year    string
	Order   string
	Orders  []orderLink
	Facets  compareFacets
	Filters []filterChip
	// Shown is "Visar 1–50 av 1000 dokument" when the list has pages.
	Shown string
	Pager pager
}

type orderLink struct {
	Label   string
	URL     string
	Current bool
}

// documentsRequest reads the list parameters of r and the filtered page of
// the document list; on a bad parameter or an unreadable corpus it has
// answered already and ok is false.
func (s *Server) documentsRequest(w http.ResponseWriter, r *http.Request) (p docsParams, l *docList, res docsResult, ok bool) {
	p, err := parseDocs(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return p, nil, res, false
	}
	l, err = s.documents(r.Context())
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return p, nil, res, false
	}
	return p, l, l.page(p), true
}

func (s *Server) handleDocuments(w http.ResponseWriter, r *http.Request) {
	p, l, res, ok := s.documentsRequest(w, r)
	if !ok {
		return
	}
	page := documentsPage{docsResult: res, Kommun: p.Kommun, Type: p.Type, Year: p.Filters.Get(paramYear),
		Order: p.Order, Facets: l.facets, Pager: docsPager(p, res, "/docs")}
	if res.Pages > 1 || res.Page > 1 {
		page.Shown = fmt.Sprintf("Visar %d–%d av %d dokument", res.From, res.To, res.Total)
		if res.From > res.To {
			page.Shown = fmt.Sprintf("Sidan %d är tom: listan har %d dokument", res.Page, res.Total)
		}
	}
	for _, f := range []struct{ param, title string }{{paramKommun, "Kommun"}, {paramType, "Typ"}, {paramYear, "År"}} {
		if val := p.Filters.Get(f.param); val != "" {
			q := p.query()
			q.Del(f.param)
			page.Filters = append(page.Filters, filterChip{Label: f.title + ": " + val, RemoveURL: withQuery("/docs", q)})
		}
	}
	for _, o := range []struct{ name, label string }{{"kommun", "kommun"}, {"antagen", "senast antagen"}, {"tillagd", "senast tillagd"}} {
		q := p
		q.Order = o.name
		page.Orders = append(page.Orders, orderLink{Label: o.label, URL: withQuery("/docs", q.query()), Current: o.name == p.Order})
	}
	s.render(w, r, http.StatusOK, "documents", page)
}

// docsPager links the pages of the list.
func docsPager(p docsParams, res docsResult, path string) pager {
	return newPager(res.Page, res.Pages, func(n int) string {
		q := p.query()
		if n > 1 {
			q.Set(paramPage, strconv.Itoa(n))
		}
		return withQuery(path, q)
	})
}

// apiDocumentsPage is the body of /api/documents: one page of the
// filtered list, where it is, and the values the filters take.
type apiDocumentsPage struct {
	Filters         map[string]string     `json:"filters"`
	Order           string                `json:"order"`
	CorpusDocuments int                   `json:"corpus_documents"`
	Total           int                   `json:"total"`
	Page            int                   `json:"page"`
	Pages           int                   `json:"pages"`
	Per             int                   `json:"per"`
	From            int                   `json:"from"`
	To              int                   `json:"to"`
	Next            string                `json:"next,omitempty"`
	Prev            string                `json:"prev,omitempty"`
	Documents       []docSummary          `json:"documents"`
	Facets          map[string]facetCount `json:"facets"`
}

func (s *Server) apiDocuments(w http.ResponseWriter, r *http.Request) {
	p, l, res, ok := s.documentsRequest(w, r)
	if !ok {
		return
	}
	pg := docsPager(p, res, "/api/documents")
	out := apiDocumentsPage{
		Filters: map[string]string{}, Order: p.Order, CorpusDocuments: res.All, Total: res.Total,
		Page: res.Page, Pages: res.Pages, Per: p.Per, From: res.From, To: res.To,
		Next: pg.Next, Prev: pg.Prev, Documents: res.Docs,
		Facets: map[string]facetCount{paramKommun: {}, paramType: {}},
	}
	if out.Documents == nil {
		out.Documents = []docSummary{}
	}
	for k := range p.Filters {
		out.Filters[k] = p.Filters.Get(k)
	}
	for _, o := range l.facets.Kommuner {
		out.Facets[paramKommun][o.Value] = o.Count
	}
	for _, o := range l.facets.Types {
		out.Facets[paramType][o.Value] = o.Count
	}
	writeJSON(w, r, http.StatusOK, out)
}

package web

import (
	"errors"
	"fmt"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"styrdok/index"
	"styrdok/reports"
)

// Query parameters of the search page and /api/search. Filters use the
// names of the query syntax's fields.
const (
	paramQuery   = "q"
	paramKommun  = "kommun"
	paramSection = "avsnitt"
	paramType    = "typ"
	paramYear    = "ar"
	paramPage    = "sida"
)

// searchParams is a parsed search request.
type searchParams struct {
	Values url.Values // the request's own parameters, for links
	Req    index.Request
	Page   int
	Empty  bool // nothing asked: show the start page
}

// badRequest is an error in what the user asked (400).
type badRequest struct{ err error }

func (e badRequest) Error() string { return e.err.Error() }
func (e badRequest) Unwrap() error { return e.err }

func parseSearch(r *http.Request) (searchParams, error) {
	v := r.URL.Query()
	p := searchParams{Values: url.Values{}, Page: 1}
	for _, k := range []string{paramQuery, paramKommun, paramSection, paramType, paramYear} {
		if s := strings.TrimSpace(v.Get(k)); s != "" {
			p.Values.Set(k, s)
		}
	}
	q := p.Values.Get(paramQuery)
	if len(q) > maxQueryLen {
		return p, badRequest{fmt.Errorf("the query is longer than %d bytes", maxQueryLen)}
	}
	p.Req = index.Request{
		Query:        q,
		Municipality: p.Values.Get(paramKommun),
		Section:      p.Values.Get(paramSection),
		Type:         p.Values.Get(paramType),
		Limit:        pageSize,
	}
	if y := p.Values.Get(paramYear); y != "" {
		from, to, err := index.ParseYears(y)
		if err != nil {
			return p, badRequest{err}
		}
		p.Req.YearFrom, p.Req.YearTo = from, to
	}
	if s := v.Get(paramPage); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return p, badRequest{fmt.Errorf("page %q is not a page number", s)}
		}
		p.Page = n
	}
	p.Req.Offset = (p.Page - 1) * pageSize
	if p.Req.Offset > maxOffset {
		return p, badRequest{fmt.Errorf("page %d is too deep; narrow the search", p.Page)}
	}
	p.Empty = len(p.Values) == 0
	return p, nil
}

// search runs the request; query parse errors come back as badRequest.
func (s *Server) search(r *http.Request, p searchParams) (*index.Result, error) {
	res, err := s.index().Search(r.Context(), p.Req)
	var pe *index.ParseError
	if errors.As(err, &pe) {
		return nil, badRequest{err}
	}
	return res, err
}

func statusOf(err error) int {
	var br badRequest
	if errors.As(err, &br) {
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

// searchPage is the data of the search template.
type searchPage struct {
	Params  searchParams
	Query   string
	Error   string
	Result  *index.Result
	Hits    []hitView
	Facets  []facetView
	Filters []filterChip
	Pager   pager
	First   int // 1-based number of the first hit shown
	Last    int
}

// hitView is one hit as the page shows it.
type hitView struct {
	index.Hit
	DocURL    string
	LabelName string
	KWIC      index.KWIC
	Fragments []template.HTML
}

type facetView struct {
	Title  string
	Values []facetValue
}

type facetValue struct {
	Label  string
	Count  int
	URL    string
	Active bool
}

type filterChip struct {
	Label     string
	RemoveURL string
}

type pager struct {
	Page, Pages int
	Prev, Next  string
	Links       []pageLink
}

type pageLink struct {
	N       int
	URL     string
	Current bool
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	p, err := parseSearch(r)
	page := searchPage{Params: p, Query: p.Values.Get(paramQuery)}
	if err == nil && !p.Empty {
		page.Result, err = s.search(r, p)
	}
	if err != nil {
		page.Error = err.Error()
		s.render(w, r, statusOf(err), "search", page)
		return
	}
	if page.Result != nil {
		s.fillSearchPage(&page)
	}
	s.render(w, r, http.StatusOK, "search", page)
}

// fillSearchPage turns the result into hits, facets, filters and pages.
func (s *Server) fillSearchPage(page *searchPage) {
	res, p := page.Result, page.Params
	for _, h := range res.Hits {
		page.Hits = append(page.Hits, newHitView(h))
	}
	page.First = p.Req.Offset + 1
	page.Last = p.Req.Offset + len(res.Hits)
	facets := []struct {
		title, param string
		values       []index.FacetValue
		name         func(string) string
	}{
		{"Kommun", paramKommun, res.Facets.Municipality, nil},
		{"Avsnitt", paramSection, res.Facets.Section, reports.LabelName},
		{"Dokumenttyp", paramType, res.Facets.Type, nil},
		{"År", paramYear, res.Facets.Year, nil},
	}
	for _, f := range facets {
		fv := facetView{Title: f.title}
		active := p.Values.Get(f.param)
		for _, v := range f.values {
			if v.Value == "" {
				continue // "no value" cannot be asked for as a filter
			}
			label := v.Value
			if f.name != nil {
				label = f.name(v.Value)
			}
			fv.Values = append(fv.Values, facetValue{Label: label, Count: v.Count,
				URL: with(p.Values, f.param, v.Value), Active: strings.EqualFold(active, v.Value)})
		}
		if len(fv.Values) > 0 {
			page.Facets = append(page.Facets, fv)
		}
		if active != "" {
			label := active
			if f.name != nil {
				label = f.name(active)
			}
			page.Filters = append(page.Filters, filterChip{Label: f.title + ": " + label, RemoveURL: with(p.Values, f.param, "")})
		}
	}
	page.Pager = searchPager(p, res.Total)
}

func newHitView(h index.Hit) hitView {
	hv := hitView{Hit: h, LabelName: reports.LabelName(h.Label), KWIC: h.KWIC}
	words := map[string]bool{}
	var hl []string
	for _, f := range h.Fragments {
		hv.Fragments = append(hv.Fragments, template.HTML(f.Marked("<mark>", "</mark>", html.EscapeString)))
		for _, m := range f.Marks {
			w := strings.ToLower(f.Text[m.Start:m.End])
			if !words[w] && len(hl) < 10 {
				words[w] = true
				hl = append(hl, f.Text[m.Start:m.End])
			}
		}
	}
	if hv.KWIC.Match != "" && !words[strings.ToLower(hv.KWIC.Match)] && len(hl) < 10 {
		hl = append(hl, hv.KWIC.Match)
	}
	hv.DocURL = docURL(h.DocID, h.Line, hl)
	return hv
}

// docURL links to a line of a document, with words to highlight there.
func docURL(id string, line int, hl []string) string {
	u := "/doc/" + url.PathEscape(id)
	if len(hl) > 0 {
		u += "?" + url.Values{"hl": {strings.Join(hl, " ")}}.Encode()
	}
	if line > 0 {
		u += "#L" + strconv.Itoa(line)
	}
	return u
}

// newPager links page of pages: previous, next and the pages up to four
// either side, each URL made by link.
func newPager(page, pages int, link func(n int) string) pager {
	pg := pager{Page: page, Pages: pages}
	if page > 1 {
		pg.Prev = link(min(page-1, pages))
	}
	if page < pages {
		pg.Next = link(page + 1)
	}
	for n := max(1, page-4); n <= min(pages, page+4); n++ {
		pg.Links = append(pg.Links, pageLink{N: n, URL: link(n), Current: n == page})
	}
	return pg
}

// searchPager links the pages of a search's hits.
func searchPager(p searchParams, total int) pager {
	pages := (min(total, maxOffset+pageSize) + pageSize - 1) / pageSize
	return newPager(p.Page, pages, func(n int) string {
		c := url.Values{}
		for k, vs := range p.Values {
			c[k] = vs
		}
		if n > 1 {
			c.Set(paramPage, strconv.Itoa(n))
		}
		return "/?" + c.Encode()
	})
}

// apiSearchResult is the JSON of /api/search.
type apiSearchResult struct {
	Query  string `json:"query"`
	Page   int    `json:"page"`
	Pages  int    `json:"pages"`
	Offset int    `json:"offset"`
	*index.Result
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	p, err := parseSearch(r)
	if err == nil && p.Req.Query == "" && p.Req.Municipality == "" && p.Req.Section == "" && p.Req.Type == "" && p.Req.YearFrom == 0 && p.Req.YearTo == 0 {
		err = badRequest{errors.New("give a query (q) or a filter (kommun, avsnitt, typ, ar)")}
	}
	var res *index.Result
	if err == nil {
		res, err = s.search(r, p)
	}
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	writeJSON(w, r, http.StatusOK, apiSearchResult{Query: p.Req.Query, Page: p.Page,
		Pages: searchPager(p, res.Total).Pages, Offset: p.Req.Offset, Result: res})
}

package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"styrdok/corpus"
	"styrdok/index"
	"styrdok/reports"
)

// Query parameters of the comparison page, /api/compare and the downloads,
// besides the filters kommun, typ and ar of the search page.
const (
	paramTable    = "tabell" // one table alone (and the table a CSV holds)
	paramPer      = "per"    // rows (themes: municipalities) a page shows
	paramEvidence = "belagg" // 1: evidence sentences inline, 0: links only
)

// Page sizes of the comparison. A corpus whose tables all fit in one page
// looks as it always did: every row, every evidence sentence as a tooltip.
const (
	defaultComparePer = 50
	maxComparePer     = 500
	maxSubsets        = 64 // filtered comparisons cached per generation
	maxBarDocs        = 60 // documents the goals chart draws at most
)

// compareTables are the tables the page and the API show, in order.
var compareTables = []string{"overview", "themes", "actors", "goals"}

// compareParams is a parsed comparison request.
type compareParams struct {
	Filters  url.Values // kommun, typ, ar as given
	Kommun   string
	Type     string
	YearFrom int
	YearTo   int
	Table    string // "" means every table, each at its first page
	Page     int
	Per      int
	Evidence string // "", "0" or "1"
}

func parseCompare(r *http.Request) (compareParams, error) {
	v := r.URL.Query()
	p := compareParams{Filters: url.Values{}, Page: 1, Per: defaultComparePer}
	for _, k := range []string{paramKommun, paramType, paramYear} {
		if s := strings.TrimSpace(v.Get(k)); s != "" {
			if len(s) > maxQueryLen {
				return p, badRequest{fmt.Errorf("%s is longer than %d bytes", k, maxQueryLen)}
			}
			p.Filters.Set(k, s)
		}
	}
	p.Kommun, p.Type = p.Filters.Get(paramKommun), p.Filters.Get(paramType)
	if y := p.Filters.Get(paramYear); y != "" {
		from, to, err := index.ParseYears(y)
		if err != nil {
			return p, badRequest{err}
		}
		p.YearFrom, p.YearTo = from, to
	}
	if t := v.Get(paramTable); t != "" {
		ok := false
		for _, name := range compareTables {
			ok = ok || t == name
		}
		if !ok {
			return p, badRequest{fmt.Errorf("no table %q (want %s)", t, strings.Join(compareTables, ", "))}
		}
		p.Table = t
	}
	var err error
	if p.Page, err = intParam(v, paramPage, 1, 1, 1_000_000); err != nil {
		return p, err
	}
	if p.Per, err = intParam(v, paramPer, defaultComparePer, 1, maxComparePer); err != nil {
		return p, err
	}
	switch e := v.Get(paramEvidence); e {
	case "", "0", "1":
		p.Evidence = e
	default:
		return p, badRequest{fmt.Errorf("%s=%q: want 0 or 1", paramEvidence, e)}
	}
	return p, nil
}

// intParam parses the whole number v[key] in [lo, hi], or returns def.
func intParam(v url.Values, key string, def, lo, hi int) (int, error) {
	s := v.Get(key)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, badRequest{fmt.Errorf("%s=%q: want a number from %d to %d", key, s, lo, hi)}
	}
	return n, nil
}

// filterKey identifies the documents the filters select.
func (p compareParams) filterKey() string {
	return corpus.FoldName(p.Kommun) + "\x00" + corpus.FoldName(p.Type) + "\x00" +
		strconv.Itoa(p.YearFrom) + "-" + strconv.Itoa(p.YearTo)
}

func (p compareParams) filtered() bool { return len(p.Filters) > 0 }

// match tells whether a document of municipality kommun and type typ,
// adopted in year (0 when unknown), passes the filters. Names are compared
// folded (Malmo finds Malmö); a year filter drops documents without a year.
func (p compareParams) match(kommun, typ string, year int) bool {
	if p.Kommun != "" && corpus.FoldName(kommun) != corpus.FoldName(p.Kommun) {
		return false
	}
	if p.Type != "" && corpus.FoldName(typ) != corpus.FoldName(p.Type) {
		return false
	}
	if p.YearFrom > 0 || p.YearTo > 0 {
		if year == 0 || (p.YearFrom > 0 && year < p.YearFrom) || (p.YearTo > 0 && year > p.YearTo) {
			return false
		}
	}
	return true
}

// query returns the filters with the extra key/value pairs set.
func (p compareParams) query(kv ...string) url.Values {
	c := url.Values{}
	for k, vs := range p.Filters {
		c[k] = append([]string(nil), vs...)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			c.Set(kv[i], kv[i+1])
		}
	}
	return c
}

func withQuery(path string, q url.Values) string {
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// subset returns the comparison of the documents p's filters select,
// cached per filter for the life of the view.
func (v *corpusView) subset(p compareParams) *reports.Report {
	if !p.filtered() {
		return v.report
	}
	key := p.filterKey()
	v.mu.Lock()
	rep, ok := v.subsets[key]
	v.mu.Unlock()
	if ok {
		return rep
	}
	rep = v.report.Subset(func(d reports.DocRef, _ reports.Row) bool {
		typ, year := "", 0
		if sum := v.byID[d.ID]; sum != nil {
			typ, year = sum.Type, sum.year()
		}
		return p.match(d.Municipality, typ, year)
	})
	v.mu.Lock()
	if len(v.subsets) >= maxSubsets || v.subsets == nil {
		v.subsets = map[string]*reports.Report{}
	}
	v.subsets[key] = rep
	v.mu.Unlock()
	return rep
}

// compareFacets are the values the filter form offers, with counts.
type compareFacets struct {
	Kommuner []facetOption
	Types    []facetOption
	Years    string // "2015–2024", the span of adoption years
}

type facetOption struct {
	Value string
	Count int
}

func newCompareFacets(v *corpusView) compareFacets { return facetsOf(v.summary) }

// facetsOf counts the municipalities and types of docs and spans their
// adoption years.
func facetsOf(docs []docSummary) compareFacets {
	count := func(key func(docSummary) string) []facetOption {
		n := map[string]int{}
		for _, d := range docs {
			if k := key(d); k != "" {
				n[k]++
			}
		}
		out := make([]facetOption, 0, len(n))
		for k, c := range n {
			out = append(out, facetOption{k, c})
		}
		sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
		return out
	}
	f := compareFacets{
		Kommuner: count(func(d docSummary) string { return d.Municipality }),
		Types:    count(func(d docSummary) string { return d.Type }),
	}
	lo, hi := 0, 0
	for _, d := range docs {
		if y := d.year(); y > 1000 {
			if lo == 0 || y < lo {
				lo = y
			}
			hi = max(hi, y)
		}
	}
	if lo > 0 {
		f.Years = fmt.Sprintf("%d–%d", lo, hi)
	}
	return f
}

// tablePage is one page of a table: the rows (for the themes matrix, the
// municipality columns) from From to To (1-based, inclusive) of Total.
type tablePage struct {
	Table  *reports.Table
	From   int
	To     int
	Total  int
	Page   int
	Pages  int
	Unit   string // what is counted: "rader", "kommuner"
	byCols bool
}

// pageOf cuts page n of size per out of t. The themes matrix is cut by
// municipality columns (its rows are the few themes); the other tables by
// rows.
func pageOf(t *reports.Table, n, per int) tablePage {
	tp := tablePage{Table: t, Page: n, Unit: "rader", byCols: t.Name == "themes"}
	if tp.byCols {
		tp.Unit = "kommuner"
		tp.Total = max(0, len(t.Columns)-2) // theme and count columns
	} else {
		tp.Total = len(t.Rows)
	}
	tp.Pages = max(1, (tp.Total+per-1)/per)
	from := min((n-1)*per, tp.Total)
	to := min(from+per, tp.Total)
	tp.From, tp.To = from+1, to
	if from == 0 && to == tp.Total {
		return tp
	}
	c := *t
	if tp.byCols {
		keep := func(i int) bool { return i == 0 || i == len(t.Columns)-1 || (i-1 >= from && i-1 < to) }
		c.Columns = nil
		for i, col := range t.Columns {
			if keep(i) {
				c.Columns = append(c.Columns, col)
			}
		}
		c.Rows = make([]reports.Row, len(t.Rows))
		for r, row := range t.Rows {
			nr := reports.Row{Doc: row.Doc}
			for i, cell := range row.Cells {
				if keep(i) {
					nr.Cells = append(nr.Cells, cell)
				}
			}
			c.Rows[r] = nr
		}
	} else {
		c.Rows = t.Rows[from:to]
	}
	tp.Table = &c
	return tp
}

// pages returns the tables a request shows, each cut to its page.
func (p compareParams) pages(rep *reports.Report) []tablePage {
	var out []tablePage
	for _, t := range rep.Tables() {
		if t == nil || (p.Table != "" && t.Name != p.Table) {
			continue
		}
		n := 1
		if t.Name == p.Table {
			n = p.Page
		}
		out = append(out, pageOf(t, n, p.Per))
	}
	return out
}

// evidenceInline tells whether evidence sentences go into the page: as
// asked, else when nothing is cut into pages (a small corpus).
func (p compareParams) evidenceInline(pages []tablePage) bool {
	if p.Evidence != "" {
		return p.Evidence == "1"
	}
	for _, tp := range pages {
		if tp.Pages > 1 {
			return false
		}
	}
	return true
}

// comparePage is the data of the comparison template.
type comparePage struct {
	Docs      int // documents compared (after the filters)
	AllDocs   int // documents in the corpus
	Filtered  bool
	Kommun    string
	Type      string
	Year      string
	Facets    compareFacets
	Filters   []filterChip
	Single    bool // one table alone
	AllURL    string
	Toc       []download
	Tables    []tableView
	Bars      *barChart
	Downloads []download
	Evidence  bool
	// EvidenceURL switches evidence sentences on or off.
	EvidenceURL string
}

type tableView struct {
	Name    string
	Title   string
	Headers []string
	Rows    [][]cellView
	Heat    bool
	// Shown is "Visar 1–50 av 1000 rader" when the table is cut into pages.
	Shown string
	Pager pager
	// AloneURL shows this table alone, page by page.
	AloneURL string
}

type cellView struct {
	Value string // shown instead of the items when set
	Items []itemView
	Heat  int // 0-4
}

type itemView struct {
	Text     string
	Link     string // to the evidence line
	Evidence string
}

type download struct {
	Label string
	URL   string
}

// barChart is a horizontal bar chart in SVG user units.
type barChart struct {
	Title  string
	Width  int
	Height int
	Bars   []bar
}

type bar struct {
	Label    string
	Link     string
	Value    int
	Y, W     int
	TextY    int
	ValueX   int
	LabelEnd int
}

func (s *Server) handleCompare(w http.ResponseWriter, r *http.Request) {
	p, err := parseCompare(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	v, err := s.load(r.Context())
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	rep := v.subset(p)
	pages := p.pages(rep)
	page := comparePage{
		Docs: len(rep.Documents), AllDocs: len(v.report.Documents), Filtered: p.filtered(),
		Kommun: p.Kommun, Type: p.Type, Year: p.Filters.Get(paramYear), Facets: v.facets,
		Single: p.Table != "", AllURL: withQuery("/compare", p.query()),
		Evidence: p.evidenceInline(pages),
	}
	for _, f := range []struct{ param, title string }{{paramKommun, "Kommun"}, {paramType, "Typ"}, {paramYear, "År"}} {
		if val := p.Filters.Get(f.param); val != "" {
			q := p.query(paramTable, p.Table)
			q.Del(f.param)
			page.Filters = append(page.Filters, filterChip{Label: f.title + ": " + val, RemoveURL: withQuery("/compare", q)})
		}
	}
	ev := "1"
	if page.Evidence {
		ev = "0"
	}
	q := p.query(paramTable, p.Table, paramEvidence, ev)
	if p.Page > 1 {
		q.Set(paramPage, strconv.Itoa(p.Page))
	}
	if p.Per != defaultComparePer {
		q.Set(paramPer, strconv.Itoa(p.Per))
	}
	page.EvidenceURL = withQuery("/compare", q)
	for _, t := range rep.Tables() {
		if t != nil {
			href := "#" + t.Name
			if p.Table != "" {
				href = withQuery("/compare", p.query(paramTable, t.Name)) + "#" + t.Name
			}
			page.Toc = append(page.Toc, download{Label: t.Title, URL: href})
		}
	}
	for _, tp := range pages {
		page.Tables = append(page.Tables, s.newTableView(p, tp, page.Evidence))
	}
	if p.Table == "" || p.Table == "overview" {
		page.Bars = goalBars(rep)
	}
	for _, d := range []struct{ label, format string }{
		{"CSV (översikt)", reports.FormatCSV}, {"Excel (XLSX)", reports.FormatXLSX}, {"JSON", reports.FormatJSON},
		{"Markdown", reports.FormatMarkdown}, {"HTML-rapport", reports.FormatHTML},
	} {
		page.Downloads = append(page.Downloads, download{Label: d.label, URL: withQuery("/compare."+d.format, p.query())})
	}
	s.render(w, r, http.StatusOK, "compare", page)
}

func (s *Server) newTableView(p compareParams, tp tablePage, evidence bool) tableView {
	t := tp.Table
	tv := tableView{Name: t.Name, Title: t.Title, Heat: t.Name == "themes"}
	for _, c := range t.Columns {
		tv.Headers = append(tv.Headers, c.Header)
	}
	if tp.Pages > 1 || tp.Page > 1 {
		tv.Shown = fmt.Sprintf("Visar %d–%d av %d %s", tp.From, tp.To, tp.Total, tp.Unit)
		if tp.From > tp.To {
			tv.Shown = fmt.Sprintf("Sidan %d är tom: tabellen har %d %s", tp.Page, tp.Total, tp.Unit)
		}
		tv.Pager = comparePager(p, tp, "/compare")
		tv.AloneURL = withQuery("/compare", p.query(paramTable, t.Name))
	}
	for _, row := range t.Rows {
		cells := make([]cellView, len(row.Cells))
		for j, c := range row.Cells {
			cv := cellView{Value: c.Value, Heat: heatLevel(c.Heat)}
			for _, it := range c.Items {
				iv := itemView{Text: it.Text}
				if e := it.Evidence; e != nil && e.Doc != "" {
					iv.Link = docURL(e.Doc, e.Line, nil)
					if evidence {
						iv.Evidence = e.Text
					}
				}
				cv.Items = append(cv.Items, iv)
			}
			cells[j] = cv
		}
		tv.Rows = append(tv.Rows, cells)
	}
	return tv
}

// comparePager links the pages of one table; the links show that table
// alone.
func comparePager(p compareParams, tp tablePage, path string) pager {
	link := func(n int) string {
		q := p.query(paramTable, tp.Table.Name, paramEvidence, p.Evidence)
		if n > 1 {
			q.Set(paramPage, strconv.Itoa(n))
		}
		if p.Per != defaultComparePer {
			q.Set(paramPer, strconv.Itoa(p.Per))
		}
		return withQuery(path, q)
	}
	return newPager(tp.Page, tp.Pages, link)
}

func heatLevel(h float64) int {
	switch {
	case h <= 0:
		return 0
	case h >= 1:
		return 4
	}
	return 1 + int(h*3)
}

// goalBars charts the number of goals of each document (the overview's
// goals column) when there are few enough documents to draw.
func goalBars(rep *reports.Report) *barChart {
	t := rep.Overview
	if t == nil {
		return nil
	}
	col := t.Col("goals")
	if col < 0 || len(t.Rows) == 0 || len(t.Rows) > maxBarDocs {
		return nil
	}
	const labelW, barMax, rowH = 260, 360, 22
	ch := &barChart{Title: "Antal mål per dokument", Width: labelW + barMax + 60}
	most := 1
	for _, row := range t.Rows {
		n, _ := strconv.Atoi(row.Cells[col].Text())
		most = max(most, n)
	}
	for i, row := range t.Rows {
		n, _ := strconv.Atoi(row.Cells[col].Text())
		y := 10 + i*rowH
		w := n * barMax / most
		ch.Bars = append(ch.Bars, bar{Label: rep.Doc(row.Doc).Name, Link: "/doc/" + row.Doc, Value: n,
			Y: y, W: w, TextY: y + 14, ValueX: labelW + w + 6, LabelEnd: labelW - 8})
	}
	ch.Height = 20 + len(t.Rows)*rowH
	return ch
}

// ctxWriter stops a long download when the request's time is up.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, fmt.Errorf("download stopped: %w", err)
	}
	return c.w.Write(p)
}

// handleDownload serves the comparison of the filtered documents (all of
// them without filters) in one format as a file, written as it is made.
func (s *Server) handleDownload(format string) http.HandlerFunc {
	types := map[string]string{
		reports.FormatMarkdown: "text/markdown; charset=utf-8",
		reports.FormatCSV:      "text/csv; charset=utf-8",
		reports.FormatJSON:     "application/json; charset=utf-8",
		reports.FormatXLSX:     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		reports.FormatHTML:     "text/html; charset=utf-8",
	}
	return func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		opts := reports.Options{Format: format, Source: s.opts.Source}
		if format == reports.FormatCSV {
			opts.Table = q.Get(paramTable)
			opts.Excel = q.Get("excel") != ""
			q.Del(paramTable) // not the page's table: CSV has one more, evidence
			r.URL.RawQuery = q.Encode()
		}
		p, err := parseCompare(r)
		if err != nil {
			s.fail(w, r, statusOf(err), err)
			return
		}
		if opts.Table != "" && (format != reports.FormatCSV || !validTable(opts.Table)) {
			s.fail(w, r, http.StatusBadRequest, fmt.Errorf("no table %q (want %s)", opts.Table, strings.Join(reports.TableNames(), ", ")))
			return
		}
		v, err := s.load(r.Context())
		if err != nil {
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
		rep := v.subset(p)
		w.Header().Set("Content-Type", types[format])
		if format != reports.FormatHTML {
			w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", "jamforelse."+format))
		} else {
			// The stand-alone report carries its own inline style.
			w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
		}
		if r.Method == http.MethodHead {
			return
		}
		if dl, ok := r.Context().Deadline(); ok {
			// Past the server's write timeout; an error means the
			// connection does not support it, and the server's holds.
			_ = http.NewResponseController(w).SetWriteDeadline(dl)
		}
		if format == reports.FormatXLSX && !p.filtered() {
			v.xlsxOnce.Do(func() {
				var buf bytes.Buffer
				v.xlsxErr = rep.Write(&buf, opts)
				v.xlsx = buf.Bytes()
			})
			if v.xlsxErr != nil {
				w.Header().Del("Content-Disposition")
				s.fail(w, r, http.StatusInternalServerError, v.xlsxErr)
				return
			}
			w.Header().Set("Content-Length", strconv.Itoa(len(v.xlsx)))
			w.Write(v.xlsx)
			return
		}
		if err := rep.Write(ctxWriter{r.Context(), w}, opts); err != nil {
			// The status is sent; the client sees a cut file.
			s.opts.Log.Printf("web: %s %s: %v", r.Method, r.URL, err)
		}
	}
}

// isDownload tells whether path is a download of the comparison.
func isDownload(path string) bool {
	for _, f := range reports.Formats() {
		if path == "/compare."+f {
			return true
		}
	}
	return false
}

func validTable(name string) bool {
	for _, n := range reports.TableNames() {
		if n == name {
			return true
		}
	}
	return false
}

// apiComparePage is the body of /api/compare: the tables of the filtered
// comparison in the shape of the JSON download, each cut to one page, and
// for each table where that page is and links to its neighbours.
type apiComparePage struct {
	Schema          string            `json:"schema"`
	Filters         map[string]string `json:"filters"`
	CorpusDocuments int               `json:"corpus_documents"`
	TotalDocuments  int               `json:"total_documents"`
	// Documents are those of the overview's rows on this page.
	Documents []reports.DocRef   `json:"documents"`
	Tables    []any              `json:"tables"`
	Pages     map[string]apiPage `json:"pages"`
	Events    []reports.Event    `json:"events"`
	Evidence  string             `json:"evidence"` // "text" or "references"
	Downloads map[string]string  `json:"downloads"`
	// Facets are the values the filters kommun and typ take in the corpus,
	// with their numbers of documents.
	Facets map[string]facetCount `json:"facets"`
}

type facetCount map[string]int

type apiPage struct {
	Page  int    `json:"page"`
	Pages int    `json:"pages"`
	Per   int    `json:"per"`
	From  int    `json:"from"`
	To    int    `json:"to"`
	Total int    `json:"total"`
	Unit  string `json:"unit"` // rows, or municipalities for themes
	Next  string `json:"next,omitempty"`
	Prev  string `json:"prev,omitempty"`
}

func (s *Server) apiCompare(w http.ResponseWriter, r *http.Request) {
	p, err := parseCompare(r)
	if err != nil {
		s.fail(w, r, statusOf(err), err)
		return
	}
	v, err := s.load(r.Context())
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	rep := v.subset(p)
	evText := p.Evidence == "1"
	out := apiComparePage{
		Schema: reports.Schema, Filters: map[string]string{}, CorpusDocuments: len(v.report.Documents),
		TotalDocuments: len(rep.Documents), Documents: []reports.DocRef{}, Tables: []any{},
		Pages: map[string]apiPage{}, Events: []reports.Event{}, Evidence: "references", Downloads: map[string]string{},
	}
	if evText {
		out.Evidence = "text"
	}
	for k := range p.Filters {
		out.Filters[k] = p.Filters.Get(k)
	}
	onPage := map[string]bool{}
	for _, tp := range p.pages(rep) {
		out.Tables = append(out.Tables, reports.JSONTable(tp.Table, evText))
		ap := apiPage{Page: tp.Page, Pages: tp.Pages, Per: p.Per, From: tp.From, To: tp.To, Total: tp.Total, Unit: "rows"}
		if tp.byCols {
			ap.Unit = "municipalities"
		}
		pg := comparePager(p, tp, "/api/compare")
		ap.Next, ap.Prev = pg.Next, pg.Prev
		out.Pages[tp.Table.Name] = ap
		if tp.Table.Name == "overview" {
			for _, row := range tp.Table.Rows {
				onPage[row.Doc] = true
				out.Documents = append(out.Documents, rep.Doc(row.Doc))
			}
		}
	}
	for _, e := range rep.Events {
		if onPage[e.Doc] {
			if !evText && e.Evidence != nil {
				ref := *e.Evidence
				ref.Text = ""
				e.Evidence = &ref
			}
			out.Events = append(out.Events, e)
		}
	}
	for _, f := range reports.Formats() {
		out.Downloads[f] = withQuery("/compare."+f, p.query())
	}
	out.Facets = map[string]facetCount{paramKommun: {}, paramType: {}}
	for _, o := range v.facets.Kommuner {
		out.Facets[paramKommun][o.Value] = o.Count
	}
	for _, o := range v.facets.Types {
		out.Facets[paramType][o.Value] = o.Count
	}
	writeJSON(w, r, http.StatusOK, out)
}

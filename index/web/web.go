// Package web is styrdok's browser interface and JSON API over a search
// index, a corpus and the comparison report: a search page with facets and
// highlighted hits, a page per document with its sections, its model (each
// fact linked to its evidence line) and the repairs made to its text, and a
// comparison page with downloads. Templates and assets are embedded; pages
// load nothing from the network and run no script.
//
// Every piece of document text is escaped by html/template; the only HTML
// built outside templates is highlighting, which escapes the text itself.
package web

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"styrdok/corpus"
	"styrdok/index"
	"styrdok/reports"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Library is where the server finds documents; *corpus.Store is one. A
// Library that is also a Summarizer lists documents without reading them
// whole.
type Library interface {
	Get(id string) (*corpus.Document, error)
	List() ([]*corpus.Document, error)
}

// Options configure a Server. Index and Library are required; the other
// fields have documented zero-value defaults.
type Options struct {
	Index   *index.Index
	Library Library
	// Source says where the corpus came from; shown in the page footer.
	Source string
	// Timeout bounds the work of one request; 0 means 15 seconds.
	Timeout time.Duration
	// DownloadTimeout bounds a download of the comparison (/compare.json
	// and the other formats), which streams the whole filtered set and so
	// takes time in proportion to the corpus; 0 means 5 minutes. The
	// download also gets this long to write, past the HTTP server's own
	// write timeout.
	DownloadTimeout time.Duration
	// Log receives one line per failed request (5xx); nil means log.Default().
	Log *log.Logger
	// Reload, if set, is asked at most every ReloadEvery whether the corpus
	// changed on disk; when it returns a new index, the server switches to
	// it (closing the old one once requests on it are done) and builds its
	// document list and report again. It returns nil, nil for no change.
	Reload      func() (*index.Index, error)
	ReloadEvery time.Duration // 0 means 2 seconds
	// Prepare starts reading the corpus and building the comparison in the
	// background as soon as the server starts and after every reload, so
	// the first request for them does not pay for it.
	Prepare bool
}

// Limits on what a request may ask for.
const (
	maxQueryLen  = 1000    // bytes of the q parameter
	maxURLQuery  = 4096    // bytes of the whole query string
	maxBodyBytes = 1 << 16 // request bodies (the server reads none)
	pageSize     = 10
	maxOffset    = 10000 // deepest hit a page may start at
)

// Server serves the pages and the API. It is an http.Handler.
type Server struct {
	opts    Options
	tmpl    map[string]*template.Template
	handler http.Handler

	mu       sync.Mutex
	ix       *index.Index
	view     *corpusView // nil until built for this generation
	list     *docList    // the document list of this generation, if asked for
	building *viewBuild  // the build under way, if any
	gen      int         // counts reloads
	checked  time.Time   // last Reload call
	builds   int         // views built, for tests
}

// corpusView is what pages need about all documents: the list and the
// comparison. It is built once per corpus generation (at start with
// Options.Prepare, else on first use), as it reads every document; filtered
// comparisons are derived from it and cached with it.
type corpusView struct {
	summary []docSummary
	byID    map[string]*docSummary
	report  *reports.Report
	facets  compareFacets

	mu      sync.Mutex
	subsets map[string]*reports.Report // by filter key

	// xlsx is the workbook of the whole comparison, made on first
	// download: a spreadsheet library cannot write it row by row.
	xlsxOnce sync.Once
	xlsx     []byte
	xlsxErr  error
}

// viewBuild is a corpusView being built for generation gen; done is closed
// when v or err is set.
type viewBuild struct {
	gen  int
	done chan struct{}
	v    *corpusView
	err  error
}

// errBuilding answers a request that timed out waiting for the view.
type errBuilding struct{}

func (e errBuilding) Error() string {
	return "the comparison of the corpus is still being built; try again in a moment"
}

// New returns a server for opts.
func New(opts Options) (*Server, error) {
	if opts.Index == nil || opts.Library == nil {
		return nil, errors.New("web: Index and Library are required")
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 15 * time.Second
	}
	if opts.DownloadTimeout <= 0 {
		opts.DownloadTimeout = 5 * time.Minute
	}
	if opts.Log == nil {
		opts.Log = log.Default()
	}
	if opts.ReloadEvery <= 0 {
		opts.ReloadEvery = 2 * time.Second
	}
	s := &Server{opts: opts, tmpl: map[string]*template.Template{}, ix: opts.Index}
	for _, page := range []string{"search", "document", "documents", "compare", "error"} {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+page+".html")
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", page, err)
		}
		s.tmpl[page] = t
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.handleSearch)
	mux.HandleFunc("GET /doc/{id}", s.handleDocument)
	mux.HandleFunc("GET /docs", s.handleDocuments)
	mux.HandleFunc("GET /compare", s.handleCompare)
	for _, f := range reports.Formats() {
		mux.HandleFunc("GET /compare."+f, s.handleDownload(f))
	}
	mux.Handle("GET /static/", http.StripPrefix("/static/", cacheStatic(http.FileServerFS(static))))
	mux.HandleFunc("GET /api/search", s.apiSearch)
	mux.HandleFunc("GET /api/documents", s.apiDocuments)
	mux.HandleFunc("GET /api/documents/{id}", s.apiDocument)
	mux.HandleFunc("GET /api/compare", s.apiCompare)
	mux.HandleFunc("/", s.notFound)
	s.handler = s.guard(mux)
	if opts.Prepare {
		s.mu.Lock()
		s.startBuildLocked()
		s.prepareListLocked()
		s.mu.Unlock()
	}
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// guard sets the security headers, bounds the request and its time, and
// turns a panic into a 500.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		r.Body = http.MaxBytesReader(w, r.Body, maxBodyBytes)
		if len(r.URL.RawQuery) > maxURLQuery {
			s.fail(w, r, http.StatusRequestURITooLong, fmt.Errorf("the query string is longer than %d bytes", maxURLQuery))
			return
		}
		limit := s.opts.Timeout
		if isDownload(r.URL.Path) {
			limit = max(limit, s.opts.DownloadTimeout)
		}
		ctx, cancel := context.WithTimeout(r.Context(), limit)
		defer cancel()
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.opts.Log.Printf("web: %s %s: panic: %v", r.Method, r.URL.Path, v)
				s.fail(w, r, http.StatusInternalServerError, errors.New("internal error"))
			}
		}()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func cacheStatic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		next.ServeHTTP(w, r)
	})
}

// index returns the index to search, reloading it first when due.
func (s *Server) index() *index.Index {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.maybeReloadLocked()
	return s.ix
}

// Close closes the index the server uses now.
func (s *Server) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ix.Close()
}

func (s *Server) maybeReloadLocked() {
	if s.opts.Reload == nil || time.Since(s.checked) < s.opts.ReloadEvery {
		return
	}
	s.checked = time.Now()
	ix, err := s.opts.Reload()
	if err != nil {
		s.opts.Log.Printf("web: reload: %v", err)
		return
	}
	if ix == nil || ix == s.ix {
		return
	}
	old := s.ix
	s.ix, s.view, s.building, s.list = ix, nil, nil, nil
	s.gen++
	if s.opts.Prepare {
		s.startBuildLocked()
		s.prepareListLocked()
	}
	// Searches that started on the old index finish within the timeout.
	time.AfterFunc(2*s.opts.Timeout, func() { old.Close() })
}

// load returns the document list and the report of the current corpus
// generation, building them if needed. It waits for a build under way at
// most until ctx is done; then it returns errBuilding (the build goes on).
func (s *Server) load(ctx context.Context) (*corpusView, error) {
	s.mu.Lock()
	s.maybeReloadLocked()
	if v := s.view; v != nil {
		s.mu.Unlock()
		return v, nil
	}
	b := s.building
	if b == nil {
		b = s.startBuildLocked()
	}
	s.mu.Unlock()
	select {
	case <-b.done:
		return b.v, b.err
	case <-ctx.Done():
		return nil, errBuilding{}
	}
}

// startBuildLocked starts building the view of the current generation.
func (s *Server) startBuildLocked() *viewBuild {
	b := &viewBuild{gen: s.gen, done: make(chan struct{})}
	s.building = b
	s.builds++
	go func() {
		v, err := s.buildView()
		b.v, b.err = v, err
		s.mu.Lock()
		if s.building == b {
			s.building = nil
			if err == nil && s.gen == b.gen {
				s.view = v
			}
		}
		s.mu.Unlock()
		close(b.done)
	}()
	return b
}

// buildView reads every document and builds the list and the comparison.
func (s *Server) buildView() (v *corpusView, err error) {
	defer func() {
		if p := recover(); p != nil {
			s.opts.Log.Printf("web: building the comparison: panic: %v", p)
			v, err = nil, errors.New("internal error while building the comparison")
		}
	}()
	docs, err := s.opts.Library.List()
	var le *corpus.ListError
	if err != nil && !errors.As(err, &le) {
		return nil, fmt.Errorf("web: reading the corpus: %w", err)
	}
	v = &corpusView{report: reports.Build(docs), byID: map[string]*docSummary{}}
	for _, d := range docs {
		if d != nil {
			v.summary = append(v.summary, summarize(d))
		}
	}
	for i := range v.summary {
		v.byID[v.summary[i].ID] = &v.summary[i]
	}
	v.facets = newCompareFacets(v)
	return v, nil
}

// render executes a page template into a buffer, then writes it.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, data any) {
	var buf bytes.Buffer
	if err := s.tmpl[page].Execute(&buf, layoutData{Page: page, Source: s.opts.Source, Data: data}); err != nil {
		s.opts.Log.Printf("web: render %s: %v", page, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

// layoutData is what every page template gets.
type layoutData struct {
	Page   string
	Source string
	Data   any
}

// apiError is the JSON body of a failed API request.
type apiError struct {
	Error  string `json:"error"`
	Column int    `json:"column,omitempty"` // of a query parse error
}

// writeJSON writes v as indented JSON.
func writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

// fail answers an error: JSON under /api/, a page elsewhere.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, err error) {
	var eb errBuilding
	if errors.As(err, &eb) {
		status = http.StatusServiceUnavailable
		w.Header().Set("Retry-After", "5")
	} else if status >= 500 {
		s.opts.Log.Printf("web: %s %s: %v", r.Method, r.URL.Path, err)
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		e := apiError{Error: err.Error()}
		var pe *index.ParseError
		if errors.As(err, &pe) {
			e.Column = pe.Column
		}
		writeJSON(w, r, status, e)
		return
	}
	s.render(w, r, status, "error", errorPage{Status: status, Title: http.StatusText(status), Message: err.Error()})
}

type errorPage struct {
	Status  int
	Title   string
	Message string
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		s.fail(w, r, http.StatusMethodNotAllowed, fmt.Errorf("method %s is not allowed", r.Method))
		return
	}
	s.fail(w, r, http.StatusNotFound, fmt.Errorf("no page at %s", r.URL.Path))
}

// with returns the query string of v with key set to value ("" removes it)
// and the page reset.
func with(v url.Values, key, value string) string {
	c := url.Values{}
	for k, vs := range v {
		c[k] = append([]string(nil), vs...)
	}
	c.Del("sida")
	if value == "" {
		c.Del(key)
	} else {
		c.Set(key, value)
	}
	if len(c) == 0 {
		return "/"
	}
	return "/?" + c.Encode()
}

package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"styrdok/corpus"
	"styrdok/index"
)

// apiCompareBody is what the tests read of /api/compare.
type apiCompareBody struct {
	Schema          string            `json:"schema"`
	Filters         map[string]string `json:"filters"`
	CorpusDocuments int               `json:"corpus_documents"`
	TotalDocuments  int               `json:"total_documents"`
	Documents       []struct {
		ID           string `json:"id"`
		Municipality string `json:"municipality"`
	} `json:"documents"`
	Tables []struct {
		Name    string `json:"name"`
		Columns []struct {
			Key string `json:"key"`
		} `json:"columns"`
		Rows []struct {
			Doc   string                     `json:"doc"`
			Cells map[string]json.RawMessage `json:"cells"`
		} `json:"rows"`
	} `json:"tables"`
	Pages     map[string]apiPage        `json:"pages"`
	Evidence  string                    `json:"evidence"`
	Downloads map[string]string         `json:"downloads"`
	Facets    map[string]map[string]int `json:"facets"`
}

func getAPICompare(t *testing.T, ts *httptest.Server, path string) apiCompareBody {
	t.Helper()
	resp, body := get(t, ts, path)
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d\n%.500s", path, resp.StatusCode, body)
	}
	var out apiCompareBody
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return out
}

// municipalityOf returns the municipality of each test document by ID.
func municipalityOf(t *testing.T) map[string]string {
	m := map[string]string{}
	for _, d := range testDocs(t) {
		m[d.ID] = d.Municipality
	}
	return m
}

var shownRE = regexp.MustCompile(`Visar (\d+)–(\d+) av (\d+) (rader|kommuner)`)

// TestComparePaging follows the page links of one table and checks that
// the pages cover its rows once each, and that a small corpus is shown
// whole with its evidence inline.
func TestComparePaging(t *testing.T) {
	ts := newTestServer(t)
	docs := len(testDocs(t))

	_, body := get(t, ts, "/compare")
	if shownRE.MatchString(body) || strings.Contains(body, `class="pager"`) {
		t.Error("the small corpus is cut into pages")
	}
	if !strings.Contains(body, ` title="`) {
		t.Error("the small corpus shows no evidence tooltips")
	}
	if strings.Contains(body, "Visa beläggen") {
		t.Error("the small corpus offers to switch evidence on, but it is on")
	}

	// Overview two rows a page: follow "Nästa" to the end.
	seen := map[string]bool{}
	next := "/compare?tabell=overview&per=2"
	for pages := 0; next != ""; pages++ {
		if pages > docs {
			t.Fatal("the pager does not end")
		}
		_, body := get(t, ts, next)
		m := shownRE.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("%s: no 'Visar N–M av T'\n%.2000s", next, body)
		}
		if m[3] != strconv.Itoa(docs) || m[4] != "rader" {
			t.Errorf("%s: %q, want a total of %d rows", next, m[0], docs)
		}
		if strings.Contains(body, `id="goals"`) {
			t.Errorf("%s: the page of one table shows another", next)
		}
		for _, l := range links(body, "/doc/") {
			if i := strings.IndexAny(l[len("/doc/"):], "?#"); i > 0 {
				seen[l[len("/doc/"):len("/doc/")+i]] = true
			} else {
				seen[l[len("/doc/"):]] = true
			}
		}
		next = ""
		for _, l := range links(body, "/compare?") {
			if strings.Contains(body, `rel="next" href="`+strings.ReplaceAll(l, "&", "&amp;")+`"`) {
				next = l
			}
		}
	}
	for _, d := range testDocs(t) {
		if !seen[d.ID] {
			t.Errorf("document %s is on no page of the overview", d.ID)
		}
	}

	// The API pages the same way; rows of consecutive pages do not overlap.
	full := getAPICompare(t, ts, "/api/compare?tabell=goals&per=500")
	if len(full.Tables) != 1 || full.Tables[0].Name != "goals" {
		t.Fatalf("tabell=goals gave %d tables", len(full.Tables))
	}
	total := len(full.Tables[0].Rows)
	if total < 4 {
		t.Fatalf("the seeds have %d goals; the test needs 4", total)
	}
	p2 := getAPICompare(t, ts, "/api/compare?tabell=goals&per=3&sida=2")
	pg := p2.Pages["goals"]
	if pg.From != 4 || pg.Total != total || pg.Page != 2 || pg.Prev == "" || len(p2.Tables[0].Rows) != min(3, total-3) {
		t.Errorf("page 2 of 3 goals: %+v with %d rows (total %d)", pg, len(p2.Tables[0].Rows), total)
	}
	if (pg.Next != "") != (total > 6) {
		t.Errorf("next link %q with %d goals", pg.Next, total)
	}
	want, _ := json.Marshal(full.Tables[0].Rows[3])
	got, _ := json.Marshal(p2.Tables[0].Rows[0])
	if string(want) != string(got) {
		t.Errorf("row 4 of the goals differs between the pages:\n%s\n%s", got, want)
	}

	// Every table on the default API page; evidence as references unless
	// asked for.
	all := getAPICompare(t, ts, "/api/compare")
	if len(all.Tables) != 4 || all.Evidence != "references" || all.TotalDocuments != docs || len(all.Documents) != docs {
		t.Errorf("default API page: %d tables, evidence %s, %d/%d documents", len(all.Tables), all.Evidence, all.TotalDocuments, len(all.Documents))
	}
	_, raw := get(t, ts, "/api/compare?tabell=goals")
	_, withText := get(t, ts, "/api/compare?tabell=goals&belagg=1")
	if !strings.Contains(raw, `"line"`) || len(withText) <= len(raw) {
		t.Errorf("evidence references %d bytes, with text %d bytes", len(raw), len(withText))
	}

	// The themes matrix is cut by municipality columns.
	th := getAPICompare(t, ts, "/api/compare?tabell=themes&per=2&sida=2")
	if n := len(th.Tables[0].Columns); n != 4 || th.Pages["themes"].Unit != "municipalities" || th.Tables[0].Columns[0].Key != "theme" || th.Tables[0].Columns[3].Key != "count" {
		t.Errorf("themes page: %d columns %+v, page %+v", n, th.Tables[0].Columns, th.Pages["themes"])
	}

	// A page past the end is empty, not an error.
	resp, body := get(t, ts, "/compare?tabell=goals&sida=999")
	if resp.StatusCode != 200 || !strings.Contains(body, "är tom") {
		t.Errorf("a page past the end: %d", resp.StatusCode)
	}
}

// TestCompareFilters checks the filters on the page, the API and the
// downloads, and the answers to bad parameters.
func TestCompareFilters(t *testing.T) {
	ts := newTestServer(t)
	towns := municipalityOf(t)

	_, body := get(t, ts, "/compare?kommun=skriptby")
	if !strings.Contains(body, "Jämförelse av 1 dokument") || !strings.Contains(body, "Kommun: skriptby ×") {
		t.Errorf("kommun filter not applied or not shown:\n%.1500s", body)
	}
	a := getAPICompare(t, ts, "/api/compare?kommun=Skriptby")
	if a.TotalDocuments != 1 || a.CorpusDocuments != len(towns) || a.Filters["kommun"] != "Skriptby" {
		t.Errorf("kommun=Skriptby: %d of %d documents, filters %v", a.TotalDocuments, a.CorpusDocuments, a.Filters)
	}
	for _, tab := range a.Tables {
		for _, row := range tab.Rows {
			if row.Doc != "" && towns[row.Doc] != "Skriptby" {
				t.Errorf("table %s has a row of %s", tab.Name, towns[row.Doc])
			}
		}
		if tab.Name == "themes" && len(tab.Columns) != 3 {
			t.Errorf("the themes matrix of one municipality has %d columns", len(tab.Columns))
		}
	}
	if !strings.Contains(a.Downloads["csv"], "kommun=Skriptby") {
		t.Errorf("downloads do not keep the filter: %v", a.Downloads)
	}

	// typ: as many documents as the facet counts.
	all := getAPICompare(t, ts, "/api/compare")
	for typ, n := range all.Facets["typ"] {
		got := getAPICompare(t, ts, "/api/compare?typ="+url.QueryEscape(typ))
		if got.TotalDocuments != n {
			t.Errorf("typ=%s: %d documents, the facet says %d", typ, got.TotalDocuments, n)
		}
	}
	if all.Facets["kommun"]["Skriptby"] != 1 {
		t.Errorf("municipality facet: %v", all.Facets["kommun"])
	}
	// ar: a span that holds no adoption gives nothing.
	if got := getAPICompare(t, ts, "/api/compare?ar=1900"); got.TotalDocuments != 0 {
		t.Errorf("ar=1900: %d documents", got.TotalDocuments)
	}

	// Downloads of the filtered set.
	resp, body := get(t, ts, "/compare.csv?kommun=Skriptby&tabell=goals")
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if resp.StatusCode != 200 || err != nil {
		t.Fatalf("filtered CSV: %d %v", resp.StatusCode, err)
	}
	for _, rec := range recs[1:] {
		if rec[0] != "Skriptby" {
			t.Errorf("filtered CSV has a row of %s", rec[0])
		}
	}
	_, body = get(t, ts, "/compare.json?kommun=Skriptby")
	var js struct {
		Documents []json.RawMessage `json:"documents"`
	}
	if err := json.Unmarshal([]byte(body), &js); err != nil || len(js.Documents) != 1 {
		t.Errorf("filtered JSON: %v, %d documents", err, len(js.Documents))
	}
	if resp, _ := get(t, ts, "/compare.csv?tabell=evidence"); resp.StatusCode != 200 {
		t.Errorf("CSV of the evidence table: %d", resp.StatusCode)
	}

	for _, path := range []string{
		"/compare?tabell=nope", "/compare?sida=0", "/compare?per=100000", "/compare?belagg=ja",
		"/compare?ar=tjugo", "/api/compare?per=x", "/compare.csv?tabell=nope", "/compare.json?sida=-1",
	} {
		if resp, body := get(t, ts, path); resp.StatusCode != 400 {
			t.Errorf("%s: %d, want 400\n%.300s", path, resp.StatusCode, body)
		}
	}
}

// countingLib is a library whose documents can change and which counts
// and can hold up its List calls.
type countingLib struct {
	mu    sync.Mutex
	docs  []*corpus.Document
	lists int
	gate  chan struct{} // List waits for it when not nil
}

func (l *countingLib) Get(id string) (*corpus.Document, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return memLib(l.docs).Get(id)
}

func (l *countingLib) List() ([]*corpus.Document, error) {
	l.mu.Lock()
	gate := l.gate
	l.lists++
	docs := append([]*corpus.Document(nil), l.docs...)
	l.mu.Unlock()
	if gate != nil {
		<-gate
	}
	return docs, nil
}

func (l *countingLib) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lists
}

func TestCtxWriter(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var buf strings.Builder
	w := ctxWriter{ctx, &buf}
	if _, err := w.Write([]byte("a")); err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := w.Write([]byte("b")); err == nil || buf.String() != "a" {
		t.Errorf("after cancel: %v, wrote %q", err, buf.String())
	}
}

func memIndex(t *testing.T, docs []*corpus.Document) *index.Index {
	t.Helper()
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Put(docs...); err != nil {
		t.Fatal(err)
	}
	return ix
}

// TestCompareCache checks that the corpus is read and compared once per
// generation, filtered comparisons are kept, and a reload makes the next
// request see the new corpus.
func TestCompareCache(t *testing.T) {
	docs := testDocs(t)
	lib := &countingLib{docs: docs[:len(docs)-1]}
	ix := memIndex(t, lib.docs)
	var next *index.Index
	var mu sync.Mutex
	s, err := New(Options{Index: ix, Library: lib, ReloadEvery: time.Nanosecond, Log: log.New(io.Discard, "", 0),
		Reload: func() (*index.Index, error) {
			mu.Lock()
			defer mu.Unlock()
			n := next
			next = nil
			return n, nil
		}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(func() { ts.Close(); s.Close() })

	for _, path := range []string{"/compare", "/api/compare", "/compare?kommun=Lund", "/compare?kommun=lund", "/docs", "/compare.csv"} {
		if resp, _ := get(t, ts, path); resp.StatusCode != 200 {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
	}
	if n := lib.count(); n != 1 {
		t.Errorf("the corpus was read %d times for one generation", n)
	}
	s.mu.Lock()
	v := s.view
	s.mu.Unlock()
	if v == nil || len(v.subsets) != 1 {
		t.Errorf("filtered comparisons cached: %v", v)
	}
	if got := getAPICompare(t, ts, "/api/compare"); got.TotalDocuments != len(docs)-1 {
		t.Errorf("%d documents before the change", got.TotalDocuments)
	}
	// The workbook of the whole comparison is made once.
	_, x1 := get(t, ts, "/compare.xlsx")
	_, x2 := get(t, ts, "/compare.xlsx")
	if !strings.HasPrefix(x1, "PK") || x1 != x2 || string(v.xlsx) != x1 {
		t.Errorf("workbook: %d and %d bytes, cached %d", len(x1), len(x2), len(v.xlsx))
	}

	// The corpus changes; the next request after the reload sees it.
	lib.mu.Lock()
	lib.docs = docs
	lib.mu.Unlock()
	mu.Lock()
	next = memIndex(t, docs)
	mu.Unlock()
	if got := getAPICompare(t, ts, "/api/compare"); got.TotalDocuments != len(docs) {
		t.Errorf("%d documents after the change, want %d", got.TotalDocuments, len(docs))
	}
	_, body := get(t, ts, "/compare?kommun=Skriptby")
	if !strings.Contains(body, "Jämförelse av 1 dokument") {
		t.Error("the new document is not in the filtered comparison")
	}
	if n := lib.count(); n != 2 {
		t.Errorf("the corpus was read %d times for two generations", n)
	}
	if _, x3 := get(t, ts, "/compare.xlsx"); x3 == x1 {
		t.Error("the workbook of the old corpus is served after the change")
	}
}

// TestCompareBuildTimeout checks that a request waits for a slow build no
// longer than its time limit (503 with Retry-After), and that the build
// goes on and serves the next request.
func TestCompareBuildTimeout(t *testing.T) {
	docs := testDocs(t)
	lib := &countingLib{docs: docs, gate: make(chan struct{})}
	ix := memIndex(t, docs)
	s, err := New(Options{Index: ix, Library: lib, Timeout: 50 * time.Millisecond, Prepare: true, Log: log.New(io.Discard, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(func() { ts.Close(); s.Close() })
	resp, body := get(t, ts, "/api/compare")
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(body, "still being built") {
		t.Errorf("while building: %d %q\n%s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	// A download has its own, longer limit: it waits for the build.
	type result struct {
		status int
		body   string
	}
	dl := make(chan result, 1)
	go func() {
		resp, err := http.Get(ts.URL + "/compare.json")
		if err != nil {
			dl <- result{0, err.Error()}
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		dl <- result{resp.StatusCode, string(b)}
	}()
	time.Sleep(200 * time.Millisecond) // past the request limit
	close(lib.gate)
	if got := <-dl; got.status != 200 || !strings.Contains(got.body, `"styrdok.compare/1"`) || !strings.HasSuffix(got.body, "}\n") {
		t.Errorf("download during the build: %d, %d bytes", got.status, len(got.body))
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, _ := get(t, ts, "/compare")
		if resp.StatusCode == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("still %d after the build was let go", resp.StatusCode)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if n := lib.count(); n != 1 {
		t.Errorf("the corpus was read %d times", n)
	}
}

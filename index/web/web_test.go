package web

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"styrdok/analyze"
	"styrdok/corpus"
	"styrdok/index"
	"styrdok/ingest"
	"styrdok/ingest/repair"
)

// hostileID is the ID of a test document whose text is HTML that must show
// as text.
const hostileID = "00000000000bad01"

const hostileText = `Plan för <script>document.title='pwned'</script> samverkan

1. Syfte

Kommunen ska stärka samverkan <img src=x onerror="document.title='pwned'"> och "citat" & mer.
`

var (
	seedOnce sync.Once
	seedDocs []*corpus.Document
	seedErr  error
)

// testDocs runs the embedded seeds through the pipeline and adds the
// hostile document.
func testDocs(t testing.TB) []*corpus.Document {
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
			repair.Repair(d)
			analyze.Analyze(d)
			seedDocs = append(seedDocs, d)
		}
		d, err := ingest.Read("hostile.txt", []byte(hostileText), ingest.Options{Municipality: "Skriptby", Title: `<b>Plan</b> <script>alert(1)</script>`})
		if err != nil {
			seedErr = err
			return
		}
		d.ID = hostileID
		repair.Repair(d)
		analyze.Analyze(d)
		seedDocs = append(seedDocs, d)
	})
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	return seedDocs
}

type memLib []*corpus.Document

func (m memLib) Get(id string) (*corpus.Document, error) {
	for _, d := range m {
		if d.ID == id {
			return d, nil
		}
	}
	return nil, fmt.Errorf("%s: %w", id, corpus.ErrNotFound)
}

func (m memLib) List() ([]*corpus.Document, error) { return m, nil }

// newTestServer serves the seed corpus from a real in-memory index.
func newTestServer(t testing.TB) *httptest.Server {
	t.Helper()
	docs := testDocs(t)
	ix, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Put(docs...); err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Index: ix, Library: memLib(docs), Source: "testkorpus"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(func() { ts.Close(); ix.Close() })
	return ts
}

func get(t *testing.T, ts *httptest.Server, path string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

var hrefRE = regexp.MustCompile(`href="([^"]*)"`)

// links returns the hrefs in body whose (unescaped) value has the prefix.
func links(body, prefix string) []string {
	var out []string
	for _, m := range hrefRE.FindAllStringSubmatch(body, -1) {
		h := strings.ReplaceAll(m[1], "&amp;", "&")
		if strings.HasPrefix(h, prefix) {
			out = append(out, h)
		}
	}
	return out
}

func TestPages(t *testing.T) {
	ts := newTestServer(t)
	tests := []struct {
		name, path string
		status     int
		ctype      string
		want       []string
		not        []string
	}{
		{"start page", "/", 200, "text/html", []string{`name="q"`, "Så skriver du frågor", "kommun:Lund"}, nil},
		{"search", "/?q=samverkan", 200, "text/html", []string{"<mark>", "träffar", `<h2>Kommun</h2>`, `href="/doc/`}, nil},
		{"filter only", "/?kommun=Skriptby", 200, "text/html", []string{"Kommun: Skriptby ×"}, nil},
		{"bad query", "/?q=%22unclosed", 400, "text/html", []string{"phrase is not closed", `value="&#34;unclosed"`}, nil},
		{"bad year", "/?q=mal&ar=tjugo", 400, "text/html", []string{"is not a year"}, nil},
		{"bad page", "/?q=mal&sida=0", 400, "text/html", []string{"not a page number"}, nil},
		{"too deep", "/?q=mal&sida=100000", 400, "text/html", []string{"too deep"}, nil},
		{"long query", "/?q=" + strings.Repeat("a", 2000), 400, "text/html", []string{"longer than"}, nil},
		{"huge query string", "/?q=x&pad=" + strings.Repeat("a", 5000), 414, "text/html", nil, nil},
		{"documents", "/docs", 200, "text/html", []string{"Skriptby", "/doc/" + hostileID}, nil},
		{"document", "/doc/" + hostileID, 200, "text/html", []string{"id=\"L1\"", "Visa rättelser"}, nil},
		{"document raw", "/doc/" + hostileID + "?visa=original", 200, "text/html", []string{"Visa rättad text"}, nil},
		{"no document", "/doc/ffffffffffffffff", 404, "text/html", []string{"no document"}, nil},
		{"no page", "/nowhere", 404, "text/html", nil, nil},
		{"compare", "/compare", 200, "text/html", []string{"Jämförelse av 6 dokument", "/compare.xlsx", "/compare.csv", "/compare.json"}, nil},
		{"csv", "/compare.csv", 200, "text/csv", nil, nil},
		{"xlsx", "/compare.xlsx", 200, "application/vnd.openxmlformats", []string{"PK"}, nil},
		{"json", "/compare.json", 200, "application/json", []string{`"styrdok.compare/1"`}, nil},
		{"css", "/static/style.css", 200, "text/css", []string{"mark"}, nil},
		{"api search", "/api/search?q=samverkan", 200, "application/json", []string{`"hits"`, `"facets"`, `"total"`}, nil},
		{"api bad query", "/api/search?q=%22x", 400, "application/json", []string{`"error"`, `"column": 1`}, nil},
		{"api empty", "/api/search", 400, "application/json", []string{`"error"`}, nil},
		{"api documents", "/api/documents", 200, "application/json", []string{hostileID}, nil},
		{"api document", "/api/documents/" + hostileID, 200, "application/json", []string{`"raw"`}, nil},
		{"api no document", "/api/documents/nope", 404, "application/json", []string{`"error"`}, nil},
		{"api compare", "/api/compare", 200, "application/json", []string{`"styrdok.compare/1"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := get(t, ts, tt.path)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d\n%.400s", resp.StatusCode, tt.status, body)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, tt.ctype) {
				t.Errorf("Content-Type %q, want %s", ct, tt.ctype)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %q\n%.1500s", w, body)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(body, w) {
					t.Errorf("body has %q", w)
				}
			}
			if csp := resp.Header.Get("Content-Security-Policy"); csp == "" || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("security headers missing: %v", resp.Header)
			}
		})
	}
}

// TestEscaping checks that document text that is HTML shows as text on
// every page, and that no page carries a script.
func TestEscaping(t *testing.T) {
	ts := newTestServer(t)
	for _, path := range []string{
		"/?q=samverkan&kommun=Skriptby",
		"/?q=" + url.QueryEscape(`<script>alert(1)</script>`),
		"/doc/" + hostileID,
		"/doc/" + hostileID + "?visa=original",
		"/doc/" + hostileID + "?hl=" + url.QueryEscape(`samverkan <script>`),
		"/docs",
		"/compare",
		"/compare?kommun=Skriptby&belagg=1",
		"/compare?tabell=overview&per=1&sida=6&belagg=1",
		"/compare?kommun=" + url.QueryEscape(`<script>alert(1)</script>`) + "&typ=" + url.QueryEscape(`"><img src=x>`),
	} {
		_, body := get(t, ts, path)
		if strings.Contains(strings.ToLower(body), "<script") || strings.Contains(body, "<img") || strings.Contains(body, "<b>Plan") {
			t.Errorf("%s: unescaped HTML from the document or query:\n%s", path, body)
		}
	}
	_, body := get(t, ts, "/doc/"+hostileID)
	for _, want := range []string{"&lt;script&gt;document.title=", "&lt;img src=x onerror=", "&lt;b&gt;Plan&lt;/b&gt;"} {
		if !strings.Contains(body, want) {
			t.Errorf("document page lacks the escaped text %q", want)
		}
	}
}

// TestSearchFlow follows the links a user clicks: a facet, the next page,
// a hit into its document, where the matched words are marked.
func TestSearchFlow(t *testing.T) {
	ts := newTestServer(t)
	_, body := get(t, ts, "/?q=kommun")
	facets := links(body, "/?kommun=")
	if len(facets) == 0 {
		facets = links(body, "/?")
	}
	var kommunLink string
	for _, l := range facets {
		if strings.Contains(l, "kommun=") {
			kommunLink = l
			break
		}
	}
	if kommunLink == "" {
		t.Fatalf("no municipality facet link in\n%s", body)
	}
	u, _ := url.Parse(kommunLink)
	town := u.Query().Get("kommun")
	var res apiSearchResult
	_, js := get(t, ts, "/api/search?"+u.RawQuery)
	if err := json.Unmarshal([]byte(js), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 {
		t.Fatalf("facet %s gives no hits", town)
	}
	for _, h := range res.Hits {
		if !strings.EqualFold(h.Municipality, town) {
			t.Errorf("facet %s: hit from %s", town, h.Municipality)
		}
	}
	_, page := get(t, ts, kommunLink)
	if !strings.Contains(page, "Kommun: "+town+" ×") {
		t.Errorf("the filter %s is not shown as active", town)
	}

	// Paging: the seeds have more than ten sections saying "kommun".
	_, body = get(t, ts, "/?q=kommun")
	next := links(body, "/?")
	var nextLink string
	for _, l := range next {
		if strings.Contains(l, "sida=2") {
			nextLink = l
		}
	}
	if nextLink == "" {
		t.Fatal("no link to page 2")
	}
	_, page2 := get(t, ts, nextLink)
	if !strings.Contains(page2, `start="11"`) {
		t.Errorf("page 2 does not start at hit 11")
	}

	// A hit's link opens the document at its line with the words marked.
	hits := links(body, "/doc/")
	if len(hits) == 0 {
		t.Fatal("no hit links")
	}
	resp, doc := get(t, ts, hits[0])
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d", hits[0], resp.StatusCode)
	}
	if !strings.Contains(doc, "<mark>") {
		t.Errorf("%s: no marked words", hits[0])
	}
	if i := strings.Index(hits[0], "#L"); i < 0 || !strings.Contains(doc, `id="L`+hits[0][i+2:]+`"`) {
		t.Errorf("%s: the line anchor is missing", hits[0])
	}
}

func TestMethods(t *testing.T) {
	ts := newTestServer(t)
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		req, _ := http.NewRequest(m, ts.URL+"/?q=x", strings.NewReader("x=1"))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s /: %d, want 405", m, resp.StatusCode)
		}
	}
	resp, err := http.Head(ts.URL + "/?q=samverkan")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("HEAD: %d", resp.StatusCode)
	}
}

func TestHighlight(t *testing.T) {
	tests := []struct{ line, hl, want string }{
		{"Kommunen ska samverka.", "samverka", "Kommunen ska <mark>samverka</mark>."},
		{"<b>Mål</b> och mål", "mål", "&lt;b&gt;<mark>Mål</mark>&lt;/b&gt; och <mark>mål</mark>"},
		{"EU-projekt", "EU", "<mark>EU</mark>-projekt"},
		{"a & b", "", "a &amp; b"},
	}
	for _, tt := range tests {
		if got := string(highlight(tt.line, highlightSet(tt.hl))); got != tt.want {
			t.Errorf("highlight(%q, %q) = %q, want %q", tt.line, tt.hl, got, tt.want)
		}
	}
}

package web

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"styrdok/corpus"
)

// storeLib is a corpus.Store whose List counts its calls and waits for
// gate, so a test sees whether the document list reads whole documents or
// waits for the comparison.
type storeLib struct {
	*corpus.Store
	mu    sync.Mutex
	lists int
	gate  chan struct{}
}

func (l *storeLib) List() ([]*corpus.Document, error) {
	l.mu.Lock()
	l.lists++
	l.mu.Unlock()
	<-l.gate
	return l.Store.List()
}

// listDocs are twelve small documents: four municipalities, three types,
// adoption years 2015–2022 and one without a date, added a minute apart.
func listDocs() []*corpus.Document {
	rows := []struct{ town, title, typ, adopted string }{
		{"Malmö", "Internationell strategi", "strategi", "2019-05-27"},
		{"Malmö", "Handlingsplan för EU-arbetet", "plan", "2021-01-12"},
		{"Malmö", "Policy för vänorter", "policy", ""},
		{"Lund", "Internationell strategi", "strategi", "2016-03-01"},
		{"Lund", "Plan för mottagande", "plan", "2018-11-20"},
		{"Lund", "Program för samverkan", "program", "2020-06-15"},
		{"Borås", "Strategi för internationellt arbete", "strategi", "2015-09-30"},
		{"Borås", "Plan för praktik utomlands", "plan", "2019-02-01"},
		{"Borås", "<script>alert(1)</script> Plan", "plan", "2022-04-04"},
		{"Växjö", "Internationell strategi", "strategi", "2017-10-10"},
		{"Växjö", "Plan för partnerskap", "plan", "2020-12-24"},
		{"Växjö", "Riktlinjer för resor", "riktlinjer", "2018-01-31"},
	}
	start := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	var docs []*corpus.Document
	for i, r := range rows {
		text := fmt.Sprintf("%s\n\n%s kommun ska arbeta med samverkan (%d).\n", r.title, r.town, i)
		d := &corpus.Document{ID: corpus.IDFor([]byte(text)), Municipality: r.town, Title: r.title, Type: r.typ,
			Source: fmt.Sprintf("/in/%02d.txt", i), Format: corpus.FormatText, Raw: text, Added: start.Add(time.Duration(i) * time.Minute)}
		d.SetUnrepaired()
		d.Model = corpus.NewModel(d.Source)
		if r.adopted != "" {
			d.Model.Adopted = &corpus.Event{Date: corpus.Opt(r.adopted)}
		}
		d.Model.Goals = make([]corpus.Goal, i%4)
		docs = append(docs, d)
	}
	return docs
}

// apiDocumentsBody is what the tests read of /api/documents.
type apiDocumentsBody struct {
	Filters         map[string]string         `json:"filters"`
	Order           string                    `json:"order"`
	CorpusDocuments int                       `json:"corpus_documents"`
	Total           int                       `json:"total"`
	Page            int                       `json:"page"`
	Pages           int                       `json:"pages"`
	Per             int                       `json:"per"`
	From            int                       `json:"from"`
	To              int                       `json:"to"`
	Next            string                    `json:"next"`
	Prev            string                    `json:"prev"`
	Documents       []docSummary              `json:"documents"`
	Facets          map[string]map[string]int `json:"facets"`
}

// newListServer serves listDocs from a store whose List blocks until the
// test ends, with the comparison being built in the background.
func newListServer(t *testing.T) (*httptest.Server, *storeLib, []*corpus.Document) {
	t.Helper()
	st, err := corpus.OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	docs := listDocs()
	for _, d := range docs {
		if _, err := st.Put(d, false); err != nil {
			t.Fatal(err)
		}
	}
	lib := &storeLib{Store: st, gate: make(chan struct{})}
	s, err := New(Options{Index: memIndex(t, docs), Library: lib, Prepare: true, Timeout: 2 * time.Second, Log: log.New(io.Discard, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(func() { close(lib.gate); ts.Close(); s.Close() })
	return ts, lib, docs
}

func titles(ds []docSummary) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Municipality + ": " + d.Title
	}
	return out
}

func TestAPIDocumentsPages(t *testing.T) {
	ts, lib, _ := newListServer(t)
	getList := func(path string) apiDocumentsBody {
		t.Helper()
		resp, body := get(t, ts, path)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d\n%.500s", path, resp.StatusCode, body)
		}
		var out apiDocumentsBody
		if err := json.Unmarshal([]byte(body), &out); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return out
	}

	first := getList("/api/documents?per=5")
	if first.Total != 12 || first.CorpusDocuments != 12 || first.Pages != 3 || first.From != 1 || first.To != 5 ||
		first.Prev != "" || first.Next != "/api/documents?per=5&sida=2" {
		t.Errorf("first page: %+v", first)
	}
	want := []string{"Borås: <script>alert(1)</script> Plan", "Borås: Plan för praktik utomlands",
		"Borås: Strategi för internationellt arbete", "Lund: Internationell strategi", "Lund: Plan för mottagande"}
	if got := titles(first.Documents); !reflect.DeepEqual(got, want) {
		t.Errorf("first page = %q\nwant %q", got, want)
	}
	if d := first.Documents[3]; d.Type != "strategi" || d.Adopted != "2016-03-01" || d.URL != "/doc/"+d.ID {
		t.Errorf("a summary: %+v", d)
	}
	if first.Facets[paramKommun]["Malmö"] != 3 || first.Facets[paramType]["plan"] != 5 {
		t.Errorf("facets: %v", first.Facets)
	}

	last := getList(first.Next[:len(first.Next)-1] + "3")
	if last.From != 11 || last.To != 12 || len(last.Documents) != 2 || last.Next != "" ||
		last.Prev != "/api/documents?per=5&sida=2" {
		t.Errorf("last page: %+v", last)
	}
	if empty := getList("/api/documents?per=5&sida=9"); len(empty.Documents) != 0 || empty.From <= empty.To || empty.Total != 12 {
		t.Errorf("a page past the end: %+v", empty)
	}

	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/api/documents?kommun=malmo", []string{"Malmö: Handlingsplan för EU-arbetet", "Malmö: Internationell strategi", "Malmö: Policy för vänorter"}},
		{"/api/documents?typ=Plan&ar=2019-2021", []string{"Borås: Plan för praktik utomlands", "Malmö: Handlingsplan för EU-arbetet", "Växjö: Plan för partnerskap"}},
		{"/api/documents?ar=2016", []string{"Lund: Internationell strategi"}},
		{"/api/documents?kommun=Lund&ordning=antagen", []string{"Lund: Program för samverkan", "Lund: Plan för mottagande", "Lund: Internationell strategi"}},
		{"/api/documents?kommun=Malmö&ordning=antagen", []string{"Malmö: Handlingsplan för EU-arbetet", "Malmö: Internationell strategi", "Malmö: Policy för vänorter"}},
		{"/api/documents?ordning=tillagd&per=2", []string{"Växjö: Riktlinjer för resor", "Växjö: Plan för partnerskap"}},
		{"/api/documents?kommun=Ingenstans", []string{}},
	} {
		got := getList(tc.path)
		if g := titles(got.Documents); !reflect.DeepEqual(g, tc.want) {
			t.Errorf("%s = %q\nwant %q", tc.path, g, tc.want)
		}
		if got.Total != len(tc.want) && !strings.Contains(tc.path, "per=") {
			t.Errorf("%s: total %d, want %d", tc.path, got.Total, len(tc.want))
		}
	}
	if got := getList("/api/documents?typ=plan&per=2&ordning=antagen"); got.Filters[paramType] != "plan" || got.Order != "antagen" ||
		got.Next != "/api/documents?ordning=antagen&per=2&sida=2&typ=plan" {
		t.Errorf("filters and order carried into the links: %+v", got)
	}

	for _, path := range []string{"/api/documents?sida=0", "/api/documents?per=501", "/api/documents?per=x",
		"/api/documents?ordning=titel", "/api/documents?ar=tjugo", "/docs?sida=-2"} {
		if resp, body := get(t, ts, path); resp.StatusCode != 400 {
			t.Errorf("%s: %d, want 400\n%.300s", path, resp.StatusCode, body)
		}
	}
	lib.mu.Lock()
	defer lib.mu.Unlock()
	if lib.lists > 1 {
		t.Errorf("List called %d times; want only the comparison's (blocked) build", lib.lists)
	}
}

func TestDocsPage(t *testing.T) {
	ts, _, _ := newListServer(t)
	resp, body := get(t, ts, "/docs?per=5&sida=2")
	if resp.StatusCode != 200 {
		t.Fatalf("/docs: %d\n%.500s", resp.StatusCode, body)
	}
	for _, want := range []string{
		"<h1>Dokument (12)</h1>", "Visar 6–10 av 12 dokument",
		`<a rel="prev" href="/docs?per=5">`, `<a rel="next" href="/docs?per=5&amp;sida=3">`, `<span aria-current="page">2</span>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/docs?per=5&sida=2 lacks %q", want)
		}
	}
	if !strings.Contains(body, ">Program för samverkan</a>") || strings.Contains(body, ">Plan för mottagande</a>") {
		t.Error("page 2 does not hold documents 6–10")
	}

	_, body = get(t, ts, "/docs?kommun=Bor%C3%A5s&ordning=antagen")
	for _, want := range []string{
		"<h1>Dokument (3 av 12)</h1>", `<option value="Borås" selected>Borås (3)</option>`,
		`href="/docs?ordning=antagen" title="Ta bort filtret">Kommun: Borås ×`,
		`<input type="hidden" name="ordning" value="antagen">`, "<strong>senast antagen</strong>",
		"&lt;script&gt;alert(1)&lt;/script&gt; Plan",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/docs?kommun=Borås lacks %q", want)
		}
	}
	if strings.Contains(body, "<script>") || strings.Contains(body, "Visar ") || strings.Contains(body, `class="pager"`) {
		t.Error("a one-page list shows a pager, or document text is not escaped")
	}
	if i, j := strings.Index(body, "2022-04-04"), strings.Index(body, "2019-02-01"); i < 0 || j < 0 || i > j {
		t.Error("newest adoption is not first")
	}
	// Every link on the page leads to a page that answers.
	for _, m := range hrefRE.FindAllStringSubmatch(body, -1) {
		href := strings.ReplaceAll(m[1], "&amp;", "&")
		if !strings.HasPrefix(href, "/docs") && !strings.HasPrefix(href, "/doc/") {
			continue
		}
		if resp, _ := get(t, ts, href); resp.StatusCode != 200 {
			t.Errorf("link %s: %d", href, resp.StatusCode)
		}
	}
}

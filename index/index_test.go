package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"styrdok/corpus"
)

// doc makes a small document with sections cut at lines starting "## ".
func doc(id, kommun, text string) *corpus.Document {
	d := &corpus.Document{ID: id, Municipality: kommun, Title: "Strategi " + id, Raw: text, Text: text,
		LineMap: corpus.IdentityLineMap(text), Type: "strategi"}
	d.Model = corpus.NewModel(id)
	d.Model.Adopted = &corpus.Event{Date: "2015-03-01"}
	pos := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		if strings.HasPrefix(line, "## ") {
			if n := len(d.Sections); n > 0 {
				d.Sections[n-1].Span.End = pos
			}
			head := strings.TrimSpace(strings.TrimPrefix(line, "## "))
			d.Sections = append(d.Sections, corpus.Section{Heading: head, Label: strings.ToLower(Fold(strings.ToLower(head))), Span: corpus.Span{Start: pos, End: len(text)}})
		}
		pos += len(line)
	}
	for i := range d.Sections {
		s := &d.Sections[i]
		s.StartLine = d.RawLine(s.Span.Start)
		s.EndLine = d.RawLine(s.Span.End - 1)
	}
	return d
}

const textA = `Förord om staden
## Syfte
Syftet är att förvaltningarna samverkar med omvärlden.
## Ansvar
Kommunstyrelsen ansvarar för uppföljningen av arbetet.
`

func memIndex(t *testing.T, docs ...*corpus.Document) *Index {
	t.Helper()
	ix, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Put(docs...); err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestSplitSections(t *testing.T) {
	d := doc("a1", "Lund", textA)
	secs := splitSections(d)
	if len(secs) != 3 {
		t.Fatalf("%d sections, want front matter + 2: %+v", len(secs), secs)
	}
	if secs[0].label != "" || !strings.Contains(secs[0].text, "Förord") || secs[0].startLine != 1 {
		t.Errorf("front matter: %+v", secs[0])
	}
	if secs[1].label != "syfte" || secs[1].startLine != 2 || secs[1].endLine != 4 {
		t.Errorf("syfte: %+v", secs[1])
	}
	if secs[2].label != "ansvar" || secs[2].startLine != 4 {
		t.Errorf("ansvar: %+v", secs[2])
	}
	// Boilerplate lines are emptied, line numbers kept.
	d.Boilerplate = []corpus.LineRange{{StartLine: 3, EndLine: 3, Why: "test"}}
	secs = splitSections(d)
	if strings.Contains(secs[1].text, "samverkar") || secs[1].endLine != 4 {
		t.Errorf("boilerplate line indexed: %+v", secs[1])
	}
	// No sections: one unit for the whole text.
	d.Sections, d.Boilerplate = nil, nil
	secs = splitSections(d)
	if len(secs) != 1 || secs[0].text != textA || secs[0].startLine != 1 {
		t.Errorf("no sections: %+v", secs)
	}
	// Nested and out-of-range spans do not index text twice or panic.
	d.Sections = []corpus.Section{
		{Label: "mal", Span: corpus.Span{Start: 0, End: len(textA)}},
		{Label: "ansvar", Span: corpus.Span{Start: 20, End: 40}},
		{Label: "bad", Span: corpus.Span{Start: 30, End: 10_000}},
	}
	total := 0
	for _, s := range splitSections(d) {
		total += len(s.text)
	}
	if total != len(textA) {
		t.Errorf("nested sections cover %d bytes of %d", total, len(textA))
	}
}

func TestLineMapRoundTrip(t *testing.T) {
	lines := []int{3, 4, 5, 9, 10, 12}
	enc := encodeLineMap(lines)
	for k, want := range lines {
		if got := rawLine(enc, k); got != want {
			t.Errorf("rawLine(%q, %d) = %d, want %d", enc, k, got, want)
		}
	}
	if rawLine(enc, len(lines)) != 0 || rawLine("garbage", 0) != 0 {
		t.Error("out of range line not 0")
	}
}

func TestSectionHits(t *testing.T) {
	ix := memIndex(t, doc("a1", "Lund", textA))
	res, err := ix.Search(context.Background(), Request{Query: "uppfoljning"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || res.Hits[0].Label != "ansvar" || res.Hits[0].Heading != "Ansvar" {
		t.Fatalf("hits: %+v", res.Hits)
	}
	h := res.Hits[0]
	if h.Line != 5 || h.StartLine != 4 || h.EndLine != 6 || h.DocID != "a1" || h.Municipality != "Lund" {
		t.Errorf("hit: %+v", h)
	}
	if got := h.Fragments[0].Marked("<", ">", nil); !strings.Contains(got, "<uppföljningen>") {
		t.Errorf("fragment %q", got)
	}
	if h.KWIC.Match != "uppföljningen" || !strings.HasSuffix(h.KWIC.Left, "för ") {
		t.Errorf("KWIC %+v", h.KWIC)
	}
	if len(res.Facets.Section) != 1 || res.Facets.Section[0] != (FacetValue{"ansvar", 1}) ||
		res.Facets.Year[0] != (FacetValue{"2015", 1}) || res.Facets.Type[0] != (FacetValue{"strategi", 1}) {
		t.Errorf("facets %+v", res.Facets)
	}
}

func TestPutReplacesNeverDuplicates(t *testing.T) {
	ix := memIndex(t, doc("a1", "Lund", textA))
	count := func(q string) int {
		res, err := ix.Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	if n := count("samverkar"); n != 1 {
		t.Fatalf("samverkar: %d", n)
	}
	// Same document again: still one hit.
	if err := ix.Put(doc("a1", "Lund", textA)); err != nil {
		t.Fatal(err)
	}
	if n := count("samverkar"); n != 1 {
		t.Errorf("after re-put: %d hits", n)
	}
	// A new version with fewer sections: old sections gone.
	if err := ix.Put(doc("a1", "Lund", "## Mål\nNya mål för staden.\n")); err != nil {
		t.Fatal(err)
	}
	if n := count("samverkar"); n != 0 {
		t.Errorf("old section still found: %d", n)
	}
	if n, _ := ix.DocCount(); n != 1 {
		t.Errorf("%d sections indexed, want 1", n)
	}
	// Two versions in one call: the last wins, nothing of the first stays.
	if err := ix.Put(doc("a1", "Lund", textA), doc("a1", "Lund", "## Mål\nNya mål.\n")); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.DocCount(); n != 1 {
		t.Errorf("%d sections after a double put, want 1", n)
	}
	res, err := ix.Search(context.Background(), Request{Query: "kommun:lund"})
	if err != nil || res.Total != 1 || len(res.Hits[0].Fragments) != 1 || !strings.Contains(res.Hits[0].Fragments[0].Text, "Nya mål") {
		t.Errorf("filter-only query: %+v, %v", res, err)
	}
	if err := ix.Delete("a1"); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.DocCount(); n != 0 {
		t.Errorf("%d sections after delete", n)
	}
}

func TestQueryForms(t *testing.T) {
	ix := memIndex(t,
		doc("a1", "Lund", textA),
		doc("b2", "Malmö", "## Mål\nStaden samarbetar i nätverk med andra städer.\n## Uppföljning\nUppföljning sker årligen.\n"),
	)
	cases := []struct {
		q    string
		want []string // section IDs
	}{
		{"samverkar", []string{"a1/1"}},
		{"samverka*", []string{"a1/1"}},
		{"SAMVERK*", []string{"a1/1"}},
		{"natverk", []string{"b2/0"}},
		{"nätverken", []string{"b2/0"}},
		{"samarbetr~1", []string{"b2/0"}},
		{`"nätverk med andra"`, []string{"b2/0"}},
		{`"med andra nätverk"`, nil},
		{`"samarbetar nätverk"`, nil}, // "i" (a stop word) stands between
		{`"samarbetar i nätverk"`, []string{"b2/0"}},
		{"+uppföljning +årligen", []string{"b2/1"}},
		{"uppföljning -årligen", []string{"a1/2"}},
		{"staden", []string{"a1/0", "b2/0"}},
		{"staden kommun:malmo", []string{"b2/0"}},
		{"staden avsnitt:mål", []string{"b2/0"}},
		{"staden år:2010-2020", []string{"a1/0", "b2/0"}},
		{"staden år:2016-", nil},
		{"staden doc:a1", []string{"a1/0"}},
		{"kommun:Lund", []string{"a1/0", "a1/1", "a1/2"}},
		{"och staden", []string{"a1/0", "b2/0"}},
	}
	for _, c := range cases {
		res, err := ix.Search(context.Background(), Request{Query: c.q, Limit: 100})
		if err != nil {
			t.Errorf("%s: %v", c.q, err)
			continue
		}
		got := strings.Join(hitIDs(res), " ")
		if got != strings.Join(c.want, " ") {
			t.Errorf("%s: hits [%s], want %v", c.q, got, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	ix := memIndex(t, doc("a1", "Lund", textA))
	cases := []struct {
		q      string
		column int
		msg    string
	}{
		{`staden "öppen fras`, 8, "not closed"},
		{`staden +`, 8, "must be followed"},
		{`ort:Lund`, 1, "unknown field"},
		{`kommun:`, 8, "needs a value"},
		{`år:tjugo`, 4, "not a year"},
		{`år:2020-2010`, 4, "backwards"},
		{`ord~3`, 5, "1 or 2"},
		{`s*`, 1, "at least 2"},
		{`st*d`, 3, "only as *"},
		{`(a b)`, 1, "parentheses"},
		{`och att`, 1, "only stop words"},
		{`-staden`, 1, "only excluded"},
		{``, 1, "empty query"},
		{`"fras"~2`, 7, "not supported"},
		{`åäö "x`, 5, "not closed"},
	}
	for _, c := range cases {
		_, err := ix.Search(context.Background(), Request{Query: c.q})
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%q: err %v, want a ParseError", c.q, err)
			continue
		}
		if pe.Column != c.column || !strings.Contains(pe.Msg, c.msg) {
			t.Errorf("%q: column %d %q, want column %d %q", c.q, pe.Column, pe.Msg, c.column, c.msg)
		}
		if !strings.Contains(pe.Error(), "at character") {
			t.Errorf("%q: message %q", c.q, pe.Error())
		}
	}
}

func TestParseYears(t *testing.T) {
	for in, want := range map[string][2]int{"2015": {2015, 2015}, "2015-2020": {2015, 2020}, "2015-": {2015, 0}, "-2020": {0, 2020}} {
		from, to, err := ParseYears(in)
		if err != nil || from != want[0] || to != want[1] {
			t.Errorf("ParseYears(%q) = %d, %d, %v", in, from, to, err)
		}
	}
	for _, in := range []string{"", "-", "20", "abcd", "2020-2015"} {
		if _, _, err := ParseYears(in); err == nil {
			t.Errorf("ParseYears(%q): no error", in)
		}
	}
}

func TestDiskLifecycle(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	if _, err := Open(dir); !errors.Is(err, ErrNoIndex) {
		t.Fatalf("Open of nothing: %v", err)
	}
	if err := Rebuild(dir, []*corpus.Document{doc("a1", "Lund", textA)}, nil); err != nil {
		t.Fatal(err)
	}
	reader, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	writer, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	// A reader keeps its snapshot while a writer swaps in a new generation.
	if err := writer.Update([]*corpus.Document{doc("b2", "Malmö", "## Mål\nStaden samarbetar.\n")}, []string{"a1"}); err != nil {
		t.Fatal(err)
	}
	total := func(ix *Index, q string) int {
		res, err := ix.Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	if total(reader, "samverkar") != 1 || total(reader, "samarbetar") != 0 {
		t.Error("old reader does not see its snapshot")
	}
	if total(writer, "samverkar") != 0 || total(writer, "samarbetar") != 1 {
		t.Error("writer does not see its change")
	}
	fresh, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if total(fresh, "samarbetar") != 1 || total(fresh, "samverkar") != 0 {
		t.Error("new reader does not see the change")
	}
	fresh.Close()
	gens, _ := filepath.Glob(filepath.Join(dir, "gen-*"))
	if len(gens) != 1 {
		t.Errorf("%d generations left: %v", len(gens), gens)
	}
	if n, err := Size(dir); err != nil || n == 0 {
		t.Errorf("Size = %d, %v", n, err)
	}
}

func TestConcurrentReadersAndWriters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	if err := Rebuild(dir, []*corpus.Document{doc("a1", "Lund", textA)}, nil); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			ix, err := Open(dir)
			if err != nil {
				errs <- err
				return
			}
			defer ix.Close()
			for i := 0; i < 3; i++ {
				id := []string{"w0", "w1"}[w] + string(rune('a'+i))
				if err := ix.Put(doc(id, "Lund", "## Mål\nStaden samarbetar.\n")); err != nil {
					errs <- err
				}
			}
		}(w)
	}
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				ix, err := Open(dir)
				if err != nil {
					errs <- err
					return
				}
				if _, err := ix.Search(context.Background(), Request{Query: "staden"}); err != nil {
					errs <- err
				}
				ix.Close()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res, err := ix.Search(context.Background(), Request{Query: "samarbetar", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 6 {
		t.Errorf("%d of 6 written documents found: %v", res.Total, hitIDs(res))
	}
}

// rebuiltIndex rebuilds an index of docs in a new directory and returns
// the directory and the name of its live generation.
func rebuiltIndex(t *testing.T, docs ...*corpus.Document) (dir, gen string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "index")
	if err := Rebuild(dir, docs, nil); err != nil {
		t.Fatal(err)
	}
	gen, err := readCurrent(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, gen
}

func TestStaleVersion(t *testing.T) {
	dir, gen := rebuiltIndex(t, doc("a1", "Lund", textA))
	bi, err := openGen(dir, gen, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := bi.SetInternal(versionKey, []byte("styrdok-sv/0")); err != nil {
		t.Fatal(err)
	}
	bi.Close()
	_, err = Open(dir)
	if !errors.Is(err, ErrStale) || !strings.Contains(err.Error(), "styrdok-sv/0") {
		t.Fatalf("Open of an old index: %v", err)
	}
	if err := Rebuild(dir, nil, nil); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatalf("after rebuild: %v", err)
	}
	ix.Close()
}

func TestRebuildFuncErrorKeepsOldIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	if err := Rebuild(dir, []*corpus.Document{doc("a1", "Lund", textA)}, nil); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := RebuildFunc(dir, func() (*corpus.Document, error) { return nil, boom }, nil)
	if !errors.Is(err, boom) {
		t.Fatalf("err %v", err)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, _ := ix.DocCount(); n != 3 {
		t.Errorf("old index has %d sections, want 3", n)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "gen-") {
			if g, _ := readCurrent(dir); g != e.Name() {
				t.Errorf("abandoned generation %s left behind", e.Name())
			}
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"förvaltningarna": "forvaltningarna", "åäöé": "aaoe", "kommun": "kommun", "": ""} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAnalyzersRegistered(t *testing.T) {
	ix := memIndex(t)
	m := ix.bi.Mapping()
	for _, name := range []string{AnalyzerName, FoldAnalyzerName, PairAnalyzerName} {
		a := m.AnalyzerNamed(name)
		if a == nil {
			t.Fatalf("analyzer %s not registered", name)
		}
		toks := a.Analyze([]byte("Förvaltningarna och uppföljningen"))
		var terms []string
		for _, tk := range toks {
			terms = append(terms, string(tk.Term))
		}
		t.Logf("%s: %v", name, terms)
		if len(terms) == 0 {
			t.Errorf("%s: no tokens", name)
		}
	}
	if m.AnalyzerNameForPath("text") != AnalyzerName {
		t.Errorf("text field analyzer %q", m.AnalyzerNameForPath("text"))
	}
	plain := m.AnalyzerNamed(AnalyzerName).Analyze([]byte("Förvaltningarna och uppföljningen"))
	if len(plain) != 2 || string(plain[0].Term) != "förvaltning" || string(plain[1].Term) != "uppföljning" || plain[1].Position != 3 {
		t.Errorf("Swedish analyzer: %v", plain)
	}
}

// TestRebuildCompacts checks that a rebuild in many batches leaves one
// segment file and nothing obsolete, and that updates keep it tidy.
func TestRebuildCompacts(t *testing.T) {
	defer func(n int) { batchBytes = n }(batchBytes)
	batchBytes = 100
	var docs []*corpus.Document
	for i := 0; i < 30; i++ {
		docs = append(docs, doc(fmt.Sprintf("d%02d", i), "Lund", textA))
	}
	dir := filepath.Join(t.TempDir(), "index")
	if err := Rebuild(dir, docs, nil); err != nil {
		t.Fatal(err)
	}
	zaps := func() []string {
		gen, err := readCurrent(dir)
		if err != nil {
			t.Fatal(err)
		}
		m, _ := filepath.Glob(filepath.Join(dir, gen, "store", "*.zap"))
		return m
	}
	if z := zaps(); len(z) != 1 {
		t.Errorf("after rebuild: %d segment files: %v", len(z), z)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for i := 0; i < 5; i++ {
		if err := ix.Put(doc(fmt.Sprintf("n%d", i), "Malmö", textA)); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := ix.DocCount(); n != 35*3 {
		t.Errorf("%d sections, want %d", n, 35*3)
	}
	if z := zaps(); len(z) > 6 {
		t.Errorf("after 5 updates: %d segment files", len(z))
	}
}

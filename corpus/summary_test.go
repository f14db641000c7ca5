package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// summaryDoc is a document with every field a summary counts.
func summaryDoc(source, town, title, text string) *Document {
	d := testDoc(source, text)
	d.Municipality, d.Title, d.Format, d.Size = town, title, FormatPDF, int64(len(text))
	d.Pages = []Page{{Number: 1}, {Number: 2}}
	d.Changes = []Change{{Fix: "hyphen", Line: 1}}
	d.Sections = []Section{{Heading: "Mål", Label: "mal"}, {Heading: "Uppföljning", Label: "uppfoljning"}}
	d.Added = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	m := NewModel(source)
	m.DocumentType = "strategi"
	m.Adopted = &Event{Date: "2019-05-27"}
	m.Goals = []Goal{{Text: "Fler ska studera utomlands"}, {Text: "Fler partnerskap"}, {Text: "Ett tredje mål"}}
	d.Model = m
	return d
}

func TestSummarize(t *testing.T) {
	d := summaryDoc("/in/v.pdf", "Växjö", "Internationell strategi", "Internationell strategi\nText\n")
	want := Summary{ID: d.ID, Municipality: "Växjö", Title: "Internationell strategi", Type: "strategi",
		Source: "/in/v.pdf", Format: FormatPDF, Size: d.Size, Pages: 2, Adopted: "2019-05-27",
		Added: d.Added, Changes: 1, Sections: 2, Goals: 3}
	if got := Summarize(d); !reflect.DeepEqual(got, want) {
		t.Errorf("Summarize = %+v\nwant %+v", got, want)
	}
	d.Type = "policy" // the document's own type wins over the model's
	if got := Summarize(d).Type; got != "policy" {
		t.Errorf("type = %q, want the document's", got)
	}
	d.Model = nil
	if got := Summarize(d); got.Goals != 0 || got.Adopted != "" {
		t.Errorf("without a model: %+v, want no goals and no date", got)
	}
}

func TestSummaryYear(t *testing.T) {
	for _, tc := range []struct {
		adopted string
		want    int
	}{{"2019-05-27", 2019}, {"2019", 2019}, {"", 0}, {"19", 0}, {"maj 2019", 0}} {
		if got := (Summary{Adopted: tc.adopted}).Year(); got != tc.want {
			t.Errorf("Year(%q) = %d, want %d", tc.adopted, got, tc.want)
		}
	}
}

// TestSummariesMatchList checks that the summaries agree with the whole
// documents, in the same order, after puts, a replacement and a delete.
func TestSummariesMatchList(t *testing.T) {
	st, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	docs := []*Document{
		summaryDoc("/in/b.pdf", "Borås", "Plan", "Plan för Borås\n"),
		summaryDoc("/in/a.pdf", "Alingsås", "Strategi", "Strategi för Alingsås\n"),
		summaryDoc("/in/c.pdf", "Borås", "Annan plan", "Annan plan för Borås\n"),
	}
	for _, d := range docs {
		if _, err := st.Put(d, false); err != nil {
			t.Fatal(err)
		}
	}
	newer := summaryDoc("/in/b.pdf", "Borås", "Plan, reviderad", "Plan för Borås, reviderad\n")
	if res, err := st.Put(newer, false); err != nil || res.Replaced != docs[0].ID {
		t.Fatalf("replace = %+v, %v", res, err)
	}
	if err := st.Delete(docs[1].ID); err != nil {
		t.Fatal(err)
	}
	check := func() {
		t.Helper()
		full, err := st.List()
		if err != nil {
			t.Fatal(err)
		}
		sums, err := st.Summaries()
		if err != nil {
			t.Fatal(err)
		}
		want := make([]Summary, len(full))
		for i, d := range full {
			want[i] = Summarize(d)
		}
		if !reflect.DeepEqual(sums, want) {
			t.Errorf("Summaries =\n%+v\nwant (from List)\n%+v", sums, want)
		}
	}
	check()
	sums, _ := st.Summaries()
	if len(sums) != 2 || sums[0].Title != "Annan plan" || sums[1].Title != "Plan, reviderad" {
		t.Errorf("summaries = %+v, want Borås's two plans in title order", sums)
	}
	one, err := st.Summary(newer.ID)
	if err != nil || one.Goals != 3 || one.Title != "Plan, reviderad" {
		t.Errorf("Summary(%s) = %+v, %v", newer.ID, one, err)
	}
	if _, err := st.Summary(docs[1].ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Summary of a deleted document: err = %v, want ErrNotFound", err)
	}
	if _, err := st.Summary("../x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Summary of a bad id: err = %v, want ErrNotFound", err)
	}
	check()
}

// TestSummariesReadOnlyTheHead shows that a list does not decode the
// document: a file whose body after the summary is broken still lists,
// while Get of it fails.
func TestSummariesReadOnlyTheHead(t *testing.T) {
	st, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	d := summaryDoc("/in/v.pdf", "Växjö", "Strategi", "Strategi för Växjö\n")
	if _, err := st.Put(d, false); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(st.Dir, "docs", d.ID+".json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), `{"summary":{`) {
		t.Fatalf("file starts %.40q, want the summary first", data)
	}
	raw := strings.Index(string(data), `"raw":`)
	if err := os.WriteFile(path, append(data[:raw:raw], "garbage"+strings.Repeat("x", 10000)...), 0o644); err != nil {
		t.Fatal(err)
	}
	sums, err := st.Summaries()
	if err != nil || len(sums) != 1 || sums[0].Goals != 3 {
		t.Errorf("Summaries = %+v, %v; want the summary despite the broken body", sums, err)
	}
	if _, err := st.Get(d.ID); err == nil {
		t.Error("Get of the broken file succeeded; the test does not break it")
	}
}

// TestSummariesOfOlderFiles lists files written before summaries existed
// (a plain Document) by decoding them, and reports broken and misnamed
// files while listing the rest.
func TestSummariesOfOlderFiles(t *testing.T) {
	st, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	old := summaryDoc("/in/old.pdf", "Malmö", "Gammal policy", "Gammal policy för Malmö\n")
	data, err := json.Marshal(old)
	if err != nil {
		t.Fatal(err)
	}
	docs := filepath.Join(st.Dir, "docs")
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(docs, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(old.ID+".json", string(data))
	write("0000000000000bad.json", `{"id": "0000`)
	write("0000000000000abc.json", string(data)) // holds another ID
	write(".0000000000000abc.json.tmp-1", "{")   // a temp file is not a document
	sums, err := st.Summaries()
	var le *ListError
	if !errors.As(err, &le) || len(le.Bad) != 2 {
		t.Fatalf("err = %v, want a ListError for two files", err)
	}
	for _, want := range []string{"0000000000000bad", "0000000000000abc"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
	if want := Summarize(old); len(sums) != 1 || !reflect.DeepEqual(sums[0], want) {
		t.Errorf("summaries = %+v, want %+v", sums, want)
	}
	// The older file still serves Put's replacement by source.
	newer := summaryDoc("/in/old.pdf", "Malmö", "Ny policy", "Ny policy för Malmö\n")
	if res, err := st.Put(newer, false); err != nil || res.Replaced != old.ID {
		t.Errorf("put newer = %+v, %v; want it to replace %s", res, err, old.ID)
	}
}

// benchStore returns a store for the list benchmarks: the one named by
// $STYRDOK_BENCH_CORPUS (e.g. a batch output's corpus/), else 1000
// generated documents of about 40 kB of text each.
func benchStore(b *testing.B) *Store {
	if dir := os.Getenv("STYRDOK_BENCH_CORPUS"); dir != "" {
		st, err := OpenStore(dir)
		if err != nil {
			b.Fatal(err)
		}
		return st
	}
	st, err := OpenStore(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	body := strings.Repeat("Kommunen ska stärka det internationella arbetet genom samverkan.\n", 300)
	for i := range 1000 {
		text := fmt.Sprintf("Strategi %d för kommun %d\n%s", i, i%290, body)
		d := summaryDoc(fmt.Sprintf("/in/%04d.pdf", i), fmt.Sprintf("Kommun %d", i%290), fmt.Sprintf("Strategi %d", i), text)
		d.Text = strings.ToLower(text)
		for j := range 100 {
			d.Changes = append(d.Changes, Change{Fix: "diacritics", Line: j + 2, Pos: j * 60, Before: "stark", After: "stärk"})
		}
		if _, err := st.Put(d, false); err != nil {
			b.Fatal(err)
		}
	}
	return st
}

// BenchmarkStoreList reads every document whole, as `list` did before
// summaries; BenchmarkStoreSummaries lists the same store.
func BenchmarkStoreList(b *testing.B) {
	st := benchStore(b)
	b.ResetTimer()
	for range b.N {
		docs, err := st.List()
		if err != nil || len(docs) == 0 {
			b.Fatal(len(docs), err)
		}
	}
}

func BenchmarkStoreSummaries(b *testing.B) {
	st := benchStore(b)
	b.ResetTimer()
	for range b.N {
		sums, err := st.Summaries()
		if err != nil || len(sums) == 0 {
			b.Fatal(len(sums), err)
		}
	}
}

// TestFindSummaries checks that summaries resolve references exactly as
// documents do.
func TestFindSummaries(t *testing.T) {
	docs := []*Document{
		{ID: "4586a6d220f2c6b6", Municipality: "Växjö"},
		{ID: "37472513d9804273", Municipality: "Malmö"},
		{ID: "3747ffff00000000", Municipality: "Malmö"},
		{ID: "1111222233334444", Municipality: "Lund"},
	}
	sums := make([]Summary, len(docs))
	for i, d := range docs {
		sums[i] = Summarize(d)
	}
	for _, ref := range []string{"4586a6d220f2c6b6", "4586", "458", "3747", "37472", "malmo", " VÄXJÖ ", "Lund", "Borås", ""} {
		fd, derr := Find(docs, ref)
		fs, serr := FindSummaries(sums, ref)
		var ids []string
		for _, d := range fd {
			ids = append(ids, d.ID)
		}
		var sids []string
		for _, s := range fs {
			sids = append(sids, s.ID)
		}
		if !reflect.DeepEqual(ids, sids) || (derr == nil) != (serr == nil) || errors.Is(derr, ErrNotFound) != errors.Is(serr, ErrNotFound) {
			t.Errorf("%q: Find = %v, %v; FindSummaries = %v, %v", ref, ids, derr, sids, serr)
		}
	}
	if got, err := FindSummaries(sums, "malmo"); err != nil || len(got) != 2 || got[0].ID != "37472513d9804273" {
		t.Errorf("FindSummaries(malmo) = %+v, %v", got, err)
	}
}

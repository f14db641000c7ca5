package corpus

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func testDoc(source, text string) *Document {
	d := &Document{ID: IDFor([]byte(text)), Source: source, Raw: text, Municipality: "Växjö"}
	d.SetUnrepaired()
	return d
}

func TestStorePutGetDelete(t *testing.T) {
	st, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	d := testDoc("/in/a.txt", "Internationell strategi för Växjö kommun\n")
	res, err := st.Put(d, false)
	if err != nil || res.Unchanged || res.Replaced != "" {
		t.Fatalf("first put = %+v, %v; want added", res, err)
	}
	got, err := st.Get(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Raw != d.Raw || got.Municipality != "Växjö" {
		t.Errorf("got %+v, want the stored document", got)
	}
	// Identical bytes again: a no-op.
	res, err = st.Put(d, false)
	if err != nil || !res.Unchanged {
		t.Errorf("second put = %+v, %v; want unchanged", res, err)
	}
	// A changed file from the same source replaces the old version.
	d2 := testDoc("/in/a.txt", "Internationell strategi för Växjö kommun, reviderad\n")
	res, err = st.Put(d2, false)
	if err != nil || res.Replaced != d.ID {
		t.Fatalf("changed put = %+v, %v; want replaced %s", res, err, d.ID)
	}
	if _, err := st.Get(d.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("old version still there: %v", err)
	}
	docs, err := st.List()
	if err != nil || len(docs) != 1 || docs[0].ID != d2.ID {
		t.Fatalf("list = %d docs, %v; want only the new version", len(docs), err)
	}
	if err := st.Delete(d2.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.Delete(d2.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete err = %v, want ErrNotFound", err)
	}
}

func TestStoreRejectsBadIDs(t *testing.T) {
	st, _ := OpenStore(t.TempDir())
	for _, id := range []string{"", "../x", "a/b", strings.Repeat("a", 65), "ABC"} {
		if _, err := st.Put(&Document{ID: id}, false); err == nil {
			t.Errorf("Put(%q) succeeded, want error", id)
		}
		if _, err := st.Get(id); !errors.Is(err, ErrNotFound) {
			t.Errorf("Get(%q) err = %v, want ErrNotFound", id, err)
		}
	}
}

func TestStoreListSkipsBrokenFiles(t *testing.T) {
	dir := t.TempDir()
	st, _ := OpenStore(dir)
	d := testDoc("a.txt", "text\n")
	if _, err := st.Put(d, false); err != nil {
		t.Fatal(err)
	}
	// A half-written file left by a crash of some other program, and a temp file.
	os.WriteFile(filepath.Join(dir, "docs", "deadbeefdeadbeef.json"), []byte(`{"id":"dead`), 0o644)
	os.WriteFile(filepath.Join(dir, "docs", ".x.json.tmp-1"), []byte(`{`), 0o644)
	docs, err := st.List()
	var le *ListError
	if !errors.As(err, &le) || len(le.Bad) != 1 {
		t.Fatalf("err = %v, want one bad file", err)
	}
	if len(docs) != 1 || docs[0].ID != d.ID {
		t.Errorf("list = %d docs, want the readable one", len(docs))
	}
}

func TestWriteFileAtomicLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.json")
	if err := WriteFileAtomic(p, []byte("1")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(p, []byte("2")); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("dir has %d entries, want 1", len(entries))
	}
	if b, _ := os.ReadFile(p); string(b) != "2" {
		t.Errorf("content = %q, want 2", b)
	}
}

func TestFind(t *testing.T) {
	docs := []*Document{
		{ID: "4586a6d220f2c6b6", Municipality: "Växjö"},
		{ID: "37472513d9804273", Municipality: "Malmö"},
		{ID: "3747ffff00000000", Municipality: "Malmö"},
	}
	tests := []struct {
		ref     string
		want    int
		wantErr bool
	}{
		{"4586a6d220f2c6b6", 1, false},
		{"4586", 1, false},
		{"3747", 0, true}, // ambiguous prefix
		{"malmo", 2, false},
		{"VÄXJÖ", 1, false},
		{"Lund", 0, true},
		{"", 0, true},
	}
	for _, tt := range tests {
		got, err := Find(docs, tt.ref)
		if (err != nil) != tt.wantErr || len(got) != tt.want {
			t.Errorf("Find(%q) = %d docs, %v; want %d, err %v", tt.ref, len(got), err, tt.want, tt.wantErr)
		}
	}
}

func TestSeedsEmbedded(t *testing.T) {
	seeds, err := Seeds()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"000": "Helsingborg", "001": "Malmö", "002": "Växjö", "003": "Stockholm", "004": "Borås",
	}
	if len(seeds) != len(want) {
		t.Fatalf("got %d seeds, want %d", len(seeds), len(want))
	}
	for _, s := range seeds {
		if want[s.Name[:3]] != s.Municipality {
			t.Errorf("%s: municipality %q, want %q", s.Name, s.Municipality, want[s.Name[:3]])
		}
		if len(s.Data) < 1000 {
			t.Errorf("%s: only %d bytes", s.Name, len(s.Data))
		}
	}
}

func TestModelJSONNulls(t *testing.T) {
	m := NewModel("x.txt")
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"document_type":null`, `"adopted":null`, `"valid_until":null`, `"goals":[]`, `"schema":"styrdok.model/1"`} {
		if !strings.Contains(s, want) {
			t.Errorf("model JSON lacks %s: %s", want, s)
		}
	}
	var back Model
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.DocumentType != "" || back.Source != "x.txt" {
		t.Errorf("round trip = %+v", back)
	}
}

func TestRawLine(t *testing.T) {
	d := &Document{Raw: "a\nb\nc\nd", Text: "a\nc d", LineMap: []int{1, 3}}
	if got := d.RawLine(strings.Index(d.Text, "d")); got != 3 {
		t.Errorf("RawLine = %d, want 3", got)
	}
	if got := d.RawLine(0); got != 1 {
		t.Errorf("RawLine(0) = %d, want 1", got)
	}
	if got := d.RawLine(99); got != 0 {
		t.Errorf("RawLine(99) = %d, want 0", got)
	}
}

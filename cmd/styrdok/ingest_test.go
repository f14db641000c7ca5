package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"styrdok/corpus"
)

// testGlobals returns options that write into buffers and a corpus in a temp dir.
func testGlobals(t *testing.T) (*globalOptions, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var out, errb bytes.Buffer
	return &globalOptions{Corpus: t.TempDir(), Stdout: &out, Stderr: &errb, Stdin: strings.NewReader("")}, &out, &errb
}

func storeFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	entries, err := os.ReadDir(filepath.Join(dir, "docs"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, "docs", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	return files
}

func TestIngestSeedsThenList(t *testing.T) {
	g, out, _ := testGlobals(t)
	if err := runIngest(context.Background(), g, ingestOptions{}, []string{"../../corpus/seeds"}); err != nil {
		t.Fatalf("ingest: %v", err)
	}
	out.Reset()
	g.JSON = true
	if err := runList(g); err != nil {
		t.Fatal(err)
	}
	for _, town := range []string{"Helsingborg", "Malmö", "Växjö", "Stockholm", "Borås"} {
		if !strings.Contains(out.String(), `"municipality": "`+town+`"`) {
			t.Errorf("list --json lacks %s:\n%s", town, out.String())
		}
	}
	// Re-ingesting the same bytes is a no-op.
	before := storeFiles(t, g.Corpus)
	out.Reset()
	if err := runIngest(context.Background(), g, ingestOptions{}, []string{"../../corpus/seeds"}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(out.String(), `"status": "unchanged"`); got != 5 {
		t.Errorf("second ingest: %d unchanged, want 5:\n%s", got, out.String())
	}
	if after := storeFiles(t, g.Corpus); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Error("second ingest changed the store")
	}
}

// TestIngestBadInputBattery: a folder of 500 files with 5 bad ones. Each
// bad file gets one error line naming it, every good file is ingested, the
// result is a partial error (exit 3) and nothing already stored changes.
func TestIngestBadInputBattery(t *testing.T) {
	if testing.Short() {
		t.Skip("500-file battery skipped in -short mode")
	}
	g, _, errb := testGlobals(t)
	// Something already in the store.
	if err := runIngest(context.Background(), g, ingestOptions{Municipality: "Växjö"}, []string{"../../corpus/seeds/002_4586a6d220f2c6b6.txt"}); err != nil {
		t.Fatal(err)
	}
	before := storeFiles(t, g.Corpus)

	dir := t.TempDir()
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 495; i++ {
		text := fmt.Sprintf("Riktlinjer nummer %d för internationellt arbete\n\nKommunstyrelsen ansvarar för uppföljning av riktlinjerna årligen. Dokument %d.\n", i, rng.Int())
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("good%03d.txt", i)), []byte(text), 0o644)
	}
	random := make([]byte, 4096)
	rng.Read(random)
	garbage := append([]byte{0, 1, 2, 0xff, 0xfe, 0}, random...)
	bad := map[string][]byte{
		"empty.txt":     {},
		"random.pdf":    random,
		"garbage.txt":   garbage,
		"truncated.pdf": []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Cou"),
	}
	for name, data := range bad {
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	// An unreadable file: a dangling link (root can read any mode bits).
	os.Symlink(filepath.Join(dir, "does-not-exist"), filepath.Join(dir, "unreadable.txt"))

	err := runIngest(context.Background(), g, ingestOptions{}, []string{dir})
	var pe partialError
	if !errors.As(err, &pe) || pe.failed != 5 || pe.total != 500 {
		t.Fatalf("err = %v, want partial 5 of 500", err)
	}
	lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
	for _, name := range []string{"empty.txt", "random.pdf", "garbage.txt", "truncated.pdf", "unreadable.txt"} {
		n := 0
		for _, l := range lines {
			if strings.Contains(l, name+":") {
				n++
				if c := strings.Count(l, name); c != 1 {
					t.Errorf("error line names %s %d times, want once: %q", name, c, l)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s: %d error lines, want 1; stderr:\n%s", name, n, errb.String())
		}
	}
	after := storeFiles(t, g.Corpus)
	if len(after) != len(before)+495 {
		t.Errorf("store has %d documents, want %d", len(after), len(before)+495)
	}
	for name, content := range before {
		if after[name] != content {
			t.Errorf("%s changed or lost", name)
		}
	}
	if code := exitCode(context.Background(), &bytes.Buffer{}, err); code != exitPartial {
		t.Errorf("exit code %d, want %d", code, exitPartial)
	}
}

func TestIngestUsageAndMissing(t *testing.T) {
	g, _, errb := testGlobals(t)
	err := runIngest(context.Background(), g, ingestOptions{}, []string{filepath.Join(t.TempDir(), "nope.pdf")})
	if err == nil || !strings.Contains(errb.String(), "nope.pdf") {
		t.Errorf("err = %v, stderr %q; want an error naming nope.pdf", err, errb.String())
	}
	if code := exitCode(context.Background(), &bytes.Buffer{}, err); code != exitError {
		t.Errorf("all inputs failed: exit %d, want %d", code, exitError)
	}
	if code := exitCode(context.Background(), &bytes.Buffer{}, usagef("bad")); code != exitUsage {
		t.Errorf("usage: exit %d, want %d", code, exitUsage)
	}
}

func TestIngestStdin(t *testing.T) {
	g, _, _ := testGlobals(t)
	g.Stdin = strings.NewReader("Policy för vänortssamarbete i Lunds kommun\n\nKommunstyrelsen antar policyn.\n")
	if err := runIngest(context.Background(), g, ingestOptions{Municipality: "Lund"}, []string{"-"}); err != nil {
		t.Fatal(err)
	}
	st, _ := corpus.OpenStore(g.Corpus)
	docs, err := st.List()
	if err != nil || len(docs) != 1 || docs[0].Municipality != "Lund" || docs[0].Source != "stdin" {
		t.Fatalf("store = %+v, %v", docs, err)
	}
}

// TestIngestErrorNamesRelativePathOnce: a bad file given by a relative path
// is named once in its error line, not once as given and again as absolute.
func TestIngestErrorNamesRelativePathOnce(t *testing.T) {
	g, _, errb := testGlobals(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "tom.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	err := runIngest(context.Background(), g, ingestOptions{}, []string{"tom.txt"})
	if err == nil {
		t.Fatal("an empty file was ingested without an error")
	}
	if got := strings.TrimSpace(errb.String()); strings.Count(got, "tom.txt") != 1 || !strings.Contains(got, "tom.txt: empty file") {
		t.Errorf("stderr = %q, want one line naming tom.txt once", got)
	}
}

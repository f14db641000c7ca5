package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBenchSmall runs bench on a three-document corpus in gencorpus's
// layout: it must index, report and time every query type.
func TestBenchSmall(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	var manifest strings.Builder
	for i, town := range []string{"Umeå", "Växjö", "Lund"} {
		name := fmt.Sprintf("txt/%06d.txt", i)
		body := fmt.Sprintf("%s kommun\n\nInternationell strategi för %s kommun\n\n1 Syfte\n\nKommunen ska följa upp det internationella arbetet årligen.\n", town, town)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&manifest, `{"id": "%06d", "kommun": %q, "doctype": "Internationell strategi", "title": "Strategi", "year": %d, "txt": %q}`+"\n", i, town, 2010+i, name)
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.jsonl"), []byte(manifest.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	queries := filepath.Join(dir, "queries.tsv")
	if err := os.WriteFile(queries, []byte("word\tfölja\nand\tkommunen årligen\nphrase\tinternationella arbetet\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	g, out, errb := testGlobals(t)
	g.JSON = true
	if err := runBench(context.Background(), g, benchOptions{Data: dir, Queries: queries, Warmup: 2}); err != nil {
		t.Fatal(err)
	}
	var rep benchReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	// Progress to a file or pipe is plain lines, not carriage returns.
	if got := errb.String(); strings.Contains(got, "\r") || !strings.Contains(got, "indexed 3/3 documents\n") {
		t.Errorf("progress on a non-terminal = %q, want plain lines ending with 'indexed 3/3 documents'", got)
	}
	if rep.Documents != 3 || rep.Sections < 3 || rep.IndexBytes == 0 || rep.TextBytes == 0 {
		t.Errorf("report %+v", rep)
	}
	for _, typ := range []string{"word", "and", "phrase", "all"} {
		if q := rep.Queries[typ]; q.N == 0 || q.Hits == 0 {
			t.Errorf("%s: %+v", typ, q)
		}
	}
}

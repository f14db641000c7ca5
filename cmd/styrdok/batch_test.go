package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"styrdok/corpus"
	"styrdok/ingest"
)

// memIndexes is a fake search index per corpus directory that outlives one
// runBatch call, as a real index on disk does.
type memIndexes struct {
	mu  sync.Mutex
	ids map[string]map[string]bool
}

type memIndex struct {
	m   *memIndexes
	dir string
}

func (x memIndex) Update(docs []*corpus.Document, del []string) error {
	x.m.mu.Lock()
	defer x.m.mu.Unlock()
	if x.m.ids[x.dir] == nil {
		return errors.New("no index")
	}
	for _, id := range del {
		delete(x.m.ids[x.dir], id)
	}
	for _, d := range docs {
		x.m.ids[x.dir][d.ID] = true
	}
	return nil
}

func (x memIndex) Close() error { return nil }

func (m *memIndexes) get(dir string) []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var ids []string
	for id := range m.ids[dir] {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// useMemIndex makes batch use a fake index for the rest of the test.
func useMemIndex(t *testing.T) *memIndexes {
	t.Helper()
	m := &memIndexes{ids: map[string]map[string]bool{}}
	saved := defaultIndexOpener
	defaultIndexOpener = indexOpener{
		open: func(dir string) (searchIndex, error) {
			m.mu.Lock()
			defer m.mu.Unlock()
			if m.ids[dir] == nil {
				return nil, errors.New("no index")
			}
			return memIndex{m, dir}, nil
		},
		create: func(dir string) error {
			m.mu.Lock()
			defer m.mu.Unlock()
			m.ids[dir] = map[string]bool{}
			return nil
		},
		where: func(dir string) string { return "memory" },
	}
	t.Cleanup(func() { defaultIndexOpener = saved })
	return m
}

func batchGlobals() (*globalOptions, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &globalOptions{Stdout: &out, Stderr: &errb, Stdin: strings.NewReader("")}, &out, &errb
}

// seedTexts returns the embedded seed texts (test input only).
func seedTexts(t *testing.T) [][]byte {
	t.Helper()
	seeds, err := corpus.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for _, s := range seeds {
		out = append(out, s.Data)
	}
	return out
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// readBatchLog returns the outcomes of the last run by path.
func readBatchLog(t *testing.T, out string) map[string]batchOutcome {
	t.Helper()
	f, err := os.Open(filepath.Join(out, batchLogName))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[string]batchOutcome{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var o batchOutcome
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			t.Fatalf("log line %q: %v", sc.Text(), err)
		}
		if _, dup := m[o.Path]; dup {
			t.Errorf("log has %s twice", o.Path)
		}
		m[o.Path] = o
	}
	return m
}

// batchStoredIDs lists the IDs in the store of a batch output folder.
func batchStoredIDs(t *testing.T, out string) []string {
	t.Helper()
	entries, err := scanStore(filepath.Join(out, batchCorpusDir))
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(entries))
	for i, e := range entries {
		ids[i] = e.ID
	}
	return ids
}

// fileIDs returns the content hashes of the given files, sorted.
func fileIDs(t *testing.T, paths ...string) []string {
	t.Helper()
	var ids []string
	seen := map[string]bool{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if id := corpus.IDFor(b); !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

func statuses(log map[string]batchOutcome) map[string]int {
	n := map[string]int{}
	for _, o := range log {
		n[o.Status]++
	}
	return n
}

// TestBatchRuns walks one folder through a first run, a rerun, a changed
// file, a deleted file with --prune and a run with --force.
func TestBatchRuns(t *testing.T) {
	idx := useMemIndex(t)
	src := t.TempDir()
	out := filepath.Join(t.TempDir(), "ut")
	seeds := seedTexts(t)
	good := []string{
		filepath.Join(src, "a.txt"),
		filepath.Join(src, "sub", "b.md"),
		filepath.Join(src, "sub", "deeper", "c.txt"),
	}
	for i, p := range good {
		writeFile(t, p, seeds[i%len(seeds)])
	}
	bad := []string{
		filepath.Join(src, "empty.txt"),
		filepath.Join(src, "sub", "dangling.txt"),
	}
	writeFile(t, bad[0], nil)
	if err := os.Symlink(filepath.Join(src, "nowhere.txt"), bad[1]); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(src, "ignored.png"), []byte("not a document"))
	writeFile(t, filepath.Join(src, ".hidden", "d.txt"), seeds[3])

	ctx := context.Background()
	run := func(opts batchOptions) (error, string) {
		t.Helper()
		g, _, errb := batchGlobals()
		opts.Out = out
		opts.Jobs = 3
		err := runBatch(ctx, g, opts, src)
		return err, errb.String()
	}

	// First run: three documents stored and indexed, two failures.
	err, stderr := run(batchOptions{})
	var pe partialError
	if !errors.As(err, &pe) || pe.failed != 2 || pe.total != 5 {
		t.Fatalf("first run: err = %v, want 2 of 5 failed\n%s", err, stderr)
	}
	for _, p := range bad {
		if n := strings.Count(stderr, p+": "); n != 1 {
			t.Errorf("stderr names %s %d times, want one line:\n%s", p, n, stderr)
		}
	}
	if !strings.Contains(stderr, "3 added, 0 replaced, 0 unchanged, 2 failed") {
		t.Errorf("summary missing:\n%s", stderr)
	}
	log := readBatchLog(t, out)
	if len(log) != 5 {
		t.Errorf("log has %d lines, want 5: %v", len(log), log)
	}
	for _, p := range good {
		o := log[p]
		if o.Status != statusAdded || o.ID == "" || o.Error != "" {
			t.Errorf("log for %s = %+v, want added", p, o)
		}
	}
	for _, p := range bad {
		if o := log[p]; o.Status != statusFailed || o.Error == "" {
			t.Errorf("log for %s = %+v, want failed with an error", p, o)
		}
	}
	want := fileIDs(t, good...)
	if got := batchStoredIDs(t, out); !equalStrings(got, want) {
		t.Errorf("store = %v, want %v", got, want)
	}
	corpusDir := filepath.Join(out, batchCorpusDir)
	if got := idx.get(corpusDir); !equalStrings(got, want) {
		t.Errorf("index = %v, want %v", got, want)
	}
	docFiles := func() map[string]string {
		m := map[string]string{}
		for _, id := range batchStoredIDs(t, out) {
			b, err := os.ReadFile(filepath.Join(corpusDir, "docs", id+".json"))
			if err != nil {
				t.Fatal(err)
			}
			m[id] = string(b)
		}
		return m
	}
	before := docFiles()
	reportTimes := map[string]time.Time{}
	for _, f := range []string{"md", "csv", "json", "xlsx", "html"} {
		p := filepath.Join(out, "compare."+f)
		info, err := os.Stat(p)
		if err != nil || info.Size() == 0 {
			t.Errorf("comparison %s: %v", p, err)
			continue
		}
		reportTimes[p] = info.ModTime()
	}

	// A rerun skips every stored file and writes nothing.
	err, stderr = run(batchOptions{})
	if !errors.As(err, &pe) || pe.failed != 2 {
		t.Fatalf("rerun: err = %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "0 added, 0 replaced, 3 unchanged, 2 failed") {
		t.Errorf("rerun summary:\n%s", stderr)
	}
	if after := docFiles(); !equalMaps(before, after) {
		t.Error("rerun rewrote stored documents")
	}
	for p, mt := range reportTimes {
		if info, err := os.Stat(p); err != nil || !info.ModTime().Equal(mt) {
			t.Errorf("rerun rewrote %s", p)
		}
	}

	// A changed file replaces its old version in store and index.
	oldID := readBatchLog(t, out)[good[1]].ID
	writeFile(t, good[1], append(append([]byte{}, seeds[1]...), "\nTillägg.\n"...))
	err, stderr = run(batchOptions{})
	if !errors.As(err, &pe) {
		t.Fatalf("changed: err = %v\n%s", err, stderr)
	}
	log = readBatchLog(t, out)
	if o := log[good[1]]; o.Status != statusReplaced || len(o.Replaced) != 1 || o.Replaced[0] != oldID {
		t.Errorf("changed file: %+v, want replaced %s", o, oldID)
	}
	want = fileIDs(t, good...)
	if got := batchStoredIDs(t, out); !equalStrings(got, want) {
		t.Errorf("store after change = %v, want %v", got, want)
	}
	if got := idx.get(corpusDir); !equalStrings(got, want) {
		t.Errorf("index after change = %v, want %v", got, want)
	}

	// A deleted file stays without --prune and goes with it.
	if err := os.Remove(good[2]); err != nil {
		t.Fatal(err)
	}
	for _, p := range bad {
		os.Remove(p)
	}
	if err, stderr = run(batchOptions{}); err != nil {
		t.Fatalf("no prune: %v\n%s", err, stderr)
	}
	if got := batchStoredIDs(t, out); len(got) != 3 {
		t.Errorf("without --prune the store has %d documents, want 3", len(got))
	}
	if err, stderr = run(batchOptions{Prune: true}); err != nil {
		t.Fatalf("prune: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "1 pruned") {
		t.Errorf("prune summary:\n%s", stderr)
	}
	want = fileIDs(t, good[:2]...)
	if got := batchStoredIDs(t, out); !equalStrings(got, want) {
		t.Errorf("store after prune = %v, want %v", got, want)
	}
	if got := idx.get(corpusDir); !equalStrings(got, want) {
		t.Errorf("index after prune = %v, want %v", got, want)
	}
	if o := readBatchLog(t, out)[good[2]]; o.Status != statusPruned {
		t.Errorf("log for the pruned file: %+v", o)
	}

	// A copy of a file under another name keeps the document when the
	// original is deleted and pruned; OUTDIR inside DIR is not read.
	cp := filepath.Join(src, "kopia.txt")
	writeFile(t, cp, seeds[0])
	if err, stderr = run(batchOptions{Prune: true}); err != nil {
		t.Fatalf("copy: %v\n%s", err, stderr)
	}
	os.Remove(good[0])
	inner := filepath.Join(src, "ut")
	g, _, errb := batchGlobals()
	if err := runBatch(ctx, g, batchOptions{Out: inner, Prune: true}, src); err != nil {
		t.Fatalf("out inside: %v\n%s", err, errb)
	}
	g, _, errb = batchGlobals()
	if err := runBatch(ctx, g, batchOptions{Out: inner, Prune: true}, src); err != nil {
		t.Fatalf("out inside, again: %v\n%s", err, errb)
	}
	if !strings.Contains(errb.String(), "0 added, 0 replaced, 2 unchanged, 0 failed") {
		t.Errorf("a batch folder inside DIR was read:\n%s", errb)
	}
	if err, stderr = run(batchOptions{Prune: true}); err != nil {
		t.Fatalf("prune with a copy: %v\n%s", err, stderr)
	}
	if got := batchStoredIDs(t, out); !equalStrings(got, want) {
		t.Errorf("store after pruning a file with a copy = %v, want %v", got, want)
	}

	// --force processes everything again; nothing is duplicated.
	g, stdout, errb := batchGlobals()
	g.JSON = true
	if err := runBatch(ctx, g, batchOptions{Out: out, Force: true}, src); err != nil {
		t.Fatalf("force: %v\n%s", err, errb)
	}
	var sum batchSummary
	if err := json.Unmarshal(stdout.Bytes(), &sum); err != nil || sum.Files != 2 || sum.Documents != 2 || len(sum.Reports) != 5 {
		t.Errorf("--json summary %+v (%v):\n%s", sum, err, stdout)
	}
	if got := batchStoredIDs(t, out); !equalStrings(got, want) {
		t.Errorf("store after --force = %v, want %v", got, want)
	}
}

// TestBatchIndexSync checks that a run repairs an index that is behind or
// ahead of the store, as a killed run leaves it.
func TestBatchIndexSync(t *testing.T) {
	idx := useMemIndex(t)
	src := t.TempDir()
	out := t.TempDir()
	seeds := seedTexts(t)
	var files []string
	for i, s := range seeds {
		p := filepath.Join(src, fmt.Sprintf("%d.txt", i))
		writeFile(t, p, s)
		files = append(files, p)
	}
	g, _, errb := batchGlobals()
	if err := runBatch(context.Background(), g, batchOptions{Out: out}, src); err != nil {
		t.Fatalf("%v\n%s", err, errb)
	}
	corpusDir := filepath.Join(out, batchCorpusDir)
	want := fileIDs(t, files...)

	tests := []struct {
		name   string
		break_ func()
	}{
		{"index gone", func() { idx.mu.Lock(); delete(idx.ids, corpusDir); idx.mu.Unlock() }},
		{"journal lost", func() { os.Remove(filepath.Join(out, batchJournalName)) }},
		{"journal damaged", func() { os.WriteFile(filepath.Join(out, batchJournalName), []byte("{"), 0o644) }},
		{"journal behind", func() {
			// The index committed a batch the journal never recorded.
			j := indexJournal{Version: indexJournalVersion, Indexed: want[2:]}
			b, _ := json.Marshal(j)
			os.WriteFile(filepath.Join(out, batchJournalName), b, 0o644)
		}},
		{"index still has a replaced document", func() {
			// Killed after the store replaced a document, before the index
			// update: the journal and the index still list the old ID.
			memIndex{idx, corpusDir}.Update([]*corpus.Document{{ID: "0000000000000000"}}, nil)
			j := indexJournal{Version: indexJournalVersion, Indexed: append([]string{"0000000000000000"}, want...)}
			b, _ := json.Marshal(j)
			os.WriteFile(filepath.Join(out, batchJournalName), b, 0o644)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.break_()
			g, _, errb := batchGlobals()
			if err := runBatch(context.Background(), g, batchOptions{Out: out}, src); err != nil {
				t.Fatalf("%v\n%s", err, errb)
			}
			if got := idx.get(corpusDir); !equalStrings(got, want) {
				t.Errorf("index = %v, want %v\n%s", got, want, errb)
			}
		})
	}
}

// TestBatchStaleDuplicate checks that two stored versions of one source (a
// run killed inside Store.Put) are reduced to the current one.
func TestBatchStaleDuplicate(t *testing.T) {
	idx := useMemIndex(t)
	src := t.TempDir()
	out := t.TempDir()
	seeds := seedTexts(t)
	p := filepath.Join(src, "a.txt")
	writeFile(t, p, seeds[0])
	g, _, errb := batchGlobals()
	if err := runBatch(context.Background(), g, batchOptions{Out: out}, src); err != nil {
		t.Fatalf("%v\n%s", err, errb)
	}
	// Plant an older version of the same source next to the current one.
	st, err := corpus.OpenStore(filepath.Join(out, batchCorpusDir))
	if err != nil {
		t.Fatal(err)
	}
	cur, err := st.Get(corpus.IDFor(seeds[0]))
	if err != nil {
		t.Fatal(err)
	}
	old := *cur
	old.ID = "00000000000000aa"
	b, _ := json.Marshal(&old)
	writeFile(t, filepath.Join(st.Dir, "docs", old.ID+".json"), b)

	g, _, errb = batchGlobals()
	if err := runBatch(context.Background(), g, batchOptions{Out: out}, src); err != nil {
		t.Fatalf("%v\n%s", err, errb)
	}
	want := []string{cur.ID}
	if got := batchStoredIDs(t, out); !equalStrings(got, want) {
		t.Errorf("store = %v, want %v", got, want)
	}
	if got := idx.get(st.Dir); !equalStrings(got, want) {
		t.Errorf("index = %v, want %v", got, want)
	}
}

// TestBatchProgressLines checks the plain progress lines written when
// stderr is not a terminal, and that --quiet keeps only failures.
func TestBatchProgressLines(t *testing.T) {
	useMemIndex(t)
	src := t.TempDir()
	for i := range 20 {
		writeFile(t, filepath.Join(src, fmt.Sprintf("%02d.txt", i)), fmt.Appendf(nil, "Dokument %d\n\nText om samverkan.\n", i))
	}
	writeFile(t, filepath.Join(src, "tom.txt"), nil)
	g, _, errb := batchGlobals()
	err := runBatch(context.Background(), g, batchOptions{Out: t.TempDir(), Jobs: 1, LogEvery: 1}, src)
	if !errors.As(err, new(partialError)) {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(errb.String(), "files/s") || !strings.Contains(errb.String(), "ETA") {
		t.Errorf("no progress lines:\n%s", errb)
	}
	g, _, errb = batchGlobals()
	g.Quiet = true
	err = runBatch(context.Background(), g, batchOptions{Out: t.TempDir(), LogEvery: 1}, src)
	if !errors.As(err, new(partialError)) {
		t.Fatalf("quiet: err = %v", err)
	}
	if got := strings.TrimSpace(errb.String()); !strings.HasSuffix(got, "tom.txt: empty file") || strings.Count(got, "\n") != 0 {
		t.Errorf("quiet stderr = %q, want only the failure", got)
	}
}

// TestBatchUsage checks the errors for bad arguments.
func TestBatchUsage(t *testing.T) {
	useMemIndex(t)
	g, _, _ := batchGlobals()
	file := filepath.Join(t.TempDir(), "f.txt")
	writeFile(t, file, []byte("x"))
	if err := runBatch(context.Background(), g, batchOptions{Out: t.TempDir()}, file); !errors.As(err, new(usageError)) {
		t.Errorf("a file as DIR: err = %v, want a usage error", err)
	}
	if err := runBatch(context.Background(), g, batchOptions{Out: t.TempDir()}, filepath.Join(t.TempDir(), "nix")); err == nil {
		t.Error("a missing DIR: no error")
	}
	// A second run on the same output folder waits for nobody: it fails.
	out := t.TempDir()
	unlock, err := lockDir(filepath.Join(out, batchLockName))
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if err := runBatch(context.Background(), g, batchOptions{Out: out}, t.TempDir()); !errors.Is(err, errDirLocked) {
		t.Errorf("locked folder: err = %v, want %v", err, errDirLocked)
	}
}

// TestBatchCancel checks that an interrupted run stops, keeps what it
// stored consistent with the index, and that the next run finishes.
func TestBatchCancel(t *testing.T) {
	idx := useMemIndex(t)
	src := t.TempDir()
	var files []string
	for i := range 200 {
		p := filepath.Join(src, fmt.Sprintf("%03d.txt", i))
		writeFile(t, p, fmt.Appendf(nil, "Plan %d\n\nKommunen ska arbeta med samverkan %d.\n", i, i))
		files = append(files, p)
	}
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	g, _, _ := batchGlobals()
	var errb lockedBuffer
	g.Stderr = &errb
	done := make(chan error)
	go func() {
		done <- runBatch(ctx, g, batchOptions{Out: out, Jobs: 2, FlushEvery: 7, FlushBytes: 1 << 30}, src)
	}()
	for {
		if ents, _ := os.ReadDir(filepath.Join(out, batchCorpusDir, "docs")); len(ents) >= 20 {
			break
		}
		select {
		case err := <-done:
			t.Skipf("the run finished before it could be interrupted (%v)", err)
		case <-time.After(time.Millisecond):
		}
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	corpusDir := filepath.Join(out, batchCorpusDir)
	stored := batchStoredIDs(t, out)
	if got := idx.get(corpusDir); !equalStrings(got, stored) {
		t.Errorf("after cancel: index has %d, store %d", len(got), len(stored))
	}
	g, _, eb := batchGlobals()
	if err := runBatch(context.Background(), g, batchOptions{Out: out}, src); err != nil {
		t.Fatalf("resume: %v\n%s", err, eb)
	}
	want := fileIDs(t, files...)
	if got := batchStoredIDs(t, out); !equalStrings(got, want) {
		t.Errorf("after resume the store has %d documents, want %d", len(got), len(want))
	}
	if got := idx.get(corpusDir); !equalStrings(got, want) {
		t.Errorf("after resume the index has %d documents, want %d", len(got), len(want))
	}
	if n := statuses(readBatchLog(t, out)); n[statusUnchanged] != len(stored) || n[statusAdded] != len(want)-len(stored) {
		t.Errorf("resume log: %v, want %d unchanged", n, len(stored))
	}
}

// lockedBuffer is a bytes.Buffer safe for concurrent writers.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestProgressLine(t *testing.T) {
	tests := []struct {
		done, total int
		elapsed     string
		current     string
		want        string
	}{
		{0, 10, "1s", "", "0/10 files (0%), 0.0 files/s"},
		{5, 10, "10s", "a.pdf", "5/10 files (50%), 0.5 files/s, ETA 10s, now: a.pdf"},
		{10, 10, "2s", "", "10/10 files (100%), 5.0 files/s"},
	}
	for _, tt := range tests {
		d, _ := time.ParseDuration(tt.elapsed)
		if got := progressLine(tt.done, tt.total, d, tt.current); got != tt.want {
			t.Errorf("progressLine(%d, %d, %s) = %q, want %q", tt.done, tt.total, tt.elapsed, got, tt.want)
		}
	}
}

// TestBatchKillResume builds the binary, kills a batch run with SIGKILL in
// the middle, twice, and checks that the next run finishes the work with
// nothing lost or duplicated in the store or the index.
func TestBatchKillResume(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "styrdok")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	src := t.TempDir()
	seeds := seedTexts(t)
	var files []string
	for i := range 300 {
		p := filepath.Join(src, fmt.Sprintf("d%d", i%7), fmt.Sprintf("%03d.txt", i))
		writeFile(t, p, fmt.Appendf(append([]byte{}, seeds[i%len(seeds)]...), "\n\nBilaga %d: %s\n", i, codeWord(i)))
		files = append(files, p)
	}
	want := fileIDs(t, files...)
	out := filepath.Join(t.TempDir(), "ut")
	docs := filepath.Join(out, batchCorpusDir, "docs")
	countDocs := func() int {
		ents, _ := os.ReadDir(docs)
		n := 0
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".json") && !strings.HasPrefix(e.Name(), ".") {
				n++
			}
		}
		return n
	}

	killed := 0
	for _, at := range []int{25, 150} {
		cmd := exec.Command(bin, "batch", src, "--out", out, "--jobs", "2", "--quiet")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		deadline := time.Now().Add(2 * time.Minute)
	wait:
		for countDocs() < at {
			select {
			case err := <-exited:
				t.Logf("run finished before %d documents were stored: %v\n%s", at, err, stderr.String())
				break wait
			case <-time.After(2 * time.Millisecond):
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatalf("no progress in 2 minutes\n%s", stderr.String())
			}
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err == nil {
			if err := <-exited; err != nil {
				killed++
				t.Logf("killed with %d of %d documents stored", countDocs(), len(want))
			}
		}
	}
	if killed == 0 {
		t.Log("no run was killed in the middle; the machine is too fast for this test's sizes")
	}

	// The resume: a normal run finishes the work.
	cmd := exec.Command(bin, "batch", src, "--out", out, "--jobs", "2")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("resume: %v\n%s", err, b)
	}
	if got := batchStoredIDs(t, out); !equalStrings(got, want) {
		t.Errorf("store has %d documents, want %d (one per file)", len(got), len(want))
	}
	for _, e := range mustScan(t, filepath.Join(out, batchCorpusDir)) {
		if !strings.HasPrefix(e.Source, src) {
			t.Errorf("document %s has source %s", e.ID, e.Source)
		}
	}
	// Nothing half-written is left behind, and the store lists cleanly.
	if left, _ := filepath.Glob(filepath.Join(docs, ".*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	st, err := corpus.OpenStore(filepath.Join(out, batchCorpusDir))
	if err != nil {
		t.Fatal(err)
	}
	if all, err := st.List(); err != nil || len(all) != len(want) {
		t.Errorf("List: %d documents, err %v", len(all), err)
	}
	// The index holds exactly the stored documents.
	var j indexJournal
	b, err := os.ReadFile(filepath.Join(out, batchJournalName))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &j); err != nil {
		t.Fatal(err)
	}
	if !equalStrings(j.Indexed, want) {
		t.Errorf("index journal lists %d documents, want %d", len(j.Indexed), len(want))
	}
	words := map[string]string{}
	for i, p := range files {
		words[codeWord(i)] = fileIDs(t, p)[0]
	}
	checkIndexed(t, filepath.Join(out, batchCorpusDir), words)
	// A last run finds nothing to do.
	cmd = exec.Command(bin, "batch", src, "--out", out)
	b, err = cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(b), fmt.Sprintf("0 added, 0 replaced, %d unchanged, 0 failed", len(want))) {
		t.Errorf("rerun: %v\n%s", err, b)
	}
}

// codeWord is a word that occurs in file i of a test tree only.
func codeWord(i int) string {
	w := []byte("qzx")
	for ; i > 0 || len(w) < 5; i /= 26 {
		w = append(w, byte('a'+i%26))
	}
	return string(w)
}

func mustScan(t *testing.T, dir string) []storeEntry {
	t.Helper()
	e, err := scanStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestBatchReportsCatchUp checks that comparison files older than the
// store (a run killed before writing them) are written by the next run,
// and left alone when they are current.
func TestBatchReportsCatchUp(t *testing.T) {
	useMemIndex(t)
	src, out := t.TempDir(), t.TempDir()
	seeds := seedTexts(t)
	writeFile(t, filepath.Join(src, "a.txt"), seeds[0])
	g, _, errb := batchGlobals()
	if err := runBatch(context.Background(), g, batchOptions{Out: out}, src); err != nil {
		t.Fatalf("%v\n%s", err, errb)
	}
	md := filepath.Join(out, "compare.md")
	// The store got a document the reports do not show yet.
	writeFile(t, filepath.Join(src, "b.txt"), seeds[1])
	st, _ := corpus.OpenStore(filepath.Join(out, batchCorpusDir))
	d, err := process(filepath.Join(src, "b.txt"), seeds[1], ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Put(d, false); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(md, []byte("old"), 0o644)
	g, _, errb = batchGlobals()
	if err := runBatch(context.Background(), g, batchOptions{Out: out}, src); err != nil {
		t.Fatalf("%v\n%s", err, errb)
	}
	if b, _ := os.ReadFile(md); string(b) == "old" {
		t.Errorf("reports not rewritten for a store that changed:\n%s", errb)
	}
	g, _, errb = batchGlobals()
	if err := runBatch(context.Background(), g, batchOptions{Out: out}, src); err != nil {
		t.Fatalf("%v\n%s", err, errb)
	}
	if strings.Contains(errb.String(), "wrote") {
		t.Errorf("current reports written again:\n%s", errb)
	}
}

// BenchmarkBatch runs a first batch over 20 documents (the seeds with a
// line each that makes them distinct) into an empty folder, with 2 workers
// and the real index; docs/s is the figure.
func BenchmarkBatch(b *testing.B) {
	src := b.TempDir()
	seeds, err := corpus.Seeds()
	if err != nil {
		b.Fatal(err)
	}
	const n = 20
	for i := range n {
		p := filepath.Join(src, fmt.Sprintf("%02d.txt", i))
		data := fmt.Appendf(append([]byte{}, seeds[i%len(seeds)].Data...), "\n\nBilaga %d\n", i)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for range b.N {
		g, _, errb := batchGlobals()
		if err := runBatch(context.Background(), g, batchOptions{Out: b.TempDir(), Jobs: 2}, src); err != nil {
			b.Fatalf("%v\n%s", err, errb)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "docs/s")
}

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"styrdok/analyze"
	"styrdok/corpus"
	"styrdok/ingest"
	"styrdok/ingest/repair"
)

// batchOptions are the flags of `styrdok batch`. The zero value of every
// field but Out is a usable default.
type batchOptions struct {
	Out   string // output directory (required)
	Jobs  int    // parallel workers; 0 means runtime.NumCPU()
	Prune bool   // remove documents whose source file is gone
	OCR   bool   // read scanned PDFs with pdftoppm + tesseract -l swe
	Force bool   // re-process files even when their bytes are already stored

	// LogEvery is how often a progress line is printed when stderr is not
	// a terminal; 0 means every 10 seconds.
	LogEvery time.Duration
	// FlushEvery and FlushBytes bound how many documents (and bytes of
	// their text) wait in memory before they are written to the index in
	// one update; 0 means 256 documents and 32 MiB.
	FlushEvery int
	FlushBytes int
}

// Layout of a batch output directory.
const (
	batchCorpusDir   = "corpus"             // the store
	batchLogName     = "batch.log.jsonl"    // one line per input of the last run
	batchOCRCacheDir = "ocr-cache"          // OCR text by content hash
	batchLockName    = ".batch.lock"        // held while a run is going
	batchJournalName = "index.journal.json" // which IDs the index holds
)

// Outcome statuses of one batch input.
const (
	statusAdded     = "added"
	statusReplaced  = "replaced"
	statusUnchanged = "unchanged"
	statusFailed    = "failed"
	statusPruned    = "pruned"
)

// batchOutcome is one line of OUTDIR/batch.log.jsonl.
type batchOutcome struct {
	Path       string   `json:"path"`
	ID         string   `json:"id,omitempty"`
	Status     string   `json:"status"`
	Replaced   []string `json:"replaced,omitempty"`
	Error      string   `json:"error,omitempty"`
	OCR        bool     `json:"ocr,omitempty"`
	DurationMS float64  `json:"duration_ms"`
}

func newBatchCmd(g *globalOptions) *cobra.Command {
	var opts batchOptions
	cmd := &cobra.Command{
		Use:   "batch DIR --out OUTDIR",
		Short: "Process a folder tree into a corpus, a search index and comparison tables",
		Long: `batch runs the whole pipeline (read, repair, analyze) over every PDF,
DOCX, ODT, HTML, Markdown and text file under DIR with parallel workers and
writes into OUTDIR:

  corpus/             the corpus store (styrdok serve --corpus OUTDIR)
  corpus/index/       the search index, kept in step with the store
  compare.{md,csv,json,xlsx,html}   the comparison tables
  batch.log.jsonl     one JSON line per input: path, id, status, error, duration
  ocr-cache/          text read by OCR, by content hash (with --ocr)

With --json a summary of the run is printed on standard output.

Runs are incremental: a file whose bytes are already stored is skipped, a
changed file replaces its old version, and with --prune documents whose file
is gone are removed. A run that was killed is finished by the next run.
Files that fail are reported one per line; the exit status is then 3.`,
		Example: `  styrdok batch ./dokument --out ./ut
  styrdok batch ./dokument --out ./ut --jobs 4 --prune
  styrdok batch ./skannat --out ./ut --ocr`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("batch: give one folder (styrdok batch DIR --out OUTDIR)")
			}
			if opts.Out == "" {
				return usagef("batch: --out OUTDIR is required")
			}
			if opts.Jobs < 0 {
				return usagef("batch: --jobs must be at least 1")
			}
			return runBatch(cmd.Context(), g, opts, args[0])
		},
	}
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "output directory for the corpus, index, tables and log")
	cmd.Flags().IntVarP(&opts.Jobs, "jobs", "j", 0, "parallel workers (default: number of CPUs)")
	cmd.Flags().BoolVar(&opts.Prune, "prune", false, "remove documents whose source file no longer exists under DIR")
	cmd.Flags().BoolVar(&opts.OCR, "ocr", false, "read scanned PDFs with pdftoppm and tesseract -l swe")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "process every file again, even when its bytes are stored")
	return cmd
}

// batchRun is the state of one run of runBatch.
type batchRun struct {
	g     *globalOptions
	opts  batchOptions
	out   string
	st    *corpus.Store
	idx   *batchIndexer
	ocr   *ocrReader
	known map[string][]string // source path -> stored IDs, as found at start
}

// runBatch processes the folder dir into opts.Out. See newBatchCmd.
func runBatch(ctx context.Context, g *globalOptions, opts batchOptions, dir string) (err error) {
	start := time.Now()
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.NumCPU()
	}
	if opts.LogEvery <= 0 {
		opts.LogEvery = 10 * time.Second
	}
	if opts.FlushEvery <= 0 {
		opts.FlushEvery = 256
	}
	if opts.FlushBytes <= 0 {
		opts.FlushBytes = 32 << 20
	}
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	if !info.IsDir() {
		return usagef("batch: %s is not a folder", dir)
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	unlock, err := lockDir(filepath.Join(out, batchLockName))
	if err != nil {
		return fmt.Errorf("batch: %s: %w", out, err)
	}
	defer unlock()

	st, err := corpus.OpenStore(filepath.Join(out, batchCorpusDir))
	if err != nil {
		return err
	}
	// Temporary files of a killed run (see corpus.WriteFileAtomic); the
	// lock says no one else is writing them.
	for _, d := range []string{filepath.Join(st.Dir, "docs"), out, filepath.Join(out, batchOCRCacheDir)} {
		removeTempFiles(d)
	}
	r := &batchRun{g: g, opts: opts, out: out, st: st}
	if opts.OCR {
		r.ocr = &ocrReader{cacheDir: filepath.Join(out, batchOCRCacheDir)}
	}
	entries, err := scanStore(st.Dir)
	if err != nil {
		return err
	}
	r.known = map[string][]string{}
	for _, e := range entries {
		r.known[e.Source] = append(r.known[e.Source], e.ID)
	}

	// Bring the index in step with the store before anything else: a run
	// that was killed may have stored documents it did not get to index.
	r.idx, err = openBatchIndexer(st, out, opts.FlushEvery, opts.FlushBytes)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := r.idx.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	synced, err := r.idx.Sync(ctx, entries)
	if err != nil {
		return err
	}
	if synced > 0 && !g.Quiet {
		fmt.Fprintf(g.Stderr, "styrdok: batch: index caught up with %d stored documents from an earlier run\n", synced)
	}

	inputs, walkErrs := expandInputs([]string{dir})
	inputs = skipBatchOutputs(inputs, absDir)
	logf, err := os.Create(filepath.Join(out, batchLogName))
	if err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	defer logf.Close()
	logw := json.NewEncoder(logf)

	prog := newBatchProgress(g, opts, len(inputs))
	counts := map[string]int{}
	total := len(walkErrs)
	record := func(o batchOutcome) error {
		counts[o.Status]++
		if o.Status == statusFailed {
			prog.fail(o.Path, o.Error)
		}
		if err := logw.Encode(o); err != nil {
			return fmt.Errorf("batch: write %s: %w", batchLogName, err)
		}
		return nil
	}
	for _, e := range walkErrs {
		if err := record(batchOutcome{Path: e.Path, Status: statusFailed, Error: e.Error}); err != nil {
			return err
		}
	}

	// The worker pool: a channel of inputs, results back to this goroutine,
	// which alone writes the log and the index.
	jobs := make(chan input)
	results := make(chan batchResult)
	var wg sync.WaitGroup
	for range opts.Jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range jobs {
				prog.working(in.Path)
				results <- r.processOne(ctx, in)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, in := range inputs {
			select {
			case jobs <- in:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	seen := map[string]bool{} // absolute paths and IDs of this run's inputs
	var firstErr error
	for res := range results {
		if res.Status == "" {
			continue // interrupted before it started
		}
		total++
		seen[res.abs] = true
		if res.ID != "" && res.Status != statusFailed {
			seen[res.ID] = true
		}
		if res.doc != nil || len(res.Replaced) > 0 {
			if err := r.idx.Add(res.doc, res.Replaced); err != nil && firstErr == nil {
				firstErr = err
			}
		}
		if err := record(res.batchOutcome); err != nil && firstErr == nil {
			firstErr = err
		}
		prog.done(res.batchOutcome)
	}
	if err := r.idx.Flush(); err != nil && firstErr == nil {
		firstErr = err
	}
	prog.finish()
	if firstErr != nil {
		return firstErr
	}
	if err := ctx.Err(); err != nil {
		return err
	}

	if opts.Prune {
		pruned, err := r.prune(absDir, seen)
		for _, o := range pruned {
			if err := record(o); err != nil {
				return err
			}
		}
		if err != nil {
			return err
		}
	}
	if err := logf.Sync(); err != nil {
		return fmt.Errorf("batch: write %s: %w", batchLogName, err)
	}

	var written []string
	if opts.Force || !reportsCurrent(st, out) {
		if written, err = writeBatchReports(ctx, st, out); err != nil {
			return err
		}
	}

	if g.JSON {
		sum := batchSummary{Files: total, Added: counts[statusAdded], Replaced: counts[statusReplaced],
			Unchanged: counts[statusUnchanged], Failed: counts[statusFailed], Pruned: counts[statusPruned],
			Seconds: time.Since(start).Seconds(), Corpus: st.Dir, Documents: r.idx.Count(),
			Log: filepath.Join(out, batchLogName), Reports: written}
		enc := json.NewEncoder(g.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(sum); err != nil {
			return err
		}
	}
	if !g.Quiet {
		elapsed := time.Since(start)
		fmt.Fprintf(g.Stderr, "styrdok: batch: %d files in %s (%.1f files/s): %d added, %d replaced, %d unchanged, %d failed",
			total, elapsed.Round(10*time.Millisecond), float64(total)/max(elapsed.Seconds(), 1e-9),
			counts[statusAdded], counts[statusReplaced], counts[statusUnchanged], counts[statusFailed])
		if opts.Prune {
			fmt.Fprintf(g.Stderr, ", %d pruned", counts[statusPruned])
		}
		fmt.Fprintf(g.Stderr, "\nstyrdok: batch: corpus %s (%d documents, index %s)\n", st.Dir, r.idx.Count(), r.idx.Describe())
		for _, w := range written {
			fmt.Fprintf(g.Stderr, "styrdok: batch: wrote %s\n", w)
		}
		fmt.Fprintf(g.Stderr, "styrdok: batch: log %s\n", filepath.Join(out, batchLogName))
	}
	if counts[statusFailed] > 0 {
		return partialError{failed: counts[statusFailed], total: total}
	}
	return nil
}

// batchSummary is what `styrdok batch --json` prints.
type batchSummary struct {
	Files     int      `json:"files"`
	Added     int      `json:"added"`
	Replaced  int      `json:"replaced"`
	Unchanged int      `json:"unchanged"`
	Failed    int      `json:"failed"`
	Pruned    int      `json:"pruned"`
	Seconds   float64  `json:"seconds"`
	Corpus    string   `json:"corpus"`
	Documents int      `json:"documents"`
	Log       string   `json:"log"`
	Reports   []string `json:"reports_written"`
}

// batchResult is what a worker hands back for one input.
type batchResult struct {
	batchOutcome
	abs string           // absolute path, the document's Source
	doc *corpus.Document // set when the document was (re)stored
}

// processOne runs one input through the pipeline and stores it. It is
// called from several workers at once.
func (r *batchRun) processOne(ctx context.Context, in input) (res batchResult) {
	start := time.Now()
	res.Path = in.Path
	fail := func(err error) batchResult {
		res.Status = statusFailed
		res.Error = strings.TrimPrefix(describeErr(err), in.Path+": ")
		res.Error = strings.TrimPrefix(res.Error, res.abs+": ")
		return res
	}
	defer func() {
		// A bug in a stage must cost one file, not the whole run.
		if v := recover(); v != nil {
			res.doc = nil
			res = fail(fmt.Errorf("internal error: %v", v))
		}
		res.DurationMS = float64(time.Since(start).Microseconds()) / 1000
	}()
	abs, err := filepath.Abs(in.Path)
	if err != nil {
		return fail(err)
	}
	res.abs = abs
	if ctx.Err() != nil {
		return res // not started: no outcome
	}
	data, err := os.ReadFile(in.Path)
	if err != nil {
		return fail(err)
	}
	id := corpus.IDFor(data)
	res.ID = id
	// Earlier versions of this file other than the current bytes; Store.Put
	// removes one, a run killed inside Put may have left another.
	var stale []string
	for _, old := range r.known[abs] {
		if old != id {
			stale = append(stale, old)
		}
	}
	if !r.opts.Force && storeHas(r.st, id) {
		res.Status = statusUnchanged
		for _, old := range stale {
			if err := r.st.Delete(old); err != nil && !errors.Is(err, corpus.ErrNotFound) {
				return fail(fmt.Errorf("remove old version %s: %w", old, err))
			}
			res.Replaced = append(res.Replaced, old)
		}
		return res
	}
	d, usedOCR, err := r.read(ctx, abs, data, in.Opts)
	res.OCR = usedOCR
	if err != nil {
		return fail(err)
	}
	d.ID = id
	put, err := r.st.Put(d, r.opts.Force)
	if err != nil {
		return fail(err)
	}
	for _, old := range stale {
		if old == put.Replaced {
			continue
		}
		if err := r.st.Delete(old); err != nil && !errors.Is(err, corpus.ErrNotFound) {
			return fail(fmt.Errorf("remove old version %s: %w", old, err))
		}
		res.Replaced = append(res.Replaced, old)
	}
	if put.Replaced != "" {
		res.Replaced = append(res.Replaced, put.Replaced)
	}
	switch {
	case put.Unchanged:
		res.Status = statusUnchanged
	case len(res.Replaced) > 0 || len(stale) > 0:
		res.Status, res.doc = statusReplaced, d
	default:
		res.Status, res.doc = statusAdded, d
	}
	if r.opts.Force && res.doc == nil {
		res.doc = d
	}
	return res
}

// read runs the pipeline on one file's bytes. With --ocr, the pages of a
// PDF that have no text layer are read by OCR and the pipeline runs on the
// text of all pages.
func (r *batchRun) read(ctx context.Context, abs string, data []byte, opts ingest.Options) (*corpus.Document, bool, error) {
	d, err := process(abs, data, opts)
	switch {
	case err != nil && !isScanned(err):
		return nil, false, err
	case err != nil && r.ocr == nil:
		return nil, false, fmt.Errorf("%w; rerun with --ocr to read it by OCR", err)
	case err == nil && (r.ocr == nil || len(scannedPages(d)) == 0):
		return d, false, nil
	}
	var pages []string // text by page; the reader's where it found some
	var want []int     // pages to read by OCR; nil for all
	var notes []corpus.Note
	if d != nil {
		want = scannedPages(d)
		for _, p := range d.Pages {
			pages = append(pages, d.Raw[p.Span.Start:p.Span.End])
		}
		for _, n := range d.Notes {
			if !(n.Page > 0 && strings.Contains(n.Message, scannedMarker)) {
				notes = append(notes, n)
			}
		}
	}
	texts, err := r.ocr.Pages(ctx, data, want)
	if err != nil {
		return nil, true, err
	}
	if want == nil {
		for n := range texts {
			want = append(want, n)
		}
		sort.Ints(want)
		if len(want) > 0 {
			pages = make([]string, want[len(want)-1])
		}
	}
	for _, n := range want {
		if n >= 1 && n <= len(pages) {
			pages[n-1] = texts[n]
		}
	}
	joined, spans := joinPages(pages)
	d, err = ingest.Read(abs+".txt", []byte(joined), opts)
	if err != nil {
		return nil, true, fmt.Errorf("text read by OCR: %s", strings.TrimPrefix(err.Error(), abs+".txt: "))
	}
	d.Source, d.Format, d.Size, d.ID = abs, corpus.FormatPDF, int64(len(data)), corpus.IDFor(data)
	if d.Raw == joined {
		d.Pages = spans
	}
	d.Notes = append(notes, d.Notes...)
	d.Notes = append(d.Notes, corpus.Note{Kind: corpus.NoteWarning,
		Message: fmt.Sprintf("%s without a text layer read by OCR (tesseract -l swe)", pageList(want))})
	repair.Repair(d)
	analyze.Analyze(d)
	return d, true, nil
}

// joinPages joins page texts the way the PDF reader does (a blank line
// between pages) and returns each page's span.
func joinPages(pages []string) (string, []corpus.Page) {
	var b strings.Builder
	spans := make([]corpus.Page, len(pages))
	for i, p := range pages {
		if i > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(p)
		spans[i] = corpus.Page{Number: i + 1, Span: corpus.Span{Start: start, End: b.Len()}}
	}
	return b.String(), spans
}

// storeHas reports whether the store holds a document with this ID. It looks
// for the file instead of decoding it (see corpus.Store: docs/ID.json).
func storeHas(st *corpus.Store, id string) bool {
	_, err := os.Stat(filepath.Join(st.Dir, "docs", id+".json"))
	return err == nil
}

// storeEntry is the identity of one stored document.
type storeEntry struct {
	ID     string `json:"id"`
	Source string `json:"source"`
}

// scanStore lists the IDs and sources of the documents in the store at dir
// without keeping their text in memory. Unreadable files are skipped (the
// store's own List reports them).
func scanStore(dir string) ([]storeEntry, error) {
	ents, err := os.ReadDir(filepath.Join(dir, "docs"))
	if err != nil {
		return nil, fmt.Errorf("scan corpus %s: %w", dir, err)
	}
	var out []storeEntry
	for _, e := range ents {
		name := e.Name()
		if !strings.HasSuffix(name, ".json") || strings.HasPrefix(name, ".") {
			continue
		}
		f, err := os.Open(filepath.Join(dir, "docs", name))
		if err != nil {
			continue
		}
		var se storeEntry
		err = json.NewDecoder(f).Decode(&se)
		f.Close()
		if err != nil || se.ID != strings.TrimSuffix(name, ".json") {
			continue
		}
		out = append(out, se)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// prune removes stored documents whose source lies under dir but was not
// among this run's inputs (the file was deleted or renamed), unless another
// input has the same bytes. seen holds the inputs' paths and IDs.
func (r *batchRun) prune(dir string, seen map[string]bool) ([]batchOutcome, error) {
	entries, err := scanStore(r.st.Dir)
	if err != nil {
		return nil, err
	}
	prefix := dir + string(filepath.Separator)
	var outs []batchOutcome
	for _, e := range entries {
		if !strings.HasPrefix(e.Source, prefix) || seen[e.Source] || seen[e.ID] {
			continue
		}
		start := time.Now()
		if err := r.st.Delete(e.ID); err != nil && !errors.Is(err, corpus.ErrNotFound) {
			return outs, fmt.Errorf("prune %s: %w", e.Source, err)
		}
		if err := r.idx.Add(nil, []string{e.ID}); err != nil {
			return outs, err
		}
		outs = append(outs, batchOutcome{Path: e.Source, ID: e.ID, Status: statusPruned,
			DurationMS: float64(time.Since(start).Microseconds()) / 1000})
	}
	return outs, r.idx.Flush()
}

// batchProgress reports a run's progress on stderr: a bar on a terminal,
// a line now and then otherwise, nothing but failures with --quiet.
type batchProgress struct {
	mu      sync.Mutex
	w       io.Writer
	bar     barWriter // nil unless stderr is a terminal
	quiet   bool
	total   int
	n       int
	start   time.Time
	last    time.Time
	every   time.Duration
	current string
}

// barWriter is the part of the progress bar batch uses.
type barWriter interface {
	Add(int) error
	Describe(string)
	Clear() error
	RenderBlank() error
	Finish() error
}

func newBatchProgress(g *globalOptions, opts batchOptions, total int) *batchProgress {
	p := &batchProgress{w: g.Stderr, quiet: g.Quiet, total: total, start: time.Now(), every: opts.LogEvery}
	p.last = p.start
	if !g.Quiet && total > 0 && isTTY(g.Stderr) {
		p.bar = newTerminalBar(g.Stderr, total)
	}
	return p
}

// working notes the file a worker has started on.
func (p *batchProgress) working(path string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.current = path
	if p.bar != nil {
		p.bar.Describe(shortPath(path, 40))
	}
}

// fail prints one line for a file that failed, whatever the verbosity.
func (p *batchProgress) fail(path, msg string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Clear()
	}
	fmt.Fprintf(p.w, "styrdok: %s: %s\n", path, msg)
	if p.bar != nil {
		p.bar.RenderBlank()
	}
}

// done counts a finished input.
func (p *batchProgress) done(o batchOutcome) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	if p.quiet {
		return
	}
	if p.bar != nil {
		p.bar.Add(1)
		return
	}
	now := time.Now()
	if now.Sub(p.last) < p.every || p.n >= p.total {
		return
	}
	p.last = now
	fmt.Fprintln(p.w, "styrdok: batch:", progressLine(p.n, p.total, now.Sub(p.start), p.current))
}

// progressLine formats "120/500 files (24%), 3.1 files/s, ETA 2m3s, now: x".
func progressLine(done, total int, elapsed time.Duration, current string) string {
	rate := float64(done) / max(elapsed.Seconds(), 1e-9)
	s := fmt.Sprintf("%d/%d files (%d%%), %.1f files/s", done, total, done*100/max(total, 1), rate)
	if rate > 0 && done < total {
		eta := time.Duration(float64(total-done) / rate * float64(time.Second))
		s += ", ETA " + eta.Round(time.Second).String()
	}
	if current != "" {
		s += ", now: " + current
	}
	return s
}

func (p *batchProgress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Finish()
		fmt.Fprintln(p.w)
	}
}

// shortPath keeps the end of a long path: "…/folder/file.pdf".
func shortPath(p string, n int) string {
	r := []rune(p)
	if len(r) <= n {
		return p
	}
	return "…" + string(r[len(r)-n+1:])
}

// errDirLocked says another batch run is writing to the same folder.
var errDirLocked = errors.New("another styrdok batch is running on this output folder")

// skipBatchOutputs drops inputs inside a batch output folder (one with a
// batch lock file) under dir: OUTDIR may lie inside DIR, and its reports
// are not documents.
func skipBatchOutputs(inputs []input, dir string) []input {
	isOut := map[string]bool{}
	var check func(d string) bool
	check = func(d string) bool {
		if v, ok := isOut[d]; ok {
			return v
		}
		v := false
		if _, err := os.Stat(filepath.Join(d, batchLockName)); err == nil {
			v = true
		} else if parent := filepath.Dir(d); d != dir && parent != d && strings.HasPrefix(parent, dir) {
			v = check(parent)
		}
		isOut[d] = v
		return v
	}
	kept := inputs[:0]
	for _, in := range inputs {
		abs, err := filepath.Abs(in.Path)
		if err != nil || !check(filepath.Dir(abs)) {
			kept = append(kept, in)
		}
	}
	return kept
}

// removeTempFiles removes the ".name.tmp-*" files WriteFileAtomic leaves
// when the process dies between create and rename.
func removeTempFiles(dir string) {
	left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	for _, p := range left {
		os.Remove(p)
	}
}

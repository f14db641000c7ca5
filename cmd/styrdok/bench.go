package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"styrdok/corpus"
	"styrdok/index"
	"styrdok/ingest"
)

type benchOptions struct {
	Data         string // gencorpus output directory (txt/, manifest.jsonl)
	Generate     int    // generate this many documents first (needs --gencorpus)
	GenCorpus    string // path of gencorpus.py
	Seed         int
	N            int    // index only the first N documents of the manifest (0: all)
	Queries      string // queries.tsv: type<TAB>text
	Work         string // where the index is built (default: a temporary directory)
	Keep         bool   // keep the index
	Index        string // time queries on this existing index; build nothing
	Pipeline     bool   // run repair and analyze too (sections), not only the reader
	Warmup       int
	CPUProfile   string // write a CPU profile of the timed queries here
	IndexProfile string // write a CPU profile of the indexing here
}

func newBenchCmd(g *globalOptions) *cobra.Command {
	var opts benchOptions
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure indexing and search speed on a generated corpus",
		Long: `bench indexes a corpus made by gencorpus (../shared/tools/gencorpus) and
times the benchmark queries, single-threaded, the way search runs them
(ranked, with facets, highlights and a KWIC line, 10 hits). It prints
indexing documents/s and MB/s, peak RSS, index size against text size,
and query p50/p99 by query type.

Queries are lines "type<TAB>text" with type word, and or phrase
(../shared/data/bench/queries.tsv); "and" queries are run as +a +b,
phrases in quotes. Without --pipeline documents are only read (one
section per document unless the reader finds more), which measures the
index alone; --pipeline also repairs and analyzes them into sections.`,
		Example: `  styrdok bench --generate 10000 --gencorpus ../shared/tools/gencorpus/gencorpus.py \
      --data /tmp/c10k --queries ../shared/data/bench/queries.tsv
  styrdok bench --data /tmp/c10k --n 2000 --queries ../shared/data/bench/queries.tsv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Data == "" && opts.Index == "" {
				return usagef("bench: give --data DIR (a gencorpus output directory) or --index DIR")
			}
			return runBench(cmd.Context(), g, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Data, "data", "", "gencorpus output directory (txt/, manifest.jsonl)")
	f.IntVar(&opts.Generate, "generate", 0, "first generate this many documents into --data with --gencorpus")
	f.StringVar(&opts.GenCorpus, "gencorpus", "", "path of gencorpus.py (for --generate)")
	f.IntVar(&opts.Seed, "seed", 2, "gencorpus seed (for --generate)")
	f.IntVar(&opts.N, "n", 0, "index only the first N documents (default: all)")
	f.StringVar(&opts.Queries, "queries", "", "queries to time: type<TAB>text lines")
	f.StringVar(&opts.Work, "work", "", "directory to build the index in (default: temporary, removed)")
	f.BoolVar(&opts.Keep, "keep", false, "keep the index built in --work")
	f.StringVar(&opts.Index, "index", "", "only time the queries on this index directory (as kept by --keep: WORK/index)")
	f.BoolVar(&opts.Pipeline, "pipeline", false, "repair and analyze documents (sections) before indexing")
	f.IntVar(&opts.Warmup, "warmup", 100, "warm-up queries before timing")
	f.StringVar(&opts.CPUProfile, "cpuprofile", "", "write a CPU profile of the timed queries to this file")
	f.StringVar(&opts.IndexProfile, "index-cpuprofile", "", "write a CPU profile of the indexing to this file")
	return cmd
}

// genEntry is one line of gencorpus's manifest.jsonl.
type genEntry struct {
	ID      string `json:"id"`
	Kommun  string `json:"kommun"`
	Doctype string `json:"doctype"`
	Title   string `json:"title"`
	Year    int    `json:"year"`
	Txt     string `json:"txt"`
}

// benchReport is what bench prints (--json prints it as JSON).
type benchReport struct {
	Documents     int                   `json:"documents"`
	Sections      uint64                `json:"sections"`
	TextBytes     int64                 `json:"text_bytes"`
	IndexSeconds  float64               `json:"index_seconds"` // wall time of the rebuild, reading included
	ReadSeconds   float64               `json:"read_seconds"`  // of which reading (and the pipeline)
	CPUSeconds    float64               `json:"cpu_seconds"`   // user+system CPU time of the rebuild (all threads)
	DocsPerSecond float64               `json:"docs_per_second"`
	MBPerSecond   float64               `json:"mb_per_second"`
	IndexBytes    int64                 `json:"index_bytes"`
	PeakRSSBytes  int64                 `json:"peak_rss_bytes"`
	Queries       map[string]queryStats `json:"queries,omitempty"`
}

type queryStats struct {
	N     int     `json:"n"`
	P50ms float64 `json:"p50_ms"`
	P99ms float64 `json:"p99_ms"`
	Max   float64 `json:"max_ms"`
	Hits  float64 `json:"mean_total_hits"`
}

func runBench(ctx context.Context, g *globalOptions, opts benchOptions) error {
	if opts.Index != "" {
		return benchQueries(ctx, g, opts, opts.Index, benchReport{})
	}
	if opts.Generate > 0 {
		if opts.GenCorpus == "" {
			return usagef("bench: --generate needs --gencorpus PATH")
		}
		cmd := exec.CommandContext(ctx, "python3", opts.GenCorpus, "--n", strconv.Itoa(opts.Generate),
			"--seed", strconv.Itoa(opts.Seed), "--out", opts.Data)
		cmd.Stdout, cmd.Stderr = g.Stderr, g.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("bench: gencorpus: %w", err)
		}
	}
	entries, err := readGenManifest(filepath.Join(opts.Data, "manifest.jsonl"))
	if err != nil {
		return err
	}
	if opts.N > 0 && opts.N < len(entries) {
		entries = entries[:opts.N]
	}
	work := opts.Work
	if work == "" {
		if work, err = os.MkdirTemp("", "styrdok-bench-"); err != nil {
			return err
		}
	}
	if !opts.Keep {
		defer os.RemoveAll(work)
	}
	idxDir := filepath.Join(work, "index")

	var rep benchReport
	var readTime time.Duration
	i := 0
	next := func() (*corpus.Document, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if i >= len(entries) {
			return nil, nil
		}
		t0 := time.Now()
		e := entries[i]
		i++
		d, err := benchDocument(opts.Data, e, opts.Pipeline)
		if err != nil {
			return nil, err
		}
		rep.Documents++
		rep.TextBytes += int64(len(d.Text))
		readTime += time.Since(t0)
		return d, nil
	}
	tty, lastTenth := isTTY(g.Stderr), 0
	progress := func(done int) {
		switch {
		case g.Quiet:
		case tty:
			fmt.Fprintf(g.Stderr, "\rindexed %d/%d documents", done, len(entries))
		case done*10/max(len(entries), 1) > lastTenth || done == len(entries):
			// Not a terminal: a plain line every tenth of the way.
			lastTenth = done * 10 / max(len(entries), 1)
			fmt.Fprintf(g.Stderr, "indexed %d/%d documents\n", done, len(entries))
		}
	}
	var stopProfile func()
	if opts.IndexProfile != "" {
		f, err := os.Create(opts.IndexProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		stopProfile = pprof.StopCPUProfile
	}
	start, cpu0 := time.Now(), cpuTime()
	err = index.RebuildFunc(idxDir, next, progress)
	elapsed := time.Since(start)
	rep.CPUSeconds = (cpuTime() - cpu0).Seconds()
	if stopProfile != nil {
		stopProfile()
	}
	if err != nil {
		return err
	}
	if !g.Quiet {
		fmt.Fprintln(g.Stderr)
	}
	rep.IndexSeconds = elapsed.Seconds()
	rep.ReadSeconds = readTime.Seconds()
	rep.DocsPerSecond = float64(rep.Documents) / elapsed.Seconds()
	rep.MBPerSecond = float64(rep.TextBytes) / 1e6 / elapsed.Seconds()
	rep.IndexBytes, _ = index.Size(idxDir)
	flushWrites()
	return benchQueries(ctx, g, opts, idxDir, rep)
}

// benchQueries times the queries on the index in idxDir and prints rep.
func benchQueries(ctx context.Context, g *globalOptions, opts benchOptions, idxDir string, rep benchReport) error {
	ix, err := index.Open(idxDir)
	if err != nil {
		return err
	}
	defer ix.Close()
	rep.Sections, _ = ix.DocCount()
	if opts.Queries != "" {
		qs, err := readBenchQueries(opts.Queries)
		if err != nil {
			return err
		}
		if opts.CPUProfile != "" {
			f, err := os.Create(opts.CPUProfile)
			if err != nil {
				return err
			}
			defer f.Close()
			if err := pprof.StartCPUProfile(f); err != nil {
				return err
			}
			defer pprof.StopCPUProfile()
		}
		if rep.Queries, err = timeQueries(ctx, ix, qs, opts.Warmup); err != nil {
			return err
		}
	}
	rep.PeakRSSBytes = peakRSS()
	if g.JSON {
		enc := json.NewEncoder(g.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	printBench(g.Stdout, rep)
	return nil
}

// benchDocument reads one generated document with the manifest's facts.
func benchDocument(dir string, e genEntry, pipeline bool) (*corpus.Document, error) {
	data, err := os.ReadFile(filepath.Join(dir, e.Txt))
	if err != nil {
		return nil, err
	}
	opts := ingest.Options{Municipality: e.Kommun, Title: e.Title}
	var d *corpus.Document
	if pipeline {
		d, err = process(e.Txt, data, opts)
	} else {
		d, err = ingest.Read(e.Txt, data, opts)
	}
	if err != nil {
		return nil, err
	}
	d.Municipality, d.Title = e.Kommun, e.Title
	if d.Type == "" {
		d.Type = benchType(e.Doctype)
	}
	if d.Model == nil {
		d.Model = corpus.NewModel(e.Txt)
	}
	if d.Model.Adopted == nil && e.Year > 0 {
		d.Model.Adopted = &corpus.Event{Date: corpus.Opt(strconv.Itoa(e.Year))}
	}
	d.Raw = "" // not indexed; keeps memory down
	return d, nil
}

// benchType maps gencorpus's document type to the model's vocabulary.
func benchType(doctype string) string {
	t := strings.ToLower(doctype)
	for _, v := range corpus.DocumentTypes {
		if strings.Contains(t, v) {
			return v
		}
	}
	return ""
}

func readGenManifest(path string) ([]genEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	defer f.Close()
	var out []genEntry
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var e genEntry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("bench: %s:%d: %w", path, n, err)
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

type benchQuery struct{ typ, query string }

// readBenchQueries reads type<TAB>text lines and writes them in the query
// syntax: "and" as +a +b, "phrase" in quotes.
func readBenchQueries(path string) ([]benchQuery, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	var out []benchQuery
	for _, line := range strings.Split(string(data), "\n") {
		typ, text, ok := strings.Cut(strings.TrimRight(line, "\r"), "\t")
		if !ok || strings.TrimSpace(text) == "" {
			continue
		}
		q := text
		switch typ {
		case "and":
			words := strings.Fields(text)
			for i := range words {
				words[i] = "+" + words[i]
			}
			q = strings.Join(words, " ")
		case "phrase":
			q = `"` + text + `"`
		}
		out = append(out, benchQuery{typ: typ, query: q})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("bench: %s: no queries", path)
	}
	return out, nil
}

// timeQueries runs warmup queries, then every query once, one at a time.
func timeQueries(ctx context.Context, ix *index.Index, qs []benchQuery, warmup int) (map[string]queryStats, error) {
	for i := 0; i < warmup; i++ {
		if _, err := ix.Search(ctx, index.Request{Query: qs[i%len(qs)].query}); err != nil {
			return nil, fmt.Errorf("bench: %q: %w", qs[i%len(qs)].query, err)
		}
	}
	times := map[string][]time.Duration{}
	hits := map[string]int{}
	runtime.GC()
	for _, q := range qs {
		t0 := time.Now()
		res, err := ix.Search(ctx, index.Request{Query: q.query})
		d := time.Since(t0)
		if err != nil {
			return nil, fmt.Errorf("bench: %q: %w", q.query, err)
		}
		times[q.typ] = append(times[q.typ], d)
		times["all"] = append(times["all"], d)
		hits[q.typ] += res.Total
		hits["all"] += res.Total
	}
	out := map[string]queryStats{}
	for typ, ts := range times {
		sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		out[typ] = queryStats{
			N:     len(ts),
			P50ms: ms(ts[len(ts)/2]),
			P99ms: ms(ts[min(len(ts)-1, len(ts)*99/100)]),
			Max:   ms(ts[len(ts)-1]),
			Hits:  float64(hits[typ]) / float64(len(ts)),
		}
	}
	return out, nil
}

// peakRSS returns the process's peak resident set size (Linux VmHWM), or 0.
func peakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				kb, _ := strconv.ParseInt(f[0], 10, 64)
				return kb * 1024
			}
		}
	}
	return 0
}

func printBench(w io.Writer, r benchReport) {
	fmt.Fprintf(w, "documents      %d (%d sections), %.1f MB of text\n", r.Documents, r.Sections, float64(r.TextBytes)/1e6)
	fmt.Fprintf(w, "indexing       %.1f s (reading %.1f s; %.1f s CPU): %.0f docs/s, %.1f MB/s\n", r.IndexSeconds, r.ReadSeconds, r.CPUSeconds, r.DocsPerSecond, r.MBPerSecond)
	fmt.Fprintf(w, "index size     %.1f MB (%.2f × text)\n", float64(r.IndexBytes)/1e6, float64(r.IndexBytes)/float64(max(r.TextBytes, 1)))
	fmt.Fprintf(w, "peak RSS       %.0f MiB\n", float64(r.PeakRSSBytes)/(1<<20))
	types := make([]string, 0, len(r.Queries))
	for t := range r.Queries {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		q := r.Queries[t]
		fmt.Fprintf(w, "query %-8s n=%-4d p50 %6.2f ms  p99 %6.2f ms  max %6.1f ms  mean hits %.0f\n", t, q.N, q.P50ms, q.P99ms, q.Max, q.Hits)
	}
}

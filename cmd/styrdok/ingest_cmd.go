package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"styrdok/corpus"
	"styrdok/ingest"
)

type ingestOptions struct {
	Municipality string
	Title        string
	Force        bool
}

// ingestOutcome is what happened to one input, as printed with --json.
type ingestOutcome struct {
	Path         string `json:"path"`
	ID           string `json:"id,omitempty"`
	Municipality string `json:"municipality,omitempty"`
	Title        string `json:"title,omitempty"`
	Status       string `json:"status"` // added, unchanged, replaced, failed
	Replaced     string `json:"replaced,omitempty"`
	Error        string `json:"error,omitempty"`
}

func newIngestCmd(g *globalOptions) *cobra.Command {
	var opts ingestOptions
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Read, repair and analyze documents into the corpus",
		Long: `ingest reads files (PDF, DOCX, ODT, HTML, Markdown, text), folders
(recursively, files with those extensions) or - for standard input, repairs
the text, extracts the model and stores each document in the corpus.
Identical bytes are stored once; a changed file replaces its old version.`,
		Example: `  styrdok ingest ../shared/seeds
  styrdok ingest --corpus ./mycorpus policy.pdf strategi.docx
  curl -s ... | styrdok ingest --municipality Lund -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("ingest: give at least one file, folder or -")
			}
			return runIngest(cmd.Context(), g, opts, args)
		},
	}
	cmd.Flags().StringVar(&opts.Municipality, "municipality", "", "municipality of every input (default: detected from the text)")
	cmd.Flags().StringVar(&opts.Title, "title", "", "title of every input (default: detected from the text)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "re-analyze and store inputs even when their bytes are already stored")
	return cmd
}

// ingestExtensions are the file endings ingest picks up when walking a folder.
var ingestExtensions = map[string]bool{
	".pdf": true, ".txt": true, ".text": true, ".md": true, ".markdown": true,
	".html": true, ".htm": true, ".xhtml": true, ".docx": true, ".odt": true,
}

// input is one file to ingest, with the facts a folder's manifest gives.
type input struct {
	Path string
	Opts ingest.Options
}

// expandInputs turns the command's arguments into a list of inputs: files
// as given, folders walked recursively for known extensions, "-" as is. A
// folder's MANIFEST.tsv (see readManifest) supplies municipality and title.
func expandInputs(args []string) (inputs []input, errs []ingestOutcome) {
	for _, a := range args {
		if a == "-" {
			inputs = append(inputs, input{Path: a})
			continue
		}
		info, err := os.Stat(a)
		if err != nil {
			errs = append(errs, ingestOutcome{Path: a, Status: "failed", Error: describeErr(err)})
			continue
		}
		if !info.IsDir() {
			in := input{Path: a}
			if m, err := readManifest(filepath.Dir(a)); err == nil {
				in.Opts = m[filepath.Base(a)]
			}
			inputs = append(inputs, in)
			continue
		}
		var found []string
		manifests := map[string]map[string]ingest.Options{}
		walkErr := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, ingestOutcome{Path: p, Status: "failed", Error: describeErr(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") && p != a {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.IsDir() && ingestExtensions[strings.ToLower(filepath.Ext(name))] {
				found = append(found, p)
			}
			return nil
		})
		if walkErr != nil {
			errs = append(errs, ingestOutcome{Path: a, Status: "failed", Error: describeErr(walkErr)})
		}
		sort.Strings(found)
		for _, p := range found {
			dir := filepath.Dir(p)
			m, ok := manifests[dir]
			if !ok {
				var err error
				if m, err = readManifest(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
					errs = append(errs, ingestOutcome{Path: filepath.Join(dir, manifestName), Status: "failed", Error: describeErr(err)})
				}
				manifests[dir] = m
			}
			inputs = append(inputs, input{Path: p, Opts: m[filepath.Base(p)]})
		}
	}
	return inputs, errs
}

// manifestName is the optional per-folder table of known facts.
const manifestName = "MANIFEST.tsv"

// readManifest reads dir/MANIFEST.tsv: a tab-separated table with a header
// row naming at least the columns "file" and "municipality" (and optionally
// "title"), so a batch of documents can carry facts the text may not state.
func readManifest(dir string) (map[string]ingest.Options, error) {
	data, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	col := map[string]int{}
	for i, h := range strings.Split(lines[0], "\t") {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	fileCol, ok1 := col["file"]
	townCol, ok2 := col["municipality"]
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("header needs the columns file and municipality")
	}
	titleCol, hasTitle := col["title"]
	m := map[string]ingest.Options{}
	for _, l := range lines[1:] {
		cells := strings.Split(l, "\t")
		if len(cells) <= max(fileCol, townCol) {
			continue
		}
		o := ingest.Options{Municipality: strings.TrimSpace(cells[townCol])}
		if hasTitle && titleCol < len(cells) {
			o.Title = strings.TrimSpace(cells[titleCol])
		}
		m[strings.TrimSpace(cells[fileCol])] = o
	}
	return m, nil
}

// describeErr turns an error into one line without a repeated path where
// the os package already put it.
func describeErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func runIngest(ctx context.Context, g *globalOptions, opts ingestOptions, args []string) error {
	dir := g.Corpus
	if dir == "" {
		dir = corpus.DefaultDir()
	}
	st, err := corpus.OpenStore(dir)
	if err != nil {
		return err
	}
	inputs, outcomes := expandInputs(args)
	var stored []*corpus.Document
	var replaced []string
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		o := opts
		if o.Municipality == "" {
			o.Municipality = in.Opts.Municipality
		}
		if o.Title == "" {
			o.Title = in.Opts.Title
		}
		out := ingestOne(g, st, in.Path, o)
		outcomes = append(outcomes, out.ingestOutcome)
		if out.doc != nil {
			stored = append(stored, out.doc)
		}
		if out.Replaced != "" {
			replaced = append(replaced, out.Replaced)
		}
	}
	if err := updateIndex(g, dir, stored, replaced); err != nil {
		return err
	}
	return reportIngest(g, dir, outcomes)
}

type ingestResult struct {
	ingestOutcome
	doc *corpus.Document // set when the document was (re)stored
}

func ingestOne(g *globalOptions, st *corpus.Store, path string, opts ingestOptions) ingestResult {
	res := ingestResult{ingestOutcome: ingestOutcome{Path: path}}
	name := path
	fail := func(err error) ingestResult {
		res.Status = "failed"
		msg := describeErr(err)
		// Readers name the input (by the name they were given, which is
		// the absolute path) in their errors; the outcome names it already.
		msg = strings.TrimPrefix(msg, name+": ")
		msg = strings.TrimPrefix(msg, path+": ")
		res.Error = msg
		return res
	}
	var data []byte
	var err error
	if path == "-" {
		data, err = readAllLimited(g.Stdin)
		name = "stdin"
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return fail(err)
	}
	if abs, err := filepath.Abs(name); err == nil && path != "-" {
		name = abs
	}
	id := corpus.IDFor(data)
	if !opts.Force {
		if _, err := st.Get(id); err == nil {
			res.ID, res.Status = id, "unchanged"
			return res
		}
	}
	d, err := process(name, data, ingest.Options{Municipality: opts.Municipality, Title: opts.Title})
	if err != nil {
		return fail(err)
	}
	put, err := st.Put(d, opts.Force)
	if err != nil {
		return fail(err)
	}
	res.ID, res.Municipality, res.Title = d.ID, d.Municipality, d.Title
	switch {
	case put.Unchanged:
		res.Status = "unchanged"
	case put.Replaced != "":
		res.Status, res.Replaced, res.doc = "replaced", put.Replaced, d
	default:
		res.Status, res.doc = "added", d
	}
	return res
}

// maxInput bounds what is read from standard input (1 GiB).
const maxInput = 1 << 30

func readAllLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxInput {
		return nil, fmt.Errorf("input larger than %d bytes", maxInput)
	}
	return data, nil
}

func reportIngest(g *globalOptions, dir string, outcomes []ingestOutcome) error {
	failed := 0
	counts := map[string]int{}
	for _, o := range outcomes {
		counts[o.Status]++
		if o.Status == "failed" {
			failed++
			fmt.Fprintf(g.Stderr, "styrdok: %s: %s\n", o.Path, o.Error)
		}
	}
	if g.JSON {
		enc := json.NewEncoder(g.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(outcomes); err != nil {
			return err
		}
	} else {
		for _, o := range outcomes {
			if o.Status == "failed" {
				continue
			}
			fmt.Fprintf(g.Stdout, "%-9s %s  %-14s %s\n", o.Status, o.ID, o.Municipality, o.Path)
		}
	}
	if !g.Quiet {
		fmt.Fprintf(g.Stderr, "styrdok: %d added, %d replaced, %d unchanged, %d failed (corpus %s)\n",
			counts["added"], counts["replaced"], counts["unchanged"], failed, dir)
	}
	switch {
	case failed > 0 && failed == len(outcomes):
		return fmt.Errorf("no input could be ingested")
	case failed > 0:
		return partialError{failed: failed, total: len(outcomes)}
	}
	return nil
}

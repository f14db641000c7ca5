package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"styrdok/corpus"
	"styrdok/reports"
)

// reportOptions are the output flags compare and report share.
type reportOptions struct {
	Format string // md, csv, json, xlsx, html; empty: from Output's extension, else md
	Output string // file to write (temp file + rename); empty or "-": standard output
	Excel  bool   // CSV for Swedish Excel: ";" and a UTF-8 BOM
	Table  string // CSV: which table
}

func addReportFlags(cmd *cobra.Command, opts *reportOptions, tables string) {
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "", "output format: "+strings.Join(reports.Formats(), "|")+" (default: from -o's extension, else md)")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to FILE (format from its extension) instead of standard output")
	cmd.Flags().BoolVar(&opts.Excel, "excel", false, "CSV for Swedish Excel: ';' between fields and a UTF-8 BOM")
	cmd.Flags().StringVar(&opts.Table, "table", "", "CSV: the table to write ("+tables+")")
}

func newCompareCmd(g *globalOptions) *cobra.Command {
	var opts reportOptions
	cmd := &cobra.Command{
		Use:   "compare [ID|MUNICIPALITY|FILE|FOLDER ...]",
		Short: "Compare documents side by side: overview, themes, actors, goals (md, csv, json, xlsx, html)",
		Long: `compare prints the cross-city comparison of steering documents: an overview
with one row per document (type, title, adoption, revision, validity, what
it replaces, goals, who coordinates, who follows up and how often, themes,
networks, twin cities and quality columns), a themes × municipalities
matrix, actors × responsibility kinds and the goals in long form. Every fact
cites its evidence: footnotes in Markdown, cell comments in XLSX, tooltips
and links in HTML, a separate table in CSV (--table evidence).

Without arguments it compares the whole corpus (the five embedded seed
documents unless --corpus or the default store has documents). Arguments
select documents: an ID or ID prefix, a municipality, or a file or folder,
which is read, repaired and analysed on the spot.`,
		Example: `  styrdok compare
  styrdok compare Växjö Malmö
  styrdok compare -o jamforelse.html
  styrdok compare -o jamforelse.xlsx
  styrdok compare --format csv --excel --table themes > teman.csv
  styrdok compare policy.pdf strategi.docx --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCompare(g, opts, args)
		},
	}
	addReportFlags(cmd, &opts, strings.Join(reports.TableNames(), ", "))
	return cmd
}

func runCompare(g *globalOptions, opts reportOptions, args []string) error {
	format, err := reportFormat(g, opts)
	if err != nil {
		return err
	}
	docs, source, err := selectDocuments(g, args)
	if err != nil {
		return err
	}
	r := reports.Build(docs)
	return writeReport(g, r, opts, reports.Options{Format: format, Table: opts.Table, Excel: opts.Excel, Source: source})
}

// reportFormat decides the output format: --format, else -o's extension,
// else JSON with --json, else Markdown.
func reportFormat(g *globalOptions, opts reportOptions) (string, error) {
	switch {
	case opts.Format != "":
		f, err := reports.ParseFormat(opts.Format)
		if err != nil {
			return "", usagef("--format: %w", err)
		}
		return f, nil
	case opts.Output != "" && opts.Output != "-":
		f := reports.FormatFromPath(opts.Output)
		if f == "" {
			return "", usagef("-o %s: cannot tell the format from the extension; give --format %s", opts.Output, strings.Join(reports.Formats(), "|"))
		}
		return f, nil
	case g.JSON:
		return reports.FormatJSON, nil
	}
	return reports.FormatMarkdown, nil
}

// selectDocuments returns the documents the arguments name, or the whole
// corpus without arguments, and says where they came from. A FILE argument
// is run through the pipeline; any other is an ID, ID prefix or
// municipality of the corpus.
func selectDocuments(g *globalOptions, args []string) ([]*corpus.Document, string, error) {
	var all []*corpus.Document
	var src corpusSource
	loaded := false
	load := func() error {
		if loaded {
			return nil
		}
		var err error
		all, src, err = loadCorpus(g)
		loaded = err == nil
		return err
	}
	if len(args) == 0 {
		if err := load(); err != nil {
			return nil, "", err
		}
		return all, sourceName(src), nil
	}
	var docs []*corpus.Document
	seen := map[string]bool{}
	files := false
	for _, a := range args {
		var found []*corpus.Document
		if isFileArg(a) {
			// Files and folders (walked like ingest does, with their
			// MANIFEST.tsv) are read, repaired and analysed here.
			inputs, errs := expandInputs([]string{a})
			if len(errs) > 0 {
				return nil, "", fmt.Errorf("%s: %s", errs[0].Path, errs[0].Error)
			}
			for _, in := range inputs {
				d, err := processFile(in.Path, g.Stdin, in.Opts)
				if err != nil {
					return nil, "", fmt.Errorf("%s: %w", in.Path, err)
				}
				found = append(found, d)
			}
			files = true
		} else {
			if err := load(); err != nil {
				return nil, "", err
			}
			var err error
			if found, err = corpus.Find(all, a); err != nil {
				return nil, "", err
			}
		}
		for _, d := range found {
			if !seen[d.ID] {
				seen[d.ID] = true
				docs = append(docs, d)
			}
		}
	}
	switch {
	case loaded && files:
		return docs, sourceName(src) + " och filer", nil
	case loaded:
		return docs, sourceName(src), nil
	}
	return docs, "filer", nil
}

// isFileArg reports whether a command argument names a file or folder to
// read ("-" is standard input) rather than a document of the corpus.
func isFileArg(a string) bool {
	if a == "-" {
		return true
	}
	st, err := os.Stat(a)
	return err == nil && (st.Mode().IsRegular() || st.IsDir())
}

// sourceName says in Swedish where a report's documents came from.
func sourceName(src corpusSource) string {
	if src.Embedded {
		return "de inbyggda exempeldokumenten"
	}
	return "korpusen i " + src.Dir
}

// writeReport renders r into memory and then writes it to standard output
// or, with -o, to a temporary file renamed into place, so that a failure
// never leaves half a report.
func writeReport(g *globalOptions, r *reports.Report, opts reportOptions, ro reports.Options) error {
	toStdout := opts.Output == "" || opts.Output == "-"
	if ro.Format == reports.FormatXLSX && toStdout && isTTY(g.Stdout) {
		return usagef("xlsx is a binary format: give -o FILE.xlsx")
	}
	var buf bytes.Buffer
	if err := r.Write(&buf, ro); err != nil {
		return err
	}
	if toStdout {
		_, err := g.Stdout.Write(buf.Bytes())
		return err
	}
	if err := corpus.WriteFileAtomic(opts.Output, buf.Bytes()); err != nil {
		return fmt.Errorf("write %s: %w", opts.Output, err)
	}
	if !g.Quiet {
		fmt.Fprintf(g.Stderr, "styrdok: wrote %s (%s, %d documents)\n", opts.Output, ro.Format, len(r.Documents))
	}
	return nil
}

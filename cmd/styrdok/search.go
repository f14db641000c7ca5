package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"styrdok/index"
)

type searchOptions struct {
	Municipality string
	Section      string
	Type         string
	Year         string // 2015 or 2015-2020
	Limit        int
	Offset       int
}

func newSearchCmd(g *globalOptions) *cobra.Command {
	var opts searchOptions
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Search the corpus section by section",
		Long: `search finds the sections of the corpus that match QUERY and prints them
ranked, with the municipality, document, section, line, highlighted passages
and a keyword-in-context line, then hit counts by municipality, section,
type and year.

Query syntax (words are stemmed, and å/ä/ö match a/o: "forvaltningarna"
finds "förvaltningarna", "uppföljningen" finds "uppföljning"):

  word            should match; with several, sections matching more rank higher
  +word  -word    must / must not match
  "two words"     a phrase: the words next to each other
  word~1          fuzzy: one edit away (word~2: two)
  prefix*         words that start with prefix
  kommun:Lund  avsnitt:ansvar  typ:strategi  år:2015-2020  doc:ID   filters

The index lives in the corpus directory (CORPUS/index) and is kept up to date
by ingest; the embedded seed corpus is indexed in memory on each search.`,
		Example: `  styrdok search uppföljning
  styrdok search '+"internationella arbetet" -bistånd' --municipality Malmö
  styrdok search 'samverk*' --section ansvar --year 2010-2020 --json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("search: give a query")
			}
			return runSearch(cmd.Context(), g, opts, strings.Join(args, " "))
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Municipality, "municipality", "", "only this municipality")
	f.StringVar(&opts.Section, "section", "", "only sections with this label (syfte, mal, ansvar, uppfoljning …)")
	f.StringVar(&opts.Type, "type", "", "only documents of this type (strategi, policy, plan, program, riktlinjer)")
	f.StringVar(&opts.Year, "year", "", "only documents adopted in this year or range (2015, 2015-2020, 2015-)")
	f.IntVar(&opts.Limit, "limit", 10, "number of hits to show")
	f.IntVar(&opts.Offset, "offset", 0, "hits to skip (paging)")
	return cmd
}

// searchOutput is what search --json prints.
type searchOutput struct {
	Query  string `json:"query"`
	Corpus string `json:"corpus"`
	*index.Result
}

func runSearch(ctx context.Context, g *globalOptions, opts searchOptions, query string) error {
	req := index.Request{
		Query:        query,
		Municipality: opts.Municipality,
		Section:      opts.Section,
		Type:         opts.Type,
		Limit:        opts.Limit,
		Offset:       opts.Offset,
	}
	if opts.Limit < 0 || opts.Offset < 0 {
		return usagef("search: --limit and --offset must not be negative")
	}
	if opts.Year != "" {
		from, to, err := index.ParseYears(opts.Year)
		if err != nil {
			return usagef("search: --year: %v", err)
		}
		req.YearFrom, req.YearTo = from, to
	}
	ix, src, err := openSearchIndex(g)
	if err != nil {
		return err
	}
	defer ix.Close()
	res, err := ix.Search(ctx, req)
	var pe *index.ParseError
	if errors.As(err, &pe) {
		return usagef("search: %v", pe)
	}
	if err != nil {
		return err
	}
	if g.JSON {
		enc := json.NewEncoder(g.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(searchOutput{Query: query, Corpus: src.String(), Result: res})
	}
	printSearch(g.Stdout, query, res, req.Offset)
	return nil
}

// openSearchIndex opens the index of the corpus a reading command uses.
// The embedded seeds are indexed in memory. A store whose index is
// missing or was built with another analyzer version gets it rebuilt,
// with a message.
func openSearchIndex(g *globalOptions) (*index.Index, corpusSource, error) {
	src := resolveCorpus(g)
	if src.Embedded {
		docs, src, err := loadCorpus(g)
		if err != nil {
			return nil, src, err
		}
		ix, err := index.OpenMem()
		if err != nil {
			return nil, src, err
		}
		if err := ix.Put(docs...); err != nil {
			ix.Close()
			return nil, src, err
		}
		return ix, src, nil
	}
	dir := searchIndexDir(src.Dir)
	ix, err := index.Open(dir)
	if errors.Is(err, index.ErrNoIndex) || errors.Is(err, index.ErrStale) {
		if !g.Quiet {
			fmt.Fprintf(g.Stderr, "styrdok: %v; building it from the store\n", err)
		}
		if _, err := rebuildIndex(g, src.Dir); err != nil {
			return nil, src, err
		}
		ix, err = index.Open(dir)
	}
	if err != nil {
		return nil, src, err
	}
	return ix, src, nil
}

// printSearch writes the hits for people: one block per hit, then facets.
func printSearch(w io.Writer, query string, res *index.Result, offset int) {
	switch {
	case res.Total == 0:
		fmt.Fprintf(w, "Inga träffar för %s.\n", query)
	case len(res.Hits) == 0:
		fmt.Fprintf(w, "%d träffar för %s; inga fler efter %d.\n", res.Total, query, offset)
	default:
		fmt.Fprintf(w, "%d träffar för %s (visar %d–%d)\n", res.Total, query, offset+1, offset+len(res.Hits))
	}
	if len(res.Ignored) > 0 {
		fmt.Fprintf(w, "Stoppord som inte söks: %s\n", strings.Join(res.Ignored, ", "))
	}
	for i, h := range res.Hits {
		fmt.Fprintln(w)
		section := h.Heading
		if h.Label != "" {
			section = strings.TrimSpace("[" + h.Label + "] " + h.Heading)
		}
		if section == "" {
			section = "(utanför avsnitt)"
		}
		title := h.Title
		if title == "" {
			title = h.DocID
		}
		fmt.Fprintf(w, "%d. %s: %s\n", offset+i+1, orDash(h.Municipality), title)
		fmt.Fprintf(w, "   %s, rad %d (dokument %s, rader %d–%d)\n", section, h.Line, h.DocID, h.StartLine, h.EndLine)
		for _, f := range h.Fragments {
			fmt.Fprintf(w, "   %s\n", f.Marked("«", "»", nil))
		}
		if h.KWIC.Match != "" {
			fmt.Fprintf(w, "   KWIC: %40s«%s»%s\n", h.KWIC.Left, h.KWIC.Match, h.KWIC.Right)
		}
	}
	if res.Total == 0 {
		return
	}
	fmt.Fprintln(w)
	printFacet(w, "Kommun", res.Facets.Municipality)
	printFacet(w, "Avsnitt", res.Facets.Section)
	printFacet(w, "Typ", res.Facets.Type)
	printFacet(w, "År", res.Facets.Year)
}

func printFacet(w io.Writer, name string, values []index.FacetValue) {
	if len(values) == 0 {
		return
	}
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = fmt.Sprintf("%s %d", orDash(v.Value), v.Count)
	}
	fmt.Fprintf(w, "%-8s %s\n", name+":", strings.Join(parts, ", "))
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

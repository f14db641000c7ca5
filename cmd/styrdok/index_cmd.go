package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"styrdok/index"
)

type indexOptions struct {
	Rebuild bool
}

func newIndexCmd(g *globalOptions) *cobra.Command {
	var opts indexOptions
	cmd := &cobra.Command{
		Use:   "index",
		Short: "Show or rebuild the search index of the corpus",
		Long: `index shows the state of the search index of the corpus (CORPUS/index):
its analyzer version, sections and size. With --rebuild it indexes every
stored document into a new index and swaps it in atomically; searches keep
using the old index until the new one is complete.

ingest keeps the index up to date, so --rebuild is only needed after an
upgrade (search rebuilds an index of another analyzer version by itself)
or to compact an index that many small ingests have fragmented.`,
		Example: `  styrdok index
  styrdok index --rebuild --corpus ./mycorpus`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIndex(cmd.Context(), g, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Rebuild, "rebuild", false, "rebuild the index from the store")
	return cmd
}

// indexStatus is what index --json prints.
type indexStatus struct {
	Corpus          string  `json:"corpus"`
	Index           string  `json:"index"`
	Exists          bool    `json:"exists"`
	AnalyzerVersion string  `json:"analyzer_version"`
	Current         bool    `json:"current"` // built with this version
	Sections        uint64  `json:"sections"`
	Bytes           int64   `json:"bytes"`
	Rebuilt         bool    `json:"rebuilt"`
	Documents       int     `json:"documents,omitempty"` // indexed by --rebuild
	Seconds         float64 `json:"seconds,omitempty"`
}

func runIndex(ctx context.Context, g *globalOptions, opts indexOptions) error {
	src := resolveCorpus(g)
	if src.Embedded {
		return usagef("index: no corpus store (give --corpus DIR); the embedded seed corpus is indexed in memory on each search")
	}
	st := indexStatus{Corpus: src.Dir, Index: searchIndexDir(src.Dir), AnalyzerVersion: index.AnalyzerVersion}
	if opts.Rebuild {
		start := time.Now()
		n, err := rebuildIndex(g, src.Dir)
		if err != nil {
			return err
		}
		st.Rebuilt, st.Documents, st.Seconds = true, n, time.Since(start).Seconds()
	}
	ix, err := index.Open(st.Index)
	switch {
	case errors.Is(err, index.ErrNoIndex):
	case errors.Is(err, index.ErrStale):
		st.Exists = true
	case err != nil:
		return err
	default:
		st.Exists, st.Current = true, true
		st.Sections, err = ix.DocCount()
		ix.Close()
		if err != nil {
			return err
		}
	}
	if st.Exists {
		st.Bytes, _ = index.Size(st.Index)
	}
	if g.JSON {
		enc := json.NewEncoder(g.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	w := g.Stdout
	if st.Rebuilt {
		fmt.Fprintf(w, "rebuilt: %d documents in %.1f s\n", st.Documents, st.Seconds)
	}
	switch {
	case !st.Exists:
		fmt.Fprintf(w, "no index in %s (styrdok index --rebuild builds it; search and ingest do too)\n", st.Index)
	case !st.Current:
		fmt.Fprintf(w, "index %s was built with another analyzer version (want %s); search or index --rebuild rebuilds it\n", st.Index, st.AnalyzerVersion)
	default:
		fmt.Fprintf(w, "index %s: %d sections, %.1f MB, analyzer %s\n", st.Index, st.Sections, float64(st.Bytes)/1e6, st.AnalyzerVersion)
	}
	return nil
}

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"styrdok/corpus"
)

// docSummary is one row of `styrdok list --json`.
type docSummary struct {
	ID           string `json:"id"`
	Municipality string `json:"municipality"`
	Type         string `json:"type"`
	Title        string `json:"title"`
	Format       string `json:"format"`
	Source       string `json:"source"`
	Size         int64  `json:"size"`
	Sections     int    `json:"sections"`
	Goals        int    `json:"goals"`
	Changes      int    `json:"changes"`
}

func summaryRow(s corpus.Summary) docSummary {
	return docSummary{
		ID: s.ID, Municipality: s.Municipality, Type: s.Type, Title: s.Title,
		Format: s.Format, Source: s.Source, Size: s.Size,
		Sections: s.Sections, Goals: s.Goals, Changes: s.Changes,
	}
}

// loadSummaries returns the summaries of the corpus a reading command uses
// (see loadCorpus): from a store without decoding whole documents.
func loadSummaries(g *globalOptions) ([]corpus.Summary, corpusSource, error) {
	src := resolveCorpus(g)
	if src.Embedded {
		docs, src, err := loadCorpus(g)
		if err != nil {
			return nil, src, err
		}
		sums := make([]corpus.Summary, len(docs))
		for i, d := range docs {
			sums[i] = corpus.Summarize(d)
		}
		return sums, src, nil
	}
	if _, err := os.Stat(filepath.Join(src.Dir, "docs")); err != nil {
		return nil, src, fmt.Errorf("corpus %s: no store here (run styrdok ingest --corpus %s FILES first)", src.Dir, src.Dir)
	}
	st, err := corpus.OpenStore(src.Dir)
	if err != nil {
		return nil, src, err
	}
	sums, err := st.Summaries()
	if err != nil {
		if len(sums) == 0 {
			return nil, src, err
		}
		if !g.Quiet {
			fmt.Fprintln(g.Stderr, "styrdok: warning:", err)
		}
	}
	return sums, src, nil
}

func newListCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the documents in the corpus",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runList(g)
		},
	}
}

func runList(g *globalOptions) error {
	sums, src, err := loadSummaries(g)
	if err != nil {
		return err
	}
	rows := make([]docSummary, len(sums))
	for i, s := range sums {
		rows[i] = summaryRow(s)
	}
	if g.JSON {
		enc := json.NewEncoder(g.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	tw := tabwriter.NewWriter(g.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKOMMUN\tTYP\tTITEL\tFORMAT\tAVSNITT\tMÅL\tRÄTTELSER")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\n", r.ID, dash(r.Municipality), dash(r.Type),
			dash(truncate(r.Title, 60)), r.Format, r.Sections, r.Goals, r.Changes)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !g.Quiet {
		fmt.Fprintf(g.Stderr, "%d documents (%s)\n", len(rows), src)
	}
	return nil
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// findDocuments returns the documents ref names (an ID, a unique ID prefix
// or a municipality; see corpus.Find) in the corpus a reading command uses.
// From a store it resolves ref with the summaries and reads only the
// documents found.
func findDocuments(g *globalOptions, ref string) ([]*corpus.Document, error) {
	if resolveCorpus(g).Embedded {
		docs, _, err := loadCorpus(g)
		if err != nil {
			return nil, err
		}
		return corpus.Find(docs, ref)
	}
	sums, src, err := loadSummaries(g)
	if err != nil {
		return nil, err
	}
	found, err := corpus.FindSummaries(sums, ref)
	if err != nil {
		return nil, err
	}
	st, err := corpus.OpenStore(src.Dir)
	if err != nil {
		return nil, err
	}
	docs := make([]*corpus.Document, 0, len(found))
	for _, s := range found {
		d, err := st.Get(s.ID)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

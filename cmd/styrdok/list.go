package main

import (
	"encoding/json"
	"fmt"
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

func summarize(d *corpus.Document) docSummary {
	s := docSummary{
		ID: d.ID, Municipality: d.Municipality, Type: d.Type, Title: d.Title,
		Format: d.Format, Source: d.Source, Size: d.Size,
		Sections: len(d.Sections), Changes: len(d.Changes),
	}
	if d.Model != nil {
		s.Goals = len(d.Model.Goals)
	}
	return s
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
	docs, src, err := loadCorpus(g)
	if err != nil {
		return err
	}
	rows := make([]docSummary, len(docs))
	for i, d := range docs {
		rows[i] = summarize(d)
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

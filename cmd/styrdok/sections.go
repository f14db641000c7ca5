package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"styrdok/corpus"
)

func newSectionsCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "sections FILE|ID",
		Short: "List a document's sections: label, heading and lines",
		Long: `sections lists the sections found in one document with their label
(syfte, mal, inriktning, strategier, principer, ansvar, uppfoljning,
bakgrund, definitioner, bilaga, ovrigt), heading and the lines of the input
they span. A file that holds several documents (a remiss) shows the part
each section belongs to.

If the argument is an existing file it is analysed on the spot; otherwise
it names a document of the corpus (ID, ID prefix or municipality).`,
		Args: cobra.ExactArgs(1),
		Example: `  styrdok sections strategi.docx
  styrdok sections Malmö --json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSections(g, args[0])
		},
	}
}

func runSections(g *globalOptions, ref string) error {
	docs, err := resolveDocuments(g, ref)
	if err != nil {
		return err
	}
	if g.JSON {
		enc := json.NewEncoder(g.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		out := make([][]corpus.Section, len(docs))
		for i, d := range docs {
			out[i] = d.Sections
			if out[i] == nil {
				out[i] = []corpus.Section{}
			}
		}
		if len(out) == 1 {
			return enc.Encode(out[0])
		}
		return enc.Encode(out)
	}
	for i, d := range docs {
		if i > 0 {
			fmt.Fprintln(g.Stdout)
		}
		fmt.Fprintf(g.Stdout, "%s\n", d.Label())
		tw := tabwriter.NewWriter(g.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "rader\tetikett\tdel\trubrik")
		for _, s := range d.Sections {
			part := s.Part
			if part == "" {
				part = "–"
			}
			fmt.Fprintf(tw, "%d-%d\t%s\t%s\t%s\n", s.StartLine, s.EndLine, s.Label, part, s.Heading)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

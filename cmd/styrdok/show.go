package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"styrdok/corpus"
)

type showOptions struct {
	Text bool
	Raw  bool
}

func newShowCmd(g *globalOptions) *cobra.Command {
	var opts showOptions
	cmd := &cobra.Command{
		Use:   "show ID|MUNICIPALITY",
		Short: "Show a document: summary and sections, its text, or all of it as JSON",
		Args:  cobra.ExactArgs(1),
		Example: `  styrdok show Växjö
  styrdok show 4586a6d2 --text
  styrdok show Malmö --json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runShow(g, opts, args[0])
		},
	}
	cmd.Flags().BoolVar(&opts.Text, "text", false, "print the repaired text")
	cmd.Flags().BoolVar(&opts.Raw, "raw", false, "print the text as read, before repair")
	return cmd
}

func runShow(g *globalOptions, opts showOptions, ref string) error {
	found, err := findDocuments(g, ref)
	if err != nil {
		return err
	}
	switch {
	case g.JSON:
		enc := json.NewEncoder(g.Stdout)
		enc.SetIndent("", "  ")
		if len(found) == 1 {
			return enc.Encode(found[0])
		}
		return enc.Encode(found)
	case opts.Text || opts.Raw:
		for _, d := range found {
			text := d.Text
			if opts.Raw {
				text = d.Raw
			}
			if _, err := io.WriteString(g.Stdout, text); err != nil {
				return err
			}
		}
		return nil
	}
	for i, d := range found {
		if i > 0 {
			fmt.Fprintln(g.Stdout)
		}
		printDocument(g.Stdout, d)
	}
	return nil
}

func printDocument(w io.Writer, d *corpus.Document) {
	fmt.Fprintf(w, "%s\n", d.Label())
	fmt.Fprintf(w, "  id:        %s\n  källa:     %s (%s, %d byte)\n", d.ID, d.Source, d.Format, d.Size)
	fmt.Fprintf(w, "  kommun:    %s\n  typ:       %s\n", dash(d.Municipality), dash(d.Type))
	if len(d.Pages) > 0 {
		fmt.Fprintf(w, "  sidor:     %d\n", len(d.Pages))
	}
	fmt.Fprintf(w, "  rättelser: %d\n", len(d.Changes))
	if len(d.Sections) > 0 {
		fmt.Fprintln(w, "  avsnitt:")
		for _, s := range d.Sections {
			fmt.Fprintf(w, "    %4d-%-4d %-12s %s\n", s.StartLine, s.EndLine, s.Label, s.Heading)
		}
	}
	for _, n := range d.Notes {
		fmt.Fprintf(w, "  not (%s): %s\n", n.Kind, n.Message)
	}
}

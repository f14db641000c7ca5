package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"styrdok/corpus"
	"styrdok/ingest"
)

func newExtractCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "extract FILE|ID",
		Short: "Extract the structured model of a document (goals, actors, follow-up, dates, themes)",
		Long: `extract prints the structured model of one document: type, title, adoption,
validity, sections, vision, goals, actors and their responsibilities,
follow-up mechanisms, themes, networks and twin cities, each with the line
of the input where its evidence starts.

If the argument is an existing file, it is read, repaired and analysed on
the spot; otherwise it names a document of the corpus (ID, ID prefix or
municipality). With --json the output is the model contract
styrdok.model/1 (one object, or an array for several documents).`,
		Args: cobra.ExactArgs(1),
		Example: `  styrdok extract policy.pdf
  styrdok extract Växjö --json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(g, args[0])
		},
	}
}

// resolveDocuments returns the analysed documents an argument names: the
// file it is, if it exists (or "-" for standard input), else the corpus
// documents it refers to.
func resolveDocuments(g *globalOptions, ref string) ([]*corpus.Document, error) {
	if ref == "-" {
		d, err := processFile(ref, g.Stdin, ingest.Options{})
		if err != nil {
			return nil, err
		}
		return []*corpus.Document{d}, nil
	}
	if st, err := os.Stat(ref); err == nil && !st.IsDir() {
		d, err := processFile(ref, g.Stdin, ingest.Options{})
		if err != nil {
			return nil, err
		}
		return []*corpus.Document{d}, nil
	}
	return findDocuments(g, ref)
}

func runExtract(g *globalOptions, ref string) error {
	docs, err := resolveDocuments(g, ref)
	if err != nil {
		return err
	}
	if g.JSON {
		enc := json.NewEncoder(g.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if len(docs) == 1 {
			return enc.Encode(modelOf(docs[0]))
		}
		ms := make([]*corpus.Model, len(docs))
		for i, d := range docs {
			ms[i] = modelOf(d)
		}
		return enc.Encode(ms)
	}
	for i, d := range docs {
		if i > 0 {
			fmt.Fprintln(g.Stdout)
		}
		printModel(g.Stdout, d, modelOf(d))
	}
	return nil
}

// modelOf returns the document's model, with empty lists for a document
// stored without one.
func modelOf(d *corpus.Document) *corpus.Model {
	if d.Model != nil {
		return d.Model
	}
	return corpus.NewModel(d.Source)
}

func optDash(s corpus.Opt) string {
	if s == "" {
		return "–"
	}
	return string(s)
}

// printModel writes a readable Swedish summary of a model.
func printModel(w io.Writer, d *corpus.Document, m *corpus.Model) {
	fmt.Fprintf(w, "%s\n", d.Label())
	fmt.Fprintf(w, "  källa:        %s\n", m.Source)
	fmt.Fprintf(w, "  kommun:       %s\n", optDash(m.Municipality))
	fmt.Fprintf(w, "  typ:          %s\n", optDash(m.DocumentType))
	fmt.Fprintf(w, "  titel:        %s\n", optDash(m.Title))
	if m.Adopted != nil {
		fmt.Fprintf(w, "  antagen:      %s av %s (rad %d)\n", optDash(m.Adopted.Date), optDash(m.Adopted.By), m.Adopted.Line)
	} else {
		fmt.Fprintf(w, "  antagen:      –\n")
	}
	for _, r := range m.Revisions {
		fmt.Fprintf(w, "  reviderad:    %s av %s (rad %d)\n", optDash(r.Date), optDash(r.By), r.Line)
	}
	for _, r := range m.Replaces {
		fmt.Fprintf(w, "  ersätter:     %s %s (rad %d)\n", optDash(r.Title), optDash(r.Date), r.Line)
	}
	fmt.Fprintf(w, "  giltig till:  %s\n", optDash(m.ValidUntil))
	if len(m.RegistrationNumbers) > 0 {
		fmt.Fprintf(w, "  diarienr:     %s\n", strings.Join(m.RegistrationNumbers, ", "))
	}
	if m.Vision != "" {
		fmt.Fprintf(w, "  vision:       %s\n", m.Vision)
	}
	if len(m.Goals) > 0 {
		fmt.Fprintf(w, "  mål:\n")
		for _, g := range m.Goals {
			fmt.Fprintf(w, "    %4d  %-8s %s\n", g.Line, g.SectionLabel, g.Text)
		}
	}
	if len(m.Actors) > 0 {
		fmt.Fprintf(w, "  aktörer:\n")
		for _, a := range m.Actors {
			fmt.Fprintf(w, "    %s\n", a.Name)
			for _, r := range a.Responsibilities {
				fmt.Fprintf(w, "      %4d  %s %s\n", r.Line, r.Verb, r.Object)
			}
		}
	}
	if len(m.FollowUp) > 0 {
		fmt.Fprintf(w, "  uppföljning:\n")
		for _, f := range m.FollowUp {
			due := ""
			if f.Due != "" {
				due = " senast " + string(f.Due)
			}
			fmt.Fprintf(w, "    %4d  %-13s %-11s %s%s: %s\n", f.Line, f.Category, f.Interval, optDash(f.Who), due, f.What)
		}
	}
	if len(m.Themes) > 0 {
		fmt.Fprintf(w, "  teman:        %s\n", strings.Join(m.Themes, ", "))
	}
	if len(m.Networks) > 0 {
		fmt.Fprintf(w, "  nätverk:      %s\n", strings.Join(m.Networks, ", "))
	}
	if len(m.TwinCities) > 0 {
		fmt.Fprintf(w, "  vänorter:     %s\n", strings.Join(m.TwinCities, ", "))
	}
	for _, b := range m.BoilerplateSpans {
		fmt.Fprintf(w, "  utesluten:    rad %d-%d (%s)\n", b.StartLine, b.EndLine, b.Why)
	}
}

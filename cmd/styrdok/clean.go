package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"styrdok/corpus"
	"styrdok/ingest"
	"styrdok/ingest/repair"
)

type cleanOptions struct {
	Diff bool // show the changes instead of the text
}

// cleanReport is what `clean --json` prints.
type cleanReport struct {
	Source      string             `json:"source"`
	Format      string             `json:"format"`
	Changes     []corpus.Change    `json:"changes"`
	Boilerplate []corpus.LineRange `json:"boilerplate"`
	Text        string             `json:"text"`
}

func newCleanCmd(g *globalOptions) *cobra.Command {
	var opts cleanOptions
	cmd := &cobra.Command{
		Use:   "clean [FILE|-]",
		Short: "Repair damaged Swedish text and print it, or show what was changed",
		Long: `clean reads one document (any format ingest reads; standard input when
FILE is - or missing), repairs its text (mojibake, Unicode oddities, web
boilerplate, page headers and footers, footnotes, hyphenation, lost å/ä/ö)
and prints the repaired text. --diff shows every change with the fix that
made it and the line of the input it falls on; removed boilerplate is shown
in full. --json prints the changes, the boilerplate ranges and the text.`,
		Example: `  styrdok clean skannad.txt > lagad.txt
  styrdok clean --diff policy.pdf | less
  styrdok clean --json - < sida.html`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := "-"
			if len(args) == 1 {
				path = args[0]
			}
			return runClean(cmd.Context(), g, opts, path)
		},
	}
	cmd.Flags().BoolVar(&opts.Diff, "diff", false, "show the changes, one block per change")
	return cmd
}

// runClean repairs the document at path ("-" for standard input) and
// writes the text, the diff or the JSON report to g.Stdout.
func runClean(ctx context.Context, g *globalOptions, opts cleanOptions, path string) error {
	if ctx != nil && ctx.Err() != nil {
		return ctx.Err()
	}
	var data []byte
	var err error
	name := path
	if path == "-" {
		name = "stdin"
		data, err = io.ReadAll(g.Stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return fmt.Errorf("clean: %w", err)
	}
	raw, format := "", corpus.FormatText
	if len(data) > 0 {
		d, err := ingest.Read(name, data, ingest.Options{})
		if err != nil {
			if errors.Is(err, ingest.ErrEmpty) {
				data = nil
			} else {
				return err
			}
		} else {
			raw, format = d.Raw, d.Format
		}
	}
	r := repair.Clean(raw, repair.DefaultFixes())
	switch {
	case g.JSON:
		rep := cleanReport{Source: name, Format: format, Changes: r.Changes, Boilerplate: r.Boilerplate, Text: r.Text}
		if rep.Changes == nil {
			rep.Changes = []corpus.Change{}
		}
		if rep.Boilerplate == nil {
			rep.Boilerplate = []corpus.LineRange{}
		}
		enc := json.NewEncoder(g.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	case opts.Diff:
		return writeDiff(g.Stdout, name, r)
	}
	_, err = io.WriteString(g.Stdout, r.Text)
	return err
}

// writeDiff prints one block per change: the input line, the fix and why,
// then the text before (-) and after (+), line by line. Line ends inside a
// change show as ⏎ so that joined and removed lines are visible.
func writeDiff(w io.Writer, name string, r repair.Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "--- %s (input)\n+++ %s (repaired)\n", name, name)
	if len(r.Boilerplate) > 0 {
		b.WriteString("# set apart from the text:\n")
		for _, br := range r.Boilerplate {
			fmt.Fprintf(&b, "#   lines %d-%d: %s\n", br.StartLine, br.EndLine, br.Why)
		}
	}
	for _, c := range r.Changes {
		why := c.Why
		if why == "" || strings.HasPrefix(why, c.Fix) {
			why = strings.TrimPrefix(strings.TrimPrefix(why, c.Fix), ": ")
		}
		if why != "" {
			why = ": " + why
		}
		fmt.Fprintf(&b, "@@ line %d @@ %s%s\n", c.Line, c.Fix, why)
		writeSide(&b, '-', c.Before)
		writeSide(&b, '+', c.After)
		if len(c.Candidates) > 0 {
			b.WriteString("  candidates:")
			for _, cand := range c.Candidates {
				fmt.Fprintf(&b, " %s (%.3g)", cand.Word, cand.Score)
			}
			b.WriteByte('\n')
		}
	}
	fmt.Fprintf(&b, "# %d changes\n", len(r.Changes))
	_, err := io.WriteString(w, b.String())
	return err
}

func writeSide(b *strings.Builder, sign byte, s string) {
	if s == "" {
		return
	}
	parts := strings.Split(s, "\n")
	for i, p := range parts {
		if i == len(parts)-1 && p == "" {
			break // the line end was shown on the line before
		}
		b.WriteByte(sign)
		b.WriteString(visible(p))
		if i < len(parts)-1 {
			b.WriteString("⏎")
		}
		b.WriteByte('\n')
	}
}

// visible shows characters that would otherwise be invisible in a diff.
func visible(s string) string {
	if !strings.ContainsAny(s, "\t\u00a0\u00ad\u200b\u200c\u200d\u2060\ufeff\r\f") && strings.TrimSpace(s) == s {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == ' ' && (i == 0 || i == len(s)-1):
			b.WriteString("·")
		case r == '\t':
			b.WriteString("→")
		case r == '\u00a0':
			b.WriteString("⍽")
		case r == '\u00ad', r == '\u200b', r == '\u200c', r == '\u200d', r == '\u2060', r == '\ufeff', r == '\r', r == '\f':
			fmt.Fprintf(&b, "<U+%04X>", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

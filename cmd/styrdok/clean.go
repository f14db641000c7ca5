package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode/utf8"

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
		return writeDiff(g.Stdout, name, raw, r)
	}
	_, err = io.WriteString(g.Stdout, r.Text)
	return err
}

// writeDiff prints a unified-style view: one hunk per run of changed
// input lines, the input lines (-), the repaired lines that come from them
// (+), then every change in the hunk with its fix, before → after and why.
// Removed boilerplate, furniture and footnotes show as - lines with no +.
func writeDiff(w io.Writer, name, raw string, r repair.Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "--- %s (input)\n+++ %s (repaired)\n", name, name)
	if len(r.Boilerplate) > 0 {
		b.WriteString("# set apart from the text:\n")
		for _, br := range r.Boilerplate {
			fmt.Fprintf(&b, "#   lines %d-%d: %s\n", br.StartLine, br.EndLine, br.Why)
		}
	}
	rawLines := strings.Split(raw, "\n")
	outLines := strings.Split(r.Text, "\n")
	outOf := make(map[int][]int) // raw line -> output lines from it
	for i, l := range r.LineMap {
		if i < len(outLines) {
			outOf[l] = append(outOf[l], i)
		}
	}
	changes := append([]corpus.Change(nil), r.Changes...)
	sort.SliceStable(changes, func(i, j int) bool { return changes[i].Line < changes[j].Line })
	for i := 0; i < len(changes); {
		first := changes[i].Line
		last := first + strings.Count(strings.TrimSuffix(changes[i].Before, "\n"), "\n")
		j := i + 1
		for j < len(changes) && changes[j].Line <= last {
			last = max(last, changes[j].Line+strings.Count(strings.TrimSuffix(changes[j].Before, "\n"), "\n"))
			j++
		}
		last = min(last, len(rawLines))
		fixes := []string{}
		seen := map[string]bool{}
		for _, c := range changes[i:j] {
			if !seen[c.Fix] {
				seen[c.Fix] = true
				fixes = append(fixes, c.Fix)
			}
		}
		if first == last {
			fmt.Fprintf(&b, "@@ line %d @@ %s\n", first, strings.Join(fixes, ", "))
		} else {
			fmt.Fprintf(&b, "@@ lines %d-%d @@ %s\n", first, last, strings.Join(fixes, ", "))
		}
		for l := first; l <= last; l++ {
			if l >= 1 && l <= len(rawLines) {
				b.WriteString("-" + visible(rawLines[l-1]) + "\n")
			}
		}
		for l := first; l <= last; l++ {
			for _, o := range outOf[l] {
				b.WriteString("+" + visible(outLines[o]) + "\n")
			}
		}
		for _, c := range changes[i:j] {
			why := strings.TrimPrefix(strings.TrimPrefix(c.Why, c.Fix), ": ")
			fmt.Fprintf(&b, "  %s: %s → %s", c.Fix, quoteShort(c.Before), quoteShort(c.After))
			if why != "" {
				fmt.Fprintf(&b, " (%s)", why)
			}
			if len(c.Candidates) > 0 {
				b.WriteString(" candidates:")
				for _, cand := range c.Candidates {
					fmt.Fprintf(&b, " %s %.3g", cand.Word, cand.Score)
				}
			}
			b.WriteByte('\n')
		}
		i = j
	}
	fmt.Fprintf(&b, "# %d changes\n", len(r.Changes))
	_, err := io.WriteString(w, b.String())
	return err
}

// quoteShort shows a change's text in quotes with line ends as ⏎, cut
// short when long (the - lines above show it in full).
func quoteShort(s string) string {
	s = strings.ReplaceAll(s, "\n", "⏎")
	if utf8.RuneCountInString(s) > 60 {
		rs := []rune(s)
		s = string(rs[:40]) + "…" + string(rs[len(rs)-12:])
	}
	return "«" + s + "»"
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

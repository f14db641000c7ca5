package reports

import (
	"fmt"
	"io"
	"strings"
)

// footnotes numbers evidence in order of first citation.
type footnotes struct {
	r     *Report
	num   map[Evidence]int
	order []Evidence
}

func newFootnotes(r *Report) *footnotes {
	return &footnotes{r: r, num: map[Evidence]int{}}
}

func (f *footnotes) ref(e Evidence) string {
	n, ok := f.num[e]
	if !ok {
		f.order = append(f.order, e)
		n = len(f.order)
		f.num[e] = n
	}
	return fmt.Sprintf("[^%d]", n)
}

// cell renders a cell for a Markdown table: the items with their footnote
// markers, or "—" when the document says nothing.
func (f *footnotes) cell(c Cell) string {
	if c.Empty() {
		return "—"
	}
	if c.Value != "" {
		var b strings.Builder
		b.WriteString(mdEscape(c.Value))
		for _, e := range c.Evidence() {
			b.WriteString(f.ref(e))
		}
		return b.String()
	}
	parts := make([]string, 0, len(c.Items))
	for _, it := range c.Items {
		if it.Text == "" {
			continue
		}
		s := mdEscape(it.Text)
		if it.Evidence != nil {
			s += f.ref(*it.Evidence)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

func (f *footnotes) write(w io.Writer) {
	if len(f.order) == 0 {
		return
	}
	fmt.Fprintf(w, "## Belägg\n\n")
	for i, e := range f.order {
		fmt.Fprintf(w, "[^%d]: %s\n", i+1, mdEscape(evidenceLabel(f.r, e)))
	}
}

// evidenceLabel says where a fact comes from: `Växjö, rad 88: ”…”`.
func evidenceLabel(r *Report, e Evidence) string {
	s := r.Doc(e.Doc).Name
	if e.Line > 0 {
		s += ", rad " + itoa(e.Line)
	}
	if e.Text != "" {
		s += ": ”" + e.Text + "”"
	}
	return s
}

// mdEscape makes text safe inside a Markdown table cell: it escapes the
// characters Markdown would read as markup (including "<", so that a
// document's "<script>" stays text) and folds line breaks. "_" is left
// alone: inside a word (file names) it is not emphasis.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range cleanSpace(s) {
		switch r {
		case '\\', '`', '*', '[', ']', '<', '>', '|':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func writeMDTable(w io.Writer, f *footnotes, t *Table, empty string) {
	if len(t.Rows) == 0 {
		fmt.Fprintf(w, "%s\n\n", empty)
		return
	}
	hdr := make([]string, len(t.Columns))
	sep := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		hdr[i] = mdEscape(c.Header)
		sep[i] = "---"
		if c.Kind == KindNumber {
			sep[i] = "--:"
		}
	}
	fmt.Fprintf(w, "| %s |\n|%s|\n", strings.Join(hdr, " | "), strings.Join(sep, "|"))
	for _, row := range t.Rows {
		cells := make([]string, len(row.Cells))
		for i, c := range row.Cells {
			cells[i] = f.cell(c)
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
	}
	fmt.Fprintln(w)
}

func writeMarkdown(w io.Writer, r *Report, p *Profile, opts Options) error {
	f := newFootnotes(r)
	if p != nil {
		writeMDProfile(w, f, p, 1)
		f.write(w)
		return nil
	}
	fmt.Fprintf(w, "# Jämförelse av styrdokument\n\n%s", docCount(r))
	if opts.Source != "" {
		fmt.Fprintf(w, " (%s)", mdEscape(opts.Source))
	}
	fmt.Fprintf(w, ". ”—” betyder att dokumentet inte säger något; fotnoterna visar meningen och raden som varje uppgift bygger på.\n\n")
	for _, t := range r.Tables() {
		fmt.Fprintf(w, "## %s\n\n", mdEscape(t.Title))
		writeMDTable(w, f, t, "Inga uppgifter.")
	}
	f.write(w)
	return nil
}

func writeMDProfile(w io.Writer, f *footnotes, p *Profile, level int) {
	h := strings.Repeat("#", level)
	fmt.Fprintf(w, "%s %s\n\n", h, mdEscape(p.Municipality))
	for _, dp := range p.Documents {
		fmt.Fprintf(w, "%s# %s\n\n", h, mdEscape(firstNonEmpty(dp.Doc.Title, dp.Doc.Source, dp.Doc.ID)))
		fmt.Fprintf(w, "Dokument-id %s, källa %s.\n\n", mdEscape(dp.Doc.ID), mdEscape(dp.Doc.Source))
		writeMDTable(w, f, dp.Facts, "Inga uppgifter.")
		if !dp.Vision.Empty() {
			fmt.Fprintf(w, "**Vision:** %s\n\n", f.cell(dp.Vision))
		}
		for _, t := range dp.Tables {
			fmt.Fprintf(w, "%s## %s\n\n", h, mdEscape(t.Title))
			writeMDTable(w, f, t, "Dokumentet säger inget om detta.")
		}
	}
}

package reports

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Output formats.
const (
	FormatMarkdown = "md"
	FormatCSV      = "csv"
	FormatJSON     = "json"
	FormatXLSX     = "xlsx"
	FormatHTML     = "html"
)

// Formats lists the output formats.
func Formats() []string {
	return []string{FormatMarkdown, FormatCSV, FormatJSON, FormatXLSX, FormatHTML}
}

// FormatFromPath returns the format a file name's extension asks for, or ""
// when the extension is not one of ours.
func FormatFromPath(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return FormatMarkdown
	case ".csv":
		return FormatCSV
	case ".json":
		return FormatJSON
	case ".xlsx":
		return FormatXLSX
	case ".html", ".htm":
		return FormatHTML
	}
	return ""
}

// ParseFormat normalises a --format value ("markdown" is "md", "htm" is
// "html") and rejects unknown ones.
func ParseFormat(s string) (string, error) {
	f := strings.ToLower(strings.TrimSpace(s))
	switch f {
	case "markdown":
		f = FormatMarkdown
	case "htm":
		f = FormatHTML
	case "excel":
		f = FormatXLSX
	}
	for _, ok := range Formats() {
		if f == ok {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (want %s)", s, strings.Join(Formats(), ", "))
}

// Options control how a report is written. The zero value writes the whole
// comparison as Markdown.
type Options struct {
	Format string // md (default), csv, json, xlsx, html
	// Municipality, when set, writes that municipality's profile instead of
	// the comparison.
	Municipality string
	// Table is the table a CSV file holds: overview (default), themes,
	// actors, goals, evidence; for a profile: facts (default), goals,
	// responsibilities, follow_up, sections, notes.
	Table string
	// Excel makes CSV for Swedish Excel: ";" between fields and a UTF-8 BOM.
	Excel bool
	// Source says where the documents came from ("embedded seed corpus");
	// shown in the Markdown and HTML headers when set.
	Source string
}

// Write renders the report in opts.Format to w.
func (r *Report) Write(w io.Writer, opts Options) error {
	format := opts.Format
	if format == "" {
		format = FormatMarkdown
	}
	format, err := ParseFormat(format)
	if err != nil {
		return err
	}
	var p *Profile
	if opts.Municipality != "" {
		if p = r.Profile(opts.Municipality); p == nil {
			return fmt.Errorf("no documents from %q in the report", opts.Municipality)
		}
	}
	if format == FormatXLSX {
		return writeXLSX(w, r, p)
	}
	bw := bufio.NewWriter(w)
	switch format {
	case FormatMarkdown:
		err = writeMarkdown(bw, r, p, opts)
	case FormatCSV:
		err = writeCSVTable(bw, r, p, opts)
	case FormatJSON:
		err = writeJSON(bw, r, p)
	case FormatHTML:
		err = writeHTML(bw, r, p, opts)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

func writeCSVTable(w io.Writer, r *Report, p *Profile, opts Options) error {
	name := opts.Table
	var t *Table
	if p != nil {
		if name == "" {
			name = "facts"
		}
		var names []string
		for _, pt := range p.ProfileTables() {
			names = append(names, pt.Name)
			if pt.Name == name {
				t = pt
			}
		}
		if t == nil {
			return fmt.Errorf("no table %q in a profile (want %s)", name, strings.Join(names, ", "))
		}
	} else {
		if name == "" {
			name = "overview"
		}
		if t = r.Table(name); t == nil {
			return fmt.Errorf("no table %q (want %s)", name, strings.Join(TableNames(), ", "))
		}
	}
	return WriteCSV(w, t, opts.Excel)
}

// docCount says "5 dokument från 5 kommuner".
func docCount(r *Report) string {
	towns := map[string]bool{}
	for _, d := range r.Documents {
		towns[d.Municipality] = true
	}
	k := "kommuner"
	if len(towns) == 1 {
		k = "kommun"
	}
	return fmt.Sprintf("%d dokument från %d %s", len(r.Documents), len(towns), k)
}

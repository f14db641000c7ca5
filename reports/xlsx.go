package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// xlsx column widths, in characters.
const (
	minColWidth = 8
	maxColWidth = 60
)

// writeXLSX writes one sheet per table: the comparison tables and the
// evidence, or a profile's tables. Each sheet has a bold frozen header row
// and an autofilter; dates are dates, numbers are numbers, and every cell
// that states a fact carries its evidence as a comment.
func writeXLSX(w io.Writer, r *Report, p *Profile) error {
	var tables []*Table
	if p != nil {
		tables = append(p.ProfileTables(), profileEvidenceTable(r, p))
	} else {
		tables = append(r.Tables(), r.EvidenceTable())
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f)
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	used := map[string]bool{}
	for i, t := range tables {
		name := sheetName(t.Title, used)
		if i == 0 {
			err = f.SetSheetName("Sheet1", name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err != nil {
			return fmt.Errorf("xlsx: sheet %s: %w", name, err)
		}
		if err := writeSheet(f, name, r, t, st); err != nil {
			return fmt.Errorf("xlsx: sheet %s: %w", name, err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "styrdok", Title: "Jämförelse av styrdokument", Language: "sv-SE"}); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

type xlsxStyles struct{ header, text, date, number int }

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	var s xlsxStyles
	var err error
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	if s.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Color: []string{"DDE6F0"}, Pattern: 1},
		Border:    []excelize.Border{{Type: "bottom", Color: "7A8CA3", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	}); err != nil {
		return s, err
	}
	if s.text, err = f.NewStyle(&excelize.Style{Alignment: top}); err != nil {
		return s, err
	}
	fmtDate := "yyyy-mm-dd"
	if s.date, err = f.NewStyle(&excelize.Style{Alignment: top, CustomNumFmt: &fmtDate}); err != nil {
		return s, err
	}
	if s.number, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}); err != nil {
		return s, err
	}
	return s, nil
}

// sheetName makes a valid, unique sheet name (at most 31 characters, none
// of []:*?/\).
func sheetName(title string, used map[string]bool) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, title)
	if utf8.RuneCountInString(name) > 31 {
		name = string([]rune(name)[:31])
	}
	base := name
	for i := 2; used[strings.ToLower(name)]; i++ {
		suffix := " " + strconv.Itoa(i)
		rs := []rune(base)
		if len(rs)+len(suffix) > 31 {
			rs = rs[:31-len(suffix)]
		}
		name = string(rs) + suffix
	}
	used[strings.ToLower(name)] = true
	return name
}

// isoDate parses a full ISO date (2013-10-15).
func isoDate(s string) (time.Time, bool) {
	if len(s) != 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}

func writeSheet(f *excelize.File, sheet string, r *Report, t *Table, st xlsxStyles) error {
	widths := make([]int, len(t.Columns))
	for ci, c := range t.Columns {
		ref, _ := excelize.CoordinatesToCellName(ci+1, 1)
		if err := f.SetCellStr(sheet, ref, c.Header); err != nil {
			return err
		}
		widths[ci] = utf8.RuneCountInString(c.Header)
	}
	for ri, row := range t.Rows {
		for ci, c := range row.Cells {
			ref, _ := excelize.CoordinatesToCellName(ci+1, ri+2)
			text := c.Text()
			style := st.text
			var err error
			switch kind := t.Columns[ci].Kind; {
			case text == "":
			case kind == KindDate:
				if d, ok := isoDate(text); ok {
					err = f.SetCellValue(sheet, ref, d)
					style = st.date
				} else {
					err = f.SetCellStr(sheet, ref, text)
				}
			case kind == KindNumber:
				if n, e := strconv.Atoi(text); e == nil {
					err = f.SetCellInt(sheet, ref, int64(n))
					style = st.number
				} else {
					err = f.SetCellStr(sheet, ref, text)
				}
			default:
				err = f.SetCellStr(sheet, ref, text)
			}
			if err != nil {
				return err
			}
			if err := f.SetCellStyle(sheet, ref, ref, style); err != nil {
				return err
			}
			if n := utf8.RuneCountInString(text); n > widths[ci] {
				widths[ci] = n
			}
			if evs := c.Evidence(); len(evs) > 0 {
				if err := f.AddComment(sheet, evidenceComment(r, ref, evs)); err != nil {
					return err
				}
			}
		}
	}
	for ci, wd := range widths {
		col, _ := excelize.ColumnNumberToName(ci + 1)
		wd += 2
		wd = max(minColWidth, min(maxColWidth, wd))
		if err := f.SetColWidth(sheet, col, col, float64(wd)); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(max(1, len(t.Columns)), max(2, len(t.Rows)+1))
	hdrEnd, _ := excelize.CoordinatesToCellName(max(1, len(t.Columns)), 1)
	if err := f.SetCellStyle(sheet, "A1", hdrEnd, st.header); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	return f.AutoFilter(sheet, "A1:"+last, nil)
}

// evidenceComment is the cell comment that shows a cell's evidence.
func evidenceComment(r *Report, ref string, evs []Evidence) excelize.Comment {
	var lines []string
	seen := map[Evidence]bool{}
	for _, e := range evs {
		if seen[e] {
			continue
		}
		seen[e] = true
		lines = append(lines, evidenceLabel(r, e))
	}
	text := clip(strings.Join(lines, "\n\n"), 32000)
	h := uint(60 + 15*(utf8.RuneCountInString(text)/45))
	return excelize.Comment{Cell: ref, Author: "styrdok", Text: text, Width: 320, Height: min(h, 400)}
}

// profileEvidenceTable lists the evidence a profile cites, by document and
// line.
func profileEvidenceTable(r *Report, p *Profile) *Table {
	t := &Table{Name: "evidence", Title: "Belägg", Columns: []Column{
		{"document", "Dokument", KindText}, {"line", "Rad", KindNumber}, {"evidence", "Belägg", KindText}}}
	for _, dp := range p.Documents {
		for _, e := range dp.Evidence {
			t.Rows = append(t.Rows, Row{Doc: e.Doc, Cells: []Cell{
				textCell(r.Doc(e.Doc).Name), numberCell(e.Line, nil), textCell(e.Text)}})
		}
	}
	return t
}

package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"

	"styrdok/reports"
)

// maxTableRows bounds the rows a table shows on the page; the downloads
// have them all.
const maxTableRows = 500

// comparePage is the data of the comparison template.
type comparePage struct {
	Docs      int
	Tables    []tableView
	Bars      *barChart
	Downloads []download
}

type tableView struct {
	Name    string
	Title   string
	Headers []string
	Rows    [][]cellView
	Heat    bool
	Hidden  int // rows left out
}

type cellView struct {
	Value string // shown instead of the items when set
	Items []itemView
	Heat  int // 0-4
}

type itemView struct {
	Text     string
	Link     string // to the evidence line
	Evidence string
}

type download struct {
	Label string
	URL   string
}

// barChart is a horizontal bar chart in SVG user units.
type barChart struct {
	Title  string
	Width  int
	Height int
	Bars   []bar
}

type bar struct {
	Label    string
	Link     string
	Value    int
	Y, W     int
	TextY    int
	ValueX   int
	LabelEnd int
}

func (s *Server) handleCompare(w http.ResponseWriter, r *http.Request) {
	v, err := s.load()
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	rep := v.report
	page := comparePage{Docs: len(rep.Documents)}
	for _, t := range rep.Tables() {
		if t == nil {
			continue
		}
		page.Tables = append(page.Tables, newTableView(t, t == rep.Themes))
	}
	page.Bars = goalBars(rep)
	for _, d := range []struct{ label, format string }{
		{"CSV (översikt)", reports.FormatCSV}, {"Excel (XLSX)", reports.FormatXLSX}, {"JSON", reports.FormatJSON},
		{"Markdown", reports.FormatMarkdown}, {"HTML-rapport", reports.FormatHTML},
	} {
		page.Downloads = append(page.Downloads, download{Label: d.label, URL: "/compare." + d.format})
	}
	s.render(w, r, http.StatusOK, "compare", page)
}

func newTableView(t *reports.Table, heat bool) tableView {
	tv := tableView{Name: t.Name, Title: t.Title, Heat: heat}
	for _, c := range t.Columns {
		tv.Headers = append(tv.Headers, c.Header)
	}
	for i, row := range t.Rows {
		if i >= maxTableRows {
			tv.Hidden = len(t.Rows) - i
			break
		}
		cells := make([]cellView, len(row.Cells))
		for j, c := range row.Cells {
			cv := cellView{Value: c.Value, Heat: heatLevel(c.Heat)}
			for _, it := range c.Items {
				iv := itemView{Text: it.Text}
				if e := it.Evidence; e != nil && e.Doc != "" {
					iv.Link = docURL(e.Doc, e.Line, nil)
					iv.Evidence = e.Text
				}
				cv.Items = append(cv.Items, iv)
			}
			cells[j] = cv
		}
		tv.Rows = append(tv.Rows, cells)
	}
	return tv
}

func heatLevel(h float64) int {
	switch {
	case h <= 0:
		return 0
	case h >= 1:
		return 4
	}
	return 1 + int(h*3)
}

// goalBars charts the number of goals of each document (the overview's
// goals column).
func goalBars(rep *reports.Report) *barChart {
	t := rep.Overview
	if t == nil {
		return nil
	}
	col := t.Col("goals")
	if col < 0 || len(t.Rows) == 0 || len(t.Rows) > 60 {
		return nil
	}
	const labelW, barMax, rowH = 260, 360, 22
	ch := &barChart{Title: "Antal mål per dokument", Width: labelW + barMax + 60}
	most := 1
	for _, row := range t.Rows {
		n, _ := strconv.Atoi(row.Cells[col].Text())
		most = max(most, n)
	}
	for i, row := range t.Rows {
		n, _ := strconv.Atoi(row.Cells[col].Text())
		y := 10 + i*rowH
		w := n * barMax / most
		ch.Bars = append(ch.Bars, bar{Label: rep.Doc(row.Doc).Name, Link: "/doc/" + row.Doc, Value: n,
			Y: y, W: w, TextY: y + 14, ValueX: labelW + w + 6, LabelEnd: labelW - 8})
	}
	ch.Height = 20 + len(t.Rows)*rowH
	return ch
}

// handleDownload serves the report in one format as a file.
func (s *Server) handleDownload(format string) http.HandlerFunc {
	types := map[string]string{
		reports.FormatMarkdown: "text/markdown; charset=utf-8",
		reports.FormatCSV:      "text/csv; charset=utf-8",
		reports.FormatJSON:     "application/json; charset=utf-8",
		reports.FormatXLSX:     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		reports.FormatHTML:     "text/html; charset=utf-8",
	}
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := s.load()
		if err != nil {
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
		opts := reports.Options{Format: format, Source: s.opts.Source}
		if format == reports.FormatCSV {
			opts.Table = r.URL.Query().Get("tabell")
			opts.Excel = r.URL.Query().Get("excel") != ""
		}
		var buf bytes.Buffer
		if err := v.report.Write(&buf, opts); err != nil {
			s.fail(w, r, http.StatusBadRequest, err)
			return
		}
		w.Header().Set("Content-Type", types[format])
		if format != reports.FormatHTML {
			w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", "jamforelse."+format))
		} else {
			// The stand-alone report carries its own inline style.
			w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
		}
		w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
		if r.Method != http.MethodHead {
			w.Write(buf.Bytes())
		}
	}
}

func (s *Server) apiCompare(w http.ResponseWriter, r *http.Request) {
	v, err := s.load()
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	var buf bytes.Buffer
	if err := v.report.Write(&buf, reports.Options{Format: reports.FormatJSON, Source: s.opts.Source}); err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

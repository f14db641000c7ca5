package reports

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"

	"styrdok/corpus"
)

//go:embed report.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Parse(htmlSource))

// The HTML view: everything the template shows, computed here so that the
// template only prints. html/template escapes every value.
type (
	htmlPage struct {
		Title    string
		Intro    string
		Compare  bool
		Nav      []htmlLink
		Tables   []htmlTable
		Heat     *heatMap
		Timeline *timeline
		Profiles []htmlProfile
	}
	htmlLink  struct{ Href, Text string }
	htmlTable struct {
		ID, Title, Empty string
		Headers          []htmlHeader
		Rows             [][]htmlCell
	}
	htmlHeader struct{ Text, Kind, Class string }
	htmlCell   struct {
		Items []htmlItem
		Value string // a matrix mark
		Title string // tooltip of a matrix mark
		Href  string
		Sort  string
		Class string
	}
	htmlItem struct {
		Text, Title, Href string
		Line              int
	}
	htmlProfile struct {
		ID, Municipality string
		Documents        []htmlDocProfile
	}
	htmlDocProfile struct {
		ID, Title, DocID, Source string
		Facts                    htmlTable
		Vision                   *htmlCell
		Tables                   []htmlTable
		Evidence                 []htmlEvidence
	}
	htmlEvidence struct {
		ID    string
		Line  int
		Texts []string
	}
	heatMap struct {
		Width, Height int
		Cols          []svgText
		Rows          []heatRow
	}
	heatRow struct {
		Label svgText
		Cells []heatCell
	}
	heatCell struct {
		X, Y, W, H  int
		Class       string
		Title, Href string
		Mark        svgText
	}
	svgText struct {
		X, Y int
		Text string
	}
	timeline struct {
		Width, Height int
		Left, Right   int
		Ticks         []tlTick
		Rows          []tlRow
		Legend        []tlLegend
	}
	tlTick struct {
		X, Y1, Y2 int
		Label     string
	}
	tlRow struct {
		Y      int
		Label  svgText
		Points []tlPoint
	}
	tlPoint struct {
		X, Y        int
		Class       string
		Title, Href string
	}
	tlLegend struct {
		X, Y  int
		Class string
		Text  string
	}
)

func writeHTML(w io.Writer, r *Report, p *Profile, opts Options) error {
	page := htmlPage{Title: "Jämförelse av styrdokument", Compare: p == nil}
	intro := docCount(r)
	if opts.Source != "" {
		intro += " (" + opts.Source + ")"
	}
	page.Intro = intro + ". ”—” betyder att dokumentet inte säger något. Håll pekaren över en uppgift för att se meningen den bygger på; radnumret leder till belägget."
	events := r.Events
	profiles := r.Profiles
	if p != nil {
		page.Title = "Kommunprofil: " + p.Municipality
		page.Intro = fmt.Sprintf("%d dokument. Håll pekaren över en uppgift för att se meningen den bygger på; radnumret leder till belägget.", len(p.Documents))
		events = nil
		for _, e := range r.Events {
			if e.Municipality == p.Municipality {
				events = append(events, e)
			}
		}
		profiles = []*Profile{p}
	} else {
		ids := map[string]string{"overview": "oversikt", "themes": "teman", "actors": "aktorer", "goals": "mal"}
		for _, t := range r.Tables() {
			page.Tables = append(page.Tables, toHTMLTable(r, t, ids[t.Name], "Inga uppgifter."))
		}
		page.Heat = newHeatMap(r, r.Themes)
		page.Nav = []htmlLink{{"#oversikt", "Översikt"}, {"#teman", "Teman"}, {"#tidslinje", "Tidslinje"},
			{"#aktorer", "Aktörer"}, {"#mal", "Mål"}, {"#profiler", "Kommunprofiler"}}
	}
	page.Timeline = newTimeline(r, events)
	for _, pr := range profiles {
		page.Profiles = append(page.Profiles, toHTMLProfile(r, pr))
	}
	// Render into a buffer so that a template error never leaves half a page.
	var buf bytes.Buffer
	if err := htmlTemplate.Execute(&buf, page); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// slug makes an HTML id from a name: "Växjö" -> "vaxjo".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range corpus.FoldName(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func evHref(e *Evidence) string {
	if e == nil || e.Line <= 0 {
		return ""
	}
	return "#" + anchor(e.Doc, e.Line)
}

func toHTMLCell(r *Report, col Column, c Cell) htmlCell {
	hc := htmlCell{Sort: c.Text()}
	switch {
	case col.Key == "missing":
		hc.Class = "inline"
	case col.Kind == KindList && blockList(col.Key):
		hc.Class = "list"
	case col.Kind == KindList:
		hc.Class = "words"
	case col.Kind == KindNumber:
		hc.Class = "num"
	case col.Kind == KindDate:
		hc.Class = "date"
	case auxColumn(col.Key):
		hc.Class = "aux"
	}
	if c.Value != "" {
		hc.Value = c.Value
		var titles []string
		for _, e := range c.Evidence() {
			titles = append(titles, evidenceLabel(r, e))
			if hc.Href == "" {
				hc.Href = evHref(&e)
			}
		}
		hc.Title = strings.Join(titles, "\n")
	}
	if c.Heat > 0 || c.Value != "" {
		hc.Class = strings.TrimSpace(hc.Class + " heat heat" + strconv.Itoa(heatLevel(c.Heat)))
	}
	for _, it := range c.Items {
		if it.Text == "" {
			continue
		}
		hi := htmlItem{Text: it.Text}
		if it.Evidence != nil {
			hi.Title = evidenceLabel(r, *it.Evidence)
			hi.Href = evHref(it.Evidence)
			hi.Line = it.Evidence.Line
		}
		hc.Items = append(hc.Items, hi)
	}
	return hc
}

// blockList reports whether a list column shows one item per line: long
// items (follow-up, responsibilities) do, short names (themes) run on.
func blockList(key string) bool {
	switch key {
	case "themes", "networks", "twin_cities", "registration_numbers", "missing":
		return false
	}
	return true
}

// auxColumn reports whether a column is bookkeeping that a printed page
// leaves out (document ID, source file).
func auxColumn(key string) bool { return key == "id" || key == "source" }

func heatLevel(h float64) int {
	if h <= 0 {
		return 0
	}
	return max(1, min(4, int(math.Ceil(h*4))))
}

func toHTMLTable(r *Report, t *Table, id, empty string) htmlTable {
	ht := htmlTable{ID: id, Title: t.Title, Empty: empty}
	for _, c := range t.Columns {
		h := htmlHeader{Text: c.Header, Kind: c.Kind}
		if auxColumn(c.Key) {
			h.Class = "aux"
		}
		ht.Headers = append(ht.Headers, h)
	}
	for _, row := range t.Rows {
		cells := make([]htmlCell, len(row.Cells))
		for i, c := range row.Cells {
			col := t.Columns[i]
			if row.field.Key != "" && col.Key == "value" {
				col = row.field // a fact shows like its overview column
			}
			cells[i] = toHTMLCell(r, col, c)
		}
		ht.Rows = append(ht.Rows, cells)
	}
	return ht
}

func toHTMLProfile(r *Report, p *Profile) htmlProfile {
	hp := htmlProfile{ID: "kommun-" + slug(p.Municipality), Municipality: p.Municipality}
	for _, dp := range p.Documents {
		hd := htmlDocProfile{
			ID:    "dok-" + slug(dp.Doc.ID),
			Title: firstNonEmpty(dp.Doc.Title, dp.Doc.Source, dp.Doc.ID),
			DocID: dp.Doc.ID, Source: dp.Doc.Source,
			Facts: toHTMLTable(r, dp.Facts, "", "Inga uppgifter."),
		}
		if !dp.Vision.Empty() {
			v := toHTMLCell(r, Column{Kind: KindText}, dp.Vision)
			hd.Vision = &v
		}
		for _, t := range dp.Tables {
			hd.Tables = append(hd.Tables, toHTMLTable(r, t, "", "Dokumentet säger inget om detta."))
		}
		for _, e := range dp.Evidence {
			n := len(hd.Evidence)
			if n > 0 && hd.Evidence[n-1].Line == e.Line {
				hd.Evidence[n-1].Texts = append(hd.Evidence[n-1].Texts, e.Text)
				continue
			}
			hd.Evidence = append(hd.Evidence, htmlEvidence{ID: anchor(e.Doc, e.Line), Line: e.Line, Texts: []string{e.Text}})
		}
		hp.Documents = append(hp.Documents, hd)
	}
	return hp
}

// Heat map geometry, in SVG user units.
const (
	heatLabelW = 190
	heatCellW  = 96
	heatCellH  = 24
	heatTop    = 34
	// maxHeatColumns is the most municipalities the SVG heat map shows.
	maxHeatColumns = 40
)

func newHeatMap(r *Report, t *Table) *heatMap {
	if t == nil || len(t.Columns) < 3 {
		return nil
	}
	towns := t.Columns[1 : len(t.Columns)-1]
	if len(towns) > maxHeatColumns {
		// Too wide to read as a picture; the table below is coloured the same way.
		return nil
	}
	h := &heatMap{Width: heatLabelW + heatCellW*len(towns) + 8, Height: heatTop + heatCellH*len(t.Rows) + 8}
	for i, c := range towns {
		h.Cols = append(h.Cols, svgText{X: heatLabelW + i*heatCellW + heatCellW/2, Y: heatTop - 10, Text: clip(c.Header, 14)})
	}
	for ri, row := range t.Rows {
		y := heatTop + ri*heatCellH
		hr := heatRow{Label: svgText{X: heatLabelW - 8, Y: y + heatCellH/2 + 4, Text: row.Cells[0].Text()}}
		for ci := range towns {
			c := row.Cells[ci+1]
			hc := heatCell{X: heatLabelW + ci*heatCellW, Y: y, W: heatCellW - 2, H: heatCellH - 2,
				Class: "heat" + strconv.Itoa(heatLevel(c.Heat))}
			title := towns[ci].Header + ": " + row.Cells[0].Text()
			if c.Empty() {
				title += " – nämns inte"
			} else {
				for _, e := range c.Evidence() {
					title += "\n" + evidenceLabel(r, e)
					if hc.Href == "" {
						hc.Href = evHref(&e)
					}
				}
				hc.Mark = svgText{X: hc.X + hc.W/2, Y: y + heatCellH/2 + 4, Text: "●"}
			}
			hc.Title = title
			hr.Cells = append(hr.Cells, hc)
		}
		h.Rows = append(h.Rows, hr)
	}
	return h
}

// Timeline geometry, in SVG user units.
const (
	tlLabelW = 130
	tlWidth  = 900
	tlRowH   = 34
	tlTop    = 40
)

var timelineKinds = []struct{ Kind, Label string }{
	{"adopted", "antagen"},
	{"revised", "reviderad"},
	{"replaced", "ersatt dokument antaget"},
	{"valid_until", "gäller till"},
	{"due", "planerad uppföljning"},
}

// yearFraction places a date on the time axis: 2013-10-15 is 2013.79; a
// bare year sits in its middle.
func yearFraction(s string) float64 {
	y := yearOf(s)
	if y == 0 {
		return 0
	}
	f := float64(y) + 0.5
	if len(s) >= 7 {
		if m, err := strconv.Atoi(s[5:7]); err == nil && m >= 1 && m <= 12 {
			f = float64(y) + (float64(m)-0.5)/12
			if len(s) >= 10 {
				if d, err := strconv.Atoi(s[8:10]); err == nil && d >= 1 && d <= 31 {
					f = float64(y) + (float64(m-1)+float64(d-1)/31)/12
				}
			}
		}
	}
	return f
}

func newTimeline(r *Report, events []Event) *timeline {
	if len(events) == 0 {
		return nil
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, e := range events {
		f := yearFraction(e.Date)
		lo, hi = math.Min(lo, f), math.Max(hi, f)
	}
	first, last := int(math.Floor(lo)), int(math.Floor(hi))+1
	if last-first < 4 {
		first -= (4 - (last - first)) / 2
		last = first + 4
	}
	var towns []string
	seen := map[string]bool{}
	for _, d := range r.Documents {
		if !seen[d.Municipality] {
			seen[d.Municipality] = true
			for _, e := range events {
				if e.Municipality == d.Municipality {
					towns = append(towns, d.Municipality)
					break
				}
			}
		}
	}
	tl := &timeline{Width: tlWidth, Left: tlLabelW, Right: tlWidth - 20}
	tl.Height = tlTop + tlRowH*len(towns) + 50
	x := func(f float64) int {
		return tl.Left + int(math.Round((f-float64(first))/float64(last-first)*float64(tl.Right-tl.Left)))
	}
	step := 1
	for (last-first)/step > 12 {
		step++
	}
	for y := first; y <= last; y += step {
		tl.Ticks = append(tl.Ticks, tlTick{X: x(float64(y)), Y1: tlTop - 14, Y2: tlTop + tlRowH*len(towns), Label: strconv.Itoa(y)})
	}
	for i, town := range towns {
		y := tlTop + i*tlRowH + tlRowH/2
		row := tlRow{Y: y, Label: svgText{X: tl.Left - 10, Y: y + 4, Text: clip(town, 18)}}
		for _, e := range events {
			if e.Municipality != town {
				continue
			}
			title := town + ": " + e.Label + " " + e.Date
			if e.Evidence != nil {
				title += "\n" + evidenceLabel(r, *e.Evidence)
			}
			row.Points = append(row.Points, tlPoint{X: x(yearFraction(e.Date)), Y: y, Class: "ev-" + e.Kind,
				Title: title, Href: evHref(e.Evidence)})
		}
		tl.Rows = append(tl.Rows, row)
	}
	lx := tl.Left
	ly := tlTop + tlRowH*len(towns) + 30
	for _, k := range timelineKinds {
		tl.Legend = append(tl.Legend, tlLegend{X: lx, Y: ly, Class: "ev-" + k.Kind, Text: k.Label})
		lx += 28 + 8*len([]rune(k.Label))
	}
	return tl
}

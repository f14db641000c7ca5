package reports

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs from the golden file at line %d:\ngot:  %q\nwant: %q\n(run go test ./reports -update if the change is intended)", name, i+1, g, w)
			}
		}
		t.Fatalf("%s differs from the golden file", name)
	}
}

func render(t *testing.T, r *Report, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := r.Write(&buf, opts); err != nil {
		t.Fatalf("write %+v: %v", opts, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	r := testReport()
	src := "testkorpus"
	cases := []struct {
		file string
		opts Options
	}{
		{"compare.md.golden", Options{Source: src}},
		{"compare.overview.csv.golden", Options{Format: FormatCSV}},
		{"compare.themes.excel.csv.golden", Options{Format: FormatCSV, Table: "themes", Excel: true}},
		{"compare.actors.csv.golden", Options{Format: FormatCSV, Table: "actors"}},
		{"compare.goals.csv.golden", Options{Format: FormatCSV, Table: "goals"}},
		{"compare.evidence.csv.golden", Options{Format: FormatCSV, Table: "evidence"}},
		{"compare.json.golden", Options{Format: FormatJSON}},
		{"profile-ekby.md.golden", Options{Municipality: "ekby"}},
		{"profile-ekby.follow_up.csv.golden", Options{Format: FormatCSV, Municipality: "Ekby", Table: "follow_up"}},
		{"profile-fjalla.json.golden", Options{Format: FormatJSON, Municipality: "Fjalla"}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			golden(t, c.file, render(t, r, c.opts))
		})
	}
	t.Run("compare.html.txt.golden", func(t *testing.T) {
		golden(t, "compare.html.txt.golden", htmlText(t, render(t, r, Options{Format: FormatHTML, Source: src})))
	})
	t.Run("profile-ekby.html.txt.golden", func(t *testing.T) {
		golden(t, "profile-ekby.html.txt.golden", htmlText(t, render(t, r, Options{Format: FormatHTML, Municipality: "Ekby"})))
	})
}

// htmlText returns the text a reader sees in an HTML page, one block per
// line and table cells separated by " | "; scripts and styles are left out.
func htmlText(t *testing.T, page []byte) []byte {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	block := map[string]bool{"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "tr": true, "li": true,
		"header": true, "footer": true, "nav": true, "figure": true, "figcaption": true, "section": true,
		"article": true, "table": true, "svg": true, "div": true, "title": false}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "head", "title":
				return
			case "td", "th":
				b.WriteString(" | ")
			case "text", "rect", "circle":
				b.WriteString(" ")
			}
			if block[n.Data] {
				b.WriteString("\n")
			}
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && block[n.Data] {
			b.WriteString("\n")
		}
	}
	walk(root)
	var out []string
	for _, line := range strings.Split(b.String(), "\n") {
		if line = cleanSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return []byte(strings.Join(out, "\n") + "\n")
}

func TestOverviewColumns(t *testing.T) {
	r := testReport()
	ov := r.Overview
	var ekby Row
	for _, row := range ov.Rows {
		if row.Doc == "aaaa1111bbbb2222" {
			ekby = row
		}
	}
	get := func(key string) Cell { return ekby.Cells[ov.Col(key)] }
	want := map[string]string{
		"municipality":         "Ekby",
		"document_type":        "policy",
		"title":                "Internationell policy för Ekby kommun",
		"adopted":              "2020-03-12",
		"adopted_by":           "Kommunfullmäktige",
		"last_revised":         "2023-05-02",
		"valid_until":          "tillsvidare",
		"replaces":             "Riktlinjer för vänortsarbete (2011-06-01)",
		"registration_numbers": "KS 2019/77",
		"goals":                "2",
		"coordinates":          "Kommunstyrelsen; Kommunledningskontoret",
		"follow_up": "ingen angiven, årligen (uppföljning i årsredovisningen); ingen angiven, halvårsvis (avstämning av handlingsplanen); " +
			"ingen angiven, vid behov (övriga insatser); ingen angiven, löpande (omvärldsbevakning)",
		"revision":    "Kommunstyrelsen, varje mandatperiod (revidering av policyn); ingen angiven, en gång (2025-12-31) (utvärdering)",
		"themes":      "extern finansiering; nätverk; vänorter",
		"networks":    "Hansa Nord",
		"twin_cities": "Tallby",
		"repairs":     "2",
		"notes":       "1",
		"missing":     "",
		"id":          "aaaa1111bbbb2222",
		"source":      "ekby-policy.md",
	}
	for _, col := range ov.Columns {
		w, ok := want[col.Key]
		if !ok {
			t.Errorf("column %s (%s) is not tested", col.Key, col.Header)
			continue
		}
		if got := get(col.Key).Text(); got != w {
			t.Errorf("%s = %q, want %q", col.Key, got, w)
		}
	}
	// Every fact cell carries evidence with a line.
	for _, key := range []string{"title", "adopted", "adopted_by", "last_revised", "valid_until", "replaces",
		"registration_numbers", "goals", "coordinates", "follow_up", "revision", "themes", "networks", "twin_cities"} {
		c := get(key)
		for _, it := range c.Items {
			if it.Evidence == nil || it.Evidence.Line == 0 || it.Evidence.Text == "" {
				t.Errorf("%s item %q has no evidence: %+v", key, it.Text, it.Evidence)
			}
		}
	}
	// Evidence from the model's map wins; a twin city without one is
	// located in the text; a network found only in boilerplate has none.
	if e := get("themes").Items[0].Evidence; e.Line != 10 {
		t.Errorf("theme evidence line %d, want 10 (from the evidence map)", e.Line)
	}
	if e := get("twin_cities").Items[0].Evidence; e.Line != 22 {
		t.Errorf("twin city located at line %d, want 22", e.Line)
	}
	for _, row := range ov.Rows {
		if row.Doc == "ffff0000eeee9999" {
			if e := row.Cells[ov.Col("networks")].Items[0].Evidence; e != nil {
				t.Errorf("network found only in boilerplate got evidence %+v", e)
			}
		}
		if row.Doc == "0000dddd1111eeee" {
			if got := row.Cells[ov.Col("missing")].Text(); !strings.Contains(got, "antal mål") || !strings.Contains(got, "teman") {
				t.Errorf("document without a model: missing = %q", got)
			}
		}
	}
}

func TestIntervalWords(t *testing.T) {
	for _, c := range []struct{ in, due, want string }{
		{"P1Y", "", "årligen"}, {"P12M", "", "årligen"}, {"P4Y", "", "varje mandatperiod"},
		{"P6M", "", "halvårsvis"}, {"P3M", "", "kvartalsvis"}, {"P1M", "", "månadsvis"},
		{"P2Y", "", "vartannat år"}, {"P3Y", "", "vart tredje år"}, {"P24M", "", "vartannat år"},
		{"as_needed", "", "vid behov"}, {"continuous", "", "löpande"}, {"once", "2010", "en gång (2010)"},
		{"once", "", "en gång"}, {"unspecified", "", "utan intervall"}, {"", "", "utan intervall"},
		{"P1W", "", "veckovis"}, {"P2M", "", "var andra månad"}, {"sometimes", "", "sometimes"}, {"P0Y", "", "P0Y"},
	} {
		if got := IntervalWords(c.in, c.due); got != c.want {
			t.Errorf("IntervalWords(%q, %q) = %q, want %q", c.in, c.due, got, c.want)
		}
	}
}

func TestResponsibilityKinds(t *testing.T) {
	for verb, want := range map[string]string{
		"samordnar": "coordinates", "koordinerar": "coordinates", "har samordningsansvar": "coordinates",
		"fastställer": "decides", "antar": "decides", "beslutar om": "decides", "utser": "decides",
		"följer upp": "follows_up", "utvärderar": "follows_up", "reviderar": "follows_up",
		"redovisar": "reports", "rapporterar": "reports", "stödjer": "supports", "erbjuder stöd": "supports",
		"ansvarar för": "responsible", "har ansvaret för": "responsible", "ser till": "carries_out",
		"säkerställer": "carries_out", "bjuder in": "other",
	} {
		if got := responsibilityKinds[kindOf(verb)].Key; got != want {
			t.Errorf("kindOf(%q) = %s, want %s", verb, got, want)
		}
	}
}

// A document's text is data: "<script>" must come out as text in every
// format that a browser or Markdown renderer could read.
func TestScriptIsEscaped(t *testing.T) {
	r := testReport()
	page := string(render(t, r, Options{Format: FormatHTML}))
	if strings.Count(page, "<script>") != 1 {
		t.Errorf("HTML has %d <script> tags, want only its own one", strings.Count(page, "<script>"))
	}
	if strings.Contains(page, `alert("x")`) {
		t.Error("HTML contains the document's script unescaped")
	}
	if !strings.Contains(page, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") {
		t.Error("HTML does not show the document's script as text")
	}
	md := string(render(t, r, Options{}))
	if strings.Contains(md, "<script>") {
		t.Error("Markdown contains a raw <script>")
	}
	if !strings.Contains(md, `Stadskontoret \<script\>`) {
		t.Error("Markdown does not escape <script> in a cell")
	}
}

// The HTML report is one self-contained file: no external scripts, styles,
// images or fonts.
func TestHTMLSelfContained(t *testing.T) {
	page := string(render(t, testReport(), Options{Format: FormatHTML}))
	for _, bad := range []string{"src=", "<link", "@import", "url(", "http://", "https://"} {
		s := strings.ReplaceAll(page, `xmlns="http://www.w3.org/2000/svg"`, "")
		if strings.Contains(s, bad) {
			t.Errorf("HTML report contains %q", bad)
		}
	}
	for _, want := range []string{
		`<svg xmlns="http://www.w3.org/2000/svg"`, `aria-label="Värmekarta`, `aria-label="Tidslinje`,
		`@media print`, `class="sortable"`, `id="kommun-ekby"`, `id="ev-aaaa1111bbbb2222-19"`,
		`href="#ev-aaaa1111bbbb2222-19"`, `title="Ekby: Internationell policy för Ekby kommun, rad 19: ”Policyn revideras varje mandatperiod.”"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML report lacks %s", want)
		}
	}
}

func TestJSONShape(t *testing.T) {
	var doc struct {
		Schema string `json:"schema"`
		Tables []struct {
			Name string `json:"name"`
			Rows []struct {
				Doc   string                     `json:"doc"`
				Cells map[string]json.RawMessage `json:"cells"`
			} `json:"rows"`
		} `json:"tables"`
		Events []Event `json:"events"`
	}
	if err := json.Unmarshal(render(t, testReport(), Options{Format: FormatJSON}), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != Schema || len(doc.Tables) != 4 || doc.Tables[0].Name != "overview" {
		t.Fatalf("unexpected shape: schema %q, %d tables", doc.Schema, len(doc.Tables))
	}
	var goals struct {
		Value any `json:"value"`
	}
	for _, row := range doc.Tables[0].Rows {
		if row.Doc == "aaaa1111bbbb2222" {
			if err := json.Unmarshal(row.Cells["goals"], &goals); err != nil {
				t.Fatal(err)
			}
		}
	}
	if goals.Value != float64(2) {
		t.Errorf("goals value %v, want the number 2", goals.Value)
	}
	if len(doc.Events) == 0 {
		t.Error("no timeline events")
	}
}

func TestFormats(t *testing.T) {
	for path, want := range map[string]string{"a.md": "md", "b.CSV": "csv", "c.json": "json", "d.xlsx": "xlsx",
		"e.html": "html", "f.htm": "html", "g.txt": ""} {
		if got := FormatFromPath(path); got != want {
			t.Errorf("FormatFromPath(%q) = %q, want %q", path, got, want)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil {
		t.Error("ParseFormat(pdf) gave no error")
	}
	r := testReport()
	var buf bytes.Buffer
	if err := r.Write(&buf, Options{Format: FormatCSV, Table: "nope"}); err == nil {
		t.Error("an unknown table gave no error")
	}
	if err := r.Write(&buf, Options{Municipality: "Ingenstans"}); err == nil {
		t.Error("an unknown municipality gave no error")
	}
}

func TestEmptyReport(t *testing.T) {
	r := Build(nil)
	for _, f := range Formats() {
		var buf bytes.Buffer
		if err := r.Write(&buf, Options{Format: f}); err != nil {
			t.Errorf("empty report as %s: %v", f, err)
		}
	}
}

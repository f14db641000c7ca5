package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func openXLSX(t *testing.T, opts Options) *excelize.File {
	t.Helper()
	opts.Format = FormatXLSX
	f, err := excelize.OpenReader(bytes.NewReader(render(t, testReport(), opts)))
	if err != nil {
		t.Fatalf("reopen xlsx: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestXLSX(t *testing.T) {
	f := openXLSX(t, Options{})
	want := []string{"Översikt", "Teman per kommun", "Aktörer och ansvar", "Mål", "Belägg"}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	const ov = "Översikt"
	cell := func(sheet, ref string) string {
		t.Helper()
		v, err := f.GetCellValue(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// Header row: Swedish headers, bold.
	if h := cell(ov, "A1"); h != "Kommun" {
		t.Errorf("A1 = %q", h)
	}
	if h := cell(ov, "D1"); h != "Antagen" {
		t.Errorf("D1 = %q", h)
	}
	sid, _ := f.GetCellStyle(ov, "A1")
	st, err := f.GetStyle(sid)
	if err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("header is not bold: %+v %v", st, err)
	}
	// Row 3 is Ekby's policy (documents sorted by municipality and title).
	if v := cell(ov, "C3"); v != "Internationell policy för Ekby kommun" {
		t.Errorf("C3 = %q", v)
	}
	// The adoption date is a date: a serial number with a date format.
	raw, _ := f.GetCellValue(ov, "D3", excelize.Options{RawCellValue: true})
	if raw != "43902" { // 2020-03-12
		t.Errorf("D3 raw value %q, want the date serial 43902", raw)
	}
	if v := cell(ov, "D3"); v != "2020-03-12" {
		t.Errorf("D3 shows %q, want 2020-03-12", v)
	}
	if typ, _ := f.GetCellType(ov, "D3"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("D3 is stored as text")
	}
	// A year alone stays text; a number is a number.
	if v := cell(ov, "D4"); v != "2015" {
		t.Errorf("D4 = %q", v)
	}
	if typ, _ := f.GetCellType(ov, "J3"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("goals count J3 has type %v", typ)
	}
	if v := cell(ov, "J3"); v != "2" {
		t.Errorf("J3 = %q", v)
	}
	// Evidence as comments.
	comments, err := f.GetComments(ov)
	if err != nil {
		t.Fatal(err)
	}
	byCell := map[string]string{}
	for _, c := range comments {
		text := c.Text
		for _, p := range c.Paragraph {
			text += p.Text
		}
		byCell[c.Cell] = text
	}
	if c := byCell["D3"]; !strings.Contains(c, "rad 3") || !strings.Contains(c, "Antagen av kommunfullmäktige den 12 mars 2020") {
		t.Errorf("D3 comment = %q", c)
	}
	if _, ok := byCell["A3"]; ok {
		t.Error("the municipality cell has a comment")
	}
	// Frozen header row and autofilter on every sheet.
	for _, sheet := range f.GetSheetList() {
		p, err := f.GetPanes(sheet)
		if err != nil || !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v %v, want the first row frozen", sheet, p, err)
		}
	}
	filters := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" {
			filters[dn.Scope] = dn.RefersTo
		}
	}
	if r := filters[ov]; !strings.Contains(r, "$A$1:$U$5") {
		t.Errorf("overview autofilter %q, want $A$1:$U$5 (all %d sheets: %v)", r, len(filters), filters)
	}
	if len(filters) != len(want) {
		t.Errorf("autofilters on %d sheets, want %d: %v", len(filters), len(want), filters)
	}
	// Sensible widths: wider for titles than for counts, and capped.
	wTitle, _ := f.GetColWidth(ov, "C")
	wGoals, _ := f.GetColWidth(ov, "J")
	wMissing, _ := f.GetColWidth(ov, "S")
	if wTitle <= wGoals || wGoals < minColWidth || wMissing > maxColWidth {
		t.Errorf("column widths title %v, goals %v, missing %v", wTitle, wGoals, wMissing)
	}
	// The themes sheet marks presence; the evidence sheet lists sentences.
	if v := cell("Teman per kommun", "B2"); v != "x" {
		t.Errorf("themes B2 = %q", v)
	}
	rows, _ := f.GetRows("Belägg")
	if len(rows) < 10 {
		t.Errorf("evidence sheet has %d rows", len(rows))
	}
}

func TestXLSXProfile(t *testing.T) {
	f := openXLSX(t, Options{Municipality: "Ekby"})
	want := []string{"Fakta", "Mål", "Ansvar", "Uppföljning", "Avsnitt", "Anmärkningar", "Belägg"}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	// Two documents: the first column names the document.
	if v, _ := f.GetCellValue("Fakta", "A1"); v != "Dokument" {
		t.Errorf("Fakta A1 = %q", v)
	}
	rows, _ := f.GetRows("Uppföljning")
	if len(rows) != 9 { // header + 2 + 6 follow-ups
		t.Errorf("follow-up sheet has %d rows, want 9", len(rows))
	}
}

func TestSheetName(t *testing.T) {
	used := map[string]bool{}
	for _, c := range []struct{ in, want string }{
		{"Översikt", "Översikt"}, {"översikt", "översikt 2"}, {"a/b:c", "a-b-c"},
		{strings.Repeat("å", 40), strings.Repeat("å", 31)}, {strings.Repeat("å", 40), strings.Repeat("å", 29) + " 2"},
	} {
		if got := sheetName(c.in, used); got != c.want {
			t.Errorf("sheetName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

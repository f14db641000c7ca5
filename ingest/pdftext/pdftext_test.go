package pdftext

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// buildPDF writes a one-page PDF: obj 1 catalog, 2 pages, 3 page, 4 the
// content stream, 5 the font F1, then extra objects from 6 on.
func buildPDF(font, content string, extra ...string) []byte {
	return buildPDFTree("<< /Type /Pages /Kids [3 0 R] /Count 1 >>", font, content, extra...)
}

// buildPDFTree is buildPDF with the page tree root given.
func buildPDFTree(pages, font, content string, extra ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		pages,
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content)+1, content),
		font,
	}
	objs = append(objs, extra...)
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

const helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

func widths500() string {
	return "/FirstChar 32 /LastChar 255 /Widths [" + strings.Repeat("500 ", 224) + "]"
}

func text(t *testing.T, pdf []byte) string {
	t.Helper()
	res, err := Extract(pdf, Options{Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	var pages []string
	for _, p := range res.Pages {
		pages = append(pages, p.Text)
	}
	return strings.Join(pages, "\n\f\n")
}

func TestEncodings(t *testing.T) {
	for _, tc := range []struct {
		name, font, content, want string
		extra                     []string
	}{
		{"WinAnsi", helvetica, "BT /F1 12 Tf 72 700 Td (V\xe4xj\xf6 kommun) Tj 0 -14 Td (\xc5tg\xe4rder) Tj ET", "Växjö kommun\nÅtgärder", nil},
		{"MacRoman", "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /MacRomanEncoding >>",
			"BT /F1 12 Tf 72 700 Td (V\x8axj\x9a \x8crs \x80ngel \x85rebro) Tj ET", "Växjö års Ängel Örebro", nil},
		{"Differences", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128 /adieresis /odieresis /aring] >> >>",
			"BT /F1 12 Tf 72 700 Td (V\x80xj\x81 \x82r) Tj ET", "Växjö år", nil},
		{"Differences with uni names and a WinAnsi base", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /uni00E4 /u00F6 /g77] >> >>",
			"BT /F1 12 Tf 72 700 Td (V\x01xj\x02 \x96 \x80) Tj ET", "Växjö – €", nil},
		{"Identity-H with ToUnicode", "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Sans /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
			"BT /F1 12 Tf 72 700 Td <0001000200030004000500060007> Tj ET", "Växjö å",
			[]string{
				"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Sans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 600 /W [1 [667 556 500 278 556 278 556]] >>",
				cmapStream("<0001> <0056>\n<0002> <00E4>\n<0003> <0078>\n<0004> <006A>\n<0005> <00F6>\n<0006> <0020>\n<0007> <00E5>"),
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := text(t, buildPDF(tc.font, tc.content, tc.extra...)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func cmapStream(chars string) string {
	n := strings.Count(chars, "\n") + 1
	body := "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Test def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
		fmt.Sprintf("%d beginbfchar\n%s\nendbfchar\n", n, chars) +
		"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(body)+1, body)
}

// Words that a producer placed one by one, without space glyphs, are
// separated by a space where the gap is wider than 0.2 em; kerning is not.
func TestGluedWords(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding " + widths500() + " >>"
	content := "BT /F1 10 Tf 72 700 Td (Internationell) Tj 75 0 Td (strategi) Tj ET\n" +
		"BT /F1 10 Tf 72 686 Td [(Inter) -20 (nationellt) -400 (arbete)] TJ ET"
	if got, want := text(t, buildPDF(font, content)), "Internationell strategi\nInternationellt arbete"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Rows come out top to bottom whatever order the content draws them in;
// a larger font makes a "#" heading; a wide gap makes a paragraph break.
func TestRowsHeadingsParagraphs(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding " + widths500() + " >>"
	content := strings.Join([]string{
		"BT /F1 10 Tf 1 0 0 1 72 600 Tm (sista raden) Tj ET",
		"BT /F1 10 Tf 1 0 0 1 72 660 Tm (andra raden) Tj ET",
		"BT /F1 10 Tf 1 0 0 1 72 672 Tm (forsta raden) Tj ET",
		"BT /F1 10 Tf 1 0 0 1 72 648 Tm (tredje raden) Tj ET",
		"BT /F1 10 Tf 1 0 0 1 72 636 Tm (fjarde raden) Tj ET",
		"BT /F1 20 Tf 1 0 0 1 72 700 Tm (Rubrik) Tj ET",
	}, "\n")
	want := "# Rubrik\n\nforsta raden\nandra raden\ntredje raden\nfjarde raden\n\nsista raden"
	if got := text(t, buildPDF(font, content)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// Overprinted glyphs (fake bold) are not doubled.
func TestOverprint(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding " + widths500() + " >>"
	content := "BT /F1 10 Tf 1 0 0 1 72 700 Tm (Mal) Tj ET BT /F1 10 Tf 1 0 0 1 72.3 700 Tm (Mal) Tj ET"
	if got := text(t, buildPDF(font, content)); got != "Mal" {
		t.Errorf("got %q", got)
	}
}

func TestNoText(t *testing.T) {
	_, err := Extract(buildPDF(helvetica, "0 0 1 rg 72 72 200 200 re f"), Options{})
	if !errors.Is(err, ErrNoText) {
		t.Errorf("got %v, want ErrNoText", err)
	}
}

// The operator bound stops a page that would take too long and keeps what
// was read; the warning says so.
func TestOperatorLimit(t *testing.T) {
	content := "BT /F1 12 Tf 72 700 Td (Text) Tj ET\n" + strings.Repeat("q Q ", 5000)
	res, err := Extract(buildPDF(helvetica, content), Options{MaxOps: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages[0].Text != "Text" || len(res.Warnings) == 0 || !strings.Contains(res.Warnings[0], "operator limit") {
		t.Errorf("text %q warnings %v", res.Pages[0].Text, res.Warnings)
	}
}

// A page tree that points back at itself ends, it does not loop.
func TestCyclicPageTree(t *testing.T) {
	pdf := buildPDFTree("<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 9 >>", helvetica, "BT /F1 12 Tf 72 700 Td (Text) Tj ET")
	res, err := Extract(pdf, Options{Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Pages) != 1 || res.Pages[0].Text != "Text" {
		t.Errorf("pages %+v", res.Pages)
	}
}

func TestTrim(t *testing.T) {
	good := buildPDF(helvetica, "BT /F1 12 Tf 72 700 Td (Text) Tj ET")
	for _, tc := range []struct {
		name string
		in   []byte
	}{
		{"junk before", append([]byte("garbage\r\n"), good...)},
		{"junk after", append(append([]byte{}, good...), []byte("\x00\x00trailing bytes")...)},
		{"PDF 2.0 header", bytes.Replace(good, []byte("%PDF-1.4"), []byte("%PDF-2.0"), 1)},
	} {
		if got := text(t, tc.in); got != "Text" {
			t.Errorf("%s: got %q", tc.name, got)
		}
	}
}

// A landscape page whose text runs a quarter turn (bottom to top) reads
// like an upright one; a stray upright stamp is left out.
func TestRotatedPage(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding " + widths500() + " >>"
	content := strings.Join([]string{
		"BT /F1 10 Tf 0 1 -1 0 100 72 Tm (forsta raden) Tj ET",
		"BT /F1 10 Tf 0 1 -1 0 112 72 Tm (andra raden) Tj ET",
		"BT /F1 10 Tf 0 1 -1 0 124 72 Tm (tredje) Tj ET",
		"BT /F1 8 Tf 1 0 0 1 300 20 Tm (x) Tj ET",
	}, "\n")
	pdf := buildPDF(font, content)
	if got, want := text(t, pdf), "forsta raden\nandra raden\ntredje"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	res, _ := Extract(pdf, Options{})
	if len(res.Warnings) != 1 || res.Warnings[0] != "page 1: 1 characters of text set at an angle left out" {
		t.Errorf("warnings %q", res.Warnings)
	}
}

func TestBulletsAndLigatures(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Sans /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>"
	content := "BT /F1 10 Tf 1 0 0 1 72 700 Tm <0001> Tj 1 0 0 1 84 700 Tm <000200030004> Tj ET"
	pdf := buildPDF(font, content,
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Sans /DW 500 >>",
		cmapStream("<0001> <F0B7>\n<0002> <0061>\n<0003> <FB01>\n<0004> <006E>"))
	if got := text(t, pdf); got != "- afin" {
		t.Errorf("got %q, want %q", got, "- afin")
	}
}

// A short bold row standing alone is written **bold**; a bold row inside a
// paragraph is not; a bold row a little larger than the body is a heading.
func TestBoldRows(t *testing.T) {
	w := widths500()
	content := strings.Join([]string{
		"BT /F1 10 Tf 1 0 0 1 72 700 Tm (Syfte) Tj ET",
		"BT /F2 10 Tf 1 0 0 1 72 680 Tm (text ett) Tj ET",
		"BT /F1 10 Tf 1 0 0 1 72 668 Tm (fet mitt i) Tj ET",
		"BT /F2 10 Tf 1 0 0 1 72 656 Tm (text tre) Tj ET",
		"BT /F2 10 Tf 1 0 0 1 72 644 Tm (text fyra) Tj ET",
		"BT /F2 10 Tf 1 0 0 1 72 632 Tm (text fem) Tj ET",
		"BT /F1 11 Tf 1 0 0 1 72 600 Tm (M\xe5l) Tj ET",
		"BT /F2 10 Tf 1 0 0 1 72 580 Tm (sista) Tj ET",
	}, "\n")
	pdf := buildPDFTree("<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding "+w+" >>", content,
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "+w+" >>")
	pdf = bytes.Replace(pdf, []byte("/Font << /F1 5 0 R >>"), []byte("/Font << /F1 5 0 R /F2 6 0 R >>"), 1)
	want := "**Syfte**\n\ntext ett\nfet mitt i\ntext tre\ntext fyra\ntext fem\n\n# Mål\n\nsista"
	if got := text(t, fixOffsets(pdf)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// fixOffsets rewrites the xref table of a PDF edited by hand.
func fixOffsets(pdf []byte) []byte {
	head := pdf[:bytes.Index(pdf, []byte("xref\n"))]
	var offs []int
	for i := 1; ; i++ {
		j := bytes.Index(head, []byte(fmt.Sprintf("\n%d 0 obj\n", i)))
		if j < 0 {
			break
		}
		offs = append(offs, j+1)
	}
	var b bytes.Buffer
	b.Write(head)
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, len(head))
	return b.Bytes()
}

func columnsPDF(leftText, rightText string) []byte {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding " + widths500() + " >>"
	var c []string
	for i := 0; i < 10; i++ {
		y := 700 - 12*i
		c = append(c, fmt.Sprintf("BT /F1 10 Tf 1 0 0 1 72 %d Tm (%s %d) Tj ET", y, leftText, i))
		c = append(c, fmt.Sprintf("BT /F1 10 Tf 1 0 0 1 340 %d Tm (%s %d) Tj ET", y, rightText, i))
	}
	return buildPDF(font, strings.Join(c, "\n"))
}

// Two columns of text: the left column first. A table of short labels and
// long values: row by row.
func TestColumns(t *testing.T) {
	got := text(t, columnsPDF("vanster spalt med en lang rad text", "hoger spalt med en annan lang rad"))
	lines := strings.Split(got, "\n")
	if len(lines) != 20 || lines[0] != "vanster spalt med en lang rad text 0" || lines[9] != "vanster spalt med en lang rad text 9" ||
		lines[10] != "hoger spalt med en annan lang rad 0" {
		t.Errorf("columns read as\n%s", got)
	}
	got = text(t, columnsPDF("Etikett", "ett varde som ar ganska langt och fyller raden"))
	lines = strings.Split(got, "\n")
	if len(lines) != 10 || lines[0] != "Etikett 0 ett varde som ar ganska langt och fyller raden 0" {
		t.Errorf("table read as\n%s", got)
	}
}

// A running header in small type just above the body is a block of its
// own, not the start of the body's first paragraph.
func TestSmallHeaderSeparate(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding " + widths500() + " >>"
	content := strings.Join([]string{
		"BT /F1 8 Tf 1 0 0 1 72 712 Tm (2026-12-02 Sidhuvud) Tj ET",
		"BT /F1 12 Tf 1 0 0 1 72 698 Tm (Namnden ansvarar for) Tj ET",
		"BT /F1 12 Tf 1 0 0 1 72 684 Tm (arbetet i sin helhet) Tj ET",
		"BT /F1 12 Tf 1 0 0 1 72 670 Tm (och redovisar det) Tj ET",
		"BT /F1 12 Tf 1 0 0 1 72 656 Tm (varje ar.) Tj ET",
	}, "\n")
	got := text(t, buildPDF(font, content))
	want := "2026-12-02 Sidhuvud\n\nNamnden ansvarar for\narbetet i sin helhet\noch redovisar det\nvarje ar."
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// List items whose bullets were drawn as shapes come out as indented rows:
// after a lead-in ending in a colon they are "- " items again, a row
// starting a new item only where its first word would have fit above.
func TestShapeBullets(t *testing.T) {
	font := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding " + widths500() + " >>"
	content := strings.Join([]string{
		"BT /F1 10 Tf 1 0 0 1 72 700 Tm (Detta ar en lang inledande rad med text som fyller raden) Tj ET",
		"BT /F1 10 Tf 1 0 0 1 72 688 Tm (Kommunen ska:) Tj ET",
		"BT /F1 10 Tf 1 0 0 1 100 676 Tm (forsta punkten som ar lang och fyller hela raden ut) Tj ET",
		"BT /F1 10 Tf 1 0 0 1 100 664 Tm (fortsatt,) Tj ET",
		"BT /F1 10 Tf 1 0 0 1 100 652 Tm (andra punkten.) Tj ET",
		"BT /F1 10 Tf 1 0 0 1 72 630 Tm (Efter listan kommer en vanlig rad med text som tar slut.) Tj ET",
		"BT /F1 10 Tf 1 0 0 1 72 618 Tm (Och en till rad i samma stycke som den forra har.) Tj ET",
	}, "\n")
	got := text(t, buildPDF(font, content))
	want := "Detta ar en lang inledande rad med text som fyller raden\nKommunen ska:\n" +
		"- forsta punkten som ar lang och fyller hela raden ut\nfortsatt,\n- andra punkten.\n\n" +
		"Efter listan kommer en vanlig rad med text som tar slut.\nOch en till rad i samma stycke som den forra har."
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

package main

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"

	"styrdok/corpus"
	"styrdok/ingest"
)

// scannedPDF returns a PDF whose pages are images of the given lines of
// text and have no text layer, as a scanner makes them.
func scannedPDF(t *testing.T, pages [][]string) []byte {
	return mixedPDF(t, pages, nil)
}

// mixedPDF is scannedPDF where the pages in textPages (1-based) have the
// lines as text (Helvetica) instead of an image.
func mixedPDF(t *testing.T, pages [][]string, textPages map[int]bool) []byte {
	t.Helper()
	const scale = 4
	var objs []string
	var images [][]byte
	for _, lines := range pages {
		w, h := 600, 20+len(lines)*16
		small := image.NewGray(image.Rect(0, 0, w, h))
		draw.Draw(small, small.Bounds(), image.White, image.Point{}, draw.Src)
		dr := font.Drawer{Dst: small, Src: image.NewUniform(color.Black), Face: basicfont.Face7x13}
		for i, l := range lines {
			dr.Dot = fixed.P(10, 20+i*16)
			dr.DrawString(l)
		}
		big := image.NewGray(image.Rect(0, 0, w*scale, h*scale))
		for y := range h * scale {
			for x := range w * scale {
				big.Pix[y*big.Stride+x] = small.Pix[(y/scale)*small.Stride+x/scale]
			}
		}
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		zw.Write(big.Pix)
		zw.Close()
		images = append(images, z.Bytes())
		objs = append(objs, fmt.Sprintf("%d %d", w*scale, h*scale))
	}
	// Objects: 1 catalog, 2 pages, then per page: page, content, image.
	var buf bytes.Buffer
	var offsets []int
	obj := func(body string, stream []byte) {
		offsets = append(offsets, buf.Len())
		fmt.Fprintf(&buf, "%d 0 obj\n%s", len(offsets), body)
		if stream != nil {
			buf.WriteString("\nstream\n")
			buf.Write(stream)
			buf.WriteString("\nendstream")
		}
		buf.WriteString("\nendobj\n")
	}
	buf.WriteString("%PDF-1.4\n")
	kids := make([]string, len(pages))
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 3+i*3)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)), nil)
	for i := range pages {
		if textPages[i+1] {
			var cs strings.Builder
			cs.WriteString("BT /F1 12 Tf 14 TL 50 780 Td")
			for _, l := range pages[i] {
				fmt.Fprintf(&cs, " (%s) Tj T*", l)
			}
			cs.WriteString(" ET")
			obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>", 4+i*3, 5+i*3), nil)
			obj(fmt.Sprintf("<< /Length %d >>", cs.Len()), []byte(cs.String()))
			obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>", nil)
			continue
		}
		var w, h int
		fmt.Sscanf(objs[i], "%d %d", &w, &h)
		pw, ph := w*72/300, h*72/300 // 300 dpi
		content, img := 4+i*3, 5+i*3
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R /Resources << /XObject << /Im%d %d 0 R >> >> >>",
			pw, ph, content, i, img), nil)
		cs := fmt.Sprintf("q %d 0 0 %d 0 0 cm /Im%d Do Q", pw, ph, i)
		obj(fmt.Sprintf("<< /Length %d >>", len(cs)), []byte(cs))
		obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>",
			w, h, len(images[i])), images[i])
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return buf.Bytes()
}

var scanLines = [][]string{
	{"Strategi for internationellt arbete", "", "Kommunen ska samverka med andra stader.", "Planen ska foljas upp varje ar."},
	{"Ansvar", "", "Kommunstyrelsen ansvarar for arbetet."},
}

// TestBatchScannedPDF checks the error without --ocr, the error naming
// what to install when the OCR programs are missing, and (where they are
// installed) the OCR itself with its cache.
func TestBatchScannedPDF(t *testing.T) {
	useMemIndex(t)
	pdf := scannedPDF(t, scanLines)
	if _, err := ingest.Read("scan.pdf", pdf, ingest.Options{}); !isScanned(err) {
		t.Skipf("the PDF reader does not report a scanned PDF as %q (got %v)", scannedMarker, err)
	}
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "scan.pdf"), pdf)

	// Without --ocr: one failure that says what to do.
	out := t.TempDir()
	g, _, errb := batchGlobals()
	err := runBatch(context.Background(), g, batchOptions{Out: out}, src)
	if !errors.As(err, new(partialError)) || !strings.Contains(errb.String(), "rerun with --ocr") {
		t.Errorf("without --ocr: err = %v\n%s", err, errb)
	}

	// --ocr without the programs: the error names the packages.
	t.Run("tools missing", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		g, _, errb := batchGlobals()
		err := runBatch(context.Background(), g, batchOptions{Out: t.TempDir(), OCR: true}, src)
		if !errors.As(err, new(partialError)) {
			t.Errorf("err = %v", err)
		}
		for _, pkg := range []string{"poppler-utils", "tesseract-ocr", "tesseract-ocr-swe"} {
			if !strings.Contains(errb.String(), pkg) {
				t.Errorf("the error does not name %s:\n%s", pkg, errb)
			}
		}
	})

	if err := new(ocrReader).checkTools(context.Background()); err != nil {
		t.Skipf("OCR not tested: %v", err)
	}
	g, _, errb = batchGlobals()
	if err := runBatch(context.Background(), g, batchOptions{Out: out, OCR: true}, src); err != nil {
		t.Fatalf("--ocr: %v\n%s", err, errb)
	}
	st, err := corpus.OpenStore(filepath.Join(out, batchCorpusDir))
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.Get(corpus.IDFor(pdf))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"samverka", "Kommunstyrelsen", "arbetet"} {
		if !strings.Contains(d.Raw, w) {
			t.Errorf("OCR text lacks %q:\n%s", w, d.Raw)
		}
	}
	if d.Format != corpus.FormatPDF || len(d.Pages) != 2 || !strings.HasSuffix(d.Source, "scan.pdf") {
		t.Errorf("format %s, %d pages, source %s", d.Format, len(d.Pages), d.Source)
	}
	if p := d.Pages[1]; !strings.Contains(d.Raw[p.Span.Start:p.Span.End], "Kommunstyrelsen") {
		t.Errorf("page 2 = %q", d.Raw[p.Span.Start:p.Span.End])
	}
	if o := readBatchLog(t, out)[filepath.Join(src, "scan.pdf")]; !o.OCR {
		t.Errorf("log: %+v, want ocr true", o)
	}
	// The OCR text is cached by content hash: a forced rerun does not need
	// the programs.
	cached, _ := filepath.Glob(filepath.Join(out, batchOCRCacheDir, "*.json"))
	if len(cached) != 1 {
		t.Fatalf("OCR cache: %v", cached)
	}
	t.Setenv("PATH", t.TempDir())
	g, _, errb = batchGlobals()
	if err := runBatch(context.Background(), g, batchOptions{Out: out, OCR: true, Force: true}, src); err != nil {
		t.Errorf("rerun from the OCR cache: %v\n%s", err, errb)
	}
}

// TestBatchPartlyScannedPDF checks that only the pages without a text
// layer are read by OCR and the text of the others is kept.
func TestBatchPartlyScannedPDF(t *testing.T) {
	useMemIndex(t)
	if err := new(ocrReader).checkTools(context.Background()); err != nil {
		t.Skipf("OCR not tested: %v", err)
	}
	pages := [][]string{
		{"Internationell policy", "", "Policyn antogs av kommunfullmaktige."},
		scanLines[1],
	}
	pdf := mixedPDF(t, pages, map[int]bool{1: true})
	d, err := ingest.Read("mixed.pdf", pdf, ingest.Options{})
	if err != nil || len(scannedPages(d)) != 1 {
		t.Skipf("the PDF reader does not report page 2 as scanned (err %v)", err)
	}
	src, out := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(src, "mixed.pdf"), pdf)
	g, _, errb := batchGlobals()
	if err := runBatch(context.Background(), g, batchOptions{Out: out, OCR: true}, src); err != nil {
		t.Fatalf("%v\n%s", err, errb)
	}
	st, _ := corpus.OpenStore(filepath.Join(out, batchCorpusDir))
	got, err := st.Get(corpus.IDFor(pdf))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Pages) != 2 {
		t.Fatalf("%d pages", len(got.Pages))
	}
	p1 := got.Raw[got.Pages[0].Span.Start:got.Pages[0].Span.End]
	p2 := got.Raw[got.Pages[1].Span.Start:got.Pages[1].Span.End]
	if !strings.Contains(p1, "Policyn antogs") {
		t.Errorf("page 1 (text layer) = %q", p1)
	}
	if !strings.Contains(p2, "Kommunstyrelsen") {
		t.Errorf("page 2 (OCR) = %q", p2)
	}
	var ocrNote bool
	for _, n := range got.Notes {
		if strings.Contains(n.Message, scannedMarker) {
			t.Errorf("note still says the page was skipped: %+v", n)
		}
		ocrNote = ocrNote || strings.Contains(n.Message, "page 2 without a text layer read by OCR")
	}
	if !ocrNote {
		t.Errorf("no note about the OCR: %+v", got.Notes)
	}
}

func TestJoinPages(t *testing.T) {
	text, pages := joinPages([]string{"ett", "", "tre"})
	if text != "ett\n\n\n\ntre" {
		t.Errorf("text = %q", text)
	}
	for i, want := range []string{"ett", "", "tre"} {
		if got := text[pages[i].Span.Start:pages[i].Span.End]; got != want || pages[i].Number != i+1 {
			t.Errorf("page %d = %q (%d), want %q", i+1, got, pages[i].Number, want)
		}
	}
}

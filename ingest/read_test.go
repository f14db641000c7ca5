package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"styrdok/corpus"
)

var update = flag.Bool("update", false, "rewrite the .golden files under testdata/golden")

// render shows what a reader produced as readable text for a golden file.
func render(d *corpus.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "format: %s\nmunicipality: %s\ntitle: %s\n", d.Format, d.Municipality, d.Title)
	if len(d.Pages) > 0 {
		b.WriteString("pages:")
		for _, p := range d.Pages {
			fmt.Fprintf(&b, " %d:[%d,%d)", p.Number, p.Span.Start, p.Span.End)
		}
		b.WriteByte('\n')
	}
	for _, n := range d.Notes {
		fmt.Fprintf(&b, "note: %s: %s\n", n.Kind, n.Message)
	}
	b.WriteString("----\n")
	b.WriteString(d.Raw)
	b.WriteByte('\n')
	return b.String()
}

// goldenInputs are the reader inputs with a golden output.
func goldenInputs(t testing.TB) []string {
	var files []string
	for _, dir := range []string{"testdata/text", "testdata/fixtures"} {
		es, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			if !e.IsDir() {
				files = append(files, filepath.Join(dir, e.Name()))
			}
		}
	}
	return files
}

func TestGolden(t *testing.T) {
	for _, in := range goldenInputs(t) {
		name := strings.TrimPrefix(filepath.ToSlash(in), "testdata/")
		t.Run(name, func(t *testing.T) {
			d, err := ReadFile(in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := render(d)
			golden := filepath.Join("testdata/golden", strings.ReplaceAll(name, "/", "_")+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./ingest -run TestGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (run with -update to accept):\n%s", golden, lineDiff(string(want), got))
			}
		})
	}
}

// lineDiff shows the first lines where two texts differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %q\n  got  %q\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

func TestReadBasics(t *testing.T) {
	d, err := Read("a.txt", []byte("Rad ett\r\nRad två\r\n"), Options{Municipality: "Lund", Title: "Given"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Municipality != "Lund" || d.Title != "Given" {
		t.Errorf("options not honoured: %q %q", d.Municipality, d.Title)
	}
	if d.Raw != "Rad ett\nRad två\n" || d.Text != d.Raw || len(d.LineMap) != 3 {
		t.Errorf("raw %q text %q linemap %v", d.Raw, d.Text, d.LineMap)
	}
	if d.ID != corpus.IDFor([]byte("Rad ett\r\nRad två\r\n")) || d.Size != 19 || d.Source != "a.txt" {
		t.Errorf("id %s size %d source %s", d.ID, d.Size, d.Source)
	}
}

func TestFormFeedPages(t *testing.T) {
	d, err := Read("a.txt", []byte("sida ett\n\fsida två\nmer\n\f\nsida tre"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.Pages {
		got = append(got, fmt.Sprintf("%d:%q", p.Number, d.Raw[p.Span.Start:p.Span.End]))
	}
	if want := `1:"sida ett\n" 2:"sida två\nmer\n" 3:"\nsida tre"`; strings.Join(got, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, " "), want)
	}
}

// Markdown and text keep their lines: line n of Raw is line n of the file.
func TestMarkdownLinesKept(t *testing.T) {
	src, err := os.ReadFile("testdata/fixtures/002.md")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read("002.md", src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != corpus.FormatMarkdown {
		t.Errorf("format %s", d.Format)
	}
	if d.Raw != string(src) {
		t.Error("markdown text changed")
	}
}

func TestDecodeText(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		want string
		err  error
	}{
		{"utf8", []byte("åäö\n"), "åäö\n", nil},
		{"bom", []byte("\xef\xbb\xbfåäö"), "åäö", nil},
		{"utf16le", []byte("\xff\xfe\xe5\x00\r\x00\n\x00x\x00"), "å\nx", nil},
		{"utf16be", []byte("\xfe\xff\x00\xe5\x00\n"), "å\n", nil},
		{"utf16le no bom", []byte("h\x00e\x00j\x00 \x00d\x00\xe5\x00\n\x00"), "hej då\n", nil},
		{"cp1252", []byte("V\xe4xj\xf6 \x96 \x80"), "Växjö – €", nil},
		{"cr", []byte("a\rb\r\nc"), "a\nb\nc", nil},
		{"mojibake kept", []byte("fÃ¶r"), "fÃ¶r", nil},
		{"nul", []byte("abc\x00def"), "", ErrBinary},
		{"controls", bytes.Repeat([]byte("\x01\x02\x03abc"), 50), "", ErrBinary},
	} {
		got, err := DecodeText(tc.in)
		if !errors.Is(err, tc.err) || got != tc.want {
			t.Errorf("%s: got %q, %v; want %q, %v", tc.name, got, err, tc.want, tc.err)
		}
	}
}

func zipOf(t testing.TB, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDetect(t *testing.T) {
	pdf, _ := os.ReadFile("testdata/fixtures/001.libreoffice.pdf")
	docx, _ := os.ReadFile("testdata/fixtures/001.libreoffice.docx")
	odt, _ := os.ReadFile("testdata/fixtures/001.libreoffice.odt")
	for _, tc := range []struct {
		name string
		data []byte
		want string
		err  string
	}{
		{"x.pdf", pdf, corpus.FormatPDF, ""},
		{"x.bin", append([]byte("junk junk\n"), pdf...), corpus.FormatPDF, ""},
		{"x.txt", docx, corpus.FormatDOCX, ""},
		{"x", odt, corpus.FormatODT, ""},
		{"x.txt", []byte("<!DOCTYPE html><html><body>x</body></html>"), corpus.FormatHTML, ""},
		{"x.txt", []byte("\n  <HTML><body>x</body></HTML>"), corpus.FormatHTML, ""},
		{"x.md", []byte("# Rubrik"), corpus.FormatMarkdown, ""},
		{"x.markdown", []byte("# Rubrik"), corpus.FormatMarkdown, ""},
		{"x.htm", []byte("<p>x</p>"), corpus.FormatHTML, ""},
		{"x.md", []byte("<b>fet</b> text"), corpus.FormatMarkdown, ""},
		{"x.txt", []byte("text"), corpus.FormatText, ""},
		{"x.pdf", []byte("hello"), "", "not a PDF"},
		{"x.docx", []byte("hello"), "", "not a DOCX"},
		{"x.doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest"), "", "legacy Office"},
		{"x.zip", zipOf(t, map[string]string{"a.txt": "x"}), "", "neither DOCX nor ODT"},
		{"x.ods", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}), "", "spreadsheet"},
	} {
		got, err := Detect(tc.name, tc.data)
		if got != tc.want || (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("Detect(%s, %.12q): got %q, %v; want %q, %q", tc.name, tc.data, got, err, tc.want, tc.err)
		}
	}
}

// Bad inputs: each gets one clear error that names the file and the
// problem, never a panic.
func TestBadInput(t *testing.T) {
	good, err := os.ReadFile("testdata/fixtures/001.libreoffice.pdf")
	if err != nil {
		t.Fatal(err)
	}
	docx, _ := os.ReadFile("testdata/fixtures/001.libreoffice.docx")
	read := func(p string) []byte {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	random := make([]byte, 4096)
	seed := uint32(7)
	for i := range random {
		seed = seed*1664525 + 1013904223
		random[i] = byte(seed >> 24)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty.txt", nil, "empty.txt: empty file"},
		{"empty.pdf", []byte{}, "empty.pdf: empty file"},
		{"blank.txt", []byte(" \n\t\n"), "blank.txt: no text"},
		{"truncated.pdf", good[:len(good)/3], "truncated.pdf: damaged PDF"},
		{"header-only.pdf", []byte("%PDF-1.7\n"), "header-only.pdf: damaged PDF"},
		{"random.pdf", random, "random.pdf: not a PDF (no %PDF header)"},
		{"garbage.txt", random, "garbage.txt: binary data, not text"},
		{"garbage.md", append([]byte("# x\n\x00\x01"), random...), "garbage.md: binary data, not text"},
		{"garbage.html", append([]byte("<html>\x00"), random...), "garbage.html: binary data, not text"},
		{"encrypted.pdf", read("testdata/fixtures/bad/encrypted-user.pdf"), "encrypted.pdf: encrypted PDF (password required)"},
		{"scan.pdf", read("testdata/fixtures/bad/notext-image.pdf"), "scan.pdf: no text layer (scanned?)"},
		{"drawing.pdf", read("testdata/fixtures/bad/notext-vector.pdf"), "drawing.pdf: no text layer (scanned?)"},
		{"broken.docx", docx[:len(docx)/2], "broken.docx: broken zip archive"},
		{"empty.docx", zipOf(t, map[string]string{"word/document.xml": "<w:document/>"}), "empty.docx: no text"},
		{"badxml.docx", zipOf(t, map[string]string{"word/document.xml": "<w:document><w:p><w:t>x</w:p"}), "badxml.docx: word/document.xml: XML syntax error"},
	} {
		d, err := Read(tc.name, tc.data, Options{})
		if err == nil {
			t.Errorf("%s: no error (format %s, %d bytes of text)", tc.name, d.Format, len(d.Raw))
			continue
		}
		if !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: error %q, want it to start with %q", tc.name, err, tc.want)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error is not one line: %q", tc.name, err)
		}
	}
}

// Junk before the header and after %%EOF is trimmed and the file read,
// with a note saying so.
func TestPDFJunkTrimmed(t *testing.T) {
	good, err := os.ReadFile("testdata/fixtures/002.libreoffice.pdf")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Read("good.pdf", good, Options{})
	if err != nil {
		t.Fatal(err)
	}
	junk := append([]byte("Content-Type: application/pdf\r\n\r\n"), good...)
	junk = append(junk, []byte("\r\n--boundary--\r\ntrailing mail junk\r\n")...)
	d, err := Read("junk.pdf", junk, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Raw != want.Raw {
		t.Error("text differs from the clean file's")
	}
	notes := fmt.Sprint(d.Notes)
	if !strings.Contains(notes, "before the %PDF header") || !strings.Contains(notes, "after %%EOF") {
		t.Errorf("notes do not tell about the junk: %s", notes)
	}
}

// A PDF encrypted with an empty user password (restrictions only) is read.
func TestPDFEncryptedEmptyPassword(t *testing.T) {
	for _, f := range []string{"encrypted-empty.pdf", "encrypted-rc4.pdf"} {
		d, err := ReadFile("testdata/fixtures/"+f, Options{})
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if !strings.Contains(d.Raw, "internationell") {
			t.Errorf("%s: text not read", f)
		}
	}
}

func TestZipBomb(t *testing.T) {
	docx, err := os.ReadFile("testdata/fixtures/002.libreoffice.docx")
	if err != nil {
		t.Fatal(err)
	}
	old := unzipLimit
	unzipLimit = 2000
	defer func() { unzipLimit = old }()
	_, err = Read("bomb.docx", docx, Options{})
	if !errors.Is(err, ErrZipBomb) {
		t.Errorf("got %v, want ErrZipBomb", err)
	}
	// A single member over the budget.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate})
	w.Write([]byte("<w:document><w:body><w:p><w:r><w:t>"))
	w.Write(bytes.Repeat([]byte("a"), 10000))
	w.Write([]byte("</w:t></w:r></w:p></w:body></w:document>"))
	zw.Close()
	_, err = Read("bomb2.docx", buf.Bytes(), Options{})
	if !errors.Is(err, ErrZipBomb) {
		t.Errorf("got %v, want ErrZipBomb", err)
	}
}

// A text box inside a paragraph is its own line, read once (Word repeats
// it as VML in mc:Fallback); the paragraph around it keeps its text.
func TestDOCXTextBox(t *testing.T) {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`
	doc := `<w:document ` + w + `><w:body><w:p><w:r><w:t>Före </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Rutan</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Rutan</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>efter.</w:t></w:r></w:p></w:body></w:document>`
	d, err := Read("box.docx", zipOf(t, map[string]string{"word/document.xml": doc}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Raw != "Rutan\n\nFöre efter." {
		t.Errorf("got %q", d.Raw)
	}
}

// Footnotes are left out of the text, and a note says so.
func TestNotesNoted(t *testing.T) {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	docx := zipOf(t, map[string]string{"word/document.xml": `<w:document ` + w + `><w:body><w:p><w:r><w:t>Text</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p></w:body></w:document>`})
	const o = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"`
	odt := zipOf(t, map[string]string{
		"mimetype":    "application/vnd.oasis.opendocument.text",
		"content.xml": `<office:document-content ` + o + `><office:body><office:text><text:p>Text<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Not</text:p></text:note-body></text:note></text:p></office:text></office:body></office:document-content>`,
	})
	for name, data := range map[string][]byte{"n.docx": docx, "n.odt": odt} {
		d, err := Read(name, data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Raw != "Text" || len(d.Notes) != 1 || d.Notes[0].Message != "1 footnotes or endnotes are not in the text" {
			t.Errorf("%s: raw %q notes %v", name, d.Raw, d.Notes)
		}
	}
}

package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"styrdok/ingest/pdftext"
)

// Seeds beyond testdata/fuzz/<Target>: the committed fixtures of a kind.
func addFixtures(f *testing.F, pattern string) {
	files, _ := filepath.Glob(pattern)
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
}

// checkRead runs Read and fails on what must never happen: a recovered
// crash, a timeout (a hang), an error of more than one line, or text that
// is not clean UTF-8 with \n line ends.
func checkRead(t *testing.T, name string, data []byte) {
	old := PDFOptions
	PDFOptions = pdftext.Options{Timeout: 20 * time.Second}
	defer func() { PDFOptions = old }()
	d, err := Read(name, data, Options{})
	if err != nil {
		msg := err.Error()
		if strings.Contains(msg, "reader crashed") || errors.Is(err, pdftext.ErrTimeout) || strings.Contains(msg, "\n") {
			t.Fatalf("%s: %q", name, msg)
		}
		return
	}
	if !utf8.ValidString(d.Raw) || strings.Contains(d.Raw, "\r") {
		t.Fatalf("%s: raw text not clean: %q", name, d.Raw[:min(len(d.Raw), 200)])
	}
	for _, p := range d.Pages {
		if p.Span.Start < 0 || p.Span.End > len(d.Raw) || p.Span.Start > p.Span.End {
			t.Fatalf("%s: bad page span %+v", name, p)
		}
	}
}

func FuzzReadPDF(f *testing.F) {
	addFixtures(f, "testdata/fixtures/bad/notext-*.pdf")
	addFixtures(f, "testdata/fixtures/001.plain.pdf")
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "f.pdf", data) })
}

func FuzzReadText(f *testing.F) {
	addFixtures(f, "testdata/text/*.txt")
	addFixtures(f, "testdata/text/*.md")
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "f.txt", data) })
}

func FuzzReadHTML(f *testing.F) {
	addFixtures(f, "testdata/text/*.html")
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "f.html", data) })
}

func FuzzReadDOCX(f *testing.F) {
	addFixtures(f, "testdata/fixtures/*.docx")
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "f.docx", data) })
}

func FuzzReadODT(f *testing.F) {
	addFixtures(f, "testdata/fixtures/*.odt")
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, "f.odt", data) })
}

func FuzzDetectMeta(f *testing.F) {
	f.Add("Internationell strategi för Växjö kommun\n\nText.")
	f.Add("**Borås Stad**\n\n# Internationell policy\n")
	f.Add("Region Gotland\nLilla Edets kommun")
	f.Fuzz(func(t *testing.T, s string) {
		if m := DetectMunicipality(s); m != "" && Municipality(m) != m {
			t.Fatalf("municipality %q is not on the list", m)
		}
		if title := DetectTitle(s); strings.Contains(title, "\n") {
			t.Fatalf("title %q has a line break", title)
		}
	})
}

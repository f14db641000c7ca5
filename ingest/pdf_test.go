package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// swedishWords are the words of s that hold å, ä or ö.
func swedishWords(s string) []string {
	var out []string
	for _, w := range words(s) {
		if strings.ContainsAny(w.s, "åäöÅÄÖ") {
			out = append(out, w.s)
		}
	}
	return out
}

// survival is the share of the å/ä/ö words of src (as a multiset) found
// among the words of got.
func survival(src, got string) (found, total int) {
	have := map[string]int{}
	for _, w := range words(got) {
		have[w.s]++
	}
	for _, w := range swedishWords(src) {
		total++
		if have[w] > 0 {
			have[w]--
			found++
		}
	}
	return found, total
}

// Every word with å, ä or ö in the seed text survives in the text of the
// PDFs LibreOffice and Chromium made from it (at least 99.5%).
func TestPDFSwedishSurvives(t *testing.T) {
	pdfs, _ := filepath.Glob("testdata/fixtures/00?.*.pdf")
	if len(pdfs) == 0 {
		t.Fatal("no PDF fixtures")
	}
	allFound, allTotal := 0, 0
	for _, p := range pdfs {
		src, err := os.ReadFile(filepath.Join("testdata/fixtures", filepath.Base(p)[:3]+".md"))
		if err != nil {
			t.Fatal(err)
		}
		d, err := ReadFile(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		found, total := survival(string(src), d.Raw)
		allFound += found
		allTotal += total
		share := float64(found) / float64(total)
		t.Logf("%s: %d of %d å/ä/ö words (%.2f%%)", filepath.Base(p), found, total, 100*share)
		if share < 0.995 {
			t.Errorf("%s: only %d of %d å/ä/ö words survive (%.2f%%)", p, found, total, 100*share)
		}
	}
	t.Logf("all PDFs: %d of %d å/ä/ö words (%.2f%%)", allFound, allTotal, 100*float64(allFound)/float64(allTotal))
}

// Pages have spans into Raw that cover their text, in order.
func TestPDFPages(t *testing.T) {
	d, err := ReadFile("testdata/fixtures/001.libreoffice.pdf", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Pages) < 2 {
		t.Fatalf("%d pages", len(d.Pages))
	}
	prev := 0
	for i, p := range d.Pages {
		if p.Number != i+1 || p.Span.Start < prev || p.Span.End < p.Span.Start || p.Span.End > len(d.Raw) {
			t.Fatalf("page %d: bad span %+v", i+1, p)
		}
		if i > 0 && d.Raw[prev:p.Span.Start] != pageSeparator {
			t.Errorf("page %d: separator %q", i+1, d.Raw[prev:p.Span.Start])
		}
		prev = p.Span.End
	}
	if prev != len(d.Raw) {
		t.Errorf("pages end at %d, raw has %d bytes", prev, len(d.Raw))
	}
}

// Headings come out as "#" lines of their own; words are never glued.
func TestPDFHeadings(t *testing.T) {
	for _, f := range []string{"002.libreoffice.pdf", "002.chromium.pdf"} {
		d, err := ReadFile("testdata/fixtures/"+f, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range []string{"# Internationell strategi för Växjö kommun", "### Inledning", "### Ansvarsfördelning"} {
			if !strings.Contains("\n"+d.Raw+"\n", "\n"+h+"\n") {
				t.Errorf("%s: heading line %q missing", f, h)
			}
		}
		if strings.Contains(d.Raw, "  ") {
			t.Errorf("%s: double spaces in the text", f)
		}
	}
}

// Every reader gives the words of the seed: the HTML, DOCX, ODT and PDFs
// made from it hold at least 99.5% of its words.
func TestFormatsAgree(t *testing.T) {
	for _, seed := range []string{"001", "002"} {
		src, err := os.ReadFile("testdata/fixtures/" + seed + ".md")
		if err != nil {
			t.Fatal(err)
		}
		files, _ := filepath.Glob("testdata/fixtures/" + seed + ".*")
		for _, f := range files {
			if strings.HasSuffix(f, ".md") {
				continue
			}
			d, err := ReadFile(f, Options{})
			if err != nil {
				t.Fatal(err)
			}
			found, total := wordRecall(markupTags.ReplaceAllString(string(src), ""), d.Raw)
			share := float64(found) / float64(total)
			t.Logf("%s: %d of %d words (%.2f%%)", filepath.Base(f), found, total, 100*share)
			if share < 0.995 {
				t.Errorf("%s: only %d of %d words of the seed (%.2f%%)", f, found, total, 100*share)
			}
		}
	}
}

// wordRecall is the share of the words of src (as a multiset) found among
// the words of got.
func wordRecall(src, got string) (found, total int) {
	have := map[string]int{}
	for _, w := range words(got) {
		have[w.s]++
	}
	for _, w := range words(src) {
		total++
		if have[w.s] > 0 {
			have[w.s]--
			found++
		}
	}
	return found, total
}

// A two-column page (Chromium, CSS columns) reads the left column, then
// the right one; headings in order.
func TestPDFColumns(t *testing.T) {
	d, err := ReadFile("testdata/fixtures/001.columns.pdf", Options{})
	if err != nil {
		t.Fatal(err)
	}
	last := -1
	for _, s := range []string{
		"# Plan för Malmö stads internationella arbete\n",
		"### Syfte\n",
		"Planen klargör hur det politiska ansvaret för\narbetet är fördelat mellan kommunfullmäktige,\n",
		"### Mål\n",
		"Att Malmö ska vara tillväxtcentrum i\nSkåne, övriga Sydsverige och\n",
		"### Inriktning\n",
	} {
		i := strings.Index(d.Raw, s)
		if i < 0 {
			t.Errorf("missing %q", s)
			continue
		}
		if i < last {
			t.Errorf("%q out of order", s)
		}
		last = i
	}
}

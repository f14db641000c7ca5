package analyze

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"styrdok/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenInput is one document the golden tests analyse.
type goldenInput struct {
	name string
	data []byte
	muni string
}

// goldenInputs are the embedded seeds (as read, without text repair) and
// the hand-written documents under testdata/docs.
func goldenInputs(t testing.TB) []goldenInput {
	t.Helper()
	seeds, err := corpus.Seeds()
	if err != nil {
		t.Fatalf("seeds: %v", err)
	}
	var in []goldenInput
	for _, s := range seeds {
		in = append(in, goldenInput{s.Name, s.Data, s.Municipality})
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "docs", "*"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, goldenInput{filepath.Base(f), data, ""})
	}
	return in
}

func newTestDoc(name string, data []byte, muni string) *corpus.Document {
	d := &corpus.Document{Source: name, Raw: strings.ReplaceAll(string(data), "\r\n", "\n"), Municipality: muni}
	d.SetUnrepaired()
	return d
}

// renderSections writes the sections as readable text, one per line.
func renderSections(d *corpus.Document) string {
	var b strings.Builder
	for _, s := range d.Sections {
		part := s.Part
		if part == "" {
			part = "-"
		}
		fmt.Fprintf(&b, "%4d-%-4d %-12s %-16s %s\n", s.StartLine, s.EndLine, s.Label, part, s.Heading)
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	for _, in := range goldenInputs(t) {
		t.Run(in.name, func(t *testing.T) {
			d := newTestDoc(in.name, in.data, in.muni)
			Analyze(d)
			var js bytes.Buffer
			enc := json.NewEncoder(&js)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(d.Model); err != nil {
				t.Fatal(err)
			}
			stem := strings.TrimSuffix(in.name, filepath.Ext(in.name))
			checkGolden(t, filepath.Join("testdata", "golden", stem+".sections.golden"), renderSections(d))
			checkGolden(t, filepath.Join("testdata", "golden", stem+".model.golden"), js.String())
		})
	}
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./analyze -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (run with -update if the change is intended)\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff shows the first lines that differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var x, y string
		if i < len(w) {
			x = w[i]
		}
		if i < len(g) {
			y = g[i]
		}
		if x != y {
			fmt.Fprintf(&b, "line %d:\n  want %q\n  got  %q\n", i+1, x, y)
			if n++; n >= 8 {
				break
			}
		}
	}
	return b.String()
}

// TestInvariants checks what must hold for every input: spans inside the
// text, lines inside the raw text, labels and themes from their
// vocabularies, intervals well formed, evidence free of markup.
func TestInvariants(t *testing.T) {
	for _, in := range goldenInputs(t) {
		d := newTestDoc(in.name, in.data, in.muni)
		Analyze(d)
		checkInvariants(t, d)
	}
}

func checkInvariants(t *testing.T, d *corpus.Document) {
	t.Helper()
	rawLines := strings.Count(d.Raw, "\n") + 1
	inVocab := func(v string, vocab []string) bool {
		for _, x := range vocab {
			if x == v {
				return true
			}
		}
		return false
	}
	line := func(what string, l int) {
		if l < 1 || l > rawLines {
			t.Errorf("%s: %s line %d outside 1..%d", d.Source, what, l, rawLines)
		}
	}
	for _, s := range d.Sections {
		if s.Span.Start < 0 || s.Span.End > len(d.Text) || s.Span.Start > s.Span.End {
			t.Errorf("%s: section %q span %v outside text of %d bytes", d.Source, s.Heading, s.Span, len(d.Text))
		}
		line("section", s.StartLine)
		line("section end", s.EndLine)
		if s.EndLine < s.StartLine {
			t.Errorf("%s: section %q ends (%d) before it starts (%d)", d.Source, s.Heading, s.EndLine, s.StartLine)
		}
		if !inVocab(s.Label, corpus.SectionLabels) {
			t.Errorf("%s: section label %q not in the vocabulary", d.Source, s.Label)
		}
	}
	m := d.Model
	if m == nil {
		t.Fatalf("%s: no model", d.Source)
	}
	if m.DocumentType != "" && !inVocab(string(m.DocumentType), corpus.DocumentTypes) {
		t.Errorf("%s: document type %q", d.Source, m.DocumentType)
	}
	for _, th := range m.Themes {
		if !inVocab(th, corpus.Themes) {
			t.Errorf("%s: theme %q not in the vocabulary", d.Source, th)
		}
	}
	for _, g := range m.Goals {
		line("goal", g.Line)
	}
	for _, a := range m.Actors {
		if a.Name == "" || len(a.Mentions) == 0 {
			t.Errorf("%s: actor %+v without name or mentions", d.Source, a)
		}
		for _, r := range a.Responsibilities {
			line("responsibility", r.Line)
			if strings.ContainsAny(r.Evidence, "*#<>\n") {
				t.Errorf("%s: evidence with markup: %q", d.Source, r.Evidence)
			}
		}
	}
	for _, f := range m.FollowUp {
		line("follow-up", f.Line)
		if !inVocab(f.Category, corpus.FollowUpCategories) {
			t.Errorf("%s: follow-up category %q", d.Source, f.Category)
		}
		if !validInterval(f.Interval) {
			t.Errorf("%s: interval %q", d.Source, f.Interval)
		}
		if f.Interval == corpus.IntervalOnce && f.Due == "" {
			t.Errorf("%s: a one-off follow-up without due date: %+v", d.Source, f)
		}
	}
	if m.Adopted != nil && m.Adopted.Line != 0 {
		line("adopted", m.Adopted.Line)
	}
}

func validInterval(v string) bool {
	switch v {
	case corpus.IntervalOnce, corpus.IntervalUnspecified, corpus.IntervalAsNeeded, corpus.IntervalContinuous:
		return true
	}
	if len(v) < 3 || v[0] != 'P' {
		return false
	}
	unit := v[len(v)-1]
	if unit != 'Y' && unit != 'M' && unit != 'W' && unit != 'D' {
		return false
	}
	return isNumber(v[1 : len(v)-1])
}

func BenchmarkAnalyze(b *testing.B) {
	ins := goldenInputs(b)
	size := 0
	for _, in := range ins {
		size += len(in.data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range ins {
			Analyze(newTestDoc(in.name, in.data, in.muni))
		}
	}
}

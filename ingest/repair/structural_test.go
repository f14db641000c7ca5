package repair

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"styrdok/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// structuralFixes are the fixes this file tests, by the folder name of
// their golden files.
func structuralFixes() map[string]Fix {
	return map[string]Fix{
		"unicode":     UnicodeFix(),
		"mojibake":    MojibakeFix(),
		"boilerplate": BoilerplateFix(),
		"furniture":   FurnitureFix(),
		"footnotes":   FootnoteFix(),
		"hyphenation": HyphenationFix(),
	}
}

// checkChanges fails unless changes describe exactly how out was made
// from in: each Before is found at its Pos, the edits do not overlap, and
// applying them gives out. Together that means no input character is
// lost without a record.
func checkChanges(t testing.TB, name, in, out string, changes []corpus.Change) {
	t.Helper()
	end := -1
	for i, c := range changes {
		if c.Pos < 0 || c.Pos+len(c.Before) > len(in) || in[c.Pos:c.Pos+len(c.Before)] != c.Before {
			t.Fatalf("%s: change %d %+v does not match the input", name, i, c)
		}
		if c.Pos < end {
			t.Fatalf("%s: change %d overlaps the one before", name, i)
		}
		end = c.Pos + len(c.Before)
		if c.Before == c.After {
			t.Fatalf("%s: change %d changes nothing: %+v", name, i, c)
		}
		if c.Why == "" {
			t.Errorf("%s: change %d has no reason", name, i)
		}
	}
	if got := ApplyChanges(in, changes); got != out {
		t.Fatalf("%s: ApplyChanges(input, changes) differs from the output\n got: %q\nwant: %q", name, got, out)
	}
}

// render shows a fix's result for a golden file: the repaired text, the
// ranges set apart and every change.
func render(r Result) string {
	var b strings.Builder
	b.WriteString("==== text ====\n")
	b.WriteString(r.Text)
	if !strings.HasSuffix(r.Text, "\n") {
		b.WriteString("\n<no newline at end>\n")
	}
	if len(r.Boilerplate) > 0 {
		b.WriteString("==== set apart ====\n")
		for _, br := range r.Boilerplate {
			fmt.Fprintf(&b, "lines %d-%d: %s\n", br.StartLine, br.EndLine, br.Why)
		}
	}
	b.WriteString("==== changes ====\n")
	for _, c := range r.Changes {
		fmt.Fprintf(&b, "line %d: %s\n  - %q\n  + %q\n", c.Line, c.Why, c.Before, c.After)
	}
	fmt.Fprintf(&b, "==== line map ====\n%v\n", r.LineMap)
	return b.String()
}

func TestGolden(t *testing.T) {
	for dir, fix := range structuralFixes() {
		files, err := filepath.Glob(filepath.Join("testdata", "golden", dir, "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Errorf("no golden inputs for %s", dir)
		}
		for _, f := range files {
			t.Run(dir+"/"+filepath.Base(f), func(t *testing.T) {
				in, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				out, changes := fix.Apply(string(in))
				checkChanges(t, f, string(in), out, changes)
				got := render(Clean(string(in), []Fix{fix}))
				golden := strings.TrimSuffix(f, ".txt") + ".golden"
				if *update {
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if got != string(want) {
					t.Errorf("%s differs from %s (go test -update rewrites it):\n%s", f, golden, got)
				}
			})
		}
	}
}

func apply(f Fix, in string) string {
	out, _ := f.Apply(in)
	return out
}

func TestMojibake(t *testing.T) {
	cases := []struct{ in, want string }{
		{"fÃ¶r", "för"},
		{"Ã¤r Ã¥r Ã–ver Ã„ven Ã…ret", "är år Över Även Året"},
		{"2020â€“2024", "2020–2024"},
		{"â€œCitatâ€\u009d", "“Citat”"},
		{"fÃƒÂ¶r", "för"},
		{"Â§ 3", "§ 3"},
		{"cafÃ©", "café"},
		{"Ã AB", "Ã AB"},               // a legitimate Ã stays
		{"SKÖ” och Ä»", "SKÖ” och Ä»"}, // Swedish capitals before quotes stay
		{"f\ufffdr", "f\ufffdr"},       // U+FFFD is the diacritics fix's job
	}
	for _, c := range cases {
		if got := apply(MojibakeFix(), c.in); got != c.want {
			t.Errorf("mojibake(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestUnicode(t *testing.T) {
	cases := []struct{ in, want string }{
		{"ﬁnansiering", "finansiering"},
		{"a\u00a0b\u202fc", "a b c"},
		{"noll\u200bbredd\ufeff", "nollbredd"},
		{"mjuk\u00adhet", "mjukhet"},
		{"verksam\u00ad\nhet", "verksam-\nhet"},
		{"ha\u0308lsa", "hälsa"},
		{"“citat” – streck …", "“citat” – streck …"},
		{"fÃ\u00a0r", "fÃ\u00a0r"}, // mojibake of à is left for the mojibake fix
	}
	for _, c := range cases {
		if got := apply(UnicodeFix(), c.in); got != c.want {
			t.Errorf("unicode(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestHyphenation(t *testing.T) {
	cases := []struct{ in, want string }{
		{"under peri-\nodens slut", "under periodens\nslut"},
		{"en verksam-\nhetsberättelse", "en verksamhetsberättelse"},
		{"driver EU-\nprojekt ska", "driver EU-projekt\nska"},
		{"fort- och utbildningstillfällen", "fort- och utbildningstillfällen"},
		{"Miljö-\noch hälsoskyddsnämnden", "Miljö-\noch hälsoskyddsnämnden"},
		{"åren 2019-\n2022 var", "åren 2019-2022\nvar"},
		{"skicka e-\npost", "skicka e-post"},
		{"nya och spdnnande samarbets-former samt", "nya och spdnnande samarbetsformer samt"},
		{"vill bo, leva, ar-beta, studera", "vill bo, leva, arbeta, studera"},
		{"rapporten EU-projekt och röd-grön", "rapporten EU-projekt och röd-grön"},
		{"Profilering -\nI takt", "Profilering -\nI takt"},
		{"ska kontrol-\n\nlera och", "ska kontrollera\noch"},
		{"mot sjukdo-\nmen covid-19.", "mot sjukdomen\ncovid-19."},
		{"Sverige-\nFinland", "Sverige-Finland"},
		{"slut -\noch sedan", "slut -\noch sedan"},
		{"Tryck på Esc-tangenten och sedan Tabb-tangenten.", "Tryck på Esc-tangenten och sedan Tabb-tangenten."},
	}
	for _, c := range cases {
		in, want := c.in, c.want
		out, changes := HyphenationFix().Apply(in)
		checkChanges(t, in, in, out, changes)
		if out != want {
			t.Errorf("hyphenation(%q) = %q, want %q", in, out, want)
		}
	}
}

func TestFurniture(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"sida line", "Text.\n\nSida 2 (3)\n\nMer text.", "Text.\n\nMer text."},
		{"sida av", "Text.\nSida 2 av 3\nMer text.", "Text.\nMer text."},
		{"ocr sida", "Text.\n\nSida lav3\n", "Text.\n"},
		{"dnr header", "Dnr KS 2019/0412  Sida 1 (3)\n\nRubrik\n\nText.", "Rubrik\n\nText."},
		{"in sentence", "det gäller till det\n\n&\n\nDnr 171-482/2016\nSida 5 (7)\n\neuropeiska samarbetet.", "det gäller till det\neuropeiska samarbetet."},
		{"label only", "omvärldsavdelningen Sida 1 (8)\n2016-06-02", "omvärldsavdelningen\n2016-06-02"},
		{"dots", "Stockholms . .. . . o\nstad", "Stockholms\nstad"},
		{"bare number kept in text", "Vi har 3\nmål.", "Vi har 3\nmål."},
		{"bare page number", "Slut.\n\n2\n\nBörjan.", "Slut.\n\nBörjan."},
		{"sidan", "Slut.\n\nSidan 4 av 9\n\nBörjan.", "Slut.\n\nBörjan."},
		{"page of", "Slut.\n\nPage 4 of 9\n\nBörjan.", "Slut.\n\nBörjan."},
		{"ocr brackets", "Slut.\n\nSida 4 {9}\n\nBörjan.", "Slut.\n\nBörjan."},
		{"count only", "Slut.\n\n4 (9)\n\nBörjan.", "Slut.\n\nBörjan."},
	}
	for _, c := range cases {
		out, changes := FurnitureFix().Apply(c.in)
		checkChanges(t, c.name, c.in, out, changes)
		if out != c.want {
			t.Errorf("%s: furniture(%q) = %q, want %q", c.name, c.in, out, c.want)
		}
	}
}

func TestBoilerplateRanges(t *testing.T) {
	in := "Titel\n\nStorlek: px\nStarta visningen från sidan:\n\nDownload \"Titel\"\n\nTranskript\n\nPolicyns text börjar här.\n\n" +
		"Annan strategi\n\nAnnan strategi utdrag\n\nLäs mer\n\nTredje plan\n\nTredje plan utdrag\n\nLäs mer\n\nFjärde program\n\nFjärde program utdrag\n\nLäs mer\n"
	r := Clean(in, []Fix{BoilerplateFix()})
	if r.Text != "Policyns text börjar här.\n\n" {
		t.Errorf("text = %q", r.Text)
	}
	want := []corpus.LineRange{
		{StartLine: 1, EndLine: 8, Why: whyChrome},
		{StartLine: 12, EndLine: 28, Why: whyListing},
	}
	if !reflect.DeepEqual(r.Boilerplate, want) {
		t.Errorf("boilerplate = %+v, want %+v", r.Boilerplate, want)
	}
	// Two "Läs mer" links in running text are not a listing.
	clean := "Läs mer\n\nom nätverket.\n\nText här.\n\nLäs mer\n"
	if got := apply(BoilerplateFix(), clean); got != clean {
		t.Errorf("two links removed: %q", got)
	}
}

func TestFootnotes(t *testing.T) {
	in := "Staden har hög livskvalitet' och en stark (IKT)?. Den är hållbar.\n\n! Monocle (2015) Quality of life\n> Ericsson City Index (2014)\n Nästa sida börjar här."
	out, changes := FootnoteFix().Apply(in)
	checkChanges(t, "footnotes", in, out, changes)
	want := "Staden har hög livskvalitet¹ och en stark (IKT)². Den är hållbar.\n Nästa sida börjar här."
	if out != want {
		t.Errorf("footnotes:\n got %q\nwant %q", out, want)
	}
	// An apostrophe that closes a quote is not a mark; a numbered list at
	// the end of a text without marks is not a footnote block.
	for _, clean := range []string{
		"Hon kallade det 'samverkan' i texten.\n\n1 Första punkten\n2 Andra punkten\n",
		"Frågan är: vad gör vi?\n\n* Stjärna som punkt\n",
	} {
		if got := apply(FootnoteFix(), clean); got != clean {
			t.Errorf("footnotes changed clean text %q to %q", clean, got)
		}
	}
}

// TestCleanSwedishUnchanged runs the structural fixes over clean Swedish
// (the clean seeds) and requires that nothing changes.
func TestCleanSwedishUnchanged(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "corpus", "seeds", "00[12]_*.txt"))
	files = append(files, filepath.Join("testdata", "clean", "sv.txt"))
	fixes := []Fix{UnicodeFix(), MojibakeFix(), BoilerplateFix(), FurnitureFix(), FootnoteFix(), HyphenationFix()}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r := Clean(string(b), fixes)
		if r.Text != string(b) {
			for _, c := range r.Changes {
				t.Errorf("%s: line %d: %s: %q -> %q (%s)", f, c.Line, c.Fix, c.Before, c.After, c.Why)
			}
		}
	}
}

// TestCleanLineMapAndRanges runs the whole structural chain on a damaged
// seed excerpt and checks the line map and ranges are consistent.
func TestCleanChainInvariant(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*", "*.txt"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		checkChain(t, f, string(b))
	}
}

func checkChain(t testing.TB, name, in string) {
	t.Helper()
	text := in
	for _, f := range DefaultFixes() {
		out, changes := f.Apply(text)
		sort.SliceStable(changes, func(i, j int) bool { return changes[i].Pos < changes[j].Pos })
		checkChanges(t, name+": "+f.Name, text, out, changes)
		if !utf8.ValidString(out) && utf8.ValidString(text) {
			t.Fatalf("%s: %s made invalid UTF-8", name, f.Name)
		}
		text = out
	}
	r := Clean(in, DefaultFixes())
	if r.Text != text {
		t.Fatalf("%s: Clean differs from applying the fixes one by one", name)
	}
	rawLines := strings.Count(in, "\n") + 1
	if len(r.LineMap) != strings.Count(r.Text, "\n")+1 {
		t.Fatalf("%s: line map has %d entries for %d lines", name, len(r.LineMap), strings.Count(r.Text, "\n")+1)
	}
	for _, l := range r.LineMap {
		if l < 1 || l > rawLines {
			t.Fatalf("%s: line map entry %d out of 1..%d", name, l, rawLines)
		}
	}
	for _, c := range r.Changes {
		if c.Line < 1 || c.Line > rawLines {
			t.Fatalf("%s: change line %d out of range", name, c.Line)
		}
	}
	for _, br := range r.Boilerplate {
		if br.StartLine < 1 || br.EndLine > rawLines || br.StartLine > br.EndLine {
			t.Fatalf("%s: bad range %+v", name, br)
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"", "a", "-\n", "fÃ¶r Ã", "Sida 1 (2)\n", "peri-\nodens", "! x\n y", "\u00ad\n", "Ã\u00a0",
		"Läs mer\n\nx\n\nLäs mer\n\ny\n\nLäs mer\n", "1\n\n2 a\n\n3 b", "e Stockholms\n\\JJ stad\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\ufffd")
		}
		checkChain(t, "fuzz", s)
	})
}

// FuzzStructural checks the fixes before diacritics alone, so that a
// failure points at them.
func FuzzStructural(f *testing.F) {
	f.Add("peri-\nodens Sida 1 (2)\nfÃ¶r")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\ufffd")
		}
		text := s
		for _, fx := range []Fix{UnicodeFix(), MojibakeFix(), BoilerplateFix(), FurnitureFix(), FootnoteFix(), HyphenationFix()} {
			out, changes := fx.Apply(text)
			checkChanges(t, fx.Name, text, out, changes)
			text = out
		}
	})
}

func TestFurnitureRunningHeaders(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{
			"title interrupting sentences",
			"Riktlinjer för internationellt arbete\n\nKommunen ska arbeta med frågor som rör samverkan och\n\nRiktlinjer för internationellt arbete\n\nutveckling i hela regionen och vidare.\n",
			"Riktlinjer för internationellt arbete\n\nKommunen ska arbeta med frågor som rör samverkan och\nutveckling i hela regionen och vidare.\n",
		},
		{
			"page count at line end",
			"Plan för mångfald 1 (2)\n\nText på första sidan.\n\nPlan för mångfald 2 (2)\n\nText på andra sidan.\n",
			"Text på första sidan.\n\nText på andra sidan.\n",
		},
		{
			"repeated heading kept",
			"Bakgrund\n\nText om bakgrunden.\n\nBakgrund\n\nMer text.\n",
			"Bakgrund\n\nText om bakgrunden.\n\nBakgrund\n\nMer text.\n",
		},
	}
	for _, c := range cases {
		out, changes := FurnitureFix().Apply(c.in)
		checkChanges(t, c.name, c.in, out, changes)
		if out != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, out, c.want)
		}
	}
}

func TestBoilerplateTitleRecords(t *testing.T) {
	in := "Policyns sista mening.\n\nStrategi för Ale\n\nStrategi för Ale Antagen av kf 2013-12-16 Bakgrund En ökad\n\nVisa\n\nPlan för Bollebygd\n\nPlan för Bollebygd Dnr KS 2014/12 Inledning\n\nVisa\n\nProgram för Lerum\n\nProgram för Lerum 2015-2020 Kommunfullmäktige\n"
	out := apply(BoilerplateFix(), in)
	if out != "Policyns sista mening.\n\n" {
		t.Errorf("title records: %q", out)
	}
}

func TestOCRBullets(t *testing.T) {
	in := "Remissvar skickas till:\n\ne Finansroteln digitalt i Word-format.\n\ne KF/KS kansli i pappersform.\n\nDet e ett ord.\n"
	want := "Remissvar skickas till:\n\n• Finansroteln digitalt i Word-format.\n\n• KF/KS kansli i pappersform.\n\nDet e ett ord.\n"
	if got := apply(FurnitureFix(), in); got != want {
		t.Errorf("bullets:\n got %q\nwant %q", got, want)
	}
	one := "Text.\n\ne Ensam punkt med text.\n"
	if got := apply(FurnitureFix(), one); got != one {
		t.Errorf("a single e-line changed: %q", got)
	}
}

func TestNumberedHeadingsKept(t *testing.T) {
	in := "Mål 1\n\nStaden ska växa.\n\nMål 2\n\nStaden ska vara grön.\n\nMål 3\n\nStaden ska vara öppen.\n"
	if got := apply(FurnitureFix(), in); got != in {
		t.Errorf("numbered headings changed: %q", got)
	}
	footer := "Text på sidan som fortsätter här.\n\nPlan för kulturen 2024 sida 1\n\nMer text.\n\nPlan för kulturen 2024 sida 2\n\nÄnnu mer text.\n\nPlan för kulturen 2024 sida 3\n"
	want := "Text på sidan som fortsätter här.\n\nMer text.\n\nÄnnu mer text.\n"
	if got := apply(FurnitureFix(), footer); got != want {
		t.Errorf("running footer:\n got %q\nwant %q", got, want)
	}
}

// A passage the body repeats (a proposal stated twice) is not furniture.
func TestRepeatedPassageKept(t *testing.T) {
	p := "Kontoret föreslår att kommunstyrelsen föreslår\nkommunfullmäktige att strategin för staden,\nbilaga 1 till tjänsteutlåtandet, antas och att\nden ersätter stadens mål och riktlinjer för\ninternationellt arbete.\n"
	in := p + "\nDäremellan står en hel del annan text om saken.\n\n" + p
	if got := apply(FurnitureFix(), in); got != in {
		t.Errorf("repeated passage changed: %q", got)
	}
}

func TestSplitCells(t *testing.T) {
	in := "Socialnämnden\nStadsbyggnadsnämnde\n\nn\n\nTrafiknämnden\nDet är\n\nen\n\nsak.\n"
	want := "Socialnämnden\nStadsbyggnadsnämnden\n\nTrafiknämnden\nDet är\n\nen\n\nsak.\n"
	out, changes := HyphenationFix().Apply(in)
	checkChanges(t, "split cells", in, out, changes)
	if out != want {
		t.Errorf("split cells:\n got %q\nwant %q", out, want)
	}
}

func TestFurniturePDFPages(t *testing.T) {
	in := "Riktlinjer för arbetet\n\nFörsta sidans text slutar här.\n\n1\n\f\nRiktlinjer för arbetet\nAndra sidan börjar.\n\nBakgrund\n2\n\f\nRiktlinjer för arbetet\nTredje sidan.\n3\n"
	want := "Första sidans text slutar här.\n\n\f\nAndra sidan börjar.\n\nBakgrund\n\f\nTredje sidan.\n"
	out, changes := FurnitureFix().Apply(in)
	checkChanges(t, "pdf pages", in, out, changes)
	if out != want {
		t.Errorf("pdf pages:\n got %q\nwant %q", out, want)
	}
}

func TestHyphenAbbrevBeforeName(t *testing.T) {
	in := "ansvara för Malmö stads EU-\nStadskontoret gör"
	if got := apply(HyphenationFix(), in); got != in {
		t.Errorf("EU- before a capitalised line joined: %q", got)
	}
}

func TestFootnoteDigitMarks(t *testing.T) {
	in := "Staden har hög livskvalitet1 och goda skolor2. Det gäller 2030 också.\n\n1 Monocle (2015) Quality of life\n2 Skolverket (2016)\n\f\nNästa sida."
	want := "Staden har hög livskvalitet¹ och goda skolor². Det gäller 2030 också.\n\f\nNästa sida."
	out, changes := FootnoteFix().Apply(in)
	checkChanges(t, "digit marks", in, out, changes)
	if out != want {
		t.Errorf("digit marks:\n got %q\nwant %q", out, want)
	}
}

func TestTableNumbersKept(t *testing.T) {
	in := "Antal resor per år\n\n12\n\n7\n\n30\n\nSumman är stor.\n"
	if got := apply(FurnitureFix(), in); got != in {
		t.Errorf("table numbers removed: %q", got)
	}
	pages := "Text ett.\n\n1\n\nText två.\n\n2\n\nText tre.\n\n3\n"
	if got := apply(FurnitureFix(), pages); got != "Text ett.\n\nText två.\n\nText tre.\n" {
		t.Errorf("page numbers: %q", got)
	}
}

package repair

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"styrdok/corpus"
	"styrdok/corpus/sv"
)

// strippedLead is Swedish prose that lost its diacritics, so that the
// document counts as damaged and real-word errors may be repaired.
const strippedLead = "Kommunen ska framja samarbetet och oka kunskapen om varlden. " +
	"Manga forvaltningar behover starka sina natverk och nagra atgarder foreslas. " +
	"Malen for arbetet ar tydliga och foljs upp arligen av namnden. " +
	"Det internationella arbetet ger battre mojligheter for foretag och medborgare.\n\n"

// repairWord repairs text after the damaged lead and returns the result
// without the lead.
func repairDamaged(t *testing.T, text string) string {
	t.Helper()
	out, changes := fixDiacritics(sv.Lexicon(), strippedLead+text)
	if got := ApplyChanges(strippedLead+text, changes); got != out {
		t.Fatalf("changes do not reproduce the output:\n%q\n%q", got, out)
	}
	lead, _ := fixDiacritics(sv.Lexicon(), strippedLead)
	if !strings.HasPrefix(out, lead) {
		t.Fatalf("lead repaired differently in context: %q", out)
	}
	return out[len(lead):]
}

func TestDiacriticsRealWordsInContext(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Det ar viktigt.", "Det är viktigt."},
		{"Strategin omprovas vart fjarde ar.", "Strategin omprövas vart fjärde år."},
		{"Planen revideras varje ar.", "Planen revideras varje år."},
		{"Nar detta ar aktiverat visas rutan.", "När detta är aktiverat visas rutan."},
		{"De andra ar med i arbetet.", "De andra är med i arbetet."},
		{"Har ar nagra exempel pa det.", "Här är några exempel på det."},
		{"Kartan later dig valja omrade.", "Kartan låter dig välja område."},
		{"Kommunen har fatt medel.", "Kommunen har fått medel."},
		{"Barnet ar 12 ar gammalt.", "Barnet är 12 år gammalt."},
		{"Det ar viktigt for staden att delta.", "Det är viktigt för staden att delta."},
		{"Arbetet bygger pa samverkan.", "Arbetet bygger på samverkan."},
		{"Nämnden bor också delta.", "Nämnden bör också delta."},
		{"De far inte delta.", "De får inte delta."},
		{"Det gors pa samma satt.", "Det görs på samma sätt."},
		{"Kommunen har ett ansvar.", "Kommunen har ett ansvar."},
		{"Staden tar sig an uppgiften.", "Staden tar sig an uppgiften."},
		{"Man deltar i nätverket.", "Man deltar i nätverket."},
		{"FOR ATT DELTA", "FÖR ATT DELTA"},
		{"Overstatlig niva", "Överstatlig nivå"},
		{"beslut pa\nOverstatlig niva", "beslut på\növerstatlig nivå"},
		{"Med hjalp av Angra kan du ga tillbaka ett steg.", "Med hjälp av Ångra kan du gå tillbaka ett steg."},
		{"Det 4r bra och dven f6r oss.", "Det är bra och även för oss."},
		{"l&ng sikt och férvaltningar i stider", "lång sikt och förvaltningar i städer"},
		{"mer an tidigare", "mer än tidigare"},
		{"Det 4r f6r oss m@jligt att vara behGrig, sÄrskilt nu", "Det är för oss möjligt att vara behörig, särskilt nu"},
	} {
		if got := repairDamaged(t, c.in); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDiacriticsLeavesRealWordsInCleanText(t *testing.T) {
	for _, in := range []string{
		"Kommunen för en dialog med staden. Han for till Malmö och bor där. Det är bra.",
		"Vi har ett mål: att öka samverkan. Satt han där? Man får se.",
		"Kontakta oss på karin.kallstrom@example.se eller www.malmo.se för mer.",
		"Koden U11.9 och IKT gäller. Bilaga 1 till beslutet.",
		"Ställ in LANG för språket och spara filen som START.BAT innan du börjar. Det är så här det går till när du vill ändra något på din dator.",
	} {
		out, changes := fixDiacritics(sv.Lexicon(), in)
		if out != in || len(changes) != 0 {
			t.Errorf("%q changed to %q (%v)", in, out, changes)
		}
	}
}

func TestDiacriticsFffd(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Flyktingar fr\uFFFDn Ukraina. Du f\uFFFDr inte. \uFFFDven barn.", "Flyktingar från Ukraina. Du får inte. Även barn."},
		{"H\uFFFDlso- och sjukv\uFFFDrden \uFFFD kommunen", "Hälso- och sjukvården – kommunen"},
		{"Det g\uFFFDller ocks\uFFFD dig.", "Det gäller också dig."},
	} {
		out, changes := fixDiacritics(sv.Lexicon(), c.in)
		if out != c.want {
			t.Errorf("%q: got %q, want %q", c.in, out, c.want)
		}
		if strings.ContainsRune(out, '\uFFFD') {
			t.Errorf("%q: U+FFFD left", c.in)
		}
		for _, ch := range changes {
			if ch.Why == "" || len(ch.Candidates) == 0 {
				t.Errorf("change %+v lacks why or candidates", ch)
			}
		}
	}
}

// TestDiacriticsCleanSeeds checks that clean Swedish passes unchanged.
func TestDiacriticsCleanSeeds(t *testing.T) {
	seeds, err := corpus.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range seeds {
		if !strings.HasPrefix(s.Name, "001") && !strings.HasPrefix(s.Name, "002") {
			continue
		}
		in := string(s.Data)
		out, changes := fixDiacritics(sv.Lexicon(), in)
		words := len(strings.Fields(in))
		if len(changes)*1000 > words { // at most 0.1 % of the words
			t.Errorf("%s: %d changes in %d words: %v", s.Name, len(changes), words, changes)
		}
		if len(changes) == 0 && out != in {
			t.Errorf("%s: text changed without a recorded change", s.Name)
		}
	}
}

// TestDiacriticsGolden repairs each testdata/diacritics/*.in and compares
// the text and the list of changes with the .golden file.
func TestDiacriticsGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "diacritics", "*.in"))
	if len(files) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out, changes := fixDiacritics(sv.Lexicon(), string(data))
		var b strings.Builder
		b.WriteString(out)
		b.WriteString("\n---- changes\n")
		for _, c := range changes {
			b.WriteString(c.Before + " -> " + c.After + "\n")
		}
		golden := strings.TrimSuffix(f, ".in") + ".golden"
		if *update {
			if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if string(want) != b.String() {
			t.Errorf("%s differs from %s (go test -update rewrites it):\n%s", f, golden, b.String())
		}
	}
}

func FuzzDiacritics(f *testing.F) {
	for _, s := range []string{
		"", "ar", "Det ar bra for oss", "f\uFFFDr", "\uFFFD", "#r &r 4r dr p& 1 | {or",
		"méangfalden uppritthéaller", "Overstatlig", "a@b.se", "ÅÄÖ åäö", "ii rn m",
		"vart fjarde ar", strippedLead + "pa samma satt", "KV\uFFFD? kurs\uFFFDr \uFFFDst\uFFFDd\uFFFD 12\uFFFD",
	} {
		f.Add(s)
	}
	lx := sv.Lexicon()
	f.Fuzz(func(t *testing.T, in string) {
		out, changes := fixDiacritics(lx, in)
		if got := ApplyChanges(in, changes); got != out {
			t.Fatalf("changes do not reproduce the output: %q vs %q", got, out)
		}
		for _, c := range changes {
			if c.Pos < 0 || c.Pos+len(c.Before) > len(in) || in[c.Pos:c.Pos+len(c.Before)] != c.Before {
				t.Fatalf("change %+v does not match the input", c)
			}
		}
		if strings.ContainsRune(out, '\uFFFD') {
			t.Fatalf("U+FFFD left in %q", out)
		}
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Fatalf("valid input gave invalid output %q", out)
		}
	})
}

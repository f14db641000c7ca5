package ingest

import (
	"os"
	"strings"
	"testing"
)

func TestMunicipalityList(t *testing.T) {
	names := Municipalities()
	if len(names) != 290 {
		t.Fatalf("%d municipalities, want 290", len(names))
	}
	for _, n := range []string{"Stockholm", "Upplands Väsby", "Malung-Sälen", "Dals-Ed", "Östra Göinge", "Åre", "Växjö"} {
		if Municipality(n) != n {
			t.Errorf("%s missing", n)
		}
	}
}

func TestMunicipality(t *testing.T) {
	for in, want := range map[string]string{
		"Stockholms":      "Stockholm",
		"STOCKHOLMS":      "Stockholm",
		"Västerås":        "Västerås",
		"Borås":           "Borås",
		"Lilla Edets":     "Lilla Edet",
		"upplands  väsby": "Upplands Väsby",
		"Falu":            "Falun",
		"Skåne":           "",
		"Kommunen":        "",
	} {
		if got := Municipality(in); got != want {
			t.Errorf("Municipality(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDetectMunicipality(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Internationell strategi för Växjö kommun", "Växjö"},
		{"Helsingborgs stad har en lång tradition", "Helsingborg"},
		{"Borås Stad\nInternationell policy", "Borås"},
		{"Plan för Malmö stads internationella arbete", "Malmö"},
		{"Malmö stad", "Malmö"},
		{"STOCKHOLMS STAD\nRemiss", "Stockholm"},
		{"Internationell strategi för Stockholms stad", "Stockholm"},
		{"Västerås stad", "Västerås"},
		{"Göteborgs Stad", "Göteborg"},
		{"Lunds kommun", "Lund"},
		{"Upplands Väsby kommun", "Upplands Väsby"},
		{"Lilla Edets kommun", "Lilla Edet"},
		{"Falu kommun", "Falun"},
		{"Malung-Sälens kommun", "Malung-Sälen"},
		{"Region Gotland", "Gotland"},
		{"Region Skåne och Region Stockholm samverkar", ""},
		{"Region Stockholm kommun", ""},
		{"Kommunen ska. Den gamla stad", ""},
		{"Trollhättans kommun. Samarbete med Vänersborgs kommun och Trollhättans stad.", "Trollhättan"},
		{"Samarbete med Kalmar kommun. Växjö kommun. Växjö kommun.", "Växjö"},
		{"Kalmar kommun och Växjö kommun", "Kalmar"},
		{"Uppsala växer. Uppsala ska bli bättre.", "Uppsala"},
		{"Vara eller inte vara. Vara.", ""},
		{"Strategi for Grastorp kommun. Grastorp ska vaxa.", "Grästorp"},
		{"GRÄSTORP KOMMUN\n\nTrafikstrategi\n\n" + strings.Repeat("Text om trafik och annat. ", 30) +
			"Läs mer: Nacka kommun, plan. Nacka kommun, policy. Nacka kommuns program.", "Grästorp"},
		{"Ett dokument utan ort.", ""},
	} {
		if got := DetectMunicipality(tc.text); got != tc.want {
			t.Errorf("DetectMunicipality(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestDetectTitle(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"**Malmö stad**\n\n# Plan för Malmö stads internationella arbete\n\nText.", "Plan för Malmö stads internationella arbete"},
		{"2 Internationell policy\n\nStorlek: px", "Internationell policy"},
		{"Angående remissen om Internationell strategi\nför Stockholms stad\n\nDetta gäller", "Angående remissen om Internationell strategi för Stockholms stad"},
		{"Kommunstyrelsen\n\nHandlingsplan mot våld\n\nText.", "Handlingsplan mot våld"},
		{"# Inledning\n\nDen här planen gäller alla.\n\n## Riktlinjer för inköp\n", "Riktlinjer för inköp"},
		{"# Inledning\n\nText utan typ.\n", "Inledning"},
		{"Vi har en plan\nsom fortsätter på nästa rad\noch nästa.\n", ""},
		{"strategi i gemener\n\n", ""},
		{"", ""},
	} {
		if got := DetectTitle(tc.text); got != tc.want {
			t.Errorf("DetectTitle(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// The five seeds, read as text, get their municipality.
func TestSeedsMunicipality(t *testing.T) {
	want := map[string]string{"000": "Helsingborg", "001": "Malmö", "002": "Växjö", "003": "Stockholm", "004": "Borås"}
	es, err := os.ReadDir("../corpus/seeds")
	if err != nil {
		t.Skip("no seeds:", err)
	}
	seen := 0
	for _, e := range es {
		w, ok := want[e.Name()[:min(3, len(e.Name()))]]
		if !ok || !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		seen++
		d, err := ReadFile("../corpus/seeds/"+e.Name(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Municipality != w {
			t.Errorf("%s: municipality %q, want %q", e.Name(), d.Municipality, w)
		}
	}
	if seen != 5 {
		t.Errorf("saw %d seeds, want 5", seen)
	}
}

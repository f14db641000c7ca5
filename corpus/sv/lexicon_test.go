package sv

import "testing"

func TestKnown(t *testing.T) {
	l := Lexicon()
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"för", true}, {"För", true}, {"FÖR", true}, {"verksamhetsberättelse", true},
		{"kommunfullmäktige", true}, {"även", true}, {"dven", false}, {"férvaltningar", false},
		{"Stockholm", true}, {"STOCKHOLM", true}, {"stockholm", false},
		{"arbets", false}, {"", false}, {"xqzv", false},
	} {
		if got := l.Known(c.w); got != c.want {
			t.Errorf("Known(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}

func TestFreq(t *testing.T) {
	l := Lexicon()
	if l.Freq("för") < 1000 || l.Freq("För") != l.Freq("för") {
		t.Errorf("Freq(för) = %d, Freq(För) = %d", l.Freq("för"), l.Freq("För"))
	}
	if l.Freq("xqzv") != 0 {
		t.Error("Freq of an unknown word is not 0")
	}
	if l.PairFreq("för", "att") < 100 || l.PairFreq("För", "ATT") != l.PairFreq("för", "att") {
		t.Errorf("PairFreq(för, att) = %d", l.PairFreq("för", "att"))
	}
	if l.PairFreq("att", "xqzv") != 0 {
		t.Error("PairFreq of an unseen pair is not 0")
	}
}

func TestCompound(t *testing.T) {
	l := Lexicon()
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"verksamhetsberättelse", true}, {"kommunstyrelsen", true}, {"företagsetableringar", true},
		{"utvecklingsfrågor", true}, {"EU-projekt", true}, {"miljöbilsfrågorna", true},
		{"periodens", false}, {"socialnamnden", false}, {"namnden", false}, {"xqzvbilar", false}, {"bil", false}, {"ar", false},
	} {
		if got := l.Compound(c.w); got != c.want {
			t.Errorf("Compound(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}

func BenchmarkLoadLexicon(b *testing.B) {
	for b.Loop() {
		if _, err := loadLexicon(lexiconData); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkKnown(b *testing.B) {
	l := Lexicon()
	words := []string{"för", "Verksamheten", "dven", "kommunfullmäktige", "STOCKHOLM", "férvaltningar"}
	for b.Loop() {
		for _, w := range words {
			l.Known(w)
		}
	}
}

func TestDiacritic(t *testing.T) {
	l := Lexicon()
	got := map[string]bool{}
	l.Diacritic("ar", func(w string, f int, standalone bool) { got[w] = standalone })
	if !got["är"] || !got["år"] {
		t.Errorf("Diacritic(ar) = %v, want är and år", got)
	}
	if !l.HasDiacriticTwin("for") || !l.HasDiacriticTwin("FOR") || l.HasDiacriticTwin("och") {
		t.Error("HasDiacriticTwin wrong for for/FOR/och")
	}
	if !l.CompoundHead("hälso") || !l.CompoundHead("verksamhets") || l.CompoundHead("xqzv") {
		t.Error("CompoundHead wrong")
	}
	if Fold("Överstatlig") != "overstatlig" {
		t.Errorf("Fold = %q", Fold("Överstatlig"))
	}
}

func TestListedAndEach(t *testing.T) {
	l := Lexicon()
	if !l.Listed("kommun") || l.Listed("the") && l.Listed("of") {
		t.Error("Listed: want kommun listed and English counts not")
	}
	n := 0
	l.EachDiacritic(func(w string, f int) bool {
		if !hasDiacritic(w) {
			t.Fatalf("EachDiacritic gave %q", w)
		}
		n++
		return n < 1000
	})
	if n != 1000 {
		t.Errorf("EachDiacritic stopped after %d", n)
	}
}

func TestLoadLexiconRejectsBadData(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("x"), lexiconData[:len(lexiconData)/2]} {
		if _, err := loadLexicon(data); err == nil {
			t.Errorf("loadLexicon(%d bytes) gave no error", len(data))
		}
	}
}

package analyze

import (
	"strings"
	"testing"
	"unicode/utf8"

	"styrdok/corpus"
)

func FuzzFindDates(f *testing.F) {
	for _, s := range []string{"2013-10-15", "den 25 augusti 2009", "19 februari 2002", "2016 06 21", "31/12/2019", "1:a mars 2010", "år 2010", "Ö"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range FindDates(s) {
			if d.Start < 0 || d.End > len(s) || d.Start >= d.End || len(d.ISO) != 10 {
				t.Fatalf("FindDates(%q): %+v", s, d)
			}
		}
		_ = ParseDate(s)
	})
}

func FuzzParseInterval(f *testing.F) {
	for _, s := range []string{"minst en gång per mandatperiod", "årligen", "vid behov", "senast den 31 december 2019", "år 2010", "ÅRLIGEN", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iv := ParseInterval(s)
		if iv.Value != "" && !validInterval(iv.Value) {
			t.Fatalf("ParseInterval(%q) = %+v", s, iv)
		}
		if iv.Value == corpus.IntervalOnce && iv.Due == "" {
			t.Fatalf("ParseInterval(%q): once without due", s)
		}
	})
}

func FuzzAnalyze(f *testing.F) {
	f.Add("# Strategi\n\n## Syfte\n\n- att växa;\n\nKommunstyrelsen ansvarar för uppföljning årligen.\n")
	f.Add("3 Internationell policy Bakgrund Dagens läge. Syfte Det arbete. Ansvar Kommunfullmäktige Fastställer policyn.")
	f.Add("Beslutad av: Kommunfullmäktige  Datum: 2015-03-12  Dnr: KS 2015/123  Giltig till: 2019-12-31")
	f.Add("Tjänsteutlåtande\n\n\nStrategi för X\n\n1. Bakgrund\n\nLäs mer\n\nLäs mer\n")
	f.Add("**\n#\n<h1></h1>\n1.\n att\n\x00é")
	f.Add("| Diarienummer | KS 2015/0123 |\n|---|---|\n| Beslutad av | Kommunfullmäktige |\nDokumenttyp\n\nRiktlinjer\nGäller 2015-03-12 – 2019-12-31 Dokumentägare Kontoret:")
	f.Add("Dokumenttyp\nDiarienummer\nBeslutad av\nRiktlinjer\nKS 1/2\nKS\nSammanträdesdatum 2020-11-23\nKS antar riktlinjer för x och y att gälla")
	f.Add("## Våra vänorter\n\n| Vänort | Land |\n|---|---|\n| Keila | Estland |\n|\nVänortsavtal med A i B, C på D samt vänort E")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		d := &corpus.Document{Source: "fuzz.txt", Raw: s}
		d.SetUnrepaired()
		Analyze(d)
		lines := strings.Count(s, "\n") + 1
		for _, sec := range d.Sections {
			if sec.Span.Start < 0 || sec.Span.End > len(d.Text) || sec.Span.Start > sec.Span.End {
				t.Fatalf("span %+v outside text of %d bytes", sec.Span, len(d.Text))
			}
			if sec.StartLine < 1 || sec.EndLine > lines || sec.EndLine < sec.StartLine {
				t.Fatalf("section lines %d-%d outside 1..%d", sec.StartLine, sec.EndLine, lines)
			}
		}
		if d.Model == nil {
			t.Fatal("no model")
		}
	})
}

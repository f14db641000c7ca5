package index

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// bleveWords is the reference: bleve's unicode tokenizer + lowercase filter.
func bleveWords(text []byte) []wordToken {
	in := bytes.Clone(text) // the lowercase filter writes into the tokenizer's input
	ts := lowercase.NewLowerCaseFilter().Filter(unicode.NewUnicodeTokenizer().Tokenize(in))
	out := make([]wordToken, 0, len(ts))
	for _, t := range ts {
		out = append(out, wordToken{term: t.Term, start: t.Start, end: t.End, pos: t.Position})
	}
	return out
}

// diffWords describes the first difference between want and got, or "".
func diffWords(text []byte, want, got []wordToken) string {
	for k := 0; k < len(want) || k < len(got); k++ {
		switch {
		case k >= len(got):
			return fmt.Sprintf("token %d: missing %q [%d,%d) pos %d", k, want[k].term, want[k].start, want[k].end, want[k].pos)
		case k >= len(want):
			return fmt.Sprintf("token %d: extra %q [%d,%d) pos %d", k, got[k].term, got[k].start, got[k].end, got[k].pos)
		}
		w, g := want[k], got[k]
		if !bytes.Equal(w.term, g.term) || w.start != g.start || w.end != g.end || w.pos != g.pos {
			lo := max(0, min(w.start, g.start)-20)
			hi := min(len(text), max(w.end, g.end)+20)
			if lo > hi {
				lo = hi
			}
			return fmt.Sprintf("token %d: want %q [%d,%d) pos %d, got %q [%d,%d) pos %d, near %q",
				k, w.term, w.start, w.end, w.pos, g.term, g.start, g.end, g.pos, text[lo:hi])
		}
	}
	return ""
}

func TestTokenizeLowerCases(t *testing.T) {
	cases := []string{
		"",
		"Hej",
		"  Kommunfullmäktige  beslutar ",
		"ÅÄÖ åäö Éva CAFÉ naïve",
		"EU:s mål och EU:S ÅTGÄRDER",
		"t.ex. bl.a. s.k. m.m. fr.o.m. T.EX.",
		"slutet. Början",
		"2016-2019 och 2016–2019 samt 2016—2019",
		"1 000 kronor, 1\u00a0000 kronor, 12\u202f500",
		"3,5 procent, 3.5 %, 1,000,000.25 och 1.2.3",
		"a1 1a a1b2 5km 2:a 3:e 10:30",
		"info@kommun.se https://www.kommun.se/a_b?x=1&y=2 www.Eskilstuna.se",
		"barnens' och barnen’s, don't, rock’n’roll, ‘citat’ 'citat'",
		"soft\u00adhyphen av\u00ad bryt\u00ad\u00adning \u00adinledande",
		"non\u00a0breaking\u00a0space",
		"– tankstreck — långt • punkt ● … ellips “citat” ”citat” «citat» „citat“",
		"under_score _x x_ __ _ 1_2 a_.b a._b",
		"a..b a.:b a:.b a::b 1,,2 1,;2 1;2 1:2 a,b a;b",
		"a·b a\u2027b a\u2024b 1\u2024 2 1\u20442",
		"e\u0301 cafe\u0301s \u0301start a\u0301:b",
		"a\u200db a\u200cb a\u2060b \ufeffBOM a\u200bb",
		"Ⱥbc ȺȾ aȺ İstanbul İ",
		"ΣΟΦΟΣ σοφος ΟΔΟΣ. ΣΣ Σ aΣ",
		"Москва ДОМ дом",
		"カタカナ テスト・テスト ひらがな 漢字テキスト 中文",
		"עברית ש\"ב א'",
		"한국어 텍스트",
		"🇸🇪 flag 👍 emoji",
		"§ 5 kap. 3 § 2 st. ½ ² ³ ¹ × ÷ ° µg ª º",
		"€100 100€ $5 5$ £3",
		"tab\tseparated\nline\r\nwindows\rmac\vvt\fff\u0085nel\u2028ls\u2029ps",
		"ocr|noise~words^here 1l1 O0O rn.m",
		"\ufffd\ufffd ord\ufffdord \ufffd",
		"1.a a.1 1'a a'1 1'2 a'b",
		"ʰa ˆb ˗c ˗ a˗b ˠ ˬ ˮ ˢ",
		"Ͱͱ ͷ ͻ ;",
		// Invalid UTF-8: bleve stops before some bad bytes, and takes a broken
		// lead byte with the ASCII byte after it as one char.
		"abc \xff def", "abc\xff def", "\xc4 abc def", "Ord \xc3 ord\xc3\xa4 Ä\xa4 x", "a\xe2\x80 b c",
	}
	for _, c := range cases {
		text := []byte(c)
		want := bleveWords(text)
		got := tokenizeLower(text, nil)
		if d := diffWords(text, want, got); d != "" {
			t.Errorf("%q: %s", c, d)
		}
		if string(text) != c {
			t.Errorf("%q: text modified to %q", c, text)
		}
	}
}

// TestTokenizeLowerHandChecked pins a few outputs written by hand, so a change
// in the reference cannot go unnoticed.
func TestTokenizeLowerHandChecked(t *testing.T) {
	cases := []struct {
		in   string
		want string // term@start-end, space separated; positions are 1,2,3...
	}{
		{"EU:s mål", "eu:s@0-4 mål@5-9"},
		{"t.ex. 2016-2019", "t.ex@0-4 2016@6-10 2019@11-15"},
		{"3,5 och 1 000", "3,5@0-3 och@4-7 1@8-9 000@10-13"},
		{"Av\u00adbryt", "av\u00adbryt@0-8"},
		{"Ⱥb", "ⱥb@0-3"},
		{"ΟΔΟΣ", "οδος@0-8"},
		{"İa", "i\xb0@0-3"}, // bleve's filter does not move bytes after a shorter lower case
		{"aȺb", "aⱥb@0-4"},
		{"abc \xff def", "abc@0-3"},              // bleve stops for good at a bad byte after a non-word
		{"\xc4 abc def", "\xc4 abc@0-5 def@6-9"}, // a broken lead byte swallows the space
	}
	for _, c := range cases {
		var parts []string
		for k, w := range tokenizeLower([]byte(c.in), nil) {
			if w.pos != k+1 {
				t.Errorf("%q: token %d has position %d", c.in, k, w.pos)
			}
			parts = append(parts, fmt.Sprintf("%s@%d-%d", w.term, w.start, w.end))
		}
		if got := strings.Join(parts, " "); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

// TestTokenizeLowerRuneClasses puts every rune the fast scanner classifies in
// contexts that show its word-break class.
func TestTokenizeLowerRuneClasses(t *testing.T) {
	var runes []rune
	for r := rune(0); r < tableEnd; r++ {
		runes = append(runes, r)
	}
	for r := rune(0x2000); r <= 0x20CF; r++ {
		runes = append(runes, r)
	}
	runes = append(runes, 0xFEFF, 0xFFFD)
	for _, r := range runes {
		x := string(r)
		for _, c := range []string{
			x, "a" + x + "b", "1" + x + "2", "a" + x, x + "a", "1" + x, x + "1",
			"_" + x + "_", "a" + x + x + "b", "ab" + x + "\u0301cd", "a\u0301" + x + "b",
			"x " + x + " y", "a:" + x + "b", "a" + x + ".b", "1" + x + ",2", "Ä" + x + "ö",
		} {
			text := []byte(c)
			if d := diffWords(text, bleveWords(text), tokenizeLower(text, nil)); d != "" {
				t.Errorf("U+%04X in %q: %s", r, c, d)
			}
		}
	}
}

// realTexts reads the seeds, the OCR dev set and the analyzer's test documents.
func realTexts(t testing.TB) map[string][]byte {
	dirs := []string{"../../shared/seeds", "../../shared/data/ocr-dev", "../analyze/testdata"}
	texts := map[string][]byte{}
	for _, dir := range dirs {
		if _, err := os.Stat(dir); err != nil {
			continue
		}
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return fmt.Errorf("read %s: %w", p, err)
			}
			texts[p] = b
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat("../../shared/seeds"); err != nil {
		t.Skip("shared data absent")
	}
	return texts
}

func TestTokenizeLowerRealText(t *testing.T) {
	texts := realTexts(t)
	if len(texts) < 10 {
		t.Fatalf("only %d texts found", len(texts))
	}
	words := 0
	for p, text := range texts {
		want := bleveWords(text)
		got := tokenizeLower(text, nil)
		words += len(want)
		if d := diffWords(text, want, got); d != "" {
			t.Errorf("%s: %s", p, d)
		}
		// Appending to earlier tokens must keep their terms.
		prefix := []wordToken{{term: []byte("x"), pos: 7}}
		got2 := tokenizeLower(text, prefix)
		if len(got2) != len(got)+1 || string(got2[0].term) != "x" {
			t.Errorf("%s: appending to out lost the earlier token", p)
		} else if d := diffWords(text, got, got2[1:]); d != "" {
			t.Errorf("%s: appending to out: %s", p, d)
		}
	}
	t.Logf("%d texts, %d words", len(texts), words)
}

// FuzzTokenizeLower compares with bleve on arbitrary bytes, invalid UTF-8
// included: the output must be identical (bleve stops for good before some
// invalid bytes, and that is matched too). The same input made valid UTF-8 is
// compared as well, to exercise the fast scanner more.
func FuzzTokenizeLower(f *testing.F) {
	for _, s := range []string{
		"EU:s t.ex. 2016-2019 1 000 3,5 a_b don’t soft\u00adhyphen", "ΟΔΟΣ Ⱥ カタカナ 漢字",
		"abc \xff def", "\xc4 abc", "a\xe2\x80 b", "e\u0301\xcc", "1.\xd9\xab2", "\ufffd\u200d",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		orig := bytes.Clone(text)
		for _, in := range [][]byte{text, bytes.ToValidUTF8(text, []byte("\ufffd"))} {
			got := tokenizeLower(in, nil)
			if d := diffWords(in, bleveWords(in), got); d != "" {
				t.Errorf("%q: %s", in, d)
			}
		}
		if !bytes.Equal(text, orig) {
			t.Errorf("text modified")
		}
	})
}

func BenchmarkTokenize(b *testing.B) {
	texts := realTexts(b)
	var all [][]byte
	size := 0
	for p, t := range texts {
		if strings.Contains(p, "/seeds/") && strings.HasSuffix(p, ".txt") {
			all = append(all, t)
			size += len(t)
		}
	}
	if size == 0 {
		b.Skip("no seed texts")
	}
	b.Run("bleve", func(b *testing.B) {
		b.SetBytes(int64(size))
		tok := unicode.NewUnicodeTokenizer()
		low := lowercase.NewLowerCaseFilter()
		bufs := make([][]byte, len(all))
		for i := 0; i < b.N; i++ {
			for k, t := range all {
				bufs[k] = append(bufs[k][:0], t...) // the filter lower-cases in place
				low.Filter(tok.Tokenize(bufs[k]))
			}
		}
	})
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(int64(size))
		var out []wordToken
		for i := 0; i < b.N; i++ {
			for _, t := range all {
				out = tokenizeLower(t, out[:0])
			}
		}
	})
}

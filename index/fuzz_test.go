package index

import (
	"context"
	"errors"
	"slices"
	"testing"
	"unicode/utf8"
)

// FuzzSearch checks that any query either parses and runs or returns a
// ParseError whose position lies inside the query; never a panic.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"staden", `"nätverk med" -mål`, "+a~1 b* kommun:Lund år:2015-", `"`, "år:", "ö~", "x:y:z", "\xff\xfe", "-", "a*b"} {
		f.Add(q)
	}
	ix, err := OpenMem()
	if err != nil {
		f.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Put(doc("a1", "Lund", textA)); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		_, err := ix.Search(context.Background(), Request{Query: q, Municipality: "lund"})
		var pe *ParseError
		if errors.As(err, &pe) {
			if pe.Pos < 0 || pe.Pos > len(q) || pe.Column < 1 || pe.Column > utf8.RuneCountInString(q)+1 {
				t.Errorf("%q: position %d column %d out of range", q, pe.Pos, pe.Column)
			}
			return
		}
		if err != nil {
			t.Errorf("%q: %v", q, err)
		}
	})
}

// FuzzFindMatches checks that highlighting ends on any text and that
// jumping between possible first letters marks what a scan of every word
// marks.
func FuzzFindMatches(f *testing.F) {
	for _, c := range [][2]string{
		{"Kommunen – ökar; ÖKA\u00a0öka\xffka", "öka"},
		{"a–b „c” d\u0301e Éf", "e"},
		{"t.ex. EU:s 2016-2019 e-post", "eu"},
		{"", "x"},
	} {
		f.Add(c[0], c[1])
	}
	noSkip := fuzzyMatcher{folded: "qqqqqqqqqqqqqqqqqqqq", n: 0}
	f.Fuzz(func(t *testing.T, text, q string) {
		ws := analyzeWords([]byte(q))
		if len(ws) == 0 {
			return
		}
		m := termMatcher{plain: string(ws[0].plain), folded: string(ws[0].folded)}
		got := findMatches(text, []matcher{m})
		want := findMatches(text, []matcher{m, noSkip})
		if !slices.Equal(got, want) {
			t.Errorf("%q in %q: %v jumping, %v word by word", q, text, got, want)
		}
	})
}

// FuzzCollapsed checks the KWIC helpers against their definition: the
// first or last n runes of the text with white space collapsed.
func FuzzCollapsed(f *testing.F) {
	f.Add("  Kommunen  ska\n\töka  ", 5)
	f.Add("a b", 1)
	f.Add("\xff \u00a0x", 2)
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = n%50 + 1
		if n < 1 {
			n = -n + 1
		}
		c := []rune(collapse(s))
		head, tail := c, c
		if len(c) > n {
			head, tail = c[:n], c[len(c)-n:]
		}
		if got := collapsedHead(s, n); got != string(head) {
			t.Errorf("collapsedHead(%q, %d) = %q, want %q", s, n, got, string(head))
		}
		if got := collapsedTail(s, n); got != string(tail) {
			t.Errorf("collapsedTail(%q, %d) = %q, want %q", s, n, got, string(tail))
		}
	})
}

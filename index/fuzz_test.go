package index

import (
	"context"
	"errors"
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

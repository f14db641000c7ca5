package web

import (
	"html"
	"strings"
	"testing"
)

// FuzzHighlight checks that highlighting never lets markup through: with
// the <mark> tags taken out and the entities decoded, the output is the
// input line, and it holds no '<' but those of the tags.
func FuzzHighlight(f *testing.F) {
	for _, s := range []struct{ line, hl string }{
		{"Kommunen ska samverka.", "samverka"},
		{"<script>alert(1)</script> mål", "script mål"},
		{"a & b \"c\" 'd' <e>", "e b"},
		{"Ärende Å ä ö", "ärende ö"},
		{"\xff\xfe ogiltig utf-8", "ogiltig"},
	} {
		f.Add(s.line, s.hl)
	}
	f.Fuzz(func(t *testing.T, line, hl string) {
		out := string(highlight(line, highlightSet(hl)))
		bare := strings.ReplaceAll(strings.ReplaceAll(out, "<mark>", ""), "</mark>", "")
		if strings.ContainsAny(bare, "<>") {
			t.Fatalf("markup in %q -> %q", line, out)
		}
		if got := html.UnescapeString(bare); got != line {
			t.Fatalf("text changed: %q -> %q", line, got)
		}
	})
}

package reports

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"styrdok/corpus"
)

// FuzzWrite builds a report from a document whose text and model hold
// arbitrary strings and checks that every format is written without error,
// that the JSON parses and that HTML never carries a raw "<" from the data.
func FuzzWrite(f *testing.F) {
	f.Add("Strategi <b>fet</b>", "Mål | med ”citat”", "P4Y", "2013-10-15", 3, "Ort")
	f.Add("", "", "", "", 0, "")
	f.Add("x\ny\r\n", "\x00\xff", "once", "20", -5, "Å|Ä")
	f.Add("<script>alert(1)</script>", "[^1]: fot", "P0M", "9999-99-99", 1<<30, "<img src=x>")
	f.Fuzz(func(t *testing.T, title, goal, interval, date string, line int, town string) {
		raw := title + "\n" + goal + "\n"
		d := &corpus.Document{ID: "fuzz", Municipality: town, Source: "f.txt", Raw: raw}
		d.SetUnrepaired()
		m := corpus.NewModel("f.txt")
		m.Title = corpus.Opt(title)
		m.Adopted = &corpus.Event{Date: corpus.Opt(date), By: corpus.Opt(goal), Line: line}
		m.Revisions = []corpus.Event{{Date: corpus.Opt(date), Line: line}}
		m.Goals = []corpus.Goal{{Text: goal, SectionLabel: title, Line: line}}
		m.FollowUp = []corpus.FollowUp{{What: goal, Who: corpus.Opt(town), Interval: interval, Due: corpus.Opt(date), Line: line}}
		m.Actors = []corpus.Actor{{Name: title, Responsibilities: []corpus.Responsibility{{Verb: goal, Object: title, Line: line}}}}
		m.Themes = []string{title, "nätverk"}
		m.Networks = []string{goal}
		m.Evidence = map[string]corpus.Fact{"title": {Evidence: goal, Line: line}}
		d.Model = m
		r := Build([]*corpus.Document{d, nomodelDoc()})
		for _, format := range Formats() {
			var buf bytes.Buffer
			if err := r.Write(&buf, Options{Format: format}); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			switch format {
			case FormatJSON:
				if !json.Valid(buf.Bytes()) {
					t.Fatal("invalid JSON")
				}
			case FormatHTML:
				for _, s := range []string{title, goal, town} {
					if strings.Contains(s, "<") && len(s) > 1 && strings.Contains(buf.String(), s) {
						t.Fatalf("HTML contains the raw text %q", s)
					}
				}
			}
		}
		if r.Profile(r.Profiles[0].Municipality) == nil {
			t.Fatal("a profile cannot be found by its own name")
		}
	})
}

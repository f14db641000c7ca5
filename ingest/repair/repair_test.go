package repair

import (
	"reflect"
	"strings"
	"testing"

	"styrdok/corpus"
)

func TestCleanLineMap(t *testing.T) {
	join := Fix{Name: "join", Apply: func(s string) (string, []corpus.Change) {
		// join "a-\nb" into "ab\n" as a hyphenation fix would
		i := strings.Index(s, "peri-\nodens")
		if i < 0 {
			return s, nil
		}
		ch := []corpus.Change{{Pos: i, Before: "peri-\nodens", After: "periodens"}}
		return ApplyChanges(s, ch), ch
	}}
	drop := Fix{Name: "drop", Apply: func(s string) (string, []corpus.Change) {
		i := strings.Index(s, "Sida 2 (3)\n")
		if i < 0 {
			return s, nil
		}
		ch := []corpus.Change{{Pos: i, Before: "Sida 2 (3)\n", After: ""}}
		return ApplyChanges(s, ch), ch
	}}
	raw := "ett\nunder peri-\nodens slut\nSida 2 (3)\ntva\ntre"
	r := Clean(raw, []Fix{join, drop})
	if want := "ett\nunder periodens slut\ntva\ntre"; r.Text != want {
		t.Fatalf("text = %q, want %q", r.Text, want)
	}
	if want := []int{1, 2, 5, 6}; !reflect.DeepEqual(r.LineMap, want) {
		t.Errorf("line map = %v, want %v", r.LineMap, want)
	}
	if r.Changes[0].Line != 2 || r.Changes[0].Fix != "join" {
		t.Errorf("change 0 = %+v, want line 2 fix join", r.Changes[0])
	}
	if r.Changes[1].Line != 4 || r.Changes[1].Fix != "drop" {
		t.Errorf("change 1 = %+v, want line 4 fix drop", r.Changes[1])
	}
}

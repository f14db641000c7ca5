package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func cleanRun(t *testing.T, opts cleanOptions, jsonOut bool, stdin, path string) (string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	g := &globalOptions{JSON: jsonOut, Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	err := runClean(context.Background(), g, opts, path)
	return out.String(), err
}

const damaged = "Titel\n\nStorlek: px\nStarta visningen från sidan:\n\nTranskript\n\n" +
	"Strategin fÃ¶r arbetet gÃ¤ller under peri-\nodens slut.\n\nSida 2 (3)\n\nMer text hÃ¤r.\n"

func TestCleanStdin(t *testing.T) {
	out, err := cleanRun(t, cleanOptions{}, false, damaged, "-")
	if err != nil {
		t.Fatal(err)
	}
	want := "Strategin för arbetet gäller under periodens\nslut.\n\nMer text här.\n"
	if out != want {
		t.Errorf("clean = %q, want %q", out, want)
	}
}

func TestCleanDiff(t *testing.T) {
	out, err := cleanRun(t, cleanOptions{Diff: true}, false, damaged, "-")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"@@ lines 1-7 @@ boilerplate\n-Titel\n-\n-Storlek: px\n",
		"@@ lines 8-9 @@ mojibake, hyphenation\n-Strategin fÃ¶r arbetet gÃ¤ller under peri-\n-odens slut.\n+Strategin för arbetet gäller under periodens\n+slut.\n",
		"  mojibake: «Ã¶» → «ö» (UTF-8 read as Windows-1252)\n",
		"-Sida 2 (3)\n",
		"lines 1-6: boilerplate: web page or viewer chrome",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
}

func TestCleanJSON(t *testing.T) {
	out, err := cleanRun(t, cleanOptions{}, true, damaged, "-")
	if err != nil {
		t.Fatal(err)
	}
	var rep cleanReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	fixes := map[string]bool{}
	for _, c := range rep.Changes {
		fixes[c.Fix] = true
	}
	for _, f := range []string{"mojibake", "boilerplate", "furniture", "hyphenation"} {
		if !fixes[f] {
			t.Errorf("no %s change in %+v", f, rep.Changes)
		}
	}
	if len(rep.Boilerplate) == 0 || rep.Boilerplate[0].StartLine != 1 {
		t.Errorf("boilerplate = %+v", rep.Boilerplate)
	}
}

func TestCleanEmptyAndMissing(t *testing.T) {
	out, err := cleanRun(t, cleanOptions{}, false, "", "-")
	if err != nil || out != "" {
		t.Errorf("empty input: %q, %v", out, err)
	}
	if _, err := cleanRun(t, cleanOptions{}, false, "", filepath.Join(t.TempDir(), "saknas.txt")); err == nil {
		t.Error("missing file: no error")
	}
}

func TestCleanFileCleanTextUnchanged(t *testing.T) {
	path := filepath.Join("..", "..", "corpus", "seeds", "001_37472513d9804273.txt")
	out, err := cleanRun(t, cleanOptions{}, true, "", path)
	if err != nil {
		t.Fatal(err)
	}
	var rep cleanReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Changes) > 2 {
		t.Errorf("clean seed got %d changes: %+v", len(rep.Changes), rep.Changes)
	}
}

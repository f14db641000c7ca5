package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"styrdok/corpus"
)

const extractSample = `# Riktlinjer för internationellt arbete

Beslutad av: Kommunstyrelsen  Datum: 2015-03-12  Dnr: KS 2015/123

## Syfte

- att stärka kommunens attraktivitet;
- att öka den externa finansieringen.

## Ansvar

Kommunstyrelsen ansvarar för uppföljningen och redovisar arbetet årligen.
`

func writeSample(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "riktlinjer.md")
	if err := os.WriteFile(p, []byte(extractSample), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func extractGlobals(jsonOut bool) (*globalOptions, *bytes.Buffer) {
	var out, errb bytes.Buffer
	return &globalOptions{JSON: jsonOut, Stdout: &out, Stderr: &errb, Stdin: strings.NewReader("")}, &out
}

func TestExtractFileJSON(t *testing.T) {
	g, out := extractGlobals(true)
	if err := runExtract(g, writeSample(t)); err != nil {
		t.Fatal(err)
	}
	var m corpus.Model
	if err := json.Unmarshal(out.Bytes(), &m); err != nil {
		t.Fatalf("not the model JSON: %v\n%s", err, out)
	}
	if m.Schema != corpus.ModelSchema || m.Source != "riktlinjer.md" {
		t.Errorf("schema %q source %q", m.Schema, m.Source)
	}
	if m.Adopted == nil || m.Adopted.Date != "2015-03-12" || m.DocumentType != "riktlinjer" || len(m.Goals) != 2 {
		t.Errorf("model = %+v", m)
	}
	// Null, not "", where the text says nothing.
	if !strings.Contains(out.String(), `"valid_until": null`) {
		t.Errorf("valid_until is not null:\n%s", out)
	}
}

func TestExtractReadable(t *testing.T) {
	g, out := extractGlobals(false)
	if err := runExtract(g, writeSample(t)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"antagen:      2015-03-12 av Kommunstyrelsen", "Kommunstyrelsen", "redovisning"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

func TestSectionsFile(t *testing.T) {
	g, out := extractGlobals(false)
	if err := runSections(g, writeSample(t)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"syfte", "ansvar", "Syfte", "5-8"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("sections lack %q:\n%s", want, out)
		}
	}
	g, out = extractGlobals(true)
	if err := runSections(g, writeSample(t)); err != nil {
		t.Fatal(err)
	}
	var secs []corpus.Section
	if err := json.Unmarshal(out.Bytes(), &secs); err != nil || len(secs) != 3 {
		t.Fatalf("sections JSON: %v %d\n%s", err, len(secs), out)
	}
}

func TestExtractUnknownReference(t *testing.T) {
	g, _ := extractGlobals(false)
	t.Setenv("STYRDOK_CORPUS", filepath.Join(t.TempDir(), "none"))
	if err := runExtract(g, "Ingenstans"); err == nil {
		t.Error("no error for a reference that names nothing")
	}
}

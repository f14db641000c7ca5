package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// seedGlobals returns options that read the embedded seeds (no store).
func seedGlobals(t *testing.T) (*globalOptions, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	t.Setenv("STYRDOK_CORPUS", filepath.Join(t.TempDir(), "none"))
	var out, errb bytes.Buffer
	return &globalOptions{Stdout: &out, Stderr: &errb, Stdin: strings.NewReader("")}, &out, &errb
}

type compareJSON struct {
	Schema    string `json:"schema"`
	Documents []struct {
		ID           string `json:"id"`
		Municipality string `json:"municipality"`
	} `json:"documents"`
	Tables []struct {
		Name string `json:"name"`
		Rows []struct {
			Doc   string `json:"doc"`
			Cells map[string]struct {
				Text string `json:"text"`
			} `json:"cells"`
		} `json:"rows"`
	} `json:"tables"`
}

func compareSeedsJSON(t *testing.T) compareJSON {
	t.Helper()
	g, out, _ := seedGlobals(t)
	g.JSON = true
	if err := runCompare(g, reportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	var c compareJSON
	if err := json.Unmarshal(out.Bytes(), &c); err != nil {
		t.Fatalf("compare --json: %v", err)
	}
	return c
}

func TestCompareEmbeddedSeeds(t *testing.T) {
	c := compareSeedsJSON(t)
	if c.Schema != "styrdok.compare/1" || len(c.Documents) != 5 {
		t.Fatalf("schema %q, %d documents; want the 5 embedded seeds", c.Schema, len(c.Documents))
	}
	ov := c.Tables[0]
	if ov.Name != "overview" || len(ov.Rows) != 5 {
		t.Fatalf("overview has %d rows", len(ov.Rows))
	}
	for _, row := range ov.Rows {
		if row.Cells["municipality"].Text == "" || row.Cells["id"].Text != row.Doc {
			t.Errorf("row %s: municipality %q, id %q", row.Doc, row.Cells["municipality"].Text, row.Cells["id"].Text)
		}
	}

	g, out, _ := seedGlobals(t)
	if err := runCompare(g, reportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	md := out.String()
	for _, want := range []string{"# Jämförelse av styrdokument", "## Översikt", "## Teman per kommun",
		"## Aktörer och ansvar", "## Mål", "| Kommun | Dokumenttyp |"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
}

func TestCompareSelectsDocuments(t *testing.T) {
	c := compareSeedsJSON(t)
	first, second := c.Documents[0], c.Documents[1]

	g, out, _ := seedGlobals(t)
	g.JSON = true
	dir := t.TempDir()
	file := filepath.Join(dir, "egen.md")
	text := "# Internationell policy för Provby kommun\n\nAntagen av kommunfullmäktige 2021-02-03.\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	// A municipality, an ID prefix (the same document twice is listed once) and a file.
	if err := runCompare(g, reportOptions{}, []string{first.Municipality, first.ID[:8], second.ID, file}); err != nil {
		t.Fatal(err)
	}
	var got compareJSON
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Documents) != 3 {
		t.Fatalf("got %d documents, want 3: %+v", len(got.Documents), got.Documents)
	}

	// A folder is walked; its MANIFEST.tsv names the municipality.
	manifest := "file\tmunicipality\ttitle\negen.md\tProvby\tEgen policy\n"
	if err := os.WriteFile(filepath.Join(dir, "MANIFEST.tsv"), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	g, out, _ = seedGlobals(t)
	g.JSON = true
	if err := runCompare(g, reportOptions{}, []string{dir}); err != nil {
		t.Fatal(err)
	}
	got = compareJSON{}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Documents) != 1 || got.Documents[0].Municipality != "Provby" {
		t.Errorf("folder: got %+v, want the one document of Provby", got.Documents)
	}

	g, _, _ = seedGlobals(t)
	if err := runCompare(g, reportOptions{}, []string{"Ingenstans"}); err == nil {
		t.Error("an unknown municipality gave no error")
	}
}

func TestCompareOutputFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"j.md", "j.csv", "j.json", "j.html", "j.xlsx"} {
		g, out, errb := seedGlobals(t)
		path := filepath.Join(dir, name)
		if err := runCompare(g, reportOptions{Output: path}, nil); err != nil {
			t.Fatalf("-o %s: %v", name, err)
		}
		if out.Len() != 0 {
			t.Errorf("-o %s also wrote to stdout", name)
		}
		if !strings.Contains(errb.String(), "wrote "+path) {
			t.Errorf("-o %s: stderr %q", name, errb.String())
		}
		data, err := os.ReadFile(path)
		if err != nil || len(data) == 0 {
			t.Fatalf("%s: %v (%d bytes)", name, err, len(data))
		}
		switch filepath.Ext(name) {
		case ".html":
			if !bytes.HasPrefix(data, []byte("<!DOCTYPE html>")) {
				t.Errorf("%s is not HTML", name)
			}
		case ".csv":
			if !bytes.HasPrefix(data, []byte("Kommun,Dokumenttyp,")) {
				t.Errorf("%s starts %q", name, data[:min(40, len(data))])
			}
		case ".xlsx":
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if s := f.GetSheetList(); len(s) != 5 || s[0] != "Översikt" {
				t.Errorf("sheets %q", s)
			}
			f.Close()
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 5 {
		t.Errorf("%d files in the output folder, want 5 (no temp files left)", len(entries))
	}

	g, out, _ := seedGlobals(t)
	if err := runCompare(g, reportOptions{Format: "csv", Excel: true, Table: "themes"}, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "\uFEFFTema;") {
		t.Errorf("--excel CSV starts %q", out.String()[:min(20, out.Len())])
	}
}

func TestCompareUsageErrors(t *testing.T) {
	for _, opts := range []reportOptions{
		{Format: "pdf"},
		{Output: filepath.Join(t.TempDir(), "x.txt")},
	} {
		g, _, _ := seedGlobals(t)
		err := runCompare(g, opts, nil)
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("%+v: got %v, want a usage error", opts, err)
		}
	}
}

func TestReportProfile(t *testing.T) {
	c := compareSeedsJSON(t)
	town := c.Documents[len(c.Documents)-1].Municipality
	g, out, _ := seedGlobals(t)
	if err := runReport(g, reportOptions{}, town); err != nil {
		t.Fatal(err)
	}
	md := out.String()
	for _, want := range []string{"# " + town + "\n", "| Uppgift | Värde |", "### Mål", "### Ansvar", "### Uppföljning", "### Avsnitt"} {
		if !strings.Contains(md, want) {
			t.Errorf("report %s lacks %q", town, want)
		}
	}
	g, out, _ = seedGlobals(t)
	if err := runReport(g, reportOptions{Format: "html"}, town); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Kommunprofil: "+town) {
		t.Error("HTML profile lacks its title")
	}
}

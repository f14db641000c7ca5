// Package corpus is the domain of styrdok: the document, its text, the changes
// repair made to it, its sections and its extracted model, and the on-disk
// store that holds them. It uses the standard library only; every stage
// (ingest, analyze, index, reports) reads and writes these types.
package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Page is one page of a paged source (PDF). Span is a byte range into
// Document.Raw and Number is the 1-based page number.
type Page struct {
	Number int  `json:"number"`
	Span   Span `json:"span"`
}

// Candidate is one word a repair considered, with the score it got.
type Candidate struct {
	Word  string  `json:"word"`
	Score float64 `json:"score"`
}

// Change is one edit a repair fix made to the text. Pos is the byte offset
// in the text the fix was given; Line is the 1-based line of Document.Raw the
// edit falls on, so the user can find it in the original. A removal has an
// empty After; an insertion an empty Before.
type Change struct {
	Fix        string      `json:"fix"`
	Line       int         `json:"line"`
	Pos        int         `json:"pos"`
	Before     string      `json:"before"`
	After      string      `json:"after"`
	Why        string      `json:"why,omitempty"`
	Candidates []Candidate `json:"candidates,omitempty"`
}

// LineRange is an inclusive range of 1-based lines of Document.Raw with the
// reason it was set apart (boilerplate, page furniture, footnotes).
type LineRange struct {
	StartLine int    `json:"start_line"`
	EndLine   int    `json:"end_line"`
	Why       string `json:"why"`
}

// Section is a part of the cleaned text under one heading. Span covers the
// heading and the body in Document.Text; StartLine and EndLine are 1-based
// lines of Document.Raw. Label is one of the SectionLabels.
type Section struct {
	Heading   string `json:"heading"`
	Label     string `json:"label"`
	Level     int    `json:"level,omitempty"`
	Part      string `json:"part,omitempty"`
	Span      Span   `json:"span"`
	StartLine int    `json:"start_line"`
	EndLine   int    `json:"end_line"`
}

// Note kinds.
const (
	NoteWarning = "warning" // something looked wrong but was handled
	NoteSkipped = "skipped" // input that was deliberately left out
	NoteMissing = "missing" // a fact the text does not state
)

// Note is a remark about a document that a user should be able to see: a
// skipped page, a fact that was not found, a reader's warning.
type Note struct {
	Kind    string `json:"kind"`
	Message string `json:"message"`
	Line    int    `json:"line,omitempty"`
	Page    int    `json:"page,omitempty"`
}

// Formats a reader can produce.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
	FormatPDF      = "pdf"
	FormatDOCX     = "docx"
	FormatODT      = "odt"
)

// Document is one steering document in the corpus.
//
// Raw is the text as the reader produced it; every line number that the tool
// shows a user refers to lines of Raw. Text is the repaired text that later
// stages read, and LineMap maps its lines back: LineMap[i] is the 1-based
// line of Raw that line i+1 of Text comes from.
type Document struct {
	ID           string      `json:"id"`
	Municipality string      `json:"municipality"`
	Title        string      `json:"title"`
	Type         string      `json:"type"`
	Source       string      `json:"source"`
	Format       string      `json:"format"`
	Size         int64       `json:"size"`
	Pages        []Page      `json:"pages,omitempty"`
	Raw          string      `json:"raw"`
	Text         string      `json:"text"`
	LineMap      []int       `json:"line_map,omitempty"`
	Changes      []Change    `json:"changes,omitempty"`
	Boilerplate  []LineRange `json:"boilerplate,omitempty"`
	Sections     []Section   `json:"sections,omitempty"`
	Model        *Model      `json:"model,omitempty"`
	Notes        []Note      `json:"notes,omitempty"`
	Added        time.Time   `json:"added"`
}

// IDFor returns the stable document ID for a source's bytes: the first 16
// hex digits of their SHA-256. The same bytes always get the same ID.
func IDFor(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8])
}

// SetUnrepaired makes Text a copy of Raw with an identity LineMap. Readers
// call it so that a document is usable before (or without) repair.
func (d *Document) SetUnrepaired() {
	d.Text = d.Raw
	d.LineMap = IdentityLineMap(d.Raw)
	d.Changes = nil
	d.Boilerplate = nil
}

// IdentityLineMap returns the LineMap of a text that was not changed.
func IdentityLineMap(text string) []int {
	n := strings.Count(text, "\n") + 1
	m := make([]int, n)
	for i := range m {
		m[i] = i + 1
	}
	return m
}

// RawLine returns the 1-based line of Raw that byte offset pos of Text falls
// on, using LineMap. It returns 0 when pos is out of range.
func (d *Document) RawLine(pos int) int {
	if pos < 0 || pos > len(d.Text) {
		return 0
	}
	textLine := strings.Count(d.Text[:pos], "\n") // 0-based
	if textLine < len(d.LineMap) {
		return d.LineMap[textLine]
	}
	return textLine + 1
}

// Label returns a short human name for the document: its municipality and
// title, or its source file.
func (d *Document) Label() string {
	switch {
	case d.Municipality != "" && d.Title != "":
		return d.Municipality + ": " + d.Title
	case d.Title != "":
		return d.Title
	case d.Municipality != "":
		return d.Municipality + ": " + d.Source
	}
	return d.Source
}

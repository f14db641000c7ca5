// Package ingest reads steering documents from PDF, DOCX, ODT, HTML,
// Markdown and text into corpus.Documents. Its subpackage repair mends
// damaged Swedish text; its subpackage pdftext rebuilds lines from the glyph
// positions of a PDF.
//
// The format is detected from the content first (magic bytes) and from the
// file name's extension second; see Detect. Every reader turns its input
// into plain lines: headings become lines that start with "#" (one per
// level) and a space, list items start with "- ", a table row is one line
// with its cells joined by " | ", and blocks are separated by a blank line.
// Markdown and text keep their lines as they are, so line numbers equal the
// file's lines.
package ingest

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"styrdok/corpus"
)

// Options are the caller's facts about an input; empty fields are detected
// from the text (see DetectMunicipality and DetectTitle).
type Options struct {
	Municipality string
	Title        string
}

// Problems a reader reports; callers can test for them with errors.Is.
var (
	ErrEmpty       = errors.New("empty file")
	ErrBinary      = errors.New("binary data, not text")
	ErrUnsupported = errors.New("unsupported format")
	ErrTooLarge    = errors.New("too large")
)

// MaxInput is the largest input Read accepts, in bytes.
const MaxInput = 512 << 20

// ReadFile reads the file at path.
func ReadFile(path string, opts Options) (*corpus.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Read(path, data, opts)
}

// Read turns the bytes of one input into a document with Raw text, format,
// pages, municipality and title; Text is set equal to Raw (repair comes
// later). name is used for the error messages, the format guess by
// extension and Document.Source. Errors name the input: "x.pdf: encrypted
// PDF (password required)". Read never panics on bad input.
func Read(name string, data []byte, opts Options) (d *corpus.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("%s: unreadable input (reader crashed: %v)", name, r)
		}
	}()
	if len(data) == 0 {
		return nil, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	if len(data) > MaxInput {
		return nil, fmt.Errorf("%s: %w (%d bytes, limit %d)", name, ErrTooLarge, len(data), MaxInput)
	}
	format, err := Detect(name, data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	d = &corpus.Document{
		ID:     corpus.IDFor(data),
		Source: name,
		Format: format,
		Size:   int64(len(data)),
		Added:  time.Now().UTC(),
	}
	switch format {
	case corpus.FormatPDF:
		err = readPDF(d, data)
	case corpus.FormatDOCX:
		d.Raw, d.Notes, err = readDOCX(data)
	case corpus.FormatODT:
		d.Raw, d.Notes, err = readODT(data)
	case corpus.FormatHTML:
		d.Raw, err = readHTML(data)
	default: // text and markdown
		d.Raw, err = DecodeText(data)
		d.Pages = formFeedPages(d.Raw)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if !hasText(d.Raw) {
		return nil, fmt.Errorf("%s: no text", name)
	}
	d.Municipality = opts.Municipality
	if d.Municipality == "" {
		d.Municipality = DetectMunicipality(d.Raw)
	}
	d.Title = opts.Title
	if d.Title == "" {
		d.Title = DetectTitle(d.Raw)
	}
	d.SetUnrepaired()
	return d, nil
}

// formFeedPages returns the pages of a text whose pages are separated by
// form feeds (as pdftotext writes them): every page spans the bytes
// between two form feeds. A text without form feeds has no pages.
func formFeedPages(s string) []corpus.Page {
	if !strings.Contains(s, "\f") {
		return nil
	}
	var pages []corpus.Page
	start := 0
	for {
		i := strings.IndexByte(s[start:], '\f')
		end := len(s)
		if i >= 0 {
			end = start + i
		}
		pages = append(pages, corpus.Page{Number: len(pages) + 1, Span: corpus.Span{Start: start, End: end}})
		if i < 0 {
			return pages
		}
		start = end + 1
	}
}

// hasText reports whether s has at least one letter or digit.
func hasText(s string) bool {
	for _, r := range s {
		if r > ' ' && r != 0xfeff && r != 0xa0 {
			return true
		}
	}
	return false
}

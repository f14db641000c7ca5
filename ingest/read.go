// Package ingest reads steering documents from PDF, DOCX, ODT, HTML,
// Markdown and text into corpus.Documents. Its subpackage repair mends
// damaged Swedish text.
package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"styrdok/corpus"
)

// Options are the caller's facts about an input; empty fields are detected
// from the text.
type Options struct {
	Municipality string
	Title        string
}

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
// extension and Document.Source.
func Read(name string, data []byte, opts Options) (*corpus.Document, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("%s: empty file", name)
	}
	text, err := decodeText(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	d := &corpus.Document{
		ID:           corpus.IDFor(data),
		Source:       name,
		Format:       corpus.FormatText,
		Size:         int64(len(data)),
		Raw:          text,
		Municipality: opts.Municipality,
		Title:        opts.Title,
		Added:        time.Now().UTC(),
	}
	if filepath.Ext(name) == ".md" {
		d.Format = corpus.FormatMarkdown
	}
	d.SetUnrepaired()
	return d, nil
}

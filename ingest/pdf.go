package ingest

import (
	"fmt"
	"strings"

	"styrdok/corpus"
	"styrdok/ingest/pdftext"
)

// PDFOptions bound the PDF reader's work; Read uses the zero value (the
// pdftext defaults: 3000 pages, 2 million operators a page, 60 s a file).
var PDFOptions pdftext.Options

// pageSeparator is written between the pages of a PDF in Document.Raw: a
// line holding only a form feed, the page break mark pdftotext and the
// repair stage know, which white-space trimming reads as a blank line;
// Document.Pages holds the exact span of every page.
const pageSeparator = "\n\f\n"

// readPDF fills d.Raw, d.Pages and d.Notes from a PDF.
func readPDF(d *corpus.Document, data []byte) error {
	res, err := pdftext.Extract(data, PDFOptions)
	if err != nil {
		return err
	}
	var b strings.Builder
	for i, p := range res.Pages {
		if i > 0 {
			b.WriteString(pageSeparator)
		}
		start := b.Len()
		b.WriteString(p.Text)
		d.Pages = append(d.Pages, corpus.Page{Number: p.Number, Span: corpus.Span{Start: start, End: b.Len()}})
		if p.Text == "" {
			d.Notes = append(d.Notes, corpus.Note{Kind: corpus.NoteSkipped, Page: p.Number,
				Message: fmt.Sprintf("page %d: no text layer (scanned?)", p.Number)})
		}
	}
	for _, w := range res.Warnings {
		d.Notes = append(d.Notes, corpus.Note{Kind: corpus.NoteWarning, Message: "pdf: " + w})
	}
	d.Raw = b.String()
	return nil
}

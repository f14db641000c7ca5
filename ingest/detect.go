package ingest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"styrdok/corpus"
)

// sniffLen is how far into the input Detect looks for a header.
const sniffLen = 1024

// Detect returns the format of an input (one of the corpus.Format
// constants). The content decides first: "%PDF-" anywhere in the first KiB
// (producers and mail gateways sometimes put junk before the header), a zip
// archive holding word/document.xml (DOCX) or the ODF text mimetype (ODT),
// an "<html" or "<!doctype html" start (HTML). The extension decides second:
// .md and .markdown are Markdown, .htm and .html HTML, anything else text.
// A name that promises a binary format the content does not have (x.pdf
// that holds no PDF) is an error, as are formats styrdok cannot read.
func Detect(name string, data []byte) (string, error) {
	head := data[:min(len(data), sniffLen)]
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		return corpus.FormatPDF, nil
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return detectZip(data)
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return "", fmt.Errorf("%w: legacy Office file (.doc); save it as DOCX or PDF", ErrUnsupported)
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return "", fmt.Errorf("%w: RTF; save it as DOCX or PDF", ErrUnsupported)
	case looksLikeHTML(head):
		return corpus.FormatHTML, nil
	}
	switch ext {
	case ".pdf":
		return "", fmt.Errorf("not a PDF (no %%PDF header)")
	case ".docx", ".odt":
		return "", fmt.Errorf("not a %s (not a zip archive)", strings.ToUpper(ext[1:]))
	case ".doc", ".rtf", ".xls", ".xlsx", ".ppt", ".pptx":
		return "", fmt.Errorf("%w: %s", ErrUnsupported, ext)
	case ".md", ".markdown":
		return corpus.FormatMarkdown, nil
	case ".htm", ".html", ".xhtml":
		return corpus.FormatHTML, nil
	}
	return corpus.FormatText, nil
}

// detectZip tells DOCX from ODT by the archive's members.
func detectZip(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("broken zip archive: %w", err)
	}
	var hasContentTypes, hasDocument bool
	for _, f := range zr.File {
		switch f.Name {
		case "mimetype":
			rc, err := f.Open()
			if err != nil {
				continue
			}
			mt, _ := io.ReadAll(io.LimitReader(rc, 100))
			rc.Close()
			switch m := strings.TrimSpace(string(mt)); {
			case m == "application/vnd.oasis.opendocument.text":
				return corpus.FormatODT, nil
			case strings.HasPrefix(m, "application/vnd.oasis.opendocument."):
				return "", fmt.Errorf("%w: OpenDocument %s (only text documents are read)", ErrUnsupported, strings.TrimPrefix(m, "application/vnd.oasis.opendocument."))
			}
		case "[Content_Types].xml":
			hasContentTypes = true
		case "word/document.xml":
			hasDocument = true
		}
	}
	if hasDocument {
		_ = hasContentTypes // a missing [Content_Types].xml is forgiven
		return corpus.FormatDOCX, nil
	}
	for _, f := range zr.File {
		if f.Name == "content.xml" {
			return corpus.FormatODT, nil
		}
	}
	return "", fmt.Errorf("%w: zip archive that is neither DOCX nor ODT", ErrUnsupported)
}

// looksLikeHTML reports whether the start of an input is an HTML document.
func looksLikeHTML(head []byte) bool {
	h := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(h, []byte("\xff\xfe")) || bytes.HasPrefix(h, []byte("\xfe\xff")) {
		// UTF-16: drop the NULs for sniffing.
		h = bytes.ReplaceAll(h[2:], []byte{0}, nil)
	}
	h = bytes.TrimLeft(h, " \t\r\n")
	if len(h) == 0 || h[0] != '<' {
		return false
	}
	l := bytes.ToLower(h)
	return bytes.Contains(l, []byte("<html")) || bytes.Contains(l, []byte("<!doctype html"))
}

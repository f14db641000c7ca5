package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"styrdok/corpus"
)

// scannedMarker is what ingest.Read says about a PDF without a text layer.
const scannedMarker = "no text layer (scanned?)"

// isScanned reports whether a pipeline error says the PDF has no text layer.
func isScanned(err error) bool {
	return err != nil && strings.Contains(err.Error(), scannedMarker)
}

// ocrReader reads PDFs without a text layer: pdftotext finds the pages that
// have no text, pdftoppm renders those at 300 dpi and tesseract reads them
// with the Swedish model. The text is cached by content hash in cacheDir.
type ocrReader struct {
	cacheDir string

	once    sync.Once
	toolErr error
}

// ocrTools are the programs OCR runs, with the Debian package of each.
var ocrTools = []struct{ prog, pkg string }{
	{"pdftotext", "poppler-utils"},
	{"pdftoppm", "poppler-utils"},
	{"tesseract", "tesseract-ocr"},
}

// errOCRTools says what to install for --ocr.
var errOCRTools = errors.New("OCR needs pdftoppm, pdftotext and tesseract with Swedish; install poppler-utils, tesseract-ocr and tesseract-ocr-swe (Debian/Ubuntu: apt-get install poppler-utils tesseract-ocr tesseract-ocr-swe)")

// checkTools looks for the OCR programs and tesseract's Swedish model once.
func (o *ocrReader) checkTools(ctx context.Context) error {
	o.once.Do(func() {
		var missing []string
		for _, t := range ocrTools {
			if _, err := exec.LookPath(t.prog); err != nil {
				missing = append(missing, t.prog)
			}
		}
		if len(missing) == 0 {
			out, err := exec.CommandContext(ctx, "tesseract", "--list-langs").CombinedOutput()
			if err != nil || !hasLine(string(out), "swe") {
				missing = append(missing, "tesseract Swedish model (swe)")
			}
		}
		if len(missing) > 0 {
			o.toolErr = fmt.Errorf("%w (missing: %s)", errOCRTools, strings.Join(missing, ", "))
		}
	})
	return o.toolErr
}

func hasLine(s, want string) bool {
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) == want {
			return true
		}
	}
	return false
}

// Text returns the text of the PDF data, pages separated by form feeds, and
// the numbers of the pages that were read by OCR.
func (o *ocrReader) Text(ctx context.Context, name string, data []byte) (string, []int, error) {
	id := corpus.IDFor(data)
	cache := filepath.Join(o.cacheDir, id+".txt")
	if b, err := os.ReadFile(cache); err == nil {
		text, pages := decodeOCRCache(string(b))
		return text, pages, nil
	}
	if err := o.checkTools(ctx); err != nil {
		return "", nil, err
	}
	tmp, err := os.MkdirTemp("", "styrdok-ocr-")
	if err != nil {
		return "", nil, fmt.Errorf("OCR: %w", err)
	}
	defer os.RemoveAll(tmp)
	pdf := filepath.Join(tmp, "in.pdf")
	if err := os.WriteFile(pdf, data, 0o600); err != nil {
		return "", nil, fmt.Errorf("OCR: %w", err)
	}
	layer, err := run(ctx, "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-")
	if err != nil {
		return "", nil, fmt.Errorf("OCR: %w", err)
	}
	pages := strings.Split(strings.TrimSuffix(layer, "\f"), "\f")
	var ocred []int
	for i, p := range pages {
		if strings.TrimSpace(p) != "" {
			continue
		}
		n := i + 1
		text, err := ocrPage(ctx, pdf, tmp, n)
		if err != nil {
			return "", nil, fmt.Errorf("OCR: page %d: %w", n, err)
		}
		pages[i] = text
		ocred = append(ocred, n)
	}
	text := strings.Join(pages, "\f")
	if strings.TrimSpace(strings.ReplaceAll(text, "\f", "")) == "" {
		return "", ocred, errors.New("OCR found no text")
	}
	if err := os.MkdirAll(o.cacheDir, 0o755); err == nil {
		// The cache is an optimisation; a failed write only costs time later.
		_ = corpus.WriteFileAtomic(cache, []byte(encodeOCRCache(text, ocred)))
	}
	return text, ocred, nil
}

// ocrPage renders page n of pdf and reads it with tesseract.
func ocrPage(ctx context.Context, pdf, tmp string, n int) (string, error) {
	prefix := filepath.Join(tmp, fmt.Sprintf("p%d", n))
	num := strconv.Itoa(n)
	if _, err := run(ctx, "pdftoppm", "-r", "300", "-gray", "-png", "-f", num, "-l", num, pdf, prefix); err != nil {
		return "", err
	}
	// pdftoppm pads the page number to the width of the page count.
	imgs, _ := filepath.Glob(prefix + "-*.png")
	if len(imgs) != 1 {
		return "", fmt.Errorf("pdftoppm made %d images", len(imgs))
	}
	cmd := exec.CommandContext(ctx, "tesseract", imgs[0], "stdout", "-l", "swe")
	// The batch runs one file per CPU already.
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("tesseract: %w: %s", err, firstLine(errb.String()))
	}
	return strings.TrimRight(out.String(), "\f\n ") + "\n", nil
}

func run(ctx context.Context, prog string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, prog, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("%s: %w: %s", prog, err, firstLine(errb.String()))
	}
	return out.String(), nil
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// The cache file starts with a line "ocr-pages: 1,2,5" and then the text.
const ocrCacheHeader = "ocr-pages:"

func encodeOCRCache(text string, pages []int) string {
	nums := make([]string, len(pages))
	for i, p := range pages {
		nums[i] = strconv.Itoa(p)
	}
	return ocrCacheHeader + " " + strings.Join(nums, ",") + "\n" + text
}

func decodeOCRCache(s string) (string, []int) {
	head, text, ok := strings.Cut(s, "\n")
	if !ok || !strings.HasPrefix(head, ocrCacheHeader) {
		return s, nil
	}
	var pages []int
	for _, f := range strings.Split(strings.TrimSpace(strings.TrimPrefix(head, ocrCacheHeader)), ",") {
		if n, err := strconv.Atoi(f); err == nil {
			pages = append(pages, n)
		}
	}
	return text, pages
}

// pagesByFormFeed splits raw text into pages at form feeds.
func pagesByFormFeed(raw string) []corpus.Page {
	var pages []corpus.Page
	start := 0
	for i := 0; i <= len(raw); i++ {
		if i == len(raw) || raw[i] == '\f' {
			pages = append(pages, corpus.Page{Number: len(pages) + 1, Span: corpus.Span{Start: start, End: i}})
			start = i + 1
		}
	}
	return pages
}

// pageList says "page 3" or "pages 1, 2, 5".
func pageList(pages []int) string {
	if len(pages) == 1 {
		return "page " + strconv.Itoa(pages[0])
	}
	nums := make([]string, len(pages))
	for i, p := range pages {
		nums[i] = strconv.Itoa(p)
	}
	return "pages " + strings.Join(nums, ", ")
}

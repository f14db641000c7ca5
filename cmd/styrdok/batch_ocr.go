package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"styrdok/corpus"
)

// scannedMarker is what the PDF reader says about a PDF, or a page, without
// a text layer.
const scannedMarker = "no text layer (scanned?)"

// isScanned reports whether a pipeline error says the PDF has no text layer.
func isScanned(err error) bool {
	return err != nil && strings.Contains(err.Error(), scannedMarker)
}

// scannedPages returns the pages the reader found no text on.
func scannedPages(d *corpus.Document) []int {
	var pages []int
	for _, n := range d.Notes {
		if n.Page > 0 && strings.Contains(n.Message, scannedMarker) {
			pages = append(pages, n.Page)
		}
	}
	return pages
}

// ocrReader reads PDF pages that have no text layer: pdftoppm renders them
// at 300 dpi and tesseract reads them with its Swedish model. Page texts are
// cached by the PDF's content hash in cacheDir.
type ocrReader struct {
	cacheDir string

	once    sync.Once
	toolErr error
}

// errOCRTools says what to install for --ocr.
var errOCRTools = errors.New("OCR needs pdftoppm and tesseract with its Swedish model; install poppler-utils, tesseract-ocr and tesseract-ocr-swe (Debian/Ubuntu: apt-get install poppler-utils tesseract-ocr tesseract-ocr-swe)")

// checkTools looks for the OCR programs and tesseract's Swedish model once.
func (o *ocrReader) checkTools(ctx context.Context) error {
	o.once.Do(func() {
		var missing []string
		for _, prog := range []string{"pdftoppm", "tesseract"} {
			if _, err := exec.LookPath(prog); err != nil {
				missing = append(missing, prog)
			}
		}
		if len(missing) == 0 {
			out, err := exec.CommandContext(ctx, "tesseract", "--list-langs").CombinedOutput()
			if err != nil || !hasLine(string(out), "swe") {
				missing = append(missing, "tesseract's Swedish model (swe)")
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

// ocrCache is the cache file of one PDF: page number -> text.
type ocrCache struct {
	Pages map[int]string `json:"pages"`
}

// Pages returns the OCR text of the given pages of the PDF data (all pages
// when want is nil), by page number.
func (o *ocrReader) Pages(ctx context.Context, data []byte, want []int) (map[int]string, error) {
	cachePath := filepath.Join(o.cacheDir, corpus.IDFor(data)+".json")
	var cache ocrCache
	if b, err := os.ReadFile(cachePath); err == nil {
		json.Unmarshal(b, &cache) // a damaged cache file is read again
	}
	if cache.Pages == nil {
		cache.Pages = map[int]string{}
	}
	var todo []int
	for _, n := range want {
		if _, ok := cache.Pages[n]; !ok {
			todo = append(todo, n)
		}
	}
	if want != nil && len(todo) == 0 {
		return pick(cache.Pages, want), nil
	}
	if want == nil && len(cache.Pages) > 0 {
		return cache.Pages, nil
	}
	if err := o.checkTools(ctx); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "styrdok-ocr-")
	if err != nil {
		return nil, fmt.Errorf("OCR: %w", err)
	}
	defer os.RemoveAll(tmp)
	pdf := filepath.Join(tmp, "in.pdf")
	if err := os.WriteFile(pdf, data, 0o600); err != nil {
		return nil, fmt.Errorf("OCR: %w", err)
	}
	var images map[int]string
	if want == nil {
		images, err = render(ctx, pdf, filepath.Join(tmp, "all"), 0)
	} else {
		images = map[int]string{}
		for _, n := range todo {
			var one map[int]string
			if one, err = render(ctx, pdf, filepath.Join(tmp, "p"+strconv.Itoa(n)), n); err != nil {
				break
			}
			for k, v := range one {
				images[k] = v
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("OCR: %w", err)
	}
	nums := make([]int, 0, len(images))
	for n := range images {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		text, err := tesseract(ctx, images[n])
		if err != nil {
			return nil, fmt.Errorf("OCR: page %d: %w", n, err)
		}
		cache.Pages[n] = text
	}
	if err := os.MkdirAll(o.cacheDir, 0o755); err == nil {
		// The cache only saves time; a failed write costs it later.
		if b, err := json.Marshal(cache); err == nil {
			_ = corpus.WriteFileAtomic(cachePath, b)
		}
	}
	if want == nil {
		return cache.Pages, nil
	}
	return pick(cache.Pages, want), nil
}

func pick(m map[int]string, keys []int) map[int]string {
	out := make(map[int]string, len(keys))
	for _, k := range keys {
		out[k] = m[k]
	}
	return out
}

// render makes a PNG of page n of pdf (every page when n is 0) and returns
// the images by page number.
func render(ctx context.Context, pdf, prefix string, n int) (map[int]string, error) {
	args := []string{"-r", "300", "-gray", "-png"}
	if n > 0 {
		args = append(args, "-f", strconv.Itoa(n), "-l", strconv.Itoa(n))
	}
	if _, err := run(ctx, nil, "pdftoppm", append(args, pdf, prefix)...); err != nil {
		return nil, err
	}
	// pdftoppm names pages prefix-N.png, N padded to the page count's width.
	imgs, _ := filepath.Glob(prefix + "-*.png")
	out := map[int]string{}
	for _, img := range imgs {
		num := strings.TrimSuffix(img[len(prefix)+1:], ".png")
		if k, err := strconv.Atoi(num); err == nil {
			out[k] = img
		}
	}
	if len(out) == 0 {
		return nil, errors.New("pdftoppm rendered no page")
	}
	return out, nil
}

// tesseract reads one page image with the Swedish model.
func tesseract(ctx context.Context, img string) (string, error) {
	// One thread: the batch already runs one file per CPU.
	out, err := run(ctx, []string{"OMP_THREAD_LIMIT=1"}, "tesseract", img, "stdout", "-l", "swe")
	if err != nil {
		return "", err
	}
	return strings.TrimRight(out, "\f\n "), nil
}

// run runs a program and returns its standard output.
func run(ctx context.Context, env []string, prog string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, prog, args...)
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
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

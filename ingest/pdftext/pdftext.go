// Package pdftext extracts the text of a PDF page by page, rebuilding lines
// from the positions of the glyphs (github.com/ledongthuc/pdf parses the
// file; this package interprets the content streams itself so that every
// glyph gets its real position, width and size).
//
// Lines come out top to bottom, words separated by single spaces (a gap
// wider than 0.2 em between glyphs counts as a space), a blank line where
// the vertical gap between two lines is clearly larger than the usual line
// pitch (a paragraph break), and lines set in a clearly larger font than
// the body text are marked as headings with "#" (one per level, largest
// size first) and a space, on their own line with a blank line around.
//
// Every call into the PDF library runs under recover and a deadline, and
// the work per page is bounded, so a hostile file yields an error, never a
// panic or a hang.
package pdftext

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// Problems Extract reports; test with errors.Is.
var (
	ErrEncrypted = errors.New("encrypted PDF (password required)")
	ErrNoText    = errors.New("no text layer (scanned?)")
	ErrTimeout   = errors.New("PDF took too long to read")
	ErrDamaged   = errors.New("damaged PDF")
)

// Options bound the work Extract does. Zero values take the defaults.
type Options struct {
	MaxPages int           // pages read; default 3000, later pages are skipped
	MaxOps   int           // content operators per page; default 2,000,000
	MaxTotal int           // content operators in the whole file; default 40,000,000
	Timeout  time.Duration // whole file; default 60 s
}

func (o *Options) setDefaults() {
	if o.MaxPages <= 0 {
		o.MaxPages = 3000
	}
	if o.MaxOps <= 0 {
		o.MaxOps = 2_000_000
	}
	if o.MaxTotal <= 0 {
		o.MaxTotal = 40_000_000
	}
	if o.Timeout <= 0 {
		o.Timeout = 60 * time.Second
	}
}

// Glyph bounds (a real page has a few thousand glyphs): memory stays
// below a few hundred MB whatever a file's content streams expand to.
const (
	maxPageGlyphs = 1_000_000
	maxFileGlyphs = 3_000_000
)

// Page is the text of one page.
type Page struct {
	Number int    // 1-based
	Text   string // lines separated by \n, no trailing newline; "" when the page has no text
}

// Result is what Extract found.
type Result struct {
	Pages    []Page
	Total    int      // pages in the file (Pages may be fewer when MaxPages cut it)
	Warnings []string // repairs made and limits hit, for the user to see
}

// Extract reads the text of every page of a PDF. It trims junk before the
// header and after the last %%EOF, decrypts files that have an empty user
// password, lets pdfcpu rebuild files the parser cannot open, and returns
// ErrEncrypted, ErrNoText, ErrTimeout or an error wrapping ErrDamaged when
// it cannot read the file.
func Extract(data []byte, opts Options) (*Result, error) {
	opts.setDefaults()
	var cancelled atomic.Bool
	type outcome struct {
		res *Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		var o outcome
		defer func() {
			if r := recover(); r != nil {
				o = outcome{nil, fmt.Errorf("%w: %s", ErrDamaged, clip(r))}
			}
			done <- o
		}()
		o.res, o.err = extract(data, opts, &cancelled)
	}()
	timer := time.NewTimer(opts.Timeout)
	defer timer.Stop()
	select {
	case o := <-done:
		return o.res, o.err
	case <-timer.C:
		cancelled.Store(true) // the page loop stops at its next operator
		return nil, fmt.Errorf("%w (over %s)", ErrTimeout, opts.Timeout)
	}
}

func extract(data []byte, opts Options, cancelled *atomic.Bool) (*Result, error) {
	res := &Result{}
	clean, warns := trim(data)
	res.Warnings = append(res.Warnings, warns...)
	r, err := open(clean)
	if err != nil && isEncryption(err) {
		dec, derr := decrypt(clean)
		if derr != nil {
			return nil, derr
		}
		res.Warnings = append(res.Warnings, "decrypted (empty user password)")
		r, err = open(dec)
	}
	if err != nil {
		fixed, ferr := rebuild(clean)
		if ferr != nil {
			if isEncryption(ferr) {
				return nil, ErrEncrypted
			}
			return nil, fmt.Errorf("%w: %s", ErrDamaged, clip(err))
		}
		r, err = open(fixed)
		if err != nil {
			return nil, fmt.Errorf("%w: %s", ErrDamaged, clip(err))
		}
		res.Warnings = append(res.Warnings, "rebuilt by pdfcpu (the file's structure was damaged)")
	}
	pages, total, err := collectPages(r, opts.MaxPages)
	if err != nil {
		return nil, err
	}
	res.Total = total
	if total > len(pages) {
		res.Warnings = append(res.Warnings, fmt.Sprintf("read the first %d of %d pages", len(pages), total))
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("%w: no pages", ErrDamaged)
	}
	var all [][]glyph
	budget := opts.MaxTotal
	glyphBudget := maxFileGlyphs
	for i, p := range pages {
		if cancelled.Load() {
			return nil, ErrTimeout
		}
		if budget <= 0 {
			res.Warnings = append(res.Warnings, fmt.Sprintf("pages %d to %d skipped: the file's work limit was reached", i+1, len(pages)))
			for j := i; j < len(pages); j++ {
				all = append(all, nil)
			}
			break
		}
		pageCap := min(maxPageGlyphs, max(glyphBudget, 0))
		gs, ops, err := pageGlyphs(p, min(opts.MaxOps, budget), pageCap, cancelled)
		budget -= ops
		glyphBudget -= len(gs)
		if len(gs) == pageCap {
			res.Warnings = append(res.Warnings, fmt.Sprintf("page %d: text cut off (more than %d characters in the file or page)", i+1, pageCap))
		}
		if err != nil {
			res.Warnings = append(res.Warnings, fmt.Sprintf("page %d: %s", i+1, clip(err)))
		}
		if n := orient(gs); n > 0 {
			res.Warnings = append(res.Warnings, fmt.Sprintf("page %d: %d characters of text set at an angle left out", i+1, n))
		}
		all = append(all, gs)
	}
	body := bodySize(all)
	levels := headingLevels(all, body)
	any := false
	for i, gs := range all {
		t := layout(gs, body, levels)
		if t != "" {
			any = true
		}
		res.Pages = append(res.Pages, Page{Number: i + 1, Text: t})
	}
	if !any {
		return nil, ErrNoText
	}
	var letters, private int
	for _, p := range res.Pages {
		for _, r := range p.Text {
			switch {
			case r >= 0xe000 && r <= 0xf8ff:
				private++
			case unicode.IsLetter(r):
				letters++
			}
		}
	}
	if private*5 > letters+private {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d of %d characters are private-use codes: fonts without a Unicode map, the text may be unreadable", private, letters+private))
	}
	return res, nil
}

// trim drops junk before "%PDF-" and after the last "%%EOF", and mends a
// header the parser would refuse ("%PDF-2.0", no newline after it).
func trim(data []byte) ([]byte, []string) {
	var warns []string
	start := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
	if start < 0 {
		start = 0
	}
	if start > 0 {
		warns = append(warns, fmt.Sprintf("skipped %d bytes before the %%PDF header", start))
	}
	d := data[start:]
	if end := bytes.LastIndex(d, []byte("%%EOF")); end >= 0 {
		tail := bytes.TrimRight(d[end+5:], "\r\n\t \x00")
		if len(tail) > 0 {
			warns = append(warns, fmt.Sprintf("skipped %d bytes after %%%%EOF", len(d)-end-5))
		}
		d = d[:end+5]
	}
	out := make([]byte, len(d), len(d)+1)
	copy(out, d)
	out = append(out, '\n')
	if len(out) > 9 && out[5] == '2' {
		out[5], out[7] = '1', '7'
	}
	if len(out) > 9 && out[8] != '\r' && out[8] != '\n' && (out[8] == ' ' || out[8] == '%' || out[8] == '\t') {
		out[8] = '\n'
	}
	return out, warns
}

// open runs the parser's own open under recover.
func open(data []byte) (r *pdf.Reader, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, err = nil, fmt.Errorf("%v", x)
		}
	}()
	return pdf.NewReader(bytes.NewReader(data), int64(len(data)))
}

func isEncryption(err error) bool {
	if errors.Is(err, pdf.ErrInvalidPassword) {
		return true
	}
	m := strings.ToLower(err.Error())
	return strings.Contains(m, "encrypt") || strings.Contains(m, "password")
}

var pdfcpuOnce sync.Once

func pdfcpuConfig() *model.Configuration {
	pdfcpuOnce.Do(api.DisableConfigDir) // never touch the user's config dir
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	return conf
}

// decrypt removes the encryption of a file whose user password is empty.
func decrypt(data []byte) (out []byte, err error) {
	defer func() {
		if x := recover(); x != nil {
			out, err = nil, ErrEncrypted
		}
	}()
	var buf bytes.Buffer
	conf := pdfcpuConfig()
	conf.UserPW, conf.OwnerPW = "", ""
	if err := api.Decrypt(bytes.NewReader(data), &buf, conf); err != nil {
		return nil, ErrEncrypted
	}
	return buf.Bytes(), nil
}

// rebuild lets pdfcpu read a damaged file (it reconstructs a broken cross
// reference table) and write it out anew.
func rebuild(data []byte) (out []byte, err error) {
	defer func() {
		if x := recover(); x != nil {
			out, err = nil, fmt.Errorf("%v", x)
		}
	}()
	var buf bytes.Buffer
	if err := api.Optimize(bytes.NewReader(data), &buf, pdfcpuConfig()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// pageRef is one page dictionary with its inherited resources.
type pageRef struct {
	v         pdf.Value
	resources pdf.Value
}

// collectPages walks the page tree, depth- and size-bounded so that a
// cyclic tree cannot loop, passing inherited Resources down.
func collectPages(r *pdf.Reader, max int) (pages []pageRef, total int, err error) {
	defer func() {
		if x := recover(); x != nil {
			pages, total, err = nil, 0, fmt.Errorf("%w: page tree: %s", ErrDamaged, clip(x))
		}
	}()
	root := r.Trailer().Key("Root").Key("Pages")
	if root.IsNull() {
		return nil, 0, fmt.Errorf("%w: no page tree", ErrDamaged)
	}
	visits := 0
	seen := map[string]bool{} // page tree nodes by their printed form: cycles end
	var walk func(node, res pdf.Value, depth int)
	walk = func(node, res pdf.Value, depth int) {
		visits++
		if depth > 64 || visits > 4*max+1000 {
			return
		}
		if r := node.Key("Resources"); !r.IsNull() {
			res = r
		}
		kids := node.Key("Kids")
		if node.Key("Type").Name() == "Page" || (kids.Kind() != pdf.Array && !node.Key("Contents").IsNull()) {
			total++
			if len(pages) < max {
				pages = append(pages, pageRef{node, res})
			}
			return
		}
		key := node.String()
		if seen[key] {
			return
		}
		seen[key] = true
		for i := 0; i < kids.Len(); i++ {
			walk(kids.Index(i), res, depth+1)
		}
	}
	walk(root, pdf.Value{}, 0)
	return pages, total, nil
}

// clip makes a message from the PDF libraries fit one line of an error:
// control characters become spaces (some messages quote the file) and it
// is cut at 160 bytes.
func clip(x any) string {
	s := strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || r == 0xfffd {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(fmt.Sprint(x), ""))
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 160 {
		cut := 160
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

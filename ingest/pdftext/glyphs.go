package pdftext

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/charmap"
)

// glyph is one shown character code, in device space (points, y up).
type glyph struct {
	x, y    float64 // start of the glyph on the baseline
	w       float64 // advance width
	size    float64 // font size after all scaling
	s       string  // decoded text (usually one rune)
	bold    bool
	space   bool // s is white space
	rot     int  // quarter turns of the text direction (0 upright), -1 skewed
	rotated bool // not in the page's reading direction; left out of the lines
}

// orient keeps the glyphs that run in the page's main direction (the
// direction most visible glyphs have; upright on most pages, a quarter
// turn on landscape pages printed on portrait paper) and turns their
// coordinates so that they read left to right, top to bottom. It returns
// how many visible glyphs it left out.
func orient(gs []glyph) (left int) {
	var count [4]int
	for _, g := range gs {
		if !g.space && g.rot >= 0 {
			count[g.rot]++
		}
	}
	main := 0
	for q := 1; q < 4; q++ {
		if count[q] > count[main] {
			main = q
		}
	}
	for i := range gs {
		g := &gs[i]
		if g.rot != main {
			g.rotated = true
			if !g.space {
				left++
			}
			continue
		}
		switch main {
		case 1:
			g.x, g.y = g.y, -g.x
		case 2:
			g.x, g.y = -g.x, -g.y
		case 3:
			g.x, g.y = -g.y, g.x
		}
	}
	return left
}

// quarterTurns classifies a text direction vector.
func quarterTurns(dx, dy float64) int {
	if dx == 0 && dy == 0 || math.IsNaN(dx) || math.IsNaN(dy) {
		return -1
	}
	a := math.Atan2(dy, dx) / (math.Pi / 2) // in quarter turns, -2..2
	q := math.Round(a)
	if math.Abs(a-q) > 0.12 {
		return -1
	}
	return (int(q) + 4) % 4
}

// matrix is an affine transform [a b c d e f] as PDF writes it.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m×n (m applied first).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func translate(x, y float64) matrix { return matrix{1, 0, 0, 1, x, y} }

type gstate struct {
	ctm, tm, tlm        matrix
	tc, tw, th, tl, tfs float64
	trise               float64
	font                *fontInfo
}

// fontInfo is what the interpreter needs of a font: its decoder, how many
// bytes a code has and the advance widths.
type fontInfo struct {
	enc     pdf.TextEncoding
	twoByte bool
	first   int
	widths  []float64       // simple fonts, by code-first
	cid     map[int]float64 // composite fonts
	dw      float64         // default width (composite) or missing width
	known   bool            // widths come from the file, not a guess
	scale   float64         // glyph space to text space (0.001 except Type3)
	bold    bool
	decoded map[string]string // code -> text, cached: a ToUnicode lookup scans the whole map
	diff    *differences      // a simple font's /Encoding dictionary, when it has one
}

// differences is a simple font's encoding dictionary: glyph names by code
// and the base encoding of the other codes. The PDF library reads the
// names it knows; this adds "uniXXXX" and "uXXXX[XX]" names and a base
// encoding other than Latin-1.
type differences struct {
	names [256]string
	base  *charmap.Charmap // nil: the library's reading
}

func readDifferences(enc pdf.Value) *differences {
	d := &differences{}
	switch enc.Key("BaseEncoding").Name() {
	case "WinAnsiEncoding":
		d.base = charmap.Windows1252
	case "MacRomanEncoding":
		d.base = charmap.Macintosh
	}
	diffs := enc.Key("Differences")
	code := -1
	for i := 0; i < diffs.Len() && i < 1024; i++ {
		x := diffs.Index(i)
		switch x.Kind() {
		case pdf.Integer:
			code = int(x.Int64())
		case pdf.Name:
			if code >= 0 && code < 256 {
				d.names[code] = x.Name()
			}
			code++
		}
	}
	return d
}

// decode reads a one-byte code; ok is false when the library's reading
// should stand.
func (d *differences) decode(c byte) (string, bool) {
	name := d.names[c]
	if name == "" {
		if d.base != nil {
			return string(d.base.DecodeByte(c)), true
		}
		return "", false
	}
	var hex string
	switch {
	case strings.HasPrefix(name, "uni") && len(name) >= 7:
		hex = name[3:7]
	case strings.HasPrefix(name, "u") && len(name) >= 5 && len(name) <= 7:
		hex = name[1:]
	default:
		return "", false
	}
	n, err := strconv.ParseUint(hex, 16, 32)
	if err != nil || !utf8.ValidRune(rune(n)) {
		return "", false
	}
	return string(rune(n)), true
}

// decode returns the cleaned text of one code.
func (f *fontInfo) decode(code string) string {
	if s, ok := f.decoded[code]; ok {
		return s
	}
	s := code
	if f.enc != nil {
		s = f.enc.Decode(code)
	}
	if f.diff != nil && len(code) == 1 {
		if t, ok := f.diff.decode(code[0]); ok {
			s = t
		}
	}
	s = cleanGlyph(s)
	if f.decoded == nil {
		f.decoded = map[string]string{}
	}
	if len(f.decoded) < 1<<16 {
		f.decoded[code] = s
	}
	return s
}

func newFont(v pdf.Value) *fontInfo {
	f := &fontInfo{scale: 0.001}
	pf := &pdf.Font{V: v}
	f.enc = pf.Encoder()
	base := v.Key("BaseFont").Name()
	lb := strings.ToLower(base)
	f.bold = strings.Contains(lb, "bold") || strings.Contains(lb, "black") || strings.Contains(lb, "heavy") ||
		strings.Contains(lb, "semibold") || strings.Contains(lb, "demi")
	switch v.Key("Subtype").Name() {
	case "Type0":
		f.twoByte = true
		desc := v.Key("DescendantFonts").Index(0)
		f.dw = 1000
		if dw := desc.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.dw = dw.Float64()
		}
		f.cid = parseW(desc.Key("W"))
		f.known = true
		if fd := desc.Key("FontDescriptor"); fd.Key("Flags").Int64()&(1<<18) != 0 {
			f.bold = true
		}
		return f
	case "Type3":
		if fm := v.Key("FontMatrix"); fm.Len() == 6 && fm.Index(0).Float64() != 0 {
			f.scale = math.Abs(fm.Index(0).Float64())
		}
	}
	if enc := v.Key("Encoding"); enc.Kind() == pdf.Dict {
		f.diff = readDifferences(enc)
	}
	f.first = int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	n := min(ws.Len(), 256)
	for i := 0; i < n; i++ {
		f.widths = append(f.widths, ws.Index(i).Float64())
	}
	f.known = n > 0
	fd := v.Key("FontDescriptor")
	f.dw = fd.Key("MissingWidth").Float64()
	if fd.Key("Flags").Int64()&(1<<18) != 0 {
		f.bold = true
	}
	return f
}

// parseW reads a CIDFont /W array: "c [w1 w2 ...]" and "c1 c2 w" entries.
func parseW(w pdf.Value) map[int]float64 {
	m := map[int]float64{}
	n := w.Len()
	for i := 0; i < n && len(m) < 1<<16; {
		c := int(w.Index(i).Int64())
		if i+1 >= n {
			break
		}
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && len(m) < 1<<16; j++ {
				m[c+j] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		last := int(next.Int64())
		wd := w.Index(i + 2).Float64()
		for c2 := c; c2 <= last && c2-c < 1<<16 && len(m) < 1<<16; c2++ {
			m[c2] = wd
		}
		i += 3
	}
	return m
}

// width returns the advance of code in glyph space units (1000 per em),
// guessing from the decoded text when the file gives no widths.
func (f *fontInfo) width(code int, s string) float64 {
	if f.twoByte {
		if w, ok := f.cid[code]; ok {
			return w
		}
		return f.dw
	}
	if i := code - f.first; i >= 0 && i < len(f.widths) && f.widths[i] > 0 {
		return f.widths[i]
	}
	if f.known && f.dw > 0 {
		return f.dw
	}
	// No metrics (a standard font): a generous guess, so that the gap
	// after a run is rather under- than overestimated.
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case r == ' ':
		return 250
	case strings.ContainsRune("iljtfrI.,;:!'|", r):
		return 300
	case strings.ContainsRune("mwMW", r):
		return 850
	case unicode.IsUpper(r):
		return 700
	}
	return 560
}

// errLimit stops the interpreter when a page's work bound is reached.
var errLimit = errors.New("page content too large (operator limit reached)")
var errCancelled = errors.New("cancelled")

// pageGlyphs interprets one page's content stream.
// It returns the glyphs, the operators it interpreted and what stopped it
// early, if anything.
func pageGlyphs(p pageRef, maxOps, maxGlyphs int, cancelled *atomic.Bool) (out []glyph, ops int, err error) {
	it := &interp{maxOps: maxOps, maxGlyphs: maxGlyphs, cancelled: cancelled}
	defer func() {
		ops = it.ops
		if x := recover(); x != nil {
			out = it.glyphs // keep what was read before the problem
			if e, ok := x.(error); ok && (e == errLimit || e == errCancelled) {
				err = e
				return
			}
			err = fmt.Errorf("content stream: %s", clip(x))
		}
	}()
	contents := p.v.Key("Contents")
	if contents.IsNull() {
		return nil, 0, nil
	}
	g := gstate{ctm: identity, tm: identity, tlm: identity, th: 1}
	it.run(contents, p.resources, g, 0)
	return it.glyphs, it.ops, nil
}

type interp struct {
	glyphs    []glyph
	ops       int
	maxOps    int
	maxGlyphs int // glyphs beyond this are dropped
	cancelled *atomic.Bool
}

func (it *interp) run(strm, res pdf.Value, g gstate, depth int) {
	fonts := map[string]*fontInfo{}
	var stack []gstate
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		it.ops++
		if it.ops > it.maxOps {
			panic(errLimit)
		}
		if it.ops&1023 == 0 && it.cancelled.Load() {
			panic(errCancelled)
		}
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		mat := func() matrix {
			var m matrix
			for i := range m {
				m[i] = num(len(args) - 6 + i)
			}
			return m
		}
		switch op {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, g)
			}
		case "Q":
			if len(stack) > 0 {
				g = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if len(args) >= 6 {
				g.ctm = mat().mul(g.ctm)
			}
		case "BT":
			g.tm, g.tlm = identity, identity
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.trise = num(0)
		case "Tf":
			if len(args) >= 2 {
				name := args[len(args)-2].Name()
				f, ok := fonts[name]
				if !ok {
					f = newFont(res.Key("Font").Key(name))
					fonts[name] = f
				}
				g.font = f
				g.tfs = num(len(args) - 1)
			}
		case "Td", "TD":
			if len(args) >= 2 {
				tx, ty := num(len(args)-2), num(len(args)-1)
				if op == "TD" {
					g.tl = -ty
				}
				g.tlm = translate(tx, ty).mul(g.tlm)
				g.tm = g.tlm
			}
		case "Tm":
			if len(args) >= 6 {
				g.tm = mat()
				g.tlm = g.tm
			}
		case "T*":
			g.tlm = translate(0, -g.tl).mul(g.tlm)
			g.tm = g.tlm
		case "Tj":
			if len(args) >= 1 {
				it.show(&g, args[len(args)-1].RawString())
			}
		case "'", "\"":
			if op == "\"" && len(args) >= 3 {
				g.tw, g.tc = num(len(args)-3), num(len(args)-2)
			}
			g.tlm = translate(0, -g.tl).mul(g.tlm)
			g.tm = g.tlm
			if len(args) >= 1 {
				it.show(&g, args[len(args)-1].RawString())
			}
		case "TJ":
			if len(args) < 1 {
				return
			}
			a := args[len(args)-1]
			for i := 0; i < a.Len() && i < 1<<16; i++ {
				x := a.Index(i)
				if x.Kind() == pdf.String {
					it.show(&g, x.RawString())
				} else {
					tx := -x.Float64() / 1000 * g.tfs * g.th
					g.tm = translate(tx, 0).mul(g.tm)
				}
			}
		case "Do":
			if depth >= 4 || len(args) < 1 {
				return
			}
			xo := res.Key("XObject").Key(args[len(args)-1].Name())
			if xo.Key("Subtype").Name() != "Form" {
				return
			}
			fg := g
			if m := xo.Key("Matrix"); m.Len() == 6 {
				var fm matrix
				for i := range fm {
					fm[i] = m.Index(i).Float64()
				}
				fg.ctm = fm.mul(g.ctm)
			}
			fres := xo.Key("Resources")
			if fres.IsNull() {
				fres = res
			}
			it.run(xo, fres, fg, depth+1)
		}
	})
}

// show places the glyphs of one string.
func (it *interp) show(g *gstate, raw string) {
	f := g.font
	if f == nil {
		f = &fontInfo{enc: nil, scale: 0.001}
		g.font = f
	}
	step := 1
	if f.twoByte {
		step = 2
	}
	for i := 0; i+step <= len(raw); i += step {
		code := raw[i : i+step]
		c := int(code[0])
		if step == 2 {
			c = c<<8 | int(code[1])
		}
		s := f.decode(code)
		w0 := f.width(c, s)
		m := g.tm.mul(g.ctm)
		trm := matrix{g.tfs * g.th, 0, 0, g.tfs, 0, g.trise}.mul(m)
		tx := (w0*f.scale*g.tfs + g.tc)
		if step == 1 && c == 32 {
			tx += g.tw
		}
		tx *= g.th
		hs := math.Hypot(m[0], m[1])
		gl := glyph{
			x:     trm[4],
			y:     trm[5],
			w:     tx * hs,
			size:  math.Hypot(trm[2], trm[3]),
			s:     s,
			bold:  f.bold,
			space: strings.TrimSpace(s) == "",
		}
		gl.rot = quarterTurns(m[0], m[1])
		if !finite(gl.x) || !finite(gl.y) || !finite(gl.size) {
			gl.rot = -1 // nowhere on the page: left out
		}
		if !finite(gl.w) || gl.w > 1e4 {
			gl.w = 0
		}
		if len(it.glyphs) < it.maxGlyphs {
			it.glyphs = append(it.glyphs, gl)
		}
		g.tm = translate(tx, 0).mul(g.tm)
	}
}

// ligatures spell out U+FB00..U+FB06, which some fonts map glyphs to.
var ligatures = [...]string{"ff", "fi", "fl", "ffi", "ffl", "st", "st"}

// cleanGlyph makes a decoded code safe text: valid UTF-8, no control
// characters (white space becomes a space), no replacement characters
// from codes the font could not map.
func cleanGlyph(s string) string {
	if s == "" {
		return s
	}
	s = strings.ToValidUTF8(s, "")
	if r, _ := utf8.DecodeRuneInString(s); r >= 0xfb00 && r <= 0xfb06 {
		s = ligatures[r-0xfb00] + s[utf8.RuneLen(r):]
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == 0xa0:
			return ' '
		case r == 0xad: // a soft hyphen that was shown is a hyphen
			return '-'
		case r == unicode.ReplacementChar:
			return -1
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

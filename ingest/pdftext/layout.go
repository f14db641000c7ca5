package pdftext

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Layout thresholds, in ems of the font size unless stated.
const (
	rowTolerance  = 0.35 // baselines closer than this are one row
	wordGap       = 0.2  // a gap wider than this between glyphs is a space
	duplicateGap  = 0.1  // the same glyph again within this is overprint (fake bold)
	headingRatio  = 1.15 // a row this much larger than the body text is a heading
	boldRatio     = 1.05 // a bold row this much larger than the body text is a heading
	strongWords   = 12   // a bold row standing alone with at most this many words is marked **bold**
	paragraphGap  = 1.3  // a pitch this many times the usual line pitch starts a paragraph
	sizeStep      = 1.15 // rows whose sizes differ by this factor are separate blocks
	headingMaxLen = 200  // longer rows are never headings (bytes)
	maxLevels     = 6
)

// roundSize rounds a font size to half points, so that sizes compare.
func roundSize(s float64) float64 { return math.Round(s*2) / 2 }

// bodySize is the font size that most visible glyphs have.
func bodySize(pages [][]glyph) float64 {
	count := map[float64]int{}
	for _, gs := range pages {
		for _, g := range gs {
			if !g.space && !g.rotated {
				count[roundSize(g.size)]++
			}
		}
	}
	best, n := 0.0, -1
	for s, c := range count {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	return best
}

// headingLevels returns the font sizes clearly larger than the body size,
// largest first; a row in levels[i] is a heading of level i+1.
func headingLevels(pages [][]glyph, body float64) []float64 {
	seen := map[float64]bool{}
	for _, gs := range pages {
		for _, g := range gs {
			if s := roundSize(g.size); !g.space && !g.rotated && headingSize(s, g.bold, body) {
				seen[s] = true
			}
		}
	}
	var sizes []float64
	for s := range seen {
		sizes = append(sizes, s)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(sizes)))
	return sizes
}

// headingSize reports whether text of size s (bold or not) is set larger
// than the body text the way headings are.
func headingSize(s float64, bold bool, body float64) bool {
	return body > 0 && (s >= body*headingRatio || bold && s >= body*boldRatio)
}

// row is one line of a page as the glyphs' baselines make it.
type row struct {
	y      float64
	size   float64 // the size most of its glyphs have
	bold   bool
	text   string
	level  int     // heading level, 0 for body text
	strong bool    // a short bold row standing alone: written **bold** like Markdown
	x0, x1 float64 // left and right ends of its visible glyphs
	word1  float64 // width of its first word
	gap    float64 // widest gap between glyphs, in ems
	item   bool    // starts a list item whose bullet the PDF drew as a shape
}

// layout turns a page's glyphs into lines: rows top to bottom, glyphs left
// to right within a row, a space where the gap between glyphs is wider than
// wordGap ems or the PDF drew a space, one blank line where the pitch to
// the previous row is more than paragraphGap times the usual pitch, and
// heading rows (see headingLevels) prefixed with "#"s on lines of their own
// with a blank line around them; a short bold row that stands alone (a
// paragraph of its own) is written **bold**, as Markdown marks such
// headings. Consecutive heading rows of one level are
// one heading broken over lines and are joined.
func layout(gs []glyph, body float64, levels []float64) string {
	rows := buildRows(gs, body)
	if len(rows) == 0 {
		return ""
	}
	for i := range rows {
		r := &rows[i]
		if len(r.text) > headingMaxLen || !headingSize(r.size, r.bold, body) {
			continue
		}
		for j, s := range levels {
			if r.size >= s {
				r.level = min(j+1, maxLevels)
				break
			}
		}
	}
	pitch := usualPitch(rows, body)
	apart := func(i, j int) bool { // rows i and j (j may be out of range) are separate blocks
		if j < 0 || j >= len(rows) {
			return true
		}
		a, b := rows[min(i, j)], rows[max(i, j)]
		return a.level > 0 || b.level > 0 || a.y-b.y > paragraphGap*pitch || resized(a, b)
	}
	markShapeBullets(rows, body, pitch)
	for i := range rows {
		r := &rows[i]
		r.strong = r.level == 0 && r.bold && len(strings.Fields(r.text)) <= strongWords &&
			!strings.ContainsAny(r.text[len(r.text)-1:], ".,;") && apart(i, i-1) && apart(i, i+1)
	}
	var b strings.Builder
	for i, r := range rows {
		if i > 0 {
			prev := rows[i-1]
			gap := prev.y - r.y
			switch {
			case r.level > 0 && r.level == prev.level && gap <= 1.6*r.size:
				b.WriteByte(' ') // heading continued on the next row
				b.WriteString(r.text)
				continue
			case r.level > 0 || prev.level > 0 || gap > paragraphGap*pitch || resized(prev, r):
				b.WriteString("\n\n")
			case gap < 0: // the top of the next column: the text flows on
				b.WriteByte('\n')
			default:
				b.WriteByte('\n')
			}
		}
		switch {
		case r.level > 0:
			b.WriteString(strings.Repeat("#", r.level))
			b.WriteByte(' ')
			b.WriteString(r.text)
		case r.strong:
			b.WriteString("**" + r.text + "**")
		case r.item:
			b.WriteString("- " + r.text)
		default:
			b.WriteString(r.text)
		}
	}
	return b.String()
}

// List items whose bullets are shapes (Chromium draws the discs of a web
// page's lists) leave only indented rows of text. A run of body rows
// indented alike by listIndent ems or so past the page's left margin,
// right after a lead-in at the margin that ends in a colon (or in a word,
// when the run holds two items or more), is such a list: a row starts an
// item when the first word on it would have fit on the row above, which
// therefore ended early. Rows with table-wide gaps are no list.
const (
	listIndentMin = 1.0 // ems
	listIndentMax = 4.5
	tableGap      = 2.0 // a gap this wide (ems) inside a row is a table's
)

func markShapeBullets(rows []row, body, pitch float64) {
	if body <= 0 || len(rows) < 3 {
		return
	}
	// The left margin is where most body text starts (by letters, so that
	// menus of short rows do not count); the right edge is where the
	// longest rows end.
	starts := map[float64]int{}
	right := math.Inf(-1)
	for _, r := range rows {
		if r.level == 0 {
			starts[math.Round(r.x0)] += utf8.RuneCountInString(r.text)
			right = math.Max(right, r.x1)
		}
	}
	margin, n := 0.0, -1
	for x, c := range starts {
		if c > n || c == n && x < margin {
			margin, n = x, c
		}
	}
	body1 := func(r row) bool { return r.level == 0 && !r.item && math.Abs(r.size-body) < 0.5 }
	for i := 1; i < len(rows); i++ {
		lead := rows[i-1]
		x := rows[i].x0
		indent := (x - margin) / body
		if !body1(lead) || math.Abs(lead.x0-margin) > 0.5 || !body1(rows[i]) ||
			indent < listIndentMin || indent > listIndentMax || lead.y-rows[i].y > 2.5*pitch {
			continue
		}
		end := i
		for end < len(rows) && body1(rows[end]) && math.Abs(rows[end].x0-x) < 0.5 &&
			rows[end].gap < tableGap && bulletItem("• "+rows[end].text) == "- "+rows[end].text &&
			!marked(rows[end].text) && (end == i || rows[end-1].y-rows[end].y <= 2.5*pitch) {
			end++
		}
		if end == i {
			continue
		}
		starts := []int{i}
		for k := i + 1; k < end; k++ {
			prevText := strings.TrimSpace(rows[k-1].text)
			first, _ := utf8.DecodeRuneInString(rows[k].text)
			fits := rows[k-1].x1+rows[k].word1 < right-0.5*body
			closed := strings.ContainsAny(prevText[len(prevText)-1:], ".;,") && unicode.IsUpper(first)
			if fits || closed || rows[k-1].y-rows[k].y > paragraphGap*pitch {
				starts = append(starts, k)
			}
		}
		lt := strings.TrimSpace(lead.text)
		last, _ := utf8.DecodeLastRuneInString(lt)
		if !strings.HasSuffix(lt, ":") && !(unicode.IsLetter(last) && len(starts) >= 2) {
			i = end - 1
			continue
		}
		for _, k := range starts {
			rows[k].item = true
		}
		i = end - 1
	}
}

// marked reports whether a row starts with a list marker of its own: a
// dash or bullet, a number or letter with a full stop or parenthesis.
func marked(t string) bool {
	if bulletItem(t) != t || strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "– ") {
		return true
	}
	f, _, _ := strings.Cut(t, " ")
	return len(f) >= 2 && len(f) <= 4 && strings.ContainsAny(f[len(f)-1:], ".)") &&
		strings.TrimLeft(strings.TrimRight(f, ".)"), "0123456789abcdefghijklmnopqrstuvwxyz") == ""
}

// resized reports whether two body rows are set in clearly different font
// sizes. A paragraph keeps one size, so such rows belong to different
// blocks: a running header or footer in small type next to the body, a
// caption or a footnote. Without the break the header's words would start
// the body's first sentence.
func resized(a, b row) bool {
	lo, hi := math.Min(a.size, b.size), math.Max(a.size, b.size)
	return hi > 0 && lo < hi/sizeStep
}

// usualPitch is the median distance between consecutive body-size rows,
// or 1.2 ems of the body size when there are too few of them.
func usualPitch(rows []row, body float64) float64 {
	var ps []float64
	for i := 1; i < len(rows); i++ {
		a, b := rows[i-1], rows[i]
		d := a.y - b.y
		if a.level == 0 && b.level == 0 && math.Abs(a.size-body) < 0.5 && math.Abs(b.size-body) < 0.5 && d > 0 && d < 3*body {
			ps = append(ps, d)
		}
	}
	if len(ps) < 3 {
		return math.Max(1.2*body, 1)
	}
	sort.Float64s(ps)
	return ps[len(ps)/2]
}

// buildRows groups glyphs into rows by baseline and writes each row's text.
func buildRows(gs []glyph, body float64) []row {
	idx := make([]int, 0, len(gs))
	for i, g := range gs {
		if !g.rotated && g.s != "" && !math.IsNaN(g.x) && !math.IsNaN(g.y) && !math.IsInf(g.x, 0) && !math.IsInf(g.y, 0) {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return gs[idx[a]].y > gs[idx[b]].y })
	var groups [][]int
	for start := 0; start < len(idx); {
		y0 := gs[idx[start]].y
		tol := rowTolerance * math.Max(gs[idx[start]].size, 1)
		end := start + 1
		for end < len(idx) && y0-gs[idx[end]].y <= tol {
			end++
		}
		members := idx[start:end]
		sort.SliceStable(members, func(a, b int) bool { return gs[members[a]].x < gs[members[b]].x })
		groups = append(groups, members)
		start = end
	}
	var rows []row
	for _, members := range columnOrder(gs, groups, body) {
		if r, ok := makeRow(gs, members); ok {
			rows = append(rows, r)
		}
	}
	return rows
}

// Column detection: a gutter is a vertical band at least gutterWidth ems
// wide in the middle half of the text where almost no glyph is (at most
// gutterInk of the usual coverage), with at least a quarter of the glyphs
// on either side and rows of text on both sides.
const (
	gutterWidth   = 0.8
	gutterInk     = 0.1
	minColumnRows = 5
	minColumnLine = 25 // median glyphs of a column's lines
)

// columnOrder reorders a page's rows (glyph indices, top to bottom) for a
// two-column layout: between rows that cross the gutter (headings over
// both columns, page furniture), the left column's rows come first, then
// the right column's. Pages without a clear gutter keep their rows.
func columnOrder(gs []glyph, rows [][]int, body float64) [][]int {
	if body <= 0 || len(rows) < 2*minColumnRows {
		return rows
	}
	minX, maxX := math.Inf(1), math.Inf(-1)
	visible := 0
	for _, r := range rows {
		for _, i := range r {
			if g := gs[i]; !g.space {
				minX, maxX = math.Min(minX, g.x), math.Max(maxX, g.x+math.Max(g.w, 0))
				visible++
			}
		}
	}
	width := maxX - minX
	if visible < 200 || !(width >= 100 && width <= 5000) {
		return rows
	}
	ink := make([]int, int(width)+1)
	for _, r := range rows {
		for _, i := range r {
			g := gs[i]
			if g.space {
				continue
			}
			a := max(int(g.x-minX), 0)
			b := min(max(int(g.x+g.w-minX), a+1), len(ink))
			for x := a; x < b; x++ {
				ink[x]++
			}
		}
	}
	var nonzero []int
	for _, v := range ink {
		if v > 0 {
			nonzero = append(nonzero, v)
		}
	}
	if len(nonzero) == 0 {
		return rows
	}
	sort.Ints(nonzero)
	limit := float64(nonzero[len(nonzero)/2]) * gutterInk
	bestL, bestR := -1, -1
	for x := 0; x < len(ink); {
		if float64(ink[x]) > limit {
			x++
			continue
		}
		end := x
		for end < len(ink) && float64(ink[end]) <= limit {
			end++
		}
		mid := float64(x+end) / 2
		if mid > 0.25*width && mid < 0.75*width && end-x > bestR-bestL {
			bestL, bestR = x, end
		}
		x = end
	}
	if bestL < 0 || float64(bestR-bestL) < gutterWidth*body {
		return rows
	}
	gl, gr := minX+float64(bestL), minX+float64(bestR)
	mid := (gl + gr) / 2
	var left, right, both int
	var lens [2][]int // glyphs per side of the rows with text on both sides
	type split struct {
		l, r     []int
		spanning bool
	}
	splits := make([]split, len(rows))
	for k, r := range rows {
		var sp split
		leftEnd, rightStart := math.Inf(-1), math.Inf(1)
		for _, i := range r {
			g := gs[i]
			if !g.space && g.x < mid-1 && g.x+g.w > mid+1 {
				sp.spanning = true // a glyph straddles the gutter's middle
			}
			if g.x+g.w/2 < mid {
				sp.l = append(sp.l, i)
				if !g.space {
					leftEnd = math.Max(leftEnd, g.x+g.w)
				}
			} else {
				sp.r = append(sp.r, i)
				if !g.space {
					rightStart = math.Min(rightStart, g.x)
				}
			}
		}
		// Text on both sides closer than half the gutter runs across it.
		if rightStart-leftEnd < (gr-gl)/2 {
			sp.spanning = true
		}
		if !sp.spanning {
			left += len(sp.l)
			right += len(sp.r)
			if len(sp.l) > 0 && len(sp.r) > 0 {
				both++
				lens[0] = append(lens[0], len(sp.l))
				lens[1] = append(lens[1], len(sp.r))
			}
		}
		splits[k] = sp
	}
	if left*4 < visible || right*4 < visible || both < minColumnRows {
		return rows
	}
	// Columns of text have long lines on both sides; a table of labels
	// and values (read row by row) has short ones on one side at least.
	for _, l := range lens {
		sort.Ints(l)
		if l[len(l)/2] < minColumnLine {
			return rows
		}
	}
	var out, pendR [][]int
	flush := func() {
		out = append(out, pendR...)
		pendR = nil
	}
	for k, sp := range splits {
		if sp.spanning {
			flush()
			out = append(out, rows[k])
			continue
		}
		if len(sp.l) > 0 {
			out = append(out, sp.l)
		}
		if len(sp.r) > 0 {
			pendR = append(pendR, sp.r)
		}
	}
	flush()
	return out
}

func makeRow(gs []glyph, members []int) (row, bool) {
	var b strings.Builder
	sizes := map[float64]int{}
	bold, visible := 0, 0
	pendingSpace := false
	havePrev := false
	var prev glyph
	prevEnd := math.Inf(-1)
	x0, word1, maxGap := math.NaN(), math.NaN(), 0.0
	for _, i := range members {
		g := gs[i]
		if g.space {
			pendingSpace = true
			prevEnd = math.Max(prevEnd, g.x+g.w)
			continue
		}
		em := math.Max(g.size, 1)
		if havePrev {
			if g.s == prev.s && math.Abs(g.x-prev.x) < duplicateGap*em {
				continue // overprinted glyph
			}
			if b.Len() > 0 && (pendingSpace || g.x-prevEnd > wordGap*em) {
				b.WriteByte(' ')
				if math.IsNaN(word1) {
					word1 = prevEnd - x0
				}
			}
			maxGap = math.Max(maxGap, (g.x-prevEnd)/em)
		} else {
			x0 = g.x
		}
		b.WriteString(g.s)
		pendingSpace = false
		havePrev = true
		prev = g
		prevEnd = g.x + g.w
		sizes[roundSize(g.size)] += len(g.s)
		visible++
		if g.bold {
			bold++
		}
	}
	text := bulletItem(strings.TrimSpace(b.String()))
	if text == "" {
		return row{}, false
	}
	size, n := 0.0, -1
	for s, c := range sizes {
		if c > n || c == n && s > size {
			size, n = s, c
		}
	}
	if math.IsNaN(word1) {
		word1 = prevEnd - x0
	}
	return row{y: gs[members[0]].y, size: size, bold: bold*2 > visible, text: text,
		x0: x0, x1: prevEnd, word1: word1, gap: maxGap}, true
}

// bullets are the glyphs producers draw before list items: the Unicode
// ones and the Symbol and Wingdings private-use codes Word's fonts map to.
const bullets = "•◦▪■●‣⁃\uf0b7\uf0a7\uf0d8\uf0fc\uf076"

// bulletItem writes a row that starts with a bullet as a "- " list item,
// as the other readers write list items.
func bulletItem(text string) string {
	r, n := utf8.DecodeRuneInString(text)
	if !strings.ContainsRune(bullets, r) {
		return text
	}
	rest := strings.TrimSpace(text[n:])
	if rest == "" {
		return text
	}
	return "- " + rest
}

package repair

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"styrdok/corpus"
	"styrdok/corpus/sv"
)

// HyphenationFix joins words split by hyphenation. At a line end
// (`verksam-` / `hetsberättelse`) the word is joined on the first line and
// the next line loses it; a real hyphen is kept when the first part is an
// abbreviation, a single letter or holds a digit (`EU-` / `projekt` →
// `EU-projekt`), and nothing is joined before a conjunction (suspended
// compounds: `fort- och`, `Miljö- och`). Inside a line, a hyphen left by
// reflow (`samarbets-former`) goes only when the lexicon knows the joined
// word and not the hyphenated one.
func HyphenationFix() Fix {
	return Fix{
		Name:  "hyphenation",
		Doc:   "words split by line-break hyphenation joined",
		Apply: applyHyphenation,
	}
}

// suspendedNext are words after which a hyphen at a line end belongs to a
// suspended compound ("kultur- och fritidsnämnden").
var suspendedNext = map[string]bool{
	"och": true, "eller": true, "samt": true, "respektive": true, "resp": true,
	"liksom": true, "el": true, "alternativt": true, "and": true, "or": true, "&": true,
}

// lexicon is the word list the fix consults; tests may replace it.
var lexicon interface {
	Known(string) bool
	Compound(string) bool
	CompoundHead(string) bool
	Freq(string) int
} = lazyLexicon{}

type lazyLexicon struct{}

func (lazyLexicon) Known(w string) bool        { return sv.Lexicon().Known(w) }
func (lazyLexicon) Compound(w string) bool     { return sv.Lexicon().Compound(w) }
func (lazyLexicon) CompoundHead(w string) bool { return sv.Lexicon().CompoundHead(w) }
func (lazyLexicon) Freq(w string) int          { return sv.Lexicon().Freq(w) }

// ocrReadings are the letters OCR without Swedish makes of å, ä and ö.
var ocrReadings = map[rune][]rune{
	'a': {'ä', 'å'}, 'o': {'ö'}, 'i': {'ä'}, 'd': {'ä', 'å', 'ö'}, 'é': {'ä', 'ö', 'å'},
	'6': {'ö'}, '4': {'ä', 'å'}, '&': {'å', 'ä'}, '#': {'ä'}, 'A': {'Ä', 'Å'}, 'O': {'Ö'},
}

// restoredKnown reports whether w, with one or two letters read back as
// å, ä or ö, is a known word or compound (or, with head, a compound
// beginning). It lets hyphenation join words whose diacritics are still
// missing ("verksam-hetsberittelse").
func restoredKnown(w string, head bool) bool {
	return restoredKnownN(w, head, 2)
}

// restoredCache remembers restoredKnownN answers; reading back letters
// costs thousands of lexicon look-ups per word.
var (
	restoredCache sync.Map
	restoredCount atomic.Int64
)

type restoredKey struct {
	w    string
	head bool
	n    int
}

// restoredKnownN is restoredKnown with up to n letters read back.
func restoredKnownN(w string, head bool, n int) bool {
	k := restoredKey{w, head, n}
	if v, ok := restoredCache.Load(k); ok {
		return v.(bool)
	}
	found := restoredSearch(w, head, n)
	if restoredCount.Add(1) > 100000 {
		// keep a long batch run's memory bounded
		restoredCache.Clear()
		restoredCount.Store(0)
	}
	restoredCache.Store(k, found)
	return found
}

func restoredSearch(w string, head bool, n int) bool {
	rs := []rune(w)
	if len(rs) > 40 {
		return false
	}
	ok := func(rs []rune) bool {
		s := string(rs)
		if head {
			return lexicon.CompoundHead(s)
		}
		return lexicon.Known(s) || lexicon.Compound(s)
	}
	var try func(from, left int) bool
	try = func(from, left int) bool {
		for i := from; i < len(rs); i++ {
			r := rs[i]
			for _, a := range ocrReadings[r] {
				rs[i] = a
				found := ok(rs) || (left > 1 && try(i+1, left-1))
				rs[i] = r
				if found {
					return true
				}
			}
		}
		return false
	}
	return try(0, n)
}

func applyHyphenation(text string) (string, []corpus.Change) {
	e := edits{text: text}
	splitCells(&e, text)
	if strings.IndexByte(text, '-') < 0 {
		return e.finish()
	}
	for i := 0; i < len(text); {
		k := strings.IndexByte(text[i:], '-')
		if k < 0 {
			break
		}
		h := i + k
		i = h + 1
		// where does the line go on after the hyphen?
		j := h + 1
		for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
			j++
		}
		if j < len(text) && text[j] == '\n' {
			lineEndJoin(&e, text, h, j)
			continue
		}
		if j == h+1 && j < len(text) {
			midLineJoin(&e, text, h)
		}
	}
	return e.finish()
}

// wordBefore returns the run of letters that ends at offset h.
func wordBefore(text string, h int) string {
	a := h
	for a > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:a])
		if !unicode.IsLetter(r) {
			break
		}
		a -= size
	}
	return text[a:h]
}

// wordAfter returns the run of letters that starts at offset p.
func wordAfter(text string, p int) string {
	b := p
	for b < len(text) {
		r, size := utf8.DecodeRuneInString(text[b:])
		if !unicode.IsLetter(r) {
			break
		}
		b += size
	}
	return text[p:b]
}

func isAbbrev(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// lineEndJoin handles the hyphen at h whose line ends at nl.
func lineEndJoin(e *edits, text string, h, nl int) {
	x := wordBefore(text, h)
	from := h // where the change starts
	spaced := false
	if x == "" && h > 1 && text[h-1] == ' ' {
		// "bevitt -" / "nat": OCR put a space before the hyphen
		if x = wordBefore(text, h-1); x != "" {
			spaced, from = true, h-1
		}
	}
	p := nl + 1
	// blank lines between the parts (a page or paragraph gap in OCR)
	for blanks := 0; blanks < 2; blanks++ {
		q := p
		for q < len(text) && (text[q] == ' ' || text[q] == '\t') {
			q++
		}
		if q < len(text) && text[q] == '\n' {
			p = q + 1
			continue
		}
		break
	}
	if p < len(text) && text[p] == ' ' {
		p++ // a page break marker
	}
	// the first token of the next line
	q := p
	for q < len(text) && !isSpaceByte(text[q]) {
		q++
	}
	tok := text[p:q]
	if tok == "" {
		return
	}
	first, _ := utf8.DecodeRuneInString(tok)
	y := wordAfter(text, p)
	prev, _ := utf8.DecodeLastRuneInString(text[:h])
	keep := false
	conj := suspendedNext[strings.ToLower(strings.TrimRight(tok, ",.;:"))]
	switch {
	case spaced:
		if conj || y == "" || !unicode.IsLower(first) || !joinable(x, y) {
			return
		}
	case x == "":
		// "2019-" / "2022": a range split at the line end
		if !unicode.IsDigit(prev) || !unicode.IsDigit(first) {
			return
		}
		keep = true
	case conj && !(lexicon.Known(x+y) && !lexicon.Known(x) && !lexicon.CompoundHead(x)):
		return // "kultur- och": a suspended compound ("skynd-" / "samt" is one word)
	case unicode.IsDigit(first):
		keep = true // "covid-" / "19"
	case !unicode.IsLetter(first) || y == "":
		return
	case unicode.IsUpper(first):
		// "Sverige-" / "Finland": join names with their hyphen
		if !unicode.IsUpper([]rune(x)[0]) || isAbbrev(x) || utf8.RuneCountInString(x) < 3 {
			return
		}
		keep = true
	case isAbbrev(x) || utf8.RuneCountInString(x) == 1 || unicode.IsDigit(prev):
		keep = true
	default:
		joined := x + y
		if lexicon.Known(x+"-"+y) && !lexicon.Known(joined) && !lexicon.Compound(joined) {
			keep = true
		}
	}
	// the spaces after the token
	r := q
	for r < len(text) && (text[r] == ' ' || text[r] == '\t') {
		r++
	}
	after := tok
	if keep {
		after = "-" + tok
	}
	why := "hyphenation: word joined across the line break"
	if keep {
		why = "hyphenation: hyphen kept, line break removed"
	}
	if r < len(text) && text[r] != '\n' {
		after += "\n"
	}
	e.add(from, text[from:r], after, why)
}

// joinable reports whether the lexicon backs joining x and y into one
// word (directly, as a compound, or once lost å/ä/ö are read back).
func joinable(x, y string) bool {
	joined := x + y
	if lexicon.Known(joined) {
		return true
	}
	if lexicon.Known(x) && lexicon.Known(y) {
		return false
	}
	return lexicon.Compound(joined) || restoredKnown(joined, false)
}

// midLineJoin handles a hyphen between two letters inside a line.
func midLineJoin(e *edits, text string, h int) {
	x := wordBefore(text, h)
	y := wordAfter(text, h+1)
	if utf8.RuneCountInString(x) < 2 || utf8.RuneCountInString(y) < 2 {
		return
	}
	// whole words only: no hyphen, digit or letter glued on either side
	a := h - len(x)
	if a > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:a])
		if r == '-' || unicode.IsDigit(r) || r == '/' {
			return
		}
	}
	b := h + 1 + len(y)
	suspended := false
	if b < len(text) {
		r, _ := utf8.DecodeRuneInString(text[b:])
		if r == '-' && (b+1 == len(text) || text[b+1] == ' ') {
			suspended = true // "närings-livs- och"
		} else if r == '-' || unicode.IsDigit(r) || r == '/' || unicode.IsLetter(r) {
			return
		}
	}
	if hasUpperRune(y) || isAbbrev(x) || hasUpperRune(x[1:]) {
		return
	}
	joined := x + y
	if lexicon.Known(x + "-" + y) {
		return
	}
	bothWords := lexicon.Known(x) && lexicon.Known(y)
	var join bool
	if suspended {
		join = !bothWords && (lexicon.CompoundHead(joined) || restoredKnown(joined, true))
	} else {
		// Two words joined by a hyphen ("röd-grön") stay unless the joined
		// word is one that running text really uses ("ar-beta").
		join = (lexicon.Known(joined) && (!bothWords || lexicon.Freq(joined) > 0)) ||
			(!bothWords && (lexicon.Compound(joined) || restoredKnown(joined, false)))
		if r, _ := utf8.DecodeRuneInString(x); unicode.IsUpper(r) && !lexicon.Known(joined) {
			// A capitalised first part that only makes a compound is a
			// name joined by its hyphen ("Tabb-tangenten", "Alt-knappen").
			join = false
		}
	}
	if join {
		e.add(h, "-", "", "hyphenation: hyphen left by reflow inside a word")
	}
}

func hasUpperRune(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// splitCells joins the end of a word that a table layout pushed onto a
// line of its own ("Stadsbyggnadsnämnde" / "" / "n"): a line of one to
// three lower-case letters, set off by blank lines, whose letters complete
// the last word of the line before into a known word or compound (read
// back with lost å/ä/ö if need be).
func splitCells(e *edits, text string) {
	lines := splitLines(text)
	for i := 1; i < len(lines); i++ {
		l := lines[i]
		frag := text[l.Start:l.End]
		n := utf8.RuneCountInString(frag)
		if n < 1 || n > 3 || !allLower(frag) {
			continue
		}
		if i+1 < len(lines) && lines[i+1].End > lines[i+1].Start && !isBlank(text[lines[i+1].Start:lines[i+1].End]) {
			continue // the fragment must stand alone
		}
		p := i - 1
		if p > 0 && isBlank(text[lines[p].Start:lines[p].End]) {
			p--
		}
		prev := text[lines[p].Start:lines[p].End]
		w := wordBefore(prev, len(prev))
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		if lexicon.Known(w) {
			continue
		}
		joined := w + frag
		if lexicon.Known(joined) || lexicon.Compound(joined) || restoredKnownN(joined, false, 3) {
			e.add(lines[p].End, text[lines[p].End:l.End], frag, "split word: table cell end joined to its word")
		}
	}
}

func allLower(s string) bool {
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return s != ""
}

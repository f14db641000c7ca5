package repair

import (
	"strings"
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
	"som": true, "till": true, "men": true, "utan": true, "liksom": true, "el": true,
	"and": true, "or": true, "&": true,
}

// lexicon is the word list the fix consults; tests may replace it.
var lexicon interface {
	Known(string) bool
	Compound(string) bool
} = lazyLexicon{}

type lazyLexicon struct{}

func (lazyLexicon) Known(w string) bool    { return sv.Lexicon().Known(w) }
func (lazyLexicon) Compound(w string) bool { return sv.Lexicon().Compound(w) }

func applyHyphenation(text string) (string, []corpus.Change) {
	if strings.IndexByte(text, '-') < 0 {
		return text, nil
	}
	e := edits{text: text}
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
	p := nl + 1
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
	switch {
	case x == "":
		// "2019-" / "2022": a range split at the line end
		if !unicode.IsDigit(prev) || !unicode.IsDigit(first) {
			return
		}
		keep = true
	case suspendedNext[strings.ToLower(strings.TrimRight(tok, ",.;:"))]:
		return
	case unicode.IsDigit(first):
		keep = true // "covid-" / "19"
	case !unicode.IsLetter(first) || y == "":
		return
	case unicode.IsUpper(first):
		// "Sverige-" / "Finland": join names with their hyphen
		if !unicode.IsUpper([]rune(x)[0]) {
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
	e.add(h, text[h:r], after, why)
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
	if b < len(text) {
		r, _ := utf8.DecodeRuneInString(text[b:])
		if r == '-' || unicode.IsDigit(r) || r == '/' || unicode.IsLetter(r) {
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
	if lexicon.Known(joined) || (lexicon.Compound(joined) && !(lexicon.Known(x) && lexicon.Known(y))) {
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

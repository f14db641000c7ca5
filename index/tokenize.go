package index

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/segment"
)

// This file is a fast word tokenizer that gives the same tokens as bleve's
// unicode tokenizer (UAX#29 word segmentation by github.com/blevesearch/segment)
// followed by bleve's lowercase filter.
//
// Runs of ASCII, Latin-1, Latin Extended letters, digits, the UAX#29 "mid"
// punctuation, Extend/Format marks and common punctuation (general punctuation
// block, currency signs, U+FEFF, U+FFFD) are segmented by a hand-written scanner
// that applies WB4 (Extend/Format attach to the previous char), WB5-WB7 and
// WB8-WB12 (letters/digits joined over MidLetter, MidNumLet, Single_Quote,
// MidNum), WB13a/b (ExtendNumLet) exactly as the segment grammar does (Unicode 8).
//
// A stretch holding any other rune goes to the segment library: the stretch
// runs from the last ASCII white space before the rune to the next ASCII white
// space after it. A boundary always falls before ASCII white space in valid
// UTF-8, and the segment library's decisions at a token start depend on no
// earlier text, so segmenting the stretch alone gives the same tokens. Invalid
// UTF-8 is different: the segment grammar takes a broken lead byte followed by
// an ASCII byte as one character, and it stops for good before some invalid
// bytes. So from a stretch holding invalid UTF-8 on, the rest of the text is
// segmented by the library, and its stopping is honoured; bleve's offsets
// (running sums of segment lengths) are reproduced even if the library ever
// skipped bytes.

// wordToken is one word of a text: its lower-cased bytes, its byte range in the text, and its 1-based position.
type wordToken struct {
	term       []byte
	start, end int
	pos        int
}

// Character classes of the fast scanner.
const (
	cOther   uint8 = iota // none of the below: never part of a word
	cLetter               // ALetter
	cNumeric              // Numeric
	cExtNum               // ExtendNumLet
	cMidLet               // MidLetter
	cMidNL                // MidNumLet or Single_Quote
	cMidNum               // MidNum
	cExtend               // Extend or Format
	cSpace                // ASCII white space: a stretch bound
	cSlow                 // unknown to the fast scanner, or invalid UTF-8
)

// Rune tables cover runes below tableEnd.
const tableEnd = 0x370

var (
	asciiClass [utf8.RuneSelf]uint8
	runeClass  [tableEnd]uint8
	runeLower  [tableEnd]rune
)

func init() {
	for b := 0; b < utf8.RuneSelf; b++ {
		c := cOther
		switch {
		case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z':
			c = cLetter
		case b >= '0' && b <= '9':
			c = cNumeric
		case b == '_':
			c = cExtNum
		case b == ':':
			c = cMidLet
		case b == '.', b == '\'':
			c = cMidNL
		case b == ',', b == ';':
			c = cMidNum
		case b == ' ', b == '\t', b == '\n', b == '\v', b == '\f', b == '\r':
			c = cSpace
		}
		asciiClass[b] = c
	}
	for r := rune(0); r < tableEnd; r++ {
		runeLower[r] = unicode.ToLower(r)
		if r < utf8.RuneSelf {
			runeClass[r] = asciiClass[r]
			continue
		}
		c := cOther
		switch {
		case r == 0xAA, r == 0xB5, r == 0xBA:
			c = cLetter
		case r == 0xAD: // soft hyphen (Format)
			c = cExtend
		case r == 0xB7: // middle dot
			c = cMidLet
		case r >= 0xC0 && r <= 0x2C1 && r != 0xD7 && r != 0xF7:
			c = cLetter
		case r >= 0x2C6 && r <= 0x2D1, r >= 0x2E0 && r <= 0x2E4, r == 0x2EC, r == 0x2EE:
			c = cLetter
		case r == 0x2D7: // modifier letter minus sign
			c = cMidLet
		case r >= 0x300 && r <= 0x36F: // combining diacritical marks
			c = cExtend
		case r >= 0x2C2: // Greek and what the table leaves doubtful
			c = cSlow
		}
		runeClass[r] = c
	}
}

// punctClass classifies the general punctuation block U+2000..U+206F.
func punctClass(r rune) uint8 {
	switch {
	case r == 0x200C, r == 0x200D, r == 0x200E, r == 0x200F,
		r >= 0x202A && r <= 0x202E, r >= 0x2060 && r <= 0x2064, r >= 0x2066:
		return cExtend
	case r == 0x2018, r == 0x2019, r == 0x2024:
		return cMidNL
	case r == 0x2027:
		return cMidLet
	case r == 0x2044:
		return cMidNum
	case r == 0x203F, r == 0x2040, r == 0x2054:
		return cExtNum
	}
	return cOther
}

// classOf returns the class and the byte length of the char at s[0] (s non-empty).
func classOf(s []byte) (uint8, int) {
	if b := s[0]; b < utf8.RuneSelf {
		return asciiClass[b], 1
	}
	r, sz := utf8.DecodeRune(s)
	switch {
	case r < tableEnd:
		return runeClass[r], sz // RuneError is above tableEnd
	case r >= 0x2000 && r <= 0x206F:
		return punctClass(r), sz
	case r >= 0x20A0 && r <= 0x20CF: // currency signs
		return cOther, sz
	case r == 0xFEFF: // zero width no-break space (Format)
		return cExtend, sz
	case r == utf8.RuneError && sz == 3: // a real U+FFFD
		return cOther, sz
	}
	return cSlow, sz
}

// tokenizeLower appends the words of text to out (reuse out's capacity) and returns it. term may point into a buffer owned by the returned tokens (one allocation per call is fine, not one per word); text must not be modified.
func tokenizeLower(text []byte, out []wordToken) []wordToken {
	n := len(text)
	buf := make([]byte, 0, n)
	pos := 1
	drift := 0 // bleve's offset minus the real offset (non-zero only if segment skipped bytes)

	// State at the start of the current stretch: the last ASCII white space.
	markAt, markTok, markPos, markBuf := 0, len(out), pos, 0

	i := 0
	for i < n {
		b := text[i]
		var c uint8
		sz := 1
		if b < utf8.RuneSelf {
			c = asciiClass[b]
		} else {
			c, sz = classOf(text[i:])
		}
		switch c {
		case cSpace:
			markAt, markTok, markPos, markBuf = i, len(out), pos, len(buf)
			i++
			continue
		case cLetter, cNumeric, cExtNum:
		case cSlow:
			goto slow
		default:
			i += sz
			continue
		}
		{
			start := i
			last := c
			i += sz
		word:
			for i < n {
				b = text[i]
				if b < utf8.RuneSelf {
					c, sz = asciiClass[b], 1
				} else {
					c, sz = classOf(text[i:])
				}
				switch c {
				case cLetter, cNumeric, cExtNum:
					last = c
					i += sz
				case cExtend:
					i += sz
				case cMidLet, cMidNL, cMidNum:
					if !(last == cLetter && c != cMidNum || last == cNumeric && c != cMidLet) {
						break word
					}
					j := i + sz
					for j < n {
						c3, s3 := classOf(text[j:])
						if c3 == cExtend {
							j += s3
							continue
						}
						if c3 == last {
							i = j + s3
							continue word
						}
						if c3 == cSlow {
							goto slow
						}
						break word
					}
					break word
				case cSlow:
					goto slow
				default:
					break word
				}
			}
			b0 := len(buf)
			buf = append(buf, text[start:i]...)
			w := buf[b0:]
			for k, x := range w {
				if x >= utf8.RuneSelf {
					buf = appendLower(buf[:b0], text[start:i])
					break
				}
				if x-'A' < 26 {
					w[k] = x + ('a' - 'A')
				}
			}
			out = append(out, wordToken{term: buf[b0:len(buf):len(buf)], start: start + drift, end: i + drift, pos: pos})
			pos++
			continue
		}
	slow:
		{
			// Redo the stretch from the last white space with the segment library.
			out, pos, buf = out[:markTok], markPos, buf[:markBuf]
			l := markAt
			r := i
			for r < n && (text[r] >= utf8.RuneSelf || asciiClass[text[r]] != cSpace) {
				r++
			}
			if !utf8.Valid(text[l:r]) {
				r = n
			}
			d := text[l:r]
			s := 0
			bpos := l + drift
			stopped := false
			for s < len(d) {
				adv, tok, typ, err := segment.SegmentWords(d[s:], true)
				if err != nil || adv < 0 || adv > len(d)-s || tok == nil {
					stopped = true
					break
				}
				s += adv
				if typ != segment.None {
					b0 := len(buf)
					buf = appendLower(buf, tok)
					out = append(out, wordToken{term: buf[b0:len(buf):len(buf)], start: bpos, end: bpos + len(tok), pos: pos})
					pos++
				}
				bpos += len(tok)
			}
			if stopped {
				return out
			}
			drift = bpos - r
			i = r
		}
	}
	return out
}

// appendLower appends s lower-cased as bleve's lowercase filter does it: the
// bytes are copied and then rewritten in place, rune by rune, with
// unicode.ToLower. Its quirks are kept, since the index must hold the same
// terms: a capital sigma in the last two bytes becomes a final sigma; after a
// rune whose lower case is shorter (İ to i) unchanged runes are not moved
// down, so the term keeps stale bytes and loses its tail; from the first rune
// whose lower case is longer (Ⱥ to ⱥ) on, the rest goes through
// bytes.ToLower. Invalid UTF-8 bytes stay as they are before that point.
func appendLower(dst, s []byte) []byte {
	b0 := len(dst)
	dst = append(dst, s...)
	w := dst[b0:]
	j := 0
	for i := 0; i < len(w); {
		wid := 1
		r := rune(w[i])
		if r >= utf8.RuneSelf {
			r, wid = utf8.DecodeRune(w[i:])
		}
		var l rune
		if r < tableEnd {
			l = runeLower[r]
		} else {
			l = unicode.ToLower(r)
		}
		if l == r {
			i += wid
			j += wid
			continue
		}
		if l == 'σ' && i+2 == len(w) {
			l = 'ς'
		}
		lwid := utf8.RuneLen(l)
		if lwid > wid {
			rest := bytes.ToLower(w[i:])
			return append(dst[:b0+j], rest...)
		}
		utf8.EncodeRune(w[j:], l)
		i += wid
		j += lwid
	}
	return dst[:b0+j]
}

package repair

import (
	"unicode"
	"unicode/utf8"

	"styrdok/corpus"
)

// MojibakeFix repairs UTF-8 text that was read as Windows-1252 or Latin-1,
// once or twice (`fÃ¶r` → `för`, `â€“` → `–`, `ÃƒÂ¶` → `ö`). It works per
// run of characters that Windows-1252 encodes as bytes 0x80–0xFF and
// repairs a sequence only when those bytes form valid UTF-8 that decodes
// to a letter or typographic character; a text with a legitimate `Ã` keeps
// it. U+FFFD is left to the diacritics fix.
func MojibakeFix() Fix {
	return Fix{
		Name:  "mojibake",
		Doc:   "UTF-8 read as Windows-1252/Latin-1 (also twice) decoded again",
		Apply: applyMojibake,
	}
}

// cp1252 maps the Windows-1252 characters 0x80–0x9F to their byte.
var cp1252 = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87,
	'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E,
	'‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
	'˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// highByte returns the Windows-1252 (or, for C1 controls, Latin-1) byte of
// r when that byte is 0x80 or above.
func highByte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xFF {
		return byte(r), true
	}
	b, ok := cp1252[r]
	return b, ok
}

// plausible reports whether a decoded rune is something a Swedish text
// could contain: a letter of the Latin scripts, or common punctuation and
// symbols.
func plausible(r rune) bool {
	switch {
	case r >= 0xA0 && r <= 0x24F:
		return true
	case r >= 0x2010 && r <= 0x203A: // dashes, quotes, bullet, ellipsis, per mille
		return true
	case r == '€' || r == '™' || r == '\u00AD' || r == '√' || r == '≤' || r == '≥' || r == '−':
		return true
	}
	return false
}

// decodeSeq tries to read one UTF-8 sequence from the high bytes of the
// runes rs[0:]. It returns the decoded rune and how many runes it used.
func decodeSeq(rs []rune) (rune, int) {
	var buf [4]byte
	b0, ok := highByte(rs[0])
	if !ok {
		return 0, 0
	}
	var n int
	switch {
	case b0 >= 0xC2 && b0 <= 0xDF:
		n = 2
	case b0 >= 0xE0 && b0 <= 0xEF:
		n = 3
	case b0 >= 0xF0 && b0 <= 0xF4:
		n = 4
	default:
		return 0, 0
	}
	if len(rs) < n {
		return 0, 0
	}
	buf[0] = b0
	for k := 1; k < n; k++ {
		b, ok := highByte(rs[k])
		if !ok || b < 0x80 || b > 0xBF {
			return 0, 0
		}
		buf[k] = b
	}
	r, size := utf8.DecodeRune(buf[:n])
	if r == utf8.RuneError || size != n {
		return 0, 0
	}
	return r, n
}

// strongLead reports whether a sequence starting with r is almost surely
// mojibake: Ã, Â and â start the sequences of å, ä, ö, é, §, no-break
// space and the typographic dashes and quotes, and are rare in Swedish.
func strongLead(r rune) bool {
	return r == 'Ã' || r == 'Â' || r == 'â'
}

// demojibake decodes every sequence in run; weakOK allows sequences with
// other lead characters (Ä, Å, Ö …). It returns the repaired run and
// whether anything changed.
func demojibake(run []rune, weakOK bool) ([]rune, bool) {
	out := make([]rune, 0, len(run))
	changed := false
	for i := 0; i < len(run); {
		if r, n := decodeSeq(run[i:]); n > 0 && plausible(r) && (weakOK || strongLead(run[i])) {
			out = append(out, r)
			i += n
			changed = true
			continue
		}
		out = append(out, run[i])
		i++
	}
	return out, changed
}

func applyMojibake(text string) (string, []corpus.Change) {
	// Fast path: no character outside ASCII, or none that can be part of
	// mojibake.
	first := -1
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			first = i
			break
		}
	}
	if first < 0 {
		return text, nil
	}
	type runPos struct{ start, end int }
	var runs []runPos
	strong := 0
	for i := first; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		start := i
		prevStrong := false
		for i < len(text) && text[i] >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(text[i:])
			if _, ok := highByte(r); !ok {
				break
			}
			if prevStrong {
				strong++
				prevStrong = false
			} else {
				prevStrong = strongLead(r)
			}
			i += size
		}
		if i > start {
			runs = append(runs, runPos{start, i})
		} else {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
		}
	}
	if len(runs) == 0 {
		return text, nil
	}
	// Sequences led by letters that Swedish uses (Ä, Å, Ö, É) are only
	// decoded when the text shows the classic pattern elsewhere.
	weakOK := strong >= 3
	e := edits{text: text}
	for _, rp := range runs {
		seg := text[rp.start:rp.end]
		rs := []rune(seg)
		if len(rs) < 2 {
			continue
		}
		cur, changed := demojibake(rs, weakOK)
		if !changed {
			continue
		}
		why := "UTF-8 read as Windows-1252"
		// Twice-encoded text decodes again.
		for round := 0; round < 2; round++ {
			again, ok := demojibake(cur, true)
			if !ok || !allLetters(again) {
				break
			}
			cur = again
			why = "UTF-8 read as Windows-1252 twice"
		}
		e.add(rp.start, seg, string(cur), why)
	}
	return e.finish()
}

// allLetters reports whether a twice-decoded run looks like text: only
// letters, marks and typographic punctuation.
func allLetters(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsLetter(r) && !plausible(r) {
			return false
		}
	}
	return true
}

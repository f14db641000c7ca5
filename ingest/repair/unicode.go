package repair

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"styrdok/corpus"
)

// UnicodeFix normalises the text to NFC and folds characters that carry no
// meaning of their own: ligatures (ﬁ → fi), soft hyphens, zero-width
// characters and non-breaking or other exotic spaces. Typographic quotes
// and dashes are kept: they are part of the wording.
func UnicodeFix() Fix {
	return Fix{
		Name:  "unicode",
		Doc:   "NFC, ligatures, soft hyphens, zero-width and exotic spaces",
		Apply: applyUnicode,
	}
}

var ligatures = map[rune]string{
	'ﬀ': "ff", 'ﬁ': "fi", 'ﬂ': "fl", 'ﬃ': "ffi", 'ﬄ': "ffl", 'ﬅ': "st", 'ﬆ': "st",
	'Ĳ': "IJ", 'ĳ': "ij",
}

// foldRune returns what r becomes and why, or ok=false to keep r.
func foldRune(r rune) (string, string, bool) {
	switch {
	case r == '\u00AD':
		return "", "soft hyphen", true
	case r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\u2060' || r == '\uFEFF' || r == '\u180E':
		return "", "zero-width character", true
	case r == '\u00A0' || r == '\u202F' || r == '\u205F' || r == '\u3000' || (r >= '\u2000' && r <= '\u200A'):
		return " ", "exotic space", true
	case r == '\u2028' || r == '\u2029':
		return "\n", "line separator", true
	case r == '\u0085':
		return "\n", "next-line control", true
	}
	if s, ok := ligatures[r]; ok {
		return s, "ligature", true
	}
	return "", "", false
}

// mojibakeLead reports whether r is a character that starts a UTF-8
// sequence read as Windows-1252 (Â, Ã, â …); a soft hyphen or no-break
// space right after one belongs to the mojibake and is left to that fix.
func mojibakeLead(r rune) bool {
	return r >= 0xC2 && r <= 0xF4
}

func applyUnicode(text string) (string, []corpus.Change) {
	e := edits{text: text}
	// Fast path: pure ASCII needs nothing.
	i := 0
	for i < len(text) && text[i] < utf8.RuneSelf {
		i++
	}
	if i == len(text) {
		return text, nil
	}
	prev := rune(0)
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			prev = rune(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\u00AD' && i+size < len(text) && text[i+size] == '\n' && !mojibakeLead(prev) {
			// A soft hyphen at a line end marks where a word was broken:
			// make it a visible hyphen so the hyphenation fix joins it.
			e.add(i, text[i:i+size], "-", "soft hyphen at line end")
		} else if after, why, ok := foldRune(r); ok && !(mojibakeLead(prev) && (r == '\u00AD' || r == '\u00A0')) {
			e.add(i, text[i:i+size], after, why)
		}
		prev = r
		i += size
	}
	out, changes := e.finish()
	if norm.NFC.IsNormalString(out) {
		return out, changes
	}
	// Normalise per whitespace-delimited token so each change is small;
	// this pass runs on the output of the folding pass, so it is a second
	// round of changes over that text.
	return nfcPass(text, out, changes)
}

// nfcPass NFC-normalises the tokens of out that are not normal and merges
// the changes with the folding changes made to text. To keep the change
// list exact against text, tokens that need NFC are re-edited as a whole
// from text when no folding change touches them.
func nfcPass(text, out string, fold []corpus.Change) (string, []corpus.Change) {
	e := edits{text: text}
	for _, c := range fold {
		e.changes = append(e.changes, c)
	}
	// Walk tokens of text (not out): a token without folding changes is
	// normalised directly; one with folding changes is replaced as a whole
	// by its folded and normalised form.
	fi := 0
	n := len(text)
	i := 0
	var merged []corpus.Change
	for i < n {
		if isSpaceByte(text[i]) {
			i++
			continue
		}
		j := i
		ascii := true
		for j < n && !isSpaceByte(text[j]) {
			if text[j] >= utf8.RuneSelf {
				ascii = false
			}
			j++
		}
		tok := text[i:j]
		// folding changes inside this token
		k := fi
		for k < len(fold) && fold[k].Pos < j {
			k++
		}
		inTok := fold[fi:k]
		fi = k
		if ascii {
			i = j
			continue
		}
		folded := tok
		if len(inTok) > 0 {
			local := make([]corpus.Change, len(inTok))
			for x, c := range inTok {
				c.Pos -= i
				local[x] = c
			}
			folded = ApplyChanges(tok, local)
		}
		if norm.NFC.IsNormalString(folded) {
			merged = append(merged, inTok...)
		} else {
			merged = append(merged, corpus.Change{Pos: i, Before: tok, After: norm.NFC.String(folded), Why: "Unicode NFC"})
		}
		i = j
	}
	e.changes = merged
	return e.finish()
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

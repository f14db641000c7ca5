package sv

import (
	"strings"
	"unicode/utf8"
)

// Fold returns s in lower case with å and ä folded to a, ö to o and é to
// e: the spelling a word has once its diacritics are lost.
func Fold(s string) string {
	return string(appendFold(nil, s))
}

func appendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case 'å', 'ä', 'Å', 'Ä', 'á', 'à', 'Á', 'À':
			dst = append(dst, 'a')
		case 'ö', 'Ö':
			dst = append(dst, 'o')
		case 'é', 'É', 'è', 'È':
			dst = append(dst, 'e')
		default:
			var tmp [4]byte
			dst = append(dst, appendLower(tmp[:0], string(r))...)
		}
	}
	return dst
}

func hasDiacritic(s string) bool {
	return strings.ContainsAny(s, "åäöéÅÄÖÉ")
}

// Diacritic calls fn for every entry that has å, ä, ö or é and whose
// Fold is key (key must be folded already), with the entry's spelling,
// its frequency and whether it is a word on its own (else only a compound
// part). Capitalised entries (proper nouns) are included; the caller
// decides whether the case of its input allows them.
func (l *Lex) Diacritic(key string, fn func(word string, freq int, standalone bool)) {
	for i := l.fold.lowerBound(key); i < l.fold.len() && l.fold.at(i) == key; i++ {
		id := l.foldID[i]
		fn(l.word(int(id)), int(l.freq[id]), l.flags[id]&flagWord != 0)
	}
}

// HasDiacriticTwin reports whether some entry with å, ä, ö or é folds to
// the same spelling as word ("for" and "för", "ar" and "år"/"är").
func (l *Lex) HasDiacriticTwin(word string) bool {
	var buf [96]byte
	return l.fold.findBytes(appendFold(buf[:0], word)) >= 0
}

// CompoundHead reports whether word (any case) may stand first in a
// compound: a compound beginning of the dictionary, with or without the
// linking s ("hälso", "verksamhets"), as before a suspended hyphen
// ("hälso- och sjukvård").
func (l *Lex) CompoundHead(word string) bool {
	var buf [96]byte
	w := appendLower(buf[:0], word)
	return l.head(w, 0)
}

// Listed reports whether word is in the Swedish dictionary (hunspell-sv)
// itself, not only in the frequency counts, which also hold English words
// and names.
func (l *Lex) Listed(word string) bool {
	i := l.lookup(word)
	return i >= 0 && l.flags[i]&(flagWord|flagHunspell) == flagWord|flagHunspell
}

// EachDiacritic calls fn for every entry with å, ä, ö or é and its
// frequency, until fn returns false.
func (l *Lex) EachDiacritic(fn func(word string, freq int) bool) {
	for _, id := range l.foldID {
		if !fn(l.word(int(id)), int(l.freq[id])) {
			return
		}
	}
}

// HasPrefix reports whether some entry is spelled starting with prefix
// (exactly, bytes) or some entry with å/ä/ö/é folds to a spelling starting
// with it: whether a word can still be reached from a partly read token.
func (l *Lex) HasPrefix(prefix string) bool {
	return l.words.hasPrefix(prefix) || l.fold.hasPrefix(prefix)
}

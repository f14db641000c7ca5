package sv

import (
	"slices"
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

// foldIndex maps the folded spelling of every entry that has å, ä, ö or é
// to those entries.
type foldIndex struct {
	ids   []uint32 // entry indexes grouped by fold hash
	table []uint32 // open addressing: start in ids + 1
	hash  []uint64 // hash of the group starting at ids[table[h]-1]
	mask  uint32
}

func (l *Lex) foldIdx() *foldIndex {
	l.foldOnce.Do(func() {
		type pair struct {
			h  uint64
			id uint32
		}
		var ps []pair
		var buf []byte
		for i := range l.flags {
			w := l.word(i)
			if !hasDiacritic(w) {
				continue
			}
			buf = appendFold(buf[:0], w)
			ps = append(ps, pair{hashBytes(buf), uint32(i)})
		}
		slices.SortFunc(ps, func(a, b pair) int {
			if a.h != b.h {
				if a.h < b.h {
					return -1
				}
				return 1
			}
			return int(a.id) - int(b.id)
		})
		fi := &foldIndex{ids: make([]uint32, len(ps)), hash: make([]uint64, len(ps))}
		groups := 0
		for i, p := range ps {
			fi.ids[i] = p.id
			fi.hash[i] = p.h
			if i == 0 || ps[i-1].h != p.h {
				groups++
			}
		}
		size := uint32(1)
		for size < uint32(groups)*2 {
			size <<= 1
		}
		fi.table = make([]uint32, size)
		fi.mask = size - 1
		for i, p := range ps {
			if i > 0 && ps[i-1].h == p.h {
				continue
			}
			h := uint32(p.h>>32) & fi.mask
			for fi.table[h] != 0 {
				h = (h + 1) & fi.mask
			}
			fi.table[h] = uint32(i + 1)
		}
		l.fold = fi
	})
	return l.fold
}

// group returns the entries whose fold hashes to h.
func (fi *foldIndex) group(h uint64) []uint32 {
	s := uint32(h>>32) & fi.mask
	for {
		e := fi.table[s]
		if e == 0 {
			return nil
		}
		if start := int(e - 1); fi.hash[start] == h {
			end := start + 1
			for end < len(fi.hash) && fi.hash[end] == h {
				end++
			}
			return fi.ids[start:end]
		}
		s = (s + 1) & fi.mask
	}
}

// Diacritic calls fn for every entry that has å, ä, ö or é and whose
// Fold is key (key must be folded already), with the entry's spelling,
// its frequency and whether it is a word on its own (else only a compound
// part). Capitalised entries (proper nouns) are included; the caller
// decides whether the case of its input allows them.
func (l *Lex) Diacritic(key string, fn func(word string, freq int, standalone bool)) {
	fi := l.foldIdx()
	var buf [96]byte
	for _, id := range fi.group(hashString(key)) {
		w := l.word(int(id))
		if string(appendFold(buf[:0], w)) != key {
			continue // hash collision
		}
		fn(w, int(l.freq[id]), l.flags[id]&flagWord != 0)
	}
}

// HasDiacriticTwin reports whether some entry with å, ä, ö or é folds to
// the same spelling as word ("for" and "för", "ar" and "år"/"är").
func (l *Lex) HasDiacriticTwin(word string) bool {
	var buf [96]byte
	k := appendFold(buf[:0], word)
	fi := l.foldIdx()
	for _, id := range fi.group(hashBytes(k)) {
		if string(appendFold(buf[len(k):len(k)], l.word(int(id)))) == string(k) {
			return true
		}
	}
	return false
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

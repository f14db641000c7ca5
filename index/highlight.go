package index

import (
	"bytes"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A matcher finds one query clause among the analysed words of a hit's
// text, the same way the index matched it, so that highlights mark
// exactly the words that made the hit.
type matcher interface {
	// match returns how many words starting at ws[i] the clause matches
	// (0: none).
	match(ws []word, i int) int
	// prefixes returns what the lower-case, folded form of a word the
	// matcher can match starts with (stems are prefixes of their words).
	prefixes() [][]byte
}

func (m termMatcher) prefixes() [][]byte {
	return [][]byte{[]byte(m.folded), foldBytes([]byte(m.plain))}
}
func (m prefixMatcher) prefixes() [][]byte {
	return [][]byte{[]byte(m.folded), foldBytes([]byte(m.plain))}
}
func (m fuzzyMatcher) prefixes() [][]byte { return [][]byte{nil} } // any word
func (m phraseMatcher) prefixes() [][]byte {
	out := make([][]byte, len(m.stems))
	for i, s := range m.stems {
		out[i] = []byte(s)
	}
	return out
}

// termMatcher matches a word by its plain or its folded stem.
type termMatcher struct{ plain, folded string }

func (m termMatcher) match(ws []word, i int) int {
	if ws[i].plain == nil {
		return 0
	}
	if string(ws[i].plain) == m.plain || string(ws[i].folded) == m.folded {
		return 1
	}
	return 0
}

// prefixMatcher matches words whose stem starts with a prefix.
type prefixMatcher struct{ plain, folded string }

func (m prefixMatcher) match(ws []word, i int) int {
	if ws[i].plain == nil {
		return 0
	}
	if bytes.HasPrefix(ws[i].plain, []byte(m.plain)) || bytes.HasPrefix(ws[i].folded, []byte(m.folded)) ||
		bytes.HasPrefix(ws[i].plain, []byte(m.folded)) {
		return 1
	}
	return 0
}

// fuzzyMatcher matches words whose stem is at most n edits from folded.
type fuzzyMatcher struct {
	folded string
	n      int
}

func (m fuzzyMatcher) match(ws []word, i int) int {
	if ws[i].plain == nil {
		return 0
	}
	if editDistance(string(ws[i].folded), m.folded, m.n) <= m.n || editDistance(string(ws[i].plain), m.folded, m.n) <= m.n {
		return 1
	}
	return 0
}

// phraseMatcher matches successive words by their folded stems, with the
// same stop-word gaps between them as in the query.
type phraseMatcher struct {
	stems []string
	gaps  []int // gaps[k]: stop words between word k-1 and k
}

func (m phraseMatcher) match(ws []word, i int) int {
	if i+len(m.stems) > len(ws) {
		return 0
	}
	for k, s := range m.stems {
		w := ws[i+k]
		if w.plain == nil || string(w.folded) != s {
			return 0
		}
		if k > 0 && w.pos-ws[i+k-1].pos-1 != m.gaps[k] {
			return 0
		}
	}
	return len(m.stems)
}

// findMatches returns the byte ranges of the words of text that the
// matchers match, in order and without overlaps.
func findMatches(text string, matchers []matcher) []Mark {
	if len(matchers) == 0 || text == "" {
		return nil
	}
	ws := scanWords(text, matchers)
	var spans []Mark
	for i := range ws {
		if ws[i].plain == nil {
			continue // not a candidate of any matcher
		}
		for _, m := range matchers {
			n := m.match(ws, i)
			for k := 0; k < n; k++ {
				spans = append(spans, Mark{Start: ws[i+k].start, End: ws[i+k].end})
			}
		}
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].Start != spans[j].Start {
			return spans[i].Start < spans[j].Start
		}
		return spans[i].End > spans[j].End
	})
	out := spans[:0]
	for _, s := range spans {
		if len(out) > 0 && s.Start < out[len(out)-1].End {
			continue
		}
		out = append(out, s)
	}
	return out
}

// scanWords splits text into words the way the analyzer does (letters,
// digits and marks; stop words dropped but counted in positions) without
// the cost of full analysis: only words whose lower-case folded form
// starts with a prefix some matcher needs are stemmed and returned. Words
// whose first letter no prefix starts with are skipped over unread.
func scanWords(text string, matchers []matcher) []word {
	var prefixes [][]byte
	var first [256]bool // first bytes of the prefixes
	anyWord := false    // an empty prefix: every word is a candidate
	for _, m := range matchers {
		for _, p := range m.prefixes() {
			prefixes = append(prefixes, p)
			if len(p) == 0 {
				anyWord = true
			} else {
				first[p[0]] = true
			}
		}
	}
	var ws []word
	var lf []byte
	pos := 0
	for i := 0; i < len(text); {
		c := text[i]
		var fb byte // the first byte of the word's lower-case folded form
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
			fb = c
			if 'A' <= c && c <= 'Z' {
				fb += 'a' - 'A'
			}
		} else {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				i += n
				continue
			}
			var buf [utf8.UTFMax]byte
			utf8.EncodeRune(buf[:], foldRune(unicode.ToLower(r)))
			fb = buf[0]
		}
		if !anyWord && !first[fb] {
			i = skipWord(text, i)
			pos++
			continue
		}
		start := i
		lf = lf[:0]
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if !asciiWord[c] {
					break
				}
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				lf = append(lf, c)
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				break
			}
			lf = utf8.AppendRune(lf, foldRune(unicode.ToLower(r)))
			i += n
		}
		pos++
		for _, p := range prefixes {
			if !bytes.HasPrefix(lf, p) {
				continue
			}
			// Only candidates are kept; a phrase's words are all
			// candidates, and positions show what lies between them.
			if e := wordStems.get([]byte(strings.ToLower(text[start:i]))); !e.stop {
				ws = append(ws, word{start: start, end: i, pos: pos, plain: e.plain, folded: e.folded})
			}
			break
		}
	}
	return ws
}

// skipWord returns the end of the word that starts at text[i].
func skipWord(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			return i
		}
		i += n
	}
	return i
}

// asciiWord marks the ASCII bytes that belong to words.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// editDistance returns the Levenshtein distance of a and b in runes, or
// limit+1 as soon as it is certain to exceed limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

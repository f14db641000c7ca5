// Package sv is the home of Swedish in styrdok: the stemmer, stop words,
// lexicon and word frequencies that the other packages share.
package sv

import (
	"sync"

	"github.com/kljensen/snowball/swedish"
)

// Stem returns the Snowball Swedish stem of word, which should be lower
// case (the stemmer lower-cases it otherwise). Stop words are stemmed like
// any other word; filter them before if they should be dropped.
func Stem(word string) string {
	return swedish.Stem(word, true)
}

// maxStemCache bounds a StemCache: past it, words are stemmed uncached.
const maxStemCache = 1 << 20

// StemCache memoises Stem. Text repeats its words, so an indexer that stems
// every token saves most of the stemmer's work. The zero value is ready to
// use and safe for concurrent use; it stops growing at about a million words.
type StemCache struct {
	mu sync.RWMutex
	m  map[string]string
}

// Stem returns Stem(word), from the cache when it was seen before.
func (c *StemCache) Stem(word string) string {
	c.mu.RLock()
	s, ok := c.m[word]
	c.mu.RUnlock()
	if ok {
		return s
	}
	s = Stem(word)
	c.mu.Lock()
	if c.m == nil {
		c.m = make(map[string]string)
	}
	if len(c.m) < maxStemCache {
		c.m[word] = s
	}
	c.mu.Unlock()
	return s
}

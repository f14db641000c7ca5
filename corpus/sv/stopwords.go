package sv

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed stopwords.txt
var stopWordsFile string

var (
	stopOnce  sync.Once
	stopSet   map[string]bool
	stopWords []string
)

func loadStopWords() {
	stopSet = make(map[string]bool)
	for _, line := range strings.Split(stopWordsFile, "\n") {
		if i := strings.IndexByte(line, '|'); i >= 0 {
			line = line[:i]
		}
		w := strings.TrimSpace(line)
		if w == "" || stopSet[w] {
			continue
		}
		stopSet[w] = true
		stopWords = append(stopWords, w)
	}
}

// IsStopWord reports whether the lower-case word w is on the Snowball
// Swedish stop word list (stopwords.txt).
func IsStopWord(w string) bool {
	stopOnce.Do(loadStopWords)
	return stopSet[w]
}

// StopWords returns the Snowball Swedish stop words, lower case, in the
// order of stopwords.txt. The caller may modify the returned slice.
func StopWords() []string {
	stopOnce.Do(loadStopWords)
	return append([]string(nil), stopWords...)
}

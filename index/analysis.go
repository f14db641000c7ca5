package index

import (
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"

	"styrdok/corpus/sv"
)

// Names under which the analysis chain is registered with bleve. An index
// records the analyzer names of its fields: renaming any of these constants
// breaks every existing index (it must then be rebuilt, and AnalyzerVersion
// must change with it).
const (
	// AnalyzerName is the Swedish analyzer: unicode tokenizer, lower case,
	// Snowball Swedish stop words, Snowball Swedish stemmer. It is the
	// default analyzer of the index.
	AnalyzerName = "styrdok_sv"
	// FoldAnalyzerName is AnalyzerName with diacritics folded (å/ä→a, ö→o,
	// é→e …) after the stop words and before the stemmer. It analyses the
	// second, diacritic-insensitive copy of the text.
	FoldAnalyzerName = "styrdok_sv_fold"
	// StopFilterName, FoldFilterName and StemFilterName name the token
	// filters of the chain.
	StopFilterName = "styrdok_stop_sv"
	FoldFilterName = "styrdok_fold"
	StemFilterName = "styrdok_stem_sv"
)

// AnalyzerVersion identifies the analysis chain and the field layout. It is
// stored in every index; an index with another version is rebuilt. Change
// it whenever the analyzers, the stop words, the folding or the fields
// change.
const AnalyzerVersion = "styrdok-sv/3"

func init() {
	must := func(err error) {
		if err != nil {
			panic(err) // only on a duplicate registration: a programming error
		}
	}
	must(registry.RegisterTokenFilter(StopFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return stopFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(FoldFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(StemFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return stemFilter{cache: &plainStems}, nil
	}))
	must(registry.RegisterAnalyzer(AnalyzerName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return newAnalyzer(false), nil
	}))
	must(registry.RegisterAnalyzer(FoldAnalyzerName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return newAnalyzer(true), nil
	}))
}

// newAnalyzer returns the Swedish chain, with folding if fold is set.
func newAnalyzer(fold bool) analysis.Analyzer {
	filters := []analysis.TokenFilter{lowercase.NewLowerCaseFilter(), stopFilter{}}
	if fold {
		filters = append(filters, foldFilter{}, stemFilter{cache: &foldedStems})
	} else {
		filters = append(filters, stemFilter{cache: &plainStems})
	}
	return &analysis.DefaultAnalyzer{Tokenizer: unicode.NewUnicodeTokenizer(), TokenFilters: filters}
}

var stopSet = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range sv.StopWords() {
		m[w] = true
	}
	return m
}()

// stopFilter drops Swedish stop words. Positions are kept, so a phrase
// query skips the gap a stop word leaves.
type stopFilter struct{}

func (stopFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := in[:0]
	for _, t := range in {
		if !stopSet[string(t.Term)] {
			out = append(out, t)
		}
	}
	return out
}

// foldFilter folds diacritics of each token (å/ä→a, ö→o, é→e …). Start and
// End still point at the original word, so highlights land on it.
type foldFilter struct{}

func (foldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = foldBytes(t.Term)
	}
	return in
}

// stemFilter replaces each token by its Snowball Swedish stem.
type stemFilter struct{ cache *stemCache }

func (f stemFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = f.cache.stem(t.Term)
	}
	return in
}

// foldRune maps a lower-case letter with a diacritic to its base letter;
// other runes map to themselves.
func foldRune(r rune) rune {
	switch r {
	case 'å', 'ä', 'à', 'á', 'â', 'ã', 'æ':
		return 'a'
	case 'ö', 'ø', 'ò', 'ó', 'ô', 'õ':
		return 'o'
	case 'é', 'è', 'ê', 'ë':
		return 'e'
	case 'ü', 'ù', 'ú', 'û':
		return 'u'
	case 'í', 'ì', 'î', 'ï':
		return 'i'
	case 'ç':
		return 'c'
	case 'ñ':
		return 'n'
	case 'ý', 'ÿ':
		return 'y'
	}
	return r
}

// Fold returns s with diacritics folded the way the index folds them:
// Fold("förvaltningarnas") == "forvaltningarnas". s should be lower case.
func Fold(s string) string { return string(foldBytes([]byte(s))) }

// foldBytes folds b; it returns b itself when there is nothing to fold.
func foldBytes(b []byte) []byte {
	ascii := true
	for _, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		out = utf8.AppendRune(out, foldRune(r))
		i += n
	}
	return out
}

// stemCache memoises the stemmer for the indexer's hot loop; keys are the
// words before stemming (folded for foldedStems).
type stemCache struct {
	mu sync.RWMutex
	m  map[string][]byte
}

var plainStems, foldedStems stemCache

// maxCached bounds each stem cache; past it words are stemmed uncached.
const maxCached = 1 << 20

func (c *stemCache) stem(w []byte) []byte {
	c.mu.RLock()
	s, ok := c.m[string(w)]
	c.mu.RUnlock()
	if ok {
		return s
	}
	s = []byte(sv.Stem(string(w)))
	c.mu.Lock()
	if c.m == nil {
		c.m = make(map[string][]byte)
	}
	if len(c.m) < maxCached {
		c.m[string(w)] = s
	}
	c.mu.Unlock()
	return s
}

// analyzePair runs the chain once over text and returns the two token
// streams the index stores: plain stems and folded stems. It is what the
// registered analyzers compute, in one pass.
func analyzePair(text []byte) (plain, folded analysis.TokenStream) {
	// The filters rewrite terms in place; never let them touch text, which
	// is also the stored value.
	toks := tokenizer.Tokenize(append([]byte(nil), text...))
	toks = lower.Filter(toks)
	toks = stopFilter{}.Filter(toks)
	plain = make(analysis.TokenStream, len(toks))
	folded = make(analysis.TokenStream, len(toks))
	fts := make([]analysis.Token, len(toks))
	for i, t := range toks {
		f := &fts[i]
		*f = *t
		f.Term = foldedStems.stem(foldBytes(t.Term))
		t.Term = plainStems.stem(t.Term)
		plain[i], folded[i] = t, f
	}
	return plain, folded
}

var (
	tokenizer = unicode.NewUnicodeTokenizer()
	lower     = lowercase.NewLowerCaseFilter()
)

// pairAnalysis analyses a section's text once for both of its fields: the
// text field's analyzer and the fold field's analyzer share it.
type pairAnalysis struct {
	once            sync.Once
	text            []byte
	plain, folded   analysis.TokenStream
	plainA, foldedA fixedAnalyzer
}

func newPairAnalysis(text []byte) *pairAnalysis {
	p := &pairAnalysis{text: text}
	p.plainA = fixedAnalyzer{p: p}
	p.foldedA = fixedAnalyzer{p: p, fold: true}
	return p
}

// fixedAnalyzer returns one of the streams of a pairAnalysis, whatever
// input it is given (bleve hands it the field's own value).
type fixedAnalyzer struct {
	p    *pairAnalysis
	fold bool
}

func (a fixedAnalyzer) Analyze([]byte) analysis.TokenStream {
	a.p.once.Do(func() { a.p.plain, a.p.folded = analyzePair(a.p.text) })
	if a.fold {
		return a.p.folded
	}
	return a.p.plain
}

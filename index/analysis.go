package index

import (
	"sync"
	"sync/atomic"
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
	// PairAnalyzerName named the analyzer of the pair field of version 6
	// indexes. It stays registered (as FoldAnalyzerName's chain) so such
	// an index still opens and is reported stale rather than broken.
	PairAnalyzerName = "styrdok_sv_pairs"
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
const AnalyzerVersion = "styrdok-sv/7"

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
		return stemFilter{}, nil
	}))
	must(registry.RegisterAnalyzer(PairAnalyzerName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return newAnalyzer(true), nil
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
		filters = append(filters, foldFilter{}, stemFilter{})
	} else {
		filters = append(filters, stemFilter{})
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

// stemFilter replaces each token by its Snowball Swedish stem. (The
// indexer does not run the registered chains: analyzeWords does the same
// faster.)
type stemFilter struct{}

func (stemFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = []byte(sv.Stem(string(t.Term)))
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

// analyzeSection runs the chain once over a section's text and returns
// the token streams of its two indexed fields and the section's pairs:
//
//   - plain: the Swedish stems of every word (field text);
//   - folded: the folded stems of the words whose folded stem differs from
//     the plain one, that is words with å/ä/ö/é … (field fold); a query
//     looks its folded stem up in both fields, so "foljande" finds
//     "följande" (fold) and "foljande" (text), and "följande" finds both;
//   - pairs: the pairHash of every two successive folded stems, for the
//     pair index that answers phrase queries (see phrases.go).
func analyzeSection(text []byte) (plain, folded analysis.TokenStream, pairs []uint64) {
	toks := analyzeWords(text)
	plain = make(analysis.TokenStream, len(toks))
	pts := make([]analysis.Token, len(toks))
	var fts []analysis.Token
	pairs = make([]uint64, max(len(toks)-1, 0))
	for i, w := range toks {
		pts[i] = analysis.Token{Term: w.plain, Start: w.start, End: w.end, Position: w.pos, Type: analysis.AlphaNumeric}
		plain[i] = &pts[i]
		if string(w.folded) != string(w.plain) {
			fts = append(fts, analysis.Token{Term: w.folded, Start: w.start, End: w.end, Position: w.pos, Type: analysis.AlphaNumeric})
		}
		if i > 0 {
			pairs[i-1] = pairHash(toks[i-1].folded, w.folded, w.pos-toks[i-1].pos-1)
		}
	}
	folded = make(analysis.TokenStream, len(fts))
	for i := range fts {
		folded[i] = &fts[i]
	}
	return plain, folded, pairs
}

// word is one analysed word: its plain and folded stems, its byte range
// in the text and its position (stop words keep their positions, so gaps
// remain).
type word struct {
	plain, folded []byte
	start, end    int
	pos           int
}

// analyzeWords tokenizes, lower-cases, drops stop words and stems text,
// as the Swedish analyzers do (tokenizeLower gives the tokens of bleve's
// unicode tokenizer and lower-case filter, faster).
func analyzeWords(text []byte) []word {
	toks := tokenizeLower(text, make([]wordToken, 0, len(text)/6+1))
	out := make([]word, 0, len(toks))
	for _, t := range toks {
		e := wordStems.get(t.term)
		if e.stop {
			continue
		}
		out = append(out, word{plain: e.plain, folded: e.folded, start: t.start, end: t.end, pos: t.pos})
	}
	return out
}

// stemEntry is what the analysis makes of one lower-case word.
type stemEntry struct {
	plain, folded []byte // its stem and the stem of its folded form
	stop          bool   // a stop word (not indexed)
}

// stemTable memoises the analysis of words for the indexer's hot loop
// (and for highlighting).
// Lookups read an immutable map without locking; new words wait in a
// locked map that is published into a new immutable one when it has
// grown by an eighth (so copying costs O(1) per word in the long run).
type stemTable struct {
	cur     atomic.Pointer[map[string]*stemEntry]
	mu      sync.Mutex
	pending map[string]*stemEntry
}

var wordStems stemTable

// reset empties the table. A rebuild calls it when done: the table then
// holds most of the corpus's vocabulary, which searches do not need, and
// a large live heap makes every garbage collection slower.
func (t *stemTable) reset() {
	t.mu.Lock()
	t.cur.Store(nil)
	t.pending = nil
	t.mu.Unlock()
}

// maxStemEntries bounds the table; past it words are analysed uncached.
const maxStemEntries = 1 << 20

func (t *stemTable) get(w []byte) *stemEntry {
	if m := t.cur.Load(); m != nil {
		if e, ok := (*m)[string(w)]; ok {
			return e
		}
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if e, ok := t.pending[string(w)]; ok {
		return e
	}
	e := &stemEntry{stop: stopSet[string(w)], plain: []byte(sv.Stem(string(w))), folded: []byte(sv.Stem(string(foldBytes(w))))}
	cur := map[string]*stemEntry{}
	if m := t.cur.Load(); m != nil {
		cur = *m
	}
	if len(cur)+len(t.pending) >= maxStemEntries {
		return e
	}
	if t.pending == nil {
		t.pending = map[string]*stemEntry{}
	}
	t.pending[string(w)] = e
	if len(t.pending) > max(256, len(cur)/8) {
		next := make(map[string]*stemEntry, len(cur)+len(t.pending))
		for k, v := range cur {
			next[k] = v
		}
		for k, v := range t.pending {
			next[k] = v
		}
		t.cur.Store(&next)
		t.pending = nil
	}
	return e
}

// pairHash is the pair index's key for stem a followed by stem b with gap
// stop words between them: the 64-bit FNV-1a hash of "a b", "a _ b",
// "a _ _ b" … Two different pairs share a key with odds of one in 2^64,
// so among the corpus's million distinct pairs a clash is not expected;
// the highlighter marks only real phrases in any case.
func pairHash(a, b []byte, gap int) uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	for _, c := range a {
		h = (h ^ uint64(c)) * prime
	}
	h = (h ^ ' ') * prime
	for i := 0; i < gap; i++ {
		h = (h ^ '_') * prime
		h = (h ^ ' ') * prime
	}
	for _, c := range b {
		h = (h ^ uint64(c)) * prime
	}
	return h
}

// fieldStreams analyses a section's text once for its two fields and
// the pair index; each field's analyzer returns its own stream.
type fieldStreams struct {
	once          sync.Once
	text          []byte
	plain, folded analysis.TokenStream
	pairs         []uint64
}

func newFieldStreams(text []byte) *fieldStreams { return &fieldStreams{text: text} }

func (f *fieldStreams) analyze() {
	f.once.Do(func() { f.plain, f.folded, f.pairs = analyzeSection(f.text) })
}

// analyzer returns the analyzer of one field (0 text, 1 fold).
func (f *fieldStreams) analyzer(which int) fixedAnalyzer { return fixedAnalyzer{f: f, which: which} }

// sectionPairs returns what the pair index needs of the section: its
// pairs and its number of indexed words. It analyses the text if bleve
// has not (an empty field is not analysed).
func (f *fieldStreams) sectionPairs(id string) sectionPairs {
	f.analyze()
	return sectionPairs{id: id, words: len(f.plain), pairs: f.pairs}
}

// fixedAnalyzer returns one of the streams of a fieldStreams, whatever
// input it is given (bleve hands it the field's own value).
type fixedAnalyzer struct {
	f     *fieldStreams
	which int
}

func (a fixedAnalyzer) Analyze([]byte) analysis.TokenStream {
	a.f.analyze()
	if a.which == 1 {
		return a.f.folded
	}
	return a.f.plain
}

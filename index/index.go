// Package index is styrdok's full-text search: one bleve document per
// section of every corpus document, analysed with a Swedish analyzer
// (Snowball stop words and stemmer) and a diacritic-folding variant for
// queries typed without å/ä/ö (or text whose å/ä/ö OCR lost), filters and
// facets by municipality, section label, document type and year, and
// highlights that land exactly on the matched words.
//
// It is the only package that imports bleve.
//
// # Use
//
//	ix, err := index.Open(dir)            // or index.OpenMem() + ix.Put(docs...)
//	res, err := ix.Search(ctx, index.Request{Query: `"internationella arbetet" -bistånd`, Municipality: "Malmö"})
//	for _, h := range res.Hits { h.Fragments[0].Marked("<mark>", "</mark>", html.EscapeString) }
//
// A query that does not parse returns a *ParseError with the position.
// Open returns ErrNoIndex or ErrStale (another AnalyzerVersion); Rebuild
// or RebuildFunc then builds the index from the documents.
//
// # Fields
//
// Each section is indexed as: text (Swedish stems of every word; the
// stored text that fragments are cut from), fold (folded stems of the
// words with diacritics; a query's folded stem is looked up in text and
// fold, so every spelling finds every other and the exact one ranks
// higher), facet (k:kommun, s:label, t:type, y:year; filters and facets)
// and stored doc, kommun, label, title, heading and lines (the raw line of
// each line of text). There are no term vectors: the few hits a page
// shows are re-scanned for the query's words, which places marks on the
// original words of the stored text. Boilerplate lines are emptied before
// indexing; text outside every section is a section without label.
//
// Phrases are answered by a pair index beside bleve's (phrases.go): the
// hash of every two successive folded stems, with the stop words between
// them, and the sections that contain it. A phrase is the intersection of
// its pairs' sections, which needs no positions.
//
// # On disk
//
// An index directory holds generations: CURRENT names the live one
// (gen-<n>/: a bleve scorch index and the pair index's phrases-<n>.phr
// segment files). Readers (Open) open the live generation read-only and never take the writer's lock, so searching keeps working
// while another process ingests. A writer (Put, Delete, Update, Rebuild)
// holds DIR/.lock, copies the live generation (segment files are hard
// links, segments are immutable), changes the copy, then swaps CURRENT to
// it with an atomic rename and removes the old generation. A reader that
// already had the old generation open keeps its open files; a crash
// mid-write leaves the live generation untouched.
package index

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"styrdok/corpus"
)

// Field names of an index document (one per section).
const (
	fieldDoc     = "doc"     // document ID: keyword, stored
	fieldKommun  = "kommun"  // municipality: stored only
	fieldLabel   = "label"   // section label: stored only
	fieldFacet   = "facet"   // filter and facet values: keyword, doc values
	fieldTitle   = "title"   // document title: stored only
	fieldHeading = "heading" // section heading: stored only
	fieldLines   = "lines"   // Raw line of every line of text: stored only
	fieldText    = "text"    // section text: Swedish stems; stored
	fieldFold    = "fold"    // folded stems of the words with diacritics
)

// The values of the facet field are prefixed with what they are: one
// multi-valued field is cheaper to facet on than four.
const (
	facetKommun = "k:" // municipality
	facetLabel  = "s:" // section label
	facetType   = "t:" // document type
	facetYear   = "y:" // year adopted
)

// versionKey is the internal key under which the analyzer version is kept.
var versionKey = []byte("styrdok.analyzer")

// Errors Open returns; test them with errors.Is.
var (
	// ErrNoIndex means the directory holds no index yet.
	ErrNoIndex = errors.New("no index")
	// ErrStale means the index was built with another AnalyzerVersion and
	// must be rebuilt (Rebuild).
	ErrStale = errors.New("index built with another analyzer version")
)

// Index is an open search index. Its methods are safe for concurrent use.
type Index struct {
	mu  sync.RWMutex
	bi  bleve.Index
	dir string // "" for an in-memory index
	gen string // live generation directory name

	facets facetCache // facet values by section, of the current snapshot

	phrases   *phraseStore     // the pair index of the live generation
	phraseTab phraseTableCache // its sections' internal numbers in bleve
}

// newMapping describes the fields to bleve. Documents are built directly
// (see sectionDocument); the mapping gives queries their analyzers and
// makes the Swedish analyzer the default.
func newMapping() mapping.IndexMapping {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = AnalyzerName
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	dm := bleve.NewDocumentStaticMapping()
	kw := func(store, dv bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store, f.DocValues, f.IncludeInAll, f.IncludeTermVectors = store, dv, false, false
		return f
	}
	stored := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Index, f.Store, f.IncludeInAll, f.IncludeTermVectors, f.DocValues = false, true, false, false, false
		return f
	}
	dm.AddFieldMappingsAt(fieldDoc, kw(true, false))
	dm.AddFieldMappingsAt(fieldFacet, kw(false, true))
	dm.AddFieldMappingsAt(fieldKommun, stored())
	dm.AddFieldMappingsAt(fieldLabel, stored())
	dm.AddFieldMappingsAt(fieldTitle, stored())
	dm.AddFieldMappingsAt(fieldHeading, stored())
	dm.AddFieldMappingsAt(fieldLines, stored())
	text := bleve.NewTextFieldMapping()
	text.Analyzer, text.Store, text.IncludeTermVectors, text.IncludeInAll, text.DocValues = AnalyzerName, true, false, false, false
	dm.AddFieldMappingsAt(fieldText, text)
	fold := bleve.NewTextFieldMapping()
	fold.Analyzer, fold.Store, fold.IncludeTermVectors, fold.IncludeInAll, fold.DocValues = FoldAnalyzerName, false, false, false, false
	dm.AddFieldMappingsAt(fieldFold, fold)
	m.DefaultMapping = dm
	return m
}

// sectionDocument builds the bleve document of one section. Once bleve
// has indexed it, the returned streams hold the section's pairs.
func sectionDocument(d *corpus.Document, s *section, year, typ string) (*document.Document, *fieldStreams) {
	bd := document.NewDocument(s.id)
	kwOpt := bindex.IndexField
	add := func(name, value string, opts bindex.FieldIndexingOptions) {
		if value != "" {
			bd.AddField(document.NewTextFieldCustom(name, nil, []byte(value), opts, kwAnalyzer))
		}
	}
	add(fieldDoc, s.docID, kwOpt|bindex.StoreField)
	n := uint64(0)
	for _, f := range [][2]string{{facetKommun, d.Municipality}, {facetLabel, s.label}, {facetType, typ}, {facetYear, year}} {
		if f[1] != "" {
			bd.AddField(document.NewTextFieldCustom(fieldFacet, []uint64{n}, []byte(f[0]+f[1]), kwOpt|bindex.DocValues, kwAnalyzer))
			n++
		}
	}
	stored := func(name, value string) {
		if value != "" {
			bd.AddField(document.NewTextFieldWithIndexingOptions(name, nil, []byte(value), bindex.StoreField))
		}
	}
	stored(fieldKommun, d.Municipality)
	stored(fieldLabel, s.label)
	stored(fieldTitle, d.Title)
	stored(fieldHeading, s.heading)
	stored(fieldLines, s.lineMap)
	// No term vectors: phrases are answered by the pair index and
	// highlights are found in the stored text of the hits shown.
	text := []byte(s.text)
	fs := newFieldStreams(text)
	bd.AddField(document.NewTextFieldCustom(fieldText, nil, text, bindex.IndexField|bindex.StoreField, fs.analyzer(0)))
	bd.AddField(document.NewTextFieldCustom(fieldFold, nil, nil, bindex.IndexField, fs.analyzer(1)))
	return bd, fs
}

// kwAnalyzer indexes a keyword field's value as one term.
var kwAnalyzer = &analysis.DefaultAnalyzer{Tokenizer: single.NewSingleTokenTokenizer()}

// OpenMem returns an empty in-memory index (for the embedded corpus and
// tests). Put fills it.
func OpenMem() (*Index, error) {
	// scorch in memory (an empty path), like the index on disk.
	bi, err := bleve.NewUsing("", newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create index: %w", err)
	}
	if err := bi.SetInternal(versionKey, []byte(AnalyzerVersion)); err != nil {
		bi.Close()
		return nil, fmt.Errorf("create index: %w", err)
	}
	return &Index{bi: bi, phrases: &phraseStore{}}, nil
}

// Open opens the index in dir for searching, read-only: it does not wait
// for, or block, a writer in another process. It returns an error that
// wraps ErrNoIndex when dir has no index and ErrStale when the index was
// built with another AnalyzerVersion. Put and Delete on the returned Index
// write a new generation and switch to it.
func Open(dir string) (*Index, error) {
	var lastErr error
	for attempt := 0; attempt < 5; attempt++ {
		gen, err := readCurrent(dir)
		if err != nil {
			return nil, err
		}
		bi, err := openGen(dir, gen, true)
		if err != nil {
			// A writer may have swapped and removed gen just now: retry.
			lastErr = err
			time.Sleep(time.Duration(attempt*20) * time.Millisecond)
			continue
		}
		if err := checkVersion(bi); err != nil {
			bi.Close()
			return nil, fmt.Errorf("index %s: %w", dir, err)
		}
		st, err := loadPhraseStore(filepath.Join(dir, gen))
		if err != nil {
			bi.Close()
			if errors.Is(err, os.ErrNotExist) {
				lastErr = err
				continue
			}
			return nil, fmt.Errorf("index %s: %w (styrdok index --rebuild rebuilds it)", dir, err)
		}
		return &Index{bi: bi, dir: dir, gen: gen, phrases: st}, nil
	}
	return nil, fmt.Errorf("open index %s: %w (styrdok index --rebuild rebuilds it)", dir, lastErr)
}

// checkVersion returns ErrStale (wrapped) unless bi was built with
// AnalyzerVersion.
func checkVersion(bi bleve.Index) error {
	v, err := bi.GetInternal(versionKey)
	if err != nil {
		return err
	}
	if string(v) != AnalyzerVersion {
		got := string(v)
		if got == "" {
			got = "unknown"
		}
		return fmt.Errorf("%w (%s, want %s)", ErrStale, got, AnalyzerVersion)
	}
	return nil
}

// Close releases the index.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.bi == nil {
		return nil
	}
	err := ix.bi.Close()
	ix.bi = nil
	return err
}

// DocCount returns the number of indexed sections.
func (ix *Index) DocCount() (uint64, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.bi == nil {
		return 0, errClosed
	}
	return ix.bi.DocCount()
}

var errClosed = errors.New("index is closed")

// Put adds documents to the index. A document already in the index (same
// ID) has all its sections replaced, never duplicated. For an index on
// disk the change is written to a new generation that replaces the live
// one atomically.
func (ix *Index) Put(docs ...*corpus.Document) error {
	return ix.update(docs, nil)
}

// Delete removes the sections of the documents with the given IDs.
func (ix *Index) Delete(ids ...string) error {
	return ix.update(nil, ids)
}

// Update deletes the documents with the IDs in del, then puts docs, in one
// generation switch.
func (ix *Index) Update(docs []*corpus.Document, del []string) error {
	return ix.update(docs, del)
}

func (ix *Index) update(docs []*corpus.Document, del []string) error {
	if len(docs) == 0 && len(del) == 0 {
		return nil
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.bi == nil {
		return errClosed
	}
	ix.facets.reset()
	ix.phraseTab.reset()
	if ix.dir == "" {
		seg, err := apply(ix.bi, docs, del, true)
		if err != nil {
			return err
		}
		live, done := liveIn(ix.bi)
		st, err := ix.phrases.with("", seg, live)
		done()
		if err != nil {
			return err
		}
		ix.phrases = st
		return nil
	}
	unlock, err := lockDir(ix.dir)
	if err != nil {
		return err
	}
	defer unlock()
	live, err := readCurrent(ix.dir)
	if err != nil {
		return err
	}
	gen := newGenName()
	if err := cloneDir(filepath.Join(ix.dir, live), filepath.Join(ix.dir, gen)); err != nil {
		os.RemoveAll(filepath.Join(ix.dir, gen))
		return fmt.Errorf("index %s: copy generation: %w", ix.dir, err)
	}
	w, err := openGen(ix.dir, gen, false)
	if err != nil {
		os.RemoveAll(filepath.Join(ix.dir, gen))
		return fmt.Errorf("index %s: %w", ix.dir, err)
	}
	err = checkVersion(w)
	var seg *phraseSeg
	if err == nil {
		seg, err = apply(w, docs, del, true)
	}
	var st *phraseStore
	if err == nil {
		// Another process may have written the live generation since ix
		// was opened: start from the pair index copied with it.
		st = ix.phrases
		if live != ix.gen {
			st, err = loadPhraseStore(filepath.Join(ix.dir, gen))
		}
	}
	if err == nil {
		live, done := liveIn(w)
		st, err = st.with(filepath.Join(ix.dir, gen), seg, live)
		done()
	}
	if err == nil {
		// Each update adds a segment; merge them by bleve's tiered plan so
		// many small ingests do not slow searches down.
		err = compact(w, &mergeplan.DefaultMergePlanOptions)
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = dropObsolete(ix.dir, gen)
	}
	if err != nil {
		os.RemoveAll(filepath.Join(ix.dir, gen))
		return fmt.Errorf("index %s: %w", ix.dir, err)
	}
	if err := swapCurrent(ix.dir, gen); err != nil {
		return err
	}
	bi, err := openGen(ix.dir, gen, true)
	if err != nil {
		return fmt.Errorf("index %s: %w", ix.dir, err)
	}
	ix.bi.Close()
	ix.bi, ix.gen, ix.phrases = bi, gen, st
	return nil
}

// liveIn returns whether a section ID is in bi, for dropping deleted
// sections when pair segments are merged, and a function that releases
// the reader it uses. Lookups that fail count as live: keeping a
// section's pairs is harmless, losing them is not.
func liveIn(bi bleve.Index) (live func(id string) bool, done func()) {
	var r bindex.IndexReader
	live = func(id string) bool {
		if r == nil {
			adv, err := bi.Advanced()
			if err != nil {
				return true
			}
			if r, err = adv.Reader(); err != nil {
				r = nil
				return true
			}
		}
		iid, err := r.InternalID(id)
		return err != nil || len(iid) > 0
	}
	done = func() {
		if r != nil {
			r.Close()
		}
	}
	return live, done
}

// batchBytes is how much section text goes into one bleve batch.
var batchBytes = 4 << 20 // a variable for tests

// apply deletes the documents del and (re)indexes docs in bi. With
// replace set it first deletes the sections an earlier version of each
// document left in bi.
func apply(bi bleve.Index, docs []*corpus.Document, del []string, replace bool) (*phraseSeg, error) {
	b := bi.NewBatch()
	size := 0
	var streams []*fieldStreams
	var ids []string
	var pairs []sectionPairs
	flush := func() error {
		if b.Size() == 0 {
			return nil
		}
		err := bi.Batch(b)
		b.Reset()
		size = 0
		for i, fs := range streams {
			pairs = append(pairs, fs.sectionPairs(ids[i]))
		}
		streams, ids = streams[:0], ids[:0]
		return err
	}
	// The last of several versions of one document in docs wins.
	last := make(map[string]int, len(docs))
	for i, d := range docs {
		last[d.ID] = i
	}
	if len(last) < len(docs) {
		uniq := make([]*corpus.Document, 0, len(last))
		for i, d := range docs {
			if last[d.ID] == i {
				uniq = append(uniq, d)
			}
		}
		docs = uniq
	}
	var gone []string
	if replace {
		ids := append([]string(nil), del...)
		for _, d := range docs {
			ids = append(ids, d.ID)
		}
		var err error
		if gone, err = sectionIDs(bi, ids); err != nil {
			return nil, err
		}
	}
	for _, id := range gone {
		b.Delete(id)
	}
	for _, d := range docs {
		year, typ := docYear(d), docType(d)
		secs := splitSections(d)
		for i := range secs {
			bd, fs := sectionDocument(d, &secs[i], year, typ)
			if err := b.IndexAdvanced(bd); err != nil {
				return nil, fmt.Errorf("index %s: %w", d.ID, err)
			}
			streams, ids = append(streams, fs), append(ids, secs[i].id)
		}
		size += len(d.Text)
		if size >= batchBytes {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return buildPhraseSeg(pairs), nil
}

// sectionIDs returns the IDs of every indexed section of the documents ids.
func sectionIDs(bi bleve.Index, ids []string) ([]string, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var out []string
	const chunk = 512
	for i := 0; i < len(ids); i += chunk {
		j := min(i+chunk, len(ids))
		qs := make([]bleveQuery, 0, j-i)
		for _, id := range ids[i:j] {
			q := bleve.NewTermQuery(id)
			q.SetField(fieldDoc)
			qs = append(qs, q)
		}
		for from := 0; ; from += 10000 {
			req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(qs...), 10000, from, false)
			req.Score = "none"
			res, err := bi.Search(req)
			if err != nil {
				return nil, fmt.Errorf("find old sections: %w", err)
			}
			for _, h := range res.Hits {
				out = append(out, h.ID)
			}
			if len(res.Hits) < 10000 {
				break
			}
		}
	}
	return out, nil
}

// Rebuild builds a new index of docs in dir and makes it the live one in a
// single atomic step; searches on the old index keep working meanwhile.
// Rebuild(dir, nil, nil) makes an empty index. progress, if not nil, is
// called after each batch with the number of documents indexed so far.
func Rebuild(dir string, docs []*corpus.Document, progress func(done int)) error {
	i := 0
	return RebuildFunc(dir, func() (*corpus.Document, error) {
		if i >= len(docs) {
			return nil, nil
		}
		i++
		return docs[i-1], nil
	}, progress)
}

// RebuildFunc is Rebuild with the documents streamed: next returns one
// document at a time and nil at the end, so a large corpus need not be
// held in memory. An error from next abandons the new index.
func RebuildFunc(dir string, next func() (*corpus.Document, error), progress func(done int)) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("index %s: %w", dir, err)
	}
	unlock, err := lockDir(dir)
	if err != nil {
		return err
	}
	defer unlock()
	defer wordStems.reset()
	gen := newGenName()
	path := filepath.Join(dir, gen)
	// No merging while loading: the segments are merged once at the end.
	// (The tiered merges while loading rewrote most sections two or
	// three times.)
	bi, err := bleve.NewUsing(path, newMapping(), scorch.Name, scorch.Name,
		map[string]interface{}{"scorchMergePlanOptions": noMerging})
	if err != nil {
		os.RemoveAll(path)
		return fmt.Errorf("index %s: %w", dir, err)
	}
	err = bi.SetInternal(versionKey, []byte(AnalyzerVersion))
	var pb phraseBuilder
	if err == nil {
		err = load(bi, &pb, next, progress)
	}
	if err == nil {
		// bleve merges its segments on one core; the pair index is merged
		// and written on the other meanwhile.
		phrasesDone := make(chan error, 1)
		go func() {
			seg, err := pb.finish()
			if err == nil {
				err = writePhraseSeg(path, seg, nil)
			}
			phrasesDone <- err
		}()
		all := mergeplan.SingleSegmentMergePlanOptions
		all.SegmentsPerMergeTask = 1 << 20 // all segments in one merge
		err = compact(bi, &all)
		if perr := <-phrasesDone; err == nil {
			err = perr
		}
	}
	if cerr := bi.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = dropObsolete(dir, gen)
	}
	if err != nil {
		os.RemoveAll(path)
		return fmt.Errorf("index %s: %w", dir, err)
	}
	return swapCurrent(dir, gen)
}

// Merge plan options (as bleve reads them from its config) that keep
// bleve from merging segments in the background: a rebuild merges once at
// the end, and updates merge by compact. An index remembers the options it
// was created with; openGen sets the usual ones for writers.
var (
	noMerging      = map[string]interface{}{"MaxSegmentsPerTier": 1 << 20, "SegmentsPerMergeTask": 1 << 20}
	defaultMerging = map[string]interface{}{
		"MaxSegmentsPerTier":   mergeplan.DefaultMergePlanOptions.MaxSegmentsPerTier,
		"SegmentsPerMergeTask": mergeplan.DefaultMergePlanOptions.SegmentsPerMergeTask,
	}
)

// loadWorkers is how many batches are analysed and turned into segments
// at once while loading; the next batch is read meanwhile. Two workers
// took no less CPU time than one on the 10 000-document benchmark but
// raised peak RSS from 0.95 to 1.35 GiB.
const loadWorkers = 1

// load indexes the documents next returns into bi, in batches of about
// batchBytes of text, loadWorkers batches at a time while the next batch
// is read. progress, if not nil,
// is called after each batch with the number of documents indexed so far.
func load(bi bleve.Index, pb *phraseBuilder, next func() (*corpus.Document, error), progress func(done int)) error {
	chunks := make(chan []*corpus.Document)
	failed := make(chan error, loadWorkers)
	var mu sync.Mutex
	done := 0
	var wg sync.WaitGroup
	for w := 0; w < loadWorkers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for chunk := range chunks {
				seg, err := apply(bi, chunk, nil, false)
				if err == nil {
					err = pb.add(seg)
				}
				if err != nil {
					failed <- err
					for range chunks { // let the reader finish
					}
					return
				}
				mu.Lock()
				done += len(chunk)
				if progress != nil {
					progress(done)
				}
				mu.Unlock()
			}
		}()
	}
	var err error
	var chunk []*corpus.Document
	size := 0
	for err == nil {
		var d *corpus.Document
		if d, err = next(); err != nil {
			break
		}
		if d != nil {
			chunk = append(chunk, d)
			size += len(d.Text)
		}
		if len(chunk) > 0 && (d == nil || size >= batchBytes) {
			select {
			case chunks <- chunk:
			case err = <-failed:
			}
			chunk, size = nil, 0
		}
		if d == nil {
			break
		}
	}
	close(chunks)
	wg.Wait()
	if err == nil {
		select {
		case err = <-failed:
		default:
		}
	}
	return err
}

// dropObsolete removes the segment files of generation gen that its
// latest snapshot does not use: bleve deletes files that merges made
// obsolete lazily, and a closed index can keep them for good.
func dropObsolete(dir, gen string) error {
	bi, err := openGen(dir, gen, true)
	if err != nil {
		return err
	}
	live := map[string]bool{}
	adv, err := bi.Advanced()
	if err == nil {
		if sc, ok := adv.(*scorch.Scorch); ok {
			var r bindex.IndexReader
			if r, err = sc.Reader(); err == nil {
				if snap, ok := r.(*scorch.IndexSnapshot); ok {
					for _, ss := range snap.Segments() {
						if ps, ok := ss.Segment().(segment.PersistedSegment); ok {
							live[filepath.Base(ps.Path())] = true
						}
					}
				}
				r.Close()
			}
		}
	}
	if cerr := bi.Close(); err == nil {
		err = cerr
	}
	if err != nil || len(live) == 0 {
		return err
	}
	store := filepath.Join(dir, gen, "store")
	entries, err := os.ReadDir(store)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".zap") && !live[e.Name()] {
			if err := os.Remove(filepath.Join(store, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// compact merges the segments of bi by the plan: a freshly built index
// into one segment, so queries visit one segment.
func compact(bi bleve.Index, plan *mergeplan.MergePlanOptions) error {
	adv, err := bi.Advanced()
	if err != nil {
		return err
	}
	if s, ok := adv.(*scorch.Scorch); ok {
		if err := s.ForceMerge(context.Background(), plan); err != nil {
			return fmt.Errorf("compact: %w", err)
		}
		// A batch waits until its root is persisted, and the merge was
		// introduced before it: after this the merged segments are what
		// the index on disk refers to.
		if err := bi.SetInternal(versionKey, []byte(AnalyzerVersion)); err != nil {
			return fmt.Errorf("compact: %w", err)
		}
	}
	return nil
}

// Exists reports whether dir holds an index (of any version).
func Exists(dir string) bool {
	_, err := readCurrent(dir)
	return err == nil
}

// Size returns the bytes the live generation of the index in dir takes.
func Size(dir string) (int64, error) {
	gen, err := readCurrent(dir)
	if err != nil {
		return 0, err
	}
	var n int64
	err = filepath.Walk(filepath.Join(dir, gen), func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return err
	})
	return n, err
}

const currentFile = "CURRENT"

func readCurrent(dir string) (string, error) {
	data, err := os.ReadFile(filepath.Join(dir, currentFile))
	if errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("index %s: %w", dir, ErrNoIndex)
	}
	if err != nil {
		return "", fmt.Errorf("index %s: %w", dir, err)
	}
	gen := strings.TrimSpace(string(data))
	if !strings.HasPrefix(gen, "gen-") || strings.ContainsAny(gen, `/\`) {
		return "", fmt.Errorf("index %s: bad %s %q", dir, currentFile, gen)
	}
	return gen, nil
}

func openGen(dir, gen string, readOnly bool) (bleve.Index, error) {
	path := filepath.Join(dir, gen)
	if _, err := os.Stat(filepath.Join(path, "index_meta.json")); err != nil {
		return nil, err
	}
	cfg := map[string]interface{}{}
	if readOnly {
		cfg["read_only"] = true
	} else {
		cfg["scorchMergePlanOptions"] = defaultMerging
	}
	return bleve.OpenUsing(path, cfg)
}

var genSeq int

func newGenName() string {
	genSeq++
	return "gen-" + strconv.FormatInt(time.Now().UnixNano(), 10) + "-" + strconv.Itoa(os.Getpid()) + "-" + strconv.Itoa(genSeq)
}

// swapCurrent makes gen the live generation and removes the others.
func swapCurrent(dir, gen string) error {
	if err := corpus.WriteFileAtomic(filepath.Join(dir, currentFile), []byte(gen+"\n")); err != nil {
		return fmt.Errorf("index %s: switch to %s: %w", dir, gen, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil // the switch happened; leftovers are harmless
	}
	var old []string
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), "gen-") && e.Name() != gen {
			old = append(old, e.Name())
		}
	}
	sort.Strings(old)
	for _, name := range old {
		os.RemoveAll(filepath.Join(dir, name))
	}
	return nil
}

// cloneDir copies the bleve index in src to dst: segment files (*.zap and
// the pair index's *.phr, never changed once written) as hard links,
// everything else as copies.
func cloneDir(src, dst string) error {
	return filepath.Walk(src, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasSuffix(path, ".zap") || strings.HasSuffix(path, phraseFileSuffix) {
			if err := os.Link(path, target); err == nil {
				return nil
			}
		}
		return copyFile(path, target, info.Mode())
	})
}

func copyFile(src, dst string, mode os.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, mode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

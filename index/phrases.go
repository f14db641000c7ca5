package index

import (
	"bytes"
	"cmp"
	"container/heap"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Phrases are answered by a pair index kept beside bleve's: for every two
// successive words of a section (their folded stems, with the number of
// stop words between them) the hash of the pair, and for each pair hash
// the sections that contain it with how often. A phrase is the
// intersection of its pairs' sections, so it needs no positions.
//
// The pairs used to be a bleve field. They are most of the index's
// postings (about one per word of text) and nearly all of its distinct
// terms, and bleve's cost of building and merging dictionaries made them
// two thirds of the indexing time. Here they are sorted integers: built
// per batch, merged by a k-way merge, looked up by binary search.
//
// The pair index is a list of immutable segments, like bleve's. A section
// belongs to the newest segment that names it: re-indexing a document
// writes its sections into a new segment, and the old copies are ignored
// (and dropped when segments are merged). Sections deleted from bleve are
// never candidates, since a phrase hit must be a section of the bleve
// snapshot searched.

// phraseSeg is one immutable segment of the pair index.
type phraseSeg struct {
	ids    []string // section IDs by ordinal
	words  []uint32 // indexed words of each section (for the length norm)
	hashes []uint64 // distinct pair hashes, ascending
	offs   []uint32 // postings of hashes[i] are post[offs[i]:offs[i+1]]
	post   []byte   // per hash: uvarint (ordinal delta, frequency) pairs
	file   string   // base name in the generation directory ("" in memory)
}

// sectionPairs is what the pair index needs of one section.
type sectionPairs struct {
	id    string
	words int
	pairs []uint64 // the hash of every pair of successive words, in order
}

// pairPosting is one section of a pair's postings while building.
type pairPosting struct {
	hash uint64
	ord  uint32
	freq uint32
}

// buildPhraseSeg makes a segment of the sections in secs (in that order).
func buildPhraseSeg(secs []sectionPairs) *phraseSeg {
	seg := &phraseSeg{ids: make([]string, len(secs)), words: make([]uint32, len(secs))}
	n := 0
	for _, s := range secs {
		n += len(s.pairs)
	}
	entries := make([]pairPosting, 0, n)
	var scratch []uint64
	for ord, s := range secs {
		seg.ids[ord], seg.words[ord] = s.id, uint32(min(uint64(max(s.words, 0)), math.MaxUint32))
		scratch = append(scratch[:0], s.pairs...)
		slices.Sort(scratch)
		for i := 0; i < len(scratch); {
			j := i + 1
			for j < len(scratch) && scratch[j] == scratch[i] {
				j++
			}
			entries = append(entries, pairPosting{hash: scratch[i], ord: uint32(ord), freq: uint32(j - i)})
			i = j
		}
	}
	entries = sortPostings(entries)
	w := segWriter{seg: seg}
	w.grow(len(entries), len(entries)*3)
	for i := 0; i < len(entries); {
		w.startTerm(entries[i].hash)
		for ; i < len(entries) && entries[i].hash == w.hash; i++ {
			w.add(entries[i].ord, entries[i].freq)
		}
	}
	w.finish()
	return seg
}

// sortPostings sorts entries, which are in ordinal order, by hash and
// then ordinal. Hashes are uniform, so one counting pass on their top 16
// bits leaves buckets of a few entries, sorted by insertion; the pass is
// stable, so ordinals stay in order within a hash.
func sortPostings(entries []pairPosting) []pairPosting {
	if len(entries) < 1<<12 {
		slices.SortStableFunc(entries, cmpHash)
		return entries
	}
	const bits = 16
	var starts [1<<bits + 1]int
	for _, e := range entries {
		starts[e.hash>>(64-bits)+1]++
	}
	for i := 1; i < len(starts); i++ {
		starts[i] += starts[i-1]
	}
	out := make([]pairPosting, len(entries))
	next := starts
	for _, e := range entries {
		b := e.hash >> (64 - bits)
		out[next[b]] = e
		next[b]++
	}
	for b := 0; b < 1<<bits; b++ {
		bucket := out[starts[b]:starts[b+1]]
		if len(bucket) > 64 { // a pair in many sections, or unlucky hashes
			slices.SortStableFunc(bucket, cmpHash)
			continue
		}
		for i := 1; i < len(bucket); i++ {
			for j := i; j > 0 && bucket[j].hash < bucket[j-1].hash; j-- {
				bucket[j], bucket[j-1] = bucket[j-1], bucket[j]
			}
		}
	}
	return out
}

func cmpHash(a, b pairPosting) int { return cmp.Compare(a.hash, b.hash) }

// segWriter appends terms and postings to a segment in hash order.
type segWriter struct {
	seg     *phraseSeg
	hash    uint64
	lastOrd uint32
	buf     [2 * binary.MaxVarintLen32]byte
}

// grow makes room for about terms terms and postBytes of postings.
func (w *segWriter) grow(terms, postBytes int) {
	w.seg.hashes = slices.Grow(w.seg.hashes, terms)
	w.seg.offs = slices.Grow(w.seg.offs, terms+1)
	w.seg.post = slices.Grow(w.seg.post, postBytes)
}

func (w *segWriter) startTerm(h uint64) {
	w.hash, w.lastOrd = h, 0
	w.seg.hashes = append(w.seg.hashes, h)
	w.seg.offs = append(w.seg.offs, uint32(len(w.seg.post)))
}

// add appends a posting; ordinals of one term must ascend.
func (w *segWriter) add(ord, freq uint32) {
	n := binary.PutUvarint(w.buf[:], uint64(ord-w.lastOrd))
	n += binary.PutUvarint(w.buf[n:], uint64(freq))
	w.seg.post = append(w.seg.post, w.buf[:n]...)
	w.lastOrd = ord
}

func (w *segWriter) finish() {
	w.seg.offs = append(w.seg.offs, uint32(len(w.seg.post)))
}

// errCorrupt is a pair index that does not decode.
var errCorrupt = errors.New("corrupt phrase index")

// postings returns the encoded postings of hash h (nil if none).
func (s *phraseSeg) postings(h uint64) []byte {
	i, ok := slices.BinarySearch(s.hashes, h)
	if !ok {
		return nil
	}
	return s.post[s.offs[i]:s.offs[i+1]]
}

// ordFreq is one decoded posting.
type ordFreq struct{ ord, freq uint32 }

// decodePostings appends the postings in p to out. It fails on postings
// that do not decode or name a section the segment does not have.
func (s *phraseSeg) decodePostings(p []byte, out []ordFreq) ([]ordFreq, error) {
	ord := uint64(0)
	for first := true; len(p) > 0; first = false {
		d, n := binary.Uvarint(p)
		if n <= 0 {
			return out, errCorrupt
		}
		f, m := binary.Uvarint(p[n:])
		if m <= 0 {
			return out, errCorrupt
		}
		p = p[n+m:]
		if !first && d == 0 {
			return out, errCorrupt
		}
		ord += d
		if ord >= uint64(len(s.ids)) || f == 0 || f > math.MaxUint32 {
			return out, errCorrupt
		}
		out = append(out, ordFreq{uint32(ord), uint32(f)})
	}
	return out, nil
}

// match returns the sections that contain every pair in hashes, with the
// smallest of their frequencies (how often the whole phrase can occur).
func (s *phraseSeg) match(hashes []uint64) ([]ordFreq, error) {
	lists := make([][]byte, len(hashes))
	for i, h := range hashes {
		if lists[i] = s.postings(h); lists[i] == nil {
			return nil, nil
		}
	}
	// Start from the shortest list; the others only narrow it.
	sort.Slice(lists, func(i, j int) bool { return len(lists[i]) < len(lists[j]) })
	cur, err := s.decodePostings(lists[0], nil)
	if err != nil {
		return nil, err
	}
	var other []ordFreq
	for _, l := range lists[1:] {
		if len(cur) == 0 {
			break
		}
		if other, err = s.decodePostings(l, other[:0]); err != nil {
			return nil, err
		}
		kept, j := cur[:0], 0
		for _, c := range cur {
			for j < len(other) && other[j].ord < c.ord {
				j++
			}
			if j < len(other) && other[j].ord == c.ord {
				kept = append(kept, ordFreq{c.ord, min(c.freq, other[j].freq)})
			}
		}
		cur = kept
	}
	return cur, nil
}

// mergePhraseSegs merges segs (oldest first) into one segment that keeps
// the sections keep accepts (keep gets the segment's index and the
// section's ordinal in it).
func mergePhraseSegs(segs []*phraseSeg, keep func(seg, ord int) bool) (*phraseSeg, error) {
	out := &phraseSeg{}
	remap := make([][]int32, len(segs))
	for si, s := range segs {
		remap[si] = make([]int32, len(s.ids))
		for o := range s.ids {
			if keep != nil && !keep(si, o) {
				remap[si][o] = -1
				continue
			}
			remap[si][o] = int32(len(out.ids))
			out.ids = append(out.ids, s.ids[o])
			out.words = append(out.words, s.words[o])
		}
	}
	h := &heapOf[termCursor]{less: func(a, b termCursor) bool {
		if a.hash != b.hash {
			return a.hash < b.hash
		}
		return a.seg < b.seg
	}}
	for si, s := range segs {
		if len(s.hashes) > 0 {
			h.items = append(h.items, termCursor{seg: si, hash: s.hashes[0]})
		}
	}
	heap.Init(h)
	w := segWriter{seg: out}
	terms, postBytes := 0, 0
	for _, s := range segs {
		terms, postBytes = max(terms, len(s.hashes)), postBytes+len(s.post)
	}
	w.grow(terms, postBytes)
	var from []termCursor
	var decoded []ordFreq
	var err error
	for len(h.items) > 0 {
		hash := h.items[0].hash
		from = from[:0]
		for len(h.items) > 0 && h.items[0].hash == hash {
			from = append(from, h.items[0])
			c := &h.items[0]
			c.term++
			if s := segs[c.seg]; c.term < len(s.hashes) {
				c.hash = s.hashes[c.term]
				heap.Fix(h, 0)
			} else {
				heap.Pop(h)
			}
		}
		// Segments in order: their new ordinals ascend from one to the next.
		sort.Slice(from, func(i, j int) bool { return from[i].seg < from[j].seg })
		started := false
		for _, c := range from {
			s := segs[c.seg]
			if decoded, err = s.decodePostings(s.post[s.offs[c.term]:s.offs[c.term+1]], decoded[:0]); err != nil {
				return nil, err
			}
			for _, p := range decoded {
				ord := remap[c.seg][p.ord]
				if ord < 0 {
					continue
				}
				if !started {
					w.startTerm(hash)
					started = true
				}
				w.add(uint32(ord), p.freq)
			}
		}
	}
	w.finish()
	return out, nil
}

// termCursor is a segment's next term in a merge.
type termCursor struct {
	seg  int
	term int // index of the cursor's term (hash) in the segment
	hash uint64
}

// phraseMagic starts every segment file; the digit is the format version.
const phraseMagic = "styrdok phrases 1\n"

// encode writes the segment in its file format:
//
//	magic
//	uvarint sections, then per section: uvarint len(id), id, uvarint words
//	uvarint terms, then terms × 8-byte hash, (terms+1) × 4-byte offset
//	the postings (the last offset is their length)
//
// Fixed-width numbers are little-endian.
func (s *phraseSeg) encode() []byte {
	n := len(phraseMagic) + 3*binary.MaxVarintLen64 + len(s.hashes)*12 + 4 + len(s.post)
	for _, id := range s.ids {
		n += len(id) + 2*binary.MaxVarintLen32
	}
	b := make([]byte, 0, n)
	b = append(b, phraseMagic...)
	b = binary.AppendUvarint(b, uint64(len(s.ids)))
	for i, id := range s.ids {
		b = binary.AppendUvarint(b, uint64(len(id)))
		b = append(b, id...)
		b = binary.AppendUvarint(b, uint64(s.words[i]))
	}
	b = binary.AppendUvarint(b, uint64(len(s.hashes)))
	for _, h := range s.hashes {
		b = binary.LittleEndian.AppendUint64(b, h)
	}
	offs := s.offs
	if len(offs) == 0 {
		offs = []uint32{0}
	}
	for _, o := range offs {
		b = binary.LittleEndian.AppendUint32(b, o)
	}
	return append(b, s.post...)
}

// decodePhraseSeg reads a segment written by encode. It checks the
// structure (counts, ascending hashes, offsets within the postings);
// postings themselves are checked as they are decoded.
func decodePhraseSeg(data []byte) (*phraseSeg, error) {
	bad := func(what string) (*phraseSeg, error) {
		return nil, fmt.Errorf("%w: %s", errCorrupt, what)
	}
	if !bytes.HasPrefix(data, []byte(phraseMagic)) {
		if bytes.HasPrefix(data, []byte("styrdok phrases ")) {
			return bad("unknown format version")
		}
		return bad("not a phrase index file")
	}
	p := data[len(phraseMagic):]
	uv := func() (uint64, bool) {
		v, n := binary.Uvarint(p)
		if n <= 0 {
			return 0, false
		}
		p = p[n:]
		return v, true
	}
	nsec, ok := uv()
	if !ok || nsec > uint64(len(p)) {
		return bad("section count")
	}
	s := &phraseSeg{ids: make([]string, 0, nsec), words: make([]uint32, 0, nsec)}
	for i := uint64(0); i < nsec; i++ {
		l, ok := uv()
		if !ok || l > uint64(len(p)) {
			return bad("section id")
		}
		s.ids = append(s.ids, string(p[:l]))
		p = p[l:]
		w, ok := uv()
		if !ok || w > math.MaxUint32 {
			return bad("section length")
		}
		s.words = append(s.words, uint32(w))
	}
	nt, ok := uv()
	if !ok || nt > uint64(len(p))/12 {
		return bad("term count")
	}
	s.hashes = make([]uint64, nt)
	for i := range s.hashes {
		s.hashes[i] = binary.LittleEndian.Uint64(p[8*i:])
		if i > 0 && s.hashes[i] <= s.hashes[i-1] {
			return bad("terms out of order")
		}
	}
	p = p[8*nt:]
	if uint64(len(p)) < 4*(nt+1) {
		return bad("offsets")
	}
	s.offs = make([]uint32, nt+1)
	for i := range s.offs {
		s.offs[i] = binary.LittleEndian.Uint32(p[4*i:])
		if i > 0 && s.offs[i] <= s.offs[i-1] || i == 0 && s.offs[0] != 0 {
			return bad("offsets out of order")
		}
	}
	s.post = p[4*(nt+1):]
	if uint64(len(s.post)) != uint64(s.offs[nt]) {
		return bad("postings length")
	}
	return s, nil
}

// phraseStore is the pair index of one index generation: its segments,
// oldest first. It is never changed; an update makes a new store.
type phraseStore struct {
	segs []*phraseSeg
}

const (
	phraseFilePrefix = "phrases-"
	phraseFileSuffix = ".phr"
	// maxPhraseSegs is how many segments updates may pile up before they
	// are merged into one.
	maxPhraseSegs = 8
)

// loadPhraseStore reads the segment files of the generation in dir.
func loadPhraseStore(dir string) (*phraseStore, error) {
	names, err := phraseFiles(dir)
	if err != nil {
		return nil, err
	}
	st := &phraseStore{}
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("phrase index: %w", err)
		}
		seg, err := decodePhraseSeg(data)
		if err != nil {
			return nil, fmt.Errorf("phrase index %s: %w", filepath.Join(dir, name), err)
		}
		seg.file = name
		st.segs = append(st.segs, seg)
	}
	return st, nil
}

// phraseFiles lists the segment files in dir, oldest first.
func phraseFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("phrase index: %w", err)
	}
	var names []string
	for _, e := range entries {
		if n := e.Name(); strings.HasPrefix(n, phraseFilePrefix) && strings.HasSuffix(n, phraseFileSuffix) {
			names = append(names, n)
		}
	}
	sort.Strings(names) // the sequence numbers are zero-padded
	return names, nil
}

// writePhraseSeg writes seg to a new file in dir, numbered after the
// files of the segments in older, and records the name in seg.
func writePhraseSeg(dir string, seg *phraseSeg, older []*phraseSeg) error {
	seq := 0
	for _, s := range older {
		if n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(s.file, phraseFilePrefix), phraseFileSuffix)); err == nil && n >= seq {
			seq = n + 1
		}
	}
	name := fmt.Sprintf("%s%09d%s", phraseFilePrefix, seq, phraseFileSuffix)
	f, err := os.OpenFile(filepath.Join(dir, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("phrase index: %w", err)
	}
	_, err = f.Write(seg.encode())
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("phrase index: %w", err)
	}
	seg.file = name
	return nil
}

// with returns the store with seg added as its newest segment; when that
// makes more than maxPhraseSegs, all are merged into one that keeps the
// sections live accepts (the newest copy of each section ID is merged,
// and only if live says it is still indexed). In dir ("" in memory) it
// writes the new segment and removes the merged files.
func (st *phraseStore) with(dir string, seg *phraseSeg, live func(id string) bool) (*phraseStore, error) {
	segs := append(append([]*phraseSeg(nil), st.segs...), seg)
	next := &phraseStore{segs: segs[:len(segs)-1]}
	if len(segs) > maxPhraseSegs {
		newest := newestCopies(segs)
		merged, err := mergePhraseSegs(segs, func(s, o int) bool {
			return newest[s][o] && (live == nil || live(segs[s].ids[o]))
		})
		if err != nil {
			return nil, err
		}
		seg, next.segs = merged, nil
	}
	if dir != "" {
		if err := writePhraseSeg(dir, seg, segs); err != nil {
			return nil, err
		}
		if next.segs == nil {
			for _, old := range segs {
				if old.file != "" {
					if err := os.Remove(filepath.Join(dir, old.file)); err != nil && !errors.Is(err, os.ErrNotExist) {
						return nil, fmt.Errorf("phrase index: %w", err)
					}
				}
			}
		}
	}
	next.segs = append(next.segs, seg)
	return next, nil
}

// newestCopies marks, for each segment's sections, whether it is the
// newest copy of its section ID.
func newestCopies(segs []*phraseSeg) [][]bool {
	out := make([][]bool, len(segs))
	seen := map[string]bool{}
	for si := len(segs) - 1; si >= 0; si-- {
		out[si] = make([]bool, len(segs[si].ids))
		for o, id := range segs[si].ids {
			if !seen[id] {
				seen[id] = true
				out[si][o] = true
			}
		}
	}
	return out
}

// phraseBuilder merges batch segments in tiers while a rebuild loads, so
// no pair is merged more than a few times and memory stays bounded.
type phraseBuilder struct {
	mu    sync.Mutex
	tiers [][]*phraseSeg // tiers[k]: segments made of mergeFanIn^k batches
}

// mergeFanIn is how many segments of one tier merge into the next.
const mergeFanIn = 8

func (b *phraseBuilder) add(seg *phraseSeg) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	for k := 0; ; k++ {
		if k == len(b.tiers) {
			b.tiers = append(b.tiers, nil)
		}
		b.tiers[k] = append(b.tiers[k], seg)
		if len(b.tiers[k]) < mergeFanIn {
			return nil
		}
		merged, err := mergePhraseSegs(b.tiers[k], nil)
		if err != nil {
			return err
		}
		b.tiers[k], seg = nil, merged
	}
}

// finish merges everything added (later batches win over earlier copies
// of a section) into one segment.
func (b *phraseBuilder) finish() (*phraseSeg, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	var segs []*phraseSeg
	for k := len(b.tiers) - 1; k >= 0; k-- { // higher tiers hold older batches
		segs = append(segs, b.tiers[k]...)
	}
	b.tiers = nil
	if len(segs) == 1 {
		return segs[0], nil
	}
	newest := newestCopies(segs)
	return mergePhraseSegs(segs, func(s, o int) bool { return newest[s][o] })
}

// phraseTable maps the sections of a phrase store to the internal numbers
// of one bleve snapshot. Numbers are looked up as phrases first need them
// and kept: a search from the command line then looks up only the
// sections its phrase matches, not every section of the corpus.
type phraseTable struct {
	// internal[s][o] is 0 while section o of segment s is not looked
	// up, 1 when it is not the copy indexed, its internal number + 2
	// otherwise.
	internal [][]atomic.Uint64
	newest   [][]bool // newestCopies of the store; nil: one segment, all newest
	segs     []*phraseSeg
	docs     uint64 // sections in the snapshot
}

func newPhraseTable(r bindex.IndexReader, st *phraseStore) (*phraseTable, error) {
	t := &phraseTable{internal: make([][]atomic.Uint64, len(st.segs)), segs: st.segs}
	for si, seg := range st.segs {
		t.internal[si] = make([]atomic.Uint64, len(seg.ids))
	}
	if len(st.segs) > 1 {
		t.newest = newestCopies(st.segs)
	}
	n, err := r.DocCount()
	if err != nil {
		return nil, err
	}
	t.docs = n
	return t, nil
}

// lookup returns the internal number of section o of segment s in r's
// snapshot, and false when that copy of the section is not indexed.
func (t *phraseTable) lookup(r bindex.IndexReader, s, o int) (uint64, bool, error) {
	v := t.internal[s][o].Load()
	if v == 0 {
		v = 1
		if t.newest == nil || t.newest[s][o] {
			iid, err := r.InternalID(t.segs[s].ids[o])
			if err != nil {
				return 0, false, fmt.Errorf("phrase index: %w", err)
			}
			if len(iid) == 8 {
				v = iid.Value() + 2
			}
		}
		t.internal[s][o].Store(v)
	}
	return v - 2, v > 1, nil
}

// phraseTableCache builds the phrase table of an index once; update
// resets it.
type phraseTableCache struct {
	mu    sync.Mutex
	st    *phraseStore
	table *phraseTable
}

func (c *phraseTableCache) get(r bindex.IndexReader, st *phraseStore) (*phraseTable, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.table == nil || c.st != st {
		t, err := newPhraseTable(r, st)
		if err != nil {
			return nil, err
		}
		c.table, c.st = t, st
	}
	return c.table, nil
}

func (c *phraseTableCache) reset() {
	c.mu.Lock()
	c.table, c.st = nil, nil
	c.mu.Unlock()
}

// phraseQuery is a bleve query for the sections that contain all of a
// phrase's pairs, scored like a bleve term (tf-idf with the section's
// length norm) with the phrase's frequency.
type phraseQuery struct {
	store  *phraseStore
	cache  *phraseTableCache
	hashes []uint64
}

// Searcher implements bleve's query.Query.
func (q *phraseQuery) Searcher(ctx context.Context, r bindex.IndexReader, _ mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	t, err := q.cache.get(r, q.store)
	if err != nil {
		return nil, err
	}
	var hits []listHit
	for si, seg := range q.store.segs {
		m, err := seg.match(q.hashes)
		if err != nil {
			return nil, fmt.Errorf("phrase index %s: %w", seg.file, err)
		}
		for _, p := range m {
			n, ok, err := t.lookup(r, si, int(p.ord))
			if err != nil {
				return nil, err
			}
			if ok {
				norm := 1.0
				if w := seg.words[p.ord]; w > 0 {
					norm = 1 / math.Sqrt(float64(w))
				}
				hits = append(hits, listHit{num: n, tf: math.Sqrt(float64(p.freq)) * norm})
			}
		}
	}
	slices.SortFunc(hits, func(a, b listHit) int { return cmp.Compare(a.num, b.num) })
	idf := 1 + math.Log(float64(t.docs)/float64(len(hits)+1))
	return &listSearcher{hits: hits, idf: idf, queryWeight: idf, score: opts.Score != "none"}, nil
}

// listHit is a section a listSearcher returns: its internal number and
// its term-frequency factor (√freq × length norm).
type listHit struct {
	num uint64
	tf  float64
}

// listSearcher returns a fixed list of sections in internal-number order,
// the way bleve's searchers do, so it combines with them in conjunctions
// and disjunctions.
type listSearcher struct {
	hits        []listHit
	i           int
	idf         float64
	queryWeight float64
	score       bool
}

func (s *listSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if s.i >= len(s.hits) {
		return nil, nil
	}
	h := s.hits[s.i]
	s.i++
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = bindex.NewIndexInternalID(dm.IndexInternalID, h.num)
	if s.score {
		dm.Score = h.tf * s.idf * s.queryWeight
	}
	return dm, nil
}

func (s *listSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	if len(id) != 8 {
		return nil, errNoCollect
	}
	target := id.Value()
	rest := s.hits[s.i:]
	s.i += sort.Search(len(rest), func(k int) bool { return rest[k].num >= target })
	return s.Next(ctx)
}

func (s *listSearcher) Close() error               { return nil }
func (s *listSearcher) Weight() float64            { return s.idf * s.idf }
func (s *listSearcher) SetQueryNorm(qnorm float64) { s.queryWeight = s.idf * qnorm }
func (s *listSearcher) Count() uint64              { return uint64(len(s.hits)) }
func (s *listSearcher) Min() int                   { return 0 }
func (s *listSearcher) Size() int                  { return 64 + 16*cap(s.hits) }
func (s *listSearcher) DocumentMatchPoolSize() int { return 1 }

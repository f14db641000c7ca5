package index

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
)

// segOf builds a segment from sections given as "id:p1 p2 p3" with small
// numbers for pair hashes.
func segOf(t *testing.T, specs ...string) *phraseSeg {
	t.Helper()
	var secs []sectionPairs
	for _, spec := range specs {
		id, list, _ := strings.Cut(spec, ":")
		s := sectionPairs{id: id}
		for _, f := range strings.Fields(list) {
			var h uint64
			if _, err := fmt.Sscan(f, &h); err != nil {
				t.Fatal(err)
			}
			s.pairs = append(s.pairs, h)
		}
		s.words = len(s.pairs) + 1
		secs = append(secs, s)
	}
	return buildPhraseSeg(secs)
}

func TestPhraseSegMatch(t *testing.T) {
	seg := segOf(t, "a:1 2 3 1", "b:2 3", "c:3 4 2 2 2", "d:", "e:9")
	for _, tc := range []struct {
		hashes []uint64
		want   []ordFreq
	}{
		{[]uint64{1}, []ordFreq{{0, 2}}},
		{[]uint64{2}, []ordFreq{{0, 1}, {1, 1}, {2, 3}}},
		{[]uint64{2, 3}, []ordFreq{{0, 1}, {1, 1}, {2, 1}}}, // frequency: the smaller
		{[]uint64{3, 4}, []ordFreq{{2, 1}}},
		{[]uint64{1, 4}, nil}, // both present, never in one section
		{[]uint64{5}, nil},    // unknown pair
		{[]uint64{2, 5}, nil}, // one unknown pair
		{[]uint64{9, 9, 9}, []ordFreq{{4, 1}}},
	} {
		got, err := seg.match(tc.hashes)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 && len(tc.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("match(%v) = %v, want %v", tc.hashes, got, tc.want)
		}
	}
}

func TestPhraseSegEncodeRoundTrip(t *testing.T) {
	for _, seg := range []*phraseSeg{
		segOf(t, "a/0:1 2 3 1", "b/0:2 3", "c/1:18446744073709551615 0 7"),
		segOf(t, "empty:"),
		segOf(t),
	} {
		back, err := decodePhraseSeg(seg.encode())
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(back.ids, seg.ids) || !slices.Equal(back.words, seg.words) ||
			!slices.Equal(back.hashes, seg.hashes) || string(back.post) != string(seg.post) {
			t.Errorf("round trip changed the segment:\n%+v\n%+v", seg, back)
		}
		for _, h := range seg.hashes {
			a, _ := seg.match([]uint64{h})
			b, _ := back.match([]uint64{h})
			if !reflect.DeepEqual(a, b) {
				t.Errorf("hash %d: %v before, %v after", h, a, b)
			}
		}
	}
}

func TestDecodePhraseSegRejectsDamage(t *testing.T) {
	good := segOf(t, "a:1 2 3", "b:2 3 4").encode()
	cases := map[string][]byte{
		"empty":       nil,
		"other file":  []byte("PK\x03\x04 not ours"),
		"new version": []byte("styrdok phrases 9\n"),
		"truncated":   good[:len(good)-3],
		"extra bytes": append(append([]byte(nil), good...), 0),
	}
	// Terms out of order: swap the first two hashes.
	swapped := append([]byte(nil), good...)
	at := strings.Index(string(swapped), "\x02b\x03") + 3 // after the last section
	at++                                                  // the term count
	first := append([]byte(nil), swapped[at:at+8]...)
	copy(swapped[at:at+8], swapped[at+8:at+16])
	copy(swapped[at+8:at+16], first)
	cases["terms out of order"] = swapped
	for name, data := range cases {
		if _, err := decodePhraseSeg(data); !errors.Is(err, errCorrupt) {
			t.Errorf("%s: err = %v, want errCorrupt", name, err)
		}
	}
	// Postings that name a section the segment does not have fail when
	// they are read, not with a panic.
	seg := segOf(t, "a:1", "b:1")
	seg.post[0] = 0x7f
	if _, err := seg.match([]uint64{1}); !errors.Is(err, errCorrupt) {
		t.Errorf("bad ordinal: err = %v, want errCorrupt", err)
	}
}

func TestMergePhraseSegs(t *testing.T) {
	old := segOf(t, "a:1 2", "b:2 3")
	newer := segOf(t, "a:5", "c:2")
	newest := newestCopies([]*phraseSeg{old, newer})
	m, err := mergePhraseSegs([]*phraseSeg{old, newer}, func(s, o int) bool { return newest[s][o] })
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"b", "a", "c"}; !reflect.DeepEqual(m.ids, want) {
		t.Fatalf("ids %v, want %v (the old copy of a dropped)", m.ids, want)
	}
	for _, tc := range []struct {
		h    uint64
		want []string
	}{{1, nil}, {2, []string{"b", "c"}}, {3, []string{"b"}}, {5, []string{"a"}}} {
		got, err := m.match([]uint64{tc.h})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, p := range got {
			ids = append(ids, m.ids[p.ord])
		}
		if !reflect.DeepEqual(ids, tc.want) {
			t.Errorf("pair %d: %v, want %v", tc.h, ids, tc.want)
		}
	}
	if _, ok := slicesIndex(m.hashes, 1); ok {
		t.Errorf("pair 1 of the dropped copy is still a term")
	}
}

func slicesIndex(s []uint64, v uint64) (int, bool) {
	for i, x := range s {
		if x == v {
			return i, true
		}
	}
	return -1, false
}

// TestPhraseBuilderTiers checks that merging in tiers gives the segment
// one build of everything gives, with later copies of a section winning.
func TestPhraseBuilderTiers(t *testing.T) {
	var b phraseBuilder
	var all []string
	for i := 0; i < 3*mergeFanIn*mergeFanIn+5; i++ {
		spec := fmt.Sprintf("s%d:%d %d %d", i, i%7, i%11+100, i)
		all = append(all, spec)
		if err := b.add(segOf(t, spec)); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.add(segOf(t, "s3:424242")); err != nil { // s3 again, changed
		t.Fatal(err)
	}
	got, err := b.finish()
	if err != nil {
		t.Fatal(err)
	}
	all[3] = "s3:424242"
	want := segOf(t, all...)
	if len(got.ids) != len(want.ids) || !reflect.DeepEqual(got.hashes, want.hashes) {
		t.Fatalf("tiers: %d sections, %d pairs; one build: %d, %d", len(got.ids), len(got.hashes), len(want.ids), len(want.hashes))
	}
	idsOf := func(seg *phraseSeg, h uint64) []string {
		m, err := seg.match([]uint64{h})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, p := range m {
			ids = append(ids, fmt.Sprintf("%s×%d", seg.ids[p.ord], p.freq))
		}
		sort.Strings(ids)
		return ids
	}
	for _, h := range want.hashes {
		if a, b := idsOf(got, h), idsOf(want, h); !reflect.DeepEqual(a, b) {
			t.Errorf("pair %d: %v, want %v", h, a, b)
		}
	}
}

// TestPhraseAfterReplaceAndDelete follows a phrase through updates of an
// index on disk: a re-indexed document loses the phrase it no longer
// has, a deleted one is gone, and merging the pair segments after many
// updates changes no answer.
func TestPhraseAfterReplaceAndDelete(t *testing.T) {
	dir, _ := rebuiltIndex(t)
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	total := func(q string) int {
		t.Helper()
		res, err := ix.Search(context.Background(), Request{Query: q, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	with := "## Mål\nDet internationella arbetet stärks i kommunen.\n"
	without := "## Mål\nArbetet blir internationella och kommunen stärks.\n"
	if err := ix.Put(doc("a", "Lund", with), doc("b", "Umeå", with)); err != nil {
		t.Fatal(err)
	}
	if n := total(`"internationella arbetet"`); n != 2 {
		t.Fatalf("after put: %d hits, want 2", n)
	}
	if err := ix.Put(doc("a", "Lund", without)); err != nil {
		t.Fatal(err)
	}
	if n := total(`"internationella arbetet"`); n != 1 {
		t.Errorf("after a lost the phrase: %d hits, want 1", n)
	}
	if n := total(`"internationella och kommunen"`); n != 1 {
		t.Errorf("a's new phrase: %d hits, want 1", n)
	}
	if err := ix.Delete("b"); err != nil {
		t.Fatal(err)
	}
	if n := total(`"internationella arbetet"`); n != 0 {
		t.Errorf("after b was deleted: %d hits, want 0", n)
	}
	for i := 0; i < maxPhraseSegs+2; i++ {
		if err := ix.Put(doc(fmt.Sprintf("c%d", i), "Växjö", with)); err != nil {
			t.Fatal(err)
		}
	}
	gen, err := readCurrent(dir)
	if err != nil {
		t.Fatal(err)
	}
	files, err := phraseFiles(filepath.Join(dir, gen))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) > maxPhraseSegs {
		t.Errorf("%d pair segment files after %d updates, want at most %d", len(files), maxPhraseSegs+5, maxPhraseSegs)
	}
	if n := total(`"internationella arbetet"`); n != maxPhraseSegs+2 {
		t.Errorf("after merging: %d hits, want %d", n, maxPhraseSegs+2)
	}
	if n := total(`"internationella och kommunen"`); n != 1 {
		t.Errorf("after merging, a's phrase: %d hits, want 1", n)
	}
	// Another reader of the same directory sees the same.
	other, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	res, err := other.Search(context.Background(), Request{Query: `"internationella arbetet"`, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != maxPhraseSegs+2 {
		t.Errorf("second reader: %d hits, want %d", res.Total, maxPhraseSegs+2)
	}
}

// TestOpenDamagedPhraseFile checks that a damaged pair segment gives an
// error naming the file and the way out, not a panic or wrong hits.
func TestOpenDamagedPhraseFile(t *testing.T) {
	dir, gen := rebuiltIndex(t, doc("a", "Lund", textA))
	files, err := phraseFiles(filepath.Join(dir, gen))
	if err != nil || len(files) != 1 {
		t.Fatalf("files %v, err %v; want one pair segment", files, err)
	}
	path := filepath.Join(dir, gen, files[0])
	if err := os.WriteFile(path, []byte("styrdok phrases 1\n\xff"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Open(dir)
	if err == nil || !strings.Contains(err.Error(), files[0]) || !strings.Contains(err.Error(), "--rebuild") {
		t.Errorf("err = %v, want one naming %s and the rebuild", err, files[0])
	}
}

func FuzzDecodePhraseSeg(f *testing.F) {
	f.Add(buildPhraseSeg([]sectionPairs{{id: "a/0", words: 3, pairs: []uint64{1, 2}}, {id: "b/0", words: 2, pairs: []uint64{2}}}).encode())
	f.Add(buildPhraseSeg(nil).encode())
	f.Add([]byte(phraseMagic + "\x01\x01a\x01\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		seg, err := decodePhraseSeg(data)
		if err != nil {
			return
		}
		for _, h := range seg.hashes {
			if m, err := seg.match([]uint64{h}); err == nil {
				for _, p := range m {
					if int(p.ord) >= len(seg.ids) {
						t.Fatalf("ordinal %d of %d sections", p.ord, len(seg.ids))
					}
				}
			}
		}
		if _, err := mergePhraseSegs([]*phraseSeg{seg, seg}, nil); err != nil && !errors.Is(err, errCorrupt) {
			t.Fatalf("merge: %v", err)
		}
	})
}

// TestSortPostings checks the counting sort against a plain stable sort,
// on enough entries to take the counting path, with repeated hashes.
func TestSortPostings(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var in []pairPosting
	for ord := uint32(0); len(in) < 50000; ord++ {
		for k := 0; k < 20; k++ {
			h := rng.Uint64()
			if k%4 == 0 {
				h = uint64(k) << 60 // shared by many sections, one bucket
			}
			in = append(in, pairPosting{hash: h, ord: ord, freq: uint32(k + 1)})
		}
	}
	want := slices.Clone(in)
	slices.SortStableFunc(want, cmpHash)
	if got := sortPostings(slices.Clone(in)); !slices.Equal(got, want) {
		t.Errorf("counting sort differs from a stable sort")
	}
}

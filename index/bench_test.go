package index

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"styrdok/corpus"
)

// benchDocs returns the seed documents n times over, each copy with its
// own ID, and their text size.
func benchDocs(b *testing.B, n int) ([]*corpus.Document, int64) {
	var docs []*corpus.Document
	var size int64
	for i := 0; i < n; i++ {
		for _, d := range seedCorpus(b) {
			c := *d
			c.ID = fmt.Sprintf("%s-%d", d.ID, i)
			docs = append(docs, &c)
			size += int64(len(c.Text))
		}
	}
	return docs, size
}

// BenchmarkRebuild indexes the seeds twenty times over into a new index
// on disk (bleve, the pair index, the final merge).
func BenchmarkRebuild(b *testing.B) {
	docs, size := benchDocs(b, 20)
	b.SetBytes(size)
	for i := 0; i < b.N; i++ {
		if err := Rebuild(filepath.Join(b.TempDir(), "index"), docs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildPhraseSeg builds the pair segment of the seeds' sections.
func BenchmarkBuildPhraseSeg(b *testing.B) {
	docs, size := benchDocs(b, 4)
	var secs []sectionPairs
	for _, d := range docs {
		for _, s := range splitSections(d) {
			_, _, pairs := analyzeSection([]byte(s.text))
			secs = append(secs, sectionPairs{id: s.id, words: len(pairs) + 1, pairs: pairs})
		}
	}
	b.SetBytes(size)
	for i := 0; i < b.N; i++ {
		buildPhraseSeg(secs)
	}
}

// BenchmarkSearch runs word, AND and phrase queries, with facets,
// highlights and KWIC lines, on the seeds twenty times over.
func BenchmarkSearch(b *testing.B) {
	docs, _ := benchDocs(b, 20)
	ix, err := OpenMem()
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Put(docs...); err != nil {
		b.Fatal(err)
	}
	for _, q := range []struct{ name, query string }{
		{"word", "uppföljningen"},
		{"and", "+kommunstyrelsen +ansvarar"},
		{"phrase", `"internationella arbetet"`},
	} {
		b.Run(q.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				res, err := ix.Search(context.Background(), Request{Query: q.query})
				if err != nil {
					b.Fatal(err)
				}
				if res.Total == 0 {
					b.Fatalf("%s: no hits", q.query)
				}
			}
		})
	}
}

// BenchmarkFindMatches highlights two words in the seeds' texts, as a
// hit's fragments are found.
func BenchmarkFindMatches(b *testing.B) {
	docs, size := benchDocs(b, 1)
	var ms []matcher
	for _, q := range []string{"kommunens", "uppföljning"} {
		w := analyzeWords([]byte(q))[0]
		ms = append(ms, termMatcher{plain: string(w.plain), folded: string(w.folded)})
	}
	b.SetBytes(size)
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			findMatches(d.Text, ms)
		}
	}
}

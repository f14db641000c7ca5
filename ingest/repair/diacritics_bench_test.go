package repair

import (
	"testing"

	"styrdok/corpus"
	"styrdok/corpus/sv"
)

// BenchmarkDiacritics measures the diacritics fix alone over a large text
// made of the seeds (OCR-damaged and clean).
func BenchmarkDiacritics(b *testing.B) {
	text := benchText(b, 8<<20)
	lx := sv.Lexicon()
	fixDiacritics(lx, text[:1<<16]) // build the lexicon's fold index outside the timing
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		fixDiacritics(lx, text)
	}
}

// BenchmarkDiacriticsPerDocument repairs each seed as a document of its
// own, so that nothing is shared between documents but the lexicon.
func BenchmarkDiacriticsPerDocument(b *testing.B) {
	seeds, err := corpus.Seeds()
	if err != nil {
		b.Fatal(err)
	}
	lx := sv.Lexicon()
	fixDiacritics(lx, string(seeds[0].Data))
	size := 0
	for _, s := range seeds {
		size += len(s.Data)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range seeds {
			fixDiacritics(lx, string(s.Data))
		}
	}
}

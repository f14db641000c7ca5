package repair

import (
	"testing"

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

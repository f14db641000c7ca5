package repair

import (
	"strings"
	"testing"

	"styrdok/corpus"
)

// benchText builds a large text at run time from the embedded seeds
// (damaged OCR, web transcript and clean text), about size bytes.
func benchText(b *testing.B, size int) string {
	seeds, err := corpus.Seeds()
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < size {
		for _, s := range seeds {
			sb.Write(s.Data)
			sb.WriteString("\n\n")
		}
	}
	return sb.String()
}

// BenchmarkClean measures the whole default chain; the goal is at least
// 10 MB/s per core.
func BenchmarkClean(b *testing.B) {
	text := benchText(b, 8<<20)
	fixes := DefaultFixes()
	Clean(text[:1<<16], fixes) // load the lexicon outside the timing
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Clean(text, fixes)
	}
}

// BenchmarkStructural measures the fixes before diacritics.
func BenchmarkStructural(b *testing.B) {
	text := benchText(b, 8<<20)
	fixes := []Fix{UnicodeFix(), MojibakeFix(), BoilerplateFix(), FurnitureFix(), FootnoteFix(), HyphenationFix()}
	Clean(text[:1<<16], fixes)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Clean(text, fixes)
	}
}

package reports

import (
	"fmt"
	"io"
	"testing"

	"styrdok/corpus"
)

// manyDocs returns n synthetic documents over n/4 municipalities.
func manyDocs(n int) []*corpus.Document {
	docs := make([]*corpus.Document, n)
	for i := range docs {
		d := ekbyDoc()
		d.ID = fmt.Sprintf("%016x", i)
		d.Municipality = fmt.Sprintf("Ort %d", i/4)
		d.Model.Municipality = corpus.Opt(d.Municipality)
		docs[i] = d
	}
	return docs
}

func benchmarkFormat(b *testing.B, n int, format string) {
	docs := manyDocs(n)
	b.ResetTimer()
	for b.Loop() {
		r := Build(docs)
		if format == "" {
			continue
		}
		if err := r.Write(io.Discard, Options{Format: format}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuild1000(b *testing.B)    { benchmarkFormat(b, 1000, "") }
func BenchmarkMarkdown1000(b *testing.B) { benchmarkFormat(b, 1000, FormatMarkdown) }
func BenchmarkHTML1000(b *testing.B)     { benchmarkFormat(b, 1000, FormatHTML) }
func BenchmarkJSON1000(b *testing.B)     { benchmarkFormat(b, 1000, FormatJSON) }
func BenchmarkXLSX1000(b *testing.B)     { benchmarkFormat(b, 1000, FormatXLSX) }

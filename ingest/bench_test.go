package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkRead reads every committed fixture; b.SetBytes makes the MB/s
// column the reader's throughput on input bytes.
func BenchmarkRead(b *testing.B) {
	files, _ := filepath.Glob("testdata/fixtures/*.*")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		name := strings.TrimPrefix(filepath.ToSlash(f), "testdata/fixtures/")
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Read(f, data, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGencorpusPDF reads the PDFs GCPDF (a glob, e.g. a gencorpus
// run's pdf/*.pdf) names and reports pages a second. Skipped without GCPDF.
func BenchmarkGencorpusPDF(b *testing.B) {
	files, _ := filepath.Glob(os.Getenv("GCPDF"))
	if len(files) == 0 {
		b.Skip()
	}
	var datas [][]byte
	total := 0
	for _, f := range files {
		d, _ := os.ReadFile(f)
		datas = append(datas, d)
		total += len(d)
	}
	b.SetBytes(int64(total))
	pages := 0
	for b.Loop() {
		pages = 0
		for i, d := range datas {
			doc, err := Read(files[i], d, Options{})
			if err != nil {
				b.Fatal(err)
			}
			pages += len(doc.Pages)
		}
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

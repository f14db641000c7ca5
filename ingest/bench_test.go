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

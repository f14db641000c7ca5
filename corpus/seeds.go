package corpus

import (
	"embed"
	"fmt"
	"path"
	"strings"
)

//go:embed seeds/*.txt seeds/MANIFEST.tsv
var seedFS embed.FS

// Seed is one document of the embedded default corpus.
type Seed struct {
	Name         string // file name, e.g. 002_4586a6d220f2c6b6.txt
	Municipality string
	Title        string // the manifest's description of the document
	Data         []byte
}

// Seeds returns the embedded seed documents listed in seeds/MANIFEST.tsv,
// in manifest order.
func Seeds() ([]Seed, error) {
	manifest, err := seedFS.ReadFile("seeds/MANIFEST.tsv")
	if err != nil {
		return nil, fmt.Errorf("embedded corpus: %w", err)
	}
	var seeds []Seed
	for i, line := range strings.Split(strings.TrimSpace(string(manifest)), "\n") {
		if i == 0 {
			continue // header
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			return nil, fmt.Errorf("embedded corpus: MANIFEST.tsv line %d: want at least 3 columns", i+1)
		}
		data, err := seedFS.ReadFile(path.Join("seeds", cols[0]))
		if err != nil {
			return nil, fmt.Errorf("embedded corpus: %w", err)
		}
		seeds = append(seeds, Seed{Name: cols[0], Municipality: cols[1], Title: cols[2], Data: data})
	}
	return seeds, nil
}

package ingest

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestGencorpus measures municipality and title detection on a corpus made
// by shared/tools/gencorpus (GENCORPUS=DIR go test ./ingest -run
// TestGencorpus -v); it logs the hit rates and every miss of a
// municipality. Skipped without GENCORPUS.
func TestGencorpus(t *testing.T) {
	dir := os.Getenv("GENCORPUS")
	if dir == "" {
		t.Skip()
	}
	f, _ := os.Open(filepath.Join(dir, "manifest.jsonl"))
	sc := bufio.NewScanner(f)
	type rec struct {
		Kommun, Title, Txt, Pdf, Html, Variant string
		Pages                                  int
	}
	n, okM, okT := map[string]int{}, map[string]int{}, map[string]int{}
	var wFound, wTotal, swFound, swTotal int
	for sc.Scan() {
		var r rec
		json.Unmarshal(sc.Bytes(), &r)
		for kind, p := range map[string]string{"txt": r.Txt, "pdf": r.Pdf, "html": r.Html} {
			if p == "" {
				continue
			}
			k := kind + "/" + r.Variant
			d, err := ReadFile(filepath.Join(dir, p), Options{})
			n[k]++
			if err != nil {
				t.Logf("%s: %v", p, err)
				continue
			}
			if d.Municipality == r.Kommun {
				okM[k]++
			} else {
				t.Logf("%s: municipality %q want %q", p, d.Municipality, r.Kommun)
			}
			if d.Title == r.Title {
				okT[k]++
			} else if os.Getenv("SHOWT") != "" {
				t.Logf("%s: title %q want %q", p, d.Title, r.Title)
			}
			if kind == "pdf" && r.Variant == "clean" {
				src, _ := os.ReadFile(filepath.Join(dir, r.Txt))
				f, n := survival(string(src), d.Raw)
				swFound += f
				swTotal += n
				f, n = wordRecall(string(src), d.Raw)
				wFound += f
				wTotal += n
			}
			if kind == "pdf" && len(d.Pages) != r.Pages && os.Getenv("SHOWP") != "" {
				t.Logf("%s: %d pages want %d", p, len(d.Pages), r.Pages)
			}
		}
	}
	if wTotal > 0 {
		t.Logf("clean PDFs: words %d/%d (%.2f%%), å/ä/ö words %d/%d (%.2f%%)",
			wFound, wTotal, 100*float64(wFound)/float64(wTotal), swFound, swTotal, 100*float64(swFound)/float64(swTotal))
	}
	for k := range n {
		t.Logf("%s: municipality %d/%d title %d/%d", k, okM[k], n[k], okT[k], n[k])
	}
}

package ingest

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMutate is a crash and hang hunter next to the fuzz targets (whose
// minimisation of large seeds is slow): it mutates the files that the glob
// in STRESS names (from the package directory, e.g. 'testdata/fixtures/*.pdf')
// for STRESS_SECS seconds (default 60), reads each mutant and logs the
// number read, recovered crashes (the mutant goes to /tmp/crash.EXT), the
// slowest read (the mutant goes to /tmp/worst.EXT) and the common errors.
// Skipped without STRESS.
func TestMutate(t *testing.T) {
	if os.Getenv("STRESS") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(os.Getenv("STRESS"))
	var srcs [][]byte
	for _, f := range files {
		b, _ := os.ReadFile(f)
		srcs = append(srcs, b)
	}
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	deadline := time.Now().Add(time.Duration(envInt("STRESS_SECS", 60)) * time.Second)
	n, crashes := 0, 0
	var worst time.Duration
	errs := map[string]int{}
	for time.Now().Before(deadline) {
		b := append([]byte{}, srcs[r.Intn(len(srcs))]...)
		for j := 0; j < 1+r.Intn(6); j++ {
			switch r.Intn(4) {
			case 0:
				b[r.Intn(len(b))] = byte(r.Intn(256))
			case 1:
				i := r.Intn(len(b))
				k := min(len(b), i+r.Intn(200))
				b = append(b[:i:i], b[k:]...)
			case 2:
				i := r.Intn(len(b))
				k := min(len(b), i+r.Intn(200))
				j2 := r.Intn(len(b))
				b = append(b[:j2:j2], append(append([]byte{}, b[i:k]...), b[j2:]...)...)
			case 3:
				b[r.Intn(len(b))] = "0123456789 ()<>[]/\n"[r.Intn(19)]
			}
			if len(b) < 10 {
				break
			}
		}
		start := time.Now()
		_, err := Read("x"+filepath.Ext(files[0]), b, Options{})
		d := time.Since(start)
		n++
		if d > worst {
			worst = d
			os.WriteFile("/tmp/worst"+filepath.Ext(files[0]), b, 0o644)
		}
		if err != nil {
			m := err.Error()
			if strings.Contains(m, "crashed") {
				crashes++
				os.WriteFile("/tmp/crash"+filepath.Ext(files[0]), b, 0o644)
				t.Log(m)
			}
			if i := strings.Index(m, ":"); i >= 0 {
				m = m[i+1:]
			}
			if len(m) > 60 {
				m = m[:60]
			}
			errs[m]++
		}
	}
	t.Logf("%d inputs, %d crashes, worst %v", n, crashes, worst)
	for m, c := range errs {
		if c > n/50 {
			t.Logf("%5d %s", c, m)
		}
	}
}

func envInt(k string, d int) int {
	var n int
	if _, err := fmt.Sscan(os.Getenv(k), &n); err != nil {
		return d
	}
	return n
}

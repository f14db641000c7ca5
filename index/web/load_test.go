package web

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"styrdok/corpus"
	"styrdok/index"
)

// BenchmarkServeLoad is a load test, not a timed test: 16 clients search
// through the web interface at once for a while, and it reports
// throughput, p50 and p99 latency and the number of failed requests.
//
//	STYRDOK_LOAD_CORPUS   a corpus directory with its index (a batch run's
//	                      OUTDIR/corpus), or an index directory alone
//	                      (styrdok bench --keep; then n counts sections);
//	                      the seed corpus when unset
//	STYRDOK_LOAD_QUERIES  queries, one "type<TAB>text" a line (e.g.
//	                      shared/data/bench/queries.tsv); a few words when unset
//	STYRDOK_LOAD_SECONDS  how long to run (default 5)
//	STYRDOK_LOAD_CLIENTS  concurrent clients (default 16)
//
// Run it once: go test ./index/web -run '^$' -bench ServeLoad -benchtime 1x
func BenchmarkServeLoad(b *testing.B) {
	h, docs := loadHandler(b)
	ts := httptest.NewServer(h)
	defer ts.Close()
	queries := loadQueries(b)
	seconds := envInt("STYRDOK_LOAD_SECONDS", 5)
	clients := envInt("STYRDOK_LOAD_CLIENTS", 16)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}, Timeout: 30 * time.Second}

	b.ResetTimer()
	for range b.N {
		var mu sync.Mutex
		var lat []time.Duration
		errs := 0
		var firstErr string
		deadline := time.Now().Add(time.Duration(seconds) * time.Second)
		var wg sync.WaitGroup
		for c := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := c; time.Now().Before(deadline); i += clients {
					q := queries[i%len(queries)]
					start := time.Now()
					resp, err := client.Get(ts.URL + "/?q=" + url.QueryEscape(q))
					ok := err == nil && resp.StatusCode == http.StatusOK
					if err == nil {
						io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
					}
					d := time.Since(start)
					mu.Lock()
					lat = append(lat, d)
					if !ok {
						errs++
						if firstErr == "" {
							if err != nil {
								firstErr = err.Error()
							} else {
								firstErr = fmt.Sprintf("%q: status %d", q, resp.StatusCode)
							}
						}
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
		b.ReportMetric(float64(len(lat))/float64(seconds), "req/s")
		b.ReportMetric(float64(pct(0.50).Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(pct(0.99).Microseconds())/1000, "p99-ms")
		b.ReportMetric(float64(errs), "errors")
		b.Logf("%d documents (or sections), %d clients, %d s: %d requests, %.1f req/s, p50 %v, p99 %v, %d errors %s",
			docs, clients, seconds, len(lat), float64(len(lat))/float64(seconds), pct(0.5), pct(0.99), errs, firstErr)
	}
}

func envInt(key string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(key)); err == nil && n > 0 {
		return n
	}
	return def
}

// loadHandler serves STYRDOK_LOAD_CORPUS, or the seeds in memory.
func loadHandler(b *testing.B) (http.Handler, int) {
	dir := os.Getenv("STYRDOK_LOAD_CORPUS")
	var ix *index.Index
	var lib Library
	n := 0
	if dir == "" {
		docs := testDocs(b)
		var err error
		if ix, err = index.OpenMem(); err != nil {
			b.Fatal(err)
		}
		if err := ix.Put(docs...); err != nil {
			b.Fatal(err)
		}
		lib, n = memLib(docs), len(docs)
	} else if index.Exists(dir) {
		// An index alone (styrdok bench --keep): search works, document
		// pages do not.
		var err error
		if ix, err = index.Open(dir); err != nil {
			b.Fatal(err)
		}
		lib = memLib(nil)
		if c, err := ix.DocCount(); err == nil {
			n = int(c)
		}
	} else {
		var err error
		if ix, err = index.Open(filepath.Join(dir, "index")); err != nil {
			b.Fatal(err)
		}
		st, err := corpus.OpenStore(dir)
		if err != nil {
			b.Fatal(err)
		}
		lib = st
		ents, _ := os.ReadDir(filepath.Join(dir, "docs"))
		n = len(ents)
	}
	b.Cleanup(func() { ix.Close() })
	s, err := New(Options{Index: ix, Library: lib, Source: "load test"})
	if err != nil {
		b.Fatal(err)
	}
	return s, n
}

// loadQueries reads STYRDOK_LOAD_QUERIES or returns a few words.
func loadQueries(b *testing.B) []string {
	path := os.Getenv("STYRDOK_LOAD_QUERIES")
	if path == "" {
		return []string{"samverkan", "kommunstyrelsen", `"hållbar utveckling"`, "mål uppföljning", "internation*",
			"näringsliv", "+kommunfullmäktige +antagen", "vänort", "EU-projekt", "omvärldsbevakning"}
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		typ, q, ok := strings.Cut(sc.Text(), "\t")
		if !ok || typ == "type" {
			continue
		}
		switch typ {
		case "phrase":
			if !strings.HasPrefix(q, `"`) {
				q = `"` + q + `"`
			}
		case "and":
			if !strings.Contains(q, "+") {
				q = "+" + strings.Join(strings.Fields(q), " +")
			}
		}
		qs = append(qs, q)
	}
	if len(qs) == 0 {
		b.Fatalf("%s: no queries", path)
	}
	return qs
}

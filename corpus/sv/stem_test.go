package sv

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// vocabPair matches one {"in", "out"} case of snowball's vocabulary test.
var vocabPair = regexp.MustCompile(`\{"([^"]*)", "([^"]*)"\}`)

// snowballVocab reads the Swedish vocabulary test data that the
// kljensen/snowball module ships (swedish_vocab/vocab_test.go, ~30 000
// words with their Snowball stems) from the module cache.
func snowballVocab(t *testing.T) [][2]string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/kljensen/snowball").Output()
	if err != nil {
		t.Skipf("snowball module directory not found (go list: %v); the committed sample is tested instead", err)
	}
	path := filepath.Join(strings.TrimSpace(string(out)), "swedish_vocab", "vocab_test.go")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("snowball Swedish vocabulary not in the module cache: %v", err)
	}
	var pairs [][2]string
	for _, m := range vocabPair.FindAllStringSubmatch(string(data), -1) {
		pairs = append(pairs, [2]string{m[1], m[2]})
	}
	if len(pairs) < 1000 {
		t.Fatalf("%s: only %d vocabulary pairs found", path, len(pairs))
	}
	return pairs
}

func TestStemSnowballVocabulary(t *testing.T) {
	pairs := snowballVocab(t)
	var c StemCache
	bad := 0
	for _, p := range pairs {
		if got := Stem(p[0]); got != p[1] {
			bad++
			if bad <= 10 {
				t.Errorf("Stem(%q) = %q, want %q", p[0], got, p[1])
			}
		}
		if got := c.Stem(p[0]); got != p[1] {
			t.Fatalf("StemCache.Stem(%q) = %q, want %q", p[0], got, p[1])
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d words stemmed wrongly", bad, len(pairs))
	}
	t.Logf("%d words checked", len(pairs))
}

// TestStemSample checks the committed sample of the vocabulary, so the
// stemmer is tested even where the module cache is not at hand.
func TestStemSample(t *testing.T) {
	f, err := os.Open("testdata/swedish_vocab_sample.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		in, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad sample line %q", line)
		}
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
		n++
	}
	if n < 500 {
		t.Fatalf("only %d sample words", n)
	}
}

func TestStopWords(t *testing.T) {
	words := StopWords()
	if len(words) != 114 {
		t.Errorf("%d stop words, want the 114 of the Snowball list", len(words))
	}
	for _, w := range []string{"och", "för", "på", "är", "över", "vilkas"} {
		if !IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = false", w)
		}
	}
	for _, w := range []string{"kommun", "strategi", "", "|"} {
		if IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = true", w)
		}
	}
}

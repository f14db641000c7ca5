package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"styrdok/analyze"
	"styrdok/corpus"
	"styrdok/ingest"
	"styrdok/ingest/repair"
)

// process runs the pipeline on one input's bytes: read, repair, analyze.
// Municipality and title that the caller did not give are detected on the
// repaired text, where damaged letters no longer hide them; analyze chooses
// the title first (it knows the document's parts) and the reader's guess is
// the fallback.
func process(name string, data []byte, opts ingest.Options) (*corpus.Document, error) {
	d, err := ingest.Read(name, data, opts)
	if err != nil {
		return nil, err
	}
	repair.Repair(d)
	if opts.Municipality == "" {
		if m := ingest.DetectMunicipality(d.Text); m != "" {
			d.Municipality = m
		}
	}
	readerTitle := d.Title
	if opts.Title == "" {
		d.Title = ""
	}
	analyze.Analyze(d)
	if d.Title == "" {
		// Repair may have set a running title apart as page furniture; the
		// reader saw it in the text as read.
		d.Title = firstNonEmpty(ingest.DetectTitle(d.Text), readerTitle)
		if d.Model != nil && d.Model.Title == "" {
			d.Model.Title = corpus.Opt(d.Title)
		}
	}
	return d, nil
}

// processFile runs the pipeline on a file, or on standard input for "-".
func processFile(path string, stdin io.Reader, opts ingest.Options) (*corpus.Document, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(stdin)
		path = "stdin"
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	return process(path, data, opts)
}

func defaultCorpusHint() string {
	return corpus.DefaultDir() + ", else the embedded seeds"
}

// corpusSource says where loadCorpus found its documents.
type corpusSource struct {
	Dir      string // store directory; empty for the embedded seeds
	Embedded bool
}

func (s corpusSource) String() string {
	if s.Embedded {
		return "embedded seed corpus"
	}
	return s.Dir
}

// resolveCorpus decides which corpus a reading command uses: --corpus if
// given, else the default store if it has documents, else the embedded seeds.
func resolveCorpus(g *globalOptions) corpusSource {
	if g.Corpus != "" {
		return corpusSource{Dir: g.Corpus}
	}
	if dir := corpus.DefaultDir(); corpus.Exists(dir) {
		return corpusSource{Dir: dir}
	}
	return corpusSource{Embedded: true}
}

// loadCorpus returns the documents of the corpus a reading command uses.
func loadCorpus(g *globalOptions) ([]*corpus.Document, corpusSource, error) {
	src := resolveCorpus(g)
	if src.Embedded {
		docs, err := seedDocuments()
		return docs, src, err
	}
	if _, err := os.Stat(filepath.Join(src.Dir, "docs")); err != nil {
		return nil, src, fmt.Errorf("corpus %s: no store here (run styrdok ingest --corpus %s FILES first)", src.Dir, src.Dir)
	}
	st, err := corpus.OpenStore(src.Dir)
	if err != nil {
		return nil, src, err
	}
	docs, err := st.List()
	if err != nil {
		if len(docs) == 0 {
			return nil, src, err
		}
		if !g.Quiet {
			fmt.Fprintln(g.Stderr, "styrdok: warning:", err)
		}
	}
	return docs, src, nil
}

// seedDocuments runs the pipeline over the embedded seed documents.
func seedDocuments() ([]*corpus.Document, error) {
	seeds, err := corpus.Seeds()
	if err != nil {
		return nil, err
	}
	docs := make([]*corpus.Document, 0, len(seeds))
	for _, s := range seeds {
		d, err := process(s.Name, s.Data, ingest.Options{Municipality: s.Municipality})
		if err != nil {
			return nil, fmt.Errorf("embedded %s: %w", s.Name, err)
		}
		docs = append(docs, d)
	}
	corpus.SortDocuments(docs)
	return docs, nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

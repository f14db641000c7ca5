package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"styrdok/corpus"
	"styrdok/index"
)

// indexDirName is the index's directory inside a corpus directory.
const indexDirName = "index"

// searchIndexDir returns where the search index of the corpus in
// corpusDir lives.
func searchIndexDir(corpusDir string) string {
	return filepath.Join(corpusDir, indexDirName)
}

// updateIndex brings the search index in dir up to date after an ingest:
// stored documents are added or replaced and replaced IDs removed. When
// there is no index yet, or it was built with another analyzer version,
// it is rebuilt from the whole store instead.
func updateIndex(g *globalOptions, dir string, stored []*corpus.Document, replaced []string) error {
	idxDir := searchIndexDir(dir)
	ix, err := index.Open(idxDir)
	switch {
	case errors.Is(err, index.ErrNoIndex) || errors.Is(err, index.ErrStale):
		if len(stored) == 0 && len(replaced) == 0 && errors.Is(err, index.ErrNoIndex) && !corpus.Exists(dir) {
			return nil
		}
		if errors.Is(err, index.ErrStale) && !g.Quiet {
			fmt.Fprintf(g.Stderr, "styrdok: %v; rebuilding it\n", err)
		}
		_, err := rebuildIndex(g, dir)
		return err
	case err != nil:
		return err
	}
	defer ix.Close()
	if err := ix.Update(stored, replaced); err != nil {
		return fmt.Errorf("update index: %w", err)
	}
	return nil
}

// rebuildIndex indexes every document of the store in dir into a new index
// that replaces the old one atomically. Documents are read one at a time,
// so a large corpus is not held in memory. It returns how many documents
// were indexed.
func rebuildIndex(g *globalOptions, dir string) (int, error) {
	st, err := corpus.OpenStore(dir)
	if err != nil {
		return 0, err
	}
	ids, err := storedIDs(dir)
	if err != nil {
		return 0, err
	}
	i, n := 0, 0
	next := func() (*corpus.Document, error) {
		for i < len(ids) {
			id := ids[i]
			i++
			d, err := st.Get(id)
			if err != nil {
				// An unreadable file is reported and left out, not fatal.
				if !g.Quiet {
					fmt.Fprintln(g.Stderr, "styrdok: index: skipped:", err)
				}
				continue
			}
			n++
			return d, nil
		}
		return nil, nil
	}
	if err := index.RebuildFunc(searchIndexDir(dir), next, nil); err != nil {
		return n, err
	}
	return n, nil
}

// storedIDs lists the IDs of the documents in the store in dir.
func storedIDs(dir string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(dir, "docs"))
	if err != nil {
		return nil, fmt.Errorf("corpus %s: %w", dir, err)
	}
	var ids []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, ".json") && !strings.HasPrefix(name, ".") {
			ids = append(ids, strings.TrimSuffix(name, ".json"))
		}
	}
	sort.Strings(ids)
	return ids, nil
}

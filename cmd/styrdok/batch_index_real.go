package main

import (
	"styrdok/index"
)

// batchIndexDir is where the search index of a corpus directory lives: the
// same place `styrdok ingest` keeps it (index_update.go).
func batchIndexDir(corpusDir string) string { return searchIndexDir(corpusDir) }

// realIndexOpener reaches the index package's on-disk index.
func realIndexOpener() indexOpener {
	return indexOpener{
		open: func(corpusDir string) (searchIndex, error) {
			ix, err := index.Open(batchIndexDir(corpusDir))
			if err != nil {
				return nil, err
			}
			return ix, nil
		},
		create: func(corpusDir string) error {
			return index.Rebuild(batchIndexDir(corpusDir), nil, nil)
		},
		where: batchIndexDir,
	}
}

var _ searchIndex = (*index.Index)(nil)

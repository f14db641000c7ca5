// Package analyze splits a cleaned document into labelled sections and
// extracts its structured model.
package analyze

import (
	"path/filepath"

	"styrdok/corpus"
)

// Analyze sets d.Sections, d.Model and d.Type from d.Text.
func Analyze(d *corpus.Document) {
	m := corpus.NewModel(filepath.Base(d.Source))
	m.Municipality = corpus.Opt(d.Municipality)
	d.Model = m
}

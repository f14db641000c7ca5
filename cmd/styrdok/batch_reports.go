package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"styrdok/corpus"
	"styrdok/reports"
)

// batchReportName is the base name of the comparison files in OUTDIR.
const batchReportName = "compare"

// batchReportPaths returns OUTDIR/compare.<format> for every report format.
func batchReportPaths(out string) []string {
	var paths []string
	for _, f := range reports.Formats() {
		paths = append(paths, filepath.Join(out, batchReportName+"."+f))
	}
	return paths
}

// batchReportStamp records which stored documents the comparison files
// were made from, so a run that changed nothing need not write them again
// and a run killed before writing them has them written by the next.
const batchReportStamp = ".compare.stamp"

// storeStamp identifies the set of stored documents (IDs are content
// hashes).
func storeStamp(st *corpus.Store) (string, error) {
	entries, err := scanStore(st.Dir)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, e := range entries {
		fmt.Fprintln(h, e.ID)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// reportsCurrent reports whether every comparison file exists and was made
// from the documents now stored.
func reportsCurrent(st *corpus.Store, out string) bool {
	for _, p := range batchReportPaths(out) {
		if _, err := os.Stat(p); err != nil {
			return false
		}
	}
	stamp, err := storeStamp(st)
	if err != nil {
		return false
	}
	b, err := os.ReadFile(filepath.Join(out, batchReportStamp))
	return err == nil && string(b) == stamp
}

// writeBatchReports writes the comparison of every stored document into out
// as compare.{md,csv,json,xlsx,html} (the CSV holds the overview table),
// each file written atomically, and returns the paths written.
func writeBatchReports(ctx context.Context, st *corpus.Store, out string) ([]string, error) {
	docs, err := st.List()
	var le *corpus.ListError
	if err != nil && !errors.As(err, &le) {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r := reports.Build(docs)
	var written []string
	for i, f := range reports.Formats() {
		var buf bytes.Buffer
		if err := r.Write(&buf, reports.Options{Format: f, Source: st.Dir}); err != nil {
			return written, fmt.Errorf("compare.%s: %w", f, err)
		}
		path := batchReportPaths(out)[i]
		if err := corpus.WriteFileAtomic(path, buf.Bytes()); err != nil {
			return written, fmt.Errorf("compare.%s: %w", f, err)
		}
		written = append(written, path)
	}
	stamp, err := storeStamp(st)
	if err != nil {
		return written, err
	}
	if err := corpus.WriteFileAtomic(filepath.Join(out, batchReportStamp), []byte(stamp)); err != nil {
		return written, fmt.Errorf("compare: %w", err)
	}
	return written, nil
}

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"styrdok/corpus"
)

// searchIndex is what batch needs from the search index.
type searchIndex interface {
	// Update deletes the documents del, then adds or replaces docs (by
	// ID), as one atomic change.
	Update(docs []*corpus.Document, del []string) error
	Close() error
}

// indexOpener reaches the index of the store in corpusDir; where it lives
// on disk is the index package's business.
type indexOpener struct {
	// open opens the index; it fails when there is none or when it cannot
	// be used (damaged, or built by another analyzer version).
	open func(corpusDir string) (searchIndex, error)
	// create replaces whatever index there is with an empty one.
	create func(corpusDir string) error
	// where says where the index is, for messages.
	where func(corpusDir string) string
}

// defaultIndexOpener is replaced in tests.
var defaultIndexOpener = realIndexOpener()

// indexJournal is OUTDIR/index.journal.json: the IDs the index is known to
// hold, written (atomically) after every committed index batch. A run that
// was killed leaves it behind the index at worst, never ahead, so the next
// run re-puts what it does not list (an idempotent upsert by ID) and
// deletes what it lists but the store lacks.
type indexJournal struct {
	Version int      `json:"version"`
	Indexed []string `json:"indexed"`
}

const indexJournalVersion = 1

// batchIndexer keeps the search index in step with the store during a run,
// in batches, recording each committed batch in the journal.
type batchIndexer struct {
	st         *corpus.Store
	opener     indexOpener
	ix         searchIndex
	journal    string
	indexed    map[string]bool
	docs       []*corpus.Document
	dels       []string
	bytes      int // text bytes of docs
	flushEvery int // documents
	flushBytes int // text bytes

	// A write to the index runs in the background while the next queue
	// fills; indexed and the journal are only touched by it meanwhile.
	writing  chan struct{} // closed when the write is done; nil if none
	writeErr error
}

func openBatchIndexer(st *corpus.Store, out string, flushEvery, flushBytes int) (*batchIndexer, error) {
	b := &batchIndexer{
		st: st, opener: defaultIndexOpener, journal: filepath.Join(out, batchJournalName),
		indexed: map[string]bool{}, flushEvery: flushEvery, flushBytes: flushBytes,
	}
	ix, err := b.opener.open(st.Dir)
	if err != nil {
		// No index yet, a damaged one or one of another analyzer version:
		// start from an empty one and fill it from the store, the truth.
		if err := b.opener.create(st.Dir); err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
		if err := os.Remove(b.journal); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("index journal: %w", err)
		}
		if ix, err = b.opener.open(st.Dir); err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
	}
	b.ix = ix
	return b, nil
}

// Sync makes the index hold exactly the stored documents. Index updates
// are atomic and the journal is written after each, so after a crash the
// index holds at most the journal's IDs plus documents that are still in
// the store: deleting what the journal lists but the store lacks and
// putting (an idempotent replace) what the store has but the journal does
// not list restores index == store. Without a journal the index is built
// again from the store. Sync returns how many documents it put.
func (b *batchIndexer) Sync(ctx context.Context, entries []storeEntry) (int, error) {
	inStore := make(map[string]bool, len(entries))
	for _, e := range entries {
		inStore[e.ID] = true
	}
	if err := b.readJournal(); err != nil {
		if err := b.rebuild(); err != nil {
			return 0, err
		}
	}
	var dels []string
	for id := range b.indexed {
		if !inStore[id] {
			dels = append(dels, id)
		}
	}
	sort.Strings(dels)
	if err := b.Add(nil, dels); err != nil {
		return 0, err
	}
	n, err := b.putMissing(ctx, entries)
	if err != nil {
		return n, err
	}
	return n, b.Flush()
}

// putMissing indexes the stored documents the journal does not list.
func (b *batchIndexer) putMissing(ctx context.Context, entries []storeEntry) (int, error) {
	n := 0
	for _, e := range entries {
		if b.indexed[e.ID] {
			continue
		}
		if err := ctx.Err(); err != nil {
			return n, err
		}
		d, err := b.st.Get(e.ID)
		if errors.Is(err, corpus.ErrNotFound) {
			continue
		}
		if err != nil {
			return n, err
		}
		if err := b.Add(d, nil); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// rebuild replaces the index with an empty one and empties the journal.
func (b *batchIndexer) rebuild() error {
	if err := b.wait(); err != nil {
		return err
	}
	b.docs, b.dels, b.bytes = nil, nil, 0
	if err := b.ix.Close(); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	if err := b.opener.create(b.st.Dir); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	ix, err := b.opener.open(b.st.Dir)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	b.ix = ix
	b.indexed = map[string]bool{}
	return b.writeJournal()
}

// Add queues a document to put (d may be nil) and IDs to delete. When the
// queue is long enough it is written to the index in the background while
// the workers go on; a second full queue waits for that write.
func (b *batchIndexer) Add(d *corpus.Document, deletes []string) error {
	if d != nil {
		b.docs = append(b.docs, d)
		b.bytes += len(d.Text)
	}
	b.dels = append(b.dels, deletes...)
	if len(b.docs)+len(b.dels) >= b.flushEvery || b.bytes >= b.flushBytes {
		return b.startWrite()
	}
	return nil
}

// Flush writes the queued changes to the index and the journal and waits
// until they are written.
func (b *batchIndexer) Flush() error {
	if err := b.startWrite(); err != nil {
		return err
	}
	return b.wait()
}

// startWrite waits for the write in progress, then writes the queue in the
// background.
func (b *batchIndexer) startWrite() error {
	if err := b.wait(); err != nil {
		return err
	}
	if len(b.docs) == 0 && len(b.dels) == 0 {
		return nil
	}
	docs, dels := b.docs, b.dels
	b.docs, b.dels, b.bytes = nil, nil, 0
	done := make(chan struct{})
	b.writing = done
	go func() {
		defer close(done)
		b.writeErr = b.write(docs, dels)
	}()
	return nil
}

// wait waits for the write in progress and returns its error.
func (b *batchIndexer) wait() error {
	if b.writing != nil {
		<-b.writing
		b.writing = nil
	}
	err := b.writeErr
	b.writeErr = nil
	return err
}

// write puts docs and deletes dels in one index update, then records the
// change in the journal.
func (b *batchIndexer) write(docs []*corpus.Document, del []string) error {
	// A replaced ID that came back (the same bytes again) must stay.
	keep := map[string]bool{}
	for _, d := range docs {
		keep[d.ID] = true
	}
	var dels []string
	for _, id := range del {
		if !keep[id] {
			dels = append(dels, id)
		}
	}
	if err := b.ix.Update(docs, dels); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	for _, id := range dels {
		delete(b.indexed, id)
	}
	for _, d := range docs {
		b.indexed[d.ID] = true
	}
	return b.writeJournal()
}

// Count is the number of documents the journal says the index holds.
func (b *batchIndexer) Count() int { return len(b.indexed) }

// Describe says where the index is.
func (b *batchIndexer) Describe() string { return b.opener.where(b.st.Dir) }

// Close flushes and closes the index.
func (b *batchIndexer) Close() error {
	err := b.Flush()
	if cerr := b.ix.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("index: %w", cerr)
	}
	return err
}

func (b *batchIndexer) readJournal() error {
	data, err := os.ReadFile(b.journal)
	if err != nil {
		return err
	}
	var j indexJournal
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	if j.Version != indexJournalVersion {
		return fmt.Errorf("journal version %d", j.Version)
	}
	b.indexed = make(map[string]bool, len(j.Indexed))
	for _, id := range j.Indexed {
		b.indexed[id] = true
	}
	return nil
}

func (b *batchIndexer) writeJournal() error {
	j := indexJournal{Version: indexJournalVersion, Indexed: make([]string, 0, len(b.indexed))}
	for id := range b.indexed {
		j.Indexed = append(j.Indexed, id)
	}
	sort.Strings(j.Indexed)
	data, err := json.Marshal(j)
	if err != nil {
		return err
	}
	if err := corpus.WriteFileAtomic(b.journal, data); err != nil {
		return fmt.Errorf("index journal: %w", err)
	}
	return nil
}

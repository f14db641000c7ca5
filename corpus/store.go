package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// ErrNotFound is returned when no document matches a reference.
var ErrNotFound = errors.New("no such document")

// Store is a corpus on disk: a directory with one JSON file per document
// under docs/. Every write goes to a temporary file that is renamed into
// place, so a crash never leaves a half-written document. A Store is safe
// for concurrent use within one process.
//
// Each file begins with the document's Summary, so Summaries lists a large
// corpus by reading the first bytes of each file; List and Get decode whole
// documents. Callers that only show or filter a list should use Summaries.
type Store struct {
	Dir     string
	mu      sync.Mutex
	sources map[string]string // source path -> document ID, loaded on first Put
}

// PutResult says what Put did.
type PutResult struct {
	Unchanged bool   // a document with the same ID was already stored
	Replaced  string // ID of an older version from the same source that was removed
}

// DefaultDir returns the default corpus directory: $STYRDOK_CORPUS if set,
// else styrdok under $XDG_DATA_HOME or ~/.local/share.
func DefaultDir() string {
	if d := os.Getenv("STYRDOK_CORPUS"); d != "" {
		return d
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "styrdok")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "styrdok")
	}
	return filepath.Join(os.TempDir(), "styrdok")
}

// OpenStore opens (creating if needed) the store in dir.
func OpenStore(dir string) (*Store, error) {
	if err := os.MkdirAll(filepath.Join(dir, "docs"), 0o755); err != nil {
		return nil, fmt.Errorf("open corpus %s: %w", dir, err)
	}
	return &Store{Dir: dir}, nil
}

// Exists reports whether dir holds a store with at least one document.
func Exists(dir string) bool {
	entries, err := os.ReadDir(filepath.Join(dir, "docs"))
	if err != nil {
		return false
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".json") {
			return true
		}
	}
	return false
}

func (s *Store) path(id string) string {
	return filepath.Join(s.Dir, "docs", id+".json")
}

func validID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// Put stores d. Storing a document whose ID is already present is a no-op
// (the same bytes were ingested before) unless replace is true. An older
// document from the same Source path with another ID is removed, so a changed
// file replaces its previous version.
func (s *Store) Put(d *Document, replace bool) (PutResult, error) {
	var res PutResult
	if !validID(d.ID) {
		return res, fmt.Errorf("store %s: invalid document id %q", d.Source, d.ID)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := os.Stat(s.path(d.ID)); err == nil && !replace {
		res.Unchanged = true
		return res, nil
	}
	if err := s.loadSourcesLocked(); err != nil {
		return res, err
	}
	if old, ok := s.sources[d.Source]; ok && d.Source != "" && old != d.ID {
		res.Replaced = old
	}
	data, err := encodeDocument(d)
	if err != nil {
		return res, fmt.Errorf("store %s: encode: %w", d.Source, err)
	}
	if err := WriteFileAtomic(s.path(d.ID), data); err != nil {
		return res, fmt.Errorf("store %s: %w", d.Source, err)
	}
	if res.Replaced != "" {
		if err := os.Remove(s.path(res.Replaced)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return res, fmt.Errorf("store %s: remove old version %s: %w", d.Source, res.Replaced, err)
		}
	}
	if d.Source != "" {
		s.sources[d.Source] = d.ID
	}
	return res, nil
}

// IDForSource returns the ID of the stored document read from source, if any.
func (s *Store) IDForSource(source string) (string, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.loadSourcesLocked(); err != nil {
		return "", false, err
	}
	id, ok := s.sources[source]
	return id, ok, nil
}

// loadSourcesLocked builds the source -> ID map on first use.
func (s *Store) loadSourcesLocked() error {
	if s.sources != nil {
		return nil
	}
	// Only the summary at the head of each file is read: a large corpus
	// is not decoded to learn the sources.
	ids, err := s.storedIDs()
	if err != nil {
		return err
	}
	s.sources = make(map[string]string, len(ids))
	for _, id := range ids {
		sum, err := s.readSummary(id)
		if err != nil {
			continue // List reports unreadable files
		}
		if sum.Source != "" {
			s.sources[sum.Source] = sum.ID
		}
	}
	return nil
}

// Get returns the document with the given ID.
func (s *Store) Get(id string) (*Document, error) {
	if !validID(id) {
		return nil, fmt.Errorf("%q: %w", id, ErrNotFound)
	}
	data, err := os.ReadFile(s.path(id))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read document %s: %w", id, err)
	}
	var d Document
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("read document %s: %w", id, err)
	}
	return &d, nil
}

// Delete removes the document with the given ID.
func (s *Store) Delete(id string) error {
	if !validID(id) {
		return fmt.Errorf("%q: %w", id, ErrNotFound)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	err := os.Remove(s.path(id))
	for src, sid := range s.sources {
		if sid == id {
			delete(s.sources, src)
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", id, ErrNotFound)
	}
	return err
}

// List returns every stored document, ordered by municipality, then title,
// then ID. Files that cannot be read are skipped and reported in the error,
// which is then an *ListError; the readable documents are still returned.
func (s *Store) List() ([]*Document, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.listLocked()
}

// ListError reports store files that could not be read.
type ListError struct{ Bad []error }

func (e *ListError) Error() string {
	msgs := make([]string, len(e.Bad))
	for i, err := range e.Bad {
		msgs[i] = err.Error()
	}
	return strings.Join(msgs, "; ")
}

// storedIDs returns the IDs of the documents in the store's directory, in
// directory order (temporary and hidden files are not documents).
func (s *Store) storedIDs() ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(s.Dir, "docs"))
	if err != nil {
		return nil, fmt.Errorf("list corpus %s: %w", s.Dir, err)
	}
	ids := make([]string, 0, len(entries))
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, ".json") && !strings.HasPrefix(name, ".") {
			ids = append(ids, strings.TrimSuffix(name, ".json"))
		}
	}
	return ids, nil
}

func (s *Store) listLocked() ([]*Document, error) {
	ids, err := s.storedIDs()
	if err != nil {
		return nil, err
	}
	docs, bad := readEach(ids, s.Get, false)
	SortDocuments(docs)
	if len(bad) > 0 {
		return docs, &ListError{Bad: bad}
	}
	return docs, nil
}

// readEach reads the stored file of each ID with read and returns what it
// read and the errors of the files it could not read; with skipGone a
// file deleted since its ID was listed is left out without an error.
func readEach[T any](ids []string, read func(id string) (T, error), skipGone bool) ([]T, []error) {
	out := make([]T, 0, len(ids))
	var bad []error
	for _, id := range ids {
		v, err := read(id)
		if err != nil {
			if !(skipGone && errors.Is(err, os.ErrNotExist)) {
				bad = append(bad, err)
			}
			continue
		}
		out = append(out, v)
	}
	return out, bad
}

// SortDocuments orders documents by municipality, title and ID.
func SortDocuments(docs []*Document) {
	sort.SliceStable(docs, func(i, j int) bool {
		a, b := docs[i], docs[j]
		if a.Municipality != b.Municipality {
			return a.Municipality < b.Municipality
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.ID < b.ID
	})
}

// Find resolves a user's reference to documents: a full ID, a unique ID
// prefix of at least 4 characters, or a municipality name (case- and
// diacritic-insensitive).
func Find(docs []*Document, ref string) ([]*Document, error) {
	at, err := find(len(docs), func(i int) (string, string) { return docs[i].ID, docs[i].Municipality }, ref)
	if err != nil {
		return nil, err
	}
	out := make([]*Document, len(at))
	for i, j := range at {
		out[i] = docs[j]
	}
	return out, nil
}

// FindSummaries resolves a reference to summaries as Find does to
// documents, so a command can read only the documents it names.
func FindSummaries(sums []Summary, ref string) ([]Summary, error) {
	at, err := find(len(sums), func(i int) (string, string) { return sums[i].ID, sums[i].Municipality }, ref)
	if err != nil {
		return nil, err
	}
	out := make([]Summary, len(at))
	for i, j := range at {
		out[i] = sums[j]
	}
	return out, nil
}

// find returns the indexes of the n items (ID and municipality of item i
// from key) that ref names; see Find.
func find(n int, key func(i int) (id, town string), ref string) ([]int, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, fmt.Errorf("empty reference: %w", ErrNotFound)
	}
	var byPrefix, byTown []int
	for i := range n {
		id, town := key(i)
		if id == ref {
			return []int{i}, nil
		}
		if len(ref) >= 4 && strings.HasPrefix(id, ref) {
			byPrefix = append(byPrefix, i)
		}
		if FoldName(town) == FoldName(ref) {
			byTown = append(byTown, i)
		}
	}
	switch {
	case len(byPrefix) == 1:
		return byPrefix, nil
	case len(byPrefix) > 1:
		return nil, fmt.Errorf("%q matches %d documents; give more of the ID", ref, len(byPrefix))
	case len(byTown) > 0:
		return byTown, nil
	}
	return nil, fmt.Errorf("%q: %w", ref, ErrNotFound)
}

// FoldName lower-cases a name and folds å/ä to a, ö to o and é to e, so
// that "Malmo" finds "Malmö".
func FoldName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch r {
		case 'å', 'ä', 'à', 'á':
			r = 'a'
		case 'ö', 'ø':
			r = 'o'
		case 'é', 'è':
			r = 'e'
		case 'ü':
			r = 'u'
		}
		if unicode.IsSpace(r) {
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}

// WriteFileAtomic writes data to path through a temporary file in the same
// directory that is synced and renamed into place.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	ok = true
	return nil
}

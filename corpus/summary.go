package corpus

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"time"
)

// Summary is what a list of documents shows: who, what, from where and how
// much, without the text, the sections or the model. Store.Summaries reads
// it without decoding whole documents.
type Summary struct {
	ID           string `json:"id"`
	Municipality string `json:"municipality"`
	Title        string `json:"title"`
	// Type is the document's type, or the model's when the document has none.
	Type   string `json:"type"`
	Source string `json:"source"`
	Format string `json:"format"`
	Size   int64  `json:"size"`
	Pages  int    `json:"pages,omitempty"`
	// Adopted is the adoption date the model found (as written there,
	// normally YYYY-MM-DD), or "".
	Adopted  string    `json:"adopted,omitempty"`
	Added    time.Time `json:"added"`
	Changes  int       `json:"changes"`
	Sections int       `json:"sections"`
	Goals    int       `json:"goals"`
}

// Summarize returns the summary of d.
func Summarize(d *Document) Summary {
	s := Summary{
		ID: d.ID, Municipality: d.Municipality, Title: d.Title, Type: d.Type,
		Source: d.Source, Format: d.Format, Size: d.Size, Pages: len(d.Pages),
		Added: d.Added, Changes: len(d.Changes), Sections: len(d.Sections),
	}
	if m := d.Model; m != nil {
		s.Goals = len(m.Goals)
		if m.Adopted != nil {
			s.Adopted = string(m.Adopted.Date)
		}
		if s.Type == "" {
			s.Type = string(m.DocumentType)
		}
	}
	return s
}

// Year returns the year of the adoption date, or 0 when it is unknown.
func (s Summary) Year() int {
	if len(s.Adopted) < 4 {
		return 0
	}
	y := 0
	for _, c := range s.Adopted[:4] {
		if c < '0' || c > '9' {
			return 0
		}
		y = y*10 + int(c-'0')
	}
	return y
}

// SortSummaries orders summaries as SortDocuments orders documents: by
// municipality, title and ID.
func SortSummaries(sums []Summary) {
	sort.SliceStable(sums, func(i, j int) bool {
		a, b := sums[i], sums[j]
		if a.Municipality != b.Municipality {
			return a.Municipality < b.Municipality
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.ID < b.ID
	})
}

// storedDocument is the layout of a document file: the summary first, then
// the document's own fields, so that a list reads the first bytes of each
// file only. Decoding a file as a Document skips the summary; both are
// written in one atomic rename, so they cannot disagree.
type storedDocument struct {
	Summary *Summary `json:"summary"`
	*Document
}

// summaryKey is the first key of a document file written by this version.
const summaryKey = "summary"

// encodeDocument returns the file contents for d.
func encodeDocument(d *Document) ([]byte, error) {
	sum := Summarize(d)
	return json.Marshal(storedDocument{Summary: &sum, Document: d})
}

// Summaries returns the summary of every stored document in the order of
// List. It reads the summary at the head of each file; a file written by an
// older version, without one, is decoded whole. As with List, files that
// cannot be read are skipped and reported in a *ListError, and the others
// are still returned.
func (s *Store) Summaries() ([]Summary, error) {
	ids, err := s.storedIDs()
	if err != nil {
		return nil, err
	}
	sums, bad := readEach(ids, s.readSummary, true)
	SortSummaries(sums)
	if len(bad) > 0 {
		return sums, &ListError{Bad: bad}
	}
	return sums, nil
}

// Summary returns the summary of the document with the given ID.
func (s *Store) Summary(id string) (Summary, error) {
	if !validID(id) {
		return Summary{}, fmt.Errorf("%q: %w", id, ErrNotFound)
	}
	sum, err := s.readSummary(id)
	if errors.Is(err, os.ErrNotExist) {
		return sum, fmt.Errorf("%s: %w", id, ErrNotFound)
	}
	return sum, err
}

// readSummary decodes the leading summary of id's file, or the whole file
// when it has none.
func (s *Store) readSummary(id string) (Summary, error) {
	f, err := os.Open(s.path(id))
	if err != nil {
		return Summary{}, err
	}
	defer f.Close()
	sum, ok, err := leadingSummary(bufio.NewReaderSize(f, 4096))
	if err != nil {
		return Summary{}, fmt.Errorf("read document %s: %w", id, err)
	}
	if !ok {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return Summary{}, fmt.Errorf("read document %s: %w", id, err)
		}
		var d Document
		if err := json.NewDecoder(bufio.NewReader(f)).Decode(&d); err != nil {
			return Summary{}, fmt.Errorf("read document %s: %w", id, err)
		}
		sum = Summarize(&d)
	}
	if sum.ID != id {
		return Summary{}, fmt.Errorf("read document %s: the file holds document %q", id, sum.ID)
	}
	return sum, nil
}

// leadingSummary decodes the summary when it is the first key of the JSON
// object r holds; ok is false when the object starts with another key.
func leadingSummary(r io.Reader) (sum Summary, ok bool, err error) {
	dec := json.NewDecoder(r)
	tok, err := dec.Token()
	if err != nil {
		return sum, false, err
	}
	if d, isDelim := tok.(json.Delim); !isDelim || d != '{' {
		return sum, false, fmt.Errorf("not a JSON object")
	}
	tok, err = dec.Token()
	if err != nil {
		return sum, false, err
	}
	if key, _ := tok.(string); key != summaryKey {
		return sum, false, nil
	}
	var p *Summary
	if err := dec.Decode(&p); err != nil {
		return sum, false, err
	}
	if p == nil {
		return sum, false, nil
	}
	return *p, true, nil
}

package web

import (
	"errors"
	"fmt"
	"html"
	"html/template"
	"net/http"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"styrdok/corpus"
	"styrdok/reports"
)

// docSummary is one document in lists and in /api/documents.
type docSummary struct {
	ID           string `json:"id"`
	Municipality string `json:"municipality"`
	Title        string `json:"title"`
	Type         string `json:"type"`
	Format       string `json:"format"`
	Source       string `json:"source"`
	Adopted      string `json:"adopted,omitempty"`
	Sections     int    `json:"sections"`
	Goals        int    `json:"goals"`
	Changes      int    `json:"changes"`
	URL          string `json:"url"`
	added        time.Time
}

func summarize(d *corpus.Document) docSummary {
	return fromSummary(corpus.Summarize(d))
}

func fromSummary(sum corpus.Summary) docSummary {
	return docSummary{ID: sum.ID, Municipality: sum.Municipality, Title: sum.Title, Type: sum.Type,
		Format: sum.Format, Source: sum.Source, Adopted: sum.Adopted, Sections: sum.Sections,
		Goals: sum.Goals, Changes: sum.Changes, URL: "/doc/" + sum.ID, added: sum.Added}
}

// year returns the year of adoption, or 0.
func (d docSummary) year() int { return corpus.Summary{Adopted: d.Adopted}.Year() }

// getDocument looks a document up by ID; unknown IDs are a 404.
func (s *Server) getDocument(id string) (*corpus.Document, int, error) {
	d, err := s.opts.Library.Get(id)
	if errors.Is(err, corpus.ErrNotFound) {
		return nil, http.StatusNotFound, fmt.Errorf("no document %q", id)
	}
	if err != nil {
		return nil, http.StatusInternalServerError, err
	}
	return d, http.StatusOK, nil
}

// docPage is the data of the document template.
type docPage struct {
	Doc       *corpus.Document
	Summary   docSummary
	Raw       bool // showing the text as read instead of the repaired text
	Highlight string
	Sections  []sectionView
	Facts     []factRow
	Goals     []factRow
	Duties    []factRow
	FollowUp  []factRow
	Lists     []factList
	Changes   []changeView
	Removed   int // lines set apart by repair
	Lines     []lineView
	Notes     []corpus.Note
}

type sectionView struct {
	Heading   string
	Label     string
	LabelName string
	StartLine int
	EndLine   int
}

// factRow is one fact of the model with a link to its evidence line.
type factRow struct {
	Label    string
	Value    string
	Line     int
	Evidence string
}

type factList struct {
	Title string
	Items []factRow
}

type changeView struct {
	corpus.Change
}

// lineView is one line of the text as shown: its raw line number, anchors
// for raw lines that have no line of their own, the section that starts
// here, the repairs made on it and the lines repair set apart before it.
type lineView struct {
	N       int // raw line; 0 when it repeats the line before
	Extra   []int
	Section *sectionView
	Text    template.HTML
	Boiler  bool
	Changes []corpus.Change
	Removed []removedBlock
}

type removedBlock struct {
	Why   string
	Start int
	Lines []string
}

func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request) {
	d, status, err := s.getDocument(r.PathValue("id"))
	if err != nil {
		s.fail(w, r, status, err)
		return
	}
	q := r.URL.Query()
	hl := q.Get("hl")
	if len(hl) > maxQueryLen {
		s.fail(w, r, http.StatusBadRequest, fmt.Errorf("hl is longer than %d bytes", maxQueryLen))
		return
	}
	page := newDocPage(d, q.Get("visa") == "original", hl)
	s.render(w, r, http.StatusOK, "document", page)
}

func newDocPage(d *corpus.Document, raw bool, hl string) *docPage {
	p := &docPage{Doc: d, Summary: summarize(d), Raw: raw, Highlight: hl, Notes: d.Notes}
	for _, sec := range d.Sections {
		p.Sections = append(p.Sections, sectionView{Heading: sec.Heading, Label: sec.Label,
			LabelName: reports.LabelName(sec.Label), StartLine: sec.StartLine, EndLine: sec.EndLine})
	}
	for _, c := range d.Changes {
		p.Changes = append(p.Changes, changeView{c})
	}
	for _, b := range d.Boilerplate {
		p.Removed += b.EndLine - b.StartLine + 1
	}
	p.modelFacts(d.Model)
	p.Lines = textLines(d, p.Sections, raw, highlightSet(hl))
	return p
}

// modelFacts lists the model's facts, each with its evidence.
func (p *docPage) modelFacts(m *corpus.Model) {
	if m == nil {
		return
	}
	fact := func(key string) (string, int) {
		if f, ok := m.Evidence[key]; ok {
			return f.Evidence, f.Line
		}
		return "", 0
	}
	add := func(label, value, key string) {
		if value == "" {
			return
		}
		ev, line := fact(key)
		p.Facts = append(p.Facts, factRow{Label: label, Value: value, Line: line, Evidence: ev})
	}
	add("Titel", string(m.Title), "title")
	add("Dokumenttyp", string(m.DocumentType), "document_type")
	if a := m.Adopted; a != nil && (a.Date != "" || a.By != "") {
		p.Facts = append(p.Facts, factRow{Label: "Antagen", Value: joinNonEmpty(" av ", string(a.Date), string(a.By)), Line: a.Line, Evidence: a.Evidence})
	}
	for _, e := range m.Revisions {
		p.Facts = append(p.Facts, factRow{Label: "Reviderad", Value: joinNonEmpty(" av ", string(e.Date), string(e.By)), Line: e.Line, Evidence: e.Evidence})
	}
	for _, e := range m.Replaces {
		p.Facts = append(p.Facts, factRow{Label: "Ersätter", Value: joinNonEmpty(", ", string(e.Title), string(e.Date)), Line: e.Line, Evidence: e.Evidence})
	}
	add("Gäller till", string(m.ValidUntil), "valid_until")
	if len(m.RegistrationNumbers) > 0 {
		add("Diarienummer", strings.Join(m.RegistrationNumbers, ", "), "registration_numbers")
	}
	add("Vision", string(m.Vision), "vision")
	for _, g := range m.Goals {
		p.Goals = append(p.Goals, factRow{Label: reports.LabelName(g.SectionLabel), Value: g.Text, Line: g.Line})
	}
	for _, a := range m.Actors {
		for _, rsp := range a.Responsibilities {
			p.Duties = append(p.Duties, factRow{Label: a.Name, Value: joinNonEmpty(" ", rsp.Verb, rsp.Object), Line: rsp.Line, Evidence: rsp.Evidence})
		}
	}
	for _, f := range m.FollowUp {
		v := joinNonEmpty(", ", f.What, string(f.Who), reports.IntervalWords(f.Interval, string(f.Due)))
		p.FollowUp = append(p.FollowUp, factRow{Label: f.Category, Value: v, Line: f.Line, Evidence: f.Evidence})
	}
	for _, l := range []struct {
		title, key string
		values     []string
	}{
		{"Teman", "theme", m.Themes}, {"Nätverk", "network", m.Networks}, {"Vänorter", "twin_city", m.TwinCities},
	} {
		fl := factList{Title: l.title}
		for _, v := range l.values {
			row := factRow{Value: v}
			for _, k := range []string{l.key + ":" + v, l.key + "s:" + v, v} {
				if f, ok := m.Evidence[k]; ok {
					row.Evidence, row.Line = f.Evidence, f.Line
					break
				}
			}
			fl.Items = append(fl.Items, row)
		}
		if len(fl.Items) > 0 {
			p.Lists = append(p.Lists, fl)
		}
	}
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, s := range parts {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, sep)
}

// textLines lays the document's text out in lines numbered by raw line.
// The repaired text is shown with the raw line each of its lines comes
// from; raw lines it does not show (set apart by repair) get an anchor on
// the next line and, for the repairs view, a block with their text.
func textLines(d *corpus.Document, secs []sectionView, raw bool, hl map[string]bool) []lineView {
	rawLines := strings.Split(d.Raw, "\n")
	changes := map[int][]corpus.Change{}
	for _, c := range d.Changes {
		changes[c.Line] = append(changes[c.Line], c)
	}
	boiler := map[int]string{}
	for _, b := range d.Boilerplate {
		for n := b.StartLine; n <= b.EndLine; n++ {
			boiler[n] = b.Why
		}
	}
	sort.SliceStable(secs, func(i, j int) bool { return secs[i].StartLine < secs[j].StartLine })
	nextSec := 0
	var out []lineView
	emit := func(rawN int, text string, prev int) {
		lv := lineView{Text: highlight(text, hl)}
		if rawN > prev {
			lv.N = rawN
			var block *removedBlock
			for n := prev + 1; n <= rawN; n++ {
				if n < rawN {
					lv.Extra = append(lv.Extra, n)
				}
				lv.Changes = append(lv.Changes, changes[n]...)
				if why, ok := boiler[n]; ok && !raw && n < rawN && n-1 < len(rawLines) {
					if block == nil || block.Why != why {
						lv.Removed = append(lv.Removed, removedBlock{Why: why, Start: n})
						block = &lv.Removed[len(lv.Removed)-1]
					}
					block.Lines = append(block.Lines, rawLines[n-1])
				}
			}
			for nextSec < len(secs) && secs[nextSec].StartLine <= rawN {
				lv.Section = &secs[nextSec]
				nextSec++
			}
		}
		_, lv.Boiler = boiler[rawN]
		out = append(out, lv)
	}
	if raw || d.Text == "" {
		for i, l := range rawLines {
			emit(i+1, l, i)
		}
		return out
	}
	prev := 0
	for i, l := range strings.Split(d.Text, "\n") {
		n := i + 1
		if i < len(d.LineMap) {
			n = d.LineMap[i]
		}
		emit(n, l, prev)
		prev = max(prev, n)
	}
	return out
}

// highlightSet is the set of lower-cased words to mark.
func highlightSet(hl string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(hl) {
		set[strings.ToLower(w)] = true
	}
	return set
}

// highlight escapes line and wraps the words in hl in <mark>.
func highlight(line string, hl map[string]bool) template.HTML {
	if len(hl) == 0 {
		return template.HTML(html.EscapeString(line))
	}
	var b strings.Builder
	at := 0
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i
		for j < len(line) {
			r, n := utf8.DecodeRuneInString(line[j:])
			if !isWordRune(r) {
				break
			}
			j += n
		}
		if hl[strings.ToLower(line[i:j])] {
			b.WriteString(html.EscapeString(line[at:i]))
			b.WriteString("<mark>")
			b.WriteString(html.EscapeString(line[i:j]))
			b.WriteString("</mark>")
			at = j
		}
		i = j
	}
	b.WriteString(html.EscapeString(line[at:]))
	return template.HTML(b.String())
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) {
	d, status, err := s.getDocument(r.PathValue("id"))
	if err != nil {
		s.fail(w, r, status, err)
		return
	}
	writeJSON(w, r, http.StatusOK, d)
}

// Package analyze splits a cleaned document into labelled sections and
// extracts its structured model (../shared/spec/model.md): document type,
// title, adoption, revisions, validity, registration numbers, vision,
// goals, actors and their responsibilities, follow-up mechanisms, themes,
// networks and twin cities, each fact with its evidence sentence and the
// raw line it starts on.
//
// The rules come from how Swedish municipal steering documents are
// written; the vocabularies they use are tables in vocab.go.
package analyze

import (
	"fmt"
	"path/filepath"
	"strings"

	"styrdok/corpus"
)

// Analyze sets d.Sections, d.Model and d.Type from d.Text, and d.Title and
// d.Municipality when they are empty and the text names them. Lines that
// d.Boilerplate marks (and web chrome and "Läs mer" listings found here)
// are left out of every extraction. Analyze never panics on odd input.
func Analyze(d *corpus.Document) {
	if len(d.LineMap) == 0 && d.Text == "" && d.Raw != "" {
		d.Text = d.Raw
		d.LineMap = corpus.IdentityLineMap(d.Raw)
	}
	a := newDoc(d)
	a.findParts()
	a.findMetaFields()
	a.findHeadings()
	a.buildSections()
	a.buildSentences()
	a.labelSections()

	m := corpus.NewModel(filepath.Base(d.Source))
	m.BoilerplateSpans = append(m.BoilerplateSpans, a.bp...)

	d.Sections = nil
	for _, s := range a.secs {
		d.Sections = append(d.Sections, corpus.Section{
			Heading: s.Text, Label: s.Label, Level: s.Level, Part: s.Part,
			Span:      corpus.Span{Start: s.Start, End: s.BodyEnd},
			StartLine: s.StartLine, EndLine: s.EndLine,
		})
		m.Sections = append(m.Sections, corpus.ModelSection{Heading: s.Text, Label: s.Label,
			StartLine: s.StartLine, EndLine: s.EndLine})
	}

	if d.Municipality == "" {
		d.Municipality = a.findMunicipality()
	}
	m.Municipality = corpus.Opt(d.Municipality)
	title, tev := a.findTitle()
	if d.Title == "" {
		d.Title = title
	} else if title == "" {
		title = d.Title
	}
	m.Title = corpus.Opt(d.Title)
	m.Evidence = map[string]corpus.Fact{}
	if title != "" && tev.Line > 0 {
		m.Evidence["title"] = corpus.Fact{Evidence: cleanEvidence(tev.Text), Line: tev.Line}
	}
	m.DocumentType = corpus.Opt(a.documentType(d.Title))
	d.Type = string(m.DocumentType)

	a.extractMeta(m)
	if d.Title == "" && m.Adopted != nil {
		// "Kommunfullmäktige antar Exempelstads strategi för …"
		if t := adoptedTitle(m.Adopted.Evidence); t != "" {
			d.Title = t
			m.Title = corpus.Opt(t)
			m.DocumentType = corpus.Opt(a.documentType(t))
			d.Type = string(m.DocumentType)
			m.Evidence["title"] = corpus.Fact{Evidence: m.Adopted.Evidence, Line: m.Adopted.Line}
		}
	}
	if v, s := a.findVision(d.Municipality); v != "" {
		m.Vision = corpus.Opt(v)
		m.Evidence["vision"] = corpus.Fact{Evidence: s.Text, Line: s.Line}
	}
	a.extractGoals(m)
	resp := a.extractActors(m)
	a.extractFollowUps(m, resp)
	a.extractThemes(m)
	a.extractNetworks(m)
	a.extractTwins(m)
	if len(m.Evidence) == 0 {
		m.Evidence = nil
	}
	d.Model = m
	a.addNotes(m)
}

// notePrefix marks the notes Analyze writes, so that analysing a document
// again replaces them instead of adding copies.
const notePrefix = "analys: "

// addNotes records what the user should know about the analysis: text set
// apart as boilerplate here, the parts of a multi-document file, and facts
// the text does not state.
func (a *adoc) addNotes(m *corpus.Model) {
	d := a.d
	keep := d.Notes[:0]
	for _, n := range d.Notes {
		if !strings.HasPrefix(n.Message, notePrefix) {
			keep = append(keep, n)
		}
	}
	d.Notes = keep
	note := func(kind string, line int, format string, args ...any) {
		d.Notes = append(d.Notes, corpus.Note{Kind: kind, Line: line, Message: notePrefix + fmt.Sprintf(format, args...)})
	}
	for _, r := range a.ownBP {
		note(corpus.NoteSkipped, r.StartLine, "rad %d-%d utesluten: %s", r.StartLine, r.EndLine, r.Why)
	}
	if len(a.parts) > 1 {
		var names []string
		for _, p := range a.parts {
			names = append(names, fmt.Sprintf("%s (rad %d)", p.Name, a.rawLine(p.Start)))
		}
		note(corpus.NoteWarning, 0, "filen innehåller flera dokument: %s; modellen bygger på %s", strings.Join(names, ", "), a.main.Name)
	}
	if len(m.Sections) == 0 {
		note(corpus.NoteMissing, 0, "inga rubriker hittades")
	}
	if m.Adopted == nil || m.Adopted.Date == "" {
		note(corpus.NoteMissing, 0, "texten anger inget antagandedatum")
	}
	if len(m.Goals) == 0 {
		note(corpus.NoteMissing, 0, "inga mål hittades i avsnitt om syfte eller mål")
	}
}

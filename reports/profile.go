package reports

import (
	"sort"
	"strings"

	"styrdok/corpus"
)

func profiles(r *Report, views []*docView) []*Profile {
	towns, by := municipalities(views)
	// One pass over the comparison tables: each document's overview row
	// and the evidence the tables cite from it.
	ovRows := map[string]Row{}
	for _, row := range r.Overview.Rows {
		ovRows[row.Doc] = row
	}
	cited := map[string][]Cell{}
	for _, t := range r.Tables() {
		for _, row := range t.Rows {
			for _, c := range row.Cells {
				for _, e := range c.Evidence() {
					cited[e.Doc] = append(cited[e.Doc], Cell{Items: []Item{{Evidence: &e}}})
				}
			}
		}
	}
	var out []*Profile
	for _, n := range towns {
		p := &Profile{Municipality: n}
		for _, v := range by[n] {
			p.Documents = append(p.Documents, docProfile(r, v, ovRows[v.d.ID], cited[v.d.ID]))
		}
		out = append(out, p)
	}
	return out
}

// Profile returns the profile of a municipality (matched case- and
// diacritic-insensitively), or nil.
func (r *Report) Profile(municipality string) *Profile {
	for _, p := range r.Profiles {
		if corpus.FoldName(p.Municipality) == corpus.FoldName(municipality) {
			return p
		}
	}
	return nil
}

func docProfile(r *Report, v *docView, ovRow Row, cited []Cell) *DocProfile {
	dp := &DocProfile{Doc: r.Doc(v.d.ID)}
	facts := &Table{Name: "facts", Title: "Fakta",
		Columns: []Column{{"field", "Uppgift", KindText}, {"value", "Värde", KindText}}}
	if ovRow.Doc == v.d.ID {
		for i, col := range r.Overview.Columns {
			if col.Key == "municipality" {
				continue
			}
			facts.Rows = append(facts.Rows, Row{Doc: v.d.ID, Cells: []Cell{textCell(col.Header), ovRow.Cells[i]}, field: col})
		}
	}
	dp.Facts = facts
	if v.m.Vision != "" {
		dp.Vision = evCell(cleanSpace(string(v.m.Vision)), v.fact("vision", ""))
	}

	goals := &Table{Name: "goals", Title: "Mål", Columns: goalsColumns[1:], Rows: v.goalRows(false)}

	resp := &Table{Name: "responsibilities", Title: "Ansvar", Columns: []Column{
		{"actor", "Aktör", KindText}, {"kind", "Ansvarstyp", KindText}, {"verb", "Verb", KindText},
		{"object", "Vad", KindText}, {"line", "Rad", KindNumber}}}
	for _, a := range v.m.Actors {
		for _, rs := range a.Responsibilities {
			e := v.ev(rs.Line, rs.Evidence, rs.Object)
			resp.Rows = append(resp.Rows, Row{Doc: v.d.ID, Cells: []Cell{
				textCell(a.Name), textCell(responsibilityKinds[kindOf(rs.Verb)].Header),
				textCell(rs.Verb), evCell(firstNonEmpty(cleanSpace(rs.Object), "–"), e), lineCell(rs.Line)}})
		}
	}

	fu := &Table{Name: "follow_up", Title: "Uppföljning", Columns: []Column{
		{"what", "Vad", KindText}, {"category", "Kategori", KindText}, {"who", "Vem", KindText},
		{"interval", "Hur ofta", KindText}, {"interval_text", "I texten", KindText}, {"line", "Rad", KindNumber}}}
	for _, f := range v.m.FollowUp {
		e := v.ev(f.Line, f.Evidence, f.What)
		fu.Rows = append(fu.Rows, Row{Doc: v.d.ID, Cells: []Cell{
			evCell(firstNonEmpty(cleanSpace(f.What), categoryName(f.Category), "–"), e), textCell(categoryName(f.Category)),
			textCell(string(f.Who)), textCell(IntervalWords(f.Interval, string(f.Due))), textCell(string(f.IntervalText)),
			lineCell(f.Line)}})
	}

	secs := &Table{Name: "sections", Title: "Avsnitt", Columns: []Column{
		{"heading", "Rubrik", KindText}, {"label", "Avsnittstyp", KindText},
		{"start_line", "Från rad", KindNumber}, {"end_line", "Till rad", KindNumber}}}
	for _, s := range v.sections() {
		secs.Rows = append(secs.Rows, Row{Doc: v.d.ID, Cells: []Cell{
			evCell(cleanSpace(s.Heading), v.ev(s.StartLine, "", s.Heading)), textCell(LabelName(s.Label)),
			lineCell(s.StartLine), lineCell(s.EndLine)}})
	}

	notes := &Table{Name: "notes", Title: "Anmärkningar", Columns: []Column{
		{"kind", "Typ", KindText}, {"message", "Meddelande", KindText}, {"line", "Rad", KindNumber}}}
	for _, n := range v.d.Notes {
		notes.Rows = append(notes.Rows, Row{Doc: v.d.ID, Cells: []Cell{
			textCell(noteKindName(n.Kind)), textCell(n.Message), lineCell(n.Line)}})
	}
	dp.Tables = []*Table{goals, resp, fu, secs, notes}

	seen := map[Evidence]bool{}
	collect := func(c Cell) {
		for _, e := range c.Evidence() {
			if e.Doc == v.d.ID && e.Line > 0 && !seen[e] {
				seen[e] = true
				dp.Evidence = append(dp.Evidence, e)
			}
		}
	}
	for _, t := range append([]*Table{facts}, dp.Tables...) {
		for _, row := range t.Rows {
			for _, c := range row.Cells {
				collect(c)
			}
		}
	}
	collect(dp.Vision)
	// The comparison tables cite this document too (themes, actors).
	for _, c := range cited {
		collect(c)
	}
	sort.SliceStable(dp.Evidence, func(i, j int) bool {
		a, b := dp.Evidence[i], dp.Evidence[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Text < b.Text
	})
	return dp
}

func lineCell(n int) Cell {
	if n <= 0 {
		return Cell{}
	}
	return numberCell(n, nil)
}

func noteKindName(k string) string {
	switch k {
	case corpus.NoteWarning:
		return "varning"
	case corpus.NoteSkipped:
		return "utelämnat"
	case corpus.NoteMissing:
		return "saknas"
	}
	return k
}

// ProfileTables merges the tables of a profile's documents into one table
// each (facts, goals, responsibilities, follow-up, sections, notes), with
// the document's name as the first column when there are several
// documents. Sheets and CSV files use it.
func (p *Profile) ProfileTables() []*Table {
	if len(p.Documents) == 0 {
		return nil
	}
	multi := len(p.Documents) > 1
	first := p.Documents[0]
	all := append([]*Table{first.Facts}, first.Tables...)
	var out []*Table
	for ti, proto := range all {
		t := &Table{Name: proto.Name, Title: proto.Title}
		if multi {
			t.Columns = append(t.Columns, Column{"document", "Dokument", KindText})
		}
		t.Columns = append(t.Columns, proto.Columns...)
		for _, dp := range p.Documents {
			src := dp.Facts
			if ti > 0 {
				src = dp.Tables[ti-1]
			}
			for _, row := range src.Rows {
				if multi {
					row = Row{Doc: row.Doc, Cells: append([]Cell{textCell(dp.Doc.Title)}, row.Cells...)}
				}
				t.Rows = append(t.Rows, row)
			}
		}
		out = append(out, t)
	}
	return out
}

// anchor returns the HTML id of an evidence line of a document.
func anchor(doc string, line int) string {
	return "ev-" + strings.ToLower(doc) + "-" + itoa(line)
}

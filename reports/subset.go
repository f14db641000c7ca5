package reports

// Subset returns the comparison of the documents of r that keep accepts,
// without reading them again: the overview, actors and goals keep the rows
// of those documents, the themes matrix is drawn again over their
// municipalities, and the events and profiles keep what belongs to them.
// Documents keep the names they have in r. keep gets each document's
// reference and its overview row.
func (r *Report) Subset(keep func(DocRef, Row) bool) *Report {
	ov := map[string]Row{}
	if r.Overview != nil {
		for _, row := range r.Overview.Rows {
			ov[row.Doc] = row
		}
	}
	in := map[string]bool{}
	out := &Report{byID: map[string]int{}}
	for _, d := range r.Documents {
		if !keep(d, ov[d.ID]) {
			continue
		}
		in[d.ID] = true
		if _, dup := out.byID[d.ID]; !dup {
			out.byID[d.ID] = len(out.Documents)
		}
		out.Documents = append(out.Documents, d)
	}
	out.Overview = r.Overview.rowsOf(in)
	out.Actors = r.Actors.rowsOf(in)
	out.Goals = r.Goals.rowsOf(in)
	if out.Overview != nil {
		out.Themes = themesTable(themeSources(out))
	}
	for _, e := range r.Events {
		if in[e.Doc] {
			out.Events = append(out.Events, e)
		}
	}
	for _, p := range r.Profiles {
		np := &Profile{Municipality: p.Municipality}
		for _, dp := range p.Documents {
			if in[dp.Doc.ID] {
				np.Documents = append(np.Documents, dp)
			}
		}
		if len(np.Documents) > 0 {
			out.Profiles = append(out.Profiles, np)
		}
	}
	return out
}

// rowsOf returns a copy of t with the rows about the documents in ids.
func (t *Table) rowsOf(ids map[string]bool) *Table {
	if t == nil {
		return nil
	}
	c := *t
	c.Rows = nil
	for _, row := range t.Rows {
		if ids[row.Doc] {
			c.Rows = append(c.Rows, row)
		}
	}
	return &c
}

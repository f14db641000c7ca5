package analyze

import (
	"regexp"
	"strings"
)

// Part names of a file that holds several documents.
const (
	PartCoverLetter  = "följebrev"
	PartDistribution = "sändlista"
	PartReport       = "tjänsteutlåtande"
	PartDocument     = "styrdokument"
)

var reNumberedOne = regexp.MustCompile(`^\s*1\.?\s+\p{Lu}`)

// findParts splits a file that holds several documents: a remiss with its
// cover letter, the distribution list, the tjänsteutlåtande and the
// steering document itself as an annex. A file with none of these markers
// is one part, the steering document.
func (a *adoc) findParts() {
	type mark struct {
		line int
		name string
	}
	var marks []mark
	report := -1
	for i, l := range a.lines {
		if l.bp || l.blank {
			continue
		}
		c := fold(cleanEvidence(l.text))
		if len(c) > 70 {
			continue
		}
		switch {
		case strings.Contains(c, "tjansteutlatande") || strings.Contains(c, "tjansteskrivelse"):
			if report < 0 {
				report = i
				marks = append(marks, mark{a.pageStart(i), PartReport})
			}
		case strings.HasPrefix(c, "remitteringsmapp") || strings.HasPrefix(c, "sandlista") || strings.HasPrefix(c, "remisslista") || strings.HasPrefix(c, "remissinstanser"):
			if len(marks) == 0 || marks[len(marks)-1].name != PartDistribution {
				marks = append(marks, mark{a.pageStart(i), PartDistribution})
			}
		}
	}
	if report >= 0 {
		// The steering document follows the report: a title line naming
		// a document type, then a first numbered heading or "Bilaga".
		for i := report + 1; i < len(a.lines); i++ {
			l := a.lines[i]
			if l.bp || l.blank {
				continue
			}
			c := cleanHeading(l.text)
			if len(words(c)) == 0 || len(words(c)) > 12 || !isCap(c) || docTypeOf(c) == "" || strings.HasSuffix(c, ",") {
				continue
			}
			if a.prevAdjacent(i) >= 0 && !strings.HasSuffix(strings.TrimSpace(a.lines[a.prevAdjacent(i)].text), ".") {
				continue
			}
			seen, found := 0, false
			for j := i + 1; j < len(a.lines) && seen < 3 && !found; j++ {
				if a.lines[j].blank || a.lines[j].bp {
					continue
				}
				seen++
				found = reNumberedOne.MatchString(a.lines[j].text)
			}
			if found {
				marks = append(marks, mark{i, PartDocument})
				break
			}
		}
	}
	if len(marks) == 0 {
		a.main = part{Name: PartDocument, Start: 0, End: len(a.text) + 1}
		a.parts = []part{a.main}
		return
	}
	if marks[0].line > 0 {
		marks = append([]mark{{0, PartCoverLetter}}, marks...)
	}
	for k, m := range marks {
		end := len(a.text) + 1
		if k+1 < len(marks) {
			end = a.lines[marks[k+1].line].start
		}
		a.parts = append(a.parts, part{Name: m.name, Start: a.lines[m.line].start, End: end})
	}
	a.main = a.parts[len(a.parts)-1]
	if a.main.Name != PartDocument {
		// No annexed document found: the whole file counts.
		a.main = part{Name: a.main.Name, Start: 0, End: len(a.text) + 1}
	}
}

// part returns the name of the part holding byte offset pos ("" for a
// file that is one document).
func (a *adoc) part(pos int) string {
	if len(a.parts) < 2 {
		return ""
	}
	for _, p := range a.parts {
		if pos >= p.Start && pos < p.End {
			return p.Name
		}
	}
	return ""
}

// pageStart goes back from line i to the first line after the last run of
// two or more blank lines (a page break in converted text), at most 25
// lines back.
func (a *adoc) pageStart(i int) int {
	for j := i - 1; j > 0 && j > i-25; j-- {
		if a.lines[j].blank && a.lines[j-1].blank {
			return j + 1
		}
	}
	return i
}

// docTypeOf returns the document type a title names, or "".
func docTypeOf(title string) string {
	for _, w := range words(title) {
		f := fold(w)
		for _, dt := range docTypeWords {
			if f == fold(dt.Word) {
				return dt.Type
			}
		}
	}
	// Compounds: "Trafikstrategi", "EU-strategi", "Integrationsprogram".
	for _, w := range words(title) {
		f := fold(w)
		for _, dt := range docTypeWords {
			d := fold(dt.Word)
			if len(d) >= 6 && len(f) > len(d)+2 && strings.HasSuffix(f, d) {
				return dt.Type
			}
		}
	}
	return ""
}

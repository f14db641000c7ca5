package analyze

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"styrdok/corpus"
)

var (
	reDnr          = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:dnr|diarienr|diarienummer|ärendenr|ärendenummer|aktbilaga)\.?[\s:|]*((?:[a-zåäö]{1,5}[ ./-]?)?\d{1,4}(?:\s?[-./:]\s?\d{1,6}){1,3})`)
	reValid        = regexp.MustCompile(`(?i)\b(?:gäller\s+tills?\s*vidare|(?:giltig|giltigt|giltiga|gäller)\s+(?:från\s+och\s+med|från|fr\.?\s?o\.?\s?m\.?)|giltighetstid|giltighetsperiod|(?:giltig|giltigt|giltiga|gäller)\s+(?:till\s+och\s+med|t\.?\s?o\.?\s?m\.?|till)|(?:gäller|giltig|giltiga)\s+(?:under\s+)?(?:perioden|åren)|giltighet|revideras\s+senast|gäller|giltig)\s*:?\s*`)
	reRangeSep     = regexp.MustCompile(`^\s*(?:-|–|—|till\s+och\s+med|till|t\.?\s?o\.?\s?m\.?)\s*$`)
	reUntilFurther = regexp.MustCompile(`(?i)^(?:tills?\s*vidare|tillsvidare|tills\s+vidare|tills\s+annat\s+beslutas)`)
	reLabelStop    = regexp.MustCompile(`(?i)\b(?:reviderad|reviderat|dnr|diarie\w*|giltig\w*|gäller|för\s+revidering|för\s+ev|för\s+uppföljning|dokumentansvarig|dokumentnamn|dokumenttyp|senast\s+ändrad|tidigare\s+ändringar|beslutad|fastställ\w*|antagen|antaget|ersätter)\b`)
)

// metaSentences returns the non-boilerplate sentences and headings' text
// in document order, as (text, start) pairs; metadata often sits in
// headings and table rows.
func (a *adoc) metaTexts() []sentence {
	out := append([]sentence(nil), a.sents...)
	for _, h := range a.heads {
		out = append(out, sentence{Text: h.Text, Start: h.Start, Line: a.rawLine(h.Start)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// replacedContext reports whether position i of folded text f is about an
// earlier document: after "ersätter", or after "tidigare".
func replacedContext(s string, i int) bool {
	before := fold(s[:min(i, len(s))])
	if k := strings.LastIndex(before, "ersatt"); k >= 0 {
		return true
	}
	lo := len(before) - 40
	if lo < 0 {
		lo = 0
	}
	w := before[lo:]
	return strings.Contains(w, "tidigare") || strings.Contains(w, "foregaende")
}

// extractMeta fills adoption, revisions, replaces, validity and
// registration numbers.
func (a *adoc) extractMeta(m *corpus.Model) {
	texts := a.metaTexts()
	seenDnr := map[string]bool{}
	for _, s := range texts {
		f := fold(s.Text)
		// Registration numbers.
		for _, mm := range reDnr.FindAllStringSubmatchIndex(s.Text, -1) {
			if replacedContext(s.Text, mm[0]) || strings.Contains(f, "antog ") {
				continue
			}
			v := strings.TrimRight(s.Text[mm[2]:mm[3]], ".:-/ ")
			key := strings.ReplaceAll(v, " ", "")
			if !seenDnr[key] {
				seenDnr[key] = true
				m.RegistrationNumbers = append(m.RegistrationNumbers, v)
			}
		}
		// Validity.
		if m.ValidUntil == "" {
			for _, mm := range reValid.FindAllStringIndex(s.Text, -1) {
				label := fold(s.Text[mm[0]:mm[1]])
				rest := s.Text[mm[1]:]
				if strings.Contains(label, "vidare") || reUntilFurther.MatchString(rest) {
					m.ValidUntil = "tillsvidare"
					m.Evidence["valid_until"] = corpus.Fact{Evidence: s.Text, Line: s.Line}
					break
				}
				if strings.Contains(label, "revideras") {
					continue
				}
				if v := parseValidity(rest, untilLabel(label) && !strings.Contains(label, "fr")); v != "" && validStartsAt(rest) {
					m.ValidUntil = corpus.Opt(v)
					m.Evidence["valid_until"] = corpus.Fact{Evidence: s.Text, Line: s.Line}
					break
				}
			}
		}
		a.adoptionIn(m, s, f)
	}
	if m.Adopted != nil && m.Adopted.Date != "" {
		// A "last changed" date equal to the adoption is not a revision.
		var keep []corpus.Event
		for _, r := range m.Revisions {
			if r.Date != m.Adopted.Date {
				keep = append(keep, r)
			}
		}
		m.Revisions = append([]corpus.Event{}, keep...)
	}
	a.applyMetaFields(m)
	if m.Adopted == nil {
		a.adoptingBody(m)
	}
	if m.Adopted == nil {
		a.proposedBody(m)
	}
}

// validStartsAt reports whether the text after a validity label starts
// with its value (a date, a year or "tills vidare"), not with other words.
func validStartsAt(rest string) bool {
	r := strings.TrimLeft(rest, ":| ")
	for _, p := range []string{"till och med ", "t.o.m. ", "t o m ", "tom ", "till ", "år "} {
		if strings.HasPrefix(fold(r), p) {
			r = r[len(p):]
		}
	}
	if reUntilFurther.MatchString(r) {
		return true
	}
	if ds := FindDates(r); len(ds) > 0 && ds[0].Start <= 4 {
		return true
	}
	return reYearOnly.MatchString(r)
}

var pastAdoption = foldSet([]string{"antog", "fastställde", "beslutade", "godkände"})

// selfRef reports whether folded sentence f refers to the document itself
// by its definite form ("strategin", "policyn") or "denna/detta".
func selfRef(f string) bool {
	for _, w := range words(f) {
		switch w {
		case "strategin", "policyn", "planen", "programmet", "riktlinjerna", "dokumentet", "denna", "detta", "handlingsplanen":
			return true
		}
	}
	return false
}

var foldedAdoption, foldedRevision = foldSet(adoptionWords), foldSet(revisionWords)

func foldSet(ws []string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		m[fold(w)] = true
	}
	return m
}

// adoptionIn looks for adoption, revision and replacement statements in one
// sentence or header row.
func (a *adoc) adoptionIn(m *corpus.Model, s sentence, f string) {
	ws := reWordPos.FindAllStringIndex(s.Text, -1)
	for wi, loc := range ws {
		w := fold(s.Text[loc[0]:loc[1]])
		isAdopt, isRev := foldedAdoption[w], foldedRevision[w]
		// "Kommunfullmäktige antog strategin den 12 maj 2014": a past
		// tense counts when the sentence names this document.
		if pastAdoption[w] && selfRef(f) {
			isAdopt = true
		}
		// "Beslutade av kommunstyrelsen 2019-09-03": the plural participle.
		if w == "beslutade" && strings.HasPrefix(fold(strings.TrimLeft(s.Text[loc[1]:], " ")), "av ") {
			isAdopt = true
		}
		// "Beslut: KF 2015-03-12 § 23" (a label, not the noun in prose)
		if w == "beslut" && strings.HasPrefix(s.Text[loc[1]:], ":") {
			isAdopt = true
		}
		if w == "andrad" && (wi == 0 || fold(s.Text[ws[wi-1][0]:ws[wi-1][1]]) != "senast") {
			isRev = false
		}
		if !isAdopt && !isRev {
			continue
		}
		// The window runs to the next label or 90 bytes.
		rest := s.Text[loc[1]:]
		if stop := reLabelStop.FindStringIndex(rest); stop != nil && stop[0] > 0 {
			rest = rest[:stop[0]]
		}
		if len(rest) > 90 {
			rest = rest[:90]
		}
		ds := FindDates(rest)
		if len(ds) == 0 {
			continue
		}
		date := ds[0].ISO
		by := bodyIn(rest[:ds[0].Start])
		if by == "" {
			// "Antagen 2013-12-16 av kommunfullmäktige"
			after := strings.Fields(rest[ds[0].End:])
			if len(after) > 4 {
				after = after[:4]
			}
			by = bodyIn(strings.Join(after, " "))
		}
		if by == "" && wi > 0 {
			// "Beslutsinstans: Kommunstyrelsen  Beslutsdatum: 2016-05-10"
			by = bodyIn(s.Text[max(0, loc[0]-40):loc[0]])
		}
		ev := cleanEvidence(s.Text[loc[0] : loc[1]+ds[0].End])
		if isAdopt && wi > 0 && !replacedContext(s.Text, loc[0]) && !isCap(s.Text[loc[0]:loc[1]]) {
			// Start the evidence at the sentence when the statement is prose.
			ev = cleanEvidence(s.Text[:loc[1]+ds[0].End])
		}
		switch {
		case isAdopt && replacedContext(s.Text, loc[0]):
			addReplaced(m, s, f, date)
		case isAdopt:
			if m.Adopted == nil || m.Adopted.Date == "" {
				m.Adopted = &corpus.Event{Date: corpus.Opt(date), By: corpus.Opt(by), Evidence: ev, Line: a.lineOf(s, ev)}
			}
		case isRev:
			m.Revisions = append(m.Revisions, corpus.Event{Date: corpus.Opt(date), By: corpus.Opt(by), Evidence: ev, Line: a.lineOf(s, ev)})
		}
	}
	// "… ersätter X som antogs av kommunfullmäktige den 25 augusti 2009"
	if k := strings.Index(f, "ersatter "); k >= 0 {
		addReplaced(m, s, f, "")
	}
}

// addReplaced records the document a statement says is replaced.
func addReplaced(m *corpus.Model, s sentence, f, date string) {
	title := ""
	k := strings.Index(f, "ersatter ")
	tail := s.Text
	if k >= 0 {
		k = toOrig(s.Text, k)
		tail = s.Text[k:]
		if i := strings.Index(tail, " "); i >= 0 {
			tail = tail[i+1:]
		}
		cut := len(tail)
		for _, stop := range []string{" antagen", " antaget", " som antogs", " (", " från ", " beslutad", " fastställd"} {
			if i := strings.Index(fold(tail), fold(stop)); i >= 0 && toOrig(tail, i) < cut {
				cut = toOrig(tail, i)
			}
		}
		title = strings.TrimRight(cleanEvidence(tail[:cut]), " .,")
		if date == "" {
			date = ParseDate(tail)
		}
	}
	if date == "" && title == "" {
		return
	}
	for i, r := range m.Replaces {
		if (date != "" && string(r.Date) == date) || (title != "" && string(r.Title) == title) {
			if r.Title == "" && title != "" {
				// The same earlier document, now with its name.
				m.Replaces[i].Title = corpus.Opt(title)
				if r.Date == "" {
					m.Replaces[i].Date = corpus.Opt(date)
				}
			}
			return
		}
	}
	ev := s.Text
	if k > 0 {
		// From the clause that names the replacement.
		if i := strings.LastIndex(s.Text[:k], " och "); i >= 0 && k-i < 8 {
			ev = s.Text[i+len(" och "):]
		}
	}
	m.Replaces = append(m.Replaces, corpus.Replaced{Title: corpus.Opt(title), Date: corpus.Opt(date),
		Evidence: cleanEvidence(ev), Line: s.Line})
}

// lineOf returns the raw line where the evidence ev starts inside
// sentence s: the first word of ev is looked up in the sentence's source.
func (a *adoc) lineOf(s sentence, ev string) int {
	ws := strings.Fields(ev)
	if len(ws) == 0 || s.End <= s.Start || s.End > len(a.text) {
		return s.Line
	}
	if i := strings.Index(a.text[s.Start:s.End], ws[0]); i >= 0 {
		return a.rawLine(s.Start + i)
	}
	return s.Line
}

// bodyIn returns the canonical adopting body named in s, or "".
func bodyIn(s string) string {
	for _, w := range words(s) {
		if b, ok := bodyWords[fold(w)]; ok {
			if (fold(w) == "kf" || fold(w) == "ks") && !isAllCaps(w) && w != "kf" && w != "ks" {
				continue
			}
			return b
		}
		if b := fuzzyCanonical(w); b != "" {
			return b
		}
	}
	return ""
}

var reAdoptedBy = regexp.MustCompile(`(?i)\b(?:antas|fastställs|beslutas|godkänns)\s+av\s+(\p{L}+)`)

// adoptingBody finds who adopts the document when no date says so:
// "… som antas av kommunfullmäktige", "Kommunfullmäktige antar … strategi".
func (a *adoc) adoptingBody(m *corpus.Model) {
	for _, s := range a.sents {
		if !a.inMain(s.Start) {
			continue
		}
		if mm := reAdoptedBy.FindStringSubmatch(s.Text); mm != nil {
			if b := bodyIn(mm[1]); b != "" && docSelfRef(s.Text) {
				m.Adopted = &corpus.Event{By: corpus.Opt(b), Evidence: s.Text, Line: s.Line}
				return
			}
		}
		ws := words(s.Text)
		if len(ws) > 2 {
			b := bodyIn(ws[0])
			v := fold(ws[1])
			if b != "" && (v == "antar" || v == "faststaller") && docSelfRef(strings.Join(ws[2:], " ")) {
				ev := clauseEnd(s.Text)
				m.Adopted = &corpus.Event{By: corpus.Opt(b), Evidence: ev, Line: s.Line}
				// The decision of a minutes extract: "Sammanträdesdatum
				// 2020-11-23 … Kommunstyrelsen antar riktlinjer för …".
				if f := a.field("meetingdate"); f != nil && f.Start < s.Start {
					if d := ParseDate(f.Value); d != "" {
						m.Adopted.Date = corpus.Opt(d)
					}
				}
				return
			}
		}
	}
}

var reProposal = regexp.MustCompile(`\bforeslar\s+(?:att\s+)?(\S+)\s+(?:beslutar|besluta|antar|faststaller)\b`)

// proposedBody finds the body a proposal asks to adopt the document: "Kommunstyrelsen
// föreslår att kommunfullmäktige beslutar följande. Internationell strategi
// för …, bilaga 1, antas". The statement may stand in a covering part.
func (a *adoc) proposedBody(m *corpus.Model) {
	for i, s := range a.sents {
		mm := reProposal.FindStringSubmatch(fold(s.Text))
		if mm == nil {
			continue
		}
		b := bodyIn(mm[1])
		if b == "" {
			continue
		}
		ev := s.Text
		for _, t := range a.sents[i:min(i+2, len(a.sents))] {
			if t.Start != s.Start {
				ev += " " + t.Text
			}
			if containsWord(t.Text, "antas", "fastställs", "godkänns") && docSelfRef(t.Text) {
				m.Adopted = &corpus.Event{By: corpus.Opt(b), Evidence: ev, Line: s.Line}
				return
			}
		}
	}
}

// clauseEnd cuts an adoption statement after the adopted document: before
// "att gälla från …" or before "och" with a new verb ("… strategin och
// ger kommunstyrelsen …"), not inside a name ("resor och besök").
func clauseEnd(t string) string {
	if j := strings.Index(t, " att gälla"); j > 0 {
		return t[:j]
	}
	for off := 0; ; {
		j := strings.Index(t[off:], " och ")
		if j < 0 {
			return t
		}
		j += off
		if ws := words(t[j+len(" och "):]); len(ws) > 0 && (verbByForm[fold(ws[0])] != nil || bodyIn(ws[0]) != "") {
			return t[:j]
		}
		off = j + len(" och ")
	}
}

// adoptedTitle returns the document named as the object of an adoption
// sentence ("Kommunfullmäktige antar Exempelstads strategi för
// internationellt arbete"), or "".
func adoptedTitle(ev string) string {
	ws := words(ev)
	if len(ws) < 4 || bodyIn(ws[0]) == "" {
		return ""
	}
	v := fold(ws[1])
	if v != "antar" && v != "faststaller" {
		return ""
	}
	i := strings.Index(ev, ws[1]) + len(ws[1])
	t := strings.TrimSpace(ev[i:])
	t = clauseEnd(t)
	t = strings.TrimRight(t, " .,")
	if docTypeOf(t) == "" || len(words(t)) > 10 || strings.HasPrefix(fold(t), "den ") || strings.HasPrefix(fold(t), "denna ") {
		return ""
	}
	return capFirst(t)
}

// docSelfRef reports whether s names a steering document (strategi,
// policy, plan …), as a statement about this document would.
func docSelfRef(s string) bool {
	for _, w := range words(s) {
		f := fold(w)
		for _, dt := range docTypeWords {
			if strings.HasSuffix(f, fold(dt.Word)) {
				return true
			}
		}
	}
	return false
}

// findTitle returns the document title: the first heading that names a
// document type, else the most repeated short phrase that does (a running
// header or footer).
func (a *adoc) findTitle() (string, sentence) {
	isFirst := true
	for _, h := range a.heads {
		if !a.inMain(h.Start) || h.RunIn {
			continue
		}
		t := strings.TrimSpace(h.Text)
		if i := strings.LastIndex(t, " - "); i > 0 {
			t = t[:i]
		}
		l := HeadingLabel(t)
		if isTypeList(t) {
			continue // "Strategi Program Plan Policy": a template's type legend
		}
		if docTypeOf(t) != "" && len(words(t)) <= 12 && len(words(t)) >= 2 && (l == "" || l == "ovrigt" || isFirst) {
			return t, sentence{Text: h.Text, Line: a.rawLine(h.Start)}
		}
		if l != "" && l != "ovrigt" {
			break // the body has begun
		}
		isFirst = false
	}
	// A header field, then a metadata row: "Dokumentnamn Policy för
	// internationellt arbete Dokumenttyp …"
	if f := a.field("name"); f != nil && len(words(f.Value)) >= 1 && len(words(f.Value)) <= 14 {
		return f.Value, sentence{Text: f.Evidence, Line: f.Line}
	}
	for _, s := range a.metaTexts() {
		if !a.inMain(s.Start) {
			continue
		}
		if mm := reDocName.FindStringSubmatch(s.Text); mm != nil {
			t := strings.TrimSpace(mm[1])
			if i := strings.LastIndex(t, " - "); i > 0 {
				t = t[:i]
			}
			if len(words(t)) >= 1 && len(words(t)) <= 14 {
				return t, sentence{Text: s.Text, Line: s.Line}
			}
		}
	}
	if t, s := a.topTitleLine(); t != "" {
		return t, s
	}
	counts := map[string]int{}
	first := map[string]int{}
	re := reTitlePhrase
	for i, l := range a.lines {
		if l.bp || !a.inMain(l.start) {
			continue
		}
		for _, mm := range re.FindAllStringSubmatch(l.text, -1) {
			counts[mm[1]]++
			if _, ok := first[mm[1]]; !ok {
				first[mm[1]] = i
			}
		}
	}
	best, bc := "", 0
	for k, c := range counts {
		if c > bc || c == bc && k < best {
			best, bc = k, c
		}
	}
	if bc >= 3 {
		return best, sentence{Text: best, Line: a.lines[first[best]].raw}
	}
	return "", sentence{}
}

// topTitleLine returns a short line near the top of the main part, above
// the body's first heading, that names a document type: the title of a
// cover page set as plain lines ("GÄVLE KOMMUN / Policy / Internationell
// policy för Gävle kommun / Antagen av …").
func (a *adoc) topTitleLine() (string, sentence) {
	bodyStart := a.main.End
	for _, h := range a.heads {
		if l := HeadingLabel(h.Text); h.Start >= a.main.Start && l != "" && l != "ovrigt" {
			bodyStart = h.Start
			break
		}
	}
	seen := 0
	for i, l := range a.lines {
		if l.start < a.main.Start || l.bp || l.blank {
			continue
		}
		if l.start >= bodyStart || seen >= 10 {
			break
		}
		seen++
		t := l.text
		if utf8.RuneCountInString(t) > 120 {
			// A page flattened onto one line: "Handlingsplan för … Antagen av
			// kommunstyrelsen …" — the title runs to the first label or
			// run-in heading.
			cut := len(t)
			for _, h := range lineLabels(t) {
				if h.start > 0 {
					cut = h.start
					break
				}
			}
			for _, h := range a.heads {
				if h.RunIn && h.Start > l.start && h.Start-l.start < cut {
					cut = h.Start - l.start
				}
			}
			t = t[:cut]
		}
		c := strings.TrimSpace(cleanHeading(t))
		ws := words(c)
		letters := 0
		for _, w := range ws {
			if strings.IndexFunc(w, unicode.IsDigit) < 0 {
				letters++
			}
		}
		if a.metaLines[i] || letters < 2 || len(ws) > 12 || !isCap(c) || docTypeOf(c) == "" || isTypeList(c) {
			continue
		}
		if strings.ContainsAny(c[len(c)-1:], ".,;:!?") || strings.Contains(c, "|") || ParseDate(c) != "" ||
			hasSentenceVerb(c) || len(lineLabels(c)) > 0 && strings.Index(c, ws[0]) == lineLabels(c)[0].start {
			continue
		}
		return c, sentence{Text: c, Line: l.raw}
	}
	return "", sentence{}
}

// isTypeList reports whether t is only a list of document types
// ("Strategi Program Plan Policy Riktlinje Regler"), a template's legend.
func isTypeList(t string) bool {
	ws := words(t)
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws {
		if docTypeOf(w) == "" && !containsWord(w, "regler", "regel", "vision", "reglemente", "rutin", "rutiner", "handlingsplan") {
			return false
		}
	}
	return true
}

var reDocName = regexp.MustCompile(`(?i)\bdokumentnamn\s*[:|]?\s*(.+?)\s*(?:[|]|\s(?:dokumenttyp|fastställ\w*|beslut\w*|antagen|antaget|datum|dnr|diarie\w*|giltig\w*|dokumentansvarig|reviderad|senast|version)\b|$)`)

var reTitlePhrase = regexp.MustCompile(`(?:^|[^\p{L}])(\p{Lu}\p{Ll}+(?:\s+\p{Ll}+){0,3}\s+(?:strategi|policy|plan|program|riktlinjer)(?:\s+för(?:\s+\p{L}+){1,4})?)`)

var reMunicipality = regexp.MustCompile(`(?:^|[^\p{L}])(\p{Lu}[\p{L}-]+)\s+(kommun|stad|Stad|Kommun|stads|kommuns)\b`)

// findMunicipality returns the municipality the text names most often
// ("Växjö kommun", "Helsingborgs stad" → Helsingborg).
func (a *adoc) findMunicipality() string {
	counts := map[string]int{}
	var order []string
	all := strings.Builder{}
	for _, s := range a.metaTexts() {
		if a.inMain(s.Start) {
			all.WriteString(s.Text)
			all.WriteString(". ")
		}
	}
	text := all.String()
	for _, mm := range reMunicipality.FindAllStringSubmatch(text, -1) {
		n := mm[1]
		if sentenceStarters[n] || n == "Respektive" || n == "Varje" {
			continue
		}
		if _, ok := counts[n]; !ok {
			order = append(order, n)
		}
		counts[n]++
	}
	best, bc := "", 0
	for _, n := range order {
		if counts[n] > bc {
			best, bc = n, counts[n]
		}
	}
	if best == "" {
		return ""
	}
	// Genitive: "Helsingborgs stad" → Helsingborg when the bare name occurs.
	if strings.HasSuffix(best, "s") {
		bare := strings.TrimSuffix(best, "s")
		if regexp.MustCompile(`(?:^|[^\p{L}])` + regexp.QuoteMeta(bare) + `(?:$|[^\p{L}])`).MatchString(text) {
			return bare
		}
		// Official names are genitive after a consonant ("Jönköpings
		// kommun"); names that end in s take none ("Västerås stad",
		// "Hällefors kommun").
		if r := []rune(bare); len(r) >= 3 && !strings.ContainsRune("aeiouyåäöésxz", r[len(r)-1]) && !strings.HasSuffix(best, "fors") {
			return bare
		}
	}
	return best
}

// documentType returns the type the title names, else the type the text
// refers to itself by most often ("strategin", "policyn").
func (a *adoc) documentType(title string) string {
	if t := docTypeOf(title); t != "" {
		return t
	}
	counts := map[string]int{}
	for _, s := range a.sents {
		if !a.inMain(s.Start) {
			continue
		}
		for _, w := range words(s.Text) {
			switch fold(w) {
			case "strategin":
				counts["strategi"]++
			case "policyn":
				counts["policy"]++
			case "planen":
				counts["plan"]++
			case "programmet":
				counts["program"]++
			case "riktlinjerna":
				counts["riktlinjer"]++
			}
		}
	}
	best, bc := "", 1
	for _, t := range corpus.DocumentTypes {
		if counts[t] > bc {
			best, bc = t, counts[t]
		}
	}
	return best
}

var (
	reVisionIs    = regexp.MustCompile(`(?i)\bvision(?:en)?\s+(?:är|ar)\s+(?:att\s+)?(.+)$`)
	reVisionOm    = regexp.MustCompile(`(?i)\bvision(?:en)?\s+om\s+(.+?)(?:[.;]|$)`)
	reVisionColon = regexp.MustCompile(`(?i)\b(?:vision(?:\s+(?:19|20)\d\d)?|mål och inriktning)\s*:\s*(.+)$`)
)

// findVision returns the municipality's vision the document states.
func (a *adoc) findVision(muni string) (string, sentence) {
	for _, re := range []*regexp.Regexp{reVisionIs, reVisionColon, reVisionOm} {
		for _, s := range a.sents {
			if !a.inMain(s.Start) {
				continue
			}
			if mm := re.FindStringSubmatch(s.Text); mm != nil {
				v := strings.TrimSpace(mm[1])
				v = strings.TrimRight(v, ".; ")
				if len(words(v)) >= 2 {
					if re == reVisionColon || re == reVisionIs {
						v += "."
						v = strings.TrimSuffix(v, ".")
					}
					return v, s
				}
			}
		}
	}
	return "", sentence{}
}

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
	rePurpose   = regexp.MustCompile(`(?i)(?:\bi\s+syfte\s+att|\bsyftet\s+med\b.*?\s(?:är|ar)\s+(?:därför\s+|darfor\s+)?att|\bsyftar\s+till\s+att|\bsyftet\s+(?:är|ar)\s+att|\b(?:målet|målsättningen|ambitionen)(?:\s+(?:med|för)\s+[^.]{1,60}?)?\s+(?:är|ar)\s+att)\s+(.+)$`)
	reListIntro = regexp.MustCompile(`(?i)(?:bidra\s+till\s+att|syftar\s+till\s+att|syftet\s+är\s+att|för\s+att|genom\s+att|följande)\s*:\s*`)
)

// extractGoals takes the aims from the syfte and mål sections of the main
// part: list items where there are any, else every sentence of a mål
// section and the purpose clauses of a syfte section.
func (a *adoc) extractGoals(m *corpus.Model) {
	bySec := map[int][]sentence{}
	for _, s := range a.sents {
		if s.Sec >= 0 && a.inMain(s.Start) {
			bySec[s.Sec] = append(bySec[s.Sec], s)
		}
	}
	seen := map[string]bool{}
	add := func(text, label string, line int) {
		text = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(text), ".;:,"))
		text = strings.TrimPrefix(text, "- ")
		text = reNumPrefix.ReplaceAllString(text, "") // "3.1 Samarbetet ska …"
		if len(words(text)) < 2 {
			return
		}
		k := fold(text)
		if seen[k] {
			return
		}
		seen[k] = true
		m.Goals = append(m.Goals, corpus.Goal{Text: text, SectionLabel: label, Line: line})
	}
	for si, sec := range a.secs {
		if sec.Label != "syfte" && sec.Label != "mal" || !a.inMain(sec.Start) {
			continue
		}
		// "Mål 2: Stärkt attraktionskraft" states the goal in the heading.
		if mm := reGoalHeading.FindStringSubmatch(sec.Text); mm != nil {
			add(mm[1], sec.Label, sec.StartLine)
			continue
		}
		sents := bySec[si]
		// "Mål 1: Ökad extern finansiering." opens each goal's paragraph.
		numbered := 0
		for _, s := range sents {
			if mm := reGoalHeading.FindStringSubmatch(strings.TrimRight(s.Text, ". ")); mm != nil {
				add(mm[1], sec.Label, s.Line)
				numbered++
			}
		}
		if numbered > 0 {
			continue
		}
		var items []sentence
		leadIn := ""
		for _, s := range sents {
			if s.Item && !isMeansLeadIn(leadIn) {
				items = append(items, s)
			}
			if !s.Item && s.ParaStart {
				leadIn = s.Text
			}
		}
		if len(items) > 0 {
			for _, s := range items {
				add(s.Text, sec.Label, s.Line)
			}
			continue
		}
		taken := 0
		before := len(m.Goals)
		for _, s := range sents {
			if flat := flattenedList(s.Text); len(flat) > 0 {
				for _, it := range flat {
					add(it, sec.Label, s.Line)
				}
			}
			if mm := rePurpose.FindStringSubmatch(s.Text); mm != nil {
				g := mm[1]
				if i := strings.Index(g, ":"); i >= 0 {
					g = g[:i]
				}
				add(g, sec.Label, s.Line)
				continue
			}
			if sec.Label == "mal" && flattenedList(s.Text) == nil && len(words(s.Text)) >= 5 && statesAim(s.Text) && taken < 8 {
				add(s.Text, sec.Label, s.Line)
				taken++
			}
		}
		// A syfte section in prose without a purpose clause: the sentences
		// that say what the municipality shall achieve ("Kommunen ska genom
		// internationellt samarbete utveckla verksamheten"), not what the
		// document itself does ("Policyn ska tydliggöra …").
		if sec.Label == "syfte" && len(m.Goals) == before {
			for _, s := range sents {
				ws := words(s.Text)
				if taken < 4 && len(ws) >= 5 && containsWord(s.Text, "ska", "skall") && statesAim(s.Text) &&
					!selfSubject(ws[0]) && !isMeansLeadIn(s.Text) {
					add(s.Text, sec.Label, s.Line)
					taken++
				}
			}
		}
	}
}

// selfSubject reports whether a sentence's first word w is the document
// itself ("Policyn", "Riktlinjerna", "Denna").
func selfSubject(w string) bool {
	switch fold(w) {
	case "policyn", "strategin", "riktlinjerna", "planen", "programmet", "dokumentet", "handlingsplanen",
		"denna", "detta", "dessa", "syftet", "den", "det", "de":
		return true
	}
	return false
}

var reGoalHeading = regexp.MustCompile(`(?i)^(?:mål|delmål|målsättning|effektmål)\s*\d+\s*[:.–-]\s*(.{3,})$`)

// aimWords are word beginnings (folded) that a sentence stating an aim
// uses: a modal, or a verb or noun of change.
var aimWords = []string{"ska", "skall", "bor", "bidra", "oka", "stark", "utveckl", "framj", "forbattr",
	"verka", "syft", "mal", "minsk", "uppna", "sakerstall", "bli", "vara", "starka"}

// statesAim reports whether a sentence of a mål section states an aim
// rather than describing something.
func statesAim(s string) bool {
	for _, w := range words(fold(s)) {
		for _, p := range aimWords {
			if w == p || len(p) >= 4 && strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}

// isMeansLeadIn reports whether a lead-in introduces means rather than
// aims: "Detta gör vi genom", "Det sker genom att:".
func isMeansLeadIn(s string) bool {
	f := strings.TrimRight(fold(s), " .:")
	return strings.HasSuffix(f, " genom") || strings.HasSuffix(f, "genom att") || strings.Contains(f, "gor vi genom")
}

// flattenedList splits a list whose bullets were lost when the text was
// flattened: "bidra till att: Utveckla … Profilera … Bevaka … I de fall …".
// Items start at a capitalised verb in the infinitive (ending in -a); the
// list ends at a word that starts a sentence.
func flattenedList(s string) []string {
	loc := reListIntro.FindStringIndex(s)
	if loc == nil {
		return nil
	}
	rest := s[loc[1]:]
	ts := tokenize(rest)
	if len(ts) == 0 || !isCap(ts[0].w) {
		return nil
	}
	var items []string
	start := 0
	end := len(rest)
	for k := 1; k < len(ts); k++ {
		gap := rest[ts[k-1].end:ts[k].start]
		if strings.ContainsAny(gap, ".;!?") {
			end = ts[k-1].end
			break
		}
		if !isCap(ts[k].w) {
			continue
		}
		if sentenceStarters[ts[k].w] {
			end = ts[k].start
			break
		}
		if strings.HasSuffix(ts[k].f, "a") && len(ts[k].f) >= 4 {
			items = append(items, rest[ts[start].start:ts[k].start])
			start = k
		}
	}
	if start < len(ts) && ts[start].start < end {
		items = append(items, rest[ts[start].start:end])
	}
	if len(items) < 2 {
		return nil
	}
	for i := range items {
		items[i] = strings.TrimSpace(items[i])
	}
	return items
}

// fuCandidate is a follow-up mechanism found in a sentence.
type fuCandidate struct {
	fu  corpus.FollowUp
	pos int
}

var followUpRes = func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(followUpKeys))
	for i, k := range followUpKeys {
		out[i] = regexp.MustCompile(`\b` + regexp.QuoteMeta(fold(k.Prefix)) + `\w*`)
	}
	return out
}()

// followUpAny matches any follow-up keyword; sentences without one are
// skipped before the keywords are told apart.
var followUpAny = func() *regexp.Regexp {
	var alts []string
	for _, k := range followUpKeys {
		alts = append(alts, regexp.QuoteMeta(fold(k.Prefix)))
	}
	return regexp.MustCompile(`\b(?:` + strings.Join(alts, "|") + `)`)
}()

var rePastWithDate = regexp.MustCompile(`^(?:reviderad|reviderat|reviderades|utvarderad|utvarderat|uppdaterad)\b`)

// extractFollowUps finds the follow-up mechanisms of the main part.
func (a *adoc) extractFollowUps(m *corpus.Model, resp map[int][]respFound) {
	var cands []corpus.FollowUp
	for si, s := range a.sents {
		if !a.inMain(s.Start) {
			continue
		}
		f := fold(s.Text)
		if !followUpAny.MatchString(f) {
			continue
		}
		type hit struct {
			start, end int
			cat        string
		}
		var hits []hit
		for i, re := range followUpRes {
			for _, loc := range re.FindAllStringIndex(f, -1) {
				overlap := false
				for _, h := range hits {
					if loc[0] < h.end && h.start < loc[1] {
						overlap = true
					}
				}
				if overlap {
					continue
				}
				w := f[loc[0]:loc[1]]
				if rePastWithDate.MatchString(w) {
					continue
				}
				// Compounds that are not mechanisms: "revideringsarbetet".
				if strings.HasSuffix(w, "arbetet") || strings.HasSuffix(w, "system") || strings.HasSuffix(w, "systemet") {
					continue
				}
				hits = append(hits, hit{loc[0], loc[1], followUpKeys[i].Category})
			}
		}
		if len(hits) == 0 {
			continue
		}
		sort.Slice(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
		ivs := findIntervals(s.Text)
		if s.Item && len(ivs) == 0 {
			continue
		}
		// A mechanism is prescribed ("ska", "ansvarar för", "sker årligen"),
		// not told about ("Den senaste uppföljningen visade …").
		labelRow := false // "Uppföljning: kommunstyrelsen"
		for _, h := range hits {
			if strings.HasPrefix(strings.TrimLeft(f[h.end:], " "), ":") {
				labelRow = true
			}
		}
		if len(ivs) == 0 && len(resp[si]) == 0 && !prescribes(f) && !labelRow {
			continue
		}
		seenCat := map[string]bool{}
		prevEnd := -1 // end of the last keyword kept
		for _, h := range hits {
			if prevEnd >= 0 && secondaryHit(f[prevEnd:h.start]) {
				continue // "följer upp handlingsplanen", "integreras vid rapportering av …"
			}
			if h.cat == "handlingsplan" && strings.HasPrefix(f[h.start:], "handlingsplanen") && strings.Contains(fold(a.d.Title), "handlingsplan") {
				continue // the document itself ("Handlingsplanen följs upp årligen")
			}
			if emptyLabelRow(s.Text[toOrig(s.Text, h.end):]) {
				continue // "För ev uppföljning … ansvarar:" with no value
			}
			prevEnd = h.end
			who := whoFor(s.Text, toOrig(s.Text, h.start), resp[si])
			iv := nearestInterval(ivs, h.start, h.end)
			key := h.cat + iv.Value
			if seenCat[key] {
				continue
			}
			seenCat[key] = true
			val := iv.Value
			if val == "" {
				val = corpus.IntervalUnspecified
			}
			cands = append(cands, corpus.FollowUp{
				What:         whatOf(s.Text, toOrig(s.Text, h.start)),
				Category:     h.cat,
				Who:          corpus.Opt(who),
				Interval:     val,
				IntervalText: corpus.Opt(iv.Text),
				Due:          corpus.Opt(iv.Due),
				Evidence:     s.Text,
				Line:         s.Line,
			})
		}
	}
	// Merge repeats: the same mechanism said twice, or an unspecified one
	// with no named body next to the same kind with an interval.
	var out []corpus.FollowUp
	seen := map[string]bool{}
	for i, c := range cands {
		k := c.Category + "|" + c.Interval + "|" + string(c.Who)
		if seen[k] {
			continue
		}
		if c.Interval == corpus.IntervalUnspecified {
			dup := false
			for j, o := range cands {
				if j != i && o.Category == c.Category && o.Interval != corpus.IntervalUnspecified && (c.Who == "" || c.Who == o.Who) {
					dup = true
				}
			}
			if dup {
				continue
			}
		}
		seen[k] = true
		out = append(out, c)
	}
	// A mechanism repeated with and without the body: keep the named one.
	// A named one without an interval takes the interval another sentence
	// gives the same kind ("För revidering ansvarar: Kommunstyrelsen" and
	// "Policyn ska revideras vartannat år" are one revision).
	var final []corpus.FollowUp
	drop := make([]bool, len(out))
	for i, c := range out {
		if c.Who != "" {
			continue
		}
		for j, o := range out {
			if j == i || drop[j] || o.Category != c.Category || o.Who == "" {
				continue
			}
			if o.Interval == c.Interval && (o.Evidence == c.Evidence || c.Interval != corpus.IntervalUnspecified) {
				drop[i] = true
				break
			}
			if o.Interval == corpus.IntervalUnspecified && c.Interval == corpus.IntervalUnspecified && o.Evidence != c.Evidence && labelRowFU(o) {
				drop[i] = true
				break
			}
		}
	}
	for i, c := range out {
		if !drop[i] {
			final = append(final, c)
		}
	}
	m.FollowUp = append(m.FollowUp, final...)
}

// labelRowFU reports whether a follow-up comes from a header label row
// that names who is responsible ("För revidering ansvarar: Kommunstyrelsen").
func labelRowFU(f corpus.FollowUp) bool {
	return reLabelWho.MatchString(f.Evidence) || strings.Contains(fold(f.Evidence), string(fold(string(f.What)))+":")
}

// secondaryHit reports whether a follow-up keyword after another one,
// with the folded text gap between them, names no mechanism of its own:
// the object of the first ("följer upp handlingsplanen") or the occasion
// it happens at ("bör integreras vid rapportering av …").
func secondaryHit(gap string) bool {
	ws := words(gap)
	object := true
	for _, w := range ws {
		switch w {
		case "av", "den", "det", "de", "en", "ett", "sin", "sitt", "sina", "var", "vart", "varje", "arlig", "arliga", "arligen":
		default:
			object = false
		}
	}
	if object {
		return true
	}
	// The occasion or means: "vid rapportering", "genom en årlig rapport".
	for len(ws) > 0 {
		switch ws[len(ws)-1] {
		case "en", "ett", "den", "det", "de", "arlig", "arliga", "sin", "sitt", "sina", "skriftlig", "muntlig":
			ws = ws[:len(ws)-1]
			continue
		}
		break
	}
	g := " " + strings.Join(ws, " ")
	for _, p := range []string{" vid", " genom", " i samband med", " inom ramen for", " i form av"} {
		if strings.HasSuffix(g, p) {
			return true
		}
	}
	return false
}

// emptyLabelRow reports whether the text after a follow-up keyword is the
// rest of a label ("… för denna ansvarar:") whose value is missing: the
// next label or the end follows the colon.
func emptyLabelRow(rest string) bool {
	i := strings.Index(rest, ":")
	if i < 0 || i > 60 || !strings.Contains(fold(rest[:i]), "ansvarar") {
		return false
	}
	v := strings.TrimLeft(rest[i+1:], " \t")
	if v == "" {
		return true
	}
	_, ok := labelAt(v, 0)
	return ok
}

// prescriptive are folded words that make a sentence prescribe something.
var prescriptive = map[string]bool{
	"ska": true, "skall": true, "bor": true, "maste": true, "ansvarar": true, "ansvar": true,
	"ansvaret": true, "ansvarig": true, "sker": true, "gors": true, "genomfors": true, "foljs": true,
	"redovisas": true, "rapporteras": true, "utvarderas": true, "revideras": true, "omprovas": true,
	"ingar": true, "beslutar": true,
}

func prescribes(f string) bool {
	for _, w := range words(f) {
		if prescriptive[w] {
			return true
		}
	}
	return false
}

// ivHit is an interval phrase found in a sentence.
type ivHit struct {
	Interval
	start, end int
}

// findIntervals returns every interval phrase in s with its position in
// fold(s).
func findIntervals(s string) []ivHit {
	f := fold(s)
	var out []ivHit
	for i, re := range intervalRes {
		for _, loc := range re.FindAllStringIndex(f, -1) {
			out = append(out, ivHit{Interval{Value: intervalPhrases[i].Interval, Text: originalSpan(s, f, loc)}, loc[0], loc[1]})
		}
	}
	for _, loc := range reOnce.FindAllStringSubmatchIndex(f, -1) {
		out = append(out, ivHit{onceAt(s, f, loc), loc[0], loc[1]})
	}
	return out
}

// nearestInterval picks the interval phrase closest to a keyword (within
// 120 bytes); a duration beats a vaguer phrase at the same distance.
func nearestInterval(ivs []ivHit, start, end int) Interval {
	best := Interval{}
	bestD := 1 << 30
	for _, iv := range ivs {
		d := 0
		switch {
		case iv.end <= start:
			d = start - iv.end
		case iv.start >= end:
			d = iv.start - end
		}
		if d > 120 {
			continue
		}
		if d < bestD || d == bestD && better(iv.Value, best.Value) {
			best, bestD = iv.Interval, d
		}
	}
	return best
}

// whatOf names a mechanism: from its keyword to the end of the clause, at
// most ten words.
func whatOf(s string, pos int) string {
	rest := s[pos:]
	if i := strings.IndexAny(rest, ",;:.("); i > 0 {
		rest = rest[:i]
	}
	ws := strings.Fields(rest)
	if len(ws) > 10 {
		ws = ws[:10]
	}
	return strings.TrimRight(strings.Join(ws, " "), " .,;")
}

var reKeywordLabel = regexp.MustCompile(`^[\p{L}-]+\s*:\s*`)
var reLabelWho = regexp.MustCompile(`(?i)^[^.:]{0,70}?\sansvarar\s*:\s*`)

// whoFor returns the body that carries out the mechanism whose keyword is
// at byte pos of sentence s: in a label row the value after "ansvarar:"
// (none when it is empty), else the subject found nearest to the keyword.
func whoFor(s string, pos int, found []respFound) string {
	// "Uppföljning: Kommunstyrelsen"
	if loc := reKeywordLabel.FindStringIndex(s[pos:]); loc != nil {
		v := s[pos+loc[1]:]
		ts := tokenize(v)
		if len(ts) > 0 && ts[0].start == 0 && isActorWord(ts[0].w, ts[0].f) {
			return canonicalName(mentionText(ts, actorAt(ts, 0, v), v))
		}
	}
	if loc := reLabelWho.FindStringIndex(s[pos:]); loc != nil {
		ts := tokenize(s[pos+loc[1]:])
		if len(ts) > 0 && ts[0].start == 0 && isActorWord(ts[0].w, ts[0].f) {
			return canonicalName(mentionText(ts, actorAt(ts, 0, s[pos+loc[1]:]), s[pos+loc[1]:]))
		}
		return ""
	}
	best, bestD := "", 1<<30
	for _, r := range found {
		for i := 0; ; {
			j := strings.Index(s[i:], r.mention)
			if j < 0 {
				break
			}
			p := i + j
			d := pos - p
			if d < 0 {
				d = -d + 20 // a body named after the keyword is a weaker guess
			}
			if d < bestD {
				best, bestD = canonicalName(r.mention), d
			}
			i = p + len(r.mention)
		}
	}
	if best == "" && len(found) > 0 {
		best = canonicalName(found[0].mention)
	}
	return best
}

// extractThemes counts theme keywords in the main part; a theme needs two
// hits, or one in a heading.
func (a *adoc) extractThemes(m *corpus.Model) {
	var body, heads strings.Builder
	for _, s := range a.sents {
		if a.inMain(s.Start) {
			body.WriteString(fold(s.Text))
			body.WriteByte(' ')
		}
	}
	for _, s := range a.secs {
		if a.inMain(s.Start) {
			heads.WriteString(fold(s.Text))
			heads.WriteByte(' ')
		}
	}
	b, h := body.String(), heads.String()
	for _, theme := range corpus.Themes {
		n, nh := 0, 0
		for _, kw := range themeKeywords[theme] {
			weight := 1
			if strings.HasPrefix(kw, "!") || strings.ContainsAny(kw, " -") {
				weight = 2 // a specific phrase or a word that only this theme uses
			}
			k := fold(strings.TrimPrefix(kw, "!"))
			n += weight * countWordPrefix(b, k)
			nh += countWordPrefix(h, k)
		}
		if n >= 2 || nh >= 1 {
			m.Themes = append(m.Themes, theme)
		}
	}
}

var knownNetworkRes = []*regexp.Regexp{
	regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(` + strings.Join(knownNetworks, "|") + `)(?:$|[^\p{L}\p{N}])`),
}

// countWordPrefix counts the occurrences of k in s that start a word.
func countWordPrefix(s, k string) int {
	n := 0
	for i := 0; ; {
		j := strings.Index(s[i:], k)
		if j < 0 {
			return n
		}
		p := i + j
		if p == 0 {
			n++
		} else if r, _ := utf8.DecodeLastRuneInString(s[:p]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			n++
		}
		i = p + len(k)
	}
}

// nameJoiners may stand between the capitalised words of a name.
var nameJoiners = map[string]bool{"of": true, "for": true, "and": true, "för": true, "de": true, "du": true, "the": true}

// capitalisedNames returns the byte ranges of runs of capitalised words,
// joined by single spaces and the words of nameJoiners ("Union of Baltic
// Cities"), ending in a capitalised word.
func capitalisedNames(s string) [][2]int {
	var out [][2]int
	ts := tokenize(s)
	for i := 0; i < len(ts); i++ {
		if !isCap(ts[i].w) || isAllCaps(ts[i].w) && len([]rune(ts[i].w)) > 5 {
			continue // a shouted heading word is not part of a name
		}
		if i > 0 && ts[i].start > 0 && strings.ContainsAny(s[ts[i].start-1:ts[i].start], "-") {
			continue
		}
		j := i
		for k := i + 1; k < len(ts); k++ {
			gap := s[ts[k-1].end:ts[k].start]
			if gap != " " {
				break
			}
			if isCap(ts[k].w) && !(isAllCaps(ts[k].w) && len([]rune(ts[k].w)) > 5) {
				j = k
				continue
			}
			if !nameJoiners[ts[k].w] {
				break
			}
		}
		out = append(out, [2]int{ts[i].start, ts[j].end})
		i = j
	}
	return out
}

// extractNetworks finds named external networks and organisations: names
// listed after "medlemskap i …", and capitalised names whose last word is
// an organisation word (Forum, Cities, Europaförening, kommunalförbund …).
func (a *adoc) extractNetworks(m *corpus.Model) {
	seen := map[string]bool{}
	add := func(n string) {
		n = strings.TrimSpace(strings.TrimRight(n, " ,.;:"))
		n = reTrailParens.ReplaceAllString(n, "")
		for _, w := range []string{"och ", "samt ", "i "} {
			n = strings.TrimPrefix(n, w)
		}
		// "Interreg-projektet Green Cities Network": the descriptor is no part of the name.
		if loc := reDescriptor.FindStringIndex(n); loc != nil && loc[1] < len(n) {
			n = n[loc[1]:]
		}
		if len(n) < 3 || seen[fold(n)] || isActorPhrase(n) {
			return
		}
		for _, o := range m.Networks {
			if strings.Contains(o, n) {
				return // a part of a name already found
			}
		}
		if a.municipalityName(n) {
			return
		}
		seen[fold(n)] = true
		m.Networks = append(m.Networks, n)
	}
	// Items listed under a heading about networks or memberships.
	for _, s := range a.sents {
		if !s.Item || s.Sec < 0 || !a.inMain(s.Start) || !isNetworkHeading(a.secs[s.Sec].Text) {
			continue
		}
		n := reParensAny.ReplaceAllString(s.Text, "")
		if i := strings.IndexAny(n, ",;:–"); i > 0 {
			n = n[:i]
		}
		n = strings.TrimSpace(strings.TrimRight(n, ". "))
		if ws := words(n); len(ws) >= 1 && len(ws) <= 6 && isCap(n) && !sentenceStarters[ws[0]] && !hasSentenceVerb(n) {
			add(n)
		}
	}
	for _, s := range a.sents {
		if !a.inMain(s.Start) {
			continue
		}
		f := fold(s.Text)
		// Well-known organisations; an acronym in parentheses after a
		// name is its alias.
		foundHere := false
		for _, re := range knownNetworkRes {
			for _, mm := range re.FindAllStringSubmatchIndex(s.Text, -1) {
				if mm[2] > 0 && s.Text[mm[2]-1] == '(' && foundHere {
					continue
				}
				add(s.Text[mm[2]:mm[3]])
				foundHere = true
			}
		}
		// Lists after an introduction.
		for _, intro := range networkIntro {
			i := strings.Index(f, fold(intro)+" ")
			if i < 0 {
				continue
			}
			rest := s.Text[toOrig(s.Text, i+len(fold(intro))+1):]
			if j := strings.IndexAny(rest, ".;:"); j >= 0 {
				rest = rest[:j]
			}
			names := splitNameList(rest)
			strong := strings.HasPrefix(fold(intro), "medlem")
			if len(names) >= 2 || strong && len(names) == 1 && !sentenceStarters[strings.Fields(names[0])[0]] {
				for _, n := range names {
					add(n)
				}
			}
			break
		}
		// Names with an organisation head word.
		for _, loc := range capitalisedNames(s.Text) {
			name := strings.TrimSpace(s.Text[loc[0]:loc[1]])
			name = trimTrailingLower(name)
			ws := strings.Fields(name)
			if len(ws) == 0 {
				continue
			}
			// Also the Swedish form "Sjuhärads kommunalförbund": capitalised genitive + head.
			tail := s.Text[loc[1]:]
			// (Only the tail's first word: all its words made this quadratic in the sentence.)
			if tw := reWord.FindString(tail); tw != "" && strings.HasPrefix(tail, " ") && isNetHead(tw) && !isCap(tw) && strings.HasSuffix(ws[len(ws)-1], "s") {
				name = name + " " + tw
				ws = append(ws, tw)
			}
			if len(ws) < 2 {
				continue
			}
			// "West Sweden West Sweden": a run-in heading and the name.
			if h := len(ws) / 2; len(ws)%2 == 0 && strings.Join(ws[:h], " ") == strings.TrimSuffix(strings.Join(ws[h:], " "), "s") || len(ws)%2 == 0 && strings.Join(ws[:h], " ") == strings.Join(ws[h:], " ") {
				name = strings.Join(ws[:h], " ")
			}
			head := false
			for _, w := range ws[1:] {
				head = head || isNetHead(w)
			}
			if head && !sentenceStarters[ws[0]] {
				add(name)
			}
		}
	}
}

var foldedNetHeads = func() map[string]bool {
	m := map[string]bool{}
	for _, h := range networkHeads {
		m[fold(h)] = true
	}
	return m
}()

// isNetHead reports whether w is a word that names an organisation.
// isNetworkHeading reports whether a heading is about networks,
// organisations or memberships.
func isNetworkHeading(h string) bool {
	for _, w := range words(fold(h)) {
		if strings.HasPrefix(w, "natverk") || strings.HasPrefix(w, "medlemskap") || w == "organisationer" || w == "natverken" {
			return true
		}
	}
	return false
}

func isNetHead(w string) bool {
	f := fold(w)
	if foldedNetHeads[f] {
		return true
	}
	for _, h := range networkHeads {
		if len(h) >= 7 && !isCap(h) && strings.HasSuffix(f, fold(h)) {
			return true
		}
	}
	return strings.HasSuffix(f, "regionen") || strings.HasSuffix(f, "europaforening") || strings.HasSuffix(f, "kommunalforbund")
}

func trimTrailingLower(name string) string {
	ws := strings.Fields(name)
	for len(ws) > 1 && !isCap(ws[len(ws)-1]) {
		ws = ws[:len(ws)-1]
	}
	return strings.Join(ws, " ")
}

// isActorPhrase reports whether n is one of the municipality's own bodies.
func isActorPhrase(n string) bool {
	ws := words(n)
	if len(ws) == 0 {
		return true
	}
	last := ws[len(ws)-1]
	f := fold(last)
	if strings.HasSuffix(f, "regionen") || strings.HasSuffix(f, "kommunalforbund") {
		return false
	}
	return isActorWord(last, f) && len(ws) == 1
}

// municipalityName reports whether n is the document's own municipality.
func (a *adoc) municipalityName(n string) bool {
	mu := fold(a.d.Municipality)
	f := fold(n)
	return mu != "" && (f == mu || strings.HasPrefix(f, mu+" ") || strings.HasPrefix(f, mu+"s "))
}

var reInCountry = regexp.MustCompile(`\s+(?:i|på)\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?$`)

// splitNameList splits "A, B, C och D" into capitalised names.
func splitNameList(s string) []string {
	s = strings.ReplaceAll(s, " samt ", ", ")
	s = strings.ReplaceAll(s, " och ", ", ")
	var out []string
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		for _, w := range []string{"i ", "in ", "av "} {
			p = strings.TrimPrefix(p, w)
		}
		p = trimTrailingLower(p)
		// "Vaasa i Finland": the country is not part of the name.
		p = reInCountry.ReplaceAllString(p, "")
		if p == "" || !isCap(p) || len(words(p)) > 6 {
			return out
		}
		out = append(out, p)
	}
	return out
}

// extractTwins lists twin cities named after "vänorter" (unless the text
// says there are none).
func (a *adoc) extractTwins(m *corpus.Model) {
	seen := map[string]bool{}
	for _, n := range a.twinListItems() {
		if !seen[fold(n)] {
			seen[fold(n)] = true
			m.TwinCities = append(m.TwinCities, n)
		}
	}
	for _, s := range a.sents {
		if !a.inMain(s.Start) {
			continue
		}
		for _, t := range tokenize(s.Text) {
			if !isTwinWord(t.f) {
				continue
			}
			before := fold(s.Text[max(0, t.start-25):t.start])
			if strings.Contains(before, "inga") || strings.Contains(before, "inte") || strings.Contains(before, "utan") {
				break
			}
			rest := reParensAny.ReplaceAllString(s.Text[t.end:], "")
			rest = reTwinGlue.ReplaceAllString(rest, "")
			if j := strings.IndexAny(rest, ".;"); j >= 0 {
				rest = rest[:j]
			}
			for _, n := range splitNameList(rest) {
				if len(words(n)) <= 3 && !seen[fold(n)] && !isRegionName(n) && !a.municipalityName(n) {
					seen[fold(n)] = true
					m.TwinCities = append(m.TwinCities, n)
				}
			}
			// Go on: "… och Hamar i Norge samt vänort Tórshavn på Färöarna".
		}
	}
}

var reDescriptor = regexp.MustCompile(`^\p{L}+-\p{Ll}+(?:et|en|na)\s+`)

// twinListItems returns the names listed as items in sections whose
// heading names twin towns ("Våra vänorter": "- Lemvig, Danmark"), and
// the first cells of a table there ("| Keila | Estland | 1992 |").
func (a *adoc) twinListItems() []string {
	var out []string
	for _, sec := range a.secs {
		twinSec := false
		for _, t := range tokenize(sec.Text) {
			twinSec = twinSec || isTwinWord(t.f)
		}
		if !twinSec || !a.inMain(sec.Start) {
			continue
		}
		for i := a.lineAt(sec.BodyStart); i < len(a.lines) && a.lines[i].start < sec.BodyEnd; i++ {
			t := strings.TrimSpace(a.lines[i].text)
			if a.metaLines[i] || !strings.Contains(t, "|") || reTableSep.MatchString(t) {
				continue // header fields are no town
			}
			if i+1 < len(a.lines) && reTableSep.MatchString(strings.TrimSpace(a.lines[i+1].text)) {
				continue // the header row
			}
			cells := strings.Split(strings.Trim(t, "| "), "|")
			n := strings.TrimSpace(cleanEvidence(cells[0]))
			if ws := words(n); len(ws) >= 1 && len(ws) <= 3 && isCap(n) && !isNumber(n) && !isRegionName(n) && !isTwinWord(fold(ws[0])) {
				out = append(out, n)
			}
		}
	}
	for _, s := range a.sents {
		if !s.Item || s.Sec < 0 || !a.inMain(s.Start) {
			continue
		}
		twinSec := false
		for _, t := range tokenize(a.secs[s.Sec].Text) {
			twinSec = twinSec || isTwinWord(t.f)
		}
		if !twinSec {
			continue
		}
		n := reParensAny.ReplaceAllString(s.Text, "")
		if i := strings.IndexAny(n, ",;–-:"); i > 0 {
			n = n[:i]
		}
		n = strings.TrimSpace(strings.TrimRight(n, ". "))
		if ws := words(n); len(ws) >= 1 && len(ws) <= 3 && isCap(n) && !sentenceStarters[ws[0]] {
			out = append(out, n)
		}
	}
	return out
}

var (
	reParensAny = regexp.MustCompile(`\s*\([^)]*\)`)
	reTwinGlue  = regexp.MustCompile(`^(?:\s*(?:är|är\s+följande|med|mellan|i|:|,|finns\s+i|utgörs\s+av|består\s+av))+\s*`)
)

// isRegionName reports whether n is a country or region, not a town.
func isRegionName(n string) bool {
	for _, r := range regionNames {
		if fold(n) == fold(r) {
			return true
		}
	}
	return false
}

// isTwinWord reports whether folded word f names twin towns.
func isTwinWord(f string) bool {
	if !strings.HasPrefix(f, "van") {
		return false
	}
	for _, p := range twinIntro {
		if f == fold(p) {
			return true
		}
	}
	return strings.HasPrefix(f, "vanortssamarbete") || strings.HasPrefix(f, "vanortsavtal")
}

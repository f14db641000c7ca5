package analyze

import (
	"regexp"
	"sort"
	"strings"

	"styrdok/corpus"
)

var (
	reParenAbbrev = regexp.MustCompile(`^\s*\((\p{Lu}{2,6})\)`)
	reParens      = regexp.MustCompile(`\([^)]*\)`)
	reAtt         = regexp.MustCompile(`\batt\s+`)
	reTrailParens = regexp.MustCompile(`\s*\([^)]*\)$`)
)

// tok is a word of a sentence with its byte range.
type tok struct {
	w          string
	f          string // folded
	start, end int
}

func tokenize(s string) []tok {
	var out []tok
	for _, loc := range reWordPos.FindAllStringIndex(s, -1) {
		w := s[loc[0]:loc[1]]
		out = append(out, tok{w, fold(w), loc[0], loc[1]})
	}
	return out
}

var foldedSuffixes = func() []string {
	out := make([]string, len(actorSuffixes))
	for i, s := range actorSuffixes {
		out[i] = fold(s)
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}()

var foldedDeterminers = func() map[string]bool {
	m := map[string]bool{}
	for k := range actorDeterminers {
		m[fold(k)] = true
	}
	return m
}()

// roleNouns are people in a body: "Medlemmarna i nätverket".
var roleNouns = map[string]bool{
	"medlemmarna": true, "representanterna": true, "representanter": true,
	"ledamoterna": true, "foretradare": true, "ordforande": true, "ordforanden": true,
}

// isActorWord reports whether folded word f names a body or a role. OCR
// damage of one letter in a long ending is tolerated.
func isActorWord(w, f string) bool {
	if actorAbbrev[w] != "" {
		return true
	}
	if strings.HasSuffix(f, "-") {
		return false
	}
	for _, s := range foldedSuffixes {
		if strings.HasSuffix(f, s) {
			return true
		}
	}
	for _, s := range foldedSuffixes {
		if len(s) >= 7 && len(f) >= len(s) && oneOff(f[len(f)-len(s):], s) {
			return true
		}
	}
	return false
}

// oneOff reports whether a and b (equal byte length) differ in at most one
// byte.
func oneOff(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	d := 0
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			d++
		}
	}
	return d <= 1
}

// fuzzyCanonical maps a word to the canonical name of a main body
// (Kommunfullmäktige, Kommunstyrelsen …), tolerating one damaged letter.
func fuzzyCanonical(w string) string {
	if c := actorAbbrev[w]; c != "" {
		return c
	}
	f := fold(w)
	for k, c := range actorCanonical {
		fk := fold(k)
		if f == fk || len(fk) >= 9 && oneOff(f, fk) {
			return c
		}
	}
	return ""
}

// actorSpan is an actor phrase in a sentence: tokens [i, j).
type actorSpan struct{ i, j int }

// actorAt returns the actor phrase whose head word is token h: determiners
// to the left ("Respektive", "Samtliga"), coordinated bodies to the right
// ("nämnder och bolagsstyrelser", "förvaltning/bolag") and a parenthesised
// abbreviation ("(IB)").
func actorAt(ts []tok, h int, text string) actorSpan {
	i := h
	// Left: suspended compounds "Fackförvaltnings- och bolagschefer".
	if i >= 2 && ts[i-1].f == "och" && strings.HasSuffix(text[ts[i-2].start:ts[i-1].start], "- ") {
		i -= 2
	}
	// A body in the genitive owns the head: "Kommunstyrelsens arbetsutskott".
	if i > 0 && i == h && strings.HasSuffix(ts[i-1].f, "s") && isActorWord(ts[i-1].w, ts[i-1].f) && text[ts[i-1].end:ts[i].start] == " " {
		i--
	}
	for i > 0 && foldedDeterminers[ts[i-1].f] && text[ts[i-1].end:ts[i].start] == " " {
		i--
	}
	// Capitalised adjective that starts the name: "Internationella beredningen".
	if i > 0 && i == h && isCap(ts[i-1].w) && strings.HasSuffix(ts[i-1].f, "a") && text[ts[i-1].end:ts[i].start] == " " {
		if i-1 == 0 || strings.ContainsAny(text[ts[i-2].end:ts[i-1].start], ".:") {
			i--
		}
	}
	// Mid-sentence, a capitalised adjective is part of a role's name:
	// "i samarbete med Internationell samordnare".
	if i > 1 && i == h && isCap(ts[i-1].w) && !isAllCaps(ts[i-1].w) && text[ts[i-1].end:ts[i].start] == " " &&
		!strings.ContainsAny(text[ts[i-2].end:ts[i-1].start], ".:;") {
		if f := ts[i-1].f; strings.HasSuffix(f, "ell") || strings.HasSuffix(f, "isk") || strings.HasSuffix(f, "al") {
			i--
		}
	}
	if i >= 2 && ts[i-1].f == "i" && roleNouns[ts[i-2].f] {
		i -= 2
	}
	j := h + 1
	for j+1 < len(ts) {
		gap := text[ts[j-1].end:ts[j].start]
		if (ts[j].f == "och" || ts[j].f == "samt") && strings.TrimSpace(gap) == "" {
			k := j + 1
			for k < len(ts) && foldedDeterminers[ts[k].f] {
				k++
			}
			if k < len(ts) && (isActorWord(ts[k].w, ts[k].f) || ts[k].f == "bolag" || ts[k].f == "styrelser") {
				j = k + 1
				continue
			}
		}
		if strings.TrimSpace(gap) == "/" && isActorWord(ts[j].w, ts[j].f) {
			j++
			continue
		}
		break
	}
	if j < len(ts) {
		rest := text[ts[j-1].end:]
		if m := reParenAbbrev.FindStringSubmatch(rest); m != nil && ts[j].w == m[1] {
			j++
		}
	}
	return actorSpan{i, j}
}

// mentionText returns the text of an actor phrase.
func mentionText(ts []tok, sp actorSpan, text string) string {
	end := ts[sp.j-1].end
	if end < len(text) && text[end] == ')' {
		end++
	}
	return cleanEvidence(text[ts[sp.i].start:end])
}

// actorKey normalises an actor phrase for grouping: determiners dropped,
// Swedish plural/definite endings stripped, diacritics folded.
func actorKey(m string) string {
	if c := fuzzyCanonical(strings.TrimSpace(m)); c != "" {
		return fold(c)
	}
	m = reParens.ReplaceAllString(m, " ")
	var out []string
	for _, w := range words(fold(strings.ReplaceAll(m, "/", " och "))) {
		if foldedDeterminers[w] || w == "kommunens" || w == "stadens" {
			continue
		}
		if c := fuzzyCanonical(w); c != "" {
			out = append(out, fold(c))
			continue
		}
		out = append(out, stemSv(w))
	}
	return strings.Join(out, " ")
}

// stemSv strips common Swedish plural, definite and genitive endings.
func stemSv(w string) string {
	for range 2 {
		for _, suf := range []string{"arnas", "ernas", "ornas", "arna", "erna", "orna", "ens", "ets", "en", "et", "na", "ar", "er", "or", "e", "a", "s"} {
			if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
				w = w[:len(w)-len(suf)]
				break
			}
		}
	}
	return w
}

// canonicalName returns the canonical actor name for a mention: the
// main bodies by their fixed names, else the phrase without determiners,
// capitalised.
func canonicalName(m string) string {
	ws := strings.Fields(m)
	for len(ws) > 1 && foldedDeterminers[fold(ws[0])] {
		ws = ws[1:]
	}
	if len(ws) == 1 {
		if c := fuzzyCanonical(strings.Trim(ws[0], "(),.")); c != "" {
			return c
		}
		// "Varje nämnd", "alla förvaltningar": the bodies as a group.
		if c := genericPlural[fold(ws[0])]; c != "" && len(strings.Fields(m)) > 1 {
			return c
		}
	}
	return capFirst(strings.Join(ws, " "))
}

// adverbs may stand between a subject and its verb.
var adverbs = map[string]bool{
	"ocksa": true, "aven": true, "vidare": true, "dessutom": true, "darfor": true,
	"alltid": true, "arligen": true, "lopande": true, "aktivt": true, "gemensamt": true,
	"sarskilt": true, "normalt": true, "fortsatt": true, "tillsammans": true, "sjalva": true,
	"sjalv": true, "da": true, "sedan": true, "slutligen": true, "forst": true, "bl": true,
	"ska": true, "skall": true, "bor": true, "kan": true, "maste": true, "gor": false,
	"inte": false, "regelbundet": true, "kontinuerligt": true, "ytterst": true,
}

var verbByForm = func() map[string][]int {
	m := map[string][]int{}
	for i, v := range responsibilityVerbs {
		for _, f := range v.Forms {
			m[fold(f)] = append(m[fold(f)], i)
		}
	}
	return m
}()

// verbAt matches a responsibility verb at token k and returns its index in
// responsibilityVerbs and the token after the verb (and its particle).
func verbAt(ts []tok, k int) (int, int, bool) {
	if k >= len(ts) {
		return 0, 0, false
	}
	cands := verbByForm[ts[k].f]
	if cands == nil {
		for f, idx := range verbByForm {
			if len(f) >= 8 && oneOff(f, ts[k].f) {
				cands = idx
				break
			}
		}
	}
	for _, vi := range cands {
		v := responsibilityVerbs[vi]
		if v.Particle == "" {
			end := k + 1
			// "beslutar om", "verkar för": keep the preposition in the object.
			return vi, end, true
		}
		for p := k + 1; p < len(ts) && p <= k+4; p++ {
			if ts[p].f == fold(v.Particle) || (v.Particle == "det" && strings.HasPrefix(ts[p].f, "ansvar")) {
				end := p + 1
				if end < len(ts) && (ts[end].f == "for" || ts[end].f == "om") {
					end++
				}
				return vi, end, true
			}
			if v.Particle == "ansvaret" && strings.HasPrefix(ts[p].f, "ansvar") {
				end := p + 1
				if end < len(ts) && ts[end].f == "for" {
					end++
				}
				return vi, end, true
			}
		}
	}
	return 0, 0, false
}

// respFound is a responsibility found in a sentence.
type respFound struct {
	mention string
	verb    string
	object  string
	sent    sentence
}

var reDutyOf = regexp.MustCompile(`(?i)(?:ingår|ingar|ligger|vilar)\s+(?:i|på|pa)\s+(.{3,60}?)\s+(?:uppdrag|ansvar|uppgift|uppgifter|ansvarsområde)\s+att\s+`)
var reRoleDuty = regexp.MustCompile(`(?i)^(?:uppgiften|rollen|uppdraget)\s+som\s+(.{3,60}?)\s+(?:innebär|innefattar|omfattar)\s+(?:ett\s+|bland\s+annat\s+)?ansvar(?:et)?\s+för\s+(.+)$`)
var reDelegated = regexp.MustCompile(`(?i)^beslut\b.*\s(?:är|ar)\s+delegerat\s+till\s+`)
var reInResp = regexp.MustCompile(`(?i)^(?:i|inom)\s+(?:\p{L}+\s+)?(?:ansvaret|uppdraget|uppgiften|ansvarsområdet)\s+ingår\s+(?:även\s+|också\s+|vidare\s+)?`)
var reLabelResp = regexp.MustCompile(`(?i)\b(?:för\s+[\p{L} ]{3,40}?\s+ansvarar|dokumentansvarig|dokumentägare|ansvarig\s+för\s+dokumentet|^ansvarig\s*[:|])[\s:|]*$`)

// findResponsibilities finds who does what in one sentence. last is the
// subject of the previous sentence (for "I ansvaret ingår även att …" and
// "Vidare verkar de för att …"); roleHead is the actor that heads the
// section, for role lists ("Kommunstyrelsen" / "Fastställer …").
func findResponsibilities(s sentence, last, roleHead string) []respFound {
	text := s.Text
	ts := tokenize(text)
	var out []respFound
	objectFrom := func(k int) (string, int) {
		// The object runs to the next coordinated verb or the clause end.
		end := len(text)
		next := len(ts)
		for p := k; p < len(ts); p++ {
			if (ts[p].f == "och" || ts[p].f == "samt") && p+1 < len(ts) {
				q := p + 1
				for q < len(ts) && adverbs[ts[q].f] {
					q++
				}
				if ts[q-1].f == "att" || q < len(ts) && ts[q].f == "for" && q+1 < len(ts) && ts[q+1].f == "att" {
					continue
				}
				if _, _, ok := verbAt(ts, q); ok && q < len(ts) && !isActorWord(ts[q].w, ts[q].f) {
					end = ts[p].start
					next = p
					break
				}
			}
		}
		start := len(text)
		if k < len(ts) {
			start = ts[k].start
		}
		if start > end {
			start = end
		}
		obj := strings.TrimRight(cleanEvidence(text[start:end]), " .,;:")
		if ws := strings.Fields(obj); len(ws) > 18 {
			obj = strings.Join(ws[:18], " ")
		}
		return obj, next
	}
	// chain emits the verb at token k for actor m and the verbs
	// coordinated with it.
	var chain func(m string, k int)
	chain = func(m string, k int) {
		vi, after, ok := verbAt(ts, k)
		if !ok {
			return
		}
		obj, next := objectFrom(after)
		if obj == "" && next < len(ts) {
			// "leder och samordnar det internationella arbetet": the
			// coordinated verbs share the object.
			q := next + 1
			for q < len(ts) && adverbs[ts[q].f] {
				q++
			}
			if _, after2, ok := verbAt(ts, q); ok {
				obj, _ = objectFrom(after2)
			}
		}
		if p := responsibilityVerbs[vi].Present; strings.HasSuffix(p, " om") || strings.HasSuffix(p, " för") {
			obj = strings.TrimPrefix(obj, p[strings.LastIndex(p, " ")+1:]+" ")
		}
		out = append(out, respFound{m, responsibilityVerbs[vi].Present, obj, s})
		// "ansvarar för sin interna uppföljning": the task is a follow-up.
		if strings.HasPrefix(responsibilityVerbs[vi].Present, "ansvarar") {
			ow := strings.Fields(obj)
			for i := 0; i < len(ow) && i < 4; i++ {
				if v := nounVerbFolded(fold(strings.Trim(ow[i], ",."))); v != "" {
					out = append(out, respFound{m, v, strings.Join(ow[i+1:], " "), s})
					break
				}
			}
			// "… och för att i årsredovisningen redovisa arbetet": a second
			// duty coordinated inside the object.
			for i := 2; i+1 < len(ow); i++ {
				if fold(ow[i]) != "att" || fold(ow[i-1]) != "for" || fold(ow[i-2]) != "och" && fold(ow[i-2]) != "samt" {
					continue
				}
				// Past a place phrase: "i årsredovisningen redovisa".
				for k := i + 1; k < len(ow) && k <= i+4; k++ {
					if vs := verbByForm[fold(strings.Trim(ow[k], ",."))]; vs != nil && responsibilityVerbs[vs[0]].Particle == "" && fold(ow[k]) != "ger" {
						out = append(out, respFound{m, responsibilityVerbs[vs[0]].Present, strings.Join(ow[k+1:], " "), s})
						break
					}
				}
			}
		}
		// "ger kommunstyrelsen det övergripande ansvaret för …"
		if responsibilityVerbs[vi].Present == "ger" || responsibilityVerbs[vi].Present == "uppdrar" {
			for p := after; p < len(ts) && p < after+3; p++ {
				if isActorWord(ts[p].w, ts[p].f) && strings.Contains(fold(obj), "ansvar") {
					sp := actorAt(ts, p, text)
					o, _ := objectFrom(sp.j)
					o = strings.TrimPrefix(strings.TrimPrefix(o, "det "), "ett ")
					out = append(out, respFound{mentionText(ts, sp, text), "ansvarar för", o, s})
					break
				}
			}
		}
		if next < len(ts) {
			q := next + 1
			for q < len(ts) && adverbs[ts[q].f] {
				q++
			}
			chain(m, q)
		}
	}
	// 1. Label rows: "För revidering ansvarar: Kommunstyrelsen", "Dokumentansvarig Planeringskontoret".
	for h := range ts {
		if !isActorWord(ts[h].w, ts[h].f) || !isCap(ts[h].w) {
			continue
		}
		if loc := reLabelResp.FindStringIndex(text[:ts[h].start]); loc != nil {
			sp := actorAt(ts, h, text)
			label := strings.Trim(cleanEvidence(text[loc[0]:ts[h].start]), ": ")
			// "För revidering ansvarar" → revidering
			if lf := fold(label); strings.HasPrefix(lf, "for ") && strings.HasSuffix(lf, " ansvarar") {
				label = strings.TrimSpace(label[toOrig(label, 4):toOrig(label, len(lf)-len(" ansvarar"))])
			} else if strings.HasPrefix(lf, "dokumentansvarig") || strings.HasPrefix(lf, "dokumentagare") || strings.HasPrefix(lf, "ansvarig") || strings.HasSuffix(lf, "dokumentet") {
				label = "dokumentet"
			}
			out = append(out, respFound{mentionText(ts, sp, text), "ansvarar för", label, s})
		}
	}
	// 2. Subject + verb, and "ska" + subject + infinitive (inverted order).
	for h := 0; h < len(ts); h++ {
		if !isActorWord(ts[h].w, ts[h].f) {
			continue
		}
		sp := actorAt(ts, h, text)
		if h > sp.j-1 {
			continue
		}
		// Subject position: sentence start, after a conjunction or comma,
		// or inverted after a modal.
		pre := ""
		if sp.i > 0 {
			pre = ts[sp.i-1].f
		}
		gapBefore := ""
		if sp.i > 0 {
			gapBefore = text[ts[sp.i-1].end:ts[sp.i].start]
		}
		inverted := pre == "ska" || pre == "skall" || pre == "bor" || pre == "kan"
		subject := sp.i == 0 || strings.ContainsAny(gapBefore, ",;:") || pre == "och" || pre == "samt" || pre == "att" || inverted || pre == "dar"
		if !subject {
			if !(sp.i > 0 && isCap(ts[sp.i].w) && strings.ContainsAny(text[max(0, ts[sp.i].start-2):ts[sp.i].start], ".")) {
				h = sp.j - 1
				continue
			}
		}
		k := sp.j
		// A short place phrase: "chef vid respektive verksamhet har …".
		if k < len(ts) && (ts[k].f == "vid" || ts[k].f == "inom" || ts[k].f == "pa" || ts[k].f == "i" && k+1 < len(ts) && ts[k+1].f != "samarbete" && ts[k+1].f != "samrad") {
			for q := k + 1; q < len(ts) && q <= k+4; q++ {
				if _, _, ok := verbAt(ts, q); ok || ts[q].f == "har" && q+1 < len(ts) && ts[q+1].f == "utsett" {
					k = q
					break
				}
			}
		}
		// "i samarbete med X", "tillsammans med X"
		partner := "" // "förvaltningen i samarbete med den internationella samordnaren prövar …": both do it
		if k+2 < len(ts) && (ts[k].f == "i" && (ts[k+1].f == "samarbete" || ts[k+1].f == "samrad") || ts[k].f == "tillsammans") {
			for q := k + 2; q < len(ts) && q <= k+7; q++ {
				if _, _, ok := verbAt(ts, q); ok && !isActorWord(ts[q].w, ts[q].f) {
					for p := k + 2; p < q; p++ {
						if isActorWord(ts[p].w, ts[p].f) {
							if psp := actorAt(ts, p, text); psp.j == q {
								partner = mentionText(ts, psp, text)
							}
							break
						}
					}
					k = q
					break
				}
			}
		}
		for k < len(ts) && adverbs[ts[k].f] {
			k++
		}
		if k < len(ts) && (ts[k].f == "har" || ts[k].f == "ar") {
			// "har utsett", "har samordningsansvar", "är samordnare"
			if k+1 < len(ts) && ts[k+1].f == "utsett" {
				out = append(out, respFound{mentionText(ts, sp, text), "utser", objOf(ts, k+2, text), s})
				h = sp.j - 1
				continue
			}
		}
		if _, _, ok := verbAt(ts, k); ok {
			chain(mentionText(ts, sp, text), k)
			if partner != "" {
				chain(partner, k)
			}
		}
		h = sp.j - 1
	}
	// 3. Passive with agent: "samordnas av stadsledningskontoret",
	// "Uppföljning … ska göras av kommunstyrelsen".
	for p := 0; p+1 < len(ts); p++ {
		if ts[p+1].f != "av" || p+2 >= len(ts) {
			continue
		}
		h := p + 2
		for h < len(ts) && h < p+5 && foldedDeterminers[ts[h].f] {
			h++
		}
		if h >= len(ts) || !isActorWord(ts[h].w, ts[h].f) {
			continue
		}
		sp := actorAt(ts, h, text)
		sp.i = p + 2
		verb := ""
		for form, active := range passiveVerbs {
			if ts[p].f == fold(form) {
				verb = active
			}
		}
		if verb == "" && (ts[p].f == "goras" || ts[p].f == "genomforas" || ts[p].f == "ske") {
			for _, t := range ts[:p] {
				if v, ok := nounVerbs[t.w]; ok {
					verb = v
					break
				}
				if v, ok := nounVerbs[lowerFirst(t.w)]; ok {
					verb = v
					break
				}
				if v := nounVerbFolded(t.f); v != "" {
					verb = v
					break
				}
			}
		}
		if verb == "" {
			continue
		}
		obj := strings.TrimRight(cleanEvidence(text[:ts[p].start]), " ,")
		obj = strings.TrimSuffix(strings.TrimSuffix(obj, " ska"), " skall")
		// "Planen är ett styrdokument som antas av …": the antecedent.
		if strings.HasSuffix(obj, " som") {
			if i := strings.Index(obj, " är "); i > 0 {
				obj = obj[:i]
			}
		}
		// "En utvärdering av planen ska genomföras av …": what is evaluated.
		if ws := strings.Fields(obj); len(ws) >= 3 && nounVerbFolded(fold(strings.Join(ws[:len(ws)], " "))) == "" {
			for i := 0; i+1 < len(ws) && i < 3; i++ {
				if nounVerbFolded(fold(ws[i])) != "" && ws[i+1] == "av" {
					obj = strings.Join(ws[i+2:], " ")
					break
				}
			}
		}
		if ws := strings.Fields(obj); len(ws) > 14 {
			obj = strings.Join(ws[len(ws)-14:], " ")
		}
		out = append(out, respFound{mentionText(ts, sp, text), verb, obj, s})
	}
	// 4a. "Det ingår i nämndernas uppdrag att bevaka …", "Det ligger på
	// ledningens ansvar att se till …".
	if mm := reDutyOf.FindStringSubmatchIndex(text); mm != nil {
		owner := text[mm[2]:mm[3]]
		ots := tokenize(owner)
		for h := 0; h < len(ots); h++ {
			if isActorWord(ots[h].w, ots[h].f) {
				sp := actorAt(ots, h, owner)
				rest := text[mm[1]:]
				rts := tokenize(rest)
				k := 0
				for k < len(rts) && adverbs[rts[k].f] {
					k++
				}
				if vi, after, ok := verbAt(rts, k); ok {
					out = append(out, respFound{mentionText(ots, sp, owner), responsibilityVerbs[vi].Present, objOf(rts, after, rest), s})
				}
				break
			}
		}
	}
	// 4b. "Uppgiften som förvaltningsrepresentant i nätverket innebär ett
	// ansvar för att sprida information …"
	if mm := reRoleDuty.FindStringSubmatch(text); mm != nil {
		out = append(out, respFound{strings.TrimSpace(mm[1]), "ansvarar för", objOf(tokenize(mm[2]), 0, mm[2]), s})
	}
	// 4. "Beslut om … är delegerat till finansborgarrådet".
	if loc := reDelegated.FindStringIndex(text); loc != nil {
		for h, t := range ts {
			if t.start >= loc[1] && isActorWord(t.w, t.f) {
				sp := actorAt(ts, h, text)
				out = append(out, respFound{mentionText(ts, sp, text), "beslutar om", objOf(ts, 2, text), s})
				break
			}
		}
	}
	// 5. Continuations about the previous subject.
	if last != "" && len(out) == 0 {
		if loc := reInResp.FindStringIndex(text); loc != nil {
			for _, cl := range reAtt.Split(text[loc[1]:], -1) {
				cts := tokenize(cl)
				if len(cts) == 0 {
					continue
				}
				if vi, after, ok := verbAt(cts, 0); ok {
					out = append(out, respFound{last, responsibilityVerbs[vi].Present, strings.TrimRight(cleanEvidence(objOfText(cts, after, cl)), " .,"), s})
				}
			}
		}
		// "Vidare verkar de för att …"
		if len(ts) >= 3 && adverbs[ts[0].f] && ts[2].f == "de" {
			if _, _, ok := verbAt(ts, 1); ok {
				vi, after, _ := verbAt(ts, 1)
				out = append(out, respFound{last, responsibilityVerbs[vi].Present, objOf(ts, after+1, text), s})
			}
		}
	}
	// 6. Role lists: the section heading names the actor and the sentence
	// starts with the verb ("Fastställer den internationella policyn").
	if roleHead != "" && len(out) == 0 {
		k := 0
		for k < len(ts) && adverbs[ts[k].f] {
			k++
		}
		if _, _, ok := verbAt(ts, k); ok {
			chain(roleHead, k)
		}
	}
	return out
}

var reListLead = regexp.MustCompile(`(?i)^(.{2,60}?)\s+(?:ska|skall|ansvarar\s+för\s+att|har\s+(?:följande\s+)?(?:ansvar|uppgifter|uppdrag)(?:\s+att)?|har\s+till\s+uppgift\s+att)\s*:?$`)

// listLeadActor returns the actor of a lead-in that introduces a list of
// duties ("Kommunstyrelsen ska:", "Nämnderna har följande ansvar:").
func listLeadActor(s string) string {
	m := reListLead.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return ""
	}
	ws := words(m[1])
	if len(ws) == 0 || len(ws) > 5 || !isActorWord(ws[len(ws)-1], fold(ws[len(ws)-1])) {
		return ""
	}
	return cleanEvidence(m[1])
}

func nounVerbFolded(f string) string {
	for k, v := range nounVerbs {
		if fold(k) == f {
			return v
		}
	}
	return ""
}

func objOf(ts []tok, k int, text string) string {
	if k >= len(ts) {
		return ""
	}
	o := strings.TrimRight(cleanEvidence(text[ts[k].start:]), " .,;:")
	if ws := strings.Fields(o); len(ws) > 18 {
		o = strings.Join(ws[:18], " ")
	}
	return o
}

func objOfText(ts []tok, k int, text string) string {
	if k >= len(ts) {
		return ""
	}
	return text[ts[k].start:]
}

// extractActors groups responsibilities by actor and collects mentions.
func (a *adoc) extractActors(m *corpus.Model) map[int][]respFound {
	type group struct {
		name     string
		mentions []string
		seen     map[string]bool
		resps    []corpus.Responsibility
		rseen    map[string]bool
		first    int
	}
	groups := map[string]*group{}
	var order []string
	bySent := map[int][]respFound{}
	last := ""
	leadActor, leadSec := "", -2
	for si, s := range a.sents {
		if !a.inMain(s.Start) {
			continue
		}
		roleHead := ""
		if s.Sec >= 0 {
			h := a.secs[s.Sec].Text
			if hw := words(h); len(hw) >= 1 && len(hw) <= 4 && isActorWord(hw[len(hw)-1], fold(hw[len(hw)-1])) {
				roleHead = h
			}
		}
		// "Kommunstyrelsen ska:" followed by a list of duties.
		if leadSec != s.Sec {
			leadActor = ""
		}
		leadSec = s.Sec
		isLead := false
		if s.ParaStart && !s.Item {
			leadActor = listLeadActor(s.Text)
			isLead = leadActor != ""
		}
		if leadActor != "" && (s.Item || !s.ParaStart) {
			roleHead = leadActor
		}
		var found []respFound
		if !isLead {
			found = findResponsibilities(s, last, roleHead)
		}
		if len(found) > 0 {
			last = found[0].mention
		} else {
			last = ""
		}
		bySent[si] = found
		for _, r := range found {
			key := actorKey(r.mention)
			if key == "" {
				continue
			}
			g := groups[key]
			if g == nil {
				g = &group{name: canonicalName(r.mention), seen: map[string]bool{}, rseen: map[string]bool{}, first: s.Start}
				groups[key] = g
				order = append(order, key)
			}
			if !g.seen[r.mention] {
				g.seen[r.mention] = true
				g.mentions = append(g.mentions, r.mention)
			}
			rk := r.verb + "|" + r.object
			if !g.rseen[rk] {
				g.rseen[rk] = true
				ev := s.Text
				g.resps = append(g.resps, corpus.Responsibility{Verb: r.verb, Object: r.object, Evidence: ev, Line: s.Line})
			}
		}
	}
	// The document's owner from a header field whose label and value are
	// not side by side in the text (a table with its labels across the
	// top): the same responsibility the label row gives when they are.
	for _, f := range a.fields {
		ws := words(f.Value)
		if f.Key != "owner" || !a.inMain(f.Start) || len(ws) == 0 || len(ws) > 5 || !isCap(f.Value) ||
			!isActorWord(ws[len(ws)-1], fold(ws[len(ws)-1])) {
			continue
		}
		if f.Start < len(a.text) {
			// Label and value side by side are the sentences' business.
			rest := a.text[f.Start:]
			if k := strings.Index(rest, f.Value); k >= 0 && k <= len(f.Label)+4 && !strings.Contains(rest[:k], "\n") {
				continue
			}
		}
		key := actorKey(f.Value)
		if key == "" {
			continue
		}
		g := groups[key]
		if g == nil {
			g = &group{name: canonicalName(f.Value), seen: map[string]bool{}, rseen: map[string]bool{}, first: f.Start}
			groups[key] = g
			order = append(order, key)
		}
		if !g.seen[f.Value] {
			g.seen[f.Value] = true
			g.mentions = append(g.mentions, f.Value)
		}
		if rk := "ansvarar för|dokumentet"; !g.rseen[rk] {
			g.rseen[rk] = true
			g.resps = append(g.resps, corpus.Responsibility{Verb: "ansvarar för", Object: "dokumentet", Evidence: f.Evidence, Line: f.Line})
		}
	}
	// Other mentions of the same actors anywhere in the main part.
	for _, s := range a.sents {
		if !a.inMain(s.Start) {
			continue
		}
		ts := tokenize(s.Text)
		for h := 0; h < len(ts); h++ {
			if !isActorWord(ts[h].w, ts[h].f) {
				continue
			}
			sp := actorAt(ts, h, s.Text)
			mt := mentionText(ts, sp, s.Text)
			if after := s.Text[ts[sp.j-1].end:]; reDnrAfter.MatchString(after) && ParseDate(after[:min(len(after), 14)]) == "" {
				h = sp.j - 1
				continue // "KS 2017/0412" is a registration number
			}
			if g := groups[actorKey(mt)]; g != nil && !g.seen[mt] {
				g.seen[mt] = true
				g.mentions = append(g.mentions, mt)
			}
			h = sp.j - 1
		}
	}
	// Generic bodies said in several ways ("Respektive nämnd och
	// förvaltning", "Varje förvaltning") are one actor: merge a group into
	// a coordinated one that shares a generic body word.
	merged := map[string]string{}
	for _, k := range order {
		ws := keyWords(k)
		for _, k2 := range order {
			if k2 == k || merged[k2] != "" || merged[k] != "" {
				continue
			}
			ws2 := keyWords(k2)
			if len(ws2) < 2 || len(ws) > len(ws2) || len(ws) == len(ws2) && len(groups[k].resps) > len(groups[k2].resps) {
				continue
			}
			if shareGeneric(ws, ws2) {
				merged[k] = k2
			}
		}
	}
	for _, k := range order {
		if t := merged[k]; t != "" {
			for merged[t] != "" {
				t = merged[t]
			}
			g, tg := groups[k], groups[t]
			for _, mt := range g.mentions {
				if !tg.seen[mt] {
					tg.seen[mt] = true
					tg.mentions = append(tg.mentions, mt)
				}
			}
			tg.resps = append(tg.resps, g.resps...)
		}
	}
	for _, k := range order {
		if merged[k] != "" {
			continue
		}
		g := groups[k]
		sort.SliceStable(g.resps, func(i, j int) bool { return g.resps[i].Line < g.resps[j].Line })
		m.Actors = append(m.Actors, corpus.Actor{Name: g.name, Mentions: g.mentions, Responsibilities: g.resps})
	}
	return bySent
}

var reDnrAfter = regexp.MustCompile(`^[ ./:-]?\d+[/.:-]\d`)

// genericBodies are the stems of body words that name a kind of body
// rather than one body.
var genericBodies = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"nämnd", "nämnder", "förvaltning", "förvaltningar", "bolag", "styrelse", "styrelser"} {
		m[stemSv(fold(w))] = true
	}
	return m
}()

func keyWords(k string) []string {
	var out []string
	for _, w := range strings.Fields(k) {
		if w != "och" && w != "samt" {
			out = append(out, w)
		}
	}
	return out
}

func shareGeneric(a, b []string) bool {
	for _, x := range a {
		if !genericBodies[x] {
			continue
		}
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

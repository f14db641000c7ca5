package repair

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"styrdok/corpus/sv"
)

// Grammar cues for the real-word errors that word-pair counts cannot
// decide: twins whose neighbours in Swedish are telling ("mer … än",
// "vi får", "det går att", "på samma sätt"). Each cue is a bonus in log
// odds for one reading of the token at position i; the readings compete
// as before, so a cue only tips a choice the document's damage allows.

// diaCueBonus is what a grammar cue is worth in log odds.
const diaCueBonus = 3.0

// diaComparatives are words that an "än" follows ("mer … än", "snarare
// … än", "annat än").
var diaComparatives = map[string]bool{
	"mer": true, "mera": true, "mindre": true, "fler": true, "färre": true,
	"bättre": true, "sämre": true, "större": true, "hellre": true, "snarare": true,
	"annat": true, "annan": true, "andra": true, "högre": true, "lägre": true, "längre": true,
	"kortare": true, "äldre": true, "yngre": true, "tidigare": true, "senare": true,
	"hårdare": true, "oftare": true, "värre": true, "bredare": true, "starkare": true,
}

// diaSubjects are pronouns that stand as subject before a finite verb
// ("vi får", "man går") and after it in a question or inverted clause
// ("får vi", "går man").
var diaSubjects = map[string]bool{
	"jag": true, "du": true, "han": true, "hon": true, "vi": true, "ni": true, "de": true,
	"man": true, "hen": true, "dessa": true, "ingen": true, "inga": true,
}

// diaSubjectCase are pronouns in the subject case, which never follow a
// preposition ("får vi", never "för vi").
var diaSubjectCase = map[string]bool{
	"jag": true, "du": true, "han": true, "hon": true, "vi": true, "ni": true, "man": true, "hen": true,
}

// diaAfterFinite are adverbs that follow a finite verb ("får inte",
// "får också") but hardly the preposition "för" ("för ofta" and "för
// alltid" are left out).
var diaAfterFinite = map[string]bool{
	"inte": true, "också": true, "även": true, "gärna": true, "dock": true, "alltså": true,
	"därför": true, "aldrig": true, "nog": true,
}

// diaVerbAdverbials complete "i" to an adverbial or fixed phrase that
// follows a finite verb ("får i vissa fall", "får i uppdrag").
var diaVerbAdverbials = map[string]bool{
	"vissa": true, "uppdrag": true, "regel": true, "huvudsak": true, "praktiken": true,
}

// diaGoParticles follow the verb "gå" ("går ut", "går vidare") but not
// "göra" ("gör upp" and "gör bra" are left out).
var diaGoParticles = map[string]bool{
	"ut": true, "in": true, "till": true, "mot": true, "vidare": true, "igenom": true,
	"över": true, "framåt": true, "hand": true, "emot": true, "åt": true,
	"förlorad": true, "förlorade": true, "förbi": true, "tillbaka": true, "fort": true,
	"snabbt": true, "ner": true, "isär": true,
}

// diaHowWords follow "går det" ("går det bra") but rarely "gör det".
var diaHowWords = map[string]bool{
	"bra": true, "bättre": true, "sämre": true, "dåligt": true, "fort": true, "snabbt": true,
	"att": true, "illa": true, "väl": true,
}

// diaMannerHeads come before the noun "sätt" ("på ett sätt", "samma sätt",
// "olika sätt") and never before the pronoun "sitt".
var diaMannerHeads = map[string]bool{
	"ett": true, "samma": true, "olika": true, "detta": true, "vilket": true, "annat": true,
	"nytt": true, "varje": true, "något": true, "bästa": true, "rätta": true, "många": true,
	"flera": true, "nya": true, "andra": true, "enkelt": true, "effektivt": true,
}

// diaMannerTails follow the noun "sätt" ("sätt att", "det sätt som") but
// not the pronoun "sitt", which a noun phrase follows.
var diaMannerTails = map[string]bool{
	"att": true, "som": true, "ta": true, "där": true, "när": true, "än": true, "genom": true,
}

// diaFiniteVerbs are finite verbs that never follow the auxiliary "har"
// but often the adverb "här" ("här är", "här kan du").
var diaFiniteVerbs = map[string]bool{
	"är": true, "var": true, "kan": true, "ska": true, "skall": true, "måste": true, "bör": true,
	"får": true, "finns": true, "blir": true, "vill": true, "gäller": true, "kommer": true,
}

// diaFiniteVerbsFolded holds the same verbs as they read in a document
// that lost its diacritics ("har ar" is "här är"), since the next word
// may not be restored yet.
var diaFiniteVerbsFolded = func() map[string]bool {
	m := make(map[string]bool, len(diaFiniteVerbs))
	r := strings.NewReplacer("å", "a", "ä", "a", "ö", "o")
	for w := range diaFiniteVerbs {
		m[r.Replace(w)] = true
	}
	return m
}()

// diaObjectPronouns are the object forms a transitive verb takes ("låter
// dig") and an adjective or noun never does.
var diaObjectPronouns = map[string]bool{
	"mig": true, "dig": true, "oss": true, "er": true, "honom": true, "henne": true, "dem": true, "sig": true,
}

// diaCue returns the grammar bonus for reading the token at i as w, from
// the readings its neighbours end up with.
func diaCue(toks []diaDtoken, i int, w string) float64 {
	switch w {
	case "än", "får", "för", "går", "sätt", "satt", "här", "låter":
	default:
		if strings.HasSuffix(w, "man") || strings.HasSuffix(w, "män") {
			return diaManCue(toks, i, w)
		}
		return 0
	}
	word := func(j int) string {
		if j < 0 || j >= len(toks) {
			return ""
		}
		return strings.ToLower(toks[j].final)
	}
	prev, next, next2 := "", "", ""
	if !toks[i].sepBefore {
		prev = word(i - 1)
	}
	endsClause := i+1 >= len(toks) || toks[i+1].sepBefore
	if !endsClause {
		next = word(i + 1)
		if i+2 < len(toks) && !toks[i+2].sepBefore {
			next2 = word(i + 2)
		}
	}
	switch w {
	case "än":
		// a comparative up to four words back in the same clause
		for j := i; j > i-4 && j > 0; j-- {
			if toks[j].sepBefore {
				break
			}
			p := word(j - 1)
			if diaComparatives[p] || utf8.RuneCountInString(p) >= 6 && strings.HasSuffix(p, "are") {
				return diaCueBonus
			}
		}
	case "får":
		// a subject pronoun before or after the verb, an adverb after it,
		// or an adverbial that opens the field after a finite verb ("får
		// i vissa fall", "får i uppdrag"), where "för" needs a noun phrase
		if diaSubjects[prev] || diaSubjectCase[next] || diaAfterFinite[next] ||
			next == "i" && diaVerbAdverbials[next2] {
			return diaCueBonus
		}
	case "för":
		if next == "att" {
			return 1
		}
	case "går":
		switch {
		case next == "att" && prev == "det",
			next == "det" && diaHowWords[next2],
			diaGoParticles[next]:
			return diaCueBonus
		}
	case "här":
		// "har" is followed by a participle or object, never by a
		// finite verb ("här är", "här kan du")
		if diaFiniteVerbs[next] || diaFiniteVerbsFolded[next] {
			return 2 * diaCueBonus // "har är" is no Swedish
		}
	case "låter":
		// the verb takes an object pronoun ("låter dig välja")
		if diaObjectPronouns[next] {
			return diaCueBonus
		}
	case "satt":
		// the verb after its subject ("hon satt", "som satt")
		if diaSubjects[prev] || prev == "som" {
			return 2 * diaCueBonus // "hon sätt" is no Swedish
		}
	case "sätt":
		// "satt" (sat) is a verb that may end a clause or take "som"
		// ("hon satt som ordförande"); only the heads decide it.
		verb := strings.EqualFold(toks[i].word, "satt")
		if diaMannerHeads[prev] || !verb && (endsClause || diaMannerTails[next]) {
			return diaCueBonus
		}
	}
	return 0
}

// diaLoneLetter finds the word an OCR left as a single letter (or a short
// word never seen in use) by dropping its å, ä or ö ("samverkan r att" is
// "är att", "f nya" is "få nya", "regioner kar är" is "ökar är"): a
// lower-case letter standing alone inside a sentence, not an abbreviation
// (no full stop after it), followed by a word, whose reading with one of
// the letters added is a common word that goes with a neighbour.
func diaLoneLetter(lx *sv.Lex, text string, toks []diaDtoken, i int) string {
	t := &toks[i]
	switch {
	case len(t.word) == 1:
		if t.word[0] < 'a' || t.word[0] > 'z' || t.word == "i" || t.word == "o" || t.word == "e" || t.word == "a" {
			return ""
		}
	case t.rare:
		// a rare short word ("kar") that lost its å/ä/ö ("ökar")
	default:
		return ""
	}
	if t.end < len(text) && text[t.end] != ' ' && text[t.end] != '\n' {
		return "" // "f.", "s:", "a)"
	}
	if i == 0 || i+1 >= len(toks) || toks[i+1].sepBefore || !diaLowerWord(toks[i+1].final) ||
		utf8.RuneCountInString(toks[i+1].final) < 2 || !diaHasLetter(toks[i-1].final) || utf8.RuneCountInString(toks[i-1].final) < 2 {
		return ""
	}
	prev, next := strings.ToLower(toks[i-1].final), toks[i+1].final
	best, bestScore := "", 0
	for _, c := range diaDropped(lx, []rune(t.word)) {
		support := lx.PairFreq(c.word, next)
		if !t.sepBefore {
			support += lx.PairFreq(prev, c.word)
		}
		if support >= 2 && c.freq >= 50 && support > bestScore {
			best, bestScore = c.word, support
		}
	}
	return best
}

// diaDefiniteNoun reports whether w looks like a noun in the definite
// form or its genitive ("visionen", "kommunstyrelsens", "arbetet"), which
// the numeral 1 cannot stand before.
func diaDefiniteNoun(lx *sv.Lex, w string) bool {
	if utf8.RuneCountInString(w) < 5 || !diaLowerWord(w) || !lx.Known(w) {
		return false
	}
	for _, s := range []string{"en", "et", "na", "ens", "ets", "nas"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// diaCountedNouns are words a numeral follows ("bilaga 1", "steg 1").
var diaCountedNouns = map[string]bool{
	"bilaga": true, "punkt": true, "kapitel": true, "kap": true, "sidan": true, "sida": true,
	"steg": true, "nr": true, "fas": true, "etapp": true, "version": true, "del": true,
	"avsnitt": true, "tabell": true, "figur": true, "bild": true, "paragraf": true, "mål": true,
	"nivå": true, "år": true, "kvartal": true, "bilagan": true, "alternativ": true, "område": true,
}

// diaShapeTwins are letters OCR mistakes for each other by their shape.
var diaShapeTwins = map[rune]string{
	'l': "ti", 't': "lf", 'i': "l", 'f': "t", 'c': "eo", 'e': "c", 'o': "c",
	'n': "u", 'u': "n", 'h': "b", 'b': "h",
}

// diaGlyphSwap finds the one common word (seen at least 10 times, three
// times as often as any other) that w becomes when one letter is swapped
// for a letter of like shape.
func diaGlyphSwap(lx *sv.Lex, w string) (diaRepl, bool) {
	rs := []rune(strings.ToLower(w))
	best, second := diaRepl{}, 0
	for i, r := range rs {
		for _, s := range diaShapeTwins[r] {
			rs[i] = s
			c := string(rs)
			if f := lx.Freq(c); f >= 10 && lx.Known(c) {
				if f > best.freq {
					second = max(second, best.freq)
					best = diaRepl{word: c, cost: 1.5, freq: f}
				} else {
					second = max(second, f)
				}
			}
		}
		rs[i] = r
	}
	return best, best.word != "" && best.freq >= 3*second
}

// diaGlyphPrior counts what the OCR glyphs of one document (é, #, &, 4,
// @, ¢) turned out to stand for in its tokens with a single reading. One
// OCR engine reads ö as é, another ä: the document shows which.
type diaGlyphPrior struct {
	n     map[[2]rune]int // (glyph, letter) -> count
	total map[rune]int
}

// diaGlyphPriorMin is how many resolved glyphs a document needs before
// their readings count.
const diaGlyphPriorMin = 8

func newDiaGlyphPrior() *diaGlyphPrior {
	return &diaGlyphPrior{n: map[[2]rune]int{}, total: map[rune]int{}}
}

func diaIsGlyph(r rune) bool { return strings.ContainsRune("é#&4@¢", r) }

// learn records what the glyphs of token became in reading w.
func (g *diaGlyphPrior) learn(token, w string) {
	if !strings.ContainsAny(token, "éÉ#&4@¢") {
		return
	}
	diaEachGlyph(token, w, func(glyph, letter rune) {
		g.n[[2]rune{glyph, letter}]++
		g.total[glyph]++
	})
}

// diaEachGlyph calls f with each OCR glyph of token that reading w (of
// the same length) reads as å, ä or ö, without allocating.
func diaEachGlyph(token, w string, f func(glyph, letter rune)) {
	if utf8.RuneCountInString(token) != utf8.RuneCountInString(w) {
		return
	}
	j := 0
	for _, r := range token {
		l, n := utf8.DecodeRuneInString(w[j:])
		j += n
		if r = unicode.ToLower(r); !diaIsGlyph(r) {
			continue
		}
		if l = unicode.ToLower(l); l == 'å' || l == 'ä' || l == 'ö' {
			f(r, l)
		}
	}
}

// bonus is the log odds the document's glyph readings give reading w of
// token, against the three letters being equally likely.
func (g *diaGlyphPrior) bonus(token, w string) float64 {
	if g == nil || len(g.total) == 0 || !strings.ContainsAny(token, "éÉ#&4@¢") {
		return 0
	}
	b := 0.0
	diaEachGlyph(token, w, func(glyph, letter rune) {
		if t := g.total[glyph]; t >= diaGlyphPriorMin {
			b += math.Log((float64(g.n[[2]rune{glyph, letter}]) + 0.5) / (float64(t) + 1.5) * 3)
		}
	})
	return b
}

// diaSingularHeads come before a noun in the singular ("en tjänsteman",
// "varje handläggare"); diaPluralHeads before one in the plural.
var (
	diaSingularHeads = map[string]bool{"en": true, "ett": true, "varje": true, "ingen": true, "vilken": true, "denna": true, "annan": true}
	diaPluralHeads   = map[string]bool{
		"två": true, "tre": true, "fyra": true, "fem": true, "flera": true, "många": true, "alla": true,
		"några": true, "dessa": true, "de": true, "andra": true, "inga": true, "våra": true, "sina": true,
	}
)

// diaManCue decides -man against -män ("tjänsteman", "tjänstemän") by
// agreement with the word before: an article, numeral or quantifier, or an
// adjective, whose plural ends in -a ("ansvarig tjänsteman", "ansvariga
// tjänstemän"). A reading that breaks agreement is as good as wrong.
func diaManCue(toks []diaDtoken, i int, w string) float64 {
	if i == 0 || toks[i].sepBefore {
		return 0
	}
	prev := strings.ToLower(toks[i-1].final)
	singular, plural := diaSingularHeads[prev], diaPluralHeads[prev]
	if !singular && !plural && prev != "sig" && prev != "mig" && prev != "dig" {
		for _, suf := range []string{"iga", "liga", "iska"} {
			plural = plural || strings.HasSuffix(prev, suf)
		}
		for _, suf := range []string{"ig", "isk"} {
			singular = singular || strings.HasSuffix(prev, suf)
		}
	}
	switch {
	case singular && strings.HasSuffix(w, "man"), plural && strings.HasSuffix(w, "män"):
		return 2 * diaCueBonus
	}
	return 0
}

package repair

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"styrdok/corpus"
	"styrdok/corpus/sv"
)

// DiacriticsFix restores lost and misread å, ä and ö. A token that is not
// a Swedish word is replaced by the likeliest word that the confusions OCR
// and encodings really make lead to (a, d, i, é, #, &, 4 for ä; o, 6, é, d,
// 0 for ö; a, &, d, é, 4, i for å; U+FFFD for any of them; a diaDropped
// letter; 1/l/| for i, { for f, rn/m), ranked by word frequency, the cost
// of the confusions and the neighbouring words. A real word that has a
// twin with diacritics ("for"/"för", "ar"/"är"/"år") is changed only in a
// document that has lost its diacritics, and only when the neighbours make
// the twin much likelier. A word never turns into a non-word, and a clean
// document passes through unchanged.
func DiacriticsFix() Fix {
	return Fix{
		Name: "diacritics",
		Doc:  "restore lost and misread å/ä/ö (and U+FFFD) by lexicon, frequency and neighbouring words",
		Apply: func(text string) (string, []corpus.Change) {
			return fixDiacritics(sv.Lexicon(), text)
		},
	}
}

// diaDtoken is one word-like run of the text.
type diaDtoken struct {
	start, end int
	word       string // the text of the token
	final      string // the form the token ends up as
	scored     []diaScored
	// The flags sit together so that a token takes 80 bytes, not 96: a
	// document has a token for every six bytes or so.
	known      bool
	twin       bool // known, but a diacritic twin exists
	sepBefore  bool // a sentence or clause break between it and the previous token
	hyphenNext bool // followed directly by '-' (a compound part)
	rare       bool // a short lower-case word never seen in use ("kar")
	realWord   bool // changed as a real-word error
}

const diaFffd = '\uFFFD'

// diaInnerCap stands for a capital letter inside a lower-case word, which
// OCR reads for å/ä/ö ("behGrig", "utfSrare").
const diaInnerCap = '\uE000'

// diaIsTokenRune reports whether r may be part of a word token: letters,
// digits and the symbols OCR reads for å/ä/ö (#, &, ¢, {, U+FFFD).
func diaIsTokenRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '#' || r == '&' || r == '{' || r == '|' || r == '@'
	}
	return r == diaFffd || r == '¢' || unicode.IsLetter(r)
}

func diaTokenize(text string) []diaDtoken {
	toks := make([]diaDtoken, 0, len(text)/6+16)
	sep := true
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if !diaIsTokenRune(r) {
			if !unicode.IsSpace(r) {
				sep = true
			}
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r2, n2 := rune(text[j]), 1
			if r2 >= utf8.RuneSelf {
				r2, n2 = utf8.DecodeRuneInString(text[j:])
			}
			if !diaIsTokenRune(r2) {
				break
			}
			j += n2
		}
		// '|' and '{' at the end of a longer token are symbols; '#' and
		// '&' stay, since OCR reads å/ä for them at word edges too ("#r",
		// "p&"). A token without letters is skipped later.
		s, e := i, j
		for s < e && text[s] == '|' && e-s > 1 {
			s++
		}
		for e > s && (text[e-1] == '{' || text[e-1] == '|' && e-s > 1) {
			e--
		}
		if s < e {
			toks = append(toks, diaDtoken{start: s, end: e, word: text[s:e], sepBefore: sep || s != i})
		}
		sep = e != j
		if j < len(text) && text[j] == '-' && len(toks) > 0 && e == j {
			toks[len(toks)-1].hyphenNext = true
		}
		i = j
	}
	return toks
}

// diaOption is one reading of a token character: the letter it may stand
// for and what assuming so costs.
type diaOption struct {
	r    rune
	cost float64
}

// diaReadings lists what a lower-case token character may stand for in a
// word, the character itself first.
func diaReadings(r rune) []diaOption {
	switch r {
	case 'a':
		return []diaOption{{'a', 0}, {'ä', 0.2}, {'å', 0.2}}
	case 'o':
		return []diaOption{{'o', 0}, {'ö', 0.2}}
	case 'e':
		return []diaOption{{'e', 0}, {'é', 0.3}}
	case 'd':
		return []diaOption{{'d', 0}, {'ä', 1}, {'ö', 1.2}, {'å', 1.2}}
	case 'i':
		return []diaOption{{'i', 0}, {'ä', 1}, {'å', 1.3}}
	case 'é':
		return []diaOption{{'é', 0.2}, {'ö', 0.3}, {'ä', 0.3}, {'å', 0.4}, {'e', 2}}
	case '#':
		return []diaOption{{'ä', 0.3}, {'å', 0.3}}
	case '&':
		return []diaOption{{'ä', 0.3}, {'å', 0.3}, {'ö', 0.6}}
	case '4':
		return []diaOption{{'4', 0}, {'ä', 0.4}, {'å', 0.4}}
	case '6', '5', '8':
		return []diaOption{{r, 0}, {'ö', 0.4}}
	case '0':
		return []diaOption{{'0', 0}, {'ö', 0.5}, {'o', 0.6}}
	case '¢':
		return []diaOption{{'ö', 0.5}}
	case '1':
		return []diaOption{{'1', 0}, {'i', 0.7}, {'l', 0.9}}
	case '|':
		return []diaOption{{'i', 0.5}, {'l', 0.7}}
	case '{':
		return []diaOption{{'f', 0.5}}
	case '@':
		return []diaOption{{'ö', 0.5}, {'å', 0.6}}
	case diaInnerCap:
		return []diaOption{{'ö', 0.8}, {'ä', 0.8}, {'å', 0.9}}
	case diaFffd:
		return []diaOption{{'ä', 0}, {'ö', 0}, {'å', 0}, {'é', 0.5}}
	}
	return nil
}

// fold maps a reading to its folded letter.
func diaFoldRune(r rune) rune {
	switch r {
	case 'å', 'ä':
		return 'a'
	case 'ö':
		return 'o'
	case 'é':
		return 'e'
	}
	return r
}

// diaRepl is one candidate replacement for a token.
type diaRepl struct {
	word      string // lower case unless a proper noun
	cost      float64
	freq      int
	proper    bool
	compound  bool    // restored part by part, not a lexicon entry
	gain      float64 // for a compound: log of how much more common its restored parts are
	partsUsed bool    // for a compound: both parts were seen in use, or the last part often
}

const (
	diaMaxVariants = 96
	diaMaxCost     = 2.6
)

// diaCandidates returns the words a lower-case token (runes) may stand for,
// each with the cost of the confusions it assumes. allowProper admits
// capitalised entries; head admits compound beginnings (before a hyphen).
//
// With strict, only U+FFFD varies: the other letters are right as they
// stand (encoding damage, not OCR).
func diaCandidates(lx *sv.Lex, rs []rune, allowProper, head, strict, caps bool) []diaRepl {
	var out []diaRepl
	seen := map[string]bool{}
	add := func(w string, cost float64, freq int, proper bool) {
		if seen[w] {
			return
		}
		seen[w] = true
		out = append(out, diaRepl{word: w, cost: cost, freq: freq, proper: proper})
	}
	// Enumerate folded spellings with their cheapest diaReadings per
	// position; the words with diacritics are then checked against the
	// token letter by letter.
	letters := 0
	for _, r := range rs {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	opts := make([][]diaOption, len(rs))
	for i, r := range rs {
		o := diaReadings(r)
		switch {
		case strict && r != diaFffd:
			o = nil // encoding damage: only U+FFFD is unknown
		case caps && r != 'a' && r != 'o' && r != diaFffd:
			o = nil // an upper-case code (IKT, U11) keeps its glyphs
		case (r == '1' || r == '|' || r == '0') && letters < 2:
			o = nil // a number, not a misread word
		}
		if o == nil {
			o = []diaOption{{r, 0}}
		}
		opts[i] = o
	}
	type fopt struct {
		f          rune
		cost       float64 // cheapest reading that folds to f
		plainCost  float64 // cost of reading the letter f itself
		dia, plain bool
	}
	fopts := make([][]fopt, len(rs))
	for i, os := range opts {
		var fs []fopt
		for _, o := range os {
			f := diaFoldRune(o.r)
			k := -1
			for j := range fs {
				if fs[j].f == f {
					k = j
				}
			}
			if k < 0 {
				fs = append(fs, fopt{f: f, cost: o.cost})
				k = len(fs) - 1
			}
			fs[k].cost = min(fs[k].cost, o.cost)
			if o.r != f {
				fs[k].dia = true
			} else {
				fs[k].plain = true
				fs[k].plainCost = o.cost
			}
		}
		fopts[i] = fs
	}
	skel := make([]rune, len(rs))
	variants := 0
	var walk func(i int, cost, plainCost float64, dia, plain bool)
	walk = func(i int, cost, plainCost float64, dia, plain bool) {
		if variants >= diaMaxVariants || cost > diaMaxCost {
			return
		}
		if i == len(rs) {
			variants++
			key := string(skel)
			if dia {
				lx.Diacritic(key, func(w string, freq int, standalone bool) {
					proper := diaStartsUpper(w)
					if proper && !allowProper || !standalone && !head {
						return
					}
					if c, ok := diaMatchCost(rs, w); ok {
						add(w, c, freq, proper)
					}
				})
			}
			if plain && key != string(rs) && (lx.Known(key) || head && lx.CompoundHead(key)) {
				add(key, plainCost, lx.Freq(key), false)
			}
			return
		}
		for _, fo := range fopts[i] {
			skel[i] = fo.f
			walk(i+1, cost+fo.cost, plainCost+fo.plainCost, dia || fo.dia, plain && fo.plain)
		}
	}
	walk(0, 0, 0, false, true)
	return out
}

// diaMatchCost checks that w (any case) explains the token runes rs letter by
// letter and returns the cost of the confusions it assumes.
func diaMatchCost(rs []rune, w string) (float64, bool) {
	cost := 0.0
	i := 0
	for _, r := range w {
		if i >= len(rs) {
			return 0, false
		}
		lr := unicode.ToLower(r)
		if lr == rs[i] {
			if o := diaReadings(rs[i]); o != nil && o[0].r == lr {
				cost += o[0].cost
			}
			i++
			continue
		}
		ok := false
		for _, o := range diaReadings(rs[i]) {
			if o.r == lr {
				cost += o.cost
				ok = true
				break
			}
		}
		if !ok {
			return 0, false
		}
		i++
	}
	return cost, i == len(rs)
}

func diaStartsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// diaCasePattern describes how a token is capitalised.
type diaCasePattern int

const (
	diaLowerCase diaCasePattern = iota
	diaTitleCase
	diaUpperCase
	diaMixedCase
)

func diaPatternOf(s string) diaCasePattern {
	up, low, first := 0, 0, false
	for i, r := range s {
		if unicode.IsUpper(r) {
			up++
			if i == 0 {
				first = true
			}
		} else if unicode.IsLower(r) {
			low++
		}
	}
	switch {
	case up == 0:
		return diaLowerCase
	case low == 0 && up > 1:
		return diaUpperCase
	case first && up == 1:
		return diaTitleCase
	case low == 0:
		return diaTitleCase
	}
	return diaMixedCase
}

// diaApplyCase gives w the capitalisation of the token it replaces.
func diaApplyCase(w, tok string) string {
	trs := []rune(tok)
	wrs := []rune(w)
	switch diaPatternOf(tok) {
	case diaUpperCase:
		return strings.ToUpper(w)
	case diaLowerCase:
		return w
	}
	if len(trs) == len(wrs) {
		for i := range wrs {
			if unicode.IsUpper(trs[i]) {
				wrs[i] = unicode.ToUpper(wrs[i])
			}
		}
		return string(wrs)
	}
	wrs[0] = unicode.ToUpper(wrs[0])
	return string(wrs)
}

// diaLowerRunes lower-cases a token into runes.
func diaLowerRunes(s string) []rune {
	rs := []rune(s)
	for i, r := range rs {
		rs[i] = unicode.ToLower(r)
	}
	return rs
}

// diaSlips rewrites a token with the letter-level diaSlips of tesseract that
// change its length: "ii" for ä, "rn" for m (and back), a diaDropped å/ä/ö.
func diaSlips(rs []rune) [][]rune {
	var out [][]rune
	s := string(rs)
	if strings.Contains(s, "ii") {
		out = append(out, []rune(strings.Replace(s, "ii", "ä", 1)))
	}
	if strings.Contains(s, "rn") {
		out = append(out, []rune(strings.Replace(s, "rn", "m", 1)))
	}
	if strings.Contains(s, "m") {
		out = append(out, []rune(strings.Replace(s, "m", "rn", 1)))
		// "in" and "ni" run together read as m ("placermgar")
		out = append(out, []rune(strings.Replace(s, "m", "in", 1)))
		out = append(out, []rune(strings.Replace(s, "m", "ni", 1)))
	}
	// "fi" read for ä ("grundlfiggande")
	if len(rs) >= 8 && strings.Contains(s, "fi") {
		out = append(out, []rune(strings.Replace(s, "fi", string(diaFffd), 1)))
	}
	// Two glyphs read for one å/ä/ö ("méangfalden", "uppritthéaller",
	// "jaimforelser", "dédrmed"): the pair becomes an unknown letter.
	for i := 0; i+1 < len(rs); i++ {
		a, b := rs[i], rs[i+1]
		if !strings.ContainsRune(diaPairGlyphs, a) || !strings.ContainsRune(diaPairGlyphs, b) {
			continue
		}
		if strings.ContainsRune("aoe", a) && strings.ContainsRune("aoe", b) {
			continue
		}
		v := make([]rune, 0, len(rs)-1)
		v = append(v, rs[:i]...)
		v = append(v, diaFffd)
		v = append(v, rs[i+2:]...)
		out = append(out, v)
	}
	return out
}

// diaEdit1Glyph is diaEdit1 for a token with one glyph OCR reads for
// å/ä/ö ("kommunfullméktiger"): each reading of the glyph, then one more
// letter away.
func diaEdit1Glyph(lx *sv.Lex, rs []rune) []diaRepl {
	at := -1
	for i, r := range rs {
		if strings.ContainsRune("é#&¢@", r) {
			if at >= 0 {
				return nil
			}
			at = i
		}
	}
	if at < 0 || len(rs) < 6 {
		return nil
	}
	var best []diaRepl
	v := slices.Clone(rs)
	for _, o := range diaReadings(rs[at]) {
		if o.r != 'å' && o.r != 'ä' && o.r != 'ö' {
			continue
		}
		v[at] = o.r
		// a long word is rarely a letter away from another
		minFreq := 10
		if len(v) >= 12 {
			minFreq = 1
		}
		if cs := diaEdit1Min(lx, v, minFreq); len(cs) > 0 && (best == nil || cs[0].freq > best[0].freq) {
			cs[0].cost += o.cost
			best = cs
		}
	}
	return best
}

// diaPairGlyphs are the glyphs that OCR splits an å/ä/ö into.
const diaPairGlyphs = "aoeidé6#&4"

// diaWholeSlips are whole-token misreadings of very common words.
var diaWholeSlips = map[string]string{"au": "att", "atu": "att", "tir": "är", "ocb": "och", "0ch": "och", "eft": "ett"}

// diaScored is a candidate with its score, for the record.
type diaScored struct {
	diaRepl
	score float64
}

// diaCtxScore is log P(w) + log P(prev|w)/P(prev) + log P(next|w)/P(next)
// from the Riksdag counts. The pair estimate is interpolated with the
// neighbour's own probability, since most pairs were never counted.
func diaCtxScore(lx *sv.Lex, w, prev, next string, freq int) float64 {
	const total = 800000.0
	const lambda = 0.6
	f := float64(freq)
	s := math.Log(f + 0.5)
	side := func(pair int, other string) float64 {
		if pair == 0 {
			return math.Log(1 - lambda) // the same for every candidate
		}
		po := (float64(lx.Freq(other)) + 0.5) / total
		return math.Log((lambda*float64(pair)/(f+1) + (1-lambda)*po) / po)
	}
	if prev != "" {
		s += side(lx.PairFreq(prev, w), prev)
	}
	if next != "" {
		s += side(lx.PairFreq(w, next), next)
	}
	return s
}

func fixDiacritics(lx *sv.Lex, text string) (string, []corpus.Change) {
	toks := diaTokenize(text)
	// Pass 1: which tokens are words; how many carry å/ä/ö; which are
	// damaged and have a reading.
	type pending struct {
		i  int
		cs []diaRepl
		ck bool // the token is a valid compound as it stands
	}
	var todo []pending
	withDia, fixable, fffdToks, ocrMarks := 0, 0, 0, 0
	// What a spelling is does not change within a document: look each
	// distinct spelling up once.
	type info struct {
		known, twin, dia, letter, ck bool
		rare                         bool
		cs                           []diaRepl
	}
	cache := make(map[string]*info, 1024)
	// Restoring long compounds part by part is costly: a document gets a
	// fixed number of such attempts, so that repair stays fast.
	budget := diaCompoundBudget
	for i := range toks {
		t := &toks[i]
		t.final = t.word
		hasFffd := strings.ContainsRune(t.word, diaFffd)
		if !hasFffd && diaInAddress(text, t.start, t.end) {
			t.known = true
			continue
		}
		key := t.word
		if t.hyphenNext {
			key += "-"
		}
		in := cache[key]
		if in == nil {
			in = &info{dia: diaHasDiacriticRune(t.word), letter: diaHasLetter(t.word)}
			switch {
			case !hasFffd && lx.Known(t.word):
				in.known = true
				in.twin = !in.dia && lx.HasDiacriticTwin(t.word)
				in.rare = len(t.word) > 1 && len(t.word) <= 4 && diaLowerWord(t.word) && lx.Freq(t.word) == 0
			case !hasFffd && !in.letter:
				in.known = true // numbers and symbols are left alone
			case !hasFffd && t.hyphenNext && lx.CompoundHead(t.word):
				in.known = true // "samarbets- och", "hälso-"
			default:
				in.cs = diaCachedCandidates(lx, t.word, t.hyphenNext, hasFffd, &budget)
				// A valid compound as it stands ("malprogram" =
				// mal+program) is decided below, once the damage of the
				// document is known.
				in.ck = !hasFffd && lx.Compound(t.word)
			}
			cache[key] = in
		}
		if hasFffd {
			fffdToks++
		}
		if in.known {
			t.known = true
			if in.dia {
				withDia++
			}
			t.twin, t.rare = in.twin, in.rare
			continue
		}
		if in.ck {
			t.known = true
			if in.dia {
				withDia++
			}
		}
		if len(in.cs) == 0 {
			continue
		}
		if !hasFffd && (!in.ck || slices.ContainsFunc(in.cs, func(c diaRepl) bool { return c.freq > 0 && !c.compound })) {
			fixable++
			if strings.ContainsAny(t.word, "é#&¢{@0123456789") {
				ocrMarks++
			}
		}
		todo = append(todo, pending{i, in.cs, in.ck})
	}
	damage := float64(fixable) / float64(fixable+withDia+2)
	// OCR without Swedish leaves marks no encoding damage does: é, #, &
	// and digits inside words.
	ocrMode := ocrMarks >= 3
	// A document whose damage is U+FFFD lost only those letters: the rest
	// of its words are right as they stand.
	encodingOnly := fffdToks >= 3 && fffdToks >= fixable
	if ocrMode && damage >= 0.5 && !encodingOnly {
		// OCR also misreads other letters ("inrikining", "bestk"): a
		// non-word with no reading above becomes the one common word a
		// single letter away, when there is one.
		queued := make([]bool, len(toks))
		for _, p := range todo {
			queued[p.i] = true
		}
		edit := map[string][]diaRepl{}
		for i := range toks {
			t := &toks[i]
			if t.known || queued[i] || t.hyphenNext || utf8.RuneCountInString(t.word) < 4 || strings.ContainsRune(t.word, diaFffd) {
				continue
			}
			switch diaPatternOf(t.word) {
			case diaUpperCase, diaMixedCase:
				continue
			case diaTitleCase:
				if !diaSentenceStart(text, t.start) {
					continue
				}
			}
			// Only among Swedish words: English ("quality of life") and
			// names are left alone.
			swedish := func(j int) bool {
				return j >= 0 && j < len(toks) && diaLowerWord(toks[j].final) && lx.Listed(toks[j].final)
			}
			if i > 0 && !t.sepBefore && diaStartsUpper(toks[i-1].final) {
				continue // part of a name ("Sahlgrenska life")
			}
			if !(swedish(i-1) && !t.sepBefore || i+1 < len(toks) && !toks[i+1].sepBefore && swedish(i+1)) {
				continue
			}
			cs, ok := edit[t.word]
			if !ok {
				cs = diaEdit1(lx, diaLowerRunes(t.word))
				if len(cs) == 0 {
					cs = diaEdit1Glyph(lx, diaLowerRunes(t.word))
				}
				edit[t.word] = cs
			}
			if len(cs) > 0 {
				todo = append(todo, pending{i: i, cs: cs})
			}
		}
	}
	// A token that is a valid compound as it stands gives way only to a
	// reading seen in use, or in a damaged document to a word of the
	// lexicon or a compound whose restored parts are much more common.
	{
		kept := todo[:0]
		for _, p := range todo {
			if p.ck {
				var cs []diaRepl
				for _, c := range p.cs {
					switch {
					case !c.compound && c.freq > 0,
						!c.compound && damage >= 0.5,
						c.compound && damage >= 0.5 && c.gain > math.Log(5) && c.cost <= 1:
						cs = append(cs, c)
					}
				}
				if len(cs) == 0 {
					toks[p.i].known = true
					continue
				}
				p.cs = cs
			}
			if diaPatternOf(toks[p.i].word) == diaTitleCase && !diaSentenceStart(text, toks[p.i].start) &&
				!strings.ContainsAny(toks[p.i].word, "\uFFFDé#&¢0123456789") {
				// A capitalised word inside a sentence that is no entry and
				// shows no OCR glyph is often a name: it is read as a
				// compound only when its restored parts are in use.
				var cs []diaRepl
				for _, c := range p.cs {
					if !c.compound || c.partsUsed {
						cs = append(cs, c)
					}
				}
				if len(cs) == 0 {
					continue
				}
				p.cs = cs
			}
			if damage < 0.2 && !strings.ContainsRune(toks[p.i].word, diaFffd) && diaPatternOf(toks[p.i].word) == diaUpperCase {
				// A document that keeps its å/ä/ö writes its capitals
				// with them too: an upper-case token it does not know is
				// a code or a name ("LANG", "SV.BAT"), not damage.
				continue
			}
			if damage < 0.2 && !strings.ContainsRune(toks[p.i].word, diaFffd) {
				// A document that keeps its å/ä/ö: an unknown word is a
				// name or a rare word more often than damage, so only
				// the plainest readings are taken.
				var cs []diaRepl
				for _, c := range p.cs {
					if c.cost <= 0.6 && !c.compound && c.freq > 0 {
						cs = append(cs, c)
					}
				}
				if len(cs) == 0 {
					continue
				}
				p.cs = cs
			}
			kept = append(kept, p)
		}
		todo = kept
	}
	if encodingOnly {
		kept := todo[:0]
		for _, p := range todo {
			if strings.ContainsRune(toks[p.i].word, diaFffd) {
				kept = append(kept, p)
			}
		}
		todo = kept
	}
	neighbour := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].final
	}
	prevOf := func(i int) string {
		if toks[i].sepBefore {
			return ""
		}
		return neighbour(i - 1)
	}
	nextOf := func(i int) string {
		if i+1 >= len(toks) || toks[i+1].sepBefore {
			return ""
		}
		return neighbour(i + 1)
	}
	var glyphs *diaGlyphPrior // what this document's OCR glyphs stand for
	choose := func(i int, cs []diaRepl) []diaScored {
		prev, next := prevOf(i), nextOf(i)
		ss := make([]diaScored, len(cs))
		for k, c := range cs {
			ss[k] = diaScored{c, diaCtxScore(lx, c.word, prev, next, c.freq) - 2*c.cost + diaAfterNumber(toks, i, c.word) + 0.5*c.gain + diaCue(toks, i, c.word) + glyphs.bonus(toks[i].word, c.word)}
		}
		sort.SliceStable(ss, func(a, b int) bool { return ss[a].score > ss[b].score })
		return ss
	}
	// Unknown tokens: twice, so that each sees its neighbours' readings.
	for pass := 0; pass < 2; pass++ {
		for _, p := range todo {
			if pass == 1 && len(p.cs) == 1 {
				continue // nothing to choose
			}
			ss := choose(p.i, p.cs)
			toks[p.i].final = diaCased(ss[0].word, toks[p.i].word, text, toks[p.i].start, ocrMode)
			toks[p.i].scored = ss
		}
		if pass == 0 {
			// The tokens with one reading show what the document's OCR
			// made of å, ä and ö; the ambiguous ones follow suit.
			glyphs = newDiaGlyphPrior()
			for _, p := range todo {
				if len(p.cs) == 1 {
					glyphs.learn(toks[p.i].word, p.cs[0].word)
				}
			}
		}
	}
	// In a document read by OCR, a reading never seen in use gives way to
	// a common word one letter of like shape away ("férestés" read as
	// "förestås" is "föreslås").
	if ocrMode && damage >= 0.5 && !encodingOnly {
		type swap struct {
			c  diaRepl
			ok bool
		}
		swaps := map[string]swap{}
		for _, p := range todo {
			t := &toks[p.i]
			if len(t.scored) == 0 || t.scored[0].freq > 0 || t.scored[0].compound || utf8.RuneCountInString(t.scored[0].word) < 6 {
				continue
			}
			sw, seen := swaps[t.scored[0].word]
			if !seen {
				sw.c, sw.ok = diaGlyphSwap(lx, t.scored[0].word)
				swaps[t.scored[0].word] = sw
			}
			if c, ok := sw.c, sw.ok; ok {
				c.cost += t.scored[0].cost
				t.final = diaCased(c.word, t.word, text, t.start, ocrMode)
				t.scored = append([]diaScored{{c, t.scored[0].score}}, t.scored...)
			}
		}
	}
	// Real words with a twin, only in a document that lost its diacritics.
	// In a document read by OCR, short words with d, i or é are also
	// checked against readings with å/ä/ö ("dr", "sitt", "gillande").
	if damage >= 0.5 && !encodingOnly {
		cache := map[string][]diaRepl{}
		for i := range toks {
			t := &toks[i]
			ocrCheck := ocrMode && t.known && !t.twin && diaOCRSuspect(t.word)
			if !t.twin && !ocrCheck {
				continue
			}
			if diaPatternOf(t.word) == diaUpperCase && !t.twin {
				continue
			}
			lw := strings.ToLower(t.word)
			key := t.word
			cs, ok := cache[key]
			if !ok {
				rs := diaLowerRunes(t.word)
				if t.twin {
					lx.Diacritic(sv.Fold(lw), func(w string, freq int, standalone bool) {
						if !standalone || diaStartsUpper(w) && !diaStartsUpper(t.word) {
							return
						}
						if c, ok := diaMatchCost(rs, w); ok {
							cs = append(cs, diaRepl{word: w, cost: c, freq: freq})
						}
					})
				}
				if ocrMode {
					for _, c := range diaCandidates(lx, rs, diaStartsUpper(t.word), false, false, false) {
						if c.freq > 0 && !slices.ContainsFunc(cs, func(x diaRepl) bool { return x.word == c.word }) {
							cs = append(cs, c)
						}
					}
				}
				cache[key] = cs
			}
			if len(cs) == 0 {
				continue
			}
			prev, next := prevOf(i), nextOf(i)
			keep := diaCtxScore(lx, lw, prev, next, lx.Freq(t.word)) + diaAfterNumber(toks, i, lw) + diaCue(toks, i, lw)
			ss := []diaScored{{diaRepl{word: lw, freq: lx.Freq(t.word)}, keep}}
			for _, c := range cs {
				// The twin must explain the token through lost diacritics,
				// which happens at the document's damage rate.
				ss = append(ss, diaScored{c, diaCtxScore(lx, c.word, prev, next, c.freq) + math.Log(damage) - 2*c.cost + diaAfterNumber(toks, i, c.word) + diaCue(toks, i, c.word)})
			}
			sort.SliceStable(ss, func(a, b int) bool { return ss[a].score > ss[b].score })
			if prev != "" && diaIdioms[strings.ToLower(prev)+" "+lw] {
				continue
			}
			if diaEnglish[strings.ToLower(prev)] || diaEnglish[strings.ToLower(next)] {
				continue // an English phrase ("plans for the city")
			}
			if ss[0].word != lw && ss[0].score > keep+diaRealWordMargin {
				t.final = diaCased(ss[0].word, t.word, text, t.start, ocrMode)
				t.scored, t.realWord = ss, true
			}
		}
		// A word with a capital Å, Ä or Ö inside ("sÄrskilt") had the
		// letter misread as a capital: lower case it.
		if ocrMode {
			for i := range toks {
				t := &toks[i]
				if t.known && t.final == t.word && diaPatternOf(t.word) == diaMixedCase && diaInnerSwedishCap(t.word) {
					t.final = diaCased(strings.ToLower(t.word), t.word, text, t.start, ocrMode)
					t.scored, t.realWord = []diaScored{{diaRepl{word: t.final}, 0}}, true
				}
			}
		}
		// A lone "1" or "|" between two lower-case words that go with "i"
		// (or before a noun in the definite form, which no numeral takes)
		// is the word i (but "bilaga 1 till"). A lone letter that lost its
		// å/ä/ö is the word it was ("r att" is "är att").
		if ocrMode {
			for i := range toks {
				t := &toks[i]
				if t.known && t.final == t.word && (len(t.word) == 1 || t.rare) {
					if w := diaLoneLetter(lx, text, toks, i); w != "" {
						t.final = w
						t.scored, t.realWord = []diaScored{{diaRepl{word: w}, 0}}, true
						continue
					}
				}
				if (t.word == "1" || t.word == "|") && i > 0 && i+1 < len(toks) && !t.sepBefore && !toks[i+1].sepBefore &&
					diaLowerWord(toks[i-1].final) && diaHasLetter(toks[i+1].final) && !strings.ContainsAny(toks[i+1].final, "0123456789") &&
					!diaCountedNouns[strings.ToLower(toks[i-1].final)] &&
					(max(lx.PairFreq(toks[i-1].final, "i"), lx.PairFreq("i", toks[i+1].final)) >= 2 ||
						diaDefiniteNoun(lx, toks[i+1].final)) {
					t.final = "i"
					t.scored, t.realWord = []diaScored{{diaRepl{word: "i"}, 0}}, true
				}
				// "| kommunen" at the start of a sentence is "I kommunen".
				if t.word == "|" && i+1 < len(toks) && !toks[i+1].sepBefore && diaSentenceStart(text, t.start) &&
					diaLowerWord(toks[i+1].final) && lx.PairFreq("i", toks[i+1].final) >= 2 {
					t.final = "I"
					t.scored, t.realWord = []diaScored{{diaRepl{word: "I"}, 0}}, true
				}
			}
		}
	}
	changed := 0
	for i := range toks {
		if toks[i].final != toks[i].word {
			changed++
		}
	}
	if changed == 0 {
		return text, nil
	}
	changes := make([]corpus.Change, 0, changed)
	var b strings.Builder
	b.Grow(len(text) + len(text)/16)
	pos := 0
	for i := range toks {
		t := &toks[i]
		if t.final == t.word {
			continue
		}
		ss, why := t.scored, "not a word; likeliest reading by confusions, frequency and neighbours"
		if t.realWord {
			why = fmt.Sprintf("real-word error: twin likelier in context in a document that lost its diacritics (damage %.2f)", damage)
		}
		if strings.ContainsRune(t.word, diaFffd) {
			why = "U+FFFD: letter chosen by lexicon, frequency and neighbours"
		}
		b.WriteString(text[pos:t.start])
		b.WriteString(t.final)
		pos = t.end
		changes = append(changes, corpus.Change{
			Pos: t.start, Before: t.word, After: t.final, Why: why,
			Candidates: diaToCandidates(ss, t.word, text, t.start, ocrMode),
		})
	}
	b.WriteString(text[pos:])
	return b.String(), changes
}

// diaAfterNumber favours the noun "år" right after a number or a word
// that counts or points out a noun ("12 år", "vart fjärde år", "varje år",
// "flera år"), where the verb "är" cannot stand.
func diaAfterNumber(toks []diaDtoken, i int, w string) float64 {
	if w != "år" || i == 0 || toks[i].sepBefore {
		return 0
	}
	p := strings.ToLower(toks[i-1].final)
	if diaYearWords[p] {
		return 3
	}
	for _, r := range p {
		if r < '0' || r > '9' {
			return 0
		}
	}
	return 3
}

// diaIdioms are word pairs whose second word is right without
// diacritics although its twin is commoner ("ta sig an", "hålla sams").
var diaIdioms = map[string]bool{"sig an": true, "tog an": true, "ta an": true, "man har": true, "vi har": true}

// diaEnglish are English function words that never stand next to the
// Swedish twins of "for", "an", "at" and the like.
var diaEnglish = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "is": true, "with": true, "by": true,
	"from": true, "this": true, "that": true, "are": true, "be": true, "was": true, "which": true,
}

// diaCompoundBudget is how many tokens of a document may be restored as
// compounds part by part.
const diaCompoundBudget = 150

// diaYearWords come before a noun, never before the verb "är". Words
// that also stand as a subject ("detta är", "de andra är", "ett är en
// kopia") are left to the word pairs.
var diaYearWords = map[string]bool{
	"varje": true, "vart": true, "per": true, "två": true, "tre": true, "fyra": true,
	"fem": true, "sex": true, "sju": true, "åtta": true, "nio": true, "tio": true, "flera": true,
	"många": true, "några": true, "första": true, "tredje": true, "fjärde": true,
	"femte": true, "sjätte": true, "förra": true, "nästa": true, "samma": true, "innevarande": true,
	"kommande": true, "senaste": true, "hela": true, "halvt": true, "vartannat": true,
}

// diaOCRSuspect reports whether a known word is short and has a letter
// OCR reads for å/ä/ö (d, i), so that a reading with å/ä/ö may be meant.
func diaOCRSuspect(w string) bool {
	n := utf8.RuneCountInString(w)
	return n >= 2 && n <= 8 && strings.ContainsAny(w, "diDI46&#")
}

// diaLowerWord reports whether w is a word in lower case.
func diaLowerWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// diaAfterLowerWord reports whether the token at pos follows a word that
// ends in a lower-case letter, with only spaces and at most one line
// break between: the token stands inside a sentence.
func diaAfterLowerWord(text string, pos int) bool {
	nl := 0
	for pos > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:pos])
		switch {
		case r == '\n':
			if nl++; nl > 1 {
				return false
			}
		case unicode.IsSpace(r):
		case r == ',' || r == ';':
			return true
		default:
			if !unicode.IsLower(r) {
				return false
			}
			// The word before must itself start lower case.
			start := pos
			for start > 0 {
				r2, n2 := utf8.DecodeLastRuneInString(text[:start])
				if !unicode.IsLetter(r2) {
					break
				}
				start -= n2
			}
			first, _ := utf8.DecodeRuneInString(text[start:])
			return unicode.IsLower(first)
		}
		pos -= n
	}
	return false
}

// diaInAddress reports whether the token text[s:e] is part of an e-mail
// address or a web address, which are left alone.
func diaInAddress(text string, s, e int) bool {
	for s > 0 && text[s-1] != ' ' && text[s-1] != '\n' && text[s-1] != '\t' {
		s--
	}
	for e < len(text) && text[e] != ' ' && text[e] != '\n' && text[e] != '\t' {
		e++
	}
	chunk := text[s:e]
	if at := strings.IndexByte(chunk, '@'); at >= 0 && strings.Contains(chunk[at:], ".") {
		return true
	}
	return strings.Contains(chunk, "://") || strings.Contains(chunk, "www.")
}

// diaSentenceStart reports whether the token at pos begins a sentence:
// nothing but space before it since the start, a full stop, question or
// exclamation mark, a colon or a blank line.
func diaSentenceStart(text string, pos int) bool {
	nl := 0
	for pos > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:pos])
		switch {
		case r == '\n':
			nl++
			if nl >= 2 {
				return true
			}
		case unicode.IsSpace(r):
		case r == '.' || r == '!' || r == '?' || r == ':' || r == '•' || r == '"' || r == '”':
			return true
		default:
			return false
		}
		pos -= n
	}
	return true
}

// diaCased gives the reading w the capitalisation of the token it
// replaces. A token whose first letter is unknowable (U+FFFD, '|') is
// capitalised at a sentence start; a capital A or O read for a lower-case
// å/ä/ö inside a sentence ("i vården Ar", "beslut på\nOverstatlig nivå")
// becomes lower case.
func diaCased(w, tok, text string, pos int, ocr bool) string {
	first, _ := utf8.DecodeRuneInString(tok)
	if first == diaFffd || first == '|' || first == '1' {
		if diaSentenceStart(text, pos) {
			rs := []rune(w)
			rs[0] = unicode.ToUpper(rs[0])
			return string(rs)
		}
		return w
	}
	if diaPatternOf(tok) == diaMixedCase {
		// Only the first letter keeps its case: inner capitals were
		// misread letters.
		out := []rune(w)
		if unicode.IsUpper(first) {
			out[0] = unicode.ToUpper(out[0])
		}
		return string(out)
	}
	out := diaApplyCase(w, tok)
	// OCR reads a lower-case å or ö as a capital A or O, most often at
	// the start of a line; text that only lost its diacritics keeps its
	// capitals inside a line ("av Angra" is "av Ångra").
	lineStart := pos > 0 && text[pos-1] == '\n'
	if (ocr || lineStart) && (first == 'A' || first == 'O') && diaPatternOf(tok) == diaTitleCase && !diaStartsUpper(w) {
		if o, _ := utf8.DecodeRuneInString(out); o != first && diaAfterLowerWord(text, pos) {
			return w
		}
	}
	return out
}

// diaRealWordMargin is how much likelier (in log odds) a twin must be before
// a real word is changed.
const diaRealWordMargin = 1.0

func diaToCandidates(ss []diaScored, tok, text string, pos int, ocr bool) []corpus.Candidate {
	n := min(len(ss), 5)
	out := make([]corpus.Candidate, n)
	for i := range n {
		out[i] = corpus.Candidate{Word: diaCased(ss[i].word, tok, text, pos, ocr), Score: math.Round(ss[i].score*100) / 100}
	}
	return out
}

func diaSameLength(a, b string) bool { return utf8.RuneCountInString(a) == utf8.RuneCountInString(b) }

func diaHasDiacriticRune(s string) bool { return strings.ContainsAny(s, "åäöÅÄÖ") }

func diaHasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || r == diaFffd {
			return true
		}
	}
	return false
}

// diaTokenCandidates finds the readings of an unknown token; strict
// when its damage is U+FFFD.
func diaTokenCandidates(lx *sv.Lex, word string, head, strict bool, budget *int) (cs []diaRepl) {
	rs := diaLowerRunes(word)
	allowProper := diaPatternOf(word) != diaLowerCase || rs[0] == diaFffd
	caps := diaPatternOf(word) == diaUpperCase
	if strict {
		if len(rs) == 1 {
			// A lone U+FFFD is a lost dash or section sign more often
			// than the words å and ö.
			return []diaRepl{{word: "–", freq: 1}}
		}
		cs = diaCandidates(lx, rs, allowProper, head, true, false)
		if len(cs) == 0 && len(rs) >= 6 {
			cs = diaCompoundCandidates(lx, rs, true, false, diaPatternOf(word) == diaTitleCase, budget)
		}
		if len(cs) == 0 && (rs[0] == diaFffd || rs[len(rs)-1] == diaFffd) {
			// A lost quotation mark at the edge ("\uFFFDstöd\uFFFD"):
			// the word inside decides.
			core := strings.TrimSuffix(strings.TrimPrefix(word, "\uFFFD"), "\uFFFD")
			if utf8.RuneCountInString(core) >= 3 && core != word && diaPatternOf(core) != diaUpperCase {
				inner := []diaRepl{{word: strings.ToLower(core), freq: lx.Freq(core)}}
				if strings.ContainsRune(core, diaFffd) || !lx.Known(core) {
					inner = diaTokenCandidates(lx, core, head, true, budget)
				}
				pre, post := "", ""
				if strings.HasPrefix(word, "\uFFFD") {
					pre = "\""
				}
				if strings.HasSuffix(word, "\uFFFD") {
					post = "\""
				}
				for _, c := range inner {
					if c.word == "–" {
						continue
					}
					c.word = pre + c.word + post
					c.cost += 0.5
					cs = append(cs, c)
				}
			}
		}
		if len(cs) == 0 {
			// No word fits: each U+FFFD becomes the letter that Swedish
			// words most often have between the same two letters, so
			// that no U+FFFD is left.
			cs = []diaRepl{{word: diaGuessLetters(lx, rs), cost: 2}}
		}
		return cs
	}
	if w, ok := diaWholeSlips[string(rs)]; ok && diaPatternOf(word) != diaUpperCase {
		return []diaRepl{{word: w, cost: 0.5, freq: lx.Freq(w)}}
	}
	if diaPatternOf(word) == diaMixedCase {
		// Capitals inside a lower-case word are OCR glyphs for å/ä/ö.
		orig := []rune(word)
		if len(orig) == len(rs) {
			for i := 1; i < len(orig); i++ {
				if unicode.IsUpper(orig[i]) && unicode.IsLower(orig[i-1]) {
					rs[i] = diaInnerCap
				}
			}
		}
	}
	cs = diaCandidates(lx, rs, allowProper, head, false, caps)
	if len(cs) == 0 {
		for _, v := range diaSlips(rs) {
			for _, c := range diaCandidates(lx, v, allowProper, head, false, caps) {
				c.cost += 0.8
				cs = append(cs, c)
			}
			if w := string(v); lx.Known(w) {
				cs = append(cs, diaRepl{word: w, cost: 0.8, freq: lx.Freq(w)})
			}
		}
	}
	if len(cs) == 0 && (len(rs) >= 4 || len(rs) == 3 && diaPatternOf(word) == diaLowerCase) && !caps {
		cs = diaDropped(lx, rs)
	}
	if len(cs) == 0 && len(rs) >= 6 {
		cs = diaCompoundCandidates(lx, rs, false, caps, diaPatternOf(word) == diaTitleCase, budget)
	}
	if len(cs) == 0 && len(rs) >= 8 && strings.ContainsAny(word, "é#&¢0123456789") {
		// A compound with a letter split in two glyphs
		// ("Kyrkogéardsnämnden", "kommuno6vergripande").
		for _, v := range diaSlips(rs) {
			if len(v) == len(rs) {
				continue // rn/m swaps are tried above
			}
			for _, c := range diaCompoundCandidates(lx, v, false, caps, diaPatternOf(word) == diaTitleCase, budget) {
				c.cost += 0.8
				cs = append(cs, c)
			}
		}
	}
	return cs
}

// diaDropped tries an å, ä or ö lost from the token.
func diaDropped(lx *sv.Lex, rs []rune) []diaRepl {
	var out []diaRepl
	buf := make([]rune, len(rs)+1)
	for i := 0; i <= len(rs); i++ {
		copy(buf, rs[:i])
		copy(buf[i+1:], rs[i:])
		for _, r := range []rune{'å', 'ä', 'ö'} {
			buf[i] = r
			w := string(buf)
			if f := lx.Freq(w); f > 0 && lx.Known(w) {
				out = append(out, diaRepl{word: w, cost: 1.5, freq: f})
			}
		}
	}
	return out
}

// diaCompoundCandidates restores a compound part by part: a restored
// (or intact) tail that is a word and a head that may begin a compound.
// Each cut gives at most one reading; the likeliest tails win.
//
// title admits a name as the first part ("Europaförening").
func diaCompoundCandidates(lx *sv.Lex, rs []rune, strict, caps, title bool, budget *int) []diaRepl {
	if budget != nil {
		if *budget <= 0 {
			return nil
		}
		*budget--
	}
	var out []diaRepl
	seen := map[string]bool{}
	// headReadings are the readings of rs[a:b] that may begin a compound,
	// cheapest first.
	type span struct{ a, b int }
	memo := map[span][]diaRepl{}
	headReadings := func(a, b int) []diaRepl {
		if hs, ok := memo[span{a, b}]; ok {
			return hs
		}
		part := rs[a:b]
		hs := diaCandidates(lx, part, title && a == 0, true, strict, caps)
		if lx.CompoundHead(string(part)) {
			hs = append(hs, diaRepl{word: string(part)})
		} else if title && a == 0 && len(part) >= 4 && lx.Known(diaApplyCase(string(part), "Xx")) {
			hs = append(hs, diaRepl{word: string(part), freq: lx.Freq(diaApplyCase(string(part), "Xx"))})
		}
		sort.SliceStable(hs, func(i, j int) bool { return hs[i].cost < hs[j].cost })
		memo[span{a, b}] = hs
		return hs
	}
	for cut := 3; cut <= len(rs)-3; cut++ {
		head, tail := rs[:cut], rs[cut:]
		tails := diaCandidates(lx, tail, false, false, strict, caps)
		if lx.Known(string(tail)) {
			tails = append(tails, diaRepl{word: string(tail), freq: lx.Freq(string(tail))})
		}
		if len(tails) == 0 {
			continue
		}
		heads := headReadings(0, cut)
		if len(heads) == 0 && cut >= 6 && len(rs) >= 12 && len(rs) <= 30 {
			// Three parts: two beginnings and the tail
			// ("överförmyndar"+"nämnd" inside "Överförmyndarnämnden").
			for k := 3; k <= cut-3; k++ {
				h1 := headReadings(0, k)
				if len(h1) == 0 {
					continue
				}
				h2 := headReadings(k, cut)
				if len(h2) == 0 {
					continue
				}
				if h1[0].cost+h2[0].cost > 1 {
					continue // three parts only with the plainest readings
				}
				heads = append(heads, diaRepl{word: h1[0].word + h2[0].word, cost: h1[0].cost + h2[0].cost + 2,
					freq: min(diaPartFreq(lx, h1[0].word), diaPartFreq(lx, h2[0].word))})
			}
		}
		if len(heads) == 0 {
			continue
		}
		// Every pairing of a head and a tail reading except the token
		// itself; the scores decide later.
		for _, bh := range heads[:min(len(heads), 4)] {
			for _, bt := range tails[:min(len(tails), 4)] {
				w := bh.word + bt.word
				if w == string(rs) || seen[w] || !(lx.Compound(w) || title && lx.Compound(diaApplyCase(w, "Xx"))) {
					continue
				}
				seen[w] = true
				gain := math.Log(float64(diaPartFreq(lx, bh.word)+1)*float64(bt.freq+1)) -
					math.Log(float64(diaPartFreq(lx, string(head))+1)*float64(lx.Freq(string(tail))+1))
				out = append(out, diaRepl{word: w, cost: bh.cost + bt.cost + 0.3, freq: bt.freq / 20, compound: true, gain: gain,
					partsUsed: diaPartFreq(lx, bh.word) > 0 && bt.freq > 0 || bt.freq >= 20})
			}
		}
	}
	return out
}

// diaPartFreq is the frequency of a compound's first part as a word,
// without its linking s.
func diaPartFreq(lx *sv.Lex, head string) int {
	f := max(lx.Freq(head), lx.Freq(diaApplyCase(head, "Xx")))
	if h, ok := strings.CutSuffix(head, "s"); ok && h != "" {
		f = max(f, lx.Freq(h), lx.Freq(diaApplyCase(h, "Xx")))
	}
	return f
}

// diaEdit1 returns the word one substituted or dropped letter away from a
// token, if one such word is common (seen at least 10 times) and clearly
// the commonest.
func diaEdit1(lx *sv.Lex, rs []rune) []diaRepl { return diaEdit1Min(lx, rs, 10) }

// diaEdit1Min is diaEdit1 with the least frequency a word must have.
func diaEdit1Min(lx *sv.Lex, rs []rune, minFreq int) []diaRepl {
	const letters = "abcdefghijklmnopqrstuvwxyzåäö"
	best, second := diaRepl{}, 0
	try := func(w string) {
		if len(rs) < 5 && !diaHasDiacriticRune(w) {
			return // a short word only to a lost å/ä/ö ("tkad"), not "life" to "lite"
		}
		f := lx.Freq(w)
		if f < minFreq || w == best.word || !lx.Known(w) {
			return
		}
		if f > best.freq {
			second = max(second, best.freq)
			best = diaRepl{word: w, cost: 1.5, freq: f}
		} else {
			second = max(second, f)
		}
	}
	buf := make([]rune, len(rs))
	for i := range rs {
		copy(buf, rs)
		for _, r := range letters {
			if r != rs[i] {
				buf[i] = r
				try(string(buf))
			}
		}
		try(string(rs[:i]) + string(rs[i+1:]))
	}
	if best.word == "" || best.freq < 3*second {
		return nil
	}
	return []diaRepl{best}
}

var (
	diaTriOnce sync.Once
	diaTri     map[[3]rune]*[3]int // (letter before, letter after) -> counts of å, ä, ö
)

// diaGuessLetters replaces each U+FFFD of a lower-case token by å, ä or
// ö, whichever the lexicon's words (weighted by frequency) most often have
// between the same neighbouring letters, falling back to one neighbour and
// then to ä.
func diaGuessLetters(lx *sv.Lex, rs []rune) string {
	diaTriOnce.Do(func() {
		diaTri = map[[3]rune]*[3]int{}
		lx.EachDiacritic(func(w string, freq int) bool {
			ws := []rune(strings.ToLower(w))
			for i, r := range ws {
				k := strings.IndexRune("åäö", r)
				if k < 0 {
					continue
				}
				k /= 2 // byte index of a two-byte letter
				prev, next := rune('^'), rune('$')
				if i > 0 {
					prev = ws[i-1]
				}
				if i+1 < len(ws) {
					next = ws[i+1]
				}
				for _, key := range [][3]rune{{prev, next, 0}, {prev, 0, 1}, {0, next, 2}} {
					c := diaTri[key]
					if c == nil {
						c = &[3]int{}
						diaTri[key] = c
					}
					c[k] += freq + 1
				}
			}
			return true
		})
	})
	out := make([]rune, len(rs))
	for i, r := range rs {
		if r != diaFffd {
			out[i] = r
			continue
		}
		prev, next := rune('^'), rune('$')
		if i > 0 {
			prev = out[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		out[i] = 'ä'
		for _, key := range [][3]rune{{prev, next, 0}, {prev, 0, 1}, {0, next, 2}} {
			if c := diaTri[key]; c != nil {
				best := 0
				for k := 1; k < 3; k++ {
					if c[k] > c[best] {
						best = k
					}
				}
				out[i] = []rune("åäö")[best]
				break
			}
		}
	}
	return string(out)
}

// diaMemo keeps the readings of spellings across documents: they depend
// only on the lexicon, and damaged spellings recur from one document to
// the next. It is emptied when it grows past diaMemoMax entries.
var diaMemo struct {
	sync.Mutex
	m map[string][]diaRepl
}

const diaMemoMax = 1 << 17

// diaCachedCandidates is diaTokenCandidates through diaMemo. A result
// cut short by the document's budget is not kept.
func diaCachedCandidates(lx *sv.Lex, word string, head, strict bool, budget *int) []diaRepl {
	key := word
	if head {
		key += "\x00h"
	}
	diaMemo.Lock()
	cs, ok := diaMemo.m[key]
	diaMemo.Unlock()
	if ok {
		return cs
	}
	cs = diaTokenCandidates(lx, word, head, strict, budget)
	if *budget > 0 {
		diaMemo.Lock()
		if diaMemo.m == nil || len(diaMemo.m) >= diaMemoMax {
			diaMemo.m = make(map[string][]diaRepl, 1024)
		}
		diaMemo.m[key] = cs
		diaMemo.Unlock()
	}
	return cs
}

// diaInnerSwedishCap reports whether w has a capital Å, Ä or Ö right after
// a lower-case letter.
func diaInnerSwedishCap(w string) bool {
	prevLower := false
	for _, r := range w {
		if prevLower && (r == 'Å' || r == 'Ä' || r == 'Ö') {
			return true
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}

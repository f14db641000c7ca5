package analyze

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold lower-cases s and removes the Swedish diacritics (å→a, ä→a, ö→o,
// é→e), so that text whose OCR lost them matches the vocabulary.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'å', 'ä', 'á', 'à', 'â':
			r = 'a'
		case 'ö', 'ø', 'ó', 'ò', 'ô':
			r = 'o'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'ü', 'ú':
			r = 'u'
		case 'í', 'ï':
			r = 'i'
		}
		b.WriteRune(r)
	}
	return b.String()
}

var (
	reTag    = regexp.MustCompile(`<[^<>]{1,80}>`)
	reBullet = regexp.MustCompile(`^\s*(?:[-*•·–]|\d{1,2}[.)]|[a-z][.)])\s+`)
	reWord   = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}\-/:]*`)
)

// cleanEvidence turns source text into an evidence string: markdown `*`
// and `#` and HTML tags removed, whitespace (line breaks included)
// collapsed to single spaces.
func cleanEvidence(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = reTag.ReplaceAllString(s, " ")
	}
	s = strings.Map(func(r rune) rune {
		if r == '*' || r == '#' {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// cleanHeading is cleanEvidence plus removal of list bullets and trailing
// punctuation other than a colon.
func cleanHeading(s string) string {
	s = cleanEvidence(s)
	s = strings.TrimRight(s, " ,;.")
	return strings.TrimSpace(s)
}

// words returns the words of s (letters, digits, inner hyphens).
func words(s string) []string { return reWord.FindAllString(s, -1) }

// isCap reports whether w starts with an upper-case letter.
func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isLowerStart reports whether s starts with a lower-case letter.
func isLowerStart(s string) bool {
	s = strings.TrimLeft(s, " \t*_\"'“”(")
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// isAllCaps reports whether w has two or more letters, all upper case.
func isAllCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// capFirst upper-cases the first letter of s.
func capFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst lower-cases the first letter of s.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

var foldedMonths = func() map[string]int {
	m := map[string]int{}
	for k, v := range months {
		m[fold(k)] = v
	}
	return m
}()

var (
	reISODate  = regexp.MustCompile(`\b((?:19|20)\d\d)[-./ ](0?[1-9]|1[0-2])[-./ ](0?[1-9]|[12]\d|3[01])\b`)
	reTextDate = regexp.MustCompile(`(?i)\b(?:den\s+)?([0-3]?\d)(?::e|:a)?\s+(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|okt|nov|dec)\.?\s+((?:19|20)\d\d)\b`)
	reDMYDate  = regexp.MustCompile(`\b(0?[1-9]|[12]\d|3[01])[./](0?[1-9]|1[0-2])[./]((?:19|20)\d\d)\b`)
)

// Date is a date found in text: its ISO form and its byte range in the
// text it was found in.
type Date struct {
	ISO        string
	Start, End int
}

// FindDates returns the full dates in s in order: ISO (2013-10-15, also
// with dots, slashes or spaces), Swedish text (15 oktober 2013, den 25
// augusti 2009, 1:a mars 2010) and day-first numeric (15/10/2013).
// Impossible dates (2013-02-30) are skipped.
func FindDates(s string) []Date {
	var out []Date
	add := func(y, m, d string, start, end int) {
		yi, _ := strconv.Atoi(y)
		mi, ok := foldedMonths[fold(strings.TrimSuffix(m, "."))]
		if !ok {
			mi, _ = strconv.Atoi(m)
		}
		di, _ := strconv.Atoi(d)
		if !validDate(yi, mi, di) {
			return
		}
		for _, o := range out {
			if start < o.End && o.Start < end {
				return
			}
		}
		out = append(out, Date{fmt.Sprintf("%04d-%02d-%02d", yi, mi, di), start, end})
	}
	for _, m := range reISODate.FindAllStringSubmatchIndex(s, -1) {
		add(s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]], m[0], m[1])
	}
	for _, m := range reTextDate.FindAllStringSubmatchIndex(s, -1) {
		add(s[m[6]:m[7]], s[m[4]:m[5]], s[m[2]:m[3]], m[0], m[1])
	}
	for _, m := range reDMYDate.FindAllStringSubmatchIndex(s, -1) {
		add(s[m[6]:m[7]], s[m[4]:m[5]], s[m[2]:m[3]], m[0], m[1])
	}
	sortDates(out)
	return out
}

// ParseDate returns the ISO form of the first full date in s, or "".
func ParseDate(s string) string {
	if ds := FindDates(s); len(ds) > 0 {
		return ds[0].ISO
	}
	return ""
}

func sortDates(ds []Date) {
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].Start < ds[j-1].Start; j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}

func validDate(y, m, d int) bool {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		days = 28
	}
	return d <= days
}

var reYear = regexp.MustCompile(`\b((?:19|20)\d\d)\b`)

var intervalRes = func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(intervalPhrases))
	for i, p := range intervalPhrases {
		out[i] = regexp.MustCompile(`\b(?:` + fold(p.Pattern) + `)\b`)
	}
	return out
}()

var reOnce = regexp.MustCompile(fold(`\b(?:senast|före|innan|till|under|år|till och med|inom|i slutet av|vid utgången av|utvärderar|utvärdera|utvärderas|reviderar|revidera|revideras|omprövar|ompröva|omprövas|ses över|följs upp|följa upp|följas upp|följer upp)\s+(?:(?:den\s+)?\d{1,2}\s+\p{L}+\s+|\p{L}+\s+)?((?:19|20)\d\d)\b`))

// Interval is how often a follow-up happens: an ISO 8601 duration or one
// of the corpus interval constants, the phrase that said so, and for a
// one-off its due date (a full date or a year).
type Interval struct {
	Value string
	Text  string
	Due   string
}

// ParseInterval finds the interval phrase in s (a clause of Swedish text):
// "årligen" → P1Y, "per mandatperiod" → P4Y, "halvårsvis" → P6M, "vid
// behov" → as_needed, "löpande" → continuous, "senast 31 december 2015" or
// "år 2010" → once with Due. It returns the zero Interval when s names
// no interval.
func ParseInterval(s string) Interval {
	f := fold(s)
	// The first phrase in table order wins, unless a later one is a
	// duration and the first is not.
	best := Interval{}
	for i, re := range intervalRes {
		loc := re.FindStringIndex(f)
		if loc == nil {
			continue
		}
		if better(intervalPhrases[i].Interval, best.Value) {
			best = Interval{Value: intervalPhrases[i].Interval, Text: originalSpan(s, f, loc)}
		}
	}
	if best.Value != "" {
		return best
	}
	if loc := reOnce.FindStringSubmatchIndex(f); loc != nil {
		return onceAt(s, f, loc)
	}
	return Interval{}
}

// onceAt is the one-off interval reOnce matched at loc in f = fold(s): due
// on the full date when the text gives one ("senast 31 december 2015",
// "senast 2020-06-30"), else in the year.
func onceAt(s, f string, loc []int) Interval {
	text := originalSpan(s, f, loc[:2])
	due := ParseDate(text)
	if due == "" {
		if ds := FindDates(f[loc[2]:]); len(ds) > 0 && ds[0].Start == 0 {
			due = ds[0].ISO
			text = originalSpan(s, f, []int{loc[0], loc[2] + ds[0].End})
		} else {
			due = f[loc[2]:loc[3]]
		}
	}
	return Interval{Value: "once", Text: text, Due: due}
}

// better reports whether interval a is more specific than b (a duration
// beats as_needed and continuous).
func better(a, b string) bool {
	if b == "" {
		return true
	}
	isDur := func(x string) bool { return strings.HasPrefix(x, "P") }
	return isDur(a) && !isDur(b)
}

// toOrig maps byte offset i of fold(s) to the byte offset of the same
// rune in s.
func toOrig(s string, i int) int {
	f := fold(s)
	if len(f) == len(s) || i <= 0 {
		return min(i, len(s))
	}
	if i >= len(f) {
		return len(s)
	}
	r := utf8.RuneCountInString(f[:i])
	pos := 0
	for k := range s {
		if r == 0 {
			return k
		}
		r--
		pos = k
	}
	_ = pos
	return len(s)
}

// originalSpan maps a byte range of fold(s) back to s. fold changes only
// letters, rune for rune, so the rune index is the same in both.
func originalSpan(s, f string, loc []int) string {
	startR := utf8.RuneCountInString(f[:loc[0]])
	endR := utf8.RuneCountInString(f[:loc[1]])
	rs := []rune(s)
	fr := []rune(f)
	if len(rs) != len(fr) || endR > len(rs) {
		return f[loc[0]:loc[1]]
	}
	return string(rs[startR:endR])
}

package index

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query syntax (see Search):
//
//	word            should match (ranked; at least one word must match)
//	+word -word     must match / must not match
//	"a phrase"      the words next to each other (stop words may sit between)
//	word~1 word~2   fuzzy: up to 1 or 2 edits (word~ is word~1)
//	prefix*         words starting with prefix (at least 2 letters)
//	kommun:Lund     filter; fields: kommun (municipality), avsnitt (section),
//	                typ (type), år (year: 2015 or 2015-2020), doc (document ID)
//
// Words are lower-cased, stemmed and diacritic-folded: "Förvaltningarna"
// finds "forvaltningar" and the other way round.

// clauseKind says what a parsed clause is.
type clauseKind int

const (
	kindWord clauseKind = iota
	kindPhrase
	kindFuzzy
	kindPrefix
	kindFilter
)

// occur says how a clause combines with the others.
type occur int

const (
	occurShould occur = iota
	occurMust
	occurMustNot
)

// clause is one parsed element of a query.
type clause struct {
	kind  clauseKind
	occur occur
	text  string // word, phrase, prefix or filter value
	field string // canonical filter field (kindFilter)
	fuzz  int    // edit distance (kindFuzzy)
	pos   int    // byte offset in the query
}

// ParseError is a query that does not parse. Pos is the byte offset in
// Query where the problem is; Column is the 1-based character position.
type ParseError struct {
	Query  string
	Pos    int
	Column int
	Msg    string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("query %q: at character %d: %s", e.Query, e.Column, e.Msg)
}

func parseErr(q string, pos int, format string, args ...any) *ParseError {
	if pos > len(q) {
		pos = len(q)
	}
	return &ParseError{Query: q, Pos: pos, Column: utf8.RuneCountInString(q[:pos]) + 1, Msg: fmt.Sprintf(format, args...)}
}

// filterFields maps the field names a query may use to canonical names.
var filterFields = map[string]string{
	"kommun": "kommun", "municipality": "kommun",
	"avsnitt": "avsnitt", "section": "avsnitt",
	"typ": "typ", "type": "typ",
	"år": "år", "ar": "år", "year": "år",
	"doc": "doc", "id": "doc", "dokument": "doc",
}

// parseQuery splits q into clauses.
func parseQuery(q string) ([]clause, error) {
	var out []clause
	i := 0
	for {
		for i < len(q) {
			r, n := utf8.DecodeRuneInString(q[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += n
		}
		if i >= len(q) {
			break
		}
		c := clause{pos: i}
		switch q[i] {
		case '+':
			c.occur = occurMust
			i++
		case '-':
			c.occur = occurMustNot
			i++
		}
		if i >= len(q) || isSpaceAt(q, i) {
			return nil, parseErr(q, c.pos, "%q must be followed by a word or phrase", q[c.pos:c.pos+1])
		}
		if q[i] == '"' {
			end := strings.IndexByte(q[i+1:], '"')
			if end < 0 {
				return nil, parseErr(q, i, "phrase is not closed (missing \")")
			}
			c.kind, c.text = kindPhrase, q[i+1:i+1+end]
			i += end + 2
			if i < len(q) && !isSpaceAt(q, i) {
				if q[i] == '~' {
					return nil, parseErr(q, i, "proximity (\"…\"~N) is not supported; use a phrase or separate words")
				}
				return nil, parseErr(q, i, "put a space after the closing \"")
			}
			if strings.TrimSpace(c.text) == "" {
				return nil, parseErr(q, c.pos, "empty phrase")
			}
			out = append(out, c)
			continue
		}
		start := i
		for i < len(q) && !isSpaceAt(q, i) {
			if q[i] == '"' {
				return nil, parseErr(q, i, "a quote inside a word; put phrases in \"…\" separated by spaces")
			}
			i++
		}
		word := q[start:i]
		if k := strings.IndexAny(word, "()"); k >= 0 {
			return nil, parseErr(q, start+k, "parentheses are not supported; use +word, -word and \"phrases\"")
		}
		if name, value, ok := strings.Cut(word, ":"); ok {
			field, known := filterFields[strings.ToLower(name)]
			if !known {
				return nil, parseErr(q, start, "unknown field %q (known: kommun, avsnitt, typ, år, doc)", name)
			}
			vstart := start + len(name) + 1
			if value == "" && vstart < len(q) && q[vstart] == '"' {
				end := strings.IndexByte(q[vstart+1:], '"')
				if end < 0 {
					return nil, parseErr(q, vstart, "value is not closed (missing \")")
				}
				value = q[vstart+1 : vstart+1+end]
				i = vstart + end + 2
			}
			if strings.TrimSpace(value) == "" {
				return nil, parseErr(q, vstart, "%s: needs a value", name)
			}
			if field == "år" {
				if _, _, err := ParseYears(value); err != nil {
					return nil, parseErr(q, vstart, "%v", err)
				}
			}
			if c.occur == occurShould {
				c.occur = occurMust
			}
			c.kind, c.field, c.text = kindFilter, field, value
			out = append(out, c)
			continue
		}
		switch {
		case strings.Contains(word, "~"):
			k := strings.IndexByte(word, '~')
			c.kind, c.text, c.fuzz = kindFuzzy, word[:k], 1
			if rest := word[k+1:]; rest != "" {
				n, err := strconv.Atoi(rest)
				if err != nil || n < 0 || n > 2 {
					return nil, parseErr(q, start+k+1, "fuzziness after ~ must be 1 or 2, not %q", rest)
				}
				c.fuzz = n
			}
			if c.text == "" {
				return nil, parseErr(q, start, "~ must follow a word")
			}
		case strings.Contains(word, "*") || strings.Contains(word, "?"):
			k := strings.IndexAny(word, "*?")
			if k != len(word)-1 || word[k] != '*' {
				return nil, parseErr(q, start+k, "wildcards only as * at the end of a word (prefix*)")
			}
			c.kind, c.text = kindPrefix, word[:k]
			if utf8.RuneCountInString(c.text) < 2 {
				return nil, parseErr(q, start, "a prefix needs at least 2 letters before *")
			}
		default:
			c.kind, c.text = kindWord, word
		}
		out = append(out, c)
	}
	return out, nil
}

func isSpaceAt(q string, i int) bool {
	r, _ := utf8.DecodeRuneInString(q[i:])
	return unicode.IsSpace(r)
}

// ParseYears parses a year or a range of years: "2015", "2015-2020",
// "2015-" (from 2015), "-2020" (up to 2020). 0 means open.
func ParseYears(s string) (from, to int, err error) {
	s = strings.TrimSpace(s)
	a, b, isRange := strings.Cut(s, "-")
	if !isRange {
		b = a
	}
	parse := func(x string) (int, error) {
		x = strings.TrimSpace(x)
		if x == "" {
			return 0, nil
		}
		y, err := strconv.Atoi(x)
		if err != nil || y < 1000 || y > 2999 {
			return 0, fmt.Errorf("year %q is not a year like 2015 or a range like 2015-2020", s)
		}
		return y, nil
	}
	if from, err = parse(a); err != nil {
		return 0, 0, err
	}
	if to, err = parse(b); err != nil {
		return 0, 0, err
	}
	if from == 0 && to == 0 {
		return 0, 0, fmt.Errorf("year %q is not a year like 2015 or a range like 2015-2020", s)
	}
	if from != 0 && to != 0 && from > to {
		return 0, 0, fmt.Errorf("year range %q runs backwards", s)
	}
	return from, to, nil
}

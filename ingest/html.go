package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// skipHTML are the elements whose content is page chrome or code, not text.
var skipHTML = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Iframe: true, atom.Button: true,
	atom.Select: true, atom.Head: true, atom.Object: true, atom.Canvas: true,
	atom.Dialog: true, atom.Menu: true,
}

// skipRoles are ARIA landmark roles of page chrome.
var skipRoles = map[string]bool{"navigation": true, "banner": true, "contentinfo": true, "search": true, "complementary": true}

// chromeClasses mark page chrome by class or id (a token containing one):
// cookie banners, breadcrumbs, skip links and text only for screen readers.
var chromeClasses = []string{"cookie", "breadcrumb", "skip-link", "skiplink", "sr-only", "visually-hidden", "visuallyhidden"}

// blockHTML are the elements that end a line of text.
var blockHTML = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Blockquote: true, atom.Address: true, atom.Figure: true, atom.Figcaption: true,
	atom.Dd: true, atom.Dt: true, atom.Dl: true, atom.Ul: true, atom.Ol: true, atom.Table: true,
	atom.Hr: true, atom.Caption: true, atom.Center: true, atom.Details: true, atom.Summary: true,
	atom.Body: true, atom.Html: true, atom.Fieldset: true, atom.Legend: true,
}

// readHTML turns an HTML page into lines: headings as "#" lines, paragraphs,
// list items as "- " lines, a table row per line with its cells joined by
// " | ", a blank line between blocks. Scripts, styles and page chrome (nav,
// header, footer, aside, forms) are dropped. The charset comes from a BOM or
// the page's meta declaration; a page whose bytes are valid UTF-8 is read
// as UTF-8 whatever it declares (a very common mislabelling).
func readHTML(data []byte) (string, error) {
	utf16 := bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff"))
	if !utf16 && looksBinary(data) {
		return "", ErrBinary
	}
	var src string
	switch {
	case utf16 || bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		s, err := DecodeText(data)
		if err != nil {
			return "", err
		}
		src = s
	case utf8.Valid(data):
		src = string(data)
	default:
		enc, _, _ := charset.DetermineEncoding(data, "")
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("html charset: %w", err)
		}
		src = string(out)
	}
	// Bytes the charset could not map become U+FFFD, visibly.
	src = strings.ToValidUTF8(src, "\ufffd")
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return "", fmt.Errorf("html: %w", err)
	}
	w := &htmlWriter{}
	w.walk(doc, 0)
	w.flush()
	return strings.Join(w.lines, "\n"), nil
}

// htmlWriter collects the lines of a page.
type htmlWriter struct {
	lines    []string
	cur      strings.Builder
	bold     int    // depth inside <b> or <strong>
	boldN    int    // letters of cur set in bold
	plainN   int    // letters of cur not in bold
	lastKind string // kind of the last line written: "p", "li", "tr", "h"
	joinNext bool   // the next line follows a <br>: no blank line before it
	pre      int
	content  int // depth inside <article> or <main>, where header and footer are content
}

// add writes one line; lines of one list, one table or one paragraph
// broken by <br> stay together, everything else gets a blank line before.
func (w *htmlWriter) add(kind, text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	together := w.joinNext || (kind == w.lastKind && (kind == "li" || kind == "tr"))
	if len(w.lines) > 0 && !together {
		w.lines = append(w.lines, "")
	}
	w.lines = append(w.lines, text)
	w.lastKind = kind
	w.joinNext = false
}

// flush writes the pending inline text as a paragraph line.
func (w *htmlWriter) flush() {
	t := w.cur.String()
	w.cur.Reset()
	allBold := w.boldN > 0 && w.plainN == 0
	w.boldN, w.plainN = 0, 0
	if w.pre > 0 {
		for _, l := range strings.Split(strings.Trim(t, "\n"), "\n") {
			w.add("p", strings.TrimRight(l, " \t"))
			w.joinNext = true
		}
		w.joinNext = false
		return
	}
	t = strings.TrimSpace(t)
	if allBold {
		t = strongLine(t)
	}
	w.add("p", t)
}

// strongLine writes a short paragraph set wholly in bold as **text**, the
// way Markdown (and the seeds) mark such headings; a longer one or one
// that ends like a sentence stays as it is.
func strongLine(t string) string {
	if t == "" || len(strings.Fields(t)) > 12 || strings.ContainsAny(t[len(t)-1:], ".,;") {
		return t
	}
	return "**" + t + "**"
}

func skipNode(n *html.Node, inContent bool) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if inContent && (n.DataAtom == atom.Header || n.DataAtom == atom.Footer) {
		return false
	}
	if skipHTML[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "role":
			if skipRoles[strings.ToLower(a.Val)] {
				return true
			}
		case "class", "id":
			for _, tok := range strings.Fields(strings.ToLower(a.Val)) {
				for _, c := range chromeClasses {
					if strings.Contains(tok, c) {
						return true
					}
				}
			}
		}
	}
	return false
}

func (w *htmlWriter) walk(n *html.Node, depth int) {
	if depth > 512 {
		return
	}
	switch n.Type {
	case html.TextNode:
		if w.pre > 0 {
			w.cur.WriteString(n.Data)
		} else {
			appendCollapsed(&w.cur, n.Data)
		}
		letters := 0
		for _, r := range n.Data {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				letters++
			}
		}
		if w.bold > 0 {
			w.boldN += letters
		} else {
			w.plainN += letters
		}
		return
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c, depth+1)
		}
		return
	case html.ElementNode:
	default:
		return
	}
	if skipNode(n, w.content > 0) {
		return
	}
	if n.DataAtom == atom.Article || n.DataAtom == atom.Main {
		w.content++
		defer func() { w.content-- }()
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		w.flush()
		level := int(n.Data[1] - '0')
		if t := inlineText(n); t != "" {
			w.add("h", strings.Repeat("#", level)+" "+t)
		}
		return
	case atom.Li:
		w.flush()
		var b strings.Builder
		var nested []*html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Ul || c.DataAtom == atom.Ol) {
				nested = append(nested, c)
				continue
			}
			collectInline(&b, c, depth+1)
		}
		if t := strings.TrimSpace(b.String()); t != "" {
			w.add("li", "- "+t)
		}
		for _, c := range nested {
			w.walk(c, depth+1)
		}
		return
	case atom.Tr:
		w.flush()
		var cells []string
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
				if t := inlineText(c); t != "" {
					cells = append(cells, t)
				}
			}
		}
		if len(cells) > 0 {
			w.add("tr", strings.Join(cells, " | "))
		}
		return
	case atom.Br:
		w.flush()
		w.joinNext = len(w.lines) > 0 && w.lastKind == "p"
		return
	case atom.Pre:
		w.flush()
		w.pre++
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c, depth+1)
		}
		w.flush()
		w.pre--
		return
	}
	block := blockHTML[n.DataAtom]
	if block {
		w.flush()
	}
	strong := n.DataAtom == atom.B || n.DataAtom == atom.Strong
	if strong {
		w.bold++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, depth+1)
	}
	if strong {
		w.bold--
	}
	if block {
		w.flush()
	}
}

// inlineText is the text of n on one line.
func inlineText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		collectInline(&b, c, 0)
	}
	return strings.TrimSpace(b.String())
}

func collectInline(b *strings.Builder, n *html.Node, depth int) {
	if depth > 512 || skipNode(n, true) {
		return
	}
	switch n.Type {
	case html.TextNode:
		appendCollapsed(b, n.Data)
		return
	case html.ElementNode:
		if n.DataAtom == atom.Br || blockHTML[n.DataAtom] || n.DataAtom == atom.Td || n.DataAtom == atom.Th || n.DataAtom == atom.Li {
			appendCollapsed(b, " ")
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		collectInline(b, c, depth+1)
	}
}

// appendCollapsed appends s with runs of white space made one space.
func appendCollapsed(b *strings.Builder, s string) {
	lastSpace := b.Len() == 0 || strings.HasSuffix(b.String(), " ")
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !lastSpace {
				b.WriteByte(' ')
				lastSpace = true
			}
			continue
		}
		if r == 0 || r == '\ufeff' || unicode.IsControl(r) {
			continue
		}
		b.WriteRune(r)
		lastSpace = false
	}
}

package web

import (
	"bytes"
	"context"
	"net/url"
	"os/exec"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// chromium returns the path of a Chromium to drive, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("end-to-end test skipped: no chromium on PATH (Debian: apt-get install chromium)")
	return ""
}

// browse loads u in headless Chromium and returns the DOM after loading,
// as the browser built it.
func browse(t *testing.T, bin, u string) *html.Node {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--virtual-time-budget=2000", "--dump-dom", u)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", u, err, errb.String())
	}
	doc, err := html.Parse(&out)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// find returns the elements under n with the tag (and class, if not "").
func find(n *html.Node, tag, class string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag && (class == "" || hasClass(n, class)) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// TestBrowser drives headless Chromium through the interface: it searches,
// clicks a municipality facet, opens a hit's document and checks that the
// matched words are highlighted there, and that a document whose text is
// HTML cannot run a script.
func TestBrowser(t *testing.T) {
	bin := chromium(t)
	ts := newTestServer(t)
	base, _ := url.Parse(ts.URL)
	open := func(href string) *html.Node {
		ref, err := url.Parse(href)
		if err != nil {
			t.Fatal(err)
		}
		return browse(t, bin, base.ResolveReference(ref).String())
	}

	// Search.
	page := open("/?q=" + url.QueryEscape("samverkan"))
	hits := find(page, "li", "hit")
	if len(hits) == 0 {
		t.Fatalf("no hits for samverkan")
	}
	for _, h := range hits {
		marks := find(h, "mark", "")
		if len(marks) == 0 {
			t.Errorf("hit without highlight: %s", text(h))
		}
		for _, m := range marks {
			if w := strings.ToLower(text(m)); !strings.HasPrefix(w, "samverk") {
				t.Errorf("highlighted %q for the query samverkan", w)
			}
		}
	}

	// Click the first municipality facet.
	var facet *html.Node
	for _, sec := range find(page, "section", "facet") {
		if hs := find(sec, "h2", ""); len(hs) > 0 && text(hs[0]) == "Kommun" {
			if as := find(sec, "a", ""); len(as) > 0 {
				facet = as[0]
			}
		}
	}
	if facet == nil {
		t.Fatal("no municipality facet")
	}
	town := text(facet)
	page = open(attr(facet, "href"))
	chips := find(page, "a", "chip")
	if len(chips) != 1 || !strings.Contains(text(chips[0]), town) {
		t.Errorf("after clicking %s the active filters are %d", town, len(chips))
	}
	hits = find(page, "li", "hit")
	if len(hits) == 0 {
		t.Fatalf("no hits after clicking %s", town)
	}
	for _, h := range hits {
		if title := text(find(h, "h3", "")[0]); !strings.HasPrefix(title, town+":") {
			t.Errorf("facet %s shows a hit from %q", town, title)
		}
	}

	// Open the first hit: the document is shown at the hit's line with the
	// query's words highlighted.
	link := find(hits[0], "a", "")[0]
	href := attr(link, "href")
	i := strings.Index(href, "#L")
	if i < 0 {
		t.Fatalf("hit link %s has no line", href)
	}
	doc := open(href)
	var target *html.Node
	for _, l := range find(doc, "div", "line") {
		if attr(l, "id") == href[i+1:] {
			target = l
		}
	}
	if target == nil {
		t.Fatalf("document has no line %s", href[i+1:])
	}
	marks := 0
	for _, lines := range find(doc, "div", "lines") {
		marks += len(find(lines, "mark", ""))
	}
	if marks == 0 {
		t.Errorf("document %s: no highlighted words", href)
	}
	if len(find(doc, "h2", "")) == 0 || len(find(doc, "h1", "")) == 0 {
		t.Error("document page without headings")
	}

	// The comparison, two documents a page: the page says what it shows,
	// and its next link leads to the following rows.
	cmp := open("/compare?tabell=overview&per=2&kommun=")
	shown := find(cmp, "p", "shown")
	if len(shown) != 1 || !strings.HasPrefix(text(shown[0]), "Visar 1–2 av ") {
		t.Fatalf("comparison page 1: %d 'Visar' lines", len(shown))
	}
	var nextPage string
	for _, a := range find(cmp, "a", "") {
		if attr(a, "rel") == "next" {
			nextPage = attr(a, "href")
		}
	}
	if nextPage == "" {
		t.Fatal("comparison page 1 has no next link")
	}
	cmp = open(nextPage)
	if shown := find(cmp, "p", "shown"); len(shown) != 1 || !strings.HasPrefix(text(shown[0]), "Visar 3–4 av ") {
		t.Errorf("comparison page 2 after clicking %s", nextPage)
	}
	if rows := find(find(cmp, "tbody", "")[0], "tr", ""); len(rows) != 2 {
		t.Errorf("comparison page 2 has %d rows, want 2", len(rows))
	}

	// A document whose text is HTML: shown as text, no script ran.
	doc = open("/doc/" + hostileID)
	if title := text(find(doc, "title", "")[0]); strings.Contains(title, "pwned") {
		t.Errorf("a script from the document ran: title %q", title)
	}
	if n := len(find(doc, "script", "")) + len(find(doc, "img", "")); n > 0 {
		t.Errorf("the document's HTML became %d elements", n)
	}
	body := text(find(doc, "body", "")[0])
	if !strings.Contains(body, "<script>document.title='pwned'</script>") {
		t.Error("the document's <script> text is not shown as text")
	}
}

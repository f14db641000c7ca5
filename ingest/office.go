package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"styrdok/corpus"
)

// MaxUnzipped bounds the bytes Read decompresses from one DOCX or ODT, so
// that a zip bomb is an error, not an exhausted machine.
const MaxUnzipped = 200 << 20

// ErrZipBomb is reported when an archive decompresses to more than
// MaxUnzipped bytes.
var ErrZipBomb = errors.New("archive decompresses to more than 200 MiB (zip bomb?)")

// unzipLimit is MaxUnzipped; tests lower it.
var unzipLimit int64 = MaxUnzipped

// zipDoc gives budgeted access to the members of an office archive.
type zipDoc struct {
	zr     *zip.Reader
	budget int64
}

func openZip(data []byte) (*zipDoc, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("broken zip archive: %w", err)
	}
	return &zipDoc{zr: zr, budget: unzipLimit}, nil
}

// open returns a reader of the named member, or nil when there is none.
func (z *zipDoc) open(name string) (io.ReadCloser, error) {
	for _, f := range z.zr.File {
		if f.Name != name {
			continue
		}
		if f.UncompressedSize64 > uint64(z.budget) {
			return nil, ErrZipBomb
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return &budgetReader{rc: rc, z: z}, nil
	}
	return nil, nil
}

// budgetReader fails with ErrZipBomb once the archive's budget is spent.
type budgetReader struct {
	rc io.ReadCloser
	z  *zipDoc
}

func (b *budgetReader) Read(p []byte) (int, error) {
	n, err := b.rc.Read(p)
	b.z.budget -= int64(n)
	if b.z.budget < 0 {
		return n, ErrZipBomb
	}
	return n, err
}

func (b *budgetReader) Close() error { return b.rc.Close() }

// xmlTokens calls fn for every token of a member; a missing member is not
// an error when optional.
func (z *zipDoc) xmlTokens(name string, optional bool, fn func(xml.Token)) error {
	rc, err := z.open(name)
	if err != nil {
		return err
	}
	if rc == nil {
		if optional {
			return nil
		}
		return fmt.Errorf("%s missing", name)
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if errors.Is(err, ErrZipBomb) {
				return err
			}
			return fmt.Errorf("%s: %w", name, err)
		}
		fn(tok)
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// lineWriter collects a document's lines the way readHTML writes them.
type lineWriter struct {
	lines    []string
	lastKind string
}

func (w *lineWriter) add(kind, text string) {
	text = collapseSpace(text)
	if text == "" {
		return
	}
	switch kind {
	case "li":
		text = "- " + text
	case "h1", "h2", "h3", "h4", "h5", "h6":
		text = strings.Repeat("#", int(kind[1]-'0')) + " " + text
	}
	together := kind == w.lastKind && (kind == "li" || kind == "tr")
	if len(w.lines) > 0 && !together {
		w.lines = append(w.lines, "")
	}
	w.lines = append(w.lines, text)
	w.lastKind = kind
}

func (w *lineWriter) String() string { return strings.Join(w.lines, "\n") }

func headingKind(level int) string {
	return "h" + strconv.Itoa(min(max(level, 1), 6))
}

// collapseSpace trims s and makes every run of white space one space.
func collapseSpace(s string) string {
	var b strings.Builder
	appendCollapsed(&b, s)
	return strings.TrimSpace(b.String())
}

var headingName = regexp.MustCompile(`^(?:heading|rubrik|überschrift|otsikko|overskrift)\s*([1-9])$`)

// styleLevel returns the heading level a style name or id stands for:
// "Heading1", "heading 2", "Rubrik3", "Title", "Rubrik"; 0 when none.
func styleLevel(name string) int {
	n := strings.ToLower(strings.TrimSpace(strings.ReplaceAll(name, "_20_", " ")))
	if m := headingName.FindStringSubmatch(n); m != nil {
		return int(m[1][0] - '0')
	}
	switch n {
	case "title", "rubrik", "titel":
		return 1
	}
	return 0
}

// docxStyle is what the reader needs of a DOCX paragraph style.
type docxStyle struct {
	name, basedOn string
	outline       int // outlineLvl+1, 0 when unset
	list          bool
	bold          bool
}

// onVal reports whether a toggle property (<w:b/>, <w:b w:val="1"/>) is on.
func onVal(se xml.StartElement) bool {
	switch strings.ToLower(attr(se, "val")) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

// letterCount counts letters and digits.
func letterCount(b []byte) int {
	n := 0
	for _, r := range string(b) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// readDOCX reads word/document.xml: paragraphs, headings (by style id or
// name, Heading1..9, Rubrik1..9, Title, or an outline level, resolved
// through styles.xml and basedOn), list items (numbered paragraphs) and
// tables (a row per line).
func readDOCX(data []byte) (string, []corpus.Note, error) {
	z, err := openZip(data)
	if err != nil {
		return "", nil, err
	}
	styles := map[string]*docxStyle{}
	var cur *docxStyle
	err = z.xmlTokens("word/styles.xml", true, func(t xml.Token) {
		switch se := t.(type) {
		case xml.StartElement:
			switch se.Name.Local {
			case "style":
				cur = &docxStyle{}
				styles[attr(se, "styleId")] = cur
			case "name":
				if cur != nil {
					cur.name = attr(se, "val")
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = attr(se, "val")
				}
			case "outlineLvl":
				if cur != nil {
					if n, err := strconv.Atoi(attr(se, "val")); err == nil && n < 9 {
						cur.outline = n + 1
					}
				}
			case "numPr":
				if cur != nil {
					cur.list = true
				}
			case "b":
				if cur != nil && onVal(se) {
					cur.bold = true
				}
			}
		case xml.EndElement:
			if se.Name.Local == "style" {
				cur = nil
			}
		}
	})
	if err != nil {
		return "", nil, err
	}
	level := func(id string) (int, bool) {
		for i := 0; i < 10 && id != ""; i++ {
			if l := styleLevel(id); l > 0 {
				return l, false
			}
			s := styles[id]
			if s == nil {
				return 0, false
			}
			if l := styleLevel(s.name); l > 0 {
				return l, false
			}
			if s.outline > 0 {
				return s.outline, false
			}
			if s.list || strings.HasPrefix(strings.ToLower(s.name), "list bullet") || strings.HasPrefix(strings.ToLower(s.name), "list number") {
				return 0, true
			}
			id = s.basedOn
		}
		return 0, false
	}

	var (
		w                lineWriter
		para, cell       strings.Builder
		inPara, inText   bool
		pStyle           string
		numbered         bool
		outline          int
		tableDepth, skip int
		cells            []string
		inRunPr, runBold bool
		boldN, plainN    int
		outer            []docxPara // paragraphs holding the text box being read
		notes            int        // footnote and endnote references
	)
	styleBold := func(id string) bool {
		for i := 0; i < 10 && id != ""; i++ {
			st := styles[id]
			if st == nil {
				return false
			}
			if st.bold {
				return true
			}
			id = st.basedOn
		}
		return false
	}
	err = z.xmlTokens("word/document.xml", false, func(t xml.Token) {
		switch se := t.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				return
			}
			if strings.Contains(se.Name.Space, "drawingml") {
				return // DrawingML text (charts, shapes) is not the document's
			}
			switch se.Name.Local {
			case "p":
				if inPara { // a text box inside a paragraph: finish it first
					outer = append(outer, docxPara{para.String(), pStyle, numbered, outline, boldN, plainN})
				}
				inPara = true
				para.Reset()
				pStyle, numbered, outline = "", false, 0
				boldN, plainN = 0, 0
			case "Fallback":
				skip = 1 // mc:Fallback repeats the mc:Choice content (text boxes as VML)
			case "r":
				runBold = false
			case "rPr":
				inRunPr = true
			case "b":
				if inRunPr {
					runBold = onVal(se)
				}
			case "rStyle":
				if inRunPr && styleBold(attr(se, "val")) {
					runBold = true
				}
			case "pStyle":
				pStyle = attr(se, "val")
			case "numPr":
				numbered = true
			case "outlineLvl":
				if n, err := strconv.Atoi(attr(se, "val")); err == nil && n < 9 {
					outline = n + 1
				}
			case "t":
				inText = true
			case "tab", "br", "cr":
				para.WriteByte(' ')
			case "noBreakHyphen":
				para.WriteByte('-')
			case "del":
				skip = 1 // deleted text of tracked changes
			case "footnoteReference", "endnoteReference":
				notes++
			case "tbl":
				tableDepth++
			case "tr":
				if tableDepth == 1 {
					cells = nil
				}
			case "tc":
				if tableDepth == 1 {
					cell.Reset()
				}
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				return
			}
			if strings.Contains(se.Name.Space, "drawingml") {
				return
			}
			switch se.Name.Local {
			case "t":
				inText = false
			case "rPr":
				inRunPr = false
			case "p":
				inPara = false
				text := para.String()
				defer func() {
					if n := len(outer); n > 0 { // back to the paragraph holding the text box
						o := outer[n-1]
						outer = outer[:n-1]
						inPara = true
						para.Reset()
						para.WriteString(o.text)
						pStyle, numbered, outline, boldN, plainN = o.style, o.numbered, o.outline, o.boldN, o.plainN
					}
				}()
				if tableDepth > 0 {
					cell.WriteString(text)
					cell.WriteByte(' ')
					return
				}
				l, list := level(pStyle)
				if outline > 0 {
					l = outline
				}
				switch {
				case l > 0:
					w.add(headingKind(l), text)
				case numbered || list:
					w.add("li", text)
				case boldN > 0 && plainN == 0:
					w.add("p", strongLine(collapseSpace(text)))
				default:
					w.add("p", text)
				}
			case "tc":
				if tableDepth == 1 {
					cells = append(cells, collapseSpace(cell.String()))
				}
			case "tr":
				if tableDepth == 1 {
					w.add("tr", joinCells(cells))
				}
			case "tbl":
				tableDepth--
			}
		case xml.CharData:
			if inPara && inText && skip == 0 {
				para.Write(se)
				if runBold || styleBold(pStyle) {
					boldN += letterCount(se)
				} else {
					plainN += letterCount(se)
				}
			}
		}
	})
	if err != nil {
		return "", nil, err
	}
	return w.String(), notesNote(notes), nil
}

func joinCells(cells []string) string {
	var keep []string
	for _, c := range cells {
		if c != "" {
			keep = append(keep, c)
		}
	}
	return strings.Join(keep, " | ")
}

// docxPara is a DOCX paragraph set aside while a text box inside it is read.
type docxPara struct {
	text          string
	style         string
	numbered      bool
	outline       int
	boldN, plainN int
}

// odtStyle is what the reader needs of an ODF paragraph style.
type odtStyle struct {
	parent, display string
	outline         int
	bold            bool
}

// readODT reads content.xml: text:h with its outline level, paragraphs
// whose style is a heading or title (resolved through styles.xml and the
// automatic styles), list items and tables (a row per line). Notes and
// annotations are left out.
func readODT(data []byte) (string, []corpus.Note, error) {
	z, err := openZip(data)
	if err != nil {
		return "", nil, err
	}
	styles := map[string]*odtStyle{}
	var last *odtStyle
	collect := func(t xml.Token) {
		se, ok := t.(xml.StartElement)
		if !ok {
			return
		}
		switch se.Name.Local {
		case "style":
			s := &odtStyle{parent: attr(se, "parent-style-name"), display: attr(se, "display-name")}
			if n, err := strconv.Atoi(attr(se, "default-outline-level")); err == nil {
				s.outline = n
			}
			styles[attr(se, "name")] = s
			last = s
		case "text-properties":
			if last != nil {
				switch fw := attr(se, "font-weight"); fw {
				case "bold", "600", "700", "800", "900":
					last.bold = true
				}
			}
		}
	}
	bold := func(name string) bool {
		for i := 0; i < 10 && name != ""; i++ {
			s := styles[name]
			if s == nil {
				return false
			}
			if s.bold {
				return true
			}
			name = s.parent
		}
		return false
	}
	if err := z.xmlTokens("styles.xml", true, collect); err != nil {
		return "", nil, err
	}
	level := func(name string) int {
		for i := 0; i < 10 && name != ""; i++ {
			if l := styleLevel(name); l > 0 {
				return l
			}
			s := styles[name]
			if s == nil {
				return 0
			}
			if l := styleLevel(s.display); l > 0 {
				return l
			}
			if s.outline > 0 {
				return s.outline
			}
			name = s.parent
		}
		return 0
	}

	type para struct {
		b             strings.Builder
		level         int
		bold          bool // the paragraph's style is bold
		boldN, plainN int  // letters in bold and not
	}
	var spans []bool // bold of the open text:span elements
	var (
		w               lineWriter
		stack           []*para
		listDepth, skip int
		tableDepth      int
		cells           []string
		cell            strings.Builder
		inBody          bool
		notes           int // footnotes and endnotes
	)
	err = z.xmlTokens("content.xml", false, func(t xml.Token) {
		switch se := t.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				return
			}
			if !inBody {
				collect(se) // automatic styles come before the body
				if se.Name.Local == "body" {
					inBody = true
				}
				return
			}
			switch se.Name.Local {
			case "h":
				p := &para{level: 1}
				if n, err := strconv.Atoi(attr(se, "outline-level")); err == nil && n > 0 {
					p.level = n
				}
				stack = append(stack, p)
			case "p":
				st := attr(se, "style-name")
				stack = append(stack, &para{level: level(st), bold: bold(st)})
			case "span":
				spans = append(spans, bold(attr(se, "style-name")))
			case "s":
				if len(stack) > 0 {
					n, _ := strconv.Atoi(attr(se, "c"))
					stack[len(stack)-1].b.WriteString(strings.Repeat(" ", min(max(n, 1), 100)))
				}
			case "tab", "line-break":
				if len(stack) > 0 {
					stack[len(stack)-1].b.WriteByte(' ')
				}
			case "note", "annotation", "tracked-changes", "deletion", "table-of-content-source", "index-title-template":
				if se.Name.Local == "note" {
					notes++
				}
				skip = 1
			case "list-item", "list-header":
				listDepth++
			case "table":
				tableDepth++
			case "table-row":
				if tableDepth == 1 {
					cells = nil
				}
			case "table-cell":
				if tableDepth == 1 {
					cell.Reset()
				}
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				return
			}
			if !inBody {
				return
			}
			switch se.Name.Local {
			case "h", "p":
				if len(stack) == 0 {
					return
				}
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				text := p.b.String()
				switch {
				case tableDepth > 0:
					cell.WriteString(text)
					cell.WriteByte(' ')
				case se.Name.Local == "h" || p.level > 0:
					w.add(headingKind(p.level), text)
				case listDepth > 0:
					w.add("li", text)
				case p.boldN > 0 && p.plainN == 0:
					w.add("p", strongLine(collapseSpace(text)))
				default:
					w.add("p", text)
				}
			case "span":
				if len(spans) > 0 {
					spans = spans[:len(spans)-1]
				}
			case "list-item", "list-header":
				listDepth--
			case "table-cell":
				if tableDepth == 1 {
					cells = append(cells, collapseSpace(cell.String()))
				}
			case "table-row":
				if tableDepth == 1 {
					w.add("tr", joinCells(cells))
				}
			case "table":
				tableDepth--
			}
		case xml.CharData:
			if skip == 0 && len(stack) > 0 {
				p := stack[len(stack)-1]
				p.b.Write(se)
				b := p.bold
				for _, sb := range spans {
					b = b || sb
				}
				if b {
					p.boldN += letterCount(se)
				} else {
					p.plainN += letterCount(se)
				}
			}
		}
	})
	if err != nil {
		return "", nil, err
	}
	return w.String(), notesNote(notes), nil
}

// notesNote tells the user that a document's footnotes and endnotes are
// not in its text.
func notesNote(n int) []corpus.Note {
	if n == 0 {
		return nil
	}
	return []corpus.Note{{Kind: corpus.NoteSkipped, Message: fmt.Sprintf("%d footnotes or endnotes are not in the text", n)}}
}

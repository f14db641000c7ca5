package ingest

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// DecodeText turns the bytes of a text file into UTF-8 with \n line ends.
// It honours a UTF-8 BOM and UTF-16 LE/BE with a BOM (or, without one, by
// the pattern of zero bytes), reads bytes that are not valid UTF-8 as
// Windows-1252 (a superset of ISO-8859-1's printable range) and refuses
// binary data (zero bytes or many control characters) with ErrBinary. It
// does not repair mojibake: that is the repair stage's job.
func DecodeText(data []byte) (string, error) {
	var s string
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		s = string(data[3:])
		if !utf8.ValidString(s) {
			s = decode1252(data[3:])
		}
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		s = decodeUTF16(data, unicode.UseBOM, unicode.LittleEndian)
	default:
		if e, ok := utf16NoBOM(data); ok {
			s = decodeUTF16(data, unicode.IgnoreBOM, e)
			break
		}
		if looksBinary(data) {
			return "", ErrBinary
		}
		if utf8.Valid(data) {
			s = string(data)
		} else {
			s = decode1252(data)
		}
	}
	if looksBinary([]byte(s)) {
		return "", ErrBinary
	}
	return normalizeNewlines(s), nil
}

func decode1252(b []byte) string {
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil { // cannot happen: every byte maps
		return strings.ToValidUTF8(string(b), "\ufffd")
	}
	return string(out)
}

func decodeUTF16(b []byte, bom unicode.BOMPolicy, e unicode.Endianness) string {
	if len(b)%2 == 1 {
		b = b[:len(b)-1]
	}
	out, err := unicode.UTF16(e, bom).NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\ufffd")
	}
	return string(out)
}

// utf16NoBOM guesses UTF-16 without a BOM: most even (BE) or odd (LE)
// bytes are zero, as in ASCII-heavy UTF-16 text, and the others are not.
func utf16NoBOM(b []byte) (unicode.Endianness, bool) {
	n := min(len(b), 4096) &^ 1
	if n < 8 {
		return unicode.BigEndian, false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 > pairs*7 && even*20 <= pairs:
		return unicode.LittleEndian, true
	case even*10 > pairs*7 && odd*20 <= pairs:
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}

// looksBinary reports whether b is binary data rather than text: it holds
// a zero byte, or more than 2% of its first 64 KiB are control characters
// other than tab, newline, carriage return and form feed.
func looksBinary(b []byte) bool {
	head := b[:min(len(b), 64<<10)]
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f {
			ctrl++
		}
	}
	return ctrl*50 > len(head)
}

// normalizeNewlines turns CRLF and CR into \n.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

package ingest

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// decodeText turns text bytes into UTF-8 with \n line ends.
func decodeText(data []byte) (string, error) {
	if !utf8.Valid(data) {
		return "", errors.New("not UTF-8 text")
	}
	s := strings.TrimPrefix(string(data), "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return s, nil
}

package reports

import (
	"encoding/csv"
	"io"
)

// WriteCSV writes one table as RFC 4180 CSV (comma, CRLF, quotes where
// needed), with the Swedish headers as the first record. With excel it
// writes what Swedish Excel opens correctly: ";" between fields and a UTF-8
// byte order mark first, so å, ä and ö survive.
func WriteCSV(w io.Writer, t *Table, excel bool) error {
	if excel {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if excel {
		cw.Comma = ';'
	}
	rec := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		rec[i] = c.Header
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for _, row := range t.Rows {
		rec = rec[:0]
		for _, c := range row.Cells {
			rec = append(rec, c.Text())
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

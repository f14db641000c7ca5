// Package repair mends damaged Swedish text: mojibake, lost and misread
// å/ä/ö, line-break hyphenation, page furniture, footnote marks and web
// boilerplate. Every change is recorded.
package repair

import "styrdok/corpus"

// Repair sets d.Text, d.LineMap, d.Changes and d.Boilerplate from d.Raw.
func Repair(d *corpus.Document) {
	d.SetUnrepaired()
}

package repair

import (
	"strings"
	"testing"

	"styrdok/corpus/sv"
)

// ocrLead is Swedish prose as tesseract reads it without Swedish (é, 4,
// 6, & for å/ä/ö), so that the document counts as damaged OCR output.
const ocrLead = "Kommunen ska frimja samarbetet och 6ka kunskapen om virlden. " +
	"Ménga férvaltningar behéver stirka sina nitverk och négra atgirder féreslés. " +
	"Malen fér arbetet 4r tydliga och féljs upp &rligen av ndmnden. " +
	"Det internationella arbetet ger bittre méjligheter fér féretag och medborgare.\n\n"

// repairOCR repairs text after the OCR lead and returns the result
// without the lead.
func repairOCR(t *testing.T, text string) string {
	t.Helper()
	out, changes := fixDiacritics(sv.Lexicon(), ocrLead+text)
	if got := ApplyChanges(ocrLead+text, changes); got != out {
		t.Fatalf("changes do not reproduce the output:\n%q\n%q", got, out)
	}
	lead, _ := fixDiacritics(sv.Lexicon(), ocrLead)
	if !strings.HasPrefix(out, lead) {
		t.Fatalf("lead repaired differently in context: %q", out)
	}
	return out[len(lead):]
}

// Each ambiguous word with the grammar cue that decides it, and the same
// word where the cue is absent or points the other way.
func TestDiacriticsGrammarCues(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		// än after a comparative, an in "ta sig an"
		{"än after mer", "Frågan är mer lokal an nationell.", "Frågan är mer lokal än nationell."},
		{"än after -are", "Planen blev billigare an väntat.", "Planen blev billigare än väntat."},
		{"an in ta sig an", "Nämnden ska ta sig an uppgiften.", "Nämnden ska ta sig an uppgiften."},
		// får after a subject pronoun, before an adverb or "i uppdrag"
		{"får after vi", "Vi fér inte glömma de äldre.", "Vi får inte glömma de äldre."},
		{"får i uppdrag", "Nämnden fér i uppdrag att utreda frågan.", "Nämnden får i uppdrag att utreda frågan."},
		{"för before att", "Det krävs mer resurser fér att nå målen.", "Det krävs mer resurser för att nå målen."},
		{"för after a noun", "Ansvaret fér skolan ligger hos nämnden.", "Ansvaret för skolan ligger hos nämnden."},
		{"för before dessa", "Planen gäller fér dessa grupper.", "Planen gäller för dessa grupper."},
		{"för ofta", "Det sker fér ofta.", "Det sker för ofta."},
		// går with "det går att", "går det bra", a particle
		{"det går att", "Det gér att söka bidrag.", "Det går att söka bidrag."},
		{"går det bra", "Nu gér det bra för kommunen.", "Nu går det bra för kommunen."},
		{"går ut", "Kommunen gér ut med information.", "Kommunen går ut med information."},
		{"gör without cue", "Nämnden gér en översyn.", "Nämnden gör en översyn."},
		// sätt after "ett", "samma", before "som", at a clause end
		{"sätt after ett adj", "Arbetet ska ske pa ett enkelt sitt.", "Arbetet ska ske på ett enkelt sätt."},
		{"sätt before som", "Vi arbetar pa samma sitt som tidigare.", "Vi arbetar på samma sätt som tidigare."},
		{"satt as a verb", "Hon satt som ordförande.", "Hon satt som ordförande."},
		{"sitt before a noun", "Kommunen gör sitt arbete väl.", "Kommunen gör sitt arbete väl."},
		// -man/-män agree with the word before
		{"singular after -ig", "Ansvarig tjansteman ska utses.", "Ansvarig tjänsteman ska utses."},
		{"singular after en", "Det finns en tjansteman per enhet.", "Det finns en tjänsteman per enhet."},
		{"plural after -iga", "Ansvariga tjansteman ska utses.", "Ansvariga tjänstemän ska utses."},
		{"plural after många", "I staden finns manga man.", "I staden finns många män."},
		// de/då: é is a misread å/ä/ö far more often than an accented e
		{"då from dé", "Arbetet startade dé staden fick medel.", "Arbetet startade då staden fick medel."},
	} {
		if got := repairOCR(t, c.in); got != c.want {
			t.Errorf("%s: %q: got %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

// Words OCR left short, glued or a letter off, and the tokens that look
// alike but are right.
func TestDiacriticsOCRShortAndSwapped(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"lone r", "Syftet r att skapa nya kontakter.", "Syftet är att skapa nya kontakter."},
		{"lone f", "Skolorna ska f nya lokaler.", "Skolorna ska få nya lokaler."},
		{"upper-case code kept", "Betalning via EFT godtas.", "Betalning via EFT godtas."},
		{"abbreviation kept", "Se s. 12 och t ex bilagan.", "Se s. 12 och t ex bilagan."},
		{"rare word lost ö", "När trycket kar är det viktigt att planera.", "När trycket ökar är det viktigt att planera."},
		{"three letters lost ä", "Av flera skl avstår staden.", "Av flera skäl avstår staden."},
		{"1 before a definite noun", "Detta framgår 1 planen.", "Detta framgår i planen."},
		{"1 after bilaga", "Se bilaga 1 nedan.", "Se bilaga 1 nedan."},
		{"in read as m", "Staden har goda placermgar i rankningen.", "Staden har goda placeringar i rankningen."},
		{"f read for t", "Vi vill skapa eft bättre samarbete.", "Vi vill skapa ett bättre samarbete."},
		{"t read for l", "Tre åtgärder férestés i planen.", "Tre åtgärder föreslås i planen."},
		{"glyph and an extra letter", "Beslutet fattas av kommunfullméktiger i juni.", "Beslutet fattas av kommunfullmäktige i juni."},
		{"fi read for ä", "En grundlfiggande princip är öppenhet.", "En grundläggande princip är öppenhet."},
	} {
		if got := repairOCR(t, c.in); got != c.want {
			t.Errorf("%s: %q: got %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

// The same sentences written correctly pass through a clean document.
func TestDiacriticsGrammarCuesLeaveCleanText(t *testing.T) {
	in := "Frågan är mer lokal än nationell. Vi får inte glömma de äldre. " +
		"Det går att söka bidrag. Arbetet ska ske på ett enkelt sätt. " +
		"Kommunen gör sitt arbete väl. Detta framgår i planen. Se s. 12 och t ex bilagan. " +
		"Han for till Malmö. Det är ett kar för vatten."
	out, changes := fixDiacritics(sv.Lexicon(), in)
	if out != in || len(changes) != 0 {
		t.Errorf("clean text changed to %q (%v)", out, changes)
	}
}

// What é stands for is learnt from the document: the same ambiguous
// token ("méter": mäter or möter) follows the document's other é's.
func TestDiacriticsGlyphPriorFollowsDocument(t *testing.T) {
	for _, c := range []struct{ name, lead, want string }{
		{"é is ä", "Kommunen ska frémja samarbetet i vérlden och stérka sina nétverk. " +
			"Vérdet av en sérskild kénsla för staden är stort. Vi vill frémja nétverk i vérlden " +
			"och stérka kénslan av sérskilda vérden. Det gér att stérka nétverket.\n\n", "mäter"},
		{"é is ö", "Kommunen ska éka stédet till féreningar och férvaltningar. " +
			"Méjligheterna är stora och férslagen goda. Féretagen och hégskolan bér samverka. " +
			"Vi ska éka méjligheterna för féreningar och féretag. Férslagen bér stédjas.\n\n", "möter"},
	} {
		in := c.lead + "Nämnden méter resultaten varje år."
		out, _ := fixDiacritics(sv.Lexicon(), in)
		lead, _ := fixDiacritics(sv.Lexicon(), c.lead)
		got := strings.Fields(strings.TrimPrefix(out, lead))
		if len(got) < 2 || got[1] != c.want {
			t.Errorf("%s: got %q, want %q (lead %q)", c.name, out[len(lead):], c.want, lead)
		}
	}
}

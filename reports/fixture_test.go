package reports

import (
	"strings"
	"time"

	"styrdok/corpus"
)

// The synthetic corpus of the tests: three invented municipalities whose
// hand-written models exercise every column. None of it comes from the
// seeds or the gold files.

const ekbyRaw = `# Internationell policy för Ekby kommun
Dnr KS 2019/77
Antagen av kommunfullmäktige den 12 mars 2020, § 41.
Reviderad av kommunstyrelsen 2022-01-18. Reviderad igen 2023-05-02.
Policyn ersätter Riktlinjer för vänortsarbete från 2011-06-01.
Policyn gäller tillsvidare.

## Syfte
Ekby ska stärka sin konkurrenskraft genom internationellt samarbete.
Ekby ska öka andelen externt finansierade projekt.

## Ansvar
Kommunstyrelsen samordnar det internationella arbetet och följer upp policyn.
Kommunledningskontoret ansvarar för samordningen av EU-projekt.
Nämnderna redovisar sitt internationella arbete i årsredovisningen.
Kommunfullmäktige fastställer policyn.

## Uppföljning
Uppföljning sker årligen i årsredovisningen. Policyn revideras varje mandatperiod.
Handlingsplanen stäms av halvårsvis. Övriga insatser följs upp vid behov.
Omvärldsbevakningen sker löpande. En utvärdering görs 2025-12-31.
Nätverket Hansa Nord och vänorten Tallby nämns här.
`

const ekbyRaw2 = `Handlingsplan för EU-arbetet i Ekby
Kommunstyrelsen antar handlingsplanen. Planen följs upp vart tredje år.
Arbetet redovisas utan fast intervall.
`

const fjallaRaw = `Strategi för Fjälla stad | internationellt arbete
Antagen av kommunstyrelsen 2015.
<script>alert("x")</script> Stadskontoret koordinerar arbetet.
Vision: Fjälla ska vara en öppen stad i världen.
Mål
Fjälla ska delta i minst två europeiska nätverk.
Läs mer: Nätverket Hansa Nord (annan sida)
`

func ekbyDoc() *corpus.Document {
	d := &corpus.Document{
		ID: "aaaa1111bbbb2222", Municipality: "Ekby", Title: "Internationell policy (manifest)",
		Type: "policy", Source: "ekby-policy.md", Format: corpus.FormatMarkdown, Raw: ekbyRaw,
		Notes: []corpus.Note{{Kind: corpus.NoteMissing, Message: "ingen vision hittades"}},
		Added: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	d.SetUnrepaired()
	d.Changes = []corpus.Change{{Fix: "diacritics", Line: 9, Before: "oka", After: "öka"},
		{Fix: "diacritics", Line: 12, Before: "for", After: "för"}}
	m := corpus.NewModel(d.Source)
	m.Municipality = "Ekby"
	m.DocumentType = "policy"
	m.Title = "Internationell policy för Ekby kommun"
	m.Adopted = &corpus.Event{Date: "2020-03-12", By: "Kommunfullmäktige",
		Evidence: "Antagen av kommunfullmäktige den 12 mars 2020, § 41.", Line: 3}
	m.Revisions = []corpus.Event{
		{Date: "2022-01-18", By: "Kommunstyrelsen", Evidence: "Reviderad av kommunstyrelsen 2022-01-18.", Line: 4},
		{Date: "2023-05-02", Evidence: "Reviderad igen 2023-05-02.", Line: 4},
	}
	m.Replaces = []corpus.Replaced{{Title: "Riktlinjer för vänortsarbete", Date: "2011-06-01",
		Evidence: "Policyn ersätter Riktlinjer för vänortsarbete från 2011-06-01.", Line: 5}}
	m.ValidUntil = "tillsvidare"
	m.RegistrationNumbers = []string{"KS 2019/77"}
	m.Sections = []corpus.ModelSection{
		{Heading: "Syfte", Label: "syfte", StartLine: 8, EndLine: 11},
		{Heading: "Ansvar", Label: "ansvar", StartLine: 12, EndLine: 17},
		{Heading: "Uppföljning", Label: "uppfoljning", StartLine: 18, EndLine: 22},
	}
	m.Goals = []corpus.Goal{
		{Text: "Ekby ska stärka sin konkurrenskraft genom internationellt samarbete.", SectionLabel: "syfte", Line: 9},
		{Text: "Ekby ska öka andelen externt finansierade projekt.", SectionLabel: "syfte", Line: 10},
	}
	m.Actors = []corpus.Actor{
		{Name: "Kommunstyrelsen", Mentions: []string{"Kommunstyrelsen"}, Responsibilities: []corpus.Responsibility{
			{Verb: "samordnar", Object: "det internationella arbetet", Evidence: "Kommunstyrelsen samordnar det internationella arbetet och följer upp policyn.", Line: 13},
			{Verb: "följer upp", Object: "policyn", Evidence: "Kommunstyrelsen samordnar det internationella arbetet och följer upp policyn.", Line: 13},
		}},
		{Name: "Kommunledningskontoret", Responsibilities: []corpus.Responsibility{
			{Verb: "ansvarar för", Object: "samordningen av EU-projekt", Evidence: "Kommunledningskontoret ansvarar för samordningen av EU-projekt.", Line: 14},
		}},
		{Name: "Nämnderna", Responsibilities: []corpus.Responsibility{
			{Verb: "redovisar", Object: "sitt internationella arbete i årsredovisningen", Line: 15},
		}},
		{Name: "Kommunfullmäktige", Responsibilities: []corpus.Responsibility{
			{Verb: "fastställer", Object: "policyn", Evidence: "Kommunfullmäktige fastställer policyn.", Line: 16},
		}},
	}
	m.FollowUp = []corpus.FollowUp{
		{What: "uppföljning i årsredovisningen", Category: "uppfoljning", Interval: "P1Y", IntervalText: "årligen",
			Evidence: "Uppföljning sker årligen i årsredovisningen.", Line: 19},
		{What: "revidering av policyn", Category: "revidering", Who: "Kommunstyrelsen", Interval: "P4Y",
			IntervalText: "varje mandatperiod", Evidence: "Policyn revideras varje mandatperiod.", Line: 19},
		{What: "avstämning av handlingsplanen", Category: "handlingsplan", Interval: "P6M", Line: 20},
		{What: "övriga insatser", Category: "uppfoljning", Interval: "as_needed", Line: 20},
		{What: "omvärldsbevakning", Category: "ovrigt", Interval: "continuous", Line: 21},
		{What: "utvärdering", Category: "utvardering", Interval: "once", Due: "2025-12-31",
			Evidence: "En utvärdering görs 2025-12-31.", Line: 21},
	}
	m.Themes = []string{"extern finansiering", "nätverk", "vänorter"}
	m.Networks = []string{"Hansa Nord"}
	m.TwinCities = []string{"Tallby"}
	m.Evidence = map[string]corpus.Fact{
		"title":                           {Evidence: "Internationell policy för Ekby kommun", Line: 1},
		"valid_until":                     {Evidence: "Policyn gäller tillsvidare.", Line: 6},
		"themes:extern finansiering":      {Evidence: "Ekby ska öka andelen externt finansierade projekt.", Line: 10},
		"networks:Hansa Nord":             {Evidence: "Nätverket Hansa Nord och vänorten Tallby nämns här.", Line: 22},
		"registration_numbers:KS 2019/77": {Evidence: "Dnr KS 2019/77", Line: 2},
	}
	d.Model = m
	return d
}

func ekbyDoc2() *corpus.Document {
	d := &corpus.Document{
		ID: "aaaa3333cccc4444", Municipality: "Ekby", Title: "Handlingsplan för EU-arbetet",
		Type: "plan", Source: "ekby-plan.txt", Format: corpus.FormatText, Raw: ekbyRaw2,
	}
	d.SetUnrepaired()
	m := corpus.NewModel(d.Source)
	m.Municipality = "Ekby"
	m.DocumentType = "plan"
	m.Title = "Handlingsplan för EU-arbetet i Ekby"
	m.Adopted = &corpus.Event{By: "Kommunstyrelsen", Evidence: "Kommunstyrelsen antar handlingsplanen.", Line: 2}
	m.Revisions = []corpus.Event{{Evidence: "Planen följs upp vart tredje år.", Line: 2}}
	m.Actors = []corpus.Actor{{Name: "Kommunstyrelsen", Responsibilities: []corpus.Responsibility{
		{Verb: "antar", Object: "handlingsplanen", Line: 2},
		{Verb: "bjuder in", Object: "partner", Line: 2},
	}}}
	m.FollowUp = []corpus.FollowUp{
		{What: "uppföljning av planen", Category: "uppfoljning", Interval: "P3Y", Line: 2},
		{What: "redovisning", Category: "redovisning", Interval: "unspecified", Line: 3},
	}
	m.Themes = []string{"EU-projekt", "nätverk"}
	d.Model = m
	return d
}

func fjallaDoc() *corpus.Document {
	d := &corpus.Document{
		ID: "ffff0000eeee9999", Municipality: "Fjälla", Title: "Strategi för Fjälla stad",
		Source: "fjalla.txt", Format: corpus.FormatText, Raw: fjallaRaw,
	}
	d.SetUnrepaired()
	d.Boilerplate = []corpus.LineRange{{StartLine: 7, EndLine: 7, Why: "länk till annan sida"}}
	m := corpus.NewModel(d.Source)
	m.Municipality = "Fjälla"
	m.DocumentType = "strategi"
	m.Title = "Strategi för Fjälla stad | internationellt arbete"
	m.Adopted = &corpus.Event{Date: "2015", By: "Kommunstyrelsen", Evidence: "Antagen av kommunstyrelsen 2015.", Line: 2}
	m.Vision = "Fjälla ska vara en öppen stad i världen."
	m.Goals = []corpus.Goal{{Text: "Fjälla ska delta i minst två europeiska nätverk.", SectionLabel: "mal", Line: 6}}
	m.Actors = []corpus.Actor{{Name: "Stadskontoret <script>", Responsibilities: []corpus.Responsibility{
		{Verb: "koordinerar", Object: "arbetet", Evidence: `<script>alert("x")</script> Stadskontoret koordinerar arbetet.`, Line: 3},
	}}}
	m.Themes = []string{"nätverk", "omvärldsbevakning"}
	m.Networks = []string{"Hansa Nord"} // only in boilerplate: no evidence line
	d.Model = m
	return d
}

// nomodelDoc has no model at all (ingested before analysis).
func nomodelDoc() *corpus.Document {
	d := &corpus.Document{ID: "0000dddd1111eeee", Municipality: "Gransjö", Title: "Program för samverkan",
		Source: "gransjo.txt", Format: corpus.FormatText, Raw: "Program för samverkan\n"}
	d.SetUnrepaired()
	return d
}

func testDocs() []*corpus.Document {
	return []*corpus.Document{fjallaDoc(), nomodelDoc(), ekbyDoc2(), ekbyDoc()}
}

func testReport() *Report {
	return Build(testDocs())
}

func mustContain(s string, parts ...string) []string {
	var missing []string
	for _, p := range parts {
		if !strings.Contains(s, p) {
			missing = append(missing, p)
		}
	}
	return missing
}

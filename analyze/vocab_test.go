package analyze

import (
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"styrdok/corpus"
)

func TestFindDates(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Antagen 2013-10-15 § 213", []string{"2013-10-15"}},
		{"antogs av kommunfullmäktige 15 oktober 2013 och", []string{"2013-10-15"}},
		{"den 25 augusti 2009", []string{"2009-08-25"}},
		{"Datum: 19 februari 2002 Reviderad den: 20 augusti 2009", []string{"2002-02-19", "2009-08-20"}},
		{"stämpel 2016 06 21", []string{"2016-06-21"}},
		{"2015.03.12 och 12/3/2015", []string{"2015-03-12", "2015-03-12"}},
		{"den 1:a mars 2010", []string{"2010-03-01"}},
		{"31 dec. 2019", []string{"2019-12-31"}},
		{"OKTOBER: 3 Oktober 2014", []string{"2014-10-03"}},
		{"2013-02-30 finns inte", nil},
		{"år 2010 och 2008", nil},
		{"Dnr KS/2012:935", nil},
		{"telefon 08-508 29 608", nil},
		{"29 februari 2016 men inte 29 februari 2015", []string{"2016-02-29"}},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range FindDates(tt.in) {
			got = append(got, d.ISO)
			if d.Start < 0 || d.End > len(tt.in) || d.Start >= d.End {
				t.Errorf("FindDates(%q): bad range %d-%d", tt.in, d.Start, d.End)
			}
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("FindDates(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseInterval(t *testing.T) {
	tests := []struct {
		in, want, due string
	}{
		{"Uppföljning ska göras minst en gång per mandatperiod", "P4Y", ""},
		{"ska årligen redovisas", "P1Y", ""},
		{"Årlig redovisning ska ske", "P1Y", ""},
		{"redovisas årsvis", "P1Y", ""},
		{"i den årliga verksamhetsberättelsen", "P1Y", ""},
		{"varje år", "P1Y", ""},
		{"en gång per år", "P1Y", ""},
		{"i årsredovisningen", "P1Y", ""},
		{"omprövas regelbundet (exempelvis vart fjärde år)", "P4Y", ""},
		{"vartannat år", "P2Y", ""},
		{"rapporteras tertialvis", "P4M", ""},
		{"tre gånger per år", "P4M", ""},
		{"kvartalsvis", "P3M", ""},
		{"Kommunstyrelsen utvärderar programmet 2022", "once", "2022"},
		{"Strategin ska följas upp och revideras senast 2020-06-30", "once", "2020-06-30"},
		{"Strategin ska revideras 2023", "once", "2023"},
		{"Planen reviderades 2009", "", ""},
		{"halvårsvis", "P6M", ""},
		{"två gånger per år", "P6M", ""},
		{"kvartalsvis", "P3M", ""},
		{"och vid behov revideras", "as_needed", ""},
		{"följs upp löpande", "continuous", ""},
		{"En utvärdering ska genomföras år 2010", "once", "2010"},
		{"ska revideras senast den 31 december 2019", "once", "2019-12-31"},
		{"revideras senast 2019", "once", "2019"},
		{"ska följas upp", "", ""},
		{"vart fjarde ar", "P4Y", ""}, // OCR without diacritics
		{"ARLIGEN", "P1Y", ""},
	}
	for _, tt := range tests {
		got := ParseInterval(tt.in)
		if got.Value != tt.want || got.Due != tt.due {
			t.Errorf("ParseInterval(%q) = %+v, want %s due %q", tt.in, got, tt.want, tt.due)
		}
		if got.Value != "" && !strings.Contains(strings.ToLower(tt.in), strings.ToLower(got.Text)) {
			t.Errorf("ParseInterval(%q): text %q is not in the input", tt.in, got.Text)
		}
	}
}

func TestHeadingLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Syfte", "syfte"},
		{"Syfte med internationellt arbete", "syfte"},
		{"Mål", "mal"},
		{"2. Övergripande mål för stadens internationella arbete", "mal"},
		{"Målsättningar", "mal"},
		{"Inriktningar för stadens internationella arbete", "inriktning"},
		{"Strategier för internationellt arbete", "strategier"},
		{"4. Principer för stadens internationella arbete", "principer"},
		{"Ansvar", "ansvar"},
		{"Ansvaret", "ansvar"},
		{"Ansvarsfördelning", "ansvar"},
		{"Styrning, ansvar och organisation", "ansvar"},
		{"5. Arbetssätt och ansvarsfördelning", "ansvar"},
		{"Förvaltningar och bolagens roll", "ansvar"},
		{"Roller och ansvar", "ansvar"},
		{"Planering och uppföljning", "uppfoljning"},
		{"Uppföljning av strategin", "uppfoljning"},
		{"Tidsperspektiv", "uppfoljning"},
		{"Genomförande och uppföljning", "uppfoljning"},
		{"Uppföljningsplan", "uppfoljning"},
		{"Bakgrund", "bakgrund"},
		{"1. Bakgrund och syfte", "bakgrund"},
		{"Inledning", "bakgrund"},
		{"Definitioner:", "definitioner"},
		{"Begreppsförklaringar", "definitioner"},
		{"Bilaga 1", "bilaga"},
		{"Sammanfattning", "ovrigt"},
		{"Kommunikation", "ovrigt"},
		{"Positionering av staden", ""},
		{"3.1 Profilering", ""},
		{"Kulturnämnder i regionen", ""},
		{"Ansvarsfordelning", "ansvar"}, // OCR lost the ö
		{"Planering och uppfoljning", "uppfoljning"},
	}
	for _, tt := range tests {
		if got := HeadingLabel(tt.in); got != tt.want {
			t.Errorf("HeadingLabel(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestActorNames(t *testing.T) {
	tests := []struct{ mention, name string }{
		{"Kommunfullmäktige", "Kommunfullmäktige"},
		{"kommunfullmäktige", "Kommunfullmäktige"},
		{"fullmäktige", "Kommunfullmäktige"},
		{"KF", "Kommunfullmäktige"},
		{"KS", "Kommunstyrelsen"},
		{"kommunstyrelsen", "Kommunstyrelsen"},
		{"Kommunfullmiktige", "Kommunfullmäktige"}, // one OCR-damaged letter
		{"Respektive nämnd och förvaltning", "Nämnd och förvaltning"},
		{"Samtliga nämnder och bolagsstyrelser", "Nämnder och bolagsstyrelser"},
		{"stadskontoret", "Stadskontoret"},
		{"Varje förvaltning", "Förvaltningarna"},
		{"varje nämnd", "Nämnderna"},
		{"Samtliga bolag", "Bolagen"},
		{"Nämnd", "Nämnd"},
		{"berörda nämnder och styrelser", "Nämnder och styrelser"},
	}
	for _, tt := range tests {
		if got := canonicalName(tt.mention); got != tt.name {
			t.Errorf("canonicalName(%q) = %q, want %q", tt.mention, got, tt.name)
		}
	}
	same := [][2]string{
		{"Respektive nämnd och förvaltning", "nämnder och förvaltningar"},
		{"Kommunstyrelsen", "KS"},
		{"kommunstyrelsens", "Kommunstyrelsen"},
		{"stadens internationella beredning", "Internationella beredningen (IB)"},
		{"Varje förvaltning och bolag", "Respektive förvaltning och bolag"},
	}
	for _, p := range same {
		if actorKey(p[0]) != actorKey(p[1]) {
			t.Errorf("actorKey(%q) = %q, actorKey(%q) = %q, want equal", p[0], actorKey(p[0]), p[1], actorKey(p[1]))
		}
	}
	for _, w := range []string{"Kulturnämnden", "Stadsledningskontoret", "Finansborgarrådet", "kontaktpersonerna", "Stadsdirektören", "bolagschefer", "KF"} {
		if !isActorWord(w, fold(w)) {
			t.Errorf("isActorWord(%q) = false", w)
		}
	}
	for _, w := range []string{"staden", "kommunen", "arbetet", "projekt", "Fackförvaltnings-"} {
		if isActorWord(w, fold(w)) {
			t.Errorf("isActorWord(%q) = true", w)
		}
	}
}

func TestResponsibilities(t *testing.T) {
	tests := []struct {
		sent, role string
		want       []string // "mention|verb"
	}{
		{"Kommunstyrelsen ansvarar för samordningen av det internationella arbetet.", "", []string{"Kommunstyrelsen|ansvarar för", "Kommunstyrelsen|samordnar"}},
		{"Kommunstyrelsen ansvarar för att policyn är känd.", "", []string{"Kommunstyrelsen|ansvarar för"}},
		{"Det ingår i nämndernas och styrelsernas uppdrag att själva bevaka möjligheterna.", "", []string{"nämndernas och styrelsernas|bevakar"}},
		{"Varje förvaltning i kommunen har utsett en kontaktperson.", "", []string{"Varje förvaltning|utser"}},
		{"Kommunfullmäktige antar strategin och ger kommunstyrelsen det övergripande ansvaret för genomförandet.", "",
			[]string{"Kommunfullmäktige|antar", "Kommunfullmäktige|ger", "kommunstyrelsen|ansvarar för"}},
		{"Uppföljning av planen ska göras av kommunstyrelsen varje år.", "", []string{"kommunstyrelsen|följer upp"}},
		{"Utifrån planen ska kontoret årligen utarbeta en handlingsplan samt redovisa arbetet.", "",
			[]string{"kontoret|utarbetar", "kontoret|redovisar"}},
		{"Arbetet samordnas av kommunledningskontoret.", "", []string{"kommunledningskontoret|samordnar"}},
		{"Fastställer övergripande prioriteringar samt ansvarar för uppföljning.", "Kommunstyrelsen",
			[]string{"Kommunstyrelsen|fastställer", "Kommunstyrelsen|ansvarar för", "Kommunstyrelsen|följer upp"}},
		{"Respektive förvaltning och bolag ser till att perspektivet integreras.", "", []string{"Respektive förvaltning och bolag|ser till"}},
		{"För revidering ansvarar: Kommunstyrelsen", "", []string{"Kommunstyrelsen|ansvarar för"}},
		{"Kommunstyrelsens arbetsutskott svarar för uppföljningen.", "", []string{"Kommunstyrelsens arbetsutskott|svarar för"}},
		{"Barn- och utbildningsnämnden leder och samordnar arbetet.", "", []string{"Barn- och utbildningsnämnden|leder", "Barn- och utbildningsnämnden|samordnar"}},
		{"Internationella beredningen (IB) leds av finansborgarrådet.", "", []string{"finansborgarrådet|leder"}},
		{"Rollen som EU-samordnare innebär ett ansvar för att sprida information.", "", []string{"EU-samordnare|ansvarar för"}},
		{"Dokumentägare Stadskontoret", "", []string{"Stadskontoret|ansvarar för"}},
		{"Ansvarig: Kommunledningskontoret", "", []string{"Kommunledningskontoret|ansvarar för"}},
		{"Kontoret omprövar varje medlemskap inför varje ny mandatperiod.", "", []string{"Kontoret|omprövar"}},
		{"Dokumentansvarig | Kommunledningsförvaltningen", "", []string{"Kommunledningsförvaltningen|ansvarar för"}},
		{"Det är viktigt att förvaltningen i samarbete med Internationell samordnare prövar möjligheterna.", "", []string{"förvaltningen|prövar", "Internationell samordnare|prövar"}},
		{"Kommunstyrelsen ansvarar vidare för att samordna arbetet och för att i årsredovisningen redovisa arbetet.", "", []string{"Kommunstyrelsen|ansvarar för", "Kommunstyrelsen|redovisar"}},
		{"Staden deltar i nätverk.", "", nil},
		{"Kommunfullmäktige antog 2008 riktlinjer för arbetet.", "", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range findResponsibilities(sentence{Text: tt.sent}, "", tt.role) {
			got = append(got, r.mention+"|"+r.verb)
		}
		if strings.Join(got, ";") != strings.Join(tt.want, ";") {
			t.Errorf("findResponsibilities(%q) = %v, want %v", tt.sent, got, tt.want)
		}
	}
}

func TestSharedObject(t *testing.T) {
	rs := findResponsibilities(sentence{Text: "Kommunstyrelsen leder och samordnar det internationella arbetet."}, "", "")
	if len(rs) != 2 || rs[0].object != "det internationella arbetet" || rs[1].object != "det internationella arbetet" {
		t.Errorf("coordinated verbs: %+v", rs)
	}
}

func TestRunInHeadings(t *testing.T) {
	line := "3 Internationell policy Bakgrund Dagens utveckling mot fler kontakter innebär möjligheter för kommunen och dess invånare i hela regionen. " +
		"Syfte Det internationella arbetet bedrivs i syfte att skapa en attraktiv kommun. Syftet med Plan för arbetet är att samla kommunen kring gemensamma mål och prioriteringar. " +
		"Ansvar för det internationella arbetet Kommunfullmäktige Fastställer policyn. Tidsperspektiv Den internationella policyn ska revideras senast år 2020 av kommunstyrelsen."
	var got []string
	for _, h := range runInHeadings(line, 0) {
		got = append(got, h.Text)
		if line[h.Start:h.End] != h.Text {
			t.Errorf("span %d-%d is %q, not %q", h.Start, h.End, line[h.Start:h.End], h.Text)
		}
	}
	want := "Bakgrund|Syfte|Ansvar för det internationella arbetet|Kommunfullmäktige|Tidsperspektiv"
	if strings.Join(got, "|") != want {
		t.Errorf("runInHeadings = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestHeadingsAndLeadIns(t *testing.T) {
	text := strings.Join([]string{
		"Syfte med arbetet", // 1 heading
		"",
		"Syftet med arbetet är därför", // 3 lead-in
		"",
		"att öka kunskapen. Detta gör vi genom att lära.", // 5 item
		"",
		"Detta gör vi genom", // 7 lead-in
		"",
		"att delta i nätverk.",
		"",
		"1. Profilering - I takt med att konkurrensen mellan städer och", // 11 list item
		"regioner ökar stärker staden sin position.",
		"",
		"3.1 Profilering", // 14 numbered heading
		"",
		"Kristina Exempelsson", // 16 name block
		"Kommunikation och utveckling",
		"",
		"**Uppföljning av strategin**", // 19 bold heading
		"",
		"## Ansvar", // 21
		"Text.",
		"",
		"4. Mål och inriktning", // 24 numbered heading over its first sub-heading
		"4.1 Mål",
		"Kommunen ska bli mer attraktiv och studera i. Den ska vara öppen för alla.",
	}, "\n")
	d := newTestDoc("t.txt", []byte(text), "")
	Analyze(d)
	var got []string
	for _, s := range d.Sections {
		got = append(got, s.Heading)
	}
	want := "Syfte med arbetet|3.1 Profilering|Uppföljning av strategin|Ansvar|4. Mål och inriktning|4.1 Mål"
	if strings.Join(got, "|") != want {
		t.Errorf("headings = %q, want %q", strings.Join(got, "|"), want)
	}
	var goals []string
	for _, g := range d.Model.Goals {
		goals = append(goals, g.Text)
	}
	if strings.Join(goals, "|") != "att öka kunskapen|Kommunen ska bli mer attraktiv och studera i|Den ska vara öppen för alla" {
		t.Errorf("goals = %q", goals)
	}
}

func TestListLeadActor(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kommunstyrelsen ska:", "Kommunstyrelsen"},
		{"Förvaltningscheferna har följande ansvar:", "Förvaltningscheferna"},
		{"Respektive nämnd ansvarar för att", "Respektive nämnd"},
		{"Staden ska:", ""},
		{"Kommunstyrelsen ansvarar för samordningen.", ""},
	}
	for _, tt := range tests {
		if got := listLeadActor(tt.in); got != tt.want {
			t.Errorf("listLeadActor(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAdoptionForms(t *testing.T) {
	tests := []struct{ text, date, by string }{
		{"Antagen av kommunstyrelsen 2014-05-12 § 87\n", "2014-05-12", "Kommunstyrelsen"},
		{"Beslutad i kommunfullmäktige den 3 juni 2015.\n", "2015-06-03", "Kommunfullmäktige"},
		{"Kommunfullmäktige antog strategin den 12 maj 2014.\n", "2014-05-12", "Kommunfullmäktige"},
		{"Fastställd av KF 2012-01-30\n", "2012-01-30", "Kommunfullmäktige"},
		{"Kommunfullmäktige antog 2008 riktlinjer för arbetet.\n", "", ""},
		{"Dokumenttyp Policy Beslutsinstans Kommunstyrelsen Beslutsdatum 2016-05-10 Diarienummer KF 2016/45 Giltighetstid 2016-2020\n", "2016-05-10", "Kommunstyrelsen"},
		{"Beslut: KF 2015-03-12 § 23\n", "2015-03-12", "Kommunfullmäktige"},
		{"Antagen 2013-12-16 av kommunstyrelsen\n", "2013-12-16", "Kommunstyrelsen"},
		{"Planen ersätter Policy för X antagen av kommunfullmäktige den 25 maj 2000.\n", "", ""},
	}
	for _, tt := range tests {
		d := newTestDoc("a.txt", []byte("Policy\n\n"+tt.text), "")
		Analyze(d)
		var date, by string
		if a := d.Model.Adopted; a != nil {
			date, by = string(a.Date), string(a.By)
		}
		if date != tt.date || tt.date != "" && by != tt.by {
			t.Errorf("%q: adopted %q by %q, want %q by %q", tt.text, date, by, tt.date, tt.by)
		}
	}
}

func TestTwinCities(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Kommunen har vänortssamarbete med Skive (Danmark) och Porvoo (Finland).", "Skive|Porvoo"},
		{"Våra vänorter är Karlshamn, Skive och Porvoo.", "Karlshamn|Skive|Porvoo"},
		{"Staden har inga utpekade vänorter och tecknar inte vänortsavtal.", ""},
		{"Vänorter: Lemvig, Raisio och Ringsaker.", "Lemvig|Raisio|Ringsaker"},
		{"Kommunen har vänortsavtal med Leipzig i Tyskland och Angers i Frankrike.", "Leipzig|Angers"},
		{"Våra vänorter: Vaasa, Harstad och Würzburg.", "Vaasa|Harstad|Würzburg"},
		{"Därtill finns vänskapsort Kuopio i Finland.", "Kuopio"},
		{"Staden har vänskapsavtal med Dalian i Kina och Sankt Petersburg i Ryssland.", "Dalian|Sankt Petersburg"},
		{"Vänortsavtal tecknas av kommunstyrelsen.", ""},
		{"## Våra vänorter\n\n| Vänort | Land | Sedan |\n|---|---|---|\n| Keila | Estland | 1992 |\n| Lunner | Norge | 1948 |", "Keila|Lunner"},
		{"Exempelby har sedan länge vänorter i Aabybro i Danmark, Keila i Estland, Nurmijärvi i Finland och Lunner i Norge.", "Aabybro|Keila|Nurmijärvi|Lunner"},
		{"Exempelby kommun har vänortssamarbete. Vänortssamarbetet mellan Exempelby kommun, Aabybro i Danmark och Lunner i Norge fortsätter.", "Aabybro|Lunner"},
		{"Exempelbys vänorter är Keila i Estland och Lunner i Norge.", "Keila|Lunner"},
		{"Vi har vänortsavtal med Hyvinge i Finland och Hamar i Norge samt vänort Tórshavn på Färöarna.", "Hyvinge|Hamar|Tórshavn"},
		{"Kommunen har vänorter i Norden. Utbytet stärker kontakterna mellan unga i vänorterna.", ""},
		{"Kommunen tecknar inte vänortsavtal med andra kommuner.", ""},
		{"## Våra vänorter\n\n- Lemvig, Danmark\n- Ringsaker (Norge)\n- Raisio – Finland", "Lemvig|Ringsaker|Raisio"},
	}
	for _, tt := range tests {
		d := newTestDoc("v.txt", []byte("Policy\n\n"+tt.text+"\n"), "")
		Analyze(d)
		if got := strings.Join(d.Model.TwinCities, "|"); got != tt.want {
			t.Errorf("%q: twin cities %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestGoalsFromMalSections(t *testing.T) {
	text := "## Mål\n\nKommunen har arbetat med frågan länge. Arbetet ska stärka kommunens attraktivitet.\n\n### Mål 1: Fler deltagare i EU-projekt\n\nText om projekt.\n"
	d := newTestDoc("g.md", []byte(text), "")
	Analyze(d)
	var got []string
	for _, g := range d.Model.Goals {
		got = append(got, g.Text)
	}
	want := "Arbetet ska stärka kommunens attraktivitet|Fler deltagare i EU-projekt"
	if strings.Join(got, "|") != want {
		t.Errorf("goals = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestNetworks(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Kommunen är medlem i Sveriges Kommuner och Regioner (SKR) och deltar i Borgmästaravtalet.", "Borgmästaravtalet|Sveriges Kommuner och Regioner"},
		{"Kontoret samordnar medlemskapen i organisationerna Energy Cities, Nordic Council of Local Authorities och Climate Alliance.", "Climate Alliance|Energy Cities|Nordic Council of Local Authorities"},
		{"Polisen och kommunen samverkar i trygghetsfrågor.", ""},
		{"Kommunen deltar i Eurocities, Covenant of Mayors och ICLEI.", "Covenant of Mayors|Eurocities|ICLEI"},
		{"Kommunen deltar i EU-projektet Green Cities Network.", "Green Cities Network"},
		{"## Nätverk och medlemskap\n\n- Energy Cities\n- Nordiska vänortsföreningen (sedan 1990)\n- Regionens EU-kontor, Bryssel", "Energy Cities|Nordiska vänortsföreningen|Regionens EU-kontor"},
	}
	for _, tt := range tests {
		d := newTestDoc("n.txt", []byte("Policy\n\n"+tt.text+"\n"), "")
		Analyze(d)
		got := append([]string(nil), d.Model.Networks...)
		sort.Strings(got)
		if strings.Join(got, "|") != tt.want {
			t.Errorf("%q: networks %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestFlattenedList(t *testing.T) {
	got := flattenedList("De internationella aktiviteterna ska bidra till att: Utveckla den kommunala verksamheten och näringslivet Profilera Exempelstad Bevaka och påverka omvärlden I de fall samarbeten inte kan kopplas hit ska det motiveras.")
	want := "Utveckla den kommunala verksamheten och näringslivet|Profilera Exempelstad|Bevaka och påverka omvärlden"
	if strings.Join(got, "|") != want {
		t.Errorf("flattenedList = %q, want %q", strings.Join(got, "|"), want)
	}
	if got := flattenedList("Inget kolon här."); got != nil {
		t.Errorf("flattenedList without a list = %q", got)
	}
}

func TestMetadataHeader(t *testing.T) {
	text := "Riktlinjer för bidrag\n\nBeslutad av: Kommunfullmäktige  Datum: 2015-03-12  Dnr: KS 2015/123  Giltig till: 2019-12-31\n\nInledning\n\nText om bidrag.\n"
	d := newTestDoc("r.txt", []byte(text), "")
	Analyze(d)
	m := d.Model
	if m.Adopted == nil || m.Adopted.Date != "2015-03-12" || m.Adopted.By != "Kommunfullmäktige" || m.Adopted.Line != 3 {
		t.Errorf("adopted = %+v", m.Adopted)
	}
	if m.ValidUntil != "2019-12-31" {
		t.Errorf("valid_until = %q", m.ValidUntil)
	}
	if strings.Join(m.RegistrationNumbers, ",") != "KS 2015/123" {
		t.Errorf("registration numbers = %q", m.RegistrationNumbers)
	}
	if m.DocumentType != "riktlinjer" {
		t.Errorf("type = %q", m.DocumentType)
	}
}

func TestValidUntil(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Giltighetstid: Tillsvidare", "tillsvidare"},
		{"Gäller tills vidare.", "tillsvidare"},
		{"Giltig till: 2019-12-31", "2019-12-31"},
		{"Giltighetstid: 2016-01-01 – 2019-12-31", "2019-12-31"},
		{"Giltig från 2016-01-01 till 2019-12-31", "2019-12-31"},
		{"Dokumentet gäller till och med: 31 december 2020", "2020-12-31"},
		{"Giltighetstid 2016-2020", "2020-12-31"},
		{"Dokumentet gäller till och med: Internationell policy", ""},
		{"Gäller 2015-03-12 – 2019-12-31", "2019-12-31"},
		{"Policyn gäller 2015-03-12 till 2019-12-31.", "2019-12-31"},
		{"Riktlinjerna är giltiga till och med 2019.", "2019-12-31"},
		{"Giltig till och med 2019.", "2019-12-31"},
		{"Policyn gäller till och med år 2022.", "2022-12-31"},
		{"Gäller från 2015-03-12.", ""},
		{"Policyn gäller under perioden 2015–2018.", "2018-12-31"},
		{"Riktlinjerna gäller från och med 2015-04-01 till och med 2018-12-31.", "2018-12-31"},
		{"Policyn gäller för alla nämnder sedan 2015.", ""},
		{"Denna policy gäller 2016-01-01.", ""},
		{"| Gäller till | 2019-12-31 |", "2019-12-31"},
		{"Dokumenttyp Riktlinjer Beslutad av Kommunstyrelsen Datum 2015-03-12 Gäller 2015-03-12 – 2019-12-31", "2019-12-31"},
		{"Dokumenttyp\nRiktlinjer\nGiltighetstid\n2015-03-12 – 2018-06-30", "2018-06-30"},
	}
	for _, tt := range tests {
		d := newTestDoc("v.txt", []byte("Policy\n\n"+strings.ReplaceAll(tt.text, `\n`, "\n")+"\n"), "")
		Analyze(d)
		if string(d.Model.ValidUntil) != tt.want {
			t.Errorf("%q: valid_until %q, want %q", tt.text, d.Model.ValidUntil, tt.want)
		}
	}
}

func TestNoGuessing(t *testing.T) {
	d := newTestDoc("n.txt", []byte("Policy för resor\n\nInledning\n\nDenna policy gäller alla resor i tjänsten. Den antogs 2008.\n"), "")
	Analyze(d)
	m := d.Model
	if m.Adopted != nil && m.Adopted.Date != "" {
		t.Errorf("adopted date guessed from a year: %+v", m.Adopted)
	}
	if m.ValidUntil != "" || len(m.RegistrationNumbers) != 0 || len(m.FollowUp) != 0 {
		t.Errorf("facts the text does not state: %+v", m)
	}
}

func TestBoilerplateExcluded(t *testing.T) {
	text := "Policy\n\nSyfte\n\nVi ska bli bättre.\n\nStrategi X\n\nAntagen av kommunfullmäktige 2001-01-01. Mål att vinna.\n\nLäs mer\n\nPlan Y\n\nAntagen 2002-02-02\n\nLäs mer\n"
	d := newTestDoc("b.txt", []byte(text), "")
	d.Boilerplate = nil
	Analyze(d)
	if d.Model.Adopted != nil && d.Model.Adopted.Date != "" {
		t.Errorf("adoption date taken from a listing of other documents: %+v", d.Model.Adopted)
	}
	if len(d.Model.BoilerplateSpans) == 0 || d.Model.BoilerplateSpans[0].StartLine != 7 {
		t.Errorf("boilerplate = %+v", d.Model.BoilerplateSpans)
	}
	// Ranges the repair stage marks are honoured and copied.
	d2 := newTestDoc("c.txt", []byte("Syfte\n\nBeslutad av kommunstyrelsen 2010-05-05.\n"), "")
	d2.Boilerplate = []corpus.LineRange{{StartLine: 3, EndLine: 3, Why: "test"}}
	Analyze(d2)
	if d2.Model.Adopted != nil || len(d2.Model.BoilerplateSpans) != 1 {
		t.Errorf("marked boilerplate not excluded: %+v %+v", d2.Model.Adopted, d2.Model.BoilerplateSpans)
	}
}

// TestVocabulary checks the tables against the contract's vocabularies.
func TestVocabulary(t *testing.T) {
	labels := map[string]bool{}
	for _, l := range corpus.SectionLabels {
		labels[l] = true
	}
	for w, l := range headingWords {
		if !labels[l] {
			t.Errorf("headingWords[%q] = %q, not a section label", w, l)
		}
		if w != strings.ToLower(w) {
			t.Errorf("headingWords key %q is not lower case", w)
		}
	}
	themes := map[string]bool{}
	for _, th := range corpus.Themes {
		themes[th] = true
		if len(themeKeywords[th]) == 0 {
			t.Errorf("theme %q has no keywords", th)
		}
	}
	for th := range themeKeywords {
		if !themes[th] {
			t.Errorf("themeKeywords has %q, not a theme", th)
		}
	}
	cats := map[string]bool{}
	for _, c := range corpus.FollowUpCategories {
		cats[c] = true
	}
	for _, k := range followUpKeys {
		if !cats[k.Category] {
			t.Errorf("followUpKeys %q: category %q", k.Prefix, k.Category)
		}
	}
	for _, p := range intervalPhrases {
		if !validInterval(p.Interval) {
			t.Errorf("interval phrase %q: bad interval %q", p.Pattern, p.Interval)
		}
		if _, err := regexp.Compile(p.Pattern); err != nil {
			t.Errorf("interval phrase %q: %v", p.Pattern, err)
		}
	}
	for _, v := range responsibilityVerbs {
		if v.Present == "" || len(v.Forms) == 0 {
			t.Errorf("verb %+v incomplete", v)
		}
	}
	for _, s := range actorSuffixes {
		if !utf8.ValidString(s) || s != strings.ToLower(s) {
			t.Errorf("actor suffix %q", s)
		}
	}
}

func TestFollowUps(t *testing.T) {
	tests := []struct {
		text string
		want string // "category/interval/who;…"
	}{
		{"Uppföljning av strategin skall göras av kommunstyrelsen minst en gång per mandatperiod och vid behov revideras.",
			"uppfoljning/P4Y/Kommunstyrelsen;revidering/as_needed/Kommunstyrelsen"},
		{"Årlig redovisning ska ske i verksamhetsberättelsen.", "redovisning/P1Y/"},
		{"En utvärdering av planen ska genomföras av kontoret år 2010.", "utvardering/once/Kontoret"},
		{"Nämnderna rapporterar halvårsvis till kommunstyrelsen.", "rapportering/P6M/Nämnderna"},
		{"Avtalen bör omprövas regelbundet (exempelvis vart fjärde år).", "omprovning/P4Y/"},
		{"Den senaste uppföljningen visade att arbetet gick bra.", ""},
		{"Uppföljning: Kommunstyrelsen", "uppfoljning/unspecified/Kommunstyrelsen"},
		{"Kansliet samordnar arbetet och följer upp handlingsplanen.", "uppfoljning/unspecified/Kansliet"},
		{"Uppföljning sker genom en årlig rapport till kommunstyrelsen.", "uppfoljning/P1Y/"},
		{"Uppföljningen av arbetet bör integreras vid rapportering av ordinarie verksamhet.", "uppfoljning/unspecified/"},
		{"För uppföljning ansvarar: Dokumentet gäller för: alla nämnder", ""},
		{"För revidering ansvarar: Kommunstyrelsen\n\nPolicyn ska revideras senast.", "revidering/unspecified/Kommunstyrelsen"},
		{"Strategin följs upp i årsredovisningen. Revideras vart annat år.", "uppfoljning/P1Y/;revidering/P2Y/"},
		{"Riktlinjerna ses över inför varje ny mandatperiod.", "revidering/P4Y/"},
	}
	for _, tt := range tests {
		d := newTestDoc("f.txt", []byte("Policy\n\n"+tt.text+"\n"), "")
		Analyze(d)
		var got []string
		for _, f := range d.Model.FollowUp {
			got = append(got, f.Category+"/"+f.Interval+"/"+string(f.Who))
		}
		if strings.Join(got, ";") != tt.want {
			t.Errorf("%q: follow-up %q, want %q", tt.text, strings.Join(got, ";"), tt.want)
		}
	}
}

func TestNotes(t *testing.T) {
	d := newTestDoc("n.txt", []byte("Policy\n\nText utan rubriker.\n"), "")
	d.Notes = []corpus.Note{{Kind: corpus.NoteWarning, Message: "från läsaren"}}
	Analyze(d)
	Analyze(d) // again: the notes are replaced, not repeated
	var msgs []string
	for _, n := range d.Notes {
		msgs = append(msgs, n.Message)
	}
	got := strings.Join(msgs, "|")
	if !strings.Contains(got, "från läsaren") || strings.Count(got, "antagandedatum") != 1 {
		t.Errorf("notes = %q", got)
	}
}

// TestHeaderTables reads the same header in every layout a converted
// document gives it: Markdown table, cells on lines of their own (with and
// without blank lines), one flattened line, and one row per line.
func TestHeaderTables(t *testing.T) {
	body := "\n\nSyfte\n\nRiktlinjerna ska ge stöd i EU-arbetet.\n"
	tests := []struct{ name, header string }{
		{"markdown", "| | |\n|---|---|\n| Dokumenttyp | Riktlinjer |\n| Diarienummer | KS 2015/0123 |\n| Beslutad av | Kommunstyrelsen |\n| Beslutsdatum | 2015-03-12 |\n| Gäller till | 2019-12-31 |"},
		{"cells", "Dokumenttyp\nRiktlinjer\nDiarienummer\nKS 2015/0123\nBeslutad av\nKommunstyrelsen\nBeslutsdatum\n2015-03-12\nGiltighetstid\n2015-03-12 – 2019-12-31"},
		{"cells with blanks", "Dokumenttyp\n\nRiktlinjer\n\nDiarienummer\n\nKS 2015/0123\n\nBeslutad av\n\nKommunstyrelsen\n\nDatum\n\n2015-03-12\n\nGäller till och med\n\n2019-12-31"},
		{"flattened", "Dokumenttyp Riktlinjer Beslutad av Kommunstyrelsen Datum 2015-03-12 Diarienummer KS 2015/0123 Gäller 2015-03-12 – 2019-12-31 Dokumentägare Kommunledningskontoret"},
		{"rows", "Dokumenttyp Riktlinjer\nBeslutad av Kommunstyrelsen\nBeslutsdatum 2015-03-12\nDiarienummer KS 2015/0123\nGiltig till och med 2019-12-31"},
		{"columns", "Dokumenttyp\nDiarienummer\nBeslutad av\nBeslutsdatum\nGäller till\nRiktlinjer\nKS 2015/0123\nKommunstyrelsen\n2015-03-12\n2019-12-31"},
		{"lower-case labels", "Dokumenttyp: Riktlinjer\nBeslutad av: kommunstyrelsen, beslutsdatum: 2015-03-12, diarienummer: KS 2015/0123, giltig till: 2019-12-31"},
	}
	for _, tt := range tests {
		d := newTestDoc("h.txt", []byte("Exempel för EU-arbete\n\n"+tt.header+body), "")
		Analyze(d)
		m := d.Model
		if m.Adopted == nil || m.Adopted.Date != "2015-03-12" || m.Adopted.By != "Kommunstyrelsen" {
			t.Errorf("%s: adopted = %+v", tt.name, m.Adopted)
		}
		if m.ValidUntil != "2019-12-31" {
			t.Errorf("%s: valid_until = %q", tt.name, m.ValidUntil)
		}
		if strings.Join(m.RegistrationNumbers, ",") != "KS 2015/0123" {
			t.Errorf("%s: registration numbers = %q", tt.name, m.RegistrationNumbers)
		}
		if m.DocumentType != "riktlinjer" {
			t.Errorf("%s: type = %q", tt.name, m.DocumentType)
		}
		var heads []string
		for _, s := range d.Sections {
			heads = append(heads, s.Heading)
		}
		if got := strings.Join(heads, "|"); !strings.HasSuffix(got, "Syfte") || strings.Contains(got, "Riktlinjer") || strings.Contains(got, "Kommunstyrelsen") {
			t.Errorf("%s: headings %q: header cells taken for headings", tt.name, got)
		}
	}
}

func TestMunicipality(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Jönköpings kommun\n\nPolicy för EU-arbete i Jönköpings kommun.", "Jönköping"},
		{"Västerås stad\n\nPolicy för Västerås stad.", "Västerås"},
		{"Hällefors kommun\n\nPolicy för Hällefors kommun.", "Hällefors"},
		{"Umeå kommun\n\nPolicy för Umeå kommun.", "Umeå"},
		{"Lunds kommun\n\nLund ska vara en öppen stad.", "Lund"},
	}
	for _, tt := range tests {
		d := newTestDoc("m.txt", []byte(tt.text+"\n"), "")
		Analyze(d)
		if d.Municipality != tt.want {
			t.Errorf("%q: municipality %q, want %q", tt.text, d.Municipality, tt.want)
		}
	}
}

func TestHeaderDateIsTheValue(t *testing.T) {
	text := "Riktlinjer för EU-arbete\n\nBeslutad av: Kommunstyrelsen\nDatum för nästa revidering: 2020-12-31\n\nSyfte\n\nText.\n"
	d := newTestDoc("h.txt", []byte(text), "")
	Analyze(d)
	if a := d.Model.Adopted; a == nil || a.By != "Kommunstyrelsen" || a.Date != "" {
		t.Errorf("adopted = %+v, want by Kommunstyrelsen without a date", a)
	}
}

// TestTemplateHeaders covers header conventions of municipal document
// templates: combined labels, legends of document types, empty fields.
func TestTemplateHeaders(t *testing.T) {
	tests := []struct{ name, text, title, typ, by, date, valid string }{
		{"combined label", "Dokumenttyp och beslutsinstans Riktlinje Kommunstyrelsen Dokumentansvarig Kanslichef Dokumentnamn Riktlinje för EU-arbete Giltig till och med Tillsvidare",
			"Riktlinje för EU-arbete", "riktlinjer", "Kommunstyrelsen", "", "tillsvidare"},
		{"empty fields", "Namn på dokumentet: Internationell strategi Dokumenttyp: Strategi Beslutad av: Kommunfullmäktige Gäller: Tillsvidare Beslutad: Revideras: Internationell strategi",
			"Internationell strategi", "strategi", "Kommunfullmäktige", "", "tillsvidare"},
		{"type legend", "Strategi Program Plan Policy\nRiktlinjer för internationellt arbete\nBeslutat av: Kommunfullmäktige den 9 november 2016 Dokumentet gäller till och med: 31 december 2020",
			"Riktlinjer för internationellt arbete", "riktlinjer", "Kommunfullmäktige", "2016-11-09", "2020-12-31"},
	}
	for _, tt := range tests {
		d := newTestDoc("t.txt", []byte(strings.ReplaceAll(tt.text, `\n`, "\n")+"\n\nInledning\n\nText om arbetet.\n"), "")
		Analyze(d)
		m := d.Model
		by, date := "", ""
		if m.Adopted != nil {
			by, date = string(m.Adopted.By), string(m.Adopted.Date)
		}
		if string(m.Title) != tt.title || string(m.DocumentType) != tt.typ || by != tt.by || date != tt.date || string(m.ValidUntil) != tt.valid {
			t.Errorf("%s: title %q type %q by %q date %q valid %q", tt.name, m.Title, m.DocumentType, by, date, m.ValidUntil)
		}
	}
}

func TestProposedAdoption(t *testing.T) {
	text := "Tjänsteutlåtande\n\nKommunstyrelsen föreslår att kommunfullmäktige beslutar följande.\nStrategi för EU-arbete, bilaga 1, antas.\n"
	d := newTestDoc("p.txt", []byte(text), "")
	Analyze(d)
	if a := d.Model.Adopted; a == nil || a.By != "Kommunfullmäktige" || a.Date != "" {
		t.Errorf("adopted = %+v, want by Kommunfullmäktige without a date", a)
	}
	d = newTestDoc("p.txt", []byte("Policy\n\nKommunstyrelsen föreslår att kommunfullmäktige beslutar att avslå motionen.\n"), "")
	Analyze(d)
	if a := d.Model.Adopted; a != nil {
		t.Errorf("adopted = %+v from a proposal about something else", a)
	}
}

func TestGoalsFromPurposeProse(t *testing.T) {
	text := "Strategi för EU-arbete\n\nSyfte och mål\n\nSyftet med strategin är att ge en gemensam riktning. Målet är att kommunen ska öka sitt deltagande i EU-projekt. Det övergripande målet för arbetet är att stärka kommunens konkurrenskraft.\n"
	d := newTestDoc("g.txt", []byte(text), "")
	Analyze(d)
	var got []string
	for _, g := range d.Model.Goals {
		got = append(got, g.Text)
	}
	want := "ge en gemensam riktning|kommunen ska öka sitt deltagande i EU-projekt|stärka kommunens konkurrenskraft"
	if strings.Join(got, "|") != want {
		t.Errorf("goals = %q, want %q", strings.Join(got, "|"), want)
	}
}

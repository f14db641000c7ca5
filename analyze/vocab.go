package analyze

// This file is the one home of the analysis vocabulary: heading words,
// actor patterns, responsibility verbs, follow-up keywords, interval
// phrases, theme keywords and network patterns. Every table is written from
// how Swedish municipal steering documents are phrased, not from any one
// document. Words are given in lower case with diacritics; matching folds
// diacritics (see fold), so OCR text that lost å/ä/ö still matches.

// headingWords maps words (whole words, folded when matched) that name a
// section's role to its label. The first word of a heading found here
// decides the label, so "Bakgrund och syfte" is bakgrund and "Syfte och
// bakgrund" is syfte. Inflected forms are listed because stems mislead
// (the snowball stemmer maps "ansvar" and "ansvaret" differently).
var headingWords = map[string]string{
	// syfte
	"syfte": "syfte", "syftet": "syfte", "syften": "syfte", "ändamål": "syfte",
	"ändamålet": "syfte", "varför": "syfte",
	// mål
	"mål": "mal", "målet": "mal", "målen": "mal", "målsättning": "mal",
	"målsättningar": "mal", "målsättningen": "mal", "vision": "mal",
	"visionen": "mal", "ambition": "mal", "ambitioner": "mal", "ambitionen": "mal",
	"övergripande mål": "mal", "effektmål": "mal",
	// inriktning
	"inriktning": "inriktning", "inriktningar": "inriktning", "inriktningen": "inriktning",
	"inriktningarna": "inriktning", "fokusområde": "inriktning", "fokusområden": "inriktning",
	"insatsområde": "inriktning", "insatsområden": "inriktning", "prioriteringar": "inriktning",
	"prioriterade": "inriktning", "prioritering": "inriktning", "målområden": "inriktning",
	"målområde": "inriktning", "viljeinriktning": "inriktning",
	// strategier
	"strategier": "strategier", "strategierna": "strategier", "delstrategier": "strategier",
	"tillvägagångssätt": "strategier", "åtgärder": "strategier", "aktiviteter": "strategier",
	"insatser": "strategier", "metoder": "strategier",
	// principer
	"princip": "principer", "principer": "principer", "principerna": "principer",
	"förhållningssätt": "principer", "utgångspunkter": "principer", "värdegrund": "principer",
	"riktlinjer": "principer", "regler": "principer", "grundprinciper": "principer",
	// ansvar
	"ansvar": "ansvar", "ansvaret": "ansvar", "ansvarsfördelning": "ansvar",
	"ansvarsfördelningen": "ansvar", "ansvarsområden": "ansvar", "roll": "ansvar",
	"roller": "ansvar", "rollfördelning": "ansvar", "rollerna": "ansvar", "organisation": "ansvar",
	"organisering": "ansvar", "styrning": "ansvar", "ledning": "ansvar", "ansvarig": "ansvar",
	"ansvariga": "ansvar", "politisk": "ansvar", "politiska": "ansvar", "uppdrag": "ansvar",
	"kommunfullmäktige": "ansvar", "fullmäktige": "ansvar", "kommunstyrelsen": "ansvar",
	"nämnder": "ansvar", "nämnderna": "ansvar", "förvaltningar": "ansvar",
	"förvaltningarna": "ansvar", "bolag": "ansvar", "bolagen": "ansvar",
	// uppföljning
	"uppföljning": "uppfoljning", "uppföljningen": "uppfoljning", "utvärdering": "uppfoljning",
	"utvärderingen": "uppfoljning", "revidering": "uppfoljning", "revision": "uppfoljning",
	"rapportering": "uppfoljning", "redovisning": "uppfoljning", "tidsperspektiv": "uppfoljning",
	"tidplan": "uppfoljning", "tidsplan": "uppfoljning", "giltighet": "uppfoljning",
	"giltighetstid": "uppfoljning", "aktualitetsprövning": "uppfoljning", "omprövning": "uppfoljning",
	"implementering": "uppfoljning", "genomförande": "uppfoljning", "uppföljningsplan": "uppfoljning",
	// bakgrund
	"bakgrund": "bakgrund", "bakgrunden": "bakgrund", "inledning": "bakgrund",
	"förord": "bakgrund", "introduktion": "bakgrund", "nuläge": "bakgrund",
	"nulägesbeskrivning": "bakgrund", "omvärldsanalys": "bakgrund", "utgångsläge": "bakgrund",
	"historik": "bakgrund", "beredning": "bakgrund",
	// definitioner
	"definitioner": "definitioner", "definition": "definitioner", "begrepp": "definitioner",
	"begreppsförklaring": "definitioner", "begreppsförklaringar": "definitioner", "ordlista": "definitioner",
	"ordförklaringar": "definitioner",
	// bilaga
	"bilaga": "bilaga", "bilagor": "bilaga", "bilagan": "bilaga", "appendix": "bilaga",
	// övrigt (explicitly, so that these are not given a content label)
	"sammanfattning": "ovrigt", "kommunikation": "ovrigt", "synpunkter": "ovrigt",
	"förslag": "ovrigt", "beslut": "ovrigt", "innehåll": "ovrigt", "innehållsförteckning": "ovrigt",
	"referenser": "ovrigt", "hälsningar": "ovrigt",
}

// headingSkipWords may start a heading without deciding its label
// ("Övergripande mål", "Stadens nätverk", "Nya inriktningar").
var headingSkipWords = map[string]bool{
	"övergripande": true, "stadens": true, "kommunens": true, "regionens": true,
	"nya": true, "vår": true, "våra": true, "vårt": true, "den": true, "det": true,
	"de": true, "om": true, "för": true, "och": true, "av": true, "med": true,
	"i": true, "kort": true, "internationella": true, "internationellt": true,
	"långsiktiga": true, "gemensamma": true, "allmänna": true,
}

// leadInEndings are words that end an incomplete clause: a short line that
// ends with one of them introduces a list ("Detta gör vi genom") and is not
// a heading.
var leadInEndings = map[string]bool{
	"genom": true, "att": true, "för": true, "som": true, "med": true, "till": true,
	"och": true, "samt": true, "eller": true, "av": true, "om": true, "på": true,
	"i": true, "är": true, "därför": true, "bland": true, "nämligen": true,
	"följande": true, "inom": true, "mot": true, "vid": true, "de": true, "den": true,
	"det": true, "en": true, "ett": true, "från": true, "under": true, "än": true,
}

// sentenceVerbs are finite verbs that show a line is a sentence, not a
// heading.
var sentenceVerbs = map[string]bool{
	"är": true, "ska": true, "skall": true, "har": true, "gör": true, "kan": true,
	"bör": true, "måste": true, "finns": true, "blir": true, "var": false,
	"ges": true, "sker": true, "innebär": true, "behöver": true, "vill": true,
	"arbetar": true, "gäller": true, "antogs": true, "beslutades": true, "fastställdes": true,
	"ligger": true, "bidrar": true, "utgör": true, "får": true,
}

// sentenceStarters are capitalised words that begin a Swedish sentence; they
// end a run-in heading and the items of a flattened list.
var sentenceStarters = map[string]bool{
	"I": true, "Det": true, "Den": true, "De": true, "Detta": true, "Dessa": true,
	"Denna": true, "Vi": true, "Om": true, "För": true, "Genom": true, "När": true,
	"Där": true, "Då": true, "Med": true, "Som": true, "En": true, "Ett": true,
	"Inom": true, "Under": true, "Efter": true, "Alla": true, "Varje": true,
	"Samtliga": true, "Respektive": true, "Här": true, "Så": true, "Utöver": true,
	"Vidare": true, "Även": true, "Också": true, "Till": true, "Av": true, "På": true,
	"Att": true, "Man": true, "Kommunen": true, "Staden": true, "Historiskt": true,
	"Dagens": true, "Trots": true, "Samarbete": true, "Internationella": true,
	"Internationellt": true, "Nedanstående": true, "Följande": true, "Syftet": true,
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"t.ex": true, "bl.a": true, "m.m": true, "s.k": true, "ca": true, "nr": true,
	"kap": true, "resp": true, "jfr": true, "dvs": true, "d.v.s": true, "o.s.v": true,
	"osv": true, "m.fl": true, "p.g.a": true, "pga": true, "fr.o.m": true,
	"t.o.m": true, "ev": true, "st": true, "kl": true, "tel": true, "tfn": true,
	"f.d": true, "ang": true, "enl": true, "exkl": true, "inkl": true, "mfl": true,
	"bl": true, "ex": true, "t": true, "s": true, "e": true, "a": true, "d": true,
	"o": true, "sid": true, "s.1": true, "ff": true, "iofs": true,
}

// months maps Swedish month names and their abbreviations to numbers.
var months = map[string]int{
	"januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6,
	"juli": 7, "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}

// actorSuffixes are the endings of Swedish words that name a public body or
// a role (matched on folded, lower-case words). Each names the body kind
// for the generic canonical name.
var actorSuffixes = []string{
	"fullmäktige", "fullmäktiges",
	"styrelsen", "styrelsens", "styrelser", "styrelserna", "styrelsernas", "styrelse", "styrelses",
	"nämnden", "nämndens", "nämnder", "nämnderna", "nämndernas", "nämnd", "nämnds",
	"förvaltningen", "förvaltningens", "förvaltningar", "förvaltningarna", "förvaltningarnas", "förvaltning",
	"kontoret", "kontorets",
	"rådet", "rådets", "borgarrådet", "kommunalrådet",
	"direktören", "direktörens", "direktör",
	"chefen", "chefer", "cheferna", "chef",
	"beredningen", "beredningens", "beredning",
	"avdelningen", "avdelningens",
	"enheten", "enhetens",
	"samordnaren", "samordnare", "samordnarna", "ordförande", "ordföranden",
	"kontaktperson", "kontaktpersonen", "kontaktpersoner", "kontaktpersonerna",
	"ombud", "ombudet", "ombuden",
	"utskottet", "utskottets", "utskott",
	"sekretariatet", "kansliet",
	"bolag", "bolagen", "bolagens",
	"verksamheterna", "verksamheter",
	"ledningsgruppen", "koncernledningen",
	"gruppen", "arbetsgruppen", "nätverket",
}

// actorAbbrev maps abbreviations used for bodies to their canonical names.
var actorAbbrev = map[string]string{
	"KF": "Kommunfullmäktige", "KS": "Kommunstyrelsen", "RF": "Regionfullmäktige",
	"RS": "Regionstyrelsen",
}

// actorCanonical maps folded lower-case body words to the canonical name
// (capital initial, the definite form the spec uses).
var actorCanonical = map[string]string{
	"fullmäktige": "Kommunfullmäktige", "fullmäktiges": "Kommunfullmäktige",
	"kommunfullmäktige": "Kommunfullmäktige", "kommunfullmäktiges": "Kommunfullmäktige",
	"kommunstyrelsen": "Kommunstyrelsen", "kommunstyrelse": "Kommunstyrelsen",
	"kommunstyrelsens":  "Kommunstyrelsen",
	"regionfullmäktige": "Regionfullmäktige", "regionstyrelsen": "Regionstyrelsen",
	"landstingsfullmäktige": "Landstingsfullmäktige", "landstingsstyrelsen": "Landstingsstyrelsen",
}

// genericPlural names a kind of body, after a determiner that means each
// or all of them ("varje nämnd", "samtliga förvaltningar"), by the group.
var genericPlural = map[string]string{
	"namnd": "Nämnderna", "namnder": "Nämnderna", "forvaltning": "Förvaltningarna",
	"forvaltningar": "Förvaltningarna", "bolag": "Bolagen", "styrelse": "Styrelserna",
	"styrelser": "Styrelserna",
}

// actorDeterminers may precede an actor noun phrase; they are kept in the
// mention but dropped from the canonical name.
var actorDeterminers = map[string]bool{
	"respektive": true, "varje": true, "samtliga": true, "alla": true, "berörda": true,
	"berörd": true, "kommunens": true, "stadens": true, "regionens": true, "de": true,
	"den": true, "det": true, "egna": true, "övriga": true, "ansvarig": true,
	"ansvarigа": true, "kommunala": true, "internationella": true, "operativt": true,
	"operativa": true, "ansvariga": true,
}

// verb is a responsibility verb: its written forms in present tense and
// infinitive, the particle or preposition that belongs to it, and whether
// it is a phrase ("fattar beslut om").
type verb struct {
	Present  string // as the lemma is reported: "ansvarar för"
	Forms    []string
	Particle string
}

// responsibilityVerbs are the verbs that assign a task to a body. Forms
// are lower case; the first word is matched, then the particle if given.
var responsibilityVerbs = []verb{
	{"ansvarar för", []string{"ansvarar", "ansvara"}, "för"},
	{"har ansvaret för", []string{"har"}, "ansvaret"},
	{"har ansvar för", []string{"har"}, "ansvar"},
	{"har samordningsansvar för", []string{"har"}, "samordningsansvar"},
	{"har det övergripande ansvaret för", []string{"har"}, "det"},
	{"fastställer", []string{"fastställer", "fastställa"}, ""},
	{"antar", []string{"antar", "anta"}, ""},
	{"beslutar om", []string{"beslutar", "besluta"}, ""},
	{"fattar beslut om", []string{"fattar", "fatta"}, "beslut"},
	{"samordnar", []string{"samordnar", "samordna"}, ""},
	{"koordinerar", []string{"koordinerar", "koordinera"}, ""},
	{"följer upp", []string{"följer", "följa"}, "upp"},
	{"redovisar", []string{"redovisar", "redovisa"}, ""},
	{"rapporterar", []string{"rapporterar", "rapportera"}, ""},
	{"presenterar", []string{"presenterar", "presentera"}, ""},
	{"utser", []string{"utser", "utse"}, ""},
	{"ser till", []string{"ser", "se"}, "till"},
	{"säkerställer", []string{"säkerställer", "säkerställa"}, ""},
	{"leder", []string{"leder", "leda"}, ""},
	{"bevakar", []string{"bevakar", "bevaka"}, ""},
	{"omvärldsbevakar", []string{"omvärldsbevakar", "omvärldsbevaka"}, ""},
	{"handlägger", []string{"handlägger", "handlägga"}, ""},
	{"hanterar", []string{"hanterar", "hantera"}, ""},
	{"stödjer", []string{"stödjer", "stöder", "stödja", "stötta", "stöttar"}, ""},
	{"erbjuder", []string{"erbjuder", "erbjuda"}, ""},
	{"utarbetar", []string{"utarbetar", "utarbeta"}, ""},
	{"upprättar", []string{"upprättar", "upprätta"}, ""},
	{"tar fram", []string{"tar", "ta"}, "fram"},
	{"sammanställer", []string{"sammanställer", "sammanställa"}, ""},
	{"gör en sammanställning", []string{"gör", "göra"}, "sammanställning"},
	{"godkänner", []string{"godkänner", "godkänna"}, ""},
	{"bereder", []string{"bereder", "bereda"}, ""},
	{"behandlar", []string{"behandlar", "behandla"}, ""},
	{"verkar för", []string{"verkar", "verka"}, "för"},
	{"utvärderar", []string{"utvärderar", "utvärdera"}, ""},
	{"reviderar", []string{"reviderar", "revidera"}, ""},
	{"anordnar", []string{"anordnar", "anordna"}, ""},
	{"arrangerar", []string{"arrangerar", "arrangera"}, ""},
	{"tillämpar", []string{"tillämpar", "tillämpa"}, ""},
	{"initierar", []string{"initierar", "initiera"}, ""},
	{"informerar", []string{"informerar", "informera"}, ""},
	{"prioriterar", []string{"prioriterar", "prioritera"}, ""},
	{"är samordnare för", []string{"är"}, "samordnare"},
	{"ger", []string{"ger"}, ""},
	{"delegerar", []string{"delegerar", "delegera"}, ""},
	{"uppdrar", []string{"uppdrar"}, ""},
	{"integrerar", []string{"integrerar"}, ""},
	{"anger", []string{"anger", "ange"}, ""},
	{"representerar", []string{"representerar", "representera"}, ""},
	{"företräder", []string{"företräder", "företräda"}, ""},
	{"prövar", []string{"prövar", "pröva"}, ""},
	{"omprövar", []string{"omprövar", "ompröva"}, ""},
	{"ser över", []string{"ser", "se"}, "över"},
	{"tecknar", []string{"tecknar", "teckna"}, ""},
	{"tar emot", []string{"tar", "ta"}, "emot"},
	{"svarar för", []string{"svarar", "svara"}, "för"},
	{"bistår", []string{"bistår", "bistå"}, ""},
	{"driver", []string{"driver", "driva"}, ""},
	{"tar initiativ till", []string{"tar", "ta"}, "initiativ"},
	{"genomför", []string{"genomför", "genomföra"}, ""},
	{"har till uppgift att", []string{"har"}, "uppgift"},
}

// passiveVerbs map passive forms ("samordnas av X") to the active lemma.
var passiveVerbs = map[string]string{
	"samordnas": "samordnar", "koordineras": "koordinerar", "leds": "leder",
	"handläggs": "handlägger", "hanteras": "hanterar", "behandlas": "behandlar",
	"bereds": "bereder", "fastställs": "fastställer", "antas": "antar",
	"beslutas": "beslutar om", "utses": "utser", "godkänns": "godkänner",
	"följs upp": "följer upp", "redovisas": "redovisar", "rapporteras": "rapporterar",
	"utvärderas": "utvärderar", "revideras": "reviderar", "sammanställs": "sammanställer",
	"utarbetas": "utarbetar", "upprättas": "upprättar", "ansvaras": "ansvarar för",
}

// nounVerbs turn a follow-up noun into the verb of the body that does it
// ("Uppföljning av strategin ska göras av kommunstyrelsen").
var nounVerbs = map[string]string{
	"uppföljning": "följer upp", "uppföljningen": "följer upp",
	"utvärdering": "utvärderar", "utvärderingen": "utvärderar",
	"revidering": "reviderar", "revideringen": "reviderar", "revision": "reviderar",
	"redovisning": "redovisar", "redovisningen": "redovisar",
	"rapportering": "rapporterar", "rapporteringen": "rapporterar",
	"samordning": "samordnar", "samordningen": "samordnar",
	"omprövning": "omprövar", "sammanställning": "sammanställer",
}

// followUpKeys are word prefixes (folded) that name a follow-up mechanism,
// with its category. Longer prefixes are tried first.
var followUpKeys = []struct{ Prefix, Category string }{
	{"verksamhetsberättelse", "redovisning"},
	{"revider", "revidering"},
	{"revidering", "revidering"},
	{"omprövning", "omprovning"},
	{"omprövas", "omprovning"},
	{"ompröva", "omprovning"},
	{"utvärder", "utvardering"},
	{"handlingsplan", "handlingsplan"},
	{"rapporter", "rapportering"},
	{"rapport", "rapportering"},
	{"sammanställer", "rapportering"},
	{"redovis", "redovisning"},
	{"uppföljning", "uppfoljning"},
	{"följa upp", "uppfoljning"},
	{"följas upp", "uppfoljning"},
	{"följs upp", "uppfoljning"},
	{"följer upp", "uppfoljning"},
	{"sammanställning", "uppfoljning"},
	{"översyn", "revidering"},
	{"ses över", "revidering"},
	{"aktualitetspröv", "omprovning"},
	{"aktualiser", "revidering"},
}

// intervalPhrase is one way Swedish says how often something happens.
type intervalPhrase struct {
	Pattern  string // regular expression on folded, lower-case text
	Interval string
}

// intervalPhrases map phrases to ISO 8601 durations or the interval
// constants. They are tried in order; the most specific come first.
var intervalPhrases = []intervalPhrase{
	{`(?:minst |högst )?(?:en gång )?(?:per|varje|var|under varje|i varje) mandatperiod`, "P4Y"},
	{`mandatperiodsvis|en gång per mandatperiod|inför (?:varje |ny )?mandatperiod|(?:under|varje|per|inom) (?:en |varje |ny |den nya )?mandatperiod(?:en)?`, "P4Y"},
	{`vart fjärde år|var fjärde år|vartfjärde år|fjärde varje år`, "P4Y"},
	{`vart tredje år|var tredje år`, "P3Y"},
	{`vartannat år|varannat år|vart annat år|vart andra år`, "P2Y"},
	{`halvårsvis|varje halvår|två gånger (?:per|om|varje) år|per halvår|halvårs(?:rapport|uppföljning)`, "P6M"},
	{`tertialvis|varje tertial|per tertial|tre gånger (?:per|om|varje) år`, "P4M"},
	{`kvartalsvis|varje kvartal|per kvartal|fyra gånger (?:per|om|varje) år`, "P3M"},
	{`månadsvis|varje månad|en gång i månaden|per månad`, "P1M"},
	{`årligen|årligt|årlig|årliga|årsvis|varje år|en gång (?:per|om|varje|i) år(?:et)?|per år|år för år|årsredovisning\w*|årsrapport\w*|årsbokslut\w*|årsberättelse\w*`, "P1Y"},
	{`vid behov|när behov uppstår|om behov finns|efter behov`, "as_needed"},
	{`löpande|fortlöpande|kontinuerligt|kontinuerlig|ständigt|fortlöpande`, "continuous"},
}

// themeKeywords map each theme of corpus.Themes to folded word prefixes or
// phrases that signal it. A theme needs two hits, or one in a heading; a
// phrase (with a space) or a word marked "!" counts as two.
var themeKeywords = map[string][]string{
	"extern finansiering":   {"extern finansiering", "externa finansiering", "extern projektfinansiering", "externfinansiering", "delfinansiering", "externa medel", "eu-medel", "eu-finansiering", "projektfinansiering", "medfinansier", "finansieringsgrad", "fonder och program", "strukturfond", "söka medel"},
	"kompetensutveckling":   {"kompetensutveckling", "kompetenshöj", "kunskaphöj", "kunskapshöj", "öka kompetensen", "högre kompetens", "utbildningstillfällen", "kompetensen", "kunskapsutbyte", "kunskapsöverföring", "erfarenhetsutbyte"},
	"verksamhetsutveckling": {"verksamhetsutveckling", "utveckla den kommunala verksamheten", "utveckla stadens verksamhet", "utveckling av stadens verksamhet", "utveckling av kommunens verksamhet", "utveckla verksamheten", "verksamhetsnytt"},
	"profilering":           {"profiler", "positioner", "marknadsför", "attraktionskraft", "varumärke", "exponera", "synliggöra"},
	"omvärldsbevakning":     {"omvärldsbevak", "omvärldsanalys", "omvärldsinformation", "bevaka och påverka omvärlden", "bevakar intressen", "bevaka omvärlden", "omvärldsutveckling"},
	"samverkan":             {"samverkan", "samverka", "omvärldssamverkan", "samarbeta", "samarbete", "samarbeten"},
	"påverkan":              {"påverkan", "påverka", "påverkansarbete", "intressebevakning", "lobby", "inflytande"},
	"EU-projekt":            {"eu-projekt", "internationella projekt", "europeiska projekt", "transnationella projekt", "eu-finansierade projekt", "eu- och internationella projekt", "internationellt finansierade projekt"},
	"nätverk":               {"nätverk"},
	"hållbar utveckling":    {"hållbar utveckling", "hållbar global utveckling", "hållbarhet", "hållbar tillväxt", "socialt hållbar", "hållbart synsätt", "hållbara"},
	"bistånd":               {"!bistånd"},
	"näringsliv":            {"näringsliv", "företagsetablering", "företagens internationalisering", "lokala företagens", "näringslivsutveckling"},
	"vänorter":              {"!vänort", "vänstad", "vänstäder", "vänkommun", "!vänskapsort", "vänskapsavtal", "twin cit", "sister cit"},
	"mångfald":              {"mångfald", "etnisk", "invandrargrupper", "interkulturell"},
	"internationella besök": {"internationella besök", "besöksförfrågningar", "delegationer", "delegation", "representationsverksamhet", "gästande", "besöksbedömning"},
}

// networkHeads are words that end (or make up) the name of an external
// network or organisation.
var networkHeads = []string{
	"Cities", "Union", "Forum", "Network", "Networks", "Metropoles", "Alliance",
	"Association", "Council", "Partnership", "Covenant", "Initiative", "Sweden",
	"Region", "Regions", "Eurocities", "Europe", "Committee", "Platform",
	"kommunalförbund", "Kommunalförbund", "Europaförening", "Europaföreningen",
	"Europakontor", "regionen", "förbundet", "föreningen",
}

// knownNetworks are well-known organisations and networks of Swedish and
// European local government, matched case-sensitively on whole words
// (acronyms in capitals). The name is reported as written.
var knownNetworks = []string{
	`Sveriges Kommuner och (?:Regioner|Landsting)`, `SKR`, `SKL`, `CEMR`, `CCRE`, `ICLEI`,
	`Covenant of Mayors`, `Borgmästaravtalet`, `Energy Cities`, `Climate Alliance`,
	`Assembly of European Regions`, `AER`, `CPMR`, `Eurotowns`, `POLIS`, `Nordic City Network`,
	`Europe Direct(?: \p{Lu}[\p{L}-]+)?`, `Europa Direkt(?: \p{Lu}[\p{L}-]+)?`,
	`Council of European Municipalities and Regions`, `Local Governments for Sustainability`,
	`Eurocities`, `EUROCITIES`, `Union of the Baltic Cities`, `UBC`, `CIVITAS`,
	`(?:WHO )?Healthy Cities`, `Intercultural Cities`, `ECCAR`, `ICORN`, `Mayors for Peace`,
	`Nordic Safe Cities`, `Strong Cities Network`, `C40`, `BSSSC`, `Baltic Metropoles`,
	`Nordens Välfärdscenter`, `Föreningen Norden`,
}

// networkIntro are folded phrases after which a list of network names
// follows ("medlemskap i organisationerna Eurocities, ...").
var networkIntro = []string{
	"medlemskap i organisationerna", "medlemskap i nätverken", "medlemskap i",
	"medlem i", "medlemmar i", "deltar i nätverken", "deltar i nätverket",
	"nätverk som", "organisationerna", "nätverken",
}

// twinIntro are folded words after which twin towns are listed.
var twinIntro = []string{"vänorter", "vänorterna", "vänort", "vänstäder", "vänstäderna", "vänkommuner",
	"vänstad", "vänkommun", "vänortsavtal", "vänortsavtalen", "vänortsförbindelser", "vänortsförbindelse",
	"vänskapsort", "vänskapsorter", "vänskapsorterna", "vänskapsavtal", "vänskapsstad", "vänskapsstäder",
	"vänskapskommun", "vänskapskommuner", "vänortsrelationer", "vänortsrelation"}

// regionNames are countries and regions, which follow "vänorter i" but
// are not twin towns ("vänorter i Norden").
var regionNames = []string{
	"Norden", "Skandinavien", "Europa", "Baltikum", "Östersjöregionen", "Barentsregionen",
	"Finland", "Norge", "Danmark", "Island", "Tyskland", "Polen", "Estland", "Lettland",
	"Litauen", "Ryssland", "Frankrike", "Storbritannien", "Nederländerna", "Kina", "Japan",
	"USA", "Afrika", "Asien", "Sydamerika", "Nordamerika", "Ukraina", "Italien", "Spanien",
}

// docTypeWords map words in a title or self-reference to a document type.
var docTypeWords = []struct{ Word, Type string }{
	{"riktlinjer", "riktlinjer"}, {"riktlinjerna", "riktlinjer"}, {"riktlinje", "riktlinjer"},
	{"strategi", "strategi"}, {"strategin", "strategi"}, {"strategier", "strategi"},
	{"policy", "policy"}, {"policyn", "policy"}, {"policys", "policy"},
	{"program", "program"}, {"programmet", "program"},
	{"plan", "plan"}, {"planen", "plan"}, {"handlingsplan", "plan"}, {"handlingsplanen", "plan"},
	{"verksamhetsplan", "plan"}, {"aktivitetsplan", "plan"}, {"åtgärdsplan", "plan"},
}

// adoptionWords begin a statement of adoption ("antogs av", "Fastställd av:").
var adoptionWords = []string{
	"antagen", "antaget", "antagna", "antogs", "antas", "fastställd", "fastställt",
	"fastställdes", "beslutad", "beslutat", "beslutades", "godkänd", "godkänt", "fastställda", "godkända",
	"godkändes", "fastställt/upprättad", "beslutsdatum", "antagandedatum",
}

// revisionWords begin a statement of revision.
var revisionWords = []string{"reviderad", "reviderat", "reviderades", "revision", "ändrad", "uppdaterad", "uppdaterat"}

// bodyWords are the bodies that adopt documents, for "Antagen av X".
var bodyWords = map[string]string{
	"kommunfullmäktige": "Kommunfullmäktige", "fullmäktige": "Kommunfullmäktige", "kf": "Kommunfullmäktige",
	"kommunstyrelsen": "Kommunstyrelsen", "ks": "Kommunstyrelsen", "kommunstyrelse": "Kommunstyrelsen",
	"regionfullmäktige": "Regionfullmäktige", "regionstyrelsen": "Regionstyrelsen",
	"landstingsfullmäktige": "Landstingsfullmäktige",
}

// metaLabels are the labels of a document's header table (a Markdown or
// HTML table, a DOCX table flattened onto lines, or "Label: value" rows),
// each with the field it fills: doctype, name, dnr, by (adopting body),
// date (decision date), valid (validity), validfrom, owner, revised,
// revise, applies, version, replaces. Longer labels are tried first.
var metaLabels = []struct{ Label, Key string }{
	{"dokumenttyp", "doctype"}, {"typ av dokument", "doctype"}, {"dokumentkategori", "doctype"},
	{"dokumentslag", "doctype"},
	{"dokumentnamn", "name"}, {"dokumenttitel", "name"}, {"dokumentets namn", "name"},
	{"namn på dokumentet", "name"}, {"dokumenttyp och beslutsinstans", "doctypeby"},
	{"beslutsinstans och dokumenttyp", "doctypeby"},
	{"diarienummer", "dnr"}, {"diarienr", "dnr"}, {"dnr", "dnr"}, {"ärendenummer", "dnr"},
	{"ärendenr", "dnr"}, {"beteckning", "dnr"},
	{"beslutad av", "by"}, {"beslutat av", "by"}, {"fastställd av", "by"}, {"fastställt av", "by"},
	{"antagen av", "by"}, {"antaget av", "by"}, {"antagna av", "by"}, {"beslutsinstans", "by"},
	{"beslutande instans", "by"}, {"beslutande organ", "by"}, {"beslutsfattare", "by"},
	{"godkänd av", "by"}, {"godkänt av", "by"}, {"beslutade av", "by"}, {"fastställda av", "by"},
	{"beslutsdatum", "date"}, {"datum för beslut", "date"}, {"datum för antagande", "date"},
	{"antagandedatum", "date"}, {"fastställelsedatum", "date"}, {"antagen", "date"},
	{"antaget", "date"}, {"fastställd", "date"}, {"fastställt", "date"}, {"beslutad", "date"},
	{"beslutat", "date"}, {"datum", "date"}, {"beslutsdag", "date"},
	{"dokumentet gäller till och med", "valid"}, {"gäller till och med", "valid"},
	{"giltig till och med", "valid"}, {"giltigt till och med", "valid"},
	{"gäller t.o.m.", "valid"}, {"giltig t.o.m.", "valid"}, {"gäller tom", "valid"},
	{"gäller till", "valid"}, {"giltig till", "valid"}, {"giltigt till", "valid"},
	{"giltighetstid", "valid"}, {"giltighetsperiod", "valid"}, {"giltighet", "valid"},
	{"gäller under perioden", "valid"},
	{"gäller från", "validfrom"}, {"giltig från", "validfrom"}, {"gäller fr.o.m.", "validfrom"},
	{"giltig fr.o.m.", "validfrom"}, {"ikraftträdande", "validfrom"},
	{"dokumentet gäller för", "applies"}, {"gäller för", "applies"}, {"omfattar", "applies"},
	{"gäller", "valid"}, {"giltig", "valid"},
	{"dokumentansvarig", "owner"}, {"dokumentägare", "owner"}, {"ansvarig för dokumentet", "owner"},
	{"ansvarig förvaltning", "owner"}, {"ansvarig enhet", "owner"}, {"processägare", "owner"},
	{"ägare", "owner"}, {"ansvarig verksamhet", "owner"}, {"ansvarig tjänsteman", "owner"},
	{"ansvarig", "owner"},
	{"senast reviderad", "revised"}, {"reviderad den", "revised"}, {"reviderad", "revised"},
	{"revisionsdatum", "revised"}, {"senast ändrad", "revised"},
	{"revideras senast", "revise"}, {"nästa revidering", "revise"}, {"revideras", "revise"},
	{"sammanträdesdatum", "meetingdate"}, {"sammanträde", "meetingdate"},
	{"version", "version"}, {"ersätter", "replaces"}, {"handläggare", "handler"},
}

// relatedHeading holds the (folded) headings web pages put over links to
// other pages and documents, next to or below the text itself.
var relatedHeading = map[string]bool{
	"las mer": true, "las aven": true, "se aven": true, "relaterat": true,
	"relaterade dokument": true, "relaterade sidor": true, "relaterade lankar": true,
	"andra styrdokument": true, "fler styrdokument": true,
}

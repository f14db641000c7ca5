package corpus

import "encoding/json"

// ModelSchema is the version tag of the model JSON contract
// (../shared/spec/model.md). Change it only with the contract.
const ModelSchema = "styrdok.model/1"

// Opt is a string that is encoded as JSON null when empty. The model
// contract uses null for "the text does not say".
type Opt string

// MarshalJSON encodes the empty string as null.
func (o Opt) MarshalJSON() ([]byte, error) {
	if o == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(o))
}

// UnmarshalJSON decodes null as the empty string.
func (o *Opt) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*o = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*o = Opt(s)
	return nil
}

// Section labels, the vocabulary of ModelSection.Label.
var SectionLabels = []string{
	"syfte", "mal", "inriktning", "strategier", "principer", "ansvar",
	"uppfoljning", "bakgrund", "definitioner", "bilaga", "ovrigt",
}

// Document types, the vocabulary of Model.DocumentType.
var DocumentTypes = []string{"strategi", "policy", "plan", "program", "riktlinjer"}

// Themes is the theme vocabulary of Model.Themes.
var Themes = []string{
	"extern finansiering", "kompetensutveckling", "verksamhetsutveckling",
	"profilering", "omvärldsbevakning", "samverkan", "påverkan", "EU-projekt",
	"nätverk", "hållbar utveckling", "bistånd", "näringsliv", "vänorter",
	"mångfald", "internationella besök",
}

// Follow-up categories, the vocabulary of FollowUp.Category.
var FollowUpCategories = []string{
	"revidering", "omprovning", "utvardering", "handlingsplan",
	"rapportering", "redovisning", "uppfoljning", "ovrigt",
}

// Interval values that are not ISO 8601 durations.
const (
	IntervalOnce        = "once"
	IntervalUnspecified = "unspecified"
	IntervalAsNeeded    = "as_needed"
	IntervalContinuous  = "continuous"
)

// Model is the structured model of one steering document, as printed by
// `styrdok extract --json`. Field names and shapes follow the contract in
// ../shared/spec/model.md; every fact carries its evidence sentence and the
// 1-based line of the raw input it starts on.
type Model struct {
	Schema              string          `json:"schema"`
	Source              string          `json:"source"`
	Municipality        Opt             `json:"municipality"`
	DocumentType        Opt             `json:"document_type"`
	Title               Opt             `json:"title"`
	Adopted             *Event          `json:"adopted"`
	Revisions           []Event         `json:"revisions"`
	Replaces            []Replaced      `json:"replaces"`
	ValidUntil          Opt             `json:"valid_until"`
	RegistrationNumbers []string        `json:"registration_numbers"`
	Sections            []ModelSection  `json:"sections"`
	Vision              Opt             `json:"vision"`
	Goals               []Goal          `json:"goals"`
	Actors              []Actor         `json:"actors"`
	FollowUp            []FollowUp      `json:"follow_up"`
	Themes              []string        `json:"themes"`
	Networks            []string        `json:"networks"`
	TwinCities          []string        `json:"twin_cities"`
	BoilerplateSpans    []LineRange     `json:"boilerplate_spans"`
	Evidence            map[string]Fact `json:"evidence,omitempty"`
}

// Fact is the evidence for a scalar field of the model (title, vision,
// valid_until, a theme, a network): the sentence it came from and its line.
type Fact struct {
	Evidence string `json:"evidence"`
	Line     int    `json:"line"`
}

// Event is a dated decision: an adoption or a revision.
type Event struct {
	Date     Opt    `json:"date"`
	By       Opt    `json:"by"`
	Evidence string `json:"evidence"`
	Line     int    `json:"line"`
}

// Replaced is an earlier document that this one replaces.
type Replaced struct {
	Title    Opt    `json:"title"`
	Date     Opt    `json:"date"`
	Evidence string `json:"evidence"`
	Line     int    `json:"line"`
}

// ModelSection is a section as the model contract lists it.
type ModelSection struct {
	Heading   string `json:"heading"`
	Label     string `json:"label"`
	StartLine int    `json:"start_line"`
	EndLine   int    `json:"end_line"`
}

// Goal is one stated aim of the document.
type Goal struct {
	Text         string `json:"text"`
	SectionLabel string `json:"section_label"`
	Line         int    `json:"line"`
}

// Actor is a body or role the document gives a task.
type Actor struct {
	Name             string           `json:"name"`
	Mentions         []string         `json:"mentions"`
	Responsibilities []Responsibility `json:"responsibilities"`
}

// Responsibility is one task assigned to an actor.
type Responsibility struct {
	Verb     string `json:"verb"`
	Object   string `json:"object"`
	Evidence string `json:"evidence"`
	Line     int    `json:"line"`
}

// FollowUp is a reporting, follow-up, evaluation or revision mechanism.
// Interval is an ISO 8601 duration (P1Y, P6M, P4Y) or one of the Interval
// constants; Due is a date for a one-off.
type FollowUp struct {
	What         string `json:"what"`
	Category     string `json:"category"`
	Who          Opt    `json:"who"`
	Interval     string `json:"interval"`
	IntervalText Opt    `json:"interval_text"`
	Due          Opt    `json:"due"`
	Evidence     string `json:"evidence"`
	Line         int    `json:"line"`
}

// NewModel returns an empty model for a source file, with every list
// non-nil so that the JSON shows [] rather than null.
func NewModel(source string) *Model {
	return &Model{
		Schema:              ModelSchema,
		Source:              source,
		Revisions:           []Event{},
		Replaces:            []Replaced{},
		RegistrationNumbers: []string{},
		Sections:            []ModelSection{},
		Goals:               []Goal{},
		Actors:              []Actor{},
		FollowUp:            []FollowUp{},
		Themes:              []string{},
		Networks:            []string{},
		TwinCities:          []string{},
		BoilerplateSpans:    []LineRange{},
	}
}

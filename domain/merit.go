package domain

import "time"

// Penilaian mandiri sistem merit (domain.md §5). The instrument is data:
// no official question texts, options or weights are known (M5), so the
// engine scores whatever instrument file is loaded, and asndesk ships
// structure files whose indicators are its own readiness checklist,
// labelled as not official. This file holds the types; the rules are in
// merit_rules.go and the instrument loader in merit_instrument.go.

// InstrumentStatus tells an official instrument from a draft.
type InstrumentStatus string

const (
	InstrumentResmi InstrumentStatus = "resmi" // loaded from an official lampiran
	InstrumentDraf  InstrumentStatus = "draf"  // asndesk's structure / readiness checklist, or a draft regulation
)

// Instrument is one version of an assessment instrument.
type Instrument struct {
	ID         string // stable id, e.g. "KASN-2019-LEGACY", "PANRB-19-2025"
	Version    string // e.g. "asndesk-1"; an assessment keeps the version it was made with
	Title      string
	Regulation string
	Status     InstrumentStatus
	// Notice is shown on every screen and report that uses the
	// instrument, e.g. "daftar periksa kesiapan asndesk — bukan instrumen resmi".
	Notice     string
	Aspects    []MeritAspect
	Indicators []MeritIndicator
	Levels     []MeritLevel // the answer scale, lowest first
	Score      ScoreRule
	Categories []MeritCategory // half-open bands on the total (M2), lowest first
	Index      IndexRule
}

// MeritAspect is one of the 8 aspects (or a sub-aspect, Parent set).
type MeritAspect struct {
	Code    string
	Name    string
	Aliases []string
	Parent  string  // code of the aspect this is a sub-aspect of; "" at the top
	Weight  float64 // share of the total; top-level weights sum to Score.WeightTotal
}

// MeritIndicator is one question / checklist item.
type MeritIndicator struct {
	Code          string
	Aspect        string // aspect (or sub-aspect) code
	Text          string
	Help          string   // guidance; also the suggested improvement action
	EvidenceHints []string // what proves the answer
	Weight        float64  // within its aspect; 0 = equal share
}

// MeritLevel is one step of the answer scale.
type MeritLevel struct {
	Value       float64 // the score of the level (legacy 1–4)
	Label       string
	Description string
}

// ScoreRule says how answers become the total: each aspect's score is the
// weighted mean of its indicators' level values; the total is
// Σ aspect weight × aspect score. Composite, when set, mixes the total
// with an employee-survey value (19/2025 draft: 75 % / 25 %).
type ScoreRule struct {
	WeightTotal float64 // the aspect weights sum to this (100 legacy, 1 for a 0–1 index)
	Min, Max    float64 // the total's range (100–400 legacy)
	Composite   *CompositeRule
}

// CompositeRule is NISM = Self% × maturity + Survey% × survey (draft).
type CompositeRule struct {
	SelfPercent   float64 // 75
	SurveyPercent float64 // 25
	SurveyLabel   string  // "Survei kepuasan dan keterikatan pegawai"
}

// MeritCategory is a result band: [Min, MaxExcl); the last band includes
// the maximum (M2).
type MeritCategory struct {
	Code               string // "I" … "IV", or "DASAR" …
	Label              string // "Buruk" …
	Min, MaxExcl       float64
	IndexBand          string // published band, e.g. "0,81 – 1"
	Consequence        string
	EvaluateEveryYears int // 1, 2; 0 = not stated
}

// IndexRule is the optional computed index (M3): it never re-derives the
// category. Formula "none", "score/400" or "(score-100)/300".
type IndexRule struct {
	Formula string
}

// MeritStage is where an assessment stands.
type MeritStage int

const (
	StageMandiri    MeritStage = iota + 1 // "Penilaian mandiri"
	StageVerifikasi                       // "Verifikasi"
	StagePerbaikan                        // "Perbaikan"
	StageFinal                            // "Final"
)

// MeritAssessment is one penilaian mandiri: the whole instansi (UnitID 0)
// or one unit preparing its part, for a year, with one instrument version.
type MeritAssessment struct {
	ID                uint64
	Year              int
	UnitID            uint64 // 0 = the whole instansi
	InstrumentID      string
	InstrumentVersion string
	Stage             MeritStage
	Team              []uint64               // account ids (Tim Merit)
	Koordinator       uint64                 // account id, one of Team
	Verifikator       []uint64               // account ids who verify
	Answers           map[string]MeritAnswer // by indicator code
	Actions           []MeritAction          // rencana perbaikan
	Survey            float64                // composite's survey value (0–1), when the instrument has one
	ReportedIndex     string                 // an index as reported by the verifier, kept as given (M3)
	Unlocks           []Unlock
	NextID            uint64 // ids of evidence and actions inside the assessment
	Created, Updated  time.Time
	FinalAt           time.Time
	FinalBy           string
	// Origin identifies an assessment received in a hand-over packet:
	// "<sending office>/<its id there>", kept so that the same assessment
	// sent again merges instead of being added twice. "" for one made here.
	Origin string
}

// MeritAnswer is the answer to one indicator.
type MeritAnswer struct {
	Level         float64 // self-assessed level value; 0 = not answered
	Justification string
	Evidence      []Bukti // files (kept like SKP bukti dukung) or references
	VerifiedLevel float64 // set in Verifikasi; 0 = not verified
	VerifierNote  string
	AnsweredBy    string
	Updated       time.Time
}

// PlanStatus is the state of an improvement action.
type PlanStatus int

const (
	PlanBelum   PlanStatus = iota + 1 // "Belum"
	PlanProses                        // "Dalam proses"
	PlanSelesai                       // "Selesai"
)

// MeritAction is one item of the rencana perbaikan.
type MeritAction struct {
	ID        uint64
	Indicator string // indicator code
	Text      string
	Owner     string
	Due       Date
	Status    PlanStatus
}

// CombineMode is how unit assessments make the instansi view.
type CombineMode string

const (
	CombineLowest  CombineMode = "TERENDAH" // per indicator the lowest unit level
	CombineAverage CombineMode = "RATA_RATA"
	CombineChosen  CombineMode = "UNIT_PILIHAN" // per indicator the level of a chosen unit
)

// MeritResult is the score of an assessment (self or verified).
type MeritResult struct {
	Total      float64
	Composite  float64 // when the instrument has a composite rule
	Category   MeritCategory
	HasCat     bool
	Index      float64 // computed index; NaN-free, 0 when formula "none"
	HasIndex   bool
	Aspects    []AspectResult
	Answered   int
	Verified   int // indicators with a verified level
	Indicators int
	Complete   bool // every indicator answered: only then is the total a score
}

// AspectResult is one aspect's part of a result.
type AspectResult struct {
	Code       string
	Name       string
	Score      float64 // weighted mean level of its answered indicators
	Answered   int
	Total      int
	NoEvidence int // answered without evidence
}

// MeritSettings are the office's settings of the merit assessment.
type MeritSettings struct {
	Combine           CombineMode
	DefaultInstrument string // id of the instrument new assessments start with
}

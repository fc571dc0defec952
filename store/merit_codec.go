package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"asndesk/domain"
)

// Stored forms of the merit assessment (bucket merit) and the merit
// settings (settings key "merit"). Like every record they carry "v" and
// spell out their keys, so that a change of a domain type does not change
// the file format silently. Evidence metadata is the same buktiRec the
// realisasi keeps; the bytes are in bucket bukti (bukti.go).

const (
	meritRecV    = 1
	meritSetRecV = 1
)

type meritAnswerRec struct {
	Level         float64    `json:"level,omitempty"`
	Justification string     `json:"justification,omitempty"`
	Evidence      []buktiRec `json:"evidence,omitempty"`
	VerifiedLevel float64    `json:"verified_level,omitempty"`
	VerifierNote  string     `json:"verifier_note,omitempty"`
	AnsweredBy    string     `json:"answered_by,omitempty"`
	Updated       time.Time  `json:"updated,omitzero"`
}

type meritActionRec struct {
	ID        uint64  `json:"id"`
	Indicator string  `json:"indicator"`
	Text      string  `json:"text"`
	Owner     string  `json:"owner,omitempty"`
	Due       isoDate `json:"due,omitzero"`
	Status    int     `json:"status"`
}

type meritRec struct {
	V                 int                       `json:"v"`
	ID                uint64                    `json:"id"`
	Year              int                       `json:"year"`
	UnitID            uint64                    `json:"unit_id,omitempty"`
	InstrumentID      string                    `json:"instrument_id"`
	InstrumentVersion string                    `json:"instrument_version"`
	Stage             int                       `json:"stage"`
	Team              []uint64                  `json:"team,omitempty"`
	Koordinator       uint64                    `json:"koordinator,omitempty"`
	Verifikator       []uint64                  `json:"verifikator,omitempty"`
	Answers           map[string]meritAnswerRec `json:"answers,omitempty"`
	Actions           []meritActionRec          `json:"actions,omitempty"`
	Survey            float64                   `json:"survey,omitempty"`
	ReportedIndex     string                    `json:"reported_index,omitempty"`
	Unlocks           []unlockRec               `json:"unlocks,omitempty"`
	NextID            uint64                    `json:"next_id,omitempty"`
	Created           time.Time                 `json:"created"`
	Updated           time.Time                 `json:"updated"`
	FinalAt           time.Time                 `json:"final_at,omitzero"`
	FinalBy           string                    `json:"final_by,omitempty"`
	Origin            string                    `json:"origin,omitempty"` // hand-over packet origin (paket.go)
}

func buktiToRec(bs []domain.Bukti) []buktiRec {
	if len(bs) == 0 {
		return nil
	}
	out := make([]buktiRec, len(bs))
	for i, b := range bs {
		out[i] = buktiRec{ID: b.ID, Kind: int(b.Kind), Name: b.Name, Size: b.Size, SHA256: b.SHA256, Added: b.Added,
			Ref: b.Ref, AddedBy: b.AddedBy}
	}
	return out
}

func buktiFromRec(rs []buktiRec) []domain.Bukti {
	if len(rs) == 0 {
		return nil
	}
	out := make([]domain.Bukti, len(rs))
	for i, b := range rs {
		out[i] = domain.Bukti{ID: b.ID, Kind: domain.BuktiKind(b.Kind), Name: b.Name, Size: b.Size, SHA256: b.SHA256,
			Added: b.Added, Ref: b.Ref, AddedBy: b.AddedBy}
	}
	return out
}

func encodeMerit(a domain.MeritAssessment) ([]byte, error) {
	r := meritRec{V: meritRecV, ID: a.ID, Year: a.Year, UnitID: a.UnitID, InstrumentID: a.InstrumentID,
		InstrumentVersion: a.InstrumentVersion, Stage: int(a.Stage), Team: slices.Clone(a.Team), Koordinator: a.Koordinator,
		Verifikator: slices.Clone(a.Verifikator), Survey: a.Survey, ReportedIndex: a.ReportedIndex, NextID: a.NextID,
		Created: a.Created, Updated: a.Updated, FinalAt: a.FinalAt, FinalBy: a.FinalBy, Origin: a.Origin}
	if len(a.Answers) > 0 {
		r.Answers = make(map[string]meritAnswerRec, len(a.Answers))
		for code, x := range a.Answers {
			r.Answers[code] = meritAnswerRec{Level: x.Level, Justification: x.Justification, Evidence: buktiToRec(x.Evidence),
				VerifiedLevel: x.VerifiedLevel, VerifierNote: x.VerifierNote, AnsweredBy: x.AnsweredBy, Updated: x.Updated}
		}
	}
	for _, x := range a.Actions {
		r.Actions = append(r.Actions, meritActionRec{ID: x.ID, Indicator: x.Indicator, Text: x.Text, Owner: x.Owner,
			Due: isoDate(x.Due), Status: int(x.Status)})
	}
	for _, u := range a.Unlocks {
		r.Unlocks = append(r.Unlocks, unlockRec(u))
	}
	return json.Marshal(r)
}

func decodeMerit(v []byte) (domain.MeritAssessment, error) {
	var r meritRec
	if err := json.Unmarshal(v, &r); err != nil {
		return domain.MeritAssessment{}, err
	}
	if r.V < 1 || r.V > meritRecV {
		return domain.MeritAssessment{}, fmt.Errorf("unknown merit record version %d", r.V)
	}
	a := domain.MeritAssessment{ID: r.ID, Year: r.Year, UnitID: r.UnitID, InstrumentID: r.InstrumentID,
		InstrumentVersion: r.InstrumentVersion, Stage: domain.MeritStage(r.Stage), Team: r.Team, Koordinator: r.Koordinator,
		Verifikator: r.Verifikator, Survey: r.Survey, ReportedIndex: r.ReportedIndex, NextID: r.NextID,
		Created: r.Created, Updated: r.Updated, FinalAt: r.FinalAt, FinalBy: r.FinalBy, Origin: r.Origin}
	if a.Stage.String() == "" {
		return domain.MeritAssessment{}, fmt.Errorf("unknown merit stage %d", r.Stage)
	}
	if len(r.Answers) > 0 {
		a.Answers = make(map[string]domain.MeritAnswer, len(r.Answers))
		for code, x := range r.Answers {
			a.Answers[code] = domain.MeritAnswer{Level: x.Level, Justification: x.Justification,
				Evidence: buktiFromRec(x.Evidence), VerifiedLevel: x.VerifiedLevel, VerifierNote: x.VerifierNote,
				AnsweredBy: x.AnsweredBy, Updated: x.Updated}
		}
	}
	for _, x := range r.Actions {
		a.Actions = append(a.Actions, domain.MeritAction{ID: x.ID, Indicator: x.Indicator, Text: x.Text, Owner: x.Owner,
			Due: domain.Date(x.Due), Status: domain.PlanStatus(x.Status)})
	}
	for _, u := range r.Unlocks {
		a.Unlocks = append(a.Unlocks, domain.Unlock(u))
	}
	return a, nil
}

type meritSettingsRec struct {
	V                 int    `json:"v"`
	Combine           string `json:"combine"`
	DefaultInstrument string `json:"default_instrument"`
}

func encodeMeritSettings(s domain.MeritSettings) ([]byte, error) {
	return json.Marshal(meritSettingsRec{V: meritSetRecV, Combine: string(s.Combine), DefaultInstrument: s.DefaultInstrument})
}

func decodeMeritSettings(v []byte) (domain.MeritSettings, error) {
	var r meritSettingsRec
	if err := json.Unmarshal(v, &r); err != nil {
		return domain.MeritSettings{}, err
	}
	if r.V < 1 || r.V > meritSetRecV {
		return domain.MeritSettings{}, fmt.Errorf("unknown merit settings version %d", r.V)
	}
	s := domain.MeritSettings{Combine: domain.CombineMode(r.Combine), DefaultInstrument: r.DefaultInstrument}
	if s.Combine.Label() == "" {
		return domain.MeritSettings{}, fmt.Errorf("unknown combine mode %q", r.Combine)
	}
	return s, nil
}

// instKey is the key of an imported instrument: id|0x00|version (ids hold
// no NUL, so the key splits unambiguously and one id's versions sort
// together).
func instKey(id, version string) []byte {
	k := make([]byte, 0, len(id)+1+len(version))
	k = append(k, id...)
	k = append(k, 0)
	return append(k, version...)
}

// parseInstKey splits an instKey; ok=false when it has no separator.
func parseInstKey(k []byte) (id, version string, ok bool) {
	for i, c := range k {
		if c == 0 {
			return string(k[:i]), string(k[i+1:]), i > 0 && i < len(k)-1
		}
	}
	return "", "", false
}

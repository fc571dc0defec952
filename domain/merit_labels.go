package domain

import (
	"math"
	"strconv"
	"strings"
)

// Labels of the merit enums as the screens print them (domain.md §5).

func (s MeritStage) String() string {
	switch s {
	case StageMandiri:
		return "Penilaian mandiri"
	case StageVerifikasi:
		return "Verifikasi"
	case StagePerbaikan:
		return "Perbaikan"
	case StageFinal:
		return "Final"
	}
	return ""
}

// MeritStages lists the stages in workflow order.
func MeritStages() []MeritStage {
	return []MeritStage{StageMandiri, StageVerifikasi, StagePerbaikan, StageFinal}
}

func (p PlanStatus) String() string {
	switch p {
	case PlanBelum:
		return "Belum"
	case PlanProses:
		return "Dalam proses"
	case PlanSelesai:
		return "Selesai"
	}
	return ""
}

// PlanStatuses lists the states of an improvement action in order.
func PlanStatuses() []PlanStatus { return []PlanStatus{PlanBelum, PlanProses, PlanSelesai} }

// Label is the mode as the settings screen shows it.
func (m CombineMode) Label() string {
	switch m {
	case CombineLowest:
		return "Terendah"
	case CombineAverage:
		return "Rata-rata"
	case CombineChosen:
		return "Unit pilihan"
	}
	return ""
}

// CombineModes lists the modes, the default first.
func CombineModes() []CombineMode { return []CombineMode{CombineLowest, CombineAverage, CombineChosen} }

// DefaultMeritSettings: the instansi view takes the lowest unit level per
// indicator (the cautious reading), and new assessments start with the
// PermenPANRB 19/2025 instrument (M1).
func DefaultMeritSettings() MeritSettings {
	return MeritSettings{Combine: CombineLowest, DefaultInstrument: "PANRB-19-2025"}
}

// FormatScore prints a score, weight or index the Indonesian way: decimal
// comma, at most 4 decimals, no trailing zeros ("342,5", "0,8225", "100").
func FormatScore(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	v = math.Round(v*1e4) / 1e4
	if v == 0 {
		v = 0 // no "-0"
	}
	return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
}

// CategoryText is the category as reports print it, "III Baik", or the
// label alone when code and label are the same word; "" without one.
func (r MeritResult) CategoryText() string {
	if !r.HasCat {
		return ""
	}
	if strings.EqualFold(r.Category.Code, r.Category.Label) {
		return r.Category.Label
	}
	return strings.TrimSpace(r.Category.Code + " " + r.Category.Label)
}

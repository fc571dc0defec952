package domain_test

import (
	"strconv"
	"testing"

	"asndesk/domain"
)

// benchInstrument: 8 aspects × 12 indicators, levels 1–4, legacy range.
func benchInstrument(tb testing.TB) domain.Instrument {
	in := domain.Instrument{ID: "BENCH", Version: "1", Title: "Bench", Status: domain.InstrumentResmi,
		Levels: []domain.MeritLevel{{Value: 1, Label: "1"}, {Value: 2, Label: "2"}, {Value: 3, Label: "3"}, {Value: 4, Label: "4"}},
		Score:  domain.ScoreRule{WeightTotal: 100, Min: 100, Max: 400},
		Categories: []domain.MeritCategory{{Code: "I", Label: "Buruk", Min: 100, MaxExcl: 175}, {Code: "II", Label: "Kurang", Min: 175, MaxExcl: 250},
			{Code: "III", Label: "Baik", Min: 250, MaxExcl: 325}, {Code: "IV", Label: "Sangat Baik", Min: 325, MaxExcl: 400}},
		Index: domain.IndexRule{Formula: domain.IndexScore400}}
	for a := 1; a <= 8; a++ {
		c := strconv.Itoa(a)
		in.Aspects = append(in.Aspects, domain.MeritAspect{Code: c, Name: "Aspek " + c, Weight: 12.5})
		for i := 1; i <= 12; i++ {
			in.Indicators = append(in.Indicators, domain.MeritIndicator{Code: c + "." + strconv.Itoa(i), Aspect: c, Text: "x"})
		}
	}
	if err := domain.ValidateInstrument(in); err != nil {
		tb.Fatal(err)
	}
	return in
}

// BenchmarkMeritScore: 5 unit assessments combined, then the self and the
// verified score of the combination (budget 2 ms per op).
func BenchmarkMeritScore(b *testing.B) {
	in := benchInstrument(b)
	units := make([]domain.MeritAssessment, 5)
	for u := range units {
		units[u] = domain.MeritAssessment{UnitID: uint64(u + 1), Year: 2026, Answers: map[string]domain.MeritAnswer{}}
		for i, x := range in.Indicators {
			ans := domain.MeritAnswer{Level: float64(1 + (i+u)%4), Justification: "ok"}
			if i%3 == 0 {
				ans.VerifiedLevel = float64(1 + (i+u+1)%4)
				ans.Evidence = []domain.Bukti{{ID: 1, Kind: domain.BuktiReferensi, Name: "SK"}}
			}
			units[u].Answers[x.Code] = ans
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		c := domain.Combine(in, units, domain.CombineLowest, nil)
		s := domain.Score(in, c, false)
		v := domain.Score(in, c, true)
		if !s.Complete || !v.HasCat {
			b.Fatal("incomplete")
		}
	}
}

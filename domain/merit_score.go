package domain

import (
	"math"
	"strings"
	"unicode/utf8"
)

// roundScore removes float noise (12,5 × 3 × 8 must be 300, not
// 299,99999999) before a total meets the half-open bands of M2.
func roundScore(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// answerLevel is the level Score reads: the verified level where set when
// verified, else the self-assessed one; 0 = not answered.
func answerLevel(a MeritAnswer, verified bool) float64 {
	if verified && a.VerifiedLevel > 0 {
		return a.VerifiedLevel
	}
	return a.Level
}

// Score computes the result of an assessment with its instrument.
//
//   - Each top-level aspect's score is the weighted mean of the levels of
//     its indicators, sub-aspects' indicators included (indicator weight
//     0 = equal shares), an unanswered indicator at the lowest level so a
//     partial total is never better than what can be shown; 0 when none
//     is answered.
//   - raw = Σ aspect weight × aspect score / weight_total is a mean level
//     (a partial total is provisional: sementara).
//   - The total maps raw linearly so that all-lowest answers give
//     score.min and all-highest give score.max: for the legacy file
//     (weights 12,5, levels 1–4, 100–400) total = Σ 12,5 × skor.
//   - With a composite rule, Composite = self% × total + survey% × the
//     survey value (0–1) placed on the same min..max range; the category
//     and index are then of the composite, else of the total.
//
// verified reads VerifiedLevel where set (else the self level). Complete
// is set only when every indicator is answered: only then is the total a
// score; screens show a partial total as sementara. Verified counts the
// indicators a verifier has checked: a verified result is final only when
// Verified == Indicators.
func Score(in Instrument, a MeritAssessment, verified bool) MeritResult {
	r := MeritResult{Indicators: len(in.Indicators)}
	if len(in.Levels) == 0 {
		return r
	}
	lmin, lmax := in.Levels[0].Value, in.Levels[len(in.Levels)-1].Value
	top := in.topOf()
	tops := in.TopAspects()
	pos := make(map[string]int, len(tops))
	sums := make([][2]float64, len(tops)) // Σ w×level, Σ w (unanswered at the lowest level)
	any := make([]bool, len(tops))        // an aspect with at least one answer
	r.Aspects = make([]AspectResult, len(tops))
	for i, t := range tops {
		pos[t.Code] = i
		r.Aspects[i] = AspectResult{Code: t.Code, Name: t.Name}
	}
	for _, x := range in.Indicators {
		i, ok := pos[top[x.Aspect]]
		if !ok {
			continue
		}
		ar := &r.Aspects[i]
		ar.Total++
		w := x.Weight
		if w == 0 {
			w = 1
		}
		ans := a.Answers[x.Code]
		l := answerLevel(ans, verified)
		// What is not answered counts at the lowest level: a partial
		// total is what the office can show now, never better.
		if l > 0 {
			sums[i][0] += w * l
			any[i] = true
		} else {
			sums[i][0] += w * lmin
		}
		sums[i][1] += w
		if l > 0 {
			ar.Answered++
			r.Answered++
		}
		if ans.VerifiedLevel > 0 {
			r.Verified++
		}
		if l > 0 && len(ans.Evidence) == 0 {
			ar.NoEvidence++
		}
	}
	raw := 0.0
	for i, t := range tops {
		s := lmin
		if sums[i][1] > 0 {
			s = sums[i][0] / sums[i][1]
		}
		if any[i] {
			r.Aspects[i].Score = roundScore(s)
		}
		raw += t.Weight * s
	}
	if in.Score.WeightTotal > 0 {
		raw /= in.Score.WeightTotal
	}
	span := in.Score.Max - in.Score.Min
	if lmax > lmin {
		r.Total = roundScore(in.Score.Min + (raw-lmin)/(lmax-lmin)*span)
	} else {
		r.Total = in.Score.Max
	}
	r.Complete = r.Indicators > 0 && r.Answered == r.Indicators
	base := r.Total
	if c := in.Score.Composite; c != nil {
		survey := in.Score.Min + a.Survey*span
		r.Composite = roundScore((c.SelfPercent*r.Total + c.SurveyPercent*survey) / 100)
		base = r.Composite
	}
	r.Category, r.HasCat = in.Category(base)
	r.Index, r.HasIndex = in.ComputeIndex(base)
	return r
}

// Combine makes the instansi view from unit assessments, indicator by
// indicator, ignoring units that have not answered it: CombineLowest takes
// the lowest level, CombineAverage the mean (a view, not necessarily one
// of the scale's values), CombineChosen the level of the unit chosen for
// the indicator in chosen (indicator code → unit id; an indicator without
// a choice takes the lowest; a chosen unit that has not answered leaves it
// unanswered). Self and verified levels are combined separately (a unit
// not verified counts with its self level once any unit is verified).
// Evidence and justifications of the units that count are kept. The
// result has UnitID 0 and no id; it is computed, never stored.
func Combine(in Instrument, units []MeritAssessment, mode CombineMode, chosen map[string]uint64) MeritAssessment {
	out := MeritAssessment{InstrumentID: in.ID, InstrumentVersion: in.Version, Stage: StageMandiri,
		Answers: make(map[string]MeritAnswer, len(in.Indicators))}
	if len(units) > 0 {
		out.Year = units[0].Year
	}
	var surveys []float64
	for _, u := range units {
		if u.Survey > 0 {
			surveys = append(surveys, u.Survey)
		}
	}
	out.Survey = combineValues(surveys, mode)
	levels := make([]float64, 0, len(units))
	vlevels := make([]float64, 0, len(units))
	for _, x := range in.Indicators {
		var from []int
		if mode == CombineChosen {
			if id, ok := chosen[x.Code]; ok {
				for i, u := range units {
					if u.UnitID == id && u.Answers[x.Code].Level > 0 {
						from = append(from, i)
					}
				}
				if len(from) == 0 {
					continue
				}
			}
		}
		if from == nil {
			for i, u := range units {
				if u.Answers[x.Code].Level > 0 {
					from = append(from, i)
				}
			}
		}
		if len(from) == 0 {
			continue
		}
		levels, vlevels = levels[:0], vlevels[:0]
		anyVerified := false
		var ans MeritAnswer
		var just []string
		for _, i := range from {
			u := units[i].Answers[x.Code]
			levels = append(levels, u.Level)
			vlevels = append(vlevels, answerLevel(u, true))
			anyVerified = anyVerified || u.VerifiedLevel > 0
			if s := strings.TrimSpace(u.Justification); s != "" {
				just = append(just, s)
			}
			ans.Evidence = append(ans.Evidence, u.Evidence...)
			if u.Updated.After(ans.Updated) {
				ans.Updated = u.Updated
			}
		}
		m := mode
		if m == CombineChosen {
			m = CombineLowest // one unit, or the lowest when no choice
		}
		ans.Level = combineValues(levels, m)
		if anyVerified {
			ans.VerifiedLevel = combineValues(vlevels, m)
		}
		ans.Justification = strings.Join(just, "\n")
		out.Answers[x.Code] = ans
	}
	return out
}

func combineValues(vs []float64, mode CombineMode) float64 {
	if len(vs) == 0 {
		return 0
	}
	if mode == CombineAverage || mode == CombineChosen {
		s := 0.0
		for _, v := range vs {
			s += v
		}
		return roundScore(s / float64(len(vs)))
	}
	m := vs[0]
	for _, v := range vs[1:] {
		m = min(m, v)
	}
	return m
}

// SuggestActions proposes rencana perbaikan: one action for each answered
// indicator whose level (verified where set) is below the scale's third
// level and that has no action yet; the text is the indicator's Help (its
// guidance doubles as the improvement), status Belum. nextID gives ids.
func SuggestActions(in Instrument, a MeritAssessment, nextID func() uint64) []MeritAction {
	if len(in.Levels) < 3 {
		return nil
	}
	bar := in.Levels[2].Value
	has := map[string]bool{}
	for _, x := range a.Actions {
		has[x.Indicator] = true
	}
	var out []MeritAction
	for _, x := range in.Indicators {
		l := answerLevel(a.Answers[x.Code], true)
		if l <= 0 || l >= bar-valueEps || has[x.Code] {
			continue
		}
		text := strings.TrimSpace(x.Help)
		if text == "" {
			text = "Tingkatkan: " + x.Text
		}
		out = append(out, MeritAction{ID: nextID(), Indicator: x.Code, Text: text, Status: PlanBelum})
	}
	return out
}

// Text limits of an answer.
const (
	MaxMeritText  = 2000 // justification, verifier note, action text
	maxMeritShort = 200  // owner
)

// ValidateAnswer checks one answer: the indicator exists; the level and
// the verified level are 0 (not answered / not verified) or one of the
// instrument's level values; justification and verifier note at most
// 2000 characters.
func ValidateAnswer(in Instrument, code string, ans MeritAnswer) error {
	x, ok := in.Indicator(code)
	if !ok {
		return &Error{Code: EINVALID, Field: "indikator", Message: "Indikator " + code + " tidak ada di instrumen " + in.ID + " " + in.Version + "."}
	}
	check := func(v float64, field, what string) error {
		if v == 0 {
			return nil
		}
		if _, ok := in.Level(v); ok {
			return nil
		}
		var vals []string
		for _, l := range in.Levels {
			vals = append(vals, FormatScore(l.Value)+" "+l.Label)
		}
		return &Error{Code: EINVALID, Field: field, Message: what + " " + FormatScore(v) + " bukan tingkat skala instrumen ini (" + strings.Join(vals, ", ") + ")."}
	}
	if err := check(ans.Level, "tingkat", "Tingkat indikator "+x.Code); err != nil {
		return err
	}
	if err := check(ans.VerifiedLevel, "tingkat_verifikasi", "Tingkat hasil verifikasi indikator "+x.Code); err != nil {
		return err
	}
	if utf8.RuneCountInString(ans.Justification) > MaxMeritText {
		return &Error{Code: EINVALID, Field: "penjelasan", Message: "Penjelasan paling banyak 2000 karakter."}
	}
	if utf8.RuneCountInString(ans.VerifierNote) > MaxMeritText {
		return &Error{Code: EINVALID, Field: "catatan_verifikasi", Message: "Catatan verifikasi paling banyak 2000 karakter."}
	}
	return nil
}

// ValidateAction checks one item of the rencana perbaikan.
func ValidateAction(in Instrument, x MeritAction) error {
	if _, ok := in.Indicator(x.Indicator); !ok {
		return &Error{Code: EINVALID, Field: "indikator", Message: "Rencana perbaikan harus menyebut indikator instrumen ini."}
	}
	t := strings.TrimSpace(x.Text)
	if t == "" {
		return &Error{Code: EINVALID, Field: "tindakan", Message: "Tuliskan tindakan perbaikannya."}
	}
	if utf8.RuneCountInString(t) > MaxMeritText {
		return &Error{Code: EINVALID, Field: "tindakan", Message: "Tindakan perbaikan paling banyak 2000 karakter."}
	}
	if utf8.RuneCountInString(x.Owner) > maxMeritShort {
		return &Error{Code: EINVALID, Field: "penanggung_jawab", Message: "Penanggung jawab paling banyak 200 karakter."}
	}
	switch x.Status {
	case PlanBelum, PlanProses, PlanSelesai:
	default:
		return &Error{Code: EINVALID, Field: "status", Message: "Status rencana perbaikan tidak dikenal."}
	}
	return nil
}

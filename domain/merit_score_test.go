package domain_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"asndesk/domain"
)

// answerAll answers every indicator with level(i), evidence on even ones.
func answerAll(in domain.Instrument, level func(i int) float64) map[string]domain.MeritAnswer {
	m := map[string]domain.MeritAnswer{}
	for i, x := range in.Indicators {
		a := domain.MeritAnswer{Level: level(i)}
		if i%2 == 0 {
			a.Evidence = []domain.Bukti{{ID: uint64(i + 1), Kind: domain.BuktiReferensi, Name: "SK", Ref: "800/1"}}
		}
		m[x.Code] = a
	}
	return m
}

func TestScoreLegacy(t *testing.T) {
	t.Parallel()
	in := shipped(t, "KASN-2019-LEGACY")
	for _, c := range []struct {
		name  string
		level func(i int) float64
		total float64
		cat   string
	}{
		{"all lowest", func(int) float64 { return 1 }, 100, "I"},
		{"all highest", func(int) float64 { return 4 }, 400, "IV"},
		{"all 2", func(int) float64 { return 2 }, 200, "II"},
		{"all 3", func(int) float64 { return 3 }, 300, "III"},
		// 17 × 4 + 23 × 3 = 137 level points = Σ 12,5 × 27,4 = 342,5
		{"342,5", func(i int) float64 {
			if i < 17 {
				return 4
			}
			return 3
		}, 342.5, "IV"},
	} {
		r := domain.Score(in, domain.MeritAssessment{Answers: answerAll(in, c.level)}, false)
		if !r.Complete || r.Total != c.total || !r.HasCat || r.Category.Code != c.cat || r.Answered != 40 || r.Indicators != 40 {
			t.Errorf("%s: total %v cat %q complete %v answered %d", c.name, r.Total, r.Category.Code, r.Complete, r.Answered)
		}
		if !r.HasIndex || math.Abs(r.Index-c.total/400) > 1e-12 {
			t.Errorf("%s: index %v", c.name, r.Index)
		}
		if len(r.Aspects) != 8 || r.Aspects[0].Total != 5 || r.Aspects[0].Answered != 5 || r.Aspects[0].NoEvidence != 2 {
			t.Errorf("%s: aspect %+v", c.name, r.Aspects[0])
		}
	}
}

func TestScorePartialAndVerified(t *testing.T) {
	t.Parallel()
	in := shipped(t, "KASN-2019-LEGACY")
	a := domain.MeritAssessment{Answers: map[string]domain.MeritAnswer{}}
	// Only aspect 1 answered, all 4: the other seven count at level 1.
	// (An unanswered indicator inside an answered aspect counts at level 1
	// too: see TestScoreUnansweredCountsLowest.)
	for _, x := range in.AspectIndicators("1") {
		a.Answers[x.Code] = domain.MeritAnswer{Level: 4}
	}
	a.Answers["2.1"] = domain.MeritAnswer{} // present, not answered
	r := domain.Score(in, a, false)
	if r.Complete || r.Answered != 5 || r.Total != 137.5 || r.Aspects[0].Score != 4 || r.Aspects[1].Score != 0 || r.Aspects[1].Answered != 0 {
		t.Errorf("partial: %+v", r)
	}
	if r.Aspects[0].NoEvidence != 5 {
		t.Errorf("no evidence %d", r.Aspects[0].NoEvidence)
	}
	// Everything 3 self; the verifier lowers aspect 8 to 1 on all of it.
	a.Answers = answerAll(in, func(int) float64 { return 3 })
	for _, x := range in.AspectIndicators("8") {
		ans := a.Answers[x.Code]
		ans.VerifiedLevel = 1
		a.Answers[x.Code] = ans
	}
	self, ver := domain.Score(in, a, false), domain.Score(in, a, true)
	// Only aspect 8 is verified: the verified result is provisional and
	// counts the verified indicators; the rest stand at their self level.
	if self.Total != 300 || ver.Total != 275 || self.Category.Code != "III" || ver.Category.Code != "III" || !self.Complete ||
		ver.Verified != len(in.AspectIndicators("8")) || ver.Verified == ver.Indicators {
		t.Errorf("self %v verified %v (%d of %d verified)", self.Total, ver.Total, ver.Verified, ver.Indicators)
	}
	if ver.Aspects[7].Score != 1 || ver.Aspects[6].Score != 3 {
		t.Errorf("verified aspects %+v", ver.Aspects)
	}
}

func TestScoreWeightsAndComposite(t *testing.T) {
	t.Parallel()
	in, err := domain.ParseInstrument([]byte(officialStyle))
	if err != nil {
		t.Fatal(err)
	}
	// A1 (weight 2) at 1, A2 (weight 1) at 0,25: A = 0,75; B1, B2 at 0,5: B = 0,5.
	// mean level 0,6 × 0,75 + 0,4 × 0,5 = 0,65 → total (0,65 − 0,25) / 0,75 = 0,5333…
	a := domain.MeritAssessment{Survey: 0.8, Answers: map[string]domain.MeritAnswer{
		"A1": {Level: 1}, "A2": {Level: 0.25}, "B1": {Level: 0.5}, "B2": {Level: 0.5}}}
	r := domain.Score(in, a, false)
	if r.Aspects[0].Score != 0.75 || r.Aspects[1].Score != 0.5 || len(r.Aspects) != 2 {
		t.Errorf("aspects %+v", r.Aspects)
	}
	if math.Abs(r.Total-0.533333) > 1e-6 || math.Abs(r.Composite-(0.75*0.533333+0.25*0.8)) > 1e-6 {
		t.Errorf("total %v composite %v", r.Total, r.Composite)
	}
	if r.Category.Code != "T" || r.HasIndex {
		t.Errorf("category %q of the composite %v; index %v", r.Category.Code, r.Composite, r.HasIndex)
	}
	// 19/2025 draft: all Maju with a full survey is 1, Maju.
	cur := shipped(t, "PANRB-19-2025")
	full := domain.Score(cur, domain.MeritAssessment{Survey: 1, Answers: answerAll(cur, func(int) float64 { return 1 })}, false)
	if full.Total != 1 || full.Composite != 1 || full.Category.Code != "MAJU" || !full.Complete {
		t.Errorf("19/2025 all Maju: %+v", full)
	}
	low := domain.Score(cur, domain.MeritAssessment{Answers: answerAll(cur, func(int) float64 { return 0.2 })}, false)
	if low.Total != 0 || low.Composite != 0 || low.Category.Code != "DASAR" {
		t.Errorf("19/2025 all Dasar: %v %v %q", low.Total, low.Composite, low.Category.Code)
	}
}

func TestCombine(t *testing.T) {
	t.Parallel()
	in := shipped(t, "KASN-2019-LEGACY")
	unit := func(id uint64, lv float64, skip string) domain.MeritAssessment {
		a := domain.MeritAssessment{UnitID: id, Year: 2025, Answers: answerAll(in, func(int) float64 { return lv })}
		delete(a.Answers, skip)
		return a
	}
	us := []domain.MeritAssessment{unit(10, 2, "1.1"), unit(20, 4, ""), unit(30, 3, "1.2")}
	us[1].Answers["1.3"] = domain.MeritAnswer{Level: 4, VerifiedLevel: 1}
	low := domain.Combine(in, us, domain.CombineLowest, nil)
	avg := domain.Combine(in, us, domain.CombineAverage, nil)
	ch := domain.Combine(in, us, domain.CombineChosen, map[string]uint64{"1.1": 10, "1.2": 30, "2.1": 30, "3.1": 99})
	for _, c := range []struct {
		name      string
		a         domain.MeritAssessment
		code      string
		level, vl float64
		answered  bool
	}{
		{"lowest", low, "1.1", 3, 0, true}, // unit 10 has not answered: ignored
		{"lowest", low, "2.1", 2, 0, true},
		{"lowest", low, "1.3", 2, 1, true}, // verified: 2 (self of 10), 1, 3
		{"average", avg, "1.1", 3.5, 0, true},
		{"average", avg, "2.1", 3, 0, true},
		{"average", avg, "1.3", 3, 2, true},
		{"chosen", ch, "1.1", 0, 0, false}, // the chosen unit has not answered
		{"chosen", ch, "2.1", 3, 0, true},
		{"chosen", ch, "3.1", 0, 0, false}, // no such unit
		{"chosen", ch, "4.1", 2, 0, true},  // no choice: lowest
	} {
		got, ok := c.a.Answers[c.code]
		if ok != c.answered || got.Level != c.level || got.VerifiedLevel != c.vl {
			t.Errorf("%s %s: %v/%v (%v), want %v/%v", c.name, c.code, got.Level, got.VerifiedLevel, ok, c.level, c.vl)
		}
	}
	if low.UnitID != 0 || low.Year != 2025 || low.InstrumentID != in.ID {
		t.Errorf("combined header %+v", low)
	}
	if r := domain.Score(in, low, false); !r.Complete || r.Total != 202.5 { // 1.1 at 3: aspect 1 = 2,2
		t.Errorf("lowest total %v complete %v", r.Total, r.Complete)
	}
	if n := len(low.Answers["2.1"].Evidence); n != 0 {
		t.Errorf("2.1 evidence %d", n) // odd index: no evidence in answerAll
	}
	if n := len(low.Answers["1.5"].Evidence); n != 3 {
		t.Errorf("1.5 keeps the units' evidence: %d", n)
	}
}

func TestSuggestActions(t *testing.T) {
	t.Parallel()
	in := shipped(t, "KASN-2019-LEGACY")
	a := domain.MeritAssessment{Answers: answerAll(in, func(i int) float64 { return float64(1 + i%4) })}
	a.Actions = []domain.MeritAction{{ID: 1, Indicator: "1.1", Text: "sudah"}}
	ans := a.Answers["1.3"] // self 3, verified 2: below the third level
	ans.VerifiedLevel = 2
	a.Answers["1.3"] = ans
	id := uint64(100)
	got := domain.SuggestActions(in, a, func() uint64 { id++; return id })
	codes := map[string]bool{}
	for _, x := range got {
		codes[x.Indicator] = true
		ind, _ := in.Indicator(x.Indicator)
		if x.Text != ind.Help || x.Status != domain.PlanBelum || x.ID <= 100 {
			t.Errorf("action %+v", x)
		}
		if err := domain.ValidateAction(in, x); err != nil {
			t.Error(err)
		}
	}
	if codes["1.1"] || !codes["1.2"] || !codes["1.3"] || codes["1.4"] || !codes["1.5"] {
		t.Errorf("suggested for %v", codes)
	}
}

func TestValidateAnswer(t *testing.T) {
	t.Parallel()
	in := shipped(t, "KASN-2019-LEGACY")
	cur := shipped(t, "PANRB-19-2025")
	for _, c := range []struct {
		in    domain.Instrument
		code  string
		ans   domain.MeritAnswer
		field string // "" = valid
	}{
		{in, "1.1", domain.MeritAnswer{Level: 4}, ""},
		{in, "1.1", domain.MeritAnswer{}, ""},
		{in, "1.1", domain.MeritAnswer{Level: 5}, "tingkat"},
		{in, "1.1", domain.MeritAnswer{Level: 2.5}, "tingkat"},
		{in, "1.1", domain.MeritAnswer{Level: -1}, "tingkat"},
		{in, "1.1", domain.MeritAnswer{Level: 3, VerifiedLevel: 0.5}, "tingkat_verifikasi"},
		{in, "9.9", domain.MeritAnswer{Level: 3}, "indikator"},
		{in, "1.1", domain.MeritAnswer{Level: 3, Justification: strings.Repeat("é", 2000)}, ""},
		{in, "1.1", domain.MeritAnswer{Level: 3, Justification: strings.Repeat("x", 2001)}, "penjelasan"},
		{in, "1.1", domain.MeritAnswer{Level: 3, VerifierNote: strings.Repeat("x", 2001)}, "catatan_verifikasi"},
		{cur, "7.1.1", domain.MeritAnswer{Level: 0.6}, ""},
		{cur, "7.1.1", domain.MeritAnswer{Level: 3}, "tingkat"},
	} {
		err := domain.ValidateAnswer(c.in, c.code, c.ans)
		var e *domain.Error
		if c.field == "" && err != nil || c.field != "" && (!errors.As(err, &e) || e.Field != c.field) {
			t.Errorf("%s %+v: %v, want field %q", c.code, c.ans.Level, err, c.field)
		}
	}
	err := domain.ValidateAnswer(in, "1.1", domain.MeritAnswer{Level: 5})
	if !strings.Contains(domain.ErrorMessage(err), "1 Belum ada, 2 Sebagian, 3 Berjalan, 4 Ideal") {
		t.Errorf("message %q names the scale", domain.ErrorMessage(err))
	}
}

func TestFormatScore(t *testing.T) {
	t.Parallel()
	for v, want := range map[float64]string{342.5: "342,5", 0.8225: "0,8225", 100: "100", 12.857142857142858: "12,8571", -0.00001: "0"} {
		if got := domain.FormatScore(v); got != want {
			t.Errorf("%v → %q, want %q", v, got, want)
		}
	}
}

// A partial total is never better than what the office can show: an
// unanswered indicator counts at the lowest level, also inside an aspect
// that has answers.
func TestScoreUnansweredCountsLowest(t *testing.T) {
	t.Parallel()
	in := shipped(t, "KASN-2019-LEGACY")
	xs := in.AspectIndicators("1")
	a := domain.MeritAssessment{Answers: map[string]domain.MeritAnswer{xs[0].Code: {Level: 4}, xs[1].Code: {Level: 4}}}
	r := domain.Score(in, a, false)
	// Aspect 1: (4 + 4 + 1 + 1 + 1) / 5 = 2,2; the others 1.
	if r.Aspects[0].Score != 2.2 || r.Total != 12.5*2.2+7*12.5 || r.Complete {
		t.Errorf("partial aspect: %+v total %v", r.Aspects[0], r.Total)
	}
}

func TestCategoryText(t *testing.T) {
	for _, tc := range []struct {
		r    domain.MeritResult
		want string
	}{
		{domain.MeritResult{}, ""},
		{domain.MeritResult{HasCat: true, Category: domain.MeritCategory{Code: "III", Label: "Baik"}}, "III Baik"},
		{domain.MeritResult{HasCat: true, Category: domain.MeritCategory{Code: "Baik", Label: "baik"}}, "baik"},
	} {
		if got := tc.r.CategoryText(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.r.Category, got, tc.want)
		}
	}
}

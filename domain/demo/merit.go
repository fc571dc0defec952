package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"asndesk/domain"
)

// meritStream is the second PCG word of the merit generator, so that its
// draws never disturb the office's or the performance cycle's.
const meritStream = 0x6d65726974 // "merit"

// GenerateMerit builds, deterministically for its arguments, the demo
// office's penilaian mandiri sistem merit with the instrument in:
//
//   - Last year (id 1): the instansi assessment, Final: every indicator
//     answered with a justification, about a quarter lowered by the
//     verifikator (with a note), evidence as references only (nomor
//     dokumen, never a fake file) on most answers, and a rencana perbaikan
//     for each indicator verified below the scale's third level (the
//     indicator's help as the action, owned by the kepegawaian unit, due in
//     the current year, its status following the due date).
//   - This year (id 2): the instansi assessment in Penilaian mandiri, about
//     half of the indicators answered, a few with evidence.
//
// The team is the "merit" account as koordinator, with "admin" as
// verifikator, when accounts (username → account id) holds them; else the
// team is empty. Times are derived from dates, clipped to today; nothing
// reads the clock. The instrument's survey value (when it has a composite
// rule) is set for last year only.
func GenerateMerit(units []domain.UnitNode, accounts map[string]uint64, in domain.Instrument, today domain.Date) []domain.MeritAssessment {
	if len(in.Levels) == 0 || len(in.Indicators) == 0 {
		return nil
	}
	g := meritGen{in: in, today: today, owner: meritOwner(units)}
	if id, ok := accounts["merit"]; ok && id != 0 {
		g.team, g.koord, g.by = []uint64{id}, id, "merit"
	}
	if id, ok := accounts["admin"]; ok && id != 0 {
		g.verif, g.verifBy = []uint64{id}, "admin"
	}
	if g.by == "" {
		g.by = "tim merit"
	}
	if g.verifBy == "" {
		g.verifBy = "verifikator"
	}
	return []domain.MeritAssessment{g.last(), g.current()}
}

type meritGen struct {
	in      domain.Instrument
	today   domain.Date
	owner   string
	team    []uint64
	koord   uint64
	verif   []uint64
	by      string // AnsweredBy / AddedBy
	verifBy string
}

// meritOwner is the unit that owns the improvement actions: the
// kepegawaian unit, else the secretariat, else the top unit.
func meritOwner(units []domain.UnitNode) string {
	for _, key := range []string{"Kepegawaian", "Sekretariat"} {
		for _, u := range units {
			if strings.Contains(u.Name, key) {
				return u.Name
			}
		}
	}
	for _, u := range units {
		if u.ParentID == 0 && u.Name != "" {
			return u.Name
		}
	}
	return "Tim Merit"
}

func (g *meritGen) rng(year int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(year)*0x9e3779b97f4a7c15^uint64(len(g.in.Indicators)), meritStream))
}

func (g *meritGen) clip(t time.Time) time.Time {
	if end := g.today.Time().Add(17 * time.Hour); t.After(end) {
		return end
	}
	return t
}

func (g *meritGen) base(id uint64, year int, created domain.Date) domain.MeritAssessment {
	return domain.MeritAssessment{ID: id, Year: year, InstrumentID: g.in.ID, InstrumentVersion: g.in.Version,
		Team: append([]uint64(nil), g.team...), Koordinator: g.koord, Verifikator: append([]uint64(nil), g.verif...),
		Answers: map[string]domain.MeritAnswer{}, Created: g.clip(at(created, 9))}
}

// drawLevel picks an index into the scale, leaning to the middle and upper
// levels (an office that has started preparing).
func drawLevel(r *rand.Rand, n int) int {
	mid := n / 2 // 2 of 1–4, Menengah of Dasar…Maju
	x := r.IntN(100)
	switch {
	case x < 5:
		return 0
	case x < 25:
		return min(1, n-1)
	case x < 70:
		return mid
	}
	return min(mid+1+r.IntN(max(n-mid-1, 1)), n-1)
}

func (g *meritGen) justification(x domain.MeritIndicator, l domain.MeritLevel, withEvidence bool) string {
	s := "Kondisi saat ini: " + strings.TrimSuffix(l.Description, ".") + "."
	if withEvidence && len(x.EvidenceHints) > 0 {
		s += " Bukti dukung: " + strings.TrimSuffix(x.EvidenceHints[0], ".") + "."
	}
	return s
}

func (g *meritGen) evidence(a *domain.MeritAssessment, x domain.MeritIndicator, n int, year int, added time.Time) []domain.Bukti {
	hints := x.EvidenceHints
	if len(hints) == 0 {
		hints = []string{"Dokumen pendukung indikator " + x.Code}
	}
	var out []domain.Bukti
	for i := 0; i < n && i < len(hints); i++ {
		a.NextID++
		out = append(out, domain.Bukti{ID: a.NextID, Kind: domain.BuktiReferensi, Name: hints[i],
			Ref:   fmt.Sprintf("Nomor 800/%03d/Kepeg/%d", int(a.NextID)*7%997, year),
			Added: added, AddedBy: g.by})
	}
	return out
}

// last is last year's assessment: complete, verified, Final.
func (g *meritGen) last() domain.MeritAssessment {
	year := g.today.Year - 1
	r := g.rng(year)
	a := g.base(1, year, domain.Date{Year: year, Month: time.January, Day: 15})
	n := len(g.in.Levels)
	for i, x := range g.in.Indicators {
		li := drawLevel(r, n)
		l := g.in.Levels[li]
		day := domain.Date{Year: year, Month: time.February, Day: 1 + i%28}
		ans := domain.MeritAnswer{Level: l.Value, AnsweredBy: g.by, Updated: at(day, 10)}
		if li > 0 && r.IntN(100) < 85 {
			ans.Evidence = g.evidence(&a, x, 1+r.IntN(2), year, at(day, 11))
		}
		ans.Justification = g.justification(x, l, len(ans.Evidence) > 0)
		vi := li
		if li > 0 && (len(ans.Evidence) == 0 || r.IntN(100) < 15) {
			vi = li - 1
			ans.VerifierNote = "Bukti dukung belum menunjukkan penerapan di seluruh unit; tingkat disesuaikan."
		}
		ans.VerifiedLevel = g.in.Levels[vi].Value
		a.Answers[x.Code] = ans
	}
	if g.in.Score.Composite != nil {
		a.Survey = 0.72
	}
	due := []domain.Date{{Year: g.today.Year, Month: time.March, Day: 31}, {Year: g.today.Year, Month: time.June, Day: 30},
		{Year: g.today.Year, Month: time.September, Day: 30}, {Year: g.today.Year, Month: time.December, Day: 31}}
	acts := domain.SuggestActions(g.in, a, func() uint64 { a.NextID++; return a.NextID })
	for i := range acts {
		acts[i].Owner = g.owner
		acts[i].Due = due[i%len(due)]
		switch {
		case acts[i].Due.Before(g.today):
			acts[i].Status = domain.PlanSelesai
			if i%3 == 0 {
				acts[i].Status = domain.PlanProses // late, still running
			}
		case i%2 == 0:
			acts[i].Status = domain.PlanProses
		}
	}
	a.Actions = acts
	a.Stage = domain.StageFinal
	final := domain.Date{Year: year, Month: time.June, Day: 30}
	a.FinalAt, a.FinalBy = g.clip(at(final, 15)), g.by
	a.Updated = a.FinalAt
	return a
}

// current is this year's assessment: Penilaian mandiri, about half answered.
func (g *meritGen) current() domain.MeritAssessment {
	year := g.today.Year
	r := g.rng(year)
	a := g.base(2, year, domain.Date{Year: year, Month: time.January, Day: 10})
	a.Stage = domain.StageMandiri
	a.Updated = a.Created
	n := len(g.in.Levels)
	for i, x := range g.in.Indicators {
		if i%2 == 1 {
			continue
		}
		li := drawLevel(r, n)
		l := g.in.Levels[li]
		t := g.clip(at(domain.Date{Year: year, Month: time.January, Day: 12 + i%18}, 10))
		if t.Before(a.Created) {
			t = a.Created
		}
		ans := domain.MeritAnswer{Level: l.Value, AnsweredBy: g.by, Updated: t}
		if li > 0 && r.IntN(100) < 40 {
			ans.Evidence = g.evidence(&a, x, 1, year, t)
		}
		ans.Justification = g.justification(x, l, len(ans.Evidence) > 0)
		a.Answers[x.Code] = ans
		if t.After(a.Updated) {
			a.Updated = t
		}
	}
	return a
}

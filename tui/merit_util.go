package tui

import (
	"context"
	"math"
	"sort"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// Helpers shared by the Sistem merit screens.

// meritRepoMissing is the error when Common.Merit is not wired.
func meritRepoMissing() error {
	return domain.Errorf(domain.EINTERNAL, "Penyimpanan sistem merit tidak tersambung; tutup lalu buka kembali asndesk.")
}

// meritScope is an assessment's scope: the whole instansi or a unit.
func meritScope(c *Common, unitID uint64) string {
	if unitID == 0 {
		return "Instansi"
	}
	if n := c.UnitName(unitID); n != "" {
		return n
	}
	return "Unit #" + itoa(int(unitID))
}

// meritStatusText is "resmi" or "draf".
func meritStatusText(in domain.Instrument) string {
	if in.Status == domain.InstrumentResmi {
		return "resmi"
	}
	return "draf"
}

// meritInstrumentText names an instrument version on one line.
func meritInstrumentText(in domain.Instrument) string {
	title := in.Title
	if title == "" {
		title = in.ID
	}
	return inert(title) + " · versi " + inert(in.Version) + " · " + meritStatusText(in)
}

// meritNoticeText is the line every screen using the instrument shows:
// its own Notice, and for a draft without one a plain warning.
func meritNoticeText(in domain.Instrument) string {
	n := strings.TrimSpace(in.Notice)
	if n == "" && in.Status != domain.InstrumentResmi {
		n = "Instrumen draf — bukan instrumen resmi"
	}
	if n == "" {
		return ""
	}
	return "⚠ " + n
}

// meritNotice wraps the notice to w cells in the banner style.
func meritNotice(st *Styles, in domain.Instrument, w int) []string {
	return meritBanner(st, meritNoticeText(in), w)
}

func meritBanner(st *Styles, text string, w int) []string {
	if text == "" {
		return nil
	}
	var out []string
	for _, l := range kinWrap(text, max(20, w)) {
		out = append(out, st.Banner.Render(l))
	}
	return out
}

// meritNoticeShort is the notice's first sentence, for the header of the
// assessment screen; the Hasil tab shows it whole.
func meritNoticeShort(in domain.Instrument) string {
	text := meritNoticeText(in)
	if i := strings.Index(text, ". "); i > 0 {
		return text[:i+1] + " (selengkapnya di tab Hasil)"
	}
	return text
}

// meritFind returns the instrument an assessment was made with.
func meritFind(ins []domain.Instrument, id, version string) (domain.Instrument, bool) {
	for _, in := range ins {
		if in.ID == id && in.Version == version {
			return in, true
		}
	}
	return domain.Instrument{}, false
}

// meritLevelText is a level value with its label: "3 · Sebagian besar".
func meritLevelText(in domain.Instrument, v float64) string {
	if v == 0 {
		return "—"
	}
	if l, ok := in.Level(v); ok && l.Label != "" {
		return domain.FormatScore(v) + " · " + inert(l.Label)
	}
	return domain.FormatScore(v)
}

// meritTotalText is the total with its category once every indicator is
// answered, else the progress.
func meritTotalText(r domain.MeritResult) string {
	if !r.Complete {
		return "belum lengkap"
	}
	s := domain.FormatScore(r.Total)
	if c := r.CategoryText(); c != "" {
		s += " · " + c
	}
	return s
}

// meritAspectProgress counts a top aspect's indicators (its sub-aspects'
// included): answered, total, and answered without evidence.
func meritAspectProgress(in domain.Instrument, a *domain.MeritAssessment, code string) (answered, total, noEvidence int) {
	for _, ind := range in.AspectIndicators(code) {
		total++
		ans, ok := a.Answers[ind.Code]
		if !ok || ans.Level == 0 {
			continue
		}
		answered++
		if len(ans.Evidence) == 0 {
			noEvidence++
		}
	}
	return answered, total, noEvidence
}

// meritProgressText is "7/12 dijawab · 3 tanpa bukti".
func meritProgressText(answered, total, noEvidence int) string {
	s := itoa(answered) + "/" + itoa(total) + " dijawab"
	if noEvidence > 0 {
		s += " · " + itoa(noEvidence) + " tanpa bukti"
	}
	return s
}

// meritBar is a text bar of v within [lo, hi], w cells: filled █, the rest
// ░, so the length reads without colour.
func meritBar(v, lo, hi float64, w int) string {
	if w <= 0 {
		return ""
	}
	n := 0
	if hi > lo {
		n = int(math.Round((v - lo) / (hi - lo) * float64(w)))
	}
	if v > lo && n == 0 {
		n = 1
	}
	n = max(0, min(w, n))
	return strings.Repeat("█", n) + strings.Repeat("░", w-n)
}

// meritLevelRange is the lowest and highest level value of an instrument.
func meritLevelRange(in domain.Instrument) (float64, float64) {
	if len(in.Levels) == 0 {
		return 0, 1
	}
	lo, hi := in.Levels[0].Value, in.Levels[0].Value
	for _, l := range in.Levels {
		lo, hi = math.Min(lo, l.Value), math.Max(hi, l.Value)
	}
	return lo, hi
}

// meritIndicatorLevel is the level an indicator counts with: the verified
// one where set when verified is asked, else the self level.
func meritIndicatorLevel(a *domain.MeritAssessment, code string, verified bool) float64 {
	ans := a.Answers[code]
	if verified && ans.VerifiedLevel != 0 {
		return ans.VerifiedLevel
	}
	return ans.Level
}

// meritAccountName is an account's name for the Tim tab and the header.
func meritAccountName(names map[uint64]string, id uint64) string {
	if n, ok := names[id]; ok && n != "" {
		return inert(n)
	}
	return "akun #" + itoa(int(id))
}

// meritYears lists the distinct years of the assessments, newest first.
func meritYears(as []domain.MeritAssessment) []int {
	seen := map[int]bool{}
	var out []int
	for _, a := range as {
		if !seen[a.Year] {
			seen[a.Year] = true
			out = append(out, a.Year)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(out)))
	return out
}

// meritDone is the result of a write started from the merit screens:
// success reloads everything and says so.
type meritDoneMsg struct {
	status string
	err    error
}

func meritDone(status string, err error) tea.Msg { return meritDoneMsg{status: status, err: err} }

// meritLoad reads the assessments and instruments for the list screens.
func meritLoadAll(ctx context.Context, repo MeritRepo) ([]domain.MeritAssessment, []domain.Instrument, domain.MeritSettings, error) {
	if repo == nil {
		return nil, nil, domain.MeritSettings{}, meritRepoMissing()
	}
	as, err := repo.MeritAssessments(ctx)
	if err != nil {
		return nil, nil, domain.MeritSettings{}, err
	}
	ins, err := repo.Instruments(ctx)
	if err != nil {
		return nil, nil, domain.MeritSettings{}, err
	}
	set, err := repo.MeritSettings(ctx)
	return as, ins, set, err
}

// meritNoEvidence counts the answered indicators without evidence.
func meritNoEvidence(in domain.Instrument, a *domain.MeritAssessment) int {
	n := 0
	for _, x := range in.Indicators {
		if ans := a.Answers[x.Code]; ans.Level > 0 && len(ans.Evidence) == 0 {
			n++
		}
	}
	return n
}

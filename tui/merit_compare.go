package tui

import (
	"sort"
	"strconv"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// --- Bandingkan tahun ---

// meritCompareScreen puts two years of the same scope side by side per
// aspect: the score of each (verified where verified) and the difference.
// Aspects of different instruments are matched by code, then by name and
// aliases.
type meritCompareScreen struct {
	base
	scope       uint64
	cands       []domain.MeritAssessment // same scope, oldest first
	ins         []domain.Instrument
	left, right int
}

func newMeritCompareScreen(c *Common, all []domain.MeritAssessment, ins []domain.Instrument, from domain.MeritAssessment) *meritCompareScreen {
	s := &meritCompareScreen{base: newBase(c), scope: from.UnitID, ins: ins}
	for _, a := range all {
		if a.UnitID == from.UnitID {
			s.cands = append(s.cands, a)
		}
	}
	sort.SliceStable(s.cands, func(i, j int) bool { return s.cands[i].Year < s.cands[j].Year })
	for i, a := range s.cands {
		if a.ID == from.ID {
			s.right = i
		}
	}
	s.left = max(0, s.right-1)
	if s.left == s.right && len(s.cands) > 1 {
		s.right = 1
	}
	return s
}

func (s *meritCompareScreen) Title() string { return "Bandingkan tahun · " + meritScope(s.c, s.scope) }

func (s *meritCompareScreen) Keys() []KeyHelp {
	return []KeyHelp{{"←→", "Tahun kiri"}, {"-/+", "Tahun kanan"}}
}

func (s *meritCompareScreen) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok && len(s.cands) > 0 {
		n := len(s.cands)
		switch k.String() {
		case "left":
			s.left = (s.left + n - 1) % n
		case "right":
			s.left = (s.left + 1) % n
		case "-":
			s.right = (s.right + n - 1) % n
		case "+", "=":
			s.right = (s.right + 1) % n
		}
	}
	return nil
}

// meritCompareAspect finds in in the aspect matching top (code and name,
// else name or alias).
func meritCompareAspect(in domain.Instrument, top domain.MeritAspect) (domain.MeritAspect, bool) {
	if a, ok := in.Aspect(top.Code); ok && a.Parent == "" && strings.EqualFold(a.Name, top.Name) {
		return a, true
	}
	if a, ok := in.AspectByName(top.Name); ok && a.Parent == "" {
		return a, true
	}
	for _, alias := range top.Aliases {
		if a, ok := in.AspectByName(alias); ok && a.Parent == "" {
			return a, true
		}
	}
	return domain.MeritAspect{}, false
}

func (s *meritCompareScreen) View() string {
	st := &s.c.Styles
	if len(s.cands) < 2 {
		return st.Muted.Render(clip("Baru ada "+itoa(len(s.cands))+" penilaian untuk "+meritScope(s.c, s.scope)+
			": perbandingan memerlukan penilaian dua tahun dengan cakupan yang sama.", s.w))
	}
	la, ra := s.cands[s.left], s.cands[s.right]
	lin, lok := meritFind(s.ins, la.InstrumentID, la.InstrumentVersion)
	rin, rok := meritFind(s.ins, ra.InstrumentID, ra.InstrumentVersion)
	if !lok || !rok {
		return st.StatusError.Render("Instrumen salah satu penilaian tidak ditemukan.")
	}
	lr, rr := domain.Score(lin, la, true), domain.Score(rin, ra, true)
	var lines []string
	lines = append(lines, st.Title.Render(clip("Bandingkan "+meritScope(s.c, s.scope)+": "+strconv.Itoa(la.Year)+" dan "+strconv.Itoa(ra.Year), s.w)))
	seen := map[string]bool{}
	for _, in := range []domain.Instrument{lin, rin} {
		if t := meritNoticeText(in); t != "" && !seen[t] {
			seen[t] = true
			for _, l := range kinWrap(t, max(20, s.w)) {
				lines = append(lines, st.Banner.Render(l))
			}
		}
	}
	if la.InstrumentID != ra.InstrumentID || la.InstrumentVersion != ra.InstrumentVersion {
		lines = append(lines, st.FieldWarning.Render(clip("⚠ Instrumen berbeda ("+lin.ID+" "+lin.Version+" dan "+rin.ID+" "+rin.Version+
			"): aspek dicocokkan menurut nama; skala dapat berbeda.", s.w)))
	}
	lines = append(lines, st.Muted.Render(clip("Nilai hasil verifikasi bila ada, selain itu penilaian mandiri. ←/→ dan -/+ mengganti tahun.", s.w)), "")
	yl, yr := strconv.Itoa(la.Year)+" ("+la.Stage.String()+")", strconv.Itoa(ra.Year)+" ("+ra.Stage.String()+")"
	colW := max(14, width(yl)+1, width(yr)+1)
	nameW := max(20, s.w-3*colW-4)
	lines = append(lines, st.TableHeader.Render(clip(fit("Aspek", nameW)+" "+fit(yl, colW)+" "+fit(yr, colW)+" "+fit("Selisih", colW), s.w)))
	diff := func(a, b float64, okA, okB bool) string {
		if !okA || !okB {
			return "—"
		}
		d := b - a
		switch {
		case d > 0:
			return "+" + domain.FormatScore(d)
		case d < 0:
			return "−" + domain.FormatScore(-d)
		}
		return "0"
	}
	val := func(v float64, ok bool) string {
		if !ok {
			return "—"
		}
		return domain.FormatScore(v)
	}
	for _, asp := range rr.Aspects {
		top, _ := rin.Aspect(asp.Code)
		var lv float64
		lok := false
		if m, ok := meritCompareAspect(lin, top); ok {
			for _, x := range lr.Aspects {
				if x.Code == m.Code && x.Answered > 0 {
					lv, lok = x.Score, true
				}
			}
		}
		rok := asp.Answered > 0
		lines = append(lines, clip(fit(asp.Code+" "+asp.Name, nameW)+" "+fit(val(lv, lok), colW)+" "+fit(val(asp.Score, rok), colW)+" "+
			fit(diff(lv, asp.Score, lok, rok), colW), s.w))
	}
	total := func(r domain.MeritResult) string {
		if !r.Complete {
			return domain.FormatScore(r.Total) + "*"
		}
		return domain.FormatScore(r.Total)
	}
	lines = append(lines, "", clip(st.Title.Render(fit("Nilai total", nameW))+" "+fit(total(lr), colW)+" "+fit(total(rr), colW)+" "+
		fit(diff(lr.Total, rr.Total, true, true), colW), s.w))
	cat := func(r domain.MeritResult) string {
		if !r.Complete {
			return "—"
		}
		return r.CategoryText()
	}
	lines = append(lines, clip(fit("Kategori", nameW)+" "+fit(cat(lr), colW)+" "+fit(cat(rr), colW), s.w))
	if !lr.Complete || !rr.Complete {
		lines = append(lines, st.Muted.Render(clip("* sementara: belum semua indikator dijawab.", s.w)))
	}
	return clipBlock(strings.Join(lines, "\n"), s.w, max(1, s.h))
}

// --- Gabungan unit ---

// meritCombineScreen is the instansi view combined from the unit
// assessments of a year (domain.Combine) with the settings' mode; for
// "Unit pilihan" F6 chooses the unit whose levels count.
type meritCombineScreen struct {
	base
	all      []domain.MeritAssessment
	ins      []domain.Instrument
	settings domain.MeritSettings
	year     int
	chosen   uint64 // unit id for CombineChosen
	top      int
	n        int
}

func newMeritCombineScreen(c *Common, all []domain.MeritAssessment, ins []domain.Instrument, set domain.MeritSettings, year int) *meritCombineScreen {
	return &meritCombineScreen{base: newBase(c), all: all, ins: ins, settings: set, year: year}
}

func (s *meritCombineScreen) Title() string { return "Gabungan unit " + strconv.Itoa(s.year) }

func (s *meritCombineScreen) Keys() []KeyHelp {
	keys := []KeyHelp{{"←→", "Tahun"}, {"↑↓", "Gulir"}}
	if s.mode() == domain.CombineChosen {
		keys = append(keys, KeyHelp{"F6", "Unit pilihan"})
	}
	return keys
}

func (s *meritCombineScreen) mode() domain.CombineMode {
	if s.settings.Combine == "" {
		return domain.CombineLowest
	}
	return s.settings.Combine
}

type meritChosenMsg struct{ unit uint64 }

// parts are the year's unit assessments with the instrument most of them
// use; others lists those left out for another instrument.
func (s *meritCombineScreen) parts() (domain.Instrument, []domain.MeritAssessment, []domain.MeritAssessment, bool) {
	count := map[[2]string]int{}
	var units []domain.MeritAssessment
	for _, a := range s.all {
		if a.Year == s.year && a.UnitID != 0 {
			units = append(units, a)
			count[[2]string{a.InstrumentID, a.InstrumentVersion}]++
		}
	}
	var best [2]string
	for k, n := range count {
		if n > count[best] || n == count[best] && (k[0] < best[0] || k[0] == best[0] && k[1] < best[1]) {
			best = k
		}
	}
	in, ok := meritFind(s.ins, best[0], best[1])
	var use, other []domain.MeritAssessment
	for _, a := range units {
		if a.InstrumentID == best[0] && a.InstrumentVersion == best[1] {
			use = append(use, a)
		} else {
			other = append(other, a)
		}
	}
	return in, use, other, ok && len(use) > 0
}

func (s *meritCombineScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case meritChosenMsg:
		s.chosen = msg.unit
	case tea.KeyMsg:
		switch msg.String() {
		case "left":
			s.year--
			s.top = 0
		case "right":
			s.year++
			s.top = 0
		case "up":
			s.top = max(0, s.top-1)
		case "down":
			s.top = min(s.top+1, max(0, s.n-s.h))
		case "pgup":
			s.top = max(0, s.top-s.h/2)
		case "pgdown":
			s.top = min(s.top+s.h/2, max(0, s.n-s.h))
		case "f6":
			if s.mode() != domain.CombineChosen {
				return info("Cara menggabung sekarang " + s.mode().Label() + "; ubah di Pengaturan merit untuk memilih unit.")
			}
			_, use, _, ok := s.parts()
			if !ok {
				return nil
			}
			var labels []string
			for _, a := range use {
				labels = append(labels, meritScope(s.c, a.UnitID))
			}
			id := s.id
			return showDialog(chooseDialog(&s.c.Styles, "Unit pilihan", labels, 0, func(i int) tea.Cmd {
				u := use[i].UnitID
				return func() tea.Msg { return taggedMsg{to: id, msg: meritChosenMsg{u}} }
			}))
		}
	}
	return nil
}

func (s *meritCombineScreen) lines() []string {
	st := &s.c.Styles
	in, use, other, ok := s.parts()
	var lines []string
	lines = append(lines, st.Title.Render(clip("Gabungan unit "+strconv.Itoa(s.year)+" · cara: "+s.mode().Label(), s.w)))
	if !ok {
		return append(lines, "", st.Muted.Render(clip("Belum ada penilaian unit untuk tahun "+strconv.Itoa(s.year)+
			". Gabungan dibuat dari penilaian dengan cakupan unit; ←/→ mengganti tahun.", s.w)))
	}
	lines = append(lines, meritNotice(st, in, s.w)...)
	lines = append(lines, clip(st.Label.Render("Instrumen: ")+meritInstrumentText(in), s.w))
	lines = append(lines, st.Muted.Render(clip("Tampilan hitungan, tidak disimpan: per indikator "+strings.ToLower(s.mode().Label())+" dari unit yang sudah menjawab.", s.w)))
	chosen := map[string]uint64{}
	if s.mode() == domain.CombineChosen {
		if s.chosen == 0 {
			lines = append(lines, st.FieldWarning.Render(clip("⚠ Belum ada unit pilihan (F6): setiap indikator memakai level terendah.", s.w)))
		} else {
			lines = append(lines, clip("Unit pilihan: "+meritScope(s.c, s.chosen), s.w))
			for _, x := range in.Indicators {
				chosen[x.Code] = s.chosen
			}
		}
	}
	lines = append(lines, "", st.Section.Render("Unit"))
	for _, a := range use {
		r := domain.Score(in, a, true)
		t := domain.FormatScore(r.Total)
		if !r.Complete {
			t += " (sementara " + itoa(r.Answered) + "/" + itoa(r.Indicators) + ")"
		} else if c := r.CategoryText(); c != "" {
			t += " · " + c
		}
		lines = append(lines, clip(fit(meritScope(s.c, a.UnitID), 30)+" "+fit(a.Stage.String(), 18)+" "+t, s.w))
	}
	for _, a := range other {
		lines = append(lines, st.Muted.Render(clip(fit(meritScope(s.c, a.UnitID), 30)+" tidak digabung: instrumen "+a.InstrumentID+" "+a.InstrumentVersion, s.w)))
	}
	comb := domain.Combine(in, use, s.mode(), chosen)
	comb.Year = s.year
	lines = append(lines, "")
	return append(lines, meritResultLines(st, in, &comb, s.w)...)
}

func (s *meritCombineScreen) View() string {
	lines := s.lines()
	s.n = len(lines)
	s.top = max(0, min(s.top, len(lines)-s.h))
	end := min(len(lines), s.top+max(1, s.h))
	return strings.Join(lines[s.top:end], "\n")
}

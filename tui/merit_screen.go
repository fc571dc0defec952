package tui

import (
	"context"
	"strconv"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// meritHost is what a tab of the assessment screen sees: the assessment
// and its instrument as last loaded, the account names, and a cmd that
// delivers results to the screen, which forwards them to the tabs.
type meritHost struct {
	c        *Common
	a        *domain.MeritAssessment
	in       *domain.Instrument
	names    map[uint64]string
	accounts []domain.Account // nil when the actor may not list accounts
	accErr   error
	limit    int64 // evidence size limit (the SKP settings')
	cmd      func(f func(ctx context.Context) tea.Msg) tea.Cmd
}

// can asks the domain whether the actor may do op on the assessment as
// loaded; the store checks again on write.
func (h *meritHost) can(op domain.MeritOp) error {
	if h.a == nil {
		return domain.Errorf(domain.EINVALID, "Penilaian belum dimuat.")
	}
	return domain.CanMerit(h.c.Actor, *h.a, op)
}

// done runs a write and reports it as meritDoneMsg.
func (h *meritHost) done(status string, f func(ctx context.Context, m MeritRepo) error) tea.Cmd {
	repo := h.c.Merit
	return h.cmd(func(ctx context.Context) tea.Msg { return meritDone(status, f(ctx, repo)) })
}

// meritScreen is one penilaian mandiri: the header (scope, year,
// instrument and its notice, stage and the next step), the tab bar and
// the active tab.
type meritScreen struct {
	base
	id   uint64
	host *meritHost
	tabbed
	err error
	req int
}

func newMeritScreen(c *Common, id uint64) *meritScreen {
	s := &meritScreen{base: newBase(c), id: id}
	s.host = &meritHost{c: c}
	s.host.cmd = s.cmd
	s.tabs = []skpTab{newMeritAnswerTab(s.host), newMeritVerifyTab(s.host), newMeritResultTab(s.host), newMeritPlanTab(s.host), newMeritTeamTab(s.host)}
	return s
}

type meritLoadedMsg struct {
	req      int
	a        domain.MeritAssessment
	in       domain.Instrument
	accounts []domain.Account
	accErr   error
	limit    int64
	err      error
}

// meritReloadedMsg tells the tabs that the host's assessment was replaced.
type meritReloadedMsg struct{}

func (s *meritScreen) load() tea.Cmd {
	s.req++
	req, id, c := s.req, s.id, s.c
	return s.cmd(func(ctx context.Context) tea.Msg {
		m := meritLoadedMsg{req: req, limit: domain.DefaultSKPSettings().BuktiMaxSize}
		if c.Merit == nil {
			m.err = meritRepoMissing()
			return m
		}
		if m.a, m.err = c.Merit.MeritAssessment(ctx, id); m.err != nil {
			return m
		}
		if m.in, m.err = c.Merit.Instrument(ctx, m.a.InstrumentID, m.a.InstrumentVersion); m.err != nil {
			return m
		}
		if c.Kinerja != nil {
			if set, err := c.Kinerja.SKPSettings(ctx); err == nil && set.BuktiMaxSize > 0 {
				m.limit = set.BuktiMaxSize
			}
		}
		if c.can(domain.CanManageAccounts) {
			m.accounts, m.accErr = c.Repo.Accounts(ctx)
		} else {
			m.accErr = domain.Errorf(domain.EFORBIDDEN, "Daftar akun hanya dapat dibuka Admin.")
		}
		return m
	})
}

func (s *meritScreen) Init() tea.Cmd { return s.load() }

func (s *meritScreen) Title() string {
	if a := s.host.a; a != nil {
		return "Sistem merit " + strconv.Itoa(a.Year) + " · " + meritScope(s.c, a.UnitID)
	}
	return "Sistem merit"
}

func (s *meritScreen) Capturing() bool { return s.host.a != nil && s.tab().Capturing() }

func (s *meritScreen) Keys() []KeyHelp {
	var keys []KeyHelp
	if s.host.a != nil {
		keys = append(keys, s.tab().Keys()...)
		// F8 is offered even when no move is possible now: it says why.
		keys = append(keys, KeyHelp{"F8", "Tahap"})
		keys = append(keys, docsKeys(s.c, true, true)...)
	}
	return append(keys, KeyHelp{"Tab", "Ganti tab"})
}

func (s *meritScreen) forwardAll(msg tea.Msg) tea.Cmd {
	if s.host.a == nil {
		return nil
	}
	return s.tabbed.forwardAll(msg)
}

func (s *meritScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case meritLoadedMsg:
		if msg.req != s.req {
			return nil
		}
		if msg.err != nil {
			s.err = msg.err
			return failure(msg.err)
		}
		s.err = nil
		a, in := msg.a, msg.in
		h := s.host
		h.a, h.in, h.accounts, h.accErr, h.limit = &a, &in, msg.accounts, msg.accErr, msg.limit
		h.names = map[uint64]string{}
		for _, x := range msg.accounts {
			h.names[x.ID] = x.Name
		}
		if s.c.Account.ID != 0 {
			h.names[s.c.Account.ID] = s.c.Account.Name
		}
		return s.forwardAll(meritReloadedMsg{})
	case meritDoneMsg:
		if msg.err != nil {
			return failure(msg.err)
		}
		return reload(msg.status)
	case dataChangedMsg:
		return tea.Batch(s.load(), s.forwardAll(msg))
	case resultMsg:
		var cmd tea.Cmd
		if s.host.a != nil {
			cmd = s.tab().Update(msg)
		}
		return tea.Batch(s.load(), cmd)
	case tea.KeyMsg:
		if s.host.a == nil {
			return nil
		}
		t := s.tab()
		if s.switchKey(msg) {
			return nil
		}
		if !t.Capturing() && msg.String() == "f8" {
			return s.stages()
		}
		switch msg.String() {
		case "ctrl+p":
			return s.printMerit()
		case "ctrl+e":
			return s.exportMeritAnswers()
		}
		return t.Update(msg)
	case tea.MouseMsg:
		if s.host.a == nil {
			return nil
		}
		return s.mouse(msg)
	}
	return s.forwardAll(msg)
}

// meritStep is a stage change the actor may make now.
type meritStep struct {
	label  string
	to     domain.MeritStage
	unlock bool
}

// meritSteps lists the stage changes the domain allows the actor now
// (tried on a copy with domain.AdvanceMerit, or CanMerit for Buka kunci);
// why says, when there is none, what stands in the way.
func meritSteps(h *meritHost) ([]meritStep, string) {
	if h.a == nil {
		return nil, ""
	}
	var cand []meritStep
	switch h.a.Stage {
	case domain.StageMandiri:
		cand = []meritStep{{label: "Ajukan verifikasi", to: domain.StageVerifikasi}}
	case domain.StageVerifikasi:
		cand = []meritStep{{label: "Mulai perbaikan", to: domain.StagePerbaikan}, {label: "Kembali ke penilaian mandiri", to: domain.StageMandiri}}
	case domain.StagePerbaikan:
		cand = []meritStep{{label: "Finalkan", to: domain.StageFinal}, {label: "Verifikasi ulang", to: domain.StageVerifikasi}}
	case domain.StageFinal:
		cand = []meritStep{{label: "Buka kunci", unlock: true}}
	}
	var out []meritStep
	why := ""
	for _, st := range cand {
		var err error
		if st.unlock {
			err = h.can(domain.MeritUnlock)
		} else {
			trial := *h.a
			err = domain.AdvanceMerit(&trial, st.to, h.c.Actor, h.c.Now())
			if err == nil {
				err = domain.CheckMeritAdvance(*h.in, *h.a, st.to)
			}
		}
		if err == nil {
			out = append(out, st)
		} else if why == "" {
			why = st.label + ": " + domain.ErrorMessage(err)
		}
	}
	return out, why
}

// stages is F8: the allowed stage changes, each confirmed; Buka kunci asks
// for a reason.
func (s *meritScreen) stages() tea.Cmd {
	steps, why := meritSteps(s.host)
	if len(steps) == 0 {
		if why == "" {
			why = "Tidak ada perubahan tahap."
		}
		return failure(domain.Errorf(domain.EFORBIDDEN, why))
	}
	labels := make([]string, len(steps))
	for i, st := range steps {
		labels[i] = st.label
	}
	return showDialog(chooseDialog(&s.c.Styles, "Tahap penilaian", labels, 0, func(i int) tea.Cmd { return s.runStep(steps[i]) }))
}

func (s *meritScreen) runStep(st meritStep) tea.Cmd {
	h := s.host
	id := h.a.ID
	if st.unlock {
		return push(newMeritUnlockForm(s.c, id))
	}
	to := st.to
	status := "Tahap penilaian: " + to.String() + "."
	text := st.label + "? Tahap berubah dari " + h.a.Stage.String() + " ke " + to.String() + "."
	switch to {
	case domain.StageVerifikasi:
		text += " Selama verifikasi, jawaban tidak dapat diubah; verifikator mengisi level terverifikasi."
		if n := meritNoEvidence(*h.in, h.a); n > 0 {
			text += "\n\nPerhatikan: " + itoa(n) + " indikator dijawab tanpa bukti dukung."
		}
	case domain.StagePerbaikan:
		if r := domain.Score(*h.in, *h.a, true); h.a.Stage == domain.StageVerifikasi && r.Verified < r.Indicators {
			text += "\n\nPerhatikan: baru " + itoa(r.Verified) + " dari " + itoa(r.Indicators) +
				" indikator diverifikasi; yang belum tetap dengan tingkat penilaian mandiri."
		}
	case domain.StageFinal:
		text = "Finalkan penilaian? Penilaian final terkunci: jawaban, bukti, verifikasi dan tim tidak dapat diubah; " +
			"rencana perbaikan tetap dapat diperbarui. Hanya Admin yang dapat membuka kunci dengan alasan tercatat."
		status = "Penilaian difinalkan dan terkunci."
	}
	do := h.done(status, func(ctx context.Context, m MeritRepo) error { return m.AdvanceMerit(ctx, id, to) })
	return showDialog(confirmDialog(&s.c.Styles, st.label, text, "Ya, "+strings.ToLower(st.label), "Tidak", do, nil))
}

// newMeritUnlockForm reopens a final assessment; the reason is kept.
func newMeritUnlockForm(c *Common, id uint64) *skpActForm {
	reason := textField("alasan", "Alasan", "", 500)
	reason.hint = "Mengapa penilaian final dibuka kembali; tercatat di riwayat penilaian."
	a := newSKPActForm(c, "Buka kunci penilaian", []string{"Penilaian final dibuka kembali oleh Admin. Alasan wajib diisi.", ""}, []*field{reason})
	a.form.submitLabel = "Buka kunci (Ctrl+S)"
	a.prepare = func(v map[string]string) (func(context.Context) (uint64, string, error), domain.FieldErrors) {
		r := strings.TrimSpace(v["alasan"])
		if r == "" {
			return nil, domain.FieldErrors{"alasan": "Tulis alasan membuka kunci."}
		}
		return func(ctx context.Context) (uint64, string, error) {
			return 0, "Kunci penilaian dibuka.", c.Merit.UnlockMerit(ctx, id, r)
		}, nil
	}
	return a
}

// header is the assessment's identity block.
func (s *meritScreen) header() []string {
	st := &s.c.Styles
	h := s.host
	a, in := h.a, h.in
	lines := []string{clip(st.Title.Render("Penilaian mandiri "+strconv.Itoa(a.Year)+" · "+inert(meritScope(s.c, a.UnitID)))+
		"  "+st.Label.Render("Tahap: ")+st.Title.Render(a.Stage.String()), s.w)}
	lines = append(lines, clip(st.Label.Render("Instrumen: ")+meritInstrumentText(*in), s.w))
	lines = append(lines, meritBanner(st, meritNoticeShort(*in), s.w)...)
	if a.Stage == domain.StageFinal {
		t := "Final dan terkunci"
		if !a.FinalAt.IsZero() {
			t += " sejak " + domain.DateOf(a.FinalAt).String()
		}
		if a.FinalBy != "" {
			t += " oleh " + inert(a.FinalBy)
		}
		lines = append(lines, st.Muted.Render(clip(t+".", s.w)))
	}
	steps, why := meritSteps(h)
	if len(steps) > 0 {
		var names []string
		for _, x := range steps {
			names = append(names, x.label)
		}
		lines = append(lines, st.Muted.Render(clip("F8 Tahap: "+strings.Join(names, " · "), s.w)))
	} else if why != "" {
		for i, l := range kinWrap("Belum dapat pindah tahap — "+why, max(20, s.w)) {
			if i == 2 {
				break
			}
			lines = append(lines, st.Muted.Render(l))
		}
	}
	return lines
}

func (s *meritScreen) View() string {
	st := &s.c.Styles
	switch {
	case s.err != nil && s.host.a == nil:
		return st.StatusError.Render(domain.ErrorMessage(s.err))
	case s.host.a == nil:
		return st.Muted.Render("Memuat penilaian…")
	}
	lines := s.header()
	lines = s.bar(st, lines, s.w)
	body := s.tab().View(s.w, max(1, s.h-s.bodyY))
	return strings.Join(lines, "\n") + "\n" + body
}

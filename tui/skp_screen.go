package tui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// skpScreen is one SKP: the header every tab needs (who is rated, by whom,
// which period, which status), the tab bar, and the active tab. It owns the
// loaded file; tabs read it through the skpHost and ask for a reload by
// popping a form with a result or by a write that ends in reload().
type skpScreen struct {
	base
	skpID uint64
	host  *skpHost
	tabbed
	loaded bool
	err    error
	req    int
}

// skpTabs are the tabs of the SKP screen in the order of the cycle:
// perencanaan, pelaksanaan, umpan balik, dialog kinerja, evaluasi, and the
// revision history last.
func skpTabs(h *skpHost) []skpTab {
	return []skpTab{newPlanTab(h), newWorkTab(h), newFeedbackTab(h), newDialogTab(h), newEvalTab(h), newRevisiTab(h)}
}

func newSKPScreen(c *Common, id uint64) *skpScreen {
	s := &skpScreen{base: newBase(c), skpID: id}
	s.host = &skpHost{c: c}
	s.host.cmd = s.cmd
	s.tabs = skpTabs(s.host)
	return s
}

// skpLoadedMsg carries a freshly read SKP file and the office settings.
type skpLoadedMsg struct {
	req      int
	file     domain.SKPFile
	settings domain.SKPSettings
	err      error
}

// skpReloadedMsg tells every tab that host.file was replaced, so cursors
// can be clamped and caches dropped.
type skpReloadedMsg struct{}

// skpDoneMsg is the result of a write started from a tab through the host:
// success reloads everything (the list below included) and says so.
type skpDoneMsg struct {
	status string
	err    error
}

func (s *skpScreen) load() tea.Cmd {
	s.req++
	req, id := s.req, s.skpID
	return s.cmd(func(ctx context.Context) tea.Msg {
		m := skpLoadedMsg{req: req}
		m.file, m.err = s.c.Kinerja.SKPFile(ctx, id)
		if m.err == nil {
			m.settings, m.err = s.c.Kinerja.SKPSettings(ctx)
		}
		return m
	})
}

func (s *skpScreen) Init() tea.Cmd { return s.load() }

func (s *skpScreen) Title() string {
	if f := s.host.file; f != nil {
		return "SKP " + strconv.Itoa(f.SKP.Year) + " " + inert(f.SKP.Pegawai.Nama)
	}
	return "SKP"
}

func (s *skpScreen) Capturing() bool {
	t := s.tab()
	return t != nil && t.Capturing()
}

// Dirty lets a tab that edits in place (rather than in a pushed form) keep
// its text from being dropped by Esc or an area change.
func (s *skpScreen) Dirty() bool {
	for _, t := range s.tabs {
		if d, ok := t.(interface{ Dirty() bool }); ok && d.Dirty() {
			return true
		}
	}
	return false
}

// OwnsEsc lets a tab close its own sub-view with Esc.
func (s *skpScreen) OwnsEsc() bool {
	o, ok := s.tab().(interface{ OwnsEsc() bool })
	return ok && o.OwnsEsc()
}

// Keys puts the active tab's keys first, most important first, and the
// tab switch last: the footer is cut at its end when a window is narrow.
func (s *skpScreen) Keys() []KeyHelp {
	var keys []KeyHelp
	if t := s.tab(); t != nil && s.host.file != nil {
		keys = append(keys, t.Keys()...)
		keys = append(keys, docsKeys(s.c, true, false)...)
	}
	return append(keys, KeyHelp{"Tab", "Ganti tab"})
}

// forwardAll hands a message to every tab; tabs see nothing before the
// file is loaded: they all work on it.
func (s *skpScreen) forwardAll(msg tea.Msg) tea.Cmd {
	if s.host.file == nil {
		return nil
	}
	return s.tabbed.forwardAll(msg)
}

func (s *skpScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case skpLoadedMsg:
		if msg.req != s.req {
			return nil
		}
		s.loaded = true
		if msg.err != nil {
			s.err = msg.err
			return failure(msg.err)
		}
		s.err = nil
		file, set := msg.file, msg.settings
		s.host.file, s.host.settings = &file, &set
		return s.forwardAll(skpReloadedMsg{})
	case skpDoneMsg:
		if msg.err != nil {
			return failure(msg.err)
		}
		return reload(msg.status)
	case dataChangedMsg:
		return tea.Batch(s.load(), s.forwardAll(msg))
	case resultMsg:
		var cmd tea.Cmd
		if t := s.tab(); t != nil && s.host.file != nil {
			cmd = t.Update(msg)
		}
		return tea.Batch(s.load(), cmd)
	case tea.KeyMsg:
		t := s.tab()
		if t == nil || s.host.file == nil {
			return nil
		}
		if s.switchKey(msg) {
			return nil
		}
		if msg.String() == "ctrl+p" {
			return s.printSKP()
		}
		return t.Update(msg)
	case tea.MouseMsg:
		if s.host.file == nil {
			return nil
		}
		return s.mouse(msg)
	}
	return s.forwardAll(msg)
}

func (s *skpScreen) View() string {
	st := &s.c.Styles
	switch {
	case s.err != nil && s.host.file == nil:
		return st.StatusError.Render(domain.ErrorMessage(s.err))
	case s.host.file == nil:
		return st.Muted.Render("Memuat SKP…")
	}
	lines := skpHeader(st, s.host.file, s.w)
	lines = append(lines, "")
	lines = s.bar(st, lines, s.w)
	body := s.tab().View(s.w, max(1, s.h-s.bodyY))
	return strings.Join(lines, "\n") + "\n" + body
}

// skpNoteLines is how much of the return note the header shows; a longer
// note is shown whole at the top of the Rencana tab.
const skpNoteLines = 3

// skpHeader is the SKP's identity block: the people as copied into the
// SKP, the period, the approach, the status and revision, and the
// penilai's note when the SKP was returned, so the pegawai sees it first.
// When an evaluation was made final before the latest revision, the
// header says so: it rates the earlier version.
func skpHeader(st *Styles, f *domain.SKPFile, w int) []string {
	s := f.SKP
	// The official labels; a narrow window gets their short forms so the
	// names stay readable.
	labels := [5]string{"Pegawai yang dinilai", "Pejabat penilai kinerja", "Atasan pejabat penilai kinerja", "Periode penilaian", "Status"}
	labelW := 30 // the longest label, then one space
	if w < 90 {
		labels = [5]string{"Pegawai", "Penilai", "Atasan penilai", "Periode", "Status"}
		labelW = 15
	}
	row := func(label, value string) string {
		return clip(st.Label.Render(fit(label, labelW))+" "+value, w)
	}
	person := func(label string, p domain.PersonSnapshot) string {
		return row(label, skpPersonText(p, w-labelW-1))
	}
	status := s.Status.String()
	if s.Revision > 0 {
		status += " · revisi ke-" + strconv.Itoa(s.Revision)
	}
	lines := []string{
		person(labels[0], s.Pegawai),
		person(labels[1], s.Penilai),
		person(labels[2], s.AtasanPenilai),
		row(labels[3], skpPeriodText(s.Start, s.End)+" · Pendekatan "+s.Pendekatan.String()),
		row(labels[4], st.Title.Render(status)),
	}
	if before := skpFinalBeforeRevision(f); len(before) > 0 {
		note := "⚠ Evaluasi final " + strings.Join(before, ", ") + " dibuat sebelum revisi " + strconv.Itoa(s.Revision) +
			": dinilai atas versi sebelumnya."
		for _, l := range skpWrap(note, max(20, w)) {
			lines = append(lines, st.FieldWarning.Render(l))
		}
	}
	if s.Status == domain.SKPDikembalikan && strings.TrimSpace(s.ReturnNote) != "" {
		note := skpWrap("! Dikembalikan oleh pejabat penilai: "+s.ReturnNote, max(20, w))
		for i, l := range note {
			if i == skpNoteLines {
				break // the whole note is in the Rencana tab
			}
			lines = append(lines, st.Banner.Render(l))
		}
	}
	return lines
}

// skpFinalEvals names the final evaluations of the loaded file in the
// order the file keeps them ("Triwulan I", "Tahunan").
func skpFinalEvals(f *domain.SKPFile) []string {
	var out []string
	for _, e := range f.Evals {
		if e.Final {
			out = append(out, skpEvalLabel(e))
		}
	}
	return out
}

// skpFinalBeforeRevision names the final evaluations made before the
// latest revision was opened; empty when the SKP was never revised.
func skpFinalBeforeRevision(f *domain.SKPFile) []string {
	if f.SKP.Revision == 0 || len(f.Revisions) == 0 {
		return nil
	}
	var latest time.Time
	for _, r := range f.Revisions {
		if r.Time.After(latest) {
			latest = r.Time
		}
	}
	var out []string
	for _, e := range f.Evals {
		if e.Final && !e.FinalAt.IsZero() && e.FinalAt.Before(latest) {
			out = append(out, skpEvalLabel(e))
		}
	}
	return out
}

// skpEvalLabel is an evaluation's period as people say it: "Triwulan I",
// "Maret", "Tahunan".
func skpEvalLabel(e domain.Evaluasi) string {
	if e.Kind == domain.EvalTahunan {
		return "Tahunan"
	}
	return e.Frequency.PeriodLabel(e.Period)
}

// skpPersonText is a PersonSnapshot on one line of at most w cells: the
// name and jabatan always, the NIP only where it fits; a line that is
// still too long is cut at its end (the jabatan), never in the name first.
func skpPersonText(p domain.PersonSnapshot, w int) string {
	if p.Nama == "" {
		return "—"
	}
	line := inert(p.Nama)
	if p.Jabatan != "" {
		line += " · " + inert(p.Jabatan)
	}
	if p.NIP != "" {
		if withNIP := line + " · NIP " + domain.FormatNIP(p.NIP); width(withNIP) <= w {
			return withNIP
		}
	}
	return clip(line, w)
}

// skpPeriodText is "1 Januari – 31 Desember 2026", the year once when both
// ends share it.
func skpPeriodText(from, to domain.Date) string {
	if from.IsZero() && to.IsZero() {
		return "—"
	}
	if from.Year == to.Year && !from.IsZero() {
		return strconv.Itoa(from.Day) + " " + domain.MonthName(from.Month) + " – " + to.Long()
	}
	return from.Long() + " – " + to.Long()
}

// skpWrap wraps user text to w cells, keeping its line breaks and making
// control characters visible (inert per line).
func skpWrap(s string, w int) []string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		para = inert(para)
		if para == "" {
			out = append(out, "")
			continue
		}
		out = append(out, strings.Split(ansi.Wrap(para, max(1, w), " "), "\n")...)
	}
	return out
}

// skpSize shows a byte count the way an office user reads it: "2,4 MB".
func skpSize(n int64) string {
	switch {
	case n >= 1<<20:
		return skpDecimal(float64(n)/(1<<20)) + " MB"
	case n >= 1<<10:
		return skpDecimal(float64(n)/(1<<10)) + " KB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

// skpDecimal formats with one decimal and an Indonesian comma, dropping
// ",0".
func skpDecimal(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	return strings.Replace(s, ".", ",", 1)
}

// skpCan asks the domain whether the logged-in actor may do op on the SKP
// as loaded; the store checks again on write.
func skpCan(h *skpHost, op domain.SKPOp) error {
	if h.file == nil {
		return domain.Errorf(domain.EINVALID, "SKP belum dimuat.")
	}
	return domain.CanSKP(h.c.Actor, h.file.SKP.Party(), op)
}

// skpCopy is a deep copy of an SKP, so a form edits its own version and a
// failed save leaves the screen's file untouched.
func skpCopy(s domain.SKP) domain.SKP {
	out := s
	if s.RHK != nil {
		out.RHK = make([]domain.RHK, len(s.RHK))
		for i, r := range s.RHK {
			r.Indikator = append([]domain.Indikator(nil), r.Indikator...)
			out.RHK[i] = r
		}
	}
	out.Lampiran = domain.Lampiran{
		DukunganSumberDaya:      append([]string(nil), s.Lampiran.DukunganSumberDaya...),
		SkemaPertanggungjawaban: append([]string(nil), s.Lampiran.SkemaPertanggungjawaban...),
		Konsekuensi:             append([]string(nil), s.Lampiran.Konsekuensi...),
	}
	return out
}

// --- workflow ---

// skpStep is a workflow step the actor may take on the loaded SKP: label
// is said in the guidance, short in the footer.
type skpStep struct {
	act               domain.SKPAction
	key, label, short string
}

// skpSteps lists the steps CanSKP allows now, each with its key on the
// Rencana tab.
func skpSteps(h *skpHost) []skpStep {
	all := []struct {
		op   domain.SKPOp
		step skpStep
	}{
		{domain.OpSubmit, skpStep{domain.ActSubmit, "a", "Ajukan ke penilai", "Ajukan"}},
		{domain.OpApprove, skpStep{domain.ActApprove, "s", "Setujui", "Setujui"}},
		{domain.OpReturn, skpStep{domain.ActReturn, "k", "Kembalikan", "Kembalikan"}},
		{domain.OpRevise, skpStep{domain.ActRevise, "r", "Revisi SKP", "Revisi SKP"}},
	}
	var out []skpStep
	for _, x := range all {
		if skpCan(h, x.op) == nil {
			out = append(out, x.step)
		}
	}
	return out
}

// skpStepDone is the status line after a successful step.
func skpStepDone(act domain.SKPAction) string {
	switch act {
	case domain.ActSubmit:
		return "SKP diajukan ke pejabat penilai kinerja."
	case domain.ActApprove:
		return "SKP disetujui."
	case domain.ActReturn:
		return "SKP dikembalikan ke pegawai dengan catatan."
	case domain.ActRevise:
		return "Revisi SKP dibuka: ubah rencana, lalu ajukan lagi ke penilai."
	}
	return "Tersimpan."
}

// runSKPStep starts a step: a confirmation for Ajukan and Setujui, a note
// form for Kembalikan and Revisi (a note is required there).
func runSKPStep(h *skpHost, act domain.SKPAction) tea.Cmd {
	if h.file == nil {
		return nil
	}
	s := h.file.SKP
	id := s.ID
	do := h.cmd(func(ctx context.Context) tea.Msg {
		return skpDoneMsg{status: skpStepDone(act), err: h.c.Kinerja.SKPAction(ctx, id, act, "")}
	})
	st := &h.c.Styles
	switch act {
	case domain.ActSubmit:
		if err := skpCan(h, domain.OpSubmit); err != nil {
			return failure(err)
		}
		text := "Ajukan SKP " + strconv.Itoa(s.Year) + " ke " + skpNameOr(s.Penilai.Nama, "pejabat penilai kinerja") +
			"? Setelah diajukan, rencana tidak dapat diubah kecuali dikembalikan."
		if ws := domain.SKPWarnings(s); len(ws) > 0 {
			text += "\n\nPerhatikan: " + strings.Join(ws, " ")
		}
		return showDialog(confirmDialog(st, "Ajukan ke penilai", text, "Ya, ajukan", "Tidak", do, nil))
	case domain.ActApprove:
		if err := skpCan(h, domain.OpApprove); err != nil {
			return failure(err)
		}
		text := "Setujui SKP " + strconv.Itoa(s.Year) + " " + inert(s.Pegawai.Nama) +
			"? Setelah disetujui, perubahan hanya melalui revisi yang tercatat."
		return showDialog(confirmDialog(st, "Setujui SKP", text, "Ya, setujui", "Tidak", do, nil))
	case domain.ActReturn:
		if err := skpCan(h, domain.OpReturn); err != nil {
			return failure(err)
		}
		return push(newSKPNoteForm(h.c, s, act, nil))
	case domain.ActRevise:
		if err := skpCan(h, domain.OpRevise); err != nil {
			return failure(err)
		}
		return push(newSKPNoteForm(h.c, s, act, skpFinalEvals(h.file)))
	}
	return nil
}

func skpNameOr(name, alt string) string {
	if strings.TrimSpace(name) == "" {
		return alt
	}
	return inert(name)
}

// tabTitles are the labels of the tabs, for tabBar.
func tabTitles(tabs []skpTab) []string {
	out := make([]string, len(tabs))
	for i, t := range tabs {
		out[i] = t.Title()
	}
	return out
}

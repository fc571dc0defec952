package tui

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// --- Rencana perbaikan ---

// meritPlanTab is the rencana perbaikan: per action its indicator, text,
// owner, due date and status. F5 proposes actions for the indicators below
// the third level (domain.SuggestActions); due dates feed Pengingat
// (meritReminders).
type meritPlanTab struct {
	h      *meritHost
	cursor int
	top    int
	ht     int
}

func newMeritPlanTab(h *meritHost) skpTab { return &meritPlanTab{h: h} }

func (t *meritPlanTab) Title() string   { return "Rencana perbaikan" }
func (t *meritPlanTab) Capturing() bool { return false }

func (t *meritPlanTab) planErr() error { return t.h.can(domain.MeritPlan) }

func (t *meritPlanTab) Keys() []KeyHelp {
	if t.planErr() != nil {
		return []KeyHelp{{"↑↓", "Pilih"}}
	}
	keys := []KeyHelp{}
	if t.h.a != nil && len(t.h.a.Actions) > 0 {
		keys = append(keys, KeyHelp{"Enter", "Ubah"})
	}
	keys = append(keys, KeyHelp{"F5", "Saran otomatis"}, KeyHelp{"F6", "Tambah"})
	if t.h.a != nil && len(t.h.a.Actions) > 0 {
		keys = append(keys, KeyHelp{"Del", "Hapus"})
	}
	return keys
}

func (t *meritPlanTab) move(d int) {
	n := 0
	if t.h.a != nil {
		n = len(t.h.a.Actions)
	}
	t.cursor = max(0, min(n-1, t.cursor+d))
	if t.cursor < t.top {
		t.top = t.cursor
	}
	if t.cursor >= t.top+max(1, t.ht) {
		t.top = t.cursor - max(1, t.ht) + 1
	}
}

// meritNextIDs gives ids above every id the assessment has used.
func meritNextIDs(a *domain.MeritAssessment) func() uint64 {
	next := a.NextID
	for _, x := range a.Actions {
		next = max(next, x.ID)
	}
	return func() uint64 { next++; return next }
}

func (t *meritPlanTab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case meritReloadedMsg:
		t.move(0)
	case tea.KeyMsg:
		if t.h.a == nil {
			return nil
		}
		if listKeys(msg.String(), max(1, t.ht), len(t.h.a.Actions), t.move) {
			return nil
		}
		switch msg.String() {
		case "enter":
			if t.cursor < len(t.h.a.Actions) {
				return t.edit(t.cursor)
			}
			return t.edit(-1)
		case "f6", "insert":
			return t.edit(-1)
		case "f5":
			return t.suggest()
		case "delete", "f4":
			return t.remove()
		}
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft {
			i := t.top + msg.Y - meritPlanHead
			if i >= 0 && t.h.a != nil && i < len(t.h.a.Actions) {
				if i == t.cursor {
					return t.edit(i)
				}
				t.cursor = i
			}
		}
	}
	return nil
}

func (t *meritPlanTab) edit(i int) tea.Cmd {
	if err := t.planErr(); err != nil {
		return failure(err)
	}
	code := ""
	if i < 0 {
		// A new action starts on the weakest indicator without one.
		r := domain.SuggestActions(*t.h.in, *t.h.a, func() uint64 { return 0 })
		if len(r) > 0 {
			code = r[0].Indicator
		}
	}
	return push(newMeritActionForm(t.h.c, *t.h.in, *t.h.a, i, code))
}

func (t *meritPlanTab) suggest() tea.Cmd {
	if err := t.planErr(); err != nil {
		return failure(err)
	}
	a := t.h.a
	add := domain.SuggestActions(*t.h.in, *a, meritNextIDs(a))
	if len(add) == 0 {
		return info("Tidak ada saran baru: setiap indikator yang dijawab di bawah tingkat 3 sudah punya rencana perbaikan.")
	}
	all := append(append([]domain.MeritAction(nil), a.Actions...), add...)
	id := a.ID
	return t.h.done(itoa(len(add))+" saran rencana perbaikan ditambahkan; lengkapi penanggung jawab dan tenggatnya (Enter).",
		func(ctx context.Context, m MeritRepo) error { return m.SaveMeritActions(ctx, id, all) })
}

func (t *meritPlanTab) remove() tea.Cmd {
	if err := t.planErr(); err != nil {
		return failure(err)
	}
	a := t.h.a
	if t.cursor >= len(a.Actions) {
		return nil
	}
	x := a.Actions[t.cursor]
	rest := append(append([]domain.MeritAction(nil), a.Actions[:t.cursor]...), a.Actions[t.cursor+1:]...)
	id := a.ID
	do := t.h.done("Rencana perbaikan "+x.Indicator+" dihapus.", func(ctx context.Context, m MeritRepo) error { return m.SaveMeritActions(ctx, id, rest) })
	return showDialog(confirmDialog(&t.h.c.Styles, "Hapus rencana", "Hapus rencana perbaikan indikator "+inert(x.Indicator)+": \""+
		inert(clip(x.Text, 60))+"\"?", "Ya, hapus", "Tidak", do, nil))
}

// meritPlanHead is the number of lines above the first action.
const meritPlanHead = 3

func meritPlanCols(w int) (ind, text, owner, due, stat int) {
	ind, owner, due, stat = 9, 18, 10, 12
	return ind, max(10, w-2-ind-owner-due-stat-4), owner, due, stat
}

func (t *meritPlanTab) View(w, h int) string {
	if t.h.a == nil {
		return ""
	}
	st := &t.h.c.Styles
	a := t.h.a
	today := t.h.c.today()
	var lines []string
	guide := "F5 menyarankan tindakan untuk indikator di bawah tingkat 3; tenggat muncul di Pengingat."
	if err := t.planErr(); err != nil {
		guide = "Hanya dapat dibaca: " + domain.ErrorMessage(err)
	}
	lines = append(lines, st.Muted.Render(clip(guide, w)), "")
	ind, text, owner, due, stat := meritPlanCols(w)
	lines = append(lines, st.TableHeader.Render(clip("  "+fit("Indikator", ind)+" "+fit("Tindakan", text)+" "+fit("Penanggung jawab", owner)+" "+
		fit("Tenggat", due)+" "+fit("Status", stat), w)))
	t.ht = max(1, h-meritPlanHead)
	t.move(0)
	end := min(len(a.Actions), t.top+t.ht)
	for i := t.top; i < end; i++ {
		x := a.Actions[i]
		dueText := ""
		if !x.Due.IsZero() {
			dueText = x.Due.String()
		}
		status := x.Status.String()
		if x.Status != domain.PlanSelesai && !x.Due.IsZero() && x.Due.Before(today) {
			status += " !"
		}
		line := fit(x.Indicator, ind) + " " + fit(x.Text, text) + " " + fit(x.Owner, owner) + " " + fit(dueText, due) + " " + fit(status, stat)
		if i == t.cursor {
			lines = append(lines, st.RowSelected.Render(fit("› "+line, w)))
		} else {
			lines = append(lines, clip("  "+line, w))
		}
	}
	if len(a.Actions) == 0 {
		lines = append(lines, st.Muted.Render(clip("  Belum ada rencana perbaikan.", w)))
	} else if t.cursor < len(a.Actions) && h-len(lines) >= 3 {
		x := a.Actions[t.cursor]
		lines = append(lines, "", st.Muted.Render(strings.Repeat("─", max(1, w))))
		for i, l := range kinWrap(x.Indicator+": "+x.Text, max(20, w)) {
			if i == 2 {
				break
			}
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// newMeritActionForm adds (i < 0) or edits action i of the rencana
// perbaikan; the whole list is saved.
func newMeritActionForm(c *Common, in domain.Instrument, a domain.MeritAssessment, i int, code string) *skpActForm {
	cur := domain.MeritAction{Indicator: code, Status: domain.PlanBelum}
	if i >= 0 && i < len(a.Actions) {
		cur = a.Actions[i]
	}
	var codes, opts []string
	ic := -1
	for _, x := range in.Indicators {
		codes = append(codes, x.Code)
		opts = append(opts, x.Code+" · "+x.Text)
		if x.Code == cur.Indicator {
			ic = len(codes) - 1
		}
	}
	ind := choiceField("indikator", "Indikator", opts, ic)
	ind.chooser = false
	ind.hint = "←/→ memilih indikator yang diperbaiki."
	text := textField("tindakan", "Tindakan", cur.Text, domain.MaxMeritText)
	text.hint = "Langkah perbaikan yang akan dilakukan."
	owner := textField("penanggung_jawab", "Penanggung jawab", cur.Owner, 200)
	owner.hint = "Nama atau jabatan yang bertanggung jawab."
	dueS := ""
	if !cur.Due.IsZero() {
		dueS = cur.Due.String()
	}
	due := textField("tenggat", "Tenggat", dueS, 10)
	due.hint = "HH-BB-TTTT, misalnya 30-06-2027; muncul di Pengingat."
	var sopts []string
	sc := 0
	for k, s := range domain.PlanStatuses() {
		sopts = append(sopts, s.String())
		if s == cur.Status {
			sc = k
		}
	}
	status := choiceField("status", "Status", sopts, sc)
	title := "Rencana perbaikan baru"
	if i >= 0 {
		title = "Ubah rencana perbaikan"
	}
	f := newSKPActForm(c, title, nil, []*field{ind, text, owner, due, status})
	f.form.focusKey("tindakan")
	id := a.ID
	f.prepare = func(v map[string]string) (func(context.Context) (uint64, string, error), domain.FieldErrors) {
		next := cur
		if k := f.form.get("indikator").choice; k >= 0 && k < len(codes) {
			next.Indicator = codes[k]
		} else {
			next.Indicator = ""
		}
		next.Text, next.Owner = strings.TrimSpace(v["tindakan"]), strings.TrimSpace(v["penanggung_jawab"])
		d, err := domain.ParseDate(v["tenggat"])
		if err != nil {
			return nil, domain.FieldErrors{"tenggat": domain.ErrorMessage(err)}
		}
		next.Due = d
		next.Status = domain.PlanStatuses()[max(0, f.form.get("status").choice)]
		if err := domain.ValidateAction(in, next); err != nil {
			return nil, meritFieldErrors(err, "tindakan", "indikator", "penanggung_jawab", "status")
		}
		all := append([]domain.MeritAction(nil), a.Actions...)
		if i >= 0 && i < len(all) {
			all[i] = next
		} else {
			next.ID = meritNextIDs(&a)()
			all = append(all, next)
		}
		return func(ctx context.Context) (uint64, string, error) {
			return 0, "Rencana perbaikan " + next.Indicator + " disimpan.", c.Merit.SaveMeritActions(ctx, id, all)
		}, nil
	}
	return f
}

// meritRemindersKind is the Pengingat kind of a rencana perbaikan action.
const meritRemindersKind domain.ReminderKind = "Rencana perbaikan merit"

// meritReminders are the open actions of the rencana perbaikan with a due
// date within months of today (or already past: Terlambat), for the
// Pengingat screen. Final assessments count too: their plan still runs.
// The row's name says which assessment; EmployeeID is 0.
func meritReminders(c *Common, as []domain.MeritAssessment, today domain.Date, months int) []reminderRow {
	if months <= 0 {
		months = 6
	}
	horizon := today.AddMonths(months)
	var out []reminderRow
	for _, a := range as {
		for _, x := range a.Actions {
			if x.Status == domain.PlanSelesai || x.Due.IsZero() || horizon.Before(x.Due) {
				continue
			}
			r := domain.Reminder{Kind: meritRemindersKind, Date: x.Due, Rule: "Indikator " + x.Indicator + ": " + x.Text}
			if x.Owner != "" {
				r.Rule += " (" + x.Owner + ")"
			}
			if x.Due.Before(today) {
				r.Terlambat = true
				r.Rule = "Terlambat " + itoa(x.Due.DaysUntil(today)) + " hari · " + r.Rule
			}
			out = append(out, reminderRow{r: r, name: "Sistem merit " + strconv.Itoa(a.Year) + " · " + meritScope(c, a.UnitID), meritID: a.ID})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].r.Date.Before(out[j].r.Date) })
	return out
}

// --- Tim ---

// meritTeamTab shows the team, the koordinator and the verifikator; Admin
// or the koordinator changes them (Enter).
type meritTeamTab struct{ h *meritHost }

func newMeritTeamTab(h *meritHost) skpTab { return &meritTeamTab{h: h} }

func (t *meritTeamTab) Title() string   { return "Tim" }
func (t *meritTeamTab) Capturing() bool { return false }

func (t *meritTeamTab) editErr() error {
	h := t.h
	if err := h.can(domain.MeritManage); err != nil {
		return err
	}
	if !h.c.Actor.Has(domain.RoleAdmin) && h.c.Actor.AccountID != h.a.Koordinator {
		return domain.Errorf(domain.EFORBIDDEN, "Tim diubah oleh Admin atau koordinator penilaian ini.")
	}
	if h.accounts == nil {
		msg := "Daftar akun tidak dapat dibaca; minta Admin menyusun tim."
		if h.accErr != nil {
			msg = domain.ErrorMessage(h.accErr) + " Minta Admin menyusun tim."
		}
		return domain.Errorf(domain.EFORBIDDEN, msg)
	}
	return nil
}

func (t *meritTeamTab) Keys() []KeyHelp {
	if t.h.a != nil && t.editErr() == nil {
		return []KeyHelp{{"Enter", "Ubah tim"}}
	}
	return nil
}

func (t *meritTeamTab) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok && (k.String() == "enter" || k.String() == "f5") && t.h.a != nil {
		if err := t.editErr(); err != nil {
			return failure(err)
		}
		return push(newMeritTeamScreen(t.h.c, *t.h.a, t.h.accounts))
	}
	return nil
}

func (t *meritTeamTab) View(w, h int) string {
	if t.h.a == nil {
		return ""
	}
	st := &t.h.c.Styles
	a := t.h.a
	var lines []string
	names := func(ids []uint64) string {
		if len(ids) == 0 {
			return "—"
		}
		var out []string
		for _, id := range ids {
			out = append(out, meritAccountName(t.h.names, id))
		}
		return strings.Join(out, ", ")
	}
	row := func(label, v string) {
		for i, l := range kinWrap(v, max(20, w-20)) {
			lab := strings.Repeat(" ", 18)
			if i == 0 {
				lab = st.Label.Render(fit(label, 18))
			}
			lines = append(lines, clip(lab+" "+l, w))
		}
	}
	k := "—"
	if a.Koordinator != 0 {
		k = meritAccountName(t.h.names, a.Koordinator)
	}
	row("Koordinator", k)
	row("Anggota Tim Merit", names(a.Team))
	row("Verifikator", names(a.Verifikator))
	lines = append(lines, "")
	if err := t.editErr(); err != nil {
		lines = append(lines, st.Muted.Render(clip("Hanya dapat dibaca: "+domain.ErrorMessage(err), w)))
	} else {
		lines = append(lines, st.Muted.Render(clip("Enter mengubah tim: anggota (peran Tim Merit), koordinator, verifikator.", w)))
	}
	if len(a.Unlocks) > 0 {
		lines = append(lines, "", st.Section.Render("Riwayat buka kunci"))
		for _, u := range a.Unlocks {
			lines = append(lines, clip(domain.DateOf(u.Time).String()+" · "+inert(u.By)+" · "+inert(u.Reason), w))
		}
	}
	return clipBlock(strings.Join(lines, "\n"), w, h)
}

// meritTeamScreen edits the team: one line per account; Space toggles a
// member (Tim Merit role), K makes the koordinator, V toggles a
// verifikator; Ctrl+S saves. Nothing is lost on Esc without a question.
type meritTeamScreen struct {
	base
	a        domain.MeritAssessment
	accounts []domain.Account
	team     map[uint64]bool
	verif    map[uint64]bool
	koord    uint64
	initial  string
	scroll
	busy bool
}

func newMeritTeamScreen(c *Common, a domain.MeritAssessment, accounts []domain.Account) *meritTeamScreen {
	s := &meritTeamScreen{base: newBase(c), a: a, team: map[uint64]bool{}, verif: map[uint64]bool{}, koord: a.Koordinator}
	for _, x := range accounts {
		if !x.Disabled || meritOnTeam(a, x.ID) {
			s.accounts = append(s.accounts, x)
		}
	}
	sort.SliceStable(s.accounts, func(i, j int) bool { return strings.ToLower(s.accounts[i].Name) < strings.ToLower(s.accounts[j].Name) })
	for _, id := range a.Team {
		s.team[id] = true
	}
	for _, id := range a.Verifikator {
		s.verif[id] = true
	}
	s.initial = s.key()
	return s
}

// meritOnTeam keeps a disabled account on the list while it is on the team.
func meritOnTeam(a domain.MeritAssessment, id uint64) bool {
	for _, x := range append(append([]uint64{a.Koordinator}, a.Team...), a.Verifikator...) {
		if x == id {
			return true
		}
	}
	return false
}

func (s *meritTeamScreen) key() string {
	var b strings.Builder
	for _, x := range s.accounts {
		b.WriteString(strconv.FormatBool(s.team[x.ID]) + strconv.FormatBool(s.verif[x.ID]) + ",")
	}
	return b.String() + strconv.FormatUint(s.koord, 10)
}

func (s *meritTeamScreen) Title() string   { return "Tim penilaian " + strconv.Itoa(s.a.Year) }
func (s *meritTeamScreen) Dirty() bool     { return s.key() != s.initial }
func (s *meritTeamScreen) Capturing() bool { return false }
func (s *meritTeamScreen) Keys() []KeyHelp {
	return []KeyHelp{{"Spasi", "Anggota"}, {"K", "Koordinator"}, {"V", "Verifikator"}, {"Ctrl+S", "Simpan"}, {"Esc", "Kembali"}}
}

func (s *meritTeamScreen) page() int { return max(1, s.h-4) }

func (s *meritTeamScreen) lists() (team, verif []uint64) {
	for _, x := range s.accounts {
		if s.team[x.ID] {
			team = append(team, x.ID)
		}
		if s.verif[x.ID] {
			verif = append(verif, x.ID)
		}
	}
	return team, verif
}

func (s *meritTeamScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case meritDoneMsg:
		s.busy = false
		if msg.err != nil {
			return failure(msg.err)
		}
		s.initial = s.key()
		return tea.Batch(reload(msg.status), pop(savedResult{}))
	case tea.KeyMsg:
		if listKeys(msg.String(), s.page(), len(s.accounts), func(d int) { s.scroll.move(d, len(s.accounts), s.page()) }) {
			return nil
		}
		if s.cursor >= len(s.accounts) {
			if msg.String() == "esc" {
				return pop(nil)
			}
			return nil
		}
		x := s.accounts[s.cursor]
		switch msg.String() {
		case " ", "f5":
			if !s.team[x.ID] && !x.HasRole(domain.RoleTimMerit) {
				return failure(domain.Errorf(domain.EINVALID, inert(x.Name)+" tidak memegang peran Tim Merit; Admin dapat menambahkannya di Akun pengguna."))
			}
			s.team[x.ID] = !s.team[x.ID]
			if !s.team[x.ID] && s.koord == x.ID {
				s.koord = 0
			}
		case "k", "K", "f6":
			if !s.team[x.ID] && !x.HasRole(domain.RoleTimMerit) {
				return failure(domain.Errorf(domain.EINVALID, "Koordinator harus anggota Tim Merit (peran Tim Merit)."))
			}
			s.team[x.ID] = true
			s.koord = x.ID
		case "v", "V", "f7":
			s.verif[x.ID] = !s.verif[x.ID]
		case "ctrl+s":
			return s.save()
		case "esc":
			if s.Dirty() {
				return showDialog(confirmDialog(&s.c.Styles, "Batal", "Perubahan tim belum disimpan. Buang dan kembali?", "Ya, buang", "Tidak", pop(nil), nil))
			}
			return pop(nil)
		}
	}
	return nil
}

func (s *meritTeamScreen) save() tea.Cmd {
	if s.busy {
		return nil
	}
	team, verif := s.lists()
	if err := domain.ValidateMeritTeam(team, s.koord, verif); err != nil {
		return failure(err)
	}
	s.busy = true
	id, koord := s.a.ID, s.koord
	repo := s.c.Merit
	return s.cmd(func(ctx context.Context) tea.Msg {
		return meritDone("Tim penilaian disimpan.", repo.SaveMeritTeam(ctx, id, team, koord, verif))
	})
}

func (s *meritTeamScreen) View() string {
	st := &s.c.Styles
	lines := []string{
		st.Muted.Render(clip("Spasi: anggota Tim Merit · K: koordinator · V: verifikator · Ctrl+S menyimpan.", s.w)), "",
		st.TableHeader.Render(clip(fit("Anggota", 8)+" "+fit("Koord.", 7)+" "+fit("Verif.", 7)+" "+fit("Nama", 30)+" Peran", s.w)),
	}
	mark := func(b bool) string {
		if b {
			return "[x]"
		}
		return "[ ]"
	}
	end := min(len(s.accounts), s.offset+s.page())
	for i := s.offset; i < end; i++ {
		x := s.accounts[i]
		var roles []string
		for _, r := range x.Roles {
			roles = append(roles, r.String())
		}
		line := fit(mark(s.team[x.ID]), 8) + " " + fit(map[bool]string{true: "(K)", false: ""}[s.koord == x.ID], 7) + " " + fit(mark(s.verif[x.ID]), 7) + " " +
			fit(x.Name+" ("+x.Username+")", 30) + " " + strings.Join(roles, ", ")
		if i == s.cursor {
			lines = append(lines, st.RowSelected.Render(fit(line, s.w)))
		} else {
			lines = append(lines, clip(line, s.w))
		}
	}
	return strings.Join(lines, "\n")
}

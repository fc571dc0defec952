package tui

import (
	"context"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// home is Beranda: the office at a glance and the ways in.
type home struct {
	base
	btn       buttons
	actions   []func() tea.Cmd
	reminders []reminderRow // only for Admin/Pimpinan
	counted   bool          // reminders have been computed
	// The fixed buttons; the SKP signals put theirs in front of them.
	baseLabels  []string
	baseActions []func() tea.Cmd
	skp         homeSKPMsg // what waits in the SKP cycle for this user
	skpReq      int
	moved       bool // the user moved the focus: keep it where he put it
}

// homeSKPMsg is what waits for the logged-in user in this year's SKP
// cycle: SKPs submitted to him as penilai, and his own SKP returned by
// his penilai with its note.
type homeSKPMsg struct {
	req      int
	waiting  int
	returned uint64 // the own SKP that was returned, 0 for none
	note     string
	err      error
}

func newHome(c *Common) *home {
	s := &home{base: newBase(c)}
	add := func(label string, f func() tea.Cmd) {
		s.baseLabels = append(s.baseLabels, label)
		s.baseActions = append(s.baseActions, f)
	}
	if c.can(domain.CanViewAudit) || c.can(domain.CanEditEmployee) {
		add("Daftar pegawai (F3)", func() tea.Cmd { return goArea(areaEmployees) })
	} else if c.Account.EmployeeID != 0 {
		add("Profil saya", func() tea.Cmd { return push(newEmployeeDetail(c, c.Account.EmployeeID)) })
		if c.can(func(a domain.Actor) error {
			if a.Has(domain.RolePenilai) {
				return nil
			}
			return domain.ErrForbidden
		}) {
			add("Pegawai yang saya nilai (F3)", func() tea.Cmd { return goArea(areaEmployees) })
		}
	}
	add("Kinerja (SKP)", func() tea.Cmd { return goArea(areaKinerja) })
	if c.can(domain.CanEditEmployee) {
		add("Tambah pegawai", func() tea.Cmd { return push(newEmployeeForm(c, nil)) })
	}
	if c.can(domain.CanViewReports) {
		add("Pengingat", func() tea.Cmd { return goArea(areaReminders) })
	}
	if c.can(domain.CanManageOffice) {
		add("Struktur organisasi (F4)", func() tea.Cmd { return goArea(areaUnits) })
	}
	add("Ganti kata sandi", func() tea.Cmd { return push(newPasswordForm(c, false)) })
	if c.Office.Demo && c.can(domain.CanManageOffice) {
		add("Hapus data contoh dan mulai kantor baru", s.confirmReset)
	}
	s.setButtons()
	return s
}

// setButtons puts the buttons of what waits (SKP to approve, an own SKP
// returned) before the fixed ones, keeping the focus on the same label.
func (s *home) setButtons() {
	focused := ""
	if s.btn.focus < len(s.btn.labels) {
		focused = s.btn.labels[s.btn.focus]
	}
	s.btn.labels, s.actions = nil, nil
	c := s.c
	if n := s.skp.waiting; n > 0 {
		s.btn.labels = append(s.btn.labels, "Tinjau SKP yang menunggu ("+itoa(n)+")")
		s.actions = append(s.actions, func() tea.Cmd { return push(newSKPListWaiting(c)) })
	}
	if id := s.skp.returned; id != 0 {
		s.btn.labels = append(s.btn.labels, "Buka SKP yang dikembalikan")
		s.actions = append(s.actions, func() tea.Cmd { return push(newSKPScreen(c, id)) })
	}
	s.btn.labels = append(s.btn.labels, s.baseLabels...)
	s.actions = append(s.actions, s.baseActions...)
	s.btn.focus = 0 // what waits comes first and has the focus
	for i, l := range s.btn.labels {
		if l == focused && s.moved {
			s.btn.focus = i
		}
	}
}

// loadSKP asks the SKP storage, off the UI loop, what waits for this user.
func (s *home) loadSKP() tea.Cmd {
	kin, me := s.c.Kinerja, s.c.Actor.EmployeeID
	if kin == nil || me == 0 {
		return nil
	}
	year := s.c.today().Year
	penilai := s.c.Actor.Has(domain.RolePenilai)
	s.skpReq++
	req := s.skpReq
	return s.cmd(func(ctx context.Context) tea.Msg {
		m := homeSKPMsg{req: req}
		rows, err := kin.SKPRows(ctx, year)
		if err != nil {
			m.err = err
			return m
		}
		for _, r := range rows {
			if penilai && r.Status == domain.SKPDiajukan && r.PenilaiID == me && r.EmployeeID != me {
				m.waiting++
			}
			if r.EmployeeID == me && r.Status == domain.SKPDikembalikan && m.returned == 0 {
				m.returned = r.SKPID
				if f, err := kin.SKPFile(ctx, r.SKPID); err == nil {
					m.note = f.SKP.ReturnNote
				}
			}
		}
		return m
	})
}

func (s *home) Title() string { return "Beranda" }

// Init computes the reminder counts for those who may see them and asks
// what waits in the SKP cycle.
func (s *home) Init() tea.Cmd {
	skp := s.loadSKP()
	if !s.c.can(domain.CanViewReports) {
		return skp
	}
	d, cmd := loadReport(&s.base)
	if d != nil {
		s.reminders, s.counted = computeReminders(d), true
	}
	return tea.Batch(cmd, skp)
}

func (s *home) Keys() []KeyHelp { return []KeyHelp{{"↑↓", "Pilih"}, {"Enter", "Buka"}} }

type resetDoneMsg struct{ err error }

func (s *home) confirmReset() tea.Cmd {
	do := s.cmd(func(ctx context.Context) tea.Msg { return resetDoneMsg{s.c.Repo.ResetOffice(ctx)} })
	return showDialog(confirmDialog(&s.c.Styles, "Hapus data contoh",
		"Semua pegawai dan unit kerja contoh akan dihapus, lalu Anda dapat memulai kantor sendiri. Lanjutkan?",
		"Ya, hapus", "Tidak", do, nil))
}

func (s *home) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		before := s.btn.focus
		if i, ok := s.btn.key(msg); ok {
			return s.actions[i]()
		}
		s.moved = s.moved || s.btn.focus != before
	case tea.MouseMsg:
		if i, ok := s.btn.mouse(msg); ok {
			s.moved = true
			return s.actions[i]()
		}
	case reportLoadedMsg:
		if msg.err == nil {
			s.c.report = msg.data
			s.reminders, s.counted = computeReminders(msg.data), true
		}
	case homeSKPMsg:
		if msg.req != s.skpReq {
			return nil
		}
		if msg.err != nil {
			s.c.logf("beranda: SKP: %v", msg.err)
			return nil // Beranda stays as it was: the SKP area says what is wrong
		}
		s.skp = msg
		s.setButtons()
	case dataChangedMsg:
		return s.Init()
	case resetDoneMsg:
		if msg.err != nil {
			return failure(msg.err)
		}
		return reload("Data contoh sudah dihapus.")
	}
	return nil
}

func (s *home) View() string {
	st := &s.c.Styles
	type count struct{ aktif, lain int }
	byKind := map[domain.Kind]*count{}
	byStatus := map[domain.Status]int{}
	total := count{}
	for _, r := range s.c.Rows {
		c := byKind[r.Kind]
		if c == nil {
			c = &count{}
			byKind[r.Kind] = c
		}
		if r.Status.Active() {
			c.aktif++
			total.aktif++
		} else {
			c.lain++
			total.lain++
		}
		byStatus[r.Status]++
	}
	var lines []string
	if s.c.Office.Demo {
		lines = append(lines, st.Banner.Render("Ini kantor contoh berisi data rekaan untuk mencoba-coba."), "")
	}
	if sig := s.skpLines(); len(sig) > 0 {
		lines = append(lines, st.Section.Render("Kinerja (SKP)"))
		lines = append(lines, sig...)
		lines = append(lines, "")
	}
	title := "Jumlah pegawai"
	if !s.c.can(domain.CanViewAudit) {
		title = "Pegawai yang dapat Anda lihat"
	}
	lines = append(lines, st.Section.Render(title), "")
	lines = append(lines, st.TableHeader.Render(fit("Jenis pegawai", 20)+fit("Aktif", 10)+fit("Tidak aktif", 13)+"Jumlah"))
	for _, k := range domain.Kinds() {
		c := byKind[k]
		if c == nil {
			c = &count{}
		}
		lines = append(lines, fit(k.String(), 20)+fit(itoa(c.aktif), 10)+fit(itoa(c.lain), 13)+itoa(c.aktif+c.lain))
	}
	lines = append(lines, st.Title.Render(fit("Jumlah", 20)+fit(itoa(total.aktif), 10)+fit(itoa(total.lain), 13)+itoa(total.aktif+total.lain)))
	var parts []string
	for _, stt := range domain.Statuses() {
		if n := byStatus[stt]; n > 0 {
			parts = append(parts, stt.String()+" "+itoa(n))
		}
	}
	if len(parts) > 0 {
		lines = append(lines, "", st.Muted.Render("Menurut status: "+strings.Join(parts, " · ")))
	}
	lines = append(lines, st.Muted.Render("Unit kerja: "+itoa(len(s.c.Units))))
	if s.counted && len(s.reminders) == 0 {
		lines = append(lines, "", st.Section.Render("Pengingat"), st.Muted.Render("Tidak ada yang jatuh tempo dalam waktu dekat."))
	} else if s.counted {
		counts := map[domain.ReminderKind]int{}
		for _, r := range s.reminders {
			counts[r.r.Kind]++
		}
		var parts []string
		for _, k := range reminderTabs()[1:] {
			parts = append(parts, string(k)+" "+itoa(counts[k]))
		}
		lines = append(lines, "", st.Section.Render("Pengingat"), clip(strings.Join(parts, " · "), s.w))
	}
	lines = append(lines, "")
	s.btn.top = len(lines)
	lines = append(lines, s.btn.view(st)...)
	return strings.Join(lines, "\n")
}

// skpLines says what waits in the SKP cycle; nothing when nothing waits.
func (s *home) skpLines() []string {
	st := &s.c.Styles
	var out []string
	if n := s.skp.waiting; n > 0 {
		out = append(out, clip(st.Title.Render(itoa(n)+" SKP menunggu persetujuan Anda")+
			st.Muted.Render(" — tombol \"Tinjau SKP yang menunggu\" di bawah."), s.w))
	}
	if s.skp.returned != 0 {
		note := strings.TrimSpace(s.skp.note)
		if i := strings.IndexAny(note, "\r\n"); i >= 0 {
			note = strings.TrimSpace(note[:i]) + " …"
		}
		text := "SKP Anda dikembalikan penilai — buka untuk membaca catatan."
		if note != "" {
			text = "SKP Anda dikembalikan penilai: " + inert(note)
		}
		out = append(out, clip(st.Banner.Render(text), s.w))
	}
	return out
}

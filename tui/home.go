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
}

func newHome(c *Common) *home {
	s := &home{base: newBase(c)}
	add := func(label string, f func() tea.Cmd) {
		s.btn.labels = append(s.btn.labels, label)
		s.actions = append(s.actions, f)
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
		s.btn.labels = append(s.btn.labels, "Hapus data contoh dan mulai kantor baru")
		s.actions = append(s.actions, s.confirmReset)
	}
	return s
}

func (s *home) Title() string { return "Beranda" }

// Init computes the reminder counts for those who may see them.
func (s *home) Init() tea.Cmd {
	if !s.c.can(domain.CanViewReports) {
		return nil
	}
	d, cmd := loadReport(&s.base)
	if d != nil {
		s.reminders, s.counted = computeReminders(d), true
	}
	return cmd
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
		if i, ok := s.btn.key(msg); ok {
			return s.actions[i]()
		}
	case tea.MouseMsg:
		if i, ok := s.btn.mouse(msg); ok {
			return s.actions[i]()
		}
	case reportLoadedMsg:
		if msg.err == nil {
			s.c.report = msg.data
			s.reminders, s.counted = computeReminders(msg.data), true
		}
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

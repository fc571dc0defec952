package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// backupScreen is Cadangan & data (Admin): back up now, restore, check and
// compact the data file.
type backupScreen struct {
	base
	btn  buttons
	busy string
}

func newBackupScreen(c *Common) *backupScreen {
	return &backupScreen{base: newBase(c), btn: buttons{labels: []string{
		"Cadangkan sekarang", "Pulihkan dari cadangan", "Periksa database", "Padatkan berkas data"}}}
}

func (s *backupScreen) Title() string   { return "Cadangan & data" }
func (s *backupScreen) Keys() []KeyHelp { return []KeyHelp{{"↑↓", "Pilih"}, {"Enter", "Jalankan"}} }

type (
	checkDoneMsg struct {
		problems []string
		err      error
	}
	compactDoneMsg struct {
		before, after int64
		err           error
	}
)

func (s *backupScreen) activate(i int) tea.Cmd {
	if s.busy != "" {
		return nil
	}
	switch i {
	case 0:
		return push(newBackupForm(s.c))
	case 1:
		return push(newRestoreList(s.c))
	case 2:
		s.busy = "Memeriksa database…"
		return s.cmd(func(ctx context.Context) tea.Msg {
			p, err := s.c.Repo.Check(ctx)
			return checkDoneMsg{p, err}
		})
	case 3:
		do := s.cmd(func(ctx context.Context) tea.Msg {
			b, a, err := s.c.Repo.Compact(ctx)
			return compactDoneMsg{b, a, err}
		})
		return showDialog(confirmDialog(&s.c.Styles, "Padatkan berkas data",
			"Berkas data ditulis ulang tanpa ruang kosong. Tidak ada data yang berubah. Lanjutkan?", "Ya, padatkan", "Tidak",
			func() tea.Msg { return taggedMsg{to: s.id, msg: startBusyMsg{"Memadatkan berkas data…", do}} }, nil))
	}
	return nil
}

type startBusyMsg struct {
	text string
	cmd  tea.Cmd
}

func mb(n int64) string {
	return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".", ",", 1)
}

func (s *backupScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case startBusyMsg:
		s.busy = msg.text
		return msg.cmd
	case checkDoneMsg:
		s.busy = ""
		if msg.err != nil {
			return failure(msg.err)
		}
		text := "Berkas data baik: struktur bbolt dan semua indeks sesuai."
		if len(msg.problems) > 0 {
			text = "Ditemukan " + itoa(len(msg.problems)) + " masalah:\n- " + strings.Join(msg.problems, "\n- ") +
				"\n\nPulihkan dari cadangan yang lolos pemeriksaan, atau hubungi pengelola TI."
		}
		return showDialog(messageDialog(&s.c.Styles, "Hasil pemeriksaan database", text))
	case compactDoneMsg:
		s.busy = ""
		if msg.err != nil {
			return failure(msg.err)
		}
		return info("Berkas data dipadatkan: " + mb(msg.before) + " → " + mb(msg.after) + ".")
	case tea.KeyMsg:
		if i, ok := s.btn.key(msg); ok {
			return s.activate(i)
		}
	case tea.MouseMsg:
		if i, ok := s.btn.mouse(msg); ok {
			return s.activate(i)
		}
	}
	return nil
}

func (s *backupScreen) View() string {
	st := &s.c.Styles
	lines := []string{
		"Cadangan otomatis dibuat saat aplikasi ditutup dan saat pertama dibuka setiap hari, di folder:",
		"  " + inert(s.c.Repo.BackupDir()),
		"Simpan juga salinan di flashdisk secara berkala: berkas data ini satu-satunya salinan kantor.",
		"",
	}
	s.btn.top = len(lines)
	lines = append(lines, s.btn.view(st)...)
	if s.busy != "" {
		lines = append(lines, st.Muted.Render(s.busy))
	}
	return strings.Join(lines, "\n")
}

// backupForm is Cadangkan sekarang: a folder (a flashdisk) and an optional
// passphrase.
type backupForm struct {
	base
	form *form
	busy bool
}

func newBackupForm(c *Common) *backupForm {
	dir := textField("dir", "Folder tujuan *", c.Repo.BackupDir(), 500)
	dir.hint = "Misalnya E:\\ untuk flashdisk. Folder dibuat bila belum ada."
	p := secretField("pass", "Frasa sandi")
	p.hint = "Kosongkan bila tidak perlu enkripsi. Tanpa frasa ini cadangan tidak dapat dipulihkan."
	p2 := secretField("pass2", "Ulangi frasa sandi")
	f := newForm(&c.Styles, []*field{dir, p, p2})
	f.submitLabel = "Cadangkan (Ctrl+S)"
	return &backupForm{base: newBase(c), form: f}
}

func (s *backupForm) Title() string    { return "Cadangkan sekarang" }
func (s *backupForm) Capturing() bool  { return true }
func (s *backupForm) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, min(h, 10)) }
func (s *backupForm) Keys() []KeyHelp  { return []KeyHelp{{"Tab", "Pindah"}, {"Ctrl+S", "Cadangkan"}} }

type backupDoneMsg struct {
	path string
	err  error
}

func (s *backupForm) Update(msg tea.Msg) tea.Cmd {
	if r, ok := msg.(backupDoneMsg); ok {
		s.busy, s.form.saving = false, false
		if r.err != nil {
			return failure(r.err)
		}
		return tea.Batch(pop(nil), info("Cadangan dibuat: "+r.path))
	}
	switch s.form.update(msg) {
	case formCancel:
		return pop(nil)
	case formSubmit:
		if s.busy {
			return nil
		}
		s.form.showAll = true
		s.form.errors = map[string]string{}
		dir := strings.TrimSpace(s.form.get("dir").value())
		pass := s.form.get("pass").value()
		if dir == "" {
			s.form.errors["dir"] = "Folder tujuan wajib diisi."
		}
		if pass != s.form.get("pass2").value() {
			s.form.errors["pass2"] = "Kedua frasa sandi tidak sama."
		}
		if len(s.form.errors) > 0 {
			return failure(domain.Errorf(domain.EINVALID, "Belum dapat dicadangkan: perbaiki isian yang bertanda ✗."))
		}
		s.busy, s.form.saving = true, true
		return s.cmd(func(ctx context.Context) tea.Msg {
			p, err := s.c.Repo.Backup(ctx, dir, pass)
			return backupDoneMsg{p, err}
		})
	}
	return nil
}

func (s *backupForm) View() string { return s.form.view() }

// restoreList lists the backups of the cadangan folder (or another folder)
// with whether each passes the check; Enter restores the chosen one.
type restoreList struct {
	base
	form    *form
	list    []BackupInfo
	loaded  bool
	cursor  int
	busy    bool
	pending *BackupInfo
}

func newRestoreList(c *Common) *restoreList {
	dir := textField("dir", "Folder cadangan", c.Repo.BackupDir(), 500)
	p := secretField("pass", "Frasa sandi")
	p.hint = "Hanya untuk cadangan terenkripsi (.age)."
	f := newForm(&c.Styles, []*field{dir, p})
	f.submitLabel, f.cancelLabel = "Tampilkan (Ctrl+S)", ""
	return &restoreList{base: newBase(c), form: f}
}

func (s *restoreList) Title() string    { return "Pulihkan" }
func (s *restoreList) Capturing() bool  { return true }
func (s *restoreList) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, 6) }
func (s *restoreList) Keys() []KeyHelp {
	return []KeyHelp{{"Ctrl+S", "Tampilkan"}, {"PgUp/PgDn", "Pilih cadangan"}, {"F5", "Pulihkan yang dipilih"}}
}

type (
	backupsListedMsg struct {
		list []BackupInfo
		err  error
	}
	restoredMsg struct{ err error }
)

func (s *restoreList) load() tea.Cmd {
	dir := strings.TrimSpace(s.form.get("dir").value())
	pass := s.form.get("pass").value()
	s.loaded = false
	return s.cmd(func(ctx context.Context) tea.Msg {
		l, err := s.c.Repo.ListBackups(ctx, dir, pass)
		return backupsListedMsg{l, err}
	})
}

func (s *restoreList) Init() tea.Cmd { return s.load() }

func (s *restoreList) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case backupsListedMsg:
		s.loaded = true
		if msg.err != nil {
			return failure(msg.err)
		}
		s.list, s.cursor = msg.list, 0
		return nil
	case startRestoreMsg:
		s.busy = true
		return msg.cmd
	case restoredMsg:
		s.busy = false
		if msg.err != nil {
			return failure(msg.err)
		}
		return func() tea.Msg { return logoutMsg{"Data dipulihkan. Silakan masuk lagi."} }
	case tea.KeyMsg:
		switch msg.String() {
		case "pgdown":
			s.cursor = min(len(s.list)-1, s.cursor+1)
			return nil
		case "pgup":
			s.cursor = max(0, s.cursor-1)
			return nil
		case "f5":
			return s.confirm()
		}
	}
	if s.form.update(msg) == formSubmit {
		return s.load()
	}
	return nil
}

func (s *restoreList) confirm() tea.Cmd {
	if s.busy || s.cursor >= len(s.list) {
		return nil
	}
	b := s.list[s.cursor]
	if !b.OK && !b.Encrypted {
		return failure(domain.Errorf(domain.EINVALID, "Cadangan ini tidak lolos pemeriksaan: "+b.Problem))
	}
	pass := s.form.get("pass").value()
	do := s.cmd(func(ctx context.Context) tea.Msg { return restoredMsg{s.c.Repo.Restore(ctx, b.Path, pass)} })
	return showDialog(confirmDialog(&s.c.Styles, "Pulihkan data",
		"Ganti seluruh data dengan cadangan "+filepath.Base(b.Path)+" ("+b.Time.Format("02-01-2006 15:04")+")? "+
			"Data yang sekarang dicadangkan dulu, jadi pemulihan ini dapat dibatalkan dengan memulihkan cadangan itu.",
		"Ya, pulihkan", "Tidak", func() tea.Msg { return taggedMsg{to: s.id, msg: startRestoreMsg{do}} }, nil))
}

type startRestoreMsg struct{ cmd tea.Cmd }

func (s *restoreList) View() string {
	st := &s.c.Styles
	out := s.form.view() + "\n"
	if !s.loaded {
		return out + st.Muted.Render("Memeriksa cadangan…")
	}
	if len(s.list) == 0 {
		return out + st.Muted.Render("Belum ada cadangan di folder ini.")
	}
	lines := []string{st.TableHeader.Render(fit("Berkas", 36) + " " + fit("Waktu", 17) + " " + fit("Ukuran", 10) + " Keadaan")}
	for i, b := range s.list {
		state := "✓ baik"
		switch {
		case b.Encrypted && !b.OK && b.Problem == "":
			state = "terenkripsi"
		case !b.OK:
			state = "✗ " + b.Problem
		}
		line := fit(filepath.Base(b.Path), 36) + " " + fit(b.Time.Format("02-01-2006 15:04"), 17) + " " + fit(mb(b.Size), 10) + " " + state
		if i == s.cursor {
			line = st.RowSelected.Render(clip(line, s.w))
		}
		lines = append(lines, line)
	}
	return out + strings.Join(lines, "\n")
}

package tui

import (
	"context"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// welcome is the first-run screen: no office in the file yet.
type welcome struct {
	base
	btn  buttons
	busy bool
}

func newWelcome(c *Common) *welcome {
	return &welcome{base: newBase(c), btn: buttons{labels: []string{"Coba dengan data contoh", "Mulai kantor baru"}}}
}

func (s *welcome) Title() string { return "Selamat datang" }

func (s *welcome) Keys() []KeyHelp {
	return []KeyHelp{{"↑↓", "Pilih"}, {"Enter", "Buka"}}
}

type demoLoadedMsg struct{ err error }

func (s *welcome) activate(i int) tea.Cmd {
	if s.busy {
		return nil
	}
	if i == 1 {
		return push(newSetup(s.c))
	}
	s.busy = true
	gen, kin, mer, today := s.c.Demo, s.c.DemoKinerja, s.c.DemoMerit, s.c.today()
	return s.cmd(func(ctx context.Context) tea.Msg {
		if gen == nil {
			return demoLoadedMsg{domain.Errorf(domain.EINTERNAL, "Data contoh tidak tersedia di versi ini.")}
		}
		o, units, emps, rws := gen(0, 1)
		if err := s.c.Repo.LoadDemoOffice(ctx, o, units, emps, rws); err != nil {
			return demoLoadedMsg{err}
		}
		if kin != nil && s.c.Kinerja != nil {
			if err := s.c.Kinerja.LoadDemoKinerja(ctx, kin(units, emps, today)); err != nil {
				return demoLoadedMsg{err}
			}
		}
		if mer != nil && s.c.Merit != nil {
			list, err := mer(ctx, units, today)
			if err == nil {
				err = s.c.Merit.LoadDemoMerit(ctx, list)
			}
			return demoLoadedMsg{err}
		}
		return demoLoadedMsg{}
	})
}

func (s *welcome) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if i, ok := s.btn.key(msg); ok {
			return s.activate(i)
		}
	case tea.MouseMsg:
		if i, ok := s.btn.mouse(msg); ok {
			return s.activate(i)
		}
	case demoLoadedMsg:
		s.busy = false
		if msg.err != nil {
			return failure(msg.err)
		}
		return reload("Kantor contoh siap. Masuk dengan salah satu akun contoh di bawah.")
	}
	return nil
}

func (s *welcome) View() string {
	st := &s.c.Styles
	lines := []string{
		"",
		st.Title.Render("Selamat datang di asndesk"),
		"",
		"Aplikasi kepegawaian untuk kantor Anda: profil pegawai PNS dan PPPK, SKP dan dialog",
		"kinerja, serta penilaian mandiri sistem merit. Semua data tersimpan di komputer ini,",
		"tanpa perlu internet.",
		"",
		"Belum ada data kantor. Pilih salah satu:",
		"",
	}
	s.btn.top = len(lines)
	lines = append(lines, s.btn.view(st)...)
	lines = append(lines,
		st.Muted.Render("Data contoh berisi kantor rekaan dengan 40 pegawai untuk mencoba-coba;"),
		st.Muted.Render("nanti dapat dihapus untuk memulai kantor Anda sendiri."))
	if s.busy {
		lines = append(lines, "", st.Muted.Render("Menyiapkan data contoh…"))
	}
	return strings.Join(lines, "\n")
}

// setup is "Mulai kantor baru": the instansi name and its units.
type setup struct {
	base
	form   *form
	saving bool
}

func newSetup(c *Common) *setup {
	name := textField("office", "Nama instansi/kantor *", "", domain.MaxNameLen)
	name.section = "Kantor"
	name.hint = "Contoh: Kecamatan Sukamaju, Puskesmas Cibeber, SMPN 2 Ende"
	units := textField("units", "Unit kerja", "", 2000)
	units.hint = "Pisahkan dengan titik koma (;). Dapat diubah nanti di menu Unit Kerja."
	admin := adminFields()
	admin[0].section = "Akun Admin pertama (operator kepegawaian)"
	f := newForm(&c.Styles, append([]*field{name, units}, admin...))
	return &setup{base: newBase(c), form: f}
}

func (s *setup) Title() string   { return "Mulai kantor baru" }
func (s *setup) Capturing() bool { return true }
func (s *setup) Dirty() bool {
	return strings.TrimSpace(s.form.get("office").value()+s.form.get("units").value()+s.form.get("password").value()) != ""
}
func (s *setup) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, h) }
func (s *setup) Keys() []KeyHelp {
	return []KeyHelp{{"Tab", "Pindah"}, {"Ctrl+S", "Simpan"}}
}

type setupDoneMsg struct {
	account domain.Account
	err     error
}

func (s *setup) Update(msg tea.Msg) tea.Cmd {
	if done, ok := msg.(setupDoneMsg); ok {
		s.saving, s.form.saving = false, false
		if done.err != nil {
			return failure(done.err)
		}
		return tea.Batch(func() tea.Msg { return loggedInMsg{done.account} },
			info("Kantor baru siap. Mulailah dengan menambah pegawai di menu Pegawai."))
	}
	switch s.form.update(msg) {
	case formChanged:
		s.validate()
	case formSubmit:
		s.form.showAll = true
		if !s.validate() {
			return failure(domain.Errorf(domain.EINVALID, "Belum dapat disimpan: perbaiki isian yang bertanda ✗."))
		}
		s.saving, s.form.saving = true, true
		name := strings.TrimSpace(s.form.get("office").value())
		units := strings.Split(s.form.get("units").value(), ";")
		admin, pw, _ := checkAdminFields(s.form)
		return s.cmd(func(ctx context.Context) tea.Msg {
			a, err := s.c.Repo.SetupOffice(ctx, domain.Office{Name: name}, units, admin, pw)
			return setupDoneMsg{a, err}
		})
	case formCancel:
		return pop(nil)
	}
	return nil
}

func (s *setup) validate() bool {
	s.form.errors = map[string]string{}
	if strings.TrimSpace(s.form.get("office").value()) == "" {
		s.form.errors["office"] = "Nama instansi wajib diisi."
	}
	checkAdminFields(s.form)
	return len(s.form.errors) == 0
}

func (s *setup) View() string { return s.form.view() }

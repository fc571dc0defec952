package tui

import (
	"context"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// login is the first screen of an office with accounts.
type login struct {
	base
	form *form
	busy bool
}

func newLogin(c *Common) *login {
	u := textField("username", "Nama pengguna", "", 32)
	p := secretField("password", "Kata sandi")
	f := newForm(&c.Styles, []*field{u, p})
	f.submitLabel, f.cancelLabel = "Masuk (Enter)", ""
	return &login{base: newBase(c), form: f}
}

func (s *login) Title() string    { return "Masuk" }
func (s *login) Capturing() bool  { return true }
func (s *login) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(min(w, 70), 6) }
func (s *login) Keys() []KeyHelp  { return []KeyHelp{{"Tab", "Pindah"}, {"Enter", "Masuk"}} }

type loginResultMsg struct {
	account domain.Account
	err     error
}

func (s *login) submit() tea.Cmd {
	if s.busy {
		return nil
	}
	user := strings.TrimSpace(strings.ToLower(s.form.get("username").value()))
	pw := s.form.get("password").value()
	if user == "" {
		s.form.focusKey("username")
		return failure(domain.Errorf(domain.EINVALID, "Isi nama pengguna."))
	}
	s.busy, s.form.saving = true, true
	repo, ctx := s.c.Repo, s.c.Base
	return s.cmd(func(context.Context) tea.Msg {
		a, err := repo.Login(ctx, user, pw)
		return loginResultMsg{a, err}
	})
}

func (s *login) Update(msg tea.Msg) tea.Cmd {
	if r, ok := msg.(loginResultMsg); ok {
		s.busy, s.form.saving = false, false
		if r.err != nil {
			s.form.get("password").input.SetValue("")
			s.form.focusKey("password")
			return failure(r.err)
		}
		return func() tea.Msg { return loggedInMsg{r.account} }
	}
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "enter" {
		if f := s.form.focused(); f != nil && f.key == "username" {
			s.form.focusKey("password")
			return nil
		}
		return s.submit()
	}
	if s.form.update(msg) == formSubmit {
		return s.submit()
	}
	return nil
}

func (s *login) View() string {
	st := &s.c.Styles
	lines := []string{"", st.Title.Render("Masuk ke asndesk"), "",
		"Kantor: " + inert(s.c.Office.Name), ""}
	body := strings.Join(lines, "\n") + "\n" + s.form.view()
	if s.c.Office.Demo && s.c.DemoLogins != "" {
		body += "\n\n" + st.Banner.Render("Kantor contoh — akun contoh untuk mencoba:")
		for _, l := range strings.Split(s.c.DemoLogins, "\n") {
			body += "\n  " + st.Muted.Render(l)
		}
	}
	return body
}

// firstAdmin creates the Admin of an office that has none yet (a data file
// from before accounts existed).
type firstAdmin struct {
	base
	form *form
	busy bool
}

func adminFields() []*field {
	u := textField("username", "Nama pengguna *", "admin", 32)
	u.hint = "Huruf kecil, angka, titik atau garis bawah; 3–32 karakter."
	n := textField("name", "Nama lengkap *", "", domain.MaxNameLen)
	p := secretField("password", "Kata sandi *")
	p.hint = "Minimal 8 karakter. Simpan baik-baik: tidak ada kata sandi bawaan."
	p2 := secretField("password2", "Ulangi kata sandi *")
	return []*field{u, n, p, p2}
}

// checkAdminFields validates the Admin part of a form; the messages go
// under the fields.
func checkAdminFields(f *form) (domain.Account, string, bool) {
	user := strings.TrimSpace(f.get("username").value())
	name := strings.TrimSpace(f.get("name").value())
	pw, pw2 := f.get("password").value(), f.get("password2").value()
	if err := domain.ValidateUsername(user); err != nil {
		f.errors["username"] = domain.ErrorMessage(err)
	}
	if name == "" {
		f.errors["name"] = "Nama lengkap wajib diisi."
	}
	if err := domain.ValidatePassword(user, pw); err != nil {
		f.errors["password"] = domain.ErrorMessage(err)
	} else if pw != pw2 {
		f.errors["password2"] = "Kedua kata sandi tidak sama."
	}
	a := domain.Account{Username: user, Name: name, Roles: []domain.Role{domain.RoleAdmin}}
	return a, pw, len(f.errors) == 0
}

func newFirstAdmin(c *Common) *firstAdmin {
	return &firstAdmin{base: newBase(c), form: newForm(&c.Styles, adminFields())}
}

func (s *firstAdmin) Title() string    { return "Buat akun Admin" }
func (s *firstAdmin) Capturing() bool  { return true }
func (s *firstAdmin) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, h-4) }
func (s *firstAdmin) Keys() []KeyHelp  { return []KeyHelp{{"Tab", "Pindah"}, {"Ctrl+S", "Simpan"}} }

type firstAdminDoneMsg struct {
	account domain.Account
	err     error
}

func (s *firstAdmin) Update(msg tea.Msg) tea.Cmd {
	if r, ok := msg.(firstAdminDoneMsg); ok {
		s.busy, s.form.saving = false, false
		if r.err != nil {
			return failure(r.err)
		}
		return func() tea.Msg { return loggedInMsg{r.account} }
	}
	ev := s.form.update(msg)
	if ev == formChanged && s.form.showAll {
		s.form.errors = map[string]string{}
		checkAdminFields(s.form)
	}
	if ev != formSubmit || s.busy {
		return nil
	}
	s.form.showAll = true
	s.form.errors = map[string]string{}
	a, pw, ok := checkAdminFields(s.form)
	if !ok {
		return failure(domain.Errorf(domain.EINVALID, "Belum dapat disimpan: perbaiki isian yang bertanda ✗."))
	}
	s.busy, s.form.saving = true, true
	repo, ctx := s.c.Repo, s.c.Base
	return s.cmd(func(context.Context) tea.Msg {
		acc, err := repo.CreateFirstAdmin(ctx, a, pw)
		return firstAdminDoneMsg{acc, err}
	})
}

func (s *firstAdmin) View() string {
	st := &s.c.Styles
	return st.Muted.Render("Berkas data ini belum mempunyai akun. Buat akun Admin (operator kepegawaian) pertama.") +
		"\n\n" + s.form.view()
}

// passwordForm changes the logged-in user's own password. forced: after an
// Admin reset, the user cannot go on before choosing a new one.
type passwordForm struct {
	base
	form   *form
	forced bool
	busy   bool
}

func newPasswordForm(c *Common, forced bool) *passwordForm {
	old := secretField("old", "Kata sandi lama *")
	nw := secretField("password", "Kata sandi baru *")
	nw.hint = "Minimal 8 karakter."
	nw2 := secretField("password2", "Ulangi kata sandi *")
	return &passwordForm{base: newBase(c), form: newForm(&c.Styles, []*field{old, nw, nw2}), forced: forced}
}

func (s *passwordForm) Title() string   { return "Ganti kata sandi" }
func (s *passwordForm) Capturing() bool { return true }
func (s *passwordForm) OwnsEsc() bool   { return s.forced }
func (s *passwordForm) Dirty() bool {
	return s.form.get("old").value()+s.form.get("password").value() != ""
}
func (s *passwordForm) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, min(h, 10)) }
func (s *passwordForm) Keys() []KeyHelp  { return []KeyHelp{{"Tab", "Pindah"}, {"Ctrl+S", "Simpan"}} }

type passwordChangedMsg struct{ err error }

func (s *passwordForm) Update(msg tea.Msg) tea.Cmd {
	if r, ok := msg.(passwordChangedMsg); ok {
		s.busy, s.form.saving = false, false
		if r.err != nil {
			return failure(r.err)
		}
		s.form.get("old").input.SetValue("")
		s.form.get("password").input.SetValue("")
		s.c.Account.MustChangePassword = false
		return tea.Batch(pop(nil), info("Kata sandi diganti."))
	}
	switch s.form.update(msg) {
	case formCancel:
		if s.forced {
			return failure(domain.Errorf(domain.EINVALID, "Buat kata sandi baru dulu sebelum melanjutkan."))
		}
		return pop(nil)
	case formSubmit:
		if s.busy {
			return nil
		}
		s.form.showAll = true
		s.form.errors = map[string]string{}
		nw := s.form.get("password").value()
		if err := domain.ValidatePassword(s.c.Account.Username, nw); err != nil {
			s.form.errors["password"] = domain.ErrorMessage(err)
		} else if nw != s.form.get("password2").value() {
			s.form.errors["password2"] = "Kedua kata sandi tidak sama."
		}
		if len(s.form.errors) > 0 {
			return failure(domain.Errorf(domain.EINVALID, "Belum dapat disimpan: perbaiki isian yang bertanda ✗."))
		}
		s.busy, s.form.saving = true, true
		old := s.form.get("old").value()
		return s.cmd(func(ctx context.Context) tea.Msg {
			return passwordChangedMsg{s.c.Repo.ChangePassword(ctx, old, nw)}
		})
	}
	return nil
}

func (s *passwordForm) View() string { return s.form.view() }

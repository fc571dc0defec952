package tui

import (
	"context"
	"errors"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// accountList is Akun pengguna (Admin): who may log in, with which roles.
type accountList struct {
	base
	list []domain.Account
	scroll
	loaded bool
}

func newAccountList(c *Common) *accountList { return &accountList{base: newBase(c)} }

func (s *accountList) Title() string { return "Akun pengguna" }
func (s *accountList) Keys() []KeyHelp {
	return []KeyHelp{{"F5", "Tambah"}, {"Enter", "Ubah"}, {"F7", "Atur ulang sandi"}, {"F8", "Buka kunci"}}
}

type accountsLoadedMsg struct {
	list []domain.Account
	err  error
}

type accountActionMsg struct {
	text string
	err  error
}

func (s *accountList) load() tea.Cmd {
	return s.cmd(func(ctx context.Context) tea.Msg {
		l, err := s.c.Repo.Accounts(ctx)
		return accountsLoadedMsg{l, err}
	})
}

func (s *accountList) Init() tea.Cmd { return s.load() }

func (s *accountList) current() (domain.Account, bool) {
	if s.cursor < len(s.list) {
		return s.list[s.cursor], true
	}
	return domain.Account{}, false
}

func (s *accountList) move(d int) { s.scroll.move(d, len(s.list), max(1, s.h-3)) }

func (s *accountList) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case accountsLoadedMsg:
		if msg.err != nil {
			return failure(msg.err)
		}
		s.list, s.loaded = msg.list, true
		s.move(0)
	case resultMsg, dataChangedMsg:
		return s.load()
	case accountActionMsg:
		if msg.err != nil {
			return failure(msg.err)
		}
		return tea.Batch(s.load(), info(msg.text))
	case tea.KeyMsg:
		a, ok := s.current()
		switch msg.String() {
		case "up":
			s.move(-1)
		case "down":
			s.move(1)
		case "f5", "insert":
			return push(newAccountForm(s.c, nil))
		case "enter", "f6":
			if ok {
				return push(newAccountForm(s.c, &a))
			}
		case "f7":
			if ok {
				return push(newResetForm(s.c, a))
			}
		case "f8":
			if ok {
				id, name := a.ID, a.Username
				return s.cmd(func(ctx context.Context) tea.Msg {
					return accountActionMsg{"Akun " + name + " dapat dipakai lagi.", s.c.Repo.UnlockAccount(ctx, id)}
				})
			}
		}
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft && msg.Y >= 2 {
			i := s.offset + msg.Y - 2
			if i < len(s.list) {
				if i == s.cursor {
					a := s.list[i]
					return push(newAccountForm(s.c, &a))
				}
				s.cursor = i
			}
		}
	}
	return nil
}

func (s *accountList) View() string {
	st := &s.c.Styles
	if !s.loaded {
		return st.Muted.Render("Memuat…")
	}
	roleW := max(16, s.w-14-24-22-4)
	lines := []string{st.Muted.Render(itoa(len(s.list)) + " akun"),
		st.TableHeader.Render(fit("Nama pengguna", 14) + " " + fit("Nama", 24) + " " + fit("Peran", roleW) + " " + fit("Keadaan", 22))}
	end := min(len(s.list), s.offset+max(1, s.h-3))
	for i := s.offset; i < end; i++ {
		a := s.list[i]
		var state []string
		if a.Disabled {
			state = append(state, "Nonaktif")
		}
		if a.MustChangePassword {
			state = append(state, "wajib ganti sandi")
		}
		if len(state) == 0 {
			state = append(state, "Aktif")
		}
		line := fit(a.Username, 14) + " " + fit(a.Name, 24) + " " + fit(roleNames(a.Roles), roleW) + " " + fit(strings.Join(state, ", "), 22)
		if i == s.cursor {
			line = st.RowSelected.Render(line)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// accountForm adds or changes an account.
type accountForm struct {
	base
	orig *domain.Account
	form *form
	emps []uint64
	busy bool
}

var yesNo = []string{"Tidak", "Ya"}

func newAccountForm(c *Common, a *domain.Account) *accountForm {
	s := &accountForm{base: newBase(c), orig: a}
	var d domain.Account
	if a != nil {
		d = *a
	}
	var fields []*field
	if a == nil {
		fields = append(fields, adminFields()...)
		fields[0].input.SetValue("")
	} else {
		n := textField("name", "Nama lengkap *", d.Name, domain.MaxNameLen)
		fields = append(fields, n)
	}
	for i, r := range domain.Roles() {
		v := 0
		if d.HasRole(r) {
			v = 1
		}
		f := choiceField("role"+itoa(int(r)), "Peran "+r.String(), yesNo, v)
		if i == 0 {
			f.section = "Peran"
		}
		fields = append(fields, f)
	}
	var names []string
	choice := -1
	for _, r := range c.Rows {
		if !r.Status.Active() {
			continue
		}
		if r.ID == d.EmployeeID {
			choice = len(s.emps)
		}
		s.emps = append(s.emps, r.ID)
		names = append(names, r.Nama+" — "+domain.FormatNIP(r.NIP))
	}
	emp := choiceField("employee", "Pegawai", names, choice)
	emp.chooser = true
	emp.section = "Keterkaitan"
	emp.hint = "Wajib untuk semua peran kecuali akun Admin murni."
	fields = append(fields, emp)
	if a != nil {
		v := 0
		if d.Disabled {
			v = 1
		}
		fields = append(fields, choiceField("disabled", "Nonaktifkan akun", yesNo, v))
	}
	s.form = newForm(&c.Styles, fields)
	s.form.snapshot()
	return s
}

func (s *accountForm) Title() string {
	if s.orig == nil {
		return "Tambah akun"
	}
	return "Ubah akun " + inert(s.orig.Username)
}
func (s *accountForm) Capturing() bool { return true }
func (s *accountForm) Dirty() bool {
	return s.form.changed()
}
func (s *accountForm) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, h) }
func (s *accountForm) Keys() []KeyHelp {
	return []KeyHelp{{"Tab", "Pindah"}, {"←/→", "Ya/Tidak"}, {"Ctrl+S", "Simpan"}}
}

type accountSavedMsg struct {
	id  uint64
	err error
}

func (s *accountForm) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case accountSavedMsg:
		s.busy, s.form.saving = false, false
		if msg.err != nil {
			var de *domain.Error
			if errors.As(msg.err, &de) && de.Field != "" && s.form.get(de.Field) != nil {
				s.form.errors[de.Field] = de.Message
				s.form.showAll = true
			}
			return failure(msg.err)
		}
		s.form.snapshot()
		return tea.Batch(pop(savedResult{msg.id}), info("Akun disimpan."))
	case choiceMadeMsg:
		if f := s.form.get(msg.key); f != nil {
			f.choice = msg.index
		}
		return nil
	}
	switch s.form.update(msg) {
	case formChoose:
		fl := s.form.focused()
		key := fl.key
		return showDialog(chooseDialog(&s.c.Styles, "Pilih pegawai", fl.options, fl.choice, func(i int) tea.Cmd {
			return func() tea.Msg { return taggedMsg{to: s.id, msg: choiceMadeMsg{key: key, index: i}} }
		}))
	case formCancel:
		return pop(nil)
	case formSubmit:
		return s.submit()
	}
	return nil
}

func (s *accountForm) submit() tea.Cmd {
	if s.busy {
		return nil
	}
	f := s.form
	f.showAll = true
	f.errors = map[string]string{}
	var a domain.Account
	var pw string
	if s.orig == nil {
		var ok bool
		a, pw, ok = checkAdminFields(f)
		_ = ok
		a.Roles = nil
	} else {
		a = *s.orig
		a.Name = strings.TrimSpace(f.get("name").value())
		if a.Name == "" {
			f.errors["name"] = "Nama lengkap wajib diisi."
		}
		a.Disabled = f.get("disabled").choice == 1
	}
	a.Roles = nil
	for _, r := range domain.Roles() {
		if f.get("role"+itoa(int(r))).choice == 1 {
			a.Roles = append(a.Roles, r)
		}
	}
	if len(a.Roles) == 0 {
		f.errors["role1"] = "Pilih paling sedikit satu peran."
	}
	a.EmployeeID = 0
	if i := f.get("employee").choice; i >= 0 && i < len(s.emps) {
		a.EmployeeID = s.emps[i]
	}
	onlyAdmin := len(a.Roles) == 1 && a.Roles[0] == domain.RoleAdmin
	if a.EmployeeID == 0 && !onlyAdmin && len(a.Roles) > 0 {
		f.errors["employee"] = "Akun dengan peran selain Admin harus terkait dengan seorang pegawai."
	}
	if len(f.errors) > 0 {
		return failure(domain.Errorf(domain.EINVALID, "Belum dapat disimpan: perbaiki isian yang bertanda ✗."))
	}
	s.busy, f.saving = true, true
	isNew := s.orig == nil
	return s.cmd(func(ctx context.Context) tea.Msg {
		if isNew {
			id, err := s.c.Repo.CreateAccount(ctx, a, pw)
			return accountSavedMsg{id, err}
		}
		return accountSavedMsg{a.ID, s.c.Repo.UpdateAccount(ctx, a)}
	})
}

func (s *accountForm) View() string { return s.form.view() }

// resetForm sets a new password for someone else (Admin); that user must
// change it at the next login.
type resetForm struct {
	base
	acc  domain.Account
	form *form
	busy bool
}

func newResetForm(c *Common, a domain.Account) *resetForm {
	p := secretField("password", "Kata sandi baru *")
	p.hint = "Sampaikan kepada pemilik akun; ia wajib menggantinya saat masuk."
	p2 := secretField("password2", "Ulangi kata sandi *")
	return &resetForm{base: newBase(c), acc: a, form: newForm(&c.Styles, []*field{p, p2})}
}

func (s *resetForm) Title() string    { return "Atur ulang sandi " + inert(s.acc.Username) }
func (s *resetForm) Capturing() bool  { return true }
func (s *resetForm) Dirty() bool      { return s.form.get("password").value() != "" }
func (s *resetForm) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, min(h, 8)) }
func (s *resetForm) Keys() []KeyHelp  { return []KeyHelp{{"Ctrl+S", "Simpan"}} }

func (s *resetForm) Update(msg tea.Msg) tea.Cmd {
	if r, ok := msg.(accountActionMsg); ok {
		s.busy, s.form.saving = false, false
		if r.err != nil {
			return failure(r.err)
		}
		s.form.get("password").input.SetValue("")
		return tea.Batch(pop(savedResult{s.acc.ID}), info(r.text))
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
		pw := s.form.get("password").value()
		if err := domain.ValidatePassword(s.acc.Username, pw); err != nil {
			s.form.errors["password"] = domain.ErrorMessage(err)
		} else if pw != s.form.get("password2").value() {
			s.form.errors["password2"] = "Kedua kata sandi tidak sama."
		}
		if len(s.form.errors) > 0 {
			return failure(domain.Errorf(domain.EINVALID, "Belum dapat disimpan: perbaiki isian yang bertanda ✗."))
		}
		s.busy, s.form.saving = true, true
		id, name := s.acc.ID, s.acc.Username
		return s.cmd(func(ctx context.Context) tea.Msg {
			return accountActionMsg{"Kata sandi " + name + " diatur ulang.", s.c.Repo.ResetPassword(ctx, id, pw)}
		})
	}
	return nil
}

func (s *resetForm) View() string { return s.form.view() }

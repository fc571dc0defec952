package tui

import (
	"context"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// unitList manages the office's units kerja.
type unitList struct {
	base
	cursor int
	offset int
}

func newUnitList(c *Common) *unitList { return &unitList{base: newBase(c)} }

func (s *unitList) Title() string { return "Unit Kerja" }

func (s *unitList) Keys() []KeyHelp {
	return []KeyHelp{{"F5", "Tambah"}, {"Enter/F6", "Ganti nama"}, {"F8", "Hapus"}}
}

func (s *unitList) units() []domain.Unit { return sortedUnits(s.c.Units) }

type unitDeletedMsg struct {
	name string
	err  error
}

func (s *unitList) page() int { return max(1, s.h-3) }

func (s *unitList) move(d int) {
	n := len(s.c.Units)
	s.cursor = max(0, min(n-1, s.cursor+d))
	if s.cursor < s.offset {
		s.offset = s.cursor
	}
	if s.cursor >= s.offset+s.page() {
		s.offset = s.cursor - s.page() + 1
	}
}

func (s *unitList) Update(msg tea.Msg) tea.Cmd {
	us := s.units()
	switch msg := msg.(type) {
	case dataChangedMsg:
		s.move(0)
	case resultMsg:
		if r, ok := msg.result.(savedResult); ok {
			for i, u := range s.units() {
				if u.ID == r.id {
					s.cursor = i
				}
			}
		}
	case unitDeletedMsg:
		if msg.err != nil {
			return failure(msg.err)
		}
		return reload("Unit kerja " + msg.name + " dihapus.")
	case tea.KeyMsg:
		switch msg.String() {
		case "up":
			s.move(-1)
		case "down":
			s.move(1)
		case "pgup":
			s.move(-s.page())
		case "pgdown":
			s.move(s.page())
		case "f5", "insert":
			return push(newUnitForm(s.c, domain.Unit{}))
		case "enter", "f6":
			if s.cursor < len(us) {
				return push(newUnitForm(s.c, us[s.cursor]))
			}
		case "f8", "delete":
			if s.cursor < len(us) {
				u := us[s.cursor]
				do := s.cmd(func(ctx context.Context) tea.Msg { return unitDeletedMsg{u.Name, s.c.Repo.DeleteUnit(ctx, u.ID)} })
				return showDialog(confirmDialog(&s.c.Styles, "Hapus unit kerja", "Hapus unit kerja "+inert(u.Name)+"?", "Ya, hapus", "Tidak", do, nil))
			}
		}
	case tea.MouseMsg:
		if msg.Action != tea.MouseActionPress {
			return nil
		}
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			s.move(-3)
		case tea.MouseButtonWheelDown:
			s.move(3)
		case tea.MouseButtonLeft:
			i := s.offset + msg.Y - 2
			if msg.Y >= 2 && i < len(us) {
				if i == s.cursor {
					return push(newUnitForm(s.c, us[i]))
				}
				s.cursor = i
			}
		}
	}
	return nil
}

func (s *unitList) View() string {
	st := &s.c.Styles
	us := s.units()
	counts := map[uint64]int{}
	for _, r := range s.c.Rows {
		if r.Status.Active() {
			counts[r.UnitID]++
		}
	}
	nameW := max(20, s.w-20)
	lines := []string{st.Muted.Render(itoa(len(us)) + " unit kerja"),
		st.TableHeader.Render(fit("Nama unit kerja", nameW) + " " + "Pegawai aktif")}
	end := min(len(us), s.offset+s.page())
	for i := s.offset; i < end; i++ {
		line := fit(us[i].Name, nameW) + " " + itoa(counts[us[i].ID])
		if i == s.cursor {
			line = st.RowSelected.Render(line)
		}
		lines = append(lines, line)
	}
	if len(us) == 0 {
		lines = append(lines, st.Muted.Render("Belum ada unit kerja. Tekan F5 untuk menambah."))
	}
	return strings.Join(lines, "\n")
}

// unitForm adds or renames a unit.
type unitForm struct {
	base
	unit    domain.Unit
	form    *form
	initial string
	saving  bool
}

func newUnitForm(c *Common, u domain.Unit) *unitForm {
	f := textField("name", "Nama unit kerja *", u.Name, domain.MaxNameLen)
	f.hint = "Contoh: Seksi Pemerintahan"
	return &unitForm{base: newBase(c), unit: u, form: newForm(&c.Styles, []*field{f}), initial: u.Name}
}

func (s *unitForm) Title() string {
	if s.unit.ID == 0 {
		return "Tambah unit kerja"
	}
	return "Ganti nama " + inert(s.unit.Name)
}
func (s *unitForm) Capturing() bool  { return true }
func (s *unitForm) Dirty() bool      { return s.form.get("name").value() != s.initial }
func (s *unitForm) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, min(h, 8)) }
func (s *unitForm) Keys() []KeyHelp  { return []KeyHelp{{"Enter/Ctrl+S", "Simpan"}} }

type unitSavedMsg struct {
	id  uint64
	err error
}

func (s *unitForm) Update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(unitSavedMsg); ok {
		s.saving, s.form.saving = false, false
		if m.err != nil {
			s.form.errors["name"] = domain.ErrorMessage(m.err)
			s.form.showAll = true
			return failure(m.err)
		}
		s.initial = s.form.get("name").value()
		return tea.Batch(reload("Unit kerja disimpan."), pop(savedResult{m.id}))
	}
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "enter" && s.form.focused() != nil {
		return s.submit()
	}
	switch s.form.update(msg) {
	case formChanged:
		s.form.errors = map[string]string{}
		if err := domain.ValidateUnitName(s.form.get("name").value()); err != nil {
			s.form.errors["name"] = domain.ErrorMessage(err)
		}
	case formSubmit:
		return s.submit()
	case formCancel:
		return pop(nil)
	}
	return nil
}

func (s *unitForm) submit() tea.Cmd {
	if s.saving {
		return nil
	}
	name := strings.TrimSpace(s.form.get("name").value())
	if err := domain.ValidateUnitName(name); err != nil {
		s.form.errors["name"] = domain.ErrorMessage(err)
		s.form.showAll = true
		return failure(err)
	}
	u := s.unit
	u.Name = name
	s.saving, s.form.saving = true, true
	return s.cmd(func(ctx context.Context) tea.Msg {
		id, err := s.c.Repo.SaveUnit(ctx, u)
		return unitSavedMsg{id, err}
	})
}

func (s *unitForm) View() string { return s.form.view() }

package tui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// settingsForm is Pengaturan (Admin): the career settings the regulation
// leaves to the office — reminder window, KP periods, cuti bersama of the
// year.
type settingsForm struct {
	base
	set    domain.CareerSettings
	form   *form
	loaded bool
	busy   bool
	year   int
}

func newSettingsForm(c *Common) *settingsForm {
	return &settingsForm{base: newBase(c), year: c.today().Year}
}

func (s *settingsForm) Title() string   { return "Pengaturan" }
func (s *settingsForm) Capturing() bool { return s.loaded }
func (s *settingsForm) Dirty() bool {
	if !s.loaded {
		return false
	}
	return s.form.changed()
}
func (s *settingsForm) SetSize(w, h int) {
	s.base.SetSize(w, h)
	if s.form != nil {
		s.form.setSize(w, min(h, 14))
	}
}
func (s *settingsForm) Keys() []KeyHelp { return []KeyHelp{{"Tab", "Pindah"}, {"Ctrl+S", "Simpan"}} }

type settingsLoadedMsg struct {
	set domain.CareerSettings
	err error
}

type settingsSavedMsg struct{ err error }

func (s *settingsForm) Init() tea.Cmd {
	return s.cmd(func(ctx context.Context) tea.Msg {
		set, err := s.c.Repo.Settings(ctx)
		return settingsLoadedMsg{set, err}
	})
}

func (s *settingsForm) build() {
	months := make([]string, len(s.set.KPMonths))
	for i, m := range s.set.KPMonths {
		months[i] = itoa(int(m))
	}
	cb := s.set.CutiBersamaFor(s.year)
	rem := textField("months", "Pengingat (bulan)", itoa(s.set.ReminderMonths), 2)
	rem.hint = "Berapa bulan ke depan Pengingat melihat; bawaan 6."
	kp := textField("kp", "Bulan periode KP", strings.Join(months, ","), 20)
	kp.hint = "Nomor bulan dipisah koma; bawaan 4,10 (1 April dan 1 Oktober)."
	days := textField("cb_days", "Cuti bersama "+itoa(s.year)+" (hari)", itoa(cb.Days), 2)
	days.hint = "Jumlah hari cuti bersama yang ditetapkan Presiden tahun ini."
	red := choiceField("cb_reduces", "Mengurangi cuti tahunan", yesNo, b2i(cb.Reduces))
	s.form = newForm(&s.c.Styles, []*field{rem, kp, days, red})
	s.form.setSize(s.w, min(s.h, 14))
	s.form.snapshot()
}

func (s *settingsForm) read() (domain.CareerSettings, bool) {
	set := s.set
	f := s.form
	f.errors = map[string]string{}
	n, err := strconv.Atoi(strings.TrimSpace(f.get("months").value()))
	if err != nil || n < 1 || n > 36 {
		f.errors["months"] = "Isi jumlah bulan antara 1 dan 36."
	}
	set.ReminderMonths = n
	set.KPMonths = nil
	for _, p := range strings.Split(f.get("kp").value(), ",") {
		m, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || m < 1 || m > 12 {
			f.errors["kp"] = "Tulis nomor bulan 1–12 dipisah koma, misalnya 4,10."
			break
		}
		set.KPMonths = append(set.KPMonths, time.Month(m))
	}
	d, err := strconv.Atoi(strings.TrimSpace(f.get("cb_days").value()))
	if err != nil || d < 0 || d > 30 {
		f.errors["cb_days"] = "Isi jumlah hari antara 0 dan 30."
	}
	cb := map[int]domain.CutiBersamaSetting{}
	for y, v := range set.CutiBersama {
		cb[y] = v
	}
	cb[s.year] = domain.CutiBersamaSetting{Days: d, Reduces: f.get("cb_reduces").choice == 1}
	set.CutiBersama = cb
	return set, len(f.errors) == 0
}

func (s *settingsForm) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case settingsLoadedMsg:
		if msg.err != nil {
			return failure(msg.err)
		}
		s.set, s.loaded = msg.set, true
		s.build()
		return nil
	case settingsSavedMsg:
		s.busy, s.form.saving = false, false
		if msg.err != nil {
			return failure(msg.err)
		}
		s.form.snapshot()
		return reload("Pengaturan disimpan.")
	}
	if !s.loaded {
		return nil
	}
	switch s.form.update(msg) {
	case formChanged:
		if s.form.showAll {
			s.read()
		}
	case formCancel:
		return pop(nil)
	case formSubmit:
		if s.busy {
			return nil
		}
		s.form.showAll = true
		set, ok := s.read()
		if !ok {
			return failure(domain.Errorf(domain.EINVALID, "Belum dapat disimpan: perbaiki isian yang bertanda ✗."))
		}
		s.busy, s.form.saving = true, true
		return s.cmd(func(ctx context.Context) tea.Msg { return settingsSavedMsg{s.c.Repo.SaveSettings(ctx, set)} })
	}
	return nil
}

func (s *settingsForm) View() string {
	if !s.loaded {
		return s.c.Styles.Muted.Render("Memuat…")
	}
	return s.form.view()
}

package tui

import (
	"context"
	"strings"
	"time"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// auditScreen is Riwayat perubahan (Admin, Pimpinan): read-only, filtered
// by date range, account, entity and employee.
type auditScreen struct {
	base
	form     *form
	accounts []domain.Account
	empIDs   []uint64
	entries  []domain.AuditEntry
	loaded   bool
	scroll
	req int
}

// auditEntities are the store's entity names (store.Entity*), "(semua)" first.
var auditEntities = []string{"(semua)", "pegawai", "riwayat", "skp", "unit", "peta atasan", "akun", "kantor", "pengaturan", "database"}

const auditFormH = 9

func newAuditScreen(c *Common) *auditScreen {
	s := &auditScreen{base: newBase(c)}
	s.buildForm()
	return s
}

func (s *auditScreen) buildForm() {
	from := textField("from", "Dari tanggal", "", 10)
	from.hint = "HH-BB-TTTT; kosong = sejak awal"
	to := textField("to", "Sampai tanggal", "", 10)
	acc := []string{"(semua)"}
	for _, a := range s.accounts {
		acc = append(acc, a.Username)
	}
	accF := choiceField("account", "Akun", acc, 0)
	accF.chooser = true
	ent := choiceField("entity", "Jenis data", auditEntities, 0)
	emps := []string{"(semua)"}
	s.empIDs = []uint64{0}
	for _, r := range s.c.Rows {
		emps = append(emps, r.Nama+" — "+domain.FormatNIP(r.NIP))
		s.empIDs = append(s.empIDs, r.ID)
	}
	empF := choiceField("employee", "Pegawai", emps, 0)
	empF.chooser = true
	f := newForm(&s.c.Styles, []*field{from, to, accF, ent, empF})
	f.submitLabel, f.cancelLabel = "Terapkan (Ctrl+S)", ""
	if s.form != nil {
		for _, k := range []string{"from", "to"} {
			f.get(k).input.SetValue(s.form.get(k).value())
		}
		f.get("entity").choice = s.form.get("entity").choice
		f.get("employee").choice = s.form.get("employee").choice
		f.setSize(s.form.w, s.form.h)
	}
	s.form = f
}

func (s *auditScreen) Title() string    { return "Riwayat perubahan" }
func (s *auditScreen) Capturing() bool  { return true }
func (s *auditScreen) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, auditFormH) }
func (s *auditScreen) Keys() []KeyHelp {
	return []KeyHelp{{"Tab", "Pindah saringan"}, {"Ctrl+S", "Terapkan"}, {"PgUp/PgDn", "Gulir hasil"}, {"F6", "Rincian lengkap"}}
}

type auditLoadedMsg struct {
	req      int
	entries  []domain.AuditEntry
	accounts []domain.Account
	err      error
}

func (s *auditScreen) filter() (AuditFilter, error) {
	var f AuditFilter
	from, err := domain.ParseDate(s.form.get("from").value())
	if err != nil {
		return f, err
	}
	to, err := domain.ParseDate(s.form.get("to").value())
	if err != nil {
		return f, err
	}
	if !from.IsZero() {
		f.From = time.Date(from.Year, from.Month, from.Day, 0, 0, 0, 0, time.Local)
	}
	if !to.IsZero() {
		f.To = time.Date(to.Year, to.Month, to.Day, 0, 0, 0, 0, time.Local).AddDate(0, 0, 1)
	}
	if i := s.form.get("account").choice; i > 0 && i-1 < len(s.accounts) {
		f.AccountID = s.accounts[i-1].ID
	}
	if i := s.form.get("entity").choice; i > 0 {
		f.Entity = auditEntities[i]
	}
	if i := s.form.get("employee").choice; i > 0 && i < len(s.empIDs) {
		f.Employee = s.empIDs[i]
	}
	f.Limit = 1000
	return f, nil
}

func (s *auditScreen) load() tea.Cmd {
	f, err := s.filter()
	if err != nil {
		return failure(err)
	}
	s.req++
	req, needAccounts := s.req, s.accounts == nil
	return s.cmd(func(ctx context.Context) tea.Msg {
		m := auditLoadedMsg{req: req}
		m.entries, m.err = s.c.Repo.Audit(ctx, f)
		if m.err == nil && needAccounts && s.c.can(domain.CanManageAccounts) {
			m.accounts, _ = s.c.Repo.Accounts(ctx)
		}
		return m
	})
}

func (s *auditScreen) Init() tea.Cmd { return s.load() }

func (s *auditScreen) page() int { return max(1, s.h-auditFormH-2) }

func (s *auditScreen) move(d int) { s.scroll.move(d, len(s.entries), s.page()) }

func (s *auditScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case auditLoadedMsg:
		if msg.req != s.req {
			return nil
		}
		if msg.err != nil {
			return failure(msg.err)
		}
		s.entries, s.loaded, s.cursor, s.offset = msg.entries, true, 0, 0
		if msg.accounts != nil {
			s.accounts = msg.accounts
			s.buildForm()
		}
		return nil
	case dataChangedMsg:
		return s.load()
	case choiceMadeMsg:
		if f := s.form.get(msg.key); f != nil {
			f.choice = msg.index
		}
		return s.load()
	case tea.KeyMsg:
		switch msg.String() {
		case "pgdown":
			s.move(s.page())
			return nil
		case "pgup":
			s.move(-s.page())
			return nil
		case "enter":
			if f := s.form.focused(); f == nil || f.kind == fieldText {
				return s.load()
			}
		case "f6":
			// The table shows one clipped line per change; the full
			// record (every changed field) reads on its own screen.
			if len(s.entries) > 0 {
				return push(newAuditDetail(s.c, s.entries, s.offset))
			}
			return info("Tidak ada catatan untuk dirinci.")
		}
	}
	switch s.form.update(msg) {
	case formSubmit:
		return s.load()
	case formChanged:
		if f := s.form.focused(); f != nil && f.kind == fieldChoice {
			return s.load()
		}
	case formChoose:
		fl := s.form.focused()
		key := fl.key
		return showDialog(chooseDialog(&s.c.Styles, "Pilih "+strings.ToLower(fl.label), fl.options, fl.choice, func(i int) tea.Cmd {
			return func() tea.Msg { return taggedMsg{to: s.id, msg: choiceMadeMsg{key: key, index: i}} }
		}))
	}
	return nil
}

func (s *auditScreen) View() string {
	st := &s.c.Styles
	out := s.form.view() + "\n"
	if !s.loaded {
		return out + st.Muted.Render("Memuat…")
	}
	sumW := max(10, s.w-17-14-18-10-4)
	lines := []string{st.TableHeader.Render(fit("Waktu", 17) + " " + fit("Akun", 14) + " " + fit("Tindakan", 18) + " " + fit("Data", 10) + " " + fit("Ringkasan", sumW))}
	end := min(len(s.entries), s.offset+s.page())
	for i := s.offset; i < end; i++ {
		e := s.entries[i]
		what := e.Entity
		if e.EntityID != 0 {
			what += " #" + itoa(int(e.EntityID))
		}
		line := fit(e.Time.Format("02-01-2006 15:04"), 17) + " " + fit(e.Account, 14) + " " + fit(e.Action, 18) + " " +
			fit(what, 10) + " " + fit(strings.Join(e.Summary, "; "), sumW)
		lines = append(lines, line)
	}
	if len(s.entries) == 0 {
		lines = append(lines, st.Muted.Render("Tidak ada catatan yang cocok dengan saringan."))
	} else {
		lines[0] = st.TableHeader.Render(fit("Waktu", 17)+" "+fit("Akun", 14)+" "+fit("Tindakan", 18)+" "+fit("Data", 10)+" ") + st.Muted.Render(itoa(len(s.entries))+" catatan, terbaru di atas")
	}
	return out + strings.Join(lines, "\n")
}

// auditDetail shows the filtered changes in full: each entry's time,
// account, action and data, then every summary line wrapped.
type auditDetail struct {
	base
	lines   []string
	firsts  []int // first line of each entry
	start   int   // entry shown first
	top     int
	entries []domain.AuditEntry
}

func newAuditDetail(c *Common, entries []domain.AuditEntry, start int) *auditDetail {
	d := &auditDetail{base: newBase(c), start: start}
	d.build(entries, 80)
	return d
}

func (d *auditDetail) build(entries []domain.AuditEntry, w int) {
	st := &d.c.Styles
	d.lines, d.firsts = nil, nil
	for _, e := range entries {
		d.firsts = append(d.firsts, len(d.lines))
		what := e.Entity
		if e.EntityID != 0 {
			what += " #" + itoa(int(e.EntityID))
		}
		d.lines = append(d.lines, st.Section.Render(clip(e.Time.Format("02-01-2006 15:04:05")+" · "+inert(e.Account)+" · "+e.Action+" · "+what, w)))
		for _, l := range e.Summary {
			for _, x := range kinWrap(l, max(10, w-4)) {
				d.lines = append(d.lines, "  "+x)
			}
		}
		d.lines = append(d.lines, "")
	}
	d.entries = entries
}

func (d *auditDetail) Title() string { return "Rincian perubahan" }
func (d *auditDetail) Keys() []KeyHelp {
	return []KeyHelp{{"↑↓", "Gulir"}, {"PgUp/PgDn", "Halaman"}}
}

func (d *auditDetail) SetSize(w, h int) {
	first := d.top == 0 && d.start > 0
	d.base.SetSize(w, h)
	d.build(d.entries, max(20, w))
	if first && d.start < len(d.firsts) {
		d.top = d.firsts[d.start]
		d.start = 0
	}
	d.scrollBy(0)
}

func (d *auditDetail) scrollBy(n int) {
	d.top = max(0, min(d.top+n, len(d.lines)-max(1, d.h)))
}

func (d *auditDetail) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		listKeys(msg.String(), max(1, d.h-1), len(d.lines), d.scrollBy)
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonWheelUp {
			d.scrollBy(-3)
		} else if msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonWheelDown {
			d.scrollBy(3)
		}
	}
	return nil
}

func (d *auditDetail) View() string {
	end := min(len(d.lines), d.top+max(1, d.h))
	return strings.Join(d.lines[d.top:end], "\n")
}

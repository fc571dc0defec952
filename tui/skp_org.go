package tui

import (
	"context"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// orgRatingScreen is Predikat kinerja organisasi: for a year, each unit's
// predikat (Istimewa … Sangat Kurang) with the optional capaian, set by
// Pimpinan or recorded by Admin. It decides the distribution pattern the
// penilai see and the head's rating hasil kerja.
type orgRatingScreen struct {
	base
	year    int
	tree    []treeLine
	ratings map[uint64]domain.OrgRating
	// names are the accounts' people by username, for "Ditetapkan oleh";
	// empty when this account may not list accounts.
	names  map[string]string
	loaded bool
	err    error
	req    int
	scroll
}

func newOrgRatingScreen(c *Common, year int) Screen {
	return &orgRatingScreen{base: newBase(c), year: year}
}

func (s *orgRatingScreen) Title() string { return "Predikat kinerja organisasi " + itoa(s.year) }

func (s *orgRatingScreen) Keys() []KeyHelp {
	keys := []KeyHelp{{"↑↓", "Pilih unit"}, {"←→", "Tahun"}}
	if s.c.can(domain.CanSetOrgRating) {
		keys = append(keys, KeyHelp{"Enter", "Tetapkan"})
	}
	return keys
}

type orgLoadedMsg struct {
	req      int
	nodes    []domain.UnitNode
	ratings  []domain.OrgRating
	accounts []domain.Account
	err      error
}

func (s *orgRatingScreen) load() tea.Cmd {
	s.req++
	req, year := s.req, s.year
	return s.cmd(func(ctx context.Context) tea.Msg {
		m := orgLoadedMsg{req: req}
		if m.nodes, m.err = s.c.Repo.UnitTree(ctx); m.err != nil {
			return m
		}
		if m.ratings, m.err = s.c.Kinerja.OrgRatings(ctx, year); m.err != nil {
			return m
		}
		// Only Admin may list accounts; anyone else sees the usernames
		// of others (their own is known).
		m.accounts, _ = s.c.Repo.Accounts(ctx)
		return m
	})
}

func (s *orgRatingScreen) Init() tea.Cmd { return s.load() }

func (s *orgRatingScreen) page() int  { return max(1, s.h-4) }
func (s *orgRatingScreen) move(d int) { s.scroll.move(d, len(s.tree), s.page()) }

func (s *orgRatingScreen) edit(i int) tea.Cmd {
	if i < 0 || i >= len(s.tree) {
		return nil
	}
	if err := domain.CanSetOrgRating(s.c.Actor); err != nil {
		return failure(err)
	}
	n := s.tree[i].node
	r, ok := s.ratings[n.ID]
	if !ok {
		r = domain.OrgRating{Year: s.year, UnitID: n.ID}
	}
	return push(newOrgRatingForm(s.c, n.Name, r))
}

func (s *orgRatingScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case orgLoadedMsg:
		if msg.req != s.req {
			return nil
		}
		s.loaded = true
		if msg.err != nil {
			s.err = msg.err
			return failure(msg.err)
		}
		s.err = nil
		s.names = make(map[string]string, len(msg.accounts))
		for _, a := range msg.accounts {
			s.names[a.Username] = s.personOf(a)
		}
		s.tree = buildTree(msg.nodes)
		s.ratings = make(map[uint64]domain.OrgRating, len(msg.ratings))
		for _, r := range msg.ratings {
			if r.Year == s.year {
				s.ratings[r.UnitID] = r
			}
		}
		s.move(0)
	case dataChangedMsg, resultMsg:
		return s.load()
	case tea.KeyMsg:
		if listKeys(msg.String(), s.page(), len(s.tree), s.move) {
			return nil
		}
		switch msg.String() {
		case "enter", "f6":
			return s.edit(s.cursor)
		case "left", "-":
			s.year--
			return s.load()
		case "right", "+", "=":
			s.year++
			return s.load()
		}
	case tea.MouseMsg:
		return s.listMouse(msg, 3, len(s.tree), s.move, s.edit)
	}
	return nil
}

func (s *orgRatingScreen) View() string {
	st := &s.c.Styles
	if s.err != nil {
		return st.StatusError.Render(domain.ErrorMessage(s.err))
	}
	if !s.loaded {
		return st.Muted.Render("Memuat…")
	}
	set := 0
	for _, l := range s.tree {
		if _, ok := s.ratings[l.node.ID]; ok {
			set++
		}
	}
	intro := itoa(set) + " dari " + itoa(len(s.tree)) + " unit sudah ditetapkan · ←→ tahun"
	note := ""
	if err := domain.CanSetOrgRating(s.c.Actor); err != nil {
		note = st.Muted.Render(clip("Hanya baca: "+domain.ErrorMessage(err), s.w))
	}
	type orgCells struct{ name, pred, capaian, by, date string }
	end := min(len(s.tree), s.offset+s.page())
	rows := make([]orgCells, 0, end-s.offset)
	nameNeed, byNeed := width("Unit kerja"), width("Ditetapkan oleh")
	predW, capW := width("Predikat"), width("Capaian")
	for i := s.offset; i < end; i++ {
		l := s.tree[i]
		c := orgCells{name: strings.Repeat("  ", l.depth) + l.node.Name, pred: "—"}
		if r, ok := s.ratings[l.node.ID]; ok {
			c.pred, c.capaian, c.by = r.Predikat.Label(), kinCapaian(r.Capaian), s.who(r.By)
			if !r.Time.IsZero() {
				c.date = domain.DateOf(r.Time).String()
			}
		}
		nameNeed, byNeed = max(nameNeed, width(c.name)), max(byNeed, min(28, width(c.by)))
		predW, capW = max(predW, width(c.pred)), max(capW, min(14, width(c.capaian)))
		rows = append(rows, c)
	}
	// Predikat and capaian as wide as what is shown; the unit's name
	// first, then the person: the rest of the line goes to whichever
	// needs it.
	const dateW = 10
	room := s.w - 2 - predW - capW - dateW - 4*2
	byW := max(15, min(byNeed, room-nameNeed))
	nameW := max(12, room-byW)
	row := func(c orgCells) string {
		return fit(c.name, nameW) + "  " + fit(c.pred, predW) + "  " + fit(c.capaian, capW) + "  " + fit(c.by, byW) + "  " + fit(c.date, dateW)
	}
	lines := []string{st.Muted.Render(clip(intro, s.w)), note,
		st.TableHeader.Render(clip("  "+row(orgCells{"Unit kerja", "Predikat", "Capaian", "Ditetapkan oleh", "Tanggal"}), s.w))}
	for j, c := range rows {
		if s.offset+j == s.cursor {
			lines = append(lines, st.RowSelected.Render(clip("› "+row(c), s.w)))
		} else {
			lines = append(lines, clip("  "+row(c), s.w))
		}
	}
	if len(s.tree) == 0 {
		lines = append(lines, st.Muted.Render("Belum ada unit kerja."))
	}
	return strings.Join(lines, "\n")
}

// personOf is the person an account belongs to: the employee's name when
// the account is linked to one, else the account's name.
func (s *orgRatingScreen) personOf(a domain.Account) string {
	if r, ok := s.c.Row(a.EmployeeID); ok && a.EmployeeID != 0 {
		return r.Nama
	}
	if a.Name != "" {
		return a.Name
	}
	return a.Username
}

// who names whoever set a predikat (stored as the actor's username): the
// person, "data contoh" for the demo loader, "sistem" for another
// automatic task.
func (s *orgRatingScreen) who(by string) string {
	if name, ok := strings.CutPrefix(by, "sistem:"); ok {
		if s.c.Office.Demo || strings.Contains(name, "demo") {
			return "data contoh"
		}
		return "sistem"
	}
	if by == s.c.Account.Username && by != "" {
		return s.personOf(s.c.Account)
	}
	if n, ok := s.names[by]; ok {
		return n
	}
	return by
}

// kinCapaian shows a capaian typed as a bare number as a percentage
// ("92" → "92%", "97,5" → "97,5%"); other text as typed.
func kinCapaian(c string) string {
	c = strings.TrimSpace(c)
	if c == "" {
		return ""
	}
	digits, seps := 0, 0
	for _, r := range c {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ',' || r == '.':
			seps++
		default:
			return c
		}
	}
	if digits == 0 || seps > 1 {
		return c
	}
	return c + "%"
}

// orgRatingForm sets one unit's predikat for a year.
type orgRatingForm struct {
	base
	unit string
	orig domain.OrgRating
	form *form
	busy bool
}

// kinOrgOptions are the choices: the five labels, and "(belum ditetapkan)"
// to clear a predikat set by mistake.
func kinOrgOptions() []string {
	out := []string{"(belum ditetapkan)"}
	for _, o := range domain.OrgPredikats() {
		out = append(out, o.Label())
	}
	return out
}

func newOrgRatingForm(c *Common, unit string, r domain.OrgRating) *orgRatingForm {
	s := &orgRatingForm{base: newBase(c), unit: unit, orig: r}
	choice := 0
	if i := indexOf(domain.OrgPredikats(), r.Predikat); i >= 0 {
		choice = i + 1
	}
	p := choiceField("predikat", "Predikat organisasi", kinOrgOptions(), choice)
	p.hint = "Dari capaian perjanjian kinerja unit: Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang."
	capF := textField("capaian", "Capaian (opsional)", r.Capaian, 60)
	capF.hint = "Misalnya 96% capaian PK; hanya catatan."
	s.form = newForm(&c.Styles, []*field{p, capF})
	s.form.snapshot()
	return s
}

func (s *orgRatingForm) Title() string {
	return "Predikat kinerja organisasi " + itoa(s.orig.Year) + " · " + inert(s.unit)
}
func (s *orgRatingForm) Capturing() bool  { return true }
func (s *orgRatingForm) Dirty() bool      { return s.form.changed() }
func (s *orgRatingForm) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, min(h, 10)) }
func (s *orgRatingForm) Keys() []KeyHelp {
	return []KeyHelp{{"←/→", "Ganti"}, {"Ctrl+S", "Simpan"}}
}

type orgSavedMsg struct{ err error }

func (s *orgRatingForm) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case orgSavedMsg:
		s.busy, s.form.saving = false, false
		if msg.err != nil {
			return failure(msg.err)
		}
		s.form.snapshot()
		return tea.Batch(pop(savedResult{s.orig.UnitID}), info("Predikat kinerja organisasi "+inert(s.unit)+" disimpan."))
	}
	switch s.form.update(msg) {
	case formCancel:
		return pop(nil)
	case formSubmit:
		if s.busy {
			return nil
		}
		r := s.orig
		r.Predikat = ""
		if i := s.form.get("predikat").choice; i > 0 {
			r.Predikat = domain.OrgPredikats()[i-1]
		}
		r.Capaian = strings.TrimSpace(s.form.get("capaian").value())
		s.busy, s.form.saving = true, true
		repo := s.c.Kinerja
		return s.cmd(func(ctx context.Context) tea.Msg { return orgSavedMsg{repo.SetOrgRating(ctx, r)} })
	}
	return nil
}

func (s *orgRatingForm) View() string { return s.form.view() }

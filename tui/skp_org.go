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
	loaded  bool
	err     error
	req     int
	scroll
}

func newOrgRatingScreen(c *Common, year int) Screen {
	return &orgRatingScreen{base: newBase(c), year: year}
}

func (s *orgRatingScreen) Title() string { return "Predikat kinerja organisasi " + itoa(s.year) }

func (s *orgRatingScreen) Keys() []KeyHelp {
	keys := []KeyHelp{{"↑↓", "Pilih unit"}, {"-/+", "Tahun"}}
	if s.c.can(domain.CanSetOrgRating) {
		keys = append(keys, KeyHelp{"Enter", "Tetapkan"})
	}
	return keys
}

type orgLoadedMsg struct {
	req     int
	nodes   []domain.UnitNode
	ratings []domain.OrgRating
	err     error
}

func (s *orgRatingScreen) load() tea.Cmd {
	s.req++
	req, year := s.req, s.year
	return s.cmd(func(ctx context.Context) tea.Msg {
		m := orgLoadedMsg{req: req}
		if m.nodes, m.err = s.c.Repo.UnitTree(ctx); m.err != nil {
			return m
		}
		m.ratings, m.err = s.c.Kinerja.OrgRatings(ctx, year)
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
		case "-":
			s.year--
			return s.load()
		case "+", "=":
			s.year++
			return s.load()
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
			if i := s.offset + msg.Y - 3; msg.Y >= 3 && i < len(s.tree) {
				if i == s.cursor {
					return s.edit(i)
				}
				s.cursor = i
			}
		}
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
	intro := itoa(set) + " dari " + itoa(len(s.tree)) + " unit sudah ditetapkan · -/+ tahun"
	note := ""
	if err := domain.CanSetOrgRating(s.c.Actor); err != nil {
		note = st.Muted.Render(clip("Hanya baca: "+domain.ErrorMessage(err), s.w))
	}
	nameW := max(20, s.w-18-14-24-3)
	lines := []string{st.Muted.Render(clip(intro, s.w)), note,
		st.TableHeader.Render(fit("Unit kerja", nameW) + " " + fit("Predikat", 18) + " " + fit("Capaian", 14) + " " + fit("Ditetapkan", 24))}
	end := min(len(s.tree), s.offset+s.page())
	for i := s.offset; i < end; i++ {
		l := s.tree[i]
		pred, capaian, by := "—", "", ""
		if r, ok := s.ratings[l.node.ID]; ok {
			pred, capaian = r.Predikat.Label(), r.Capaian
			by = strings.TrimSpace(inert(r.By) + " " + domain.DateOf(r.Time).String())
		}
		name := strings.Repeat("  ", l.depth) + l.node.Name
		line := fit(name, nameW) + " " + fit(pred, 18) + " " + fit(capaian, 14) + " " + fit(by, 24)
		if i == s.cursor {
			line = st.RowSelected.Render(line)
		}
		lines = append(lines, line)
	}
	if len(s.tree) == 0 {
		lines = append(lines, st.Muted.Render("Belum ada unit kerja."))
	}
	return strings.Join(lines, "\n")
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

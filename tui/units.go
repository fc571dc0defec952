package tui

import (
	"context"
	"sort"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// unitList is Struktur organisasi: the unit tree with heads and staff
// counts, and (F7) the atasan map of a year with its problems flagged.
type unitList struct {
	base
	tree  []treeLine
	nodes []domain.UnitNode
	scroll
	loaded bool
	req    int
}

type treeLine struct {
	node  domain.UnitNode
	depth int
}

func newUnitList(c *Common) *unitList { return &unitList{base: newBase(c)} }

func (s *unitList) Title() string { return "Struktur organisasi" }

func (s *unitList) Keys() []KeyHelp {
	return []KeyHelp{{"F5", "Tambah unit"}, {"Enter/F6", "Ubah"}, {"F8", "Hapus"}, {"F7", "Peta atasan"}}
}

type treeLoadedMsg struct {
	req   int
	nodes []domain.UnitNode
	err   error
}

type unitDeletedMsg struct {
	name string
	err  error
}

func (s *unitList) load() tea.Cmd {
	s.req++
	req := s.req
	return s.cmd(func(ctx context.Context) tea.Msg {
		n, err := s.c.Repo.UnitTree(ctx)
		return treeLoadedMsg{req, n, err}
	})
}

func (s *unitList) Init() tea.Cmd { return s.load() }

// buildTree orders the nodes depth-first, children by name.
func buildTree(nodes []domain.UnitNode) []treeLine {
	kids := map[uint64][]domain.UnitNode{}
	ids := map[uint64]bool{}
	for _, n := range nodes {
		ids[n.ID] = true
	}
	for _, n := range nodes {
		p := n.ParentID
		if !ids[p] {
			p = 0 // a dangling parent shows at the top rather than vanish
		}
		kids[p] = append(kids[p], n)
	}
	var out []treeLine
	var walk func(p uint64, depth int)
	seen := map[uint64]bool{}
	walk = func(p uint64, depth int) {
		ch := kids[p]
		sort.Slice(ch, func(i, j int) bool { return strings.ToLower(ch[i].Name) < strings.ToLower(ch[j].Name) })
		for _, n := range ch {
			if seen[n.ID] {
				continue
			}
			seen[n.ID] = true
			out = append(out, treeLine{n, depth})
			walk(n.ID, depth+1)
		}
	}
	walk(0, 0)
	return out
}

func (s *unitList) page() int { return max(1, s.h-3) }

func (s *unitList) move(d int) { s.scroll.move(d, len(s.tree), s.page()) }

func (s *unitList) current() (domain.UnitNode, bool) {
	if s.cursor < len(s.tree) {
		return s.tree[s.cursor].node, true
	}
	return domain.UnitNode{}, false
}

func (s *unitList) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case treeLoadedMsg:
		if msg.req != s.req {
			return nil
		}
		s.loaded = true
		if msg.err != nil {
			return failure(msg.err)
		}
		s.nodes = msg.nodes
		s.tree = buildTree(msg.nodes)
		s.move(0)
	case dataChangedMsg:
		return s.load()
	case resultMsg:
		if r, ok := msg.result.(savedResult); ok {
			return tea.Sequence(s.load(), func() tea.Msg { return taggedMsg{to: s.id, msg: selectUnitMsg{r.id}} })
		}
		return s.load()
	case selectUnitMsg:
		for i, l := range s.tree {
			if l.node.ID == msg.id {
				s.cursor = i
				s.move(0)
			}
		}
	case unitDeletedMsg:
		if msg.err != nil {
			return failure(msg.err)
		}
		return reload("Unit kerja " + msg.name + " dihapus.")
	case tea.KeyMsg:
		if listKeys(msg.String(), s.page(), len(s.tree), s.move) {
			return nil
		}
		switch msg.String() {
		case "f5", "insert":
			parent := uint64(0)
			if n, ok := s.current(); ok {
				parent = n.ParentID
			}
			return push(newUnitForm(s.c, domain.UnitNode{ParentID: parent}, s.nodes))
		case "enter", "f6":
			if n, ok := s.current(); ok {
				return push(newUnitForm(s.c, n, s.nodes))
			}
		case "f7":
			return push(newAtasanScreen(s.c, s.c.today().Year))
		case "f8", "delete":
			if n, ok := s.current(); ok {
				do := s.cmd(func(ctx context.Context) tea.Msg { return unitDeletedMsg{n.Name, s.c.Repo.DeleteUnit(ctx, n.ID)} })
				return showDialog(confirmDialog(&s.c.Styles, "Hapus unit kerja", "Hapus unit kerja "+inert(n.Name)+"?", "Ya, hapus", "Tidak", do, nil))
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
			if msg.Y >= 2 && i < len(s.tree) {
				if i == s.cursor {
					return push(newUnitForm(s.c, s.tree[i].node, s.nodes))
				}
				s.cursor = i
			}
		}
	}
	return nil
}

type selectUnitMsg struct{ id uint64 }

func (s *unitList) View() string {
	st := &s.c.Styles
	if !s.loaded {
		return st.Muted.Render("Memuat…")
	}
	counts := map[uint64]int{}
	for _, r := range s.c.Rows {
		if r.Status.Active() {
			counts[r.UnitID]++
		}
	}
	headW := 28
	nameW := max(20, s.w-headW-10)
	lines := []string{st.Muted.Render(itoa(len(s.tree)) + " unit kerja · F7 peta atasan"),
		st.TableHeader.Render(fit("Unit kerja", nameW) + " " + fit("Kepala", headW) + " " + "Pegawai")}
	end := min(len(s.tree), s.offset+s.page())
	for i := s.offset; i < end; i++ {
		l := s.tree[i]
		head := "– kosong –"
		if r, ok := s.c.Row(l.node.HeadID); ok {
			head = r.Nama
		}
		name := strings.Repeat("  ", l.depth) + l.node.Name
		if l.depth > 0 {
			name = strings.Repeat("  ", l.depth-1) + "└ " + l.node.Name
		}
		line := fit(name, nameW) + " " + fit(head, headW) + " " + itoa(counts[l.node.ID])
		if i == s.cursor {
			line = st.RowSelected.Render(line)
		}
		lines = append(lines, line)
	}
	if len(s.tree) == 0 {
		lines = append(lines, st.Muted.Render("Belum ada unit kerja. Tekan F5 untuk menambah."))
	}
	return strings.Join(lines, "\n")
}

// unitForm adds or changes a unit: name, parent unit, head.
type unitForm struct {
	base
	unit      domain.UnitNode
	form      *form
	parentIDs []uint64
	headIDs   []uint64
	saving    bool
}

func newUnitForm(c *Common, u domain.UnitNode, nodes []domain.UnitNode) *unitForm {
	s := &unitForm{base: newBase(c), unit: u}
	f := textField("name", "Nama unit kerja *", u.Name, domain.MaxNameLen)
	f.hint = "Contoh: Seksi Pemerintahan"
	parents := []string{"(paling atas)"}
	s.parentIDs = []uint64{0}
	pc := 0
	for _, l := range buildTree(nodes) {
		if l.node.ID == u.ID && u.ID != 0 {
			continue
		}
		if l.node.ID == u.ParentID {
			pc = len(parents)
		}
		parents = append(parents, strings.Repeat("  ", l.depth)+l.node.Name)
		s.parentIDs = append(s.parentIDs, l.node.ID)
	}
	parent := choiceField("parent", "Induk", parents, pc)
	parent.chooser = true
	heads := []string{"– kosong –"}
	s.headIDs = []uint64{0}
	hc := 0
	for _, r := range c.Rows {
		if !r.Status.Active() {
			continue
		}
		if r.ID == u.HeadID {
			hc = len(heads)
		}
		heads = append(heads, r.Nama+" — "+r.NamaJabatan)
		s.headIDs = append(s.headIDs, r.ID)
	}
	head := choiceField("head", "Kepala unit", heads, hc)
	head.chooser = true
	s.form = newForm(&c.Styles, []*field{f, parent, head})
	s.form.snapshot()
	return s
}

func (s *unitForm) Title() string {
	if s.unit.ID == 0 {
		return "Tambah unit kerja"
	}
	return "Ubah " + inert(s.unit.Name)
}
func (s *unitForm) Capturing() bool { return true }
func (s *unitForm) Dirty() bool {
	return s.form.changed()
}
func (s *unitForm) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, min(h, 10)) }
func (s *unitForm) Keys() []KeyHelp  { return []KeyHelp{{"Enter/Ctrl+S", "Simpan"}} }

type unitSavedMsg struct {
	id  uint64
	err error
}

func (s *unitForm) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case unitSavedMsg:
		s.saving, s.form.saving = false, false
		if m.err != nil {
			s.form.errors["name"] = domain.ErrorMessage(m.err)
			s.form.showAll = true
			return failure(m.err)
		}
		s.form.snapshot()
		return tea.Batch(reload("Unit kerja disimpan."), pop(savedResult{m.id}))
	case choiceMadeMsg:
		if f := s.form.get(m.key); f != nil {
			f.choice = m.index
		}
		return nil
	}
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "enter" {
		if f := s.form.focused(); f != nil && f.kind == fieldText {
			return s.submit()
		}
	}
	switch s.form.update(msg) {
	case formChanged:
		s.form.errors = map[string]string{}
		if err := domain.ValidateUnitName(s.form.get("name").value()); err != nil {
			s.form.errors["name"] = domain.ErrorMessage(err)
		}
	case formChoose:
		fl := s.form.focused()
		key := fl.key
		return showDialog(chooseDialog(&s.c.Styles, "Pilih "+strings.ToLower(fl.label), fl.options, fl.choice, func(i int) tea.Cmd {
			return func() tea.Msg { return taggedMsg{to: s.id, msg: choiceMadeMsg{key: key, index: i}} }
		}))
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
	u.ParentID = s.parentIDs[max(0, s.form.get("parent").choice)]
	u.HeadID = s.headIDs[max(0, s.form.get("head").choice)]
	s.saving, s.form.saving = true, true
	return s.cmd(func(ctx context.Context) tea.Msg {
		id, err := s.c.Repo.SaveUnitNode(ctx, u)
		return unitSavedMsg{id, err}
	})
}

func (s *unitForm) View() string { return s.form.view() }

// atasanScreen is the atasan map of one year: for each active employee the
// pejabat penilai and atasan pejabat penilai, with problems flagged.
type atasanScreen struct {
	base
	year    int
	entries []domain.AtasanEntry
	scroll
	loaded bool
	req    int
}

func newAtasanScreen(c *Common, year int) *atasanScreen {
	return &atasanScreen{base: newBase(c), year: year}
}

func (s *atasanScreen) Title() string { return "Peta atasan " + itoa(s.year) }
func (s *atasanScreen) Keys() []KeyHelp {
	return []KeyHelp{{"←/→", "Tahun"}, {"Enter", "Pilih atasan"}, {"F8", "Kembali ke bawaan"}}
}

type atasanLoadedMsg struct {
	req     int
	entries []domain.AtasanEntry
	err     error
}

type atasanSavedMsg struct{ err error }

func (s *atasanScreen) load() tea.Cmd {
	s.req++
	req, year := s.req, s.year
	return s.cmd(func(ctx context.Context) tea.Msg {
		l, err := s.c.Repo.AtasanMap(ctx, year)
		return atasanLoadedMsg{req, l, err}
	})
}

func (s *atasanScreen) Init() tea.Cmd { return s.load() }

func (s *atasanScreen) page() int { return max(1, s.h-3) }

func (s *atasanScreen) move(d int) { s.scroll.move(d, len(s.entries), s.page()) }

// problems flags what an operator should look at.
func (s *atasanScreen) problems(e domain.AtasanEntry) string {
	me, _ := s.c.Row(e.EmployeeID)
	if e.AtasanID == 0 {
		return "tanpa atasan"
	}
	at, ok := s.c.Row(e.AtasanID)
	switch {
	case !ok:
		return "atasan tidak ditemukan"
	case !at.Status.Active():
		return "atasan tidak aktif"
	case at.UnitID != me.UnitID:
		return "atasan di unit lain"
	}
	return ""
}

func (s *atasanScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case atasanLoadedMsg:
		if msg.req != s.req {
			return nil
		}
		s.loaded = true
		if msg.err != nil {
			return failure(msg.err)
		}
		s.entries = msg.entries
		s.move(0)
	case atasanSavedMsg:
		if msg.err != nil {
			return failure(msg.err)
		}
		return tea.Batch(s.load(), info("Peta atasan "+itoa(s.year)+" diperbarui."))
	case dataChangedMsg:
		return s.load()
	case tea.KeyMsg:
		if listKeys(msg.String(), s.page(), len(s.entries), s.move) {
			return nil
		}
		switch msg.String() {
		case "left":
			s.year--
			return s.load()
		case "right":
			s.year++
			return s.load()
		case "enter":
			return s.choose()
		case "f8", "delete":
			if s.cursor < len(s.entries) {
				e := s.entries[s.cursor]
				return s.cmd(func(ctx context.Context) tea.Msg {
					return atasanSavedMsg{s.c.Repo.ClearAtasan(ctx, e.Year, e.EmployeeID)}
				})
			}
		}
	}
	return nil
}

func (s *atasanScreen) choose() tea.Cmd {
	if s.cursor >= len(s.entries) || !s.c.can(domain.CanManageOffice) {
		return nil
	}
	e := s.entries[s.cursor]
	labels := []string{"– tanpa atasan (puncak) –"}
	ids := []uint64{0}
	cur := 0
	for _, r := range s.c.Rows {
		if !r.Status.Active() || r.ID == e.EmployeeID {
			continue
		}
		if r.ID == e.AtasanID {
			cur = len(labels)
		}
		labels = append(labels, r.Nama+" — "+r.NamaJabatan)
		ids = append(ids, r.ID)
	}
	return showDialog(chooseDialog(&s.c.Styles, "Atasan langsung "+itoa(s.year), labels, cur, func(i int) tea.Cmd {
		e.AtasanID = ids[i]
		e.AtasanPenilaiID = 0
		e.Override = true
		return s.cmd(func(ctx context.Context) tea.Msg { return atasanSavedMsg{s.c.Repo.SetAtasan(ctx, e)} })
	}))
}

func (s *atasanScreen) View() string {
	st := &s.c.Styles
	if !s.loaded {
		return st.Muted.Render("Memuat…")
	}
	colW := max(14, (s.w-18)/3)
	flagged := 0
	for _, e := range s.entries {
		if s.problems(e) != "" {
			flagged++
		}
	}
	lines := []string{st.Muted.Render(clip(itoa(len(s.entries))+" pegawai · "+itoa(flagged)+" perlu diperiksa · ←/→ tahun lain · * diisi manual", s.w)),
		st.TableHeader.Render(fit("Pegawai", colW) + " " + fit("Pejabat penilai", colW) + " " + fit("Atasan pejabat penilai", colW) + " " + "Catatan")}
	name := func(id uint64) string {
		if r, ok := s.c.Row(id); ok {
			return r.Nama
		}
		if id == 0 {
			return "–"
		}
		return "#" + itoa(int(id))
	}
	end := min(len(s.entries), s.offset+s.page())
	for i := s.offset; i < end; i++ {
		e := s.entries[i]
		at := name(e.AtasanID)
		if e.Override {
			at = "*" + at
		}
		line := fit(name(e.EmployeeID), colW) + " " + fit(at, colW) + " " + fit(name(e.AtasanPenilaiID), colW) + " "
		if p := s.problems(e); p != "" {
			line += "⚠ " + p
		}
		if i == s.cursor {
			line = st.RowSelected.Render(clip(line, s.w))
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

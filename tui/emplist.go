package tui

import (
	"sort"
	"strings"

	"asndesk/domain"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// The register is built for 100,000 rows: every row's search text is
// lower-cased once when the data arrives, sort orders are computed once per
// key, a keypress filters (incrementally when the query grows), and the view
// draws only the visible rows.

type listItem struct {
	row  domain.Row
	hay  string // lower-case: nama, NIP both ways, jabatan, unit
	key  string // lower-case nama without gelar, for sorting
	nip  string // formatted
	unit string
	rank int
}

type sortKey int

const (
	sortNama sortKey = iota
	sortNIP
	sortGolongan
	sortUnit
	sortCount
)

func (k sortKey) String() string {
	return [...]string{"Nama", "NIP", "Golongan", "Unit kerja"}[k]
}

var tabLabels = [...]string{"Aktif", "Tidak aktif", "Semua"}

type employeeList struct {
	base
	items   []listItem
	version int
	orders  [sortCount][]int32
	sortBy  sortKey
	tab     int
	counts  [3]int
	filter  textinput.Model
	query   string
	shown   []int32
	cursor  int
	offset  int
	pending uint64 // select this employee once it is in the data
	tabX    [3][2]int
}

func newEmployeeList(c *Common) *employeeList {
	ti := textinput.New()
	ti.Prompt = ""
	ti.Placeholder = "ketik nama, NIP, jabatan atau unit"
	ti.CharLimit = 100
	ti.Focus()
	s := &employeeList{base: newBase(c), filter: ti, version: -1}
	s.rebuild()
	return s
}

func (s *employeeList) Title() string   { return "Pegawai" }
func (s *employeeList) Capturing() bool { return true }
func (s *employeeList) OwnsEsc() bool   { return s.filter.Value() != "" }

func (s *employeeList) Keys() []KeyHelp {
	keys := []KeyHelp{{"Enter", "Buka"}}
	if s.c.can(domain.CanEditEmployee) {
		keys = append(keys, KeyHelp{"F5", "Tambah"})
	}
	keys = append(keys, KeyHelp{"F6", "Urut: " + s.sortBy.String()}, KeyHelp{"F7", "Aktif/Tidak aktif/Semua"})
	return append(keys, docsKeys(s.c, false, true)...)
}

func (s *employeeList) SetSize(w, h int) {
	s.base.SetSize(w, h)
	s.filter.Width = max(10, w-40)
	s.clampScroll()
}

// rebuild derives the items from Common's rows when they changed.
func (s *employeeList) rebuild() {
	if s.version == s.c.Version {
		return
	}
	s.version = s.c.Version
	var selected uint64
	if it, ok := s.current(); ok {
		selected = it.row.ID
	}
	rows := s.c.Rows
	s.items = make([]listItem, len(rows))
	s.counts = [3]int{}
	for i, r := range rows {
		unit := s.c.UnitName(r.UnitID)
		nip := domain.FormatNIP(r.NIP)
		s.items[i] = listItem{row: r, nip: nip, unit: unit, rank: domain.GolonganRank(r.Golongan), key: sortName(r.Nama),
			hay: strings.ToLower(r.Nama + "\x00" + r.NIP + "\x00" + nip + "\x00" + r.NamaJabatan + "\x00" + unit)}
		if r.Status.Active() {
			s.counts[0]++
		} else {
			s.counts[1]++
		}
	}
	s.counts[2] = len(rows)
	s.orders = [sortCount][]int32{}
	s.refilter(true)
	if s.pending != 0 {
		selected = s.pending
	}
	s.selectID(selected)
}

func (s *employeeList) order() []int32 {
	if o := s.orders[s.sortBy]; o != nil {
		return o
	}
	o := make([]int32, len(s.items))
	for i := range o {
		o[i] = int32(i)
	}
	it := s.items
	var less func(a, b int32) bool
	switch s.sortBy {
	case sortNama:
		less = func(a, b int32) bool { return it[a].key < it[b].key }
	case sortNIP:
		less = func(a, b int32) bool { return it[a].row.NIP < it[b].row.NIP }
	case sortGolongan: // senior first, as in a DUK
		less = func(a, b int32) bool {
			if it[a].rank != it[b].rank {
				return it[a].rank > it[b].rank
			}
			return it[a].key < it[b].key
		}
	case sortUnit:
		less = func(a, b int32) bool {
			if it[a].unit != it[b].unit {
				return strings.ToLower(it[a].unit) < strings.ToLower(it[b].unit)
			}
			return it[a].key < it[b].key
		}
	}
	sort.SliceStable(o, func(i, j int) bool { return less(o[i], o[j]) })
	s.orders[s.sortBy] = o
	return o
}

func (s *employeeList) inTab(it *listItem) bool {
	switch s.tab {
	case 0:
		return it.row.Status.Active()
	case 1:
		return !it.row.Status.Active()
	}
	return true
}

// refilter recomputes the shown rows. When only the query grew, the new
// matches are a subset of the old ones: scan just those.
func (s *employeeList) refilter(full bool) {
	q := strings.ToLower(strings.TrimSpace(s.filter.Value()))
	src := s.order()
	incremental := !full && s.query != "" && strings.HasPrefix(q, s.query) && s.shown != nil
	if incremental {
		src = s.shown
	}
	terms := strings.Fields(q)
	out := s.shown[:0]
	if !incremental {
		out = make([]int32, 0, len(src))
	}
	for _, i := range src {
		it := &s.items[i]
		if !incremental && !s.inTab(it) {
			continue
		}
		ok := true
		for _, t := range terms {
			if !strings.Contains(it.hay, t) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, i)
		}
	}
	s.shown = out
	s.query = q
	s.clampScroll()
}

func (s *employeeList) current() (*listItem, bool) {
	if s.cursor < 0 || s.cursor >= len(s.shown) {
		return nil, false
	}
	return &s.items[s.shown[s.cursor]], true
}

func (s *employeeList) selectID(id uint64) {
	if id == 0 {
		return
	}
	for i, idx := range s.shown {
		if s.items[idx].row.ID == id {
			s.cursor = i
			s.pending = 0
			s.clampScroll()
			return
		}
	}
}

func (s *employeeList) pageRows() int { return max(1, s.h-4) }

func (s *employeeList) clampScroll() {
	n := len(s.shown)
	s.cursor = max(0, min(s.cursor, n-1))
	page := s.pageRows()
	if s.cursor < s.offset {
		s.offset = s.cursor
	}
	if s.cursor >= s.offset+page {
		s.offset = s.cursor - page + 1
	}
	s.offset = max(0, min(s.offset, n-page))
}

func (s *employeeList) move(d int) { s.cursor += d; s.clampScroll() }

func (s *employeeList) open() tea.Cmd {
	it, ok := s.current()
	if !ok {
		return nil
	}
	return push(newEmployeeDetail(s.c, it.row.ID))
}

func (s *employeeList) setTab(t int) {
	s.tab = t
	s.cursor, s.offset = 0, 0
	s.refilter(true)
}

func (s *employeeList) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case dataChangedMsg:
		s.rebuild()
	case resultMsg:
		if r, ok := msg.result.(savedResult); ok {
			s.pending = r.id
			s.selectID(r.id)
		}
	case tea.KeyMsg:
		if listKeys(msg.String(), s.pageRows(), len(s.shown), s.move) {
			return nil
		}
		switch msg.String() {
		case "enter":
			return s.open()
		case "f5", "insert":
			if s.c.can(domain.CanEditEmployee) {
				return push(newEmployeeForm(s.c, nil))
			}
		case "f6":
			s.sortBy = (s.sortBy + 1) % sortCount
			s.refilter(true)
			return info("Diurutkan menurut " + strings.ToLower(s.sortBy.String()) + ".")
		case "f7":
			s.setTab((s.tab + 1) % 3)
		case "ctrl+e":
			return s.exportEmployees()
		case "esc":
			s.filter.SetValue("")
			s.refilter(true)
		default:
			before := s.filter.Value()
			s.filter, _ = s.filter.Update(msg)
			if s.filter.Value() != before {
				s.cursor, s.offset = 0, 0
				s.refilter(false)
			}
		}
	case tea.MouseMsg:
		return s.mouse(msg)
	}
	return nil
}

func (s *employeeList) mouse(m tea.MouseMsg) tea.Cmd {
	if m.Action != tea.MouseActionPress {
		return nil
	}
	switch m.Button {
	case tea.MouseButtonWheelUp:
		s.move(-3)
		return nil
	case tea.MouseButtonWheelDown:
		s.move(3)
		return nil
	case tea.MouseButtonLeft:
	default:
		return nil
	}
	if m.Y == 0 {
		for i, r := range s.tabX {
			if m.X >= r[0] && m.X < r[1] {
				s.setTab(i)
			}
		}
		return nil
	}
	row := m.Y - 3
	if row >= 0 && s.offset+row < len(s.shown) {
		if s.offset+row == s.cursor {
			return s.open() // a click on the selected row opens it
		}
		s.cursor = s.offset + row
	}
	return nil
}

func (s *employeeList) columns() (nip, nama, jab, gol, unit int) {
	nip, gol = 22, 7
	rest := s.w - nip - gol - 4
	if rest < 40 {
		nip, gol = 18, 6 // bare digits: four columns more for the name
		rest = s.w - nip - gol - 3
	}
	rest = max(16, rest)
	if rest < 60 {
		// A narrow window: the unit column goes (the filter still matches
		// it) so that names stay readable.
		nama = rest * 55 / 100
		return nip, nama, rest - nama, gol, 0
	}
	nama = rest * 36 / 100
	jab = rest * 34 / 100
	unit = rest - nama - jab
	return
}

func (s *employeeList) View() string {
	s.rebuild()
	st := &s.c.Styles
	var b strings.Builder
	// Tabs
	x := 0
	for i, l := range tabLabels {
		label := " " + l + " (" + itoa(s.counts[i]) + ") "
		if i == s.tab {
			label = "[" + l + " (" + itoa(s.counts[i]) + ")]" // visible without colour too
			b.WriteString(st.TabActive.Render(label))
		} else {
			b.WriteString(st.Tab.Render(label))
		}
		s.tabX[i] = [2]int{x, x + width(label)}
		b.WriteString(" ")
		x += width(label) + 1
	}
	b.WriteString("\n")
	count := itoa(len(s.shown)) + " pegawai"
	if s.query != "" {
		count = itoa(len(s.shown)) + " dari " + itoa(s.counts[s.tab]) + " pegawai"
	}
	b.WriteString(clip("Cari: "+s.filter.View()+"  "+st.Muted.Render(count+" · urut "+strings.ToLower(s.sortBy.String())), s.w))
	b.WriteString("\n\n")
	nip, nama, jab, gol, unit := s.columns()
	head := fit("NIP / NI PPPK", nip) + " " + fit("Nama", nama) + " " + fit("Jabatan", jab) + " " + fit("Gol.", gol)
	if unit > 0 {
		head += " " + fit("Unit kerja", unit)
	}
	b.WriteString(st.TableHeader.Render(head))
	end := min(len(s.shown), s.offset+s.pageRows())
	for i := s.offset; i < end; i++ {
		it := &s.items[s.shown[i]]
		name := it.row.Nama
		if !it.row.Status.Active() {
			name += " (" + it.row.Status.String() + ")"
		}
		nipText := it.nip
		if nip < 21 {
			nipText = it.row.NIP
		}
		line := fit(nipText, nip) + " " + fit(name, nama) + " " + fit(it.row.NamaJabatan, jab) + " " + fit(it.row.Golongan, gol)
		if unit > 0 {
			line += " " + fit(it.unit, unit)
		}
		b.WriteString("\n")
		if i == s.cursor {
			b.WriteString(st.RowSelected.Render(line))
		} else {
			b.WriteString(line)
		}
	}
	if len(s.shown) == 0 {
		b.WriteString("\n")
		switch {
		case s.query != "":
			b.WriteString(st.Muted.Render("Tidak ada pegawai yang cocok dengan \"" + inert(s.filter.Value()) + "\". Esc menghapus pencarian."))
		case len(s.items) == 0:
			if s.c.can(domain.CanEditEmployee) {
				b.WriteString(st.Muted.Render("Belum ada pegawai. Tekan F5 untuk menambah pegawai pertama."))
			} else {
				b.WriteString(st.Muted.Render("Tidak ada data pegawai yang boleh Anda lihat."))
			}
		default:
			b.WriteString(st.Muted.Render("Tidak ada pegawai di tab ini. F7 berpindah tab."))
		}
	}
	return b.String()
}

// sortName drops gelar from a full name so that "Dr. Siti Aminah, M.T."
// sorts under S: leading words ending in a dot are gelar depan, and
// everything after the first comma is gelar belakang.
func sortName(full string) string {
	if i := strings.Index(full, ","); i >= 0 {
		full = full[:i]
	}
	words := strings.Fields(full)
	for len(words) > 1 && strings.HasSuffix(words[0], ".") {
		words = words[1:]
	}
	return strings.ToLower(strings.Join(words, " "))
}

package tui

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"asndesk/domain"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// The SKP list is the root of Kinerja (SKP): the SKPs of one year the
// actor may see, joined with the employee list for names, filtered by
// typing as in the employee register. A Penilai switches between the SKPs
// of the staff he rates and his own; Admin and Pimpinan filter by status.

type skpListItem struct {
	row       domain.SKPRow
	nama      string
	nip       string
	penilai   string
	sortKey   string
	hay       string
	ownedByMe bool
	waiting   bool // Diajukan to the logged-in penilai: his decision is awaited
}

type skpList struct {
	base
	year   int
	rows   []domain.SKPRow
	items  []skpListItem
	shown  []int
	filter textinput.Model
	scroll
	loaded  bool
	err     error
	req     int
	mine    bool             // Penilai: "SKP saya" instead of "SKP bawahan"
	status  domain.SKPStatus // 0: every status
	version int
	yearX   [2][2]int // click areas of ‹ and › on the first line
	toggleX [2][2]int
	pending uint64
}

func newSKPList(c *Common) *skpList {
	ti := textinput.New()
	ti.Prompt = ""
	ti.Placeholder = "ketik nama, NIP, penilai atau status"
	ti.CharLimit = 100
	ti.Focus()
	return &skpList{base: newBase(c), year: c.today().Year, filter: ti, version: -1}
}

// newSKPListWaiting is the list showing only the SKPs that wait for the
// logged-in penilai's decision (Beranda's button): the search holds the
// mark, so the user sees why the list is short and Esc shows the rest.
func newSKPListWaiting(c *Common) *skpList {
	s := newSKPList(c)
	s.filter.SetValue("menunggu Anda")
	s.filter.CursorEnd()
	return s
}

func (s *skpList) Title() string   { return "Kinerja (SKP)" }
func (s *skpList) Capturing() bool { return true }
func (s *skpList) OwnsEsc() bool   { return s.filter.Value() != "" }

func (s *skpList) isPenilai() bool {
	return s.c.Actor.Has(domain.RolePenilai) && s.c.Actor.EmployeeID != 0
}
func (s *skpList) byStatus() bool {
	return s.c.Actor.Has(domain.RoleAdmin) || s.c.Actor.Has(domain.RolePimpinan)
}
func (s *skpList) canCreate() bool {
	return s.c.Actor.Has(domain.RoleAdmin) || s.c.Actor.EmployeeID != 0
}

func (s *skpList) Keys() []KeyHelp {
	keys := []KeyHelp{{"Enter", "Buka"}}
	if s.canCreate() {
		keys = append(keys, KeyHelp{"F5", "Buat SKP"})
	}
	keys = append(keys, KeyHelp{"←→", "Tahun"})
	if s.isPenilai() {
		// Named by where F6 goes: the list shows which view is on.
		if s.mine {
			keys = append(keys, KeyHelp{"F6", "SKP bawahan"})
		} else {
			keys = append(keys, KeyHelp{"F6", "SKP saya"})
		}
	}
	if s.byStatus() {
		keys = append(keys, KeyHelp{"F7", "Status"})
	}
	// Short, so Ctrl+P, Ctrl+E, F1 and F10 fit at 120 columns; the
	// chooser names each view.
	if len(s.more()) > 0 {
		keys = append(keys, KeyHelp{"F8", "Lainnya"})
	}
	return append(keys, docsKeys(s.c, true, true)...)
}

// skpMore is an entry of the F8 chooser: the views around the SKPs.
type skpMore struct {
	label string
	open  func() Screen
}

// more lists what the actor may open from the list: Monitoring for Admin,
// Pimpinan and a penilai (who sees only the SKPs the store gives him: his
// staff's), the predikat kinerja organisasi for Admin and Pimpinan, the
// Matriks for a penilai (or, for Admin and Pimpinan, of the selected SKP's
// penilai), and the SKP settings for Admin.
func (s *skpList) more() []skpMore {
	c, year := s.c, s.year
	var out []skpMore
	if c.can(domain.CanViewReports) || s.isPenilai() {
		out = append(out, skpMore{"Monitoring SKP", func() Screen { return newMonitorScreen(c) }})
	}
	if s.isPenilai() {
		me := c.Actor.EmployeeID
		out = append(out, skpMore{"Matriks kinerja saya", func() Screen { return newMatrixScreen(c, me, year) }})
	}
	if c.can(domain.CanViewReports) && s.cursor < len(s.shown) {
		it := s.items[s.shown[s.cursor]]
		if p := it.row.PenilaiID; p != 0 && p != c.Actor.EmployeeID {
			out = append(out, skpMore{"Matriks kinerja " + it.penilai, func() Screen { return newMatrixScreen(c, p, year) }})
		}
	}
	if c.can(domain.CanSetOrgRating) {
		out = append(out, skpMore{"Predikat kinerja organisasi", func() Screen { return newOrgRatingScreen(c, year) }})
	}
	if c.can(domain.CanManageOffice) {
		out = append(out, skpMore{"Pengaturan SKP", func() Screen { return newSKPSettingsScreen(c) }})
	}
	return out
}

func (s *skpList) openMore() tea.Cmd {
	more := s.more()
	if len(more) == 0 {
		return nil
	}
	var labels []string
	for _, m := range more {
		labels = append(labels, m.label)
	}
	return showDialog(chooseDialog(&s.c.Styles, "Buka", labels, 0, func(i int) tea.Cmd { return push(more[i].open()) }))
}

func (s *skpList) SetSize(w, h int) {
	s.base.SetSize(w, h)
	s.filter.Width = max(10, w-30)
}

type skpRowsMsg struct {
	req  int
	rows []domain.SKPRow
	err  error
}

func (s *skpList) load() tea.Cmd {
	s.req++
	req, year := s.req, s.year
	kin := s.c.Kinerja
	return s.cmd(func(ctx context.Context) tea.Msg {
		m := skpRowsMsg{req: req}
		if kin == nil {
			m.err = domain.Errorf(domain.EINTERNAL, "Penyimpanan kinerja tidak tersambung; tutup lalu buka kembali asndesk.")
			return m
		}
		m.rows, m.err = kin.SKPRows(ctx, year)
		return m
	})
}

func (s *skpList) Init() tea.Cmd { return s.load() }

// rebuild joins the rows with the employee list.
func (s *skpList) rebuild() {
	s.version = s.c.Version
	if s.pending == 0 {
		s.pending = s.selected()
	}
	s.items = s.items[:0]
	me := s.c.Actor.EmployeeID
	for _, r := range s.rows {
		it := skpListItem{row: r, ownedByMe: me != 0 && r.EmployeeID == me}
		it.waiting = s.isPenilai() && r.Status == domain.SKPDiajukan && r.PenilaiID == me && !it.ownedByMe
		if e, ok := s.c.Row(r.EmployeeID); ok {
			it.nama, it.nip = e.Nama, e.NIP
		}
		if p, ok := s.c.Row(r.PenilaiID); ok && r.PenilaiID != 0 {
			it.penilai = p.Nama
		}
		// A Pegawai does not see the penilai's profile: the row carries
		// the names as copied into the SKP.
		if it.nama == "" {
			it.nama = r.PegawaiNama
		}
		if it.penilai == "" {
			it.penilai = r.PenilaiNama
		}
		it.sortKey = sortName(it.nama)
		it.hay = strings.ToLower(it.nama + "\x00" + it.nip + "\x00" + domain.FormatNIP(it.nip) + "\x00" + it.penilai +
			"\x00" + r.Status.String() + "\x00" + r.Predikat.Label())
		if it.waiting {
			it.hay += "\x00" + skpWaitingText
		}
		s.items = append(s.items, it)
	}
	// What waits for this penilai comes first: it is why he opens the list.
	sort.SliceStable(s.items, func(i, j int) bool {
		a, b := s.items[i], s.items[j]
		if a.waiting != b.waiting {
			return a.waiting
		}
		if a.sortKey != b.sortKey {
			return a.sortKey < b.sortKey
		}
		return a.row.Start.Before(b.row.Start)
	})
	s.refilter()
}

// inView applies the Penilai toggle and the status filter.
func (s *skpList) inView(it *skpListItem) bool {
	if s.isPenilai() && it.ownedByMe != s.mine {
		return false
	}
	return s.status == 0 || it.row.Status == s.status
}

// selected is the SKP under the cursor, 0 when none.
func (s *skpList) selected() uint64 {
	if s.cursor < len(s.shown) && s.shown[s.cursor] < len(s.items) {
		return s.items[s.shown[s.cursor]].row.SKPID
	}
	return 0
}

func (s *skpList) refilter() {
	terms := strings.Fields(strings.ToLower(s.filter.Value()))
	selected := s.pending
	if selected == 0 {
		selected = s.selected()
	}
	s.pending = 0
	s.shown = s.shown[:0]
	for i := range s.items {
		it := &s.items[i]
		if !s.inView(it) {
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
			s.shown = append(s.shown, i)
		}
	}
	for i, x := range s.shown {
		if s.items[x].row.SKPID == selected {
			s.cursor = i
		}
	}
	s.move(0)
}

func (s *skpList) page() int { return max(1, s.h-4) }

func (s *skpList) move(d int) { s.scroll.move(d, len(s.shown), s.page()) }

func (s *skpList) setYear(y int) tea.Cmd {
	s.year = y
	s.cursor, s.offset = 0, 0
	s.loaded = false
	return s.load()
}

func (s *skpList) open() tea.Cmd {
	if s.cursor >= len(s.shown) {
		return nil
	}
	return push(newSKPScreen(s.c, s.items[s.shown[s.cursor]].row.SKPID))
}

func (s *skpList) create() tea.Cmd {
	if !s.canCreate() {
		return nil
	}
	return push(newSKPCreateForm(s.c, s.year))
}

func (s *skpList) statusNext() {
	order := append([]domain.SKPStatus{0}, domain.SKPStatuses()...)
	for i, x := range order {
		if x == s.status {
			s.status = order[(i+1)%len(order)]
			break
		}
	}
	s.cursor, s.offset = 0, 0
	s.refilter()
}

func (s *skpList) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case skpRowsMsg:
		if msg.req != s.req {
			return nil
		}
		s.loaded = true
		s.err = msg.err
		if msg.err != nil {
			return failure(msg.err)
		}
		s.rows = msg.rows
		s.rebuild()
	case dataChangedMsg:
		return s.load()
	case resultMsg:
		if r, ok := msg.result.(savedResult); ok {
			s.pending = r.id
		}
		return s.load()
	case tea.KeyMsg:
		if listKeys(msg.String(), s.page(), len(s.shown), s.move) {
			return nil
		}
		switch msg.String() {
		case "enter":
			return s.open()
		case "f5", "insert":
			return s.create()
		case "f6":
			if s.isPenilai() {
				s.mine = !s.mine
				s.cursor, s.offset = 0, 0
				s.refilter()
			}
		case "f7":
			if s.byStatus() {
				s.statusNext()
			}
		case "f8":
			return s.openMore()
		case "ctrl+p":
			return s.batchPrint()
		case "ctrl+e":
			return s.exportEvaluations()
		case "left", "right":
			if s.filter.Value() == "" {
				if msg.String() == "left" {
					return s.setYear(s.year - 1)
				}
				return s.setYear(s.year + 1)
			}
			s.filter, _ = s.filter.Update(msg)
		case "esc":
			s.filter.SetValue("")
			s.refilter()
		default:
			before := s.filter.Value()
			s.filter, _ = s.filter.Update(msg)
			if s.filter.Value() != before {
				s.cursor, s.offset = 0, 0
				s.refilter()
			}
		}
	case tea.MouseMsg:
		return s.mouse(msg)
	}
	return nil
}

func (s *skpList) mouse(m tea.MouseMsg) tea.Cmd {
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
	in := func(r [2]int) bool { return m.X >= r[0] && m.X < r[1] }
	if m.Y == 0 {
		switch {
		case in(s.yearX[0]):
			return s.setYear(s.year - 1)
		case in(s.yearX[1]):
			return s.setYear(s.year + 1)
		case s.isPenilai() && in(s.toggleX[0]) && s.mine, s.isPenilai() && in(s.toggleX[1]) && !s.mine:
			s.mine = !s.mine
			s.cursor, s.offset = 0, 0
			s.refilter()
		}
		return nil
	}
	row := m.Y - 4
	if row >= 0 && s.offset+row < len(s.shown) {
		if s.offset+row == s.cursor {
			return s.open()
		}
		s.cursor = s.offset + row
	}
	return nil
}

// skpWaitingText marks an SKP that waits for the logged-in penilai; typing
// it in the search shows only those (Beranda opens the list so).
const skpWaitingText = "menunggu anda"

// columns fits the table to the window: NIP, then an empty Predikat
// column, then the Periode (first in its short numeric form) go when space
// is short, so that names stay readable. The Status column is wider while
// an SKP waits for this penilai, for "Diajukan · menunggu Anda".
func (s *skpList) columns() (nama, nip, per, stat, pen, pred int) {
	nip, per, stat, pred = 18, skpPeriodW, 12, 17
	anyPred, anyWait := false, false
	for _, i := range s.shown {
		anyPred = anyPred || s.items[i].row.Predikat != ""
		anyWait = anyWait || s.items[i].waiting
	}
	if anyWait {
		stat = width(skpStatusText(domain.SKPDiajukan, true))
	}
	rest := func() int {
		n, used := 0, stat
		for _, c := range []int{nip, per, pred} {
			if c > 0 {
				n++
				used += c
			}
		}
		return s.w - used - n - 2
	}
	if rest() < 50 {
		nip = 0
	}
	if rest() < 44 && !anyPred {
		pred = 0
	}
	if rest() < 44 {
		per = skpPeriodNumW
	}
	if rest() < 44 {
		per = 0
	}
	r := max(20, rest())
	nama = r / 2
	return nama, nip, per, stat, r - nama, pred
}

// Widths of the Periode column: "30 Sep – 31 Des", or "30-09–31-12" when
// that does not fit.
const (
	skpPeriodW    = 15
	skpPeriodNumW = 11
)

var skpMonthShort = [...]string{"", "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}

// shortPeriod is an SKP's period as "1 Jan – 31 Des" (the year is the
// SKP's).
func shortPeriod(r domain.SKPRow) string {
	if r.Start.IsZero() {
		return ""
	}
	f := func(d domain.Date) string {
		if d.Month < 1 || d.Month > 12 {
			return d.String()
		}
		return strconv.Itoa(d.Day) + " " + skpMonthShort[d.Month]
	}
	return f(r.Start) + " – " + f(r.End)
}

// numPeriod is the narrow form of shortPeriod: "01-01–31-12".
func numPeriod(r domain.SKPRow) string {
	if r.Start.IsZero() {
		return ""
	}
	f := func(d domain.Date) string { return d.String()[:5] }
	return f(r.Start) + "–" + f(r.End)
}

// skpStatusText is the Status cell; an SKP waiting for the logged-in
// penilai says so.
func skpStatusText(st domain.SKPStatus, waiting bool) string {
	if waiting {
		return st.String() + " · menunggu Anda"
	}
	return st.String()
}

func (s *skpList) View() string {
	if s.version != s.c.Version && s.loaded {
		s.rebuild()
	}
	st := &s.c.Styles
	var b strings.Builder
	// Line 0: year, toggle, status filter.
	x := 0
	put := func(text string) {
		b.WriteString(text)
		x += width(text)
	}
	put("Tahun ")
	s.yearX[0] = [2]int{x, x + 2}
	put("‹ ")
	put(st.Title.Render(strconv.Itoa(s.year)))
	s.yearX[1] = [2]int{x, x + 2}
	put(" ›")
	if s.isPenilai() {
		put("    ")
		labels := [2]string{"SKP bawahan", "SKP saya"}
		for i, l := range labels {
			active := (i == 1) == s.mine
			text := " " + l + " "
			if active {
				text = "[" + l + "]" // marked without colour too
			}
			s.toggleX[i] = [2]int{x, x + width(text)}
			if active {
				put(st.TabActive.Render(text))
			} else {
				put(st.Tab.Render(text))
			}
			put(" ")
		}
	}
	if s.byStatus() {
		label := "Semua"
		if s.status != 0 {
			label = s.status.String()
		}
		put("   Status: " + st.Title.Render(label))
	}
	b.WriteString("\n")
	count := strconv.Itoa(len(s.shown)) + " SKP"
	b.WriteString(clip("Cari: "+s.filter.View()+"  "+st.Muted.Render(count), s.w))
	b.WriteString("\n\n")
	nama, nip, per, stat, pen, pred := s.columns()
	cell := func(text string, w int) string {
		if w == 0 {
			return ""
		}
		return " " + fit(text, w)
	}
	head := fit("Nama", nama) + cell("NIP", nip) + cell("Periode", per) + cell("Status", stat) + cell("Pejabat penilai", pen) + cell("Predikat", pred)
	b.WriteString(st.TableHeader.Render(clip(head, s.w)))
	end := min(len(s.shown), s.offset+s.page())
	for i := s.offset; i < end; i++ {
		it := &s.items[s.shown[i]]
		penilai := it.penilai
		if it.row.PenilaiID == 0 && penilai == "" {
			penilai = "(belum ditentukan)"
		}
		period := shortPeriod(it.row)
		if per < skpPeriodW {
			period = numPeriod(it.row)
		}
		line := fit(it.nama, nama) + cell(it.nip, nip) + cell(period, per) + cell(skpStatusText(it.row.Status, it.waiting), stat) +
			cell(penilai, pen) + cell(it.row.Predikat.Label(), pred)
		b.WriteString("\n")
		if i == s.cursor {
			b.WriteString(st.RowSelected.Render(clip(line, s.w)))
		} else {
			b.WriteString(clip(line, s.w))
		}
	}
	if len(s.shown) == 0 {
		b.WriteString("\n")
		for _, l := range s.emptyText() {
			for _, w := range skpWrap(l, s.w) {
				b.WriteString(st.Muted.Render(w) + "\n")
			}
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// emptyText tells a newcomer what an empty list means and what to do.
func (s *skpList) emptyText() []string {
	y := strconv.Itoa(s.year)
	switch {
	case !s.loaded:
		return []string{"Memuat…"}
	case s.err != nil:
		return []string{domain.ErrorMessage(s.err)}
	case strings.TrimSpace(s.filter.Value()) != "":
		return []string{"Tidak ada SKP yang cocok dengan \"" + inert(s.filter.Value()) + "\". Esc menghapus pencarian."}
	}
	visible := 0
	for i := range s.items {
		if !s.isPenilai() || s.items[i].ownedByMe == s.mine {
			visible++
		}
	}
	switch {
	case s.isPenilai() && !s.mine && visible == 0:
		return []string{"Belum ada SKP bawahan untuk tahun " + y + ". SKP muncul di sini setelah pegawai yang Anda nilai membuatnya.",
			"F6 menampilkan SKP Anda sendiri; ←/→ mengganti tahun."}
	case visible > 0 && s.status != 0:
		return []string{"Tidak ada SKP berstatus " + s.status.String() + " untuk tahun " + y + ". F7 mengganti saringan status."}
	case len(s.items) == 0 || visible == 0:
		out := []string{"Belum ada SKP untuk tahun " + y + "."}
		if s.canCreate() {
			out[0] += " Tekan F5 untuk membuat SKP."
		}
		return append(out, "", "SKP (Sasaran Kinerja Pegawai) berisi rencana hasil kerja (RHK) dengan indikatornya, "+
			"perilaku kerja BerAKHLAK dan lampiran. Setelah disusun, SKP diajukan ke pejabat penilai kinerja untuk disetujui. "+
			"←/→ mengganti tahun.")
	}
	return nil
}

// --- Buat SKP ---

// skpCreateForm makes a new SKP: for whom (a Pegawai: self; Admin picks),
// which year, and whether to start from an earlier SKP's plan.
type skpCreateForm struct {
	base
	form   *form
	empIDs []uint64
	all    []domain.SKPRow // every SKP the actor may see, all years
	prev   []domain.SKPRow // the chosen employee's SKPs offered for copying
	loaded bool
	busy   bool
}

type skpAllRowsMsg struct {
	rows []domain.SKPRow
	err  error
}

type skpCreatedMsg struct {
	id   uint64
	year int
	err  error
}

func newSKPCreateForm(c *Common, year int) *skpCreateForm {
	s := &skpCreateForm{base: newBase(c)}
	var names []string
	choice := -1
	admin := c.Actor.Has(domain.RoleAdmin)
	for _, r := range c.Rows {
		if !r.Status.Active() || (!admin && r.ID != c.Actor.EmployeeID) {
			continue
		}
		s.empIDs = append(s.empIDs, r.ID)
		label := r.Nama
		if r.NIP != "" {
			label += " — " + domain.FormatNIP(r.NIP)
		}
		names = append(names, label)
	}
	if !admin {
		choice = 0
		if len(names) == 0 { // the own row is not in the list (inactive): still the own SKP
			s.empIDs, names = []uint64{c.Actor.EmployeeID}, []string{c.Account.Name}
		}
	}
	emp := choiceField("pegawai", "Pegawai yang dinilai", names, choice)
	emp.chooser = admin
	if admin {
		emp.hint = "Enter membuka daftar pegawai dengan pencarian."
	} else {
		emp.hint = "Anda membuat SKP untuk diri sendiri."
	}
	yr := textField("tahun", "Tahun", strconv.Itoa(year), 4)
	yr.hint = "Periode penilaian awalnya 1 Januari – 31 Desember; dapat diubah di tab Rencana."
	salin := choiceField("salin", "Salin dari SKP", nil, 0)
	salin.hidden = func() bool { return len(s.prev) == 0 }
	salin.hint = "Salin dari SKP sebelumnya: RHK, indikator, ekspektasi dan lampiran."
	s.form = newForm(&c.Styles, []*field{emp, yr, salin})
	s.form.submitLabel = "Buat SKP (Ctrl+S)"
	if admin {
		s.form.focusItem(0)
	} else {
		s.form.focusItem(1)
	}
	s.refresh()
	s.form.snapshot()
	return s
}

func (s *skpCreateForm) Init() tea.Cmd {
	return s.cmd(func(ctx context.Context) tea.Msg {
		rows, err := s.c.Kinerja.SKPRows(ctx, 0)
		return skpAllRowsMsg{rows, err}
	})
}

func (s *skpCreateForm) Title() string   { return "Buat SKP" }
func (s *skpCreateForm) Capturing() bool { return true }
func (s *skpCreateForm) Dirty() bool     { return s.form.changed() }
func (s *skpCreateForm) Keys() []KeyHelp { return []KeyHelp{{"Tab", "Pindah"}, {"Ctrl+S", "Buat"}} }
func (s *skpCreateForm) SetSize(w, h int) {
	s.base.SetSize(w, h)
	s.form.setSize(w, min(h, 12))
}

func (s *skpCreateForm) empID() uint64 {
	f := s.form.get("pegawai")
	if f.choice >= 0 && f.choice < len(s.empIDs) {
		return s.empIDs[f.choice]
	}
	return 0
}

func (s *skpCreateForm) year() (int, bool) {
	y, err := strconv.Atoi(strings.TrimSpace(s.form.get("tahun").value()))
	return y, err == nil && y >= 2000 && y <= 2100
}

// refresh recomputes the copy options and the warnings for the chosen
// employee and year.
func (s *skpCreateForm) refresh() {
	emp := s.empID()
	y, okY := s.year()
	salin := s.form.get("salin")
	var keep uint64
	if salin.choice > 0 && salin.choice <= len(s.prev) {
		keep = s.prev[salin.choice-1].SKPID
	}
	s.prev = s.prev[:0]
	same := 0
	for _, r := range s.all {
		if r.EmployeeID != emp || emp == 0 {
			continue
		}
		if okY && r.Year == y {
			same++
		}
		if !okY || r.Year <= y {
			s.prev = append(s.prev, r)
		}
	}
	sort.SliceStable(s.prev, func(i, j int) bool {
		if s.prev[i].Year != s.prev[j].Year {
			return s.prev[i].Year > s.prev[j].Year
		}
		return s.prev[i].SKPID > s.prev[j].SKPID
	})
	salin.options = []string{"Tidak — mulai dari rencana kosong"}
	salin.choice = 0
	for i, r := range s.prev {
		salin.options = append(salin.options, "SKP "+strconv.Itoa(r.Year)+" · "+r.Status.String()+" · "+strconv.Itoa(r.RHKCount)+" RHK · "+shortPeriod(r))
		if r.SKPID == keep {
			salin.choice = i + 1
		}
	}
	s.form.errors = map[string]string{}
	s.form.warnings = map[string]string{}
	if !okY {
		s.form.errors["tahun"] = "Tulis tahun dengan 4 angka, misalnya 2026."
	} else if same > 0 {
		s.form.warnings["tahun"] = "Sudah ada SKP " + strconv.Itoa(y) + " untuk pegawai ini. Buat SKP baru hanya bila jabatan berganti di tengah tahun."
	}
	if emp == 0 {
		s.form.errors["pegawai"] = "Pilih pegawai yang dinilai."
	}
}

func (s *skpCreateForm) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case skpAllRowsMsg:
		s.loaded = true
		if msg.err != nil {
			return failure(msg.err)
		}
		s.all = msg.rows
		s.refresh()
		s.form.initial["salin"] = s.form.get("salin").value()
		return nil
	case choiceMadeMsg:
		if f := s.form.get(msg.key); f != nil {
			f.choice = msg.index
			s.form.touched[msg.key] = true
			s.refresh()
		}
		return nil
	case skpCreatedMsg:
		s.busy, s.form.saving = false, false
		if msg.err != nil {
			return failure(msg.err)
		}
		s.form.snapshot()
		return tea.Batch(reload("SKP "+strconv.Itoa(msg.year)+" dibuat. Susun rencana hasil kerjanya di tab Rencana."), replace(newSKPScreen(s.c, msg.id)))
	}
	switch s.form.update(msg) {
	case formChanged:
		s.refresh()
	case formChoose:
		fl := s.form.focused()
		key, id := fl.key, s.id
		return showDialog(chooseDialog(&s.c.Styles, "Pilih pegawai", fl.options, fl.choice, func(i int) tea.Cmd {
			return func() tea.Msg { return taggedMsg{to: id, msg: choiceMadeMsg{key: key, index: i}} }
		}))
	case formCancel:
		if s.Dirty() {
			return showDialog(confirmDialog(&s.c.Styles, "Batal", "SKP belum dibuat. Buang isian dan kembali?", "Ya, buang", "Tidak", pop(nil), nil))
		}
		return pop(nil)
	case formSubmit:
		if s.busy {
			return nil
		}
		s.form.showAll = true
		s.refresh()
		if len(s.form.errors) > 0 {
			return failure(domain.Errorf(domain.EINVALID, "Belum dapat dibuat: perbaiki isian yang bertanda ✗."))
		}
		emp := s.empID()
		y, _ := s.year()
		var from uint64
		if c := s.form.get("salin").choice; c > 0 && c <= len(s.prev) {
			from = s.prev[c-1].SKPID
		}
		s.busy, s.form.saving = true, true
		return s.cmd(func(ctx context.Context) tea.Msg {
			id, err := s.c.Kinerja.CreateSKP(ctx, emp, y, from)
			return skpCreatedMsg{id, y, err}
		})
	}
	return nil
}

func (s *skpCreateForm) View() string { return s.form.view() }

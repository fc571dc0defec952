package tui

import (
	"context"
	"sort"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// monitorScreen is Monitoring SKP: per unit and period, who has no SKP,
// how many are Draft, Diajukan, Disetujui or Dikembalikan, how many
// evaluations are final, the predikat distribution against the unit's
// pattern as a bar chart, and overdue dialogs. The counts come from
// domain.Monitor over the rows the store lets this account see, computed
// when the data or the period changes, never per View.
type monitorScreen struct {
	base
	year, period int
	freq         domain.Frequency
	settings     domain.SKPSettings
	skps         []domain.SKPRow
	org          []domain.OrgRating
	mon          domain.Monitoring
	loaded       bool
	err          error
	req          int
	headY        int // line of the table header in the last view
	scroll           // over the units and the Jumlah line
}

func newMonitorScreen(c *Common) Screen {
	return &monitorScreen{base: newBase(c), year: c.today().Year, freq: domain.Triwulanan}
}

func (s *monitorScreen) Title() string { return "Monitoring SKP" }

func (s *monitorScreen) Keys() []KeyHelp {
	return append([]KeyHelp{{"↑↓", "Pilih unit"}, {"←→", "Periode"}, {"-/+", "Tahun"}, {"Enter", "Pegawai unit"}}, docsKeys(s.c, false, true)...)
}

type monLoadedMsg struct {
	req      int
	skps     []domain.SKPRow
	org      []domain.OrgRating
	settings domain.SKPSettings
	err      error
}

func (s *monitorScreen) load() tea.Cmd {
	s.req++
	req, year, repo := s.req, s.year, s.c.Kinerja
	return s.cmd(func(ctx context.Context) tea.Msg {
		m := monLoadedMsg{req: req}
		if m.settings, m.err = repo.SKPSettings(ctx); m.err != nil {
			return m
		}
		if m.skps, m.err = repo.SKPRows(ctx, year); m.err != nil {
			return m
		}
		m.org, m.err = repo.OrgRatings(ctx, year)
		return m
	})
}

func (s *monitorScreen) Init() tea.Cmd { return s.load() }

// compute runs domain.Monitor for the chosen year and period.
func (s *monitorScreen) compute() {
	s.mon = domain.MonitorWith(s.c.Rows, s.c.Units, s.skps, s.org, s.year, s.period, s.c.today(), s.settings)
	s.move(0)
}

func (s *monitorScreen) lines() int { return len(s.mon.Units) + 1 } // + Jumlah

// listH leaves room above the list for the title and the legend, and
// below it for the chart of the selected unit.
func (s *monitorScreen) listH() int {
	legend := len(kinWrap(monLegend(s.freq.PeriodLabel(s.period)), s.w))
	return max(3, min(s.lines(), s.h-15-legend))
}

func (s *monitorScreen) move(d int) { s.scroll.move(d, s.lines(), s.listH()) }

// unit returns the selected line: a unit, or the office total.
func (s *monitorScreen) unit() (domain.MonitorUnit, bool) {
	if s.cursor < len(s.mon.Units) {
		return s.mon.Units[s.cursor], true
	}
	return s.mon.Total, false
}

func (s *monitorScreen) setPeriod(d int) {
	n := s.freq.Periods() + 1 // 0 = Tahunan, then 1..n
	s.period = ((s.period+d)%n + n) % n
	s.compute()
}

func (s *monitorScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case monLoadedMsg:
		if msg.req != s.req {
			return nil
		}
		s.loaded = true
		if msg.err != nil {
			s.err = msg.err
			return failure(msg.err)
		}
		s.err = nil
		s.skps, s.org, s.freq, s.settings = msg.skps, msg.org, msg.settings.Frequency, msg.settings
		if s.period > s.freq.Periods() {
			s.period = 0
		}
		s.compute()
	case dataChangedMsg:
		return s.load()
	case tea.KeyMsg:
		if listKeys(msg.String(), s.listH(), s.lines(), s.move) {
			return nil
		}
		switch msg.String() {
		case "left":
			s.setPeriod(-1)
		case "right":
			s.setPeriod(1)
		case "-":
			s.year--
			return s.load()
		case "+", "=":
			s.year++
			return s.load()
		case "enter":
			if !s.loaded || s.err != nil {
				return nil
			}
			u, ok := s.unit()
			if !ok {
				return nil
			}
			return push(newMonitorUnitScreen(s.c, u, s.year, s.period, s.freq, s.skps))
		case "ctrl+e":
			return s.exportMonitoring()
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
			top := s.headY + 1
			if i := s.offset + msg.Y - top; msg.Y >= top && i < s.lines() && msg.Y < top+s.listH() {
				if i == s.cursor && i < len(s.mon.Units) {
					return push(newMonitorUnitScreen(s.c, s.mon.Units[i], s.year, s.period, s.freq, s.skps))
				}
				s.cursor = i
				s.move(0)
			}
		}
	}
	return nil
}

// monitor columns: short headers (explained by the legend line above the
// table) so the unit names keep the room; numbers right-aligned.
var monCols = []struct {
	label, legend string
	w             int
	get           func(u domain.MonitorUnit) int
}{
	{"Peg.", "pegawai aktif", 5, func(u domain.MonitorUnit) int { return u.Pegawai }},
	{"Tanpa", "tanpa SKP", 5, func(u domain.MonitorUnit) int { return u.NoSKP }},
	{"Draft", "", 5, func(u domain.MonitorUnit) int { return u.Draft }},
	{"Ajuan", "Diajukan", 5, func(u domain.MonitorUnit) int { return u.Diajukan }},
	{"Setuju", "Disetujui", 6, func(u domain.MonitorUnit) int { return u.Disetujui }},
	{"Kembali", "Dikembalikan", 7, func(u domain.MonitorUnit) int { return u.Dikembalikan }},
	{"Final", "", 5, func(u domain.MonitorUnit) int { return u.Evaluated }}, // legend per period
	{"Telat", "dialog terlambat", 5, func(u domain.MonitorUnit) int { return u.Overdue }},
}

func kinRight(s string, w int) string {
	if width(s) >= w {
		return fit(s, w)
	}
	return strings.Repeat(" ", w-width(s)) + s
}

func (s *monitorScreen) row(u domain.MonitorUnit, nameW int) string {
	var b strings.Builder
	b.WriteString(fit(u.Name, nameW) + " ")
	for _, c := range monCols {
		b.WriteString(" " + kinRight(itoa(c.get(u)), c.w))
	}
	return b.String()
}

// legend explains the short column headers in words.
func monLegend(periodLabel string) string {
	parts := make([]string, 0, len(monCols))
	for _, c := range monCols {
		l := c.legend
		switch {
		case c.label == "Final":
			l = "evaluasi " + periodLabel + " yang sudah final"
		case l == "":
			continue // the header is the word itself
		}
		parts = append(parts, c.label+" = "+l)
	}
	return strings.Join(parts, " · ")
}

func (s *monitorScreen) View() string {
	st := &s.c.Styles
	if s.err != nil {
		return st.StatusError.Render(domain.ErrorMessage(s.err))
	}
	if !s.loaded {
		return st.Muted.Render("Memuat…")
	}
	periodLabel := s.freq.PeriodLabel(s.period)
	lines := []string{
		clip(st.Title.Render("Tahun "+itoa(s.year)+" · "+periodLabel)+st.Muted.Render("   ←→ periode · -/+ tahun · Enter: pegawai unit"), s.w),
	}
	for _, l := range kinWrap(monLegend(periodLabel), s.w) {
		lines = append(lines, st.Muted.Render(l))
	}
	s.headY = len(lines)
	// The name keeps two spaces from the numbers; the one-word headers
	// one space from each other.
	fixed := 2 + 1
	for _, c := range monCols {
		fixed += c.w + 1
	}
	nameW := max(12, s.w-fixed)
	var head strings.Builder
	head.WriteString("  " + fit("Unit kerja", nameW) + " ")
	for _, c := range monCols {
		head.WriteString(" " + kinRight(c.label, c.w))
	}
	lines = append(lines, st.TableHeader.Render(clip(head.String(), s.w)))
	listH := s.listH()
	s.scroll.move(0, s.lines(), listH)
	end := min(s.lines(), s.offset+listH)
	for i := s.offset; i < end; i++ {
		u := s.mon.Total
		if i < len(s.mon.Units) {
			u = s.mon.Units[i]
		}
		marker := "  "
		if i == s.cursor {
			marker = "› "
		}
		line := clip(marker+s.row(u, nameW), s.w)
		switch {
		case i == s.cursor:
			line = st.RowSelected.Render(line)
		case i >= len(s.mon.Units):
			line = st.Title.Render(line)
		}
		lines = append(lines, line)
	}
	if len(s.mon.Units) == 0 {
		lines = append(lines, st.Muted.Render("Belum ada pegawai aktif yang dapat Anda lihat."))
	}
	u, isUnit := s.unit()
	lines = append(lines, "")
	lines = append(lines, s.chart(u, isUnit, periodLabel)...)
	return clipBlock(strings.Join(lines, "\n"), s.w, max(1, s.h))
}

// chart is the predikat distribution of a unit as text bars, with the
// pattern's rules marked ✓/✗ in words too, so nothing relies on colour.
func (s *monitorScreen) chart(u domain.MonitorUnit, isUnit bool, periodLabel string) []string {
	st := &s.c.Styles
	title := "Distribusi predikat " + periodLabel + " · " + inert(u.Name)
	switch {
	case !isUnit:
		title += " (seluruh unit; pola berlaku per unit)"
	case u.Org != "":
		title += " · predikat organisasi " + u.Org.Label()
	default:
		title += " · predikat organisasi belum ditetapkan"
	}
	out := []string{st.Section.Render(clip(title, s.w))}
	counts := make([]domain.Count, 0, 5)
	for _, p := range domain.Predikats() {
		counts = append(counts, domain.Count{Label: p.Label(), N: u.Counts[p]})
	}
	out = append(out, barChart(st, counts, min(s.w, 80), 5)...)
	if u.Evaluated == 0 {
		out = append(out, st.Muted.Render(clip("Belum ada evaluasi "+periodLabel+" yang final.", s.w)))
	}
	for _, c := range u.Checks {
		mark := "✓ terpenuhi: "
		if !c.Met {
			mark = "✗ belum terpenuhi: "
		}
		for i, l := range kinWrap(mark+c.Text+" — sekarang "+itoa(c.Count), s.w-2) {
			if i > 0 {
				l = "  " + l
			}
			if !c.Met {
				l = st.FieldWarning.Render(l)
			}
			out = append(out, l)
		}
	}
	return out
}

// ---- Pegawai of one unit ----

type monEmp struct {
	row domain.Row
	skp *domain.SKPRow
}

// monitorUnitScreen lists one unit's active employees with their SKP of
// the year: status, the period's evaluation and the next dialog.
type monitorUnitScreen struct {
	base
	unit         domain.MonitorUnit
	year, period int
	freq         domain.Frequency
	emps         []monEmp
	scroll
}

func newMonitorUnitScreen(c *Common, u domain.MonitorUnit, year, period int, freq domain.Frequency, skps []domain.SKPRow) *monitorUnitScreen {
	s := &monitorUnitScreen{base: newBase(c), unit: u, year: year, period: period, freq: freq}
	// The same choice as domain.Monitor: the latest-starting SKP of the
	// year stands for the employee.
	by := map[uint64]*domain.SKPRow{}
	for i := range skps {
		r := &skps[i]
		if r.Year != year {
			continue
		}
		if cur, ok := by[r.EmployeeID]; !ok || cur.Start.Before(r.Start) || cur.Start == r.Start && cur.SKPID < r.SKPID {
			by[r.EmployeeID] = r
		}
	}
	for _, r := range c.Rows {
		if r.Status.Active() && r.UnitID == u.UnitID {
			s.emps = append(s.emps, monEmp{row: r, skp: by[r.ID]})
		}
	}
	sort.SliceStable(s.emps, func(i, j int) bool { return strings.ToLower(s.emps[i].row.Nama) < strings.ToLower(s.emps[j].row.Nama) })
	return s
}

func (s *monitorUnitScreen) Title() string {
	return "Monitoring " + itoa(s.year) + " · " + inert(s.unit.Name)
}

func (s *monitorUnitScreen) Keys() []KeyHelp {
	return []KeyHelp{{"↑↓", "Pilih"}, {"Enter", "Buka SKP / pegawai"}}
}

func (s *monitorUnitScreen) page() int  { return max(1, s.h-3) }
func (s *monitorUnitScreen) move(d int) { s.scroll.move(d, len(s.emps), s.page()) }

func (s *monitorUnitScreen) open(i int) tea.Cmd {
	if i < 0 || i >= len(s.emps) {
		return nil
	}
	e := s.emps[i]
	if e.skp != nil {
		return push(newSKPScreen(s.c, e.skp.SKPID))
	}
	return push(newEmployeeDetail(s.c, e.row.ID))
}

func (s *monitorUnitScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if listKeys(msg.String(), s.page(), len(s.emps), s.move) {
			return nil
		}
		switch msg.String() {
		case "enter":
			return s.open(s.cursor)
		}
	case tea.MouseMsg:
		return s.listMouse(msg, 2, len(s.emps), s.move, s.open)
	}
	return nil
}

func (s *monitorUnitScreen) View() string {
	st := &s.c.Styles
	periodLabel := s.freq.PeriodLabel(s.period)
	today := s.c.today()
	end := min(len(s.emps), s.offset+s.page())
	// Status, evaluation and dialog are as wide as what is on screen, so
	// the names keep the rest.
	type cells struct{ name, nip, status, eval, next string }
	rows := make([]cells, 0, end-s.offset)
	statusW, evalW, nextW := width("Status SKP"), width(periodLabel), width("Dialog berikutnya")
	for i := s.offset; i < end; i++ {
		e := s.emps[i]
		c := cells{name: e.row.Nama, nip: domain.FormatNIP(e.row.NIP), status: "Belum ada SKP", eval: "—"}
		if r := e.skp; r != nil {
			c.status = r.Status.String()
			p := r.Predikat
			if s.period != 0 {
				p = r.Periodik[s.period]
			}
			if p != "" {
				c.eval = p.Label()
			} else {
				c.eval = "belum final"
			}
			c.next = r.NextDialog.String()
			if !r.NextDialog.IsZero() && r.NextDialog.Before(today) {
				c.next += " Terlambat"
			}
		}
		statusW, evalW, nextW = max(statusW, width(c.status)), max(evalW, width(c.eval)), max(nextW, width(c.next))
		rows = append(rows, c)
	}
	nameW := max(16, s.w-2-21-statusW-evalW-nextW-4)
	row := func(c cells) string {
		return fit(c.name, nameW) + " " + fit(c.nip, 21) + " " + fit(c.status, statusW) + " " + fit(c.eval, evalW) + " " + fit(c.next, nextW)
	}
	lines := []string{st.Muted.Render(clip(itoa(len(s.emps))+" pegawai aktif · kolom "+periodLabel+": predikat evaluasi "+periodLabel+" yang sudah final", s.w)),
		st.TableHeader.Render(clip("  "+row(cells{"Nama", "NIP", "Status SKP", periodLabel, "Dialog berikutnya"}), s.w))}
	for j, c := range rows {
		if s.offset+j == s.cursor {
			lines = append(lines, st.RowSelected.Render(clip("› "+row(c), s.w)))
		} else {
			lines = append(lines, clip("  "+row(c), s.w))
		}
	}
	if len(s.emps) == 0 {
		lines = append(lines, st.Muted.Render("Tidak ada pegawai aktif di unit ini."))
	}
	return strings.Join(lines, "\n")
}

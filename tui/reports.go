package tui

import (
	"context"
	"sort"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// reportData is what the office-wide lists are computed from: whole
// profiles, their riwayat and the career settings. It is loaded once per
// data version and shared by Pengingat, DUK, nominatif and statistik.
type reportData struct {
	version  int
	emps     []domain.Employee
	riwayat  map[uint64][]domain.Riwayat
	settings domain.CareerSettings
	today    domain.Date
	// skps are the SKP rows of every year: this year's next dialog dates
	// are reminders too, and the final annual predikat feed the kenaikan
	// pangkat rule (kinerja). Empty when the SKP storage is not wired.
	skps    []domain.SKPRow
	kinerja map[uint64]domain.KinerjaHistory
	// merit are the due improvement actions of the merit assessments,
	// ready as rows (they name units, read while loading).
	merit []reminderRow
}

type reportLoadedMsg struct {
	data *reportData
	err  error
}

// loadReport returns the cached data when it is current, else a Cmd that
// loads it and delivers reportLoadedMsg to the asking screen.
func loadReport(b *base) (*reportData, tea.Cmd) {
	c := b.c
	if c.report != nil && c.report.version == c.Version {
		return c.report, nil
	}
	version, today := c.Version, c.today()
	return nil, b.cmd(func(ctx context.Context) tea.Msg {
		d := &reportData{version: version, today: today}
		var err error
		if d.emps, err = c.Repo.AllEmployees(ctx); err != nil {
			return reportLoadedMsg{err: err}
		}
		if d.riwayat, err = c.Repo.AllRiwayatByEmployee(ctx); err != nil {
			return reportLoadedMsg{err: err}
		}
		if d.settings, err = c.Repo.Settings(ctx); err != nil {
			return reportLoadedMsg{err: err}
		}
		if c.Kinerja != nil {
			if d.skps, err = c.Kinerja.SKPRows(ctx, 0); err != nil {
				return reportLoadedMsg{err: err}
			}
			d.kinerja = domain.KinerjaHistories(d.skps)
		}
		if c.Merit != nil {
			as, err := c.Merit.MeritAssessments(ctx)
			if err != nil {
				return reportLoadedMsg{err: err}
			}
			d.merit = meritReminders(c, as, today, d.settings.ReminderMonths)
		}
		return reportLoadedMsg{data: d}
	})
}

// reportBase is embedded by the report screens: it loads the data and
// keeps a scrolled cursor over the screen's rows.
type reportBase struct {
	base
	data *reportData
	err  error
	scroll
	rows int
}

func (s *reportBase) init(rebuild func()) tea.Cmd {
	d, cmd := loadReport(&s.base)
	if d != nil {
		s.data = d
		rebuild()
	}
	return cmd
}

// handle deals with the messages every report screen shares.
func (s *reportBase) handle(msg tea.Msg, rebuild func()) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case reportLoadedMsg:
		if msg.err != nil {
			s.err = msg.err
			return failure(msg.err), true
		}
		s.c.report = msg.data
		s.data = msg.data
		rebuild()
		return nil, true
	case dataChangedMsg:
		return s.init(rebuild), true
	case tea.KeyMsg:
		return nil, listKeys(msg.String(), s.page(), s.rows, s.move)
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				s.move(-3)
				return nil, true
			case tea.MouseButtonWheelDown:
				s.move(3)
				return nil, true
			}
		}
	}
	return nil, false
}

func (s *reportBase) page() int { return max(1, s.h-4) }

func (s *reportBase) move(d int) { s.scroll.move(d, s.rows, s.page()) }

func (s *reportBase) waiting() (string, bool) {
	st := &s.c.Styles
	if s.err != nil {
		return st.StatusError.Render(domain.ErrorMessage(s.err)), true
	}
	if s.data == nil {
		return st.Muted.Render("Memuat dan menghitung…"), true
	}
	return "", false
}

// tabBar draws clickable tabs and records their x ranges.
func tabBar(st *Styles, labels []string, active int, xs *[][2]int) string {
	var b strings.Builder
	*xs = (*xs)[:0]
	x := 0
	for i, l := range labels {
		label := " " + l + " "
		if i == active {
			label = "[" + l + "]" // visible without colour too
			b.WriteString(st.TabActive.Render(label))
		} else {
			b.WriteString(st.Tab.Render(label))
		}
		*xs = append(*xs, [2]int{x, x + width(label)})
		b.WriteString(" ")
		x += width(label) + 1
	}
	return b.String()
}

func tabAt(xs [][2]int, x int) int {
	for i, r := range xs {
		if x >= r[0] && x < r[1] {
			return i
		}
	}
	return -1
}

// ---- Pengingat ----

type reminderRow struct {
	r       domain.Reminder
	name    string
	nip     string
	skpID   uint64 // the SKP of a dialog kinerja reminder
	meritID uint64 // the assessment of a rencana perbaikan action
}

type remindersScreen struct {
	reportBase
	fullH int // the screen's height; reportBase.h leaves remDetailH out
	all   []reminderRow
	shown []reminderRow
	tab   int
	tabX  [][2]int
	// tabFirst is the first tab drawn: the bar scrolls to keep the chosen
	// tab in view; tabX holds the drawn tabs only.
	tabFirst int
}

// remDialog is the next dialog kinerja agreed in an SKP's latest dialog:
// a reminder of the performance cycle rather than of the career rules.
const remDialog domain.ReminderKind = "Dialog kinerja berikutnya"

func reminderTabs() []domain.ReminderKind {
	return []domain.ReminderKind{"", domain.RemKGB, domain.RemKP, domain.RemPensiun, domain.RemKontrak, domain.RemHukdis, domain.RemCutiBesar, remDialog, meritRemindersKind}
}

// pengingatTabs are the Pengingat screen's tabs: Semua, then the dialog
// kinerja (one Right away, not at the far end behind the career kinds),
// then the career kinds in the order of reminderTabs.
func pengingatTabs() []domain.ReminderKind {
	ks := reminderTabs()
	out := []domain.ReminderKind{"", remDialog}
	for _, k := range ks[1:] {
		if k != remDialog {
			out = append(out, k)
		}
	}
	return out
}

// remDetailH is the room under the Pengingat table for the selected
// reminder's full rule.
const remDetailH = 4

func newRemindersScreen(c *Common) *remindersScreen {
	return &remindersScreen{reportBase: reportBase{base: newBase(c)}}
}

func (s *remindersScreen) Title() string { return "Pengingat" }
func (s *remindersScreen) Keys() []KeyHelp {
	open := "Buka pegawai"
	if s.cursor < len(s.shown) && s.shown[s.cursor].skpID != 0 {
		open = "Buka dialog kinerja SKP"
	}
	if s.cursor < len(s.shown) && s.shown[s.cursor].meritID != 0 {
		open = "Buka penilaian merit"
	}
	return append([]KeyHelp{{"←/→", "Jenis"}, {"↑↓", "Gulir"}, {"Enter", open}}, docsKeys(s.c, true, true)...)
}

func (s *remindersScreen) SetSize(w, h int) {
	s.fullH = h
	s.reportBase.SetSize(w, max(5, h-remDetailH))
}

// open shows a reminder's employee: a dialog kinerja reminder opens the
// SKP on its Dialog kinerja tab, the others the profile.
func (s *remindersScreen) open(i int) tea.Cmd {
	if i < 0 || i >= len(s.shown) {
		return nil
	}
	r := s.shown[i]
	if r.meritID != 0 {
		ms := newMeritScreen(s.c, r.meritID)
		for j, t := range ms.tabs {
			if t.Title() == "Rencana perbaikan" {
				ms.setTab(j)
			}
		}
		return push(ms)
	}
	if r.skpID == 0 {
		return push(newEmployeeDetail(s.c, r.r.EmployeeID))
	}
	sk := newSKPScreen(s.c, r.skpID)
	for j, t := range sk.tabs {
		if t.Title() == "Dialog kinerja" {
			sk.setTab(j)
		}
	}
	return push(sk)
}
func (s *remindersScreen) Init() tea.Cmd { return s.init(s.rebuild) }

// computeReminders runs the career rules over every employee and adds the
// next dialog kinerja dates.
func computeReminders(d *reportData) []reminderRow {
	var out []reminderRow
	set := d.settings
	var rs []domain.Reminder
	for _, e := range d.emps {
		rs = domain.AppendRemindersWith(rs[:0], e, d.riwayat[e.ID], d.today, &set, d.kinerja[e.ID])
		for _, r := range rs {
			out = append(out, reminderRow{r: r, name: e.FullName(), nip: domain.FormatNIP(e.NIP)})
		}
	}
	out = append(out, dialogReminders(d)...)
	out = append(out, d.merit...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].r.Date.Before(out[j].r.Date) })
	return out
}

// dialogReminders are the next dialog dates of the year's SKPs of active
// employees, within the same window as the career reminders; a date
// already passed is Terlambat.
func dialogReminders(d *reportData) []reminderRow {
	if len(d.skps) == 0 {
		return nil
	}
	byID := make(map[uint64]*domain.Employee, len(d.emps))
	for i := range d.emps {
		byID[d.emps[i].ID] = &d.emps[i]
	}
	months := d.settings.ReminderMonths
	if months <= 0 {
		months = 6
	}
	horizon := d.today.AddMonths(months)
	var out []reminderRow
	for _, s := range d.skps {
		e := byID[s.EmployeeID]
		// Only this year's SKPs: an old SKP's last agreed date is not a
		// task any more, whatever years the rows cover.
		if s.Year != d.today.Year || s.NextDialog.IsZero() || e == nil || !e.Status.Active() || horizon.Before(s.NextDialog) {
			continue
		}
		// Short: the key words must show in the Aturan column.
		r := domain.Reminder{Kind: remDialog, EmployeeID: s.EmployeeID, Date: s.NextDialog,
			Rule: "Disepakati di dialog " + s.LastDialog.String()}
		if s.NextDialog.Before(d.today) {
			r.Terlambat = true
			r.Rule = "Terlambat " + itoa(s.NextDialog.DaysUntil(d.today)) + " hari; disepakati " + s.LastDialog.String()
		}
		out = append(out, reminderRow{r: r, name: e.FullName(), nip: domain.FormatNIP(e.NIP), skpID: s.SKPID})
	}
	return out
}

func (s *remindersScreen) rebuild() {
	s.all = computeReminders(s.data)
	s.filter()
}

func (s *remindersScreen) filter() {
	k := pengingatTabs()[s.tab]
	s.shown = s.shown[:0]
	for _, r := range s.all {
		if k == "" || r.r.Kind == k {
			s.shown = append(s.shown, r)
		}
	}
	s.rows = len(s.shown)
	s.move(0)
}

func (s *remindersScreen) setTab(i int) {
	n := len(pengingatTabs())
	s.tab = (i%n + n) % n
	s.cursor, s.offset = 0, 0
	s.filter()
}

func (s *remindersScreen) Update(msg tea.Msg) tea.Cmd {
	if cmd, ok := s.handle(msg, s.rebuild); ok {
		return cmd
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch msg.String() {
		case "left", "shift+tab":
			s.setTab(s.tab - 1)
		case "right", "tab", "f7":
			s.setTab(s.tab + 1)
		case "enter":
			return s.open(s.cursor)
		case "ctrl+p":
			return s.printReminders()
		case "ctrl+e":
			return s.exportReminders()
		}
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft {
			if msg.Y == 0 {
				if i := tabAt(s.tabX, msg.X); i >= 0 {
					s.setTab(s.tabFirst + i)
				}
			} else if i := s.offset + msg.Y - 3; msg.Y >= 3 && i < len(s.shown) {
				if i == s.cursor {
					return s.open(i)
				}
				s.cursor = i
			}
		}
	}
	return nil
}

func (s *remindersScreen) View() string {
	if w, ok := s.waiting(); ok {
		return w
	}
	st := &s.c.Styles
	counts := map[domain.ReminderKind]int{}
	for _, r := range s.all {
		counts[r.r.Kind]++
	}
	var labels []string
	for _, k := range pengingatTabs() {
		if k == "" {
			labels = append(labels, "Semua ("+itoa(len(s.all))+")")
		} else {
			labels = append(labels, string(k)+" ("+itoa(counts[k])+")")
		}
	}
	// The tabs no longer fit a normal window: when the chosen one would be
	// cut off, the bar starts at a later tab so it is always visible.
	s.tabFirst = 0
	for s.tabFirst < s.tab && tabsWidth(labels[s.tabFirst:s.tab+1]) > s.w {
		s.tabFirst++
	}
	bar := tabBar(st, labels[s.tabFirst:], s.tab-s.tabFirst, &s.tabX)
	if s.tabFirst > 0 {
		bar = "‹ " + bar
		for i := range s.tabX {
			s.tabX[i][0] += 2
			s.tabX[i][1] += 2
		}
	}
	lines := []string{clip(bar, s.w),
		st.Muted.Render(clip("Jatuh tempo dalam "+itoa(s.data.settings.ReminderMonths)+" bulan ke depan (dan yang terlambat), per "+s.data.today.Long()+".", s.w))}
	end := min(len(s.shown), s.offset+s.page())
	// Jenis and Pegawai are as wide as their longest entry on screen
	// (Jenis 16–30, Pegawai 12–28); Aturan gets the rest.
	kindW, nameW := 16, 12
	for i := s.offset; i < end; i++ {
		kindW = max(kindW, min(30, width(reminderKindText(s.shown[i].r))))
		nameW = max(nameW, min(28, width(s.shown[i].name)))
	}
	// Two spaces between columns: a full cell must not run into the next.
	ruleW := max(10, s.w-2-10-kindW-nameW-6)
	row := func(date, kind, name, rule string) string {
		return fit(date, 10) + "  " + fit(kind, kindW) + "  " + fit(name, nameW) + "  " + fit(rule, ruleW)
	}
	lines = append(lines, st.TableHeader.Render(clip("  "+row("Tanggal", "Jenis", "Pegawai", "Aturan"), s.w)))
	for i := s.offset; i < end; i++ {
		r := s.shown[i]
		line := row(r.r.Date.String(), reminderKindText(r.r), r.name, reminderRule(r.r))
		if i == s.cursor {
			line = st.RowSelected.Render(clip("› "+line, s.w))
		} else {
			line = clip("  "+line, s.w)
		}
		lines = append(lines, line)
	}
	if len(s.shown) == 0 {
		lines = append(lines, st.Muted.Render("Tidak ada yang jatuh tempo."))
	}
	// The selected reminder's rule in full under the table: the column
	// shows its start only.
	if s.cursor < len(s.shown) && s.fullH > 0 {
		for len(lines) < s.fullH-remDetailH+1 {
			lines = append(lines, "")
		}
		r := s.shown[s.cursor]
		for i, l := range kinWrap("Aturan ("+r.name+"): "+reminderRule(r.r), s.w) {
			if i == remDetailH-1 {
				break
			}
			lines = append(lines, st.Muted.Render(l))
		}
	}
	return strings.Join(lines, "\n")
}

// reminderRule is a reminder's rule with its notes, as sentences.
func reminderRule(r domain.Reminder) string {
	if len(r.Notes) == 0 {
		return r.Rule
	}
	notes := make([]string, len(r.Notes))
	for i, n := range r.Notes {
		if n = strings.TrimSpace(n); n != "" && !strings.HasSuffix(n, ".") {
			n += "."
		}
		notes[i] = n
	}
	return r.Rule + " — " + strings.Join(notes, " ")
}

// reminderKindText is the Jenis column: the kind, marked when late. The
// dialog kinerja kind is short (its tab has the full name) and its rule
// starts with "Terlambat N hari", so the column leaves that to Aturan.
func reminderKindText(r domain.Reminder) string {
	switch {
	case r.Kind == remDialog && r.Terlambat:
		return "! Dialog kinerja"
	case r.Kind == remDialog:
		return "Dialog kinerja"
	case r.Terlambat:
		return "! " + string(r.Kind) + " (terlambat)"
	}
	return string(r.Kind)
}

// tabsWidth is the width tabBar gives these labels.
func tabsWidth(labels []string) int {
	n := 0
	for _, l := range labels {
		n += width(l) + 3
	}
	return n
}

// ---- DUK ----

type dukScreen struct {
	reportBase
	list []dukLine
}

type dukLine struct {
	row domain.DUKRow
	e   *domain.Employee
}

func newDUKScreen(c *Common) *dukScreen { return &dukScreen{reportBase: reportBase{base: newBase(c)}} }

func (s *dukScreen) Title() string { return "Daftar Urut Kepangkatan (DUK)" }
func (s *dukScreen) Keys() []KeyHelp {
	return append([]KeyHelp{{"↑↓ PgUp PgDn", "Gulir"}, {"Enter", "Buka pegawai"}}, docsKeys(s.c, true, true)...)
}
func (s *dukScreen) Init() tea.Cmd { return s.init(s.rebuild) }

func (s *dukScreen) rebuild() {
	d := s.data
	rows := make([]domain.DUKRow, 0, len(d.emps))
	byID := make(map[uint64]*domain.Employee, len(d.emps))
	for i := range d.emps {
		e := &d.emps[i]
		r, ok := domain.BuildDUKRow(*e, d.riwayat[e.ID], d.today)
		if !ok {
			continue
		}
		byID[e.ID] = e
		rows = append(rows, r)
	}
	domain.SortDUK(rows)
	s.list = make([]dukLine, len(rows))
	for i, r := range rows {
		s.list[i] = dukLine{row: r, e: byID[r.EmployeeID]}
	}
	s.rows = len(s.list)
	s.move(0)
}

func (s *dukScreen) Update(msg tea.Msg) tea.Cmd {
	if cmd, ok := s.handle(msg, s.rebuild); ok {
		return cmd
	}
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case k.String() == "enter" && s.cursor < len(s.list):
			return push(newEmployeeDetail(s.c, s.list[s.cursor].row.EmployeeID))
		case k.String() == "ctrl+p":
			return s.printDUK()
		case k.String() == "ctrl+e":
			return s.exportDUK()
		}
	}
	return nil
}

func (s *dukScreen) View() string {
	if w, ok := s.waiting(); ok {
		return w
	}
	st := &s.c.Styles
	jabW := max(12, s.w-5-22-24-18-14-4)
	lines := []string{st.Muted.Render(clip(itoa(len(s.list))+" PNS aktif, diurutkan: golongan, TMT golongan, jabatan, TMT jabatan, masa kerja, diklat PIM, pendidikan, usia.", s.w)), "",
		st.TableHeader.Render(fit("No", 5) + " " + fit("NIP", 22) + " " + fit("Nama", 24) + " " + fit("Gol. / TMT", 18) + " " + fit("Masa kerja", 14) + " " + fit("Jabatan", jabW))}
	end := min(len(s.list), s.offset+s.page())
	for i := s.offset; i < end; i++ {
		l := s.list[i]
		e := l.e
		gol := e.Golongan + " " + l.row.TMTGolongan.String()
		mk := itoa(l.row.MasaKerja.Years) + " th " + itoa(l.row.MasaKerja.Months) + " bl"
		line := fit(itoa(i+1), 5) + " " + fit(domain.FormatNIP(e.NIP), 22) + " " + fit(e.FullName(), 24) + " " + fit(gol, 18) + " " + fit(mk, 14) + " " + fit(e.NamaJabatan, jabW)
		if i == s.cursor {
			line = st.RowSelected.Render(line)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// ---- Statistik ----

type statsScreen struct {
	reportBase
	tab  int
	tabX [][2]int
	// The counts of the shown tab, computed when the data or the tab
	// changes rather than on every View.
	counts    []domain.Count
	active    int
	countedOf *reportData
	countedAt int
}

var statKeys = []struct{ key, label string }{
	{"golongan", "Golongan"}, {"jenis_jabatan", "Jenis jabatan"}, {"pendidikan", "Pendidikan"},
	{"jenis_kelamin", "Jenis kelamin"}, {"usia", "Usia"}, {"unit", "Unit kerja"},
}

func newStatsScreen(c *Common) *statsScreen {
	return &statsScreen{reportBase: reportBase{base: newBase(c)}}
}

func (s *statsScreen) Title() string   { return "Statistik" }
func (s *statsScreen) Keys() []KeyHelp { return []KeyHelp{{"←/→", "Ganti rincian"}} }
func (s *statsScreen) Init() tea.Cmd   { return s.init(func() {}) }

func (s *statsScreen) Update(msg tea.Msg) tea.Cmd {
	if cmd, ok := s.handle(msg, func() {}); ok {
		return cmd
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch msg.String() {
		case "left", "shift+tab":
			s.tab = (s.tab + len(statKeys) - 1) % len(statKeys)
		case "right", "tab":
			s.tab = (s.tab + 1) % len(statKeys)
		}
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft && msg.Y == 0 {
			if i := tabAt(s.tabX, msg.X); i >= 0 {
				s.tab = i
			}
		}
	}
	return nil
}

func (s *statsScreen) View() string {
	if w, ok := s.waiting(); ok {
		return w
	}
	st := &s.c.Styles
	var labels []string
	for _, k := range statKeys {
		labels = append(labels, k.label)
	}
	s.count()
	lines := []string{clip(tabBar(st, labels, s.tab, &s.tabX), s.w),
		st.Muted.Render(itoa(s.active) + " pegawai aktif"), ""}
	lines = append(lines, barChart(st, s.counts, s.w, s.h-4)...)
	return strings.Join(lines, "\n")
}

// count computes the shown tab's counts once per data version and tab.
func (s *statsScreen) count() {
	if s.countedOf == s.data && s.countedAt == s.tab && s.counts != nil {
		return
	}
	var active []domain.Employee
	for _, e := range s.data.emps {
		if e.Status.Active() {
			active = append(active, e)
		}
	}
	if key := statKeys[s.tab].key; key == "unit" {
		s.counts = domain.CountByUnit(active, func(id uint64) string {
			if n := s.c.UnitName(id); n != "" {
				return n
			}
			return "(tanpa unit)"
		})
	} else {
		s.counts = domain.CountBy(active, s.data.today, key)
	}
	if s.counts == nil {
		s.counts = []domain.Count{}
	}
	s.active, s.countedOf, s.countedAt = len(active), s.data, s.tab
}

// barChart draws horizontal bars with the number beside each.
func barChart(st *Styles, counts []domain.Count, w, h int) []string {
	labelW := 4
	maxN := 1
	for _, c := range counts {
		labelW = max(labelW, min(28, width(c.Label)))
		maxN = max(maxN, c.N)
	}
	barW := max(5, w-labelW-10)
	var out []string
	for i, c := range counts {
		if i >= h {
			out = append(out, st.Muted.Render("… dan "+itoa(len(counts)-i)+" lainnya"))
			break
		}
		n := c.N * barW / maxN
		if c.N > 0 && n == 0 {
			n = 1
		}
		out = append(out, fit(c.Label, labelW)+" "+st.Title.Render(strings.Repeat("█", n))+" "+itoa(c.N))
	}
	if len(counts) == 0 {
		out = append(out, st.Muted.Render("Belum ada data."))
	}
	return out
}

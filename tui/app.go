package tui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// area is one entry of the navigation menu.
type area int

const (
	areaHome area = iota
	areaEmployees
	areaUnits
	areaAccounts
	areaAudit
	areaBackup
	areaReminders
	areaDUK
	areaNominatif
	areaStats
	areaSettings
	areaKinerja
	areaMerit
	areaExchange
)

type menuEntry struct {
	key, label string
	area       area
	action     string // "help", "quit", "password", "logout" for the non-area entries
}

// menuEntries lists what the logged-in account may open: screens hide what
// a role cannot do (the store refuses it anyway).
func (m *Model) menuEntries() []menuEntry {
	c := m.c
	out := []menuEntry{
		{key: "F2", label: "Beranda", area: areaHome},
		{key: "F3", label: "Pegawai", area: areaEmployees},
		// No F-key: F5–F8 are each screen's own keys (Tambah, Ubah…).
		{label: "Kinerja (SKP)", area: areaKinerja},
	}
	// Sistem merit: for Admin, Pimpinan and Tim Merit, once its storage
	// is wired (Common.Merit).
	if c.Merit != nil && (c.Actor.Has(domain.RoleAdmin) || c.Actor.Has(domain.RolePimpinan) || c.Actor.Has(domain.RoleTimMerit)) {
		out = append(out, menuEntry{label: "Sistem merit", area: areaMerit})
	}
	if c.can(domain.CanManageOffice) {
		out = append(out, menuEntry{key: "F4", label: "Organisasi", area: areaUnits})
	}
	if c.can(domain.CanViewReports) {
		out = append(out, menuEntry{label: "Pengingat", area: areaReminders},
			menuEntry{label: "DUK", area: areaDUK},
			menuEntry{label: "Nominatif", area: areaNominatif},
			menuEntry{label: "Statistik", area: areaStats})
	}
	if c.can(domain.CanManageAccounts) {
		out = append(out, menuEntry{label: "Akun pengguna", area: areaAccounts})
	}
	if c.can(domain.CanViewAudit) {
		out = append(out, menuEntry{label: "Riwayat perubahan", area: areaAudit})
	}
	if c.can(domain.CanBackup) {
		out = append(out, menuEntry{label: "Cadangan & data", area: areaBackup})
	}
	if c.can(domain.CanManageOffice) && (c.Docs != nil || c.Import != nil || c.Paket != nil) {
		out = append(out, menuEntry{label: "Impor & ekspor", area: areaExchange})
	}
	if c.can(domain.CanManageOffice) {
		out = append(out, menuEntry{label: "Pengaturan", area: areaSettings})
	}
	return append(out, menuEntry{},
		menuEntry{label: "Ganti kata sandi", action: "password"},
		menuEntry{label: "Keluar akun", action: "logout"},
		menuEntry{},
		menuEntry{key: "F9", label: "Menu", action: "menu"},
		menuEntry{key: "F1", label: "Bantuan", action: "help"},
		menuEntry{key: "F10", label: "Keluar", action: "quit"},
	)
}

// Layout constants: the chrome is one header line, one title line, one
// status line and one footer line; the menu has a fixed width.
const (
	menuWidth = 24
	// sidebarMinWidth is the narrowest window that keeps the menu beside
	// the screen.
	sidebarMinWidth = 100
	minWidth        = 80
	minHeight       = 24
)

// Model is the root: header, menu, the screen stack, the status line, the
// footer and at most one overlay.
type Model struct {
	c        *Common
	stack    []Screen
	area     area
	overlay  *dialog
	menuOn   bool // F9: the keyboard is in the menu
	menuIdx  int
	gate     gate
	drafts   map[uint64][]Screen // screens of a user locked out by the idle timer
	lastKey  time.Time
	w, h     int
	status   string
	statErr  bool
	loaded   bool
	loadErr  error
	quitting bool
}

// New builds the root model. The same constructor serves the app and tests.
func New(c *Common) *Model {
	if c.Ctx == nil {
		c.Ctx = context.Background()
	}
	if c.Base == nil {
		c.Base = c.Ctx
	}
	if c.Styles.Title.GetBold() == false {
		c.Styles = NewStyles(DefaultPalette())
	}
	if c.BUP.JPT == 0 {
		c.BUP = domain.DefaultBUPGrid()
	}
	return &Model{c: c, drafts: map[uint64][]Screen{}, gate: gateLoading}
}

// Init loads the office data and starts the idle timer.
func (m *Model) Init() tea.Cmd { return tea.Batch(loadData(m.c, ""), m.scheduleIdle()) }

// gate is what stands between the user and the areas.
type gate int

const (
	gateLoading    gate = iota
	gateWelcome         // no office yet
	gateFirstAdmin      // an office without accounts (a file from before accounts existed)
	gateLogin
	gateOpen
)

func (m *Model) currentGate() gate {
	switch {
	case !m.c.HasOffice:
		return gateWelcome
	case !m.c.HasAccounts:
		return gateFirstAdmin
	case !m.c.loggedIn():
		return gateLogin
	}
	return gateOpen
}

func loadData(c *Common, status string) tea.Cmd {
	repo, ctx, logged := c.Repo, c.Ctx, c.loggedIn()
	return func() tea.Msg {
		d := dataLoadedMsg{status: status}
		d.office, d.hasOffice, d.err = repo.Office(ctx)
		if d.err == nil {
			d.hasAccounts, d.err = repo.HasAccounts(ctx)
		}
		if d.err == nil && logged {
			d.units, d.err = repo.Units(ctx)
			if d.err == nil {
				d.rows, d.err = repo.ListRows(ctx)
			}
		}
		return d
	}
}

func (m *Model) top() Screen {
	if len(m.stack) == 0 {
		return nil
	}
	return m.stack[len(m.stack)-1]
}

func (m *Model) dirty() bool {
	for _, s := range m.stack {
		if s.Dirty() {
			return true
		}
	}
	return false
}

// Dirty reports whether any open screen holds unsaved edits (GuardQuit).
func (m *Model) Dirty() bool { return m.dirty() && !m.quitting }

// showMenu: the sidebar stays beside the screen in a wide window; below
// sidebarMinWidth columns it would leave too little room (56 columns at
// 80), so it appears only while F9 has the keyboard in it.
func (m *Model) showMenu() bool {
	return m.gate == gateOpen && (m.w >= sidebarMinWidth || m.menuOn)
}

// setMenuOn moves the keyboard into or out of the menu; in a narrow
// window that shows or hides the sidebar, so the screens get their new
// width.
func (m *Model) setMenuOn(on bool) {
	if m.menuOn == on {
		return
	}
	m.menuOn = on
	if m.w < sidebarMinWidth {
		m.resize()
	}
}

func (m *Model) contentSize() (int, int) {
	w := m.w - menuWidth - 1
	if !m.showMenu() {
		w = m.w - 2
	}
	return max(0, w), max(0, m.h-4)
}

func (m *Model) resize() {
	w, h := m.contentSize()
	for _, s := range m.stack {
		s.SetSize(w, h)
	}
}

func (m *Model) pushScreen(s Screen) tea.Cmd {
	m.stack = append(m.stack, s)
	w, h := m.contentSize()
	s.SetSize(w, h)
	return s.Init()
}

func (m *Model) rootScreen(a area) Screen {
	switch m.gate {
	case gateWelcome:
		return newWelcome(m.c)
	case gateFirstAdmin:
		return newFirstAdmin(m.c)
	case gateLogin, gateLoading:
		return newLogin(m.c)
	}
	switch a {
	case areaEmployees:
		return newEmployeeList(m.c)
	case areaUnits:
		return newUnitList(m.c)
	case areaAccounts:
		return newAccountList(m.c)
	case areaAudit:
		return newAuditScreen(m.c)
	case areaBackup:
		return newBackupScreen(m.c)
	case areaReminders:
		return newRemindersScreen(m.c)
	case areaDUK:
		return newDUKScreen(m.c)
	case areaNominatif:
		return newNominatifScreen(m.c)
	case areaStats:
		return newStatsScreen(m.c)
	case areaSettings:
		return newSettingsForm(m.c)
	case areaKinerja:
		return newSKPList(m.c)
	case areaMerit:
		return newMeritList(m.c)
	case areaExchange:
		return newExchangeScreen(m.c)
	}
	return newHome(m.c)
}

func (m *Model) setArea(a area) tea.Cmd {
	m.area = a
	m.stack = nil
	return m.pushScreen(m.rootScreen(a))
}

// guarded runs cmd now, or after a confirmation when edits would be lost.
func (m *Model) guarded(question string, cmd tea.Cmd) tea.Cmd {
	if !m.dirty() {
		return cmd
	}
	m.overlay = confirmDialog(&m.c.Styles, "Perubahan belum disimpan", question, "Ya, tinggalkan", "Tidak", cmd, nil)
	return nil
}

func (m *Model) requestQuit() tea.Cmd {
	if m.dirty() {
		m.overlay = confirmDialog(&m.c.Styles, "Keluar", "Ada perubahan yang belum disimpan. Keluar tanpa menyimpan?",
			"Ya, keluar", "Tidak", func() tea.Msg { return confirmedQuitMsg{} }, nil)
		return nil
	}
	m.quitting = true
	return tea.Quit
}

type confirmedQuitMsg struct{}

// Update is the router: global messages first, then the overlay, then the
// top screen (craft.md §3).
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
		m.resize()
		return m, nil
	case dataLoadedMsg:
		if msg.err != nil {
			m.c.logf("load: %v", msg.err)
			if !m.loaded {
				m.loadErr = msg.err
				return m, nil
			}
			m.setStatus(domain.ErrorMessage(msg.err), true)
			return m, nil
		}
		m.c.setData(msg)
		if msg.status != "" {
			m.setStatus(msg.status, false)
		}
		if g := m.currentGate(); !m.loaded || g != m.gate {
			m.loaded = true
			return m, m.enterGate(g)
		}
		return m, m.broadcast(dataChangedMsg{})
	case loggedInMsg:
		return m, m.afterLogin(msg.account)
	case logoutMsg:
		return m, m.logout(msg.status)
	case idleTickMsg:
		return m, m.idleCheck(msg.now)
	case reloadMsg:
		return m, loadData(m.c, msg.status)
	case pushMsg:
		return m, m.pushScreen(msg.s)
	case replaceMsg:
		if len(m.stack) > 0 {
			m.stack = m.stack[:len(m.stack)-1]
		}
		return m, m.pushScreen(msg.s)
	case popMsg:
		if len(m.stack) > 1 {
			m.stack = m.stack[:len(m.stack)-1]
			if msg.result != nil {
				return m, m.top().Update(resultMsg{msg.result})
			}
		}
		return m, nil
	case areaMsg:
		return m, m.guarded("Ada perubahan yang belum disimpan. Tinggalkan layar ini tanpa menyimpan?", func() tea.Msg { return forceAreaMsg{msg.a} })
	case forceAreaMsg:
		return m, m.setArea(msg.a)
	case statusMsg:
		m.setStatus(msg.text, msg.err)
		return m, nil
	case dialogMsg:
		m.overlay = msg.d
		return m, nil
	case quitMsg:
		return m, m.requestQuit()
	case confirmedQuitMsg:
		m.quitting = true
		return m, tea.Quit
	case taggedMsg:
		for _, s := range m.stack {
			if s.ID() == msg.to {
				return m, s.Update(msg.msg)
			}
		}
		return m, nil // its screen is gone: drop the stale result
	case tea.KeyMsg:
		return m, m.key(msg)
	case tea.MouseMsg:
		return m, m.mouse(msg)
	}
	if t := m.top(); t != nil {
		return m, t.Update(msg)
	}
	return m, nil
}

type forceAreaMsg struct{ a area }

// enterGate switches between welcome, first admin, login and the areas.
func (m *Model) enterGate(g gate) tea.Cmd {
	m.gate = g
	m.menuOn = false
	m.resize()
	if g == gateOpen {
		if d, ok := m.drafts[m.c.Account.ID]; ok {
			// The same person is back after the idle lock: everything they
			// had open, half-filled forms included, is as they left it.
			delete(m.drafts, m.c.Account.ID)
			m.stack = d
			m.resize()
			return m.broadcast(dataChangedMsg{})
		}
	}
	cmd := m.setArea(areaHome)
	if g == gateOpen && m.c.Account.MustChangePassword {
		return tea.Batch(cmd, push(newPasswordForm(m.c, true)))
	}
	return cmd
}

type (
	loggedInMsg struct{ account domain.Account }
	logoutMsg   struct{ status string }
	idleTickMsg struct{ now time.Time }
)

func (m *Model) afterLogin(a domain.Account) tea.Cmd {
	m.c.login(a)
	m.lastKey = m.c.Now()
	text := "Selamat datang, " + strings.TrimSuffix(a.Name, ".") + "."
	if a.MustChangePassword {
		text = "Kata sandi Anda diatur ulang oleh Admin: buat kata sandi baru dulu."
	}
	return loadData(m.c, text)
}

// logout ends the session: screens with unsaved edits are kept as that
// user's draft only when the idle timer locks; a deliberate logout asks
// first (guarded by the caller).
func (m *Model) logout(status string) tea.Cmd {
	repo, ctx := m.c.Repo, m.c.Ctx
	m.c.logout()
	m.stack = nil
	m.c.Rows, m.c.Units = nil, nil
	m.c.Version++
	m.gate = gateLogin
	m.resize()
	return tea.Batch(func() tea.Msg {
		if err := repo.Logout(ctx); err != nil {
			return statusMsg{text: domain.ErrorMessage(err), err: true}
		}
		return nil
	}, m.pushScreen(newLogin(m.c)), info(status))
}

func (m *Model) scheduleIdle() tea.Cmd {
	if m.c.Tick == nil || m.c.IdleTimeout <= 0 {
		return nil
	}
	return m.c.Tick(30*time.Second, func(t time.Time) tea.Msg { return idleTickMsg{t} })
}

// idleCheck locks the session after IdleTimeout without keys: the open
// screens are parked as this user's draft and the login screen shows.
func (m *Model) idleCheck(now time.Time) tea.Cmd {
	next := m.scheduleIdle()
	if m.gate != gateOpen || m.c.IdleTimeout <= 0 || now.Sub(m.lastKey) < m.c.IdleTimeout {
		return next
	}
	m.drafts[m.c.Account.ID] = m.stack
	m.overlay = nil
	repo, ctx := m.c.Repo, m.c.Ctx
	m.c.logout()
	m.stack = nil
	m.gate = gateLogin
	m.resize()
	return tea.Batch(next, m.pushScreen(newLogin(m.c)), func() tea.Msg {
		_ = repo.Logout(ctx)
		return statusMsg{text: "Layar dikunci karena lama tidak dipakai. Masuk lagi untuk melanjutkan; isian yang belum disimpan masih ada."}
	})
}

// dataChangedMsg tells every screen that Common's data was reloaded.
type dataChangedMsg struct{}

func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, s := range m.stack {
		cmds = append(cmds, s.Update(msg))
	}
	return tea.Batch(cmds...)
}

func (m *Model) setStatus(text string, isErr bool) { m.status, m.statErr = text, isErr }

func (m *Model) key(k tea.KeyMsg) tea.Cmd {
	if k.Type != tea.KeyCtrlC {
		// Messages stay until the next key, as in pug.
		m.status, m.statErr = "", false
	}
	if m.overlay != nil {
		done, cmd := m.overlay.update(k, m.w, m.h)
		if done {
			m.overlay = nil
		}
		return cmd
	}
	switch k.String() {
	case "ctrl+c", "f10":
		return m.requestQuit()
	case "f1":
		m.showHelp()
		return nil
	}
	t := m.top()
	if t == nil || !m.loaded {
		return nil
	}
	m.lastKey = m.c.Now()
	if m.gate == gateOpen { // the menu's keys work whether or not the sidebar shows
		if m.menuOn {
			return m.menuKey(k)
		}
		switch k.String() {
		case "f2":
			return goArea(areaHome)
		case "f3":
			return goArea(areaEmployees)
		case "f4":
			if m.c.can(domain.CanManageOffice) {
				return goArea(areaUnits)
			}
			return nil
		case "f9":
			m.setMenuOn(true)
			return nil
		}
	}
	if !t.Capturing() && k.String() == "?" {
		m.showHelp()
		return nil
	}
	if k.String() == "esc" && len(m.stack) > 1 {
		if o, ok := t.(interface{ OwnsEsc() bool }); ok && o.OwnsEsc() {
			return t.Update(k)
		}
		if t.Dirty() {
			m.overlay = confirmDialog(&m.c.Styles, "Batal", "Perubahan belum disimpan. Buang perubahan dan kembali?",
				"Ya, buang", "Tidak", pop(nil), nil)
			return nil
		}
		m.stack = m.stack[:len(m.stack)-1]
		return nil
	}
	return t.Update(k)
}

func (m *Model) mouse(ms tea.MouseMsg) tea.Cmd {
	if m.overlay != nil {
		done, cmd := m.overlay.update(ms, m.w, m.h)
		if done {
			m.overlay = nil
		}
		return cmd
	}
	if !m.loaded || m.w < minWidth || m.h < minHeight {
		return nil
	}
	bodyTop := 1
	left := 1
	m.lastKey = m.c.Now()
	if m.showMenu() {
		left = menuWidth + 1
		if ms.X < menuWidth && ms.Action == tea.MouseActionPress && ms.Button == tea.MouseButtonLeft {
			i := ms.Y - bodyTop - 1
			entries := m.menuEntries()
			if i >= 0 && i < len(entries) {
				return m.activateMenu(entries[i])
			}
			return nil
		}
	}
	t := m.top()
	if t == nil {
		return nil
	}
	ms.X -= left
	ms.Y -= bodyTop + 1 // header, title
	if ms.X < 0 || ms.Y < 0 {
		return nil
	}
	return t.Update(ms)
}

// menuKey moves in the menu after F9: arrows, Enter, Esc.
func (m *Model) menuKey(k tea.KeyMsg) tea.Cmd {
	entries := m.menuEntries()
	step := func(d int) {
		for i := 0; i < len(entries); i++ {
			m.menuIdx = (m.menuIdx + d + len(entries)) % len(entries)
			if entries[m.menuIdx].label != "" {
				return
			}
		}
	}
	switch k.String() {
	case "up", "shift+tab":
		step(-1)
	case "down", "tab":
		step(1)
	case "esc", "f9":
		m.setMenuOn(false)
	case "enter", " ":
		m.setMenuOn(false)
		if m.menuIdx < len(entries) {
			return m.activateMenu(entries[m.menuIdx])
		}
	}
	return nil
}

func (m *Model) activateMenu(e menuEntry) tea.Cmd {
	m.setMenuOn(false)
	switch e.action {
	case "":
		if e.label == "" {
			return nil
		}
		return goArea(e.area)
	case "quit":
		return m.requestQuit()
	case "help":
		m.showHelp()
	case "menu":
		m.setMenuOn(true)
	case "password":
		return push(newPasswordForm(m.c, false))
	case "logout":
		return m.guarded("Ada perubahan yang belum disimpan. Keluar akun tanpa menyimpan?",
			func() tea.Msg { return logoutMsg{"Anda sudah keluar. Sampai jumpa."} })
	}
	return nil
}

func (m *Model) showHelp() {
	var b strings.Builder
	b.WriteString("Tombol umum\n")
	global := []KeyHelp{{"F1 atau ?", "bantuan ini"}, {"F2 / F3 / F4", "Beranda / Pegawai / Struktur organisasi"},
		{"F9", "menu: ↑↓ pilih, Enter buka (akun, riwayat, cadangan, keluar akun)"},
		{"Esc", "kembali ke layar sebelumnya"}, {"F10 atau Ctrl+C", "keluar"},
		{"Tab / Shift+Tab", "pindah isian atau tombol"}, {"Mouse", "klik menu, baris, tab dan tombol; roda untuk menggulir"}}
	for _, k := range global {
		b.WriteString("  " + fit(k.Key, 16) + " " + k.Desc + "\n")
	}
	if t := m.top(); t != nil && len(t.Keys()) > 0 {
		b.WriteString("\nDi layar " + t.Title() + "\n")
		for _, k := range t.Keys() {
			b.WriteString("  " + fit(k.Key, 16) + " " + k.Desc + "\n")
		}
	}
	// A screen with steps to explain (the import) adds a few lines.
	if h, ok := m.top().(interface{ Help() []string }); ok {
		b.WriteString("\n")
		for _, l := range h.Help() {
			b.WriteString("  " + l + "\n")
		}
	}
	m.overlay = messageDialog(&m.c.Styles, "Bantuan", strings.TrimRight(b.String(), "\n"))
}

// View draws the whole screen.
func (m *Model) View() string {
	if m.quitting {
		return ""
	}
	if m.w == 0 {
		return ""
	}
	st := &m.c.Styles
	if m.w < minWidth || m.h < minHeight {
		msg := "Perbesar jendela terminal — minimal 80×24\n(sekarang " + itoa(m.w) + "×" + itoa(m.h) + ")"
		return lipgloss.Place(m.w, m.h, lipgloss.Center, lipgloss.Center, lipgloss.NewStyle().Align(lipgloss.Center).Render(msg))
	}
	header := m.header()
	var body string
	cw, ch := m.contentSize()
	switch {
	case m.loadErr != nil:
		body = clipBlock(st.StatusError.Render(domain.ErrorMessage(m.loadErr)), cw, ch+1)
	case !m.loaded || m.top() == nil:
		body = clipBlock(st.Muted.Render("Memuat data…"), cw, ch+1)
	default:
		t := m.top()
		title := st.Title.Render(clip(m.breadcrumb(), cw))
		body = title + "\n" + clipBlock(t.View(), cw, ch)
	}
	if m.showMenu() {
		body = lipgloss.JoinHorizontal(lipgloss.Top, m.menu(ch+1), " ", body)
	} else {
		body = lipgloss.JoinHorizontal(lipgloss.Top, " ", body)
	}
	status := " "
	if m.status != "" {
		style := st.StatusOK
		prefix := "✓ "
		if m.statErr {
			style, prefix = st.StatusError, "! "
		}
		status = style.Render(clip(prefix+inert(m.status), m.w))
	}
	screen := header + "\n" + body + "\n" + status + "\n" + m.footer()
	if m.overlay != nil {
		screen = overlay(screen, m.overlay.view(m.w), m.w, m.h)
	}
	return screen
}

func (m *Model) breadcrumb() string {
	var parts []string
	for _, s := range m.stack {
		parts = append(parts, s.Title())
	}
	return strings.Join(parts, " › ")
}

func (m *Model) header() string {
	st := &m.c.Styles
	left := " asndesk"
	if m.c.HasOffice {
		left += " · " + inert(m.c.Office.Name)
	}
	demo := ""
	if m.c.Office.Demo && m.c.HasOffice {
		demo = " [DATA CONTOH]"
	}
	date := domain.DateOf(m.c.Now())
	right := dayName(date) + ", " + date.Long() + " "
	if m.c.loggedIn() {
		right = inert(m.c.Account.Username) + " (" + roleNames(m.c.Account.Roles) + ") · " + right
	}
	space := m.w - width(left) - width(demo) - width(right)
	if space < 1 && m.c.loggedIn() {
		// A narrow window: the office name matters more than the roles
		// and the weekday.
		right = inert(m.c.Account.Username) + " · " + date.String() + " "
		space = m.w - width(left) - width(demo) - width(right)
	}
	if space < 1 {
		left = clip(left, max(1, m.w-width(demo)-width(right)-1))
		space = m.w - width(left) - width(demo) - width(right)
	}
	return st.Header.Render(left) + st.HeaderDemo.Render(demo) + st.Header.Render(strings.Repeat(" ", max(0, space))) + st.HeaderDate.Render(right)
}

func dayName(d domain.Date) string {
	names := [...]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}
	return names[d.Time().Weekday()]
}

func (m *Model) menu(h int) string {
	st := &m.c.Styles
	lines := []string{""}
	for i, e := range m.menuEntries() {
		if e.label == "" {
			lines = append(lines, "")
			continue
		}
		marker := " "
		if m.menuOn && i == m.menuIdx {
			marker = "›"
		}
		text := marker + fit(e.label, menuWidth-7) + st.MenuKey.Render(fit(e.key, 4))
		if (e.action == "" && e.area == m.area) || (m.menuOn && i == m.menuIdx) {
			text = st.MenuActive.Render(marker + fit(e.label, menuWidth-7) + fit(e.key, 4))
		}
		lines = append(lines, text)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return st.Menu.Height(h).Width(menuWidth - 1).Render(strings.Join(lines[:h], "\n"))
}

func (m *Model) footer() string {
	st := &m.c.Styles
	var keys []KeyHelp
	if m.menuOn {
		keys = append(keys, KeyHelp{"↑↓", "Pilih menu"}, KeyHelp{"Enter", "Buka"}, KeyHelp{"Esc", "Tutup menu"})
	} else if m.overlay != nil {
		keys = append(keys, m.overlay.keys()...)
	} else {
		if t := m.top(); t != nil {
			keys = append(keys, t.Keys()...)
		}
		if len(m.stack) > 1 {
			keys = append(keys, KeyHelp{"Esc", "Kembali"})
		}
	}
	if m.gate == gateOpen && !m.showMenu() {
		keys = append(keys, KeyHelp{"F9", "Menu"})
	}
	keys = append(keys, KeyHelp{"F1", "Bantuan"}, KeyHelp{"F10", "Keluar"})
	var parts []string
	for _, k := range keys {
		parts = append(parts, st.FooterKey.Render(k.Key)+" "+st.Footer.Render(k.Desc))
	}
	return clip(" "+strings.Join(parts, st.Footer.Render(" · ")), m.w)
}

// GuardQuit is the tea.WithFilter backstop: a stray QuitMsg while edits are
// unsaved becomes the usual question instead of losing them.
func GuardQuit(model tea.Model, msg tea.Msg) tea.Msg {
	if _, ok := msg.(tea.QuitMsg); ok {
		if m, ok := model.(*Model); ok && m.Dirty() {
			return quitMsg{}
		}
	}
	return msg
}

func itoa(n int) string { return strconv.Itoa(n) }

func roleNames(rs []domain.Role) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.String())
	}
	return strings.Join(out, ", ")
}

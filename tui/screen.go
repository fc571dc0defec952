package tui

import (
	"context"
	"log"
	"sort"
	"strings"
	"time"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// Repo is what the screens need from storage. The app passes the store
// (through a small adapter in cmd for the types the store owns); tests use
// an in-memory fake. Declared here, where it is used. Every call carries the
// logged-in actor in its context: the store decides what is allowed.
type Repo interface {
	Office(ctx context.Context) (domain.Office, bool, error)
	SetupOffice(ctx context.Context, o domain.Office, unitNames []string, admin domain.Account, password string) (domain.Account, error)
	LoadDemoOffice(ctx context.Context, o domain.Office, units []domain.UnitNode, emps []domain.Employee, rws []domain.Riwayat) error
	ResetOffice(ctx context.Context) error
	ListRows(ctx context.Context) ([]domain.Row, error)
	Employee(ctx context.Context, id uint64) (domain.Employee, error)
	CreateEmployee(ctx context.Context, e domain.Employee) (uint64, error)
	UpdateEmployee(ctx context.Context, e domain.Employee) error
	DeleteEmployee(ctx context.Context, id uint64) error
	Units(ctx context.Context) ([]domain.Unit, error)
	SaveUnit(ctx context.Context, u domain.Unit) (uint64, error)
	DeleteUnit(ctx context.Context, id uint64) error

	HasAccounts(ctx context.Context) (bool, error)
	CreateFirstAdmin(ctx context.Context, admin domain.Account, password string) (domain.Account, error)
	Login(ctx context.Context, username, password string) (domain.Account, error)
	Logout(ctx context.Context) error
	Accounts(ctx context.Context) ([]domain.Account, error)
	CreateAccount(ctx context.Context, a domain.Account, password string) (uint64, error)
	UpdateAccount(ctx context.Context, a domain.Account) error
	ChangePassword(ctx context.Context, oldPassword, newPassword string) error
	ResetPassword(ctx context.Context, id uint64, newPassword string) error
	UnlockAccount(ctx context.Context, id uint64) error
	Audit(ctx context.Context, f AuditFilter) ([]domain.AuditEntry, error)

	Backup(ctx context.Context, dir, passphrase string) (string, error)
	BackupDir() string
	ListBackups(ctx context.Context, dir, passphrase string) ([]BackupInfo, error)
	Check(ctx context.Context) ([]string, error)
	Compact(ctx context.Context) (before, after int64, err error)
	Restore(ctx context.Context, src, passphrase string) error

	Riwayat(ctx context.Context, empID uint64, kind domain.RiwayatKind) ([]domain.Riwayat, error)
	SaveRiwayat(ctx context.Context, r domain.Riwayat) (uint64, error)
	AllRiwayat(ctx context.Context, empID uint64) ([]domain.Riwayat, error)
	DeleteRiwayat(ctx context.Context, empID, id uint64) error
	AllEmployees(ctx context.Context) ([]domain.Employee, error)
	AllRiwayatByEmployee(ctx context.Context) (map[uint64][]domain.Riwayat, error)
	Settings(ctx context.Context) (domain.CareerSettings, error)
	SaveSettings(ctx context.Context, s domain.CareerSettings) error
	UnitTree(ctx context.Context) ([]domain.UnitNode, error)
	SaveUnitNode(ctx context.Context, n domain.UnitNode) (uint64, error)
	AtasanMap(ctx context.Context, year int) ([]domain.AtasanEntry, error)
	SetAtasan(ctx context.Context, e domain.AtasanEntry) error
	ClearAtasan(ctx context.Context, year int, empID uint64) error
}

// AuditFilter narrows the riwayat perubahan.
type AuditFilter struct {
	From, To  time.Time
	AccountID uint64
	Entity    string
	Employee  uint64
	Limit     int
}

// BackupInfo describes one backup file.
type BackupInfo struct {
	Path      string
	Time      time.Time
	Size      int64
	Encrypted bool
	OK        bool
	Problem   string
}

// DemoFunc builds the demo office (domain/demo.GenerateOffice in the app).
type DemoFunc func(n int, seed uint64) (domain.Office, []domain.UnitNode, []domain.Employee, []domain.Riwayat)

// DemoMeritFunc builds the demo office's merit assessments once the demo
// office and its logins exist (domain/demo.GenerateMerit in the app).
type DemoMeritFunc func(ctx context.Context, units []domain.UnitNode, today domain.Date) ([]domain.MeritAssessment, error)

// DemoKinerjaFunc builds the demo office's performance cycle for its
// units and employees as of today (domain/demo.GenerateKinerja in the app).
type DemoKinerjaFunc func(units []domain.UnitNode, emps []domain.Employee, today domain.Date) domain.KinerjaDemo

// Common travels to every screen: shared services and the data every screen
// reads (office, units, list rows). It is only changed inside Update.
type Common struct {
	Ctx  context.Context // carries the actor once someone logs in
	Base context.Context // the program's context, without an actor
	Repo Repo
	// Kinerja is the SKP and dialog kinerja storage (the store in the app,
	// a fake in tests); kept apart from Repo so each side can grow alone.
	Kinerja KinerjaRepo
	// Merit is the penilaian mandiri sistem merit storage (the store in
	// the app, a fake in tests); nil when not wired.
	Merit MeritRepo
	// Docs prints documents to PDF, writes lists as XLSX/CSV and keeps
	// the kop surat; nil when not wired.
	Docs DocsRepo
	// Import reads spreadsheets and imports employees and riwayat; nil
	// when not wired.
	Import ImportRepo
	// Paket creates, verifies and merges hand-over packets; nil when not
	// wired.
	Paket  PaketRepo
	Now    func() time.Time
	Styles Styles
	Log    *log.Logger
	Demo   DemoFunc
	// DemoKinerja fills the demo office's SKP cycle; nil leaves it empty.
	DemoKinerja DemoKinerjaFunc
	// DemoMerit fills the demo office's merit assessments; nil leaves none.
	DemoMerit DemoMeritFunc
	BUP       domain.BUPGrid

	Office      domain.Office
	HasOffice   bool
	HasAccounts bool
	Account     domain.Account // who is logged in; zero before login
	Actor       domain.Actor
	DemoLogins  string        // shown on the login screen of the demo office
	IdleTimeout time.Duration // lock after this long without a key; 0 = never
	// Tick schedules the idle check; nil in tests, which send idleTickMsg
	// themselves instead of waiting.
	Tick     func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
	Units    []domain.Unit
	Rows     []domain.Row
	rowIndex map[uint64]int
	unitName map[uint64]string
	Version  int         // bumped on every reload, so screens rebuild their caches
	report   *reportData // office-wide lists' data, valid while report.version == Version

	nextID int
}

func (c *Common) today() domain.Date { return domain.DateOf(c.Now()) }

func (c *Common) newID() int { c.nextID++; return c.nextID }

// setData installs freshly loaded data.
func (c *Common) setData(d dataLoadedMsg) {
	c.Office, c.HasOffice, c.HasAccounts = d.office, d.hasOffice, d.hasAccounts
	c.Units = d.units
	c.Rows = d.rows
	c.rowIndex = make(map[uint64]int, len(d.rows))
	for i, r := range d.rows {
		c.rowIndex[r.ID] = i
	}
	c.unitName = make(map[uint64]string, len(d.units))
	for _, u := range d.units {
		c.unitName[u.ID] = u.Name
	}
	c.Version++
}

// UnitName returns the unit's name or "" when unknown.
func (c *Common) UnitName(id uint64) string { return c.unitName[id] }

// Row returns the list row of an employee.
func (c *Common) Row(id uint64) (domain.Row, bool) {
	i, ok := c.rowIndex[id]
	if !ok {
		return domain.Row{}, false
	}
	return c.Rows[i], true
}

func (c *Common) logf(format string, args ...any) {
	if c.Log != nil {
		c.Log.Printf(format, args...)
	}
}

// sortedUnits returns units sorted by name.
func sortedUnits(us []domain.Unit) []domain.Unit {
	out := append([]domain.Unit(nil), us...)
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// KeyHelp is one entry of the footer and the help overlay.
type KeyHelp struct{ Key, Desc string }

// Screen is one page on the stack. Update returns only a Cmd: screens are
// pointers and change themselves (pug's pattern).
type Screen interface {
	ID() int
	Init() tea.Cmd
	Update(tea.Msg) tea.Cmd
	View() string
	SetSize(w, h int)
	Title() string
	Keys() []KeyHelp
	Capturing() bool // a text field has focus: letters are text, not shortcuts
	Dirty() bool     // unsaved edits
}

// base supplies the defaults and the id used to route async results.
type base struct {
	c    *Common
	id   int
	w, h int
}

func newBase(c *Common) base { return base{c: c, id: c.newID()} }

func (b *base) ID() int          { return b.id }
func (b *base) Init() tea.Cmd    { return nil }
func (b *base) SetSize(w, h int) { b.w, b.h = w, h }
func (b *base) Capturing() bool  { return false }
func (b *base) Dirty() bool      { return false }
func (b *base) Keys() []KeyHelp  { return nil }

// cmd runs f off the UI loop and delivers its message to this screen only,
// wherever it sits in the stack by then (dropped if the screen is gone).
func (b *base) cmd(f func(ctx context.Context) tea.Msg) tea.Cmd {
	id, ctx := b.id, b.c.Ctx
	return func() tea.Msg { return taggedMsg{to: id, msg: f(ctx)} }
}

// Navigation and app-wide messages.
type (
	pushMsg    struct{ s Screen }
	popMsg     struct{ result any }
	replaceMsg struct{ s Screen } // replace the top screen
	areaMsg    struct{ a area }   // go to an area's root screen
	resultMsg  struct{ result any }
	taggedMsg  struct {
		to  int
		msg tea.Msg
	}
	statusMsg struct {
		text string
		err  bool
	}
	dialogMsg     struct{ d *dialog }
	reloadMsg     struct{ status string } // data changed: reload office, units, rows
	dataLoadedMsg struct {
		office      domain.Office
		hasOffice   bool
		hasAccounts bool
		units       []domain.Unit
		rows        []domain.Row
		err         error
		status      string
	}
	quitMsg struct{} // a screen asks to quit the app
)

func push(s Screen) tea.Cmd        { return func() tea.Msg { return pushMsg{s} } }
func pop(result any) tea.Cmd       { return func() tea.Msg { return popMsg{result} } }
func replace(s Screen) tea.Cmd     { return func() tea.Msg { return replaceMsg{s} } }
func goArea(a area) tea.Cmd        { return func() tea.Msg { return areaMsg{a} } }
func showDialog(d *dialog) tea.Cmd { return func() tea.Msg { return dialogMsg{d} } }
func reload(status string) tea.Cmd { return func() tea.Msg { return reloadMsg{status} } }
func info(text string) tea.Cmd     { return func() tea.Msg { return statusMsg{text: text} } }
func failure(err error) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: domain.ErrorMessage(err), err: true} }
}

// savedResult is what a form pops with after a successful save.
type savedResult struct{ id uint64 }

// loggedIn reports whether someone is logged in.
func (c *Common) loggedIn() bool { return c.Account.ID != 0 }

// login installs the account as the actor of every later call.
func (c *Common) login(a domain.Account) {
	c.Account = a
	c.Actor = domain.ActorOf(a)
	c.Ctx = domain.WithActor(c.Base, c.Actor)
}

// logout forgets the actor.
func (c *Common) logout() {
	c.Account, c.Actor = domain.Account{}, domain.Actor{}
	c.Ctx = c.Base
}

// can reports whether a permission rule allows the logged-in actor.
func (c *Common) can(rule func(domain.Actor) error) bool { return rule(c.Actor) == nil }

package tui

import (
	"context"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// KinerjaRepo is what the SKP screens need from storage: the SKP cycle of
// PermenPANRB 6/2022. The store implements it; every call carries the
// actor in its context and the store applies domain.CanSKP.
type KinerjaRepo interface {
	SKPRows(ctx context.Context, year int) ([]domain.SKPRow, error)
	SKPFile(ctx context.Context, id uint64) (domain.SKPFile, error)
	CreateSKP(ctx context.Context, empID uint64, year int, copyFrom uint64) (uint64, error)
	SaveSKP(ctx context.Context, s domain.SKP) error
	SKPAction(ctx context.Context, id uint64, act domain.SKPAction, note string) error
	IntervensiOptions(ctx context.Context, skpID uint64) ([]domain.RHKRef, error)
	MatrixSKPs(ctx context.Context, penilaiEmpID uint64, year int) (own domain.SKP, subs []domain.SKP, err error)
	SaveWork(ctx context.Context, w domain.PeriodWork) (uint64, error)
	AddBukti(ctx context.Context, skpID, workID uint64, b domain.Bukti) (uint64, error)
	BuktiFile(ctx context.Context, skpID, workID, buktiID uint64) (domain.Bukti, error)
	DeleteBukti(ctx context.Context, skpID, workID, buktiID uint64) error
	AddFeedback(ctx context.Context, f domain.Feedback) (uint64, error)
	EditFeedback(ctx context.Context, skpID, id uint64, text string) error
	SaveDialog(ctx context.Context, d domain.Dialog) (uint64, error)
	SaveEvaluasi(ctx context.Context, e domain.Evaluasi) (uint64, error)
	FinalizeEvaluasi(ctx context.Context, skpID, id uint64) error
	UnlockEvaluasi(ctx context.Context, skpID, id uint64, reason string) error
	OrgRatings(ctx context.Context, year int) ([]domain.OrgRating, error)
	SetOrgRating(ctx context.Context, r domain.OrgRating) error
	SKPSettings(ctx context.Context) (domain.SKPSettings, error)
	SaveSKPSettings(ctx context.Context, s domain.SKPSettings) error
	LoadDemoKinerja(ctx context.Context, k domain.KinerjaDemo) error
}

// skpTab is one tab of the SKP screen (Rencana, Pelaksanaan, Umpan balik,
// Dialog kinerja, Evaluasi, Revisi). The screen owns the loaded file and
// forwards messages to the active tab; a tab pushes forms, and a form that
// saves pops with savedResult, on which the screen reloads the file and
// every tab redraws from it.
type skpTab interface {
	Title() string
	Update(msg tea.Msg) tea.Cmd
	View(w, h int) string
	Keys() []KeyHelp
	Capturing() bool
}

// skpHost is what a tab sees of the SKP screen that hosts it.
type skpHost struct {
	c        *Common
	file     *domain.SKPFile     // the SKP as last loaded; replaced on reload
	settings *domain.SKPSettings // the office's SKP settings
	// cmd runs f off the UI loop and delivers the result to the SKP screen,
	// which forwards it to the tab.
	cmd func(f func(ctx context.Context) tea.Msg) tea.Cmd
}

// tabbed is the tab set of the SKP and merit screens: the tabs, the active
// one, and where the bar and the body were drawn, for clicks.
type tabbed struct {
	tabs   []skpTab
	active int
	tabX   [][2]int
	tabY   int // line of the tab bar in the last view
	bodyY  int // first line of the active tab in the last view
}

func (t *tabbed) tab() skpTab {
	if t.active < len(t.tabs) {
		return t.tabs[t.active]
	}
	return nil
}

func (t *tabbed) setTab(i int) {
	if n := len(t.tabs); n > 0 {
		t.active = (i%n + n) % n
	}
}

// forwardAll hands a message to every tab: async results must reach the
// tab that asked even when the user has switched tabs meanwhile.
func (t *tabbed) forwardAll(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, x := range t.tabs {
		cmds = append(cmds, x.Update(msg))
	}
	return tea.Batch(cmds...)
}

// switchKey handles Tab and Shift+Tab unless the active tab is typing.
func (t *tabbed) switchKey(k tea.KeyMsg) bool {
	if x := t.tab(); x == nil || x.Capturing() {
		return false
	}
	switch k.String() {
	case "tab":
		t.setTab(t.active + 1)
	case "shift+tab":
		t.setTab(t.active - 1)
	default:
		return false
	}
	return true
}

// mouse switches tabs on a click on the bar and hands other events inside
// the body to the active tab, in the tab's own coordinates.
func (t *tabbed) mouse(m tea.MouseMsg) tea.Cmd {
	if m.Y == t.tabY && m.Action == tea.MouseActionPress && m.Button == tea.MouseButtonLeft {
		for i, r := range t.tabX {
			if m.X >= r[0] && m.X < r[1] {
				t.setTab(i)
			}
		}
		return nil
	}
	if m.Y < t.bodyY || t.tab() == nil {
		return nil
	}
	m.Y -= t.bodyY
	return t.tab().Update(m)
}

// bar draws the tab bar as the next of lines and remembers its line.
func (t *tabbed) bar(st *Styles, lines []string, w int) []string {
	t.tabY = len(lines)
	lines = append(lines, clip(tabBar(st, tabTitles(t.tabs), t.active, &t.tabX), w))
	t.bodyY = len(lines)
	return lines
}

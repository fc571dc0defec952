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

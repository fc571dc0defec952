package tui

import (
	"context"

	"asndesk/domain"
)

// MeritRepo is what the Sistem merit screens need from storage: the
// instruments (shipped and imported) and the penilaian mandiri with its
// answers, bukti, rencana perbaikan and stages. The store implements it;
// every call carries the actor in its context and the store applies
// domain.CanMerit.
type MeritRepo interface {
	Instruments(ctx context.Context) ([]domain.Instrument, error) // shipped (assets) + imported
	Instrument(ctx context.Context, id, version string) (domain.Instrument, error)
	ImportInstrument(ctx context.Context, raw []byte) (domain.Instrument, error) // Admin or Tim Merit; refuses the same id+version with other content
	MeritAssessments(ctx context.Context) ([]domain.MeritAssessment, error)      // those the actor may view; evidence bytes never included
	MeritAssessment(ctx context.Context, id uint64) (domain.MeritAssessment, error)
	CreateMeritAssessment(ctx context.Context, a domain.MeritAssessment) (uint64, error)
	SaveMeritTeam(ctx context.Context, id uint64, team []uint64, koordinator uint64, verifikator []uint64) error
	SaveMeritAnswer(ctx context.Context, id uint64, code string, ans domain.MeritAnswer) error    // level+justification, or verified level+note in Verifikasi; evidence untouched
	AddMeritEvidence(ctx context.Context, id uint64, code string, b domain.Bukti) (uint64, error) // same blob bucket as SKP bukti; size limit from SKP settings
	MeritEvidenceFile(ctx context.Context, id uint64, code string, buktiID uint64) (domain.Bukti, error)
	DeleteMeritEvidence(ctx context.Context, id uint64, code string, buktiID uint64) error
	SaveMeritActions(ctx context.Context, id uint64, actions []domain.MeritAction) error
	AdvanceMerit(ctx context.Context, id uint64, to domain.MeritStage) error
	UnlockMerit(ctx context.Context, id uint64, reason string) error
	MeritSettings(ctx context.Context) (domain.MeritSettings, error)
	SaveMeritSettings(ctx context.Context, s domain.MeritSettings) error
	LoadDemoMerit(ctx context.Context, as []domain.MeritAssessment) error
}

// meritSurveySaver is the optional write of the composite's survey value
// (PermenPANRB 19/2025 draft: the employee survey's 25 %). It is not part
// of MeritRepo; a repo that offers it lets the koordinator edit the value
// on the Hasil tab, otherwise the value is shown as stored.
type meritSurveySaver interface {
	SaveMeritSurvey(ctx context.Context, id uint64, survey float64) error
}

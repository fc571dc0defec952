package domain

import (
	"slices"
	"strings"
	"time"
)

// MeritOp is something done to or with a merit assessment; CanMerit
// decides who may.
type MeritOp int

const (
	MeritView     MeritOp = iota + 1 // read the assessment, its evidence and result
	MeritAnswerOp                    // answer an indicator, add or remove evidence
	MeritVerify                      // set verified levels and verifier notes
	MeritAdvance                     // move to the next (or back to the previous) stage
	MeritPlan                        // rencana perbaikan
	MeritUnlock                      // reopen a final assessment (Admin, with a reason)
	MeritManage                      // create, set the team
)

// isMember reports whether the actor is on the assessment's team (the
// koordinator counts as one).
func (as MeritAssessment) isMember(a Actor) bool {
	return a.AccountID != 0 && (a.AccountID == as.Koordinator || slices.Contains(as.Team, a.AccountID))
}

func (as MeritAssessment) isVerifikator(a Actor) bool {
	return a.AccountID != 0 && slices.Contains(as.Verifikator, a.AccountID)
}

// CanMerit applies the roles of issue 7:
//
//   - View: Admin, Pimpinan, the team and the verifikator.
//   - Answer and evidence: team members holding the Tim Merit role, in
//     Penilaian mandiri and Perbaikan.
//   - Verify: a listed verifikator, Pimpinan or Admin, in Verifikasi.
//   - Advance: the koordinator or Admin (the stage order is AdvanceMerit's).
//   - Plan: team members, in any stage but Final.
//   - Unlock: Admin, only a Final assessment.
//   - Manage (team): Admin or a Tim Merit user.
//
// Final locks everything but View and Unlock (ELOCKED). Who-may errors are
// EFORBIDDEN; when-may errors EINVALID with the reason. A system actor
// may do everything the stage allows.
func CanMerit(a Actor, as MeritAssessment, op MeritOp) error {
	if err := needLogin(a); err != nil {
		return err
	}
	sys := a.System != ""
	admin := a.Has(RoleAdmin)
	member := sys || as.isMember(a)
	final := as.Stage == StageFinal
	locked := func() error {
		return &Error{Code: ELOCKED, Message: "Penilaian mandiri " + itoa(as.Year) + " sudah Final dan terkunci. Admin dapat membuka kuncinya dengan alasan."}
	}
	switch op {
	case MeritView:
		if admin || a.Has(RolePimpinan) || member || as.isVerifikator(a) {
			return nil
		}
		return denied("Penilaian mandiri ini hanya dapat dilihat oleh Tim Merit-nya, verifikator, Pimpinan dan Admin.")
	case MeritAnswerOp:
		if !(member && a.Has(RoleTimMerit)) {
			return denied("Jawaban dan bukti dukung diisi oleh anggota Tim Merit penilaian ini.")
		}
		if final {
			return locked()
		}
		if as.Stage != StageMandiri && as.Stage != StagePerbaikan {
			return invalid("Jawaban hanya dapat diubah pada tahap Penilaian mandiri atau Perbaikan; tahap sekarang " + as.Stage.String() + ".")
		}
		return nil
	case MeritVerify:
		if !(sys || as.isVerifikator(a) || admin || a.Has(RolePimpinan)) {
			return denied("Verifikasi dilakukan oleh verifikator yang ditunjuk, Pimpinan atau Admin.")
		}
		if final {
			return locked()
		}
		if as.Stage != StageVerifikasi {
			return invalid("Verifikasi hanya pada tahap Verifikasi; tahap sekarang " + as.Stage.String() + ".")
		}
		return nil
	case MeritAdvance:
		if !(sys || admin || a.AccountID != 0 && a.AccountID == as.Koordinator) {
			return denied("Tahap penilaian dipindahkan oleh koordinator Tim Merit (atau Admin).")
		}
		if final {
			return locked()
		}
		return nil
	case MeritPlan:
		// The plan is carried out after Final: its actions stay editable
		// (they are not part of the score).
		if !member {
			return denied("Rencana perbaikan disusun oleh Tim Merit penilaian ini.")
		}
		return nil
	case MeritUnlock:
		if !admin {
			return denied("Hanya Admin yang dapat membuka kunci penilaian mandiri yang sudah Final.")
		}
		if !final {
			return invalid("Penilaian ini belum Final.")
		}
		return nil
	case MeritManage:
		if !(admin || a.Has(RoleTimMerit)) {
			return denied("Penilaian mandiri dan timnya diatur oleh Admin atau Tim Merit.")
		}
		if final {
			return locked()
		}
		return nil
	}
	return denied("Tindakan ini tidak dikenal.")
}

// CanCreateMerit: Admin or a Tim Merit user starts an assessment.
func CanCreateMerit(a Actor) error {
	if err := needLogin(a); err != nil {
		return err
	}
	if a.Has(RoleAdmin) || a.Has(RoleTimMerit) {
		return nil
	}
	return denied("Penilaian mandiri sistem merit dibuat oleh Admin atau Tim Merit.")
}

// NextMeritStages lists the stages an assessment in s may move to:
// Penilaian mandiri → Verifikasi → Perbaikan → Final, Verifikasi back to
// Penilaian mandiri, and Perbaikan back to Verifikasi for a second look.
func NextMeritStages(s MeritStage) []MeritStage {
	switch s {
	case StageMandiri:
		return []MeritStage{StageVerifikasi}
	case StageVerifikasi:
		return []MeritStage{StagePerbaikan, StageMandiri}
	case StagePerbaikan:
		return []MeritStage{StageFinal, StageVerifikasi}
	}
	return nil
}

// AdvanceMerit moves the assessment to the stage to, after CanMerit
// (koordinator or Admin) and the stage order of NextMeritStages. Final
// records when and by whom. The store checks the answers first with
// CheckMeritAdvance.
func AdvanceMerit(a *MeritAssessment, to MeritStage, actor Actor, now time.Time) error {
	if a.Stage == StageVerifikasi && to == StagePerbaikan {
		// Verification ends when the verifier says so: the team being
		// assessed cannot skip it.
		if err := CanMerit(actor, *a, MeritVerify); err != nil {
			return denied("Verifikasi diselesaikan oleh verifikator, Pimpinan atau Admin; tim yang dinilai tidak dapat melewatinya.")
		}
	} else if err := CanMerit(actor, *a, MeritAdvance); err != nil {
		return err
	}
	if !slices.Contains(NextMeritStages(a.Stage), to) {
		var names []string
		for _, s := range NextMeritStages(a.Stage) {
			names = append(names, s.String())
		}
		return invalid("Dari tahap " + a.Stage.String() + " penilaian hanya dapat dipindahkan ke " + strings.Join(names, " atau ") + ".")
	}
	a.Stage = to
	if to == StageFinal {
		a.FinalAt, a.FinalBy = now, actor.Label()
	}
	a.Updated = now
	return nil
}

// CheckMeritAdvance is what the answers must hold before a move: to
// Verifikasi and to Final every indicator is answered (a partial total is
// not a score).
func CheckMeritAdvance(in Instrument, a MeritAssessment, to MeritStage) error {
	if to != StageVerifikasi && to != StageFinal {
		return nil
	}
	r := Score(in, a, false)
	if !r.Complete {
		return invalid("Baru " + itoa(r.Answered) + " dari " + itoa(r.Indicators) + " indikator yang dijawab: jawab semua indikator sebelum pindah ke tahap " + to.String() + ".")
	}
	return nil
}

// UnlockMerit reopens a Final assessment into Perbaikan; the reason is kept.
func UnlockMerit(a *MeritAssessment, by, reason string, now time.Time) error {
	reason = strings.TrimSpace(reason)
	if a.Stage != StageFinal {
		return invalid("Penilaian ini belum Final.")
	}
	if reason == "" {
		return &Error{Code: EINVALID, Field: "alasan", Message: "Tuliskan alasan membuka kunci penilaian mandiri."}
	}
	a.Stage, a.FinalAt, a.FinalBy = StagePerbaikan, time.Time{}, ""
	a.Unlocks = append(a.Unlocks, Unlock{Time: now, By: by, Reason: reason})
	a.Updated = now
	return nil
}

// ValidateMeritTeam checks a team: at least one member, the koordinator
// one of them, no account twice.
func ValidateMeritTeam(team []uint64, koordinator uint64, verifikator []uint64) error {
	if len(team) == 0 {
		return &Error{Code: EINVALID, Field: "tim", Message: "Tim Merit harus punya paling sedikit satu anggota."}
	}
	seen := map[uint64]bool{}
	for _, id := range team {
		if id == 0 || seen[id] {
			return &Error{Code: EINVALID, Field: "tim", Message: "Setiap anggota Tim Merit dicantumkan satu kali."}
		}
		seen[id] = true
	}
	if !seen[koordinator] {
		return &Error{Code: EINVALID, Field: "koordinator", Message: "Koordinator harus salah satu anggota Tim Merit."}
	}
	vs := map[uint64]bool{}
	for _, id := range verifikator {
		if id == 0 || vs[id] {
			return &Error{Code: EINVALID, Field: "verifikator", Message: "Setiap verifikator dicantumkan satu kali."}
		}
		vs[id] = true
	}
	return nil
}

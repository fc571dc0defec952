package store

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// The writes of a merit assessment after it is created: team, answers,
// evidence, rencana perbaikan, stages, the survey value, and the office's
// merit settings.

// nonZero is [id], or nothing for 0.
func nonZero(id uint64) []uint64 {
	if id == 0 {
		return nil
	}
	return []uint64{id}
}

func levelText(v float64) string {
	if v == 0 {
		return "-"
	}
	return domain.FormatScore(v)
}

// emptyAnswer reports whether an answer holds nothing worth keeping.
func emptyAnswer(x domain.MeritAnswer) bool {
	return x.Level == 0 && x.Justification == "" && len(x.Evidence) == 0 && x.VerifiedLevel == 0 && x.VerifierNote == ""
}

// setAnswer stores x under code, or removes the entry when x is empty.
func setAnswer(as *domain.MeritAssessment, code string, x domain.MeritAnswer) {
	if emptyAnswer(x) {
		delete(as.Answers, code)
		return
	}
	if as.Answers == nil {
		as.Answers = map[string]domain.MeritAnswer{}
	}
	as.Answers[code] = x
}

// SaveMeritTeam replaces the team, the koordinator and the verifikator
// (domain.ValidateMeritTeam: at least one member, the koordinator one of
// them). Members must be active accounts holding the Tim Merit role;
// verifikator active accounts. Admin or Tim Merit (domain.CanMerit,
// MeritManage), in any stage but Final.
func (s *Store) SaveMeritTeam(ctx context.Context, id uint64, team []uint64, koordinator uint64, verifikator []uint64) error {
	op := "save merit team " + strconv.FormatUint(id, 10)
	return s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		as, err := meritFor(tx, a, id, domain.MeritManage)
		if err != nil {
			return err
		}
		if err := domain.ValidateMeritTeam(team, koordinator, verifikator); err != nil {
			return err
		}
		if err := checkMeritAccounts(tx, team, verifikator); err != nil {
			return err
		}
		if slices.Equal(as.Team, team) && as.Koordinator == koordinator && slices.Equal(as.Verifikator, verifikator) {
			return nil
		}
		var lines []string
		if !slices.Equal(as.Team, team) {
			lines = append(lines, "tim: "+accountNames(tx, as.Team)+" → "+accountNames(tx, team))
		}
		if as.Koordinator != koordinator {
			lines = append(lines, "koordinator: "+accountNames(tx, nonZero(as.Koordinator))+" → "+
				accountNames(tx, nonZero(koordinator)))
		}
		if !slices.Equal(as.Verifikator, verifikator) {
			lines = append(lines, "verifikator: "+accountNames(tx, as.Verifikator)+" → "+accountNames(tx, verifikator))
		}
		as.Team, as.Koordinator, as.Verifikator = slices.Clone(team), koordinator, slices.Clone(verifikator)
		as.Updated = s.stamp()
		if err := putMerit(tx, as); err != nil {
			return err
		}
		return auditMerit(tx, a, domain.ActionUpdate, as, lines...)
	})
}

// SaveMeritAnswer stores the answer to indicator code, checked with the
// assessment's instrument (domain.ValidateAnswer). In Penilaian mandiri
// and Perbaikan a team member with the Tim Merit role (MeritAnswerOp)
// sets the level and justification; in Verifikasi a verifikator,
// Pimpinan or Admin (MeritVerify) sets the verified level and note. Each
// may change only their own fields: the other pair must come back as
// stored (EFORBIDDEN otherwise). Evidence is not touched (AddMeritEvidence,
// DeleteMeritEvidence); AnsweredBy and Updated are set here.
func (s *Store) SaveMeritAnswer(ctx context.Context, id uint64, code string, ans domain.MeritAnswer) error {
	op := "save merit answer " + strconv.FormatUint(id, 10)
	ans.Justification, ans.VerifierNote = strings.TrimSpace(ans.Justification), strings.TrimSpace(ans.VerifierNote)
	return s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		as, err := getMerit(tx, id)
		if err != nil {
			return err
		}
		verify := as.Stage == domain.StageVerifikasi
		want := domain.MeritAnswerOp
		member := a.System != "" || a.AccountID != 0 && (a.AccountID == as.Koordinator || slices.Contains(as.Team, a.AccountID))
		if verify || as.Stage == domain.StageFinal && !member {
			want = domain.MeritVerify // in Final: the verifier hears that it is locked
		}
		if err := domain.CanMerit(a, as, want); err != nil {
			return err
		}
		in, err := instrumentIn(tx, as.InstrumentID, as.InstrumentVersion)
		if err != nil {
			return err
		}
		old := as.Answers[code]
		next := old
		if verify {
			if ans.Level != old.Level || ans.Justification != old.Justification {
				return fail(domain.EFORBIDDEN, "Pada tahap Verifikasi tingkat dan penjelasan penilaian mandiri tidak dapat "+
					"diubah; verifikator mengisi tingkat hasil verifikasi dan catatannya saja.", nil)
			}
			next.VerifiedLevel, next.VerifierNote = ans.VerifiedLevel, ans.VerifierNote
		} else {
			if ans.VerifiedLevel != old.VerifiedLevel || ans.VerifierNote != old.VerifierNote {
				return fail(domain.EFORBIDDEN, "Tingkat hasil verifikasi dan catatannya diisi oleh verifikator pada tahap "+
					"Verifikasi, bukan oleh Tim Merit.", nil)
			}
			next.Level, next.Justification = ans.Level, ans.Justification
		}
		if err := validText(next.Justification, next.VerifierNote); err != nil {
			return err
		}
		if err := domain.ValidateAnswer(in, code, next); err != nil {
			return err
		}
		if next.Level == old.Level && next.Justification == old.Justification && next.VerifiedLevel == old.VerifiedLevel &&
			next.VerifierNote == old.VerifierNote {
			return nil
		}
		now := s.stamp()
		next.Updated, as.Updated = now, now
		var lines []string
		if verify {
			lines = append(lines, fmt.Sprintf("verifikasi indikator %s: tingkat %s → %s", code, levelText(old.VerifiedLevel),
				levelText(next.VerifiedLevel)))
			if next.VerifierNote != old.VerifierNote {
				lines = append(lines, "catatan verifikator: "+short(next.VerifierNote))
			}
		} else {
			next.AnsweredBy = a.Label()
			lines = append(lines, fmt.Sprintf("indikator %s: tingkat %s → %s", code, levelText(old.Level), levelText(next.Level)))
			if next.Justification != old.Justification {
				lines = append(lines, "penjelasan: "+short(next.Justification))
			}
		}
		setAnswer(&as, code, next)
		if err := putMerit(tx, as); err != nil {
			return err
		}
		return auditMerit(tx, a, domain.ActionUpdate, as, lines...)
	})
}

// AddMeritEvidence adds a bukti dukung to the answer of indicator code
// and returns its id. Files and references as AddBukti (bukti.go): the
// same bukti bucket, the SKP settings' size limit, the SHA-256 recorded.
// Team members in Penilaian mandiri and Perbaikan (MeritAnswerOp).
func (s *Store) AddMeritEvidence(ctx context.Context, id uint64, code string, b domain.Bukti) (uint64, error) {
	op := "add merit evidence " + strconv.FormatUint(id, 10)
	b, err := prepareBukti(b) // hashed outside the write lock
	if err != nil {
		return 0, boundary(op, err)
	}
	err = s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		as, err := meritFor(tx, a, id, domain.MeritAnswerOp)
		if err != nil {
			return err
		}
		in, err := instrumentIn(tx, as.InstrumentID, as.InstrumentVersion)
		if err != nil {
			return err
		}
		if _, ok := in.Indicator(code); !ok {
			return fieldErr(domain.EINVALID, "indikator", "Indikator "+code+" tidak ada di instrumen "+in.ID+" "+in.Version+".")
		}
		now := s.stamp()
		if b, err = storeBukti(tx, b, now, a.Label()); err != nil {
			return err
		}
		x := as.Answers[code]
		x.Evidence = append(slices.Clone(x.Evidence), b)
		x.Updated, as.Updated = now, now
		setAnswer(&as, code, x)
		if err := putMerit(tx, as); err != nil {
			return err
		}
		return auditMerit(tx, a, domain.ActionCreate, as, fmt.Sprintf("bukti #%d indikator %s: %s", b.ID, code, buktiText(b)))
	})
	if err != nil {
		return 0, err
	}
	return b.ID, nil
}

// MeritEvidenceFile returns one bukti of an answer; a file comes with its
// bytes, checked against the SHA-256 and size recorded when it was added
// (bytes that differ are never handed out: EINTERNAL, "berubah atau
// rusak"). Anyone who may view the assessment.
func (s *Store) MeritEvidenceFile(ctx context.Context, id uint64, code string, buktiID uint64) (domain.Bukti, error) {
	var out domain.Bukti
	err := s.read(ctx, "merit evidence file", needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		as, err := meritFor(tx, a, id, domain.MeritView)
		if err != nil {
			return err
		}
		list := as.Answers[code].Evidence
		i, err := findBuktiIn(list, buktiID)
		if err != nil {
			return err
		}
		out, err = readBukti(tx, list[i])
		return err
	})
	if err != nil {
		return domain.Bukti{}, err
	}
	return out, nil
}

// DeleteMeritEvidence removes a bukti from an answer, with its bytes. Same
// permission as AddMeritEvidence; audited with the name and hash.
func (s *Store) DeleteMeritEvidence(ctx context.Context, id uint64, code string, buktiID uint64) error {
	op := "delete merit evidence " + strconv.FormatUint(buktiID, 10)
	return s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		as, err := meritFor(tx, a, id, domain.MeritAnswerOp)
		if err != nil {
			return err
		}
		x := as.Answers[code]
		i, err := findBuktiIn(x.Evidence, buktiID)
		if err != nil {
			return err
		}
		b := x.Evidence[i]
		x.Evidence = append(x.Evidence[:i:i], x.Evidence[i+1:]...)
		now := s.stamp()
		x.Updated, as.Updated = now, now
		setAnswer(&as, code, x)
		if err := putMerit(tx, as); err != nil {
			return err
		}
		if err := deleteBukti(tx, buktiID); err != nil {
			return err
		}
		return auditMerit(tx, a, domain.ActionDelete, as, fmt.Sprintf("bukti #%d indikator %s: %s", b.ID, code, buktiText(b)))
	})
}

// prepareActions gives the actions of a save their ids (an existing id is
// kept, anything else draws as.NextID), trims them, defaults the status
// to Belum and checks each (domain.ValidateAction).
func prepareActions(in domain.Instrument, as *domain.MeritAssessment, actions []domain.MeritAction) ([]domain.MeritAction, error) {
	known := map[uint64]bool{}
	for _, x := range as.Actions {
		known[x.ID] = true
		as.NextID = max(as.NextID, x.ID)
	}
	seen := map[uint64]bool{}
	out := make([]domain.MeritAction, len(actions))
	for i, x := range actions {
		x.Indicator, x.Text, x.Owner = strings.TrimSpace(x.Indicator), strings.TrimSpace(x.Text), strings.TrimSpace(x.Owner)
		if x.Status == 0 {
			x.Status = domain.PlanBelum
		}
		if x.ID == 0 || !known[x.ID] || seen[x.ID] {
			as.NextID++
			x.ID = as.NextID
		}
		seen[x.ID] = true
		if err := validText(x.Indicator, x.Text, x.Owner); err != nil {
			return nil, err
		}
		if err := domain.ValidateAction(in, x); err != nil {
			return nil, err
		}
		out[i] = x
	}
	return out, nil
}

// SaveMeritActions replaces the rencana perbaikan: an action keeps its id
// when it already exists, new ones get the assessment's next ids. Team
// members (MeritPlan), in any stage but Final.
func (s *Store) SaveMeritActions(ctx context.Context, id uint64, actions []domain.MeritAction) error {
	op := "save merit actions " + strconv.FormatUint(id, 10)
	return s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		as, err := meritFor(tx, a, id, domain.MeritPlan)
		if err != nil {
			return err
		}
		in, err := instrumentIn(tx, as.InstrumentID, as.InstrumentVersion)
		if err != nil {
			return err
		}
		next, err := prepareActions(in, &as, actions)
		if err != nil {
			return err
		}
		if reflect.DeepEqual(next, as.Actions) || len(next) == 0 && len(as.Actions) == 0 {
			return nil
		}
		old := map[uint64]domain.MeritAction{}
		for _, x := range as.Actions {
			old[x.ID] = x
		}
		var lines []string
		for _, x := range next {
			o, ok := old[x.ID]
			switch {
			case !ok:
				lines = append(lines, fmt.Sprintf("rencana #%d ditambah (indikator %s): %s", x.ID, x.Indicator, short(x.Text)))
			case o != x:
				line := fmt.Sprintf("rencana #%d (indikator %s) diubah", x.ID, x.Indicator)
				if o.Status != x.Status {
					line += ", status " + o.Status.String() + " → " + x.Status.String()
				}
				if o.Text != x.Text {
					line += ": " + short(x.Text)
				}
				lines = append(lines, line)
			}
			delete(old, x.ID)
		}
		for _, x := range as.Actions {
			if _, gone := old[x.ID]; gone {
				lines = append(lines, fmt.Sprintf("rencana #%d dihapus: %s", x.ID, short(x.Text)))
			}
		}
		as.Actions = next
		as.Updated = s.stamp()
		if err := putMerit(tx, as); err != nil {
			return err
		}
		return auditMerit(tx, a, domain.ActionUpdate, as, lines...)
	})
}

// AdvanceMerit moves an assessment to stage to: the koordinator or Admin,
// in the order of domain.NextMeritStages, after domain.CheckMeritAdvance
// (every indicator answered before Verifikasi and Final). Final records
// when and by whom, and locks every write until an Admin unlocks it.
func (s *Store) AdvanceMerit(ctx context.Context, id uint64, to domain.MeritStage) error {
	op := "advance merit " + strconv.FormatUint(id, 10)
	return s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		as, err := meritFor(tx, a, id, domain.MeritAdvance)
		if err != nil {
			return err
		}
		in, err := instrumentIn(tx, as.InstrumentID, as.InstrumentVersion)
		if err != nil {
			return err
		}
		if err := domain.CheckMeritAdvance(in, as, to); err != nil {
			return err
		}
		from := as.Stage
		if err := domain.AdvanceMerit(&as, to, a, s.stamp()); err != nil {
			return err
		}
		if err := putMerit(tx, as); err != nil {
			return err
		}
		line := "tahap: " + from.String() + " → " + as.Stage.String()
		if as.Stage == domain.StageFinal {
			r := domain.Score(in, as, true)
			line += fmt.Sprintf(" (nilai %s", domain.FormatScore(r.Total))
			if r.HasCat {
				line += ", " + r.Category.Label
			}
			line += ")"
		}
		return auditMerit(tx, a, domain.ActionStatus, as, line)
	})
}

// UnlockMerit reopens a Final assessment into Perbaikan (domain.UnlockMerit):
// Admin only, with a reason, which is kept in the assessment and audited.
func (s *Store) UnlockMerit(ctx context.Context, id uint64, reason string) error {
	op := "unlock merit " + strconv.FormatUint(id, 10)
	return s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		as, err := meritFor(tx, a, id, domain.MeritUnlock)
		if err != nil {
			return err
		}
		if err := validText(reason); err != nil {
			return err
		}
		if len([]rune(strings.TrimSpace(reason))) > domain.MaxMeritText {
			return fieldErr(domain.EINVALID, "alasan", "Alasan membuka kunci paling banyak 2000 karakter.")
		}
		if err := domain.UnlockMerit(&as, a.Label(), reason, s.stamp()); err != nil {
			return err
		}
		if err := putMerit(tx, as); err != nil {
			return err
		}
		return auditMerit(tx, a, domain.ActionUnlock, as, "tahap: Final → "+as.Stage.String(),
			"alasan: "+short(as.Unlocks[len(as.Unlocks)-1].Reason))
	})
}

// SaveMeritSurvey sets the survey value (0–1) of an instrument with a
// composite rule (PermenPANRB 19/2025 draft: the employee survey's share).
// The koordinator or Admin (MeritAdvance), in any stage but Final.
func (s *Store) SaveMeritSurvey(ctx context.Context, id uint64, survey float64) error {
	op := "save merit survey " + strconv.FormatUint(id, 10)
	return s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		as, err := meritFor(tx, a, id, domain.MeritAdvance)
		if err != nil {
			return err
		}
		in, err := instrumentIn(tx, as.InstrumentID, as.InstrumentVersion)
		if err != nil {
			return err
		}
		if in.Score.Composite == nil {
			return fail(domain.EINVALID, "Instrumen "+in.ID+" tidak memakai nilai survei.", nil)
		}
		if math.IsNaN(survey) || survey < 0 || survey > 1 {
			return fieldErr(domain.EINVALID, "survei", "Nilai survei harus antara 0 dan 1.")
		}
		if survey == as.Survey {
			return nil
		}
		line := "nilai survei: " + domain.FormatScore(as.Survey) + " → " + domain.FormatScore(survey)
		as.Survey, as.Updated = survey, s.stamp()
		if err := putMerit(tx, as); err != nil {
			return err
		}
		return auditMerit(tx, a, domain.ActionUpdate, as, line)
	})
}

// readMeritSettings returns the stored merit settings, or
// domain.DefaultMeritSettings when none were saved.
func readMeritSettings(tx *bolt.Tx) (domain.MeritSettings, error) {
	if b := tx.Bucket(bucketSettings); b != nil {
		if v := b.Get(settingsMerit); v != nil {
			s, err := decodeMeritSettings(v)
			if err != nil {
				return domain.MeritSettings{}, corrupt("pengaturan merit", 0, err)
			}
			return s, nil
		}
	}
	return domain.DefaultMeritSettings(), nil
}

// MeritSettings returns the office's merit settings (how unit assessments
// combine, the default instrument): domain.DefaultMeritSettings until
// saved. Any logged-in user.
func (s *Store) MeritSettings(ctx context.Context) (domain.MeritSettings, error) {
	var out domain.MeritSettings
	err := s.read(ctx, "merit settings", needLogin, func(tx *bolt.Tx, _ domain.Actor) error {
		var err error
		out, err = readMeritSettings(tx)
		return err
	})
	if err != nil {
		return domain.MeritSettings{}, err
	}
	return out, nil
}

// SaveMeritSettings replaces the merit settings. Admin only
// (domain.CanManageOffice); the default instrument must be the id of a
// known instrument. Audited (entity "pengaturan").
func (s *Store) SaveMeritSettings(ctx context.Context, set domain.MeritSettings) error {
	set.DefaultInstrument = strings.TrimSpace(set.DefaultInstrument)
	return s.write(ctx, "save merit settings", domain.CanManageOffice, func(tx *bolt.Tx, a domain.Actor) error {
		fe := domain.FieldErrors{}
		if set.Combine.Label() == "" {
			fe["gabungan"] = "Pilih cara menggabungkan penilaian unit: Terendah, Rata-rata atau Unit pilihan."
		}
		ins, err := allInstruments(tx)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(ins, func(in domain.Instrument) bool { return in.ID == set.DefaultInstrument }) {
			fe["instrumen"] = "Instrumen bawaan " + strconv.Quote(set.DefaultInstrument) + " tidak dikenal."
		}
		if err := fe.Err(); err != nil {
			return err
		}
		old, err := readMeritSettings(tx)
		if err != nil {
			return err
		}
		if old == set {
			return nil
		}
		var lines []string
		if old.Combine != set.Combine {
			lines = append(lines, "gabungan penilaian unit: "+old.Combine.Label()+" → "+set.Combine.Label())
		}
		if old.DefaultInstrument != set.DefaultInstrument {
			lines = append(lines, "instrumen bawaan: "+old.DefaultInstrument+" → "+set.DefaultInstrument)
		}
		b, err := bucket(tx, bucketSettings)
		if err != nil {
			return err
		}
		v, err := encodeMeritSettings(set)
		if err != nil {
			return err
		}
		if err := b.Put(settingsMerit, v); err != nil {
			return err
		}
		return appendAudit(tx, a, s.stamp(), domain.AuditEntry{Action: domain.ActionUpdate, Entity: EntitySettings,
			Summary: append([]string{"pengaturan merit"}, lines...)})
	})
}

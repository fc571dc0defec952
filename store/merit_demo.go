package store

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// LoadDemoMerit writes the demo office's merit assessments in one
// transaction. Only a demo office may be loaded this way (EINVALID
// otherwise), and only while it has no merit assessment yet (ECONFLICT).
// Assessments keep the ids they have (zero: the next free one), and so do
// their actions; evidence gets new bukti ids (the bucket is shared with the
// SKP's bukti, so load this after LoadDemoKinerja, which wants that bucket
// empty). Everything is checked with the rules the single writes use
// (instrument, year, unit, team accounts, answers, evidence, actions),
// except the workflow: the demo shows every stage. Zero times are now; a
// Final assessment without FinalAt is finalised now. A system actor or
// Admin; audited as one entry.
func (s *Store) LoadDemoMerit(ctx context.Context, list []domain.MeritAssessment) error {
	prepared := make([]domain.MeritAssessment, len(list))
	for i, as := range list {
		as.Answers = maps.Clone(as.Answers)
		for code, x := range as.Answers {
			x.Evidence = slices.Clone(x.Evidence)
			for j, b := range x.Evidence {
				p, err := prepareBukti(b)
				if err != nil {
					return boundary("load demo merit", fmt.Errorf("data contoh: penilaian merit #%d, bukti %s: %w", as.ID, b.Name, err))
				}
				x.Evidence[j] = p
			}
			as.Answers[code] = x
		}
		prepared[i] = as
	}
	return s.write(ctx, "load demo merit", systemOrAdmin, func(tx *bolt.Tx, a domain.Actor) error {
		if a.IsZero() {
			a = domain.SystemActor("data contoh")
		}
		if err := checkDemoMeritOffice(tx); err != nil {
			return err
		}
		mb, err := bucket(tx, bucketMerit)
		if err != nil {
			return err
		}
		now, by := s.stamp(), a.Label()
		used := map[uint64]bool{}
		var next uint64
		for _, as := range prepared {
			if used[as.ID] && as.ID != 0 {
				return fail(domain.EINVALID, fmt.Sprintf("Data contoh: penilaian merit #%d tidak punya ID tersendiri.", as.ID), nil)
			}
			used[as.ID] = true
			next = max(next, as.ID)
		}
		type slot struct {
			year   int
			unit   uint64
			instID string
		}
		taken := map[slot]bool{}
		answers, evidence, actions := 0, 0, 0
		for _, as := range prepared {
			if as.ID == 0 {
				next++
				as.ID = next
			}
			what := func(err error) error {
				if err == nil {
					return nil
				}
				return fmt.Errorf("data contoh: penilaian merit #%d: %w", as.ID, err)
			}
			if as.Stage == 0 {
				as.Stage = domain.StageMandiri
			}
			if as.Stage.String() == "" {
				return what(fail(domain.EINVALID, fmt.Sprintf("Data contoh: tahap %d tidak dikenal.", as.Stage), nil))
			}
			as.ReportedIndex = strings.TrimSpace(as.ReportedIndex)
			if err := checkMeritBasics(tx, as); err != nil {
				return what(err)
			}
			in, err := instrumentIn(tx, as.InstrumentID, as.InstrumentVersion)
			if err != nil {
				return what(err)
			}
			sl := slot{as.Year, as.UnitID, as.InstrumentID}
			if taken[sl] {
				return what(fail(domain.EINVALID, "Data contoh: dua penilaian merit untuk tahun, unit dan instrumen yang sama.", nil))
			}
			taken[sl] = true
			if len(as.Team) > 0 || as.Koordinator != 0 || len(as.Verifikator) > 0 {
				if err := domain.ValidateMeritTeam(as.Team, as.Koordinator, as.Verifikator); err != nil {
					return what(err)
				}
				if err := checkMeritAccounts(tx, as.Team, as.Verifikator); err != nil {
					return what(err)
				}
			}
			for code, x := range as.Answers {
				x.Justification, x.VerifierNote = strings.TrimSpace(x.Justification), strings.TrimSpace(x.VerifierNote)
				if err := validText(x.Justification, x.VerifierNote, x.AnsweredBy); err != nil {
					return what(err)
				}
				if err := domain.ValidateAnswer(in, code, x); err != nil {
					return what(err)
				}
				for j, b := range x.Evidence {
					added, addedBy := b.Added, b.AddedBy
					if b, err = storeBukti(tx, b, now, by); err != nil {
						return what(err)
					}
					if !added.IsZero() {
						b.Added = added
					}
					if addedBy != "" {
						b.AddedBy = addedBy
					}
					x.Evidence[j] = b
					evidence++
				}
				if x.Updated.IsZero() {
					x.Updated = now
				}
				setAnswer(&as, code, x)
				answers++
			}
			plan := domain.MeritAssessment{Actions: as.Actions, NextID: as.NextID}
			if as.Actions, err = prepareActions(in, &plan, as.Actions); err != nil {
				return what(err)
			}
			as.NextID = plan.NextID
			actions += len(as.Actions)
			if as.Created.IsZero() {
				as.Created = now
			}
			if as.Updated.IsZero() {
				as.Updated = now
			}
			if as.Stage == domain.StageFinal && as.FinalAt.IsZero() {
				as.FinalAt, as.FinalBy = now, by
			}
			if as.Stage != domain.StageFinal {
				as.FinalAt, as.FinalBy = time.Time{}, ""
			}
			if err := putMerit(tx, as); err != nil {
				return err
			}
		}
		if next > mb.Sequence() {
			if err := mb.SetSequence(next); err != nil {
				return err
			}
		}
		return appendAudit(tx, a, now, domain.AuditEntry{Action: domain.ActionImport, Entity: EntityMerit,
			Summary: []string{"data contoh merit", fmt.Sprintf("%d penilaian, %d jawaban, %d bukti, %d rencana perbaikan",
				len(prepared), answers, evidence, actions)}})
	})
}

// checkDemoMeritOffice makes sure the file holds a demo office without
// merit assessments.
func checkDemoMeritOffice(tx *bolt.Tx) error {
	mb, err := bucket(tx, bucketMeta)
	if err != nil {
		return err
	}
	msg := "Data merit contoh hanya dapat dimuat ke kantor contoh."
	v := mb.Get(metaOffice)
	if v == nil {
		return fail(domain.EINVALID, msg, nil)
	}
	o, err := decodeOffice(v)
	if err != nil {
		return corrupt("kantor", 0, err)
	}
	if !o.Demo {
		return fail(domain.EINVALID, msg, nil)
	}
	b, err := bucket(tx, bucketMerit)
	if err != nil {
		return err
	}
	if k, _ := b.Cursor().First(); k != nil {
		return fail(domain.ECONFLICT, "Kantor contoh ini sudah berisi penilaian mandiri sistem merit.", nil)
	}
	return nil
}

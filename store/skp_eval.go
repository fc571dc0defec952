package store

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// Evaluasi, predikat kinerja organisasi and the SKP settings.

const maxCapaian = 50

func getEval(tx *bolt.Tx, skpID, id uint64) (domain.Evaluasi, error) {
	v, err := getItem(tx, skpID, itemEval, id)
	if err != nil {
		return domain.Evaluasi{}, err
	}
	e, err := decodeEval(v)
	if err != nil {
		return domain.Evaluasi{}, corrupt("evaluasi", id, err)
	}
	e.ID, e.SKPID = id, skpID
	return e, nil
}

func putEval(tx *bolt.Tx, e domain.Evaluasi) error {
	v, err := encodeEval(e)
	if err != nil {
		return err
	}
	return putItem(tx, e.SKPID, itemEval, e.ID, v)
}

// evalName names an evaluation in messages and audit lines.
func evalName(e domain.Evaluasi) string {
	if e.Kind == domain.EvalTahunan {
		return "evaluasi tahunan"
	}
	return "evaluasi " + e.Frequency.PeriodLabel(e.Period)
}

func ratingText(r domain.Rating) string {
	if r == 0 {
		return "-"
	}
	return r.String()
}

func predikatText(p domain.Predikat) string {
	if p == "" {
		return "-"
	}
	return p.Label()
}

// SaveEvaluasi stores the ratings of an evaluation (e.ID 0: a new one)
// and returns its id. The pejabat penilai (or Admin) rates an approved
// SKP (domain.CanSKP, OpRate). One evaluation per period and one annual
// evaluation per SKP; a new periodic one follows the office's frequency.
// The predikat always comes from the matrix (domain.PredikatKinerja),
// never from the caller. A final evaluation is refused: Admin unlocks it
// first (UnlockEvaluasi).
func (s *Store) SaveEvaluasi(ctx context.Context, e domain.Evaluasi) (uint64, error) {
	op := "save evaluasi " + strconv.FormatUint(e.SKPID, 10)
	err := s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		sk, err := skpFor(tx, a, e.SKPID, domain.OpRate)
		if err != nil {
			return err
		}
		evals, err := skpEvals(tx, sk.ID)
		if err != nil {
			return err
		}
		e.Catatan = strings.TrimSpace(e.Catatan)
		if err := validText(e.Catatan); err != nil {
			return err
		}
		action := domain.ActionCreate
		var old *domain.Evaluasi
		for i := range evals {
			if evals[i].ID == e.ID && e.ID != 0 {
				old = &evals[i]
			}
		}
		switch {
		case e.ID != 0 && old == nil:
			return fail(domain.ENOTFOUND, fmt.Sprintf(msgItemNotFound, "evaluasi"), nil)
		case old != nil:
			// Kind, period and frequency identify the evaluation; the
			// unlock history is the store's.
			e.Kind, e.Period, e.Frequency, e.Final, e.Unlocks = old.Kind, old.Period, old.Frequency, old.Final, old.Unlocks
			e.FinalAt, e.FinalBy, e.Snapshot, e.AK = old.FinalAt, old.FinalBy, old.Snapshot, old.AK
			action = domain.ActionUpdate
		default:
			set, err := readSKPSettings(tx)
			if err != nil {
				return err
			}
			e.Final, e.Unlocks, e.FinalAt, e.FinalBy, e.AK = false, nil, time.Time{}, "", domain.AngkaKredit{}
			e.Snapshot = domain.Evaluasi{}.Snapshot
			e.Frequency = ""
			if e.Kind == domain.EvalPeriodik {
				e.Frequency = set.Frequency
			}
		}
		if err := domain.ValidateEvaluasi(sk, e, e.Frequency); err != nil {
			return err
		}
		if old == nil {
			for _, x := range evals {
				if x.Kind == e.Kind && (e.Kind == domain.EvalTahunan || x.Period == e.Period && x.Frequency == e.Frequency) {
					return fail(domain.ECONFLICT, fmt.Sprintf("SKP ini sudah punya %s; buka evaluasi itu untuk mengubahnya.",
						evalName(x)), nil)
				}
			}
			if e.ID, err = nextItemID(tx); err != nil {
				return err
			}
		}
		e.EmployeeID, e.Year = sk.EmployeeID, sk.Year
		e.Predikat = domain.PredikatKinerja(e.RatingHasil, e.RatingPerilaku)
		if old != nil && old.RatingHasil == e.RatingHasil && old.RatingPerilaku == e.RatingPerilaku &&
			old.Catatan == e.Catatan {
			return nil
		}
		now := s.stamp()
		e.Updated = now
		if err := putEval(tx, e); err != nil {
			return err
		}
		line := fmt.Sprintf("%s #%d: hasil kerja %s, perilaku kerja %s, predikat %s", evalName(e), e.ID,
			ratingText(e.RatingHasil), ratingText(e.RatingPerilaku), predikatText(e.Predikat))
		return auditSKP(tx, a, now, action, sk, line)
	})
	if err != nil {
		return 0, err
	}
	return e.ID, nil
}

// FinalizeEvaluasi locks an evaluation (domain.FinalizeEvaluasi): both
// ratings must be set; the predikat comes from the matrix; the current
// profiles of the pejabat penilai and the pegawai are copied in (the
// SKP's copies when the person is no longer in the data); a JF gets the
// AK of the period. A final annual evaluation gives the SKP's row its
// predikat. The pejabat penilai or Admin (OpFinalize).
func (s *Store) FinalizeEvaluasi(ctx context.Context, skpID, id uint64) error {
	op := "finalize evaluasi " + strconv.FormatUint(id, 10)
	return s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		sk, err := skpFor(tx, a, skpID, domain.OpFinalize)
		if err != nil {
			return err
		}
		e, err := getEval(tx, skpID, id)
		if err != nil {
			return err
		}
		pen, ok, err := snapshotOf(tx, sk.Penilai.EmployeeID)
		if err != nil {
			return err
		}
		if !ok {
			pen = sk.Penilai
		}
		peg, ok, err := snapshotOf(tx, sk.EmployeeID)
		if err != nil {
			return err
		}
		if !ok {
			peg = sk.Pegawai
		}
		set, err := readSKPSettings(tx)
		if err != nil {
			return err
		}
		if e.Kind == domain.EvalPeriodik && e.Frequency != "" {
			set.Frequency = e.Frequency // the evaluation's own cycle, even if the setting changed since
		}
		now := s.stamp()
		if err := domain.FinalizeEvaluasi(&e, sk, pen, peg, a.Label(), now, set); err != nil {
			return err
		}
		if err := putEval(tx, e); err != nil {
			return err
		}
		if err := writeSKPRow(tx, sk); err != nil {
			return err
		}
		line := fmt.Sprintf("%s #%d final: predikat %s", evalName(e), e.ID, predikatText(e.Predikat))
		if !e.AK.IsZero() {
			line += ", angka kredit " + e.AK.String()
		}
		return auditSKP(tx, a, now, domain.ActionStatus, sk, line)
	})
}

// UnlockEvaluasi reopens a final evaluation with a reason, kept in the
// evaluation's Unlocks and in the audit trail. Admin only (OpUnlock).
func (s *Store) UnlockEvaluasi(ctx context.Context, skpID, id uint64, reason string) error {
	op := "unlock evaluasi " + strconv.FormatUint(id, 10)
	return s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		sk, err := skpFor(tx, a, skpID, domain.OpUnlock)
		if err != nil {
			return err
		}
		e, err := getEval(tx, skpID, id)
		if err != nil {
			return err
		}
		if err := validText(reason); err != nil {
			return err
		}
		now := s.stamp()
		if err := domain.UnlockEvaluasi(&e, a.Label(), reason, now); err != nil {
			return err
		}
		if err := putEval(tx, e); err != nil {
			return err
		}
		if err := writeSKPRow(tx, sk); err != nil {
			return err
		}
		return auditSKP(tx, a, now, domain.ActionUnlock, sk,
			fmt.Sprintf("%s #%d dibuka kembali, alasan: %s", evalName(e), e.ID, short(e.Unlocks[len(e.Unlocks)-1].Reason)))
	})
}

// OrgRatings returns the predikat kinerja organisasi of year (0: every
// year), by year and unit. Any logged-in user may read them: they are
// about units, not people.
func (s *Store) OrgRatings(ctx context.Context, year int) ([]domain.OrgRating, error) {
	out := []domain.OrgRating{}
	err := s.read(ctx, "org ratings", needLogin, func(tx *bolt.Tx, _ domain.Actor) error {
		b := tx.Bucket(bucketSKPOrg)
		if b == nil {
			return nil
		}
		var prefix []byte
		if year != 0 {
			prefix = orgKey(year, 0)[:2]
		}
		c := b.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			y, unit, ok := parseOrgKey(k)
			if !ok {
				return corrupt("predikat organisasi", 0, fmt.Errorf("skp_org key %x", k))
			}
			r, err := decodeOrg(v)
			if err != nil {
				return corrupt("predikat organisasi", unit, err)
			}
			r.Year, r.UnitID = y, unit
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// SetOrgRating sets the predikat kinerja organisasi of a unit for a year
// (an empty Predikat removes it), with the optional capaian as typed.
// Pimpinan, or Admin recording it (domain.CanSetOrgRating); audited.
func (s *Store) SetOrgRating(ctx context.Context, r domain.OrgRating) error {
	op := "set org rating " + strconv.FormatUint(r.UnitID, 10)
	if err := checkSKPYear(r.Year); err != nil {
		return boundary(op, err)
	}
	r.Capaian = strings.TrimSpace(r.Capaian)
	if r.Predikat != "" && r.Predikat.Label() == "" {
		return boundary(op, fieldErr(domain.EINVALID, "predikat", "Pilih predikat kinerja organisasi: Istimewa, Baik, "+
			"Butuh Perbaikan, Kurang atau Sangat Kurang."))
	}
	if len([]rune(r.Capaian)) > maxCapaian {
		return boundary(op, fieldErr(domain.EINVALID, "capaian", "Capaian terlalu panjang; tulis angkanya saja, misalnya 97,5%."))
	}
	if err := validText(r.Capaian); err != nil {
		return boundary(op, err)
	}
	return s.write(ctx, op, domain.CanSetOrgRating, func(tx *bolt.Tx, a domain.Actor) error {
		name := unitName(tx, r.UnitID)
		if name == "" {
			return fieldErr(domain.EINVALID, domain.FieldUnit, "Unit kerja yang dipilih tidak ada.")
		}
		b, err := bucket(tx, bucketSKPOrg)
		if err != nil {
			return err
		}
		k := orgKey(r.Year, r.UnitID)
		before := "-"
		if v := b.Get(k); v != nil {
			old, err := decodeOrg(v)
			if err != nil {
				return corrupt("predikat organisasi", r.UnitID, err)
			}
			if old.Predikat == r.Predikat && old.Capaian == r.Capaian {
				return nil
			}
			before = orgText(old)
		} else if r.Predikat == "" {
			return nil
		}
		now := s.stamp()
		after := "-"
		if r.Predikat == "" {
			if err := b.Delete(k); err != nil {
				return err
			}
		} else {
			r.By, r.Time = a.Label(), now
			v, err := encodeOrg(r)
			if err != nil {
				return err
			}
			if err := b.Put(k, v); err != nil {
				return err
			}
			after = orgText(r)
		}
		// Filed under the unit it rates, not under an SKP: "unit #7", not
		// "skp #7", in the riwayat perubahan.
		return appendAudit(tx, a, now, domain.AuditEntry{Action: domain.ActionUpdate, Entity: EntityUnit, EntityID: r.UnitID,
			Summary: []string{fmt.Sprintf("predikat kinerja organisasi %s %d: %s → %s", name, r.Year, before, after)}})
	})
}

func orgText(r domain.OrgRating) string {
	t := r.Predikat.Label()
	if r.Capaian != "" {
		t += " (capaian " + r.Capaian + ")"
	}
	return t
}

// readSKPSettings returns the stored SKP settings, or the defaults when
// none were saved. A stored frequency of "" reads as Triwulanan.
func readSKPSettings(tx *bolt.Tx) (domain.SKPSettings, error) {
	if b := tx.Bucket(bucketSettings); b != nil {
		if v := b.Get(settingsSKP); v != nil {
			s, err := decodeSKPSettings(v)
			if err != nil {
				return domain.SKPSettings{}, corrupt("pengaturan kinerja", 0, err)
			}
			if s.Frequency == "" {
				s.Frequency = domain.Triwulanan
			}
			return s, nil
		}
	}
	return domain.DefaultSKPSettings(), nil
}

// SKPSettings returns the office's settings of the performance cycle
// (frequency, bukti size limit, head rating mapping):
// domain.DefaultSKPSettings until Admin saves them. Like Settings it needs
// no login.
func (s *Store) SKPSettings(ctx context.Context) (domain.SKPSettings, error) {
	var out domain.SKPSettings
	err := s.view(ctx, "skp settings", func(tx *bolt.Tx) error {
		var err error
		out, err = readSKPSettings(tx)
		return err
	})
	if err != nil {
		return domain.SKPSettings{}, err
	}
	return out, nil
}

// Bounds of the bukti size limit.
const (
	minBuktiMax = 100 << 10
	maxBuktiMax = 50 << 20
)

func validateSKPSettings(set domain.SKPSettings) error {
	fe := domain.FieldErrors{}
	if set.Frequency != domain.Bulanan && set.Frequency != domain.Triwulanan {
		fe["frekuensi"] = "Pilih siklus evaluasi periodik: Bulanan atau Triwulanan."
	}
	if set.BuktiMaxSize < minBuktiMax || set.BuktiMaxSize > maxBuktiMax {
		fe["bukti_max"] = "Batas ukuran berkas bukti harus antara 0,1 MB dan " + formatMB(maxBuktiMax) + "."
	}
	for org, r := range set.HeadRating {
		if org.Label() == "" {
			fe["head_rating"] = "Pemetaan rating kepala unit memuat predikat organisasi yang tidak dikenal."
		} else if r.Code() == "" {
			fe["head_rating"] = "Rating hasil kerja kepala unit untuk predikat " + org.Label() + " tidak dikenal."
		}
	}
	return fe.Err()
}

// SaveSKPSettings replaces the SKP settings. Admin only
// (domain.CanManageOffice); audited. Evaluations already made keep the
// frequency they were made with.
func (s *Store) SaveSKPSettings(ctx context.Context, set domain.SKPSettings) error {
	if set.Frequency == "" {
		set.Frequency = domain.Triwulanan
	}
	return s.write(ctx, "save skp settings", domain.CanManageOffice, func(tx *bolt.Tx, a domain.Actor) error {
		if err := validateSKPSettings(set); err != nil {
			return err
		}
		old, err := readSKPSettings(tx)
		if err != nil {
			return err
		}
		var lines []string
		if old.Frequency != set.Frequency {
			lines = append(lines, "siklus evaluasi: "+old.Frequency.Label()+" → "+set.Frequency.Label())
		}
		if old.BuktiMaxSize != set.BuktiMaxSize {
			lines = append(lines, "batas berkas bukti: "+formatMB(old.BuktiMaxSize)+" → "+formatMB(set.BuktiMaxSize))
		}
		if old.RoundNearest != set.RoundNearest {
			lines = append(lines, "pembulatan pola distribusi: "+roundingText(old.RoundNearest)+" → "+roundingText(set.RoundNearest))
		}
		for _, org := range domain.OrgPredikats() {
			if o, n := domain.HeadRating(old, org), domain.HeadRating(set, org); o != n {
				lines = append(lines, "rating kepala unit bila "+org.Label()+": "+ratingText(o)+" → "+ratingText(n))
			}
		}
		if len(lines) == 0 {
			return nil
		}
		b, err := bucket(tx, bucketSettings)
		if err != nil {
			return err
		}
		v, err := encodeSKPSettings(set)
		if err != nil {
			return err
		}
		if err := b.Put(settingsSKP, v); err != nil {
			return err
		}
		return appendAudit(tx, a, s.stamp(), domain.AuditEntry{Action: domain.ActionUpdate, Entity: EntitySettings,
			Summary: append([]string{"pengaturan kinerja"}, lines...)})
	})
}

func roundingText(nearest bool) string {
	if nearest {
		return "ke orang terdekat"
	}
	return "maksimum ke bawah, minimum ke atas"
}

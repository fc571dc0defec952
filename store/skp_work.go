package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// Pelaksanaan: rencana aksi and realisasi with their bukti dukung, umpan
// balik and dialog kinerja. A bukti's metadata (name, size, SHA-256)
// lives in the realisasi record; its bytes are kept by bukti.go, shared
// with the merit assessment's evidence.

// getWork reads one realisasi of an SKP.
func getWork(tx *bolt.Tx, skpID, id uint64) (domain.PeriodWork, error) {
	v, err := getItem(tx, skpID, itemWork, id)
	if err != nil {
		return domain.PeriodWork{}, err
	}
	w, err := decodeWork(v)
	if err != nil {
		return domain.PeriodWork{}, corrupt("realisasi", id, err)
	}
	w.ID, w.SKPID = id, skpID
	return w, nil
}

func putWork(tx *bolt.Tx, w domain.PeriodWork) error {
	v, err := encodeWork(w)
	if err != nil {
		return err
	}
	return putItem(tx, w.SKPID, itemWork, w.ID, v)
}

// skpFor reads an SKP and checks that the actor may do op to it.
func skpFor(tx *bolt.Tx, a domain.Actor, id uint64, op domain.SKPOp) (domain.SKP, error) {
	sk, err := getSKP(tx, id)
	if err != nil {
		return sk, err
	}
	return sk, domain.CanSKP(a, sk.Party(), op)
}

// rhkName names an RHK of the SKP in audit lines.
func rhkName(sk domain.SKP, id uint64) string {
	return domain.FeedbackTarget{RHKID: id}.Label(sk)
}

// SaveWork stores the rencana aksi, its target and the realisasi of one
// RHK in one evaluation period (w.ID 0: a new entry) and returns its id.
// Bukti are not touched here (AddBukti, DeleteBukti). The pegawai (or
// Admin) writes it once the SKP is Disetujui (domain.CanSKP, OpWork);
// checked with domain.ValidateWork against the office's frequency.
func (s *Store) SaveWork(ctx context.Context, w domain.PeriodWork) (uint64, error) {
	op := "save work " + strconv.FormatUint(w.SKPID, 10)
	err := s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		sk, err := skpFor(tx, a, w.SKPID, domain.OpWork)
		if err != nil {
			return err
		}
		set, err := readSKPSettings(tx)
		if err != nil {
			return err
		}
		w.RencanaAksi, w.Target, w.Realisasi = strings.TrimSpace(w.RencanaAksi), strings.TrimSpace(w.Target),
			strings.TrimSpace(w.Realisasi)
		if err := domain.ValidateWork(sk, w, set.Frequency); err != nil {
			return err
		}
		if err := validText(w.RencanaAksi, w.Target, w.Realisasi); err != nil {
			return err
		}
		action := domain.ActionCreate
		if w.ID == 0 {
			if w.ID, err = nextItemID(tx); err != nil {
				return err
			}
			w.Bukti = nil
		} else {
			old, err := getWork(tx, sk.ID, w.ID)
			if err != nil {
				return err
			}
			if old.RencanaAksi == w.RencanaAksi && old.Target == w.Target && old.Realisasi == w.Realisasi &&
				old.RHKID == w.RHKID && old.Period == w.Period {
				return nil
			}
			w.Bukti = old.Bukti
			action = domain.ActionUpdate
		}
		now := s.stamp()
		w.Updated = now
		if err := putWork(tx, w); err != nil {
			return err
		}
		lines := []string{fmt.Sprintf("realisasi #%d, %s, %s", w.ID, set.Frequency.PeriodLabel(w.Period), rhkName(sk, w.RHKID))}
		if w.RencanaAksi != "" {
			lines = append(lines, "rencana aksi: "+short(w.RencanaAksi))
		}
		if w.Realisasi != "" {
			lines = append(lines, "realisasi: "+short(w.Realisasi))
		}
		return auditSKP(tx, a, now, action, sk, lines...)
	})
	if err != nil {
		return 0, err
	}
	return w.ID, nil
}

// AddBukti adds a bukti dukung to realisasi workID of SKP skpID and
// returns its id. A file (Kind BuktiFile) brings its bytes in Contents:
// not empty, at most SKPSettings.BuktiMaxSize; the store records its
// SHA-256, size, base name, date and who added it. A reference (Kind
// BuktiReferensi) has Ref (nomor dokumen or link) and no Contents. Same
// permission as SaveWork. The bytes are kept by bukti.go.
func (s *Store) AddBukti(ctx context.Context, skpID, workID uint64, b domain.Bukti) (uint64, error) {
	op := "add bukti " + strconv.FormatUint(skpID, 10)
	b, err := prepareBukti(b) // hashed outside the write lock
	if err != nil {
		return 0, boundary(op, err)
	}
	err = s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		sk, err := skpFor(tx, a, skpID, domain.OpWork)
		if err != nil {
			return err
		}
		w, err := getWork(tx, skpID, workID)
		if err != nil {
			return err
		}
		now := s.stamp()
		if b, err = storeBukti(tx, b, now, a.Label()); err != nil {
			return err
		}
		w.Bukti = append(w.Bukti, b)
		w.Updated = now
		if err := putWork(tx, w); err != nil {
			return err
		}
		line := fmt.Sprintf("bukti #%d pada realisasi #%d (%s): %s", b.ID, w.ID, rhkName(sk, w.RHKID), buktiText(b))
		return auditSKP(tx, a, now, domain.ActionCreate, sk, line)
	})
	if err != nil {
		return 0, err
	}
	return b.ID, nil
}

// BuktiFile returns one bukti of a realisasi; a file comes with its bytes
// in Contents, after they are checked against the SHA-256 and size
// recorded when it was added: bytes that differ are never handed out
// (EINTERNAL, "Berkas bukti … berubah atau rusak"). Anyone who may view
// the SKP may read its bukti.
func (s *Store) BuktiFile(ctx context.Context, skpID, workID, buktiID uint64) (domain.Bukti, error) {
	var out domain.Bukti
	err := s.read(ctx, "bukti file", needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		if _, err := viewSKP(tx, a, skpID); err != nil {
			return err
		}
		w, err := getWork(tx, skpID, workID)
		if err != nil {
			return err
		}
		i, err := findBuktiIn(w.Bukti, buktiID)
		if err != nil {
			return err
		}
		out, err = readBukti(tx, w.Bukti[i])
		return err
	})
	if err != nil {
		return domain.Bukti{}, err
	}
	return out, nil
}

// DeleteBukti removes a bukti from its realisasi, with its bytes. Same
// permission as SaveWork; audited with the name and hash.
func (s *Store) DeleteBukti(ctx context.Context, skpID, workID, buktiID uint64) error {
	op := "delete bukti " + strconv.FormatUint(buktiID, 10)
	return s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		sk, err := skpFor(tx, a, skpID, domain.OpWork)
		if err != nil {
			return err
		}
		w, err := getWork(tx, skpID, workID)
		if err != nil {
			return err
		}
		i, err := findBuktiIn(w.Bukti, buktiID)
		if err != nil {
			return err
		}
		b := w.Bukti[i]
		w.Bukti = append(w.Bukti[:i:i], w.Bukti[i+1:]...)
		now := s.stamp()
		w.Updated = now
		if err := putWork(tx, w); err != nil {
			return err
		}
		if err := deleteBukti(tx, buktiID); err != nil {
			return err
		}
		line := fmt.Sprintf("bukti #%d pada realisasi #%d (%s): %s", b.ID, w.ID, rhkName(sk, w.RHKID), buktiText(b))
		return auditSKP(tx, a, now, domain.ActionDelete, sk, line)
	})
}

func getFeedback(tx *bolt.Tx, skpID, id uint64) (domain.Feedback, error) {
	v, err := getItem(tx, skpID, itemFeedback, id)
	if err != nil {
		return domain.Feedback{}, err
	}
	f, err := decodeFeedback(v)
	if err != nil {
		return domain.Feedback{}, corrupt("umpan balik", id, err)
	}
	f.ID, f.SKPID = id, skpID
	return f, nil
}

func putFeedback(tx *bolt.Tx, f domain.Feedback) error {
	v, err := encodeFeedback(f)
	if err != nil {
		return err
	}
	return putItem(tx, f.SKPID, itemFeedback, f.ID, v)
}

// AddFeedback appends an umpan balik entry and returns its id. Written by
// the pejabat penilai (or Admin; domain.CanSKP, OpFeedback), or by the
// pegawai as a reply (OpReply): the store decides which from the actor,
// and sets the author, the time and ByPegawai. A reply names an entry of
// the same SKP (ReplyTo) and takes its target when none is given.
func (s *Store) AddFeedback(ctx context.Context, f domain.Feedback) (uint64, error) {
	op := "add feedback " + strconv.FormatUint(f.SKPID, 10)
	err := s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		sk, err := getSKP(tx, f.SKPID)
		if err != nil {
			return err
		}
		f.ByPegawai = a.EmployeeID != 0 && a.EmployeeID == sk.EmployeeID
		want := domain.OpFeedback
		if f.ByPegawai {
			want = domain.OpReply
		}
		if err := domain.CanSKP(a, sk.Party(), want); err != nil {
			return err
		}
		if f.ReplyTo != 0 {
			to, err := getFeedback(tx, sk.ID, f.ReplyTo)
			if err != nil {
				return err
			}
			if f.Target == (domain.FeedbackTarget{}) {
				f.Target = to.Target
			}
			if f.Period == 0 {
				f.Period = to.Period
			}
		}
		set, err := readSKPSettings(tx)
		if err != nil {
			return err
		}
		if f.Period < 0 || f.Period > set.Frequency.Periods() {
			return fieldErr(domain.EINVALID, domain.FieldPeriode, fmt.Sprintf("Periode harus antara 1 dan %d (%s).",
				set.Frequency.Periods(), set.Frequency.Label()))
		}
		f.Text = strings.TrimSpace(f.Text)
		if err := domain.ValidateFeedback(sk, f); err != nil {
			return err
		}
		if err := validText(f.Text); err != nil {
			return err
		}
		if f.ID, err = nextItemID(tx); err != nil {
			return err
		}
		now := s.stamp()
		f.AuthorID, f.AuthorName, f.Time, f.History = a.EmployeeID, actorName(tx, a), now, nil
		if err := putFeedback(tx, f); err != nil {
			return err
		}
		what := "umpan balik"
		if f.ByPegawai {
			what = "balasan pegawai"
		}
		return auditSKP(tx, a, now, domain.ActionCreate, sk,
			fmt.Sprintf("%s #%d, %s: %s", what, f.ID, f.Target.Label(sk), short(f.Text)))
	})
	if err != nil {
		return 0, err
	}
	return f.ID, nil
}

// EditFeedback changes the text of an entry, keeping the earlier text in
// its History (domain.EditFeedback): the log stays append-only in
// substance. Only the author, while still allowed to write it, or Admin
// may edit.
func (s *Store) EditFeedback(ctx context.Context, skpID, id uint64, text string) error {
	op := "edit feedback " + strconv.FormatUint(id, 10)
	return s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		sk, err := viewSKP(tx, a, skpID)
		if err != nil {
			return err
		}
		f, err := getFeedback(tx, skpID, id)
		if err != nil {
			return err
		}
		author := a.EmployeeID != 0 && a.EmployeeID == f.AuthorID
		if !author && !a.Has(domain.RoleAdmin) {
			return fail(domain.EFORBIDDEN, "Hanya penulis umpan balik ini (atau Admin) yang dapat mengubahnya.", nil)
		}
		want := domain.OpFeedback
		if f.ByPegawai {
			want = domain.OpReply
		}
		if !a.Has(domain.RoleAdmin) {
			if err := domain.CanSKP(a, sk.Party(), want); err != nil {
				return err
			}
		}
		if strings.TrimSpace(text) == f.Text {
			return nil
		}
		if err := validText(text); err != nil {
			return err
		}
		old := f.Text
		now := s.stamp()
		domain.EditFeedback(&f, text, now)
		if err := domain.ValidateFeedback(sk, f); err != nil {
			return err
		}
		if err := putFeedback(tx, f); err != nil {
			return err
		}
		return auditSKP(tx, a, now, domain.ActionUpdate, sk,
			fmt.Sprintf("umpan balik #%d, %s: %s → %s", f.ID, f.Target.Label(sk), short(old), short(f.Text)))
	})
}

func getDialog(tx *bolt.Tx, skpID, id uint64) (domain.Dialog, error) {
	v, err := getItem(tx, skpID, itemDialog, id)
	if err != nil {
		return domain.Dialog{}, err
	}
	d, err := decodeDialog(v)
	if err != nil {
		return domain.Dialog{}, corrupt("dialog kinerja", id, err)
	}
	d.ID, d.SKPID = id, skpID
	return d, nil
}

// SaveDialog records a dialog kinerja session and returns its id. A new
// session (ID 0) first receives the kesepakatan of the latest earlier
// session (by date) that were not met, marked as carried
// (domain.CarryOver). An existing session is updated in place (notes,
// participants, the status of its kesepakatan…); each kesepakatan keeps
// its id and carry marks. Recorded by the pejabat penilai or Admin
// (domain.CanSKP, OpDialog), in any status of the SKP.
func (s *Store) SaveDialog(ctx context.Context, d domain.Dialog) (uint64, error) {
	op := "save dialog " + strconv.FormatUint(d.SKPID, 10)
	err := s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		sk, err := skpFor(tx, a, d.SKPID, domain.OpDialog)
		if err != nil {
			return err
		}
		d.Notes = strings.TrimSpace(d.Notes)
		d.Peserta = trimList(d.Peserta)
		texts := append([]string{d.Notes}, d.Peserta...)
		for _, k := range d.Kesepakatan {
			texts = append(texts, k.Text, k.Owner)
		}
		if err := validText(texts...); err != nil {
			return err
		}
		now := s.stamp()
		var seqErr error // of nextID, checked before anything is written
		nextID := func() uint64 {
			id, err := nextItemID(tx)
			if err != nil && seqErr == nil {
				seqErr = err
			}
			return id
		}
		action := domain.ActionCreate
		var lines []string
		if d.ID == 0 {
			for i := range d.Kesepakatan {
				d.Kesepakatan[i].ID, d.Kesepakatan[i].CarriedFrom, d.Kesepakatan[i].Carried = 0, 0, 0
			}
			earlier, err := skpDialogs(tx, sk.ID)
			if err != nil {
				return err
			}
			before := earlier[:0:0]
			for _, e := range earlier {
				if e.Date.Compare(d.Date) <= 0 {
					before = append(before, e)
				}
			}
			n := len(d.Kesepakatan)
			domain.CarryOver(before, &d, nextID)
			if carried := len(d.Kesepakatan) - n; carried > 0 {
				lines = append(lines, fmt.Sprintf("%d kesepakatan dibawa dari dialog sebelumnya", carried))
			}
			if d.ID, err = nextItemID(tx); err != nil {
				return err
			}
			d.Created = now
		} else {
			old, err := getDialog(tx, sk.ID, d.ID)
			if err != nil {
				return err
			}
			prev := map[uint64]domain.Kesepakatan{}
			for _, k := range old.Kesepakatan {
				prev[k.ID] = k
			}
			for i, k := range d.Kesepakatan {
				if p, ok := prev[k.ID]; ok && k.ID != 0 {
					d.Kesepakatan[i].CarriedFrom, d.Kesepakatan[i].Carried = p.CarriedFrom, p.Carried
					if p.Status != k.Status {
						lines = append(lines, fmt.Sprintf("kesepakatan %s: %s → %s", short(k.Text), p.Status, k.Status))
					}
					continue
				}
				d.Kesepakatan[i].ID, d.Kesepakatan[i].CarriedFrom, d.Kesepakatan[i].Carried = 0, 0, 0
			}
			d.Created = old.Created
			action = domain.ActionUpdate
		}
		for i := range d.Kesepakatan {
			d.Kesepakatan[i].Text = strings.TrimSpace(d.Kesepakatan[i].Text)
			d.Kesepakatan[i].Owner = strings.TrimSpace(d.Kesepakatan[i].Owner)
			if d.Kesepakatan[i].Status == 0 {
				d.Kesepakatan[i].Status = domain.KesepakatanBelum
			}
			if d.Kesepakatan[i].ID == 0 {
				d.Kesepakatan[i].ID = nextID()
			}
		}
		if seqErr != nil {
			return seqErr
		}
		if err := domain.ValidateDialog(sk, d); err != nil {
			return err
		}
		d.Updated = now
		v, err := encodeDialog(d)
		if err != nil {
			return err
		}
		if err := putItem(tx, sk.ID, itemDialog, d.ID, v); err != nil {
			return err
		}
		if err := writeSKPRow(tx, sk); err != nil {
			return err
		}
		head := fmt.Sprintf("dialog kinerja #%d, %s, %s, %d kesepakatan", d.ID, d.Date.Long(), d.Kind.Label(),
			len(d.Kesepakatan))
		if !d.NextDate.IsZero() {
			head += ", berikutnya " + d.NextDate.Long()
		}
		return auditSKP(tx, a, now, action, sk, append([]string{head}, lines...)...)
	})
	if err != nil {
		return 0, err
	}
	return d.ID, nil
}

package store

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// The performance cycle (issue 6): SKP plans, their workflow and
// revisions. Every method takes the actor from the context, loads the SKP
// in its transaction and applies domain.CanSKP to the stored SKP (never to
// what the caller sent), so a screen cannot widen its own rights. Every
// write keeps skp_rows and idx_skp_emp in step and appends an audit entry
// (entity "skp", employee = the SKP's pegawai) in the same transaction.

// EntitySKP names the performance cycle in audit entries.
const EntitySKP = "skp"

const (
	msgSKPNotFound  = "SKP tidak ditemukan; mungkin sudah dihapus."
	msgItemNotFound = "Data %s tidak ditemukan di SKP ini; mungkin sudah dihapus."
	msgMatrixOther  = "Anda hanya dapat melihat matriks pejabat penilai untuk diri sendiri."
)

// getSKP reads an SKP; ENOTFOUND when there is none.
func getSKP(tx *bolt.Tx, id uint64) (domain.SKP, error) {
	b := tx.Bucket(bucketSKP)
	if b == nil || id == 0 {
		return domain.SKP{}, fail(domain.ENOTFOUND, msgSKPNotFound, nil)
	}
	v := b.Get(idKey(id))
	if v == nil {
		return domain.SKP{}, fail(domain.ENOTFOUND, msgSKPNotFound, nil)
	}
	s, err := decodeSKP(v)
	if err != nil {
		return domain.SKP{}, corrupt("SKP", id, err)
	}
	s.ID = id
	return s, nil
}

// viewSKP reads an SKP the actor may see.
func viewSKP(tx *bolt.Tx, a domain.Actor, id uint64) (domain.SKP, error) {
	s, err := getSKP(tx, id)
	if err != nil {
		return s, err
	}
	if err := domain.CanSKP(a, s.Party(), domain.OpView); err != nil {
		return domain.SKP{}, err
	}
	return s, nil
}

// putSKP writes the plan, its index entry and its row. old is the stored
// version (nil for a new SKP).
func putSKP(tx *bolt.Tx, s domain.SKP, old *domain.SKP) error {
	b, err := bucket(tx, bucketSKP)
	if err != nil {
		return err
	}
	v, err := encodeSKP(s)
	if err != nil {
		return err
	}
	if err := b.Put(idKey(s.ID), v); err != nil {
		return err
	}
	ib, err := bucket(tx, bucketSKPEmp)
	if err != nil {
		return err
	}
	if old != nil && (old.EmployeeID != s.EmployeeID || old.Year != s.Year) {
		if err := ib.Delete(skpEmpKey(old.EmployeeID, old.Year, s.ID)); err != nil {
			return err
		}
	}
	if err := ib.Put(skpEmpKey(s.EmployeeID, s.Year, s.ID), indexValue); err != nil {
		return err
	}
	return writeSKPRow(tx, s)
}

// writeSKPRow recomputes the list row of s from the plan and its dialogs
// and evaluations.
func writeSKPRow(tx *bolt.Tx, s domain.SKP) error {
	dialogs, err := skpDialogs(tx, s.ID)
	if err != nil {
		return err
	}
	evals, err := skpEvals(tx, s.ID)
	if err != nil {
		return err
	}
	rb, err := bucket(tx, bucketSKPRows)
	if err != nil {
		return err
	}
	return rb.Put(idKey(s.ID), encodeSKPRow(skpRowOf(s, dialogs, evals)))
}

// skpRowOf derives the row: what the plan says, the final periodic
// predikat by period, the final annual predikat, the date of the latest
// dialog and the next dialog that one agreed.
func skpRowOf(s domain.SKP, dialogs []domain.Dialog, evals []domain.Evaluasi) domain.SKPRow {
	r := domain.SKPRow{SKPID: s.ID, EmployeeID: s.EmployeeID, Year: s.Year, Start: s.Start, End: s.End, Status: s.Status,
		PenilaiID: s.Penilai.EmployeeID, AtasanPenilaiID: s.AtasanPenilai.EmployeeID, UnitID: s.Pegawai.UnitID,
		RHKCount: len(s.RHK), PegawaiNama: s.Pegawai.Nama, PenilaiNama: s.Penilai.Nama}
	for _, e := range evals {
		if !e.Final {
			continue
		}
		switch e.Kind {
		case domain.EvalTahunan:
			r.Predikat = e.Predikat
		case domain.EvalPeriodik:
			if r.Periodik == nil {
				r.Periodik = map[int]domain.Predikat{}
			}
			r.Periodik[e.Period] = e.Predikat
		}
	}
	var last *domain.Dialog
	for i := range dialogs {
		d := &dialogs[i]
		if last == nil || last.Date.Before(d.Date) || last.Date == d.Date && last.ID < d.ID {
			last = d
		}
	}
	if last != nil {
		r.LastDialog, r.NextDialog = last.Date, last.NextDate
	}
	return r
}

// Item access: one SKP's items of a kind are one prefix scan.

func itemBucket(tx *bolt.Tx) (*bolt.Bucket, error) { return bucket(tx, bucketSKPItems) }

// eachItem calls fn with every item of kind (0: all) of one SKP, in key
// order.
func eachItem(tx *bolt.Tx, skpID uint64, kind byte, fn func(kind byte, id uint64, v []byte) error) error {
	b := tx.Bucket(bucketSKPItems)
	if b == nil {
		return nil
	}
	prefix := skpItemPrefix(skpID, kind)
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		_, kd, id, ok := parseSKPItemKey(k)
		if !ok {
			return corrupt("SKP", skpID, fmt.Errorf("item key %x", k))
		}
		if err := fn(kd, id, v); err != nil {
			return err
		}
	}
	return nil
}

func putItem(tx *bolt.Tx, skpID uint64, kind byte, id uint64, v []byte) error {
	b, err := itemBucket(tx)
	if err != nil {
		return err
	}
	return b.Put(skpItemKey(skpID, kind, id), v)
}

// getItem returns the stored value of an item, or ENOTFOUND.
func getItem(tx *bolt.Tx, skpID uint64, kind byte, id uint64) ([]byte, error) {
	if b := tx.Bucket(bucketSKPItems); b != nil && id != 0 {
		if v := b.Get(skpItemKey(skpID, kind, id)); v != nil {
			return v, nil
		}
	}
	return nil, fail(domain.ENOTFOUND, fmt.Sprintf(msgItemNotFound, itemKindNames[kind]), nil)
}

// nextItemID draws an id for an item (or a kesepakatan) from the
// skp_items sequence.
func nextItemID(tx *bolt.Tx) (uint64, error) {
	b, err := itemBucket(tx)
	if err != nil {
		return 0, err
	}
	return b.NextSequence()
}

func skpDialogs(tx *bolt.Tx, skpID uint64) ([]domain.Dialog, error) {
	var out []domain.Dialog
	err := eachItem(tx, skpID, itemDialog, func(_ byte, id uint64, v []byte) error {
		d, err := decodeDialog(v)
		if err != nil {
			return corrupt("dialog kinerja", id, err)
		}
		d.ID, d.SKPID = id, skpID
		out = append(out, d)
		return nil
	})
	return out, err
}

func skpEvals(tx *bolt.Tx, skpID uint64) ([]domain.Evaluasi, error) {
	var out []domain.Evaluasi
	err := eachItem(tx, skpID, itemEval, func(_ byte, id uint64, v []byte) error {
		e, err := decodeEval(v)
		if err != nil {
			return corrupt("evaluasi", id, err)
		}
		e.ID, e.SKPID = id, skpID
		out = append(out, e)
		return nil
	})
	return out, err
}

// auditSKP appends the entry of a change to SKP sk.
func auditSKP(tx *bolt.Tx, a domain.Actor, now time.Time, action string, sk domain.SKP, lines ...string) error {
	return appendAudit(tx, a, now, domain.AuditEntry{Action: action, Entity: EntitySKP, EntityID: sk.ID,
		Employee: sk.EmployeeID, Summary: append([]string{skpLabel(sk)}, lines...)})
}

func skpLabel(s domain.SKP) string {
	return fmt.Sprintf("SKP %d #%d: %s (%s)", s.Year, s.ID, s.Pegawai.Nama, periodText(s.Start, s.End))
}

func periodText(from, to domain.Date) string { return from.Long() + " – " + to.Long() }

// short cuts a text for an audit line.
func short(s string) string { return strconv.Quote(cleanText(strings.TrimSpace(s), 80)) }

// snapshotOf is the current snapshot of an employee (ok=false when the
// employee no longer exists).
func snapshotOf(tx *bolt.Tx, id uint64) (domain.PersonSnapshot, bool, error) {
	if id == 0 {
		return domain.PersonSnapshot{}, false, nil
	}
	e, err := getEmployee(tx, id)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return domain.PersonSnapshot{}, false, nil
	}
	if err != nil {
		return domain.PersonSnapshot{}, false, err
	}
	return domain.Snapshot(e, unitName(tx, e.UnitID)), true, nil
}

// unitName is the name of a unit, "" when it is gone.
func unitName(tx *bolt.Tx, id uint64) string {
	if b := tx.Bucket(bucketUnits); b != nil && id != 0 {
		if v := b.Get(idKey(id)); v != nil {
			if u, err := decodeUnit(v); err == nil {
				return u.Name
			}
		}
	}
	return ""
}

// actorName is how an actor signs feedback: the linked employee's name,
// else the account's label.
func actorName(tx *bolt.Tx, a domain.Actor) string {
	if a.EmployeeID != 0 {
		if r, ok := rowOf(tx, a.EmployeeID); ok {
			return r.Nama
		}
	}
	return a.Label()
}

// SKPRows returns the rows of the SKPs of year (0: every year) the actor
// may see, ordered by SKP id: all of them for Admin and Pimpinan; for
// others their own and, for a Penilai, those whose pejabat penilai or
// atasan pejabat penilai they are (domain.CanSKP, OpView). It reads only
// skp_rows.
func (s *Store) SKPRows(ctx context.Context, year int) ([]domain.SKPRow, error) {
	out := []domain.SKPRow{}
	err := s.read(ctx, "skp rows", needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		b := tx.Bucket(bucketSKPRows)
		if b == nil {
			return nil
		}
		all := seesEveryone(a)
		if sb := tx.Bucket(bucketSKP); sb != nil && all {
			out = make([]domain.SKPRow, 0, min(sb.Sequence(), 1<<17)) // the largest id bounds the count
		}
		c := b.Cursor()
		n := 0
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if n++; n%8192 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			id, ok := parseID(k)
			if !ok {
				return corrupt("daftar SKP", 0, fmt.Errorf("skp row key %x", k))
			}
			r, err := decodeSKPRow(id, v)
			if err != nil {
				return corrupt("daftar SKP", id, err)
			}
			if year != 0 && r.Year != year {
				continue
			}
			if all || domain.CanSKP(a, r.Party(), domain.OpView) == nil {
				out = append(out, r)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// SKPFile returns an SKP with everything under it, read in one
// transaction: the period work (by RHK in plan order, then period), the
// feedback (in the order written; an edit does not move an entry), the dialogs (by date), the evaluations
// (periodic by period, then the annual one) and the earlier versions
// (oldest first). Bukti come without their bytes (see BuktiFile).
func (s *Store) SKPFile(ctx context.Context, id uint64) (domain.SKPFile, error) {
	var f domain.SKPFile
	err := s.read(ctx, "skp file", needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		sk, err := viewSKP(tx, a, id)
		if err != nil {
			return err
		}
		f, err = fileOf(tx, sk)
		return err
	})
	if err != nil {
		return domain.SKPFile{}, err
	}
	return f, nil
}

// fileOf reads everything under SKP sk, in SKPFile's order.
func fileOf(tx *bolt.Tx, sk domain.SKP) (domain.SKPFile, error) {
	f := domain.SKPFile{SKP: sk}
	var items []rawItem
	var n [itemRevision + 1]int
	if err := eachItem(tx, sk.ID, 0, func(kind byte, iid uint64, v []byte) error {
		items = append(items, rawItem{kind: kind, id: iid, v: v})
		n[kind]++
		return nil
	}); err != nil {
		return f, err
	}
	f.Work = make([]domain.PeriodWork, n[itemWork])
	f.Feedback = make([]domain.Feedback, n[itemFeedback])
	f.Dialogs = make([]domain.Dialog, n[itemDialog])
	f.Evals = make([]domain.Evaluasi, n[itemEval])
	f.Revisions = make([]domain.SKPRevision, n[itemRevision])
	if err := decodeItems(items, sk.ID, &f); err != nil {
		return f, err
	}
	sortFile(&f)
	return f, nil
}

// rawItem is an item's key parts and its value, a slice into the mapped
// file: valid only inside the transaction.
type rawItem struct {
	kind byte
	id   uint64
	v    []byte
}

// decodeItems decodes the items of one SKP into f, whose slices have the
// right lengths. Keys order the items by kind, so the i-th item of a kind
// goes to index i of its slice. A large SKP (a year of feedback and
// realisasi) is decoded by several goroutines, split by bytes, since
// encoding/json is most of the cost of opening the SKP screen.
func decodeItems(items []rawItem, skpID uint64, f *domain.SKPFile) error {
	var first [itemRevision + 1]int // index in items of each kind's first entry
	for i := len(items) - 1; i >= 0; i-- {
		first[items[i].kind] = i
	}
	one := func(i int) error {
		it := items[i]
		at := i - first[it.kind]
		switch it.kind {
		case itemWork:
			w, err := decodeWork(it.v)
			if err != nil {
				return corrupt("realisasi", it.id, err)
			}
			w.ID, w.SKPID = it.id, skpID
			f.Work[at] = w
		case itemFeedback:
			fb, err := decodeFeedback(it.v)
			if err != nil {
				return corrupt("umpan balik", it.id, err)
			}
			fb.ID, fb.SKPID = it.id, skpID
			f.Feedback[at] = fb
		case itemDialog:
			d, err := decodeDialog(it.v)
			if err != nil {
				return corrupt("dialog kinerja", it.id, err)
			}
			d.ID, d.SKPID = it.id, skpID
			f.Dialogs[at] = d
		case itemEval:
			e, err := decodeEval(it.v)
			if err != nil {
				return corrupt("evaluasi", it.id, err)
			}
			e.ID, e.SKPID = it.id, skpID
			f.Evals[at] = e
		case itemRevision:
			_, r, err := decodeRevision(it.v)
			if err != nil {
				return corrupt("revisi SKP", it.id, err)
			}
			r.SKPID = skpID
			f.Revisions[at] = r
		}
		return nil
	}
	total := 0
	for _, it := range items {
		total += len(it.v)
	}
	workers := min(runtime.GOMAXPROCS(0), 1+total/(32<<10))
	if workers <= 1 {
		for i := range items {
			if err := one(i); err != nil {
				return err
			}
		}
		return nil
	}
	// Cut items into runs of about total/workers bytes each.
	var bounds []int
	acc, share := 0, total/workers+1
	for i, it := range items {
		if acc >= share*(len(bounds)+1) {
			bounds = append(bounds, i)
		}
		acc += len(it.v)
	}
	bounds = append(append([]int{0}, bounds...), len(items))
	errs := make([]error, len(bounds)-1)
	var wg sync.WaitGroup
	for w := range errs {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			defer debug.SetPanicOnFault(debug.SetPanicOnFault(true)) // as guard does for the caller
			defer func() {
				if r := recover(); r != nil { // a damaged page: see guard
					errs[w] = fail(domain.EINTERNAL, msgDamaged, fmt.Errorf("decode skp items: panic: %v", r))
				}
			}()
			for i := bounds[w]; i < bounds[w+1]; i++ {
				if err := one(i); err != nil {
					errs[w] = err
					return
				}
			}
		}(w)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// sortFile puts the parts of an SKP file in the documented order. Items
// arrive in id order, which is creation order: stable sorts keep it for
// ties.
func sortFile(f *domain.SKPFile) {
	pos := make(map[uint64]int, len(f.SKP.RHK))
	for i, r := range f.SKP.RHK {
		pos[r.ID] = i
	}
	rhkPos := func(id uint64) int {
		if p, ok := pos[id]; ok {
			return p
		}
		return len(pos) // an RHK no longer in the plan: last
	}
	slices.SortStableFunc(f.Work, func(a, b domain.PeriodWork) int {
		if pa, pb := rhkPos(a.RHKID), rhkPos(b.RHKID); pa != pb {
			return pa - pb
		}
		return a.Period - b.Period
	})
	// An edit moves Time; the log stays in the order entries were written.
	written := func(f domain.Feedback) time.Time {
		if len(f.History) > 0 {
			return f.History[0].Time
		}
		return f.Time
	}
	slices.SortStableFunc(f.Feedback, func(a, b domain.Feedback) int { return written(a).Compare(written(b)) })
	slices.SortStableFunc(f.Dialogs, func(a, b domain.Dialog) int { return a.Date.Compare(b.Date) })
	slices.SortStableFunc(f.Evals, func(a, b domain.Evaluasi) int {
		if a.Kind != b.Kind {
			return int(a.Kind) - int(b.Kind) // EvalPeriodik before EvalTahunan
		}
		return a.Period - b.Period
	})
}

// CreateSKP starts a Draft SKP for employee empID in year and returns its
// id. The pegawai, the pejabat penilai and the atasan pejabat penilai are
// copied in from the profiles and that year's effective atasan map. The
// period is 1 Januari – 31 Desember, or the first part of the year the
// employee's other SKPs of that year leave free (a new SKP after a change
// of jabatan); periods of one employee never overlap. copyFrom (0: none)
// copies the plan of another SKP the actor may view (domain.CopyPlan).
// A Pegawai creates the own SKP, Admin anyone's (domain.CanCreateSKP).
func (s *Store) CreateSKP(ctx context.Context, empID uint64, year int, copyFrom uint64) (uint64, error) {
	op := "create skp " + strconv.FormatUint(empID, 10)
	if err := checkSKPYear(year); err != nil {
		return 0, boundary(op, err)
	}
	var id uint64
	err := s.write(ctx, op, func(a domain.Actor) error { return domain.CanCreateSKP(a, empID) },
		func(tx *bolt.Tx, a domain.Actor) error {
			e, err := getEmployee(tx, empID)
			if err != nil {
				return err
			}
			v, err := newAtasanView(tx, year)
			if err != nil {
				return err
			}
			atasan, err := v.atasan(empID)
			if err != nil {
				return err
			}
			atasanPenilai, err := v.penilai(empID)
			if err != nil {
				return err
			}
			pen, _, err := snapshotOf(tx, atasan)
			if err != nil {
				return err
			}
			atp, _, err := snapshotOf(tx, atasanPenilai)
			if err != nil {
				return err
			}
			now := s.stamp()
			sk := domain.NewSKP(e, year, pen, atp, unitName(tx, e.UnitID), now)
			// A year already covered is refused by overlap, naming the SKP.
			if sk.Start, sk.End, _, err = freePeriod(tx, sk); err != nil {
				return err
			}
			lines := []string{}
			if copyFrom != 0 {
				src, err := viewSKP(tx, a, copyFrom)
				if err != nil {
					return err
				}
				domain.CopyPlan(src, &sk)
				lines = append(lines, fmt.Sprintf("disalin dari SKP %d #%d (%d RHK)", src.Year, src.ID, len(src.RHK)))
			}
			if err := overlap(tx, sk); err != nil {
				return err
			}
			b, err := bucket(tx, bucketSKP)
			if err != nil {
				return err
			}
			if sk.ID, err = b.NextSequence(); err != nil {
				return err
			}
			if err := putSKP(tx, sk, nil); err != nil {
				return err
			}
			id = sk.ID
			lines = append(lines, "pejabat penilai: "+personText(sk.Penilai),
				"atasan pejabat penilai: "+personText(sk.AtasanPenilai))
			return auditSKP(tx, a, now, domain.ActionCreate, sk, lines...)
		})
	if err != nil {
		return 0, err
	}
	return id, nil
}

func personText(p domain.PersonSnapshot) string {
	if p.Nama == "" {
		return "-"
	}
	return strconv.Quote(p.Nama)
}

func checkSKPYear(year int) error {
	if year < minAtasanYear || year > maxAtasanYear {
		return fail(domain.EINVALID, fmt.Sprintf("Tahun SKP harus antara %d dan %d.", minAtasanYear, maxAtasanYear), nil)
	}
	return nil
}

// employeeSKPRows reads the rows of an employee's SKPs of year (0: all
// years) through idx_skp_emp.
func employeeSKPRows(tx *bolt.Tx, empID uint64, year int) ([]domain.SKPRow, error) {
	ib, rb := tx.Bucket(bucketSKPEmp), tx.Bucket(bucketSKPRows)
	if ib == nil || rb == nil {
		return nil, nil
	}
	prefix := idKey(empID)
	if year != 0 {
		prefix = skpEmpKey(empID, year, 0)[:10]
	}
	var out []domain.SKPRow
	c := ib.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		_, _, id, ok := parseSKPEmpKey(k)
		if !ok {
			return nil, corrupt("indeks SKP", 0, fmt.Errorf("idx_skp_emp key %x", k))
		}
		v := rb.Get(idKey(id))
		if v == nil {
			return nil, corrupt("daftar SKP", id, fmt.Errorf("no row"))
		}
		r, err := decodeSKPRow(id, v)
		if err != nil {
			return nil, corrupt("daftar SKP", id, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// freePeriod is the period of a new SKP of the year: the first stretch
// of the year not covered by the employee's other SKPs, up to the start
// of the next one or 31 Desember. ok=false when the year is covered.
func freePeriod(tx *bolt.Tx, sk domain.SKP) (from, to domain.Date, ok bool, err error) {
	rows, err := employeeSKPRows(tx, sk.EmployeeID, sk.Year)
	if err != nil {
		return from, to, false, err
	}
	slices.SortFunc(rows, func(a, b domain.SKPRow) int { return a.Start.Compare(b.Start) })
	from = domain.Date{Year: sk.Year, Month: time.January, Day: 1}
	for _, r := range rows {
		if from.Before(r.Start) {
			return from, r.Start.AddDays(-1), true, nil
		}
		if !r.End.Before(from) {
			from = r.End.AddDays(1)
		}
	}
	if from.Year != sk.Year {
		return sk.Start, sk.End, false, nil
	}
	return from, domain.Date{Year: sk.Year, Month: time.December, Day: 31}, true, nil
}

// overlap refuses a period that overlaps another SKP of the same
// employee.
func overlap(tx *bolt.Tx, sk domain.SKP) error {
	rows, err := employeeSKPRows(tx, sk.EmployeeID, 0)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if r.SKPID == sk.ID || r.End.Before(sk.Start) || sk.End.Before(r.Start) {
			continue
		}
		return fieldErr(domain.ECONFLICT, domain.FieldPeriode, fmt.Sprintf("Periode %s bertumpang tindih dengan SKP #%d "+
			"pegawai yang sama (%s, %s). Satu pegawai dapat punya beberapa SKP dalam setahun, misalnya karena pindah "+
			"jabatan, tetapi periodenya tidak boleh bertumpang tindih: ubah dulu akhir periode SKP yang lama.",
			periodText(sk.Start, sk.End), r.SKPID, periodText(r.Start, r.End), r.Status))
	}
	return nil
}

// SaveSKP stores the plan of s.ID: RHK with their indicators, ekspektasi,
// lampiran, pendekatan and period, while the SKP is Draft or Dikembalikan
// (domain.CanSKP, OpEdit). Pejabat penilai and atasan penilai change only
// when Admin sends other ones (OpEditPenilai, also while Diajukan when the
// plan itself is unchanged); a penilai who is an employee is copied in
// from the profile, one who is not (ids 0) is kept as typed. Status, revision, the pegawai and the timestamps are the
// store's. RHK and indicators without an id get one; an RHK that already
// has realisasi or umpan balik cannot be removed. Nothing is written when
// nothing changed.
func (s *Store) SaveSKP(ctx context.Context, in domain.SKP) error {
	op := "save skp " + strconv.FormatUint(in.ID, 10)
	return s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		old, err := getSKP(tx, in.ID)
		if err != nil {
			return err
		}
		n := old
		n.RHK = cloneRHK(in.RHK)
		n.Ekspektasi = in.Ekspektasi
		n.Lampiran = domain.Lampiran{DukunganSumberDaya: trimList(in.Lampiran.DukunganSumberDaya),
			SkemaPertanggungjawaban: trimList(in.Lampiran.SkemaPertanggungjawaban),
			Konsekuensi:             trimList(in.Lampiran.Konsekuensi)}
		n.Pendekatan = in.Pendekatan
		n.Start, n.End = in.Start, in.End
		n.NextRHKID = max(old.NextRHKID, in.NextRHKID)
		// Admin may correct the penilai of a submitted SKP without
		// touching its plan, so the plan needs OpEdit only when it changes.
		penilaiChanged := in.Penilai != old.Penilai || in.AtasanPenilai != old.AtasanPenilai
		if len(diffPlan(old, n)) > 0 || !penilaiChanged {
			if err := domain.CanSKP(a, old.Party(), domain.OpEdit); err != nil {
				return err
			}
		}
		if err := assignPlanIDs(&n); err != nil {
			return err
		}
		if penilaiChanged {
			if err := domain.CanSKP(a, old.Party(), domain.OpEditPenilai); err != nil {
				return err
			}
			if n.Penilai, err = penilaiSnapshot(tx, old, in.Penilai); err != nil {
				return err
			}
			if n.AtasanPenilai, err = penilaiSnapshot(tx, old, in.AtasanPenilai); err != nil {
				return err
			}
		}
		if err := domain.ValidateSKP(n); err != nil {
			return err
		}
		if err := checkTexts(n); err != nil {
			return err
		}
		if err := keepUsedRHK(tx, old, n); err != nil {
			return err
		}
		if n.Start != old.Start || n.End != old.End {
			if err := overlap(tx, n); err != nil {
				return err
			}
		}
		lines := diffPlan(old, n)
		if len(lines) == 0 {
			return nil
		}
		now := s.stamp()
		n.Updated = now
		if err := putSKP(tx, n, &old); err != nil {
			return err
		}
		return auditSKP(tx, a, now, domain.ActionUpdate, n, lines...)
	})
}

func cloneRHK(rs []domain.RHK) []domain.RHK {
	if len(rs) == 0 {
		return nil
	}
	out := make([]domain.RHK, len(rs))
	for i, r := range rs {
		r.Indikator = slices.Clip(slices.Clone(r.Indikator))
		if len(r.Indikator) == 0 {
			r.Indikator = nil // as stored: an empty list reads back as nil
		}
		out[i] = r
	}
	return out
}

// trimList drops empty lines of a lampiran list.
func trimList(l []string) []string {
	var out []string
	for _, s := range l {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// checkTexts refuses text that JSON would silently alter.
func checkTexts(sk domain.SKP) error {
	texts := []string{sk.Penilai.Nama, sk.AtasanPenilai.Nama}
	texts = append(texts, sk.Ekspektasi[:]...)
	texts = append(texts, sk.Lampiran.DukunganSumberDaya...)
	texts = append(texts, sk.Lampiran.SkemaPertanggungjawaban...)
	texts = append(texts, sk.Lampiran.Konsekuensi...)
	for _, r := range sk.RHK {
		texts = append(texts, r.Text, r.Intervensi, r.PenugasanDari)
		for _, in := range r.Indikator {
			texts = append(texts, in.IKI, in.Target, in.Satuan)
		}
	}
	return validText(texts...)
}

// validText refuses invalid UTF-8, which JSON would replace silently.
func validText(texts ...string) error {
	for _, t := range texts {
		if !utf8.ValidString(t) {
			return fail(domain.EINVALID, "Isian berisi karakter yang tidak sah.", nil)
		}
	}
	return nil
}

// assignPlanIDs gives RHK and indicators without an id the SKP's next
// ids and refuses an id used twice.
func assignPlanIDs(sk *domain.SKP) error {
	seen := map[uint64]bool{}
	for _, r := range sk.RHK {
		for _, id := range append([]uint64{r.ID}, indIDs(r)...) {
			if id == 0 {
				continue
			}
			if seen[id] {
				return fail(domain.EINVALID, "Rencana hasil kerja atau indikatornya memakai nomor yang sama dua kali; "+
					"muat ulang SKP lalu ulangi perubahan.", nil)
			}
			seen[id] = true
		}
	}
	for i := range sk.RHK {
		if sk.RHK[i].ID == 0 {
			sk.RHK[i].ID = sk.NewID()
		}
		for j := range sk.RHK[i].Indikator {
			if sk.RHK[i].Indikator[j].ID == 0 {
				sk.RHK[i].Indikator[j].ID = sk.NewID()
			}
		}
	}
	for id := range seen { // ids never come back, even after their RHK is removed
		sk.NextRHKID = max(sk.NextRHKID, id)
	}
	return nil
}

func indIDs(r domain.RHK) []uint64 {
	out := make([]uint64, len(r.Indikator))
	for i, in := range r.Indikator {
		out[i] = in.ID
	}
	return out
}

// penilaiSnapshot is the person Admin chose: an employee (not the pegawai
// himself) copied from the profile, or a person outside the office as
// typed (ids 0; e.g. the kepala daerah), or nobody.
func penilaiSnapshot(tx *bolt.Tx, sk domain.SKP, p domain.PersonSnapshot) (domain.PersonSnapshot, error) {
	if p.EmployeeID == 0 {
		p.Nama, p.NIP, p.Jabatan = strings.TrimSpace(p.Nama), strings.TrimSpace(p.NIP), strings.TrimSpace(p.Jabatan)
		p.UnitID = 0
		return p, nil
	}
	if p.EmployeeID == sk.EmployeeID {
		return p, fieldErr(domain.EINVALID, domain.FieldAtasan, "Pegawai tidak dapat menjadi pejabat penilai SKP-nya sendiri.")
	}
	snap, ok, err := snapshotOf(tx, p.EmployeeID)
	if err != nil {
		return p, err
	}
	if !ok {
		return p, fieldErr(domain.EINVALID, domain.FieldAtasan, "Pejabat penilai yang dipilih tidak ada di data pegawai.")
	}
	return snap, nil
}

// keepUsedRHK refuses to drop an RHK that realisasi or umpan balik refer
// to: they would lose their meaning.
func keepUsedRHK(tx *bolt.Tx, old, n domain.SKP) error {
	kept := map[uint64]bool{}
	for _, r := range n.RHK {
		kept[r.ID] = true
	}
	var dropped []domain.RHK
	for _, r := range old.RHK {
		if !kept[r.ID] {
			dropped = append(dropped, r)
		}
	}
	if len(dropped) == 0 {
		return nil
	}
	used := map[uint64]string{}
	err := eachItem(tx, old.ID, 0, func(kind byte, id uint64, v []byte) error {
		switch kind {
		case itemWork:
			w, err := decodeWork(v)
			if err != nil {
				return corrupt("realisasi", id, err)
			}
			used[w.RHKID] = "rencana aksi atau realisasi"
		case itemFeedback:
			f, err := decodeFeedback(v)
			if err != nil {
				return corrupt("umpan balik", id, err)
			}
			if _, ok := used[f.Target.RHKID]; !ok {
				used[f.Target.RHKID] = "umpan balik"
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, r := range dropped {
		if what, ok := used[r.ID]; ok {
			return fail(domain.ECONFLICT, fmt.Sprintf("RHK %q sudah punya %s, jadi tidak dapat dihapus. "+
				"Ubah uraiannya bila perlu.", cleanText(r.Text, 60), what), nil)
		}
	}
	return nil
}

// diffPlan lists what a plan edit changed, briefly.
func diffPlan(old, n domain.SKP) []string {
	var out []string
	if old.Start != n.Start || old.End != n.End {
		out = append(out, "periode: "+periodText(old.Start, old.End)+" → "+periodText(n.Start, n.End))
	}
	if old.Pendekatan != n.Pendekatan {
		out = append(out, "pendekatan: "+old.Pendekatan.String()+" → "+n.Pendekatan.String())
	}
	if old.Penilai != n.Penilai {
		out = append(out, "pejabat penilai: "+personText(old.Penilai)+" → "+personText(n.Penilai))
	}
	if old.AtasanPenilai != n.AtasanPenilai {
		out = append(out, "atasan pejabat penilai: "+personText(old.AtasanPenilai)+" → "+personText(n.AtasanPenilai))
	}
	if len(old.RHK) != len(n.RHK) {
		out = append(out, fmt.Sprintf("RHK: %d → %d", len(old.RHK), len(n.RHK)))
	}
	var changed []string
	for i, r := range n.RHK {
		if i < len(old.RHK) && !reflect.DeepEqual(old.RHK[i], r) {
			changed = append(changed, strconv.Itoa(i+1))
		}
	}
	if len(changed) > 0 {
		out = append(out, "RHK diubah: "+strings.Join(changed, ", "))
	}
	if old.Ekspektasi != n.Ekspektasi {
		out = append(out, "ekspektasi khusus pimpinan diubah")
	}
	if !reflect.DeepEqual(old.Lampiran, n.Lampiran) {
		out = append(out, "lampiran diubah")
	}
	return out
}

// SKPAction takes a workflow step (domain.ApplySKPAction: ajukan,
// setujui, kembalikan with a note, revisi with a reason). Before a
// revision the current version is kept whole as a domain.SKPRevision
// (who, when, why), so every earlier version stays viewable in
// SKPFile.Revisions.
func (s *Store) SKPAction(ctx context.Context, id uint64, act domain.SKPAction, note string) error {
	op := "skp action " + strconv.FormatUint(id, 10)
	return s.write(ctx, op, needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		old, err := getSKP(tx, id)
		if err != nil {
			return err
		}
		if err := validText(note); err != nil {
			return err
		}
		n := old
		now := s.stamp()
		if err := domain.ApplySKPAction(&n, act, a, note, now); err != nil {
			return err
		}
		lines := []string{"status: " + old.Status.String() + " → " + n.Status.String()}
		switch act {
		case domain.ActReturn:
			lines = append(lines, "catatan: "+short(n.ReturnNote))
		case domain.ActRevise:
			rid, err := nextItemID(tx)
			if err != nil {
				return err
			}
			v, err := encodeRevision(rid, domain.SKPRevision{SKPID: id, Revision: old.Revision, Time: now, By: a.Label(),
				Reason: n.RevisionNote, SKP: old})
			if err != nil {
				return err
			}
			if err := putItem(tx, id, itemRevision, rid, v); err != nil {
				return err
			}
			lines = append(lines, fmt.Sprintf("revisi ke-%d, alasan: %s (versi sebelumnya disimpan)", n.Revision,
				short(n.RevisionNote)))
		}
		if err := putSKP(tx, n, &old); err != nil {
			return err
		}
		return auditSKP(tx, a, now, domain.ActionStatus, n, lines...)
	})
}

// IntervensiOptions lists the RHK an SKP may intervene: those of its
// pejabat penilai's own SKPs of the same year whose period overlaps, in
// plan order. Empty when the penilai has none in asndesk (the RHK atasan
// is then typed).
func (s *Store) IntervensiOptions(ctx context.Context, skpID uint64) ([]domain.RHKRef, error) {
	out := []domain.RHKRef{}
	err := s.read(ctx, "intervensi options", needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		sk, err := viewSKP(tx, a, skpID)
		if err != nil {
			return err
		}
		if sk.Penilai.EmployeeID == 0 {
			return nil
		}
		rows, err := employeeSKPRows(tx, sk.Penilai.EmployeeID, sk.Year)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if r.End.Before(sk.Start) || sk.End.Before(r.Start) {
				continue
			}
			p, err := getSKP(tx, r.SKPID)
			if err != nil {
				return err
			}
			for _, h := range p.RHK {
				out = append(out, domain.RHKRef{SKPID: p.ID, RHKID: h.ID, Text: h.Text, Owner: p.Pegawai.Nama})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// MatrixSKPs returns what the penilai's Matriks shows for year: the
// penilai's own SKP (the latest-starting one of the year; ID 0 when none)
// and the SKPs of that year whose pejabat penilai he or she is, by id.
// A penilai sees the own matrix; Admin and Pimpinan anyone's.
func (s *Store) MatrixSKPs(ctx context.Context, penilaiEmpID uint64, year int) (domain.SKP, []domain.SKP, error) {
	var own domain.SKP
	subs := []domain.SKP{}
	err := s.read(ctx, "matrix skps", needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		if !seesEveryone(a) && (penilaiEmpID == 0 || a.EmployeeID != penilaiEmpID) {
			return fail(domain.EFORBIDDEN, msgMatrixOther, nil)
		}
		rows, err := employeeSKPRows(tx, penilaiEmpID, year)
		if err != nil {
			return err
		}
		var latest *domain.SKPRow
		for i := range rows {
			if latest == nil || !rows[i].Start.Before(latest.Start) {
				latest = &rows[i]
			}
		}
		if latest != nil {
			if own, err = getSKP(tx, latest.SKPID); err != nil {
				return err
			}
		}
		rb := tx.Bucket(bucketSKPRows)
		if rb == nil {
			return nil
		}
		return rb.ForEach(func(k, v []byte) error {
			id, _ := parseID(k)
			r, err := decodeSKPRow(id, v)
			if err != nil {
				return corrupt("daftar SKP", id, err)
			}
			if r.Year != year || r.PenilaiID != penilaiEmpID || r.EmployeeID == penilaiEmpID {
				return nil
			}
			sk, err := getSKP(tx, id)
			if err != nil {
				return err
			}
			subs = append(subs, sk)
			return nil
		})
	})
	if err != nil {
		return domain.SKP{}, nil, err
	}
	return own, subs, nil
}

// deleteSKPsOf removes every SKP of an employee with everything under it
// (rows, index entries, items, bukti bytes) and returns how many SKPs
// there were. It is the SKP part of deleting an employee, like
// deleteRiwayatOf: an SKP without its pegawai is reported by Check.
func deleteSKPsOf(tx *bolt.Tx, empID uint64) (int, error) {
	ib := tx.Bucket(bucketSKPEmp)
	if ib == nil {
		return 0, nil
	}
	prefix := idKey(empID)
	var keys [][]byte
	c := ib.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	for _, k := range keys {
		_, _, id, ok := parseSKPEmpKey(k)
		if !ok {
			return 0, corrupt("indeks SKP", 0, fmt.Errorf("idx_skp_emp key %x", k))
		}
		var items, blobs [][]byte
		err := eachItem(tx, id, 0, func(kind byte, iid uint64, v []byte) error {
			items = append(items, skpItemKey(id, kind, iid))
			if kind != itemWork {
				return nil
			}
			w, err := decodeWork(v)
			if err != nil {
				return corrupt("realisasi", iid, err)
			}
			for _, b := range w.Bukti {
				blobs = append(blobs, idKey(b.ID))
			}
			return nil
		})
		if err != nil {
			return 0, err
		}
		for _, del := range []struct {
			name []byte
			keys [][]byte
		}{{bucketSKPItems, items}, {bucketBukti, blobs}, {bucketSKP, [][]byte{idKey(id)}},
			{bucketSKPRows, [][]byte{idKey(id)}}, {bucketSKPEmp, [][]byte{k}}} {
			b, err := bucket(tx, del.name)
			if err != nil {
				return 0, err
			}
			for _, key := range del.keys {
				if err := b.Delete(key); err != nil {
					return 0, err
				}
			}
		}
	}
	return len(keys), nil
}

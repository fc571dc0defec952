package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// LoadDemoKinerja writes the demo office's performance cycle in one
// transaction: SKPs, realisasi with bukti, feedback, dialogs, evaluations,
// earlier versions and the predikat kinerja organisasi. Only a demo
// office may be loaded this way (EINVALID otherwise), and only while it
// has no SKP yet (ECONFLICT). Records keep the ids they have (unique per
// kind; RHK, indicator and kesepakatan ids too); zero ids get the next free
// ones. Missing copies of people are taken as CreateSKP takes them (the
// profile, and the year's atasan map when no penilai is given); zero
// times are now. Everything is checked with the rules the single writes
// use, except the workflow (the demo shows every status): final
// evaluations are finalised with domain.FinalizeEvaluasi at their FinalAt.
// A system actor or Admin; audited as one entry.
func (s *Store) LoadDemoKinerja(ctx context.Context, k domain.KinerjaDemo) error {
	return s.write(ctx, "load demo kinerja", systemOrAdmin, func(tx *bolt.Tx, a domain.Actor) error {
		if a.IsZero() {
			a = domain.SystemActor("data contoh")
		}
		l := &demoLoader{tx: tx, now: s.stamp(), by: a.Label(), skps: map[uint64]*domain.SKP{},
			dialogs: map[uint64][]domain.Dialog{}, evals: map[uint64][]domain.Evaluasi{}, views: map[int]*atasanView{}}
		if err := l.check(); err != nil {
			return err
		}
		if err := l.load(ctx, k); err != nil {
			return err
		}
		return appendAudit(tx, a, l.now, domain.AuditEntry{Action: domain.ActionImport, Entity: EntitySKP,
			Summary: []string{"data contoh kinerja", fmt.Sprintf("%d SKP, %d realisasi, %d umpan balik, %d dialog kinerja, "+
				"%d evaluasi, %d revisi, %d predikat organisasi", len(k.SKPs), len(k.Work), len(k.Feedback), len(k.Dialogs),
				len(k.Evals), len(k.Revisions), len(k.Org))}})
	})
}

type demoLoader struct {
	tx      *bolt.Tx
	now     time.Time
	by      string
	set     domain.SKPSettings
	skps    map[uint64]*domain.SKP
	dialogs map[uint64][]domain.Dialog
	evals   map[uint64][]domain.Evaluasi

	usedItem, usedBukti map[uint64]bool
	nextItem, nextBukti uint64
	views               map[int]*atasanView // by year, for SKPs without a penilai
}

// check makes sure the file holds a demo office without SKPs.
func (l *demoLoader) check() error {
	mb, err := bucket(l.tx, bucketMeta)
	if err != nil {
		return err
	}
	msg := "Data kinerja contoh hanya dapat dimuat ke kantor contoh."
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
	for _, name := range [][]byte{bucketSKP, bucketSKPItems, bucketBukti, bucketSKPOrg} {
		b, err := bucket(l.tx, name)
		if err != nil {
			return err
		}
		if k, _ := b.Cursor().First(); k != nil {
			return fail(domain.ECONFLICT, "Kantor contoh ini sudah berisi data kinerja.", nil)
		}
	}
	l.set, err = readSKPSettings(l.tx)
	return err
}

// itemID keeps a given id or draws the next free one.
func (l *demoLoader) itemID(id uint64, what string) (uint64, error) {
	if id == 0 {
		l.nextItem++
		return l.nextItem, nil
	}
	if l.usedItem[id] {
		return 0, fail(domain.EINVALID, fmt.Sprintf("Data contoh: %s #%d tidak punya ID tersendiri.", what, id), nil)
	}
	l.usedItem[id] = true
	return id, nil
}

func (l *demoLoader) fail(format string, a ...any) error {
	return fail(domain.EINVALID, "Data contoh: "+fmt.Sprintf(format, a...), nil)
}

// wrap names the record a rule refused.
func wrap(what string, id uint64, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("data contoh: %s #%d: %w", what, id, err)
}

func (l *demoLoader) load(ctx context.Context, k domain.KinerjaDemo) error {
	tx := l.tx
	// Item ids are drawn past every id given, of any kind, so that none
	// is taken twice.
	l.usedItem, l.usedBukti = map[uint64]bool{}, map[uint64]bool{}
	for _, w := range k.Work {
		l.nextItem = max(l.nextItem, w.ID)
		for _, b := range w.Bukti {
			l.nextBukti = max(l.nextBukti, b.ID)
		}
	}
	for _, f := range k.Feedback {
		l.nextItem = max(l.nextItem, f.ID)
	}
	for _, d := range k.Dialogs {
		l.nextItem = max(l.nextItem, d.ID)
		for _, x := range d.Kesepakatan {
			l.nextItem = max(l.nextItem, x.ID)
		}
	}
	for _, e := range k.Evals {
		l.nextItem = max(l.nextItem, e.ID)
	}

	var nextSKP uint64
	for _, sk := range k.SKPs {
		nextSKP = max(nextSKP, sk.ID)
	}
	skpB, err := bucket(tx, bucketSKP)
	if err != nil {
		return err
	}
	var order []uint64
	for _, sk := range k.SKPs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if sk.ID == 0 {
			nextSKP++
			sk.ID = nextSKP
		} else if l.skps[sk.ID] != nil {
			return l.fail("SKP #%d tidak punya ID tersendiri.", sk.ID)
		}
		if err := l.prepareSKP(&sk); err != nil {
			return err
		}
		l.skps[sk.ID] = &sk
		order = append(order, sk.ID)
	}
	// Periods of one employee must not overlap, as CreateSKP and SaveSKP
	// insist.
	byEmp := map[uint64][]*domain.SKP{}
	for _, id := range order {
		byEmp[l.skps[id].EmployeeID] = append(byEmp[l.skps[id].EmployeeID], l.skps[id])
	}
	for emp, list := range byEmp {
		slices.SortFunc(list, func(a, b *domain.SKP) int { return a.Start.Compare(b.Start) })
		for i := 1; i < len(list); i++ {
			if !list[i-1].End.Before(list[i].Start) {
				return l.fail("SKP #%d dan #%d pegawai #%d bertumpang tindih periodenya.", list[i-1].ID, list[i].ID, emp)
			}
		}
	}

	for _, w := range k.Work {
		if err := l.putWork(w); err != nil {
			return err
		}
	}
	for _, f := range k.Feedback {
		if err := l.putFeedback(f); err != nil {
			return err
		}
	}
	for _, d := range k.Dialogs {
		if err := l.putDialog(d); err != nil {
			return err
		}
	}
	for _, e := range k.Evals {
		if err := l.putEval(e); err != nil {
			return err
		}
	}
	for _, r := range k.Revisions {
		if err := l.putRevision(r); err != nil {
			return err
		}
	}
	for _, o := range k.Org {
		if err := l.putOrg(o); err != nil {
			return err
		}
	}

	// The SKPs last: their rows need the dialogs and evaluations.
	ib, err := bucket(tx, bucketSKPEmp)
	if err != nil {
		return err
	}
	rb, err := bucket(tx, bucketSKPRows)
	if err != nil {
		return err
	}
	slices.Sort(order)
	skpB.FillPercent, rb.FillPercent = 1, 1
	for _, id := range order {
		sk := *l.skps[id]
		v, err := encodeSKP(sk)
		if err != nil {
			return err
		}
		if err := skpB.Put(idKey(id), v); err != nil {
			return err
		}
		if err := ib.Put(skpEmpKey(sk.EmployeeID, sk.Year, id), indexValue); err != nil {
			return err
		}
		if err := rb.Put(idKey(id), encodeSKPRow(skpRowOf(sk, l.dialogs[id], l.evals[id]))); err != nil {
			return err
		}
	}
	if nextSKP > skpB.Sequence() {
		if err := skpB.SetSequence(nextSKP); err != nil {
			return err
		}
	}
	itB, err := itemBucket(tx)
	if err != nil {
		return err
	}
	if l.nextItem > itB.Sequence() {
		if err := itB.SetSequence(l.nextItem); err != nil {
			return err
		}
	}
	bb, err := bucket(tx, bucketBukti)
	if err != nil {
		return err
	}
	if l.nextBukti > bb.Sequence() {
		return bb.SetSequence(l.nextBukti)
	}
	return nil
}

// person fills a missing copy of a person from the profile.
func (l *demoLoader) person(p domain.PersonSnapshot) (domain.PersonSnapshot, error) {
	if p.EmployeeID == 0 || p.Nama != "" {
		return p, nil
	}
	snap, ok, err := snapshotOf(l.tx, p.EmployeeID)
	if err != nil {
		return p, err
	}
	if !ok {
		return p, l.fail("pegawai #%d tidak ada.", p.EmployeeID)
	}
	return snap, nil
}

func (l *demoLoader) prepareSKP(sk *domain.SKP) error {
	e, err := getEmployee(l.tx, sk.EmployeeID)
	if err != nil {
		return l.fail("SKP #%d merujuk pegawai #%d yang tidak ada.", sk.ID, sk.EmployeeID)
	}
	if err := checkSKPYear(sk.Year); err != nil {
		return wrap("SKP", sk.ID, err)
	}
	if sk.Pegawai == (domain.PersonSnapshot{}) {
		sk.Pegawai = domain.Snapshot(e, unitName(l.tx, e.UnitID))
	}
	sk.Pegawai.EmployeeID = e.ID
	if sk.Penilai == (domain.PersonSnapshot{}) && sk.AtasanPenilai == (domain.PersonSnapshot{}) {
		v := l.views[sk.Year]
		if v == nil {
			if v, err = newAtasanView(l.tx, sk.Year); err != nil {
				return err
			}
			if err := v.loadEntries(); err != nil {
				return err
			}
			l.views[sk.Year] = v
		}
		if sk.Penilai.EmployeeID, err = v.atasan(e.ID); err != nil {
			return err
		}
		if sk.AtasanPenilai.EmployeeID, err = v.penilai(e.ID); err != nil {
			return err
		}
	}
	if sk.Penilai, err = l.person(sk.Penilai); err != nil {
		return err
	}
	if sk.AtasanPenilai, err = l.person(sk.AtasanPenilai); err != nil {
		return err
	}
	if sk.Status == 0 {
		sk.Status = domain.SKPDraft
	}
	if sk.Status.String() == "" {
		return l.fail("SKP #%d berstatus tidak dikenal.", sk.ID)
	}
	if sk.Pendekatan == 0 {
		sk.Pendekatan = domain.Kuantitatif
	}
	if sk.Start.IsZero() && sk.End.IsZero() {
		sk.Start, sk.End = domain.Date{Year: sk.Year, Month: time.January, Day: 1}, domain.Date{Year: sk.Year, Month: time.December, Day: 31}
	}
	if sk.Created.IsZero() {
		sk.Created = l.now
	}
	if sk.Updated.IsZero() {
		sk.Updated = sk.Created
	}
	sk.RHK = cloneRHK(sk.RHK)
	if err := assignPlanIDs(sk); err != nil {
		return wrap("SKP", sk.ID, err)
	}
	if err := domain.ValidateSKP(*sk); err != nil {
		return wrap("SKP", sk.ID, err)
	}
	return wrap("SKP", sk.ID, checkTexts(*sk))
}

func (l *demoLoader) skp(id uint64, what string, own uint64) (*domain.SKP, error) {
	sk := l.skps[id]
	if sk == nil {
		return nil, l.fail("%s #%d merujuk SKP #%d yang tidak ada.", what, own, id)
	}
	return sk, nil
}

func (l *demoLoader) putWork(w domain.PeriodWork) error {
	sk, err := l.skp(w.SKPID, "realisasi", w.ID)
	if err != nil {
		return err
	}
	if w.ID, err = l.itemID(w.ID, "realisasi"); err != nil {
		return err
	}
	if err := domain.ValidateWork(*sk, w, l.set.Frequency); err != nil {
		return wrap("realisasi", w.ID, err)
	}
	if err := validText(w.RencanaAksi, w.Target, w.Realisasi); err != nil {
		return wrap("realisasi", w.ID, err)
	}
	if w.Updated.IsZero() {
		w.Updated = l.now
	}
	bb, err := bucket(l.tx, bucketBukti)
	if err != nil {
		return err
	}
	w.Bukti = slices.Clone(w.Bukti)
	for i, b := range w.Bukti {
		switch {
		case b.ID == 0:
			l.nextBukti++
			b.ID = l.nextBukti
		case l.usedBukti[b.ID]:
			return l.fail("bukti #%d tidak punya ID tersendiri.", b.ID)
		}
		l.usedBukti[b.ID] = true
		b.Name = buktiBaseName(b.Name)
		switch b.Kind {
		case domain.BuktiFile:
			if b.Name == "" || len(b.Contents) == 0 || int64(len(b.Contents)) > l.set.BuktiMaxSize {
				return l.fail("bukti #%d: berkas tanpa nama, kosong atau melebihi batas ukuran.", b.ID)
			}
			b.Size, b.SHA256, b.Ref = int64(len(b.Contents)), sha256Hex(b.Contents), ""
			if err := bb.Put(idKey(b.ID), b.Contents); err != nil {
				return err
			}
		case domain.BuktiReferensi:
			if strings.TrimSpace(b.Ref) == "" || len(b.Contents) > 0 {
				return l.fail("bukti #%d: referensi tanpa nomor dokumen atau tautan, atau dengan berkas.", b.ID)
			}
			b.Size, b.SHA256 = 0, ""
		default:
			return l.fail("bukti #%d berjenis tidak dikenal.", b.ID)
		}
		if err := validText(b.Name, b.Ref); err != nil {
			return wrap("bukti", b.ID, err)
		}
		if b.Added.IsZero() {
			b.Added = w.Updated
		}
		if b.AddedBy == "" {
			b.AddedBy = l.by
		}
		b.Contents = nil
		w.Bukti[i] = b
	}
	v, err := encodeWork(w)
	if err != nil {
		return err
	}
	return putItem(l.tx, sk.ID, itemWork, w.ID, v)
}

func (l *demoLoader) putFeedback(f domain.Feedback) error {
	sk, err := l.skp(f.SKPID, "umpan balik", f.ID)
	if err != nil {
		return err
	}
	if f.ID, err = l.itemID(f.ID, "umpan balik"); err != nil {
		return err
	}
	if err := domain.ValidateFeedback(*sk, f); err != nil {
		return wrap("umpan balik", f.ID, err)
	}
	if err := validText(f.Text, f.AuthorName); err != nil {
		return wrap("umpan balik", f.ID, err)
	}
	if f.AuthorName == "" && f.AuthorID != 0 {
		if r, ok := rowOf(l.tx, f.AuthorID); ok {
			f.AuthorName = r.Nama
		}
	}
	f.ByPegawai = f.ByPegawai || f.AuthorID != 0 && f.AuthorID == sk.EmployeeID
	if f.Time.IsZero() {
		f.Time = l.now
	}
	v, err := encodeFeedback(f)
	if err != nil {
		return err
	}
	return putItem(l.tx, sk.ID, itemFeedback, f.ID, v)
}

func (l *demoLoader) putDialog(d domain.Dialog) error {
	sk, err := l.skp(d.SKPID, "dialog kinerja", d.ID)
	if err != nil {
		return err
	}
	if d.ID, err = l.itemID(d.ID, "dialog kinerja"); err != nil {
		return err
	}
	d.Kesepakatan = slices.Clone(d.Kesepakatan)
	for i := range d.Kesepakatan {
		x := &d.Kesepakatan[i]
		if x.Status == 0 {
			x.Status = domain.KesepakatanBelum
		}
		// A carried kesepakatan keeps its id, so the same id may appear
		// in several dialogs.
		if x.ID == 0 {
			l.nextItem++
			x.ID = l.nextItem
		}
	}
	if err := domain.ValidateDialog(*sk, d); err != nil {
		return wrap("dialog kinerja", d.ID, err)
	}
	texts := append([]string{d.Notes}, d.Peserta...)
	for _, x := range d.Kesepakatan {
		texts = append(texts, x.Text, x.Owner)
	}
	if err := validText(texts...); err != nil {
		return wrap("dialog kinerja", d.ID, err)
	}
	if d.Created.IsZero() {
		d.Created = l.now
	}
	if d.Updated.IsZero() {
		d.Updated = d.Created
	}
	l.dialogs[sk.ID] = append(l.dialogs[sk.ID], d)
	v, err := encodeDialog(d)
	if err != nil {
		return err
	}
	return putItem(l.tx, sk.ID, itemDialog, d.ID, v)
}

func (l *demoLoader) putEval(e domain.Evaluasi) error {
	sk, err := l.skp(e.SKPID, "evaluasi", e.ID)
	if err != nil {
		return err
	}
	if e.ID, err = l.itemID(e.ID, "evaluasi"); err != nil {
		return err
	}
	e.EmployeeID, e.Year = sk.EmployeeID, sk.Year
	if e.Kind == domain.EvalPeriodik && e.Frequency == "" {
		e.Frequency = l.set.Frequency
	}
	if e.Kind == domain.EvalTahunan {
		e.Frequency = ""
	}
	final := e.Final
	e.Final = false
	if err := domain.ValidateEvaluasi(*sk, e, e.Frequency); err != nil {
		return wrap("evaluasi", e.ID, err)
	}
	if err := validText(e.Catatan); err != nil {
		return wrap("evaluasi", e.ID, err)
	}
	for _, x := range l.evals[sk.ID] {
		if x.Kind == e.Kind && x.Period == e.Period {
			return l.fail("SKP #%d punya dua %s.", sk.ID, evalName(e))
		}
	}
	e.Predikat = domain.PredikatKinerja(e.RatingHasil, e.RatingPerilaku)
	if e.Updated.IsZero() {
		e.Updated = l.now
	}
	if final {
		at, by := e.FinalAt, e.FinalBy
		if at.IsZero() {
			at = e.Updated
		}
		if by == "" {
			by = l.by
		}
		pen, peg := e.Snapshot.Penilai, e.Snapshot.Pegawai
		if pen == (domain.PersonSnapshot{}) {
			pen = sk.Penilai
		}
		if peg == (domain.PersonSnapshot{}) {
			peg = sk.Pegawai
		}
		set := l.set
		if e.Frequency != "" {
			set.Frequency = e.Frequency
		}
		if err := domain.FinalizeEvaluasi(&e, *sk, pen, peg, by, at, set); err != nil {
			return wrap("evaluasi", e.ID, err)
		}
	}
	l.evals[sk.ID] = append(l.evals[sk.ID], e)
	v, err := encodeEval(e)
	if err != nil {
		return err
	}
	return putItem(l.tx, sk.ID, itemEval, e.ID, v)
}

func (l *demoLoader) putRevision(r domain.SKPRevision) error {
	sk, err := l.skp(r.SKPID, "revisi", 0)
	if err != nil {
		return err
	}
	id, err := l.itemID(0, "revisi")
	if err != nil {
		return err
	}
	r.SKP.ID, r.SKP.EmployeeID = sk.ID, sk.EmployeeID
	if r.Time.IsZero() {
		r.Time = l.now
	}
	if r.By == "" {
		r.By = l.by
	}
	if r.SKP.Year == 0 {
		r.SKP.Year = sk.Year
	}
	if err := validText(r.Reason); err != nil {
		return wrap("revisi", id, err)
	}
	v, err := encodeRevision(id, r)
	if err != nil {
		return err
	}
	return putItem(l.tx, sk.ID, itemRevision, id, v)
}

func (l *demoLoader) putOrg(o domain.OrgRating) error {
	if err := checkSKPYear(o.Year); err != nil {
		return err
	}
	if unitName(l.tx, o.UnitID) == "" {
		return l.fail("predikat organisasi merujuk unit kerja #%d yang tidak ada.", o.UnitID)
	}
	if o.Predikat.Label() == "" {
		return l.fail("predikat organisasi %q tidak dikenal.", o.Predikat)
	}
	if o.By == "" {
		o.By = l.by
	}
	if o.Time.IsZero() {
		o.Time = l.now
	}
	b, err := bucket(l.tx, bucketSKPOrg)
	if err != nil {
		return err
	}
	v, err := encodeOrg(o)
	if err != nil {
		return err
	}
	return b.Put(orgKey(o.Year, o.UnitID), v)
}

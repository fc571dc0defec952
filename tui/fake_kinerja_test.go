package tui

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"time"

	"asndesk/domain"
)

// fakeKinerja is an in-memory KinerjaRepo for the SKP screens' tests. It
// applies the same domain rules the store applies (CanSKP, ApplySKPAction,
// ValidateSKP, CarryOver, FinalizeEvaluasi …), so a screen test that passes
// here means the screen drives the real workflow, not a permissive stub.
// Employees, units and the atasan map come from the fakeRepo it sits on.
//
// Every read hands out deep copies: a screen that edits what it was given
// and then fails to save must not change the "stored" data, exactly as with
// the real store.
type fakeKinerja struct {
	repo      *fakeRepo
	skps      map[uint64]*domain.SKP
	work      map[uint64]*domain.PeriodWork // by work id
	contents  map[uint64][]byte             // bukti file bytes by bukti id
	feedback  []domain.Feedback
	dialogs   []domain.Dialog
	evals     []domain.Evaluasi
	revisions []domain.SKPRevision
	org       []domain.OrgRating
	settings  *domain.SKPSettings
	next      uint64
	fail      error // returned by every write when set
	writes    int
	now       func() time.Time
}

func newFakeKinerja(repo *fakeRepo) *fakeKinerja {
	return &fakeKinerja{repo: repo, skps: map[uint64]*domain.SKP{}, work: map[uint64]*domain.PeriodWork{},
		contents: map[uint64][]byte{}, next: 5000, now: fixedNow}
}

var _ KinerjaRepo = (*fakeKinerja)(nil)

func (k *fakeKinerja) nextID() uint64 { k.next++; return k.next }

func (k *fakeKinerja) write() error {
	if k.fail != nil {
		return k.fail
	}
	k.writes++
	return nil
}

// --- deep copies ---

func fakeCloneSKP(s domain.SKP) domain.SKP {
	out := s
	out.RHK = make([]domain.RHK, len(s.RHK))
	for i, r := range s.RHK {
		r.Indikator = append([]domain.Indikator(nil), r.Indikator...)
		out.RHK[i] = r
	}
	if s.RHK == nil {
		out.RHK = nil
	}
	out.Lampiran = domain.Lampiran{
		DukunganSumberDaya:      append([]string(nil), s.Lampiran.DukunganSumberDaya...),
		SkemaPertanggungjawaban: append([]string(nil), s.Lampiran.SkemaPertanggungjawaban...),
		Konsekuensi:             append([]string(nil), s.Lampiran.Konsekuensi...),
	}
	return out
}

func fakeCloneWork(w domain.PeriodWork) domain.PeriodWork {
	w.Bukti = append([]domain.Bukti(nil), w.Bukti...)
	for i := range w.Bukti {
		w.Bukti[i].Contents = nil
	}
	return w
}

func fakeCloneFeedback(f domain.Feedback) domain.Feedback {
	f.History = append([]domain.FeedbackVersion(nil), f.History...)
	return f
}

func fakeCloneDialog(d domain.Dialog) domain.Dialog {
	d.Peserta = append([]string(nil), d.Peserta...)
	d.Topics = append([]domain.FeedbackTarget(nil), d.Topics...)
	d.Kesepakatan = append([]domain.Kesepakatan(nil), d.Kesepakatan...)
	return d
}

func fakeCloneEval(e domain.Evaluasi) domain.Evaluasi {
	e.Unlocks = append([]domain.Unlock(nil), e.Unlocks...)
	return e
}

// --- helpers ---

func (k *fakeKinerja) actor(ctx context.Context) domain.Actor { return domain.ActorFrom(ctx) }

// skp finds an SKP and checks op on it for the actor of ctx.
func (k *fakeKinerja) skp(ctx context.Context, id uint64, op domain.SKPOp) (*domain.SKP, error) {
	s, ok := k.skps[id]
	if !ok {
		return nil, domain.Errorf(domain.ENOTFOUND, "SKP tidak ditemukan.")
	}
	if err := domain.CanSKP(k.actor(ctx), s.Party(), op); err != nil {
		return nil, err
	}
	return s, nil
}

func (k *fakeKinerja) snapshot(id uint64) domain.PersonSnapshot {
	e, ok := k.repo.emps[id]
	if !ok || id == 0 {
		return domain.PersonSnapshot{}
	}
	return domain.Snapshot(e, k.repo.units[e.UnitID].Name)
}

func (k *fakeKinerja) settingsNow() domain.SKPSettings {
	if k.settings != nil {
		return *k.settings
	}
	return domain.DefaultSKPSettings()
}

func (k *fakeKinerja) row(s *domain.SKP) domain.SKPRow {
	r := domain.SKPRow{SKPID: s.ID, EmployeeID: s.EmployeeID, Year: s.Year, Start: s.Start, End: s.End, Status: s.Status,
		PenilaiID: s.Penilai.EmployeeID, AtasanPenilaiID: s.AtasanPenilai.EmployeeID, UnitID: s.Pegawai.UnitID, RHKCount: len(s.RHK),
		PegawaiNama: s.Pegawai.Nama, PenilaiNama: s.Penilai.Nama}
	for _, e := range k.evals {
		if e.SKPID != s.ID || !e.Final {
			continue
		}
		if e.Kind == domain.EvalTahunan {
			r.Predikat = e.Predikat
		} else {
			if r.Periodik == nil {
				r.Periodik = map[int]domain.Predikat{}
			}
			r.Periodik[e.Period] = e.Predikat
		}
	}
	for _, d := range k.dialogs {
		if d.SKPID != s.ID {
			continue
		}
		if r.LastDialog.Before(d.Date) {
			r.LastDialog = d.Date
		}
		if !d.NextDate.IsZero() && (r.NextDialog.IsZero() || r.LastDialog == d.Date) {
			r.NextDialog = d.NextDate
		}
	}
	return r
}

func (k *fakeKinerja) sortedSKPs() []*domain.SKP {
	out := make([]*domain.SKP, 0, len(k.skps))
	for _, s := range k.skps {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// --- KinerjaRepo ---

func (k *fakeKinerja) SKPRows(ctx context.Context, year int) ([]domain.SKPRow, error) {
	a := k.actor(ctx)
	if a.IsZero() {
		return nil, domain.Errorf(domain.EFORBIDDEN, "Silakan masuk (login) terlebih dahulu.")
	}
	var out []domain.SKPRow
	for _, s := range k.sortedSKPs() {
		if year != 0 && s.Year != year {
			continue
		}
		if domain.CanSKP(a, s.Party(), domain.OpView) == nil {
			out = append(out, k.row(s))
		}
	}
	return out, nil
}

func (k *fakeKinerja) SKPFile(ctx context.Context, id uint64) (domain.SKPFile, error) {
	s, err := k.skp(ctx, id, domain.OpView)
	if err != nil {
		return domain.SKPFile{}, err
	}
	f := domain.SKPFile{SKP: fakeCloneSKP(*s)}
	var work []domain.PeriodWork
	for _, w := range k.work {
		if w.SKPID == id {
			work = append(work, fakeCloneWork(*w))
		}
	}
	sort.Slice(work, func(i, j int) bool {
		if work[i].RHKID != work[j].RHKID {
			return work[i].RHKID < work[j].RHKID
		}
		return work[i].Period < work[j].Period
	})
	f.Work = work
	for _, fb := range k.feedback {
		if fb.SKPID == id {
			f.Feedback = append(f.Feedback, fakeCloneFeedback(fb))
		}
	}
	for _, d := range k.dialogs {
		if d.SKPID == id {
			f.Dialogs = append(f.Dialogs, fakeCloneDialog(d))
		}
	}
	sort.SliceStable(f.Dialogs, func(i, j int) bool { return f.Dialogs[i].Date.Before(f.Dialogs[j].Date) })
	for _, e := range k.evals {
		if e.SKPID == id {
			f.Evals = append(f.Evals, fakeCloneEval(e))
		}
	}
	sort.SliceStable(f.Evals, func(i, j int) bool {
		a, b := f.Evals[i], f.Evals[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind // periodic first, then the annual one
		}
		return a.Period < b.Period
	})
	for _, r := range k.revisions {
		if r.SKPID == id {
			r.SKP = fakeCloneSKP(r.SKP)
			f.Revisions = append(f.Revisions, r)
		}
	}
	return f, nil
}

func (k *fakeKinerja) CreateSKP(ctx context.Context, empID uint64, year int, copyFrom uint64) (uint64, error) {
	a := k.actor(ctx)
	if err := domain.CanCreateSKP(a, empID); err != nil {
		return 0, err
	}
	e, ok := k.repo.emps[empID]
	if !ok {
		return 0, domain.Errorf(domain.ENOTFOUND, "Pegawai tidak ditemukan.")
	}
	if year < 2000 || year > 2100 {
		return 0, domain.Errorf(domain.EINVALID, "Tahun SKP tidak wajar.")
	}
	var from *domain.SKP
	if copyFrom != 0 {
		var err error
		if from, err = k.skp(ctx, copyFrom, domain.OpView); err != nil {
			return 0, err
		}
		if from.EmployeeID != empID {
			return 0, domain.Errorf(domain.EINVALID, "SKP sebelumnya harus milik pegawai yang sama.")
		}
	}
	if err := k.write(); err != nil {
		return 0, err
	}
	// The penilai and atasan penilai default from the atasan map of that
	// year, as the store does.
	var pen, atasanPen uint64
	atasan, _ := k.repo.AtasanMap(ctx, year)
	for _, x := range atasan {
		if x.EmployeeID == empID {
			pen, atasanPen = x.AtasanID, x.AtasanPenilaiID
		}
	}
	s := domain.NewSKP(e, year, k.snapshot(pen), k.snapshot(atasanPen), k.repo.units[e.UnitID].Name, k.now())
	// As the store: the new SKP takes the part of the year no other SKP
	// of the employee covers (a jabatan change mid-year).
	s.Start, s.End = k.freePeriod(s)
	if from != nil {
		domain.CopyPlan(*from, &s)
	}
	if err := k.overlap(s); err != nil {
		return 0, err
	}
	s.ID = k.nextID()
	k.skps[s.ID] = &s
	return s.ID, nil
}

// freePeriod is the first stretch of the SKP's year no other SKP of the
// employee covers, as the store computes it.
func (k *fakeKinerja) freePeriod(sk domain.SKP) (domain.Date, domain.Date) {
	var rows []*domain.SKP
	for _, o := range k.sortedSKPs() {
		if o.EmployeeID == sk.EmployeeID && o.Year == sk.Year && o.ID != sk.ID {
			rows = append(rows, o)
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Start.Before(rows[j].Start) })
	from := domain.Date{Year: sk.Year, Month: time.January, Day: 1}
	for _, r := range rows {
		if from.Before(r.Start) {
			return from, r.Start.AddDays(-1)
		}
		if !r.End.Before(from) {
			from = r.End.AddDays(1)
		}
	}
	if from.Year != sk.Year {
		return sk.Start, sk.End
	}
	return from, domain.Date{Year: sk.Year, Month: time.December, Day: 31}
}

// overlap refuses a period that overlaps another SKP of the employee.
func (k *fakeKinerja) overlap(sk domain.SKP) error {
	for _, o := range k.skps {
		if o.ID == sk.ID || o.EmployeeID != sk.EmployeeID || o.End.Before(sk.Start) || sk.End.Before(o.Start) {
			continue
		}
		return &domain.Error{Code: domain.ECONFLICT, Field: domain.FieldPeriode, Message: "Periode bertumpang tindih dengan SKP #" +
			itoa(int(o.ID)) + " pegawai yang sama (" + o.Status.String() + "): ubah dulu akhir periode SKP yang lama."}
	}
	return nil
}

// usedRHK says what refers to an RHK (realisasi or umpan balik), "" when
// nothing does: such an RHK cannot be removed, as in the store.
func (k *fakeKinerja) usedRHK(skpID, rhkID uint64) string {
	for _, w := range k.work {
		if w.SKPID == skpID && w.RHKID == rhkID {
			return "rencana aksi atau realisasi"
		}
	}
	for _, f := range k.feedback {
		if f.SKPID == skpID && f.Target.RHKID == rhkID {
			return "umpan balik"
		}
	}
	return ""
}

// penilaiSnapshot copies a newly chosen penilai from the profile; one who
// is not an employee (id 0) is kept as typed.
func (k *fakeKinerja) penilaiSnapshot(sk *domain.SKP, p domain.PersonSnapshot) (domain.PersonSnapshot, error) {
	if p.EmployeeID == 0 {
		return p, nil
	}
	if p.EmployeeID == sk.EmployeeID {
		return p, &domain.Error{Code: domain.EINVALID, Field: domain.FieldAtasan, Message: "Pegawai tidak dapat menjadi pejabat penilai SKP-nya sendiri."}
	}
	if _, ok := k.repo.emps[p.EmployeeID]; !ok {
		return p, &domain.Error{Code: domain.EINVALID, Field: domain.FieldAtasan, Message: "Pejabat penilai yang dipilih tidak ada di data pegawai."}
	}
	return k.snapshot(p.EmployeeID), nil
}

func (k *fakeKinerja) SaveSKP(ctx context.Context, s domain.SKP) error {
	old, err := k.skp(ctx, s.ID, domain.OpEdit)
	if err != nil {
		return err
	}
	// The workflow fields belong to SKPAction; a plan save never moves them.
	next := fakeCloneSKP(*old)
	in := fakeCloneSKP(s)
	next.RHK, next.Ekspektasi, next.Lampiran = in.RHK, in.Ekspektasi, in.Lampiran
	next.Pendekatan, next.Start, next.End = in.Pendekatan, in.Start, in.End
	next.NextRHKID = max(old.NextRHKID, in.NextRHKID)
	// Ids are unique inside the SKP; new RHK and indicators get the next
	// ones, and ids never come back.
	seen := map[uint64]bool{}
	dup := func(id uint64) bool {
		if id == 0 {
			return false
		}
		if seen[id] {
			return true
		}
		seen[id] = true
		return false
	}
	for _, r := range next.RHK {
		bad := dup(r.ID)
		for _, in := range r.Indikator {
			bad = dup(in.ID) || bad
		}
		if bad {
			return domain.Errorf(domain.EINVALID, "Rencana hasil kerja atau indikatornya memakai nomor yang sama dua kali; muat ulang SKP lalu ulangi perubahan.")
		}
	}
	for id := range seen {
		next.NextRHKID = max(next.NextRHKID, id)
	}
	for i := range next.RHK {
		if next.RHK[i].ID == 0 {
			next.RHK[i].ID = next.NewID()
		}
		for j := range next.RHK[i].Indikator {
			if next.RHK[i].Indikator[j].ID == 0 {
				next.RHK[i].Indikator[j].ID = next.NewID()
			}
		}
	}
	if in.Penilai != old.Penilai || in.AtasanPenilai != old.AtasanPenilai {
		if err := domain.CanSKP(k.actor(ctx), old.Party(), domain.OpEditPenilai); err != nil {
			return err
		}
		if next.Penilai, err = k.penilaiSnapshot(&next, in.Penilai); err != nil {
			return err
		}
		if next.AtasanPenilai, err = k.penilaiSnapshot(&next, in.AtasanPenilai); err != nil {
			return err
		}
	}
	if err := domain.ValidateSKP(next); err != nil {
		return err
	}
	kept := map[uint64]bool{}
	for _, r := range next.RHK {
		kept[r.ID] = true
	}
	for _, r := range old.RHK {
		if what := k.usedRHK(old.ID, r.ID); !kept[r.ID] && what != "" {
			return domain.Errorf(domain.ECONFLICT, "RHK \""+r.Text+"\" sudah punya "+what+", jadi tidak dapat dihapus. Ubah uraiannya bila perlu.")
		}
	}
	if next.Start != old.Start || next.End != old.End {
		if err := k.overlap(next); err != nil {
			return err
		}
	}
	if err := k.write(); err != nil {
		return err
	}
	next.Updated = k.now()
	k.skps[s.ID] = &next
	return nil
}

func (k *fakeKinerja) SKPAction(ctx context.Context, id uint64, act domain.SKPAction, note string) error {
	s, ok := k.skps[id]
	if !ok {
		return domain.Errorf(domain.ENOTFOUND, "SKP tidak ditemukan.")
	}
	next := fakeCloneSKP(*s)
	a := k.actor(ctx)
	if err := domain.ApplySKPAction(&next, act, a, note, k.now()); err != nil {
		return err
	}
	if err := k.write(); err != nil {
		return err
	}
	if act == domain.ActRevise {
		k.revisions = append(k.revisions, domain.SKPRevision{SKPID: id, Revision: s.Revision, Time: k.now(),
			By: a.Label(), Reason: strings.TrimSpace(note), SKP: fakeCloneSKP(*s)})
	}
	next.Updated = k.now()
	k.skps[id] = &next
	return nil
}

func (k *fakeKinerja) IntervensiOptions(ctx context.Context, skpID uint64) ([]domain.RHKRef, error) {
	s, err := k.skp(ctx, skpID, domain.OpView)
	if err != nil {
		return nil, err
	}
	var out []domain.RHKRef
	if s.Penilai.EmployeeID == 0 {
		return nil, nil
	}
	for _, p := range k.sortedSKPs() {
		if p.EmployeeID != s.Penilai.EmployeeID || p.Year != s.Year {
			continue
		}
		for _, r := range p.RHK {
			out = append(out, domain.RHKRef{SKPID: p.ID, RHKID: r.ID, Text: r.Text, Owner: p.Pegawai.Nama})
		}
	}
	return out, nil
}

func (k *fakeKinerja) MatrixSKPs(ctx context.Context, penilaiEmpID uint64, year int) (domain.SKP, []domain.SKP, error) {
	a := k.actor(ctx)
	if a.IsZero() {
		return domain.SKP{}, nil, domain.Errorf(domain.EFORBIDDEN, "Silakan masuk (login) terlebih dahulu.")
	}
	if !(a.Has(domain.RoleAdmin) || a.Has(domain.RolePimpinan) || (a.EmployeeID != 0 && a.EmployeeID == penilaiEmpID)) {
		return domain.SKP{}, nil, domain.Errorf(domain.EFORBIDDEN, "Matriks hanya untuk pejabat penilai yang bersangkutan, Pimpinan dan Admin.")
	}
	var own domain.SKP
	var subs []domain.SKP
	for _, s := range k.sortedSKPs() {
		if s.Year != year {
			continue
		}
		if s.EmployeeID == penilaiEmpID {
			own = fakeCloneSKP(*s) // the latest of the year wins
		} else if s.Penilai.EmployeeID == penilaiEmpID {
			subs = append(subs, fakeCloneSKP(*s))
		}
	}
	return own, subs, nil
}

func (k *fakeKinerja) SaveWork(ctx context.Context, w domain.PeriodWork) (uint64, error) {
	s, err := k.skp(ctx, w.SKPID, domain.OpWork)
	if err != nil {
		return 0, err
	}
	if err := domain.ValidateWork(*s, w, k.settingsNow().Frequency); err != nil {
		return 0, err
	}
	var old *domain.PeriodWork
	if w.ID != 0 {
		o, ok := k.work[w.ID]
		if !ok || o.SKPID != w.SKPID {
			return 0, domain.Errorf(domain.ENOTFOUND, "Rencana aksi tidak ditemukan.")
		}
		old = o
	} else {
		// One entry per RHK and period: a second "new" one is the same entry.
		for _, o := range k.work {
			if o.SKPID == w.SKPID && o.RHKID == w.RHKID && o.Period == w.Period {
				old = o
			}
		}
	}
	if err := k.write(); err != nil {
		return 0, err
	}
	next := fakeCloneWork(w)
	next.Bukti = nil // bukti have their own calls
	if old != nil {
		next.ID, next.Bukti = old.ID, old.Bukti
	} else {
		next.ID = k.nextID()
	}
	next.Updated = k.now()
	k.work[next.ID] = &next
	return next.ID, nil
}

func (k *fakeKinerja) workOf(skpID, workID uint64) (*domain.PeriodWork, error) {
	w, ok := k.work[workID]
	if !ok || w.SKPID != skpID {
		return nil, domain.Errorf(domain.ENOTFOUND, "Rencana aksi tidak ditemukan.")
	}
	return w, nil
}

func (k *fakeKinerja) AddBukti(ctx context.Context, skpID, workID uint64, b domain.Bukti) (uint64, error) {
	if _, err := k.skp(ctx, skpID, domain.OpWork); err != nil {
		return 0, err
	}
	w, err := k.workOf(skpID, workID)
	if err != nil {
		return 0, err
	}
	b.Name = strings.TrimSpace(b.Name)
	switch b.Kind {
	case domain.BuktiFile:
		if b.Name == "" {
			return 0, domain.Errorf(domain.EINVALID, "Nama berkas bukti kosong.")
		}
		limit := k.settingsNow().BuktiMaxSize
		if limit > 0 && int64(len(b.Contents)) > limit {
			return 0, domain.Errorf(domain.EINVALID, "Berkas terlalu besar: batasnya "+itoa(int(limit>>20))+" MB per berkas.")
		}
		sum := sha256.Sum256(b.Contents)
		b.SHA256, b.Size, b.Ref = hex.EncodeToString(sum[:]), int64(len(b.Contents)), ""
	case domain.BuktiReferensi:
		b.Ref = strings.TrimSpace(b.Ref)
		if b.Ref == "" {
			return 0, domain.Errorf(domain.EINVALID, "Isi nomor dokumen atau tautan bukti.")
		}
		b.Contents, b.Size, b.SHA256 = nil, 0, ""
	default:
		return 0, domain.Errorf(domain.EINVALID, "Jenis bukti tidak dikenal.")
	}
	if err := k.write(); err != nil {
		return 0, err
	}
	b.ID = k.nextID()
	b.Added, b.AddedBy = k.now(), k.actor(ctx).Label()
	if b.Kind == domain.BuktiFile {
		k.contents[b.ID] = append([]byte(nil), b.Contents...)
	}
	b.Contents = nil
	w.Bukti = append(w.Bukti, b)
	return b.ID, nil
}

func (k *fakeKinerja) BuktiFile(ctx context.Context, skpID, workID, buktiID uint64) (domain.Bukti, error) {
	if _, err := k.skp(ctx, skpID, domain.OpView); err != nil {
		return domain.Bukti{}, err
	}
	w, err := k.workOf(skpID, workID)
	if err != nil {
		return domain.Bukti{}, err
	}
	for _, b := range w.Bukti {
		if b.ID != buktiID {
			continue
		}
		if b.Kind != domain.BuktiFile {
			return domain.Bukti{}, domain.Errorf(domain.EINVALID, "Bukti ini referensi, bukan berkas.")
		}
		data := k.contents[b.ID]
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) != b.SHA256 {
			return domain.Bukti{}, domain.Errorf(domain.EINTERNAL, "Berkas bukti \""+b.Name+"\" rusak: isinya tidak cocok dengan sidik SHA-256 yang tersimpan.")
		}
		b.Contents = append([]byte(nil), data...)
		return b, nil
	}
	return domain.Bukti{}, domain.Errorf(domain.ENOTFOUND, "Bukti tidak ditemukan.")
}

func (k *fakeKinerja) DeleteBukti(ctx context.Context, skpID, workID, buktiID uint64) error {
	if _, err := k.skp(ctx, skpID, domain.OpWork); err != nil {
		return err
	}
	w, err := k.workOf(skpID, workID)
	if err != nil {
		return err
	}
	for i, b := range w.Bukti {
		if b.ID == buktiID {
			if err := k.write(); err != nil {
				return err
			}
			w.Bukti = append(w.Bukti[:i:i], w.Bukti[i+1:]...)
			delete(k.contents, buktiID)
			return nil
		}
	}
	return domain.Errorf(domain.ENOTFOUND, "Bukti tidak ditemukan.")
}

// authorName is how the writer of a feedback entry is shown: the actor's
// employee name, or the account label for an Admin without one.
func (k *fakeKinerja) authorName(a domain.Actor) string {
	if e, ok := k.repo.emps[a.EmployeeID]; ok && a.EmployeeID != 0 {
		return e.FullName()
	}
	return a.Label()
}

func (k *fakeKinerja) AddFeedback(ctx context.Context, f domain.Feedback) (uint64, error) {
	a := k.actor(ctx)
	s, ok := k.skps[f.SKPID]
	if !ok {
		return 0, domain.Errorf(domain.ENOTFOUND, "SKP tidak ditemukan.")
	}
	// The pegawai yang dinilai only ever replies; the penilai (or Admin)
	// writes umpan balik.
	if a.EmployeeID != 0 && a.EmployeeID == s.EmployeeID {
		f.ByPegawai = true
	}
	op := domain.OpFeedback
	if f.ByPegawai {
		op = domain.OpReply
	}
	if err := domain.CanSKP(a, s.Party(), op); err != nil {
		return 0, err
	}
	if err := domain.ValidateFeedback(*s, f); err != nil {
		return 0, err
	}
	if err := k.write(); err != nil {
		return 0, err
	}
	f.ID = k.nextID()
	f.AuthorID, f.AuthorName, f.Time, f.History = a.EmployeeID, k.authorName(a), k.now(), nil
	k.feedback = append(k.feedback, f)
	return f.ID, nil
}

func (k *fakeKinerja) EditFeedback(ctx context.Context, skpID, id uint64, text string) error {
	a := k.actor(ctx)
	s, ok := k.skps[skpID]
	if !ok {
		return domain.Errorf(domain.ENOTFOUND, "SKP tidak ditemukan.")
	}
	for i := range k.feedback {
		f := &k.feedback[i]
		if f.ID != id || f.SKPID != skpID {
			continue
		}
		op := domain.OpFeedback
		if f.ByPegawai {
			op = domain.OpReply
		}
		if err := domain.CanSKP(a, s.Party(), op); err != nil {
			return err
		}
		if f.AuthorID != a.EmployeeID && !a.Has(domain.RoleAdmin) {
			return domain.Errorf(domain.EFORBIDDEN, "Hanya penulisnya yang dapat mengubah umpan balik ini.")
		}
		next := fakeCloneFeedback(*f)
		domain.EditFeedback(&next, text, k.now())
		if err := domain.ValidateFeedback(*s, next); err != nil {
			return err
		}
		if err := k.write(); err != nil {
			return err
		}
		*f = next
		return nil
	}
	return domain.Errorf(domain.ENOTFOUND, "Umpan balik tidak ditemukan.")
}

func (k *fakeKinerja) SaveDialog(ctx context.Context, d domain.Dialog) (uint64, error) {
	s, err := k.skp(ctx, d.SKPID, domain.OpDialog)
	if err != nil {
		return 0, err
	}
	d = fakeCloneDialog(d)
	idx := -1
	var earlier []domain.Dialog
	for i, o := range k.dialogs {
		if o.SKPID != d.SKPID {
			continue
		}
		if o.ID == d.ID && d.ID != 0 {
			idx = i
		} else {
			earlier = append(earlier, o)
		}
	}
	if d.ID != 0 && idx < 0 {
		return 0, domain.Errorf(domain.ENOTFOUND, "Dialog kinerja tidak ditemukan.")
	}
	if d.ID == 0 {
		domain.CarryOver(earlier, &d, k.nextID)
	}
	if err := domain.ValidateDialog(*s, d); err != nil {
		return 0, err
	}
	if err := k.write(); err != nil {
		return 0, err
	}
	for i := range d.Kesepakatan {
		if d.Kesepakatan[i].ID == 0 {
			d.Kesepakatan[i].ID = k.nextID()
		}
		if d.Kesepakatan[i].Status == 0 {
			d.Kesepakatan[i].Status = domain.KesepakatanBelum
		}
	}
	d.Updated = k.now()
	if idx >= 0 {
		d.Created = k.dialogs[idx].Created
		k.dialogs[idx] = d
		return d.ID, nil
	}
	d.ID, d.Created = k.nextID(), k.now()
	k.dialogs = append(k.dialogs, d)
	return d.ID, nil
}

func (k *fakeKinerja) evalIndex(skpID, id uint64) int {
	for i, e := range k.evals {
		if e.ID == id && e.SKPID == skpID {
			return i
		}
	}
	return -1
}

func (k *fakeKinerja) SaveEvaluasi(ctx context.Context, e domain.Evaluasi) (uint64, error) {
	s, err := k.skp(ctx, e.SKPID, domain.OpRate)
	if err != nil {
		return 0, err
	}
	set := k.settingsNow()
	idx := -1
	if e.ID != 0 {
		if idx = k.evalIndex(e.SKPID, e.ID); idx < 0 {
			return 0, domain.Errorf(domain.ENOTFOUND, "Evaluasi tidak ditemukan.")
		}
	} else {
		// One evaluation per SKP, kind and period.
		for i, o := range k.evals {
			if o.SKPID == e.SKPID && o.Kind == e.Kind && o.Period == e.Period {
				idx = i
			}
		}
	}
	if idx >= 0 && k.evals[idx].Final {
		return 0, domain.Errorf(domain.ELOCKED, "Evaluasi ini sudah final dan terkunci. Admin dapat membukanya dengan alasan.")
	}
	e.EmployeeID, e.Year = s.EmployeeID, s.Year
	if e.Kind == domain.EvalPeriodik {
		e.Frequency = set.Frequency
	} else {
		e.Period, e.Frequency = 0, ""
	}
	if err := domain.ValidateEvaluasi(*s, e, set.Frequency); err != nil {
		return 0, err
	}
	if err := k.write(); err != nil {
		return 0, err
	}
	// The predikat follows from the matrix, never from what was sent.
	e.Predikat = domain.PredikatKinerja(e.RatingHasil, e.RatingPerilaku)
	e.Final, e.FinalAt, e.FinalBy = false, time.Time{}, ""
	e.Updated = k.now()
	if idx >= 0 {
		e.ID, e.Unlocks = k.evals[idx].ID, k.evals[idx].Unlocks
		k.evals[idx] = fakeCloneEval(e)
		return e.ID, nil
	}
	e.ID = k.nextID()
	k.evals = append(k.evals, fakeCloneEval(e))
	return e.ID, nil
}

func (k *fakeKinerja) FinalizeEvaluasi(ctx context.Context, skpID, id uint64) error {
	s, err := k.skp(ctx, skpID, domain.OpFinalize)
	if err != nil {
		return err
	}
	idx := k.evalIndex(skpID, id)
	if idx < 0 {
		return domain.Errorf(domain.ENOTFOUND, "Evaluasi tidak ditemukan.")
	}
	next := fakeCloneEval(k.evals[idx])
	pen := k.snapshot(s.Penilai.EmployeeID)
	if pen.EmployeeID == 0 {
		pen = s.Penilai
	}
	peg := k.snapshot(s.EmployeeID)
	if peg.EmployeeID == 0 {
		peg = s.Pegawai
	}
	if err := domain.FinalizeEvaluasi(&next, *s, pen, peg, k.actor(ctx).Label(), k.now(), k.settingsNow()); err != nil {
		return err
	}
	if err := k.write(); err != nil {
		return err
	}
	k.evals[idx] = next
	return nil
}

func (k *fakeKinerja) UnlockEvaluasi(ctx context.Context, skpID, id uint64, reason string) error {
	if _, err := k.skp(ctx, skpID, domain.OpUnlock); err != nil {
		return err
	}
	idx := k.evalIndex(skpID, id)
	if idx < 0 {
		return domain.Errorf(domain.ENOTFOUND, "Evaluasi tidak ditemukan.")
	}
	next := fakeCloneEval(k.evals[idx])
	if err := domain.UnlockEvaluasi(&next, k.actor(ctx).Label(), reason, k.now()); err != nil {
		return err
	}
	if err := k.write(); err != nil {
		return err
	}
	k.evals[idx] = next
	return nil
}

func (k *fakeKinerja) OrgRatings(ctx context.Context, year int) ([]domain.OrgRating, error) {
	if k.actor(ctx).IsZero() {
		return nil, domain.Errorf(domain.EFORBIDDEN, "Silakan masuk (login) terlebih dahulu.")
	}
	var out []domain.OrgRating
	for _, r := range k.org {
		if year == 0 || r.Year == year {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Year != out[j].Year {
			return out[i].Year < out[j].Year
		}
		return out[i].UnitID < out[j].UnitID
	})
	return out, nil
}

func (k *fakeKinerja) SetOrgRating(ctx context.Context, r domain.OrgRating) error {
	a := k.actor(ctx)
	if err := domain.CanSetOrgRating(a); err != nil {
		return err
	}
	if _, ok := k.repo.units[r.UnitID]; !ok {
		return domain.Errorf(domain.ENOTFOUND, "Unit kerja tidak ditemukan.")
	}
	if r.Predikat != "" && domain.OrgPredikat(r.Predikat).Label() == "" {
		return domain.Errorf(domain.EINVALID, "Predikat kinerja organisasi tidak dikenal.")
	}
	if err := k.write(); err != nil {
		return err
	}
	r.By, r.Time = a.Label(), k.now()
	for i, o := range k.org {
		if o.Year == r.Year && o.UnitID == r.UnitID {
			if r.Predikat == "" { // clearing the unit's predikat
				k.org = append(k.org[:i:i], k.org[i+1:]...)
				return nil
			}
			k.org[i] = r
			return nil
		}
	}
	if r.Predikat != "" {
		k.org = append(k.org, r)
	}
	return nil
}

func (k *fakeKinerja) SKPSettings(ctx context.Context) (domain.SKPSettings, error) {
	s := k.settingsNow()
	hr := make(map[domain.OrgPredikat]domain.Rating, len(s.HeadRating))
	for p, r := range s.HeadRating {
		hr[p] = r
	}
	s.HeadRating = hr
	return s, nil
}

func (k *fakeKinerja) SaveSKPSettings(ctx context.Context, s domain.SKPSettings) error {
	if err := domain.CanManageOffice(k.actor(ctx)); err != nil {
		return err
	}
	if s.Frequency != domain.Bulanan && s.Frequency != domain.Triwulanan {
		return domain.Errorf(domain.EINVALID, "Siklus evaluasi harus Bulanan atau Triwulanan.")
	}
	if s.BuktiMaxSize <= 0 {
		return domain.Errorf(domain.EINVALID, "Batas ukuran berkas bukti harus lebih dari 0.")
	}
	if err := k.write(); err != nil {
		return err
	}
	hr := make(map[domain.OrgPredikat]domain.Rating, len(s.HeadRating))
	for p, r := range s.HeadRating {
		hr[p] = r
	}
	s.HeadRating = hr
	k.settings = &s
	return nil
}

func (k *fakeKinerja) LoadDemoKinerja(ctx context.Context, d domain.KinerjaDemo) error {
	if !k.repo.office.Demo {
		return domain.Errorf(domain.EINVALID, "Data kinerja contoh hanya untuk kantor contoh.")
	}
	if err := k.write(); err != nil {
		return err
	}
	k.skps, k.work, k.contents = map[uint64]*domain.SKP{}, map[uint64]*domain.PeriodWork{}, map[uint64][]byte{}
	bump := func(id uint64) {
		if id > k.next {
			k.next = id
		}
	}
	for _, s := range d.SKPs {
		s := fakeCloneSKP(s)
		k.skps[s.ID] = &s
		bump(s.ID)
	}
	for _, w := range d.Work {
		w := fakeCloneWork(w)
		k.work[w.ID] = &w
		bump(w.ID)
		for _, b := range w.Bukti {
			bump(b.ID)
		}
	}
	k.feedback = k.feedback[:0]
	for _, f := range d.Feedback {
		k.feedback = append(k.feedback, fakeCloneFeedback(f))
		bump(f.ID)
	}
	k.dialogs = k.dialogs[:0]
	for _, x := range d.Dialogs {
		k.dialogs = append(k.dialogs, fakeCloneDialog(x))
		bump(x.ID)
		for _, ks := range x.Kesepakatan {
			bump(ks.ID)
		}
	}
	k.evals = k.evals[:0]
	for _, e := range d.Evals {
		k.evals = append(k.evals, fakeCloneEval(e))
		bump(e.ID)
	}
	k.org = append([]domain.OrgRating(nil), d.Org...)
	k.revisions = k.revisions[:0]
	for _, r := range d.Revisions {
		r.SKP = fakeCloneSKP(r.SKP)
		k.revisions = append(k.revisions, r)
	}
	return nil
}

// put stores an SKP directly (test set-up); it gets an id when it has none.
func (k *fakeKinerja) put(s domain.SKP) uint64 {
	if s.ID == 0 {
		s.ID = k.nextID()
	}
	s = fakeCloneSKP(s)
	k.skps[s.ID] = &s
	return s.ID
}

// stored returns a copy of the stored SKP (test assertions).
func (k *fakeKinerja) stored(id uint64) domain.SKP {
	if s, ok := k.skps[id]; ok {
		return fakeCloneSKP(*s)
	}
	return domain.SKP{}
}

package store

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// The SKP tests use the office of authz_test.go: sub1 ("pegawai") and
// sub2 report to pen ("penilai"), who reports to head ("pimpinan"); othr
// ("merit") reports to head. The clock is in 2025.

// twoRHK fills a plan with two RHK: one Utama with two indicators, one
// Tambahan with one. Ids are left to the store.
func twoRHK(sk domain.SKP) domain.SKP {
	sk.RHK = []domain.RHK{
		{Kategori: domain.RHKUtama, Text: "Tersusunnya laporan keuangan bulanan", Intervensi: "Laporan keuangan tepat waktu",
			Indikator: []domain.Indikator{
				{Aspek: domain.AspekKuantitas, IKI: "Jumlah laporan keuangan", Target: "12", Satuan: "Dokumen"},
				{Aspek: domain.AspekWaktu, IKI: "Ketepatan waktu penyampaian", Target: "12", Satuan: "Bulan"},
			}},
		{Kategori: domain.RHKTambahan, Text: "Terlaksananya pelatihan aplikasi",
			Indikator: []domain.Indikator{{Aspek: domain.AspekKuantitas, IKI: "Jumlah peserta", Target: "2,5", Satuan: "Orang"}}},
	}
	return sk
}

func mustFile(t testing.TB, s *Store, ctx context.Context, id uint64) domain.SKPFile {
	t.Helper()
	f, err := s.SKPFile(ctx, id)
	if err != nil {
		t.Fatalf("SKPFile(%d): %v", id, err)
	}
	return f
}

func mustCreateSKP(t testing.TB, s *Store, ctx context.Context, emp uint64, year int, from uint64) uint64 {
	t.Helper()
	id, err := s.CreateSKP(ctx, emp, year, from)
	if err != nil {
		t.Fatalf("CreateSKP(%d, %d): %v", emp, year, err)
	}
	return id
}

func mustDo(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// approvedSKP runs the cycle up to Disetujui for employee emp, whose SKP
// is drafted by ctxPeg and approved by ctxPen.
func approvedSKP(t testing.TB, s *Store, ctxPeg, ctxPen context.Context, emp uint64) uint64 {
	t.Helper()
	id := mustCreateSKP(t, s, ctxPeg, emp, 2025, 0)
	mustDo(t, s.SaveSKP(ctxPeg, twoRHK(mustFile(t, s, ctxPeg, id).SKP)))
	mustDo(t, s.SKPAction(ctxPeg, id, domain.ActSubmit, ""))
	mustDo(t, s.SKPAction(ctxPen, id, domain.ActApprove, ""))
	return id
}

// kinerjaDump is every key and value of the schema-5 buckets and the
// settings, and the length of the audit trail: equal dumps mean nothing
// was written.
func kinerjaDump(t testing.TB, s *Store) string {
	t.Helper()
	var b strings.Builder
	err := s.db.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketSKP, bucketSKPRows, bucketSKPEmp, bucketSKPItems, bucketBukti, bucketSKPOrg,
			bucketSettings, bucketAudit} {
			bk := tx.Bucket(name)
			fmt.Fprintf(&b, "%s seq=%d\n", name, bk.Sequence())
			_ = bk.ForEach(func(k, v []byte) error { fmt.Fprintf(&b, "%x=%x\n", k, v); return nil })
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// refused runs a write that must fail with code and checks that nothing
// was written, audit trail included.
func refused(t *testing.T, s *Store, code string, write func() error) error {
	t.Helper()
	before := kinerjaDump(t, s)
	err := write()
	wantCode(t, err, code)
	if after := kinerjaDump(t, s); after != before {
		t.Fatalf("refused write changed the file (%v)", err)
	}
	return err
}

func TestSKPCycle(t *testing.T) {
	o := newOffice(t)
	s, peg, pen := o.s, o.ctx["pegawai"], o.ctx["penilai"]

	id := mustCreateSKP(t, s, peg, o.sub1, 2025, 0)
	f := mustFile(t, s, peg, id)
	sk := f.SKP
	if sk.Status != domain.SKPDraft || sk.Year != 2025 || sk.Start != date(2025, 1, 1) || sk.End != date(2025, 12, 31) ||
		sk.Pendekatan != domain.Kuantitatif {
		t.Fatalf("new SKP %+v", sk)
	}
	// The people come from the profiles and this year's atasan map.
	if sk.Pegawai.EmployeeID != o.sub1 || sk.Pegawai.Nama != "Pegawai 3" || sk.Pegawai.Unit != "Sekretariat" ||
		sk.Penilai.EmployeeID != o.pen || sk.Penilai.Nama != "Pegawai 2" || sk.AtasanPenilai.EmployeeID != o.head {
		t.Fatalf("people %+v / %+v / %+v", sk.Pegawai, sk.Penilai, sk.AtasanPenilai)
	}

	// Drafting: ids given by the store, never reused.
	sk = twoRHK(sk)
	sk.Ekspektasi[0] = "Responsif terhadap permintaan data"
	sk.Lampiran.DukunganSumberDaya = []string{"Aplikasi SAKTI", " "}
	sk.Status, sk.Revision = domain.SKPDisetujui, 9 // not the caller's to set
	mustDo(t, s.SaveSKP(peg, sk))
	sk = mustFile(t, s, peg, id).SKP
	if sk.Status != domain.SKPDraft || sk.Revision != 0 || len(sk.RHK) != 2 || sk.RHK[0].ID == 0 ||
		sk.RHK[0].Indikator[1].ID == 0 || sk.NextRHKID < 5 || !reflect.DeepEqual(sk.Lampiran.DukunganSumberDaya, []string{"Aplikasi SAKTI"}) {
		t.Fatalf("saved %+v", sk)
	}
	ids := map[uint64]bool{}
	for _, r := range sk.RHK {
		ids[r.ID] = true
		for _, in := range r.Indikator {
			ids[in.ID] = true
		}
	}
	if len(ids) != 5 {
		t.Fatalf("ids %v", ids)
	}
	// A plan that breaks the rules is refused with the field.
	bad := sk
	bad.RHK = append([]domain.RHK(nil), sk.RHK...)
	bad.RHK[1].Text = " "
	err := refused(t, s, domain.EINVALID, func() error { return s.SaveSKP(peg, bad) })
	if !strings.Contains(domain.ErrorMessage(err), "RHK 2: Rencana hasil kerja wajib diisi.") {
		t.Fatalf("message %v", err)
	}

	// Ajukan → Kembalikan with a note → fix → Ajukan → Setujui.
	mustDo(t, s.SKPAction(peg, id, domain.ActSubmit, ""))
	refused(t, s, domain.EINVALID, func() error { return s.SKPAction(pen, id, domain.ActReturn, " ") })
	mustDo(t, s.SKPAction(pen, id, domain.ActReturn, "Target RHK 2 terlalu rendah."))
	f = mustFile(t, s, peg, id)
	if f.SKP.Status != domain.SKPDikembalikan || f.SKP.ReturnNote != "Target RHK 2 terlalu rendah." {
		t.Fatalf("returned %+v", f.SKP)
	}
	fix := f.SKP
	fix.RHK[1].Indikator[0].Target = "10"
	mustDo(t, s.SaveSKP(peg, fix))
	mustDo(t, s.SKPAction(peg, id, domain.ActSubmit, ""))
	mustDo(t, s.SKPAction(pen, id, domain.ActApprove, ""))
	f = mustFile(t, s, pen, id)
	if f.SKP.Status != domain.SKPDisetujui || f.SKP.Approved.IsZero() || f.SKP.Submitted.IsZero() ||
		f.SKP.RHK[1].Indikator[0].Target != "10" {
		t.Fatalf("approved %+v", f.SKP)
	}
	// An approved plan no longer changes directly.
	refused(t, s, domain.EINVALID, func() error { return s.SaveSKP(peg, f.SKP) })

	rows, err := s.SKPRows(peg, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].SKPID != id || rows[0].Status != domain.SKPDisetujui || rows[0].RHKCount != 2 ||
		rows[0].PenilaiID != o.pen || rows[0].AtasanPenilaiID != o.head || rows[0].UnitID != o.unit {
		t.Fatalf("rows %+v", rows)
	}
	if rows, _ := s.SKPRows(peg, 2024); len(rows) != 0 {
		t.Fatalf("2024 rows %+v", rows)
	}

	// Every step is in the audit trail under the SKP's pegawai.
	es, err := s.Audit(o.ctx["admin"], AuditFilter{Entity: EntitySKP, Employee: o.sub1})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := len(es) - 1; i >= 0; i-- {
		got = append(got, es[i].Account+" "+es[i].Action)
	}
	want := []string{"pegawai buat", "pegawai ubah", "pegawai ubah status", "penilai ubah status", "pegawai ubah",
		"pegawai ubah status", "penilai ubah status"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("audit\n got %v\nwant %v", got, want)
	}
	if es[0].EntityID != id || !strings.Contains(es[0].Summary[1], "status: Diajukan → Disetujui") {
		t.Fatalf("last entry %+v", es[0])
	}
	if !strings.Contains(strings.Join(es[3].Summary, "\n"), `catatan: "Target RHK 2 terlalu rendah."`) {
		t.Fatalf("return entry %+v", es[3])
	}
	assertClean(t, s)
}

func TestSKPRefusals(t *testing.T) {
	o := newOffice(t)
	s, admin, peg, pen, pim := o.s, o.ctx["admin"], o.ctx["pegawai"], o.ctx["penilai"], o.ctx["pimpinan"]

	own := mustCreateSKP(t, s, peg, o.sub1, 2025, 0)
	other := mustCreateSKP(t, s, admin, o.sub2, 2025, 0) // pen's staff, no account
	far := mustCreateSKP(t, s, admin, o.othr, 2025, 0)   // head's staff
	penOwn := mustCreateSKP(t, s, pen, o.pen, 2025, 0)   // the penilai's own
	mustDo(t, s.SaveSKP(peg, twoRHK(mustFile(t, s, peg, own).SKP)))

	// A Pegawai creates only the own SKP.
	refused(t, s, domain.EFORBIDDEN, func() error { _, err := s.CreateSKP(peg, o.sub2, 2025, 0); return err })
	// A Pegawai editing another's SKP.
	sk2 := mustFile(t, s, admin, other).SKP
	refused(t, s, domain.EFORBIDDEN, func() error { return s.SaveSKP(peg, twoRHK(sk2)) })
	// … or even reading it.
	_, err := s.SKPFile(peg, other)
	wantCode(t, err, domain.EFORBIDDEN)
	// A Pegawai approving the own SKP.
	mustDo(t, s.SKPAction(peg, own, domain.ActSubmit, ""))
	refused(t, s, domain.EFORBIDDEN, func() error { return s.SKPAction(peg, own, domain.ActApprove, "") })
	// Nor may the penilai approve the own SKP, or the Pimpinan approve for the penilai.
	mustDo(t, s.SaveSKP(pen, twoRHK(mustFile(t, s, pen, penOwn).SKP)))
	mustDo(t, s.SKPAction(pen, penOwn, domain.ActSubmit, ""))
	refused(t, s, domain.EFORBIDDEN, func() error { return s.SKPAction(pen, penOwn, domain.ActApprove, "") })
	refused(t, s, domain.EFORBIDDEN, func() error { return s.SKPAction(pim, own, domain.ActApprove, "") })
	// Rating a Draft SKP.
	refused(t, s, domain.EINVALID, func() error {
		_, err := s.SaveEvaluasi(admin, domain.Evaluasi{SKPID: other, Kind: domain.EvalPeriodik, Period: 1,
			RatingHasil: domain.Sesuai, RatingPerilaku: domain.Sesuai})
		return err
	})
	// Realisasi on an SKP not yet approved.
	refused(t, s, domain.EINVALID, func() error {
		_, err := s.SaveWork(peg, domain.PeriodWork{SKPID: own, RHKID: mustFile(t, s, peg, own).SKP.RHK[0].ID, Period: 1,
			RencanaAksi: "Menyusun laporan"})
		return err
	})
	// Nobody logged in.
	_, err = s.SKPRows(anonCtx, 0)
	wantCode(t, err, domain.EFORBIDDEN)
	refused(t, s, domain.EFORBIDDEN, func() error { _, err := s.CreateSKP(anonCtx, o.sub1, 2025, 0); return err })
	// Unknown SKP.
	_, err = s.SKPFile(admin, 999)
	wantCode(t, err, domain.ENOTFOUND)

	// A Penilai sees the SKPs of the staff he or she rates, and the own;
	// a Pegawai the own; Pimpinan and Admin all of them.
	seen := func(ctx context.Context) []uint64 {
		rows, err := s.SKPRows(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		var out []uint64
		for _, r := range rows {
			out = append(out, r.SKPID)
		}
		return out
	}
	for who, want := range map[string][]uint64{
		"penilai":  {own, other, penOwn},
		"pegawai":  {own},
		"pimpinan": {own, other, far, penOwn},
		"admin":    {own, other, far, penOwn},
		"merit":    {far},
	} {
		if got := seen(o.ctx[who]); !reflect.DeepEqual(got, want) {
			t.Errorf("%s sees %v, want %v", who, got, want)
		}
	}
	_, err = s.SKPFile(pen, far)
	wantCode(t, err, domain.EFORBIDDEN)
	if _, err := s.SKPFile(pim, own); err != nil { // the atasan penilai reads
		t.Fatal(err)
	}
	assertClean(t, s)
}

func TestSKPPeriodsAndCopy(t *testing.T) {
	o := newOffice(t)
	s, peg, admin := o.s, o.ctx["pegawai"], o.ctx["admin"]
	first := approvedSKP(t, s, peg, o.ctx["penilai"], o.sub1)

	// The year is taken: a second SKP is refused with the reason.
	err := refused(t, s, domain.ECONFLICT, func() error { _, err := s.CreateSKP(peg, o.sub1, 2025, 0); return err })
	if msg := domain.ErrorMessage(err); !strings.Contains(msg, "bertumpang tindih dengan SKP #1") ||
		!strings.Contains(msg, "1 Januari 2025 – 31 Desember 2025") {
		t.Fatalf("message %q", msg)
	}
	// A change of jabatan on 1 Juli: the first SKP ends on 30 Juni (a
	// revision), then the new SKP covers the rest of the year, with the
	// plan copied.
	mustDo(t, s.SKPAction(peg, first, domain.ActRevise, "Pindah jabatan per 1 Juli"))
	sk := mustFile(t, s, peg, first).SKP
	sk.End = date(2025, 6, 30)
	mustDo(t, s.SaveSKP(peg, sk))
	second := mustCreateSKP(t, s, peg, o.sub1, 2025, first)
	s2 := mustFile(t, s, peg, second).SKP
	if s2.Start != date(2025, 7, 1) || s2.End != date(2025, 12, 31) || len(s2.RHK) != 2 ||
		s2.RHK[0].Text != sk.RHK[0].Text || s2.Status != domain.SKPDraft {
		t.Fatalf("second %+v", s2)
	}
	// Its period may not reach back into the first one.
	s2.Start = date(2025, 6, 1)
	refused(t, s, domain.ECONFLICT, func() error { return s.SaveSKP(peg, s2) })
	// Nor out of its year.
	s2.Start = date(2024, 12, 1)
	refused(t, s, domain.EINVALID, func() error { return s.SaveSKP(peg, s2) })
	// Copying needs the right to read the source.
	far := mustCreateSKP(t, s, admin, o.othr, 2025, 0)
	refused(t, s, domain.EFORBIDDEN, func() error { _, err := s.CreateSKP(peg, o.sub1, 2026, far); return err })
	next := mustCreateSKP(t, s, peg, o.sub1, 2026, second)
	if f := mustFile(t, s, peg, next); f.SKP.Year != 2026 || len(f.SKP.RHK) != 2 || f.SKP.Start != date(2026, 1, 1) {
		t.Fatalf("2026 %+v", f.SKP)
	}
	assertClean(t, s)
}

func TestSKPPenilaiAndPlanRules(t *testing.T) {
	o := newOffice(t)
	s, peg, pen, admin := o.s, o.ctx["pegawai"], o.ctx["penilai"], o.ctx["admin"]
	id := mustCreateSKP(t, s, peg, o.sub1, 2025, 0)
	sk := twoRHK(mustFile(t, s, peg, id).SKP)

	// Only Admin changes the pejabat penilai.
	sk.Penilai = domain.PersonSnapshot{EmployeeID: o.head}
	refused(t, s, domain.EFORBIDDEN, func() error { return s.SaveSKP(peg, sk) })
	mustDo(t, s.SaveSKP(admin, sk))
	got := mustFile(t, s, admin, id).SKP
	if got.Penilai.EmployeeID != o.head || got.Penilai.Nama != "Pegawai 1" || got.Penilai.Unit != "Sekretariat" {
		t.Fatalf("penilai %+v", got.Penilai)
	}
	// The pegawai cannot rate himself; a person outside the office is kept as typed.
	got.Penilai = domain.PersonSnapshot{EmployeeID: o.sub1}
	refused(t, s, domain.EINVALID, func() error { return s.SaveSKP(admin, got) })
	got.Penilai = domain.PersonSnapshot{Nama: "Bupati Contoh", Jabatan: "Bupati"}
	mustDo(t, s.SaveSKP(admin, got))
	if p := mustFile(t, s, admin, id).SKP.Penilai; p.Nama != "Bupati Contoh" || p.EmployeeID != 0 {
		t.Fatalf("external penilai %+v", p)
	}
	// Back to pen, through to Disetujui.
	got = mustFile(t, s, admin, id).SKP
	got.Penilai = domain.PersonSnapshot{EmployeeID: o.pen}
	mustDo(t, s.SaveSKP(admin, got))
	mustDo(t, s.SKPAction(peg, id, domain.ActSubmit, ""))
	// Submitted to the wrong penilai: Admin corrects it without returning
	// the SKP; the plan itself is frozen while Diajukan.
	sub := mustFile(t, s, admin, id).SKP
	sub.Penilai = domain.PersonSnapshot{EmployeeID: o.head}
	mustDo(t, s.SaveSKP(admin, sub))
	sub = mustFile(t, s, admin, id).SKP
	if sub.Status != domain.SKPDiajukan || sub.Penilai.EmployeeID != o.head {
		t.Fatalf("after correction %+v", sub)
	}
	sub.RHK[0].Text = "Diubah saat diajukan"
	refused(t, s, domain.EINVALID, func() error { return s.SaveSKP(admin, sub) })
	sub = mustFile(t, s, admin, id).SKP
	sub.Penilai = domain.PersonSnapshot{EmployeeID: o.pen}
	mustDo(t, s.SaveSKP(admin, sub))
	mustDo(t, s.SKPAction(pen, id, domain.ActApprove, ""))
	sk = mustFile(t, s, peg, id).SKP
	if _, err := s.SaveWork(peg, domain.PeriodWork{SKPID: id, RHKID: sk.RHK[1].ID, Period: 1, RencanaAksi: "Menyiapkan materi"}); err != nil {
		t.Fatal(err)
	}
	// In a revision, an RHK that has realisasi cannot be removed; one that
	// has none can, and its ids are not given out again.
	mustDo(t, s.SKPAction(pen, id, domain.ActRevise, "Penyesuaian target"))
	sk = mustFile(t, s, peg, id).SKP
	drop := sk
	drop.RHK = sk.RHK[:1]
	err := refused(t, s, domain.ECONFLICT, func() error { return s.SaveSKP(peg, drop) })
	if !strings.Contains(domain.ErrorMessage(err), "Terlaksananya pelatihan aplikasi") {
		t.Fatalf("message %q", domain.ErrorMessage(err))
	}
	keep := sk
	keep.RHK = sk.RHK[1:]
	mustDo(t, s.SaveSKP(peg, keep))
	keep = mustFile(t, s, peg, id).SKP
	keep.RHK = append(keep.RHK, domain.RHK{Kategori: domain.RHKUtama, Text: "RHK baru",
		Indikator: []domain.Indikator{{Aspek: domain.AspekKuantitas, IKI: "Jumlah", Target: "1", Satuan: "Dokumen"}}})
	mustDo(t, s.SaveSKP(peg, keep))
	keep = mustFile(t, s, peg, id).SKP
	for _, r := range keep.RHK[1:] {
		if r.ID <= sk.RHK[1].Indikator[0].ID {
			t.Fatalf("id %d reused (old ids up to %d)", r.ID, sk.RHK[1].Indikator[0].ID)
		}
	}
	// The same RHK id twice is refused.
	dup := keep
	dup.RHK = append([]domain.RHK(nil), keep.RHK...)
	dup.RHK[1].ID = dup.RHK[0].ID
	refused(t, s, domain.EINVALID, func() error { return s.SaveSKP(peg, dup) })
	// Saving what is stored writes nothing.
	before := kinerjaDump(t, s)
	mustDo(t, s.SaveSKP(peg, keep))
	if kinerjaDump(t, s) != before {
		t.Fatal("an unchanged plan was written")
	}
	assertClean(t, s)
}

func TestSKPRevisionHistory(t *testing.T) {
	o := newOffice(t)
	s, peg, pen := o.s, o.ctx["pegawai"], o.ctx["penilai"]
	id := approvedSKP(t, s, peg, pen, o.sub1)
	v0 := mustFile(t, s, peg, id).SKP

	// A revision needs a reason.
	refused(t, s, domain.EINVALID, func() error { return s.SKPAction(peg, id, domain.ActRevise, "") })
	mustDo(t, s.SKPAction(peg, id, domain.ActRevise, "Tambahan tugas dari kepala dinas"))
	sk := mustFile(t, s, peg, id).SKP
	if sk.Status != domain.SKPDraft || sk.Revision != 1 || sk.RevisionNote != "Tambahan tugas dari kepala dinas" {
		t.Fatalf("after revise %+v", sk)
	}
	sk.RHK[0].Text = "Tersusunnya laporan keuangan dan aset"
	mustDo(t, s.SaveSKP(peg, sk))
	mustDo(t, s.SKPAction(peg, id, domain.ActSubmit, ""))
	mustDo(t, s.SKPAction(pen, id, domain.ActApprove, ""))
	v1 := mustFile(t, s, peg, id).SKP
	mustDo(t, s.SKPAction(pen, id, domain.ActRevise, "Perubahan target triwulan III"))

	f := mustFile(t, s, o.ctx["pimpinan"], id)
	if len(f.Revisions) != 2 {
		t.Fatalf("%d revisions", len(f.Revisions))
	}
	r0, r1 := f.Revisions[0], f.Revisions[1]
	if r0.Revision != 0 || r0.By != "pegawai" || r0.Reason != "Tambahan tugas dari kepala dinas" || r0.Time.IsZero() ||
		r0.SKP.Status != domain.SKPDisetujui || r0.SKP.RHK[0].Text != "Tersusunnya laporan keuangan bulanan" ||
		!reflect.DeepEqual(r0.SKP.RHK, v0.RHK) || !r0.SKP.Approved.Equal(v0.Approved) {
		t.Fatalf("first kept version %+v", r0)
	}
	if r1.Revision != 1 || r1.By != "penilai" || r1.SKP.RHK[0].Text != "Tersusunnya laporan keuangan dan aset" ||
		r1.SKP.RevisionNote != "Tambahan tugas dari kepala dinas" || !reflect.DeepEqual(r1.SKP.RHK, v1.RHK) {
		t.Fatalf("second kept version %+v", r1)
	}
	if f.SKP.Revision != 2 || f.SKP.Status != domain.SKPDraft {
		t.Fatalf("current %+v", f.SKP)
	}
	assertClean(t, s)
}

// buktiMarker is unique in the data file: the test finds it on disk.
const buktiMarker = "BUKTI-MARKER-5f0c2a9e"

func buktiBytes(n int) []byte {
	b := []byte("%PDF-1.4\n" + buktiMarker + "\n")
	for len(b) < n {
		b = append(b, "isi laporan keuangan bulan Januari 2025; "...)
	}
	return b[:n]
}

func TestBuktiVerifiedOnRead(t *testing.T) {
	o := newOffice(t)
	s, peg, pen := o.s, o.ctx["pegawai"], o.ctx["penilai"]
	id := approvedSKP(t, s, peg, pen, o.sub1)
	rhk := mustFile(t, s, peg, id).SKP.RHK[0].ID
	work, err := s.SaveWork(peg, domain.PeriodWork{SKPID: id, RHKID: rhk, Period: 1, RencanaAksi: "Menyusun laporan Januari",
		Target: "1 Dokumen", Realisasi: "Laporan Januari selesai"})
	if err != nil {
		t.Fatal(err)
	}
	content := buktiBytes(6000)
	bid, err := s.AddBukti(peg, id, work, domain.Bukti{Kind: domain.BuktiFile, Name: `C:\Dokumen\laporan-januari.pdf`,
		Contents: content})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.BuktiFile(pen, id, work, bid)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Contents, content) || b.Name != "laporan-januari.pdf" || b.Size != 6000 || len(b.SHA256) != 64 ||
		b.AddedBy != "pegawai" || b.Added.IsZero() {
		t.Fatalf("bukti %+v", b)
	}
	// The file lists it without its bytes.
	f := mustFile(t, s, peg, id)
	if len(f.Work) != 1 || len(f.Work[0].Bukti) != 1 || f.Work[0].Bukti[0].Contents != nil || f.Work[0].Bukti[0].SHA256 != b.SHA256 {
		t.Fatalf("work %+v", f.Work)
	}
	// Someone who may not see the SKP may not read its bukti.
	_, err = s.BuktiFile(o.ctx["merit"], id, work, bid)
	wantForbidden(t, err)
	assertClean(t, s)

	// Change one byte of the stored file in the data file on disk, with
	// the database closed.
	path := s.Path()
	mustDo(t, s.Close())
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := bytes.Count(raw, []byte(buktiMarker))
	if n != 1 {
		t.Fatalf("marker found %d times in the data file, want exactly once", n)
	}
	at := bytes.Index(raw, []byte(buktiMarker)) + len(buktiMarker) - 1
	raw[at] ^= 0x01
	mustDo(t, os.WriteFile(path, raw, 0o600))

	s = openAt(t, path, testOptions())
	_, err = s.BuktiFile(pen, id, work, bid)
	wantCode(t, err, domain.EINTERNAL)
	wantMessage(t, err, `Berkas bukti "laporan-januari.pdf" berubah atau rusak sejak disimpan (sidik SHA-256 tidak cocok). `+
		"Jalankan pemeriksaan database dan pulihkan dari cadangan bila perlu.")
	wantProblem(t, s, fmt.Sprintf("Berkas bukti #%d (laporan-januari.pdf, SKP #%d) berubah atau rusak", bid, id))
	// The rest of the SKP still reads.
	if f := mustFile(t, s, peg, id); len(f.Work[0].Bukti) != 1 {
		t.Fatalf("work %+v", f.Work)
	}
}

func TestBuktiRules(t *testing.T) {
	o := newOffice(t)
	s, peg, pen, admin := o.s, o.ctx["pegawai"], o.ctx["penilai"], o.ctx["admin"]
	id := approvedSKP(t, s, peg, pen, o.sub1)
	rhk := mustFile(t, s, peg, id).SKP.RHK[0].ID
	work, err := s.SaveWork(peg, domain.PeriodWork{SKPID: id, RHKID: rhk, Period: 2, RencanaAksi: "Menyusun laporan"})
	if err != nil {
		t.Fatal(err)
	}
	add := func(ctx context.Context, b domain.Bukti) (uint64, error) { return s.AddBukti(ctx, id, work, b) }

	// Over the limit (5 MB by default): the message names it.
	err = refused(t, s, domain.EINVALID, func() error {
		_, err := add(peg, domain.Bukti{Kind: domain.BuktiFile, Name: "scan.pdf", Contents: make([]byte, 5<<20+1)})
		return err
	})
	wantMessage(t, err, "Berkas scan.pdf berukuran 5,0 MB, melebihi batas 5 MB per berkas bukti dukung. Perkecil berkasnya "+
		"(misalnya pindai ulang dengan resolusi lebih rendah) atau minta Admin mengubah batasnya di Pengaturan kinerja.")
	set := domain.DefaultSKPSettings()
	set.BuktiMaxSize = 1 << 20
	mustDo(t, s.SaveSKPSettings(admin, set))
	err = refused(t, s, domain.EINVALID, func() error {
		_, err := add(peg, domain.Bukti{Kind: domain.BuktiFile, Name: "foto.jpg", Contents: make([]byte, 1536<<10)})
		return err
	})
	if !strings.Contains(domain.ErrorMessage(err), "berukuran 1,5 MB, melebihi batas 1 MB") {
		t.Fatalf("message %q", domain.ErrorMessage(err))
	}
	// Exactly at the limit is fine.
	if _, err := add(peg, domain.Bukti{Kind: domain.BuktiFile, Name: "pas.pdf", Contents: make([]byte, 1<<20)}); err != nil {
		t.Fatal(err)
	}
	// Empty files, references with a file or without a reference.
	refused(t, s, domain.EINVALID, func() error {
		_, err := add(peg, domain.Bukti{Kind: domain.BuktiFile, Name: "kosong.pdf"})
		return err
	})
	refused(t, s, domain.EINVALID, func() error {
		_, err := add(peg, domain.Bukti{Kind: domain.BuktiReferensi, Name: "Nota dinas", Ref: "ND/12/2025", Contents: []byte("x")})
		return err
	})
	refused(t, s, domain.EINVALID, func() error {
		_, err := add(peg, domain.Bukti{Kind: domain.BuktiReferensi, Name: "Nota dinas"})
		return err
	})
	// Only the pegawai (or Admin) adds bukti.
	refused(t, s, domain.EFORBIDDEN, func() error {
		_, err := add(pen, domain.Bukti{Kind: domain.BuktiReferensi, Ref: "ND/12/2025"})
		return err
	})
	ref, err := add(peg, domain.Bukti{Kind: domain.BuktiReferensi, Name: "Nota dinas", Ref: "ND/12/2025"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.BuktiFile(peg, id, work, ref)
	if err != nil || b.Kind != domain.BuktiReferensi || b.Ref != "ND/12/2025" || b.Contents != nil {
		t.Fatalf("reference %+v %v", b, err)
	}
	file, err := add(peg, domain.Bukti{Kind: domain.BuktiFile, Name: "daftar-hadir.pdf", Contents: buktiBytes(3000)})
	if err != nil {
		t.Fatal(err)
	}
	// Editing the realisasi keeps its bukti.
	w := mustFile(t, s, peg, id).Work[0]
	w.Realisasi = "Laporan selesai"
	w.Bukti = nil
	if _, err := s.SaveWork(peg, w); err != nil {
		t.Fatal(err)
	}
	if w := mustFile(t, s, peg, id).Work[0]; len(w.Bukti) != 3 || w.Realisasi != "Laporan selesai" {
		t.Fatalf("work %+v", w)
	}
	// Deleting a bukti deletes its bytes.
	mustDo(t, s.DeleteBukti(peg, id, work, file))
	_, err = s.BuktiFile(peg, id, work, file)
	wantCode(t, err, domain.ENOTFOUND)
	s.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketBukti).Get(idKey(file)) != nil {
			t.Error("bytes left behind")
		}
		return nil
	})
	es, _ := s.Audit(admin, AuditFilter{Entity: EntitySKP, Limit: 1})
	if es[0].Action != domain.ActionDelete || !strings.Contains(es[0].Summary[1], `berkas "daftar-hadir.pdf"`) {
		t.Fatalf("audit %+v", es[0])
	}
	assertClean(t, s)
}

func TestFeedbackLog(t *testing.T) {
	o := newOffice(t)
	s, peg, pen, admin := o.s, o.ctx["pegawai"], o.ctx["penilai"], o.ctx["admin"]
	id := approvedSKP(t, s, peg, pen, o.sub1)
	rhk := mustFile(t, s, peg, id).SKP.RHK[0].ID

	fb, err := s.AddFeedback(pen, domain.Feedback{SKPID: id, Target: domain.FeedbackTarget{RHKID: rhk}, Period: 1,
		Text: "Laporan Januari sudah baik, lampirkan rekap.", AuthorName: "Orang Lain", ByPegawai: true})
	if err != nil {
		t.Fatal(err)
	}
	reply, err := s.AddFeedback(peg, domain.Feedback{SKPID: id, ReplyTo: fb, Text: "Baik, rekap saya lampirkan."})
	if err != nil {
		t.Fatal(err)
	}
	val, err := s.AddFeedback(pen, domain.Feedback{SKPID: id, Target: domain.FeedbackTarget{Value: 2}, Text: "Kompeten."})
	if err != nil {
		t.Fatal(err)
	}
	// An empty text or an unknown target is refused; the pimpinan (atasan
	// penilai) does not write feedback.
	refused(t, s, domain.EINVALID, func() error {
		_, err := s.AddFeedback(pen, domain.Feedback{SKPID: id, Target: domain.FeedbackTarget{RHKID: rhk}, Text: " "})
		return err
	})
	refused(t, s, domain.EINVALID, func() error {
		_, err := s.AddFeedback(pen, domain.Feedback{SKPID: id, Target: domain.FeedbackTarget{RHKID: 999}, Text: "x"})
		return err
	})
	refused(t, s, domain.EFORBIDDEN, func() error {
		_, err := s.AddFeedback(o.ctx["pimpinan"], domain.Feedback{SKPID: id, Target: domain.FeedbackTarget{Value: 1}, Text: "x"})
		return err
	})

	// Only the author (or Admin) edits, and the earlier text is kept.
	refused(t, s, domain.EFORBIDDEN, func() error { return s.EditFeedback(peg, id, fb, "Diubah pegawai") })
	mustDo(t, s.EditFeedback(pen, id, fb, "Laporan Januari sudah baik; lampirkan rekap kehadiran."))
	mustDo(t, s.EditFeedback(admin, id, reply, "Baik, rekap kehadiran saya lampirkan hari ini."))

	f := mustFile(t, s, peg, id)
	if len(f.Feedback) != 3 {
		t.Fatalf("%d entries", len(f.Feedback))
	}
	first, second, third := f.Feedback[0], f.Feedback[1], f.Feedback[2]
	if first.ID != fb || first.AuthorID != o.pen || first.AuthorName != "Pegawai 2" || first.ByPegawai ||
		first.Text != "Laporan Januari sudah baik; lampirkan rekap kehadiran." || len(first.History) != 1 ||
		first.History[0].Text != "Laporan Januari sudah baik, lampirkan rekap." || first.History[0].Time.IsZero() {
		t.Fatalf("first %+v", first)
	}
	if second.ID != reply || !second.ByPegawai || second.AuthorID != o.sub1 || second.Target.RHKID != rhk ||
		second.Period != 1 || len(second.History) != 1 || second.History[0].Text != "Baik, rekap saya lampirkan." {
		t.Fatalf("reply %+v", second)
	}
	if third.ID != val || third.Target.Value != 2 {
		t.Fatalf("third %+v", third)
	}
	assertClean(t, s)
}

func TestDialogCarryOverThroughStore(t *testing.T) {
	o := newOffice(t)
	s, peg, pen := o.s, o.ctx["pegawai"], o.ctx["penilai"]
	id := mustCreateSKP(t, s, peg, o.sub1, 2025, 0)
	mustDo(t, s.SaveSKP(peg, twoRHK(mustFile(t, s, peg, id).SKP)))

	// Klarifikasi ekspektasi while drafting: a dialog in any status, by
	// the penilai only.
	refused(t, s, domain.EFORBIDDEN, func() error {
		_, err := s.SaveDialog(peg, domain.Dialog{SKPID: id, Date: date(2025, 1, 10), Kind: domain.DialogKlarifikasi})
		return err
	})
	d1, err := s.SaveDialog(pen, domain.Dialog{SKPID: id, Date: date(2025, 1, 10), Kind: domain.DialogKlarifikasi,
		Peserta: []string{"Pegawai 2", "Pegawai 3"}, NextDate: date(2025, 4, 10),
		Kesepakatan: []domain.Kesepakatan{
			{Text: "A: susun jadwal laporan", Owner: "Pegawai 3", Due: date(2025, 1, 31)},
			{Text: "B: ikut pelatihan SAKTI", Owner: "Pegawai 3"},
			{Text: "C: rapikan arsip", Owner: "Pegawai 3"},
		}})
	if err != nil {
		t.Fatal(err)
	}
	// The statuses move on in place.
	dd := mustFile(t, s, pen, id).Dialogs[0]
	dd.Kesepakatan[0].Status = domain.KesepakatanTercapai
	dd.Kesepakatan[1].Status = domain.KesepakatanTidakTercapai
	dd.Kesepakatan[2].Carried = 7 // not the caller's to set
	if got, err := s.SaveDialog(pen, dd); err != nil || got != d1 {
		t.Fatalf("update: %d %v", got, err)
	}

	// Second dialog: B and C come along, marked as carried from d1.
	d2, err := s.SaveDialog(pen, domain.Dialog{SKPID: id, Date: date(2025, 4, 10), Kind: domain.DialogUmpanBalik,
		Kesepakatan: []domain.Kesepakatan{{Text: "D: laporan triwulan", Owner: "Pegawai 3"}}})
	if err != nil {
		t.Fatal(err)
	}
	f := mustFile(t, s, pen, id)
	second := f.Dialogs[1]
	if second.ID != d2 || len(second.Kesepakatan) != 3 {
		t.Fatalf("second %+v", second)
	}
	kB, kC, kD := second.Kesepakatan[0], second.Kesepakatan[1], second.Kesepakatan[2]
	if kB.Text != "B: ikut pelatihan SAKTI" || kB.CarriedFrom != d1 || kB.Carried != 1 || kB.Status != domain.KesepakatanBelum ||
		kB.ID != f.Dialogs[0].Kesepakatan[1].ID {
		t.Fatalf("B %+v", kB)
	}
	if kC.Text != "C: rapikan arsip" || kC.CarriedFrom != d1 || kC.Carried != 1 {
		t.Fatalf("C %+v", kC)
	}
	if kD.CarriedFrom != 0 || kD.Carried != 0 || kD.Status != domain.KesepakatanBelum || kD.ID == 0 {
		t.Fatalf("D %+v", kD)
	}
	second.Kesepakatan[0].Status = domain.KesepakatanTercapai
	second.Kesepakatan[2].Status = domain.KesepakatanTidakTercapai
	if _, err := s.SaveDialog(pen, second); err != nil {
		t.Fatal(err)
	}

	// Third dialog: C (twice carried, still from d1) and D (from d2).
	d3, err := s.SaveDialog(pen, domain.Dialog{SKPID: id, Date: date(2025, 7, 10), Kind: domain.DialogCoaching,
		NextDate: date(2025, 10, 10)})
	if err != nil {
		t.Fatal(err)
	}
	f = mustFile(t, s, pen, id)
	third := f.Dialogs[2]
	if third.ID != d3 || len(third.Kesepakatan) != 2 {
		t.Fatalf("third %+v", third)
	}
	if k := third.Kesepakatan[0]; k.Text != "C: rapikan arsip" || k.CarriedFrom != d1 || k.Carried != 2 {
		t.Fatalf("C again %+v", k)
	}
	if k := third.Kesepakatan[1]; k.Text != "D: laporan triwulan" || k.CarriedFrom != d2 || k.Carried != 1 ||
		k.Status != domain.KesepakatanBelum {
		t.Fatalf("D again %+v", k)
	}
	// The first dialog is as it was left.
	if k := f.Dialogs[0].Kesepakatan; k[0].Status != domain.KesepakatanTercapai || k[2].Carried != 0 {
		t.Fatalf("first %+v", k)
	}
	// The row carries the latest dialog and the next one agreed.
	rows, _ := s.SKPRows(pen, 2025)
	if rows[0].LastDialog != date(2025, 7, 10) || rows[0].NextDialog != date(2025, 10, 10) {
		t.Fatalf("row %+v", rows[0])
	}
	// A dialog dated before the others carries nothing from them.
	early, err := s.SaveDialog(pen, domain.Dialog{SKPID: id, Date: date(2025, 1, 2), Kind: domain.DialogKonseling})
	if err != nil {
		t.Fatal(err)
	}
	if f := mustFile(t, s, pen, id); f.Dialogs[0].ID != early || len(f.Dialogs[0].Kesepakatan) != 0 {
		t.Fatalf("early %+v", f.Dialogs[0])
	}
	assertClean(t, s)
}

func TestEvaluasiFlow(t *testing.T) {
	o := newOffice(t)
	s, peg, pen, admin := o.s, o.ctx["pegawai"], o.ctx["penilai"], o.ctx["admin"]
	id := approvedSKP(t, s, peg, pen, o.sub1)

	// The pegawai does not rate himself.
	refused(t, s, domain.EFORBIDDEN, func() error {
		_, err := s.SaveEvaluasi(peg, domain.Evaluasi{SKPID: id, Kind: domain.EvalPeriodik, Period: 1, RatingHasil: domain.DiAtas})
		return err
	})
	// The predikat follows from the matrix, whatever the caller says.
	e1, err := s.SaveEvaluasi(pen, domain.Evaluasi{SKPID: id, Kind: domain.EvalPeriodik, Period: 1,
		RatingHasil: domain.DiAtas, RatingPerilaku: domain.Sesuai, Predikat: domain.SangatBaik, Final: true})
	if err != nil {
		t.Fatal(err)
	}
	ev := mustFile(t, s, pen, id).Evals[0]
	if ev.Predikat != domain.Baik || ev.Final || ev.Frequency != domain.Triwulanan || ev.EmployeeID != o.sub1 || ev.Year != 2025 {
		t.Fatalf("evaluation %+v", ev)
	}
	// One evaluation per period.
	refused(t, s, domain.ECONFLICT, func() error {
		_, err := s.SaveEvaluasi(pen, domain.Evaluasi{SKPID: id, Kind: domain.EvalPeriodik, Period: 1, RatingHasil: domain.Sesuai})
		return err
	})
	// Finalising needs both ratings.
	e2, err := s.SaveEvaluasi(pen, domain.Evaluasi{SKPID: id, Kind: domain.EvalPeriodik, Period: 2, RatingHasil: domain.Sesuai})
	if err != nil {
		t.Fatal(err)
	}
	refused(t, s, domain.EINVALID, func() error { return s.FinalizeEvaluasi(pen, id, e2) })

	mustDo(t, s.FinalizeEvaluasi(pen, id, e1))
	ev = mustFile(t, s, pen, id).Evals[0]
	if !ev.Final || ev.FinalBy != "penilai" || ev.FinalAt.IsZero() || ev.Snapshot.Penilai.EmployeeID != o.pen ||
		ev.Snapshot.Pegawai.Nama != "Pegawai 3" || ev.Snapshot.Pegawai.Golongan != "III/a" || !ev.AK.IsZero() {
		t.Fatalf("final %+v", ev)
	}
	rows, _ := s.SKPRows(pen, 2025)
	if !reflect.DeepEqual(rows[0].Periodik, map[int]domain.Predikat{1: domain.Baik}) || rows[0].Predikat != "" {
		t.Fatalf("row %+v", rows[0])
	}
	// Editing a locked evaluation.
	ev.RatingHasil = domain.DiBawah
	ev.Final = false
	err = refused(t, s, domain.EINVALID, func() error { _, err := s.SaveEvaluasi(pen, ev); return err })
	if !strings.Contains(domain.ErrorMessage(err), "sudah final dan terkunci") {
		t.Fatalf("message %v", err)
	}
	// Only Admin unlocks, with a reason.
	refused(t, s, domain.EFORBIDDEN, func() error { return s.UnlockEvaluasi(pen, id, e1, "Salah ketik") })
	refused(t, s, domain.EINVALID, func() error { return s.UnlockEvaluasi(admin, id, e1, " ") })
	mustDo(t, s.UnlockEvaluasi(admin, id, e1, "Rating hasil kerja salah ketik"))
	ev = mustFile(t, s, pen, id).Evals[0]
	if ev.Final || len(ev.Unlocks) != 1 || ev.Unlocks[0].Reason != "Rating hasil kerja salah ketik" || ev.Unlocks[0].By != "admin" {
		t.Fatalf("unlocked %+v", ev)
	}
	if rows, _ := s.SKPRows(pen, 2025); len(rows[0].Periodik) != 0 {
		t.Fatalf("row still final %+v", rows[0])
	}
	es, _ := s.Audit(admin, AuditFilter{Entity: EntitySKP, Limit: 1})
	if es[0].Action != domain.ActionUnlock || !strings.Contains(es[0].Summary[1], `alasan: "Rating hasil kerja salah ketik"`) {
		t.Fatalf("audit %+v", es[0])
	}
	ev.RatingHasil = domain.DiBawah
	if _, err := s.SaveEvaluasi(pen, ev); err != nil {
		t.Fatal(err)
	}
	if ev := mustFile(t, s, pen, id).Evals[0]; ev.Predikat != domain.ButuhPerbaikan || len(ev.Unlocks) != 1 {
		t.Fatalf("re-rated %+v", ev)
	}

	// The annual evaluation gives the row its predikat.
	ea, err := s.SaveEvaluasi(pen, domain.Evaluasi{SKPID: id, Kind: domain.EvalTahunan, RatingHasil: domain.DiAtas,
		RatingPerilaku: domain.DiAtas})
	if err != nil {
		t.Fatal(err)
	}
	mustDo(t, s.FinalizeEvaluasi(pen, id, ea))
	rows, _ = s.SKPRows(pen, 2025)
	if rows[0].Predikat != domain.SangatBaik {
		t.Fatalf("row %+v", rows[0])
	}
	// Periodic by period, then the annual one.
	f := mustFile(t, s, pen, id)
	if len(f.Evals) != 3 || f.Evals[0].Period != 1 || f.Evals[1].Period != 2 || f.Evals[2].Kind != domain.EvalTahunan {
		t.Fatalf("order %+v", f.Evals)
	}
	assertClean(t, s)
}

func TestEvaluasiAngkaKredit(t *testing.T) {
	o := newOffice(t)
	s, admin := o.s, o.ctx["admin"]
	e := testEmployee(30)
	e.UnitID, e.AtasanID = o.unit, o.pen
	e.JenisJabatan, e.Jenjang, e.NamaJabatan = domain.Fungsional, domain.AhliPertama, "Pranata Komputer Ahli Pertama"
	jf, err := s.CreateEmployee(admin, e)
	if err != nil {
		t.Fatal(err)
	}
	id := approvedSKP(t, s, admin, o.ctx["penilai"], jf)
	ea, err := s.SaveEvaluasi(admin, domain.Evaluasi{SKPID: id, Kind: domain.EvalTahunan, RatingHasil: domain.Sesuai,
		RatingPerilaku: domain.Sesuai})
	if err != nil {
		t.Fatal(err)
	}
	mustDo(t, s.FinalizeEvaluasi(admin, id, ea))
	ev := mustFile(t, s, admin, id).Evals[0]
	want := domain.ComputeAK(domain.AhliPertama, domain.Baik, 12)
	if ev.AK.IsZero() || ev.AK != want || !ev.Snapshot.Pegawai.JF {
		t.Fatalf("AK %+v, want %+v", ev.AK, want)
	}
	assertClean(t, s)
}

func TestIntervensiAndMatrix(t *testing.T) {
	o := newOffice(t)
	s, peg, pen, admin := o.s, o.ctx["pegawai"], o.ctx["penilai"], o.ctx["admin"]
	penOwn := mustCreateSKP(t, s, pen, o.pen, 2025, 0)
	mustDo(t, s.SaveSKP(pen, twoRHK(mustFile(t, s, pen, penOwn).SKP)))
	own := mustFile(t, s, pen, penOwn).SKP
	sub1 := mustCreateSKP(t, s, peg, o.sub1, 2025, 0)
	sub2 := mustCreateSKP(t, s, admin, o.sub2, 2025, 0)
	mustCreateSKP(t, s, admin, o.othr, 2025, 0)

	refs, err := s.IntervensiOptions(peg, sub1)
	if err != nil {
		t.Fatal(err)
	}
	if len(refs) != 2 || refs[0] != (domain.RHKRef{SKPID: penOwn, RHKID: own.RHK[0].ID, Text: own.RHK[0].Text, Owner: "Pegawai 2"}) {
		t.Fatalf("refs %+v", refs)
	}
	// The penilai's penilai (head) has no SKP: nothing to choose.
	if refs, err := s.IntervensiOptions(pen, penOwn); err != nil || len(refs) != 0 {
		t.Fatalf("head refs %+v %v", refs, err)
	}
	// The sub's RHK intervenes the penilai's first RHK.
	sk := twoRHK(mustFile(t, s, peg, sub1).SKP)
	sk.RHK[0].IntervensiSKPID, sk.RHK[0].IntervensiRHKID, sk.RHK[0].Intervensi = refs[0].SKPID, refs[0].RHKID, refs[0].Text
	mustDo(t, s.SaveSKP(peg, sk))

	gotOwn, subs, err := s.MatrixSKPs(pen, o.pen, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if gotOwn.ID != penOwn || len(subs) != 2 || subs[0].ID != sub1 || subs[1].ID != sub2 ||
		subs[0].RHK[0].IntervensiRHKID != own.RHK[0].ID {
		t.Fatalf("matrix %d %+v", gotOwn.ID, subs)
	}
	if _, _, err := s.MatrixSKPs(o.ctx["pimpinan"], o.pen, 2025); err != nil {
		t.Fatal(err)
	}
	_, _, err = s.MatrixSKPs(peg, o.pen, 2025)
	wantForbidden(t, err)
	// A penilai without an own SKP still sees the staff's.
	headOwn, headSubs, err := s.MatrixSKPs(admin, o.head, 2025)
	if err != nil || headOwn.ID != 0 || len(headSubs) != 2 {
		t.Fatalf("head matrix %d %d %v", headOwn.ID, len(headSubs), err)
	}
}

func TestOrgRatingsAndSettings(t *testing.T) {
	o := newOffice(t)
	s, admin, pim, peg := o.s, o.ctx["admin"], o.ctx["pimpinan"], o.ctx["pegawai"]

	mustDo(t, s.SetOrgRating(pim, domain.OrgRating{Year: 2025, UnitID: o.unit, Predikat: domain.OrgBaik, Capaian: "97,5%"}))
	refused(t, s, domain.EFORBIDDEN, func() error {
		return s.SetOrgRating(peg, domain.OrgRating{Year: 2025, UnitID: o.unit, Predikat: domain.OrgIstimewa})
	})
	refused(t, s, domain.EINVALID, func() error {
		return s.SetOrgRating(pim, domain.OrgRating{Year: 2025, UnitID: o.unit, Predikat: "LUAR_BIASA"})
	})
	refused(t, s, domain.EINVALID, func() error {
		return s.SetOrgRating(pim, domain.OrgRating{Year: 2025, UnitID: 99, Predikat: domain.OrgBaik})
	})
	got, err := s.OrgRatings(peg, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Predikat != domain.OrgBaik || got[0].Capaian != "97,5%" || got[0].By != "pimpinan" ||
		got[0].UnitID != o.unit || got[0].Time.IsZero() {
		t.Fatalf("ratings %+v", got)
	}
	if got, _ := s.OrgRatings(peg, 2024); len(got) != 0 {
		t.Fatalf("2024 %+v", got)
	}
	mustDo(t, s.SetOrgRating(admin, domain.OrgRating{Year: 2025, UnitID: o.unit}))
	if got, _ := s.OrgRatings(peg, 0); len(got) != 0 {
		t.Fatalf("after clearing %+v", got)
	}

	set, err := s.SKPSettings(anonCtx)
	if err != nil || !reflect.DeepEqual(set, domain.DefaultSKPSettings()) {
		t.Fatalf("defaults %+v %v", set, err)
	}
	set.Frequency = domain.Bulanan
	set.RoundNearest = true
	set.HeadRating = map[domain.OrgPredikat]domain.Rating{domain.OrgBaik: domain.DiAtas}
	refused(t, s, domain.EFORBIDDEN, func() error { return s.SaveSKPSettings(pim, set) })
	bad := set
	bad.BuktiMaxSize = 0
	refused(t, s, domain.EINVALID, func() error { return s.SaveSKPSettings(admin, bad) })
	mustDo(t, s.SaveSKPSettings(admin, set))
	if got, _ := s.SKPSettings(anonCtx); !reflect.DeepEqual(got, set) {
		t.Fatalf("saved %+v", got)
	}
	// A new periodic evaluation follows the new frequency: period 12 is Desember.
	id := approvedSKP(t, s, peg, o.ctx["penilai"], o.sub1)
	if _, err := s.SaveEvaluasi(o.ctx["penilai"], domain.Evaluasi{SKPID: id, Kind: domain.EvalPeriodik, Period: 12,
		RatingHasil: domain.Sesuai}); err != nil {
		t.Fatal(err)
	}
	var es []domain.AuditEntry
	for _, ent := range []string{EntitySKP, EntityUnit, EntitySettings} {
		got, _ := s.Audit(admin, AuditFilter{Entity: ent})
		es = append(es, got...)
	}
	var sum []string
	for _, e := range es {
		sum = append(sum, strings.Join(e.Summary, "; "))
	}
	all := strings.Join(sum, "\n")
	for _, want := range []string{"siklus evaluasi: Triwulanan → Bulanan",
		"pembulatan pola distribusi: maksimum ke bawah, minimum ke atas → ke orang terdekat", "rating kepala unit bila Baik: Sesuai Ekspektasi → Di Atas Ekspektasi",
		"predikat kinerja organisasi Sekretariat 2025: - → Baik (capaian 97,5%)", "predikat kinerja organisasi Sekretariat 2025: Baik (capaian 97,5%) → -"} {
		if !strings.Contains(all, want) {
			t.Errorf("audit lacks %q:\n%s", want, all)
		}
	}
	assertClean(t, s)
}

func TestDeleteSKPsOf(t *testing.T) {
	o := newOffice(t)
	s, peg, pen := o.s, o.ctx["pegawai"], o.ctx["penilai"]
	id := approvedSKP(t, s, peg, pen, o.sub1)
	other := approvedSKP(t, s, o.ctx["admin"], pen, o.sub2)
	rhk := mustFile(t, s, peg, id).SKP.RHK[0].ID
	work, _ := s.SaveWork(peg, domain.PeriodWork{SKPID: id, RHKID: rhk, Period: 1, Realisasi: "Selesai"})
	if _, err := s.AddBukti(peg, id, work, domain.Bukti{Kind: domain.BuktiFile, Name: "a.pdf", Contents: []byte("isi")}); err != nil {
		t.Fatal(err)
	}
	tamper(t, s, func(tx *bolt.Tx) error {
		n, err := deleteSKPsOf(tx, o.sub1)
		if n != 1 {
			t.Errorf("%d deleted", n)
		}
		return err
	})
	_, err := s.SKPFile(o.ctx["admin"], id)
	wantCode(t, err, domain.ENOTFOUND)
	if _, err := s.SKPFile(o.ctx["admin"], other); err != nil {
		t.Fatal(err)
	}
	assertClean(t, s)
}

func TestSKPCodecRoundTrip(t *testing.T) {
	at := time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)
	p := domain.PersonSnapshot{EmployeeID: 3, Nama: "Dr. Siti", NIP: "198609262015052001", Golongan: "III/c",
		Pangkat: "Penata", Jabatan: "Pranata Komputer", Unit: "Sekretariat", UnitID: 2, JF: true, Jenjang: domain.AhliMuda}
	sk := domain.SKP{ID: 7, EmployeeID: 3, Year: 2025, Start: date(2025, 1, 1), End: date(2025, 6, 30),
		Pendekatan: domain.Kualitatif, Status: domain.SKPDikembalikan, Pegawai: p, Penilai: p, AtasanPenilai: p,
		RHK: []domain.RHK{{ID: 1, Kategori: domain.RHKUtama, IntervensiSKPID: 4, IntervensiRHKID: 5, Intervensi: "x",
			Text: "y", PenugasanDari: "z", Indikator: []domain.Indikator{{ID: 2, Aspek: domain.AspekBiaya, IKI: "a",
				Target: "b", Satuan: "c"}}}},
		Lampiran:   domain.Lampiran{DukunganSumberDaya: []string{"1"}, SkemaPertanggungjawaban: []string{"2"}, Konsekuensi: []string{"3"}},
		ReturnNote: "n", Revision: 2, RevisionNote: "r", NextRHKID: 2, Submitted: at, Approved: at, Created: at, Updated: at}
	sk.Ekspektasi[3] = "e4"
	v, err := encodeSKP(sk)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(v, []byte(`{"v":1,`)) {
		t.Fatalf("record %s", v)
	}
	got, err := decodeSKP(v)
	if err != nil || !reflect.DeepEqual(got, sk) {
		t.Fatalf("SKP round trip\n got %+v\nwant %+v (%v)", got, sk, err)
	}
	row := domain.SKPRow{SKPID: 7, EmployeeID: 3, Year: 2025, Start: sk.Start, End: sk.End, Status: sk.Status, PenilaiID: 9,
		AtasanPenilaiID: 10, UnitID: 2, RHKCount: 1, Periodik: map[int]domain.Predikat{1: domain.Baik, 3: domain.Kurang},
		Predikat: domain.SangatBaik, LastDialog: date(2025, 3, 1), NextDialog: date(2025, 4, 1),
		PegawaiNama: "Siti Aminah, S.Kom.", PenilaiNama: "Drs. Bambang"}
	if got, err := decodeSKPRow(7, encodeSKPRow(row)); err != nil || !reflect.DeepEqual(got, row) {
		t.Fatalf("row round trip %+v %v", got, err)
	}
	enc := encodeSKPRow(row)
	for i := range enc { // a truncated row is an error, never a panic
		if _, err := decodeSKPRow(7, enc[:i]); err == nil {
			t.Fatalf("truncated at %d decoded", i)
		}
	}
	e := domain.Evaluasi{ID: 1, SKPID: 7, EmployeeID: 3, Year: 2025, Kind: domain.EvalPeriodik, Frequency: domain.Bulanan,
		Period: 3, RatingHasil: domain.DiAtas, RatingPerilaku: domain.Sesuai, Predikat: domain.Baik, Catatan: "c",
		Final: true, FinalAt: at, FinalBy: "penilai", AK: domain.AngkaKredit{Num: 25, Den: 2, Months: 3},
		Unlocks: []domain.Unlock{{Time: at, By: "admin", Reason: "r"}}, Updated: at}
	e.Snapshot.Penilai, e.Snapshot.Pegawai = p, p
	if v, err := encodeEval(e); err != nil {
		t.Fatal(err)
	} else if got, err := decodeEval(v); err != nil || !reflect.DeepEqual(got, e) {
		t.Fatalf("eval round trip %+v %v", got, err)
	}
	d := domain.Dialog{ID: 2, SKPID: 7, Date: date(2025, 2, 1), Kind: domain.DialogMentoring, Peserta: []string{"a"},
		Topics: []domain.FeedbackTarget{{RHKID: 1}, {Value: 3}}, Notes: "n", NextDate: date(2025, 3, 1),
		Kesepakatan: []domain.Kesepakatan{{ID: 9, Text: "t", Owner: "o", Due: date(2025, 2, 15),
			Status: domain.KesepakatanTidakTercapai, CarriedFrom: 1, Carried: 2}}, Created: at, Updated: at}
	if v, err := encodeDialog(d); err != nil {
		t.Fatal(err)
	} else if got, err := decodeDialog(v); err != nil || !reflect.DeepEqual(got, d) {
		t.Fatalf("dialog round trip %+v %v", got, err)
	}
	fb := domain.Feedback{ID: 3, SKPID: 7, Target: domain.FeedbackTarget{Value: 7}, Period: 2, AuthorID: 4, AuthorName: "a",
		ByPegawai: true, ReplyTo: 2, Text: "t", Time: at, History: []domain.FeedbackVersion{{Text: "o", Time: at, By: "b"}}}
	if v, err := encodeFeedback(fb); err != nil {
		t.Fatal(err)
	} else if got, err := decodeFeedback(v); err != nil || !reflect.DeepEqual(got, fb) {
		t.Fatalf("feedback round trip %+v %v", got, err)
	}
	w := domain.PeriodWork{ID: 4, SKPID: 7, RHKID: 1, Period: 2, RencanaAksi: "r", Target: "t", Realisasi: "x",
		Bukti: []domain.Bukti{{ID: 1, Kind: domain.BuktiFile, Name: "n", Size: 3, SHA256: "ab", Added: at, AddedBy: "p"},
			{ID: 2, Kind: domain.BuktiReferensi, Name: "m", Ref: "ND/1", Added: at}}, Updated: at}
	if v, err := encodeWork(w); err != nil {
		t.Fatal(err)
	} else if got, err := decodeWork(v); err != nil || !reflect.DeepEqual(got, w) {
		t.Fatalf("work round trip %+v %v", got, err)
	}
}

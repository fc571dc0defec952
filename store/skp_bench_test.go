package store

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"asndesk/domain"
)

// benchSKPFile builds one SKP the size of a busy year: 30 RHK with 4
// indicators each (120), 30×4 realisasi with a reference bukti each, 200
// feedback entries, 12 dialogs with 3 kesepakatan each, 4 periodic and 1
// annual final evaluations, and 2 earlier versions.
func benchSKPFile(emp, pen uint64) domain.KinerjaDemo {
	text := func(s string, i int) string {
		return fmt.Sprintf("%s %d: %s", s, i, strings.Repeat("uraian kegiatan pelayanan administrasi ", 3))
	}
	sk := domain.SKP{ID: 1, EmployeeID: emp, Year: 2025, Status: domain.SKPDisetujui,
		Penilai: domain.PersonSnapshot{EmployeeID: pen}}
	for i := range 30 {
		r := domain.RHK{Kategori: domain.RHKUtama, Text: text("Rencana hasil kerja", i), Intervensi: text("RHK atasan", i)}
		for _, a := range domain.Aspeks() {
			r.Indikator = append(r.Indikator, domain.Indikator{Aspek: a, IKI: text("Indikator", i), Target: "12", Satuan: "Dokumen"})
		}
		sk.RHK = append(sk.RHK, r)
	}
	for i := range sk.Ekspektasi {
		sk.Ekspektasi[i] = text("Ekspektasi", i)
	}
	k := domain.KinerjaDemo{SKPs: []domain.SKP{sk}}
	id := uint64(0)
	next := func() uint64 { id++; return id }
	// RHK ids are 1, 6, 11, …: each RHK followed by its four indicators.
	rhk := func(i int) uint64 { return uint64(1 + 5*(i%30)) }
	for i := range 30 {
		for p := 1; p <= 4; p++ {
			k.Work = append(k.Work, domain.PeriodWork{ID: next(), SKPID: 1, RHKID: rhk(i), Period: p,
				RencanaAksi: text("Rencana aksi", p), Target: "3 Dokumen", Realisasi: text("Realisasi", p),
				Bukti: []domain.Bukti{{Kind: domain.BuktiReferensi, Name: "Nota dinas", Ref: "ND/" + fmt.Sprint(i)}}})
		}
	}
	for i := range 200 {
		f := domain.Feedback{ID: next(), SKPID: 1, Period: 1 + i%4, AuthorID: pen, Text: text("Umpan balik", i)}
		if i%3 == 0 {
			f.Target.Value = 1 + i%7
		} else {
			f.Target.RHKID = rhk(i)
		}
		k.Feedback = append(k.Feedback, f)
	}
	for m := 1; m <= 12; m++ {
		d := domain.Dialog{ID: next(), SKPID: 1, Date: date(2025, 1, 1).AddMonths(m - 1), Kind: domain.DialogUmpanBalik,
			Peserta: []string{"Penilai", "Pegawai"}, Topics: []domain.FeedbackTarget{{RHKID: rhk(m)}, {Value: 1 + m%7}},
			Notes: text("Catatan dialog", m)}
		for j := range 3 {
			d.Kesepakatan = append(d.Kesepakatan, domain.Kesepakatan{Text: text("Kesepakatan", j), Owner: "Pegawai"})
		}
		k.Dialogs = append(k.Dialogs, d)
	}
	for p := 1; p <= 4; p++ {
		k.Evals = append(k.Evals, domain.Evaluasi{SKPID: 1, Kind: domain.EvalPeriodik, Period: p, RatingHasil: domain.Sesuai,
			RatingPerilaku: domain.DiAtas, Catatan: text("Catatan", p), Final: true})
	}
	k.Evals = append(k.Evals, domain.Evaluasi{SKPID: 1, Kind: domain.EvalTahunan, RatingHasil: domain.Sesuai,
		RatingPerilaku: domain.Sesuai, Final: true})
	for r := range 2 {
		k.Revisions = append(k.Revisions, domain.SKPRevision{SKPID: 1, Revision: r, Reason: "Penyesuaian", SKP: sk})
	}
	return k
}

// BenchmarkSKPFile measures opening the SKP screen's data: one SKPFile
// call by the penilai, on an open store. Budget (issue 6): 10 ms to a
// rendered screen, so the read must take a small part of that.
func BenchmarkSKPFile(b *testing.B) {
	path := filepath.Join(b.TempDir(), "data.db")
	s, err := Open(path, testOptions())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	units := []domain.Unit{{ID: 1, Name: "Sekretariat"}}
	emps := make([]domain.Employee, 3)
	for i := range emps {
		e := testEmployee(i)
		e.ID, e.UnitID = uint64(i+1), 1
		if i > 0 {
			e.AtasanID = 1
		}
		if i == 2 {
			e.AtasanID = 2
		}
		emps[i] = e
	}
	if err := s.LoadOffice(bg, domain.Office{Name: "Dinas Contoh", Demo: true}, units, emps); err != nil {
		b.Fatal(err)
	}
	if err := s.LoadDemoKinerja(bg, benchSKPFile(3, 2)); err != nil {
		b.Fatal(err)
	}
	ctx := loginCtx(b, s, "penilai", DemoPassword)
	b.ResetTimer()
	for b.Loop() {
		f, err := s.SKPFile(ctx, 1)
		if err != nil || len(f.SKP.RHK) != 30 || len(f.Work) != 120 || len(f.Feedback) != 200 || len(f.Dialogs) != 12 ||
			len(f.Evals) != 5 {
			b.Fatalf("%d RHK, %d work, %d feedback, %d dialogs, %d evals, %v", len(f.SKP.RHK), len(f.Work), len(f.Feedback),
				len(f.Dialogs), len(f.Evals), err)
		}
	}
}

// BenchmarkSKPRows measures what the SKP list and Monitoring read: every
// SKP row of the year for Admin, on an open store, with 10,000 SKPs (one
// per employee, a quarter of them with final evaluations). Budget (issue
// 6): Monitoring of 10,000 in 100 ms, of which this read is a part.
func BenchmarkSKPRows(b *testing.B) {
	for _, n := range []int{10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			path := writeBenchFile(b, n)
			s, err := Open(path, testOptions())
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			var k domain.KinerjaDemo
			for i := range n {
				emp := uint64(i + 1)
				sk := twoRHK(domain.SKP{EmployeeID: emp, Year: 2025, Status: domain.SKPStatus(1 + i%4),
					Penilai: domain.PersonSnapshot{EmployeeID: uint64(1 + (i+1)%n)}})
				sk.ID = emp
				k.SKPs = append(k.SKPs, sk)
				if i%4 == 2 {
					for p := 1; p <= 2; p++ {
						k.Evals = append(k.Evals, domain.Evaluasi{SKPID: emp, Kind: domain.EvalPeriodik, Period: p,
							RatingHasil: domain.Sesuai, RatingPerilaku: domain.Sesuai, Final: true})
					}
				}
			}
			if err := s.LoadDemoKinerja(bg, k); err != nil {
				b.Fatal(err)
			}
			ctx := loginCtx(b, s, "admin", DemoPassword)
			b.ResetTimer()
			for b.Loop() {
				rows, err := s.SKPRows(ctx, 2025)
				if err != nil || len(rows) != n {
					b.Fatalf("%d rows, %v", len(rows), err)
				}
			}
		})
	}
}

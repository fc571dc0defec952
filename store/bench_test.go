package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"asndesk/domain"
)

// writeBenchFile creates a data file holding n employees (via LoadOffice)
// and closes it.
func writeBenchFile(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "data.db")
	s, err := Open(path, testOptions())
	if err != nil {
		b.Fatal(err)
	}
	units := []domain.Unit{{ID: 1, Name: "Sekretariat"}, {ID: 2, Name: "Bidang TIK"}}
	emps := make([]domain.Employee, n)
	for i := range emps {
		e := testEmployee(i)
		e.ID = uint64(i + 1)
		e.UnitID = units[i%2].ID
		emps[i] = e
	}
	if err := s.LoadOffice(bg, domain.Office{Name: "Dinas Contoh", Demo: true}, units, emps); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkStoreOpenList measures starting the register: open the file,
// read every row, close. Budget: 50 ms for 10,000 employees.
func BenchmarkStoreOpenList(b *testing.B) {
	for _, n := range []int{10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			path := writeBenchFile(b, n)
			opts := testOptions()
			b.ResetTimer()
			for b.Loop() {
				s, err := Open(path, opts)
				if err != nil {
					b.Fatal(err)
				}
				rows, err := s.ListRows(bg)
				if err != nil || len(rows) != n {
					b.Fatalf("%d rows, %v", len(rows), err)
				}
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchRiwayat returns ten entries for employee id: pangkat, jabatan,
// pendidikan, gaji, cuti, diklat, keluarga, penghargaan and two more
// gaji, all valid for testEmployee.
func benchRiwayat(id uint64, e domain.Employee) []domain.Riwayat {
	tmt := e.TMTCPNS
	rs := []domain.Riwayat{
		{Kind: domain.RwPangkat, Pangkat: &domain.RwPangkatData{Golongan: e.Golongan, TMT: tmt, NomorSK: "800/1/BKPSDM/2020",
			TanggalSK: tmt.AddDays(-20), JenisKP: "Pengangkatan CPNS"}},
		{Kind: domain.RwJabatan, Jabatan: &domain.RwJabatanData{Jenis: e.JenisJabatan, Nama: e.NamaJabatan, UnitID: e.UnitID,
			TMT: tmt, NomorSK: "821.2/7/BKPSDM/2020", TanggalSK: tmt.AddDays(-10)}},
		{Kind: domain.RwPendidikan, Pendidikan: &domain.RwPendidikanData{Tingkat: e.Pendidikan, Jurusan: "Ilmu Administrasi Negara",
			NamaSekolah: "Universitas Padjadjaran", TahunLulus: tmt.Year - 1, NomorIjazah: "S1-2001-000123", Gelar: "S.Sos."}},
		{Kind: domain.RwDiklat, Diklat: &domain.RwDiklatData{Jenis: "Teknis", Nama: "Pelatihan Dasar CPNS",
			Penyelenggara: "BPSDM Provinsi Jawa Barat", Mulai: tmt.AddMonths(3), Selesai: tmt.AddMonths(5), JamPelajaran: 280}},
		{Kind: domain.RwPenghargaan, Penghargaan: &domain.RwPenghargaanData{Jenis: "Satyalancana Karya Satya X Tahun",
			Tahun: tmt.Year + 10, NomorSK: "Keppres 50/TK/2015"}},
		{Kind: domain.RwKeluarga, Keluarga: &domain.RwKeluargaData{Hubungan: "Anak", Nama: "Anak Pertama",
			TanggalLahir: date(2000, 5, 6), JenisKelamin: domain.Female, StatusAnak: "Kandung", Tunjangan: true}},
		{Kind: domain.RwCuti, Cuti: &domain.RwCutiData{Jenis: "CT", Mulai: date(2025, 3, 3), Selesai: date(2025, 3, 5),
			LamaHari: 3, Alasan: "Keperluan keluarga", Alamat: "Jl. Mawar No. 5"}},
	}
	for i := range 3 {
		t := date(2019+2*i, time.Month(1+int(id%12)), 1)
		rs = append(rs, domain.Riwayat{Kind: domain.RwGaji, Gaji: &domain.RwGajiData{TMT: t, GajiLama: 3000000 + int64(i)*80000,
			GajiBaru: 3080000 + int64(i)*80000, NomorSK: "822.4/9/BKPSDM/2021", TanggalSK: t.AddDays(-14), MKGTahun: 10 + 2*i}})
	}
	for i := range rs {
		rs[i].EmployeeID = id
	}
	return rs
}

// writeRiwayatBenchFile is writeBenchFile with ten riwayat entries per
// employee.
func writeRiwayatBenchFile(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "data.db")
	s, err := Open(path, testOptions())
	if err != nil {
		b.Fatal(err)
	}
	units := []domain.UnitNode{{Unit: domain.Unit{ID: 1, Name: "Sekretariat"}}, {Unit: domain.Unit{ID: 2, Name: "Bidang TIK"}, ParentID: 1}}
	emps := make([]domain.Employee, n)
	var rws []domain.Riwayat
	for i := range emps {
		e := testEmployee(i)
		e.ID = uint64(i + 1)
		e.UnitID = units[i%2].ID
		emps[i] = e
		rws = append(rws, benchRiwayat(e.ID, e)...)
	}
	if err := s.LoadDemoOffice(bg, domain.Office{Name: "Dinas Contoh", Demo: true}, units, emps, rws); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkAllRiwayat measures what the Pengingat screen reads: every
// riwayat entry of every employee, in one call, on an open store. Budget:
// well under a second for 10,000 employees with 10 entries each.
func BenchmarkAllRiwayat(b *testing.B) {
	for _, n := range []int{10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			path := writeRiwayatBenchFile(b, n)
			s, err := Open(path, testOptions())
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			b.ResetTimer()
			for b.Loop() {
				m, err := s.AllRiwayatByEmployee(bg)
				if err != nil || len(m) != n || len(m[1]) != 10 {
					b.Fatalf("%d employees, %d entries of #1, %v", len(m), len(m[1]), err)
				}
			}
		})
	}
}

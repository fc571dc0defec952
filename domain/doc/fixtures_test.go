package doc

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"asndesk/domain"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// golden compares got with testdata/name.golden; -update rewrites it.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./domain/doc -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file; got:\n%s", path, got)
	}
}

func date(y int, m time.Month, d int) domain.Date { return domain.Date{Year: y, Month: m, Day: d} }

var units = map[uint64]string{1: "Sekretariat", 2: "Seksi Pemerintahan"}

func testOpts() Opts {
	return Opts{
		Office:   domain.Office{Name: "Kecamatan Sukamaju"},
		Today:    date(2026, 11, 2),
		Place:    "Sukamaju",
		UnitName: func(id uint64) string { return units[id] },
	}
}

var (
	pegawai = domain.PersonSnapshot{EmployeeID: 10, Nama: "Rina Marlina, S.E.", NIP: "199003152015032002",
		Golongan: "III/b", Pangkat: "Penata Muda Tingkat I", Jabatan: "Analis Kebijakan Ahli Pertama", Unit: "Sekretariat", UnitID: 1,
		JF: true, Jenjang: domain.AhliPertama}
	penilai = domain.PersonSnapshot{EmployeeID: 5, Nama: "Drs. Bambang Sutrisno, M.Si.", NIP: "197505102000031003",
		Golongan: "IV/a", Pangkat: "Pembina", Jabatan: "Sekretaris Kecamatan", Unit: "Sekretariat", UnitID: 1}
	atasan = domain.PersonSnapshot{EmployeeID: 1, Nama: "Hj. Siti Aminah, S.STP., M.M.", NIP: "197201011995032001",
		Golongan: "IV/b", Pangkat: "Pembina Tingkat I", Jabatan: "Camat", Unit: "Kecamatan Sukamaju"}
)

// testSKP is an approved kuantitatif SKP: two UTAMA RHK (the first with
// two indicators) and one TAMBAHAN, with work, feedback, two dialogs and
// two evaluations (Triwulan I final, tahunan not yet).
func testSKP() domain.SKPFile {
	s := domain.SKP{
		ID: 7, EmployeeID: 10, Year: 2026, Start: date(2026, 1, 1), End: date(2026, 12, 31),
		Pendekatan: domain.Kuantitatif, Status: domain.SKPDisetujui, Approved: time.Date(2026, 1, 12, 10, 0, 0, 0, time.UTC),
		Pegawai: pegawai, Penilai: penilai, AtasanPenilai: atasan,
		RHK: []domain.RHK{
			{ID: 1, Kategori: domain.RHKUtama, Intervensi: "Meningkatnya kualitas perencanaan kecamatan",
				Text: "Tersusunnya dokumen perencanaan kecamatan", Indikator: []domain.Indikator{
					{ID: 2, Aspek: domain.AspekKuantitas, IKI: "Jumlah dokumen perencanaan yang tersusun", Target: "2", Satuan: "Dokumen"},
					{ID: 3, Aspek: domain.AspekWaktu, IKI: "Waktu penyelesaian dokumen", Target: "12", Satuan: "Bulan"},
				}},
			{ID: 4, Kategori: domain.RHKTambahan, Text: "Terlaksananya pendampingan lomba desa", PenugasanDari: "Camat",
				Indikator: []domain.Indikator{{ID: 5, Aspek: domain.AspekKuantitas, IKI: "Jumlah desa didampingi", Target: "3", Satuan: "Desa"}}},
			{ID: 6, Kategori: domain.RHKUtama, Intervensi: "Meningkatnya akuntabilitas kinerja",
				Text: "Tersusunnya laporan kinerja", Indikator: []domain.Indikator{
					{ID: 8, Aspek: domain.AspekKualitas, IKI: "Laporan diterima tanpa revisi", Target: "100", Satuan: "%"}}},
		},
		Ekspektasi: [7]string{"Melayani permohonan data dengan ramah", "", "Mengikuti pelatihan perencanaan"},
		Lampiran: domain.Lampiran{
			DukunganSumberDaya:      []string{"Aplikasi SIPD", "Ruang rapat"},
			SkemaPertanggungjawaban: []string{"Laporan triwulanan kepada Sekretaris Kecamatan"},
		},
	}
	at := time.Date(2026, 3, 20, 9, 0, 0, 0, time.UTC)
	return domain.SKPFile{
		SKP: s,
		Work: []domain.PeriodWork{
			{ID: 11, SKPID: 7, RHKID: 1, Period: 1, RencanaAksi: "Menghimpun usulan desa", Target: "1 Dokumen",
				Realisasi: "1 dokumen rekap usulan desa", Bukti: []domain.Bukti{{ID: 1, Kind: domain.BuktiReferensi, Name: "Rekap usulan", Ref: "005/12/2026"}}, Updated: at},
			{ID: 12, SKPID: 7, RHKID: 1, Period: 2, RencanaAksi: "Menyusun rancangan Renja", Target: "1 Dokumen",
				Realisasi: "Rancangan Renja selesai 80%", Updated: time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC)},
			{ID: 13, SKPID: 7, RHKID: 6, Period: 1, RencanaAksi: "Mengumpulkan data kinerja", Target: "1 Laporan"},
		},
		Feedback: []domain.Feedback{
			{ID: 21, SKPID: 7, Target: domain.FeedbackTarget{RHKID: 1}, Period: 1, AuthorName: penilai.Nama, Text: "Rekap sudah lengkap, lanjutkan.", Time: at},
			{ID: 22, SKPID: 7, Target: domain.FeedbackTarget{RHKID: 1}, Period: 1, ByPegawai: true, ReplyTo: 21, Text: "Siap, Pak.", Time: at},
			{ID: 23, SKPID: 7, Target: domain.FeedbackTarget{RHKID: 1}, Period: 2, AuthorName: penilai.Nama, Text: "Percepat rancangan.", Time: at.AddDate(0, 3, 0)},
			{ID: 24, SKPID: 7, Target: domain.FeedbackTarget{Value: 1}, Period: 1, AuthorName: penilai.Nama, Text: "Pelayanan data cepat.", Time: at},
		},
		Dialogs: []domain.Dialog{
			{ID: 31, SKPID: 7, Date: date(2026, 2, 10), Kind: domain.DialogKlarifikasi, Peserta: []string{pegawai.Nama, penilai.Nama},
				Topics: []domain.FeedbackTarget{{RHKID: 1}, {Value: 3}}, Notes: "Ekspektasi dokumen perencanaan disepakati.",
				Kesepakatan: []domain.Kesepakatan{{ID: 41, Text: "Menyerahkan jadwal penyusunan", Owner: "Rina", Due: date(2026, 2, 20), Status: domain.KesepakatanTercapai}},
				NextDate:    date(2026, 4, 15)},
			{ID: 32, SKPID: 7, Date: date(2026, 4, 15), Kind: domain.DialogUmpanBalik, Peserta: []string{pegawai.Nama, penilai.Nama},
				Topics: []domain.FeedbackTarget{{RHKID: 6}}, Notes: "Data kinerja belum terkumpul.",
				Kesepakatan: []domain.Kesepakatan{
					{ID: 42, Text: "Mengumpulkan data kinerja seksi", Owner: "Rina", Due: date(2026, 5, 1), Status: domain.KesepakatanBelum, CarriedFrom: 31, Carried: 1},
				}},
		},
		Evals: []domain.Evaluasi{
			{ID: 51, SKPID: 7, EmployeeID: 10, Year: 2026, Kind: domain.EvalPeriodik, Frequency: domain.Triwulanan, Period: 1,
				RatingHasil: domain.Sesuai, RatingPerilaku: domain.DiAtas, Predikat: domain.Baik, Final: true,
				FinalAt: time.Date(2026, 4, 8, 14, 0, 0, 0, time.UTC)},
			{ID: 52, SKPID: 7, EmployeeID: 10, Year: 2026, Kind: domain.EvalTahunan,
				RatingHasil: domain.DiAtas, RatingPerilaku: domain.DiAtas, Predikat: domain.SangatBaik, Catatan: "Pertahankan.",
				AK: domain.ComputeAK(domain.AhliPertama, domain.SangatBaik, 12)},
		},
	}
}

func testEmployee() domain.Employee {
	return domain.Employee{
		ID: 10, Kind: domain.KindPNS, Nama: "Rina Marlina", GelarBelakang: "S.E.", TempatLahir: "Bandung",
		TanggalLahir: date(1990, 3, 15), JenisKelamin: domain.Female, Agama: "Islam", StatusPerkawinan: "Kawin",
		NIK: "3273015503900002", Alamat: "Jl. Merdeka 1", NomorHP: "081234567890", Email: "rina@example.go.id",
		NIP: "199003152015032002", Status: domain.StatusAktif, TMTCPNS: date(2015, 3, 1), TMTPNS: date(2016, 3, 1),
		Golongan: "III/b", JenisJabatan: domain.Fungsional, Jenjang: domain.AhliPertama, NamaJabatan: "Analis Kebijakan",
		UnitID: 1, Pendidikan: "S1",
	}
}

func testRiwayat() []domain.Riwayat {
	return []domain.Riwayat{
		{ID: 1, EmployeeID: 10, Kind: domain.RwPangkat, Pangkat: &domain.RwPangkatData{Golongan: "III/b", TMT: date(2019, 4, 1), NomorSK: "823/45/BKPSDM", TanggalSK: date(2019, 3, 20), JenisKP: "Reguler", MKGTahun: 4}},
		{ID: 2, EmployeeID: 10, Kind: domain.RwPangkat, Pangkat: &domain.RwPangkatData{Golongan: "III/a", TMT: date(2015, 3, 1), JenisKP: "Pengangkatan CPNS"}},
		{ID: 3, EmployeeID: 10, Kind: domain.RwPendidikan, Pendidikan: &domain.RwPendidikanData{Tingkat: "S1", Jurusan: "Ekonomi Pembangunan", NamaSekolah: "Universitas Padjadjaran", TahunLulus: 2012, Gelar: "S.E."}},
		{ID: 4, EmployeeID: 10, Kind: domain.RwJabatan, Jabatan: &domain.RwJabatanData{Jenis: domain.Fungsional, Jenjang: domain.AhliPertama, Nama: "Analis Kebijakan", UnitID: 1, TMT: date(2021, 1, 4), NomorSK: "821/9/2021"}},
		{ID: 5, EmployeeID: 10, Kind: domain.RwKeluarga, Keluarga: &domain.RwKeluargaData{Hubungan: "Anak", Nama: "Dimas", TanggalLahir: date(2019, 8, 1), JenisKelamin: domain.Male, StatusAnak: "Kandung", Tunjangan: true}},
		{ID: 6, EmployeeID: 10, Kind: domain.RwGaji, Gaji: &domain.RwGajiData{TMT: date(2025, 3, 1), GajiLama: 3200000, GajiBaru: 3350000, MKGTahun: 10}},
		{ID: 7, EmployeeID: 10, Kind: domain.RwCuti, Cuti: &domain.RwCutiData{Jenis: "CT", Mulai: date(2026, 6, 1), Selesai: date(2026, 6, 3), LamaHari: 3, Alasan: "Keperluan keluarga"}},
		{ID: 8, EmployeeID: 10, Kind: domain.RwAngkaKredit, AngkaKredit: &domain.RwAngkaKreditData{Jenis: "Konversi", PeriodeMulai: date(2025, 1, 1), PeriodeSelesai: date(2025, 12, 31), AKMilli: 12500, NomorPAK: "PAK/12/2026"}},
		{ID: 9, EmployeeID: 99, Kind: domain.RwPenghargaan, Penghargaan: &domain.RwPenghargaanData{Jenis: "milik pegawai lain"}},
	}
}

func testDUKRows() []domain.DUKRow {
	return []domain.DUKRow{
		{EmployeeID: 5, NIP: "197505102000031003", Nama: "Drs. Bambang Sutrisno, M.Si.", Golongan: "IV/a", TMTGolongan: date(2018, 4, 1),
			NamaJabatan: "Sekretaris Kecamatan", TMTJabatan: date(2020, 1, 2), Eselon: "III.b", MasaKerja: domain.Span{Years: 26, Months: 8},
			DiklatPIMLevel: 3, DiklatPIMYear: 2019, Pendidikan: "S2", TahunLulus: 2010, TanggalLahir: date(1975, 5, 10), UnitID: 1},
		{EmployeeID: 10, NIP: "199003152015032002", Nama: "Rina Marlina, S.E.", Golongan: "III/b", TMTGolongan: date(2019, 4, 1),
			NamaJabatan: "Analis Kebijakan Ahli Pertama", TMTJabatan: date(2021, 1, 4), MasaKerja: domain.Span{Years: 11, Months: 8},
			Pendidikan: "S1", TahunLulus: 2012, TanggalLahir: date(1990, 3, 15), UnitID: 1},
	}
}

func testReminders() ([]domain.Reminder, func(uint64) (string, string)) {
	rs := []domain.Reminder{
		{Kind: domain.RemKGB, EmployeeID: 10, Date: date(2026, 10, 1), Rule: "KGB setiap 2 tahun masa kerja golongan", Terlambat: true},
		{Kind: domain.RemKP, EmployeeID: 5, Date: date(2027, 4, 1), Rule: "Kenaikan pangkat reguler: 4 tahun dalam pangkat",
			Notes: []string{"belum: predikat kinerja 2 tahun terakhir belum tercatat"}},
	}
	names := map[uint64][2]string{10: {"Rina Marlina, S.E.", "199003152015032002"}, 5: {"Drs. Bambang Sutrisno, M.Si.", "197505102000031003"}}
	return rs, func(id uint64) (string, string) { return names[id][0], names[id][1] }
}

func testInstrument(t testing.TB) domain.Instrument {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "assets", "instruments", "panrb-19-2025-draf.json"))
	if err != nil {
		t.Fatal(err)
	}
	in, err := domain.ParseInstrument(b)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func testAssessment(in domain.Instrument) domain.MeritAssessment {
	a := domain.MeritAssessment{ID: 1, Year: 2026, InstrumentID: in.ID, InstrumentVersion: in.Version, Stage: domain.StageVerifikasi,
		Answers: map[string]domain.MeritAnswer{}}
	a.Answers[in.Indicators[0].Code] = domain.MeritAnswer{Level: 0.6, Justification: "Rencana kebutuhan disusun tiap tahun",
		Evidence: []domain.Bukti{{ID: 1, Kind: domain.BuktiFile, Name: "Renbut 2026.pdf", SHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
			Added: time.Date(2026, 2, 3, 10, 0, 0, 0, time.UTC)}},
		VerifiedLevel: 0.4, VerifierNote: "Belum ada analisis beban kerja"}
	a.Answers[in.Indicators[1].Code] = domain.MeritAnswer{Level: 0.8, Justification: "Tanpa bukti"}
	a.Actions = []domain.MeritAction{{ID: 2, Indicator: in.Indicators[0].Code, Text: "Menyusun analisis beban kerja", Owner: "Sekretariat",
		Due: date(2026, 12, 15), Status: domain.PlanProses}}
	return a
}

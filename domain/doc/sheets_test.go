package doc

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"asndesk/domain"
	"asndesk/domain/demo"
)

// checkSheet: a type per column, a cell per column in every row, a
// worksheet name Excel accepts, "n" cells integers and "d" cells dates.
func checkSheet(t *testing.T, s Sheet) {
	t.Helper()
	if s.Name == "" || len([]rune(s.Name)) > 31 || strings.ContainsAny(s.Name, `[]:*?/\`) {
		t.Errorf("sheet name %q", s.Name)
	}
	if len(s.Types) != len(s.Columns) {
		t.Fatalf("%s: %d types for %d columns", s.Name, len(s.Types), len(s.Columns))
	}
	for i, r := range s.Rows {
		if len(r) != len(s.Columns) {
			t.Fatalf("%s row %d: %d cells for %d columns", s.Name, i, len(r), len(s.Columns))
		}
		for j, c := range r {
			switch s.Types[j] {
			case "n":
				if c != "" && strings.Trim(c, "0123456789") != "" {
					t.Errorf("%s row %d %s: %q is not an integer", s.Name, i, s.Columns[j], c)
				}
			case "d":
				if d, err := domain.ParseDate(c); err != nil || c != d.String() {
					t.Errorf("%s row %d %s: %q is not DD-MM-YYYY", s.Name, i, s.Columns[j], c)
				}
			}
		}
	}
}

func cell(t *testing.T, s Sheet, row int, col string) string {
	t.Helper()
	for i, c := range s.Columns {
		if c == col {
			return s.Rows[row][i]
		}
	}
	t.Fatalf("%s: no column %q in %q", s.Name, col, s.Columns)
	return ""
}

func typeOf(s Sheet, col string) string {
	for i, c := range s.Columns {
		if c == col {
			return s.Types[i]
		}
	}
	return "?"
}

func TestNominatifSheet(t *testing.T) {
	o := testOpts()
	o.Office.Demo = true
	o.Filter = "Unit kerja: Sekretariat"
	s := NominatifSheet(NominatifColumns(), []domain.Employee{testEmployee()}, o)
	checkSheet(t, s)
	if s.Columns[0] != "No" || s.Columns[1] != "NIP / NI PPPK" || len(s.Columns) != 14 {
		t.Errorf("columns %q", s.Columns)
	}
	if s.Title != "DATA CONTOH · Daftar nominatif pegawai · Kecamatan Sukamaju · keadaan 02-11-2026 · Unit kerja: Sekretariat" {
		t.Errorf("title %q", s.Title)
	}
	if cell(t, s, 0, "NIP / NI PPPK") != "199003152015032002" || typeOf(s, "NIP / NI PPPK") != "" {
		t.Error("NIP is 18 digits as text")
	}
	if typeOf(s, "Tgl lahir") != "d" || typeOf(s, "Usia") != "n" || cell(t, s, 0, "Usia") != "36" {
		t.Errorf("types %q", s.Types)
	}
}

func TestEmployeesSheet(t *testing.T) {
	e := testEmployee()
	p := domain.Employee{ID: 11, Kind: domain.KindPPPKParuhWaktu, Nama: "Budi", NIP: "199201012023212001", Golongan: "IX",
		TMTKontrak: date(2024, 3, 1), AkhirKontrak: date(2029, 2, 28), Status: domain.StatusAktif, NomorHP: "0812"}
	s := EmployeesSheet([]domain.Employee{e, p}, testOpts())
	checkSheet(t, s)
	want := "NIP,NAMA,GELAR DEPAN,GELAR BELAKANG,TEMPAT LAHIR,TANGGAL LAHIR,JENIS KELAMIN,AGAMA,STATUS PERKAWINAN,NIK,ALAMAT,NO HP,EMAIL," +
		"JENIS PEGAWAI,STATUS PEGAWAI,TMT CPNS,TMT PNS,TMT KONTRAK,AKHIR KONTRAK,GOLONGAN,TMT GOLONGAN,JENIS JABATAN,JENJANG,JABATAN,TMT JABATAN," +
		"UNIT KERJA,PENDIDIKAN"
	if strings.Join(s.Columns, ",") != want || strings.Join(EmployeeColumns(), ",") != want {
		t.Errorf("columns %q", s.Columns)
	}
	for col, v := range map[string]string{"NIP": "199003152015032002", "NAMA": "Rina Marlina", "GELAR BELAKANG": "S.E.",
		"TANGGAL LAHIR": "15-03-1990", "JENIS KELAMIN": "Perempuan", "NIK": "3273015503900002", "NO HP": "081234567890",
		"JENIS PEGAWAI": "PNS", "STATUS PEGAWAI": "Aktif", "TMT CPNS": "01-03-2015", "GOLONGAN": "III/b",
		"JENIS JABATAN": "Fungsional", "JENJANG": "Ahli Pertama", "JABATAN": "Analis Kebijakan", "UNIT KERJA": "Sekretariat", "PENDIDIKAN": "S1"} {
		if got := cell(t, s, 0, col); got != v {
			t.Errorf("%s = %q, want %q", col, got, v)
		}
	}
	for col, v := range map[string]string{"JENIS PEGAWAI": "PPPK Paruh Waktu", "GOLONGAN": "IX", "TMT KONTRAK": "01-03-2024",
		"AKHIR KONTRAK": "28-02-2029", "TMT CPNS": "", "JENJANG": "", "JENIS KELAMIN": "", "NO HP": "0812"} {
		if got := cell(t, s, 1, col); got != v {
			t.Errorf("PPPK %s = %q, want %q", col, got, v)
		}
	}
	for _, col := range []string{"NIP", "NIK", "NO HP"} {
		if typeOf(s, col) != "" {
			t.Errorf("%s must be text", col)
		}
	}
	if typeOf(s, "TANGGAL LAHIR") != "d" || typeOf(s, "AKHIR KONTRAK") != "d" || typeOf(s, "TMT GOLONGAN") != "d" {
		t.Error("date columns")
	}
	// TMT GOLONGAN and TMT JABATAN come from the latest riwayat entries
	// that match the profile, so the file imports back unchanged.
	o := testOpts()
	o.Riwayat = func(id uint64) []domain.Riwayat {
		if id != e.ID {
			return nil
		}
		return []domain.Riwayat{
			{ID: 1, Kind: domain.RwPangkat, Pangkat: &domain.RwPangkatData{Golongan: "III/a", TMT: date(2015, 3, 1)}},
			{ID: 2, Kind: domain.RwPangkat, Pangkat: &domain.RwPangkatData{Golongan: "III/b", TMT: date(2019, 4, 1)}},
			{ID: 3, Kind: domain.RwJabatan, Jabatan: &domain.RwJabatanData{Nama: "Analis Kebijakan", TMT: date(2020, 1, 2)}},
		}
	}
	s = EmployeesSheet([]domain.Employee{e, p}, o)
	if got := cell(t, s, 0, "TMT GOLONGAN") + " " + cell(t, s, 0, "TMT JABATAN"); got != "01-04-2019 02-01-2020" {
		t.Errorf("TMT cells %q", got)
	}
	if got := cell(t, s, 1, "TMT GOLONGAN"); got != "" {
		t.Errorf("PPPK TMT GOLONGAN %q", got)
	}
}

func TestDUKSheet(t *testing.T) {
	s := DUKSheet(testDUKRows(), testOpts())
	checkSheet(t, s)
	for col, v := range map[string]string{"No": "1", "NIP": "197505102000031003", "Golongan": "IV/a", "Pangkat": "Pembina",
		"TMT golongan": "01-04-2018", "Masa kerja tahun": "26", "Masa kerja bulan": "8", "Diklat PIM": "PIM III",
		"Tahun diklat PIM": "2019", "Unit kerja": "Sekretariat"} {
		if got := cell(t, s, 0, col); got != v {
			t.Errorf("%s = %q, want %q", col, got, v)
		}
	}
	if cell(t, s, 1, "Diklat PIM") != "" || cell(t, s, 1, "Tahun diklat PIM") != "" {
		t.Error("no PIM stays empty")
	}
}

func TestPengingatSheet(t *testing.T) {
	rs, names := testReminders()
	s := PengingatSheet(rs, names, testOpts())
	checkSheet(t, s)
	if cell(t, s, 0, "Terlambat") != "Ya" || cell(t, s, 1, "Terlambat") != "" || cell(t, s, 0, "NIP") != "199003152015032002" ||
		cell(t, s, 1, "Catatan") != "belum: predikat kinerja 2 tahun terakhir belum tercatat" || cell(t, s, 0, "Tanggal") != "01-10-2026" {
		t.Errorf("rows %q", s.Rows)
	}
	// Notes that end their sentence are not followed by "; ".
	rs[1].Notes = []string{"Rencana perbaikan belum ditindaklanjuti.", "Kenaikan pangkat tertunda"}
	if got := cell(t, PengingatSheet(rs, names, testOpts()), 1, "Catatan"); got != "Rencana perbaikan belum ditindaklanjuti. Kenaikan pangkat tertunda" {
		t.Errorf("catatan %q", got)
	}
	checkSheet(t, PengingatSheet(rs, nil, testOpts()))
}

func TestMonitoringSheet(t *testing.T) {
	rows := []domain.Row{
		{ID: 10, Status: domain.StatusAktif, UnitID: 1, Nama: "Rina"},
		{ID: 11, Status: domain.StatusAktif, UnitID: 1, Nama: "Budi"},
		{ID: 12, Status: domain.StatusAktif, UnitID: 2, Nama: "Sari"},
	}
	us := []domain.Unit{{ID: 1, Name: "Sekretariat"}, {ID: 2, Name: "Seksi Pemerintahan"}}
	skps := []domain.SKPRow{
		{SKPID: 1, EmployeeID: 10, Year: 2026, Status: domain.SKPDisetujui, UnitID: 1, Periodik: map[int]domain.Predikat{1: domain.Baik}},
		{SKPID: 2, EmployeeID: 12, Year: 2026, Status: domain.SKPDraft, UnitID: 2},
	}
	m := domain.Monitor(rows, us, skps, []domain.OrgRating{{Year: 2026, UnitID: 1, Predikat: domain.OrgBaik}}, 2026, 1, date(2026, 5, 1))
	s := MonitoringSheet(m, testOpts())
	checkSheet(t, s)
	if len(s.Rows) != len(m.Units)+1 || s.Rows[len(s.Rows)-1][0] != "Jumlah" {
		t.Fatalf("rows %q", s.Rows)
	}
	if !strings.Contains(s.Title, "Tahun 2026 · Triwulan I") {
		t.Errorf("title %q", s.Title)
	}
	for col, v := range map[string]string{"Unit kerja": "Sekretariat", "Pegawai aktif": "2", "Tanpa SKP": "1", "Disetujui": "1",
		"Evaluasi Triwulan I final": "1", "Predikat organisasi": "Baik", "Baik": "1", "Sangat Baik": "0"} {
		if got := cell(t, s, 0, col); got != v {
			t.Errorf("%s = %q, want %q", col, got, v)
		}
	}
	if cell(t, s, 2, "Pegawai aktif") != "3" || cell(t, s, 2, "Draft") != "1" {
		t.Errorf("Jumlah %q", s.Rows[2])
	}
}

func TestEvaluasiSheet(t *testing.T) {
	rows := []domain.SKPRow{
		{SKPID: 1, EmployeeID: 10, Year: 2026, PegawaiNama: "Rina", PenilaiNama: "Bambang", UnitID: 1, Status: domain.SKPDisetujui,
			Start: date(2026, 1, 1), End: date(2026, 12, 31), Periodik: map[int]domain.Predikat{1: domain.Baik, 2: domain.SangatBaik}, Predikat: domain.Baik},
		{SKPID: 2, Year: 2025, PegawaiNama: "Tahun lalu"},
	}
	o := testOpts()
	o.NIPOf = func(id uint64) string {
		if id == 10 {
			return "19900315 201503 2 002"
		}
		return ""
	}
	s := EvaluasiSheet(rows, 2026, o)
	checkSheet(t, s)
	// The predikat columns hold final evaluations only and say so.
	if strings.Join(s.Columns, ",") != "No,NIP,Pegawai,Pejabat penilai,Unit kerja,Status SKP,Periode SKP,"+
		"Triwulan I (final),Triwulan II (final),Triwulan III (final),Triwulan IV (final),Tahunan (final)" {
		t.Errorf("columns %q", s.Columns)
	}
	if len(s.Rows) != 1 || cell(t, s, 0, "Triwulan II (final)") != "Sangat Baik" || cell(t, s, 0, "Triwulan III (final)") != "" ||
		cell(t, s, 0, "Tahunan (final)") != "Baik" || cell(t, s, 0, "Periode SKP") != "01-01-2026 s.d. 31-12-2026" ||
		cell(t, s, 0, "NIP") != "199003152015032002" {
		t.Errorf("rows %q", s.Rows)
	}
	if !strings.Contains(s.Title, "kosong = belum dievaluasi atau belum final") {
		t.Errorf("title %q", s.Title)
	}
	// Without NIPOf the NIP cells stay empty, no panic.
	if got := cell(t, EvaluasiSheet(rows, 2026, testOpts()), 0, "NIP"); got != "" {
		t.Errorf("NIP without NIPOf %q", got)
	}
	o = testOpts()
	o.Frequency = domain.Bulanan
	if m := EvaluasiSheet(rows, 2026, o); len(m.Columns) != 7+12+1 || m.Columns[7] != "Januari (final)" {
		t.Errorf("bulanan columns %q", m.Columns)
	}
	rows[0].Periodik[7] = domain.Baik
	if m := EvaluasiSheet(rows, 2026, testOpts()); m.Columns[13] != "Juli (final)" {
		t.Errorf("a month past IV means bulanan: %q", m.Columns)
	}
}

func TestMeritAnswersSheet(t *testing.T) {
	in := testInstrument(t)
	a := testAssessment(in)
	s := MeritAnswersSheet(a, in, testOpts())
	checkSheet(t, s)
	if strings.Join(s.Columns, ",") != "Aspek,Kode,Indikator,Level mandiri,Justifikasi,Jumlah bukti,Level verifikasi,Catatan verifikator" {
		t.Errorf("columns %q", s.Columns)
	}
	if len(s.Rows) != len(in.Indicators) || !strings.HasSuffix(s.Title, MarkTidakResmi) {
		t.Errorf("%d rows, title %q", len(s.Rows), s.Title)
	}
	lvl, _ := in.Level(0.6)
	if cell(t, s, 0, "Level mandiri") != "0,6 – "+lvl.Label || cell(t, s, 0, "Jumlah bukti") != "1" ||
		cell(t, s, 0, "Catatan verifikator") != "Belum ada analisis beban kerja" || cell(t, s, 0, "Aspek") != in.TopAspects()[0].Name {
		t.Errorf("row %q", s.Rows[0])
	}
	if cell(t, s, 2, "Level mandiri") != "" || cell(t, s, 2, "Jumlah bukti") != "0" {
		t.Errorf("unanswered row %q", s.Rows[2])
	}
}

func TestSIASNSheets(t *testing.T) {
	f := testSKP()
	f.Evals[1].Final = true
	notFinal := testSKP() // its tahunan is not final: only Triwulan I goes out
	s := SIASNSkp22Sheet([]domain.SKPFile{f, notFinal}, testOpts())
	checkSheet(t, s)
	want := "nipBaru,nama,tahun,hasilKinerja,hasilKinerjaNilai,perilakuKerja,perilakuKerjaNilai,kuadranKinerja,kuadranKinerjaNilai," +
		"penilaiNama,penilaiNipNrp,penilaiGolongan,penilaiJabatan,penilaiUnorNama,statusPenilai"
	if strings.Join(s.Columns, ",") != want || len(s.Rows) != 1 {
		t.Fatalf("columns %q rows %d", s.Columns, len(s.Rows))
	}
	// For bulk upload the field names are row 1: no title row, even for
	// the demo office.
	demo := testOpts()
	demo.Office.Demo = true
	if s.Title != "" || SIASNSkp22Sheet([]domain.SKPFile{f}, demo).Title != "" || SIASNKinerjaPeriodikSheet([]domain.SKPFile{f}, demo).Title != "" {
		t.Errorf("SIASN sheets have a title row")
	}
	if strings.Contains(SIASNNote, "(K") || !strings.Contains(SIASNNote, "hasilKinerjaNilai") {
		t.Errorf("note %q", SIASNNote)
	}
	for col, v := range map[string]string{"nipBaru": "199003152015032002", "tahun": "2026", "hasilKinerja": "Di Atas Ekspektasi",
		"kuadranKinerja": "Sangat Baik", "hasilKinerjaNilai": "", "penilaiNipNrp": "197505102000031003", "penilaiGolongan": "IV/a",
		"statusPenilai": "ASN"} {
		if got := cell(t, s, 0, col); got != v {
			t.Errorf("%s = %q, want %q", col, got, v)
		}
	}

	p := SIASNKinerjaPeriodikSheet([]domain.SKPFile{f, notFinal}, testOpts())
	checkSheet(t, p)
	if len(p.Rows) != 2 {
		t.Fatalf("periodic rows %d", len(p.Rows))
	}
	for col, v := range map[string]string{"periodikNama": "Triwulan I", "bulanMulaiPenilaian": "1", "bulanSelesaiPenilaian": "3",
		"tahunSelesaiPenilaian": "2026", "hasilKinerja": "Sesuai Ekspektasi", "perilakuKerja": "Di Atas Ekspektasi",
		"kuadranKinerja": "Baik", "persentase": "100", "penilaiJabatanNama": "Sekretaris Kecamatan", "jabatan": pegawai.Jabatan} {
		if got := cell(t, p, 0, col); got != v {
			t.Errorf("%s = %q, want %q", col, got, v)
		}
	}
}

func TestProgressHarianSheet(t *testing.T) {
	s := ProgressHarianSheet(testSKP(), testOpts())
	checkSheet(t, s)
	if s.Title != "" {
		t.Errorf("title row %q: the column names must be row 1", s.Title)
	}
	if strings.Join(s.Columns, ",") != "Rencana Aksi,Tanggal,Jam Mulai,Jam Selesai,Kegiatan Harian,Realisasi,Satuan,Bukti Dukung" {
		t.Errorf("columns %q", s.Columns)
	}
	// Work without realisasi or bukti is not progress.
	if len(s.Rows) != 2 {
		t.Fatalf("rows %q", s.Rows)
	}
	want := []string{"Menghimpun usulan desa", "20-03-2026", "", "", "1 dokumen rekap usulan desa", "1", "Dokumen", "Rekap usulan 005/12/2026"}
	if fmt.Sprint(s.Rows[0]) != fmt.Sprint(want) {
		t.Errorf("row %q\nwant %q", s.Rows[0], want)
	}
	if cell(t, s, 1, "Realisasi") != "" || cell(t, s, 1, "Tanggal") != "10-06-2026" {
		t.Errorf("row 2 %q", s.Rows[1])
	}
	f := testSKP()
	f.Work[0].Updated = time.Time{}
	if got := cell(t, ProgressHarianSheet(f, testOpts()), 0, "Tanggal"); got != "31-03-2026" {
		t.Errorf("no update time: %q", got)
	}
}

func TestLeadingNumber(t *testing.T) {
	for in, want := range map[string]string{"3 dokumen": "3", "2,5 jam": "2,5", "100%": "100", "Rancangan 80%": "", "": "", "12.": "12", " 7 desa": "7"} {
		if got := leadingNumber(in); got != want {
			t.Errorf("leadingNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDemoSheets exports the demo office: every sheet is well formed.
func TestDemoSheets(t *testing.T) {
	office, nodes, emps, _ := demo.GenerateOffice(40, 2)
	names := map[uint64]string{}
	for _, u := range nodes {
		names[u.ID] = u.Name
	}
	o := Opts{Office: office, Today: demo.ReferenceDate(), UnitName: func(id uint64) string { return names[id] }}
	checkSheet(t, EmployeesSheet(emps, o))
	checkSheet(t, NominatifSheet(NominatifColumns(), emps, o))
	k := demo.GenerateKinerja(nodes, emps, nil, demo.ReferenceDate())
	var files []domain.SKPFile
	for _, s := range k.SKPs {
		f := domain.SKPFile{SKP: s}
		for _, w := range k.Work {
			if w.SKPID == s.ID {
				f.Work = append(f.Work, w)
			}
		}
		for _, e := range k.Evals {
			if e.SKPID == s.ID {
				f.Evals = append(f.Evals, e)
			}
		}
		checkSheet(t, ProgressHarianSheet(f, o))
		files = append(files, f)
	}
	checkSheet(t, SIASNSkp22Sheet(files, o))
	checkSheet(t, SIASNKinerjaPeriodikSheet(files, o))
}

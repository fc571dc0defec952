package importer

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"asndesk/domain"
)

// textGrid builds a grid of text cells; "#123" makes a numeric cell.
func textGrid(rows ...[]string) Grid {
	g := Grid{Sheet: "Data"}
	for _, r := range rows {
		cells := make([]Cell, len(r))
		for i, s := range r {
			if strings.HasPrefix(s, "#") {
				cells[i] = Cell{Text: s[1:], Number: true}
			} else {
				cells[i] = Cell{Text: s}
			}
		}
		g.Rows = append(g.Rows, cells)
	}
	return g
}

var today = domain.Date{Year: 2026, Month: time.November, Day: 23}

func plan(t *testing.T, k Kind, g Grid, emps []domain.Employee, units []domain.Unit) Report {
	t.Helper()
	rep, err := Plan(Input{Kind: k, Grid: g, Mapping: AutoMap(k, g), Employees: emps, Units: units, Today: today})
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	return rep
}

const nip1 = "198501012010011001" // born 1 January 1985, CPNS January 2010, male
const nip2 = "199002152015032002" // born 15 February 1990, CPNS March 2015, female

func TestAutoMapFindsTitlesBelowTheOfficeHeading(t *testing.T) {
	g := textGrid(
		[]string{"PEMERINTAH KABUPATEN CONTOH"},
		[]string{"DAFTAR PEGAWAI"},
		[]string{},
		[]string{"No", "NIP BARU", "Nama", "Gol/Ruang", "T.M.T. Golongan", "Unit_Kerja", "Keterangan"},
		[]string{"1", nip1, "Budi", "III/b", "01-04-2020", "Sekretariat", ""},
	)
	m := AutoMap(Pegawai, g)
	if m.Header != 3 {
		t.Fatalf("header row = %d, want 3", m.Header)
	}
	want := []Field{None, FNIP, FNama, FGolongan, FTMTGolongan, FUnit, None}
	if !reflect.DeepEqual(m.Fields, want) {
		t.Fatalf("fields = %v, want %v", m.Fields, want)
	}
}

func TestAutoMapRecognisesEveryExportTitle(t *testing.T) {
	// The titles doc.EmployeesSheet writes: an export must map completely.
	titles := []string{"NIP", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "TEMPAT LAHIR", "TANGGAL LAHIR",
		"JENIS KELAMIN", "AGAMA", "STATUS PERKAWINAN", "NIK", "ALAMAT", "NO HP", "EMAIL", "JENIS PEGAWAI",
		"STATUS PEGAWAI", "TMT CPNS", "TMT PNS", "TMT KONTRAK", "AKHIR KONTRAK", "GOLONGAN", "JENIS JABATAN",
		"JENJANG", "JABATAN", "UNIT KERJA", "PENDIDIKAN"}
	m := AutoMap(Pegawai, textGrid(titles))
	for i, f := range m.Fields {
		if f == None {
			t.Errorf("title %q not recognised", titles[i])
		} else if f.Label() != titles[i] {
			t.Errorf("title %q mapped to %q", titles[i], f.Label())
		}
	}
}

func TestAutoMapAliases(t *testing.T) {
	for _, tc := range []struct {
		kind  Kind
		title string
		want  Field
	}{
		{Pegawai, "nip_baru", FNIP},
		{Pegawai, "NIP 18", FNIP},
		{Pegawai, "Tgl. Lahir", FTanggalLahir},
		{Pegawai, "TEMPAT/TANGGAL LAHIR", FTempatTanggal},
		{Pegawai, "GOL", FGolongan},
		{Pegawai, "gol / ruang", FGolongan},
		{Pegawai, "NAMA JABATAN", FJabatan},
		{Pegawai, "UNOR", FUnit},
		{Pegawai, "Satuan Kerja", FUnit},
		{Pegawai, "KEDUDUKAN HUKUM", FStatus},
		{Pegawai, "TINGKAT PENDIDIKAN", FPendidikan},
		{Pegawai, "TMT", None},
		{RiwayatPangkat, "TMT", FTMTGolongan},
		{RiwayatPangkat, "Nomor SK", FNomorSK},
		{RiwayatJabatan, "TMT", FTMTJabatan},
		{RiwayatJabatan, "Tgl SK", FTanggalSK},
		{Pegawai, "Keterangan", None},
	} {
		if got := lookupHeader(tc.kind, tc.title); got != tc.want {
			t.Errorf("%v %q → %q, want %q", tc.kind.Label(), tc.title, got, tc.want)
		}
	}
}

func TestDateCells(t *testing.T) {
	d := func(y int, m time.Month, dd int) domain.Date { return domain.Date{Year: y, Month: m, Day: dd} }
	for _, tc := range []struct {
		cell Cell
		want domain.Date
		msg  string
	}{
		{Cell{Text: "26-09-1986"}, d(1986, 9, 26), ""},
		{Cell{Text: "26/09/1986"}, d(1986, 9, 26), ""},
		{Cell{Text: "1986-09-26"}, d(1986, 9, 26), ""},
		{Cell{Text: "1986-09-26 00:00:00"}, d(1986, 9, 26), ""},
		{Cell{Text: "26 September 1986"}, d(1986, 9, 26), ""},
		{Cell{Text: "26 Sep 1986"}, d(1986, 9, 26), ""},
		{Cell{Text: "26 Agustus 1986"}, d(1986, 8, 26), ""},
		{Cell{Text: "31048", Number: true}, d(1985, 1, 1), ""},
		{Cell{Text: "31048"}, d(1985, 1, 1), ""}, // numeric-looking text
		{Cell{Text: "31048.75", Number: true}, d(1985, 1, 1), ""},
		{Cell{Text: "59", Number: true}, d(1900, 2, 28), ""},
		{Cell{Text: "1", Number: true}, d(1900, 1, 1), ""},
		{Cell{Text: "61", Number: true}, d(1900, 3, 1), ""},
		{Cell{Text: "31-02-1986"}, domain.Date{}, "TANGGAL LAHIR: tanggal «31-02-1986» tidak ada di kalender."},
		{Cell{Text: "31 Februari 1986"}, domain.Date{}, "TANGGAL LAHIR: tanggal «31 Februari 1986» tidak ada di kalender."},
		{Cell{Text: "kemarin"}, domain.Date{}, "TANGGAL LAHIR: «kemarin» bukan tanggal; tulis HH-BB-TTTT, misalnya 26-09-1986."},
		{Cell{Text: "-5", Number: true}, domain.Date{}, "TANGGAL LAHIR: «-5» bukan tanggal; tulis HH-BB-TTTT, misalnya 26-09-1986."},
	} {
		got, msg := parseDateCell("TANGGAL LAHIR", tc.cell)
		if got != tc.want || msg != tc.msg {
			t.Errorf("%+v → %v %q, want %v %q", tc.cell, got, msg, tc.want, tc.msg)
		}
	}
}

func TestGolonganCells(t *testing.T) {
	for _, tc := range []struct {
		kind domain.Kind
		in   string
		want string
		ok   bool
	}{
		{domain.KindPNS, "III/b", "III/b", true},
		{domain.KindPNS, "3b", "III/b", true},
		{domain.KindPNS, "Penata Muda Tk. I (III/b)", "III/b", true},
		{domain.KindPNS, "Penata Muda Tingkat I", "III/b", true},
		{domain.KindPNS, "32", "III/b", true}, // SIASN id
		{domain.KindPPPK, "ix", "IX", true},
		{domain.KindPNS, "V/a", "V/a", false},
		{domain.KindPPPK, "XX", "XX", false},
	} {
		got, ok := parseGolongan(tc.kind, Cell{Text: tc.in})
		if got != tc.want || ok != tc.ok {
			t.Errorf("%v %q → %q %v, want %q %v", tc.kind, tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// oneRow plans a single data row under the given titles and returns it.
func oneRow(t *testing.T, titles []string, values []string, emps []domain.Employee, units []domain.Unit) Row {
	t.Helper()
	rep := plan(t, Pegawai, textGrid(titles, values), emps, units)
	if len(rep.Rows) != 1 {
		t.Fatalf("rows = %d", len(rep.Rows))
	}
	return rep.Rows[0]
}

func TestBadValuesAreReportedWithTheirMessage(t *testing.T) {
	titles := []string{"NIP", "NAMA", "TANGGAL LAHIR", "GOLONGAN", "JENIS KELAMIN", "JENIS PEGAWAI", "NIK"}
	for _, tc := range []struct {
		name   string
		values []string
		want   []string
	}{
		{"nip in scientific notation", []string{"#1.98501012010011E+17", "Budi", "", "", "", "", ""},
			[]string{"NIP tertulis 1.98501012010011E+17: Excel mengubahnya menjadi angka ilmiah sehingga angka-angka terakhirnya hilang. " +
				"Format kolom NIP sebagai Teks, lalu ketik atau tempel ulang NIP-nya."}},
		{"nip rounded, typed with a comma", []string{"1,98501E+17", "Budi", "", "", "", "", ""},
			[]string{"NIP tertulis 1,98501E+17: Excel mengubahnya menjadi angka ilmiah sehingga angka-angka terakhirnya hilang. " +
				"Format kolom NIP sebagai Teks, lalu ketik atau tempel ulang NIP-nya."}},
		{"nip too short", []string{"19850101201001100", "Budi", "", "", "", "", ""},
			[]string{"NIP harus 18 angka (tertulis 17)."}},
		{"nip too long", []string{"1985010120100110011", "Budi", "", "", "", "", ""},
			[]string{"NIP harus 18 angka (tertulis 19)."}},
		{"nip missing", []string{"", "Budi", "", "", "", "", ""}, []string{"NIP wajib diisi."}},
		{"nik rounded", []string{nip1, "Budi", "", "", "", "", "#3.27301E+15"},
			[]string{"NIK tertulis 3.27301E+15: Excel mengubahnya menjadi angka ilmiah sehingga angka-angka terakhirnya hilang. " +
				"Format kolom NIK sebagai Teks, lalu ketik atau tempel ulang NIK-nya."}},
		{"unknown golongan", []string{nip1, "Budi", "", "III/f", "", "", ""},
			[]string{"Golongan «III/f» tidak dikenal; tulis misalnya III/b atau Penata Muda Tingkat I (III/b)."}},
		{"unknown pppk golongan", []string{"199001152023212005", "Sari", "", "III/b", "", "PPPK", ""},
			[]string{"Golongan «III/b» tidak dikenal; golongan PPPK ditulis I sampai XVII."}},
		{"bad date", []string{nip1, "Budi", "1 Januar 1985", "", "", "", ""},
			[]string{"TANGGAL LAHIR: «1 Januar 1985» bukan tanggal; tulis HH-BB-TTTT, misalnya 26-09-1986."}},
		{"unknown gender", []string{nip1, "Budi", "", "", "X", "", ""},
			[]string{"Jenis kelamin «X» tidak dikenal; tulis L atau P."}},
		{"unknown kind", []string{nip1, "Budi", "", "", "", "Honorer", ""},
			[]string{"Jenis pegawai «Honorer» tidak dikenal; tulis PNS, CPNS, PPPK atau PPPK Paruh Waktu."}},
		{"no name", []string{nip1, "", "", "", "", "", ""}, []string{"Nama wajib diisi."}},
		{"several problems at once", []string{nip1, "Budi", "kemarin", "III/f", "", "", ""},
			[]string{"TANGGAL LAHIR: «kemarin» bukan tanggal; tulis HH-BB-TTTT, misalnya 26-09-1986.",
				"Golongan «III/f» tidak dikenal; tulis misalnya III/b atau Penata Muda Tingkat I (III/b)."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			row := oneRow(t, titles, tc.values, nil, nil)
			if row.Action != Error || !reflect.DeepEqual(row.Errors, tc.want) {
				t.Fatalf("got %v %q\nwant errors %q", row.Action.Label(), row.Errors, tc.want)
			}
		})
	}
}

func TestNIPAsAWholeNumberCellIsFine(t *testing.T) {
	row := oneRow(t, []string{"NIP", "NAMA"}, []string{"#" + nip1, "Budi"}, nil, nil)
	if row.Action != New || row.Employee.NIP != nip1 {
		t.Fatalf("got %v %q %q", row.Action.Label(), row.Employee.NIP, row.Errors)
	}
}

func TestNewEmployeeFromSIMPEGStyleRow(t *testing.T) {
	titles := []string{"NIP BARU", "NAMA", "TEMPAT/TANGGAL LAHIR", "L/P", "GOL/RUANG", "TMT GOL", "NAMA JABATAN",
		"JENIS JABATAN", "UNOR", "TMT JABATAN", "PENDIDIKAN", "TAHUN LULUS", "AGAMA", "NO HP"}
	values := []string{nip1, "Budi Santoso", "Bandung, 01-01-1985", "Laki-laki", "Penata Muda Tk. I (III/b)",
		"#43922", "Analis Kebijakan", "Fungsional", "Sekretariat", "01/04/2020", "S-1", "#2007", "islam", "#81234567890"}
	units := []domain.Unit{{ID: 7, Name: "Sekretariat"}}
	row := oneRow(t, titles, values, nil, units)
	if row.Action != New {
		t.Fatalf("action %v: %q", row.Action.Label(), row.Errors)
	}
	e := row.Employee
	if e.TempatLahir != "Bandung" || e.TanggalLahir != (domain.Date{Year: 1985, Month: 1, Day: 1}) ||
		e.JenisKelamin != domain.Male || e.Golongan != "III/b" || e.UnitID != 7 || e.Pendidikan != "S1" ||
		e.Agama != "Islam" || e.NomorHP != "081234567890" || e.Kind != domain.KindPNS || e.Status != domain.StatusAktif {
		t.Fatalf("employee %+v", e)
	}
	if len(row.Riwayat) != 3 || row.Riwayat[0].Pangkat.TMT != (domain.Date{Year: 2020, Month: 4, Day: 1}) ||
		row.Riwayat[1].Jabatan.TMT != (domain.Date{Year: 2020, Month: 4, Day: 1}) || row.Riwayat[2].Pendidikan.TahunLulus != 2007 {
		t.Fatalf("riwayat %+v", row.Riwayat)
	}
	// Fungsional without a jenjang, but the file has no JENJANG column:
	// the import does not warn about what the file does not say.
	if contains(row.Warnings, "Jenjang jabatan fungsional belum dipilih.") || len(row.Warnings) != 1 {
		t.Fatalf("warnings %q", row.Warnings)
	}
	values[8] = "Sekretariat"
	row = oneRow(t, append(titles, "JENJANG"), append(values, ""), nil, units)
	if !contains(row.Warnings, "Jenjang jabatan fungsional belum dipilih.") {
		t.Fatalf("with an empty JENJANG: warnings %q", row.Warnings)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestUnknownUnitIsCreated(t *testing.T) {
	g := textGrid([]string{"NIP", "NAMA", "UNIT KERJA"},
		[]string{nip1, "Budi", "Bidang  Baru"},
		[]string{nip2, "Sari", "bidang baru"})
	rep := plan(t, Pegawai, g, nil, []domain.Unit{{ID: 1, Name: "Sekretariat"}})
	for _, row := range rep.Rows {
		if row.Action != New || row.Unit == "" || !contains(row.Warnings, "Unit kerja «"+row.Unit+"» belum ada; akan dibuat.") {
			t.Fatalf("row %+v", row)
		}
	}
	if !reflect.DeepEqual(rep.NewUnits, []string{"Bidang Baru"}) || rep.Counts.Warning != 2 {
		t.Fatalf("new units %q, counts %+v", rep.NewUnits, rep.Counts)
	}
}

func TestDuplicateNIPsNameTheFirstRow(t *testing.T) {
	g := textGrid([]string{"NIP", "NAMA"},
		[]string{nip1, "Budi"},
		[]string{nip2, "Sari"},
		[]string{nip1, "Budi lagi"},
		[]string{"19850101 201001 1 001", "Budi sekali lagi"})
	rep := plan(t, Pegawai, g, nil, nil)
	want := "NIP " + nip1 + " sudah ada di baris 2 berkas ini."
	for _, i := range []int{2, 3} {
		if r := rep.Rows[i]; r.Action != Error || !reflect.DeepEqual(r.Errors, []string{want}) {
			t.Fatalf("row %d: %v %q", r.Line, r.Action.Label(), r.Errors)
		}
	}
	if rep.Counts != (Counts{New: 2, Error: 2, Total: 4}) {
		t.Fatalf("counts %+v", rep.Counts)
	}
}

func existing() []domain.Employee {
	return []domain.Employee{{ID: 5, Kind: domain.KindPNS, Status: domain.StatusAktif, NIP: nip1, Nama: "Budi",
		Golongan: "III/a", UnitID: 1, NamaJabatan: "Pengadministrasi", JenisJabatan: domain.Pelaksana,
		TanggalLahir: domain.Date{Year: 1985, Month: 1, Day: 1}, Updated: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}}
}

func TestUpdateListsOnlyMappedNonEmptyChanges(t *testing.T) {
	units := []domain.Unit{{ID: 1, Name: "Sekretariat"}, {ID: 2, Name: "Bidang Umum"}}
	g := textGrid([]string{"NIP", "NAMA", "GOLONGAN", "TMT GOLONGAN", "UNIT KERJA", "TMT JABATAN", "EMAIL"},
		[]string{nip1, "Budi", "III/b", "01-04-2024", "Bidang Umum", "02-05-2024", ""})
	rep := plan(t, Pegawai, g, existing(), units)
	row := rep.Rows[0]
	want := []Change{{FGolongan, "III/a", "III/b"}, {FUnit, "Sekretariat", "Bidang Umum"}}
	if row.Action != Update || !reflect.DeepEqual(row.Changes, want) {
		t.Fatalf("%v %+v %q", row.Action.Label(), row.Changes, row.Errors)
	}
	if row.Employee.ID != 5 || !row.Employee.Updated.Equal(existing()[0].Updated) {
		t.Fatalf("update must carry the stored id and Updated: %+v", row.Employee)
	}
	if len(row.Riwayat) != 2 || row.Riwayat[0].EmployeeID != 5 || row.Riwayat[1].Jabatan.TMT != (domain.Date{Year: 2024, Month: 5, Day: 2}) {
		t.Fatalf("riwayat %+v", row.Riwayat)
	}
	details := row.Details()
	if details[0] != "GOLONGAN: «III/a» → «III/b»" || details[1] != "UNIT KERJA: «Sekretariat» → «Bidang Umum»" {
		t.Fatalf("details %q", details)
	}
}

func TestSameValuesAreUnchanged(t *testing.T) {
	g := textGrid([]string{"NIP", "NAMA", "GOLONGAN", "UNIT KERJA", "JABATAN", "JENIS JABATAN", "TANGGAL LAHIR"},
		[]string{nip1, "Budi", "3a", "sekretariat", "Pengadministrasi", "Pelaksana", "01-01-1985"})
	rep := plan(t, Pegawai, g, existing(), []domain.Unit{{ID: 1, Name: "Sekretariat"}})
	if rep.Counts != (Counts{Unchanged: 1, Total: 1}) {
		t.Fatalf("counts %+v rows %+v", rep.Counts, rep.Rows)
	}
	if strings.Contains(rep.Text(), "Baris 2") {
		t.Fatalf("unchanged rows are not listed:\n%s", rep.Text())
	}
}

func TestOlderGolonganThanTheLatestEntryIsRefused(t *testing.T) {
	emps := existing()
	rw := map[uint64][]domain.Riwayat{5: {{ID: 9, EmployeeID: 5, Kind: domain.RwPangkat,
		Pangkat: &domain.RwPangkatData{Golongan: "III/a", TMT: domain.Date{Year: 2022, Month: 4, Day: 1}}}}}
	g := textGrid([]string{"NIP", "GOLONGAN", "TMT GOLONGAN"}, []string{nip1, "II/d", "01-04-2018"})
	rep, err := Plan(Input{Kind: Pegawai, Grid: g, Mapping: AutoMap(Pegawai, g), Employees: emps, Riwayat: rw, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Golongan II/d lebih lama dari riwayat pangkat terakhir (III/a); ubah lewat riwayat pangkat."}
	if r := rep.Rows[0]; r.Action != Error || !reflect.DeepEqual(r.Errors, want) {
		t.Fatalf("%v %q", r.Action.Label(), r.Errors)
	}
}

func TestMappingProblems(t *testing.T) {
	g := textGrid([]string{"NAMA", "GOL", "GOLONGAN"}, []string{"Budi", "III/a", "III/b"})
	for _, tc := range []struct {
		name string
		kind Kind
		m    Mapping
		want string
	}{
		{"no nip", Pegawai, Mapping{Fields: []Field{FNama, FGolongan, None}},
			"Kolom NIP belum ditemukan. Pilih kolom yang berisi NIP pada pemetaan kolom."},
		{"twice", Pegawai, Mapping{Fields: []Field{FNIP, FGolongan, FGolongan}},
			"Bidang GOLONGAN dipilih untuk dua kolom (B dan C); pilih satu saja."},
		{"riwayat without tmt", RiwayatPangkat, Mapping{Fields: []Field{FNIP, FGolongan}},
			"Kolom TMT GOLONGAN belum ditemukan. Pilih kolomnya pada pemetaan kolom."},
		{"field of another kind", RiwayatPangkat, Mapping{Fields: []Field{FNIP, FAgama}},
			"Bidang AGAMA tidak dipakai untuk impor riwayat pangkat."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Plan(Input{Kind: tc.kind, Grid: g, Mapping: tc.m, Today: today})
			if domain.ErrorMessage(err) != tc.want {
				t.Fatalf("got %q", domain.ErrorMessage(err))
			}
		})
	}
}

func TestRiwayatPangkatRows(t *testing.T) {
	emps := existing()
	rw := map[uint64][]domain.Riwayat{5: {{ID: 9, EmployeeID: 5, Kind: domain.RwPangkat,
		Pangkat: &domain.RwPangkatData{Golongan: "III/a", TMT: domain.Date{Year: 2020, Month: 4, Day: 1}}}}}
	g := textGrid([]string{"NIP", "GOL", "TMT", "NOMOR SK", "TGL SK"},
		[]string{nip1, "III/a", "01-04-2020", "", ""},
		[]string{nip1, "III/b", "01-04-2024", "823/12/2024", "15 Maret 2024"},
		[]string{nip2, "II/a", "01-03-2015", "", ""},
		[]string{nip1, "III/b", "01-04-2024", "", ""})
	rep, err := Plan(Input{Kind: RiwayatPangkat, Grid: g, Mapping: AutoMap(RiwayatPangkat, g), Employees: emps, Riwayat: rw, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	acts := []Action{Unchanged, New, Error, Error}
	for i, r := range rep.Rows {
		if r.Action != acts[i] {
			t.Fatalf("row %d: %v %q", r.Line, r.Action.Label(), r.Errors)
		}
	}
	p := rep.Rows[1].Riwayat[0]
	if p.EmployeeID != 5 || p.Pangkat.NomorSK != "823/12/2024" || p.Pangkat.TanggalSK != (domain.Date{Year: 2024, Month: 3, Day: 15}) {
		t.Fatalf("entry %+v %+v", p, p.Pangkat)
	}
	if got := rep.Rows[2].Errors; !reflect.DeepEqual(got, []string{"NIP " + nip2 + " tidak ada di data pegawai; impor pegawainya dulu."}) {
		t.Fatalf("row 4: %q", got)
	}
	if got := rep.Rows[3].Errors; !reflect.DeepEqual(got, []string{"Entri yang sama (NIP " + nip1 + ", TMT 01-04-2024) sudah ada di baris 3 berkas ini."}) {
		t.Fatalf("row 5: %q", got)
	}
}

func TestRiwayatJabatanWithNewUnit(t *testing.T) {
	g := textGrid([]string{"NIP", "NAMA JABATAN", "JENIS JABATAN", "JENJANG", "UNIT KERJA", "TMT JABATAN"},
		[]string{nip1, "Pranata Komputer", "JFT", "Ahli Pertama", "Bidang TI", "01-01-2025"})
	rep := plan(t, RiwayatJabatan, g, existing(), nil)
	r := rep.Rows[0]
	if r.Action != New || r.Unit != "Bidang TI" || r.Riwayat[0].Jabatan.Jenis != domain.Fungsional ||
		r.Riwayat[0].Jabatan.Jenjang != domain.AhliPertama {
		t.Fatalf("%+v", r)
	}
}

func TestThousandBadRowsAreAllReported(t *testing.T) {
	rows := [][]string{{"NIP", "NAMA", "TANGGAL LAHIR"}}
	for i := 0; i < 1000; i++ {
		rows = append(rows, []string{"#1.98501012010011E+17", "Pegawai " + strconv.Itoa(i), "kemarin"})
	}
	rep := plan(t, Pegawai, textGrid(rows...), nil, nil)
	if rep.Counts.Error != 1000 || rep.Counts.Total != 1000 || len(rep.Rows) != 1000 {
		t.Fatalf("counts %+v", rep.Counts)
	}
	if last := rep.Rows[999]; last.Line != 1001 || len(last.Errors) != 2 {
		t.Fatalf("last row %+v", last)
	}
	if !strings.Contains(rep.Text(), "Galat: 1000") {
		t.Fatal("counts missing from the text")
	}
}

func TestReportText(t *testing.T) {
	g := textGrid([]string{"NIP", "NAMA", "UNIT KERJA"},
		[]string{nip1, "Budi", "Bidang Baru"},
		[]string{"123", "Sari", ""})
	got := plan(t, Pegawai, g, nil, nil).Text()
	want := `Impor pegawai dari lembar «Data» (judul kolom di baris 1)
Baru: 1  Diperbarui: 0  Tidak berubah: 0  Galat: 1  Peringatan: 1
Unit kerja baru: Bidang Baru

Baris 2 — baru — 198501012010011001 Budi
  peringatan: Unit kerja «Bidang Baru» belum ada; akan dibuat.

Baris 3 — galat — 123 Sari
  galat: NIP harus 18 angka (tertulis 3).
`
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

func TestColumnName(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := ColumnName(i); got != want {
			t.Errorf("%d → %s, want %s", i, got, want)
		}
	}
}

func BenchmarkPlan10000(b *testing.B) {
	rows := [][]string{{"NIP", "NAMA", "TANGGAL LAHIR", "GOLONGAN", "UNIT KERJA"}}
	for i := 0; i < 10000; i++ {
		rows = append(rows, []string{"19850101201001" + "1" + strconv.Itoa(1000 + i%1000)[1:] + "", "Pegawai", "01-01-1985", "III/b", "Unit " + strconv.Itoa(i%20)})
	}
	g := textGrid(rows...)
	m := AutoMap(Pegawai, g)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Plan(Input{Kind: Pegawai, Grid: g, Mapping: m, Today: today}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestJabatanWithoutJenis(t *testing.T) {
	// SIMPEG exports often have only the jabatan's name.
	row := oneRow(t, []string{"NIP", "NAMA", "JABATAN", "TMT JABATAN"}, []string{nip1, "Budi", "Pengadministrasi Umum", "01-01-2020"}, nil, nil)
	if row.Action != New || len(row.Riwayat) != 0 || row.Employee.NamaJabatan != "Pengadministrasi Umum" ||
		!contains(row.Warnings, "Jenis jabatan belum diisi; jabatan disimpan pada profil tanpa riwayat jabatan.") {
		t.Fatalf("%+v", row)
	}
	// A jenjang makes it a jabatan fungsional.
	row = oneRow(t, []string{"NIP", "NAMA", "JABATAN", "JENJANG", "TMT JABATAN"}, []string{nip1, "Budi", "Pranata Komputer", "Ahli Muda", "01-01-2020"}, nil, nil)
	if row.Action != New || row.Employee.JenisJabatan != domain.Fungsional || len(row.Riwayat) != 1 {
		t.Fatalf("%+v", row)
	}
}

func TestLowerPendidikanThanTheRiwayatIsRefused(t *testing.T) {
	emps := existing()
	emps[0].Pendidikan = "S2"
	rw := map[uint64][]domain.Riwayat{5: {{ID: 3, EmployeeID: 5, Kind: domain.RwPendidikan,
		Pendidikan: &domain.RwPendidikanData{Tingkat: "S2", TahunLulus: 2015}}}}
	g := textGrid([]string{"NIP", "PENDIDIKAN", "TAHUN LULUS"}, []string{nip1, "SMA", "2003"})
	rep, err := Plan(Input{Kind: Pegawai, Grid: g, Mapping: AutoMap(Pegawai, g), Employees: emps, Riwayat: rw, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Pendidikan SLTA lebih rendah dari riwayat pendidikan (S2); ubah lewat riwayat pendidikan."}
	if r := rep.Rows[0]; r.Action != Error || !reflect.DeepEqual(r.Errors, want) {
		t.Fatalf("%v %q", r.Action.Label(), r.Errors)
	}
}

func TestNIKTakenByAnotherActiveEmployee(t *testing.T) {
	emps := existing()
	emps[0].NIK = "3201010101850001"
	row := oneRow(t, []string{"NIP", "NAMA", "NIK"}, []string{nip2, "Sari", "3201010101850001"}, emps, nil)
	if row.Action != Error || !reflect.DeepEqual(row.Errors, []string{"NIK 3201010101850001 sudah dipakai oleh Budi (pegawai aktif)."}) {
		t.Fatalf("%v %q", row.Action.Label(), row.Errors)
	}
}

func TestRoundedNIPNeverBecomesNew(t *testing.T) {
	lost := func(label, s string) string {
		return label + " tertulis " + s + ": Excel mengubahnya menjadi angka ilmiah sehingga angka-angka terakhirnya hilang. " +
			"Format kolom " + label + " sebagai Teks, lalu ketik atau tempel ulang " + label + "-nya."
	}
	zeros := func(label, s string) string {
		return label + " " + s + " tersimpan sebagai angka: Excel hanya menyimpan 15 angka, sehingga angka-angka " +
			"terakhirnya menjadi 0. Format kolom " + label + " sebagai Teks, lalu ketik atau tempel ulang " + label + "-nya."
	}
	urut := "NIP 198501012010011000 berakhiran 000, padahal nomor urut NIP (3 angka terakhir) dimulai dari 001. " +
		"Biasanya Excel membulatkan NIP yang tersimpan sebagai angka: format kolom NIP sebagai Teks, lalu ketik atau tempel ulang NIP-nya."
	for _, tc := range []struct {
		nip, nik string
		want     string
	}{
		// The raw XML of a number cell: Excel's 15 digits, in either form.
		{"#198501012010011000", "", zeros("NIP", "198501012010011000")},
		{"#1.98501012010011E+17", "", lost("NIP", "1.98501012010011E+17")},
		{"#1.98501E+17", "", lost("NIP", "1.98501E+17")},
		{"#1.98501012010011E17", "", lost("NIP", "1.98501012010011E17")},
		// Typed or pasted as text after the rounding happened.
		{"198501012010011000", "", urut},
		{"'198501012010011000", "", urut},
		{"198501000000000000", "", strings.Replace(urut, "198501012010011000", "198501000000000000", 1)},
		{nip1, "#3201010101850000", zeros("NIK", "3201010101850000")},
		{nip1, "#3.20101010185E+15", lost("NIK", "3.20101010185E+15")},
	} {
		row := oneRow(t, []string{"NIP", "NAMA", "NIK"}, []string{tc.nip, "Budi", tc.nik}, nil, nil)
		if row.Action != Error || !reflect.DeepEqual(row.Errors, []string{tc.want}) {
			t.Errorf("%s %s → %v %q\nwant %q", tc.nip, tc.nik, row.Action.Label(), row.Errors, tc.want)
		}
	}
	// A number cell that kept every digit is read as it is.
	row := oneRow(t, []string{"NIP", "NAMA", "NIK"}, []string{"#" + nip1, "Budi", "#3201010101850001"}, nil, nil)
	if row.Action != New || row.Employee.NIK != "3201010101850001" {
		t.Fatalf("%v %q %q", row.Action.Label(), row.Employee.NIK, row.Errors)
	}
}

func TestNoTMTNeverInventsADate(t *testing.T) {
	units := []domain.Unit{{ID: 1, Name: "Sekretariat"}, {ID: 2, Name: "Bidang Umum"}}
	titles := []string{"NIP", "NAMA", "GOLONGAN", "JABATAN", "JENIS JABATAN", "UNIT KERJA", "PENDIDIKAN", "EMAIL"}
	g := textGrid(titles,
		[]string{nip2, "Sari", "III/c", "Analis SDM", "Pelaksana", "Bidang Umum", "S1", ""},
		[]string{nip1, "Budi", "III/b", "Analis SDM", "Pelaksana", "Bidang Umum", "S1", ""},
		[]string{nip1, "Budi", "III/b", "", "", "", "", "budi@contoh.go.id"})
	rep := plan(t, Pegawai, g, existing(), units)

	// A new employee: the profile carries the values, no riwayat entry.
	sari := rep.Rows[0]
	if sari.Action != New || len(sari.Riwayat) != 0 || sari.Employee.Golongan != "III/c" ||
		sari.Employee.NamaJabatan != "Analis SDM" || sari.Employee.UnitID != 2 || sari.Employee.Pendidikan != "S1" {
		t.Fatalf("new row %+v", sari)
	}
	want := []string{
		"Golongan III/c dicatat di profil tanpa riwayat pangkat karena berkas tidak memuat kolom TMT GOLONGAN; impor riwayat pangkat untuk melengkapinya.",
		"Jabatan dicatat di profil tanpa riwayat jabatan karena berkas tidak memuat kolom TMT JABATAN; impor riwayat jabatan untuk melengkapinya.",
		"Pendidikan S1 dicatat di profil tanpa riwayat pendidikan karena berkas tidak memuat kolom TAHUN LULUS; lengkapi lewat riwayat pendidikan pegawai.",
	}
	if !reflect.DeepEqual(sari.Warnings, want) {
		t.Fatalf("new row warnings %q", sari.Warnings)
	}

	// An existing employee: golongan and jabatan stay, the row says why,
	// and with nothing else to change the row is unchanged.
	budi := rep.Rows[1]
	want = []string{
		"Golongan tetap III/a (di berkas III/b) karena berkas tidak memuat kolom TMT GOLONGAN; impor riwayat pangkat dengan TMT-nya untuk mengubahnya.",
		"Jabatan dan unit kerja tidak diubah (di berkas «Analis SDM», Bidang Umum) karena berkas tidak memuat kolom TMT JABATAN; impor riwayat jabatan dengan TMT-nya untuk mengubahnya.",
	}
	// Budi had no pendidikan: that one is filled in on the profile.
	if budi.Action != Update || len(budi.Riwayat) != 0 || !reflect.DeepEqual(budi.Changes, []Change{{FPendidikan, "", "S1"}}) ||
		!reflect.DeepEqual(budi.Warnings[:2], want) {
		t.Fatalf("existing row %v %+v %q", budi.Action.Label(), budi.Changes, budi.Warnings)
	}
	if e := budi.Employee; e.Golongan != "III/a" || e.NamaJabatan != "Pengadministrasi" || e.UnitID != 1 {
		t.Fatalf("existing employee changed: %+v", e)
	}
	// The later row for the same NIP is a duplicate (first one wins).
	if rep.Rows[2].Action != Error {
		t.Fatalf("duplicate %+v", rep.Rows[2])
	}

	// Nothing but a golongan the file cannot date: unchanged, with the note,
	// and listed in the report.
	g = textGrid([]string{"NIP", "GOLONGAN", "TMT GOLONGAN"}, []string{nip1, "III/b", ""})
	rep = plan(t, Pegawai, g, existing(), units)
	if r := rep.Rows[0]; r.Action != Unchanged || !reflect.DeepEqual(r.Warnings, []string{"Golongan tetap III/a (di berkas III/b) karena " +
		"TMT GOLONGAN kosong; impor riwayat pangkat dengan TMT-nya untuk mengubahnya."}) {
		t.Fatalf("%v %q", r.Action.Label(), r.Warnings)
	}
	if rep.Counts != (Counts{Unchanged: 1, Warning: 1, Total: 1}) || !strings.Contains(rep.Text(), "Baris 2 — tidak berubah") {
		t.Fatalf("counts %+v\n%s", rep.Counts, rep.Text())
	}
}

func TestCaseOnlyChangesAreNotChanges(t *testing.T) {
	emps := existing()
	emps[0].Nama, emps[0].TempatLahir = "Budi Santoso", "Bandung"
	g := textGrid([]string{"NIP", "NAMA", "TEMPAT LAHIR", "JABATAN", "UNIT KERJA"},
		[]string{nip1, "BUDI  SANTOSO", "BANDUNG", "PENGADMINISTRASI", "SEKRETARIAT"})
	rep := plan(t, Pegawai, g, emps, []domain.Unit{{ID: 1, Name: "Sekretariat"}})
	if r := rep.Rows[0]; r.Action != Unchanged || len(r.Warnings) != 0 {
		t.Fatalf("%v %+v %q", r.Action.Label(), r.Changes, r.Warnings)
	}
	g = textGrid([]string{"NIP", "NAMA", "TEMPAT LAHIR"}, []string{nip1, "BUDI SANTOSA", "BANDUNG"})
	r := plan(t, Pegawai, g, emps, nil).Rows[0]
	if r.Action != Update || !reflect.DeepEqual(r.Changes, []Change{{FNama, "Budi Santoso", "BUDI SANTOSA"}}) {
		t.Fatalf("%v %+v", r.Action.Label(), r.Changes)
	}
}

func TestWarningsOnlyAboutWhatTheFileSays(t *testing.T) {
	// TMT CPNS without TMT PNS: the domain warns "TMT PNS belum diisi",
	// but the file has no TMT PNS column to fill in.
	row := oneRow(t, []string{"NIP", "NAMA", "TMT CPNS"}, []string{nip1, "Budi", "01-01-2010"}, nil, nil)
	if row.Action != New || len(row.Warnings) != 0 {
		t.Fatalf("%v %q", row.Action.Label(), row.Warnings)
	}
	row = oneRow(t, []string{"NIP", "NAMA", "TMT CPNS", "TMT PNS"}, []string{nip1, "Budi", "01-01-2010", ""}, nil, nil)
	if !reflect.DeepEqual(row.Warnings, []string{"TMT PNS belum diisi."}) {
		t.Fatalf("%q", row.Warnings)
	}
}

func TestSIMPEGAbbreviationsAndIgnoredColumns(t *testing.T) {
	titles := []string{"NO", "NIP LAMA", "NIP BARU", "NAMA LENGKAP", "GELAR DPN", "GELAR BLK", "TMP LAHIR", "TGL LHR",
		"JNS KELAMIN", "GOL. RUANG", "TMT GOL. RUANG", "JNS JABATAN", "TMT JAB", "PENDIDIKAN AKHIR", "THN LULUS", "KETERANGAN", ""}
	want := []Field{None, None, FNIP, FNama, FGelarDepan, FGelarBelakang, FTempatLahir, FTanggalLahir, FJenisKelamin,
		FGolongan, FTMTGolongan, FJenisJabatan, FTMTJabatan, FPendidikan, FTahunLulus, None, None}
	g := textGrid(titles, []string{"1", "010203040", nip1, "Budi Santoso", "", "S.Kom.", "Bandung", "01-01-1985", "L",
		"III/b", "01-04-2020", "Pelaksana", "", "S1", "2007", "pindahan", "x"})
	m := AutoMap(Pegawai, g)
	if !reflect.DeepEqual(m.Fields, want) {
		t.Fatalf("fields %v\nwant   %v", m.Fields, want)
	}
	for _, tc := range []struct{ title string }{{"GLR BLK"}, {"GLR DPN"}, {"Tempat Lhr"}, {"JK"}, {"L / P"}, {"Gol.Ruang"}} {
		if lookupHeader(Pegawai, tc.title) == None {
			t.Errorf("%q not recognised", tc.title)
		}
	}
	rep := plan(t, Pegawai, g, nil, nil)
	wantIgnored := []string{"A «NO»", "B «NIP LAMA»", "P «KETERANGAN»", "kolom Q (tanpa judul)"}
	if !reflect.DeepEqual(rep.Ignored, wantIgnored) {
		t.Fatalf("ignored %q", rep.Ignored)
	}
	if !strings.Contains(rep.Text(), "\nKolom tidak dibaca: A «NO», B «NIP LAMA», P «KETERANGAN», kolom Q (tanpa judul)\n") {
		t.Fatalf("report:\n%s", rep.Text())
	}
	if e := rep.Rows[0].Employee; e.GelarBelakang != "S.Kom." || e.Nama != "Budi Santoso" {
		t.Fatalf("employee %+v", e)
	}
}

func TestSummaryTextNamesWhatWasImported(t *testing.T) {
	for _, tc := range []struct {
		s    Summary
		want string
	}{
		{Summary{Kind: Pegawai, Created: 1, Updated: 2, Riwayat: 3, Units: 1, Skipped: 1},
			"Impor selesai: 1 pegawai baru, 2 diperbarui, 3 entri riwayat, 1 unit kerja baru; 1 baris bergalat dilewati."},
		{Summary{Kind: RiwayatPangkat, Riwayat: 3, Updated: 2},
			"Impor selesai: 3 entri riwayat pangkat baru, profil 2 pegawai ikut diperbarui."},
		{Summary{Kind: RiwayatJabatan, Riwayat: 1, Units: 1, Skipped: 2},
			"Impor selesai: 1 entri riwayat jabatan baru, 1 unit kerja baru; 2 baris bergalat dilewati."},
	} {
		if got := tc.s.Text(); got != tc.want {
			t.Errorf("got  %q\nwant %q", got, tc.want)
		}
	}
}

// The column step shows an Excel date column as dates, not serials.
func TestSamplesShowDates(t *testing.T) {
	g := Grid{Rows: [][]Cell{
		{{Text: "NIP"}, {Text: "TGL LAHIR"}, {Text: "NO HP"}},
		{{Text: "198501012010011001"}, {Text: "30133", Number: true}, {Text: "81234567890", Number: true}},
		{{Text: "198601012010011002"}, {Text: "26-09-1986"}, {Text: ""}},
	}}
	m := AutoMap(Pegawai, g)
	if got := strings.Join(m.Samples(g, 1, 3), " · "); got != "01-07-1982 · 26-09-1986" {
		t.Fatalf("date samples %q", got)
	}
	if got := strings.Join(m.Samples(g, 2, 3), " · "); got != "81234567890" {
		t.Fatalf("other samples %q", got)
	}
}

// A kenaikan pangkat inside the same golongan keeps the masa kerja
// golongan counting; across golongan it is left for the operator.
func TestImportCarriesMasaKerjaGolongan(t *testing.T) {
	tmt, _ := domain.NewDate(2023, 4, 1)
	today, _ := domain.NewDate(2026, 11, 23)
	emp := domain.Employee{ID: 7, Kind: domain.KindPNS, Nama: "Acep Nugraha", NIP: "198207012012041004",
		Status: domain.StatusAktif, Golongan: "III/c", JenisKelamin: domain.Male}
	rs := map[uint64][]domain.Riwayat{7: {{ID: 1, EmployeeID: 7, Kind: domain.RwPangkat,
		Pangkat: &domain.RwPangkatData{Golongan: "III/c", TMT: tmt, MKGTahun: 11}}}}
	for _, tc := range []struct {
		gol          string
		years, month int
	}{{"III/d", 14, 6}, {"IV/a", 0, 0}} {
		g := textGrid([]string{"NIP", "GOLONGAN", "TMT GOLONGAN"}, []string{emp.NIP, tc.gol, "01-10-2026"})
		rep, err := Plan(Input{Kind: Pegawai, Grid: g, Mapping: AutoMap(Pegawai, g), Employees: []domain.Employee{emp},
			Riwayat: rs, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Rows) != 1 || len(rep.Rows[0].Riwayat) != 1 {
			t.Fatalf("%s: rows %+v", tc.gol, rep.Rows)
		}
		p := rep.Rows[0].Riwayat[0].Pangkat
		if p.MKGTahun != tc.years || p.MKGBulan != tc.month {
			t.Fatalf("%s: masa kerja golongan %d th %d bl, want %d th %d bl", tc.gol, p.MKGTahun, p.MKGBulan, tc.years, tc.month)
		}
	}
}

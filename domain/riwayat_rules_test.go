package domain_test

import (
	"strings"
	"testing"

	"asndesk/domain"
)

func TestRiwayatDate(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		r    domain.Riwayat
		want domain.Date
	}{
		"pangkat TMT":      {pangkat(1, "III/a", d(2019, 4, 1), 0, 0), d(2019, 4, 1)},
		"jabatan TMT":      {jabatan(1, domain.Pelaksana, 0, "Pengadministrasi", d(2020, 1, 2)), d(2020, 1, 2)},
		"pendidikan":       {pendidikan(1, "S1", 2012), d(2012, 1, 1)},
		"pendidikan nil":   {pendidikan(1, "S1", 0), domain.Date{}},
		"diklat mulai":     {diklat(1, "PIM IV", d(2021, 6, 30)), d(2021, 5, 31)},
		"hukdis mulai":     {hukdis(1, "Ringan", "Teguran lisan", d(2022, 2, 3), 0), d(2022, 2, 3)},
		"hukdis SK":        {domain.Riwayat{Kind: domain.RwHukdis, Hukdis: &domain.RwHukdisData{TanggalSK: d(2022, 1, 9)}}, d(2022, 1, 9)},
		"gaji TMT":         {gaji(1, d(2023, 3, 1)), d(2023, 3, 1)},
		"cuti mulai":       {cuti(1, "CT", d(2024, 5, 6), d(2024, 5, 8), 3, 0), d(2024, 5, 6)},
		"masa kerja":       {peninjauan(1, d(2018, 1, 1), 2, 0, true), d(2018, 1, 1)},
		"penghargaan year": {domain.Riwayat{Kind: domain.RwPenghargaan, Penghargaan: &domain.RwPenghargaanData{Jenis: "Satyalancana Karya Satya X Tahun", Tahun: 2020}}, d(2020, 1, 1)},
		"organisasi":       {domain.Riwayat{Kind: domain.RwOrganisasi, Organisasi: &domain.RwOrganisasiData{Nama: "KORPRI", TahunMulai: 2016}}, d(2016, 1, 1)},
		"angka kredit end": {domain.Riwayat{Kind: domain.RwAngkaKredit, AngkaKredit: &domain.RwAngkaKreditData{PeriodeMulai: d(2023, 1, 1), PeriodeSelesai: d(2023, 12, 31)}}, d(2023, 12, 31)},
		"keluarga anak":    {domain.Riwayat{Kind: domain.RwKeluarga, Keluarga: &domain.RwKeluargaData{Hubungan: "Anak", TanggalLahir: d(2018, 7, 7)}}, d(2018, 7, 7)},
		"keluarga istri":   {domain.Riwayat{Kind: domain.RwKeluarga, Keluarga: &domain.RwKeluargaData{Hubungan: "Istri", TanggalLahir: d(1992, 7, 7), TanggalNikah: d(2016, 2, 14)}}, d(2016, 2, 14)},
		"empty":            {domain.Riwayat{Kind: domain.RwGaji}, domain.Date{}},
	} {
		if got := tc.r.Date(); got != tc.want {
			t.Errorf("%s: Date() = %v, want %v", name, got, tc.want)
		}
	}
}

func TestSortRiwayatNewestFirst(t *testing.T) {
	t.Parallel()
	rs := []domain.Riwayat{
		pangkat(1, "III/a", d(2015, 3, 1), 0, 0),
		pangkat(2, "III/c", d(2023, 4, 1), 8, 0),
		pangkat(3, "III/b", d(2019, 4, 1), 4, 0),
		{ID: 4, Kind: domain.RwPangkat, Pangkat: &domain.RwPangkatData{Golongan: "III/a"}}, // no date: last
		pangkat(5, "III/c", d(2023, 4, 1), 8, 0),                                           // same date, typed later: first
	}
	domain.SortRiwayat(rs)
	var ids []uint64
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	want := []uint64{5, 2, 3, 1, 4}
	for i := range want {
		if ids[i] != want[i] {
			t.Fatalf("order %v, want %v", ids, want)
		}
	}
}

func TestLatestEntries(t *testing.T) {
	t.Parallel()
	rs := []domain.Riwayat{
		pangkat(1, "III/b", d(2019, 4, 1), 4, 0),
		pangkat(2, "III/c", d(2023, 4, 1), 8, 0),
		pangkat(3, "III/a", d(2015, 3, 1), 0, 0),
		jabatan(4, domain.Fungsional, domain.AhliPertama, "Pranata Komputer Ahli Pertama", d(2020, 1, 2)),
		jabatan(5, domain.Pelaksana, 0, "Pengadministrasi Umum", d(2015, 3, 1)),
		pendidikan(6, "S2", 2018),
		pendidikan(7, "D-III", 2010),
		pendidikan(8, "S1", 2013),
		pendidikan(9, "S2", 2022), // second S2, later
	}
	if p, ok := domain.LatestPangkat(rs); !ok || p.Golongan != "III/c" {
		t.Errorf("LatestPangkat = %+v %v", p, ok)
	}
	if j, ok := domain.LatestJabatan(rs); !ok || j.Jenis != domain.Fungsional {
		t.Errorf("LatestJabatan = %+v %v", j, ok)
	}
	if p, ok := domain.LatestPendidikan(rs); !ok || p.Tingkat != "S2" || p.TahunLulus != 2022 {
		t.Errorf("LatestPendidikan = %+v %v", p, ok)
	}
	if _, ok := domain.LatestPangkat(nil); ok {
		t.Error("LatestPangkat(nil) ok")
	}
	// A demotion recorded later wins: the latest TMT, not the highest golongan.
	rs = append(rs, pangkat(10, "III/b", d(2024, 6, 1), 9, 2))
	if p, _ := domain.LatestPangkat(rs); p.Golongan != "III/b" {
		t.Errorf("after demotion LatestPangkat = %q", p.Golongan)
	}
	e := domain.ApplyRiwayat(pns(), rs)
	if e.Golongan != "III/b" || e.JenisJabatan != domain.Fungsional || e.Jenjang != domain.AhliPertama ||
		e.NamaJabatan != "Pranata Komputer Ahli Pertama" || e.UnitID != 7 || e.Pendidikan != "S2" {
		t.Errorf("ApplyRiwayat = %+v", e)
	}
	if e := domain.ApplyRiwayat(pns(), nil); e.Golongan != "III/a" || e.Pendidikan != "S1" {
		t.Errorf("ApplyRiwayat without riwayat changed the profile: %+v", e)
	}
}

func TestValidateRiwayat(t *testing.T) {
	t.Parallel()
	p := pns()
	k := pppk()
	badDate := domain.Date{Year: 2023, Month: 2, Day: 30}
	for name, tc := range map[string]struct {
		r     domain.Riwayat
		e     domain.Employee
		field string // "" = valid
		msg   string
	}{
		"pangkat ok":                    {pangkat(1, "III/b", d(2019, 4, 1), 4, 0), p, "", ""},
		"pangkat PPPK golongan":         {pangkat(1, "X", d(2024, 2, 1), 0, 0), k, "", ""},
		"pangkat PNS code on PPPK":      {pangkat(1, "III/b", d(2024, 2, 1), 0, 0), k, domain.RwFieldGolongan, "I sampai XVII"},
		"pangkat unknown golongan":      {pangkat(1, "V/a", d(2019, 4, 1), 0, 0), p, domain.RwFieldGolongan, "I/a sampai IV/e"},
		"pangkat no golongan":           {pangkat(1, "", d(2019, 4, 1), 0, 0), p, domain.RwFieldGolongan, "wajib"},
		"pangkat no TMT":                {pangkat(1, "III/b", domain.Date{}, 0, 0), p, domain.RwFieldTMT, "wajib"},
		"pangkat date not real":         {pangkat(1, "III/b", badDate, 0, 0), p, domain.RwFieldTMT, "tidak ada di kalender"},
		"pangkat MKG bulan 12":          {pangkat(1, "III/b", d(2019, 4, 1), 4, 12), p, domain.RwFieldMKGBulan, "0 dan 11"},
		"pangkat MKG negative":          {pangkat(1, "III/b", d(2019, 4, 1), -1, 0), p, domain.RwFieldMKGTahun, "0 dan 50"},
		"kind mismatch":                 {domain.Riwayat{Kind: domain.RwJabatan, Pangkat: &domain.RwPangkatData{}}, p, domain.RwFieldKind, "tidak sesuai"},
		"two payloads":                  {domain.Riwayat{Kind: domain.RwPangkat, Pangkat: &domain.RwPangkatData{}, Gaji: &domain.RwGajiData{}}, p, domain.RwFieldKind, "tidak sesuai"},
		"empty":                         {domain.Riwayat{Kind: domain.RwPangkat}, p, domain.RwFieldKind, "kosong"},
		"jabatan ok":                    {jabatan(1, domain.Fungsional, domain.AhliMuda, "Analis Ahli Muda", d(2020, 1, 2)), p, "", ""},
		"jabatan no jenis":              {jabatan(1, 0, 0, "Analis", d(2020, 1, 2)), p, domain.RwFieldJenis, "Pilih jenis jabatan"},
		"jabatan jenjang on JA":         {jabatan(1, domain.Pelaksana, domain.AhliMuda, "Analis", d(2020, 1, 2)), p, domain.RwFieldJenjang, "hanya diisi"},
		"jabatan no nama":               {jabatan(1, domain.Pelaksana, 0, " ", d(2020, 1, 2)), p, domain.RwFieldNama, "wajib"},
		"pendidikan ok":                 {pendidikan(1, "D-III", 2010), p, "", ""},
		"pendidikan tingkat":            {pendidikan(1, "SMA", 2010), p, domain.RwFieldTingkat, "Pilih tingkat"},
		"pendidikan tahun 2 digit":      {pendidikan(1, "S1", 12), p, domain.RwFieldTahunLulus, "empat angka"},
		"pendidikan tahun kosong":       {pendidikan(1, "S1", 0), p, domain.RwFieldTahunLulus, "wajib"},
		"diklat ok":                     {diklat(1, "PKP", d(2021, 6, 30)), p, "", ""},
		"diklat selesai sebelum mulai":  {domain.Riwayat{Kind: domain.RwDiklat, Diklat: &domain.RwDiklatData{Jenis: "Teknis", Nama: "Arsip", Mulai: d(2021, 6, 2), Selesai: d(2021, 6, 1)}}, p, domain.RwFieldSelesai, "sebelum tanggal mulai"},
		"diklat jenis":                  {domain.Riwayat{Kind: domain.RwDiklat, Diklat: &domain.RwDiklatData{Jenis: "Seminar", Nama: "Arsip", Mulai: d(2021, 6, 2)}}, p, domain.RwFieldJenis, "Pilih jenis diklat"},
		"hukdis ok":                     {hukdis(1, "Sedang", tukin6, d(2024, 1, 15), 6), p, "", ""},
		"hukdis jenis of other tingkat": {hukdis(1, "Ringan", tukin6, d(2024, 1, 15), 6), p, domain.RwFieldJenis, "tingkat ringan"},
		"hukdis unknown tingkat":        {hukdis(1, "Sangat Berat", tukin6, d(2024, 1, 15), 6), p, domain.RwFieldTingkat, "Pilih tingkat"},
		"hukdis masa 61":                {hukdis(1, "Sedang", tukin6, d(2024, 1, 15), 61), p, domain.RwFieldMasaBulan, "0 dan 60"},
		"hukdis masa 60":                {hukdis(1, "Sedang", tukin6, d(2024, 1, 15), 60), p, "", ""},
		"hukdis masa negative":          {hukdis(1, "Sedang", tukin6, d(2024, 1, 15), -1), p, domain.RwFieldMasaBulan, "0 dan 60"},
		"hukdis no mulai":               {hukdis(1, "Ringan", "Teguran lisan", domain.Date{}, 0), p, domain.RwFieldMulai, "wajib"},
		"cuti ok":                       {cuti(1, "CT", d(2024, 5, 6), d(2024, 5, 8), 3, 0), p, "", ""},
		"cuti unknown jenis":            {cuti(1, "CUTI", d(2024, 5, 6), d(2024, 5, 8), 3, 0), p, domain.RwFieldJenis, "Cuti Tahunan"},
		"cuti selesai sebelum mulai":    {cuti(1, "CT", d(2024, 5, 6), d(2024, 5, 5), 1, 0), p, domain.RwFieldSelesai, "sebelum tanggal mulai"},
		"cuti selesai kosong":           {cuti(1, "CT", d(2024, 5, 6), domain.Date{}, 1, 0), p, domain.RwFieldSelesai, "wajib"},
		"cuti same day":                 {cuti(1, "CT", d(2024, 5, 6), d(2024, 5, 6), 1, 0), p, "", ""},
		"gaji negative":                 {domain.Riwayat{Kind: domain.RwGaji, Gaji: &domain.RwGajiData{TMT: d(2023, 3, 1), GajiBaru: -1}}, p, domain.RwFieldGajiBaru, "negatif"},
		"keluarga ok":                   {domain.Riwayat{Kind: domain.RwKeluarga, Keluarga: &domain.RwKeluargaData{Hubungan: "Anak", Nama: "Ani", StatusAnak: "Kandung"}}, p, "", ""},
		"keluarga hubungan":             {domain.Riwayat{Kind: domain.RwKeluarga, Keluarga: &domain.RwKeluargaData{Hubungan: "Sepupu", Nama: "Ani"}}, p, domain.RwFieldHubungan, "Pilih hubungan"},
		"keluarga status anak on istri": {domain.Riwayat{Kind: domain.RwKeluarga, Keluarga: &domain.RwKeluargaData{Hubungan: "Istri", Nama: "Ani", StatusAnak: "Kandung"}}, p, domain.RwFieldStatusAnak, "hanya diisi untuk anak"},
		"keluarga bad NIK":              {domain.Riwayat{Kind: domain.RwKeluarga, Keluarga: &domain.RwKeluargaData{Hubungan: "Istri", Nama: "Ani", NIK: "123"}}, p, domain.RwFieldNIK, "NIK"},
		"organisasi selesai < mulai":    {domain.Riwayat{Kind: domain.RwOrganisasi, Organisasi: &domain.RwOrganisasiData{Nama: "KORPRI", TahunMulai: 2016, TahunSelesai: 2015}}, p, domain.RwFieldTahunSelesai, "sebelum tahun mulai"},
		"masa kerja nothing added":      {peninjauan(1, d(2018, 1, 1), 0, 0, true), p, domain.RwFieldTahun, "belum diisi"},
		"masa kerja ok":                 {peninjauan(1, d(2018, 1, 1), 2, 3, true), p, "", ""},
		"angka kredit ok":               {domain.Riwayat{Kind: domain.RwAngkaKredit, AngkaKredit: &domain.RwAngkaKreditData{Jenis: "Kumulatif", PeriodeMulai: d(2023, 1, 1), PeriodeSelesai: d(2023, 12, 31), AKMilli: 18750}}, p, "", ""},
		"angka kredit negative":         {domain.Riwayat{Kind: domain.RwAngkaKredit, AngkaKredit: &domain.RwAngkaKreditData{Jenis: "Kumulatif", PeriodeMulai: d(2023, 1, 1), AKMilli: -1}}, p, domain.RwFieldAngkaKredit, "antara 0"},
	} {
		t.Run(name, func(t *testing.T) {
			fe := domain.ValidateRiwayat(tc.r, tc.e)
			if tc.field == "" {
				if fe != nil {
					t.Fatalf("unexpected errors %v", fe)
				}
				return
			}
			if msg, ok := fe[tc.field]; !ok || !strings.Contains(msg, tc.msg) {
				t.Fatalf("errors %v, want %s with %q", fe, tc.field, tc.msg)
			}
			if domain.ErrorCode(fe.Err()) != domain.EINVALID {
				t.Fatal("FieldErrors must map to EINVALID")
			}
		})
	}
}

func TestValidateRiwayatWithEditedTable(t *testing.T) {
	t.Parallel()
	s := domain.DefaultCareerSettings()
	s.Hukdis.Jenis = append(s.Hukdis.Jenis, domain.HukdisJenis{Tingkat: "Ringan", Jenis: "Teguran lisan di depan umum"})
	r := hukdis(1, "Ringan", "Teguran lisan di depan umum", d(2024, 1, 1), 0)
	if fe := domain.ValidateRiwayat(r, pns()); fe == nil {
		t.Error("default table accepted an unknown jenis")
	}
	if fe := domain.ValidateRiwayatWith(r, pns(), s); fe != nil {
		t.Errorf("edited table refused its own jenis: %v", fe)
	}
}

func TestRiwayatWarnings(t *testing.T) {
	t.Parallel()
	today := d(2025, 1, 15)
	msgs := func(r domain.Riwayat, e domain.Employee) []string {
		var out []string
		for _, w := range domain.RiwayatWarnings(r, e, today) {
			out = append(out, w.Field+": "+w.Message)
		}
		return out
	}
	p := pns()
	wantText(t, msgs(pangkat(1, "III/b", d(2025, 4, 1), 0, 0), p), "tmt: TMT golongan 01-04-2025 ada di masa depan")
	wantText(t, msgs(pangkat(1, "III/a", d(2014, 4, 1), 0, 0), p), "lebih awal dari TMT CPNS 01-03-2015")
	wantText(t, msgs(domain.Riwayat{Kind: domain.RwPangkat, Pangkat: &domain.RwPangkatData{Golongan: "III/b", TMT: d(2019, 4, 1), JenisKP: "Istimewa"}}, p), "tidak ada dalam daftar")
	wantText(t, msgs(jabatan(1, domain.Fungsional, 0, "Analis", d(2020, 1, 1)), p), "Jenjang jabatan fungsional belum dipilih")
	wantText(t, msgs(hukdis(1, "Sedang", tukin6, d(2024, 1, 1), 7), p), "biasanya 6 bulan (atau 12 bulan untuk hukuman pengganti)")
	if w := msgs(hukdis(1, "Sedang", tukin6, d(2024, 1, 1), 12), p); hasText(w, "masa_bulan") {
		t.Errorf("the substitute's 12 months is usual: %v", w)
	}
	if w := msgs(hukdis(1, "Sedang", tukin6, d(2024, 1, 1), 6), p); len(w) != 0 {
		t.Errorf("unexpected warnings %v", w)
	}
	wantText(t, msgs(hukdis(1, "Ringan", "Teguran lisan", d(2024, 1, 1), 0), pppk()), "PP 49/2018")
	wantText(t, msgs(domain.Riwayat{Kind: domain.RwKeluarga, Keluarga: &domain.RwKeluargaData{Hubungan: "Suami", Nama: "X"}}, p), "tidak cocok dengan jenis kelamin")
	wantText(t, msgs(cuti(1, "CT", d(2025, 1, 6), d(2025, 1, 8), 5, 0), p), "melebihi hari kerja")
	wantText(t, msgs(pendidikan(1, "S1", 2026), p), "masa depan")
	wantText(t, msgs(domain.Riwayat{Kind: domain.RwGaji, Gaji: &domain.RwGajiData{TMT: d(2023, 3, 1), GajiLama: 5, GajiBaru: 4}}, p), "lebih kecil")
}

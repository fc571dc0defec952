package domain_test

import (
	"slices"
	"testing"

	"asndesk/domain"
)

func TestDUKOrdering(t *testing.T) {
	t.Parallel()
	base := domain.DUKRow{EmployeeID: 5, Nama: "Budi", GolonganRank: domain.GolonganRank("III/c"), TMTGolongan: d(2020, 4, 1),
		JabatanLevel: int(domain.Pengawas), TMTJabatan: d(2021, 1, 4), MasaKerja: domain.Span{15, 2},
		DiklatPIMLevel: 4, DiklatPIMYear: 2019, PendidikanLevel: domain.PendidikanLevel("S1"), TahunLulus: 2005,
		TanggalLahir: d(1982, 6, 1)}
	mod := func(f func(r *domain.DUKRow)) domain.DUKRow { r := base; f(&r); return r }
	// Each case: first must come before second; they differ only at one level
	// (and the levels after it, which must not matter).
	for name, tc := range map[string]struct{ first, second domain.DUKRow }{
		"golongan higher first":      {mod(func(r *domain.DUKRow) { r.GolonganRank = domain.GolonganRank("III/d"); r.TMTGolongan = d(2024, 4, 1) }), base},
		"PPPK codes below PNS":       {base, mod(func(r *domain.DUKRow) { r.GolonganRank = domain.GolonganRank("XVII") })},
		"unknown golongan last":      {base, mod(func(r *domain.DUKRow) { r.GolonganRank = 0 })},
		"TMT golongan earlier first": {mod(func(r *domain.DUKRow) { r.TMTGolongan = d(2019, 10, 1); r.JabatanLevel = int(domain.Pelaksana) }), base},
		"TMT golongan unknown last":  {base, mod(func(r *domain.DUKRow) { r.TMTGolongan = domain.Date{}; r.JabatanLevel = 1 })},
		"jabatan higher first":       {mod(func(r *domain.DUKRow) { r.JabatanLevel = int(domain.Administrator); r.TMTJabatan = d(2024, 1, 1) }), base},
		"pengawas before fungsional before pelaksana": {mod(func(r *domain.DUKRow) { r.JabatanLevel = int(domain.Fungsional) }),
			mod(func(r *domain.DUKRow) { r.JabatanLevel = int(domain.Pelaksana) })},
		"jabatan unknown last":      {base, mod(func(r *domain.DUKRow) { r.JabatanLevel = 0 })},
		"TMT jabatan earlier first": {mod(func(r *domain.DUKRow) { r.TMTJabatan = d(2021, 1, 3); r.MasaKerja = domain.Span{1, 0} }), base},
		"masa kerja longer first":   {mod(func(r *domain.DUKRow) { r.MasaKerja = domain.Span{15, 3}; r.DiklatPIMLevel = 0 }), base},
		"PIM higher first":          {mod(func(r *domain.DUKRow) { r.DiklatPIMLevel = 3; r.DiklatPIMYear = 2024 }), base},
		"some PIM before none":      {base, mod(func(r *domain.DUKRow) { r.DiklatPIMLevel = 0; r.DiklatPIMYear = 0; r.PendidikanLevel = 10 })},
		"same PIM, earlier first":   {mod(func(r *domain.DUKRow) { r.DiklatPIMYear = 2018; r.PendidikanLevel = 1 }), base},
		"pendidikan higher first":   {mod(func(r *domain.DUKRow) { r.PendidikanLevel = domain.PendidikanLevel("S2"); r.TahunLulus = 2020 }), base},
		"tahun lulus earlier first": {mod(func(r *domain.DUKRow) { r.TahunLulus = 2004; r.TanggalLahir = d(1990, 1, 1) }), base},
		"tahun lulus unknown last":  {base, mod(func(r *domain.DUKRow) { r.TahunLulus = 0; r.TanggalLahir = d(1960, 1, 1) })},
		"older first":               {mod(func(r *domain.DUKRow) { r.TanggalLahir = d(1982, 5, 31); r.Nama = "Zaenal" }), base},
		"birth unknown last":        {base, mod(func(r *domain.DUKRow) { r.TanggalLahir = domain.Date{} })},
		"then by name":              {mod(func(r *domain.DUKRow) { r.Nama = "Ani"; r.EmployeeID = 9 }), base},
		"then by id":                {mod(func(r *domain.DUKRow) { r.EmployeeID = 4 }), base},
	} {
		if !domain.DUKLess(tc.first, tc.second) || domain.DUKLess(tc.second, tc.first) {
			t.Errorf("%s: order wrong", name)
		}
		rows := []domain.DUKRow{tc.second, tc.first}
		domain.SortDUK(rows)
		if rows[0] != tc.first {
			t.Errorf("%s: SortDUK wrong", name)
		}
	}
	if domain.DUKLess(base, base) {
		t.Error("a row is not before itself")
	}
}

func TestPIMLevel(t *testing.T) {
	t.Parallel()
	for nama, want := range map[string]int{
		"Diklatpim Tingkat IV": 4, "DIKLAT PIM TK. III": 3, "PIM II": 2, "Diklat Kepemimpinan Tingkat I": 1,
		"Pelatihan Kepemimpinan Pengawas": 4, "PKP Angkatan 12": 4, "PKA": 3, "Pelatihan Kepemimpinan Administrator": 3,
		"Pelatihan Kepemimpinan Nasional Tingkat II": 2, "PKN Tingkat I": 1, "PIM IV angkatan 3": 4,
		"Diklat Teknis Tingkat 2": 0, "Bimtek Arsip": 0, "": 0, "Latsar CPNS": 0,
	} {
		if got := domain.PIMLevel(nama); got != want {
			t.Errorf("PIMLevel(%q) = %d, want %d", nama, got, want)
		}
	}
}

func TestBuildDUKRow(t *testing.T) {
	t.Parallel()
	today := d(2025, 1, 15)
	e := pns()
	e.NIP = "199005102015031001"
	rs := []domain.Riwayat{
		pangkat(1, "III/a", d(2015, 3, 1), 0, 0), pangkat(2, "III/b", d(2019, 4, 1), 4, 1),
		jabatan(3, domain.Pengawas, 0, "Kepala Subbagian Umum", d(2022, 1, 3)),
		pendidikan(4, "S1", 2012), pendidikan(5, "D-III", 2009),
		diklat(6, "PKP", d(2022, 11, 30)), diklat(7, "PIM IV", d(2020, 6, 30)), diklat(8, "Bimtek", d(2023, 3, 1)),
		peninjauan(9, d(2016, 1, 1), 1, 0, false),
	}
	row, ok := domain.BuildDUKRow(e, rs, today)
	if !ok {
		t.Fatal("PNS not on the DUK")
	}
	want := domain.DUKRow{EmployeeID: 1, NIP: e.NIP, Nama: "Budi", Golongan: "III/b", GolonganRank: domain.GolonganRank("III/b"),
		TMTGolongan: d(2019, 4, 1), NamaJabatan: "Kepala Subbagian Umum", JabatanLevel: int(domain.Pengawas), TMTJabatan: d(2022, 1, 3),
		MasaKerja: domain.Span{10, 10}, MasaKerjaGolongan: domain.Span{9, 10}, DiklatPIMLevel: 4, DiklatPIMYear: 2020,
		Pendidikan: "S1", PendidikanLevel: domain.PendidikanLevel("S1"), TahunLulus: 2012, TanggalLahir: e.TanggalLahir}
	if row != want {
		t.Fatalf("BuildDUKRow =\n %+v\nwant\n %+v", row, want)
	}
	for name, x := range map[string]domain.Employee{
		"PPPK":     pppk(),
		"CPNS":     func() domain.Employee { c := e; c.Kind = domain.KindCPNS; return c }(),
		"inactive": func() domain.Employee { c := e; c.Status = domain.StatusPensiun; return c }(),
	} {
		if _, ok := domain.BuildDUKRow(x, rs, today); ok || domain.OnDUK(x) {
			t.Errorf("%s is on the DUK", name)
		}
	}
	if row, _ := domain.BuildDUKRow(e, nil, today); row.Golongan != "III/a" || row.JabatanLevel != int(domain.Pelaksana) || row.PendidikanLevel != 8 {
		t.Errorf("without riwayat the profile is used: %+v", row)
	}
}

func BenchmarkDUK(b *testing.B) {
	emps, rws := benchOffice(10000)
	today := d(2025, 1, 15)
	b.Run("n=10000", func(b *testing.B) {
		b.ReportAllocs()
		rows := make([]domain.DUKRow, 0, len(emps))
		for b.Loop() {
			rows = rows[:0]
			for i := range emps {
				if r, ok := domain.BuildDUKRow(emps[i], rws[i], today); ok {
					rows = append(rows, r)
				}
			}
			domain.SortDUK(rows)
		}
		if !slices.IsSortedFunc(rows, domain.CompareDUK) {
			b.Fatal("not sorted")
		}
		b.ReportMetric(float64(len(rows)), "rows")
	})
}

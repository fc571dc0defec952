package domain_test

import (
	"testing"

	"asndesk/domain"
)

func TestBUP(t *testing.T) {
	t.Parallel()
	fungsional := func(nama string, j domain.Jenjang) domain.Employee {
		return domain.Employee{JenisJabatan: domain.Fungsional, Jenjang: j, NamaJabatan: nama}
	}
	jabatan := func(k domain.JabatanKind) domain.Employee { return domain.Employee{JenisJabatan: k} }
	tests := map[string]struct {
		e    domain.Employee
		want int
	}{
		"jpt utama":                   {jabatan(domain.JPTUtama), 60},
		"jpt madya":                   {jabatan(domain.JPTMadya), 60},
		"jpt pratama":                 {jabatan(domain.JPTPratama), 60},
		"administrator":               {jabatan(domain.Administrator), 58},
		"pengawas":                    {jabatan(domain.Pengawas), 58},
		"pelaksana":                   {jabatan(domain.Pelaksana), 58},
		"ahli pertama":                {fungsional("Analis Kebijakan Ahli Pertama", domain.AhliPertama), 58},
		"ahli muda":                   {fungsional("Pranata Komputer Ahli Muda", domain.AhliMuda), 58},
		"ahli madya":                  {fungsional("Auditor Ahli Madya", domain.AhliMadya), 60},
		"ahli utama":                  {fungsional("Perencana Ahli Utama", domain.AhliUtama), 65},
		"pemula":                      {fungsional("Arsiparis Pemula", domain.Pemula), 58},
		"terampil":                    {fungsional("Pranata Komputer Terampil", domain.Terampil), 58},
		"mahir":                       {fungsional("Arsiparis Mahir", domain.Mahir), 58},
		"penyelia":                    {fungsional("Arsiparis Penyelia", domain.Penyelia), 58},
		"guru ahli pertama":           {fungsional("Guru Ahli Pertama", domain.AhliPertama), 60},
		"guru lower case with spaces": {fungsional("  guru ahli muda", domain.AhliMuda), 60},
		"guru ahli utama keeps 65":    {fungsional("Guru Ahli Utama", domain.AhliUtama), 65},
		"guru without jenjang":        {fungsional("Guru Kelas", 0), 60},
		"dosen":                       {fungsional("Dosen Asisten Ahli", domain.AhliPertama), 65},
		"word guru not at start":      {fungsional("Pengawas Sekolah Ahli Muda", domain.AhliMuda), 58},
		"fungsional without jenjang":  {fungsional("Analis", 0), 58},
		"jabatan not filled in":       {domain.Employee{}, 58},
		"override 62 wins":            {domain.Employee{JenisJabatan: domain.Pelaksana, BUPOverride: 62}, 62},
		"override below grid wins":    {domain.Employee{JenisJabatan: domain.Fungsional, Jenjang: domain.AhliUtama, BUPOverride: 60}, 60},
		"negative override ignored":   {domain.Employee{JenisJabatan: domain.JPTMadya, BUPOverride: -1}, 60},
	}
	grid := domain.DefaultBUPGrid()
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := grid.BUP(tc.e); got != tc.want {
				t.Errorf("BUP(%v %v %q override %d) = %d, want %d",
					tc.e.JenisJabatan, tc.e.Jenjang, tc.e.NamaJabatan, tc.e.BUPOverride, got, tc.want)
			}
		})
	}
}

func TestBUPForIgnoresOverride(t *testing.T) {
	t.Parallel()
	e := domain.Employee{JenisJabatan: domain.Pelaksana, BUPOverride: 62}
	if got := domain.DefaultBUPGrid().BUPFor(e); got != 58 {
		t.Errorf("BUPFor = %d, want the grid's 58", got)
	}
}

func TestBUPEditedGrid(t *testing.T) {
	t.Parallel()
	// The grid is data: an edited grid changes the result without code changes.
	g := domain.DefaultBUPGrid()
	g.AhliMadya = 62
	g.DefaultForAll = 56
	tests := map[string]struct {
		e    domain.Employee
		want int
	}{
		"edited ahli madya":   {domain.Employee{JenisJabatan: domain.Fungsional, Jenjang: domain.AhliMadya}, 62},
		"edited default":      {domain.Employee{}, 56},
		"untouched pelaksana": {domain.Employee{JenisJabatan: domain.Pelaksana}, 58},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := g.BUP(tc.e); got != tc.want {
				t.Errorf("BUP = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestTMTPensiun(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		e       domain.Employee
		wantBUP int
		want    domain.Date
	}{
		"ahli madya born 15-03-1970": {
			domain.Employee{TanggalLahir: day(1970, 3, 15), JenisJabatan: domain.Fungsional, Jenjang: domain.AhliMadya},
			60, day(2030, 4, 1),
		},
		"pelaksana born 01-01-1968": {
			domain.Employee{TanggalLahir: day(1968, 1, 1), JenisJabatan: domain.Pelaksana},
			58, day(2026, 2, 1),
		},
		"born on the 31st": {
			domain.Employee{TanggalLahir: day(1970, 1, 31), JenisJabatan: domain.Pelaksana},
			58, day(2028, 2, 1),
		},
		"born 31 december rolls the year": {
			domain.Employee{TanggalLahir: day(1970, 12, 31), JenisJabatan: domain.Pengawas},
			58, day(2029, 1, 1),
		},
		"born on leap day": {
			domain.Employee{TanggalLahir: day(1968, 2, 29), JenisJabatan: domain.Pelaksana},
			58, day(2026, 3, 1),
		},
		"jpt": {
			domain.Employee{TanggalLahir: day(1965, 7, 1), JenisJabatan: domain.JPTPratama},
			60, day(2025, 8, 1),
		},
		"ahli utama": {
			domain.Employee{TanggalLahir: day(1960, 10, 10), JenisJabatan: domain.Fungsional, Jenjang: domain.AhliUtama},
			65, day(2025, 11, 1),
		},
		"keterampilan": {
			domain.Employee{TanggalLahir: day(1980, 5, 20), JenisJabatan: domain.Fungsional, Jenjang: domain.Terampil},
			58, day(2038, 6, 1),
		},
		"guru ahli pertama": {
			domain.Employee{TanggalLahir: day(1990, 2, 2), JenisJabatan: domain.Fungsional, Jenjang: domain.AhliPertama, NamaJabatan: "Guru Ahli Pertama"},
			60, day(2050, 3, 1),
		},
		"override 62": {
			domain.Employee{TanggalLahir: day(1968, 1, 1), JenisJabatan: domain.Pelaksana, BUPOverride: 62},
			62, day(2030, 2, 1),
		},
		"no birth date": {
			domain.Employee{JenisJabatan: domain.Pelaksana},
			58, domain.Date{},
		},
	}
	grid := domain.DefaultBUPGrid()
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			bup := grid.BUP(tc.e)
			if bup != tc.wantBUP {
				t.Fatalf("BUP = %d, want %d", bup, tc.wantBUP)
			}
			if got := domain.TMTPensiun(tc.e.TanggalLahir, bup); got != tc.want {
				t.Errorf("TMTPensiun(%v, %d) = %v, want %v", tc.e.TanggalLahir, bup, got, tc.want)
			}
		})
	}
}

func TestTMTPensiunWithoutBUP(t *testing.T) {
	t.Parallel()
	tests := map[string]int{"zero": 0, "negative": -58}
	for name, bup := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := domain.TMTPensiun(day(1970, 3, 15), bup); !got.IsZero() {
				t.Errorf("TMTPensiun with BUP %d = %v, want zero", bup, got)
			}
		})
	}
}

func TestUsia(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		lahir, today domain.Date
		want         string
	}{
		"day before birthday": {day(1986, 9, 26), day(2025, 9, 25), "38 tahun 11 bulan"},
		"on birthday":         {day(1986, 9, 26), day(2025, 9, 26), "39 tahun 0 bulan"},
		"month later":         {day(1986, 9, 26), day(2025, 10, 26), "39 tahun 1 bulan"},
		"not born yet":        {day(2030, 1, 1), day(2025, 1, 1), "0 tahun 0 bulan"},
		"no birth date":       {domain.Date{}, day(2025, 1, 1), "0 tahun 0 bulan"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := domain.Usia(tc.lahir, tc.today).String(); got != tc.want {
				t.Errorf("Usia(%v, %v) = %q, want %q", tc.lahir, tc.today, got, tc.want)
			}
		})
	}
}

func TestMasaKerja(t *testing.T) {
	t.Parallel()
	today := day(2027, 9, 15)
	tests := map[string]struct {
		e         domain.Employee
		wantStart domain.Date
		want      string
	}{
		"pns from tmt cpns": {
			domain.Employee{Kind: domain.KindPNS, TMTCPNS: day(2015, 5, 1), TMTPNS: day(2016, 5, 1)},
			day(2015, 5, 1), "12 tahun 4 bulan",
		},
		"cpns from tmt cpns": {
			domain.Employee{Kind: domain.KindCPNS, TMTCPNS: day(2027, 1, 1)},
			day(2027, 1, 1), "0 tahun 8 bulan",
		},
		"pppk from tmt kontrak": {
			domain.Employee{Kind: domain.KindPPPK, TMTKontrak: day(2024, 3, 1), TMTCPNS: day(2010, 1, 1)},
			day(2024, 3, 1), "3 tahun 6 bulan",
		},
		"paruh waktu from tmt kontrak": {
			domain.Employee{Kind: domain.KindPPPKParuhWaktu, TMTKontrak: day(2025, 10, 1)},
			day(2025, 10, 1), "1 tahun 11 bulan",
		},
		"pns ignores tmt kontrak": {
			domain.Employee{Kind: domain.KindPNS, TMTKontrak: day(2020, 1, 1)},
			domain.Date{}, "0 tahun 0 bulan",
		},
		"starts in the future": {
			domain.Employee{Kind: domain.KindCPNS, TMTCPNS: day(2028, 1, 1)},
			day(2028, 1, 1), "0 tahun 0 bulan",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := domain.MasaKerjaStart(tc.e); got != tc.wantStart {
				t.Errorf("MasaKerjaStart = %v, want %v", got, tc.wantStart)
			}
			if got := domain.MasaKerja(tc.e, today).String(); got != tc.want {
				t.Errorf("MasaKerja = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCompute(t *testing.T) {
	t.Parallel()
	today := day(2025, 6, 1)
	tests := map[string]struct {
		e    domain.Employee
		want domain.Computed
	}{
		"ahli madya from grid": {
			domain.Employee{Kind: domain.KindPNS, TanggalLahir: day(1970, 3, 15), TMTCPNS: day(1995, 3, 1),
				JenisJabatan: domain.Fungsional, Jenjang: domain.AhliMadya},
			domain.Computed{Usia: domain.Span{Years: 55, Months: 2}, MasaKerja: domain.Span{Years: 30, Months: 3},
				BUP: 60, BUPFromGrid: true, TMTPensiun: day(2030, 4, 1)},
		},
		"override": {
			domain.Employee{Kind: domain.KindPPPK, TanggalLahir: day(1968, 1, 1), TMTKontrak: day(2023, 1, 1),
				JenisJabatan: domain.Pelaksana, BUPOverride: 62},
			domain.Computed{Usia: domain.Span{Years: 57, Months: 5}, MasaKerja: domain.Span{Years: 2, Months: 5},
				BUP: 62, BUPFromGrid: false, TMTPensiun: day(2030, 2, 1)},
		},
		"negative override comes from grid": {
			domain.Employee{Kind: domain.KindPNS, JenisJabatan: domain.Pelaksana, BUPOverride: -3},
			domain.Computed{BUP: 58, BUPFromGrid: true},
		},
		"nothing filled in": {
			domain.Employee{},
			domain.Computed{BUP: 58, BUPFromGrid: true},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := domain.Compute(tc.e, domain.DefaultBUPGrid(), today); got != tc.want {
				t.Errorf("Compute\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

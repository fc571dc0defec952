package domain_test

import (
	"errors"
	"slices"
	"testing"

	"asndesk/domain"
)

func TestParseNIP(t *testing.T) {
	t.Parallel()
	pns := domain.NIPInfo{Lahir: day(1986, 9, 26), TMTCPNS: day(2015, 5, 1), Gender: domain.Male, Urut: 1}
	pppk := domain.NIPInfo{PPPK: true, Lahir: day(1990, 1, 15), TahunPPPK: 2023, Gender: domain.Female, Urut: 5}
	tests := map[string]struct {
		in   string
		want domain.NIPInfo
	}{
		"pns bare digits":         {"198609262015051001", pns},
		"pns printed groups":      {"19860926 201505 1 001", pns},
		"pns surrounding spaces":  {"  198609262015051001 ", pns},
		"pns dots and dashes":     {"19860926.201505-1-001", pns},
		"pns pasted with nbsp":    {"19860926\u00a0201505\u00a01\u00a0001", pns},
		"pns pasted with newline": {"19860926\n201505 1 001\r\n", pns},
		"pns perempuan urut 999":  {"198609262015052999", domain.NIPInfo{Lahir: day(1986, 9, 26), TMTCPNS: day(2015, 5, 1), Gender: domain.Female, Urut: 999}},
		"pns tmt december":        {"198001012005121002", domain.NIPInfo{Lahir: day(1980, 1, 1), TMTCPNS: day(2005, 12, 1), Gender: domain.Male, Urut: 2}},
		"pns born on leap day":    {"196802291990031001", domain.NIPInfo{Lahir: day(1968, 2, 29), TMTCPNS: day(1990, 3, 1), Gender: domain.Male, Urut: 1}},
		"ni pppk bare digits":     {"199001152023212005", pppk},
		"ni pppk printed groups":  {"19900115 2023 21 2 005", pppk},
		"digits 13-14 are 13":     {"198609262015131001", domain.NIPInfo{Lahir: day(1986, 9, 26), Gender: domain.Male, Urut: 1, OddTMT: "13"}},
		"digits 13-14 are 00":     {"198609262015001001", domain.NIPInfo{Lahir: day(1986, 9, 26), Gender: domain.Male, Urut: 1, OddTMT: "00"}},
		"urut 000 parses":         {"198609262015051000", domain.NIPInfo{Lahir: day(1986, 9, 26), TMTCPNS: day(2015, 5, 1), Gender: domain.Male}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := domain.ParseNIP(tc.in)
			if err != nil {
				t.Fatalf("ParseNIP(%q) error %q", tc.in, domain.ErrorMessage(err))
			}
			if got != tc.want {
				t.Errorf("ParseNIP(%q)\n got %+v\nwant %+v", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseNIPRefused(t *testing.T) {
	t.Parallel()
	const badDate = "Angka 1–8 NIP harus tanggal lahir yang ada (TTTTBBHH)."
	const badGender = "Angka ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan)."
	tests := map[string]struct {
		in   string
		want string
	}{
		"empty":                  {"", "NIP wajib diisi."},
		"only spaces":            {"   ", "NIP wajib diisi."},
		"letter inside":          {"19860926A015051001", "NIP hanya boleh berisi angka."},
		"letter O for zero":      {"198609262O15051001", "NIP hanya boleh berisi angka."},
		"slash separator":        {"19860926/201505/1/001", "NIP hanya boleh berisi angka."},
		"arabic indic digits":    {"١٩٨٦٠٩٢٦٢٠١٥٠٥١٠٠١", "NIP hanya boleh berisi angka."},
		"17 digits":              {"19860926201505100", "NIP harus 18 angka (tertulis 17)."},
		"19 digits":              {"1986092620150510011", "NIP harus 18 angka (tertulis 19)."},
		"19 digits with spaces":  {"19860926 201505 1 0011", "NIP harus 18 angka (tertulis 19)."},
		"old 9 digit nip":        {"010203040", "NIP harus 18 angka (tertulis 9)."},
		"birth date 31 february": {"199002312015051001", badDate},
		"birth date 29 feb 1990": {"199002292015051001", badDate},
		"birth month 13":         {"198613262015051001", badDate},
		"birth day 00":           {"198609002015051001", badDate},
		"birth year 0000":        {"000009262015051001", badDate},
		"ni pppk bad birth date": {"199002302023212005", badDate},
		"gender digit 3":         {"198609262015053001", badGender},
		"gender digit 0":         {"198609262015050001", badGender},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := domain.ParseNIP(tc.in)
			if err == nil {
				t.Fatalf("ParseNIP(%q) = %+v, want error %q", tc.in, got, tc.want)
			}
			if msg := domain.ErrorMessage(err); msg != tc.want {
				t.Errorf("ParseNIP(%q) message %q, want %q", tc.in, msg, tc.want)
			}
			if !errors.Is(err, domain.ErrInvalid) {
				t.Errorf("ParseNIP(%q) error %v is not ErrInvalid", tc.in, err)
			}
			if got != (domain.NIPInfo{}) {
				t.Errorf("ParseNIP(%q) returned %+v with its error, want zero", tc.in, got)
			}
		})
	}
}

func TestFormatNIP(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in   string
		want string
	}{
		"pns bare":            {"198609262015051001", "19860926 201505 1 001"},
		"pns already printed": {"19860926 201505 1 001", "19860926 201505 1 001"},
		"pns odd spacing":     {" 1986 0926 2015 0510 01 ", "19860926 201505 1 001"},
		"ni pppk bare":        {"199001152023212005", "19900115 2023 21 2 005"},
		"ni pppk printed":     {"19900115 2023 21 2 005", "19900115 2023 21 2 005"},
		"17 digits as typed":  {"1986092620150510", "1986092620150510"},
		"letters as typed":    {"19860926A015051001", "19860926A015051001"},
		"empty":               {"", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := domain.FormatNIP(tc.in); got != tc.want {
				t.Errorf("FormatNIP(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestDigits(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in   string
		want string
	}{
		"spaces":       {"19860926 201505 1 001", "198609262015051001"},
		"dots dashes":  {"0812-3456.7890", "081234567890"},
		"tab and nbsp": {"1\t2\u00a03", "123"},
		"letters kept": {"12 ab 3", "12ab3"},
		"plus kept":    {"+62 812", "+62812"},
		"empty":        {"", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := domain.Digits(tc.in); got != tc.want {
				t.Errorf("Digits(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseNIK(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in   string
		want domain.NIKInfo
	}{
		"perempuan 660986":    {"6471056609860001", domain.NIKInfo{Day: 26, Month: 9, Year2: 86, Gender: domain.Female}},
		"laki-laki 260986":    {"6471052609860001", domain.NIKInfo{Day: 26, Month: 9, Year2: 86, Gender: domain.Male}},
		"with spaces":         {"6471 0566 0986 0001", domain.NIKInfo{Day: 26, Month: 9, Year2: 86, Gender: domain.Female}},
		"perempuan day 41":    {"3201014101000001", domain.NIKInfo{Day: 1, Month: 1, Year2: 0, Gender: domain.Female}},
		"perempuan day 71":    {"3201017112990001", domain.NIKInfo{Day: 31, Month: 12, Year2: 99, Gender: domain.Female}},
		"laki-laki day 31":    {"3201013112990001", domain.NIKInfo{Day: 31, Month: 12, Year2: 99, Gender: domain.Male}},
		"region not checked":  {"0000002609869999", domain.NIKInfo{Day: 26, Month: 9, Year2: 86, Gender: domain.Male}},
		"empty is not filled": {"", domain.NIKInfo{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := domain.ParseNIK(tc.in)
			if err != nil {
				t.Fatalf("ParseNIK(%q) error %q", tc.in, domain.ErrorMessage(err))
			}
			if got != tc.want {
				t.Errorf("ParseNIK(%q) = %+v, want %+v", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseNIKRefused(t *testing.T) {
	t.Parallel()
	const badDate = "Angka 7–12 NIK harus tanggal lahir (HHBBTT, tanggal +40 untuk perempuan)."
	tests := map[string]struct {
		in   string
		want string
	}{
		"letter":        {"64710526O9860001", "NIK hanya boleh berisi angka."},
		"15 digits":     {"647105260986001", "NIK harus 16 angka (tertulis 15)."},
		"18 digits nip": {"198609262015051001", "NIK harus 16 angka (tertulis 18)."},
		"day 00":        {"6471050009860001", badDate},
		"day 32":        {"6471053209860001", badDate},
		"day 40":        {"6471054009860001", badDate},
		"day 72":        {"6471057209860001", badDate},
		"month 00":      {"6471052600860001", badDate},
		"month 13":      {"6471052613860001", badDate},
		"urut 0000":     {"6471052609860000", "Nomor urut NIK (4 angka terakhir) tidak boleh 0000."},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := domain.ParseNIK(tc.in)
			if err == nil {
				t.Fatalf("ParseNIK(%q) accepted, want %q", tc.in, tc.want)
			}
			if msg := domain.ErrorMessage(err); msg != tc.want {
				t.Errorf("ParseNIK(%q) message %q, want %q", tc.in, msg, tc.want)
			}
			if !errors.Is(err, domain.ErrInvalid) {
				t.Errorf("ParseNIK(%q) error %v is not ErrInvalid", tc.in, err)
			}
		})
	}
}

// identity is a consistent PNS: the NIP, NIK, birth date, gender and TMT CPNS
// all agree, so it has no identity warnings.
func identity() domain.Employee {
	return domain.Employee{
		Kind:         domain.KindPNS,
		Nama:         "Budi Santoso",
		NIP:          "198609262015051001",
		NIK:          "6471052609860001",
		TanggalLahir: day(1986, 9, 26),
		JenisKelamin: domain.Male,
		TMTCPNS:      day(2015, 5, 1),
	}
}

func TestIdentityWarnings(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		edit func(e *domain.Employee)
		want []domain.Warning
	}{
		"consistent laki-laki": {
			edit: func(e *domain.Employee) {},
		},
		"consistent perempuan nik 660986": {
			edit: func(e *domain.Employee) {
				e.NIP = "19860926 201505 2 001"
				e.NIK = "6471056609860001"
				e.JenisKelamin = domain.Female
			},
		},
		"nik day 66 beside laki-laki": {
			edit: func(e *domain.Employee) { e.NIK = "6471056609860001" },
			want: []domain.Warning{{domain.FieldNIK, "NIK menunjukkan jenis kelamin Perempuan, berbeda dengan isian Laki-laki."}},
		},
		"nik day 66 beside nip gender 1 without typed gender": {
			edit: func(e *domain.Employee) {
				e.NIK = "6471056609860001"
				e.JenisKelamin = 0
			},
			want: []domain.Warning{{domain.FieldNIK, "NIK menunjukkan jenis kelamin Perempuan, berbeda dengan NIP (Laki-laki)."}},
		},
		"nik day 26 beside nip gender 2 without typed gender": {
			edit: func(e *domain.Employee) {
				e.NIP = "198609262015052001"
				e.JenisKelamin = 0
			},
			want: []domain.Warning{{domain.FieldNIK, "NIK menunjukkan jenis kelamin Laki-laki, berbeda dengan NIP (Perempuan)."}},
		},
		"nik birth day differs": {
			edit: func(e *domain.Employee) { e.NIK = "6471052709860001" },
			want: []domain.Warning{{domain.FieldNIK, "Tanggal lahir pada NIK berbeda dengan tanggal lahir 26-09-1986."}},
		},
		"nik birth year differs": {
			edit: func(e *domain.Employee) { e.NIK = "6471052609870001" },
			want: []domain.Warning{{domain.FieldNIK, "Tanggal lahir pada NIK berbeda dengan tanggal lahir 26-09-1986."}},
		},
		"nik birth month differs from nip without typed date": {
			edit: func(e *domain.Employee) {
				e.NIK = "6471052610860001"
				e.TanggalLahir = domain.Date{}
			},
			want: []domain.Warning{{domain.FieldNIK, "Tanggal lahir pada NIK berbeda dengan tanggal lahir pada NIP (26-09-1986)."}},
		},
		"nik without nip or typed data": {
			edit: func(e *domain.Employee) {
				e.NIP = ""
				e.NIK = "6471056609860001"
				e.TanggalLahir = domain.Date{}
				e.JenisKelamin = 0
			},
		},
		"digits 13-14 are 13": {
			edit: func(e *domain.Employee) {
				e.NIP = "198609262015131001"
				e.TMTCPNS = domain.Date{}
			},
			want: []domain.Warning{{domain.FieldNIP, "Angka 13–14 NIP (13) bukan bulan TMT CPNS dan bukan kode 21 NI PPPK."}},
		},
		"nip birth date differs from typed": {
			edit: func(e *domain.Employee) {
				e.TanggalLahir = day(1986, 9, 27)
				e.NIK = ""
			},
			want: []domain.Warning{{domain.FieldNIP, "NIP menyebut tanggal lahir 26-09-1986, berbeda dengan tanggal lahir 27-09-1986."}},
		},
		"nip gender differs from typed": {
			edit: func(e *domain.Employee) {
				e.JenisKelamin = domain.Female
				e.NIK = ""
			},
			want: []domain.Warning{{domain.FieldNIP, "NIP menyebut jenis kelamin Laki-laki, berbeda dengan isian Perempuan."}},
		},
		"urut 000": {
			edit: func(e *domain.Employee) { e.NIP = "198609262015051000" },
			want: []domain.Warning{{domain.FieldNIP, "Nomor urut NIP (3 angka terakhir) 000 tidak lazim; nomor urut dimulai dari 001."}},
		},
		"tmt cpns at age 13": {
			edit: func(e *domain.Employee) {
				e.NIP = "198609261999051001"
				e.TMTCPNS = day(1999, 5, 1)
			},
			want: []domain.Warning{{domain.FieldNIP, "TMT CPNS pada NIP (01-05-1999) terlalu dekat dengan tanggal lahir."}},
		},
		"typed tmt cpns differs from nip": {
			edit: func(e *domain.Employee) { e.TMTCPNS = day(2015, 6, 1) },
			want: []domain.Warning{{domain.FieldTMTCPNS, "TMT CPNS 01-06-2015 berbeda dengan bulan TMT CPNS pada NIP (01-05-2015)."}},
		},
		"typed tmt cpns same month other day": {
			edit: func(e *domain.Employee) { e.TMTCPNS = day(2015, 5, 15) },
		},
		"pns with ni pppk shaped number": {
			edit: func(e *domain.Employee) {
				e.NIP = "198609262015211001"
				e.TMTCPNS = domain.Date{}
			},
			want: []domain.Warning{{domain.FieldNIP, "Angka 13–14 NIP bernilai 21: ini pola NI PPPK, bukan NIP PNS."}},
		},
		"cpns with ni pppk shaped number": {
			edit: func(e *domain.Employee) {
				e.Kind = domain.KindCPNS
				e.NIP = "198609262015211001"
				e.TMTCPNS = domain.Date{}
			},
			want: []domain.Warning{{domain.FieldNIP, "Angka 13–14 NIP bernilai 21: ini pola NI PPPK, bukan NIP PNS."}},
		},
		"unparseable nip gives no warning": {
			edit: func(e *domain.Employee) {
				e.NIP = "19860926A015051001"
				e.TanggalLahir = day(1990, 1, 1)
				e.NIK = ""
			},
		},
		"unparseable nik gives no warning": {
			edit: func(e *domain.Employee) { e.NIK = "6471059909860001" },
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			e := identity()
			tc.edit(&e)
			got := domain.IdentityWarnings(e)
			if !slices.Equal(got, tc.want) {
				t.Errorf("IdentityWarnings\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestIdentityWarningsPPPK(t *testing.T) {
	t.Parallel()
	base := domain.Employee{
		Kind:         domain.KindPPPK,
		Nama:         "Siti Aminah",
		NIP:          "199001152023212005",
		NIK:          "3273015501900003",
		TanggalLahir: day(1990, 1, 15),
		JenisKelamin: domain.Female,
	}
	tests := map[string]struct {
		edit func(e *domain.Employee)
		want []domain.Warning
	}{
		"consistent pppk": {
			edit: func(e *domain.Employee) {},
		},
		"consistent pppk paruh waktu": {
			edit: func(e *domain.Employee) { e.Kind = domain.KindPPPKParuhWaktu },
		},
		"pppk with pns shaped nip": {
			edit: func(e *domain.Employee) { e.NIP = "199001152015052005" },
			want: []domain.Warning{{domain.FieldNIP, "Pegawai PPPK biasanya memakai NI PPPK dengan kode 21 pada angka 13–14."}},
		},
		"birth date mismatch names ni pppk": {
			edit: func(e *domain.Employee) {
				e.TanggalLahir = day(1990, 1, 16)
				e.NIK = ""
			},
			want: []domain.Warning{{domain.FieldNIP, "NI PPPK menyebut tanggal lahir 15-01-1990, berbeda dengan tanggal lahir 16-01-1990."}},
		},
		"nik gender against ni pppk": {
			edit: func(e *domain.Employee) {
				e.JenisKelamin = 0
				e.NIK = "3273011501900003"
			},
			want: []domain.Warning{{domain.FieldNIK, "NIK menunjukkan jenis kelamin Laki-laki, berbeda dengan NI PPPK (Perempuan)."}},
		},
		"appointment year too close to birth": {
			edit: func(e *domain.Employee) { e.NIP = "199001152005212005" },
			want: []domain.Warning{{domain.FieldNIP, "Tahun pengangkatan pada NI PPPK (2005) terlalu dekat dengan tanggal lahir."}},
		},
		"urut 000 names ni pppk": {
			edit: func(e *domain.Employee) { e.NIP = "199001152023212000" },
			want: []domain.Warning{{domain.FieldNIP, "Nomor urut NI PPPK (3 angka terakhir) 000 tidak lazim; nomor urut dimulai dari 001."}},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			e := base
			tc.edit(&e)
			got := domain.IdentityWarnings(e)
			if !slices.Equal(got, tc.want) {
				t.Errorf("IdentityWarnings\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

package domain_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"asndesk/domain"
)

// validPNS is a complete, consistent PNS profile, as the demo office holds.
func validPNS() domain.Employee {
	return domain.Employee{
		ID:               7,
		Kind:             domain.KindPNS,
		Nama:             "Budi Santoso",
		GelarBelakang:    "S.Kom.",
		TempatLahir:      "Samarinda",
		TanggalLahir:     day(1986, 9, 26),
		JenisKelamin:     domain.Male,
		Agama:            "Islam",
		StatusPerkawinan: "Kawin",
		NIK:              "6471052609860001",
		Alamat:           "Jl. Juanda No. 1, Samarinda",
		NomorHP:          "0812-3456-7890",
		Email:            "budi.santoso@kaltimprov.go.id",
		NIP:              "198609262015051001",
		Status:           domain.StatusAktif,
		TMTCPNS:          day(2015, 5, 1),
		TMTPNS:           day(2016, 5, 1),
		Golongan:         "III/c",
		JenisJabatan:     domain.Fungsional,
		Jenjang:          domain.AhliMuda,
		NamaJabatan:      "Pranata Komputer Ahli Muda",
		UnitID:           1,
		AtasanID:         3,
		Pendidikan:       "S1",
	}
}

// validPPPK is a complete, consistent PPPK profile.
func validPPPK() domain.Employee {
	return domain.Employee{
		ID:            8,
		Kind:          domain.KindPPPK,
		Nama:          "Siti Aminah",
		GelarBelakang: "S.Pd.",
		TanggalLahir:  day(1990, 1, 15),
		JenisKelamin:  domain.Female,
		NIK:           "3273015501900003",
		NomorHP:       "+62 812 1111 2222",
		Email:         "siti.aminah@sekolah.sch.id",
		NIP:           "199001152023212005",
		Status:        domain.StatusAktif,
		TMTKontrak:    day(2023, 3, 1),
		AkhirKontrak:  day(2028, 2, 29),
		Golongan:      "IX",
		JenisJabatan:  domain.Fungsional,
		Jenjang:       domain.AhliPertama,
		NamaJabatan:   "Guru Ahli Pertama",
		UnitID:        2,
		Pendidikan:    "S1",
	}
}

func TestValidateEmployeeRefuses(t *testing.T) {
	t.Parallel()
	const tooLong = "Isian terlalu panjang (paling banyak 200 huruf)."
	const badEmail = "Alamat email tidak valid, contoh: nama@instansi.go.id."
	const badHP = "Nomor HP hanya boleh berisi angka (boleh diawali +)."
	const badBUP = "Batas usia pensiun harus antara 50 dan 75 tahun."
	tests := map[string]struct {
		base  func() domain.Employee
		edit  func(e *domain.Employee)
		field string
		want  string
	}{
		"nip with a letter": {validPNS, func(e *domain.Employee) { e.NIP = "19860926A015051001" },
			domain.FieldNIP, "NIP hanya boleh berisi angka."},
		"nip 17 digits": {validPNS, func(e *domain.Employee) { e.NIP = "19860926201505100" },
			domain.FieldNIP, "NIP harus 18 angka (tertulis 17)."},
		"nip 19 digits": {validPNS, func(e *domain.Employee) { e.NIP = "1986092620150510011" },
			domain.FieldNIP, "NIP harus 18 angka (tertulis 19)."},
		"nip birth date does not exist": {validPNS, func(e *domain.Employee) { e.NIP = "199002312015051001" },
			domain.FieldNIP, "Angka 1–8 NIP harus tanggal lahir yang ada (TTTTBBHH)."},
		"nip missing": {validPNS, func(e *domain.Employee) { e.NIP = "" },
			domain.FieldNIP, "NIP wajib diisi."},
		"nip gender digit": {validPNS, func(e *domain.Employee) { e.NIP = "198609262015059001" },
			domain.FieldNIP, "Angka ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan)."},
		"ni pppk 17 digits": {validPPPK, func(e *domain.Employee) { e.NIP = "19900115202321200" },
			domain.FieldNIP, "NI PPPK harus 18 angka (tertulis 17)."},
		"ni pppk with a letter": {validPPPK, func(e *domain.Employee) { e.NIP = "19900115202321200X" },
			domain.FieldNIP, "NI PPPK hanya boleh berisi angka."},
		"ni pppk missing": {validPPPK, func(e *domain.Employee) { e.NIP = "  " },
			domain.FieldNIP, "NI PPPK wajib diisi."},
		"ni pppk birth date does not exist": {validPPPK, func(e *domain.Employee) { e.NIP = "199002302023212005" },
			domain.FieldNIP, "Angka 1–8 NI PPPK harus tanggal lahir yang ada (TTTTBBHH)."},
		"paruh waktu ni pppk 19 digits": {validPPPK, func(e *domain.Employee) {
			e.Kind = domain.KindPPPKParuhWaktu
			e.NIP = "1990011520232120051"
		}, domain.FieldNIP, "NI PPPK harus 18 angka (tertulis 19)."},
		"nama empty": {validPNS, func(e *domain.Employee) { e.Nama = "" },
			domain.FieldNama, "Nama wajib diisi."},
		"nama whitespace only": {validPNS, func(e *domain.Employee) { e.Nama = " \t\n\u00a0 " },
			domain.FieldNama, "Nama wajib diisi."},
		"nama 10000 characters": {validPNS, func(e *domain.Employee) { e.Nama = strings.Repeat("a", 10000) },
			domain.FieldNama, "Nama terlalu panjang (paling banyak 200 huruf)."},
		"nama 201 characters": {validPNS, func(e *domain.Employee) { e.Nama = strings.Repeat("é", 201) },
			domain.FieldNama, "Nama terlalu panjang (paling banyak 200 huruf)."},
		"gelar depan too long": {validPNS, func(e *domain.Employee) { e.GelarDepan = strings.Repeat("Dr. ", 51) },
			domain.FieldGelarDepan, tooLong},
		"gelar belakang too long": {validPNS, func(e *domain.Employee) { e.GelarBelakang = strings.Repeat("x", 201) },
			domain.FieldGelarBelakang, tooLong},
		"tempat lahir too long": {validPNS, func(e *domain.Employee) { e.TempatLahir = strings.Repeat("x", 201) },
			domain.FieldTempatLahir, tooLong},
		"nama jabatan too long": {validPNS, func(e *domain.Employee) { e.NamaJabatan = strings.Repeat("x", 201) },
			domain.FieldNamaJabatan, tooLong},
		"alamat 10000 characters": {validPNS, func(e *domain.Employee) { e.Alamat = strings.Repeat("Jl. ", 2500) },
			domain.FieldAlamat, "Alamat terlalu panjang (paling banyak 500 huruf)."},
		"kind not chosen": {validPNS, func(e *domain.Employee) { e.Kind = 0 },
			domain.FieldKind, "Pilih jenis pegawai."},
		"kind out of range": {validPNS, func(e *domain.Employee) { e.Kind = 5 },
			domain.FieldKind, "Pilih jenis pegawai."},
		"status not chosen": {validPNS, func(e *domain.Employee) { e.Status = 0 },
			domain.FieldStatus, "Pilih status kepegawaian."},
		"status out of range": {validPNS, func(e *domain.Employee) { e.Status = 8 },
			domain.FieldStatus, "Pilih status kepegawaian."},
		"nik 15 digits": {validPNS, func(e *domain.Employee) { e.NIK = "647105260986001" },
			domain.FieldNIK, "NIK harus 16 angka (tertulis 15)."},
		"nik urut 0000": {validPNS, func(e *domain.Employee) { e.NIK = "6471052609860000" },
			domain.FieldNIK, "Nomor urut NIK (4 angka terakhir) tidak boleh 0000."},
		"jenis kelamin out of range": {validPNS, func(e *domain.Employee) { e.JenisKelamin = 3 },
			domain.FieldJenisKelamin, "Pilih jenis kelamin."},
		"pns with pppk golongan": {validPNS, func(e *domain.Employee) { e.Golongan = "IX" },
			domain.FieldGolongan, "Golongan ruang harus salah satu dari I/a sampai IV/e."},
		"pns with no ruang e below iv": {validPNS, func(e *domain.Employee) { e.Golongan = "III/e" },
			domain.FieldGolongan, "Golongan ruang harus salah satu dari I/a sampai IV/e."},
		"pppk with pns golongan": {validPPPK, func(e *domain.Employee) { e.Golongan = "III/b" },
			domain.FieldGolongan, "Golongan PPPK harus salah satu dari I sampai XVII."},
		"pppk golongan xviii": {validPPPK, func(e *domain.Employee) { e.Golongan = "XVIII" },
			domain.FieldGolongan, "Golongan PPPK harus salah satu dari I sampai XVII."},
		"jenis jabatan out of range": {validPNS, func(e *domain.Employee) {
			e.JenisJabatan = 8
			e.Jenjang = 0
		}, domain.FieldJenisJabatan, "Pilih jenis jabatan."},
		"jenjang on pelaksana": {validPNS, func(e *domain.Employee) { e.JenisJabatan = domain.Pelaksana },
			domain.FieldJenjang, "Jenjang hanya diisi untuk jabatan fungsional."},
		"jenjang on administrator": {validPNS, func(e *domain.Employee) { e.JenisJabatan = domain.Administrator },
			domain.FieldJenjang, "Jenjang hanya diisi untuk jabatan fungsional."},
		"jenjang without jenis jabatan": {validPNS, func(e *domain.Employee) { e.JenisJabatan = 0 },
			domain.FieldJenjang, "Jenjang hanya diisi untuk jabatan fungsional."},
		"email without at": {validPNS, func(e *domain.Employee) { e.Email = "budi.kaltimprov.go.id" },
			domain.FieldEmail, badEmail},
		"email without domain": {validPNS, func(e *domain.Employee) { e.Email = "budi@" },
			domain.FieldEmail, badEmail},
		"email with display name": {validPNS, func(e *domain.Employee) { e.Email = "Budi <budi@kaltimprov.go.id>" },
			domain.FieldEmail, badEmail},
		"email with inner space": {validPNS, func(e *domain.Employee) { e.Email = "budi santoso@kaltimprov.go.id" },
			domain.FieldEmail, badEmail},
		"email two addresses": {validPNS, func(e *domain.Employee) { e.Email = "a@x.go.id, b@x.go.id" },
			domain.FieldEmail, badEmail},
		"nomor hp with letters": {validPNS, func(e *domain.Employee) { e.NomorHP = "0812-ABC-7890" },
			domain.FieldNomorHP, badHP},
		"nomor hp plus inside": {validPNS, func(e *domain.Employee) { e.NomorHP = "62+812345" },
			domain.FieldNomorHP, badHP},
		"bup override 49": {validPNS, func(e *domain.Employee) { e.BUPOverride = 49 },
			domain.FieldBUP, badBUP},
		"bup override 76": {validPNS, func(e *domain.Employee) { e.BUPOverride = 76 },
			domain.FieldBUP, badBUP},
		"bup override negative": {validPNS, func(e *domain.Employee) { e.BUPOverride = -58 },
			domain.FieldBUP, badBUP},
		"atasan is self": {validPNS, func(e *domain.Employee) { e.AtasanID = e.ID },
			domain.FieldAtasan, "Atasan langsung tidak boleh pegawai itu sendiri."},
		"akhir kontrak before tmt kontrak": {validPPPK, func(e *domain.Employee) { e.AkhirKontrak = day(2023, 2, 28) },
			domain.FieldAkhirKontrak, "Akhir perjanjian kerja tidak boleh sebelum TMT perjanjian kerja."},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			e := tc.base()
			tc.edit(&e)
			fe := domain.ValidateEmployee(e)
			want := domain.FieldErrors{tc.field: tc.want}
			if !maps.Equal(fe, want) {
				t.Errorf("ValidateEmployee\n got %q\nwant %q", fe, want)
			}
			if err := fe.Err(); domain.ErrorMessage(err) != tc.want {
				t.Errorf("ErrorMessage(fe.Err()) = %q, want %q", domain.ErrorMessage(err), tc.want)
			}
		})
	}
}

func TestValidateEmployeeAccepts(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		base func() domain.Employee
		edit func(e *domain.Employee)
	}{
		"complete pns":                  {validPNS, func(e *domain.Employee) {}},
		"complete pppk":                 {validPPPK, func(e *domain.Employee) {}},
		"cpns":                          {validPNS, func(e *domain.Employee) { e.Kind = domain.KindCPNS; e.TMTPNS = domain.Date{} }},
		"pppk paruh waktu":              {validPPPK, func(e *domain.Employee) { e.Kind = domain.KindPPPKParuhWaktu }},
		"emoji in nama":                 {validPNS, func(e *domain.Employee) { e.Nama = "Budi 😀 Santoso" }},
		"emoji family in alamat":        {validPNS, func(e *domain.Employee) { e.Alamat = "Rumah 👨‍👩‍👧‍👦 Jl. Juanda" }},
		"ansi escape in nama":           {validPNS, func(e *domain.Employee) { e.Nama = "\x1b[31mBudi\x1b[0m Santoso" }},
		"ansi clear screen in alamat":   {validPNS, func(e *domain.Employee) { e.Alamat = "Jl. \x1b[2J\x1b[H Merdeka" }},
		"nama exactly 200 multibyte":    {validPNS, func(e *domain.Employee) { e.Nama = strings.Repeat("é", 200) }},
		"nama 200 plus outer spaces":    {validPNS, func(e *domain.Employee) { e.Nama = "  " + strings.Repeat("a", 200) + "  " }},
		"alamat exactly 500":            {validPNS, func(e *domain.Employee) { e.Alamat = strings.Repeat("x", 500) }},
		"nip printed with spaces":       {validPNS, func(e *domain.Employee) { e.NIP = "19860926 201505 1 001" }},
		"nip digits 13-14 are 13":       {validPNS, func(e *domain.Employee) { e.NIP = "198609262015131001" }},
		"pns with ni pppk shaped nip":   {validPNS, func(e *domain.Employee) { e.NIP = "198609262015211001" }},
		"pppk with pns shaped nip":      {validPPPK, func(e *domain.Employee) { e.NIP = "199001152015052005" }},
		"nik not filled in":             {validPNS, func(e *domain.Employee) { e.NIK = "" }},
		"jenis kelamin not filled in":   {validPNS, func(e *domain.Employee) { e.JenisKelamin = 0 }},
		"golongan not filled in":        {validPNS, func(e *domain.Employee) { e.Golongan = "" }},
		"jabatan not filled in":         {validPNS, func(e *domain.Employee) { e.JenisJabatan = 0; e.Jenjang = 0 }},
		"jenjang missing on fungsional": {validPNS, func(e *domain.Employee) { e.Jenjang = 0 }},
		"email not filled in":           {validPNS, func(e *domain.Employee) { e.Email = "" }},
		"email with plus":               {validPNS, func(e *domain.Employee) { e.Email = "budi+asn@kaltimprov.go.id" }},
		"nomor hp international":        {validPNS, func(e *domain.Employee) { e.NomorHP = "+62 812-3456-7890" }},
		"bup override 50":               {validPNS, func(e *domain.Employee) { e.BUPOverride = 50 }},
		"bup override 75":               {validPNS, func(e *domain.Employee) { e.BUPOverride = 75 }},
		"akhir kontrak on tmt kontrak":  {validPPPK, func(e *domain.Employee) { e.AkhirKontrak = e.TMTKontrak }},
		"new employee without atasan":   {validPNS, func(e *domain.Employee) { e.ID = 0; e.AtasanID = 0 }},
		"pppk golongan xvii":            {validPPPK, func(e *domain.Employee) { e.Golongan = "XVII" }},
		"pns golongan iv/e":             {validPNS, func(e *domain.Employee) { e.Golongan = "IV/e" }},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			e := tc.base()
			tc.edit(&e)
			before := e
			if fe := domain.ValidateEmployee(e); fe != nil {
				t.Errorf("ValidateEmployee = %q, want no errors", fe)
			}
			if err := domain.ValidateEmployee(e).Err(); err != nil {
				t.Errorf("ValidateEmployee(...).Err() = %v, want nil", err)
			}
			// What was typed is what is kept and listed: no silent rewriting.
			if e != before {
				t.Errorf("validation changed the profile")
			}
			if row := domain.RowOf(e); !strings.Contains(row.Nama, e.Nama) || row.NIP != e.NIP {
				t.Errorf("RowOf = %+v, want nama %q and NIP %q as typed", row, e.Nama, e.NIP)
			}
		})
	}
}

func TestValidateEmployeeEmptyForm(t *testing.T) {
	t.Parallel()
	fe := domain.ValidateEmployee(domain.Employee{})
	want := domain.FieldErrors{
		domain.FieldKind:   "Pilih jenis pegawai.",
		domain.FieldNama:   "Nama wajib diisi.",
		domain.FieldNIP:    "NIP wajib diisi.",
		domain.FieldStatus: "Pilih status kepegawaian.",
	}
	if !maps.Equal(fe, want) {
		t.Fatalf("ValidateEmployee(empty)\n got %q\nwant %q", fe, want)
	}
	if got, want := domain.ErrorMessage(fe.Err()), "Pilih jenis pegawai. (dan 3 isian lain perlu diperbaiki)"; got != want {
		t.Errorf("ErrorMessage = %q, want %q", got, want)
	}
}

func TestEmployeeWarnings(t *testing.T) {
	t.Parallel()
	today := day(2025, 6, 1)
	// retiree is a Pelaksana born 01-01-1967: BUP 58, TMT pensiun 01-02-2025.
	retiree := func() domain.Employee {
		e := validPNS()
		e.NIP = "196701011990031001"
		e.NIK = "6471050101670001"
		e.TanggalLahir = day(1967, 1, 1)
		e.TMTCPNS = day(1990, 3, 1)
		e.TMTPNS = day(1991, 3, 1)
		e.JenisJabatan = domain.Pelaksana
		e.Jenjang = 0
		e.NamaJabatan = "Pengadministrasi Umum"
		return e
	}
	const pastBUP = "Sudah melewati batas usia pensiun (TMT pensiun 01-02-2025) tetapi masih berstatus Aktif."
	tests := map[string]struct {
		base  func() domain.Employee
		edit  func(e *domain.Employee)
		today domain.Date // zero: 01-06-2025
		want  []domain.Warning
	}{
		"clean pns":  {base: validPNS, edit: func(e *domain.Employee) {}},
		"clean pppk": {base: validPPPK, edit: func(e *domain.Employee) {}},
		"pns with ni pppk shaped number": {
			base: validPNS, edit: func(e *domain.Employee) { e.NIP = "198609262015211001" },
			want: []domain.Warning{{domain.FieldNIP, "Angka 13–14 NIP bernilai 21: ini pola NI PPPK, bukan NIP PNS."}},
		},
		"pppk with pns shaped nip": {
			base: validPPPK, edit: func(e *domain.Employee) { e.NIP = "199001152015052005" },
			want: []domain.Warning{{domain.FieldNIP, "Pegawai PPPK biasanya memakai NI PPPK dengan kode 21 pada angka 13–14."}},
		},
		"nik gender against employee": {
			base: validPNS, edit: func(e *domain.Employee) { e.NIK = "6471056609860001" },
			want: []domain.Warning{{domain.FieldNIK, "NIK menunjukkan jenis kelamin Perempuan, berbeda dengan isian Laki-laki."}},
		},
		"contract ended": {
			base: validPPPK, edit: func(e *domain.Employee) { e.AkhirKontrak = day(2024, 12, 31) },
			want: []domain.Warning{{domain.FieldAkhirKontrak, "Perjanjian kerja sudah berakhir pada 31-12-2024."}},
		},
		"contract ends today": {
			base: validPPPK, edit: func(e *domain.Employee) { e.AkhirKontrak = day(2025, 6, 1) },
		},
		"contract ended and diberhentikan": {
			base: validPPPK, edit: func(e *domain.Employee) {
				e.AkhirKontrak = day(2024, 12, 31)
				e.Status = domain.StatusDiberhentikan
			},
		},
		"past bup and aktif": {
			base: retiree, edit: func(e *domain.Employee) {},
			want: []domain.Warning{{domain.FieldStatus, pastBUP}},
		},
		"on tmt pensiun and aktif": {
			base: retiree, edit: func(e *domain.Employee) {}, today: day(2025, 2, 1),
			want: []domain.Warning{{domain.FieldStatus, pastBUP}},
		},
		"day before tmt pensiun": {
			base: retiree, edit: func(e *domain.Employee) {}, today: day(2025, 1, 31),
		},
		"past bup and pensiun": {
			base: retiree, edit: func(e *domain.Employee) { e.Status = domain.StatusPensiun },
		},
		"past grid bup but override 60": {
			base: retiree, edit: func(e *domain.Employee) { e.BUPOverride = 60 },
		},
		"jenjang missing": {
			base: validPNS, edit: func(e *domain.Employee) { e.Jenjang = 0 },
			want: []domain.Warning{{domain.FieldJenjang, "Jenjang jabatan fungsional belum dipilih."}},
		},
		"tmt pns missing": {
			base: validPNS, edit: func(e *domain.Employee) { e.TMTPNS = domain.Date{} },
			want: []domain.Warning{{domain.FieldTMTPNS, "TMT PNS belum diisi."}},
		},
		"cpns has no tmt pns yet": {
			base: validPNS, edit: func(e *domain.Employee) {
				e.Kind = domain.KindCPNS
				e.TMTPNS = domain.Date{}
			},
		},
		"tmt pns before tmt cpns": {
			base: validPNS, edit: func(e *domain.Employee) { e.TMTPNS = day(2014, 5, 1) },
			want: []domain.Warning{{domain.FieldTMTPNS, "TMT PNS lebih awal dari TMT CPNS."}},
		},
		"born in the future": {
			base: validPNS, edit: func(e *domain.Employee) {
				e.NIP, e.NIK = "", ""
				e.TanggalLahir = day(2026, 1, 1)
			},
			want: []domain.Warning{{domain.FieldTanggalLahir, "Tanggal lahir ada di masa depan."}},
		},
		"under 18": {
			base: validPNS, edit: func(e *domain.Employee) {
				e.NIP, e.NIK = "", ""
				e.TanggalLahir = day(2007, 6, 2)
			},
			want: []domain.Warning{{domain.FieldTanggalLahir, "Usia 17 tahun: di bawah usia minimal ASN (18 tahun)."}},
		},
		"turns 18 today": {
			base: validPNS, edit: func(e *domain.Employee) {
				e.NIP, e.NIK = "", ""
				e.TanggalLahir = day(2007, 6, 1)
			},
		},
		"several warnings in field order": {
			base: validPPPK, edit: func(e *domain.Employee) {
				e.Jenjang = 0
				e.AkhirKontrak = day(2025, 5, 31)
			},
			want: []domain.Warning{
				{domain.FieldJenjang, "Jenjang jabatan fungsional belum dipilih."},
				{domain.FieldAkhirKontrak, "Perjanjian kerja sudah berakhir pada 31-05-2025."},
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			e := tc.base()
			tc.edit(&e)
			now := tc.today
			if now.IsZero() {
				now = today
			}
			got := domain.EmployeeWarnings(e, now)
			if !slices.Equal(got, tc.want) {
				t.Errorf("EmployeeWarnings\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestValidateUnitName(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in   string
		want string // "" = accepted
	}{
		"ordinary":       {"Bidang Pengembangan SDM", ""},
		"exactly 200":    {strings.Repeat("u", 200), ""},
		"emoji":          {"Sekretariat 🏛️", ""},
		"empty":          {"", "Nama unit kerja wajib diisi."},
		"blank":          {"  \t ", "Nama unit kerja wajib diisi."},
		"201 characters": {strings.Repeat("u", 201), "Nama unit kerja terlalu panjang."},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			err := domain.ValidateUnitName(tc.in)
			if got := domain.ErrorMessage(err); got != tc.want {
				t.Errorf("ValidateUnitName(%q) message %q, want %q", tc.in, got, tc.want)
			}
			if err != nil && domain.ErrorCode(err) != domain.EINVALID {
				t.Errorf("ValidateUnitName(%q) code %q, want %q", tc.in, domain.ErrorCode(err), domain.EINVALID)
			}
		})
	}
}

func TestFullName(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		depan, nama, belakang string
		want                  string
	}{
		"both gelar":     {"Dr.", "Siti Aminah", "S.Kom., M.T.", "Dr. Siti Aminah, S.Kom., M.T."},
		"gelar belakang": {"", "Budi Santoso", "S.Kom.", "Budi Santoso, S.Kom."},
		"gelar depan":    {"Ir.", "Joko", "", "Ir. Joko"},
		"no gelar":       {"", "Joko", "", "Joko"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			e := domain.Employee{GelarDepan: tc.depan, Nama: tc.nama, GelarBelakang: tc.belakang}
			if got := e.FullName(); got != tc.want {
				t.Errorf("FullName = %q, want %q", got, tc.want)
			}
			if got := domain.RowOf(e).Nama; got != tc.want {
				t.Errorf("RowOf(...).Nama = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestStatusActive(t *testing.T) {
	t.Parallel()
	want := map[domain.Status]bool{
		domain.StatusAktif:                  true,
		domain.StatusCLTN:                   true,
		domain.StatusDiberhentikanSementara: true,
		domain.StatusPensiun:                false,
		domain.StatusPindah:                 false,
		domain.StatusMeninggal:              false,
		domain.StatusDiberhentikan:          false,
	}
	for _, s := range domain.Statuses() {
		t.Run(s.String(), func(t *testing.T) {
			t.Parallel()
			if got := s.Active(); got != want[s] {
				t.Errorf("%v.Active() = %v, want %v", s, got, want[s])
			}
		})
	}
	if len(domain.Statuses()) != len(want) {
		t.Errorf("Statuses() has %d entries, want %d", len(domain.Statuses()), len(want))
	}
}

func TestEnumLabels(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		got, want string
	}{
		"kind pns":            {domain.KindPNS.String(), "PNS"},
		"kind paruh waktu":    {domain.KindPPPKParuhWaktu.String(), "PPPK Paruh Waktu"},
		"kind unknown":        {domain.Kind(0).String(), ""},
		"gender male":         {domain.Male.String(), "Laki-laki"},
		"gender female":       {domain.Female.String(), "Perempuan"},
		"gender unknown":      {domain.Gender(0).String(), ""},
		"status cltn":         {domain.StatusCLTN.String(), "Cuti di Luar Tanggungan Negara"},
		"jabatan jpt pratama": {domain.JPTPratama.String(), "JPT Pratama"},
		"jenjang ahli madya":  {domain.AhliMadya.String(), "Ahli Madya"},
		"jenjang penyelia":    {domain.Penyelia.String(), "Penyelia"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if tc.got != tc.want {
				t.Errorf("label = %q, want %q", tc.got, tc.want)
			}
		})
	}
}

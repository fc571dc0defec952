package doc

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"asndesk/domain"
)

// nipLabel is "NI PPPK" for PPPK, "NIP" otherwise (as the profile says).
func nipLabel(k domain.Kind) string {
	if k.IsPPPK() {
		return "NI PPPK"
	}
	return "NIP"
}

func tempatTanggal(e domain.Employee) string {
	return joinNonEmpty(", ", e.TempatLahir, e.TanggalLahir.Long())
}

func jabatanText(e domain.Employee) string {
	j := e.NamaJabatan
	if e.JenisJabatan == domain.Fungsional && e.Jenjang != 0 && !strings.Contains(strings.ToLower(j), strings.ToLower(e.Jenjang.String())) {
		j = joinNonEmpty(" ", j, e.Jenjang.String())
	}
	return j
}

// perorangan is I. KETERANGAN PERORANGAN: identity and kepegawaian, with
// the contract dates for PPPK and the CPNS/PNS dates otherwise.
func perorangan(e domain.Employee, rs []domain.Riwayat, o Opts) *Fields {
	rows := [][2]string{
		{"Nama lengkap", e.FullName()},
		{nipLabel(e.Kind), domain.FormatNIP(e.NIP)},
		{"Tempat, tanggal lahir", tempatTanggal(e)},
		{"Jenis kelamin", e.JenisKelamin.String()},
		{"Agama", e.Agama},
		{"Status perkawinan", e.StatusPerkawinan},
		{"NIK", e.NIK},
		{"Alamat", e.Alamat},
		{"Nomor HP", e.NomorHP},
		{"Email", e.Email},
		{"Jenis pegawai", e.Kind.String()},
		{"Status kepegawaian", e.Status.String()},
	}
	if e.Kind.IsPPPK() {
		rows = append(rows, [2]string{"Golongan", golonganOf(e.Kind, e.Golongan)},
			[2]string{"TMT kontrak", e.TMTKontrak.Long()},
			[2]string{"Akhir kontrak", e.AkhirKontrak.Long()})
	} else {
		rows = append(rows, [2]string{"Pangkat/golongan ruang", golonganOf(e.Kind, e.Golongan)},
			[2]string{"TMT CPNS", e.TMTCPNS.Long()})
		if e.Kind == domain.KindPNS {
			rows = append(rows, [2]string{"TMT PNS", e.TMTPNS.Long()})
		}
	}
	rows = append(rows,
		[2]string{"Jenis jabatan", e.JenisJabatan.String()},
		[2]string{"Jabatan", jabatanText(e)},
		[2]string{"Unit kerja", o.unit(e.UnitID)},
		[2]string{"Pendidikan terakhir", pendidikanText(e, rs)},
	)
	if !o.Today.IsZero() && !domain.MasaKerjaStart(e).IsZero() {
		rows = append(rows, [2]string{"Masa kerja", domain.MasaKerjaKeseluruhan(e, rs, o.Today).String()})
	}
	return &Fields{Rows: rows}
}

// pendidikanText is the latest pendidikan with jurusan and school when the
// riwayat has them, else the profile's tingkat.
func pendidikanText(e domain.Employee, rs []domain.Riwayat) string {
	if p, ok := domain.LatestPendidikan(rs); ok {
		t := joinNonEmpty(" ", p.Tingkat, p.Jurusan)
		return joinNonEmpty(", ", t, p.NamaSekolah, itoaBlank(p.TahunLulus))
	}
	return e.Pendidikan
}

var romanNumerals = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"}

func roman(n int) string {
	if n >= 1 && n <= len(romanNumerals) {
		return romanNumerals[n-1]
	}
	return strconv.Itoa(n)
}

// drhKinds is the order of the DRH's riwayat sections.
var drhKinds = []domain.RiwayatKind{
	domain.RwPendidikan, domain.RwPangkat, domain.RwJabatan, domain.RwDiklat, domain.RwPenghargaan,
	domain.RwHukdis, domain.RwKeluarga, domain.RwGaji, domain.RwCuti, domain.RwAngkaKredit,
	domain.RwOrganisasi, domain.RwMasaKerja,
}

// rupiah writes 4250000 as "4.250.000"; 0 is blank.
func rupiah(n int64) string {
	if n == 0 {
		return ""
	}
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteByte(s[i])
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func mkg(th, bl int) string {
	if th == 0 && bl == 0 {
		return ""
	}
	return itoa(th) + " th " + itoa(bl) + " bl"
}

func cutiLabel(code string) string {
	if t, ok := domain.DefaultCutiRules().Type(code); ok {
		return t.Label
	}
	return code
}

// riwayatTable is one riwayat kind as a table with the fields of
// domain.md §3.9, oldest entry first as a DRH reads.
func riwayatTable(k domain.RiwayatKind, kind domain.Kind, rs []domain.Riwayat, o Opts) *Table {
	col := func(title string, w float64) Column { return Column{Title: title, Width: w} }
	ctr := func(title string, w float64) Column { return Column{Title: title, Width: w, Align: Center} }
	no := ctr("NO", 4)
	t := &Table{}
	add := func(cells ...string) {
		t.Rows = append(t.Rows, append([]string{itoa(len(t.Rows) + 1)}, cells...))
	}
	switch k {
	case domain.RwPendidikan:
		t.Columns = []Column{no, col("TINGKAT", 8), col("JURUSAN", 20), col("NAMA SEKOLAH/PERGURUAN TINGGI", 26), ctr("TAHUN LULUS", 8), col("NOMOR IJAZAH", 16), col("GELAR", 10)}
		for _, r := range rs {
			p := r.Pendidikan
			add(p.Tingkat, p.Jurusan, p.NamaSekolah, itoaBlank(p.TahunLulus), p.NomorIjazah, p.Gelar)
		}
	case domain.RwPangkat:
		t.Columns = []Column{no, col("PANGKAT/GOLONGAN", 26), ctr("TMT", 11), col("NOMOR SK", 18), ctr("TANGGAL SK", 11), col("JENIS KENAIKAN PANGKAT", 16), ctr("MASA KERJA GOLONGAN", 11)}
		for _, r := range rs {
			p := r.Pangkat
			add(golonganOf(kind, p.Golongan), p.TMT.String(), p.NomorSK, p.TanggalSK.String(), p.JenisKP, mkg(p.MKGTahun, p.MKGBulan))
		}
	case domain.RwJabatan:
		t.Columns = []Column{no, col("JENIS JABATAN", 12), col("NAMA JABATAN", 24), ctr("ESELON", 7), col("UNIT KERJA", 20), ctr("TMT JABATAN", 11), col("NOMOR SK", 16), ctr("TANGGAL SK", 11)}
		for _, r := range rs {
			j := r.Jabatan
			nama := j.Nama
			if j.Jenjang != 0 && !strings.Contains(strings.ToLower(nama), strings.ToLower(j.Jenjang.String())) {
				nama = joinNonEmpty(" ", nama, j.Jenjang.String())
			}
			add(j.Jenis.String(), nama, j.Eselon, o.unit(j.UnitID), j.TMT.String(), j.NomorSK, j.TanggalSK.String())
		}
	case domain.RwDiklat:
		t.Columns = []Column{no, col("JENIS", 14), col("NAMA DIKLAT/KURSUS", 26), col("PENYELENGGARA", 18), ctr("TANGGAL", 14), ctr("JP", 5), col("NOMOR SERTIFIKAT", 16)}
		for _, r := range rs {
			x := r.Diklat
			add(x.Jenis, x.Nama, x.Penyelenggara, shortRange(x.Mulai, x.Selesai), itoaBlank(x.JamPelajaran), x.NomorSertifikat)
		}
	case domain.RwPenghargaan:
		t.Columns = []Column{no, col("JENIS PENGHARGAAN", 40), ctr("TAHUN", 8), col("NOMOR SK", 24), ctr("TANGGAL SK", 12)}
		for _, r := range rs {
			x := r.Penghargaan
			add(x.Jenis, itoaBlank(x.Tahun), x.NomorSK, x.TanggalSK.String())
		}
	case domain.RwHukdis:
		t.Columns = []Column{no, col("TINGKAT", 8), col("JENIS HUKUMAN", 24), col("ALASAN", 20), col("NOMOR SK", 14), ctr("TANGGAL SK", 11), ctr("MASA BERLAKU", 16)}
		for _, r := range rs {
			x := r.Hukdis
			masa := ""
			if x.MasaBulan > 0 {
				masa = shortRange(x.Mulai, domain.HukdisEnd(*x)) + "\n(" + itoa(x.MasaBulan) + " bulan)"
			} else {
				masa = x.Mulai.String()
			}
			add(x.Tingkat, x.Jenis, x.Alasan, x.NomorSK, x.TanggalSK.String(), masa)
		}
	case domain.RwKeluarga:
		t.Columns = []Column{no, col("HUBUNGAN", 9), col("NAMA", 22), col("NIK", 16), ctr("TANGGAL LAHIR", 11), ctr("L/P", 5), col("KETERANGAN", 20), col("PEKERJAAN", 14), ctr("TUNJANGAN", 9)}
		for _, r := range rs {
			x := r.Keluarga
			ket := x.StatusAnak
			if !x.TanggalNikah.IsZero() || x.AktaNikah != "" {
				ket = joinNonEmpty(", ", joinNonEmpty(" ", "Menikah", x.TanggalNikah.String()), x.AktaNikah)
			}
			add(x.Hubungan, x.Nama, x.NIK, x.TanggalLahir.String(), genderLP(x.JenisKelamin), ket, x.Pekerjaan, yaTidak(x.Tunjangan))
		}
	case domain.RwGaji:
		t.Columns = []Column{no, ctr("TMT", 11), Column{Title: "GAJI POKOK LAMA (Rp)", Width: 14, Align: Right}, Column{Title: "GAJI POKOK BARU (Rp)", Width: 14, Align: Right}, ctr("MASA KERJA GOLONGAN", 12), col("NOMOR SK", 18), ctr("TANGGAL SK", 11)}
		for _, r := range rs {
			x := r.Gaji
			add(x.TMT.String(), rupiah(x.GajiLama), rupiah(x.GajiBaru), mkg(x.MKGTahun, x.MKGBulan), x.NomorSK, x.TanggalSK.String())
		}
	case domain.RwCuti:
		t.Columns = []Column{no, col("JENIS CUTI", 18), ctr("TANGGAL", 22), ctr("LAMA", 9), col("ALASAN", 22), col("ALAMAT SELAMA CUTI", 22)}
		for _, r := range rs {
			x := r.Cuti
			lama := ""
			switch {
			case x.LamaHari > 0:
				lama = itoa(x.LamaHari) + " hari"
			case x.LamaBulan > 0:
				lama = itoa(x.LamaBulan) + " bulan"
			}
			add(cutiLabel(x.Jenis), shortRange(x.Mulai, x.Selesai), lama, x.Alasan, x.Alamat)
		}
	case domain.RwAngkaKredit:
		t.Columns = []Column{no, col("JENIS", 18), ctr("PERIODE", 26), Column{Title: "ANGKA KREDIT", Width: 12, Align: Right}, col("NOMOR PAK", 24)}
		for _, r := range rs {
			x := r.AngkaKredit
			add(x.Jenis, shortRange(x.PeriodeMulai, x.PeriodeSelesai), domain.FormatMilli(x.AKMilli), x.NomorPAK)
		}
	case domain.RwOrganisasi:
		t.Columns = []Column{no, col("NAMA ORGANISASI", 40), col("JABATAN", 24), ctr("TAHUN", 16)}
		for _, r := range rs {
			x := r.Organisasi
			until := "sekarang"
			if x.TahunSelesai != 0 {
				until = itoa(x.TahunSelesai)
			}
			add(x.Nama, x.Jabatan, itoaBlank(x.TahunMulai)+" – "+until)
		}
	case domain.RwMasaKerja:
		t.Columns = []Column{no, ctr("TMT", 11), ctr("TAMBAHAN MASA KERJA", 18), ctr("MASA KERJA GOLONGAN", 12), col("NOMOR SK", 22), ctr("TANGGAL SK", 11)}
		for _, r := range rs {
			x := r.MasaKerja
			add(x.TMT.String(), span(x.Tahun, x.Bulan), yaTidak(x.Golongan), x.NomorSK, x.TanggalSK.String())
		}
	}
	return t
}

func genderLP(g domain.Gender) string {
	switch g {
	case domain.Male:
		return "L"
	case domain.Female:
		return "P"
	}
	return ""
}

// DRH builds the daftar riwayat hidup: lengkap = I. KETERANGAN PERORANGAN
// and one table per riwayat kind with entries, signed by the employee
// (KindDRH); otherwise a one-page biodata singkat (KindDRHSingkat).
func DRH(e domain.Employee, rs []domain.Riwayat, lengkap bool, o Opts) Document {
	var own []domain.Riwayat
	for _, r := range rs {
		if (r.EmployeeID == 0 || r.EmployeeID == e.ID) && r.HasData() {
			own = append(own, r)
		}
	}
	if !lengkap {
		return Document{
			Printed: o.Today,
			Kind:    KindDRHSingkat,
			Title:   "BIODATA SINGKAT",
			Mark:    mark(o),
			File:    FileName("Biodata", fileNama(e.Nama), domain.Digits(e.NIP)),
			Blocks:  []Block{perorangan(e, own, o)},
		}
	}
	d := Document{
		Printed: o.Today,
		Kind:    KindDRH,
		Title:   "DAFTAR RIWAYAT HIDUP",
		Mark:    mark(o),
		File:    FileName("DRH", fileNama(e.Nama), domain.Digits(e.NIP)),
	}
	d.Blocks = []Block{&Heading{Text: "I. KETERANGAN PERORANGAN"}, perorangan(e, own, o)}
	// Oldest first (the screen lists the newest on top; a DRH reads as a
	// life story), entries without a date last.
	slices.SortStableFunc(own, func(a, b domain.Riwayat) int {
		da, db := a.Date(), b.Date()
		switch {
		case da.IsZero() != db.IsZero():
			if da.IsZero() {
				return 1
			}
			return -1
		case da != db:
			return da.Compare(db)
		}
		return cmp.Compare(a.ID, b.ID)
	})
	n := 1
	for _, k := range drhKinds {
		var of []domain.Riwayat
		for _, r := range own {
			if r.Kind == k {
				of = append(of, r)
			}
		}
		if len(of) == 0 {
			continue
		}
		n++
		title := strings.ToUpper(k.Label())
		switch {
		case k == domain.RwKeluarga:
			title = "KETERANGAN KELUARGA" // the DRH form's own heading
		case !strings.HasPrefix(title, "RIWAYAT"):
			title = "RIWAYAT " + title
		}
		d.Blocks = append(d.Blocks, &Heading{Text: roman(n) + ". " + title}, riwayatTable(k, e.Kind, of, o))
	}
	d.Blocks = append(d.Blocks,
		&Para{Text: "Demikian daftar riwayat hidup ini saya buat dengan sesungguhnya untuk dapat dipergunakan sebagaimana mestinya."},
		&Signatures{Place: o.Place, Date: o.Today, Boxes: []SignBox{{Role: "Yang membuat,", Name: e.FullName(), NIP: e.NIP}}},
	)
	return d
}

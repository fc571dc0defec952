package tui

import (
	"strconv"
	"strings"

	"asndesk/domain"
)

// rwField describes one input of a riwayat form: how to show the entry's
// value and how to write the typed text back. One table per kind keeps the
// twelve forms in one generic screen.
type rwField struct {
	key, label string
	options    []string // a choice field when set
	hint       string
	get        func(r *domain.Riwayat) string
	set        func(r *domain.Riwayat, v string) error
}

func dateStr(d domain.Date) string { return d.String() }

func parseInto(d *domain.Date) func(string) error {
	return func(v string) error {
		x, err := domain.ParseDate(v)
		if err != nil {
			return err
		}
		*d = x
		return nil
	}
}

func atoiField(p *int, what string) func(string) error {
	return func(v string) error {
		v = strings.TrimSpace(v)
		if v == "" {
			*p = 0
			return nil
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return domain.Errorf(domain.EINVALID, what+" harus berupa bilangan bulat.")
		}
		*p = n
		return nil
	}
}

func itoaBlank(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// rupiah reads "4.250.000" or "4250000".
func rupiah(p *int64) func(string) error {
	return func(v string) error {
		v = strings.NewReplacer(".", "", " ", "", "Rp", "", "rp", "").Replace(strings.TrimSpace(v))
		if v == "" {
			*p = 0
			return nil
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			return domain.Errorf(domain.EINVALID, "Jumlah rupiah hanya angka, misalnya 4.250.000.")
		}
		*p = n
		return nil
	}
}

func rupiahStr(n int64) string {
	if n == 0 {
		return ""
	}
	s := strconv.FormatInt(n, 10)
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, '.')
		}
		out = append(out, s[i])
	}
	return string(out)
}

func akParse(p *int64) func(string) error {
	return func(v string) error {
		v = strings.TrimSpace(strings.Replace(v, ",", ".", 1))
		if v == "" {
			*p = 0
			return nil
		}
		whole, frac, _ := strings.Cut(v, ".")
		if len(frac) > 3 {
			return domain.Errorf(domain.EINVALID, "Angka kredit paling banyak tiga angka di belakang koma.")
		}
		w, err := strconv.ParseInt(whole, 10, 64)
		if err != nil || w < 0 {
			return domain.Errorf(domain.EINVALID, "Angka kredit harus berupa angka, misalnya 18,75.")
		}
		f := int64(0)
		if frac != "" {
			f, err = strconv.ParseInt((frac + "000")[:3], 10, 64)
			if err != nil {
				return domain.Errorf(domain.EINVALID, "Angka kredit harus berupa angka, misalnya 18,75.")
			}
		}
		*p = w*1000 + f
		return nil
	}
}

func text(p *string) func(string) error {
	return func(v string) error { *p = strings.TrimSpace(v); return nil }
}

// ensure allocates the kind's data so the getters and setters have a target.
func ensure(r *domain.Riwayat) {
	switch r.Kind {
	case domain.RwPangkat:
		if r.Pangkat == nil {
			r.Pangkat = &domain.RwPangkatData{}
		}
	case domain.RwJabatan:
		if r.Jabatan == nil {
			r.Jabatan = &domain.RwJabatanData{}
		}
	case domain.RwPendidikan:
		if r.Pendidikan == nil {
			r.Pendidikan = &domain.RwPendidikanData{}
		}
	case domain.RwDiklat:
		if r.Diklat == nil {
			r.Diklat = &domain.RwDiklatData{}
		}
	case domain.RwPenghargaan:
		if r.Penghargaan == nil {
			r.Penghargaan = &domain.RwPenghargaanData{}
		}
	case domain.RwHukdis:
		if r.Hukdis == nil {
			r.Hukdis = &domain.RwHukdisData{}
		}
	case domain.RwKeluarga:
		if r.Keluarga == nil {
			r.Keluarga = &domain.RwKeluargaData{}
		}
	case domain.RwGaji:
		if r.Gaji == nil {
			r.Gaji = &domain.RwGajiData{}
		}
	case domain.RwCuti:
		if r.Cuti == nil {
			r.Cuti = &domain.RwCutiData{}
		}
	case domain.RwAngkaKredit:
		if r.AngkaKredit == nil {
			r.AngkaKredit = &domain.RwAngkaKreditData{}
		}
	case domain.RwOrganisasi:
		if r.Organisasi == nil {
			r.Organisasi = &domain.RwOrganisasiData{}
		}
	case domain.RwMasaKerja:
		if r.MasaKerja == nil {
			r.MasaKerja = &domain.RwMasaKerjaData{}
		}
	}
}

func golonganCodes(k domain.Kind) []string {
	var out []string
	for _, g := range domain.GolonganFor(k) {
		out = append(out, g.Code)
	}
	return out
}

// riwayatFields is the form of one kind. Dates use DD-MM-YYYY.
func riwayatFields(kind domain.RiwayatKind, emp domain.Employee, units []domain.Unit) []rwField {
	dateF := func(key, label string, p func(r *domain.Riwayat) *domain.Date) rwField {
		return rwField{key: key, label: label, hint: "HH-BB-TTTT",
			get: func(r *domain.Riwayat) string { return dateStr(*p(r)) },
			set: func(r *domain.Riwayat, v string) error { return parseInto(p(r))(v) }}
	}
	textF := func(key, label string, p func(r *domain.Riwayat) *string) rwField {
		return rwField{key: key, label: label,
			get: func(r *domain.Riwayat) string { return *p(r) },
			set: func(r *domain.Riwayat, v string) error { return text(p(r))(v) }}
	}
	intF := func(key, label string, p func(r *domain.Riwayat) *int) rwField {
		return rwField{key: key, label: label,
			get: func(r *domain.Riwayat) string { return itoaBlank(*p(r)) },
			set: func(r *domain.Riwayat, v string) error { return atoiField(p(r), label)(v) }}
	}
	choiceF := func(key, label string, opts []string, p func(r *domain.Riwayat) *string) rwField {
		f := textF(key, label, p)
		f.options = opts
		return f
	}
	switch kind {
	case domain.RwPangkat:
		pk := func(r *domain.Riwayat) *domain.RwPangkatData { return r.Pangkat }
		return []rwField{
			choiceF("golongan", "Golongan *", golonganCodes(emp.Kind), func(r *domain.Riwayat) *string { return &pk(r).Golongan }),
			dateF("tmt", "TMT golongan *", func(r *domain.Riwayat) *domain.Date { return &pk(r).TMT }),
			textF("sk", "Nomor SK", func(r *domain.Riwayat) *string { return &pk(r).NomorSK }),
			dateF("tgl_sk", "Tanggal SK", func(r *domain.Riwayat) *domain.Date { return &pk(r).TanggalSK }),
			choiceF("jenis", "Jenis kenaikan pangkat", []string{"Reguler", "Pilihan", "Penyesuaian Ijazah", "Pengangkatan CPNS/PNS", "Anumerta", "Pengabdian", "Lainnya"},
				func(r *domain.Riwayat) *string { return &pk(r).JenisKP }),
			intF("mkg_t", "Masa kerja gol. (tahun)", func(r *domain.Riwayat) *int { return &pk(r).MKGTahun }),
			intF("mkg_b", "Masa kerja gol. (bulan)", func(r *domain.Riwayat) *int { return &pk(r).MKGBulan }),
		}
	case domain.RwJabatan:
		jb := func(r *domain.Riwayat) *domain.RwJabatanData { return r.Jabatan }
		unitNames := make([]string, len(units))
		for i, u := range units {
			unitNames[i] = u.Name
		}
		return []rwField{
			{key: "jenis", label: "Jenis jabatan *", options: labels(domain.JabatanKinds()),
				get: func(r *domain.Riwayat) string { return jb(r).Jenis.String() },
				set: func(r *domain.Riwayat, v string) error {
					jb(r).Jenis = 0
					for _, k := range domain.JabatanKinds() {
						if k.String() == v {
							jb(r).Jenis = k
						}
					}
					return nil
				}},
			{key: "jenjang", label: "Jenjang (fungsional)", options: labels(domain.Jenjangs()),
				get: func(r *domain.Riwayat) string { return jb(r).Jenjang.String() },
				set: func(r *domain.Riwayat, v string) error {
					jb(r).Jenjang = 0
					for _, k := range domain.Jenjangs() {
						if k.String() == v {
							jb(r).Jenjang = k
						}
					}
					return nil
				}},
			textF("nama", "Nama jabatan *", func(r *domain.Riwayat) *string { return &jb(r).Nama }),
			{key: "unit", label: "Unit kerja", options: unitNames,
				get: func(r *domain.Riwayat) string {
					for _, u := range units {
						if u.ID == jb(r).UnitID {
							return u.Name
						}
					}
					return ""
				},
				set: func(r *domain.Riwayat, v string) error {
					jb(r).UnitID = 0
					for _, u := range units {
						if u.Name == v {
							jb(r).UnitID = u.ID
						}
					}
					return nil
				}},
			dateF("tmt", "TMT jabatan *", func(r *domain.Riwayat) *domain.Date { return &jb(r).TMT }),
			textF("sk", "Nomor SK", func(r *domain.Riwayat) *string { return &jb(r).NomorSK }),
			dateF("tgl_sk", "Tanggal SK", func(r *domain.Riwayat) *domain.Date { return &jb(r).TanggalSK }),
			textF("eselon", "Eselon", func(r *domain.Riwayat) *string { return &jb(r).Eselon }),
		}
	case domain.RwPendidikan:
		pd := func(r *domain.Riwayat) *domain.RwPendidikanData { return r.Pendidikan }
		return []rwField{
			choiceF("tingkat", "Tingkat *", domain.EducationLevels(), func(r *domain.Riwayat) *string { return &pd(r).Tingkat }),
			textF("jurusan", "Jurusan", func(r *domain.Riwayat) *string { return &pd(r).Jurusan }),
			textF("sekolah", "Nama sekolah/PT *", func(r *domain.Riwayat) *string { return &pd(r).NamaSekolah }),
			intF("lulus", "Tahun lulus *", func(r *domain.Riwayat) *int { return &pd(r).TahunLulus }),
			textF("ijazah", "Nomor ijazah", func(r *domain.Riwayat) *string { return &pd(r).NomorIjazah }),
			textF("gelar", "Gelar", func(r *domain.Riwayat) *string { return &pd(r).Gelar }),
		}
	case domain.RwDiklat:
		dk := func(r *domain.Riwayat) *domain.RwDiklatData { return r.Diklat }
		return []rwField{
			choiceF("jenis", "Jenis *", []string{"Struktural/Kepemimpinan", "Fungsional", "Teknis", "Kursus"}, func(r *domain.Riwayat) *string { return &dk(r).Jenis }),
			textF("nama", "Nama diklat/kursus *", func(r *domain.Riwayat) *string { return &dk(r).Nama }),
			textF("penyelenggara", "Penyelenggara", func(r *domain.Riwayat) *string { return &dk(r).Penyelenggara }),
			dateF("mulai", "Tanggal mulai *", func(r *domain.Riwayat) *domain.Date { return &dk(r).Mulai }),
			dateF("selesai", "Tanggal selesai", func(r *domain.Riwayat) *domain.Date { return &dk(r).Selesai }),
			intF("jp", "Jam pelajaran", func(r *domain.Riwayat) *int { return &dk(r).JamPelajaran }),
			textF("sertifikat", "Nomor sertifikat", func(r *domain.Riwayat) *string { return &dk(r).NomorSertifikat }),
		}
	case domain.RwPenghargaan:
		ph := func(r *domain.Riwayat) *domain.RwPenghargaanData { return r.Penghargaan }
		return []rwField{
			textF("jenis", "Jenis penghargaan *", func(r *domain.Riwayat) *string { return &ph(r).Jenis }),
			intF("tahun", "Tahun *", func(r *domain.Riwayat) *int { return &ph(r).Tahun }),
			textF("sk", "Nomor SK", func(r *domain.Riwayat) *string { return &ph(r).NomorSK }),
			dateF("tgl_sk", "Tanggal SK", func(r *domain.Riwayat) *domain.Date { return &ph(r).TanggalSK }),
		}
	case domain.RwHukdis:
		hk := func(r *domain.Riwayat) *domain.RwHukdisData { return r.Hukdis }
		var jenis []string
		for _, t := range []string{"Ringan", "Sedang", "Berat"} {
			jenis = append(jenis, hukdisJenis(t)...)
		}
		return []rwField{
			{key: "jenis", label: "Jenis hukuman *", options: jenis,
				get: func(r *domain.Riwayat) string { return hk(r).Jenis },
				set: func(r *domain.Riwayat, v string) error {
					hk(r).Jenis = v
					hk(r).Tingkat = ""
					for _, t := range []string{"Ringan", "Sedang", "Berat"} {
						for _, j := range hukdisJenis(t) {
							if j == v {
								hk(r).Tingkat = t
							}
						}
					}
					return nil
				}},
			textF("alasan", "Alasan", func(r *domain.Riwayat) *string { return &hk(r).Alasan }),
			textF("sk", "Nomor SK", func(r *domain.Riwayat) *string { return &hk(r).NomorSK }),
			dateF("tgl_sk", "Tanggal SK", func(r *domain.Riwayat) *domain.Date { return &hk(r).TanggalSK }),
			dateF("mulai", "Tanggal mulai *", func(r *domain.Riwayat) *domain.Date { return &hk(r).Mulai }),
			intF("masa", "Masa hukuman (bulan)", func(r *domain.Riwayat) *int { return &hk(r).MasaBulan }),
		}
	case domain.RwKeluarga:
		kl := func(r *domain.Riwayat) *domain.RwKeluargaData { return r.Keluarga }
		return []rwField{
			choiceF("hubungan", "Hubungan *", []string{"Suami", "Istri", "Anak", "Ayah", "Ibu"}, func(r *domain.Riwayat) *string { return &kl(r).Hubungan }),
			textF("nama", "Nama *", func(r *domain.Riwayat) *string { return &kl(r).Nama }),
			textF("nik", "NIK", func(r *domain.Riwayat) *string { return &kl(r).NIK }),
			dateF("lahir", "Tanggal lahir", func(r *domain.Riwayat) *domain.Date { return &kl(r).TanggalLahir }),
			{key: "jk", label: "Jenis kelamin", options: []string{"Laki-laki", "Perempuan"},
				get: func(r *domain.Riwayat) string { return kl(r).JenisKelamin.String() },
				set: func(r *domain.Riwayat, v string) error {
					kl(r).JenisKelamin = 0
					if v == "Laki-laki" {
						kl(r).JenisKelamin = domain.Male
					} else if v == "Perempuan" {
						kl(r).JenisKelamin = domain.Female
					}
					return nil
				}},
			choiceF("status_anak", "Status anak", []string{"Kandung", "Tiri", "Angkat"}, func(r *domain.Riwayat) *string { return &kl(r).StatusAnak }),
			dateF("nikah", "Tanggal nikah", func(r *domain.Riwayat) *domain.Date { return &kl(r).TanggalNikah }),
			textF("akta", "Nomor akta nikah", func(r *domain.Riwayat) *string { return &kl(r).AktaNikah }),
			textF("pekerjaan", "Pekerjaan", func(r *domain.Riwayat) *string { return &kl(r).Pekerjaan }),
			{key: "tunjangan", label: "Dapat tunjangan", options: yesNo,
				get: func(r *domain.Riwayat) string { return yesNo[b2i(kl(r).Tunjangan)] },
				set: func(r *domain.Riwayat, v string) error { kl(r).Tunjangan = v == "Ya"; return nil }},
		}
	case domain.RwGaji:
		gj := func(r *domain.Riwayat) *domain.RwGajiData { return r.Gaji }
		return []rwField{
			dateF("tmt", "TMT *", func(r *domain.Riwayat) *domain.Date { return &gj(r).TMT }),
			{key: "lama", label: "Gaji pokok lama (Rp)", get: func(r *domain.Riwayat) string { return rupiahStr(gj(r).GajiLama) },
				set: func(r *domain.Riwayat, v string) error { return rupiah(&gj(r).GajiLama)(v) }},
			{key: "baru", label: "Gaji pokok baru (Rp)", get: func(r *domain.Riwayat) string { return rupiahStr(gj(r).GajiBaru) },
				set: func(r *domain.Riwayat, v string) error { return rupiah(&gj(r).GajiBaru)(v) }},
			textF("sk", "Nomor SK", func(r *domain.Riwayat) *string { return &gj(r).NomorSK }),
			dateF("tgl_sk", "Tanggal SK", func(r *domain.Riwayat) *domain.Date { return &gj(r).TanggalSK }),
			intF("mkg_t", "Masa kerja gol. (tahun)", func(r *domain.Riwayat) *int { return &gj(r).MKGTahun }),
			intF("mkg_b", "Masa kerja gol. (bulan)", func(r *domain.Riwayat) *int { return &gj(r).MKGBulan }),
		}
	case domain.RwCuti:
		ct := func(r *domain.Riwayat) *domain.RwCutiData { return r.Cuti }
		return []rwField{
			choiceF("jenis", "Jenis cuti *", []string{"CT", "CB", "CS", "CM", "CKAP", "CLTN"}, func(r *domain.Riwayat) *string { return &ct(r).Jenis }),
			dateF("mulai", "Tanggal mulai *", func(r *domain.Riwayat) *domain.Date { return &ct(r).Mulai }),
			dateF("selesai", "Tanggal selesai *", func(r *domain.Riwayat) *domain.Date { return &ct(r).Selesai }),
			intF("hari", "Lama (hari kerja)", func(r *domain.Riwayat) *int { return &ct(r).LamaHari }),
			intF("bulan", "Lama (bulan)", func(r *domain.Riwayat) *int { return &ct(r).LamaBulan }),
			textF("alasan", "Alasan", func(r *domain.Riwayat) *string { return &ct(r).Alasan }),
			textF("alamat", "Alamat selama cuti", func(r *domain.Riwayat) *string { return &ct(r).Alamat }),
		}
	case domain.RwAngkaKredit:
		ak := func(r *domain.Riwayat) *domain.RwAngkaKreditData { return r.AngkaKredit }
		return []rwField{
			choiceF("jenis", "Jenis PAK", []string{"Pertama", "Integrasi", "Konversi", "Kumulatif"}, func(r *domain.Riwayat) *string { return &ak(r).Jenis }),
			dateF("mulai", "Periode mulai *", func(r *domain.Riwayat) *domain.Date { return &ak(r).PeriodeMulai }),
			dateF("selesai", "Periode selesai *", func(r *domain.Riwayat) *domain.Date { return &ak(r).PeriodeSelesai }),
			{key: "ak", label: "Angka kredit *", hint: "Contoh: 18,75", get: func(r *domain.Riwayat) string { return domain.FormatMilli(ak(r).AKMilli) },
				set: func(r *domain.Riwayat, v string) error { return akParse(&ak(r).AKMilli)(v) }},
			textF("pak", "Nomor PAK", func(r *domain.Riwayat) *string { return &ak(r).NomorPAK }),
		}
	case domain.RwOrganisasi:
		og := func(r *domain.Riwayat) *domain.RwOrganisasiData { return r.Organisasi }
		return []rwField{
			textF("nama", "Nama organisasi *", func(r *domain.Riwayat) *string { return &og(r).Nama }),
			textF("jabatan", "Jabatan di organisasi", func(r *domain.Riwayat) *string { return &og(r).Jabatan }),
			intF("mulai", "Tahun mulai *", func(r *domain.Riwayat) *int { return &og(r).TahunMulai }),
			intF("selesai", "Tahun selesai", func(r *domain.Riwayat) *int { return &og(r).TahunSelesai }),
		}
	case domain.RwMasaKerja:
		mk := func(r *domain.Riwayat) *domain.RwMasaKerjaData { return r.MasaKerja }
		return []rwField{
			dateF("tmt", "TMT *", func(r *domain.Riwayat) *domain.Date { return &mk(r).TMT }),
			intF("tahun", "Tambahan (tahun)", func(r *domain.Riwayat) *int { return &mk(r).Tahun }),
			intF("bulan", "Tambahan (bulan)", func(r *domain.Riwayat) *int { return &mk(r).Bulan }),
			textF("sk", "Nomor SK", func(r *domain.Riwayat) *string { return &mk(r).NomorSK }),
			dateF("tgl_sk", "Tanggal SK", func(r *domain.Riwayat) *domain.Date { return &mk(r).TanggalSK }),
			{key: "gol", label: "Juga masa kerja golongan", options: yesNo,
				get: func(r *domain.Riwayat) string { return yesNo[b2i(mk(r).Golongan)] },
				set: func(r *domain.Riwayat, v string) error { mk(r).Golongan = v == "Ya"; return nil }},
		}
	}
	return nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// hukdisJenis lists PP 94/2021's sanctions of one tingkat, exactly.
func hukdisJenis(tingkat string) []string {
	switch tingkat {
	case "Ringan":
		return []string{"Teguran lisan", "Teguran tertulis", "Pernyataan tidak puas secara tertulis"}
	case "Sedang":
		return []string{"Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan",
			"Pemotongan tunjangan kinerja sebesar 25% selama 9 bulan",
			"Pemotongan tunjangan kinerja sebesar 25% selama 12 bulan"}
	case "Berat":
		return []string{"Penurunan jabatan setingkat lebih rendah selama 12 bulan",
			"Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan",
			"Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS"}
	}
	return nil
}

// riwayatSummary is the one-line description of an entry in the list.
func riwayatSummary(r domain.Riwayat) string {
	switch {
	case r.Pangkat != nil:
		p := r.Pangkat
		return joinNonEmpty(" · ", domain.GolonganLabel(domain.KindPNS, p.Golongan), p.JenisKP, skText(p.NomorSK))
	case r.Jabatan != nil:
		j := r.Jabatan
		return joinNonEmpty(" · ", j.Nama, j.Jenis.String(), j.Jenjang.String(), skText(j.NomorSK))
	case r.Pendidikan != nil:
		p := r.Pendidikan
		return joinNonEmpty(" · ", p.Tingkat, p.Jurusan, p.NamaSekolah, p.Gelar)
	case r.Diklat != nil:
		d := r.Diklat
		jp := ""
		if d.JamPelajaran > 0 {
			jp = itoa(d.JamPelajaran) + " JP"
		}
		return joinNonEmpty(" · ", d.Nama, d.Jenis, d.Penyelenggara, jp)
	case r.Penghargaan != nil:
		return joinNonEmpty(" · ", r.Penghargaan.Jenis, skText(r.Penghargaan.NomorSK))
	case r.Hukdis != nil:
		h := r.Hukdis
		masa := ""
		if h.MasaBulan > 0 {
			masa = itoa(h.MasaBulan) + " bulan"
		}
		return joinNonEmpty(" · ", h.Tingkat, h.Jenis, masa)
	case r.Keluarga != nil:
		k := r.Keluarga
		return joinNonEmpty(" · ", k.Hubungan, k.Nama, k.TanggalLahir.String(), k.StatusAnak)
	case r.Gaji != nil:
		g := r.Gaji
		return joinNonEmpty(" · ", "Rp "+rupiahStr(g.GajiLama)+" → Rp "+rupiahStr(g.GajiBaru), skText(g.NomorSK))
	case r.Cuti != nil:
		c := r.Cuti
		lama := ""
		if c.LamaHari > 0 {
			lama = itoa(c.LamaHari) + " hari kerja"
		} else if c.LamaBulan > 0 {
			lama = itoa(c.LamaBulan) + " bulan"
		}
		return joinNonEmpty(" · ", c.Jenis, c.Mulai.String()+" s.d. "+c.Selesai.String(), lama, c.Alasan)
	case r.AngkaKredit != nil:
		a := r.AngkaKredit
		return joinNonEmpty(" · ", "AK "+domain.FormatMilli(a.AKMilli), a.Jenis, a.PeriodeMulai.String()+" s.d. "+a.PeriodeSelesai.String(), a.NomorPAK)
	case r.Organisasi != nil:
		o := r.Organisasi
		period := itoa(o.TahunMulai) + "–"
		if o.TahunSelesai > 0 {
			period += itoa(o.TahunSelesai)
		}
		return joinNonEmpty(" · ", o.Nama, o.Jabatan, period)
	case r.MasaKerja != nil:
		m := r.MasaKerja
		return joinNonEmpty(" · ", "+"+itoa(m.Tahun)+" tahun "+itoa(m.Bulan)+" bulan", skText(m.NomorSK))
	}
	return ""
}

func skText(s string) string {
	if s == "" {
		return ""
	}
	return "SK " + s
}

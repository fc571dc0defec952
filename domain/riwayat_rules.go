package domain

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Form field keys of the riwayat forms (FieldErrors keys of ValidateRiwayat).
const (
	RwFieldKind            = "kind"
	RwFieldGolongan        = "golongan"
	RwFieldTMT             = "tmt"
	RwFieldNomorSK         = "nomor_sk"
	RwFieldTanggalSK       = "tanggal_sk"
	RwFieldJenisKP         = "jenis_kp"
	RwFieldMKGTahun        = "mkg_tahun"
	RwFieldMKGBulan        = "mkg_bulan"
	RwFieldJenis           = "jenis"
	RwFieldJenjang         = "jenjang"
	RwFieldNama            = "nama"
	RwFieldUnit            = "unit"
	RwFieldEselon          = "eselon"
	RwFieldTingkat         = "tingkat"
	RwFieldJurusan         = "jurusan"
	RwFieldNamaSekolah     = "nama_sekolah"
	RwFieldTahunLulus      = "tahun_lulus"
	RwFieldNomorIjazah     = "nomor_ijazah"
	RwFieldGelar           = "gelar"
	RwFieldPenyelenggara   = "penyelenggara"
	RwFieldMulai           = "mulai"
	RwFieldSelesai         = "selesai"
	RwFieldJamPelajaran    = "jam_pelajaran"
	RwFieldNomorSertifikat = "nomor_sertifikat"
	RwFieldTahun           = "tahun"
	RwFieldAlasan          = "alasan"
	RwFieldMasaBulan       = "masa_bulan"
	RwFieldHubungan        = "hubungan"
	RwFieldNIK             = "nik"
	RwFieldTanggalLahir    = "tanggal_lahir"
	RwFieldJenisKelamin    = "jenis_kelamin"
	RwFieldStatusAnak      = "status_anak"
	RwFieldTanggalNikah    = "tanggal_nikah"
	RwFieldAktaNikah       = "akta_nikah"
	RwFieldPekerjaan       = "pekerjaan"
	RwFieldGajiLama        = "gaji_lama"
	RwFieldGajiBaru        = "gaji_baru"
	RwFieldLamaHari        = "lama_hari"
	RwFieldLamaBulan       = "lama_bulan"
	RwFieldAlamat          = "alamat"
	RwFieldPeriodeMulai    = "periode_mulai"
	RwFieldPeriodeSelesai  = "periode_selesai"
	RwFieldAngkaKredit     = "angka_kredit"
	RwFieldNomorPAK        = "nomor_pak"
	RwFieldJabatan         = "jabatan"
	RwFieldTahunMulai      = "tahun_mulai"
	RwFieldTahunSelesai    = "tahun_selesai"
	RwFieldBulan           = "bulan"
)

// JenisKenaikanPangkat lists the jenis of a riwayat pangkat entry (PP
// 99/2000: reguler, pilihan, penyesuaian ijazah, tugas belajar,
// diperbantukan/dipekerjakan, anumerta, pengabdian), with the first
// appointment and the hukuman disiplin demotion. Other text is accepted
// with a warning.
func JenisKenaikanPangkat() []string {
	return []string{"Pengangkatan CPNS", "Reguler", "Pilihan", "Penyesuaian Ijazah", "Tugas Belajar",
		"Diperbantukan/Dipekerjakan", "Anumerta", "Pengabdian", "Penurunan Pangkat (Hukuman Disiplin)", "Lainnya"}
}

// DiklatJenis lists the jenis of diklat and kursus (§3.9).
func DiklatJenis() []string {
	return []string{DiklatStruktural, "Fungsional", "Teknis", "Kursus"}
}

// DiklatStruktural is the jenis of leadership training (PIM, PKN, PKA, PKP).
const DiklatStruktural = "Struktural/Kepemimpinan"

// KeluargaHubungan lists the relations of a keluarga entry.
func KeluargaHubungan() []string { return []string{"Suami", "Istri", "Anak", "Ayah", "Ibu"} }

// StatusAnakOptions lists the status of an anak.
func StatusAnakOptions() []string { return []string{"Kandung", "Tiri", "Angkat"} }

// AngkaKreditJenis lists the usual jenis of a PAK; others are accepted.
func AngkaKreditJenis() []string {
	return []string{"Pertama", "Integrasi", "Konversi", "Kumulatif", "Perpindahan Jabatan"}
}

// yearDate stands for a year in sorting: 1 Januari of it.
func yearDate(y int) Date {
	if y <= 0 {
		return Date{}
	}
	return Date{Year: y, Month: 1, Day: 1}
}

// Date is the date a riwayat entry sorts by: TMT (pangkat, jabatan, gaji,
// peninjauan masa kerja), Mulai (diklat, hukdis, cuti; tanggal SK for a
// hukdis without one), 1 Januari of the year (pendidikan: tahun lulus;
// organisasi: tahun mulai; penghargaan without tanggal SK), end of the
// period (angka kredit), tanggal lahir (keluarga; tanggal nikah for a
// pasangan). Zero when the entry has no such date.
func (r Riwayat) Date() Date {
	switch {
	case r.Pangkat != nil:
		return r.Pangkat.TMT
	case r.Jabatan != nil:
		return r.Jabatan.TMT
	case r.Pendidikan != nil:
		return yearDate(r.Pendidikan.TahunLulus)
	case r.Diklat != nil:
		if r.Diklat.Mulai.IsZero() {
			return r.Diklat.Selesai
		}
		return r.Diklat.Mulai
	case r.Penghargaan != nil:
		if !r.Penghargaan.TanggalSK.IsZero() {
			return r.Penghargaan.TanggalSK
		}
		return yearDate(r.Penghargaan.Tahun)
	case r.Hukdis != nil:
		if r.Hukdis.Mulai.IsZero() {
			return r.Hukdis.TanggalSK
		}
		return r.Hukdis.Mulai
	case r.Keluarga != nil:
		if k := r.Keluarga; (k.Hubungan == "Suami" || k.Hubungan == "Istri") && !k.TanggalNikah.IsZero() {
			return k.TanggalNikah
		}
		return r.Keluarga.TanggalLahir
	case r.Gaji != nil:
		return r.Gaji.TMT
	case r.Cuti != nil:
		return r.Cuti.Mulai
	case r.AngkaKredit != nil:
		if r.AngkaKredit.PeriodeSelesai.IsZero() {
			return r.AngkaKredit.PeriodeMulai
		}
		return r.AngkaKredit.PeriodeSelesai
	case r.Organisasi != nil:
		return yearDate(r.Organisasi.TahunMulai)
	case r.MasaKerja != nil:
		return r.MasaKerja.TMT
	}
	return Date{}
}

// SortRiwayat orders entries newest first by Date; entries of the same date
// keep the one typed later (higher ID) first; entries without a date last.
func SortRiwayat(rs []Riwayat) {
	slices.SortStableFunc(rs, func(a, b Riwayat) int {
		if c := b.Date().Compare(a.Date()); c != 0 {
			return c
		}
		return cmp.Compare(b.ID, a.ID)
	})
}

// LatestPangkat is the current pangkat: the entry with the latest TMT (the
// one typed last among equal TMTs).
func LatestPangkat(rs []Riwayat) (RwPangkatData, bool) {
	if l := scanLatest(rs); l.pangkat != nil {
		return *l.pangkat, true
	}
	return RwPangkatData{}, false
}

// LatestJabatan is the current jabatan: the entry with the latest TMT.
func LatestJabatan(rs []Riwayat) (RwJabatanData, bool) {
	if l := scanLatest(rs); l.jabatan != nil {
		return *l.jabatan, true
	}
	return RwJabatanData{}, false
}

// PendidikanLevel orders tingkat pendidikan: 1 for SD … 10 for S3, 0 when
// unknown.
func PendidikanLevel(tingkat string) int {
	for i, t := range EducationLevels() {
		if t == tingkat {
			return i + 1
		}
	}
	return 0
}

// LatestPendidikan is the pendidikan terakhir: the highest tingkat (the
// latest tahun lulus, then the one typed last, among equals).
func LatestPendidikan(rs []Riwayat) (RwPendidikanData, bool) {
	var best *RwPendidikanData
	var bestID uint64
	bestLevel := -1
	for i := range rs {
		p := rs[i].Pendidikan
		if p == nil || rs[i].Kind != RwPendidikan {
			continue
		}
		lv := PendidikanLevel(p.Tingkat)
		if best == nil || lv > bestLevel || (lv == bestLevel &&
			(p.TahunLulus > best.TahunLulus || (p.TahunLulus == best.TahunLulus && rs[i].ID > bestID))) {
			best, bestID, bestLevel = p, rs[i].ID, lv
		}
	}
	if best == nil {
		return RwPendidikanData{}, false
	}
	return *best, true
}

// ApplyRiwayat returns e with its current golongan, jabatan (jenis,
// jenjang, nama, unit) and pendidikan terakhir taken from the latest
// riwayat entries: one source of truth. Fields without an entry are kept.
func ApplyRiwayat(e Employee, rs []Riwayat) Employee {
	l := scanLatest(rs)
	if l.pangkat != nil && l.pangkat.Golongan != "" {
		e.Golongan = l.pangkat.Golongan
	}
	if j := l.jabatan; j != nil {
		e.JenisJabatan, e.Jenjang, e.NamaJabatan = j.Jenis, j.Jenjang, j.Nama
		if j.Jenis != Fungsional {
			e.Jenjang = 0
		}
		if j.UnitID != 0 {
			e.UnitID = j.UnitID
		}
	}
	if p, ok := LatestPendidikan(rs); ok && p.Tingkat != "" {
		e.Pendidikan = p.Tingkat
	}
	return e
}

// ---- validation ----

func validDate(d Date) bool {
	if d.IsZero() {
		return true
	}
	_, ok := NewDate(d.Year, d.Month, d.Day)
	return ok
}

type rwCheck struct{ fe FieldErrors }

func (c *rwCheck) set(f, msg string) {
	if _, ok := c.fe[f]; !ok {
		c.fe[f] = msg
	}
}

func (c *rwCheck) date(f string, d Date, required bool, what string) {
	switch {
	case d.IsZero() && required:
		c.set(f, what+" wajib diisi.")
	case !validDate(d):
		c.set(f, what+" tidak ada di kalender.")
	}
}

func (c *rwCheck) text(f, v string, required bool, what string, limit int) {
	v = strings.TrimSpace(v)
	switch {
	case v == "" && required:
		c.set(f, what+" wajib diisi.")
	case utf8.RuneCountInString(v) > limit:
		c.set(f, what+" terlalu panjang (paling banyak "+itoa(limit)+" huruf).")
	}
}

func (c *rwCheck) year(f string, y int, required bool, what string) {
	switch {
	case y == 0 && required:
		c.set(f, what+" wajib diisi.")
	case y != 0 && (y < 1900 || y > 9999):
		c.set(f, what+" harus tahun empat angka, misalnya 2015.")
	}
}

func (c *rwCheck) rng(f string, v, lo, hi int, what string) {
	if v < lo || v > hi {
		c.set(f, what+" harus antara "+itoa(lo)+" dan "+itoa(hi)+".")
	}
}

func (c *rwCheck) order(f string, from, to Date, what string) {
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		c.set(f, what)
	}
}

func payloads(r Riwayat) (n int, kind RiwayatKind) {
	for _, p := range []struct {
		set bool
		k   RiwayatKind
	}{{r.Pangkat != nil, RwPangkat}, {r.Jabatan != nil, RwJabatan}, {r.Pendidikan != nil, RwPendidikan},
		{r.Diklat != nil, RwDiklat}, {r.Penghargaan != nil, RwPenghargaan}, {r.Hukdis != nil, RwHukdis},
		{r.Keluarga != nil, RwKeluarga}, {r.Gaji != nil, RwGaji}, {r.Cuti != nil, RwCuti},
		{r.AngkaKredit != nil, RwAngkaKredit}, {r.Organisasi != nil, RwOrganisasi}, {r.MasaKerja != nil, RwMasaKerja}} {
		if p.set {
			n++
			kind = p.k
		}
	}
	return n, kind
}

// ValidateRiwayat returns the hard errors of a riwayat entry of employee e,
// against the default tables: required fields per kind, golongan from the
// employee's table, dates that exist, Selesai not before Mulai, MasaBulan
// 0–60, hukdis tingkat/jenis from PP 94/2021, known jenis cuti. Merely
// implausible input is a warning (RiwayatWarnings).
func ValidateRiwayat(r Riwayat, e Employee) FieldErrors {
	return ValidateRiwayatWith(r, e, DefaultCareerSettings())
}

// ValidateRiwayatWith is ValidateRiwayat against the tables of s (an edited
// hukuman disiplin or cuti table).
func ValidateRiwayatWith(r Riwayat, e Employee, s CareerSettings) FieldErrors {
	c := rwCheck{fe: FieldErrors{}}
	n, kind := payloads(r)
	switch {
	case n == 0:
		c.set(RwFieldKind, "Isi riwayat kosong.")
	case n > 1 || kind != r.Kind:
		c.set(RwFieldKind, "Isi riwayat tidak sesuai dengan jenis riwayat "+r.Kind.Label()+".")
	}
	if len(c.fe) > 0 {
		return c.fe
	}
	switch r.Kind {
	case RwPangkat:
		p := r.Pangkat
		switch {
		case strings.TrimSpace(p.Golongan) == "":
			c.set(RwFieldGolongan, "Golongan wajib diisi.")
		default:
			if _, ok := LookupGolongan(e.Kind, p.Golongan); !ok {
				if e.Kind.IsPPPK() {
					c.set(RwFieldGolongan, "Golongan PPPK harus salah satu dari I sampai XVII.")
				} else {
					c.set(RwFieldGolongan, "Golongan ruang harus salah satu dari I/a sampai IV/e.")
				}
			}
		}
		c.date(RwFieldTMT, p.TMT, true, "TMT golongan")
		c.date(RwFieldTanggalSK, p.TanggalSK, false, "Tanggal SK")
		c.text(RwFieldNomorSK, p.NomorSK, false, "Nomor SK", MaxNameLen)
		c.text(RwFieldJenisKP, p.JenisKP, false, "Jenis kenaikan pangkat", MaxNameLen)
		c.rng(RwFieldMKGTahun, p.MKGTahun, 0, 50, "Masa kerja golongan (tahun)")
		c.rng(RwFieldMKGBulan, p.MKGBulan, 0, 11, "Masa kerja golongan (bulan)")
	case RwJabatan:
		j := r.Jabatan
		if j.Jenis < JPTUtama || j.Jenis > Pelaksana {
			c.set(RwFieldJenis, "Pilih jenis jabatan.")
		}
		switch {
		case j.Jenjang != 0 && j.Jenis != Fungsional:
			c.set(RwFieldJenjang, "Jenjang hanya diisi untuk jabatan fungsional.")
		case j.Jenjang != 0 && (j.Jenjang < AhliPertama || j.Jenjang > Penyelia):
			c.set(RwFieldJenjang, "Pilih jenjang jabatan fungsional.")
		}
		c.text(RwFieldNama, j.Nama, true, "Nama jabatan", MaxNameLen)
		c.date(RwFieldTMT, j.TMT, true, "TMT jabatan")
		c.date(RwFieldTanggalSK, j.TanggalSK, false, "Tanggal SK")
		c.text(RwFieldNomorSK, j.NomorSK, false, "Nomor SK", MaxNameLen)
		c.text(RwFieldEselon, j.Eselon, false, "Eselon", 10)
	case RwPendidikan:
		p := r.Pendidikan
		if PendidikanLevel(p.Tingkat) == 0 {
			c.set(RwFieldTingkat, "Pilih tingkat pendidikan ("+strings.Join(EducationLevels(), ", ")+").")
		}
		c.year(RwFieldTahunLulus, p.TahunLulus, true, "Tahun lulus")
		c.text(RwFieldJurusan, p.Jurusan, false, "Jurusan", MaxNameLen)
		c.text(RwFieldNamaSekolah, p.NamaSekolah, false, "Nama sekolah/perguruan tinggi", MaxNameLen)
		c.text(RwFieldNomorIjazah, p.NomorIjazah, false, "Nomor ijazah", MaxNameLen)
		c.text(RwFieldGelar, p.Gelar, false, "Gelar", MaxNameLen)
	case RwDiklat:
		d := r.Diklat
		if !contains(DiklatJenis(), d.Jenis) {
			c.set(RwFieldJenis, "Pilih jenis diklat ("+strings.Join(DiklatJenis(), ", ")+").")
		}
		c.text(RwFieldNama, d.Nama, true, "Nama diklat", MaxNameLen)
		c.text(RwFieldPenyelenggara, d.Penyelenggara, false, "Penyelenggara", MaxNameLen)
		c.text(RwFieldNomorSertifikat, d.NomorSertifikat, false, "Nomor sertifikat", MaxNameLen)
		c.date(RwFieldMulai, d.Mulai, true, "Tanggal mulai")
		c.date(RwFieldSelesai, d.Selesai, false, "Tanggal selesai")
		c.order(RwFieldSelesai, d.Mulai, d.Selesai, "Tanggal selesai tidak boleh sebelum tanggal mulai.")
		c.rng(RwFieldJamPelajaran, d.JamPelajaran, 0, 10000, "Jam pelajaran")
	case RwPenghargaan:
		p := r.Penghargaan
		c.text(RwFieldJenis, p.Jenis, true, "Jenis penghargaan", MaxNameLen)
		c.year(RwFieldTahun, p.Tahun, true, "Tahun")
		c.text(RwFieldNomorSK, p.NomorSK, false, "Nomor SK", MaxNameLen)
		c.date(RwFieldTanggalSK, p.TanggalSK, false, "Tanggal SK")
	case RwHukdis:
		h := r.Hukdis
		t := s.hukdis()
		switch {
		case !contains(t.Tingkat, h.Tingkat):
			c.set(RwFieldTingkat, "Pilih tingkat hukuman ("+strings.Join(t.Tingkat, ", ")+").")
		default:
			if _, ok := t.Lookup(h.Tingkat, h.Jenis); !ok {
				c.set(RwFieldJenis, "Pilih jenis hukuman tingkat "+strings.ToLower(h.Tingkat)+" sesuai PP 94/2021.")
			}
		}
		c.date(RwFieldMulai, h.Mulai, true, "Tanggal mulai hukuman")
		c.date(RwFieldTanggalSK, h.TanggalSK, false, "Tanggal SK")
		c.text(RwFieldNomorSK, h.NomorSK, false, "Nomor SK", MaxNameLen)
		c.text(RwFieldAlasan, h.Alasan, false, "Alasan", MaxTextLen)
		c.rng(RwFieldMasaBulan, h.MasaBulan, 0, 60, "Masa hukuman (bulan)")
	case RwKeluarga:
		k := r.Keluarga
		if !contains(KeluargaHubungan(), k.Hubungan) {
			c.set(RwFieldHubungan, "Pilih hubungan keluarga ("+strings.Join(KeluargaHubungan(), ", ")+").")
		}
		c.text(RwFieldNama, k.Nama, true, "Nama", MaxNameLen)
		if k.NIK != "" {
			if _, err := ParseNIK(k.NIK); err != nil {
				c.set(RwFieldNIK, ErrorMessage(err))
			}
		}
		if k.JenisKelamin != 0 && k.JenisKelamin != Male && k.JenisKelamin != Female {
			c.set(RwFieldJenisKelamin, "Pilih jenis kelamin.")
		}
		c.date(RwFieldTanggalLahir, k.TanggalLahir, false, "Tanggal lahir")
		c.date(RwFieldTanggalNikah, k.TanggalNikah, false, "Tanggal nikah")
		pasangan := k.Hubungan == "Suami" || k.Hubungan == "Istri"
		switch {
		case k.StatusAnak != "" && k.Hubungan != "Anak":
			c.set(RwFieldStatusAnak, "Status anak hanya diisi untuk anak.")
		case k.StatusAnak != "" && !contains(StatusAnakOptions(), k.StatusAnak):
			c.set(RwFieldStatusAnak, "Pilih status anak ("+strings.Join(StatusAnakOptions(), ", ")+").")
		}
		if !pasangan && (!k.TanggalNikah.IsZero() || k.AktaNikah != "") {
			c.set(RwFieldTanggalNikah, "Tanggal dan akta nikah hanya diisi untuk suami/istri.")
		}
		c.text(RwFieldAktaNikah, k.AktaNikah, false, "Akta nikah", MaxNameLen)
		c.text(RwFieldPekerjaan, k.Pekerjaan, false, "Pekerjaan", MaxNameLen)
	case RwGaji:
		g := r.Gaji
		c.date(RwFieldTMT, g.TMT, true, "TMT gaji")
		c.date(RwFieldTanggalSK, g.TanggalSK, false, "Tanggal SK")
		c.text(RwFieldNomorSK, g.NomorSK, false, "Nomor SK", MaxNameLen)
		if g.GajiLama < 0 {
			c.set(RwFieldGajiLama, "Gaji pokok tidak boleh negatif.")
		}
		if g.GajiBaru < 0 {
			c.set(RwFieldGajiBaru, "Gaji pokok tidak boleh negatif.")
		}
		c.rng(RwFieldMKGTahun, g.MKGTahun, 0, 50, "Masa kerja golongan (tahun)")
		c.rng(RwFieldMKGBulan, g.MKGBulan, 0, 11, "Masa kerja golongan (bulan)")
	case RwCuti:
		k := r.Cuti
		if _, ok := s.cuti().Type(k.Jenis); !ok {
			var codes []string
			for _, t := range s.cuti().Types {
				codes = append(codes, t.Label)
			}
			c.set(RwFieldJenis, "Pilih jenis cuti ("+strings.Join(codes, ", ")+").")
		}
		c.date(RwFieldMulai, k.Mulai, true, "Tanggal mulai cuti")
		c.date(RwFieldSelesai, k.Selesai, true, "Tanggal selesai cuti")
		c.order(RwFieldSelesai, k.Mulai, k.Selesai, "Tanggal selesai cuti tidak boleh sebelum tanggal mulai.")
		c.rng(RwFieldLamaHari, k.LamaHari, 0, 400, "Lama cuti (hari kerja)")
		c.rng(RwFieldLamaBulan, k.LamaBulan, 0, 60, "Lama cuti (bulan)")
		c.text(RwFieldAlasan, k.Alasan, false, "Alasan", MaxTextLen)
		c.text(RwFieldAlamat, k.Alamat, false, "Alamat selama cuti", MaxTextLen)
	case RwAngkaKredit:
		a := r.AngkaKredit
		c.text(RwFieldJenis, a.Jenis, true, "Jenis PAK", MaxNameLen)
		c.date(RwFieldPeriodeMulai, a.PeriodeMulai, true, "Awal periode")
		c.date(RwFieldPeriodeSelesai, a.PeriodeSelesai, false, "Akhir periode")
		c.order(RwFieldPeriodeSelesai, a.PeriodeMulai, a.PeriodeSelesai, "Akhir periode tidak boleh sebelum awal periode.")
		if a.AKMilli < 0 || a.AKMilli > 10_000_000 {
			c.set(RwFieldAngkaKredit, "Angka kredit harus antara 0 dan 10.000.")
		}
		c.text(RwFieldNomorPAK, a.NomorPAK, false, "Nomor PAK", MaxNameLen)
	case RwOrganisasi:
		o := r.Organisasi
		c.text(RwFieldNama, o.Nama, true, "Nama organisasi", MaxNameLen)
		c.text(RwFieldJabatan, o.Jabatan, false, "Jabatan di organisasi", MaxNameLen)
		c.year(RwFieldTahunMulai, o.TahunMulai, true, "Tahun mulai")
		c.year(RwFieldTahunSelesai, o.TahunSelesai, false, "Tahun selesai")
		if o.TahunSelesai != 0 && o.TahunSelesai < o.TahunMulai {
			c.set(RwFieldTahunSelesai, "Tahun selesai tidak boleh sebelum tahun mulai.")
		}
	case RwMasaKerja:
		m := r.MasaKerja
		c.date(RwFieldTMT, m.TMT, true, "TMT peninjauan masa kerja")
		c.date(RwFieldTanggalSK, m.TanggalSK, false, "Tanggal SK")
		c.text(RwFieldNomorSK, m.NomorSK, false, "Nomor SK", MaxNameLen)
		c.rng(RwFieldTahun, m.Tahun, 0, 50, "Tambahan masa kerja (tahun)")
		c.rng(RwFieldBulan, m.Bulan, 0, 11, "Tambahan masa kerja (bulan)")
		if m.Tahun == 0 && m.Bulan == 0 {
			c.set(RwFieldTahun, "Tambahan masa kerja belum diisi.")
		}
	default:
		c.set(RwFieldKind, "Jenis riwayat tidak dikenal.")
	}
	if len(c.fe) == 0 {
		return nil
	}
	return c.fe
}

// RiwayatWarnings returns plausibility warnings for a riwayat entry: shown
// beside the field, never blocking a save.
func RiwayatWarnings(r Riwayat, e Employee, today Date) []Warning {
	var w []Warning
	add := func(f, m string) { w = append(w, Warning{f, m}) }
	future := func(f string, d Date, what string) {
		if !d.IsZero() && !today.IsZero() && today.Before(d) {
			add(f, what+" "+fmtDate(d)+" ada di masa depan.")
		}
	}
	beforeService := func(f string, d Date, what string) {
		if start := MasaKerjaStart(e); !d.IsZero() && !start.IsZero() && d.Before(start) {
			of := "CPNS"
			if e.Kind.IsPPPK() {
				of = "perjanjian kerja"
			}
			add(f, what+" "+fmtDate(d)+" lebih awal dari TMT "+of+" "+fmtDate(start)+".")
		}
	}
	switch {
	case r.Pangkat != nil:
		p := r.Pangkat
		future(RwFieldTMT, p.TMT, "TMT golongan")
		beforeService(RwFieldTMT, p.TMT, "TMT golongan")
		if p.JenisKP != "" && !contains(JenisKenaikanPangkat(), p.JenisKP) {
			add(RwFieldJenisKP, "Jenis kenaikan pangkat \""+p.JenisKP+"\" tidak ada dalam daftar.")
		}
	case r.Jabatan != nil:
		j := r.Jabatan
		future(RwFieldTMT, j.TMT, "TMT jabatan")
		beforeService(RwFieldTMT, j.TMT, "TMT jabatan")
		if j.Jenis == Fungsional && j.Jenjang == 0 {
			add(RwFieldJenjang, "Jenjang jabatan fungsional belum dipilih.")
		}
		if j.Eselon != "" && j.Jenis != JPTMadya && j.Jenis != JPTPratama && j.Jenis != Administrator && j.Jenis != Pengawas && j.Jenis != JPTUtama {
			add(RwFieldEselon, "Eselon biasanya hanya untuk jabatan pimpinan tinggi, administrator dan pengawas.")
		}
	case r.Pendidikan != nil:
		p := r.Pendidikan
		if p.TahunLulus != 0 && !today.IsZero() && p.TahunLulus > today.Year {
			add(RwFieldTahunLulus, "Tahun lulus "+itoa(p.TahunLulus)+" ada di masa depan.")
		}
		if b := e.TanggalLahir; !b.IsZero() && p.TahunLulus != 0 && p.TahunLulus < b.Year+10 {
			add(RwFieldTahunLulus, "Tahun lulus "+itoa(p.TahunLulus)+" terlalu dekat dengan tahun lahir "+itoa(b.Year)+".")
		}
	case r.Hukdis != nil:
		h := r.Hukdis
		if j, ok := HukdisTable().Lookup(h.Tingkat, h.Jenis); ok {
			if h.MasaBulan != j.MasaBulan && h.MasaBulan != j.SubstituteMonths {
				want := itoa(j.MasaBulan) + " bulan"
				if j.SubstituteMonths > 0 && j.SubstituteMonths != j.MasaBulan {
					want += " (atau " + itoa(j.SubstituteMonths) + " bulan untuk hukuman pengganti)"
				}
				if j.MasaBulan == 0 {
					want = "tanpa masa"
				}
				add(RwFieldMasaBulan, "Masa hukuman untuk jenis ini biasanya "+want+".")
			}
		}
		if e.Kind.IsPPPK() {
			add(RwFieldJenis, "Disiplin PPPK diatur PP 49/2018; periksa kesesuaian jenis hukuman.")
		}
		beforeService(RwFieldMulai, h.Mulai, "Tanggal mulai hukuman")
	case r.Keluarga != nil:
		k := r.Keluarga
		if k.Hubungan == "Anak" && !k.TanggalLahir.IsZero() && !e.TanggalLahir.IsZero() && k.TanggalLahir.Before(addMonths(e.TanggalLahir, 12*12)) {
			add(RwFieldTanggalLahir, "Tanggal lahir anak terlalu dekat dengan tanggal lahir pegawai.")
		}
		if (k.Hubungan == "Suami" && e.JenisKelamin == Male) || (k.Hubungan == "Istri" && e.JenisKelamin == Female) {
			add(RwFieldHubungan, "Hubungan "+k.Hubungan+" tidak cocok dengan jenis kelamin pegawai.")
		}
		future(RwFieldTanggalLahir, k.TanggalLahir, "Tanggal lahir")
	case r.Gaji != nil:
		g := r.Gaji
		if g.GajiBaru > 0 && g.GajiLama > 0 && g.GajiBaru < g.GajiLama {
			add(RwFieldGajiBaru, "Gaji pokok baru lebih kecil dari gaji pokok lama.")
		}
		beforeService(RwFieldTMT, g.TMT, "TMT gaji")
	case r.Cuti != nil:
		k := r.Cuti
		if wd := WorkingDays(k.Mulai, k.Selesai, nil); k.LamaHari > 0 && wd > 0 && k.LamaHari > wd {
			add(RwFieldLamaHari, "Lama cuti "+itoa(k.LamaHari)+" hari kerja melebihi hari kerja antara tanggal mulai dan selesai ("+itoa(wd)+").")
		}
	case r.AngkaKredit != nil:
		if a := r.AngkaKredit; a.Jenis != "" && !contains(AngkaKreditJenis(), a.Jenis) {
			add(RwFieldJenis, "Jenis PAK \""+a.Jenis+"\" tidak ada dalam daftar.")
		}
	case r.MasaKerja != nil:
		future(RwFieldTMT, r.MasaKerja.TMT, "TMT peninjauan masa kerja")
	}
	return w
}

package domain

import (
	"net/mail"
	"strings"
	"unicode/utf8"
)

// Form field keys, shared by validation, the forms and the store's messages.
const (
	FieldKind          = "kind"
	FieldNama          = "nama"
	FieldGelarDepan    = "gelar_depan"
	FieldGelarBelakang = "gelar_belakang"
	FieldTempatLahir   = "tempat_lahir"
	FieldTanggalLahir  = "tanggal_lahir"
	FieldJenisKelamin  = "jenis_kelamin"
	FieldAgama         = "agama"
	FieldPerkawinan    = "status_perkawinan"
	FieldNIK           = "nik"
	FieldAlamat        = "alamat"
	FieldNomorHP       = "nomor_hp"
	FieldEmail         = "email"
	FieldNIP           = "nip"
	FieldStatus        = "status"
	FieldTMTCPNS       = "tmt_cpns"
	FieldTMTPNS        = "tmt_pns"
	FieldTMTKontrak    = "tmt_kontrak"
	FieldAkhirKontrak  = "akhir_kontrak"
	FieldGolongan      = "golongan"
	FieldJenisJabatan  = "jenis_jabatan"
	FieldJenjang       = "jenjang"
	FieldNamaJabatan   = "nama_jabatan"
	FieldUnit          = "unit"
	FieldAtasan        = "atasan"
	FieldPendidikan    = "pendidikan"
	FieldBUP           = "bup"
)

// Length limits: generous for real names, small enough that a pasted
// document cannot become a name.
const (
	MaxNameLen = 200
	MaxTextLen = 500
)

// ValidateEmployee returns the hard errors of a profile: only impossible
// input (wrong length or non-digits in identifiers, dates that do not exist
// are caught when typed, an empty or absurdly long nama, unknown codes).
// Everything merely implausible is a warning (EmployeeWarnings).
func ValidateEmployee(e Employee) FieldErrors {
	fe := FieldErrors{}
	nama := strings.TrimSpace(e.Nama)
	switch {
	case nama == "":
		fe[FieldNama] = "Nama wajib diisi."
	case utf8.RuneCountInString(nama) > MaxNameLen:
		fe[FieldNama] = "Nama terlalu panjang (paling banyak " + itoa(MaxNameLen) + " huruf)."
	}
	for key, v := range map[string]string{FieldGelarDepan: e.GelarDepan, FieldGelarBelakang: e.GelarBelakang,
		FieldTempatLahir: e.TempatLahir, FieldNamaJabatan: e.NamaJabatan} {
		if utf8.RuneCountInString(v) > MaxNameLen {
			fe[key] = "Isian terlalu panjang (paling banyak " + itoa(MaxNameLen) + " huruf)."
		}
	}
	if utf8.RuneCountInString(e.Alamat) > MaxTextLen {
		fe[FieldAlamat] = "Alamat terlalu panjang (paling banyak " + itoa(MaxTextLen) + " huruf)."
	}
	if e.Kind < KindPNS || e.Kind > KindPPPKParuhWaktu {
		fe[FieldKind] = "Pilih jenis pegawai."
	}
	if e.Status < StatusAktif || e.Status > StatusDiberhentikan {
		fe[FieldStatus] = "Pilih status kepegawaian."
	}
	if _, err := ParseNIP(e.NIP); err != nil {
		msg := ErrorMessage(err)
		if e.Kind.IsPPPK() {
			msg = strings.ReplaceAll(msg, "NIP", "NI PPPK")
		}
		fe[FieldNIP] = msg
	}
	if _, err := ParseNIK(e.NIK); err != nil {
		fe[FieldNIK] = ErrorMessage(err)
	}
	if e.JenisKelamin != 0 && e.JenisKelamin != Male && e.JenisKelamin != Female {
		fe[FieldJenisKelamin] = "Pilih jenis kelamin."
	}
	if e.Golongan != "" {
		if _, ok := LookupGolongan(e.Kind, e.Golongan); !ok {
			if e.Kind.IsPPPK() {
				fe[FieldGolongan] = "Golongan PPPK harus salah satu dari I sampai XVII."
			} else {
				fe[FieldGolongan] = "Golongan ruang harus salah satu dari I/a sampai IV/e."
			}
		}
	}
	if e.JenisJabatan != 0 && (e.JenisJabatan < JPTUtama || e.JenisJabatan > Pelaksana) {
		fe[FieldJenisJabatan] = "Pilih jenis jabatan."
	}
	if e.Jenjang != 0 && e.JenisJabatan != Fungsional {
		fe[FieldJenjang] = "Jenjang hanya diisi untuk jabatan fungsional."
	}
	if e.Email != "" {
		if a, err := mail.ParseAddress(e.Email); err != nil || a.Address != e.Email {
			fe[FieldEmail] = "Alamat email tidak valid, contoh: nama@instansi.go.id."
		}
	}
	if hp := Digits(e.NomorHP); hp != "" && !allDigits(strings.TrimPrefix(hp, "+")) {
		fe[FieldNomorHP] = "Nomor HP hanya boleh berisi angka (boleh diawali +)."
	}
	if e.BUPOverride != 0 && (e.BUPOverride < 50 || e.BUPOverride > 75) {
		fe[FieldBUP] = "Batas usia pensiun harus antara 50 dan 75 tahun."
	}
	if e.AtasanID != 0 && e.AtasanID == e.ID {
		fe[FieldAtasan] = "Atasan langsung tidak boleh pegawai itu sendiri."
	}
	if !e.AkhirKontrak.IsZero() && !e.TMTKontrak.IsZero() && e.AkhirKontrak.Before(e.TMTKontrak) {
		fe[FieldAkhirKontrak] = "Akhir perjanjian kerja tidak boleh sebelum TMT perjanjian kerja."
	}
	if len(fe) == 0 {
		return nil
	}
	return fe
}

// EmployeeWarnings returns the plausibility warnings of a profile: shown
// beside the field, never blocking a save.
func EmployeeWarnings(e Employee, today Date) []Warning {
	w := IdentityWarnings(e)
	add := func(f, m string) { w = append(w, Warning{f, m}) }
	if !e.TanggalLahir.IsZero() {
		if today.Before(e.TanggalLahir) {
			add(FieldTanggalLahir, "Tanggal lahir ada di masa depan.")
		} else if age := Usia(e.TanggalLahir, today).Years; age < 18 {
			add(FieldTanggalLahir, "Usia "+itoa(age)+" tahun: di bawah usia minimal ASN (18 tahun).")
		}
	}
	if e.Kind == KindPNS && e.TMTPNS.IsZero() && !e.TMTCPNS.IsZero() {
		add(FieldTMTPNS, "TMT PNS belum diisi.")
	}
	if !e.TMTPNS.IsZero() && !e.TMTCPNS.IsZero() && e.TMTPNS.Before(e.TMTCPNS) {
		add(FieldTMTPNS, "TMT PNS lebih awal dari TMT CPNS.")
	}
	if e.JenisJabatan == Fungsional && e.Jenjang == 0 {
		add(FieldJenjang, "Jenjang jabatan fungsional belum dipilih.")
	}
	if e.Kind.IsPPPK() && !e.AkhirKontrak.IsZero() && e.Status == StatusAktif && e.AkhirKontrak.Before(today) {
		add(FieldAkhirKontrak, "Perjanjian kerja sudah berakhir pada "+e.AkhirKontrak.String()+".")
	}
	if e.Status == StatusAktif && !e.TanggalLahir.IsZero() {
		if p := TMTPensiun(e.TanggalLahir, DefaultBUPGrid().BUP(e)); !p.IsZero() && !today.Before(p) {
			add(FieldStatus, "Sudah melewati batas usia pensiun (TMT pensiun "+p.String()+") tetapi masih berstatus Aktif.")
		}
	}
	return w
}

// ValidateUnitName checks a unit kerja name.
func ValidateUnitName(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return Errorf(EINVALID, "Nama unit kerja wajib diisi.")
	}
	if utf8.RuneCountInString(s) > MaxNameLen {
		return Errorf(EINVALID, "Nama unit kerja terlalu panjang.")
	}
	return nil
}

package domain

import (
	"strings"
	"time"
	"unicode"
)

// Digits strips the separators people type inside identifiers (any white
// space, including the non-breaking spaces of text pasted from documents,
// dots, dashes) and returns what is left. Other characters are kept so that a
// letter typed by mistake is reported, not silently dropped.
func Digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '.' || r == '-' || unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func num(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// NIPInfo is what an 18-digit NIP or NI PPPK says about its holder.
type NIPInfo struct {
	PPPK      bool   // digits 13–14 are "21": a NI PPPK
	Lahir     Date   // digits 1–8
	TMTCPNS   Date   // PNS: digits 9–14, day 1
	TahunPPPK int    // PPPK: digits 9–12, year of first appointment
	Gender    Gender // digit 15
	Urut      int    // digits 16–18
	// OddTMT is set when digits 13–14 are neither a month nor the PPPK code
	// 21: saveable, but worth a warning.
	OddTMT string
}

// ParseNIP checks an 18-digit NIP or NI PPPK (spaces allowed) and decodes it.
// Only impossible input is an error; plausibility issues come from
// NIPWarnings.
func ParseNIP(s string) (NIPInfo, error) {
	d := Digits(s)
	switch {
	case d == "":
		return NIPInfo{}, Errorf(EINVALID, "NIP wajib diisi.")
	case !allDigits(d):
		return NIPInfo{}, Errorf(EINVALID, "NIP hanya boleh berisi angka.")
	case len(d) != 18:
		return NIPInfo{}, Errorf(EINVALID, "NIP harus 18 angka (tertulis "+itoa(len(d))+").")
	}
	var in NIPInfo
	lahir, ok := NewDate(num(d[0:4]), time.Month(num(d[4:6])), num(d[6:8]))
	if !ok {
		return NIPInfo{}, Errorf(EINVALID, "Angka 1–8 NIP harus tanggal lahir yang ada (TTTTBBHH).")
	}
	in.Lahir = lahir
	switch d[14] {
	case '1':
		in.Gender = Male
	case '2':
		in.Gender = Female
	default:
		return NIPInfo{}, Errorf(EINVALID, "Angka ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan).")
	}
	in.Urut = num(d[15:18])
	if d[12:14] == "21" {
		in.PPPK = true
		in.TahunPPPK = num(d[8:12])
		return in, nil
	}
	if tmt, ok := NewDate(num(d[8:12]), time.Month(num(d[12:14])), 1); ok {
		in.TMTCPNS = tmt
	} else {
		in.OddTMT = d[12:14]
	}
	return in, nil
}

// FormatNIP writes an 18-digit NIP in its printed groups: PNS
// "19860926 201505 1 001", PPPK "19900115 2023 21 2 005". Anything else is
// returned as typed.
func FormatNIP(s string) string {
	d := Digits(s)
	if len(d) != 18 || !allDigits(d) {
		return s
	}
	if d[12:14] == "21" {
		return d[0:8] + " " + d[8:12] + " " + d[12:14] + " " + d[14:15] + " " + d[15:18]
	}
	return d[0:8] + " " + d[8:14] + " " + d[14:15] + " " + d[15:18]
}

// NIKInfo is what a 16-digit NIK says about its holder.
type NIKInfo struct {
	Day, Month, Year2 int // birth date as written, Day already minus 40 for women
	Gender            Gender
}

// ParseNIK checks a 16-digit NIK (spaces allowed). Digits 1–6 (region) are
// not checked: there is no code table in the app.
func ParseNIK(s string) (NIKInfo, error) {
	d := Digits(s)
	switch {
	case d == "":
		return NIKInfo{}, nil
	case !allDigits(d):
		return NIKInfo{}, Errorf(EINVALID, "NIK hanya boleh berisi angka.")
	case len(d) != 16:
		return NIKInfo{}, Errorf(EINVALID, "NIK harus 16 angka (tertulis "+itoa(len(d))+").")
	}
	in := NIKInfo{Day: num(d[6:8]), Month: num(d[8:10]), Year2: num(d[10:12]), Gender: Male}
	if in.Day > 40 {
		in.Day -= 40
		in.Gender = Female
	}
	if in.Day < 1 || in.Day > 31 || in.Month < 1 || in.Month > 12 {
		return NIKInfo{}, Errorf(EINVALID, "Angka 7–12 NIK harus tanggal lahir (HHBBTT, tanggal +40 untuk perempuan).")
	}
	if d[12:16] == "0000" {
		return NIKInfo{}, Errorf(EINVALID, "Nomor urut NIK (4 angka terakhir) tidak boleh 0000.")
	}
	return in, nil
}

// Warning is a plausibility message: shown to the user, never blocking a save.
type Warning struct {
	Field   string
	Message string
}

// IdentityWarnings cross-checks NIP/NI PPPK and NIK against the typed birth
// date, gender and jenis pegawai. It returns nothing for identifiers that do
// not parse: those are errors, reported by ValidateEmployee.
func IdentityWarnings(e Employee) []Warning {
	var w []Warning
	add := func(f, m string) { w = append(w, Warning{f, m}) }
	if nip, err := ParseNIP(e.NIP); err == nil {
		label := "NIP"
		if nip.PPPK {
			label = "NI PPPK"
		}
		if e.Kind.IsPPPK() && !nip.PPPK {
			add(FieldNIP, "Pegawai PPPK biasanya memakai NI PPPK dengan kode 21 pada angka 13–14.")
		}
		if (e.Kind == KindPNS || e.Kind == KindCPNS) && nip.PPPK {
			add(FieldNIP, "Angka 13–14 NIP bernilai 21: ini pola NI PPPK, bukan NIP PNS.")
		}
		if !e.TanggalLahir.IsZero() && nip.Lahir != e.TanggalLahir {
			add(FieldNIP, label+" menyebut tanggal lahir "+nip.Lahir.String()+", berbeda dengan tanggal lahir "+e.TanggalLahir.String()+".")
		}
		if e.JenisKelamin != 0 && nip.Gender != e.JenisKelamin {
			add(FieldNIP, label+" menyebut jenis kelamin "+nip.Gender.String()+", berbeda dengan isian "+e.JenisKelamin.String()+".")
		}
		if nip.Urut == 0 {
			add(FieldNIP, "Nomor urut "+label+" (3 angka terakhir) 000 tidak lazim; nomor urut dimulai dari 001.")
		}
		if nip.OddTMT != "" {
			add(FieldNIP, "Angka 13–14 NIP ("+nip.OddTMT+") bukan bulan TMT CPNS dan bukan kode 21 NI PPPK.")
		} else if !nip.PPPK {
			if nip.TMTCPNS.Year < nip.Lahir.Year+17 {
				add(FieldNIP, "TMT CPNS pada NIP ("+nip.TMTCPNS.String()+") terlalu dekat dengan tanggal lahir.")
			}
			if !e.TMTCPNS.IsZero() && (e.TMTCPNS.Year != nip.TMTCPNS.Year || e.TMTCPNS.Month != nip.TMTCPNS.Month) {
				add(FieldTMTCPNS, "TMT CPNS "+e.TMTCPNS.String()+" berbeda dengan bulan TMT CPNS pada NIP ("+nip.TMTCPNS.String()+").")
			}
		} else if nip.TahunPPPK < nip.Lahir.Year+17 {
			add(FieldNIP, "Tahun pengangkatan pada NI PPPK ("+itoa(nip.TahunPPPK)+") terlalu dekat dengan tanggal lahir.")
		}
	}
	if nik, err := ParseNIK(e.NIK); err == nil && Digits(e.NIK) != "" {
		// Compare with the typed birth date and gender; when those are not
		// filled in, with what the NIP says (§3.4: NIK must match NIP
		// digits 1–8 and 15).
		lahir, lahirFrom := e.TanggalLahir, "tanggal lahir "+e.TanggalLahir.String()
		gender, genderFrom := e.JenisKelamin, "isian "+e.JenisKelamin.String()
		if nip, err := ParseNIP(e.NIP); err == nil {
			label := "NIP"
			if nip.PPPK {
				label = "NI PPPK"
			}
			if lahir.IsZero() {
				lahir, lahirFrom = nip.Lahir, "tanggal lahir pada "+label+" ("+nip.Lahir.String()+")"
			}
			if gender == 0 {
				gender, genderFrom = nip.Gender, label+" ("+nip.Gender.String()+")"
			}
		}
		if !lahir.IsZero() && (nik.Day != lahir.Day || nik.Month != int(lahir.Month) || nik.Year2 != lahir.Year%100) {
			add(FieldNIK, "Tanggal lahir pada NIK berbeda dengan "+lahirFrom+".")
		}
		if gender != 0 && nik.Gender != gender {
			add(FieldNIK, "NIK menunjukkan jenis kelamin "+nik.Gender.String()+", berbeda dengan "+genderFrom+".")
		}
	}
	return w
}

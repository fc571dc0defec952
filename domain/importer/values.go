package importer

import (
	"math"
	"strconv"
	"strings"
	"time"

	"asndesk/domain"
)

// clean trims a cell and drops the apostrophe Excel users type to keep a
// number as text.
func clean(c Cell) string {
	return strings.TrimPrefix(strings.TrimSpace(strings.ReplaceAll(c.Text, "\u00a0", " ")), "'")
}

// Replacers are immutable once built: shared rather than rebuilt per cell.
var (
	stripSeparators = strings.NewReplacer(",", "", ".", "")
	stripPunct      = strings.NewReplacer("-", "", " ", "", ".", "", "/", "")
	tingkatWords    = strings.NewReplacer("Tk.", "Tingkat", "TK.", "Tingkat", "tk.", "Tingkat", "Tk ", "Tingkat ")
)

// scientific reports a value Excel has turned into scientific notation
// ("1.98501012010011E+17", "1,98501E+17"): its last digits are gone.
func scientific(s string) bool {
	u := strings.ToUpper(strings.TrimSpace(s))
	i := strings.Index(u, "E+")
	if i <= 0 {
		return false
	}
	mant, exp := stripSeparators.Replace(u[:i]), u[i+2:]
	return allDigits(mant) && allDigits(exp)
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// numberText turns a numeric cell's raw value back into its digits: an
// integer stored as "198501012010011001" or "1.98501012010011001E17"
// without loss. ok is false when the value is not a whole number.
func numberText(s string) (string, bool) {
	if allDigits(s) {
		return s, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || f < 0 || f > 1e15 {
		return "", false
	}
	return strconv.FormatFloat(f, 'f', 0, 64), true
}

// excelDigits is how many significant digits Excel keeps of a number.
const excelDigits = 15

// rounded reports a numeric cell whose value Excel cannot have kept whole:
// written with an exponent ("1.98501012010011E+17", "1.98501E17") and at
// least 16 digits long, or 16 digits or more whose digits past the 15th
// significant one are all zeros ("198501012010011000"). A NIP has 18
// digits and a NIK 16, so such a cell has lost its last digits.
func rounded(s string) bool {
	if allDigits(s) {
		d := strings.TrimLeft(s, "0")
		return len(d) > excelDigits && strings.Trim(d[excelDigits:], "0") == ""
	}
	if !strings.ContainsAny(s, "eE") {
		return false
	}
	f, err := strconv.ParseFloat(s, 64)
	return err == nil && math.Abs(f) >= 1e15
}

// parseIdent reads a NIP or NIK cell: the digits to hand to domain's
// parser, or the message that explains Excel's rounding.
func parseIdent(label string, c Cell) (string, string) {
	s := clean(c)
	lost := label + " tertulis " + s + ": Excel mengubahnya menjadi angka ilmiah sehingga angka-angka terakhirnya hilang. " +
		"Format kolom " + label + " sebagai Teks, lalu ketik atau tempel ulang " + label + "-nya."
	if scientific(s) {
		return "", lost
	}
	if c.Number {
		if rounded(s) {
			if allDigits(s) {
				lost = label + " " + s + " tersimpan sebagai angka: Excel hanya menyimpan 15 angka, sehingga angka-angka " +
					"terakhirnya menjadi 0. Format kolom " + label + " sebagai Teks, lalu ketik atau tempel ulang " + label + "-nya."
			}
			return "", lost
		}
		if d, ok := numberText(s); ok {
			return d, ""
		}
	}
	return s, ""
}

// serialEpoch is day 0 of Excel's 1900 date system. Excel counts a 29
// February 1900 that never was, so serials from 61 on are one day ahead of
// the calendar; from this epoch they come out right, and serials below 61
// need one day more.
var serialEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// fromSerial converts an Excel serial day number.
func fromSerial(f float64) (domain.Date, bool) {
	if f < 1 || f > 2958465 { // 1 January 1900 … 31 December 9999
		return domain.Date{}, false
	}
	n := int(math.Floor(f))
	if n < 61 {
		n++
	}
	return domain.DateOf(serialEpoch.AddDate(0, 0, n)), true
}

// months are the month names and abbreviations seen in Indonesian and
// English spreadsheets.
var months = map[string]time.Month{
	"januari": 1, "january": 1, "jan": 1,
	"februari": 2, "february": 2, "feb": 2, "pebruari": 2, "peb": 2,
	"maret": 3, "march": 3, "mar": 3,
	"april": 4, "apr": 4,
	"mei": 5, "may": 5,
	"juni": 6, "june": 6, "jun": 6,
	"juli": 7, "july": 7, "jul": 7,
	"agustus": 8, "august": 8, "agu": 8, "agt": 8, "agst": 8, "aug": 8, "ags": 8,
	"september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "october": 10, "okt": 10, "oct": 10,
	"november": 11, "nov": 11, "nopember": 11, "nop": 11,
	"desember": 12, "december": 12, "des": 12, "dec": 12,
}

// parseDateCell reads a date cell: an Excel serial (numeric, or digits
// typed as text), a month name ("26 September 1986", "26 Sep 1986") or
// what domain.ParseDate reads (26-09-1986, 26/09/1986, 1986-09-26). A
// time of day after the date ("1986-09-26 00:00:00") is ignored. The
// message names the column.
func parseDateCell(label string, c Cell) (domain.Date, string) {
	s := clean(c)
	if s == "" {
		return domain.Date{}, ""
	}
	bad := label + ": «" + s + "» bukan tanggal; tulis HH-BB-TTTT, misalnya 26-09-1986."
	if f, err := strconv.ParseFloat(s, 64); err == nil && (c.Number || allDigits(s) && len(s) <= 5) {
		if d, ok := fromSerial(f); ok {
			return d, ""
		}
		return domain.Date{}, bad
	}
	// Drop a time of day: "1986-09-26 00:00:00", "26/09/1986 0:00".
	if f := strings.Fields(s); len(f) == 2 && strings.Contains(f[1], ":") {
		s = f[0]
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, "T00:00:00Z"), "T00:00:00")
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '/' || r == '.' || r == ',' })
	if len(parts) == 3 {
		if m, ok := months[strings.ToLower(parts[1])]; ok {
			d, err1 := strconv.Atoi(parts[0])
			y, err2 := strconv.Atoi(parts[2])
			if err1 != nil || err2 != nil || len(parts[2]) != 4 {
				return domain.Date{}, bad
			}
			dt, ok := domain.NewDate(y, m, d)
			if !ok {
				return domain.Date{}, label + ": tanggal «" + s + "» tidak ada di kalender."
			}
			return dt, ""
		}
	}
	d, err := domain.ParseDate(s)
	if err != nil {
		if strings.Contains(domain.ErrorMessage(err), "kalender") {
			return domain.Date{}, label + ": tanggal «" + s + "» tidak ada di kalender."
		}
		return domain.Date{}, bad
	}
	return d, ""
}

// splitTempatTanggal splits "Bandung, 01-02-1985" (or "Bandung 01-02-1985")
// into place and date text.
func splitTempatTanggal(s string) (string, string) {
	if i := strings.LastIndex(s, ","); i >= 0 {
		return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
	}
	f := strings.Fields(s)
	// "Bandung 26 September 1986": the date is the last three words.
	if len(f) >= 4 {
		if _, ok := months[strings.ToLower(f[len(f)-2])]; ok {
			return strings.Join(f[:len(f)-3], " "), strings.Join(f[len(f)-3:], " ")
		}
	}
	if len(f) >= 2 {
		return strings.Join(f[:len(f)-1], " "), f[len(f)-1]
	}
	return "", s
}

// fold is the comparison form of a choice: lower case, single spaces.
func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func parseGender(s string) (domain.Gender, bool) {
	switch fold(s) {
	case "l", "lk", "laki-laki", "laki laki", "lakilaki", "pria", "1", "male", "m":
		return domain.Male, true
	case "p", "pr", "perempuan", "wanita", "2", "female", "f", "w":
		return domain.Female, true
	}
	return 0, false
}

func parseKind(s string) (domain.Kind, bool) {
	switch fold(s) {
	case "pns", "pegawai negeri sipil":
		return domain.KindPNS, true
	case "cpns", "calon pns", "calon pegawai negeri sipil":
		return domain.KindCPNS, true
	case "pppk", "p3k", "pegawai pemerintah dengan perjanjian kerja":
		return domain.KindPPPK, true
	case "pppk paruh waktu", "p3k paruh waktu", "pppk-pw", "pppk pw":
		return domain.KindPPPKParuhWaktu, true
	}
	return 0, false
}

func parseStatus(s string) (domain.Status, bool) {
	f := fold(s)
	for _, st := range domain.Statuses() {
		if f == fold(st.String()) {
			return st, true
		}
	}
	switch f {
	case "cltn":
		return domain.StatusCLTN, true
	case "aktif bekerja", "pns aktif", "aktif (bekerja)":
		return domain.StatusAktif, true
	case "wafat":
		return domain.StatusMeninggal, true
	case "pemberhentian sementara":
		return domain.StatusDiberhentikanSementara, true
	case "mutasi", "pindah keluar":
		return domain.StatusPindah, true
	}
	return 0, false
}

func parseJenisJabatan(s string) (domain.JabatanKind, bool) {
	f := strings.TrimPrefix(fold(s), "jabatan ")
	for _, j := range domain.JabatanKinds() {
		if f == fold(j.String()) {
			return j, true
		}
	}
	switch f {
	case "fungsional tertentu", "jft", "jf":
		return domain.Fungsional, true
	case "fungsional umum", "jfu", "pelaksana (fungsional umum)":
		return domain.Pelaksana, true
	case "pimpinan tinggi pratama", "jpt pratama":
		return domain.JPTPratama, true
	case "pimpinan tinggi madya":
		return domain.JPTMadya, true
	case "pimpinan tinggi utama":
		return domain.JPTUtama, true
	}
	return 0, false
}

func parseJenjang(s string) (domain.Jenjang, bool) {
	f := fold(s)
	for _, j := range domain.Jenjangs() {
		if f == fold(j.String()) {
			return j, true
		}
	}
	return 0, false
}

// parsePendidikan maps the tingkat names spreadsheets use to
// domain.EducationLevels.
func parsePendidikan(s string) (string, bool) {
	k := stripPunct.Replace(strings.ToUpper(s))
	switch k {
	case "SD", "SEKOLAHDASAR":
		return "SD", true
	case "SLTP", "SMP", "MTS", "SLTPSEDERAJAT":
		return "SLTP", true
	case "SLTA", "SMA", "SMK", "MA", "SMU", "SLTASEDERAJAT", "STM", "SPK", "SMEA":
		return "SLTA", true
	case "DI", "D1":
		return "D-I", true
	case "DII", "D2":
		return "D-II", true
	case "DIII", "D3":
		return "D-III", true
	case "DIV", "D4":
		return "D-IV", true
	case "S1", "SI", "SARJANA":
		return "S1", true
	case "S2", "SII", "MAGISTER":
		return "S2", true
	case "S3", "SIII", "DOKTOR":
		return "S3", true
	}
	return "", false
}

func canonical(s string, options []string, alias map[string]string) (string, bool) {
	f := fold(s)
	for _, o := range options {
		if f == fold(o) {
			return o, true
		}
	}
	if v, ok := alias[f]; ok {
		return v, true
	}
	return s, false
}

var agamaAlias = map[string]string{"budha": "Buddha", "konghucu": "Khonghucu", "kong hu cu": "Khonghucu",
	"protestan": "Kristen", "kristen protestan": "Kristen", "katholik": "Katolik", "kristen katolik": "Katolik"}

var kawinAlias = map[string]string{"menikah": "Kawin", "belum menikah": "Belum Kawin", "lajang": "Belum Kawin",
	"janda": "Cerai Hidup", "duda": "Cerai Hidup", "cerai": "Cerai Hidup"}

// parseGolongan reads "III/b", "3b", "Penata Muda Tk. I (III/b)", a
// pangkat name alone or a SIASN golongan id (11 … 45) for the jenis
// pegawai k.
func parseGolongan(k domain.Kind, c Cell) (string, bool) {
	s := clean(c)
	if i, j := strings.LastIndex(s, "("), strings.LastIndex(s, ")"); i >= 0 && j > i {
		s = strings.TrimSpace(s[i+1 : j])
	}
	if !k.IsPPPK() && allDigits(s) && len(s) == 2 {
		if id, _ := strconv.Atoi(s); id > 0 {
			if g, ok := domain.GolonganBySIASN(id); ok {
				return g.Code, true
			}
		}
	}
	g := domain.NormalizeGolongan(k, s)
	if _, ok := domain.LookupGolongan(k, g); ok {
		return g, true
	}
	if !k.IsPPPK() {
		name := fold(tingkatWords.Replace(s))
		for _, g := range domain.PNSGolongan() {
			if fold(g.Pangkat) == name {
				return g.Code, true
			}
		}
	}
	return s, false
}

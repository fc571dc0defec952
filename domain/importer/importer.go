// Package importer holds the rules for taking employees and their riwayat
// pangkat and jabatan from a spreadsheet an office already keeps (a SIASN
// or SIMPEG export, or asndesk's own): which column is which field
// (AutoMap), and what every row would do to the data (Plan) before
// anything is written. It reads a neutral Grid of cells; store/sheet turns
// XLSX and CSV files into one, and the store applies a Report in one
// transaction.
package importer

import (
	"strings"
)

// Cell is one spreadsheet cell as stored. Number marks a numeric XLSX
// cell; its Text is then the raw value ("1.98501012010011E+17", "31048"),
// never the formatted one, so that dates arrive as serials and rounded
// NIPs can be recognised.
type Cell struct {
	Text   string
	Number bool
}

// Grid is the first sheet with data of a workbook, or a CSV file.
type Grid struct {
	Sheet string // the sheet's name ("" for CSV)
	Rows  [][]Cell
}

// cell returns row r, column c, or an empty cell.
func (g Grid) cell(r, c int) Cell {
	if r < 0 || r >= len(g.Rows) || c < 0 || c >= len(g.Rows[r]) {
		return Cell{}
	}
	return g.Rows[r][c]
}

// Width is the number of columns of the widest row.
func (g Grid) Width() int {
	w := 0
	for _, r := range g.Rows {
		w = max(w, len(r))
	}
	return w
}

// Kind is what a file holds.
type Kind int

// Import kinds.
const (
	Pegawai Kind = iota + 1
	RiwayatPangkat
	RiwayatJabatan
)

// Kinds lists the import kinds in menu order.
func Kinds() []Kind { return []Kind{Pegawai, RiwayatPangkat, RiwayatJabatan} }

// Label names the kind in the UI.
func (k Kind) Label() string {
	switch k {
	case Pegawai:
		return "Pegawai"
	case RiwayatPangkat:
		return "Riwayat pangkat"
	case RiwayatJabatan:
		return "Riwayat jabatan"
	}
	return ""
}

// ParseKind reads the headless command's argument.
func ParseKind(s string) (Kind, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "employees", "pegawai":
		return Pegawai, true
	case "riwayat-pangkat":
		return RiwayatPangkat, true
	case "riwayat-jabatan":
		return RiwayatJabatan, true
	}
	return 0, false
}

// Field is an asndesk field a column can feed. The zero Field skips the
// column.
type Field string

// Fields. The strings are stable keys (tests, the mapping screen).
const (
	None              Field = ""
	FNIP              Field = "nip"
	FNama             Field = "nama"
	FGelarDepan       Field = "gelar_depan"
	FGelarBelakang    Field = "gelar_belakang"
	FTempatLahir      Field = "tempat_lahir"
	FTanggalLahir     Field = "tanggal_lahir"
	FTempatTanggal    Field = "tempat_tanggal_lahir"
	FJenisKelamin     Field = "jenis_kelamin"
	FAgama            Field = "agama"
	FStatusPerkawinan Field = "status_perkawinan"
	FNIK              Field = "nik"
	FAlamat           Field = "alamat"
	FNomorHP          Field = "nomor_hp"
	FEmail            Field = "email"
	FJenisPegawai     Field = "jenis_pegawai"
	FStatus           Field = "status"
	FTMTCPNS          Field = "tmt_cpns"
	FTMTPNS           Field = "tmt_pns"
	FTMTKontrak       Field = "tmt_kontrak"
	FAkhirKontrak     Field = "akhir_kontrak"
	FGolongan         Field = "golongan"
	FTMTGolongan      Field = "tmt_golongan"
	FJenisJabatan     Field = "jenis_jabatan"
	FJenjang          Field = "jenjang"
	FJabatan          Field = "jabatan"
	FTMTJabatan       Field = "tmt_jabatan"
	FUnit             Field = "unit"
	FPendidikan       Field = "pendidikan"
	FTahunLulus       Field = "tahun_lulus"
	FNomorSK          Field = "nomor_sk"
	FTanggalSK        Field = "tanggal_sk"
	FJenisKP          Field = "jenis_kp"
	FEselon           Field = "eselon"
)

// fieldInfo is a field's label and the header names that mean it.
type fieldInfo struct {
	label   string
	aliases []string
}

// infos: the labels are the titles asndesk's own employee sheet writes
// (doc.EmployeesSheet), so an export imports back unchanged; the aliases
// are what SIASN and SIMPEG exports commonly call the column.
var infos = map[Field]fieldInfo{
	FNIP:              {"NIP", []string{"NIP", "NIP BARU", "NIP 18", "NIP/NI PPPK", "NI PPPK", "NIPBARU", "NIP18", "NIP PPPK", "NOMOR INDUK PEGAWAI"}},
	FNama:             {"NAMA", []string{"NAMA", "NAMA PEGAWAI", "NAMA LENGKAP", "NAMA ASN", "NAMA TANPA GELAR", "NAMA PNS"}},
	FGelarDepan:       {"GELAR DEPAN", []string{"GELAR DEPAN", "GLR DEPAN", "GELAR DPN", "GLR DPN", "GELAR DEPAN NAMA"}},
	FGelarBelakang:    {"GELAR BELAKANG", []string{"GELAR BELAKANG", "GLR BELAKANG", "GELAR BLK", "GLR BLK", "GELAR BLKG", "GLR BLKG", "GELAR BELAKANG NAMA"}},
	FTempatLahir:      {"TEMPAT LAHIR", []string{"TEMPAT LAHIR", "TMP LAHIR", "TEMPAT LAHIR NAMA", "TEMPAT LHR", "TMP LHR", "TMPT LAHIR", "TPT LAHIR"}},
	FTanggalLahir:     {"TANGGAL LAHIR", []string{"TANGGAL LAHIR", "TGL LAHIR", "TGLLAHIR", "TGL LHR", "TANGGAL LHR", "TGL LAHIR PEGAWAI"}},
	FTempatTanggal:    {"TEMPAT/TANGGAL LAHIR", []string{"TEMPAT/TANGGAL LAHIR", "TEMPAT TGL LAHIR", "TEMPAT, TANGGAL LAHIR", "TTL", "TMP/TGL LAHIR", "TEMPAT/TGL LHR", "TMP/TGL LHR"}},
	FJenisKelamin:     {"JENIS KELAMIN", []string{"JENIS KELAMIN", "JK", "KELAMIN", "L/P", "JNS KELAMIN", "JNS KEL", "JENIS KEL", "SEX"}},
	FAgama:            {"AGAMA", []string{"AGAMA", "AGAMA NAMA"}},
	FStatusPerkawinan: {"STATUS PERKAWINAN", []string{"STATUS PERKAWINAN", "STATUS KAWIN", "PERKAWINAN", "JENIS KAWIN", "STS KAWIN", "STATUS NIKAH", "STATUS PERNIKAHAN", "JENIS KAWIN NAMA"}},
	FNIK:              {"NIK", []string{"NIK", "NO KTP", "NOMOR KTP", "NOMOR INDUK KEPENDUDUKAN", "NIK KTP", "NOMOR NIK"}},
	FAlamat:           {"ALAMAT", []string{"ALAMAT", "ALAMAT RUMAH", "ALAMAT TINGGAL"}},
	FNomorHP:          {"NO HP", []string{"NO HP", "NOMOR HP", "HP", "NO TELP", "NOMOR TELEPON", "TELEPON", "NO HP/WA", "NOMOR HP/WA", "NO TELP/HP"}},
	FEmail:            {"EMAIL", []string{"EMAIL", "E-MAIL", "ALAMAT EMAIL", "EMAIL GOV"}},
	FJenisPegawai:     {"JENIS PEGAWAI", []string{"JENIS PEGAWAI", "JENIS ASN", "JENIS PEGAWAI NAMA", "JNS PEGAWAI"}},
	FStatus:           {"STATUS PEGAWAI", []string{"STATUS PEGAWAI", "KEDUDUKAN HUKUM", "STATUS KEPEGAWAIAN", "KEDUDUKAN HUKUM NAMA", "KEDUDUKAN", "KEDUDUKAN PEGAWAI", "STS PEGAWAI"}},
	FTMTCPNS:          {"TMT CPNS", []string{"TMT CPNS", "TMT CAPEG"}},
	FTMTPNS:           {"TMT PNS", []string{"TMT PNS"}},
	FTMTKontrak:       {"TMT KONTRAK", []string{"TMT KONTRAK", "TMT PPPK", "TMT PERJANJIAN KERJA", "MULAI KONTRAK"}},
	FAkhirKontrak:     {"AKHIR KONTRAK", []string{"AKHIR KONTRAK", "AKHIR PERJANJIAN KERJA", "SELESAI KONTRAK", "TMT AKHIR KONTRAK"}},
	FGolongan: {"GOLONGAN", []string{"GOLONGAN", "GOL", "GOL/RUANG", "GOLONGAN RUANG", "PANGKAT/GOL", "PANGKAT GOLONGAN", "GOLONGAN AKHIR",
		"GOL AKHIR", "GOL AKHIR NAMA", "GOLONGAN ID", "GOL AKHIR ID", "PANGKAT/GOLONGAN", "PANGKAT/GOL/RUANG", "GOL RUANG AKHIR",
		"GOLONGAN NAMA"}},
	FTMTGolongan: {"TMT GOLONGAN", []string{"TMT GOLONGAN", "TMT GOL", "TMT PANGKAT", "TMT GOL AKHIR", "TMT GOLONGAN AKHIR", "TMT GOL/RUANG",
		"TMT GOLONGAN RUANG", "TMT PANGKAT/GOL"}},
	FJenisJabatan: {"JENIS JABATAN", []string{"JENIS JABATAN", "JENIS JABATAN NAMA", "JNS JABATAN", "JENIS JAB"}},
	FJenjang:      {"JENJANG", []string{"JENJANG", "JENJANG JABATAN"}},
	FJabatan:      {"JABATAN", []string{"JABATAN", "NAMA JABATAN", "JABATAN AKHIR", "JABATAN NAMA", "JABATAN SEKARANG", "NAMA JABATAN AKHIR", "JBT"}},
	FTMTJabatan:   {"TMT JABATAN", []string{"TMT JABATAN", "TMT JAB", "TMT JBT", "TMT JABATAN AKHIR"}},
	FUnit:         {"UNIT KERJA", []string{"UNIT KERJA", "UNIT", "UNOR", "SATUAN KERJA", "UNOR NAMA", "NAMA UNOR", "SATKER", "UNIT ORGANISASI", "UNIT KERJA NAMA", "NAMA UNIT KERJA", "UNKER", "SUB UNIT KERJA"}},
	FPendidikan:   {"PENDIDIKAN", []string{"PENDIDIKAN", "TINGKAT PENDIDIKAN", "PENDIDIKAN TERAKHIR", "TINGKAT PENDIDIKAN NAMA", "PENDIDIKAN AKHIR", "TK PENDIDIKAN", "PEND TERAKHIR", "TINGKAT PENDIDIKAN TERAKHIR"}},
	FTahunLulus:   {"TAHUN LULUS", []string{"TAHUN LULUS", "THN LULUS", "TH LULUS", "TAHUN LULUS PENDIDIKAN"}},
	FNomorSK:      {"NO SK", []string{"NO SK", "NOMOR SK", "NOMOR SK PANGKAT", "NOMOR SK JABATAN", "NO SK PANGKAT", "NO SK JABATAN"}},
	FTanggalSK:    {"TGL SK", []string{"TGL SK", "TANGGAL SK", "TGL SK PANGKAT", "TANGGAL SK PANGKAT", "TGL SK JABATAN", "TANGGAL SK JABATAN"}},
	FJenisKP:      {"JENIS KP", []string{"JENIS KP", "JENIS KENAIKAN PANGKAT", "JENIS KP NAMA"}},
	FEselon:       {"ESELON", []string{"ESELON", "ESELON NAMA"}},
}

// Label is the field's name in the mapping screen and the report.
func (f Field) Label() string {
	if f == None {
		return "(abaikan)"
	}
	if in, ok := infos[f]; ok {
		return in.label
	}
	return string(f)
}

// Fields lists the fields a kind can import, in mapping order.
func (k Kind) Fields() []Field {
	switch k {
	case RiwayatPangkat:
		return []Field{FNIP, FNama, FGolongan, FTMTGolongan, FNomorSK, FTanggalSK, FJenisKP}
	case RiwayatJabatan:
		return []Field{FNIP, FNama, FJabatan, FJenisJabatan, FJenjang, FUnit, FTMTJabatan, FNomorSK, FTanggalSK, FEselon}
	}
	return []Field{FNIP, FNama, FGelarDepan, FGelarBelakang, FTempatLahir, FTanggalLahir, FTempatTanggal,
		FJenisKelamin, FAgama, FStatusPerkawinan, FNIK, FAlamat, FNomorHP, FEmail, FJenisPegawai, FStatus,
		FTMTCPNS, FTMTPNS, FTMTKontrak, FAkhirKontrak, FGolongan, FTMTGolongan, FJenisJabatan, FJenjang,
		FJabatan, FTMTJabatan, FUnit, FPendidikan, FTahunLulus}
}

// headerKey is how header names are compared: case, spaces, dots,
// underscores, slashes, hyphens and commas do not matter.
func headerKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case ' ', '.', '_', '/', '-', ',', '\t', '\n', '\r', '\u00a0':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// lookupHeader finds the field a header names for kind k.
func lookupHeader(k Kind, title string) Field {
	key := headerKey(title)
	if key == "" {
		return None
	}
	// In a riwayat file a bare "TMT" is the entry's TMT.
	if key == "tmt" {
		switch k {
		case RiwayatPangkat:
			return FTMTGolongan
		case RiwayatJabatan:
			return FTMTJabatan
		}
	}
	for _, f := range k.Fields() {
		for _, a := range infos[f].aliases {
			if headerKey(a) == key {
				return f
			}
		}
	}
	return None
}

// Mapping says which row holds the column titles and which field every
// column feeds (Fields[i] for column i; None skips it).
type Mapping struct {
	Header int // 0-based row index of the titles; data starts below it
	Fields []Field
}

// Field returns the field of column c.
func (m Mapping) Field(c int) Field {
	if c < 0 || c >= len(m.Fields) {
		return None
	}
	return m.Fields[c]
}

// Column returns the column a field is mapped to, or -1.
func (m Mapping) Column(f Field) int {
	for i, x := range m.Fields {
		if x == f {
			return i
		}
	}
	return -1
}

// headerScan is how many rows may sit above the titles (SIMPEG puts the
// office's name and the report title there).
const headerScan = 15

// AutoMap finds the title row (among the first 15, the one with the most
// recognised names) and maps it with MapHeader.
func AutoMap(k Kind, g Grid) Mapping {
	best, bestN := 0, 0
	for r := 0; r < len(g.Rows) && r < headerScan; r++ {
		n := 0
		for _, c := range g.Rows[r] {
			if lookupHeader(k, c.Text) != None {
				n++
			}
		}
		if n > bestN {
			best, bestN = r, n
		}
	}
	return MapHeader(k, g, best)
}

// MapHeader maps each recognised title of row header to its field (the
// user may pick another title row); a field named by two columns keeps
// the first.
func MapHeader(k Kind, g Grid, header int) Mapping {
	header = max(0, min(header, len(g.Rows)-1))
	m := Mapping{Header: header, Fields: make([]Field, g.Width())}
	if len(g.Rows) == 0 {
		m.Header = 0
		return m
	}
	seen := map[Field]bool{}
	for c, cell := range g.Rows[header] {
		f := lookupHeader(k, cell.Text)
		if f == None || seen[f] {
			continue
		}
		seen[f] = true
		m.Fields[c] = f
	}
	return m
}

// Headers returns the titles of the mapping's header row, one per column.
func (m Mapping) Headers(g Grid) []string {
	out := make([]string, g.Width())
	for c := range out {
		out[c] = strings.TrimSpace(g.cell(m.Header, c).Text)
	}
	return out
}

// Samples returns up to n non-empty values of column c below the header.
func (m Mapping) Samples(g Grid, c, n int) []string {
	var out []string
	date := m.Field(c).isDate()
	for r := m.Header + 1; r < len(g.Rows) && len(out) < n; r++ {
		cell := g.cell(r, c)
		t := strings.TrimSpace(cell.Text)
		if t == "" {
			continue
		}
		// An Excel date is a serial number ("30133"): show the date the
		// import will read, so the operator recognises the column.
		if date {
			if d, msg := parseDateCell("", cell); msg == "" && !d.IsZero() {
				t = d.String()
			}
		}
		out = append(out, t)
	}
	return out
}

// isDate reports whether the field holds a date.
func (f Field) isDate() bool {
	switch f {
	case FTanggalLahir, FTMTCPNS, FTMTPNS, FTMTKontrak, FAkhirKontrak, FTMTGolongan, FTMTJabatan, FTanggalSK:
		return true
	}
	return false
}

// Ignored names the columns no field reads that have a title or a value
// below it: the title's column letter and the title ("F «KETERANGAN»"), or
// "kolom G (tanpa judul)".
func (m Mapping) Ignored(g Grid) []string {
	var out []string
	heads := m.Headers(g)
	for c, h := range heads {
		if m.Field(c) != None {
			continue
		}
		switch {
		case h != "":
			out = append(out, ColumnName(c)+" «"+h+"»")
		case len(m.Samples(g, c, 1)) > 0:
			out = append(out, "kolom "+ColumnName(c)+" (tanpa judul)")
		}
	}
	return out
}

// ColumnName is the spreadsheet letter of column index c: A … Z, AA ….
func ColumnName(c int) string {
	s := ""
	for c++; c > 0; c = (c - 1) / 26 {
		s = string(rune('A'+(c-1)%26)) + s
	}
	return s
}

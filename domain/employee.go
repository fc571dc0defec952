package domain

import "time"

// Kind is the jenis pegawai.
type Kind int

// Jenis pegawai. Stored as these stable codes; never renumber.
const (
	KindPNS Kind = iota + 1
	KindCPNS
	KindPPPK
	KindPPPKParuhWaktu
)

// Kinds lists every jenis pegawai in display order.
func Kinds() []Kind { return []Kind{KindPNS, KindCPNS, KindPPPK, KindPPPKParuhWaktu} }

func (k Kind) String() string {
	switch k {
	case KindPNS:
		return "PNS"
	case KindCPNS:
		return "CPNS"
	case KindPPPK:
		return "PPPK"
	case KindPPPKParuhWaktu:
		return "PPPK Paruh Waktu"
	}
	return ""
}

// IsPPPK reports whether the employee is on a perjanjian kerja (NI PPPK,
// PPPK golongan I–XVII, contract dates).
func (k Kind) IsPPPK() bool { return k == KindPPPK || k == KindPPPKParuhWaktu }

// Status is the status kepegawaian.
type Status int

// Status kepegawaian codes.
const (
	StatusAktif Status = iota + 1
	StatusCLTN
	StatusDiberhentikanSementara
	StatusPensiun
	StatusPindah
	StatusMeninggal
	StatusDiberhentikan
)

// Statuses lists every status in display order.
func Statuses() []Status {
	return []Status{StatusAktif, StatusCLTN, StatusDiberhentikanSementara, StatusPensiun,
		StatusPindah, StatusMeninggal, StatusDiberhentikan}
}

func (s Status) String() string {
	switch s {
	case StatusAktif:
		return "Aktif"
	case StatusCLTN:
		return "Cuti di Luar Tanggungan Negara"
	case StatusDiberhentikanSementara:
		return "Diberhentikan Sementara"
	case StatusPensiun:
		return "Pensiun"
	case StatusPindah:
		return "Pindah"
	case StatusMeninggal:
		return "Meninggal"
	case StatusDiberhentikan:
		return "Diberhentikan"
	}
	return ""
}

// Active reports whether the employee still belongs to the office's working
// staff. CLTN and diberhentikan sementara are still on the books: they come
// back, keep their NIP and are shown in the default list.
func (s Status) Active() bool {
	return s == StatusAktif || s == StatusCLTN || s == StatusDiberhentikanSementara
}

// Gender is jenis kelamin.
type Gender int

// Jenis kelamin, numbered as NIP digit 15.
const (
	Male   Gender = 1
	Female Gender = 2
)

func (g Gender) String() string {
	switch g {
	case Male:
		return "Laki-laki"
	case Female:
		return "Perempuan"
	}
	return ""
}

// JabatanKind is the jenis jabatan (UU 20/2023).
type JabatanKind int

// Jenis jabatan codes.
const (
	JPTUtama JabatanKind = iota + 1
	JPTMadya
	JPTPratama
	Administrator
	Pengawas
	Fungsional
	Pelaksana
)

// JabatanKinds lists every jenis jabatan in display order.
func JabatanKinds() []JabatanKind {
	return []JabatanKind{JPTUtama, JPTMadya, JPTPratama, Administrator, Pengawas, Fungsional, Pelaksana}
}

func (j JabatanKind) String() string {
	switch j {
	case JPTUtama:
		return "JPT Utama"
	case JPTMadya:
		return "JPT Madya"
	case JPTPratama:
		return "JPT Pratama"
	case Administrator:
		return "Administrator"
	case Pengawas:
		return "Pengawas"
	case Fungsional:
		return "Fungsional"
	case Pelaksana:
		return "Pelaksana"
	}
	return ""
}

// Jenjang is the level of a jabatan fungsional.
type Jenjang int

// JF jenjang: keahlian then keterampilan.
const (
	AhliPertama Jenjang = iota + 1
	AhliMuda
	AhliMadya
	AhliUtama
	Pemula
	Terampil
	Mahir
	Penyelia
)

// Jenjangs lists every jenjang in display order.
func Jenjangs() []Jenjang {
	return []Jenjang{AhliPertama, AhliMuda, AhliMadya, AhliUtama, Pemula, Terampil, Mahir, Penyelia}
}

func (j Jenjang) String() string {
	switch j {
	case AhliPertama:
		return "Ahli Pertama"
	case AhliMuda:
		return "Ahli Muda"
	case AhliMadya:
		return "Ahli Madya"
	case AhliUtama:
		return "Ahli Utama"
	case Pemula:
		return "Pemula"
	case Terampil:
		return "Terampil"
	case Mahir:
		return "Mahir"
	case Penyelia:
		return "Penyelia"
	}
	return ""
}

// Agama options, as SIASN lists them.
func Agamas() []string {
	return []string{"Islam", "Kristen", "Katolik", "Hindu", "Buddha", "Khonghucu", "Lainnya"}
}

// MaritalStatuses lists status perkawinan options.
func MaritalStatuses() []string {
	return []string{"Belum Kawin", "Kawin", "Cerai Hidup", "Cerai Mati"}
}

// EducationLevels lists tingkat pendidikan, lowest first.
func EducationLevels() []string {
	return []string{"SD", "SLTP", "SLTA", "D-I", "D-II", "D-III", "D-IV", "S1", "S2", "S3"}
}

// Employee is one ASN profile. The NIP field holds the NIP for PNS/CPNS and
// the NI PPPK for PPPK, always as 18 bare digits.
type Employee struct {
	ID   uint64
	Kind Kind

	// Identitas
	Nama             string
	GelarDepan       string
	GelarBelakang    string
	TempatLahir      string
	TanggalLahir     Date
	JenisKelamin     Gender
	Agama            string
	StatusPerkawinan string
	NIK              string
	Alamat           string
	NomorHP          string
	Email            string

	// Kepegawaian
	NIP          string
	Status       Status
	TMTCPNS      Date   // PNS/CPNS
	TMTPNS       Date   // PNS
	TMTKontrak   Date   // PPPK: start of the current perjanjian kerja
	AkhirKontrak Date   // PPPK: end of the current perjanjian kerja
	Golongan     string // "III/b" for PNS/CPNS, "IX" for PPPK
	JenisJabatan JabatanKind
	Jenjang      Jenjang // only for Fungsional
	NamaJabatan  string
	UnitID       uint64
	AtasanID     uint64 // atasan langsung, another employee; 0 = none
	Pendidikan   string // pendidikan terakhir: one of EducationLevels
	BUPOverride  int    // batas usia pensiun typed for this employee; 0 = from the grid

	Created time.Time
	Updated time.Time
}

// FullName is the name with gelar as written in letters:
// "Dr. Siti Aminah, S.Kom., M.T.".
func (e Employee) FullName() string { return FullName(e.GelarDepan, e.Nama, e.GelarBelakang) }

// FullName joins gelar depan, nama and gelar belakang.
func FullName(depan, nama, belakang string) string {
	s := nama
	if depan != "" {
		s = depan + " " + s
	}
	if belakang != "" {
		s += ", " + belakang
	}
	return s
}

// Row is the compact list entry of an employee: what the register shows and
// filters on, kept separately by the store so that opening the list never
// decodes whole profiles.
type Row struct {
	ID          uint64
	Kind        Kind
	Status      Status
	NIP         string
	Nama        string // with gelar
	NamaJabatan string
	Golongan    string
	UnitID      uint64
	AtasanID    uint64 // atasan langsung; lets the store filter the list for a Penilai
}

// RowOf derives the list row from a profile.
func RowOf(e Employee) Row {
	return Row{ID: e.ID, Kind: e.Kind, Status: e.Status, NIP: e.NIP, Nama: e.FullName(),
		NamaJabatan: e.NamaJabatan, Golongan: e.Golongan, UnitID: e.UnitID, AtasanID: e.AtasanID}
}

// Unit is one unit kerja of the office.
type Unit struct {
	ID   uint64
	Name string
}

// Office is the instansi the database belongs to.
type Office struct {
	Name string
	Demo bool // the demo office: shown as "DATA CONTOH" everywhere
}

package domain

import "time"

// RiwayatKind names one of the profile's history lists (SIASN's rw_*).
type RiwayatKind string

// The riwayat lists. Stored as these codes.
const (
	RwPangkat     RiwayatKind = "pangkat"
	RwJabatan     RiwayatKind = "jabatan"
	RwPendidikan  RiwayatKind = "pendidikan"
	RwDiklat      RiwayatKind = "diklat"
	RwPenghargaan RiwayatKind = "penghargaan"
	RwHukdis      RiwayatKind = "hukdis"
	RwKeluarga    RiwayatKind = "keluarga"
	RwGaji        RiwayatKind = "gaji"
	RwCuti        RiwayatKind = "cuti"
	RwAngkaKredit RiwayatKind = "angka_kredit"
	RwOrganisasi  RiwayatKind = "organisasi"
	RwMasaKerja   RiwayatKind = "masa_kerja" // peninjauan masa kerja
)

// RiwayatKinds lists the kinds in the order the profile shows them.
func RiwayatKinds() []RiwayatKind {
	return []RiwayatKind{RwPangkat, RwJabatan, RwPendidikan, RwDiklat, RwPenghargaan, RwHukdis,
		RwKeluarga, RwGaji, RwCuti, RwAngkaKredit, RwOrganisasi, RwMasaKerja}
}

// Label is the Indonesian title of the list.
func (k RiwayatKind) Label() string {
	switch k {
	case RwPangkat:
		return "Riwayat pangkat/golongan"
	case RwJabatan:
		return "Riwayat jabatan"
	case RwPendidikan:
		return "Riwayat pendidikan"
	case RwDiklat:
		return "Diklat dan kursus"
	case RwPenghargaan:
		return "Penghargaan"
	case RwHukdis:
		return "Hukuman disiplin"
	case RwKeluarga:
		return "Keluarga"
	case RwGaji:
		return "Gaji berkala"
	case RwCuti:
		return "Cuti"
	case RwAngkaKredit:
		return "Angka kredit"
	case RwOrganisasi:
		return "Organisasi"
	case RwMasaKerja:
		return "Peninjauan masa kerja"
	}
	return string(k)
}

// Riwayat is one entry of one list. Exactly one of the pointer fields is
// set, matching Kind; the store keeps entries under employee and kind.
type Riwayat struct {
	ID         uint64
	EmployeeID uint64
	Kind       RiwayatKind

	Pangkat     *RwPangkatData
	Jabatan     *RwJabatanData
	Pendidikan  *RwPendidikanData
	Diklat      *RwDiklatData
	Penghargaan *RwPenghargaanData
	Hukdis      *RwHukdisData
	Keluarga    *RwKeluargaData
	Gaji        *RwGajiData
	Cuti        *RwCutiData
	AngkaKredit *RwAngkaKreditData
	Organisasi  *RwOrganisasiData
	MasaKerja   *RwMasaKerjaData

	Created, Updated time.Time
}

// RwPangkatData is a riwayat pangkat/golongan entry.
type RwPangkatData struct {
	Golongan  string // "III/b" or PPPK "IX"
	TMT       Date
	NomorSK   string
	TanggalSK Date
	JenisKP   string // Reguler, Pilihan, …; see JenisKenaikanPangkat
	MKGTahun  int    // masa kerja golongan at this TMT
	MKGBulan  int
}

// RwJabatanData is a riwayat jabatan entry.
type RwJabatanData struct {
	Jenis     JabatanKind
	Jenjang   Jenjang
	Nama      string
	UnitID    uint64
	TMT       Date
	NomorSK   string
	TanggalSK Date
	Eselon    string // where it applies, e.g. "III.a"
}

// RwPendidikanData is a riwayat pendidikan entry.
type RwPendidikanData struct {
	Tingkat     string // one of EducationLevels
	Jurusan     string
	NamaSekolah string
	TahunLulus  int
	NomorIjazah string
	Gelar       string
}

// RwDiklatData is a diklat or kursus.
type RwDiklatData struct {
	Jenis           string // Struktural/Kepemimpinan, Fungsional, Teknis, Kursus
	Nama            string
	Penyelenggara   string
	Mulai, Selesai  Date
	JamPelajaran    int
	NomorSertifikat string
}

// RwPenghargaanData is a penghargaan / tanda jasa.
type RwPenghargaanData struct {
	Jenis     string
	Tahun     int
	NomorSK   string
	TanggalSK Date
}

// RwHukdisData is a hukuman disiplin (PP 94/2021). The end date is
// computed from Mulai and MasaBulan, never typed.
type RwHukdisData struct {
	Tingkat   string // Ringan, Sedang, Berat
	Jenis     string // exact PP 94/2021 text
	Alasan    string
	NomorSK   string
	TanggalSK Date
	Mulai     Date
	MasaBulan int // 0 for sanctions without a period (teguran)
}

// RwKeluargaData is a family member.
type RwKeluargaData struct {
	Hubungan     string // Suami, Istri, Anak, Ayah, Ibu
	Nama         string
	NIK          string
	TanggalLahir Date
	JenisKelamin Gender
	StatusAnak   string // Kandung, Tiri, Angkat (anak only)
	TanggalNikah Date   // pasangan only
	AktaNikah    string
	Pekerjaan    string
	Tunjangan    bool // masuk daftar gaji (tunjangan keluarga)
}

// RwGajiData is a kenaikan gaji berkala (or other gaji change).
type RwGajiData struct {
	TMT       Date
	GajiLama  int64 // rupiah, as typed
	GajiBaru  int64
	NomorSK   string
	TanggalSK Date
	MKGTahun  int
	MKGBulan  int
}

// RwCutiData is a cuti taken (PP 11/2017).
type RwCutiData struct {
	Jenis     string // CT, CB, CS, CM, CKAP, CLTN, CBS (bersama)
	Mulai     Date
	Selesai   Date
	LamaHari  int // working days, for CT/CS/CKAP
	LamaBulan int // months, for CB/CM/CLTN
	Alasan    string
	Alamat    string // alamat selama cuti
}

// RwAngkaKreditData is a PAK for a jabatan fungsional. AK is kept in
// thousandths so that 18,75 and 28,125 stay exact.
type RwAngkaKreditData struct {
	Jenis          string // Pertama, Integrasi, Konversi, Kumulatif
	PeriodeMulai   Date
	PeriodeSelesai Date
	AKMilli        int64 // 18,75 → 18750
	NomorPAK       string
}

// RwOrganisasiData is membership of an organisation.
type RwOrganisasiData struct {
	Nama         string
	Jabatan      string
	TahunMulai   int
	TahunSelesai int // 0: still a member
}

// RwMasaKerjaData is a peninjauan masa kerja: years and months added to the
// masa kerja (and, when Golongan is set, to the masa kerja golongan).
type RwMasaKerjaData struct {
	TMT       Date
	Tahun     int
	Bulan     int
	NomorSK   string
	TanggalSK Date
	Golongan  bool // also counts for masa kerja golongan
}

// UnitNode is a unit kerja in the organisation tree (instansi → unit kerja
// → sub-unit, up to MaxUnitDepth levels).
type UnitNode struct {
	Unit
	ParentID uint64 // 0 for the top
	HeadID   uint64 // kepala unit (an employee); 0 when vacant
}

// MaxUnitDepth is the deepest level of the unit tree.
const MaxUnitDepth = 4

// AtasanEntry is one line of the atasan map of a year: who rates whom.
type AtasanEntry struct {
	Year            int
	EmployeeID      uint64
	AtasanID        uint64 // pejabat penilai kinerja (atasan langsung); 0 at the top
	AtasanPenilaiID uint64 // atasan pejabat penilai; 0 when none
	Override        bool   // typed by the operator, not derived
}

// ReminderKind is what falls due.
type ReminderKind string

// Reminder kinds.
const (
	RemKGB       ReminderKind = "KGB"
	RemKP        ReminderKind = "Kenaikan pangkat"
	RemPensiun   ReminderKind = "Pensiun"
	RemKontrak   ReminderKind = "Kontrak PPPK berakhir"
	RemHukdis    ReminderKind = "Hukuman selesai"
	RemCutiBesar ReminderKind = "Hak cuti besar"
)

// Reminder is one row of the Pengingat screen.
type Reminder struct {
	Kind       ReminderKind
	EmployeeID uint64
	Date       Date
	Rule       string   // the rule that produced it, in Indonesian
	Notes      []string // reasons for "not yet" or warnings (KP)
	Terlambat  bool     // due before today and not yet acted on (no riwayat recorded)
}

// HasData reports whether r carries the data object of its kind and no
// other: what the store checks before writing and a print checks before
// reading a possibly damaged entry.
func (r Riwayat) HasData() bool {
	set := 0
	for _, p := range []bool{r.Pangkat != nil, r.Jabatan != nil, r.Pendidikan != nil, r.Diklat != nil,
		r.Penghargaan != nil, r.Hukdis != nil, r.Keluarga != nil, r.Gaji != nil, r.Cuti != nil,
		r.AngkaKredit != nil, r.Organisasi != nil, r.MasaKerja != nil} {
		if p {
			set++
		}
	}
	if set != 1 {
		return false
	}
	switch r.Kind {
	case RwPangkat:
		return r.Pangkat != nil
	case RwJabatan:
		return r.Jabatan != nil
	case RwPendidikan:
		return r.Pendidikan != nil
	case RwDiklat:
		return r.Diklat != nil
	case RwPenghargaan:
		return r.Penghargaan != nil
	case RwHukdis:
		return r.Hukdis != nil
	case RwKeluarga:
		return r.Keluarga != nil
	case RwGaji:
		return r.Gaji != nil
	case RwCuti:
		return r.Cuti != nil
	case RwAngkaKredit:
		return r.AngkaKredit != nil
	case RwOrganisasi:
		return r.Organisasi != nil
	case RwMasaKerja:
		return r.MasaKerja != nil
	}
	return false
}

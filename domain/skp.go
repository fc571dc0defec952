package domain

import "time"

// SKP, dialog kinerja and evaluasi (PermenPANRB 6/2022). This file holds
// the types and their exact labels; the rules (workflow, predikat,
// distribution, AK, carry-over) live in skp_rules.go and friends. Codes are
// stable storage values; never renumber.

// Pendekatan is "Pendekatan Hasil Kerja Kuantitatif/Kualitatif" (K1: per
// SKP for every jabatan, kuantitatif the default).
type Pendekatan int

const (
	Kuantitatif Pendekatan = iota + 1 // "Kuantitatif"
	Kualitatif                        // "Kualitatif"
)

// SKPStatus is where an SKP stands in perencanaan.
type SKPStatus int

const (
	SKPDraft        SKPStatus = iota + 1 // "Draft"
	SKPDiajukan                          // "Diajukan"
	SKPDisetujui                         // "Disetujui"
	SKPDikembalikan                      // "Dikembalikan"
)

// RHKKategori is UTAMA or TAMBAHAN.
type RHKKategori int

const (
	RHKUtama    RHKKategori = iota + 1 // "Utama"
	RHKTambahan                        // "Tambahan"
)

// Aspek is an aspect of a kuantitatif indicator.
type Aspek int

const (
	AspekKuantitas Aspek = iota + 1 // "Kuantitas"
	AspekKualitas                   // "Kualitas"
	AspekWaktu                      // "Waktu"
	AspekBiaya                      // "Biaya" (optional)
)

// Rating is rating hasil kerja or rating perilaku kerja. The zero value
// means "not rated yet".
type Rating int

const (
	DiBawah Rating = iota + 1 // "Di Bawah Ekspektasi" (DIBAWAH)
	Sesuai                    // "Sesuai Ekspektasi" (SESUAI)
	DiAtas                    // "Di Atas Ekspektasi" (DIATAS)
)

// Predikat is the predikat kinerja pegawai; the string is the storage code.
type Predikat string

const (
	SangatBaik     Predikat = "SANGAT_BAIK"     // "Sangat Baik"
	Baik           Predikat = "BAIK"            // "Baik"
	ButuhPerbaikan Predikat = "BUTUH_PERBAIKAN" // "Butuh Perbaikan"
	Kurang         Predikat = "KURANG"          // "Kurang/Misconduct"
	SangatKurang   Predikat = "SANGAT_KURANG"   // "Sangat Kurang"
)

// OrgPredikat is the predikat kinerja organisasi of a unit for a year.
type OrgPredikat string

const (
	OrgIstimewa       OrgPredikat = "ISTIMEWA"        // "Istimewa"
	OrgBaik           OrgPredikat = "BAIK"            // "Baik"
	OrgButuhPerbaikan OrgPredikat = "BUTUH_PERBAIKAN" // "Butuh Perbaikan"
	OrgKurang         OrgPredikat = "KURANG"          // "Kurang"
	OrgSangatKurang   OrgPredikat = "SANGAT_KURANG"   // "Sangat Kurang"
)

// Frequency is the office's periodic evaluation cycle (K8).
type Frequency string

const (
	Bulanan    Frequency = "BULANAN"    // 12 periods a year
	Triwulanan Frequency = "TRIWULANAN" // Triwulan I–IV; the default
)

// PersonSnapshot is a person as copied into an SKP or an evaluation: the
// SKP prints what was true when it was made, not what the profile says
// later (domain.md §4.2: "copied into the SKP, not linked").
type PersonSnapshot struct {
	EmployeeID uint64
	Nama       string // with gelar
	NIP        string
	Golongan   string // "III/b" or PPPK "IX"
	Pangkat    string // "Penata Muda Tingkat I"; empty for PPPK
	Jabatan    string
	Unit       string
	UnitID     uint64
	JF         bool    // jabatan fungsional: AK applies
	Jenjang    Jenjang // for the AK koefisien
}

// SKP is one employee's sasaran kinerja for one period.
type SKP struct {
	ID            uint64
	EmployeeID    uint64
	Year          int
	Start, End    Date // periode penilaian; default 1 Januari – 31 Desember
	Pendekatan    Pendekatan
	Status        SKPStatus
	Pegawai       PersonSnapshot // pegawai yang dinilai
	Penilai       PersonSnapshot // pejabat penilai kinerja; EmployeeID 0 when none
	AtasanPenilai PersonSnapshot // atasan pejabat penilai kinerja
	RHK           []RHK
	Ekspektasi    [7]string // ekspektasi khusus pimpinan, per core value in BerAKHLAK order
	Lampiran      Lampiran
	ReturnNote    string // the penilai's note when Dikembalikan
	Revision      int    // 0 for the first approved version; +1 for each recorded revision
	RevisionNote  string // why the current revision was opened
	NextRHKID     uint64 // ids of RHK and indicators inside this SKP, never reused
	Submitted     time.Time
	Approved      time.Time
	Created       time.Time
	Updated       time.Time
}

// RHK is a rencana hasil kerja with its indicators.
type RHK struct {
	ID       uint64 // unique inside the SKP
	Kategori RHKKategori
	// The RHK atasan yang diintervensi: chosen from the penilai's SKP of
	// the same period (SKP and RHK id, text copied), or typed when the
	// penilai has none in asndesk (ids 0).
	IntervensiSKPID uint64
	IntervensiRHKID uint64
	Intervensi      string
	Text            string // rencana hasil kerja
	PenugasanDari   string
	Indikator       []Indikator
}

// Indikator is an indikator kinerja individu (IKI) with its target.
type Indikator struct {
	ID     uint64
	Aspek  Aspek  // kuantitatif; 0 for kualitatif
	IKI    string // the indicator text
	Target string // a number ("12", "100", "2,5") for kuantitatif, text for kualitatif
	Satuan string // "Dokumen", "%", "Bulan"; empty for a descriptive target
}

// Lampiran are the three lists at the end of an SKP.
type Lampiran struct {
	DukunganSumberDaya      []string
	SkemaPertanggungjawaban []string
	Konsekuensi             []string
}

// SKPRevision is an earlier version of an approved SKP, kept when a
// revision is opened.
type SKPRevision struct {
	SKPID    uint64
	Revision int // the revision number the kept version had
	Time     time.Time
	By       string // the actor's label
	Reason   string
	SKP      SKP // the version as it was
}

// PeriodWork is the rencana aksi and realisasi of one RHK in one
// evaluation period (Period 1..12 for bulanan, 1..4 for triwulanan).
type PeriodWork struct {
	ID          uint64
	SKPID       uint64
	RHKID       uint64
	Period      int
	RencanaAksi string
	Target      string // target of the rencana aksi, e.g. "1 Dokumen"
	Realisasi   string
	Bukti       []Bukti
	Updated     time.Time
}

// BuktiKind tells a file from a reference.
type BuktiKind int

const (
	BuktiFile      BuktiKind = iota + 1 // a copy of a file kept by asndesk
	BuktiReferensi                      // nomor dokumen or link, no file
)

// Bukti is one bukti dukung of a realisasi. A file's bytes are kept in
// the database (one file holds everything the office has; backups and the
// integrity check cover them) and verified against SHA256 on every read.
type Bukti struct {
	ID       uint64
	Kind     BuktiKind
	Name     string // original file name, or the reference's title
	Size     int64
	SHA256   string // hex
	Added    time.Time
	Ref      string // nomor dokumen or link (BuktiReferensi)
	AddedBy  string
	Contents []byte `json:"-"` // only when reading one bukti's file
}

// FeedbackTarget is what an umpan balik is about: an RHK, or a core value
// (1..7, BerAKHLAK order).
type FeedbackTarget struct {
	RHKID uint64
	Value int
}

// Feedback is one entry of umpan balik berkelanjutan. The log is
// append-only: an edit keeps the earlier texts in History.
type Feedback struct {
	ID         uint64
	SKPID      uint64
	Target     FeedbackTarget
	Period     int    // evaluation period it belongs to; 0 when none
	AuthorID   uint64 // employee id of the writer; 0 for an Admin account without one
	AuthorName string
	ByPegawai  bool   // a reply by the pegawai yang dinilai
	ReplyTo    uint64 // the entry answered, 0 when none
	Text       string
	Time       time.Time
	History    []FeedbackVersion // earlier texts, oldest first
}

// FeedbackVersion is an earlier text of a feedback entry.
type FeedbackVersion struct {
	Text string
	Time time.Time
	By   string
}

// DialogKind is the kind of a dialog kinerja session.
type DialogKind string

const (
	DialogKlarifikasi DialogKind = "KLARIFIKASI" // "Klarifikasi ekspektasi"
	DialogUmpanBalik  DialogKind = "UMPAN_BALIK" // "Umpan balik berkala"
	DialogCoaching    DialogKind = "COACHING"    // "Coaching"
	DialogMentoring   DialogKind = "MENTORING"   // "Mentoring"
	DialogKonseling   DialogKind = "KONSELING"   // "Konseling"
	DialogEvaluasi    DialogKind = "EVALUASI"    // "Evaluasi"
)

// KesepakatanStatus is how an agreed action stands.
type KesepakatanStatus int

const (
	KesepakatanBelum         KesepakatanStatus = iota + 1 // "Belum"
	KesepakatanTercapai                                   // "Tercapai"
	KesepakatanTidakTercapai                              // "Tidak tercapai"
)

// Kesepakatan is an agreed action of a dialog.
type Kesepakatan struct {
	ID     uint64 // unique inside the SKP's dialogs; kept when carried
	Text   string
	Owner  string
	Due    Date
	Status KesepakatanStatus
	// CarriedFrom is the dialog the agreement was first made in; 0 when
	// made in this dialog. Carried counts how many times it was carried.
	CarriedFrom uint64
	Carried     int
}

// Dialog is one dialog kinerja session of an SKP.
type Dialog struct {
	ID          uint64
	SKPID       uint64
	Date        Date
	Kind        DialogKind
	Peserta     []string
	Topics      []FeedbackTarget // RHK or core values discussed
	Notes       string
	Kesepakatan []Kesepakatan
	NextDate    Date // next dialog; feeds Pengingat
	Created     time.Time
	Updated     time.Time
}

// EvalKind tells periodic from annual evaluation.
type EvalKind int

const (
	EvalPeriodik EvalKind = iota + 1 // bulanan or triwulanan
	EvalTahunan                      // siklus penuh
)

// Evaluasi is the rating of an SKP for one period (or the year).
type Evaluasi struct {
	ID             uint64
	SKPID          uint64
	EmployeeID     uint64
	Year           int
	Kind           EvalKind
	Frequency      Frequency // of a periodic evaluation
	Period         int       // 1..12 or 1..4; 0 for tahunan
	RatingHasil    Rating
	RatingPerilaku Rating
	Predikat       Predikat // from the matrix, never typed; "" until both ratings are set
	Catatan        string
	Final          bool
	FinalAt        time.Time
	FinalBy        string
	// Snapshot at finalisation: who rated, and the pegawai's jabatan,
	// unit and golongan at that time.
	Snapshot struct {
		Penilai PersonSnapshot
		Pegawai PersonSnapshot
	}
	AK      AngkaKredit // JF only; zero otherwise
	Unlocks []Unlock    // Admin unlocks, each with a reason
	Updated time.Time
}

// Unlock records an Admin reopening a final evaluation.
type Unlock struct {
	Time   time.Time
	By     string
	Reason string
}

// AngkaKredit is the AK of a period as an exact fraction: koefisien ×
// persentase × months / 12 (K10: exact, shown with a comma).
type AngkaKredit struct {
	Num, Den int64 // Den 0: none
	Months   int
}

// OrgRating is the predikat kinerja organisasi of a unit for a year.
type OrgRating struct {
	Year     int
	UnitID   uint64
	Predikat OrgPredikat
	Capaian  string // optional % capaian as typed (K6)
	By       string
	Time     time.Time
}

// SKPSettings are the office's settings of the performance cycle.
type SKPSettings struct {
	Frequency    Frequency
	BuktiMaxSize int64 // bytes per bukti file
	// HeadRating maps the unit predikat to its head's rating hasil kerja
	// (K5, editable).
	HeadRating map[OrgPredikat]Rating
	// RoundNearest rounds the distribution pattern's limits to the nearest
	// person instead of K4's default (maxima down, minima up), which a
	// small unit may prefer: with the default a one-person Baik unit can
	// never meet "paling banyak 70% Baik".
	RoundNearest bool
}

// SKPRow is the compact summary of an SKP that lists and Monitoring read
// without decoding the whole plan.
type SKPRow struct {
	SKPID      uint64
	EmployeeID uint64
	Year       int
	Start, End Date
	Status     SKPStatus
	PenilaiID  uint64
	// AtasanPenilaiID is the atasan pejabat penilai (reads the SKP).
	AtasanPenilaiID uint64
	UnitID          uint64
	RHKCount        int
	Periodik        map[int]Predikat // predikat of each final periodic evaluation, by period
	Predikat        Predikat         // final annual predikat; "" when none
	LastDialog      Date
	NextDialog      Date
	// Names as copied into the SKP, so a list can name a penilai the
	// reader may not see the profile of.
	PegawaiNama string
	PenilaiNama string
}

// SKPFile is everything of one SKP the SKP screen shows, read in one
// transaction.
type SKPFile struct {
	SKP       SKP
	Work      []PeriodWork  // by RHK, then period
	Feedback  []Feedback    // oldest first
	Dialogs   []Dialog      // by date
	Evals     []Evaluasi    // periodic by period, then the annual one
	Revisions []SKPRevision // oldest first
}

// RHKRef is an RHK of another SKP offered as the RHK atasan yang
// diintervensi.
type RHKRef struct {
	SKPID uint64
	RHKID uint64
	Text  string
	Owner string // the penilai's name
}

// SKPAction is a step of the SKP workflow.
type SKPAction int

const (
	ActSubmit  SKPAction = iota + 1 // Pegawai: Draft/Dikembalikan → Diajukan
	ActApprove                      // Penilai: Diajukan → Disetujui
	ActReturn                       // Penilai: Diajukan → Dikembalikan, with a note
	ActRevise                       // Disetujui → Draft as a recorded revision, with a reason
)

// KinerjaDemo is the demo office's performance cycle, loaded in one go.
type KinerjaDemo struct {
	SKPs      []SKP
	Work      []PeriodWork
	Feedback  []Feedback
	Dialogs   []Dialog
	Evals     []Evaluasi
	Org       []OrgRating
	Revisions []SKPRevision
}

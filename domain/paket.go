package domain

import (
	"strconv"
	"strings"
	"time"
)

// The hand-over packet (paket serah terima): one encrypted file holding a
// slice of an office's data, which another asndesk verifies and merges.
// These types are shared by the store (which builds and reads packets) and
// the screens (which show them); the format itself is store/PAKET.md.

// Packet contents ("isi"): what a packet holds.
const (
	PaketPegawai = "pegawai" // employee profiles and their riwayat (optionally of one unit)
	PaketKinerja = "kinerja" // one year's SKPs with everything under them (optionally of one unit)
	PaketMerit   = "merit"   // one penilaian mandiri sistem merit with its evidence
)

// PaketKinds lists the contents in menu order.
var PaketKinds = []string{PaketPegawai, PaketKinerja, PaketMerit}

// PaketKindLabel is the label of a packet's contents as the screens show it.
func PaketKindLabel(kind string) string {
	switch kind {
	case PaketPegawai:
		return "Data pegawai dan riwayat"
	case PaketKinerja:
		return "Kinerja (SKP dan evaluasi) satu tahun"
	case PaketMerit:
		return "Penilaian mandiri sistem merit"
	}
	return kind
}

// PaketSlice chooses what a packet holds: Kind, and for PaketKinerja the
// Year; UnitID (0: every unit) narrows pegawai and kinerja; MeritID is the
// assessment of PaketMerit.
type PaketSlice struct {
	Kind    string
	Year    int
	UnitID  uint64
	MeritID uint64
}

// PaketPart is one file inside a packet, as the manifest lists it.
type PaketPart struct {
	Name   string
	Size   int64
	SHA256 string // hex
}

// PaketManifest describes a packet: where it comes from, what it holds
// and the SHA-256 of every part.
type PaketManifest struct {
	Format     string // "asndesk-paket"
	Version    int
	Created    time.Time
	Office     string // the sending office
	AppVersion string // asndesk version that wrote it
	Kind       string // PaketPegawai, PaketKinerja, PaketMerit
	Year       int    // kinerja: the year; merit: the assessment's year
	Unit       string // the unit it was narrowed to ("" for all)
	Counts     map[string]int
	Parts      []PaketPart
	// File is where CreatePaketFile wrote the packet (a free name next to
	// the one asked for when that one exists); not part of the file.
	File string
}

// paketCounts are the manifest counts in the order and words the screens
// use.
var paketCounts = []struct{ key, word string }{
	{"pegawai", "pegawai"}, {"riwayat", "entri riwayat"}, {"skp", "SKP"}, {"merit", "penilaian merit"},
	{"unit", "unit kerja"}, {"bukti", "berkas bukti"},
}

// CountsText is what the packet holds in words, e.g. "31 pegawai, 29 SKP,
// 6 unit kerja, 12 berkas bukti"; "kosong" when it holds nothing.
func (m PaketManifest) CountsText() string {
	var parts []string
	for _, c := range paketCounts {
		if n := m.Counts[c.key]; n > 0 {
			parts = append(parts, strconv.Itoa(n)+" "+c.word)
		}
	}
	if len(parts) == 0 {
		return "kosong"
	}
	return strings.Join(parts, ", ")
}

// Description is a one-line summary of what the packet holds.
func (m PaketManifest) Description() string {
	s := PaketKindLabel(m.Kind)
	if m.Year != 0 {
		s += " " + itoa(m.Year)
	}
	if m.Unit != "" {
		s += ", unit " + m.Unit
	}
	return s
}

// PaketStatus is how a packet's record compares with the local data.
type PaketStatus int

const (
	PaketBaru      PaketStatus = iota + 1 // not here yet: added on apply
	PaketSama                             // identical: nothing to do
	PaketBerbeda                          // conflict: both differ; local kept unless taken
	PaketLebihBaru                        // conflict where the local copy changed later than the packet's
)

// String is the label the screens and the headless report show.
func (s PaketStatus) String() string {
	switch s {
	case PaketBaru:
		return "Baru"
	case PaketSama:
		return "Sama"
	case PaketBerbeda:
		return "Berbeda"
	case PaketLebihBaru:
		return "Lebih baru di sini"
	}
	return ""
}

// Conflict reports whether applying the packet's version needs a choice.
func (s PaketStatus) Conflict() bool { return s == PaketBerbeda || s == PaketLebihBaru }

// PaketDiff is one change that taking the packet's version makes: a field
// (labelled as the screens label it) with the local value and the
// packet's, both as shown on screen (dates DD-MM-YYYY); or, with Old and
// New empty, a whole change in words (a riwayat entry added or removed).
type PaketDiff struct {
	Field    string
	Old, New string
}

// Text is the difference on one line: `Golongan: «IV/c» → «IV/a»`.
func (d PaketDiff) Text() string {
	if d.Old == "" && d.New == "" {
		return d.Field
	}
	show := func(v string) string {
		if v == "" {
			return "(kosong)"
		}
		return "«" + strings.NewReplacer("\n", " ", "\r", " ").Replace(v) + "»"
	}
	return d.Field + ": " + show(d.Old) + " → " + show(d.New)
}

// PaketItem is one record of a packet in a preview. Key is stable for one
// packet and data file (the key of the take map of an apply). Diffs are
// what taking the packet's version changes here; Notes say what of the
// packet is not used even then (a profile's golongan, jabatan and
// pendidikan follow the riwayat).
type PaketItem struct {
	Key    string
	Entity string // "unit", "pegawai", "riwayat", "skp", "merit", "instrumen"
	Label  string
	Status PaketStatus
	Diffs  []PaketDiff // conflicts only
	Notes  []string
}

// PaketPlan is the preview of a packet against a data file. Payload is the
// decoded packet, opaque to everyone but the store that made the plan.
type PaketPlan struct {
	Manifest PaketManifest
	Items    []PaketItem
	Payload  any
}

// Count returns how many items have status st.
func (p PaketPlan) Count(st PaketStatus) int {
	n := 0
	for _, it := range p.Items {
		if it.Status == st {
			n++
		}
	}
	return n
}

// PaketSummary is what an apply did.
type PaketSummary struct {
	Added     int // new records
	Replaced  int // conflicts where the packet's version was taken
	KeptLocal int // conflicts left as they are here
	Same      int // records already identical
	Bukti     int // evidence files written
}

// paketLabels are the screens' labels of the fields of the export shape
// (EXPORT.md) that a packet preview can name: the employee form's, the
// riwayat forms', and the SKP and merit screens' words. A key missing here
// is shown as words, never as a JSON key.
var paketLabels = map[string]string{
	// Employee profile.
	"jenis_pegawai": "Jenis pegawai", "nama": "Nama", "gelar_depan": "Gelar depan", "gelar_belakang": "Gelar belakang",
	"tempat_lahir": "Tempat lahir", "tanggal_lahir": "Tanggal lahir", "jenis_kelamin": "Jenis kelamin", "agama": "Agama",
	"status_perkawinan": "Status perkawinan", "nik": "NIK", "alamat": "Alamat", "nomor_hp": "Nomor HP", "email": "Email",
	"nip": "NIP", "status": "Status", "tmt_cpns": "TMT CPNS", "tmt_pns": "TMT PNS", "tmt_kontrak": "TMT perjanjian kerja",
	"akhir_kontrak": "Akhir perjanjian kerja", "golongan": "Golongan", "jenis_jabatan": "Jenis jabatan", "jenjang": "Jenjang",
	"nama_jabatan": "Nama jabatan", "unit": "Unit kerja", "atasan": "Atasan langsung",
	"pendidikan_terakhir": "Pendidikan terakhir", "bup_override": "BUP khusus (tahun)",
	// Riwayat (data of an entry).
	"tmt": "TMT", "nomor_sk": "Nomor SK", "tanggal_sk": "Tanggal SK", "jenis_kp": "Jenis kenaikan pangkat",
	"mkg_tahun": "Masa kerja gol. (tahun)", "mkg_bulan": "Masa kerja gol. (bulan)", "eselon": "Eselon",
	"tingkat": "Tingkat", "jurusan": "Jurusan", "nama_sekolah": "Nama sekolah/PT", "tahun_lulus": "Tahun lulus",
	"nomor_ijazah": "Nomor ijazah", "gelar": "Gelar", "jenis": "Jenis", "penyelenggara": "Penyelenggara",
	"mulai": "Tanggal mulai", "selesai": "Tanggal selesai", "jam_pelajaran": "Jam pelajaran",
	"nomor_sertifikat": "Nomor sertifikat", "tahun": "Tahun", "alasan": "Alasan", "masa_bulan": "Masa hukuman (bulan)",
	"hubungan": "Hubungan", "status_anak": "Status anak", "tanggal_nikah": "Tanggal nikah", "akta_nikah": "Nomor akta nikah",
	"pekerjaan": "Pekerjaan", "tunjangan": "Dapat tunjangan", "gaji_lama": "Gaji pokok lama (Rp)",
	"gaji_baru": "Gaji pokok baru (Rp)", "lama_hari": "Lama (hari kerja)", "lama_bulan": "Lama (bulan)",
	"periode_mulai": "Periode mulai", "periode_selesai": "Periode selesai", "ak_milli": "Angka kredit",
	"nomor_pak": "Nomor PAK", "jabatan": "Jabatan", "tahun_mulai": "Tahun mulai", "tahun_selesai": "Tahun selesai",
	"bulan": "Bulan",
	// SKP and merit.
	"year": "Tahun", "periode": "Periode penilaian", "nama_periode": "Nama periode", "pendekatan": "Pendekatan",
	"pegawai": "Pegawai", "penilai": "Pejabat penilai", "atasan_penilai": "Atasan pejabat penilai", "pangkat": "Pangkat",
	"rhk": "RHK", "rencana_hasil_kerja": "Rencana hasil kerja", "indikator": "Indikator", "iki": "IKI",
	"target": "Target", "satuan": "Satuan", "aspek": "Aspek", "ukuran": "Ukuran", "intervensi": "Intervensi",
	"penugasan_dari": "Penugasan dari", "perilaku": "Perilaku kerja", "ekspektasi": "Ekspektasi",
	"lampiran": "Lampiran", "dukungan_sumber_daya": "Dukungan sumber daya",
	"skema_pertanggungjawaban": "Skema pertanggungjawaban", "konsekuensi": "Konsekuensi",
	"realisasi": "Realisasi", "bukti": "Bukti", "umpan_balik": "Umpan balik", "dialog_kinerja": "Dialog kinerja",
	"evaluasi": "Evaluasi", "versi_sebelumnya": "Versi sebelumnya", "revisi": "Revisi", "alasan_revisi": "Alasan revisi",
	"catatan": "Catatan", "catatan_dikembalikan": "Catatan pengembalian", "teks": "Isi", "teks_sebelumnya": "Isi sebelumnya",
	"rating_hasil_kerja": "Rating hasil kerja", "rating_perilaku_kerja": "Rating perilaku kerja", "predikat": "Predikat",
	"capaian": "Capaian", "angka_kredit": "Angka kredit", "diajukan": "Diajukan", "disetujui": "Disetujui",
	"final": "Final", "final_at": "Waktu final", "final_by": "Difinalkan oleh", "buka_kunci": "Buka kunci",
	"kesepakatan": "Kesepakatan", "topik": "Topik", "tindakan": "Tindakan", "tenggat": "Tenggat",
	"penanggung_jawab": "Penanggung jawab", "peserta": "Peserta", "tanggal": "Tanggal", "waktu": "Waktu",
	"dialog_berikutnya": "Dialog berikutnya", "kali_dibawa": "Kali dibawa", "rencana_aksi": "Rencana aksi",
	"penulis": "Penulis", "oleh": "Oleh", "oleh_pegawai": "Oleh pegawai", "dijawab_oleh": "Dijawab oleh",
	"pegawai_saat_final": "Pegawai saat final", "penilai_saat_final": "Penilai saat final", "uraian": "Uraian",
	"instrumen_id": "Instrumen", "instrumen_versi": "Versi instrumen", "tahap": "Tahap", "jawaban": "Jawaban",
	"nilai": "Nilai", "kategori": "Kategori", "rencana_perbaikan": "Rencana perbaikan", "penjelasan": "Penjelasan",
	"catatan_verifikator": "Catatan verifikator", "tingkat_verifikasi": "Tingkat verifikasi", "referensi": "Referensi",
	"indeks_dilaporkan": "Indeks dilaporkan", "survei": "Survei", "pelaksana": "Pelaksana", "judul": "Judul",
	"regulasi": "Regulasi", "versi": "Versi", "berkas": "Berkas", "sha": "SHA-256", "siklus": "Siklus",
	"jf": "Jabatan fungsional", "time": "Waktu", "by": "Oleh", "ditambahkan": "Ditambahkan", "frekuensi": "Frekuensi",
	"pembulatan_pola": "Pembulatan pola",
}

// paketKindLabels are the labels a riwayat form gives a key of its kind
// where the shared word would be vague.
var paketKindLabels = map[string]string{
	"pangkat.tmt": "TMT golongan", "jabatan.tmt": "TMT jabatan", "jabatan.nama": "Nama jabatan",
	"diklat.nama": "Nama diklat/kursus", "penghargaan.jenis": "Jenis penghargaan", "hukdis.jenis": "Jenis hukuman",
	"cuti.jenis": "Jenis cuti", "cuti.alamat": "Alamat selama cuti", "angka_kredit.jenis": "Jenis PAK",
	"organisasi.nama": "Nama organisasi", "organisasi.jabatan": "Jabatan di organisasi",
	"masa_kerja.tahun": "Masa kerja (tahun)", "masa_kerja.bulan": "Masa kerja (bulan)",
	"masa_kerja.golongan": "Untuk masa kerja golongan", "keluarga.tanggal_lahir": "Tanggal lahir",
}

// PaketFieldLabel is the label of a field of the export shape as the
// screens show it: "nama_jabatan" → "Nama jabatan", "rhk[1].target" →
// "RHK 2 › Target". A riwayat entry's fields are "data.<key>"; kind (the
// riwayat kind code, "" for other records) picks that form's wording.
func PaketFieldLabel(kind, path string) string {
	path = strings.TrimPrefix(path, "data.")
	var out []string
	for _, seg := range strings.Split(path, ".") {
		key, index := seg, ""
		if i := strings.IndexByte(seg, '['); i >= 0 {
			key = seg[:i]
			if n, err := strconv.Atoi(strings.TrimSuffix(seg[i+1:], "]")); err == nil {
				index = " " + strconv.Itoa(n+1)
			}
		}
		label, ok := paketKindLabels[kind+"."+key]
		if !ok || len(out) > 0 {
			label, ok = paketLabels[key]
		}
		if !ok {
			label = strings.ReplaceAll(key, "_", " ")
			if label != "" {
				label = strings.ToUpper(label[:1]) + label[1:]
			}
		}
		out = append(out, label+index)
	}
	return strings.Join(out, " › ")
}

// PaketValue is a value of the export shape as the screens show it: dates
// (YYYY-MM-DD) as DD-MM-YYYY, times as DD-MM-YYYY HH:MM, true/false as
// ya/tidak, angka kredit in thousandths as 18,75; other text unchanged.
func PaketValue(key, v string) string {
	switch {
	case v == "true":
		return "ya"
	case v == "false":
		return "tidak"
	case strings.HasSuffix(key, "ak_milli"):
		if n, err := strconv.Atoi(v); err == nil {
			s := strconv.FormatFloat(float64(n)/1000, 'f', -1, 64)
			return strings.ReplaceAll(s, ".", ",")
		}
	}
	if d, err := time.Parse("2006-01-02", v); err == nil && len(v) == 10 {
		return d.Format("02-01-2006")
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.Format("02-01-2006 15:04")
	}
	return v
}

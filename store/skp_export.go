package store

import (
	"context"
	"fmt"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// The performance cycle in the JSON export (see ExportJSON and EXPORT.md):
// every SKP with everything under it, the predikat kinerja organisasi and
// the SKP settings. Like the rest of the document every key is always
// present and enumerations are written as their Indonesian labels. Bukti
// files are described (name, size, SHA-256), not included: their bytes
// are in the data file and its backups.

type exportSKPSettings struct {
	Frekuensi        string            `json:"frekuensi"`
	BuktiMaxBytes    int64             `json:"bukti_max_bytes"`
	RatingKepalaUnit map[string]string `json:"rating_kepala_unit"`
	PembulatanPola   string            `json:"pembulatan_pola"`
}

type exportPersonCopy struct {
	EmployeeID uint64 `json:"employee_id"`
	Nama       string `json:"nama"`
	NIP        string `json:"nip"`
	Golongan   string `json:"golongan"`
	Pangkat    string `json:"pangkat"`
	Jabatan    string `json:"jabatan"`
	Unit       string `json:"unit"`
	UnitID     uint64 `json:"unit_id"`
	JF         bool   `json:"jf"`
	Jenjang    string `json:"jenjang"`
}

type exportIndikator struct {
	ID     uint64 `json:"id"`
	Aspek  string `json:"aspek"`
	IKI    string `json:"iki"`
	Target string `json:"target"`
	Satuan string `json:"satuan"`
}

type exportRHK struct {
	ID              uint64            `json:"id"`
	Kategori        string            `json:"kategori"`
	IntervensiSKPID uint64            `json:"intervensi_skp_id"`
	IntervensiRHKID uint64            `json:"intervensi_rhk_id"`
	Intervensi      string            `json:"intervensi"`
	RHK             string            `json:"rencana_hasil_kerja"`
	PenugasanDari   string            `json:"penugasan_dari"`
	Indikator       []exportIndikator `json:"indikator"`
}

type exportEkspektasi struct {
	Nilai      string `json:"nilai"`
	Ekspektasi string `json:"ekspektasi"`
}

type exportLampiran struct {
	DukunganSumberDaya      []string `json:"dukungan_sumber_daya"`
	SkemaPertanggungjawaban []string `json:"skema_pertanggungjawaban"`
	Konsekuensi             []string `json:"konsekuensi"`
}

// exportPlan is an SKP's plan: the SKP itself and each earlier version.
type exportPlan struct {
	ID             uint64             `json:"id"`
	EmployeeID     uint64             `json:"employee_id"`
	Year           int                `json:"year"`
	PeriodeMulai   string             `json:"periode_mulai"`
	PeriodeSelesai string             `json:"periode_selesai"`
	Pendekatan     string             `json:"pendekatan"`
	Status         string             `json:"status"`
	Pegawai        exportPersonCopy   `json:"pegawai"`
	Penilai        exportPersonCopy   `json:"penilai"`
	AtasanPenilai  exportPersonCopy   `json:"atasan_penilai"`
	RHK            []exportRHK        `json:"rhk"`
	Ekspektasi     []exportEkspektasi `json:"ekspektasi"`
	Lampiran       exportLampiran     `json:"lampiran"`
	CatatanKembali string             `json:"catatan_dikembalikan"`
	Revisi         int                `json:"revisi"`
	AlasanRevisi   string             `json:"alasan_revisi"`
	Diajukan       string             `json:"diajukan"`
	Disetujui      string             `json:"disetujui"`
	Created        string             `json:"created"`
	Updated        string             `json:"updated"`
}

type exportBukti struct {
	ID          uint64 `json:"id"`
	Jenis       string `json:"jenis"`
	Nama        string `json:"nama"`
	Ukuran      int64  `json:"ukuran"`
	SHA256      string `json:"sha256"`
	Referensi   string `json:"referensi"`
	Ditambahkan string `json:"ditambahkan"`
	Oleh        string `json:"oleh"`
}

type exportWork struct {
	ID          uint64        `json:"id"`
	RHKID       uint64        `json:"rhk_id"`
	Periode     int           `json:"periode"`
	RencanaAksi string        `json:"rencana_aksi"`
	Target      string        `json:"target"`
	Realisasi   string        `json:"realisasi"`
	Bukti       []exportBukti `json:"bukti"`
	Updated     string        `json:"updated"`
}

type exportVersion struct {
	Teks  string `json:"teks"`
	Waktu string `json:"waktu"`
	Oleh  string `json:"oleh"`
}

type exportFeedback struct {
	ID          uint64          `json:"id"`
	RHKID       uint64          `json:"rhk_id"`
	Nilai       string          `json:"nilai"`
	Periode     int             `json:"periode"`
	PenulisID   uint64          `json:"penulis_id"`
	Penulis     string          `json:"penulis"`
	OlehPegawai bool            `json:"oleh_pegawai"`
	Membalas    uint64          `json:"membalas_id"`
	Teks        string          `json:"teks"`
	Waktu       string          `json:"waktu"`
	Riwayat     []exportVersion `json:"teks_sebelumnya"`
}

type exportTopic struct {
	RHKID uint64 `json:"rhk_id"`
	Nilai string `json:"nilai"`
}

type exportKesepakatan struct {
	ID         uint64 `json:"id"`
	Uraian     string `json:"uraian"`
	Pelaksana  string `json:"pelaksana"`
	Tenggat    string `json:"tenggat"`
	Status     string `json:"status"`
	DibawaDari uint64 `json:"dibawa_dari_dialog"`
	KaliDibawa int    `json:"kali_dibawa"`
}

type exportDialog struct {
	ID          uint64              `json:"id"`
	Tanggal     string              `json:"tanggal"`
	Jenis       string              `json:"jenis"`
	Peserta     []string            `json:"peserta"`
	Topik       []exportTopic       `json:"topik"`
	Catatan     string              `json:"catatan"`
	Kesepakatan []exportKesepakatan `json:"kesepakatan"`
	Berikutnya  string              `json:"dialog_berikutnya"`
	Created     string              `json:"created"`
	Updated     string              `json:"updated"`
}

type exportUnlock struct {
	Waktu  string `json:"waktu"`
	Oleh   string `json:"oleh"`
	Alasan string `json:"alasan"`
}

type exportEval struct {
	ID               uint64           `json:"id"`
	Jenis            string           `json:"jenis"`
	Siklus           string           `json:"siklus"`
	Periode          int              `json:"periode"`
	NamaPeriode      string           `json:"nama_periode"`
	RatingHasil      string           `json:"rating_hasil_kerja"`
	RatingPerilaku   string           `json:"rating_perilaku_kerja"`
	Predikat         string           `json:"predikat"`
	Catatan          string           `json:"catatan"`
	Final            bool             `json:"final"`
	FinalAt          string           `json:"final_at"`
	FinalBy          string           `json:"final_by"`
	PenilaiSaatFinal exportPersonCopy `json:"penilai_saat_final"`
	PegawaiSaatFinal exportPersonCopy `json:"pegawai_saat_final"`
	AngkaKredit      string           `json:"angka_kredit"`
	BukaKunci        []exportUnlock   `json:"buka_kunci"`
	Updated          string           `json:"updated"`
}

type exportRevision struct {
	Revisi int        `json:"revisi"`
	Waktu  string     `json:"waktu"`
	Oleh   string     `json:"oleh"`
	Alasan string     `json:"alasan"`
	SKP    exportPlan `json:"skp"`
}

// exportSKP is an SKP with everything under it, in SKPFile's order.
type exportSKP struct {
	exportPlan
	Realisasi       []exportWork     `json:"realisasi"`
	UmpanBalik      []exportFeedback `json:"umpan_balik"`
	Dialog          []exportDialog   `json:"dialog_kinerja"`
	Evaluasi        []exportEval     `json:"evaluasi"`
	VersiSebelumnya []exportRevision `json:"versi_sebelumnya"`
}

type exportOrg struct {
	Year     int    `json:"year"`
	UnitID   uint64 `json:"unit_id"`
	Predikat string `json:"predikat"`
	Capaian  string `json:"capaian"`
	By       string `json:"by"`
	Time     string `json:"time"`
}

// exportKinerja is what ExportJSON writes of the performance cycle.
type exportKinerja struct {
	settings exportSKPSettings
	skps     []exportSKP
	org      []exportOrg
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func toExportSnapshot(p domain.PersonSnapshot) exportPersonCopy {
	return exportPersonCopy{EmployeeID: p.EmployeeID, Nama: p.Nama, NIP: p.NIP, Golongan: p.Golongan, Pangkat: p.Pangkat,
		Jabatan: p.Jabatan, Unit: p.Unit, UnitID: p.UnitID, JF: p.JF, Jenjang: p.Jenjang.String()}
}

func valueName(v int) string {
	if cv := domain.CoreValues(); v >= 1 && v <= len(cv) {
		return cv[v-1].Name
	}
	return ""
}

func toExportPlan(s domain.SKP) exportPlan {
	p := exportPlan{ID: s.ID, EmployeeID: s.EmployeeID, Year: s.Year, PeriodeMulai: s.Start.ISO(), PeriodeSelesai: s.End.ISO(),
		Pendekatan: s.Pendekatan.String(), Status: s.Status.String(), Pegawai: toExportSnapshot(s.Pegawai),
		Penilai: toExportSnapshot(s.Penilai), AtasanPenilai: toExportSnapshot(s.AtasanPenilai), RHK: []exportRHK{},
		Lampiran: exportLampiran{DukunganSumberDaya: orEmpty(s.Lampiran.DukunganSumberDaya),
			SkemaPertanggungjawaban: orEmpty(s.Lampiran.SkemaPertanggungjawaban), Konsekuensi: orEmpty(s.Lampiran.Konsekuensi)},
		CatatanKembali: s.ReturnNote, Revisi: s.Revision, AlasanRevisi: s.RevisionNote, Diajukan: exportTime(s.Submitted),
		Disetujui: exportTime(s.Approved), Created: exportTime(s.Created), Updated: exportTime(s.Updated)}
	for _, r := range s.RHK {
		x := exportRHK{ID: r.ID, Kategori: r.Kategori.String(), IntervensiSKPID: r.IntervensiSKPID,
			IntervensiRHKID: r.IntervensiRHKID, Intervensi: r.Intervensi, RHK: r.Text, PenugasanDari: r.PenugasanDari,
			Indikator: []exportIndikator{}}
		for _, in := range r.Indikator {
			x.Indikator = append(x.Indikator, exportIndikator{ID: in.ID, Aspek: in.Aspek.String(), IKI: in.IKI,
				Target: in.Target, Satuan: in.Satuan})
		}
		p.RHK = append(p.RHK, x)
	}
	for i, e := range s.Ekspektasi {
		p.Ekspektasi = append(p.Ekspektasi, exportEkspektasi{Nilai: valueName(i + 1), Ekspektasi: e})
	}
	return p
}

func toExportSKP(f domain.SKPFile) exportSKP {
	x := exportSKP{exportPlan: toExportPlan(f.SKP), Realisasi: []exportWork{}, UmpanBalik: []exportFeedback{},
		Dialog: []exportDialog{}, Evaluasi: []exportEval{}, VersiSebelumnya: []exportRevision{}}
	for _, w := range f.Work {
		ew := exportWork{ID: w.ID, RHKID: w.RHKID, Periode: w.Period, RencanaAksi: w.RencanaAksi, Target: w.Target,
			Realisasi: w.Realisasi, Bukti: []exportBukti{}, Updated: exportTime(w.Updated)}
		for _, b := range w.Bukti {
			ew.Bukti = append(ew.Bukti, exportBukti{ID: b.ID, Jenis: b.Kind.String(), Nama: b.Name, Ukuran: b.Size,
				SHA256: b.SHA256, Referensi: b.Ref, Ditambahkan: exportTime(b.Added), Oleh: b.AddedBy})
		}
		x.Realisasi = append(x.Realisasi, ew)
	}
	for _, fb := range f.Feedback {
		ef := exportFeedback{ID: fb.ID, RHKID: fb.Target.RHKID, Nilai: valueName(fb.Target.Value), Periode: fb.Period,
			PenulisID: fb.AuthorID, Penulis: fb.AuthorName, OlehPegawai: fb.ByPegawai, Membalas: fb.ReplyTo, Teks: fb.Text,
			Waktu: exportTime(fb.Time), Riwayat: []exportVersion{}}
		for _, h := range fb.History {
			ef.Riwayat = append(ef.Riwayat, exportVersion{Teks: h.Text, Waktu: exportTime(h.Time), Oleh: h.By})
		}
		x.UmpanBalik = append(x.UmpanBalik, ef)
	}
	for _, d := range f.Dialogs {
		ed := exportDialog{ID: d.ID, Tanggal: d.Date.ISO(), Jenis: d.Kind.Label(), Peserta: orEmpty(d.Peserta),
			Topik: []exportTopic{}, Catatan: d.Notes, Kesepakatan: []exportKesepakatan{}, Berikutnya: d.NextDate.ISO(),
			Created: exportTime(d.Created), Updated: exportTime(d.Updated)}
		for _, t := range d.Topics {
			ed.Topik = append(ed.Topik, exportTopic{RHKID: t.RHKID, Nilai: valueName(t.Value)})
		}
		for _, k := range d.Kesepakatan {
			ed.Kesepakatan = append(ed.Kesepakatan, exportKesepakatan{ID: k.ID, Uraian: k.Text, Pelaksana: k.Owner,
				Tenggat: k.Due.ISO(), Status: k.Status.String(), DibawaDari: k.CarriedFrom, KaliDibawa: k.Carried})
		}
		x.Dialog = append(x.Dialog, ed)
	}
	for _, e := range f.Evals {
		ee := exportEval{ID: e.ID, Jenis: e.Kind.String(), Periode: e.Period, RatingHasil: e.RatingHasil.String(),
			RatingPerilaku: e.RatingPerilaku.String(), Predikat: e.Predikat.Label(), Catatan: e.Catatan, Final: e.Final,
			FinalAt: exportTime(e.FinalAt), FinalBy: e.FinalBy, PenilaiSaatFinal: toExportSnapshot(e.Snapshot.Penilai),
			PegawaiSaatFinal: toExportSnapshot(e.Snapshot.Pegawai), AngkaKredit: e.AK.String(),
			BukaKunci: []exportUnlock{}, Updated: exportTime(e.Updated)}
		if e.Kind == domain.EvalPeriodik {
			ee.Siklus = e.Frequency.Label()
		}
		ee.NamaPeriode = e.Frequency.PeriodLabel(e.Period)
		for _, u := range e.Unlocks {
			ee.BukaKunci = append(ee.BukaKunci, exportUnlock{Waktu: exportTime(u.Time), Oleh: u.By, Alasan: u.Reason})
		}
		x.Evaluasi = append(x.Evaluasi, ee)
	}
	for _, r := range f.Revisions {
		x.VersiSebelumnya = append(x.VersiSebelumnya, exportRevision{Revisi: r.Revision, Waktu: exportTime(r.Time),
			Oleh: r.By, Alasan: r.Reason, SKP: toExportPlan(r.SKP)})
	}
	return x
}

// readExportKinerja reads the performance cycle for ExportJSON, in its
// transaction: SKPs by id, ratings by year and unit.
func readExportKinerja(ctx context.Context, tx *bolt.Tx) (exportKinerja, error) {
	out := exportKinerja{skps: []exportSKP{}, org: []exportOrg{}}
	set, err := readSKPSettings(tx)
	if err != nil {
		return out, err
	}
	out.settings = exportSKPSettings{Frekuensi: set.Frequency.Label(), BuktiMaxBytes: set.BuktiMaxSize,
		RatingKepalaUnit: map[string]string{}, PembulatanPola: roundingText(set.RoundNearest)}
	for _, org := range domain.OrgPredikats() {
		out.settings.RatingKepalaUnit[org.Label()] = domain.HeadRating(set, org).String()
	}
	if sb := tx.Bucket(bucketSKP); sb != nil {
		c := sb.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if len(out.skps)%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return out, err
				}
			}
			id, ok := parseID(k)
			if !ok {
				return out, corrupt("SKP", 0, fmt.Errorf("skp key %x", k))
			}
			sk, err := getSKP(tx, id)
			if err != nil {
				return out, err
			}
			f, err := fileOf(tx, sk)
			if err != nil {
				return out, err
			}
			out.skps = append(out.skps, toExportSKP(f))
		}
	}
	if ob := tx.Bucket(bucketSKPOrg); ob != nil {
		err := ob.ForEach(func(k, v []byte) error {
			year, unit, ok := parseOrgKey(k)
			if !ok {
				return corrupt("predikat organisasi", 0, fmt.Errorf("skp_org key %x", k))
			}
			r, err := decodeOrg(v)
			if err != nil {
				return corrupt("predikat organisasi", unit, err)
			}
			out.org = append(out.org, exportOrg{Year: year, UnitID: unit, Predikat: r.Predikat.Label(), Capaian: r.Capaian,
				By: r.By, Time: exportTime(r.Time)})
			return nil
		})
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"asndesk/domain"
)

// Stored forms of the performance cycle (schema 5). Like the other
// records they are JSON with a "v" field, snake_case keys, enumerations as
// their stable codes and dates as "YYYY-MM-DD", written from these structs
// rather than from the domain types, so that renaming a domain field never
// changes the file format. Zero values are omitted.

// Record versions of schema 5.
const (
	skpRecV      = 1
	skpItemRecV  = 1
	orgRecV      = 1
	skpSetRecV   = 1
	skpRowV      = 1
	skpKeyLen    = 8
	skpItemKeyLn = 17 // skpID(8) | kind(1) | id(8)
	skpEmpKeyLen = 18 // empID(8) | year(2) | skpID(8)
	orgKeyLen    = 10 // year(2) | unitID(8)
)

// Kinds of skp_items entries: the byte after the SKP id in the key.
const (
	itemWork     byte = 1 // domain.PeriodWork (rencana aksi, realisasi, bukti metadata)
	itemFeedback byte = 2 // domain.Feedback
	itemDialog   byte = 3 // domain.Dialog
	itemEval     byte = 4 // domain.Evaluasi
	itemRevision byte = 5 // domain.SKPRevision
)

var itemKindNames = map[byte]string{itemWork: "realisasi", itemFeedback: "umpan balik", itemDialog: "dialog kinerja",
	itemEval: "evaluasi", itemRevision: "revisi SKP"}

func skpItemKey(skpID uint64, kind byte, id uint64) []byte {
	k := binary.BigEndian.AppendUint64(make([]byte, 0, skpItemKeyLn), skpID)
	k = append(k, kind)
	return binary.BigEndian.AppendUint64(k, id)
}

// skpItemPrefix is the prefix of one SKP's items (kind 0: all kinds).
func skpItemPrefix(skpID uint64, kind byte) []byte {
	k := binary.BigEndian.AppendUint64(make([]byte, 0, 9), skpID)
	if kind != 0 {
		k = append(k, kind)
	}
	return k
}

func parseSKPItemKey(k []byte) (skpID uint64, kind byte, id uint64, ok bool) {
	if len(k) != skpItemKeyLn {
		return 0, 0, 0, false
	}
	kind = k[8]
	_, known := itemKindNames[kind]
	return binary.BigEndian.Uint64(k[:8]), kind, binary.BigEndian.Uint64(k[9:]), known
}

func skpEmpKey(empID uint64, year int, skpID uint64) []byte {
	k := binary.BigEndian.AppendUint64(make([]byte, 0, skpEmpKeyLen), empID)
	k = binary.BigEndian.AppendUint16(k, uint16(year))
	return binary.BigEndian.AppendUint64(k, skpID)
}

func parseSKPEmpKey(k []byte) (empID uint64, year int, skpID uint64, ok bool) {
	if len(k) != skpEmpKeyLen {
		return 0, 0, 0, false
	}
	return binary.BigEndian.Uint64(k), int(binary.BigEndian.Uint16(k[8:])), binary.BigEndian.Uint64(k[10:]), true
}

func orgKey(year int, unitID uint64) []byte {
	k := binary.BigEndian.AppendUint16(make([]byte, 0, orgKeyLen), uint16(year))
	return binary.BigEndian.AppendUint64(k, unitID)
}

func parseOrgKey(k []byte) (year int, unitID uint64, ok bool) {
	if len(k) != orgKeyLen {
		return 0, 0, false
	}
	return int(binary.BigEndian.Uint16(k)), binary.BigEndian.Uint64(k[2:]), true
}

// personRec is a domain.PersonSnapshot.
type personRec struct {
	EmployeeID uint64 `json:"employee_id,omitempty"`
	Nama       string `json:"nama,omitempty"`
	NIP        string `json:"nip,omitempty"`
	Golongan   string `json:"golongan,omitempty"`
	Pangkat    string `json:"pangkat,omitempty"`
	Jabatan    string `json:"jabatan,omitempty"`
	Unit       string `json:"unit,omitempty"`
	UnitID     uint64 `json:"unit_id,omitempty"`
	JF         bool   `json:"jf,omitempty"`
	Jenjang    int    `json:"jenjang,omitempty"`
}

func personToRec(p domain.PersonSnapshot) personRec {
	return personRec{EmployeeID: p.EmployeeID, Nama: p.Nama, NIP: p.NIP, Golongan: p.Golongan, Pangkat: p.Pangkat,
		Jabatan: p.Jabatan, Unit: p.Unit, UnitID: p.UnitID, JF: p.JF, Jenjang: int(p.Jenjang)}
}

func (r personRec) toDomain() domain.PersonSnapshot {
	return domain.PersonSnapshot{EmployeeID: r.EmployeeID, Nama: r.Nama, NIP: r.NIP, Golongan: r.Golongan,
		Pangkat: r.Pangkat, Jabatan: r.Jabatan, Unit: r.Unit, UnitID: r.UnitID, JF: r.JF, Jenjang: domain.Jenjang(r.Jenjang)}
}

type indikatorRec struct {
	ID     uint64 `json:"id"`
	Aspek  int    `json:"aspek,omitempty"`
	IKI    string `json:"iki,omitempty"`
	Target string `json:"target,omitempty"`
	Satuan string `json:"satuan,omitempty"`
}

type rhkRec struct {
	ID              uint64         `json:"id"`
	Kategori        int            `json:"kategori"`
	IntervensiSKPID uint64         `json:"intervensi_skp_id,omitempty"`
	IntervensiRHKID uint64         `json:"intervensi_rhk_id,omitempty"`
	Intervensi      string         `json:"intervensi,omitempty"`
	Text            string         `json:"text,omitempty"`
	PenugasanDari   string         `json:"penugasan_dari,omitempty"`
	Indikator       []indikatorRec `json:"indikator,omitempty"`
}

type lampiranRec struct {
	DukunganSumberDaya      []string `json:"dukungan_sumber_daya,omitempty"`
	SkemaPertanggungjawaban []string `json:"skema_pertanggungjawaban,omitempty"`
	Konsekuensi             []string `json:"konsekuensi,omitempty"`
}

// skpRec is the stored form of domain.SKP (bucket skp, and inside a
// revision).
type skpRec struct {
	V             int         `json:"v"`
	ID            uint64      `json:"id"`
	EmployeeID    uint64      `json:"employee_id"`
	Year          int         `json:"year"`
	Start         isoDate     `json:"start"`
	End           isoDate     `json:"end"`
	Pendekatan    int         `json:"pendekatan"`
	Status        int         `json:"status"`
	Pegawai       personRec   `json:"pegawai"`
	Penilai       personRec   `json:"penilai,omitzero"`
	AtasanPenilai personRec   `json:"atasan_penilai,omitzero"`
	RHK           []rhkRec    `json:"rhk,omitempty"`
	Ekspektasi    []string    `json:"ekspektasi,omitempty"` // 7, BerAKHLAK order; trailing empties dropped
	Lampiran      lampiranRec `json:"lampiran,omitzero"`
	ReturnNote    string      `json:"return_note,omitempty"`
	Revision      int         `json:"revision,omitempty"`
	RevisionNote  string      `json:"revision_note,omitempty"`
	NextRHKID     uint64      `json:"next_rhk_id,omitempty"`
	Submitted     time.Time   `json:"submitted,omitzero"`
	Approved      time.Time   `json:"approved,omitzero"`
	Created       time.Time   `json:"created"`
	Updated       time.Time   `json:"updated"`
}

func skpToRec(s domain.SKP) skpRec {
	r := skpRec{V: skpRecV, ID: s.ID, EmployeeID: s.EmployeeID, Year: s.Year, Start: isoDate(s.Start), End: isoDate(s.End),
		Pendekatan: int(s.Pendekatan), Status: int(s.Status), Pegawai: personToRec(s.Pegawai),
		Penilai: personToRec(s.Penilai), AtasanPenilai: personToRec(s.AtasanPenilai),
		Lampiran: lampiranRec{DukunganSumberDaya: s.Lampiran.DukunganSumberDaya,
			SkemaPertanggungjawaban: s.Lampiran.SkemaPertanggungjawaban, Konsekuensi: s.Lampiran.Konsekuensi},
		ReturnNote: s.ReturnNote, Revision: s.Revision, RevisionNote: s.RevisionNote, NextRHKID: s.NextRHKID,
		Submitted: s.Submitted, Approved: s.Approved, Created: s.Created, Updated: s.Updated}
	n := len(s.Ekspektasi)
	for n > 0 && s.Ekspektasi[n-1] == "" {
		n--
	}
	if n > 0 {
		r.Ekspektasi = append([]string(nil), s.Ekspektasi[:n]...)
	}
	if len(s.RHK) > 0 {
		r.RHK = make([]rhkRec, len(s.RHK))
	}
	for i, h := range s.RHK {
		rr := rhkRec{ID: h.ID, Kategori: int(h.Kategori), IntervensiSKPID: h.IntervensiSKPID,
			IntervensiRHKID: h.IntervensiRHKID, Intervensi: h.Intervensi, Text: h.Text, PenugasanDari: h.PenugasanDari}
		if len(h.Indikator) > 0 {
			rr.Indikator = make([]indikatorRec, len(h.Indikator))
		}
		for j, ind := range h.Indikator {
			rr.Indikator[j] = indikatorRec{ID: ind.ID, Aspek: int(ind.Aspek), IKI: ind.IKI, Target: ind.Target, Satuan: ind.Satuan}
		}
		r.RHK[i] = rr
	}
	return r
}

func (r skpRec) toDomain() (domain.SKP, error) {
	if r.V < 1 || r.V > skpRecV {
		return domain.SKP{}, fmt.Errorf("unknown skp record version %d", r.V)
	}
	if len(r.Ekspektasi) > 7 {
		return domain.SKP{}, fmt.Errorf("%d ekspektasi", len(r.Ekspektasi))
	}
	s := domain.SKP{ID: r.ID, EmployeeID: r.EmployeeID, Year: r.Year, Start: domain.Date(r.Start), End: domain.Date(r.End),
		Pendekatan: domain.Pendekatan(r.Pendekatan), Status: domain.SKPStatus(r.Status), Pegawai: r.Pegawai.toDomain(),
		Penilai: r.Penilai.toDomain(), AtasanPenilai: r.AtasanPenilai.toDomain(),
		Lampiran: domain.Lampiran{DukunganSumberDaya: r.Lampiran.DukunganSumberDaya,
			SkemaPertanggungjawaban: r.Lampiran.SkemaPertanggungjawaban, Konsekuensi: r.Lampiran.Konsekuensi},
		ReturnNote: r.ReturnNote, Revision: r.Revision, RevisionNote: r.RevisionNote, NextRHKID: r.NextRHKID,
		Submitted: r.Submitted, Approved: r.Approved, Created: r.Created, Updated: r.Updated}
	copy(s.Ekspektasi[:], r.Ekspektasi)
	if len(r.RHK) > 0 {
		s.RHK = make([]domain.RHK, len(r.RHK))
	}
	for i, h := range r.RHK {
		d := domain.RHK{ID: h.ID, Kategori: domain.RHKKategori(h.Kategori), IntervensiSKPID: h.IntervensiSKPID,
			IntervensiRHKID: h.IntervensiRHKID, Intervensi: h.Intervensi, Text: h.Text, PenugasanDari: h.PenugasanDari}
		if len(h.Indikator) > 0 {
			d.Indikator = make([]domain.Indikator, len(h.Indikator))
		}
		for j, ind := range h.Indikator {
			d.Indikator[j] = domain.Indikator{ID: ind.ID, Aspek: domain.Aspek(ind.Aspek), IKI: ind.IKI, Target: ind.Target,
				Satuan: ind.Satuan}
		}
		s.RHK[i] = d
	}
	return s, nil
}

func encodeSKP(s domain.SKP) ([]byte, error) { return json.Marshal(skpToRec(s)) }

func decodeSKP(v []byte) (domain.SKP, error) {
	var r skpRec
	if err := json.Unmarshal(v, &r); err != nil {
		return domain.SKP{}, err
	}
	return r.toDomain()
}

// buktiRec is the metadata of a bukti dukung, kept in its realisasi; a
// file's bytes are in bucket bukti under the same id.
type buktiRec struct {
	ID      uint64    `json:"id"`
	Kind    int       `json:"kind"`
	Name    string    `json:"name,omitempty"`
	Size    int64     `json:"size,omitempty"`
	SHA256  string    `json:"sha256,omitempty"`
	Added   time.Time `json:"added"`
	Ref     string    `json:"ref,omitempty"`
	AddedBy string    `json:"added_by,omitempty"`
}

type workRec struct {
	V           int        `json:"v"`
	ID          uint64     `json:"id"`
	SKPID       uint64     `json:"skp_id"`
	RHKID       uint64     `json:"rhk_id"`
	Period      int        `json:"period"`
	RencanaAksi string     `json:"rencana_aksi,omitempty"`
	Target      string     `json:"target,omitempty"`
	Realisasi   string     `json:"realisasi,omitempty"`
	Bukti       []buktiRec `json:"bukti,omitempty"`
	Updated     time.Time  `json:"updated"`
}

func encodeWork(w domain.PeriodWork) ([]byte, error) {
	r := workRec{V: skpItemRecV, ID: w.ID, SKPID: w.SKPID, RHKID: w.RHKID, Period: w.Period, RencanaAksi: w.RencanaAksi,
		Target: w.Target, Realisasi: w.Realisasi, Updated: w.Updated}
	if len(w.Bukti) > 0 {
		r.Bukti = make([]buktiRec, len(w.Bukti))
	}
	for i, b := range w.Bukti {
		r.Bukti[i] = buktiRec{ID: b.ID, Kind: int(b.Kind), Name: b.Name, Size: b.Size, SHA256: b.SHA256, Added: b.Added,
			Ref: b.Ref, AddedBy: b.AddedBy}
	}
	return json.Marshal(r)
}

func decodeWork(v []byte) (domain.PeriodWork, error) {
	var r workRec
	if err := json.Unmarshal(v, &r); err != nil {
		return domain.PeriodWork{}, err
	}
	if r.V < 1 || r.V > skpItemRecV {
		return domain.PeriodWork{}, fmt.Errorf("unknown work record version %d", r.V)
	}
	w := domain.PeriodWork{ID: r.ID, SKPID: r.SKPID, RHKID: r.RHKID, Period: r.Period, RencanaAksi: r.RencanaAksi,
		Target: r.Target, Realisasi: r.Realisasi, Updated: r.Updated}
	if len(r.Bukti) > 0 {
		w.Bukti = make([]domain.Bukti, len(r.Bukti))
	}
	for i, b := range r.Bukti {
		w.Bukti[i] = domain.Bukti{ID: b.ID, Kind: domain.BuktiKind(b.Kind), Name: b.Name, Size: b.Size, SHA256: b.SHA256,
			Added: b.Added, Ref: b.Ref, AddedBy: b.AddedBy}
	}
	return w, nil
}

type targetRec struct {
	RHKID uint64 `json:"rhk_id,omitempty"`
	Value int    `json:"value,omitempty"`
}

type versionRec struct {
	Text string    `json:"text"`
	Time time.Time `json:"time"`
	By   string    `json:"by,omitempty"`
}

type feedbackRec struct {
	V          int          `json:"v"`
	ID         uint64       `json:"id"`
	SKPID      uint64       `json:"skp_id"`
	Target     targetRec    `json:"target"`
	Period     int          `json:"period,omitempty"`
	AuthorID   uint64       `json:"author_id,omitempty"`
	AuthorName string       `json:"author_name,omitempty"`
	ByPegawai  bool         `json:"by_pegawai,omitempty"`
	ReplyTo    uint64       `json:"reply_to,omitempty"`
	Text       string       `json:"text"`
	Time       time.Time    `json:"time"`
	History    []versionRec `json:"history,omitempty"`
}

func encodeFeedback(f domain.Feedback) ([]byte, error) {
	r := feedbackRec{V: skpItemRecV, ID: f.ID, SKPID: f.SKPID, Target: targetRec(f.Target), Period: f.Period,
		AuthorID: f.AuthorID, AuthorName: f.AuthorName, ByPegawai: f.ByPegawai, ReplyTo: f.ReplyTo, Text: f.Text, Time: f.Time}
	if len(f.History) > 0 {
		r.History = make([]versionRec, len(f.History))
	}
	for i, h := range f.History {
		r.History[i] = versionRec(h)
	}
	return json.Marshal(r)
}

func decodeFeedback(v []byte) (domain.Feedback, error) {
	var r feedbackRec
	if err := json.Unmarshal(v, &r); err != nil {
		return domain.Feedback{}, err
	}
	if r.V < 1 || r.V > skpItemRecV {
		return domain.Feedback{}, fmt.Errorf("unknown feedback record version %d", r.V)
	}
	f := domain.Feedback{ID: r.ID, SKPID: r.SKPID, Target: domain.FeedbackTarget(r.Target), Period: r.Period,
		AuthorID: r.AuthorID, AuthorName: r.AuthorName, ByPegawai: r.ByPegawai, ReplyTo: r.ReplyTo, Text: r.Text, Time: r.Time}
	if len(r.History) > 0 {
		f.History = make([]domain.FeedbackVersion, len(r.History))
	}
	for i, h := range r.History {
		f.History[i] = domain.FeedbackVersion(h)
	}
	return f, nil
}

type kesepakatanRec struct {
	ID          uint64  `json:"id"`
	Text        string  `json:"text"`
	Owner       string  `json:"owner,omitempty"`
	Due         isoDate `json:"due,omitzero"`
	Status      int     `json:"status"`
	CarriedFrom uint64  `json:"carried_from,omitempty"`
	Carried     int     `json:"carried,omitempty"`
}

type dialogRec struct {
	V           int              `json:"v"`
	ID          uint64           `json:"id"`
	SKPID       uint64           `json:"skp_id"`
	Date        isoDate          `json:"date"`
	Kind        string           `json:"kind"`
	Peserta     []string         `json:"peserta,omitempty"`
	Topics      []targetRec      `json:"topics,omitempty"`
	Notes       string           `json:"notes,omitempty"`
	Kesepakatan []kesepakatanRec `json:"kesepakatan,omitempty"`
	NextDate    isoDate          `json:"next_date,omitzero"`
	Created     time.Time        `json:"created"`
	Updated     time.Time        `json:"updated"`
}

func encodeDialog(d domain.Dialog) ([]byte, error) {
	r := dialogRec{V: skpItemRecV, ID: d.ID, SKPID: d.SKPID, Date: isoDate(d.Date), Kind: string(d.Kind), Peserta: d.Peserta,
		Notes: d.Notes, NextDate: isoDate(d.NextDate), Created: d.Created, Updated: d.Updated}
	if len(d.Topics) > 0 {
		r.Topics = make([]targetRec, len(d.Topics))
	}
	for i, t := range d.Topics {
		r.Topics[i] = targetRec(t)
	}
	if len(d.Kesepakatan) > 0 {
		r.Kesepakatan = make([]kesepakatanRec, len(d.Kesepakatan))
	}
	for i, k := range d.Kesepakatan {
		r.Kesepakatan[i] = kesepakatanRec{ID: k.ID, Text: k.Text, Owner: k.Owner, Due: isoDate(k.Due), Status: int(k.Status),
			CarriedFrom: k.CarriedFrom, Carried: k.Carried}
	}
	return json.Marshal(r)
}

func decodeDialog(v []byte) (domain.Dialog, error) {
	var r dialogRec
	if err := json.Unmarshal(v, &r); err != nil {
		return domain.Dialog{}, err
	}
	if r.V < 1 || r.V > skpItemRecV {
		return domain.Dialog{}, fmt.Errorf("unknown dialog record version %d", r.V)
	}
	d := domain.Dialog{ID: r.ID, SKPID: r.SKPID, Date: domain.Date(r.Date), Kind: domain.DialogKind(r.Kind),
		Peserta: r.Peserta, Notes: r.Notes, NextDate: domain.Date(r.NextDate), Created: r.Created, Updated: r.Updated}
	if len(r.Topics) > 0 {
		d.Topics = make([]domain.FeedbackTarget, len(r.Topics))
	}
	for i, t := range r.Topics {
		d.Topics[i] = domain.FeedbackTarget(t)
	}
	if len(r.Kesepakatan) > 0 {
		d.Kesepakatan = make([]domain.Kesepakatan, len(r.Kesepakatan))
	}
	for i, k := range r.Kesepakatan {
		d.Kesepakatan[i] = domain.Kesepakatan{ID: k.ID, Text: k.Text, Owner: k.Owner, Due: domain.Date(k.Due),
			Status: domain.KesepakatanStatus(k.Status), CarriedFrom: k.CarriedFrom, Carried: k.Carried}
	}
	return d, nil
}

type akRec struct {
	Num    int64 `json:"num"`
	Den    int64 `json:"den"`
	Months int   `json:"months,omitempty"`
}

type unlockRec struct {
	Time   time.Time `json:"time"`
	By     string    `json:"by,omitempty"`
	Reason string    `json:"reason"`
}

type evalRec struct {
	V               int         `json:"v"`
	ID              uint64      `json:"id"`
	SKPID           uint64      `json:"skp_id"`
	EmployeeID      uint64      `json:"employee_id"`
	Year            int         `json:"year"`
	Kind            int         `json:"kind"`
	Frequency       string      `json:"frequency,omitempty"`
	Period          int         `json:"period,omitempty"`
	RatingHasil     int         `json:"rating_hasil,omitempty"`
	RatingPerilaku  int         `json:"rating_perilaku,omitempty"`
	Predikat        string      `json:"predikat,omitempty"`
	Catatan         string      `json:"catatan,omitempty"`
	Final           bool        `json:"final,omitempty"`
	FinalAt         time.Time   `json:"final_at,omitzero"`
	FinalBy         string      `json:"final_by,omitempty"`
	SnapshotPenilai personRec   `json:"snapshot_penilai,omitzero"`
	SnapshotPegawai personRec   `json:"snapshot_pegawai,omitzero"`
	AK              akRec       `json:"ak,omitzero"`
	Unlocks         []unlockRec `json:"unlocks,omitempty"`
	Updated         time.Time   `json:"updated"`
}

func encodeEval(e domain.Evaluasi) ([]byte, error) {
	r := evalRec{V: skpItemRecV, ID: e.ID, SKPID: e.SKPID, EmployeeID: e.EmployeeID, Year: e.Year, Kind: int(e.Kind),
		Frequency: string(e.Frequency), Period: e.Period, RatingHasil: int(e.RatingHasil),
		RatingPerilaku: int(e.RatingPerilaku), Predikat: string(e.Predikat), Catatan: e.Catatan, Final: e.Final,
		FinalAt: e.FinalAt, FinalBy: e.FinalBy, SnapshotPenilai: personToRec(e.Snapshot.Penilai),
		SnapshotPegawai: personToRec(e.Snapshot.Pegawai), AK: akRec{Num: e.AK.Num, Den: e.AK.Den, Months: e.AK.Months},
		Updated: e.Updated}
	if len(e.Unlocks) > 0 {
		r.Unlocks = make([]unlockRec, len(e.Unlocks))
	}
	for i, u := range e.Unlocks {
		r.Unlocks[i] = unlockRec(u)
	}
	return json.Marshal(r)
}

func decodeEval(v []byte) (domain.Evaluasi, error) {
	var r evalRec
	if err := json.Unmarshal(v, &r); err != nil {
		return domain.Evaluasi{}, err
	}
	if r.V < 1 || r.V > skpItemRecV {
		return domain.Evaluasi{}, fmt.Errorf("unknown evaluation record version %d", r.V)
	}
	e := domain.Evaluasi{ID: r.ID, SKPID: r.SKPID, EmployeeID: r.EmployeeID, Year: r.Year, Kind: domain.EvalKind(r.Kind),
		Frequency: domain.Frequency(r.Frequency), Period: r.Period, RatingHasil: domain.Rating(r.RatingHasil),
		RatingPerilaku: domain.Rating(r.RatingPerilaku), Predikat: domain.Predikat(r.Predikat), Catatan: r.Catatan,
		Final: r.Final, FinalAt: r.FinalAt, FinalBy: r.FinalBy,
		AK:      domain.AngkaKredit{Num: r.AK.Num, Den: r.AK.Den, Months: r.AK.Months},
		Updated: r.Updated}
	e.Snapshot.Penilai = r.SnapshotPenilai.toDomain()
	e.Snapshot.Pegawai = r.SnapshotPegawai.toDomain()
	if len(r.Unlocks) > 0 {
		e.Unlocks = make([]domain.Unlock, len(r.Unlocks))
	}
	for i, u := range r.Unlocks {
		e.Unlocks[i] = domain.Unlock(u)
	}
	return e, nil
}

// revisionRec keeps an earlier version of an SKP whole, in the SKP's own
// stored form.
type revisionRec struct {
	V        int       `json:"v"`
	ID       uint64    `json:"id"`
	SKPID    uint64    `json:"skp_id"`
	Revision int       `json:"revision"`
	Time     time.Time `json:"time"`
	By       string    `json:"by,omitempty"`
	Reason   string    `json:"reason,omitempty"`
	SKP      skpRec    `json:"skp"`
}

func encodeRevision(id uint64, r domain.SKPRevision) ([]byte, error) {
	return json.Marshal(revisionRec{V: skpItemRecV, ID: id, SKPID: r.SKPID, Revision: r.Revision, Time: r.Time, By: r.By,
		Reason: r.Reason, SKP: skpToRec(r.SKP)})
}

func decodeRevision(v []byte) (uint64, domain.SKPRevision, error) {
	var r revisionRec
	if err := json.Unmarshal(v, &r); err != nil {
		return 0, domain.SKPRevision{}, err
	}
	if r.V < 1 || r.V > skpItemRecV {
		return 0, domain.SKPRevision{}, fmt.Errorf("unknown revision record version %d", r.V)
	}
	s, err := r.SKP.toDomain()
	if err != nil {
		return 0, domain.SKPRevision{}, err
	}
	return r.ID, domain.SKPRevision{SKPID: r.SKPID, Revision: r.Revision, Time: r.Time, By: r.By, Reason: r.Reason, SKP: s}, nil
}

// orgRec is the stored form of domain.OrgRating (bucket skp_org; year and
// unit are also the key).
type orgRec struct {
	V        int       `json:"v"`
	Year     int       `json:"year"`
	UnitID   uint64    `json:"unit_id"`
	Predikat string    `json:"predikat"`
	Capaian  string    `json:"capaian,omitempty"`
	By       string    `json:"by,omitempty"`
	Time     time.Time `json:"time"`
}

func encodeOrg(o domain.OrgRating) ([]byte, error) {
	return json.Marshal(orgRec{V: orgRecV, Year: o.Year, UnitID: o.UnitID, Predikat: string(o.Predikat),
		Capaian: o.Capaian, By: o.By, Time: o.Time})
}

func decodeOrg(v []byte) (domain.OrgRating, error) {
	var r orgRec
	if err := json.Unmarshal(v, &r); err != nil {
		return domain.OrgRating{}, err
	}
	if r.V < 1 || r.V > orgRecV {
		return domain.OrgRating{}, fmt.Errorf("unknown org rating record version %d", r.V)
	}
	return domain.OrgRating{Year: r.Year, UnitID: r.UnitID, Predikat: domain.OrgPredikat(r.Predikat), Capaian: r.Capaian,
		By: r.By, Time: r.Time}, nil
}

// skpSettingsRec is the stored form of domain.SKPSettings (settings key
// "skp").
type skpSettingsRec struct {
	V            int            `json:"v"`
	Frequency    string         `json:"frequency"`
	BuktiMaxSize int64          `json:"bukti_max_size"`
	HeadRating   map[string]int `json:"head_rating,omitempty"`
	RoundNearest bool           `json:"round_nearest,omitempty"`
}

func encodeSKPSettings(s domain.SKPSettings) ([]byte, error) {
	r := skpSettingsRec{V: skpSetRecV, Frequency: string(s.Frequency), BuktiMaxSize: s.BuktiMaxSize, RoundNearest: s.RoundNearest}
	if len(s.HeadRating) > 0 {
		r.HeadRating = make(map[string]int, len(s.HeadRating))
		for k, v := range s.HeadRating {
			r.HeadRating[string(k)] = int(v)
		}
	}
	return json.Marshal(r)
}

func decodeSKPSettings(v []byte) (domain.SKPSettings, error) {
	var r skpSettingsRec
	if err := json.Unmarshal(v, &r); err != nil {
		return domain.SKPSettings{}, err
	}
	if r.V < 1 || r.V > skpSetRecV {
		return domain.SKPSettings{}, fmt.Errorf("unknown skp settings record version %d", r.V)
	}
	s := domain.SKPSettings{Frequency: domain.Frequency(r.Frequency), BuktiMaxSize: r.BuktiMaxSize, RoundNearest: r.RoundNearest}
	if len(r.HeadRating) > 0 {
		s.HeadRating = make(map[domain.OrgPredikat]domain.Rating, len(r.HeadRating))
		for k, v := range r.HeadRating {
			s.HeadRating[domain.OrgPredikat(k)] = domain.Rating(v)
		}
	}
	return s, nil
}

// SKP row encoding (bucket skp_rows). Lists and Monitoring read every row,
// so rows are a small binary format like emp_rows:
//
//	byte     version (1)
//	uvarint  employee id, year, start, end, status, penilai id,
//	         atasan penilai id, unit id, RHK count, last dialog, next dialog
//	uvarint  number of final periodic evaluations, then for each, in
//	         period order: the period, the byte length of its predikat
//	         code and the code
//	uvarint  byte length of the final annual predikat, then its code
//	uvarint  byte length of the pegawai's name as copied, then the name;
//	         the same for the penilai's name
//
// Dates are yyyymmdd numbers (0: none). The SKP id is the key. Decoders
// ignore trailing bytes, so a later version may append fields.
func packDate(d domain.Date) uint64 {
	if d.IsZero() {
		return 0
	}
	return uint64(d.Year)*10000 + uint64(d.Month)*100 + uint64(d.Day)
}

func unpackDate(n uint64) domain.Date {
	if n == 0 {
		return domain.Date{}
	}
	return domain.Date{Year: int(n / 10000), Month: time.Month(n / 100 % 100), Day: int(n % 100)}
}

func encodeSKPRow(r domain.SKPRow) []byte {
	b := make([]byte, 0, 48+12*len(r.Periodik)+len(r.Predikat))
	b = append(b, skpRowV)
	for _, v := range [...]uint64{r.EmployeeID, uint64(r.Year), packDate(r.Start), packDate(r.End), uint64(r.Status),
		r.PenilaiID, r.AtasanPenilaiID, r.UnitID, uint64(r.RHKCount), packDate(r.LastDialog), packDate(r.NextDialog),
		uint64(len(r.Periodik))} {
		b = binary.AppendUvarint(b, v)
	}
	periods := make([]int, 0, len(r.Periodik))
	for p := range r.Periodik {
		periods = append(periods, p)
	}
	slices.Sort(periods) // the same row is always the same bytes: Check compares them
	for _, p := range periods {
		b = binary.AppendUvarint(b, uint64(p))
		b = appendText(b, string(r.Periodik[p]))
	}
	b = appendText(b, string(r.Predikat))
	b = appendText(b, r.PegawaiNama)
	return appendText(b, r.PenilaiNama)
}

func appendText(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

var errBadSKPRow = errors.New("malformed skp row")

func decodeSKPRow(id uint64, b []byte) (domain.SKPRow, error) {
	if len(b) == 0 || b[0] < 1 || b[0] > skpRowV {
		return domain.SKPRow{}, errBadSKPRow
	}
	p := 1
	next := func() (uint64, bool) {
		v, n := binary.Uvarint(b[p:])
		if n <= 0 {
			return 0, false
		}
		p += n
		return v, true
	}
	var f [12]uint64
	for i := range f {
		v, ok := next()
		if !ok {
			return domain.SKPRow{}, errBadSKPRow
		}
		f[i] = v
	}
	if f[11] > uint64(len(b)) {
		return domain.SKPRow{}, errBadSKPRow
	}
	r := domain.SKPRow{SKPID: id, EmployeeID: f[0], Year: int(f[1]), Start: unpackDate(f[2]), End: unpackDate(f[3]),
		Status: domain.SKPStatus(f[4]), PenilaiID: f[5], AtasanPenilaiID: f[6], UnitID: f[7], RHKCount: int(f[8]),
		LastDialog: unpackDate(f[9]), NextDialog: unpackDate(f[10])}
	text := func() (string, bool) {
		n, ok := next()
		if !ok || n > uint64(len(b)-p) {
			return "", false
		}
		s := string(b[p : p+int(n)])
		p += int(n)
		return s, true
	}
	if f[11] > 0 {
		r.Periodik = make(map[int]domain.Predikat, f[11])
		for range f[11] {
			per, ok := next()
			if !ok {
				return domain.SKPRow{}, errBadSKPRow
			}
			pred, ok := text()
			if !ok {
				return domain.SKPRow{}, errBadSKPRow
			}
			r.Periodik[int(per)] = domain.Predikat(pred)
		}
	}
	pred, ok := text()
	if !ok {
		return domain.SKPRow{}, errBadSKPRow
	}
	r.Predikat = domain.Predikat(pred)
	if r.PegawaiNama, ok = text(); !ok {
		return domain.SKPRow{}, errBadSKPRow
	}
	if r.PenilaiNama, ok = text(); !ok {
		return domain.SKPRow{}, errBadSKPRow
	}
	return r, nil
}

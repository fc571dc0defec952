package store

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// The merit assessment in the JSON export (see ExportJSON and EXPORT.md):
// every assessment with its answers, evidence (described, not included)
// and rencana perbaikan; every imported instrument with its file as
// imported; the merit settings. Like the rest of the document every key
// is always present and enumerations are written as their Indonesian
// labels. Shipped instruments are part of asndesk, not of the data, and
// are not exported.

type exportMeritSettings struct {
	Gabungan      string `json:"gabungan_unit"`
	InstrumenBaku string `json:"instrumen_bawaan"`
}

type exportMeritAnswer struct {
	Indikator          string        `json:"indikator"`
	Tingkat            float64       `json:"tingkat"`
	Penjelasan         string        `json:"penjelasan"`
	TingkatVerifikasi  float64       `json:"tingkat_verifikasi"`
	CatatanVerifikator string        `json:"catatan_verifikator"`
	DijawabOleh        string        `json:"dijawab_oleh"`
	Updated            string        `json:"updated"`
	Bukti              []exportBukti `json:"bukti"`
}

type exportMeritAction struct {
	ID            uint64 `json:"id"`
	Indikator     string `json:"indikator"`
	Tindakan      string `json:"tindakan"`
	PenanggungJwb string `json:"penanggung_jawab"`
	Tenggat       string `json:"tenggat"`
	Status        string `json:"status"`
}

type exportMerit struct {
	ID               uint64              `json:"id"`
	Year             int                 `json:"year"`
	UnitID           uint64              `json:"unit_id"`
	InstrumenID      string              `json:"instrumen_id"`
	InstrumenVersi   string              `json:"instrumen_versi"`
	Tahap            string              `json:"tahap"`
	Tim              []uint64            `json:"tim"`
	Koordinator      uint64              `json:"koordinator"`
	Verifikator      []uint64            `json:"verifikator"`
	Jawaban          []exportMeritAnswer `json:"jawaban"`
	RencanaPerbaikan []exportMeritAction `json:"rencana_perbaikan"`
	Survei           float64             `json:"survei"`
	IndeksDilaporkan string              `json:"indeks_dilaporkan"`
	BukaKunci        []exportUnlock      `json:"buka_kunci"`
	FinalAt          string              `json:"final_at"`
	FinalBy          string              `json:"final_by"`
	Created          string              `json:"created"`
	Updated          string              `json:"updated"`
}

type exportInstrument struct {
	ID       string          `json:"id"`
	Versi    string          `json:"versi"`
	Judul    string          `json:"judul"`
	Regulasi string          `json:"regulasi"`
	Status   string          `json:"status"`
	SHA256   string          `json:"sha256"`
	Berkas   json.RawMessage `json:"berkas"`
}

// exportMeritData is what ExportJSON writes of the merit assessment.
type exportMeritData struct {
	settings    exportMeritSettings
	assessments []exportMerit
	instruments []exportInstrument
}

func exportBuktiList(bs []domain.Bukti) []exportBukti {
	out := []exportBukti{}
	for _, b := range bs {
		out = append(out, exportBukti{ID: b.ID, Jenis: b.Kind.String(), Nama: b.Name, Ukuran: b.Size, SHA256: b.SHA256,
			Referensi: b.Ref, Ditambahkan: exportTime(b.Added), Oleh: b.AddedBy})
	}
	return out
}

func toExportMerit(as domain.MeritAssessment) exportMerit {
	x := exportMerit{ID: as.ID, Year: as.Year, UnitID: as.UnitID, InstrumenID: as.InstrumentID,
		InstrumenVersi: as.InstrumentVersion, Tahap: as.Stage.String(), Tim: orEmpty(as.Team), Koordinator: as.Koordinator,
		Verifikator: orEmpty(as.Verifikator), Jawaban: []exportMeritAnswer{}, RencanaPerbaikan: []exportMeritAction{},
		Survei: as.Survey, IndeksDilaporkan: as.ReportedIndex, BukaKunci: []exportUnlock{}, FinalAt: exportTime(as.FinalAt),
		FinalBy: as.FinalBy, Created: exportTime(as.Created), Updated: exportTime(as.Updated)}
	codes := make([]string, 0, len(as.Answers))
	for code := range as.Answers {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		a := as.Answers[code]
		x.Jawaban = append(x.Jawaban, exportMeritAnswer{Indikator: code, Tingkat: a.Level, Penjelasan: a.Justification,
			TingkatVerifikasi: a.VerifiedLevel, CatatanVerifikator: a.VerifierNote, DijawabOleh: a.AnsweredBy,
			Updated: exportTime(a.Updated), Bukti: exportBuktiList(a.Evidence)})
	}
	for _, r := range as.Actions {
		x.RencanaPerbaikan = append(x.RencanaPerbaikan, exportMeritAction{ID: r.ID, Indikator: r.Indicator, Tindakan: r.Text,
			PenanggungJwb: r.Owner, Tenggat: r.Due.ISO(), Status: r.Status.String()})
	}
	for _, u := range as.Unlocks {
		x.BukaKunci = append(x.BukaKunci, exportUnlock{Waktu: exportTime(u.Time), Oleh: u.By, Alasan: u.Reason})
	}
	return x
}

// readExportMerit reads the merit data for ExportJSON, in its
// transaction: assessments by id, imported instruments by id and version.
func readExportMerit(ctx context.Context, tx *bolt.Tx) (exportMeritData, error) {
	out := exportMeritData{assessments: []exportMerit{}, instruments: []exportInstrument{}}
	set, err := readMeritSettings(tx)
	if err != nil {
		return out, err
	}
	out.settings = exportMeritSettings{Gabungan: set.Combine.Label(), InstrumenBaku: set.DefaultInstrument}
	if mb := tx.Bucket(bucketMerit); mb != nil {
		c := mb.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if len(out.assessments)%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return out, err
				}
			}
			id, ok := parseID(k)
			if !ok {
				return out, corrupt("penilaian merit", 0, fmt.Errorf("merit key %x", k))
			}
			as, err := decodeMerit(v)
			if err != nil {
				return out, corrupt("penilaian merit", id, err)
			}
			as.ID = id
			out.assessments = append(out.assessments, toExportMerit(as))
		}
	}
	if ib := tx.Bucket(bucketMeritInst); ib != nil {
		err := ib.ForEach(func(k, v []byte) error {
			id, version, _ := parseInstKey(k)
			in, err := domain.ParseInstrument(v)
			if err != nil {
				return fail(domain.EINTERNAL, fmt.Sprintf("Instrumen %s versi %s di berkas data rusak dan tidak dapat "+
					"dibaca. Jalankan pemeriksaan database.", id, version), err)
			}
			out.instruments = append(out.instruments, exportInstrument{ID: in.ID, Versi: in.Version, Judul: in.Title,
				Regulasi: in.Regulation, Status: string(in.Status), SHA256: sha256Hex(v), Berkas: json.RawMessage(append([]byte{}, v...))})
			return nil
		})
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

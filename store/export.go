package store

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// ExportFormat and ExportFormatVersion identify the document ExportJSON
// writes. The version changes only when a key is removed or changes
// meaning; new keys may be added within a version.
const (
	ExportFormat        = "asndesk-export"
	ExportFormatVersion = 1
)

type exportHeader struct {
	Format        string       `json:"format"`
	FormatVersion int          `json:"format_version"`
	Schema        int          `json:"schema"`
	ExportedAt    string       `json:"exported_at"`
	Office        exportOffice `json:"office"`
	Units         []exportUnit `json:"units"`
	// "employees" is streamed after these keys by writeExport.
}

type exportOffice struct {
	Name string `json:"name"`
	Demo bool   `json:"demo"`
}

type exportUnit struct {
	ID   uint64 `json:"id"`
	Name string `json:"name"`
}

type exportPerson struct {
	ID                 uint64 `json:"id"`
	JenisPegawai       string `json:"jenis_pegawai"`
	Nama               string `json:"nama"`
	GelarDepan         string `json:"gelar_depan"`
	GelarBelakang      string `json:"gelar_belakang"`
	TempatLahir        string `json:"tempat_lahir"`
	TanggalLahir       string `json:"tanggal_lahir"`
	JenisKelamin       string `json:"jenis_kelamin"`
	Agama              string `json:"agama"`
	StatusPerkawinan   string `json:"status_perkawinan"`
	NIK                string `json:"nik"`
	Alamat             string `json:"alamat"`
	NomorHP            string `json:"nomor_hp"`
	Email              string `json:"email"`
	NIP                string `json:"nip"`
	Status             string `json:"status"`
	TMTCPNS            string `json:"tmt_cpns"`
	TMTPNS             string `json:"tmt_pns"`
	TMTKontrak         string `json:"tmt_kontrak"`
	AkhirKontrak       string `json:"akhir_kontrak"`
	Golongan           string `json:"golongan"`
	JenisJabatan       string `json:"jenis_jabatan"`
	Jenjang            string `json:"jenjang"`
	NamaJabatan        string `json:"nama_jabatan"`
	UnitID             uint64 `json:"unit_id"`
	AtasanID           uint64 `json:"atasan_id"`
	PendidikanTerakhir string `json:"pendidikan_terakhir"`
	BUPOverride        int    `json:"bup_override"`
	Created            string `json:"created"`
	Updated            string `json:"updated"`
}

func exportTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func toExport(e domain.Employee) exportPerson {
	return exportPerson{
		ID: e.ID, JenisPegawai: e.Kind.String(),
		Nama: e.Nama, GelarDepan: e.GelarDepan, GelarBelakang: e.GelarBelakang,
		TempatLahir: e.TempatLahir, TanggalLahir: e.TanggalLahir.ISO(),
		JenisKelamin: e.JenisKelamin.String(), Agama: e.Agama, StatusPerkawinan: e.StatusPerkawinan,
		NIK: e.NIK, Alamat: e.Alamat, NomorHP: e.NomorHP, Email: e.Email,
		NIP: e.NIP, Status: e.Status.String(),
		TMTCPNS: e.TMTCPNS.ISO(), TMTPNS: e.TMTPNS.ISO(),
		TMTKontrak: e.TMTKontrak.ISO(), AkhirKontrak: e.AkhirKontrak.ISO(),
		Golongan: e.Golongan, JenisJabatan: e.JenisJabatan.String(), Jenjang: e.Jenjang.String(),
		NamaJabatan: e.NamaJabatan, UnitID: e.UnitID, AtasanID: e.AtasanID,
		PendidikanTerakhir: e.Pendidikan, BUPOverride: e.BUPOverride,
		Created: exportTime(e.Created), Updated: exportTime(e.Updated),
	}
}

// ExportJSON writes every record as one indented JSON document (UTF-8):
//
//	{
//	  "format": "asndesk-export",
//	  "format_version": 1,
//	  "schema": 2,                       // SchemaVersion of the file
//	  "exported_at": "2025-01-31T09:00:00+07:00",
//	  "office": {"name": "...", "demo": false},
//	  "units": [{"id": 1, "name": "Sekretariat"}, ...],
//	  "employees": [{
//	    "id": 1,
//	    "jenis_pegawai": "PNS",          // PNS, CPNS, PPPK, PPPK Paruh Waktu
//	    "nama": "...", "gelar_depan": "...", "gelar_belakang": "...",
//	    "tempat_lahir": "...", "tanggal_lahir": "1986-09-26",
//	    "jenis_kelamin": "Laki-laki",    // or "Perempuan", ""
//	    "agama": "...", "status_perkawinan": "...", "nik": "...",
//	    "alamat": "...", "nomor_hp": "...", "email": "...",
//	    "nip": "198609262015051001",     // NIP or NI PPPK, 18 digits
//	    "status": "Aktif",               // status kepegawaian label
//	    "tmt_cpns": "...", "tmt_pns": "...", "tmt_kontrak": "...", "akhir_kontrak": "...",
//	    "golongan": "III/b",
//	    "jenis_jabatan": "Fungsional",   // label or ""
//	    "jenjang": "Ahli Muda",          // label or ""
//	    "nama_jabatan": "...",
//	    "unit_id": 1, "atasan_id": 0,    // 0 = none
//	    "pendidikan_terakhir": "S1",
//	    "bup_override": 0,               // 0 = from the BUP grid
//	    "created": "RFC 3339", "updated": "RFC 3339"
//	  }, ...]
//	}
//
// Keys are snake_case and always present: empty text is "", an unset date
// is "", an unset number is 0. Dates are YYYY-MM-DD; units and employees are
// ordered by id. The records are read in one transaction and then written,
// so the document is a consistent snapshot. See EXPORT.md.
func (s *Store) ExportJSON(ctx context.Context, w io.Writer) error {
	const op = "export"
	hdr := exportHeader{
		Format: ExportFormat, FormatVersion: ExportFormatVersion, Schema: SchemaVersion,
		ExportedAt: s.now().Format(time.RFC3339), Units: []exportUnit{},
	}
	var emps []domain.Employee
	err := s.view(ctx, op, func(tx *bolt.Tx) error {
		if mb := tx.Bucket(bucketMeta); mb != nil {
			if v := mb.Get(metaOffice); v != nil {
				o, err := decodeOffice(v)
				if err != nil {
					return corrupt("kantor", 0, err)
				}
				hdr.Office = exportOffice{Name: o.Name, Demo: o.Demo}
			}
		}
		us, err := allUnits(tx)
		if err != nil {
			return err
		}
		for _, u := range us {
			hdr.Units = append(hdr.Units, exportUnit{ID: u.ID, Name: u.Name})
		}
		eb := tx.Bucket(bucketEmployees)
		if eb == nil {
			return nil
		}
		c := eb.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if len(emps)%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			id, _ := parseID(k)
			e, err := decodeEmployee(v)
			if err != nil {
				return corrupt("pegawai", id, err)
			}
			e.ID = id
			emps = append(emps, e)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := writeExport(ctx, w, hdr, emps); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fail(domain.EINTERNAL, "Hasil ekspor tidak dapat ditulis. Periksa ruang kosong dan izin folder tujuan.",
			fmt.Errorf("store: %s: %w", op, err))
	}
	return nil
}

// marshalIndent is json.MarshalIndent without HTML escaping, so that "<",
// ">" and "&" in names stay readable.
func marshalIndent(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func writeExport(ctx context.Context, w io.Writer, hdr exportHeader, emps []domain.Employee) error {
	head, err := marshalIndent(hdr, "")
	if err != nil {
		return err
	}
	// head ends with "\n}": reopen it to stream the employees.
	head = bytes.TrimSuffix(head, []byte("\n}"))
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head)
	if len(emps) == 0 {
		bw.WriteString(",\n  \"employees\": []\n}\n")
		return bw.Flush()
	}
	bw.WriteString(",\n  \"employees\": [")
	for i, e := range emps {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		b, err := marshalIndent(toExport(e), "    ")
		if err != nil {
			return err
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		bw.Write(b)
	}
	bw.WriteString("\n  ]\n}\n")
	return bw.Flush()
}

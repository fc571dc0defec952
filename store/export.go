package store

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
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
	Format        string          `json:"format"`
	FormatVersion int             `json:"format_version"`
	Schema        int             `json:"schema"`
	ExportedAt    string          `json:"exported_at"`
	Office        exportOffice    `json:"office"`
	Settings      json.RawMessage `json:"settings"`
	SKPSettings   any             `json:"skp_settings"`
	MeritSettings any             `json:"merit_settings"`
	Kop           exportKop       `json:"kop"`
	Units         []exportUnit    `json:"units"`
	Accounts      []exportAccount `json:"accounts"`
	// "employees", "riwayat", "atasan", "skp", "predikat_organisasi",
	// "merit", "instrumen_merit" and then "audit" are streamed after these
	// keys by writeExport.
}

// exportAccount is an account without its password hash or login
// counters.
type exportAccount struct {
	ID                 uint64   `json:"id"`
	Username           string   `json:"username"`
	Name               string   `json:"name"`
	Roles              []string `json:"roles"`
	EmployeeID         uint64   `json:"employee_id"`
	MustChangePassword bool     `json:"must_change_password"`
	Disabled           bool     `json:"disabled"`
	Created            string   `json:"created"`
}

type exportAudit struct {
	ID         uint64   `json:"id"`
	Time       string   `json:"time"`
	AccountID  uint64   `json:"account_id"`
	Account    string   `json:"account"`
	Action     string   `json:"action"`
	Entity     string   `json:"entity"`
	EntityID   uint64   `json:"entity_id"`
	EmployeeID uint64   `json:"employee_id"`
	Summary    []string `json:"summary"`
}

func toExportAccount(r accountRec) exportAccount {
	roles := make([]string, len(r.Roles))
	for i, c := range r.Roles {
		roles[i] = domain.Role(c).String()
	}
	return exportAccount{ID: r.ID, Username: r.Username, Name: r.Name, Roles: roles, EmployeeID: r.EmployeeID,
		MustChangePassword: r.MustChange, Disabled: r.Disabled, Created: exportTime(r.Created)}
}

func toExportAudit(e domain.AuditEntry) exportAudit {
	sum := e.Summary
	if sum == nil {
		sum = []string{}
	}
	return exportAudit{ID: e.ID, Time: exportTime(e.Time), AccountID: e.AccountID, Account: e.Account,
		Action: e.Action, Entity: e.Entity, EntityID: e.EntityID, EmployeeID: e.Employee, Summary: sum}
}

type exportOffice struct {
	Name string `json:"name"`
	Demo bool   `json:"demo"`
}

type exportUnit struct {
	ID       uint64 `json:"id"`
	Name     string `json:"name"`
	ParentID uint64 `json:"parent_id"`
	HeadID   uint64 `json:"head_id"`
}

// exportAtasan is one stored entry of an atasan map (defaults are derived,
// not stored, and not exported).
type exportAtasan struct {
	Year            int    `json:"year"`
	EmployeeID      uint64 `json:"employee_id"`
	AtasanID        uint64 `json:"atasan_id"`
	AtasanPenilaiID uint64 `json:"atasan_penilai_id"`
	Override        bool   `json:"override"`
}

// exportRiwayat is one riwayat entry: the common keys and the kind's data.
type exportRiwayat struct {
	ID         uint64 `json:"id"`
	EmployeeID uint64 `json:"employee_id"`
	Kind       string `json:"kind"`
	Created    string `json:"created"`
	Updated    string `json:"updated"`
	Data       any    `json:"data"`
}

// exportJabatan and exportKeluarga spell enumerations as labels; the other
// kinds are exported in their stored form (riwayat_codec.go), which has
// every key always present.
type exportJabatan struct {
	JenisJabatan string  `json:"jenis_jabatan"`
	Jenjang      string  `json:"jenjang"`
	Nama         string  `json:"nama"`
	UnitID       uint64  `json:"unit_id"`
	TMT          isoDate `json:"tmt"`
	NomorSK      string  `json:"nomor_sk"`
	TanggalSK    isoDate `json:"tanggal_sk"`
	Eselon       string  `json:"eselon"`
}

type exportKeluarga struct {
	Hubungan     string  `json:"hubungan"`
	Nama         string  `json:"nama"`
	NIK          string  `json:"nik"`
	TanggalLahir isoDate `json:"tanggal_lahir"`
	JenisKelamin string  `json:"jenis_kelamin"`
	StatusAnak   string  `json:"status_anak"`
	TanggalNikah isoDate `json:"tanggal_nikah"`
	AktaNikah    string  `json:"akta_nikah"`
	Pekerjaan    string  `json:"pekerjaan"`
	Tunjangan    bool    `json:"tunjangan"`
}

func toExportRiwayat(r domain.Riwayat) exportRiwayat {
	rec := riwayatToRec(r)
	out := exportRiwayat{ID: r.ID, EmployeeID: r.EmployeeID, Kind: string(r.Kind),
		Created: exportTime(r.Created), Updated: exportTime(r.Updated)}
	switch {
	case r.Jabatan != nil:
		d := r.Jabatan
		out.Data = exportJabatan{JenisJabatan: d.Jenis.String(), Jenjang: d.Jenjang.String(), Nama: d.Nama,
			UnitID: d.UnitID, TMT: isoDate(d.TMT), NomorSK: d.NomorSK, TanggalSK: isoDate(d.TanggalSK), Eselon: d.Eselon}
	case r.Keluarga != nil:
		d := r.Keluarga
		out.Data = exportKeluarga{Hubungan: d.Hubungan, Nama: d.Nama, NIK: d.NIK, TanggalLahir: isoDate(d.TanggalLahir),
			JenisKelamin: d.JenisKelamin.String(), StatusAnak: d.StatusAnak, TanggalNikah: isoDate(d.TanggalNikah),
			AktaNikah: d.AktaNikah, Pekerjaan: d.Pekerjaan, Tunjangan: d.Tunjangan}
	case rec.Pangkat != nil:
		out.Data = rec.Pangkat
	case rec.Pendidikan != nil:
		out.Data = rec.Pendidikan
	case rec.Diklat != nil:
		out.Data = rec.Diklat
	case rec.Penghargaan != nil:
		out.Data = rec.Penghargaan
	case rec.Hukdis != nil:
		out.Data = rec.Hukdis
	case rec.Gaji != nil:
		out.Data = rec.Gaji
	case rec.Cuti != nil:
		out.Data = rec.Cuti
	case rec.AngkaKredit != nil:
		out.Data = rec.AngkaKredit
	case rec.Organisasi != nil:
		out.Data = rec.Organisasi
	case rec.MasaKerja != nil:
		out.Data = rec.MasaKerja
	default:
		out.Data = struct{}{}
	}
	return out
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
//	  "schema": 6,                       // SchemaVersion of the file
//	  "exported_at": "2025-01-31T09:00:00+07:00",
//	  "office": {"name": "...", "demo": false},
//	  "settings": {...},                 // domain.CareerSettings in effect (defaults when never saved)
//	  "skp_settings": {"frekuensi": "Triwulanan", "bukti_max_bytes": 5242880, "rating_kepala_unit": {...}},
//	  "merit_settings": {"gabungan_unit": "Terendah", "instrumen_bawaan": "PANRB-19-2025"},
//	  "kop": {"lines": ["..."], "address": "...", "place": "...", "logo": "base64 PNG/JPEG or \"\"",
//	    "logo_type": "png", "papers": {"skp": {"size": "A4", "landscape": true}, ...}},
//	  "units": [{"id": 1, "name": "Sekretariat", "parent_id": 0, "head_id": 0}, ...],
//	  "accounts": [{"id": 1, "username": "admin", "name": "...", "roles": ["Admin"],
//	    "employee_id": 0, "must_change_password": false, "disabled": false, "created": "RFC 3339"}, ...],
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
//	  }, ...],
//	  "riwayat": [{"id": 1, "employee_id": 1, "kind": "pangkat", "created": "RFC 3339",
//	    "updated": "RFC 3339", "data": {"golongan": "III/b", "tmt": "2020-04-01", ...}}, ...],
//	  "atasan": [{"year": 2026, "employee_id": 7, "atasan_id": 3, "atasan_penilai_id": 1,
//	    "override": true}, ...],         // stored entries only; the rest of a map is derived
//	  "skp": [{...the plan, "realisasi", "umpan_balik", "dialog_kinerja", "evaluasi",
//	    "versi_sebelumnya"}, ...],       // see skp_export.go and EXPORT.md; bukti described, not included
//	  "predikat_organisasi": [{"year", "unit_id", "predikat", "capaian", "by", "time"}, ...],
//	  "merit": [{"id", "year", "unit_id", "instrumen_id", "instrumen_versi", "tahap", "tim", "koordinator",
//	    "verifikator", "jawaban": [{.., "bukti": [..]}], "rencana_perbaikan", ...}, ...], // see merit_export.go
//	  "instrumen_merit": [{"id", "versi", "judul", "regulasi", "status", "sha256", "berkas": {the file}}, ...],
//	  "audit": [{"id": 1, "time": "RFC 3339", "account_id": 1, "account": "admin",
//	    "action": "buat", "entity": "pegawai", "entity_id": 7, "employee_id": 7,
//	    "summary": ["nama: \"Budi\"", ...]}, ...]
//	}
//
// Keys are snake_case and always present: empty text is "", an unset date
// is "", an unset number is 0. Dates are YYYY-MM-DD; units, accounts,
// employees, riwayat and audit entries are ordered by id, atasan entries
// by year and employee. Accounts never include
// password hashes or login counters. The records are read in one
// transaction and then written, so the document is a consistent snapshot.
// See EXPORT.md.
//
// Export is a system operation: it needs no login, but a logged-in actor
// must be an Admin.
func (s *Store) ExportJSON(ctx context.Context, w io.Writer) error {
	const op = "export"
	hdr := exportHeader{
		Format: ExportFormat, FormatVersion: ExportFormatVersion, Schema: SchemaVersion,
		ExportedAt: s.now().Format(time.RFC3339), Units: []exportUnit{}, Accounts: []exportAccount{},
	}
	var emps []domain.Employee
	var audit []domain.AuditEntry
	var rws []domain.Riwayat
	var atasan []exportAtasan
	var kin exportKinerja
	var mer exportMeritData
	err := s.read(ctx, op, systemOrAdmin, func(tx *bolt.Tx, _ domain.Actor) error {
		if mb := tx.Bucket(bucketMeta); mb != nil {
			if v := mb.Get(metaOffice); v != nil {
				o, err := decodeOffice(v)
				if err != nil {
					return corrupt("kantor", 0, err)
				}
				hdr.Office = exportOffice{Name: o.Name, Demo: o.Demo}
			}
		}
		us, err := allUnitNodes(tx)
		if err != nil {
			return err
		}
		for _, u := range us {
			hdr.Units = append(hdr.Units, exportUnit{ID: u.ID, Name: u.Name, ParentID: u.ParentID, HeadID: u.HeadID})
		}
		set, err := readSettings(tx)
		if err != nil {
			return err
		}
		if hdr.Settings, err = json.Marshal(set); err != nil {
			return err
		}
		if kin, err = readExportKinerja(ctx, tx); err != nil {
			return err
		}
		hdr.SKPSettings = kin.settings
		if mer, err = readExportMerit(ctx, tx); err != nil {
			return err
		}
		hdr.MeritSettings = mer.settings
		k, err := readKop(tx)
		if err != nil {
			return err
		}
		hdr.Kop = toExportKop(k)
		if rb := tx.Bucket(bucketRiwayat); rb != nil {
			c := rb.Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				if len(rws)%4096 == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
				r, err := decodeRiwayatAt(k, v)
				if err != nil {
					return err
				}
				rws = append(rws, r)
			}
			// Keys order by employee, kind, id; the document orders by id.
			sort.Slice(rws, func(i, j int) bool { return rws[i].ID < rws[j].ID })
		}
		if ab := tx.Bucket(bucketAtasan); ab != nil {
			c := ab.Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				year, emp, ok := parseAtasanKey(k)
				if !ok {
					return corrupt("peta atasan", 0, fmt.Errorf("atasan key %x", k))
				}
				r, err := decodeAtasan(v)
				if err != nil {
					return corrupt("peta atasan", emp, err)
				}
				atasan = append(atasan, exportAtasan{Year: year, EmployeeID: emp, AtasanID: r.AtasanID,
					AtasanPenilaiID: r.AtasanPenilaiID, Override: r.Override})
			}
		}
		accts, err := allAccounts(tx)
		if err != nil {
			return err
		}
		for _, r := range accts {
			hdr.Accounts = append(hdr.Accounts, toExportAccount(r))
		}
		if ab := tx.Bucket(bucketAudit); ab != nil {
			c := ab.Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				if len(audit)%4096 == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
				id, _ := parseID(k)
				e, err := decodeAudit(v)
				if err != nil {
					return corrupt("riwayat perubahan", id, err)
				}
				e.ID = id
				audit = append(audit, e)
			}
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
	if err := writeExport(ctx, w, hdr, emps, rws, atasan, kin, mer, audit); err != nil {
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

func writeExport(ctx context.Context, w io.Writer, hdr exportHeader, emps []domain.Employee, rws []domain.Riwayat,
	atasan []exportAtasan, kin exportKinerja, mer exportMeritData, audit []domain.AuditEntry) error {
	head, err := marshalIndent(hdr, "")
	if err != nil {
		return err
	}
	// head ends with "\n}": reopen it to stream the employees and the audit
	// trail.
	head = bytes.TrimSuffix(head, []byte("\n}"))
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head)
	if err := streamArray(ctx, bw, "employees", len(emps), func(i int) any { return toExport(emps[i]) }); err != nil {
		return err
	}
	if err := streamArray(ctx, bw, "riwayat", len(rws), func(i int) any { return toExportRiwayat(rws[i]) }); err != nil {
		return err
	}
	if err := streamArray(ctx, bw, "atasan", len(atasan), func(i int) any { return atasan[i] }); err != nil {
		return err
	}
	if err := streamArray(ctx, bw, "skp", len(kin.skps), func(i int) any { return kin.skps[i] }); err != nil {
		return err
	}
	if err := streamArray(ctx, bw, "predikat_organisasi", len(kin.org), func(i int) any { return kin.org[i] }); err != nil {
		return err
	}
	if err := streamArray(ctx, bw, "merit", len(mer.assessments), func(i int) any { return mer.assessments[i] }); err != nil {
		return err
	}
	if err := streamArray(ctx, bw, "instrumen_merit", len(mer.instruments), func(i int) any { return mer.instruments[i] }); err != nil {
		return err
	}
	if err := streamArray(ctx, bw, "audit", len(audit), func(i int) any { return toExportAudit(audit[i]) }); err != nil {
		return err
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// streamArray writes `,\n  "key": [...]` with n elements, one at a time.
func streamArray(ctx context.Context, bw *bufio.Writer, key string, n int, elem func(int) any) error {
	bw.WriteString(",\n  \"" + key + "\": [")
	if n == 0 {
		bw.WriteString("]")
		return nil
	}
	for i := range n {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		b, err := marshalIndent(elem(i), "    ")
		if err != nil {
			return err
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		bw.Write(b)
	}
	bw.WriteString("\n  ]")
	return nil
}

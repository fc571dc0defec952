package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"asndesk/domain"
)

// Record versions: the "v" field of each stored JSON value.
const (
	employeeRecV = 1
	unitRecV     = 1
	officeRecV   = 1
	accountRecV  = 1
	auditRecV    = 1
	riwayatRecV  = 1
	atasanRecV   = 1
	settingsRecV = 1
	rowV         = 2
)

// employeeRec is the stored form of domain.Employee. Enumerations are kept
// as their stable numeric codes, dates as "YYYY-MM-DD".
type employeeRec struct {
	V    int    `json:"v"`
	ID   uint64 `json:"id"`
	Kind int    `json:"kind"`

	Nama             string `json:"nama"`
	GelarDepan       string `json:"gelar_depan,omitempty"`
	GelarBelakang    string `json:"gelar_belakang,omitempty"`
	TempatLahir      string `json:"tempat_lahir,omitempty"`
	TanggalLahir     string `json:"tanggal_lahir,omitempty"`
	JenisKelamin     int    `json:"jenis_kelamin,omitempty"`
	Agama            string `json:"agama,omitempty"`
	StatusPerkawinan string `json:"status_perkawinan,omitempty"`
	NIK              string `json:"nik,omitempty"`
	Alamat           string `json:"alamat,omitempty"`
	NomorHP          string `json:"nomor_hp,omitempty"`
	Email            string `json:"email,omitempty"`

	NIP          string `json:"nip"`
	Status       int    `json:"status"`
	TMTCPNS      string `json:"tmt_cpns,omitempty"`
	TMTPNS       string `json:"tmt_pns,omitempty"`
	TMTKontrak   string `json:"tmt_kontrak,omitempty"`
	AkhirKontrak string `json:"akhir_kontrak,omitempty"`
	Golongan     string `json:"golongan,omitempty"`
	JenisJabatan int    `json:"jenis_jabatan,omitempty"`
	Jenjang      int    `json:"jenjang,omitempty"`
	NamaJabatan  string `json:"nama_jabatan,omitempty"`
	UnitID       uint64 `json:"unit_id,omitempty"`
	AtasanID     uint64 `json:"atasan_id,omitempty"`
	Pendidikan   string `json:"pendidikan,omitempty"`
	BUPOverride  int    `json:"bup_override,omitempty"`

	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

func employeeToRec(e domain.Employee) employeeRec {
	return employeeRec{
		V: employeeRecV, ID: e.ID, Kind: int(e.Kind),
		Nama: e.Nama, GelarDepan: e.GelarDepan, GelarBelakang: e.GelarBelakang,
		TempatLahir: e.TempatLahir, TanggalLahir: e.TanggalLahir.ISO(),
		JenisKelamin: int(e.JenisKelamin), Agama: e.Agama, StatusPerkawinan: e.StatusPerkawinan,
		NIK: e.NIK, Alamat: e.Alamat, NomorHP: e.NomorHP, Email: e.Email,
		NIP: e.NIP, Status: int(e.Status),
		TMTCPNS: e.TMTCPNS.ISO(), TMTPNS: e.TMTPNS.ISO(),
		TMTKontrak: e.TMTKontrak.ISO(), AkhirKontrak: e.AkhirKontrak.ISO(),
		Golongan: e.Golongan, JenisJabatan: int(e.JenisJabatan), Jenjang: int(e.Jenjang),
		NamaJabatan: e.NamaJabatan, UnitID: e.UnitID, AtasanID: e.AtasanID,
		Pendidikan: e.Pendidikan, BUPOverride: e.BUPOverride,
		Created: e.Created, Updated: e.Updated,
	}
}

func (r employeeRec) toDomain() (domain.Employee, error) {
	e := domain.Employee{
		ID: r.ID, Kind: domain.Kind(r.Kind),
		Nama: r.Nama, GelarDepan: r.GelarDepan, GelarBelakang: r.GelarBelakang,
		TempatLahir: r.TempatLahir, JenisKelamin: domain.Gender(r.JenisKelamin),
		Agama: r.Agama, StatusPerkawinan: r.StatusPerkawinan,
		NIK: r.NIK, Alamat: r.Alamat, NomorHP: r.NomorHP, Email: r.Email,
		NIP: r.NIP, Status: domain.Status(r.Status),
		Golongan: r.Golongan, JenisJabatan: domain.JabatanKind(r.JenisJabatan),
		Jenjang: domain.Jenjang(r.Jenjang), NamaJabatan: r.NamaJabatan,
		UnitID: r.UnitID, AtasanID: r.AtasanID, Pendidikan: r.Pendidikan,
		BUPOverride: r.BUPOverride, Created: r.Created, Updated: r.Updated,
	}
	for _, d := range []struct {
		name string
		src  string
		dst  *domain.Date
	}{
		{"tanggal_lahir", r.TanggalLahir, &e.TanggalLahir},
		{"tmt_cpns", r.TMTCPNS, &e.TMTCPNS},
		{"tmt_pns", r.TMTPNS, &e.TMTPNS},
		{"tmt_kontrak", r.TMTKontrak, &e.TMTKontrak},
		{"akhir_kontrak", r.AkhirKontrak, &e.AkhirKontrak},
	} {
		v, err := parseISODate(d.src)
		if err != nil {
			return domain.Employee{}, fmt.Errorf("%s: %w", d.name, err)
		}
		*d.dst = v
	}
	return e, nil
}

// parseISODate reads the stored "YYYY-MM-DD" form; "" is the zero date.
func parseISODate(s string) (domain.Date, error) {
	if s == "" {
		return domain.Date{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return domain.Date{}, fmt.Errorf("bad date %q", s)
	}
	return domain.DateOf(t), nil
}

func encodeEmployee(e domain.Employee) ([]byte, error) {
	return json.Marshal(employeeToRec(e))
}

func decodeEmployee(v []byte) (domain.Employee, error) {
	var r employeeRec
	if err := json.Unmarshal(v, &r); err != nil {
		return domain.Employee{}, err
	}
	if r.V < 1 || r.V > employeeRecV {
		return domain.Employee{}, fmt.Errorf("unknown employee record version %d", r.V)
	}
	return r.toDomain()
}

// unitRec is the stored form of domain.UnitNode (and so of domain.Unit).
// Schema 4 added parent_id and head_id; they are omitted when 0, so a
// schema-3 record reads as a top-level unit without a head.
type unitRec struct {
	V        int    `json:"v"`
	ID       uint64 `json:"id"`
	Name     string `json:"name"`
	ParentID uint64 `json:"parent_id,omitempty"`
	HeadID   uint64 `json:"head_id,omitempty"`
}

func encodeUnit(u domain.Unit) ([]byte, error) {
	return encodeUnitNode(domain.UnitNode{Unit: u})
}

func encodeUnitNode(n domain.UnitNode) ([]byte, error) {
	return json.Marshal(unitRec{V: unitRecV, ID: n.ID, Name: n.Name, ParentID: n.ParentID, HeadID: n.HeadID})
}

func decodeUnit(v []byte) (domain.Unit, error) {
	n, err := decodeUnitNode(v)
	return n.Unit, err
}

func decodeUnitNode(v []byte) (domain.UnitNode, error) {
	var r unitRec
	if err := json.Unmarshal(v, &r); err != nil {
		return domain.UnitNode{}, err
	}
	if r.V < 1 || r.V > unitRecV {
		return domain.UnitNode{}, fmt.Errorf("unknown unit record version %d", r.V)
	}
	return domain.UnitNode{Unit: domain.Unit{ID: r.ID, Name: r.Name}, ParentID: r.ParentID, HeadID: r.HeadID}, nil
}

// officeRec is the stored form of domain.Office.
type officeRec struct {
	V    int    `json:"v"`
	Name string `json:"name"`
	Demo bool   `json:"demo,omitempty"`
}

func encodeOffice(o domain.Office) ([]byte, error) {
	return json.Marshal(officeRec{V: officeRecV, Name: o.Name, Demo: o.Demo})
}

func decodeOffice(v []byte) (domain.Office, error) {
	var r officeRec
	if err := json.Unmarshal(v, &r); err != nil {
		return domain.Office{}, err
	}
	if r.V < 1 || r.V > officeRecV {
		return domain.Office{}, fmt.Errorf("unknown office record version %d", r.V)
	}
	return domain.Office{Name: r.Name, Demo: r.Demo}, nil
}

// Row encoding. The register decodes every row at start-up, so rows are a
// small binary format instead of JSON:
//
//	byte     version (2)
//	varint   kind, status
//	uvarint  unit id
//	uvarint  atasan id                   (version 2 and later)
//	4 × uvarint  byte lengths of nip, nama (with gelar), nama jabatan, golongan
//	bytes    the four strings, concatenated in that order
//
// The id is the key and is not repeated. Keeping the text together lets the
// decoder copy it with one allocation. Decoders ignore trailing bytes, so a
// later version may append fields. Version 1 (schema 2) had no atasan id;
// the schema-3 migration rewrites every row as version 2, and the decoder
// still reads version 1 as atasan 0.
func encodeRow(r domain.Row) []byte {
	fields := [...]string{r.NIP, r.Nama, r.NamaJabatan, r.Golongan}
	n := 1 + 4*binary.MaxVarintLen64 + len(fields)*binary.MaxVarintLen64
	for _, f := range fields {
		n += len(f)
	}
	b := make([]byte, 0, n)
	b = append(b, rowV)
	b = binary.AppendVarint(b, int64(r.Kind))
	b = binary.AppendVarint(b, int64(r.Status))
	b = binary.AppendUvarint(b, r.UnitID)
	b = binary.AppendUvarint(b, r.AtasanID)
	for _, f := range fields {
		b = binary.AppendUvarint(b, uint64(len(f)))
	}
	for _, f := range fields {
		b = append(b, f...)
	}
	return b
}

var errBadRow = errors.New("malformed row")

// decodeRow reads a row written by encodeRow. The strings are copied, so the
// result stays valid after the transaction.
func decodeRow(id uint64, b []byte) (domain.Row, error) {
	if len(b) == 0 || b[0] < 1 || b[0] > rowV {
		return domain.Row{}, errBadRow
	}
	ver := b[0]
	p := 1
	kind, n := binary.Varint(b[p:])
	if n <= 0 {
		return domain.Row{}, errBadRow
	}
	p += n
	status, n := binary.Varint(b[p:])
	if n <= 0 {
		return domain.Row{}, errBadRow
	}
	p += n
	unit, n := binary.Uvarint(b[p:])
	if n <= 0 {
		return domain.Row{}, errBadRow
	}
	p += n
	var atasan uint64
	if ver >= 2 {
		if atasan, n = binary.Uvarint(b[p:]); n <= 0 {
			return domain.Row{}, errBadRow
		}
		p += n
	}
	var lens [4]uint64
	total := uint64(0)
	for i := range lens {
		if lens[i], n = binary.Uvarint(b[p:]); n <= 0 {
			return domain.Row{}, errBadRow
		}
		p += n
		total += lens[i]
		if lens[i] > uint64(len(b)) || total > uint64(len(b)-p) {
			return domain.Row{}, errBadRow
		}
	}
	text := string(b[p : p+int(total)]) // one copy for all four strings
	var fields [4]string
	off := 0
	for i, l := range lens {
		fields[i] = text[off : off+int(l)]
		off += int(l)
	}
	return domain.Row{ID: id, Kind: domain.Kind(kind), Status: domain.Status(status), UnitID: unit, AtasanID: atasan,
		NIP: fields[0], Nama: fields[1], NamaJabatan: fields[2], Golongan: fields[3]}, nil
}

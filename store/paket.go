package store

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"asndesk/domain"

	"filippo.io/age"
	bolt "go.etcd.io/bbolt"
)

// The hand-over packet (paket serah terima): a zip of a manifest, the
// records of one slice as JSON and every bukti file as its own part,
// encrypted with age. See PAKET.md. This file builds and opens packets;
// paket_merge.go compares one with the data file and merges it.

// PaketFormat and PaketFormatVersion identify a packet's manifest.
const (
	PaketFormat        = "asndesk-paket"
	PaketFormatVersion = 1

	paketManifestName = "manifest.json"
	paketDataName     = "data.json"
	paketBlobPrefix   = "bukti/"
)

// AppVersion is the asndesk version written into packets; the program sets
// it at start.
var AppVersion = "dev"

// The packet types are the domain's, so that the screens can name them.
type (
	PaketSlice    = domain.PaketSlice
	PaketManifest = domain.PaketManifest
	PaketPlan     = domain.PaketPlan
	PaketSummary  = domain.PaketSummary
)

const (
	msgPaketNotPaket  = "Berkas ini bukan paket asndesk."
	msgPaketDamaged   = "Paket rusak atau terpotong sehingga isinya tidak dapat dibuka. Minta pengirim membuat ulang paketnya."
	msgPaketWrongPass = "Frasa sandi salah: paket tidak dapat dibuka."
	msgPaketNeedPass  = "Paket ini dikunci dengan frasa sandi. Masukkan frasa sandinya."
	msgPaketNeedKey   = "Paket ini dikunci untuk kunci penerima (age1…). Pilih berkas identitas (kunci rahasia AGE-SECRET-KEY-…) Anda."
	msgPaketWrongKey  = "Paket ini tidak dikunci untuk kunci Anda: identitas yang dipilih tidak cocok dengan penerimanya."
	msgPaketBadData   = "Data di dalam paket tidak dapat dibaca; paket dibuat oleh program lain atau rusak."
)

// manifestJSON is manifest.json.
type manifestJSON struct {
	Format     string         `json:"format"`
	Version    int            `json:"version"`
	Created    string         `json:"created"`
	Office     string         `json:"office"`
	AppVersion string         `json:"asndesk_version"`
	Slice      sliceJSON      `json:"slice"`
	Counts     map[string]int `json:"counts"`
	Parts      []partJSON     `json:"parts"`
}

type sliceJSON struct {
	Isi   string `json:"isi"`
	Tahun int    `json:"tahun"`
	Unit  string `json:"unit"`
}

type partJSON struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

func (m manifestJSON) toDomain() (domain.PaketManifest, error) {
	t, err := time.Parse(time.RFC3339, m.Created)
	if err != nil && m.Created != "" {
		return domain.PaketManifest{}, err
	}
	out := domain.PaketManifest{Format: m.Format, Version: m.Version, Created: t, Office: m.Office, AppVersion: m.AppVersion,
		Kind: m.Slice.Isi, Year: m.Slice.Tahun, Unit: m.Slice.Unit, Counts: m.Counts}
	for _, p := range m.Parts {
		out.Parts = append(out.Parts, domain.PaketPart(p))
	}
	return out, nil
}

// paketData is data.json. Records are in their stored form (the JSON the
// data file keeps, with its "v"), so that a packet carries every field
// exactly; ids are the sender's and are mapped on merge: units by name,
// employees by NIP (People names the NIP of every employee id the records
// mention), accounts by username.
type paketData struct {
	Units       []paketUnit       `json:"units"`
	People      map[string]string `json:"people"`   // sender's employee id → NIP
	Accounts    map[string]string `json:"accounts"` // sender's account id → username
	Employees   []json.RawMessage `json:"employees"`
	Riwayat     []json.RawMessage `json:"riwayat"`
	SKP         []paketSKPJSON    `json:"skp"`
	Merit       []json.RawMessage `json:"merit"`
	Instruments []json.RawMessage `json:"instruments"` // instrument files (assets/INSTRUMEN.md) the merit part uses
}

type paketUnit struct {
	ID   uint64 `json:"id"`
	Name string `json:"name"`
}

type paketSKPJSON struct {
	Plan      json.RawMessage   `json:"plan"`
	Work      []json.RawMessage `json:"realisasi"`
	Feedback  []json.RawMessage `json:"umpan_balik"`
	Dialogs   []json.RawMessage `json:"dialog_kinerja"`
	Evals     []json.RawMessage `json:"evaluasi"`
	Revisions []json.RawMessage `json:"versi_sebelumnya"`
}

// paketContent is a packet decoded: what a plan carries to its apply.
type paketContent struct {
	man       domain.PaketManifest
	units     map[uint64]string
	people    map[uint64]string
	accounts  map[uint64]string
	emps      []domain.Employee
	rws       []domain.Riwayat
	skps      []domain.SKPFile
	merits    []domain.MeritAssessment
	insts     [][]byte
	blobs     map[string][]byte // sha256 hex → bytes
	fromStore string            // the data file the plan was made against
}

// CreatePaket writes a packet of slice to w, encrypted with passphrase
// (scrypt) or for recipients ("age1…" keys; exactly one of the two). It
// returns the manifest. Creating a packet is an export: a headless run or
// an Admin.
func (s *Store) CreatePaket(ctx context.Context, slice PaketSlice, w io.Writer, passphrase string, recipients []string) (PaketManifest, error) {
	const op = "create paket"
	rcpts, err := paketRecipients(passphrase, recipients)
	if err != nil {
		return PaketManifest{}, err
	}
	var data paketData
	var blobs map[string][]byte
	man := manifestJSON{Format: PaketFormat, Version: PaketFormatVersion, Created: s.now().Format(time.RFC3339),
		AppVersion: AppVersion, Slice: sliceJSON{Isi: slice.Kind}}
	err = s.read(ctx, op, systemOrAdmin, func(tx *bolt.Tx, _ domain.Actor) error {
		c := &paketCollector{tx: tx, units: map[uint64]bool{}, people: map[uint64]bool{}, accounts: map[uint64]bool{},
			blobs: map[string][]byte{}}
		if o, ok, err := officeIn(tx); err != nil {
			return err
		} else if ok {
			man.Office = o.Name
		}
		if err := c.collect(ctx, slice, &man); err != nil {
			return err
		}
		where := ""
		if man.Slice.Unit != "" {
			where = " di unit " + man.Slice.Unit
		}
		switch {
		case slice.Kind == domain.PaketKinerja && len(c.data.SKP) == 0:
			return fail(domain.ENOTFOUND, fmt.Sprintf("Tidak ada SKP tahun %d%s untuk dimasukkan ke paket.", slice.Year, where), nil)
		case slice.Kind == domain.PaketPegawai && len(c.data.Employees) == 0:
			return fail(domain.ENOTFOUND, "Tidak ada pegawai"+where+" untuk dimasukkan ke paket.", nil)
		}
		data, blobs = c.data, c.blobs
		return c.finish(&data)
	})
	if err != nil {
		return PaketManifest{}, err
	}
	man.Counts = map[string]int{"pegawai": len(data.Employees), "riwayat": len(data.Riwayat), "skp": len(data.SKP),
		"merit": len(data.Merit), "unit": len(data.Units), "bukti": len(blobs)}
	raw, err := marshalIndent(data, "")
	if err != nil {
		return PaketManifest{}, boundary(op, err)
	}
	parts := map[string][]byte{paketDataName: raw}
	for sum, b := range blobs {
		parts[paketBlobPrefix+sum] = b
	}
	names := slices.Sorted(maps.Keys(parts))
	for _, n := range names {
		man.Parts = append(man.Parts, partJSON{Name: n, Size: int64(len(parts[n])), SHA256: sha256Hex(parts[n])})
	}
	if err := writePaket(ctx, w, man, names, parts, rcpts); err != nil {
		if ctx.Err() != nil {
			return PaketManifest{}, ctx.Err()
		}
		return PaketManifest{}, fail(domain.EINTERNAL, "Paket tidak dapat ditulis. Periksa ruang kosong dan izin folder tujuan.",
			fmt.Errorf("store: %s: %w", op, err))
	}
	return man.toDomain()
}

// paketRecipients checks the lock of a new packet: a passphrase, or one or
// more recipient keys, not both (age's scrypt lock stands alone).
func paketRecipients(passphrase string, recipients []string) ([]age.Recipient, error) {
	var keys []string
	for _, r := range recipients {
		for _, f := range strings.FieldsFunc(r, func(c rune) bool { return c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t' }) {
			if !strings.HasPrefix(f, "#") {
				keys = append(keys, f)
			}
		}
	}
	switch {
	case passphrase != "" && len(keys) > 0:
		return nil, fail(domain.EINVALID, "Pilih salah satu: frasa sandi atau kunci penerima, bukan keduanya.", nil)
	case passphrase == "" && len(keys) == 0:
		return nil, fail(domain.EINVALID, "Paket harus dikunci: isi frasa sandi atau kunci penerima (age1…).", nil)
	case passphrase != "":
		r, err := age.NewScryptRecipient(passphrase)
		if err != nil {
			return nil, fail(domain.EINVALID, "Frasa sandi tidak dapat dipakai.", err)
		}
		r.SetWorkFactor(scryptLogN)
		return []age.Recipient{r}, nil
	}
	out := make([]age.Recipient, 0, len(keys))
	for _, k := range keys {
		r, err := age.ParseX25519Recipient(k)
		if err != nil {
			return nil, fail(domain.EINVALID, fmt.Sprintf("Kunci penerima %q tidak sah: kunci penerima diawali age1 "+
				"dan dibuat dengan \"asndesk paket kunci\" (atau age-keygen).", shorten(k, 24)), err)
		}
		out = append(out, r)
	}
	return out, nil
}

func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// writePaket writes the encrypted zip: the manifest first, then the parts
// in name order. Bukti are stored as they are (most are already
// compressed: PDF, JPEG); the data part is deflated.
func writePaket(ctx context.Context, w io.Writer, man manifestJSON, names []string, parts map[string][]byte, rcpts []age.Recipient) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	aw, err := age.Encrypt(bw, rcpts...)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(ctxWriter{ctx, aw})
	mraw, err := marshalIndent(man, "")
	if err != nil {
		return err
	}
	mod := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // fixed: the manifest carries the real time
	put := func(name string, b []byte, method uint16) error {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: mod})
		if err != nil {
			return err
		}
		_, err = fw.Write(b)
		return err
	}
	if err := put(paketManifestName, mraw, zip.Deflate); err != nil {
		return err
	}
	for _, n := range names {
		method := zip.Deflate
		if strings.HasPrefix(n, paketBlobPrefix) {
			method = zip.Store
		}
		if err := put(n, parts[n], method); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := aw.Close(); err != nil {
		return err
	}
	return bw.Flush()
}

// paketCollector gathers the records of a slice inside one read
// transaction.
type paketCollector struct {
	tx       *bolt.Tx
	data     paketData
	units    map[uint64]bool
	people   map[uint64]bool
	accounts map[uint64]bool
	blobs    map[string][]byte
	included map[uint64]bool // employees whose profile is in the packet
}

func officeIn(tx *bolt.Tx) (domain.Office, bool, error) {
	mb := tx.Bucket(bucketMeta)
	if mb == nil {
		return domain.Office{}, false, nil
	}
	v := mb.Get(metaOffice)
	if v == nil {
		return domain.Office{}, false, nil
	}
	o, err := decodeOffice(v)
	if err != nil {
		return domain.Office{}, false, corrupt("kantor", 0, err)
	}
	return o, true, nil
}

func (c *paketCollector) collect(ctx context.Context, slice PaketSlice, man *manifestJSON) error {
	if slice.UnitID != 0 {
		if slice.Kind == domain.PaketMerit {
			return fail(domain.EINVALID, "Paket penilaian merit tidak dipilih per unit; pilih penilaiannya saja.", nil)
		}
		ub := c.tx.Bucket(bucketUnits)
		if ub == nil || ub.Get(idKey(slice.UnitID)) == nil {
			return fail(domain.ENOTFOUND, msgUnitNotFound, nil)
		}
		man.Slice.Unit = unitLabel(c.tx, slice.UnitID)
	}
	c.included = map[uint64]bool{}
	switch slice.Kind {
	case domain.PaketPegawai:
		return c.pegawai(ctx, slice.UnitID)
	case domain.PaketKinerja:
		if !validYear(slice.Year) {
			return fail(domain.EINVALID, "Pilih tahun kinerja yang akan dimasukkan ke paket (2000–2100).", nil)
		}
		man.Slice.Tahun = slice.Year
		return c.kinerja(ctx, slice.Year, slice.UnitID)
	case domain.PaketMerit:
		as, err := getMerit(c.tx, slice.MeritID)
		if err != nil {
			return err
		}
		man.Slice.Tahun = as.Year
		return c.merit(as, man.Office)
	}
	return fail(domain.EINVALID, "Pilih isi paket: pegawai, kinerja, atau merit.", nil)
}

// addEmployee puts e's profile into the packet once.
func (c *paketCollector) addEmployee(e domain.Employee) error {
	if c.included[e.ID] {
		return nil
	}
	c.included[e.ID] = true
	v, err := encodeEmployee(e)
	if err != nil {
		return err
	}
	c.data.Employees = append(c.data.Employees, v)
	c.units[e.UnitID] = true
	c.people[e.ID], c.people[e.AtasanID] = true, true
	return nil
}

func (c *paketCollector) pegawai(ctx context.Context, unit uint64) error {
	eb := c.tx.Bucket(bucketEmployees)
	if eb == nil {
		return nil
	}
	cur := eb.Cursor()
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		id, _ := parseID(k)
		e, err := decodeEmployee(v)
		if err != nil {
			return corrupt("pegawai", id, err)
		}
		e.ID = id
		if unit != 0 && e.UnitID != unit {
			continue
		}
		if err := c.addEmployee(e); err != nil {
			return err
		}
		rws, err := employeeRiwayat(c.tx, id, 0)
		if err != nil {
			return err
		}
		slices.SortFunc(rws, func(a, b domain.Riwayat) int { return int(a.ID) - int(b.ID) })
		for _, r := range rws {
			if r.Jabatan != nil {
				c.units[r.Jabatan.UnitID] = true
			}
			v, err := encodeRiwayat(r)
			if err != nil {
				return err
			}
			c.data.Riwayat = append(c.data.Riwayat, v)
		}
	}
	return nil
}

func (c *paketCollector) snapshot(p domain.PersonSnapshot) {
	c.people[p.EmployeeID], c.units[p.UnitID] = true, true
}

func (c *paketCollector) bukti(list []domain.Bukti) error {
	for _, b := range list {
		if b.Kind != domain.BuktiFile {
			continue
		}
		if _, ok := c.blobs[b.SHA256]; ok {
			continue
		}
		full, err := readBukti(c.tx, b)
		if err != nil {
			return err
		}
		c.blobs[b.SHA256] = full.Contents
	}
	return nil
}

func (c *paketCollector) kinerja(ctx context.Context, year int, unit uint64) error {
	b := c.tx.Bucket(bucketSKP)
	if b == nil {
		return nil
	}
	cur := b.Cursor()
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		id, _ := parseID(k)
		sk, err := decodeSKP(v)
		if err != nil {
			return corrupt("SKP", id, err)
		}
		sk.ID = id
		if sk.Year != year || unit != 0 && sk.Pegawai.UnitID != unit {
			continue
		}
		f, err := fileOf(c.tx, sk)
		if err != nil {
			return err
		}
		if err := c.addSKP(f); err != nil {
			return err
		}
	}
	// The employees the SKPs name go along (profile only), so that the
	// receiver can place SKPs of people it does not have yet.
	for _, id := range slices.Sorted(maps.Keys(c.people)) {
		if id == 0 || c.included[id] {
			continue
		}
		e, err := getEmployee(c.tx, id)
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			continue // someone removed since: the SKP keeps its copy of the person
		}
		if err != nil {
			return err
		}
		if err := c.addEmployee(e); err != nil {
			return err
		}
	}
	return nil
}

func (c *paketCollector) addSKP(f domain.SKPFile) error {
	var out paketSKPJSON
	var err error
	if out.Plan, err = encodeSKP(f.SKP); err != nil {
		return err
	}
	c.people[f.SKP.EmployeeID] = true
	for _, p := range []domain.PersonSnapshot{f.SKP.Pegawai, f.SKP.Penilai, f.SKP.AtasanPenilai} {
		c.snapshot(p)
	}
	for _, w := range f.Work {
		v, err := encodeWork(w)
		if err != nil {
			return err
		}
		out.Work = append(out.Work, v)
		if err := c.bukti(w.Bukti); err != nil {
			return err
		}
	}
	for _, x := range f.Feedback {
		v, err := encodeFeedback(x)
		if err != nil {
			return err
		}
		c.people[x.AuthorID] = true
		out.Feedback = append(out.Feedback, v)
	}
	for _, d := range f.Dialogs {
		v, err := encodeDialog(d)
		if err != nil {
			return err
		}
		out.Dialogs = append(out.Dialogs, v)
	}
	for _, e := range f.Evals {
		v, err := encodeEval(e)
		if err != nil {
			return err
		}
		c.people[e.EmployeeID] = true
		c.snapshot(e.Snapshot.Penilai)
		c.snapshot(e.Snapshot.Pegawai)
		out.Evals = append(out.Evals, v)
	}
	for i, r := range f.Revisions {
		v, err := encodeRevision(uint64(i+1), r)
		if err != nil {
			return err
		}
		out.Revisions = append(out.Revisions, v)
	}
	c.data.SKP = append(c.data.SKP, out)
	return nil
}

func (c *paketCollector) merit(as domain.MeritAssessment, office string) error {
	if as.Origin == "" {
		// The receiver recognises this assessment by where it was made.
		as.Origin = office + "/" + strconv.FormatUint(as.ID, 10)
	}
	v, err := encodeMerit(as)
	if err != nil {
		return err
	}
	c.data.Merit = append(c.data.Merit, v)
	c.units[as.UnitID] = true
	for _, id := range append(append([]uint64{as.Koordinator}, as.Team...), as.Verifikator...) {
		c.accounts[id] = true
	}
	for _, code := range slices.Sorted(maps.Keys(as.Answers)) {
		if err := c.bukti(as.Answers[code].Evidence); err != nil {
			return err
		}
	}
	if _, raw, ok, err := importedInstrument(c.tx, as.InstrumentID, as.InstrumentVersion); err != nil {
		return err
	} else if ok {
		c.data.Instruments = append(c.data.Instruments, raw)
	}
	return nil
}

// finish fills the lookup tables: unit names, NIPs, usernames.
func (c *paketCollector) finish(d *paketData) error {
	d.Units = []paketUnit{}
	for _, id := range slices.Sorted(maps.Keys(c.units)) {
		if id == 0 {
			continue
		}
		if ub := c.tx.Bucket(bucketUnits); ub != nil {
			if v := ub.Get(idKey(id)); v != nil {
				u, err := decodeUnit(v)
				if err != nil {
					return corrupt("unit kerja", id, err)
				}
				d.Units = append(d.Units, paketUnit{ID: id, Name: u.Name})
			}
		}
	}
	d.People = map[string]string{}
	for id := range c.people {
		if id == 0 {
			continue
		}
		if e, err := getEmployee(c.tx, id); err == nil {
			d.People[strconv.FormatUint(id, 10)] = ident(e.NIP)
		} else if domain.ErrorCode(err) != domain.ENOTFOUND {
			return err
		}
	}
	d.Accounts = map[string]string{}
	for id := range c.accounts {
		if rec, ok, err := getAccount(c.tx, id); err != nil {
			return err
		} else if ok {
			d.Accounts[strconv.FormatUint(id, 10)] = rec.Username
		}
	}
	if d.Employees == nil {
		d.Employees = []json.RawMessage{}
	}
	if d.Riwayat == nil {
		d.Riwayat = []json.RawMessage{}
	}
	if d.SKP == nil {
		d.SKP = []paketSKPJSON{}
	}
	if d.Merit == nil {
		d.Merit = []json.RawMessage{}
	}
	if d.Instruments == nil {
		d.Instruments = []json.RawMessage{}
	}
	return nil
}

// VerifyPaket decrypts a packet with passphrase or identities (the text of
// an age identity file), checks the manifest and the SHA-256 of every part
// and returns the manifest. It needs no data file.
func VerifyPaket(r io.Reader, passphrase string, identities string) (PaketManifest, error) {
	m, _, err := openPaket(r, passphrase, identities)
	return m, err
}

// openPaket decrypts, unzips and checks a packet; files are its parts by
// name (the manifest excluded), each matching the manifest.
func openPaket(r io.Reader, passphrase, identities string) (domain.PaketManifest, map[string][]byte, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return domain.PaketManifest{}, nil, fail(domain.EINVALID, msgPaketDamaged, err)
	}
	const magic = "age-encryption.org/v1\n"
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return domain.PaketManifest{}, nil, fail(domain.EINVALID, msgPaketNotPaket, errors.New("not an age file"))
	}
	scrypt := bytes.Contains(headerOf(raw), []byte("\n-> scrypt "))
	var ids []age.Identity
	switch {
	case scrypt && passphrase == "":
		return domain.PaketManifest{}, nil, fail(domain.EINVALID, msgPaketNeedPass, nil)
	case scrypt:
		id, err := age.NewScryptIdentity(passphrase)
		if err != nil {
			return domain.PaketManifest{}, nil, fail(domain.EINVALID, msgPaketWrongPass, err)
		}
		ids = []age.Identity{id}
	case strings.TrimSpace(identities) == "":
		return domain.PaketManifest{}, nil, fail(domain.EINVALID, msgPaketNeedKey, nil)
	default:
		ids, err = age.ParseIdentities(strings.NewReader(identities))
		if err != nil {
			return domain.PaketManifest{}, nil, fail(domain.EINVALID, "Berkas identitas tidak dapat dibaca: isinya harus kunci "+
				"rahasia AGE-SECRET-KEY-… seperti yang ditulis \"asndesk paket kunci\".", err)
		}
	}
	dr, err := age.Decrypt(bytes.NewReader(raw), ids...)
	if err != nil {
		var nomatch *age.NoIdentityMatchError
		switch {
		case errors.As(err, &nomatch) && scrypt:
			return domain.PaketManifest{}, nil, fail(domain.EINVALID, msgPaketWrongPass, err)
		case errors.As(err, &nomatch):
			return domain.PaketManifest{}, nil, fail(domain.EINVALID, msgPaketWrongKey, err)
		}
		return domain.PaketManifest{}, nil, fail(domain.EINVALID, msgPaketDamaged, err)
	}
	plain, err := io.ReadAll(dr)
	if err != nil {
		return domain.PaketManifest{}, nil, fail(domain.EINVALID, msgPaketDamaged, err)
	}
	zr, err := zip.NewReader(bytes.NewReader(plain), int64(len(plain)))
	if err != nil {
		return domain.PaketManifest{}, nil, fail(domain.EINVALID, msgPaketNotPaket, err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		if _, dup := files[f.Name]; dup {
			return domain.PaketManifest{}, nil, fail(domain.EINVALID, fmt.Sprintf("Paket berisi bagian %s dua kali; "+
				"paket ini tidak dibuat oleh asndesk atau sudah diubah.", f.Name), nil)
		}
		rc, err := f.Open()
		if err != nil {
			return domain.PaketManifest{}, nil, fail(domain.EINVALID, msgPaketDamaged, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return domain.PaketManifest{}, nil, fail(domain.EINVALID, fmt.Sprintf("Bagian %s di paket rusak dan tidak dapat "+
				"dibaca.", f.Name), err)
		}
		files[f.Name] = b
	}
	mraw, ok := files[paketManifestName]
	if !ok {
		return domain.PaketManifest{}, nil, fail(domain.EINVALID, msgPaketNotPaket, errors.New("no manifest"))
	}
	delete(files, paketManifestName)
	var mj manifestJSON
	if err := json.Unmarshal(mraw, &mj); err != nil || mj.Format != PaketFormat {
		return domain.PaketManifest{}, nil, fail(domain.EINVALID, msgPaketNotPaket, err)
	}
	if mj.Version > PaketFormatVersion || mj.Version < 1 {
		return domain.PaketManifest{}, nil, fail(domain.ESCHEMA, fmt.Sprintf("Paket ini memakai format versi %d, yang "+
			"belum dikenal asndesk ini. Perbarui asndesk untuk membukanya.", mj.Version), nil)
	}
	man, err := mj.toDomain()
	if err != nil {
		return domain.PaketManifest{}, nil, fail(domain.EINVALID, msgPaketBadData, err)
	}
	listed := map[string]bool{}
	for _, p := range man.Parts {
		listed[p.Name] = true
		b, ok := files[p.Name]
		if !ok {
			return domain.PaketManifest{}, nil, fail(domain.EINVALID, fmt.Sprintf("Bagian %s yang tercantum di manifes tidak "+
				"ada di paket; paket tidak lengkap.", p.Name), nil)
		}
		if int64(len(b)) != p.Size || sha256Hex(b) != strings.ToLower(p.SHA256) {
			return domain.PaketManifest{}, nil, fail(domain.EINVALID, fmt.Sprintf("Bagian %s rusak atau diubah: sidik "+
				"SHA-256-nya tidak cocok dengan manifes.", p.Name), nil)
		}
		if name, ok := strings.CutPrefix(p.Name, paketBlobPrefix); ok && sha256Hex(b) != name {
			return domain.PaketManifest{}, nil, fail(domain.EINVALID, fmt.Sprintf("Bagian %s tidak sesuai dengan namanya "+
				"(nama berkas bukti adalah sidik SHA-256 isinya).", p.Name), nil)
		}
	}
	for _, n := range slices.Sorted(maps.Keys(files)) {
		if !listed[n] {
			return domain.PaketManifest{}, nil, fail(domain.EINVALID, fmt.Sprintf("Paket berisi bagian %s yang tidak "+
				"tercantum di manifes; paket ini sudah diubah.", n), nil)
		}
	}
	if _, ok := files[paketDataName]; !ok {
		return domain.PaketManifest{}, nil, fail(domain.EINVALID, msgPaketNotPaket, errors.New("no data part"))
	}
	return man, files, nil
}

// headerOf returns the text header of an age file (up to its MAC line).
func headerOf(raw []byte) []byte {
	if i := bytes.Index(raw, []byte("\n---")); i >= 0 {
		return raw[:i+1]
	}
	return raw[:min(len(raw), 4096)]
}

// decodePaket reads data.json and the blobs of an opened packet.
func decodePaket(man domain.PaketManifest, files map[string][]byte) (*paketContent, error) {
	var d paketData
	if err := json.Unmarshal(files[paketDataName], &d); err != nil {
		return nil, fail(domain.EINVALID, msgPaketBadData, err)
	}
	pc := &paketContent{man: man, units: map[uint64]string{}, people: map[uint64]string{}, accounts: map[uint64]string{},
		blobs: map[string][]byte{}}
	bad := func(what string, err error) error {
		return fail(domain.EINVALID, msgPaketBadData, fmt.Errorf("%s: %w", what, err))
	}
	for _, u := range d.Units {
		pc.units[u.ID] = u.Name
	}
	for k, v := range d.People {
		id, err := strconv.ParseUint(k, 10, 64)
		if err != nil {
			return nil, bad("people", err)
		}
		pc.people[id] = v
	}
	for k, v := range d.Accounts {
		id, err := strconv.ParseUint(k, 10, 64)
		if err != nil {
			return nil, bad("accounts", err)
		}
		pc.accounts[id] = v
	}
	for _, v := range d.Employees {
		e, err := decodeEmployee(v)
		if err != nil {
			return nil, bad("employee", err)
		}
		if ident(e.NIP) == "" {
			return nil, bad("employee", errors.New("no NIP"))
		}
		pc.people[e.ID] = ident(e.NIP)
		pc.emps = append(pc.emps, e)
	}
	for _, v := range d.Riwayat {
		r, err := decodeRiwayatJSON(v)
		if err != nil {
			return nil, bad("riwayat", err)
		}
		pc.rws = append(pc.rws, r)
	}
	for _, x := range d.SKP {
		var f domain.SKPFile
		var err error
		if f.SKP, err = decodeSKP(x.Plan); err != nil {
			return nil, bad("skp", err)
		}
		var rec struct {
			ID uint64 `json:"id"`
		}
		_ = json.Unmarshal(x.Plan, &rec)
		f.SKP.ID = rec.ID
		for _, v := range x.Work {
			w, err := decodeWork(v)
			if err != nil {
				return nil, bad("realisasi", err)
			}
			f.Work = append(f.Work, w)
		}
		for _, v := range x.Feedback {
			fb, err := decodeFeedback(v)
			if err != nil {
				return nil, bad("umpan balik", err)
			}
			f.Feedback = append(f.Feedback, fb)
		}
		for _, v := range x.Dialogs {
			dl, err := decodeDialog(v)
			if err != nil {
				return nil, bad("dialog", err)
			}
			f.Dialogs = append(f.Dialogs, dl)
		}
		for _, v := range x.Evals {
			e, err := decodeEval(v)
			if err != nil {
				return nil, bad("evaluasi", err)
			}
			f.Evals = append(f.Evals, e)
		}
		for _, v := range x.Revisions {
			_, r, err := decodeRevision(v)
			if err != nil {
				return nil, bad("revisi", err)
			}
			f.Revisions = append(f.Revisions, r)
		}
		pc.skps = append(pc.skps, f)
	}
	for _, v := range d.Merit {
		a, err := decodeMerit(v)
		if err != nil {
			return nil, bad("merit", err)
		}
		if a.Origin == "" {
			return nil, bad("merit", errors.New("no origin"))
		}
		pc.merits = append(pc.merits, a)
	}
	for _, v := range d.Instruments {
		pc.insts = append(pc.insts, []byte(v))
	}
	for name, b := range files {
		if sum, ok := strings.CutPrefix(name, paketBlobPrefix); ok {
			pc.blobs[sum] = b
		}
	}
	// Every bukti file the records name must be in the packet.
	need := func(list []domain.Bukti) error {
		for _, b := range list {
			if b.Kind == domain.BuktiFile && pc.blobs[b.SHA256] == nil {
				return fail(domain.EINVALID, fmt.Sprintf("Berkas bukti %q tidak ada di paket; paket tidak lengkap.", b.Name), nil)
			}
		}
		return nil
	}
	for _, f := range pc.skps {
		for _, w := range f.Work {
			if err := need(w.Bukti); err != nil {
				return nil, err
			}
		}
	}
	for _, a := range pc.merits {
		for _, x := range a.Answers {
			if err := need(x.Evidence); err != nil {
				return nil, err
			}
		}
	}
	sort.SliceStable(pc.emps, func(i, j int) bool { return pc.emps[i].ID < pc.emps[j].ID })
	return pc, nil
}

// GeneratePaketKey makes a new age key pair for `asndesk paket kunci`: the
// identity (secret, AGE-SECRET-KEY-…) the receiver keeps, and the
// recipient (age1…) it gives to senders.
func GeneratePaketKey() (identity, recipient string, err error) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return "", "", fail(domain.EINTERNAL, "Kunci baru tidak dapat dibuat.", err)
	}
	return id.String(), id.Recipient().String(), nil
}

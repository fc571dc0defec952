package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

const (
	msgRiwayatNotFound = "Data riwayat tidak ditemukan; mungkin sudah dihapus."
	msgRiwayatKind     = "Jenis riwayat tidak dikenal."
	msgRiwayatData     = "Isian riwayat tidak lengkap: datanya tidak sesuai dengan jenis riwayat."

	// noteFromProfile marks an entry the store wrote because the profile
	// changed (UpdateEmployee), in the audit trail.
	noteFromProfile = "dibuat dari perubahan profil"
)

// profileKinds are the riwayat lists the profile's current values come
// from: golongan (pangkat), jabatan and pendidikan terakhir.
var profileKinds = []domain.RiwayatKind{domain.RwPangkat, domain.RwJabatan, domain.RwPendidikan}

func isProfileKind(k domain.RiwayatKind) bool {
	for _, p := range profileKinds {
		if p == k {
			return true
		}
	}
	return false
}

func kindCode(k domain.RiwayatKind) (byte, error) {
	c, ok := riwayatKindCodes[k]
	if !ok {
		return 0, fail(domain.EINVALID, msgRiwayatKind, nil)
	}
	return c, nil
}

// Riwayat returns one list of an employee's riwayat, newest first (see
// sortRiwayat). The actor must be allowed to view the employee
// (domain.CanViewEmployee, with a Penilai's staff taken from this year's
// atasan map).
func (s *Store) Riwayat(ctx context.Context, empID uint64, kind domain.RiwayatKind) ([]domain.Riwayat, error) {
	code, err := kindCode(kind)
	if err != nil {
		return nil, boundary("riwayat", err)
	}
	var out []domain.Riwayat
	err = s.read(ctx, "riwayat", needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		e, err := getEmployee(tx, empID)
		if err != nil {
			return err
		}
		if err := s.canView(tx, a, e); err != nil {
			return err
		}
		out, err = employeeRiwayat(tx, empID, code)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// AllRiwayat returns every riwayat entry of an employee, grouped by kind
// in the order of domain.RiwayatKinds, each kind newest first. Same
// permission as Riwayat.
func (s *Store) AllRiwayat(ctx context.Context, empID uint64) ([]domain.Riwayat, error) {
	var out []domain.Riwayat
	err := s.read(ctx, "all riwayat", needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		e, err := getEmployee(tx, empID)
		if err != nil {
			return err
		}
		if err := s.canView(tx, a, e); err != nil {
			return err
		}
		out, err = employeeRiwayat(tx, empID, 0)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// employeeRiwayat reads the entries of one employee (of one kind when
// code is not 0), each kind newest first.
func employeeRiwayat(tx *bolt.Tx, empID uint64, code byte) ([]domain.Riwayat, error) {
	out := []domain.Riwayat{}
	b := tx.Bucket(bucketRiwayat)
	if b == nil {
		return out, nil
	}
	prefix := riwayatPrefix(empID, code)
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		r, err := decodeRiwayatAt(k, v)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	sortRiwayat(out)
	return out, nil
}

// decodeRiwayatAt decodes the entry stored under k; the key is the
// authority for its employee, kind and id.
func decodeRiwayatAt(k, v []byte) (domain.Riwayat, error) {
	emp, kind, id, ok := parseRiwayatKey(k)
	if !ok {
		return domain.Riwayat{}, corrupt("riwayat", 0, fmt.Errorf("riwayat key %x", k))
	}
	r, err := decodeRiwayat(v)
	if err != nil {
		return domain.Riwayat{}, corrupt("riwayat", id, err)
	}
	if r.Kind != kind {
		return domain.Riwayat{}, corrupt("riwayat", id, fmt.Errorf("kind %q under key kind %q", r.Kind, kind))
	}
	r.ID, r.EmployeeID = id, emp
	return r, nil
}

// AllRiwayatByEmployee returns the riwayat of every employee the actor may
// view, keyed by employee id, each list as AllRiwayat orders it: all of
// them for Admin, Pimpinan and system actors, the rest filtered like
// ListRows. One read transaction and one pass over the riwayat bucket;
// the records are decoded by several goroutines.
func (s *Store) AllRiwayatByEmployee(ctx context.Context) (map[uint64][]domain.Riwayat, error) {
	var out map[uint64][]domain.Riwayat
	err := s.read(ctx, "riwayat by employee", needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		f, err := s.newViewFilter(tx, a)
		if err != nil {
			return err
		}
		b := tx.Bucket(bucketRiwayat)
		if b == nil {
			out = map[uint64][]domain.Riwayat{}
			return nil
		}
		// Collect the values (slices into the mapped file, valid until the
		// transaction ends) of the employees the actor may view.
		type raw struct{ k, v []byte }
		hint := uint64(0)
		if f.all {
			hint = min(b.Sequence(), 1<<21) // the largest id bounds the count
		}
		items := make([]raw, 0, hint)
		var cur uint64
		curOK, first, n := false, true, 0
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if n++; n%8192 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			if len(k) != riwayatKeyLen {
				return corrupt("riwayat", 0, fmt.Errorf("riwayat key %x", k))
			}
			emp, _ := parseID(k[:8])
			if first || emp != cur {
				first, cur = false, emp
				if curOK, err = f.allowsID(tx, emp); err != nil {
					return err
				}
			}
			if curOK {
				items = append(items, raw{k, v})
			}
		}
		decoded := make([]domain.Riwayat, len(items))
		workers := min(runtime.GOMAXPROCS(0), 1+len(items)/2048)
		chunk := (len(items) + workers - 1) / max(workers, 1)
		errs := make([]error, workers)
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			lo, hi := w*chunk, min((w+1)*chunk, len(items))
			if lo >= hi {
				continue
			}
			wg.Add(1)
			go func(w, lo, hi int) {
				defer wg.Done()
				defer debug.SetPanicOnFault(debug.SetPanicOnFault(true)) // as guard does for the caller
				defer func() {
					if r := recover(); r != nil { // a damaged page: see guard
						errs[w] = fail(domain.EINTERNAL, msgDamaged, fmt.Errorf("decode riwayat: panic: %v", r))
					}
				}()
				for i := lo; i < hi; i++ {
					r, err := decodeRiwayatAt(items[i].k, items[i].v)
					if err != nil {
						errs[w] = err
						return
					}
					decoded[i] = r
				}
			}(w, lo, hi)
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				return err
			}
		}
		out = make(map[uint64][]domain.Riwayat)
		start := 0
		for i := 1; i <= len(decoded); i++ {
			if i == len(decoded) || decoded[i].EmployeeID != decoded[start].EmployeeID {
				list := decoded[start:i:i]
				sortRiwayat(list)
				out[decoded[start].EmployeeID] = list
				start = i
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// findRiwayat locates entry id of an employee (any kind).
func findRiwayat(tx *bolt.Tx, empID, id uint64) (key []byte, r domain.Riwayat, err error) {
	b := tx.Bucket(bucketRiwayat)
	if b == nil || id == 0 {
		return nil, r, fail(domain.ENOTFOUND, msgRiwayatNotFound, nil)
	}
	prefix := riwayatPrefix(empID, 0)
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if len(k) == riwayatKeyLen && bytes.Equal(k[9:], idKey(id)) {
			r, err := decodeRiwayatAt(k, v)
			return bytes.Clone(k), r, err
		}
	}
	return nil, r, fail(domain.ENOTFOUND, msgRiwayatNotFound, nil)
}

// prepareRiwayat checks an entry before it is stored: kind and data agree,
// the domain rules against the employee and the office's tables hold, the
// text is valid UTF-8 and a jabatan's unit exists.
func prepareRiwayat(tx *bolt.Tx, r domain.Riwayat, e domain.Employee) error {
	if _, err := kindCode(r.Kind); err != nil {
		return err
	}
	if !r.HasData() {
		return fail(domain.EINVALID, msgRiwayatData, nil)
	}
	set, err := readSettings(tx)
	if err != nil {
		return err
	}
	if fe := validateRiwayat(r, e, &set); len(fe) > 0 {
		return fe
	}
	if r.Cuti != nil {
		// A cuti is also checked against the balance and the type's rules,
		// with every other entry of the employee (not the one being edited).
		all, err := employeeRiwayat(tx, e.ID, 0)
		if err != nil {
			return err
		}
		others := all[:0:0]
		for _, x := range all {
			if x.ID != r.ID {
				others = append(others, x)
			}
		}
		if err := domain.CheckCutiRequest(e, others, *r.Cuti, set); err != nil {
			return err
		}
	}
	var fe domain.FieldErrors
	for key, v := range riwayatText(r) {
		if !utf8.ValidString(v) {
			if fe == nil {
				fe = domain.FieldErrors{}
			}
			fe[key] = "Isian berisi karakter yang tidak sah."
		}
	}
	if len(fe) > 0 {
		return fe
	}
	if r.Jabatan != nil && r.Jabatan.UnitID != 0 {
		if u := tx.Bucket(bucketUnits); u == nil || u.Get(idKey(r.Jabatan.UnitID)) == nil {
			return fieldErr(domain.EINVALID, domain.FieldUnit, "Unit kerja yang dipilih sudah tidak ada. Pilih unit kerja lain.")
		}
	}
	return nil
}

// SaveRiwayat creates (r.ID == 0) or replaces an entry of r.EmployeeID and
// returns its id. The entry is checked with domain.ValidateRiwayat against
// the employee; an existing entry keeps its kind and Created. A pangkat,
// jabatan or pendidikan entry then brings the profile's golongan, jabatan
// or pendidikan terakhir up to date with the latest entry of its list, in
// the same transaction (see syncProfile). Admin only
// (domain.CanEditEmployee); audited with the fields and the profile
// change.
func (s *Store) SaveRiwayat(ctx context.Context, r domain.Riwayat) (uint64, error) {
	op := "save riwayat " + strconv.FormatUint(r.EmployeeID, 10)
	err := s.write(ctx, op, domain.CanEditEmployee, func(tx *bolt.Tx, a domain.Actor) error {
		e, err := getEmployee(tx, r.EmployeeID)
		if err != nil {
			return err
		}
		if err := prepareRiwayat(tx, r, e); err != nil {
			return err
		}
		b, err := bucket(tx, bucketRiwayat)
		if err != nil {
			return err
		}
		now := s.stamp()
		entry := domain.AuditEntry{Action: domain.ActionCreate, Entity: EntityRiwayat, Employee: r.EmployeeID,
			Summary: []string{"jenis: " + r.Kind.Label()}}
		var oldKey []byte
		if r.ID == 0 {
			if r.ID, err = b.NextSequence(); err != nil {
				return err
			}
			r.Created = now
			entry.Summary = append(entry.Summary, riwayatFields(r)...)
		} else {
			k, old, err := findRiwayat(tx, r.EmployeeID, r.ID)
			if err != nil {
				return err
			}
			if old.Kind != r.Kind {
				return fail(domain.EINVALID, "Jenis riwayat yang sudah tersimpan tidak dapat diganti; "+
					"hapus lalu tambahkan sebagai jenis lain.", nil)
			}
			oldKey = k
			r.Created = old.Created
			entry.Action = domain.ActionUpdate
			entry.Summary = append(entry.Summary, diffRiwayat(old, r)...)
		}
		r.Updated = now
		code, _ := kindCode(r.Kind)
		v, err := encodeRiwayat(r)
		if err != nil {
			return err
		}
		k := riwayatKey(r.EmployeeID, code, r.ID)
		if oldKey != nil && !bytes.Equal(oldKey, k) {
			if err := b.Delete(oldKey); err != nil {
				return err
			}
		}
		if err := b.Put(k, v); err != nil {
			return err
		}
		entry.EntityID = r.ID
		if isProfileKind(r.Kind) {
			lines, err := s.syncProfile(tx, e, now)
			if err != nil {
				return err
			}
			entry.Summary = append(entry.Summary, lines...)
		}
		return appendAudit(tx, a, now, entry)
	})
	if err != nil {
		return 0, err
	}
	return r.ID, nil
}

// DeleteRiwayat removes entry id of employee empID and, for a pangkat,
// jabatan or pendidikan entry, brings the profile up to date with the
// entries that remain (when none remains, the profile keeps its values).
// Admin only; audited.
func (s *Store) DeleteRiwayat(ctx context.Context, empID, id uint64) error {
	op := "delete riwayat " + strconv.FormatUint(id, 10)
	return s.write(ctx, op, domain.CanEditEmployee, func(tx *bolt.Tx, a domain.Actor) error {
		e, err := getEmployee(tx, empID)
		if err != nil {
			return err
		}
		k, old, err := findRiwayat(tx, empID, id)
		if err != nil {
			return err
		}
		b, err := bucket(tx, bucketRiwayat)
		if err != nil {
			return err
		}
		if err := b.Delete(k); err != nil {
			return err
		}
		now := s.stamp()
		entry := domain.AuditEntry{Action: domain.ActionDelete, Entity: EntityRiwayat, EntityID: id, Employee: empID,
			Summary: append([]string{"jenis: " + old.Kind.Label()}, riwayatFields(old)...)}
		if isProfileKind(old.Kind) {
			lines, err := s.syncProfile(tx, e, now)
			if err != nil {
				return err
			}
			entry.Summary = append(entry.Summary, lines...)
		}
		return appendAudit(tx, a, now, entry)
	})
}

// profileLines prefixes the profile diff for a riwayat audit entry.
func profileLines(old, new domain.Employee) []string {
	diff := domain.DiffEmployee(old, new)
	for i, l := range diff {
		diff[i] = "profil " + l
	}
	return diff
}

// syncProfile makes the profile of e agree with the latest pangkat,
// jabatan and pendidikan entries, rewriting its record, row and indexes
// when anything changes, and returns the audit lines of the change. A
// profile that would become invalid refuses the whole change.
func (s *Store) syncProfile(tx *bolt.Tx, e domain.Employee, now time.Time) ([]string, error) {
	rs, err := employeeProfileRiwayat(tx, e.ID)
	if err != nil {
		return nil, err
	}
	n := deriveProfile(e, rs)
	if sameProfileFields(e, n) {
		return nil, nil
	}
	n, err = prepareEmployee(n)
	if err != nil {
		return nil, err
	}
	if err := checkRefs(tx, n); err != nil {
		return nil, err
	}
	n.Updated = now
	if err := putEmployee(tx, n, &e); err != nil {
		return nil, err
	}
	return profileLines(e, n), nil
}

// employeeProfileRiwayat reads the pangkat, jabatan and pendidikan entries
// of one employee.
func employeeProfileRiwayat(tx *bolt.Tx, empID uint64) ([]domain.Riwayat, error) {
	var out []domain.Riwayat
	for _, k := range profileKinds {
		code, _ := kindCode(k)
		rs, err := employeeRiwayat(tx, empID, code)
		if err != nil {
			return nil, err
		}
		out = append(out, rs...)
	}
	return out, nil
}

// sameProfileFields compares the fields deriveProfile sets.
func sameProfileFields(a, b domain.Employee) bool {
	return a.Golongan == b.Golongan && a.JenisJabatan == b.JenisJabatan && a.Jenjang == b.Jenjang &&
		a.NamaJabatan == b.NamaJabatan && a.UnitID == b.UnitID && a.Pendidikan == b.Pendidikan
}

// riwayatFields lists the filled-in fields of an entry as `key: value`.
func riwayatFields(r domain.Riwayat) []string {
	var out []string
	for _, f := range dataFields(r) {
		if f.v == `""` || f.v == "0" || f.v == "false" {
			continue
		}
		out = append(out, f.k+": "+f.v)
	}
	return out
}

// diffRiwayat lists the changed fields of an entry as `key: old → new`.
func diffRiwayat(old, new domain.Riwayat) []string {
	a, b := dataFields(old), dataFields(new)
	var out []string
	for i := range b {
		if i < len(a) && a[i].k == b[i].k && a[i].v == b[i].v {
			continue
		}
		prev := `""`
		if i < len(a) {
			prev = a[i].v
		}
		out = append(out, b[i].k+": "+prev+" → "+b[i].v)
	}
	return out
}

type field struct{ k, v string }

// dataFields renders the data object of an entry, in stored key order,
// with JSON values (text quoted).
func dataFields(r domain.Riwayat) []field {
	rec := riwayatToRec(r)
	var data any
	switch {
	case rec.Pangkat != nil:
		data = rec.Pangkat
	case rec.Jabatan != nil:
		data = rec.Jabatan
	case rec.Pendidikan != nil:
		data = rec.Pendidikan
	case rec.Diklat != nil:
		data = rec.Diklat
	case rec.Penghargaan != nil:
		data = rec.Penghargaan
	case rec.Hukdis != nil:
		data = rec.Hukdis
	case rec.Keluarga != nil:
		data = rec.Keluarga
	case rec.Gaji != nil:
		data = rec.Gaji
	case rec.Cuti != nil:
		data = rec.Cuti
	case rec.AngkaKredit != nil:
		data = rec.AngkaKredit
	case rec.Organisasi != nil:
		data = rec.Organisasi
	case rec.MasaKerja != nil:
		data = rec.MasaKerja
	default:
		return nil
	}
	raw, err := json.Marshal(data)
	if err != nil {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	var out []field
	if _, err := dec.Token(); err != nil { // {
		return nil
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return out
		}
		key, _ := t.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return out
		}
		val := string(v)
		if len(val) > 0 && val[0] == '"' {
			var str string
			_ = json.Unmarshal(v, &str)
			val = strconv.Quote(str)
		}
		out = append(out, field{k: key, v: val})
	}
	return out
}

// deleteRiwayatOf removes every riwayat entry of an employee and returns
// how many there were.
func deleteRiwayatOf(tx *bolt.Tx, empID uint64) (int, error) {
	b := tx.Bucket(bucketRiwayat)
	if b == nil {
		return 0, nil
	}
	prefix := riwayatPrefix(empID, 0)
	var keys [][]byte
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return 0, err
		}
	}
	return len(keys), nil
}

// riwayatUsingUnit counts the riwayat jabatan entries naming unit id.
func riwayatUsingUnit(tx *bolt.Tx, id uint64) (int, error) {
	b := tx.Bucket(bucketRiwayat)
	if b == nil {
		return 0, nil
	}
	jab := riwayatKindCodes[domain.RwJabatan]
	needle := []byte(`"unit_id":` + strconv.FormatUint(id, 10))
	n := 0
	err := b.ForEach(func(k, v []byte) error {
		if len(k) != riwayatKeyLen || k[8] != jab || !bytes.Contains(v, needle) {
			return nil
		}
		r, err := decodeRiwayatAt(k, v)
		if err != nil {
			return err
		}
		if r.Jabatan != nil && r.Jabatan.UnitID == id {
			n++
		}
		return nil
	})
	return n, err
}

// profileEntries builds the riwayat entries an UpdateEmployee writes when
// the profile's golongan, jabatan or pendidikan terakhir change, so that
// profile and riwayat never disagree. TMT is today; the entries are not
// checked with domain.ValidateRiwayat (their values come from a profile
// that passed domain.ValidateEmployee, and SK numbers are not known yet).
func profileEntries(old, new domain.Employee, today domain.Date) []domain.Riwayat {
	var out []domain.Riwayat
	if old.Golongan != new.Golongan && new.Golongan != "" {
		out = append(out, domain.Riwayat{EmployeeID: new.ID, Kind: domain.RwPangkat,
			Pangkat: &domain.RwPangkatData{Golongan: new.Golongan, TMT: today}})
	}
	if (old.JenisJabatan != new.JenisJabatan || old.Jenjang != new.Jenjang || old.NamaJabatan != new.NamaJabatan ||
		old.UnitID != new.UnitID) && (new.JenisJabatan != 0 || new.NamaJabatan != "") {
		out = append(out, domain.Riwayat{EmployeeID: new.ID, Kind: domain.RwJabatan,
			Jabatan: &domain.RwJabatanData{Jenis: new.JenisJabatan, Jenjang: new.Jenjang, Nama: new.NamaJabatan,
				UnitID: new.UnitID, TMT: today}})
	}
	if old.Pendidikan != new.Pendidikan && new.Pendidikan != "" {
		out = append(out, domain.Riwayat{EmployeeID: new.ID, Kind: domain.RwPendidikan,
			Pendidikan: &domain.RwPendidikanData{Tingkat: new.Pendidikan, TahunLulus: today.Year}})
	}
	return out
}

// writeProfileEntries stores the entries of profileEntries, audits each,
// and checks that the latest entries now give the profile as typed;
// otherwise (a list already holds an entry dated after today) the change
// is refused. It returns lines for the profile's own audit entry.
func (s *Store) writeProfileEntries(tx *bolt.Tx, a domain.Actor, old, new domain.Employee) ([]string, error) {
	now := s.stamp()
	entries := profileEntries(old, new, domain.DateOf(now))
	if len(entries) == 0 {
		return nil, nil
	}
	b, err := bucket(tx, bucketRiwayat)
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, r := range entries {
		if r.ID, err = b.NextSequence(); err != nil {
			return nil, err
		}
		r.Created, r.Updated = now, now
		code, _ := kindCode(r.Kind)
		v, err := encodeRiwayat(r)
		if err != nil {
			return nil, err
		}
		if err := b.Put(riwayatKey(r.EmployeeID, code, r.ID), v); err != nil {
			return nil, err
		}
		sum := append([]string{"jenis: " + r.Kind.Label()}, riwayatFields(r)...)
		sum = append(sum, "catatan: "+noteFromProfile)
		if err := appendAudit(tx, a, now, domain.AuditEntry{Action: domain.ActionCreate, Entity: EntityRiwayat,
			EntityID: r.ID, Employee: r.EmployeeID, Summary: sum}); err != nil {
			return nil, err
		}
		lines = append(lines, fmt.Sprintf("%s #%d: %s", strings.ToLower(r.Kind.Label()), r.ID, noteFromProfile))
	}
	rs, err := employeeProfileRiwayat(tx, new.ID)
	if err != nil {
		return nil, err
	}
	got := deriveProfile(new, rs)
	switch {
	case got.Golongan != new.Golongan:
		return nil, fieldErr(domain.EINVALID, domain.FieldGolongan, "Golongan mengikuti riwayat pangkat terakhir, "+
			"yang ber-TMT sesudah hari ini ("+got.Golongan+"). Ubah golongan lewat riwayat pangkat.")
	case got.JenisJabatan != new.JenisJabatan || got.Jenjang != new.Jenjang || got.NamaJabatan != new.NamaJabatan ||
		got.UnitID != new.UnitID:
		return nil, fieldErr(domain.EINVALID, domain.FieldNamaJabatan, "Jabatan mengikuti riwayat jabatan terakhir, "+
			"yang ber-TMT sesudah hari ini. Ubah jabatan lewat riwayat jabatan.")
	case got.Pendidikan != new.Pendidikan:
		return nil, fieldErr(domain.EINVALID, domain.FieldPendidikan, "Pendidikan terakhir mengikuti riwayat pendidikan ("+
			got.Pendidikan+"). Ubah lewat riwayat pendidikan.")
	}
	return lines, nil
}

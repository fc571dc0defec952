package store

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

const msgEmpNotFound = "Data pegawai tidak ditemukan; mungkin sudah dihapus."

// maxIdentLen bounds index keys far below bbolt's key limit; validation
// already insists on 18 (NIP) and 16 (NIK) digits.
const maxIdentLen = 64

// ident is the form of a NIP or NIK used in records and index keys: the
// digits without the separators people type.
func ident(s string) string { return domain.Digits(s) }

// ListRows returns the register rows the context's actor may see, ordered
// by id: every row for Admin, Pimpinan and system actors; for others the
// rows domain.CanViewEmployee allows (their own, and a Penilai's staff:
// the employees whose atasan is the Penilai in this year's atasan map). It
// reads only the compact emp_rows bucket (and, for a Penilai, this year's
// atasan entries and the units, once). No login: EFORBIDDEN.
func (s *Store) ListRows(ctx context.Context) ([]domain.Row, error) {
	var out []domain.Row
	err := s.read(ctx, "list rows", needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		b := tx.Bucket(bucketRows)
		if b == nil {
			return nil
		}
		f, err := s.newViewFilter(tx, a)
		if err != nil {
			return err
		}
		all := f.all
		hint := uint64(0)
		if eb := tx.Bucket(bucketEmployees); eb != nil && all {
			hint = min(eb.Sequence(), 1<<17) // the largest id bounds the count
		}
		out = make([]domain.Row, 0, hint)
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			id, ok := parseID(k)
			if !ok {
				return corrupt("daftar pegawai", 0, fmt.Errorf("row key %x", k))
			}
			r, err := decodeRow(id, v)
			if err != nil {
				return corrupt("daftar pegawai", id, err)
			}
			if ok, err := f.allows(r); err != nil {
				return err
			} else if ok {
				out = append(out, r)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// needLogin refuses the zero actor with the domain's message.
func needLogin(a domain.Actor) error {
	if a.IsZero() {
		return domain.CanViewEmployee(a, domain.Employee{})
	}
	return nil
}

// Employee returns one full profile if the context's actor may view it
// (domain.CanViewEmployee, with a Penilai's staff taken from this year's
// atasan map); ENOTFOUND if there is none.
func (s *Store) Employee(ctx context.Context, id uint64) (domain.Employee, error) {
	var e domain.Employee
	err := s.read(ctx, "get employee", needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		var err error
		if e, err = getEmployee(tx, id); err != nil {
			return err
		}
		return s.canView(tx, a, e)
	})
	if err != nil {
		return domain.Employee{}, err
	}
	return e, nil
}

func getEmployee(tx *bolt.Tx, id uint64) (domain.Employee, error) {
	b := tx.Bucket(bucketEmployees)
	if b == nil || id == 0 {
		return domain.Employee{}, fail(domain.ENOTFOUND, msgEmpNotFound, nil)
	}
	v := b.Get(idKey(id))
	if v == nil {
		return domain.Employee{}, fail(domain.ENOTFOUND, msgEmpNotFound, nil)
	}
	e, err := decodeEmployee(v)
	if err != nil {
		return domain.Employee{}, corrupt("pegawai", id, err)
	}
	e.ID = id
	return e, nil
}

// prepareEmployee normalises identifiers and returns the validation errors.
func prepareEmployee(e domain.Employee) (domain.Employee, error) {
	e.NIP = ident(e.NIP)
	e.NIK = ident(e.NIK)
	fe := domain.ValidateEmployee(e)
	// Records are JSON, which would silently replace invalid UTF-8: refuse
	// it instead of storing something other than what was typed.
	for _, f := range [...]struct{ field, v string }{
		{domain.FieldNama, e.Nama}, {domain.FieldGelarDepan, e.GelarDepan}, {domain.FieldGelarBelakang, e.GelarBelakang},
		{domain.FieldTempatLahir, e.TempatLahir}, {domain.FieldAgama, e.Agama}, {domain.FieldPerkawinan, e.StatusPerkawinan},
		{domain.FieldAlamat, e.Alamat}, {domain.FieldNomorHP, e.NomorHP}, {domain.FieldEmail, e.Email},
		{domain.FieldGolongan, e.Golongan}, {domain.FieldNamaJabatan, e.NamaJabatan}, {domain.FieldPendidikan, e.Pendidikan},
	} {
		if field := f.field; !utf8.ValidString(f.v) && fe[field] == "" {
			if fe == nil {
				fe = domain.FieldErrors{}
			}
			fe[field] = "Isian berisi karakter yang tidak sah."
		}
	}
	if len(fe) > 0 {
		return e, fe
	}
	// Validation already refuses these; the store still never builds an
	// index key it cannot search.
	switch {
	case e.NIP == "":
		return e, domain.FieldErrors{domain.FieldNIP: "NIP wajib diisi."}
	case len(e.NIP) > maxIdentLen:
		return e, domain.FieldErrors{domain.FieldNIP: "NIP terlalu panjang."}
	case len(e.NIK) > maxIdentLen:
		return e, domain.FieldErrors{domain.FieldNIK: "NIK terlalu panjang."}
	}
	return e, nil
}

// CreateEmployee validates and stores a new profile and returns its id. ID,
// Created and Updated of e are ignored and set by the store. Admin only
// (domain.CanEditEmployee); audited.
func (s *Store) CreateEmployee(ctx context.Context, e domain.Employee) (uint64, error) {
	var id uint64
	err := s.write(ctx, "create employee", domain.CanEditEmployee, func(tx *bolt.Tx, a domain.Actor) error {
		e.ID = 0
		e, err := prepareEmployee(e)
		if err != nil {
			return err
		}
		if err := checkRefs(tx, e); err != nil {
			return err
		}
		if err := checkUnique(tx, e); err != nil {
			return err
		}
		emps, err := bucket(tx, bucketEmployees)
		if err != nil {
			return err
		}
		if e.ID, err = emps.NextSequence(); err != nil {
			return err
		}
		e.Created = s.stamp()
		e.Updated = e.Created
		if err := putEmployee(tx, e, nil); err != nil {
			return err
		}
		id = e.ID
		return appendAudit(tx, a, e.Created, domain.AuditEntry{Action: domain.ActionCreate, Entity: EntityEmployee,
			EntityID: e.ID, Employee: e.ID, Summary: employeeLabel(e)})
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}

// employeeLabel identifies an employee in a create or delete entry.
func employeeLabel(e domain.Employee) []string {
	return []string{"nama: " + strconv.Quote(e.FullName()), "nip: " + strconv.Quote(e.NIP)}
}

// UpdateEmployee validates and replaces the profile e.ID, keeping Created
// and setting Updated; ENOTFOUND if it does not exist. Admin only; audited
// with the changed fields (action "ubah status" when only the status
// changed).
//
// The profile's golongan, jabatan and pendidikan terakhir are the latest
// entries of their riwayat: a change to them writes a riwayat entry with
// TMT today (audited as "dibuat dari perubahan profil"), and is refused
// when a list already holds an entry dated after today, which would stay
// the latest.
func (s *Store) UpdateEmployee(ctx context.Context, e domain.Employee) error {
	op := "update employee " + strconv.FormatUint(e.ID, 10)
	return s.write(ctx, op, domain.CanEditEmployee, func(tx *bolt.Tx, a domain.Actor) error {
		e, err := prepareEmployee(e)
		if err != nil {
			return err
		}
		old, err := getEmployee(tx, e.ID)
		if err != nil {
			return err
		}
		if err := checkRefs(tx, e); err != nil {
			return err
		}
		if err := checkUnique(tx, e); err != nil {
			return err
		}
		e.Created = old.Created
		e.Updated = s.stamp()
		if err := putEmployee(tx, e, &old); err != nil {
			return err
		}
		lines, err := s.writeProfileEntries(tx, a, old, e)
		if err != nil {
			return err
		}
		entry := updateEntry(old, e)
		entry.Summary = append(entry.Summary, lines...)
		return appendAudit(tx, a, e.Updated, entry)
	})
}

// updateEntry describes a profile change for the audit trail.
func updateEntry(old, new domain.Employee) domain.AuditEntry {
	diff := domain.DiffEmployee(old, new)
	action := domain.ActionUpdate
	if len(diff) == 1 && strings.HasPrefix(diff[0], "status: ") {
		action = domain.ActionStatus
	}
	return domain.AuditEntry{Action: action, Entity: EntityEmployee, EntityID: new.ID, Employee: new.ID, Summary: diff}
}

// DeleteEmployee removes a profile created by mistake, with its row and
// index entries, its riwayat and its atasan-map entries, clears AtasanID
// of everyone who reported to it, returns the map entries naming it to
// their defaults and leaves the units it headed without a head, all in
// one transaction. Employees who leave are not deleted: their status
// changes. An employee linked to an account cannot be deleted (ECONFLICT).
// Admin only; audited, including each subordinate's cleared atasan.
func (s *Store) DeleteEmployee(ctx context.Context, id uint64) error {
	op := "delete employee " + strconv.FormatUint(id, 10)
	return s.write(ctx, op, domain.CanEditEmployee, func(tx *bolt.Tx, a domain.Actor) error {
		old, err := getEmployee(tx, id)
		if err != nil {
			return err
		}
		accts, err := allAccounts(tx)
		if err != nil {
			return err
		}
		for _, r := range accts {
			if r.EmployeeID == id {
				return fail(domain.ECONFLICT, fmt.Sprintf("Pegawai ini masih ditautkan ke akun %s. "+
					"Ubah tautan akun itu lebih dulu.", r.Username), nil)
			}
		}
		emps, err := bucket(tx, bucketEmployees)
		if err != nil {
			return err
		}
		rows, err := bucket(tx, bucketRows)
		if err != nil {
			return err
		}
		if err := deleteEntries(tx, old); err != nil {
			return err
		}
		if err := emps.Delete(idKey(id)); err != nil {
			return err
		}
		sum := employeeLabel(old)
		if n, err := deleteRiwayatOf(tx, id); err != nil {
			return err
		} else if n > 0 {
			sum = append(sum, fmt.Sprintf("riwayat: %d isian dihapus", n))
		}
		if n, err := deleteSKPsOf(tx, id); err != nil {
			return err
		} else if n > 0 {
			sum = append(sum, fmt.Sprintf("SKP: %d SKP dihapus beserta realisasi, umpan balik, dialog dan evaluasinya", n))
		}
		lines, err := deleteAtasanOf(tx, id)
		if err != nil {
			return err
		}
		sum = append(sum, lines...)
		if lines, err = clearUnitHead(tx, id); err != nil {
			return err
		}
		sum = append(sum, lines...)
		now := s.stamp()
		if err := appendAudit(tx, a, now, domain.AuditEntry{Action: domain.ActionDelete, Entity: EntityEmployee,
			EntityID: id, Employee: id, Summary: sum}); err != nil {
			return err
		}

		// Collect the subordinates first, then rewrite them: never modify
		// a bucket under a running cursor.
		needle := []byte(`"atasan_id":` + strconv.FormatUint(id, 10))
		var subs []domain.Employee
		c := emps.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if !bytes.Contains(v, needle) { // cheap filter before decoding
				continue
			}
			sid, _ := parseID(k)
			e, err := decodeEmployee(v)
			if err != nil {
				return corrupt("pegawai", sid, err)
			}
			if e.AtasanID == id {
				e.ID = sid
				subs = append(subs, e)
			}
		}
		for _, e := range subs {
			old := e
			e.AtasanID = 0
			e.Updated = now
			v, err := encodeEmployee(e)
			if err != nil {
				return err
			}
			if err := emps.Put(idKey(e.ID), v); err != nil {
				return err
			}
			if err := rows.Put(idKey(e.ID), encodeRow(domain.RowOf(e))); err != nil {
				return err
			}
			if err := appendAudit(tx, a, now, updateEntry(old, e)); err != nil {
				return err
			}
		}
		return nil
	})
}

// checkRefs makes sure the unit and the atasan e points at exist.
func checkRefs(tx *bolt.Tx, e domain.Employee) error {
	if e.UnitID != 0 {
		if u := tx.Bucket(bucketUnits); u == nil || u.Get(idKey(e.UnitID)) == nil {
			return fieldErr(domain.EINVALID, domain.FieldUnit, "Unit kerja yang dipilih sudah tidak ada. Pilih unit kerja lain.")
		}
	}
	if e.AtasanID != 0 {
		if e.AtasanID == e.ID {
			return fieldErr(domain.EINVALID, domain.FieldAtasan, "Atasan langsung tidak boleh pegawai itu sendiri.")
		}
		if r := tx.Bucket(bucketRows); r == nil || r.Get(idKey(e.AtasanID)) == nil {
			return fieldErr(domain.EINVALID, domain.FieldAtasan, "Atasan langsung yang dipilih sudah tidak ada.")
		}
	}
	return nil
}

// nipLabel is what the identifier is called for this jenis pegawai.
func nipLabel(k domain.Kind) string {
	if k.IsPPPK() {
		return "NI PPPK"
	}
	return "NIP"
}

// checkUnique refuses an active employee whose NIP or NIK is held by
// another active employee. Inactive records may share identifiers.
func checkUnique(tx *bolt.Tx, e domain.Employee) error {
	if !e.Status.Active() {
		return nil
	}
	if r, ok, err := activeHolder(tx, bucketNIP, e.NIP, e.ID); err != nil {
		return err
	} else if ok {
		return fieldErr(domain.ECONFLICT, domain.FieldNIP, fmt.Sprintf("%s %s sudah dipakai oleh %s (pegawai aktif).",
			nipLabel(e.Kind), domain.FormatNIP(e.NIP), r.Nama))
	}
	if e.NIK == "" {
		return nil
	}
	if r, ok, err := activeHolder(tx, bucketNIK, e.NIK, e.ID); err != nil {
		return err
	} else if ok {
		return fieldErr(domain.ECONFLICT, domain.FieldNIK, fmt.Sprintf("NIK %s sudah dipakai oleh %s (pegawai aktif).",
			e.NIK, r.Nama))
	}
	return nil
}

// activeHolder finds an active employee other than self whose identifier
// in index idx is id.
func activeHolder(tx *bolt.Tx, idx []byte, id string, self uint64) (domain.Row, bool, error) {
	ib, err := bucket(tx, idx)
	if err != nil {
		return domain.Row{}, false, err
	}
	rows, err := bucket(tx, bucketRows)
	if err != nil {
		return domain.Row{}, false, err
	}
	prefix := []byte(id)
	c := ib.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		other, ok := identOf(k, id)
		if !ok || other == self {
			continue
		}
		v := rows.Get(idKey(other))
		if v == nil {
			continue // dangling entry: Check reports it
		}
		r, err := decodeRow(other, v)
		if err != nil {
			return domain.Row{}, false, corrupt("daftar pegawai", other, err)
		}
		if r.Status.Active() {
			return r, true, nil
		}
	}
	return domain.Row{}, false, nil
}

// putEmployee writes the record, its row and its index entries, removing
// the entries of the previous version old first.
func putEmployee(tx *bolt.Tx, e domain.Employee, old *domain.Employee) error {
	if old != nil {
		if err := deleteEntries(tx, *old); err != nil {
			return err
		}
	}
	emps, err := bucket(tx, bucketEmployees)
	if err != nil {
		return err
	}
	rows, err := bucket(tx, bucketRows)
	if err != nil {
		return err
	}
	nip, err := bucket(tx, bucketNIP)
	if err != nil {
		return err
	}
	nik, err := bucket(tx, bucketNIK)
	if err != nil {
		return err
	}
	v, err := encodeEmployee(e)
	if err != nil {
		return err
	}
	k := idKey(e.ID)
	if err := emps.Put(k, v); err != nil {
		return err
	}
	if err := rows.Put(k, encodeRow(domain.RowOf(e))); err != nil {
		return err
	}
	if err := nip.Put(identKey(ident(e.NIP), e.ID), indexValue); err != nil {
		return err
	}
	if n := ident(e.NIK); n != "" {
		return nik.Put(identKey(n, e.ID), indexValue)
	}
	return nil
}

// deleteEntries removes the row and index entries of e (not the record).
func deleteEntries(tx *bolt.Tx, e domain.Employee) error {
	rows, err := bucket(tx, bucketRows)
	if err != nil {
		return err
	}
	if err := rows.Delete(idKey(e.ID)); err != nil {
		return err
	}
	if nip := tx.Bucket(bucketNIP); nip != nil {
		if err := nip.Delete(identKey(ident(e.NIP), e.ID)); err != nil {
			return err
		}
	}
	if n := ident(e.NIK); n != "" {
		if nik := tx.Bucket(bucketNIK); nik != nil {
			if err := nik.Delete(identKey(n, e.ID)); err != nil {
				return err
			}
		}
	}
	return nil
}

// putSorted writes index entries in key order into a bucket that is being
// filled from scratch, packing its pages.
func putSorted(b *bolt.Bucket, keys [][]byte) error {
	sort.Slice(keys, func(i, j int) bool { return bytes.Compare(keys[i], keys[j]) < 0 })
	b.FillPercent = 1
	for _, k := range keys {
		if err := b.Put(k, indexValue); err != nil {
			return err
		}
	}
	return nil
}

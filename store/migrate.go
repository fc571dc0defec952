package store

import (
	"fmt"
	"os"
	"path/filepath"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// migration moves the file from schema to-1 to schema to.
type migration struct {
	to   uint64
	name string
	fn   func(s *Store, tx *bolt.Tx) error
}

// migrations lists every step in order; the last one's to is SchemaVersion.
//
// Schema 1: meta, employees, idx_emp_nip, units.
var migrations = []migration{
	{to: 2, name: "emp_rows and idx_emp_nik", fn: migrateRowsNIK},
	{to: 3, name: "accounts, audit and atasan in emp_rows", fn: migrateAccounts},
	{to: 4, name: "riwayat, atasan map and settings", fn: migrateRiwayat},
	{to: 5, name: "skp, dialog kinerja and evaluasi", fn: migrateKinerja},
	{to: 6, name: "merit assessments and instruments", fn: migrateMerit},
}

// migrate backs the file up, then runs every pending step in one write
// transaction that stores the new schema version last.
func (s *Store) migrate(from uint64) error {
	backup, err := s.backup(SchemaVersion)
	if err != nil {
		return fail(domain.EINTERNAL, fmt.Sprintf("Berkas data perlu diperbarui ke skema v%d, tetapi cadangannya tidak dapat "+
			"dibuat di %s. Berkas tidak diubah.", SchemaVersion, filepath.Dir(s.path)), err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		for _, m := range migrations {
			if m.to <= from {
				continue
			}
			if err := m.fn(s, tx); err != nil {
				return fmt.Errorf("migrate to v%d: %s: %w", m.to, m.name, err)
			}
		}
		mb, err := bucket(tx, bucketMeta)
		if err != nil {
			return err
		}
		return mb.Put(metaSchema, u64Value(SchemaVersion))
	})
	if err != nil {
		return fail(domain.EINTERNAL, fmt.Sprintf("Pembaruan berkas data ke skema v%d gagal; berkas tidak diubah. "+
			"Cadangan sebelum pembaruan: %s", SchemaVersion, backup), err)
	}
	return nil
}

// backup writes a consistent copy of the file beside it, named
// <db>.pre-vN-YYYYMMDD-HHMMSS.bak: WriteTo a temp file, fsync, rename.
func (s *Store) backup(to uint64) (string, error) {
	name := fmt.Sprintf("%s.pre-v%d-%s.bak", s.path, to, s.now().Format("20060102-150405"))
	tmp := name + ".tmp"
	err := s.db.View(func(tx *bolt.Tx) error {
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
		if err != nil {
			return err
		}
		if _, err := tx.WriteTo(f); err != nil {
			_ = f.Close()
			return err
		}
		if err := f.Sync(); err != nil {
			_ = f.Close()
			return err
		}
		return f.Close()
	})
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return "", err
	}
	syncDir(filepath.Dir(name))
	return name, nil
}

// syncDir makes a rename durable where the platform allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // fails harmlessly on Windows
		_ = d.Close()
	}
}

// migrateRowsNIK (schema 2) adds emp_rows and idx_emp_nik and fills them
// from the employee records.
func migrateRowsNIK(_ *Store, tx *bolt.Tx) error {
	emps, err := bucket(tx, bucketEmployees)
	if err != nil {
		return err
	}
	rows, err := tx.CreateBucketIfNotExists(bucketRows)
	if err != nil {
		return err
	}
	nik, err := tx.CreateBucketIfNotExists(bucketNIK)
	if err != nil {
		return err
	}
	rows.FillPercent = 1 // appended in id order
	var nikKeys [][]byte
	c := emps.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		id, ok := parseID(k)
		if !ok {
			return fmt.Errorf("employee key %x is not an id", k)
		}
		e, err := decodeEmployee(v)
		if err != nil {
			return fmt.Errorf("employee %d: %w", id, err)
		}
		e.ID = id
		if err := rows.Put(idKey(id), encodeRow(domain.RowOf(e))); err != nil {
			return err
		}
		if n := ident(e.NIK); n != "" {
			nikKeys = append(nikKeys, identKey(n, id))
		}
	}
	return putSorted(nik, nikKeys)
}

// migrateAccounts (schema 3) adds accounts, idx_account_name and audit,
// and rewrites every emp_rows entry in row version 2, which carries the
// atasan id (for the Penilai's filtered list). A demo office gets its
// documented demo accounts; a real office has none yet, and its first
// Admin is created with CreateFirstAdmin. The migration is the first entry
// of the audit trail.
func migrateAccounts(s *Store, tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketAccounts, bucketAcctName, bucketAudit} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	emps, err := bucket(tx, bucketEmployees)
	if err != nil {
		return err
	}
	rb, err := bucket(tx, bucketRows)
	if err != nil {
		return err
	}
	var rows []domain.Row
	c := emps.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		id, ok := parseID(k)
		if !ok {
			return fmt.Errorf("employee key %x is not an id", k)
		}
		e, err := decodeEmployee(v)
		if err != nil {
			return fmt.Errorf("employee %d: %w", id, err)
		}
		e.ID = id
		rows = append(rows, domain.RowOf(e))
	}
	// Same keys, values a few bytes longer: overwrite in place.
	for _, r := range rows {
		if err := rb.Put(idKey(r.ID), encodeRow(r)); err != nil {
			return err
		}
	}

	actor := domain.SystemActor("pembaruan skema")
	now := s.stamp()
	if err := appendAudit(tx, actor, now, domain.AuditEntry{Action: domain.ActionUpdate, Entity: EntityDatabase,
		Summary: []string{"skema: v2 → v3 (akun dan riwayat perubahan)"}}); err != nil {
		return err
	}
	mb, err := bucket(tx, bucketMeta)
	if err != nil {
		return err
	}
	v := mb.Get(metaOffice)
	if v == nil {
		return nil
	}
	o, err := decodeOffice(v)
	if err != nil {
		return fmt.Errorf("office: %w", err)
	}
	if !o.Demo {
		return nil
	}
	if err := noAccounts(tx); err != nil {
		return err
	}
	demo, err := s.planDemoAccounts(rows)
	if err != nil {
		return err
	}
	for _, d := range demo {
		if _, err := s.insertAccount(tx, actor, d.acct, d.hash, false); err != nil {
			return err
		}
	}
	return nil
}

// migrateRiwayat (schema 4) adds the riwayat, atasan and settings buckets.
// Units keep their records: parent_id and head_id are optional fields, so
// every existing unit reads as a top-level unit without a head. No
// riwayat is invented: until an employee's first pangkat, jabatan or
// pendidikan entry, the profile's values stand on their own. The atasan
// map starts empty, which means every year gets the defaults (the
// profile's atasan langsung, as before). The migration is audited.
func migrateRiwayat(s *Store, tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketRiwayat, bucketAtasan, bucketSettings} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	ub, err := bucket(tx, bucketUnits)
	if err != nil {
		return err
	}
	if err := ub.ForEach(func(k, v []byte) error {
		id, _ := parseID(k)
		if _, err := decodeUnitNode(v); err != nil {
			return fmt.Errorf("unit %d: %w", id, err)
		}
		return nil
	}); err != nil {
		return err
	}
	return appendAudit(tx, domain.SystemActor("pembaruan skema"), s.stamp(), domain.AuditEntry{
		Action: domain.ActionUpdate, Entity: EntityDatabase,
		Summary: []string{"skema: v3 → v4 (riwayat, struktur organisasi, peta atasan, pengaturan)"}})
}

// migrateKinerja (schema 5) adds the buckets of the performance cycle:
// skp, skp_rows, idx_skp_emp, skp_items, bukti and skp_org. No record is
// rewritten: an office starts its SKPs from here, with the default SKP
// settings until Admin saves its own. The migration is audited.
func migrateKinerja(s *Store, tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketSKP, bucketSKPRows, bucketSKPEmp, bucketSKPItems, bucketBukti, bucketSKPOrg} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return appendAudit(tx, domain.SystemActor("pembaruan skema"), s.stamp(), domain.AuditEntry{
		Action: domain.ActionUpdate, Entity: EntityDatabase,
		Summary: []string{"skema: v4 → v5 (SKP, dialog kinerja, evaluasi, bukti dukung)"}})
}

// migrateMerit (schema 6) adds the buckets of the penilaian mandiri sistem
// merit: merit_instruments (imported instrument files) and merit (the
// assessments). Their evidence files go to the existing bukti bucket. No
// record is rewritten; the merit settings read as
// domain.DefaultMeritSettings until saved. The migration is audited.
func migrateMerit(s *Store, tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketMeritInst, bucketMerit} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return appendAudit(tx, domain.SystemActor("pembaruan skema"), s.stamp(), domain.AuditEntry{
		Action: domain.ActionUpdate, Entity: EntityDatabase,
		Summary: []string{"skema: v5 → v6 (penilaian mandiri sistem merit, instrumen)"}})
}

package store

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// Schema-1 records as a schema-1 build wrote them (the JSON is spelled
// out, not produced by today's encoder, so the test pins the old format).
var v1Employees = map[uint64]string{
	1: `{"v":1,"id":1,"kind":1,"nama":"Siti Aminah","gelar_depan":"Dr.","gelar_belakang":"M.T.",` +
		`"tanggal_lahir":"1986-09-26","jenis_kelamin":2,"nik":"3201016609860001",` +
		`"nip":"198609262015052001","status":1,"tmt_cpns":"2015-05-01","golongan":"III/c",` +
		`"jenis_jabatan":6,"jenjang":2,"nama_jabatan":"Pranata Komputer","unit_id":1,` +
		`"created":"2024-01-02T03:04:05+07:00","updated":"2024-01-02T03:04:05+07:00"}`,
	2: `{"v":1,"id":2,"kind":3,"nama":"Budi","tanggal_lahir":"1990-01-15","jenis_kelamin":1,` +
		`"nip":"199001152023211005","status":4,"golongan":"IX","unit_id":1,"atasan_id":1,` +
		`"created":"2024-01-03T03:04:05+07:00","updated":"2024-02-03T03:04:05+07:00"}`,
}

// writeV1Fixture builds a schema-1 file by hand: meta, employees,
// idx_emp_nip and units, schema 1, two employees.
func writeV1Fixture(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		meta, _ := tx.CreateBucket([]byte("meta"))
		emps, _ := tx.CreateBucket([]byte("employees"))
		nip, _ := tx.CreateBucket([]byte("idx_emp_nip"))
		units, _ := tx.CreateBucket([]byte("units"))
		meta.Put([]byte("schema"), []byte{0, 0, 0, 0, 0, 0, 0, 1})
		meta.Put([]byte("created"), []byte("2024-01-01T00:00:00+07:00"))
		meta.Put([]byte("office"), []byte(`{"v":1,"name":"Dinas Lama"}`))
		units.Put([]byte{0, 0, 0, 0, 0, 0, 0, 1}, []byte(`{"v":1,"id":1,"name":"Sekretariat"}`))
		units.SetSequence(1)
		for id, rec := range v1Employees {
			k := []byte{0, 0, 0, 0, 0, 0, 0, byte(id)}
			if err := emps.Put(k, []byte(rec)); err != nil {
				return err
			}
		}
		emps.SetSequence(2)
		nip.Put(append([]byte("198609262015052001"), 0, 0, 0, 0, 0, 0, 0, 1), []byte{1})
		nip.Put(append([]byte("199001152023211005"), 0, 0, 0, 0, 0, 0, 0, 2), []byte{1})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestMigrateV1ToV2(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "data.db")
	writeV1Fixture(t, path)

	opts := testOptions()
	opts.Now = func() time.Time { return time.Date(2025, 3, 4, 5, 6, 7, 0, time.Local) }
	s := openAt(t, path, opts)

	// Backup first, byte-for-byte the old data.
	backup := path + ".pre-v2-20250304-050607.bak"
	got, err := os.ReadFile(backup)
	if err != nil {
		t.Fatalf("backup missing: %v", err)
	}
	if len(got) == 0 {
		t.Fatal("backup empty")
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, "*.tmp")); len(tmps) != 0 {
		t.Fatalf("temp files left: %v", tmps)
	}
	bdb, err := bolt.Open(backup, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatalf("backup is not a bbolt file: %v", err)
	}
	bdb.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(metaSchema); !bytes.Equal(v, u64Value(1)) {
			t.Errorf("backup schema = %x, want 1", v)
		}
		if tx.Bucket(bucketRows) != nil {
			t.Error("backup already has emp_rows")
		}
		return nil
	})
	bdb.Close()

	rows, err := s.ListRows(bg)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows after migration, want 2", len(rows))
	}
	want0 := domain.Row{ID: 1, Kind: domain.KindPNS, Status: domain.StatusAktif, NIP: "198609262015052001",
		Nama: "Dr. Siti Aminah, M.T.", NamaJabatan: "Pranata Komputer", Golongan: "III/c", UnitID: 1}
	if rows[0] != want0 {
		t.Fatalf("row 1 = %+v\nwant    %+v", rows[0], want0)
	}
	if rows[1].Status != domain.StatusPensiun || rows[1].Kind != domain.KindPPPK {
		t.Fatalf("row 2 = %+v", rows[1])
	}

	// The NIK index works: a new active employee with Siti's NIK clashes.
	e := testEmployee(5)
	e.NIK = "3201016609860001"
	_, err = s.CreateEmployee(bg, e)
	wantCode(t, err, domain.ECONFLICT)
	wantMessage(t, err, "NIK 3201016609860001 sudah dipakai oleh Dr. Siti Aminah, M.T. (pegawai aktif).")

	// Records themselves are unchanged and readable.
	budi, err := s.Employee(bg, 2)
	if err != nil {
		t.Fatal(err)
	}
	if budi.AtasanID != 1 || budi.TanggalLahir != date(1990, 1, 15) {
		t.Fatalf("record 2 = %+v", budi)
	}
	if o, ok, _ := s.Office(bg); !ok || o.Name != "Dinas Lama" {
		t.Fatalf("office lost: %+v", o)
	}
	// Sequences carry on.
	if id := mustCreate(t, s, testEmployee(6)); id != 3 {
		t.Fatalf("new id %d, want 3", id)
	}
	assertClean(t, s)

	// Reopening does not migrate (or back up) again.
	s.Close()
	opts.Now = func() time.Time { return time.Date(2025, 3, 5, 0, 0, 0, 0, time.Local) }
	openAt(t, path, opts)
	if backups, _ := filepath.Glob(path + ".pre-*"); len(backups) != 1 {
		t.Fatalf("backups: %v", backups)
	}
}

func TestMigrateRefusedReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.db")
	writeV1Fixture(t, path)
	before, _ := os.ReadFile(path)
	opts := testOptions()
	opts.ReadOnly = true
	_, err := Open(path, opts)
	wantCode(t, err, domain.ESCHEMA)
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("read-only open changed the file")
	}
}

func TestMigrateFailureLeavesFileAtV1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.db")
	writeV1Fixture(t, path)
	// Damage one record: the migration cannot decode it.
	db, _ := bolt.Open(path, 0o600, nil)
	db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketEmployees).Put(idKey(2), []byte(`{"v":1,"tanggal_lahir":"kemarin"}`))
	})
	db.Close()

	_, err := Open(path, testOptions())
	wantCode(t, err, domain.EINTERNAL)
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bolt.Tx) error {
		if v, _ := parseID(tx.Bucket(bucketMeta).Get(metaSchema)); v != 1 {
			t.Errorf("schema %d after failed migration", v)
		}
		if tx.Bucket(bucketRows) != nil {
			t.Error("half-migrated: emp_rows exists")
		}
		return nil
	})
}

package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
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

func TestMigrateV1ToCurrent(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "data.db")
	writeV1Fixture(t, path)

	opts := testOptions()
	opts.Now = func() time.Time { return time.Date(2025, 3, 4, 5, 6, 7, 0, time.Local) }
	s := openAt(t, path, opts)

	// Backup first, byte-for-byte the old data.
	backup := path + fmt.Sprintf(".pre-v%d-20250304-050607.bak", SchemaVersion)
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

// encodeRowV1 is the schema-2 row format (row version 1, no atasan),
// spelled out here so that the test pins the old bytes.
func encodeRowV1(r domain.Row) []byte {
	b := []byte{1}
	b = binary.AppendVarint(b, int64(r.Kind))
	b = binary.AppendVarint(b, int64(r.Status))
	b = binary.AppendUvarint(b, r.UnitID)
	fields := []string{r.NIP, r.Nama, r.NamaJabatan, r.Golongan}
	for _, f := range fields {
		b = binary.AppendUvarint(b, uint64(len(f)))
	}
	for _, f := range fields {
		b = append(b, f...)
	}
	return b
}

// v2Employees: 1 heads the office, 2 reports to 1, 3 and 4 report to 2.
var v2Employees = map[uint64]string{
	1: `{"v":1,"id":1,"kind":1,"nama":"Siti Aminah","gelar_depan":"Dr.","tanggal_lahir":"1986-09-26",` +
		`"jenis_kelamin":2,"nik":"3201016609860001","nip":"198609262015052001","status":1,` +
		`"tmt_cpns":"2015-05-01","golongan":"IV/a","nama_jabatan":"Camat","unit_id":1,` +
		`"created":"2024-01-02T03:04:05+07:00","updated":"2024-01-02T03:04:05+07:00"}`,
	2: `{"v":1,"id":2,"kind":1,"nama":"Budi","tanggal_lahir":"1990-01-15","jenis_kelamin":1,` +
		`"nip":"199001152015051001","status":1,"golongan":"III/c","unit_id":1,"atasan_id":1,` +
		`"created":"2024-01-03T03:04:05+07:00","updated":"2024-01-03T03:04:05+07:00"}`,
	3: `{"v":1,"id":3,"kind":3,"nama":"Citra","tanggal_lahir":"1995-03-01","jenis_kelamin":2,` +
		`"nip":"199503012023212001","status":1,"golongan":"IX","unit_id":1,"atasan_id":2,` +
		`"created":"2024-01-04T03:04:05+07:00","updated":"2024-01-04T03:04:05+07:00"}`,
	4: `{"v":1,"id":4,"kind":1,"nama":"Dedi","tanggal_lahir":"1992-07-07","jenis_kelamin":1,` +
		`"nip":"199207072019031002","status":1,"golongan":"III/a","unit_id":1,"atasan_id":2,` +
		`"created":"2024-01-05T03:04:05+07:00","updated":"2024-01-05T03:04:05+07:00"}`,
}

// writeV2Fixture builds a schema-2 file by hand: four employees with rows
// in row version 1 and both indexes.
func writeV2Fixture(t *testing.T, path string, demo bool) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		meta, _ := tx.CreateBucket([]byte("meta"))
		emps, _ := tx.CreateBucket([]byte("employees"))
		rows, _ := tx.CreateBucket([]byte("emp_rows"))
		nip, _ := tx.CreateBucket([]byte("idx_emp_nip"))
		nik, _ := tx.CreateBucket([]byte("idx_emp_nik"))
		units, _ := tx.CreateBucket([]byte("units"))
		meta.Put([]byte("schema"), []byte{0, 0, 0, 0, 0, 0, 0, 2})
		meta.Put([]byte("created"), []byte("2024-01-01T00:00:00+07:00"))
		office := `{"v":1,"name":"Kecamatan Lama"}`
		if demo {
			office = `{"v":1,"name":"Kecamatan Contoh","demo":true}`
		}
		meta.Put([]byte("office"), []byte(office))
		units.Put([]byte{0, 0, 0, 0, 0, 0, 0, 1}, []byte(`{"v":1,"id":1,"name":"Sekretariat"}`))
		units.SetSequence(1)
		for id, rec := range v2Employees {
			k := []byte{0, 0, 0, 0, 0, 0, 0, byte(id)}
			e, err := decodeEmployee([]byte(rec))
			if err != nil {
				return err
			}
			emps.Put(k, []byte(rec))
			rows.Put(k, encodeRowV1(domain.RowOf(e)))
			nip.Put(append([]byte(e.NIP), k...), []byte{1})
			if e.NIK != "" {
				nik.Put(append([]byte(e.NIK), k...), []byte{1})
			}
		}
		return emps.SetSequence(4)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestMigrateV2ToV3(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "data.db")
	writeV2Fixture(t, path, false)
	opts := testOptions()
	opts.Now = func() time.Time { return time.Date(2025, 3, 4, 5, 6, 7, 0, time.Local) }
	s := openAt(t, path, opts)

	// The existing backup-before-migrate: the old file, untouched.
	backup := path + fmt.Sprintf(".pre-v%d-20250304-050607.bak", SchemaVersion)
	bdb, err := bolt.Open(backup, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatalf("backup: %v", err)
	}
	bdb.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(metaSchema); !bytes.Equal(v, u64Value(2)) {
			t.Errorf("backup schema = %x, want 2", v)
		}
		if tx.Bucket(bucketAccounts) != nil || tx.Bucket(bucketAudit) != nil {
			t.Error("backup already has schema-3 buckets")
		}
		if v := tx.Bucket(bucketRows).Get(idKey(2)); v[0] != 1 {
			t.Errorf("backup row version %d", v[0])
		}
		return nil
	})
	bdb.Close()

	// Every row was rewritten in version 2, with the atasan.
	s.db.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketAccounts, bucketAcctName, bucketAudit} {
			if tx.Bucket(name) == nil {
				t.Errorf("bucket %s missing", name)
			}
		}
		return tx.Bucket(bucketRows).ForEach(func(k, v []byte) error {
			if v[0] != 2 {
				t.Errorf("row %x still version %d", k, v[0])
			}
			return nil
		})
	})
	rows, err := s.ListRows(systemCtx)
	if err != nil {
		t.Fatal(err)
	}
	want := []uint64{0, 1, 2, 2}
	for i, r := range rows {
		if r.AtasanID != want[i] {
			t.Fatalf("row %d atasan %d, want %d", r.ID, r.AtasanID, want[i])
		}
	}
	if rows[0] != (domain.Row{ID: 1, Kind: domain.KindPNS, Status: domain.StatusAktif, NIP: "198609262015052001",
		Nama: "Dr. Siti Aminah", NamaJabatan: "Camat", Golongan: "IV/a", UnitID: 1}) {
		t.Fatalf("row 1 = %+v", rows[0])
	}

	// A real office has no account yet, and no default password: the
	// first Admin is created by whoever opens it, once.
	if has, _ := s.HasAccounts(anonCtx); has {
		t.Fatal("migration created accounts for a real office")
	}
	_, err = s.ListRows(anonCtx)
	wantForbidden(t, err)
	_, err = s.SetupOffice(anonCtx, domain.Office{Name: "Lain"}, nil,
		domain.Account{Username: "operator", Roles: []domain.Role{domain.RoleAdmin}}, "rahasia-sekali")
	wantCode(t, err, domain.ECONFLICT)
	_, err = s.CreateFirstAdmin(anonCtx, domain.Account{Username: "operator", Roles: []domain.Role{domain.RoleAdmin}}, "")
	wantCode(t, err, domain.EINVALID)
	admin, err := s.CreateFirstAdmin(anonCtx, domain.Account{Username: "operator", Roles: []domain.Role{domain.RoleAdmin}}, "rahasia-sekali")
	if err != nil {
		t.Fatal(err)
	}
	ctx := loginCtx(t, s, "operator", "rahasia-sekali")
	_, err = s.CreateFirstAdmin(anonCtx, domain.Account{Username: "kedua", Roles: []domain.Role{domain.RoleAdmin}}, "rahasia-sekali")
	wantCode(t, err, domain.ECONFLICT)

	es, err := s.Audit(ctx, AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 6 || es[5].Account != "sistem:pembaruan skema" || es[5].Entity != EntityDatabase ||
		es[4].Account != "sistem:pembaruan skema" || !strings.Contains(es[4].Summary[0], "v3 → v4") ||
		!strings.Contains(es[3].Summary[0], "v4 → v5") || !strings.Contains(es[2].Summary[0], "v5 → v6") ||
		es[1].Action != domain.ActionCreate || es[1].AccountID != admin.ID || es[0].Action != domain.ActionLogin {
		t.Fatalf("audit after migration: %+v", es)
	}
	// The Penilai filter works on migrated rows.
	if _, err := s.CreateAccount(ctx, domain.Account{Username: "budi", Roles: []domain.Role{domain.RolePenilai}, EmployeeID: 2}, "rahasia-budi"); err != nil {
		t.Fatal(err)
	}
	if rows, _ := s.ListRows(loginCtx(t, s, "budi", "rahasia-budi")); len(rows) != 3 {
		t.Fatalf("penilai sees %d rows", len(rows))
	}
	assertClean(t, s)

	// Reopening neither migrates nor backs up again.
	s.Close()
	openAt(t, path, testOptions())
	if backups, _ := filepath.Glob(path + ".pre-*"); len(backups) != 1 {
		t.Fatalf("backups: %v", backups)
	}
}

func TestMigrateV2ToV3DemoGetsDemoAccounts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.db")
	writeV2Fixture(t, path, true)
	s := openAt(t, path, testOptions())
	links := map[string]uint64{"admin": 0, "pimpinan": 1, "penilai": 2, "pegawai": 3, "merit": 4}
	for user, emp := range links {
		a, err := s.Login(anonCtx, user, DemoPassword)
		if err != nil {
			t.Fatalf("%s: %v", user, err)
		}
		if a.EmployeeID != emp {
			t.Errorf("%s linked to %d, want %d", user, a.EmployeeID, emp)
		}
	}
	assertClean(t, s)
}

func TestMigrateV2FailureLeavesFileAtV2(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.db")
	writeV2Fixture(t, path, true)
	db, _ := bolt.Open(path, 0o600, nil)
	db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketEmployees).Put(idKey(3), []byte(`{"v":7}`))
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
		if v, _ := parseID(tx.Bucket(bucketMeta).Get(metaSchema)); v != 2 {
			t.Errorf("schema %d after failed migration", v)
		}
		if tx.Bucket(bucketAccounts) != nil || tx.Bucket(bucketAudit) != nil {
			t.Error("half-migrated")
		}
		return nil
	})
}

// writeV3Fixture builds a schema-3 file by hand: the four employees of
// v2Employees with version-2 rows and both indexes, two units written as
// schema 3 wrote them (no parent or head), an Admin account "operator" and
// an audit trail of one entry.
func writeV3Fixture(t *testing.T, path string, unit2 string) {
	t.Helper()
	hash, err := hashPassword("rahasia-sekali", testCost)
	if err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := map[string]*bolt.Bucket{}
		for _, name := range []string{"meta", "employees", "emp_rows", "idx_emp_nip", "idx_emp_nik", "units",
			"accounts", "idx_account_name", "audit"} {
			b[name], _ = tx.CreateBucket([]byte(name))
		}
		b["meta"].Put([]byte("schema"), []byte{0, 0, 0, 0, 0, 0, 0, 3})
		b["meta"].Put([]byte("created"), []byte("2024-01-01T00:00:00+07:00"))
		b["meta"].Put([]byte("office"), []byte(`{"v":1,"name":"Kecamatan Lama"}`))
		b["units"].Put([]byte{0, 0, 0, 0, 0, 0, 0, 1}, []byte(`{"v":1,"id":1,"name":"Sekretariat"}`))
		b["units"].Put([]byte{0, 0, 0, 0, 0, 0, 0, 2}, []byte(unit2))
		b["units"].SetSequence(2)
		for id, rec := range v2Employees {
			k := []byte{0, 0, 0, 0, 0, 0, 0, byte(id)}
			e, err := decodeEmployee([]byte(rec))
			if err != nil {
				return err
			}
			e.ID = id
			b["employees"].Put(k, []byte(rec))
			b["emp_rows"].Put(k, encodeRow(domain.RowOf(e)))
			b["idx_emp_nip"].Put(append([]byte(e.NIP), k...), []byte{1})
			if e.NIK != "" {
				b["idx_emp_nik"].Put(append([]byte(e.NIK), k...), []byte{1})
			}
		}
		b["employees"].SetSequence(4)
		created := time.Date(2024, 2, 1, 8, 0, 0, 0, time.FixedZone("WIB", 7*3600))
		acct, _ := encodeAccount(accountRec{ID: 1, Username: "operator", Name: "Operator", Roles: []int{int(domain.RoleAdmin)},
			Hash: hash, Created: created, Updated: created})
		b["accounts"].Put([]byte{0, 0, 0, 0, 0, 0, 0, 1}, acct)
		b["accounts"].SetSequence(1)
		b["idx_account_name"].Put([]byte("operator"), []byte{0, 0, 0, 0, 0, 0, 0, 1})
		b["audit"].Put([]byte{0, 0, 0, 0, 0, 0, 0, 1}, []byte(`{"v":1,"id":1,"time":"2024-02-01T08:00:00+07:00",`+
			`"account_id":1,"account":"operator","action":"buat","entity":"akun","entity_id":1}`))
		return b["audit"].SetSequence(1)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestMigrateV3ToV4(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "data.db")
	writeV3Fixture(t, path, `{"v":1,"id":2,"name":"Seksi Pemerintahan"}`)
	opts := testOptions()
	opts.Now = func() time.Time { return time.Date(2026, 3, 4, 5, 6, 7, 0, time.Local) }
	s := openAt(t, path, opts)

	// Backup first: a copy of the schema-3 file.
	backup := path + fmt.Sprintf(".pre-v%d-20260304-050607.bak", SchemaVersion)
	if _, err := os.Stat(backup); err != nil {
		t.Fatalf("backup: %v", err)
	}
	bdb, err := bolt.Open(backup, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	bdb.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(metaSchema); !bytes.Equal(v, u64Value(3)) {
			t.Errorf("backup schema %x", v)
		}
		for _, name := range [][]byte{bucketRiwayat, bucketAtasan, bucketSettings} {
			if tx.Bucket(name) != nil {
				t.Errorf("backup already has %s", name)
			}
		}
		return nil
	})
	bdb.Close()

	// The new buckets, the version, the audit entry.
	s.db.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketRiwayat, bucketAtasan, bucketSettings} {
			if tx.Bucket(name) == nil {
				t.Errorf("bucket %s missing", name)
			}
		}
		if v, _ := parseID(tx.Bucket(bucketMeta).Get(metaSchema)); v != SchemaVersion {
			t.Errorf("schema %d", v)
		}
		return nil
	})
	ctx := loginCtx(t, s, "operator", "rahasia-sekali")
	es, err := s.Audit(ctx, AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 5 || es[3].Account != "sistem:pembaruan skema" || es[3].Entity != EntityDatabase ||
		!strings.Contains(es[3].Summary[0], "v3 → v4") || !strings.Contains(es[2].Summary[0], "v4 → v5") ||
		!strings.Contains(es[1].Summary[0], "v5 → v6") || es[4].ID != 1 {
		t.Fatalf("audit %+v", es)
	}

	// Units read as top-level units without a head, and keep working.
	tree, err := s.UnitTree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(tree) != 2 || tree[0].ParentID != 0 || tree[1].ParentID != 0 || tree[0].HeadID != 0 {
		t.Fatalf("tree %+v", tree)
	}
	if _, err := s.SaveUnitNode(ctx, domain.UnitNode{Unit: domain.Unit{ID: 2, Name: "Seksi Pemerintahan"}, ParentID: 1, HeadID: 2}); err != nil {
		t.Fatal(err)
	}
	// The atasan map starts from the profiles: 2 reports to 1, 3 and 4 to 2.
	m, err := s.AtasanMap(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if got := lines(m); !reflect.DeepEqual(got, map[uint64]string{1: "0/0", 2: "1/0", 3: "2/1", 4: "2/1"}) {
		t.Fatalf("map %v", got)
	}
	// No riwayat was invented; the first one is accepted and followed.
	if rs, _ := s.AllRiwayat(ctx, 4); len(rs) != 0 {
		t.Fatalf("riwayat after migration: %+v", rs)
	}
	mustSaveRiwayat(t, s, ctx, pangkat(4, "III/b", date(2025, 4, 1)))
	if e := mustEmployee(t, s, 4); e.Golongan != "III/b" {
		t.Fatalf("golongan %s", e.Golongan)
	}
	if set, err := s.Settings(ctx); err != nil || !reflect.DeepEqual(set, domain.DefaultCareerSettings()) {
		t.Fatalf("settings %v", err)
	}
	assertClean(t, s)

	// Reopening neither migrates nor backs up again.
	s.Close()
	openAt(t, path, testOptions())
	if backups, _ := filepath.Glob(path + ".pre-*"); len(backups) != 1 {
		t.Fatalf("backups: %v", backups)
	}
}

func TestMigrateV3FailureLeavesFileAtV3(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.db")
	writeV3Fixture(t, path, `{"v":9,"id":2,"name":"Rusak"}`)
	_, err := Open(path, testOptions())
	wantCode(t, err, domain.EINTERNAL)
	if !strings.Contains(domain.ErrorMessage(err), fmt.Sprintf(".pre-v%d-", SchemaVersion)) {
		t.Fatalf("message does not name the backup: %q", domain.ErrorMessage(err))
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bolt.Tx) error {
		if v, _ := parseID(tx.Bucket(bucketMeta).Get(metaSchema)); v != 3 {
			t.Errorf("schema %d after failed migration", v)
		}
		if tx.Bucket(bucketRiwayat) != nil || tx.Bucket(bucketAtasan) != nil {
			t.Error("half-migrated")
		}
		return nil
	})
}

// TestMigrateV5ToV6 turns a current file with an SKP and its bukti into
// the schema-5 layout (the merit buckets removed, schema 5 recorded: what
// a schema-5 build left), then opens it: the merit buckets appear, the
// bukti still reads, the office can start a merit assessment.
func TestMigrateV5ToV6(t *testing.T) {
	o, skp, work, bukti := skpOffice(t)
	path := o.s.Path()
	tamper(t, o.s, func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketMeritInst, bucketMerit} {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(metaSchema, u64Value(5))
	})
	mustDo(t, o.s.Close())

	opts := testOptions()
	opts.Now = func() time.Time { return time.Date(2025, 3, 4, 5, 6, 7, 0, time.Local) }
	s := openAt(t, path, opts)

	backup := path + ".pre-v6-20250304-050607.bak"
	bdb, err := bolt.Open(backup, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatalf("backup: %v", err)
	}
	bdb.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(metaSchema); !bytes.Equal(v, u64Value(5)) {
			t.Errorf("backup schema %x", v)
		}
		if tx.Bucket(bucketMerit) != nil || tx.Bucket(bucketMeritInst) != nil {
			t.Error("backup already has schema-6 buckets")
		}
		if tx.Bucket(bucketBukti).Get(idKey(bukti)) == nil {
			t.Error("backup lost the bukti bytes")
		}
		return nil
	})
	bdb.Close()

	s.db.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketMeritInst, bucketMerit} {
			if tx.Bucket(name) == nil {
				t.Errorf("bucket %s missing", name)
			}
		}
		if v, _ := parseID(tx.Bucket(bucketMeta).Get(metaSchema)); v != 6 {
			t.Errorf("schema %d", v)
		}
		return nil
	})
	es, err := s.Audit(systemCtx, AuditFilter{Entity: EntityDatabase})
	if err != nil || len(es) != 1 || es[0].Summary[0] != "skema: v5 → v6 (penilaian mandiri sistem merit, instrumen)" ||
		es[0].Account != "sistem:pembaruan skema" {
		t.Fatalf("audit %+v %v", es, err)
	}
	peg := loginCtx(t, s, "pegawai", rolePassword)
	if b, err := s.BuktiFile(peg, skp, work, bukti); err != nil || !bytes.Equal(b.Contents, buktiBytes(500)) {
		t.Fatalf("bukti after migration: %v", err)
	}
	if set, err := s.MeritSettings(loginCtx(t, s, "merit", rolePassword)); err != nil || set != domain.DefaultMeritSettings() {
		t.Fatalf("merit settings %+v %v", set, err)
	}
	assertClean(t, s)

	mustDo(t, s.Close())
	openAt(t, path, testOptions())
	if backups, _ := filepath.Glob(path + ".pre-*"); len(backups) != 1 {
		t.Fatalf("backups: %v", backups)
	}
}

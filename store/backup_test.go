package store

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// bkCtx acts as the system, which may do everything.
var bkCtx = domain.WithActor(context.Background(), domain.SystemActor("test"))

// bkSeed adds a unit and n employees.
func bkSeed(t testing.TB, s *Store, from, n int) []uint64 {
	t.Helper()
	units, err := s.Units(bkCtx)
	if err != nil {
		t.Fatal(err)
	}
	var unit uint64
	if len(units) > 0 {
		unit = units[0].ID
	} else if unit, err = s.SaveUnit(bkCtx, domain.Unit{Name: "Bidang Umum"}); err != nil {
		t.Fatal(err)
	}
	ids := make([]uint64, 0, n)
	for i := from; i < from+n; i++ {
		e := testEmployee(i)
		e.UnitID = unit
		id, err := s.CreateEmployee(bkCtx, e)
		if err != nil {
			t.Fatalf("CreateEmployee(%d): %v", i, err)
		}
		ids = append(ids, id)
	}
	return ids
}

// bkExport is the part of ExportJSON a backup must reproduce exactly:
// office, units and employees (not exported_at, not the audit trail, which
// records the backup and the restore themselves).
func bkExport(t testing.TB, s *Store) string {
	t.Helper()
	var buf bytes.Buffer
	if err := s.ExportJSON(bkCtx, &buf); err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, k := range []string{"office", "units", "employees"} {
		if doc[k] == nil {
			t.Fatalf("export lacks %q", k)
		}
		b.WriteString(k + "=")
		b.Write(doc[k])
		b.WriteString("\n")
	}
	return b.String()
}

func bkDigest(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// dirNames lists the file dirNames in dir.
func dirNames(t testing.TB, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func bkAuditActions(t testing.TB, s *Store) []string {
	t.Helper()
	es, err := s.Audit(bkCtx, AuditFilter{Entity: EntityDatabase})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Action+" "+e.Account+" "+strings.Join(e.Summary, "; "))
	}
	return out
}

var bkPlainName = regexp.MustCompile(`^asndesk-\d{8}-\d{6}(-\d+)?\.db$`)

func TestBackupRestoreRoundTrip(t *testing.T) {
	s, dbPath := openTestStore(t)
	bkSeed(t, s, 0, 30)
	want := bkExport(t, s)

	dest := filepath.Join(t.TempDir(), "flashdisk", "asndesk") // created on demand
	path, err := s.Backup(bkCtx, dest, "")
	if err != nil {
		t.Fatal(err)
	}
	if !bkPlainName.MatchString(filepath.Base(path)) || filepath.Dir(path) != dest {
		t.Fatalf("backup path %s", path)
	}
	if got := dirNames(t, dest); len(got) != 1 {
		t.Fatalf("backup folder holds %v", got)
	}
	if acts := bkAuditActions(t, s); len(acts) != 1 || !strings.HasPrefix(acts[0], domain.ActionBackup+" sistem:test") ||
		!strings.Contains(acts[0], path) {
		t.Fatalf("audit after backup: %q", acts)
	}

	// Change the live data after the backup.
	rows, _ := s.ListRows(bkCtx)
	for _, r := range rows[:10] {
		if err := s.DeleteEmployee(bkCtx, r.ID); err != nil {
			t.Fatal(err)
		}
	}
	bkSeed(t, s, 100, 5)
	changed := bkExport(t, s)
	if changed == want {
		t.Fatal("the change changed nothing")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	st, err := Restore(bkCtx, dbPath, path, "", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	if got := bkExport(t, st); got != want {
		t.Fatalf("restored data differ from the backup\n got %.300s\nwant %.300s", got, want)
	}
	assertClean(t, st)
	acts := bkAuditActions(t, st)
	if len(acts) == 0 || !strings.HasPrefix(acts[0], domain.ActionRestore+" sistem:test") || !strings.Contains(acts[0], path) {
		t.Fatalf("audit after restore: %q", acts)
	}

	// The database as it was before the restore is kept, whole.
	var pre []string
	for _, n := range dirNames(t, st.BackupDir()) {
		if strings.HasPrefix(n, "asndesk-sebelum-pulih-") {
			pre = append(pre, filepath.Join(st.BackupDir(), n))
		}
	}
	if len(pre) != 1 {
		t.Fatalf("pre-restore copies: %v", dirNames(t, st.BackupDir()))
	}
	old, err := Open(pre[0], Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if got := bkExport(t, old); got != changed {
		t.Fatal("the pre-restore copy is not the database as it was")
	}
	// No temporary file is left beside the database.
	for _, n := range dirNames(t, filepath.Dir(dbPath)) {
		if strings.HasSuffix(n, ".tmp") {
			t.Fatalf("left behind: %s", n)
		}
	}
}

// bkFastScrypt lowers the work factor of encrypted backups for a test.
func bkFastScrypt(t *testing.T) {
	prev := scryptLogN
	scryptLogN = 10
	t.Cleanup(func() { scryptLogN = prev })
}

func TestBackupEncryptedRoundTrip(t *testing.T) {
	bkFastScrypt(t)
	s, dbPath := openTestStore(t)
	bkSeed(t, s, 0, 12)
	want := bkExport(t, s)
	const pass = "kopi tubruk 17 agustus"
	path, err := s.Backup(bkCtx, t.TempDir(), pass)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(path, ".db.age") {
		t.Fatalf("encrypted backup named %s", path)
	}
	raw, _ := os.ReadFile(path)
	if !bytes.HasPrefix(raw, []byte(ageMagic)) || bytes.Contains(raw, []byte("Pegawai 3")) {
		t.Fatal("the backup is not encrypted")
	}
	for _, p := range []string{"", "salah"} {
		_, err := VerifyFile(bkCtx, path, p)
		wantCode(t, err, domain.EINVALID)
		wantMessage(t, err, msgEncrypted)
	}
	if probs, err := VerifyFile(bkCtx, path, pass); err != nil || len(probs) > 0 {
		t.Fatalf("VerifyFile: %v %q", err, probs)
	}

	list, err := ListBackups(bkCtx, filepath.Dir(path), "")
	if err != nil || len(list) != 1 || !list[0].Encrypted || list[0].Checked || list[0].OK {
		t.Fatalf("ListBackups without passphrase: %+v %v", list, err)
	}
	list, err = ListBackups(bkCtx, filepath.Dir(path), pass)
	if err != nil || len(list) != 1 || !list[0].Checked || !list[0].OK {
		t.Fatalf("ListBackups with passphrase: %+v %v", list, err)
	}

	bkSeed(t, s, 50, 3)
	s.Close()
	before := bkDigest(t, dbPath)
	_, err = Restore(bkCtx, dbPath, path, "", testOptions())
	wantCode(t, err, domain.EINVALID)
	wantMessage(t, err, msgEncrypted)
	if bkDigest(t, dbPath) != before {
		t.Fatal("a refused restore changed the database")
	}
	st, err := Restore(bkCtx, dbPath, path, pass, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got := bkExport(t, st); got != want {
		t.Fatal("restored data differ from the encrypted backup")
	}
	assertClean(t, st)
}

func TestBackupNeedsPermission(t *testing.T) {
	s, path := openTestStore(t)
	pegawai := domain.WithActor(context.Background(), domain.Actor{AccountID: 9, Username: "budi", Roles: []domain.Role{domain.RolePegawai}, EmployeeID: 1})
	for _, ctx := range []context.Context{context.Background(), pegawai} {
		_, err := s.Backup(ctx, t.TempDir(), "")
		wantCode(t, err, domain.EFORBIDDEN)
		_, _, err = s.Compact(ctx)
		wantCode(t, err, domain.EFORBIDDEN)
	}
	s.Close()
	_, err := Restore(pegawai, path, path, "", testOptions())
	wantCode(t, err, domain.EFORBIDDEN)
}

func TestAutoBackupRotation(t *testing.T) {
	bkFastScrypt(t)
	s, _ := openTestStore(t)
	bkSeed(t, s, 0, 3)
	dir := s.BackupDir()
	// Backups that rotation must leave alone.
	enc, err := s.Backup(bkCtx, dir, "rahasia")
	if err != nil {
		t.Fatal(err)
	}
	pre, err := s.writeBackup(bkCtx, dir, preRestorePrefix, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "catatan.txt"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Temporary files of interrupted backups: an old one goes, a fresh one
	// (perhaps a backup in progress) stays.
	stale, fresh := filepath.Join(dir, ".asndesk-111.tmp"), filepath.Join(dir, ".asndesk-222.tmp")
	for _, p := range []string{stale, fresh} {
		if err := os.WriteFile(p, []byte("setengah"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-48 * time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	var made []string
	for range 6 {
		p, err := s.AutoBackup(bkCtx, 3, "tutup")
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, p)
	}
	var plain []string
	for _, n := range dirNames(t, dir) {
		if bkPlainName.MatchString(n) {
			plain = append(plain, filepath.Join(dir, n))
		}
	}
	if strings.Join(plain, ",") != strings.Join(made[3:], ",") {
		t.Fatalf("kept %v, want the newest three %v", plain, made[3:])
	}
	for _, p := range []string{enc, pre, filepath.Join(dir, "catatan.txt"), fresh} {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("rotation removed %s", p)
		}
	}
	if _, err := os.Stat(stale); err == nil {
		t.Fatal("rotation kept a temporary file of two days ago")
	}
	acts := bkAuditActions(t, s)
	if !strings.HasPrefix(acts[0], domain.ActionBackup+" sistem:cadangan otomatis") || !strings.Contains(acts[0], "alasan: tutup") {
		t.Fatalf("audit of an automatic backup: %q", acts[0])
	}
	// keep <= 0 means the default.
	for range DefaultBackupKeep + 2 {
		if _, err := s.AutoBackup(bkCtx, 0, "harian"); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	for _, name := range dirNames(t, dir) {
		if bkPlainName.MatchString(name) {
			n++
		}
	}
	if n != DefaultBackupKeep {
		t.Fatalf("%d automatic backups kept, want %d", n, DefaultBackupKeep)
	}
}

func TestBackupNamesInTheSameSecond(t *testing.T) {
	fixed := time.Date(2025, 3, 4, 5, 6, 7, 0, time.Local)
	opts := testOptions()
	opts.Now = func() time.Time { return fixed }
	s := openAt(t, filepath.Join(t.TempDir(), "data.db"), opts)
	dir := t.TempDir()
	var got []string
	for range 3 {
		p, err := s.Backup(bkCtx, dir, "")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, filepath.Base(p))
	}
	want := "asndesk-20250304-050607.db,asndesk-20250304-050607-2.db,asndesk-20250304-050607-3.db"
	if strings.Join(got, ",") != want {
		t.Fatalf("dirNames %v", got)
	}
	list, err := ListBackups(bkCtx, dir, "")
	if err != nil || len(list) != 3 || filepath.Base(list[0].Path) != "asndesk-20250304-050607-3.db" || !list[0].Time.Equal(fixed) {
		t.Fatalf("newest first: %+v %v", list, err)
	}
}

func TestNeedsDailyBackup(t *testing.T) {
	clk := newTestClock()
	opts := testOptions()
	opts.Now = clk.Now
	s := openAt(t, filepath.Join(t.TempDir(), "data.db"), opts)
	if !s.NeedsDailyBackup() {
		t.Fatal("no backup yet, but NeedsDailyBackup is false")
	}
	if _, err := s.AutoBackup(bkCtx, 0, "harian"); err != nil {
		t.Fatal(err)
	}
	if s.NeedsDailyBackup() {
		t.Fatal("backed up today, but NeedsDailyBackup is true")
	}
	clk.mu.Lock()
	clk.t = clk.t.Add(24 * time.Hour)
	clk.mu.Unlock()
	if !s.NeedsDailyBackup() {
		t.Fatal("a new day, but NeedsDailyBackup is false")
	}
}

// bkCorruptRecords overwrites, in every copy of every employee record in the
// file, the start of the name so that the JSON no longer parses. bbolt has
// no checksum on data pages; Check must find this by decoding.
func bkCorruptRecords(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := bytes.Count(b, []byte(`"nama":"`))
	if n == 0 {
		t.Fatal("no record found to damage")
	}
	b = bytes.ReplaceAll(b, []byte(`"nama":"`), []byte(`"nama":#`))
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// bkZeroRootPage clears the root page of a bucket (a branch page in a
// bucket of a few hundred records), which every lookup passes through.
func bkZeroRootPage(t *testing.T, path string, name []byte) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var root, pageSize int
	err = db.View(func(tx *bolt.Tx) error {
		root, pageSize = int(tx.Bucket(name).Root()), db.Info().PageSize
		return nil
	})
	db.Close()
	if err != nil || root == 0 {
		t.Fatalf("root page of %s: %d %v", name, root, err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	clear(b[root*pageSize : (root+1)*pageSize])
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func bkTruncateHalf(t *testing.T, path string) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
}

func TestListBackupsMarksDamagedCopies(t *testing.T) {
	s, _ := openTestStore(t)
	bkSeed(t, s, 0, 300)
	dir := t.TempDir()
	var made []string
	for range 5 {
		p, err := s.Backup(bkCtx, dir, "")
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, p)
	}
	// newest: truncated; then damaged records; a zeroed branch page;
	// zero bytes; the oldest is sound.
	bkTruncateHalf(t, made[4])
	bkCorruptRecords(t, made[3])
	bkZeroRootPage(t, made[2], bucketEmployees)
	if err := os.WriteFile(made[1], nil, 0o600); err != nil {
		t.Fatal(err)
	}
	list, err := ListBackups(bkCtx, dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(made) {
		t.Fatalf("%d backups listed", len(list))
	}
	for i, b := range list {
		wantOK := i == len(made)-1
		if b.Path != made[len(made)-1-i] || b.OK != wantOK || !b.Checked {
			t.Fatalf("list[%d] = %+v", i, b)
		}
		if !b.OK && (b.Problem == "" || strings.Contains(b.Problem, "panic")) {
			t.Fatalf("list[%d]: unreadable problem %q", i, b.Problem)
		}
		t.Logf("%s: ok=%v %s", filepath.Base(b.Path), b.OK, b.Problem)
	}
	if !strings.Contains(list[1].Problem, "tidak dapat dibaca") {
		t.Fatalf("damaged records reported as %q", list[1].Problem)
	}
	good, ok := NewestGoodBackup(bkCtx, dir)
	if !ok || good.Path != made[0] || !good.OK {
		t.Fatalf("NewestGoodBackup = %+v, %v; want %s", good, ok, made[0])
	}
	for _, p := range made[1:] {
		os.Remove(p)
	}
	bkTruncateHalf(t, made[0])
	if b, ok := NewestGoodBackup(bkCtx, dir); ok {
		t.Fatalf("NewestGoodBackup offered the damaged %s", b.Path)
	}
	if list, err := ListBackups(bkCtx, filepath.Join(dir, "tidak-ada"), ""); err != nil || len(list) != 0 {
		t.Fatalf("missing folder: %v %v", list, err)
	}
}

func TestRestoreRefusesDamagedBackup(t *testing.T) {
	for _, tc := range []struct {
		name   string
		damage func(*testing.T, string)
	}{
		{"truncated", bkTruncateHalf},
		{"records", bkCorruptRecords},
		{"not a database", func(t *testing.T, p string) {
			os.WriteFile(p, bytes.Repeat([]byte("bukan database\n"), 1000), 0o600)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, dbPath := openTestStore(t)
			bkSeed(t, s, 0, 200)
			path, err := s.Backup(bkCtx, t.TempDir(), "")
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			tc.damage(t, path)
			before := bkDigest(t, dbPath)
			dirBefore := dirNames(t, filepath.Dir(dbPath))
			_, err = Restore(bkCtx, dbPath, path, "", testOptions())
			wantCode(t, err, domain.EINVALID)
			msg := domain.ErrorMessage(err)
			if !strings.Contains(msg, "tidak dipulihkan") || !strings.Contains(msg, "Berkas data tidak diubah") {
				t.Fatalf("message %q", msg)
			}
			t.Log(msg)
			if bkDigest(t, dbPath) != before {
				t.Fatal("the live database changed")
			}
			if got := dirNames(t, filepath.Dir(dbPath)); strings.Join(got, ",") != strings.Join(dirBefore, ",") {
				t.Fatalf("folder was %v, is %v", dirBefore, got)
			}
		})
	}
}

func TestRestoreWhileOpenIsRefused(t *testing.T) {
	s, dbPath := openTestStore(t)
	bkSeed(t, s, 0, 5)
	path, err := s.Backup(bkCtx, t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	bkSeed(t, s, 10, 1)
	want := bkExport(t, s)
	_, err = Restore(bkCtx, dbPath, path, "", testOptions())
	wantCode(t, err, domain.ELOCKED)
	wantMessage(t, err, msgLocked)
	if got := bkExport(t, s); got != want {
		t.Fatal("the open database changed")
	}
	if _, err := Restore(bkCtx, path, path, "", testOptions()); err == nil {
		t.Fatal("restoring a file over itself succeeded")
	}
}

// A database that does not open is never touched by Open; an explicit
// restore replaces it and keeps its bytes.
func TestRestoreOverDamagedDatabase(t *testing.T) {
	s, dbPath := openTestStore(t)
	bkSeed(t, s, 0, 20)
	want := bkExport(t, s)
	path, err := s.Backup(bkCtx, t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	garbage := bytes.Repeat([]byte{0xA5}, 64<<10)
	if err := os.WriteFile(dbPath, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dbPath, testOptions()); err == nil {
		t.Fatal("a damaged file opened")
	}
	if b, _ := os.ReadFile(dbPath); !bytes.Equal(b, garbage) {
		t.Fatal("a failed Open changed the damaged file")
	}
	st, err := Restore(bkCtx, dbPath, path, "", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if bkExport(t, st) != want {
		t.Fatal("restored data differ")
	}
	var kept string
	for _, n := range dirNames(t, st.BackupDir()) {
		if strings.HasPrefix(n, damagedPrefix) {
			kept = filepath.Join(st.BackupDir(), n)
		}
	}
	if b, err := os.ReadFile(kept); err != nil || !bytes.Equal(b, garbage) {
		t.Fatalf("damaged file not kept as it was (%q, %v)", kept, err)
	}
	if list, _ := ListBackups(bkCtx, st.BackupDir(), ""); len(list) != 0 {
		t.Fatalf("the damaged copy is listed as a backup: %+v", list)
	}
}

func TestRestoreIntoNewLocation(t *testing.T) {
	s, _ := openTestStore(t)
	bkSeed(t, s, 0, 8)
	want := bkExport(t, s)
	path, err := s.Backup(bkCtx, t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(t.TempDir(), "baru.db")
	st, err := Restore(bkCtx, dbPath, path, "", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if bkExport(t, st) != want {
		t.Fatal("restored data differ")
	}
}

func TestRestoreOlderSchemaBackup(t *testing.T) {
	old := filepath.Join(t.TempDir(), "lama.db")
	writeV1Fixture(t, old)
	if probs, err := VerifyFile(bkCtx, old, ""); err != nil || len(probs) > 0 {
		t.Fatalf("VerifyFile of a schema-1 file: %v %q", err, probs)
	}
	sum := bkDigest(t, old)
	dbPath := filepath.Join(t.TempDir(), "data.db")
	st, err := Restore(bkCtx, dbPath, old, "", testOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	assertClean(t, st)
	rows, err := st.ListRows(bkCtx)
	if err != nil || len(rows) != 2 {
		t.Fatalf("rows %v %v", rows, err)
	}
	if bkDigest(t, old) != sum {
		t.Fatal("verifying or restoring changed the backup")
	}
}

func TestCompactKeepsEverythingAndShrinks(t *testing.T) {
	s, dbPath := openTestStore(t)
	ids := bkSeed(t, s, 0, 800)
	for _, id := range ids[:750] {
		if err := s.DeleteEmployee(bkCtx, id); err != nil {
			t.Fatal(err)
		}
	}
	want := bkExport(t, s)
	before, after, err := s.Compact(bkCtx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("compacted %d → %d bytes", before, after)
	if fi, _ := os.Stat(dbPath); fi.Size() != after {
		t.Fatalf("reported %d bytes after, file has %d", after, fi.Size())
	}
	if after >= before/2 {
		t.Fatalf("file did not shrink: %d → %d", before, after)
	}
	if got := bkExport(t, s); got != want {
		t.Fatal("compaction changed the data")
	}
	assertClean(t, s)
	// The store keeps working and ids are not reused.
	id, err := s.CreateEmployee(bkCtx, testEmployee(5000))
	if err != nil {
		t.Fatal(err)
	}
	if id <= ids[len(ids)-1] {
		t.Fatalf("id %d reused after compaction", id)
	}
	acts := bkAuditActions(t, s)
	if len(acts) == 0 || !strings.HasPrefix(acts[0], domain.ActionCompact) {
		t.Fatalf("audit: %q", acts)
	}
	for _, n := range dirNames(t, filepath.Dir(dbPath)) {
		if strings.HasSuffix(n, ".tmp") {
			t.Fatalf("left behind: %s", n)
		}
	}
	s.Close()
	s2 := openAt(t, dbPath, testOptions())
	assertClean(t, s2)
}

func TestCompactReadOnlyRefused(t *testing.T) {
	s, path := openTestStore(t)
	s.Close()
	ro := openAt(t, path, Options{ReadOnly: true})
	_, _, err := ro.Compact(bkCtx)
	wantCode(t, err, domain.EINVALID)
}

func TestNetworkMounts(t *testing.T) {
	mounts := `sysfs /sys sysfs rw 0 0
/dev/sda1 / ext4 rw 0 0
server:/export /mnt/kantor nfs4 rw 0 0
//nas/data /media/data\040bersama cifs rw 0 0
tmpfs /mnt/kantor/lokal tmpfs rw 0 0
`
	for path, want := range map[string]bool{
		"/home/op/asndesk.db":                 false,
		"/mnt/kantor/asndesk.db":              true,
		"/mnt/kantor":                         true,
		"/mnt/kantorku/asndesk.db":            false,
		"/mnt/kantor/lokal/asndesk.db":        false,
		"/media/data bersama/asndesk/data.db": true,
		"/media/data/asndesk.db":              false,
	} {
		if got := onNetworkMount(path, bufio.NewScanner(strings.NewReader(mounts))); got != want {
			t.Errorf("%s: network = %v, want %v", path, got, want)
		}
	}
	if IsNetworkPath(filepath.Join(t.TempDir(), "data.db")) {
		t.Log("the temporary folder is on a network mount here")
	}
	if IsNetworkPath("") {
		t.Fatal("empty path is a network path")
	}
}

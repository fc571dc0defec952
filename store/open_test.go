package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

func TestNewFileHasCurrentSchema(t *testing.T) {
	s, path := openTestStore(t)
	if s.Path() != path {
		t.Fatalf("Path() = %q, want %q", s.Path(), path)
	}
	if _, ok, err := s.Office(bg); ok || err != nil {
		t.Fatalf("new file has an office: %v %v", ok, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o600 {
		t.Fatalf("file mode %v, want 0600", perm)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketMeta, bucketEmployees, bucketRows, bucketNIP, bucketNIK, bucketUnits,
			bucketAccounts, bucketAcctName, bucketAudit} {
			if tx.Bucket(b) == nil {
				t.Errorf("bucket %s missing", b)
			}
		}
		if v, _ := parseID(tx.Bucket(bucketMeta).Get(metaSchema)); v != SchemaVersion {
			t.Errorf("schema %d", v)
		}
		if tx.Bucket(bucketMeta).Get(metaCreated) == nil {
			t.Error("created missing")
		}
		return nil
	})
}

func TestSecondOpenIsLocked(t *testing.T) {
	_, path := openTestStore(t)
	opts := testOptions()
	start := time.Now()
	s2, err := Open(path, opts)
	elapsed := time.Since(start)
	if err == nil {
		s2.Close()
		t.Fatal("second Open succeeded")
	}
	wantCode(t, err, domain.ELOCKED)
	wantMessage(t, err, "Database sudah dibuka di jendela lain. Tutup jendela asndesk yang lain, lalu coba lagi.")
	if !errors.Is(err, domain.ErrLocked) {
		t.Fatal("errors.Is(ErrLocked) false")
	}
	if errors.Is(err, bolterrors.ErrTimeout) {
		t.Fatal("bbolt error escaped the store")
	}
	// bbolt polls the lock every 50 ms and gives up one poll early.
	if elapsed < opts.Timeout-100*time.Millisecond || elapsed > opts.Timeout+time.Second {
		t.Fatalf("gave up after %v, timeout %v", elapsed, opts.Timeout)
	}

	// Read-only export cannot share the file with a writer either.
	ro := testOptions()
	ro.ReadOnly = true
	_, err = Open(path, ro)
	wantCode(t, err, domain.ELOCKED)
}

func TestOpenMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tidak-ada")
	_, err := Open(filepath.Join(dir, "data.db"), testOptions())
	wantCode(t, err, domain.EINVALID)
	wantMessage(t, err, "Folder untuk berkas data tidak ditemukan: "+dir)
	if _, serr := os.Stat(dir); !os.IsNotExist(serr) {
		t.Fatal("Open created the folder")
	}
}

func TestOpenReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores folder permissions")
	}
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	_, err := Open(filepath.Join(dir, "data.db"), testOptions())
	wantCode(t, err, domain.EINVALID)
	wantMessage(t, err, "Berkas data tidak dapat dibuat atau ditulis di "+dir+" (izin ditolak).")
}

func TestOpenReadOnlyFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores file permissions")
	}
	s, path := openTestStore(t)
	s.Close()
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, testOptions())
	wantMessage(t, err, "Berkas data tidak dapat dibuat atau ditulis di "+filepath.Dir(path)+" (izin ditolak).")
	// Read-only mode still works.
	ro := testOptions()
	ro.ReadOnly = true
	openAt(t, path, ro)
}

func TestOpenNotADatabase(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"small.txt": "ini hanya catatan, bukan database\n",
		"big.txt":   strings.Repeat("baris teks biasa\n", 2000),
		"zeros":     string(make([]byte, 3*4096)),
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(path, testOptions())
		if err == nil {
			s.Close()
			t.Fatalf("%s opened", name)
		}
		wantCode(t, err, domain.EINVALID)
		wantMessage(t, err, "Berkas "+path+" bukan berkas data asndesk.")
		if got, _ := os.ReadFile(path); string(got) != content {
			t.Fatalf("%s was modified", name)
		}
	}
	// A folder in place of the file.
	sub := filepath.Join(dir, "folder.db")
	os.Mkdir(sub, 0o700)
	_, err := Open(sub, testOptions())
	wantMessage(t, err, "Berkas "+sub+" bukan berkas data asndesk.")
}

func TestOpenForeignBoltFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket([]byte("widgets"))
		return b.Put([]byte("a"), []byte("b"))
	})
	db.Close()
	_, err = Open(path, testOptions())
	wantMessage(t, err, "Berkas "+path+" bukan berkas data asndesk.")
}

func TestOpenEmptyFileInitialises(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, path, testOptions())
	mustCreate(t, s, testEmployee(1))
	assertClean(t, s)
}

func TestNewerSchemaRefused(t *testing.T) {
	s, path := openTestStore(t)
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(metaSchema, u64Value(99)) })
	db.Close()
	before, _ := os.ReadFile(path)

	for _, ro := range []bool{false, true} {
		opts := testOptions()
		opts.ReadOnly = ro
		_, err = Open(path, opts)
		wantCode(t, err, domain.ESCHEMA)
		wantMessage(t, err, "Berkas data ini dibuat oleh asndesk versi yang lebih baru (skema v99). Perbarui asndesk untuk membukanya.")
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("refused file was modified")
	}
	// The lock was released: the file can be opened by bbolt again.
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("lock kept after refusal: %v", err)
	}
	db.Close()
	if backups, _ := filepath.Glob(path + ".pre-*"); len(backups) != 0 {
		t.Fatalf("backup written for a refused file: %v", backups)
	}
}

func TestReadOnlyMode(t *testing.T) {
	s, path := openTestStore(t)
	id := mustCreate(t, s, testEmployee(1))
	s.Close()

	opts := testOptions()
	opts.ReadOnly = true
	ro := openAt(t, path, opts)
	if _, err := ro.Employee(bg, id); err != nil {
		t.Fatal(err)
	}
	_, err := ro.CreateEmployee(bg, testEmployee(2))
	wantCode(t, err, domain.EINVALID)
	wantMessage(t, err, msgReadOnly)
	assertClean(t, ro)

	// Two read-only opens may share the file.
	openAt(t, path, opts)

	_, err = Open(filepath.Join(filepath.Dir(path), "tidak-ada.db"), opts)
	wantCode(t, err, domain.ENOTFOUND)
}

func TestClosedStoreErrors(t *testing.T) {
	s, _ := openTestStore(t)
	s.Close()
	_, err := s.ListRows(bg)
	wantCode(t, err, domain.EINTERNAL)
	if errors.Is(err, bolterrors.ErrDatabaseNotOpen) {
		t.Fatal("bbolt error escaped")
	}
}

// TestDamagedFreelistRefusedAndUnlocked damages the freelist page, which
// makes bbolt panic inside its Open after taking the file lock. Open must
// turn that into an error and release the lock, so that a second attempt
// reports the damage again instead of "already open".
func TestDamagedFreelistRefusedAndUnlocked(t *testing.T) {
	s, path := openTestStore(t)
	for i := range 50 {
		mustCreate(t, s, testEmployee(i))
	}
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const pageSize = 4096
	if len(b) < 2*pageSize {
		t.Fatalf("file too small: %d", len(b))
	}
	// Meta layout after the 16-byte page header: magic, version, page size,
	// flags (4 bytes each), root bucket (16), freelist pgid (8).
	for meta := 0; meta < 2; meta++ {
		off := meta*pageSize + 16 + 16 + 16
		pg := int(binary.LittleEndian.Uint64(b[off : off+8]))
		if pg < 2 || (pg+1)*pageSize > len(b) {
			t.Fatalf("freelist page %d out of range", pg)
		}
		clear(b[pg*pageSize : (pg+1)*pageSize])
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		_, err := Open(path, testOptions())
		wantCode(t, err, domain.EINVALID)
		wantMessage(t, err, "Berkas "+path+" bukan berkas data asndesk.")
	}
}

package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the bucket layout this build reads and writes. See the
// package comment for the tree and migrate.go for the steps.
const SchemaVersion = 6

// Options configure Open.
type Options struct {
	Timeout  time.Duration    // lock wait; 0 → 1s
	ReadOnly bool             // for export/check: shared lock, no writes, no migration
	Now      func() time.Time // nil → time.Now; used for Created/Updated, audit times, login lockouts and backup names

	// PasswordCost is the argon2id cost of new password hashes; zero →
	// DefaultPasswordCost. Tests use a tiny cost to run fast.
	PasswordCost PasswordCost
}

// Store is the open data file. Its methods are safe for concurrent use.
type Store struct {
	db       *bolt.DB
	path     string
	readOnly bool
	now      func() time.Time
	cost     PasswordCost

	dummyOnce sync.Once // dummyHash: checked for unknown usernames, so they take as long as known ones
	dummyHash string
}

const (
	msgLocked   = "Database sudah dibuka di jendela lain. Tutup jendela asndesk yang lain, lalu coba lagi."
	msgReadOnly = "Berkas data dibuka hanya untuk dibaca; perubahan tidak dapat disimpan."
)

func msgNotOurs(path string) string { return "Berkas " + path + " bukan berkas data asndesk." }
func msgNoDir(dir string) string    { return "Folder untuk berkas data tidak ditemukan: " + dir }
func msgDenied(dir string) string {
	return "Berkas data tidak dapat dibuat atau ditulis di " + dir + " (izin ditolak)."
}

// Open opens (or creates) the data file at path. The parent folder must
// exist. A new file is initialised at SchemaVersion; an older one is backed
// up and migrated; a newer one is refused with ESCHEMA. Another process
// holding the file makes Open fail with ELOCKED after opts.Timeout.
//
// With ReadOnly the file must exist, is locked shared, and is never
// migrated: an older schema is refused with ESCHEMA.
func Open(path string, opts Options) (st *Store, err error) {
	if opts.Timeout <= 0 {
		opts.Timeout = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if path == "" {
		return nil, fail(domain.EINVALID, "Lokasi berkas data belum ditentukan.", nil)
	}
	abs, aerr := filepath.Abs(path)
	if aerr != nil {
		abs = filepath.Clean(path)
	}
	dir := filepath.Dir(abs)

	if fi, serr := os.Stat(dir); serr != nil || !fi.IsDir() {
		if errors.Is(serr, fs.ErrPermission) {
			return nil, fail(domain.EINVALID, msgDenied(dir), serr)
		}
		return nil, fail(domain.EINVALID, msgNoDir(dir), serr)
	}
	existed := false
	switch fi, serr := os.Stat(abs); {
	case serr == nil && fi.IsDir():
		return nil, fail(domain.EINVALID, msgNotOurs(abs), errors.New("is a directory"))
	case serr == nil:
		existed = fi.Size() > 0
	case errors.Is(serr, fs.ErrNotExist):
		if opts.ReadOnly {
			return nil, fail(domain.ENOTFOUND, "Berkas data tidak ditemukan: "+abs, serr)
		}
	case errors.Is(serr, fs.ErrPermission):
		return nil, fail(domain.EINVALID, msgDenied(dir), serr)
	}

	var (
		db   *bolt.DB
		file *os.File // the handle bbolt opens, to release its lock after a panic
	)
	prevFault := debug.SetPanicOnFault(true)
	defer func() {
		debug.SetPanicOnFault(prevFault)
		// bbolt trusts the bytes it maps and panics on some damaged files;
		// that must not take the application down or leave the file locked.
		if r := recover(); r != nil {
			if db != nil {
				_ = db.Close()
			} else if file != nil {
				releaseLock(file)
				_ = file.Close()
			}
			st, err = nil, fail(domain.EINVALID, msgNotOurs(abs), fmt.Errorf("panic: %v", r))
		}
	}()
	openFile := func(name string, flag int, perm os.FileMode) (*os.File, error) {
		f, err := os.OpenFile(name, flag, perm)
		if err == nil {
			file = f
		}
		return f, err
	}
	db, err = bolt.Open(abs, 0o600, &bolt.Options{Timeout: opts.Timeout, ReadOnly: opts.ReadOnly, OpenFile: openFile})
	if err != nil {
		return nil, openErr(abs, dir, existed, err)
	}
	s := &Store{db: db, path: abs, readOnly: opts.ReadOnly, now: opts.Now, cost: opts.PasswordCost.normalized()}
	if err := s.prepare(); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

func openErr(path, dir string, existed bool, err error) error {
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return fail(domain.ELOCKED, msgLocked, err)
	case errors.Is(err, fs.ErrPermission):
		return fail(domain.EINVALID, msgDenied(dir), err)
	case errors.Is(err, fs.ErrNotExist):
		if _, serr := os.Stat(dir); serr != nil {
			return fail(domain.EINVALID, msgNoDir(dir), err)
		}
		return fail(domain.ENOTFOUND, "Berkas data tidak ditemukan: "+path, err)
	case existed, errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrChecksum),
		errors.Is(err, bolterrors.ErrVersionMismatch):
		return fail(domain.EINVALID, msgNotOurs(path), err)
	}
	return fail(domain.EINTERNAL, "Berkas data "+path+" tidak dapat dibuka. Lihat berkas log untuk rinciannya.", err)
}

var errStop = errors.New("stop")

// prepare reads the schema version and initialises, migrates or refuses.
func (s *Store) prepare() error {
	var v uint64
	foreign := false
	err := s.db.View(func(tx *bolt.Tx) error {
		mb := tx.Bucket(bucketMeta)
		if mb == nil {
			err := tx.ForEach(func([]byte, *bolt.Bucket) error { foreign = true; return errStop })
			if err != nil && !errors.Is(err, errStop) {
				return err
			}
			return nil
		}
		raw := mb.Get(metaSchema)
		if len(raw) != 8 {
			foreign = true
			return nil
		}
		v, _ = parseID(raw)
		return nil
	})
	if err != nil {
		return fail(domain.EINVALID, msgNotOurs(s.path), err)
	}
	switch {
	case foreign:
		return fail(domain.EINVALID, msgNotOurs(s.path), errors.New("no asndesk schema in meta"))
	case v == 0 && s.readOnly:
		return nil // an empty bbolt file: reads see nothing
	case v == 0:
		if err := s.db.Update(s.initTx); err != nil {
			return boundary("initialise", err)
		}
		return nil
	case v > SchemaVersion:
		return fail(domain.ESCHEMA, fmt.Sprintf("Berkas data ini dibuat oleh asndesk versi yang lebih baru (skema v%d). "+
			"Perbarui asndesk untuk membukanya.", v), nil)
	case v < SchemaVersion && s.readOnly:
		return fail(domain.ESCHEMA, fmt.Sprintf("Berkas data ini memakai skema lama (v%d). "+
			"Buka sekali dengan asndesk biasa (bukan hanya-baca) agar diperbarui ke v%d.", v, SchemaVersion), nil)
	case v < SchemaVersion:
		return s.migrate(v)
	}
	return nil
}

// initTx creates every bucket of the current schema in a new file.
func (s *Store) initTx(tx *bolt.Tx) error {
	for _, name := range schemaBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	mb := tx.Bucket(bucketMeta)
	if err := mb.Put(metaCreated, []byte(s.now().Format(time.RFC3339))); err != nil {
		return err
	}
	return mb.Put(metaSchema, u64Value(SchemaVersion))
}

// Close releases the file and its lock.
func (s *Store) Close() error {
	return boundary("close", s.db.Close())
}

// Path is the absolute path of the data file.
func (s *Store) Path() string { return s.path }

const msgDamaged = "Berkas data rusak sehingga tidak dapat dibaca. Jalankan pemeriksaan database atau pulihkan dari cadangan."

// guard turns a panic or memory fault inside bbolt, which trusts the pages
// it maps, into an error: a damaged file must not take the application
// down. Use as: defer guard(op, &err)(); the returned func must be
// deferred, the call itself arms fault-to-panic for this goroutine.
func guard(op string, err *error) func() {
	prev := debug.SetPanicOnFault(true)
	return func() {
		debug.SetPanicOnFault(prev)
		if r := recover(); r != nil {
			*err = fail(domain.EINTERNAL, msgDamaged, fmt.Errorf("store: %s: panic: %v", op, r))
		}
	}
}

// view runs a read transaction after checking ctx.
func (s *Store) view(ctx context.Context, op string, fn func(tx *bolt.Tx) error) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	defer guard(op, &err)()
	return boundary(op, s.db.View(fn))
}

// update runs one write transaction after checking ctx. bbolt rolls the
// transaction back if fn fails or panics.
func (s *Store) update(ctx context.Context, op string, fn func(tx *bolt.Tx) error) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.readOnly {
		return boundary(op, fail(domain.EINVALID, msgReadOnly, nil))
	}
	defer guard(op, &err)()
	return boundary(op, s.db.Update(func(tx *bolt.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		return ctx.Err() // a cancelled action commits nothing
	}))
}

// now returns the current time without its monotonic reading.
func (s *Store) stamp() time.Time { return s.now().Round(0) }

// bucket returns a bucket that the schema guarantees, or an error if the
// file lacks it (only possible in a damaged file).
func bucket(tx *bolt.Tx, name []byte) (*bolt.Bucket, error) {
	b := tx.Bucket(name)
	if b == nil {
		return nil, fmt.Errorf("bucket %s missing", name)
	}
	return b, nil
}

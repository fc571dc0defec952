package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// Restore replaces the database at dbPath with the backup src (decrypted
// with passphrase when it is an age file) and returns the restored
// database, open. The database must not be open in this process: close it
// first (Windows cannot replace an open file); if another process has it
// open, Restore refuses with ELOCKED and changes nothing.
//
// Steps, each of which stops the restore on failure with the database
// untouched:
//  1. copy src (decrypted) to a temporary file beside dbPath and fsync it;
//  2. verify exactly those bytes (VerifyFile's checks); a backup with
//     problems is refused with the problems in the message;
//  3. keep the current database in <folder>/cadangan: a consistent copy
//     asndesk-sebelum-pulih-YYYYMMDD-HHMMSS.db when it opens, or its bytes
//     as they are (rusak-sebelum-pulih-….db) when it does not;
//  4. rename the temporary file over dbPath, then Open it with opts
//     (migrating an older backup) and record domain.ActionRestore under the
//     actor of ctx, who needs domain.CanBackup.
//
// Restore is the only way a database that fails to open is ever replaced,
// and only because a person asked for it.
func Restore(ctx context.Context, dbPath, src, passphrase string, opts Options) (*Store, error) {
	actor := domain.ActorFrom(ctx)
	if err := domain.CanBackup(actor); err != nil {
		return nil, fmt.Errorf("store: restore: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if opts.Timeout <= 0 {
		opts.Timeout = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	opts.ReadOnly = false
	if strings.TrimSpace(dbPath) == "" {
		return nil, fail(domain.EINVALID, "Lokasi berkas data belum ditentukan.", nil)
	}
	if strings.TrimSpace(src) == "" {
		return nil, fail(domain.EINVALID, "Berkas cadangan belum dipilih.", nil)
	}
	dbPath = absPath(dbPath)
	src = absPath(src)
	dir := filepath.Dir(dbPath)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, fail(domain.EINVALID, msgNoDir(dir), err)
	}
	switch sfi, err := os.Stat(src); {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fail(domain.ENOTFOUND, msgNoBackup+src, err)
	case err != nil:
		return nil, fail(domain.EINVALID, "Berkas "+src+" tidak dapat dibaca.", err)
	case sfi.IsDir():
		return nil, fail(domain.EINVALID, "Berkas "+src+" adalah folder, bukan cadangan.", nil)
	default:
		if dfi, err := os.Stat(dbPath); err == nil && os.SameFile(sfi, dfi) {
			return nil, fail(domain.EINVALID, "Berkas yang dipilih adalah berkas data itu sendiri, bukan cadangannya.", nil)
		}
	}

	// 1. Stage the backup beside the database, so the final rename stays
	// on one file system.
	stage, err := os.CreateTemp(dir, tmpPattern)
	if err != nil {
		return nil, fail(domain.EINVALID, msgDenied(dir), err)
	}
	staged := stage.Name()
	installed := false
	defer func() {
		if !installed {
			_ = os.Remove(staged)
		}
	}()
	err = copyPlain(ctx, stage, src, passphrase)
	if err == nil {
		if serr := stage.Sync(); serr != nil {
			err = fail(domain.EINVALID, "Cadangan tidak dapat disalin ke "+dir+". Periksa ruang kosong.", serr)
		}
	}
	if cerr := stage.Close(); err == nil && cerr != nil {
		err = fail(domain.EINVALID, "Cadangan tidak dapat disalin ke "+dir+". Periksa ruang kosong.", cerr)
	}
	var dmg damagedError
	if errors.As(err, &dmg) {
		return nil, fail(domain.EINVALID, "Cadangan "+src+" tidak dipulihkan: "+dmg.msg, dmg.cause)
	}
	if err != nil {
		return nil, err
	}

	// 2. Verify what will be installed.
	probs, err := verifyPlain(ctx, staged)
	if err != nil {
		return nil, err
	}
	if len(probs) > 0 {
		return nil, fail(domain.EINVALID, "Cadangan "+src+" tidak dipulihkan karena tidak lolos pemeriksaan: "+
			summarise(probs)+" Berkas data tidak diubah.", nil)
	}

	// 3. Keep the current database.
	kept, err := keepCurrent(ctx, dbPath, opts)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// 4. Install and open.
	if err := os.Rename(staged, dbPath); err != nil {
		return nil, fail(domain.EINVALID, "Berkas data "+dbPath+" tidak dapat diganti. Pastikan asndesk tidak sedang "+
			"membukanya, lalu coba lagi.", err)
	}
	installed = true
	syncDir(dir)
	st, err := Open(dbPath, opts)
	if err != nil {
		return nil, fmt.Errorf("store: restore: cadangan sudah dipulihkan ke %s tetapi tidak dapat dibuka: %w", dbPath, err)
	}
	summary := []string{"dari: " + src}
	if kept != "" {
		summary = append(summary, "data sebelumnya disimpan di: "+kept)
	}
	err = st.update(context.WithoutCancel(ctx), "restore", func(tx *bolt.Tx) error {
		return appendAudit(tx, actor, st.stamp(), domain.AuditEntry{
			Action: domain.ActionRestore, Entity: EntityDatabase, Summary: summary,
		})
	})
	if err != nil {
		_ = st.Close()
		return nil, fail(domain.EINTERNAL, "Data sudah dipulihkan dari "+src+", tetapi pemulihan tidak dapat dicatat di "+
			"riwayat perubahan.", err)
	}
	return st, nil
}

// keepCurrent saves the database at dbPath into its cadangan folder before
// it is replaced and returns the copy's path ("" when there is no
// database). A database another process holds is refused with ELOCKED.
func keepCurrent(ctx context.Context, dbPath string, opts Options) (string, error) {
	fi, err := os.Stat(dbPath)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && fi.Size() == 0) {
		return "", nil
	}
	if err != nil {
		return "", fail(domain.EINVALID, "Berkas data "+dbPath+" tidak dapat dibaca.", err)
	}
	bdir := filepath.Join(filepath.Dir(dbPath), BackupDirName)
	cur, err := Open(dbPath, Options{ReadOnly: true, Timeout: opts.Timeout, Now: opts.Now})
	switch code := domain.ErrorCode(err); code {
	case "":
		defer cur.Close()
		path, err := cur.writeBackup(ctx, bdir, preRestorePrefix, "")
		if err != nil {
			return "", fmt.Errorf("store: restore: data saat ini tidak dapat dicadangkan, pemulihan dibatalkan: %w", err)
		}
		return path, nil
	case domain.ELOCKED:
		return "", err
	default:
		// It does not open as a current asndesk file: an older or newer
		// schema, or damage. Keep its bytes exactly as they are.
		if err := makeDir(bdir); err != nil {
			return "", err
		}
		prefix := damagedPrefix
		if code == domain.ESCHEMA {
			prefix = preRestorePrefix
		}
		path := freeName(bdir, prefix, opts.Now(), ".db")
		if err := copyFileSync(ctx, path, dbPath); err != nil {
			return "", fmt.Errorf("store: restore: data saat ini tidak dapat disimpan, pemulihan dibatalkan: %w", err)
		}
		syncDir(bdir)
		return path, nil
	}
}

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

package store

// Backups.
//
// A backup is a complete, consistent copy of the data file written from a
// read transaction (tx.WriteTo), so the application goes on saving while it
// is made. The copy goes to a temporary file in the target folder, is
// fsynced and closed, and only then renamed to its final name: a backup
// that has its name is always whole. Temporary files start with a dot and
// end in .tmp, so a crash can leave one behind but never under a backup's
// name.
//
// Names (the time is the store clock's local time, Options.Now):
//
//	asndesk-YYYYMMDD-HHMMSS.db                 a backup (manual or automatic)
//	asndesk-YYYYMMDD-HHMMSS.db.age             the same, encrypted with a passphrase (age, scrypt)
//	asndesk-YYYYMMDD-HHMMSS-N.db               a second backup within the same second
//	asndesk-sebelum-pulih-YYYYMMDD-HHMMSS.db   the database as it was before a restore
//	rusak-sebelum-pulih-YYYYMMDD-HHMMSS.db     a database that could not be opened, kept as it was before a restore
//
// Automatic backups go to the folder "cadangan" beside the data file and
// are rotated; the pre-restore copies are not rotated.

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"asndesk/domain"

	"filippo.io/age"
	bolt "go.etcd.io/bbolt"
)

const (
	// BackupDirName is the folder beside the data file that holds the
	// automatic backups.
	BackupDirName = "cadangan"
	// DefaultBackupKeep is how many automatic backups are kept.
	DefaultBackupKeep = 10

	backupLayout     = "20060102-150405"
	backupPrefix     = "asndesk-"
	preRestorePrefix = "asndesk-sebelum-pulih-"
	damagedPrefix    = "rusak-sebelum-pulih-"
	tmpPattern       = ".asndesk-*.tmp"

	// ageMagic starts every age file.
	ageMagic = "age-encryption.org/v1\n"

	msgEncrypted = "Cadangan ini terenkripsi. Masukkan frasa sandi yang benar."
	msgUnopened  = "Berkas tidak dapat dibuka sebagai berkas data asndesk: rusak, terpotong, atau bukan cadangan asndesk."
	msgNoBackup  = "Berkas cadangan tidak ditemukan: "
)

// scryptLogN is the scrypt work factor of encrypted backups: age's default
// (2^18, about a second on an office PC). Tests lower it.
var scryptLogN = 18

// backupRe matches the name of every backup ListBackups shows.
var backupRe = regexp.MustCompile(`^asndesk-(sebelum-pulih-)?(\d{8}-\d{6})(?:-(\d+))?\.db(\.age)?$`)

// BackupInfo describes one backup file.
type BackupInfo struct {
	Path      string
	Time      time.Time // from the name, in local time; the file's modification time if the name has none
	Size      int64     // bytes on disk
	Encrypted bool      // .db.age: needs the passphrase
	Checked   bool      // false when it was not verified (encrypted and listed without a passphrase)
	OK        bool      // verified and sound
	Problem   string    // Indonesian, when !OK
}

// BackupDir is the folder of the automatic backups: <folder of the data
// file>/cadangan.
func (s *Store) BackupDir() string {
	return filepath.Join(filepath.Dir(s.path), BackupDirName)
}

// Backup writes a consistent copy of the open database into dir (created
// if missing) as asndesk-YYYYMMDD-HHMMSS.db, or .db.age encrypted with
// passphrase when it is not empty, and returns the path of the new file.
// The copy is made in a read transaction, so writers are never blocked.
// Needs domain.CanBackup for the actor of ctx; the backup is audited.
//
// If the file was written but the audit entry could not be, the path is
// returned together with the error: the backup itself is good.
func (s *Store) Backup(ctx context.Context, dir, passphrase string) (string, error) {
	actor := domain.ActorFrom(ctx)
	if err := domain.CanBackup(actor); err != nil {
		return "", fmt.Errorf("store: backup: %w", err)
	}
	path, err := s.writeBackup(ctx, dir, backupPrefix, passphrase)
	if err != nil {
		return "", err
	}
	summary := []string{"berkas: " + path}
	if passphrase != "" {
		summary = append(summary, "terenkripsi: ya")
	}
	return path, s.auditAfter(ctx, "backup", actor, domain.ActionBackup, summary)
}

// AutoBackup writes an unencrypted backup into BackupDir and then deletes
// the oldest automatic backups there beyond the newest keep
// (DefaultBackupKeep when keep <= 0). reason says why ("tutup" when the
// application closes, "harian" for the first start of a day) and goes into
// the audit entry.
//
// An automatic backup is a task of the application, not of the person
// logged in (there may be none yet at the first start of the day), so it
// needs no permission and is audited under a system actor; the person, if
// any, is named in the summary.
func (s *Store) AutoBackup(ctx context.Context, keep int, reason string) (string, error) {
	if keep <= 0 {
		keep = DefaultBackupKeep
	}
	dir := s.BackupDir()
	path, err := s.writeBackup(ctx, dir, backupPrefix, "")
	if err != nil {
		return "", err
	}
	rotErr := rotateBackups(dir, keep)
	summary := []string{"berkas: " + path}
	if reason != "" {
		summary = append(summary, "alasan: "+reason)
	}
	if by := domain.ActorFrom(ctx); !by.IsZero() && by.System == "" {
		summary = append(summary, "saat dipakai oleh: "+by.Label())
	}
	if err := s.auditAfter(ctx, "autobackup", domain.SystemActor("cadangan otomatis"), domain.ActionBackup, summary); err != nil {
		return path, err
	}
	return path, rotErr
}

// NeedsDailyBackup reports whether BackupDir holds no backup made today
// (the date of Options.Now, read from the backups' names).
func (s *Store) NeedsDailyBackup() bool {
	today := s.now().Format("20060102")
	entries, err := os.ReadDir(s.BackupDir())
	if err != nil {
		return true
	}
	for _, e := range entries {
		if m := backupRe.FindStringSubmatch(e.Name()); m != nil && strings.HasPrefix(m[2], today) && e.Type().IsRegular() {
			return false
		}
	}
	return true
}

// auditAfter appends the audit entry of a backup-like action. A backup is
// made from a read transaction so that writers go on meanwhile; its entry
// therefore cannot share that transaction and is written in a small write
// transaction of its own right after the file is in place. It is written
// even if ctx was cancelled in between: the backup exists. A store opened
// read-only cannot record anything and records nothing.
func (s *Store) auditAfter(ctx context.Context, op string, actor domain.Actor, action string, summary []string) error {
	if s.readOnly {
		return nil
	}
	err := s.update(context.WithoutCancel(ctx), op, func(tx *bolt.Tx) error {
		return appendAudit(tx, actor, s.stamp(), domain.AuditEntry{
			Action: action, Entity: EntityDatabase, Summary: summary,
		})
	})
	if err != nil {
		return fail(domain.EINTERNAL, "Cadangan sudah dibuat, tetapi tidak dapat dicatat di riwayat perubahan.", err)
	}
	return nil
}

// writeBackup copies the database into dir under prefix+time(+".age").
func (s *Store) writeBackup(ctx context.Context, dir, prefix, passphrase string) (path string, err error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if strings.TrimSpace(dir) == "" {
		return "", fail(domain.EINVALID, "Folder tujuan cadangan belum ditentukan.", nil)
	}
	if abs, aerr := filepath.Abs(dir); aerr == nil {
		dir = abs
	}
	if err := makeDir(dir); err != nil {
		return "", err
	}
	var recipient age.Recipient
	if passphrase != "" {
		r, err := age.NewScryptRecipient(passphrase)
		if err != nil {
			return "", fail(domain.EINVALID, "Frasa sandi tidak dapat dipakai.", err)
		}
		r.SetWorkFactor(scryptLogN)
		recipient = r
	}
	tmp, err := os.CreateTemp(dir, tmpPattern)
	if err != nil {
		return "", writeFail(dir, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	err = s.view(ctx, "backup", func(tx *bolt.Tx) error {
		bw := bufio.NewWriterSize(tmp, 1<<20)
		var w io.Writer = bw
		var aw io.WriteCloser
		if recipient != nil {
			var err error
			if aw, err = age.Encrypt(bw, recipient); err != nil {
				return err
			}
			w = aw
		}
		if _, err := tx.WriteTo(ctxWriter{ctx, w}); err != nil {
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			return writeFail(dir, err)
		}
		if aw != nil {
			if err := aw.Close(); err != nil {
				return writeFail(dir, err)
			}
		}
		if err := bw.Flush(); err != nil {
			return writeFail(dir, err)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	if err := tmp.Sync(); err != nil {
		return "", writeFail(dir, err)
	}
	if err := tmp.Close(); err != nil {
		return "", writeFail(dir, err)
	}
	ext := ".db"
	if recipient != nil {
		ext = ".db.age"
	}
	path = freeName(dir, prefix, s.now(), ext)
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", writeFail(dir, err)
	}
	syncDir(dir)
	return path, nil
}

// makeDir creates dir (and its parents) for backups.
func makeDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return fail(domain.EINVALID, "Folder "+dir+" tidak dapat dibuat atau ditulis (izin ditolak).", err)
		}
		return fail(domain.EINVALID, "Folder "+dir+" tidak dapat dibuat.", err)
	}
	return nil
}

func writeFail(dir string, err error) error {
	if errors.Is(err, fs.ErrPermission) {
		return fail(domain.EINVALID, "Cadangan tidak dapat ditulis ke "+dir+" (izin ditolak).", err)
	}
	return fail(domain.EINVALID, "Cadangan tidak dapat ditulis ke "+dir+". Periksa ruang kosong dan apakah media masih terpasang.", err)
}

// freeName returns dir/prefix+time+ext, or with -2, -3… before ext when a
// file of that name exists already.
func freeName(dir, prefix string, t time.Time, ext string) string {
	base := prefix + t.Format(backupLayout)
	name := filepath.Join(dir, base+ext)
	for n := 2; ; n++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name
		}
		name = filepath.Join(dir, base+"-"+strconv.Itoa(n)+ext)
	}
}

// ctxWriter stops a long copy when ctx is cancelled.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// staleTmpAge is how old a temporary file left by an interrupted backup
// must be before rotation removes it.
const staleTmpAge = 24 * time.Hour

// rotateBackups keeps the newest keep automatic backups
// (asndesk-YYYYMMDD-HHMMSS[-N].db) in dir and deletes the older ones.
// Encrypted backups and the copies made before a restore are left alone.
// Temporary files of backups interrupted more than a day ago go too.
func rotateBackups(dir string, keep int) error {
	removeStaleTmp(dir)
	list, err := scanBackups(dir)
	if err != nil {
		return err
	}
	n := 0
	var errs []error
	for _, b := range list { // newest first
		m := backupRe.FindStringSubmatch(filepath.Base(b.Path))
		if b.Encrypted || m[1] != "" {
			continue
		}
		if n++; n <= keep {
			continue
		}
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return fail(domain.EINVALID, "Cadangan lama di "+dir+" tidak dapat dihapus.", errors.Join(errs...))
	}
	return nil
}

// removeStaleTmp deletes the temporary files (.asndesk-*.tmp) in dir that
// an interrupted backup left more than staleTmpAge ago.
func removeStaleTmp(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if ok, _ := filepath.Match(tmpPattern, e.Name()); !ok || !e.Type().IsRegular() {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > staleTmpAge {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// scanBackups lists the backups in dir by name, newest first, without
// verifying them. A missing folder holds no backups.
func scanBackups(dir string) ([]BackupInfo, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return []BackupInfo{}, nil
	}
	if err != nil {
		return nil, fail(domain.EINVALID, "Folder cadangan "+dir+" tidak dapat dibaca.", err)
	}
	type item struct {
		info BackupInfo
		seq  int
	}
	var items []item
	for _, e := range entries {
		m := backupRe.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		t, terr := time.ParseInLocation(backupLayout, m[2], time.Local)
		if terr != nil {
			t = fi.ModTime()
		}
		seq, _ := strconv.Atoi(m[3])
		items = append(items, item{BackupInfo{
			Path: filepath.Join(dir, e.Name()), Time: t, Size: fi.Size(), Encrypted: m[4] != "",
		}, seq})
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if !a.info.Time.Equal(b.info.Time) {
			return a.info.Time.After(b.info.Time)
		}
		if a.seq != b.seq {
			return a.seq > b.seq
		}
		return a.info.Path > b.info.Path
	})
	out := make([]BackupInfo, len(items))
	for i, it := range items {
		out[i] = it.info
	}
	return out, nil
}

// ListBackups returns the backups in dir (asndesk-*.db and asndesk-*.db.age),
// newest first, each verified with VerifyFile. An encrypted backup is
// verified only when passphrase is given; otherwise Checked is false. A
// missing folder holds no backups. Verification reads every backup in
// full: run it off the UI goroutine.
func ListBackups(ctx context.Context, dir string, passphrase string) ([]BackupInfo, error) {
	list, err := scanBackups(dir)
	if err != nil {
		return nil, err
	}
	for i := range list {
		b := &list[i]
		if b.Encrypted && passphrase == "" {
			b.Problem = "Terenkripsi: masukkan frasa sandi untuk memeriksanya."
			continue
		}
		probs, err := VerifyFile(ctx, b.Path, passphrase)
		if err != nil {
			if cerr := ctx.Err(); cerr != nil {
				return nil, cerr
			}
			b.Problem = domain.ErrorMessage(err) // e.g. a wrong passphrase: not checked
			continue
		}
		b.Checked = true
		b.OK = len(probs) == 0
		b.Problem = summarise(probs)
	}
	return list, nil
}

// NewestGoodBackup returns the newest unencrypted backup in dir that passes
// VerifyFile, for the offer made when the database will not open; ok is
// false when there is none.
func NewestGoodBackup(ctx context.Context, dir string) (BackupInfo, bool) {
	list, err := scanBackups(dir)
	if err != nil {
		return BackupInfo{}, false
	}
	for _, b := range list {
		if b.Encrypted {
			continue
		}
		if probs, err := VerifyFile(ctx, b.Path, ""); err == nil && len(probs) == 0 {
			b.Checked, b.OK = true, true
			return b, true
		}
		if ctx.Err() != nil {
			break
		}
	}
	return BackupInfo{}, false
}

// summarise joins the first problems into one sentence.
func summarise(probs []string) string {
	const show = 3
	trimmed := make([]string, 0, show)
	for _, p := range probs[:min(show, len(probs))] {
		trimmed = append(trimmed, strings.TrimRight(p, ". "))
	}
	out := strings.Join(trimmed, "; ")
	if len(probs) > show {
		out += fmt.Sprintf("; … dan %d masalah lain", len(probs)-show)
	}
	if out == "" {
		return ""
	}
	return out + "."
}

// VerifyFile checks a backup (or any data file) without changing it: opens
// it read-only and runs the full Check, returning the problems found in
// Indonesian (empty: sound). A file that cannot be opened as a data file
// is one problem, not an error. An encrypted backup is first decrypted to
// a temporary file with passphrase; a missing or wrong passphrase is an
// EINVALID error. A backup of an older schema is checked on a migrated
// temporary copy.
func VerifyFile(ctx context.Context, path, passphrase string) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fail(domain.ENOTFOUND, msgNoBackup+path, err)
	case err != nil:
		return nil, fail(domain.EINVALID, "Berkas "+path+" tidak dapat dibaca.", err)
	case fi.IsDir():
		return nil, fail(domain.EINVALID, "Berkas "+path+" adalah folder, bukan cadangan.", nil)
	}
	enc, err := isEncrypted(path)
	if err != nil {
		return nil, fail(domain.EINVALID, "Berkas "+path+" tidak dapat dibaca.", err)
	}
	if !enc {
		return verifyPlain(ctx, path)
	}
	if passphrase == "" {
		return nil, fail(domain.EINVALID, msgEncrypted, nil)
	}
	dir, err := os.MkdirTemp("", "asndesk-periksa-*")
	if err != nil {
		return nil, fail(domain.EINTERNAL, "Folder sementara untuk memeriksa cadangan tidak dapat dibuat.", err)
	}
	defer os.RemoveAll(dir)
	plain := filepath.Join(dir, "cadangan.db")
	f, err := os.OpenFile(plain, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fail(domain.EINTERNAL, "Berkas sementara untuk memeriksa cadangan tidak dapat dibuat.", err)
	}
	err = decryptTo(ctx, f, path, passphrase)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fail(domain.EINTERNAL, "Berkas sementara untuk memeriksa cadangan tidak dapat ditulis.", cerr)
	}
	var dmg damagedError
	if errors.As(err, &dmg) {
		return []string{dmg.msg}, nil
	}
	if err != nil {
		return nil, err
	}
	return verifyPlain(ctx, plain)
}

// damagedError is a backup whose bytes are unusable: a problem to report,
// not a failure of the check.
type damagedError struct {
	msg   string
	cause error
}

func (e damagedError) Error() string { return e.msg + " [" + e.cause.Error() + "]" }

// isEncrypted reports whether path starts with the age header.
func isEncrypted(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, len(ageMagic))
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, err
	}
	return bytes.Equal(head[:n], []byte(ageMagic)), nil
}

// copyPlain writes the database bytes of src (decrypted when it is an age
// file) to dst. A wrong or missing passphrase is EINVALID msgEncrypted;
// unusable bytes are a damagedError.
func copyPlain(ctx context.Context, dst io.Writer, src, passphrase string) error {
	enc, err := isEncrypted(src)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fail(domain.ENOTFOUND, msgNoBackup+src, err)
		}
		return fail(domain.EINVALID, "Berkas "+src+" tidak dapat dibaca.", err)
	}
	if enc {
		if passphrase == "" {
			return fail(domain.EINVALID, msgEncrypted, nil)
		}
		return decryptTo(ctx, dst, src, passphrase)
	}
	f, err := os.Open(src)
	if err != nil {
		return fail(domain.EINVALID, "Berkas "+src+" tidak dapat dibaca.", err)
	}
	defer f.Close()
	if _, err := io.Copy(ctxWriter{ctx, dst}, f); err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		return fail(domain.EINVALID, "Berkas "+src+" tidak dapat disalin.", err)
	}
	return nil
}

// decryptTo decrypts the age file src with passphrase into dst.
func decryptTo(ctx context.Context, dst io.Writer, src, passphrase string) error {
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return fail(domain.EINVALID, msgEncrypted, err)
	}
	f, err := os.Open(src)
	if err != nil {
		return fail(domain.EINVALID, "Berkas "+src+" tidak dapat dibaca.", err)
	}
	defer f.Close()
	r, err := age.Decrypt(bufio.NewReader(f), id)
	if err != nil {
		var nomatch *age.NoIdentityMatchError
		if errors.As(err, &nomatch) {
			return fail(domain.EINVALID, msgEncrypted, err)
		}
		return damagedError{"Cadangan terenkripsi ini rusak: kepalanya tidak dapat dibaca.", err}
	}
	if _, err := io.Copy(ctxWriter{ctx, dst}, r); err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return fail(domain.EINVALID, "Berkas sementara untuk cadangan tidak dapat ditulis.", err)
		}
		return damagedError{"Cadangan terenkripsi ini rusak atau terpotong: isinya tidak lolos pemeriksaan keaslian.", err}
	}
	return nil
}

// verifyPlain checks an unencrypted data file: read-only and in place when
// it has the current schema, on a migrated temporary copy when it is older.
func verifyPlain(ctx context.Context, path string) ([]string, error) {
	st, err := Open(path, Options{ReadOnly: true, Timeout: 500 * time.Millisecond})
	switch domain.ErrorCode(err) {
	case "":
		defer st.Close()
		return checkStore(ctx, st)
	case domain.ESCHEMA:
		return verifyMigrated(ctx, path)
	case domain.ELOCKED, domain.ENOTFOUND:
		return nil, err
	}
	return []string{msgUnopened}, nil
}

// verifyMigrated copies an older file to a temporary folder, opens it
// read-write (which migrates it, or refuses a newer schema) and checks it.
func verifyMigrated(ctx context.Context, path string) ([]string, error) {
	dir, err := os.MkdirTemp("", "asndesk-periksa-*")
	if err != nil {
		return nil, fail(domain.EINTERNAL, "Folder sementara untuk memeriksa cadangan tidak dapat dibuat.", err)
	}
	defer os.RemoveAll(dir)
	cp := filepath.Join(dir, "salinan.db")
	if err := copyFileSync(ctx, cp, path); err != nil {
		return nil, err
	}
	st, err := Open(cp, Options{Timeout: 500 * time.Millisecond})
	switch domain.ErrorCode(err) {
	case "":
		defer st.Close()
		return checkStore(ctx, st)
	case domain.ESCHEMA:
		return []string{domain.ErrorMessage(err)}, nil
	}
	return []string{msgUnopened}, nil
}

// checkStore runs Check; a failure of the check itself on a damaged file
// is reported as a problem.
func checkStore(ctx context.Context, st *Store) ([]string, error) {
	probs, err := st.Check(ctx)
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return nil, cerr
		}
		return []string{domain.ErrorMessage(err)}, nil
	}
	return probs, nil
}

// copyFileSync copies src to a new file dst and fsyncs it.
func copyFileSync(ctx context.Context, dst, src string) (err error) {
	in, err := os.Open(src)
	if err != nil {
		return fail(domain.EINVALID, "Berkas "+src+" tidak dapat dibaca.", err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fail(domain.EINVALID, "Berkas "+dst+" tidak dapat dibuat.", err)
	}
	defer func() {
		if err != nil {
			_ = out.Close()
			_ = os.Remove(dst)
		}
	}()
	if _, err := io.Copy(ctxWriter{ctx, out}, in); err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		return fail(domain.EINVALID, "Berkas "+src+" tidak dapat disalin ke "+filepath.Dir(dst)+".", err)
	}
	if err := out.Sync(); err != nil {
		return fail(domain.EINVALID, "Berkas "+dst+" tidak dapat ditulis.", err)
	}
	if err := out.Close(); err != nil {
		return fail(domain.EINVALID, "Berkas "+dst+" tidak dapat ditulis.", err)
	}
	return nil
}

package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// compactTxSize bounds each write transaction of the compaction copy.
const compactTxSize = 64 << 20

var errChanged = errors.New("database changed during compaction")

// Compact rewrites the data file without its free pages (bbolt never
// shrinks a file by itself) and returns its size before and after, in
// bytes. The copy is made with bbolt.Compact into a temporary file beside
// the data file while a write transaction keeps writers out, checked, and
// then renamed over the data file; s is reopened on the new file and keeps
// working. Needs domain.CanBackup; audited as domain.ActionCompact.
//
// Compact swaps the database inside s: no other call on s may be running
// or start until it returns (the UI shows a blocking "Memadatkan…").
// Should the copy or its check fail, the data file is left as it was.
func (s *Store) Compact(ctx context.Context) (before, after int64, err error) {
	actor := domain.ActorFrom(ctx)
	if err := domain.CanBackup(actor); err != nil {
		return 0, 0, fmt.Errorf("store: compact: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return 0, 0, err
	}
	if s.readOnly {
		return 0, 0, fail(domain.EINVALID, msgReadOnly, nil)
	}
	fi, err := os.Stat(s.path)
	if err != nil {
		return 0, 0, fail(domain.EINTERNAL, msgInternal, err)
	}
	before = fi.Size()
	dir := filepath.Dir(s.path)

	tmpf, err := os.CreateTemp(dir, tmpPattern)
	if err != nil {
		return 0, 0, fail(domain.EINVALID, "Berkas sementara untuk pemadatan tidak dapat dibuat di "+dir+". Periksa ruang kosong dan izin folder.", err)
	}
	tmp := tmpf.Name()
	_ = tmpf.Close()
	renamed := false
	defer func() {
		if !renamed {
			_ = os.Remove(tmp)
		}
	}()

	txid, err := s.compactInto(ctx, tmp)
	if err != nil {
		return 0, 0, err
	}

	// The copy is whole and checked. Close the database, make sure nothing
	// was committed between the copy and the close, and swap the files.
	if err := s.db.Close(); err != nil {
		return 0, 0, boundary("compact", err)
	}
	reopen := func() error {
		ns, err := Open(s.path, Options{Timeout: 5 * time.Second, Now: s.now})
		if err != nil {
			return err
		}
		s.db = ns.db
		return nil
	}
	if now, err := fileTxID(s.path); err != nil || now != txid {
		if err == nil {
			err = errChanged
		}
		if rerr := reopen(); rerr != nil {
			return 0, 0, rerr
		}
		return 0, 0, fail(domain.ECONFLICT, "Data berubah selama pemadatan; berkas tidak diubah. Coba lagi.", err)
	}
	if err := os.Rename(tmp, s.path); err != nil {
		if rerr := reopen(); rerr != nil {
			return 0, 0, rerr
		}
		return 0, 0, fail(domain.EINVALID, "Berkas data tidak dapat diganti dengan hasil pemadatan; berkas tidak diubah.", err)
	}
	renamed = true
	syncDir(dir)
	if err := reopen(); err != nil {
		return 0, 0, fmt.Errorf("store: compact: berkas sudah dipadatkan tetapi tidak dapat dibuka kembali: %w", err)
	}
	if fi, err := os.Stat(s.path); err == nil {
		after = fi.Size()
	}
	err = s.update(context.WithoutCancel(ctx), "compact", func(tx *bolt.Tx) error {
		return appendAudit(tx, actor, s.stamp(), domain.AuditEntry{
			Action: domain.ActionCompact, Entity: EntityDatabase,
			Summary: []string{fmt.Sprintf("ukuran: %d → %d byte", before, after)},
		})
	})
	if err != nil {
		return before, after, fail(domain.EINTERNAL, "Berkas sudah dipadatkan, tetapi tidak dapat dicatat di riwayat perubahan.", err)
	}
	return before, after, nil
}

// compactInto copies the database into the new file tmp with bbolt.Compact
// while holding a write transaction (so the copy is the latest state and
// nothing commits during it), checks the copy, and returns the transaction
// id of the state it copied.
func (s *Store) compactInto(ctx context.Context, tmp string) (txid uint64, err error) {
	defer guard("compact", &err)()
	wtx, err := s.db.Begin(true)
	if err != nil {
		return 0, boundary("compact", err)
	}
	// Nothing is written in wtx, so it never remaps and the read
	// transaction bbolt.Compact opens on the same database cannot deadlock.
	defer func() { _ = wtx.Rollback() }()
	txid = uint64(wtx.ID()) - 1

	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return 0, fail(domain.EINVALID, "Berkas sementara untuk pemadatan tidak dapat dibuka.", err)
	}
	if err := bolt.Compact(dst, s.db, compactTxSize); err != nil {
		_ = dst.Close()
		return 0, fail(domain.EINVALID, "Pemadatan gagal; berkas data tidak diubah. Periksa ruang kosong.", err)
	}
	if err := dst.Close(); err != nil {
		return 0, fail(domain.EINVALID, "Pemadatan gagal; berkas data tidak diubah.", err)
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	probs, err := verifyPlain(ctx, tmp)
	if err != nil {
		return 0, err
	}
	if len(probs) > 0 {
		return 0, fail(domain.EINTERNAL, "Hasil pemadatan tidak lolos pemeriksaan; berkas data tidak diubah: "+summarise(probs), nil)
	}
	return txid, nil
}

// fileTxID reads the transaction id of a closed data file.
func fileTxID(path string) (uint64, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var id uint64
	err = db.View(func(tx *bolt.Tx) error { id = uint64(tx.ID()); return nil })
	return id, err
}

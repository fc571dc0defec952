package main

import (
	"context"

	"asndesk/domain"
	"asndesk/store"
	"asndesk/tui"
)

// appRepo adapts the store to the UI's Repo: it converts the few types the
// store owns, and swaps the open store after a restore (the file must be
// closed to be replaced, which the UI cannot do itself).
type appRepo struct {
	*store.Store
	opts store.Options
}

var (
	_ tui.Repo        = (*appRepo)(nil) // the store must keep satisfying the UI's needs
	_ tui.KinerjaRepo = (*appRepo)(nil)
	_ tui.MeritRepo   = (*appRepo)(nil)
)

func (r *appRepo) Audit(ctx context.Context, f tui.AuditFilter) ([]domain.AuditEntry, error) {
	return r.Store.Audit(ctx, store.AuditFilter{From: f.From, To: f.To, AccountID: f.AccountID,
		Entity: f.Entity, Employee: f.Employee, Limit: f.Limit})
}

func (r *appRepo) ListBackups(ctx context.Context, dir, passphrase string) ([]tui.BackupInfo, error) {
	list, err := store.ListBackups(ctx, dir, passphrase)
	if err != nil {
		return nil, err
	}
	out := make([]tui.BackupInfo, len(list))
	for i, b := range list {
		out[i] = tui.BackupInfo{Path: b.Path, Time: b.Time, Size: b.Size, Encrypted: b.Encrypted, OK: b.OK, Problem: b.Problem}
	}
	return out, nil
}

// Restore closes the live file, lets the store replace it (verifying the
// source and backing up the current file first) and continues on the
// restored file. When the restore fails, the old file is opened again.
func (r *appRepo) Restore(ctx context.Context, src, passphrase string) error {
	if err := domain.CanBackup(domain.ActorFrom(ctx)); err != nil {
		return err
	}
	if _, err := store.VerifyFile(ctx, src, passphrase); err != nil {
		return err
	}
	path := r.Store.Path()
	if err := r.Store.Close(); err != nil {
		return err
	}
	restored, err := store.Restore(ctx, path, src, passphrase, r.opts)
	if err != nil {
		if old, oerr := store.Open(path, r.opts); oerr == nil {
			r.Store = old
		}
		return err
	}
	r.Store = restored
	return nil
}

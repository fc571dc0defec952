package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"asndesk/domain"
)

// Packets as files: what the screens and the headless commands call.

const msgPaketNoFile = "Berkas paket tidak ditemukan: "

// CreatePaketFile writes a packet to path (a new file: an existing one is
// never replaced) through a temporary file in the same folder, so that a
// failed or cancelled write leaves nothing half-written behind.
func (s *Store) CreatePaketFile(ctx context.Context, slice PaketSlice, path, passphrase string, recipients []string) (PaketManifest, error) {
	path = strings.TrimSpace(path)
	if path == "" {
		return PaketManifest{}, fail(domain.EINVALID, "Lokasi berkas paket belum ditentukan.", nil)
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if _, err := os.Stat(path); err == nil {
		return PaketManifest{}, fail(domain.ECONFLICT, "Berkas "+path+" sudah ada; pilih nama lain agar tidak tertimpa.", nil)
	}
	dir := filepath.Dir(path)
	if err := makeDir(dir); err != nil {
		return PaketManifest{}, err
	}
	tmp, err := os.CreateTemp(dir, ".asndesk-paket-*.tmp")
	if err != nil {
		return PaketManifest{}, writeFail(dir, err)
	}
	man, err := s.CreatePaket(ctx, slice, tmp, passphrase, recipients)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil && cerr != nil {
		err = writeFail(dir, cerr)
	}
	if err == nil {
		if rerr := os.Rename(tmp.Name(), path); rerr != nil {
			err = writeFail(dir, rerr)
		}
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
		return PaketManifest{}, err
	}
	syncDir(dir)
	return man, nil
}

// readIdentityFile reads an age identity file ("" → no identities).
func readIdentityFile(path string) (string, error) {
	if strings.TrimSpace(path) == "" {
		return "", nil
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", fail(domain.ENOTFOUND, "Berkas identitas tidak ditemukan: "+path, err)
	}
	if err != nil {
		return "", fail(domain.EINVALID, "Berkas identitas "+path+" tidak dapat dibaca.", err)
	}
	return string(b), nil
}

func openPaketFile(path string) (*os.File, error) {
	f, err := os.Open(strings.TrimSpace(path))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fail(domain.ENOTFOUND, msgPaketNoFile+path, err)
	}
	if err != nil {
		return nil, fail(domain.EINVALID, "Berkas paket "+path+" tidak dapat dibaca.", err)
	}
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		f.Close()
		return nil, fail(domain.EINVALID, path+" adalah folder, bukan berkas paket.", nil)
	}
	return f, nil
}

// VerifyPaketFile is VerifyPaket on a file, with the passphrase or an
// identity file.
func VerifyPaketFile(path, passphrase, identityFile string) (PaketManifest, error) {
	ids, err := readIdentityFile(identityFile)
	if err != nil {
		return PaketManifest{}, err
	}
	f, err := openPaketFile(path)
	if err != nil {
		return PaketManifest{}, err
	}
	defer f.Close()
	return VerifyPaket(f, passphrase, ids)
}

// VerifyPaketFile is the package function, for callers that hold a Store.
func (s *Store) VerifyPaketFile(ctx context.Context, path, passphrase, identityFile string) (PaketManifest, error) {
	if err := ctx.Err(); err != nil {
		return PaketManifest{}, err
	}
	return VerifyPaketFile(path, passphrase, identityFile)
}

// PreviewPaketFile is PreviewPaket on a file.
func (s *Store) PreviewPaketFile(ctx context.Context, path, passphrase, identityFile string) (PaketPlan, error) {
	ids, err := readIdentityFile(identityFile)
	if err != nil {
		return PaketPlan{}, err
	}
	f, err := openPaketFile(path)
	if err != nil {
		return PaketPlan{}, err
	}
	defer f.Close()
	return s.PreviewPaket(ctx, f, passphrase, ids)
}

// WritePaketKey makes a key pair, writes the identity (secret) to path — a
// new file, readable by its owner only — and returns the recipient key to
// give to senders.
func WritePaketKey(path string) (recipient string, err error) {
	path = strings.TrimSpace(path)
	if path == "" {
		return "", fail(domain.EINVALID, "Lokasi berkas kunci belum ditentukan.", nil)
	}
	id, rcpt, err := GeneratePaketKey()
	if err != nil {
		return "", err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return "", fail(domain.ECONFLICT, "Berkas "+path+" sudah ada; kunci lama tidak ditimpa. Pilih nama lain.", err)
	}
	if err != nil {
		return "", writeFail(filepath.Dir(path), err)
	}
	text := fmt.Sprintf("# kunci paket asndesk: simpan berkas ini, jangan dibagikan\n# kunci penerima: %s\n%s\n", rcpt, id)
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return "", writeFail(filepath.Dir(path), err)
	}
	if err := f.Close(); err != nil {
		return "", writeFail(filepath.Dir(path), err)
	}
	return rcpt, nil
}

// NewPaketKey is WritePaketKey for callers that hold a Store.
func (s *Store) NewPaketKey(ctx context.Context, path string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	return WritePaketKey(path)
}

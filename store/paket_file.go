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

// CreatePaketFile writes a packet to path through a temporary file in the
// same folder, so that a failed or cancelled write leaves nothing
// half-written behind. An existing file is never replaced: as prints do,
// the packet then goes to "name (2).paket", "name (3).paket" …; the
// manifest's File says where it went. A path without an extension gets
// ".paket".
func (s *Store) CreatePaketFile(ctx context.Context, slice PaketSlice, path, passphrase string, recipients []string) (PaketManifest, error) {
	path = strings.TrimSpace(path)
	if path == "" {
		return PaketManifest{}, fail(domain.EINVALID, "Lokasi berkas paket belum ditentukan.", nil)
	}
	if filepath.Ext(path) == "" {
		path += ".paket"
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return PaketManifest{}, fail(domain.EINVALID, path+" adalah folder; sebutkan nama berkas paket.", nil)
	}
	dir := filepath.Dir(path)
	if err := makeDir(dir); err != nil {
		return PaketManifest{}, err
	}
	tmp, err := os.CreateTemp(dir, ".asndesk-paket-*.tmp")
	if err != nil {
		return PaketManifest{}, writeFail(dir, err)
	}
	defer os.Remove(tmp.Name()) // a no-op once it is renamed away
	man, err := s.CreatePaket(ctx, slice, tmp, passphrase, recipients)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil && cerr != nil {
		err = writeFail(dir, cerr)
	}
	if err != nil {
		return PaketManifest{}, err
	}
	if man.File, err = placeNew(tmp.Name(), path); err != nil {
		return PaketManifest{}, err
	}
	syncDir(dir)
	return man, nil
}

// placeNew moves the finished file tmp to path, or to the first free
// "name (n).ext" when path exists, and returns where it went.
func placeNew(tmp, path string) (string, error) {
	base, ext := strings.TrimSuffix(path, filepath.Ext(path)), filepath.Ext(path)
	for n := 1; n < 1000; n++ {
		cand := path
		if n > 1 {
			cand = fmt.Sprintf("%s (%d)%s", base, n, ext)
		}
		if _, err := os.Lstat(cand); err == nil {
			continue
		}
		// A hard link fails when the name exists, which closes the gap
		// between the check and the move; a file system without links
		// (FAT flashdisks) falls back to a rename right after the check.
		err := os.Link(tmp, cand)
		if err == nil {
			_ = os.Remove(tmp)
			return cand, nil
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err := os.Rename(tmp, cand); err != nil {
			return "", writeFail(filepath.Dir(cand), err)
		}
		return cand, nil
	}
	return "", fail(domain.ECONFLICT, "Terlalu banyak berkas bernama "+filepath.Base(path)+" di "+filepath.Dir(path)+".", nil)
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

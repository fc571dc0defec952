package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// Evidence files, built once for every feature that keeps them (the SKP's
// bukti dukung and the merit assessment's evidence): the bytes live in
// bucket bukti (id → bytes), so the one data file holds everything and
// backups, restore, compaction and the check cover them; the metadata
// (name, size, SHA-256, who and when) lives in the record that owns the
// bukti and is verified on every read. Ids come from the bukti bucket's
// sequence, so they are unique across owners.
//
// The flow of an add: prepareBukti (outside the transaction: validation
// and hashing), then, inside it and after the owner's permission check,
// storeBukti (size limit from the SKP settings, id, bytes). A read is
// readBukti (bytes verified against the metadata); a delete, deleteBukti.

const (
	maxBuktiName = 255
	maxBuktiRef  = 2000
)

// formatMB shows a byte count in MB (2^20 bytes) the Indonesian way.
func formatMB(n int64) string {
	if n%(1<<20) == 0 {
		return strconv.FormatInt(n>>20, 10) + " MB"
	}
	return strings.Replace(strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64), ".", ",", 1) + " MB"
}

// buktiBaseName keeps the file name of a path typed on any system.
func buktiBaseName(name string) string {
	name = strings.TrimSpace(strings.ReplaceAll(name, "\\", "/"))
	if name == "" {
		return ""
	}
	return path.Base(name)
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// prepareBukti checks a bukti about to be added and fills what the store
// records of it. A file (Kind BuktiFile) brings its bytes in Contents: not
// empty; the store sets its SHA-256, size and base name. A reference (Kind
// BuktiReferensi) has Ref (nomor dokumen or link) and no Contents. It runs
// outside any transaction, so that hashing never holds the write lock; the
// errors are the caller's to pass through boundary.
func prepareBukti(b domain.Bukti) (domain.Bukti, error) {
	b.Name = cleanText(buktiBaseName(b.Name), maxBuktiName)
	b.Ref = strings.TrimSpace(b.Ref)
	switch b.Kind {
	case domain.BuktiFile:
		if b.Name == "" || b.Name == "." || b.Name == "/" {
			return b, fieldErr(domain.EINVALID, "nama", "Nama berkas bukti wajib diisi.")
		}
		if len(b.Contents) == 0 {
			return b, fieldErr(domain.EINVALID, "berkas", "Berkas "+b.Name+" kosong (0 bita); "+
				"pilih berkas bukti yang berisi.")
		}
		b.Size, b.SHA256, b.Ref = int64(len(b.Contents)), sha256Hex(b.Contents), ""
	case domain.BuktiReferensi:
		if len(b.Contents) > 0 {
			return b, fieldErr(domain.EINVALID, "berkas", "Bukti berupa referensi tidak menyertakan berkas; "+
				"pilih jenis Berkas untuk menyimpan salinan berkas.")
		}
		if b.Ref == "" {
			return b, fieldErr(domain.EINVALID, "ref", "Isi nomor dokumen atau tautan bukti.")
		}
		if len([]rune(b.Ref)) > maxBuktiRef {
			return b, fieldErr(domain.EINVALID, "ref", "Nomor dokumen atau tautan terlalu panjang.")
		}
		b.Size, b.SHA256 = 0, ""
	default:
		return b, fail(domain.EINVALID, "Pilih jenis bukti: berkas atau referensi.", nil)
	}
	if err := validText(b.Name, b.Ref); err != nil {
		return b, err
	}
	return b, nil
}

// storeBukti stores a prepared bukti inside tx: it refuses a file larger
// than SKPSettings.BuktiMaxSize, draws the id from the bukti bucket's
// sequence, writes a file's bytes under it and sets Added and AddedBy. The
// caller keeps the returned metadata (Contents cleared) in its record.
func storeBukti(tx *bolt.Tx, b domain.Bukti, now time.Time, by string) (domain.Bukti, error) {
	set, err := readSKPSettings(tx)
	if err != nil {
		return b, err
	}
	if b.Kind == domain.BuktiFile && b.Size > set.BuktiMaxSize {
		return b, fieldErr(domain.EINVALID, "berkas", fmt.Sprintf("Berkas %s berukuran %s, melebihi batas %s per berkas "+
			"bukti dukung. Perkecil berkasnya (misalnya pindai ulang dengan resolusi lebih rendah) atau minta Admin "+
			"mengubah batasnya di Pengaturan kinerja.", b.Name, formatMB(b.Size), formatMB(set.BuktiMaxSize)))
	}
	bb, err := bucket(tx, bucketBukti)
	if err != nil {
		return b, err
	}
	if b.ID, err = bb.NextSequence(); err != nil {
		return b, err
	}
	b.Added, b.AddedBy = now, by
	if b.Kind == domain.BuktiFile {
		bb.FillPercent = 1 // ids only grow
		if err := bb.Put(idKey(b.ID), b.Contents); err != nil {
			return b, err
		}
	}
	b.Contents = nil
	return b, nil
}

// msgBuktiChanged is the message of a bukti whose bytes no longer match
// the SHA-256 recorded when it was added.
func msgBuktiChanged(b domain.Bukti) string {
	return fmt.Sprintf("Berkas bukti %q berubah atau rusak sejak disimpan (sidik SHA-256 tidak cocok). "+
		"Jalankan pemeriksaan database dan pulihkan dari cadangan bila perlu.", b.Name)
}

// readBukti returns meta with a file's bytes in Contents, after checking
// them against the SHA-256 and size recorded when it was added: bytes that
// differ are never handed out (EINTERNAL, "Berkas bukti … berubah atau
// rusak"). A reference comes back as it is.
func readBukti(tx *bolt.Tx, meta domain.Bukti) (domain.Bukti, error) {
	if meta.Kind != domain.BuktiFile {
		return meta, nil
	}
	var raw []byte
	if bb := tx.Bucket(bucketBukti); bb != nil {
		raw = bb.Get(idKey(meta.ID))
	}
	if raw == nil {
		return domain.Bukti{}, fail(domain.EINTERNAL, fmt.Sprintf("Berkas bukti %q tidak ada lagi di berkas data. "+
			"Jalankan pemeriksaan database dan pulihkan dari cadangan bila perlu.", meta.Name), nil)
	}
	if int64(len(raw)) != meta.Size || sha256Hex(raw) != meta.SHA256 {
		return domain.Bukti{}, fail(domain.EINTERNAL, msgBuktiChanged(meta), fmt.Errorf("bukti %d: sha256 mismatch", meta.ID))
	}
	meta.Contents = bytes.Clone(raw)
	return meta, nil
}

// deleteBukti removes a bukti's bytes (nothing for a reference).
func deleteBukti(tx *bolt.Tx, id uint64) error {
	if bb := tx.Bucket(bucketBukti); bb != nil {
		return bb.Delete(idKey(id))
	}
	return nil
}

// buktiText describes a bukti in an audit line (never its contents).
func buktiText(b domain.Bukti) string {
	if b.Kind == domain.BuktiReferensi {
		return "referensi " + short(b.Ref)
	}
	return fmt.Sprintf("berkas %s (%s, SHA-256 %s)", short(b.Name), formatMB(b.Size), b.SHA256)
}

// msgBuktiNotFound is the message of a bukti id its owner does not list.
const msgBuktiNotFound = "Bukti dukung tidak ditemukan; mungkin sudah dihapus."

// findBuktiIn returns the index of bukti id in list.
func findBuktiIn(list []domain.Bukti, id uint64) (int, error) {
	for i, b := range list {
		if b.ID == id {
			return i, nil
		}
	}
	return -1, fail(domain.ENOTFOUND, msgBuktiNotFound, nil)
}

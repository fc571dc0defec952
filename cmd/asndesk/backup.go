package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"asndesk/domain"
	"asndesk/store"
)

// passphraseEnv holds the passphrase of encrypted backups for scripts. A
// passphrase is never taken from a flag: flags show in the process list.
const passphraseEnv = "ASNDESK_PASSPHRASE"

const backupHelp = `Pemakaian: asndesk backup [--db BERKAS] [--passphrase-file BERKAS] FOLDER
Menulis cadangan lengkap berkas data ke FOLDER (dibuat bila belum ada, misalnya
di flashdisk) sebagai asndesk-TTTTBBHH-JJMMDD.db, lalu menampilkan lokasinya.
Berkas data tidak boleh sedang dibuka aplikasi asndesk; selagi aplikasi
terbuka, pakai menu "Cadangkan sekarang" di aplikasi.
  --db BERKAS               berkas data (bawaan: seperti asndesk tanpa perintah)
  --passphrase-file BERKAS  enkripsi cadangan dengan frasa sandi dari berkas ini
                            (baris pertama); hasilnya berakhiran .db.age
Frasa sandi juga dapat diberikan lewat variabel lingkungan ASNDESK_PASSPHRASE.
Tanpa frasa sandi itu, cadangan terenkripsi tidak dapat dipulihkan.
`

const restoreHelp = `Pemakaian: asndesk restore [--db BERKAS] [--passphrase-file BERKAS] CADANGAN
Mengganti berkas data dengan CADANGAN. Cadangan diperiksa lebih dahulu dan
ditolak bila tidak lolos pemeriksaan; berkas data yang sekarang disimpan dulu
di folder "cadangan" di sebelahnya (asndesk-sebelum-pulih-….db). Setelah itu
berkas data dibuka dan diperbarui ke versi aplikasi ini bila perlu.
Tutup aplikasi asndesk yang sedang membuka berkas data sebelum memulihkan.
  --db BERKAS               berkas data yang diganti
  --passphrase-file BERKAS  frasa sandi cadangan terenkripsi (.db.age)
Frasa sandi juga dapat diberikan lewat variabel lingkungan ASNDESK_PASSPHRASE.
`

const compactHelp = `Pemakaian: asndesk compact [--db BERKAS]
Memadatkan berkas data: ruang bekas data yang sudah dihapus dikembalikan
(berkas tidak pernah mengecil dengan sendirinya). Isi data tidak berubah.
Tutup aplikasi asndesk yang sedang membuka berkas data lebih dahulu.
  --db BERKAS   berkas data
`

// parseOneArg parses flags placed before or after exactly one positional
// argument, which it returns; what names the argument in the error.
func parseOneArg(fs *flag.FlagSet, args []string, what string) (string, error) {
	var pos []string
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return "", err
			}
			return "", usageError{"pilihan tidak dikenal: " + strings.Join(args, " ")}
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	switch {
	case len(pos) == 0 || strings.TrimSpace(pos[0]) == "":
		return "", usageError{what + " belum disebutkan"}
	case len(pos) > 1:
		return "", usageError{"argumen tidak dikenal: " + strings.Join(pos[1:], " ")}
	}
	return pos[0], nil
}

// readPassphrase returns the passphrase from the file (its first line) or,
// without one, from ASNDESK_PASSPHRASE; "" when neither is given.
func readPassphrase(file string) (string, error) {
	if file == "" {
		return os.Getenv(passphraseEnv), nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", domain.Errorf(domain.EINVALID, "Berkas frasa sandi "+file+" tidak dapat dibaca.")
	}
	line, _, _ := strings.Cut(string(b), "\n")
	line = strings.TrimSuffix(line, "\r")
	if line == "" {
		return "", domain.Errorf(domain.EINVALID, "Berkas frasa sandi "+file+" kosong.")
	}
	return line, nil
}

// existingDB resolves the data file of a command that needs one to exist.
func existingDB(path string) (string, error) {
	if path == "" {
		path = defaultDBPath()
	}
	if _, err := os.Stat(path); err != nil {
		return "", domain.Errorf(domain.ENOTFOUND, "Berkas data "+path+" tidak ditemukan.")
	}
	return path, nil
}

func cmdBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("backup", backupHelp, stderr)
	db := fs.String("db", "", "")
	passFile := fs.String("passphrase-file", "", "")
	dest, err := parseOneArg(fs, args, "FOLDER tujuan cadangan")
	if err != nil {
		return err
	}
	pass, err := readPassphrase(*passFile)
	if err != nil {
		return err
	}
	path, err := existingDB(*db)
	if err != nil {
		return err
	}
	// Read-write, so that the backup is written to the audit trail.
	st, err := openDB(path, false)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx = domain.WithActor(ctx, domain.SystemActor("asndesk backup"))
	out, err := st.Backup(ctx, dest, pass)
	if err != nil && out == "" {
		return err
	}
	fmt.Fprintln(stdout, out)
	return err
}

func cmdRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("restore", restoreHelp, stderr)
	db := fs.String("db", "", "")
	passFile := fs.String("passphrase-file", "", "")
	src, err := parseOneArg(fs, args, "berkas CADANGAN")
	if err != nil {
		return err
	}
	pass, err := readPassphrase(*passFile)
	if err != nil {
		return err
	}
	path := *db
	if path == "" {
		path = defaultDBPath()
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return domain.Errorf(domain.EINVALID, "Folder data "+filepath.Dir(path)+" tidak dapat dibuat.")
		}
	}
	_, serr := os.Stat(path)
	existed := serr == nil
	ctx = domain.WithActor(ctx, domain.SystemActor("asndesk restore"))
	st, err := store.Restore(ctx, path, src, pass, store.Options{Timeout: time.Second})
	if err != nil {
		return err
	}
	defer st.Close()
	fmt.Fprintf(stdout, "Data dipulihkan dari %s ke %s.\n", src, st.Path())
	if existed {
		fmt.Fprintf(stdout, "Data sebelumnya disimpan di folder %s.\n", st.BackupDir())
	}
	return nil
}

func cmdCompact(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("compact", compactHelp, stderr)
	db := fs.String("db", "", "")
	if err := parse(fs, args); err != nil {
		return err
	}
	path, err := existingDB(*db)
	if err != nil {
		return err
	}
	st, err := openDB(path, false)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx = domain.WithActor(ctx, domain.SystemActor("asndesk compact"))
	before, after, err := st.Compact(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Berkas data %s dipadatkan: %s → %s.\n", st.Path(), humanSize(before), humanSize(after))
	return nil
}

// humanSize writes a size the Indonesian way: "1,5 MB".
func humanSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d byte", n)
	}
	v, suffix := float64(n), ""
	for _, s := range []string{"KB", "MB", "GB", "TB"} {
		v /= unit
		suffix = s
		if v < unit {
			break
		}
	}
	return strings.Replace(fmt.Sprintf("%.1f %s", v, suffix), ".", ",", 1)
}

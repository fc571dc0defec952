package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"asndesk/domain"
)

// paketCmd runs cmdPaket as the dispatcher would.
func paketCmd(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := cmdPaket(context.Background(), args, &out, &errb)
	return out.String() + errb.String(), err
}

func TestHeadlessPaket(t *testing.T) {
	t.Setenv(passphraseEnv, "")
	dir := t.TempDir()
	src := filepath.Join(dir, "kecamatan.db")
	dst := filepath.Join(dir, "bkd.db")
	if code, _, errs := runCmd(t, "demo", "--db", src, "--employees", "30"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	if code, _, errs := runCmd(t, "demo", "--db", dst, "--employees", "20", "--seed", "7"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	year := time.Now().Year()
	tahun := strconv.Itoa(year)

	t.Run("usage", func(t *testing.T) {
		for _, args := range [][]string{{}, {"kirim"}, {"create", "--isi", "semua", "--out", "x"},
			{"create", "--isi", "kinerja", "--out", "x"}, {"create", "--isi", "pegawai"},
			{"import", "--ambil-paket-semua", "x"}, {"verify"}, {"kunci"}} {
			_, err := paketCmd(t, args...)
			if _, ok := err.(usageError); !ok {
				t.Fatalf("%v: %v", args, err)
			}
		}
	})

	key := filepath.Join(dir, "kunci-bkd.txt")
	var rcpt string
	t.Run("kunci", func(t *testing.T) {
		out, err := paketCmd(t, "kunci", "--out", key)
		if err != nil {
			t.Fatal(err)
		}
		rcpt = regexp.MustCompile(`age1[0-9a-z]+`).FindString(out)
		b, _ := os.ReadFile(key)
		if rcpt == "" || !strings.Contains(string(b), "AGE-SECRET-KEY-") || !strings.Contains(string(b), rcpt) ||
			!strings.Contains(out, "juga tertulis di berkas identitas itu") || !strings.Contains(out, "Berikan hanya kunci age1…") {
			t.Fatalf("kunci printed %q, wrote %q", out, b)
		}
		if fi, _ := os.Stat(key); fi.Mode().Perm() != 0o600 {
			t.Fatalf("identity file mode %v", fi.Mode())
		}
		if _, err := paketCmd(t, "kunci", "--out", key); domain.ErrorCode(err) != domain.ECONFLICT {
			t.Fatalf("second kunci over the same file: %v", err)
		}
	})

	pkt := filepath.Join(dir, "flashdisk", "kinerja.paket")
	t.Run("create", func(t *testing.T) {
		out, err := paketCmd(t, "create", "--db", src, "--isi", "kinerja", "--tahun", tahun, "--penerima", rcpt, "--out", pkt)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "Paket tersimpan: "+pkt) || !strings.Contains(out, "Isi: Kinerja (SKP dan evaluasi) satu tahun "+tahun) ||
			!regexp.MustCompile(`Jumlah: \d+ pegawai, \d+ SKP`).MatchString(out) {
			t.Fatalf("create printed %q", out)
		}
		first, _ := os.ReadFile(pkt)
		out, err = paketCmd(t, "create", "--db", src, "--isi", "kinerja", "--tahun", tahun, "--penerima", rcpt, "--out", pkt)
		two := filepath.Join(dir, "flashdisk", "kinerja (2).paket")
		if err != nil || !strings.Contains(out, "Paket tersimpan: "+two) {
			t.Fatalf("over an existing file: %v %q", err, out)
		}
		if again, _ := os.ReadFile(pkt); !bytes.Equal(first, again) {
			t.Fatal("the existing packet was overwritten")
		}
		_, err = paketCmd(t, "create", "--db", src, "--isi", "pegawai", "--unit", "Tidak Ada", "--penerima", rcpt,
			"--out", filepath.Join(dir, "u.paket"))
		if err == nil || !strings.Contains(domain.ErrorMessage(err), `Unit kerja "Tidak Ada" tidak ada.`) {
			t.Fatalf("unknown unit: %v", err)
		}
	})

	t.Run("verify", func(t *testing.T) {
		out, err := paketCmd(t, "verify", "--identitas", key, pkt)
		if err != nil || !strings.Contains(out, "baik: semua bagian cocok dengan manifesnya") {
			t.Fatalf("verify: %v %q", err, out)
		}
		_, err = paketCmd(t, "verify", pkt)
		if domain.ErrorMessage(err) != "Paket ini dikunci untuk kunci penerima (age1…). Pilih berkas identitas (kunci rahasia AGE-SECRET-KEY-…) Anda." {
			t.Fatalf("without identity: %v", err)
		}
		_, err = paketCmd(t, "verify", "--identitas", key, filepath.Join(dir, "tidak-ada.paket"))
		if domain.ErrorCode(err) != domain.ENOTFOUND {
			t.Fatalf("missing file: %v", err)
		}
	})

	t.Run("import", func(t *testing.T) {
		before, err := os.ReadFile(dst)
		if err != nil {
			t.Fatal(err)
		}
		out, err := paketCmd(t, "import", "--db", dst, "--identitas", key, pkt)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "Baru ") || !strings.Contains(out, "Belum ada yang ditulis.") {
			t.Fatalf("preview printed %q", out)
		}
		if after, _ := os.ReadFile(dst); !bytes.Equal(before, after) {
			t.Fatal("a preview changed the data file")
		}
		out, err = paketCmd(t, "import", "--db", dst, "--identitas", key, "--terapkan", pkt)
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`Paket digabungkan ke .*: [1-9]\d* baru, 0 diganti versi paket`).MatchString(out) {
			t.Fatalf("apply printed %q", out)
		}
		out, err = paketCmd(t, "import", "--db", dst, "--identitas", key, pkt)
		if err != nil || !regexp.MustCompile(`Baru 0, Sama [1-9]\d*, Berbeda 0, Lebih baru di sini 0\.`).MatchString(out) {
			t.Fatalf("second preview: %v %q", err, out)
		}
		if code, out, errs := runCmd(t, "check", "--db", dst); code != 0 {
			t.Fatalf("check after import: %s %s", out, errs)
		}
	})

	t.Run("passphrase", func(t *testing.T) {
		pass := filepath.Join(dir, "frasa.txt")
		os.WriteFile(pass, []byte("frasa sandi paket\n"), 0o600)
		p2 := filepath.Join(dir, "pegawai.paket")
		if _, err := paketCmd(t, "create", "--db", src, "--isi", "pegawai", "--passphrase-file", pass, "--out", p2); err != nil {
			t.Fatal(err)
		}
		wrong := filepath.Join(dir, "salah.txt")
		os.WriteFile(wrong, []byte("bukan ini\n"), 0o600)
		_, err := paketCmd(t, "verify", "--passphrase-file", wrong, p2)
		if domain.ErrorMessage(err) != "Frasa sandi salah: paket tidak dapat dibuka." {
			t.Fatalf("wrong passphrase: %v", err)
		}
		t.Setenv(passphraseEnv, "frasa sandi paket")
		if out, err := paketCmd(t, "verify", p2); err != nil || !strings.Contains(out, "Data pegawai dan riwayat") {
			t.Fatalf("passphrase from the environment: %v %q", err, out)
		}
	})
}

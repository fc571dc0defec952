package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestHeadless(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kantor.db")

	t.Run("version", func(t *testing.T) {
		code, out, _ := runCmd(t, "version")
		if code != 0 || !strings.HasPrefix(out, "asndesk ") {
			t.Fatalf("code %d out %q", code, out)
		}
	})
	t.Run("every subcommand has --help", func(t *testing.T) {
		for _, args := range [][]string{{"--help"}, {"version", "--help"}, {"demo", "--help"}, {"export", "json", "--help"}, {"check", "--help"}} {
			code, out, errs := runCmd(t, args...)
			if code != 0 || !strings.Contains(out+errs, "Pemakaian") {
				t.Fatalf("%v: code %d, %q", args, code, out+errs)
			}
		}
	})
	t.Run("unknown command is a usage error", func(t *testing.T) {
		code, _, errs := runCmd(t, "hapus-semua")
		if code != 2 || !strings.Contains(errs, "perintah tidak dikenal") {
			t.Fatalf("code %d err %q", code, errs)
		}
	})
	t.Run("demo writes a deterministic office", func(t *testing.T) {
		code, out, errs := runCmd(t, "demo", "--db", db)
		if code != 0 {
			t.Fatalf("code %d: %s", code, errs)
		}
		if !strings.Contains(out, "40 pegawai") {
			t.Fatalf("out %q", out)
		}
		code, _, errs = runCmd(t, "demo", "--db", db)
		if code == 0 {
			t.Fatal("demo over an existing office succeeded")
		}
		if strings.Contains(errs, "internal") {
			t.Fatalf("unclear message: %q", errs)
		}
	})
	t.Run("demo refuses a silly count", func(t *testing.T) {
		code, _, errs := runCmd(t, "demo", "--db", filepath.Join(dir, "x.db"), "--employees", "0")
		if code != 2 || !strings.Contains(errs, "--employees") {
			t.Fatalf("code %d err %q", code, errs)
		}
	})
	t.Run("check passes on a good file", func(t *testing.T) {
		code, out, errs := runCmd(t, "check", "--db", db)
		if code != 0 || !strings.Contains(out, "tidak ada masalah") {
			t.Fatalf("code %d out %q err %q", code, out, errs)
		}
	})
	t.Run("export json has the documented shape", func(t *testing.T) {
		out := filepath.Join(dir, "ekspor.json")
		code, _, errs := runCmd(t, "export", "json", "--db", db, "--out", out)
		if code != 0 {
			t.Fatalf("code %d: %s", code, errs)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"format", "format_version", "schema", "office", "units", "employees"} {
			if _, ok := doc[k]; !ok {
				t.Fatalf("export lacks %q", k)
			}
		}
		emps := doc["employees"].([]any)
		if len(emps) != 40 {
			t.Fatalf("%d employees exported", len(emps))
		}
		first := emps[0].(map[string]any)
		for _, k := range []string{"id", "jenis_pegawai", "nama", "nip", "nik", "status", "golongan", "jenis_jabatan", "unit_id", "atasan_id", "tanggal_lahir"} {
			if _, ok := first[k]; !ok {
				t.Fatalf("employee lacks %q", k)
			}
		}
	})
	t.Run("database in a missing folder", func(t *testing.T) {
		code, _, errs := runCmd(t, "--db", filepath.Join(dir, "tidak-ada", "a.db"))
		if code != 1 || !strings.Contains(errs, "tidak ditemukan") {
			t.Fatalf("code %d err %q", code, errs)
		}
		if _, err := os.Stat(filepath.Join(dir, "tidak-ada")); err == nil {
			t.Fatal("the missing folder was created")
		}
	})
	t.Run("database path under a file", func(t *testing.T) {
		file := filepath.Join(dir, "berkas.txt")
		if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		code, _, errs := runCmd(t, "--db", filepath.Join(file, "a.db"))
		if code != 1 || strings.Contains(errs, "internal") || errs == "" {
			t.Fatalf("code %d err %q", code, errs)
		}
	})
	t.Run("not a database", func(t *testing.T) {
		file := filepath.Join(dir, "catatan.txt")
		if err := os.WriteFile(file, bytes.Repeat([]byte("bukan database\n"), 500), 0o600); err != nil {
			t.Fatal(err)
		}
		code, _, errs := runCmd(t, "check", "--db", file)
		if code != 1 || !strings.Contains(errs, "bukan berkas data asndesk") {
			t.Fatalf("code %d err %q", code, errs)
		}
	})
	t.Run("read-only folder", func(t *testing.T) {
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		if os.Geteuid() == 0 {
			// root ignores folder modes; sysfs refuses new files even to root.
			if _, err := os.Stat("/sys/kernel"); err != nil {
				t.Skip("running as root without sysfs: no folder root cannot write to")
			}
			ro = "/sys"
		}
		code, _, errs := runCmd(t, "demo", "--db", filepath.Join(ro, "asndesk-uji.db"))
		if code != 1 || !strings.Contains(errs, "izin ditolak") {
			t.Fatalf("code %d err %q", code, errs)
		}
	})
}

func TestDamagedDatabaseIsNotTouched(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kantor.db")
	if code, _, errs := runCmd(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	if code, _, errs := runCmd(t, "backup", "--db", db, filepath.Join(dir, "cadangan")); code != 0 {
		t.Fatalf("backup: %s", errs)
	}
	// Damage the live file: keep its size, wipe its first pages.
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 16384 && i < len(b); i++ {
		b[i] = 0xAB
	}
	if err := os.WriteFile(db, b, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCmd(t, "--db", db)
	if code != 1 {
		t.Fatalf("code %d", code)
	}
	if !strings.Contains(errs, "Berkas data tidak diubah") || !strings.Contains(errs, "asndesk restore") || !strings.Contains(errs, "cadangan") {
		t.Fatalf("no offer of the good backup: %q", errs)
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(after, b) {
		t.Fatal("the damaged file was changed")
	}
}

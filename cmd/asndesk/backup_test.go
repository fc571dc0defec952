package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"asndesk/store"
)

// coreJSON keeps what a restore must reproduce from an export: office,
// units and employees (not the export time, not the audit trail, which
// records the backup and the restore themselves).
func coreJSON(t *testing.T, export string) string {
	t.Helper()
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(export), &doc); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	var b strings.Builder
	for _, k := range []string{"office", "units", "employees"} {
		if doc[k] == nil {
			t.Fatalf("export lacks %q", k)
		}
		b.WriteString(k + "=")
		b.Write(doc[k])
		b.WriteString("\n")
	}
	return b.String()
}

func exportOf(t *testing.T, db string) string {
	t.Helper()
	code, out, errs := runCmd(t, "export", "json", "--db", db)
	if code != 0 {
		t.Fatalf("export: code %d: %s", code, errs)
	}
	return coreJSON(t, out)
}

func TestHeadlessBackupRestore(t *testing.T) {
	t.Setenv(passphraseEnv, "")
	dir := t.TempDir()
	db := filepath.Join(dir, "kantor.db")
	if code, _, errs := runCmd(t, "demo", "--db", db, "--employees", "60"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	want := exportOf(t, db)

	t.Run("help", func(t *testing.T) {
		for _, cmd := range []string{"backup", "restore", "compact"} {
			code, out, errs := runCmd(t, cmd, "--help")
			if code != 0 || !strings.Contains(out+errs, "Pemakaian: asndesk "+cmd) {
				t.Fatalf("%s --help: code %d, %q", cmd, code, out+errs)
			}
		}
	})
	t.Run("usage errors", func(t *testing.T) {
		for _, args := range [][]string{{"backup", "--db", db}, {"restore", "--db", db}, {"backup", "a", "b"}, {"compact", "x"}, {"backup", "--kata-sandi", "x", "d"}} {
			if code, _, errs := runCmd(t, args...); code != 2 || errs == "" {
				t.Fatalf("%v: code %d %q", args, code, errs)
			}
		}
	})

	flash := filepath.Join(dir, "flashdisk")
	var backup string
	t.Run("backup", func(t *testing.T) {
		code, out, errs := runCmd(t, "backup", flash, "--db", db) // flags after the folder too
		if code != 0 {
			t.Fatalf("code %d: %s", code, errs)
		}
		backup = strings.TrimSpace(out)
		if !regexp.MustCompile(`^asndesk-\d{8}-\d{6}\.db$`).MatchString(filepath.Base(backup)) || filepath.Dir(backup) != flash {
			t.Fatalf("backup printed %q", out)
		}
		if code, out, _ := runCmd(t, "check", "--db", backup); code != 0 {
			t.Fatalf("the backup does not pass check: %s", out)
		}
	})

	t.Run("restore over another office", func(t *testing.T) {
		other := filepath.Join(dir, "lain", "kantor.db")
		os.MkdirAll(filepath.Dir(other), 0o700)
		if code, _, errs := runCmd(t, "demo", "--db", other, "--employees", "7", "--seed", "9"); code != 0 {
			t.Fatalf("demo: %s", errs)
		}
		code, out, errs := runCmd(t, "restore", "--db", other, backup)
		if code != 0 {
			t.Fatalf("restore: code %d: %s", code, errs)
		}
		if !strings.Contains(out, "Data dipulihkan dari") || !strings.Contains(out, "sebelumnya disimpan") {
			t.Fatalf("restore said %q", out)
		}
		if got := exportOf(t, other); got != want {
			t.Fatal("export after restore differs from the original")
		}
		list, err := store.ListBackups(t.Context(), filepath.Join(filepath.Dir(other), store.BackupDirName), "")
		if err != nil || len(list) != 1 || !list[0].OK || !strings.Contains(list[0].Path, "sebelum-pulih") {
			t.Fatalf("pre-restore copy: %+v %v", list, err)
		}
	})

	t.Run("encrypted", func(t *testing.T) {
		passFile := filepath.Join(dir, "frasa.txt")
		if err := os.WriteFile(passFile, []byte("gunung gede pangrango\r\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		t.Setenv(passphraseEnv, "gunung gede pangrango")
		code, out, errs := runCmd(t, "backup", "--db", db, flash)
		if code != 0 {
			t.Fatalf("code %d: %s", code, errs)
		}
		enc := strings.TrimSpace(out)
		if !strings.HasSuffix(enc, ".db.age") {
			t.Fatalf("encrypted backup named %q", enc)
		}
		t.Setenv(passphraseEnv, "")
		fresh := filepath.Join(dir, "baru.db")
		code, _, errs = runCmd(t, "restore", "--db", fresh, enc)
		if code != 1 || !strings.Contains(errs, "Cadangan ini terenkripsi. Masukkan frasa sandi yang benar.") {
			t.Fatalf("restore without passphrase: code %d %q", code, errs)
		}
		if _, err := os.Stat(fresh); err == nil {
			t.Fatal("a refused restore created the database")
		}
		if code, _, errs := runCmd(t, "restore", "--db", fresh, "--passphrase-file", passFile, enc); code != 0 {
			t.Fatalf("restore with passphrase: %s", errs)
		}
		if got := exportOf(t, fresh); got != want {
			t.Fatal("export after the encrypted round trip differs")
		}
	})

	t.Run("restore refused while the database is open", func(t *testing.T) {
		st, err := store.Open(db, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		before, _ := os.ReadFile(db)
		code, _, errs := runCmd(t, "restore", "--db", db, backup)
		if code != 1 || !strings.Contains(errs, "sudah dibuka") {
			t.Fatalf("code %d %q", code, errs)
		}
		if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
			t.Fatal("the open database changed")
		}
	})

	t.Run("compact", func(t *testing.T) {
		code, out, errs := runCmd(t, "compact", "--db", db)
		if code != 0 || !strings.Contains(out, "dipadatkan") {
			t.Fatalf("code %d out %q err %q", code, out, errs)
		}
		if got := exportOf(t, db); got != want {
			t.Fatal("compaction changed the data")
		}
		if code, out, _ := runCmd(t, "check", "--db", db); code != 0 {
			t.Fatalf("check after compaction: %s", out)
		}
	})

	t.Run("missing database", func(t *testing.T) {
		code, _, errs := runCmd(t, "backup", "--db", filepath.Join(dir, "tidak-ada.db"), flash)
		if code != 1 || !strings.Contains(errs, "tidak ditemukan") {
			t.Fatalf("code %d %q", code, errs)
		}
	})
}

func TestHumanSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 byte", 1023: "1023 byte", 1536: "1,5 KB", 4 << 20: "4,0 MB", 3 << 30: "3,0 GB"} {
		if got := humanSize(n); got != want {
			t.Errorf("humanSize(%d) = %q, want %q", n, got, want)
		}
	}
}

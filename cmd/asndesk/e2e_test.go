package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// End-to-end flows on the real binary in a real terminal (tmux), the way a
// person uses it. tmux is part of the test set-up (.ci/run installs it).

func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "asndesk")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

type term struct {
	t      *testing.T
	socket string
	name   string
}

func startTerm(t *testing.T, name string, args ...string) *term {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (.ci/run installs it)")
	}
	tm := &term{t: t, socket: "asndesk-e2e-" + name + fmt.Sprint(os.Getpid()), name: name}
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	shell := "env TERM=xterm-256color " + strings.Join(quoted, " ") + "; echo \"[selesai: $?]\"; sleep 600"
	tm.tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "36", shell)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *term) tmux(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tm *term) screen() string { return tm.tmux("capture-pane", "-p", "-t", tm.name) }

func (tm *term) keys(keys ...string) {
	tm.t.Helper()
	tm.tmux(append([]string{"send-keys", "-t", tm.name}, keys...)...)
}

func (tm *term) typeText(s string) {
	tm.t.Helper()
	tm.tmux("send-keys", "-t", tm.name, "-l", "--", s)
}

func (tm *term) wait(text string) string {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := tm.screen()
		if strings.Contains(s, text) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("waited for %q; the screen shows:\n%s", text, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// demoBinary builds the binary and writes the demo office into a new file.
func demoBinary(t *testing.T) (bin, db string) {
	t.Helper()
	bin = buildBinary(t)
	db = filepath.Join(t.TempDir(), "kantor.db")
	if out, err := exec.Command(bin, "demo", "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	return bin, db
}

// menu opens an entry of the side menu by keyboard: F9, arrows, Enter.
func (tm *term) menu(label string) {
	tm.t.Helper()
	tm.keys("F9")
	tm.wait("Tutup menu") // the keyboard is in the menu
	tm.pressUntil("Down", "›"+label, 20)
	tm.keys("Enter")
}

// login types a user name and password on the login screen.
func (tm *term) login(user, password string) {
	tm.t.Helper()
	tm.wait("Masuk ke asndesk")
	tm.typeText(user)
	tm.keys("Enter")
	tm.typeText(password)
	tm.keys("Enter")
}

// firstActive picks a real name and unit from the demo office via the
// JSON export, so the flow does not hard-code generator output.
func firstActive(t *testing.T, bin, db string) (nama, jabatan string) {
	t.Helper()
	out, err := exec.Command(bin, "export", "json", "--db", db).Output()
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	var doc struct {
		Employees []struct {
			Nama, Status, NamaJabatan string
		} `json:"employees"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	for _, e := range doc.Employees {
		if e.Status == "Aktif" {
			return e.Nama, e.NamaJabatan
		}
	}
	t.Fatal("no active employee in the demo office")
	return
}

func TestEndToEndEditSurvivesRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	bin, db := demoBinary(t)
	nama, _ := firstActive(t, bin, db)
	const newJabatan = "Jabatan Uji Coba Ujung"

	tm := startTerm(t, "edit", bin, "--db", db)
	tm.login("admin", "contoh123")
	tm.wait("Beranda")
	tm.keys("F3")
	tm.wait("Cari:")
	tm.typeText(nama)
	tm.wait("1 dari")
	tm.keys("Enter")
	tm.wait("Kepegawaian")
	tm.keys("F5")
	tm.wait("Simpan")
	for i := 0; i < 40 && !strings.Contains(tm.screen(), "› Nama jabatan"); i++ {
		tm.keys("Tab")
		time.Sleep(30 * time.Millisecond)
	}
	tm.wait("› Nama jabatan")
	tm.keys("C-u")
	tm.typeText(newJabatan)
	tm.keys("C-s")
	tm.wait("disimpan")
	tm.keys("F10")
	tm.wait("[selesai: 0]")

	tm2 := startTerm(t, "again", bin, "--db", db)
	tm2.login("admin", "contoh123")
	tm2.wait("Beranda")
	tm2.keys("F3")
	tm2.wait("Cari:")
	tm2.typeText("uji coba ujung")
	tm2.wait("Cari: uji coba ujung")
	s := tm2.wait(nama)
	if !strings.Contains(s, "1 dari") {
		t.Fatalf("expected exactly one match after restart:\n%s", s)
	}
	tm2.keys("F10")
	tm2.wait("[selesai: 0]")
}

func TestEndToEndSecondInstanceIsRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	bin, db := demoBinary(t)
	tm := startTerm(t, "first", bin, "--db", db)
	tm.wait("Masuk ke asndesk")
	before, _ := os.ReadFile(db)

	start := time.Now()
	cmd := exec.Command(bin, "--db", db)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	took := time.Since(start)
	if err == nil {
		t.Fatal("second instance exited 0")
	}
	if !strings.Contains(stderr.String(), "sudah dibuka di jendela lain") {
		t.Fatalf("second instance said: %q", stderr.String())
	}
	if took > 2*time.Second+500*time.Millisecond {
		t.Fatalf("second instance took %v to give up", took)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Fatal("the refused second instance changed the database file")
	}
	tm.keys("F10")
	tm.wait("[selesai: 0]")
}

func TestEndToEndPegawaiCannotEditOthers(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	bin, db := demoBinary(t)
	tm := startTerm(t, "roles", bin, "--db", db)
	tm.login("pegawai", "bukan-sandinya")
	tm.wait("kata sandi salah")
	tm.keys("C-u")
	tm.typeText("contoh123")
	tm.keys("Enter")
	s := tm.wait("Profil saya")
	if strings.Contains(s, "Tambah pegawai") || strings.Contains(s, "Akun pengguna") {
		t.Fatalf("a Pegawai is offered Admin work:\n%s", s)
	}
	tm.keys("F3")
	s = tm.wait("1 pegawai")
	if strings.Contains(s, "F5 Tambah") {
		t.Fatalf("a Pegawai is offered Tambah:\n%s", s)
	}
	tm.keys("Enter")
	s = tm.wait("Dihitung otomatis")
	if strings.Contains(s, "F5 Ubah") {
		t.Fatalf("a Pegawai is offered Ubah:\n%s", s)
	}
	tm.keys("F5")
	time.Sleep(200 * time.Millisecond)
	if strings.Contains(tm.screen(), "Simpan") {
		t.Fatal("F5 opened an edit form for a Pegawai")
	}
	// Log out through the menu (F9, then the entry).
	tm.menu("Keluar akun")
	tm.login("admin", "contoh123")
	tm.wait("Jumlah pegawai")
	tm.menu("Riwayat perubahan")
	s = tm.wait("gagal masuk")
	if !strings.Contains(s, "pegawai") {
		t.Fatalf("the failed attempt does not name the account:\n%s", s)
	}
	tm.keys("F10")
	tm.wait("[selesai: 0]")
}

// TestEndToEndRiwayatMovesPengingat: a new riwayat pangkat changes the
// profile's golongan and the next kenaikan pangkat, and Pengingat shows
// the new date.
func TestEndToEndRiwayatMovesPengingat(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	bin, db := demoBinary(t)
	out, err := exec.Command(bin, "export", "json", "--db", db).Output()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Employees []struct {
			ID                                   uint64
			Nama, Status, Golongan, JenisPegawai string
			PendidikanTerakhir                   string `json:"pendidikan_terakhir"`
		} `json:"employees"`
		Riwayat []struct {
			EmployeeID uint64 `json:"employee_id"`
			Kind       string
		} `json:"riwayat"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	hukdis := map[uint64]bool{}
	for _, r := range doc.Riwayat {
		if r.Kind == "hukdis" {
			hukdis[r.EmployeeID] = true
		}
	}
	// A PNS in III/a–III/c with a degree and no hukuman: the next rank is
	// under every ceiling and nothing postpones it.
	next := map[string]string{"III/a": "III/b", "III/b": "III/c", "III/c": "III/d"}
	var nama, gol string
	for _, e := range doc.Employees {
		if e.Status == "Aktif" && next[e.Golongan] != "" && !hukdis[e.ID] && (e.PendidikanTerakhir == "S1" || e.PendidikanTerakhir == "S2") {
			nama, gol = e.Nama, next[e.Golongan]
			break
		}
	}
	if nama == "" {
		t.Fatal("the demo office has no PNS in III/a–III/c with a degree")
	}
	tm := startTerm(t, "riwayat", bin, "--db", db)
	tm.login("admin", "contoh123")
	tm.wait("Jumlah pegawai")
	tm.keys("F3")
	tm.wait("Cari:")
	tm.typeText(nama)
	tm.wait("1 dari")
	tm.keys("Enter")
	tm.wait("Kepegawaian")
	tm.keys("F7")
	tm.wait("Riwayat pangkat/golongan")
	tm.keys("F5")
	tm.wait("Tambah riwayat pangkat/golongan")
	tm.keys("Enter")
	tm.wait("Pilih golongan")
	tm.typeText(gol)
	tm.wait("1 pilihan")
	tm.keys("Enter")
	tm.keys("Tab")
	tm.typeText("01-04-2023")
	tm.keys("C-s")
	tm.wait("disimpan")
	tm.keys("Escape")
	s := tm.wait("Pangkat/golongan ruang")
	if !strings.Contains(s, gol+" –") {
		t.Fatalf("profile golongan does not follow the new pangkat %s:\n%s", gol, s)
	}
	tm.keys("NPage")
	s = tm.wait("Kenaikan pangkat (KP)")
	if !strings.Contains(s, "1 April 2027") {
		t.Fatalf("profile does not follow the new pangkat %s (KP 1 April 2027):\n%s", gol, s)
	}
	tm.menu("Pengingat")
	tm.wait("Jatuh tempo")
	tm.keys("Right", "Right") // the Kenaikan pangkat tab
	s = tm.wait("01-04-2027")
	if !strings.Contains(s, strings.Fields(nama)[0]) {
		t.Fatalf("Pengingat lacks the new date for %s:\n%s", nama, s)
	}
	tm.keys("F10")
	tm.wait("[selesai: 0]")
}

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Printing as an operator does it: open the DUK, press Ctrl+P, accept the
// suggested file in the asndesk folder of the home folder, and find a PDF
// there whose text is the DUK with the office's kop.
func TestEndToEndPrintDUK(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	bin, db := demoBinary(t)
	home := t.TempDir()
	tm := startTerm(t, "cetak", "env", "HOME="+home, "USERPROFILE="+home, bin, "--db", db)
	tm.login("admin", "contoh123")
	tm.wait("Beranda")
	tm.menu("DUK")
	s := tm.wait("Ctrl+P")
	if !strings.Contains(s, "Daftar Urut Kepangkatan") {
		t.Fatalf("DUK not shown:\n%s", s)
	}
	tm.keys("C-p")
	s = tm.wait(filepath.Join(home, "asndesk"))
	tm.keys("Enter")
	s = tm.wait("Tersimpan: ")
	files, _ := filepath.Glob(filepath.Join(home, "asndesk", "*.pdf"))
	if len(files) != 1 {
		t.Fatalf("PDFs in the home folder: %v\n%s", files, s)
	}
	if !strings.Contains(strings.Join(strings.Fields(s), " "), filepath.Base(files[0])) {
		t.Fatalf("the status line does not name %s:\n%s", files[0], s)
	}
	text := pdfAllText(t, files[0])
	for _, want := range []string{"DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL", "DATA CONTOH", "NAMA / NIP"} {
		if !strings.Contains(text, want) {
			t.Fatalf("the PDF lacks %q:\n%s", want, text)
		}
	}
}

// Importing as an operator does it: a SIMPEG-style CSV with a title row
// above the header; the columns are recognised, the preview counts the
// new rows, nothing is written until the operator accepts, and then the
// new staff are in the register.
func TestEndToEndImportEmployees(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	bin, db := demoBinary(t)
	csv := filepath.Join(t.TempDir(), "pegawai simpeg.csv")
	body := "DAFTAR PEGAWAI KECAMATAN SUKAMAJU;;;;;\r\n" +
		"NO;NIP BARU;NAMA;GOL/RUANG;TGL LAHIR;UNOR\r\n" +
		"1;199501012020121001;Bagas Pratama;III/a;01-01-1995;Sekretariat\r\n" +
		"2;199602022021122002;Citra Lestari;III/a;2 Februari 1996;Sekretariat\r\n"
	if err := os.WriteFile(csv, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	tm := startTerm(t, "impor", bin, "--db", db)
	tm.login("admin", "contoh123")
	tm.wait("Beranda")
	tm.menu("Impor & ekspor")
	tm.wait("Impor pegawai dari Excel/CSV")
	tm.keys("Enter")
	tm.wait("Baca berkas")
	tm.typeText(csv)
	tm.keys("Enter")
	s := tm.wait("Bidang asndesk")
	for _, want := range []string{"NIP BARU", "→ NIP", "UNOR", "→ UNIT KERJA"} {
		if !strings.Contains(s, want) {
			t.Fatalf("column step lacks %q:\n%s", want, s)
		}
	}
	tm.keys("Enter")
	tm.wait("Baru: 2")
	tm.keys("C-s")
	tm.wait("Ya, simpan") // the safe button has the focus: the operator answers Y
	tm.keys("y")
	tm.wait("Impor selesai: 2 pegawai baru")
	tm.keys("F3")
	tm.wait("Cari")
	tm.typeText("Citra Lestari")
	tm.wait("Citra Lestari")
}

// The hand-over packet as an operator makes it: Impor & ekspor → Paket
// serah terima → Buat paket (kinerja of this year, a passphrase); the file
// lands in the asndesk folder, and a second asndesk verifies it and
// previews the merge headless.
func TestEndToEndPaket(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	bin, db := demoBinary(t)
	home := t.TempDir()
	tm := startTerm(t, "paket", "env", "HOME="+home, "USERPROFILE="+home, bin, "--db", db)
	tm.login("admin", "contoh123")
	tm.wait("Beranda")
	tm.menu("Impor & ekspor")
	tm.wait("Impor pegawai dari Excel/CSV")
	tm.pressUntil("Down", "› [ Paket serah terima ]", 8)
	tm.keys("Enter")
	tm.wait("Buat kunci penerima")
	tm.keys("Enter") // Buat paket
	tm.wait("Ulangi frasa sandi")
	tm.keys("Tab", "Tab", "Tab", "Tab")
	tm.typeText("kunci flashdisk kecamatan")
	tm.keys("Tab")
	tm.typeText("kunci flashdisk kecamatan")
	tm.keys("C-s")
	s := tm.wait("Tersimpan: ")
	files, _ := filepath.Glob(filepath.Join(home, "asndesk", "*.paket"))
	if len(files) != 1 {
		t.Fatalf("packets in the home folder: %v\n%s", files, s)
	}
	pass := filepath.Join(t.TempDir(), "sandi.txt")
	if err := os.WriteFile(pass, []byte("kunci flashdisk kecamatan\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "paket", "verify", "--passphrase-file", pass, files[0]).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "SHA-256") {
		t.Fatalf("verify: %v\n%s", err, out)
	}
	other := filepath.Join(t.TempDir(), "bkd.db")
	if out, err := exec.Command(bin, "demo", "--db", other, "--seed", "2").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	out, err = exec.Command(bin, "paket", "import", "--db", other, "--passphrase-file", pass, files[0]).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Baru") {
		t.Fatalf("preview: %v\n%s", err, out)
	}
}

package main

import (
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

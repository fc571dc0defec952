package main

import (
	"strings"
	"testing"
	"time"
)

// The SKP cycle of issue 6 as two people walk it on the office PC: the
// pegawai drafts an SKP with two RHK and indicators and submits it; the
// penilai returns it with a note; the pegawai reads the note, fixes the
// target and submits again; the penilai approves, records a dialog kinerja
// with one kesepakatan, rates Di Atas / Sesuai and sees predikat Baik.
func TestEndToEndSKPCycle(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	bin, db := demoBinary(t)
	tm := startTerm(t, "skp", bin, "--db", db)

	// Pegawai: a new SKP from nothing.
	tm.login("pegawai", "contoh123")
	tm.wait("Beranda")
	tm.menu("Kinerja (SKP)")
	tm.wait("Belum ada SKP untuk tahun")
	tm.keys("F5")
	tm.wait("Salin dari SKP")
	tm.keys("C-s")
	tm.wait("dibuat")
	name := skpTitle(t, tm.screen())

	addRHK(tm, 1, "Terlayaninya administrasi kependudukan di kecamatan",
		"Dokumen kependudukan yang diterbitkan", "120", "Dokumen")
	addRHK(tm, 2, "Tersusunnya laporan pelayanan kecamatan",
		"Laporan pelayanan yang disusun", "4", "Laporan")
	tm.keys("a")
	tm.wait("Ya, ajukan")
	tm.keys("y")
	tm.wait("SKP diajukan")
	tm.menu("Keluar akun")

	// Penilai: returns it with a note.
	const note = "Target laporan terlalu rendah; susun laporan bulanan."
	tm.login("penilai", "contoh123")
	tm.wait("Beranda")
	openSKP(tm, name)
	tm.wait("Diajukan")
	tm.keys("k")
	tm.wait("Catatan untuk pegawai")
	tm.typeText(note)
	tm.keys("C-s")
	tm.wait("dikembalikan ke pegawai dengan catatan")
	tm.menu("Keluar akun")

	// Pegawai: reads the note, fixes the target, submits again.
	tm.login("pegawai", "contoh123")
	tm.wait("Beranda")
	tm.menu("Kinerja (SKP)")
	tm.wait(name)
	tm.keys("Enter")
	tm.wait("Dikembalikan oleh pejabat penilai: " + note[:30])
	tm.pressUntil("Down", "›      Kuantitas  Laporan pelayanan", 12)
	tm.wait("›      Kuantitas  Laporan pelayanan")
	tm.keys("Enter")
	tm.wait("Ubah indikator")
	tm.pressUntil("Tab", "› Target", 6)
	tm.keys("C-u")
	tm.typeText("12")
	tm.keys("C-s")
	tm.wait("12 Laporan")
	tm.keys("a")
	tm.wait("Ya, ajukan")
	tm.keys("y")
	tm.wait("SKP diajukan")
	tm.menu("Keluar akun")

	// Penilai: approves, holds a dialog, rates.
	tm.login("penilai", "contoh123")
	tm.wait("Beranda")
	openSKP(tm, name)
	tm.wait("Diajukan")
	tm.keys("s")
	tm.wait("Ya, setujui")
	tm.keys("y")
	tm.wait("Disetujui")

	tabTo(tm, "[Dialog kinerja]")
	tm.wait("Belum ada dialog kinerja")
	tm.keys("F5")
	tm.wait("Tanggal dialog")
	tm.pressUntil("Tab", "› Kesepakatan", 12)
	tm.typeText("Lampirkan rekap layanan setiap bulan")
	tm.keys("C-s")
	tm.wait("Dialog kinerja dicatat")
	tm.wait("Lampirkan rekap layanan") // the kesepakatan, now in the dialog's record

	tabTo(tm, "[Evaluasi]")
	tm.pressUntil("Down", "Evaluasi Tahunan", 14)
	tm.wait("Evaluasi Tahunan")
	tm.keys("Enter")
	tm.wait("Rating hasil kerja")
	// The pegawai may head a unit, whose rating hasil kerja then starts
	// from the unit's predikat: turn each choice until it reads right.
	choose(tm, "Rating hasil kerja", "Di Atas Ekspektasi")
	tm.keys("Tab")
	choose(tm, "Rating perilaku kerja", "Sesuai Ekspektasi")
	tm.wait("Predikat kinerja: Baik")
	tm.keys("C-s")
	tm.wait("Evaluasi Tahunan disimpan")
	// The table redraws when the saved SKP has been read back.
	tm.wait("Rating hasil kerja: Di Atas Ekspektasi · Rating perilaku kerja: Sesuai Ekspektasi")
	tm.wait("Predikat kinerja: Baik")
	tm.keys("F10")
	tm.wait("[selesai: 0]")
}

// skpTitle reads the pegawai's name from the SKP screen's title line
// ("Kinerja (SKP) › SKP 2026 <nama>").
func skpTitle(t *testing.T, screen string) string {
	t.Helper()
	for _, l := range strings.Split(screen, "\n") {
		if i := strings.Index(l, "› SKP 20"); i >= 0 {
			f := strings.Fields(l[i+len("› SKP 20"):])
			if len(f) >= 2 {
				return f[1] // the first word of the name is enough to search
			}
		}
	}
	t.Fatalf("no SKP title on the screen:\n%s", screen)
	return ""
}

// addRHK adds RHK n with one kuantitatif indicator on the Rencana tab.
func addRHK(tm *term, n int, rhk, iki, target, satuan string) {
	tm.t.Helper()
	tm.keys("F5")
	tm.wait("Tambah RHK")
	tm.keys("Tab", "Enter") // RHK atasan: the penilai's RHK list
	tm.wait("Pilih RHK atasan")
	tm.keys("Enter")
	tm.wait("› RHK atasan")
	tm.keys("Tab")
	tm.typeText(rhk)
	tm.keys("C-s")
	tm.wait("RHK " + itoa(n) + " disimpan")
	tm.keys("F6")
	tm.wait("Tambah indikator RHK " + itoa(n))
	tm.keys("Tab")
	tm.typeText(iki)
	tm.keys("Tab")
	tm.typeText(target)
	tm.keys("Tab")
	tm.typeText(satuan)
	tm.keys("C-s")
	tm.wait(target + " " + satuan)
}

// openSKP opens the SKP of the named pegawai from the Kinerja list.
func openSKP(tm *term, name string) {
	tm.t.Helper()
	tm.menu("Kinerja (SKP)")
	tm.wait("SKP bawahan")
	tm.typeText(name)
	tm.wait("Cari: " + name)
	tm.keys("Enter")
	tm.wait("Pejabat penilai kinerja")
}

// tabTo presses Tab until the SKP screen shows the wanted tab active.
func tabTo(tm *term, tab string) {
	tm.t.Helper()
	tm.pressUntil("Tab", tab, 8)
	tm.wait(tab)
}

func itoa(n int) string { return string(rune('0' + n)) }

// choose presses Right on the focused choice field until its line shows
// want.
func choose(tm *term, label, want string) {
	tm.t.Helper()
	for i := 0; i < 5; i++ {
		for _, l := range strings.Split(tm.screen(), "\n") {
			if strings.Contains(l, label) && strings.Contains(l, want) {
				return
			}
		}
		before := tm.screen()
		tm.keys("Right")
		// Wait for the redraw, so a slow machine never gets a second
		// Right for the same look of the screen.
		for j := 0; j < 40 && tm.screen() == before; j++ {
			time.Sleep(25 * time.Millisecond)
		}
	}
	tm.t.Fatalf("%s never showed %q:\n%s", label, want, tm.screen())
}

// pressUntil presses key until the screen shows want, at most n times,
// waiting for each redraw so a slow machine never overshoots.
func (tm *term) pressUntil(key, want string, n int) {
	tm.t.Helper()
	for i := 0; i < n && !strings.Contains(tm.screen(), want); i++ {
		before := tm.screen()
		tm.keys(key)
		for j := 0; j < 40 && tm.screen() == before; j++ {
			time.Sleep(25 * time.Millisecond)
		}
	}
}

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// ujiInstrument is a small instrument an office might type from a
// lampiran: two aspects, three indicators, levels 1–4, total 100–400.
const ujiInstrument = `{
  "id": "UJI-E2E", "version": "1", "title": "Instrumen uji", "regulation": "Uji coba", "status": "draf",
  "notice": "Instrumen uji — bukan instrumen resmi.",
  "aspects": [
    {"code": "A", "name": "Perencanaan Kebutuhan", "weight": 50},
    {"code": "B", "name": "Pengadaan", "weight": 50}
  ],
  "indicators": [
    {"code": "A.1", "aspect": "A", "text": "Ada rencana kebutuhan lima tahun", "help": "Susun rencana kebutuhan"},
    {"code": "A.2", "aspect": "A", "text": "Rencana disahkan pimpinan", "help": "Mintakan pengesahan"},
    {"code": "B.1", "aspect": "B", "text": "Seleksi diumumkan terbuka", "help": "Umumkan seleksi"}
  ],
  "levels": [
    {"value": 1, "label": "Belum"}, {"value": 2, "label": "Sebagian kecil"},
    {"value": 3, "label": "Sebagian besar"}, {"value": 4, "label": "Penuh"}
  ],
  "score": {"weight_total": 100, "min": 100, "max": 400},
  "categories": [
    {"code": "I", "label": "Buruk", "min": 100, "max_excl": 175},
    {"code": "II", "label": "Kurang", "min": 175, "max_excl": 250},
    {"code": "III", "label": "Baik", "min": 250, "max_excl": 325},
    {"code": "IV", "label": "Sangat Baik", "min": 325, "max_excl": 400}
  ],
  "index": {"formula": "score/400"}
}`

// The merit self-assessment as an office walks it: the instrument is
// loaded from a file; the Tim Merit login answers every indicator of one
// aspect, attaches a file, and watches the aspect's progress and then the
// total and category move; the koordinator submits it for verification;
// a verifier (Admin) lowers one level, and the verified score stands
// beside the self score.
func TestEndToEndMeritAssessment(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	bin, db := demoBinary(t)
	dir := t.TempDir()
	inst := filepath.Join(dir, "instrumen.json")
	bukti := filepath.Join(dir, "sk-kebutuhan.txt")
	if err := os.WriteFile(inst, []byte(ujiInstrument), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bukti, []byte("SK penetapan kebutuhan ASN 2026"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "merit", "import-instrument", "--db", db, inst).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "UJI-E2E versi 1") {
		t.Fatalf("import-instrument: %v\n%s", err, out)
	}

	tm := startTerm(t, "merit", bin, "--db", db)
	tm.login("merit", "contoh123")
	tm.wait("Beranda")
	tm.menu("Sistem merit")
	tm.wait("Penilaian mandiri sistem merit")
	tm.keys("F5")
	tm.wait("Penilaian baru")
	tm.pressUntil("Tab", "› Instrumen", 4)
	choose(tm, "Instrumen", "Instrumen uji")
	tm.keys("C-s")
	tm.wait("Jawab indikatornya di tab Jawaban")
	tm.wait("0/2 dijawab")

	answer := func(code, level string) {
		tm.t.Helper()
		tm.pressUntil("Down", "› "+code, 6)
		tm.wait("› " + code)
		tm.keys("Enter")
		tm.wait("Jawab indikator " + code)
		choose(tm, "Tingkat", level)
		tm.keys("C-s")
		tm.wait("Jawaban indikator " + code + " disimpan")
	}
	answer("A.1", "4 · Penuh")
	tm.wait("1/2 dijawab")
	tm.keys("F5")
	tm.wait("Lokasi berkas")
	tm.typeText(bukti)
	tm.keys("C-s")
	tm.wait("sk-kebutuhan.txt")
	answer("A.2", "3 · Sebagian besar")
	s := tm.wait("2/2 dijawab")
	if !strings.Contains(s, "2/2 dijawab · 1 tanpa bukti") {
		t.Fatalf("aspect A should be answered with one indicator lacking evidence:\n%s", s)
	}
	tabTo(tm, "[Hasil]")
	tm.wait("sementara") // B is not answered yet: the total is provisional
	tabTo(tm, "[Jawaban]")
	answer("B.1", "2 · Sebagian kecil")
	tabTo(tm, "[Hasil]")
	tm.wait("III Baik")
	if s := tm.screen(); !strings.Contains(s, "275") {
		t.Fatalf("total 275 (A 3,5 and B 2 at weight 50) expected:\n%s", s)
	}
	tm.keys("F8")
	tm.wait("Ajukan verifikasi")
	tm.keys("Enter")
	tm.wait("Tahap berubah")
	tm.keys("y")
	tm.wait("Tahap penilaian: Verifikasi")
	tm.menu("Keluar akun")

	// The verifier lowers A.1 from Penuh to Sebagian besar.
	tm.login("admin", "contoh123")
	tm.wait("Beranda")
	tm.menu("Sistem merit")
	tm.wait("Penilaian mandiri sistem merit")
	tm.pressUntil("Down", "2026 · Instansi · Instrumen uji", 6)
	tm.wait("2026 · Instansi · Instrumen uji")
	tm.keys("Enter")
	tm.wait("Tahap: Verifikasi")
	tabTo(tm, "[Verifikasi]")
	tm.pressUntil("Down", "› A.1", 6)
	tm.keys("Enter")
	tm.wait("Tingkat terverifikasi")
	choose(tm, "Tingkat terverifikasi", "3 · Sebagian besar")
	tm.keys("C-s")
	tm.wait("Verifikasi indikator A.1 disimpan")
	tabTo(tm, "[Hasil]")
	s = tm.wait("Hasil verifikasi")
	found := false
	for _, l := range strings.Split(s, "\n") {
		found = found || strings.Contains(l, "Nilai total") && strings.Contains(l, "275") && strings.Contains(l, "250")
	}
	if !found {
		t.Fatalf("the total line should show self 275 beside verified 250:\n%s", s)
	}
	tm.keys("F10")
	tm.wait("[selesai: 0]")
}

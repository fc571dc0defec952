package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"asndesk/domain"

	"github.com/charmbracelet/x/exp/golden"
)

// Goldens of the SKP screens hold the top screen and the status line only:
// the menu and header around them belong to the app and change as areas
// are added.
func skpView(h *harness) string {
	h.t.Helper()
	out := h.m.top().View()
	if h.m.status != "" {
		prefix := "✓ "
		if h.m.statErr {
			prefix = "! "
		}
		out += "\n\n" + prefix + h.m.status
	}
	return out
}

// skpGolden compares the top screen, framed by its breadcrumb.
func skpGolden(t *testing.T, h *harness) {
	t.Helper()
	golden.RequireEqual(t, []byte(h.m.breadcrumb()+"\n"+skpView(h)))
}

// openKinerja goes to the Kinerja (SKP) area.
func openKinerja(h *harness) {
	h.t.Helper()
	h.send(areaMsg{areaKinerja})
	if _, ok := h.m.top().(*skpList); !ok {
		h.t.Fatalf("Kinerja area did not open the SKP list:\n%s", h.view())
	}
}

// relogin ends the session and logs another demo account in.
func relogin(h *harness, user string) {
	h.t.Helper()
	h.send(logoutMsg{"Anda sudah keluar."})
	h.login(user, "contoh123")
	if h.m.c.Account.Username != user {
		h.t.Fatalf("login as %s failed:\n%s", user, h.view())
	}
}

// planSKP is an SKP of employee emp for 2026 rated by Bambang (1), with
// one RHK and its indicator.
func planSKP(h *harness, emp uint64, status domain.SKPStatus) domain.SKP {
	e, bambang := h.repo.emps[emp], h.repo.emps[1]
	s := domain.NewSKP(e, 2026, domain.Snapshot(bambang, "Sekretariat"), domain.PersonSnapshot{}, h.repo.units[e.UnitID].Name, fixedNow())
	s.Status = status
	s.RHK = []domain.RHK{{ID: 1, Kategori: domain.RHKUtama, Text: "Terkelolanya jaringan dan aplikasi kantor kecamatan",
		Intervensi: "Meningkatnya kualitas layanan administrasi kecamatan",
		Indikator:  []domain.Indikator{{ID: 2, Aspek: domain.AspekKuantitas, IKI: "Aplikasi layanan yang berjalan", Target: "4", Satuan: "Aplikasi"}}}}
	s.NextRHKID = 2
	if status == domain.SKPDisetujui {
		s.Approved = fixedNow()
	}
	return s
}

func skpScreenTop(h *harness) *skpScreen {
	h.t.Helper()
	s, ok := h.m.top().(*skpScreen)
	if !ok {
		h.t.Fatalf("top is not the SKP screen:\n%s", h.view())
	}
	return s
}

func TestSKPList(t *testing.T) {
	t.Run("empty state tells a pegawai what to do", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "pegawai")
		openKinerja(h)
		requireContains(t, h.view(), "Belum ada SKP untuk tahun 2026. Tekan F5 untuk membuat SKP.", "F5 Buat SKP")
		skpGolden(t, h)
	})
	t.Run("penilai sees staff SKPs, then his own", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "penilai")
		h.kin.put(planSKP(h, 2, domain.SKPDiajukan))
		h.kin.put(planSKP(h, 3, domain.SKPDraft))
		own := planSKP(h, 1, domain.SKPDisetujui)
		own.Penilai = domain.PersonSnapshot{}
		h.kin.put(own)
		openKinerja(h)
		v := h.view()
		requireContains(t, v, "[SKP bawahan]", "Siti Aminah, S.Kom.", "Yohanes Wenda, A.Md.", "Diajukan", "Draft", "2 SKP")
		requireAbsent(t, v, "Disetujui")
		skpGolden(t, h)
		h.keys("f6")
		requireContains(t, h.view(), "[SKP saya]", "Drs. Bambang Sutrisno", "Disetujui", "(belum ditentukan)")
		h.keys("f6")
		h.typeText("yoh")
		requireContains(t, h.view(), "Yohanes", "1 SKP")
		requireAbsent(t, h.view(), "Siti Aminah")
		h.keys("esc", "left")
		requireContains(t, h.view(), "‹ 2025 ›", "Belum ada SKP bawahan untuk tahun 2025.")
	})
	t.Run("admin filters by status and a pegawai sees the penilai's name", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "admin")
		h.kin.put(planSKP(h, 2, domain.SKPDiajukan))
		h.kin.put(planSKP(h, 3, domain.SKPDraft))
		openKinerja(h)
		requireContains(t, h.view(), "Status: Semua", "2 SKP")
		h.keys("f7")
		requireContains(t, h.view(), "Status: Draft", "Yohanes", "1 SKP")
		h.keys("f7", "f7", "f7")
		requireContains(t, h.view(), "Status: Disetujui", "Tidak ada SKP berstatus Disetujui untuk tahun 2026.")
		relogin(h, "pegawai")
		openKinerja(h)
		// The pegawai cannot read the penilai's profile: the name comes
		// from the SKP itself.
		requireContains(t, h.view(), "Siti Aminah", "Drs. Bambang Sutrisno", "Diajukan")
	})
}

// addRHK adds an RHK with one indicator through the forms.
func addRHK(h *harness, text, iki, target, satuan string) {
	h.t.Helper()
	h.keys("f5")
	requireContains(h.t, h.view(), "Tambah RHK", "Kategori")
	h.keys("tab") // kategori stays Utama
	h.typeText("Meningkatnya layanan")
	h.keys("tab")
	h.typeText(text)
	h.keys("ctrl+s")
	requireContains(h.t, h.view(), text)
	h.keys("f6")
	requireContains(h.t, h.view(), "Tambah indikator", "Aspek")
	h.keys("tab")
	h.typeText(iki)
	h.keys("tab")
	h.typeText(target)
	h.keys("tab")
	h.typeText(satuan)
	h.keys("ctrl+s")
	requireContains(h.t, h.view(), iki, "✓ Indikator disimpan.")
}

func TestSKPCycle(t *testing.T) {
	h := withDemoAs(t, 120, 40, "pegawai")
	openKinerja(h)
	h.keys("f5")
	requireContains(t, h.view(), "Buat SKP", "Siti Aminah", "2026")
	h.keys("ctrl+s")
	s := skpScreenTop(h)
	requireContains(t, h.view(), "Pejabat penilai kinerja", "Drs. Bambang Sutrisno, M.Si.", "Status", "Draft",
		"[Rencana]", "Mulai dengan F5")
	id := s.skpID

	t.Run("pegawai drafts two RHK with indicators", func(t *testing.T) {
		addRHK(h, "Terkelolanya jaringan kantor", "Jaringan yang berfungsi", "12", "Bulan")
		// An indicator whose target is not a number is refused beside the
		// field, and nothing typed is lost.
		h.keys("f6", "tab")
		h.typeText("Laporan pemeliharaan")
		h.keys("tab")
		h.typeText("empat")
		h.keys("tab")
		h.typeText("Laporan")
		h.keys("ctrl+s")
		requireContains(t, h.view(), "Target harus berupa angka", "empat", "Laporan pemeliharaan")
		h.keys("shift+tab", "ctrl+u")
		h.typeText("4")
		h.keys("ctrl+s")
		requireContains(t, h.view(), "Laporan pemeliharaan", "4 Laporan")
		addRHK(h, "Tersusunnya laporan layanan TI", "Laporan triwulanan", "4", "Dokumen")
		got := h.kin.stored(id)
		if len(got.RHK) != 2 || len(got.RHK[0].Indikator) != 2 || len(got.RHK[1].Indikator) != 1 {
			t.Fatalf("plan not stored: %+v", got.RHK)
		}
		if got.RHK[1].Intervensi != "Meningkatnya layanan" {
			t.Fatalf("typed intervensi lost: %q", got.RHK[1].Intervensi)
		}
		skpGolden(t, h)
	})
	t.Run("pegawai submits", func(t *testing.T) {
		h.keys("a")
		requireContains(t, h.view(), "Ajukan SKP 2026 ke Drs. Bambang Sutrisno, M.Si.?")
		h.keys("y")
		if st := h.kin.stored(id).Status; st != domain.SKPDiajukan {
			t.Fatalf("status %v after submit", st)
		}
		requireContains(t, h.view(), "SKP diajukan ke pejabat penilai kinerja.", "Rencana tidak dapat diubah")
		h.keys("f5")
		requireContains(t, h.view(), "SKP berstatus Diajukan tidak dapat diubah.")
	})
	t.Run("penilai returns it with a note", func(t *testing.T) {
		relogin(h, "penilai")
		openKinerja(h)
		requireContains(t, h.view(), "Siti Aminah", "Diajukan")
		h.keys("enter")
		requireContains(t, h.view(), "s Setujui", "k Kembalikan")
		h.keys("k")
		requireContains(t, h.view(), "Catatan untuk pegawai")
		h.keys("ctrl+s")
		requireContains(t, h.view(), "Tuliskan catatan untuk pegawai")
		h.typeText("Target RHK 2 terlalu rendah; sesuaikan dengan RHK atasan.")
		h.keys("ctrl+s")
		got := h.kin.stored(id)
		if got.Status != domain.SKPDikembalikan || !strings.Contains(got.ReturnNote, "terlalu rendah") {
			t.Fatalf("not returned: %v %q", got.Status, got.ReturnNote)
		}
		requireContains(t, h.view(), "SKP dikembalikan ke pegawai dengan catatan.")
	})
	t.Run("pegawai sees the note, fixes and resubmits", func(t *testing.T) {
		relogin(h, "pegawai")
		openKinerja(h)
		h.keys("enter")
		requireContains(t, h.view(), "! Dikembalikan oleh pejabat penilai: Target RHK 2 terlalu rendah")
		skpGolden(t, h)
		for range 6 {
			h.keys("down")
		}
		h.keys("end", "up")
		h.keys("home")
		h.keys("a", "y")
		if st := h.kin.stored(id).Status; st != domain.SKPDiajukan {
			t.Fatalf("status %v after resubmit", st)
		}
	})
	t.Run("penilai approves", func(t *testing.T) {
		relogin(h, "penilai")
		openKinerja(h)
		h.keys("enter", "s")
		requireContains(t, h.view(), "Setujui SKP 2026 Siti Aminah, S.Kom.?")
		h.keys("y")
		got := h.kin.stored(id)
		if got.Status != domain.SKPDisetujui || got.ReturnNote != "" {
			t.Fatalf("not approved: %v %q", got.Status, got.ReturnNote)
		}
		requireContains(t, h.view(), "SKP disetujui.", "Disetujui")
	})
	t.Run("a Disetujui SKP refuses edits with a message", func(t *testing.T) {
		relogin(h, "pegawai")
		openKinerja(h)
		h.keys("enter")
		requireContains(t, h.view(), "Rencana tidak dapat diubah: SKP berstatus Disetujui tidak dapat diubah.",
			"melalui Revisi SKP", "r Revisi SKP")
		requireAbsent(t, h.view(), "F5 Tambah RHK")
		before := h.kin.writes
		h.keys("f5")
		requireContains(t, h.view(), "! SKP berstatus Disetujui tidak dapat diubah.")
		h.keys("enter")
		if _, ok := h.m.top().(*skpScreen); !ok || h.kin.writes != before {
			t.Fatal("an approved SKP opened a form or was written")
		}
		skpGolden(t, h)
	})
	t.Run("revision keeps the approved version", func(t *testing.T) {
		h.keys("r")
		requireContains(t, h.view(), "Alasan revisi")
		h.typeText("Tugas tambahan dari Camat")
		h.keys("ctrl+s")
		got := h.kin.stored(id)
		if got.Status != domain.SKPDraft || got.Revision != 1 || len(h.kin.revisions) != 1 {
			t.Fatalf("revision not recorded: %v rev %d kept %d", got.Status, got.Revision, len(h.kin.revisions))
		}
		requireContains(t, h.view(), "Revisi SKP dibuka", "revisi ke-1")
		h.keys("shift+tab") // Revisi is the last tab
		requireContains(t, h.view(), "[Revisi]", "Tugas tambahan dari Camat", "pegawai")
		h.keys("enter")
		requireContains(t, h.view(), "Versi pertama", "Terkelolanya jaringan kantor", "Disetujui")
		skpGolden(t, h)
	})
}

func TestSKPBukti(t *testing.T) {
	h := withDemoAs(t, 120, 40, "pegawai")
	id := h.kin.put(planSKP(h, 2, domain.SKPDisetujui))
	h.send(pushMsg{newSKPScreen(h.m.c, id)})
	h.keys("tab")
	requireContains(t, h.view(), "[Pelaksanaan]", "Triwulan I", "Triwulan IV", "Periode evaluasi kantor: Triwulanan.")
	h.keys("f5")
	requireContains(t, h.view(), "Isi rencana aksi atau realisasi Triwulan I dulu")
	h.keys("enter")
	requireContains(t, h.view(), "Pelaksanaan Triwulan I", "1 Januari – 31 Maret 2026")
	h.typeText("Memasang ulang jaringan lantai 2")
	h.keys("tab")
	h.typeText("1 Paket")
	h.keys("tab")
	h.typeText("Selesai 12 Maret")
	h.keys("ctrl+s")
	requireContains(t, h.view(), "Memasang ulang jaringan lantai 2", "Selesai 12 Maret")

	dir := t.TempDir()
	small := filepath.Join(dir, "laporan-q1.pdf")
	if err := os.WriteFile(small, []byte("%PDF-1.4 laporan triwulan I"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("a file is kept with its size and SHA-256", func(t *testing.T) {
		h.keys("f5")
		requireContains(t, h.view(), "Tambah bukti berkas", "Batas 5 MB per berkas")
		h.typeText("'" + small + "'") // pasted from a file manager, quoted
		h.keys("ctrl+s")
		requireContains(t, h.view(), "laporan-q1.pdf · 27 B · 23-11-2026 · SHA-256 ", "Bukti \"laporan-q1.pdf\" (27 B) disimpan.")
		skpGolden(t, h)
	})
	t.Run("a file over the limit is refused in MB and the path stays", func(t *testing.T) {
		big := filepath.Join(dir, "pindaian.pdf")
		f, err := os.Create(big)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(6 << 20); err != nil {
			t.Fatal(err)
		}
		f.Close()
		before := h.kin.writes
		h.keys("up", "f5")
		h.typeText(big)
		h.keys("ctrl+s")
		// The whole message fits the status line at 120 columns.
		requireContains(t, h.view(), "! Berkas pindaian.pdf 6 MB melebihi batas 5 MB. Perkecil berkasnya atau ubah batas di Pengaturan SKP.")
		if h.kin.writes != before {
			t.Fatal("an oversized file was stored")
		}
		if _, ok := h.m.top().(*skpActForm); !ok {
			t.Fatal("the form closed: the typed path is lost")
		}
		h.keys("ctrl+u")
		h.typeText(filepath.Join(dir, "tidak-ada.pdf"))
		h.keys("ctrl+s")
		requireContains(t, h.view(), "Berkas tidak ditemukan")
		h.keys("esc", "y")
	})
	t.Run("a verified copy is written where the user says, never over a file", func(t *testing.T) {
		h.keys("down") // the bukti row under Triwulan I
		requireContains(t, h.view(), "F7 Simpan salinan", "F8 Hapus bukti")
		h.keys("f7")
		requireContains(t, h.view(), "Simpan salinan bukti", "Simpan ke")
		dest := filepath.Join(dir, "salinan.pdf")
		h.keys("ctrl+u")
		h.typeText(dest)
		h.keys("ctrl+s")
		got, err := os.ReadFile(dest)
		if err != nil || !bytes.Equal(got, []byte("%PDF-1.4 laporan triwulan I")) {
			t.Fatalf("copy: %q %v", got, err)
		}
		requireContains(t, h.view(), "✓ Salinan tersimpan (SHA-256 cocok): "+dest)
		h.keys("f7", "ctrl+u")
		h.typeText(dest)
		h.keys("ctrl+s")
		requireContains(t, h.view(), "sudah ada; pilih nama lain.")
		h.keys("esc", "y")
	})
	t.Run("the copy goes to the home folder by default, not the working directory", func(t *testing.T) {
		// A short folder, as a real home is, so the path shows whole.
		home, err := os.MkdirTemp("", "home")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(home) })
		t.Setenv("HOME", home)
		t.Setenv("USERPROFILE", home) // os.UserHomeDir on Windows
		want := filepath.Join(home, "laporan-q1.pdf")
		h.keys("f7")
		form, ok := h.m.top().(*skpActForm)
		if !ok {
			t.Fatalf("no copy form:\n%s", h.view())
		}
		if got := form.form.get("dest").value(); got != want {
			t.Fatalf("default target %q, want %q", got, want)
		}
		requireContains(t, h.view(), want)
		h.keys("ctrl+s")
		if _, err := os.Stat(want); err != nil {
			t.Fatalf("copy not in the home folder: %v", err)
		}
		if _, err := os.Stat("laporan-q1.pdf"); err == nil {
			t.Fatal("a copy was written to the working directory")
		}
		// The message names the whole path, and all of it is on screen.
		if h.m.status != "Salinan tersimpan (SHA-256 cocok): "+want {
			t.Fatalf("status %q", h.m.status)
		}
		requireContains(t, h.view(), "✓ Salinan tersimpan (SHA-256 cocok): "+want)
		// A bare name is read from the home folder too.
		h.keys("f7", "ctrl+u")
		h.typeText(filepath.Join("arsip", "..", "q1-salinan.pdf"))
		h.keys("ctrl+s")
		if _, err := os.Stat(filepath.Join(home, "q1-salinan.pdf")); err != nil {
			t.Fatalf("a relative path was not read from the home folder: %v\n%s", err, h.view())
		}
		requireContains(t, h.view(), "(SHA-256 cocok): "+filepath.Join(home, "q1-salinan.pdf"))
		// The default again: the first copy is there and is kept.
		h.keys("f7", "ctrl+s")
		requireContains(t, h.view(), "Berkas "+want+" sudah ada; pilih nama lain.")
		h.keys("esc")
		skpScreenTop(h)
	})
	t.Run("a reference and a delete with confirmation", func(t *testing.T) {
		h.keys("up", "f6")
		h.typeText("Nota dinas penyampaian")
		h.keys("tab")
		h.typeText("800/12/2026")
		h.keys("ctrl+s")
		requireContains(t, h.view(), "Nota dinas penyampaian · referensi: 800/12/2026")
		h.keys("down", "f8")
		requireContains(t, h.view(), "Hapus bukti \"laporan-q1.pdf\"")
		h.keys("y")
		requireAbsent(t, h.view(), "laporan-q1.pdf ·")
		requireContains(t, h.view(), "Nota dinas penyampaian")
	})
	t.Run("the penilai reads but does not write", func(t *testing.T) {
		relogin(h, "penilai")
		h.send(pushMsg{newSKPScreen(h.m.c, id)})
		h.keys("tab")
		requireContains(t, h.view(), "Hanya dapat dibaca:", "Memasang ulang jaringan")
		requireAbsent(t, h.view(), "F5 Bukti berkas")
	})
}

func TestSKPPlanForms(t *testing.T) {
	t.Run("admin creates an SKP for an employee, copying the previous one", func(t *testing.T) {
		h := withDemoAs(t, 120, 40, "admin")
		prev := planSKP(h, 3, domain.SKPDisetujui)
		prev.Year, prev.Start, prev.End = 2025, domain.Date{Year: 2025, Month: 1, Day: 1}, domain.Date{Year: 2025, Month: 12, Day: 31}
		prev.Lampiran.Konsekuensi = []string{"Teguran tertulis"}
		h.kin.put(prev)
		openKinerja(h)
		h.keys("f5")
		requireAbsent(t, h.view(), "Salin dari SKP sebelumnya")
		h.keys("enter") // the employee chooser
		h.typeText("yoh")
		h.keys("enter")
		requireContains(t, h.view(), "Yohanes Wenda", "Salin dari SKP", "Tidak — mulai dari rencana kosong")
		h.keys("tab", "tab", "right")
		requireContains(t, h.view(), "SKP 2025 · Disetujui · 1 RHK · 1 Jan – 31 Des")
		skpGolden(t, h)
		h.keys("ctrl+s")
		s := skpScreenTop(h)
		got := h.kin.stored(s.skpID)
		if got.EmployeeID != 3 || got.Year != 2026 || got.Status != domain.SKPDraft || len(got.RHK) != 1 ||
			got.RHK[0].Text != prev.RHK[0].Text || len(got.Lampiran.Konsekuensi) != 1 {
			t.Fatalf("copy not made: %+v", got)
		}
		requireContains(t, h.view(), "SKP 2026 dibuat.", "Yohanes Wenda", "Terkelolanya jaringan")
	})
	t.Run("admin changes the penilai in the header form", func(t *testing.T) {
		h := withDemoAs(t, 120, 40, "admin")
		s := planSKP(h, 3, domain.SKPDraft)
		s.Penilai = domain.PersonSnapshot{}
		id := h.kin.put(s)
		h.send(pushMsg{newSKPScreen(h.m.c, id)})
		requireContains(t, h.view(), "Pejabat penilai kinerja belum ditentukan")
		h.keys("enter")
		requireContains(t, h.view(), "Periode dan pendekatan", "Pejabat penilai (diisi Admin)")
		h.keys("tab", "tab", "tab", "enter")
		h.typeText("bambang")
		h.keys("enter", "ctrl+s")
		got := h.kin.stored(id)
		if got.Penilai.EmployeeID != 1 || got.Penilai.Nama != "Drs. Bambang Sutrisno, M.Si." || got.Penilai.Jabatan != "Camat" {
			t.Fatalf("penilai not set from the profile: %+v", got.Penilai)
		}
		requireContains(t, h.view(), "Periode dan pendekatan disimpan.")
	})
	t.Run("a bad period is refused beside the field, nothing lost", func(t *testing.T) {
		h := withDemoAs(t, 120, 40, "pegawai")
		id := h.kin.put(planSKP(h, 2, domain.SKPDraft))
		h.send(pushMsg{newSKPScreen(h.m.c, id)})
		h.keys("enter", "tab", "ctrl+u")
		h.typeText("31-12-2025")
		h.keys("ctrl+s")
		requireContains(t, h.view(), "Akhir periode penilaian tidak boleh sebelum awalnya.", "31-12-2025")
		if _, ok := h.m.top().(*planForm); !ok {
			t.Fatal("the form closed on an error")
		}
		h.keys("esc")
		requireContains(t, h.view(), "Perubahan belum disimpan")
		h.keys("y")
		skpScreenTop(h)
	})
	t.Run("intervensi is chosen from the penilai's RHK", func(t *testing.T) {
		h := withDemoAs(t, 120, 40, "pegawai")
		own := planSKP(h, 1, domain.SKPDisetujui)
		own.RHK[0].Text = "Meningkatnya kualitas layanan administrasi kecamatan"
		penSKP := h.kin.put(own)
		id := h.kin.put(planSKP(h, 2, domain.SKPDraft))
		h.send(pushMsg{newSKPScreen(h.m.c, id)})
		h.keys("f5", "tab", "enter")
		requireContains(t, h.view(), "Pilih RHK atasan", "Meningkatnya kualitas layanan administrasi kecamatan (Drs. Ba", "Tulis sendiri…")
		h.keys("enter", "tab")
		requireAbsent(t, h.view(), "RHK atasan (ketik)")
		h.typeText("Terlayaninya surat keterangan warga")
		h.keys("ctrl+s")
		got := h.kin.stored(id)
		r := got.RHK[len(got.RHK)-1]
		if r.IntervensiSKPID != penSKP || r.IntervensiRHKID != 1 || r.Intervensi != own.RHK[0].Text {
			t.Fatalf("intervensi not linked: %+v", r)
		}
	})
	t.Run("ekspektasi and lampiran, one field per item", func(t *testing.T) {
		h := withDemoAs(t, 120, 40, "pegawai")
		id := h.kin.put(planSKP(h, 2, domain.SKPDraft))
		h.send(pushMsg{newSKPScreen(h.m.c, id)})
		h.keys("down", "down", "down", "enter") // past the header, the RHK and its indicator
		requireContains(t, h.view(), "Ekspektasi khusus pimpinan", "Panduan: Memahami dan memenuhi kebutuhan masyarakat")
		h.typeText("Menjawab permohonan warga paling lama 2 hari")
		h.keys("ctrl+s")
		if got := h.kin.stored(id).Ekspektasi[0]; got != "Menjawab permohonan warga paling lama 2 hari" {
			t.Fatalf("ekspektasi %q", got)
		}
		h.keys("end", "enter") // Konsekuensi
		requireContains(t, h.view(), "Lampiran SKP", "Dukungan sumber daya", "Konsekuensi")
		h.typeText("Teguran lisan")
		h.keys("down")
		h.typeText("Teguran tertulis")
		h.keys("ctrl+s")
		got := h.kin.stored(id).Lampiran
		if len(got.Konsekuensi) != 2 || got.Konsekuensi[1] != "Teguran tertulis" || len(got.DukunganSumberDaya) != 0 {
			t.Fatalf("lampiran %+v", got)
		}
		requireContains(t, h.view(), "1. Teguran lisan", "2. Teguran tertulis")
	})
	t.Run("deleting an RHK asks first", func(t *testing.T) {
		h := withDemoAs(t, 120, 40, "pegawai")
		id := h.kin.put(planSKP(h, 2, domain.SKPDraft))
		h.send(pushMsg{newSKPScreen(h.m.c, id)})
		h.keys("down", "f8")
		requireContains(t, h.view(), "Hapus RHK 1 \"Terkelolanya jaringan", "beserta 1 indikatornya?")
		h.keys("n")
		if len(h.kin.stored(id).RHK) != 1 {
			t.Fatal("deleted without a yes")
		}
		h.keys("f8", "y")
		if len(h.kin.stored(id).RHK) != 0 {
			t.Fatal("not deleted")
		}
		requireContains(t, h.view(), "RHK dihapus.", "Belum ada rencana hasil kerja.")
	})
	t.Run("an RHK with realisasi is kept after a revision", func(t *testing.T) {
		h := withDemoAs(t, 120, 40, "pegawai")
		s := planSKP(h, 2, domain.SKPDraft)
		s.Revision = 1
		id := h.kin.put(s)
		h.kin.work[1] = &domain.PeriodWork{ID: 1, SKPID: id, RHKID: 1, Period: 1, Realisasi: "Selesai"}
		h.send(pushMsg{newSKPScreen(h.m.c, id)})
		h.keys("down", "f8")
		requireContains(t, h.view(), "RHK 1 sudah punya rencana aksi atau realisasi, jadi tidak dapat dihapus.")
		if len(h.kin.stored(id).RHK) != 1 {
			t.Fatal("an RHK with realisasi was removed")
		}
		// The store refuses it too, whatever the screen let through.
		h.m.c.Ctx = domain.WithActor(h.m.c.Base, h.m.c.Actor)
		next := h.kin.stored(id)
		next.RHK = nil
		if err := h.kin.SaveSKP(h.m.c.Ctx, next); domain.ErrorCode(err) != domain.ECONFLICT {
			t.Fatalf("fake let the RHK go: %v", err)
		}
	})
	t.Run("tabs switch by click and by Tab", func(t *testing.T) {
		h := withDemoAs(t, 120, 40, "pegawai")
		id := h.kin.put(planSKP(h, 2, domain.SKPDisetujui))
		h.send(pushMsg{newSKPScreen(h.m.c, id)})
		s := skpScreenTop(h)
		h.view()
		x := menuWidth + 1 + s.tabX[len(s.tabX)-1][0]
		h.click(x, 2+s.tabY)
		requireContains(t, h.view(), "[Revisi]", "Belum ada versi sebelumnya.")
		h.keys("tab")
		requireContains(t, h.view(), "[Rencana]")
		h.keys("shift+tab")
		requireContains(t, h.view(), "[Revisi]")
		h.keys("tab", "tab")
		requireContains(t, h.view(), "[Pelaksanaan]")
	})
}

func TestSKPWorkBulanan(t *testing.T) {
	h := withDemoAs(t, 120, 40, "pegawai")
	set := domain.DefaultSKPSettings()
	set.Frequency = domain.Bulanan
	h.kin.settings = &set
	id := h.kin.put(planSKP(h, 2, domain.SKPDisetujui))
	h.send(pushMsg{newSKPScreen(h.m.c, id)})
	h.keys("tab")
	requireContains(t, h.view(), "Periode evaluasi kantor: Bulanan.", "Januari", "Desember")
	h.keys("down", "enter")
	requireContains(t, h.view(), "Pelaksanaan Februari", "1 Februari – 28 Februari 2026")
	h.keys("ctrl+s")
	requireContains(t, h.view(), "Isi rencana aksi atau realisasi.")
	if len(h.kin.work) != 0 {
		t.Fatal("an empty entry was stored")
	}
}

func TestSKPListMore(t *testing.T) {
	h := withDemoAs(t, 120, 40, "admin")
	h.kin.put(planSKP(h, 2, domain.SKPDiajukan))
	openKinerja(h)
	requireContains(t, footerOf(t, h), "F8 Lainnya")
	h.keys("f8")
	requireContains(t, h.view(), "Monitoring SKP", "Matriks kinerja Drs. Bambang Sutrisno, M.Si.", "Predikat kinerja organisasi", "Pengaturan SKP")
	h.keys("enter")
	if h.m.top().Title() != "Monitoring SKP" {
		t.Fatalf("Monitoring not opened:\n%s", h.view())
	}
	relogin(h, "penilai")
	openKinerja(h)
	// The footer names what a penilai gets: his staff's monitoring and
	// his matrix.
	requireContains(t, footerOf(t, h), "F8 Lainnya", "F6 SKP saya")
	h.keys("f8")
	requireContains(t, h.view(), "Monitoring SKP", "Matriks kinerja saya")
	requireAbsent(t, h.view(), "Pengaturan SKP", "Predikat kinerja organisasi")
	h.keys("down", "enter")
	requireContains(t, h.view(), "Matriks kinerja 2026")
	h.keys("esc", "f8", "enter")
	if h.m.top().Title() != "Monitoring SKP" {
		t.Fatalf("Monitoring not opened for the penilai:\n%s", h.view())
	}
	requireAbsent(t, h.view(), "! ")
	relogin(h, "pegawai")
	openKinerja(h)
	requireAbsent(t, h.view(), "F8 ")
}

// footerOf is the footer line of the whole screen; it fails the test when
// the footer is cut (its last key, F10 Keluar, is the proof).
func footerOf(t *testing.T, h *harness) string {
	t.Helper()
	lines := strings.Split(h.view(), "\n")
	f := strings.TrimRight(lines[len(lines)-1], " ")
	if !strings.HasSuffix(f, "F10 Keluar") || width(f) > h.m.w {
		t.Fatalf("footer cut at %d columns:\n%s", h.m.w, f)
	}
	return f
}

// flat is text with every run of spaces and line breaks made one space, to
// find a sentence that the screen wrapped.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// finalEval stores a final evaluation of an SKP (test set-up).
func finalEval(h *harness, skpID uint64, kind domain.EvalKind, period int) {
	h.kin.evals = append(h.kin.evals, domain.Evaluasi{ID: h.kin.nextID(), SKPID: skpID, Kind: kind, Period: period,
		Frequency: domain.Triwulanan, RatingHasil: domain.Sesuai, RatingPerilaku: domain.Sesuai,
		Predikat: domain.Baik, Final: true, FinalAt: fixedNow().Add(-48 * time.Hour), FinalBy: "penilai"})
}

func TestSKPNewcomerReview(t *testing.T) {
	t.Run("revising after final evaluations warns, and the header says so after", func(t *testing.T) {
		h := withDemoAs(t, 120, 40, "pegawai")
		id := h.kin.put(planSKP(h, 2, domain.SKPDisetujui))
		finalEval(h, id, domain.EvalPeriodik, 1)
		finalEval(h, id, domain.EvalTahunan, 0)
		h.send(pushMsg{newSKPScreen(h.m.c, id)})
		requireAbsent(t, h.view(), "dibuat sebelum revisi")
		h.keys("r")
		requireContains(t, flat(h.m.top().View()), "Evaluasi yang sudah final (Triwulan I, Tahunan) tetap tercatat dan dinilai atas "+
			"versi sebelumnya; setelah revisi disetujui, minta Admin membuka kunci evaluasi bila perlu dinilai ulang.")
		h.typeText("Tugas tambahan dari Camat")
		h.keys("ctrl+s")
		if got := h.kin.stored(id); got.Revision != 1 {
			t.Fatalf("revision not opened: %+v", got.Status)
		}
		requireContains(t, h.view(), "⚠ Evaluasi final Triwulan I, Tahunan dibuat sebelum revisi 1")
	})
	t.Run("no warning when nothing is final", func(t *testing.T) {
		h := withDemoAs(t, 120, 40, "pegawai")
		id := h.kin.put(planSKP(h, 2, domain.SKPDisetujui))
		h.send(pushMsg{newSKPScreen(h.m.c, id)})
		h.keys("r")
		requireContains(t, h.view(), "Alasan revisi")
		requireAbsent(t, flat(h.m.top().View()), "Evaluasi yang sudah final")
	})
	t.Run("the header shows name and jabatan at 120 columns, NIP where it fits", func(t *testing.T) {
		h := withDemoAs(t, 120, 40, "pegawai")
		s := planSKP(h, 2, domain.SKPDraft)
		s.AtasanPenilai = domain.PersonSnapshot{EmployeeID: 1, Nama: "Ir. Maria Fransiska Theresia Wulandari Kusumaningrum, M.Sc.",
			NIP: "197201012000032001", Jabatan: "Kepala Bagian Perencanaan dan Pengelolaan Keuangan Daerah"}
		id := h.kin.put(s)
		h.send(pushMsg{newSKPScreen(h.m.c, id)})
		v := h.view()
		requireContains(t, v, "Pegawai yang dinilai           Siti Aminah, S.Kom. · Pranata Komputer Ahli Pertama",
			"Pejabat penilai kinerja        Drs. Bambang Sutrisno, M.Si. · Camat · NIP 19700315 200003 1 002",
			"Atasan pejabat penilai kinerja Ir. Maria Fransiska Theresia Wulandari Kusumaningrum, M.Sc. · K…")
		requireAbsent(t, v, "NIP 19860926", "NIP 19720101")
	})
	t.Run("footers keep every key at 120 columns", func(t *testing.T) {
		h := withDemoAs(t, 120, 40, "pegawai")
		draft := h.kin.put(planSKP(h, 2, domain.SKPDraft))
		h.send(pushMsg{newSKPScreen(h.m.c, draft)})
		f := footerOf(t, h)
		requireContains(t, f, "a Ajukan", "Enter Ubah", "F5 RHK baru", "F6 Indikator", "F8 Hapus", "Tab Ganti tab", "Esc Kembali")
		if strings.Index(f, "a Ajukan") > strings.Index(f, "Enter Ubah") {
			t.Fatalf("the step is not first: %s", f)
		}
		h.keys("esc")
		h.kin.skps[draft].Status = domain.SKPDisetujui
		h.send(pushMsg{newSKPScreen(h.m.c, draft)})
		requireContains(t, footerOf(t, h), "r Revisi SKP")
		h.keys("tab")
		requireContains(t, footerOf(t, h), "Enter Isi realisasi", "F5 Bukti berkas", "F6 Bukti referensi")
		h.keys("enter")
		h.typeText("Memasang jaringan")
		h.keys("ctrl+s")
		file := filepath.Join(t.TempDir(), "bukti.pdf")
		if err := os.WriteFile(file, []byte("%PDF"), 0o644); err != nil {
			t.Fatal(err)
		}
		h.keys("f5")
		h.typeText(file)
		h.keys("ctrl+s", "down")
		requireContains(t, footerOf(t, h), "F7 Simpan salinan", "F8 Hapus bukti", "F5/F6 Bukti baru")
		h.keys("shift+tab", "shift+tab") // Revisi
		footerOf(t, h)
		relogin(h, "penilai")
		openKinerja(h)
		footerOf(t, h)
		h.kin.skps[draft].Status = domain.SKPDiajukan
		h.send(pushMsg{newSKPScreen(h.m.c, draft)})
		requireContains(t, footerOf(t, h), "s Setujui", "k Kembalikan")
		relogin(h, "admin")
		openKinerja(h)
		footerOf(t, h)
		h.send(pushMsg{newSKPScreen(h.m.c, draft)})
		requireContains(t, footerOf(t, h), "s Setujui", "k Kembalikan")
	})
	t.Run("next step after approval is the work, not a revision", func(t *testing.T) {
		h := withDemoAs(t, 120, 40, "pegawai")
		id := h.kin.put(planSKP(h, 2, domain.SKPDisetujui))
		h.send(pushMsg{newSKPScreen(h.m.c, id)})
		v := h.view()
		requireContains(t, v, "Langkah berikutnya: isi rencana aksi dan realisasi di tab Pelaksanaan.")
		requireAbsent(t, v, "Langkah berikutnya: r")
		requireContains(t, footerOf(t, h), "r Revisi SKP")
		relogin(h, "penilai")
		h.send(pushMsg{newSKPScreen(h.m.c, id)})
		requireContains(t, h.view(), "Langkah berikutnya: beri umpan balik, catat dialog kinerja, nilai di tab Evaluasi.")
		requireAbsent(t, h.view(), "Langkah berikutnya: r")
	})
	t.Run("Ajukan is not the next step while an RHK lacks indicators", func(t *testing.T) {
		h := withDemoAs(t, 120, 40, "pegawai")
		s := planSKP(h, 2, domain.SKPDraft)
		s.RHK = append(s.RHK, domain.RHK{ID: 3, Kategori: domain.RHKUtama, Text: "Tersusunnya laporan", Intervensi: "Meningkatnya layanan"})
		s.NextRHKID = 3
		id := h.kin.put(s)
		h.send(pushMsg{newSKPScreen(h.m.c, id)})
		requireContains(t, flat(h.m.top().View()), "Langkah berikutnya: lengkapi dulu indikator kinerja RHK 2 (pilih RHK-nya, lalu F6), "+
			"baru ajukan ke penilai.", "⚠ RHK 2 belum punya indikator kinerja individu.")
		requireContains(t, footerOf(t, h), "a Ajukan")
		requireAbsent(t, h.view(), "Langkah berikutnya: a Ajukan")
		h.keys("a") // still allowed, with the warning in the question
		requireContains(t, h.view(), "Ajukan SKP 2026", "RHK 2 belum punya indikator")
	})
	t.Run("Beranda: a penilai sees what waits for him and opens it", func(t *testing.T) {
		h := withDemoAs(t, 120, 40, "penilai")
		h.kin.put(planSKP(h, 2, domain.SKPDiajukan))
		h.kin.put(planSKP(h, 3, domain.SKPDraft))
		h.keys("f2")
		requireContains(t, h.view(), "1 SKP menunggu persetujuan Anda", "› [ Tinjau SKP yang menunggu (1) ]")
		h.keys("enter")
		if _, ok := h.m.top().(*skpList); !ok {
			t.Fatalf("the button did not open the SKP list:\n%s", h.view())
		}
		v := h.view()
		requireContains(t, v, "Siti Aminah", "Diajukan · menunggu Anda", "1 SKP", "menunggu Anda")
		requireAbsent(t, v, "Yohanes")
		h.keys("esc") // the search goes, the rest shows
		requireContains(t, h.view(), "Yohanes", "2 SKP")
		h.keys("esc")
		for _, s := range h.kin.skps { // decided meanwhile
			s.Status = domain.SKPDisetujui
		}
		h.send(reloadMsg{})
		requireAbsent(t, h.view(), "menunggu persetujuan", "Tinjau SKP")
	})
	t.Run("Beranda: a pegawai sees his returned SKP with the note", func(t *testing.T) {
		h := withDemoAs(t, 120, 40, "pegawai")
		s := planSKP(h, 2, domain.SKPDikembalikan)
		s.ReturnNote = "Target RHK 1 terlalu rendah; sesuaikan dengan RHK atasan."
		id := h.kin.put(s)
		h.keys("f2")
		requireContains(t, h.view(), "SKP Anda dikembalikan penilai: Target RHK 1 terlalu rendah", "[ Buka SKP yang dikembalikan ]")
		requireAbsent(t, h.view(), "menunggu persetujuan")
		h.keys("enter")
		if skpScreenTop(h).skpID != id {
			t.Fatal("another SKP opened")
		}
		requireContains(t, h.view(), "! Dikembalikan oleh pejabat penilai: Target RHK 1 terlalu rendah")
	})
	t.Run("the penilai's list puts what waits for him first", func(t *testing.T) {
		h := withDemoAs(t, 120, 40, "penilai")
		h.kin.put(planSKP(h, 2, domain.SKPDraft))
		h.kin.put(planSKP(h, 3, domain.SKPDiajukan))
		openKinerja(h)
		v := h.view()
		yoh, siti := strings.Index(v, "Yohanes Wenda"), strings.Index(v, "Siti Aminah")
		if yoh < 0 || siti < 0 || yoh > siti {
			t.Fatalf("the waiting SKP is not first:\n%s", v)
		}
		requireContains(t, v, "Diajukan · menunggu Anda", "1 Jan – 31 Des")
		h.keys("enter")
		if got := skpScreenTop(h).skpID; h.kin.stored(got).EmployeeID != 3 {
			t.Fatal("Enter did not open the waiting SKP")
		}
	})
}

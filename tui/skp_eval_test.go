package tui

import (
	"context"
	"strings"
	"testing"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
)

// tabHost hosts one SKP tab the way the SKP screen does (the file loaded
// through Common.Kinerja and replaced on every reload, results forwarded
// to the tab, a saved result or a tab's write reloading the file), without
// the other tabs: these tests are about the tab.
type tabHost struct {
	base
	skpID uint64
	host  *skpHost
	tab   skpTab
	req   int
}

type tabHostLoaded struct {
	req  int
	file domain.SKPFile
	set  domain.SKPSettings
	err  error
}

func newTabHost(c *Common, skpID uint64, mk func(*skpHost) skpTab) *tabHost {
	s := &tabHost{base: newBase(c), skpID: skpID}
	s.host = &skpHost{c: c, cmd: s.cmd}
	s.tab = mk(s.host)
	return s
}

func (s *tabHost) load() tea.Cmd {
	s.req++
	req, id := s.req, s.skpID
	return s.cmd(func(ctx context.Context) tea.Msg {
		m := tabHostLoaded{req: req}
		if m.file, m.err = s.c.Kinerja.SKPFile(ctx, id); m.err == nil {
			m.set, m.err = s.c.Kinerja.SKPSettings(ctx)
		}
		return m
	})
}

func (s *tabHost) Init() tea.Cmd   { return s.load() }
func (s *tabHost) Title() string   { return "SKP · " + s.tab.Title() }
func (s *tabHost) Capturing() bool { return s.tab.Capturing() }
func (s *tabHost) Keys() []KeyHelp { return s.tab.Keys() }

func (s *tabHost) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tabHostLoaded:
		if msg.req != s.req {
			return nil
		}
		if msg.err != nil {
			return failure(msg.err)
		}
		f, set := msg.file, msg.set
		s.host.file, s.host.settings = &f, &set
		return nil
	case skpDoneMsg:
		if msg.err != nil {
			return failure(msg.err)
		}
		return reload(msg.status)
	case dataChangedMsg:
		return s.load()
	case resultMsg:
		return tea.Batch(s.load(), s.tab.Update(msg))
	}
	if s.host.file == nil {
		return nil
	}
	return s.tab.Update(msg)
}

func (s *tabHost) View() string {
	if s.host.file == nil {
		return "Memuat SKP…"
	}
	return s.tab.View(s.w, s.h)
}

// sitiSKP is Siti's SKP 2026 rated by Bambang: two RHK, one Utama.
func sitiSKP(h *harness, status domain.SKPStatus) domain.SKP {
	siti, bambang := h.repo.emps[2], h.repo.emps[1]
	s := domain.NewSKP(siti, 2026, domain.Snapshot(bambang, "Sekretariat"), domain.PersonSnapshot{}, "Sekretariat", fixedNow())
	s.Status = status
	s.RHK = []domain.RHK{
		{ID: 1, Kategori: domain.RHKUtama, Text: "Terkelolanya jaringan dan aplikasi kantor kecamatan",
			Indikator: []domain.Indikator{{ID: 2, Aspek: domain.AspekKuantitas, IKI: "Aplikasi yang berjalan", Target: "4", Satuan: "Aplikasi"}}},
		{ID: 3, Kategori: domain.RHKTambahan, Text: "Tersusunnya laporan layanan TI",
			Indikator: []domain.Indikator{{ID: 4, Aspek: domain.AspekKuantitas, IKI: "Laporan", Target: "4", Satuan: "Dokumen"}}},
	}
	s.NextRHKID = 10
	return s
}

// Goldens hold the screen's own view: the menu around it belongs to the
// app and changes as areas are added.

// openTab logs in as user, stores Siti's SKP and opens one tab on it.
func openTab(t *testing.T, user string, status domain.SKPStatus, mk func(*skpHost) skpTab) (*harness, uint64) {
	t.Helper()
	h := withDemoAs(t, 120, 32, user)
	id := h.kin.put(sitiSKP(h, status))
	h.send(pushMsg{newTabHost(h.m.c, id, mk)})
	return h, id
}

// reopen logs another account in on the same data and opens the tab.
func reopen(t *testing.T, h *harness, user string, id uint64, mk func(*skpHost) skpTab) {
	t.Helper()
	h.send(logoutMsg{})
	h.login(user, "contoh123")
	if h.m.c.Account.Username != user {
		t.Fatalf("login as %s failed:\n%s", user, h.view())
	}
	h.send(pushMsg{newTabHost(h.m.c, id, mk)})
}

func TestSKPFeedbackTab(t *testing.T) {
	t.Run("penilai writes, pegawai replies, an edit keeps the earlier text", func(t *testing.T) {
		h, id := openTab(t, "penilai", domain.SKPDisetujui, newFeedbackTab)
		requireContains(t, h.view(), "Belum ada umpan balik.", "F5 untuk menulis")
		h.keys("f5")
		requireContains(t, h.view(), "Tulis umpan balik", "Sasaran *", "(belum dipilih)")
		h.keys("ctrl+s")
		requireContains(t, h.view(), "Pilih RHK atau nilai perilaku", "Umpan balik wajib diisi.")
		if h.kin.writes != 0 {
			t.Fatal("an empty feedback entry was saved")
		}
		h.keys("right") // RHK 1
		h.keys("tab", "tab")
		h.typeText("Jaringan kantor stabil; dokumentasikan konfigurasinya.")
		h.keys("ctrl+s")
		if len(h.kin.feedback) != 1 || h.kin.feedback[0].Period != 4 {
			t.Fatalf("feedback not stored for Triwulan IV: %+v", h.kin.feedback)
		}
		requireContains(t, h.view(), "Umpan balik disimpan.", "RHK 1: Terkelola", "Triwulan IV", "(penilai)")

		reopen(t, h, "pegawai", id, newFeedbackTab)
		requireAbsent(t, h.view(), "F5 Tulis")
		h.keys("f6")
		requireContains(t, h.view(), "Balas umpan balik", "Membalas", "Jaringan kantor stabil")
		h.typeText("Baik, konfigurasi saya tulis minggu ini.")
		h.keys("ctrl+s")
		requireContains(t, h.view(), "↳ balasan", "Siti Aminah, S.Kom. (pegawai)", "konfigurasi saya tulis")

		reopen(t, h, "penilai", id, newFeedbackTab)
		h.keys("up", "enter")
		requireContains(t, h.view(), "Ubah umpan balik", "Teks sebelumnya tetap tersimpan")
		h.keys("ctrl+u")
		h.typeText("Jaringan stabil; tulis konfigurasi di wiki kantor.")
		h.keys("ctrl+s")
		v := h.view()
		requireContains(t, v, "tulis konfigurasi di wiki kantor", "(diubah; teks sebelumnya: Jaringan kantor stabil; dokumentasikan konfigurasinya.")
		golden.RequireEqual(t, []byte(h.m.top().View()))
	})
	t.Run("filter by core value", func(t *testing.T) {
		h, id := openTab(t, "penilai", domain.SKPDisetujui, newFeedbackTab)
		h.kin.feedback = append(h.kin.feedback,
			domain.Feedback{ID: 1, SKPID: id, Target: domain.FeedbackTarget{Value: 2}, AuthorID: 1, AuthorName: "Bambang", Text: "Laporan tepat waktu.", Time: fixedNow()},
			domain.Feedback{ID: 2, SKPID: id, Target: domain.FeedbackTarget{RHKID: 3}, AuthorID: 1, AuthorName: "Bambang", Text: "Laporan TI lengkap.", Time: fixedNow()})
		h.send(dataChangedMsg{})
		requireContains(t, h.view(), "2 catatan", "Laporan tepat waktu.", "Laporan TI lengkap.")
		h.keys("left") // Kolaboratif … back from Semua
		h.keys("left", "left", "left", "left", "left")
		requireContains(t, h.view(), "‹ Akuntabel ›", "1 catatan", "Laporan tepat waktu.")
		requireAbsent(t, h.view(), "Laporan TI lengkap.")
	})
	t.Run("who may not write is told why", func(t *testing.T) {
		h, _ := openTab(t, "pimpinan", domain.SKPDisetujui, newFeedbackTab)
		requireContains(t, h.view(), "Hanya baca: Hanya pejabat penilai kinerja SKP ini")
		h.keys("f5")
		requireContains(t, h.view(), "Hanya pejabat penilai kinerja SKP ini")
		if _, ok := h.m.top().(*tabHost); !ok {
			t.Fatal("a form opened for Pimpinan")
		}
	})
	t.Run("draft SKP takes no feedback yet", func(t *testing.T) {
		h, _ := openTab(t, "penilai", domain.SKPDraft, newFeedbackTab)
		requireContains(t, h.view(), "SKP masih berstatus Draft")
	})
}

func TestSKPDialogTab(t *testing.T) {
	t.Run("kesepakatan not met is carried into the third dialog", func(t *testing.T) {
		h, _ := openTab(t, "penilai", domain.SKPDisetujui, newDialogTab)
		requireContains(t, h.view(), "Belum ada dialog kinerja.")
		// First dialog, 12-01-2026: klarifikasi ekspektasi with one kesepakatan.
		h.keys("f5")
		requireContains(t, h.view(), "Dialog kinerja baru", "Klarifikasi ekspektasi", "Bambang Sutrisno")
		form := h.m.top().(*dlgForm).form
		h.keys("ctrl+u")
		h.typeText("12-01-2026")
		form.focusKey("topik")
		// The picker chooses several: Enter toggles and stays, and its
		// own lines and the footer name the same keys.
		h.keys("enter")
		v := h.view()
		requireContains(t, v, "Topik dialog", "[ ] RHK 1: Terkelolanya jaringan", "Enter/Spasi pilih/lepas · Esc selesai",
			"Enter/Spasi Pilih/lepas", "0 dari 9 dipilih")
		requireAbsent(t, v, "Enter ambil", "Esc batal")
		h.keys("enter", "down", "down", "enter")
		requireContains(t, h.view(), "[x] RHK 1: Terkelolanya", "[x] Berorientasi Pelayanan", "2 dari 9 dipilih")
		h.keys("esc") // RHK 1 and Berorientasi Pelayanan
		if d := h.m.top().(*dlgForm); len(d.topics) != 2 || !d.topics[domain.FeedbackTarget{Value: 1}] {
			t.Fatalf("topics chosen: %v", d.topics)
		}
		// The field names every topic, an RHK in short.
		requireContains(t, h.view(), "‹ 2 topik: RHK 1: Terkelol…; Berorientasi Pelayanan ›")
		form.focusKey("k1_text")
		h.typeText("Menyusun SOP cadangan data")
		h.keys("tab")
		h.typeText("Siti Aminah")
		h.keys("tab")
		h.typeText("31-03-2026")
		form.focusKey("berikutnya")
		h.typeText("10-04-2026")
		h.keys("ctrl+s")
		if len(h.kin.dialogs) != 1 {
			t.Fatalf("first dialog not saved:\n%s", h.view())
		}
		// Second dialog: the SOP is carried; a new kesepakatan is added.
		h.keys("f5")
		requireContains(t, h.view(), "Dibawa otomatis dari dialog sebelumnya", "Menyusun SOP cadangan data")
		form = h.m.top().(*dlgForm).form
		h.keys("ctrl+u")
		h.typeText("10-04-2026")
		form.focusKey("k1_text")
		h.typeText("Pelatihan aplikasi untuk staf")
		form.focusKey("berikutnya")
		h.typeText("10-07-2026")
		h.keys("ctrl+s")
		// The training was done: mark it Tercapai on the second dialog.
		h.keys("enter")
		requireContains(t, h.view(), "Ubah dialog kinerja 10-04-2026", "dibawa dari dialog 12-01-2026")
		form = h.m.top().(*dlgForm).form
		form.focusKey("k2_status")
		h.keys("right")
		h.keys("ctrl+s")
		// Third dialog carries only the SOP, still marked from the first.
		h.keys("f5")
		form = h.m.top().(*dlgForm).form
		h.keys("ctrl+u")
		h.typeText("10-07-2026")
		form.focusKey("berikutnya")
		h.typeText("01-10-2026")
		h.keys("ctrl+s")
		if n := len(h.kin.dialogs); n != 3 {
			t.Fatalf("%d dialogs stored", n)
		}
		third := h.kin.dialogs[2]
		if len(third.Kesepakatan) != 1 || third.Kesepakatan[0].Carried != 2 {
			t.Fatalf("third dialog kesepakatan: %+v", third.Kesepakatan)
		}
		v = h.view()
		requireContains(t, v, "Menyusun SOP cadangan data", "Belum · dibawa dari", "dialog 12-01-2026 (2×)", "Terlambat",
			"› 10-07-2026") // the selected dialog is marked, not only coloured
		requireAbsent(t, v, "Pelatihan aplikasi untuk staf — ")
		golden.RequireEqual(t, []byte(h.m.top().View()))
		// In the first dialog the SOP is not "Belum" any more: it went on
		// into the second dialog.
		h.keys("home")
		v = h.view()
		requireContains(t, v, "› 12-01-2026", "Dialog 12-01-2026", "Menyusun SOP cadangan data — PJ: Siti Aminah · batas 31-03-2026 · dibawa ke dialog", "   10-04-2026")
		requireAbsent(t, v, "31-03-2026 · Belum")
		// Changing the first dialog says so on the kesepakatan too.
		h.keys("enter")
		requireContains(t, h.view(), "Kesepakatan 1 · dibawa ke dialog 10-04-2026")
	})
	t.Run("a new dialog keeps today and shows the agreed next date", func(t *testing.T) {
		h, id := openTab(t, "penilai", domain.SKPDisetujui, newDialogTab)
		h.kin.dialogs = append(h.kin.dialogs, domain.Dialog{ID: 50, SKPID: id, Date: domain.Date{Year: 2026, Month: 9, Day: 1},
			Kind: domain.DialogUmpanBalik, NextDate: domain.Date{Year: 2026, Month: 12, Day: 1}})
		h.send(dataChangedMsg{})
		h.keys("f5")
		v := h.view()
		requireContains(t, v, "Dialog berikutnya yang disepakati: 01-12-2026", "Tanggal dialog *        23-11-2026")
		if got := h.m.top().(*dlgForm).form.get("tanggal").value(); got != "23-11-2026" {
			t.Fatalf("the date moved to %q", got)
		}
		// A date already past is no hint.
		h.kin.dialogs[0].NextDate = domain.Date{Year: 2026, Month: 11, Day: 1}
		h.keys("esc")
		h.send(dataChangedMsg{})
		h.keys("f5")
		requireAbsent(t, h.view(), "yang disepakati")
	})
	t.Run("a wrong date is an error, nothing saved", func(t *testing.T) {
		h, _ := openTab(t, "penilai", domain.SKPDisetujui, newDialogTab)
		h.keys("f5")
		h.keys("ctrl+u")
		h.typeText("31-02-2026")
		h.keys("ctrl+s")
		requireContains(t, h.view(), "✗")
		if h.kin.writes != 0 {
			t.Fatal("a dialog with a bad date was saved")
		}
	})
	t.Run("pegawai reads dialogs but does not record them", func(t *testing.T) {
		h, _ := openTab(t, "pegawai", domain.SKPDisetujui, newDialogTab)
		requireContains(t, h.view(), "Hanya baca: Dialog kinerja dicatat oleh pejabat penilai")
		h.keys("f5")
		if _, ok := h.m.top().(*tabHost); !ok {
			t.Fatal("a dialog form opened for the pegawai")
		}
	})
}

// rate opens the selected period's form and chooses the two ratings by
// their place in domain.Ratings (0 Di Atas, 1 Sesuai, 2 Di Bawah).
func rate(h *harness, hasil, perilaku int) {
	h.t.Helper()
	h.keys("enter")
	f, ok := h.m.top().(*evForm)
	if !ok {
		h.t.Fatalf("no evaluation form:\n%s", h.view())
	}
	f.form.focusKey("hasil")
	for range hasil + 1 {
		h.keys("right")
	}
	f.form.focusKey("perilaku")
	for range perilaku + 1 {
		h.keys("right")
	}
}

func TestSKPEvalTab(t *testing.T) {
	t.Run("Di Atas and Sesuai give Baik, live and saved", func(t *testing.T) {
		h, _ := openTab(t, "penilai", domain.SKPDisetujui, newEvalTab)
		requireContains(t, h.view(), "Triwulan I", "Triwulan IV", "Tahunan", "Belum dinilai")
		requireContains(t, h.view(), "Evaluasi Triwulan IV") // today's period is selected
		rate(h, 0, 1)
		v := h.view()
		requireContains(t, v, "Predikat kinerja: Baik", "Panduan: Di Atas Ekspektasi:",
			"RHK 1 (utama) belum punya realisasi", "Angka kredit bila difinalkan: 3,125 (3 bulan)")
		golden.RequireEqual(t, []byte(h.m.top().View()))
		h.keys("ctrl+s")
		if len(h.kin.evals) != 1 || h.kin.evals[0].Predikat != domain.Baik || h.kin.evals[0].Period != 4 {
			t.Fatalf("evaluation stored: %+v", h.kin.evals)
		}
		requireContains(t, h.view(), "Evaluasi Triwulan IV disimpan.", "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Belum final")
	})
	t.Run("rating a Draft SKP is refused with the reason", func(t *testing.T) {
		h, _ := openTab(t, "penilai", domain.SKPDraft, newEvalTab)
		requireContains(t, h.view(), "Penilaian belum dapat dilakukan: SKP masih berstatus Draft")
		h.keys("enter")
		requireContains(t, h.view(), "SKP masih berstatus Draft: realisasi, umpan balik dan evaluasi dimulai setelah SKP disetujui")
		if _, ok := h.m.top().(*tabHost); !ok {
			t.Fatal("a rating form opened on a Draft SKP")
		}
	})
	t.Run("a final evaluation refuses edits; Admin unlocks with a reason", func(t *testing.T) {
		h, id := openTab(t, "penilai", domain.SKPDisetujui, newEvalTab)
		h.keys("end") // Tahunan
		rate(h, 1, 1)
		h.keys("f6")
		requireContains(t, h.view(), "Finalkan evaluasi", "predikat Baik")
		h.keys("y")
		e := h.kin.evals[0]
		if !e.Final || e.AK.String() != "12,5" || e.Snapshot.Pegawai.Jabatan != "Pranata Komputer Ahli Pertama" {
			t.Fatalf("not finalised with AK and snapshot: %+v", e)
		}
		v := h.view()
		requireContains(t, v, "Final 23-11-2026", "Angka kredit: 12,5", "Difinalkan 23-11-2026 09:30 oleh penilai",
			"› Tahunan", // the selected period is marked, not only coloured
			"Rating hasil kerja  Rating perilaku kerja  Predikat  Status") // columns apart
		golden.RequireEqual(t, []byte(h.m.top().View()))
		h.keys("enter")
		requireContains(t, h.view(), "Evaluasi Tahunan sudah final dan terkunci: tidak dapat diubah.")
		if _, ok := h.m.top().(*tabHost); !ok {
			t.Fatal("a final evaluation opened for editing")
		}
		h.keys("f8")
		requireContains(t, h.view(), "Hanya Admin yang dapat membuka kunci")

		reopen(t, h, "admin", id, newEvalTab)
		h.keys("end", "f8")
		requireContains(t, h.view(), "Buka kunci evaluasi Tahunan", "Alasan *")
		h.keys("ctrl+s")
		requireContains(t, h.view(), "Alasan membuka kunci wajib diisi.")
		if !h.kin.evals[0].Final {
			t.Fatal("unlocked without a reason")
		}
		h.typeText("Salah pilih rating perilaku")
		h.keys("ctrl+s")
		e = h.kin.evals[0]
		if e.Final || len(e.Unlocks) != 1 || e.Unlocks[0].Reason != "Salah pilih rating perilaku" {
			t.Fatalf("unlock not recorded: %+v", e)
		}
		requireContains(t, h.view(), "Belum final", "Dibuka kuncinya 23-11-2026 09:30 oleh admin: Salah pilih rating perilaku")
	})
	t.Run("distribution warning for a Baik unit of 10 with 8 Baik", func(t *testing.T) {
		h, _ := openTab(t, "penilai", domain.SKPDisetujui, newEvalTab)
		h.kin.org = append(h.kin.org, domain.OrgRating{Year: 2026, UnitID: 1, Predikat: domain.OrgBaik})
		// Nine colleagues in Sekretariat already have a final annual
		// predikat: 7 Baik, 1 Sangat Baik, 1 Butuh Perbaikan.
		preds := []domain.Predikat{domain.Baik, domain.Baik, domain.Baik, domain.Baik, domain.Baik, domain.Baik, domain.Baik, domain.SangatBaik, domain.ButuhPerbaikan}
		for i, p := range preds {
			emp := uint64(100 + i)
			sid := h.kin.put(domain.SKP{EmployeeID: emp, Year: 2026, Status: domain.SKPDisetujui,
				Pegawai: domain.PersonSnapshot{EmployeeID: emp, UnitID: 1}, Penilai: domain.PersonSnapshot{EmployeeID: 1}})
			h.kin.evals = append(h.kin.evals, domain.Evaluasi{ID: uint64(900 + i), SKPID: sid, EmployeeID: emp, Year: 2026,
				Kind: domain.EvalTahunan, Predikat: p, Final: true})
		}
		h.keys("end")
		rate(h, 1, 1) // Sesuai × Sesuai: Baik, the 8th of 10
		v := h.view()
		requireContains(t, v, "Pola distribusi Sekretariat (predikat organisasi Baik)",
			"10 dinilai", "Baik 8",
			"✗ Baik paling banyak 70% (maks. 7 dari 10 orang) — sekarang 8",
			"✓ Harus ada Butuh Perbaikan dan/atau Kurang/Misconduct",
			"Belum terpenuhi: Baik paling banyak 70%")
		golden.RequireEqual(t, []byte(h.m.top().View()))
		// A warning, never a block: the rating still saves.
		h.keys("ctrl+s")
		if len(h.kin.evals) != len(preds)+1 {
			t.Fatal("the distribution warning blocked the save")
		}
	})
	t.Run("a unit head starts from the unit's capaian", func(t *testing.T) {
		h, _ := openTab(t, "penilai", domain.SKPDisetujui, newEvalTab)
		h.repo.parents, h.repo.heads = map[uint64]uint64{}, map[uint64]uint64{1: 2}
		h.kin.org = append(h.kin.org, domain.OrgRating{Year: 2026, UnitID: 1, Predikat: domain.OrgIstimewa})
		h.keys("end", "enter")
		v := h.view()
		requireContains(t, v, "‹ Di Atas Ekspektasi ›", "Kepala unit Sekretariat: capaian unit (predikat organisasi Istimewa) menjadi rating hasil kerja")
		if h.m.top().Dirty() {
			t.Fatal("a default from data counts as an unsaved edit")
		}
	})
	t.Run("at 80×24 the table reads whole beside the menu", func(t *testing.T) {
		h := withDemoAs(t, 80, 24, "penilai")
		id := h.kin.put(sitiSKP(h, domain.SKPDisetujui))
		h.send(pushMsg{newSKPScreen(h.m.c, id)})
		h.keys("tab", "tab", "tab", "tab") // Evaluasi
		rate(h, 0, 1)                      // Triwulan IV: Di Atas × Sesuai
		h.keys("ctrl+s")
		h.keys("up")
		rate(h, 1, 1) // Triwulan III: Sesuai × Sesuai, finalised
		h.keys("f6", "y")
		v := h.view()
		requireContains(t, v, "Periode", "Hasil", "Perilaku", "Predikat", "Status",
			"› Triwulan III  Sesuai   Sesuai    Baik      Final",
			"  Triwulan IV   Di Atas  Sesuai    Baik      Belum",
			"  Tahunan       —        —         —         Belum")
		for _, l := range strings.Split(v, "\n") {
			if (strings.Contains(l, "Triwulan") || strings.Contains(l, "Tahunan") || strings.Contains(l, "Hasil")) && strings.Contains(l, "…") {
				t.Fatalf("a cut cell in the table:\n%s", v)
			}
		}
		requireAbsent(t, v, "Belum dinilai")
	})
	t.Run("the period's umpan balik in the form is wrapped, not cut", func(t *testing.T) {
		h, id := openTab(t, "penilai", domain.SKPDisetujui, newEvalTab)
		long := "Jaringan kantor stabil sepanjang triwulan; konfigurasi router sudah ditulis di wiki kantor dan cadangan harian berjalan tanpa gagal sejak Oktober."
		h.kin.feedback = append(h.kin.feedback, domain.Feedback{ID: 1, SKPID: id, Period: 4, Target: domain.FeedbackTarget{RHKID: 1},
			AuthorID: 1, AuthorName: "Bambang", Text: long, Time: fixedNow()})
		h.send(dataChangedMsg{})
		h.keys("enter")
		h.keys("pgdown", "pgdown", "pgdown")
		v := h.view()
		requireContains(t, v, "Umpan balik Triwulan IV (1)", "23-11-2026 Bambang · RHK 1: Terkelolanya jaringan",
			"tanpa gagal sejak Oktober.")
	})
	t.Run("a unit without a recorded head says why there is no head default", func(t *testing.T) {
		h, id := openTab(t, "penilai", domain.SKPDisetujui, newEvalTab)
		// Siti rated from outside her unit, as a unit head is; but no
		// unit names her (or anyone) as its head.
		h.kin.skps[id].Penilai.UnitID = 2
		h.send(dataChangedMsg{})
		h.repo.parents, h.repo.heads = map[uint64]uint64{}, map[uint64]uint64{}
		h.kin.org = append(h.kin.org, domain.OrgRating{Year: 2026, UnitID: 1, Predikat: domain.OrgIstimewa})
		h.keys("end", "enter")
		v := h.view()
		requireContains(t, v, "Unit Sekretariat belum punya kepala unit tercatat", "bila pegawai", "tidak diturunkan dari predikat organisasi Istimewa")
		requireContains(t, v, "(belum dipilih)") // no default without a head
	})
	t.Run("annual copies the last periodic evaluation", func(t *testing.T) {
		h, _ := openTab(t, "penilai", domain.SKPDisetujui, newEvalTab)
		h.keys("home", "down", "down") // Triwulan III
		rate(h, 2, 0)
		h.keys("ctrl+s")
		h.keys("end", "enter", "f7")
		requireContains(t, h.view(), "Disalin dari evaluasi Triwulan III", "Predikat kinerja: Butuh Perbaikan")
	})
}

func TestOrgRatingScreen(t *testing.T) {
	t.Run("pimpinan sets a unit's predikat", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "pimpinan")
		h.send(pushMsg{newOrgRatingScreen(h.m.c, 2026)})
		requireContains(t, h.view(), "0 dari 2 unit sudah ditetapkan", "Sekretariat", "Seksi Pemerintahan")
		h.keys("enter")
		requireContains(t, h.view(), "Predikat organisasi", "(belum ditetapkan)")
		h.keys("right", "right") // Istimewa → Baik
		h.keys("tab")
		h.typeText("92")
		h.keys("ctrl+s")
		if len(h.kin.org) != 1 || h.kin.org[0].Predikat != domain.OrgBaik || h.kin.org[0].Capaian != "92" {
			t.Fatalf("org rating stored: %+v", h.kin.org)
		}
		v := h.view()
		// The person, not the username; a bare number as a percentage.
		requireContains(t, v, "1 dari 2 unit sudah ditetapkan", "› Sekretariat", "Baik", "92%",
			"Ditetapkan oleh", "Drs. Bambang Sutrisno, M.Si.  23-11-2026", "←→ Tahun")
		requireAbsent(t, v, "pimpinan 23")
		golden.RequireEqual(t, []byte(h.m.top().View()))
		// ←/→ change the year, as in the SKP list; -/+ still do.
		h.keys("left")
		requireContains(t, h.view(), "Predikat kinerja organisasi 2025", "0 dari 2 unit")
		h.keys("right", "+")
		requireContains(t, h.view(), "Predikat kinerja organisasi 2027")
		h.keys("-")
		requireContains(t, h.view(), "Predikat kinerja organisasi 2026", "92%")
	})
	t.Run("the demo's predikat say data contoh, typed text stays", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "penilai")
		h.kin.org = append(h.kin.org,
			domain.OrgRating{Year: 2026, UnitID: 1, Predikat: domain.OrgIstimewa, Capaian: "97,5", By: "sistem:asndesk demo", Time: fixedNow()},
			domain.OrgRating{Year: 2026, UnitID: 2, Predikat: domain.OrgBaik, Capaian: "di atas target", By: "admin", Time: fixedNow()})
		h.send(pushMsg{newOrgRatingScreen(h.m.c, 2026)})
		v := h.view()
		requireContains(t, v, "97,5%", "data contoh", "di atas target  ", "admin")
		requireAbsent(t, v, "sistem:")
	})
	t.Run("a penilai only reads", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "penilai")
		h.send(pushMsg{newOrgRatingScreen(h.m.c, 2026)})
		requireContains(t, h.view(), "Hanya baca: Predikat kinerja organisasi ditetapkan oleh Pimpinan")
		h.keys("enter")
		if _, ok := h.m.top().(*orgRatingScreen); !ok {
			t.Fatal("a form opened for a penilai")
		}
	})
}

func TestSKPSettingsScreen(t *testing.T) {
	t.Run("admin changes frequency, bukti size, rounding and head mapping", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "admin")
		h.send(pushMsg{newSKPSettingsScreen(h.m.c)})
		v := h.view()
		requireContains(t, v, "Evaluasi periodik", "Triwulanan", "Ukuran maks. bukti (MB)", "5", "Istimewa", "Di Atas Ekspektasi",
			"Pembulatan pola         Maksimum ke bawah")
		requireAbsent(t, v, "Pembulatan pola distri…")
		golden.RequireEqual(t, []byte(h.m.top().View()))
		h.keys("tab", "tab")
		requireContains(t, h.view(), "Pembulatan pola distribusi predikat (batas orang dari persentase).")
		h.keys("shift+tab", "shift+tab")
		h.keys("right", "tab", "ctrl+u")
		h.typeText("abc")
		h.keys("ctrl+s")
		requireContains(t, h.view(), "Isi ukuran dalam MB")
		if h.kin.settings != nil {
			t.Fatal("bad settings saved")
		}
		h.keys("ctrl+u")
		h.typeText("2,5")
		h.keys("tab", "right")        // pembulatan → ke orang terdekat
		h.keys("tab", "tab", "right") // Baik → Di Bawah Ekspektasi
		h.keys("ctrl+s")
		s := h.kin.settings
		if s == nil || s.Frequency != domain.Bulanan || s.BuktiMaxSize != 5<<19 || s.HeadRating[domain.OrgBaik] != domain.DiBawah ||
			!s.RoundNearest {
			t.Fatalf("settings stored: %+v", s)
		}
		requireContains(t, h.view(), "Pengaturan SKP disimpan.")
	})
	t.Run("others read", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "pimpinan")
		h.send(pushMsg{newSKPSettingsScreen(h.m.c)})
		requireContains(t, h.view(), "Hanya Admin yang dapat mengubah pengaturan SKP.", "Triwulanan")
	})
}

func TestMatrixScreen(t *testing.T) {
	h := withDemoAs(t, 120, 32, "penilai")
	bambang := h.repo.emps[1]
	own := domain.NewSKP(bambang, 2026, domain.PersonSnapshot{}, domain.PersonSnapshot{}, "Sekretariat", fixedNow())
	own.Status = domain.SKPDisetujui
	own.RHK = []domain.RHK{{ID: 1, Kategori: domain.RHKUtama, Text: "Meningkatnya kualitas layanan administrasi kecamatan"},
		{ID: 2, Kategori: domain.RHKUtama, Text: "Terselenggaranya pemerintahan kecamatan yang tertib"}}
	ownID := h.kin.put(own)
	siti := sitiSKP(h, domain.SKPDisetujui)
	siti.RHK[0].IntervensiSKPID, siti.RHK[0].IntervensiRHKID, siti.RHK[0].Intervensi = ownID, 1, own.RHK[0].Text
	siti.RHK[1].Intervensi = "Tertib administrasi arsip"
	h.kin.put(siti)
	yoh := domain.NewSKP(h.repo.emps[3], 2026, domain.Snapshot(bambang, "Sekretariat"), domain.PersonSnapshot{}, "Seksi Pemerintahan", fixedNow())
	yoh.RHK = []domain.RHK{{ID: 1, Kategori: domain.RHKUtama, Text: "Terlayaninya surat pengantar warga"}}
	h.kin.put(yoh)
	h.send(pushMsg{newMatrixScreen(h.m.c, 1, 2026)})
	v := h.view()
	requireContains(t, v, "Matriks kinerja 2026", "RHK 1 (Utama): Meningkatnya kualitas layanan",
		"└ Siti Aminah, S.Kom.: Terkelolanya jaringan", "(belum ada RHK bawahan yang mengintervensi)",
		"Dihubungkan dengan teks saja", "mengintervensi \"Tertib administrasi",
		"Bawahan yang SKP-nya belum mengintervensi", "Yohanes Wenda, A.Md. (Draft, 1 RHK)", "←→ Tahun")
	requireAbsent(t, v, "-/+ Tahun")
	golden.RequireEqual(t, []byte(h.m.top().View()))
	// ←/→ change the year as in the SKP list; -/+ too.
	h.keys("left")
	requireContains(t, h.view(), "Matriks kinerja 2025", "Penilai belum punya SKP 2025")
	h.keys("right")
	requireContains(t, h.view(), "Matriks kinerja 2026", "RHK 1 (Utama): Meningkatnya kualitas layanan")
	h.keys("+", "-")
	requireContains(t, h.view(), "Matriks kinerja 2026")
}

// The screens read the forms' text as typed: a sanity check that the
// helpers keep user text inert.
func TestKinWrapInert(t *testing.T) {
	for _, l := range kinWrap("a\x1b[31mb "+strings.Repeat("x", 50), 20) {
		if strings.Contains(l, "\x1b") || width(l) > 20 {
			t.Fatalf("unsafe or too wide line %q", l)
		}
	}
	got := kinWrap("dibawa dari dialog 12-01-2026 (2×)", 24)
	if len(got) != 2 || got[1] != "12-01-2026 (2×)" {
		t.Fatalf("a date was split or the words lost: %q", got)
	}
}

// The tabs inside the real SKP screen: Tab reaches them, their keys and
// forms work there, and a saved form's reload shows the new entry.
func TestSKPTabsInSKPScreen(t *testing.T) {
	h := withDemoAs(t, 120, 32, "penilai")
	id := h.kin.put(sitiSKP(h, domain.SKPDisetujui))
	s := newSKPScreen(h.m.c, id)
	h.send(pushMsg{s})
	h.keys("tab", "tab") // Rencana → Pelaksanaan → Umpan balik
	requireContains(t, h.view(), "[Umpan balik]", "Belum ada umpan balik.")
	h.keys("f5", "right", "tab", "tab")
	h.typeText("Bagus.")
	h.keys("ctrl+s")
	requireContains(t, h.view(), "[Umpan balik]", "Bagus.", "Umpan balik disimpan.")
	h.keys("tab")
	requireContains(t, h.view(), "[Dialog kinerja]", "Belum ada dialog kinerja.")
	h.keys("tab", "end")
	rate(h, 0, 0)
	requireContains(t, h.view(), "Predikat kinerja: Sangat Baik")
	h.keys("ctrl+s")
	requireContains(t, h.view(), "[Evaluasi]", "Di Atas Ekspektasi", "Sangat Baik", "Belum final")
	h.keys("f6", "y")
	if e := h.kin.evals[0]; !e.Final || e.Kind != domain.EvalTahunan {
		t.Fatalf("not finalised from the tab: %+v", e)
	}
	requireContains(t, h.view(), "Final 23-11-2026", "Angka kredit: 18,75")
}

package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
)

func requireContains(t *testing.T, view string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(view, w) {
			t.Fatalf("screen lacks %q:\n%s", w, view)
		}
	}
}

func requireAbsent(t *testing.T, view string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if strings.Contains(view, b) {
			t.Fatalf("screen shows %q but should not:\n%s", b, view)
		}
	}
}

func TestWelcome(t *testing.T) {
	t.Run("first run shows the two ways in", func(t *testing.T) {
		h := newHarness(t, newFakeRepo(), 120, 32)
		golden.RequireEqual(t, []byte(h.view()))
	})
	t.Run("demo opens the demo office at its login", func(t *testing.T) {
		h := newHarness(t, newFakeRepo(), 120, 32)
		h.m.c.DemoLogins = "admin · pimpinan · penilai · pegawai · merit — kata sandi: contoh123"
		h.keys("enter")
		if !h.repo.hasOffice || len(h.repo.emps) != 4 {
			t.Fatalf("demo not written: office=%v emps=%d", h.repo.hasOffice, len(h.repo.emps))
		}
		requireContains(t, h.view(), "Masuk ke asndesk", "contoh123")
		golden.RequireEqual(t, []byte(h.view()))
		h.login("admin", "contoh123")
		requireContains(t, h.view(), "Jumlah pegawai", "admin (Admin)")
	})
	t.Run("new office asks for a name and units", func(t *testing.T) {
		h := newHarness(t, newFakeRepo(), 120, 32)
		h.keys("down", "enter")
		h.keys("ctrl+s")
		requireContains(t, h.view(), "Nama instansi wajib diisi.")
		if h.repo.hasOffice {
			t.Fatal("an office without a name was saved")
		}
		h.typeText("Puskesmas Cibeber")
		h.keys("tab")
		h.typeText("Tata Usaha; Pelayanan Medis ;; Farmasi")
		h.keys("tab", "ctrl+u")
		h.typeText("operator")
		h.keys("tab")
		h.typeText("Rina Operator")
		h.keys("tab")
		h.typeText("pendek")
		h.keys("ctrl+s")
		requireContains(t, h.view(), "Kata sandi minimal 8 karakter.")
		h.keys("ctrl+u")
		h.typeText("rahasia-kantor-1")
		h.keys("tab")
		h.typeText("rahasia-kantor-1")
		h.keys("ctrl+s")
		if h.m.c.Account.Username != "operator" || !h.m.c.Account.HasRole(domain.RoleAdmin) {
			t.Fatalf("not logged in as the new Admin: %+v", h.m.c.Account)
		}
		if h.repo.office.Name != "Puskesmas Cibeber" || len(h.repo.units) != 3 {
			t.Fatalf("office %q units %d", h.repo.office.Name, len(h.repo.units))
		}
		golden.RequireEqual(t, []byte(h.view()))
	})
}

func TestEmployeeList(t *testing.T) {
	t.Run("inactive hidden by default", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f3")
		requireContains(t, h.view(), "Siti Aminah", "19860926 201505 2 001", "Aktif (3)")
		requireAbsent(t, h.view(), "Hartono")
		golden.RequireEqual(t, []byte(h.view()))
	})
	t.Run("inactive one key away", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f3", "f7")
		requireContains(t, h.view(), "Hartono (Pensiun)")
		requireAbsent(t, h.view(), "Siti Aminah")
	})
	t.Run("filter as you type over nama NIP jabatan unit", func(t *testing.T) {
		for query, want := range map[string]string{"amin": "Siti Aminah", "2023 21": "Yohanes Wenda", "camat": "Bambang", "pemerintahan": "Yohanes"} {
			h := withDemo(t, 120, 32)
			h.keys("f3")
			h.typeText(query)
			requireContains(t, h.view(), want, "1 dari 3 pegawai")
		}
	})
	t.Run("typing letters never fires shortcuts", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f3")
		h.typeText("q?")
		if h.quit || h.m.overlay != nil {
			t.Fatal("q or ? acted as a shortcut inside the search field")
		}
		requireContains(t, h.view(), "Cari: q?")
	})
	t.Run("sort by golongan puts the senior first", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f3", "f6", "f6")
		v := h.view()
		if strings.Index(v, "IV/b") > strings.Index(v, "III/b") {
			t.Fatalf("IV/b should come before III/b:\n%s", v)
		}
		requireContains(t, v, "urut golongan")
	})
	t.Run("esc from detail keeps cursor and filter", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f3")
		h.typeText("a")
		h.keys("down", "enter")
		requireContains(t, h.view(), "Pegawai › ")
		h.keys("esc")
		requireContains(t, h.view(), "Cari: a")
		golden.RequireEqual(t, []byte(h.view()))
	})
	t.Run("mouse: menu, tab and row", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.click(3, 3) // "Pegawai" in the menu
		requireContains(t, h.view(), "Cari:")
		h.click(menuWidth+1+14, 2) // the "Tidak aktif" tab
		requireContains(t, h.view(), "Hartono (Pensiun)")
		h.click(menuWidth+1+5, 5) // first row: select
		h.click(menuWidth+1+5, 5) // again: open
		requireContains(t, h.view(), "Pegawai › Hartono", "Status kepegawaian         Pensiun")
	})
}

func TestEmployeeEdit(t *testing.T) {
	t.Run("edit jabatan and save", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f3")
		h.typeText("siti")
		h.keys("enter", "f5")
		for i := 0; i < 40 && h.m.top().(*employeeForm).form.focused().key != domain.FieldNamaJabatan; i++ {
			h.keys("tab")
		}
		h.keys("ctrl+u")
		h.typeText("Pranata Komputer Ahli Muda")
		if !h.m.dirty() {
			t.Fatal("form with typed text is not dirty")
		}
		h.keys("ctrl+s")
		if got := h.repo.emps[2].NamaJabatan; got != "Pranata Komputer Ahli Muda" {
			t.Fatalf("saved jabatan %q", got)
		}
		requireContains(t, h.view(), "Data Siti Aminah disimpan.", "Pranata Komputer Ahli Muda")
		golden.RequireEqual(t, []byte(h.view()))
	})
	t.Run("bad NIP blocks save and keeps what was typed", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f3", "f5")
		h.typeText("Ani Lestari")
		for i := 0; i < 40 && h.m.top().(*employeeForm).form.focused().key != domain.FieldNIP; i++ {
			h.keys("tab")
		}
		h.typeText("19860926A01505200")
		h.keys("ctrl+s")
		if h.repo.writes != 0 {
			t.Fatal("an employee with a bad NIP was written")
		}
		v := h.view()
		requireContains(t, v, "NIP hanya boleh berisi angka.", "Belum dapat disimpan", "19860926A01505200")
		golden.RequireEqual(t, []byte(v))
	})
	t.Run("warnings do not block", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f3", "f5")
		h.typeText("Rudi Hartawan")
		form := h.m.top().(*employeeForm).form
		form.focusKey(domain.FieldTanggalLahir)
		h.typeText("01-01-1990")
		form.focusKey(domain.FieldNIP)
		h.typeText("198609262015051001") // birth date differs: a warning
		requireContains(t, h.view(), "⚠")
		h.keys("ctrl+s")
		if h.repo.writes != 1 {
			t.Fatal("a profile with only warnings was not saved")
		}
		requireContains(t, h.view(), "peringatan")
	})
	t.Run("duplicate NIP from the store keeps the form", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f3", "f5")
		h.typeText("Orang Lain")
		form := h.m.top().(*employeeForm).form
		form.focusKey(domain.FieldNIP)
		h.typeText("198609262015052001")
		h.keys("ctrl+s")
		requireContains(t, h.view(), "sudah dipakai oleh Siti Aminah", "Tambah pegawai")
		if got := form.get(domain.FieldNama).value(); got != "Orang Lain" {
			t.Fatalf("typed name lost: %q", got)
		}
	})
	t.Run("store failure never loses the form", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f3", "f5")
		h.typeText("Dewi Sartika")
		h.m.top().(*employeeForm).form.focusKey(domain.FieldNIP)
		h.typeText("198609262015052002")
		h.repo.fail = errors.New("disk full")
		h.keys("ctrl+s")
		requireContains(t, h.view(), "Terjadi kesalahan internal", "Tambah pegawai", "Dewi Sartika")
	})
	t.Run("emoji typed is stored as typed", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f3", "f5")
		name := "Budi Ceria 😀"
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)})
		h.m.top().(*employeeForm).form.focusKey(domain.FieldNIP)
		h.typeText("198609262015051003")
		h.keys("ctrl+s")
		found := false
		for _, e := range h.repo.emps {
			found = found || e.Nama == name
		}
		if !found {
			t.Fatalf("%q not stored as typed", name)
		}
		requireContains(t, h.view(), "Budi Ceria 😀")
	})
	t.Run("ANSI escapes in stored text are drawn inert", func(t *testing.T) {
		repo := newFakeRepo()
		o, us, es, rs := testDemo(0, 0)
		es[1].Nama = "Siti \x1b[31mMerah\x1b[0m\x1b[2J"
		es[1].Alamat = "Jl. \x1b]0;judul\x07Mawar"
		_ = repo.LoadDemoOffice(t.Context(), o, us, es, rs)
		h := newHarness(t, repo, 120, 32)
		h.login("admin", "contoh123")
		h.keys("f3")
		v := h.view()
		if strings.Contains(v, "\x1b[31m") || strings.Contains(v, "\x1b[2J") {
			t.Fatal("an escape sequence from a name reached the terminal")
		}
		requireContains(t, v, "␛[31mMerah")
		h.typeText("merah")
		h.keys("enter")
		v = h.view()
		if strings.Contains(v, "\x1b]0;") || strings.Contains(v, "\x07") {
			t.Fatal("an OSC sequence from an address reached the terminal")
		}
		requireContains(t, v, "Jl. ␛]0;judul�Mawar")
	})
}

func TestQuit(t *testing.T) {
	t.Run("clean quits at once", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f10")
		if !h.quit {
			t.Fatal("F10 did not quit")
		}
	})
	t.Run("unsaved changes ask first", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f3", "f5")
		h.typeText("Setengah Jadi")
		h.keys("f10")
		if h.quit {
			t.Fatal("quit without asking")
		}
		golden.RequireEqual(t, []byte(h.view()))
		h.keys("esc") // Tidak
		requireContains(t, h.view(), "Setengah Jadi")
		h.keys("ctrl+c", "y")
		if !h.quit {
			t.Fatal("confirmed quit did not quit")
		}
	})
	t.Run("esc on a dirty form asks before discarding", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f3", "f5")
		h.typeText("X")
		h.keys("esc")
		requireContains(t, h.view(), "Buang perubahan")
		h.keys("enter") // focus is on Tidak
		requireContains(t, h.view(), "Tambah pegawai")
	})
	t.Run("guard turns a stray quit into the question", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f3", "f5")
		h.typeText("X")
		if _, ok := GuardQuit(h.m, tea.QuitMsg{}).(quitMsg); !ok {
			t.Fatal("QuitMsg passed the guard with unsaved edits")
		}
	})
}

func TestLayout(t *testing.T) {
	t.Run("too small", func(t *testing.T) {
		h := withDemo(t, 60, 20)
		golden.RequireEqual(t, []byte(h.view()))
	})
	t.Run("resize keeps every line inside the window", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f3")
		for _, sz := range [][2]int{{80, 24}, {132, 40}, {81, 25}} {
			h.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			lines := strings.Split(h.view(), "\n")
			if len(lines) != sz[1] {
				t.Fatalf("%dx%d: %d lines", sz[0], sz[1], len(lines))
			}
			for _, l := range lines {
				if width(l) > sz[0] {
					t.Fatalf("%dx%d: line of width %d: %q", sz[0], sz[1], width(l), l)
				}
			}
		}
	})
	t.Run("help overlay", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f3", "f1")
		golden.RequireEqual(t, []byte(h.view()))
		h.keys("enter")
		if h.m.overlay != nil {
			t.Fatal("help did not close")
		}
	})
}

func TestUnitsAndStatus(t *testing.T) {
	t.Run("add unit", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f4", "f5")
		h.typeText("Seksi Trantib")
		h.keys("enter")
		requireContains(t, h.view(), "Seksi Trantib", "Unit kerja disimpan.")
	})
	t.Run("unit in use cannot be deleted", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f4", "f8", "y")
		requireContains(t, h.view(), "masih dipakai")
		if len(h.repo.units) != 2 {
			t.Fatal("unit deleted")
		}
	})
	t.Run("status change instead of delete", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f3")
		h.typeText("yohanes")
		h.keys("enter", "f6")
		h.typeText("pindah")
		h.keys("enter")
		if h.repo.emps[3].Status != domain.StatusPindah {
			t.Fatalf("status %v", h.repo.emps[3].Status)
		}
		requireContains(t, h.view(), "Status diubah menjadi Pindah.")
	})
	t.Run("hard delete asks", func(t *testing.T) {
		h := withDemo(t, 120, 32)
		h.keys("f3", "enter", "f8")
		requireContains(t, h.view(), "untuk selamanya")
		h.keys("n")
		if len(h.repo.emps) != 4 {
			t.Fatal("deleted without a yes")
		}
		h.keys("f8", "y")
		if len(h.repo.emps) != 3 {
			t.Fatal("not deleted after yes")
		}
	})
}

// A confirmation starts on "Tidak" and Right never wraps round to "Ya":
// Right then Enter must not run the risky action.
func TestConfirmArrowsDoNotWrap(t *testing.T) {
	ran := false
	yes := func() tea.Msg { ran = true; return nil }
	d := confirmDialog(&Styles{}, "Ajukan", "Ajukan?", "Ya, ajukan", "Tidak", yes, nil)
	d.key(tea.KeyMsg{Type: tea.KeyRight})
	done, cmd := d.key(tea.KeyMsg{Type: tea.KeyEnter})
	if !done {
		t.Fatal("Enter did not close the dialog")
	}
	if cmd != nil {
		cmd()
	}
	if ran {
		t.Fatal("Right then Enter ran the Ya action")
	}
	d = confirmDialog(&Styles{}, "Ajukan", "Ajukan?", "Ya, ajukan", "Tidak", yes, nil)
	d.key(tea.KeyMsg{Type: tea.KeyLeft})
	d.key(tea.KeyMsg{Type: tea.KeyLeft})
	if _, cmd := d.key(tea.KeyMsg{Type: tea.KeyEnter}); cmd != nil {
		cmd()
	}
	if !ran {
		t.Fatal("Left then Enter did not run the Ya action")
	}
}

// The riwayat perubahan table clips each change to one line; F6 shows the
// whole record, every changed field on its own line.
func TestAuditDetail(t *testing.T) {
	h := withDemoAs(t, 120, 32, "admin")
	long := "nama_jabatan: \"Penata Layanan Operasional pada Seksi Pemberdayaan Masyarakat Desa\" → \"Analis Kebijakan Ahli Muda pada Sekretariat Kecamatan\""
	d := newAuditDetail(h.m.c, []domain.AuditEntry{{ID: 1, Time: time.Date(2026, 11, 23, 9, 30, 0, 0, time.Local),
		Account: "admin", Action: domain.ActionUpdate, Entity: "pegawai", EntityID: 7,
		Summary: []string{long, "golongan: \"III/a\" → \"III/b\""}}}, 0)
	h.send(pushMsg{d})
	v := h.view()
	requireContains(t, v, "Rincian perubahan", "23-11-2026 09:30:00 · admin · ubah · pegawai #7",
		"Analis Kebijakan Ahli Muda pada", "Sekretariat Kecamatan\"", "golongan: \"III/a\" → \"III/b\"")
}

// In a window narrower than 100 columns the sidebar would leave the screen
// 56 columns: it hides, the footer says F9 Menu, and F9 brings it back
// until the choice is made.
func TestNarrowWindowHidesMenu(t *testing.T) {
	h := withDemoAs(t, 80, 24, "admin")
	v := h.view()
	if strings.Contains(v, "Beranda          F2") {
		t.Fatalf("the sidebar is shown at 80 columns:\n%s", v)
	}
	requireContains(t, v, "F9 Menu")
	h.keys("f9")
	requireContains(t, h.view(), "Beranda          F2", "Tutup menu")
	h.keys("esc")
	if strings.Contains(h.view(), "Beranda          F2") {
		t.Fatalf("the sidebar stays after Esc:\n%s", h.view())
	}
	h2 := withDemoAs(t, 120, 32, "admin")
	requireContains(t, h2.view(), "Beranda          F2")
}

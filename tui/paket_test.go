package tui

import (
	"strings"
	"testing"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
)

// withPaket is the test office logged in as Admin with the fake PaketRepo
// wired and the default folder pinned, so paths in goldens never move.
func withPaket(t *testing.T) (*harness, *fakePaket) {
	t.Helper()
	home := docsHome
	docsHome = func() string { return "/home/kantor/asndesk" }
	t.Cleanup(func() { docsHome = home })
	h := withDemoAs(t, 120, 36, "admin")
	fp := newFakePaket()
	h.m.c.Paket = fp
	return h, fp
}

func TestPaketCreate(t *testing.T) {
	h, fp := withPaket(t)
	h.send(pushMsg{newPaketScreen(h.m.c)})
	t.Run("hub", func(t *testing.T) { golden.RequireEqual(t, []byte(h.view())) })
	h.keys("enter")
	s, ok := h.m.top().(*paketCreate)
	if !ok {
		t.Fatalf("Enter did not open Buat paket:\n%s", h.view())
	}
	t.Run("form", func(t *testing.T) { golden.RequireEqual(t, []byte(h.view())) })

	s.form.focusKey("pass")
	h.typeText("rahasia-paket")
	s.form.focusKey("pass2")
	h.typeText("rahasia-lain")
	h.keys("ctrl+s")
	mustContain(t, h.view(), "Kedua frasa sandi tidak sama.")
	if len(fp.created) != 0 {
		t.Fatal("a packet was made with mismatched passphrases")
	}
	h.keys("ctrl+u")
	h.typeText("rahasia-paket")
	s.form.focusKey("unit")
	h.keys("right") // the first unit
	h.keys("ctrl+s")
	if len(fp.created) != 1 {
		t.Fatalf("no packet made:\n%s", h.view())
	}
	c := fp.created[0]
	want := domain.PaketSlice{Kind: domain.PaketKinerja, Year: 2026, UnitID: 1}
	if c.slice != want || c.pass != "rahasia-paket" || c.rcpts != nil || c.path != "/home/kantor/asndesk/paket kinerja 2026 Sekretariat.paket" {
		t.Fatalf("made %+v", c)
	}
	t.Run("saved", func(t *testing.T) { golden.RequireEqual(t, []byte(h.view())) })

	// Locked for a recipient key instead.
	s.form.focusKey("kunci")
	h.keys("right")
	s.form.focusKey("penerima")
	h.typeText("age1abc, age1def")
	s.form.focusKey("berkas")
	h.keys("ctrl+u")
	h.typeText("E:\\untuk-bkd.age")
	h.keys("ctrl+s")
	c = fp.created[1]
	if c.pass != "" || len(c.rcpts) != 1 || c.rcpts[0] != "age1abc, age1def" || c.path != "E:\\untuk-bkd.age" {
		t.Fatalf("made %+v", c)
	}
}

func TestPaketReceive(t *testing.T) {
	h, fp := withPaket(t)
	h.send(pushMsg{newPaketReceive(h.m.c)})
	s := h.m.top().(*paketReceive)
	h.keys("ctrl+s")
	mustContain(t, h.view(), "Isi lokasi berkas paket.", "Isi frasa sandi paket.")
	h.typeText("E:\\kinerja.age")
	s.form.focusKey("pass")
	h.typeText("rahasia-paket")
	h.keys("ctrl+s")
	if len(fp.opened) != 1 || fp.opened[0] != "E:\\kinerja.age|rahasia-paket|" {
		t.Fatalf("opened %q", fp.opened)
	}
	t.Run("preview", func(t *testing.T) { golden.RequireEqual(t, []byte(h.view())) })

	// Down to the first conflict: its differences show; Space takes the
	// packet's version. A new record cannot be toggled.
	h.keys("down", " ")
	if !s.take["pegawai|198609262015052001"] {
		t.Fatal("Space did not choose the packet's version")
	}
	h.keys("down", " ")
	if len(s.take) != 1 {
		t.Fatalf("a new record was toggled: %v", s.take)
	}
	h.keys("up")
	t.Run("conflict chosen", func(t *testing.T) { golden.RequireEqual(t, []byte(h.view())) })

	// Tab filters by status.
	h.keys("tab", "tab")
	mustContain(t, h.view(), "Tampilkan: Berbeda", "Siti Aminah")
	if len(s.visible) != 1 {
		t.Fatalf("Berbeda shows %d", len(s.visible))
	}
	h.keys("tab", "tab", "tab")

	// Ctrl+S asks first, naming the counts; "Tidak" writes nothing.
	h.keys("ctrl+s")
	mustContain(t, h.view(), "Gabungkan paket ke data ini? 2 data baru ditambahkan; 1 data", "berbeda memakai versi paket; 1 data berbeda tetap memakai versi")
	h.keys("enter") // the safe default: Tidak
	if len(fp.applied) != 0 {
		t.Fatal("applied without a yes")
	}
	h.keys("ctrl+s", "y")
	if len(fp.applied) != 1 || len(fp.applied[0]) != 1 || !fp.applied[0]["pegawai|198609262015052001"] {
		t.Fatalf("applied %v", fp.applied)
	}
	mustContain(t, h.view(), "Paket digabungkan: 2 baru, 1 diganti versi paket, 1 tetap versi di sini, 1 sama, 1 berkas bukti.")
	if s.plan != nil {
		t.Fatal("the plan should be gone after the merge")
	}
}

func TestPaketReceiveErrors(t *testing.T) {
	h, fp := withPaket(t)
	h.send(pushMsg{newPaketReceive(h.m.c)})
	s := h.m.top().(*paketReceive)
	s.form.focusKey("kunci")
	h.keys("right")
	s.form.focusKey("berkas")
	h.typeText("paket.age")
	s.form.focusKey("identitas")
	h.typeText("kunci.txt")
	fp.fail = domain.Errorf(domain.EINVALID, "Paket ini tidak dikunci untuk kunci Anda: identitas yang dipilih tidak cocok dengan penerimanya.")
	h.keys("ctrl+s")
	mustContain(t, h.view(), "Paket ini tidak dikunci untuk kunci Anda")
	if fp.opened[0] != "paket.age||kunci.txt" || s.plan != nil {
		t.Fatalf("opened %q", fp.opened)
	}
}

func TestPaketKey(t *testing.T) {
	h, fp := withPaket(t)
	h.send(pushMsg{newPaketScreen(h.m.c)})
	h.keys("down", "down", "enter")
	if _, ok := h.m.top().(*paketKeyForm); !ok {
		t.Fatalf("no key form:\n%s", h.view())
	}
	h.keys("ctrl+s")
	if len(fp.keys) != 1 || fp.keys[0] != "/home/kantor/asndesk/kunci-paket.txt" {
		t.Fatalf("keys %q", fp.keys)
	}
	mustContain(t, h.view(), "age1qyqszqgpqyqszqgp", "Berkas identitas (rahasia): /home/kantor/asndesk/kunci-paket.txt",
		"Kunci age1… di atas juga tertulis di berkas identitas itu", "Yang diberikan kepada pengirim hanya kunci age1…",
		"rahasia di komputer ini: jangan dibagikan")
}

// TestPaketBusy: while the packet is made or opened the screen says so and
// a second Ctrl+S does nothing; the footer fits F1 and F10 at 120 columns
// with one Esc.
func TestPaketBusy(t *testing.T) {
	h, fp := withPaket(t)
	h.send(pushMsg{newPaketCreate(h.m.c)})
	s := h.m.top().(*paketCreate)
	s.form.focusKey("pass")
	h.typeText("rahasia-paket")
	s.form.focusKey("pass2")
	h.typeText("rahasia-paket")
	_, first := h.m.Update(keyMsg("ctrl+s"))
	mustContain(t, h.view(), "Membuat paket…", "[ Menyimpan… ]")
	_, second := h.m.Update(keyMsg("ctrl+s"))
	h.run(first)
	h.run(second)
	if len(fp.created) != 1 {
		t.Fatalf("%d packets made by two presses", len(fp.created))
	}
	mustContain(t, h.view(), "Tersimpan: /home/kantor/asndesk/paket kinerja 2026.paket")

	h.send(pushMsg{newPaketReceive(h.m.c)})
	r := h.m.top().(*paketReceive)
	h.typeText("E:\\kinerja.paket")
	r.form.focusKey("pass")
	h.typeText("rahasia-paket")
	_, first = h.m.Update(keyMsg("ctrl+s"))
	mustContain(t, h.view(), "Membuka paket…")
	_, second = h.m.Update(keyMsg("ctrl+s"))
	h.run(first)
	h.run(second)
	if len(fp.opened) != 1 {
		t.Fatalf("opened %q", fp.opened)
	}
	for _, w := range []int{120, 100} {
		h.send(tea.WindowSizeMsg{Width: w, Height: 30})
		v := h.view()
		footer := v[strings.LastIndex(v, "\n")+1:]
		if strings.Count(footer, "Esc Kembali") != 1 || !strings.Contains(footer, "F1 Bantuan · F10 Keluar") {
			t.Fatalf("footer at %d columns %q", w, footer)
		}
	}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 36})
	// The details of the conflict wrap instead of cutting the riwayat line.
	h.keys("down")
	mustContain(t, h.view(), "Golongan: «III/c» → «III/b»", "hanya ada di sini, dihapus", "mengikuti versi paket")
}

package tui

import (
	"slices"
	"testing"

	"asndesk/domain"
	"asndesk/domain/importer"

	"github.com/charmbracelet/x/exp/golden"
)

// simpegGrid is a SIMPEG-like sheet in capitals: a title row above the
// column titles, one existing employee with a new gelar and golongan (her
// name differs in case only), one new employee in a new unit without a
// TMT, one NIP Excel rounded, one existing employee whose golongan the file
// cannot date, and a column asndesk does not know.
func simpegGrid() importer.Grid {
	t := func(s ...string) []importer.Cell {
		out := make([]importer.Cell, len(s))
		for i, v := range s {
			out[i] = importer.Cell{Text: v}
		}
		return out
	}
	return importer.Grid{Sheet: "Pegawai", Rows: [][]importer.Cell{
		t("DAFTAR PEGAWAI KECAMATAN CONTOH"),
		t("NO", "NIP BARU", "NAMA", "GELAR BLK", "GOL/RUANG", "TMT GOL", "UNOR", "KETERANGAN"),
		t("1", "198609262015052001", "SITI AMINAH", "M.Kom.", "III/c", "01-04-2026", "SEKRETARIAT", ""),
		t("2", "199203142019031004", "RUDI HARTONO", "", "III/a", "", "Seksi Kesejahteraan Sosial", "baru"),
		{{Text: "3"}, {Text: "198501012010011000", Number: true}, {Text: "ANI"}, {}, {Text: "II/c"}, {}, {Text: "Sekretariat"}},
		t("4", "199001152023211005", "YOHANES WENDA", "", "IX", "", "", ""),
	}}
}

func importHarness(t *testing.T) (*harness, *fakeImport) {
	t.Helper()
	h := withDemo(t, 110, 30)
	imp := newFakeImport(h.repo)
	imp.files["D:\\unduhan\\pegawai.xlsx"] = simpegGrid()
	imp.files["D:\\unduhan\\pegawai-2.xlsx"] = simpegGrid()
	h.m.c.Import = imp
	h.send(pushMsg{newImportScreen(h.m.c, importer.Pegawai)})
	return h, imp
}

func TestImportScreenSteps(t *testing.T) {
	h, imp := importHarness(t)
	t.Run("file", func(t *testing.T) {
		golden.RequireEqual(t, []byte(h.view()))
	})
	t.Run("missing file", func(t *testing.T) {
		h.typeText("D:\\salah.xlsx")
		h.keys("enter")
		requireContains(t, h.view(), "Berkas D:\\salah.xlsx tidak ditemukan. Periksa nama dan foldernya.", "1 Berkas")
		// Ctrl+U empties the whole path, wherever the cursor is.
		h.keys("left", "left", "ctrl+u")
		if v := h.m.top().(*importScreen).form.get("path").value(); v != "" {
			t.Fatalf("path %q after Ctrl+U", v)
		}
		requireAbsent(t, h.view(), "tidak ditemukan")
	})
	t.Run("columns", func(t *testing.T) {
		h.typeText("D:\\unduhan\\pegawai.xlsx")
		h.keys("enter")
		golden.RequireEqual(t, []byte(h.view()))
	})
	s := h.m.top().(*importScreen)
	auto := append([]importer.Field(nil), s.mapping.Fields...)
	t.Run("change a field", func(t *testing.T) {
		// KETERANGAN is the last listed column. → offers only fields no
		// other column has: NIP, NAMA and the rest stay where they are.
		h.keys("end", "right")
		want := append(append([]importer.Field(nil), auto[:7]...), importer.FGelarDepan)
		if !slices.Equal(s.mapping.Fields, want) {
			t.Fatalf("mapping %v, want %v", s.mapping.Fields, want)
		}
		// ← goes back to (abaikan) and on round to the last free field.
		h.keys("left")
		if s.mapping.Fields[7] != importer.None {
			t.Fatalf("mapping %v", s.mapping.Fields)
		}
		h.keys("left")
		if s.mapping.Fields[7] != importer.FTahunLulus {
			t.Fatalf("← from (abaikan) gave %v", s.mapping.Fields[7])
		}
		h.keys("right")
		if s.mapping.Fields[7] != importer.None {
			t.Fatalf("→ from the last field gave %v", s.mapping.Fields[7])
		}
		// A full round offers every free field once and never touches
		// another column.
		seen := map[importer.Field]bool{}
		for {
			h.keys("right")
			f := s.mapping.Fields[7]
			if f == importer.None {
				break
			}
			if seen[f] || slices.Contains(auto, f) || len(seen) > 40 {
				t.Fatalf("offered %v twice or in use; seen %v", f, seen)
			}
			seen[f] = true
			if !slices.Equal(s.mapping.Fields[:7], auto[:7]) {
				t.Fatalf("another column changed: %v", s.mapping.Fields)
			}
		}
		used := 0 // fields the titles gave
		for _, f := range auto {
			if f != importer.None {
				used++
			}
		}
		if len(seen) != len(importer.Pegawai.Fields())-used {
			t.Fatalf("offered %d fields: %v", len(seen), seen)
		}
	})
	t.Run("F6 recognises the titles again", func(t *testing.T) {
		h.keys("home", "down", "down", "right") // NAMA → the next free field
		if s.mapping.Fields[2] != importer.FGelarDepan {
			t.Fatalf("mapping %v", s.mapping.Fields)
		}
		requireContains(t, h.view(), "F6 Kenali ulang", "F10 Keluar", "+/- memilih baris judul lain")
		h.keys("f6")
		if !slices.Equal(s.mapping.Fields, auto) {
			t.Fatalf("after F6 %v, want %v", s.mapping.Fields, auto)
		}
	})
	t.Run("title row", func(t *testing.T) {
		want := append([]importer.Field(nil), s.mapping.Fields...)
		h.keys("-")
		requireContains(t, h.view(), "judul kolom di baris 1", "A  DAFTAR PEGAWAI KECAMATAN C…", "NIP BARU · 1986")
		h.keys("+")
		requireContains(t, h.view(), "judul kolom di baris 2")
		for i := range want {
			if s.mapping.Fields[i] != want[i] {
				t.Fatalf("mapping %v, want %v", s.mapping.Fields, want)
			}
		}
	})
	t.Run("preview", func(t *testing.T) {
		h.keys("enter")
		golden.RequireEqual(t, []byte(h.view()))
	})
	t.Run("filter and detail", func(t *testing.T) {
		h.keys("tab", "tab", "tab") // Galat
		requireContains(t, h.view(), "ANI", "NIP 1985010120100")
		h.keys("enter")
		golden.RequireEqual(t, []byte(h.view()))
		h.keys("esc", "shift+tab") // Diperbarui
		h.keys("enter")
		v := h.view()
		// One line per change; the name differs in case only and is no change.
		requireContains(t, v, "Baris 3 — diperbarui — 198609262015052001 Siti Aminah", "│  GELAR BELAKANG: «S.Kom.» → «M.Kom.»",
			"│  GOLONGAN: «III/b» → «III/c»")
		requireAbsent(t, v, "↵", "NAMA:")
		h.keys("esc", "tab", "tab", "tab") // Tidak berubah
		requireContains(t, h.view(), "! 6     tidak berubah", "Golongan tetap VII (di ber")
		h.keys("tab") // back to Semua
	})
	t.Run("mouse", func(t *testing.T) {
		// The list's first row is line 8 of the content; the content box
		// starts 2 lines down, right of the 35-column menu.
		top := s.top + 2
		h.click(50, top+1)
		if s.list.cursor != 1 {
			t.Fatalf("cursor %d after a click on the second row (top %d, shown %v, filter %d)", s.list.cursor, s.top, s.shown, s.filter)
		}
		h.click(50, top+1)
		requireContains(t, h.view(), "Baris 4 — baru — 199203142019031004 RUDI HARTONO", "peringatan: Unit kerja «Seksi Kesejahteraan Sosial» belum ada;",
			"peringatan: Golongan III/a dicatat di profil")
		h.keys("esc")
	})
	t.Run("esc steps back keeping the mapping", func(t *testing.T) {
		want := append([]importer.Field(nil), s.mapping.Fields...)
		h.keys("esc")
		requireContains(t, h.view(), "KOLOM DI BERKAS")
		h.keys("esc")
		requireContains(t, h.view(), "Baca berkas (Enter)")
		h.keys("enter")
		if len(imp.reads) != 3 || s.step != stepColumns {
			t.Fatalf("reads %q step %d", imp.reads, s.step)
		}
		for i := range want {
			if s.mapping.Fields[i] != want[i] {
				t.Fatalf("mapping lost: %v, want %v", s.mapping.Fields, want)
			}
		}
		h.keys("enter")
	})
	t.Run("another file is recognised afresh", func(t *testing.T) {
		h.keys("esc")
		h.keys("home", "down", "down", "right") // NAMA → GELAR DEPAN
		if slices.Equal(s.mapping.Fields, auto) {
			t.Fatal("the mapping did not change")
		}
		h.keys("esc", "ctrl+u")
		h.typeText("D:\\unduhan\\pegawai-2.xlsx")
		h.keys("enter")
		if !slices.Equal(s.mapping.Fields, auto) {
			t.Fatalf("mapping %v, want %v", s.mapping.Fields, auto)
		}
		h.keys("esc", "ctrl+u")
		h.typeText("D:\\unduhan\\pegawai.xlsx")
		h.keys("enter", "enter")
	})
	t.Run("Enter on the safe button says nothing was saved", func(t *testing.T) {
		h.keys("ctrl+s", "enter")
		requireContains(t, h.view(), "Impor belum disimpan; tidak ada yang ditulis.", "3 Pratinjau")
		if len(imp.applied) != 0 {
			t.Fatalf("applied %d reports", len(imp.applied))
		}
	})
	t.Run("confirm", func(t *testing.T) {
		h.keys("ctrl+s")
		golden.RequireEqual(t, []byte(h.view()))
	})
	t.Run("stale preview", func(t *testing.T) {
		imp.fail = domain.Errorf(domain.ECONFLICT, "Data pegawai berubah sejak pratinjau; buat pratinjau lagi.")
		h.keys("y")
		requireContains(t, h.view(), "Data pegawai berubah sejak pratinjau; buat pratinjau lagi.", "3 Pratinjau")
		imp.fail = nil
	})
	t.Run("done", func(t *testing.T) {
		h.keys("f5", "ctrl+s", "y")
		golden.RequireEqual(t, []byte(h.view()))
		if len(imp.applied) != 1 {
			t.Fatalf("applied %d reports", len(imp.applied))
		}
		var rudi, siti domain.Employee
		for _, e := range h.repo.emps {
			switch e.NIP {
			case "199203142019031004":
				rudi = e
			case "198609262015052001":
				siti = e
			}
		}
		if rudi.ID == 0 || h.m.c.UnitName(rudi.UnitID) != "Seksi Kesejahteraan Sosial" || rudi.Golongan != "III/a" ||
			siti.Golongan != "III/c" || siti.GelarBelakang != "M.Kom." || siti.Nama != "Siti Aminah" {
			t.Fatalf("rudi %+v siti %+v", rudi, siti)
		}
	})
}

func TestImportScreenNothingToWrite(t *testing.T) {
	h, imp := importHarness(t)
	g := simpegGrid()
	g.Rows = g.Rows[:2]
	g.Rows = append(g.Rows, simpegGrid().Rows[4])
	imp.files["D:\\galat.csv"] = g
	h.typeText("D:\\galat.csv")
	h.keys("enter", "enter")
	requireContains(t, h.view(), "Baru: 0  Diperbarui: 0  Tidak berubah: 0  Galat: 1")
	h.keys("tab")
	requireContains(t, h.view(), "Tidak ada baris dengan status ini.")
	h.keys("ctrl+s")
	requireContains(t, h.view(), "Tidak ada baris yang dapat diimpor: semua baris bergalat atau sudah sama dengan data.")
	if len(imp.applied) != 0 {
		t.Fatal("nothing may be applied")
	}
}

func TestImportScreenRiwayatPangkat(t *testing.T) {
	h := withDemo(t, 110, 30)
	imp := newFakeImport(h.repo)
	h.m.c.Import = imp
	cells := func(s ...string) []importer.Cell {
		out := make([]importer.Cell, len(s))
		for i, v := range s {
			out[i] = importer.Cell{Text: v}
		}
		return out
	}
	imp.files["pangkat.csv"] = importer.Grid{Rows: [][]importer.Cell{
		cells("NIP", "GOL", "TMT", "NO SK"),
		cells("198609262015052001", "III/c", "01-04-2026", "823/7/2026"),
		cells("199912312025011001", "II/a", "01-01-2025", ""),
	}}
	h.send(pushMsg{newImportScreen(h.m.c, importer.RiwayatPangkat)})
	requireContains(t, h.view(), "Impor riwayat pangkat", "baris satu kenaikan pangkat: NIP, golongan, TMT golongan")
	h.typeText("pangkat.csv")
	h.keys("enter")
	requireContains(t, h.view(), "CSV, judul kolom di baris 1", "TMT GOLONGAN", "NO SK")
	h.keys("enter")
	requireContains(t, h.view(), "Baru: 1  Diperbarui: 0  Tidak berubah: 0  Galat: 1",
		"galat         199912312025011001")
	h.keys("ctrl+s")
	requireContains(t, h.view(), "Simpan 1 entri riwayat pangkat baru? 1 baris bergalat dilewati.")
	h.keys("y")
	requireContains(t, h.view(), "Impor selesai: 1 entri riwayat pangkat baru; 1 baris bergalat dilewati.")
}

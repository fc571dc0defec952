package tui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

func TestExchangeHub(t *testing.T) {
	t.Run("Admin finds every bulk exchange in one menu entry", func(t *testing.T) {
		h, _ := withDocs(t, "admin")
		h.m.c.Paket = newFakePaket()
		h.m.c.Import = newFakeImport(h.repo)
		requireContains(t, h.view(), "Impor & ekspor")
		h.send(forceAreaMsg{areaExchange})
		v := h.view()
		requireContains(t, v, "Impor pegawai dari Excel/CSV", "Impor riwayat pangkat", "Impor riwayat jabatan",
			"Ekspor untuk SIASN / e-Kinerja", "Paket serah terima", "Kop surat & kertas cetak",
			"Anda melihat pratinjau setiap baris")
		golden.RequireEqual(t, []byte(v))
		h.keys("down")
		requireContains(t, flat(h.view()), "NIP, golongan, TMT, nomor dan tanggal SK")
		h.keys("up", "enter")
		if _, ok := h.m.top().(*exchangeScreen); ok {
			t.Fatalf("Enter did not open the import:\n%s", h.view())
		}
		requireContains(t, h.view(), "Impor")
	})

	t.Run("other roles do not get the entry", func(t *testing.T) {
		h, _ := withDocs(t, "pegawai")
		requireAbsent(t, h.view(), "Impor & ekspor")
	})
}

func TestNationalExport(t *testing.T) {
	t.Run("rw-skp22 writes the year's final annual evaluations", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		twoSKPs(h)
		h.send(pushMsg{newNationalExport(h.m.c)})
		h.keys("ctrl+s")
		x := fd.lastSheets()
		if len(x.sheets) != 1 || len(x.sheets[0].Rows) != 1 {
			t.Fatalf("exported %+v", x)
		}
		if want := filepath.Join("/home/kantor/asndesk", "rw-skp22 2026.xlsx"); x.path != want || x.format != "xlsx" {
			t.Fatalf("path %q format %q, want %q xlsx", x.path, x.format, want)
		}
		requireContains(t, strings.Join(x.sheets[0].Columns, "|"), "hasilKinerja", "perilakuKerja")
		requireContains(t, h.view(), "Tersimpan: /home/kantor/asndesk/rw-skp22 2026.xlsx (1 baris)")
	})

	t.Run("progress harian asks for the NIP and refuses an unknown one", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		twoSKPs(h)
		h.send(pushMsg{newNationalExport(h.m.c)})
		requireAbsent(t, h.view(), "NIP pegawai")
		h.keys("right")
		h.keys("right")
		requireContains(t, h.view(), "NIP pegawai")
		h.keys("ctrl+s")
		requireContains(t, flat(h.view()), "Tulis NIP 18 angka pegawai yang realisasinya diekspor.")
		if len(fd.sheets) != 0 {
			t.Fatalf("wrote %+v", fd.sheets)
		}
		h.keys("tab", "tab")
		h.typeText("199001012020121001")
		h.keys("ctrl+s")
		requireContains(t, flat(h.view()), "tidak mempunyai SKP tahun 2026")
	})

	t.Run("no final evaluation: a message, no file", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		h.send(pushMsg{newNationalExport(h.m.c)})
		h.keys("ctrl+s")
		requireContains(t, flat(h.view()), "Tidak ada baris untuk diekspor")
		if len(fd.sheets) != 0 {
			t.Fatalf("wrote %+v", fd.sheets)
		}
	})
}

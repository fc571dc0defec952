package tui

import (
	"strings"
	"testing"

	"asndesk/domain"

	"github.com/charmbracelet/x/exp/golden"
)

// withRiwayat gives Siti (id 2) a pangkat history whose KGB falls inside
// the reminder window of the fixed clock (23-11-2026).
func withRiwayat(t *testing.T) *harness {
	t.Helper()
	h := withDemoAs(t, 120, 32, "admin")
	h.repo.riwayat = map[uint64][]domain.Riwayat{
		2: {{ID: 501, EmployeeID: 2, Kind: domain.RwPangkat, Pangkat: &domain.RwPangkatData{Golongan: "III/a",
			TMT: domain.Date{Year: 2016, Month: 5, Day: 1}, JenisKP: "Pengangkatan CPNS/PNS", MKGTahun: 0}},
			{ID: 502, EmployeeID: 2, Kind: domain.RwPangkat, Pangkat: &domain.RwPangkatData{Golongan: "III/b",
				TMT: domain.Date{Year: 2021, Month: 4, Day: 1}, JenisKP: "Reguler", MKGTahun: 4}},
			{ID: 503, EmployeeID: 2, Kind: domain.RwGaji, Gaji: &domain.RwGajiData{TMT: domain.Date{Year: 2025, Month: 4, Day: 1},
				GajiLama: 3000000, GajiBaru: 3100000, MKGTahun: 8}},
		},
	}
	h.send(reloadMsg{})
	return h
}

func TestRiwayat(t *testing.T) {
	t.Run("list newest first and add a pangkat", func(t *testing.T) {
		h := withRiwayat(t)
		h.keys("f3")
		h.typeText("siti")
		h.keys("enter", "f7")
		v := h.view()
		requireContains(t, v, "Riwayat pangkat/golongan", "III/b – Penata Muda Tingkat I")
		if strings.Index(v, "01-04-2021") > strings.Index(v, "01-05-2016") {
			t.Fatalf("riwayat not newest first:\n%s", v)
		}
		golden.RequireEqual(t, []byte(v))
		h.keys("f5")
		requireContains(t, h.view(), "Tambah riwayat pangkat/golongan", "Golongan *")
		h.keys("ctrl+s")
		if h.repo.writes != 0 {
			t.Fatal("an empty pangkat entry was saved")
		}
		form := h.m.top().(*riwayatForm).form
		form.get("golongan").choice = indexOf(golonganCodes(domain.KindPNS), "III/c")
		form.focusKey("tmt")
		h.typeText("01-04-2025")
		h.keys("ctrl+s")
		if got := h.repo.emps[2].Golongan; got != "III/c" {
			t.Fatalf("profile golongan %q, want III/c from the new riwayat", got)
		}
		requireContains(t, h.view(), "01-04-2025", "III/c")
	})
	t.Run("pegawai reads own riwayat but cannot add", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "pegawai")
		h.keys("f3", "enter", "f7")
		requireContains(t, h.view(), "Riwayat pangkat/golongan", "Belum ada riwayat.")
		requireAbsent(t, h.view(), "F5 Tambah")
		h.keys("f5")
		if _, ok := h.m.top().(*riwayatScreen); !ok {
			t.Fatal("F5 opened a form for a Pegawai")
		}
	})
	t.Run("every kind has a form that opens", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "admin")
		e := h.repo.emps[2]
		for _, k := range domain.RiwayatKinds() {
			f := newRiwayatForm(h.m.c, e, k, nil)
			if len(f.form.fields) == 0 {
				t.Fatalf("%s has no fields", k)
			}
			f.SetSize(90, 25)
			if v := f.View(); !strings.Contains(v, "Simpan") {
				t.Fatalf("%s form does not render:\n%s", k, v)
			}
		}
	})
}

func TestReports(t *testing.T) {
	t.Run("pengingat lists what falls due", func(t *testing.T) {
		h := withRiwayat(t)
		h.send(forceAreaMsg{areaReminders})
		v := h.view()
		requireContains(t, v, "KGB", "Siti Aminah")
		golden.RequireEqual(t, []byte(v))
	})
	t.Run("beranda counts reminders", func(t *testing.T) {
		h := withRiwayat(t)
		h.keys("f2")
		requireContains(t, h.view(), "Pengingat", "KGB ")
	})
	t.Run("duk puts the senior first and leaves PPPK out", func(t *testing.T) {
		h := withRiwayat(t)
		h.send(forceAreaMsg{areaDUK})
		v := h.view()
		requireContains(t, v, "Bambang", "Siti Aminah")
		requireAbsent(t, v, "Yohanes", "Hartono")
		if strings.Index(v, "Bambang") > strings.Index(v, "Siti") {
			t.Fatalf("IV/b should precede III/b:\n%s", v)
		}
	})
	t.Run("nominatif filters and chooses columns", func(t *testing.T) {
		h := withRiwayat(t)
		h.send(forceAreaMsg{areaNominatif})
		requireContains(t, h.view(), "3 pegawai", "Bambang")
		form := h.m.top().(*nominatifScreen).form
		form.focusKey("kind")
		h.keys("right", "right", "right") // (semua) → PNS → CPNS → PPPK
		requireContains(t, h.view(), "1 pegawai", "Yohanes")
		requireAbsent(t, h.view(), "Bambang")
		h.keys("f6")
		requireContains(t, h.view(), "Pilih kolom")
		picker := h.m.top().(*columnPicker).form
		picker.focusKey("usia")
		h.keys("right")
		picker.focusKey("jabatan")
		h.keys("left")
		h.keys("ctrl+s")
		requireContains(t, h.view(), "Usia", "36")
	})
	t.Run("statistik draws bars with numbers", func(t *testing.T) {
		h := withRiwayat(t)
		h.send(forceAreaMsg{areaStats})
		v := h.view()
		requireContains(t, v, "IV/b", "█", "3 pegawai aktif")
		h.keys("right", "right", "right")
		requireContains(t, h.view(), "Laki-laki", "Perempuan")
	})
	t.Run("reports are not offered to a pegawai", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "pegawai")
		requireAbsent(t, h.view(), "Pengingat", "Nominatif", "DUK")
	})
}

func TestOrganisation(t *testing.T) {
	t.Run("tree with a sub-unit", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "admin")
		h.keys("f4", "f5")
		h.typeText("Subbagian Umum")
		form := h.m.top().(*unitForm).form
		form.get("parent").choice = 1 // the first unit of the tree: Sekretariat
		h.keys("ctrl+s")
		v := h.view()
		requireContains(t, v, "└ Subbagian Umum", "Sekretariat")
		golden.RequireEqual(t, []byte(v))
	})
	t.Run("atasan map refuses self rating", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "admin")
		h.keys("f4", "f7")
		requireContains(t, h.view(), "Peta atasan 2026", "tanpa atasan")
		err := h.repo.SetAtasan(h.m.c.Ctx, domain.AtasanEntry{Year: 2026, EmployeeID: 2, AtasanID: 2})
		if err == nil {
			t.Fatal("self rating accepted")
		}
	})
}

func TestSettings(t *testing.T) {
	h := withDemoAs(t, 120, 32, "admin")
	h.send(forceAreaMsg{areaSettings})
	requireContains(t, h.view(), "Pengingat (bulan)", "4,10")
	h.keys("ctrl+u")
	h.typeText("40")
	h.keys("ctrl+s")
	requireContains(t, h.view(), "antara 1 dan 36")
	if h.repo.settings != nil {
		t.Fatal("a bad setting was saved")
	}
	h.keys("ctrl+u")
	h.typeText("12")
	h.keys("ctrl+s")
	if h.repo.settings == nil || h.repo.settings.ReminderMonths != 12 {
		t.Fatal("setting not saved")
	}
}

func TestAbsenceGuidance(t *testing.T) {
	h := withDemoAs(t, 120, 32, "admin")
	f := newRiwayatForm(h.m.c, h.repo.emps[2], domain.RwHukdis, nil)
	h.send(pushMsg{f})
	f.form.focusKey("absen")
	h.typeText("4")
	requireContains(t, h.view(), "panduan", "Teguran tertulis")
	if h.repo.writes != 0 {
		t.Fatal("the guidance wrote something")
	}
}

package tui

import (
	"strings"
	"testing"

	"asndesk/domain"

	"github.com/charmbracelet/x/exp/golden"
)

// withCycle gives the test office a performance cycle for 2026: Siti's SKP
// approved with a final Triwulan IV evaluation and an overdue next dialog,
// Yohanes' SKP still Draft, Bambang without an SKP; Sekretariat is a Baik
// unit.
func withCycle(t *testing.T, user string) *harness {
	t.Helper()
	h := withDemoAs(t, 120, 32, user)
	siti := sitiSKP(h, domain.SKPDisetujui)
	sid := h.kin.put(siti)
	h.kin.evals = append(h.kin.evals, domain.Evaluasi{ID: 700, SKPID: sid, EmployeeID: 2, Year: 2026, Kind: domain.EvalPeriodik,
		Frequency: domain.Triwulanan, Period: 4, RatingHasil: domain.DiAtas, RatingPerilaku: domain.DiAtas, Predikat: domain.SangatBaik, Final: true})
	h.kin.dialogs = append(h.kin.dialogs, domain.Dialog{ID: 701, SKPID: sid, Date: domain.Date{Year: 2026, Month: 9, Day: 1},
		Kind: domain.DialogUmpanBalik, NextDate: domain.Date{Year: 2026, Month: 11, Day: 2}})
	yoh := domain.NewSKP(h.repo.emps[3], 2026, domain.Snapshot(h.repo.emps[1], "Sekretariat"), domain.PersonSnapshot{}, "Seksi Pemerintahan", fixedNow())
	h.kin.put(yoh)
	h.kin.org = append(h.kin.org, domain.OrgRating{Year: 2026, UnitID: 1, Predikat: domain.OrgBaik})
	return h
}

func TestMonitoring(t *testing.T) {
	t.Run("counts per unit and the distribution against the pattern", func(t *testing.T) {
		h := withCycle(t, "admin")
		h.send(pushMsg{newMonitorScreen(h.m.c)})
		requireContains(t, h.view(), "Tahun 2026 · Tahunan")
		h.keys("left") // Tahunan → Triwulan IV
		v := h.view()
		// Short headers, explained in words above the table.
		requireContains(t, v, "Tahun 2026 · Triwulan IV", "Peg. Tanpa Draft Ajuan Setuju Kembali Final Telat",
			"Tanpa = tanpa SKP", "Kembali =", "Dikembalikan", "Final = evaluasi Triwulan IV yang sudah final", "Telat = dialog terlambat",
			"› Sekretariat", "←→ Periode · -/+ Tahun")
		m := h.m.top().(*monitorScreen).mon
		sek, pem := m.Units[0], m.Units[1]
		if sek.Name != "Sekretariat" || sek.Pegawai != 2 || sek.NoSKP != 1 || sek.Disetujui != 1 || sek.Evaluated != 1 || sek.Overdue != 1 {
			t.Fatalf("Sekretariat counts: %+v", sek)
		}
		if pem.Name != "Seksi Pemerintahan" || pem.Pegawai != 1 || pem.Draft != 1 || m.Total.Pegawai != 3 {
			t.Fatalf("Seksi Pemerintahan counts: %+v, total %+v", pem, m.Total)
		}
		// The chart of the selected unit: bars with counts, rules in words.
		requireContains(t, v, "Distribusi predikat Triwulan IV · Sekretariat · predikat organisasi Baik",
			"Sangat Baik", "█ 1", "✗ belum terpenuhi: Harus ada Butuh Perbaikan dan/atau Kurang/Misconduct (min. 1 orang)",
			"✓ terpenuhi: Baik paling banyak 70% (maks. 0 dari 1 orang) — sekarang 0")
		golden.RequireEqual(t, []byte(h.m.top().View()))
	})
	t.Run("enter lists the unit's employees with their SKP status", func(t *testing.T) {
		h := withCycle(t, "admin")
		h.send(pushMsg{newMonitorScreen(h.m.c)})
		h.keys("enter")
		v := h.view()
		requireContains(t, v, "Monitoring 2026 · Sekretariat", "Drs. Bambang", "Belum ada SKP",
			"Siti Aminah, S.Kom.", "Disetujui", "02-11-2026 Terlambat")
		golden.RequireEqual(t, []byte(h.m.top().View()))
	})
	t.Run("a long unit name is not cut at 120 columns", func(t *testing.T) {
		h := withCycle(t, "admin")
		h.repo.units[2] = domain.Unit{ID: 2, Name: "Seksi Ketenteraman dan Ketertiban Umum"}
		h.send(reloadMsg{})
		h.send(pushMsg{newMonitorScreen(h.m.c)})
		v := h.view()
		requireContains(t, v, "Seksi Ketenteraman dan Ketertiban Umum ")
		requireAbsent(t, v, "Seksi Ketenteraman dan…")
	})
	t.Run("a penilai sees only the staff the store returns", func(t *testing.T) {
		h := withCycle(t, "penilai")
		h.send(pushMsg{newMonitorScreen(h.m.c)})
		m := h.m.top().(*monitorScreen).mon
		if m.Total.Pegawai != len(h.m.c.Rows) {
			t.Fatalf("monitoring counts %d employees, the penilai sees %d", m.Total.Pegawai, len(h.m.c.Rows))
		}
	})
	t.Run("year and period keys", func(t *testing.T) {
		h := withCycle(t, "admin")
		h.send(pushMsg{newMonitorScreen(h.m.c)})
		h.keys("-")
		requireContains(t, h.view(), "Tahun 2025 · Tahunan")
		m := h.m.top().(*monitorScreen).mon
		if m.Total.NoSKP != 3 {
			t.Fatalf("2025 should have no SKP at all: %+v", m.Total)
		}
		h.keys("+", "right")
		requireContains(t, h.view(), "Tahun 2026 · Triwulan I")
		h.keys("=", "left")
		requireContains(t, h.view(), "Tahun 2027 · Tahunan")
	})
}

func TestPengingatDialog(t *testing.T) {
	h := withCycle(t, "admin")
	// A second SKP with a next dialog still to come.
	yoh := h.kin.skps[h.kin.next]
	h.kin.dialogs = append(h.kin.dialogs, domain.Dialog{ID: 702, SKPID: yoh.ID, Date: domain.Date{Year: 2026, Month: 11, Day: 20},
		Kind: domain.DialogKlarifikasi, NextDate: domain.Date{Year: 2026, Month: 12, Day: 15}})
	h.send(reloadMsg{}) // as a saved dialog does: Pengingat caches per data version
	h.send(forceAreaMsg{areaReminders})
	// The dialog kind is counted on the first screen and one Right away.
	requireContains(t, h.view(), "[Semua (", "Dialog kinerja berikutnya (2)")
	h.keys("right")
	v := h.view()
	requireContains(t, v, "[Dialog kinerja berikutnya (2)]",
		"02-11-2026", "! Dialog kinerja ", "Siti Aminah", "Terlambat 21 hari; disepakati 01-09-2026",
		"15-12-2026", "Yohanes Wenda", "Disepakati di dialog 20-11-2026",
		"Aturan (Siti Aminah, S.Kom.): Terlambat 21 hari; disepakati 01-09-2026", "Enter Buka dialog kinerja SKP")
	r := h.m.top().(*remindersScreen).shown
	if len(r) != 2 || r[0].r.Rule != "Terlambat 21 hari; disepakati 01-09-2026" || r[1].r.Terlambat {
		t.Fatalf("dialog reminders: %+v", r)
	}
	if strings.Index(v, "02-11-2026") > strings.Index(v, "15-12-2026") {
		t.Fatalf("reminders not by date:\n%s", v)
	}
	golden.RequireEqual(t, []byte(h.m.top().View()))
	// Enter opens Siti's SKP on its Dialog kinerja tab, not the profile.
	h.keys("enter")
	sk, ok := h.m.top().(*skpScreen)
	if !ok {
		t.Fatalf("Enter did not open the SKP:\n%s", h.view())
	}
	if sk.skpID != r[0].skpID || sk.tab().Title() != "Dialog kinerja" {
		t.Fatalf("opened SKP %d on tab %q", sk.skpID, sk.tab().Title())
	}
	requireContains(t, h.view(), "SKP 2026 Siti Aminah", "[Dialog kinerja]", "Dialog berikutnya 02-11-2026 sudah lewat 21 hari")
	h.keys("esc")
	h.keys("left")
	requireContains(t, h.view(), "[Semua (")
	// A career reminder still opens the profile.
	h.keys("enter")
	if _, ok := h.m.top().(*skpScreen); ok {
		t.Fatal("a career reminder opened an SKP")
	}
	h.keys("esc")
	// Beranda counts the new kind.
	h.keys("f2")
	requireContains(t, h.view(), "Pengingat")
}

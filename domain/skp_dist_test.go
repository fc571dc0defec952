package domain_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"asndesk/domain"
)

type counts = map[domain.Predikat]int

// distLimits are the limits in persons of each rule of each pattern for
// units of 1, 3, 5, 10 and 37, worked out by hand from §4.7 with K4's
// rounding (floor for maxima, ceil for minima; "harus ada" = 1).
var distLimits = map[domain.OrgPredikat]map[int][]int{
	// ≤ 70 % Sangat Baik
	domain.OrgIstimewa: {1: {0}, 3: {2}, 5: {3}, 10: {7}, 37: {25}},
	// ≤ 70 % Baik; harus ada Butuh Perbaikan dan/atau Kurang
	domain.OrgBaik: {1: {0, 1}, 3: {2, 1}, 5: {3, 1}, 10: {7, 1}, 37: {25, 1}},
	// ≥ 60 % Butuh Perbaikan; ≤ 10 % Sangat Baik
	domain.OrgButuhPerbaikan: {1: {1, 0}, 3: {2, 0}, 5: {3, 0}, 10: {6, 1}, 37: {23, 3}},
	// ≥ 60 % Kurang; ≥ 10 % Butuh Perbaikan; ≤ 10 % Sangat Baik
	domain.OrgKurang: {1: {1, 1, 0}, 3: {2, 1, 0}, 5: {3, 1, 0}, 10: {6, 1, 1}, 37: {23, 4, 3}},
	// ≥ 60 % Sangat Kurang; ≥ 10 % Kurang dan/atau Butuh Perbaikan; tidak ada Sangat Baik
	domain.OrgSangatKurang: {1: {1, 1, 0}, 3: {2, 1, 0}, 5: {3, 1, 0}, 10: {6, 1, 0}, 37: {23, 4, 0}},
}

// metCounts builds a unit of n that meets the pattern (nil when no unit of
// n can: a one-person Kurang unit would need 1 Kurang and 1 Butuh
// Perbaikan), and failCounts one that breaks the first rule.
func metCounts(org domain.OrgPredikat, n int, lim []int) counts {
	c := counts{}
	switch org {
	case domain.OrgIstimewa:
		c[domain.SangatBaik], c[domain.Baik] = lim[0], n-lim[0]
	case domain.OrgBaik:
		if n-lim[0] < 1 {
			c[domain.ButuhPerbaikan] = n // the only way: nobody Baik
			return c
		}
		c[domain.Baik], c[domain.Kurang], c[domain.SangatBaik] = lim[0], 1, n-lim[0]-1
	case domain.OrgButuhPerbaikan:
		c[domain.ButuhPerbaikan], c[domain.SangatBaik], c[domain.Baik] = lim[0], lim[1], n-lim[0]-lim[1]
	case domain.OrgKurang:
		if lim[0]+lim[1] > n {
			return nil
		}
		c[domain.Kurang], c[domain.ButuhPerbaikan], c[domain.SangatBaik] = lim[0], lim[1], lim[2]
		c[domain.Baik] = n - lim[0] - lim[1] - lim[2]
	case domain.OrgSangatKurang:
		if lim[0]+lim[1] > n {
			return nil
		}
		c[domain.SangatKurang], c[domain.ButuhPerbaikan], c[domain.Baik] = lim[0], lim[1], n-lim[0]-lim[1]
	}
	return c
}

func failCounts(org domain.OrgPredikat, n int, lim []int) counts {
	switch org {
	case domain.OrgIstimewa:
		return counts{domain.SangatBaik: lim[0] + 1, domain.Baik: n - lim[0] - 1}
	case domain.OrgBaik:
		return counts{domain.Baik: lim[0] + 1, domain.ButuhPerbaikan: n - lim[0] - 1}
	case domain.OrgButuhPerbaikan:
		return counts{domain.ButuhPerbaikan: lim[0] - 1, domain.Baik: n - lim[0] + 1}
	case domain.OrgKurang:
		return counts{domain.Kurang: lim[0] - 1, domain.Baik: n - lim[0] + 1}
	}
	return counts{domain.SangatKurang: lim[0] - 1, domain.Baik: n - lim[0] + 1}
}

func TestCheckDistributionPatterns(t *testing.T) {
	t.Parallel()
	for _, org := range domain.OrgPredikats() {
		for _, n := range []int{1, 3, 5, 10, 37} {
			lim := distLimits[org][n]
			t.Run(fmt.Sprintf("%s/n=%d", org.Label(), n), func(t *testing.T) {
				if c := metCounts(org, n, lim); c != nil {
					total := 0
					for _, x := range c {
						total += x
					}
					if total != n {
						t.Fatalf("test unit of %d has %d", n, total)
					}
					checks := domain.CheckDistribution(org, c)
					if len(checks) != len(lim) {
						t.Fatalf("%d checks, want %d: %+v", len(checks), len(lim), checks)
					}
					for i, ch := range checks {
						if ch.Limit != lim[i] || !ch.Met {
							t.Errorf("met unit %v: rule %d = %+v, want limit %d met", c, i+1, ch, lim[i])
						}
					}
				}
				c := failCounts(org, n, lim)
				for p, x := range c {
					if x < 0 {
						t.Fatalf("test unit %v: %s negative", c, p)
					}
				}
				checks := domain.CheckDistribution(org, c)
				if checks[0].Met || checks[0].Limit != lim[0] {
					t.Errorf("unit %v: first rule %+v, want not met with limit %d", c, checks[0], lim[0])
				}
			})
		}
	}
}

// §6 distribution vectors, exactly.
func TestCheckDistributionWorkedExamples(t *testing.T) {
	t.Parallel()
	// Baik unit of 10 → ≤ 7 Baik and ≥ 1 Butuh Perbaikan or Kurang/Misconduct.
	c := domain.CheckDistribution(domain.OrgBaik, counts{domain.Baik: 7, domain.ButuhPerbaikan: 1, domain.SangatBaik: 2})
	want := []domain.DistCheck{
		{Text: "Baik paling banyak 70% (maks. 7 dari 10 orang)", Met: true, Count: 7, Limit: 7},
		{Text: "Harus ada Butuh Perbaikan dan/atau Kurang/Misconduct (min. 1 orang)", Met: true, Count: 1, Limit: 1},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("Baik of 10:\n%+v\nwant\n%+v", c, want)
	}
	// 8 Baik → warning.
	c = domain.CheckDistribution(domain.OrgBaik, counts{domain.Baik: 8, domain.Kurang: 2})
	if c[0].Met || c[0].Count != 8 || c[0].Limit != 7 || !c[1].Met {
		t.Errorf("8 Baik of 10: %+v", c)
	}
	// No Butuh Perbaikan and no Kurang → the "harus ada" rule is not met.
	c = domain.CheckDistribution(domain.OrgBaik, counts{domain.Baik: 7, domain.SangatBaik: 3})
	if !c[0].Met || c[1].Met || c[1].Count != 0 {
		t.Errorf("Baik without BP/Kurang: %+v", c)
	}
	// Istimewa unit of 5 → ≤ 3 Sangat Baik (floor 3,5).
	c = domain.CheckDistribution(domain.OrgIstimewa, counts{domain.SangatBaik: 3, domain.Baik: 2})
	if len(c) != 1 || !c[0].Met || c[0].Limit != 3 || c[0].Text != "Sangat Baik paling banyak 70% (maks. 3 dari 5 orang)" {
		t.Errorf("Istimewa of 5: %+v", c)
	}
	if c := domain.CheckDistribution(domain.OrgIstimewa, counts{domain.SangatBaik: 4, domain.Baik: 1}); c[0].Met {
		t.Errorf("4 Sangat Baik of 5: %+v", c)
	}
	// Kurang unit of 10 → ≥ 6 Kurang/Misconduct, ≥ 1 Butuh Perbaikan, ≤ 1 Sangat Baik.
	c = domain.CheckDistribution(domain.OrgKurang, counts{domain.Kurang: 6, domain.ButuhPerbaikan: 1, domain.SangatBaik: 1, domain.Baik: 2})
	want = []domain.DistCheck{
		{Text: "Kurang/Misconduct paling sedikit 60% (min. 6 dari 10 orang)", Met: true, Count: 6, Limit: 6},
		{Text: "Butuh Perbaikan paling sedikit 10% (min. 1 dari 10 orang)", Met: true, Count: 1, Limit: 1},
		{Text: "Sangat Baik paling banyak 10% (maks. 1 dari 10 orang)", Met: true, Count: 1, Limit: 1},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("Kurang of 10:\n%+v\nwant\n%+v", c, want)
	}
	c = domain.CheckDistribution(domain.OrgKurang, counts{domain.Kurang: 5, domain.SangatBaik: 2, domain.Baik: 3})
	if c[0].Met || c[1].Met || c[2].Met {
		t.Errorf("Kurang of 10 breaking all three: %+v", c)
	}
	// Sangat Kurang unit with any Sangat Baik → warning.
	for _, n := range []int{1, 3, 10} {
		cs := counts{domain.SangatKurang: 8, domain.Kurang: 2, domain.SangatBaik: n}
		c = domain.CheckDistribution(domain.OrgSangatKurang, cs)
		if last := c[len(c)-1]; last.Met || last.Text != "Tidak boleh ada Sangat Baik" || last.Count != n || last.Limit != 0 {
			t.Errorf("Sangat Kurang with %d Sangat Baik: %+v", n, last)
		}
	}
	c = domain.CheckDistribution(domain.OrgSangatKurang, counts{domain.SangatKurang: 6, domain.Kurang: 2, domain.ButuhPerbaikan: 1, domain.Baik: 1})
	for _, ch := range c {
		if !ch.Met {
			t.Errorf("Sangat Kurang of 10 without Sangat Baik: %+v", c)
		}
	}
	if c[1].Count != 3 {
		t.Errorf("Kurang and Butuh Perbaikan counted together: %+v", c[1])
	}
}

func TestCheckDistributionEdges(t *testing.T) {
	t.Parallel()
	if c := domain.CheckDistribution(domain.OrgBaik, nil); c != nil {
		t.Errorf("empty unit: %+v", c)
	}
	if c := domain.CheckDistribution(domain.OrgBaik, counts{domain.Baik: 0}); c != nil {
		t.Errorf("nobody rated: %+v", c)
	}
	if c := domain.CheckDistribution("", counts{domain.Baik: 3}); c != nil {
		t.Errorf("no unit predikat: %+v", c)
	}
	// The "nearest" rounding setting: a one-person Istimewa unit may have
	// its Sangat Baik (70 % of 1 rounds to 1), 60 % of 3 is 2.
	if c := domain.CheckDistributionWith(domain.DefaultDistPatterns(), true, domain.OrgIstimewa, counts{domain.SangatBaik: 1}); !c[0].Met || c[0].Limit != 1 {
		t.Errorf("nearest, Istimewa of 1: %+v", c)
	}
	if c := domain.CheckDistribution(domain.OrgIstimewa, counts{domain.SangatBaik: 1}); c[0].Met || c[0].Limit != 0 {
		t.Errorf("floor, Istimewa of 1: %+v", c)
	}
	if c := domain.CheckDistributionWith(domain.DefaultDistPatterns(), true, domain.OrgButuhPerbaikan, counts{domain.ButuhPerbaikan: 2, domain.Baik: 1}); c[0].Limit != 2 || c[1].Limit != 0 {
		t.Errorf("nearest, BP of 3: %+v", c)
	}
	if c := domain.CheckDistributionWith(domain.DefaultDistPatterns(), true, domain.OrgKurang, counts{domain.Kurang: 37}); c[1].Limit != 4 || c[2].Limit != 4 {
		t.Errorf("nearest, Kurang of 37 (3,7 → 4): %+v", c)
	}
	// A rule of an unknown kind in an edited table is skipped, not fatal.
	ps := []domain.DistPattern{{Org: domain.OrgBaik, Rules: []domain.DistRule{{Kind: "LAIN", Percent: 5, Predikats: []domain.Predikat{domain.Baik}},
		{Kind: domain.DistMax, Percent: 50, Predikats: []domain.Predikat{domain.Baik}}}}}
	if c := domain.CheckDistributionWith(ps, false, domain.OrgBaik, counts{domain.Baik: 2}); len(c) != 1 || c[0].Limit != 1 {
		t.Errorf("edited table: %+v", c)
	}
	for _, p := range domain.DefaultDistPatterns() {
		for _, r := range p.Rules {
			if len(r.Predikats) == 0 {
				t.Errorf("%s: rule without predikat", p.Org)
			}
		}
	}
}

// TestMonitor counts a small office of two units and a unit-less employee.
func TestMonitor(t *testing.T) {
	t.Parallel()
	today := d(2025, 8, 1)
	units := []domain.Unit{{ID: 1, Name: "Seksi Pemerintahan"}, {ID: 2, Name: "Puskesmas Sukamaju"}}
	row := func(id, unit uint64, st domain.Status) domain.Row {
		return domain.Row{ID: id, UnitID: unit, Status: st, Nama: fmt.Sprint("P", id)}
	}
	rows := []domain.Row{
		row(1, 1, domain.StatusAktif), row(2, 1, domain.StatusAktif), row(3, 1, domain.StatusAktif), row(4, 1, domain.StatusAktif),
		row(5, 1, domain.StatusPensiun), // not counted
		row(6, 2, domain.StatusAktif), row(7, 2, domain.StatusAktif), row(8, 2, domain.StatusCLTN),
		row(9, 0, domain.StatusAktif),
	}
	skp := func(id, emp uint64, year int, st domain.SKPStatus, start domain.Date) domain.SKPRow {
		return domain.SKPRow{SKPID: id, EmployeeID: emp, Year: year, Status: st, Start: start}
	}
	skps := []domain.SKPRow{
		skp(1, 1, 2025, domain.SKPDisetujui, d(2025, 1, 1)),
		skp(2, 2, 2025, domain.SKPDisetujui, d(2025, 1, 1)),
		skp(3, 3, 2025, domain.SKPDiajukan, d(2025, 1, 1)),
		// employee 4 has no 2025 SKP, only one of 2024
		skp(4, 4, 2024, domain.SKPDisetujui, d(2024, 1, 1)),
		skp(5, 5, 2025, domain.SKPDraft, d(2025, 1, 1)), // pensiun: ignored
		// employee 6: a first SKP and a new one after a change of jabatan; the later one counts
		skp(6, 6, 2025, domain.SKPDisetujui, d(2025, 1, 1)),
		skp(7, 6, 2025, domain.SKPDikembalikan, d(2025, 7, 1)),
		skp(8, 7, 2025, domain.SKPDraft, d(2025, 1, 1)),
		skp(9, 8, 2025, domain.SKPDisetujui, d(2025, 1, 1)),
		skp(10, 9, 2025, domain.SKPDisetujui, d(2025, 1, 1)),
	}
	skps[0].Periodik = map[int]domain.Predikat{1: domain.Baik, 2: domain.Baik}
	skps[0].Predikat = domain.SangatBaik
	skps[1].Periodik = map[int]domain.Predikat{1: domain.Baik, 2: domain.ButuhPerbaikan}
	skps[0].NextDialog = d(2025, 7, 31) // passed
	skps[1].NextDialog = today          // due today: not overdue
	skps[8].NextDialog = d(2025, 6, 1)  // CLTN employee, still active: counted
	skps[8].Periodik = map[int]domain.Predikat{2: domain.Baik}
	org := []domain.OrgRating{{Year: 2025, UnitID: 1, Predikat: domain.OrgBaik}, {Year: 2024, UnitID: 2, Predikat: domain.OrgKurang}}

	m := domain.Monitor(rows, units, skps, org, 2025, 2, today)
	if m.Year != 2025 || m.Period != 2 || len(m.Units) != 3 {
		t.Fatalf("%+v", m)
	}
	names := []string{m.Units[0].Name, m.Units[1].Name, m.Units[2].Name}
	if !reflect.DeepEqual(names, []string{"Puskesmas Sukamaju", "Seksi Pemerintahan", "(tanpa unit)"}) {
		t.Errorf("units by name, no unit last: %v", names)
	}
	pus, pem, none := m.Units[0], m.Units[1], m.Units[2]
	if pem.Pegawai != 4 || pem.NoSKP != 1 || pem.Disetujui != 2 || pem.Diajukan != 1 || pem.Evaluated != 2 || pem.Overdue != 1 ||
		pem.Org != domain.OrgBaik || pem.Counts[domain.Baik] != 1 || pem.Counts[domain.ButuhPerbaikan] != 1 {
		t.Errorf("Seksi Pemerintahan: %+v", pem)
	}
	if len(pem.Checks) != 2 || pem.Checks[0].Limit != 1 || !pem.Checks[0].Met || !pem.Checks[1].Met {
		t.Errorf("Baik pattern on 2 rated: %+v", pem.Checks)
	}
	if pus.Pegawai != 3 || pus.Dikembalikan != 1 || pus.Draft != 1 || pus.Disetujui != 1 || pus.Evaluated != 1 || pus.Overdue != 1 ||
		pus.Org != "" || pus.Checks != nil {
		t.Errorf("Puskesmas (unit predikat of another year only): %+v", pus)
	}
	if none.Pegawai != 1 || none.UnitID != 0 || none.Disetujui != 1 || none.Evaluated != 0 {
		t.Errorf("(tanpa unit): %+v", none)
	}
	tot := m.Total
	if tot.Name != "Jumlah" || tot.Pegawai != 8 || tot.NoSKP != 1 || tot.Draft != 1 || tot.Diajukan != 1 || tot.Disetujui != 4 ||
		tot.Dikembalikan != 1 || tot.Evaluated != 3 || tot.Overdue != 2 || tot.Counts[domain.Baik] != 2 {
		t.Errorf("total: %+v", tot)
	}
	if !reflect.DeepEqual(m.NoSKP, []uint64{4}) || !reflect.DeepEqual(m.Overdue, []uint64{1, 8}) {
		t.Errorf("NoSKP %v, Overdue %v", m.NoSKP, m.Overdue)
	}
	// tahunan: the annual predikat
	y := domain.Monitor(rows, units, skps, org, 2025, 0, today)
	if y.Total.Evaluated != 1 || y.Units[1].Counts[domain.SangatBaik] != 1 {
		t.Errorf("tahunan: %+v", y.Total)
	}
	// the 2024 year sees the 2024 SKP and the 2024 unit predikat
	old := domain.Monitor(rows, units, skps, org, 2024, 0, today)
	if old.Total.Disetujui != 1 || old.Total.NoSKP != 7 || old.Units[0].Org != domain.OrgKurang {
		t.Errorf("2024: %+v / %+v", old.Total, old.Units[0])
	}
	if e := domain.Monitor(nil, nil, nil, nil, 2025, 1, today); len(e.Units) != 0 || e.Total.Pegawai != 0 {
		t.Errorf("empty office: %+v", e)
	}
}

func TestBuildMatrix(t *testing.T) {
	t.Parallel()
	own := domain.SKP{ID: 50, EmployeeID: 20, RHK: []domain.RHK{
		{ID: 1, Text: "Terselenggaranya pelayanan administrasi kependudukan"},
		{ID: 2, Text: "Meningkatnya ketertiban umum"},
	}}
	sub := func(id, emp uint64, nama string, rhk ...domain.RHK) domain.SKP {
		return domain.SKP{ID: id, EmployeeID: emp, Pegawai: domain.PersonSnapshot{Nama: nama}, RHK: rhk}
	}
	byID := domain.RHK{ID: 7, Text: "Layanan KTP-el", IntervensiSKPID: 50, IntervensiRHKID: 1, Intervensi: "Terselenggaranya pelayanan administrasi kependudukan"}
	byText := domain.RHK{ID: 8, Text: "Patroli", Intervensi: "  meningkatnya   KETERTIBAN umum "}
	stale := domain.RHK{ID: 9, Text: "Rekap", IntervensiSKPID: 50, IntervensiRHKID: 99, Intervensi: "RHK yang sudah dihapus"}
	unlinked := domain.RHK{ID: 10, Text: "Lain", Intervensi: "RHK bupati"}
	plain := domain.RHK{ID: 11, Text: "Tambahan tanpa intervensi"}
	otherYear := domain.RHK{ID: 12, Text: "Arsip", IntervensiSKPID: 49, IntervensiRHKID: 2, Intervensi: "Meningkatnya ketertiban umum"}
	subs := []domain.SKP{
		sub(60, 1, "Rina", byID, plain),
		sub(61, 2, "Budi", byText, unlinked),
		sub(62, 3, "Sari", stale),
		sub(63, 4, "Tono", plain),
		sub(64, 5, "Yuni", otherYear),
		sub(65, 6, "Wati"),
	}
	nodes, ul, without := domain.BuildMatrix(own, subs)
	if len(nodes) != 2 || nodes[0].RHK.ID != 1 || nodes[1].RHK.ID != 2 {
		t.Fatalf("nodes: %+v", nodes)
	}
	if got := childIDs(nodes[0].Children); got != "60/7" {
		t.Errorf("under RHK 1 (linked by id): %s", got)
	}
	if got := childIDs(nodes[1].Children); got != "61/8 64/12" {
		t.Errorf("under RHK 2 (typed text, and a link to last year's SKP matched by text): %s", got)
	}
	if c := nodes[0].Children[0]; c.EmployeeID != 1 || c.Nama != "Rina" || c.SKPID != 60 {
		t.Errorf("child: %+v", c)
	}
	if got := childIDs(ul); got != "61/10 62/9" {
		t.Errorf("unlinked: %s", got)
	}
	var w []string
	for _, s := range without {
		w = append(w, s.Pegawai.Nama)
	}
	if strings.Join(w, " ") != "Sari Tono Wati" {
		t.Errorf("without: %v", w)
	}
	// the penilai without an SKP in asndesk: every typed link is unlinked
	nodes, ul, without = domain.BuildMatrix(domain.SKP{}, subs[:2])
	if len(nodes) != 0 || childIDs(ul) != "60/7 61/8 61/10" || len(without) != 2 {
		t.Errorf("no own SKP: %v %s %d", nodes, childIDs(ul), len(without))
	}
}

func childIDs(cs []domain.MatrixChild) string {
	var s []string
	for _, c := range cs {
		s = append(s, fmt.Sprintf("%d/%d", c.SKPID, c.RHK.ID))
	}
	return strings.Join(s, " ")
}

// The rounding setting: with K4's default a one-person Baik unit rated
// Baik breaks "paling banyak 70% Baik" (floor 0,7 = 0); rounding to the
// nearest person allows it. Monitoring follows the setting.
func TestDistributionRoundingSetting(t *testing.T) {
	one := map[domain.Predikat]int{domain.Baik: 1}
	def := domain.DefaultSKPSettings()
	if c := def.Distribution(domain.OrgBaik, one); c[0].Met || c[0].Limit != 0 {
		t.Errorf("default rounding: got %+v, want maks. 0 not met", c[0])
	}
	near := def
	near.RoundNearest = true
	if c := near.Distribution(domain.OrgBaik, one); !c[0].Met || c[0].Limit != 1 {
		t.Errorf("nearest rounding: got %+v, want maks. 1 met", c[0])
	}
	rows := []domain.Row{{ID: 1, Status: domain.StatusAktif, UnitID: 7}}
	skps := []domain.SKPRow{{SKPID: 1, EmployeeID: 1, Year: 2026, Status: domain.SKPDisetujui, Predikat: domain.Baik}}
	org := []domain.OrgRating{{Year: 2026, UnitID: 7, Predikat: domain.OrgBaik}}
	day := domain.Date{Year: 2026, Month: 12, Day: 31}
	if m := domain.MonitorWith(rows, nil, skps, org, 2026, 0, day, near); !m.Units[0].Checks[0].Met {
		t.Errorf("Monitoring ignores the rounding setting: %+v", m.Units[0].Checks)
	}
	if m := domain.Monitor(rows, nil, skps, org, 2026, 0, day); m.Units[0].Checks[0].Met {
		t.Errorf("Monitor should use K4's default: %+v", m.Units[0].Checks)
	}
}

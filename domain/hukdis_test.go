package domain_test

import (
	"testing"

	"asndesk/domain"
)

func TestHukdisTableExactTexts(t *testing.T) {
	t.Parallel()
	tb := domain.HukdisTable()
	want := map[string][]string{
		"Ringan": {"Teguran lisan", "Teguran tertulis", "Pernyataan tidak puas secara tertulis"},
		"Sedang": {tukin6, tukin9, tukin12},
		"Berat": {"Penurunan jabatan setingkat lebih rendah selama 12 bulan",
			"Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan", pdh},
	}
	if len(tb.Tingkat) != 3 || tb.Tingkat[0] != "Ringan" || tb.Tingkat[1] != "Sedang" || tb.Tingkat[2] != "Berat" {
		t.Fatalf("tingkat %v", tb.Tingkat)
	}
	for tingkat, jenis := range want {
		got := tb.JenisFor(tingkat)
		if len(got) != len(jenis) {
			t.Fatalf("%s: %v", tingkat, got)
		}
		for i := range jenis {
			if got[i] != jenis[i] {
				t.Errorf("%s[%d] = %q, want %q", tingkat, i, got[i], jenis[i])
			}
		}
	}
	// Effects: the Peraturan BKN 6/2022 substitutes.
	for _, tc := range []struct {
		jenis           string
		kgb, kp, demote int
		blocks, dismiss bool
		unverified      bool
	}{
		{"Teguran lisan", 0, 0, 0, false, false, false},
		{tukin6, 12, 0, 0, true, false, false},
		{tukin9, 0, 12, 0, true, false, false},
		{tukin12, 0, 0, 12, true, false, true},
		{"Penurunan jabatan setingkat lebih rendah selama 12 bulan", 0, 0, 0, true, false, false},
		{pdh, 0, 0, 0, true, true, false},
	} {
		var j domain.HukdisJenis
		var ok bool
		for _, ti := range tb.Tingkat {
			if j, ok = tb.Lookup(ti, tc.jenis); ok {
				break
			}
		}
		if !ok {
			t.Fatalf("%q not found", tc.jenis)
		}
		if j.PostponeKGBMonths != tc.kgb || j.PostponeKPMonths != tc.kp || j.DemotionMonths != tc.demote ||
			j.BlocksKP != tc.blocks || j.Dismissal != tc.dismiss || j.Unverified != tc.unverified {
			t.Errorf("%q effects %+v", tc.jenis, j)
		}
	}
	if _, ok := tb.Lookup("Ringan", tukin6); ok {
		t.Error("a jenis must be found only under its own tingkat")
	}
}

func TestAbsenceSanction(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		days, consecutive int
		tingkat, jenis    string
	}{
		// §6 examples
		{2, 0, "", ""},
		{3, 0, "Ringan", "Teguran lisan"},
		{4, 0, "Ringan", "Teguran tertulis"},
		{10, 0, "Ringan", "Pernyataan tidak puas secara tertulis"},
		{11, 0, "Sedang", tukin6},
		{20, 0, "Sedang", tukin12},
		{21, 0, "Berat", "Penurunan jabatan setingkat lebih rendah selama 12 bulan"},
		{27, 0, "Berat", "Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan"},
		{28, 0, "Berat", pdh},
		{12, 10, "Berat", pdh},
		// every band edge
		{0, 0, "", ""},
		{6, 0, "Ringan", "Teguran tertulis"},
		{7, 0, "Ringan", "Pernyataan tidak puas secara tertulis"},
		{13, 0, "Sedang", tukin6},
		{14, 0, "Sedang", tukin9},
		{16, 0, "Sedang", tukin9},
		{17, 0, "Sedang", tukin12},
		{24, 0, "Berat", "Penurunan jabatan setingkat lebih rendah selama 12 bulan"},
		{25, 0, "Berat", "Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan"},
		{200, 0, "Berat", pdh},
		{9, 9, "Ringan", "Pernyataan tidak puas secara tertulis"},
	} {
		tingkat, jenis, ok := domain.AbsenceSanction(tc.days, tc.consecutive)
		if ok != (tc.jenis != "") || tingkat != tc.tingkat || jenis != tc.jenis {
			t.Errorf("AbsenceSanction(%d, %d) = %q, %q, %v; want %q, %q", tc.days, tc.consecutive, tingkat, jenis, ok, tc.tingkat, tc.jenis)
		}
	}
	if g := domain.HukdisTable().Absence.Guidance; g != domain.AbsenceGuidanceLabel || g == "" {
		t.Errorf("guidance label %q", g)
	}
}

func TestHukdisEndAndActive(t *testing.T) {
	t.Parallel()
	h := func(m domain.Date, masa int) domain.RwHukdisData {
		return domain.RwHukdisData{Tingkat: "Sedang", Jenis: tukin6, Mulai: m, MasaBulan: masa}
	}
	for _, tc := range []struct {
		name string
		h    domain.RwHukdisData
		end  domain.Date
	}{
		{"6 months", h(d(2024, 1, 15), 6), d(2024, 7, 14)},
		{"12 months from the 1st", h(d(2024, 1, 1), 12), d(2024, 12, 31)},
		{"ends on a leap day", h(d(2023, 6, 1), 9), d(2024, 2, 29)},
		{"starts on a leap day", h(d(2024, 2, 29), 12), d(2025, 2, 28)},
		{"31st, clamped month", h(d(2023, 8, 31), 6), d(2024, 2, 29)},
		{"no period", h(d(2024, 1, 1), 0), domain.Date{}},
		{"no start", h(domain.Date{}, 6), domain.Date{}},
	} {
		if got := domain.HukdisEnd(tc.h); got != tc.end {
			t.Errorf("%s: HukdisEnd = %v, want %v", tc.name, got, tc.end)
		}
	}
	x := h(d(2024, 1, 15), 6)
	for _, tc := range []struct {
		day  domain.Date
		want bool
	}{
		{d(2024, 1, 14), false}, {d(2024, 1, 15), true}, {d(2024, 1, 16), true},
		{d(2024, 7, 13), true}, {d(2024, 7, 14), true}, {d(2024, 7, 15), false},
	} {
		if got := domain.HukdisActive(x, tc.day); got != tc.want {
			t.Errorf("HukdisActive(%v) = %v, want %v", tc.day, got, tc.want)
		}
	}
	if domain.HukdisActive(h(d(2024, 1, 15), 0), d(2024, 1, 15)) {
		t.Error("a teguran has no active period")
	}
}

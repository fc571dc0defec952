package domain_test

import (
	"testing"

	"asndesk/domain"
)

// §6 angka kredit vectors, exactly, through ComputeAK and String.
func TestComputeAKWorkedExamples(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		j      domain.Jenjang
		p      domain.Predikat
		months int
		want   string
		milli  int64
	}{
		{"Ahli Pertama + Sangat Baik = 12,5 × 150 %", domain.AhliPertama, domain.SangatBaik, 12, "18,75", 18750},
		{"Ahli Muda + Baik", domain.AhliMuda, domain.Baik, 12, "25", 25000},
		{"Ahli Madya + Butuh Perbaikan", domain.AhliMadya, domain.ButuhPerbaikan, 12, "28,125", 28125},
		{"Terampil + Kurang", domain.Terampil, domain.Kurang, 12, "2,5", 2500},
		{"Pemula + Sangat Kurang", domain.Pemula, domain.SangatKurang, 12, "0,9375", 938},
		{"Ahli Utama + Sangat Baik", domain.AhliUtama, domain.SangatBaik, 12, "75", 75000},
		{"Ahli Pertama + Baik, 6 months", domain.AhliPertama, domain.Baik, 6, "6,25", 6250},
		// beyond §6
		{"Mahir + Baik", domain.Mahir, domain.Baik, 12, "12,5", 12500},
		{"Penyelia + Sangat Baik", domain.Penyelia, domain.SangatBaik, 12, "37,5", 37500},
		{"Ahli Pertama + Baik, triwulan", domain.AhliPertama, domain.Baik, 3, "3,125", 3125},
		{"Ahli Pertama + Baik, 1 month (rounded to 4 decimals)", domain.AhliPertama, domain.Baik, 1, "1,0417", 1042},
		{"Pemula + Sangat Kurang, 1 month", domain.Pemula, domain.SangatKurang, 1, "0,0781", 78},
	} {
		ak := domain.ComputeAK(tc.j, tc.p, tc.months)
		if ak.String() != tc.want || ak.Months != tc.months || ak.Milli() != tc.milli || ak.IsZero() {
			t.Errorf("%s: %+v = %q (milli %d), want %q (%d)", tc.name, ak, ak.String(), ak.Milli(), tc.want, tc.milli)
		}
	}
	// Exact fraction (K10): Ahli Madya + Butuh Perbaikan = 225/8.
	if ak := domain.ComputeAK(domain.AhliMadya, domain.ButuhPerbaikan, 12); ak.Num != 225 || ak.Den != 8 {
		t.Errorf("28,125 as %d/%d, want 225/8", ak.Num, ak.Den)
	}
	// Import "Cukup" → Butuh Perbaikan → 75 %.
	p, ok := domain.ParsePredikat("Cukup")
	if !ok || domain.AKPercent(p) != 75 {
		t.Errorf("Cukup → %v %v → %d %%", p, ok, domain.AKPercent(p))
	}
	if ak := domain.ComputeAK(domain.AhliMadya, p, 12); ak.String() != "28,125" {
		t.Errorf("Ahli Madya + Cukup = %s", ak)
	}
}

func TestAKTables(t *testing.T) {
	t.Parallel()
	for p, want := range map[domain.Predikat]int{domain.SangatBaik: 150, domain.Baik: 100, domain.ButuhPerbaikan: 75,
		domain.Kurang: 50, domain.SangatKurang: 25, "": 0, "ISTIMEWA": 0} {
		if got := domain.AKPercent(p); got != want {
			t.Errorf("AKPercent(%q) = %d, want %d", p, got, want)
		}
	}
	for j, want := range map[domain.Jenjang]int64{domain.Pemula: 375, domain.Terampil: 500, domain.Mahir: 1250,
		domain.Penyelia: 2500, domain.AhliPertama: 1250, domain.AhliMuda: 2500, domain.AhliMadya: 3750, domain.AhliUtama: 5000} {
		if got, ok := domain.AKKoefisien(j); !ok || got != want {
			t.Errorf("AKKoefisien(%s) = %d, %v; want %d", j, got, ok, want)
		}
	}
	if _, ok := domain.AKKoefisien(0); ok {
		t.Error("a non-JF has a koefisien")
	}
	for name, ak := range map[string]domain.AngkaKredit{
		"no jenjang":       domain.ComputeAK(0, domain.Baik, 12),
		"no predikat":      domain.ComputeAK(domain.AhliMuda, "", 12),
		"unknown predikat": domain.ComputeAK(domain.AhliMuda, "CUKUP", 12),
		"0 months":         domain.ComputeAK(domain.AhliMuda, domain.Baik, 0),
		"13 months":        domain.ComputeAK(domain.AhliMuda, domain.Baik, 13),
		"negative months":  domain.ComputeAK(domain.AhliMuda, domain.Baik, -3),
		"the zero value":   {},
	} {
		if !ak.IsZero() || ak.String() != "" || ak.Milli() != 0 {
			t.Errorf("%s: %+v %q", name, ak, ak.String())
		}
	}
}

func TestFormatMilli(t *testing.T) {
	for m, want := range map[int64]string{0: "", 18750: "18,75", 12500: "12,5", 75000: "75", 1: "0,001", 450000: "450"} {
		if got := domain.FormatMilli(m); got != want {
			t.Errorf("domain.FormatMilli(%d) = %q, want %q", m, got, want)
		}
	}
}

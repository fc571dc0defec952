package domain

import (
	"strconv"
	"strings"
)

// Angka kredit of a JF (PermenPANRB 1/2023 Pasal 37; domain.md §4.11):
// AK = koefisien × persentase of the predikat, × months/12 for a partial
// period. Kept as an exact fraction (K10); shown with a comma.

// akKoefisien is the yearly koefisien per jenjang in hundredths
// (12,5 → 1250). assets/reference/angka_kredit.json carries the same table.
var akKoefisien = map[Jenjang]int64{
	Pemula: 375, Terampil: 500, Mahir: 1250, Penyelia: 2500,
	AhliPertama: 1250, AhliMuda: 2500, AhliMadya: 3750, AhliUtama: 5000,
}

// akPercent is the percentage of the koefisien by predikat.
var akPercent = map[Predikat]int{SangatBaik: 150, Baik: 100, ButuhPerbaikan: 75, Kurang: 50, SangatKurang: 25}

// AKKoefisien returns the yearly koefisien of a jenjang in hundredths.
func AKKoefisien(j Jenjang) (int64, bool) {
	k, ok := akKoefisien[j]
	return k, ok
}

// AKPercent returns the percentage of the koefisien a predikat earns; 0
// for an unknown predikat.
func AKPercent(p Predikat) int { return akPercent[p] }

// ComputeAK is the AK of months (1–12) under predikat p; zero when the
// jenjang or predikat is unknown or months is out of range.
func ComputeAK(j Jenjang, p Predikat, months int) AngkaKredit {
	k, ok := akKoefisien[j]
	pct := akPercent[p]
	if !ok || pct == 0 || months < 1 || months > 12 {
		return AngkaKredit{}
	}
	// koefisien/100 × pct/100 × months/12
	num, den := k*int64(pct)*int64(months), int64(100*100*12)
	g := gcd(num, den)
	return AngkaKredit{Num: num / g, Den: den / g, Months: months}
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	if a < 0 {
		return -a
	}
	if a == 0 {
		return 1
	}
	return a
}

// IsZero reports whether no AK was computed.
func (a AngkaKredit) IsZero() bool { return a.Den == 0 }

// String shows the AK with a decimal comma: exact when the fraction ends
// within 4 decimals, else rounded to 4 ("0,4167").
func (a AngkaKredit) String() string {
	if a.Den == 0 {
		return ""
	}
	const scale = 10000
	v := (a.Num*scale*2 + a.Den) / (2 * a.Den) // rounded half up
	whole, frac := v/scale, v%scale
	s := itoa(int(whole))
	if frac != 0 {
		f := itoa(int(frac + scale))[1:] // zero-padded to 4 digits
		s += "," + strings.TrimRight(f, "0")
	}
	return s
}

// Milli is the AK in thousandths, rounded half up, for the riwayat angka
// kredit (RwAngkaKreditData.AKMilli).
func (a AngkaKredit) Milli() int64 {
	if a.Den == 0 {
		return 0
	}
	return (a.Num*1000*2 + a.Den) / (2 * a.Den)
}

// FormatMilli writes an angka kredit kept in thousandths with a decimal
// comma, "" for none: 18750 → "18,75" (riwayat angka kredit, DRH).
func FormatMilli(m int64) string {
	if m == 0 {
		return ""
	}
	s := strconv.FormatInt(m/1000, 10)
	if f := m % 1000; f != 0 {
		s += "," + strings.TrimRight(strconv.FormatInt(1000+f, 10)[1:], "0")
	}
	return s
}

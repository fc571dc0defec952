package domain

import (
	"strconv"
	"strings"
	"time"
)

// Labels of the SKP enums, exactly as domain.md §4 prints them.

func (p Pendekatan) String() string {
	switch p {
	case Kuantitatif:
		return "Kuantitatif"
	case Kualitatif:
		return "Kualitatif"
	}
	return ""
}

// Pendekatans lists the approaches, the default first (K1).
func Pendekatans() []Pendekatan { return []Pendekatan{Kuantitatif, Kualitatif} }

func (s SKPStatus) String() string {
	switch s {
	case SKPDraft:
		return "Draft"
	case SKPDiajukan:
		return "Diajukan"
	case SKPDisetujui:
		return "Disetujui"
	case SKPDikembalikan:
		return "Dikembalikan"
	}
	return ""
}

// SKPStatuses lists the statuses in workflow order.
func SKPStatuses() []SKPStatus {
	return []SKPStatus{SKPDraft, SKPDiajukan, SKPDikembalikan, SKPDisetujui}
}

// Editable reports whether the plan may be changed in this status.
func (s SKPStatus) Editable() bool { return s == SKPDraft || s == SKPDikembalikan }

func (k RHKKategori) String() string {
	switch k {
	case RHKUtama:
		return "Utama"
	case RHKTambahan:
		return "Tambahan"
	}
	return ""
}

// RHKKategoris lists the categories.
func RHKKategoris() []RHKKategori { return []RHKKategori{RHKUtama, RHKTambahan} }

func (a Aspek) String() string {
	switch a {
	case AspekKuantitas:
		return "Kuantitas"
	case AspekKualitas:
		return "Kualitas"
	case AspekWaktu:
		return "Waktu"
	case AspekBiaya:
		return "Biaya"
	}
	return ""
}

// Aspeks lists the aspects of a kuantitatif indicator.
func Aspeks() []Aspek { return []Aspek{AspekKuantitas, AspekKualitas, AspekWaktu, AspekBiaya} }

func (r Rating) String() string {
	switch r {
	case DiAtas:
		return "Di Atas Ekspektasi"
	case Sesuai:
		return "Sesuai Ekspektasi"
	case DiBawah:
		return "Di Bawah Ekspektasi"
	}
	return ""
}

// Code is the stable code of a rating (DIATAS, SESUAI, DIBAWAH).
func (r Rating) Code() string {
	switch r {
	case DiAtas:
		return "DIATAS"
	case Sesuai:
		return "SESUAI"
	case DiBawah:
		return "DIBAWAH"
	}
	return ""
}

// Ratings lists the ratings in display order, the best first.
func Ratings() []Rating { return []Rating{DiAtas, Sesuai, DiBawah} }

// fold normalises an imported label: case, spaces, dashes.
func fold(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	s = strings.NewReplacer("-", " ", "_", " ", "  ", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// ParseRating reads a rating code, label or import variant
// ("DIATAS EKSPEKTASI", "Diatas ekspektasi", "Di Atas").
func ParseRating(s string) (Rating, bool) {
	switch strings.ReplaceAll(fold(s), " ", "") {
	case "DIATAS", "DIATASEKSPEKTASI":
		return DiAtas, true
	case "SESUAI", "SESUAIEKSPEKTASI":
		return Sesuai, true
	case "DIBAWAH", "DIBAWAHEKSPEKTASI":
		return DiBawah, true
	}
	return 0, false
}

// Label is the exact display label of the predikat.
func (p Predikat) Label() string {
	switch p {
	case SangatBaik:
		return "Sangat Baik"
	case Baik:
		return "Baik"
	case ButuhPerbaikan:
		return "Butuh Perbaikan"
	case Kurang:
		return "Kurang/Misconduct"
	case SangatKurang:
		return "Sangat Kurang"
	}
	return ""
}

// Predikats lists the predikat kinerja pegawai, the best first.
func Predikats() []Predikat {
	return []Predikat{SangatBaik, Baik, ButuhPerbaikan, Kurang, SangatKurang}
}

// ParsePredikat reads a code, a label or an import variant: "Cukup" is the
// older name of Butuh Perbaikan, "Kurang" and "Kurang/misconduct" are
// Kurang/Misconduct (domain.md §4.11).
func ParsePredikat(s string) (Predikat, bool) {
	switch fold(s) {
	case "SANGAT BAIK":
		return SangatBaik, true
	case "BAIK":
		return Baik, true
	case "BUTUH PERBAIKAN", "CUKUP", "BUTUH PERBAIKAN/CUKUP":
		return ButuhPerbaikan, true
	case "KURANG", "KURANG/MISCONDUCT", "MISCONDUCT":
		return Kurang, true
	case "SANGAT KURANG":
		return SangatKurang, true
	}
	return "", false
}

// Label is the exact display label of the unit predikat.
func (o OrgPredikat) Label() string {
	switch o {
	case OrgIstimewa:
		return "Istimewa"
	case OrgBaik:
		return "Baik"
	case OrgButuhPerbaikan:
		return "Butuh Perbaikan"
	case OrgKurang:
		return "Kurang"
	case OrgSangatKurang:
		return "Sangat Kurang"
	}
	return ""
}

// OrgPredikats lists the predikat kinerja organisasi, the best first.
func OrgPredikats() []OrgPredikat {
	return []OrgPredikat{OrgIstimewa, OrgBaik, OrgButuhPerbaikan, OrgKurang, OrgSangatKurang}
}

// Label is how the setting is shown.
func (f Frequency) Label() string {
	if f == Bulanan {
		return "Bulanan"
	}
	return "Triwulanan"
}

// Periods is the number of periodic evaluations in a year; anything but
// Bulanan counts as Triwulanan, the default (K8).
func (f Frequency) Periods() int {
	if f == Bulanan {
		return 12
	}
	return 4
}

var romans = [...]string{"", "I", "II", "III", "IV"}

// PeriodLabel names period p: "Januari" … "Desember" for Bulanan,
// "Triwulan I" … "Triwulan IV" otherwise; 0 is "Tahunan".
func (f Frequency) PeriodLabel(p int) string {
	switch {
	case p == 0:
		return "Tahunan"
	case p < 0 || p > f.Periods():
		return "Periode " + strconv.Itoa(p)
	case f == Bulanan:
		return MonthName(monthOf(p))
	}
	return "Triwulan " + romans[p]
}

// PeriodRange is the first and last day of period p of year (p 0: the
// whole year).
func PeriodRange(year int, f Frequency, p int) (from, to Date) {
	if p <= 0 || p > f.Periods() {
		return Date{year, 1, 1}, Date{year, 12, 31}
	}
	months := 12 / f.Periods()
	first := Date{year, monthOf((p-1)*months + 1), 1}
	last := first.AddMonths(months).AddDays(-1)
	return first, last
}

// PeriodOf is the period of f that contains d.
func PeriodOf(f Frequency, d Date) int {
	if d.IsZero() {
		return 0
	}
	months := 12 / f.Periods()
	return (int(d.Month)-1)/months + 1
}

// DialogKinds lists the kinds of dialog kinerja.
func DialogKinds() []DialogKind {
	return []DialogKind{DialogKlarifikasi, DialogUmpanBalik, DialogCoaching, DialogMentoring, DialogKonseling, DialogEvaluasi}
}

// Label is the display label of the dialog kind.
func (k DialogKind) Label() string {
	switch k {
	case DialogKlarifikasi:
		return "Klarifikasi ekspektasi"
	case DialogUmpanBalik:
		return "Umpan balik berkala"
	case DialogCoaching:
		return "Coaching"
	case DialogMentoring:
		return "Mentoring"
	case DialogKonseling:
		return "Konseling"
	case DialogEvaluasi:
		return "Evaluasi"
	}
	return string(k)
}

func (s KesepakatanStatus) String() string {
	switch s {
	case KesepakatanBelum:
		return "Belum"
	case KesepakatanTercapai:
		return "Tercapai"
	case KesepakatanTidakTercapai:
		return "Tidak tercapai"
	}
	return ""
}

// KesepakatanStatuses lists the statuses of an agreed action.
func KesepakatanStatuses() []KesepakatanStatus {
	return []KesepakatanStatus{KesepakatanBelum, KesepakatanTercapai, KesepakatanTidakTercapai}
}

func (k EvalKind) String() string {
	switch k {
	case EvalPeriodik:
		return "Periodik"
	case EvalTahunan:
		return "Tahunan"
	}
	return ""
}

func (k BuktiKind) String() string {
	switch k {
	case BuktiFile:
		return "Berkas"
	case BuktiReferensi:
		return "Referensi"
	}
	return ""
}

// Label names what a feedback entry or dialog topic is about.
func (t FeedbackTarget) Label(s SKP) string {
	if t.Value >= 1 && t.Value <= len(coreValues) {
		return coreValues[t.Value-1].Name
	}
	for i, r := range s.RHK {
		if r.ID == t.RHKID {
			return "RHK " + strconv.Itoa(i+1) + ": " + r.Text
		}
	}
	if t.RHKID != 0 {
		return "RHK (sudah dihapus)"
	}
	return "Umum"
}

func monthOf(n int) time.Month { return time.Month(n) }

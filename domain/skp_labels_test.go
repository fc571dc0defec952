package domain_test

import (
	"testing"
	"time"

	"asndesk/domain"
)

func TestSKPLabels(t *testing.T) {
	t.Parallel()
	for got, want := range map[string]string{
		domain.Kuantitatif.String():                      "Kuantitatif",
		domain.Kualitatif.String():                       "Kualitatif",
		domain.SKPDraft.String():                         "Draft",
		domain.SKPDiajukan.String():                      "Diajukan",
		domain.SKPDisetujui.String():                     "Disetujui",
		domain.SKPDikembalikan.String():                  "Dikembalikan",
		domain.RHKUtama.String():                         "Utama",
		domain.RHKTambahan.String():                      "Tambahan",
		domain.AspekKuantitas.String():                   "Kuantitas",
		domain.AspekKualitas.String():                    "Kualitas",
		domain.AspekWaktu.String():                       "Waktu",
		domain.AspekBiaya.String():                       "Biaya",
		domain.DiAtas.String():                           "Di Atas Ekspektasi",
		domain.Sesuai.String():                           "Sesuai Ekspektasi",
		domain.DiBawah.String():                          "Di Bawah Ekspektasi",
		domain.DiAtas.Code():                             "DIATAS",
		domain.Sesuai.Code():                             "SESUAI",
		domain.DiBawah.Code():                            "DIBAWAH",
		domain.SangatBaik.Label():                        "Sangat Baik",
		domain.Baik.Label():                              "Baik",
		domain.ButuhPerbaikan.Label():                    "Butuh Perbaikan",
		domain.Kurang.Label():                            "Kurang/Misconduct",
		domain.SangatKurang.Label():                      "Sangat Kurang",
		domain.OrgIstimewa.Label():                       "Istimewa",
		domain.OrgBaik.Label():                           "Baik",
		domain.OrgButuhPerbaikan.Label():                 "Butuh Perbaikan",
		domain.OrgKurang.Label():                         "Kurang",
		domain.OrgSangatKurang.Label():                   "Sangat Kurang",
		domain.Bulanan.Label():                           "Bulanan",
		domain.Triwulanan.Label():                        "Triwulanan",
		domain.Frequency("").Label():                     "Triwulanan",
		domain.DialogKlarifikasi.Label():                 "Klarifikasi ekspektasi",
		domain.DialogUmpanBalik.Label():                  "Umpan balik berkala",
		domain.DialogCoaching.Label():                    "Coaching",
		domain.DialogMentoring.Label():                   "Mentoring",
		domain.DialogKonseling.Label():                   "Konseling",
		domain.DialogEvaluasi.Label():                    "Evaluasi",
		domain.KesepakatanBelum.String():                 "Belum",
		domain.KesepakatanTercapai.String():              "Tercapai",
		domain.KesepakatanTidakTercapai.String():         "Tidak tercapai",
		domain.EvalPeriodik.String():                     "Periodik",
		domain.EvalTahunan.String():                      "Tahunan",
		domain.BuktiFile.String():                        "Berkas",
		domain.BuktiReferensi.String():                   "Referensi",
		"[" + domain.Rating(0).String() + "]":            "[]",
		"[" + domain.Rating(0).Code() + "]":              "[]",
		"[" + domain.Predikat("").Label() + "]":          "[]",
		"[" + domain.SKPStatus(0).String() + "]":         "[]",
		"[" + domain.Pendekatan(9).String() + "]":        "[]",
		"[" + domain.OrgPredikat("X").Label() + "]":      "[]",
		"[" + domain.KesepakatanStatus(0).String() + "]": "[]",
	} {
		if got != want {
			t.Errorf("label %q, want %q", got, want)
		}
	}
	if got := domain.Ratings(); len(got) != 3 || got[0] != domain.DiAtas || got[2] != domain.DiBawah {
		t.Errorf("Ratings() = %v: display order, the best first", got)
	}
	if got := domain.Predikats(); len(got) != 5 || got[0] != domain.SangatBaik || got[4] != domain.SangatKurang {
		t.Errorf("Predikats() = %v", got)
	}
	if got := domain.OrgPredikats(); len(got) != 5 || got[0] != domain.OrgIstimewa || got[4] != domain.OrgSangatKurang {
		t.Errorf("OrgPredikats() = %v", got)
	}
	if got := domain.Pendekatans(); len(got) != 2 || got[0] != domain.Kuantitatif {
		t.Errorf("Pendekatans() = %v: kuantitatif is the default (K1)", got)
	}
	if len(domain.DialogKinds()) != 6 || len(domain.KesepakatanStatuses()) != 3 || len(domain.Aspeks()) != 4 ||
		len(domain.SKPStatuses()) != 4 || len(domain.RHKKategoris()) != 2 {
		t.Error("enumeration lists have the wrong length")
	}
	for _, s := range domain.SKPStatuses() {
		if want := s == domain.SKPDraft || s == domain.SKPDikembalikan; s.Editable() != want {
			t.Errorf("%s.Editable() = %v", s, s.Editable())
		}
	}
	if got := domain.DialogKind("LAIN").Label(); got != "LAIN" {
		t.Errorf("unknown dialog kind label %q: shows the stored code", got)
	}
}

// Import variants of §4.11 and the codes and labels themselves.
func TestParseRatingAndPredikat(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]domain.Rating{
		"DIATAS": domain.DiAtas, "DIATAS EKSPEKTASI": domain.DiAtas, "Diatas ekspektasi": domain.DiAtas,
		"Di Atas Ekspektasi": domain.DiAtas, "di atas": domain.DiAtas, " Di-Atas  Ekspektasi ": domain.DiAtas,
		"SESUAI": domain.Sesuai, "Sesuai Ekspektasi": domain.Sesuai, "sesuai ekspektasi": domain.Sesuai,
		"DIBAWAH": domain.DiBawah, "DIBAWAH EKSPEKTASI": domain.DiBawah, "Di Bawah Ekspektasi": domain.DiBawah,
		"Dibawah ekspektasi": domain.DiBawah, "DI_BAWAH_EKSPEKTASI": domain.DiBawah,
	} {
		if got, ok := domain.ParseRating(in); !ok || got != want {
			t.Errorf("ParseRating(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "Atas", "Baik", "Ekspektasi", "Di Atas Harapan", "3"} {
		if got, ok := domain.ParseRating(in); ok {
			t.Errorf("ParseRating(%q) = %v, want refused", in, got)
		}
	}
	for _, r := range domain.Ratings() { // round trip of code and label
		if got, ok := domain.ParseRating(r.Code()); !ok || got != r {
			t.Errorf("ParseRating(%q) = %v", r.Code(), got)
		}
		if got, ok := domain.ParseRating(r.String()); !ok || got != r {
			t.Errorf("ParseRating(%q) = %v", r.String(), got)
		}
	}
	for in, want := range map[string]domain.Predikat{
		"Sangat Baik": domain.SangatBaik, "SANGAT BAIK": domain.SangatBaik, "SANGAT_BAIK": domain.SangatBaik,
		"Baik": domain.Baik, "BAIK": domain.Baik,
		"Butuh Perbaikan": domain.ButuhPerbaikan, "BUTUH PERBAIKAN": domain.ButuhPerbaikan, "Cukup": domain.ButuhPerbaikan,
		"CUKUP": domain.ButuhPerbaikan, "Butuh Perbaikan/Cukup": domain.ButuhPerbaikan, "BUTUH_PERBAIKAN": domain.ButuhPerbaikan,
		"Kurang": domain.Kurang, "KURANG": domain.Kurang, "Kurang/misconduct": domain.Kurang, "Kurang/Misconduct": domain.Kurang,
		"Sangat Kurang": domain.SangatKurang, "sangat kurang": domain.SangatKurang, "SANGAT_KURANG": domain.SangatKurang,
	} {
		if got, ok := domain.ParsePredikat(in); !ok || got != want {
			t.Errorf("ParsePredikat(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "Istimewa", "Baik sekali", "Sangat", "Di Atas Ekspektasi"} {
		if got, ok := domain.ParsePredikat(in); ok {
			t.Errorf("ParsePredikat(%q) = %v, want refused", in, got)
		}
	}
	for _, p := range domain.Predikats() {
		if got, ok := domain.ParsePredikat(p.Label()); !ok || got != p {
			t.Errorf("ParsePredikat(%q) = %v", p.Label(), got)
		}
	}
}

func TestPeriods(t *testing.T) {
	t.Parallel()
	if domain.Bulanan.Periods() != 12 || domain.Triwulanan.Periods() != 4 || domain.Frequency("").Periods() != 4 {
		t.Fatal("Periods: 12 for bulanan, 4 otherwise (K8)")
	}
	for _, tc := range []struct {
		f    domain.Frequency
		p    int
		want string
	}{
		{domain.Bulanan, 1, "Januari"}, {domain.Bulanan, 2, "Februari"}, {domain.Bulanan, 12, "Desember"},
		{domain.Triwulanan, 1, "Triwulan I"}, {domain.Triwulanan, 2, "Triwulan II"}, {domain.Triwulanan, 3, "Triwulan III"},
		{domain.Triwulanan, 4, "Triwulan IV"}, {"", 4, "Triwulan IV"},
		{domain.Bulanan, 0, "Tahunan"}, {domain.Triwulanan, 0, "Tahunan"},
		{domain.Triwulanan, 5, "Periode 5"}, {domain.Bulanan, 13, "Periode 13"}, {domain.Bulanan, -1, "Periode -1"},
	} {
		if got := tc.f.PeriodLabel(tc.p); got != tc.want {
			t.Errorf("%s.PeriodLabel(%d) = %q, want %q", tc.f.Label(), tc.p, got, tc.want)
		}
	}
	for _, tc := range []struct {
		year     int
		f        domain.Frequency
		p        int
		from, to domain.Date
	}{
		{2025, domain.Bulanan, 1, d(2025, 1, 1), d(2025, 1, 31)},
		{2025, domain.Bulanan, 2, d(2025, 2, 1), d(2025, 2, 28)},
		{2024, domain.Bulanan, 2, d(2024, 2, 1), d(2024, 2, 29)},
		{2025, domain.Bulanan, 4, d(2025, 4, 1), d(2025, 4, 30)},
		{2025, domain.Bulanan, 12, d(2025, 12, 1), d(2025, 12, 31)},
		{2025, domain.Triwulanan, 1, d(2025, 1, 1), d(2025, 3, 31)},
		{2025, domain.Triwulanan, 2, d(2025, 4, 1), d(2025, 6, 30)},
		{2025, domain.Triwulanan, 3, d(2025, 7, 1), d(2025, 9, 30)},
		{2025, domain.Triwulanan, 4, d(2025, 10, 1), d(2025, 12, 31)},
		{2025, domain.Triwulanan, 0, d(2025, 1, 1), d(2025, 12, 31)},
		{2025, domain.Bulanan, 0, d(2025, 1, 1), d(2025, 12, 31)},
		{2025, domain.Triwulanan, 9, d(2025, 1, 1), d(2025, 12, 31)},
	} {
		from, to := domain.PeriodRange(tc.year, tc.f, tc.p)
		if from != tc.from || to != tc.to {
			t.Errorf("PeriodRange(%d, %s, %d) = %v – %v, want %v – %v", tc.year, tc.f.Label(), tc.p, from, to, tc.from, tc.to)
		}
	}
	for _, tc := range []struct {
		f    domain.Frequency
		day  domain.Date
		want int
	}{
		{domain.Triwulanan, d(2025, 1, 1), 1}, {domain.Triwulanan, d(2025, 3, 31), 1}, {domain.Triwulanan, d(2025, 4, 1), 2},
		{domain.Triwulanan, d(2025, 12, 31), 4}, {domain.Bulanan, d(2025, 5, 10), 5}, {domain.Bulanan, d(2025, 12, 31), 12},
		{domain.Triwulanan, domain.Date{}, 0},
	} {
		if got := domain.PeriodOf(tc.f, tc.day); got != tc.want {
			t.Errorf("PeriodOf(%s, %v) = %d, want %d", tc.f.Label(), tc.day, got, tc.want)
		}
	}
	// every period of both frequencies tiles the year without gap or overlap
	for _, f := range []domain.Frequency{domain.Bulanan, domain.Triwulanan} {
		next := d(2026, 1, 1)
		for p := 1; p <= f.Periods(); p++ {
			from, to := domain.PeriodRange(2026, f, p)
			if from != next || domain.PeriodOf(f, from) != p || domain.PeriodOf(f, to) != p {
				t.Errorf("%s period %d: %v – %v", f.Label(), p, from, to)
			}
			next = to.AddDays(1)
		}
		if next != d(2027, 1, 1) {
			t.Errorf("%s periods end at %v", f.Label(), next)
		}
	}
}

func TestCoreValues(t *testing.T) {
	t.Parallel()
	cv := domain.CoreValues()
	names := []string{"Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif"}
	if len(cv) != 7 {
		t.Fatalf("%d core values", len(cv))
	}
	for i, v := range cv {
		if v.Name != names[i] {
			t.Errorf("value %d = %q, want %q (fixed Ber-A-K-H-L-A-K order)", i+1, v.Name, names[i])
		}
		for j, p := range v.Panduan {
			if p == "" {
				t.Errorf("%s panduan %d empty", v.Name, j+1)
			}
		}
	}
	if cv[6].Panduan[1] != "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah" {
		t.Errorf("Kolaboratif 2: %q", cv[6].Panduan[1])
	}
	cv[0].Name = "diubah" // a copy: the table itself stays
	if domain.CoreValues()[0].Name != "Berorientasi Pelayanan" {
		t.Error("CoreValues returns the table itself, not a copy")
	}
}

func TestFeedbackTargetLabel(t *testing.T) {
	t.Parallel()
	s := domain.SKP{RHK: []domain.RHK{{ID: 4, Text: "Laporan kependudukan"}, {ID: 9, Text: "Pelayanan KTP-el"}}}
	for _, tc := range []struct {
		t    domain.FeedbackTarget
		want string
	}{
		{domain.FeedbackTarget{Value: 1}, "Berorientasi Pelayanan"},
		{domain.FeedbackTarget{Value: 2}, "Akuntabel"},
		{domain.FeedbackTarget{Value: 7}, "Kolaboratif"},
		{domain.FeedbackTarget{RHKID: 9}, "RHK 2: Pelayanan KTP-el"},
		{domain.FeedbackTarget{RHKID: 4}, "RHK 1: Laporan kependudukan"},
		{domain.FeedbackTarget{RHKID: 5}, "RHK (sudah dihapus)"},
		{domain.FeedbackTarget{}, "Umum"},
	} {
		if got := tc.t.Label(s); got != tc.want {
			t.Errorf("%+v.Label = %q, want %q", tc.t, got, tc.want)
		}
	}
}

var skpNow = time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)

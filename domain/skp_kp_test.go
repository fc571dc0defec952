package domain_test

import (
	"reflect"
	"strings"
	"testing"

	"asndesk/domain"
)

// The annual predikat feeds the kenaikan pangkat rule (§4.10): Baik or
// Sangat Baik in each of the 2 years before the KP date; warnings only.
func TestNextKPWithKinerja(t *testing.T) {
	t.Parallel()
	s := domain.DefaultCareerSettings()
	today := d(2025, 1, 15)
	p := pns()
	rs := []domain.Riwayat{pangkat(1, "III/a", d(2017, 4, 1), 0, 0), pangkat(2, "III/b", d(2022, 4, 1), 4, 0), pendidikan(3, "S1", 2012)}
	want := d(2026, 4, 1) // 4 years in III/b
	for name, tc := range map[string]struct {
		kin  domain.KinerjaHistory
		line string
	}{
		"both years good": {domain.KinerjaHistory{2024: domain.Baik, 2025: domain.SangatBaik},
			"Predikat kinerja 2024 dan 2025: Baik, Sangat Baik — memenuhi syarat."},
		"older years do not count": {domain.KinerjaHistory{2022: domain.SangatKurang, 2024: domain.SangatBaik, 2025: domain.Baik, 2026: domain.Kurang},
			"Predikat kinerja 2024 dan 2025: Sangat Baik, Baik — memenuhi syarat."},
		"a year missing": {domain.KinerjaHistory{2024: domain.Baik},
			"Peringatan: syarat predikat kinerja Baik atau Sangat Baik dalam 2 tahun terakhir (2024 dan 2025) belum terpenuhi — 2025: belum ada predikat kinerja tahunan yang final."},
		"a lower year": {domain.KinerjaHistory{2024: domain.ButuhPerbaikan, 2025: domain.Baik},
			"Peringatan: syarat predikat kinerja Baik atau Sangat Baik dalam 2 tahun terakhir (2024 dan 2025) belum terpenuhi — 2024: Butuh Perbaikan."},
		"both wrong": {domain.KinerjaHistory{2025: domain.Kurang},
			"— 2024: belum ada predikat kinerja tahunan yang final; 2025: Kurang/Misconduct."},
		"no data yet, but checked": {domain.KinerjaHistory{},
			"— 2024: belum ada predikat kinerja tahunan yang final; 2025: belum ada predikat kinerja tahunan yang final."},
	} {
		t.Run(name, func(t *testing.T) {
			due, reasons := domain.NextKPWith(p, rs, today, s, tc.kin)
			if due != want {
				t.Fatalf("due %v, want %v: the predikat never moves the date", due, want)
			}
			wantText(t, reasons, tc.line)
			if hasText(reasons, "belum diperiksa") {
				t.Errorf("with a history the predikat is checked: %v", reasons)
			}
			// the predikat line is the last one, after the ceiling warnings
			if last := reasons[len(reasons)-1]; !strings.Contains(last, "Predikat kinerja") && !strings.Contains(last, "predikat kinerja") {
				t.Errorf("last reason %q", last)
			}
		})
	}
	t.Run("nil history is NextKP", func(t *testing.T) {
		d1, r1 := domain.NextKP(p, rs, today, s)
		d2, r2 := domain.NextKPWith(p, rs, today, s, nil)
		if d1 != d2 || !reflect.DeepEqual(r1, r2) {
			t.Fatalf("NextKP %v %v\nNextKPWith nil %v %v", d1, r1, d2, r2)
		}
		wantText(t, r1, "belum diperiksa: belum ada penilaian kinerja di asndesk")
	})
	t.Run("the years follow the KP date, not today", func(t *testing.T) {
		late := []domain.Riwayat{pangkat(1, "III/b", d(2022, 4, 2), 4, 0)} // → 1 Oktober 2026
		due, r := domain.NextKPWith(p, late, today, s, domain.KinerjaHistory{2024: domain.Baik, 2025: domain.Baik})
		if due != d(2026, 10, 1) {
			t.Fatalf("due %v", due)
		}
		wantText(t, r, "Predikat kinerja 2024 dan 2025: Baik, Baik — memenuhi syarat.")
		past := []domain.Riwayat{pangkat(1, "III/b", d(2019, 10, 1), 4, 0)} // eligible since 1 Oktober 2023
		due, r = domain.NextKPWith(p, past, today, s, domain.KinerjaHistory{2021: domain.Baik, 2022: domain.Baik})
		if due != d(2023, 10, 1) {
			t.Fatalf("due %v", due)
		}
		wantText(t, r, "Predikat kinerja 2021 dan 2022")
	})
	t.Run("no KP: no predikat line", func(t *testing.T) {
		_, r := domain.NextKPWith(pppk(), nil, today, s, domain.KinerjaHistory{2024: domain.Baik})
		if hasText(r, "redikat kinerja") {
			t.Errorf("PPPK: %v", r)
		}
	})
}

func TestAppendRemindersWithKinerja(t *testing.T) {
	t.Parallel()
	s := domain.DefaultCareerSettings()
	p := pns()
	rs := []domain.Riwayat{pangkat(1, "III/b", d(2022, 4, 1), 4, 0), pendidikan(2, "S1", 2012)}
	today := d(2026, 1, 5) // KP 1 April 2026 inside the 6-month window
	kp := func(rem []domain.Reminder) domain.Reminder {
		t.Helper()
		for _, r := range rem {
			if r.Kind == domain.RemKP {
				return r
			}
		}
		t.Fatalf("no KP reminder in %+v", rem)
		return domain.Reminder{}
	}
	plain := domain.AppendReminders(nil, p, rs, today, &s)
	nilKin := domain.AppendRemindersWith(nil, p, rs, today, &s, nil)
	if !reflect.DeepEqual(plain, nilKin) {
		t.Fatalf("nil history changes the reminders:\n%+v\n%+v", plain, nilKin)
	}
	if hasText(kp(plain).Notes, "redikat kinerja") {
		t.Errorf("existing callers unchanged: %v", kp(plain).Notes)
	}
	good := kp(domain.AppendRemindersWith(nil, p, rs, today, &s, domain.KinerjaHistory{2024: domain.SangatBaik, 2025: domain.Baik}))
	wantText(t, good.Notes, "Predikat kinerja 2024 dan 2025: Sangat Baik, Baik — memenuhi syarat.")
	bad := kp(domain.AppendRemindersWith(nil, p, rs, today, &s, domain.KinerjaHistory{2024: domain.Baik}))
	wantText(t, bad.Notes, "2025: belum ada predikat kinerja tahunan yang final")
	if bad.Date != good.Date || good.Date != d(2026, 4, 1) {
		t.Errorf("dates %v %v", bad.Date, good.Date)
	}
	// the other reminders are the same with or without the history
	with := domain.AppendRemindersWith(nil, p, rs, today, &s, domain.KinerjaHistory{})
	if len(with) != len(plain) {
		t.Errorf("%d reminders with history, %d without", len(with), len(plain))
	}
}

func TestKinerjaHistories(t *testing.T) {
	t.Parallel()
	rows := []domain.SKPRow{
		{SKPID: 1, EmployeeID: 7, Year: 2024, Start: d(2024, 1, 1), Predikat: domain.Baik},
		{SKPID: 2, EmployeeID: 7, Year: 2025, Start: d(2025, 1, 1), Predikat: domain.ButuhPerbaikan},
		{SKPID: 3, EmployeeID: 7, Year: 2025, Start: d(2025, 7, 1), Predikat: domain.SangatBaik}, // new jabatan from Juli
		{SKPID: 4, EmployeeID: 7, Year: 2026, Start: d(2026, 1, 1)},                              // not rated yet
		{SKPID: 5, EmployeeID: 8, Year: 2025, Start: d(2025, 1, 1), Predikat: domain.Kurang},
		{SKPID: 6, EmployeeID: 8, Year: 2025, Start: d(2025, 1, 1), Predikat: domain.Baik}, // same start: the later SKP
		{SKPID: 7, EmployeeID: 9, Year: 2025, Start: d(2025, 8, 1)},                        // only an unrated SKP
	}
	got := domain.KinerjaHistories(rows)
	want := map[uint64]domain.KinerjaHistory{
		7: {2024: domain.Baik, 2025: domain.SangatBaik},
		8: {2025: domain.Baik},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("KinerjaHistories = %v, want %v", got, want)
	}
	// order of the rows does not matter
	rev := make([]domain.SKPRow, len(rows))
	for i, r := range rows {
		rev[len(rows)-1-i] = r
	}
	if got := domain.KinerjaHistories(rev); !reflect.DeepEqual(got, want) {
		t.Errorf("reversed rows: %v", got)
	}
}

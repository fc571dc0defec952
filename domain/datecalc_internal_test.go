package domain

import (
	"testing"
	"time"
)

func TestDayNumberRoundTrip(t *testing.T) {
	t.Parallel()
	start := time.Date(1896, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 200*366; i += 1 {
		tm := start.AddDate(0, 0, i)
		d := DateOf(tm)
		want := int(tm.Sub(time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24)
		if got := dayNumber(d); got != want {
			t.Fatalf("dayNumber(%v) = %d, want %d", d, got, want)
		}
		if back := dateOfDayNumber(want); back != d {
			t.Fatalf("dateOfDayNumber(%d) = %v, want %v", want, back, d)
		}
		if d.Weekday() != tm.Weekday() {
			t.Fatalf("Weekday(%v) = %v, want %v", d, d.Weekday(), tm.Weekday())
		}
	}
}

func TestAddDays(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   Date
		n    int
		want Date
	}{
		{Date{2024, 2, 28}, 1, Date{2024, 2, 29}}, // leap year
		{Date{2024, 2, 29}, 1, Date{2024, 3, 1}},
		{Date{2023, 2, 28}, 1, Date{2023, 3, 1}},
		{Date{1900, 2, 28}, 1, Date{1900, 3, 1}},  // not a leap year
		{Date{2000, 2, 28}, 1, Date{2000, 2, 29}}, // leap year
		{Date{2025, 1, 1}, -1, Date{2024, 12, 31}},
		{Date{}, 5, Date{}},
	} {
		if got := tc.in.AddDays(tc.n); got != tc.want {
			t.Errorf("%v.AddDays(%d) = %v, want %v", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestAddMonthsFastMatchesAddMonths(t *testing.T) {
	t.Parallel()
	for y := 1999; y <= 2005; y++ {
		for m := time.January; m <= time.December; m++ {
			for d := 1; d <= monthLen(y, m); d++ {
				for _, n := range []int{-25, -12, -1, 0, 1, 2, 11, 12, 13, 24, 48, 696} {
					in := Date{y, m, d}
					if got, want := addMonths(in, n), in.AddMonths(n); got != want {
						t.Fatalf("addMonths(%v, %d) = %v, want %v", in, n, got, want)
					}
				}
			}
		}
	}
}

func TestPeriodEnd(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		start Date
		n     int
		want  Date
	}{
		{Date{2024, 1, 15}, 6, Date{2024, 7, 14}},
		{Date{2024, 1, 1}, 12, Date{2024, 12, 31}},
		{Date{2023, 6, 1}, 9, Date{2024, 2, 29}},  // ends on a leap day
		{Date{2023, 1, 31}, 1, Date{2023, 2, 28}}, // clamped: runs to month end
		{Date{2024, 1, 31}, 1, Date{2024, 2, 29}},
		{Date{2024, 1, 29}, 1, Date{2024, 2, 28}},
		{Date{2023, 1, 29}, 1, Date{2023, 2, 28}},  // clamped
		{Date{2024, 2, 29}, 12, Date{2025, 2, 28}}, // clamped
		{Date{2024, 1, 1}, 0, Date{}},
		{Date{}, 6, Date{}},
	} {
		if got := periodEnd(tc.start, tc.n); got != tc.want {
			t.Errorf("periodEnd(%v, %d) = %v, want %v", tc.start, tc.n, got, tc.want)
		}
	}
}

func TestFmtDateMatchesString(t *testing.T) {
	t.Parallel()
	for _, d := range []Date{{2025, 1, 5}, {1986, 9, 26}, {2000, 12, 31}, {}, {999, 1, 1}} {
		if got, want := fmtDate(d), d.String(); got != want {
			t.Errorf("fmtDate(%+v) = %q, want %q", d, got, want)
		}
	}
	if got := spanText(Span{12, 4}); got != (Span{12, 4}).String() {
		t.Errorf("spanText = %q", got)
	}
}

func TestWorkingDaysBruteForce(t *testing.T) {
	t.Parallel()
	hol := map[Date]bool{{2024, 12, 25}: true, {2025, 1, 1}: true, {2025, 1, 4}: true /* Saturday */, {2025, 3, 31}: true, {2025, 4, 1}: false}
	brute := func(a, b Date) int {
		n := 0
		for d := a; !b.Before(d); d = d.AddDays(1) {
			if w := d.Weekday(); w != time.Saturday && w != time.Sunday && !hol[d] {
				n++
			}
		}
		return n
	}
	base := Date{2024, 12, 1}
	for i := 0; i < 60; i++ {
		for l := 0; l < 140; l += 3 {
			a := base.AddDays(i)
			b := a.AddDays(l)
			if got, want := WorkingDays(a, b, hol), brute(a, b); got != want {
				t.Fatalf("WorkingDays(%v, %v) = %d, want %d", a, b, got, want)
			}
		}
	}
}

func TestFastGolonganHelpersAgree(t *testing.T) {
	t.Parallel()
	pns := PNSGolongan()
	for i, g := range pns {
		if pnsRank(g.Code) != g.Rank || pnsCode(g.Rank) != g.Code || golonganRank(g.Code) != GolonganRank(g.Code) {
			t.Errorf("%s: rank %d code %q", g.Code, pnsRank(g.Code), pnsCode(g.Rank))
		}
		want := ""
		if i+1 < len(pns) {
			want = pns[i+1].Code
		}
		if got := nextGolongan(g.Code); got != want {
			t.Errorf("nextGolongan(%s) = %q, want %q", g.Code, got, want)
		}
	}
	for _, g := range PPPKGolongan() {
		if golonganRank(g.Code) != GolonganRank(g.Code) {
			t.Errorf("PPPK %s: %d vs %d", g.Code, golonganRank(g.Code), GolonganRank(g.Code))
		}
	}
	for _, c := range []string{"", "V/a", "I/e", "IV/f", "III", "III/", "/a", "iii/b", "IIII/a", "XVIII", "IV/e "} {
		if golonganRank(c) != GolonganRank(c) || nextGolongan(c) != "" {
			t.Errorf("%q: %d vs %d, next %q", c, golonganRank(c), GolonganRank(c), nextGolongan(c))
		}
	}
	for y := 1950; y <= 2000; y++ {
		for _, m := range []time.Month{1, 2, 3, 6, 12} {
			for _, dd := range []int{1, 15, 28, 29, 31} {
				b, ok := NewDate(y, m, dd)
				if !ok {
					continue
				}
				for _, bup := range []int{0, 58, 60, 65} {
					if tmtPensiun(b, bup) != TMTPensiun(b, bup) {
						t.Fatalf("tmtPensiun(%v, %d)", b, bup)
					}
				}
			}
		}
	}
}

package domain

import "time"

// Calendar arithmetic for the career rules. Everything here works on the
// civil Date directly (no time.Time, no allocation) because the reminder and
// DUK screens run these rules for every employee of the office.

// dayNumber counts days from 1970-01-01 (negative before it), using the
// proleptic Gregorian calendar (H. Hinnant's days_from_civil).
func dayNumber(d Date) int {
	y, m := d.Year, int(d.Month)
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// dateOfDayNumber is the inverse of dayNumber.
func dateOfDayNumber(z int) Date {
	z += 719468
	era := z / 146097
	if z < 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return Date{y, time.Month(m), day}
}

// AddDays returns the date n days later (earlier for negative n). The zero
// date stays zero.
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	return dateOfDayNumber(dayNumber(d) + n)
}

// Weekday returns the day of the week of a non-zero date.
func (d Date) Weekday() time.Weekday {
	w := (dayNumber(d) + 4) % 7 // 1970-01-01 was a Thursday
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// DaysUntil counts calendar days from d to o (negative when o is earlier).
func (d Date) DaysUntil(o Date) int { return dayNumber(o) - dayNumber(d) }

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func monthLen(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// addMonths is Date.AddMonths without the time package: the day is kept
// where it exists and clamped to the month's last day otherwise. The zero
// date stays zero.
func addMonths(d Date, n int) Date {
	if d.IsZero() {
		return d
	}
	total := d.Year*12 + int(d.Month) - 1 + n
	y, m := total/12, time.Month(total%12+1)
	day := d.Day
	if l := monthLen(y, m); day > l {
		day = l
	}
	return Date{y, m, day}
}

// periodEnd is the last day of a period of n months starting on start:
// start + n months − 1 day, or the clamped month end when the start day does
// not exist in the final month (31 Januari + 1 bulan ends 28/29 Februari).
func periodEnd(start Date, n int) Date {
	if start.IsZero() || n <= 0 {
		return Date{}
	}
	e := addMonths(start, n)
	if e.Day != start.Day {
		return e // clamped: the period runs to the end of that month
	}
	return e.AddDays(-1)
}

func maxDate(a, b Date) Date {
	if a.Before(b) {
		return b
	}
	return a
}

func minDate(a, b Date) Date {
	if b.Before(a) {
		return b
	}
	return a
}

// monthsBetween is the whole months from a to b (SpanBetween in months).
func monthsBetween(a, b Date) int {
	if a.IsZero() || b.IsZero() || b.Before(a) {
		return 0
	}
	m := (b.Year-a.Year)*12 + int(b.Month) - int(a.Month)
	if b.Day < a.Day {
		m--
	}
	return max(m, 0)
}

// TotalMonths is the span in months.
func (s Span) TotalMonths() int { return s.Years*12 + s.Months }

func spanOfMonths(m int) Span {
	if m < 0 {
		m = 0
	}
	return Span{m / 12, m % 12}
}

// fmtDate formats DD-MM-YYYY like Date.String, without fmt.
func fmtDate(d Date) string {
	if d.IsZero() {
		return ""
	}
	var b [10]byte
	put2 := func(i, v int) { b[i], b[i+1] = byte('0'+v/10%10), byte('0'+v%10) }
	put2(0, d.Day)
	b[2] = '-'
	put2(3, int(d.Month))
	b[5] = '-'
	put2(6, d.Year/100)
	put2(8, d.Year%100)
	return string(b[:])
}

// spanText is "12 tahun 4 bulan" without fmt.
func spanText(s Span) string {
	return itoa(s.Years) + " tahun " + itoa(s.Months) + " bulan"
}

// WorkingDays counts Monday–Friday days from from to to inclusive that are
// not in holidays (libur nasional, cuti bersama). Zero when to is before
// from or either date is zero.
func WorkingDays(from, to Date, holidays map[Date]bool) int {
	if from.IsZero() || to.IsZero() || to.Before(from) {
		return 0
	}
	a, b := dayNumber(from), dayNumber(to)
	n := b - a + 1
	count := n / 7 * 5
	w := from.Weekday()
	for i := 0; i < n%7; i++ {
		if d := (int(w) + i) % 7; d != int(time.Saturday) && d != int(time.Sunday) {
			count++
		}
	}
	for h, on := range holidays {
		if !on || h.Before(from) || to.Before(h) {
			continue
		}
		if wd := h.Weekday(); wd != time.Saturday && wd != time.Sunday {
			count--
		}
	}
	return count
}

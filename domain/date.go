package domain

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date without time or zone: birth dates and TMTs are
// civil dates, and time.Time would drag zones into every comparison.
// The zero Date means "not filled in".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date, or ok=false if it does not exist (31-02-1990).
func NewDate(y int, m time.Month, d int) (Date, bool) {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return Date{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || t.Month() != m || t.Day() != d {
		return Date{}, false
	}
	return Date{y, m, d}, true
}

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date { return Date{t.Year(), t.Month(), t.Day()} }

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Before reports whether d is strictly earlier than o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// Compare returns -1, 0 or +1.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return cmpInt(d.Year, o.Year)
	case d.Month != o.Month:
		return cmpInt(int(d.Month), int(o.Month))
	default:
		return cmpInt(d.Day, o.Day)
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// String formats as the Indonesian DD-MM-YYYY, "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d-%02d-%04d", d.Day, int(d.Month), d.Year)
}

// ISO formats as YYYY-MM-DD (export, storage).
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

var bulan = [...]string{"", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	"Agustus", "September", "Oktober", "November", "Desember"}

// MonthName returns the Indonesian month name.
func MonthName(m time.Month) string {
	if m < 1 || m > 12 {
		return ""
	}
	return bulan[m]
}

// Long formats as "26 September 1986".
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day, MonthName(d.Month), d.Year)
}

// ParseDate reads DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY or YYYY-MM-DD. An empty
// string gives the zero date without error.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	bad := &Error{Code: EINVALID, Message: "Tanggal harus ditulis HH-BB-TTTT, misalnya 26-09-1986."}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' || r == ' ' })
	if len(parts) != 3 {
		return Date{}, bad
	}
	n := [3]int{}
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return Date{}, bad
		}
		n[i] = v
	}
	y, m, d := n[2], n[1], n[0]
	if len(parts[0]) == 4 { // ISO order
		y, d = n[0], n[2]
	} else if len(parts[2]) != 4 {
		return Date{}, bad
	}
	dt, ok := NewDate(y, time.Month(m), d)
	if !ok {
		return Date{}, &Error{Code: EINVALID, Message: "Tanggal " + s + " tidak ada di kalender."}
	}
	return dt, nil
}

// MarshalText stores dates as YYYY-MM-DD ("" for zero).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.ISO()), nil }

// UnmarshalText reads what MarshalText wrote.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// AddMonths adds n calendar months, keeping the day where it exists and
// clamping to the month's last day otherwise.
func (d Date) AddMonths(n int) Date {
	total := d.Year*12 + int(d.Month) - 1 + n
	y, m := total/12, time.Month(total%12+1)
	day := d.Day
	if last := daysIn(y, m); day > last {
		day = last
	}
	return Date{y, m, day}
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Span is a duration in whole years and months, as masa kerja and usia are
// spoken of ("12 tahun 4 bulan").
type Span struct{ Years, Months int }

// SpanBetween counts the whole months from a to b (b after a); a negative
// interval gives the zero span.
func SpanBetween(a, b Date) Span {
	if a.IsZero() || b.IsZero() || b.Before(a) {
		return Span{}
	}
	months := (b.Year-a.Year)*12 + int(b.Month) - int(a.Month)
	if b.Day < a.Day {
		months--
	}
	if months < 0 {
		months = 0
	}
	return Span{months / 12, months % 12}
}

// String formats as "12 tahun 4 bulan".
func (s Span) String() string { return fmt.Sprintf("%d tahun %d bulan", s.Years, s.Months) }

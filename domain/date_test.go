package domain_test

import (
	"encoding/json"
	"testing"
	"time"

	"asndesk/domain"
)

// day builds a date that must exist; tests use it for readable vectors.
func day(y int, m time.Month, d int) domain.Date {
	dt, ok := domain.NewDate(y, m, d)
	if !ok {
		panic("test vector is not a calendar date")
	}
	return dt
}

func TestParseDate(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in   string
		want domain.Date
	}{
		"dashes":                     {"26-09-1986", day(1986, 9, 26)},
		"slashes":                    {"26/09/1986", day(1986, 9, 26)},
		"dots":                       {"26.09.1986", day(1986, 9, 26)},
		"iso order":                  {"1986-09-26", day(1986, 9, 26)},
		"single digit day and month": {"1-2-1986", day(1986, 2, 1)},
		"surrounding spaces":         {"  26-09-1986 ", day(1986, 9, 26)},
		"empty is not filled in":     {"", domain.Date{}},
		"blank is not filled in":     {"   ", domain.Date{}},
		"leap day in leap year":      {"29-02-2024", day(2024, 2, 29)},
		"leap day iso":               {"2000-02-29", day(2000, 2, 29)},
		"last day of year":           {"31-12-1999", day(1999, 12, 31)},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := domain.ParseDate(tc.in)
			if err != nil {
				t.Fatalf("ParseDate(%q) error %q, want %v", tc.in, domain.ErrorMessage(err), tc.want)
			}
			if got != tc.want {
				t.Errorf("ParseDate(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseDateRefused(t *testing.T) {
	t.Parallel()
	const format = "Tanggal harus ditulis HH-BB-TTTT, misalnya 26-09-1986."
	tests := map[string]struct {
		in   string
		want string
	}{
		"letters":                  {"abc", format},
		"two digit year":           {"1-2-86", format},
		"only day and month":       {"26-09", format},
		"four parts":               {"26-09-1986-1", format},
		"no separators":            {"26091986", format},
		"month as word":            {"26-Sep-1986", format},
		"five digit year":          {"26-09-19860", format},
		"31 february":              {"31-02-1990", "Tanggal 31-02-1990 tidak ada di kalender."},
		"29 february not leap":     {"29-02-2023", "Tanggal 29-02-2023 tidak ada di kalender."},
		"29 february 1900":         {"29-02-1900", "Tanggal 29-02-1900 tidak ada di kalender."},
		"31 april":                 {"31-04-2020", "Tanggal 31-04-2020 tidak ada di kalender."},
		"day zero":                 {"00-01-2020", "Tanggal 00-01-2020 tidak ada di kalender."},
		"day 32":                   {"32-01-2020", "Tanggal 32-01-2020 tidak ada di kalender."},
		"month 13":                 {"26-13-1986", "Tanggal 26-13-1986 tidak ada di kalender."},
		"iso 31 february":          {"1990-02-31", "Tanggal 1990-02-31 tidak ada di kalender."},
		"year zero":                {"01-01-0000", "Tanggal 01-01-0000 tidak ada di kalender."},
		"nik style day plus forty": {"66-09-1986", "Tanggal 66-09-1986 tidak ada di kalender."},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := domain.ParseDate(tc.in)
			if err == nil {
				t.Fatalf("ParseDate(%q) = %v, want error %q", tc.in, got, tc.want)
			}
			if msg := domain.ErrorMessage(err); msg != tc.want {
				t.Errorf("ParseDate(%q) message %q, want %q", tc.in, msg, tc.want)
			}
			if code := domain.ErrorCode(err); code != domain.EINVALID {
				t.Errorf("ParseDate(%q) code %q, want %q", tc.in, code, domain.EINVALID)
			}
			if !got.IsZero() {
				t.Errorf("ParseDate(%q) returned %v with its error, want the zero date", tc.in, got)
			}
		})
	}
}

func TestNewDate(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		y      int
		m      time.Month
		d      int
		wantOK bool
	}{
		"ordinary":           {1986, time.September, 26, true},
		"leap day":           {2024, time.February, 29, true},
		"leap day 2000":      {2000, time.February, 29, true},
		"not leap 2100":      {2100, time.February, 29, false},
		"31 february":        {1990, time.February, 31, false},
		"31 june":            {2020, time.June, 31, false},
		"month zero":         {2020, 0, 1, false},
		"month 13":           {2020, 13, 1, false},
		"day zero":           {2020, 1, 0, false},
		"negative day":       {2020, 1, -1, false},
		"year zero":          {0, 1, 1, false},
		"year five digits":   {10000, 1, 1, false},
		"last representable": {9999, time.December, 31, true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, ok := domain.NewDate(tc.y, tc.m, tc.d)
			if ok != tc.wantOK {
				t.Fatalf("NewDate(%d, %d, %d) ok = %v, want %v", tc.y, tc.m, tc.d, ok, tc.wantOK)
			}
			want := domain.Date{}
			if ok {
				want = domain.Date{Year: tc.y, Month: tc.m, Day: tc.d}
			}
			if got != want {
				t.Errorf("NewDate(%d, %d, %d) = %#v, want %#v", tc.y, tc.m, tc.d, got, want)
			}
		})
	}
}

func TestDateFormats(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in                         domain.Date
		wantStr, wantISO, wantLong string
	}{
		"birth date":    {day(1986, 9, 26), "26-09-1986", "1986-09-26", "26 September 1986"},
		"single digits": {day(2015, 5, 1), "01-05-2015", "2015-05-01", "1 Mei 2015"},
		"agustus":       {day(1945, 8, 17), "17-08-1945", "1945-08-17", "17 Agustus 1945"},
		"zero":          {domain.Date{}, "", "", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := tc.in.String(); got != tc.wantStr {
				t.Errorf("String() = %q, want %q", got, tc.wantStr)
			}
			if got := tc.in.ISO(); got != tc.wantISO {
				t.Errorf("ISO() = %q, want %q", got, tc.wantISO)
			}
			if got := tc.in.Long(); got != tc.wantLong {
				t.Errorf("Long() = %q, want %q", got, tc.wantLong)
			}
		})
	}
}

func TestMonthName(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in   time.Month
		want string
	}{
		"januari":  {time.January, "Januari"},
		"mei":      {time.May, "Mei"},
		"desember": {time.December, "Desember"},
		"zero":     {0, ""},
		"thirteen": {13, ""},
		"negative": {-1, ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := domain.MonthName(tc.in); got != tc.want {
				t.Errorf("MonthName(%d) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestDateCompare(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		a, b       domain.Date
		want       int
		wantBefore bool
	}{
		"equal":           {day(2020, 5, 1), day(2020, 5, 1), 0, false},
		"earlier year":    {day(2019, 12, 31), day(2020, 1, 1), -1, true},
		"later month":     {day(2020, 6, 1), day(2020, 5, 31), 1, false},
		"earlier day":     {day(2020, 5, 1), day(2020, 5, 2), -1, true},
		"zero before any": {domain.Date{}, day(1, 1, 1), -1, true},
		"month beats day": {day(2020, 2, 1), day(2020, 1, 31), 1, false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := tc.a.Compare(tc.b); got != tc.want {
				t.Errorf("%v.Compare(%v) = %d, want %d", tc.a, tc.b, got, tc.want)
			}
			if got := tc.b.Compare(tc.a); got != -tc.want {
				t.Errorf("%v.Compare(%v) = %d, want %d", tc.b, tc.a, got, -tc.want)
			}
			if got := tc.a.Before(tc.b); got != tc.wantBefore {
				t.Errorf("%v.Before(%v) = %v, want %v", tc.a, tc.b, got, tc.wantBefore)
			}
		})
	}
}

func TestDateOf(t *testing.T) {
	t.Parallel()
	wib := time.FixedZone("WIB", 7*3600)
	wit := time.FixedZone("WIT", 9*3600)
	tests := map[string]struct {
		in   time.Time
		want domain.Date
	}{
		// 01:00 WIB on New Year's Day is still 31 December in UTC; the civil
		// date in the office's zone is what counts.
		"early morning wib": {time.Date(2024, 1, 1, 1, 0, 0, 0, wib), day(2024, 1, 1)},
		"late evening wit":  {time.Date(2024, 2, 29, 23, 59, 0, 0, wit), day(2024, 2, 29)},
		"utc":               {time.Date(1986, 9, 26, 12, 0, 0, 0, time.UTC), day(1986, 9, 26)},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := domain.DateOf(tc.in); got != tc.want {
				t.Errorf("DateOf(%v) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestDateTime(t *testing.T) {
	t.Parallel()
	got := day(1986, 9, 26).Time()
	want := time.Date(1986, 9, 26, 0, 0, 0, 0, time.UTC)
	if !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("Time() = %v, want %v", got, want)
	}
}

func TestDateTextRoundTrip(t *testing.T) {
	t.Parallel()
	type record struct {
		Lahir domain.Date `json:"lahir"`
	}
	tests := map[string]struct {
		in       domain.Date
		wantJSON string
	}{
		"birth date": {day(1986, 9, 26), `{"lahir":"1986-09-26"}`},
		"leap day":   {day(2024, 2, 29), `{"lahir":"2024-02-29"}`},
		"zero":       {domain.Date{}, `{"lahir":""}`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			b, err := json.Marshal(record{tc.in})
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			if string(b) != tc.wantJSON {
				t.Errorf("Marshal = %s, want %s", b, tc.wantJSON)
			}
			var back record
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatalf("Unmarshal(%s): %v", b, err)
			}
			if back.Lahir != tc.in {
				t.Errorf("round trip = %v, want %v", back.Lahir, tc.in)
			}
		})
	}
}

func TestDateUnmarshalTextRefused(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in   string
		want string
	}{
		"impossible date": {"1990-02-31", "Tanggal 1990-02-31 tidak ada di kalender."},
		"garbage":         {"kemarin", "Tanggal harus ditulis HH-BB-TTTT, misalnya 26-09-1986."},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			d := day(2000, 1, 1)
			err := d.UnmarshalText([]byte(tc.in))
			if err == nil {
				t.Fatalf("UnmarshalText(%q) = nil error, date %v", tc.in, d)
			}
			if msg := domain.ErrorMessage(err); msg != tc.want {
				t.Errorf("UnmarshalText(%q) message %q, want %q", tc.in, msg, tc.want)
			}
			if d != day(2000, 1, 1) {
				t.Errorf("UnmarshalText(%q) changed the date to %v on error", tc.in, d)
			}
		})
	}
}

func TestAddMonths(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in   domain.Date
		n    int
		want domain.Date
	}{
		"plain":                    {day(2023, 11, 15), 3, day(2024, 2, 15)},
		"zero":                     {day(2023, 11, 15), 0, day(2023, 11, 15)},
		"31 january to february":   {day(2023, 1, 31), 1, day(2023, 2, 28)},
		"31 january to leap feb":   {day(2024, 1, 31), 1, day(2024, 2, 29)},
		"31 march to april":        {day(2024, 3, 31), 1, day(2024, 4, 30)},
		"leap day plus a year":     {day(2024, 2, 29), 12, day(2025, 2, 28)},
		"leap day plus four years": {day(2024, 2, 29), 48, day(2028, 2, 29)},
		"december to january":      {day(2023, 12, 10), 1, day(2024, 1, 10)},
		"back across year end":     {day(2024, 1, 15), -1, day(2023, 12, 15)},
		"sixty years":              {day(1970, 3, 15), 720, day(2030, 3, 15)},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := tc.in.AddMonths(tc.n); got != tc.want {
				t.Errorf("%v.AddMonths(%d) = %v, want %v", tc.in, tc.n, got, tc.want)
			}
		})
	}
}

func TestSpanBetween(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		a, b domain.Date
		want domain.Span
	}{
		"same day":                      {day(2020, 5, 1), day(2020, 5, 1), domain.Span{}},
		"masa kerja 12 tahun 4 bulan":   {day(2015, 5, 1), day(2027, 9, 1), domain.Span{Years: 12, Months: 4}},
		"one day short of a month":      {day(2020, 5, 1), day(2020, 5, 31), domain.Span{}},
		"day of month reached":          {day(2020, 5, 15), day(2020, 6, 15), domain.Span{Months: 1}},
		"day of month not yet reached":  {day(2020, 5, 15), day(2020, 6, 14), domain.Span{}},
		"birthday not yet reached":      {day(1970, 3, 15), day(2030, 3, 14), domain.Span{Years: 59, Months: 11}},
		"birthday reached":              {day(1970, 3, 15), day(2030, 3, 15), domain.Span{Years: 60}},
		"across year end":               {day(2023, 12, 15), day(2024, 1, 15), domain.Span{Months: 1}},
		"across year end one day short": {day(2023, 12, 16), day(2024, 1, 15), domain.Span{}},
		"31st to end of february":       {day(2020, 1, 31), day(2020, 2, 29), domain.Span{}},
		"31st to first of march":        {day(2020, 1, 31), day(2020, 3, 1), domain.Span{Months: 1}},
		"31st to 30 april":              {day(2020, 1, 31), day(2020, 4, 30), domain.Span{Months: 2}},
		"leap day birthday in 2018":     {day(2000, 2, 29), day(2018, 2, 28), domain.Span{Years: 17, Months: 11}},
		"leap day birthday after feb":   {day(2000, 2, 29), day(2018, 3, 1), domain.Span{Years: 18}},
		"negative interval":             {day(2024, 1, 2), day(2024, 1, 1), domain.Span{}},
		"negative by years":             {day(2030, 1, 1), day(1990, 6, 1), domain.Span{}},
		"zero start":                    {domain.Date{}, day(2024, 1, 1), domain.Span{}},
		"zero end":                      {day(1986, 9, 26), domain.Date{}, domain.Span{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := domain.SpanBetween(tc.a, tc.b); got != tc.want {
				t.Errorf("SpanBetween(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestSpanString(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in   domain.Span
		want string
	}{
		"years and months": {domain.Span{Years: 12, Months: 4}, "12 tahun 4 bulan"},
		"zero":             {domain.Span{}, "0 tahun 0 bulan"},
		"months only":      {domain.Span{Months: 11}, "0 tahun 11 bulan"},
		"from dates":       {domain.SpanBetween(day(2015, 5, 1), day(2027, 9, 20)), "12 tahun 4 bulan"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := tc.in.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
		})
	}
}

package domain_test

// Fuzz targets for the parsers and validators that take typed or imported
// text. Each target checks properties of the result, not merely that nothing
// panics. The seed corpora live in testdata/fuzz/<FuzzName>/ and run as
// ordinary tests under `go test ./domain/`; to fuzz one target:
//
//	go test ./domain -run '^$' -fuzz '^FuzzParseNIP$' -fuzztime 1000000x

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"asndesk/domain"
)

// fzInternalMessage is what ErrorMessage shows for errors that are not ours;
// no parser or validator may produce it.
const fzInternalMessage = "Terjadi kesalahan internal. Lihat berkas log untuk rinciannya."

// fzFields is every Field* key a FieldErrors or Warning may use.
var fzFields = map[string]bool{
	domain.FieldKind: true, domain.FieldNama: true, domain.FieldGelarDepan: true,
	domain.FieldGelarBelakang: true, domain.FieldTempatLahir: true, domain.FieldTanggalLahir: true,
	domain.FieldJenisKelamin: true, domain.FieldAgama: true, domain.FieldPerkawinan: true,
	domain.FieldNIK: true, domain.FieldAlamat: true, domain.FieldNomorHP: true,
	domain.FieldEmail: true, domain.FieldNIP: true, domain.FieldStatus: true,
	domain.FieldTMTCPNS: true, domain.FieldTMTPNS: true, domain.FieldTMTKontrak: true,
	domain.FieldAkhirKontrak: true, domain.FieldGolongan: true, domain.FieldJenisJabatan: true,
	domain.FieldJenjang: true, domain.FieldNamaJabatan: true, domain.FieldUnit: true,
	domain.FieldAtasan: true, domain.FieldPendidikan: true, domain.FieldBUP: true,
}

// fzUserMessage checks that msg is fit to show a user: non-empty valid UTF-8,
// not the generic internal message, not the internal "asndesk code: …" form,
// and naming what it is about (want, an Indonesian word of the message
// family; "" to skip).
func fzUserMessage(t *testing.T, what, msg, want string) {
	t.Helper()
	switch {
	case strings.TrimSpace(msg) == "":
		t.Fatalf("%s: empty message", what)
	case !utf8.ValidString(msg):
		t.Fatalf("%s: message is not valid UTF-8: %q", what, msg)
	case msg == fzInternalMessage:
		t.Fatalf("%s: generic internal message", what)
	case strings.HasPrefix(msg, "asndesk ") || strings.Contains(msg, domain.EINVALID+":"):
		t.Fatalf("%s: internal error text shown to the user: %q", what, msg)
	case want != "" && !strings.Contains(msg, want):
		t.Fatalf("%s: message %q does not mention %q", what, msg, want)
	}
}

// fzCheckError checks an error returned by a parser: one of ours, coded
// EINVALID, with a user message distinct from the internal Error() text.
func fzCheckError(t *testing.T, what string, err error, want string) {
	t.Helper()
	var de *domain.Error
	if !errors.As(err, &de) {
		t.Fatalf("%s: error %v (%T) is not a *domain.Error", what, err, err)
	}
	if got := domain.ErrorCode(err); got != domain.EINVALID {
		t.Fatalf("%s: ErrorCode = %q, want %q", what, got, domain.EINVALID)
	}
	if !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("%s: errors.Is(err, ErrInvalid) = false", what)
	}
	msg := domain.ErrorMessage(err)
	if msg == err.Error() {
		t.Fatalf("%s: ErrorMessage is the internal Error() text %q", what, msg)
	}
	fzUserMessage(t, what, msg, want)
}

func fzIsDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func fzAtoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func FuzzParseNIP(f *testing.F) {
	// Worked examples of domain.md §6; the rest of the corpus is in
	// testdata/fuzz/FuzzParseNIP.
	f.Add("19860926 201505 1 001")
	f.Add("198609262015051001")
	f.Add("19900115 2023 21 2 005")
	f.Add("19860926 201513 1 001")
	f.Fuzz(func(t *testing.T, s string) {
		info, err := domain.ParseNIP(s)
		d := domain.Digits(s)
		formatted := domain.FormatNIP(s)
		if err != nil {
			if info != (domain.NIPInfo{}) {
				t.Fatalf("ParseNIP(%q) returned %+v alongside error %v", s, info, err)
			}
			fzCheckError(t, "ParseNIP("+fzQuote(s)+")", err, "NIP")
			if len(d) == 18 && fzIsDigits(d) {
				// Rejected for its content, not its shape: still formatted.
				if strings.ReplaceAll(formatted, " ", "") != d {
					t.Fatalf("FormatNIP(%q) = %q, digits differ from %q", s, formatted, d)
				}
			} else if formatted != s {
				t.Fatalf("FormatNIP(%q) = %q, want the input back unchanged", s, formatted)
			}
			return
		}

		if len(d) != 18 || !fzIsDigits(d) {
			t.Fatalf("ParseNIP(%q) accepted Digits %q, want 18 digits", s, d)
		}
		if got := strings.ReplaceAll(formatted, " ", ""); got != d {
			t.Fatalf("FormatNIP(%q) = %q: digits %q, want %q", s, formatted, got, d)
		}
		if formatted != strings.TrimSpace(formatted) || strings.Contains(formatted, "  ") {
			t.Fatalf("FormatNIP(%q) = %q: stray spaces", s, formatted)
		}
		// Formatting is stable: the printed form parses to the same info.
		if again, err := domain.ParseNIP(formatted); err != nil || again != info {
			t.Fatalf("ParseNIP(FormatNIP(%q)) = %+v, %v; want %+v", s, again, err, info)
		}
		if domain.FormatNIP(formatted) != formatted {
			t.Fatalf("FormatNIP not idempotent on %q", formatted)
		}

		if nd, ok := domain.NewDate(info.Lahir.Year, info.Lahir.Month, info.Lahir.Day); !ok || nd != info.Lahir {
			t.Fatalf("ParseNIP(%q).Lahir = %+v is not a calendar date", s, info.Lahir)
		}
		if got := strings.ReplaceAll(info.Lahir.ISO(), "-", ""); got != d[0:8] {
			t.Fatalf("ParseNIP(%q).Lahir = %s, want digits 1–8 %s", s, got, d[0:8])
		}
		wantGender := map[byte]domain.Gender{'1': domain.Male, '2': domain.Female}[d[14]]
		if wantGender == 0 || info.Gender != wantGender {
			t.Fatalf("ParseNIP(%q).Gender = %v, digit 15 is %c", s, info.Gender, d[14])
		}
		if info.Urut != fzAtoi(d[15:18]) {
			t.Fatalf("ParseNIP(%q).Urut = %d, want %s", s, info.Urut, d[15:18])
		}
		pppk := d[12:14] == "21"
		if info.PPPK != pppk {
			t.Fatalf("ParseNIP(%q).PPPK = %v, digits 13–14 are %s", s, info.PPPK, d[12:14])
		}
		switch {
		case pppk:
			if info.TahunPPPK != fzAtoi(d[8:12]) || !info.TMTCPNS.IsZero() || info.OddTMT != "" {
				t.Fatalf("ParseNIP(%q) = %+v: PPPK fields wrong", s, info)
			}
		case info.OddTMT != "":
			if info.OddTMT != d[12:14] || !info.TMTCPNS.IsZero() {
				t.Fatalf("ParseNIP(%q) = %+v: OddTMT wrong", s, info)
			}
			if m := fzAtoi(d[12:14]); m >= 1 && m <= 12 && fzAtoi(d[8:12]) >= 1 {
				t.Fatalf("ParseNIP(%q): month %s flagged odd", s, d[12:14])
			}
		default:
			want, ok := domain.NewDate(fzAtoi(d[8:12]), time.Month(fzAtoi(d[12:14])), 1)
			if !ok || info.TMTCPNS != want || info.TahunPPPK != 0 {
				t.Fatalf("ParseNIP(%q) = %+v: TMT CPNS should be %v", s, info, want)
			}
		}
	})
}

func FuzzParseNIK(f *testing.F) {
	// Worked examples of domain.md §6 (digits 7–12 660986 and 260986).
	f.Add("6472 0566 0986 0001")
	f.Add("6472052609860001")
	f.Fuzz(func(t *testing.T, s string) {
		info, err := domain.ParseNIK(s)
		d := domain.Digits(s)
		if err != nil {
			if info != (domain.NIKInfo{}) {
				t.Fatalf("ParseNIK(%q) returned %+v alongside error %v", s, info, err)
			}
			fzCheckError(t, "ParseNIK("+fzQuote(s)+")", err, "NIK")
			return
		}
		if d == "" {
			// NIK is optional: nothing typed is no error and no info.
			if info != (domain.NIKInfo{}) {
				t.Fatalf("ParseNIK(%q) of an empty NIK = %+v", s, info)
			}
			return
		}
		if len(d) != 16 || !fzIsDigits(d) {
			t.Fatalf("ParseNIK(%q) accepted Digits %q, want 16 digits", s, d)
		}
		if info.Day < 1 || info.Day > 31 || info.Month < 1 || info.Month > 12 || info.Year2 < 0 || info.Year2 > 99 {
			t.Fatalf("ParseNIK(%q) = %+v: date out of range", s, info)
		}
		nikDay := fzAtoi(d[6:8])
		wantGender, wantDay := domain.Male, nikDay
		if nikDay > 40 {
			wantGender, wantDay = domain.Female, nikDay-40
		}
		if info.Gender != wantGender || info.Day != wantDay {
			t.Fatalf("ParseNIK(%q) = %+v: digits 7–8 %s give day %d, %v", s, info, d[6:8], wantDay, wantGender)
		}
		if info.Month != fzAtoi(d[8:10]) || info.Year2 != fzAtoi(d[10:12]) {
			t.Fatalf("ParseNIK(%q) = %+v: month/year differ from digits 9–12 %s", s, info, d[8:12])
		}
		if d[12:16] == "0000" {
			t.Fatalf("ParseNIK(%q) accepted nomor urut 0000", s)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	f.Add("26-09-1986")
	f.Add("1986-09-26")
	f.Add("31-02-1990")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := domain.ParseDate(s)
		if err != nil {
			if d != (domain.Date{}) {
				t.Fatalf("ParseDate(%q) returned %+v alongside error %v", s, d, err)
			}
			fzCheckError(t, "ParseDate("+fzQuote(s)+")", err, "Tanggal")
			// The parser must not pass control characters of the input
			// (terminal escapes) into the message it shows.
			for _, r := range domain.ErrorMessage(err) {
				if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
					t.Fatalf("ParseDate(%q): message contains control character %U", s, r)
				}
			}
			return
		}
		if d.IsZero() {
			if strings.TrimSpace(s) != "" {
				t.Fatalf("ParseDate(%q) gave the zero date without error", s)
			}
			if d.String() != "" || d.ISO() != "" {
				t.Fatalf("zero date formats as %q / %q", d.String(), d.ISO())
			}
			return
		}
		if nd, ok := domain.NewDate(d.Year, d.Month, d.Day); !ok || nd != d {
			t.Fatalf("ParseDate(%q) = %+v, NewDate disagrees (%+v, %v)", s, d, nd, ok)
		}
		if d.Time().Year() != d.Year || d.Time().Month() != d.Month || d.Time().Day() != d.Day {
			t.Fatalf("ParseDate(%q) = %+v is not a calendar date", s, d)
		}
		for _, text := range []string{d.String(), d.ISO()} {
			back, err := domain.ParseDate(text)
			if err != nil || back != d {
				t.Fatalf("ParseDate(%q) = %+v; formatted as %q it parses to %+v, %v", s, d, text, back, err)
			}
		}
		b, _ := d.MarshalText()
		var u domain.Date
		if err := u.UnmarshalText(b); err != nil || u != d {
			t.Fatalf("text round trip of %+v via %q gave %+v, %v", d, b, u, err)
		}
		if len(d.String()) != 10 || len(d.ISO()) != 10 {
			t.Fatalf("ParseDate(%q) formats as %q / %q, want 10 characters", s, d.String(), d.ISO())
		}
	})
}

// fzToday is the day EmployeeWarnings is evaluated on.
var fzToday = domain.Date{Year: 2025, Month: time.June, Day: 30}

func FuzzValidateEmployee(f *testing.F) {
	// A complete PNS profile and a PPPK one, from the §6 worked examples.
	f.Add("Budi Santoso", "19860926 201505 1 001", "6472052609860001", "budi@instansi.go.id", "III/b",
		"Jl. Merdeka 1", "0812-3456-7890", "26-09-1986",
		int8(1), int8(1), int8(6), int8(2), int8(1), int16(0))
	f.Add("Siti Aminah", "19900115 2023 21 2 005", "6472055501900002", "siti@instansi.go.id", "IX",
		"", "+62 812 0000 1111", "15-01-1990",
		int8(3), int8(1), int8(7), int8(0), int8(2), int16(58))
	f.Fuzz(func(t *testing.T, nama, nip, nik, email, golongan, alamat, hp, lahir string,
		kind, status, jabatan, jenjang, gender int8, bup int16) {
		e := domain.Employee{
			ID:           7,
			Kind:         domain.Kind(kind),
			Nama:         nama,
			NIP:          nip,
			NIK:          nik,
			Email:        email,
			Golongan:     golongan,
			Alamat:       alamat,
			NomorHP:      hp,
			Status:       domain.Status(status),
			JenisJabatan: domain.JabatanKind(jabatan),
			Jenjang:      domain.Jenjang(jenjang),
			JenisKelamin: domain.Gender(gender),
			BUPOverride:  int(bup),
		}
		// Dates only reach an Employee through ParseDate.
		if d, err := domain.ParseDate(lahir); err == nil {
			e.TanggalLahir = d
			e.TMTCPNS = d.AddMonths(12 * 20)
		}

		fe := domain.ValidateEmployee(e)
		if fe != nil && len(fe) == 0 {
			t.Fatal("ValidateEmployee returned an empty, non-nil FieldErrors")
		}
		for key, msg := range fe {
			if !fzFields[key] {
				t.Fatalf("FieldErrors key %q is not a Field* constant", key)
			}
			fzUserMessage(t, "FieldErrors["+key+"]", msg, "")
		}
		if err := fe.Err(); (err == nil) != (len(fe) == 0) {
			t.Fatalf("FieldErrors.Err() = %v for %d errors", err, len(fe))
		} else if err != nil {
			if domain.ErrorCode(err) != domain.EINVALID {
				t.Fatalf("ErrorCode(FieldErrors) = %q", domain.ErrorCode(err))
			}
			fzUserMessage(t, "ErrorMessage(FieldErrors)", domain.ErrorMessage(err), "")
		}

		// The hard errors agree with the parsers and ranges they stand for.
		_, nipErr := domain.ParseNIP(nip)
		_, nikErr := domain.ParseNIK(nik)
		trimmed := strings.TrimSpace(nama)
		checks := map[string]bool{
			domain.FieldNIP:    nipErr != nil,
			domain.FieldNIK:    nikErr != nil,
			domain.FieldNama:   trimmed == "" || utf8.RuneCountInString(trimmed) > domain.MaxNameLen,
			domain.FieldAlamat: utf8.RuneCountInString(alamat) > domain.MaxTextLen,
			domain.FieldKind:   kind < 1 || kind > 4,
			domain.FieldStatus: status < 1 || status > 7,
			domain.FieldBUP:    bup != 0 && (bup < 50 || bup > 75),
		}
		for key, want := range checks {
			if _, got := fe[key]; got != want {
				t.Fatalf("FieldErrors[%q] present = %v, want %v (errors %v)", key, got, want, fe)
			}
		}
		if e.Kind.IsPPPK() && nipErr != nil && !strings.Contains(fe[domain.FieldNIP], "NI PPPK") {
			t.Fatalf("PPPK NIP error %q does not say NI PPPK", fe[domain.FieldNIP])
		}
		if _, got := fe[domain.FieldGolongan]; got && golongan == "" {
			t.Fatal("empty golongan reported as an error")
		}

		for _, w := range append(domain.IdentityWarnings(e), domain.EmployeeWarnings(e, fzToday)...) {
			if !fzFields[w.Field] {
				t.Fatalf("Warning field %q is not a Field* constant", w.Field)
			}
			fzUserMessage(t, "Warning["+w.Field+"]", w.Message, "")
		}
		// Warnings on any day, including one far from the birth date.
		for _, today := range []domain.Date{{Year: 1, Month: 1, Day: 1}, {Year: 9999, Month: 12, Day: 31}} {
			for _, w := range domain.EmployeeWarnings(e, today) {
				if !fzFields[w.Field] || w.Message == "" {
					t.Fatalf("Warning %+v on %v: bad field or empty message", w, today)
				}
			}
		}
	})
}

func FuzzNormalizeGolongan(f *testing.F) {
	f.Add(int8(1), "3b")
	f.Add(int8(1), "III b")
	f.Add(int8(1), "iii/B")
	f.Add(int8(3), "ix")
	f.Fuzz(func(t *testing.T, kind int8, s string) {
		k := domain.Kind(kind)
		got := domain.NormalizeGolongan(k, s)
		trimmed := strings.TrimSpace(s)
		known := false
		for _, g := range domain.GolonganFor(k) {
			if g.Code == got {
				known = true
			}
			if strings.EqualFold(g.Code, trimmed) && got != g.Code {
				t.Fatalf("NormalizeGolongan(Kind(%d), %q) = %q, want the code %q", k, s, got, g.Code)
			}
		}
		if !known && got != trimmed {
			t.Fatalf("NormalizeGolongan(Kind(%d), %q) = %q: neither a Kind(%d) code nor the trimmed input %q", k, s, got, k, trimmed)
		}
		if known {
			if _, ok := domain.LookupGolongan(k, got); !ok {
				t.Fatalf("NormalizeGolongan(Kind(%d), %q) = %q, LookupGolongan disagrees", k, s, got)
			}
		}
		if again := domain.NormalizeGolongan(k, got); again != got {
			t.Fatalf("NormalizeGolongan not idempotent: %q → %q → %q", s, got, again)
		}
	})
}

// fzQuote quotes s for failure messages, shortened so that a very long
// fuzz input does not flood the log.
func fzQuote(s string) string {
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return strings.ToValidUTF8(`"`+s+`"`, "\uFFFD")
}

// FuzzParseDecimal: a target typed into an indicator. Whatever is typed,
// the parser never panics; an accepted value is finite and not negative,
// and the digits it kept are the digits typed (no letters or exponents
// slip through as numbers).
func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"12", "2,5", "1.500.000", "100", "0,75", "2.5", "1.2.3", "1e3", "Inf", "-5", " 7 ", ",5", "1,000.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := domain.ParseDecimal(s)
		if !ok {
			if v != 0 {
				t.Fatalf("ParseDecimal(%q) refused but returned %v", s, v)
			}
			return
		}
		if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("ParseDecimal(%q) = %v, want a finite non-negative number", s, v)
		}
		for _, r := range strings.TrimSpace(s) {
			if !(r >= '0' && r <= '9' || r == ',' || r == '.') {
				t.Fatalf("ParseDecimal(%q) accepted the character %q", s, r)
			}
		}
	})
}

// FuzzParseRatingPredikat: imported rating and predikat labels. A label
// that parses round-trips through its code and label.
func FuzzParseRatingPredikat(f *testing.F) {
	for _, s := range []string{"DIATAS", "Di Atas Ekspektasi", "diatas ekspektasi", "SESUAI", "Cukup", "Kurang/misconduct", "SANGAT_BAIK", "baik", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if r, ok := domain.ParseRating(s); ok {
			if back, ok2 := domain.ParseRating(r.Code()); !ok2 || back != r {
				t.Fatalf("rating %q → %v does not round-trip through %q", s, r, r.Code())
			}
			if back, ok2 := domain.ParseRating(r.String()); !ok2 || back != r {
				t.Fatalf("rating %q → %v does not round-trip through %q", s, r, r.String())
			}
		}
		if p, ok := domain.ParsePredikat(s); ok {
			if back, ok2 := domain.ParsePredikat(p.Label()); !ok2 || back != p {
				t.Fatalf("predikat %q → %v does not round-trip through %q", s, p, p.Label())
			}
			if domain.AKPercent(p) == 0 {
				t.Fatalf("predikat %q → %v has no AK percentage", s, p)
			}
		}
	})
}

// FuzzParseInstrument: an instrument file typed from a lampiran. Whatever
// the bytes, the loader never panics; a file it accepts and validates
// writes back to a file that loads to the same instrument, and scores an
// empty assessment without panicking.
func FuzzParseInstrument(f *testing.F) {
	f.Add([]byte(`{"id":"X","version":"1","title":"t","regulation":"r","status":"draf","aspects":[{"code":"A","name":"a","weight":100}],` +
		`"indicators":[{"code":"A.1","aspect":"A","text":"x"}],"levels":[{"value":1,"label":"1"},{"value":4,"label":"4"}],` +
		`"score":{"weight_total":100,"min":100,"max":400},"categories":[{"code":"I","label":"l","min":100,"max_excl":400}],"index":{"formula":"none"}}`))
	f.Add([]byte(`{"id": 5`))
	f.Add([]byte(`{"aspects":[{"weight":-1}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		in, err := domain.ParseInstrument(b)
		if err != nil {
			return
		}
		if domain.ValidateInstrument(in) != nil {
			return
		}
		out, err := domain.MarshalInstrument(in)
		if err != nil {
			t.Fatalf("a valid instrument does not marshal: %v", err)
		}
		back, err := domain.ParseInstrument(out)
		if err != nil {
			t.Fatalf("the written instrument does not load: %v\n%s", err, out)
		}
		if back.ID != in.ID || len(back.Indicators) != len(in.Indicators) || len(back.Aspects) != len(in.Aspects) {
			t.Fatalf("round trip changed the instrument")
		}
		domain.Score(in, domain.MeritAssessment{}, false)
	})
}

package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"asndesk/domain"
)

// testClock is a deterministic clock that moves one second per reading, so
// that Created and Updated of successive writes differ.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newTestClock() *testClock {
	return &testClock{t: time.Date(2025, 1, 31, 9, 0, 0, 0, time.FixedZone("WIB", 7*3600))}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

// testCost makes a password hash take about a millisecond.
var testCost = PasswordCost{Time: 1, MemoryKiB: 1024, Threads: 1}

func testOptions() Options {
	return Options{Timeout: 200 * time.Millisecond, Now: newTestClock().Now, PasswordCost: testCost}
}

// systemCtx acts as a headless command (a system actor may do everything).
// bg, the context of most tests that are not about permissions, is it.
var (
	systemCtx = domain.WithActor(context.Background(), domain.SystemActor("test"))
	bg        = systemCtx
)

// anonCtx carries no actor: nobody has logged in.
var anonCtx = context.Background()

const testAdminPassword = "rahasia-admin-1"

// setupOffice runs SetupOffice with an Admin "admin" (testAdminPassword)
// and returns the account.
func setupOffice(t testing.TB, s *Store, name string, units ...string) domain.Account {
	t.Helper()
	a, err := s.SetupOffice(anonCtx, domain.Office{Name: name}, units,
		domain.Account{Username: "admin", Name: "Operator", Roles: []domain.Role{domain.RoleAdmin}}, testAdminPassword)
	if err != nil {
		t.Fatalf("SetupOffice: %v", err)
	}
	return a
}

// loginCtx logs in and returns a context carrying the account.
func loginCtx(t testing.TB, s *Store, username, password string) context.Context {
	t.Helper()
	a, err := s.Login(anonCtx, username, password)
	if err != nil {
		t.Fatalf("Login(%s): %v", username, err)
	}
	return domain.WithActor(context.Background(), domain.ActorOf(a))
}

// adminCtx sets the office up (if it has no account yet) and returns the
// context of its Admin.
func adminCtx(t testing.TB, s *Store) context.Context {
	t.Helper()
	if has, err := s.HasAccounts(anonCtx); err != nil {
		t.Fatal(err)
	} else if !has {
		setupOffice(t, s, "Dinas Uji")
	}
	return loginCtx(t, s, "admin", testAdminPassword)
}

// openTestStore opens a new data file in a temporary folder and closes it
// when the test ends.
func openTestStore(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "data.db")
	s := openAt(t, path, testOptions())
	return s, path
}

// openAt opens path and registers Close with the test.
func openAt(t testing.TB, path string, opts Options) *Store {
	t.Helper()
	s, err := Open(path, opts)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// assertClean fails the test if Check finds any problem: run after every
// test that writes.
func assertClean(t testing.TB, s *Store) {
	t.Helper()
	probs, err := s.Check(context.Background())
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	if len(probs) > 0 {
		t.Fatalf("Check found problems:\n%s", strings.Join(probs, "\n"))
	}
}

// wantCode fails unless err carries the domain code.
func wantCode(t testing.TB, err error, code string) {
	t.Helper()
	if err == nil {
		t.Fatalf("got nil error, want code %s", code)
	}
	if got := domain.ErrorCode(err); got != code {
		t.Fatalf("error code = %s, want %s (err: %v)", got, code, err)
	}
}

// wantMessage fails unless the user-facing message of err is msg.
func wantMessage(t testing.TB, err error, msg string) {
	t.Helper()
	if got := domain.ErrorMessage(err); got != msg {
		t.Fatalf("message = %q\nwant      %q", got, msg)
	}
}

// makeNIP builds an 18-digit PNS NIP: birth date YYYYMMDD, TMT CPNS YYYYMM,
// gender digit, 3-digit sequence.
func makeNIP(lahir domain.Date, tmt domain.Date, g domain.Gender, seq int) string {
	return fmt.Sprintf("%04d%02d%02d%04d%02d%d%03d", lahir.Year, int(lahir.Month), lahir.Day,
		tmt.Year, int(tmt.Month), int(g), seq)
}

// makeNIK builds a 16-digit NIK for a birth date and gender.
func makeNIK(lahir domain.Date, g domain.Gender, seq int) string {
	day := lahir.Day
	if g == domain.Female {
		day += 40
	}
	return fmt.Sprintf("320101%02d%02d%02d%04d", day, int(lahir.Month), lahir.Year%100, seq)
}

func date(y int, m time.Month, d int) domain.Date {
	dt, ok := domain.NewDate(y, m, d)
	if !ok {
		panic(fmt.Sprintf("bad date %d-%d-%d", y, m, d))
	}
	return dt
}

// testEmployee returns a valid active PNS; i makes NIP and name unique
// (up to 900 per birth day, across many days).
func testEmployee(i int) domain.Employee {
	lahir := domain.DateOf(time.Date(1970, 1, 1+i/900, 0, 0, 0, 0, time.UTC))
	tmt := date(1995+i%20, time.Month(1+i%12), 1)
	g := domain.Male
	if i%2 == 1 {
		g = domain.Female
	}
	return domain.Employee{
		Kind:             domain.KindPNS,
		Nama:             fmt.Sprintf("Pegawai %d", i),
		TempatLahir:      "Bandung",
		TanggalLahir:     lahir,
		JenisKelamin:     g,
		Agama:            "Islam",
		StatusPerkawinan: "Kawin",
		NIP:              makeNIP(lahir, tmt, g, i%900+1),
		Status:           domain.StatusAktif,
		TMTCPNS:          tmt,
		TMTPNS:           tmt.AddMonths(12),
		Golongan:         "III/a",
		JenisJabatan:     domain.Pelaksana,
		NamaJabatan:      "Pengadministrasi Umum",
		Pendidikan:       "S1",
	}
}

func TestTestEmployeeIsValid(t *testing.T) {
	seen := map[string]bool{}
	for i := range 10000 {
		e := testEmployee(i)
		if fe := domain.ValidateEmployee(e); len(fe) > 0 {
			t.Fatalf("testEmployee(%d) invalid: %v", i, fe)
		}
		if seen[e.NIP] {
			t.Fatalf("testEmployee(%d): NIP %s repeats", i, e.NIP)
		}
		seen[e.NIP] = true
	}
}

func TestBoundaryKeepsBoltErrorsInside(t *testing.T) {
	cause := errors.New("disk on fire")
	err := boundary("op", cause)
	wantCode(t, err, domain.EINTERNAL)
	if errors.Is(err, cause) {
		t.Fatal("raw cause is in the unwrap chain")
	}
	if !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("cause missing from log text: %q", err.Error())
	}
	if err := boundary("op", context.Canceled); err != context.Canceled {
		t.Fatalf("context error changed: %v", err)
	}
	fe := domain.FieldErrors{domain.FieldNama: "Nama wajib diisi."}
	var got domain.FieldErrors
	if err := boundary("op", fe); !errors.As(err, &got) || got[domain.FieldNama] == "" {
		t.Fatalf("field errors lost: %v", err)
	}
}

func TestGuardTurnsPanicIntoError(t *testing.T) {
	err := func() (err error) {
		defer guard("read", &err)()
		panic("page 7: invalid page type")
	}()
	wantCode(t, err, domain.EINTERNAL)
	wantMessage(t, err, msgDamaged)
	if !strings.Contains(err.Error(), "invalid page type") {
		t.Fatalf("panic value missing from log text: %v", err)
	}
}

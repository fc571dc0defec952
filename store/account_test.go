package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"asndesk/domain"
	"asndesk/domain/demo"

	bolt "go.etcd.io/bbolt"
)

// manualClock stands still until the test moves it.
type manualClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *manualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *manualClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// openWithClock opens a new file whose clock the test moves by hand.
func openWithClock(t *testing.T) (*Store, *manualClock) {
	t.Helper()
	clock := &manualClock{t: time.Date(2025, 6, 2, 8, 0, 0, 0, time.FixedZone("WIB", 7*3600))}
	opts := testOptions()
	opts.Now = clock.Now
	return openAt(t, filepath.Join(t.TempDir(), "data.db"), opts), clock
}

// loginAudit returns the login entries, newest first.
func loginAudit(t *testing.T, s *Store) []domain.AuditEntry {
	t.Helper()
	es, err := s.Audit(systemCtx, AuditFilter{Entity: EntityAccount})
	if err != nil {
		t.Fatal(err)
	}
	var out []domain.AuditEntry
	for _, e := range es {
		if e.Action == domain.ActionLogin || e.Action == domain.ActionLoginFailed {
			out = append(out, e)
		}
	}
	return out
}

func TestLogin(t *testing.T) {
	s, _ := openTestStore(t)
	admin := setupOffice(t, s, "Dinas Uji")

	got, err := s.Login(anonCtx, "  ADMIN ", testAdminPassword) // blanks and capitals forgiven
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != admin.ID || got.Username != "admin" || !got.HasRole(domain.RoleAdmin) {
		t.Fatalf("Login = %+v", got)
	}

	_, wrong := s.Login(anonCtx, "admin", "salah-sekali")
	_, unknown := s.Login(anonCtx, "siapa", testAdminPassword)
	for _, err := range []error{wrong, unknown} {
		wantCode(t, err, domain.EINVALID)
		wantMessage(t, err, "Nama pengguna atau kata sandi salah.")
	}

	es := loginAudit(t, s)
	if len(es) != 3 {
		t.Fatalf("%d login entries: %+v", len(es), es)
	}
	un, wr, ok := es[0], es[1], es[2]
	if ok.Action != domain.ActionLogin || ok.AccountID != admin.ID || ok.Account != "admin" || ok.EntityID != admin.ID {
		t.Fatalf("success entry %+v", ok)
	}
	if wr.Action != domain.ActionLoginFailed || wr.AccountID != 0 || wr.Account != "admin" || wr.EntityID != admin.ID ||
		!strings.Contains(strings.Join(wr.Summary, "\n"), "kata sandi salah") {
		t.Fatalf("wrong-password entry %+v", wr)
	}
	if un.Action != domain.ActionLoginFailed || un.Account != "siapa" || un.EntityID != 0 ||
		!strings.Contains(strings.Join(un.Summary, "\n"), `nama_pengguna: "siapa"`) {
		t.Fatalf("unknown-user entry %+v", un)
	}

	// Something that cannot be a username (perhaps a password typed in the
	// wrong box) is not written to the trail.
	_, err = s.Login(anonCtx, "Rahasia!Ku#2025", "x")
	wantMessage(t, err, "Nama pengguna atau kata sandi salah.")
	if e := loginAudit(t, s)[0]; e.Account != "(tidak sah)" || strings.Contains(fmt.Sprint(e), "Rahasia") {
		t.Fatalf("invalid username written: %+v", e)
	}
	assertClean(t, s)
}

func TestLockDelay(t *testing.T) {
	for n, want := range map[int]time.Duration{
		1: 0, 4: 0, 5: 30 * time.Second, 6: time.Minute, 7: 2 * time.Minute, 8: 4 * time.Minute,
		9: 8 * time.Minute, 10: 15 * time.Minute, 11: 15 * time.Minute, 1000: 15 * time.Minute,
	} {
		if got := lockDelay(n); got != want {
			t.Errorf("lockDelay(%d) = %v, want %v", n, got, want)
		}
	}
}

func TestLoginLockout(t *testing.T) {
	s, clock := openWithClock(t)
	setupOffice(t, s, "Dinas Uji")
	try := func(pw string) error { _, err := s.Login(anonCtx, "admin", pw); return err }

	for i := 1; i <= 4; i++ {
		wantMessage(t, try("salah"), "Nama pengguna atau kata sandi salah.")
	}
	// The fifth failure locks for 30 s, and says so.
	wantMessage(t, try("salah"), "Terlalu banyak percobaan. Coba lagi dalam 30 detik.")
	// While locked even the right password is refused, unchecked.
	clock.Advance(10 * time.Second)
	err := try(testAdminPassword)
	wantCode(t, err, domain.EINVALID)
	wantMessage(t, err, "Terlalu banyak percobaan. Coba lagi dalam 20 detik.")
	clock.Advance(19*time.Second + 500*time.Millisecond)
	wantMessage(t, try(testAdminPassword), "Terlalu banyak percobaan. Coba lagi dalam 1 detik.")

	// Each further failure doubles the wait, up to 15 minutes.
	wait := 30 * time.Second
	for _, want := range []int{60, 120, 240, 480, 900, 900} {
		clock.Advance(wait)
		wantMessage(t, try("salah"), fmt.Sprintf("Terlalu banyak percobaan. Coba lagi dalam %d detik.", want))
		wait = time.Duration(want) * time.Second
	}
	clock.Advance(wait)
	if err := try(testAdminPassword); err != nil {
		t.Fatalf("after the wait: %v", err)
	}
	// Success reset the count: one failure does not lock.
	wantMessage(t, try("salah"), "Nama pengguna atau kata sandi salah.")
	if err := try(testAdminPassword); err != nil {
		t.Fatal(err)
	}

	// Every attempt was audited: 4 + 1 + 2 locked + 6 + 1 ok + 1 + 1 ok.
	es := loginAudit(t, s)
	if len(es) != 16 {
		t.Fatalf("%d login entries, want 16", len(es))
	}
	failed, locked := 0, 0
	for _, e := range es {
		if e.Action == domain.ActionLoginFailed {
			failed++
			if strings.Contains(strings.Join(e.Summary, " "), "akun terkunci") {
				locked++
			}
		}
	}
	if failed != 14 || locked != 2 {
		t.Fatalf("%d failed entries (%d while locked), want 14 (2)", failed, locked)
	}
	assertClean(t, s)
}

func TestUnlockAccount(t *testing.T) {
	s, clock := openWithClock(t)
	setupOffice(t, s, "Dinas Uji")
	admin := loginCtx(t, s, "admin", testAdminPassword)
	if _, err := s.SaveUnit(admin, domain.Unit{Name: "Umum"}); err != nil {
		t.Fatal(err)
	}
	emp, err := s.CreateEmployee(admin, testEmployee(1))
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.CreateAccount(admin, domain.Account{Username: "budi", Roles: []domain.Role{domain.RolePegawai}, EmployeeID: emp}, "awal-budi-1")
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		s.Login(anonCtx, "budi", "salah")
	}
	_, err = s.Login(anonCtx, "budi", "awal-budi-1")
	wantMessage(t, err, "Terlalu banyak percobaan. Coba lagi dalam 30 detik.")
	if err := s.UnlockAccount(admin, id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Login(anonCtx, "budi", "awal-budi-1"); err != nil {
		t.Fatalf("after unlock: %v", err)
	}
	es, _ := s.Audit(admin, AuditFilter{Entity: EntityAccount, Limit: 2})
	if es[1].Action != domain.ActionUnlock || es[1].EntityID != id || es[1].Employee != emp ||
		es[1].Summary[0] != "percobaan gagal: 5 → 0" {
		t.Fatalf("unlock entry %+v", es[1])
	}
	wantCode(t, s.UnlockAccount(admin, 99), domain.ENOTFOUND)
	clock.Advance(time.Hour)
	assertClean(t, s)
}

func TestPasswordResetAndChange(t *testing.T) {
	o := newOffice(t)
	s, admin := o.s, o.ctx["admin"]
	id := o.accts["pegawai"].ID
	if !o.accts["pegawai"].MustChangePassword {
		t.Fatal("an account created by an Admin need not change its password")
	}

	// Admin resets: the user must change the password at the next login.
	wantCode(t, s.ResetPassword(admin, id, "pendek"), domain.EINVALID)
	wantCode(t, s.ResetPassword(admin, id, "pegawai"), domain.EINVALID)
	if err := s.ResetPassword(admin, id, "sementara-123"); err != nil {
		t.Fatal(err)
	}
	_, err := s.Login(anonCtx, "pegawai", rolePassword)
	wantMessage(t, err, "Nama pengguna atau kata sandi salah.")
	acc, err := s.Login(anonCtx, "pegawai", "sementara-123")
	if err != nil {
		t.Fatal(err)
	}
	if !acc.MustChangePassword {
		t.Fatal("MustChangePassword not set by reset")
	}
	ctx := domain.WithActor(context.Background(), domain.ActorOf(acc))

	// The user changes it, proving the old one.
	err = s.ChangePassword(ctx, "bukan-ini", "baru-milik-sendiri")
	wantCode(t, err, domain.EINVALID)
	wantMessage(t, err, "Kata sandi lama salah.")
	var de *domain.Error
	if !errors.As(err, &de) || de.Field != FieldOldPassword {
		t.Fatalf("field = %+v", de)
	}
	err = s.ChangePassword(ctx, "sementara-123", "sementara-123")
	wantMessage(t, err, "Kata sandi baru harus berbeda dari yang lama.")
	err = s.ChangePassword(ctx, "sementara-123", "pendek")
	wantMessage(t, err, "Kata sandi minimal 8 karakter.")
	err = s.ChangePassword(systemCtx, "sementara-123", "baru-milik-sendiri")
	wantForbidden(t, err)
	if err := s.ChangePassword(ctx, "sementara-123", "baru-milik-sendiri"); err != nil {
		t.Fatal(err)
	}
	acc, err = s.Login(anonCtx, "pegawai", "baru-milik-sendiri")
	if err != nil || acc.MustChangePassword {
		t.Fatalf("after change: %+v %v", acc, err)
	}

	es, _ := s.Audit(admin, AuditFilter{Entity: EntityAccount, Limit: 3})
	if es[1].Action != domain.ActionPassword || es[1].AccountID != id || es[1].EntityID != id {
		t.Fatalf("change entry %+v", es[1])
	}
	reset, _ := s.Audit(admin, AuditFilter{Entity: EntityAccount})
	found := false
	for _, e := range reset {
		if e.Action == domain.ActionPasswordReset && e.EntityID == id && e.Account == "admin" {
			found = true
		}
	}
	if !found {
		t.Fatal("reset not audited")
	}
	assertNoSecrets(t, s, rolePassword, "sementara-123", "baru-milik-sendiri", "bukan-ini")
	assertClean(t, s)
}

// assertNoSecrets scans every audit value in the file and the export for
// the passwords and for hashes.
func assertNoSecrets(t *testing.T, s *Store, passwords ...string) {
	t.Helper()
	var raw [][]byte
	if err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketAudit).ForEach(func(_, v []byte) error {
			raw = append(raw, bytes.Clone(v))
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	var exp bytes.Buffer
	if err := s.ExportJSON(systemCtx, &exp); err != nil {
		t.Fatal(err)
	}
	raw = append(raw, exp.Bytes())
	for _, v := range raw {
		for _, secret := range append(passwords, "$argon2id", testAdminPassword, "hash", "failed_attempts") {
			if bytes.Contains(v, []byte(secret)) {
				t.Fatalf("%q found in %s", secret, v)
			}
		}
	}
}

func TestLastAdminProtected(t *testing.T) {
	o := newOffice(t)
	s, admin := o.s, o.ctx["admin"]
	me, err := s.Account(admin, domain.ActorFrom(admin).AccountID)
	if err != nil || me.Username != "admin" {
		t.Fatalf("admin account: %+v %v", me, err)
	}
	for name, change := range map[string]func(*domain.Account){
		"drop role": func(a *domain.Account) { a.Roles = []domain.Role{domain.RolePimpinan}; a.EmployeeID = o.sub2 },
		"disable":   func(a *domain.Account) { a.Disabled = true },
	} {
		a := me
		change(&a)
		before := exportSnapshot(t, s)
		err := s.UpdateAccount(admin, a)
		wantCode(t, err, domain.EINVALID)
		wantMessage(t, err, "Harus tersisa paling sedikit satu Admin aktif.")
		if !bytes.Equal(before, exportSnapshot(t, s)) {
			t.Fatalf("%s: refused update changed the file", name)
		}
	}
	// With a second active Admin the first may step down.
	second := o.accts["pimpinan"]
	second.Roles = append(second.Roles, domain.RoleAdmin)
	if err := s.UpdateAccount(admin, second); err != nil {
		t.Fatal(err)
	}
	me.Disabled = true
	if err := s.UpdateAccount(admin, me); err != nil {
		t.Fatal(err)
	}
	// The disabled Admin is out: the session and new logins are refused.
	_, err = s.Accounts(admin)
	wantForbidden(t, err)
	_, err = s.Login(anonCtx, "admin", testAdminPassword)
	wantCode(t, err, domain.EFORBIDDEN)
	wantMessage(t, err, "Akun ini dinonaktifkan. Hubungi Admin.")
	// A disabled account with the wrong password gets the usual answer.
	_, err = s.Login(anonCtx, "admin", "salah-lagi")
	wantMessage(t, err, "Nama pengguna atau kata sandi salah.")

	es, _ := s.Audit(systemCtx, AuditFilter{Entity: EntityAccount, Limit: 4})
	if es[2].Action != domain.ActionUpdate || es[2].Summary[0] != `nonaktif: "tidak" → "ya"` {
		t.Fatalf("disable entry %+v", es[2])
	}
	assertClean(t, s)
}

func TestCreateAccountRules(t *testing.T) {
	o := newOffice(t)
	s, admin := o.s, o.ctx["admin"]
	pw := "rahasia-baru"
	field := func(err error) string {
		var de *domain.Error
		if errors.As(err, &de) {
			return de.Field
		}
		return ""
	}
	for name, tc := range map[string]struct {
		a     domain.Account
		code  string
		field string
		msg   string
	}{
		"taken":        {domain.Account{Username: "Pegawai", Roles: []domain.Role{domain.RoleAdmin}}, domain.ECONFLICT, FieldUsername, "Nama pengguna pegawai sudah dipakai."},
		"bad name":     {domain.Account{Username: "budi santoso", Roles: []domain.Role{domain.RoleAdmin}}, domain.EINVALID, FieldUsername, ""},
		"short name":   {domain.Account{Username: "bu", Roles: []domain.Role{domain.RoleAdmin}}, domain.EINVALID, FieldUsername, ""},
		"no roles":     {domain.Account{Username: "budi"}, domain.EINVALID, FieldRoles, "Pilih paling sedikit satu peran."},
		"bad role":     {domain.Account{Username: "budi", Roles: []domain.Role{9}}, domain.EINVALID, FieldRoles, ""},
		"no employee":  {domain.Account{Username: "budi", Roles: []domain.Role{domain.RolePegawai}}, domain.EINVALID, FieldEmployee, ""},
		"admin+other":  {domain.Account{Username: "budi", Roles: []domain.Role{domain.RoleAdmin, domain.RolePegawai}}, domain.EINVALID, FieldEmployee, ""},
		"missing emp":  {domain.Account{Username: "budi", Roles: []domain.Role{domain.RolePegawai}, EmployeeID: 99}, domain.EINVALID, FieldEmployee, "Pegawai yang dipilih tidak ditemukan."},
		"emp has acct": {domain.Account{Username: "budi", Roles: []domain.Role{domain.RolePegawai}, EmployeeID: o.sub1}, domain.ECONFLICT, FieldEmployee, "Pegawai 3 sudah punya akun pegawai."},
	} {
		before := exportSnapshot(t, s)
		_, err := s.CreateAccount(admin, tc.a, pw)
		if domain.ErrorCode(err) != tc.code || field(err) != tc.field || (tc.msg != "" && domain.ErrorMessage(err) != tc.msg) {
			t.Errorf("%s: %v (field %q), want %s %s %q", name, err, field(err), tc.code, tc.field, tc.msg)
		}
		if !bytes.Equal(before, exportSnapshot(t, s)) {
			t.Errorf("%s: refused create changed the file", name)
		}
	}
	// Password rules.
	_, err := s.CreateAccount(admin, domain.Account{Username: "budi", Roles: []domain.Role{domain.RolePegawai}, EmployeeID: o.sub2}, "budi")
	wantCode(t, err, domain.EINVALID)
	_, err = s.CreateAccount(admin, domain.Account{Username: "budi", Roles: []domain.Role{domain.RolePegawai}, EmployeeID: o.sub2}, strings.Repeat("x", 2000))
	wantMessage(t, err, "Kata sandi terlalu panjang.")

	// A good one: roles deduplicated and sorted, name from the employee.
	id, err := s.CreateAccount(admin, domain.Account{Username: " Budi ", ID: 77, MustChangePassword: false,
		Roles: []domain.Role{domain.RoleTimMerit, domain.RolePegawai, domain.RolePegawai}, EmployeeID: o.sub2}, pw)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Account(admin, id)
	if a.ID == 77 || a.Username != "budi" || a.Name != "Pegawai 4" || fmt.Sprint(a.Roles) != "[Pegawai Tim Merit]" ||
		!a.MustChangePassword || a.Created.IsZero() {
		t.Fatalf("created %+v", a)
	}
	// The username cannot change; linking to an employee who has an account
	// is refused on update too.
	a.Username = "budi2"
	wantCode(t, s.UpdateAccount(admin, a), domain.EINVALID)
	a.Username, a.EmployeeID = "", o.sub1
	wantCode(t, s.UpdateAccount(admin, a), domain.ECONFLICT)
	a.EmployeeID, a.Name = o.sub2, "Budi Setiawan"
	if err := s.UpdateAccount(admin, a); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.UpdateAccount(admin, domain.Account{ID: 99, Roles: []domain.Role{domain.RoleAdmin}}), domain.ENOTFOUND)
	assertNoSecrets(t, s, pw, rolePassword)
	assertClean(t, s)
}

var phc = regexp.MustCompile(`^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`)

func TestPasswordHash(t *testing.T) {
	h, err := hashPassword("kata sandi 😀", PasswordCost{Time: 1, MemoryKiB: 64, Threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	if m := phc.FindStringSubmatch(h); m == nil || m[1] != "64" || m[2] != "1" || m[3] != "1" {
		t.Fatalf("hash %q not in PHC form", h)
	}
	h2, _ := hashPassword("kata sandi 😀", PasswordCost{Time: 1, MemoryKiB: 64, Threads: 1})
	if h == h2 {
		t.Fatal("same hash twice: salt not random")
	}
	if ok, c, err := verifyPassword(h, "kata sandi 😀"); !ok || err != nil || c != (PasswordCost{1, 64, 1}) {
		t.Fatalf("verify: %v %+v %v", ok, c, err)
	}
	for _, pw := range []string{"", "kata sandi", "kata sandi 😀 ", strings.Repeat("a", 5000)} {
		if ok, _, _ := verifyPassword(h, pw); ok {
			t.Fatalf("%q verified", pw)
		}
	}
	for _, bad := range []string{"", "plain", strings.Replace(h, "argon2id", "argon2i", 1),
		strings.Replace(h, "v=19", "v=16", 1), strings.Replace(h, "m=64", "m=99999999", 1),
		strings.Replace(h, "t=1", "t=0", 1), strings.Replace(h, "p=1", "p=0", 1), h[:len(h)-30], h + "$x"} {
		if ok, _, err := verifyPassword(bad, "kata sandi 😀"); ok || err == nil {
			t.Fatalf("malformed hash %q: %v %v", bad, ok, err)
		}
	}
	if c := (PasswordCost{}).normalized(); c != DefaultPasswordCost {
		t.Fatalf("zero cost → %+v", c)
	}
	if c := (PasswordCost{Threads: 4}).normalized(); c.Time != 1 || c.MemoryKiB != 32 {
		t.Fatalf("partial cost → %+v", c)
	}
}

// TestDefaultCostTakesLittleTime keeps the production cost within what a
// login may take.
func TestDefaultCostTakesLittleTime(t *testing.T) {
	if testing.Short() {
		t.Skip("hashes at production cost")
	}
	start := time.Now()
	h, err := hashPassword("rahasia-sekali", DefaultPasswordCost)
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	t.Logf("argon2id %+v: %v", DefaultPasswordCost, took)
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=3,p=4$") {
		t.Fatalf("hash %q", h)
	}
	if took > 2*time.Second {
		t.Fatalf("hashing took %v", took)
	}
}

// TestRehashOnLogin: a hash weaker than the current cost is replaced at
// the next successful login.
func TestRehashOnLogin(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.db")
	s := openAt(t, path, testOptions())
	setupOffice(t, s, "Dinas Uji")
	s.Close()
	opts := testOptions()
	opts.PasswordCost = PasswordCost{Time: 2, MemoryKiB: 2048, Threads: 1}
	s = openAt(t, path, opts)
	hashOf := func() string {
		var h string
		s.db.View(func(tx *bolt.Tx) error {
			r, _, _ := accountByName(tx, "admin")
			h = r.Hash
			return nil
		})
		return h
	}
	if !strings.Contains(hashOf(), "m=1024,t=1,p=1") {
		t.Fatalf("hash before: %s", hashOf())
	}
	loginCtx(t, s, "admin", testAdminPassword)
	if !strings.Contains(hashOf(), "m=2048,t=2,p=1") {
		t.Fatalf("hash after: %s", hashOf())
	}
	loginCtx(t, s, "admin", testAdminPassword)
}

func TestLogout(t *testing.T) {
	o := newOffice(t)
	if err := o.s.Logout(o.ctx["penilai"]); err != nil {
		t.Fatal(err)
	}
	es, _ := o.s.Audit(o.ctx["admin"], AuditFilter{Limit: 1})
	pen := o.accts["penilai"]
	if es[0].Action != domain.ActionLogout || es[0].AccountID != pen.ID || es[0].Account != "penilai" ||
		es[0].Employee != o.pen {
		t.Fatalf("logout entry %+v", es[0])
	}
}

func TestCreateFirstAdmin(t *testing.T) {
	s, _ := openTestStore(t)
	admin := domain.Account{Username: "operator", Roles: []domain.Role{domain.RoleAdmin}}
	_, err := s.CreateFirstAdmin(anonCtx, admin, "rahasia-sekali")
	wantCode(t, err, domain.EINVALID) // no office yet: SetupOffice is the way
	setupOffice(t, s, "Dinas Uji")
	_, err = s.CreateFirstAdmin(anonCtx, admin, "rahasia-sekali")
	wantCode(t, err, domain.ECONFLICT)
	wantMessage(t, err, "Berkas data ini sudah mempunyai akun. Masuk dengan akun Admin.")
}

func TestDemoAccounts(t *testing.T) {
	s, _ := openTestStore(t)
	o, units, emps := demo.Generate(demo.DefaultEmployees, 1)
	if err := s.LoadOffice(anonCtx, o, units, emps); err != nil {
		t.Fatal(err)
	}
	byID := map[uint64]domain.Employee{}
	staff := map[uint64]int{} // active subordinates per atasan
	for _, e := range emps {
		byID[e.ID] = e
		if e.Status.Active() && e.AtasanID != 0 {
			staff[e.AtasanID]++
		}
	}
	want := map[string]string{"admin": "Admin", "pimpinan": "Pimpinan", "penilai": "Penilai, Pegawai",
		"pegawai": "Pegawai", "merit": "Pegawai, Tim Merit"}
	documented := DemoAccounts()
	if len(documented) != len(want) {
		t.Fatalf("DemoAccounts = %+v", documented)
	}
	linked := map[uint64]bool{}
	for _, d := range documented {
		if d.Password != "contoh123" {
			t.Fatalf("%s password %q", d.Username, d.Password)
		}
		acc, err := s.Login(anonCtx, d.Username, d.Password)
		if err != nil {
			t.Fatalf("demo login %s: %v", d.Username, err)
		}
		if got := rolesLabel(acc.Roles); got != want[d.Username] {
			t.Errorf("%s roles %q, want %q", d.Username, got, want[d.Username])
		}
		roles := strings.Split(d.Roles, ", ")
		if len(roles) != len(acc.Roles) || acc.MustChangePassword || acc.Disabled {
			t.Errorf("%s: documented %q, account %+v", d.Username, d.Roles, acc)
		}
		e := byID[acc.EmployeeID]
		if acc.EmployeeID != 0 {
			if linked[acc.EmployeeID] {
				t.Errorf("%s shares employee %d", d.Username, acc.EmployeeID)
			}
			linked[acc.EmployeeID] = true
			if acc.Name != e.FullName() {
				t.Errorf("%s name %q, employee %q", d.Username, acc.Name, e.FullName())
			}
		}
		switch d.Username {
		case "admin":
			if acc.EmployeeID != 0 {
				t.Error("demo admin linked to an employee")
			}
		case "pimpinan":
			if e.ID == 0 || e.AtasanID != 0 {
				t.Errorf("pimpinan linked to %+v", e)
			}
		case "penilai":
			if !e.Status.Active() || staff[e.ID] == 0 || e.AtasanID == 0 {
				t.Errorf("penilai linked to %d (staff %d, atasan %d)", e.ID, staff[e.ID], e.AtasanID)
			}
			ctx := domain.WithActor(context.Background(), domain.ActorOf(acc))
			rows, err := s.ListRows(ctx)
			if err != nil || len(rows) != 1+countStaff(emps, e.ID) {
				t.Errorf("penilai sees %d rows (%v), staff %d", len(rows), err, countStaff(emps, e.ID))
			}
		case "pegawai", "merit":
			if e.ID == 0 || !e.Status.Active() || staff[e.ID] != 0 {
				t.Errorf("%s linked to %d (staff %d)", d.Username, e.ID, staff[e.ID])
			}
		}
	}
	es, _ := s.Audit(systemCtx, AuditFilter{})
	creates := 0
	for _, e := range es {
		if e.Action == domain.ActionCreate && e.Entity == EntityAccount {
			creates++
		}
	}
	if creates != 5 {
		t.Fatalf("%d account creations audited", creates)
	}
	assertClean(t, s)
}

// countStaff counts everyone (active or not) whose atasan is id.
func countStaff(emps []domain.Employee, id uint64) int {
	n := 0
	for _, e := range emps {
		if e.AtasanID == id {
			n++
		}
	}
	return n
}

// TestLoadOfficeOnlyDemo: a real office never gets default passwords, so
// it cannot be loaded whole.
func TestLoadOfficeOnlyDemo(t *testing.T) {
	s, _ := openTestStore(t)
	o, units, emps := demoOffice(5)
	o.Demo = false
	wantCode(t, s.LoadOffice(bg, o, units, emps), domain.EINVALID)
	if has, _ := s.HasAccounts(anonCtx); has {
		t.Fatal("accounts created")
	}
	// A small demo without a penilai skips that account.
	o.Demo = true
	if err := s.LoadOffice(anonCtx, o, units, emps); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Login(anonCtx, "penilai", DemoPassword); err == nil {
		t.Fatal("penilai created without a suitable employee")
	}
	for _, u := range []string{"admin", "pimpinan", "pegawai", "merit"} {
		loginCtx(t, s, u, DemoPassword)
	}
	var exp bytes.Buffer
	s.ExportJSON(anonCtx, &exp)
	var doc struct {
		Accounts []map[string]any `json:"accounts"`
	}
	json.Unmarshal(exp.Bytes(), &doc)
	if len(doc.Accounts) != 4 {
		t.Fatalf("exported accounts %v", doc.Accounts)
	}
	assertClean(t, s)
}

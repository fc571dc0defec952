package store

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// TestFailedChangesLeaveNoAuditEntry: validation errors, conflicts,
// missing records and refusals all roll back with nothing in the trail.
func TestFailedChangesLeaveNoAuditEntry(t *testing.T) {
	o := newOffice(t)
	s, admin := o.s, o.ctx["admin"]
	sub1, _ := s.Employee(admin, o.sub1)
	invalid := sub1
	invalid.Nama = ""
	dupNIP := testEmployee(80)
	dupNIP.NIP = sub1.NIP
	missing := sub1
	missing.ID = 999
	badAtasan := sub1
	badAtasan.AtasanID = 999
	me := o.accts["pegawai"]
	me.Roles = nil

	for name, f := range map[string]func() error{
		"create invalid":   func() error { _, err := s.CreateEmployee(admin, domain.Employee{}); return err },
		"update invalid":   func() error { return s.UpdateEmployee(admin, invalid) },
		"duplicate NIP":    func() error { _, err := s.CreateEmployee(admin, dupNIP); return err },
		"update missing":   func() error { return s.UpdateEmployee(admin, missing) },
		"missing atasan":   func() error { return s.UpdateEmployee(admin, badAtasan) },
		"delete missing":   func() error { return s.DeleteEmployee(admin, 999) },
		"delete linked":    func() error { return s.DeleteEmployee(admin, o.sub1) },
		"unit conflict":    func() error { _, err := s.SaveUnit(admin, domain.Unit{Name: "sekretariat"}); return err },
		"unit in use":      func() error { return s.DeleteUnit(admin, o.unit) },
		"unit empty":       func() error { _, err := s.SaveUnit(admin, domain.Unit{Name: " "}); return err },
		"forbidden update": func() error { return s.UpdateEmployee(o.ctx["pegawai"], sub1) },
		"forbidden unit":   func() error { _, err := s.SaveUnit(o.ctx["pimpinan"], domain.Unit{Name: "X"}); return err },
		"account taken": func() error {
			_, err := s.CreateAccount(admin, domain.Account{Username: "merit", Roles: []domain.Role{domain.RoleAdmin}}, "rahasia-123")
			return err
		},
		"account no roles": func() error { return s.UpdateAccount(admin, me) },
		"reset short":      func() error { return s.ResetPassword(admin, me.ID, "x") },
		"unlock missing":   func() error { return s.UnlockAccount(admin, 999) },
		"change wrong old": func() error { return s.ChangePassword(o.ctx["pegawai"], "salah-salah", "baru-sekali-1") },
		"second setup": func() error {
			_, err := s.SetupOffice(anonCtx, domain.Office{Name: "X"}, nil, domain.Account{Username: "x1x", Roles: []domain.Role{domain.RoleAdmin}}, "rahasia-123")
			return err
		},
		"load over office":  func() error { oo, us, es := demoOffice(3); return s.LoadOffice(anonCtx, oo, us, es) },
		"reset real office": func() error { return s.ResetOffice(admin) },
		"cancelled create": func() error {
			ctx, cancel := context.WithCancel(admin)
			cancel()
			_, err := s.CreateEmployee(ctx, testEmployee(81))
			return err
		},
	} {
		before := exportSnapshot(t, s)
		if err := f(); err == nil {
			t.Errorf("%s: succeeded", name)
		}
		if after := exportSnapshot(t, s); string(before) != string(after) {
			t.Errorf("%s: the file changed (audit trail included)", name)
		}
	}
	assertClean(t, s)
}

// TestEveryWriteIsAudited walks through the writes and checks each one's
// entry: action, entity, ids, who, and a summary without secrets.
func TestEveryWriteIsAudited(t *testing.T) {
	s, _ := openTestStore(t)
	setupOffice(t, s, "Dinas Uji", "Umum")
	admin := loginCtx(t, s, "admin", testAdminPassword)
	adminID := domain.ActorFrom(admin).AccountID
	n := auditCount(t, s)
	type want struct {
		action, entity string
		entityID       uint64
		employee       uint64
		summary        []string // nil: not checked
	}
	expect := func(w want) {
		t.Helper()
		es, err := s.Audit(admin, AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(es) != n+1 {
			t.Fatalf("%s: %d new entries, want 1", w.action, len(es)-n)
		}
		n++
		e := es[0]
		if e.Action != w.action || e.Entity != w.entity || e.EntityID != w.entityID || e.Employee != w.employee ||
			e.AccountID != adminID || e.Account != "admin" || e.Time.IsZero() || e.ID != uint64(n) {
			t.Fatalf("entry %+v, want %+v", e, w)
		}
		if w.summary != nil && !reflect.DeepEqual(e.Summary, w.summary) {
			t.Fatalf("%s summary %q, want %q", w.action, e.Summary, w.summary)
		}
	}

	unit, _ := s.SaveUnit(admin, domain.Unit{Name: "Keuangan"})
	expect(want{domain.ActionCreate, EntityUnit, unit, 0, []string{`nama: "Keuangan"`}})
	e := testEmployee(1)
	e.UnitID = unit
	id, err := s.CreateEmployee(admin, e)
	if err != nil {
		t.Fatal(err)
	}
	expect(want{domain.ActionCreate, EntityEmployee, id, id, []string{`nama: "Pegawai 1"`, `nip: "` + e.NIP + `"`}})
	e.ID = id
	e.Status = domain.StatusCLTN
	if err := s.UpdateEmployee(admin, e); err != nil {
		t.Fatal(err)
	}
	expect(want{domain.ActionStatus, EntityEmployee, id, id,
		[]string{`status: "Aktif" → "Cuti di Luar Tanggungan Negara"`}})
	e.Status, e.NomorHP = domain.StatusAktif, "08123"
	if err := s.UpdateEmployee(admin, e); err != nil {
		t.Fatal(err)
	}
	expect(want{domain.ActionUpdate, EntityEmployee, id, id,
		[]string{`nomor_hp: "" → "08123"`, `status: "Cuti di Luar Tanggungan Negara" → "Aktif"`}})
	acct, err := s.CreateAccount(admin, domain.Account{Username: "budi", Roles: []domain.Role{domain.RolePegawai}, EmployeeID: id}, "rahasia-budi")
	if err != nil {
		t.Fatal(err)
	}
	expect(want{domain.ActionCreate, EntityAccount, acct, id,
		[]string{`nama_pengguna: "budi"`, `nama: "Pegawai 1"`, `peran: "Pegawai"`, "pegawai_id: " + itoa(id)}})
	a, _ := s.Account(admin, acct)
	a.Roles = append(a.Roles, domain.RolePenilai)
	if err := s.UpdateAccount(admin, a); err != nil {
		t.Fatal(err)
	}
	expect(want{domain.ActionUpdate, EntityAccount, acct, id, []string{`peran: "Pegawai" → "Penilai, Pegawai"`}})
	if err := s.ResetPassword(admin, acct, "sementara-1"); err != nil {
		t.Fatal(err)
	}
	expect(want{domain.ActionPasswordReset, EntityAccount, acct, id, nil})
	if err := s.UnlockAccount(admin, acct); err != nil {
		t.Fatal(err)
	}
	expect(want{domain.ActionUnlock, EntityAccount, acct, id, nil})
	a.EmployeeID, a.Roles = 0, []domain.Role{domain.RoleAdmin}
	if err := s.UpdateAccount(admin, a); err != nil {
		t.Fatal(err)
	}
	expect(want{domain.ActionUpdate, EntityAccount, acct, 0,
		[]string{`peran: "Penilai, Pegawai" → "Admin"`, `pegawai_id: "` + itoa(id) + `" → "0"`}})
	if err := s.DeleteEmployee(admin, id); err != nil {
		t.Fatal(err)
	}
	expect(want{domain.ActionDelete, EntityEmployee, id, id, nil})
	if err := s.DeleteUnit(admin, unit); err != nil {
		t.Fatal(err)
	}
	expect(want{domain.ActionDelete, EntityUnit, unit, 0, []string{`nama: "Keuangan"`}})
	if err := s.Logout(admin); err != nil {
		t.Fatal(err)
	}
	expect(want{domain.ActionLogout, EntityAccount, adminID, 0, nil})
	assertNoSecrets(t, s, "rahasia-budi", "sementara-1")
	assertClean(t, s)
}

func TestAuditFilter(t *testing.T) {
	s, clock := openWithClock(t)
	setupOffice(t, s, "Dinas Uji")
	admin := loginCtx(t, s, "admin", testAdminPassword)
	day1 := clock.Now()
	var ids []uint64
	for i := range 3 {
		clock.Advance(24 * time.Hour)
		id, err := s.CreateEmployee(admin, testEmployee(i))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	_, _ = s.Login(anonCtx, "admin", "salah-sekali")
	pick := func(f AuditFilter) []string {
		t.Helper()
		es, err := s.Audit(admin, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range es {
			out = append(out, e.Action+"#"+itoa(e.EntityID))
		}
		return out
	}
	all := pick(AuditFilter{})
	// Newest first: failed login, three creates, login, setup, admin creation.
	if want := []string{"gagal masuk#1", "buat#3", "buat#2", "buat#1", "masuk#1", "siapkan kantor#0", "buat#1"}; !reflect.DeepEqual(all, want) {
		t.Fatalf("all = %q\nwant  %q", all, want)
	}
	if got := pick(AuditFilter{Limit: 2}); !reflect.DeepEqual(got, all[:2]) {
		t.Fatalf("limit: %q", got)
	}
	if got := pick(AuditFilter{Entity: EntityEmployee}); !reflect.DeepEqual(got, all[1:4]) {
		t.Fatalf("entity: %q", got)
	}
	if got := pick(AuditFilter{Employee: ids[1]}); !reflect.DeepEqual(got, []string{"buat#2"}) {
		t.Fatalf("employee: %q", got)
	}
	from, to := day1.Add(36*time.Hour), day1.Add(72*time.Hour) // day 2 12:00 to day 4 08:00 exclusive
	if got := pick(AuditFilter{From: from, To: to}); !reflect.DeepEqual(got, []string{"buat#2"}) {
		t.Fatalf("range: %q", got)
	}
	if got := pick(AuditFilter{From: day1.Add(72 * time.Hour)}); !reflect.DeepEqual(got, all[:2]) {
		t.Fatalf("from (inclusive): %q", got)
	}
	adminID := domain.ActorFrom(admin).AccountID
	if got := pick(AuditFilter{AccountID: adminID}); len(got) != 6 {
		t.Fatalf("account (the failed attempt has no account): %q", got)
	}
	if got := pick(AuditFilter{Entity: "tidak ada"}); len(got) != 0 {
		t.Fatalf("unknown entity: %q", got)
	}
}

func itoa(n uint64) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestAppendAudit(t *testing.T) {
	s, _ := openTestStore(t)
	at := time.Date(2025, 2, 3, 4, 5, 6, 7, time.UTC)
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := appendAudit(tx, domain.SystemActor("uji"), at, domain.AuditEntry{}); err == nil {
			t.Error("entry without action accepted")
		}
		return appendAudit(tx, domain.SystemActor("uji"), at, domain.AuditEntry{
			ID: 50, AccountID: 9, Account: "palsu", // overwritten from the actor
			Action: domain.ActionBackup, Entity: EntityDatabase,
			Summary: []string{"tujuan: \xff" + strings.Repeat("x", 400)},
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	es, err := s.Audit(systemCtx, AuditFilter{})
	if err != nil || len(es) != 1 {
		t.Fatalf("%v %v", es, err)
	}
	e := es[0]
	if e.ID != 1 || e.AccountID != 0 || e.Account != "sistem:uji" || !e.Time.Equal(at) ||
		e.Action != domain.ActionBackup || e.Entity != EntityDatabase {
		t.Fatalf("entry %+v", e)
	}
	if l := []rune(e.Summary[0]); len(l) != maxSummaryLine || l[8] != '\uFFFD' || l[len(l)-1] != '…' {
		t.Fatalf("summary not cleaned: %q", e.Summary[0])
	}
	assertClean(t, s)
}

// TestResetDemoOfficeStartsNewTrail: the reset of the demo office is the only thing
// that clears the trail, and it records itself.
func TestResetDemoOfficeStartsNewTrail(t *testing.T) {
	s, _ := openTestStore(t)
	o, units, emps := demoOffice(10)
	if err := s.LoadOffice(anonCtx, o, units, emps); err != nil {
		t.Fatal(err)
	}
	ctx := loginCtx(t, s, "admin", DemoPassword)
	refusedCtx := loginCtx(t, s, "pegawai", DemoPassword)
	wantForbidden(t, s.ResetOffice(refusedCtx))
	if err := s.ResetOffice(ctx); err != nil {
		t.Fatal(err)
	}
	if has, _ := s.HasAccounts(anonCtx); has {
		t.Fatal("accounts survived the reset")
	}
	es, err := s.Audit(systemCtx, AuditFilter{})
	if err != nil || len(es) != 1 || es[0].Action != domain.ActionReset || es[0].Account != "admin" {
		t.Fatalf("trail after reset: %+v %v", es, err)
	}
	// The old session is gone with its account.
	_, err = s.ListRows(ctx)
	wantForbidden(t, err)
	// First run again.
	setupOffice(t, s, "Dinas Nyata")
	assertClean(t, s)
}

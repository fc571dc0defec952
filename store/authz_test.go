package store

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	"asndesk/domain"
)

// office is a set-up office with one account per role:
//
//	head (Pimpinan "pimpinan")
//	├── pen (Penilai+Pegawai "penilai")
//	│   ├── sub1 (Pegawai "pegawai")
//	│   └── sub2 (no account)
//	└── other (Tim Merit+Pegawai "merit")
type office struct {
	s                           *Store
	unit                        uint64
	head, pen, sub1, sub2, othr uint64
	accts                       map[string]domain.Account
	ctx                         map[string]context.Context // by username, plus "admin"
}

const rolePassword = "kata-sandi-uji"

func newOffice(t *testing.T) *office {
	t.Helper()
	s, _ := openTestStore(t)
	o := &office{s: s, accts: map[string]domain.Account{}, ctx: map[string]context.Context{}}
	admin := adminCtx(t, s)
	o.ctx["admin"] = admin
	var err error
	if o.unit, err = s.SaveUnit(admin, domain.Unit{Name: "Sekretariat"}); err != nil {
		t.Fatal(err)
	}
	create := func(i int, atasan uint64) uint64 {
		e := testEmployee(i)
		e.UnitID, e.AtasanID = o.unit, atasan
		id, err := s.CreateEmployee(admin, e)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	o.head = create(1, 0)
	o.pen = create(2, o.head)
	o.sub1 = create(3, o.pen)
	o.sub2 = create(4, o.pen)
	o.othr = create(5, o.head)
	for _, a := range []domain.Account{
		{Username: "pimpinan", Roles: []domain.Role{domain.RolePimpinan}, EmployeeID: o.head},
		{Username: "penilai", Roles: []domain.Role{domain.RolePenilai, domain.RolePegawai}, EmployeeID: o.pen},
		{Username: "pegawai", Roles: []domain.Role{domain.RolePegawai}, EmployeeID: o.sub1},
		{Username: "merit", Roles: []domain.Role{domain.RoleTimMerit, domain.RolePegawai}, EmployeeID: o.othr},
	} {
		id, err := s.CreateAccount(admin, a, rolePassword)
		if err != nil {
			t.Fatalf("CreateAccount(%s): %v", a.Username, err)
		}
		acc, err := s.Account(admin, id)
		if err != nil {
			t.Fatal(err)
		}
		o.accts[a.Username] = acc
		o.ctx[a.Username] = loginCtx(t, s, a.Username, rolePassword)
	}
	return o
}

// auditCount is the number of entries in the trail, read directly.
func auditCount(t *testing.T, s *Store) int {
	t.Helper()
	es, err := s.Audit(systemCtx, AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(es)
}

// exportSnapshot is the whole export without exported_at: equal snapshots
// mean nothing was written.
func exportSnapshot(t *testing.T, s *Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := s.ExportJSON(systemCtx, &buf); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	i := bytes.Index(b, []byte(`"exported_at"`))
	j := bytes.IndexByte(b[i:], '\n')
	return append(append([]byte{}, b[:i]...), b[i+j:]...)
}

func wantForbidden(t *testing.T, err error) {
	t.Helper()
	wantCode(t, err, domain.EFORBIDDEN)
	if !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("errors.Is(ErrForbidden) false for %v", err)
	}
}

// refusedWritesNothing runs a write that must be refused and checks that
// the file is unchanged, audit trail included.
func refusedWritesNothing(t *testing.T, o *office, name string, write func() error) {
	t.Helper()
	before := exportSnapshot(t, o.s)
	err := write()
	if err == nil {
		t.Fatalf("%s: allowed", name)
	}
	if domain.ErrorCode(err) != domain.EFORBIDDEN {
		t.Fatalf("%s: %v, want EFORBIDDEN", name, err)
	}
	if after := exportSnapshot(t, o.s); !bytes.Equal(before, after) {
		t.Fatalf("%s: refused write changed the file", name)
	}
}

func TestPegawaiCannotWriteAnotherEmployee(t *testing.T) {
	o := newOffice(t)
	ctx := o.ctx["pegawai"]
	other, err := o.s.Employee(o.ctx["admin"], o.sub2)
	if err != nil {
		t.Fatal(err)
	}
	n := auditCount(t, o.s)
	changed := other
	changed.NamaJabatan = "Diubah oleh rekan"
	refusedWritesNothing(t, o, "update other", func() error { return o.s.UpdateEmployee(ctx, changed) })
	got, _ := o.s.Employee(o.ctx["admin"], o.sub2)
	if !reflect.DeepEqual(got, other) {
		t.Fatalf("record changed:\n%+v\n%+v", got, other)
	}
	if auditCount(t, o.s) != n {
		t.Fatal("refusal audited")
	}
	// Nor their own profile, nor create or delete.
	self, _ := o.s.Employee(ctx, o.sub1)
	self.NomorHP = "0812"
	refusedWritesNothing(t, o, "update self", func() error { return o.s.UpdateEmployee(ctx, self) })
	refusedWritesNothing(t, o, "create", func() error { _, err := o.s.CreateEmployee(ctx, testEmployee(50)); return err })
	refusedWritesNothing(t, o, "delete", func() error { return o.s.DeleteEmployee(ctx, o.sub2) })
	// Refusal comes before validation: an invalid record is still EFORBIDDEN.
	bad := changed
	bad.Nama = ""
	wantForbidden(t, o.s.UpdateEmployee(ctx, bad))
	assertClean(t, o.s)
}

func TestOnlyAdminEditsProfiles(t *testing.T) {
	o := newOffice(t)
	sub, _ := o.s.Employee(o.ctx["admin"], o.sub1)
	for _, who := range []string{"penilai", "pimpinan", "merit"} {
		e := sub
		e.Golongan = "III/b"
		refusedWritesNothing(t, o, who+" update", func() error { return o.s.UpdateEmployee(o.ctx[who], e) })
		refusedWritesNothing(t, o, who+" delete", func() error { return o.s.DeleteEmployee(o.ctx[who], o.sub1) })
		refusedWritesNothing(t, o, who+" create", func() error {
			_, err := o.s.CreateEmployee(o.ctx[who], testEmployee(60))
			return err
		})
	}

	// Admin may, and the change is audited with its diff.
	e := sub
	e.NamaJabatan = "Analis Kepegawaian"
	e.Golongan = "III/b"
	if err := o.s.UpdateEmployee(o.ctx["admin"], e); err != nil {
		t.Fatal(err)
	}
	last, err := o.s.Audit(o.ctx["admin"], AuditFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`golongan: "III/a" → "III/b"`, `nama_jabatan: "Pengadministrasi Umum" → "Analis Kepegawaian"`,
		"riwayat pangkat/golongan #1: dibuat dari perubahan profil", "riwayat jabatan #2: dibuat dari perubahan profil"}
	if len(last) != 1 || last[0].Action != domain.ActionUpdate || last[0].Entity != EntityEmployee ||
		last[0].EntityID != o.sub1 || last[0].Employee != o.sub1 || last[0].Account != "admin" ||
		last[0].AccountID == 0 || !reflect.DeepEqual(last[0].Summary, want) {
		t.Fatalf("audit entry = %+v", last)
	}
	assertClean(t, o.s)
}

func TestZeroActorRefused(t *testing.T) {
	o := newOffice(t)
	e, _ := o.s.Employee(o.ctx["admin"], o.sub1)
	for name, f := range map[string]func() error{
		"create":      func() error { _, err := o.s.CreateEmployee(anonCtx, testEmployee(70)); return err },
		"update":      func() error { return o.s.UpdateEmployee(anonCtx, e) },
		"delete":      func() error { return o.s.DeleteEmployee(anonCtx, o.sub1) },
		"save unit":   func() error { _, err := o.s.SaveUnit(anonCtx, domain.Unit{Name: "X"}); return err },
		"delete unit": func() error { return o.s.DeleteUnit(anonCtx, o.unit) },
		"create acct": func() error {
			_, err := o.s.CreateAccount(anonCtx, domain.Account{Username: "x", Roles: []domain.Role{domain.RoleAdmin}}, "rahasia-x1")
			return err
		},
		"reset office": func() error { return o.s.ResetOffice(anonCtx) },
		"logout":       func() error { return o.s.Logout(anonCtx) },
		"change pw":    func() error { return o.s.ChangePassword(anonCtx, rolePassword, "baru-sekali") },
	} {
		refusedWritesNothing(t, o, name, f)
	}
	_, err := o.s.Employee(anonCtx, o.sub1)
	wantForbidden(t, err)
	wantMessage(t, err, "Silakan masuk (login) terlebih dahulu.")
	_, err = o.s.ListRows(anonCtx)
	wantForbidden(t, err)
	_, err = o.s.Accounts(anonCtx)
	wantForbidden(t, err)
	_, err = o.s.Account(anonCtx, o.accts["pegawai"].ID)
	wantForbidden(t, err)
	_, err = o.s.Audit(anonCtx, AuditFilter{})
	wantForbidden(t, err)
	// What the first screens need works without login.
	if _, _, err := o.s.Office(anonCtx); err != nil {
		t.Fatal(err)
	}
	if has, err := o.s.HasAccounts(anonCtx); err != nil || !has {
		t.Fatal(has, err)
	}
}

func TestEmployeeViewRules(t *testing.T) {
	o := newOffice(t)
	all := []uint64{o.head, o.pen, o.sub1, o.sub2, o.othr}
	allowed := map[string][]uint64{
		"admin":    all,
		"pimpinan": all,
		"penilai":  {o.pen, o.sub1, o.sub2},
		"pegawai":  {o.sub1},
		"merit":    {o.othr},
	}
	for who, ids := range allowed {
		for _, id := range all {
			e, err := o.s.Employee(o.ctx[who], id)
			if slices.Contains(ids, id) {
				if err != nil || e.ID != id {
					t.Errorf("%s Employee(%d): %v", who, id, err)
				}
				continue
			}
			if domain.ErrorCode(err) != domain.EFORBIDDEN || e.ID != 0 {
				t.Errorf("%s Employee(%d): %v (record %d), want refusal", who, id, err, e.ID)
			}
		}
		// The list shows exactly the same employees, in id order.
		rows, err := o.s.ListRows(o.ctx[who])
		if err != nil {
			t.Fatal(err)
		}
		var got []uint64
		for _, r := range rows {
			got = append(got, r.ID)
		}
		if !reflect.DeepEqual(got, ids) {
			t.Errorf("%s ListRows = %v, want %v", who, got, ids)
		}
	}
	// A system actor sees everything.
	if rows, _ := o.s.ListRows(systemCtx); len(rows) != len(all) {
		t.Fatalf("system sees %d rows", len(rows))
	}
	// A missing record is ENOTFOUND for whoever may look.
	_, err := o.s.Employee(o.ctx["admin"], 999)
	wantCode(t, err, domain.ENOTFOUND)
}

// TestListFollowsAtasanChanges: the list filter reads the atasan from the
// row, which every write keeps up to date.
func TestListFollowsAtasanChanges(t *testing.T) {
	o := newOffice(t)
	admin := o.ctx["admin"]
	e, _ := o.s.Employee(admin, o.othr)
	e.AtasanID = o.pen
	if err := o.s.UpdateEmployee(admin, e); err != nil {
		t.Fatal(err)
	}
	rows, _ := o.s.ListRows(o.ctx["penilai"])
	if len(rows) != 4 || rows[len(rows)-1].ID != o.othr {
		t.Fatalf("penilai rows after reassigning: %+v", rows)
	}
	if _, err := o.s.Employee(o.ctx["penilai"], o.othr); err != nil {
		t.Fatal(err)
	}
	assertClean(t, o.s)
}

func TestUnitWritesAdminOnly(t *testing.T) {
	o := newOffice(t)
	free, err := o.s.SaveUnit(o.ctx["admin"], domain.Unit{Name: "Gudang"})
	if err != nil {
		t.Fatal(err)
	}
	for _, who := range []string{"pimpinan", "penilai", "pegawai", "merit"} {
		ctx := o.ctx[who]
		refusedWritesNothing(t, o, who+" new unit", func() error {
			_, err := o.s.SaveUnit(ctx, domain.Unit{Name: "Baru"})
			return err
		})
		refusedWritesNothing(t, o, who+" rename", func() error {
			_, err := o.s.SaveUnit(ctx, domain.Unit{ID: free, Name: "Lain"})
			return err
		})
		refusedWritesNothing(t, o, who+" delete", func() error { return o.s.DeleteUnit(ctx, free) })
		if us, err := o.s.Units(ctx); err != nil || len(us) != 2 {
			t.Fatalf("%s Units: %v %v", who, us, err)
		}
	}
	if _, err := o.s.SaveUnit(o.ctx["admin"], domain.Unit{ID: free, Name: "Gudang Arsip"}); err != nil {
		t.Fatal(err)
	}
	if err := o.s.DeleteUnit(o.ctx["admin"], free); err != nil {
		t.Fatal(err)
	}
	es, _ := o.s.Audit(o.ctx["admin"], AuditFilter{Entity: EntityUnit, Limit: 3})
	if len(es) != 3 || es[0].Action != domain.ActionDelete || es[1].Action != domain.ActionUpdate ||
		es[2].Action != domain.ActionCreate || es[1].Summary[0] != `nama: "Gudang" → "Gudang Arsip"` ||
		es[0].EntityID != free {
		t.Fatalf("unit audit = %+v", es)
	}
}

func TestAccountManagementAdminOnly(t *testing.T) {
	o := newOffice(t)
	target := o.accts["pegawai"]
	for _, who := range []string{"pimpinan", "penilai", "pegawai", "merit"} {
		ctx := o.ctx[who]
		refusedWritesNothing(t, o, who+" create", func() error {
			_, err := o.s.CreateAccount(ctx, domain.Account{Username: "baru", Roles: []domain.Role{domain.RoleAdmin}}, "rahasia-baru")
			return err
		})
		refusedWritesNothing(t, o, who+" update", func() error {
			a := target
			a.Roles = []domain.Role{domain.RoleAdmin}
			return o.s.UpdateAccount(ctx, a)
		})
		refusedWritesNothing(t, o, who+" reset", func() error { return o.s.ResetPassword(ctx, target.ID, "rahasia-baru") })
		refusedWritesNothing(t, o, who+" unlock", func() error { return o.s.UnlockAccount(ctx, target.ID) })
		_, err := o.s.Accounts(ctx)
		wantForbidden(t, err)
		// Everyone reads their own account, nobody else's.
		own, err := o.s.Account(ctx, o.accts[who].ID)
		if err != nil || own.Username != who {
			t.Fatalf("%s own account: %+v %v", who, own, err)
		}
		if who != "pegawai" {
			_, err = o.s.Account(ctx, target.ID)
			wantForbidden(t, err)
		}
	}
	list, err := o.s.Accounts(o.ctx["admin"])
	if err != nil || len(list) != 5 || list[0].Username != "admin" {
		t.Fatalf("Accounts = %+v, %v", list, err)
	}
}

func TestAuditReadAdminAndPimpinanOnly(t *testing.T) {
	o := newOffice(t)
	for who, ok := range map[string]bool{"admin": true, "pimpinan": true, "penilai": false, "pegawai": false, "merit": false} {
		es, err := o.s.Audit(o.ctx[who], AuditFilter{})
		if ok && (err != nil || len(es) == 0) {
			t.Errorf("%s: %v", who, err)
		}
		if !ok {
			wantForbidden(t, err)
		}
	}
}

// TestRolesComeFromTheFile: a session's roles are re-read on every call,
// so removing a role or disabling an account takes effect at once.
func TestRolesComeFromTheFile(t *testing.T) {
	o := newOffice(t)
	admin := o.ctx["admin"]
	pen := o.ctx["penilai"]
	a := o.accts["penilai"]
	a.Roles = []domain.Role{domain.RolePegawai}
	if err := o.s.UpdateAccount(admin, a); err != nil {
		t.Fatal(err)
	}
	rows, _ := o.s.ListRows(pen)
	if len(rows) != 1 || rows[0].ID != o.pen {
		t.Fatalf("demoted penilai still sees %+v", rows)
	}
	_, err := o.s.Employee(pen, o.sub1)
	wantForbidden(t, err)

	// A context claiming roles the account does not have gains nothing.
	forged := domain.ActorOf(o.accts["pegawai"])
	forged.Roles = []domain.Role{domain.RoleAdmin}
	fctx := domain.WithActor(context.Background(), forged)
	refusedWritesNothing(t, o, "forged admin", func() error { return o.s.DeleteEmployee(fctx, o.sub2) })

	a.Disabled = true
	if err := o.s.UpdateAccount(admin, a); err != nil {
		t.Fatal(err)
	}
	_, err = o.s.ListRows(pen)
	wantForbidden(t, err)
	wantMessage(t, err, msgSessionGone)
	// An account id that does not exist in this file is refused too.
	ghost := domain.WithActor(context.Background(), domain.Actor{AccountID: 99, Username: "hantu", Roles: []domain.Role{domain.RoleAdmin}})
	_, err = o.s.ListRows(ghost)
	wantForbidden(t, err)
}

func TestResetOfficeRules(t *testing.T) {
	o := newOffice(t)
	for _, who := range []string{"pimpinan", "penilai", "pegawai", "merit"} {
		refusedWritesNothing(t, o, who, func() error { return o.s.ResetOffice(o.ctx[who]) })
	}
	// A real office cannot be wiped from the app, even by an Admin.
	for _, ctx := range []context.Context{o.ctx["admin"], systemCtx} {
		before := exportSnapshot(t, o.s)
		err := o.s.ResetOffice(ctx)
		wantCode(t, err, domain.EINVALID)
		if !bytes.Equal(before, exportSnapshot(t, o.s)) {
			t.Fatal("refused reset changed the file")
		}
	}
}

func TestExportAndCheckAreSystemOperations(t *testing.T) {
	o := newOffice(t)
	var buf bytes.Buffer
	for _, ctx := range []context.Context{anonCtx, systemCtx, o.ctx["admin"]} {
		if err := o.s.ExportJSON(ctx, &buf); err != nil {
			t.Fatal(err)
		}
		if _, err := o.s.Check(ctx); err != nil {
			t.Fatal(err)
		}
	}
	for _, who := range []string{"pimpinan", "penilai", "pegawai", "merit"} {
		wantForbidden(t, o.s.ExportJSON(o.ctx[who], &buf))
		_, err := o.s.Check(o.ctx[who])
		wantForbidden(t, err)
	}
}

func TestDeleteEmployeeWithAccountRefused(t *testing.T) {
	o := newOffice(t)
	err := o.s.DeleteEmployee(o.ctx["admin"], o.sub1)
	wantCode(t, err, domain.ECONFLICT)
	wantMessage(t, err, "Pegawai ini masih ditautkan ke akun pegawai. Ubah tautan akun itu lebih dulu.")
	if _, err := o.s.Employee(o.ctx["admin"], o.sub1); err != nil {
		t.Fatal(err)
	}
	// Deleting an atasan rewrites the staff's records and rows (Check
	// compares every row with its record), and audits each of them.
	admin := o.ctx["admin"]
	e := testEmployee(40)
	e.AtasanID = o.sub2
	staff, err := o.s.CreateEmployee(admin, e)
	if err != nil {
		t.Fatal(err)
	}
	if err := o.s.DeleteEmployee(admin, o.sub2); err != nil {
		t.Fatal(err)
	}
	rows, _ := o.s.ListRows(admin)
	if r := rows[len(rows)-1]; r.ID != staff || r.AtasanID != 0 {
		t.Fatalf("staff row = %+v", r)
	}
	es, _ := o.s.Audit(admin, AuditFilter{Limit: 2})
	if len(es) != 2 || es[0].Action != domain.ActionUpdate || es[0].Employee != staff ||
		!reflect.DeepEqual(es[0].Summary, []string{`atasan_id: "4" → "0"`}) ||
		es[1].Action != domain.ActionDelete || es[1].EntityID != o.sub2 {
		t.Fatalf("audit = %+v", es)
	}
	assertClean(t, o.s)
}

package store

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"asndesk/domain"
)

func TestSetupOffice(t *testing.T) {
	s, _ := openTestStore(t)
	admin := domain.Account{Username: " Operator ", Roles: []domain.Role{domain.RoleAdmin}}

	// There is no default password: an empty or short one is refused by
	// ValidatePassword, and nothing is written.
	for _, pw := range []string{"", "1234567", "operator"} {
		_, err := s.SetupOffice(anonCtx, domain.Office{Name: "Dinas Kominfo"}, nil, admin, pw)
		wantCode(t, err, domain.EINVALID)
		if want := domain.ValidatePassword("operator", pw); domain.ErrorMessage(err) != domain.ErrorMessage(want) {
			t.Fatalf("password %q: %v, want %v", pw, err, want)
		}
	}
	// The first account must be an Admin.
	_, err := s.SetupOffice(anonCtx, domain.Office{Name: "Dinas Kominfo"}, nil,
		domain.Account{Username: "kepala", Roles: []domain.Role{domain.RolePimpinan}}, "rahasia-sekali")
	wantCode(t, err, domain.EINVALID)
	if has, _ := s.HasAccounts(anonCtx); has {
		t.Fatal("refused setup created an account")
	}
	if _, ok, _ := s.Office(bg); ok {
		t.Fatal("refused setup wrote the office")
	}

	// No login is needed: this is the first screen.
	acc, err := s.SetupOffice(anonCtx, domain.Office{Name: "  Dinas Kominfo  ", Demo: true},
		[]string{" Sekretariat ", "", "bidang tik", "Bidang TIK", "   ", "Aptika"}, admin, "rahasia-sekali")
	if err != nil {
		t.Fatal(err)
	}
	if acc.ID == 0 || acc.Username != "operator" || acc.Name != "operator" || !acc.HasRole(domain.RoleAdmin) ||
		acc.MustChangePassword || acc.EmployeeID != 0 {
		t.Fatalf("admin = %+v", acc)
	}
	o, ok, err := s.Office(bg)
	if err != nil || !ok || o != (domain.Office{Name: "Dinas Kominfo"}) {
		t.Fatalf("Office = %+v %v %v (a set-up office is never the demo)", o, ok, err)
	}
	us, err := s.Units(bg)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, u := range us {
		names = append(names, u.Name)
	}
	if fmt.Sprint(names) != "[Aptika bidang tik Sekretariat]" {
		t.Fatalf("units = %v", names)
	}
	if has, _ := s.HasAccounts(anonCtx); !has {
		t.Fatal("HasAccounts false after setup")
	}
	ctx := loginCtx(t, s, "operator", "rahasia-sekali")

	// Audited: the admin's creation and the setup, attributed to the admin.
	entries, err := s.Audit(ctx, AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 || entries[0].Action != domain.ActionLogin || entries[1].Action != domain.ActionSetup ||
		entries[2].Action != domain.ActionCreate || entries[2].Entity != EntityAccount || entries[1].Account != "operator" {
		t.Fatalf("audit = %+v", entries)
	}

	// A second setup is refused, by anyone.
	for _, c := range []context.Context{anonCtx, ctx, systemCtx} {
		_, err = s.SetupOffice(c, domain.Office{Name: "Lain"}, nil,
			domain.Account{Username: "lain", Roles: []domain.Role{domain.RoleAdmin}}, "rahasia-lain")
		wantCode(t, err, domain.ECONFLICT)
	}
	if o, _, _ := s.Office(bg); o.Name != "Dinas Kominfo" {
		t.Fatal("second setup overwrote the office")
	}
	if _, err := s.Login(anonCtx, "lain", "rahasia-lain"); err == nil {
		t.Fatal("second setup created its admin")
	}
	_, err = s.SetupOffice(anonCtx, domain.Office{Name: " "}, nil, admin, "rahasia-sekali")
	wantCode(t, err, domain.EINVALID)
	assertClean(t, s)
}

func TestUnits(t *testing.T) {
	s, _ := openTestStore(t)
	id, err := s.SaveUnit(bg, domain.Unit{Name: "  keuangan "})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.SaveUnit(bg, domain.Unit{Name: "KEUANGAN"})
	wantCode(t, err, domain.ECONFLICT)
	wantMessage(t, err, `Unit kerja "keuangan" sudah ada.`)

	_, err = s.SaveUnit(bg, domain.Unit{Name: "   "})
	wantCode(t, err, domain.EINVALID)
	wantMessage(t, err, "Nama unit kerja wajib diisi.")

	// Renaming to a different case of its own name is fine.
	if got, err := s.SaveUnit(bg, domain.Unit{ID: id, Name: "Keuangan"}); err != nil || got != id {
		t.Fatalf("rename: %d %v", got, err)
	}
	other, _ := s.SaveUnit(bg, domain.Unit{Name: "Umum"})
	_, err = s.SaveUnit(bg, domain.Unit{ID: other, Name: "keuangan"})
	wantCode(t, err, domain.ECONFLICT)
	_, err = s.SaveUnit(bg, domain.Unit{ID: 99, Name: "Baru"})
	wantCode(t, err, domain.ENOTFOUND)

	us, _ := s.Units(bg)
	if len(us) != 2 || us[0] != (domain.Unit{ID: id, Name: "Keuangan"}) || us[1].Name != "Umum" {
		t.Fatalf("units = %+v", us)
	}
	assertClean(t, s)
}

func TestDeleteUnit(t *testing.T) {
	s, _ := openTestStore(t)
	used, _ := s.SaveUnit(bg, domain.Unit{Name: "Sekretariat"})
	free, _ := s.SaveUnit(bg, domain.Unit{Name: "Gudang"})
	for i := range 2 {
		e := testEmployee(i)
		e.UnitID = used
		if i == 1 {
			e.Status = domain.StatusPensiun // retired staff still count
		}
		mustCreate(t, s, e)
	}
	err := s.DeleteUnit(bg, used)
	wantCode(t, err, domain.ECONFLICT)
	wantMessage(t, err, "Unit kerja ini masih dipakai oleh 2 pegawai.")
	if err := s.DeleteUnit(bg, free); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.DeleteUnit(bg, free), domain.ENOTFOUND)
	us, _ := s.Units(bg)
	if len(us) != 1 || us[0].ID != used {
		t.Fatalf("units = %+v", us)
	}
	assertClean(t, s)
}

// demoOffice builds n employees with ids 10, 20, 30… in units 5 and 7,
// each reporting to the first.
func demoOffice(n int) (domain.Office, []domain.Unit, []domain.Employee) {
	units := []domain.Unit{{ID: 7, Name: "Bidang B"}, {ID: 5, Name: "Bidang A"}}
	emps := make([]domain.Employee, n)
	for i := range emps {
		e := testEmployee(i)
		e.ID = uint64(10 * (n - i)) // deliberately not in id order
		e.UnitID = units[i%2].ID
		if i > 0 {
			e.AtasanID = emps[0].ID
		}
		emps[i] = e
	}
	return domain.Office{Name: "Dinas Contoh", Demo: true}, units, emps
}

func TestLoadOffice(t *testing.T) {
	s, _ := openTestStore(t)
	o, units, emps := demoOffice(50)
	if err := s.LoadOffice(bg, o, units, emps); err != nil {
		t.Fatal(err)
	}
	got, ok, _ := s.Office(bg)
	if !ok || got != o {
		t.Fatalf("office = %+v", got)
	}
	rows, _ := s.ListRows(bg)
	if len(rows) != 50 || rows[0].ID != 10 || rows[49].ID != 500 {
		t.Fatalf("rows: %d, first %d, last %d", len(rows), rows[0].ID, rows[len(rows)-1].ID)
	}
	e, err := s.Employee(bg, 30)
	if err != nil || e.AtasanID != 500 || e.Created.IsZero() {
		t.Fatalf("employee 30 = %+v, %v", e, err)
	}
	assertClean(t, s)

	// Sequences were moved past the loaded ids.
	id := mustCreate(t, s, testEmployee(1000))
	if id != 501 {
		t.Fatalf("id after load = %d, want 501", id)
	}
	uid, err := s.SaveUnit(bg, domain.Unit{Name: "Bidang C"})
	if err != nil || uid != 8 {
		t.Fatalf("unit id after load = %d, %v; want 8", uid, err)
	}

	// A second load is refused.
	err = s.LoadOffice(bg, o, nil, nil)
	wantCode(t, err, domain.ECONFLICT)
	assertClean(t, s)
}

func TestLoadOfficeValidates(t *testing.T) {
	s, _ := openTestStore(t)
	o, units, emps := demoOffice(5)

	bad := append([]domain.Employee(nil), emps...)
	bad[2].Nama = ""
	var fe domain.FieldErrors
	if err := s.LoadOffice(bg, o, units, bad); !errors.As(err, &fe) {
		t.Fatalf("invalid employee: %v", err)
	}

	dup := append([]domain.Employee(nil), emps...)
	dup[3].NIP = dup[1].NIP
	wantCode(t, s.LoadOffice(bg, o, units, dup), domain.ECONFLICT)
	dup[3].Status = domain.StatusPindah // fine when one is inactive
	if err := s.LoadOffice(bg, o, units, dup); err != nil {
		t.Fatal(err)
	}
	assertClean(t, s)
	if err := s.ResetOffice(bg); err != nil {
		t.Fatal(err)
	}

	for name, mod := range map[string]func([]domain.Unit, []domain.Employee){
		"no id":          func(_ []domain.Unit, es []domain.Employee) { es[0].ID = 0 },
		"same id":        func(_ []domain.Unit, es []domain.Employee) { es[0].ID = es[1].ID },
		"missing unit":   func(_ []domain.Unit, es []domain.Employee) { es[1].UnitID = 6 },
		"missing atasan": func(_ []domain.Unit, es []domain.Employee) { es[1].AtasanID = 3 },
		"unit no id":     func(us []domain.Unit, _ []domain.Employee) { us[0].ID = 0 },
		"unit same name": func(us []domain.Unit, _ []domain.Employee) { us[0].Name = "bidang a" },
	} {
		o, units, emps := demoOffice(5)
		mod(units, emps)
		if err := s.LoadOffice(bg, o, units, emps); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	rows, _ := s.ListRows(bg)
	if len(rows) != 0 {
		t.Fatal("refused load wrote rows")
	}
	assertClean(t, s)
}

func TestLoadOfficeRefusesExistingEmployees(t *testing.T) {
	s, _ := openTestStore(t)
	mustCreate(t, s, testEmployee(1))
	o, units, emps := demoOffice(3)
	wantCode(t, s.LoadOffice(bg, o, units, emps), domain.ECONFLICT)
	assertClean(t, s)
}

func TestResetOffice(t *testing.T) {
	s, path := openTestStore(t)
	o, units, emps := demoOffice(20)
	emps[0].NIK = makeNIK(emps[0].TanggalLahir, emps[0].JenisKelamin, 1)
	if err := s.LoadOffice(bg, o, units, emps); err != nil {
		t.Fatal(err)
	}
	if err := s.ResetOffice(bg); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Office(bg); ok {
		t.Fatal("office survived reset")
	}
	rows, _ := s.ListRows(bg)
	us, _ := s.Units(bg)
	if len(rows) != 0 || len(us) != 0 {
		t.Fatalf("%d rows, %d units after reset", len(rows), len(us))
	}
	assertClean(t, s)

	// A real office can start, reusing the demo's identifiers.
	setupOffice(t, s, "Dinas Nyata", "Umum")
	emps[0].ID, emps[0].UnitID, emps[0].AtasanID = 0, 0, 0
	mustCreate(t, s, emps[0])
	assertClean(t, s)
	s.Close()
	s2 := openAt(t, path, testOptions())
	if o, ok, _ := s2.Office(bg); !ok || o.Name != "Dinas Nyata" || o.Demo {
		t.Fatalf("office after reopen = %+v", o)
	}
}

func TestLoadOffice100k(t *testing.T) {
	if testing.Short() {
		t.Skip("large load")
	}
	s, _ := openTestStore(t)
	const n = 100_000
	emps := make([]domain.Employee, n)
	for i := range emps {
		emps[i] = testEmployee(i)
		emps[i].ID = uint64(i + 1)
	}
	start := time.Now()
	if err := s.LoadOffice(bg, domain.Office{Name: "Besar", Demo: true}, nil, emps); err != nil {
		t.Fatal(err)
	}
	load := time.Since(start)
	start = time.Now()
	rows, err := s.ListRows(bg)
	if err != nil || len(rows) != n {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	list := time.Since(start)
	start = time.Now()
	assertClean(t, s)
	t.Logf("LoadOffice(%d): %v; ListRows: %v; Check: %v", n, load, list, time.Since(start))
	if load > 20*time.Second {
		t.Fatalf("LoadOffice(%d) took %v", n, load)
	}
}

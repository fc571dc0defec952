package store

import (
	"context"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"asndesk/domain"
)

func mustSaveNode(t *testing.T, s *Store, ctx context.Context, n domain.UnitNode) uint64 {
	t.Helper()
	id, err := s.SaveUnitNode(ctx, n)
	if err != nil {
		t.Fatalf("SaveUnitNode(%s): %v", n.Name, err)
	}
	return id
}

func TestUnitTree(t *testing.T) {
	s, _ := openTestStore(t)
	admin := adminCtx(t, s)
	root := mustSaveNode(t, s, admin, domain.UnitNode{Unit: domain.Unit{Name: "Kecamatan"}})
	a := mustSaveNode(t, s, admin, domain.UnitNode{Unit: domain.Unit{Name: "Sekretariat"}, ParentID: root})
	b := mustSaveNode(t, s, admin, domain.UnitNode{Unit: domain.Unit{Name: "Subbagian Umum"}, ParentID: a})
	c := mustSaveNode(t, s, admin, domain.UnitNode{Unit: domain.Unit{Name: "Urusan Arsip"}, ParentID: b}) // level 4
	z := mustSaveNode(t, s, admin, domain.UnitNode{Unit: domain.Unit{Name: "Bidang Aptika"}, ParentID: root})

	// Level 5 is refused.
	_, err := s.SaveUnitNode(admin, domain.UnitNode{Unit: domain.Unit{Name: "Terlalu Dalam"}, ParentID: c})
	wantCode(t, err, domain.EINVALID)
	wantMessage(t, err, "Struktur organisasi paling banyak 4 tingkat; di bawah induk ini unit ini akan berada di tingkat 5.")
	// Moving a subtree so that it gets too deep is refused as well.
	_, err = s.SaveUnitNode(admin, domain.UnitNode{Unit: domain.Unit{ID: a, Name: "Sekretariat"}, ParentID: z})
	wantMessage(t, err, "Struktur organisasi paling banyak 4 tingkat; di bawah induk ini sub-unit terbawahnya akan berada di tingkat 5.")
	// Cycles.
	for _, p := range []uint64{root, a, b, c} {
		_, err = s.SaveUnitNode(admin, domain.UnitNode{Unit: domain.Unit{ID: root, Name: "Kecamatan"}, ParentID: p})
		if p == root {
			wantMessage(t, err, msgUnitCycle)
			continue
		}
		wantCode(t, err, domain.EINVALID)
		if domain.ErrorMessage(err) != msgUnitCycle && !strings.Contains(domain.ErrorMessage(err), "tingkat") {
			t.Fatalf("parent %d: %v", p, err)
		}
	}
	_, err = s.SaveUnitNode(admin, domain.UnitNode{Unit: domain.Unit{ID: b, Name: "Subbagian Umum"}, ParentID: c})
	wantMessage(t, err, msgUnitCycle)
	_, err = s.SaveUnitNode(admin, domain.UnitNode{Unit: domain.Unit{Name: "Yatim"}, ParentID: 99})
	wantMessage(t, err, msgParentGone)
	_, err = s.SaveUnitNode(admin, domain.UnitNode{Unit: domain.Unit{Name: "Tanpa Kepala"}, HeadID: 99})
	wantMessage(t, err, msgHeadGone)
	_, err = s.SaveUnitNode(admin, domain.UnitNode{Unit: domain.Unit{Name: "sekretariat"}, ParentID: root})
	wantCode(t, err, domain.ECONFLICT)

	// Heads, and a rename through SaveUnit keeps parent and head.
	e := testEmployee(1)
	e.UnitID = b
	head := mustCreate(t, s, e)
	mustSaveNode(t, s, admin, domain.UnitNode{Unit: domain.Unit{ID: b, Name: "Subbagian Umum"}, ParentID: a, HeadID: head})
	if a := lastAudit(t, s); a.Entity != EntityUnit || !slices.ContainsFunc(a.Summary, func(l string) bool {
		return strings.HasPrefix(l, `kepala: "" → "Pegawai 1"`)
	}) {
		t.Fatalf("audit %+v", a)
	}
	if _, err := s.SaveUnit(admin, domain.Unit{ID: b, Name: "Subbagian Umum dan Kepegawaian"}); err != nil {
		t.Fatal(err)
	}
	tree, err := s.UnitTree(anonCtx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, n := range tree {
		names = append(names, n.Name)
		if n.ID == b && (n.ParentID != a || n.HeadID != head) {
			t.Fatalf("rename lost the tree: %+v", n)
		}
	}
	want := []string{"Kecamatan", "Bidang Aptika", "Sekretariat", "Subbagian Umum dan Kepegawaian", "Urusan Arsip"}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("tree order %v", names)
	}
	if us, _ := s.Units(bg); len(us) != 5 {
		t.Fatalf("Units: %v", us)
	}

	// A unit with sub-units cannot be deleted; a leaf can.
	err = s.DeleteUnit(admin, a)
	wantCode(t, err, domain.ECONFLICT)
	wantMessage(t, err, "Unit kerja ini masih memiliki 1 sub-unit. Pindahkan atau hapus sub-unitnya lebih dulu.")
	if err := s.DeleteUnit(admin, c); err != nil {
		t.Fatal(err)
	}
	// Deleting the head's profile leaves the unit without a head.
	if err := s.DeleteEmployee(admin, head); err != nil {
		t.Fatal(err)
	}
	tree, _ = s.UnitTree(anonCtx)
	if i := slices.IndexFunc(tree, func(n domain.UnitNode) bool { return n.ID == b }); tree[i].HeadID != 0 {
		t.Fatalf("head of a deleted employee kept: %+v", tree[i])
	}
	if a := lastAudit(t, s); !slices.Contains(a.Summary, `kepala unit "Subbagian Umum dan Kepegawaian": dikosongkan`) {
		t.Fatalf("delete audit %+v", a)
	}
	assertClean(t, s)
	// Only Admin manages the tree.
	_, err = s.SaveUnitNode(anonCtx, domain.UnitNode{Unit: domain.Unit{Name: "X"}})
	wantForbidden(t, err)
}

// atasanOffice builds the office of the atasan tests:
//
//	Kantor (head H)
//	└── Bidang (head A)
//	    ├── Y            staff without atasan in the profile
//	    └── Seksi (head S)
//	        ├── X        staff without atasan in the profile
//	        └── Z        atasan A in the profile
//
// and a Penilai account "s" for S.
type atasanOffice struct {
	s                  *Store
	admin, penS        context.Context
	kantor, bidang, sk uint64
	h, a, sh, x, y, z  uint64
}

func newAtasanOffice(t *testing.T) *atasanOffice {
	t.Helper()
	s, _ := openTestStore(t)
	o := &atasanOffice{s: s, admin: adminCtx(t, s)}
	o.kantor = mustSaveNode(t, s, o.admin, domain.UnitNode{Unit: domain.Unit{Name: "Kantor"}})
	o.bidang = mustSaveNode(t, s, o.admin, domain.UnitNode{Unit: domain.Unit{Name: "Bidang"}, ParentID: o.kantor})
	o.sk = mustSaveNode(t, s, o.admin, domain.UnitNode{Unit: domain.Unit{Name: "Seksi"}, ParentID: o.bidang})
	emp := func(i int, unit, atasan uint64) uint64 {
		e := testEmployee(i)
		e.UnitID, e.AtasanID = unit, atasan
		id, err := s.CreateEmployee(o.admin, e)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	o.h = emp(1, o.kantor, 0)
	o.a = emp(2, o.bidang, 0)
	o.sh = emp(3, o.sk, 0)
	o.x = emp(4, o.sk, 0)
	o.y = emp(5, o.bidang, 0)
	o.z = emp(6, o.sk, o.a)
	mustSaveNode(t, s, o.admin, domain.UnitNode{Unit: domain.Unit{ID: o.kantor, Name: "Kantor"}, HeadID: o.h})
	mustSaveNode(t, s, o.admin, domain.UnitNode{Unit: domain.Unit{ID: o.bidang, Name: "Bidang"}, ParentID: o.kantor, HeadID: o.a})
	mustSaveNode(t, s, o.admin, domain.UnitNode{Unit: domain.Unit{ID: o.sk, Name: "Seksi"}, ParentID: o.bidang, HeadID: o.sh})
	if _, err := s.CreateAccount(o.admin, domain.Account{Username: "seksi", Roles: []domain.Role{domain.RolePenilai, domain.RolePegawai},
		EmployeeID: o.sh}, rolePassword); err != nil {
		t.Fatal(err)
	}
	o.penS = loginCtx(t, s, "seksi", rolePassword)
	return o
}

// lines renders a map as "emp:atasan/penilai[*]" for comparison.
func lines(m []domain.AtasanEntry) map[uint64]string {
	out := map[uint64]string{}
	for _, e := range m {
		l := u64s(e.AtasanID) + "/" + u64s(e.AtasanPenilaiID)
		if e.Override {
			l += "*"
		}
		out[e.EmployeeID] = l
	}
	return out
}

func u64s(n uint64) string { return strconv.FormatUint(n, 10) }

func mustMap(t *testing.T, s *Store, ctx context.Context, year int) map[uint64]string {
	t.Helper()
	m, err := s.AtasanMap(ctx, year)
	if err != nil {
		t.Fatal(err)
	}
	return lines(m)
}

func TestAtasanMapDefaults(t *testing.T) {
	o := newAtasanOffice(t)
	got := mustMap(t, o.s, o.admin, 2025)
	want := map[uint64]string{
		o.h:  "0/0",                       // head of the top unit
		o.a:  u64s(o.h) + "/0",            // heads Bidang: the head above
		o.sh: u64s(o.a) + "/" + u64s(o.h), // heads Seksi
		o.x:  u64s(o.sh) + "/" + u64s(o.a),
		o.y:  u64s(o.a) + "/" + u64s(o.h),
		o.z:  u64s(o.a) + "/" + u64s(o.h), // the profile's atasan comes first
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("defaults\n got %v\nwant %v", got, want)
	}
	m, _ := o.s.AtasanMap(o.admin, 2025)
	if m[0].Year != 2025 || !slices.IsSortedFunc(m, func(a, b domain.AtasanEntry) int { return int(a.EmployeeID) - int(b.EmployeeID) }) {
		t.Fatalf("map %+v", m)
	}
	// Inactive employees without an entry are left out.
	e := mustEmployee(t, o.s, o.y)
	e.Status = domain.StatusPensiun
	if err := o.s.UpdateEmployee(o.admin, e); err != nil {
		t.Fatal(err)
	}
	if _, ok := mustMap(t, o.s, o.admin, 2025)[o.y]; ok {
		t.Fatal("retired employee in the map")
	}
	_, err := o.s.AtasanMap(o.admin, 1800)
	wantCode(t, err, domain.EINVALID)
	_, err = o.s.AtasanMap(anonCtx, 2025)
	wantForbidden(t, err)
}

func TestSetAtasan(t *testing.T) {
	o := newAtasanOffice(t)
	s, admin := o.s, o.admin
	before24, before26 := mustMap(t, s, admin, 2024), mustMap(t, s, admin, 2026)

	// An override: X rated by A; the atasan penilai follows A's atasan.
	if err := s.SetAtasan(admin, domain.AtasanEntry{Year: 2025, EmployeeID: o.x, AtasanID: o.a}); err != nil {
		t.Fatal(err)
	}
	got := mustMap(t, s, admin, 2025)
	if got[o.x] != u64s(o.a)+"/"+u64s(o.h)+"*" {
		t.Fatalf("override: %v", got[o.x])
	}
	a := lastAudit(t, s)
	if a.Entity != EntityAtasan || a.Employee != o.x || a.Summary[0] != "tahun: 2025" ||
		!slices.Contains(a.Summary, `atasan: "Pegawai 3" → "Pegawai 2"`) {
		t.Fatalf("audit %+v", a)
	}
	// Other years are untouched.
	if !reflect.DeepEqual(mustMap(t, s, admin, 2024), before24) || !reflect.DeepEqual(mustMap(t, s, admin, 2026), before26) {
		t.Fatal("another year changed")
	}
	// A typed atasan penilai, and the top with no atasan at all.
	if err := s.SetAtasan(admin, domain.AtasanEntry{Year: 2025, EmployeeID: o.y, AtasanID: o.a, AtasanPenilaiID: o.a}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAtasan(admin, domain.AtasanEntry{Year: 2025, EmployeeID: o.a}); err != nil {
		t.Fatal(err)
	}
	got = mustMap(t, s, admin, 2025)
	if got[o.y] != u64s(o.a)+"/"+u64s(o.a)+"*" || got[o.a] != "0/0*" || got[o.x] != u64s(o.a)+"/0*" {
		t.Fatalf("map %v", got)
	}

	// Refusals.
	err := s.SetAtasan(admin, domain.AtasanEntry{Year: 2025, EmployeeID: o.x, AtasanID: o.x})
	wantMessage(t, err, "Pegawai tidak dapat menjadi atasannya sendiri.")
	err = s.SetAtasan(admin, domain.AtasanEntry{Year: 2025, EmployeeID: o.x, AtasanID: o.a, AtasanPenilaiID: o.x})
	wantMessage(t, err, "Pegawai tidak dapat menjadi atasannya sendiri.")
	// A → X closes the loop A → X → A.
	err = s.SetAtasan(admin, domain.AtasanEntry{Year: 2025, EmployeeID: o.a, AtasanID: o.x})
	wantMessage(t, err, "Pilihan ini membuat lingkaran atasan: Pegawai 2 → Pegawai 4 → Pegawai 2.")
	// A longer loop through defaults: H → S → A(2026 default: H).
	err = s.SetAtasan(admin, domain.AtasanEntry{Year: 2026, EmployeeID: o.h, AtasanID: o.sh})
	wantMessage(t, err, "Pilihan ini membuat lingkaran atasan: Pegawai 1 → Pegawai 3 → Pegawai 2 → Pegawai 1.")
	err = s.SetAtasan(admin, domain.AtasanEntry{Year: 2025, EmployeeID: o.x, AtasanID: 999})
	wantCode(t, err, domain.EINVALID)
	err = s.SetAtasan(admin, domain.AtasanEntry{Year: 2025, EmployeeID: 999, AtasanID: o.a})
	wantCode(t, err, domain.ENOTFOUND)
	err = s.SetAtasan(admin, domain.AtasanEntry{Year: 2025, EmployeeID: o.x, AtasanPenilaiID: o.a})
	wantCode(t, err, domain.EINVALID)
	err = s.SetAtasan(admin, domain.AtasanEntry{Year: 3000, EmployeeID: o.x, AtasanID: o.a})
	wantCode(t, err, domain.EINVALID)
	refusedCount := auditCount(t, s)
	err = s.SetAtasan(o.penS, domain.AtasanEntry{Year: 2025, EmployeeID: o.x, AtasanID: o.sh})
	wantForbidden(t, err)
	wantForbidden(t, s.ClearAtasan(o.penS, 2025, o.x))
	if auditCount(t, s) != refusedCount {
		t.Fatal("refusals were audited")
	}

	// Clear: back to the default, only in that year.
	if err := s.ClearAtasan(admin, 2025, o.x); err != nil {
		t.Fatal(err)
	}
	if got := mustMap(t, s, admin, 2025)[o.x]; got != u64s(o.sh)+"/"+u64s(o.a) {
		t.Fatalf("after clear %v", got)
	}
	n := auditCount(t, s)
	if err := s.ClearAtasan(admin, 2025, o.x); err != nil || auditCount(t, s) != n {
		t.Fatalf("clearing nothing: %v, audited %d", err, auditCount(t, s)-n)
	}
	if !reflect.DeepEqual(mustMap(t, s, admin, 2026), before26) {
		t.Fatal("2026 changed")
	}
	assertClean(t, s)

	// Deleting an employee drops its entries and those naming it.
	if err := s.SetAtasan(admin, domain.AtasanEntry{Year: 2024, EmployeeID: o.x, AtasanID: o.z}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAtasan(admin, domain.AtasanEntry{Year: 2024, EmployeeID: o.z, AtasanID: o.h}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteEmployee(admin, o.z); err != nil {
		t.Fatal(err)
	}
	if got := mustMap(t, s, admin, 2024)[o.x]; got != u64s(o.sh)+"/"+u64s(o.a) {
		t.Fatalf("entry naming a deleted employee: %v", got)
	}
	if a := lastAudit(t, s); !slices.Contains(a.Summary, "peta atasan 2024: isian pegawai #"+u64s(o.x)+" kembali ke bawaan") {
		t.Fatalf("delete audit %+v", a)
	}
	assertClean(t, s)
}

// TestPenilaiScopeFollowsMap: a Penilai sees the employees whose atasan he
// or she is in this year's map (the test clock's year, 2025), including
// defaults from the unit tree, and no longer sees them once the map says
// otherwise; other years do not matter.
func TestPenilaiScopeFollowsMap(t *testing.T) {
	o := newAtasanOffice(t)
	s, admin, pen := o.s, o.admin, o.penS
	ids := func() []uint64 {
		rows, err := s.ListRows(pen)
		if err != nil {
			t.Fatal(err)
		}
		var out []uint64
		for _, r := range rows {
			out = append(out, r.ID)
		}
		return out
	}
	if got := ids(); !reflect.DeepEqual(got, []uint64{o.sh, o.x}) {
		t.Fatalf("penilai S sees %v, want itself and X (head of X's unit)", got)
	}
	if _, err := s.Employee(pen, o.x); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Riwayat(pen, o.x, domain.RwPangkat); err != nil {
		t.Fatal(err)
	}
	_, err := s.Employee(pen, o.z) // Z's profile names A
	wantForbidden(t, err)

	// Another year's map does not change this year's scope.
	if err := s.SetAtasan(admin, domain.AtasanEntry{Year: 2026, EmployeeID: o.x, AtasanID: o.a}); err != nil {
		t.Fatal(err)
	}
	if got := ids(); !reflect.DeepEqual(got, []uint64{o.sh, o.x}) {
		t.Fatalf("after a 2026 entry S sees %v", got)
	}
	// This year's map moves X to A and Z to S.
	if err := s.SetAtasan(admin, domain.AtasanEntry{Year: 2025, EmployeeID: o.x, AtasanID: o.a}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAtasan(admin, domain.AtasanEntry{Year: 2025, EmployeeID: o.z, AtasanID: o.sh}); err != nil {
		t.Fatal(err)
	}
	if got := ids(); !reflect.DeepEqual(got, []uint64{o.sh, o.z}) {
		t.Fatalf("after the 2025 entries S sees %v", got)
	}
	all, err := s.AllEmployees(pen)
	if err != nil || len(all) != 2 || all[0].ID != o.sh || all[1].ID != o.z {
		t.Fatalf("AllEmployees for S: %d profiles, %v", len(all), err)
	}
	_, err = s.Employee(pen, o.x)
	wantForbidden(t, err)
	if _, err := s.Employee(pen, o.z); err != nil {
		t.Fatal(err)
	}
	m, err := s.AtasanMap(pen, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if got := lines(m); len(got) != 2 || got[o.z] == "" || got[o.sh] == "" {
		t.Fatalf("penilai's view of the map %v", got)
	}
	rm, err := s.AllRiwayatByEmployee(pen)
	if err != nil {
		t.Fatal(err)
	}
	if len(rm) != 0 {
		t.Fatalf("no riwayat yet, got %v", rm)
	}
	mustSaveRiwayat(t, s, admin, pendidikan(o.z, "S1", 2000))
	mustSaveRiwayat(t, s, admin, pendidikan(o.x, "S1", 2000))
	if rm, _ = s.AllRiwayatByEmployee(pen); len(rm) != 1 || len(rm[o.z]) != 1 {
		t.Fatalf("penilai's riwayat %v", rm)
	}
}

func TestSettings(t *testing.T) {
	o := newOffice(t)
	s, admin := o.s, o.ctx["admin"]
	got, err := s.Settings(anonCtx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, domain.DefaultCareerSettings()) {
		t.Fatalf("defaults %+v", got)
	}
	set := domain.DefaultCareerSettings()
	set.ReminderMonths = 3
	set.KPMonths = []time.Month{time.April}
	set.CutiBersama = map[int]domain.CutiBersamaSetting{2026: {Days: 5, Reduces: true}, 2025: {Days: 4}}
	if err := s.SaveSettings(admin, set); err != nil {
		t.Fatal(err)
	}
	got, err = s.Settings(anonCtx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, set) {
		t.Fatalf("round trip\n got %+v\nwant %+v", got, set)
	}
	a := lastAudit(t, s)
	if a.Entity != EntitySettings || len(a.Summary) != 3 || !strings.HasPrefix(a.Summary[1], "KPMonths: [4]") {
		t.Fatalf("audit %+v", a)
	}
	refusedWritesNothing(t, o, "pimpinan settings", func() error { return s.SaveSettings(o.ctx["pimpinan"], set) })
	bad := set
	bad.ReminderMonths = 100
	wantCode(t, s.SaveSettings(admin, bad), domain.EINVALID)
	assertClean(t, s)
}

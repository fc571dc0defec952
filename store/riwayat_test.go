package store

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"asndesk/domain"
	"asndesk/domain/demo"
)

func pangkat(emp uint64, gol string, tmt domain.Date) domain.Riwayat {
	return domain.Riwayat{EmployeeID: emp, Kind: domain.RwPangkat, Pangkat: &domain.RwPangkatData{
		Golongan: gol, TMT: tmt, NomorSK: "800.1.3.2/" + gol + "/BKPSDM", TanggalSK: tmt.AddDays(-20), JenisKP: "Reguler"}}
}

func jabatan(emp uint64, jk domain.JabatanKind, jj domain.Jenjang, nama string, unit uint64, tmt domain.Date) domain.Riwayat {
	return domain.Riwayat{EmployeeID: emp, Kind: domain.RwJabatan, Jabatan: &domain.RwJabatanData{
		Jenis: jk, Jenjang: jj, Nama: nama, UnitID: unit, TMT: tmt, NomorSK: "821.2/1/BKPSDM"}}
}

func pendidikan(emp uint64, tingkat string, lulus int) domain.Riwayat {
	return domain.Riwayat{EmployeeID: emp, Kind: domain.RwPendidikan, Pendidikan: &domain.RwPendidikanData{
		Tingkat: tingkat, Jurusan: "Administrasi Publik", NamaSekolah: "Universitas Padjadjaran", TahunLulus: lulus}}
}

func mustSaveRiwayat(t *testing.T, s *Store, ctx context.Context, r domain.Riwayat) uint64 {
	t.Helper()
	id, err := s.SaveRiwayat(ctx, r)
	if err != nil {
		t.Fatalf("SaveRiwayat(%s): %v", r.Kind, err)
	}
	return id
}

func mustEmployee(t *testing.T, s *Store, id uint64) domain.Employee {
	t.Helper()
	e, err := s.Employee(systemCtx, id)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func lastAudit(t *testing.T, s *Store) domain.AuditEntry {
	t.Helper()
	es, err := s.Audit(systemCtx, AuditFilter{Limit: 1})
	if err != nil || len(es) != 1 {
		t.Fatalf("audit: %v %v", es, err)
	}
	return es[0]
}

func TestRiwayatCRUD(t *testing.T) {
	o := newOffice(t)
	s, admin := o.s, o.ctx["admin"]

	// A first pangkat entry makes the profile's golongan follow it.
	id1 := mustSaveRiwayat(t, s, admin, pangkat(o.sub1, "III/b", date(2020, 4, 1)))
	if e := mustEmployee(t, s, o.sub1); e.Golongan != "III/b" {
		t.Fatalf("profile golongan %s after riwayat III/b", e.Golongan)
	}
	a := lastAudit(t, s)
	if a.Entity != EntityRiwayat || a.Action != domain.ActionCreate || a.EntityID != id1 || a.Employee != o.sub1 ||
		!slices.Contains(a.Summary, `golongan: "III/b"`) || !slices.Contains(a.Summary, `profil golongan: "III/a" → "III/b"`) {
		t.Fatalf("audit %+v", a)
	}

	// An older entry does not change the profile; the list is newest first.
	id0 := mustSaveRiwayat(t, s, admin, pangkat(o.sub1, "III/a", date(2016, 4, 1)))
	rs, err := s.Riwayat(admin, o.sub1, domain.RwPangkat)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || rs[0].ID != id1 || rs[1].ID != id0 || rs[0].EmployeeID != o.sub1 || rs[0].Created.IsZero() {
		t.Fatalf("list %+v", rs)
	}
	if e := mustEmployee(t, s, o.sub1); e.Golongan != "III/b" {
		t.Fatalf("older entry changed the profile to %s", e.Golongan)
	}

	// Update: fields change, Created stays, the audit lists the change.
	r := rs[0]
	r.Pangkat = &domain.RwPangkatData{Golongan: "III/b", TMT: date(2020, 4, 1), NomorSK: "SK-BARU", TanggalSK: date(2020, 3, 1)}
	if _, err := s.SaveRiwayat(admin, r); err != nil {
		t.Fatal(err)
	}
	rs, _ = s.Riwayat(admin, o.sub1, domain.RwPangkat)
	if rs[0].Pangkat.NomorSK != "SK-BARU" || !rs[0].Created.Equal(r.Created) || !rs[0].Updated.After(r.Updated) {
		t.Fatalf("after update %+v", rs[0])
	}
	if a := lastAudit(t, s); a.Action != domain.ActionUpdate || !slices.ContainsFunc(a.Summary, func(l string) bool {
		return strings.HasPrefix(l, "nomor_sk: ") && strings.HasSuffix(l, `→ "SK-BARU"`)
	}) {
		t.Fatalf("update audit %+v", a)
	}

	// Every kind round-trips unchanged.
	all := allKinds(o.sub1, o.unit)
	for i := range all {
		all[i].ID = mustSaveRiwayat(t, s, admin, all[i])
	}
	for _, want := range all {
		got, err := s.Riwayat(admin, o.sub1, want.Kind)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(got, func(r domain.Riwayat) bool { return r.ID == want.ID })
		if i < 0 {
			t.Fatalf("%s entry %d missing", want.Kind, want.ID)
		}
		g := got[i]
		g.Created, g.Updated = time.Time{}, time.Time{}
		if !reflect.DeepEqual(g, want) {
			t.Fatalf("%s round trip:\n got %+v\nwant %+v", want.Kind, g, want)
		}
	}
	everything, err := s.AllRiwayat(admin, o.sub1)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []domain.RiwayatKind
	for _, r := range everything {
		if len(kinds) == 0 || kinds[len(kinds)-1] != r.Kind {
			kinds = append(kinds, r.Kind)
		}
	}
	if !reflect.DeepEqual(kinds, domain.RiwayatKinds()) {
		t.Fatalf("AllRiwayat kinds in order %v", kinds)
	}

	// Delete: the profile falls back to the latest remaining entry.
	if err := s.DeleteRiwayat(admin, o.sub1, id1); err != nil {
		t.Fatal(err)
	}
	if e := mustEmployee(t, s, o.sub1); e.Golongan != "III/a" {
		t.Fatalf("after delete golongan %s", e.Golongan)
	}
	if a := lastAudit(t, s); a.Action != domain.ActionDelete || a.EntityID != id1 ||
		!slices.Contains(a.Summary, `profil golongan: "III/b" → "III/a"`) {
		t.Fatalf("delete audit %+v", a)
	}
	wantCode(t, s.DeleteRiwayat(admin, o.sub1, id1), domain.ENOTFOUND)
	wantCode(t, s.DeleteRiwayat(admin, o.sub2, id0), domain.ENOTFOUND) // someone else's entry

	// Refusals.
	bad := pangkat(o.sub1, "III/b", domain.Date{})
	_, err = s.SaveRiwayat(admin, bad)
	var fe domain.FieldErrors
	if !errors.As(err, &fe) || fe[domain.RwFieldTMT] == "" {
		t.Fatalf("missing TMT: %v", err)
	}
	mismatch := domain.Riwayat{EmployeeID: o.sub1, Kind: domain.RwGaji, Pangkat: &domain.RwPangkatData{Golongan: "III/a", TMT: date(2020, 1, 1)}}
	_, err = s.SaveRiwayat(admin, mismatch)
	wantCode(t, err, domain.EINVALID)
	_, err = s.SaveRiwayat(admin, domain.Riwayat{EmployeeID: o.sub1, Kind: "lain"})
	wantCode(t, err, domain.EINVALID)
	_, err = s.SaveRiwayat(admin, pangkat(999, "III/a", date(2020, 1, 1)))
	wantCode(t, err, domain.ENOTFOUND)
	changeKind := pendidikan(o.sub1, "S2", 2010)
	changeKind.ID = id0
	_, err = s.SaveRiwayat(admin, changeKind)
	wantCode(t, err, domain.EINVALID)
	gone := pangkat(o.sub1, "III/a", date(2020, 1, 1))
	gone.ID = 9999
	_, err = s.SaveRiwayat(admin, gone)
	wantCode(t, err, domain.ENOTFOUND)
	noUnit := jabatan(o.sub1, domain.Pelaksana, 0, "Pengadministrasi Umum", 777, date(2021, 1, 1))
	_, err = s.SaveRiwayat(admin, noUnit)
	wantCode(t, err, domain.EINVALID)
	invalid := pendidikan(o.sub1, "S1", 2001)
	invalid.Pendidikan.NamaSekolah = "Universitas \xff"
	_, err = s.SaveRiwayat(admin, invalid)
	if !errors.As(err, &fe) || fe["nama_sekolah"] == "" {
		t.Fatalf("invalid UTF-8: %v", err)
	}
	_, err = s.Riwayat(admin, o.sub1, "lain")
	wantCode(t, err, domain.EINVALID)
	assertClean(t, s)
}

// allKinds returns one valid entry of every kind for employee emp.
func allKinds(emp, unit uint64) []domain.Riwayat {
	rs := []domain.Riwayat{
		pangkat(emp, "II/d", date(2012, 10, 1)),
		jabatan(emp, domain.Pelaksana, 0, "Pengadministrasi Umum", unit, date(2010, 1, 1)),
		pendidikan(emp, "SLTA", 1988),
		{Kind: domain.RwDiklat, Diklat: &domain.RwDiklatData{Jenis: "Teknis", Nama: "Pelatihan \"Arsip\" & Tata Naskah",
			Penyelenggara: "BPSDM", Mulai: date(2019, 3, 4), Selesai: date(2019, 3, 8), JamPelajaran: 40, NomorSertifikat: "X/1"}},
		{Kind: domain.RwPenghargaan, Penghargaan: &domain.RwPenghargaanData{Jenis: "Satyalancana Karya Satya X Tahun",
			Tahun: 2015, NomorSK: "Keppres 1/TK/2015", TanggalSK: date(2015, 8, 10)}},
		{Kind: domain.RwHukdis, Hukdis: &domain.RwHukdisData{Tingkat: domain.HukdisSedang,
			Jenis: "Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan", Alasan: "Mangkir\n12 hari", NomorSK: "H/1",
			TanggalSK: date(2021, 1, 4), Mulai: date(2021, 1, 11), MasaBulan: 6}},
		{Kind: domain.RwKeluarga, Keluarga: &domain.RwKeluargaData{Hubungan: "Istri", Nama: "Ratna Sari 😀",
			TanggalLahir: date(1971, 2, 3), JenisKelamin: domain.Female, TanggalNikah: date(1996, 5, 6), AktaNikah: "AN/1",
			Pekerjaan: "Guru", Tunjangan: true}},
		{Kind: domain.RwGaji, Gaji: &domain.RwGajiData{TMT: date(2022, 10, 1), GajiLama: 3_100_000, GajiBaru: 3_200_000,
			NomorSK: "G/1", TanggalSK: date(2022, 9, 1), MKGTahun: 20, MKGBulan: 3}},
		{Kind: domain.RwCuti, Cuti: &domain.RwCutiData{Jenis: "CT", Mulai: date(2024, 3, 4), Selesai: date(2024, 3, 6),
			LamaHari: 3, Alasan: "Keluarga", Alamat: "Jl. Mawar 5"}},
		{Kind: domain.RwAngkaKredit, AngkaKredit: &domain.RwAngkaKreditData{Jenis: "Konversi", PeriodeMulai: date(2023, 1, 1),
			PeriodeSelesai: date(2023, 12, 31), AKMilli: 18750, NomorPAK: "PAK/1"}},
		{Kind: domain.RwOrganisasi, Organisasi: &domain.RwOrganisasiData{Nama: "KORPRI", Jabatan: "Anggota", TahunMulai: 1995}},
		{Kind: domain.RwMasaKerja, MasaKerja: &domain.RwMasaKerjaData{TMT: date(1998, 1, 1), Tahun: 2, Bulan: 3,
			NomorSK: "MK/1", TanggalSK: date(1997, 12, 1), Golongan: true}},
	}
	for i := range rs {
		rs[i].EmployeeID = emp
	}
	return rs
}

func TestRiwayatPermissions(t *testing.T) {
	o := newOffice(t)
	s, admin := o.s, o.ctx["admin"]
	id := mustSaveRiwayat(t, s, admin, pendidikan(o.sub1, "S1", 2000))
	for _, who := range []string{"pimpinan", "penilai", "pegawai", "merit"} {
		refusedWritesNothing(t, o, who+" save riwayat", func() error {
			_, err := s.SaveRiwayat(o.ctx[who], pendidikan(o.sub1, "S2", 2010))
			return err
		})
		refusedWritesNothing(t, o, who+" delete riwayat", func() error { return s.DeleteRiwayat(o.ctx[who], o.sub1, id) })
	}
	_, err := s.Riwayat(anonCtx, o.sub1, domain.RwPendidikan)
	wantForbidden(t, err)

	// Reading follows CanViewEmployee: own profile, a Penilai's staff,
	// Pimpinan everyone.
	for _, c := range []struct {
		who  string
		emp  uint64
		sees bool
	}{
		{"pegawai", o.sub1, true}, {"pegawai", o.sub2, false}, {"pegawai", o.head, false},
		{"penilai", o.sub1, true}, {"penilai", o.sub2, true}, {"penilai", o.othr, false}, {"penilai", o.pen, true},
		{"pimpinan", o.othr, true}, {"merit", o.sub1, false},
	} {
		_, err := s.Riwayat(o.ctx[c.who], c.emp, domain.RwPendidikan)
		_, err2 := s.AllRiwayat(o.ctx[c.who], c.emp)
		if c.sees && (err != nil || err2 != nil) {
			t.Errorf("%s reading %d: %v / %v", c.who, c.emp, err, err2)
		}
		if !c.sees {
			wantForbidden(t, err)
			wantForbidden(t, err2)
		}
	}

	// The whole office at once, filtered the same way.
	mustSaveRiwayat(t, s, admin, pendidikan(o.othr, "S1", 2001))
	mustSaveRiwayat(t, s, admin, pendidikan(o.sub2, "S1", 2002))
	for who, want := range map[string][]uint64{
		"admin": {o.sub1, o.sub2, o.othr}, "pimpinan": {o.sub1, o.sub2, o.othr},
		"penilai": {o.sub1, o.sub2}, "pegawai": {o.sub1}, "merit": {o.othr},
	} {
		m, err := s.AllRiwayatByEmployee(o.ctx[who])
		if err != nil {
			t.Fatal(err)
		}
		var got []uint64
		for id := range m {
			got = append(got, id)
		}
		slices.Sort(got)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: riwayat of %v, want %v", who, got, want)
		}
	}
	_, err = s.AllRiwayatByEmployee(anonCtx)
	wantForbidden(t, err)
}

func TestProfileFollowsRiwayat(t *testing.T) {
	o := newOffice(t)
	s, admin := o.s, o.ctx["admin"]
	u2, err := s.SaveUnit(admin, domain.Unit{Name: "Bidang Aptika"})
	if err != nil {
		t.Fatal(err)
	}
	mustSaveRiwayat(t, s, admin, jabatan(o.sub1, domain.Pelaksana, 0, "Pengadministrasi Umum", o.unit, date(2015, 1, 1)))
	mustSaveRiwayat(t, s, admin, jabatan(o.sub1, domain.Fungsional, domain.AhliMuda, "Pranata Komputer Ahli Muda", u2, date(2022, 1, 1)))
	mustSaveRiwayat(t, s, admin, pendidikan(o.sub1, "S2", 2019))
	mustSaveRiwayat(t, s, admin, pendidikan(o.sub1, "S1", 2021)) // lower tingkat, later: S2 stays pendidikan terakhir
	e := mustEmployee(t, s, o.sub1)
	if e.JenisJabatan != domain.Fungsional || e.Jenjang != domain.AhliMuda || e.NamaJabatan != "Pranata Komputer Ahli Muda" ||
		e.UnitID != u2 || e.Pendidikan != "S2" {
		t.Fatalf("profile %+v", e)
	}
	rows, _ := s.ListRows(admin)
	if r := rows[slices.IndexFunc(rows, func(r domain.Row) bool { return r.ID == o.sub1 })]; r.UnitID != u2 ||
		r.NamaJabatan != "Pranata Komputer Ahli Muda" {
		t.Fatalf("row not rewritten: %+v", r)
	}
	// The unit is now in use by the riwayat and the profile.
	wantCode(t, s.DeleteUnit(admin, u2), domain.ECONFLICT)
	assertClean(t, s)
}

func TestUpdateEmployeeWritesRiwayat(t *testing.T) {
	o := newOffice(t)
	s, admin := o.s, o.ctx["admin"]
	e := mustEmployee(t, s, o.sub1)
	e.Golongan = "III/b"
	e.NamaJabatan = "Analis Kepegawaian"
	if err := s.UpdateEmployee(admin, e); err != nil {
		t.Fatal(err)
	}
	today := domain.DateOf(time.Date(2025, 1, 31, 0, 0, 0, 0, time.UTC)) // the test clock's day
	ps, _ := s.Riwayat(admin, o.sub1, domain.RwPangkat)
	js, _ := s.Riwayat(admin, o.sub1, domain.RwJabatan)
	if len(ps) != 1 || ps[0].Pangkat.Golongan != "III/b" || ps[0].Pangkat.TMT != today {
		t.Fatalf("pangkat %+v", ps)
	}
	if len(js) != 1 || js[0].Jabatan.Nama != "Analis Kepegawaian" || js[0].Jabatan.TMT != today || js[0].Jabatan.UnitID != o.unit {
		t.Fatalf("jabatan %+v", js)
	}
	es, _ := s.Audit(admin, AuditFilter{Entity: EntityRiwayat})
	if len(es) != 2 || !slices.Contains(es[0].Summary, "catatan: "+noteFromProfile) {
		t.Fatalf("riwayat audit %+v", es)
	}
	// An unrelated change writes no riwayat.
	e = mustEmployee(t, s, o.sub1)
	e.Alamat = "Jl. Baru 1"
	if err := s.UpdateEmployee(admin, e); err != nil {
		t.Fatal(err)
	}
	if rs, _ := s.AllRiwayat(admin, o.sub1); len(rs) != 2 {
		t.Fatalf("%d entries after an address change", len(rs))
	}

	// A pangkat dated after today stays the latest: the profile cannot
	// contradict it, and the refused update writes nothing.
	mustSaveRiwayat(t, s, admin, pangkat(o.sub2, "III/c", date(2025, 10, 1)))
	e2 := mustEmployee(t, s, o.sub2)
	if e2.Golongan != "III/c" {
		t.Fatalf("golongan %s", e2.Golongan)
	}
	before := exportSnapshot(t, s)
	e2.Golongan = "III/d"
	err := s.UpdateEmployee(admin, e2)
	wantCode(t, err, domain.EINVALID)
	if !strings.Contains(domain.ErrorMessage(err), "riwayat pangkat") {
		t.Fatalf("message %q", domain.ErrorMessage(err))
	}
	if after := exportSnapshot(t, s); string(before) != string(after) {
		t.Fatal("refused update changed the file")
	}
	assertClean(t, s)
}

// flakyCtx succeeds on its first Err call and is cancelled afterwards:
// the store's write starts, does all its work, and is then rolled back.
type flakyCtx struct {
	context.Context
	calls *int
}

func (c flakyCtx) Err() error {
	*c.calls++
	if *c.calls > 1 {
		return context.Canceled
	}
	return nil
}

func TestRiwayatWriteIsOneTransaction(t *testing.T) {
	o := newOffice(t)
	s, admin := o.s, o.ctx["admin"]
	before := exportSnapshot(t, s)
	n := 0
	_, err := s.SaveRiwayat(flakyCtx{admin, &n}, pangkat(o.sub1, "IV/a", date(2024, 4, 1)))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	if after := exportSnapshot(t, s); string(before) != string(after) {
		t.Fatal("a rolled-back riwayat write left the entry, the profile change or the audit entry behind")
	}
	// Invalid and refused writes leave no audit entry either.
	count := auditCount(t, s)
	_, err = s.SaveRiwayat(admin, pangkat(o.sub1, "IX", date(2024, 4, 1))) // a PPPK golongan on a PNS
	wantCode(t, err, domain.EINVALID)
	if auditCount(t, s) != count {
		t.Fatal("a refused write was audited")
	}
	// Deleting an employee removes its riwayat in the same transaction.
	mustSaveRiwayat(t, s, admin, pendidikan(o.sub2, "S1", 2000))
	if err := s.DeleteEmployee(admin, o.sub2); err != nil {
		t.Fatal(err)
	}
	if a := lastAudit(t, s); a.Action != domain.ActionDelete || !slices.Contains(a.Summary, "riwayat: 1 isian dihapus") {
		t.Fatalf("delete audit %+v", a)
	}
	m, _ := s.AllRiwayatByEmployee(admin)
	if _, ok := m[o.sub2]; ok {
		t.Fatal("riwayat of a deleted employee remain")
	}
	assertClean(t, s)
}

func TestLoadDemoOffice(t *testing.T) {
	s, _ := openTestStore(t)
	o, nodes, emps, rws := demo.GenerateOffice(demo.DefaultEmployees, 1)
	if err := s.LoadDemoOffice(anonCtx, o, nodes, emps, rws); err != nil {
		t.Fatal(err)
	}
	assertClean(t, s)
	tree, err := s.UnitTree(bg)
	if err != nil {
		t.Fatal(err)
	}
	if len(tree) != len(nodes) || tree[0].ParentID != 0 || tree[0].HeadID == 0 {
		t.Fatalf("tree %+v", tree)
	}
	m, err := s.AllRiwayatByEmployee(bg)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range m {
		n += len(l)
	}
	if n != len(rws) {
		t.Fatalf("%d entries stored, %d generated", n, len(rws))
	}
	// The profiles agree with their latest entries (Check says so too),
	// and the demo logins still work.
	for _, e := range emps[:10] {
		got := mustEmployee(t, s, e.ID)
		if got.Golongan != e.Golongan || got.NamaJabatan != e.NamaJabatan || got.Pendidikan != e.Pendidikan {
			t.Fatalf("employee %d: %s/%s/%s, generated %s/%s/%s", e.ID, got.Golongan, got.NamaJabatan, got.Pendidikan,
				e.Golongan, e.NamaJabatan, e.Pendidikan)
		}
	}
	if _, err := s.Login(anonCtx, "penilai", DemoPassword); err != nil {
		t.Fatal(err)
	}
	// A riwayat pointing at a missing employee is refused, nothing written.
	s2, _ := openTestStore(t)
	bad := append([]domain.Riwayat{}, rws...)
	bad = append(bad, pendidikan(9999, "S1", 2000))
	wantCode(t, s2.LoadDemoOffice(anonCtx, o, nodes, emps, bad), domain.EINVALID)
	if _, ok, _ := s2.Office(bg); ok {
		t.Fatal("office written despite the refusal")
	}
}

func TestFastDecodeRiwayat(t *testing.T) {
	var vals [][]byte
	for _, r := range allKinds(7, 1) {
		r.ID, r.Created, r.Updated = 42, time.Date(2025, 1, 2, 3, 4, 5, 6, time.FixedZone("WIB", 7*3600)), time.Now()
		v, err := encodeRiwayat(r)
		if err != nil {
			t.Fatal(err)
		}
		vals = append(vals, v)
	}
	_, _, _, rws := demo.GenerateOffice(60, 4)
	for _, r := range rws {
		v, _ := encodeRiwayat(r)
		vals = append(vals, v)
	}
	odd := []string{
		`{"v":1,"id":1,"employee_id":2,"kind":"pangkat","created":"2025-01-02T03:04:05Z","updated":"2025-01-02T03:04:05Z",` +
			`"pangkat":{"golongan":"III\/b","tmt":"2020-04-01","nomor_sk":"a\"b\\c\u00e9\n","tanggal_sk":"","jenis_kp":"","mkg_tahun":0,"mkg_bulan":0}}`,
		` { "pangkat" : { "mkg_bulan" : 3 , "golongan" : "II/a" , "tmt" : "2001-02-03" } , "kind" : "pangkat" , "v" : 1 } `,
		`{"v":1,"kind":"pangkat","pangkat":{"golongan":"II/a","tmt":"2001-02-30"}}`,
		`{"v":1,"kind":"pangkat","pangkat":{"golongan":"II/a","tmt":"2001-2-3"}}`,
		`{"v":1,"kind":"pangkat","pangkat":{"golongan":"II/a","extra":[1,{"x":null}]}}`,
		`{"v":1,"kind":"pangkat","pangkat":null}`,
		`{"v":1,"kind":"pangkat","pangkat":{"golongan":null}}`,
		`{"v":2,"kind":"pangkat","pangkat":{}}`,
		`{"v":1,"kind":"gaji","pangkat":{}}`,
		`{"v":1,"kind":"pangkat","pangkat":{"mkg_tahun":1.5}}`,
		`{"v":1,"kind":"keluarga","keluarga":{"nama":"\xff","tunjangan":true}}`,
		`{"v":1,"kind":"keluarga","keluarga":{"nama":"Budi","tunjangan":tru}}`,
		`{"v":1,"kind":"pangkat","pangkat":{}} x`,
		`{"v":1,"kind":"pangkat","pangkat":{},}`,
		`{"v":1,"Kind":"pangkat","pangkat":{}}`,
		`{"v":1,"kind":"pangkat","pangkat":{"golongan":"II/a","golongan":"II/b"}}`,
		`{"v":1,"kind":"organisasi","organisasi":{"nama":"A","tahun_mulai":-5}}`,
		`{"v":1,"kind":"angka_kredit","angka_kredit":{"ak_milli":99999999999}}`,
		`[]`, ``, `{`, `{"v":1`,
	}
	for _, s := range odd {
		vals = append(vals, []byte(s))
	}
	for _, v := range vals {
		want, werr := decodeRiwayatJSON(v)
		got, gerr := decodeRiwayat(v)
		if (werr == nil) != (gerr == nil) || !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n fast %+v (%v)\n json %+v (%v)", v, got, gerr, want, werr)
		}
	}
}

// A cuti that breaks the rules is refused with the rule, and nothing is
// written; one within the balance is kept.
func TestRiwayatCutiChecked(t *testing.T) {
	o := newOffice(t)
	s, admin := o.s, o.ctx["admin"]
	big := domain.Riwayat{EmployeeID: o.sub1, Kind: domain.RwCuti, Cuti: &domain.RwCutiData{Jenis: domain.CutiCT,
		Mulai: date(2026, 6, 1), Selesai: date(2026, 7, 31), LamaHari: 40, Alasan: "terlalu lama"}}
	before := len(auditAll(t, s))
	if _, err := s.SaveRiwayat(admin, big); err == nil {
		t.Fatal("a cuti tahunan of 40 working days was accepted")
	} else if msg := domain.ErrorMessage(err); msg == "" || strings.Contains(msg, "internal") {
		t.Fatalf("refusal without the rule: %q", msg)
	}
	if n := len(auditAll(t, s)); n != before {
		t.Fatal("a refused cuti left an audit entry")
	}
	ok := big
	ok.Cuti = &domain.RwCutiData{Jenis: domain.CutiCT, Mulai: date(2026, 6, 1), Selesai: date(2026, 6, 3), LamaHari: 3}
	mustSaveRiwayat(t, s, admin, ok)
}

func auditAll(t *testing.T, s *Store) []domain.AuditEntry {
	t.Helper()
	es, err := s.Audit(systemCtx, AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return es
}

package store

import (
	"context"
	"strings"
	"testing"

	"asndesk/domain"
	"asndesk/domain/importer"
)

// importGrid builds a text grid: the first row is the titles.
func importGrid(rows ...[]string) importer.Grid {
	g := importer.Grid{Sheet: "Data"}
	for _, r := range rows {
		cells := make([]importer.Cell, len(r))
		for i, s := range r {
			cells[i] = importer.Cell{Text: s}
		}
		g.Rows = append(g.Rows, cells)
	}
	return g
}

var importToday = domain.Date{Year: 2025, Month: 1, Day: 31}

func planImport(t *testing.T, s *Store, ctx context.Context, k importer.Kind, g importer.Grid) importer.Report {
	t.Helper()
	rep, err := s.PlanImport(ctx, k, g, importer.AutoMap(k, g), importToday)
	if err != nil {
		t.Fatalf("PlanImport: %v", err)
	}
	return rep
}

func TestImportCreatesEmployeesUnitsAndRiwayat(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := adminCtx(t, s)
	e0 := testEmployee(1)
	e1 := testEmployee(2)
	g := importGrid(
		[]string{"NIP", "NAMA", "GOLONGAN", "TMT GOLONGAN", "JABATAN", "JENIS JABATAN", "UNIT KERJA", "TMT JABATAN", "TANGGAL LAHIR"},
		[]string{e0.NIP, "Budi", "III/b", "01-04-2020", "Analis", "Pelaksana", "Bidang Baru", "01-04-2020", e0.TanggalLahir.String()},
		[]string{e1.NIP, "Sari", "III/c", "01-10-2021", "", "", "bidang  baru", "", ""},
		[]string{"123", "Salah", "", "", "", "", "", "", ""},
	)
	rep := planImport(t, s, ctx, importer.Pegawai, g)
	if rep.Counts.New != 2 || rep.Counts.Error != 1 {
		t.Fatalf("plan:\n%s", rep.Text())
	}
	sum, err := s.ApplyImport(ctx, rep)
	if err != nil {
		t.Fatalf("ApplyImport: %v", err)
	}
	if sum != (importer.Summary{Kind: importer.Pegawai, Created: 2, Riwayat: 3, Units: 1, Skipped: 1}) {
		t.Fatalf("summary %+v", sum)
	}
	if got := sum.Text(); got != "Impor selesai: 2 pegawai baru, 0 diperbarui, 3 entri riwayat, 1 unit kerja baru; 1 baris bergalat dilewati." {
		t.Fatalf("summary text %q", got)
	}
	units, _ := s.Units(ctx)
	var unit uint64
	for _, u := range units {
		if u.Name == "Bidang Baru" {
			unit = u.ID
		}
	}
	rows, _ := s.ListRows(ctx)
	if len(rows) != 2 || unit == 0 || rows[0].UnitID != unit || rows[1].UnitID != unit || rows[0].Golongan != "III/b" {
		t.Fatalf("rows %+v units %+v", rows, units)
	}
	rs, _ := s.Riwayat(ctx, rows[0].ID, domain.RwPangkat)
	if len(rs) != 1 || rs[0].Pangkat.TMT != (domain.Date{Year: 2020, Month: 4, Day: 1}) {
		t.Fatalf("riwayat pangkat %+v", rs)
	}
	js, _ := s.Riwayat(ctx, rows[0].ID, domain.RwJabatan)
	if len(js) != 1 || js[0].Jabatan.UnitID != unit {
		t.Fatalf("riwayat jabatan %+v", js)
	}
	audit, _ := s.Audit(ctx, AuditFilter{})
	found := false
	for _, a := range audit {
		if a.Action == domain.ActionImport && strings.Contains(strings.Join(a.Summary, "\n"), "pegawai baru: 2") {
			found = true
		}
	}
	if !found {
		t.Fatal("no import audit entry")
	}
	// Importing the same file again changes nothing.
	again := planImport(t, s, ctx, importer.Pegawai, g)
	if again.Counts.Unchanged != 2 || again.Writable() != 0 {
		t.Fatalf("second plan:\n%s", again.Text())
	}
	_, err = s.ApplyImport(ctx, again)
	wantMessage(t, err, "Tidak ada baris yang dapat diimpor: semua baris bergalat atau sudah sama dengan data.")
	assertClean(t, s)
}

func TestImportUpdatesAndRefusesAStalePreview(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := adminCtx(t, s)
	e := testEmployee(3)
	id, err := s.CreateEmployee(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	g := importGrid([]string{"NIP", "EMAIL", "NO HP"}, []string{e.NIP, "budi@contoh.go.id", "0812 3456 789"})
	rep := planImport(t, s, ctx, importer.Pegawai, g)
	if rep.Counts.Update != 1 {
		t.Fatalf("plan:\n%s", rep.Text())
	}
	// Someone edits the employee between preview and apply.
	cur, _ := s.Employee(ctx, id)
	cur.Alamat = "Jl. Baru 1"
	if err := s.UpdateEmployee(ctx, cur); err != nil {
		t.Fatal(err)
	}
	_, err = s.ApplyImport(ctx, rep)
	wantMessage(t, err, "Data pegawai berubah sejak pratinjau; buat pratinjau lagi.")
	rep = planImport(t, s, ctx, importer.Pegawai, g)
	if _, err := s.ApplyImport(ctx, rep); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Employee(ctx, id)
	if got.Email != "budi@contoh.go.id" || got.NomorHP != "0812 3456 789" || got.Alamat != "Jl. Baru 1" || got.Nama != e.Nama {
		t.Fatalf("employee %+v", got)
	}
	assertClean(t, s)
}

func TestImportRefusesANIPTakenSinceThePreview(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := adminCtx(t, s)
	e := testEmployee(4)
	rep := planImport(t, s, ctx, importer.Pegawai, importGrid([]string{"NIP", "NAMA"}, []string{e.NIP, "Budi"}))
	if _, err := s.CreateEmployee(ctx, e); err != nil {
		t.Fatal(err)
	}
	_, err := s.ApplyImport(ctx, rep)
	wantMessage(t, err, "Data pegawai berubah sejak pratinjau; buat pratinjau lagi.")
	rows, _ := s.ListRows(ctx)
	if len(rows) != 1 {
		t.Fatalf("rows %d", len(rows))
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := adminCtx(t, s)
	rep := planImport(t, s, ctx, importer.Pegawai, importGrid([]string{"NIP", "NAMA", "UNIT KERJA"},
		[]string{testEmployee(5).NIP, "Budi", "Unit Baru"},
		[]string{testEmployee(6).NIP, "Sari", "Unit Baru"}))
	// A row the store refuses (the preview was tampered with): nothing of
	// the import may stay.
	rep.Rows[1].Employee.Nama = ""
	_, err := s.ApplyImport(ctx, rep)
	wantMessage(t, err, "Baris 3: Nama wajib diisi.")
	rows, _ := s.ListRows(ctx)
	units, _ := s.Units(ctx)
	if len(rows) != 0 || len(units) != 0 {
		t.Fatalf("partial import: %d rows, units %+v", len(rows), units)
	}
	assertClean(t, s)
}

func TestImportNeedsAnAdmin(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := adminCtx(t, s)
	rep := planImport(t, s, ctx, importer.Pegawai, importGrid([]string{"NIP", "NAMA"}, []string{testEmployee(7).NIP, "Budi"}))
	_, err := s.ApplyImport(anonCtx, rep)
	wantCode(t, err, domain.EFORBIDDEN)
	_, err = s.PlanImport(anonCtx, importer.Pegawai, importer.Grid{}, importer.Mapping{}, importToday)
	wantCode(t, err, domain.EFORBIDDEN)
}

func TestImportRiwayatPangkatMovesTheProfile(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := adminCtx(t, s)
	e := testEmployee(8)
	id, err := s.CreateEmployee(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	g := importGrid([]string{"NIP", "GOL", "TMT", "NOMOR SK"},
		[]string{e.NIP, "III/b", "01-04-2030", "SK-1"},
		[]string{e.NIP, "III/c", "01-04-2034", "SK-2"})
	rep := planImport(t, s, ctx, importer.RiwayatPangkat, g)
	if rep.Counts.New != 2 {
		t.Fatalf("plan:\n%s", rep.Text())
	}
	sum, err := s.ApplyImport(ctx, rep)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Riwayat != 2 {
		t.Fatalf("summary %+v", sum)
	}
	got, _ := s.Employee(ctx, id)
	if got.Golongan != "III/c" {
		t.Fatalf("golongan %q", got.Golongan)
	}
	again := planImport(t, s, ctx, importer.RiwayatPangkat, g)
	if again.Counts.Unchanged != 2 {
		t.Fatalf("again:\n%s", again.Text())
	}
	assertClean(t, s)
}

func TestImportRiwayatJabatanCreatesItsUnit(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := adminCtx(t, s)
	e := testEmployee(9)
	id, err := s.CreateEmployee(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	g := importGrid([]string{"NIP", "NAMA JABATAN", "JENIS JABATAN", "JENJANG", "UNOR", "TMT JABATAN"},
		[]string{e.NIP, "Pranata Komputer", "Fungsional", "Ahli Pertama", "Bidang TI", "01-01-2030"})
	rep := planImport(t, s, ctx, importer.RiwayatJabatan, g)
	if rep.Counts.New != 1 || len(rep.NewUnits) != 1 {
		t.Fatalf("plan:\n%s", rep.Text())
	}
	sum, err := s.ApplyImport(ctx, rep)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Units != 1 || sum.Riwayat != 1 {
		t.Fatalf("summary %+v", sum)
	}
	got, _ := s.Employee(ctx, id)
	units, _ := s.Units(ctx)
	if got.NamaJabatan != "Pranata Komputer" || got.Jenjang != domain.AhliPertama || len(units) != 1 || got.UnitID != units[0].ID {
		t.Fatalf("employee %+v units %+v", got, units)
	}
	assertClean(t, s)
}

// A file without TMT columns puts golongan, jabatan and pendidikan on the
// profile without inventing riwayat dated today; the file stays consistent
// (asndesk check), the real riwayat imported afterwards is the only entry,
// and a later file cannot move the golongan without a TMT.
func TestImportWithoutTMTKeepsTheFileConsistent(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := adminCtx(t, s)
	e := testEmployee(10)
	g := importGrid([]string{"NIP", "NAMA", "GOL/RUANG", "JABATAN", "JENIS JABATAN", "UNOR", "PENDIDIKAN"},
		[]string{e.NIP, "Budi", "III/b", "Analis SDM", "Pelaksana", "Bidang Umum", "S1"})
	rep := planImport(t, s, ctx, importer.Pegawai, g)
	if rep.Counts.New != 1 || rep.Counts.Warning != 1 || len(rep.Rows[0].Riwayat) != 0 {
		t.Fatalf("plan:\n%s", rep.Text())
	}
	if !strings.Contains(rep.Text(), "Golongan III/b dicatat di profil tanpa riwayat pangkat karena berkas tidak memuat kolom "+
		"TMT GOLONGAN; impor riwayat pangkat untuk melengkapinya.") {
		t.Fatalf("plan:\n%s", rep.Text())
	}
	sum, err := s.ApplyImport(ctx, rep)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 1 || sum.Riwayat != 0 {
		t.Fatalf("summary %+v", sum)
	}
	rows, _ := s.ListRows(ctx)
	id := rows[0].ID
	got, _ := s.Employee(ctx, id)
	if got.Golongan != "III/b" || got.NamaJabatan != "Analis SDM" || got.Pendidikan != "S1" || got.UnitID == 0 {
		t.Fatalf("employee %+v", got)
	}
	for _, k := range []domain.RiwayatKind{domain.RwPangkat, domain.RwJabatan, domain.RwPendidikan} {
		if rs, _ := s.Riwayat(ctx, id, k); len(rs) != 0 {
			t.Fatalf("%v: invented entries %+v", k, rs)
		}
	}
	assertClean(t, s)

	// The real riwayat pangkat: one entry, the newest, and the profile
	// agrees with it.
	rw := importGrid([]string{"NIP", "GOL", "TMT"}, []string{e.NIP, "III/b", "01-04-2019"})
	rrep := planImport(t, s, ctx, importer.RiwayatPangkat, rw)
	rsum, err := s.ApplyImport(ctx, rrep)
	if err != nil {
		t.Fatal(err)
	}
	if got := rsum.Text(); got != "Impor selesai: 1 entri riwayat pangkat baru." {
		t.Fatalf("summary %q", got)
	}
	rs, _ := s.Riwayat(ctx, id, domain.RwPangkat)
	if len(rs) != 1 || rs[0].Pangkat.TMT != (domain.Date{Year: 2019, Month: 4, Day: 1}) {
		t.Fatalf("riwayat pangkat %+v", rs)
	}
	assertClean(t, s)

	// A newer golongan without its TMT: nothing changes, the row says why.
	g = importGrid([]string{"NIP", "GOL/RUANG"}, []string{e.NIP, "III/c"})
	rep = planImport(t, s, ctx, importer.Pegawai, g)
	if r := rep.Rows[0]; r.Action != importer.Unchanged || len(r.Warnings) != 1 ||
		!strings.HasPrefix(r.Warnings[0], "Golongan tetap III/b (di berkas III/c)") {
		t.Fatalf("plan:\n%s", rep.Text())
	}
	got, _ = s.Employee(ctx, id)
	if got.Golongan != "III/b" {
		t.Fatalf("golongan %q", got.Golongan)
	}

	// A riwayat that moves two profiles counts each employee once.
	rw = importGrid([]string{"NIP", "GOL", "TMT"}, []string{e.NIP, "III/c", "01-04-2023"}, []string{e.NIP, "III/d", "01-04-2027"})
	rsum, err = s.ApplyImport(ctx, planImport(t, s, ctx, importer.RiwayatPangkat, rw))
	if err != nil {
		t.Fatal(err)
	}
	if got := rsum.Text(); got != "Impor selesai: 2 entri riwayat pangkat baru, profil 1 pegawai ikut diperbarui." {
		t.Fatalf("summary %q", got)
	}
	assertClean(t, s)
}

package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"asndesk/domain"
)

func mustCreate(t *testing.T, s *Store, e domain.Employee) uint64 {
	t.Helper()
	id, err := s.CreateEmployee(bg, e)
	if err != nil {
		t.Fatalf("CreateEmployee(%s): %v", e.Nama, err)
	}
	return id
}

func TestCreateReadUpdate(t *testing.T) {
	s, _ := openTestStore(t)
	unit, err := s.SaveUnit(bg, domain.Unit{Name: "Sekretariat"})
	if err != nil {
		t.Fatal(err)
	}
	e := testEmployee(1)
	e.GelarDepan, e.GelarBelakang = "Dr.", "S.Kom., M.T."
	e.NIK = makeNIK(e.TanggalLahir, e.JenisKelamin, 1)
	e.UnitID = unit
	id := mustCreate(t, s, e)
	if id == 0 {
		t.Fatal("id 0")
	}

	got, err := s.Employee(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != id || got.Created.IsZero() || !got.Updated.Equal(got.Created) {
		t.Fatalf("id/created/updated not set: %+v", got)
	}
	want := e
	want.ID, want.Created, want.Updated = id, got.Created, got.Updated
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("read back:\n got %+v\nwant %+v", got, want)
	}

	rows, err := s.ListRows(bg)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0] != domain.RowOf(got) {
		t.Fatalf("rows = %+v, want %+v", rows, domain.RowOf(got))
	}
	if rows[0].Nama != "Dr. Pegawai 1, S.Kom., M.T." {
		t.Fatalf("row name without gelar: %q", rows[0].Nama)
	}

	got.NamaJabatan = "Analis Kebijakan"
	got.Golongan = "III/b"
	got.NIP = makeNIP(got.TanggalLahir, got.TMTCPNS, got.JenisKelamin, 777)
	if err := s.UpdateEmployee(bg, got); err != nil {
		t.Fatal(err)
	}
	upd, err := s.Employee(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	if !upd.Created.Equal(got.Created) {
		t.Fatalf("Created changed: %v → %v", got.Created, upd.Created)
	}
	if !upd.Updated.After(got.Updated) {
		t.Fatalf("Updated not advanced: %v → %v", got.Updated, upd.Updated)
	}
	if upd.NamaJabatan != "Analis Kebijakan" || upd.NIP != got.NIP {
		t.Fatalf("update lost: %+v", upd)
	}
	rows, _ = s.ListRows(bg)
	if rows[0].NIP != got.NIP || rows[0].Golongan != "III/b" {
		t.Fatalf("row not updated: %+v", rows[0])
	}
	assertClean(t, s)
}

func TestCreateIgnoresCallerIDAndTimes(t *testing.T) {
	s, _ := openTestStore(t)
	e := testEmployee(1)
	e.ID = 999
	id := mustCreate(t, s, e)
	if id == 999 {
		t.Fatal("caller's id used")
	}
	assertClean(t, s)
}

func TestIdentifiersStoredAsDigits(t *testing.T) {
	s, _ := openTestStore(t)
	e := testEmployee(1)
	bare := e.NIP
	e.NIP = domain.FormatNIP(e.NIP)
	e.NIK = "3201 0126 0970 0001"
	id := mustCreate(t, s, e)
	got, _ := s.Employee(bg, id)
	if got.NIP != bare || got.NIK != "3201012609700001" {
		t.Fatalf("identifiers not normalised: %q %q", got.NIP, got.NIK)
	}
	assertClean(t, s)
}

func TestUpdateAndGetMissing(t *testing.T) {
	s, _ := openTestStore(t)
	_, err := s.Employee(bg, 42)
	wantCode(t, err, domain.ENOTFOUND)
	if !errors.Is(err, domain.ErrNotFound) {
		t.Fatal("errors.Is(ErrNotFound) false")
	}
	e := testEmployee(1)
	e.ID = 42
	wantCode(t, s.UpdateEmployee(bg, e), domain.ENOTFOUND)
	wantCode(t, s.DeleteEmployee(bg, 42), domain.ENOTFOUND)
	assertClean(t, s)
}

func TestUniqueNIPAmongActive(t *testing.T) {
	s, _ := openTestStore(t)
	a := testEmployee(1)
	a.GelarDepan = "Ir."
	aid := mustCreate(t, s, a)

	b := testEmployee(2)
	b.NIP = a.NIP
	_, err := s.CreateEmployee(bg, b)
	wantCode(t, err, domain.ECONFLICT)
	wantMessage(t, err, "NIP "+domain.FormatNIP(a.NIP)+" sudah dipakai oleh Ir. Pegawai 1 (pegawai aktif).")
	var de *domain.Error
	if !errors.As(err, &de) || de.Field != domain.FieldNIP {
		t.Fatalf("conflict not attached to the NIP field: %#v", de)
	}
	rows, _ := s.ListRows(bg)
	if len(rows) != 1 {
		t.Fatalf("conflicting record written: %d rows", len(rows))
	}

	// CLTN is still active.
	a.ID = aid
	a.Status = domain.StatusCLTN
	if err := s.UpdateEmployee(bg, a); err != nil {
		t.Fatal(err)
	}
	_, err = s.CreateEmployee(bg, b)
	wantCode(t, err, domain.ECONFLICT)

	// Once the first holder has retired, the NIP may be used again (a
	// re-hired person).
	a.Status = domain.StatusPensiun
	if err := s.UpdateEmployee(bg, a); err != nil {
		t.Fatal(err)
	}
	bid := mustCreate(t, s, b)

	// Reactivating the retired record now clashes with the new one.
	a.Status = domain.StatusAktif
	err = s.UpdateEmployee(bg, a)
	wantCode(t, err, domain.ECONFLICT)
	wantMessage(t, err, "NIP "+domain.FormatNIP(a.NIP)+" sudah dipakai oleh Pegawai 2 (pegawai aktif).")

	// Saving a record does not clash with itself.
	b.ID = bid
	b.NamaJabatan = "Bendahara"
	if err := s.UpdateEmployee(bg, b); err != nil {
		t.Fatal(err)
	}
	// Two inactive records may share the NIP too.
	b.Status = domain.StatusPindah
	if err := s.UpdateEmployee(bg, b); err != nil {
		t.Fatal(err)
	}
	assertClean(t, s)
}

func TestUniqueNIPMessageForPPPK(t *testing.T) {
	s, _ := openTestStore(t)
	a := testEmployee(1)
	a.Kind, a.Golongan = domain.KindPPPK, "IX"
	a.TMTCPNS, a.TMTPNS = domain.Date{}, domain.Date{}
	a.NIP = "199001152023212005"
	mustCreate(t, s, a)
	b := a
	b.Nama = "Lain"
	_, err := s.CreateEmployee(bg, b)
	wantMessage(t, err, "NI PPPK 19900115 2023 21 2 005 sudah dipakai oleh Pegawai 1 (pegawai aktif).")
	assertClean(t, s)
}

func TestUniqueNIKAmongActive(t *testing.T) {
	s, _ := openTestStore(t)
	a := testEmployee(1)
	a.NIK = makeNIK(a.TanggalLahir, a.JenisKelamin, 1)
	aid := mustCreate(t, s, a)

	b := testEmployee(2)
	b.NIK = a.NIK
	_, err := s.CreateEmployee(bg, b)
	wantCode(t, err, domain.ECONFLICT)
	wantMessage(t, err, "NIK "+a.NIK+" sudah dipakai oleh Pegawai 1 (pegawai aktif).")

	// Empty NIK is allowed any number of times and not indexed.
	b.NIK = ""
	mustCreate(t, s, b)
	c := testEmployee(3)
	mustCreate(t, s, c)

	// An inactive holder does not block the NIK.
	a.ID = aid
	a.Status = domain.StatusMeninggal
	if err := s.UpdateEmployee(bg, a); err != nil {
		t.Fatal(err)
	}
	d := testEmployee(4)
	d.NIK = a.NIK
	mustCreate(t, s, d)
	assertClean(t, s)
}

func TestValidationErrorsWriteNothing(t *testing.T) {
	s, _ := openTestStore(t)
	e := testEmployee(1)
	e.Nama = "   "
	e.NIP = "123"
	_, err := s.CreateEmployee(bg, e)
	var fe domain.FieldErrors
	if !errors.As(err, &fe) {
		t.Fatalf("want FieldErrors, got %v", err)
	}
	if fe[domain.FieldNama] == "" || fe[domain.FieldNIP] == "" {
		t.Fatalf("missing field errors: %v", fe)
	}
	wantCode(t, err, domain.EINVALID)
	rows, _ := s.ListRows(bg)
	if len(rows) != 0 {
		t.Fatal("invalid employee written")
	}
	assertClean(t, s)
}

func TestInvalidUTF8Refused(t *testing.T) {
	s, _ := openTestStore(t)
	e := testEmployee(1)
	e.Alamat = "Jl. \xff\xfe"
	_, err := s.CreateEmployee(bg, e)
	var fe domain.FieldErrors
	if !errors.As(err, &fe) || fe[domain.FieldAlamat] == "" {
		t.Fatalf("invalid UTF-8 not refused: %v", err)
	}
	assertClean(t, s)
}

func TestVeryLongNameIsValidationsCall(t *testing.T) {
	s, _ := openTestStore(t)
	e := testEmployee(1)
	e.Nama = strings.Repeat("a", 10000)
	want := domain.ValidateEmployee(e)
	_, err := s.CreateEmployee(bg, e)
	if len(want) > 0 {
		var fe domain.FieldErrors
		if !errors.As(err, &fe) || !reflect.DeepEqual(fe, want) {
			t.Fatalf("store error %v, validation says %v", err, want)
		}
		return
	}
	if err != nil {
		t.Fatalf("validation allows the name but the store refused it: %v", err)
	}
	rows, _ := s.ListRows(bg)
	if rows[0].Nama != e.Nama {
		t.Fatal("long name changed")
	}
	assertClean(t, s)
}

func TestEmojiAndEscapesStoredExactly(t *testing.T) {
	s, path := openTestStore(t)
	e := testEmployee(1)
	e.Nama = "Siti 😀👩🏽‍💻 \x1b[31mMerah\x1b[0m \x1b]0;judul\x07 <b>&amp;"
	e.Alamat = "Jl. Mawar \u200b No. 5\r\nRT 01/RW 02 \x1b[2J\ttab — “kutip” 日本"
	id := mustCreate(t, s, e)
	check := func(s *Store) {
		got, err := s.Employee(bg, id)
		if err != nil {
			t.Fatal(err)
		}
		if got.Nama != e.Nama || got.Alamat != e.Alamat {
			t.Fatalf("text changed:\n got %q / %q\nwant %q / %q", got.Nama, got.Alamat, e.Nama, e.Alamat)
		}
		rows, _ := s.ListRows(bg)
		if rows[0].Nama != e.Nama {
			t.Fatalf("row name changed: %q", rows[0].Nama)
		}
	}
	check(s)
	assertClean(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	check(openAt(t, path, testOptions()))
}

func TestReopenKeepsData(t *testing.T) {
	s, path := openTestStore(t)
	setupOffice(t, s, "Dinas Kominfo", "Sekretariat")
	var ids []uint64
	for i := range 5 {
		ids = append(ids, mustCreate(t, s, testEmployee(i)))
	}
	before, _ := s.ListRows(bg)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s2 := openAt(t, path, testOptions())
	after, err := s2.ListRows(bg)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("rows changed across reopen:\n%v\n%v", before, after)
	}
	o, ok, err := s2.Office(bg)
	if err != nil || !ok || o.Name != "Dinas Kominfo" {
		t.Fatalf("office lost: %+v %v %v", o, ok, err)
	}
	// Ids are never reused.
	id := mustCreate(t, s2, testEmployee(100))
	if id <= ids[len(ids)-1] {
		t.Fatalf("new id %d not after %d", id, ids[len(ids)-1])
	}
	assertClean(t, s2)
}

func TestDeleteEmployeeClearsAtasan(t *testing.T) {
	s, _ := openTestStore(t)
	boss := mustCreate(t, s, testEmployee(1))
	sub1 := testEmployee(2)
	sub1.AtasanID = boss
	s1 := mustCreate(t, s, sub1)
	sub2 := testEmployee(3)
	sub2.AtasanID = boss
	s2 := mustCreate(t, s, sub2)
	// Id 1 is a prefix of 10, 11…: create enough that the cheap byte filter
	// sees near misses.
	var others []uint64
	for i := 4; i < 15; i++ {
		e := testEmployee(i)
		e.AtasanID = s1
		others = append(others, mustCreate(t, s, e))
	}

	before, _ := s.Employee(bg, s1)
	if err := s.DeleteEmployee(bg, boss); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Employee(bg, boss); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("deleted employee still readable: %v", err)
	}
	for _, id := range []uint64{s1, s2} {
		e, err := s.Employee(bg, id)
		if err != nil {
			t.Fatal(err)
		}
		if e.AtasanID != 0 {
			t.Fatalf("employee %d still points at deleted atasan", id)
		}
	}
	after, _ := s.Employee(bg, s1)
	if !after.Updated.After(before.Updated) {
		t.Fatal("Updated not set on the subordinate")
	}
	for _, id := range others {
		e, _ := s.Employee(bg, id)
		if e.AtasanID != s1 {
			t.Fatalf("employee %d lost its atasan %d: %d", id, s1, e.AtasanID)
		}
	}
	rows, _ := s.ListRows(bg)
	if len(rows) != 13 {
		t.Fatalf("%d rows after delete, want 13", len(rows))
	}
	// The deleted person's NIP is free again.
	mustCreate(t, s, testEmployee(1))
	assertClean(t, s)
}

func TestReferencesMustExist(t *testing.T) {
	s, _ := openTestStore(t)
	e := testEmployee(1)
	e.UnitID = 9
	_, err := s.CreateEmployee(bg, e)
	wantCode(t, err, domain.EINVALID)
	e.UnitID = 0
	e.AtasanID = 9
	_, err = s.CreateEmployee(bg, e)
	wantCode(t, err, domain.EINVALID)
	e.AtasanID = 0
	id := mustCreate(t, s, e)
	e.ID, e.AtasanID = id, id
	wantCode(t, s.UpdateEmployee(bg, e), domain.EINVALID)
	assertClean(t, s)
}

func TestCancelledContext(t *testing.T) {
	s, _ := openTestStore(t)
	ctx, cancel := context.WithCancel(bg)
	cancel()
	if _, err := s.CreateEmployee(ctx, testEmployee(1)); !errors.Is(err, context.Canceled) {
		t.Fatalf("create: %v", err)
	}
	if _, err := s.ListRows(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("list: %v", err)
	}
	if _, err := s.Check(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("check: %v", err)
	}
	if err := s.LoadOffice(ctx, domain.Office{Name: "X"}, nil, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("load: %v", err)
	}
	rows, _ := s.ListRows(bg)
	if len(rows) != 0 {
		t.Fatal("cancelled create wrote a record")
	}
	assertClean(t, s)
}

package store

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"asndesk/domain"
)

func TestRowRoundTrip(t *testing.T) {
	rows := []domain.Row{
		{ID: 1, Kind: domain.KindPNS, Status: domain.StatusAktif, NIP: "198609262015051001",
			Nama: "Dr. Siti Aminah, S.Kom., M.T.", NamaJabatan: "Analis Kebijakan", Golongan: "III/b", UnitID: 3, AtasanID: 9},
		{ID: 2},
		{ID: 1 << 40, Kind: domain.KindPPPKParuhWaktu, Status: domain.StatusDiberhentikan,
			Nama: "Ñoño 😀 \x1b[31mmerah\x1b[0m", Golongan: "XVII", UnitID: 1 << 50, AtasanID: 1<<64 - 1},
		{ID: 3, Nama: strings.Repeat("ä", 5000)},
	}
	for _, r := range rows {
		got, err := decodeRow(r.ID, encodeRow(r))
		if err != nil {
			t.Fatalf("decodeRow: %v", err)
		}
		if got != r {
			t.Fatalf("row round trip:\n got %+v\nwant %+v", got, r)
		}
	}
}

// TestDecodeRowV1: schema-2 rows (version 1) read as atasan 0.
func TestDecodeRowV1(t *testing.T) {
	r := domain.Row{ID: 4, Kind: domain.KindPPPK, Status: domain.StatusCLTN, NIP: "199001152023212005",
		Nama: "Budi", NamaJabatan: "Pranata Komputer", Golongan: "IX", UnitID: 2}
	got, err := decodeRow(4, encodeRowV1(r))
	if err != nil || got != r {
		t.Fatalf("v1 row: %+v %v", got, err)
	}
	if v := encodeRow(r); v[0] != 2 {
		t.Fatalf("new rows are version %d", v[0])
	}
}

func TestDecodeRowRejectsDamage(t *testing.T) {
	b := encodeRow(domain.Row{ID: 1, NIP: "198609262015051001", Nama: "Budi", AtasanID: 300})
	for n := 0; n < len(b); n++ {
		if _, err := decodeRow(1, b[:n]); err == nil {
			t.Fatalf("truncated row (%d of %d bytes) decoded", n, len(b))
		}
	}
	bad := append([]byte{9}, b[1:]...)
	if _, err := decodeRow(1, bad); err == nil {
		t.Fatal("unknown row version decoded")
	}
}

func TestEmployeeRecRoundTrip(t *testing.T) {
	e := domain.Employee{
		ID: 7, Kind: domain.KindPPPK,
		Nama: "Budi 😀", GelarDepan: "Dr.", GelarBelakang: "S.T.", TempatLahir: "Garut",
		TanggalLahir: date(1990, 1, 15), JenisKelamin: domain.Male, Agama: "Islam",
		StatusPerkawinan: "Kawin", NIK: "3201011501900003", Alamat: "Jl. \x1b[1mTebal\x1b[0m No. 1\nRT 01",
		NomorHP: "+6281234567", Email: "budi@instansi.go.id",
		NIP: "199001152023212005", Status: domain.StatusCLTN,
		TMTKontrak: date(2023, 3, 1), AkhirKontrak: date(2028, 2, 29),
		Golongan: "IX", JenisJabatan: domain.Fungsional, Jenjang: domain.AhliPertama,
		NamaJabatan: "Pranata Komputer", UnitID: 2, AtasanID: 3, Pendidikan: "S1", BUPOverride: 60,
		Created: time.Date(2025, 1, 2, 3, 4, 5, 6, time.UTC), Updated: time.Date(2025, 2, 3, 4, 5, 6, 7, time.UTC),
	}
	v, err := encodeEmployee(e)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeEmployee(v)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Created.Equal(e.Created) || !got.Updated.Equal(e.Updated) {
		t.Fatalf("times changed: %v %v", got.Created, got.Updated)
	}
	got.Created, got.Updated = e.Created, e.Updated
	if !reflect.DeepEqual(got, e) {
		t.Fatalf("employee round trip:\n got %+v\nwant %+v", got, e)
	}
	if !strings.Contains(string(v), `"v":1`) || !strings.Contains(string(v), `"tanggal_lahir":"1990-01-15"`) {
		t.Fatalf("stored form lacks version or ISO date: %s", v)
	}
}

func TestDecodeEmployeeRejectsFutureVersion(t *testing.T) {
	if _, err := decodeEmployee([]byte(`{"v":2,"id":1}`)); err == nil {
		t.Fatal("record version 2 accepted")
	}
	if _, err := decodeEmployee([]byte(`{"v":1,"id":1,"tanggal_lahir":"1990-02-30"}`)); err == nil {
		t.Fatal("impossible date accepted")
	}
}

func TestMigrationsAreOrdered(t *testing.T) {
	last := uint64(1)
	for _, m := range migrations {
		if m.to != last+1 {
			t.Fatalf("migration %q goes to v%d after v%d", m.name, m.to, last)
		}
		last = m.to
	}
	if last != SchemaVersion {
		t.Fatalf("migrations end at v%d, SchemaVersion is %d", last, SchemaVersion)
	}
}

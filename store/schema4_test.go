package store

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// exportRiwayatDataKeys are the documented keys of each kind's "data"
// object (EXPORT.md).
var exportRiwayatDataKeys = map[string][]string{
	"pangkat":      {"golongan", "tmt", "nomor_sk", "tanggal_sk", "jenis_kp", "mkg_tahun", "mkg_bulan"},
	"jabatan":      {"jenis_jabatan", "jenjang", "nama", "unit_id", "tmt", "nomor_sk", "tanggal_sk", "eselon"},
	"pendidikan":   {"tingkat", "jurusan", "nama_sekolah", "tahun_lulus", "nomor_ijazah", "gelar"},
	"diklat":       {"jenis", "nama", "penyelenggara", "mulai", "selesai", "jam_pelajaran", "nomor_sertifikat"},
	"penghargaan":  {"jenis", "tahun", "nomor_sk", "tanggal_sk"},
	"hukdis":       {"tingkat", "jenis", "alasan", "nomor_sk", "tanggal_sk", "mulai", "masa_bulan"},
	"keluarga":     {"hubungan", "nama", "nik", "tanggal_lahir", "jenis_kelamin", "status_anak", "tanggal_nikah", "akta_nikah", "pekerjaan", "tunjangan"},
	"gaji":         {"tmt", "gaji_lama", "gaji_baru", "nomor_sk", "tanggal_sk", "mkg_tahun", "mkg_bulan"},
	"cuti":         {"jenis", "mulai", "selesai", "lama_hari", "lama_bulan", "alasan", "alamat"},
	"angka_kredit": {"jenis", "periode_mulai", "periode_selesai", "ak_milli", "nomor_pak"},
	"organisasi":   {"nama", "jabatan", "tahun_mulai", "tahun_selesai"},
	"masa_kerja":   {"tmt", "tahun", "bulan", "nomor_sk", "tanggal_sk", "golongan"},
}

func TestExportSchema4(t *testing.T) {
	o := newOffice(t)
	s, admin := o.s, o.ctx["admin"]
	child := mustSaveNode(t, s, admin, domain.UnitNode{Unit: domain.Unit{Name: "Subbagian Umum"}, ParentID: o.unit, HeadID: o.pen})
	for _, r := range allKinds(o.sub1, o.unit) {
		mustSaveRiwayat(t, s, admin, r)
	}
	if err := s.SetAtasan(admin, domain.AtasanEntry{Year: 2025, EmployeeID: o.sub2, AtasanID: o.head}); err != nil {
		t.Fatal(err)
	}
	set := domain.DefaultCareerSettings()
	set.ReminderMonths = 4
	if err := s.SaveSettings(admin, set); err != nil {
		t.Fatal(err)
	}

	var buf bytes.Buffer
	if err := s.ExportJSON(bg, &buf); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema   int              `json:"schema"`
		Settings json.RawMessage  `json:"settings"`
		Units    []map[string]any `json:"units"`
		Riwayat  []map[string]any `json:"riwayat"`
		Atasan   []map[string]any `json:"atasan"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != SchemaVersion {
		t.Fatalf("schema %d", doc.Schema)
	}
	var gotSet domain.CareerSettings
	if err := json.Unmarshal(doc.Settings, &gotSet); err != nil || !reflect.DeepEqual(gotSet, set) {
		t.Fatalf("settings %s (%v)", doc.Settings, err)
	}
	if u := doc.Units[1]; u["id"] != float64(child) || u["parent_id"] != float64(o.unit) || u["head_id"] != float64(o.pen) {
		t.Fatalf("unit %v", u)
	}
	if len(doc.Riwayat) != len(domain.RiwayatKinds()) { // one entry of each kind
		t.Fatalf("%d riwayat", len(doc.Riwayat))
	}
	seen := map[string]bool{}
	for i, r := range doc.Riwayat {
		if got := keysOf(r); !reflect.DeepEqual(got, []string{"created", "data", "employee_id", "id", "kind", "updated"}) {
			t.Fatalf("riwayat keys %v", got)
		}
		if i > 0 && r["id"].(float64) <= doc.Riwayat[i-1]["id"].(float64) {
			t.Fatal("riwayat not ordered by id")
		}
		kind := r["kind"].(string)
		seen[kind] = true
		data := r["data"].(map[string]any)
		if got := keysOf(data); !reflect.DeepEqual(got, sorted(exportRiwayatDataKeys[kind])) {
			t.Fatalf("%s data keys\n got %v\nwant %v", kind, got, sorted(exportRiwayatDataKeys[kind]))
		}
		switch kind {
		case "jabatan":
			if data["jenis_jabatan"] != "Pelaksana" || data["jenjang"] != "" {
				t.Fatalf("jabatan %v", data)
			}
		case "keluarga":
			if data["jenis_kelamin"] != "Perempuan" || data["nama"] != "Ratna Sari 😀" {
				t.Fatalf("keluarga %v", data)
			}
		case "angka_kredit":
			if data["ak_milli"] != 18750.0 {
				t.Fatalf("angka kredit %v", data)
			}
		case "diklat":
			if data["nama"] != `Pelatihan "Arsip" & Tata Naskah` || data["mulai"] != "2019-03-04" {
				t.Fatalf("diklat %v", data)
			}
		}
	}
	if len(seen) != len(exportRiwayatDataKeys) {
		t.Fatalf("kinds %v", seen)
	}
	want := map[string]any{"year": 2025.0, "employee_id": float64(o.sub2), "atasan_id": float64(o.head),
		"atasan_penilai_id": 0.0, "override": true}
	if len(doc.Atasan) != 1 || !reflect.DeepEqual(doc.Atasan[0], want) {
		t.Fatalf("atasan %v", doc.Atasan)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`"kind": "pangkat",`)) {
		t.Fatal("not indented as documented")
	}
}

func TestCheckSchema4(t *testing.T) {
	o := newOffice(t)
	s, admin := o.s, o.ctx["admin"]
	a := mustSaveNode(t, s, admin, domain.UnitNode{Unit: domain.Unit{Name: "A"}, ParentID: o.unit})
	b := mustSaveNode(t, s, admin, domain.UnitNode{Unit: domain.Unit{Name: "B"}, ParentID: a})
	mustSaveRiwayat(t, s, admin, pangkat(o.sub1, "III/b", date(2020, 4, 1)))
	if err := s.SetAtasan(admin, domain.AtasanEntry{Year: 2025, EmployeeID: o.sub2, AtasanID: o.head}); err != nil {
		t.Fatal(err)
	}
	assertClean(t, s)

	err := s.db.Update(func(tx *bolt.Tx) error {
		rw := tx.Bucket(bucketRiwayat)
		v, _ := encodeRiwayat(pendidikan(77, "S1", 2000))
		rw.Put(riwayatKey(77, riwayatKindCodes[domain.RwPendidikan], 500), v) // no such employee
		rw.Put(riwayatKey(o.sub2, riwayatKindCodes[domain.RwDiklat], 501), []byte(`{"v":1`))
		v, _ = encodeRiwayat(jabatan(o.sub2, domain.Pelaksana, 0, "X", 66, date(2020, 1, 1)))
		rw.Put(riwayatKey(o.sub2, riwayatKindCodes[domain.RwJabatan], 502), v) // no such unit; profile unit differs too
		ab := tx.Bucket(bucketAtasan)
		v, _ = encodeAtasan(atasanRec{AtasanID: 88, Override: true})
		ab.Put(atasanKey(2025, o.sub1), v)
		v, _ = encodeAtasan(atasanRec{AtasanID: o.head, Override: true})
		ab.Put(atasanKey(2025, 99), v)
		v, _ = encodeAtasan(atasanRec{AtasanID: o.othr, Override: true})
		ab.Put(atasanKey(2024, o.othr), v)
		ub := tx.Bucket(bucketUnits)
		v, _ = encodeUnitNode(domain.UnitNode{Unit: domain.Unit{ID: a, Name: "A"}, ParentID: b}) // A ↔ B
		ub.Put(idKey(a), v)
		v, _ = encodeUnitNode(domain.UnitNode{Unit: domain.Unit{ID: 40, Name: "Yatim"}, ParentID: 41, HeadID: 55})
		ub.Put(idKey(40), v)
		ub.SetSequence(40)
		// A profile edited behind the riwayat's back.
		e, _ := getEmployee(tx, o.sub1)
		old := e
		e.Golongan = "IV/a"
		return putEmployee(tx, e, &old)
	})
	if err != nil {
		t.Fatal(err)
	}
	probs, err := s.Check(bg)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(probs, "\n")
	for _, want := range []string{
		"Riwayat #500 merujuk pegawai #77 yang tidak ada.",
		"Riwayat #501 tidak dapat dibaca",
		"Riwayat jabatan #502 merujuk unit kerja #66 yang tidak ada.",
		"Peta atasan 2025: pegawai #" + u64s(o.sub1) + " merujuk atasan #88 yang tidak ada.",
		"Peta atasan 2025: isian pegawai #99 yang tidak ada.",
		"Peta atasan 2024: pegawai #" + u64s(o.othr) + " menjadi atasannya sendiri.",
		"berada dalam lingkaran unit induk.",
		"Unit kerja #40 (Yatim) merujuk unit induk #41 yang tidak ada.",
		"Unit kerja #40 (Yatim) merujuk kepala unit #55 yang tidak ada.",
		"Profil pegawai #" + u64s(o.sub1) + " (Pegawai 3) tidak sesuai dengan riwayat pangkat, jabatan atau pendidikan terakhirnya.",
		"Profil pegawai #" + u64s(o.sub2) + " (Pegawai 4) tidak sesuai",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("Check misses %q in:\n%s", want, all)
		}
	}
	if slices.ContainsFunc(probs, func(p string) bool { return strings.Contains(p, "#"+u64s(o.sub2)+" menjadi") }) {
		t.Error("sound entry reported")
	}
}

// TestSettingsNeedNoLogin mirrors Units: the settings are not personal
// data, and screens read them before anything else.
func TestSettingsNeedNoLogin(t *testing.T) {
	s, _ := openTestStore(t)
	if _, err := s.Settings(anonCtx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UnitTree(anonCtx); err != nil {
		t.Fatal(err)
	}
	wantForbidden(t, s.SaveSettings(anonCtx, domain.DefaultCareerSettings()))
}

package store

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"

	"asndesk/domain"
)

var exportEmployeeKeys = []string{
	"id", "jenis_pegawai", "nama", "gelar_depan", "gelar_belakang", "tempat_lahir", "tanggal_lahir",
	"jenis_kelamin", "agama", "status_perkawinan", "nik", "alamat", "nomor_hp", "email", "nip", "status",
	"tmt_cpns", "tmt_pns", "tmt_kontrak", "akhir_kontrak", "golongan", "jenis_jabatan", "jenjang",
	"nama_jabatan", "unit_id", "atasan_id", "pendidikan_terakhir", "bup_override", "created", "updated",
}

func keysOf(m map[string]any) []string {
	var k []string
	for n := range m {
		k = append(k, n)
	}
	sort.Strings(k)
	return k
}

func sorted(s []string) []string {
	c := append([]string(nil), s...)
	sort.Strings(c)
	return c
}

func TestExportJSON(t *testing.T) {
	s, _ := openTestStore(t)
	setupOffice(t, s, "Dinas <Kominfo> & Statistik", "Sekretariat", "Aptika")
	us, _ := s.Units(bg)
	full := testEmployee(1)
	full.GelarDepan, full.GelarBelakang = "Dr.", "M.T."
	full.NIK = makeNIK(full.TanggalLahir, full.JenisKelamin, 3)
	full.Nama = "Siti 😀 \x1b[31mMerah\x1b[0m"
	full.Alamat, full.NomorHP, full.Email = "Jl. Mawar 5", "081234", "siti@instansi.go.id"
	full.JenisJabatan, full.Jenjang = domain.Fungsional, domain.AhliMuda
	full.UnitID = us[0].ID
	full.BUPOverride = 60
	fid := mustCreate(t, s, full)

	sparse := domain.Employee{Kind: domain.KindPPPKParuhWaktu, Nama: "Budi", NIP: "199001152023211005",
		Status: domain.StatusAktif, AtasanID: fid}
	sid := mustCreate(t, s, sparse)

	var buf bytes.Buffer
	if err := s.ExportJSON(bg, &buf); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	if !json.Valid(out) {
		t.Fatalf("invalid JSON:\n%s", out)
	}
	if !bytes.Contains(out, []byte("\n  \"employees\": [\n    {\n      \"id\": 1,")) {
		t.Fatalf("not indented as documented:\n%s", out)
	}
	if !bytes.Contains(out, []byte("Dinas <Kominfo> & Statistik")) {
		t.Fatal("HTML characters escaped")
	}

	// Every key is present, in every object, even when empty.
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	wantTop := []string{"format", "format_version", "schema", "exported_at", "office", "settings", "skp_settings",
		"merit_settings", "kop", "units", "accounts", "employees", "riwayat", "atasan", "skp", "predikat_organisasi", "merit",
		"instrumen_merit", "audit"}
	if got := keysOf(doc); !reflect.DeepEqual(got, sorted(wantTop)) {
		t.Fatalf("top keys %v", got)
	}
	if doc["format"] != "asndesk-export" || doc["format_version"] != 1.0 || doc["schema"] != float64(SchemaVersion) {
		t.Fatalf("header: %v %v %v", doc["format"], doc["format_version"], doc["schema"])
	}
	if doc["exported_at"] != "2025-01-31T09:00:05+07:00" && !strings.HasPrefix(doc["exported_at"].(string), "2025-01-31T09:") {
		t.Fatalf("exported_at %v", doc["exported_at"])
	}
	if got := keysOf(doc["office"].(map[string]any)); !reflect.DeepEqual(got, []string{"demo", "name"}) {
		t.Fatalf("office keys %v", got)
	}
	units := doc["units"].([]any)
	if len(units) != 2 || !reflect.DeepEqual(keysOf(units[0].(map[string]any)), []string{"head_id", "id", "name", "parent_id"}) {
		t.Fatalf("units %v", units)
	}
	emps := doc["employees"].([]any)
	if len(emps) != 2 {
		t.Fatalf("%d employees", len(emps))
	}
	for _, e := range emps {
		if got := keysOf(e.(map[string]any)); !reflect.DeepEqual(got, sorted(exportEmployeeKeys)) {
			t.Fatalf("employee keys:\n got %v\nwant %v", got, sorted(exportEmployeeKeys))
		}
	}

	// Round trip through a typed decoder.
	var typed struct {
		Office    exportOffice   `json:"office"`
		Units     []exportUnit   `json:"units"`
		Employees []exportPerson `json:"employees"`
	}
	if err := json.Unmarshal(out, &typed); err != nil {
		t.Fatal(err)
	}
	f := typed.Employees[0]
	if f.ID != fid || f.Nama != full.Nama || f.JenisPegawai != "PNS" || f.JenisKelamin != "Perempuan" ||
		f.Status != "Aktif" || f.JenisJabatan != "Fungsional" || f.Jenjang != "Ahli Muda" ||
		f.TanggalLahir != full.TanggalLahir.ISO() || f.NIK != full.NIK || f.UnitID != us[0].ID ||
		f.BUPOverride != 60 || f.PendidikanTerakhir != "S1" || f.Created == "" {
		t.Fatalf("full employee exported as %+v", f)
	}
	b := typed.Employees[1]
	if b.ID != sid || b.JenisPegawai != "PPPK Paruh Waktu" || b.TanggalLahir != "" || b.JenisKelamin != "" ||
		b.JenisJabatan != "" || b.Jenjang != "" || b.AtasanID != fid || b.UnitID != 0 {
		t.Fatalf("sparse employee exported as %+v", b)
	}
	if typed.Office.Name != "Dinas <Kominfo> & Statistik" || typed.Units[0].ID >= typed.Units[1].ID {
		t.Fatalf("office/units %+v %+v", typed.Office, typed.Units)
	}
}

func TestExportEmptyFile(t *testing.T) {
	s, _ := openTestStore(t)
	var buf bytes.Buffer
	if err := s.ExportJSON(bg, &buf); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, buf.Bytes())
	}
	if e, ok := doc["employees"].([]any); !ok || len(e) != 0 {
		t.Fatalf("employees = %#v", doc["employees"])
	}
	if u, ok := doc["units"].([]any); !ok || len(u) != 0 {
		t.Fatalf("units = %#v", doc["units"])
	}
	if o := doc["office"].(map[string]any); o["name"] != "" || o["demo"] != false {
		t.Fatalf("office = %v", o)
	}
}

func TestExportAccountsAndAudit(t *testing.T) {
	o := newOffice(t)
	var buf bytes.Buffer
	if err := o.s.ExportJSON(anonCtx, &buf); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Accounts []map[string]any `json:"accounts"`
		Audit    []map[string]any `json:"audit"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	wantAcct := sorted([]string{"id", "username", "name", "roles", "employee_id", "must_change_password", "disabled", "created"})
	if len(doc.Accounts) != 5 {
		t.Fatalf("%d accounts", len(doc.Accounts))
	}
	for _, a := range doc.Accounts {
		if got := keysOf(a); !reflect.DeepEqual(got, wantAcct) {
			t.Fatalf("account keys %v", got)
		}
	}
	pen := doc.Accounts[2]
	if pen["username"] != "penilai" || !reflect.DeepEqual(pen["roles"], []any{"Penilai", "Pegawai"}) ||
		pen["employee_id"] != float64(o.pen) || pen["must_change_password"] != true || pen["disabled"] != false {
		t.Fatalf("penilai exported as %v", pen)
	}
	wantAudit := sorted([]string{"id", "time", "account_id", "account", "action", "entity", "entity_id", "employee_id", "summary"})
	es, _ := o.s.Audit(systemCtx, AuditFilter{})
	if len(doc.Audit) != len(es) || len(es) == 0 {
		t.Fatalf("%d audit entries exported, %d stored", len(doc.Audit), len(es))
	}
	for i, e := range doc.Audit {
		if got := keysOf(e); !reflect.DeepEqual(got, wantAudit) {
			t.Fatalf("audit keys %v", got)
		}
		if e["id"] != float64(i+1) { // oldest first
			t.Fatalf("audit %d has id %v", i, e["id"])
		}
		if _, ok := e["summary"].([]any); !ok {
			t.Fatalf("summary %#v is not a list", e["summary"])
		}
	}
	assertNoSecrets(t, o.s, rolePassword)
}

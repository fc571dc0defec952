package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"asndesk/domain"
	"asndesk/domain/demo"

	bolt "go.etcd.io/bbolt"
)

// skpOffice is the office of authz_test.go with an approved SKP of sub1,
// a realisasi with a file bukti, a dialog and a final evaluation.
func skpOffice(t *testing.T) (o *office, skp, work, bukti uint64) {
	t.Helper()
	o = newOffice(t)
	s, peg, pen := o.s, o.ctx["pegawai"], o.ctx["penilai"]
	skp = approvedSKP(t, s, peg, pen, o.sub1)
	rhk := mustFile(t, s, peg, skp).SKP.RHK[0].ID
	var err error
	if work, err = s.SaveWork(peg, domain.PeriodWork{SKPID: skp, RHKID: rhk, Period: 1, Realisasi: "Selesai"}); err != nil {
		t.Fatal(err)
	}
	if bukti, err = s.AddBukti(peg, skp, work, domain.Bukti{Kind: domain.BuktiFile, Name: "a.pdf", Contents: buktiBytes(500)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveDialog(pen, domain.Dialog{SKPID: skp, Date: date(2025, 2, 1), Kind: domain.DialogCoaching}); err != nil {
		t.Fatal(err)
	}
	ev, err := s.SaveEvaluasi(pen, domain.Evaluasi{SKPID: skp, Kind: domain.EvalPeriodik, Period: 1,
		RatingHasil: domain.Sesuai, RatingPerilaku: domain.Sesuai})
	if err != nil {
		t.Fatal(err)
	}
	mustDo(t, s.FinalizeEvaluasi(pen, skp, ev))
	assertClean(t, s)
	return o, skp, work, bukti
}

func TestCheckSKP(t *testing.T) {
	cases := []struct {
		name string
		fn   func(tx *bolt.Tx, skp, work, bukti uint64) error
		want string
	}{
		{"missing row", func(tx *bolt.Tx, skp, _, _ uint64) error {
			return tx.Bucket(bucketSKPRows).Delete(idKey(skp))
		}, "SKP #1 (Pegawai 3) tidak punya baris daftar SKP."},
		{"stale row", func(tx *bolt.Tx, skp, _, _ uint64) error {
			r, _ := decodeSKPRow(skp, tx.Bucket(bucketSKPRows).Get(idKey(skp)))
			r.Periodik = nil // the final evaluation no longer shows
			return tx.Bucket(bucketSKPRows).Put(idKey(skp), encodeSKPRow(r))
		}, "Baris daftar SKP #1 (Pegawai 3) tidak sesuai dengan SKP-nya."},
		{"orphan row", func(tx *bolt.Tx, _, _, _ uint64) error {
			return tx.Bucket(bucketSKPRows).Put(idKey(50), encodeSKPRow(domain.SKPRow{SKPID: 50, Year: 2025}))
		}, "Baris daftar SKP #50 tidak punya SKP."},
		{"missing index", func(tx *bolt.Tx, skp, _, _ uint64) error {
			return tx.Bucket(bucketSKPEmp).Delete(skpEmpKey(3, 2025, skp))
		}, "SKP #1 (Pegawai 3) tidak ada di indeks SKP pegawai."},
		{"dangling index", func(tx *bolt.Tx, _, _, _ uint64) error {
			return tx.Bucket(bucketSKPEmp).Put(skpEmpKey(3, 2025, 77), indexValue)
		}, "Indeks SKP pegawai menunjuk SKP #77 yang tidak ada."},
		{"wrong index", func(tx *bolt.Tx, skp, _, _ uint64) error {
			return tx.Bucket(bucketSKPEmp).Put(skpEmpKey(4, 2024, skp), indexValue)
		}, "Indeks SKP pegawai mencatat SKP #1 untuk pegawai #4 tahun 2024"},
		{"item of a missing SKP", func(tx *bolt.Tx, _, _, _ uint64) error {
			v, _ := encodeFeedback(domain.Feedback{ID: 90, SKPID: 9, Text: "x"})
			return tx.Bucket(bucketSKPItems).Put(skpItemKey(9, itemFeedback, 90), v)
		}, "Data umpan balik #90 merujuk SKP #9 yang tidak ada."},
		{"unreadable item", func(tx *bolt.Tx, skp, work, _ uint64) error {
			return tx.Bucket(bucketSKPItems).Put(skpItemKey(skp, itemWork, work), []byte(`{"v":9}`))
		}, "Data realisasi #1 pada SKP #1 tidak dapat dibaca"},
		{"orphan bytes", func(tx *bolt.Tx, _, _, _ uint64) error {
			return tx.Bucket(bucketBukti).Put(idKey(40), []byte("sisa"))
		}, "Berkas bukti #40 tersimpan tetapi tidak dipakai oleh realisasi mana pun."},
		{"missing bytes", func(tx *bolt.Tx, _, _, bukti uint64) error {
			return tx.Bucket(bucketBukti).Delete(idKey(bukti))
		}, "Berkas bukti #1 (a.pdf, SKP #1) tidak ada di berkas data."},
		{"changed bytes", func(tx *bolt.Tx, _, _, bukti uint64) error {
			return tx.Bucket(bucketBukti).Put(idKey(bukti), buktiBytes(499))
		}, "Berkas bukti #1 (a.pdf, SKP #1) berubah atau rusak"},
		{"SKP of a missing employee", func(tx *bolt.Tx, skp, _, _ uint64) error {
			return tx.Bucket(bucketEmployees).Delete(idKey(3))
		}, "SKP #1 merujuk pegawai #3 yang tidak ada."},
		{"sequence", func(tx *bolt.Tx, _, _, _ uint64) error {
			return tx.Bucket(bucketSKP).SetSequence(0)
		}, "Nomor urut SKP (0) lebih kecil dari ID terbesar (1)."},
		{"unreadable settings", func(tx *bolt.Tx, _, _, _ uint64) error {
			return tx.Bucket(bucketSettings).Put(settingsSKP, []byte("{"))
		}, "Pengaturan kinerja tidak dapat dibaca"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o, skp, work, bukti := skpOffice(t)
			tamper(t, o.s, func(tx *bolt.Tx) error { return c.fn(tx, skp, work, bukti) })
			wantProblem(t, o.s, c.want)
		})
	}
}

// TestMigrateV4ToV5 turns a current file into the schema-4 layout (the
// schema-5 buckets removed, schema 4 recorded: what a schema-4 build
// left), then opens it.
func TestMigrateV4ToV5(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.db")
	s := openAt(t, path, testOptions())
	setupOffice(t, s, "Kecamatan Lama", "Sekretariat")
	admin := loginCtx(t, s, "admin", testAdminPassword)
	e := testEmployee(1)
	e.UnitID = 1
	emp, err := s.CreateEmployee(admin, e)
	if err != nil {
		t.Fatal(err)
	}
	tamper(t, s, func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketSKP, bucketSKPRows, bucketSKPEmp, bucketSKPItems, bucketBukti, bucketSKPOrg,
			bucketMeritInst, bucketMerit} {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(metaSchema, u64Value(4))
	})
	mustDo(t, s.Close())

	opts := testOptions()
	opts.Now = func() time.Time { return time.Date(2025, 3, 4, 5, 6, 7, 0, time.Local) }
	s = openAt(t, path, opts)

	// The backup is the schema-4 file.
	backup := path + fmt.Sprintf(".pre-v%d-20250304-050607.bak", SchemaVersion)
	bdb, err := bolt.Open(backup, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatalf("backup: %v", err)
	}
	bdb.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(metaSchema); !bytes.Equal(v, u64Value(4)) {
			t.Errorf("backup schema %x", v)
		}
		if tx.Bucket(bucketSKP) != nil || tx.Bucket(bucketBukti) != nil {
			t.Error("backup already has schema-5 buckets")
		}
		return nil
	})
	bdb.Close()

	s.db.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketSKP, bucketSKPRows, bucketSKPEmp, bucketSKPItems, bucketBukti, bucketSKPOrg} {
			if tx.Bucket(name) == nil {
				t.Errorf("bucket %s missing", name)
			}
		}
		if v, _ := parseID(tx.Bucket(bucketMeta).Get(metaSchema)); v != SchemaVersion {
			t.Errorf("schema %d", v)
		}
		return nil
	})
	admin = loginCtx(t, s, "admin", testAdminPassword)
	es, err := s.Audit(admin, AuditFilter{Entity: EntityDatabase})
	if err != nil || len(es) != 2 || es[1].Summary[0] != "skema: v4 → v5 (SKP, dialog kinerja, evaluasi, bukti dukung)" ||
		es[1].Account != "sistem:pembaruan skema" {
		t.Fatalf("audit %+v %v", es, err)
	}
	// The office works on: default settings, a first SKP.
	if set, err := s.SKPSettings(anonCtx); err != nil || set.Frequency != domain.Triwulanan {
		t.Fatalf("settings %+v %v", set, err)
	}
	id := mustCreateSKP(t, s, admin, emp, 2025, 0)
	if f := mustFile(t, s, admin, id); f.SKP.Pegawai.Unit != "Sekretariat" {
		t.Fatalf("skp %+v", f.SKP)
	}
	assertClean(t, s)

	// Reopening neither migrates nor backs up again.
	mustDo(t, s.Close())
	openAt(t, path, testOptions())
	if backups, _ := filepath.Glob(path + ".pre-*"); len(backups) != 1 {
		t.Fatalf("backups: %v", backups)
	}
	if _, err := os.Stat(backup); err != nil {
		t.Fatal(err)
	}
}

// demoKinerja is a small performance cycle for the demo office: the
// pegawai login's SKP (approved, with work, bukti, feedback, dialogs,
// evaluations and an earlier version), a returned one and a submitted
// one, and the unit's predikat.
func demoKinerja(peg, pen, other uint64, unit uint64) domain.KinerjaDemo {
	plan := func(id, emp uint64, st domain.SKPStatus) domain.SKP {
		sk := twoRHK(domain.SKP{ID: id, EmployeeID: emp, Year: 2025, Status: st})
		sk.RHK[0].ID, sk.RHK[0].Indikator[0].ID, sk.RHK[0].Indikator[1].ID = 1, 2, 3
		sk.RHK[1].ID, sk.RHK[1].Indikator[0].ID = 4, 5
		return sk
	}
	main := plan(10, peg, domain.SKPDisetujui)
	main.Revision = 1
	main.Penilai = domain.PersonSnapshot{EmployeeID: pen} // the rest is filled in from the profile
	old := plan(10, peg, domain.SKPDisetujui)
	old.RHK[0].Text = "Versi lama"
	returned := plan(0, other, domain.SKPDikembalikan)
	returned.ReturnNote = "Lengkapi indikator"
	return domain.KinerjaDemo{
		SKPs: []domain.SKP{main, returned, plan(0, pen, domain.SKPDiajukan)},
		Work: []domain.PeriodWork{{ID: 100, SKPID: 10, RHKID: 1, Period: 1, RencanaAksi: "Menyusun laporan", Realisasi: "Selesai",
			Bukti: []domain.Bukti{{Kind: domain.BuktiFile, Name: "laporan.pdf", Contents: buktiBytes(800)},
				{Kind: domain.BuktiReferensi, Name: "Nota dinas", Ref: "ND/1/2025"}}}},
		Feedback: []domain.Feedback{{SKPID: 10, Target: domain.FeedbackTarget{RHKID: 1}, AuthorID: pen, Text: "Bagus."},
			{SKPID: 10, Target: domain.FeedbackTarget{RHKID: 1}, AuthorID: peg, Text: "Terima kasih.", ReplyTo: 0}},
		Dialogs: []domain.Dialog{{SKPID: 10, Date: date(2025, 1, 15), Kind: domain.DialogKlarifikasi, NextDate: date(2025, 4, 15),
			Kesepakatan: []domain.Kesepakatan{{Text: "Susun jadwal"}}}},
		Evals: []domain.Evaluasi{{SKPID: 10, Kind: domain.EvalPeriodik, Period: 1, RatingHasil: domain.DiAtas,
			RatingPerilaku: domain.Sesuai, Final: true}},
		Org:       []domain.OrgRating{{Year: 2025, UnitID: unit, Predikat: domain.OrgBaik}},
		Revisions: []domain.SKPRevision{{SKPID: 10, Revision: 0, Reason: "Penyesuaian", SKP: old}},
	}
}

func TestLoadDemoKinerja(t *testing.T) {
	s, _ := openTestStore(t)
	o, nodes, emps, rws := generatedOffice()
	mustDo(t, s.LoadDemoOffice(anonCtx, o, nodes, emps, rws))
	peg := loginCtx(t, s, "pegawai", DemoPassword)
	pen := loginCtx(t, s, "penilai", DemoPassword)
	pegID, penID := domain.ActorFrom(peg).EmployeeID, domain.ActorFrom(pen).EmployeeID
	var other uint64
	for _, e := range emps {
		if e.ID != pegID && e.ID != penID && e.Status.Active() {
			other = e.ID
			break
		}
	}
	k := demoKinerja(pegID, penID, other, nodes[0].ID)

	// Not as a Pegawai.
	wantForbidden(t, s.LoadDemoKinerja(peg, k))
	mustDo(t, s.LoadDemoKinerja(anonCtx, k))
	assertClean(t, s)

	f := mustFile(t, s, peg, 10)
	if f.SKP.Status != domain.SKPDisetujui || f.SKP.Pegawai.EmployeeID != pegID || f.SKP.Pegawai.Nama == "" ||
		f.SKP.Penilai.EmployeeID != penID || f.SKP.RHK[1].ID != 4 || f.SKP.NextRHKID != 5 {
		t.Fatalf("skp %+v", f.SKP)
	}
	if len(f.Work) != 1 || f.Work[0].ID != 100 || len(f.Work[0].Bukti) != 2 || len(f.Feedback) != 2 || !f.Feedback[1].ByPegawai ||
		f.Feedback[0].AuthorName == "" || len(f.Dialogs) != 1 || len(f.Evals) != 1 || !f.Evals[0].Final ||
		f.Evals[0].Predikat != domain.Baik || len(f.Revisions) != 1 || f.Revisions[0].SKP.RHK[0].Text != "Versi lama" {
		t.Fatalf("file %+v", f)
	}
	b, err := s.BuktiFile(peg, 10, 100, f.Work[0].Bukti[0].ID)
	if err != nil || !bytes.Equal(b.Contents, buktiBytes(800)) {
		t.Fatalf("bukti %v", err)
	}
	rows, err := s.SKPRows(bg, 2025)
	if err != nil || len(rows) != 3 {
		t.Fatalf("rows %+v %v", rows, err)
	}
	if rows[0].SKPID != 10 || rows[0].Periodik[1] != domain.Baik || rows[0].NextDialog != date(2025, 4, 15) {
		t.Fatalf("row %+v", rows[0])
	}
	// Later writes get fresh ids.
	dlg, err := s.SaveDialog(pen, domain.Dialog{SKPID: 10, Date: date(2025, 4, 15), Kind: domain.DialogUmpanBalik})
	if err != nil || dlg <= 100 {
		t.Fatalf("dialog id %d %v", dlg, err)
	}
	if f := mustFile(t, s, pen, 10); len(f.Dialogs[1].Kesepakatan) != 1 || f.Dialogs[1].Kesepakatan[0].Carried != 1 {
		t.Fatalf("carried %+v", f.Dialogs[1])
	}
	assertClean(t, s)

	// Once is enough.
	wantCode(t, s.LoadDemoKinerja(anonCtx, k), domain.ECONFLICT)
	// Resetting the demo office wipes the cycle too.
	mustDo(t, s.ResetOffice(bg))
	s.db.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketSKP, bucketSKPRows, bucketSKPEmp, bucketSKPItems, bucketBukti, bucketSKPOrg} {
			if k, _ := tx.Bucket(name).Cursor().First(); k != nil {
				t.Errorf("%s not empty after reset", name)
			}
		}
		return nil
	})
	assertClean(t, s)

	// A real office is refused.
	s2, _ := openTestStore(t)
	setupOffice(t, s2, "Dinas Nyata")
	wantCode(t, s2.LoadDemoKinerja(bg, k), domain.EINVALID)
	// A broken record refuses the whole load.
	s3, _ := openTestStore(t)
	mustDo(t, s3.LoadDemoOffice(anonCtx, o, nodes, emps, rws))
	bad := demoKinerja(pegID, penID, other, nodes[0].ID)
	bad.Work[0].RHKID = 99
	err = s3.LoadDemoKinerja(bg, bad)
	wantCode(t, err, domain.EINVALID)
	if !strings.Contains(err.Error(), "realisasi #100") {
		t.Fatalf("error %v", err)
	}
	if rows, _ := s3.SKPRows(bg, 0); len(rows) != 0 {
		t.Fatalf("half loaded: %d rows", len(rows))
	}
}

// generatedOffice is a small generated demo office.
func generatedOffice() (domain.Office, []domain.UnitNode, []domain.Employee, []domain.Riwayat) {
	return demo.GenerateOffice(40, 1)
}

func TestExportKinerja(t *testing.T) {
	o, skp, work, bukti := skpOffice(t)
	s := o.s
	mustDo(t, s.SetOrgRating(o.ctx["pimpinan"], domain.OrgRating{Year: 2025, UnitID: o.unit, Predikat: domain.OrgIstimewa}))
	mustDo(t, s.SKPAction(o.ctx["pegawai"], skp, domain.ActRevise, "Tambah RHK"))
	var buf bytes.Buffer
	mustDo(t, s.ExportJSON(bg, &buf))
	var doc struct {
		SKPSettings map[string]any   `json:"skp_settings"`
		SKP         []map[string]any `json:"skp"`
		Org         []map[string]any `json:"predikat_organisasi"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SKPSettings["frekuensi"] != "Triwulanan" || doc.SKPSettings["bukti_max_bytes"] != float64(5<<20) {
		t.Fatalf("settings %v", doc.SKPSettings)
	}
	if len(doc.SKP) != 1 || len(doc.Org) != 1 || doc.Org[0]["predikat"] != "Istimewa" {
		t.Fatalf("skp %d, org %v", len(doc.SKP), doc.Org)
	}
	x := doc.SKP[0]
	if x["id"] != float64(skp) || x["status"] != "Draft" || x["pendekatan"] != "Kuantitatif" || x["periode_mulai"] != "2025-01-01" {
		t.Fatalf("plan %v", x)
	}
	if got := keysOf(x); !reflect.DeepEqual(got, sorted([]string{"id", "employee_id", "year", "periode_mulai",
		"periode_selesai", "pendekatan", "status", "pegawai", "penilai", "atasan_penilai", "rhk", "ekspektasi", "lampiran",
		"catatan_dikembalikan", "revisi", "alasan_revisi", "diajukan", "disetujui", "created", "updated", "realisasi",
		"umpan_balik", "dialog_kinerja", "evaluasi", "versi_sebelumnya"})) {
		t.Fatalf("keys %v", got)
	}
	rhk := x["rhk"].([]any)[0].(map[string]any)
	if rhk["kategori"] != "Utama" || rhk["indikator"].([]any)[0].(map[string]any)["aspek"] != "Kuantitas" {
		t.Fatalf("rhk %v", rhk)
	}
	if e := x["ekspektasi"].([]any); len(e) != 7 || e[0].(map[string]any)["nilai"] != "Berorientasi Pelayanan" {
		t.Fatalf("ekspektasi %v", e)
	}
	w := x["realisasi"].([]any)[0].(map[string]any)
	b := w["bukti"].([]any)[0].(map[string]any)
	if w["id"] != float64(work) || b["id"] != float64(bukti) || b["jenis"] != "Berkas" || len(b["sha256"].(string)) != 64 ||
		b["ukuran"] != float64(500) {
		t.Fatalf("realisasi %v", w)
	}
	ev := x["evaluasi"].([]any)[0].(map[string]any)
	if ev["predikat"] != "Baik" || ev["nama_periode"] != "Triwulan I" || ev["final"] != true || ev["angka_kredit"] != "" {
		t.Fatalf("evaluasi %v", ev)
	}
	if v := x["versi_sebelumnya"].([]any); len(v) != 1 || v[0].(map[string]any)["alasan"] != "Tambah RHK" {
		t.Fatalf("versi %v", v)
	}
	// Empty lists are [], never null.
	if l := x["lampiran"].(map[string]any); l["konsekuensi"] == nil || x["umpan_balik"] == nil {
		t.Fatalf("null list: %v / %v", l, x["umpan_balik"])
	}
	if bytes.Contains(buf.Bytes(), []byte(buktiMarker)) {
		t.Fatal("bukti bytes in the export")
	}
}

// TestLoadGeneratedKinerja loads the demo office and its generated
// performance cycle as the application does, and checks the result.
func TestLoadGeneratedKinerja(t *testing.T) {
	s, _ := openTestStore(t)
	o, nodes, emps, rws := demo.GenerateOffice(demo.DefaultEmployees, 1)
	mustDo(t, s.LoadDemoOffice(anonCtx, o, nodes, emps, rws))
	today := domain.DateOf(s.now())
	m, err := s.AtasanMap(bg, today.Year)
	if err != nil {
		t.Fatal(err)
	}
	lines := map[uint64]domain.AtasanEntry{}
	for _, e := range m {
		lines[e.EmployeeID] = e
	}
	atasan := func(id uint64) (uint64, uint64) { return lines[id].AtasanID, lines[id].AtasanPenilaiID }
	k := demo.GenerateKinerja(nodes, emps, atasan, today)
	if len(k.SKPs) == 0 {
		t.Fatal("nothing generated")
	}
	mustDo(t, s.LoadDemoKinerja(bg, k))
	assertClean(t, s)

	rows, err := s.SKPRows(bg, 0)
	if err != nil || len(rows) != len(k.SKPs) {
		t.Fatalf("%d rows for %d SKPs (%v)", len(rows), len(k.SKPs), err)
	}
	status := map[domain.SKPStatus]int{}
	final := 0
	for _, r := range rows {
		status[r.Status]++
		if r.Predikat != "" {
			final++
		}
	}
	if len(status) != 4 || final == 0 {
		t.Fatalf("statuses %v, %d with an annual predikat", status, final)
	}
	// Every SKP opens, as its pegawai's penilai would see it.
	for _, r := range rows {
		f := mustFile(t, s, bg, r.SKPID)
		if f.SKP.Pegawai.Nama == "" {
			t.Fatalf("SKP %d without pegawai", r.SKPID)
		}
	}
	if got, _ := s.OrgRatings(bg, today.Year-1); len(got) == 0 {
		t.Fatal("no predikat organisasi last year")
	}
	// The demo logins see what their roles allow.
	peg, pen := loginCtx(t, s, "pegawai", DemoPassword), loginCtx(t, s, "penilai", DemoPassword)
	pegRows, err := s.SKPRows(peg, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range pegRows {
		if r.EmployeeID != domain.ActorFrom(peg).EmployeeID {
			t.Fatalf("pegawai sees SKP %d of #%d", r.SKPID, r.EmployeeID)
		}
	}
	penRows, err := s.SKPRows(pen, 0)
	if err != nil || len(penRows) <= 1 {
		t.Fatalf("penilai sees %d SKPs (%v)", len(penRows), err)
	}
}

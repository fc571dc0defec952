package store

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"asndesk/assets"
	"asndesk/domain"
	"asndesk/domain/demo"

	"filippo.io/age"
	bolt "go.etcd.io/bbolt"
)

const paketPass = "frasa-sandi-paket"

// fastScrypt makes passphrase packets quick to open in tests.
func fastScrypt(t testing.TB) {
	prev := scryptLogN
	scryptLogN = 10
	t.Cleanup(func() { scryptLogN = prev })
}

// paketSource is the demo office with its performance cycle and merit
// assessments, as the application loads it.
func paketSource(t testing.TB) *Store {
	t.Helper()
	fastScrypt(t)
	s, _ := openTestStore(t)
	o, nodes, emps, rws := generatedOffice()
	mustDo(t, s.LoadDemoOffice(anonCtx, o, nodes, emps, rws))
	today := domain.DateOf(s.now())
	m, err := s.AtasanMap(bg, today.Year)
	mustDo(t, err)
	lines := map[uint64]domain.AtasanEntry{}
	for _, e := range m {
		lines[e.EmployeeID] = e
	}
	k := demo.GenerateKinerja(nodes, emps, func(id uint64) (uint64, uint64) {
		return lines[id].AtasanID, lines[id].AtasanPenilaiID
	}, today)
	mustDo(t, s.LoadDemoKinerja(bg, k))
	ids, err := s.DemoAccountIDs(bg)
	mustDo(t, err)
	for _, raw := range assets.Instruments() {
		in, err := domain.ParseInstrument(raw)
		mustDo(t, err)
		if in.ID == "KASN-2019-LEGACY" {
			mustDo(t, s.LoadDemoMerit(bg, demo.GenerateMerit(nodes, ids, in, today)))
		}
	}
	assertClean(t, s)
	return s
}

// busiestYear is the year with the most SKPs.
func busiestYear(t testing.TB, s *Store) int {
	rows, err := s.SKPRows(bg, 0)
	mustDo(t, err)
	n := map[int]int{}
	best := 0
	for _, r := range rows {
		n[r.Year]++
		if n[r.Year] > n[best] {
			best = r.Year
		}
	}
	if best == 0 {
		t.Fatal("no SKP in the demo")
	}
	return best
}

func createPaket(t testing.TB, s *Store, slice PaketSlice) ([]byte, PaketManifest) {
	t.Helper()
	var buf bytes.Buffer
	man, err := s.CreatePaket(bg, slice, &buf, paketPass, nil)
	mustDo(t, err)
	return buf.Bytes(), man
}

func preview(t testing.TB, s *Store, raw []byte) PaketPlan {
	t.Helper()
	plan, err := s.PreviewPaket(bg, bytes.NewReader(raw), paketPass, "")
	mustDo(t, err)
	return plan
}

func statuses(p PaketPlan) map[string]int {
	out := map[string]int{}
	for _, it := range p.Items {
		out[it.Status.String()]++
	}
	return out
}

// exportDoc is the part of ExportJSON the round trip compares.
type exportDoc struct {
	Units     []map[string]any `json:"units"`
	Employees []map[string]any `json:"employees"`
	Riwayat   []map[string]any `json:"riwayat"`
	SKP       []map[string]any `json:"skp"`
	Merit     []map[string]any `json:"merit"`
}

func exportOf(t *testing.T, s *Store) exportDoc {
	t.Helper()
	var buf bytes.Buffer
	mustDo(t, s.ExportJSON(bg, &buf))
	var d exportDoc
	mustDo(t, json.Unmarshal(buf.Bytes(), &d))
	return d
}

// sameRecord is a record in export shape without the keys that are ids of
// one data file (they differ between sender and receiver by design), as
// canonical JSON.
func sameRecord(x any, drop ...string) string {
	var strip func(v any) any
	strip = func(v any) any {
		switch t := v.(type) {
		case map[string]any:
			out := map[string]any{}
			for k, x := range t {
				if !slices.Contains(drop, k) {
					out[k] = strip(x)
				}
			}
			return out
		case []any:
			out := make([]any, len(t))
			for i, x := range t {
				out[i] = strip(x)
			}
			return out
		}
		return v
	}
	b, _ := json.Marshal(strip(x))
	return string(b)
}

var dataFileIDs = []string{"id", "employee_id", "unit_id", "skp_id", "intervensi_skp_id", "membalas_id",
	"dibawa_dari_dialog", "penulis_id", "atasan_id", "tim", "koordinator", "verifikator"}

func records(list []map[string]any, keep func(map[string]any) bool) []string {
	var out []string
	for _, r := range list {
		if keep == nil || keep(r) {
			out = append(out, sameRecord(r, dataFileIDs...))
		}
	}
	sort.Strings(out)
	return out
}

func sameLists(t *testing.T, what string, a, b []string) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("%s: %d records before, %d after", what, len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("%s differ:\nbefore %s\nafter  %s", what, a[i], b[i])
		}
	}
}

func newReceiver(t testing.TB) *Store {
	t.Helper()
	s, _ := openTestStore(t)
	setupOffice(t, s, "BKPSDM Kabupaten Uji", "Bidang Mutasi")
	return s
}

// TestPaketKinerjaRoundTrip: export JSON before the packet is made, merge
// it into another data file, export there: the year's SKPs (with
// everything under them) and the employees they name are the same records.
func TestPaketKinerjaRoundTrip(t *testing.T) {
	src := paketSource(t)
	year := busiestYear(t, src)
	before := exportOf(t, src)
	raw, man := createPaket(t, src, PaketSlice{Kind: domain.PaketKinerja, Year: year})
	if man.Format != PaketFormat || man.Version != 1 || man.Office == "" || man.Kind != domain.PaketKinerja ||
		man.Year != year || man.Counts["skp"] == 0 || man.Counts["pegawai"] == 0 {
		t.Fatalf("manifest %+v", man)
	}
	if bytes.Contains(raw, []byte("SKP")) || !bytes.HasPrefix(raw, []byte("age-encryption.org/v1\n-> scrypt ")) {
		t.Fatal("packet is not encrypted with a passphrase")
	}
	// Making a packet changes nothing at the sender.
	same := exportOf(t, src)
	sameLists(t, "sender's skp", records(before.SKP, nil), records(same.SKP, nil))
	sameLists(t, "sender's employees", records(before.Employees, nil), records(same.Employees, nil))
	got, err := VerifyPaket(bytes.NewReader(raw), paketPass, "")
	mustDo(t, err)
	if len(got.Parts) != len(man.Parts) || got.Parts[0].SHA256 != man.Parts[0].SHA256 {
		t.Fatalf("verify manifest %+v", got)
	}

	dst := newReceiver(t)
	plan := preview(t, dst, raw)
	if st := statuses(plan); st["Baru"] == 0 || st["Berbeda"]+st["Lebih baru di sini"]+st["Sama"] != 0 {
		t.Fatalf("first preview %v", st)
	}
	sum, err := dst.ApplyPaket(bg, plan, nil)
	mustDo(t, err)
	if sum.Added != len(plan.Items) || sum.Replaced != 0 || sum.KeptLocal != 0 {
		t.Fatalf("summary %+v for %d items", sum, len(plan.Items))
	}
	assertClean(t, dst)
	after := exportOf(t, dst)
	inYear := func(r map[string]any) bool { return r["year"] == float64(year) }
	sameLists(t, "skp", records(before.SKP, inYear), records(after.SKP, nil))
	nips := map[any]bool{}
	for _, e := range after.Employees {
		nips[e["nip"]] = true
	}
	if len(nips) != man.Counts["pegawai"] {
		t.Fatalf("%d employees arrived, manifest says %d", len(nips), man.Counts["pegawai"])
	}
	sameLists(t, "employees", records(before.Employees, func(r map[string]any) bool { return nips[r["nip"]] }),
		records(after.Employees, nil))

	// The same packet again: everything is Sama and nothing is written.
	again := preview(t, dst, raw)
	if st := statuses(again); st["Sama"] != len(again.Items) {
		var diffs []string
		for _, it := range again.Items {
			if it.Status != domain.PaketSama {
				diffs = append(diffs, fmt.Sprintf("%s %s %+v", it.Status, it.Label, it.Diffs))
			}
		}
		t.Fatalf("second preview %v:\n%s", st, strings.Join(diffs, "\n"))
	}
	sum, err = dst.ApplyPaket(bg, again, nil)
	mustDo(t, err)
	if sum.Added != 0 || sum.Same != len(again.Items) {
		t.Fatalf("second apply %+v", sum)
	}
	sameLists(t, "skp after a second merge", records(after.SKP, nil), records(exportOf(t, dst).SKP, nil))
	assertClean(t, dst)
}

func TestPaketPegawaiConflicts(t *testing.T) {
	src := paketSource(t)
	before := exportOf(t, src)
	raw, man := createPaket(t, src, PaketSlice{Kind: domain.PaketPegawai})
	if man.Counts["pegawai"] != len(before.Employees) || man.Counts["riwayat"] != len(before.Riwayat) {
		t.Fatalf("counts %v for %d employees, %d riwayat", man.Counts, len(before.Employees), len(before.Riwayat))
	}
	dst := newReceiver(t)
	plan := preview(t, dst, raw)
	_, err := dst.ApplyPaket(bg, plan, nil)
	mustDo(t, err)
	assertClean(t, dst)
	after := exportOf(t, dst)
	sameLists(t, "employees", records(before.Employees, nil), records(after.Employees, nil))
	sameLists(t, "riwayat", records(before.Riwayat, nil), records(after.Riwayat, nil))
	unitNames := func(d exportDoc) []string {
		var out []string
		for _, u := range d.Units {
			out = append(out, u["name"].(string))
		}
		sort.Strings(out)
		return out
	}
	for _, n := range unitNames(before) {
		if !slices.Contains(unitNames(after), n) {
			t.Fatalf("unit %s not created (have %v)", n, unitNames(after))
		}
	}

	// A local change is a conflict; it stays unless taken.
	rows, err := dst.ListRows(bg)
	mustDo(t, err)
	e, err := dst.Employee(bg, rows[0].ID)
	mustDo(t, err)
	e.Alamat = "Jl. Diubah di Kabupaten No. 1"
	mustDo(t, dst.UpdateEmployee(bg, e))
	plan = preview(t, dst, raw)
	key := "pegawai|" + e.NIP
	var it domain.PaketItem
	for _, x := range plan.Items {
		if x.Key == key {
			it = x
		}
	}
	if !it.Status.Conflict() || len(it.Diffs) != 1 || it.Diffs[0].Field != "Alamat" ||
		it.Diffs[0].Old != "Jl. Diubah di Kabupaten No. 1" {
		t.Fatalf("conflict %+v", it)
	}
	if it.Status != domain.PaketLebihBaru {
		t.Fatalf("local change made after the packet: %s", it.Status)
	}
	if n := plan.Count(domain.PaketSama); n != len(plan.Items)-1 {
		t.Fatalf("%d Sama of %d", n, len(plan.Items))
	}
	sum, err := dst.ApplyPaket(bg, plan, nil)
	mustDo(t, err)
	if sum.KeptLocal != 1 || sum.Replaced != 0 {
		t.Fatalf("summary %+v", sum)
	}
	if got, _ := dst.Employee(bg, e.ID); got.Alamat != e.Alamat {
		t.Fatalf("local change overwritten: %q", got.Alamat)
	}
	sum, err = dst.ApplyPaket(bg, plan, map[string]bool{key: true})
	mustDo(t, err)
	if sum.Replaced != 1 {
		t.Fatalf("summary %+v", sum)
	}
	if got, _ := dst.Employee(bg, e.ID); got.Alamat == e.Alamat {
		t.Fatal("the packet's version was not taken")
	}
	assertClean(t, dst)
	es, err := dst.Audit(bg, AuditFilter{Entity: EntityEmployee, Employee: e.ID})
	mustDo(t, err)
	found := false
	for _, x := range es {
		found = found || x.Action == domain.ActionImport && slices.Contains(x.Summary, "versi paket dipakai menggantikan data di sini") &&
			slices.Contains(x.Summary, `Alamat: «Jl. Diubah di Kabupaten No. 1» → «`+it.Diffs[0].New+`»`)
	}
	if !found {
		t.Fatalf("no audit entry of the taken conflict in %+v", es)
	}
}

func TestPaketMeritWithEvidence(t *testing.T) {
	src := paketSource(t)
	list, err := src.MeritAssessments(bg)
	mustDo(t, err)
	var as domain.MeritAssessment
	for _, a := range list {
		if a.Stage != domain.StageFinal {
			as = a
		}
	}
	if as.ID == 0 {
		t.Fatal("no demo assessment in progress")
	}
	// Two answers cite the same file: the packet holds it once.
	in, err := src.Instrument(bg, as.InstrumentID, as.InstrumentVersion)
	mustDo(t, err)
	merit := loginCtx(t, src, "merit", DemoPassword)
	for _, x := range in.Indicators[:2] {
		_, err := src.AddMeritEvidence(merit, as.ID, x.Code, domain.Bukti{Kind: domain.BuktiFile, Name: "sk-tim.pdf",
			Contents: buktiBytes(900)})
		mustDo(t, err)
	}
	before := exportOf(t, src)
	raw, man := createPaket(t, src, PaketSlice{Kind: domain.PaketMerit, MeritID: as.ID})
	if man.Counts["merit"] != 1 || man.Counts["bukti"] != 1 {
		t.Fatalf("counts %v", man.Counts)
	}
	dst := newReceiver(t)
	plan := preview(t, dst, raw)
	sum, err := dst.ApplyPaket(bg, plan, nil)
	mustDo(t, err)
	if sum.Bukti != 2 {
		t.Fatalf("summary %+v", sum)
	}
	assertClean(t, dst)
	after := exportOf(t, dst)
	one := func(r map[string]any) bool { return r["id"] == float64(as.ID) }
	sameLists(t, "merit", records(before.Merit, one), records(after.Merit, nil))
	// The evidence bytes arrived and verify.
	got, err := dst.MeritAssessments(bg)
	mustDo(t, err)
	for code, x := range got[0].Answers {
		for _, b := range x.Evidence {
			if b.Kind != domain.BuktiFile {
				continue
			}
			f, err := dst.MeritEvidenceFile(bg, got[0].ID, code, b.ID)
			mustDo(t, err)
			if sha256Hex(f.Contents) != b.SHA256 {
				t.Fatal("evidence changed on the way")
			}
		}
	}
	if got[0].Origin == "" {
		t.Fatal("origin not kept")
	}
	// Again: matched by origin, Sama.
	if st := statuses(preview(t, dst, raw)); st["Sama"] != len(plan.Items) {
		t.Fatalf("second preview %v", st)
	}
	// Sent back to where it came from: the same assessment, Sama.
	if st := statuses(preview(t, src, raw)); st["Sama"] != len(plan.Items) {
		t.Fatalf("back home %v", st)
	}
}

func TestPaketRecipientKeys(t *testing.T) {
	src := paketSource(t)
	id, rcpt, err := GeneratePaketKey()
	mustDo(t, err)
	if !strings.HasPrefix(id, "AGE-SECRET-KEY-") || !strings.HasPrefix(rcpt, "age1") {
		t.Fatalf("key %q %q", id, rcpt)
	}
	other, _, _ := GeneratePaketKey()
	var buf bytes.Buffer
	_, err = src.CreatePaket(bg, PaketSlice{Kind: domain.PaketPegawai, UnitID: 1}, &buf, "", []string{rcpt})
	mustDo(t, err)
	if _, err := VerifyPaket(bytes.NewReader(buf.Bytes()), "", "# kunci\n"+id+"\n"); err != nil {
		t.Fatal(err)
	}
	_, err = VerifyPaket(bytes.NewReader(buf.Bytes()), "", other)
	wantMessage(t, err, msgPaketWrongKey)
	_, err = VerifyPaket(bytes.NewReader(buf.Bytes()), "", "")
	wantMessage(t, err, msgPaketNeedKey)
	_, err = VerifyPaket(bytes.NewReader(buf.Bytes()), "", "bukan kunci")
	wantCode(t, err, domain.EINVALID)

	_, err = src.CreatePaket(bg, PaketSlice{Kind: domain.PaketPegawai}, &buf, "x", []string{rcpt})
	wantMessage(t, err, "Pilih salah satu: frasa sandi atau kunci penerima, bukan keduanya.")
	_, err = src.CreatePaket(bg, PaketSlice{Kind: domain.PaketPegawai}, &buf, "", nil)
	wantMessage(t, err, "Paket harus dikunci: isi frasa sandi atau kunci penerima (age1…).")
	_, err = src.CreatePaket(bg, PaketSlice{Kind: domain.PaketPegawai}, &buf, "", []string{"age1salah"})
	wantCode(t, err, domain.EINVALID)
	_, err = src.CreatePaket(bg, PaketSlice{Kind: domain.PaketKinerja}, &buf, paketPass, nil)
	wantMessage(t, err, "Pilih tahun kinerja yang akan dimasukkan ke paket (2000–2100).")
	_, err = src.CreatePaket(bg, PaketSlice{Kind: domain.PaketKinerja, Year: 2001}, &buf, paketPass, nil)
	wantMessage(t, err, "Tidak ada SKP tahun 2001 untuk dimasukkan ke paket.")
	_, err = src.CreatePaket(bg, PaketSlice{Kind: domain.PaketMerit, MeritID: 999}, &buf, paketPass, nil)
	wantCode(t, err, domain.ENOTFOUND)
	peg := loginCtx(t, src, "pegawai", DemoPassword)
	_, err = src.CreatePaket(peg, PaketSlice{Kind: domain.PaketPegawai}, &buf, paketPass, nil)
	wantCode(t, err, domain.EFORBIDDEN)
}

func TestPaketBadFiles(t *testing.T) {
	src := paketSource(t)
	raw, _ := createPaket(t, src, PaketSlice{Kind: domain.PaketPegawai, UnitID: 1})

	_, err := VerifyPaket(bytes.NewReader(raw), "salah", "")
	wantMessage(t, err, msgPaketWrongPass)
	_, err = VerifyPaket(bytes.NewReader(raw), "", "")
	wantMessage(t, err, msgPaketNeedPass)

	flipped := bytes.Clone(raw)
	flipped[len(flipped)/2] ^= 0x40
	_, err = VerifyPaket(bytes.NewReader(flipped), paketPass, "")
	wantMessage(t, err, msgPaketDamaged)
	_, err = VerifyPaket(bytes.NewReader(raw[:len(raw)-100]), paketPass, "")
	wantMessage(t, err, msgPaketDamaged)

	_, err = VerifyPaket(strings.NewReader("NIP,NAMA\n1,Budi\n"), paketPass, "")
	wantMessage(t, err, msgPaketNotPaket)

	// Built by hand: a part that does not match its hash is named.
	data := []byte(`{"units":[],"employees":[]}`)
	man := manifestJSON{Format: PaketFormat, Version: 1, Created: "2025-01-31T09:00:00+07:00", Office: "Dinas Lain",
		Slice: sliceJSON{Isi: domain.PaketPegawai}, Parts: []partJSON{{Name: paketDataName, Size: int64(len(data)),
			SHA256: sha256Hex([]byte("isi lain"))}}}
	_, err = VerifyPaket(bytes.NewReader(handPaket(t, man, map[string][]byte{paketDataName: data})), paketPass, "")
	wantMessage(t, err, "Bagian data.json rusak atau diubah: sidik SHA-256-nya tidak cocok dengan manifes.")

	man.Parts[0].SHA256 = sha256Hex(data)
	blob := []byte("bukti palsu")
	_, err = VerifyPaket(bytes.NewReader(handPaket(t, man, map[string][]byte{paketDataName: data,
		"bukti/" + sha256Hex(blob): blob})), paketPass, "")
	wantMessage(t, err, "Paket berisi bagian bukti/"+sha256Hex(blob)+" yang tidak tercantum di manifes; paket ini sudah diubah.")

	man.Format = "lain"
	_, err = VerifyPaket(bytes.NewReader(handPaket(t, man, map[string][]byte{paketDataName: data})), paketPass, "")
	wantMessage(t, err, msgPaketNotPaket)
	man.Format, man.Version = PaketFormat, 2
	_, err = VerifyPaket(bytes.NewReader(handPaket(t, man, map[string][]byte{paketDataName: data})), paketPass, "")
	wantCode(t, err, domain.ESCHEMA)

	// A plan made for one data file is not applied to another.
	plan := preview(t, src, raw)
	dst := newReceiver(t)
	_, err = dst.ApplyPaket(bg, plan, nil)
	wantCode(t, err, domain.EINVALID)
	_, err = dst.ApplyPaket(bg, PaketPlan{}, nil)
	wantMessage(t, err, "Periksa paketnya lebih dulu, lalu terapkan.")
}

// handPaket encrypts a zip of man and files with paketPass.
func handPaket(t *testing.T, man manifestJSON, files map[string][]byte) []byte {
	t.Helper()
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	m, _ := json.Marshal(man)
	w, _ := zw.Create(paketManifestName)
	w.Write(m)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, _ := zw.Create(n)
		w.Write(files[n])
	}
	mustDo(t, zw.Close())
	r, err := age.NewScryptRecipient(paketPass)
	mustDo(t, err)
	r.SetWorkFactor(10)
	var out bytes.Buffer
	aw, err := age.Encrypt(&out, r)
	mustDo(t, err)
	aw.Write(zbuf.Bytes())
	mustDo(t, aw.Close())
	return out.Bytes()
}

var _ = context.Background

// TestPaketSKPConflict: an SKP changed here is a conflict with the
// field-level difference; it stays unless taken, and taking it replaces
// the SKP whole (plan and items) without leaving anything behind.
func TestPaketSKPConflict(t *testing.T) {
	src := paketSource(t)
	year := busiestYear(t, src)
	raw, _ := createPaket(t, src, PaketSlice{Kind: domain.PaketKinerja, Year: year})
	dst := newReceiver(t)
	_, err := dst.ApplyPaket(bg, preview(t, dst, raw), nil)
	mustDo(t, err)
	rows, err := dst.SKPRows(bg, year)
	mustDo(t, err)
	var f domain.SKPFile
	for _, r := range rows {
		if r.RHKCount > 0 && r.Predikat != "" {
			f = mustFile(t, dst, bg, r.SKPID)
			break
		}
	}
	if f.SKP.ID == 0 || len(f.Work) == 0 {
		t.Fatal("no rated SKP with realisasi")
	}
	// Changed here (as a revision would): written directly, later than the packet.
	sk := f.SKP
	sk.RHK = cloneRHK(sk.RHK)
	old := sk.RHK[0].Text
	sk.RHK[0].Text = "Diubah oleh tim kabupaten"
	sk.Updated = dst.stamp()
	mustDo(t, dst.db.Update(func(tx *bolt.Tx) error { return putSKP(tx, sk, &f.SKP) }))

	plan := preview(t, dst, raw)
	var it domain.PaketItem
	for _, x := range plan.Items {
		if x.Status.Conflict() {
			if it.Key != "" {
				t.Fatalf("two conflicts: %s and %s", it.Label, x.Label)
			}
			it = x
		}
	}
	if it.Status != domain.PaketLebihBaru || len(it.Diffs) != 1 || it.Diffs[0].Field != "RHK 1 › Rencana hasil kerja" ||
		it.Diffs[0].Old != "Diubah oleh tim kabupaten" || it.Diffs[0].New != old {
		t.Fatalf("conflict %+v", it)
	}
	_, err = dst.ApplyPaket(bg, plan, nil)
	mustDo(t, err)
	if got := mustFile(t, dst, bg, sk.ID); got.SKP.RHK[0].Text != "Diubah oleh tim kabupaten" {
		t.Fatal("local SKP overwritten")
	}
	sum, err := dst.ApplyPaket(bg, plan, map[string]bool{it.Key: true})
	mustDo(t, err)
	if sum.Replaced != 1 {
		t.Fatalf("summary %+v", sum)
	}
	got := mustFile(t, dst, bg, sk.ID)
	if got.SKP.RHK[0].Text != old || len(got.Work) != len(f.Work) || len(got.Feedback) != len(f.Feedback) {
		t.Fatalf("taken SKP: %q, %d work, %d feedback", got.SKP.RHK[0].Text, len(got.Work), len(got.Feedback))
	}
	assertClean(t, dst)
	if st := statuses(preview(t, dst, raw)); st["Sama"] != len(plan.Items) {
		t.Fatalf("after taking: %v", st)
	}

	// A periode changed here still finds its SKP: a conflict on the dates,
	// not a second, overlapping SKP.
	got.SKP.Start = got.SKP.Start.AddDays(14)
	got.SKP.Updated = dst.stamp()
	prev := mustFile(t, dst, bg, sk.ID).SKP
	mustDo(t, dst.db.Update(func(tx *bolt.Tx) error { return putSKP(tx, got.SKP, &prev) }))
	plan = preview(t, dst, raw)
	var moved []domain.PaketItem
	for _, x := range plan.Items {
		if x.Status.Conflict() {
			moved = append(moved, x)
		}
	}
	if len(moved) != 1 || moved[0].Diffs[0].Field != "Periode mulai" || plan.Count(domain.PaketBaru) != 0 {
		t.Fatalf("moved periode: %+v", moved)
	}
	_, err = dst.ApplyPaket(bg, plan, map[string]bool{moved[0].Key: true})
	mustDo(t, err)
	assertClean(t, dst)
}

// TestPaketOneUnit: a unit's slice merges, and merges again as Sama, even
// where an RHK intervenes an SKP of another unit that did not come along.
func TestPaketOneUnit(t *testing.T) {
	src := paketSource(t)
	year := busiestYear(t, src)
	dst := newReceiver(t)
	units, err := src.Units(bg)
	mustDo(t, err)
	for _, u := range units {
		raw, man := createPaket(t, src, PaketSlice{Kind: domain.PaketKinerja, Year: year, UnitID: u.ID})
		if man.Unit != u.Name {
			t.Fatalf("manifest unit %q", man.Unit)
		}
		_, err := dst.ApplyPaket(bg, preview(t, dst, raw), nil)
		mustDo(t, err)
		if st := statuses(preview(t, dst, raw)); st["Sama"] != st["Sama"]+st["Baru"]+st["Berbeda"]+st["Lebih baru di sini"] {
			t.Fatalf("unit %s again: %v", u.Name, st)
		}
	}
	assertClean(t, dst)
	raw, _ := createPaket(t, src, PaketSlice{Kind: domain.PaketPegawai, UnitID: units[0].ID})
	plan := preview(t, dst, raw)
	if plan.Count(domain.PaketBaru) == 0 {
		t.Fatal("the unit's riwayat should be new here")
	}
	_, err = dst.ApplyPaket(bg, plan, nil)
	mustDo(t, err)
	assertClean(t, dst)
}

// BenchmarkPaket measures a year's kinerja packet of the demo office:
// making it, and previewing it against a data file that already holds it
// (every record compared).
func BenchmarkPaket(b *testing.B) {
	src := paketSource(b)
	year := busiestYear(b, src)
	raw, man := createPaket(b, src, PaketSlice{Kind: domain.PaketKinerja, Year: year})
	dst := newReceiver(b)
	if _, err := dst.ApplyPaket(bg, preview(b, dst, raw), nil); err != nil {
		b.Fatal(err)
	}
	b.Run(fmt.Sprintf("create/skp=%d", man.Counts["skp"]), func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			if _, err := src.CreatePaket(bg, PaketSlice{Kind: domain.PaketKinerja, Year: year}, &buf, paketPass, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run(fmt.Sprintf("preview/skp=%d", man.Counts["skp"]), func(b *testing.B) {
		for b.Loop() {
			preview(b, dst, raw)
		}
	})
}

// employeeByNIP finds the employee of nip in s.
func employeeByNIP(t *testing.T, s *Store, nip string) domain.Employee {
	t.Helper()
	rows, err := s.ListRows(bg)
	mustDo(t, err)
	for _, r := range rows {
		e, err := s.Employee(bg, r.ID)
		mustDo(t, err)
		if e.NIP == nip {
			return e
		}
	}
	t.Fatalf("no employee with NIP %s", nip)
	return domain.Employee{}
}

// riwayatOf is an employee's riwayat in export shape, without ids.
func riwayatOf(t *testing.T, s *Store, id uint64) []string {
	t.Helper()
	return records(exportOf(t, s).Riwayat, func(r map[string]any) bool { return r["employee_id"] == float64(id) })
}

// TestPaketRiwayatFollowEmployee is the newcomer review's case: an
// employee changed here (IV/c, another jabatan) and at the sender (IV/a,
// Kepala Seksi Pemerintahan). Merging without taking leaves the profile
// and its riwayat here as they are; the preview shows the packet's new
// entries under the employee, not as "Baru". Taking the employee takes
// the profile with its riwayat, and the data stays consistent; so does
// taking every conflict where the riwayat here is newer.
func TestPaketRiwayatFollowEmployee(t *testing.T) {
	src := paketSource(t)
	raw, _ := createPaket(t, src, PaketSlice{Kind: domain.PaketPegawai})
	dst := newReceiver(t)
	_, err := dst.ApplyPaket(bg, preview(t, dst, raw), nil)
	mustDo(t, err)

	// Here: Willy to IV/c, Sekretaris Kecamatan Lama; Silvia to IV/c
	// (riwayat here newer than the packet's). Two PNS whose riwayat
	// allow a change dated today.
	var pns []domain.Employee
	rows, err := dst.ListRows(bg)
	mustDo(t, err)
	for _, r := range rows {
		e, err := dst.Employee(bg, r.ID)
		mustDo(t, err)
		if len(pns) == 2 || e.Kind != domain.KindPNS || !e.Status.Active() || e.Golongan == "" ||
			e.Golongan == "IV/a" || e.Golongan == "IV/c" {
			continue
		}
		x := e
		x.Golongan = "IV/c"
		if len(pns) == 0 {
			x.NamaJabatan = "Sekretaris Kecamatan Lama"
		}
		if dst.UpdateEmployee(bg, x) == nil {
			pns = append(pns, e)
		}
	}
	if len(pns) < 2 {
		t.Fatal("the demo needs two PNS")
	}
	willy, silvia := pns[0], pns[1]
	// At the sender: Willy to IV/a, Kepala Seksi Pemerintahan.
	sw := employeeByNIP(t, src, willy.NIP)
	sw.Golongan, sw.NamaJabatan = "IV/a", "Kepala Seksi Pemerintahan"
	mustDo(t, src.UpdateEmployee(bg, sw))
	raw, _ = createPaket(t, src, PaketSlice{Kind: domain.PaketPegawai})

	localW, localS := employeeByNIP(t, dst, willy.NIP), employeeByNIP(t, dst, silvia.NIP)
	rwW, rwS := riwayatOf(t, dst, willy.ID), riwayatOf(t, dst, silvia.ID)
	plan := preview(t, dst, raw)
	byKey := map[string]domain.PaketItem{}
	for _, it := range plan.Items {
		byKey[it.Key] = it
		if it.Status == domain.PaketBaru {
			t.Errorf("Baru in a packet of people all here: %s", it.Label)
		}
	}
	w := byKey["pegawai|"+willy.NIP]
	var texts []string
	for _, d := range w.Diffs {
		texts = append(texts, d.Text())
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"Golongan: «IV/c» → «IV/a»", "Nama jabatan: «Sekretaris Kecamatan Lama» → «Kepala Seksi Pemerintahan»",
		"Riwayat pangkat/golongan IV/a, TMT ", ": ditambahkan dari paket"} {
		if !w.Status.Conflict() || !strings.Contains(all, want) {
			t.Fatalf("Willy's item %s lacks %q:\n%s", w.Status, want, all)
		}
	}
	if strings.Contains(all, "_") || regexp.MustCompile(`\d{4}-\d\d-\d\d`).MatchString(all) {
		t.Fatalf("raw keys or ISO dates in the preview:\n%s", all)
	}
	s := byKey["pegawai|"+silvia.NIP]
	if !s.Status.Conflict() || s.Diffs[0].Text() != "Golongan: «IV/c» → «"+silvia.Golongan+"»" {
		t.Fatalf("Silvia's item %+v", s)
	}
	if last := s.Diffs[len(s.Diffs)-1].Text(); !strings.HasPrefix(last, "Riwayat pangkat/golongan IV/c, TMT ") ||
		!strings.HasSuffix(last, ": hanya ada di sini, dihapus agar profil mengikuti versi paket") {
		t.Fatalf("Silvia's newer entry here: %q", last)
	}

	// Nothing taken: nothing of theirs changes.
	sum, err := dst.ApplyPaket(bg, plan, nil)
	mustDo(t, err)
	if sum.Added != 0 || sum.Replaced != 0 || sum.KeptLocal != 2 {
		t.Fatalf("summary %+v", sum)
	}
	for _, c := range []struct {
		before domain.Employee
		rw     []string
	}{{localW, rwW}, {localS, rwS}} {
		got := employeeByNIP(t, dst, c.before.NIP)
		if got.Golongan != c.before.Golongan || got.NamaJabatan != c.before.NamaJabatan || got.UnitID != c.before.UnitID {
			t.Fatalf("%s changed without a choice: %s %s → %s %s", got.Nama, c.before.Golongan, c.before.NamaJabatan,
				got.Golongan, got.NamaJabatan)
		}
		sameLists(t, "riwayat of "+got.Nama, c.rw, riwayatOf(t, dst, got.ID))
	}
	assertClean(t, dst)

	// Every conflict taken: the packet's people, consistent.
	take := map[string]bool{}
	for _, it := range plan.Items {
		if it.Status.Conflict() {
			take[it.Key] = true
		}
	}
	sum, err = dst.ApplyPaket(bg, preview(t, dst, raw), take)
	mustDo(t, err)
	if sum.Replaced != 2 {
		t.Fatalf("summary %+v", sum)
	}
	assertClean(t, dst)
	if got := employeeByNIP(t, dst, willy.NIP); got.Golongan != "IV/a" || got.NamaJabatan != "Kepala Seksi Pemerintahan" {
		t.Fatalf("Willy taken: %s %s", got.Golongan, got.NamaJabatan)
	}
	if got := employeeByNIP(t, dst, silvia.NIP); got.Golongan != silvia.Golongan {
		t.Fatalf("Silvia taken: %s, packet %s", got.Golongan, silvia.Golongan)
	}
	// And the packet again: all Sama.
	if st := statuses(preview(t, dst, raw)); st["Berbeda"]+st["Lebih baru di sini"]+st["Baru"] != 0 {
		t.Fatalf("after taking: %v", st)
	}
}

// TestPaketFileNeverOverwrites: a second packet to the same name goes to
// "name (2).paket", as prints do; the first file is untouched.
func TestPaketFileNeverOverwrites(t *testing.T) {
	src := paketSource(t)
	dir := t.TempDir()
	slice := PaketSlice{Kind: domain.PaketPegawai}
	m1, err := src.CreatePaketFile(bg, slice, filepath.Join(dir, "paket pegawai"), paketPass, nil)
	mustDo(t, err)
	first, err := os.ReadFile(m1.File)
	mustDo(t, err)
	m2, err := src.CreatePaketFile(bg, slice, filepath.Join(dir, "paket pegawai.paket"), paketPass, nil)
	mustDo(t, err)
	if m1.File != filepath.Join(dir, "paket pegawai.paket") || m2.File != filepath.Join(dir, "paket pegawai (2).paket") {
		t.Fatalf("written to %q and %q", m1.File, m2.File)
	}
	if again, _ := os.ReadFile(m1.File); !bytes.Equal(first, again) {
		t.Fatal("the first packet was overwritten")
	}
	if _, err := VerifyPaketFile(m2.File, paketPass, ""); err != nil {
		t.Fatal(err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".asndesk-paket-*"))
	if len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}

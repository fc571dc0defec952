package store

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// testInstrument is a small valid instrument: two aspects of weight 50,
// three indicators, levels 1–4, total 100–400 in three bands.
func testInstrument(version string) domain.Instrument {
	return domain.Instrument{ID: "UJI-MERIT", Version: version, Title: "Instrumen uji", Regulation: "uji",
		Status: domain.InstrumentDraf, Notice: "bukan instrumen resmi",
		Aspects: []domain.MeritAspect{{Code: "A", Name: "Perencanaan", Weight: 50}, {Code: "B", Name: "Pengadaan", Weight: 50}},
		Indicators: []domain.MeritIndicator{{Code: "A.1", Aspect: "A", Text: "Ada rencana kebutuhan", Help: "Susun rencana"},
			{Code: "A.2", Aspect: "A", Text: "Rencana ditetapkan"}, {Code: "B.1", Aspect: "B", Text: "Pengadaan terbuka"}},
		Levels: []domain.MeritLevel{{Value: 1, Label: "Belum"}, {Value: 2, Label: "Sebagian"}, {Value: 3, Label: "Sudah"},
			{Value: 4, Label: "Unggul"}},
		Score: domain.ScoreRule{WeightTotal: 100, Min: 100, Max: 400},
		Categories: []domain.MeritCategory{{Code: "I", Label: "Kurang", Min: 100, MaxExcl: 200},
			{Code: "II", Label: "Baik", Min: 200, MaxExcl: 300}, {Code: "III", Label: "Sangat baik", Min: 300, MaxExcl: 400}},
		Index: domain.IndexRule{Formula: domain.IndexNone}}
}

func instrumentFile(t testing.TB, in domain.Instrument) []byte {
	t.Helper()
	b, err := domain.MarshalInstrument(in)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// meritOffice is the office of authz_test.go with a second Tim Merit
// account ("merit2") and a verifikator ("verif", a Pegawai), the test
// instrument imported, and an assessment of 2025 for the instansi made by
// "merit" (team merit + merit2, verifikator verif).
type meritTestOffice struct {
	*office
	id                   uint64
	merit, merit2, verif uint64 // account ids
}

func newMeritOffice(t *testing.T) *meritTestOffice {
	t.Helper()
	o := &meritTestOffice{office: newOffice(t)}
	s, admin := o.s, o.ctx["admin"]
	e := testEmployee(6)
	e.UnitID = o.unit
	verifEmp, err := s.CreateEmployee(admin, e)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []domain.Account{
		{Username: "merit2", Roles: []domain.Role{domain.RoleTimMerit}, EmployeeID: o.sub2},
		{Username: "verif", Roles: []domain.Role{domain.RolePegawai}, EmployeeID: verifEmp},
	} {
		id, err := s.CreateAccount(admin, a, rolePassword)
		if err != nil {
			t.Fatalf("CreateAccount(%s): %v", a.Username, err)
		}
		acc, _ := s.Account(admin, id)
		o.accts[a.Username] = acc
		o.ctx[a.Username] = loginCtx(t, s, a.Username, rolePassword)
	}
	o.merit, o.merit2, o.verif = o.accts["merit"].ID, o.accts["merit2"].ID, o.accts["verif"].ID
	if _, err := s.ImportInstrument(o.ctx["merit"], instrumentFile(t, testInstrument("1"))); err != nil {
		t.Fatal(err)
	}
	o.id, err = s.CreateMeritAssessment(o.ctx["merit"], domain.MeritAssessment{Year: 2025, InstrumentID: "UJI-MERIT",
		InstrumentVersion: "1"})
	if err != nil {
		t.Fatal(err)
	}
	mustDo(t, s.SaveMeritTeam(o.ctx["merit"], o.id, []uint64{o.merit, o.merit2}, o.merit, []uint64{o.verif}))
	return o
}

func mustMerit(t testing.TB, s *Store, ctx context.Context, id uint64) domain.MeritAssessment {
	t.Helper()
	a, err := s.MeritAssessment(ctx, id)
	if err != nil {
		t.Fatalf("MeritAssessment(%d): %v", id, err)
	}
	return a
}

// refusedNoWrite runs a write that must fail with code and checks that the
// file is unchanged, audit trail included.
func refusedNoWrite(t *testing.T, s *Store, name, code string, write func() error) {
	t.Helper()
	var buf bytes.Buffer
	snap := func() []byte {
		buf.Reset()
		if err := s.ExportJSON(systemCtx, &buf); err != nil {
			t.Fatal(err)
		}
		b := buf.Bytes()
		i := bytes.Index(b, []byte(`"exported_at"`))
		j := bytes.IndexByte(b[i:], '\n')
		return append(append([]byte{}, b[:i]...), b[i+j:]...)
	}
	before := snap()
	err := write()
	if err == nil {
		t.Fatalf("%s: allowed", name)
	}
	if domain.ErrorCode(err) != code {
		t.Fatalf("%s: %v, want %s", name, err, code)
	}
	if after := snap(); !bytes.Equal(before, after) {
		t.Fatalf("%s: refused write changed the file", name)
	}
}

func meritAudit(t *testing.T, s *Store) []domain.AuditEntry {
	t.Helper()
	es, err := s.Audit(systemCtx, AuditFilter{Entity: EntityMerit})
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func TestMeritInstruments(t *testing.T) {
	o := newOffice(t)
	s, merit, peg, admin := o.s, o.ctx["merit"], o.ctx["pegawai"], o.ctx["admin"]

	shipped, err := s.Instruments(peg)
	if err != nil {
		t.Fatal(err)
	}
	if len(shipped) < 2 {
		t.Fatalf("shipped instruments %d", len(shipped))
	}
	ids := map[string]bool{}
	for _, in := range shipped {
		ids[in.ID] = true
	}
	if !ids["KASN-2019-LEGACY"] || !ids["PANRB-19-2025"] {
		t.Fatalf("shipped %v", ids)
	}

	raw := instrumentFile(t, testInstrument("1"))
	// Not for a Pegawai.
	refusedNoWrite(t, s, "pegawai import", domain.EFORBIDDEN, func() error {
		_, err := s.ImportInstrument(peg, raw)
		return err
	})
	in, err := s.ImportInstrument(merit, raw)
	if err != nil || in.ID != "UJI-MERIT" || in.Version != "1" || len(in.Indicators) != 3 {
		t.Fatalf("import %+v %v", in, err)
	}
	got, err := s.Instrument(peg, "UJI-MERIT", "1")
	if err != nil || got.Title != "Instrumen uji" {
		t.Fatalf("instrument %+v %v", got, err)
	}
	all, _ := s.Instruments(peg)
	if len(all) != len(shipped)+1 || all[len(all)-1].ID != "UJI-MERIT" {
		t.Fatalf("all %d", len(all))
	}
	// Stored exactly as imported.
	s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeritInst).Get(instKey("UJI-MERIT", "1")); !bytes.Equal(v, raw) {
			t.Errorf("stored %q", v)
		}
		return nil
	})
	if n := len(meritAudit(t, s)); n != 1 {
		t.Fatalf("audit %d", n)
	}

	// The same file again (even re-indented) changes nothing.
	var compact bytes.Buffer
	json.Compact(&compact, raw)
	refusedOrSame := exportSnapshot(t, s)
	if _, err := s.ImportInstrument(admin, compact.Bytes()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(refusedOrSame, exportSnapshot(t, s)) {
		t.Fatal("re-import of the same content wrote")
	}

	// A changed file under the same version is refused.
	changed := testInstrument("1")
	changed.Indicators[0].Text = "Teks lain"
	refusedNoWrite(t, s, "changed same version", domain.ECONFLICT, func() error {
		_, err := s.ImportInstrument(merit, instrumentFile(t, changed))
		return err
	})
	_, err = s.ImportInstrument(merit, instrumentFile(t, changed))
	wantMessage(t, err, "Instrumen UJI-MERIT versi 1 sudah diimpor dengan isi yang berbeda. Isi satu versi tidak boleh "+
		"berubah, karena penilaian yang memakainya akan berubah nilainya. Beri nomor versi baru pada berkas (kunci \"version\") "+
		"lalu impor lagi.")
	// As a new version it is welcome.
	changed.Version = "2"
	if _, err := s.ImportInstrument(merit, instrumentFile(t, changed)); err != nil {
		t.Fatal(err)
	}
	if v1, _ := s.Instrument(peg, "UJI-MERIT", "1"); v1.Indicators[0].Text != "Ada rencana kebutuhan" {
		t.Fatal("version 1 changed")
	}

	// A shipped id+version with other content is refused; the same content
	// is accepted and not stored.
	ship := shipped[0]
	if _, err := s.ImportInstrument(merit, instrumentFile(t, ship)); err != nil {
		t.Fatalf("shipped again: %v", err)
	}
	ship.Title = "Diubah"
	_, err = s.ImportInstrument(merit, instrumentFile(t, ship))
	wantCode(t, err, domain.ECONFLICT)
	wantMessageContains(t, err, "sudah dibawa asndesk dengan isi yang berbeda")

	// A broken file names the problem.
	_, err = s.ImportInstrument(merit, []byte(`{"id": "X",`))
	wantCode(t, err, domain.EINVALID)
	_, err = s.Instrument(peg, "UJI-MERIT", "9")
	wantCode(t, err, domain.ENOTFOUND)
	assertClean(t, s)
}

func wantMessageContains(t *testing.T, err error, frag string) {
	t.Helper()
	if !strings.Contains(domain.ErrorMessage(err), frag) {
		t.Fatalf("message %q does not contain %q", domain.ErrorMessage(err), frag)
	}
}

func TestMeritCreate(t *testing.T) {
	o := newOffice(t)
	s, merit, peg, admin := o.s, o.ctx["merit"], o.ctx["pegawai"], o.ctx["admin"]
	mustDo(t, func() error { _, err := s.ImportInstrument(merit, instrumentFile(t, testInstrument("1"))); return err }())
	as := domain.MeritAssessment{Year: 2025, InstrumentID: "UJI-MERIT", InstrumentVersion: "1"}

	// A Pegawai without the Tim Merit role may not start one.
	refusedNoWrite(t, s, "pegawai create", domain.EFORBIDDEN, func() error {
		_, err := s.CreateMeritAssessment(peg, as)
		return err
	})
	// Unknown instrument or version.
	for _, bad := range []domain.MeritAssessment{
		{Year: 2025, InstrumentID: "TIDAK-ADA", InstrumentVersion: "1"},
		{Year: 2025, InstrumentID: "UJI-MERIT", InstrumentVersion: "7"},
		{Year: 1990, InstrumentID: "UJI-MERIT", InstrumentVersion: "1"},
		{Year: 2025, UnitID: 99, InstrumentID: "UJI-MERIT", InstrumentVersion: "1"},
	} {
		refusedNoWrite(t, s, "bad create", domain.EINVALID, func() error {
			_, err := s.CreateMeritAssessment(merit, bad)
			return err
		})
	}

	// The creator becomes koordinator and member; whatever else was sent
	// does not count.
	sent := as
	sent.Stage = domain.StageFinal
	sent.Answers = map[string]domain.MeritAnswer{"A.1": {Level: 4}}
	sent.Actions = []domain.MeritAction{{ID: 5, Indicator: "A.1", Text: "x"}}
	id, err := s.CreateMeritAssessment(merit, sent)
	if err != nil {
		t.Fatal(err)
	}
	got := mustMerit(t, s, merit, id)
	mid := o.accts["merit"].ID
	if got.Stage != domain.StageMandiri || len(got.Answers) != 0 || len(got.Actions) != 0 || got.Koordinator != mid ||
		len(got.Team) != 1 || got.Team[0] != mid || got.Created.IsZero() {
		t.Fatalf("created %+v", got)
	}
	// One per year, unit and instrument id (whatever the version).
	refusedNoWrite(t, s, "duplicate", domain.ECONFLICT, func() error {
		_, err := s.CreateMeritAssessment(admin, as)
		return err
	})
	// Another unit is another assessment; Admin may create with an empty team.
	other := as
	other.UnitID = o.unit
	id2, err := s.CreateMeritAssessment(admin, other)
	if err != nil {
		t.Fatal(err)
	}
	if a := mustMerit(t, s, admin, id2); len(a.Team) != 0 || a.Koordinator != 0 {
		t.Fatalf("admin's %+v", a)
	}
	// A team member must hold the Tim Merit role.
	pegAcct := o.accts["pegawai"].ID
	refusedNoWrite(t, s, "team without role", domain.EINVALID, func() error {
		return s.SaveMeritTeam(admin, id2, []uint64{pegAcct}, pegAcct, nil)
	})
	refusedNoWrite(t, s, "koordinator outside the team", domain.EINVALID, func() error {
		return s.SaveMeritTeam(admin, id2, []uint64{mid}, 77, nil)
	})
	refusedNoWrite(t, s, "pegawai sets team", domain.EFORBIDDEN, func() error {
		return s.SaveMeritTeam(peg, id2, []uint64{mid}, mid, nil)
	})

	// Visibility: the team, Admin, Pimpinan see it; another Pegawai does not.
	if _, err := s.MeritAssessment(peg, id); domain.ErrorCode(err) != domain.EFORBIDDEN {
		t.Fatalf("pegawai view: %v", err)
	}
	if l, err := s.MeritAssessments(peg); err != nil || len(l) != 0 {
		t.Fatalf("pegawai list %d %v", len(l), err)
	}
	if l, err := s.MeritAssessments(o.ctx["pimpinan"]); err != nil || len(l) != 2 {
		t.Fatalf("pimpinan list %d %v", len(l), err)
	}
	if l, err := s.MeritAssessments(merit); err != nil || len(l) != 1 || l[0].ID != id {
		t.Fatalf("merit list %+v %v", l, err)
	}
	es := meritAudit(t, s)
	if len(es) != 3 || es[0].EntityID != id2 || es[1].EntityID != id || es[1].Action != domain.ActionCreate ||
		!strings.HasPrefix(es[1].Summary[0], "penilaian merit 2025 #1: instansi (UJI-MERIT 1)") {
		t.Fatalf("audit %+v", es)
	}
	assertClean(t, s)
}

func TestMeritWorkflow(t *testing.T) {
	o := newMeritOffice(t)
	s, id := o.s, o.id
	merit, merit2, verif, peg, admin := o.ctx["merit"], o.ctx["merit2"], o.ctx["verif"], o.ctx["pegawai"], o.ctx["admin"]

	// Penilaian mandiri: team members answer.
	mustDo(t, s.SaveMeritAnswer(merit2, id, "A.1", domain.MeritAnswer{Level: 3, Justification: "  Ada dokumen  "}))
	a := mustMerit(t, s, verif, id)
	if x := a.Answers["A.1"]; x.Level != 3 || x.Justification != "Ada dokumen" || x.AnsweredBy != "merit2" || x.Updated.IsZero() {
		t.Fatalf("answer %+v", x)
	}
	refusedNoWrite(t, s, "pegawai answers", domain.EFORBIDDEN, func() error {
		return s.SaveMeritAnswer(peg, id, "A.1", domain.MeritAnswer{Level: 2})
	})
	refusedNoWrite(t, s, "verifikator answers in Mandiri", domain.EFORBIDDEN, func() error {
		return s.SaveMeritAnswer(verif, id, "A.1", domain.MeritAnswer{Level: 3, Justification: "Ada dokumen", VerifiedLevel: 2})
	})
	refusedNoWrite(t, s, "team sets verified level", domain.EFORBIDDEN, func() error {
		return s.SaveMeritAnswer(merit, id, "A.1", domain.MeritAnswer{Level: 3, VerifiedLevel: 3})
	})
	refusedNoWrite(t, s, "not a level", domain.EINVALID, func() error {
		return s.SaveMeritAnswer(merit, id, "A.2", domain.MeritAnswer{Level: 2.5})
	})
	refusedNoWrite(t, s, "unknown indicator", domain.EINVALID, func() error {
		return s.SaveMeritAnswer(merit, id, "Z.9", domain.MeritAnswer{Level: 2})
	})
	// Evidence: a file and a reference.
	fileID, err := s.AddMeritEvidence(merit2, id, "A.1", domain.Bukti{Kind: domain.BuktiFile, Name: `C:\dok\rencana.pdf`,
		Contents: buktiBytes(700)})
	if err != nil {
		t.Fatal(err)
	}
	refID, err := s.AddMeritEvidence(merit, id, "B.1", domain.Bukti{Kind: domain.BuktiReferensi, Ref: "SK 800/12/2025"})
	if err != nil {
		t.Fatal(err)
	}
	// Evidence survives an answer save, which does not carry it.
	mustDo(t, s.SaveMeritAnswer(merit, id, "A.1", domain.MeritAnswer{Level: 2, Justification: "Ada dokumen"}))
	a = mustMerit(t, s, merit, id)
	if ev := a.Answers["A.1"].Evidence; len(ev) != 1 || ev[0].Name != "rencana.pdf" || ev[0].Size != 700 ||
		ev[0].SHA256 != sha256Hex(buktiBytes(700)) || ev[0].AddedBy != "merit2" || ev[0].Contents != nil {
		t.Fatalf("evidence %+v", ev)
	}
	if x := a.Answers["B.1"]; x.Level != 0 || len(x.Evidence) != 1 || x.Evidence[0].Ref != "SK 800/12/2025" {
		t.Fatalf("reference answer %+v", x)
	}
	b, err := s.MeritEvidenceFile(verif, id, "A.1", fileID)
	if err != nil || !bytes.Equal(b.Contents, buktiBytes(700)) {
		t.Fatalf("evidence file %v", err)
	}
	if _, err := s.MeritEvidenceFile(peg, id, "A.1", fileID); domain.ErrorCode(err) != domain.EFORBIDDEN {
		t.Fatalf("pegawai reads evidence: %v", err)
	}
	if _, err := s.MeritEvidenceFile(merit, id, "B.1", fileID); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("evidence under another indicator: %v", err)
	}
	refusedNoWrite(t, s, "pegawai adds evidence", domain.EFORBIDDEN, func() error {
		_, err := s.AddMeritEvidence(peg, id, "A.1", domain.Bukti{Kind: domain.BuktiReferensi, Ref: "x"})
		return err
	})

	// Advance: the koordinator only, and only when every indicator is answered.
	refusedNoWrite(t, s, "member advances", domain.EFORBIDDEN, func() error {
		return s.AdvanceMerit(merit2, id, domain.StageVerifikasi)
	})
	refusedNoWrite(t, s, "incomplete", domain.EINVALID, func() error {
		return s.AdvanceMerit(merit, id, domain.StageVerifikasi)
	})
	mustDo(t, s.SaveMeritAnswer(merit, id, "A.2", domain.MeritAnswer{Level: 1}))
	mustDo(t, s.SaveMeritAnswer(merit, id, "B.1", domain.MeritAnswer{Level: 4}))
	refusedNoWrite(t, s, "skip a stage", domain.EINVALID, func() error {
		return s.AdvanceMerit(merit, id, domain.StagePerbaikan)
	})
	mustDo(t, s.AdvanceMerit(merit, id, domain.StageVerifikasi))

	// Verifikasi: the verifikator sets verified levels, never the self level.
	refusedNoWrite(t, s, "verifier changes the self level", domain.EFORBIDDEN, func() error {
		return s.SaveMeritAnswer(verif, id, "A.1", domain.MeritAnswer{Level: 4, Justification: "Ada dokumen", VerifiedLevel: 2})
	})
	refusedNoWrite(t, s, "member verifies", domain.EFORBIDDEN, func() error {
		return s.SaveMeritAnswer(merit, id, "A.1", domain.MeritAnswer{Level: 2, Justification: "Ada dokumen", VerifiedLevel: 2})
	})
	refusedNoWrite(t, s, "evidence in Verifikasi", domain.EINVALID, func() error {
		_, err := s.AddMeritEvidence(merit, id, "A.1", domain.Bukti{Kind: domain.BuktiReferensi, Ref: "x"})
		return err
	})
	mustDo(t, s.SaveMeritAnswer(verif, id, "A.1", domain.MeritAnswer{Level: 2, Justification: "Ada dokumen",
		VerifiedLevel: 1, VerifierNote: "Dokumen belum ditetapkan"}))
	a = mustMerit(t, s, merit, id)
	if x := a.Answers["A.1"]; x.Level != 2 || x.VerifiedLevel != 1 || x.VerifierNote != "Dokumen belum ditetapkan" ||
		x.AnsweredBy != "merit" || len(x.Evidence) != 1 {
		t.Fatalf("verified %+v", x)
	}
	mustDo(t, s.AdvanceMerit(admin, id, domain.StagePerbaikan))

	// Perbaikan: the rencana perbaikan.
	mustDo(t, s.SaveMeritActions(merit2, id, []domain.MeritAction{
		{Indicator: "A.1", Text: "Tetapkan rencana kebutuhan", Owner: "Sekretariat", Due: date(2025, 9, 30)},
		{Indicator: "A.2", Text: "Sahkan dokumen"}}))
	a = mustMerit(t, s, merit, id)
	if len(a.Actions) != 2 || a.Actions[0].ID != 1 || a.Actions[1].ID != 2 || a.Actions[0].Status != domain.PlanBelum ||
		a.Actions[0].Due != date(2025, 9, 30) {
		t.Fatalf("actions %+v", a.Actions)
	}
	acts := []domain.MeritAction{a.Actions[1], {Indicator: "B.1", Text: "Baru"}}
	acts[0].Status = domain.PlanSelesai
	mustDo(t, s.SaveMeritActions(merit, id, acts))
	a = mustMerit(t, s, merit, id)
	if len(a.Actions) != 2 || a.Actions[0].ID != 2 || a.Actions[0].Status != domain.PlanSelesai || a.Actions[1].ID != 3 {
		t.Fatalf("actions after %+v", a.Actions)
	}
	refusedNoWrite(t, s, "pegawai plans", domain.EFORBIDDEN, func() error {
		return s.SaveMeritActions(peg, id, nil)
	})
	refusedNoWrite(t, s, "action of an unknown indicator", domain.EINVALID, func() error {
		return s.SaveMeritActions(merit, id, []domain.MeritAction{{Indicator: "Q", Text: "x"}})
	})
	mustDo(t, s.DeleteMeritEvidence(merit, id, "B.1", refID))
	mustDo(t, s.AdvanceMerit(merit, id, domain.StageFinal))
	a = mustMerit(t, s, merit, id)
	if a.Stage != domain.StageFinal || a.FinalBy != "merit" || a.FinalAt.IsZero() {
		t.Fatalf("final %+v", a)
	}

	// Final refuses every write.
	for name, w := range map[string]func() error{
		"answer": func() error { return s.SaveMeritAnswer(merit, id, "A.2", domain.MeritAnswer{Level: 2}) },
		"verify": func() error {
			return s.SaveMeritAnswer(verif, id, "A.2", domain.MeritAnswer{Level: 1, VerifiedLevel: 2})
		},
		"evidence": func() error {
			_, err := s.AddMeritEvidence(merit, id, "A.2", domain.Bukti{Kind: domain.BuktiReferensi, Ref: "x"})
			return err
		},
		"delete evidence": func() error { return s.DeleteMeritEvidence(merit, id, "A.1", fileID) },
		"team":            func() error { return s.SaveMeritTeam(admin, id, []uint64{o.merit}, o.merit, nil) },
		"advance":         func() error { return s.AdvanceMerit(admin, id, domain.StagePerbaikan) },
		"survey":          func() error { return s.SaveMeritSurvey(admin, id, 0.5) },
	} {
		refusedNoWrite(t, s, "final "+name, domain.ELOCKED, w)
	}
	// The rencana perbaikan is carried out after Final: it stays editable.
	mustDo(t, s.SaveMeritActions(merit, id, nil))
	// Unlock: Admin only, with a reason.
	refusedNoWrite(t, s, "koordinator unlocks", domain.EFORBIDDEN, func() error { return s.UnlockMerit(merit, id, "salah") })
	refusedNoWrite(t, s, "unlock without reason", domain.EINVALID, func() error { return s.UnlockMerit(admin, id, "  ") })
	mustDo(t, s.UnlockMerit(admin, id, "Bukti A.2 menyusul"))
	a = mustMerit(t, s, merit, id)
	if a.Stage != domain.StagePerbaikan || len(a.Unlocks) != 1 || a.Unlocks[0].Reason != "Bukti A.2 menyusul" ||
		a.Unlocks[0].By != "admin" || !a.FinalAt.IsZero() {
		t.Fatalf("unlocked %+v", a)
	}
	refusedNoWrite(t, s, "unlock twice", domain.EINVALID, func() error { return s.UnlockMerit(admin, id, "lagi") })
	mustDo(t, s.SaveMeritAnswer(merit, id, "A.2", domain.MeritAnswer{Level: 3}))

	es := meritAudit(t, s)
	actions := map[string]int{}
	for _, e := range es {
		actions[e.Action]++
		if e.Entity != EntityMerit {
			t.Fatalf("entity %q", e.Entity)
		}
	}
	if actions[domain.ActionStatus] != 3 || actions[domain.ActionUnlock] != 1 || actions[domain.ActionDelete] != 1 {
		t.Fatalf("audit actions %v", actions)
	}
	if !strings.Contains(strings.Join(es[1].Summary, "\n"), `alasan: "Bukti A.2 menyusul"`) {
		t.Fatalf("unlock audit %+v", es[1])
	}
	for _, e := range es {
		if strings.Contains(strings.Join(e.Summary, " "), buktiMarker) {
			t.Fatal("file contents in the audit trail")
		}
	}
	assertClean(t, s)
}

func TestMeritEvidenceHash(t *testing.T) {
	o := newMeritOffice(t)
	s, id, merit := o.s, o.id, o.ctx["merit"]
	bid, err := s.AddMeritEvidence(merit, id, "A.1", domain.Bukti{Kind: domain.BuktiFile, Name: "sk.pdf", Contents: buktiBytes(900)})
	if err != nil {
		t.Fatal(err)
	}
	assertClean(t, s)
	// The size limit is the SKP settings'.
	set, _ := s.SKPSettings(bg)
	set.BuktiMaxSize = minBuktiMax
	mustDo(t, s.SaveSKPSettings(o.ctx["admin"], set))
	refusedNoWrite(t, s, "too big", domain.EINVALID, func() error {
		_, err := s.AddMeritEvidence(merit, id, "A.1", domain.Bukti{Kind: domain.BuktiFile, Name: "besar.pdf",
			Contents: buktiBytes(minBuktiMax + 1)})
		return err
	})

	// One changed byte on disk: the read refuses, the check reports it.
	tamper(t, s, func(tx *bolt.Tx) error {
		b := bytes.Clone(tx.Bucket(bucketBukti).Get(idKey(bid)))
		b[100] ^= 1
		return tx.Bucket(bucketBukti).Put(idKey(bid), b)
	})
	_, err = s.MeritEvidenceFile(merit, id, "A.1", bid)
	wantCode(t, err, domain.EINTERNAL)
	wantMessage(t, err, `Berkas bukti "sk.pdf" berubah atau rusak sejak disimpan (sidik SHA-256 tidak cocok). `+
		"Jalankan pemeriksaan database dan pulihkan dari cadangan bila perlu.")
	wantProblem(t, s, "Berkas bukti #1 (sk.pdf, penilaian merit #1, indikator A.1) berubah atau rusak")

	// Deleting the evidence removes its bytes; the file is clean again.
	mustDo(t, s.DeleteMeritEvidence(merit, id, "A.1", bid))
	s.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketBukti).Get(idKey(bid)) != nil {
			t.Error("bytes left after delete")
		}
		return nil
	})
	if a := mustMerit(t, s, merit, id); len(a.Answers) != 0 {
		t.Fatalf("empty answer kept: %+v", a.Answers)
	}
	assertClean(t, s)
}

// TestBuktiShared: SKP bukti and merit evidence share the bucket and its
// ids; the orphan check knows both owners.
func TestBuktiShared(t *testing.T) {
	o, skp, work, bukti := skpOffice(t)
	s, merit := o.s, o.ctx["merit"]
	if _, err := s.ImportInstrument(merit, instrumentFile(t, testInstrument("1"))); err != nil {
		t.Fatal(err)
	}
	id, err := s.CreateMeritAssessment(merit, domain.MeritAssessment{Year: 2025, InstrumentID: "UJI-MERIT", InstrumentVersion: "1"})
	if err != nil {
		t.Fatal(err)
	}
	mb, err := s.AddMeritEvidence(merit, id, "B.1", domain.Bukti{Kind: domain.BuktiFile, Name: "m.pdf", Contents: buktiBytes(300)})
	if err != nil || mb == bukti {
		t.Fatalf("merit bukti id %d (skp %d) %v", mb, bukti, err)
	}
	assertClean(t, s)
	if b, err := s.BuktiFile(o.ctx["pegawai"], skp, work, bukti); err != nil || len(b.Contents) != 500 {
		t.Fatalf("skp bukti %v", err)
	}
	tamper(t, s, func(tx *bolt.Tx) error { return tx.Bucket(bucketBukti).Put(idKey(60), []byte("sisa")) })
	wantProblem(t, s, "Berkas bukti #60 tersimpan tetapi tidak dipakai oleh realisasi mana pun. Penilaian merit juga tidak merujuknya.")
	tamper(t, s, func(tx *bolt.Tx) error { return tx.Bucket(bucketBukti).Delete(idKey(mb)) })
	wantProblem(t, s, "(m.pdf, penilaian merit #1, indikator B.1) tidak ada di berkas data.")
}

func TestCheckMerit(t *testing.T) {
	cases := []struct {
		name string
		fn   func(tx *bolt.Tx, o *meritTestOffice) error
		want string
	}{
		{"unreadable", func(tx *bolt.Tx, o *meritTestOffice) error {
			return tx.Bucket(bucketMerit).Put(idKey(o.id), []byte(`{"v":9}`))
		}, "Penilaian merit #1 tidak dapat dibaca"},
		{"unknown instrument", func(tx *bolt.Tx, o *meritTestOffice) error {
			return tx.Bucket(bucketMeritInst).Delete(instKey("UJI-MERIT", "1"))
		}, "Penilaian merit #1 memakai instrumen UJI-MERIT versi 1 yang tidak ada."},
		{"changed instrument", func(tx *bolt.Tx, o *meritTestOffice) error {
			return tx.Bucket(bucketMeritInst).Put(instKey("UJI-MERIT", "1"), []byte(`{"id":`))
		}, "Instrumen UJI-MERIT versi 1 tidak dapat dibaca"},
		{"missing account", func(tx *bolt.Tx, o *meritTestOffice) error {
			a, _ := getMerit(tx, o.id)
			a.Verifikator = append(a.Verifikator, 404)
			return putMerit(tx, a)
		}, "Penilaian merit #1 merujuk akun #404 yang tidak ada."},
		{"answer outside the instrument", func(tx *bolt.Tx, o *meritTestOffice) error {
			a, _ := getMerit(tx, o.id)
			a.Answers = map[string]domain.MeritAnswer{"Z.1": {Level: 2}}
			return putMerit(tx, a)
		}, "Penilaian merit #1: Indikator Z.1 tidak ada di instrumen UJI-MERIT 1."},
		{"duplicate", func(tx *bolt.Tx, o *meritTestOffice) error {
			a, _ := getMerit(tx, o.id)
			a.ID = 2
			tx.Bucket(bucketMerit).SetSequence(2)
			return putMerit(tx, a)
		}, "Penilaian merit #1 dan #2 sama-sama untuk tahun 2025"},
		{"sequence", func(tx *bolt.Tx, o *meritTestOffice) error {
			return tx.Bucket(bucketMerit).SetSequence(0)
		}, "Nomor urut penilaian merit (0) lebih kecil dari ID terbesar (1)."},
		{"settings", func(tx *bolt.Tx, o *meritTestOffice) error {
			return tx.Bucket(bucketSettings).Put(settingsMerit, []byte(`{"v":1,"combine":"X"}`))
		}, "Pengaturan merit tidak dapat dibaca"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := newMeritOffice(t)
			assertClean(t, o.s)
			tamper(t, o.s, func(tx *bolt.Tx) error { return c.fn(tx, o) })
			wantProblem(t, o.s, c.want)
		})
	}
}

func TestMeritSettings(t *testing.T) {
	o := newMeritOffice(t)
	s, admin, merit := o.s, o.ctx["admin"], o.ctx["merit"]
	if set, err := s.MeritSettings(merit); err != nil || set != domain.DefaultMeritSettings() {
		t.Fatalf("default %+v %v", set, err)
	}
	refusedNoWrite(t, s, "tim merit saves settings", domain.EFORBIDDEN, func() error {
		return s.SaveMeritSettings(merit, domain.MeritSettings{Combine: domain.CombineAverage, DefaultInstrument: "UJI-MERIT"})
	})
	refusedNoWrite(t, s, "unknown instrument", domain.EINVALID, func() error {
		return s.SaveMeritSettings(admin, domain.MeritSettings{Combine: domain.CombineAverage, DefaultInstrument: "X"})
	})
	refusedNoWrite(t, s, "unknown mode", domain.EINVALID, func() error {
		return s.SaveMeritSettings(admin, domain.MeritSettings{Combine: "X", DefaultInstrument: "UJI-MERIT"})
	})
	want := domain.MeritSettings{Combine: domain.CombineAverage, DefaultInstrument: "UJI-MERIT"}
	mustDo(t, s.SaveMeritSettings(admin, want))
	if set, _ := s.MeritSettings(merit); set != want {
		t.Fatalf("saved %+v", set)
	}
	// The survey value needs an instrument with a composite rule.
	refusedNoWrite(t, s, "survey without composite", domain.EINVALID, func() error {
		return s.SaveMeritSurvey(admin, o.id, 0.5)
	})
	assertClean(t, s)
}

func TestMeritExport(t *testing.T) {
	o := newMeritOffice(t)
	s, id, merit := o.s, o.id, o.ctx["merit"]
	mustDo(t, s.SaveMeritAnswer(merit, id, "A.1", domain.MeritAnswer{Level: 3, Justification: "Ada"}))
	if _, err := s.AddMeritEvidence(merit, id, "A.1", domain.Bukti{Kind: domain.BuktiFile, Name: "a.pdf",
		Contents: buktiBytes(400)}); err != nil {
		t.Fatal(err)
	}
	mustDo(t, s.SaveMeritActions(merit, id, []domain.MeritAction{{Indicator: "A.2", Text: "Tetapkan"}}))
	var buf bytes.Buffer
	mustDo(t, s.ExportJSON(systemCtx, &buf))
	if bytes.Contains(buf.Bytes(), []byte(buktiMarker)) {
		t.Fatal("evidence bytes in the export")
	}
	var doc struct {
		MeritSettings map[string]any   `json:"merit_settings"`
		Merit         []map[string]any `json:"merit"`
		Instruments   []map[string]any `json:"instrumen_merit"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.MeritSettings["gabungan_unit"] != "Terendah" || doc.MeritSettings["instrumen_bawaan"] != "PANRB-19-2025" {
		t.Fatalf("settings %v", doc.MeritSettings)
	}
	if len(doc.Merit) != 1 {
		t.Fatalf("merit %v", doc.Merit)
	}
	m := doc.Merit[0]
	wantKeys := []string{"id", "year", "unit_id", "instrumen_id", "instrumen_versi", "tahap", "tim", "koordinator",
		"verifikator", "jawaban", "rencana_perbaikan", "survei", "indeks_dilaporkan", "buka_kunci", "final_at", "final_by",
		"created", "updated"}
	if got := keysOf(m); strings.Join(got, ",") != strings.Join(sorted(wantKeys), ",") {
		t.Fatalf("merit keys %v", got)
	}
	if m["tahap"] != "Penilaian mandiri" || m["instrumen_id"] != "UJI-MERIT" {
		t.Fatalf("merit %v", m)
	}
	ans := m["jawaban"].([]any)[0].(map[string]any)
	bk := ans["bukti"].([]any)[0].(map[string]any)
	if ans["indikator"] != "A.1" || ans["tingkat"] != 3.0 || bk["nama"] != "a.pdf" || bk["ukuran"] != 400.0 ||
		bk["sha256"] != sha256Hex(buktiBytes(400)) || bk["jenis"] != "Berkas" {
		t.Fatalf("answer %v", ans)
	}
	if got := strings.Join(keysOf(ans), ","); got != strings.Join(sorted([]string{"indikator", "tingkat", "penjelasan",
		"tingkat_verifikasi", "catatan_verifikator", "dijawab_oleh", "updated", "bukti"}), ",") {
		t.Fatalf("answer keys %s", got)
	}
	act := m["rencana_perbaikan"].([]any)[0].(map[string]any)
	if got := strings.Join(keysOf(act), ","); got != strings.Join(sorted([]string{"id", "indikator", "tindakan",
		"penanggung_jawab", "tenggat", "status"}), ",") {
		t.Fatalf("action keys %s", got)
	}
	if got := strings.Join(keysOf(doc.Instruments[0]), ","); got != strings.Join(sorted([]string{"id", "versi", "judul",
		"regulasi", "status", "sha256", "berkas"}), ",") {
		t.Fatalf("instrument keys %s", got)
	}
	if act["status"] != "Belum" || act["tindakan"] != "Tetapkan" || act["id"] != 1.0 {
		t.Fatalf("action %v", act)
	}
	if len(doc.Instruments) != 1 || doc.Instruments[0]["id"] != "UJI-MERIT" || doc.Instruments[0]["versi"] != "1" {
		t.Fatalf("instruments %v", doc.Instruments)
	}
	raw, _ := json.Marshal(doc.Instruments[0]["berkas"])
	if in, err := domain.ParseInstrument(raw); err != nil || in.ID != "UJI-MERIT" {
		t.Fatalf("exported file does not parse: %v", err)
	}
}

func TestLoadDemoMerit(t *testing.T) {
	s, _ := openTestStore(t)
	o, nodes, emps, rws := generatedOffice()
	mustDo(t, s.LoadDemoOffice(anonCtx, o, nodes, emps, rws))
	merit := loginCtx(t, s, "merit", DemoPassword)
	peg := loginCtx(t, s, "pegawai", DemoPassword)
	mid := domain.ActorFrom(merit).AccountID
	pimpinan := domain.ActorFrom(loginCtx(t, s, "pimpinan", DemoPassword)).AccountID
	// Shipped instrument: answer every indicator of the first shipped one.
	ins, err := s.Instruments(merit)
	if err != nil {
		t.Fatal(err)
	}
	in := ins[0]
	answers := map[string]domain.MeritAnswer{}
	for i, x := range in.Indicators {
		answers[x.Code] = domain.MeritAnswer{Level: in.Levels[i%len(in.Levels)].Value, Justification: "contoh"}
	}
	first := in.Indicators[0].Code
	ev := answers[first]
	ev.Evidence = []domain.Bukti{{Kind: domain.BuktiFile, Name: "contoh.pdf", Contents: buktiBytes(600)},
		{Kind: domain.BuktiReferensi, Ref: "SK 1/2024"}}
	answers[first] = ev
	list := []domain.MeritAssessment{
		{ID: 5, Year: 2024, InstrumentID: in.ID, InstrumentVersion: in.Version, Stage: domain.StageFinal,
			Team: []uint64{mid}, Koordinator: mid, Verifikator: []uint64{pimpinan}, Answers: answers,
			Actions: []domain.MeritAction{{ID: 3, Indicator: first, Text: "Perbaiki", Status: domain.PlanProses}}},
		{Year: 2025, InstrumentID: in.ID, InstrumentVersion: in.Version, Team: []uint64{mid}, Koordinator: mid},
	}

	wantForbidden(t, s.LoadDemoMerit(peg, list))
	mustDo(t, s.LoadDemoMerit(anonCtx, list))
	assertClean(t, s)
	got, err := s.MeritAssessments(merit)
	if err != nil || len(got) != 2 || got[0].ID != 5 || got[1].ID != 6 {
		t.Fatalf("loaded %+v %v", got, err)
	}
	if got[0].Stage != domain.StageFinal || got[0].FinalAt.IsZero() || len(got[0].Answers) != len(in.Indicators) ||
		got[0].Actions[0].ID != 3 || got[0].NextID != 3 || got[1].Stage != domain.StageMandiri {
		t.Fatalf("first %+v", got[0])
	}
	e := got[0].Answers[first].Evidence
	if len(e) != 2 || e[0].SHA256 != sha256Hex(buktiBytes(600)) {
		t.Fatalf("evidence %+v", e)
	}
	if b, err := s.MeritEvidenceFile(merit, 5, first, e[0].ID); err != nil || !bytes.Equal(b.Contents, buktiBytes(600)) {
		t.Fatalf("evidence file %v", err)
	}
	// A later assessment gets a fresh id.
	if id, err := s.CreateMeritAssessment(merit, domain.MeritAssessment{Year: 2026, InstrumentID: in.ID,
		InstrumentVersion: in.Version}); err != nil || id != 7 {
		t.Fatalf("next id %d %v", id, err)
	}
	es, _ := s.Audit(systemCtx, AuditFilter{Entity: EntityMerit})
	if len(es) != 2 || es[1].Summary[0] != "data contoh merit" ||
		es[1].Summary[1] != "2 penilaian, "+itoaTest(len(in.Indicators))+" jawaban, 2 bukti, 1 rencana perbaikan" {
		t.Fatalf("audit %+v", es)
	}
	// Once is enough; reset wipes merit too.
	wantCode(t, s.LoadDemoMerit(anonCtx, list), domain.ECONFLICT)
	mustDo(t, s.ResetOffice(bg))
	s.db.View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketMerit, bucketMeritInst, bucketBukti} {
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
	wantCode(t, s2.LoadDemoMerit(bg, nil), domain.EINVALID)
	// A broken record refuses the whole load.
	s3, _ := openTestStore(t)
	mustDo(t, s3.LoadDemoOffice(anonCtx, o, nodes, emps, rws))
	bad := []domain.MeritAssessment{list[1], {Year: 2025, InstrumentID: "TIDAK-ADA", InstrumentVersion: "1"}}
	wantCode(t, s3.LoadDemoMerit(bg, bad), domain.ENOTFOUND)
	if l, _ := s3.MeritAssessments(bg); len(l) != 0 {
		t.Fatalf("partial load %d", len(l))
	}
}

func itoaTest(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"asndesk/assets"
	"asndesk/domain"

	"github.com/charmbracelet/x/exp/golden"
)

// Accounts of the merit tests, beside the demo logins of fakeRepo:
// timmerit (Siti, Tim Merit, koordinator of the assessments made here),
// anggota (Yohanes, Tim Merit) and verif (a listed verifikator).
const (
	meritKoord   uint64 = 905
	meritAnggota uint64 = 906
	meritVerif   uint64 = 907
)

// withMerit is the test office with the fake merit storage wired into
// Common.Merit, logged in as user.
func withMerit(t *testing.T, user string) (*harness, *fakeMerit) {
	t.Helper()
	repo := newFakeRepo()
	o, us, es, rs := testDemo(0, 0)
	if err := repo.LoadDemoOffice(t.Context(), o, us, es, rs); err != nil {
		t.Fatal(err)
	}
	add := func(id uint64, user, name string, emp uint64, roles ...domain.Role) {
		repo.accounts[id] = domain.Account{ID: id, Username: user, Name: name, Roles: roles, EmployeeID: emp}
		repo.passwords[id] = "contoh123"
	}
	add(meritKoord, "timmerit", "Siti Aminah", 2, domain.RoleTimMerit, domain.RolePegawai)
	add(meritAnggota, "anggota", "Yohanes Wenda", 3, domain.RoleTimMerit, domain.RolePegawai)
	add(meritVerif, "verif", "Inspektur Pembantu", 0, domain.RolePegawai)
	repo.writes = 0
	hs := newHarness(t, repo, 120, 40)
	fm := newFakeMerit()
	fm.settings = &domain.MeritSettings{Combine: domain.CombineLowest, DefaultInstrument: "UJI-DRAF"}
	hs.m.c.Merit = fm
	hs.login(user, "contoh123")
	if hs.m.c.Account.Username != user {
		t.Fatalf("login as %s failed:\n%s", user, hs.view())
	}
	return hs, fm
}

// meritAssessment is a 2026 instansi assessment of the test instrument
// with the koordinator, one more member and the verifikator.
func meritAssessment(stage domain.MeritStage, levels map[string]float64) domain.MeritAssessment {
	a := domain.MeritAssessment{Year: 2026, InstrumentID: "UJI-DRAF", InstrumentVersion: "uji-1", Stage: stage,
		Team: []uint64{meritKoord, meritAnggota}, Koordinator: meritKoord, Verifikator: []uint64{meritVerif},
		Answers: map[string]domain.MeritAnswer{}}
	for code, l := range levels {
		a.Answers[code] = domain.MeritAnswer{Level: l, Justification: "Sudah ada dokumen " + code + "."}
	}
	return a
}

func allLevels(l float64) map[string]float64 {
	return map[string]float64{"1.1": l, "1.2": l, "1.3": l, "2.1": l, "2.2": l}
}

func openMerit(h *harness) {
	h.t.Helper()
	h.send(areaMsg{areaMerit})
	if _, ok := h.m.top().(*meritList); !ok {
		h.t.Fatalf("Sistem merit did not open its list:\n%s", h.view())
	}
}

// openAssessment opens the list's first row.
func openAssessment(h *harness) *meritScreen {
	h.t.Helper()
	openMerit(h)
	h.keys("enter")
	s, ok := h.m.top().(*meritScreen)
	if !ok {
		h.t.Fatalf("Enter did not open the assessment:\n%s", h.view())
	}
	return s
}

func meritGolden(t *testing.T, h *harness) {
	t.Helper()
	golden.RequireEqual(t, []byte(h.m.breadcrumb()+"\n"+skpView(h)))
}

func mustContain(t *testing.T, view string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(view, p) {
			t.Fatalf("view lacks %q:\n%s", p, view)
		}
	}
}

// setTabTo switches the assessment screen to the tab with this title.
func setTabTo(h *harness, s *meritScreen, title string) {
	h.t.Helper()
	for i, tb := range s.tabs {
		if tb.Title() == title {
			s.setTab(i)
			return
		}
	}
	h.t.Fatalf("no tab %q", title)
}

// answer answers the selected indicator with level l (the form starts on
// the level, at "Belum dijawab" for a new answer).
func answer(h *harness, l int, why string) {
	h.t.Helper()
	h.keys("enter")
	if _, ok := h.m.top().(*skpActForm); !ok {
		h.t.Fatalf("Enter did not open the answer form:\n%s", h.view())
	}
	for range l {
		h.keys("right")
	}
	h.keys("tab")
	h.typeText(why)
	h.keys("ctrl+s")
	if _, ok := h.m.top().(*meritScreen); !ok {
		h.t.Fatalf("the answer was not saved:\n%s", h.view())
	}
}

func TestMeritList(t *testing.T) {
	t.Run("empty", func(t *testing.T) {
		h, _ := withMerit(t, "admin")
		openMerit(h)
		mustContain(t, h.view(), "Sistem merit", "Belum ada penilaian mandiri", "Tekan F5", "bukan instrumen resmi")
		meritGolden(t, h)
	})
	t.Run("rows", func(t *testing.T) {
		h, fm := withMerit(t, "admin")
		old := meritAssessment(domain.StageFinal, allLevels(3))
		old.Year = 2025
		fm.put(old)
		part := meritAssessment(domain.StageMandiri, map[string]float64{"1.1": 2})
		part.UnitID = 2
		fm.put(part)
		openMerit(h)
		mustContain(t, h.view(), "2025", "300 · III Baik", "Seksi Pemerintah", "1/5", "draf · Daftar periksa",
			"2026 · Seksi Pemerintahan · Daftar periksa uji · versi uji-1 · draf · 1/5 dijawab")
		meritGolden(t, h)
	})
	t.Run("pegawai sees no menu entry", func(t *testing.T) {
		h, _ := withMerit(t, "pegawai")
		for _, e := range h.m.menuEntries() {
			if e.label == "Sistem merit" {
				t.Fatal("a Pegawai without Tim Merit sees Sistem merit")
			}
		}
	})
}

func TestMeritCreate(t *testing.T) {
	h, fm := withMerit(t, "timmerit")
	openMerit(h)
	h.keys("f5")
	if _, ok := h.m.top().(*skpActForm); !ok {
		t.Fatalf("F5 did not open the form:\n%s", h.view())
	}
	mustContain(t, h.view(), "Daftar periksa uji · versi uji-1 · draf", "Instansi (seluruh kantor)")
	h.keys("ctrl+s")
	s, ok := h.m.top().(*meritScreen)
	if !ok {
		t.Fatalf("the new assessment did not open:\n%s", h.view())
	}
	if len(fm.as) != 1 {
		t.Fatalf("assessments = %d", len(fm.as))
	}
	for _, a := range fm.as {
		if a.Koordinator != meritKoord || a.Year != 2026 || a.Stage != domain.StageMandiri {
			t.Fatalf("created %+v", a)
		}
	}
	// The draft instrument's notice is on the assessment screen.
	mustContain(t, h.view(), "⚠ Daftar periksa kesiapan asndesk — bukan instrumen resmi", "0/3 dijawab", "Tahap: Penilaian mandiri")
	_ = s
	meritGolden(t, h)
}

func TestMeritAnswering(t *testing.T) {
	h, fm := withMerit(t, "timmerit")
	id := fm.put(meritAssessment(domain.StageMandiri, nil))
	s := openAssessment(h)
	// Aspect 1: three indicators at level 3.
	answer(h, 3, "SK rencana kebutuhan ada.")
	mustContain(t, h.view(), "1/3 dijawab · 1 tanpa bukti")
	h.keys("down")
	answer(h, 3, "Ditinjau tiap Januari.")
	h.keys("down")
	answer(h, 3, "Peta jabatan ditetapkan.")
	mustContain(t, h.view(), "3/3 dijawab · 3 tanpa bukti", "0/2 dijawab")
	if r := domain.Score(testInstrument(), *fm.as[id], false); r.Complete || r.Answered != 3 {
		t.Fatalf("after aspect 1: %+v", r)
	}
	t.Run("aspect complete", func(t *testing.T) { meritGolden(t, h) })
	setTabTo(h, s, "Hasil")
	mustContain(t, h.view(), "(sementara: 3/5)", "Kategori ditetapkan setelah semua indikator dijawab")
	setTabTo(h, s, "Jawaban")
	h.keys("down")
	answer(h, 3, "Diumumkan di laman.")
	h.keys("down")
	answer(h, 2, "Sebagian seleksi terbuka.")
	// 50 × 3 + 50 × 2,5 over levels 1–4 → 275, category III Baik.
	r := domain.Score(testInstrument(), *fm.as[id], false)
	if !r.Complete || r.Total != 275 || r.Category.Code != "III" {
		t.Fatalf("complete result: %+v", r)
	}
	setTabTo(h, s, "Hasil")
	mustContain(t, h.view(), "275", "III Baik", "0,61 – 0,8", "Diberi kesempatan untuk mengisi JPT")
	t.Run("result", func(t *testing.T) { meritGolden(t, h) })
	// The koordinator moves it to Verifikasi (F8, choose, confirm).
	h.keys("f8", "enter", "y")
	if got := fm.as[id].Stage; got != domain.StageVerifikasi {
		t.Fatalf("stage = %v:\n%s", got, h.view())
	}
	// Rencana perbaikan: the one indicator below level 3 gets a suggestion.
	setTabTo(h, s, "Rencana perbaikan")
	h.keys("f5")
	if acts := fm.as[id].Actions; len(acts) != 1 || acts[0].Indicator != "2.2" {
		t.Fatalf("suggested actions: %+v", acts)
	}
	mustContain(t, h.view(), "Lakukan seleksi yang kompetitif.")
}

func TestMeritEvidence(t *testing.T) {
	h, fm := withMerit(t, "timmerit")
	id := fm.put(meritAssessment(domain.StageMandiri, map[string]float64{"1.1": 3}))
	dir := t.TempDir()
	path := filepath.Join(dir, "sk-kebutuhan.pdf")
	if err := os.WriteFile(path, []byte("%PDF-1.4 rencana kebutuhan"), 0o600); err != nil {
		t.Fatal(err)
	}
	openAssessment(h)
	h.keys("f5")
	h.typeText(path)
	h.keys("ctrl+s")
	ev := fm.as[id].Answers["1.1"].Evidence
	if len(ev) != 1 || ev[0].Name != "sk-kebutuhan.pdf" || ev[0].Size != 26 || ev[0].SHA256 == "" {
		t.Fatalf("evidence = %+v\n%s", ev, h.view())
	}
	mustContain(t, h.view(), "▪ sk-kebutuhan.pdf · 26 B", "1/3 dijawab", "disimpan")
	if strings.Contains(h.view(), "1/3 dijawab · 1 tanpa bukti") {
		t.Fatal("the answer still counts as without evidence")
	}
	// A reference: nomor dan tanggal SK, judul, lokasi arsip.
	h.keys("f6")
	h.typeText("800/12/2026 tanggal 02-01-2026")
	h.keys("tab")
	h.typeText("Keputusan Camat tentang Rencana Kebutuhan")
	h.keys("tab")
	h.typeText("Lemari arsip Subbag Umum")
	h.keys("ctrl+s")
	if ev := fm.as[id].Answers["1.1"].Evidence; len(ev) != 2 || ev[1].Kind != domain.BuktiReferensi || !strings.Contains(ev[1].Ref, "arsip: Lemari") {
		t.Fatalf("reference = %+v", ev)
	}
	meritGolden(t, h)
	// Too big for the SKP settings' limit: refused before reading.
	limit := domain.DefaultSKPSettings()
	limit.BuktiMaxSize = 10
	h.kin.settings = &limit
	h.send(dataChangedMsg{})
	h.keys("home", "f5")
	h.typeText(path)
	h.keys("ctrl+s")
	mustContain(t, h.view(), "melebihi batas 10 B")
	if n := len(fm.as[id].Answers["1.1"].Evidence); n != 2 {
		t.Fatalf("evidence after refusal = %d", n)
	}
	h.keys("esc", "y")
	// Simpan salinan of the file evidence, into a folder.
	h.keys("home", "down")
	h.keys("enter")
	h.keys("ctrl+u")
	h.typeText(dir + string(filepath.Separator) + "salinan.pdf")
	h.keys("ctrl+s")
	got, err := os.ReadFile(filepath.Join(dir, "salinan.pdf"))
	if err != nil || string(got) != "%PDF-1.4 rencana kebutuhan" {
		t.Fatalf("copy: %q %v\n%s", got, err, h.view())
	}
}

func TestMeritVerify(t *testing.T) {
	h, fm := withMerit(t, "verif")
	id := fm.put(meritAssessment(domain.StageVerifikasi, allLevels(3)))
	s := openAssessment(h)
	setTabTo(h, s, "Verifikasi")
	h.keys("enter")
	if _, ok := h.m.top().(*skpActForm); !ok {
		t.Fatalf("Enter did not open the verify form:\n%s", h.view())
	}
	h.keys("right", "right", "tab")
	h.typeText("SK belum ditandatangani.")
	h.keys("ctrl+s")
	if a := fm.as[id].Answers["1.1"]; a.VerifiedLevel != 2 || a.Level != 3 {
		t.Fatalf("answer = %+v\n%s", a, h.view())
	}
	// Self 300; verified so far: aspect 1 = (2+3+3)/3 → 50×2,6667+50×3 →
	// 283,33, provisional while the other indicators are not verified.
	mustContain(t, h.view(), "Nilai penilaian mandiri: 300 · III Baik", "Nilai hasil verifikasi: 283,3333 (sementara)", "2 · Sebagian ↓")
	t.Run("verifikasi", func(t *testing.T) { meritGolden(t, h) })
	setTabTo(h, s, "Hasil")
	mustContain(t, h.view(), "Penilaian mandiri", "Hasil verifikasi", "300", "283,3333")
	t.Run("hasil", func(t *testing.T) { meritGolden(t, h) })
	// Ending verification early warns how much is still unverified.
	h.keys("f8")
	h.keys("enter")
	mustContain(t, h.view(), "baru 1 dari 5 indikator diverifikasi")
	h.keys("esc")
	// A team member without the verifier's rights cannot verify.
	relogin(h, "anggota")
	s = openAssessment(h)
	setTabTo(h, s, "Verifikasi")
	h.keys("enter")
	if _, ok := h.m.top().(*meritScreen); !ok || !h.m.statErr {
		t.Fatalf("a member verified:\n%s", h.view())
	}
}

func TestMeritFinalLocked(t *testing.T) {
	h, fm := withMerit(t, "timmerit")
	a := meritAssessment(domain.StageFinal, allLevels(3))
	a.FinalBy = "timmerit"
	id := fm.put(a)
	s := openAssessment(h)
	writes := fm.writes
	h.keys("enter")
	if _, ok := h.m.top().(*meritScreen); !ok || !h.m.statErr || !strings.Contains(h.m.status, "Final dan terkunci") {
		t.Fatalf("Final accepted an edit:\n%s", h.view())
	}
	h.keys("f5", "f6", "f8")
	if fm.writes != writes {
		t.Fatalf("writes on a Final assessment: %d", fm.writes-writes)
	}
	setTabTo(h, s, "Jawaban")
	mustContain(t, h.view(), "Hanya dapat dibaca", "Final dan terkunci", "bukan instrumen resmi")
	meritGolden(t, h)
	// The rencana perbaikan is carried out after Final: still editable.
	setTabTo(h, s, "Rencana perbaikan")
	h.keys("f6")
	if _, ok := h.m.top().(*skpActForm); !ok {
		t.Fatalf("the plan is not editable after Final:\n%s", h.view())
	}
	h.keys("esc")
	setTabTo(h, s, "Jawaban")
	// Admin unlocks with a reason.
	relogin(h, "admin")
	openAssessment(h)
	h.keys("f8", "enter")
	h.typeText("Bukti 2.1 diganti setelah audit.")
	h.keys("ctrl+s")
	if got := fm.as[id]; got.Stage != domain.StagePerbaikan || len(got.Unlocks) != 1 {
		t.Fatalf("unlock: %+v\n%s", got, h.view())
	}
}

func TestMeritImport(t *testing.T) {
	h, fm := withMerit(t, "admin")
	dir := t.TempDir()
	bad := filepath.Join(dir, "instrumen.json")
	if err := os.WriteFile(bad, []byte("{\n  \"id\": \"X\",\n  \"version\" \"1\"\n}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	openMerit(h)
	h.keys("f8", "enter") // the first choice: Muat instrumen
	if _, ok := h.m.top().(*skpActForm); !ok {
		t.Fatalf("F8 did not offer the import:\n%s", h.view())
	}
	h.typeText(bad)
	h.keys("ctrl+s")
	mustContain(t, h.view(), "baris 3, kolom 13")
	if len(fm.instruments) != 1 {
		t.Fatal("a bad file was imported")
	}
	// The golden leaves out the line with the temp folder's path.
	var kept []string
	for _, l := range strings.Split(skpView(h), "\n") {
		if !strings.Contains(l, "Lokasi berkas") {
			kept = append(kept, l)
		}
	}
	golden.RequireEqual(t, []byte(strings.Join(kept, "\n")))
	// A file that parses but breaks a rule names the field.
	good, err := domain.MarshalInstrument(testInstrument())
	if err != nil {
		t.Fatal(err)
	}
	wrong := strings.Replace(string(good), `"uji-1"`, `"uji-2"`, 1)
	wrong = strings.Replace(wrong, "50", "40", 1)
	if err := os.WriteFile(bad, []byte(wrong), 0o600); err != nil {
		t.Fatal(err)
	}
	h.keys("ctrl+s")
	if len(fm.instruments) != 1 || !h.m.statErr {
		t.Fatalf("weights of 90 accepted:\n%s", h.view())
	}
	mustContain(t, h.m.status, "aspects[0].weight", "berjumlah 90")
	// A valid new version is loaded and offered for new assessments.
	if err := os.WriteFile(bad, []byte(strings.Replace(string(good), `"uji-1"`, `"uji-2"`, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	h.keys("ctrl+s")
	if len(fm.instruments) != 2 {
		t.Fatalf("valid file not imported:\n%s", h.view())
	}
	mustContain(t, h.view(), "Instrumen UJI-DRAF versi uji-2 dimuat (draf)")
}

func TestMeritCompare(t *testing.T) {
	h, fm := withMerit(t, "admin")
	old := meritAssessment(domain.StageFinal, allLevels(2))
	old.Year = 2025
	fm.put(old)
	fm.put(meritAssessment(domain.StageMandiri, allLevels(3)))
	openMerit(h) // newest first: 2026 selected
	h.keys("f8")
	h.keys("down", "enter") // Muat instrumen, Bandingkan tahun
	if _, ok := h.m.top().(*meritCompareScreen); !ok {
		t.Fatalf("no compare screen:\n%s", h.view())
	}
	mustContain(t, h.view(), "2025 (Final)", "2026 (Penilaian mandiri)", "+1", "+100")
	meritGolden(t, h)
}

func TestMeritCombine(t *testing.T) {
	h, fm := withMerit(t, "admin")
	u1 := meritAssessment(domain.StageMandiri, allLevels(3))
	u1.UnitID = 1
	u2 := meritAssessment(domain.StageMandiri, allLevels(2))
	u2.UnitID = 2
	fm.put(u1)
	fm.put(u2)
	openMerit(h)
	h.keys("f8", "down", "down", "enter")
	if _, ok := h.m.top().(*meritCombineScreen); !ok {
		t.Fatalf("no combine screen:\n%s", h.view())
	}
	// Terendah: every indicator at 2 → 200, II Kurang.
	mustContain(t, h.view(), "cara: Terendah", "Sekretariat", "Seksi Pemerintahan", "200", "II Kurang")
}

func TestMeritReminders(t *testing.T) {
	h, _ := withMerit(t, "admin")
	a := meritAssessment(domain.StagePerbaikan, allLevels(2))
	a.Actions = []domain.MeritAction{
		{ID: 1, Indicator: "1.1", Text: "Susun rencana", Due: domain.Date{Year: 2026, Month: 10, Day: 1}, Status: domain.PlanBelum},
		{ID: 2, Indicator: "1.2", Text: "Tinjau", Due: domain.Date{Year: 2027, Month: 2, Day: 1}, Status: domain.PlanProses},
		{ID: 3, Indicator: "1.3", Text: "Selesai", Due: domain.Date{Year: 2026, Month: 12, Day: 1}, Status: domain.PlanSelesai},
		{ID: 4, Indicator: "2.1", Text: "Jauh", Due: domain.Date{Year: 2028, Month: 1, Day: 1}, Status: domain.PlanBelum},
	}
	rows := meritReminders(h.m.c, []domain.MeritAssessment{a}, h.m.c.today(), 6)
	if len(rows) != 2 || !rows[0].r.Terlambat || rows[1].r.Terlambat || rows[0].name != "Sistem merit 2026 · Instansi" {
		t.Fatalf("reminders = %+v", rows)
	}
}

// TestMeritShippedInstruments runs the screens over the instrument files
// asndesk ships: the 19/2025 draft has a composite with the survey value,
// which the koordinator edits on the Hasil tab.
func TestMeritShippedInstruments(t *testing.T) {
	h, fm := withMerit(t, "timmerit")
	fm.instruments = nil
	for _, raw := range assets.Instruments() {
		in, err := domain.ParseInstrument(raw)
		if err != nil {
			t.Fatal(err)
		}
		fm.instruments = append(fm.instruments, in)
	}
	var panrb domain.Instrument
	for _, in := range fm.instruments {
		if in.ID == "PANRB-19-2025" {
			panrb = in
		}
	}
	if panrb.Score.Composite == nil {
		t.Skip("the shipped 19/2025 file has no composite rule")
	}
	a := domain.MeritAssessment{Year: 2026, InstrumentID: panrb.ID, InstrumentVersion: panrb.Version, Stage: domain.StageMandiri,
		Team: []uint64{meritKoord}, Koordinator: meritKoord, Answers: map[string]domain.MeritAnswer{}}
	for _, x := range panrb.Indicators {
		a.Answers[x.Code] = domain.MeritAnswer{Level: panrb.Levels[len(panrb.Levels)-1].Value}
	}
	id := fm.put(a)
	s := openAssessment(h)
	mustContain(t, h.view(), "bukan instrumen resmi")
	setTabTo(h, s, "Hasil")
	mustContain(t, h.view(), "Nilai komposit", "F5 Nilai survei")
	h.keys("f5", "ctrl+u")
	h.typeText("0,8")
	h.keys("ctrl+s")
	if got := fm.as[id].Survey; got != 0.8 {
		t.Fatalf("survey = %v\n%s", got, h.view())
	}
	mustContain(t, h.view(), "Nilai survei disimpan", "(0,8)")
	// The Gabungan and Bandingkan views and every tab draw without a panic.
	for i := range s.tabs {
		s.setTab(i)
		_ = h.view()
	}
}

func TestMeritTeamAndPlan(t *testing.T) {
	h, fm := withMerit(t, "admin")
	id := fm.put(meritAssessment(domain.StagePerbaikan, allLevels(2)))
	s := openAssessment(h)
	setTabTo(h, s, "Tim")
	mustContain(t, h.view(), "Koordinator", "Siti Aminah", "Yohanes Wenda", "Inspektur Pembantu")
	h.keys("enter")
	ts, ok := h.m.top().(*meritTeamScreen)
	if !ok {
		t.Fatalf("Enter did not open the team editor:\n%s", h.view())
	}
	find := func(name string) {
		for i, a := range ts.accounts {
			if a.Name == name {
				ts.cursor = i
				return
			}
		}
		t.Fatalf("no account %s", name)
	}
	find("pegawai")
	h.keys(" ") // no Tim Merit role: refused
	if !h.m.statErr {
		t.Fatal("a Pegawai joined the team")
	}
	find("Yohanes Wenda")
	h.keys(" ")
	find("pimpinan")
	h.keys("v")
	if !ts.Dirty() {
		t.Fatal("changes not dirty")
	}
	h.keys("ctrl+s")
	got := fm.as[id]
	if len(got.Team) != 1 || got.Team[0] != meritKoord || len(got.Verifikator) != 2 {
		t.Fatalf("team = %v koord %d verif %v\n%s", got.Team, got.Koordinator, got.Verifikator, h.view())
	}
	// Rencana perbaikan: Admin is no team member; the koordinator plans.
	relogin(h, "timmerit")
	s = openAssessment(h)
	setTabTo(h, s, "Rencana perbaikan")
	h.keys("f5")
	if n := len(fm.as[id].Actions); n != 5 {
		t.Fatalf("suggestions = %d", n)
	}
	h.keys("enter", "tab") // the form opens on Tindakan
	h.typeText("Kasubbag Umum")
	h.keys("tab")
	h.typeText("30-06-2027")
	h.keys("ctrl+s")
	x := fm.as[id].Actions[0]
	if x.Owner != "Kasubbag Umum" || x.Due != (domain.Date{Year: 2027, Month: 6, Day: 30}) {
		t.Fatalf("action = %+v\n%s", x, h.view())
	}
	meritGolden(t, h)
}

// The rencana perbaikan's due dates are in Pengingat, on their own tab;
// Enter on one opens the assessment.
func TestPengingatMeritActions(t *testing.T) {
	h, fm := withMerit(t, "admin")
	a := meritAssessment(domain.StagePerbaikan, allLevels(2))
	a.Actions = []domain.MeritAction{{ID: 1, Indicator: "1.1", Text: "Susun rencana kebutuhan lima tahun",
		Due: domain.Date{Year: 2026, Month: 10, Day: 1}, Status: domain.PlanBelum}}
	id := fm.put(a)
	h.send(reloadMsg{}) // as every save does: the lists' cache is rebuilt
	h.send(areaMsg{areaReminders})
	for i := 0; i < len(pengingatTabs()) && !strings.Contains(h.view(), "[Rencana perbaikan merit"); i++ {
		h.keys("right")
	}
	mustContain(t, h.view(), "Sistem merit 2026 · Instansi", "Indikator 1.1: Susun rencana", "Buka penilaian merit")
	h.keys("enter")
	s, ok := h.m.top().(*meritScreen)
	if !ok || s.id != id || s.tab().Title() != "Rencana perbaikan" {
		t.Fatalf("Enter did not open the assessment's rencana perbaikan:\n%s", h.view())
	}
}

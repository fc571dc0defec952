package tui

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strings"
	"time"

	"asndesk/domain"
)

// fakeMerit is an in-memory MeritRepo for the Sistem merit screens'
// tests. It applies the domain rules the store applies (CanMerit,
// CanCreateMerit, ValidateAnswer, AdvanceMerit, UnlockMerit,
// ParseInstrument), so a screen test that passes here drives the real
// workflow. Reads hand out deep copies without evidence bytes.
type fakeMerit struct {
	instruments []domain.Instrument
	raw         map[string][]byte // imported instruments' files by id+version
	as          map[uint64]*domain.MeritAssessment
	contents    map[uint64][]byte // evidence bytes by bukti id
	settings    *domain.MeritSettings
	limit       int64 // evidence size limit (the SKP settings' in the store)
	next        uint64
	fail        error
	writes      int
	now         func() time.Time
}

var (
	_ MeritRepo        = (*fakeMerit)(nil)
	_ meritSurveySaver = (*fakeMerit)(nil)
)

func newFakeMerit() *fakeMerit {
	return &fakeMerit{instruments: []domain.Instrument{testInstrument()}, raw: map[string][]byte{},
		as: map[uint64]*domain.MeritAssessment{}, contents: map[uint64][]byte{}, next: 7000,
		limit: domain.DefaultSKPSettings().BuktiMaxSize, now: fixedNow}
}

// testInstrument is a small hand-written draft instrument: 2 aspects of
// weight 50 (3 and 2 indicators), 4 levels scored 1–4, the legacy bands
// on 100–400. Tests must not move when the shipped files are edited.
func testInstrument() domain.Instrument {
	return domain.Instrument{
		ID: "UJI-DRAF", Version: "uji-1", Title: "Daftar periksa uji", Regulation: "—",
		Status: domain.InstrumentDraf, Notice: "Daftar periksa kesiapan asndesk — bukan instrumen resmi",
		Aspects: []domain.MeritAspect{
			{Code: "1", Name: "Perencanaan Kebutuhan", Weight: 50},
			{Code: "2", Name: "Pengadaan", Weight: 50},
		},
		Indicators: []domain.MeritIndicator{
			{Code: "1.1", Aspect: "1", Text: "Rencana kebutuhan 5 tahun disusun dari Anjab dan ABK", Help: "Susun rencana kebutuhan pegawai 5 tahun dari hasil Anjab dan ABK.", EvidenceHints: []string{"SK rencana kebutuhan", "Dokumen Anjab/ABK"}},
			{Code: "1.2", Aspect: "1", Text: "Rencana kebutuhan ditinjau setiap tahun", Help: "Tinjau rencana kebutuhan setiap tahun."},
			{Code: "1.3", Aspect: "1", Text: "Peta jabatan ditetapkan", Help: "Tetapkan peta jabatan."},
			{Code: "2.1", Aspect: "2", Text: "Pengadaan diumumkan terbuka", Help: "Umumkan pengadaan secara terbuka."},
			{Code: "2.2", Aspect: "2", Text: "Seleksi kompetitif dan transparan", Help: "Lakukan seleksi yang kompetitif."},
		},
		Levels: []domain.MeritLevel{
			{Value: 1, Label: "Belum ada", Description: "Belum ada dokumen atau kegiatan."},
			{Value: 2, Label: "Sebagian", Description: "Ada, sebagian kecil diterapkan."},
			{Value: 3, Label: "Sebagian besar", Description: "Diterapkan pada sebagian besar unit."},
			{Value: 4, Label: "Sepenuhnya", Description: "Diterapkan dan dievaluasi berkala."},
		},
		Score: domain.ScoreRule{WeightTotal: 100, Min: 100, Max: 400},
		Categories: []domain.MeritCategory{
			{Code: "I", Label: "Buruk", Min: 100, MaxExcl: 175, IndexBand: "0,2 – 0,4", Consequence: "Dibimbing intensif agar memenuhi persyaratan"},
			{Code: "II", Label: "Kurang", Min: 175, MaxExcl: 250, IndexBand: "0,41 – 0,6", Consequence: "Dibimbing agar memenuhi persyaratan"},
			{Code: "III", Label: "Baik", Min: 250, MaxExcl: 325, IndexBand: "0,61 – 0,8", Consequence: "Diberi kesempatan untuk mengisi JPT dari talent pool dan Rencana Suksesi namun dengan persyaratan tertentu dan pengawasan", EvaluateEveryYears: 1},
			{Code: "IV", Label: "Sangat Baik", Min: 325, MaxExcl: 400, IndexBand: "0,81 – 1", Consequence: "Dapat diberikan kesempatan untuk mengisi JPT dari talent pool dan Rencana Suksesi", EvaluateEveryYears: 2},
		},
		Index: domain.IndexRule{Formula: "score/400"},
	}
}

func (f *fakeMerit) write() error {
	if f.fail != nil {
		return f.fail
	}
	f.writes++
	return nil
}

func (f *fakeMerit) nextID() uint64 { f.next++; return f.next }

func fakeCloneMerit(a domain.MeritAssessment) domain.MeritAssessment {
	out := a
	out.Team = append([]uint64(nil), a.Team...)
	out.Verifikator = append([]uint64(nil), a.Verifikator...)
	out.Actions = append([]domain.MeritAction(nil), a.Actions...)
	out.Unlocks = append([]domain.Unlock(nil), a.Unlocks...)
	out.Answers = make(map[string]domain.MeritAnswer, len(a.Answers))
	for k, v := range a.Answers {
		v.Evidence = append([]domain.Bukti(nil), v.Evidence...)
		for i := range v.Evidence {
			v.Evidence[i].Contents = nil
		}
		out.Answers[k] = v
	}
	return out
}

func (f *fakeMerit) instrument(id, version string) (domain.Instrument, error) {
	for _, in := range f.instruments {
		if in.ID == id && in.Version == version {
			return in, nil
		}
	}
	return domain.Instrument{}, domain.Errorf(domain.ENOTFOUND, "Instrumen "+id+" versi "+version+" tidak ditemukan.")
}

// get finds an assessment and checks op for the actor of ctx.
func (f *fakeMerit) get(ctx context.Context, id uint64, op domain.MeritOp) (*domain.MeritAssessment, error) {
	a, ok := f.as[id]
	if !ok {
		return nil, domain.Errorf(domain.ENOTFOUND, "Penilaian tidak ditemukan.")
	}
	if err := domain.CanMerit(domain.ActorFrom(ctx), *a, op); err != nil {
		return nil, err
	}
	return a, nil
}

func (f *fakeMerit) Instruments(context.Context) ([]domain.Instrument, error) {
	return append([]domain.Instrument(nil), f.instruments...), nil
}

func (f *fakeMerit) Instrument(_ context.Context, id, version string) (domain.Instrument, error) {
	return f.instrument(id, version)
}

func (f *fakeMerit) ImportInstrument(ctx context.Context, raw []byte) (domain.Instrument, error) {
	if err := domain.CanCreateMerit(domain.ActorFrom(ctx)); err != nil {
		return domain.Instrument{}, err
	}
	in, err := domain.ParseInstrument(raw)
	if err != nil {
		return domain.Instrument{}, err
	}
	if err := domain.ValidateInstrument(in); err != nil {
		return domain.Instrument{}, err
	}
	key := in.ID + "\x00" + in.Version
	for i, x := range f.instruments {
		if x.ID != in.ID || x.Version != in.Version {
			continue
		}
		old, _ := json.Marshal(x)
		now, _ := json.Marshal(in)
		if prev, ok := f.raw[key]; (ok && !bytes.Equal(prev, raw)) || (!ok && !bytes.Equal(old, now)) {
			return domain.Instrument{}, domain.Errorf(domain.ECONFLICT, "Instrumen "+in.ID+" versi "+in.Version+" sudah ada dengan isi lain: beri versi baru.")
		}
		return f.instruments[i], nil
	}
	if err := f.write(); err != nil {
		return domain.Instrument{}, err
	}
	f.raw[key] = append([]byte(nil), raw...)
	f.instruments = append(f.instruments, in)
	return in, nil
}

func (f *fakeMerit) MeritAssessments(ctx context.Context) ([]domain.MeritAssessment, error) {
	a := domain.ActorFrom(ctx)
	var out []domain.MeritAssessment
	for _, x := range f.as {
		if domain.CanMerit(a, *x, domain.MeritView) == nil {
			out = append(out, fakeCloneMerit(*x))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (f *fakeMerit) MeritAssessment(ctx context.Context, id uint64) (domain.MeritAssessment, error) {
	a, err := f.get(ctx, id, domain.MeritView)
	if err != nil {
		return domain.MeritAssessment{}, err
	}
	return fakeCloneMerit(*a), nil
}

func (f *fakeMerit) CreateMeritAssessment(ctx context.Context, a domain.MeritAssessment) (uint64, error) {
	if err := domain.CanCreateMerit(domain.ActorFrom(ctx)); err != nil {
		return 0, err
	}
	if _, err := f.instrument(a.InstrumentID, a.InstrumentVersion); err != nil {
		return 0, err
	}
	if a.Year < 2000 || a.Year > 2100 {
		return 0, domain.Errorf(domain.EINVALID, "Tahun penilaian tidak sah.")
	}
	for _, x := range f.as {
		if x.Year == a.Year && x.UnitID == a.UnitID && x.InstrumentID == a.InstrumentID {
			return 0, domain.Errorf(domain.ECONFLICT, "Penilaian tahun ini untuk cakupan yang sama sudah ada.")
		}
	}
	if err := f.write(); err != nil {
		return 0, err
	}
	a = fakeCloneMerit(a)
	a.ID = f.nextID()
	if a.Stage == 0 {
		a.Stage = domain.StageMandiri
	}
	a.Created, a.Updated = f.now(), f.now()
	f.as[a.ID] = &a
	return a.ID, nil
}

func (f *fakeMerit) SaveMeritTeam(ctx context.Context, id uint64, team []uint64, koordinator uint64, verifikator []uint64) error {
	a, err := f.get(ctx, id, domain.MeritManage)
	if err != nil {
		return err
	}
	if err := domain.ValidateMeritTeam(team, koordinator, verifikator); err != nil {
		return err
	}
	if err := f.write(); err != nil {
		return err
	}
	a.Team, a.Koordinator, a.Verifikator = append([]uint64(nil), team...), koordinator, append([]uint64(nil), verifikator...)
	a.Updated = f.now()
	return nil
}

func fakeHas(xs []uint64, x uint64) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func (f *fakeMerit) SaveMeritAnswer(ctx context.Context, id uint64, code string, ans domain.MeritAnswer) error {
	act := domain.ActorFrom(ctx)
	op := domain.MeritAnswerOp
	if x, ok := f.as[id]; ok && x.Stage == domain.StageVerifikasi {
		op = domain.MeritVerify
	}
	a, err := f.get(ctx, id, op)
	if err != nil {
		return err
	}
	in, err := f.instrument(a.InstrumentID, a.InstrumentVersion)
	if err != nil {
		return err
	}
	cur := a.Answers[code]
	if op == domain.MeritVerify {
		cur.VerifiedLevel, cur.VerifierNote = ans.VerifiedLevel, strings.TrimSpace(ans.VerifierNote)
	} else {
		cur.Level, cur.Justification = ans.Level, strings.TrimSpace(ans.Justification)
		cur.AnsweredBy = act.Label()
	}
	if err := domain.ValidateAnswer(in, code, cur); err != nil {
		return err
	}
	if err := f.write(); err != nil {
		return err
	}
	cur.Updated = f.now()
	if a.Answers == nil {
		a.Answers = map[string]domain.MeritAnswer{}
	}
	a.Answers[code] = cur
	a.Updated = f.now()
	return nil
}

func (f *fakeMerit) hasIndicator(a *domain.MeritAssessment, code string) error {
	in, err := f.instrument(a.InstrumentID, a.InstrumentVersion)
	if err != nil {
		return err
	}
	for _, x := range in.Indicators {
		if x.Code == code {
			return nil
		}
	}
	return domain.Errorf(domain.ENOTFOUND, "Indikator "+code+" tidak ada di instrumen.")
}

func (f *fakeMerit) AddMeritEvidence(ctx context.Context, id uint64, code string, b domain.Bukti) (uint64, error) {
	a, err := f.get(ctx, id, domain.MeritAnswerOp)
	if err != nil {
		return 0, err
	}
	if err := f.hasIndicator(a, code); err != nil {
		return 0, err
	}
	switch b.Kind {
	case domain.BuktiFile:
		if len(b.Contents) == 0 {
			return 0, domain.Errorf(domain.EINVALID, "Berkas bukti kosong.")
		}
		if f.limit > 0 && int64(len(b.Contents)) > f.limit {
			return 0, domain.Errorf(domain.EINVALID, "Berkas melebihi batas "+skpSize(f.limit)+".")
		}
		sum := sha256.Sum256(b.Contents)
		b.SHA256, b.Size = hex.EncodeToString(sum[:]), int64(len(b.Contents))
	case domain.BuktiReferensi:
		if strings.TrimSpace(b.Name) == "" || strings.TrimSpace(b.Ref) == "" {
			return 0, domain.Errorf(domain.EINVALID, "Referensi perlu judul dan nomor dokumen.")
		}
	default:
		return 0, domain.Errorf(domain.EINVALID, "Jenis bukti tidak dikenal.")
	}
	if err := f.write(); err != nil {
		return 0, err
	}
	a.NextID++
	b.ID = f.nextID()
	b.Added, b.AddedBy = f.now(), domain.ActorFrom(ctx).Label()
	if b.Kind == domain.BuktiFile {
		f.contents[b.ID] = append([]byte(nil), b.Contents...)
	}
	b.Contents = nil
	if a.Answers == nil {
		a.Answers = map[string]domain.MeritAnswer{}
	}
	ans := a.Answers[code]
	ans.Evidence = append(ans.Evidence, b)
	a.Answers[code] = ans
	return b.ID, nil
}

func (f *fakeMerit) MeritEvidenceFile(ctx context.Context, id uint64, code string, buktiID uint64) (domain.Bukti, error) {
	a, err := f.get(ctx, id, domain.MeritView)
	if err != nil {
		return domain.Bukti{}, err
	}
	for _, b := range a.Answers[code].Evidence {
		if b.ID == buktiID && b.Kind == domain.BuktiFile {
			b.Contents = append([]byte(nil), f.contents[b.ID]...)
			return b, nil
		}
	}
	return domain.Bukti{}, domain.Errorf(domain.ENOTFOUND, "Bukti tidak ditemukan.")
}

func (f *fakeMerit) DeleteMeritEvidence(ctx context.Context, id uint64, code string, buktiID uint64) error {
	a, err := f.get(ctx, id, domain.MeritAnswerOp)
	if err != nil {
		return err
	}
	ans := a.Answers[code]
	for i, b := range ans.Evidence {
		if b.ID == buktiID {
			if err := f.write(); err != nil {
				return err
			}
			ans.Evidence = append(ans.Evidence[:i:i], ans.Evidence[i+1:]...)
			a.Answers[code] = ans
			delete(f.contents, buktiID)
			return nil
		}
	}
	return domain.Errorf(domain.ENOTFOUND, "Bukti tidak ditemukan.")
}

func (f *fakeMerit) SaveMeritActions(ctx context.Context, id uint64, actions []domain.MeritAction) error {
	a, err := f.get(ctx, id, domain.MeritPlan)
	if err != nil {
		return err
	}
	in, err := f.instrument(a.InstrumentID, a.InstrumentVersion)
	if err != nil {
		return err
	}
	for _, x := range actions {
		if x.Status == 0 {
			x.Status = domain.PlanBelum
		}
		if err := domain.ValidateAction(in, x); err != nil {
			return err
		}
	}
	if err := f.write(); err != nil {
		return err
	}
	out := append([]domain.MeritAction(nil), actions...)
	for i := range out {
		if out[i].ID == 0 {
			a.NextID++
			out[i].ID = f.nextID()
		}
		if out[i].Status == 0 {
			out[i].Status = domain.PlanBelum
		}
	}
	a.Actions = out
	a.Updated = f.now()
	return nil
}

func (f *fakeMerit) AdvanceMerit(ctx context.Context, id uint64, to domain.MeritStage) error {
	a, ok := f.as[id]
	if !ok {
		return domain.Errorf(domain.ENOTFOUND, "Penilaian tidak ditemukan.")
	}
	next := fakeCloneMerit(*a)
	if err := domain.AdvanceMerit(&next, to, domain.ActorFrom(ctx), f.now()); err != nil {
		return err
	}
	in, err := f.instrument(a.InstrumentID, a.InstrumentVersion)
	if err != nil {
		return err
	}
	if err := domain.CheckMeritAdvance(in, *a, to); err != nil {
		return err
	}
	if err := f.write(); err != nil {
		return err
	}
	a.Stage, a.FinalAt, a.FinalBy, a.Updated = next.Stage, next.FinalAt, next.FinalBy, next.Updated
	return nil
}

func (f *fakeMerit) UnlockMerit(ctx context.Context, id uint64, reason string) error {
	a, err := f.get(ctx, id, domain.MeritUnlock)
	if err != nil {
		return err
	}
	next := fakeCloneMerit(*a)
	if err := domain.UnlockMerit(&next, domain.ActorFrom(ctx).Label(), reason, f.now()); err != nil {
		return err
	}
	if err := f.write(); err != nil {
		return err
	}
	a.Stage, a.Unlocks, a.FinalAt, a.FinalBy, a.Updated = next.Stage, next.Unlocks, next.FinalAt, next.FinalBy, next.Updated
	return nil
}

func (f *fakeMerit) SaveMeritSurvey(ctx context.Context, id uint64, survey float64) error {
	a, err := f.get(ctx, id, domain.MeritAdvance)
	if err != nil {
		return err
	}
	if survey < 0 || survey > 1 {
		return domain.Errorf(domain.EINVALID, "Nilai survei antara 0 dan 1.")
	}
	if err := f.write(); err != nil {
		return err
	}
	a.Survey = survey
	return nil
}

func (f *fakeMerit) MeritSettings(context.Context) (domain.MeritSettings, error) {
	if f.settings == nil {
		return domain.DefaultMeritSettings(), nil
	}
	return *f.settings, nil
}

func (f *fakeMerit) SaveMeritSettings(ctx context.Context, s domain.MeritSettings) error {
	if err := domain.CanManageOffice(domain.ActorFrom(ctx)); err != nil {
		return err
	}
	if err := f.write(); err != nil {
		return err
	}
	f.settings = &s
	return nil
}

func (f *fakeMerit) LoadDemoMerit(_ context.Context, as []domain.MeritAssessment) error {
	for _, a := range as {
		a = fakeCloneMerit(a)
		if a.ID == 0 {
			a.ID = f.nextID()
		}
		f.as[a.ID] = &a
	}
	return nil
}

// put stores an assessment as given (test set-up) and returns its id.
func (f *fakeMerit) put(a domain.MeritAssessment) uint64 {
	a = fakeCloneMerit(a)
	if a.ID == 0 {
		a.ID = f.nextID()
	}
	f.as[a.ID] = &a
	return a.ID
}

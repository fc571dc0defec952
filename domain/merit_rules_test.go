package domain_test

import (
	"errors"
	"testing"
	"time"

	"asndesk/domain"
)

func TestMeritLabels(t *testing.T) {
	t.Parallel()
	var got []string
	for _, s := range domain.MeritStages() {
		got = append(got, s.String())
	}
	for _, p := range domain.PlanStatuses() {
		got = append(got, p.String())
	}
	for _, m := range domain.CombineModes() {
		got = append(got, m.Label())
	}
	want := []string{"Penilaian mandiri", "Verifikasi", "Perbaikan", "Final", "Belum", "Dalam proses", "Selesai", "Terendah", "Rata-rata", "Unit pilihan"}
	if len(got) != len(want) {
		t.Fatalf("%v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%d: %q, want %q", i, got[i], want[i])
		}
	}
}

// The permission matrix of issue 7: actors × stages × operations.
func TestCanMeritMatrix(t *testing.T) {
	t.Parallel()
	const (
		koord  = 1 // Tim Merit, koordinator
		member = 2 // Tim Merit, on the team
		other  = 3 // Tim Merit, not on the team
		verif  = 4 // Penilai listed as verifikator
		pimp   = 5
		admin  = 6
		peg    = 7
		noRole = 8 // on the team without the Tim Merit role
	)
	actors := map[int]domain.Actor{
		koord:  {AccountID: 11, Username: "koord", Roles: []domain.Role{domain.RoleTimMerit}},
		member: {AccountID: 12, Username: "anggota", Roles: []domain.Role{domain.RoleTimMerit, domain.RolePegawai}},
		other:  {AccountID: 13, Username: "lain", Roles: []domain.Role{domain.RoleTimMerit}},
		verif:  {AccountID: 14, Username: "verif", Roles: []domain.Role{domain.RolePenilai}},
		pimp:   {AccountID: 15, Username: "pimpinan", Roles: []domain.Role{domain.RolePimpinan}},
		admin:  {AccountID: 16, Username: "admin", Roles: []domain.Role{domain.RoleAdmin}},
		peg:    {AccountID: 17, Username: "pegawai", Roles: []domain.Role{domain.RolePegawai}},
		noRole: {AccountID: 18, Username: "tanpa", Roles: []domain.Role{domain.RolePegawai}},
	}
	as := domain.MeritAssessment{Year: 2026, Team: []uint64{11, 12, 18}, Koordinator: 11, Verifikator: []uint64{14}}
	// Allowed actors per op and stage (M = Mandiri, V = Verifikasi, P = Perbaikan, F = Final).
	type allow map[domain.MeritStage][]int
	all := []domain.MeritStage{domain.StageMandiri, domain.StageVerifikasi, domain.StagePerbaikan, domain.StageFinal}
	every := func(who ...int) allow {
		a := allow{}
		for _, s := range all {
			a[s] = who
		}
		return a
	}
	notFinal := func(who ...int) allow {
		a := every(who...)
		a[domain.StageFinal] = nil
		return a
	}
	cases := map[domain.MeritOp]allow{
		domain.MeritView:     every(koord, member, verif, pimp, admin, noRole),
		domain.MeritAnswerOp: {domain.StageMandiri: {koord, member}, domain.StagePerbaikan: {koord, member}},
		domain.MeritVerify:   {domain.StageVerifikasi: {verif, pimp, admin}},
		domain.MeritAdvance:  notFinal(koord, admin),
		domain.MeritPlan:     every(koord, member, noRole), // the plan is carried out after Final
		domain.MeritUnlock:   {domain.StageFinal: {admin}},
		domain.MeritManage:   notFinal(koord, member, other, admin),
	}
	for op, al := range cases {
		for _, st := range all {
			as.Stage = st
			ok := map[int]bool{}
			for _, w := range al[st] {
				ok[w] = true
			}
			for who, a := range actors {
				err := domain.CanMerit(a, as, op)
				if (err == nil) != ok[who] {
					t.Errorf("op %d stage %s actor %s: %v, want allowed %v", op, st, a.Username, err, ok[who])
				}
			}
		}
	}
	as.Stage = domain.StageFinal
	if err := domain.CanMerit(actors[koord], as, domain.MeritAnswerOp); !errors.Is(err, domain.ErrLocked) {
		t.Errorf("final answer: %v, want locked", err)
	}
	as.Stage = domain.StageVerifikasi
	if err := domain.CanMerit(actors[peg], as, domain.MeritView); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("pegawai view: %v", err)
	}
	if err := domain.CanMerit(domain.Actor{}, as, domain.MeritView); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("no login: %v", err)
	}
	if err := domain.CanMerit(domain.SystemActor("demo"), as, domain.MeritVerify); err != nil {
		t.Errorf("system actor: %v", err)
	}
	for who, want := range map[int]bool{admin: true, koord: true, other: true, pimp: false, peg: false, verif: false} {
		if err := domain.CanCreateMerit(actors[who]); (err == nil) != want {
			t.Errorf("create by %s: %v", actors[who].Username, err)
		}
	}
}

func TestAdvanceAndUnlockMerit(t *testing.T) {
	t.Parallel()
	koord := domain.Actor{AccountID: 11, Username: "koord", Roles: []domain.Role{domain.RoleTimMerit}}
	admin := domain.Actor{AccountID: 16, Username: "admin", Roles: []domain.Role{domain.RoleAdmin}}
	member := domain.Actor{AccountID: 12, Username: "anggota", Roles: []domain.Role{domain.RoleTimMerit}}
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	a := domain.MeritAssessment{Year: 2026, Stage: domain.StageMandiri, Team: []uint64{11, 12}, Koordinator: 11}
	if err := domain.AdvanceMerit(&a, domain.StageVerifikasi, member, now); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("member advances: %v", err)
	}
	if err := domain.AdvanceMerit(&a, domain.StageFinal, koord, now); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("mandiri → final: %v", err)
	}
	// The koordinator cannot end verification; the verifier (here Admin)
	// does, and a second look from Perbaikan is possible.
	steps := []struct {
		to domain.MeritStage
		by domain.Actor
	}{{domain.StageVerifikasi, koord}, {domain.StageMandiri, koord}, {domain.StageVerifikasi, koord},
		{domain.StagePerbaikan, admin}, {domain.StageVerifikasi, koord}, {domain.StagePerbaikan, admin}, {domain.StageFinal, koord}}
	for _, st := range steps {
		if st.to == domain.StagePerbaikan {
			trial := a
			if err := domain.AdvanceMerit(&trial, st.to, koord, now); !errors.Is(err, domain.ErrForbidden) {
				t.Errorf("koordinator ends verification: %v", err)
			}
		}
		if err := domain.AdvanceMerit(&a, st.to, st.by, now); err != nil {
			t.Fatalf("→ %s: %v", st.to, err)
		}
	}
	if a.Stage != domain.StageFinal || a.FinalBy != "koord" || !a.FinalAt.Equal(now) {
		t.Errorf("final %+v", a)
	}
	if err := domain.AdvanceMerit(&a, domain.StagePerbaikan, admin, now); !errors.Is(err, domain.ErrLocked) {
		t.Errorf("advance a final one: %v", err)
	}
	if err := domain.UnlockMerit(&a, "admin", "  ", now); err == nil {
		t.Error("unlock without a reason")
	}
	if err := domain.UnlockMerit(&a, "admin", "bukti salah unggah", now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if a.Stage != domain.StagePerbaikan || !a.FinalAt.IsZero() || len(a.Unlocks) != 1 || a.Unlocks[0].Reason != "bukti salah unggah" {
		t.Errorf("unlocked %+v", a)
	}
	if err := domain.UnlockMerit(&a, "admin", "lagi", now); err == nil {
		t.Error("unlock of a non-final assessment")
	}
	// Completeness before Verifikasi and Final.
	in := shipped(t, "KASN-2019-LEGACY")
	part := domain.MeritAssessment{Answers: map[string]domain.MeritAnswer{"1.1": {Level: 3}}}
	if err := domain.CheckMeritAdvance(in, part, domain.StageVerifikasi); err == nil {
		t.Error("incomplete to Verifikasi")
	}
	if err := domain.CheckMeritAdvance(in, part, domain.StageMandiri); err != nil {
		t.Error(err)
	}
	part.Answers = answerAll(in, func(int) float64 { return 2 })
	if err := domain.CheckMeritAdvance(in, part, domain.StageFinal); err != nil {
		t.Error(err)
	}
}

func TestValidateMeritTeam(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		team  []uint64
		k     uint64
		v     []uint64
		field string
	}{
		{[]uint64{1, 2}, 1, []uint64{3}, ""},
		{nil, 0, nil, "tim"},
		{[]uint64{1, 1}, 1, nil, "tim"},
		{[]uint64{1, 2}, 3, nil, "koordinator"},
		{[]uint64{1}, 1, []uint64{3, 3}, "verifikator"},
	} {
		err := domain.ValidateMeritTeam(c.team, c.k, c.v)
		var e *domain.Error
		if c.field == "" && err != nil || c.field != "" && (!errors.As(err, &e) || e.Field != c.field) {
			t.Errorf("%v %d %v: %v", c.team, c.k, c.v, err)
		}
	}
}

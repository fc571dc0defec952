package demo

import (
	"reflect"
	"testing"
	"time"

	"asndesk/assets"
	"asndesk/domain"
)

func meritInstruments(t *testing.T) []domain.Instrument {
	t.Helper()
	var out []domain.Instrument
	for _, b := range assets.Instruments() {
		in, err := domain.ParseInstrument(b)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, in)
	}
	return out
}

func TestGenerateMerit(t *testing.T) {
	t.Parallel()
	_, units, _, _ := GenerateOffice(60, 1)
	accounts := map[string]uint64{"admin": 1, "merit": 4, "pegawai": 3}
	for _, in := range meritInstruments(t) {
		for _, today := range []domain.Date{refDate, lateDate, {Year: 2026, Month: time.May, Day: 20}} {
			as := GenerateMerit(units, accounts, in, today)
			if again := GenerateMerit(units, accounts, in, today); !reflect.DeepEqual(as, again) {
				t.Fatalf("%s %s: not deterministic", in.ID, today)
			}
			if len(as) != 2 {
				t.Fatalf("%d assessments", len(as))
			}
			last, cur := as[0], as[1]
			if last.Year != today.Year-1 || cur.Year != today.Year || last.UnitID != 0 || cur.UnitID != 0 {
				t.Errorf("years/units %d %d", last.Year, cur.Year)
			}
			if last.Stage != domain.StageFinal || cur.Stage != domain.StageMandiri || last.FinalBy != "merit" || last.FinalAt.IsZero() {
				t.Errorf("stages %s %s by %q", last.Stage, cur.Stage, last.FinalBy)
			}
			if last.Koordinator != 4 || !reflect.DeepEqual(last.Team, []uint64{4}) || !reflect.DeepEqual(cur.Verifikator, []uint64{1}) {
				t.Errorf("team %v koord %d verif %v", last.Team, last.Koordinator, cur.Verifikator)
			}
			end := today.Time().Add(24 * time.Hour)
			for _, a := range as {
				if a.InstrumentID != in.ID || a.InstrumentVersion != in.Version {
					t.Errorf("instrument %s %s", a.InstrumentID, a.InstrumentVersion)
				}
				ids := map[uint64]bool{}
				for code, ans := range a.Answers {
					if err := domain.ValidateAnswer(in, code, ans); err != nil {
						t.Errorf("%s %d %s: %v", in.ID, a.Year, code, err)
					}
					if ans.Updated.After(end) || ans.Updated.Before(a.Created) {
						t.Errorf("%s answered %v (created %v, today %s)", code, ans.Updated, a.Created, today)
					}
					for _, b := range ans.Evidence {
						if b.Kind != domain.BuktiReferensi || len(b.Contents) != 0 || b.Ref == "" || ids[b.ID] || b.ID > a.NextID {
							t.Errorf("%s evidence %+v: references only, unique ids", code, b)
						}
						ids[b.ID] = true
					}
				}
				for _, x := range a.Actions {
					if err := domain.ValidateAction(in, x); err != nil || ids[x.ID] || x.ID > a.NextID {
						t.Errorf("action %+v: %v", x, err)
					}
					ids[x.ID] = true
				}
				if a.Updated.After(end) {
					t.Errorf("updated %v after today %s", a.Updated, today)
				}
			}
			self, ver := domain.Score(in, last, false), domain.Score(in, last, true)
			if !self.Complete || !ver.Complete || !ver.HasCat || ver.Total > self.Total {
				t.Errorf("%s last year: self %+v verified %+v", in.ID, self, ver)
			}
			if len(last.Actions) == 0 || len(domain.SuggestActions(in, last, func() uint64 { return 0 })) != 0 {
				t.Errorf("%s: rencana perbaikan %d, every weak indicator covered", in.ID, len(last.Actions))
			}
			r := domain.Score(in, cur, false)
			if r.Complete || r.Answered < r.Indicators/2-1 || r.Answered > r.Indicators/2+1 {
				t.Errorf("%s this year: %d of %d answered", in.ID, r.Answered, r.Indicators)
			}
			// The Final one is locked for the team; this year's is open.
			merit := domain.Actor{AccountID: 4, Username: "merit", Roles: []domain.Role{domain.RoleTimMerit}}
			if domain.CanMerit(merit, last, domain.MeritAnswerOp) == nil || domain.CanMerit(merit, cur, domain.MeritAnswerOp) != nil {
				t.Error("permissions of the demo team")
			}
		}
	}
}

func TestGenerateMeritWithoutAccounts(t *testing.T) {
	t.Parallel()
	in := meritInstruments(t)[0]
	as := GenerateMerit(nil, nil, in, refDate)
	if len(as) != 2 || len(as[0].Team) != 0 || as[0].Koordinator != 0 || len(as[0].Verifikator) != 0 {
		t.Fatalf("%+v", as)
	}
	if !domain.Score(in, as[0], true).Complete {
		t.Error("last year incomplete")
	}
	if as[0].Actions[0].Owner != "Tim Merit" {
		t.Errorf("owner %q", as[0].Actions[0].Owner)
	}
}

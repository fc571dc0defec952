package domain_test

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"asndesk/domain"
)

// The store keeps CareerSettings as encoding/json writes it.
func TestCareerSettingsJSONRoundTrip(t *testing.T) {
	t.Parallel()
	s := domain.DefaultCareerSettings()
	s.CutiBersama = map[int]domain.CutiBersamaSetting{2025: {Days: 4, Reduces: true}, 2026: {Days: 2}}
	s.KPMonths = []time.Month{time.April, time.October}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var back domain.CareerSettings
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, s) {
		t.Fatalf("round trip changed the settings:\n%+v\n%+v", back, s)
	}
}

// Random riwayat never make the rules panic or loop, and the invariants
// hold: cuti balance within 0…24, reminders inside the window unless late.
func TestRulesOnRandomRiwayat(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	s := domain.DefaultCareerSettings()
	date := func() domain.Date {
		if r.IntN(20) == 0 {
			return domain.Date{}
		}
		return d(2005+r.IntN(25), time.Month(1+r.IntN(12)), 1+r.IntN(28))
	}
	jenisHukdis := append(domain.HukdisTable().JenisFor("Sedang"), domain.HukdisTable().JenisFor("Berat")...)
	codes := []string{"CT", "CB", "CS", "CM", "CKAP", "CBS", "CLTN"}
	for i := range 3000 {
		e := pns()
		e.Kind = domain.Kinds()[r.IntN(4)]
		e.TMTCPNS, e.TMTKontrak, e.AkhirKontrak = date(), date(), date()
		e.TanggalLahir = d(1960+r.IntN(40), time.Month(1+r.IntN(12)), 1+r.IntN(28))
		n := r.IntN(12)
		if i%100 == 0 {
			n = 70 // more than 64 entries
		}
		var rs []domain.Riwayat
		for j := range n {
			id := uint64(j + 1)
			switch r.IntN(6) {
			case 0:
				rs = append(rs, pangkat(id, domain.PNSGolongan()[r.IntN(17)].Code, date(), r.IntN(30), r.IntN(12)))
			case 1:
				rs = append(rs, gaji(id, date()))
			case 2:
				rs = append(rs, hukdis(id, "Sedang", jenisHukdis[r.IntN(len(jenisHukdis))], date(), r.IntN(25)))
			case 3:
				m := date()
				rs = append(rs, cuti(id, codes[r.IntN(len(codes))], m, m.AddDays(r.IntN(400)), r.IntN(30), r.IntN(40)))
			case 4:
				rs = append(rs, peninjauan(id, date(), r.IntN(5), r.IntN(12), r.IntN(2) == 0))
			default:
				rs = append(rs, jabatan(id, domain.JabatanKind(1+r.IntN(7)), 0, "J", date()))
			}
		}
		today := date()
		if today.IsZero() {
			today = d(2025, 1, 15)
		}
		domain.NextKGB(e, rs, today, s)
		domain.NextKP(e, rs, today, s)
		domain.MasaKerjaGolongan(e, rs, today)
		domain.BuildDUKRow(e, rs, today)
		for y := today.Year - 1; y <= today.Year+1; y++ {
			if b := domain.CutiBalance(e, rs, y, s); b.Total < 0 || b.Total > 24 || b.N < 0 || b.N1 < 0 || b.N2 < 0 {
				t.Fatalf("balance %+v", b)
			}
		}
		_ = domain.CheckCutiRequest(e, rs, *cuti(0, codes[r.IntN(len(codes))], today, today.AddDays(r.IntN(100)), 0, r.IntN(5)).Cuti, s)
		end := today.AddMonths(6)
		for _, rem := range domain.Reminders(e, rs, today, s) {
			if end.Before(rem.Date) || rem.Date.IsZero() || rem.Terlambat != rem.Date.Before(today) {
				t.Fatalf("reminder %+v outside the window %v…%v", rem, today, end)
			}
		}
		domain.SortRiwayat(rs)
		for k := 1; k < len(rs); k++ {
			if rs[k-1].Date().Before(rs[k].Date()) {
				t.Fatal("SortRiwayat not newest first")
			}
		}
	}
}

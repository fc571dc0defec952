package tui

import (
	"strconv"
	"testing"
	"time"

	"asndesk/domain"
)

// BenchmarkMonitoring measures Monitoring from data to a rendered screen:
// 10,000 employees in 50 units, each with an SKP of the year in some
// status, periodic and annual predikat and dialog dates. Budget: 100 ms.
func BenchmarkMonitoring(b *testing.B) {
	for _, n := range []int{10000} {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			units, rows, skps, org := monitorData(n, 50)
			c := &Common{Now: fixedNow, Styles: NewStyles(DefaultPalette())}
			c.setData(dataLoadedMsg{units: units, rows: rows})
			set := domain.DefaultSKPSettings()
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				s := newMonitorScreen(c).(*monitorScreen)
				s.SetSize(120, 40)
				s.Update(monLoadedMsg{skps: skps, org: org, settings: set})
				if v := s.View(); len(v) == 0 {
					b.Fatal("empty view")
				}
			}
		})
	}
}

// monitorData builds n active employees spread over u units, all with an
// SKP of 2026 except every 13th, statuses and predikat in rotation.
func monitorData(n, u int) ([]domain.Unit, []domain.Row, []domain.SKPRow, []domain.OrgRating) {
	units := make([]domain.Unit, u)
	org := make([]domain.OrgRating, 0, u)
	orgs := domain.OrgPredikats()
	for i := range units {
		units[i] = domain.Unit{ID: uint64(i + 1), Name: "Unit " + strconv.Itoa(i+1)}
		org = append(org, domain.OrgRating{Year: 2026, UnitID: uint64(i + 1), Predikat: orgs[i%len(orgs)]})
	}
	rows := make([]domain.Row, n)
	skps := make([]domain.SKPRow, 0, n)
	statuses := []domain.SKPStatus{domain.SKPDisetujui, domain.SKPDisetujui, domain.SKPDraft, domain.SKPDiajukan, domain.SKPDikembalikan}
	preds := domain.Predikats()
	for i := range rows {
		id := uint64(i + 1)
		unit := uint64(i%u + 1)
		rows[i] = domain.Row{ID: id, Kind: domain.KindPNS, Status: domain.StatusAktif, Nama: "Pegawai " + strconv.Itoa(i+1),
			NIP: "19800101200501" + strconv.Itoa(1000+i%9000), UnitID: unit}
		if i%13 == 0 {
			continue
		}
		r := domain.SKPRow{SKPID: 100000 + id, EmployeeID: id, Year: 2026, Start: domain.Date{Year: 2026, Month: 1, Day: 1},
			End: domain.Date{Year: 2026, Month: 12, Day: 31}, Status: statuses[i%len(statuses)], UnitID: unit, RHKCount: 4,
			NextDialog: domain.Date{Year: 2026, Month: time.Month(i%12 + 1), Day: 10}}
		if r.Status == domain.SKPDisetujui {
			r.Periodik = map[int]domain.Predikat{1: preds[i%5], 2: preds[(i+1)%5], 3: preds[(i+2)%5]}
			if i%3 == 0 {
				r.Predikat = preds[(i/3)%5]
			}
		}
		skps = append(skps, r)
	}
	return units, rows, skps, org
}

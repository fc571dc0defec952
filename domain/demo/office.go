package demo

import (
	"strconv"
	"time"

	"asndesk/domain"
)

// GenerateOffice builds the whole demo office: Generate's office and
// employees, the unit tree and every employee's riwayat (GenerateRiwayat).
// Deterministic for (n, seed).
//
// So that every reminder kind of the Pengingat screen has a row within six
// months both on ReferenceDate and in late 2026 (the app's today when the
// demo was made), a larger office (32 employees or more) makes sure it
// has, besides GenerateRiwayat's designated dates:
//   - a PNS (a Pelaksana when there is one) whose TMT pensiun is 1 May
//     2026 and one whose TMT pensiun is 1 March 2027 (the first is the
//     only active employee above BUP − 2 on ReferenceDate: he or she
//     retires that spring);
//   - a PPPK whose perjanjian kerja ends in the first half of 2026 and one
//     whose contract ends on 28 February 2027.
//
// An employee already fitting is kept; otherwise one who is nobody's
// atasan is re-drawn (birth date with NIP and NIK, or year of
// appointment with NI PPPK and contract dates). The rest is exactly
// Generate(n, seed).
func GenerateOffice(n int, seed uint64) (domain.Office, []domain.UnitNode, []domain.Employee, []domain.Riwayat) {
	g, o, units, emps := generate(n, seed)
	if len(emps) >= 32 {
		g.reminderProfiles(emps)
	}
	rws, nodes := GenerateRiwayat(emps, units, seed)
	return o, nodes, emps, rws
}

// The windows the demo covers: six months from ReferenceDate and from the
// app's today of late 2026.
var (
	lateDate = domain.Date{Year: 2026, Month: time.November, Day: 23}
	windows  = [2][2]domain.Date{
		{refDate, refDate.AddMonths(6)},
		{lateDate, lateDate.AddMonths(6)},
	}
)

func inWindow(d domain.Date, w [2]domain.Date) bool { return !d.Before(w[0]) && !w[1].Before(d) }

func (g *gen) reminderProfiles(emps []domain.Employee) {
	grid := domain.DefaultBUPGrid()
	isAtasan := map[uint64]bool{}
	for _, e := range emps {
		isAtasan[e.AtasanID] = true
	}
	free := func(e domain.Employee) bool {
		return e.Status == domain.StatusAktif && !isAtasan[e.ID]
	}

	// Pensiun.
	for i, target := range []domain.Date{{Year: 2026, Month: time.May, Day: 1}, {Year: 2027, Month: time.March, Day: 1}} {
		found := false
		for _, e := range emps {
			if e.Status.Active() && !e.Kind.IsPPPK() && inWindow(domain.TMTPensiun(e.TanggalLahir, grid.BUP(e)), windows[i]) {
				found = true
				break
			}
		}
		if found {
			continue
		}
		// A Pelaksana first (BUP 58), else anyone with BUP 58 or 60.
		for _, pelaksana := range []bool{true, false} {
			done := false
			for j := range emps {
				e := &emps[j]
				bup := grid.BUP(*e)
				if e.Kind != domain.KindPNS || (e.JenisJabatan == domain.Pelaksana) != pelaksana || !free(*e) || bup > 60 {
					continue
				}
				if domain.TMTPensiun(e.TanggalLahir, bup).Before(domain.Date{Year: 2028}) {
					continue // already retiring soon: kept for the other window
				}
				g.rebirth(e, target.AddMonths(-bup*12-1))
				done = true
				break
			}
			if done {
				break
			}
		}
	}

	// Kontrak PPPK berakhir.
	for i, year := range []int{2021, 2022} {
		found := false
		for _, e := range emps {
			if e.Status.Active() && e.Kind.IsPPPK() && inWindow(e.AkhirKontrak, windows[i]) {
				found = true
				break
			}
		}
		if found {
			continue
		}
		for j := range emps {
			e := &emps[j]
			if e.Kind != domain.KindPPPK || !free(*e) || e.AkhirKontrak.Year == 2026 || e.AkhirKontrak.Year == 2027 {
				continue
			}
			if g.reappoint(e, year, grid.BUP(*e)) {
				break
			}
		}
	}
}

// rebirth gives a PNS a birth date in the month of day (its day drawn),
// with TMT CPNS, NIP and NIK to match: TMT CPNS at 25 in the same month as
// before.
func (g *gen) rebirth(e *domain.Employee, month domain.Date) {
	for {
		birth := domain.Date{Year: month.Year, Month: month.Month, Day: 1 + g.r.IntN(28)}
		tmt := domain.Date{Year: birth.Year + max(25, entryAge(e.Pendidikan, "")), Month: e.TMTCPNS.Month, Day: 1}
		nip, ok := g.nip(birth, ymd(tmt)[:6], e.JenisKelamin)
		if !ok {
			continue
		}
		e.TanggalLahir, e.TMTCPNS, e.TMTPNS, e.NIP = birth, tmt, tmt.AddMonths(12), nip
		e.NIK = g.nik(regions[0], birth, e.JenisKelamin)
		return
	}
}

// reappoint moves a PPPK's first appointment to 1 March of year with a
// five-year perjanjian kerja, renewed as Generate does; false when the
// person would be too young or reach BUP within the contract.
func (g *gen) reappoint(e *domain.Employee, year, bup int) bool {
	first := domain.Date{Year: year, Month: time.March, Day: 1}
	start := first
	end := addDays(start.AddMonths(60), -1)
	for end.Before(refDate) {
		start = addDays(end, 1)
		end = addDays(start.AddMonths(60), -1)
	}
	if ageAt(e.TanggalLahir, first) < 20 || ageAt(e.TanggalLahir, end) >= bup {
		return false
	}
	nip, ok := g.nip(e.TanggalLahir, strconv.Itoa(year)+"21", e.JenisKelamin)
	if !ok {
		return false
	}
	e.NIP, e.TMTKontrak, e.AkhirKontrak = nip, start, end
	return true
}

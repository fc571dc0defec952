package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"asndesk/domain"
)

// kinStream is the second PCG word of the performance-cycle generator, so
// that its draws never disturb the office's.
const kinStream = 0x6b696e65726a61 // "kinerja"

// GenerateKinerja builds, deterministically for its arguments, the demo
// office's performance cycle (issue 6) for the year before today and the
// year of today, with the office's default settings (triwulanan):
//
//   - Last year: every active employee appointed before its end has an SKP,
//     Disetujui, with rencana aksi and realisasi for the four triwulan
//     (bukti dukung as references: nomor dokumen, never a fake file),
//     umpan balik, dialog kinerja from klarifikasi ekspektasi to the year's
//     evaluasi (kesepakatan not met are carried with domain.CarryOver), the
//     four periodic evaluations and the annual one, all final. Each unit
//     gets a predikat kinerja organisasi and its staff's annual predikat
//     follow the distribution pattern of that predikat (§4.7), except in
//     one unit, so that Monitoring shows a rule not met; a unit head's
//     rating hasil kerja is the unit's (K5).
//   - This year: SKPs in every status (Draft; Diajukan; Dikembalikan with
//     the penilai's note; Disetujui with work up to today's triwulan, the
//     finished triwulan evaluated, some next-dialog dates already passed),
//     and some employees without an SKP. Two approved SKPs carry a recorded
//     revision with the earlier version kept.
//
// Staff RHK intervene their penilai's RHK by id (IntervensiSKPID,
// IntervensiRHKID) where the penilai has an SKP of the year, else by
// typed text. SKP ids are 1, 2, … (last year first); every item id (work,
// feedback, dialog, kesepakatan, evaluation) is unique across kinds, bukti
// ids count separately. Times are derived from dates; nothing reads the
// clock. atasan gives the pejabat penilai and atasan pejabat penilai of an
// employee (0 when none); units give the unit names and heads.
func GenerateKinerja(units []domain.UnitNode, emps []domain.Employee, atasan func(empID uint64) (penilai, atasanPenilai uint64), today domain.Date) domain.KinerjaDemo {
	g := newKGen(units, emps, atasan, today)
	g.run()
	return g.out
}

type skpKey struct {
	emp  uint64
	year int
}

// skpMeta is what the generator knows about an SKP beyond the SKP itself.
type skpMeta struct {
	emp    *domain.Employee
	r      *rand.Rand
	tmpl   []rhkT // the template of each RHK, in order
	plan   domain.Predikat
	period [5]domain.Predikat // predikat of each triwulan, drawn around plan
	org    domain.OrgPredikat // the unit's predikat when the pegawai heads it
	head   bool
	status domain.SKPStatus
}

type kgen struct {
	today     domain.Date
	cur, last int
	set       domain.SKPSettings
	freq      domain.Frequency
	emps      []domain.Employee
	byID      map[uint64]int
	units     []domain.UnitNode
	unitName  map[uint64]string
	heads     map[uint64]uint64 // employee → unit headed
	atasan    func(uint64) (uint64, uint64)

	out     domain.KinerjaDemo
	meta    []skpMeta
	skpOf   map[skpKey]int
	org     map[skpKey]domain.OrgPredikat // (unit, year)
	item    uint64
	bukti   uint64
	docSeq  int
	carried bool // a kesepakatan carried twice exists
}

func newKGen(units []domain.UnitNode, emps []domain.Employee, atasan func(uint64) (uint64, uint64), today domain.Date) *kgen {
	set := domain.DefaultSKPSettings()
	g := &kgen{today: today, cur: today.Year, last: today.Year - 1, set: set, freq: set.Frequency, emps: emps,
		byID: make(map[uint64]int, len(emps)), units: units, unitName: map[uint64]string{}, heads: map[uint64]uint64{},
		atasan: atasan, skpOf: map[skpKey]int{}, org: map[skpKey]domain.OrgPredikat{}}
	if g.atasan == nil {
		g.atasan = func(uint64) (uint64, uint64) { return 0, 0 }
	}
	for i, e := range emps {
		g.byID[e.ID] = i
	}
	for _, u := range units {
		g.unitName[u.ID] = u.Name
		if u.HeadID != 0 {
			g.heads[u.HeadID] = u.ID
		}
	}
	return g
}

func (g *kgen) nextItem() uint64 { g.item++; return g.item }

// at is a time on day d, h hours after midnight (UTC, as Date.Time).
func at(d domain.Date, h int) time.Time { return d.Time().Add(time.Duration(h) * time.Hour) }

func minDate(a, b domain.Date) domain.Date {
	if b.Before(a) {
		return b
	}
	return a
}

func (g *kgen) clip(d domain.Date) domain.Date { return minDate(d, g.today) }

func (g *kgen) run() {
	if g.today.IsZero() || len(g.emps) == 0 {
		return
	}
	g.out.SKPs = make([]domain.SKP, 0, 2*len(g.emps))
	g.meta = make([]skpMeta, 0, 2*len(g.emps))
	for _, year := range []int{g.last, g.cur} {
		g.createSKPs(year)
	}
	g.link()
	g.orgRatings()
	// The records are large: size the slices once rather than grow them.
	work, periods := 0, 0
	for _, s := range g.out.SKPs {
		if s.Status == domain.SKPDisetujui {
			n := g.freq.Periods()
			if s.Year == g.cur {
				n = domain.PeriodOf(g.freq, g.today)
			}
			work += n * len(s.RHK)
			periods += n
		}
	}
	g.out.Work = make([]domain.PeriodWork, 0, work)
	g.out.Feedback = make([]domain.Feedback, 0, periods*2)
	g.out.Dialogs = make([]domain.Dialog, 0, periods*3/2+len(g.out.SKPs))
	g.out.Evals = make([]domain.Evaluasi, 0, periods+len(g.out.SKPs)/2)
	for i := range g.out.SKPs {
		g.fill(i)
	}
	g.revisions()
}

// ---- plans ----

func (g *kgen) rng(id uint64, year int, salt uint64) *rand.Rand {
	return rand.New(rand.NewPCG(id*0x9e3779b97f4a7c15^uint64(year)<<8^salt, kinStream))
}

func unitKindOf(name string) (unitKind, bool) {
	for _, b := range baseUnits {
		if b.name == name {
			return b.kind, true
		}
	}
	switch {
	case strings.HasPrefix(name, "SD Negeri"):
		return ukSD, true
	case strings.HasPrefix(name, "Kelurahan "):
		return ukKelurahan, true
	case strings.HasPrefix(name, "Puskesmas "):
		return ukPuskesmas, true
	}
	return 0, false
}

// templates picks the RHK templates of an employee's jabatan.
func (g *kgen) templates(e *domain.Employee) []rhkT {
	switch e.JenisJabatan {
	case domain.JPTUtama, domain.JPTMadya, domain.JPTPratama:
		return leaderRHK
	}
	if strings.HasPrefix(e.NamaJabatan, "Camat") {
		return headRHK[ukPimpinan]
	}
	kind, known := unitKindOf(g.unitName[e.UnitID])
	if _, head := g.heads[e.ID]; head || e.JenisJabatan == domain.Administrator || e.JenisJabatan == domain.Pengawas {
		if t, ok := headRHK[kind]; ok && known {
			return t
		}
	}
	best := ""
	for k := range staffRHK { // the longest key that prefixes the jabatan ("Dokter Gigi" before "Dokter")
		if strings.HasPrefix(e.NamaJabatan, k) && len(k) > len(best) {
			best = k
		}
	}
	if best != "" {
		return staffRHK[best]
	}
	return genericRHK
}

func (g *kgen) snapshot(id uint64) domain.PersonSnapshot {
	if id == 0 {
		return domain.PersonSnapshot{}
	}
	i, ok := g.byID[id]
	if !ok {
		return domain.PersonSnapshot{EmployeeID: id}
	}
	e := g.emps[i]
	return domain.Snapshot(e, g.unitName[e.UnitID])
}

// currentStatus draws this year's status: most SKPs approved, the rest in
// every other state, some employees without one. Penilai are mostly
// approved: their RHK are what staff intervene.
func currentStatus(r *rand.Rand, isPenilai bool) domain.SKPStatus {
	x := r.IntN(100)
	if isPenilai && r.IntN(10) != 0 {
		return domain.SKPDisetujui
	}
	switch {
	case x < 7:
		return 0 // no SKP yet
	case x < 17:
		return domain.SKPDraft
	case x < 27:
		return domain.SKPDiajukan
	case x < 33:
		return domain.SKPDikembalikan
	}
	return domain.SKPDisetujui
}

func (g *kgen) createSKPs(year int) {
	isPenilai := map[uint64]bool{}
	for _, e := range g.emps {
		if p, _ := g.atasan(e.ID); p != 0 && p != e.ID {
			isPenilai[p] = true
		}
	}
	var statuses []domain.SKPStatus
	var who []int
	for i := range g.emps {
		e := &g.emps[i]
		if e.Status != domain.StatusAktif {
			continue // CLTN, diberhentikan sementara and former employees have no SKP
		}
		start := domain.Date{Year: year, Month: time.January, Day: 1}
		if s := domain.MasaKerjaStart(*e); !s.IsZero() && start.Before(s) {
			start = s
		}
		if start.Year > year || year == g.cur && g.today.Before(start) {
			continue // not yet appointed
		}
		r := g.rng(e.ID, year, 1)
		st := domain.SKPDisetujui
		if year == g.cur {
			st = currentStatus(r, isPenilai[e.ID])
		}
		statuses = append(statuses, st)
		who = append(who, i)
	}
	if year == g.cur {
		ensureEveryStatus(statuses, who, g.emps, isPenilai)
		g.leaveDemoPegawaiWithoutSKP(statuses, who)
	}
	for k, i := range who {
		if statuses[k] == 0 {
			continue
		}
		g.newSKP(&g.emps[i], year, statuses[k])
	}
}

// ensureEveryStatus makes sure an office of ten or more shows every status
// and an employee without an SKP: the first staff member (nobody's
// penilai) of each missing kind is moved into it.
func ensureEveryStatus(st []domain.SKPStatus, who []int, emps []domain.Employee, isPenilai map[uint64]bool) {
	if len(st) < 10 {
		return
	}
	for _, want := range []domain.SKPStatus{0, domain.SKPDraft, domain.SKPDiajukan, domain.SKPDikembalikan} {
		if slices.Contains(st, want) {
			continue
		}
		count := map[domain.SKPStatus]int{}
		for _, s := range st {
			count[s]++
		}
		for k := len(st) - 1; k >= 0; k-- { // from the end: the fixed list at the start stays as drawn
			if !isPenilai[emps[who[k]].ID] && st[k] == domain.SKPDisetujui && count[domain.SKPDisetujui] > 1 {
				st[k] = want
				break
			}
		}
	}
}

func (g *kgen) newSKP(e *domain.Employee, year int, st domain.SKPStatus) {
	r := g.rng(e.ID, year, 2)
	pen, atp := g.atasan(e.ID)
	if pen == e.ID {
		pen = 0
	}
	start := domain.Date{Year: year, Month: time.January, Day: 1}
	if s := domain.MasaKerjaStart(*e); !s.IsZero() && start.Before(s) {
		start = s
	}
	s := domain.SKP{ID: uint64(len(g.out.SKPs) + 1), EmployeeID: e.ID, Year: year, Start: start,
		End: domain.Date{Year: year, Month: time.December, Day: 31}, Pendekatan: domain.Kuantitatif, Status: st,
		Pegawai: domain.Snapshot(*e, g.unitName[e.UnitID]), Penilai: g.snapshot(pen), AtasanPenilai: g.snapshot(atp)}
	tm := g.templates(e)
	leader := e.JenisJabatan == domain.JPTUtama || e.JenisJabatan == domain.JPTMadya || e.JenisJabatan == domain.JPTPratama ||
		strings.HasPrefix(e.NamaJabatan, "Camat")
	if leader && r.IntN(2) == 0 {
		s.Pendekatan = domain.Kualitatif // K1: chosen per SKP; leaders sometimes describe their targets
	}
	m := skpMeta{emp: e, r: r, status: st}
	for _, t := range tm {
		s.RHK = append(s.RHK, g.rhk(&s, t, domain.RHKUtama, ""))
		m.tmpl = append(m.tmpl, t)
	}
	if !leader && r.IntN(100) < 35 {
		t := tambahanRHK[r.IntN(len(tambahanRHK))]
		s.RHK = append(s.RHK, g.rhk(&s, t.rhk, domain.RHKTambahan, t.by))
		m.tmpl = append(m.tmpl, t.rhk)
	}
	if st == domain.SKPDraft && len(s.RHK) > 1 && r.IntN(2) == 0 {
		s.RHK[len(s.RHK)-1].Indikator = nil // a draft still being written: SKPWarnings shows it
	}
	if st != domain.SKPDraft || r.IntN(2) == 0 {
		for v := range s.Ekspektasi {
			if leader || r.IntN(100) < 60 {
				s.Ekspektasi[v] = ekspektasiPool[v][r.IntN(len(ekspektasiPool[v]))]
			}
		}
		s.Lampiran = domain.Lampiran{DukunganSumberDaya: pickN(r, dukunganPool, 2), SkemaPertanggungjawaban: pickN(r, skemaPool, 2),
			Konsekuensi: pickN(r, konsekuensiPool, 2)}
	}

	created := g.clip(start.AddDays(2 + r.IntN(10)))
	if year == g.last {
		created = start.AddDays(2 + r.IntN(10))
	}
	s.Created, s.Updated = at(created, 9), at(created, 9)
	if st != domain.SKPDraft {
		sub := created.AddDays(1 + r.IntN(4))
		if year == g.cur {
			sub = g.clip(sub)
		}
		s.Submitted, s.Updated = at(sub, 10), at(sub, 10)
		switch st {
		case domain.SKPDikembalikan:
			s.ReturnNote = returnNotes[r.IntN(len(returnNotes))]
			s.Updated = at(g.clip(sub.AddDays(1+r.IntN(3))), 14)
		case domain.SKPDisetujui:
			ap := sub.AddDays(1 + r.IntN(5))
			if year == g.cur {
				ap = g.clip(ap)
			}
			s.Approved, s.Updated = at(ap, 11), at(ap, 11)
		}
	}
	g.skpOf[skpKey{e.ID, year}] = len(g.out.SKPs)
	g.out.SKPs = append(g.out.SKPs, s)
	g.meta = append(g.meta, m)
}

func pickN(r *rand.Rand, pool []string, n int) []string {
	i := r.IntN(len(pool))
	out := make([]string, 0, n)
	for k := 0; k < n && k < len(pool); k++ {
		out = append(out, pool[(i+k)%len(pool)])
	}
	return out
}

func (g *kgen) rhk(s *domain.SKP, t rhkT, kat domain.RHKKategori, by string) domain.RHK {
	x := domain.RHK{ID: s.NewID(), Kategori: kat, Text: t.text, PenugasanDari: by}
	if s.Pendekatan == domain.Kualitatif {
		target := t.kual
		if target == "" {
			target = "Terlaksana lengkap, tepat waktu dan diterima pimpinan tanpa perbaikan"
		}
		x.Indikator = []domain.Indikator{{ID: s.NewID(), IKI: t.ind[0].iki, Target: target}}
		return x
	}
	for _, in := range t.ind {
		x.Indikator = append(x.Indikator, domain.Indikator{ID: s.NewID(), Aspek: in.aspek, IKI: in.iki, Target: in.target, Satuan: in.satuan})
	}
	return x
}

// link points every Utama RHK at an RHK of the penilai's SKP of the same
// year (by id), or names one by text when the penilai has none here.
func (g *kgen) link() {
	for i := range g.out.SKPs {
		s := &g.out.SKPs[i]
		pen := s.Penilai.EmployeeID
		var own *domain.SKP
		if j, ok := g.skpOf[skpKey{pen, s.Year}]; ok && pen != 0 {
			own = &g.out.SKPs[j]
		}
		var targets []domain.RHK
		if own != nil {
			for _, r := range own.RHK {
				if r.Kategori == domain.RHKUtama {
					targets = append(targets, r)
				}
			}
		}
		k := 0
		for x := range s.RHK {
			r := &s.RHK[x]
			if r.Kategori != domain.RHKUtama {
				continue
			}
			switch {
			case len(targets) > 0:
				t := targets[k%len(targets)]
				r.IntervensiSKPID, r.IntervensiRHKID, r.Intervensi = own.ID, t.ID, t.Text
			case pen != 0:
				if pi, ok := g.byID[pen]; ok {
					tm := g.templates(&g.emps[pi])
					r.Intervensi = tm[k%len(tm)].text
				}
			default:
				r.Intervensi = renstraRHK[k%len(renstraRHK)]
			}
			k++
		}
	}
}

// ---- predikat kinerja organisasi and the distribution of last year ----

// orgFor is the unit predikat the demo gives a unit: the puskesmas
// excels, Trantib needs improvement, Kesos is Baik but its penilai rated
// everyone Baik (the pattern's "harus ada" rule is not met), numbered
// units cycle through Baik, Istimewa, Butuh Perbaikan and Kurang.
func orgFor(name string, extra int) (org domain.OrgPredikat, breaks bool) {
	if kind, _ := unitKindOf(name); isBaseUnit(name) {
		switch kind {
		case ukPuskesmas:
			return domain.OrgIstimewa, false
		case ukTrantib:
			return domain.OrgButuhPerbaikan, false
		case ukKesos:
			return domain.OrgBaik, true
		}
		return domain.OrgBaik, false
	}
	return []domain.OrgPredikat{domain.OrgBaik, domain.OrgIstimewa, domain.OrgBaik, domain.OrgButuhPerbaikan,
		domain.OrgBaik, domain.OrgKurang}[extra%6], false
}

func (g *kgen) orgRatings() {
	members := map[uint64][]int{} // unit → last-year SKPs of its staff
	for i, s := range g.out.SKPs {
		if s.Year == g.last {
			members[g.emps[g.byID[s.EmployeeID]].UnitID] = append(members[g.emps[g.byID[s.EmployeeID]].UnitID], i)
		}
	}
	extra := 0
	for _, u := range g.units {
		if len(members[u.ID]) == 0 {
			continue
		}
		org, breaks := orgFor(u.Name, extra)
		if !isBaseUnit(u.Name) {
			extra++
		}
		r := g.rng(u.ID, g.last, 3)
		g.org[skpKey{u.ID, g.last}] = org
		set := g.clip(domain.Date{Year: g.cur, Month: time.January, Day: 5 + r.IntN(5)})
		g.out.Org = append(g.out.Org, domain.OrgRating{Year: g.last, UnitID: u.ID, Predikat: org, Capaian: capaianOf(org, r), Time: at(set, 13)})
		g.distribute(u, org, breaks, members[u.ID], r)
		// This year's unit predikat is set once a triwulan is behind, so
		// that Monitoring checks the periodic ratings against a pattern.
		if domain.PeriodOf(g.freq, g.today) > 1 {
			g.org[skpKey{u.ID, g.cur}] = org
			_, q1 := domain.PeriodRange(g.cur, g.freq, 1)
			g.out.Org = append(g.out.Org, domain.OrgRating{Year: g.cur, UnitID: u.ID, Predikat: org, Capaian: capaianOf(org, r),
				Time: at(g.clip(q1.AddDays(10)), 13)})
		}
	}
	// Heads of a unit without last year's members still get their K5 rating.
	for i := range g.meta {
		m := &g.meta[i]
		if u, ok := g.heads[m.emp.ID]; ok {
			m.head = true
			m.org = g.org[skpKey{u, g.out.SKPs[i].Year}]
		}
	}
}

func isBaseUnit(name string) bool {
	for _, b := range baseUnits {
		if b.name == name {
			return true
		}
	}
	return false
}

func capaianOf(org domain.OrgPredikat, r *rand.Rand) string {
	base := map[domain.OrgPredikat]int{domain.OrgIstimewa: 104, domain.OrgBaik: 88, domain.OrgButuhPerbaikan: 72,
		domain.OrgKurang: 45, domain.OrgSangatKurang: 15}[org]
	return strconv.Itoa(base+r.IntN(9)) + "," + strconv.Itoa(r.IntN(10))
}

// distribute gives last year's members of a unit their annual predikat:
// the head from the unit's capaian (K5), the rest after the pattern of
// the unit predikat, with K4's rounding.
func (g *kgen) distribute(u domain.UnitNode, org domain.OrgPredikat, breaks bool, members []int, r *rand.Rand) {
	n := len(members)
	var headIdx = -1
	var staff []int
	for _, i := range members {
		if g.out.SKPs[i].EmployeeID == u.HeadID && u.HeadID != 0 {
			headIdx = i
		} else {
			staff = append(staff, i)
		}
	}
	taken := map[domain.Predikat]int{}
	if headIdx >= 0 {
		per := domain.Sesuai
		if org == domain.OrgIstimewa || r.IntN(10) == 0 {
			per = domain.DiAtas
		}
		p := domain.PredikatKinerja(domain.HeadRating(g.set, org), per)
		g.meta[headIdx].plan = p
		taken[p]++
	}
	floor := func(pct int) int { return n * pct / 100 }
	ceil := func(pct int) int { return (n*pct + 99) / 100 }
	m := len(staff)
	want := map[domain.Predikat]int{}
	clamp := func(x int) int { return max(0, min(x, m)) }
	switch {
	case breaks:
		want[domain.Baik] = m
	case org == domain.OrgIstimewa:
		want[domain.SangatBaik] = clamp(floor(70) - taken[domain.SangatBaik])
		if m-want[domain.SangatBaik] >= 3 {
			want[domain.ButuhPerbaikan] = 1
		}
	case org == domain.OrgBaik:
		if m >= 2 {
			want[domain.ButuhPerbaikan] = 1
			if n >= 10 {
				want[domain.Kurang] = 1
			}
		}
		want[domain.Baik] = clamp(min(floor(70)-taken[domain.Baik], m-want[domain.ButuhPerbaikan]-want[domain.Kurang]))
		want[domain.SangatBaik] = m - want[domain.Baik] - want[domain.ButuhPerbaikan] - want[domain.Kurang]
	case org == domain.OrgButuhPerbaikan:
		want[domain.ButuhPerbaikan] = clamp(ceil(60) - taken[domain.ButuhPerbaikan])
		want[domain.SangatBaik] = clamp(min(floor(10)-taken[domain.SangatBaik], m-want[domain.ButuhPerbaikan]))
	case org == domain.OrgKurang:
		want[domain.Kurang] = clamp(ceil(60) - taken[domain.Kurang])
		want[domain.ButuhPerbaikan] = clamp(min(ceil(10)-taken[domain.ButuhPerbaikan], m-want[domain.Kurang]))
	case org == domain.OrgSangatKurang:
		want[domain.SangatKurang] = clamp(ceil(60) - taken[domain.SangatKurang])
		want[domain.Kurang] = clamp(min(ceil(10)-taken[domain.Kurang], m-want[domain.SangatKurang]))
	}
	r.Shuffle(len(staff), func(a, b int) { staff[a], staff[b] = staff[b], staff[a] })
	k := 0
	for _, p := range domain.Predikats() {
		for c := 0; c < want[p] && k < len(staff); c++ {
			g.meta[staff[k]].plan = p
			k++
		}
	}
	for ; k < len(staff); k++ {
		g.meta[staff[k]].plan = domain.Baik
	}
}

// ---- realisasi, umpan balik, dialog, evaluasi ----

// ratingsFor draws a pair of ratings whose matrix cell is p.
func ratingsFor(p domain.Predikat, r *rand.Rand) (domain.Rating, domain.Rating) {
	switch p {
	case domain.SangatBaik:
		return domain.DiAtas, domain.DiAtas
	case domain.ButuhPerbaikan:
		if r.IntN(10) < 7 {
			return domain.DiBawah, domain.Sesuai
		}
		return domain.DiBawah, domain.DiAtas
	case domain.Kurang:
		if r.IntN(10) < 7 {
			return domain.Sesuai, domain.DiBawah
		}
		return domain.DiAtas, domain.DiBawah
	case domain.SangatKurang:
		return domain.DiBawah, domain.DiBawah
	}
	switch x := r.IntN(20); {
	case x < 12:
		return domain.Sesuai, domain.Sesuai
	case x < 17:
		return domain.DiAtas, domain.Sesuai
	}
	return domain.Sesuai, domain.DiAtas
}

// perilakuFor is the rating perilaku that gives want beside hasil, Sesuai
// when no cell of the matrix does.
func perilakuFor(hasil domain.Rating, want domain.Predikat) domain.Rating {
	for _, per := range []domain.Rating{domain.Sesuai, domain.DiAtas, domain.DiBawah} {
		if domain.PredikatKinerja(hasil, per) == want {
			return per
		}
	}
	return domain.Sesuai
}

// nearPredikat is a periodic predikat around the year's: mostly the same,
// sometimes one step either way.
func nearPredikat(p domain.Predikat, r *rand.Rand) domain.Predikat {
	ps := domain.Predikats()
	i := slices.Index(ps, p)
	if i < 0 {
		return domain.Baik
	}
	switch r.IntN(8) {
	case 0:
		i--
	case 1:
		i++
	}
	i = max(0, min(i, len(ps)-1))
	if ps[i] == domain.SangatKurang && p != domain.SangatKurang {
		i-- // a bad triwulan is Kurang or Butuh Perbaikan, not Sangat Kurang
	}
	return ps[i]
}

func low(p domain.Predikat) bool { return p == domain.ButuhPerbaikan || p == domain.SangatKurang }

// fill adds the work, feedback, dialogs and evaluations of SKP i.
func (g *kgen) fill(i int) {
	s := &g.out.SKPs[i]
	m := &g.meta[i]
	r := m.r
	if s.Year == g.cur {
		base := domain.Baik
		if j, ok := g.skpOf[skpKey{s.EmployeeID, g.last}]; ok {
			base = g.meta[j].plan
		}
		m.plan = nearPredikat(base, r)
		if m.head {
			if org := g.org[skpKey{g.emps[g.byID[s.EmployeeID]].UnitID, g.cur}]; org != "" {
				m.plan = domain.PredikatKinerja(domain.HeadRating(g.set, org), domain.Sesuai)
			}
		}
	}
	if m.plan == "" {
		m.plan = domain.Baik
	}
	for p := 1; p < len(m.period); p++ {
		m.period[p] = m.plan
		if !m.head && (s.Year == g.cur || r.IntN(3) == 0) {
			m.period[p] = nearPredikat(m.plan, r)
		}
	}
	if s.Status != domain.SKPDisetujui {
		if s.Status != domain.SKPDraft && s.Penilai.EmployeeID != 0 && r.IntN(2) == 0 {
			// klarifikasi ekspektasi while the plan is discussed
			d := g.dialog(s, m, domain.DialogKlarifikasi, g.clip(domain.DateOf(s.Submitted).AddDays(1)), domain.Date{}, "")
			g.out.Dialogs = append(g.out.Dialogs, d)
		}
		return
	}
	periods := g.freq.Periods()
	upto := periods
	if s.Year == g.cur {
		upto = domain.PeriodOf(g.freq, g.today)
	}
	for p := 1; p <= upto; p++ {
		from, to := domain.PeriodRange(s.Year, g.freq, p)
		if to.Before(s.Start) {
			continue
		}
		finished := to.Before(g.today)
		g.work(s, m, p, from, to, finished)
		g.feedback(s, m, p, from, to, finished)
	}
	g.dialogs(s, m, upto)
	g.evals(s, m, upto)
}

// perPeriod splits a yearly count over the triwulan: period p's share.
func perPeriod(target string, satuan string, p, n int) (int, bool) {
	v, err := strconv.Atoi(target)
	if err != nil {
		return 0, false
	}
	if satuan == "%" {
		return v, true
	}
	return p*v/n - (p-1)*v/n, true
}

func (g *kgen) docRef(s *domain.SKP, to domain.Date) string {
	g.docSeq++
	code := []string{"000.1", "400.10", "800", "900", "470", "140"}[g.docSeq%6]
	unit := "Kec.Smj"
	if k, ok := unitKindOf(s.Pegawai.Unit); ok {
		switch k {
		case ukPuskesmas:
			unit = "PKM.Smj"
		case ukSD:
			unit = "SDN.Smj"
		case ukKelurahan:
			unit = "Kel"
		}
	}
	return fmt.Sprintf("%s/%03d/%s/%s/%d", code, 1+g.docSeq%487, unit, romanMonth(to.Month), to.Year)
}

func (g *kgen) work(s *domain.SKP, m *skpMeta, p int, from, to domain.Date, finished bool) {
	r := m.r
	label := g.freq.PeriodLabel(p)
	for x, rh := range s.RHK {
		t := m.tmpl[x]
		q := t.ind[0]
		for _, in := range t.ind {
			if in.aspek == domain.AspekKuantitas {
				q = in
				break
			}
		}
		n, _ := perPeriod(q.target, q.satuan, p, g.freq.Periods())
		w := domain.PeriodWork{ID: g.nextItem(), SKPID: s.ID, RHKID: rh.ID, Period: p, RencanaAksi: t.aksi}
		switch {
		case n == 0:
			w.RencanaAksi = "Persiapan: " + strings.ToLower(t.aksi[:1]) + t.aksi[1:]
			w.Target = "Bahan dan data awal"
		case q.satuan == "%":
			w.Target = strconv.Itoa(n) + "%"
		default:
			w.Target = strconv.Itoa(n) + " " + q.satuan
		}
		done := n
		if low(m.period[p]) && rh.Kategori == domain.RHKUtama && (x == 0 || r.IntN(2) == 0) {
			done = n * 7 / 10 // not met: Monitoring and the hints have something to show
		} else if m.period[p] == domain.SangatBaik && q.satuan != "%" {
			done = n + (n+4)/5
		}
		updated := g.clip(to.AddDays(2 + r.IntN(6)))
		if !finished {
			// the running triwulan: half of the work so far, or nothing yet
			if mid := from.AddDays(45); g.today.Before(mid) || r.IntN(3) == 0 {
				w.Updated = at(g.clip(from.AddDays(3)), 9)
				g.out.Work = append(g.out.Work, w)
				continue
			}
			done, updated = done/2, g.today
		}
		switch {
		case n == 0:
			w.Realisasi = "Bahan dan data awal dikumpulkan (" + label + ")"
		case q.satuan == "%":
			w.Realisasi = fmt.Sprintf(strings.Replace(t.real, "%d ", "%d%% ", 1), done, label)
		default:
			w.Realisasi = fmt.Sprintf(t.real, done, label)
		}
		w.Updated = at(updated, 15)
		if finished && n > 0 && r.IntN(5) != 0 {
			w.Bukti = []domain.Bukti{{ID: g.nextBukti(), Kind: domain.BuktiReferensi,
				Name: fmt.Sprintf("Laporan realisasi RHK %d %s %d", x+1, label, s.Year), Ref: "Nomor " + g.docRef(s, to),
				Added: w.Updated, AddedBy: s.Pegawai.Nama}}
		}
		g.out.Work = append(g.out.Work, w)
	}
}

func (g *kgen) nextBukti() uint64 { g.bukti++; return g.bukti }

func (g *kgen) feedback(s *domain.SKP, m *skpMeta, p int, from, to domain.Date, finished bool) {
	if s.Penilai.EmployeeID == 0 {
		return
	}
	r := m.r
	label := g.freq.PeriodLabel(p)
	day := from.AddDays(20 + r.IntN(50))
	if finished {
		day = to.AddDays(1 + r.IntN(10))
	}
	if g.today.Before(day) || day.Before(s.Start) {
		return
	}
	x := r.IntN(len(s.RHK))
	pool := feedbackRHKPool
	if low(m.period[p]) {
		pool = feedbackLowPool
	}
	f := domain.Feedback{ID: g.nextItem(), SKPID: s.ID, Target: domain.FeedbackTarget{RHKID: s.RHK[x].ID}, Period: p,
		AuthorID: s.Penilai.EmployeeID, AuthorName: s.Penilai.Nama, Text: fmt.Sprintf(pool[r.IntN(len(pool))], label),
		Time: at(day, 10)}
	g.out.Feedback = append(g.out.Feedback, f)
	if r.IntN(10) < 3 && g.clip(day.AddDays(1)) == day.AddDays(1) {
		g.out.Feedback = append(g.out.Feedback, domain.Feedback{ID: g.nextItem(), SKPID: s.ID, Target: f.Target, Period: p,
			AuthorID: s.EmployeeID, AuthorName: s.Pegawai.Nama, ByPegawai: true, ReplyTo: f.ID,
			Text: replyPool[r.IntN(len(replyPool))], Time: at(day.AddDays(1), 8)})
	}
	if r.IntN(2) == 0 {
		v := 1 + r.IntN(7)
		txt := feedbackValuePool[v-1][0]
		if m.plan == domain.Kurang || r.IntN(4) == 0 {
			txt = feedbackValuePool[v-1][1]
		}
		if m.plan == domain.Kurang {
			v, txt = 2, feedbackValuePool[1][1] // Akuntabel: the discipline the predikat is about
		}
		g.out.Feedback = append(g.out.Feedback, domain.Feedback{ID: g.nextItem(), SKPID: s.ID, Target: domain.FeedbackTarget{Value: v},
			Period: p, AuthorID: s.Penilai.EmployeeID, AuthorName: s.Penilai.Nama, Text: txt, Time: at(day, 11)})
	}
}

// dialog builds one session with fresh kesepakatan.
func (g *kgen) dialog(s *domain.SKP, m *skpMeta, kind domain.DialogKind, day, next domain.Date, what string) domain.Dialog {
	r := m.r
	notes := dialogNotes[kind][r.IntN(len(dialogNotes[kind]))]
	if strings.Contains(notes, "%d") {
		notes = fmt.Sprintf(notes, s.Year)
	} else {
		notes = fmt.Sprintf(notes, what)
	}
	d := domain.Dialog{ID: g.nextItem(), SKPID: s.ID, Date: day, Kind: kind, Notes: notes, NextDate: next,
		Created: at(day, 13), Updated: at(day, 14)}
	d.Peserta = []string{s.Pegawai.Nama}
	if s.Penilai.Nama != "" {
		d.Peserta = append(d.Peserta, s.Penilai.Nama)
	}
	d.Topics = []domain.FeedbackTarget{{RHKID: s.RHK[r.IntN(len(s.RHK))].ID}}
	if r.IntN(2) == 0 {
		d.Topics = append(d.Topics, domain.FeedbackTarget{Value: 1 + r.IntN(7)})
	}
	if kind != domain.DialogEvaluasi {
		first := r.IntN(len(kesepakatanPool))
		for k := 0; k < 1+r.IntN(2); k++ {
			owner := s.Pegawai.Nama
			if k == 1 && s.Penilai.Nama != "" {
				owner = s.Penilai.Nama
			}
			d.Kesepakatan = append(d.Kesepakatan, domain.Kesepakatan{ID: g.nextItem(), Text: kesepakatanPool[(first+k)%len(kesepakatanPool)],
				Owner: owner, Due: day.AddDays(30 + r.IntN(30)), Status: domain.KesepakatanBelum})
		}
	}
	return d
}

// freshTexts gives the new kesepakatan of d texts that no carried one has.
func freshTexts(d *domain.Dialog) {
	used := map[string]bool{}
	for _, x := range d.Kesepakatan {
		if x.Carried > 0 {
			used[x.Text] = true
		}
	}
	for i := range d.Kesepakatan {
		x := &d.Kesepakatan[i]
		if x.Carried > 0 || !used[x.Text] {
			used[x.Text] = true
			continue
		}
		for k := 1; k < len(kesepakatanPool); k++ {
			t := kesepakatanPool[(slices.Index(kesepakatanPool, x.Text)+k)%len(kesepakatanPool)]
			if !used[t] {
				x.Text = t
				break
			}
		}
		used[x.Text] = true
	}
}

// dialogs: klarifikasi ekspektasi after approval, a session after each
// finished triwulan (konseling when the triwulan went badly), now and then
// coaching or mentoring, and the year's evaluasi in December of a past
// year. Each session carries the kesepakatan not met of the one before.
// Some current SKPs skip the latest session: their next dialog is overdue.
func (g *kgen) dialogs(s *domain.SKP, m *skpMeta, upto int) {
	if s.Penilai.EmployeeID == 0 {
		return
	}
	r := m.r
	type plan struct {
		day  domain.Date
		kind domain.DialogKind
		what string
	}
	var ps []plan
	ps = append(ps, plan{g.clip(domain.DateOf(s.Approved).AddDays(r.IntN(4))), domain.DialogKlarifikasi, ""})
	for p := 1; p <= upto; p++ {
		from, to := domain.PeriodRange(s.Year, g.freq, p)
		if to.Before(s.Start) {
			continue
		}
		label := g.freq.PeriodLabel(p) + " " + strconv.Itoa(s.Year)
		if r.IntN(100) < 15 {
			ps = append(ps, plan{from.AddDays(30 + r.IntN(20)), []domain.DialogKind{domain.DialogCoaching, domain.DialogMentoring}[r.IntN(2)], label})
		}
		kind := domain.DialogUmpanBalik
		if low(m.period[p]) || m.period[p] == domain.Kurang {
			kind = domain.DialogKonseling
		}
		day := to.AddDays(5 + r.IntN(10))
		if p == g.freq.Periods() && s.Year < g.cur {
			day, kind = to.AddDays(-10-r.IntN(6)), domain.DialogEvaluasi
			label = strconv.Itoa(s.Year)
		}
		ps = append(ps, plan{day, kind, label})
	}
	slices.SortStableFunc(ps, func(a, b plan) int { return a.day.Compare(b.day) })
	// keep what has happened; a current SKP may have missed its latest session
	var done []plan
	for _, p := range ps {
		if !g.today.Before(p.day) && !p.day.Before(s.Start) {
			done = append(done, p)
		}
	}
	var planned []domain.Date
	for _, p := range ps {
		planned = append(planned, p.day)
	}
	if s.Year == g.cur && len(done) > 1 && r.IntN(10) < 3 {
		done = done[:len(done)-1] // skipped: the previous session's next date has passed
	}
	var ds []domain.Dialog
	for k, p := range done {
		next := domain.Date{}
		for _, q := range planned {
			if p.day.Before(q) {
				next = q
				break
			}
		}
		if next.IsZero() && s.Year == g.cur {
			_, to := domain.PeriodRange(s.Year, g.freq, domain.PeriodOf(g.freq, p.day))
			next = to.AddDays(10)
			if next.Year > s.Year {
				next = domain.Date{Year: s.Year, Month: time.December, Day: 15}
			}
			if next.Before(p.day) {
				next = p.day
			}
		}
		d := g.dialog(s, m, p.kind, p.day, next, p.what)
		if k > 0 {
			prev := &ds[k-1]
			for x := range prev.Kesepakatan {
				it := &prev.Kesepakatan[x]
				switch y := r.IntN(10); {
				case x == 0 && (!g.carried || y == 0):
					it.Status = domain.KesepakatanBelum // kept open: it is carried again
				case y < 7:
					it.Status = domain.KesepakatanTercapai
				case y < 9:
					it.Status = domain.KesepakatanBelum
				default:
					it.Status = domain.KesepakatanTidakTercapai
				}
			}
			domain.CarryOver(ds, &d, g.nextItem)
			freshTexts(&d)
			for _, it := range d.Kesepakatan {
				if it.Carried >= 2 {
					g.carried = true
				}
			}
		}
		ds = append(ds, d)
	}
	if n := len(ds); n > 0 && s.Year < g.cur {
		for x := range ds[n-1].Kesepakatan { // the year is closed: its last agreements are settled
			ds[n-1].Kesepakatan[x].Status = domain.KesepakatanTercapai
		}
	}
	g.out.Dialogs = append(g.out.Dialogs, ds...)
}

func (g *kgen) evals(s *domain.SKP, m *skpMeta, upto int) {
	r := m.r
	by := s.Penilai.Nama
	if by == "" {
		by = "admin"
	}
	set := g.set
	for p := 1; p <= upto; p++ {
		_, to := domain.PeriodRange(s.Year, g.freq, p)
		if to.Before(s.Start) || !to.Before(g.today) {
			continue
		}
		pred := m.period[p]
		e := domain.Evaluasi{ID: g.nextItem(), SKPID: s.ID, EmployeeID: s.EmployeeID, Year: s.Year, Kind: domain.EvalPeriodik,
			Frequency: g.freq, Period: p}
		e.RatingHasil, e.RatingPerilaku = ratingsFor(pred, r)
		if m.head && m.org != "" {
			e.RatingHasil = domain.HeadRating(g.set, m.org)
			e.RatingPerilaku = perilakuFor(e.RatingHasil, pred)
		}
		e.Predikat = domain.PredikatKinerja(e.RatingHasil, e.RatingPerilaku)
		e.Catatan = catatanEval[e.Predikat][r.IntN(len(catatanEval[e.Predikat]))]
		day := g.clip(to.AddDays(7 + r.IntN(14)))
		e.Updated = at(day, 15)
		switch {
		case s.Year == g.cur && r.IntN(100) < 5:
			continue // not rated yet
		case s.Year == g.cur && r.IntN(100) < 10:
			// rated, not yet final
		default: // cannot fail: both ratings are set and e is not final yet
			_ = domain.FinalizeEvaluasi(&e, *s, s.Penilai, s.Pegawai, by, at(day, 16), set)
		}
		g.out.Evals = append(g.out.Evals, e)
	}
	if s.Year >= g.cur {
		return
	}
	e := domain.Evaluasi{ID: g.nextItem(), SKPID: s.ID, EmployeeID: s.EmployeeID, Year: s.Year, Kind: domain.EvalTahunan}
	e.RatingHasil, e.RatingPerilaku = ratingsFor(m.plan, r)
	if m.head && m.org != "" {
		// the head's hasil kerja is the unit's capaian; perilaku as planned
		e.RatingHasil = domain.HeadRating(g.set, m.org)
		e.RatingPerilaku = perilakuFor(e.RatingHasil, m.plan)
	}
	e.Predikat = domain.PredikatKinerja(e.RatingHasil, e.RatingPerilaku)
	e.Catatan = catatanEval[e.Predikat][r.IntN(len(catatanEval[e.Predikat]))]
	day := g.clip(domain.Date{Year: s.Year + 1, Month: time.January, Day: 10 + r.IntN(10)})
	e.Updated = at(day, 10)
	// Cannot fail: both ratings are set and e is not final yet.
	_ = domain.FinalizeEvaluasi(&e, *s, s.Penilai, s.Pegawai, by, at(day, 11), set)
	g.out.Evals = append(g.out.Evals, e)
}

// revisions records, for two approved SKPs of this year with time to
// spare, a revision: the earlier version kept, one target raised, the
// SKP approved again.
func (g *kgen) revisions() {
	n := 0
	for i := range g.out.SKPs {
		s := &g.out.SKPs[i]
		if n == 2 || s.Year != g.cur || s.Status != domain.SKPDisetujui || s.Pendekatan != domain.Kuantitatif || len(s.RHK) < 2 ||
			s.Penilai.EmployeeID == 0 || g.meta[i].head {
			continue
		}
		when := domain.DateOf(s.Approved).AddDays(40)
		if !when.AddDays(3).Before(g.today) {
			continue
		}
		earlier := *s
		earlier.RHK = cloneRHK(s.RHK)
		earlier.Lampiran = domain.Lampiran{
			DukunganSumberDaya:      slices.Clone(s.Lampiran.DukunganSumberDaya),
			SkemaPertanggungjawaban: slices.Clone(s.Lampiran.SkemaPertanggungjawaban),
			Konsekuensi:             slices.Clone(s.Lampiran.Konsekuensi)}
		in := &s.RHK[0].Indikator[0]
		if v, err := strconv.Atoi(in.Target); err == nil && in.Satuan != "%" {
			in.Target = strconv.Itoa(v + (v+3)/4)
		} else {
			s.Lampiran.DukunganSumberDaya = append(s.Lampiran.DukunganSumberDaya, "Tambahan anggaran APBD Perubahan")
		}
		reason := revisionReasons[n%len(revisionReasons)]
		s.Revision, s.RevisionNote = 1, reason
		s.Approved, s.Updated = at(when.AddDays(2), 10), at(when.AddDays(2), 10)
		g.out.Revisions = append(g.out.Revisions, domain.SKPRevision{SKPID: s.ID, Revision: 0, Time: at(when, 9),
			By: s.Pegawai.Nama, Reason: reason, SKP: earlier})
		n++
	}
}

func cloneRHK(rs []domain.RHK) []domain.RHK {
	out := make([]domain.RHK, len(rs))
	for i, r := range rs {
		r.Indikator = slices.Clone(r.Indikator)
		out[i] = r
	}
	return out
}

// leaveDemoPegawaiWithoutSKP keeps the current year free for the demo
// login "pegawai" (LoginEmployees, as the store links it), so that a
// newcomer trying the demo can draft an SKP from nothing.
func (g *kgen) leaveDemoPegawaiWithoutSKP(st []domain.SKPStatus, who []int) {
	rows := make([]domain.Row, len(g.emps))
	for i, e := range g.emps {
		rows[i] = domain.RowOf(e)
	}
	id := LoginEmployees(rows).Pegawai
	for k, i := range who {
		if g.emps[i].ID == id {
			st[k] = 0
		}
	}
}

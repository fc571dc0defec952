// Package demo builds the demo office: a realistic, fully fictitious
// kecamatan with units and employees whose identifiers, dates, golongan and
// reporting lines are mutually consistent, so every screen of asndesk can be
// tried without real personal data.
//
// Generation is deterministic: the same (n, seed) always gives the same
// result, byte for byte. Nothing reads the clock; ages, masa kerja and
// contracts are computed against the fixed ReferenceDate, 1 January 2026.
package demo

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"asndesk/domain"
)

// Size limits for Generate.
const (
	DefaultEmployees = 40
	MaxEmployees     = 100000
)

// ReferenceDate is the day the demo data is "as of": every active employee is
// more than a year below batas usia pensiun and every active PPPK contract is
// running on this day.
func ReferenceDate() domain.Date { return refDate }

var refDate = domain.Date{Year: 2026, Month: time.January, Day: 1}

// pcgStream is the fixed second PCG word; the caller's seed is the first.
const pcgStream = 0x61736e6465736b // "asndesk"

// Generate builds a demo office with n employees (n <= 0 gives
// DefaultEmployees, n > MaxEmployees is capped). IDs are pre-assigned:
// units 1..k, employees 1..n; UnitID and AtasanID refer to them, and every
// atasan has a smaller ID than its staff.
//
// The first employees come from a fixed list, so that any office of 32 or
// more employees contains every jenis pegawai, every jenis jabatan, all
// jenjang families and the statuses Pensiun, Pindah, Meninggal and CLTN.
func Generate(n int, seed uint64) (domain.Office, []domain.Unit, []domain.Employee) {
	_, o, units, emps := generate(n, seed)
	return o, units, emps
}

// generate is Generate returning also the generator, whose random stream
// and identifier counters GenerateOffice continues.
func generate(n int, seed uint64) (*gen, domain.Office, []domain.Unit, []domain.Employee) {
	if n <= 0 {
		n = DefaultEmployees
	}
	if n > MaxEmployees {
		n = MaxEmployees
	}
	g := &gen{
		r:      rand.New(rand.NewPCG(seed, pcgStream)),
		nipSeq: make(map[string]int),
		nikSeq: make(map[string]int),
		emails: make(map[string]int),
	}
	g.buildUnits(n)
	roles := g.plan(n)
	emps := make([]domain.Employee, len(roles))
	for i, rl := range roles {
		emps[i] = g.employee(uint64(i+1), rl)
	}
	units := make([]domain.Unit, len(g.units))
	for i, u := range g.units {
		units[i] = domain.Unit{ID: uint64(i + 1), Name: u.name}
	}
	return g, domain.Office{Name: officeName, Demo: true}, units, emps
}

type unit struct {
	name string
	kind unitKind
	w    int
	head int // index of the unit head in the employee list, -1 if none
}

type gen struct {
	r      *rand.Rand
	units  []unit
	cumW   []int // cumulative staff weights over units
	nipSeq map[string]int
	nikSeq map[string]int
	emails map[string]int
}

// role is what the plan decides for one employee before the person is drawn.
type role struct {
	kind    domain.Kind
	unit    int // index into g.units
	jk      domain.JabatanKind
	jenjang domain.Jenjang
	nama    string // nama jabatan; for Fungsional without the jenjang
	field   string
	status  domain.Status
	gender  domain.Gender // 0: drawn
	atasan  int           // employee index, -1 for none
	head    bool
}

// buildUnits creates the base units and, for large offices, numbered
// sub-units (schools, kelurahan and puskesmas) of about 50 employees each.
func (g *gen) buildUnits(n int) {
	for _, b := range baseUnits {
		g.units = append(g.units, unit{name: b.name, kind: b.kind, w: b.w, head: -1})
	}
	extra := 0
	if n > 200 {
		extra = (n - 200) / 50
	}
	sd, kel, pkm := 1, 0, 0
	places := desa[1:] // "Sukamaju" is the kecamatan itself
	placeName := func(prefix string, i int) string {
		name := prefix + places[i%len(places)]
		if round := i / len(places); round > 0 {
			name += " " + strconv.Itoa(round+1)
		}
		return name
	}
	for i := 0; i < extra; i++ {
		switch i % 3 {
		case 0:
			sd++
			g.units = append(g.units, unit{name: "SD Negeri Sukamaju " + strconv.Itoa(sd), kind: ukSD, w: wExtraSD, head: -1})
		case 1:
			g.units = append(g.units, unit{name: placeName("Kelurahan ", kel), kind: ukKelurahan, w: wExtraKelurahan, head: -1})
			kel++
		default:
			g.units = append(g.units, unit{name: placeName("Puskesmas ", pkm), kind: ukPuskesmas, w: wExtraPuskesmas, head: -1})
			pkm++
		}
	}
	total := 0
	for _, u := range g.units {
		total += u.w
		g.cumW = append(g.cumW, total)
	}
}

// Indices of base units.
const (
	uPimpinan = iota
	uSekretariat
	uUmpeg
	uPemerintahan
	uKesos
	uTrantib
	uPMD
	uPuskesmas
	uSD
)

// Fixed-list indices of the heads other entries report to.
const (
	iJPTUtama = 0
	iJPTMadya = 1
	iJPTPrat  = 2
	iCamat    = 3
	iSekcam   = 4
)

const headOfUnit = -2 // role.atasan placeholder: the head of the role's unit

// fixedRoles guarantees coverage: heads first (so atasan always precede their
// staff), then one employee of each remaining kind, jenjang and status.
func fixedRoles() []role {
	pns, cpns, pppk, pw := domain.KindPNS, domain.KindCPNS, domain.KindPPPK, domain.KindPPPKParuhWaktu
	aktif := domain.StatusAktif
	h := func(u int, jk domain.JabatanKind, nama, field string, atasan int) role {
		return role{kind: pns, unit: u, jk: jk, nama: nama, field: field, status: aktif, atasan: atasan, head: true}
	}
	s := func(k domain.Kind, u int, jk domain.JabatanKind, jj domain.Jenjang, nama, field string, st domain.Status, gd domain.Gender) role {
		return role{kind: k, unit: u, jk: jk, jenjang: jj, nama: nama, field: field, status: st, gender: gd, atasan: headOfUnit}
	}
	return []role{
		// 0–3: the chain at the top. JPT posts are unusual in a kecamatan;
		// they are here so the demo shows every jenis jabatan.
		{kind: pns, unit: uPimpinan, jk: domain.JPTUtama, nama: "Kepala Badan Pembinaan Pemerintahan Desa", field: fGen, status: aktif, atasan: -1},
		{kind: pns, unit: uPimpinan, jk: domain.JPTMadya, nama: "Sekretaris Daerah Provinsi", field: fGen, status: aktif, atasan: iJPTUtama},
		{kind: pns, unit: uPimpinan, jk: domain.JPTPratama, nama: "Sekretaris Daerah Kabupaten", field: fTani, status: aktif, atasan: iJPTMadya},
		{kind: pns, unit: uPimpinan, jk: domain.Administrator, nama: "Camat Sukamaju", field: fGen, status: aktif, atasan: iJPTPrat},
		// 4–11: unit heads.
		h(uSekretariat, domain.Administrator, "Sekretaris Kecamatan", fGen, iCamat),
		h(uUmpeg, domain.Pengawas, "Kepala Subbagian Umum dan Kepegawaian", fGen, iSekcam),
		h(uPemerintahan, domain.Pengawas, "Kepala Seksi Pemerintahan", fGen, iCamat),
		h(uKesos, domain.Pengawas, "Kepala Seksi Kesejahteraan Sosial", fSos, iCamat),
		h(uTrantib, domain.Pengawas, "Kepala Seksi Ketenteraman dan Ketertiban Umum", fGen, iCamat),
		h(uPMD, domain.Pengawas, "Kepala Seksi Pemberdayaan Masyarakat Desa", fTani, iCamat),
		h(uPuskesmas, domain.Pengawas, "Kepala Puskesmas Sukamaju", fKesmas, iCamat),
		{kind: pns, unit: uSD, jk: domain.Fungsional, jenjang: domain.AhliMadya, nama: "Guru", field: fPd, status: aktif, atasan: iCamat, head: true},
		// 12–: coverage of jenjang, kinds and statuses.
		{kind: pns, unit: uPimpinan, jk: domain.Fungsional, jenjang: domain.AhliUtama, nama: "Analis Kebijakan", field: fGen, status: aktif, atasan: iJPTUtama},
		s(pns, uPemerintahan, domain.Fungsional, domain.AhliMuda, "Analis Kebijakan", fGen, aktif, 0),
		s(pns, uSekretariat, domain.Fungsional, domain.AhliPertama, "Pranata Komputer", fKom, aktif, 0),
		s(pns, uPuskesmas, domain.Fungsional, domain.Mahir, "Bidan", fKeb, aktif, domain.Female),
		s(pns, uTrantib, domain.Fungsional, domain.Penyelia, "Polisi Pamong Praja", fGen, aktif, domain.Male),
		s(pns, uUmpeg, domain.Pelaksana, 0, "Pengadministrasi Perkantoran", fGen, aktif, 0),
		s(cpns, uUmpeg, domain.Fungsional, domain.AhliPertama, "Analis Sumber Daya Manusia Aparatur", fGen, aktif, 0),
		s(cpns, uTrantib, domain.Fungsional, domain.Pemula, "Polisi Pamong Praja", fGen, aktif, 0),
		s(pppk, uSD, domain.Fungsional, domain.AhliPertama, "Guru", fPd, aktif, 0),
		s(pppk, uPuskesmas, domain.Fungsional, domain.Terampil, "Perawat", fKep, aktif, 0),
		s(pppk, uKesos, domain.Fungsional, domain.AhliPertama, "Penyuluh Sosial", fSos, aktif, 0),
		s(pppk, uPemerintahan, domain.Pelaksana, 0, "Pengadministrasi Pemerintahan", fGen, aktif, 0),
		s(pw, uUmpeg, domain.Pelaksana, 0, "Pengelola Layanan Operasional", fGen, aktif, 0),
		s(pw, uSD, domain.Pelaksana, 0, "Operator Layanan Operasional", fGen, aktif, 0),
		s(pns, uKesos, domain.Pelaksana, 0, "Pengadministrasi Perkantoran", fGen, domain.StatusPensiun, 0),
		s(pns, uPMD, domain.Fungsional, domain.Terampil, "Penggerak Swadaya Masyarakat", fGen, domain.StatusPindah, 0),
		s(pns, uPuskesmas, domain.Fungsional, domain.AhliPertama, "Perawat", fKep, domain.StatusCLTN, domain.Female),
		s(pns, uPemerintahan, domain.Pelaksana, 0, "Pengadministrasi Pemerintahan", fGen, domain.StatusMeninggal, 0),
		s(pns, uPuskesmas, domain.Fungsional, domain.AhliMuda, "Dokter", fDr, aktif, 0),
		s(pppk, uPuskesmas, domain.Fungsional, domain.Terampil, "Bidan", fKeb, aktif, domain.Female),
	}
}

// Target mix of jenis pegawai, in percent.
var kindMix = []struct {
	k   domain.Kind
	pct int
}{{domain.KindPNS, 60}, {domain.KindCPNS, 5}, {domain.KindPPPK, 30}, {domain.KindPPPKParuhWaktu, 5}}

// plan decides every employee's role: the fixed list, heads of the numbered
// sub-units, then randomly drawn staff.
func (g *gen) plan(n int) []role {
	fixed := fixedRoles()
	roles := make([]role, 0, n)
	for _, rl := range fixed {
		if len(roles) == n {
			break
		}
		roles = append(roles, rl)
	}
	for i := len(baseUnits); i < len(g.units) && len(roles) < n; i++ {
		rl := role{kind: domain.KindPNS, unit: i, status: domain.StatusAktif, atasan: iCamat, head: true}
		switch name := g.units[i].name; g.units[i].kind {
		case ukSD: // the kepala sekolah is a guru with a tugas tambahan
			rl.jk, rl.nama, rl.field = domain.Fungsional, "Guru", fPd
			rl.jenjang = []domain.Jenjang{domain.AhliMuda, domain.AhliMadya, domain.AhliMadya}[g.r.IntN(3)]
		case ukKelurahan:
			rl.jk, rl.nama, rl.field = domain.Pengawas, "Lurah "+strings.TrimPrefix(name, "Kelurahan "), fGen
		default:
			rl.jk, rl.nama, rl.field = domain.Pengawas, "Kepala "+name, fKesmas
		}
		roles = append(roles, rl)
	}
	for i, rl := range roles {
		if rl.head {
			g.units[rl.unit].head = i
		}
	}
	count := map[domain.Kind]int{}
	for _, rl := range roles {
		count[rl.kind]++
	}
	for len(roles) < n {
		// The kind furthest below its share of the office so far: the mix
		// is exact for any size, the rest of the role is random.
		k, best := domain.KindPNS, math.MinInt
		for _, m := range kindMix {
			if d := m.pct*(len(roles)+1) - 100*count[m.k]; d > best {
				k, best = m.k, d
			}
		}
		count[k]++
		roles = append(roles, g.staffRole(k))
	}
	for i := range roles {
		if roles[i].atasan == headOfUnit {
			roles[i].atasan = g.units[roles[i].unit].head
			if roles[i].atasan == i || roles[i].atasan < 0 {
				roles[i].atasan = iCamat
			}
		}
	}
	return roles
}

// staffRole draws a unit and a jabatan for a randomly generated employee.
func (g *gen) staffRole(k domain.Kind) role {
	u := g.pickUnit()
	rl := role{kind: k, unit: u, status: domain.StatusAktif, atasan: headOfUnit}
	if k == domain.KindPNS {
		switch x := g.r.IntN(1000); {
		case x < 6:
			rl.status = domain.StatusPensiun
		case x < 11:
			rl.status = domain.StatusPindah
		case x < 14:
			rl.status = domain.StatusMeninggal
		case x < 17:
			rl.status = domain.StatusCLTN
		}
	}
	if k == domain.KindPPPKParuhWaktu {
		ws := make([]int, len(paruhWaktuJobs))
		for i, j := range paruhWaktuJobs {
			ws[i] = j.w
		}
		rl.jk, rl.nama, rl.field = domain.Pelaksana, paruhWaktuJobs[g.pick(ws)].name, fGen
		return rl
	}
	if rl.status == domain.StatusPensiun {
		// Retired at 58: a Pelaksana, whose BUP is never raised by the grid.
		rl.jk, rl.nama, rl.field = domain.Pelaksana, "Pengadministrasi Perkantoran", fGen
		return rl
	}
	entry := k != domain.KindPNS // CPNS and PPPK start at the entry jenjang
	var cands []job
	var ws []int
	for _, j := range staffJobs[g.units[u].kind] {
		if j.jk == domain.Fungsional && entry && len(entryJenjangs(j.jenjangs)) == 0 {
			continue
		}
		cands = append(cands, j)
		ws = append(ws, j.w)
	}
	j := cands[g.pick(ws)]
	rl.jk, rl.nama, rl.field = j.jk, j.name, j.field
	if j.jk == domain.Fungsional {
		js := j.jenjangs
		if entry {
			js = entryJenjangs(js)
		}
		jw := make([]int, len(js))
		for i, jj := range js {
			jw[i] = jenjangWeight[jj]
		}
		rl.jenjang = js[g.pick(jw)]
	}
	return rl
}

var jenjangWeight = map[domain.Jenjang]int{
	domain.AhliPertama: 4, domain.AhliMuda: 3, domain.AhliMadya: 1, domain.AhliUtama: 0,
	domain.Pemula: 1, domain.Terampil: 4, domain.Mahir: 3, domain.Penyelia: 2,
}

func entryJenjangs(js []domain.Jenjang) []domain.Jenjang {
	var out []domain.Jenjang
	for _, j := range js {
		if j == domain.AhliPertama || j == domain.Terampil || j == domain.Pemula {
			out = append(out, j)
		}
	}
	return out
}

func (g *gen) pickUnit() int {
	x := g.r.IntN(g.cumW[len(g.cumW)-1])
	lo, hi := 0, len(g.cumW)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if g.cumW[mid] > x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// pick returns an index drawn with the given weights.
func (g *gen) pick(ws []int) int {
	total := 0
	for _, w := range ws {
		total += w
	}
	x := g.r.IntN(total)
	for i, w := range ws {
		if x < w {
			return i
		}
		x -= w
	}
	return len(ws) - 1
}

func (g *gen) one(xs []string) string { return xs[g.r.IntN(len(xs))] }

// chance reports true with probability pct/100.
func (g *gen) chance(pct int) bool { return g.r.IntN(100) < pct }

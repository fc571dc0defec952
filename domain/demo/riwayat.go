package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"asndesk/domain"
)

// rwStream is the second PCG word of the riwayat generator, so that its
// draws never disturb Generate's.
const rwStream = 0x72697761796174 // "riwayat"

// GenerateRiwayat builds, deterministically for (emps, units, seed), the
// riwayat of every employee and the unit tree of the office. The entries
// agree with the profiles: the latest pangkat is the profile's golongan,
// the latest jabatan its jabatan and unit, the highest pendidikan its
// pendidikan terakhir. Every PNS has a pangkat history from TMT CPNS
// (about one kenaikan pangkat per four years), gaji entries at every
// pangkat and every two years between them; PPPK have one pangkat and one
// jabatan entry at their first appointment. There are diklat (Latsar,
// kepemimpinan for the heads, technical courses), Satyalancana Karya Satya
// for long service, keluarga for married employees, cuti tahunan in 2024–
// 2026, angka kredit for most JF, organisasi and a few peninjauan masa
// kerja. Entry ids are 1, 2, … in generation order; Created and Updated
// are zero (the store sets them).
//
// So that the Pengingat screen has rows of every kind both on
// ReferenceDate and in late 2026, a few employees get designated dates:
// kenaikan pangkat and KGB due on 1 April 2026 and 1 April 2027, a
// hukuman disiplin "Pemotongan tunjangan kinerja sebesar 25% selama 6
// bulan" running on ReferenceDate that postpones a KGB (ends 28 February
// 2026), a 12-month one ending 30 November 2026, a teguran tertulis, and
// cuti besar taken in 2020–2021 so that the next one is due on 1 March
// 2026 and 1 January 2027. (Pensiun and kontrak PPPK berakhir come from
// the profiles: see GenerateOffice.)
//
// The tree: the unit "Pimpinan" at the top, every other unit below it
// ("Subbagian Umum dan Kepegawaian" below "Sekretariat"); each unit's head
// is the active employee of the unit who reports outside it and has staff
// in it (the Camat's chain heads Pimpinan), 0 when there is none.
func GenerateRiwayat(emps []domain.Employee, units []domain.Unit, seed uint64) ([]domain.Riwayat, []domain.UnitNode) {
	rg := &rgen{r: rand.New(rand.NewPCG(seed, rwStream))}
	nodes := buildTree(emps, units)
	des := rg.designate(emps)
	for i := range emps {
		rg.person(emps[i], des[i])
	}
	for i := range rg.out {
		rg.out[i].ID = uint64(i + 1)
	}
	return rg.out, nodes
}

// Designations: the employees whose dates are fixed for the reminders.
type designation int

const (
	desNone   designation = iota
	desKPRef              // last pangkat 1 April 2022: KP and KGB due 1 April 2026
	desKPLate             // last pangkat 1 April 2023: KP and KGB due 1 April 2027
	desHukKGB             // tukin 6 bulan from 1 September 2025 postpones the KGB of 1 October 2025
	desHukEnd             // tukin 12 bulan from 1 December 2025, ends 30 November 2026
	desRingan             // teguran tertulis in 2024
	desCBRef              // cuti besar ending 28 February 2021: next one 1 March 2026
	desCBLate             // cuti besar ending 31 December 2021: next one 1 January 2027
)

var (
	hukKGBStart = domain.Date{Year: 2025, Month: time.September, Day: 1}
	hukEndStart = domain.Date{Year: 2025, Month: time.December, Day: 1}
)

// lastPangkat is the designated TMT of the latest pangkat.
func (d designation) lastPangkat() domain.Date {
	switch d {
	case desKPRef:
		return domain.Date{Year: 2022, Month: time.April, Day: 1}
	case desKPLate:
		return domain.Date{Year: 2023, Month: time.April, Day: 1}
	case desHukKGB:
		return domain.Date{Year: 2021, Month: time.October, Day: 1}
	}
	return domain.Date{}
}

type rgen struct {
	r   *rand.Rand
	out []domain.Riwayat
	sk  int // running SK number
}

func (g *rgen) intn(n int) int {
	if n <= 0 {
		return 0
	}
	return g.r.IntN(n)
}

func (g *rgen) chance(pct int) bool { return g.r.IntN(100) < pct }

func (g *rgen) one(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *rgen) add(r domain.Riwayat) { g.out = append(g.out, r) }

// skNo draws an SK number of the office's style.
func (g *rgen) skNo(code string, year int) string {
	g.sk++
	return fmt.Sprintf("%s/%03d/BKPSDM/%d", code, 1+g.sk%997, year)
}

// skDate is the date of the SK of a TMT: some weeks before it, never after
// the reference date.
func (g *rgen) skDate(tmt domain.Date) domain.Date {
	d := tmt.AddDays(-(10 + g.intn(40)))
	if refDate.Before(d) {
		d = refDate.AddDays(-1)
	}
	return d
}

// designate picks the employees with fixed dates, among the active ones
// that fit each purpose, each employee at most once.
func (g *rgen) designate(emps []domain.Employee) []designation {
	des := make([]designation, len(emps))
	grid := domain.DefaultBUPGrid()
	pick := func(d designation, ok func(domain.Employee) bool) {
		var cands []int
		for i, e := range emps {
			if des[i] == desNone && e.Kind == domain.KindPNS && e.Status == domain.StatusAktif && ok(e) {
				cands = append(cands, i)
			}
		}
		if len(cands) > 0 {
			des[cands[g.intn(len(cands))]] = d
		}
	}
	// Pensiun well after the dates concerned, so that no rule drops them.
	lateRetire := func(e domain.Employee) bool {
		return domain.Date{Year: 2029}.Before(domain.TMTPensiun(e.TanggalLahir, grid.BUP(e)))
	}
	pangkat := func(d designation) func(domain.Employee) bool {
		last := d.lastPangkat()
		return func(e domain.Employee) bool {
			gi := golIndex(e.Golongan)
			return gi > awalIndex(e) && e.Golongan != "IV/e" && lateRetire(e) &&
				!last.Before(e.TMTCPNS.AddMonths(24))
		}
	}
	for _, d := range []designation{desKPRef, desKPLate, desHukKGB} {
		pick(d, pangkat(d))
	}
	pick(desHukEnd, lateRetire)
	pick(desRingan, func(domain.Employee) bool { return true })
	pick(desCBRef, func(e domain.Employee) bool {
		return lateRetire(e) && !domain.Date{Year: 2015, Month: time.December, Day: 1}.Before(e.TMTCPNS)
	})
	pick(desCBLate, func(e domain.Employee) bool {
		return lateRetire(e) && !domain.Date{Year: 2016, Month: time.October, Day: 1}.Before(e.TMTCPNS)
	})
	return des
}

var pnsGolIndex = func() map[string]int {
	m := map[string]int{}
	for i, g := range pnsGol {
		m[g] = i
	}
	return m
}()

func golIndex(g string) int {
	if i, ok := pnsGolIndex[g]; ok {
		return i
	}
	return -1
}

// awalIndex is the pangkat awal of the employee's ijazah, never above the
// current golongan.
func awalIndex(e domain.Employee) int {
	return min(golAwal[e.Pendidikan], max(golIndex(e.Golongan), 0))
}

// person generates every list of one employee.
func (g *rgen) person(e domain.Employee, d designation) {
	start := domain.MasaKerjaStart(e)
	if e.Kind.IsPPPK() {
		start = firstAppointment(e)
	}
	g.pendidikan(e, start)
	var tmts []domain.Date
	if e.Kind.IsPPPK() {
		g.add(domain.Riwayat{EmployeeID: e.ID, Kind: domain.RwPangkat, Pangkat: &domain.RwPangkatData{
			Golongan: e.Golongan, TMT: start, NomorSK: g.skNo("800.1.13.2", start.Year), TanggalSK: g.skDate(start)}})
	} else {
		tmts = g.pangkat(e, d)
	}
	g.jabatan(e, start)
	if e.Kind == domain.KindPNS {
		g.gaji(e, tmts, d)
	}
	g.diklat(e, start)
	g.penghargaan(e)
	g.hukdis(e, d)
	kids := g.keluarga(e)
	g.cuti(e, start, d, kids)
	g.angkaKredit(e, start)
	g.organisasi(e, start)
	if e.Kind == domain.KindPNS && d == desNone && e.TMTCPNS.Year < 2010 && g.chance(4) {
		tmt := domain.Date{Year: e.TMTCPNS.Year + 3, Month: e.TMTCPNS.Month, Day: 1}
		g.add(domain.Riwayat{EmployeeID: e.ID, Kind: domain.RwMasaKerja, MasaKerja: &domain.RwMasaKerjaData{
			TMT: tmt, Tahun: 1 + g.intn(4), Bulan: g.intn(12), NomorSK: g.skNo("800.1.6.1", tmt.Year),
			TanggalSK: g.skDate(tmt), Golongan: true}})
	}
}

// firstAppointment is the TMT of a PPPK's first perjanjian kerja: the
// year in the NI PPPK, the month of the current contract.
func firstAppointment(e domain.Employee) domain.Date {
	y := 0
	if len(e.NIP) >= 12 {
		for _, c := range e.NIP[8:12] {
			y = y*10 + int(c-'0')
		}
	}
	if y < 1950 || y > e.TMTKontrak.Year {
		return e.TMTKontrak
	}
	return domain.Date{Year: y, Month: e.TMTKontrak.Month, Day: 1}
}

// ---- pendidikan ----

var eduChain = map[string][]string{
	"SD": {"SD"}, "SLTP": {"SD", "SLTP"}, "SLTA": {"SLTP", "SLTA"}, "D-I": {"SLTA", "D-I"},
	"D-II": {"SLTA", "D-II"}, "D-III": {"SLTA", "D-III"}, "D-IV": {"SLTA", "D-IV"}, "S1": {"SLTA", "S1"},
	"S2": {"SLTA", "S1", "S2"}, "S3": {"SLTA", "S1", "S2", "S3"},
}

// eduAge is the usual age on graduating.
var eduAge = map[string]int{"SD": 12, "SLTP": 15, "SLTA": 18, "D-I": 19, "D-II": 20, "D-III": 21,
	"D-IV": 22, "S1": 22, "S2": 25, "S3": 29}

var universities = []string{"Universitas Padjadjaran", "Universitas Pendidikan Indonesia", "Universitas Garut",
	"Universitas Siliwangi", "Institut Teknologi Bandung", "Universitas Gadjah Mada", "Universitas Indonesia",
	"Universitas Diponegoro", "Universitas Terbuka", "Universitas Pasundan", "Universitas Islam Bandung"}

var politeknik = []string{"Politeknik Kesehatan Kemenkes Bandung", "Politeknik Negeri Bandung",
	"Akademi Keperawatan Pemkab Garut", "Politeknik LP3I Bandung", "Universitas Terbuka"}

func jurusanFor(e domain.Employee, level string) string {
	n := strings.ToLower(e.NamaJabatan)
	switch {
	case strings.Contains(n, "guru"):
		return "Pendidikan Guru Sekolah Dasar"
	case strings.Contains(n, "bidan"):
		return "Kebidanan"
	case strings.Contains(n, "perawat"):
		return "Keperawatan"
	case strings.Contains(n, "dokter"):
		return "Pendidikan Dokter"
	case strings.Contains(n, "komputer") || strings.Contains(n, "data"):
		return "Teknik Informatika"
	case strings.Contains(n, "sosial"):
		return "Kesejahteraan Sosial"
	case strings.Contains(n, "puskesmas") || strings.Contains(n, "kesehatan"):
		return "Kesehatan Masyarakat"
	}
	switch level {
	case "S2":
		return "Magister Administrasi Publik"
	case "S3":
		return "Ilmu Administrasi"
	}
	return "Ilmu Administrasi Negara"
}

func (g *rgen) pendidikan(e domain.Employee, start domain.Date) {
	chain := eduChain[e.Pendidikan]
	if len(chain) == 0 {
		return
	}
	birth := e.TanggalLahir.Year
	final := chain[len(chain)-1]
	lastYear := birth + eduAge[final] + g.intn(2)
	if !start.IsZero() && lastYear >= start.Year {
		lastYear = max(start.Year-1, birth+eduAge[final]-1)
	}
	for i, lv := range chain {
		year := birth + eduAge[lv]
		if i == len(chain)-1 {
			year = lastYear
		}
		year = min(year, lastYear-(len(chain)-1-i))
		p := &domain.RwPendidikanData{Tingkat: lv, TahunLulus: year,
			NomorIjazah: fmt.Sprintf("%s-%d-%06d", strings.ReplaceAll(lv, "-", ""), year, g.intn(1000000))}
		switch lv {
		case "SD":
			p.NamaSekolah = fmt.Sprintf("SD Negeri %d %s", 1+g.intn(4), g.one(desa))
		case "SLTP":
			p.NamaSekolah = fmt.Sprintf("SMP Negeri %d Garut", 1+g.intn(6))
		case "SLTA":
			p.NamaSekolah = fmt.Sprintf("SMA Negeri %d Garut", 1+g.intn(8))
			p.Jurusan = g.one([]string{"IPA", "IPS", "IPA"})
		case "D-I", "D-II", "D-III", "D-IV":
			p.NamaSekolah = g.one(politeknik)
			p.Jurusan = jurusanFor(e, lv)
		default:
			p.NamaSekolah = g.one(universities)
			p.Jurusan = jurusanFor(e, lv)
		}
		if lv == final {
			p.Gelar = lastGelar(e)
		}
		g.add(domain.Riwayat{EmployeeID: e.ID, Kind: domain.RwPendidikan, Pendidikan: p})
	}
}

// lastGelar is the degree of the highest ijazah: the last gelar belakang,
// or the gelar depan of a doctor.
func lastGelar(e domain.Employee) string {
	if parts := strings.Split(e.GelarBelakang, ", "); e.GelarBelakang != "" {
		return parts[len(parts)-1]
	}
	for _, p := range strings.Fields(e.GelarDepan) {
		if p == "dr." || p == "drg." || p == "Ir." || p == "Dr." {
			return p
		}
	}
	return ""
}

// ---- pangkat and gaji ----

// kpPeriods lists 1 April and 1 Oktober from (after) `from` to `to`.
func kpPeriods(from, to domain.Date) []domain.Date {
	var out []domain.Date
	for y := from.Year; y <= to.Year; y++ {
		for _, m := range []time.Month{time.April, time.October} {
			d := domain.Date{Year: y, Month: m, Day: 1}
			if from.Before(d) && !to.Before(d) {
				out = append(out, d)
			}
		}
	}
	return out
}

func monthsBetween(a, b domain.Date) int {
	m := (b.Year-a.Year)*12 + int(b.Month) - int(a.Month)
	if b.Day < a.Day {
		m--
	}
	return m
}

// pangkat writes the pangkat history of a PNS or CPNS and returns the
// TMTs of the pangkat after the first, oldest first.
func (g *rgen) pangkat(e domain.Employee, d designation) []domain.Date {
	final := golIndex(e.Golongan)
	awal := awalIndex(e)
	steps := final - awal
	cpns := e.TMTCPNS
	entry := func(gi int, tmt domain.Date, jenis string) {
		mk := max(monthsBetween(cpns, tmt), 0)
		g.add(domain.Riwayat{EmployeeID: e.ID, Kind: domain.RwPangkat, Pangkat: &domain.RwPangkatData{
			Golongan: pnsGol[gi], TMT: tmt, NomorSK: g.skNo("800.1.3.2", tmt.Year), TanggalSK: g.skDate(tmt),
			JenisKP: jenis, MKGTahun: mk / 12, MKGBulan: mk % 12}})
	}
	if final < 0 || e.Kind == domain.KindCPNS || steps <= 0 {
		entry(max(final, 0), cpns, "Pengangkatan CPNS")
		return nil
	}
	entry(awal, cpns, "Pengangkatan CPNS")
	last := d.lastPangkat()
	if last.IsZero() {
		// A KP period in the last four years when the career allows it,
		// else the latest one that leaves a year after TMT CPNS.
		lo := refDate.AddMonths(-48)
		if need := cpns.AddMonths(12 * min(steps, 4)); lo.Before(need) {
			lo = need
		}
		ps := kpPeriods(lo.AddDays(-1), refDate)
		if len(ps) == 0 {
			ps = kpPeriods(cpns.AddMonths(12).AddDays(-1), refDate)
		}
		if len(ps) == 0 {
			last = refDate
		} else {
			last = ps[g.intn(len(ps))]
		}
	}
	gap := min(48, max(monthsBetween(cpns, last)/steps, 1))
	var tmts []domain.Date
	for k := 1; k <= steps; k++ {
		tmt := last.AddMonths(-gap * (steps - k))
		if !cpns.Before(tmt) {
			tmt = cpns.AddMonths(k) // only for a career far too short for its golongan
		}
		jenis := "Reguler"
		if gap < 36 && k < steps {
			jenis = "Pilihan"
		}
		entry(awal+k, tmt, jenis)
		tmts = append(tmts, tmt)
	}
	return tmts
}

// gapok approximates gaji pokok (PP 15/2019) for a golongan index and
// masa kerja golongan in years, rounded to hundreds of rupiah.
func gapok(gi, mkg int) int64 {
	base := [...]float64{1560800, 2022200, 2579400, 3044300}
	grp := min(gi/4, 3)
	ruang := gi - grp*4
	v := base[grp] * math.Pow(1.034, float64(ruang)) * math.Pow(1.026, float64(max(mkg, 0)/2))
	return int64(v/100) * 100
}

// gaji writes, for a PNS, a gaji entry at every kenaikan pangkat (tmts)
// and a KGB every two years between them, from ten years before the
// reference date; the designated employee with a postponing hukuman has
// no KGB from the hukuman on.
func (g *rgen) gaji(e domain.Employee, tmts []domain.Date, d designation) {
	from := refDate.AddMonths(-120)
	starts := append([]domain.Date{e.TMTCPNS}, tmts...)
	awal := awalIndex(e)
	stop := domain.Date{}
	if d == desHukKGB {
		stop = hukKGBStart
	}
	prev := int64(0)
	for k, s := range starts {
		end := refDate.AddDays(1)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		for t := s; t.Before(end) && !refDate.Before(t); t = t.AddMonths(24) {
			if !stop.IsZero() && !t.Before(stop) {
				break
			}
			mk := max(monthsBetween(e.TMTCPNS, t), 0) / 12
			gp := gapok(awal+k, mk)
			if k == 0 && t == s {
				prev = gp // the CPNS salary is not a riwayat gaji entry
				continue
			}
			if t.Before(from) {
				prev = gp
				continue
			}
			g.add(domain.Riwayat{EmployeeID: e.ID, Kind: domain.RwGaji, Gaji: &domain.RwGajiData{
				TMT: t, GajiLama: prev, GajiBaru: gp, NomorSK: g.skNo("822.4", t.Year), TanggalSK: g.skDate(t),
				MKGTahun: mk, MKGBulan: max(monthsBetween(e.TMTCPNS, t), 0) % 12}})
			prev = gp
		}
	}
}

// ---- jabatan ----

func eselonOf(jk domain.JabatanKind) string {
	switch jk {
	case domain.JPTUtama:
		return "I.a"
	case domain.JPTMadya:
		return "I.b"
	case domain.JPTPratama:
		return "II.a"
	case domain.Administrator:
		return "III.a"
	case domain.Pengawas:
		return "IV.a"
	}
	return ""
}

type post struct {
	jk      domain.JabatanKind
	jenjang domain.Jenjang
	nama    string
}

// careerPosts is the sequence of posts ending in the current one.
func careerPosts(e domain.Employee) []post {
	cur := post{e.JenisJabatan, e.Jenjang, e.NamaJabatan}
	if e.Kind != domain.KindPNS {
		return []post{cur}
	}
	pel := post{domain.Pelaksana, 0, "Pengadministrasi Umum"}
	seksi := post{domain.Pengawas, 0, "Kepala Seksi Pemerintahan"}
	admin := post{domain.Administrator, 0, "Kepala Bagian Tata Pemerintahan"}
	pratama := post{domain.JPTPratama, 0, "Kepala Dinas Pemberdayaan Masyarakat dan Desa"}
	madya := post{domain.JPTMadya, 0, "Staf Ahli Gubernur Bidang Pemerintahan"}
	switch e.JenisJabatan {
	case domain.Pengawas:
		return []post{pel, cur}
	case domain.Administrator:
		return []post{pel, seksi, cur}
	case domain.JPTPratama:
		return []post{pel, seksi, admin, cur}
	case domain.JPTMadya:
		return []post{seksi, admin, pratama, cur}
	case domain.JPTUtama:
		return []post{admin, pratama, madya, cur}
	case domain.Fungsional:
		base := strings.TrimSuffix(e.NamaJabatan, " "+e.Jenjang.String())
		var family []domain.Jenjang
		switch e.Jenjang {
		case domain.AhliPertama, domain.AhliMuda, domain.AhliMadya, domain.AhliUtama:
			family = []domain.Jenjang{domain.AhliPertama, domain.AhliMuda, domain.AhliMadya, domain.AhliUtama}
		case domain.Pemula:
			family = []domain.Jenjang{domain.Pemula}
		default:
			family = []domain.Jenjang{domain.Terampil, domain.Mahir, domain.Penyelia}
		}
		var out []post
		for _, j := range family {
			out = append(out, post{domain.Fungsional, j, base + " " + j.String()})
			if j == e.Jenjang {
				break
			}
		}
		return out
	}
	return []post{cur}
}

func (g *rgen) jabatan(e domain.Employee, start domain.Date) {
	posts := careerPosts(e)
	if start.IsZero() {
		start = refDate
	}
	tmts := make([]domain.Date, len(posts))
	tmts[0] = start
	if n := len(posts); n > 1 {
		span := monthsBetween(start, refDate)
		// The current post since one to six years ago, the earlier ones
		// spread over the rest of the career.
		lastAgo := min(12+g.intn(61), max(span-(n-1), 1))
		last := refDate.AddMonths(-lastAgo)
		last = domain.Date{Year: last.Year, Month: last.Month, Day: 1}
		gap := max(monthsBetween(start, last)/(n-1), 1)
		for k := 1; k < n; k++ {
			tmts[k] = last.AddMonths(-gap * (n - 1 - k))
			if !tmts[k-1].Before(tmts[k]) {
				tmts[k] = tmts[k-1].AddMonths(1)
			}
		}
	}
	for k, p := range posts {
		jj := &domain.RwJabatanData{Jenis: p.jk, Nama: p.nama, UnitID: e.UnitID, TMT: tmts[k],
			NomorSK: g.skNo("821.2", tmts[k].Year), TanggalSK: g.skDate(tmts[k]), Eselon: eselonOf(p.jk)}
		if p.jk == domain.Fungsional {
			jj.Jenjang = p.jenjang
		}
		g.add(domain.Riwayat{EmployeeID: e.ID, Kind: domain.RwJabatan, Jabatan: jj})
	}
}

// ---- diklat and penghargaan ----

var technical = []string{"Pelatihan Pengelolaan Arsip Dinamis", "Bimbingan Teknis Penyusunan SKP",
	"Pelatihan Pengadaan Barang/Jasa Pemerintah", "Pelatihan Pelayanan Prima", "Bimbingan Teknis SIASN",
	"Pelatihan Penyusunan Laporan Keuangan", "Bimbingan Teknis Administrasi Kependudukan", "Pelatihan Public Speaking"}

var providers = []string{"BPSDM Provinsi Jawa Barat", "BKPSDM Kabupaten Garut", "Lembaga Administrasi Negara",
	"Badan Kepegawaian Negara", "Pusdiklat Kementerian Dalam Negeri"}

// workdays returns the end of a span of n working days from start (which
// is moved to the next weekday).
func workdays(start domain.Date, n int) (domain.Date, domain.Date) {
	for start.Weekday() == time.Saturday || start.Weekday() == time.Sunday {
		start = start.AddDays(1)
	}
	d, left := start, n-1
	for left > 0 {
		d = d.AddDays(1)
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			left--
		}
	}
	return start, d
}

func (g *rgen) diklatEntry(e domain.Employee, jenis, nama, by string, mulai domain.Date, days, jp int) {
	if mulai.IsZero() || refDate.Before(mulai.AddDays(days)) {
		return
	}
	m, s := workdays(mulai, days)
	g.add(domain.Riwayat{EmployeeID: e.ID, Kind: domain.RwDiklat, Diklat: &domain.RwDiklatData{
		Jenis: jenis, Nama: nama, Penyelenggara: by, Mulai: m, Selesai: s, JamPelajaran: jp,
		NomorSertifikat: fmt.Sprintf("%d/%s/%05d", m.Year, strings.ToUpper(nama[:3]), g.intn(100000))}})
}

// randomDate draws a day in [from, to).
func (g *rgen) randomDate(from, to domain.Date) domain.Date {
	n := from.DaysUntil(to)
	if n <= 0 {
		return from
	}
	return from.AddDays(g.intn(n))
}

func (g *rgen) diklat(e domain.Employee, start domain.Date) {
	if start.IsZero() {
		return
	}
	if !e.Kind.IsPPPK() {
		nama := "Pelatihan Dasar CPNS"
		if e.TMTCPNS.Year < 2018 {
			nama = "Pendidikan dan Pelatihan Prajabatan"
		}
		g.diklatEntry(e, "Teknis", nama, "BPSDM Provinsi Jawa Barat", e.TMTCPNS.AddMonths(3+g.intn(5)), 50, 280)
	}
	lead := ""
	switch e.JenisJabatan {
	case domain.Pengawas:
		lead = "Pelatihan Kepemimpinan Pengawas"
	case domain.Administrator:
		lead = "Pelatihan Kepemimpinan Administrator"
	case domain.JPTPratama:
		lead = "Pelatihan Kepemimpinan Nasional Tingkat II"
	case domain.JPTMadya, domain.JPTUtama:
		lead = "Pelatihan Kepemimpinan Nasional Tingkat I"
	}
	if lead != "" {
		from := maxDate(start.AddMonths(24), refDate.AddMonths(-96))
		g.diklatEntry(e, domain.DiklatStruktural, lead, "Lembaga Administrasi Negara",
			g.randomDate(from, refDate.AddMonths(-4)), 60, 300)
	}
	if e.JenisJabatan == domain.Fungsional && g.chance(50) {
		base := strings.TrimSuffix(e.NamaJabatan, " "+e.Jenjang.String())
		g.diklatEntry(e, "Fungsional", "Pelatihan Fungsional "+base, g.one(providers),
			g.randomDate(maxDate(start, refDate.AddMonths(-60)), refDate.AddMonths(-2)), 10, 60)
	}
	for n := g.intn(3); n > 0; n-- {
		g.diklatEntry(e, g.one([]string{"Teknis", "Teknis", "Kursus"}), g.one(technical), g.one(providers),
			g.randomDate(maxDate(start, refDate.AddMonths(-72)), refDate.AddMonths(-1)), 2+g.intn(4), 16+8*g.intn(4))
	}
}

func maxDate(a, b domain.Date) domain.Date {
	if a.Before(b) {
		return b
	}
	return a
}

func (g *rgen) penghargaan(e domain.Employee) {
	if e.Kind != domain.KindPNS {
		return
	}
	for _, x := range []struct {
		years int
		name  string
	}{{10, "X"}, {20, "XX"}, {30, "XXX"}} {
		year := e.TMTCPNS.Year + x.years + g.intn(2)
		if year >= refDate.Year {
			break
		}
		sk := domain.Date{Year: year, Month: time.August, Day: 5 + g.intn(10)}
		g.add(domain.Riwayat{EmployeeID: e.ID, Kind: domain.RwPenghargaan, Penghargaan: &domain.RwPenghargaanData{
			Jenis: "Satyalancana Karya Satya " + x.name + " Tahun", Tahun: year,
			NomorSK: fmt.Sprintf("Keppres %d/TK/%d", 40+g.intn(60), year), TanggalSK: sk}})
	}
	if g.chance(5) {
		year := 2019 + g.intn(7)
		g.add(domain.Riwayat{EmployeeID: e.ID, Kind: domain.RwPenghargaan, Penghargaan: &domain.RwPenghargaanData{
			Jenis: "Pegawai Teladan Tingkat Kabupaten", Tahun: year, NomorSK: g.skNo("800.1.12.1", year),
			TanggalSK: domain.Date{Year: year, Month: time.December, Day: 10 + g.intn(10)}}})
	}
}

// ---- hukuman disiplin ----

func (g *rgen) hukdis(e domain.Employee, d designation) {
	h := func(tingkat, jenis, alasan string, mulai domain.Date, masa int) {
		g.add(domain.Riwayat{EmployeeID: e.ID, Kind: domain.RwHukdis, Hukdis: &domain.RwHukdisData{
			Tingkat: tingkat, Jenis: jenis, Alasan: alasan, NomorSK: g.skNo("800.1.7.3", mulai.Year),
			TanggalSK: mulai.AddDays(-7), Mulai: mulai, MasaBulan: masa}})
	}
	switch d {
	case desHukKGB:
		h(domain.HukdisSedang, "Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan",
			"Tidak masuk kerja tanpa alasan yang sah selama 12 hari kerja dalam satu tahun", hukKGBStart, 6)
	case desHukEnd:
		h(domain.HukdisSedang, "Pemotongan tunjangan kinerja sebesar 25% selama 12 bulan",
			"Tidak masuk kerja tanpa alasan yang sah selama 18 hari kerja dalam satu tahun", hukEndStart, 12)
	case desRingan:
		h(domain.HukdisRingan, "Teguran tertulis", "Tidak masuk kerja tanpa alasan yang sah selama 5 hari kerja",
			domain.Date{Year: 2024, Month: time.May, Day: 13}, 0)
	}
}

// ---- keluarga ----

type kid struct{ born domain.Date }

func (g *rgen) personName(gd domain.Gender) string {
	reg := regions[g.intn(len(regions))]
	first, last := reg.maleFirst, reg.maleLast
	if gd == domain.Female {
		first = reg.femaleFirst
		if len(reg.femaleLast) > 0 {
			last = reg.femaleLast
		}
	}
	if reg.balinese {
		if gd == domain.Female {
			return "Ni " + g.one(baliFemale) + " " + g.one(last)
		}
		return "I " + g.one(baliMale) + " " + g.one(last)
	}
	return g.one(first) + " " + g.one(last)
}

var spouseJobs = []string{"Ibu Rumah Tangga", "Wiraswasta", "Karyawan Swasta", "Guru", "PNS", "Pedagang", "Petani", "Perawat"}

func (g *rgen) keluarga(e domain.Employee) []kid {
	birth := e.TanggalLahir
	married := e.StatusPerkawinan != "Belum Kawin"
	var kids []kid
	if married {
		nikah := domain.Date{Year: birth.Year + 23 + g.intn(6), Month: time.Month(1 + g.intn(12)), Day: 1 + g.intn(28)}
		if !nikah.Before(refDate) {
			nikah = refDate.AddMonths(-6)
		}
		if e.StatusPerkawinan == "Kawin" {
			rel, gd, job := "Istri", domain.Female, g.one(spouseJobs)
			if e.JenisKelamin == domain.Female {
				rel, gd = "Suami", domain.Male
				if job == "Ibu Rumah Tangga" {
					job = "Wiraswasta"
				}
			}
			sb := birth.AddDays(g.intn(3*365) - 365)
			g.add(domain.Riwayat{EmployeeID: e.ID, Kind: domain.RwKeluarga, Keluarga: &domain.RwKeluargaData{
				Hubungan: rel, Nama: g.personName(gd), TanggalLahir: sb, JenisKelamin: gd, TanggalNikah: nikah,
				AktaNikah: fmt.Sprintf("%04d/%03d/%s/%d", 1+g.intn(2000), 1+g.intn(200), romanMonth(nikah.Month), nikah.Year),
				Pekerjaan: job, Tunjangan: true}})
		}
		n := []int{0, 1, 2, 2, 2, 3, 3}[g.intn(7)]
		born := nikah.AddMonths(12 + g.intn(24))
		for i := 0; i < n && born.Before(refDate.AddMonths(-1)); i++ {
			gd := domain.Male
			if g.chance(50) {
				gd = domain.Female
			}
			age := refDate.Year - born.Year
			g.add(domain.Riwayat{EmployeeID: e.ID, Kind: domain.RwKeluarga, Keluarga: &domain.RwKeluargaData{
				Hubungan: "Anak", Nama: g.personName(gd), TanggalLahir: born, JenisKelamin: gd, StatusAnak: "Kandung",
				Pekerjaan: childJob(age), Tunjangan: i < 2 && age < 21}})
			kids = append(kids, kid{born})
			born = born.AddMonths(24 + g.intn(36))
		}
	}
	if g.chance(25) {
		for _, p := range []struct {
			rel string
			gd  domain.Gender
		}{{"Ayah", domain.Male}, {"Ibu", domain.Female}} {
			pb := birth.AddMonths(-(12*(24+g.intn(10)) + g.intn(12)))
			g.add(domain.Riwayat{EmployeeID: e.ID, Kind: domain.RwKeluarga, Keluarga: &domain.RwKeluargaData{
				Hubungan: p.rel, Nama: g.personName(p.gd), TanggalLahir: pb, JenisKelamin: p.gd,
				Pekerjaan: g.one([]string{"Pensiunan PNS", "Petani", "Wiraswasta", "Pedagang", "Ibu Rumah Tangga"})}})
		}
	}
	return kids
}

func childJob(age int) string {
	switch {
	case age < 5:
		return "Belum Sekolah"
	case age < 23:
		return "Pelajar/Mahasiswa"
	}
	return "Karyawan Swasta"
}

func romanMonth(m time.Month) string {
	return [...]string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}[m]
}

// ---- cuti ----

var ctReasons = []string{"Keperluan keluarga", "Mudik Lebaran", "Liburan bersama keluarga", "Urusan pribadi",
	"Menghadiri pernikahan saudara", "Mengurus keperluan rumah"}

func (g *rgen) cuti(e domain.Employee, start domain.Date, d designation, kids []kid) {
	add := func(c domain.RwCutiData) {
		g.add(domain.Riwayat{EmployeeID: e.ID, Kind: domain.RwCuti, Cuti: &c})
	}
	switch d {
	case desCBRef, desCBLate:
		m := domain.Date{Year: 2020, Month: time.December, Day: 1}
		if d == desCBLate {
			m = domain.Date{Year: 2021, Month: time.October, Day: 1}
		}
		add(domain.RwCutiData{Jenis: domain.CutiCB, Mulai: m, Selesai: m.AddMonths(3).AddDays(-1), LamaBulan: 3,
			Alasan: g.one([]string{"Menunaikan ibadah haji", "Keperluan keluarga"}), Alamat: e.Alamat})
	}
	if e.Status == domain.StatusCLTN {
		m := domain.Date{Year: 2025, Month: time.March, Day: 1}
		add(domain.RwCutiData{Jenis: domain.CutiCLTN, Mulai: m, Selesai: m.AddMonths(24).AddDays(-1), LamaBulan: 24,
			Alasan: "Mendampingi suami/istri bertugas di luar negeri", Alamat: e.Alamat})
		return
	}
	if start.IsZero() {
		return
	}
	eligible := start.AddMonths(12)
	for _, year := range []int{2024, 2025, 2026} {
		pct := 60
		last := domain.Date{Year: year, Month: time.November, Day: 20}
		if year == 2026 {
			pct, last = 35, domain.Date{Year: 2026, Month: time.October, Day: 31}
		}
		if !g.chance(pct) {
			continue
		}
		used := 0
		for n := 1 + g.intn(2); n > 0; n-- {
			days := 1 + g.intn(5)
			if used+days > 12 {
				break
			}
			from := maxDate(domain.Date{Year: year, Month: time.January, Day: 6}, eligible)
			if !from.Before(last) {
				break
			}
			m, s := workdays(g.randomDate(from, last), days)
			used += days
			add(domain.RwCutiData{Jenis: domain.CutiCT, Mulai: m, Selesai: s, LamaHari: days,
				Alasan: g.one(ctReasons), Alamat: e.Alamat})
		}
	}
	if g.chance(10) {
		from := maxDate(domain.Date{Year: 2025, Month: time.January, Day: 6}, start)
		if from.Before(refDate.AddMonths(-1)) {
			days := 2 + g.intn(4)
			m, s := workdays(g.randomDate(from, refDate.AddMonths(-1)), days)
			add(domain.RwCutiData{Jenis: domain.CutiCS, Mulai: m, Selesai: s, LamaHari: days,
				Alasan: "Sakit (surat keterangan dokter terlampir)", Alamat: e.Alamat})
		}
	}
	if e.JenisKelamin == domain.Female && len(kids) > 0 {
		born := kids[len(kids)-1].born
		if m := born.AddDays(-14); start.Before(m) && refDate.AddMonths(-36).Before(m) && len(kids) <= 3 {
			add(domain.RwCutiData{Jenis: domain.CutiCM, Mulai: m, Selesai: m.AddMonths(3).AddDays(-1), LamaBulan: 3,
				Alasan: "Persalinan anak ke-" + fmt.Sprint(len(kids)), Alamat: e.Alamat})
		}
	}
}

// ---- angka kredit and organisasi ----

// koefisien is the annual angka kredit of a jenjang (PermenPANRB 1/2023),
// in thousandths.
var koefisien = map[domain.Jenjang]int64{
	domain.AhliPertama: 12500, domain.AhliMuda: 25000, domain.AhliMadya: 37500, domain.AhliUtama: 50000,
	domain.Pemula: 3750, domain.Terampil: 5000, domain.Mahir: 12500, domain.Penyelia: 25000,
}

func (g *rgen) angkaKredit(e domain.Employee, start domain.Date) {
	if e.Kind != domain.KindPNS || e.JenisJabatan != domain.Fungsional || !g.chance(75) {
		return
	}
	pak := func(jenis string, from, to domain.Date, ak int64) {
		if from.Before(start) {
			return
		}
		g.add(domain.Riwayat{EmployeeID: e.ID, Kind: domain.RwAngkaKredit, AngkaKredit: &domain.RwAngkaKreditData{
			Jenis: jenis, PeriodeMulai: from, PeriodeSelesai: to, AKMilli: ak,
			NomorPAK: fmt.Sprintf("800/PAK-%03d/BKPSDM/%d", 1+g.intn(900), to.Year+1)}})
	}
	pak("Integrasi", domain.Date{Year: 2022, Month: time.January, Day: 1}, domain.Date{Year: 2022, Month: time.December, Day: 31},
		int64(10000+g.intn(40000)))
	k := koefisien[e.Jenjang]
	for _, y := range []int{2023, 2024, 2025} {
		pct := []int64{100, 100, 100, 150}[g.intn(4)]
		pak("Konversi", domain.Date{Year: y, Month: time.January, Day: 1}, domain.Date{Year: y, Month: time.December, Day: 31},
			k*pct/100)
	}
}

func (g *rgen) organisasi(e domain.Employee, start domain.Date) {
	o := func(nama, jabatan string, from, to int) {
		g.add(domain.Riwayat{EmployeeID: e.ID, Kind: domain.RwOrganisasi, Organisasi: &domain.RwOrganisasiData{
			Nama: nama, Jabatan: jabatan, TahunMulai: from, TahunSelesai: to}})
	}
	if !e.Kind.IsPPPK() && g.chance(60) {
		o("Korps Pegawai Republik Indonesia (KORPRI)", "Anggota", e.TMTCPNS.Year, 0)
	}
	n := strings.ToLower(e.NamaJabatan)
	y := max(start.Year, e.TanggalLahir.Year+20)
	switch {
	case strings.HasPrefix(n, "guru"):
		o("Persatuan Guru Republik Indonesia (PGRI)", "Anggota", y, 0)
	case strings.HasPrefix(n, "perawat"):
		o("Persatuan Perawat Nasional Indonesia (PPNI)", "Anggota", y, 0)
	case strings.HasPrefix(n, "bidan"):
		o("Ikatan Bidan Indonesia (IBI)", "Anggota", y, 0)
	case strings.HasPrefix(n, "dokter"):
		o("Ikatan Dokter Indonesia (IDI)", "Anggota", y, 0)
	}
	if g.chance(12) {
		from := e.TanggalLahir.Year + 17 + g.intn(5)
		o("Karang Taruna Desa "+g.one(desa), g.one([]string{"Sekretaris", "Bendahara", "Anggota", "Ketua"}), from, from+2+g.intn(4))
	}
	if g.chance(6) {
		o("Gerakan Pramuka Kwartir Ranting Sukamaju", "Pembina", max(y, refDate.Year-8), 0)
	}
}

// ---- the unit tree ----

// buildTree places the units (see GenerateRiwayat) and finds their heads.
func buildTree(emps []domain.Employee, units []domain.Unit) []domain.UnitNode {
	nodes := make([]domain.UnitNode, len(units))
	byName := map[string]uint64{}
	for _, u := range units {
		byName[u.Name] = u.ID
	}
	root := byName["Pimpinan"]
	if root == 0 && len(units) > 0 {
		root = units[0].ID
	}
	unitOf := make(map[uint64]uint64, len(emps))
	for _, e := range emps {
		unitOf[e.ID] = e.UnitID
	}
	staff := map[uint64]int{} // active employees reporting to id within its own unit
	for _, e := range emps {
		if e.Status.Active() && e.AtasanID != 0 && unitOf[e.AtasanID] == e.UnitID {
			staff[e.AtasanID]++
		}
	}
	// The head of a unit is an active employee who reports outside it:
	// one in a structural jabatan (Camat, Sekretaris, Kepala Seksi …)
	// first, even with no staff of their own, else the one with most staff
	// inside the unit (a kepala puskesmas or sekolah, who is a JF).
	structural := func(e *domain.Employee) bool {
		switch e.JenisJabatan {
		case domain.JPTUtama, domain.JPTMadya, domain.JPTPratama, domain.Administrator, domain.Pengawas:
			return true
		}
		return false
	}
	better := func(a, b *domain.Employee) bool { // a beats b
		if structural(a) != structural(b) {
			return structural(a)
		}
		if staff[a.ID] != staff[b.ID] {
			return staff[a.ID] > staff[b.ID]
		}
		return a.ID < b.ID
	}
	head := map[uint64]uint64{}
	byID := make(map[uint64]*domain.Employee, len(emps))
	for i := range emps {
		byID[emps[i].ID] = &emps[i]
	}
	for i := range emps {
		e := &emps[i]
		if e.Status != domain.StatusAktif || !structural(e) && staff[e.ID] == 0 {
			continue
		}
		if e.AtasanID != 0 && unitOf[e.AtasanID] == e.UnitID {
			continue // reports inside the unit: not its head
		}
		if cur, ok := head[e.UnitID]; !ok || better(e, byID[cur]) {
			head[e.UnitID] = e.ID
		}
	}
	for i, u := range units {
		n := domain.UnitNode{Unit: u, HeadID: head[u.ID]}
		if u.ID != root {
			n.ParentID = root
			if u.Name == "Subbagian Umum dan Kepegawaian" && byName["Sekretariat"] != 0 {
				n.ParentID = byName["Sekretariat"]
			}
		}
		nodes[i] = n
	}
	return nodes
}

package demo

import (
	"strconv"
	"strings"
	"time"

	"asndesk/domain"
)

// employee draws one person for a planned role.
func (g *gen) employee(id uint64, rl role) domain.Employee {
	e := domain.Employee{
		ID:           id,
		Kind:         rl.kind,
		Status:       rl.status,
		JenisJabatan: rl.jk,
		NamaJabatan:  rl.nama,
		UnitID:       uint64(rl.unit + 1),
	}
	if rl.atasan >= 0 {
		e.AtasanID = uint64(rl.atasan + 1)
	}
	if rl.jk == domain.Fungsional {
		e.Jenjang = rl.jenjang
		e.NamaJabatan += " " + rl.jenjang.String()
	}
	e.JenisKelamin = rl.gender
	if e.JenisKelamin == 0 {
		e.JenisKelamin = domain.Male
		if g.chance(femalePct(rl)) {
			e.JenisKelamin = domain.Female
		}
	}
	reg := regions[g.pick(regionWeights())]
	agamas, aw := reg.agama.names()
	e.Agama = agamas[g.pick(aw)]
	e.Pendidikan = g.education(rl)

	switch rl.kind {
	case domain.KindPNS:
		g.pnsDates(&e, rl)
	case domain.KindCPNS:
		g.cpnsDates(&e, rl)
	default:
		g.pppkDates(&e, rl)
	}

	age := ageAt(e.TanggalLahir, refDate)
	e.Nama = g.name(reg, e.JenisKelamin)
	e.GelarDepan, e.GelarBelakang = g.gelar(e, rl.field, age)
	e.TempatLahir = "Garut"
	if g.chance(85) {
		e.TempatLahir = g.one(reg.places)
	}
	e.StatusPerkawinan = g.marital(age)
	e.NIK = g.nik(reg, e.TanggalLahir, e.JenisKelamin)
	e.Alamat = g.alamat()
	e.NomorHP = g.hp()
	e.Email = g.email(e.Nama)
	return e
}

func femalePct(rl role) int {
	switch rl.field {
	case fKeb:
		return 100
	case fKep, fGizi:
		return 70
	case fPd:
		return 65
	}
	if rl.nama == "Polisi Pamong Praja" {
		return 20
	}
	return 45
}

func regionWeights() []int {
	ws := make([]int, len(regions))
	for i, r := range regions {
		ws[i] = r.w
	}
	return ws
}

// education draws pendidikan terakhir fitting the jabatan.
func (g *gen) education(rl role) string {
	pct := func(p int, a, b string) string {
		if g.chance(p) {
			return a
		}
		return b
	}
	switch rl.jk {
	case domain.JPTUtama:
		return pct(50, "S3", "S2")
	case domain.JPTMadya, domain.JPTPratama:
		return pct(30, "S3", "S2")
	case domain.Administrator:
		return pct(65, "S2", "S1")
	case domain.Pengawas:
		return pct(35, "S2", "S1")
	case domain.Pelaksana:
		if rl.kind == domain.KindPPPKParuhWaktu {
			for _, j := range paruhWaktuJobs {
				if j.name == rl.nama {
					return g.one(j.edus)
				}
			}
			return "SLTA"
		}
		if rl.status == domain.StatusPensiun {
			return "SLTA"
		}
		switch x := g.r.IntN(100); {
		case x < 45:
			return "SLTA"
		case x < 65:
			return "D-III"
		default:
			return "S1"
		}
	}
	// Fungsional.
	pns := rl.kind == domain.KindPNS
	switch rl.jenjang {
	case domain.Pemula:
		return "SLTA"
	case domain.Terampil:
		if pns && rl.nama == "Polisi Pamong Praja" {
			return pct(50, "SLTA", "D-III")
		}
		return "D-III"
	case domain.Mahir, domain.Penyelia:
		return "D-III"
	case domain.AhliPertama:
		switch {
		case rl.field == fKeb:
			return "D-IV"
		case rl.field == fKep || !pns:
			return pct(8, "S2", "S1")
		}
		return pct(15, "S2", "S1")
	case domain.AhliMuda:
		if rl.field == fKeb {
			return pct(30, "S2", "D-IV")
		}
		return pct(40, "S2", "S1")
	case domain.AhliMadya:
		switch x := g.r.IntN(100); {
		case x < 10:
			return "S3"
		case x < 65:
			return "S2"
		}
		if rl.field == fKeb {
			return "S2"
		}
		return "S1"
	case domain.AhliUtama:
		return pct(40, "S3", "S2")
	}
	return "S1"
}

// golAwal is the index (0 = I/a … 16 = IV/e) of pangkat awal by ijazah.
var golAwal = map[string]int{"SD": 0, "SLTP": 2, "SLTA": 4, "D-I": 4, "D-II": 5, "D-III": 6,
	"D-IV": 8, "S1": 8, "S2": 9, "S3": 10}

var pnsGol = []string{"I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d",
	"III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"}

var pppkGol = map[string]string{"SD": "I", "SLTP": "III", "SLTA": "V", "D-I": "V", "D-II": "VI",
	"D-III": "VII", "D-IV": "IX", "S1": "IX", "S2": "X", "S3": "XI"}

// pnsRange is the golongan range (indices into pnsGol) of a jabatan, raised
// to the pangkat awal of the employee's ijazah.
func pnsRange(rl role, edu string) (lo, hi int) {
	switch rl.jk {
	case domain.JPTUtama:
		lo, hi = 16, 16
	case domain.JPTMadya:
		lo, hi = 15, 16
	case domain.JPTPratama:
		lo, hi = 13, 15
	case domain.Administrator:
		lo, hi = 11, 13
	case domain.Pengawas:
		lo, hi = 9, 11
	case domain.Pelaksana:
		lo, hi = 4, 7
		switch edu {
		case "D-III":
			hi = 8
		case "D-IV", "S1", "S2", "S3":
			hi = 9
		}
	case domain.Fungsional:
		switch rl.jenjang {
		case domain.Pemula:
			lo, hi = 4, 4
		case domain.Terampil:
			lo, hi = 5, 7
		case domain.Mahir, domain.AhliPertama:
			lo, hi = 8, 9
		case domain.Penyelia, domain.AhliMuda:
			lo, hi = 10, 11
		case domain.AhliMadya:
			lo, hi = 12, 14
		case domain.AhliUtama:
			lo, hi = 15, 16
		}
	}
	return max(lo, golAwal[edu]), hi
}

// minService is the masa kerja (years) a jabatan usually takes to reach.
func minService(rl role) int {
	switch rl.jk {
	case domain.JPTUtama:
		return 20
	case domain.JPTMadya:
		return 18
	case domain.JPTPratama:
		return 15
	case domain.Administrator:
		return 10
	case domain.Pengawas:
		return 6
	}
	switch rl.jenjang {
	case domain.AhliMadya:
		return 10
	case domain.AhliUtama:
		return 15
	}
	return 0
}

// entryAge is the youngest age at which the ijazah lets someone enter.
func entryAge(edu, field string) int {
	switch edu {
	case "D-II":
		return 20
	case "D-III":
		return 21
	case "D-IV", "S1":
		if field == fDr || field == fDrg {
			return 24
		}
		return 22
	case "S2":
		return 24
	case "S3":
		return 28
	}
	return 19
}

// bupFor is the batas usia pensiun of §3.8 without the sectoral exceptions
// (a Guru is treated as 58, which only makes the demo more conservative).
func bupFor(rl role) int {
	switch rl.jk {
	case domain.JPTUtama, domain.JPTMadya, domain.JPTPratama:
		return 60
	case domain.Fungsional:
		switch rl.jenjang {
		case domain.AhliMadya:
			return 60
		case domain.AhliUtama:
			return 65
		}
	}
	return 58
}

// maxAge is the oldest age on the reference date for an active employee:
// two years below BUP, so the demo stays valid well into 2027, and never
// above 59.
func maxAge(rl role) int { return min(59, bupFor(rl)-2) }

// pnsDates draws birth date, TMT CPNS, golongan and NIP of a PNS: the
// golongan is within the jabatan's range and reachable at roughly one
// kenaikan pangkat per four years since TMT CPNS.
func (g *gen) pnsDates(e *domain.Employee, rl role) {
	edu := e.Pendidikan
	lo, hi := pnsRange(rl, edu)
	awal, entry := golAwal[edu], entryAge(edu, rl.field)
	minAge, oldest := 21, maxAge(rl)
	if rl.status == domain.StatusPensiun {
		minAge, oldest = 59, 59
	}
	for {
		svc := func(gol int) int { return max(2, (gol-awal)*4, minService(rl)) }
		gol := lo + g.r.IntN(hi-lo+1)
		for gol > lo && max(minAge, entry+svc(gol)+1) > oldest {
			gol--
		}
		minSvc := svc(gol)
		// Below the top of the range, nobody waits much longer than one
		// kenaikan pangkat for the next one.
		maxSvc := 45
		if gol < hi && rl.status != domain.StatusPensiun {
			maxSvc = max(minSvc, (gol-awal)*4) + 6
		}
		ageLo := max(minAge, entry+minSvc+1)
		ageHi := min(oldest, 36+maxSvc)
		if ageLo > ageHi { // cannot happen with the tables above
			ageLo = ageHi
			minSvc = max(2, ageHi-entry-1)
		}
		age := ageLo + g.r.IntN(ageHi-ageLo+1)
		birth := g.birthForAge(refDate, age)
		a0lo, a0hi := max(entry, age-maxSvc-1), min(35, age-minSvc-1)
		a0 := a0lo + g.r.IntN(max(a0hi-a0lo, 0)+1)
		m := time.Month(1 + g.r.IntN(12))
		ty := birth.Year + a0
		if m < birth.Month || (m == birth.Month && birth.Day > 1) {
			ty++
		}
		tmt := domain.Date{Year: ty, Month: m, Day: 1}
		nip, ok := g.nip(birth, ymd(tmt)[:6], e.JenisKelamin)
		if !ok {
			continue
		}
		e.TanggalLahir, e.TMTCPNS, e.TMTPNS = birth, tmt, tmt.AddMonths(12)
		e.Golongan, e.NIP = pnsGol[gol], nip
		return
	}
}

// cpnsDates: TMT CPNS in 2025 (the 2024 formation), golongan = pangkat awal.
func (g *gen) cpnsDates(e *domain.Employee, rl role) {
	edu := e.Pendidikan
	lo, _ := pnsRange(rl, edu)
	entry := max(20, entryAge(edu, rl.field))
	months := []time.Month{time.March, time.April, time.May, time.June, time.October}
	for {
		tmt := domain.Date{Year: 2025, Month: months[g.r.IntN(len(months))], Day: 1}
		birth := g.birthForAge(tmt, entry+g.r.IntN(35-entry+1))
		nip, ok := g.nip(birth, ymd(tmt)[:6], e.JenisKelamin)
		if !ok {
			continue
		}
		e.TanggalLahir, e.TMTCPNS = birth, tmt
		e.Golongan, e.NIP = pnsGol[max(lo, golAwal[edu])], nip
		return
	}
}

// pppkYears weights the year of first appointment 2019–2025.
var pppkYears = []struct{ year, w int }{{2019, 1}, {2020, 1}, {2021, 3}, {2022, 3}, {2023, 3}, {2024, 4}, {2025, 3}}

// pppkDates: appointed in 2019–2025 (Paruh Waktu: 2025) on 1 March or
// 1 April, 5-year perjanjian kerja (Paruh Waktu: 1 year), renewed while it
// would have ended before the reference date; the current contract ends
// before BUP.
func (g *gen) pppkDates(e *domain.Employee, rl role) {
	year, years := 2025, 5
	if rl.kind == domain.KindPPPKParuhWaktu {
		years = 1
	} else {
		ws := make([]int, len(pppkYears))
		for i, y := range pppkYears {
			ws[i] = y.w
		}
		year = pppkYears[g.pick(ws)].year
	}
	first := domain.Date{Year: year, Month: time.March + time.Month(g.r.IntN(2)), Day: 1}
	start := first
	end := addDays(start.AddMonths(12*years), -1)
	for end.Before(refDate) {
		start = addDays(end, 1)
		end = addDays(start.AddMonths(12*years), -1)
	}
	bup := bupFor(rl)
	ageLo := 20 + (2025 - year) + 1
	ageHi := min(maxAge(rl), bup-1-(end.Year-2025))
	for {
		birth := g.birthForAge(refDate, ageLo+g.r.IntN(ageHi-ageLo+1))
		if ageAt(birth, first) < 20 || ageAt(birth, end) >= bup {
			continue
		}
		nip, ok := g.nip(birth, strconv.Itoa(year)+"21", e.JenisKelamin)
		if !ok {
			continue
		}
		e.TanggalLahir, e.TMTKontrak, e.AkhirKontrak = birth, start, end
		e.Golongan, e.NIP = pppkGol[e.Pendidikan], nip
		return
	}
}

// nip allocates the next nomor urut for birth + mid + gender; false when
// the 15-digit prefix has used up 999.
func (g *gen) nip(birth domain.Date, mid string, gd domain.Gender) (string, bool) {
	prefix := ymd(birth) + mid + strconv.Itoa(int(gd))
	seq, ok := g.nipSeq[prefix]
	if !ok {
		seq = g.r.IntN(5)
	}
	seq += 1 + g.r.IntN(2)
	if seq > 999 {
		return "", false
	}
	g.nipSeq[prefix] = seq
	return prefix + pad(seq, 3), true
}

// nik builds a NIK: mostly registered in the office's kecamatan, otherwise in
// the region of origin; nomor urut unique per 12-digit prefix.
func (g *gen) nik(reg region, b domain.Date, gd domain.Gender) string {
	for {
		area := localNIK
		if g.chance(30) {
			area = g.one(reg.nikKab) + pad(1+g.r.IntN(15), 2)
		}
		day := b.Day
		if gd == domain.Female {
			day += 40
		}
		prefix := area + pad(day, 2) + pad(int(b.Month), 2) + pad(b.Year%100, 2)
		seq, ok := g.nikSeq[prefix]
		if !ok {
			seq = g.r.IntN(40)
		}
		seq += 1 + g.r.IntN(3)
		if seq > 9999 {
			continue
		}
		g.nikSeq[prefix] = seq
		return prefix + pad(seq, 4)
	}
}

// birthForAge draws a birth date on which the person is exactly age years
// old on day at.
func (g *gen) birthForAge(at domain.Date, age int) domain.Date {
	t := at.Time()
	first := t.AddDate(-age-1, 0, 1)
	last := t.AddDate(-age, 0, 0)
	days := int(last.Sub(first).Hours() / 24)
	return domain.DateOf(first.AddDate(0, 0, g.r.IntN(days+1)))
}

// ageAt is the age in whole years of someone born on b, on day d.
func ageAt(b, d domain.Date) int {
	a := d.Year - b.Year
	if d.Month < b.Month || (d.Month == b.Month && d.Day < b.Day) {
		a--
	}
	return a
}

func addDays(d domain.Date, n int) domain.Date { return domain.DateOf(d.Time().AddDate(0, 0, n)) }

func ymd(d domain.Date) string {
	return pad(d.Year, 4) + pad(int(d.Month), 2) + pad(d.Day, 2)
}

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// name draws a nama (without gelar) from the region's naming customs.
func (g *gen) name(reg region, gd domain.Gender) string {
	if reg.balinese {
		if gd == domain.Female {
			return "Ni " + g.one(baliFemale) + " " + g.one(reg.femaleLast)
		}
		return "I " + g.one(baliMale) + " " + g.one(reg.maleLast)
	}
	first, last := reg.maleFirst, reg.maleLast
	if gd == domain.Female {
		first = reg.femaleFirst
		if len(reg.femaleLast) > 0 {
			last = reg.femaleLast
		}
	}
	f, l := g.one(first), g.one(last)
	if strings.Contains(f, l) {
		return f
	}
	return f + " " + l
}

// gelar builds gelar depan and belakang consistent with pendidikan and the
// jabatan's field.
func (g *gen) gelar(e domain.Employee, field string, age int) (depan, belakang string) {
	var pre, post []string
	old := e.TanggalLahir.Year <= 1970
	switch e.Pendidikan {
	case "D-III":
		post = append(post, d3Gelar(field))
	case "D-IV":
		post = append(post, d4Gelar(field))
	case "S1", "S2", "S3":
		s1 := ""
		switch {
		case field == fDr:
			pre = append(pre, "dr.")
		case field == fDrg:
			pre = append(pre, "drg.")
		case field == fTani && old:
			pre = append(pre, "Ir.")
		case field == fKeb:
			s1 = "S.Tr.Keb."
		default:
			s1 = g.s1Gelar(field)
		}
		if s1 != "" {
			post = append(post, s1)
		}
		if e.Pendidikan != "S1" {
			post = append(post, g.s2Gelar(field, s1))
		}
		if e.Pendidikan == "S3" {
			pre = append([]string{"Dr."}, pre...)
		}
	}
	if e.Agama == "Islam" && age >= 40 && g.chance(20) {
		if e.JenisKelamin == domain.Female {
			pre = append(pre, "Hj.")
		} else {
			pre = append(pre, "H.")
		}
	}
	return strings.Join(pre, " "), strings.Join(post, ", ")
}

func d3Gelar(field string) string {
	switch field {
	case fKom:
		return "A.Md.Kom."
	case fKep:
		return "A.Md.Kep."
	case fKeb:
		return "A.Md.Keb."
	case fFarm:
		return "A.Md.Farm."
	case fGizi:
		return "A.Md.Gz."
	case fLab:
		return "A.Md.A.K."
	case fKesmas:
		return "A.Md.K.L."
	case fTani:
		return "A.Md.P."
	}
	return "A.Md."
}

func d4Gelar(field string) string {
	switch field {
	case fKeb:
		return "S.Tr.Keb."
	case fKep:
		return "S.Tr.Kep."
	case fSos:
		return "S.Tr.Sos."
	}
	return "S.ST."
}

func (g *gen) s1Gelar(field string) string {
	switch field {
	case fKom:
		return g.one([]string{"S.Kom.", "S.Kom.", "S.Kom.", "S.T."})
	case fPd:
		return g.one([]string{"S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.I."})
	case fKep:
		return "S.Kep., Ns."
	case fFarm:
		return "S.Farm., Apt."
	case fGizi:
		return "S.Gz."
	case fKesmas:
		return "S.K.M."
	case fLab:
		return "S.Tr.Kes."
	case fTani:
		return "S.P."
	case fSos:
		return g.one([]string{"S.Sos.", "S.Sos.", "S.Tr.Sos."})
	}
	return g.one([]string{"S.Sos.", "S.E.", "S.H.", "S.IP.", "S.AP.", "S.Ak.", "S.Sos.", "S.E."})
}

func (g *gen) s2Gelar(field, s1 string) string {
	switch field {
	case fKom:
		return g.one([]string{"M.Kom.", "M.T."})
	case fPd:
		return "M.Pd."
	case fKep:
		return "M.Kep."
	case fKeb, fDr, fDrg, fFarm, fGizi, fKesmas, fLab:
		return "M.Kes."
	case fTani:
		return g.one([]string{"M.Si.", "M.P."})
	}
	switch s1 {
	case "S.H.":
		return "M.H."
	case "S.E.", "S.Ak.":
		return g.one([]string{"M.M.", "M.Ak.", "M.Si."})
	}
	return g.one([]string{"M.Si.", "M.M.", "M.AP.", "M.Si."})
}

func (g *gen) marital(age int) string {
	x := g.r.IntN(100)
	switch {
	case age < 25:
		if x < 80 {
			return "Belum Kawin"
		}
		return "Kawin"
	case age < 30:
		if x < 40 {
			return "Belum Kawin"
		}
		return "Kawin"
	case age < 45:
		switch {
		case x < 7:
			return "Belum Kawin"
		case x < 11:
			return "Cerai Hidup"
		}
		return "Kawin"
	}
	switch {
	case x < 3:
		return "Belum Kawin"
	case x < 8:
		return "Cerai Hidup"
	case x < 16:
		return "Cerai Mati"
	}
	return "Kawin"
}

func (g *gen) alamat() string {
	return g.one(streets) + " No. " + strconv.Itoa(1+g.r.IntN(150)) +
		", RT " + pad(1+g.r.IntN(12), 3) + "/RW " + pad(1+g.r.IntN(8), 3) +
		", Desa " + g.one(desa) + ", Kecamatan Sukamaju"
}

func (g *gen) hp() string {
	var b strings.Builder
	b.WriteString("08")
	b.WriteString(g.one(hpPrefixes))
	for i, n := 0, 8+g.r.IntN(2); i < n; i++ {
		b.WriteByte(byte('0' + g.r.IntN(10)))
	}
	return b.String()
}

// email is nama.belakang@contoh.go.id, numbered when taken.
func (g *gen) email(nama string) string {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(nama)) {
		w = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' {
				return r
			}
			return -1
		}, w)
		if len(w) > 2 {
			words = append(words, w)
		}
	}
	local := "pegawai"
	switch len(words) {
	case 0:
	case 1:
		local = words[0]
	default:
		local = words[0] + "." + words[len(words)-1]
	}
	g.emails[local]++
	if c := g.emails[local]; c > 1 {
		local += strconv.Itoa(c)
	}
	return local + "@" + emailHost
}

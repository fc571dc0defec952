package domain

import (
	"encoding/json"
	"strings"
	"time"
)

// CareerRules are the eligibility numbers of KP reguler and KGB (§4.10,
// K9: "eligibility rules as data"). DefaultCareerRules gives the values of
// PP 99/2000 and PP 15/2019 practice; assets/reference/kenaikan.json ships
// the same.
type CareerRules struct {
	Regulation string       `json:"regulation"`
	ValidFrom  string       `json:"valid_from"`
	ValidTo    string       `json:"valid_to"`
	Unverified bool         `json:"unverified"`
	KPMinYears int          `json:"kp_min_tahun"` // years in the pangkat before KP reguler
	KPMonths   []time.Month `json:"kp_bulan"`     // default KP periods (the setting starts from these)
	KGBYears   int          `json:"kgb_tahun"`    // years of masa kerja golongan between KGB
}

// DefaultCareerRules: KP reguler after 4 years in the pangkat, periods 1
// April and 1 Oktober; KGB every 2 years. All likely, not verified against
// SE BKN 19/2022 (K9).
func DefaultCareerRules() CareerRules {
	return CareerRules{Regulation: "PP 99/2000 jo PP 12/2002; PP 15/2019", ValidFrom: "2000-10-30",
		Unverified: true, KPMinYears: 4, KPMonths: []time.Month{time.April, time.October}, KGBYears: 2}
}

// ParseCareerRules reads kenaikan.json.
func ParseCareerRules(b []byte) (CareerRules, error) {
	var r CareerRules
	if err := json.Unmarshal(b, &r); err != nil {
		return CareerRules{}, Errorf(EINVALID, "Aturan kenaikan pangkat dan gaji berkala tidak dapat dibaca: "+err.Error())
	}
	if r.KPMinYears < 1 || r.KPMinYears > 10 {
		return CareerRules{}, Errorf(EINVALID, "Aturan kenaikan pangkat: \"kp_min_tahun\" harus antara 1 dan 10.")
	}
	if r.KGBYears < 1 || r.KGBYears > 10 {
		return CareerRules{}, Errorf(EINVALID, "Aturan gaji berkala: \"kgb_tahun\" harus antara 1 dan 10.")
	}
	if err := checkMonths(r.KPMonths); err != nil {
		return CareerRules{}, err
	}
	return r, nil
}

func checkMonths(ms []time.Month) error {
	for _, m := range ms {
		if m < time.January || m > time.December {
			return Errorf(EINVALID, "Periode kenaikan pangkat harus bulan 1 sampai 12.")
		}
	}
	return nil
}

// CutiBersamaSetting is the yearly cuti bersama setting (P6): how many
// working days of cuti bersama the year has and whether they reduce cuti
// tahunan.
type CutiBersamaSetting struct {
	Days    int
	Reduces bool
}

// CareerSettings gathers everything the career rules read that an office
// may change: settings (KP periods, reminder window, cuti bersama per year)
// and the editable reference tables. Zero fields fall back to the defaults,
// so CareerSettings{} behaves as DefaultCareerSettings().
type CareerSettings struct {
	KPMonths       []time.Month               // periods of KP reguler; default 1 April, 1 Oktober
	ReminderMonths int                        // Pengingat window; default 6
	CutiBersama    map[int]CutiBersamaSetting // by year; a missing year: 0 days, reduces
	BUP            BUPGrid

	Rules   CareerRules      // kenaikan.json
	Hukdis  HukdisRules      // hukdis.json
	Cuti    CutiRules        // cuti.json
	Ceiling GolonganCeilings // golongan_ceiling.json
}

// DefaultCareerSettings returns the shipped defaults.
func DefaultCareerSettings() CareerSettings {
	r := DefaultCareerRules()
	return CareerSettings{KPMonths: append([]time.Month(nil), r.KPMonths...), ReminderMonths: 6,
		BUP: DefaultBUPGrid(), Rules: r, Hukdis: HukdisTable(), Cuti: DefaultCutiRules(), Ceiling: GolonganCeiling()}
}

// CutiBersamaFor returns the setting of a year: 0 days and "reduces" (P6
// default) when the year was never set.
func (s CareerSettings) CutiBersamaFor(year int) CutiBersamaSetting {
	if c, ok := s.CutiBersama[year]; ok {
		return c
	}
	return CutiBersamaSetting{Days: 0, Reduces: true}
}

func (s *CareerSettings) kpMonths() []time.Month {
	if len(s.KPMonths) > 0 {
		return s.KPMonths
	}
	if len(s.Rules.KPMonths) > 0 {
		return s.Rules.KPMonths
	}
	return []time.Month{time.April, time.October}
}

func (s *CareerSettings) reminderMonths() int {
	if s.ReminderMonths > 0 {
		return s.ReminderMonths
	}
	return 6
}

func (s *CareerSettings) kpMinYears() int {
	if s.Rules.KPMinYears > 0 {
		return s.Rules.KPMinYears
	}
	return 4
}

func (s *CareerSettings) kgbYears() int {
	if s.Rules.KGBYears > 0 {
		return s.Rules.KGBYears
	}
	return 2
}

func (s *CareerSettings) bup() *BUPGrid {
	if s.BUP.DefaultForAll == 0 && s.BUP.Administrasi == 0 {
		g := DefaultBUPGrid()
		s.BUP = g
	}
	return &s.BUP
}

func (s *CareerSettings) hukdis() *HukdisRules {
	if len(s.Hukdis.Jenis) == 0 {
		s.Hukdis = HukdisTable()
	}
	return &s.Hukdis
}

func (s *CareerSettings) cuti() *CutiRules {
	if len(s.Cuti.Types) == 0 {
		s.Cuti = DefaultCutiRules()
	}
	return &s.Cuti
}

func (s *CareerSettings) ceiling() *GolonganCeilings {
	if s.Ceiling.Pendidikan == nil && s.Ceiling.Jenjang == nil && s.Ceiling.Eselon == nil {
		s.Ceiling = GolonganCeiling()
	}
	return &s.Ceiling
}

// GolonganCeilings are the highest golongan reachable by KP reguler per
// pendidikan, and the highest golongan of a jabatan (JF jenjang, eselon).
// They only produce warnings on the kenaikan pangkat row. Keys: tingkat
// pendidikan as EducationLevels, jenjang as Jenjang.String(), eselon "III.a".
type GolonganCeilings struct {
	Regulation string            `json:"regulation"`
	ValidFrom  string            `json:"valid_from"`
	ValidTo    string            `json:"valid_to"`
	Unverified bool              `json:"unverified"`
	Pendidikan map[string]string `json:"pendidikan"`
	Jenjang    map[string]string `json:"jenjang"`
	Eselon     map[string]string `json:"eselon"`
}

// GolonganCeiling returns the default ceilings. Pendidikan: PP 99/2000 jo
// PP 12/2002 as remembered from secondary sources (uncertain, not checked
// against the PP text). Jenjang: the golongan ranges of §4.11. Eselon: Kep.
// Kepala BKN 13/2002 as quoted by a secondary source (uncertain).
func GolonganCeiling() GolonganCeilings {
	return GolonganCeilings{
		Regulation: "PP 99/2000 jo PP 12/2002; PermenPANRB 1/2023; Keputusan Kepala BKN 13/2002",
		ValidFrom:  "2002-04-17",
		Unverified: true,
		Pendidikan: map[string]string{"SD": "II/a", "SLTP": "II/d", "SLTA": "III/c", "D-I": "III/c",
			"D-II": "III/d", "D-III": "IV/a", "D-IV": "IV/b", "S1": "IV/b", "S2": "IV/c", "S3": "IV/c"},
		Jenjang: map[string]string{"Pemula": "II/a", "Terampil": "II/d", "Mahir": "III/b", "Penyelia": "III/d",
			"Ahli Pertama": "III/b", "Ahli Muda": "III/d", "Ahli Madya": "IV/c", "Ahli Utama": "IV/e"},
		Eselon: map[string]string{"I.a": "IV/e", "I.b": "IV/e", "II.a": "IV/d", "II.b": "IV/c", "III.a": "IV/b",
			"III.b": "IV/a", "IV.a": "III/d", "IV.b": "III/c", "V.a": "III/b"},
	}
}

// ParseGolonganCeiling reads golongan_ceiling.json: every value must be a
// PNS golongan, every pendidikan key one of EducationLevels and every
// jenjang key a jenjang name.
func ParseGolonganCeiling(b []byte) (GolonganCeilings, error) {
	var c GolonganCeilings
	bad := func(msg string) (GolonganCeilings, error) {
		return GolonganCeilings{}, Errorf(EINVALID, "Tabel batas golongan: "+msg)
	}
	if err := json.Unmarshal(b, &c); err != nil {
		return bad("tidak dapat dibaca: " + err.Error())
	}
	for _, m := range []map[string]string{c.Pendidikan, c.Jenjang, c.Eselon} {
		for k, v := range m {
			if _, ok := LookupGolongan(KindPNS, v); !ok {
				return bad("nilai \"" + v + "\" untuk \"" + k + "\" bukan golongan ruang PNS.")
			}
		}
	}
	for k := range c.Pendidikan {
		if !contains(EducationLevels(), k) {
			return bad("tingkat pendidikan \"" + k + "\" tidak dikenal.")
		}
	}
	for k := range c.Jenjang {
		found := false
		for _, j := range Jenjangs() {
			found = found || j.String() == k
		}
		if !found {
			return bad("jenjang \"" + k + "\" tidak dikenal.")
		}
	}
	return c, nil
}

// ---- masa kerja ----

// latest entries of a riwayat list, found in one pass.
type latest struct {
	pangkat   *RwPangkatData
	pangkatID uint64
	jabatan   *RwJabatanData
	jabatanID uint64
	gajiTMT   Date
}

func scanLatest(rs []Riwayat) latest {
	var l latest
	for i := range rs {
		r := &rs[i]
		switch {
		case r.Pangkat != nil && r.Kind == RwPangkat:
			if l.pangkat == nil || newer(r.Pangkat.TMT, r.ID, l.pangkat.TMT, l.pangkatID) {
				l.pangkat, l.pangkatID = r.Pangkat, r.ID
			}
		case r.Jabatan != nil && r.Kind == RwJabatan:
			if l.jabatan == nil || newer(r.Jabatan.TMT, r.ID, l.jabatan.TMT, l.jabatanID) {
				l.jabatan, l.jabatanID = r.Jabatan, r.ID
			}
		case r.Gaji != nil && r.Kind == RwGaji:
			if l.gajiTMT.Before(r.Gaji.TMT) {
				l.gajiTMT = r.Gaji.TMT
			}
		}
	}
	return l
}

// newer reports whether (d, id) is later than (od, oid): later date, then
// the entry typed later (higher id).
func newer(d Date, id uint64, od Date, oid uint64) bool {
	if c := d.Compare(od); c != 0 {
		return c > 0
	}
	return id > oid
}

// cltnEnd is the last day of a CLTN entry: Selesai, else Mulai + LamaBulan.
func cltnEnd(c *RwCutiData) Date {
	if !c.Selesai.IsZero() {
		return c.Selesai
	}
	return periodEnd(c.Mulai, c.LamaBulan)
}

// cltnMonths is the length of a CLTN entry in whole months.
func cltnMonths(c *RwCutiData) int {
	if c.LamaBulan > 0 {
		return c.LamaBulan
	}
	if end := cltnEnd(c); !end.IsZero() {
		return monthsBetween(c.Mulai, end.AddDays(1))
	}
	return 0
}

func isCLTN(r *Riwayat) bool { return r.Cuti != nil && r.Kind == RwCuti && r.Cuti.Jenis == CutiCLTN }

// cltnMonthsIn counts the whole months of CLTN inside [from, to]: CLTN is
// not masa kerja (§3.11).
func cltnMonthsIn(rs []Riwayat, from, to Date) int {
	n := 0
	for i := range rs {
		if !isCLTN(&rs[i]) {
			continue
		}
		c := rs[i].Cuti
		end := cltnEnd(c)
		if c.Mulai.IsZero() || end.IsZero() {
			continue
		}
		s, e := maxDate(c.Mulai, from), minDate(end, to)
		if !e.Before(s) {
			n += monthsBetween(s, e.AddDays(1))
		}
	}
	return n
}

// MasaKerjaGolongan is the masa kerja golongan on day: the MKG typed on the
// latest pangkat entry at its TMT, plus the time since that TMT, plus every
// peninjauan masa kerja counting for golongan with a TMT after it (and not
// after day), minus CLTN. Without a pangkat entry it counts from TMT CPNS
// (PNS) or the TMT of the perjanjian kerja (PPPK).
func MasaKerjaGolongan(e Employee, rs []Riwayat, day Date) Span {
	l := scanLatest(rs)
	return spanOfMonths(mkgMonths(e, rs, l, day))
}

func mkgMonths(e Employee, rs []Riwayat, l latest, day Date) int {
	base, m := MasaKerjaStart(e), 0
	if l.pangkat != nil && !l.pangkat.TMT.IsZero() {
		base, m = l.pangkat.TMT, l.pangkat.MKGTahun*12+l.pangkat.MKGBulan
	}
	if base.IsZero() {
		return m
	}
	m += monthsBetween(base, day)
	for i := range rs {
		if p := rs[i].MasaKerja; p != nil && rs[i].Kind == RwMasaKerja && p.Golongan && base.Before(p.TMT) && !day.Before(p.TMT) {
			m += p.Tahun*12 + p.Bulan
		}
	}
	return max(m-cltnMonthsIn(rs, base, day), 0)
}

// MasaKerjaKeseluruhan is the masa kerja on day: from TMT CPNS (PNS/CPNS)
// or TMT of the perjanjian kerja (PPPK), plus every peninjauan masa kerja
// with a TMT not after day, minus CLTN.
func MasaKerjaKeseluruhan(e Employee, rs []Riwayat, day Date) Span {
	return spanOfMonths(masaKerjaMonths(e, rs, day))
}

func masaKerjaMonths(e Employee, rs []Riwayat, day Date) int {
	start := MasaKerjaStart(e)
	m := monthsBetween(start, day)
	for i := range rs {
		if p := rs[i].MasaKerja; p != nil && rs[i].Kind == RwMasaKerja && !p.TMT.IsZero() && !day.Before(p.TMT) {
			m += p.Tahun*12 + p.Bulan
		}
	}
	if !start.IsZero() {
		m -= cltnMonthsIn(rs, start, day)
	}
	return max(m, 0)
}

// ---- KGB and KP ----

const (
	shiftKGB = iota
	shiftKP
)

// shiftDue moves due later for every CLTN and every postponing hukuman
// whose start falls in (base, due]; a shift can bring further entries into
// the window, each entry applies once.
func shiftDue(rs []Riwayat, base, due Date, t *HukdisRules, what int, notes *[]string) Date {
	var small uint64
	var big []bool
	if len(rs) > 64 {
		big = make([]bool, len(rs))
	}
	done := func(i int) bool {
		if big != nil {
			return big[i]
		}
		return small&(1<<uint(i)) != 0
	}
	for changed := true; changed; {
		changed = false
		for i := range rs {
			if done(i) {
				continue
			}
			r := &rs[i]
			var start Date
			months := 0
			var jenis *HukdisJenis
			switch {
			case r.Hukdis != nil && r.Kind == RwHukdis:
				j, ok := t.lookupJenis(r.Hukdis.Jenis)
				if !ok {
					continue
				}
				jenis, start = j, r.Hukdis.Mulai
				if what == shiftKGB {
					months = j.PostponeKGBMonths
				} else {
					months = j.PostponeKPMonths
				}
			case isCLTN(r):
				start, months = r.Cuti.Mulai, cltnMonths(r.Cuti)
			default:
				continue
			}
			if months <= 0 || start.IsZero() || !base.Before(start) || due.Before(start) {
				continue
			}
			due = addMonths(due, months)
			if big != nil {
				big[i] = true
			} else {
				small |= 1 << uint(i)
			}
			changed = true
			if notes != nil {
				if jenis != nil {
					*notes = append(*notes, "Ditunda "+itoa(months)+" bulan karena hukuman disiplin \""+jenis.Jenis+
						"\" mulai "+fmtDate(start)+" (pengganti menurut Peraturan BKN 6/2022: "+strings.ToLower(jenis.Substitute)+").")
				} else {
					*notes = append(*notes, "Digeser "+itoa(months)+" bulan karena cuti di luar tanggungan negara mulai "+
						fmtDate(start)+" (CLTN tidak dihitung sebagai masa kerja).")
				}
			}
		}
	}
	return due
}

// NextKGB returns the date of the next kenaikan gaji berkala and the notes
// that explain it. The KGB comes every KGBYears (2) of masa kerja golongan,
// counted from the TMT of the latest gaji berkala entry, or from the latest
// pangkat TMT (else TMT CPNS) when there is none; peninjauan masa kerja
// golongan after that TMT brings it forward; CLTN and every hukuman whose
// jenis postpones KGB (Peraturan BKN 6/2022 substitute) starting inside the
// period push it back. PNS and CPNS only; none for PPPK, inactive employees,
// or when it would fall on or after TMT pensiun. A date before day means the
// KGB was due and has not been recorded.
func NextKGB(e Employee, rs []Riwayat, day Date, s CareerSettings) (Date, []string) {
	var notes []string
	due := kgbDue(e, rs, scanLatest(rs), &s, &notes)
	if !due.IsZero() && due.Before(day) {
		notes = append(notes, "Sudah jatuh tempo "+fmtDate(due)+" tetapi belum ada riwayat gaji berkala pada atau setelah tanggal itu.")
	}
	return due, notes
}

func kgbDue(e Employee, rs []Riwayat, l latest, s *CareerSettings, notes *[]string) Date {
	note := func(t string) {
		if notes != nil {
			*notes = append(*notes, t)
		}
	}
	switch {
	case !e.Status.Active():
		note("Pegawai tidak aktif: tidak ada kenaikan gaji berkala.")
		return Date{}
	case e.Kind.IsPPPK():
		note("Kenaikan gaji berkala di asndesk dihitung untuk PNS dan CPNS; gaji PPPK mengikuti perjanjian kerja.")
		return Date{}
	}
	base := l.gajiTMT
	switch {
	case !base.IsZero():
		if notes != nil {
			note("Dihitung " + itoa(s.kgbYears()) + " tahun masa kerja golongan dari TMT gaji berkala terakhir " + fmtDate(base) + ".")
		}
	case l.pangkat != nil && !l.pangkat.TMT.IsZero():
		base = l.pangkat.TMT
		if notes != nil {
			note("Belum ada riwayat gaji berkala: dihitung dari TMT pangkat terakhir " + fmtDate(base) + ".")
		}
	default:
		base = MasaKerjaStart(e)
		if base.IsZero() {
			note("Belum ada riwayat gaji berkala, riwayat pangkat, atau TMT CPNS.")
			return Date{}
		}
		if notes != nil {
			note("Belum ada riwayat gaji berkala maupun pangkat: dihitung dari TMT CPNS " + fmtDate(base) + ".")
		}
	}
	due := addMonths(base, s.kgbYears()*12)
	for i := range rs {
		p := rs[i].MasaKerja
		if p == nil || rs[i].Kind != RwMasaKerja || !p.Golongan || !base.Before(p.TMT) || due.Before(p.TMT) {
			continue
		}
		due = maxDate(addMonths(due, -(p.Tahun*12+p.Bulan)), p.TMT)
		if notes != nil {
			note("Dimajukan karena peninjauan masa kerja golongan " + itoa(p.Tahun) + " tahun " + itoa(p.Bulan) + " bulan TMT " + fmtDate(p.TMT) + ".")
		}
	}
	due = shiftDue(rs, base, due, s.hukdis(), shiftKGB, notes)
	if p := tmtPensiun(e.TanggalLahir, s.bup().BUP(e)); !p.IsZero() && !due.Before(p) {
		note("KGB berikutnya (" + fmtDate(due) + ") jatuh pada atau setelah TMT pensiun " + fmtDate(p) + ".")
		return Date{}
	}
	return due
}

// nextPeriod is the first KP period date (the 1st of a month in months) on
// or after d. Without periods any date is a period.
func nextPeriod(d Date, months []time.Month) Date {
	if len(months) == 0 {
		return d
	}
	for y := d.Year; y <= d.Year+1; y++ {
		for m := time.January; m <= time.December; m++ {
			if c := (Date{y, m, 1}); contains(months, m) && !c.Before(d) {
				return c
			}
		}
	}
	return Date{}
}

func periodsText(months []time.Month) string {
	var b strings.Builder
	n := 0
	for m := time.January; m <= time.December; m++ {
		if !contains(months, m) {
			continue
		}
		if n > 0 {
			b.WriteString(" dan ")
		}
		b.WriteString("1 " + MonthName(m))
		n++
	}
	return b.String()
}

// NextKP returns the date of the next kenaikan pangkat reguler and the
// reasons for it, in Indonesian: "not yet" reasons (masa dalam pangkat,
// waiting for the period, hukuman), postponements, warnings (ceiling of
// golongan by pendidikan and by jabatan) and the note that predikat kinerja
// is not checked yet. The rule: KPMinYears (4) in the current pangkat
// (CLTN not counted; a hukuman whose jenis postpones KP adds its months),
// then the first KP period (KPMonths, default 1 April / 1 Oktober) on which
// no sedang/berat hukuman is running. PNS and CPNS only; none for PPPK,
// inactive employees, IV/e, a pemberhentian hukuman, or when TMT pensiun
// comes first. A date before day means the employee has been eligible
// since that period and no new pangkat is recorded.
func NextKP(e Employee, rs []Riwayat, day Date, s CareerSettings) (due Date, reasons []string) {
	return NextKPWith(e, rs, day, s, nil)
}

// KinerjaHistory is an employee's final annual predikat kinerja by year
// (the evaluasi tahunan of the SKP), as the kenaikan pangkat rule reads it.
type KinerjaHistory map[int]Predikat

// KinerjaHistories gathers, from SKP rows, each employee's final annual
// predikat by year. With several SKPs in a year (a new one after a change
// of jabatan) the one that started last and has a predikat counts: it
// covers the end of the year.
func KinerjaHistories(rows []SKPRow) map[uint64]KinerjaHistory {
	out := map[uint64]KinerjaHistory{}
	type pick struct {
		start Date
		id    uint64
	}
	seen := map[[2]uint64]pick{}
	for _, r := range rows {
		if r.Predikat == "" {
			continue
		}
		k := [2]uint64{r.EmployeeID, uint64(r.Year)}
		if prev, ok := seen[k]; ok && (r.Start.Before(prev.start) || r.Start == prev.start && r.SKPID < prev.id) {
			continue
		}
		seen[k] = pick{r.Start, r.SKPID}
		if out[r.EmployeeID] == nil {
			out[r.EmployeeID] = KinerjaHistory{}
		}
		out[r.EmployeeID][r.Year] = r.Predikat
	}
	return out
}

// NextKPWith is NextKP reading the employee's annual predikat kinerja:
// with kin non-nil the note on the predikat becomes the check of §4.10,
// predikat Baik or Sangat Baik in each of the 2 years before the year of
// the KP date, and a missing or lower year is a warning naming the year.
// The check never moves the date (K9: results are reminders). With kin
// nil (no performance data at hand) it is NextKP.
func NextKPWith(e Employee, rs []Riwayat, day Date, s CareerSettings, kin KinerjaHistory) (due Date, reasons []string) {
	l := scanLatest(rs)
	due = kpDue(e, rs, l, day, &s, &reasons)
	if !due.IsZero() {
		reasons = append(reasons, kpWarnings(e, rs, l, &s)...)
		reasons = append(reasons, kinerjaNote(due, kin))
	}
	return due, reasons
}

// kpKinerjaYears is how many years of predikat kinerja the KP reguler
// asks for (§4.10: "in the last 2 years").
const kpKinerjaYears = 2

// kinerjaNote is the predikat line of a KP due on due.
func kinerjaNote(due Date, kin KinerjaHistory) string {
	if kin == nil {
		return "Syarat predikat kinerja Baik atau Sangat Baik dalam 2 tahun terakhir belum diperiksa: belum ada penilaian kinerja di asndesk."
	}
	years := make([]string, 0, kpKinerjaYears)
	labels := make([]string, 0, kpKinerjaYears)
	var problems []string
	for y := due.Year - kpKinerjaYears; y < due.Year; y++ {
		p := kin[y]
		years = append(years, itoa(y))
		labels = append(labels, p.Label())
		switch {
		case p == "":
			problems = append(problems, itoa(y)+": belum ada predikat kinerja tahunan yang final")
		case p != Baik && p != SangatBaik:
			problems = append(problems, itoa(y)+": "+p.Label())
		}
	}
	if len(problems) == 0 {
		return "Predikat kinerja " + strings.Join(years, " dan ") + ": " + strings.Join(labels, ", ") + " — memenuhi syarat."
	}
	return "Peringatan: syarat predikat kinerja Baik atau Sangat Baik dalam 2 tahun terakhir (" + strings.Join(years, " dan ") +
		") belum terpenuhi — " + strings.Join(problems, "; ") + "."
}

// currentGolongan is the golongan of the latest pangkat entry, else the
// profile's.
func currentGolongan(e Employee, l latest) string {
	if l.pangkat != nil && l.pangkat.Golongan != "" {
		return l.pangkat.Golongan
	}
	return e.Golongan
}

func kpDue(e Employee, rs []Riwayat, l latest, day Date, s *CareerSettings, notes *[]string) Date {
	note := func(t string) {
		if notes != nil {
			*notes = append(*notes, t)
		}
	}
	gol := currentGolongan(e, l)
	switch {
	case !e.Status.Active():
		note("Pegawai tidak aktif: tidak ada kenaikan pangkat.")
		return Date{}
	case e.Kind.IsPPPK():
		note("PPPK tidak mengenal kenaikan pangkat: golongan mengikuti perjanjian kerja.")
		return Date{}
	case gol == "":
		note("Golongan belum diisi: tambahkan riwayat pangkat.")
		return Date{}
	case gol == "IV/e":
		note("Sudah mencapai golongan IV/e (Pembina Utama), pangkat tertinggi.")
		return Date{}
	}
	if pnsRank(gol) == 0 {
		note("Golongan \"" + gol + "\" tidak dikenal.")
		return Date{}
	}
	base := Date{}
	if l.pangkat != nil {
		base = l.pangkat.TMT
	}
	if base.IsZero() {
		base = e.TMTCPNS
		if base.IsZero() {
			note("TMT pangkat terakhir belum diisi.")
			return Date{}
		}
		note("Belum ada riwayat pangkat: masa dalam pangkat dihitung dari TMT CPNS " + fmtDate(base) + ".")
	}
	minYears := s.kpMinYears()
	earliest := addMonths(base, minYears*12)
	if notes != nil && day.Before(earliest) {
		in := spanOfMonths(monthsBetween(base, day) - cltnMonthsIn(rs, base, day))
		note("Masa dalam pangkat " + gol + " baru " + spanText(in) + "; syarat paling singkat " + itoa(minYears) +
			" tahun terpenuhi " + fmtDate(earliest) + ".")
	}
	if shifted := shiftDue(rs, base, earliest, s.hukdis(), shiftKP, notes); shifted != earliest {
		earliest = shifted
		note("Dengan memperhitungkan hal di atas, syarat masa dalam pangkat terpenuhi " + fmtDate(earliest) + ".")
	}
	months := s.kpMonths()
	due := nextPeriod(earliest, months)
	if notes != nil && due != earliest {
		note("Kenaikan pangkat reguler hanya pada periode " + periodsText(months) + ": periode pertama setelah syarat terpenuhi " + fmtDate(due) + ".")
	}
	t := s.hukdis()
	for range len(rs) + 1 {
		moved := false
		for i := range rs {
			h := rs[i].Hukdis
			if h == nil || rs[i].Kind != RwHukdis {
				continue
			}
			j, ok := t.lookupJenis(h.Jenis)
			if !ok {
				continue
			}
			if j.Dismissal && !h.Mulai.IsZero() && !due.Before(h.Mulai) {
				note("Dijatuhi hukuman \"" + h.Jenis + "\" mulai " + fmtDate(h.Mulai) + ".")
				return Date{}
			}
			if j.BlocksKP && HukdisActive(*h, due) {
				end := HukdisEnd(*h)
				due = nextPeriod(end.AddDays(1), months)
				moved = true
				note("Tidak dapat naik pangkat selama menjalani hukuman disiplin tingkat " + strings.ToLower(j.Tingkat) +
					" \"" + h.Jenis + "\" sampai " + fmtDate(end) + ": periode berikutnya " + fmtDate(due) + ".")
			}
		}
		if !moved {
			break
		}
	}
	if p := tmtPensiun(e.TanggalLahir, s.bup().BUP(e)); !p.IsZero() && !due.Before(p) {
		note("TMT pensiun " + fmtDate(p) + " lebih dahulu daripada periode kenaikan pangkat " + fmtDate(due) +
			"; pertimbangkan kenaikan pangkat pengabdian.")
		return Date{}
	}
	return due
}

// kpWarnings are the ceiling warnings of the next KP (never blocking).
func kpWarnings(e Employee, rs []Riwayat, l latest, s *CareerSettings) []string {
	gol := currentGolongan(e, l)
	next := nextGolongan(gol)
	if next == "" {
		return nil
	}
	c := s.ceiling()
	var w []string
	unv := ""
	if c.Unverified {
		unv = " (tabel belum diverifikasi)"
	}
	pend := e.Pendidikan
	if p, ok := LatestPendidikan(rs); ok {
		pend = p.Tingkat
	}
	if top, ok := c.Pendidikan[pend]; ok && pnsRank(next) > pnsRank(top) {
		w = append(w, "Peringatan: kenaikan pangkat reguler dengan pendidikan "+pend+" paling tinggi sampai golongan "+
			top+"; kenaikan ke "+next+" memerlukan kenaikan pangkat penyesuaian ijazah atau pilihan"+unv+".")
	}
	jenis, jenjang, eselon := e.JenisJabatan, e.Jenjang, ""
	if l.jabatan != nil {
		jenis, jenjang, eselon = l.jabatan.Jenis, l.jabatan.Jenjang, l.jabatan.Eselon
	}
	if jenis == Fungsional {
		if top, ok := c.Jenjang[jenjang.String()]; ok && pnsRank(next) > pnsRank(top) {
			w = append(w, "Peringatan: golongan "+top+" adalah batas jenjang "+jenjang.String()+
				"; kenaikan ke "+next+" memerlukan kenaikan jenjang jabatan fungsional"+unv+".")
		}
		w = append(w, "Jabatan fungsional: kenaikan pangkat juga memerlukan angka kredit kumulatif yang cukup (lihat riwayat angka kredit).")
	}
	if eselon != "" {
		if top, ok := c.Eselon[strings.TrimSpace(eselon)]; ok && pnsRank(next) > pnsRank(top) {
			w = append(w, "Peringatan: pangkat tertinggi untuk eselon "+eselon+" adalah "+top+unv+".")
		}
	}
	return w
}

// ContractEnd is the end of a PPPK's current perjanjian kerja (zero for
// PNS/CPNS or when not filled in). The contract also ends when the PPPK
// reaches the BUP (§3.8): see ContractEndBUP.
func ContractEnd(e Employee) Date {
	if !e.Kind.IsPPPK() {
		return Date{}
	}
	return e.AkhirKontrak
}

// ContractEndBUP is the date a PPPK's employment ends at the latest: the
// end of the perjanjian kerja or reaching the BUP (the day before the TMT
// pensiun a PNS of the same jabatan would have), whichever is first; atBUP
// tells which.
func ContractEndBUP(e Employee, g BUPGrid) (end Date, atBUP bool) {
	if !e.Kind.IsPPPK() {
		return Date{}, false
	}
	return contractEnd(e, TMTPensiun(e.TanggalLahir, g.BUP(e)))
}

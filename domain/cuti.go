package domain

import (
	"encoding/json"
	"strings"
)

// Cuti codes (RwCutiData.Jenis), PP 11/2017.
const (
	CutiCT   = "CT"   // Cuti Tahunan
	CutiCB   = "CB"   // Cuti Besar
	CutiCS   = "CS"   // Cuti Sakit
	CutiCM   = "CM"   // Cuti Melahirkan
	CutiCKAP = "CKAP" // Cuti Karena Alasan Penting
	CutiCBS  = "CBS"  // Cuti Bersama
	CutiCLTN = "CLTN" // Cuti di Luar Tanggungan Negara
)

// Cuti length units.
const (
	UnitHari  = "hari"  // hari kerja, RwCutiData.LamaHari
	UnitBulan = "bulan" // RwCutiData.LamaBulan
)

// CutiType is one jenis cuti with its limits and who may take it (P7).
type CutiType struct {
	Code            string
	Label           string // exact §3.11 text
	Unit            string // UnitHari or UnitBulan
	MaxHari         int    // hari kerja per request; 0: no limit of this kind
	MaxBulan        int    // calendar months from Mulai to Selesai; 0: no limit
	MinServiceYears int    // years of service before it may be taken
	Kinds           []Kind // jenis pegawai allowed to take it
	FemaleOnly      bool
	Rule            string // the rule, quoted when a request is refused
	Unverified      bool
}

// CutiRules is the cuti table: the types and the cuti tahunan carry-over.
type CutiRules struct {
	Regulation string
	ValidFrom  string
	ValidTo    string
	Unverified bool

	AnnualDays          int // hak cuti tahunan per year: 12 hari kerja
	MaxWithN1           int // total with the unused rest of N-1: 18
	MaxWithN2           int // total with the unused rest of N-1 and N-2: 24
	CutiBesarEveryYears int // a further cuti besar only this many years after the last one ended

	Types []CutiType
}

// Type finds a jenis cuti by code.
func (r CutiRules) Type(code string) (CutiType, bool) {
	for _, t := range r.Types {
		if t.Code == code {
			return t, true
		}
	}
	return CutiType{}, false
}

// CutiTypes returns the default jenis cuti (§3.11): PP 11/2017 jo PP
// 17/2020 for PNS; PPPK (PP 49/2018, P7 default) may take cuti tahunan,
// sakit, melahirkan and bersama.
func CutiTypes() []CutiType { return DefaultCutiRules().Types }

// DefaultCutiRules returns the default cuti table.
func DefaultCutiRules() CutiRules {
	all := []Kind{KindPNS, KindCPNS, KindPPPK, KindPPPKParuhWaktu}
	pns := []Kind{KindPNS}
	return CutiRules{
		Regulation: "PP 11/2017 jo PP 17/2020; Peraturan BKN 24/2017 jo 7/2021; PP 49/2018",
		ValidFrom:  "2017-04-07",
		AnnualDays: 12, MaxWithN1: 18, MaxWithN2: 24, CutiBesarEveryYears: 5,
		Types: []CutiType{
			{Code: CutiCT, Label: "Cuti Tahunan", Unit: UnitHari, MaxHari: 24, MinServiceYears: 1, Kinds: all,
				Rule: "PP 11/2017: 12 hari kerja setahun setelah bekerja paling singkat 1 tahun; dengan sisa tahun lalu paling banyak 18 hari kerja, dengan sisa 2 tahun paling banyak 24 hari kerja; tidak ada cuti tahunan pada tahun cuti besar"},
			{Code: CutiCB, Label: "Cuti Besar", Unit: UnitBulan, MaxBulan: 3, MinServiceYears: 5, Kinds: pns,
				Rule: "PP 11/2017: paling lama 3 bulan bagi PNS yang telah bekerja paling singkat 5 tahun terus-menerus (kecuali ibadah haji pertama atau persalinan anak keempat dan seterusnya); menghapus cuti tahunan tahun itu"},
			{Code: CutiCS, Label: "Cuti Sakit", Unit: UnitHari, MaxBulan: 18, Kinds: all,
				Rule: "PP 11/2017: paling lama 1 tahun, dapat ditambah paling lama 6 bulan; lebih dari 1 hari dengan surat dokter"},
			{Code: CutiCM, Label: "Cuti Melahirkan", Unit: UnitBulan, MaxBulan: 3, Kinds: all, FemaleOnly: true,
				Rule: "PP 11/2017: paling lama 3 bulan untuk kelahiran anak pertama sampai ketiga"},
			{Code: CutiCKAP, Label: "Cuti Karena Alasan Penting", Unit: UnitHari, MaxBulan: 1, Kinds: []Kind{KindPNS, KindCPNS},
				Rule: "PP 11/2017: paling lama 1 bulan"},
			{Code: CutiCBS, Label: "Cuti Bersama", Unit: UnitHari, Kinds: all,
				Rule: "Ditetapkan Presiden; mengurangi cuti tahunan bila pengaturan tahun itu menyatakan demikian"},
			{Code: CutiCLTN, Label: "Cuti di Luar Tanggungan Negara", Unit: UnitBulan, MaxBulan: 36, MinServiceYears: 5, Kinds: pns,
				Rule: "PP 11/2017: paling lama 3 tahun (dapat diperpanjang paling lama 1 tahun) bagi PNS yang telah bekerja paling singkat 5 tahun; tidak dihitung masa kerja"},
		},
	}
}

// cutiFile is the JSON shape of assets/reference/cuti.json.
type cutiFile struct {
	Regulation          string `json:"regulation"`
	ValidFrom           string `json:"valid_from"`
	ValidTo             string `json:"valid_to"`
	Unverified          bool   `json:"unverified"`
	AnnualDays          int    `json:"hak_tahunan_hari"`
	MaxWithN1           int    `json:"maks_dengan_n1_hari"`
	MaxWithN2           int    `json:"maks_dengan_n2_hari"`
	CutiBesarEveryYears int    `json:"cuti_besar_berikutnya_tahun"`
	Types               []struct {
		Code            string   `json:"kode"`
		Label           string   `json:"label"`
		Unit            string   `json:"satuan"`
		MaxHari         int      `json:"maks_hari"`
		MaxBulan        int      `json:"maks_bulan"`
		MinServiceYears int      `json:"min_masa_kerja_tahun"`
		Kinds           []string `json:"jenis_pegawai"`
		FemaleOnly      bool     `json:"khusus_perempuan"`
		Rule            string   `json:"aturan"`
		Unverified      bool     `json:"unverified"`
	} `json:"jenis"`
}

// ParseCutiRules reads cuti.json: jenis pegawai by their labels ("PNS",
// "CPNS", "PPPK", "PPPK Paruh Waktu"), units "hari" or "bulan", unique
// codes, sensible limits.
func ParseCutiRules(b []byte) (CutiRules, error) {
	var f cutiFile
	bad := func(msg string) (CutiRules, error) { return CutiRules{}, Errorf(EINVALID, "Tabel cuti: "+msg) }
	if err := json.Unmarshal(b, &f); err != nil {
		return bad("tidak dapat dibaca: " + err.Error())
	}
	if f.AnnualDays < 1 || f.AnnualDays > 30 || f.MaxWithN1 < f.AnnualDays || f.MaxWithN2 < f.MaxWithN1 || f.MaxWithN2 > 90 {
		return bad("hak cuti tahunan harus 1–30 hari dan batas dengan sisa N-1 ≤ batas dengan sisa N-2 ≤ 90 hari.")
	}
	if f.CutiBesarEveryYears < 0 || f.CutiBesarEveryYears > 20 {
		return bad("\"cuti_besar_berikutnya_tahun\" harus antara 0 dan 20.")
	}
	r := CutiRules{Regulation: f.Regulation, ValidFrom: f.ValidFrom, ValidTo: f.ValidTo, Unverified: f.Unverified,
		AnnualDays: f.AnnualDays, MaxWithN1: f.MaxWithN1, MaxWithN2: f.MaxWithN2, CutiBesarEveryYears: f.CutiBesarEveryYears}
	for i, t := range f.Types {
		n := "jenis ke-" + itoa(i+1)
		switch {
		case strings.TrimSpace(t.Code) == "" || strings.TrimSpace(t.Label) == "":
			return bad(n + " harus punya kode dan label.")
		case t.Unit != UnitHari && t.Unit != UnitBulan:
			return bad("satuan " + t.Code + " harus \"hari\" atau \"bulan\".")
		case t.MaxHari < 0 || t.MaxHari > 400 || t.MaxBulan < 0 || t.MaxBulan > 60 || t.MinServiceYears < 0 || t.MinServiceYears > 40:
			return bad("batas pada " + t.Code + " di luar rentang yang masuk akal.")
		}
		if _, dup := r.Type(t.Code); dup {
			return bad("kode " + t.Code + " tercantum dua kali.")
		}
		ct := CutiType{Code: t.Code, Label: t.Label, Unit: t.Unit, MaxHari: t.MaxHari, MaxBulan: t.MaxBulan,
			MinServiceYears: t.MinServiceYears, FemaleOnly: t.FemaleOnly, Rule: t.Rule, Unverified: t.Unverified}
		for _, name := range t.Kinds {
			k := kindByName(name)
			if k == 0 {
				return bad("jenis pegawai \"" + name + "\" pada " + t.Code + " tidak dikenal.")
			}
			ct.Kinds = append(ct.Kinds, k)
		}
		r.Types = append(r.Types, ct)
	}
	if _, ok := r.Type(CutiCT); !ok {
		return bad("jenis CT (Cuti Tahunan) wajib ada.")
	}
	return r, nil
}

func kindByName(s string) Kind {
	for _, k := range Kinds() {
		if k.String() == s {
			return k
		}
	}
	return 0
}

// CutiSaldo is the cuti tahunan balance of one year. HakN, HakN1, HakN2 are
// the days available on 1 Januari by origin (this year's right, the rest
// carried from N-1 and from N-2); N, N1, N2 and Total are what remains
// after Used (cuti tahunan taken in the year, plus cuti bersama when it
// reduces cuti tahunan). Days used are taken from N-2 first, then N-1, then
// N: the oldest rest expires first.
type CutiSaldo struct {
	Year               int
	HakN, HakN1, HakN2 int
	N, N1, N2          int
	Total              int
	Used               int
	CutiBesarYear      bool
	EligibleFrom       Date // first day cuti tahunan may be taken (1 year of service)
}

// cutiDays is the length of a cuti entry in hari kerja: LamaHari as typed,
// else counted Monday–Friday between Mulai and Selesai.
func cutiDays(c *RwCutiData) int {
	if c.LamaHari > 0 {
		return c.LamaHari
	}
	return WorkingDays(c.Mulai, c.Selesai, nil)
}

// cutiEnd is the last day of a cuti entry.
func cutiEnd(c *RwCutiData) Date {
	if !c.Selesai.IsZero() {
		return c.Selesai
	}
	if c.LamaBulan > 0 {
		return periodEnd(c.Mulai, c.LamaBulan)
	}
	return c.Mulai
}

// cutiBesarIn reports whether a cuti besar period touches year y.
func cutiBesarIn(rs []Riwayat, y int) bool {
	for i := range rs {
		c := rs[i].Cuti
		if c == nil || rs[i].Kind != RwCuti || c.Jenis != CutiCB || c.Mulai.IsZero() {
			continue
		}
		if c.Mulai.Year <= y && y <= cutiEnd(c).Year {
			return true
		}
	}
	return false
}

// cutiTahunanUsed sums the cuti tahunan taken with a start in year y.
func cutiTahunanUsed(rs []Riwayat, y int) int {
	n := 0
	for i := range rs {
		if c := rs[i].Cuti; c != nil && rs[i].Kind == RwCuti && c.Jenis == CutiCT && c.Mulai.Year == y {
			n += cutiDays(c)
		}
	}
	return n
}

// serviceMonths is actual service on day: from TMT CPNS / TMT perjanjian
// kerja, CLTN excluded, peninjauan masa kerja not counted.
func serviceMonths(e Employee, rs []Riwayat, day Date) int {
	start := MasaKerjaStart(e)
	if start.IsZero() {
		return 0
	}
	return max(monthsBetween(start, day)-cltnMonthsIn(rs, start, day), 0)
}

// CutiBalance computes the cuti tahunan balance of a year (§3.11): 12 hari
// kerja a year from the year the employee completes 1 year of service; the
// unused rest of N-1 carries (total at most 18), and a rest left unused for
// two years carries as N-2 (total at most 24); a year touched by cuti besar
// has no cuti tahunan and carries nothing on; cuti bersama reduces the
// balance when the year's setting says so (default: yes). Cuti tahunan
// counts in the year it starts.
func CutiBalance(e Employee, rs []Riwayat, year int, s CareerSettings) CutiSaldo {
	r := s.cuti()
	out := CutiSaldo{Year: year, CutiBesarYear: cutiBesarIn(rs, year)}
	ct, _ := r.Type(CutiCT)
	start := MasaKerjaStart(e)
	if start.IsZero() {
		return out
	}
	out.EligibleFrom = addMonths(start, ct.MinServiceYears*12)
	if cl := cltnMonthsIn(rs, start, out.EligibleFrom); cl > 0 {
		out.EligibleFrom = addMonths(out.EligibleFrom, cl)
	}
	first := out.EligibleFrom.Year
	if year < first {
		return out
	}
	carry1, carry2 := 0, 0
	for y := first; y <= year; y++ {
		cb := cutiBesarIn(rs, y)
		hakN, hak1, hak2 := r.AnnualDays, carry1, carry2
		if cb {
			hakN, hak1, hak2 = 0, 0, 0
		}
		used := cutiTahunanUsed(rs, y)
		if b := s.CutiBersamaFor(y); b.Reduces && b.Days > 0 && !cb {
			used += b.Days
		}
		n2, n1, n := hak2, hak1, hakN
		left := used
		take := func(v *int) {
			d := min(*v, left)
			*v -= d
			left -= d
		}
		take(&n2)
		take(&n1)
		take(&n)
		if y == year {
			out.HakN, out.HakN1, out.HakN2 = hakN, hak1, hak2
			out.N, out.N1, out.N2 = n, n1, n2
			out.Total = n + n1 + n2
			out.Used = used
			break
		}
		carry1 = min(n, r.MaxWithN1-r.AnnualDays)
		carry2 = min(n1, r.MaxWithN2-r.MaxWithN1)
	}
	return out
}

// CheckCutiRequest refuses a cuti request that breaks a rule, with an
// *Error EINVALID whose Indonesian message names the rule: unknown jenis,
// jenis not open to the employee's jenis pegawai (P7), inactive employee,
// dates missing or reversed, service too short (CT 1 year, CB and CLTN 5
// years), a cuti besar within 5 years of the last, the type's maximum, the
// cuti tahunan balance, a year with cuti besar, overlap with recorded cuti.
// rs must not contain the request itself (when editing, leave it out).
func CheckCutiRequest(e Employee, rs []Riwayat, req RwCutiData, s CareerSettings) error {
	r := s.cuti()
	refuse := func(field, msg string) error { return &Error{Code: EINVALID, Message: msg, Field: field} }
	t, ok := r.Type(req.Jenis)
	if !ok {
		return refuse(RwFieldJenis, "Jenis cuti \""+req.Jenis+"\" tidak dikenal.")
	}
	if !contains(t.Kinds, e.Kind) {
		var allowed []string
		for _, x := range r.Types {
			if contains(x.Kinds, e.Kind) {
				allowed = append(allowed, x.Label)
			}
		}
		return refuse(RwFieldJenis, t.Label+" tidak berlaku bagi "+e.Kind.String()+". Jenis cuti untuk "+e.Kind.String()+": "+
			strings.Join(allowed, ", ")+".")
	}
	switch {
	case !e.Status.Active():
		return refuse(RwFieldJenis, "Pegawai berstatus "+e.Status.String()+": cuti tidak dapat diberikan.")
	case e.Status == StatusCLTN && req.Jenis != CutiCLTN:
		return refuse(RwFieldJenis, "Pegawai sedang menjalani cuti di luar tanggungan negara: cuti lain tidak dapat diberikan.")
	case t.FemaleOnly && e.JenisKelamin == Male:
		return refuse(RwFieldJenis, t.Label+" hanya untuk pegawai perempuan.")
	case req.Mulai.IsZero():
		return refuse(RwFieldMulai, "Tanggal mulai cuti wajib diisi.")
	case req.Selesai.IsZero():
		return refuse(RwFieldSelesai, "Tanggal selesai cuti wajib diisi.")
	case req.Selesai.Before(req.Mulai):
		return refuse(RwFieldSelesai, "Tanggal selesai cuti tidak boleh sebelum tanggal mulai.")
	}
	if t.MinServiceYears > 0 {
		if m := serviceMonths(e, rs, req.Mulai); m < t.MinServiceYears*12 {
			return refuse(RwFieldMulai, t.Label+" memerlukan masa kerja paling singkat "+itoa(t.MinServiceYears)+
				" tahun; pada "+fmtDate(req.Mulai)+" masa kerja baru "+spanText(spanOfMonths(m))+". Aturan: "+t.Rule+".")
		}
	}
	if req.Jenis == CutiCB && r.CutiBesarEveryYears > 0 {
		for i := range rs {
			c := rs[i].Cuti
			if c == nil || rs[i].Kind != RwCuti || c.Jenis != CutiCB || c.Mulai.IsZero() || req.Mulai.Before(c.Mulai) {
				continue
			}
			if next := addMonths(cutiEnd(c).AddDays(1), r.CutiBesarEveryYears*12); req.Mulai.Before(next) {
				return refuse(RwFieldMulai, "Cuti besar berikutnya baru dapat diambil "+itoa(r.CutiBesarEveryYears)+
					" tahun setelah cuti besar terakhir (selesai "+fmtDate(cutiEnd(c))+"), yaitu mulai "+fmtDate(next)+".")
			}
		}
	}
	switch t.Unit {
	case UnitHari:
		days := req.LamaHari
		if days <= 0 {
			days = WorkingDays(req.Mulai, req.Selesai, nil)
		}
		if t.MaxHari > 0 && days > t.MaxHari {
			return refuse(RwFieldLamaHari, t.Label+" paling lama "+itoa(t.MaxHari)+" hari kerja; permintaan "+itoa(days)+
				" hari kerja. Aturan: "+t.Rule+".")
		}
		if req.Jenis == CutiCT {
			if days < 1 {
				return refuse(RwFieldLamaHari, "Cuti tahunan paling sedikit 1 hari kerja.")
			}
			bal := CutiBalance(e, rs, req.Mulai.Year, s)
			switch {
			case req.Mulai.Before(bal.EligibleFrom):
				return refuse(RwFieldMulai, "Cuti tahunan baru dapat diambil setelah bekerja paling singkat 1 tahun, yaitu mulai "+
					fmtDate(bal.EligibleFrom)+". Aturan: "+t.Rule+".")
			case bal.CutiBesarYear:
				return refuse(RwFieldMulai, "Pada tahun "+itoa(req.Mulai.Year)+" pegawai menggunakan cuti besar: tidak ada hak cuti tahunan tahun itu (PP 11/2017).")
			case days > bal.Total:
				return refuse(RwFieldLamaHari, "Sisa cuti tahunan "+itoa(req.Mulai.Year)+" hanya "+itoa(bal.Total)+" hari kerja (N "+
					itoa(bal.N)+", N-1 "+itoa(bal.N1)+", N-2 "+itoa(bal.N2)+"); permintaan "+itoa(days)+" hari kerja. Aturan: "+t.Rule+".")
			}
		}
	case UnitBulan:
		if t.MaxBulan > 0 && req.LamaBulan > t.MaxBulan {
			return refuse(RwFieldLamaBulan, t.Label+" paling lama "+itoa(t.MaxBulan)+" bulan; permintaan "+itoa(req.LamaBulan)+
				" bulan. Aturan: "+t.Rule+".")
		}
	}
	if t.MaxBulan > 0 {
		if last := periodEnd(req.Mulai, t.MaxBulan); last.Before(req.Selesai) {
			return refuse(RwFieldSelesai, t.Label+" paling lama "+itoa(t.MaxBulan)+" bulan: bila mulai "+fmtDate(req.Mulai)+
				", paling lambat selesai "+fmtDate(last)+". Aturan: "+t.Rule+".")
		}
	}
	for i := range rs {
		c := rs[i].Cuti
		if c == nil || rs[i].Kind != RwCuti || c.Mulai.IsZero() || c.Jenis == CutiCBS {
			continue
		}
		if !req.Selesai.Before(c.Mulai) && !cutiEnd(c).Before(req.Mulai) {
			label := c.Jenis
			if ot, ok := r.Type(c.Jenis); ok {
				label = ot.Label
			}
			return refuse(RwFieldMulai, "Tanggal cuti bertumpang tindih dengan "+label+" "+fmtDate(c.Mulai)+" s.d. "+fmtDate(cutiEnd(c))+".")
		}
	}
	return nil
}

package domain

import "strings"

// Golongan is one grade in a golongan table.
type Golongan struct {
	Code    string // "III/b" or, for PPPK, "IX"
	Pangkat string // PNS only: "Penata Muda Tingkat I"
	SIASNID int    // PNS only: 11 … 45
	Rank    int    // orders golongan within its table, higher is senior
}

// PNSGolongan returns the PNS pangkat/golongan ruang table (§3.5),
// lowest first.
func PNSGolongan() []Golongan {
	names := [...]string{
		"Juru Muda", "Juru Muda Tingkat I", "Juru", "Juru Tingkat I",
		"Pengatur Muda", "Pengatur Muda Tingkat I", "Pengatur", "Pengatur Tingkat I",
		"Penata Muda", "Penata Muda Tingkat I", "Penata", "Penata Tingkat I",
		"Pembina", "Pembina Tingkat I", "Pembina Utama Muda", "Pembina Utama Madya", "Pembina Utama",
	}
	romans := [...]string{"I", "II", "III", "IV"}
	var out []Golongan
	i := 0
	for g, roman := range romans {
		ruang := "abcd"
		if g == 3 {
			ruang = "abcde"
		}
		for r := range ruang {
			out = append(out, Golongan{Code: roman + "/" + ruang[r:r+1], Pangkat: names[i],
				SIASNID: (g+1)*10 + r + 1, Rank: (g+1)*10 + r + 1})
			i++
		}
	}
	return out
}

// PPPKGolongan returns PPPK golongan I–XVII, lowest first.
func PPPKGolongan() []Golongan {
	codes := [...]string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
		"XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"}
	out := make([]Golongan, len(codes))
	for i, c := range codes {
		out[i] = Golongan{Code: c, Rank: i + 1}
	}
	return out
}

// GolonganFor returns the table that applies to a jenis pegawai.
func GolonganFor(k Kind) []Golongan {
	if k.IsPPPK() {
		return PPPKGolongan()
	}
	return PNSGolongan()
}

// NormalizeGolongan accepts "3b", "III b", "iii/B" and returns "III/b";
// PPPK golongan are upper-cased. Unknown input is returned trimmed.
func NormalizeGolongan(k Kind, s string) string {
	t := strings.TrimSpace(s)
	for _, g := range GolonganFor(k) {
		if strings.EqualFold(g.Code, t) {
			return g.Code
		}
	}
	if !k.IsPPPK() {
		c := strings.ToLower(strings.NewReplacer("/", "", " ", "", "-", "").Replace(t))
		arabic := map[string]string{"1": "i", "2": "ii", "3": "iii", "4": "iv"}
		if len(c) == 2 {
			if r, ok := arabic[c[:1]]; ok {
				c = r + c[1:]
			}
		}
		for _, g := range PNSGolongan() {
			if strings.ToLower(strings.Replace(g.Code, "/", "", 1)) == c {
				return g.Code
			}
		}
	}
	return t
}

// LookupGolongan finds a code in the table of the jenis pegawai.
func LookupGolongan(k Kind, code string) (Golongan, bool) {
	for _, g := range GolonganFor(k) {
		if g.Code == code {
			return g, true
		}
	}
	return Golongan{}, false
}

// GolonganBySIASN maps a SIASN golongan id (11 … 45) to the PNS golongan.
func GolonganBySIASN(id int) (Golongan, bool) {
	for _, g := range PNSGolongan() {
		if g.SIASNID == id {
			return g, true
		}
	}
	return Golongan{}, false
}

// GolonganRank orders any golongan code for sorting: PNS ranks 11–45, PPPK
// 1–17 (PPPK after PNS of the same seniority is not meaningful; PPPK simply
// sort below PNS). Unknown codes rank 0.
func GolonganRank(code string) int {
	if code == "" {
		return 0
	}
	if g, ok := LookupGolongan(KindPNS, code); ok {
		return 100 + g.Rank
	}
	if g, ok := LookupGolongan(KindPPPK, code); ok {
		return g.Rank
	}
	return 0
}

// GolonganLabel is "III/b – Penata Muda Tingkat I" for PNS, "Golongan IX"
// for PPPK, the code itself otherwise.
func GolonganLabel(k Kind, code string) string {
	g, ok := LookupGolongan(k, code)
	switch {
	case !ok:
		return code
	case g.Pangkat != "":
		return g.Code + " – " + g.Pangkat
	default:
		return "Golongan " + g.Code
	}
}

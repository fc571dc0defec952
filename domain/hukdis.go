package domain

import (
	"encoding/json"
	"strings"
)

// Hukuman disiplin tingkat (PP 94/2021), exactly as displayed and stored.
const (
	HukdisRingan = "Ringan"
	HukdisSedang = "Sedang"
	HukdisBerat  = "Berat"
)

// HukdisJenis is one jenis hukuman disiplin with its effects on the career
// rules. The effects of the tukin cuts are the substitutes of Peraturan BKN
// 6/2022, which apply until the PP on gaji and tunjangan exists (§3.10, P5):
// they are data so that an edited table can drop them.
type HukdisJenis struct {
	Tingkat           string `json:"tingkat"`
	Jenis             string `json:"jenis"`                // exact PP 94/2021 text
	MasaBulan         int    `json:"masa_bulan"`           // the period the jenis names; 0 for none
	SubstituteMonths  int    `json:"masa_pengganti_bulan"` // period of the substitute, 0 for none
	Substitute        string `json:"pengganti"`            // the substitute's text, "" for none
	PostponeKGBMonths int    `json:"tunda_kgb_bulan"`      // KGB falling in the period is postponed this long
	PostponeKPMonths  int    `json:"tunda_kp_bulan"`       // KP falling in the period is postponed this long
	DemotionMonths    int    `json:"turun_pangkat_bulan"`  // penurunan pangkat setingkat lebih rendah
	BlocksKP          bool   `json:"menghalangi_kp"`       // no KP reguler while the sanction runs
	Dismissal         bool   `json:"pemberhentian"`        // ends the employment
	Unverified        bool   `json:"unverified"`
}

// AbsenceBand is one line of the absence table: Min…Max days of unexcused
// absence in a year (Max 0: no upper bound) suggest Tingkat/Jenis.
type AbsenceBand struct {
	Min     int    `json:"min"`
	Max     int    `json:"max"`
	Tingkat string `json:"tingkat"`
	Jenis   string `json:"jenis"`
}

// AbsenceRules is the absence → hukuman table of PP 94/2021 Pasal 4–11 as
// read in §3.10. It only suggests a sanction (P5).
type AbsenceRules struct {
	Guidance           string        `json:"keterangan"`
	Bands              []AbsenceBand `json:"rentang"`
	ConsecutiveDays    int           `json:"hari_berturut_turut"` // this many consecutive working days →
	ConsecutiveTingkat string        `json:"tingkat_berturut_turut"`
	ConsecutiveJenis   string        `json:"jenis_berturut_turut"`
	Unverified         bool          `json:"unverified"`
}

// HukdisRules is the hukuman disiplin table: tingkat, jenis with effects and
// the absence guidance. HukdisTable gives the default; ParseHukdisTable reads
// an edited one (assets/reference/hukdis.json).
type HukdisRules struct {
	Regulation string        `json:"regulation"`
	ValidFrom  string        `json:"valid_from"`
	ValidTo    string        `json:"valid_to"`
	Unverified bool          `json:"unverified"`
	Tingkat    []string      `json:"tingkat"`
	Jenis      []HukdisJenis `json:"jenis"`
	Absence    AbsenceRules  `json:"ketidakhadiran"`
}

// AbsenceGuidanceLabel heads every suggestion made from the absence table.
const AbsenceGuidanceLabel = "Saran menurut tabel ketidakhadiran PP 94/2021 (panduan, bukan keputusan): " +
	"hukuman ditetapkan oleh pejabat yang berwenang menghukum setelah pemeriksaan."

const (
	tukinCut = "Pemotongan tunjangan kinerja sebesar 25% selama "
	pdhPNS   = "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS"
)

// HukdisTable returns the default hukuman disiplin table (§3.10): the nine
// jenis of PP 94/2021 with the Peraturan BKN 6/2022 substitutes, and the
// absence thresholds. Sanctions are confirmed; thresholds and the first two
// substitutes likely; the 12-month substitute uncertain.
func HukdisTable() HukdisRules {
	return HukdisRules{
		Regulation: "PP 94/2021; Peraturan BKN 6/2022",
		ValidFrom:  "2021-08-31",
		Tingkat:    []string{HukdisRingan, HukdisSedang, HukdisBerat},
		Jenis: []HukdisJenis{
			{Tingkat: HukdisRingan, Jenis: "Teguran lisan"},
			{Tingkat: HukdisRingan, Jenis: "Teguran tertulis"},
			{Tingkat: HukdisRingan, Jenis: "Pernyataan tidak puas secara tertulis"},
			{Tingkat: HukdisSedang, Jenis: tukinCut + "6 bulan", MasaBulan: 6, SubstituteMonths: 12,
				Substitute: "Penundaan kenaikan gaji berkala selama 1 tahun", PostponeKGBMonths: 12, BlocksKP: true},
			{Tingkat: HukdisSedang, Jenis: tukinCut + "9 bulan", MasaBulan: 9, SubstituteMonths: 12,
				Substitute: "Penundaan kenaikan pangkat selama 1 tahun", PostponeKPMonths: 12, BlocksKP: true},
			{Tingkat: HukdisSedang, Jenis: tukinCut + "12 bulan", MasaBulan: 12, SubstituteMonths: 12,
				Substitute: "Penurunan pangkat setingkat lebih rendah selama 1 tahun", DemotionMonths: 12,
				BlocksKP: true, Unverified: true},
			{Tingkat: HukdisBerat, Jenis: "Penurunan jabatan setingkat lebih rendah selama 12 bulan", MasaBulan: 12, BlocksKP: true},
			{Tingkat: HukdisBerat, Jenis: "Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan", MasaBulan: 12, BlocksKP: true},
			{Tingkat: HukdisBerat, Jenis: pdhPNS, BlocksKP: true, Dismissal: true},
		},
		Absence: AbsenceRules{
			Guidance: AbsenceGuidanceLabel,
			Bands: []AbsenceBand{
				{3, 3, HukdisRingan, "Teguran lisan"},
				{4, 6, HukdisRingan, "Teguran tertulis"},
				{7, 10, HukdisRingan, "Pernyataan tidak puas secara tertulis"},
				{11, 13, HukdisSedang, tukinCut + "6 bulan"},
				{14, 16, HukdisSedang, tukinCut + "9 bulan"},
				{17, 20, HukdisSedang, tukinCut + "12 bulan"},
				{21, 24, HukdisBerat, "Penurunan jabatan setingkat lebih rendah selama 12 bulan"},
				{25, 27, HukdisBerat, "Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan"},
				{28, 0, HukdisBerat, pdhPNS},
			},
			ConsecutiveDays:    10,
			ConsecutiveTingkat: HukdisBerat,
			ConsecutiveJenis:   pdhPNS,
		},
	}
}

// JenisFor lists the jenis of one tingkat in table order.
func (t HukdisRules) JenisFor(tingkat string) []string {
	var out []string
	for _, j := range t.Jenis {
		if j.Tingkat == tingkat {
			out = append(out, j.Jenis)
		}
	}
	return out
}

// Lookup finds a jenis (exact text) under its tingkat.
func (t HukdisRules) Lookup(tingkat, jenis string) (HukdisJenis, bool) {
	for _, j := range t.Jenis {
		if j.Tingkat == tingkat && j.Jenis == jenis {
			return j, true
		}
	}
	return HukdisJenis{}, false
}

// lookupJenis finds a jenis by text alone (the text is unique in the table).
func (t HukdisRules) lookupJenis(jenis string) (*HukdisJenis, bool) {
	for i := range t.Jenis {
		if t.Jenis[i].Jenis == jenis {
			return &t.Jenis[i], true
		}
	}
	return nil, false
}

// Sanction suggests the hukuman for days of unexcused absence in a year, or
// for consecutive working days of absence. ok is false below the first band.
func (a AbsenceRules) Sanction(days, consecutive int) (tingkat, jenis string, ok bool) {
	if a.ConsecutiveDays > 0 && consecutive >= a.ConsecutiveDays {
		return a.ConsecutiveTingkat, a.ConsecutiveJenis, true
	}
	for _, b := range a.Bands {
		if days >= b.Min && (b.Max == 0 || days <= b.Max) {
			return b.Tingkat, b.Jenis, true
		}
	}
	return "", "", false
}

// AbsenceSanction is the default absence table's suggestion (§3.10): days of
// unexcused absence in the year, and the longest run of consecutive working
// days absent. Guidance only: show it under AbsenceGuidanceLabel.
func AbsenceSanction(days, consecutive int) (tingkat, jenis string, ok bool) {
	return HukdisTable().Absence.Sanction(days, consecutive)
}

// HukdisEnd is the last day of the sanction's period: Mulai + MasaBulan
// months − 1 day. Zero when there is no period (teguran, pemberhentian).
func HukdisEnd(h RwHukdisData) Date { return periodEnd(h.Mulai, h.MasaBulan) }

// HukdisActive reports whether the sanction's period covers day. Sanctions
// without a period are never "active".
func HukdisActive(h RwHukdisData, day Date) bool {
	if h.MasaBulan <= 0 || h.Mulai.IsZero() || day.Before(h.Mulai) {
		return false
	}
	return !HukdisEnd(h).Before(day)
}

// ParseHukdisTable reads a hukuman disiplin table from JSON and checks it:
// known tingkat, non-empty unique jenis, periods of 0–60 months, absence
// bands in ascending order without overlap, referring to jenis of the table.
func ParseHukdisTable(b []byte) (HukdisRules, error) {
	var t HukdisRules
	bad := func(msg string) (HukdisRules, error) {
		return HukdisRules{}, Errorf(EINVALID, "Tabel hukuman disiplin: "+msg)
	}
	if err := json.Unmarshal(b, &t); err != nil {
		return bad("tidak dapat dibaca: " + err.Error())
	}
	if len(t.Tingkat) == 0 || len(t.Jenis) == 0 {
		return bad("daftar tingkat dan jenis hukuman wajib diisi.")
	}
	seen := map[string]bool{}
	for i, j := range t.Jenis {
		n := "jenis ke-" + itoa(i+1)
		switch {
		case strings.TrimSpace(j.Jenis) == "":
			return bad(n + " belum diberi nama.")
		case seen[j.Jenis]:
			return bad("jenis \"" + j.Jenis + "\" tercantum dua kali.")
		case !contains(t.Tingkat, j.Tingkat):
			return bad("tingkat \"" + j.Tingkat + "\" pada " + n + " tidak ada dalam daftar tingkat.")
		}
		for _, m := range []int{j.MasaBulan, j.SubstituteMonths, j.PostponeKGBMonths, j.PostponeKPMonths, j.DemotionMonths} {
			if m < 0 || m > 60 {
				return bad("masa pada jenis \"" + j.Jenis + "\" harus antara 0 dan 60 bulan.")
			}
		}
		seen[j.Jenis] = true
	}
	prev := 0
	for i, band := range t.Absence.Bands {
		n := "rentang ketidakhadiran ke-" + itoa(i+1)
		if band.Min <= prev || (band.Max != 0 && band.Max < band.Min) || (band.Max == 0 && i != len(t.Absence.Bands)-1) {
			return bad(n + " harus naik berurutan dan tidak bertumpang tindih.")
		}
		if _, ok := t.Lookup(band.Tingkat, band.Jenis); !ok {
			return bad(n + " merujuk jenis hukuman yang tidak ada dalam tabel.")
		}
		prev = band.Max
		if band.Max == 0 {
			prev = band.Min
		}
	}
	if t.Absence.ConsecutiveDays > 0 {
		if _, ok := t.Lookup(t.Absence.ConsecutiveTingkat, t.Absence.ConsecutiveJenis); !ok {
			return bad("hukuman untuk ketidakhadiran berturut-turut tidak ada dalam tabel.")
		}
	}
	return t, nil
}

func contains[T comparable](xs []T, x T) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

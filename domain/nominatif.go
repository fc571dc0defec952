package domain

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// NominatifFilter selects employees for the Nominatif list. Every empty
// field matches everything; the set fields must all match. UnitIDs are
// matched exactly: to include sub-units, pass the ids of the whole subtree.
// Usia bounds are whole years on the given day, both inclusive; with a bound
// set, an employee without a birth date does not match.
type NominatifFilter struct {
	UnitIDs      []uint64
	Kinds        []Kind
	Statuses     []Status
	Golongan     []string
	JabatanKinds []JabatanKind
	Pendidikan   []string
	Gender       Gender // 0: both
	UsiaMin      int    // 0: no lower bound
	UsiaMax      int    // 0: no upper bound
}

// Match reports whether e passes the filter on today.
func (f NominatifFilter) Match(e Employee, today Date) bool {
	switch {
	case len(f.UnitIDs) > 0 && !contains(f.UnitIDs, e.UnitID),
		len(f.Kinds) > 0 && !contains(f.Kinds, e.Kind),
		len(f.Statuses) > 0 && !contains(f.Statuses, e.Status),
		len(f.Golongan) > 0 && !contains(f.Golongan, e.Golongan),
		len(f.JabatanKinds) > 0 && !contains(f.JabatanKinds, e.JenisJabatan),
		len(f.Pendidikan) > 0 && !contains(f.Pendidikan, e.Pendidikan),
		f.Gender != 0 && e.JenisKelamin != f.Gender:
		return false
	}
	if f.UsiaMin > 0 || f.UsiaMax > 0 {
		if e.TanggalLahir.IsZero() || today.Before(e.TanggalLahir) {
			return false
		}
		age := monthsBetween(e.TanggalLahir, today) / 12
		if (f.UsiaMin > 0 && age < f.UsiaMin) || (f.UsiaMax > 0 && age > f.UsiaMax) {
			return false
		}
	}
	return true
}

// Filter returns the employees that match, in their order.
func (f NominatifFilter) Filter(emps []Employee, today Date) []Employee {
	var out []Employee
	for i := range emps {
		if f.Match(emps[i], today) {
			out = append(out, emps[i])
		}
	}
	return out
}

// Count is one bar of a Statistik chart.
type Count struct {
	Label string
	N     int
}

// Statistik keys for CountBy.
const (
	StatGolongan     = "golongan"
	StatJenisJabatan = "jenis_jabatan"
	StatPendidikan   = "pendidikan"
	StatJenisKelamin = "jenis_kelamin"
	StatUsia         = "usia"
	StatUnit         = "unit"
)

// StatKeys lists the CountBy keys in display order.
func StatKeys() []string {
	return []string{StatGolongan, StatJenisJabatan, StatPendidikan, StatJenisKelamin, StatUsia, StatUnit}
}

// Usia bands of the Statistik screen.
func UsiaBands() []string { return []string{"< 30", "30–39", "40–49", "50–54", "55+"} }

func usiaBand(years int) int {
	switch {
	case years < 30:
		return 0
	case years < 40:
		return 1
	case years < 50:
		return 2
	case years < 55:
		return 3
	}
	return 4
}

// BelumDiisi labels employees without a value for the key.
const BelumDiisi = "Belum diisi"

// UnitLabel is the label CountBy gives a unit: "unit:ID". UnitIDOfLabel
// reads it back so that the screen can print the unit's name.
func UnitLabel(id uint64) string { return "unit:" + strconv.FormatUint(id, 10) }

// UnitIDOfLabel reads a CountBy unit label; ok is false for other labels.
func UnitIDOfLabel(s string) (uint64, bool) {
	v, ok := strings.CutPrefix(s, "unit:")
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseUint(v, 10, 64)
	return id, err == nil
}

// CountBy counts employees for one Statistik chart (the caller chooses who
// is counted, e.g. active employees only):
//   - "golongan": PNS golongan I/a…IV/e then PPPK I…XVII, only those present;
//   - "jenis_jabatan": every jenis jabatan in JabatanKinds order (zeros kept);
//   - "pendidikan": every tingkat, SD…S3 (zeros kept);
//   - "jenis_kelamin": Laki-laki, Perempuan (zeros kept);
//   - "usia": bands < 30, 30–39, 40–49, 50–54, 55+ on today (zeros kept);
//   - "unit": "unit:ID" labels (UnitLabel) by ascending id, only those
//     present; use CountByUnit for names.
//
// A "Belum diisi" bar is added last when some employees have no value.
// Unknown keys give nil.
func CountBy(emps []Employee, today Date, key string) []Count {
	var out []Count
	missing := 0
	switch key {
	case StatGolongan:
		pns, pppk := PNSGolongan(), PPPKGolongan()
		n := make([]int, len(pns)+len(pppk))
		for i := range emps {
			g, k := emps[i].Golongan, emps[i].Kind
			idx := -1
			if k.IsPPPK() {
				for j := range pppk {
					if pppk[j].Code == g {
						idx = len(pns) + j
					}
				}
			} else {
				for j := range pns {
					if pns[j].Code == g {
						idx = j
					}
				}
			}
			if idx < 0 {
				missing++
				continue
			}
			n[idx]++
		}
		for j, g := range append(pns, pppk...) {
			if n[j] > 0 {
				label := g.Code
				if j >= len(pns) {
					label = "PPPK " + g.Code
				}
				out = append(out, Count{label, n[j]})
			}
		}
	case StatJenisJabatan:
		ks := JabatanKinds()
		n := make([]int, len(ks)+1)
		for i := range emps {
			if j := int(emps[i].JenisJabatan); j >= 1 && j <= len(ks) {
				n[j]++
			} else {
				missing++
			}
		}
		for _, k := range ks {
			out = append(out, Count{k.String(), n[k]})
		}
	case StatPendidikan:
		lv := EducationLevels()
		n := make([]int, len(lv)+1)
		for i := range emps {
			if p := PendidikanLevel(emps[i].Pendidikan); p > 0 {
				n[p]++
			} else {
				missing++
			}
		}
		for i, t := range lv {
			out = append(out, Count{t, n[i+1]})
		}
	case StatJenisKelamin:
		m, f := 0, 0
		for i := range emps {
			switch emps[i].JenisKelamin {
			case Male:
				m++
			case Female:
				f++
			default:
				missing++
			}
		}
		out = []Count{{Male.String(), m}, {Female.String(), f}}
	case StatUsia:
		var n [5]int
		for i := range emps {
			b := emps[i].TanggalLahir
			if b.IsZero() || today.Before(b) {
				missing++
				continue
			}
			n[usiaBand(monthsBetween(b, today)/12)]++
		}
		for i, l := range UsiaBands() {
			out = append(out, Count{l, n[i]})
		}
	case StatUnit:
		byID := map[uint64]int{}
		for i := range emps {
			if id := emps[i].UnitID; id != 0 {
				byID[id]++
			} else {
				missing++
			}
		}
		ids := make([]uint64, 0, len(byID))
		for id := range byID {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			out = append(out, Count{UnitLabel(id), byID[id]})
		}
	default:
		return nil
	}
	if missing > 0 {
		out = append(out, Count{BelumDiisi, missing})
	}
	return out
}

// CountByUnit is CountBy "unit" with unit names (name(id)) as labels,
// ordered by count descending, then name.
func CountByUnit(emps []Employee, name func(id uint64) string) []Count {
	out := CountBy(emps, Date{}, StatUnit)
	for i := range out {
		if id, ok := UnitIDOfLabel(out[i].Label); ok && name != nil {
			out[i].Label = name(id)
		}
	}
	slices.SortStableFunc(out, func(a, b Count) int {
		if (a.Label == BelumDiisi) != (b.Label == BelumDiisi) {
			if a.Label == BelumDiisi {
				return 1
			}
			return -1
		}
		if c := cmp.Compare(b.N, a.N); c != 0 {
			return c
		}
		return strings.Compare(a.Label, b.Label)
	})
	return out
}

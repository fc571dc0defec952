package domain

import (
	"sort"
	"strings"
)

// Distribution pattern of predikat kinerja pegawai by predikat kinerja
// organisasi (domain.md §4.7). Labels and steps are confirmed, the
// percentages likely: they are data (assets/reference/skp.json carries the
// same table), and every check is a warning, never a block (K4).

// DistRuleKind is how a rule bounds its group.
type DistRuleKind string

const (
	DistMax  DistRuleKind = "MAKS"      // at most Percent % of the unit
	DistMin  DistRuleKind = "MIN"       // at least Percent % of the unit
	DistAny  DistRuleKind = "HARUS_ADA" // at least one person
	DistNone DistRuleKind = "TIDAK_ADA" // nobody
)

// DistRule bounds the number of people whose predikat is in Predikats.
type DistRule struct {
	Kind      DistRuleKind
	Percent   int
	Predikats []Predikat
}

// DistPattern is the pattern of one unit predikat.
type DistPattern struct {
	Org   OrgPredikat
	Rules []DistRule
}

// DefaultDistPatterns is the shipped table.
func DefaultDistPatterns() []DistPattern {
	return []DistPattern{
		{OrgIstimewa, []DistRule{{DistMax, 70, []Predikat{SangatBaik}}}},
		{OrgBaik, []DistRule{{DistMax, 70, []Predikat{Baik}}, {DistAny, 0, []Predikat{ButuhPerbaikan, Kurang}}}},
		{OrgButuhPerbaikan, []DistRule{{DistMin, 60, []Predikat{ButuhPerbaikan}}, {DistMax, 10, []Predikat{SangatBaik}}}},
		{OrgKurang, []DistRule{{DistMin, 60, []Predikat{Kurang}}, {DistMin, 10, []Predikat{ButuhPerbaikan}}, {DistMax, 10, []Predikat{SangatBaik}}}},
		{OrgSangatKurang, []DistRule{{DistMin, 60, []Predikat{SangatKurang}}, {DistMin, 10, []Predikat{Kurang, ButuhPerbaikan}}, {DistNone, 0, []Predikat{SangatBaik}}}},
	}
}

// DistCheck is one rule applied to a unit: what it asks, whether it is met,
// the count of the group and the limit in persons.
type DistCheck struct {
	Text  string
	Met   bool
	Count int
	Limit int
}

// CheckDistribution applies the shipped pattern of org to the counts of
// the people rated in a unit, with K4's rounding (floor for maxima, ceil
// for minima). An empty unit or an unknown org gives no checks.
func CheckDistribution(org OrgPredikat, counts map[Predikat]int) []DistCheck {
	return CheckDistributionWith(DefaultDistPatterns(), false, org, counts)
}

// Distribution is CheckDistribution with the office's rounding setting.
func (s SKPSettings) Distribution(org OrgPredikat, counts map[Predikat]int) []DistCheck {
	return CheckDistributionWith(DefaultDistPatterns(), s.RoundNearest, org, counts)
}

// CheckDistributionWith is CheckDistribution with a pattern table and the
// rounding setting: nearest rounds both bounds to the nearest person
// (half up) instead of K4's floor/ceil.
func CheckDistributionWith(patterns []DistPattern, nearest bool, org OrgPredikat, counts map[Predikat]int) []DistCheck {
	total := 0
	for _, n := range counts {
		total += n
	}
	if total == 0 {
		return nil
	}
	var p *DistPattern
	for i := range patterns {
		if patterns[i].Org == org {
			p = &patterns[i]
		}
	}
	if p == nil {
		return nil
	}
	out := make([]DistCheck, 0, len(p.Rules))
	for _, r := range p.Rules {
		n := 0
		for _, x := range r.Predikats {
			n += counts[x]
		}
		group := groupLabel(r.Predikats)
		c := DistCheck{Count: n}
		switch r.Kind {
		case DistMax:
			c.Limit = total * r.Percent / 100 // floor
			if nearest {
				c.Limit = (total*r.Percent + 50) / 100
			}
			c.Met = n <= c.Limit
			c.Text = group + " paling banyak " + itoa(r.Percent) + "% (maks. " + itoa(c.Limit) + " dari " + itoa(total) + " orang)"
		case DistMin:
			c.Limit = (total*r.Percent + 99) / 100 // ceil
			if nearest {
				c.Limit = (total*r.Percent + 50) / 100
			}
			c.Met = n >= c.Limit
			c.Text = group + " paling sedikit " + itoa(r.Percent) + "% (min. " + itoa(c.Limit) + " dari " + itoa(total) + " orang)"
		case DistAny:
			c.Limit = 1
			c.Met = n >= 1
			c.Text = "Harus ada " + group + " (min. 1 orang)"
		case DistNone:
			c.Limit = 0
			c.Met = n == 0
			c.Text = "Tidak boleh ada " + group
		default:
			continue
		}
		out = append(out, c)
	}
	return out
}

func groupLabel(ps []Predikat) string {
	ls := make([]string, len(ps))
	for i, p := range ps {
		ls[i] = p.Label()
	}
	return strings.Join(ls, " dan/atau ")
}

// MonitorUnit is one unit's line of the Monitoring screen.
type MonitorUnit struct {
	UnitID       uint64
	Name         string
	Pegawai      int // active employees
	NoSKP        int
	Draft        int
	Diajukan     int
	Disetujui    int
	Dikembalikan int
	Evaluated    int // with a final evaluation of the period (0: tahunan)
	Overdue      int // next dialog date passed
	Org          OrgPredikat
	Counts       map[Predikat]int
	Checks       []DistCheck
}

// Monitoring is the office's SKP progress for a year and period.
type Monitoring struct {
	Year, Period int
	Units        []MonitorUnit // by name; "(tanpa unit)" last
	Total        MonitorUnit
	NoSKP        []uint64 // employees without an SKP, in row order
	Overdue      []uint64 // employees whose next dialog date has passed
}

// Monitor counts, for every active employee in rows, the status of their
// SKP of year (the latest-starting one when there are several), whether
// the evaluation of period (0: tahunan) is final, the predikat
// distribution per unit checked against the unit's predikat organisasi,
// and overdue dialogs. Units are the employee's current unit.
func Monitor(rows []Row, units []Unit, skps []SKPRow, org []OrgRating, year, period int, today Date) Monitoring {
	return MonitorWith(rows, units, skps, org, year, period, today, DefaultSKPSettings())
}

// MonitorWith is Monitor with the office's SKP settings (the rounding of
// the distribution pattern).
func MonitorWith(rows []Row, units []Unit, skps []SKPRow, org []OrgRating, year, period int, today Date, set SKPSettings) Monitoring {
	byEmp := make(map[uint64]*SKPRow, len(skps))
	for i := range skps {
		s := &skps[i]
		if s.Year != year {
			continue
		}
		if cur, ok := byEmp[s.EmployeeID]; !ok || cur.Start.Before(s.Start) || cur.Start == s.Start && cur.SKPID < s.SKPID {
			byEmp[s.EmployeeID] = s
		}
	}
	orgOf := make(map[uint64]OrgPredikat, len(org))
	for _, o := range org {
		if o.Year == year {
			orgOf[o.UnitID] = o.Predikat
		}
	}
	names := make(map[uint64]string, len(units))
	for _, u := range units {
		names[u.ID] = u.Name
	}
	idx := map[uint64]int{}
	m := Monitoring{Year: year, Period: period, Total: MonitorUnit{Name: "Jumlah", Counts: map[Predikat]int{}}}
	for _, r := range rows {
		if !r.Status.Active() {
			continue
		}
		i, ok := idx[r.UnitID]
		if !ok {
			name := names[r.UnitID]
			if name == "" {
				name = "(tanpa unit)"
			}
			i = len(m.Units)
			idx[r.UnitID] = i
			m.Units = append(m.Units, MonitorUnit{UnitID: r.UnitID, Name: name, Org: orgOf[r.UnitID], Counts: map[Predikat]int{}})
		}
		u := &m.Units[i]
		u.Pegawai++
		s := byEmp[r.ID]
		if s == nil {
			u.NoSKP++
			m.NoSKP = append(m.NoSKP, r.ID)
			continue
		}
		switch s.Status {
		case SKPDraft:
			u.Draft++
		case SKPDiajukan:
			u.Diajukan++
		case SKPDisetujui:
			u.Disetujui++
		case SKPDikembalikan:
			u.Dikembalikan++
		}
		p := s.Predikat
		if period != 0 {
			p = s.Periodik[period]
		}
		if p != "" {
			u.Evaluated++
			u.Counts[p]++
		}
		if !s.NextDialog.IsZero() && s.NextDialog.Before(today) {
			u.Overdue++
			m.Overdue = append(m.Overdue, r.ID)
		}
	}
	sort.Slice(m.Units, func(i, j int) bool {
		a, b := m.Units[i], m.Units[j]
		if (a.UnitID == 0) != (b.UnitID == 0) {
			return b.UnitID == 0
		}
		return strings.ToLower(a.Name) < strings.ToLower(b.Name)
	})
	t := &m.Total
	for i := range m.Units {
		u := &m.Units[i]
		if u.Org != "" {
			u.Checks = set.Distribution(u.Org, u.Counts)
		}
		t.Pegawai += u.Pegawai
		t.NoSKP += u.NoSKP
		t.Draft += u.Draft
		t.Diajukan += u.Diajukan
		t.Disetujui += u.Disetujui
		t.Dikembalikan += u.Dikembalikan
		t.Evaluated += u.Evaluated
		t.Overdue += u.Overdue
		for p, n := range u.Counts {
			t.Counts[p] += n
		}
	}
	return m
}

// MatrixNode is one of the penilai's RHK with the subordinates' RHK that
// intervene it.
type MatrixNode struct {
	RHK      RHK
	Children []MatrixChild
}

// MatrixChild is a subordinate's RHK.
type MatrixChild struct {
	EmployeeID, SKPID uint64
	Nama              string
	RHK               RHK
}

// BuildMatrix is the penilai's Matriks: under each own RHK, the
// subordinates' RHK linked to it (by id, or by the same text when the
// link was typed); unlinked lists subordinates' RHK that name an RHK
// atasan not found among own; without lists subordinates whose SKP has no
// RHK intervening any of own.
func BuildMatrix(own SKP, subs []SKP) (nodes []MatrixNode, unlinked []MatrixChild, without []SKP) {
	nodes = make([]MatrixNode, len(own.RHK))
	byID := map[uint64]int{}
	byText := map[string]int{}
	for i, r := range own.RHK {
		nodes[i].RHK = r
		byID[r.ID] = i
		byText[normText(r.Text)] = i
	}
	for _, s := range subs {
		linked := false
		for _, r := range s.RHK {
			c := MatrixChild{EmployeeID: s.EmployeeID, SKPID: s.ID, Nama: s.Pegawai.Nama, RHK: r}
			i, ok := -1, false
			if own.ID != 0 && r.IntervensiSKPID == own.ID {
				i, ok = byID[r.IntervensiRHKID]
			}
			if !ok && strings.TrimSpace(r.Intervensi) != "" {
				i, ok = byText[normText(r.Intervensi)]
			}
			switch {
			case ok:
				nodes[i].Children = append(nodes[i].Children, c)
				linked = true
			case strings.TrimSpace(r.Intervensi) != "":
				unlinked = append(unlinked, c)
			}
		}
		if !linked {
			without = append(without, s)
		}
	}
	return nodes, unlinked, without
}

func normText(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

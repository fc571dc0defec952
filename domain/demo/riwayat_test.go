package demo

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"asndesk/domain"
)

func TestGenerateOfficeDeterministic(t *testing.T) {
	for _, n := range []int{40, 333} {
		o1, u1, e1, r1 := GenerateOffice(n, 5)
		o2, u2, e2, r2 := GenerateOffice(n, 5)
		if !reflect.DeepEqual(o1, o2) || !reflect.DeepEqual(u1, u2) || !reflect.DeepEqual(e1, e2) || !reflect.DeepEqual(r1, r2) {
			t.Fatalf("n=%d: two calls differ", n)
		}
	}
	_, _, _, a := GenerateOffice(40, 1)
	_, _, _, b := GenerateOffice(40, 2)
	if reflect.DeepEqual(a, b) {
		t.Fatal("seeds 1 and 2 give the same riwayat")
	}
}

// TestGenerateOfficeKeepsGenerate: GenerateOffice is Generate plus riwayat;
// only the few employees re-drawn for the reminders differ.
func TestGenerateOfficeKeepsGenerate(t *testing.T) {
	for seed := uint64(0); seed < 20; seed++ {
		o, us, es := Generate(DefaultEmployees, seed)
		o2, nodes, es2, _ := GenerateOffice(DefaultEmployees, seed)
		if o != o2 || len(nodes) != len(us) || len(es2) != len(es) {
			t.Fatalf("seed %d: office or sizes differ", seed)
		}
		for i, n := range nodes {
			if n.Unit != us[i] {
				t.Fatalf("seed %d: unit %d = %+v, want %+v", seed, i, n.Unit, us[i])
			}
		}
		changed := 0
		for i := range es {
			if !reflect.DeepEqual(es[i], es2[i]) {
				changed++
				a, b := es[i], es2[i]
				a.TanggalLahir, a.TMTCPNS, a.TMTPNS, a.NIP, a.NIK, a.TMTKontrak, a.AkhirKontrak =
					b.TanggalLahir, b.TMTCPNS, b.TMTPNS, b.NIP, b.NIK, b.TMTKontrak, b.AkhirKontrak
				if !reflect.DeepEqual(a, b) {
					t.Errorf("seed %d: employee %d changed beyond dates and identifiers", seed, es[i].ID)
				}
			}
		}
		if changed > 4 {
			t.Errorf("seed %d: %d employees re-drawn, want at most 4", seed, changed)
		}
	}
}

func TestGenerateOfficeInvariants(t *testing.T) {
	for _, tc := range []struct {
		n    int
		seed uint64
	}{{1, 1}, {5, 2}, {31, 3}, {40, 0}, {40, 1}, {40, 7}, {200, 9}, {1000, 11}} {
		t.Run(fmt.Sprintf("n=%d/seed=%d", tc.n, tc.seed), func(t *testing.T) {
			_, nodes, es, rws := GenerateOffice(tc.n, tc.seed)
			checkRiwayat(t, nodes, es, rws)
		})
	}
}

// checkRiwayat asserts what GenerateRiwayat promises.
func checkRiwayat(t *testing.T, nodes []domain.UnitNode, es []domain.Employee, rws []domain.Riwayat) {
	t.Helper()
	byEmp := map[uint64][]domain.Riwayat{}
	emp := map[uint64]domain.Employee{}
	for _, e := range es {
		emp[e.ID] = e
	}
	bad := 0
	fail := func(format string, a ...any) {
		t.Helper()
		if bad++; bad <= 20 {
			t.Errorf(format, a...)
		}
	}
	units := map[uint64]domain.UnitNode{}
	for _, n := range nodes {
		units[n.ID] = n
	}
	for i, r := range rws {
		if r.ID != uint64(i+1) {
			t.Fatalf("riwayat %d has ID %d", i, r.ID)
		}
		e, ok := emp[r.EmployeeID]
		if !ok {
			fail("riwayat %d: employee %d does not exist", r.ID, r.EmployeeID)
			continue
		}
		if fe := domain.ValidateRiwayat(r, e); len(fe) > 0 {
			fail("riwayat %d (%s) of %d: %v", r.ID, r.Kind, e.ID, map[string]string(fe))
		}
		if j := r.Jabatan; j != nil && units[j.UnitID].ID == 0 {
			fail("riwayat %d: unit %d does not exist", r.ID, j.UnitID)
		}
		if !r.Created.IsZero() || !r.Updated.IsZero() {
			fail("riwayat %d: Created/Updated set", r.ID)
		}
		byEmp[r.EmployeeID] = append(byEmp[r.EmployeeID], r)
	}
	for _, e := range es {
		rs := byEmp[e.ID]
		// One source of truth: the profile is what the latest entries say.
		if got := domain.ApplyRiwayat(e, rs); !reflect.DeepEqual(got, e) {
			fail("employee %d (%s): profile %s/%s/%s, riwayat says %s/%s/%s", e.ID, e.Nama,
				e.Golongan, e.NamaJabatan, e.Pendidikan, got.Golongan, got.NamaJabatan, got.Pendidikan)
		}
		kinds := map[domain.RiwayatKind]int{}
		for _, r := range rs {
			kinds[r.Kind]++
			if k := r.Keluarga; k != nil && k.Hubungan != "Anak" {
				continue // parents and spouses may be older
			}
			if d := r.Date(); !d.IsZero() && d.Before(e.TanggalLahir) {
				fail("employee %d: %s entry dated %s before birth", e.ID, r.Kind, d)
			}
		}
		if kinds[domain.RwPangkat] == 0 || kinds[domain.RwJabatan] == 0 || kinds[domain.RwPendidikan] == 0 {
			fail("employee %d: pangkat/jabatan/pendidikan missing: %v", e.ID, kinds)
		}
		if e.Kind.IsPPPK() && (kinds[domain.RwPangkat] != 1 || kinds[domain.RwGaji] != 0) {
			fail("PPPK %d: %d pangkat, %d gaji", e.ID, kinds[domain.RwPangkat], kinds[domain.RwGaji])
		}
		if e.Kind == domain.KindPNS {
			p, _ := domain.LatestPangkat(rs)
			var first domain.RwPangkatData
			for _, r := range rs {
				if r.Pangkat != nil && (first.TMT.IsZero() || r.Pangkat.TMT.Before(first.TMT)) {
					first = *r.Pangkat
				}
			}
			if first.TMT != e.TMTCPNS || p.Golongan != e.Golongan {
				fail("PNS %d: pangkat from %s (%s) to %s, want from TMT CPNS %s to %s", e.ID, first.TMT, first.Golongan,
					p.Golongan, e.TMTCPNS, e.Golongan)
			}
			if e.Status == domain.StatusAktif && kinds[domain.RwGaji] == 0 {
				fail("PNS %d without gaji entries", e.ID)
			}
			years := ReferenceDate().Year - e.TMTCPNS.Year
			sl := 0
			for _, r := range rs {
				if r.Penghargaan != nil && strings.HasPrefix(r.Penghargaan.Jenis, "Satyalancana Karya Satya") {
					sl++
				}
			}
			if years >= 12 && sl == 0 {
				fail("PNS %d with %d years of service has no Satyalancana", e.ID, years)
			}
		}
		if e.StatusPerkawinan == "Kawin" {
			spouse := false
			for _, r := range rs {
				spouse = spouse || r.Keluarga != nil && (r.Keluarga.Hubungan == "Suami" || r.Keluarga.Hubungan == "Istri")
			}
			if !spouse {
				fail("married employee %d has no spouse entry", e.ID)
			}
		}
	}
	// The tree: one root, every parent exists, depth within the limit,
	// heads are employees of the unit.
	roots := 0
	for _, n := range nodes {
		if n.ParentID == 0 {
			roots++
		} else if _, ok := units[n.ParentID]; !ok {
			fail("unit %d: parent %d missing", n.ID, n.ParentID)
		}
		depth := 0
		for id := n.ID; id != 0 && depth <= domain.MaxUnitDepth; id = units[id].ParentID {
			depth++
		}
		if depth > domain.MaxUnitDepth {
			fail("unit %d deeper than %d", n.ID, domain.MaxUnitDepth)
		}
		if n.HeadID != 0 && (emp[n.HeadID].UnitID != n.ID || emp[n.HeadID].Status != domain.StatusAktif) {
			fail("unit %d: head %d is not an active employee of it", n.ID, n.HeadID)
		}
	}
	if len(nodes) > 0 && roots != 1 {
		t.Errorf("%d roots", roots)
	}
	if bad > 20 {
		t.Errorf("… %d problems in all", bad)
	}
}

// TestDemoReminders: on the reference date and in late 2026, every
// reminder kind has a row due within the six-month window (not merely
// overdue), for every seed of the default office.
func TestDemoReminders(t *testing.T) {
	set := domain.DefaultCareerSettings()
	days := []domain.Date{ReferenceDate(), {Year: 2026, Month: time.November, Day: 23}}
	for _, n := range []int{DefaultEmployees, 200} {
		for seed := uint64(0); seed < 25; seed++ {
			_, _, es, rws := GenerateOffice(n, seed)
			byEmp := map[uint64][]domain.Riwayat{}
			for _, r := range rws {
				byEmp[r.EmployeeID] = append(byEmp[r.EmployeeID], r)
			}
			for _, today := range days {
				end := today.AddMonths(6)
				got := map[domain.ReminderKind]int{}
				for _, e := range es {
					for _, r := range domain.Reminders(e, byEmp[e.ID], today, set) {
						if !r.Date.Before(today) && !end.Before(r.Date) {
							got[r.Kind]++
						}
					}
				}
				for _, k := range domain.ReminderKinds() {
					if got[k] == 0 {
						t.Errorf("n=%d seed=%d today=%s: no %q reminder within 6 months (%v)", n, seed, today, k, got)
					}
				}
			}
		}
	}
}

// TestDemoKGBPostponed: the designated hukuman postpones a KGB, and the
// rule says so.
func TestDemoKGBPostponed(t *testing.T) {
	_, _, es, rws := GenerateOffice(DefaultEmployees, 1)
	byEmp := map[uint64][]domain.Riwayat{}
	for _, r := range rws {
		byEmp[r.EmployeeID] = append(byEmp[r.EmployeeID], r)
	}
	found := false
	for _, e := range es {
		for _, r := range byEmp[e.ID] {
			if r.Hukdis == nil || r.Hukdis.Jenis != "Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan" {
				continue
			}
			if !domain.HukdisActive(*r.Hukdis, ReferenceDate()) {
				t.Errorf("employee %d: hukuman not active on the reference date", e.ID)
			}
			due, notes := domain.NextKGB(e, byEmp[e.ID], ReferenceDate(), domain.DefaultCareerSettings())
			if !slices.ContainsFunc(notes, func(s string) bool { return strings.HasPrefix(s, "Ditunda 12 bulan") }) {
				t.Errorf("employee %d: KGB %s not postponed: %v", e.ID, due, notes)
			}
			found = true
		}
	}
	if !found {
		t.Fatal("no hukuman that postpones a KGB")
	}
}

func TestGenerateRiwayatCoverage(t *testing.T) {
	_, _, _, rws := GenerateOffice(DefaultEmployees, 3)
	kinds := map[domain.RiwayatKind]int{}
	cuti := map[string]int{}
	ringan := 0
	for _, r := range rws {
		kinds[r.Kind]++
		if r.Cuti != nil {
			cuti[r.Cuti.Jenis]++
		}
		if r.Hukdis != nil && r.Hukdis.Tingkat == domain.HukdisRingan {
			ringan++
		}
	}
	for _, k := range domain.RiwayatKinds() {
		if k == domain.RwMasaKerja {
			continue // a few per thousand employees
		}
		if kinds[k] == 0 {
			t.Errorf("no %s entries", k)
		}
	}
	if cuti[domain.CutiCT] == 0 || cuti[domain.CutiCB] == 0 || ringan == 0 {
		t.Errorf("cuti %v, hukuman ringan %d", cuti, ringan)
	}
	if per := float64(len(rws)) / DefaultEmployees; per < 8 || per > 40 {
		t.Errorf("%.1f entries per employee", per)
	}
}

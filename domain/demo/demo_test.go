package demo

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"asndesk/domain"
)

func TestDeterministic(t *testing.T) {
	for _, tc := range []struct {
		n    int
		seed uint64
	}{{40, 1}, {40, 0}, {1, 7}, {777, 42}} {
		t.Run(fmt.Sprintf("n=%d/seed=%d", tc.n, tc.seed), func(t *testing.T) {
			o1, u1, e1 := Generate(tc.n, tc.seed)
			o2, u2, e2 := Generate(tc.n, tc.seed)
			if !reflect.DeepEqual(o1, o2) || !reflect.DeepEqual(u1, u2) || !reflect.DeepEqual(e1, e2) {
				t.Fatal("two calls with the same (n, seed) differ")
			}
			// Byte-identical, not merely DeepEqual.
			if fmt.Sprintf("%#v", e1) != fmt.Sprintf("%#v", e2) {
				t.Fatal("two calls with the same (n, seed) print differently")
			}
		})
	}
	_, _, a := Generate(40, 1)
	_, _, b := Generate(40, 2)
	if reflect.DeepEqual(a, b) {
		t.Fatal("seeds 1 and 2 give the same office")
	}
}

func TestSizeLimits(t *testing.T) {
	for _, tc := range []struct{ n, want int }{
		{0, DefaultEmployees}, {-5, DefaultEmployees}, {1, 1}, {5, 5}, {DefaultEmployees, DefaultEmployees},
	} {
		if _, _, es := Generate(tc.n, 3); len(es) != tc.want {
			t.Errorf("Generate(%d): %d employees, want %d", tc.n, len(es), tc.want)
		}
	}
	if testing.Short() {
		return
	}
	if _, _, es := Generate(MaxEmployees+1, 3); len(es) != MaxEmployees {
		t.Errorf("Generate(MaxEmployees+1): %d employees, want %d", len(es), MaxEmployees)
	}
}

func TestOffice(t *testing.T) {
	o, us, _ := Generate(0, 1)
	if !o.Demo || !strings.Contains(o.Name, "Contoh") {
		t.Errorf("office %+v: want a clearly marked demo office", o)
	}
	if len(us) < 6 || len(us) > 12 {
		t.Errorf("%d units for the default office, want about 6–10", len(us))
	}
}

// TestCoverage: the default office shows every kind, jabatan, jenjang family
// and the statuses needed to demonstrate "inactive hidden by default".
func TestCoverage(t *testing.T) {
	for seed := uint64(0); seed < 40; seed++ {
		_, _, es := Generate(DefaultEmployees-int(seed%9), seed) // 32 suffices

		kinds := map[domain.Kind]bool{}
		jabs := map[domain.JabatanKind]bool{}
		jenjangs := map[domain.Jenjang]bool{}
		statuses := map[domain.Status]bool{}
		for _, e := range es {
			kinds[e.Kind] = true
			jabs[e.JenisJabatan] = true
			jenjangs[e.Jenjang] = true
			statuses[e.Status] = true
		}
		for _, k := range domain.Kinds() {
			if !kinds[k] {
				t.Errorf("seed %d: no %s", seed, k)
			}
		}
		for _, j := range domain.JabatanKinds() {
			if !jabs[j] {
				t.Errorf("seed %d: no %s", seed, j)
			}
		}
		for _, j := range []domain.Jenjang{domain.AhliPertama, domain.AhliMuda, domain.AhliMadya,
			domain.AhliUtama, domain.Pemula, domain.Terampil, domain.Mahir, domain.Penyelia} {
			if !jenjangs[j] {
				t.Errorf("seed %d: no jenjang %s", seed, j)
			}
		}
		for _, s := range []domain.Status{domain.StatusAktif, domain.StatusCLTN, domain.StatusPensiun,
			domain.StatusPindah, domain.StatusMeninggal} {
			if !statuses[s] {
				t.Errorf("seed %d: no status %s", seed, s)
			}
		}
		if len(statuses) < 3 {
			t.Errorf("seed %d: only %d statuses", seed, len(statuses))
		}
	}
}

func TestMix(t *testing.T) {
	const n = 10000
	_, _, es := Generate(n, 11)
	count := map[domain.Kind]int{}
	active := 0
	for _, e := range es {
		count[e.Kind]++
		if e.Status == domain.StatusAktif {
			active++
		}
	}
	for k, pct := range map[domain.Kind]int{domain.KindPNS: 60, domain.KindCPNS: 5, domain.KindPPPK: 30,
		domain.KindPPPKParuhWaktu: 5} {
		if got := count[k] * 100; got < (pct-2)*n || got > (pct+2)*n {
			t.Errorf("%s: %d of %d, want about %d%%", k, count[k], n, pct)
		}
	}
	if active*100 < 97*n {
		t.Errorf("only %d of %d Aktif, want mostly Aktif", active, n)
	}
}

func TestInvariants(t *testing.T) {
	sizes := []int{1, 3, 12, 31, 32, 40, 200, 251, 3000}
	for _, n := range sizes {
		for _, seed := range []uint64{0, 1, 99} {
			t.Run(fmt.Sprintf("n=%d/seed=%d", n, seed), func(t *testing.T) {
				_, us, es := Generate(n, seed)
				checkOffice(t, us, es)
			})
		}
	}
}

func TestLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("100 000 employees")
	}
	_, us, es := Generate(MaxEmployees, 2026)
	if len(es) != MaxEmployees {
		t.Fatalf("%d employees", len(es))
	}
	if len(us) < 1000 {
		t.Errorf("only %d units for %d employees", len(us), len(es))
	}
	perUnit := map[uint64]int{}
	for _, e := range es {
		perUnit[e.UnitID]++
	}
	for id, c := range perUnit {
		if c > 3000 {
			t.Errorf("unit %d has %d employees", id, c)
		}
	}
	checkOffice(t, us, es)
}

// checkOffice asserts every invariant the generator promises.
func checkOffice(t *testing.T, us []domain.Unit, es []domain.Employee) {
	t.Helper()
	ref := ReferenceDate()
	unitIDs := map[uint64]bool{}
	unitNames := map[string]bool{}
	for i, u := range us {
		if u.ID != uint64(i+1) {
			t.Fatalf("unit %d has ID %d", i, u.ID)
		}
		if u.Name == "" || unitNames[u.Name] {
			t.Errorf("unit %d: empty or duplicate name %q", u.ID, u.Name)
		}
		if err := domain.ValidateUnitName(u.Name); err != nil {
			t.Errorf("unit %d: %v", u.ID, err)
		}
		unitNames[u.Name] = true
		unitIDs[u.ID] = true
	}
	byID := map[uint64]domain.Employee{}
	nips := map[string]uint64{}
	niks := map[string]uint64{}
	emails := map[string]uint64{}
	roots := 0
	bad := 0
	fail := func(e domain.Employee, format string, args ...any) {
		t.Helper()
		bad++
		if bad <= 25 {
			t.Errorf("employee %d (%s, %s %s): %s", e.ID, e.Nama, e.Kind, e.NamaJabatan, fmt.Sprintf(format, args...))
		}
	}
	for i, e := range es {
		if e.ID != uint64(i+1) {
			t.Fatalf("employee %d has ID %d", i, e.ID)
		}
		byID[e.ID] = e
	}
	for _, e := range es {
		if !unitIDs[e.UnitID] {
			fail(e, "unit %d does not exist", e.UnitID)
		}
		if e.AtasanID == 0 {
			roots++
		} else if a, ok := byID[e.AtasanID]; !ok || e.AtasanID == e.ID {
			fail(e, "atasan %d does not exist or is the employee", e.AtasanID)
		} else if a.Status != domain.StatusAktif {
			fail(e, "atasan %d is %s", a.ID, a.Status)
		}

		// Identifiers.
		checkNIP(e, fail)
		checkNIK(e, fail)
		if prev, dup := nips[e.NIP]; dup {
			fail(e, "NIP %s also belongs to %d", e.NIP, prev)
		}
		nips[e.NIP] = e.ID
		if prev, dup := niks[e.NIK]; dup {
			fail(e, "NIK %s also belongs to %d", e.NIK, prev)
		}
		niks[e.NIK] = e.ID
		if prev, dup := emails[e.Email]; dup {
			fail(e, "email %s also belongs to %d", e.Email, prev)
		}
		emails[e.Email] = e.ID
		if e.Email != strings.ToLower(e.Email) || !strings.HasSuffix(e.Email, "@contoh.go.id") {
			fail(e, "email %q", e.Email)
		}
		if hp := e.NomorHP; !strings.HasPrefix(hp, "08") || len(hp) < 12 || len(hp) > 13 || !digits(hp) {
			fail(e, "nomor HP %q", hp)
		}

		// Dates and golongan.
		checkCareer(e, ref, fail)

		// Reference lists and text.
		if !slices.Contains(domain.EducationLevels(), e.Pendidikan) {
			fail(e, "pendidikan %q", e.Pendidikan)
		}
		if !slices.Contains(domain.Agamas(), e.Agama) {
			fail(e, "agama %q", e.Agama)
		}
		if !slices.Contains(domain.MaritalStatuses(), e.StatusPerkawinan) {
			fail(e, "status perkawinan %q", e.StatusPerkawinan)
		}
		if e.Nama == "" || e.TempatLahir == "" || e.NamaJabatan == "" {
			fail(e, "empty nama, tempat lahir or nama jabatan")
		}
		if !strings.HasPrefix(e.Alamat, "Jl. ") && !strings.HasPrefix(e.Alamat, "Gg. ") ||
			!strings.Contains(e.Alamat, ", RT 0") || !strings.Contains(e.Alamat, ", Desa ") {
			fail(e, "alamat %q", e.Alamat)
		}
		checkGelar(e, fail)
		if (e.Jenjang != 0) != (e.JenisJabatan == domain.Fungsional) {
			fail(e, "jenjang %s with jenis jabatan %s", e.Jenjang, e.JenisJabatan)
		}
		if e.JenisJabatan == domain.Fungsional && !strings.HasSuffix(e.NamaJabatan, " "+e.Jenjang.String()) {
			fail(e, "nama jabatan %q does not end in its jenjang %s", e.NamaJabatan, e.Jenjang)
		}
		if e.BUPOverride != 0 || !e.Created.IsZero() || !e.Updated.IsZero() {
			fail(e, "BUPOverride, Created or Updated set")
		}

		// The domain's own rules.
		if fe := domain.ValidateEmployee(e); len(fe) > 0 {
			fail(e, "ValidateEmployee: %v", map[string]string(fe))
		}
		if w := domain.EmployeeWarnings(e, ref); len(w) > 0 {
			fail(e, "EmployeeWarnings: %v", w)
		}
		// A year later nobody active has crossed BUP; only contracts have
		// ended (they are dated as of the reference date).
		for _, w := range domain.EmployeeWarnings(e, domain.Date{Year: 2027, Month: time.January, Day: 1}) {
			if w.Field != domain.FieldAkhirKontrak {
				fail(e, "EmployeeWarnings in 2027: %v", w)
			}
		}
	}
	if len(es) > 0 && roots != 1 {
		t.Errorf("%d employees without atasan, want exactly the head", roots)
	}
	// No cycles: every chain reaches the head.
	for _, e := range es {
		seen := map[uint64]bool{}
		for id := e.ID; id != 0; id = byID[id].AtasanID {
			if seen[id] {
				fail(e, "atasan chain has a cycle through %d", id)
				break
			}
			seen[id] = true
		}
	}
	if bad > 25 {
		t.Errorf("… %d problems in all", bad)
	}
}

type failer func(e domain.Employee, format string, args ...any)

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func ymdOf(d domain.Date) string { return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day) }

func checkNIP(e domain.Employee, fail failer) {
	n := e.NIP
	if len(n) != 18 || !digits(n) {
		fail(e, "NIP %q is not 18 digits", n)
		return
	}
	if n[:8] != ymdOf(e.TanggalLahir) {
		fail(e, "NIP %s: digits 1–8 are not the birth date %s", n, e.TanggalLahir)
	}
	if n[14:15] != strconv.Itoa(int(e.JenisKelamin)) {
		fail(e, "NIP %s: digit 15 does not match %s", n, e.JenisKelamin)
	}
	if seq, _ := strconv.Atoi(n[15:]); seq < 1 || seq > 999 {
		fail(e, "NIP %s: nomor urut %d", n, seq)
	}
	if e.Kind.IsPPPK() {
		if n[12:14] != "21" {
			fail(e, "NI PPPK %s: digits 13–14 are not 21", n)
		}
		if y, _ := strconv.Atoi(n[8:12]); y < 2019 || y > 2025 {
			fail(e, "NI PPPK %s: appointment year %d", n, y)
		}
		return
	}
	if n[12:14] == "21" {
		fail(e, "NIP %s has the PPPK code", n)
	}
	if n[8:14] != ymdOf(e.TMTCPNS)[:6] {
		fail(e, "NIP %s: digits 9–14 are not TMT CPNS %s", n, e.TMTCPNS)
	}
}

func checkNIK(e domain.Employee, fail failer) {
	n := e.NIK
	if len(n) != 16 || !digits(n) {
		fail(e, "NIK %q is not 16 digits", n)
		return
	}
	b := e.TanggalLahir
	day := b.Day
	if e.JenisKelamin == domain.Female {
		day += 40
	}
	if want := fmt.Sprintf("%02d%02d%02d", day, int(b.Month), b.Year%100); n[6:12] != want {
		fail(e, "NIK %s: digits 7–12 are not %s", n, want)
	}
	if n[12:] == "0000" {
		fail(e, "NIK %s: nomor urut 0000", n)
	}
}

func ageOn(b, d domain.Date) int {
	a := d.Year - b.Year
	if d.Month < b.Month || d.Month == b.Month && d.Day < b.Day {
		a--
	}
	return a
}

// bup is the grid of reference §3.8 (Guru 60 included).
func bup(e domain.Employee) int {
	switch e.JenisJabatan {
	case domain.JPTUtama, domain.JPTMadya, domain.JPTPratama:
		return 60
	case domain.Fungsional:
		switch e.Jenjang {
		case domain.AhliMadya:
			return 60
		case domain.AhliUtama:
			return 65
		}
		if strings.HasPrefix(e.NamaJabatan, "Guru") {
			return 60
		}
	}
	return 58
}

var pnsGolongan = []string{"I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d",
	"III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"}

// golRange is the golongan range of the brief for each jabatan.
func golRange(e domain.Employee) (string, string) {
	switch e.JenisJabatan {
	case domain.JPTUtama, domain.JPTMadya, domain.JPTPratama:
		return "IV/b", "IV/e"
	case domain.Administrator:
		return "III/d", "IV/b"
	case domain.Pengawas:
		return "III/b", "III/d"
	case domain.Pelaksana:
		return "II/a", "III/b"
	}
	switch e.Jenjang {
	case domain.AhliPertama, domain.Mahir:
		return "III/a", "III/b"
	case domain.AhliMuda, domain.Penyelia:
		return "III/c", "III/d"
	case domain.AhliMadya:
		return "IV/a", "IV/c"
	case domain.AhliUtama:
		return "IV/d", "IV/e"
	case domain.Pemula:
		return "II/a", "II/a"
	case domain.Terampil:
		return "II/b", "II/d"
	}
	return "", ""
}

// pangkatAwal (PP 99/2000) by ijazah.
var pangkatAwal = map[string]string{"SD": "I/a", "SLTP": "I/c", "SLTA": "II/a", "D-I": "II/a",
	"D-II": "II/b", "D-III": "II/c", "D-IV": "III/a", "S1": "III/a", "S2": "III/b", "S3": "III/c"}

var pppkByEdu = map[string]string{"SD": "I", "SLTP": "III", "SLTA": "V", "D-I": "V", "D-II": "VI",
	"D-III": "VII", "D-IV": "IX", "S1": "IX", "S2": "X", "S3": "XI"}

func checkCareer(e domain.Employee, ref domain.Date, fail failer) {
	age := ageOn(e.TanggalLahir, ref)
	if age < 20 || age > 59 {
		fail(e, "age %d on %s", age, ref)
	}
	if e.Status.Active() && age >= bup(e)-1 {
		fail(e, "active at %d with BUP %d", age, bup(e))
	}
	if e.Status == domain.StatusPensiun && age < bup(e) {
		fail(e, "pensiun at %d with BUP %d", age, bup(e))
	}
	switch e.Kind {
	case domain.KindPNS, domain.KindCPNS:
		lo, hi := golRange(e)
		gi := slices.Index(pnsGolongan, e.Golongan)
		if gi < slices.Index(pnsGolongan, lo) || gi > slices.Index(pnsGolongan, hi) {
			fail(e, "golongan %q outside %s–%s", e.Golongan, lo, hi)
		}
		if gi < slices.Index(pnsGolongan, pangkatAwal[e.Pendidikan]) {
			fail(e, "golongan %s below pangkat awal of %s", e.Golongan, e.Pendidikan)
		}
		if e.TMTCPNS.Day != 1 {
			fail(e, "TMT CPNS %s not on the 1st", e.TMTCPNS)
		}
		if a := ageOn(e.TanggalLahir, e.TMTCPNS); a < 19 || a > 35 {
			fail(e, "age %d at TMT CPNS", a)
		}
		if !e.TMTKontrak.IsZero() || !e.AkhirKontrak.IsZero() {
			fail(e, "contract dates on a %s", e.Kind)
		}
		if e.Kind == domain.KindCPNS {
			if e.TMTCPNS.Year != 2025 || !e.TMTPNS.IsZero() {
				fail(e, "CPNS with TMT CPNS %s, TMT PNS %s", e.TMTCPNS, e.TMTPNS)
			}
			if e.Golongan != pangkatAwal[e.Pendidikan] {
				fail(e, "CPNS golongan %s, pangkat awal of %s is %s", e.Golongan, e.Pendidikan, pangkatAwal[e.Pendidikan])
			}
		} else if e.TMTPNS != e.TMTCPNS.AddMonths(12) || ref.Before(e.TMTPNS) {
			fail(e, "TMT PNS %s after TMT CPNS %s", e.TMTPNS, e.TMTCPNS)
		}
	default:
		if want := pppkByEdu[e.Pendidikan]; e.Golongan != want {
			fail(e, "PPPK golongan %q, want %s for %s", e.Golongan, want, e.Pendidikan)
		}
		if !e.TMTCPNS.IsZero() || !e.TMTPNS.IsZero() {
			fail(e, "TMT CPNS/PNS on a PPPK")
		}
		k := e.TMTKontrak
		if k.Day != 1 || (k.Month != time.March && k.Month != time.April) {
			fail(e, "TMT kontrak %s", k)
		}
		years := 5
		if e.Kind == domain.KindPPPKParuhWaktu {
			years = 1
		}
		if want := domain.DateOf(k.Time().AddDate(years, 0, -1)); e.AkhirKontrak != want {
			fail(e, "akhir kontrak %s, want %s", e.AkhirKontrak, want)
		}
		if y, _ := strconv.Atoi(e.NIP[8:12]); (k.Year-y)%years != 0 || k.Year < y {
			fail(e, "TMT kontrak %s is not a renewal of the %d appointment", k, y)
		}
		if e.AkhirKontrak.Before(ref) || ref.Before(k) {
			fail(e, "contract %s – %s not running on %s", k, e.AkhirKontrak, ref)
		}
		if ageOn(e.TanggalLahir, e.AkhirKontrak) >= bup(e) {
			fail(e, "contract ends after BUP")
		}
		if y, _ := strconv.Atoi(e.NIP[8:12]); y-e.TanggalLahir.Year < 20 {
			fail(e, "appointed at about %d", y-e.TanggalLahir.Year)
		}
	}
}

func checkGelar(e domain.Employee, fail failer) {
	depan, belakang := e.GelarDepan, e.GelarBelakang
	doctor := strings.Contains(depan, "dr.") || strings.Contains(depan, "drg.") || strings.Contains(depan, "Ir.")
	switch e.Pendidikan {
	case "SD", "SLTP", "SLTA", "D-I", "D-II":
		if belakang != "" || strings.Trim(depan, "Hj. ") != "" {
			fail(e, "gelar %q/%q with pendidikan %s", depan, belakang, e.Pendidikan)
		}
	case "D-III":
		if !strings.HasPrefix(belakang, "A.Md.") {
			fail(e, "gelar belakang %q with D-III", belakang)
		}
	case "D-IV":
		if !strings.HasPrefix(belakang, "S.Tr.") && belakang != "S.ST." {
			fail(e, "gelar belakang %q with D-IV", belakang)
		}
	case "S1", "S2", "S3":
		if !doctor && !strings.HasPrefix(belakang, "S.") {
			fail(e, "gelar belakang %q with %s", belakang, e.Pendidikan)
		}
		master := slices.ContainsFunc(strings.Split(belakang, ", "), func(g string) bool { return strings.HasPrefix(g, "M.") })
		if (e.Pendidikan != "S1") != master {
			fail(e, "gelar belakang %q with %s", belakang, e.Pendidikan)
		}
		if (e.Pendidikan == "S3") != strings.HasPrefix(depan, "Dr.") {
			fail(e, "gelar depan %q with %s", depan, e.Pendidikan)
		}
	}
	if (strings.Contains(depan, "H.") || strings.Contains(depan, "Hj.")) && e.Agama != "Islam" {
		fail(e, "gelar haji for agama %s", e.Agama)
	}
	if strings.Contains(depan, "Hj.") && e.JenisKelamin != domain.Female ||
		strings.Contains(depan, "H.") && !strings.Contains(depan, "Hj.") && e.JenisKelamin != domain.Male {
		fail(e, "gelar depan %q for %s", depan, e.JenisKelamin)
	}
}

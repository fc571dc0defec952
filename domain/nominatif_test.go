package domain_test

import (
	"testing"

	"asndesk/domain"
)

func TestNominatifFilter(t *testing.T) {
	t.Parallel()
	today := d(2025, 1, 15)
	e := pns() // born 10-05-1990: 34 on today
	e.UnitID = 3
	for name, tc := range map[string]struct {
		f    domain.NominatifFilter
		want bool
	}{
		"empty matches all":   {domain.NominatifFilter{}, true},
		"unit":                {domain.NominatifFilter{UnitIDs: []uint64{2, 3}}, true},
		"other unit":          {domain.NominatifFilter{UnitIDs: []uint64{2}}, false},
		"kind":                {domain.NominatifFilter{Kinds: []domain.Kind{domain.KindPNS, domain.KindCPNS}}, true},
		"other kind":          {domain.NominatifFilter{Kinds: []domain.Kind{domain.KindPPPK}}, false},
		"status":              {domain.NominatifFilter{Statuses: []domain.Status{domain.StatusCLTN}}, false},
		"golongan":            {domain.NominatifFilter{Golongan: []string{"III/a"}}, true},
		"other golongan":      {domain.NominatifFilter{Golongan: []string{"III/b"}}, false},
		"jabatan":             {domain.NominatifFilter{JabatanKinds: []domain.JabatanKind{domain.Pelaksana}}, true},
		"other jabatan":       {domain.NominatifFilter{JabatanKinds: []domain.JabatanKind{domain.Fungsional}}, false},
		"pendidikan":          {domain.NominatifFilter{Pendidikan: []string{"S1", "S2"}}, true},
		"other pendidikan":    {domain.NominatifFilter{Pendidikan: []string{"SLTA"}}, false},
		"gender":              {domain.NominatifFilter{Gender: domain.Male}, true},
		"other gender":        {domain.NominatifFilter{Gender: domain.Female}, false},
		"usia min equal":      {domain.NominatifFilter{UsiaMin: 34}, true},
		"usia min above":      {domain.NominatifFilter{UsiaMin: 35}, false},
		"usia max equal":      {domain.NominatifFilter{UsiaMax: 34}, true},
		"usia max below":      {domain.NominatifFilter{UsiaMax: 33}, false},
		"all together":        {domain.NominatifFilter{UnitIDs: []uint64{3}, Kinds: []domain.Kind{domain.KindPNS}, Golongan: []string{"III/a"}, Gender: domain.Male, UsiaMin: 30, UsiaMax: 40}, true},
		"one failing of many": {domain.NominatifFilter{UnitIDs: []uint64{3}, Kinds: []domain.Kind{domain.KindPNS}, Gender: domain.Female}, false},
	} {
		if got := tc.f.Match(e, today); got != tc.want {
			t.Errorf("%s: Match = %v, want %v", name, got, tc.want)
		}
	}
	// The birthday: 35 on 10-05-2025.
	f := domain.NominatifFilter{UsiaMin: 35}
	if f.Match(e, d(2025, 5, 9)) || !f.Match(e, d(2025, 5, 10)) || !f.Match(e, d(2025, 5, 11)) {
		t.Error("usia boundary")
	}
	noBirth := e
	noBirth.TanggalLahir = domain.Date{}
	if f.Match(noBirth, today) || !(domain.NominatifFilter{}).Match(noBirth, today) {
		t.Error("unknown birth date")
	}
	if got := (domain.NominatifFilter{Golongan: []string{"III/a"}}).Filter([]domain.Employee{e, pppk(), e}, today); len(got) != 2 {
		t.Errorf("Filter kept %d", len(got))
	}
}

func TestCountBy(t *testing.T) {
	t.Parallel()
	today := d(2025, 1, 15)
	mk := func(kind domain.Kind, gol string, j domain.JabatanKind, pend string, g domain.Gender, born domain.Date, unit uint64) domain.Employee {
		return domain.Employee{Kind: kind, Golongan: gol, JenisJabatan: j, Pendidikan: pend, JenisKelamin: g, TanggalLahir: born, UnitID: unit}
	}
	emps := []domain.Employee{
		mk(domain.KindPNS, "III/b", domain.Pelaksana, "S1", domain.Male, d(1995, 1, 16), 4),     // 29
		mk(domain.KindPNS, "III/b", domain.Fungsional, "S1", domain.Female, d(1995, 1, 15), 4),  // 30
		mk(domain.KindPNS, "IV/a", domain.Administrator, "S2", domain.Male, d(1975, 1, 15), 2),  // 50
		mk(domain.KindPPPK, "IX", domain.Fungsional, "S1", domain.Female, d(1970, 1, 16), 2),    // 54
		mk(domain.KindPPPK, "IX", domain.Fungsional, "D-III", domain.Female, d(1970, 1, 15), 0), // 55
		mk(domain.KindCPNS, "", 0, "", 0, domain.Date{}, 9),
	}
	check := func(key string, want []domain.Count) {
		t.Helper()
		got := domain.CountBy(emps, today, key)
		if len(got) != len(want) {
			t.Fatalf("%s: %v, want %v", key, got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s: %v, want %v", key, got, want)
			}
		}
	}
	check("golongan", []domain.Count{{"III/b", 2}, {"IV/a", 1}, {"PPPK IX", 2}, {"Belum diisi", 1}})
	check("jenis_jabatan", []domain.Count{{"JPT Utama", 0}, {"JPT Madya", 0}, {"JPT Pratama", 0}, {"Administrator", 1},
		{"Pengawas", 0}, {"Fungsional", 3}, {"Pelaksana", 1}, {"Belum diisi", 1}})
	check("pendidikan", []domain.Count{{"SD", 0}, {"SLTP", 0}, {"SLTA", 0}, {"D-I", 0}, {"D-II", 0}, {"D-III", 1},
		{"D-IV", 0}, {"S1", 3}, {"S2", 1}, {"S3", 0}, {"Belum diisi", 1}})
	check("jenis_kelamin", []domain.Count{{"Laki-laki", 2}, {"Perempuan", 3}, {"Belum diisi", 1}})
	check("usia", []domain.Count{{"< 30", 1}, {"30–39", 1}, {"40–49", 0}, {"50–54", 2}, {"55+", 1}, {"Belum diisi", 1}})
	check("unit", []domain.Count{{"unit:2", 2}, {"unit:4", 2}, {"unit:9", 1}, {"Belum diisi", 1}})
	if domain.CountBy(emps, today, "agama") != nil {
		t.Error("unknown key")
	}
	names := map[uint64]string{2: "Bagian Umum", 4: "Bidang Mutasi", 9: "Sekretariat"}
	got := domain.CountByUnit(emps, func(id uint64) string { return names[id] })
	want := []domain.Count{{"Bagian Umum", 2}, {"Bidang Mutasi", 2}, {"Sekretariat", 1}, {"Belum diisi", 1}}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("CountByUnit %v", got)
		}
	}
	if id, ok := domain.UnitIDOfLabel(domain.UnitLabel(42)); !ok || id != 42 {
		t.Error("unit label round trip")
	}
	if _, ok := domain.UnitIDOfLabel("Belum diisi"); ok {
		t.Error("not a unit label")
	}
	for _, k := range domain.StatKeys() {
		if domain.CountBy(nil, today, k) == nil && k != "golongan" && k != "unit" {
			t.Errorf("%s: fixed categories expected even without employees", k)
		}
	}
}

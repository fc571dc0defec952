package domain_test

import (
	"errors"
	"strings"
	"testing"

	"asndesk/domain"
)

func ct(id uint64, mulai, selesai domain.Date, hari int) domain.Riwayat {
	return cuti(id, "CT", mulai, selesai, hari, 0)
}

func TestCutiBalance(t *testing.T) {
	t.Parallel()
	s := domain.DefaultCareerSettings()
	e := pns()
	e.TMTCPNS = d(2020, 1, 1) // eligible from 01-01-2021
	used := func(y, n int) domain.Riwayat { return ct(uint64(y*100+n), d(y, 3, 2), d(y, 3, 20), n) }
	cb := func(from, to domain.Date) domain.Riwayat { return cuti(99, "CB", from, to, 0, 3) }
	for name, tc := range map[string]struct {
		e                  domain.Employee
		rs                 []domain.Riwayat
		year               int
		s                  domain.CareerSettings
		hakN, hakN1, hakN2 int
		n, n1, n2, used    int
		cb                 bool
	}{
		"before eligibility": {e, nil, 2020, s, 0, 0, 0, 0, 0, 0, 0, false},
		"first year: 12":     {e, nil, 2021, s, 12, 0, 0, 12, 0, 0, 0, false},
		"N-1 fully used: 12": {e, []domain.Riwayat{used(2021, 12), used(2022, 12)}, 2023, s, 12, 0, 0, 12, 0, 0, 0, false},
		// §6: N-1 unused → up to 18
		"N-1 unused: 18": {e, []domain.Riwayat{used(2021, 12)}, 2023, s, 12, 6, 0, 12, 6, 0, 0, false},
		// §6: N-1 and N-2 unused → up to 24
		"N-1 and N-2 unused: 24":        {e, nil, 2023, s, 12, 6, 6, 12, 6, 6, 0, false},
		"N-2 partly used: 22":           {e, []domain.Riwayat{used(2021, 8)}, 2023, s, 12, 6, 4, 12, 6, 4, 0, false},
		"N-1 used 3 from its carry: 21": {e, []domain.Riwayat{used(2022, 3)}, 2023, s, 12, 6, 3, 12, 6, 3, 0, false},
		"used this year, oldest first":  {e, []domain.Riwayat{used(2023, 7)}, 2023, s, 12, 6, 6, 12, 5, 0, 7, false},
		"over-used this year":           {e, []domain.Riwayat{used(2023, 30)}, 2023, s, 12, 6, 6, 0, 0, 0, 30, false},
		"rest of a used year carries":   {e, []domain.Riwayat{used(2023, 7)}, 2024, s, 12, 6, 5, 12, 6, 5, 0, false},
		// §6: year with cuti besar → 0
		"year with cuti besar: 0":                  {e, []domain.Riwayat{cb(d(2023, 5, 2), d(2023, 8, 1))}, 2023, s, 0, 0, 0, 0, 0, 0, 0, true},
		"after a cuti besar year: 12":              {e, []domain.Riwayat{cb(d(2023, 5, 2), d(2023, 8, 1))}, 2024, s, 12, 0, 0, 12, 0, 0, 0, false},
		"cuti besar across new year":               {e, []domain.Riwayat{cb(d(2022, 12, 1), d(2023, 2, 28))}, 2023, s, 0, 0, 0, 0, 0, 0, 0, true},
		"cuti besar across new year, N-1":          {e, []domain.Riwayat{cb(d(2022, 12, 1), d(2023, 2, 28))}, 2022, s, 0, 0, 0, 0, 0, 0, 0, true},
		"cuti bersama reduces":                     {e, nil, 2023, bersama(2023, 4, true), 12, 6, 6, 12, 6, 2, 4, false},
		"cuti bersama does not reduce":             {e, nil, 2023, bersama(2023, 4, false), 12, 6, 6, 12, 6, 6, 0, false},
		"cuti bersama of N-1 uses its carry first": {e, nil, 2023, bersama(2022, 8, true), 12, 6, 0, 12, 6, 0, 0, false},
		"PPPK: from the contract":                  {pppk(), nil, 2024, s, 12, 0, 0, 12, 0, 0, 0, false},
		"PPPK first contract year: 0":              {pppk(), nil, 2023, s, 0, 0, 0, 0, 0, 0, 0, false},
		"length counted from dates":                {e, []domain.Riwayat{ct(1, d(2023, 3, 6), d(2023, 3, 10), 0)}, 2023, s, 12, 6, 6, 12, 6, 1, 5, false},
	} {
		t.Run(name, func(t *testing.T) {
			b := domain.CutiBalance(tc.e, tc.rs, tc.year, tc.s)
			if b.HakN != tc.hakN || b.HakN1 != tc.hakN1 || b.HakN2 != tc.hakN2 || b.N != tc.n || b.N1 != tc.n1 ||
				b.N2 != tc.n2 || b.Used != tc.used || b.CutiBesarYear != tc.cb || b.Total != tc.n+tc.n1+tc.n2 || b.Year != tc.year {
				t.Fatalf("CutiBalance = %+v", b)
			}
		})
	}
	t.Run("§6: 11 months of service is not eligible", func(t *testing.T) {
		n := e
		n.TMTCPNS = d(2024, 2, 1)
		b := domain.CutiBalance(n, nil, 2024, s)
		if b.Total != 0 || b.EligibleFrom != d(2025, 2, 1) {
			t.Fatalf("CutiBalance = %+v", b)
		}
		if b := domain.CutiBalance(n, nil, 2025, s); b.Total != 12 {
			t.Fatalf("the year eligibility starts: %+v", b)
		}
	})
	t.Run("totals never exceed 24", func(t *testing.T) {
		for y := 2021; y <= 2035; y++ {
			if b := domain.CutiBalance(e, nil, y, s); b.Total > 24 || (y >= 2023 && b.Total != 24) {
				t.Fatalf("%d: %+v", y, b)
			}
		}
	})
}

func bersama(year, days int, reduces bool) domain.CareerSettings {
	s := domain.DefaultCareerSettings()
	s.CutiBersama = map[int]domain.CutiBersamaSetting{year: {Days: days, Reduces: reduces}}
	return s
}

func TestCutiBersamaDefault(t *testing.T) {
	t.Parallel()
	if c := domain.DefaultCareerSettings().CutiBersamaFor(2030); c.Days != 0 || !c.Reduces {
		t.Errorf("unset year = %+v, want 0 days, reduces", c)
	}
}

func TestCutiTypes(t *testing.T) {
	t.Parallel()
	want := map[string]string{"CT": "Cuti Tahunan", "CB": "Cuti Besar", "CS": "Cuti Sakit", "CM": "Cuti Melahirkan",
		"CKAP": "Cuti Karena Alasan Penting", "CBS": "Cuti Bersama", "CLTN": "Cuti di Luar Tanggungan Negara"}
	ts := domain.CutiTypes()
	if len(ts) != len(want) {
		t.Fatalf("%d types", len(ts))
	}
	pppkMay := map[string]bool{}
	for _, ty := range ts {
		if want[ty.Code] != ty.Label {
			t.Errorf("%s label %q", ty.Code, ty.Label)
		}
		for _, k := range ty.Kinds {
			if k == domain.KindPPPK {
				pppkMay[ty.Code] = true
			}
		}
	}
	// P7 default: tahunan, sakit, melahirkan, bersama
	if len(pppkMay) != 4 || !pppkMay["CT"] || !pppkMay["CS"] || !pppkMay["CM"] || !pppkMay["CBS"] {
		t.Errorf("PPPK may take %v", pppkMay)
	}
}

func TestCheckCutiRequest(t *testing.T) {
	t.Parallel()
	s := domain.DefaultCareerSettings()
	p := pns() // CPNS 01-03-2015
	young := p
	young.TMTCPNS = d(2020, 4, 1)
	newbie := p
	newbie.TMTCPNS = d(2024, 4, 1)
	female := p
	female.JenisKelamin = domain.Female
	onCLTN := p
	onCLTN.Status = domain.StatusCLTN
	gone := p
	gone.Status = domain.StatusPindah
	req := func(jenis string, mulai, selesai domain.Date, hari, bulan int) domain.RwCutiData {
		return domain.RwCutiData{Jenis: jenis, Mulai: mulai, Selesai: selesai, LamaHari: hari, LamaBulan: bulan}
	}
	used10 := []domain.Riwayat{ct(1, d(2025, 1, 6), d(2025, 1, 17), 10)}
	for name, tc := range map[string]struct {
		e    domain.Employee
		rs   []domain.Riwayat
		req  domain.RwCutiData
		want string // "" = allowed
	}{
		"CT allowed":                {p, nil, req("CT", d(2025, 3, 3), d(2025, 3, 5), 3, 0), ""},
		"CT days from the dates":    {p, nil, req("CT", d(2025, 3, 3), d(2025, 3, 7), 0, 0), ""},
		"CT whole balance":          {p, used10, req("CT", d(2025, 3, 3), d(2025, 3, 20), 14, 0), ""},
		"CT beyond balance":         {p, used10, req("CT", d(2025, 3, 3), d(2025, 3, 21), 15, 0), "Sisa cuti tahunan 2025 hanya 14 hari kerja (N 12, N-1 2, N-2 0); permintaan 15 hari kerja"},
		"CT beyond the maximum":     {p, nil, req("CT", d(2025, 3, 3), d(2025, 4, 7), 25, 0), "paling lama 24 hari kerja"},
		"CT on a weekend only":      {p, nil, req("CT", d(2025, 3, 1), d(2025, 3, 2), 0, 0), "paling sedikit 1 hari kerja"},
		"CT the day before 1 year":  {newbie, nil, req("CT", d(2025, 3, 31), d(2025, 3, 31), 1, 0), "masa kerja paling singkat 1 tahun; pada 31-03-2025 masa kerja baru 0 tahun 11 bulan"},
		"CT on the day of 1 year":   {newbie, nil, req("CT", d(2025, 4, 1), d(2025, 4, 1), 1, 0), ""},
		"CT in a cuti besar year":   {p, []domain.Riwayat{cuti(1, "CB", d(2025, 6, 2), d(2025, 8, 29), 0, 3)}, req("CT", d(2025, 3, 3), d(2025, 3, 5), 3, 0), "cuti besar"},
		"CB for PPPK":               {pppk(), nil, req("CB", d(2025, 3, 3), d(2025, 5, 30), 0, 3), "Cuti Besar tidak berlaku bagi PPPK. Jenis cuti untuk PPPK: Cuti Tahunan, Cuti Sakit, Cuti Melahirkan, Cuti Bersama."},
		"CKAP for PPPK":             {pppk(), nil, req("CKAP", d(2025, 3, 3), d(2025, 3, 5), 3, 0), "tidak berlaku bagi PPPK"},
		"CB the day before 5 years": {young, nil, req("CB", d(2025, 3, 31), d(2025, 6, 30), 0, 3), "masa kerja paling singkat 5 tahun; pada 31-03-2025 masa kerja baru 4 tahun 11 bulan"},
		"CB on the day of 5 years":  {young, nil, req("CB", d(2025, 4, 1), d(2025, 6, 30), 0, 3), ""},
		"CB 4 months":               {p, nil, req("CB", d(2025, 4, 1), d(2025, 6, 30), 0, 4), "paling lama 3 bulan; permintaan 4 bulan"},
		"CB ends a day too late":    {p, nil, req("CB", d(2025, 4, 1), d(2025, 7, 1), 0, 3), "paling lambat selesai 30-06-2025"},
		"CB again within 5 years":   {p, []domain.Riwayat{cuti(1, "CB", d(2018, 1, 2), d(2018, 4, 1), 0, 3)}, req("CB", d(2023, 4, 1), d(2023, 6, 30), 0, 3), "yaitu mulai 02-04-2023"},
		"CB again after 5 years":    {p, []domain.Riwayat{cuti(1, "CB", d(2018, 1, 2), d(2018, 4, 1), 0, 3)}, req("CB", d(2023, 4, 2), d(2023, 7, 1), 0, 3), ""},
		"CM for a man":              {p, nil, req("CM", d(2025, 3, 3), d(2025, 6, 2), 0, 3), "hanya untuk pegawai perempuan"},
		"CM for a woman":            {female, nil, req("CM", d(2025, 3, 3), d(2025, 6, 2), 0, 3), ""},
		"CM for a PPPK woman":       {pppk(), nil, req("CM", d(2025, 3, 3), d(2025, 6, 2), 0, 3), ""},
		"CKAP one month":            {p, nil, req("CKAP", d(2025, 3, 3), d(2025, 4, 2), 0, 0), ""},
		"CKAP a day over one month": {p, nil, req("CKAP", d(2025, 3, 3), d(2025, 4, 3), 0, 0), "paling lama 1 bulan"},
		"CS a year and a half":      {p, nil, req("CS", d(2025, 1, 1), d(2026, 6, 30), 0, 0), ""},
		"CS longer":                 {p, nil, req("CS", d(2025, 1, 1), d(2026, 7, 1), 0, 0), "paling lama 18 bulan"},
		"CLTN 4 years of service":   {p, nil, req("CLTN", d(2019, 3, 1), d(2020, 2, 29), 0, 12), "paling singkat 5 tahun"},
		"CLTN 37 months":            {p, nil, req("CLTN", d(2025, 3, 1), d(2028, 3, 31), 0, 37), "paling lama 36 bulan"},
		"CLTN for PPPK":             {pppk(), nil, req("CLTN", d(2025, 3, 1), d(2026, 2, 28), 0, 12), "tidak berlaku bagi PPPK"},
		"overlap with a cuti sakit": {p, []domain.Riwayat{cuti(1, "CS", d(2025, 3, 5), d(2025, 3, 7), 3, 0)}, req("CT", d(2025, 3, 3), d(2025, 3, 5), 3, 0), "bertumpang tindih dengan Cuti Sakit 05-03-2025 s.d. 07-03-2025"},
		"adjacent is fine":          {p, []domain.Riwayat{cuti(1, "CS", d(2025, 3, 6), d(2025, 3, 7), 2, 0)}, req("CT", d(2025, 3, 3), d(2025, 3, 5), 3, 0), ""},
		"unknown jenis":             {p, nil, req("CX", d(2025, 3, 3), d(2025, 3, 5), 3, 0), "tidak dikenal"},
		"inactive":                  {gone, nil, req("CT", d(2025, 3, 3), d(2025, 3, 5), 3, 0), "berstatus Pindah"},
		"on CLTN":                   {onCLTN, nil, req("CT", d(2025, 3, 3), d(2025, 3, 5), 3, 0), "sedang menjalani cuti di luar tanggungan negara"},
		"no start":                  {p, nil, req("CT", domain.Date{}, d(2025, 3, 5), 3, 0), "mulai cuti wajib"},
		"end before start":          {p, nil, req("CT", d(2025, 3, 5), d(2025, 3, 3), 3, 0), "tidak boleh sebelum"},
	} {
		t.Run(name, func(t *testing.T) {
			err := domain.CheckCutiRequest(tc.e, tc.rs, tc.req, s)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var de *domain.Error
			if !errors.As(err, &de) || de.Code != domain.EINVALID || !strings.Contains(de.Message, tc.want) {
				t.Fatalf("got %v, want EINVALID with %q", err, tc.want)
			}
		})
	}
	t.Run("P7: PPPK types are data", func(t *testing.T) {
		s2 := domain.DefaultCareerSettings()
		for i := range s2.Cuti.Types {
			if s2.Cuti.Types[i].Code == "CKAP" {
				s2.Cuti.Types[i].Kinds = append(s2.Cuti.Types[i].Kinds, domain.KindPPPK)
			}
		}
		if err := domain.CheckCutiRequest(pppk(), nil, req("CKAP", d(2025, 3, 3), d(2025, 3, 5), 3, 0), s2); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("cuti bersama uses the balance", func(t *testing.T) {
		s2 := bersama(2025, 5, true)
		err := domain.CheckCutiRequest(p, used10, req("CT", d(2025, 3, 3), d(2025, 3, 20), 14, 0), s2)
		if err == nil || !strings.Contains(domain.ErrorMessage(err), "hanya 9 hari kerja") {
			t.Fatalf("got %v", err)
		}
	})
}

func TestWorkingDays(t *testing.T) {
	t.Parallel()
	hol := map[domain.Date]bool{d(2025, 1, 8): true, d(2025, 1, 11): true}
	for _, tc := range []struct {
		from, to domain.Date
		hol      map[domain.Date]bool
		want     int
	}{
		{d(2025, 1, 6), d(2025, 1, 10), nil, 5},    // Monday to Friday
		{d(2025, 1, 6), d(2025, 1, 12), nil, 5},    // to Sunday
		{d(2025, 1, 6), d(2025, 1, 13), nil, 6},    // to next Monday
		{d(2025, 1, 4), d(2025, 1, 5), nil, 0},     // a weekend
		{d(2025, 1, 6), d(2025, 1, 10), hol, 4},    // Wednesday holiday; Saturday holiday ignored
		{d(2025, 1, 6), d(2025, 1, 6), nil, 1},     // one day
		{d(2025, 1, 7), d(2025, 1, 6), nil, 0},     // reversed
		{d(2024, 2, 26), d(2024, 3, 1), nil, 5},    // across a leap day
		{d(2025, 1, 1), d(2025, 12, 31), nil, 261}, // a whole year
		{domain.Date{}, d(2025, 1, 6), nil, 0},
	} {
		if got := domain.WorkingDays(tc.from, tc.to, tc.hol); got != tc.want {
			t.Errorf("WorkingDays(%v, %v) = %d, want %d", tc.from, tc.to, got, tc.want)
		}
	}
}

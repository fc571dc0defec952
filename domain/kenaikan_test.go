package domain_test

import (
	"strings"
	"testing"
	"time"

	"asndesk/domain"
)

func TestMasaKerjaGolongan(t *testing.T) {
	t.Parallel()
	p := pns()
	base := []domain.Riwayat{pangkat(1, "III/a", d(2015, 3, 1), 0, 0), pangkat(2, "III/b", d(2021, 4, 1), 5, 3)}
	for name, tc := range map[string]struct {
		rs   []domain.Riwayat
		day  domain.Date
		want domain.Span
	}{
		"day before the month completes":       {base, d(2025, 3, 31), domain.Span{9, 2}},
		"day of":                               {base, d(2025, 4, 1), domain.Span{9, 3}},
		"day after":                            {base, d(2025, 4, 2), domain.Span{9, 3}},
		"on the TMT":                           {base, d(2021, 4, 1), domain.Span{5, 3}},
		"no pangkat: from TMT CPNS":            {nil, d(2025, 3, 1), domain.Span{10, 0}},
		"peninjauan golongan after TMT counts": {append(base[:2:2], peninjauan(3, d(2022, 1, 1), 2, 6, true)), d(2025, 4, 1), domain.Span{11, 9}},
		"peninjauan not golongan ignored":      {append(base[:2:2], peninjauan(3, d(2022, 1, 1), 2, 6, false)), d(2025, 4, 1), domain.Span{9, 3}},
		"peninjauan on the TMT ignored":        {append(base[:2:2], peninjauan(3, d(2021, 4, 1), 2, 0, true)), d(2025, 4, 1), domain.Span{9, 3}},
		"peninjauan after day ignored":         {append(base[:2:2], peninjauan(3, d(2025, 4, 2), 2, 0, true)), d(2025, 4, 1), domain.Span{9, 3}},
		"CLTN not counted":                     {append(base[:2:2], cuti(3, "CLTN", d(2022, 1, 1), d(2022, 12, 31), 0, 12)), d(2025, 4, 1), domain.Span{8, 3}},
		"leap day TMT":                         {[]domain.Riwayat{pangkat(1, "III/b", d(2020, 2, 29), 0, 0)}, d(2024, 2, 28), domain.Span{3, 11}},
		"leap day TMT, 4 years":                {[]domain.Riwayat{pangkat(1, "III/b", d(2020, 2, 29), 0, 0)}, d(2024, 2, 29), domain.Span{4, 0}},
	} {
		if got := domain.MasaKerjaGolongan(p, tc.rs, tc.day); got != tc.want {
			t.Errorf("%s: MasaKerjaGolongan = %v, want %v", name, got, tc.want)
		}
	}
}

func TestMasaKerjaKeseluruhan(t *testing.T) {
	t.Parallel()
	p := pns()
	for name, tc := range map[string]struct {
		e    domain.Employee
		rs   []domain.Riwayat
		day  domain.Date
		want domain.Span
	}{
		"day before":                {p, nil, d(2025, 2, 28), domain.Span{9, 11}},
		"day of":                    {p, nil, d(2025, 3, 1), domain.Span{10, 0}},
		"day after":                 {p, nil, d(2025, 3, 2), domain.Span{10, 0}},
		"all peninjauan count":      {p, []domain.Riwayat{peninjauan(1, d(2016, 1, 1), 1, 6, false), peninjauan(2, d(2018, 1, 1), 0, 3, true)}, d(2025, 3, 1), domain.Span{11, 9}},
		"future peninjauan not yet": {p, []domain.Riwayat{peninjauan(1, d(2026, 1, 1), 1, 6, false)}, d(2025, 3, 1), domain.Span{10, 0}},
		"CLTN 18 months":            {p, []domain.Riwayat{cuti(1, "CLTN", d(2020, 1, 1), d(2021, 6, 30), 0, 18)}, d(2025, 3, 1), domain.Span{8, 6}},
		"CLTN still running":        {p, []domain.Riwayat{cuti(1, "CLTN", d(2024, 9, 1), d(2025, 8, 31), 0, 12)}, d(2025, 3, 1), domain.Span{9, 6}},
		"PPPK from the contract":    {pppk(), nil, d(2025, 3, 1), domain.Span{2, 1}},
	} {
		if got := domain.MasaKerjaKeseluruhan(tc.e, tc.rs, tc.day); got != tc.want {
			t.Errorf("%s: MasaKerjaKeseluruhan = %v, want %v", name, got, tc.want)
		}
	}
}

func TestNextKGB(t *testing.T) {
	t.Parallel()
	s := domain.DefaultCareerSettings()
	today := d(2025, 1, 15)
	p := pns()
	withGaji := []domain.Riwayat{pangkat(1, "III/b", d(2023, 4, 1), 8, 1), gaji(2, d(2023, 3, 1)), gaji(3, d(2021, 3, 1))}
	plus := func(extra ...domain.Riwayat) []domain.Riwayat { return append(withGaji[:3:3], extra...) }
	inactive := p
	inactive.Status = domain.StatusPensiun
	cltnStatus := p
	cltnStatus.Status = domain.StatusCLTN
	cpns := p
	cpns.Kind = domain.KindCPNS
	oldPNS := p
	oldPNS.TanggalLahir = d(1967, 2, 10) // BUP 58 reached 10-02-2025: TMT pensiun 01-03-2025
	olderBy1Day := p
	olderBy1Day.TanggalLahir = d(1967, 3, 1) // TMT pensiun 01-04-2025
	for name, tc := range map[string]struct {
		e    domain.Employee
		rs   []domain.Riwayat
		want domain.Date
		note string
	}{
		"from the latest gaji":                  {p, withGaji, d(2025, 3, 1), "dari TMT gaji berkala terakhir 01-03-2023"},
		"a later KP does not restart the count": {p, withGaji, d(2025, 3, 1), ""},
		"no gaji: from the pangkat TMT":         {p, []domain.Riwayat{pangkat(1, "III/b", d(2019, 4, 1), 4, 1)}, d(2021, 4, 1), "Belum ada riwayat gaji berkala"},
		"nothing: from TMT CPNS":                {p, nil, d(2017, 3, 1), "dari TMT CPNS"},
		"leap day gaji":                         {p, []domain.Riwayat{gaji(1, d(2024, 2, 29))}, d(2026, 2, 28), ""},
		"CPNS too":                              {cpns, withGaji, d(2025, 3, 1), ""},
		"CLTN status still counted":             {cltnStatus, withGaji, d(2025, 3, 1), ""},
		"PPPK: none":                            {pppk(), withGaji, domain.Date{}, "PNS dan CPNS"},
		"inactive: none":                        {inactive, withGaji, domain.Date{}, "tidak aktif"},
		// hukuman penundaan KGB (6-month tukin cut substitute): start in (base, due]
		"hukdis the day after the base":   {p, plus(hukdis(9, "Sedang", tukin6, d(2023, 3, 2), 12)), d(2026, 3, 1), "Ditunda 12 bulan"},
		"hukdis on the base: not counted": {p, plus(hukdis(9, "Sedang", tukin6, d(2023, 3, 1), 12)), d(2025, 3, 1), ""},
		"hukdis the day before due":       {p, plus(hukdis(9, "Sedang", tukin6, d(2025, 2, 28), 12)), d(2026, 3, 1), ""},
		"hukdis on the due day":           {p, plus(hukdis(9, "Sedang", tukin6, d(2025, 3, 1), 12)), d(2026, 3, 1), ""},
		"hukdis the day after due":        {p, plus(hukdis(9, "Sedang", tukin6, d(2025, 3, 2), 12)), d(2025, 3, 1), ""},
		"two hukdis, second in the extended period": {p, plus(hukdis(9, "Sedang", tukin6, d(2024, 1, 15), 12),
			hukdis(10, "Sedang", tukin6, d(2025, 6, 1), 12)), d(2027, 3, 1), ""},
		"9-month cut postpones KP, not KGB":     {p, plus(hukdis(9, "Sedang", tukin9, d(2024, 1, 15), 12)), d(2025, 3, 1), ""},
		"teguran: no effect":                    {p, plus(hukdis(9, "Ringan", "Teguran tertulis", d(2024, 1, 15), 0)), d(2025, 3, 1), ""},
		"peninjauan golongan brings it forward": {p, plus(peninjauan(9, d(2024, 1, 1), 1, 0, true)), d(2024, 3, 1), "Dimajukan"},
		"peninjauan not golongan: no effect":    {p, plus(peninjauan(9, d(2024, 1, 1), 1, 0, false)), d(2025, 3, 1), ""},
		"CLTN pushes it back":                   {p, plus(cuti(9, "CLTN", d(2024, 1, 1), d(2024, 12, 31), 0, 12)), d(2026, 3, 1), "CLTN tidak dihitung"},
		"due on TMT pensiun: none":              {oldPNS, withGaji, domain.Date{}, "TMT pensiun 01-03-2025"},
		"due a month before TMT pensiun":        {olderBy1Day, withGaji, d(2025, 3, 1), ""},
	} {
		t.Run(name, func(t *testing.T) {
			got, notes := domain.NextKGB(tc.e, tc.rs, today, s)
			if got != tc.want {
				t.Fatalf("NextKGB = %v, want %v; notes %v", got, tc.want, notes)
			}
			if tc.note != "" {
				wantText(t, notes, tc.note)
			}
		})
	}
	t.Run("overdue is said so", func(t *testing.T) {
		_, notes := domain.NextKGB(p, withGaji, d(2025, 3, 2), s)
		wantText(t, notes, "Sudah jatuh tempo 01-03-2025")
		_, notes = domain.NextKGB(p, withGaji, d(2025, 3, 1), s)
		if hasText(notes, "Sudah jatuh tempo") {
			t.Error("due today is not overdue")
		}
	})
	t.Run("edited table without the substitute", func(t *testing.T) {
		s2 := domain.DefaultCareerSettings()
		for i := range s2.Hukdis.Jenis {
			s2.Hukdis.Jenis[i].PostponeKGBMonths = 0
		}
		got, _ := domain.NextKGB(p, plus(hukdis(9, "Sedang", tukin6, d(2024, 1, 15), 12)), today, s2)
		if got != d(2025, 3, 1) {
			t.Errorf("NextKGB = %v", got)
		}
	})
	t.Run("KGB every 3 years when the rule says so", func(t *testing.T) {
		s3 := domain.DefaultCareerSettings()
		s3.Rules.KGBYears = 3
		if got, _ := domain.NextKGB(p, withGaji, today, s3); got != d(2026, 3, 1) {
			t.Errorf("NextKGB = %v", got)
		}
	})
	t.Run("zero settings behave as defaults", func(t *testing.T) {
		got, _ := domain.NextKGB(p, plus(hukdis(9, "Sedang", tukin6, d(2024, 1, 15), 12)), today, domain.CareerSettings{})
		if got != d(2026, 3, 1) {
			t.Errorf("NextKGB = %v", got)
		}
	})
}

func TestNextKP(t *testing.T) {
	t.Parallel()
	s := domain.DefaultCareerSettings()
	today := d(2025, 1, 15)
	p := pns()
	rs := func(tmt domain.Date, extra ...domain.Riwayat) []domain.Riwayat {
		return append([]domain.Riwayat{pangkat(1, "III/a", d(2015, 3, 1), 0, 0), pangkat(2, "III/b", tmt, 4, 0),
			pendidikan(3, "S1", 2012)}, extra...)
	}
	kp21 := d(2021, 4, 1)
	top := p
	top.Golongan = "IV/e"
	inactive := p
	inactive.Status = domain.StatusMeninggal
	old := p
	old.TanggalLahir = d(1967, 2, 10) // TMT pensiun 01-03-2025
	for name, tc := range map[string]struct {
		e      domain.Employee
		rs     []domain.Riwayat
		want   domain.Date
		reason string
	}{
		"4 years on a period":           {p, rs(kp21), d(2025, 4, 1), "syarat paling singkat 4 tahun terpenuhi 01-04-2025"},
		"TMT a day later: next period":  {p, rs(d(2021, 4, 2)), d(2025, 10, 1), "hanya pada periode 1 April dan 1 Oktober"},
		"TMT a day earlier":             {p, rs(d(2021, 3, 31)), d(2025, 4, 1), "terpenuhi 31-03-2025"},
		"leap day TMT":                  {p, rs(d(2020, 2, 29)), d(2024, 4, 1), ""},
		"already eligible: past period": {p, rs(d(2019, 10, 1)), d(2023, 10, 1), ""},
		"no pangkat entry: TMT CPNS":    {p, nil, d(2019, 4, 1), "dihitung dari TMT CPNS"},
		"IV/e: none":                    {top, nil, domain.Date{}, "IV/e"},
		"IV/e from riwayat: none":       {p, []domain.Riwayat{pangkat(1, "IV/e", kp21, 30, 0)}, domain.Date{}, "pangkat tertinggi"},
		"PPPK: none":                    {pppk(), nil, domain.Date{}, "PPPK tidak mengenal kenaikan pangkat"},
		"inactive: none":                {inactive, rs(kp21), domain.Date{}, "tidak aktif"},
		"TMT pensiun first: none":       {old, rs(kp21), domain.Date{}, "pengabdian"},
		// hukuman running on the period date
		"sedang running: after it ends": {p, rs(kp21, hukdis(9, "Sedang", tukin6, d(2025, 1, 1), 12)), d(2026, 4, 1),
			"selama menjalani hukuman disiplin tingkat sedang"},
		"sedang 6 months: next period":    {p, rs(kp21, hukdis(9, "Sedang", tukin6, d(2025, 1, 1), 6)), d(2025, 10, 1), "sampai 30-06-2025"},
		"ends the day before the period":  {p, rs(kp21, hukdis(9, "Sedang", tukin6, d(2024, 4, 1), 12)), d(2025, 4, 1), ""},
		"ends on the period day":          {p, rs(kp21, hukdis(9, "Sedang", tukin6, d(2024, 4, 2), 12)), d(2025, 10, 1), "sampai 01-04-2025"},
		"starts the day after the period": {p, rs(kp21, hukdis(9, "Berat", "Penurunan jabatan setingkat lebih rendah selama 12 bulan", d(2025, 4, 2), 12)), d(2025, 4, 1), ""},
		"berat running":                   {p, rs(kp21, hukdis(9, "Berat", "Penurunan jabatan setingkat lebih rendah selama 12 bulan", d(2025, 3, 1), 12)), d(2026, 4, 1), "tingkat berat"},
		"ringan: no effect":               {p, rs(kp21, hukdis(9, "Ringan", "Pernyataan tidak puas secara tertulis", d(2025, 3, 1), 0)), d(2025, 4, 1), ""},
		// penundaan kenaikan pangkat 1 tahun (9-month cut substitute), ending on a leap day
		"9-month cut postpones 1 year": {p, rs(kp21, hukdis(9, "Sedang", tukin9, d(2023, 6, 1), 9)), d(2026, 4, 1), "penundaan kenaikan pangkat selama 1 tahun"},
		"PDH: none":                    {p, rs(kp21, hukdis(9, "Berat", pdh, d(2024, 5, 1), 0)), domain.Date{}, "Dijatuhi hukuman"},
		"CLTN pushes it back":          {p, rs(kp21, cuti(9, "CLTN", d(2022, 1, 1), d(2022, 12, 31), 0, 12)), d(2026, 4, 1), "CLTN"},
	} {
		t.Run(name, func(t *testing.T) {
			got, reasons := domain.NextKP(tc.e, tc.rs, today, s)
			if got != tc.want {
				t.Fatalf("NextKP = %v, want %v; reasons:\n  %s", got, tc.want, strings.Join(reasons, "\n  "))
			}
			if tc.reason != "" {
				wantText(t, reasons, tc.reason)
			}
			if !got.IsZero() {
				wantText(t, reasons, "belum ada penilaian kinerja di asndesk")
			}
		})
	}
	t.Run("not yet: the reason is given only before the date", func(t *testing.T) {
		_, r := domain.NextKP(p, rs(kp21), d(2025, 3, 31), s)
		wantText(t, r, "Masa dalam pangkat III/b baru 3 tahun 11 bulan")
		_, r = domain.NextKP(p, rs(kp21), d(2025, 4, 1), s)
		if hasText(r, "baru") {
			t.Errorf("on the day the masa is complete: %v", r)
		}
	})
	t.Run("periods are a setting", func(t *testing.T) {
		s2 := domain.DefaultCareerSettings()
		s2.KPMonths = []time.Month{time.December, time.June}
		got, r := domain.NextKP(p, rs(kp21), today, s2)
		if got != d(2025, 6, 1) {
			t.Errorf("NextKP = %v", got)
		}
		wantText(t, r, "1 Juni dan 1 Desember")
		s2.KPMonths = nil // empty: back to the rule's April/Oktober
		if got, _ := domain.NextKP(p, rs(kp21), today, s2); got != d(2025, 4, 1) {
			t.Errorf("NextKP = %v", got)
		}
	})
	t.Run("ceiling warnings", func(t *testing.T) {
		slta := []domain.Riwayat{pangkat(1, "III/c", kp21, 12, 0), pendidikan(2, "SLTA", 2000)}
		_, r := domain.NextKP(p, slta, today, s)
		wantText(t, r, "Peringatan: kenaikan pangkat reguler dengan pendidikan SLTA paling tinggi sampai golongan III/c")
		wantText(t, r, "belum diverifikasi")
		sltaB := []domain.Riwayat{pangkat(1, "III/b", kp21, 12, 0), pendidikan(2, "SLTA", 2000)}
		if _, r := domain.NextKP(p, sltaB, today, s); hasText(r, "Peringatan") {
			t.Errorf("III/b → III/c is within the SLTA ceiling: %v", r)
		}
		jf := []domain.Riwayat{pangkat(1, "III/b", kp21, 4, 0), pendidikan(2, "S1", 2010),
			jabatan(3, domain.Fungsional, domain.AhliPertama, "Pranata Komputer Ahli Pertama", kp21)}
		_, r = domain.NextKP(p, jf, today, s)
		wantText(t, r, "golongan III/b adalah batas jenjang Ahli Pertama")
		wantText(t, r, "angka kredit kumulatif")
		es := []domain.Riwayat{pangkat(1, "III/d", kp21, 14, 0), pendidikan(2, "S1", 2010),
			{ID: 3, Kind: domain.RwJabatan, Jabatan: &domain.RwJabatanData{Jenis: domain.Pengawas, Nama: "Kepala Subbagian Umum", TMT: kp21, Eselon: "IV.a"}}}
		_, r = domain.NextKP(p, es, today, s)
		wantText(t, r, "pangkat tertinggi untuk eselon IV.a adalah III/d")
	})
}

func TestContractEnd(t *testing.T) {
	t.Parallel()
	k := pppk()
	if got := domain.ContractEnd(k); got != d(2028, 1, 31) {
		t.Errorf("ContractEnd = %v", got)
	}
	if got := domain.ContractEnd(pns()); !got.IsZero() {
		t.Errorf("ContractEnd(PNS) = %v", got)
	}
	end, atBUP := domain.ContractEndBUP(k, domain.DefaultBUPGrid())
	if end != d(2028, 1, 31) || atBUP {
		t.Errorf("ContractEndBUP = %v %v", end, atBUP)
	}
	k.TanggalLahir = d(1970, 1, 15) // Ahli Pertama: BUP 58 on 15-01-2028, TMT pensiun 01-02-2028
	k.AkhirKontrak = d(2029, 1, 31)
	if end, atBUP := domain.ContractEndBUP(k, domain.DefaultBUPGrid()); end != d(2028, 1, 31) || !atBUP {
		t.Errorf("ContractEndBUP at BUP = %v %v", end, atBUP)
	}
	k.AkhirKontrak = domain.Date{}
	if end, atBUP := domain.ContractEndBUP(k, domain.DefaultBUPGrid()); end != d(2028, 1, 31) || !atBUP {
		t.Errorf("ContractEndBUP without an end = %v %v", end, atBUP)
	}
}

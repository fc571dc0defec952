package domain_test

import (
	"strings"
	"testing"
	"time"

	"asndesk/domain"
)

// quiet is a PNS with nothing due around 2025: KP in 2028, KGB in 2026
// (from the pangkat: no gaji entry), pensiun in 2048, cuti besar reached
// long ago.
func quiet() (domain.Employee, []domain.Riwayat) {
	return pns(), []domain.Riwayat{pangkat(1, "III/b", d(2024, 4, 1), 9, 1), pendidikan(2, "S1", 2012), diklat(3, "PKP", d(2023, 5, 1))}
}

func remindersOf(k domain.ReminderKind, e domain.Employee, rs []domain.Riwayat, today domain.Date, s domain.CareerSettings) []domain.Reminder {
	var out []domain.Reminder
	for _, r := range domain.Reminders(e, rs, today, s) {
		if r.Kind == k {
			out = append(out, r)
		}
	}
	return out
}

func TestRemindersWindow(t *testing.T) {
	t.Parallel()
	s := domain.DefaultCareerSettings()
	today := d(2025, 1, 15) // window: 15-01-2025 … 15-07-2025
	e, base := quiet()
	with := func(rs ...domain.Riwayat) []domain.Riwayat { return append(base[:3:3], rs...) }
	withPangkat := func(tmt domain.Date) []domain.Riwayat {
		return []domain.Riwayat{pangkat(1, "III/b", tmt, 9, 1), gaji(2, d(2024, 3, 1))}
	}
	born := func(b domain.Date) domain.Employee { x := e; x.TanggalLahir = b; return x }
	cpns := func(tmt domain.Date) domain.Employee { x := e; x.TMTCPNS = tmt; return x }
	k := pppk()
	kontrak := func(end domain.Date) domain.Employee { x := k; x.AkhirKontrak = end; return x }
	type want struct {
		date domain.Date
		late bool
		rule string
	}
	for name, tc := range map[string]struct {
		kind  domain.ReminderKind
		e     domain.Employee
		rs    []domain.Riwayat
		today domain.Date
		want  *want
	}{
		"nothing due":                             {domain.RemKGB, e, base, today, nil},
		"KGB on the last day":                     {domain.RemKGB, e, with(gaji(9, d(2023, 7, 15))), today, &want{d(2025, 7, 15), false, "setiap 2 tahun"}},
		"KGB a day after the window":              {domain.RemKGB, e, with(gaji(9, d(2023, 7, 16))), today, nil},
		"KGB due today":                           {domain.RemKGB, e, with(gaji(9, d(2023, 1, 15))), today, &want{d(2025, 1, 15), false, ""}},
		"KGB due yesterday: terlambat":            {domain.RemKGB, e, []domain.Riwayat{pangkat(1, "III/b", d(2024, 4, 1), 9, 1), gaji(9, d(2023, 1, 14))}, today, &want{d(2025, 1, 14), true, ""}},
		"KGB not for PPPK":                        {domain.RemKGB, k, []domain.Riwayat{gaji(9, d(2023, 3, 1))}, today, nil},
		"KP in the window":                        {domain.RemKP, e, withPangkat(d(2021, 4, 1)), today, &want{d(2025, 4, 1), false, "periode 1 April dan 1 Oktober"}},
		"KP period after the window":              {domain.RemKP, e, withPangkat(d(2021, 4, 2)), today, nil},
		"KP overdue: terlambat":                   {domain.RemKP, e, withPangkat(d(2020, 10, 1)), today, &want{d(2024, 10, 1), true, ""}},
		"pensiun in the window":                   {domain.RemPensiun, born(d(1967, 6, 14)), base, today, &want{d(2025, 7, 1), false, "Batas usia pensiun 58 tahun"}},
		"pensiun after the window":                {domain.RemPensiun, born(d(1967, 7, 14)), base, today, nil},
		"pensiun passed, still active":            {domain.RemPensiun, born(d(1966, 12, 1)), base, today, &want{d(2025, 1, 1), true, ""}},
		"pensiun on today":                        {domain.RemPensiun, born(d(1967, 1, 5)), base, d(2025, 2, 1), &want{d(2025, 2, 1), false, ""}},
		"pensiun on the window's end":             {domain.RemPensiun, born(d(1967, 7, 2)), base, d(2025, 2, 1), &want{d(2025, 8, 1), false, ""}},
		"pensiun a month after the end":           {domain.RemPensiun, born(d(1967, 8, 1)), base, d(2025, 2, 1), nil},
		"kontrak ends on the last day":            {domain.RemKontrak, kontrak(d(2025, 7, 15)), nil, today, &want{d(2025, 7, 15), false, "Akhir perjanjian kerja"}},
		"kontrak ends after the window":           {domain.RemKontrak, kontrak(d(2025, 7, 16)), nil, today, nil},
		"kontrak ended yesterday":                 {domain.RemKontrak, kontrak(d(2025, 1, 14)), nil, today, &want{d(2025, 1, 14), true, ""}},
		"PPPK reaches BUP first":                  {domain.RemKontrak, func() domain.Employee { x := k; x.TanggalLahir = d(1967, 6, 14); return x }(), nil, today, &want{d(2025, 6, 30), false, "batas usia pensiun 58 tahun"}},
		"PNS has no kontrak":                      {domain.RemKontrak, e, base, today, nil},
		"hukuman ends on the last day":            {domain.RemHukdis, e, with(hukdis(9, "Sedang", tukin6, d(2024, 7, 16), 12)), today, &want{d(2025, 7, 15), false, "berakhir 15-07-2025"}},
		"hukuman ends after the window":           {domain.RemHukdis, e, with(hukdis(9, "Sedang", tukin6, d(2024, 7, 17), 12)), today, nil},
		"hukuman ends today":                      {domain.RemHukdis, e, with(hukdis(9, "Sedang", tukin6, d(2024, 1, 16), 12)), today, &want{d(2025, 1, 15), false, ""}},
		"hukuman ended yesterday: not shown":      {domain.RemHukdis, e, with(hukdis(9, "Sedang", tukin6, d(2024, 1, 15), 12)), today, nil},
		"teguran has no end":                      {domain.RemHukdis, e, with(hukdis(9, "Ringan", "Teguran lisan", d(2025, 1, 2), 0)), today, nil},
		"cuti besar on the last day":              {domain.RemCutiBesar, cpns(d(2020, 7, 15)), base, today, &want{d(2025, 7, 15), false, "paling singkat 5 tahun"}},
		"cuti besar after the window":             {domain.RemCutiBesar, cpns(d(2020, 7, 16)), base, today, nil},
		"cuti besar today":                        {domain.RemCutiBesar, cpns(d(2020, 1, 15)), base, today, &want{d(2025, 1, 15), false, ""}},
		"cuti besar yesterday: not shown":         {domain.RemCutiBesar, cpns(d(2020, 1, 14)), base, today, nil},
		"cuti besar again 5 years after the last": {domain.RemCutiBesar, e, with(cuti(9, "CB", d(2020, 4, 15), d(2020, 7, 14), 0, 3)), today, &want{d(2025, 7, 15), false, ""}},
		"cuti besar later by CLTN":                {domain.RemCutiBesar, cpns(d(2019, 7, 15)), with(cuti(9, "CLTN", d(2021, 1, 1), d(2021, 12, 31), 0, 12)), today, &want{d(2025, 7, 15), false, ""}},
		"no cuti besar for PPPK":                  {domain.RemCutiBesar, func() domain.Employee { x := k; x.TMTKontrak = d(2020, 3, 1); return x }(), nil, today, nil},
	} {
		t.Run(name, func(t *testing.T) {
			got := remindersOf(tc.kind, tc.e, tc.rs, tc.today, s)
			if tc.want == nil {
				if len(got) != 0 {
					t.Fatalf("unexpected %+v", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("got %+v, want one on %v", got, tc.want.date)
			}
			r := got[0]
			if r.Date != tc.want.date || r.Terlambat != tc.want.late || r.EmployeeID != tc.e.ID || r.Rule == "" {
				t.Fatalf("got %+v, want %v late=%v", r, tc.want.date, tc.want.late)
			}
			if tc.want.rule != "" && !strings.Contains(r.Rule, tc.want.rule) {
				t.Errorf("rule %q, want %q", r.Rule, tc.want.rule)
			}
			if r.Terlambat && !hasText(r.Notes, "Terlambat") {
				t.Errorf("late without a note: %v", r.Notes)
			}
		})
	}
}

func TestRemindersOther(t *testing.T) {
	t.Parallel()
	s := domain.DefaultCareerSettings()
	today := d(2025, 1, 15)
	e, base := quiet()
	rs := append(base[:3:3], gaji(9, d(2023, 2, 15)))
	t.Run("inactive: none", func(t *testing.T) {
		x := e
		x.Status = domain.StatusPensiun
		x.TanggalLahir = d(1966, 12, 1)
		if got := domain.Reminders(x, rs, today, s); len(got) != 0 {
			t.Fatalf("%+v", got)
		}
	})
	t.Run("window is a setting", func(t *testing.T) {
		s1 := s
		s1.ReminderMonths = 1
		rs2 := append(base[:3:3], gaji(9, d(2023, 2, 16)))
		if got := remindersOf(domain.RemKGB, e, rs2, today, s1); len(got) != 0 {
			t.Fatalf("16-02-2025 is outside: %+v", got)
		}
		rs3 := append(base[:3:3], gaji(9, d(2023, 2, 15)))
		if got := remindersOf(domain.RemKGB, e, rs3, today, s1); len(got) != 1 {
			t.Fatalf("15-02-2025 is the last day: %+v", got)
		}
		if got := remindersOf(domain.RemKGB, e, rs3, today, domain.CareerSettings{}); len(got) != 1 {
			t.Fatalf("zero settings: 6 months: %+v", got)
		}
	})
	t.Run("KP notes carry the reasons", func(t *testing.T) {
		x := []domain.Riwayat{pangkat(1, "III/c", d(2021, 4, 1), 9, 1), gaji(2, d(2024, 3, 1)), pendidikan(3, "SLTA", 2000)}
		got := remindersOf(domain.RemKP, e, x, today, s)
		if len(got) != 1 {
			t.Fatalf("%+v", got)
		}
		wantText(t, got[0].Notes, "Peringatan: kenaikan pangkat reguler dengan pendidikan SLTA")
	})
	t.Run("hukuman berat notes a pemulihan", func(t *testing.T) {
		x := append(base[:3:3], hukdis(9, "Berat", "Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan", d(2024, 3, 1), 12))
		got := remindersOf(domain.RemHukdis, e, x, today, s)
		if len(got) != 1 || got[0].Date != d(2025, 2, 28) {
			t.Fatalf("%+v", got)
		}
		wantText(t, got[0].Notes, "pemulihan")
	})
	t.Run("sort and count", func(t *testing.T) {
		rs := []domain.Reminder{
			{Kind: domain.RemPensiun, EmployeeID: 3, Date: d(2025, 3, 1)},
			{Kind: domain.RemKGB, EmployeeID: 2, Date: d(2025, 3, 1)},
			{Kind: domain.RemKGB, EmployeeID: 1, Date: d(2025, 3, 1)},
			{Kind: domain.RemKP, EmployeeID: 9, Date: d(2025, 2, 1)},
		}
		domain.SortReminders(rs)
		if rs[0].EmployeeID != 9 || rs[1].EmployeeID != 1 || rs[2].EmployeeID != 2 || rs[3].EmployeeID != 3 {
			t.Fatalf("%+v", rs)
		}
		c := domain.CountReminders(rs)
		if len(c) != 6 || c[0] != (domain.Count{"KGB", 2}) || c[1].N != 1 || c[2].N != 1 || c[5].N != 0 {
			t.Fatalf("%+v", c)
		}
	})
}

// benchOffice builds n employees with 10 riwayat each, spread so that every
// reminder kind occurs.
func benchOffice(n int) ([]domain.Employee, [][]domain.Riwayat) {
	emps := make([]domain.Employee, n)
	rws := make([][]domain.Riwayat, n)
	id := uint64(0)
	next := func() uint64 { id++; return id }
	for i := range n {
		born := d(1966+i%34, time.Month(1+i%12), 1+i%28)
		e := domain.Employee{ID: uint64(i + 1), Kind: domain.KindPNS, Status: domain.StatusAktif, Nama: "Pegawai",
			TanggalLahir: born, JenisKelamin: domain.Gender(1 + i%2), TMTCPNS: d(born.Year+23, time.Month(1+i%12), 1),
			JenisJabatan: domain.JabatanKind(1 + i%7), Pendidikan: "S1", UnitID: uint64(1 + i%40)}
		switch i % 20 {
		case 0, 1:
			e.Kind = domain.KindPPPK
			e.TMTKontrak = d(2021+i%3, time.Month(1+i%12), 1)
			e.AkhirKontrak = e.TMTKontrak.AddMonths(60).AddDays(-1)
		case 2:
			e.Kind = domain.KindCPNS
		}
		if e.JenisJabatan == domain.Fungsional {
			e.Jenjang = domain.AhliMuda
		}
		g1, g2 := "III/a", "III/b"
		if e.Kind.IsPPPK() {
			g1, g2 = "IX", "IX"
		}
		tmt1 := e.TMTCPNS
		if e.Kind.IsPPPK() {
			tmt1 = e.TMTKontrak
		}
		tmt2 := d(2019+i%6, time.Month(4+6*(i%2)), 1)
		rs := []domain.Riwayat{
			{ID: next(), Kind: domain.RwPangkat, Pangkat: &domain.RwPangkatData{Golongan: g1, TMT: tmt1}},
			{ID: next(), Kind: domain.RwPangkat, Pangkat: &domain.RwPangkatData{Golongan: g2, TMT: tmt2, MKGTahun: 4}},
			{ID: next(), Kind: domain.RwGaji, Gaji: &domain.RwGajiData{TMT: d(2021+i%2, time.Month(1+i%12), 1)}},
			{ID: next(), Kind: domain.RwGaji, Gaji: &domain.RwGajiData{TMT: d(2019+i%2, time.Month(1+i%12), 1)}},
			{ID: next(), Kind: domain.RwJabatan, Jabatan: &domain.RwJabatanData{Jenis: e.JenisJabatan, Jenjang: e.Jenjang, Nama: "Jabatan", TMT: tmt2}},
			{ID: next(), Kind: domain.RwPendidikan, Pendidikan: &domain.RwPendidikanData{Tingkat: "S1", TahunLulus: born.Year + 22}},
			{ID: next(), Kind: domain.RwDiklat, Diklat: &domain.RwDiklatData{Jenis: domain.DiklatStruktural, Nama: "Pelatihan Kepemimpinan Pengawas", Mulai: tmt2, Selesai: tmt2.AddDays(60)}},
			{ID: next(), Kind: domain.RwCuti, Cuti: &domain.RwCutiData{Jenis: "CT", Mulai: d(2024, 3, 4), Selesai: d(2024, 3, 6), LamaHari: 3}},
			{ID: next(), Kind: domain.RwKeluarga, Keluarga: &domain.RwKeluargaData{Hubungan: "Anak", Nama: "Anak", TanggalLahir: d(2015, 1, 1)}},
		}
		if i%10 == 3 {
			rs = append(rs, domain.Riwayat{ID: next(), Kind: domain.RwHukdis, Hukdis: &domain.RwHukdisData{Tingkat: "Sedang", Jenis: tukin6, Mulai: d(2024, time.Month(3+i%9), 1), MasaBulan: 12}})
		} else {
			rs = append(rs, domain.Riwayat{ID: next(), Kind: domain.RwPenghargaan, Penghargaan: &domain.RwPenghargaanData{Jenis: "Satyalancana Karya Satya X Tahun", Tahun: 2020}})
		}
		emps[i], rws[i] = e, rs
	}
	return emps, rws
}

func TestBenchOfficeCoversEveryKind(t *testing.T) {
	t.Parallel()
	emps, rws := benchOffice(10000)
	s := domain.DefaultCareerSettings()
	seen := map[domain.ReminderKind]int{}
	for i := range emps {
		for _, r := range domain.Reminders(emps[i], rws[i], d(2025, 1, 15), s) {
			seen[r.Kind]++
		}
	}
	for _, k := range domain.ReminderKinds() {
		if seen[k] == 0 {
			t.Errorf("no %s reminder in the benchmark office: %v", k, seen)
		}
	}
}

func BenchmarkReminders(b *testing.B) {
	emps, rws := benchOffice(10000)
	s := domain.DefaultCareerSettings()
	today := d(2025, 1, 15)
	b.Run("n=10000", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			n = 0
			for i := range emps {
				n += len(domain.Reminders(emps[i], rws[i], today, s))
			}
		}
		b.ReportMetric(float64(n), "reminders")
	})
}

package domain

import (
	"cmp"
	"slices"
)

// ReminderKinds lists the reminder kinds in the order the Pengingat screen
// groups them.
func ReminderKinds() []ReminderKind {
	return []ReminderKind{RemKGB, RemKP, RemPensiun, RemKontrak, RemHukdis, RemCutiBesar}
}

func reminderKindRank(k ReminderKind) int {
	switch k {
	case RemKGB:
		return 1
	case RemKP:
		return 2
	case RemPensiun:
		return 3
	case RemKontrak:
		return 4
	case RemHukdis:
		return 5
	case RemCutiBesar:
		return 6
	}
	return 7
}

// Reminders returns what falls due for one employee between today and
// today + ReminderMonths (both days included), plus what fell due earlier
// and has not been acted on (Terlambat): KGB and kenaikan pangkat without a
// newer riwayat entry, TMT pensiun or contract end of an employee still
// active. Hukuman selesai and hak cuti besar are only reported inside the
// window. Inactive employees have no reminders.
//
// Rules: KGB — NextKGB; Kenaikan pangkat — NextKP; Pensiun (PNS/CPNS) —
// TMTPensiun of the BUP; Kontrak PPPK berakhir — the end of the perjanjian
// kerja or reaching the BUP, whichever is first; Hukuman selesai — the last
// day of a hukuman with a period; Hak cuti besar — 5 years of service
// (CLTN not counted), or 5 years after the last cuti besar ended.
func Reminders(e Employee, rs []Riwayat, today Date, s CareerSettings) []Reminder {
	return AppendReminders(nil, e, rs, today, &s)
}

// AppendReminders is Reminders appending to dst, for the loop over the
// office: pass the same *CareerSettings for every employee (empty tables in
// it are filled with the defaults on first use).
func AppendReminders(dst []Reminder, e Employee, rs []Riwayat, today Date, s *CareerSettings) []Reminder {
	return AppendRemindersWith(dst, e, rs, today, s, nil)
}

// AppendRemindersWith is AppendReminders with the employee's annual
// predikat kinerja: the kenaikan pangkat reminder then says whether the
// predikat of the 2 years before it meets the rule (NextKPWith). With kin
// nil it is AppendReminders.
func AppendRemindersWith(dst []Reminder, e Employee, rs []Riwayat, today Date, s *CareerSettings, kin KinerjaHistory) []Reminder {
	if !e.Status.Active() {
		return dst
	}
	end := addMonths(today, s.reminderMonths())
	due := func(d Date) bool { return !d.IsZero() && !end.Before(d) } // window or overdue
	inWindow := func(d Date) bool { return due(d) && !d.Before(today) }
	add := func(k ReminderKind, d Date, rule string, notes []string) {
		late := d.Before(today)
		if late {
			notes = append([]string{"Terlambat: jatuh tempo " + fmtDate(d) + " dan belum ditindaklanjuti."}, notes...)
		}
		dst = append(dst, Reminder{Kind: k, EmployeeID: e.ID, Date: d, Rule: rule, Notes: notes, Terlambat: late})
	}
	l := scanLatest(rs)
	bup := s.bup().BUP(e)
	pensiun := tmtPensiun(e.TanggalLahir, bup)

	if !e.Kind.IsPPPK() {
		if d := kgbDue(e, rs, l, s, nil); due(d) {
			var notes []string
			kgbDue(e, rs, l, s, &notes)
			add(RemKGB, d, "Kenaikan gaji berkala setiap "+itoa(s.kgbYears())+" tahun masa kerja golongan (PP 15/2019).", notes)
		}
		if d := kpDue(e, rs, l, today, s, nil); due(d) {
			var notes []string
			kpDue(e, rs, l, today, s, &notes)
			notes = append(notes, kpWarnings(e, rs, l, s)...)
			if kin != nil {
				notes = append(notes, kinerjaNote(d, kin))
			}
			add(RemKP, d, "Kenaikan pangkat reguler: paling singkat "+itoa(s.kpMinYears())+" tahun dalam pangkat, periode "+
				periodsText(s.kpMonths())+", tanpa hukuman disiplin sedang/berat yang berjalan (PP 99/2000).", notes)
		}
		if due(pensiun) {
			add(RemPensiun, pensiun, "Batas usia pensiun "+itoa(bup)+" tahun; TMT pensiun tanggal 1 bulan berikutnya setelah mencapai BUP.", nil)
		}
	} else if end, atBUP := contractEnd(e, pensiun); due(end) {
		rule := "Akhir perjanjian kerja PPPK."
		if atBUP {
			rule = "Perjanjian kerja PPPK berakhir saat mencapai batas usia pensiun " + itoa(bup) + " tahun."
		}
		add(RemKontrak, end, rule, nil)
	}

	t := s.hukdis()
	for i := range rs {
		h := rs[i].Hukdis
		if h == nil || rs[i].Kind != RwHukdis || h.MasaBulan <= 0 {
			continue
		}
		if hend := HukdisEnd(*h); inWindow(hend) {
			var notes []string
			if j, ok := t.lookupJenis(h.Jenis); ok && (j.DemotionMonths > 0 || j.Tingkat == HukdisBerat) {
				notes = []string{"Setelah hukuman selesai, catat pemulihan pangkat/jabatan di riwayat bila ada."}
			}
			add(RemHukdis, hend, "Hukuman disiplin \""+h.Jenis+"\" selama "+itoa(h.MasaBulan)+" bulan mulai "+fmtDate(h.Mulai)+
				" berakhir "+fmtDate(hend)+".", notes)
		}
	}

	if d, years := cutiBesarEligible(e, rs, s); inWindow(d) {
		add(RemCutiBesar, d, "Hak cuti besar setelah bekerja paling singkat "+itoa(years)+" tahun terus-menerus (PP 11/2017).", nil)
	}
	return dst
}

// contractEnd is ContractEndBUP with the TMT pensiun already computed.
func contractEnd(e Employee, pensiun Date) (Date, bool) {
	end := e.AkhirKontrak
	if !pensiun.IsZero() {
		if b := pensiun.AddDays(-1); end.IsZero() || b.Before(end) {
			return b, true
		}
	}
	return end, false
}

// cutiBesarEligible is the day the employee may take cuti besar: the
// service requirement of the CB type (CLTN not counted), and the interval
// after the last cuti besar. Zero when the jenis pegawai may not take it.
func cutiBesarEligible(e Employee, rs []Riwayat, s *CareerSettings) (Date, int) {
	r := s.cuti()
	var cb *CutiType
	for i := range r.Types {
		if r.Types[i].Code == CutiCB {
			cb = &r.Types[i]
		}
	}
	start := MasaKerjaStart(e)
	if cb == nil || start.IsZero() || !contains(cb.Kinds, e.Kind) {
		return Date{}, 0
	}
	d := addMonths(start, cb.MinServiceYears*12)
	if cl := cltnMonthsIn(rs, start, d); cl > 0 {
		d = addMonths(d, cl)
	}
	if r.CutiBesarEveryYears > 0 {
		for i := range rs {
			if c := rs[i].Cuti; c != nil && rs[i].Kind == RwCuti && c.Jenis == CutiCB && !c.Mulai.IsZero() {
				d = maxDate(d, addMonths(cutiEnd(c).AddDays(1), r.CutiBesarEveryYears*12))
			}
		}
	}
	return d, cb.MinServiceYears
}

// SortReminders orders reminders by date, then kind, then employee.
func SortReminders(rs []Reminder) {
	slices.SortFunc(rs, func(a, b Reminder) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		if c := cmp.Compare(reminderKindRank(a.Kind), reminderKindRank(b.Kind)); c != 0 {
			return c
		}
		return cmp.Compare(a.EmployeeID, b.EmployeeID)
	})
}

// CountReminders counts reminders per kind (Beranda), in ReminderKinds
// order; overdue ones are included.
func CountReminders(rs []Reminder) []Count {
	out := make([]Count, 0, 6)
	for _, k := range ReminderKinds() {
		n := 0
		for i := range rs {
			if rs[i].Kind == k {
				n++
			}
		}
		out = append(out, Count{Label: string(k), N: n})
	}
	return out
}

package demo

import (
	"fmt"
	"reflect"
	"strconv"
	"testing"
	"time"

	"asndesk/domain"
)

// demoKinerja is the performance cycle of GenerateOffice(n, 1) on today,
// with the atasan map derived from the profiles (as the store derives it).
func demoKinerja(n int, today domain.Date) (domain.KinerjaDemo, []domain.UnitNode, []domain.Employee) {
	_, units, emps, _ := GenerateOffice(n, 1)
	return GenerateKinerja(units, emps, atasanOf(emps), today), units, emps
}

func atasanOf(emps []domain.Employee) func(uint64) (uint64, uint64) {
	up := make(map[uint64]uint64, len(emps))
	for _, e := range emps {
		up[e.ID] = e.AtasanID
	}
	return func(id uint64) (uint64, uint64) { return up[id], up[up[id]] }
}

var kinerjaDays = []domain.Date{
	lateDate,                               // 23 November 2026: three triwulan behind
	refDate,                                // 1 January 2026: the year just started
	{Year: 2026, Month: time.May, Day: 20}, // the second triwulan running
}

// rowsOf builds the SKP rows as the store does (skpRowOf).
func rowsOf(k domain.KinerjaDemo) []domain.SKPRow {
	dialogs := map[uint64][]domain.Dialog{}
	for _, d := range k.Dialogs {
		dialogs[d.SKPID] = append(dialogs[d.SKPID], d)
	}
	evals := map[uint64][]domain.Evaluasi{}
	for _, e := range k.Evals {
		evals[e.SKPID] = append(evals[e.SKPID], e)
	}
	var out []domain.SKPRow
	for _, s := range k.SKPs {
		r := domain.SKPRow{SKPID: s.ID, EmployeeID: s.EmployeeID, Year: s.Year, Start: s.Start, End: s.End, Status: s.Status,
			PenilaiID: s.Penilai.EmployeeID, AtasanPenilaiID: s.AtasanPenilai.EmployeeID, UnitID: s.Pegawai.UnitID, RHKCount: len(s.RHK)}
		for _, e := range evals[s.ID] {
			switch {
			case !e.Final:
			case e.Kind == domain.EvalTahunan:
				r.Predikat = e.Predikat
			default:
				if r.Periodik == nil {
					r.Periodik = map[int]domain.Predikat{}
				}
				r.Periodik[e.Period] = e.Predikat
			}
		}
		var last *domain.Dialog
		for i := range dialogs[s.ID] {
			d := &dialogs[s.ID][i]
			if last == nil || last.Date.Before(d.Date) || last.Date == d.Date && last.ID < d.ID {
				last = d
			}
		}
		if last != nil {
			r.LastDialog, r.NextDialog = last.Date, last.NextDate
		}
		out = append(out, r)
	}
	return out
}

func TestGenerateKinerjaDeterministic(t *testing.T) {
	t.Parallel()
	a, _, _ := demoKinerja(60, lateDate)
	b, _, _ := demoKinerja(60, lateDate)
	if !reflect.DeepEqual(a, b) || fmt.Sprintf("%#v", a) != fmt.Sprintf("%#v", b) {
		t.Fatal("two calls with the same arguments differ")
	}
	c, _, _ := demoKinerja(60, refDate)
	if reflect.DeepEqual(a, c) {
		t.Fatal("another today gives the same data")
	}
}

// TestGenerateKinerjaValid: every record passes the rules the store's
// single writes use, ids are unique, nothing is dated after today.
func TestGenerateKinerjaValid(t *testing.T) {
	t.Parallel()
	for _, n := range []int{60, 300} {
		for _, today := range kinerjaDays {
			t.Run(fmt.Sprintf("n=%d/%s", n, today.ISO()), func(t *testing.T) {
				t.Parallel()
				k, _, emps := demoKinerja(n, today)
				checkKinerja(t, k, emps, today)
			})
		}
	}
	t.Run("empty and tiny offices", func(t *testing.T) {
		if k := GenerateKinerja(nil, nil, nil, lateDate); len(k.SKPs) != 0 {
			t.Errorf("no employees: %d SKPs", len(k.SKPs))
		}
		for _, n := range []int{1, 3, 10} {
			k, _, emps := demoKinerja(n, lateDate)
			checkKinerja(t, k, emps, lateDate)
		}
		_, units, emps, _ := GenerateOffice(20, 1)
		k := GenerateKinerja(units, emps, nil, lateDate) // no atasan map: nobody has a penilai
		checkKinerja(t, k, emps, lateDate)
		if len(k.SKPs) == 0 || len(k.Feedback) != 0 {
			t.Errorf("without penilai: %d SKPs, %d feedback", len(k.SKPs), len(k.Feedback))
		}
	})
}

func checkKinerja(t *testing.T, k domain.KinerjaDemo, emps []domain.Employee, today domain.Date) {
	t.Helper()
	f := domain.DefaultSKPSettings().Frequency
	end := today.Time().Add(24 * time.Hour)
	future := func(what string, tm time.Time) {
		if tm.After(end) {
			t.Errorf("%s dated %v, after today %v", what, tm, today)
		}
	}
	emp := map[uint64]domain.Employee{}
	for _, e := range emps {
		emp[e.ID] = e
	}
	skps := map[uint64]domain.SKP{}
	perYear := map[[2]uint64]bool{}
	for i, s := range k.SKPs {
		if s.ID != uint64(i+1) {
			t.Fatalf("SKP %d has id %d", i+1, s.ID)
		}
		if err := domain.ValidateSKP(s); err != nil {
			t.Errorf("SKP #%d: %v", s.ID, err)
		}
		e, ok := emp[s.EmployeeID]
		if !ok || e.Status != domain.StatusAktif || s.Pegawai.EmployeeID != e.ID || s.Pegawai.Nama != e.FullName() {
			t.Errorf("SKP #%d of employee %d: %+v", s.ID, s.EmployeeID, s.Pegawai)
		}
		if s.Year != today.Year && s.Year != today.Year-1 {
			t.Errorf("SKP #%d of %d", s.ID, s.Year)
		}
		key := [2]uint64{s.EmployeeID, uint64(s.Year)}
		if perYear[key] {
			t.Errorf("employee %d has two SKPs in %d", s.EmployeeID, s.Year)
		}
		perYear[key] = true
		if s.Status == domain.SKPDikembalikan && s.ReturnNote == "" {
			t.Errorf("SKP #%d Dikembalikan without a note", s.ID)
		}
		if (s.Status == domain.SKPDisetujui) != !s.Approved.IsZero() || (s.Status == domain.SKPDraft) != s.Submitted.IsZero() ||
			!s.Approved.IsZero() && s.Approved.Before(s.Submitted) || !s.Submitted.IsZero() && s.Submitted.Before(s.Created) {
			t.Errorf("SKP #%d times: %v %v %v", s.ID, s.Created, s.Submitted, s.Approved)
		}
		for _, tm := range []time.Time{s.Created, s.Updated, s.Submitted, s.Approved} {
			future(fmt.Sprint("SKP #", s.ID), tm)
		}
		ids := map[uint64]bool{}
		for _, r := range s.RHK {
			for _, id := range append([]uint64{r.ID}, indIDs(r)...) {
				if id == 0 || ids[id] || id > s.NextRHKID {
					t.Errorf("SKP #%d: RHK/indicator id %d twice, zero or past NextRHKID %d", s.ID, id, s.NextRHKID)
				}
				ids[id] = true
			}
			if r.IntervensiSKPID != 0 {
				pen := skps[r.IntervensiSKPID]
				if pen.ID == 0 {
					pen = k.SKPs[r.IntervensiSKPID-1]
				}
				x, ok := pen.RHKByID(r.IntervensiRHKID)
				if !ok || pen.EmployeeID != s.Penilai.EmployeeID || pen.Year != s.Year || x.Text != r.Intervensi {
					t.Errorf("SKP #%d RHK %d intervenes SKP #%d RHK %d: not the penilai's RHK of the year", s.ID, r.ID, r.IntervensiSKPID, r.IntervensiRHKID)
				}
			}
		}
		skps[s.ID] = s
	}
	items := map[uint64]string{}
	item := func(id uint64, what string) {
		if id == 0 || items[id] != "" {
			t.Errorf("%s id %d: zero or used by %s", what, id, items[id])
		}
		items[id] = what
	}
	approved := func(id uint64, what string) domain.SKP {
		s, ok := skps[id]
		if !ok {
			t.Fatalf("%s of unknown SKP #%d", what, id)
		}
		if s.Status != domain.SKPDisetujui {
			t.Errorf("%s on SKP #%d which is %s", what, id, s.Status)
		}
		return s
	}
	bukti := map[uint64]bool{}
	for _, w := range k.Work {
		item(w.ID, "realisasi")
		s := approved(w.SKPID, "realisasi")
		if err := domain.ValidateWork(s, w, f); err != nil {
			t.Errorf("work #%d: %v", w.ID, err)
		}
		future("realisasi", w.Updated)
		if s.Year == today.Year && w.Period > domain.PeriodOf(f, today) {
			t.Errorf("work #%d for triwulan %d, today is in %d", w.ID, w.Period, domain.PeriodOf(f, today))
		}
		for _, b := range w.Bukti {
			if b.Kind != domain.BuktiReferensi || b.Ref == "" || b.Name == "" || len(b.Contents) != 0 || b.SHA256 != "" || bukti[b.ID] || b.ID == 0 {
				t.Errorf("bukti %+v: want a reference with its own id, never a file", b)
			}
			bukti[b.ID] = true
			future("bukti", b.Added)
		}
	}
	fb := map[uint64]domain.Feedback{}
	for _, x := range k.Feedback {
		item(x.ID, "umpan balik")
		s := approved(x.SKPID, "umpan balik")
		if err := domain.ValidateFeedback(s, x); err != nil {
			t.Errorf("feedback #%d: %v", x.ID, err)
		}
		if x.ByPegawai != (x.AuthorID == s.EmployeeID) || !x.ByPegawai && x.AuthorID != s.Penilai.EmployeeID {
			t.Errorf("feedback #%d by %d on SKP of %d rated by %d", x.ID, x.AuthorID, s.EmployeeID, s.Penilai.EmployeeID)
		}
		if x.ReplyTo != 0 && fb[x.ReplyTo].SKPID != x.SKPID {
			t.Errorf("feedback #%d replies to #%d of another SKP", x.ID, x.ReplyTo)
		}
		future("umpan balik", x.Time)
		fb[x.ID] = x
	}
	for _, d := range k.Dialogs {
		item(d.ID, "dialog")
		s := skps[d.SKPID]
		if err := domain.ValidateDialog(s, d); err != nil {
			t.Errorf("dialog #%d: %v", d.ID, err)
		}
		if s.Penilai.EmployeeID == 0 {
			t.Errorf("dialog #%d on an SKP without penilai", d.ID)
		}
		if today.Before(d.Date) || d.Date.Before(s.Start) || d.Date.Year != s.Year {
			t.Errorf("dialog #%d on %v (SKP of %d from %v, today %v)", d.ID, d.Date, s.Year, s.Start, today)
		}
		future("dialog", d.Updated)
		seen, texts := map[uint64]bool{}, map[string]bool{}
		for _, x := range d.Kesepakatan {
			if x.ID == 0 || seen[x.ID] || texts[x.Text] || x.Carried > 0 && x.CarriedFrom == 0 {
				t.Errorf("dialog #%d kesepakatan %+v: id or text twice", d.ID, x)
			}
			seen[x.ID], texts[x.Text] = true, true
		}
	}
	evalSeen := map[string]bool{}
	set := domain.DefaultSKPSettings()
	for _, e := range k.Evals {
		item(e.ID, "evaluasi")
		s := approved(e.SKPID, "evaluasi")
		open := e
		open.Final = false
		if err := domain.ValidateEvaluasi(s, open, f); err != nil {
			t.Errorf("evaluasi #%d: %v", e.ID, err)
		}
		if e.Predikat != domain.PredikatKinerja(e.RatingHasil, e.RatingPerilaku) || e.Predikat == "" {
			t.Errorf("evaluasi #%d predikat %q from %s/%s", e.ID, e.Predikat, e.RatingHasil, e.RatingPerilaku)
		}
		if e.Final {
			again := e
			again.Final, again.AK = false, domain.AngkaKredit{}
			if err := domain.FinalizeEvaluasi(&again, s, e.Snapshot.Penilai, e.Snapshot.Pegawai, e.FinalBy, e.FinalAt, set); err != nil ||
				again.AK != e.AK || again.Predikat != e.Predikat {
				t.Errorf("evaluasi #%d does not finalise to itself: %v %+v", e.ID, err, again.AK)
			}
			future("evaluasi", e.FinalAt)
		}
		_, to := domain.PeriodRange(s.Year, f, e.Period)
		if e.Kind == domain.EvalPeriodik && !to.Before(today) {
			t.Errorf("evaluasi #%d of triwulan %d %d, not finished on %v", e.ID, e.Period, s.Year, today)
		}
		key := fmt.Sprint(e.SKPID, "/", e.Kind, "/", e.Period)
		if evalSeen[key] {
			t.Errorf("two evaluations %s", key)
		}
		evalSeen[key] = true
	}
	for _, r := range k.Revisions {
		s := approved(r.SKPID, "revisi")
		if s.Revision != r.Revision+1 || r.SKP.ID != s.ID || r.Reason == "" || s.RevisionNote != r.Reason {
			t.Errorf("revision %+v of SKP #%d (revision %d)", r.Reason, s.ID, s.Revision)
		}
		if err := domain.ValidateSKP(r.SKP); err != nil {
			t.Errorf("earlier version of SKP #%d: %v", s.ID, err)
		}
		if reflect.DeepEqual(r.SKP.RHK, s.RHK) && reflect.DeepEqual(r.SKP.Lampiran, s.Lampiran) {
			t.Errorf("revision of SKP #%d changed nothing", s.ID)
		}
		future("revisi", r.Time)
	}
	units := map[[2]uint64]bool{}
	for _, o := range k.Org {
		if o.Predikat.Label() == "" || units[[2]uint64{o.UnitID, uint64(o.Year)}] {
			t.Errorf("org rating %+v", o)
		}
		units[[2]uint64{o.UnitID, uint64(o.Year)}] = true
		future("predikat organisasi", o.Time)
	}
}

func indIDs(r domain.RHK) []uint64 {
	var out []uint64
	for _, in := range r.Indikator {
		out = append(out, in.ID)
	}
	return out
}

func TestKinerjaIDsAcrossKinds(t *testing.T) {
	t.Parallel()
	k, _, _ := demoKinerja(300, lateDate)
	ids := map[uint64]bool{}
	for _, w := range k.Work {
		ids[w.ID] = true
	}
	for _, f := range k.Feedback {
		ids[f.ID] = true
	}
	for _, e := range k.Evals {
		ids[e.ID] = true
	}
	for _, d := range k.Dialogs {
		ids[d.ID] = true
	}
	for _, d := range k.Dialogs {
		for _, x := range d.Kesepakatan {
			if ids[x.ID] {
				t.Fatalf("kesepakatan %d shares its id with another item", x.ID)
			}
		}
	}
}

// TestGenerateKinerjaContent: the demo shows what the screens are about.
func TestGenerateKinerjaContent(t *testing.T) {
	t.Parallel()
	today := lateDate
	k, nodes, emps := demoKinerja(60, today)
	last, cur := today.Year-1, today.Year
	f := domain.DefaultSKPSettings().Frequency
	status := map[domain.SKPStatus]int{}
	perSKP := map[uint64][]domain.Evaluasi{}
	for _, e := range k.Evals {
		perSKP[e.SKPID] = append(perSKP[e.SKPID], e)
	}
	kual, linked, typed, tambahan, jfAK := 0, 0, 0, 0, 0
	for _, s := range k.SKPs {
		if s.Pendekatan == domain.Kualitatif {
			kual++
		}
		for _, r := range s.RHK {
			switch {
			case r.IntervensiSKPID != 0:
				linked++
			case r.Intervensi != "":
				typed++
			}
			if r.Kategori == domain.RHKTambahan && r.PenugasanDari != "" {
				tambahan++
			}
		}
		if s.Year == cur {
			status[s.Status]++
			continue
		}
		if s.Status != domain.SKPDisetujui {
			t.Errorf("last year's SKP #%d is %s", s.ID, s.Status)
		}
		finals, annual := 0, false
		for _, e := range perSKP[s.ID] {
			if !e.Final {
				t.Errorf("last year's evaluasi #%d is not final", e.ID)
			}
			if e.Kind == domain.EvalTahunan {
				annual = true
			} else {
				finals++
			}
			if !e.AK.IsZero() {
				jfAK++
			}
		}
		want := 0
		for p := 1; p <= f.Periods(); p++ {
			if _, to := domain.PeriodRange(last, f, p); !to.Before(s.Start) {
				want++
			}
		}
		if !annual || finals != want {
			t.Errorf("last year's SKP #%d: %d periodic of %d, annual %v", s.ID, finals, want, annual)
		}
	}
	for _, st := range domain.SKPStatuses() {
		if status[st] == 0 {
			t.Errorf("no current SKP is %s: %v", st, status)
		}
	}
	if kual == 0 || linked == 0 || typed == 0 || tambahan == 0 || jfAK == 0 || len(k.Revisions) != 2 {
		t.Errorf("kualitatif %d, linked RHK %d, typed %d, tambahan %d, JF evaluations with AK %d, revisions %d",
			kual, linked, typed, tambahan, jfAK, len(k.Revisions))
	}

	carried2, belum, tidak := false, 0, 0
	for _, d := range k.Dialogs {
		for _, x := range d.Kesepakatan {
			carried2 = carried2 || x.Carried >= 2 && x.CarriedFrom != 0 && x.CarriedFrom != d.ID
			switch x.Status {
			case domain.KesepakatanBelum:
				belum++
			case domain.KesepakatanTidakTercapai:
				tidak++
			}
		}
	}
	if !carried2 || belum == 0 || tidak == 0 {
		t.Errorf("kesepakatan: carried twice %v, belum %d, tidak tercapai %d", carried2, belum, tidak)
	}
	kinds := map[domain.DialogKind]bool{}
	for _, d := range k.Dialogs {
		kinds[d.Kind] = true
	}
	for _, kd := range []domain.DialogKind{domain.DialogKlarifikasi, domain.DialogUmpanBalik, domain.DialogKonseling, domain.DialogEvaluasi} {
		if !kinds[kd] {
			t.Errorf("no %s dialog", kd.Label())
		}
	}
	replies, values := 0, 0
	for _, x := range k.Feedback {
		if x.ReplyTo != 0 {
			replies++
		}
		if x.Target.Value != 0 {
			values++
		}
	}
	if replies == 0 || values == 0 {
		t.Errorf("feedback: %d replies, %d on core values", replies, values)
	}

	// Monitoring: who has no SKP, overdue dialogs, the distribution against
	// the pattern (met in some units, not in the one the demo breaks).
	rows := make([]domain.Row, len(emps))
	for i, e := range emps {
		rows[i] = domain.RowOf(e)
	}
	us := make([]domain.Unit, len(nodes))
	for i, n := range nodes {
		us[i] = n.Unit
	}
	srows := rowsOf(k)
	m := domain.Monitor(rows, us, srows, k.Org, cur, domain.PeriodOf(f, today)-1, today)
	if m.Total.NoSKP == 0 || m.Total.Overdue == 0 || m.Total.Evaluated == 0 || m.Total.Disetujui == 0 {
		t.Errorf("current monitoring: %+v", m.Total)
	}
	y := domain.Monitor(rows, us, srows, k.Org, last, 0, today)
	met, notMet := 0, 0
	for _, u := range y.Units {
		if u.Org == "" || len(u.Checks) == 0 {
			continue
		}
		all := true
		for _, c := range u.Checks {
			all = all && c.Met
		}
		if all {
			met++
		} else {
			notMet++
		}
	}
	if met == 0 || notMet == 0 || y.Total.Overdue != 0 {
		t.Errorf("last year: %d units meeting the pattern, %d not; %d overdue", met, notMet, y.Total.Overdue)
	}
	// Unit heads: rating hasil kerja of the annual evaluation is the unit's (K5).
	org := map[uint64]domain.OrgPredikat{}
	for _, o := range k.Org {
		if o.Year == last {
			org[o.UnitID] = o.Predikat
		}
	}
	heads := 0
	for _, n := range nodes {
		for _, e := range k.Evals {
			s := k.SKPs[e.SKPID-1]
			if s.EmployeeID == n.HeadID && s.Year == last && e.Kind == domain.EvalTahunan && org[n.ID] != "" {
				heads++
				if want := domain.HeadRating(domain.DefaultSKPSettings(), org[n.ID]); e.RatingHasil != want {
					t.Errorf("head of %s: hasil %s, unit %s → %s", n.Name, e.RatingHasil, org[n.ID], want)
				}
			}
		}
	}
	if heads == 0 {
		t.Error("no unit head rated")
	}
	// The annual predikat feeds the KP rule.
	hist := domain.KinerjaHistories(srows)
	if len(hist) == 0 {
		t.Fatal("no annual predikat")
	}
	for id, h := range hist {
		if p := h[last]; p == "" || len(h) != 1 {
			t.Errorf("employee %d history %v", id, h)
		}
	}
}

// On the first day of the year nothing of the new year has happened yet.
func TestGenerateKinerjaNewYear(t *testing.T) {
	t.Parallel()
	k, _, _ := demoKinerja(60, refDate)
	for _, w := range k.Work {
		if s := k.SKPs[w.SKPID-1]; s.Year == refDate.Year && w.Realisasi != "" {
			t.Errorf("realisasi on 1 January: %+v", w)
		}
	}
	for _, e := range k.Evals {
		if k.SKPs[e.SKPID-1].Year == refDate.Year {
			t.Errorf("evaluasi of the new year on 1 January: %+v", e)
		}
	}
	for _, o := range k.Org {
		if o.Year == refDate.Year {
			t.Errorf("unit predikat of the new year on 1 January: %+v", o)
		}
	}
	if len(k.Revisions) != 0 {
		t.Errorf("%d revisions on 1 January", len(k.Revisions))
	}
}

// Every template has a countable Kuantitas indicator (the rencana aksi
// targets come from it) and a realisasi with the number and the period.
func TestKinerjaTemplates(t *testing.T) {
	t.Parallel()
	all := append(append([]rhkT(nil), leaderRHK...), genericRHK...)
	for _, ts := range headRHK {
		all = append(all, ts...)
	}
	for _, ts := range staffRHK {
		all = append(all, ts...)
	}
	for _, x := range tambahanRHK {
		all = append(all, x.rhk)
	}
	for _, r := range all {
		found := false
		for _, in := range r.ind {
			if in.aspek == domain.AspekKuantitas && in.satuan != "%" {
				if _, err := strconv.Atoi(in.target); err == nil {
					found = true
				}
			}
			if err := domain.ValidateIndikator(domain.Kuantitatif, domain.Indikator{Aspek: in.aspek, IKI: in.iki, Target: in.target, Satuan: in.satuan}); err != nil {
				t.Errorf("%s: %v", r.text, err)
			}
		}
		if !found || r.aksi == "" || fmt.Sprintf(r.real, 3, "Triwulan I") == r.real {
			t.Errorf("template %q: countable indicator %v, aksi %q, real %q", r.text, found, r.aksi, r.real)
		}
	}
	// every staff jabatan of the demo office has its own RHK
	for _, jobs := range staffJobs {
		for _, j := range jobs {
			if _, ok := staffRHK[j.name]; !ok {
				t.Errorf("no RHK for %s", j.name)
			}
		}
	}
	for _, j := range paruhWaktuJobs {
		if _, ok := staffRHK[j.name]; !ok {
			t.Errorf("no RHK for %s", j.name)
		}
	}
}

func BenchmarkGenerateKinerja(b *testing.B) {
	for _, n := range []int{300, 10000} {
		_, units, emps, _ := GenerateOffice(n, 1)
		up := atasanOf(emps)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				GenerateKinerja(units, emps, up, lateDate)
			}
		})
	}
}

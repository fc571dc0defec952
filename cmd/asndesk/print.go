package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"asndesk/domain"
	"asndesk/domain/doc"
	"asndesk/store"
)

// clock is the headless commands' today (signature dates, ages, reminders,
// the default year); tests pin it.
var clock = time.Now

const printHelp = `Pemakaian: asndesk print JENIS --out BERKAS [--db BERKAS] [pilihan]
Mencetak ke PDF dengan kop surat kantor (menu Impor & ekspor → Kop surat & kertas cetak).
Berkas yang sudah ada tidak ditimpa: hasilnya ditulis sebagai "nama (2).pdf".

JENIS:
  skp          Sasaran Kinerja Pegawai (--nip, --tahun); tanpa --nip: semua SKP
               unit (--unit) atau kantor dalam satu PDF
  evaluasi     evaluasi kinerja (--periode N; tanpa --periode: tahunan); seperti skp
  dialog       catatan dialog kinerja; seperti skp
  drh          daftar riwayat hidup lengkap (--nip; tanpa --nip: semua pegawai aktif
               unit atau kantor); --lengkap=false sama dengan drh-singkat
  drh-singkat  biodata singkat
  duk          daftar urut kepangkatan (--unit menyaring)
  nominatif    daftar nominatif (--unit, --kolom)
  pengingat    daftar pengingat kepegawaian (--unit menyaring)
  merit        laporan penilaian mandiri sistem merit (--merit ID, atau yang
               terbaru untuk --tahun/--unit)

Pilihan:
  --out BERKAS     berkas PDF tujuan (wajib)
  --db BERKAS      berkas data
  --nip NIP        NIP / NI PPPK pegawai (boleh dengan spasi)
  --unit NAMA      nama unit kerja, persis seperti di Struktur organisasi
  --tahun N        tahun SKP atau penilaian merit (bawaan: tahun ini)
  --periode N      periode evaluasi periodik (triwulan 1–4 atau bulan 1–12); 0 = tahunan
  --kolom a,b,c    kolom nominatif (bawaan nip,nama,golongan,jabatan,unit); pilihan:
                   %s
  --lengkap=false  drh: cetak biodata singkat
  --merit ID       nomor penilaian merit
`

// docFlags are the filters print and export share.
type docFlags struct {
	db, out, nip, unit, kolom, format string
	tahun, periode                    int
	merit                             uint64
	lengkap                           bool
}

func (f *docFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.db, "db", "", "")
	fs.StringVar(&f.out, "out", "", "")
	fs.StringVar(&f.nip, "nip", "", "")
	fs.StringVar(&f.unit, "unit", "", "")
	fs.StringVar(&f.kolom, "kolom", "", "")
	fs.IntVar(&f.tahun, "tahun", 0, "")
	fs.IntVar(&f.periode, "periode", 0, "")
	fs.Uint64Var(&f.merit, "merit", 0, "")
	fs.BoolVar(&f.lengkap, "lengkap", true, "")
}

// parseKindArgs reads "KIND [flags]" (flags may also come before KIND).
func parseKindArgs(fs *flag.FlagSet, f *docFlags, args []string) (string, error) {
	var kind string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		kind, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return "", err
		}
		return "", usageError{"pilihan tidak dikenal: " + strings.Join(args, " ")}
	}
	rest := fs.Args()
	if kind == "" && len(rest) > 0 {
		kind, rest = rest[0], rest[1:]
		// Flags after a late KIND are parsed too.
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return "", err
			}
			return "", usageError{"pilihan tidak dikenal: " + strings.Join(rest, " ")}
		}
		rest = fs.Args()
	}
	if len(rest) > 0 {
		return "", usageError{"argumen tidak dikenal: " + strings.Join(rest, " ")}
	}
	if f.tahun != 0 && (f.tahun < 1900 || f.tahun > 9999) {
		return "", usageError{"--tahun harus tahun empat angka"}
	}
	if f.periode < 0 || f.periode > 12 {
		return "", usageError{"--periode harus antara 0 dan 12"}
	}
	return strings.ToLower(strings.TrimSpace(kind)), nil
}

func printKinds() string {
	var ks []string
	for _, k := range doc.Kinds() {
		ks = append(ks, string(k))
	}
	return strings.Join(ks, ", ")
}

func nominatifKeys() string {
	var ks []string
	for _, c := range doc.NominatifColumns() {
		ks = append(ks, c.Key)
	}
	return strings.Join(ks, ",")
}

// cmdPrint is `asndesk print KIND … --out FILE`.
func cmdPrint(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	help := fmt.Sprintf(printHelp, nominatifKeys())
	fs := newFlags("print", help, stderr)
	var f docFlags
	f.register(fs)
	kind, err := parseKindArgs(fs, &f, args)
	if err != nil {
		return err
	}
	if kind == "" {
		return usageError{"sebutkan jenis dokumen: asndesk print JENIS --out BERKAS (JENIS: " + printKinds() + ")"}
	}
	k := doc.Kind(kind)
	known := false
	for _, x := range doc.Kinds() {
		known = known || x == k
	}
	if !known {
		return usageError{"jenis dokumen tidak dikenal: " + kind + " (pilih: " + printKinds() + ")"}
	}
	if strings.TrimSpace(f.out) == "" {
		return usageError{"sebutkan berkas tujuan: --out BERKAS.pdf"}
	}
	env, err := openDocEnv(ctx, f.db, "asndesk print")
	if err != nil {
		return err
	}
	defer env.st.Close()
	docs, err := env.printDocs(k, &f)
	if err != nil {
		return err
	}
	kop, err := env.kop()
	if err != nil {
		return err
	}
	path, pages, err := writePDF(ctx, f.out, kop, docs, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Tersimpan: %s (%d dokumen, %d halaman)\n", path, len(docs), pages)
	return nil
}

// docEnv is the office as the headless commands read it: the system actor
// on a read-only store, the units by id and today.
type docEnv struct {
	st       *store.Store
	ctx      context.Context
	office   domain.Office
	units    []domain.Unit
	unitName map[uint64]string
	today    domain.Date
	freq     domain.Frequency  // the office's evaluation cycle: period names
	emps     []domain.Employee // loaded on first use
	riwayat  map[uint64][]domain.Riwayat
	kopSaved doc.Kop
	kopRead  bool
}

func openDocEnv(ctx context.Context, db, who string) (*docEnv, error) {
	st, err := openDB(db, true)
	if err != nil {
		return nil, err
	}
	env := &docEnv{st: st, ctx: domain.WithActor(ctx, domain.SystemActor(who)), today: domain.DateOf(clock())}
	o, ok, err := st.Office(env.ctx)
	if err == nil && !ok {
		err = domain.Errorf(domain.ENOTFOUND, "Berkas data belum berisi kantor.")
	}
	if err == nil {
		env.units, err = st.Units(env.ctx)
	}
	if err == nil {
		var set domain.SKPSettings
		set, err = st.SKPSettings(env.ctx)
		env.freq = set.Frequency
	}
	if err != nil {
		st.Close()
		return nil, err
	}
	env.office = o
	env.unitName = make(map[uint64]string, len(env.units))
	for _, u := range env.units {
		env.unitName[u.ID] = u.Name
	}
	return env, nil
}

func (e *docEnv) opts(filter string) doc.Opts {
	return doc.Opts{Office: e.office, Today: e.today, UnitName: func(id uint64) string { return e.unitName[id] }, Filter: filter,
		Frequency: e.freq}
}

// printOpts adds the kop's place for the signature date line.
func (e *docEnv) printOpts(filter string) (doc.Opts, error) {
	o := e.opts(filter)
	k, err := e.kop()
	if err != nil {
		return o, err
	}
	o.Place = k.Place
	return o, nil
}

// kop reads the saved kop surat once per command.
func (e *docEnv) kop() (doc.Kop, error) {
	if e.kopRead {
		return e.kopSaved, nil
	}
	k, err := e.st.Kop(e.ctx)
	if err != nil {
		return k, err
	}
	e.kopSaved, e.kopRead = k, true
	return k, nil
}

func (e *docEnv) year(f *docFlags) int {
	if f.tahun != 0 {
		return f.tahun
	}
	return e.today.Year
}

// unitID resolves --unit; 0 with no --unit.
func (e *docEnv) unitID(name string) (uint64, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return 0, nil
	}
	for _, u := range e.units {
		if strings.EqualFold(strings.TrimSpace(u.Name), name) {
			return u.ID, nil
		}
	}
	names := make([]string, 0, len(e.units))
	for _, u := range e.units {
		names = append(names, u.Name)
	}
	sort.Strings(names)
	return 0, domain.Errorf(domain.ENOTFOUND, "Unit kerja \""+name+"\" tidak ditemukan. Unit yang ada: "+strings.Join(names, "; ")+".")
}

func unitFilterText(name string) string {
	if strings.TrimSpace(name) == "" {
		return ""
	}
	return "Unit kerja: " + strings.TrimSpace(name)
}

func (e *docEnv) employees() ([]domain.Employee, error) {
	if e.emps != nil {
		return e.emps, nil
	}
	emps, err := e.st.AllEmployees(e.ctx)
	if err != nil {
		return nil, err
	}
	e.emps = emps
	return emps, nil
}

func (e *docEnv) allRiwayat() (map[uint64][]domain.Riwayat, error) {
	if e.riwayat != nil {
		return e.riwayat, nil
	}
	rw, err := e.st.AllRiwayatByEmployee(e.ctx)
	if err != nil {
		return nil, err
	}
	e.riwayat = rw
	return rw, nil
}

// byNIP finds the employee with that NIP / NI PPPK (spaces and dots allowed).
func (e *docEnv) byNIP(nip string) (domain.Employee, error) {
	d := domain.Digits(nip)
	if d == "" || strings.IndexFunc(d, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return domain.Employee{}, domain.Errorf(domain.EINVALID, "NIP \""+strings.TrimSpace(nip)+"\" hanya boleh berisi angka.")
	}
	emps, err := e.employees()
	if err != nil {
		return domain.Employee{}, err
	}
	for _, x := range emps {
		if x.NIP == d {
			return x, nil
		}
	}
	return domain.Employee{}, domain.Errorf(domain.ENOTFOUND, "Pegawai dengan NIP "+strings.TrimSpace(nip)+" tidak ditemukan.")
}

// skpFiles loads the SKPs of the year for --nip, else for --unit, else
// for the whole office, ordered by unit name then pegawai name so a batch
// reads like the office's folder.
func (e *docEnv) skpFiles(f *docFlags) ([]domain.SKPFile, error) {
	year := e.year(f)
	rows, err := e.st.SKPRows(e.ctx, year)
	if err != nil {
		return nil, err
	}
	var empID uint64
	if f.nip != "" {
		emp, err := e.byNIP(f.nip)
		if err != nil {
			return nil, err
		}
		empID = emp.ID
	}
	unit, err := e.unitID(f.unit)
	if err != nil {
		return nil, err
	}
	var keep []domain.SKPRow
	for _, r := range rows {
		if (empID == 0 || r.EmployeeID == empID) && (unit == 0 || r.UnitID == unit) {
			keep = append(keep, r)
		}
	}
	sort.SliceStable(keep, func(i, j int) bool {
		a, b := keep[i], keep[j]
		if ua, ub := e.unitName[a.UnitID], e.unitName[b.UnitID]; ua != ub {
			return ua < ub
		}
		if a.PegawaiNama != b.PegawaiNama {
			return a.PegawaiNama < b.PegawaiNama
		}
		return a.Start.Before(b.Start)
	})
	if len(keep) == 0 {
		who := "kantor"
		switch {
		case f.nip != "":
			who = "pegawai dengan NIP " + strings.TrimSpace(f.nip)
		case f.unit != "":
			who = "unit " + strings.TrimSpace(f.unit)
		}
		return nil, domain.Errorf(domain.ENOTFOUND, "Belum ada SKP tahun "+strconv.Itoa(year)+" untuk "+who+".")
	}
	files := make([]domain.SKPFile, 0, len(keep))
	for _, r := range keep {
		if err := e.ctx.Err(); err != nil {
			return nil, errCancelled
		}
		sf, err := e.st.SKPFile(e.ctx, r.SKPID)
		if err != nil {
			return nil, err
		}
		files = append(files, sf)
	}
	return files, nil
}

// findEval is the evaluation of period (0: tahunan) of an SKP.
func findEval(f domain.SKPFile, period int) (domain.Evaluasi, bool) {
	for _, ev := range f.Evals {
		if period == 0 && ev.Kind == domain.EvalTahunan || period > 0 && ev.Kind == domain.EvalPeriodik && ev.Period == period {
			return ev, true
		}
	}
	return domain.Evaluasi{}, false
}

func periodText(period int) string {
	if period == 0 {
		return "tahunan"
	}
	return "periode " + strconv.Itoa(period)
}

// activeOf returns the active employees, of one unit when unit != 0.
func activeOf(emps []domain.Employee, unit uint64) []domain.Employee {
	var out []domain.Employee
	for _, x := range emps {
		if x.Status.Active() && (unit == 0 || x.UnitID == unit) {
			out = append(out, x)
		}
	}
	return out
}

func (e *docEnv) printDocs(k doc.Kind, f *docFlags) ([]doc.Document, error) {
	switch k {
	case doc.KindSKP, doc.KindEvaluasi, doc.KindDialog:
		return e.skpDocs(k, f)
	case doc.KindDRH, doc.KindDRHSingkat:
		return e.drhDocs(k == doc.KindDRH && f.lengkap, f)
	case doc.KindDUK:
		rows, err := e.dukRows(f.unit)
		if err != nil {
			return nil, err
		}
		o, err := e.printOpts(unitFilterText(f.unit))
		if err != nil {
			return nil, err
		}
		return []doc.Document{doc.DUK(rows, o)}, nil
	case doc.KindNominatif:
		cols, err := nominatifCols(f.kolom)
		if err != nil {
			return nil, err
		}
		emps, err := e.nominatifEmps(f.unit)
		if err != nil {
			return nil, err
		}
		o, err := e.printOpts(unitFilterText(f.unit))
		if err != nil {
			return nil, err
		}
		return []doc.Document{doc.Nominatif(cols, emps, o)}, nil
	case doc.KindPengingat:
		rs, name, err := e.reminders(f.unit)
		if err != nil {
			return nil, err
		}
		o, err := e.printOpts(unitFilterText(f.unit))
		if err != nil {
			return nil, err
		}
		return []doc.Document{doc.Pengingat(rs, name, o)}, nil
	case doc.KindMerit:
		a, in, err := e.meritAssessment(f)
		if err != nil {
			return nil, err
		}
		o, err := e.printOpts("")
		if err != nil {
			return nil, err
		}
		return []doc.Document{doc.Merit(a, in, meritResult(in, a), o)}, nil
	}
	return nil, usageError{"jenis dokumen tidak dikenal: " + string(k)}
}

func (e *docEnv) skpDocs(k doc.Kind, f *docFlags) ([]doc.Document, error) {
	files, err := e.skpFiles(f)
	if err != nil {
		return nil, err
	}
	o, err := e.printOpts("")
	if err != nil {
		return nil, err
	}
	var org map[uint64]domain.OrgRating
	if k == doc.KindEvaluasi {
		list, err := e.st.OrgRatings(e.ctx, e.year(f))
		if err != nil {
			return nil, err
		}
		org = make(map[uint64]domain.OrgRating, len(list))
		for _, r := range list {
			org[r.UnitID] = r
		}
	}
	var docs []doc.Document
	for _, sf := range files {
		switch k {
		case doc.KindSKP:
			docs = append(docs, doc.SKP(sf, o))
		case doc.KindEvaluasi:
			ev, ok := findEval(sf, f.periode)
			if !ok {
				continue // a batch prints those that have the evaluation
			}
			var op *domain.OrgRating
			if r, ok := org[sf.SKP.Pegawai.UnitID]; ok {
				op = &r
			}
			d, err := doc.Evaluasi(sf, ev.ID, op, o)
			if err != nil {
				return nil, err
			}
			docs = append(docs, d)
		case doc.KindDialog:
			if len(sf.Dialogs) == 0 {
				continue
			}
			d, err := doc.Dialogs(sf, 0, o)
			if err != nil {
				return nil, err
			}
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		what := "dialog kinerja"
		if k == doc.KindEvaluasi {
			what = "evaluasi " + periodText(f.periode)
		}
		return nil, domain.Errorf(domain.ENOTFOUND, "Belum ada "+what+" pada SKP yang dipilih ("+strconv.Itoa(len(files))+" SKP tahun "+strconv.Itoa(e.year(f))+").")
	}
	return docs, nil
}

func (e *docEnv) drhDocs(lengkap bool, f *docFlags) ([]doc.Document, error) {
	var emps []domain.Employee
	if f.nip != "" {
		emp, err := e.byNIP(f.nip)
		if err != nil {
			return nil, err
		}
		emps = []domain.Employee{emp}
	} else {
		unit, err := e.unitID(f.unit)
		if err != nil {
			return nil, err
		}
		all, err := e.employees()
		if err != nil {
			return nil, err
		}
		emps = activeOf(all, unit)
		sort.SliceStable(emps, func(i, j int) bool { return emps[i].Nama < emps[j].Nama })
	}
	if len(emps) == 0 {
		return nil, domain.Errorf(domain.ENOTFOUND, "Tidak ada pegawai aktif di unit "+strings.TrimSpace(f.unit)+".")
	}
	rw, err := e.allRiwayat()
	if err != nil {
		return nil, err
	}
	o, err := e.printOpts("")
	if err != nil {
		return nil, err
	}
	docs := make([]doc.Document, 0, len(emps))
	for _, x := range emps {
		docs = append(docs, doc.DRH(x, rw[x.ID], lengkap, o))
	}
	return docs, nil
}

// dukRows builds and sorts the DUK as the DUK screen does (domain.BuildDUKRow
// decides who is on it), optionally for one unit.
func (e *docEnv) dukRows(unitName string) ([]domain.DUKRow, error) {
	unit, err := e.unitID(unitName)
	if err != nil {
		return nil, err
	}
	emps, err := e.employees()
	if err != nil {
		return nil, err
	}
	rw, err := e.allRiwayat()
	if err != nil {
		return nil, err
	}
	rows := make([]domain.DUKRow, 0, len(emps))
	for _, x := range emps {
		if unit != 0 && x.UnitID != unit {
			continue
		}
		if r, ok := domain.BuildDUKRow(x, rw[x.ID], e.today); ok {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return nil, domain.Errorf(domain.ENOTFOUND, "Tidak ada PNS aktif untuk DUK.")
	}
	domain.SortDUK(rows)
	return rows, nil
}

// nominatifCols resolves --kolom against doc.NominatifColumns; empty gives
// the Nominatif screen's default columns.
func nominatifCols(list string) ([]doc.NominatifColumn, error) {
	all := doc.NominatifColumns()
	keys := []string{"nip", "nama", "golongan", "jabatan", "unit"}
	if strings.TrimSpace(list) != "" {
		keys = nil
		for _, k := range strings.Split(list, ",") {
			if k = strings.ToLower(strings.TrimSpace(k)); k != "" {
				keys = append(keys, k)
			}
		}
	}
	var out []doc.NominatifColumn
	for _, k := range keys {
		found := false
		for _, c := range all {
			if c.Key == k {
				out, found = append(out, c), true
				break
			}
		}
		if !found {
			return nil, usageError{"kolom nominatif tidak dikenal: " + k + " (pilih: " + nominatifKeys() + ")"}
		}
	}
	if len(out) == 0 {
		return nil, usageError{"--kolom kosong (pilih: " + nominatifKeys() + ")"}
	}
	return out, nil
}

// nominatifEmps are the active employees the Nominatif screen lists, in
// the stored order, filtered by unit.
func (e *docEnv) nominatifEmps(unitName string) ([]domain.Employee, error) {
	unit, err := e.unitID(unitName)
	if err != nil {
		return nil, err
	}
	all, err := e.employees()
	if err != nil {
		return nil, err
	}
	var fl domain.NominatifFilter
	if unit != 0 {
		fl.UnitIDs = []uint64{unit}
	}
	var out []domain.Employee
	for _, x := range all {
		if x.Status.Active() && fl.Match(x, e.today) {
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		return nil, domain.Errorf(domain.ENOTFOUND, "Tidak ada pegawai aktif yang cocok dengan saringan.")
	}
	return out, nil
}

// The two reminder kinds the Pengingat screen adds to the career rules
// (tui/reports.go remDialog, tui/merit_plan.go meritRemindersKind).
const (
	remDialogKind domain.ReminderKind = "Dialog kinerja berikutnya"
	remMeritKind  domain.ReminderKind = "Rencana perbaikan merit"
)

// reminders computes what the Pengingat screen lists (computeReminders):
// the career rules per employee with their kinerja history, this year's
// next dialog dates and the due merit improvement actions, by date. With a
// unit, only that unit's employees (merit actions of the whole instansi
// are left out then). name resolves the printed name and NIP; merit rows
// have no employee and are named after their assessment.
func (e *docEnv) reminders(unitName string) ([]domain.Reminder, func(uint64) (string, string), error) {
	unit, err := e.unitID(unitName)
	if err != nil {
		return nil, nil, err
	}
	emps, err := e.employees()
	if err != nil {
		return nil, nil, err
	}
	rw, err := e.allRiwayat()
	if err != nil {
		return nil, nil, err
	}
	set, err := e.st.Settings(e.ctx)
	if err != nil {
		return nil, nil, err
	}
	skps, err := e.st.SKPRows(e.ctx, 0)
	if err != nil {
		return nil, nil, err
	}
	kin := domain.KinerjaHistories(skps)
	byID := make(map[uint64]*domain.Employee, len(emps))
	for i := range emps {
		byID[emps[i].ID] = &emps[i]
	}
	inUnit := func(x *domain.Employee) bool { return unit == 0 || x.UnitID == unit }
	var out []domain.Reminder
	for i := range emps {
		if inUnit(&emps[i]) {
			out = domain.AppendRemindersWith(out, emps[i], rw[emps[i].ID], e.today, &set, kin[emps[i].ID])
		}
	}
	months := set.ReminderMonths
	if months <= 0 {
		months = 6
	}
	horizon := e.today.AddMonths(months)
	for _, s := range skps {
		x := byID[s.EmployeeID]
		if s.Year != e.today.Year || s.NextDialog.IsZero() || x == nil || !x.Status.Active() || !inUnit(x) || horizon.Before(s.NextDialog) {
			continue
		}
		r := domain.Reminder{Kind: remDialogKind, EmployeeID: s.EmployeeID, Date: s.NextDialog, Rule: "Disepakati di dialog " + s.LastDialog.String()}
		if s.NextDialog.Before(e.today) {
			r.Terlambat = true
			r.Rule = "Terlambat " + strconv.Itoa(s.NextDialog.DaysUntil(e.today)) + " hari; disepakati " + s.LastDialog.String()
		}
		out = append(out, r)
	}
	if unit == 0 {
		as, err := e.st.MeritAssessments(e.ctx)
		if err != nil {
			return nil, nil, err
		}
		for _, a := range as {
			for _, x := range a.Actions {
				if x.Status == domain.PlanSelesai || x.Due.IsZero() || horizon.Before(x.Due) {
					continue
				}
				r := domain.Reminder{Kind: remMeritKind, Date: x.Due,
					Rule: "Sistem merit " + strconv.Itoa(a.Year) + " · " + e.meritScope(a.UnitID) + " · Indikator " + x.Indicator + ": " + x.Text}
				if x.Owner != "" {
					r.Rule += " (" + x.Owner + ")"
				}
				if x.Due.Before(e.today) {
					r.Terlambat = true
					r.Rule = "Terlambat " + strconv.Itoa(x.Due.DaysUntil(e.today)) + " hari · " + r.Rule
				}
				out = append(out, r)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	name := func(id uint64) (string, string) {
		if x := byID[id]; x != nil {
			return x.FullName(), x.NIP
		}
		return "", ""
	}
	return out, name, nil
}

func (e *docEnv) meritScope(unitID uint64) string {
	if unitID == 0 {
		return "Instansi"
	}
	if n := e.unitName[unitID]; n != "" {
		return n
	}
	return "Unit #" + strconv.FormatUint(unitID, 10)
}

// meritAssessment is --merit ID, else the latest assessment of --tahun
// (any year without it) for --unit (the whole instansi without it).
func (e *docEnv) meritAssessment(f *docFlags) (domain.MeritAssessment, domain.Instrument, error) {
	var a domain.MeritAssessment
	if f.merit != 0 {
		var err error
		if a, err = e.st.MeritAssessment(e.ctx, f.merit); err != nil {
			return a, domain.Instrument{}, err
		}
	} else {
		unit, err := e.unitID(f.unit)
		if err != nil {
			return a, domain.Instrument{}, err
		}
		as, err := e.st.MeritAssessments(e.ctx)
		if err != nil {
			return a, domain.Instrument{}, err
		}
		found := false
		for _, x := range as {
			if x.UnitID != unit || f.tahun != 0 && x.Year != f.tahun {
				continue
			}
			if !found || x.Year > a.Year || x.Year == a.Year && x.ID > a.ID {
				a, found = x, true
			}
		}
		if !found {
			what := "Belum ada penilaian mandiri sistem merit"
			if f.tahun != 0 {
				what += " tahun " + strconv.Itoa(f.tahun)
			}
			return a, domain.Instrument{}, domain.Errorf(domain.ENOTFOUND, what+" untuk "+e.meritScope(unit)+".")
		}
	}
	in, err := e.st.Instrument(e.ctx, a.InstrumentID, a.InstrumentVersion)
	return a, in, err
}

// meritResult is the score the report shows: the verified one once any
// indicator is verified (unverified ones stand at their self level, as on
// the Hasil tab), else the self-assessment.
func meritResult(in domain.Instrument, a domain.MeritAssessment) domain.MeritResult {
	for _, ans := range a.Answers {
		if ans.VerifiedLevel > 0 {
			r := domain.Score(in, a, true)
			r.Complete = r.Complete && r.Verified == r.Indicators
			return r
		}
	}
	return domain.Score(in, a, false)
}

package tui

import (
	"context"
	"strconv"
	"strings"

	"asndesk/domain"
	"asndesk/domain/doc"

	tea "github.com/charmbracelet/bubbletea"
)

// What each screen prints (Ctrl+P) and exports (Ctrl+E). The screens keep
// only a key case and a footer entry; the jobs are built here from the
// data they already show, so the document has the rows on screen.

// docsKeys are the footer entries Ctrl+P Cetak and Ctrl+E Ekspor, shown
// only where printing is wired.
func docsKeys(c *Common, print, export bool) []KeyHelp {
	if c.Docs == nil {
		return nil
	}
	var out []KeyHelp
	if print {
		out = append(out, KeyHelp{"Ctrl+P", "Cetak"})
	}
	if export {
		out = append(out, KeyHelp{"Ctrl+E", "Ekspor"})
	}
	return out
}

// ---- Pegawai ----

// exportEmployees writes the profiles of the employees the list shows, in
// its order, with the column names the importer reads back.
func (s *employeeList) exportEmployees() tea.Cmd {
	ids := make([]uint64, 0, len(s.shown))
	for _, i := range s.shown {
		ids = append(ids, s.items[i].row.ID)
	}
	repo, today := s.c.Repo, s.c.today()
	// The list shows five columns; the file has the whole profile, under
	// the names the importer reads.
	note := "Pegawai yang tampil di daftar, dengan semua kolom profil pegawai (" +
		itoa(len(doc.EmployeeColumns())) + " kolom; dapat diimpor kembali)."
	return exportWith(s.c, s, note, func([]int) docsJob {
		return docsJob{file: "Daftar pegawai " + isoDate(today), sheets: func(ctx context.Context, o doc.Opts) ([]doc.Sheet, error) {
			all, err := repo.AllEmployees(ctx)
			if err != nil {
				return nil, err
			}
			byID := make(map[uint64]domain.Employee, len(all))
			for _, e := range all {
				byID[e.ID] = e
			}
			emps := make([]domain.Employee, 0, len(ids))
			for _, id := range ids {
				if e, ok := byID[id]; ok {
					emps = append(emps, e)
				}
			}
			rw, err := repo.AllRiwayatByEmployee(ctx)
			if err != nil {
				return nil, err
			}
			o.Riwayat = func(id uint64) []domain.Riwayat { return rw[id] }
			return []doc.Sheet{doc.EmployeesSheet(emps, o)}, nil
		}}
	})
}

// printEmployee offers the DRH lengkap and the biodata singkat of the
// profile on screen.
func (s *employeeDetail) printEmployee() tea.Cmd {
	if !s.loaded {
		return nil
	}
	e, rs, o := s.emp, s.riwayat, s.c.docOpts()
	return printDocs(s.c, s, "Dokumen", []string{"Daftar riwayat hidup (lengkap)", "Biodata singkat"}, 0, func(i int) docsJob {
		lengkap := i == 0
		return docsJob{file: fileName(doc.DRH(e, nil, lengkap, o), o.Today),
			print: func(_ context.Context, o doc.Opts, _ progressFunc) ([]doc.Document, error) {
				return []doc.Document{doc.DRH(e, rs, lengkap, o)}, nil
			}}
	})
}

// ---- Pengingat, DUK, nominatif ----

// reminderNames names the employees of the shown reminders; a merit
// action has no employee and carries its assessment's name.
func reminderNames(rows []reminderRow) ([]domain.Reminder, func(uint64) (string, string)) {
	rs := make([]domain.Reminder, len(rows))
	names := map[uint64][2]string{}
	for i, r := range rows {
		rs[i] = r.r
		if r.r.EmployeeID == 0 {
			if r.name != "" {
				rs[i].Notes = append([]string{r.name}, r.r.Notes...)
			}
			continue
		}
		names[r.r.EmployeeID] = [2]string{r.name, r.nip}
	}
	return rs, func(id uint64) (string, string) { n := names[id]; return n[0], n[1] }
}

func (s *remindersScreen) tabFilter() string {
	if k := pengingatTabs()[s.tab]; k != "" {
		return "Jenis: " + string(k)
	}
	return ""
}

func (s *remindersScreen) printReminders() tea.Cmd {
	if s.data == nil {
		return nil
	}
	rs, name := reminderNames(append([]reminderRow(nil), s.shown...))
	filter := s.tabFilter()
	o := s.c.docOpts()
	o.Filter = filter
	return printDocs(s.c, s, "", nil, 0, func(int) docsJob {
		return docsJob{file: fileName(doc.Pengingat(nil, nil, o), o.Today), filter: filter,
			print: func(_ context.Context, o doc.Opts, _ progressFunc) ([]doc.Document, error) {
				return []doc.Document{doc.Pengingat(rs, name, o)}, nil
			}}
	})
}

func (s *remindersScreen) exportReminders() tea.Cmd {
	if s.data == nil {
		return nil
	}
	rs, name := reminderNames(append([]reminderRow(nil), s.shown...))
	filter := s.tabFilter()
	named := s.c.docOpts()
	named.Filter = filter
	return exportWith(s.c, s, "Pengingat yang tampil di tab ini, dengan aturan dan catatannya.", func([]int) docsJob {
		return docsJob{file: fileName(doc.Pengingat(nil, nil, named), s.c.today()), filter: filter,
			sheets: func(_ context.Context, o doc.Opts) ([]doc.Sheet, error) {
				return []doc.Sheet{doc.PengingatSheet(rs, name, o)}, nil
			}}
	})
}

func (s *dukScreen) dukRows() []domain.DUKRow {
	rows := make([]domain.DUKRow, len(s.list))
	for i, l := range s.list {
		rows[i] = l.row
	}
	return rows
}

func (s *dukScreen) printDUK() tea.Cmd {
	if s.data == nil {
		return nil
	}
	rows, o := s.dukRows(), s.c.docOpts()
	return printDocs(s.c, s, "", nil, 0, func(int) docsJob {
		return docsJob{file: fileName(doc.DUK(nil, o), o.Today), print: func(_ context.Context, o doc.Opts, _ progressFunc) ([]doc.Document, error) {
			return []doc.Document{doc.DUK(rows, o)}, nil
		}}
	})
}

func (s *dukScreen) exportDUK() tea.Cmd {
	if s.data == nil {
		return nil
	}
	rows := s.dukRows()
	return exportSheet(s.c, s, fileName(doc.DUK(nil, s.c.docOpts()), s.c.today()),
		"Urutan DUK seperti di layar; golongan, TMT, masa kerja dan diklat masing-masing dalam kolom sendiri.",
		func(o doc.Opts) doc.Sheet { return doc.DUKSheet(rows, o) })
}

// nomShown is what the nominatif shows: the chosen columns, the matching
// employees and the filter in words.
func (s *nominatifScreen) nomShown() ([]doc.NominatifColumn, []domain.Employee, string) {
	var cols []doc.NominatifColumn
	for _, c := range doc.NominatifColumns() {
		if s.cols[c.Key] {
			cols = append(cols, c)
		}
	}
	emps := make([]domain.Employee, len(s.shown))
	for i, e := range s.shown {
		emps[i] = *e
	}
	var parts []string
	for _, f := range s.form.fields {
		if v := strings.TrimSpace(f.value()); v != "" && v != "(semua)" {
			parts = append(parts, f.label+": "+v)
		}
	}
	return cols, emps, strings.Join(parts, "; ")
}

func (s *nominatifScreen) printNominatif() tea.Cmd {
	if s.data == nil {
		return nil
	}
	cols, emps, filter := s.nomShown()
	o := s.c.docOpts()
	o.Filter = filter
	return printDocs(s.c, s, "", nil, 0, func(int) docsJob {
		return docsJob{file: fileName(doc.Nominatif(cols, nil, o), o.Today), filter: filter,
			print: func(_ context.Context, o doc.Opts, _ progressFunc) ([]doc.Document, error) {
				return []doc.Document{doc.Nominatif(cols, emps, o)}, nil
			}}
	})
}

func (s *nominatifScreen) exportNominatif() tea.Cmd {
	if s.data == nil {
		return nil
	}
	cols, emps, filter := s.nomShown()
	named := s.c.docOpts()
	named.Filter = filter // the file name says the filter, as the print's does
	return exportWith(s.c, s, "Kolom yang dipilih dan pegawai yang tampil di layar.", func([]int) docsJob {
		return docsJob{file: fileName(doc.Nominatif(cols, nil, named), s.c.today()), filter: filter,
			sheets: func(_ context.Context, o doc.Opts) ([]doc.Sheet, error) {
				return []doc.Sheet{doc.NominatifSheet(cols, emps, o)}, nil
			}}
	})
}

// ---- SKP ----

// orgRatingOf finds the predikat kinerja organisasi of the SKP's unit for
// the evaluation document; none is not an error (not set yet).
func orgRatingOf(ctx context.Context, kin KinerjaRepo, year int, unitID uint64) (*domain.OrgRating, error) {
	if kin == nil || unitID == 0 {
		return nil, nil
	}
	rs, err := kin.OrgRatings(ctx, year)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		if r.UnitID == unitID && r.Year == year {
			return &r, nil
		}
	}
	return nil, nil
}

// printSKP offers the SKP, each evaluation and the dialog notes; the one
// under the cursor of the Evaluasi or Dialog kinerja tab comes first
// chosen.
func (s *skpScreen) printSKP() tea.Cmd {
	if s.host.file == nil {
		return nil
	}
	f := *s.host.file
	o := s.c.docOpts()
	kin := s.c.Kinerja
	unitID := f.SKP.Pegawai.UnitID
	if r, ok := s.c.Row(f.SKP.EmployeeID); ok && unitID == 0 {
		unitID = r.UnitID
	}
	labels := []string{"SKP"}
	jobs := []docsJob{{file: fileName(doc.SKP(f, o), o.Today), print: func(_ context.Context, o doc.Opts, _ progressFunc) ([]doc.Document, error) {
		return []doc.Document{doc.SKP(f, o)}, nil
	}}}
	current := 0
	var curEval, curDialog uint64
	switch t := s.tab().(type) {
	case *evTab:
		if r := t.current(); r.eval != nil {
			curEval = r.eval.ID
		}
	case *dlgTab:
		if d, ok := t.current(); ok {
			curDialog = d.ID
		}
	}
	for _, e := range f.Evals {
		id := e.ID
		d, err := doc.Evaluasi(f, id, nil, o)
		if err != nil {
			continue
		}
		if id == curEval {
			current = len(labels)
		}
		labels = append(labels, "Evaluasi "+skpEvalLabel(e))
		jobs = append(jobs, docsJob{file: fileName(d, o.Today), print: func(ctx context.Context, o doc.Opts, _ progressFunc) ([]doc.Document, error) {
			org, err := orgRatingOf(ctx, kin, f.SKP.Year, unitID)
			if err != nil {
				return nil, err
			}
			d, err := doc.Evaluasi(f, id, org, o)
			return []doc.Document{d}, err
		}})
	}
	for _, dl := range f.Dialogs {
		id := dl.ID
		d, err := doc.Dialogs(f, id, o)
		if err != nil {
			continue
		}
		if id == curDialog {
			current = len(labels)
		}
		labels = append(labels, "Catatan dialog "+dl.Date.String())
		jobs = append(jobs, docsJob{file: fileName(d, o.Today), print: func(_ context.Context, o doc.Opts, _ progressFunc) ([]doc.Document, error) {
			d, err := doc.Dialogs(f, id, o)
			return []doc.Document{d}, err
		}})
	}
	if len(f.Dialogs) > 1 {
		if d, err := doc.Dialogs(f, 0, o); err == nil {
			labels = append(labels, "Catatan dialog (semua)")
			jobs = append(jobs, docsJob{file: fileName(d, o.Today), print: func(_ context.Context, o doc.Opts, _ progressFunc) ([]doc.Document, error) {
				d, err := doc.Dialogs(f, 0, o)
				return []doc.Document{d}, err
			}})
		}
	}
	return printDocs(s.c, s, "Dokumen", labels, current, func(i int) docsJob { return jobs[i] })
}

// skpBatchWhat is a kind of document the batch print makes of each SKP.
type skpBatchWhat struct {
	label  string
	kind   domain.EvalKind // 0: the SKP itself (or its dialog notes)
	dialog bool            // the notes of every dialog kinerja of the SKP
	freq   domain.Frequency
	per    int
}

// skpBatchWhats are the batch's documents: the SKP, the annual and each
// period's evaluation of the office's cycle (Triwulan I–IV or the
// months), and the dialog notes, as the headless print offers.
func skpBatchWhats(freq domain.Frequency) []skpBatchWhat {
	out := []skpBatchWhat{{label: "SKP"}, {label: "Evaluasi tahunan", kind: domain.EvalTahunan}}
	for p := 1; p <= freq.Periods(); p++ {
		out = append(out, skpBatchWhat{label: "Evaluasi " + freq.PeriodLabel(p), kind: domain.EvalPeriodik, freq: freq, per: p})
	}
	return append(out, skpBatchWhat{label: "Catatan dialog kinerja", dialog: true})
}

// evalFor finds the evaluation a batch asks for in one SKP.
func (w skpBatchWhat) evalFor(f domain.SKPFile) (uint64, bool) {
	for _, e := range f.Evals {
		if e.Kind != w.kind {
			continue
		}
		if w.kind == domain.EvalTahunan || (e.Period == w.per && kinSameFreq(e.Frequency, w.freq)) {
			return e.ID, true
		}
	}
	return 0, false
}

// batchPick is one SKP of the list the batch may print.
type batchPick struct {
	id     uint64
	unitID uint64
	nama   string
}

// batchPrint prints the SKPs the list shows (the actor may see them all),
// of every unit or one, as SKP, one evaluation or the dialog notes each,
// into one PDF. The periods offered follow the office's SKP settings,
// read when the dialog opens. The files are read one by one in the job,
// so the bar moves and Esc stops it between two SKPs.
func (s *skpList) batchPrint() tea.Cmd {
	if !s.loaded {
		return nil
	}
	var picks []batchPick
	for _, i := range s.shown {
		it := s.items[i]
		picks = append(picks, batchPick{it.row.SKPID, it.row.UnitID, it.nama})
	}
	c, year, kin := s.c, s.year, s.c.Kinerja
	units := sortedUnits(c.Units)
	return openDialog(c, func() *docsDialog {
		first := skpBatchSetup(units, picks, year, kin, domain.DefaultSKPSettings().Frequency)
		d := newDocsDialog(c, s, docsPrint, "Cetak kumpulan", first.opts, first.plan)
		d.load = func(ctx context.Context) (docsSetup, error) {
			set, err := kin.SKPSettings(ctx)
			if err != nil {
				return docsSetup{}, err
			}
			return skpBatchSetup(units, picks, year, kin, set.Frequency), nil
		}
		return d
	})
}

// skpBatchSetup is the batch dialog's choices (unit, document) for the
// office's evaluation frequency, and the job of each choice.
func skpBatchSetup(units []domain.Unit, picks []batchPick, year int, kin KinerjaRepo, freq domain.Frequency) docsSetup {
	unitNames := []string{"(semua)"}
	for _, u := range units {
		unitNames = append(unitNames, u.Name)
	}
	whats := skpBatchWhats(freq)
	whatNames := make([]string, len(whats))
	for i, w := range whats {
		whatNames[i] = w.label
	}
	opts := []docsOption{{key: "unit", label: "Unit kerja", options: unitNames}, {key: "what", label: "Dokumen", options: whatNames}}
	plan := func(ch []int) docsJob {
		var unitID uint64
		unit := "semua unit"
		if ch[0] > 0 {
			unitID, unit = units[ch[0]-1].ID, units[ch[0]-1].Name
		}
		w := whats[ch[1]]
		var ids []batchPick
		for _, p := range picks {
			if unitID == 0 || p.unitID == unitID {
				ids = append(ids, p)
			}
		}
		name := "SKP " + strconv.Itoa(year) + " " + unit
		switch {
		case w.dialog:
			name = w.label + " " + strconv.Itoa(year) + " " + unit
		case w.kind != 0:
			name = "Evaluasi " + strings.TrimPrefix(w.label, "Evaluasi ") + " " + strconv.Itoa(year) + " " + unit
		}
		filter := ""
		if unitID != 0 {
			filter = "Unit kerja: " + unit
		}
		return docsJob{file: name, filter: filter, count: true,
			print: func(ctx context.Context, o doc.Opts, report progressFunc) ([]doc.Document, error) {
				var docs []doc.Document
				orgs := map[uint64]*domain.OrgRating{}
				if w.kind != 0 {
					rs, err := kin.OrgRatings(ctx, year)
					if err != nil {
						return nil, err
					}
					for i := range rs {
						if rs[i].Year == year {
							orgs[rs[i].UnitID] = &rs[i]
						}
					}
				}
				for i, p := range ids {
					if err := ctx.Err(); err != nil {
						return nil, err
					}
					report(i, len(ids), "Memuat SKP "+itoa(i+1)+" dari "+itoa(len(ids))+": "+p.nama)
					f, err := kin.SKPFile(ctx, p.id)
					if err != nil {
						return nil, err
					}
					switch {
					case w.dialog:
						if len(f.Dialogs) == 0 {
							continue // no dialog kinerja held yet
						}
						d, err := doc.Dialogs(f, 0, o)
						if err != nil {
							return nil, err
						}
						docs = append(docs, d)
						continue
					case w.kind == 0:
						docs = append(docs, doc.SKP(f, o))
						continue
					}
					id, ok := w.evalFor(f)
					if !ok {
						continue // this SKP has no such evaluation yet
					}
					u := f.SKP.Pegawai.UnitID
					if u == 0 {
						u = p.unitID
					}
					d, err := doc.Evaluasi(f, id, orgs[u], o)
					if err != nil {
						return nil, err
					}
					docs = append(docs, d)
				}
				report(len(ids), len(ids), "Semua SKP dimuat.")
				if len(docs) == 0 {
					if w.kind == 0 && !w.dialog {
						return nil, domain.Errorf(domain.EINVALID, "Tidak ada SKP "+strconv.Itoa(year)+" untuk "+unit+".")
					}
					what := w.label
					if w.dialog {
						what = "catatan dialog kinerja"
					}
					return nil, domain.Errorf(domain.EINVALID, "Belum ada "+what+" pada SKP "+strconv.Itoa(year)+" untuk "+unit+".")
				}
				return docs, nil
			}}
	}
	return docsSetup{opts: opts, plan: plan}
}

// exportEvaluations writes the evaluations list of the SKPs shown.
func (s *skpList) exportEvaluations() tea.Cmd {
	if !s.loaded {
		return nil
	}
	rows := make([]domain.SKPRow, 0, len(s.shown))
	for _, i := range s.shown {
		rows = append(rows, s.items[i].row)
	}
	year, kin := s.year, s.c.Kinerja
	return exportWith(s.c, s, "Satu baris untuk setiap SKP yang tampil di daftar: predikat setiap periode dan tahunan.", func([]int) docsJob {
		return docsJob{file: "Evaluasi kinerja " + strconv.Itoa(year), sheets: func(ctx context.Context, o doc.Opts) ([]doc.Sheet, error) {
			// The period columns follow the office's evaluation cycle.
			set, err := kin.SKPSettings(ctx)
			if err != nil {
				return nil, err
			}
			o.Frequency = set.Frequency
			return []doc.Sheet{doc.EvaluasiSheet(rows, year, o)}, nil
		}}
	})
}

func (s *monitorScreen) exportMonitoring() tea.Cmd {
	if !s.loaded || s.err != nil {
		return nil
	}
	m := s.mon
	name := "Monitoring SKP " + strconv.Itoa(s.year)
	if s.period > 0 {
		name += " " + s.freq.PeriodLabel(s.period)
	}
	freq := s.freq
	return exportSheet(s.c, s, name, "Tabel monitoring seperti di layar, dengan sebaran predikat dan pola distribusi per unit kerja.", func(o doc.Opts) doc.Sheet {
		o.Frequency = freq
		return doc.MonitoringSheet(m, o)
	})
}

// ---- Sistem merit ----

// printMerit prints the report with the self score, or with the verified
// one once verification has started.
func (s *meritScreen) printMerit() tea.Cmd {
	h := s.host
	if h.a == nil || h.in == nil {
		return nil
	}
	a, in, o := *h.a, *h.in, s.c.docOpts()
	labels := []string{"Laporan (nilai mandiri)"}
	results := []domain.MeritResult{domain.Score(in, a, false)}
	current := 0
	if meritAnyVerified(&a) {
		labels = append(labels, "Laporan (nilai terverifikasi)")
		results = append(results, verifiedResult(in, a))
		current = 1
	}
	file := fileName(doc.Merit(a, in, results[0], o), o.Today)
	return printDocs(s.c, s, "Dokumen", labels, current, func(i int) docsJob {
		res := results[i]
		return docsJob{file: file, print: func(_ context.Context, o doc.Opts, _ progressFunc) ([]doc.Document, error) {
			return []doc.Document{doc.Merit(a, in, res, o)}, nil
		}}
	})
}

// exportMeritAnswers writes every indicator's answer and verification.
func (s *meritScreen) exportMeritAnswers() tea.Cmd {
	h := s.host
	if h.a == nil || h.in == nil {
		return nil
	}
	a, in := *h.a, *h.in
	name := "Jawaban sistem merit " + strconv.Itoa(a.Year) + " " + meritScope(s.c, a.UnitID)
	return exportSheet(s.c, s, name, "Satu baris untuk setiap indikator: level, justifikasi, jumlah bukti dan hasil verifikasi.", func(o doc.Opts) doc.Sheet { return doc.MeritAnswersSheet(a, in, o) })
}

package tui

import (
	"context"
	"errors"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// evRow is one line of the Evaluasi tab: a period of the office's cycle
// (or the year) and its evaluation when there is one.
type evRow struct {
	kind   domain.EvalKind
	period int
	freq   domain.Frequency
	label  string
	eval   *domain.Evaluasi // points into *h.file; valid only during one call
}

// kinEvalRows lists the periods of the office's frequency, any periodic
// evaluation made under another frequency, then Tahunan.
func kinEvalRows(h *skpHost) []evRow {
	f := kinFrequency(h)
	evals := h.file.Evals
	var rows []evRow
	used := make([]bool, len(evals))
	for p := 1; p <= f.Periods(); p++ {
		r := evRow{kind: domain.EvalPeriodik, period: p, freq: f, label: f.PeriodLabel(p)}
		for i := range evals {
			e := &evals[i]
			if !used[i] && e.Kind == domain.EvalPeriodik && e.Period == p && kinSameFreq(e.Frequency, f) {
				r.eval, used[i] = e, true
			}
		}
		rows = append(rows, r)
	}
	for i := range evals {
		e := &evals[i]
		if !used[i] && e.Kind == domain.EvalPeriodik {
			rows = append(rows, evRow{kind: e.Kind, period: e.Period, freq: e.Frequency, eval: e,
				label: e.Frequency.PeriodLabel(e.Period) + " (" + e.Frequency.Label() + ")"})
			used[i] = true
		}
	}
	r := evRow{kind: domain.EvalTahunan, label: "Tahunan"}
	for i := range evals {
		if evals[i].Kind == domain.EvalTahunan {
			r.eval = &evals[i]
		}
	}
	return append(rows, r)
}

// kinSameFreq: an evaluation saved without a frequency counts as
// Triwulanan, the default (K8).
func kinSameFreq(a, b domain.Frequency) bool { return a.Periods() == b.Periods() }

// kinRatingText shows a rating or a dash.
func kinRatingText(r domain.Rating) string {
	if r == 0 {
		return "—"
	}
	return r.String()
}

// evTab is Evaluasi: the periodic evaluations of the office's cycle and the
// annual one, each rated by the penilai in a form; final ones are locked.
type evTab struct {
	h   *skpHost
	sel int
}

func newEvalTab(h *skpHost) skpTab { return &evTab{h: h, sel: -1} }

func (t *evTab) Title() string   { return "Evaluasi" }
func (t *evTab) Capturing() bool { return false }

func (t *evTab) Keys() []KeyHelp {
	keys := []KeyHelp{{"↑↓", "Pilih periode"}}
	r := t.current()
	final := r.eval != nil && r.eval.Final
	if kinCan(t.h, domain.OpRate) == nil && !final {
		keys = append(keys, KeyHelp{"Enter", "Nilai"})
	}
	if kinCan(t.h, domain.OpFinalize) == nil && r.eval != nil && !final {
		keys = append(keys, KeyHelp{"F6", "Finalkan"})
	}
	if kinCan(t.h, domain.OpUnlock) == nil && final {
		keys = append(keys, KeyHelp{"F8", "Buka kunci"})
	}
	return keys
}

// index is the selected row. Until the user moves it is the period the
// penilai most likely rates now: today's period in the SKP's year, the
// annual evaluation once the year is over.
func (t *evTab) index(rows []evRow) int {
	if t.sel >= 0 {
		return min(t.sel, len(rows)-1)
	}
	today, year := t.h.c.today(), t.h.file.SKP.Year
	switch {
	case today.Year > year:
		return len(rows) - 1
	case today.Year == year:
		p := domain.PeriodOf(kinFrequency(t.h), today)
		for i, r := range rows {
			if r.kind == domain.EvalPeriodik && r.period == p {
				return i
			}
		}
	}
	return 0
}

func (t *evTab) current() evRow {
	rows := kinEvalRows(t.h)
	return rows[t.index(rows)]
}

func (t *evTab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		rows := kinEvalRows(t.h)
		n := len(rows)
		switch msg.String() {
		case "up":
			t.sel = max(0, t.index(rows)-1)
		case "down":
			t.sel = min(n-1, t.index(rows)+1)
		case "home":
			t.sel = 0
		case "end":
			t.sel = n - 1
		case "enter":
			return t.rate()
		case "f6":
			return t.finalize()
		case "f8":
			return t.unlock()
		}
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				rows := kinEvalRows(t.h)
				t.sel = max(0, t.index(rows)-1)
			case tea.MouseButtonWheelDown:
				rows := kinEvalRows(t.h)
				t.sel = min(len(rows)-1, t.index(rows)+1)
			}
		}
	}
	return nil
}

// kinFinalRefusal is the message for an attempt to change a final
// evaluation.
func kinFinalRefusal(c *Common, label string) error {
	msg := "Evaluasi " + label + " sudah final dan terkunci: tidak dapat diubah."
	if c.can(func(a domain.Actor) error {
		if a.Has(domain.RoleAdmin) {
			return nil
		}
		return domain.ErrForbidden
	}) {
		msg += " Tekan F8 untuk membuka kunci dengan alasan."
	} else {
		msg += " Hanya Admin yang dapat membuka kuncinya, dengan alasan."
	}
	return domain.Errorf(domain.ELOCKED, msg)
}

func (t *evTab) rate() tea.Cmd {
	r := t.current()
	if err := kinCan(t.h, domain.OpRate); err != nil {
		return failure(err)
	}
	if r.eval != nil && r.eval.Final {
		return failure(kinFinalRefusal(t.h.c, r.label))
	}
	var orig *domain.Evaluasi
	if r.eval != nil {
		e := *r.eval
		orig = &e
	}
	return push(newEvForm(t.h, r, orig))
}

func (t *evTab) finalize() tea.Cmd {
	r := t.current()
	if err := kinCan(t.h, domain.OpFinalize); err != nil {
		return failure(err)
	}
	switch {
	case r.eval == nil:
		return failure(domain.Errorf(domain.EINVALID, "Evaluasi "+r.label+" belum dinilai: tekan Enter untuk memberi rating dahulu."))
	case r.eval.Final:
		return failure(domain.Errorf(domain.EINVALID, "Evaluasi "+r.label+" sudah final."))
	case r.eval.RatingHasil == 0 || r.eval.RatingPerilaku == 0:
		return failure(domain.Errorf(domain.EINVALID, "Isi rating hasil kerja dan rating perilaku kerja sebelum evaluasi difinalkan."))
	}
	skpID, id, label := r.eval.SKPID, r.eval.ID, r.label
	pred := domain.PredikatKinerja(r.eval.RatingHasil, r.eval.RatingPerilaku)
	repo := t.h.c.Kinerja
	do := t.h.cmd(func(ctx context.Context) tea.Msg {
		// skpDoneMsg: the SKP screen reloads the file and the app's data.
		if err := repo.FinalizeEvaluasi(ctx, skpID, id); err != nil {
			return skpDoneMsg{err: err}
		}
		return skpDoneMsg{status: "Evaluasi " + label + " difinalkan: predikat " + pred.Label() + "."}
	})
	return showDialog(confirmDialog(&t.h.c.Styles, "Finalkan evaluasi",
		"Finalkan evaluasi "+label+" dengan predikat "+pred.Label()+"? Setelah final, evaluasi terkunci; hanya Admin yang dapat membuka kuncinya dengan alasan.",
		"Ya, finalkan", "Tidak", do, nil))
}

func (t *evTab) unlock() tea.Cmd {
	r := t.current()
	if err := kinCan(t.h, domain.OpUnlock); err != nil {
		return failure(err)
	}
	if r.eval == nil || !r.eval.Final {
		return failure(domain.Errorf(domain.EINVALID, "Evaluasi "+r.label+" belum final; tidak ada yang perlu dibuka."))
	}
	return push(newEvUnlockForm(t.h.c, r.eval.SKPID, r.eval.ID, r.label))
}

func (t *evTab) View(w, h int) string {
	st := &t.h.c.Styles
	rows := kinEvalRows(t.h)
	sel := t.index(rows)
	var lines []string
	for _, l := range kinWrap("Evaluasi periodik "+strings.ToLower(kinFrequency(t.h).Label())+" (pengaturan kantor) dan tahunan; predikat mengikuti matriks.", w) {
		lines = append(lines, st.Muted.Render(l))
	}
	if err := kinCan(t.h, domain.OpRate); err != nil {
		why := "Hanya baca: "
		if domain.ErrorCode(err) == domain.EINVALID {
			why = "Penilaian belum dapat dilakukan: "
		}
		for _, l := range kinWrap(why+domain.ErrorMessage(err), w) {
			lines = append(lines, st.FieldWarning.Render(l))
		}
	}
	lines = append(lines, "")
	lines = append(lines, evTable(st, rows, sel, w)...)
	r := rows[sel]
	lines = append(lines, "", st.Section.Render(clip("Evaluasi "+r.label, w)))
	var detail []string
	if e := r.eval; e == nil {
		detail = append(detail, st.Muted.Render("Belum dinilai."))
	} else {
		detail = append(detail, kinWrap("Rating hasil kerja: "+kinRatingText(e.RatingHasil)+" · Rating perilaku kerja: "+kinRatingText(e.RatingPerilaku), w)...)
		if p := domain.PredikatKinerja(e.RatingHasil, e.RatingPerilaku); p != "" {
			detail = append(detail, "Predikat kinerja: "+st.Title.Render(p.Label()))
		}
		if e.Final {
			if !e.AK.IsZero() {
				detail = append(detail, "Angka kredit: "+st.Title.Render(e.AK.String())+st.Muted.Render(" ("+itoa(e.AK.Months)+" bulan; koefisien × persentase predikat)"))
			}
			by := inert(e.FinalBy)
			detail = append(detail, kinWrap("Difinalkan "+kinStamp(e.FinalAt)+" oleh "+by+". Terkunci: hanya Admin yang dapat membuka kuncinya, dengan alasan.", w)...)
			if p := e.Snapshot.Penilai; p.Nama != "" {
				detail = append(detail, kinWrap("Penilai saat final: "+kinPerson(p), w)...)
			}
			if p := e.Snapshot.Pegawai; p.Nama != "" {
				detail = append(detail, kinWrap("Pegawai saat final: "+kinPerson(p), w)...)
			}
		}
		if strings.TrimSpace(e.Catatan) != "" {
			detail = append(detail, kinWrap("Catatan: "+e.Catatan, w)...)
		}
		for _, u := range e.Unlocks {
			detail = append(detail, st.Muted.Render(clip("Dibuka kuncinya "+kinStamp(u.Time)+" oleh "+inert(u.By)+": "+inert(u.Reason), w)))
		}
	}
	room := max(1, h-len(lines))
	if len(detail) > room {
		detail = detail[:room]
	}
	return strings.Join(append(lines, detail...), "\n")
}

// kinShortRating is a rating in a narrow table: "Di Atas", "Sesuai",
// "Di Bawah" (the ratings are all "… Ekspektasi").
func kinShortRating(r domain.Rating) string {
	switch r {
	case domain.DiAtas:
		return "Di Atas"
	case domain.Sesuai:
		return "Sesuai"
	case domain.DiBawah:
		return "Di Bawah"
	}
	return "—"
}

// evCells are the texts of one row of the Evaluasi table. short gives the
// short ratings and status ("Final"/"Belum"); abbrev writes Triwulan as
// TW, as offices do in reports.
func evCells(r evRow, short, abbrev bool) [5]string {
	label := r.label
	if abbrev {
		label = strings.Replace(label, "Triwulan ", "TW ", 1)
	}
	c := [5]string{label, "—", "—", "—", "Belum dinilai"}
	if short {
		c[4] = "Belum"
	}
	e := r.eval
	if e == nil {
		return c
	}
	if short {
		c[1], c[2] = kinShortRating(e.RatingHasil), kinShortRating(e.RatingPerilaku)
	} else {
		c[1], c[2] = kinRatingText(e.RatingHasil), kinRatingText(e.RatingPerilaku)
	}
	if p := domain.PredikatKinerja(e.RatingHasil, e.RatingPerilaku); p != "" {
		c[3] = p.Label()
	}
	switch {
	case e.Final && short:
		c[4] = "Final"
	case e.Final:
		c[4] = "Final " + domain.DateOf(e.FinalAt).String()
	case !short:
		c[4] = "Belum final"
	}
	return c
}

// evTable is the Evaluasi table: "›" marks the selected row, columns are as
// wide as their longest text with two spaces between them. When the full
// texts do not fit w, the ratings and status shorten, then Triwulan
// becomes TW (56 columns beside the menu at 80×24 still read whole).
func evTable(st *Styles, rows []evRow, sel, w int) []string {
	const gap = "  "
	var widths [5]int
	var cells [][5]string
	var head [5]string
	for _, mode := range [][2]bool{{false, false}, {true, false}, {true, true}} {
		short, abbrev := mode[0], mode[1]
		head = [5]string{"Periode", "Rating hasil kerja", "Rating perilaku kerja", "Predikat", "Status"}
		if short {
			head[1], head[2] = "Hasil", "Perilaku"
		}
		cells = cells[:0]
		for i := range head {
			widths[i] = width(head[i])
		}
		for _, r := range rows {
			c := evCells(r, short, abbrev)
			for i := range c {
				widths[i] = max(widths[i], width(c[i]))
			}
			cells = append(cells, c)
		}
		widths[0] = min(widths[0], 24)
		total := 2 + len(gap)*4
		for _, x := range widths {
			total += x
		}
		if total <= w {
			break
		}
	}
	join := func(c [5]string) string {
		parts := make([]string, len(c))
		for i := range c {
			parts[i] = fit(c[i], widths[i])
		}
		return strings.Join(parts, gap)
	}
	out := []string{st.TableHeader.Render(clip("  "+join(head), w))}
	for i, c := range cells {
		if i == sel {
			out = append(out, st.RowSelected.Render(clip("› "+join(c), w)))
		} else {
			out = append(out, clip("  "+join(c), w))
		}
	}
	return out
}

// kinPerson is a snapshot in one line: name, NIP, jabatan, unit, golongan.
func kinPerson(p domain.PersonSnapshot) string {
	parts := []string{p.Nama}
	if p.NIP != "" {
		parts = append(parts, "NIP "+domain.FormatNIP(p.NIP))
	}
	for _, s := range []string{p.Jabatan, p.Unit, p.Golongan} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// ---- Evaluasi form ----

// evForm is where the penilai rates one period: the two ratings with the
// period's realisasi, bukti and feedback beside them, the predikat live
// from the matrix, the guidance and warnings (never blocking), the unit
// head's default and the unit's distribution pattern. It works on copies
// of the file taken when it opened.
type evForm struct {
	base
	row      evRow
	skp      domain.SKP
	work     []domain.PeriodWork
	feedback []domain.Feedback
	evals    []domain.Evaluasi
	settings domain.SKPSettings
	orig     *domain.Evaluasi
	form     *form

	loaded   bool
	loadErr  error
	headNote string
	noHead   string // the unit has no recorded head (so no K5 default)
	unitID   uint64
	unitName string
	org      domain.OrgPredikat
	others   map[domain.Predikat]int // final annual predikat of the unit's other SKPs

	panelTop int
	busy     bool
}

func newEvForm(h *skpHost, r evRow, orig *domain.Evaluasi) *evForm {
	s := &evForm{base: newBase(h.c), row: r, skp: h.file.SKP, orig: orig,
		work: append([]domain.PeriodWork(nil), h.file.Work...), feedback: append([]domain.Feedback(nil), h.file.Feedback...),
		evals: append([]domain.Evaluasi(nil), h.file.Evals...), settings: domain.DefaultSKPSettings()}
	if h.settings != nil {
		s.settings = *h.settings
	}
	s.row.eval = nil // the pointer belongs to the file; orig is our copy
	labels := kinRatingLabels()
	var hasil, perilaku domain.Rating
	catatan := ""
	if orig != nil {
		hasil, perilaku, catatan = orig.RatingHasil, orig.RatingPerilaku, orig.Catatan
	}
	fh := choiceField("hasil", "Rating hasil kerja *", labels, indexOf(domain.Ratings(), hasil))
	fp := choiceField("perilaku", "Rating perilaku kerja *", labels, indexOf(domain.Ratings(), perilaku))
	fp.hint = "Dari umpan balik perilaku dan ekspektasi khusus pimpinan; tidak ada rumus."
	fc := textField("catatan", "Catatan", catatan, 2000)
	s.form = newForm(&h.c.Styles, []*field{fh, fp, fc})
	s.form.snapshot()
	return s
}

func kinRatingLabels() []string {
	rs := domain.Ratings()
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.String()
	}
	return out
}

func (s *evForm) Title() string {
	return "Evaluasi " + s.row.label + " · " + inert(s.skp.Pegawai.Nama)
}

func (s *evForm) Capturing() bool { return true }
func (s *evForm) Dirty() bool     { return s.form.changed() }

func (s *evForm) Keys() []KeyHelp {
	keys := []KeyHelp{{"Tab", "Pindah"}, {"←/→", "Ganti rating"}, {"Ctrl+S", "Simpan"}, {"F6", "Finalkan"}, {"PgUp/PgDn", "Gulir rincian"}}
	if s.row.kind == domain.EvalTahunan {
		keys = append(keys, KeyHelp{"F7", "Salin dari evaluasi periodik terakhir"})
	}
	return keys
}

const evFormH = 9

func (s *evForm) SetSize(w, h int) {
	s.base.SetSize(w, h)
	s.form.setSize(w, min(h, evFormH))
}

type evLoadedMsg struct {
	nodes []domain.UnitNode
	org   []domain.OrgRating
	rows  []domain.SKPRow
	err   error
}

// Init loads what the head default and the distribution check need: the
// unit tree, the year's predikat organisasi and the SKP rows of the year.
func (s *evForm) Init() tea.Cmd {
	year := s.skp.Year
	return s.cmd(func(ctx context.Context) tea.Msg {
		var m evLoadedMsg
		if m.nodes, m.err = s.c.Repo.UnitTree(ctx); m.err != nil {
			return m
		}
		if m.org, m.err = s.c.Kinerja.OrgRatings(ctx, year); m.err != nil {
			return m
		}
		m.rows, m.err = s.c.Kinerja.SKPRows(ctx, year)
		return m
	})
}

func (s *evForm) loadedData(m evLoadedMsg) {
	s.loaded, s.loadErr = true, m.err
	if m.err != nil {
		return
	}
	s.unitID = s.skp.Pegawai.UnitID
	if s.unitID == 0 {
		if r, ok := s.c.Row(s.skp.EmployeeID); ok {
			s.unitID = r.UnitID
		}
	}
	orgOf := map[uint64]domain.OrgPredikat{}
	for _, o := range m.org {
		if o.Year == s.skp.Year {
			orgOf[o.UnitID] = o.Predikat
		}
	}
	names := map[uint64]string{}
	var headOf, unit *domain.UnitNode
	for i := range m.nodes {
		n := &m.nodes[i]
		names[n.ID] = n.Name
		if n.ID == s.unitID {
			unit = n
		}
		// K5: the pegawai is a unit head when a unit names them as its
		// head (UnitNode.HeadID, set under Organisasi); the own unit wins.
		if n.HeadID != 0 && n.HeadID == s.skp.EmployeeID && (headOf == nil || n.ID == s.unitID) {
			headOf = n
		}
	}
	s.unitName = names[s.unitID]
	if s.unitName == "" {
		s.unitName = s.skp.Pegawai.Unit
	}
	s.org = orgOf[s.unitID]
	s.others = map[domain.Predikat]int{}
	for _, r := range m.rows {
		if r.UnitID == s.unitID && r.SKPID != s.skp.ID && r.Predikat != "" && r.Year == s.skp.Year {
			s.others[r.Predikat]++
		}
	}
	if headOf == nil {
		if unit != nil && unit.HeadID == 0 && s.org != "" && s.skp.Penilai.UnitID != s.unitID {
			// Without a recorded head nobody gets K5's default: say so
			// where the pegawai may be the head (rated from outside the
			// unit), or a head's rating silently starts empty.
			s.noHead = "Unit " + unit.Name + " belum punya kepala unit tercatat (Organisasi, isian Kepala unit): bila pegawai ini kepalanya, rating hasil kerja tidak diturunkan dari predikat organisasi " + s.org.Label() + "."
		}
		return
	}
	org := orgOf[headOf.ID]
	if org == "" {
		s.headNote = "Kepala unit " + headOf.Name + ": predikat kinerja organisasi " + itoa(s.skp.Year) + " belum ditetapkan, jadi rating hasil kerja belum dapat diturunkan dari capaian unit."
		return
	}
	r := domain.HeadRating(s.settings, org)
	s.headNote = "Kepala unit " + headOf.Name + ": capaian unit (predikat organisasi " + org.Label() + ") menjadi rating hasil kerja " + r.String() + " (pemetaan di Pengaturan SKP)."
	f := s.form.get("hasil")
	if (s.orig == nil || s.orig.RatingHasil == 0) && !s.form.touched["hasil"] && f.choice < 0 {
		// A default drawn from data, not typed: it becomes the form's
		// starting point, so leaving without saving loses nothing typed.
		f.choice = indexOf(domain.Ratings(), r)
		s.form.snapshot()
	}
}

func (s *evForm) rating(key string) domain.Rating {
	if i := s.form.get(key).choice; i >= 0 {
		return domain.Ratings()[i]
	}
	return 0
}

// draft reads the form into the evaluation to save.
func (s *evForm) draft() (domain.Evaluasi, bool) {
	e := domain.Evaluasi{SKPID: s.skp.ID, EmployeeID: s.skp.EmployeeID, Year: s.skp.Year, Kind: s.row.kind,
		Period: s.row.period, Frequency: s.row.freq}
	if s.orig != nil {
		e = *s.orig
	}
	e.RatingHasil, e.RatingPerilaku = s.rating("hasil"), s.rating("perilaku")
	e.Predikat = domain.PredikatKinerja(e.RatingHasil, e.RatingPerilaku)
	e.Catatan = strings.TrimSpace(s.form.get("catatan").value())
	e.Updated = s.c.Now()
	s.form.errors = map[string]string{}
	if err := domain.ValidateEvaluasi(s.skp, e, s.row.freq); err != nil {
		var fe domain.FieldErrors
		if asFieldErrors(err, &fe) {
			for k, v := range fe {
				if s.form.get(k) == nil {
					k = "hasil"
				}
				s.form.errors[k] = v
			}
		}
	}
	return e, len(s.form.errors) == 0
}

type evSavedMsg struct {
	id        uint64
	finalized bool
	err       error
}

// copyLast is K7's helper: the ratings of the last rated periodic
// evaluation become the annual form's starting point.
func (s *evForm) copyLast() tea.Cmd {
	var last *domain.Evaluasi
	for i := range s.evals {
		e := &s.evals[i]
		if e.Kind == domain.EvalPeriodik && e.RatingHasil != 0 && e.RatingPerilaku != 0 && (last == nil || e.Period >= last.Period) {
			last = e
		}
	}
	if last == nil {
		return failure(domain.Errorf(domain.EINVALID, "Belum ada evaluasi periodik yang dinilai untuk disalin."))
	}
	s.form.get("hasil").choice = indexOf(domain.Ratings(), last.RatingHasil)
	s.form.get("perilaku").choice = indexOf(domain.Ratings(), last.RatingPerilaku)
	s.form.touched["hasil"], s.form.touched["perilaku"] = true, true
	return info("Disalin dari evaluasi " + last.Frequency.PeriodLabel(last.Period) + "; periksa lalu simpan.")
}

func (s *evForm) save(finalize bool) tea.Cmd {
	e, _ := s.draft()
	s.busy, s.form.saving = true, true
	repo := s.c.Kinerja
	return s.cmd(func(ctx context.Context) tea.Msg {
		id, err := repo.SaveEvaluasi(ctx, e)
		if err != nil || !finalize {
			return evSavedMsg{id: id, err: err}
		}
		return evSavedMsg{id: id, finalized: true, err: repo.FinalizeEvaluasi(ctx, e.SKPID, id)}
	})
}

func (s *evForm) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case evLoadedMsg:
		s.loadedData(msg)
		if msg.err != nil {
			return failure(msg.err)
		}
		return nil
	case evSavedMsg:
		s.busy, s.form.saving = false, false
		if msg.err != nil {
			if msg.id != 0 && msg.finalized {
				// The ratings were saved, only the lock failed: nothing
				// typed is lost, and the tab shows the saved ratings.
				e, _ := s.draft()
				e.ID = msg.id
				s.orig = &e
				s.form.snapshot()
			}
			return failure(msg.err)
		}
		s.form.snapshot()
		status := "Evaluasi " + s.row.label + " disimpan."
		if msg.finalized {
			status = "Evaluasi " + s.row.label + " difinalkan dan dikunci."
		}
		return tea.Batch(pop(savedResult{msg.id}), reload(status))
	case evFinalizeNow:
		if s.busy {
			return nil
		}
		return s.save(true)
	case tea.KeyMsg:
		if s.busy {
			return nil
		}
		switch msg.String() {
		case "pgdown":
			s.panelTop += max(1, (s.h-evFormH)/2)
			return nil
		case "pgup":
			s.panelTop = max(0, s.panelTop-max(1, (s.h-evFormH)/2))
			return nil
		case "f7":
			if s.row.kind == domain.EvalTahunan {
				return s.copyLast()
			}
			return nil
		case "f6":
			return s.confirmFinalize()
		}
	}
	switch s.form.update(msg) {
	case formChanged:
		if s.form.showAll {
			s.draft()
		}
	case formCancel:
		return pop(nil)
	case formSubmit:
		if s.busy {
			return nil
		}
		s.form.showAll = true
		if _, ok := s.draft(); !ok {
			return failure(domain.Errorf(domain.EINVALID, "Belum dapat disimpan: perbaiki isian yang bertanda ✗."))
		}
		return s.save(false)
	}
	return nil
}

func (s *evForm) confirmFinalize() tea.Cmd {
	if err := domain.CanSKP(s.c.Actor, s.skp.Party(), domain.OpFinalize); err != nil {
		return failure(err)
	}
	s.form.showAll = true
	e, ok := s.draft()
	if !ok {
		return failure(domain.Errorf(domain.EINVALID, "Belum dapat difinalkan: perbaiki isian yang bertanda ✗."))
	}
	if e.RatingHasil == 0 || e.RatingPerilaku == 0 {
		return failure(domain.Errorf(domain.EINVALID, "Isi rating hasil kerja dan rating perilaku kerja sebelum evaluasi difinalkan."))
	}
	do := func() tea.Msg { return taggedMsg{to: s.id, msg: evFinalizeNow{}} }
	return showDialog(confirmDialog(&s.c.Styles, "Finalkan evaluasi",
		"Simpan dan finalkan evaluasi "+s.row.label+" dengan predikat "+e.Predikat.Label()+"? Setelah final, evaluasi terkunci; hanya Admin yang dapat membuka kuncinya dengan alasan.",
		"Ya, finalkan", "Tidak", do, nil))
}

type evFinalizeNow struct{}

// View draws the form, then the panel that sits beside the choice: the
// live predikat, guidance, warnings, the unit's pattern and the period's
// work.
func (s *evForm) View() string {
	top := s.form.view()
	panel := s.panel(s.w)
	room := max(1, s.h-evFormH-1)
	s.panelTop = max(0, min(s.panelTop, len(panel)-room))
	end := min(len(panel), s.panelTop+room)
	shown := panel[s.panelTop:end]
	if end < len(panel) && len(shown) > 0 {
		shown[len(shown)-1] = s.c.Styles.Muted.Render("  ↓ PgDn: rincian lainnya (" + itoa(len(panel)-end+1) + " baris)")
	}
	return top + "\n" + strings.Join(shown, "\n")
}

func (s *evForm) panel(w int) []string {
	st := &s.c.Styles
	hasil, perilaku := s.rating("hasil"), s.rating("perilaku")
	pred := domain.PredikatKinerja(hasil, perilaku)
	var out []string
	if pred != "" {
		out = append(out, "Predikat kinerja: "+st.Title.Render(pred.Label())+st.Muted.Render("  (matriks rating hasil kerja × rating perilaku kerja)"))
		if s.skp.Pegawai.JF {
			months := domain.EvalMonths(s.skp, domain.Evaluasi{Kind: s.row.kind, Period: s.row.period}, s.row.freq)
			if ak := domain.ComputeAK(s.skp.Pegawai.Jenjang, pred, months); !ak.IsZero() {
				out = append(out, st.Muted.Render("Angka kredit bila difinalkan: "+ak.String()+" ("+itoa(months)+" bulan)"))
			}
		}
	} else {
		out = append(out, st.Muted.Render("Predikat kinerja: — (pilih kedua rating; predikat mengikuti matriks, tidak diketik)"))
	}
	for _, l := range kinWrap("Panduan: "+domain.RatingGuidance(hasil), w) {
		out = append(out, st.Muted.Render(l))
	}
	for _, warn := range domain.HasilKerjaWarnings(s.skp, s.work, s.row.period, hasil) {
		for _, l := range kinWrap("⚠ "+warn, w) {
			out = append(out, st.FieldWarning.Render(l))
		}
	}
	if s.headNote != "" {
		out = append(out, kinWrap(s.headNote, w)...)
	}
	for _, l := range kinWrap(s.noHead, w) {
		if l != "" {
			out = append(out, st.Muted.Render(l))
		}
	}
	out = append(out, s.distribution(pred, w)...)
	out = append(out, s.workLines(w)...)
	out = append(out, s.feedbackLines(w)...)
	return out
}

// distribution is the unit's pattern check with the predikat being
// chosen counted in (annual evaluations; the pattern is about the year).
func (s *evForm) distribution(pred domain.Predikat, w int) []string {
	st := &s.c.Styles
	out := []string{""}
	switch {
	case s.row.kind != domain.EvalTahunan:
		return append(out, st.Muted.Render(clip("Pola distribusi predikat unit diperiksa pada evaluasi tahunan.", w)))
	case !s.loaded:
		return append(out, st.Muted.Render("Pola distribusi: memuat…"))
	case s.loadErr != nil:
		return append(out, st.StatusError.Render(clip("Pola distribusi tidak dapat dihitung: "+domain.ErrorMessage(s.loadErr), w)))
	case s.org == "":
		return append(out, st.Muted.Render(clip("Pola distribusi: predikat kinerja organisasi "+inert(s.unitName)+" "+itoa(s.skp.Year)+" belum ditetapkan.", w)))
	}
	counts := map[domain.Predikat]int{}
	total := 0
	for p, n := range s.others {
		counts[p] += n
		total += n
	}
	if pred != "" {
		counts[pred]++
		total++
	}
	out = append(out, st.Section.Render(clip("Pola distribusi "+inert(s.unitName)+" (predikat organisasi "+s.org.Label()+")", w)))
	var parts []string
	for _, p := range domain.Predikats() {
		parts = append(parts, p.Label()+" "+itoa(counts[p]))
	}
	note := " (predikat tahunan final di unit"
	if pred != "" {
		note += ", termasuk penilaian ini"
	}
	out = append(out, kinWrap(itoa(total)+" dinilai"+note+"): "+strings.Join(parts, " · "), w)...)
	checks := s.settings.Distribution(s.org, counts)
	var unmet []string
	for _, c := range checks {
		mark := "✓ "
		if !c.Met {
			mark = "✗ "
			unmet = append(unmet, c.Text)
		}
		line := mark + c.Text + " — sekarang " + itoa(c.Count)
		if c.Met {
			out = append(out, clip("  "+line, w))
		} else {
			out = append(out, st.FieldWarning.Render(clip("  "+line, w)))
		}
	}
	if len(unmet) > 0 {
		for _, l := range kinWrap("⚠ Belum terpenuhi: "+strings.Join(unmet, "; ")+". Ini peringatan, bukan larangan.", w) {
			out = append(out, st.FieldWarning.Render(l))
		}
	} else if len(checks) > 0 {
		out = append(out, st.StatusOK.Render("Pola distribusi terpenuhi."))
	}
	return out
}

// workLines are the period's realisasi and bukti per RHK.
func (s *evForm) workLines(w int) []string {
	st := &s.c.Styles
	f := s.row.freq
	title := "Realisasi " + s.row.label
	if s.row.kind == domain.EvalTahunan {
		title = "Realisasi sepanjang tahun"
		f = s.settings.Frequency
	}
	out := []string{"", st.Section.Render(clip(title, w))}
	if len(s.skp.RHK) == 0 {
		return append(out, st.Muted.Render("SKP belum berisi RHK."))
	}
	for i, r := range s.skp.RHK {
		out = append(out, clip("RHK "+itoa(i+1)+" ("+r.Kategori.String()+"): "+inert(r.Text), w))
		found := false
		for _, x := range s.work {
			if x.RHKID != r.ID || s.row.period != 0 && x.Period != s.row.period {
				continue
			}
			if strings.TrimSpace(x.Realisasi) == "" && len(x.Bukti) == 0 {
				continue
			}
			found = true
			line := "    "
			if s.row.kind == domain.EvalTahunan {
				line += f.PeriodLabel(x.Period) + ": "
			}
			real := strings.TrimSpace(x.Realisasi)
			if real == "" {
				real = "(realisasi belum diisi)"
			}
			line += inert(real) + " · bukti " + itoa(len(x.Bukti))
			out = append(out, clip(line, w))
		}
		if !found {
			out = append(out, st.Muted.Render("    belum ada realisasi · bukti 0"))
		}
	}
	if s.row.kind == domain.EvalTahunan {
		var parts []string
		for _, e := range s.evals {
			if e.Kind != domain.EvalPeriodik {
				continue
			}
			p := "—"
			if x := domain.PredikatKinerja(e.RatingHasil, e.RatingPerilaku); x != "" {
				p = x.Label()
			}
			if !e.Final {
				p += " (belum final)"
			}
			parts = append(parts, e.Frequency.PeriodLabel(e.Period)+": "+p)
		}
		if len(parts) > 0 {
			out = append(out, kinWrap("Evaluasi periodik: "+strings.Join(parts, " · "), w)...)
		}
	}
	return out
}

// feedbackLines are the period's umpan balik, newest first.
func (s *evForm) feedbackLines(w int) []string {
	st := &s.c.Styles
	var fb []domain.Feedback
	for _, f := range s.feedback {
		if s.row.period == 0 || f.Period == s.row.period {
			fb = append(fb, f)
		}
	}
	out := []string{"", st.Section.Render(clip("Umpan balik "+s.row.label+" ("+itoa(len(fb))+")", w))}
	if len(fb) == 0 {
		return append(out, st.Muted.Render("Belum ada umpan balik pada periode ini."))
	}
	for i := len(fb) - 1; i >= 0 && len(fb)-i <= 8; i-- {
		f := fb[i]
		for j, l := range kinWrap(domain.DateOf(f.Time).String()+" "+f.AuthorName+" · "+f.Target.Label(s.skp)+": "+f.Text, w-2) {
			if j > 0 {
				l = "  " + l
			}
			out = append(out, l)
		}
	}
	if len(fb) > 8 {
		out = append(out, st.Muted.Render("… "+itoa(len(fb)-8)+" umpan balik lain di tab Umpan balik"))
	}
	return out
}

// ---- Buka kunci ----

// evUnlockForm is Admin reopening a final evaluation; the reason is
// required and kept with the evaluation (and in the audit).
type evUnlockForm struct {
	base
	skpID, evalID uint64
	label         string
	form          *form
	busy          bool
}

func newEvUnlockForm(c *Common, skpID, evalID uint64, label string) *evUnlockForm {
	s := &evUnlockForm{base: newBase(c), skpID: skpID, evalID: evalID, label: label}
	reason := textField("alasan", "Alasan *", "", 500)
	reason.hint = "Mengapa evaluasi yang sudah final dibuka lagi; tercatat di riwayat perubahan."
	s.form = newForm(&c.Styles, []*field{reason})
	s.form.submitLabel = "Buka kunci (Ctrl+S)"
	s.form.snapshot()
	return s
}

func (s *evUnlockForm) Title() string    { return "Buka kunci evaluasi " + s.label }
func (s *evUnlockForm) Capturing() bool  { return true }
func (s *evUnlockForm) Dirty() bool      { return s.form.changed() }
func (s *evUnlockForm) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, min(h, 8)) }
func (s *evUnlockForm) Keys() []KeyHelp  { return []KeyHelp{{"Ctrl+S", "Buka kunci"}} }

type evUnlockedMsg struct{ err error }

func (s *evUnlockForm) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case evUnlockedMsg:
		s.busy, s.form.saving = false, false
		if msg.err != nil {
			var e *domain.Error
			if errors.As(msg.err, &e) && e.Field == "alasan" {
				s.form.errors["alasan"] = e.Message
				s.form.showAll = true
			}
			return failure(msg.err)
		}
		s.form.snapshot()
		return tea.Batch(pop(savedResult{s.evalID}), reload("Kunci evaluasi "+s.label+" dibuka; alasan dicatat."))
	}
	switch s.form.update(msg) {
	case formChanged:
		if s.form.showAll {
			s.check()
		}
	case formCancel:
		return pop(nil)
	case formSubmit:
		if s.busy {
			return nil
		}
		s.form.showAll = true
		reason, ok := s.check()
		if !ok {
			return failure(domain.Errorf(domain.EINVALID, "Alasan membuka kunci wajib diisi."))
		}
		s.busy, s.form.saving = true, true
		repo, skpID, id := s.c.Kinerja, s.skpID, s.evalID
		return s.cmd(func(ctx context.Context) tea.Msg {
			return evUnlockedMsg{repo.UnlockEvaluasi(ctx, skpID, id, reason)}
		})
	}
	return nil
}

func (s *evUnlockForm) check() (string, bool) {
	s.form.errors = map[string]string{}
	reason := strings.TrimSpace(s.form.get("alasan").value())
	if reason == "" {
		s.form.errors["alasan"] = "Alasan membuka kunci wajib diisi."
	}
	return reason, reason != ""
}

func (s *evUnlockForm) View() string {
	st := &s.c.Styles
	var head []string
	for _, l := range kinWrap("Evaluasi "+s.label+" sudah final. Membuka kunci mengizinkan penilai mengubah rating lagi; alasannya disimpan bersama evaluasi dan di riwayat perubahan.", s.w) {
		head = append(head, st.FieldWarning.Render(l))
	}
	return strings.Join(head, "\n") + "\n\n" + s.form.view()
}

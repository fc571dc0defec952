package tui

import (
	"context"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// The Pelaksanaan tab: per RHK and evaluation period (the office's
// Triwulan or Bulan), the rencana aksi with its target and the realisasi,
// and under each period its bukti dukung — files kept by asndesk with their
// SHA-256, or references (nomor dokumen, link).

type workRow struct {
	rhk    int // index into SKP.RHK
	period int // 1..Periods()
	work   *domain.PeriodWork
	bukti  int // -1: the period row; else index into work.Bukti
	line   int
}

type workTab struct {
	h      *skpHost
	rows   []workRow
	lines  []planLine
	built  *domain.SKPFile
	builtW int
	cursor int
	top    int
	ht     int
	want   uint64 // select this work entry after a reload
}

func newWorkTab(h *skpHost) skpTab { return &workTab{h: h} }

func (t *workTab) Title() string   { return "Pelaksanaan" }
func (t *workTab) Capturing() bool { return false }

func (t *workTab) freq() domain.Frequency {
	if t.h.settings != nil {
		return t.h.settings.Frequency
	}
	return domain.Triwulanan
}

func (t *workTab) limit() int64 {
	if t.h.settings != nil && t.h.settings.BuktiMaxSize > 0 {
		return t.h.settings.BuktiMaxSize
	}
	return domain.DefaultSKPSettings().BuktiMaxSize
}

func (t *workTab) workErr() error { return skpCan(t.h, domain.OpWork) }

// Keys follow the row under the cursor, so the footer names what works
// there and keeps every key at 120 columns: on a period row, filling it
// and adding bukti; on a bukti, its copy and its deletion.
func (t *workTab) Keys() []KeyHelp {
	var keys []KeyHelp
	r, ok := t.current()
	onBukti := ok && r.bukti >= 0 && r.work != nil && r.bukti < len(r.work.Bukti)
	canWork := t.workErr() == nil
	if onBukti {
		if r.work.Bukti[r.bukti].Kind == domain.BuktiFile {
			keys = append(keys, KeyHelp{"F7", "Simpan salinan"})
		} else {
			keys = append(keys, KeyHelp{"Enter", "Lihat"})
		}
		if canWork {
			keys = append(keys, KeyHelp{"F8", "Hapus bukti"})
		}
		if canWork {
			keys = append(keys, KeyHelp{"F5/F6", "Bukti baru"})
		}
	} else if canWork {
		keys = append(keys, KeyHelp{"Enter", "Isi realisasi"}, KeyHelp{"F5", "Bukti berkas"}, KeyHelp{"F6", "Bukti referensi"})
	}
	if canWork {
		return keys // ↑↓ is left out here, as on the Rencana tab: the cursor shows it
	}
	return append(keys, KeyHelp{"↑↓", "Pilih"})
}

// Column widths of the period table.
func workCols(w int) (per, ra, tgt, real, bk int) {
	per, tgt, bk = 13, 14, 5
	rest := max(20, w-2-per-tgt-bk-4)
	ra = rest / 2
	return per, ra, tgt, rest - ra, bk
}

func (t *workTab) build(w int) {
	f := t.h.file
	if f == nil || (t.built == f && t.builtW == w) {
		return
	}
	var keepWork uint64
	keepRHK, keepPeriod, keepBukti := -1, 0, -1
	if t.cursor < len(t.rows) {
		r := t.rows[t.cursor]
		keepRHK, keepPeriod, keepBukti = r.rhk, r.period, r.bukti
		if r.work != nil {
			keepWork = r.work.ID
		}
	}
	t.built, t.builtW = f, w
	st := &t.h.c.Styles
	fr := t.freq()
	byKey := map[[2]uint64]*domain.PeriodWork{}
	for i := range f.Work {
		wk := &f.Work[i]
		byKey[[2]uint64{wk.RHKID, uint64(wk.Period)}] = wk
	}
	t.rows, t.lines = t.rows[:0], t.lines[:0]
	add := func(text string, style *lipgloss.Style, row int, head bool) {
		t.lines = append(t.lines, planLine{text: clip(text, w-2), style: style, item: row, head: head})
	}
	for _, l := range t.guidance(w) {
		add(l.text, l.style, -1, false)
	}
	per, ra, tgt, real, bk := workCols(w)
	for i, r := range f.SKP.RHK {
		if i > 0 {
			add("", nil, -1, false)
		}
		add("RHK "+strconv.Itoa(i+1)+" · "+r.Kategori.String()+" · "+inert(r.Text), &st.Title, -1, false)
		add(fit("Periode", per)+" "+fit("Rencana aksi", ra)+" "+fit("Target", tgt)+" "+fit("Realisasi", real)+" "+fit("Bukti", bk), &st.Label, -1, false)
		for p := 1; p <= fr.Periods(); p++ {
			wk := byKey[[2]uint64{r.ID, uint64(p)}]
			row := workRow{rhk: i, period: p, work: wk, bukti: -1, line: len(t.lines)}
			text := fit(fr.PeriodLabel(p), per) + " "
			if wk == nil {
				text += "—"
			} else {
				nb := ""
				if len(wk.Bukti) > 0 {
					nb = strconv.Itoa(len(wk.Bukti))
				}
				text += fit(wk.RencanaAksi, ra) + " " + fit(wk.Target, tgt) + " " + fit(wk.Realisasi, real) + " " + fit(nb, bk)
			}
			t.rows = append(t.rows, row)
			add(text, nil, len(t.rows)-1, true)
			if wk == nil {
				continue
			}
			for b, x := range wk.Bukti {
				t.rows = append(t.rows, workRow{rhk: i, period: p, work: wk, bukti: b, line: len(t.lines)})
				add("    ▪ "+buktiText(x), &st.Muted, len(t.rows)-1, true)
			}
		}
	}
	if len(f.SKP.RHK) == 0 {
		add("SKP ini belum berisi RHK: rencana aksi disusun per RHK.", &st.Muted, -1, false)
	}
	// Stay where the user was: the same period row or bukti.
	t.cursor = max(0, min(t.cursor, len(t.rows)-1))
	for i, r := range t.rows {
		if t.want != 0 && r.work != nil && r.work.ID == t.want && r.bukti < 0 {
			t.cursor, t.want = i, 0
			return
		}
	}
	for i, r := range t.rows {
		if r.rhk == keepRHK && r.period == keepPeriod && (r.bukti == keepBukti || keepWork == 0 && r.bukti < 0) {
			t.cursor = i
			if r.bukti == keepBukti {
				return
			}
		}
	}
}

// buktiText is one bukti on a line: name, size, date and the start of its
// SHA-256, or the reference.
func buktiText(b domain.Bukti) string {
	date := ""
	if !b.Added.IsZero() {
		date = domain.DateOf(b.Added).String()
	}
	if b.Kind == domain.BuktiReferensi {
		return inert(b.Name) + " · referensi: " + inert(b.Ref) + " · " + date
	}
	sum := b.SHA256
	if len(sum) > 12 {
		sum = sum[:12]
	}
	return inert(b.Name) + " · " + skpSize(b.Size) + " · " + date + " · SHA-256 " + sum + "…"
}

func (t *workTab) guidance(w int) []planLine {
	st := &t.h.c.Styles
	var out []planLine
	add := func(text string, style *lipgloss.Style) {
		for _, l := range skpWrap(text, max(20, w-4)) {
			out = append(out, planLine{text: l, style: style, item: -1})
		}
	}
	if err := t.workErr(); err != nil {
		add("Hanya dapat dibaca: "+domain.ErrorMessage(err), &st.Muted)
	} else {
		add("Enter mengisi rencana aksi dan realisasi periode yang dipilih; F5/F6 menambah bukti dukung (berkas maks. "+
			skpSize(t.limit())+", atau referensi).", &st.Muted)
	}
	add("Periode evaluasi kantor: "+t.freq().Label()+".", &st.Muted)
	return append(out, planLine{item: -1})
}

func (t *workTab) page() int { return max(1, t.ht) }

func (t *workTab) reveal() {
	if len(t.rows) == 0 {
		t.top = 0
		return
	}
	revealLine(&t.top, t.rows[t.cursor].line, t.cursor, t.page(), len(t.lines))
}

func (t *workTab) move(d int) {
	t.cursor = max(0, min(len(t.rows)-1, t.cursor+d))
	t.reveal()
}

func (t *workTab) current() (workRow, bool) {
	if t.cursor < len(t.rows) {
		return t.rows[t.cursor], true
	}
	return workRow{}, false
}

func (t *workTab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case resultMsg:
		if r, ok := msg.result.(savedResult); ok && r.id != 0 {
			t.want = r.id
		}
	case skpReloadedMsg:
		t.built = nil
	case tea.KeyMsg:
		if t.h.file == nil {
			return nil
		}
		t.build(t.builtW)
		switch msg.String() {
		case "up":
			t.move(-1)
		case "down":
			t.move(1)
		case "pgup":
			t.move(-t.page() / 2)
		case "pgdown":
			t.move(t.page() / 2)
		case "home":
			t.move(-len(t.rows))
		case "end":
			t.move(len(t.rows))
		case "enter":
			return t.open()
		case "f5":
			return t.addBukti(domain.BuktiFile)
		case "f6":
			return t.addBukti(domain.BuktiReferensi)
		case "f7":
			return t.saveCopy()
		case "f8", "delete":
			return t.deleteBukti()
		}
	case tea.MouseMsg:
		if t.h.file == nil {
			return nil
		}
		return lineMouse(msg, t.lines, &t.top, &t.cursor, t.page(), t.open)
	}
	return nil
}

// open edits the period's rencana aksi and realisasi, or saves a copy of
// the bukti file under the cursor.
func (t *workTab) open() tea.Cmd {
	r, ok := t.current()
	if !ok {
		return nil
	}
	if r.bukti >= 0 {
		if r.work.Bukti[r.bukti].Kind == domain.BuktiFile {
			return t.saveCopy()
		}
		b := r.work.Bukti[r.bukti]
		return showDialog(messageDialog(&t.h.c.Styles, "Bukti referensi", inert(b.Name)+"\n\n"+inert(b.Ref)))
	}
	if err := t.workErr(); err != nil {
		return failure(err)
	}
	return push(newWorkForm(t.h.c, t.h.file.SKP, r.rhk, r.period, t.freq(), r.work))
}

func (t *workTab) addBukti(kind domain.BuktiKind) tea.Cmd {
	if err := t.workErr(); err != nil {
		return failure(err)
	}
	r, ok := t.current()
	if !ok {
		return nil
	}
	if r.work == nil {
		return failure(domain.Errorf(domain.EINVALID, "Isi rencana aksi atau realisasi "+t.freq().PeriodLabel(r.period)+" dulu (Enter), lalu tambahkan bukti dukungnya."))
	}
	label := "RHK " + strconv.Itoa(r.rhk+1) + " · " + t.freq().PeriodLabel(r.period)
	if kind == domain.BuktiFile {
		return push(newBuktiFileForm(t.h.c, r.work.SKPID, r.work.ID, label, t.limit()))
	}
	return push(newBuktiRefForm(t.h.c, r.work.SKPID, r.work.ID, label))
}

func (t *workTab) saveCopy() tea.Cmd {
	r, ok := t.current()
	if !ok || r.bukti < 0 {
		return failure(domain.Errorf(domain.EINVALID, "Pilih bukti berkas (baris ▪ di bawah periode), lalu tekan F7."))
	}
	b := r.work.Bukti[r.bukti]
	if b.Kind != domain.BuktiFile {
		return failure(domain.Errorf(domain.EINVALID, "Bukti ini referensi, tidak ada berkas untuk disalin."))
	}
	return push(newBuktiCopyForm(t.h.c, r.work.SKPID, r.work.ID, b))
}

func (t *workTab) deleteBukti() tea.Cmd {
	if err := t.workErr(); err != nil {
		return failure(err)
	}
	r, ok := t.current()
	if !ok || r.bukti < 0 {
		return nil
	}
	b := r.work.Bukti[r.bukti]
	c, skpID, workID := t.h.c, r.work.SKPID, r.work.ID
	do := t.h.cmd(func(ctx context.Context) tea.Msg {
		return skpDoneMsg{status: "Bukti \"" + b.Name + "\" dihapus.", err: c.Kinerja.DeleteBukti(ctx, skpID, workID, b.ID)}
	})
	return showDialog(confirmDialog(&c.Styles, "Hapus bukti", "Hapus bukti \""+inert(b.Name)+"\" dari "+t.freq().PeriodLabel(r.period)+
		"? Salinan berkas di asndesk ikut terhapus.", "Ya, hapus", "Tidak", do, nil))
}

func (t *workTab) View(w, h int) string {
	if t.h.file == nil {
		return ""
	}
	st := &t.h.c.Styles
	t.build(w)
	var detail []string
	if h >= 12 {
		detail = t.detail(w)
	}
	t.ht = max(1, h-len(detail))
	t.reveal()
	body := drawDoc(st, planDoc{lines: t.lines}, t.top, t.ht, w, t.cursor)
	if len(detail) == 0 {
		return body
	}
	n := strings.Count(body, "\n") + 1
	for ; n < t.ht; n++ {
		body += "\n"
	}
	return body + "\n" + strings.Join(detail, "\n")
}

// detail shows the whole rencana aksi and realisasi of the selected period,
// which the table can only show cut.
func (t *workTab) detail(w int) []string {
	r, ok := t.current()
	if !ok || r.work == nil {
		return nil
	}
	st := &t.h.c.Styles
	out := []string{st.Muted.Render(strings.Repeat("─", max(1, w)))}
	add := func(label, v string) {
		if strings.TrimSpace(v) == "" {
			v = "—"
		}
		for i, l := range skpWrap(v, max(10, w-15)) {
			if i == 2 {
				break
			}
			lab := strings.Repeat(" ", 14)
			if i == 0 {
				lab = st.Label.Render(fit(label, 14))
			}
			out = append(out, clip(lab+" "+l, w))
		}
	}
	add("Rencana aksi", r.work.RencanaAksi)
	add("Realisasi", r.work.Realisasi)
	return out
}

// --- forms ---

// skpActForm is a small form whose save is one repo call: rencana aksi and
// realisasi, a bukti, a copy of a bukti file. Values are read in Update and
// handed to the Cmd, so nothing is read off the UI loop.
type skpActForm struct {
	base
	title   string
	intro   []string
	form    *form
	prepare func(vals map[string]string) (func(ctx context.Context) (uint64, string, error), domain.FieldErrors)
	reload  bool // the save changed data: reload everything
	busy    bool
	keys    []KeyHelp
}

type skpActDoneMsg struct {
	id     uint64
	status string
	err    error
}

func newSKPActForm(c *Common, title string, intro []string, fields []*field) *skpActForm {
	a := &skpActForm{base: newBase(c), title: title, intro: intro, reload: true}
	a.form = newForm(&c.Styles, fields)
	a.form.snapshot()
	return a
}

func (a *skpActForm) Title() string   { return a.title }
func (a *skpActForm) Capturing() bool { return true }
func (a *skpActForm) Dirty() bool     { return a.form.changed() }
func (a *skpActForm) Keys() []KeyHelp { return []KeyHelp{{"Tab", "Pindah"}, {"Ctrl+S", "Simpan"}} }
func (a *skpActForm) SetSize(w, h int) {
	a.base.SetSize(w, h)
	a.form.setSize(w, max(3, h-len(skpIntro(&a.c.Styles, a.intro, w))))
}

func (a *skpActForm) values() map[string]string {
	v := map[string]string{}
	for _, f := range a.form.fields {
		v[f.key] = f.value()
	}
	return v
}

// place shows an error beside its field when it names one.
func (a *skpActForm) place(err error) {
	var fe domain.FieldErrors
	if errors.As(err, &fe) {
		for k, v := range fe {
			if a.form.get(k) != nil {
				a.form.errors[k] = v
			} else {
				a.form.errors[a.form.fields[0].key] = v
			}
		}
		return
	}
	var de *domain.Error
	if errors.As(err, &de) && de.Field != "" && a.form.get(de.Field) != nil {
		a.form.errors[de.Field] = de.Message
		return
	}
	if f := a.form.focused(); f != nil {
		a.form.errors[f.key] = domain.ErrorMessage(err)
	} else {
		a.form.errors[a.form.fields[0].key] = domain.ErrorMessage(err)
	}
}

func (a *skpActForm) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case skpActDoneMsg:
		a.busy, a.form.saving = false, false
		if msg.err != nil {
			a.form.errors = map[string]string{}
			a.place(msg.err)
			a.form.showAll = true
			return failure(msg.err)
		}
		a.form.snapshot()
		if a.reload {
			return tea.Batch(reload(msg.status), pop(savedResult{msg.id}))
		}
		return tea.Batch(info(msg.status), pop(nil))
	}
	switch a.form.update(msg) {
	case formChanged:
		a.form.errors = map[string]string{}
		if _, fe := a.prepare(a.values()); len(fe) > 0 {
			for k, v := range fe {
				a.form.errors[k] = v
			}
		}
	case formCancel:
		if a.Dirty() {
			return showDialog(confirmDialog(&a.c.Styles, "Batal", "Isian belum disimpan. Buang dan kembali?", "Ya, buang", "Tidak", pop(nil), nil))
		}
		return pop(nil)
	case formSubmit:
		if a.busy {
			return nil
		}
		a.form.showAll = true
		a.form.errors = map[string]string{}
		run, fe := a.prepare(a.values())
		if len(fe) > 0 {
			for k, v := range fe {
				a.form.errors[k] = v
			}
			return failure(domain.Errorf(domain.EINVALID, "Belum dapat disimpan: "+fe.Summary()))
		}
		a.busy, a.form.saving = true, true
		return a.cmd(func(ctx context.Context) tea.Msg {
			id, status, err := run(ctx)
			return skpActDoneMsg{id, status, err}
		})
	}
	return nil
}

func (a *skpActForm) View() string {
	var b strings.Builder
	for _, l := range skpIntro(&a.c.Styles, a.intro, a.w) {
		b.WriteString(l + "\n")
	}
	b.WriteString(a.form.view())
	return b.String()
}

// newWorkForm fills the rencana aksi, its target and the realisasi of one
// RHK in one period.
func newWorkForm(c *Common, s domain.SKP, rhk, period int, fr domain.Frequency, w *domain.PeriodWork) *skpActForm {
	cur := domain.PeriodWork{SKPID: s.ID, RHKID: s.RHK[rhk].ID, Period: period}
	if w != nil {
		cur = *w
		cur.Bukti = nil // bukti have their own calls; SaveWork never touches them
	}
	ra := textField("rencana_aksi", "Rencana aksi", cur.RencanaAksi, 2000)
	ra.hint = "Langkah yang direncanakan pada periode ini untuk mencapai RHK."
	tgt := textField("target", "Target", cur.Target, 200)
	tgt.hint = "Target rencana aksi, misalnya \"1 Dokumen\"."
	real := textField("realisasi", "Realisasi", cur.Realisasi, 2000)
	real.hint = "Yang sudah tercapai; bukti dukung ditambahkan di tab Pelaksanaan (F5/F6)."
	from, to := domain.PeriodRange(s.Year, fr, period)
	r := s.RHK[rhk]
	intro := []string{
		"RHK " + strconv.Itoa(rhk+1) + " · " + r.Kategori.String() + ": " + r.Text,
		"Periode: " + fr.PeriodLabel(period) + " (" + skpPeriodText(from, to) + ")", "",
	}
	a := newSKPActForm(c, "Pelaksanaan "+fr.PeriodLabel(period), intro, []*field{ra, tgt, real})
	a.prepare = func(v map[string]string) (func(context.Context) (uint64, string, error), domain.FieldErrors) {
		next := cur
		next.RencanaAksi, next.Target, next.Realisasi = strings.TrimSpace(v["rencana_aksi"]), strings.TrimSpace(v["target"]), strings.TrimSpace(v["realisasi"])
		if err := domain.ValidateWork(s, next, fr); err != nil {
			var fe domain.FieldErrors
			if errors.As(err, &fe) {
				return nil, fe
			}
		}
		return func(ctx context.Context) (uint64, string, error) {
			id, err := c.Kinerja.SaveWork(ctx, next)
			return id, "Rencana aksi dan realisasi " + fr.PeriodLabel(period) + " disimpan.", err
		}, nil
	}
	return a
}

// cleanPath reads a path as people paste it: quoted, with a file:// URL
// from a file manager, or starting with ~.
func cleanPath(p string) string {
	p = strings.TrimSpace(p)
	if len(p) >= 2 && (p[0] == '"' && p[len(p)-1] == '"' || p[0] == '\'' && p[len(p)-1] == '\'') {
		p = p[1 : len(p)-1]
	}
	if strings.HasPrefix(p, "file://") {
		if u, err := url.Parse(p); err == nil {
			p = u.Path
		}
	}
	if p == "~" || strings.HasPrefix(p, "~/") || strings.HasPrefix(p, `~\`) {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[1:])
		}
	}
	return p
}

// readBukti reads a file for AddBukti. The size is checked with Stat
// before a byte is read, so an oversized file costs nothing.
func readBukti(path string, limit int64) (string, []byte, error) {
	p := cleanPath(path)
	fi, err := os.Stat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", nil, &domain.Error{Code: domain.EINVALID, Field: "path", Message: "Berkas tidak ditemukan: " + p + ". Periksa lokasi dan nama berkasnya."}
	case errors.Is(err, fs.ErrPermission):
		return "", nil, &domain.Error{Code: domain.EINVALID, Field: "path", Message: "Berkas tidak dapat dibaca (izin ditolak): " + p + "."}
	case err != nil:
		return "", nil, &domain.Error{Code: domain.EINVALID, Field: "path", Message: "Berkas tidak dapat dibuka: " + p + "."}
	case fi.IsDir():
		return "", nil, &domain.Error{Code: domain.EINVALID, Field: "path", Message: "Itu folder, bukan berkas: " + p + ". Tulis lokasi berkasnya."}
	case !fi.Mode().IsRegular():
		return "", nil, &domain.Error{Code: domain.EINVALID, Field: "path", Message: "Bukan berkas biasa: " + p + "."}
	}
	// Short enough for the status line at 120 columns: a long name is cut.
	tooBig := func(n int64) error {
		return &domain.Error{Code: domain.EINVALID, Field: "path", Message: "Berkas " + clip(inert(filepath.Base(p)), 32) + " " + skpSize(n) +
			" melebihi batas " + skpSize(limit) + ". Perkecil berkasnya atau ubah batas di Pengaturan SKP."}
	}
	if limit > 0 && fi.Size() > limit {
		return "", nil, tooBig(fi.Size())
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return "", nil, &domain.Error{Code: domain.EINVALID, Field: "path", Message: "Berkas tidak dapat dibaca: " + p + "."}
	}
	if limit > 0 && int64(len(data)) > limit { // it grew since Stat
		return "", nil, tooBig(int64(len(data)))
	}
	return filepath.Base(p), data, nil
}

// newBuktiFileForm adds a file as bukti dukung: asndesk keeps a copy.
func newBuktiFileForm(c *Common, skpID, workID uint64, label string, limit int64) *skpActForm {
	path := textField("path", "Lokasi berkas", "", 1000)
	path.hint = "Lokasi lengkap, misalnya /home/siti/Dokumen/laporan.pdf atau C:\\Dokumen\\laporan.pdf."
	intro := []string{"Bukti dukung " + label + ": asndesk menyimpan salinan berkas beserta sidik SHA-256-nya. Batas " +
		skpSize(limit) + " per berkas.", ""}
	a := newSKPActForm(c, "Tambah bukti berkas", intro, []*field{path})
	a.prepare = func(v map[string]string) (func(context.Context) (uint64, string, error), domain.FieldErrors) {
		p := strings.TrimSpace(v["path"])
		if p == "" {
			return nil, domain.FieldErrors{"path": "Tulis lokasi berkas bukti."}
		}
		return func(ctx context.Context) (uint64, string, error) {
			name, data, err := readBukti(p, limit)
			if err != nil {
				return 0, "", err
			}
			_, err = c.Kinerja.AddBukti(ctx, skpID, workID, domain.Bukti{Kind: domain.BuktiFile, Name: name, Contents: data})
			return workID, "Bukti \"" + name + "\" (" + skpSize(int64(len(data))) + ") disimpan.", err
		}, nil
	}
	return a
}

// newBuktiRefForm adds a reference as bukti dukung when there is no file.
func newBuktiRefForm(c *Common, skpID, workID uint64, label string) *skpActForm {
	name := textField("name", "Judul bukti", "", 200)
	name.hint = "Misalnya \"Nota dinas penyampaian laporan\"."
	ref := textField("ref", "Nomor dokumen / tautan", "", 1000)
	ref.hint = "Nomor surat atau dokumen, atau alamat tautan."
	intro := []string{"Bukti dukung " + label + " tanpa berkas: catat nomor dokumen atau tautannya.", ""}
	a := newSKPActForm(c, "Tambah bukti referensi", intro, []*field{name, ref})
	a.prepare = func(v map[string]string) (func(context.Context) (uint64, string, error), domain.FieldErrors) {
		fe := domain.FieldErrors{}
		n, r := strings.TrimSpace(v["name"]), strings.TrimSpace(v["ref"])
		if n == "" {
			fe["name"] = "Tulis judul bukti."
		}
		if r == "" {
			fe["ref"] = "Tulis nomor dokumen atau tautan."
		}
		if len(fe) > 0 {
			return nil, fe
		}
		return func(ctx context.Context) (uint64, string, error) {
			_, err := c.Kinerja.AddBukti(ctx, skpID, workID, domain.Bukti{Kind: domain.BuktiReferensi, Name: n, Ref: r})
			return workID, "Bukti \"" + n + "\" dicatat.", err
		}, nil
	}
	return a
}

// newBuktiCopyForm writes the verified copy of a bukti file where the user
// says; an existing file is never overwritten. The default is the user's
// home folder (C:\Users\<nama> on Windows) with the original name, and a
// relative path is read from there too: never from the folder asndesk
// happened to be started in, which the user cannot see.
func newBuktiCopyForm(c *Common, skpID, workID uint64, b domain.Bukti) *skpActForm {
	home, herr := os.UserHomeDir()
	if herr == nil && !filepath.IsAbs(home) {
		herr = errors.New("home is not absolute")
	}
	name := skpBaseName(b.Name)
	def := ""
	if herr == nil {
		def = filepath.Join(home, name)
	}
	dest := textField("dest", "Simpan ke", def, 1000)
	dest.hint = "Lokasi dan nama berkas salinan; berkas yang sudah ada tidak ditimpa."
	if herr == nil {
		dest.hint = "Lokasi lengkap berkas salinan; nama tanpa folder disimpan di " + home + ". Berkas yang sudah ada tidak ditimpa."
	}
	intro := []string{"Salinan " + b.Name + " (" + skpSize(b.Size) + ") diperiksa dengan SHA-256 sebelum ditulis.", ""}
	a := newSKPActForm(c, "Simpan salinan bukti", intro, []*field{dest})
	a.reload = false
	a.prepare = func(v map[string]string) (func(context.Context) (uint64, string, error), domain.FieldErrors) {
		d := strings.TrimSpace(v["dest"])
		if d == "" {
			return nil, domain.FieldErrors{"dest": "Tulis lokasi berkas salinan."}
		}
		p := cleanPath(d)
		if !filepath.IsAbs(p) {
			if herr != nil {
				return nil, domain.FieldErrors{"dest": "Tulis lokasi lengkap, misalnya /home/nama/Dokumen/" + name + " atau C:\\Users\\nama\\Documents\\" + name + "."}
			}
			p = filepath.Join(home, p)
		}
		p = filepath.Clean(p)
		return func(ctx context.Context) (uint64, string, error) {
			full, err := c.Kinerja.BuktiFile(ctx, skpID, workID, b.ID)
			if err != nil {
				return 0, "", err
			}
			p := p
			if fi, err := os.Stat(p); err == nil && fi.IsDir() {
				p = filepath.Join(p, skpBaseName(full.Name))
			}
			f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return 0, "", &domain.Error{Code: domain.EINVALID, Field: "dest", Message: "Berkas " + p + " sudah ada; pilih nama lain."}
			}
			if err != nil {
				return 0, "", &domain.Error{Code: domain.EINVALID, Field: "dest", Message: "Tidak dapat menulis ke " + p + ". Periksa foldernya."}
			}
			_, werr := f.Write(full.Contents)
			serr := f.Sync()
			cerr := f.Close()
			if werr != nil || serr != nil || cerr != nil {
				_ = os.Remove(p)
				return 0, "", &domain.Error{Code: domain.EINVALID, Field: "dest", Message: "Salinan tidak dapat ditulis ke " + p + " (ruang disk penuh?)."}
			}
			return 0, "Salinan tersimpan (SHA-256 cocok): " + p, nil
		}, nil
	}
	return a
}

// skpBaseName is the file name of a stored bukti without any folder part
// it may hold, so a copy never lands outside the folder the user chose.
func skpBaseName(name string) string {
	n := filepath.Base(filepath.Clean("/" + strings.ReplaceAll(name, "\\", "/")))
	if n == "" || n == "/" || n == "." || n == string(filepath.Separator) {
		return "bukti"
	}
	return n
}

package tui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"asndesk/domain"
	"asndesk/domain/doc"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// docsHome is the folder prints, exports and packets are offered in:
// doc.Folder of the home (DocsRepo creates it when missing). It is looked
// up once, so a keypress that changes a choice does no file-system work;
// a variable so tests pin it and goldens do not show the tester's home.
var docsHome = sync.OnceValue(func() string {
	h, err := os.UserHomeDir()
	if err != nil || h == "" {
		return "asndesk"
	}
	return doc.Folder(h)
})

// fullPath makes a typed path absolute, "~" being the home folder, so the
// status line names the file wherever it went.
func fullPath(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") || strings.HasPrefix(p, `~\`) {
		if h, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(h, p[1:])
		}
	}
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// progressFunc reports a step of a long print: done of total, and what is
// being done ("Memuat SKP 3 dari 12").
type progressFunc func(done, total int, what string)

// docsJob is what one print or export produces for the dialog's current
// choices. Exactly one of print and sheets is set.
type docsJob struct {
	file   string // suggested file name without folder or extension
	filter string // doc.Opts.Filter: the chosen filter in words
	// count: the status line says "(N dokumen)" (batch print).
	count bool
	print func(ctx context.Context, o doc.Opts, report progressFunc) ([]doc.Document, error)
	// sheets builds the exported lists; the first is the CSV.
	sheets func(ctx context.Context, o doc.Opts) ([]doc.Sheet, error)
}

// docsOption is one choice the dialog offers above the path (Dokumen,
// Unit kerja…); plan turns the chosen indexes into the job.
type docsOption struct {
	key, label string
	options    []string
	choice     int
}

// docOpts are the builders' options for this office, read on the UI loop:
// the unit names are copied so a job running off the loop never reads
// Common while a reload replaces it.
func (c *Common) docOpts() doc.Opts {
	names := make(map[uint64]string, len(c.Units))
	for _, u := range c.Units {
		names[u.ID] = u.Name
	}
	// The rows and their index are replaced, never changed, on reload:
	// the builder may read them off the UI loop.
	rows, index := c.Rows, c.rowIndex
	return doc.Opts{Office: c.Office, Today: c.today(), UnitName: func(id uint64) string { return names[id] },
		NIPOf: func(id uint64) string {
			if i, ok := index[id]; ok {
				return rows[i].NIP
			}
			return ""
		}}
}

// fileName is a document's suggested file name, or one made from its kind
// when the builder left it empty.
func fileName(d doc.Document, today domain.Date) string {
	if d.File != "" {
		return d.File
	}
	return d.Kind.Label() + " " + isoDate(today)
}

// isoDate is a date in a file name: 2026-11-23 sorts in a folder.
func isoDate(d domain.Date) string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Messages of a running job, delivered to the dialog that started it.
type (
	docsProgressMsg struct {
		done, total int
		what        string
		ch          chan tea.Msg
	}
	docsDoneMsg struct {
		path string
		n    int
		err  error
	}
)

const (
	docsPrint = iota
	docsExport
)

// docsDialog is the print and export dialog: it sits on the stack over
// the screen it prints from and draws that screen behind its box, so Esc
// returns to the screen exactly as it was (nothing typed is lost). It
// runs the job off the UI loop with progress, and Esc cancels it.
type docsDialog struct {
	base
	under Screen
	title string
	mode  int
	opts  []docsOption
	plan  func(choice []int) docsJob
	// note says under the buttons what the file holds (an export's
	// columns and rows); the print dialog says where the kop is set.
	note string
	// load, when set, is run by Init off the UI loop and gives the
	// choices that depend on stored settings (the batch print's periods
	// follow the office's SKP frequency); until then Enter waits.
	load    func(ctx context.Context) (docsSetup, error)
	loading bool
	loadErr string // the choices could not be read: nothing is printed
	form    *form
	edited  bool // the path was typed: choices no longer rename it
	auto    string
	busy    bool
	job     docsJob // the running or last job
	cancel  context.CancelFunc
	done    int
	total   int
	what    string
	err     string
	inner   int
}

// docsSetup is what a dialog's load gives: its choices and their plan.
type docsSetup struct {
	opts []docsOption
	plan func(choice []int) docsJob
}

// docsSetupMsg brings a dialog's loaded choices back to the UI loop.
type docsSetupMsg struct {
	setup docsSetup
	err   error
}

func newDocsDialog(c *Common, under Screen, mode int, title string, opts []docsOption, plan func([]int) docsJob) *docsDialog {
	d := &docsDialog{base: newBase(c), under: under, mode: mode, title: title, opts: opts, plan: plan}
	d.build()
	return d
}

// build lays out the choices, the format and the path. Built again when
// loaded choices arrive: a typed path and the format are kept.
func (d *docsDialog) build() {
	typed, format := "", 0
	var before *form
	if d.form != nil {
		before = d.form
		typed = d.form.get("path").value()
		if f := d.form.get("format"); f != nil {
			format = f.choice
		}
	}
	var fields []*field
	for _, o := range d.opts {
		choice := o.choice
		// A choice made before the loaded list came stays when it still
		// means the same (the unit list does not change).
		if before != nil {
			if f := before.get(o.key); f != nil && len(f.options) == len(o.options) && f.choice < len(o.options) {
				choice = f.choice
			}
		}
		// ←/→ only, no chooser: Enter prints wherever the focus is.
		fields = append(fields, choiceField(o.key, o.label, o.options, choice))
	}
	if d.mode == docsExport {
		f := choiceField("format", "Format", []string{"XLSX (Excel)", "CSV"}, format)
		f.hint = "XLSX untuk dibuka di Excel; CSV untuk sistem lain."
		fields = append(fields, f)
	}
	path := textField("path", "Simpan ke", "", 500)
	path.hint = "Berkas yang ada tidak ditimpa: nama diberi (2), (3)…"
	fields = append(fields, path)
	d.form = newForm(&d.c.Styles, fields)
	d.form.submitLabel = "Cetak (Enter)"
	if d.mode == docsExport {
		d.form.submitLabel = "Ekspor (Enter)"
	}
	d.form.cancelLabel = "Batal (Esc)"
	d.form.focusKey("path")
	if len(d.opts) > 0 {
		d.form.focusItem(0)
	}
	if d.edited {
		path.input.SetValue(typed)
	}
	d.rename()
	if d.inner > 0 {
		d.form.setSize(d.inner, len(d.form.fields)+3)
	}
}

// openDocs pushes the dialog; nothing when printing is not wired (the
// screens do not offer the keys then).
func openDocs(c *Common, under Screen, mode int, title string, opts []docsOption, plan func([]int) docsJob) tea.Cmd {
	return openDialog(c, func() *docsDialog { return newDocsDialog(c, under, mode, title, opts, plan) })
}

// openDialog pushes a dialog made and adjusted by mk (a note, a
// loader); nothing when printing is not wired.
func openDialog(c *Common, mk func() *docsDialog) tea.Cmd {
	if c.Docs == nil {
		return nil
	}
	return push(mk())
}

func (d *docsDialog) Init() tea.Cmd {
	if d.load == nil {
		return nil
	}
	d.loading = true
	load := d.load
	return d.cmd(func(ctx context.Context) tea.Msg {
		s, err := load(ctx)
		return docsSetupMsg{s, err}
	})
}

// printDocs is the common case: a fixed list of documents to choose from.
func printDocs(c *Common, under Screen, label string, choices []string, current int, jobs func(i int) docsJob) tea.Cmd {
	var opts []docsOption
	if len(choices) > 1 {
		opts = []docsOption{{key: "what", label: label, options: choices, choice: current}}
	}
	return openDocs(c, under, docsPrint, "Cetak", opts, func(ch []int) docsJob {
		i := current
		if len(ch) > 0 {
			i = ch[0]
		}
		return jobs(i)
	})
}

// exportSheet is the common export: one list, with a note saying what
// the file holds.
func exportSheet(c *Common, under Screen, file, note string, build func(o doc.Opts) doc.Sheet) tea.Cmd {
	return exportWith(c, under, note, func([]int) docsJob {
		return docsJob{file: file, sheets: func(_ context.Context, o doc.Opts) ([]doc.Sheet, error) {
			return []doc.Sheet{build(o)}, nil
		}}
	})
}

// exportWith opens the export dialog of one job with its note.
func exportWith(c *Common, under Screen, note string, plan func([]int) docsJob) tea.Cmd {
	return openDialog(c, func() *docsDialog {
		d := newDocsDialog(c, under, docsExport, "Ekspor", nil, plan)
		d.note = note
		return d
	})
}

func (d *docsDialog) Title() string   { return d.title }
func (d *docsDialog) Capturing() bool { return true }
func (d *docsDialog) OwnsEsc() bool   { return true }
func (d *docsDialog) Keys() []KeyHelp {
	if d.busy {
		// The footer adds Esc Kembali, which here also cancels (the box
		// says so): no second Esc entry.
		return nil
	}
	verb := "Cetak"
	if d.mode == docsExport {
		verb = "Ekspor"
	}
	if len(d.opts) == 0 && d.mode == docsPrint {
		return []KeyHelp{{"Enter", verb}}
	}
	return []KeyHelp{{"Tab", "Pindah"}, {"←/→", "Ganti pilihan"}, {"Enter", verb}}
}

func (d *docsDialog) SetSize(w, h int) {
	d.base.SetSize(w, h)
	// As wide as the screen allows (up to 96) so a path in the home
	// folder fits its field; a longer one is written out under the box.
	d.inner = min(96, max(40, w-8))
	d.form.setSize(d.inner, len(d.form.fields)+3)
}

func (d *docsDialog) choices() []int {
	out := make([]int, len(d.opts))
	for i, o := range d.opts {
		out[i] = max(0, d.form.get(o.key).choice)
	}
	return out
}

func (d *docsDialog) ext() string {
	if d.mode == docsPrint {
		return ".pdf"
	}
	if d.form.get("format").choice == 1 {
		return ".csv"
	}
	return ".xlsx"
}

// rename fills the path from the current choices until the user types
// one; a typed path only follows the format's extension.
func (d *docsDialog) rename() {
	p := d.form.get("path")
	if d.edited {
		v := p.input.Value()
		for _, e := range []string{".xlsx", ".csv"} {
			if d.mode == docsExport && strings.HasSuffix(strings.ToLower(v), e) {
				p.input.SetValue(v[:len(v)-len(e)] + d.ext())
			}
		}
		return
	}
	name := doc.FileName(d.plan(d.choices()).file)
	if name == "" {
		name = "asndesk"
	}
	d.auto = filepath.Join(docsHome(), name+d.ext())
	p.input.SetValue(d.auto)
	p.input.CursorEnd()
}

func (d *docsDialog) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case docsSetupMsg:
		d.loading = false
		if msg.err != nil {
			d.loadErr = domain.ErrorMessage(msg.err)
			d.err = d.loadErr
			return nil
		}
		d.opts, d.plan = msg.setup.opts, msg.setup.plan
		d.build()
		return nil
	case docsProgressMsg:
		d.done, d.total, d.what = msg.done, msg.total, msg.what
		return waitDocs(d.id, msg.ch)
	case docsDoneMsg:
		d.busy = false
		if d.cancel != nil {
			d.cancel()
			d.cancel = nil
		}
		if msg.err != nil {
			d.err = domain.ErrorMessage(msg.err)
			return nil
		}
		text := "Tersimpan: " + msg.path
		if d.job.count {
			text += " (" + itoa(msg.n) + " dokumen)"
		}
		return tea.Batch(pop(nil), info(text))
	case tea.KeyMsg:
		if msg.String() == "esc" {
			if d.busy && d.cancel != nil {
				d.cancel()
				return tea.Batch(pop(nil), info("Dibatalkan; tidak ada berkas yang disimpan."))
			}
			return pop(nil)
		}
		if d.busy {
			return nil
		}
		if msg.String() == "enter" {
			if _, onBtn := d.form.onButton(); !onBtn {
				return d.start()
			}
		}
	case tea.MouseMsg:
		if d.busy {
			return nil
		}
		x0, y0 := d.boxOrigin()
		msg.X -= x0 + dialogPadX
		msg.Y -= y0 + dialogPadY + 2
		if msg.X < 0 || msg.Y < 0 {
			return nil
		}
		return d.formEvent(d.form.update(msg))
	default:
		return nil
	}
	return d.formEvent(d.form.update(msg))
}

func (d *docsDialog) formEvent(ev formEvent) tea.Cmd {
	switch ev {
	case formChanged:
		if f := d.form.focused(); f != nil && f.key == "path" {
			d.edited = f.input.Value() != d.auto
		} else {
			d.rename()
		}
		d.err = ""
	case formSubmit:
		return d.start()
	case formCancel:
		return pop(nil)
	}
	return nil
}

// start runs the job off the UI loop: read the kop (its place goes under
// the signatures), build, write; progress comes back as messages.
func (d *docsDialog) start() tea.Cmd {
	if d.loading {
		return nil // the choices are not there yet
	}
	if d.loadErr != "" {
		d.err = d.loadErr
		return nil
	}
	path := strings.TrimSpace(d.form.get("path").value())
	if path == "" {
		d.err = "Isi nama berkas tujuan."
		return nil
	}
	if filepath.Ext(path) == "" {
		path += d.ext()
	}
	path = fullPath(path)
	job := d.plan(d.choices())
	d.job = job
	format := strings.TrimPrefix(d.ext(), ".")
	ctx, cancel := context.WithCancel(d.c.Ctx)
	d.cancel, d.busy, d.err = cancel, true, ""
	d.done, d.total, d.what = 0, 0, "Menyiapkan…"
	repo, o, id := d.c.Docs, d.c.docOpts(), d.id
	ch := make(chan tea.Msg, 64)
	run := func() {
		report := func(done, total int, what string) {
			select { // progress may be dropped, never block the job
			case ch <- docsProgressMsg{done: done, total: total, what: what, ch: ch}:
			default:
			}
		}
		path, n, err := runDocsJob(ctx, repo, job, o, path, format, report)
		if ctx.Err() != nil {
			err = context.Canceled
		}
		select {
		case ch <- docsDoneMsg{path: path, n: n, err: err}:
		case <-ctx.Done(): // cancelled: nobody waits for the result
		}
		close(ch) // a waiter left behind by Esc returns instead of hanging
	}
	return func() tea.Msg {
		go run()
		return receiveDocs(id, ch)
	}
}

func receiveDocs(id int, ch chan tea.Msg) tea.Msg {
	m, ok := <-ch
	if !ok {
		return nil
	}
	return taggedMsg{to: id, msg: m}
}

func waitDocs(id int, ch chan tea.Msg) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg { return receiveDocs(id, ch) }
}

func runDocsJob(ctx context.Context, repo DocsRepo, job docsJob, o doc.Opts, path, format string, report progressFunc) (string, int, error) {
	kop, err := repo.Kop(ctx)
	if err != nil {
		return "", 0, err
	}
	o.Place, o.Filter = kop.Place, job.filter
	if job.sheets != nil {
		sheets, err := job.sheets(ctx, o)
		if err != nil {
			return "", 0, err
		}
		p, err := repo.WriteSheets(ctx, path, format, sheets)
		return p, len(sheets), err
	}
	docs, err := job.print(ctx, o, report)
	if err != nil {
		return "", 0, err
	}
	if len(docs) == 0 {
		return "", 0, domain.Errorf(domain.EINVALID, "Tidak ada dokumen untuk dicetak dengan pilihan ini.")
	}
	p, err := repo.WritePDF(ctx, path, docs, func(done, total int) {
		report(done, total, "Menyusun PDF: dokumen "+itoa(done)+" dari "+itoa(total))
	})
	if errors.Is(err, context.Canceled) {
		return "", 0, err
	}
	return p, len(docs), err
}

// Notes under the buttons.
const (
	docsKopNote = "Kop surat dan kertas: menu Impor & ekspor → Kop surat & kertas cetak."
	// Excel in Bahasa Indonesia splits on ";" and shows an 18-digit NIP
	// as 1,98E+17: a CSV with commas is for other systems.
	docsCSVNote = "CSV (dipisah koma) untuk sistem lain. Excel berbahasa Indonesia mengharapkan \";\" " +
		"dan mengubah NIP menjadi 1,98E+17: untuk dibuka di Excel pilih XLSX."
)

// wrapNote breaks a note into lines of the box's width; a path breaks
// at its separators when it has no spaces.
func wrapNote(s string, w int) string {
	return ansi.Wrap(s, max(10, w), " /\\")
}

func (d *docsDialog) box() string {
	st := &d.c.Styles
	p := d.form.get("path")
	if f := d.form.focused(); f != p {
		// Unfocused, the field shows the start of the path, not a tail
		// cut mid-word; the whole path is written out below when long.
		p.input.CursorStart()
	}
	lines := []string{st.DialogTitle.Render(clip(d.title, d.inner)), "", d.form.view(), ""}
	if v := p.value(); width(v) > p.input.Width {
		lines = append(lines, st.Muted.Render(wrapNote("Berkas: "+inert(v), d.inner)), "")
	}
	switch {
	case d.loading:
		lines = append(lines, st.Muted.Render("Memuat pilihan…"))
	case d.busy:
		pct := 0.0
		if d.total > 0 {
			pct = float64(d.done) / float64(d.total)
		}
		lines = append(lines, clip(d.what, d.inner), progressBar(pct, min(50, d.inner)), st.Muted.Render("Esc membatalkan"))
	case d.err != "":
		lines = append(lines, st.StatusError.Render(wrapNote("! "+inert(d.err), d.inner)))
	default:
		var notes []string
		if d.note != "" {
			notes = append(notes, d.note)
		}
		if d.mode == docsExport && d.form.get("format").choice == 1 {
			notes = append(notes, docsCSVNote)
		}
		if d.mode == docsPrint {
			// Only Admin has that menu; others would look for it in vain.
			if _, onKop := d.under.(*kopScreen); !onKop && d.c.can(domain.CanManageOffice) {
				notes = append(notes, docsKopNote)
			}
		}
		for i, n := range notes {
			if i > 0 {
				lines = append(lines, "")
			}
			lines = append(lines, st.Muted.Render(wrapNote(n, d.inner)))
		}
	}
	return st.Dialog.Width(d.inner + 4).Render(strings.Join(lines, "\n"))
}

func (d *docsDialog) boxOrigin() (int, int) {
	b := d.box()
	return origin(lipgloss.Width(b), lipgloss.Height(b), d.w, d.h)
}

func (d *docsDialog) View() string {
	return overlay(clipBlock(d.under.View(), d.w, d.h), d.box(), d.w, d.h)
}

// progressBar draws pct (0–1) as a bar with its percentage. Drawn here
// rather than with bubbles/progress, whose spring animation needs a
// module (harmonica) the build does not carry, for a bar that only moves
// when a document is done.
func progressBar(pct float64, w int) string {
	pct = max(0, min(1, pct))
	label := " " + itoa(int(pct*100+0.5)) + "%"
	n := max(10, w-5) // room for " 100%": the bar keeps its length
	full := int(pct*float64(n) + 0.5)
	return strings.Repeat("█", full) + strings.Repeat("░", n-full) + label
}

package tui

import (
	"context"
	"strings"

	"asndesk/domain"
	"asndesk/domain/importer"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// importStep is where the import screen is: the file, the columns, the
// preview, and the summary once it is written.
type importStep int

const (
	stepFile importStep = iota
	stepColumns
	stepPreview
	stepDone
)

// importFilter narrows the preview list (Tab cycles).
type importFilter int

const (
	filterAll importFilter = iota
	filterNew
	filterUpdate
	filterError
	filterWarning
	filterUnchanged
	filterCount
)

func (f importFilter) label() string {
	return [...]string{"Semua", "Baru", "Diperbarui", "Galat", "Peringatan", "Tidak berubah"}[f]
}

func (f importFilter) match(r importer.Row) bool {
	switch f {
	case filterNew:
		return r.Action == importer.New
	case filterUpdate:
		return r.Action == importer.Update
	case filterError:
		return r.Action == importer.Error
	case filterWarning:
		return r.Action != importer.Error && len(r.Warnings) > 0
	case filterUnchanged:
		return r.Action == importer.Unchanged
	}
	return true
}

// importScreen imports employees, riwayat pangkat or riwayat jabatan from
// a spreadsheet in four steps. Nothing is written before Ctrl+S on the
// preview and its confirmation; Esc steps back one step, keeping what was
// chosen (the mapping survives a return to the file step when the same
// file is read again).
type importScreen struct {
	base
	kind importer.Kind
	step importStep
	form *form // the file path
	busy string

	path    string // the file the grid came from
	grid    importer.Grid
	mapping importer.Mapping
	cols    []int // the columns the mapping step lists (non-empty ones)
	colCur  scroll

	top int // line of the first list row in the last view (mouse)

	report importer.Report
	filter importFilter
	shown  []int // indexes into report.Rows under the filter
	list   scroll

	summary importer.Summary
}

func newImportScreen(c *Common, kind importer.Kind) Screen {
	p := textField("path", "Berkas *", "", 1000)
	p.hint = "Jalur lengkap, misalnya C:\\Users\\Operator\\Downloads\\pegawai.xlsx"
	f := newForm(&c.Styles, []*field{p})
	f.submitLabel, f.cancelLabel = "Baca berkas (Enter)", "Batal (Esc)"
	return &importScreen{base: newBase(c), kind: kind, form: f}
}

func (s *importScreen) Title() string { return "Impor " + strings.ToLower(s.kind.Label()) }

func (s *importScreen) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, min(h-2, 8)) }

func (s *importScreen) Capturing() bool { return s.step == stepFile }

// OwnsEsc: Esc steps back through the steps; on the file step (and after
// the summary) the app closes the screen as usual.
func (s *importScreen) OwnsEsc() bool { return s.step == stepColumns || s.step == stepPreview }

// Keys are short: with Esc, F1 and F10 the footer must fit 100 columns.
// +/- (another title row) is told on the columns step itself and in Help.
func (s *importScreen) Keys() []KeyHelp {
	switch s.step {
	case stepFile:
		return []KeyHelp{{"Enter", "Baca berkas"}, {"Ctrl+U", "Kosongkan"}}
	case stepColumns:
		return []KeyHelp{{"↑↓", "Kolom"}, {"←→", "Bidang"}, {"F6", "Kenali ulang"}, {"Enter", "Pratinjau"}}
	case stepPreview:
		return []KeyHelp{{"Tab", "Saring"}, {"Enter", "Rincian"}, {"Ctrl+S", "Simpan"}, {"F5", "Segarkan"}}
	}
	return nil
}

// Help explains the import's steps for the F1 overlay, which so far lists
// only a screen's Keys; Model.showHelp shows these lines once it asks
// screens for an optional Help() []string.
func (s *importScreen) Help() []string {
	return []string{
		"1 Berkas: tulis jalur berkas XLSX atau CSV, lalu Enter. Ctrl+U mengosongkan isian.",
		"2 Kolom: setiap kolom berkas diberi bidang asndesk. ←/→ hanya menawarkan bidang yang belum dipakai " +
			"kolom lain; F6 mengenali ulang semua judul; +/- memilih baris judul lain.",
		"3 Pratinjau: setiap baris berstatus baru, diperbarui, tidak berubah atau galat; ! berarti ada peringatan. " +
			"Tab menyaring, Enter membuka rincian, F5 menyusun ulang setelah berkas diperbaiki.",
		"Tidak ada yang disimpan sebelum Ctrl+S dan konfirmasi; semua baris disimpan sekaligus atau tidak sama sekali.",
	}
}

type (
	gridReadMsg struct {
		path string
		grid importer.Grid
		err  error
	}
	importPlannedMsg struct {
		report importer.Report
		err    error
	}
	importAppliedMsg struct {
		summary importer.Summary
		err     error
	}
	startImportMsg struct{}
)

func (s *importScreen) read() tea.Cmd {
	path := strings.Trim(strings.TrimSpace(s.form.get("path").value()), `"`)
	if path == "" {
		s.form.showAll = true
		s.form.errors = map[string]string{"path": "Sebutkan berkas yang akan diimpor."}
		return nil
	}
	s.form.errors = map[string]string{}
	s.busy, s.form.saving = "Membaca "+path+"…", true
	return s.cmd(func(ctx context.Context) tea.Msg {
		g, err := s.c.Import.ReadGrid(ctx, path)
		return gridReadMsg{path, g, err}
	})
}

func (s *importScreen) plan() tea.Cmd {
	s.busy = "Menyusun pratinjau…"
	kind, g, m := s.kind, s.grid, s.mapping
	return s.cmd(func(ctx context.Context) tea.Msg {
		r, err := s.c.Import.PlanImport(ctx, kind, g, m)
		return importPlannedMsg{r, err}
	})
}

func (s *importScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case gridReadMsg:
		s.busy, s.form.saving = "", false
		if s.step != stepFile {
			return nil
		}
		if msg.err != nil {
			s.form.showAll = true
			s.form.errors = map[string]string{"path": domain.ErrorMessage(msg.err)}
			return failure(msg.err)
		}
		keep := msg.path == s.path && len(s.mapping.Fields) == msg.grid.Width()
		s.path, s.grid = msg.path, msg.grid
		if !keep {
			s.mapping = importer.AutoMap(s.kind, s.grid)
			s.colCur = scroll{}
		}
		s.listColumns()
		s.step = stepColumns
		return nil
	case importPlannedMsg:
		s.busy = ""
		if s.step != stepColumns && s.step != stepPreview {
			return nil // the user stepped back meanwhile
		}
		if msg.err != nil {
			return failure(msg.err)
		}
		s.report = msg.report
		s.step = stepPreview
		s.applyFilter()
		return nil
	case startImportMsg:
		s.busy = "Menyimpan impor…"
		rep := s.report
		return s.cmd(func(ctx context.Context) tea.Msg {
			sum, err := s.c.Import.ApplyImport(ctx, rep)
			return importAppliedMsg{sum, err}
		})
	case importAppliedMsg:
		s.busy = ""
		if msg.err != nil {
			return failure(msg.err)
		}
		s.summary = msg.summary
		s.step = stepDone
		return reload(msg.summary.Text())
	case tea.KeyMsg:
		if s.busy != "" && msg.String() != "esc" {
			return nil
		}
		return s.key(msg)
	case tea.MouseMsg:
		return s.mouse(msg)
	}
	return nil
}

func (s *importScreen) key(k tea.KeyMsg) tea.Cmd {
	switch s.step {
	case stepFile:
		if k.String() == "ctrl+u" {
			// The whole path, wherever the cursor is: a path is replaced,
			// not edited.
			if p := s.form.get("path"); p != nil {
				p.input.SetValue("")
				s.form.errors = map[string]string{}
			}
			return nil
		}
		if k.String() == "enter" {
			if b, ok := s.form.onButton(); ok && b == 1 {
				return pop(nil)
			}
			return s.read()
		}
		switch s.form.update(k) {
		case formSubmit:
			return s.read()
		case formCancel:
			return pop(nil)
		}
	case stepColumns:
		n := len(s.cols)
		switch k.String() {
		case "esc":
			s.step = stepFile
			return nil
		case "left":
			s.cycleField(-1)
		case "right", " ":
			s.cycleField(1)
		case "enter", "ctrl+s":
			return s.plan()
		case "f6":
			// Back to the titles as recognised, after manual changes.
			s.mapping = importer.AutoMap(s.kind, s.grid)
			s.listColumns()
		case "+", "=", "-":
			// The title row was guessed wrong: take the next or previous
			// row's titles instead.
			d := 1
			if k.String() == "-" {
				d = -1
			}
			s.mapping = importer.MapHeader(s.kind, s.grid, s.mapping.Header+d)
			s.listColumns()
		default:
			listKeys(k.String(), s.page(), n, func(d int) { s.colCur.move(d, n, s.page()) })
		}
	case stepPreview:
		n := len(s.shown)
		switch k.String() {
		case "esc":
			s.step = stepColumns
			return nil
		case "tab":
			s.filter = (s.filter + 1) % filterCount
			s.applyFilter()
		case "shift+tab":
			s.filter = (s.filter + filterCount - 1) % filterCount
			s.applyFilter()
		case "enter":
			return s.detail()
		case "f5":
			return s.plan()
		case "ctrl+s":
			return s.confirm()
		default:
			listKeys(k.String(), s.page(), n, func(d int) { s.list.move(d, n, s.page()) })
		}
	}
	return nil
}

// listHead is about how many lines sit above the lists before the first
// view has measured them.
const listHead = 6

func (s *importScreen) mouse(m tea.MouseMsg) tea.Cmd {
	switch s.step {
	case stepFile:
		switch s.form.update(m) {
		case formSubmit:
			return s.read()
		case formCancel:
			return pop(nil)
		}
	case stepColumns:
		n := len(s.cols)
		return s.colCur.listMouse(m, s.top, n, func(d int) { s.colCur.move(d, n, s.page()) },
			func(int) tea.Cmd { s.cycleField(1); return nil })
	case stepPreview:
		n := len(s.shown)
		return s.list.listMouse(m, s.top, n, func(d int) { s.list.move(d, n, s.page()) },
			func(int) tea.Cmd { return s.detail() })
	}
	return nil
}

// page is how many list rows fit under the step's heading, as the last
// view laid it out.
func (s *importScreen) page() int {
	if s.top > 0 {
		return max(1, s.h-s.top)
	}
	return max(1, s.h-listHead-1)
}

// listColumns keeps the columns with a title or a value: exports often
// carry dozens of empty columns.
func (s *importScreen) listColumns() {
	s.cols = s.cols[:0]
	heads := s.mapping.Headers(s.grid)
	for c := range heads {
		if heads[c] != "" || len(s.mapping.Samples(s.grid, c, 1)) > 0 {
			s.cols = append(s.cols, c)
		}
	}
	for len(s.mapping.Fields) < len(heads) {
		s.mapping.Fields = append(s.mapping.Fields, importer.None)
	}
	s.colCur.move(0, len(s.cols), s.page())
}

// cycleField gives the selected column the next (or previous) field
// among "(abaikan)" and the fields no other column has, wrapping at both
// ends: choosing a field for one column never takes it from another.
func (s *importScreen) cycleField(d int) {
	if len(s.cols) == 0 {
		return
	}
	c := s.cols[s.colCur.cursor]
	cur := s.mapping.Fields[c]
	opts := []importer.Field{importer.None}
	for _, f := range s.kind.Fields() {
		if f == cur || s.mapping.Column(f) < 0 {
			opts = append(opts, f)
		}
	}
	i := 0
	for j, f := range opts {
		if f == cur {
			i = j
		}
	}
	s.mapping.Fields[c] = opts[(i+d+len(opts))%len(opts)]
}

func (s *importScreen) applyFilter() {
	s.shown = s.shown[:0]
	for i, r := range s.report.Rows {
		if s.filter.match(r) {
			s.shown = append(s.shown, i)
		}
	}
	s.list = scroll{}
	s.list.move(0, len(s.shown), s.page())
}

// detail shows one row: its changes old → new, or its reasons.
func (s *importScreen) detail() tea.Cmd {
	if s.list.cursor >= len(s.shown) {
		return nil
	}
	r := s.report.Rows[s.shown[s.list.cursor]]
	var lines []string
	for _, l := range r.Details() {
		lines = append(lines, inert(l)) // one line each: inert on the join would print ↵
	}
	if len(lines) == 0 {
		switch r.Action {
		case importer.Unchanged:
			lines = []string{"Semua isian baris ini sudah sama dengan data."}
		case importer.New:
			lines = []string{"Ditambahkan sebagai data baru."}
		}
	}
	// The dialog does not scroll: keep its wrapped lines inside the screen.
	inner, limit := min(64, max(30, s.w-10)), max(3, s.h-6)
	used := 0
	for i, l := range lines {
		n := strings.Count(ansi.Wordwrap(l, inner, " "), "\n") + 1
		if used+n > limit-1 && i < len(lines)-1 {
			lines = append(lines[:i:i], "… dan "+itoa(len(lines)-i)+" baris lagi (laporan lengkap: asndesk import --dry-run).")
			break
		}
		used += n
	}
	return showDialog(messageDialog(&s.c.Styles, r.Title(), strings.Join(lines, "\n")))
}

// confirm asks before writing, naming what will be written.
func (s *importScreen) confirm() tea.Cmd {
	c := s.report.Counts
	if s.report.Writable() == 0 {
		return failure(domain.Errorf(domain.EINVALID, "Tidak ada baris yang dapat diimpor: semua baris bergalat atau sudah sama dengan data."))
	}
	var what string
	if s.kind == importer.Pegawai {
		what = itoa(c.New) + " pegawai baru dan " + itoa(c.Update) + " pegawai diperbarui"
	} else {
		what = itoa(c.New) + " entri " + strings.ToLower(s.kind.Label()) + " baru"
	}
	text := "Simpan " + what + "?"
	if n := len(s.report.NewUnits); n > 0 {
		text += " " + itoa(n) + " unit kerja baru dibuat: " + strings.Join(s.report.NewUnits, ", ") + "."
	}
	if c.Error > 0 {
		text += " " + itoa(c.Error) + " baris bergalat dilewati."
	}
	text += " Semua disimpan sekaligus, atau tidak sama sekali."
	return showDialog(confirmDialog(&s.c.Styles, "Terima impor", inert(text), "Ya, simpan", "Tidak",
		func() tea.Msg { return taggedMsg{to: s.id, msg: startImportMsg{}} },
		// "Tidak" has the focus: say so, or Enter looks like success.
		info("Impor belum disimpan; tidak ada yang ditulis. Ctrl+S lalu Y untuk menyimpan.")))
}

func (s *importScreen) View() string {
	st := &s.c.Styles
	steps := []string{"1 Berkas", "2 Kolom", "3 Pratinjau"}
	var head []string
	for i, l := range steps {
		if importStep(i) == s.step || (s.step == stepDone && i == 2) {
			head = append(head, st.TabActive.Render(" "+l+" "))
		} else {
			head = append(head, st.Tab.Render(" "+l+" "))
		}
	}
	out := []string{strings.Join(head, st.Muted.Render(" › ")), ""}
	switch s.step {
	case stepFile:
		out = append(out, wrap(st.Muted.Render(importFileHelp(s.kind)), s.w), "", s.form.view())
	case stepColumns:
		out = append(out, s.columnsView(len(out))...)
	case stepPreview:
		out = append(out, s.previewView(len(out))...)
	case stepDone:
		out = append(out, wrap(st.StatusOK.Render(s.summary.Text()), s.w), "",
			wrap(st.Muted.Render("Periksa hasilnya di daftar pegawai. Riwayat perubahan mencatat impor ini."), s.w))
	}
	if s.busy != "" {
		out = append(out, "", st.Muted.Render(inert(s.busy)))
	}
	return strings.Join(out, "\n")
}

// columnsView draws the mapping; above is how many lines precede it.
func (s *importScreen) columnsView(above int) []string {
	st := &s.c.Styles
	sheet := "Lembar «" + s.grid.Sheet + "»"
	if s.grid.Sheet == "" {
		sheet = "CSV"
	}
	out := []string{wrap(st.Muted.Render(inert(sheet+", judul kolom di baris "+itoa(s.mapping.Header+1)+
		". Pilih bidang setiap kolom dengan ←/→ (bidang yang sudah dipakai kolom lain tidak ditawarkan); "+
		"kolom \"(abaikan)\" tidak dibaca. F6 mengenali ulang judul, +/- memilih baris judul lain.")), s.w),
		st.TableHeader.Render(fit("KOLOM DI BERKAS", 30) + "   " + fit("Bidang asndesk", 22) + " Contoh isi")}
	if len(s.cols) == 0 {
		return append(out, st.Muted.Render("Berkas ini tidak berisi kolom."))
	}
	heads := s.mapping.Headers(s.grid)
	s.top = above + len(strings.Split(strings.Join(out, "\n"), "\n"))
	page := s.page()
	end := min(len(s.cols), s.colCur.offset+page)
	for i := s.colCur.offset; i < end; i++ {
		c := s.cols[i]
		f := s.mapping.Fields[c]
		label := f.Label()
		line := fit(importer.ColumnName(c)+"  "+heads[c], 30) + " → " + fit(label, 22) + " " +
			inert(strings.Join(s.mapping.Samples(s.grid, c, 3), " · "))
		line = clip(line, s.w)
		switch {
		case i == s.colCur.cursor:
			line = st.RowSelected.Render(line)
		case f == importer.None:
			line = st.Muted.Render(line)
		}
		out = append(out, line)
	}
	return out
}

// previewView draws counts, filter and list; above is how many lines
// precede it.
func (s *importScreen) previewView(above int) []string {
	st := &s.c.Styles
	var tabs []string
	for f := filterAll; f < filterCount; f++ {
		l := " " + f.label() + " "
		if f == s.filter {
			tabs = append(tabs, st.TabActive.Render(l))
		} else {
			tabs = append(tabs, st.Tab.Render(l))
		}
	}
	out := []string{clip(s.report.CountsLine(), s.w), clip(strings.Join(tabs, " "), s.w)}
	if len(s.report.NewUnits) > 0 {
		out = append(out, clip(st.FieldWarning.Render(inert("Unit kerja baru: "+strings.Join(s.report.NewUnits, ", "))), s.w))
	}
	if s.report.Counts.Warning > 0 {
		out = append(out, clip(st.Muted.Render("! = baris dengan peringatan; Enter membuka rinciannya."), s.w))
	}
	// The ignored columns when the list still has room: at least the rows
	// there are, or a screen of 20 lines.
	if ign := s.report.IgnoredLine(); ign != "" && (s.h >= 20 || s.h-len(out)-2 >= len(s.shown)) {
		out = append(out, clip(st.Muted.Render(inert(ign)), s.w))
	}
	// Keterangan takes what the fixed columns leave; the name gives some
	// of its width back on narrow screens.
	const fixed = 2 + 6 + 14 + 19
	nameW := max(12, min(20, (s.w-fixed)/3))
	noteW := max(10, s.w-fixed-nameW)
	out = append(out, st.TableHeader.Render(fit("  Baris", 8)+fit("Status", 14)+fit("NIP", 19)+fit("Nama", nameW)+fit("Keterangan", noteW)))
	if len(s.shown) == 0 {
		return append(out, st.Muted.Render("Tidak ada baris dengan status ini."))
	}
	s.top = above + len(out)
	page := s.page()
	end := min(len(s.shown), s.list.offset+page)
	for i := s.list.offset; i < end; i++ {
		r := s.report.Rows[s.shown[i]]
		mark := "  "
		if r.Action != importer.Error && len(r.Warnings) > 0 {
			mark = "! "
		}
		line := clip(mark+fit(itoa(r.Line), 6)+fit(r.Action.Label(), 14)+fit(r.NIP, 19)+fit(r.Nama, nameW-1)+" "+fit(rowNote(r), noteW), s.w)
		switch {
		case i == s.list.cursor:
			line = st.RowSelected.Render(line)
		case r.Action == importer.Error:
			line = st.FieldError.Render(line)
		}
		out = append(out, line)
	}
	return out
}

// importFileHelp says what the file step expects, per kind.
func importFileHelp(k importer.Kind) string {
	what := "Satu baris satu pegawai. Pegawai dicocokkan menurut NIP; hanya sel yang terisi yang mengubah data."
	switch k {
	case importer.RiwayatPangkat:
		what = "Satu baris satu kenaikan pangkat: NIP, golongan, TMT golongan, nomor dan tanggal SK."
	case importer.RiwayatJabatan:
		what = "Satu baris satu jabatan: NIP, nama dan jenis jabatan, unit kerja, TMT jabatan, nomor dan tanggal SK."
	}
	return "Berkas XLSX (Excel) atau CSV, misalnya unduhan SIASN/SIMPEG atau ekspor asndesk. " + what +
		" Judul kolom dikenali otomatis; Anda melihat pratinjau setiap baris sebelum ada yang disimpan."
}

// wrap breaks text at word boundaries to w cells.
func wrap(s string, w int) string {
	if w <= 0 {
		return s
	}
	return ansi.Wordwrap(s, w, " ")
}

// rowNote is the one line the preview list shows after the name: the
// first reason, change or warning.
func rowNote(r importer.Row) string {
	switch {
	case len(r.Errors) > 0:
		return r.Errors[0]
	case len(r.Changes) > 0:
		c := r.Changes[0]
		note := c.Field.Label() + ": " + c.Old + " → " + c.New
		if len(r.Changes) > 1 {
			note += " (+" + itoa(len(r.Changes)-1) + ")"
		}
		return note
	case len(r.Warnings) > 0:
		return r.Warnings[0]
	}
	return ""
}

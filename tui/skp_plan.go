package tui

import (
	"context"
	"strconv"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// The Rencana tab shows the SKP as e-Kinerja prints it — Hasil kerja,
// Perilaku kerja, Lampiran — as one scrolled document with a cursor on the
// parts that can be edited. The document is laid out once per loaded file
// and width; a keypress only moves the cursor and redraws the visible lines.

type planItemKind int

const (
	planHeaderItem planItemKind = iota // periode and pendekatan
	planRHKItem
	planIndItem
	planEkspItem // one core value's ekspektasi khusus pimpinan
	planLampItem // one lampiran list
)

type planItem struct {
	kind     planItemKind
	rhk, ind int // indexes into SKP.RHK and its Indikator
	idx      int // core value (0..6) or lampiran list (0..2)
	line     int // first line of the item in the document
	id       uint64
}

// planLine is one line of the laid-out document: plain text (already made
// inert and cut to width) and how to draw it.
type planLine struct {
	text  string
	style *lipgloss.Style
	item  int  // the item the line belongs to, -1 for none
	head  bool // the item's first line: marked when the cursor is on it
}

// revealLine scrolls top so that line is inside a window of page lines
// over n lines; the first item (cursor 0) shows from the very top, so the
// notes above it stay readable.
func revealLine(top *int, line, cursor, page, n int) {
	page = max(1, page)
	if line < *top {
		*top = line
	}
	if line >= *top+page {
		*top = line - page + 1
	}
	if cursor == 0 {
		*top = 0
	}
	*top = max(0, min(*top, n-page))
}

// lineMouse is the mouse on a scrolled list of planLines whose items are
// selectable: the wheel scrolls by three, a click selects an item, a click
// on the selected item opens it (the tabs of the SKP and merit screens).
func lineMouse(m tea.MouseMsg, lines []planLine, top, cursor *int, page int, open func() tea.Cmd) tea.Cmd {
	if m.Action != tea.MouseActionPress {
		return nil
	}
	switch m.Button {
	case tea.MouseButtonWheelUp:
		*top = max(0, *top-3)
	case tea.MouseButtonWheelDown:
		*top = max(0, min(*top+3, len(lines)-page))
	case tea.MouseButtonLeft:
		if i := *top + m.Y; i >= 0 && i < len(lines) && lines[i].item >= 0 {
			if lines[i].item == *cursor {
				return open()
			}
			*cursor = lines[i].item
		}
	}
	return nil
}

type planDoc struct {
	lines []planLine
	items []planItem
}

var lampiranLabels = [3]string{"Dukungan sumber daya", "Skema pertanggungjawaban", "Konsekuensi"}

func lampiranList(l domain.Lampiran, i int) []string {
	switch i {
	case 0:
		return l.DukunganSumberDaya
	case 1:
		return l.SkemaPertanggungjawaban
	}
	return l.Konsekuensi
}

// docBuilder appends lines and items.
type docBuilder struct {
	d  planDoc
	st *Styles
	w  int
}

func (b *docBuilder) add(text string, style *lipgloss.Style) {
	b.d.lines = append(b.d.lines, planLine{text: clip(text, b.w), style: style, item: -1})
}

func (b *docBuilder) item(it planItem, text string, style *lipgloss.Style) {
	it.line = len(b.d.lines)
	b.d.items = append(b.d.items, it)
	b.d.lines = append(b.d.lines, planLine{text: clip(text, b.w), style: style, item: len(b.d.items) - 1, head: true})
}

// cont adds lines that belong to the last item (wrapped text under it).
func (b *docBuilder) cont(text string, style *lipgloss.Style) {
	b.d.lines = append(b.d.lines, planLine{text: clip(text, b.w), style: style, item: len(b.d.items) - 1})
}

// labelled adds "label value" with the value wrapped under itself; in a
// narrow window the label gets its own line so that neither is cut.
func (b *docBuilder) labelled(indent, label string, labelW int, value string, style *lipgloss.Style) {
	if strings.TrimSpace(value) == "" {
		value = "—"
	}
	if b.w < 80 {
		b.cont(indent+label, &b.st.Label)
		for _, l := range skpWrap(value, max(10, b.w-len(indent)-2)) {
			b.cont(indent+"  "+l, style)
		}
		return
	}
	vw := max(10, b.w-len(indent)-labelW-1)
	for i, l := range skpWrap(value, vw) {
		lab := strings.Repeat(" ", labelW)
		if i == 0 {
			lab = fit(label, labelW)
		}
		b.cont(indent+lab+" "+l, style)
	}
}

// renderPlan lays out an SKP's plan. withHeader adds the periode and
// pendekatan line as an item of its own (the editable plan; the read-only
// view of an earlier version has the header above it instead).
func renderPlan(st *Styles, s domain.SKP, w int, withHeader bool) planDoc {
	b := &docBuilder{st: st, w: max(20, w)}
	w = b.w
	if withHeader {
		b.item(planItem{kind: planHeaderItem}, "Periode penilaian dan pendekatan: "+skpPeriodText(s.Start, s.End)+" · "+s.Pendekatan.String(), nil)
		b.add("", nil)
	}
	b.add("Hasil kerja", &st.Section)
	if len(s.RHK) == 0 {
		b.add("  Belum ada rencana hasil kerja.", &st.Muted)
	}
	labelW := min(29, max(14, w/3))
	kuant := s.Pendekatan != domain.Kualitatif
	for i, r := range s.RHK {
		if i > 0 {
			b.add("", nil)
		}
		b.item(planItem{kind: planRHKItem, rhk: i, id: r.ID}, "RHK "+strconv.Itoa(i+1)+" · "+r.Kategori.String(), &st.Title)
		b.labelled("   ", "Rencana hasil kerja", labelW, r.Text, nil)
		b.labelled("   ", "RHK atasan yang diintervensi", labelW, r.Intervensi, nil)
		b.labelled("   ", "Penugasan dari", labelW, r.PenugasanDari, nil)
		if len(r.Indikator) == 0 {
			b.cont("   "+"Belum ada indikator kinerja individu.", &st.Muted)
			continue
		}
		aspW, tgtW := 0, min(22, max(10, w/5))
		if kuant {
			aspW = 10
		}
		ikiW := max(10, w-5-aspW-tgtW-2)
		head := "     "
		if kuant {
			head += fit("Aspek", aspW) + " "
		}
		head += fit("Indikator kinerja individu", ikiW) + " " + fit("Target", tgtW)
		b.cont(head, &st.Label)
		for j, in := range r.Indikator {
			target := strings.TrimSpace(in.Target + " " + in.Satuan)
			for k, l := range skpWrap(in.IKI, ikiW) {
				line := "     "
				if kuant {
					a := ""
					if k == 0 {
						a = in.Aspek.String()
					}
					line += fit(a, aspW) + " "
				}
				line += fit(l, ikiW)
				if k == 0 {
					line += " " + fit(target, tgtW)
					b.item(planItem{kind: planIndItem, rhk: i, ind: j, id: in.ID}, line, nil)
				} else {
					b.cont(line, nil)
				}
			}
		}
	}
	b.add("", nil)
	b.add("Perilaku kerja", &st.Section)
	for i, v := range domain.CoreValues() {
		b.item(planItem{kind: planEkspItem, idx: i}, strconv.Itoa(i+1)+". "+v.Name, &st.Title)
		for _, p := range v.Panduan {
			for k, l := range skpWrap(p, w-7) {
				if k == 0 {
					b.cont("     • "+l, nil)
				} else {
					b.cont("       "+l, nil)
				}
			}
		}
		e := s.Ekspektasi[i]
		if strings.TrimSpace(e) == "" {
			b.cont("     Ekspektasi khusus pimpinan: (belum diisi)", &st.Muted)
		} else {
			b.labelled("     ", "Ekspektasi khusus pimpinan:", 28, e, nil)
		}
	}
	b.add("", nil)
	b.add("Lampiran", &st.Section)
	for i, label := range lampiranLabels {
		b.item(planItem{kind: planLampItem, idx: i}, label, &st.Title)
		list := lampiranList(s.Lampiran, i)
		if len(list) == 0 {
			b.cont("     (belum diisi)", &st.Muted)
		}
		for k, x := range list {
			num := strconv.Itoa(k+1) + ". "
			for n, l := range skpWrap(x, w-5-len(num)) {
				if n == 0 {
					b.cont("     "+num+l, nil)
				} else {
					b.cont("     "+strings.Repeat(" ", len(num))+l, nil)
				}
			}
		}
	}
	return b.d
}

// drawDoc draws lines [top, top+h) of a document, the cursor's item marked
// with "›" and the selected style.
func drawDoc(st *Styles, d planDoc, top, h, w, cursor int) string {
	var out strings.Builder
	end := min(len(d.lines), top+h)
	for i := top; i < end; i++ {
		l := d.lines[i]
		if i > top {
			out.WriteString("\n")
		}
		if l.head && l.item == cursor && cursor >= 0 {
			out.WriteString(st.RowSelected.Render(fit("› "+l.text, w)))
			continue
		}
		text := "  " + l.text
		if l.style != nil {
			text = l.style.Render(text)
		}
		out.WriteString(clip(text, w))
	}
	return out.String()
}

// planTab is the Rencana tab.
type planTab struct {
	h      *skpHost
	doc    planDoc
	built  *domain.SKPFile
	builtW int
	cursor int // item index
	top    int // first visible line
	w, ht  int
	want   uint64 // select the RHK or indicator with this id once it is shown
	notes  []planLine
}

func newPlanTab(h *skpHost) skpTab { return &planTab{h: h} }

func (t *planTab) Title() string   { return "Rencana" }
func (t *planTab) Capturing() bool { return false }

func (t *planTab) editErr() error { return skpCan(t.h, domain.OpEdit) }

// Keys lists the workflow step first (what the user came to do), then the
// edits. The descriptions are short so that the footer keeps every key
// at 120 columns; ↑↓ is left out while editing, the cursor shows it.
func (t *planTab) Keys() []KeyHelp {
	var keys []KeyHelp
	for _, s := range skpSteps(t.h) {
		keys = append(keys, KeyHelp{s.key, s.short})
	}
	if t.editErr() == nil {
		return append(keys, KeyHelp{"Enter", "Ubah"}, KeyHelp{"F5", "RHK baru"}, KeyHelp{"F6", "Indikator"}, KeyHelp{"F8", "Hapus"})
	}
	return append(keys, KeyHelp{"↑↓", "Pilih"})
}

// build lays the document out again when the file or the width changed,
// keeping the cursor on the same RHK, indicator or section.
func (t *planTab) build(w int) {
	f := t.h.file
	if f == nil || (t.built == f && t.builtW == w) {
		return
	}
	var keep planItem
	hadCursor := t.cursor < len(t.doc.items)
	if hadCursor {
		keep = t.doc.items[t.cursor]
	}
	t.built, t.builtW = f, w
	t.notes = t.guidance(w)
	t.doc = renderPlan(&t.h.c.Styles, f.SKP, w-2, true)
	// The notes sit above the plan and scroll with it.
	n := len(t.notes)
	for i := range t.doc.items {
		t.doc.items[i].line += n
	}
	t.doc.lines = append(append([]planLine(nil), t.notes...), t.doc.lines...)
	found := false
	for i, it := range t.doc.items {
		if t.want != 0 && it.id == t.want {
			t.cursor, found = i, true
			t.want = 0
			break
		}
	}
	if !found && hadCursor {
		for i, it := range t.doc.items {
			if it.kind == keep.kind && it.id == keep.id && it.idx == keep.idx {
				t.cursor, found = i, true
				break
			}
		}
	}
	if !found {
		t.cursor = max(0, min(t.cursor, len(t.doc.items)-1))
	}
}

// guidance is what the tab says above the plan: the penilai's note when the
// SKP was returned, why the plan cannot be changed now, what to do next,
// and the soft warnings of the domain.
func (t *planTab) guidance(w int) []planLine {
	st := &t.h.c.Styles
	s := t.h.file.SKP
	var out []planLine
	add := func(text string, style *lipgloss.Style) {
		for _, l := range skpWrap(text, max(20, w-4)) {
			out = append(out, planLine{text: l, style: style, item: -1})
		}
	}
	if s.Status == domain.SKPDikembalikan && strings.TrimSpace(s.ReturnNote) != "" &&
		len(skpWrap("! Dikembalikan oleh pejabat penilai: "+s.ReturnNote, max(20, w))) > skpNoteLines {
		add("Catatan pejabat penilai: "+s.ReturnNote, &st.Banner) // the header had to cut it
	}
	if s.Revision > 0 && s.Status.Editable() && s.RevisionNote != "" {
		add("Revisi ke-"+strconv.Itoa(s.Revision)+" dibuka: "+s.RevisionNote, &st.Muted)
	}
	editErr := t.editErr()
	if editErr != nil {
		add("Rencana tidak dapat diubah: "+domain.ErrorMessage(editErr), &st.Muted)
	}
	if editErr == nil && len(s.RHK) == 0 {
		add("Mulai dengan F5 untuk menambah rencana hasil kerja (RHK), lalu F6 untuk indikatornya.", &st.Muted)
	} else if next := t.nextStep(); next != "" {
		add("Langkah berikutnya: "+next, &st.Muted)
	}
	if s.Status.Editable() || s.Status == domain.SKPDiajukan {
		for _, x := range domain.SKPWarnings(s) {
			add("⚠ "+x, &st.FieldWarning)
		}
	}
	if len(out) > 0 {
		out = append(out, planLine{item: -1})
	}
	return out
}

// nextStep says what this user does next with the SKP, or "" when it is
// someone else's turn. An approved SKP's next step is its execution and
// rating, not a revision (that stays in the footer); Ajukan is not
// suggested while an RHK still lacks its indicators.
func (t *planTab) nextStep() string {
	s := t.h.file.SKP
	if s.Status == domain.SKPDisetujui {
		a := t.h.c.Actor
		own := a.EmployeeID != 0 && a.EmployeeID == s.EmployeeID
		rater := a.EmployeeID != 0 && a.EmployeeID == s.Penilai.EmployeeID && a.Has(domain.RolePenilai)
		switch {
		case own:
			return "isi rencana aksi dan realisasi di tab Pelaksanaan."
		case rater:
			return "beri umpan balik, catat dialog kinerja, nilai di tab Evaluasi."
		case a.Has(domain.RoleAdmin):
			return "pegawai mengisi rencana aksi dan realisasi di tab Pelaksanaan; pejabat penilai memberi umpan balik, " +
				"mencatat dialog kinerja dan menilai di tab Evaluasi."
		}
		return ""
	}
	var parts []string
	for _, x := range skpSteps(t.h) {
		if x.act == domain.ActRevise {
			continue
		}
		if x.act == domain.ActSubmit {
			if missing := skpMissingIndikator(s); len(missing) > 0 {
				return "lengkapi dulu indikator kinerja " + strings.Join(missing, ", ") +
					" (pilih RHK-nya, lalu F6), baru ajukan ke penilai."
			}
			if len(domain.SKPWarnings(s)) > 0 {
				parts = append(parts, "periksa catatan bertanda ⚠ di bawah, lalu "+x.key+" "+x.label)
				continue
			}
		}
		parts = append(parts, x.key+" "+x.label)
	}
	return strings.Join(parts, " · ")
}

// skpMissingIndikator names the RHK without an indicator ("RHK 2").
func skpMissingIndikator(s domain.SKP) []string {
	var out []string
	for i, r := range s.RHK {
		if len(r.Indikator) == 0 {
			out = append(out, "RHK "+strconv.Itoa(i+1))
		}
	}
	return out
}

func (t *planTab) page() int { return max(1, t.ht) }

// reveal scrolls so that the cursor's item is in view, with the lines
// that belong to it when they fit.
func (t *planTab) reveal() {
	if len(t.doc.items) == 0 {
		t.top = max(0, min(t.top, len(t.doc.lines)-t.page()))
		return
	}
	it := t.doc.items[t.cursor]
	last := it.line
	for last+1 < len(t.doc.lines) && t.doc.lines[last+1].item == t.cursor && !t.doc.lines[last+1].head {
		last++
	}
	if last >= t.top+t.page() {
		t.top = last - t.page() + 1
	}
	if it.line < t.top {
		t.top = it.line
	}
	if t.cursor == 0 {
		t.top = 0 // the notes above the first item stay readable
	}
	t.top = max(0, min(t.top, len(t.doc.lines)-t.page()))
}

func (t *planTab) move(d int) {
	t.cursor = max(0, min(len(t.doc.items)-1, t.cursor+d))
	t.reveal()
}

func (t *planTab) current() (planItem, bool) {
	if t.cursor < len(t.doc.items) {
		return t.doc.items[t.cursor], true
	}
	return planItem{}, false
}

func (t *planTab) Update(msg tea.Msg) tea.Cmd {
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
			t.move(-max(1, t.page()/3))
		case "pgdown":
			t.move(max(1, t.page()/3))
		case "home":
			t.move(-len(t.doc.items))
		case "end":
			t.move(len(t.doc.items))
		case "enter":
			return t.edit()
		case "f5", "insert":
			return t.addRHK()
		case "f6":
			return t.addIndikator()
		case "f8", "delete":
			return t.remove()
		default:
			for _, s := range skpSteps(t.h) {
				if msg.String() == s.key {
					return runSKPStep(t.h, s.act)
				}
			}
		}
	case tea.MouseMsg:
		return t.mouse(msg)
	}
	return nil
}

func (t *planTab) mouse(m tea.MouseMsg) tea.Cmd {
	if m.Action != tea.MouseActionPress || t.h.file == nil {
		return nil
	}
	switch m.Button {
	case tea.MouseButtonWheelUp:
		t.top = max(0, t.top-3)
		return nil
	case tea.MouseButtonWheelDown:
		t.top = max(0, min(t.top+3, len(t.doc.lines)-t.page()))
		return nil
	case tea.MouseButtonLeft:
	default:
		return nil
	}
	i := t.top + m.Y
	if i < 0 || i >= len(t.doc.lines) || t.doc.lines[i].item < 0 {
		return nil
	}
	it := t.doc.lines[i].item
	if it == t.cursor {
		return t.edit() // a click on the selected item opens it
	}
	t.cursor = it
	return nil
}

// refuse explains why the plan cannot be changed, instead of doing nothing.
func (t *planTab) refuse() tea.Cmd {
	if err := t.editErr(); err != nil {
		return failure(err)
	}
	return nil
}

func (t *planTab) edit() tea.Cmd {
	if err := t.editErr(); err != nil {
		return failure(err)
	}
	it, ok := t.current()
	if !ok {
		return nil
	}
	s, c := t.h.file.SKP, t.h.c
	switch it.kind {
	case planHeaderItem:
		return push(newSKPHeaderForm(c, s))
	case planRHKItem:
		return push(newRHKForm(c, s, it.rhk))
	case planIndItem:
		return push(newIndikatorForm(c, s, it.rhk, it.ind))
	case planEkspItem:
		return push(newEkspektasiForm(c, s, it.idx))
	case planLampItem:
		return push(newLampiranForm(c, s, it.idx))
	}
	return nil
}

func (t *planTab) addRHK() tea.Cmd {
	if cmd := t.refuse(); cmd != nil {
		return cmd
	}
	return push(newRHKForm(t.h.c, t.h.file.SKP, -1))
}

func (t *planTab) addIndikator() tea.Cmd {
	if cmd := t.refuse(); cmd != nil {
		return cmd
	}
	it, ok := t.current()
	if !ok || (it.kind != planRHKItem && it.kind != planIndItem) {
		if len(t.h.file.SKP.RHK) == 0 {
			return failure(domain.Errorf(domain.EINVALID, "Tambahkan RHK dulu (F5); indikator selalu milik sebuah RHK."))
		}
		return failure(domain.Errorf(domain.EINVALID, "Pilih RHK yang akan diberi indikator (↑↓), lalu tekan F6."))
	}
	return push(newIndikatorForm(t.h.c, t.h.file.SKP, it.rhk, -1))
}

// remove deletes the RHK or indicator under the cursor after a
// confirmation; the plan is saved whole, as every plan edit is.
func (t *planTab) remove() tea.Cmd {
	if cmd := t.refuse(); cmd != nil {
		return cmd
	}
	it, ok := t.current()
	if !ok || (it.kind != planRHKItem && it.kind != planIndItem) {
		return nil
	}
	s := skpCopy(t.h.file.SKP)
	r := s.RHK[it.rhk]
	var title, text, done string
	if it.kind == planRHKItem {
		title = "Hapus RHK"
		text = "Hapus RHK " + strconv.Itoa(it.rhk+1) + " \"" + inert(clip(r.Text, 60)) + "\""
		if n := len(r.Indikator); n > 0 {
			text += " beserta " + strconv.Itoa(n) + " indikatornya"
		}
		text += "?"
		// The store keeps an RHK that realisasi or umpan balik refer to:
		// say so now rather than after a confirmation.
		for _, w := range t.h.file.Work {
			if w.RHKID == r.ID {
				return failure(domain.Errorf(domain.ECONFLICT, "RHK "+strconv.Itoa(it.rhk+1)+" sudah punya rencana aksi atau realisasi, jadi tidak dapat dihapus. Ubah uraiannya bila perlu."))
			}
		}
		for _, f := range t.h.file.Feedback {
			if f.Target.RHKID == r.ID {
				return failure(domain.Errorf(domain.ECONFLICT, "RHK "+strconv.Itoa(it.rhk+1)+" sudah punya umpan balik, jadi tidak dapat dihapus. Ubah uraiannya bila perlu."))
			}
		}
		done = "RHK dihapus."
		s.RHK = append(s.RHK[:it.rhk:it.rhk], s.RHK[it.rhk+1:]...)
	} else {
		in := r.Indikator[it.ind]
		title = "Hapus indikator"
		text = "Hapus indikator \"" + inert(clip(in.IKI, 60)) + "\" dari RHK " + strconv.Itoa(it.rhk+1) + "?"
		done = "Indikator dihapus."
		s.RHK[it.rhk].Indikator = append(r.Indikator[:it.ind:it.ind], r.Indikator[it.ind+1:]...)
	}
	c := t.h.c
	do := t.h.cmd(func(ctx context.Context) tea.Msg {
		return skpDoneMsg{status: done, err: c.Kinerja.SaveSKP(ctx, s)}
	})
	return showDialog(confirmDialog(&c.Styles, title, text, "Ya, hapus", "Tidak", do, nil))
}

func (t *planTab) View(w, h int) string {
	if t.h.file == nil {
		return ""
	}
	t.w, t.ht = w, h
	t.build(w)
	t.reveal()
	return drawDoc(&t.h.c.Styles, t.doc, t.top, h, w, t.cursor)
}

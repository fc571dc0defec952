package tui

import (
	"context"
	"strings"
	"time"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// ---- helpers shared by the Umpan balik, Dialog kinerja and Evaluasi tabs ----

// kinCan asks the domain whether the logged-in actor may do op on the SKP
// the tab shows; the store applies the same rule, this only decides what
// to offer and what to explain.
func kinCan(h *skpHost, op domain.SKPOp) error {
	return domain.CanSKP(h.c.Actor, h.file.SKP.Party(), op)
}

// kinActorName is how the logged-in person signs an entry: the employee's
// name when the account belongs to one, else the account's name.
func kinActorName(c *Common) string {
	if r, ok := c.Row(c.Account.EmployeeID); ok && c.Account.EmployeeID != 0 {
		return r.Nama
	}
	if c.Account.Name != "" {
		return c.Account.Name
	}
	return c.Account.Username
}

// kinWrap word-wraps user text to w cells, control characters made inert,
// so a long feedback or note never runs off the screen. It breaks at
// spaces only: dates like 23-11-2026 stay whole (ansi.Wordwrap also breaks
// at hyphens); a word longer than a line is cut.
func kinWrap(s string, w int) []string {
	w = max(4, w)
	var out []string
	line := ""
	for _, word := range strings.Fields(inert(s)) {
		for width(word) > w {
			if line != "" {
				out = append(out, line)
				line = ""
			}
			head := ansi.Truncate(word, w, "")
			out = append(out, head)
			word = word[len(head):]
		}
		switch {
		case word == "":
		case line == "":
			line = word
		case width(line)+1+width(word) <= w:
			line += " " + word
		default:
			out = append(out, line)
			line = word
		}
	}
	if line != "" || len(out) == 0 {
		out = append(out, line)
	}
	return out
}

// kinStamp is a dated log entry's time: date and minute.
func kinStamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return domain.DateOf(t).String() + " " + t.Format("15:04")
}

// kinTargets lists what feedback and dialog topics can be about: every RHK
// of the SKP in order, then the 7 core values.
func kinTargets(s domain.SKP) []domain.FeedbackTarget {
	out := make([]domain.FeedbackTarget, 0, len(s.RHK)+7)
	for _, r := range s.RHK {
		out = append(out, domain.FeedbackTarget{RHKID: r.ID})
	}
	for i := range domain.CoreValues() {
		out = append(out, domain.FeedbackTarget{Value: i + 1})
	}
	return out
}

// kinFrequency is the office's periodic cycle as the SKP screen loaded it.
func kinFrequency(h *skpHost) domain.Frequency {
	if h.settings == nil {
		return domain.Triwulanan
	}
	return h.settings.Frequency
}

// kinBlocks lays out variable-height entries in a window of height lines,
// keeping the selected entry in view; top is the caller's scroll position.
func kinBlocks(blocks [][]string, sel int, top *int, height int) []string {
	height = max(1, height)
	start := make([]int, len(blocks))
	total := 0
	for i, b := range blocks {
		start[i] = total
		total += len(b)
	}
	if sel >= 0 && sel < len(blocks) {
		end := start[sel] + len(blocks[sel])
		if end > *top+height {
			*top = end - height
		}
		if start[sel] < *top {
			*top = start[sel]
		}
	}
	*top = max(0, min(*top, total-height))
	out := make([]string, 0, height)
	line := 0
	for _, b := range blocks {
		for _, l := range b {
			if line >= *top && line < *top+height {
				out = append(out, l)
			}
			line++
		}
	}
	return out
}

// ---- Umpan balik tab ----

// fbTab is umpan balik berkelanjutan: a dated, append-only log per RHK and
// per core value. The penilai writes, the pegawai replies; an edit keeps
// the earlier text visible. Everything is read from *h.file on each call.
type fbTab struct {
	h      *skpHost
	filter domain.FeedbackTarget // zero: every target
	sel    int                   // index among the shown entries; -1: the newest
	top    int
}

func newFeedbackTab(h *skpHost) skpTab { return &fbTab{h: h, sel: -1} }

func (t *fbTab) Title() string   { return "Umpan balik" }
func (t *fbTab) Capturing() bool { return false }

func (t *fbTab) Keys() []KeyHelp {
	keys := []KeyHelp{{"↑↓", "Pilih"}, {"←/→ F7", "Sasaran"}}
	if kinCan(t.h, domain.OpFeedback) == nil {
		keys = append(keys, KeyHelp{"F5", "Tulis umpan balik"})
	}
	if kinCan(t.h, domain.OpReply) == nil {
		keys = append(keys, KeyHelp{"F6", "Balas"})
	}
	if e, ok := t.current(); ok && t.mayEdit(e) == nil {
		keys = append(keys, KeyHelp{"Enter", "Ubah"})
	}
	return keys
}

// shown returns the entries under the filter in display order: each
// thread oldest first, its replies right under it.
func (t *fbTab) shown() []*domain.Feedback {
	fb := t.h.file.Feedback
	byID := make(map[uint64]bool, len(fb))
	for i := range fb {
		byID[fb[i].ID] = true
	}
	replies := map[uint64][]*domain.Feedback{}
	var roots []*domain.Feedback
	for i := range fb {
		f := &fb[i]
		if f.ReplyTo != 0 && byID[f.ReplyTo] && f.ReplyTo != f.ID {
			replies[f.ReplyTo] = append(replies[f.ReplyTo], f)
			continue
		}
		roots = append(roots, f)
	}
	var out []*domain.Feedback
	var walk func(f *domain.Feedback, depth int)
	walk = func(f *domain.Feedback, depth int) {
		out = append(out, f)
		if depth > 20 {
			return // a damaged chain of replies must not recurse forever
		}
		for _, r := range replies[f.ID] {
			walk(r, depth+1)
		}
	}
	for _, r := range roots {
		if t.filter == (domain.FeedbackTarget{}) || r.Target == t.filter {
			walk(r, 0)
		}
	}
	return out
}

// index is the selected entry among n shown: the newest until the user
// moves, so an entry just written is the one selected.
func (t *fbTab) index(n int) int {
	if t.sel < 0 || t.sel >= n {
		return n - 1
	}
	return t.sel
}

func (t *fbTab) current() (*domain.Feedback, bool) {
	list := t.shown()
	if len(list) == 0 {
		return nil, false
	}
	return list[t.index(len(list))], true
}

// mayEdit: the writer changes their own entry (Admin anyone's), under the
// permission the entry was written with.
func (t *fbTab) mayEdit(f *domain.Feedback) error {
	op := domain.OpFeedback
	if f.ByPegawai {
		op = domain.OpReply
	}
	if err := kinCan(t.h, op); err != nil {
		return err
	}
	a := t.h.c.Actor
	if a.Has(domain.RoleAdmin) || a.EmployeeID != 0 && a.EmployeeID == f.AuthorID {
		return nil
	}
	return domain.Errorf(domain.EFORBIDDEN, "Hanya penulis umpan balik ini yang dapat mengubahnya.")
}

func (t *fbTab) setFilter(d int) {
	opts := append([]domain.FeedbackTarget{{}}, kinTargets(t.h.file.SKP)...)
	i := max(0, indexOf(opts, t.filter))
	t.filter = opts[(i+d+len(opts))%len(opts)]
	t.sel, t.top = -1, 0
}

type fbFilterMsg struct{ target domain.FeedbackTarget }

func (t *fbTab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case fbFilterMsg:
		t.filter, t.sel, t.top = msg.target, -1, 0
	case tea.KeyMsg:
		n := len(t.shown())
		switch msg.String() {
		case "up":
			t.sel = max(0, t.index(n)-1)
		case "down":
			t.sel = min(n-1, t.index(n)+1)
		case "home":
			t.sel = 0
		case "end":
			t.sel = n - 1
		case "left":
			t.setFilter(-1)
		case "right":
			t.setFilter(1)
		case "f7":
			return t.chooseFilter()
		case "f5", "insert":
			if err := kinCan(t.h, domain.OpFeedback); err != nil {
				return failure(err)
			}
			return push(newFbForm(t.h, fbNew, domain.Feedback{Target: t.filter}))
		case "f6":
			if err := kinCan(t.h, domain.OpReply); err != nil {
				return failure(err)
			}
			e, ok := t.current()
			if !ok {
				return failure(domain.Errorf(domain.EINVALID, "Belum ada umpan balik untuk dibalas."))
			}
			return push(newFbForm(t.h, fbReply, t.root(e)))
		case "enter":
			if e, ok := t.current(); ok {
				if err := t.mayEdit(e); err != nil {
					return failure(err)
				}
				return push(newFbForm(t.h, fbEdit, *e))
			}
		}
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				t.top = max(0, t.top-3)
			case tea.MouseButtonWheelDown:
				t.top += 3
			}
		}
	}
	return nil
}

// root is the thread an entry belongs to: a reply answers the first entry.
func (t *fbTab) root(e *domain.Feedback) domain.Feedback {
	fb := t.h.file.Feedback
	cur := *e
	for range 20 {
		if cur.ReplyTo == 0 {
			break
		}
		found := false
		for _, f := range fb {
			if f.ID == cur.ReplyTo {
				cur, found = f, true
				break
			}
		}
		if !found {
			break
		}
	}
	return cur
}

func (t *fbTab) chooseFilter() tea.Cmd {
	s := t.h.file.SKP
	opts := append([]domain.FeedbackTarget{{}}, kinTargets(s)...)
	labels := make([]string, len(opts))
	for i, o := range opts {
		if i == 0 {
			labels[i] = "Semua sasaran"
		} else {
			labels[i] = o.Label(s)
		}
	}
	return showDialog(chooseDialog(&t.h.c.Styles, "Saring umpan balik", labels, max(0, indexOf(opts, t.filter)), func(i int) tea.Cmd {
		return t.h.cmd(func(context.Context) tea.Msg { return fbFilterMsg{opts[i]} })
	}))
}

func (t *fbTab) View(w, h int) string {
	st := &t.h.c.Styles
	s := t.h.file.SKP
	label := "Semua sasaran"
	if t.filter != (domain.FeedbackTarget{}) {
		label = t.filter.Label(s)
	}
	list := t.shown()
	lines := []string{clip("Sasaran: "+st.Title.Render("‹ "+inert(label)+" ›")+st.Muted.Render("  ←/→ atau F7 ganti · "+itoa(len(list))+" catatan"), w)}
	fbErr, rpErr := kinCan(t.h, domain.OpFeedback), kinCan(t.h, domain.OpReply)
	if fbErr != nil && rpErr != nil {
		why := fbErr
		if t.h.c.Actor.EmployeeID != 0 && t.h.c.Actor.EmployeeID == s.EmployeeID {
			why = rpErr
		}
		for _, l := range kinWrap("Hanya baca: "+domain.ErrorMessage(why), w) {
			lines = append(lines, st.Muted.Render(l))
		}
	}
	lines = append(lines, "")
	if len(list) == 0 {
		hint := "Belum ada umpan balik."
		if fbErr == nil {
			hint += " Tekan F5 untuk menulis umpan balik."
		}
		lines = append(lines, st.Muted.Render(clip(hint, w)))
		return strings.Join(lines, "\n")
	}
	sel := t.index(len(list))
	blocks := make([][]string, len(list))
	for i, f := range list {
		blocks[i] = t.block(f, i == sel, w)
	}
	lines = append(lines, kinBlocks(blocks, sel, &t.top, h-len(lines))...)
	return strings.Join(lines, "\n")
}

// block draws one entry: who and when, the text, the earlier texts.
func (t *fbTab) block(f *domain.Feedback, selected bool, w int) []string {
	st := &t.h.c.Styles
	s := t.h.file.SKP
	indent := ""
	if f.ReplyTo != 0 {
		indent = "    "
	}
	who := inert(f.AuthorName)
	if who == "" {
		who = "(tanpa nama)"
	}
	role := "penilai"
	if f.ByPegawai {
		role = "pegawai"
	}
	// The target, the longest part, comes last: a narrow window cuts it
	// rather than the date, the writer or the period.
	head := kinStamp(f.Time) + " · " + who + " (" + role + ")"
	if f.ReplyTo != 0 {
		head = "↳ balasan · " + head
	} else {
		if f.Period != 0 {
			head += " · " + kinFrequency(t.h).PeriodLabel(f.Period)
		}
		head += " · " + inert(f.Target.Label(s))
	}
	marker := "  "
	if selected {
		marker = "› "
	}
	headLine := fit(indent+marker+head, w)
	if selected {
		headLine = st.RowSelected.Render(headLine)
	} else {
		headLine = st.Label.Render(headLine)
	}
	out := []string{headLine}
	pad := indent + "    "
	for _, l := range kinWrap(f.Text, w-len(pad)) {
		out = append(out, pad+l)
	}
	for _, v := range f.History {
		note := "(diubah; teks sebelumnya: " + v.Text
		if !v.Time.IsZero() {
			note += " — " + kinStamp(v.Time)
		}
		note += ")"
		for _, l := range kinWrap(note, w-len(pad)) {
			out = append(out, pad+st.Muted.Render(l))
		}
	}
	return append(out, "")
}

// ---- Umpan balik form ----

type fbMode int

const (
	fbNew   fbMode = iota // a penilai's new entry
	fbReply               // the pegawai answers an entry
	fbEdit                // the writer changes an entry; the old text is kept
)

// fbForm writes, answers or changes one umpan balik entry. It works on a
// copy of the SKP taken when it opened: a form is short-lived, and the
// store checks the SKP again on save.
type fbForm struct {
	base
	mode    fbMode
	skp     domain.SKP
	freq    domain.Frequency
	orig    domain.Feedback // the target (new), the entry answered (reply) or changed (edit)
	targets []domain.FeedbackTarget
	form    *form
	busy    bool
}

func newFbForm(h *skpHost, mode fbMode, orig domain.Feedback) *fbForm {
	s := &fbForm{base: newBase(h.c), mode: mode, skp: h.file.SKP, freq: kinFrequency(h), orig: orig}
	var fields []*field
	if mode == fbNew {
		s.targets = kinTargets(s.skp)
		labels := make([]string, len(s.targets))
		for i, t := range s.targets {
			labels[i] = t.Label(s.skp)
		}
		target := choiceField("sasaran", "Sasaran *", labels, indexOf(s.targets, orig.Target))
		target.chooser = true
		target.hint = "RHK atau nilai perilaku (BerAKHLAK) yang diberi umpan balik."
		periods := []string{"(tanpa periode)"}
		for p := 1; p <= s.freq.Periods(); p++ {
			periods = append(periods, s.freq.PeriodLabel(p))
		}
		cur := 0
		if today := h.c.today(); today.Year == s.skp.Year {
			cur = domain.PeriodOf(s.freq, today)
		}
		period := choiceField("periode", "Periode", periods, cur)
		period.chooser = len(periods) > 6
		fields = append(fields, target, period)
	}
	text := ""
	if mode == fbEdit {
		text = orig.Text
	}
	tf := textField("teks", "Umpan balik *", text, 2000)
	switch mode {
	case fbReply:
		tf.label = "Balasan *"
	case fbEdit:
		tf.hint = "Teks sebelumnya tetap tersimpan dan terlihat sebagai riwayat."
	}
	fields = append(fields, tf)
	s.form = newForm(&h.c.Styles, fields)
	if mode == fbNew && s.form.get("sasaran").choice >= 0 {
		s.form.focusKey("teks")
	}
	s.form.snapshot()
	return s
}

func (s *fbForm) Title() string {
	switch s.mode {
	case fbReply:
		return "Balas umpan balik"
	case fbEdit:
		return "Ubah umpan balik"
	}
	return "Tulis umpan balik"
}

func (s *fbForm) Capturing() bool { return true }
func (s *fbForm) Dirty() bool     { return s.form.changed() }
func (s *fbForm) Keys() []KeyHelp { return []KeyHelp{{"Tab", "Pindah"}, {"Ctrl+S", "Simpan"}} }

// context is what the form answers or changes, shown above the fields.
func (s *fbForm) about(w int) []string {
	if s.mode == fbNew {
		return nil
	}
	st := &s.c.Styles
	head := "Membalas"
	if s.mode == fbEdit {
		head = "Teks saat ini"
	}
	out := []string{st.Label.Render(clip(head+" ("+inert(s.orig.Target.Label(s.skp))+", "+inert(s.orig.AuthorName)+", "+kinStamp(s.orig.Time)+"):", w))}
	wrapped := kinWrap(s.orig.Text, w-2)
	if len(wrapped) > 3 {
		wrapped = append(wrapped[:3], "…")
	}
	for _, l := range wrapped {
		out = append(out, "  "+l)
	}
	return append(out, "")
}

func (s *fbForm) SetSize(w, h int) {
	s.base.SetSize(w, h)
	s.form.setSize(w, max(4, h-len(s.about(w))))
}

// draft reads the form into the entry to save.
func (s *fbForm) draft() (domain.Feedback, bool) {
	f := s.form
	f.errors = map[string]string{}
	fb := domain.Feedback{SKPID: s.skp.ID, Text: strings.TrimSpace(f.get("teks").value()),
		AuthorID: s.c.Account.EmployeeID, AuthorName: kinActorName(s.c), Time: s.c.Now()}
	switch s.mode {
	case fbNew:
		if i := f.get("sasaran").choice; i >= 0 && i < len(s.targets) {
			fb.Target = s.targets[i]
		}
		fb.Period = max(0, f.get("periode").choice)
	case fbReply:
		fb.Target, fb.Period, fb.ReplyTo, fb.ByPegawai = s.orig.Target, s.orig.Period, s.orig.ID, true
	case fbEdit:
		text := fb.Text
		fb = s.orig
		fb.Text = text
	}
	if err := domain.ValidateFeedback(s.skp, fb); err != nil {
		var fe domain.FieldErrors
		if asFieldErrors(err, &fe) {
			for k, v := range fe {
				if f.get(k) == nil {
					k = "teks"
				}
				f.errors[k] = v
			}
		}
	}
	return fb, len(f.errors) == 0
}

type fbSavedMsg struct {
	id  uint64
	err error
}

func (s *fbForm) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case fbSavedMsg:
		s.busy, s.form.saving = false, false
		if msg.err != nil {
			return failure(msg.err)
		}
		s.form.snapshot()
		status := "Umpan balik disimpan."
		if s.mode == fbEdit {
			status = "Umpan balik diubah; teks sebelumnya tetap tercatat."
		}
		return tea.Batch(pop(savedResult{msg.id}), info(status))
	case choiceMadeMsg:
		if f := s.form.get(msg.key); f != nil {
			f.choice = msg.index
			s.form.touched[msg.key] = true
			if s.form.showAll {
				s.draft()
			}
		}
		return nil
	}
	switch s.form.update(msg) {
	case formChanged:
		if s.form.showAll {
			s.draft()
		}
	case formChoose:
		fl := s.form.focused()
		key := fl.key
		return showDialog(chooseDialog(&s.c.Styles, "Pilih "+strings.ToLower(strings.TrimSuffix(fl.label, " *")), fl.options, fl.choice, func(i int) tea.Cmd {
			return func() tea.Msg { return taggedMsg{to: s.id, msg: choiceMadeMsg{key: key, index: i}} }
		}))
	case formCancel:
		return pop(nil)
	case formSubmit:
		if s.busy {
			return nil
		}
		s.form.showAll = true
		fb, ok := s.draft()
		if !ok {
			return failure(domain.Errorf(domain.EINVALID, "Belum dapat disimpan: perbaiki isian yang bertanda ✗."))
		}
		s.busy, s.form.saving = true, true
		repo := s.c.Kinerja
		if s.mode == fbEdit {
			return s.cmd(func(ctx context.Context) tea.Msg {
				return fbSavedMsg{fb.ID, repo.EditFeedback(ctx, fb.SKPID, fb.ID, fb.Text)}
			})
		}
		return s.cmd(func(ctx context.Context) tea.Msg {
			id, err := repo.AddFeedback(ctx, fb)
			return fbSavedMsg{id, err}
		})
	}
	return nil
}

func (s *fbForm) View() string {
	ctx := s.about(s.w)
	if len(ctx) == 0 {
		return s.form.view()
	}
	return strings.Join(ctx, "\n") + "\n" + s.form.view()
}

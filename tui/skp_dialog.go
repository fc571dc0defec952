package tui

import (
	"context"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// dlgTab is Dialog kinerja: the sessions of the SKP by date with their
// kesepakatan, the carried ones marked, and the next dialog date (overdue
// flagged). The list and the details are drawn from *h.file every time.
type dlgTab struct {
	h   *skpHost
	sel int // index in file order (by date); -1: the latest
	scroll
}

func newDialogTab(h *skpHost) skpTab { return &dlgTab{h: h, sel: -1} }

func (t *dlgTab) Title() string   { return "Dialog kinerja" }
func (t *dlgTab) Capturing() bool { return false }

func (t *dlgTab) Keys() []KeyHelp {
	keys := []KeyHelp{{"↑↓", "Pilih"}}
	if kinCan(t.h, domain.OpDialog) == nil {
		keys = append(keys, KeyHelp{"F5", "Dialog baru"})
		if len(t.h.file.Dialogs) > 0 {
			keys = append(keys, KeyHelp{"Enter", "Ubah / status kesepakatan"})
		}
	}
	return keys
}

// index is the selected dialog: the latest until the user moves, so a
// dialog just recorded is the one shown.
func (t *dlgTab) index() int {
	n := len(t.h.file.Dialogs)
	if t.sel < 0 || t.sel >= n {
		return n - 1
	}
	return t.sel
}

func (t *dlgTab) current() (domain.Dialog, bool) {
	i := t.index()
	if i < 0 {
		return domain.Dialog{}, false
	}
	return t.h.file.Dialogs[i], true
}

func (t *dlgTab) Update(msg tea.Msg) tea.Cmd {
	n := len(t.h.file.Dialogs)
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch msg.String() {
		case "up":
			t.sel = max(0, t.index()-1)
		case "down":
			t.sel = min(n-1, t.index()+1)
		case "home":
			t.sel = 0
		case "end":
			t.sel = n - 1
		case "f5", "insert":
			if err := kinCan(t.h, domain.OpDialog); err != nil {
				return failure(err)
			}
			return push(newDlgForm(t.h, nil))
		case "enter", "f6":
			d, ok := t.current()
			if !ok {
				return nil
			}
			if err := kinCan(t.h, domain.OpDialog); err != nil {
				return failure(err)
			}
			return push(newDlgForm(t.h, &d))
		}
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				t.sel = max(0, t.index()-1)
			case tea.MouseButtonWheelDown:
				t.sel = min(n-1, t.index()+1)
			}
		}
	}
	return nil
}

// kinNextDialog is the next dialog date the latest session agreed on.
func kinNextDialog(ds []domain.Dialog) (next, from domain.Date) {
	var last *domain.Dialog
	for i := range ds {
		if last == nil || last.Date.Before(ds[i].Date) || last.Date == ds[i].Date && last.ID < ds[i].ID {
			last = &ds[i]
		}
	}
	if last == nil {
		return domain.Date{}, domain.Date{}
	}
	return last.NextDate, last.Date
}

// kinDialogDate is the date of a dialog of the file, for "dibawa dari
// dialog <tanggal>".
func kinDialogDate(ds []domain.Dialog, id uint64) string {
	for _, d := range ds {
		if d.ID == id {
			return d.Date.String()
		}
	}
	return "sebelumnya"
}

// kinCarriedTo is the date of the first dialog after from that holds the
// kesepakatan id again, i.e. the dialog it was carried into; its status in
// from is then no longer the one to act on.
func kinCarriedTo(ds []domain.Dialog, from domain.Dialog, id uint64) (domain.Date, bool) {
	if id == 0 || from.ID == 0 {
		return domain.Date{}, false
	}
	later := func(a, b domain.Dialog) bool { return b.Date.Before(a.Date) || a.Date == b.Date && a.ID > b.ID }
	var to *domain.Dialog
	for i := range ds {
		d := &ds[i]
		if d.ID == from.ID || !later(*d, from) || to != nil && !later(*to, *d) {
			continue
		}
		for _, k := range d.Kesepakatan {
			if k.ID == id {
				to = d
				break
			}
		}
	}
	if to == nil {
		return domain.Date{}, false
	}
	return to.Date, true
}

// kinKesepakatanLine is one agreed action of dialog in with its owner, due
// date, status and where it was carried from; one carried on into a later
// dialog says so instead of its status there.
func kinKesepakatanLine(k domain.Kesepakatan, ds []domain.Dialog, in domain.Dialog) string {
	line := inert(k.Text)
	if k.Owner != "" {
		line += " — PJ: " + inert(k.Owner)
	}
	if !k.Due.IsZero() {
		line += " · batas " + k.Due.String()
	}
	if to, ok := kinCarriedTo(ds, in, k.ID); ok && k.Status != domain.KesepakatanTercapai {
		line += " · dibawa ke dialog " + to.String()
	} else {
		line += " · " + k.Status.String()
	}
	if k.CarriedFrom != 0 || k.Carried > 0 {
		line += " · dibawa dari dialog " + kinDialogDate(ds, k.CarriedFrom)
		if k.Carried > 1 {
			line += " (" + itoa(k.Carried) + "×)"
		}
	}
	return line
}

func (t *dlgTab) View(w, h int) string {
	st := &t.h.c.Styles
	ds := t.h.file.Dialogs
	today := t.h.c.today()
	var lines []string
	next, from := kinNextDialog(ds)
	switch {
	case next.IsZero() && len(ds) > 0:
		lines = append(lines, st.Muted.Render("Tanggal dialog berikutnya belum disepakati."))
	case next.IsZero():
	case next.Before(today):
		for _, l := range kinWrap("⚠ Dialog berikutnya "+next.String()+" sudah lewat "+itoa(next.DaysUntil(today))+" hari (Terlambat; disepakati pada dialog "+from.String()+").", w) {
			lines = append(lines, st.FieldWarning.Render(l))
		}
	default:
		lines = append(lines, clip("Dialog berikutnya: "+st.Title.Render(next.String())+st.Muted.Render(" (disepakati pada dialog "+from.String()+")"), w))
	}
	if err := kinCan(t.h, domain.OpDialog); err != nil {
		for _, l := range kinWrap("Hanya baca: "+domain.ErrorMessage(err), w) {
			lines = append(lines, st.Muted.Render(l))
		}
	}
	if len(ds) == 0 {
		hint := "Belum ada dialog kinerja."
		if kinCan(t.h, domain.OpDialog) == nil {
			hint += " Tekan F5 untuk mencatat dialog (misalnya klarifikasi ekspektasi)."
		}
		return strings.Join(append(lines, st.Muted.Render(clip(hint, w))), "\n")
	}
	d, _ := t.current()
	pesW := max(12, w-2-12-24-18-12-4)
	lines = append(lines, "", st.TableHeader.Render(clip("  "+fit("Tanggal", 12)+" "+fit("Jenis", 24)+" "+fit("Peserta", pesW)+" "+fit("Kesepakatan", 18)+" "+fit("Berikutnya", 12), w)))
	listH := max(3, min(len(ds), (h-len(lines))/3))
	sel := t.index()
	t.scroll.cursor = sel
	t.scroll.move(0, len(ds), listH)
	end := min(len(ds), t.offset+listH)
	for i := t.offset; i < end; i++ {
		x := ds[i]
		done := 0
		for _, k := range x.Kesepakatan {
			if k.Status == domain.KesepakatanTercapai {
				done++
			}
		}
		kes := itoa(len(x.Kesepakatan))
		if len(x.Kesepakatan) > 0 {
			kes += " (" + itoa(done) + " tercapai)"
		}
		line := fit(x.Date.String(), 12) + " " + fit(x.Kind.Label(), 24) + " " + fit(strings.Join(x.Peserta, "; "), pesW) + " " + fit(kes, 18) + " " + fit(x.NextDate.String(), 12)
		if i == sel {
			line = st.RowSelected.Render(clip("› "+line, w))
		} else {
			line = clip("  "+line, w)
		}
		lines = append(lines, line)
	}
	lines = append(lines, "", st.Section.Render(clip("Dialog "+d.Date.String()+" · "+d.Kind.Label(), w)))
	var detail []string
	if len(d.Peserta) > 0 {
		detail = append(detail, kinWrap("Peserta: "+strings.Join(d.Peserta, "; "), w)...)
	}
	if len(d.Topics) > 0 {
		var ts []string
		for _, tp := range d.Topics {
			ts = append(ts, tp.Label(t.h.file.SKP))
		}
		detail = append(detail, kinWrap("Topik: "+strings.Join(ts, "; "), w)...)
	}
	if strings.TrimSpace(d.Notes) != "" {
		detail = append(detail, kinWrap("Catatan: "+d.Notes, w)...)
	}
	if len(d.Kesepakatan) == 0 {
		detail = append(detail, st.Muted.Render("Tidak ada kesepakatan."))
	} else {
		detail = append(detail, "Kesepakatan:")
		for i, k := range d.Kesepakatan {
			for j, l := range kinWrap(itoa(i+1)+". "+kinKesepakatanLine(k, ds, d), w-2) {
				if j > 0 {
					l = "   " + l
				}
				detail = append(detail, "  "+l)
			}
		}
	}
	if !d.NextDate.IsZero() {
		detail = append(detail, "Dialog berikutnya: "+d.NextDate.String())
	}
	room := max(1, h-len(lines))
	if len(detail) > room {
		detail = append(detail[:room-1], st.Muted.Render("… (Enter untuk melihat semua kesepakatan)"))
	}
	return strings.Join(append(lines, detail...), "\n")
}

// ---- Dialog form ----

// dlgKes is one kesepakatan group of the form; the fields are keyed
// k<n>_text, k<n>_owner, k<n>_due and k<n>_status.
type dlgKes struct {
	n    int
	orig domain.Kesepakatan // ID, carry marks and the rest kept on save
}

// dlgForm records a new dialog kinerja or changes one (notably its
// kesepakatan's status). A new dialog's unmet kesepakatan of the previous
// session are carried by the store; the form shows which ones.
type dlgForm struct {
	base
	skp     domain.SKP
	dialogs []domain.Dialog // the SKP's dialogs when the form opened
	orig    *domain.Dialog
	targets []domain.FeedbackTarget
	topics  map[domain.FeedbackTarget]bool
	kes     []dlgKes
	nextN   int
	form    *form
	busy    bool
}

func newDlgForm(h *skpHost, d *domain.Dialog) *dlgForm {
	s := &dlgForm{base: newBase(h.c), skp: h.file.SKP, dialogs: append([]domain.Dialog(nil), h.file.Dialogs...), orig: d,
		targets: kinTargets(h.file.SKP), topics: map[domain.FeedbackTarget]bool{}}
	v := domain.Dialog{Date: h.c.today(), Kind: domain.DialogUmpanBalik}
	if len(s.dialogs) == 0 {
		v.Kind = domain.DialogKlarifikasi
	}
	for _, p := range []domain.PersonSnapshot{s.skp.Penilai, s.skp.Pegawai} {
		if p.Nama != "" {
			v.Peserta = append(v.Peserta, p.Nama)
		}
	}
	if d != nil {
		v = *d
	}
	for _, tp := range v.Topics {
		s.topics[tp] = true
	}
	kinds := domain.DialogKinds()
	kindLabels := make([]string, len(kinds))
	for i, k := range kinds {
		kindLabels[i] = k.Label()
	}
	date := textField("tanggal", "Tanggal dialog *", v.Date.String(), 10)
	date.hint = "HH-BB-TTTT"
	if next, ok := s.agreed(); ok {
		date.hint = "HH-BB-TTTT · dialog berikutnya yang disepakati: " + next.String()
	}
	kind := choiceField("jenis", "Jenis dialog *", kindLabels, indexOf(kinds, v.Kind))
	peserta := textField("peserta", "Peserta", strings.Join(v.Peserta, "; "), 500)
	peserta.hint = "Nama dipisah titik koma."
	topik := choiceField("topik", "Topik", nil, -1)
	topik.chooser = true
	topik.hint = "Enter: pilih RHK atau nilai perilaku yang dibahas (boleh lebih dari satu)."
	notes := textField("catatan", "Catatan", v.Notes, 8000)
	nextDate := textField("berikutnya", "Dialog berikutnya", v.NextDate.String(), 10)
	nextDate.hint = "HH-BB-TTTT; muncul di Pengingat."
	s.form = newForm(&h.c.Styles, []*field{date, kind, peserta, topik, notes, nextDate})
	s.syncTopics()
	for _, k := range v.Kesepakatan {
		s.addKes(k)
	}
	if d == nil {
		s.addKes(domain.Kesepakatan{Status: domain.KesepakatanBelum})
	}
	s.form.snapshot()
	return s
}

// addKes appends a kesepakatan group before the next-dialog field.
func (s *dlgForm) addKes(k domain.Kesepakatan) *field {
	s.nextN++
	n := s.nextN
	key := "k" + itoa(n) + "_"
	section := "Kesepakatan " + itoa(len(s.kes)+1)
	if k.CarriedFrom != 0 || k.Carried > 0 {
		section += " · dibawa dari dialog " + kinDialogDate(s.dialogs, k.CarriedFrom)
	}
	if s.orig != nil {
		if to, ok := kinCarriedTo(s.dialogs, *s.orig, k.ID); ok {
			section += " · dibawa ke dialog " + to.String()
		}
	}
	txt := textField(key+"text", "Kesepakatan", k.Text, 2000)
	txt.section = section
	owner := textField(key+"owner", "Penanggung jawab", k.Owner, 200)
	due := textField(key+"due", "Batas waktu", k.Due.String(), 10)
	due.hint = "HH-BB-TTTT"
	fields := []*field{txt, owner, due}
	if s.orig != nil {
		sts := domain.KesepakatanStatuses()
		labels := make([]string, len(sts))
		for i, x := range sts {
			labels[i] = x.String()
		}
		status := choiceField(key+"status", "Status", labels, max(0, indexOf(sts, k.Status)))
		fields = append(fields, status)
	}
	s.kes = append(s.kes, dlgKes{n: n, orig: k})
	last := s.form.fields[len(s.form.fields)-1] // "berikutnya" stays at the end
	s.form.fields = append(append(s.form.fields[:len(s.form.fields)-1], fields...), last)
	return txt
}

// dlgTopicRHKW is how much of an RHK's label the topik field shows when
// more than one topic is chosen, so every topic stays in view.
const dlgTopicRHKW = 16

// syncTopics shows the chosen topics as the topik field's one option:
// one topic in full; several as "N topik: " and each, an RHK shortened
// to its number and first words ("2 topik: RHK 1: Terkelo…; Akuntabel").
func (s *dlgForm) syncTopics() {
	var labels, short []string
	for _, t := range s.targets {
		if s.topics[t] {
			l := t.Label(s.skp)
			labels = append(labels, l)
			if t.RHKID != 0 {
				l = clip(inert(l), dlgTopicRHKW)
			}
			short = append(short, l)
		}
	}
	f := s.form.get("topik")
	switch len(labels) {
	case 0:
		f.options, f.choice = nil, -1
		return
	case 1:
		f.options, f.choice = labels, 0
		return
	}
	labels = short
	f.options, f.choice = []string{itoa(len(labels)) + " topik: " + strings.Join(labels, "; ")}, 0
}

func (s *dlgForm) Title() string {
	if s.orig == nil {
		return "Dialog kinerja baru"
	}
	return "Ubah dialog kinerja " + s.orig.Date.String()
}

func (s *dlgForm) Capturing() bool { return true }
func (s *dlgForm) Dirty() bool     { return s.form.changed() }
func (s *dlgForm) Keys() []KeyHelp {
	return []KeyHelp{{"Tab", "Pindah"}, {"F5", "Tambah kesepakatan"}, {"Ctrl+S", "Simpan"}}
}

// carried previews what the store will carry into a new dialog: the unmet
// kesepakatan of the latest dialog, exactly by domain.CarryOver.
func (s *dlgForm) carried() []domain.Kesepakatan {
	if s.orig != nil {
		return nil
	}
	var d domain.Dialog
	domain.CarryOver(s.dialogs, &d, nil)
	return d.Kesepakatan
}

// agreed is the next dialog date the latest dialog agreed on, when it is
// today or later: a new dialog is most likely that one. The form keeps
// today's date (the dialog is recorded when it happens) and shows it.
func (s *dlgForm) agreed() (domain.Date, bool) {
	if s.orig != nil {
		return domain.Date{}, false
	}
	next, _ := kinNextDialog(s.dialogs)
	if next.IsZero() || next.Before(s.c.today()) {
		return domain.Date{}, false
	}
	return next, true
}

func (s *dlgForm) about(w int) []string {
	st := &s.c.Styles
	var out []string
	if next, ok := s.agreed(); ok {
		out = append(out, st.Muted.Render(clip("Dialog berikutnya yang disepakati: "+next.String(), w)), "")
	}
	c := s.carried()
	if len(c) == 0 {
		return out
	}
	out = append(out, st.Label.Render(clip("Dibawa otomatis dari dialog sebelumnya (belum tercapai):", w)))
	for i, k := range c {
		if i == 3 {
			out = append(out, st.Muted.Render("  … dan "+itoa(len(c)-3)+" lainnya"))
			break
		}
		out = append(out, clip("  • "+kinKesepakatanLine(k, s.dialogs, domain.Dialog{}), w))
	}
	return append(out, "")
}

func (s *dlgForm) SetSize(w, h int) {
	s.base.SetSize(w, h)
	s.form.setSize(w, max(6, h-len(s.about(w))))
}

func (s *dlgForm) date(key string) (domain.Date, bool) {
	d, err := domain.ParseDate(s.form.get(key).value())
	if err != nil {
		s.form.errors[key] = domain.ErrorMessage(err)
		return domain.Date{}, false
	}
	return d, true
}

// draft reads the form into the dialog to save; rows left empty are not
// kesepakatan.
func (s *dlgForm) draft() (domain.Dialog, bool) {
	f := s.form
	f.errors = map[string]string{}
	d := domain.Dialog{SKPID: s.skp.ID, Created: s.c.Now()}
	if s.orig != nil {
		d = *s.orig
		d.Kesepakatan = nil
	}
	d.Updated = s.c.Now()
	d.Date, _ = s.date("tanggal")
	d.NextDate, _ = s.date("berikutnya")
	if i := f.get("jenis").choice; i >= 0 {
		d.Kind = domain.DialogKinds()[i]
	} else {
		d.Kind = ""
	}
	d.Peserta = nil
	for _, p := range strings.Split(f.get("peserta").value(), ";") {
		if p = strings.TrimSpace(p); p != "" {
			d.Peserta = append(d.Peserta, p)
		}
	}
	d.Topics = nil
	for _, t := range s.targets {
		if s.topics[t] {
			d.Topics = append(d.Topics, t)
		}
	}
	d.Notes = strings.TrimSpace(f.get("catatan").value())
	var rows []int // form group of each kept kesepakatan, for the messages
	for _, g := range s.kes {
		key := "k" + itoa(g.n) + "_"
		k := g.orig
		k.Text = strings.TrimSpace(f.get(key + "text").value())
		k.Owner = strings.TrimSpace(f.get(key + "owner").value())
		due, ok := s.date(key + "due")
		if ok {
			k.Due = due
		}
		if st := f.get(key + "status"); st != nil && st.choice >= 0 {
			k.Status = domain.KesepakatanStatuses()[st.choice]
		}
		if k.Status == 0 {
			k.Status = domain.KesepakatanBelum
		}
		if k.Text == "" && k.Owner == "" && f.get(key+"due").value() == "" && k.ID == 0 {
			continue
		}
		d.Kesepakatan = append(d.Kesepakatan, k)
		rows = append(rows, g.n)
	}
	if err := domain.ValidateDialog(s.skp, d); err != nil {
		var fe domain.FieldErrors
		if asFieldErrors(err, &fe) {
			for k, v := range fe {
				key := k
				if rest, ok := strings.CutPrefix(k, "kesepakatan."); ok {
					num, suffix, _ := strings.Cut(rest, ".")
					if i := atoiOr(num, 0) - 1; i >= 0 && i < len(rows) {
						key = "k" + itoa(rows[i]) + "_text"
						if suffix == "status" {
							key = "k" + itoa(rows[i]) + "_status"
						}
					}
				}
				if f.get(key) == nil {
					key = "tanggal"
				}
				if _, taken := f.errors[key]; !taken {
					f.errors[key] = v
				}
			}
		}
	}
	return d, len(f.errors) == 0
}

// atoiOr reads a small non-negative number, or def.
func atoiOr(s string, def int) int {
	n := 0
	if s == "" {
		return def
	}
	for _, r := range s {
		if r < '0' || r > '9' || n > 1e6 {
			return def
		}
		n = n*10 + int(r-'0')
	}
	return n
}

type dlgSavedMsg struct {
	id  uint64
	err error
}

// toggleTopic chooses or drops the i-th topic.
func (s *dlgForm) toggleTopic(i int) {
	if i < 0 || i >= len(s.targets) {
		return
	}
	t := s.targets[i]
	if s.topics[t] {
		delete(s.topics, t)
	} else {
		s.topics[t] = true
	}
	s.form.touched["topik"] = true
	s.syncTopics()
}

// dlgTopicPicker chooses the dialog's topics, several at once: Enter or
// Space chooses or drops the topic under the cursor and stays, Esc ends
// the choice and goes back to the form, which has every change already.
// A screen of its own rather than the chooser dialog, whose keys mean
// "take one and close".
type dlgTopicPicker struct {
	base
	f *dlgForm
	scroll
}

const dlgPickerKeys = "↑↓ pindah · Enter/Spasi pilih/lepas · Esc selesai (kembali ke formulir)"

func newDlgTopicPicker(f *dlgForm) *dlgTopicPicker {
	return &dlgTopicPicker{base: newBase(f.c), f: f}
}

func (p *dlgTopicPicker) Title() string { return "Topik dialog" }
func (p *dlgTopicPicker) Keys() []KeyHelp {
	return []KeyHelp{{"↑↓", "Pindah"}, {"Enter/Spasi", "Pilih/lepas"}}
}

func (p *dlgTopicPicker) page() int  { return max(1, p.h-4) }
func (p *dlgTopicPicker) move(d int) { p.scroll.move(d, len(p.f.targets), p.page()) }

func (p *dlgTopicPicker) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if listKeys(msg.String(), p.page(), len(p.f.targets), p.move) {
			return nil
		}
		switch msg.String() {
		case "enter", " ":
			p.f.toggleTopic(p.cursor)
		}
	case tea.MouseMsg:
		if msg.Action != tea.MouseActionPress {
			return nil
		}
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			p.move(-1)
		case tea.MouseButtonWheelDown:
			p.move(1)
		case tea.MouseButtonLeft:
			if i := p.offset + msg.Y - 2; msg.Y >= 2 && i < len(p.f.targets) && msg.Y < 2+p.page() {
				p.cursor = i
				p.f.toggleTopic(i)
			}
		}
	}
	return nil
}

func (p *dlgTopicPicker) View() string {
	st := &p.c.Styles
	f := p.f
	lines := []string{st.Muted.Render(clip("Topik yang dibahas, boleh lebih dari satu: "+dlgPickerKeys, p.w)), ""}
	p.move(0)
	end := min(len(f.targets), p.offset+p.page())
	for i := p.offset; i < end; i++ {
		t := f.targets[i]
		mark := "[ ] "
		if f.topics[t] {
			mark = "[x] "
		}
		line := mark + inert(t.Label(f.skp))
		if i == p.cursor {
			line = st.RowSelected.Render(clip("› "+line, p.w))
		} else {
			line = clip("  "+line, p.w)
		}
		lines = append(lines, line)
	}
	for i := end - p.offset; i < p.page(); i++ {
		lines = append(lines, "")
	}
	chosen := 0
	for _, t := range f.targets {
		if f.topics[t] {
			chosen++
		}
	}
	lines = append(lines, "", st.Muted.Render(clip(dlgPickerKeys+" · "+itoa(chosen)+" dari "+itoa(len(f.targets))+" dipilih", p.w)))
	return strings.Join(lines, "\n")
}

func (s *dlgForm) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case dlgSavedMsg:
		s.busy, s.form.saving = false, false
		if msg.err != nil {
			var fe domain.FieldErrors
			if asFieldErrors(msg.err, &fe) {
				s.form.showAll = true
			}
			return failure(msg.err)
		}
		s.form.snapshot()
		status := "Dialog kinerja dicatat."
		if s.orig != nil {
			status = "Dialog kinerja diubah."
		}
		// reload: the next dialog date feeds Pengingat, which caches per
		// data version.
		return tea.Batch(pop(savedResult{msg.id}), reload(status))
	case tea.KeyMsg:
		if msg.String() == "f5" && !s.busy {
			txt := s.addKes(domain.Kesepakatan{Status: domain.KesepakatanBelum})
			s.form.setSize(s.w, max(6, s.h-len(s.about(s.w))))
			s.form.focusKey(txt.key)
			return nil
		}
	}
	switch s.form.update(msg) {
	case formChanged:
		if f := s.form.get("topik"); f.choice == -1 && len(s.topics) > 0 {
			// Delete on the topik field clears every topic.
			s.topics = map[domain.FeedbackTarget]bool{}
			s.syncTopics()
		}
		if s.form.showAll {
			s.draft()
		}
	case formChoose:
		if fl := s.form.focused(); fl != nil && fl.key == "topik" {
			return push(newDlgTopicPicker(s))
		}
	case formCancel:
		return pop(nil)
	case formSubmit:
		if s.busy {
			return nil
		}
		s.form.showAll = true
		d, ok := s.draft()
		if !ok {
			return failure(domain.Errorf(domain.EINVALID, "Belum dapat disimpan: perbaiki isian yang bertanda ✗."))
		}
		s.busy, s.form.saving = true, true
		repo := s.c.Kinerja
		return s.cmd(func(ctx context.Context) tea.Msg {
			id, err := repo.SaveDialog(ctx, d)
			return dlgSavedMsg{id, err}
		})
	}
	return nil
}

func (s *dlgForm) View() string {
	head := s.about(s.w)
	if len(head) == 0 {
		return s.form.view()
	}
	return strings.Join(head, "\n") + "\n" + s.form.view()
}

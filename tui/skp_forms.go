package tui

import (
	"context"
	"errors"
	"sort"
	"strconv"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// planForm is one form over part of an SKP's plan (header, an RHK, an
// indicator, the ekspektasi, the lampiran). Every plan form edits a copy of
// the SKP as loaded and saves the whole plan with SaveSKP, so the store
// checks the same ValidateSKP the form shows beside its fields.
type planForm struct {
	base
	title string
	orig  domain.SKP
	form  *form
	intro []string // context above the fields (which RHK an indicator belongs to)
	// prefix is the ValidateSKP key prefix of the part this form edits
	// ("rhk.2."); trim are the message prefixes dropped beside a field.
	prefix string
	trim   []string
	read   func(s *domain.SKP) domain.FieldErrors // form → SKP; parse errors by field key
	// prep runs in the save Cmd before SaveSKP (the header form reads the
	// chosen penilai's profile there).
	prep func(ctx context.Context, s *domain.SKP) error
	// extra sees every message first; handled=true stops the form's own
	// handling (async results of this form, list growth in the lampiran).
	extra   func(msg tea.Msg) (cmd tea.Cmd, handled bool)
	initCmd func() tea.Cmd
	done    string
	sel     uint64 // the RHK or indicator to select after the save
	other   string // a problem elsewhere in the plan that blocks the save
	busy    bool
}

type planFormSavedMsg struct{ err error }

func newPlanForm(c *Common, title string, s domain.SKP, fields []*field) *planForm {
	p := &planForm{base: newBase(c), title: title, orig: skpCopy(s)}
	p.form = newForm(&c.Styles, fields)
	return p
}

func (p *planForm) Init() tea.Cmd {
	if p.initCmd != nil {
		return p.initCmd()
	}
	return nil
}

func (p *planForm) Title() string   { return p.title }
func (p *planForm) Capturing() bool { return true }
func (p *planForm) Dirty() bool     { return p.form.changed() }
func (p *planForm) Keys() []KeyHelp { return []KeyHelp{{"Tab", "Pindah"}, {"Ctrl+S", "Simpan"}} }

func (p *planForm) SetSize(w, h int) {
	p.base.SetSize(w, h)
	p.form.setSize(w, max(3, h-len(skpIntro(&p.c.Styles, p.intro, w))))
}

// place puts a validation error beside the field it belongs to, or keeps
// it as the form's "other" problem when it concerns another part.
func (p *planForm) place(err error) {
	if err == nil {
		return
	}
	var fe domain.FieldErrors
	if !errors.As(err, &fe) {
		var de *domain.Error
		if errors.As(err, &de) && de.Field != "" && p.form.get(de.Field) != nil {
			p.form.errors[de.Field] = de.Message
			return
		}
		if p.other == "" {
			p.other = domain.ErrorMessage(err)
		}
		return
	}
	keys := make([]string, 0, len(fe))
	for k := range fe {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		msg := fe[k]
		if strings.HasPrefix(k, p.prefix) {
			if fl := p.form.get(k[len(p.prefix):]); fl != nil && fl.visible() {
				for _, t := range p.trim {
					msg = strings.TrimPrefix(msg, t)
				}
				p.form.errors[fl.key] = msg
				continue
			}
		}
		if p.other == "" {
			p.other = msg
		}
	}
}

// validate reads the form into a copy of the plan and checks it whole.
func (p *planForm) validate() (domain.SKP, bool) {
	next := skpCopy(p.orig)
	p.form.errors = map[string]string{}
	p.other = ""
	for k, v := range p.read(&next) {
		p.form.errors[k] = v
	}
	if len(p.form.errors) > 0 {
		return next, false
	}
	p.place(domain.ValidateSKP(next))
	return next, len(p.form.errors) == 0 && p.other == ""
}

func (p *planForm) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case planFormSavedMsg:
		p.busy, p.form.saving = false, false
		if msg.err != nil {
			p.place(msg.err)
			p.form.showAll = true
			return failure(msg.err)
		}
		p.form.snapshot()
		return tea.Batch(reload(p.done), pop(savedResult{p.sel}))
	case choiceMadeMsg:
		if f := p.form.get(msg.key); f != nil {
			f.choice = msg.index
			p.form.touched[msg.key] = true
			p.validate()
		}
		return nil
	}
	if p.extra != nil {
		if cmd, handled := p.extra(msg); handled {
			return cmd
		}
	}
	switch p.form.update(msg) {
	case formChanged:
		p.validate()
	case formChoose:
		fl := p.form.focused()
		key, id := fl.key, p.id
		return showDialog(chooseDialog(&p.c.Styles, "Pilih "+fl.label, fl.options, fl.choice, func(i int) tea.Cmd {
			return func() tea.Msg { return taggedMsg{to: id, msg: choiceMadeMsg{key: key, index: i}} }
		}))
	case formCancel:
		if p.Dirty() {
			return showDialog(confirmDialog(&p.c.Styles, "Batal", "Perubahan belum disimpan. Buang perubahan dan kembali?",
				"Ya, buang", "Tidak", pop(nil), nil))
		}
		return pop(nil)
	case formSubmit:
		if p.busy {
			return nil
		}
		p.form.showAll = true
		next, ok := p.validate()
		if !ok {
			if len(p.form.errors) == 0 && p.other != "" {
				return failure(domain.Errorf(domain.EINVALID, "Belum dapat disimpan: "+p.other))
			}
			return failure(domain.Errorf(domain.EINVALID, "Belum dapat disimpan: perbaiki isian yang bertanda ✗."))
		}
		p.busy, p.form.saving = true, true
		return p.cmd(func(ctx context.Context) tea.Msg {
			return planFormSavedMsg{p.c.Kinerja.SaveSKP(ctx, next)}
		})
	}
	return nil
}

func (p *planForm) View() string {
	st := &p.c.Styles
	var b strings.Builder
	intro := skpIntro(st, p.intro, p.w)
	for _, l := range intro {
		b.WriteString(l + "\n")
	}
	if p.other != "" && p.form.showAll {
		// The reason the save is refused when it lies outside this form.
		b.WriteString(clip(st.FieldError.Render("✗ "+inert(p.other)), p.w) + "\n")
		p.form.setSize(p.w, max(3, p.h-len(intro)-1))
	}
	b.WriteString(p.form.view())
	return b.String()
}

// skpIntro wraps a form's introduction to the width, muted; an empty
// string is a gap.
func skpIntro(st *Styles, intro []string, w int) []string {
	var out []string
	for _, l := range intro {
		if l == "" {
			out = append(out, "")
			continue
		}
		for _, x := range skpWrap(l, max(20, w)) {
			out = append(out, st.Muted.Render(x))
		}
	}
	return out
}

// --- the forms ---

// newSKPHeaderForm edits periode penilaian and pendekatan; Admin also picks
// the pejabat penilai and atasan penilai (copied into the SKP as they are
// now, domain.md §4.2).
func newSKPHeaderForm(c *Common, s domain.SKP) *planForm {
	start := textField(domain.FieldPeriode, "Periode mulai", s.Start.String(), 10)
	start.hint = "HH-BB-TTTT, misalnya 01-01-" + strconv.Itoa(s.Year) + "."
	end := textField("periode_selesai", "Periode selesai", s.End.String(), 10)
	end.hint = "SKP baru dibuat bila jabatan berganti di tengah tahun; periode ini lalu dipersingkat."
	var pendNames []string
	pendChoice := 0
	for i, p := range domain.Pendekatans() {
		pendNames = append(pendNames, p.String())
		if p == s.Pendekatan {
			pendChoice = i
		}
	}
	pend := choiceField(domain.FieldPendekatan, "Pendekatan", pendNames, pendChoice)
	pend.hint = "Kuantitatif: tiap indikator punya aspek dan target angka. Kualitatif: target berupa uraian."
	fields := []*field{start, end, pend}
	admin := domain.CanSKP(c.Actor, s.Party(), domain.OpEditPenilai) == nil
	var ids []uint64
	if admin {
		names := []string{"(tidak ada)"}
		ids = []uint64{0}
		for _, r := range c.Rows {
			if r.ID == s.EmployeeID || !r.Status.Active() {
				continue
			}
			ids = append(ids, r.ID)
			names = append(names, r.Nama+" — "+r.NamaJabatan)
		}
		idx := func(id uint64) int {
			for i, x := range ids {
				if x == id {
					return i
				}
			}
			return 0
		}
		pen := choiceField("penilai", "Pejabat penilai kinerja", names, idx(s.Penilai.EmployeeID))
		pen.chooser = true
		pen.section = "Pejabat penilai (diisi Admin)"
		pen.hint = "Bawaan dari peta atasan; Enter membuka daftar dengan pencarian."
		apen := choiceField("atasan_penilai", "Atasan pejabat penilai", names, idx(s.AtasanPenilai.EmployeeID))
		apen.chooser = true
		fields = append(fields, pen, apen)
	}
	p := newPlanForm(c, "Periode dan pendekatan", s, fields)
	p.done = "Periode dan pendekatan disimpan."
	p.read = func(n *domain.SKP) domain.FieldErrors {
		fe := domain.FieldErrors{}
		var err error
		if n.Start, err = domain.ParseDate(start.value()); err != nil {
			fe[start.key] = domain.ErrorMessage(err)
		}
		if n.End, err = domain.ParseDate(end.value()); err != nil {
			fe[end.key] = domain.ErrorMessage(err)
		}
		if pend.choice >= 0 {
			n.Pendekatan = domain.Pendekatans()[pend.choice]
		}
		if admin {
			pick := func(f *field, cur domain.PersonSnapshot) domain.PersonSnapshot {
				id := ids[max(0, f.choice)]
				if id == cur.EmployeeID {
					return cur // unchanged: keep the copy made earlier
				}
				return domain.PersonSnapshot{EmployeeID: id}
			}
			n.Penilai = pick(p.form.get("penilai"), p.orig.Penilai)
			n.AtasanPenilai = pick(p.form.get("atasan_penilai"), p.orig.AtasanPenilai)
		}
		return fe
	}
	// The store copies a newly chosen penilai from the profile as it is
	// now (domain.md §4.2: copied into the SKP, not linked).
	p.form.snapshot()
	return p
}

// rhkOptionsMsg carries the penilai's RHK offered as the RHK atasan yang
// diintervensi.
type rhkOptionsMsg struct {
	refs []domain.RHKRef
	err  error
}

// newRHKForm adds (i < 0) or changes RHK i.
func newRHKForm(c *Common, s domain.SKP, i int) *planForm {
	r := domain.RHK{Kategori: domain.RHKUtama}
	if i >= 0 {
		r = s.RHK[i]
	}
	var katNames []string
	katChoice := 0
	for j, k := range domain.RHKKategoris() {
		katNames = append(katNames, k.String())
		if k == r.Kategori {
			katChoice = j
		}
	}
	kat := choiceField(domain.FieldRHKKategori, "Kategori", katNames, katChoice)
	kat.hint = "Utama: dari tugas jabatan atau RHK atasan. Tambahan: tugas lain di luar itu."
	// Labels are cut at about 24 cells: the full official caption is in
	// the hint and in the plan view.
	pick := choiceField("intervensi_pilih", "RHK atasan", nil, -1)
	pick.chooser = true
	pick.hint = "RHK atasan yang diintervensi: Enter membuka daftar RHK pejabat penilai; pilih \"Tulis sendiri\" bila tidak ada."
	var refs []domain.RHKRef
	pick.hidden = func() bool { return len(refs) == 0 }
	typed := textField(domain.FieldIntervensi, "RHK atasan", r.Intervensi, 2000)
	typed.hint = "Memuat RHK pejabat penilai…"
	typed.hidden = func() bool { return len(refs) > 0 && pick.choice != len(refs) }
	text := textField(domain.FieldRHKText, "Rencana hasil kerja", r.Text, 2000)
	text.hint = "Hasil yang akan dicapai, misalnya \"Tersusunnya laporan keuangan tepat waktu\"."
	peng := textField("penugasan", "Penugasan dari", r.PenugasanDari, 200)
	peng.hint = "Siapa yang menugaskan, bila bukan dari jabatan sendiri (boleh kosong)."
	title := "Tambah RHK"
	n := len(s.RHK) + 1
	if i >= 0 {
		title, n = "Ubah RHK "+strconv.Itoa(i+1), i+1
	}
	p := newPlanForm(c, title, s, []*field{kat, pick, typed, text, peng})
	p.prefix = "rhk." + strconv.Itoa(n) + "."
	p.trim = []string{"RHK " + strconv.Itoa(n) + ": "}
	p.done = "RHK " + strconv.Itoa(n) + " disimpan."
	p.read = func(next *domain.SKP) domain.FieldErrors {
		x := r
		if i < 0 {
			x.ID = next.NewID()
			x.Indikator = nil
		} else {
			x = next.RHK[i] // its indicators as copied with the plan
		}
		x.Kategori = domain.RHKKategoris()[max(0, kat.choice)]
		x.IntervensiSKPID, x.IntervensiRHKID, x.Intervensi = 0, 0, strings.TrimSpace(typed.value())
		if len(refs) > 0 && pick.choice >= 0 && pick.choice < len(refs) {
			ref := refs[pick.choice]
			x.IntervensiSKPID, x.IntervensiRHKID, x.Intervensi = ref.SKPID, ref.RHKID, ref.Text
		}
		x.Text, x.PenugasanDari = strings.TrimSpace(text.value()), strings.TrimSpace(peng.value())
		if i < 0 {
			next.RHK = append(next.RHK, x)
		} else {
			next.RHK[i] = x
		}
		p.sel = x.ID
		return nil
	}
	skpID := s.ID
	p.extra = func(msg tea.Msg) (tea.Cmd, bool) {
		m, ok := msg.(rhkOptionsMsg)
		if !ok {
			return nil, false
		}
		typed.hint = "RHK atasan yang diintervensi (boleh kosong untuk RHK tambahan)."
		if m.err != nil {
			typed.hint = "RHK pejabat penilai tidak dapat dimuat (" + domain.ErrorMessage(m.err) + "); ketik sendiri."
			return nil, true
		}
		if len(m.refs) == 0 {
			typed.hint = "RHK atasan yang diintervensi: pejabat penilai belum punya SKP di asndesk untuk tahun ini, ketik RHK atasannya."
			return nil, true
		}
		refs = m.refs
		for _, ref := range refs {
			pick.options = append(pick.options, ref.Text+" ("+ref.Owner+")")
		}
		pick.options = append(pick.options, "Tulis sendiri…")
		initial := -1
		for j, ref := range refs {
			if ref.SKPID == r.IntervensiSKPID && ref.RHKID == r.IntervensiRHKID && r.IntervensiRHKID != 0 {
				initial = j
			}
		}
		if initial < 0 && strings.TrimSpace(r.Intervensi) != "" {
			initial = len(refs) // typed earlier: keep the text in view
		}
		// Keep what was typed before the list arrived in view.
		if pick.choice < 0 {
			pick.choice = initial
			if typed.value() != r.Intervensi && strings.TrimSpace(typed.value()) != "" {
				pick.choice = len(refs)
			}
		}
		typed.label = "RHK atasan (ketik)"
		typed.hint = "Ketik RHK atasan yang diintervensi bila tidak ada di daftar."
		p.form.initial[pick.key] = optionAt(pick.options, initial)
		p.SetSize(p.w, p.h)
		return nil, true
	}
	p.initCmd = func() tea.Cmd {
		return p.cmd(func(ctx context.Context) tea.Msg {
			refs, err := c.Kinerja.IntervensiOptions(ctx, skpID)
			return rhkOptionsMsg{refs, err}
		})
	}
	p.form.snapshot()
	return p
}

func optionAt(opts []string, i int) string {
	if i >= 0 && i < len(opts) {
		return opts[i]
	}
	return ""
}

// newIndikatorForm adds (j < 0) or changes indicator j of RHK i.
func newIndikatorForm(c *Common, s domain.SKP, i, j int) *planForm {
	kuant := s.Pendekatan != domain.Kualitatif
	in := domain.Indikator{}
	if kuant {
		in.Aspek = domain.AspekKuantitas
	}
	if j >= 0 {
		in = s.RHK[i].Indikator[j]
	}
	var aspNames []string
	aspChoice := -1
	for k, a := range domain.Aspeks() {
		aspNames = append(aspNames, a.String())
		if a == in.Aspek {
			aspChoice = k
		}
	}
	asp := choiceField(domain.FieldAspek, "Aspek", aspNames, aspChoice)
	asp.hint = "Biaya boleh tidak dipakai."
	asp.hidden = func() bool { return !kuant }
	iki := textField(domain.FieldIKI, "Indikator (IKI)", in.IKI, 2000)
	iki.hint = "Indikator kinerja individu: ukuran keberhasilan RHK, misalnya \"Jumlah laporan yang disusun\"."
	tgt := textField(domain.FieldTarget, "Target", in.Target, 200)
	sat := textField(domain.FieldSatuan, "Satuan", in.Satuan, 200)
	if kuant {
		tgt.hint = "Angka saja, misalnya 12 atau 2,5; satuannya di isian berikut."
		sat.hint = "Misalnya Dokumen, Laporan, %, Bulan."
	} else {
		tgt.hint = "Uraian target (pendekatan kualitatif)."
		sat.hint = "Boleh kosong untuk target berupa uraian."
	}
	fields := []*field{iki, tgt, sat}
	if kuant {
		fields = []*field{asp, iki, tgt, sat}
	}
	r := s.RHK[i]
	title := "Tambah indikator RHK " + strconv.Itoa(i+1)
	m := len(r.Indikator) + 1
	if j >= 0 {
		title, m = "Ubah indikator RHK "+strconv.Itoa(i+1), j+1
	}
	p := newPlanForm(c, title, s, fields)
	p.intro = []string{"RHK " + strconv.Itoa(i+1) + " · " + r.Kategori.String() + ": " + r.Text, ""}
	p.prefix = "rhk." + strconv.Itoa(i+1) + ".ind." + strconv.Itoa(m) + "."
	p.trim = []string{"RHK " + strconv.Itoa(i+1) + ": indikator " + strconv.Itoa(m) + ": "}
	p.done = "Indikator disimpan."
	p.read = func(next *domain.SKP) domain.FieldErrors {
		x := in
		if j < 0 {
			x.ID = next.NewID()
		}
		x.Aspek = 0
		if kuant && asp.choice >= 0 {
			x.Aspek = domain.Aspeks()[asp.choice]
		}
		x.IKI, x.Target, x.Satuan = strings.TrimSpace(iki.value()), strings.TrimSpace(tgt.value()), strings.TrimSpace(sat.value())
		if j < 0 {
			next.RHK[i].Indikator = append(next.RHK[i].Indikator, x)
		} else {
			next.RHK[i].Indikator[j] = x
		}
		p.sel = x.ID
		return nil
	}
	p.form.snapshot()
	return p
}

// newEkspektasiForm edits the ekspektasi khusus pimpinan, one field per
// core value with its panduan perilaku as the hint.
func newEkspektasiForm(c *Common, s domain.SKP, focus int) *planForm {
	var fields []*field
	for i, v := range domain.CoreValues() {
		f := textField("ekspektasi."+strconv.Itoa(i+1), v.Name, s.Ekspektasi[i], 2000)
		f.hint = "Panduan: " + strings.Join(v.Panduan[:], "; ") + "."
		fields = append(fields, f)
	}
	p := newPlanForm(c, "Ekspektasi khusus pimpinan", s, fields)
	p.intro = []string{"Harapan khusus pejabat penilai untuk tiap nilai BerAKHLAK; boleh kosong.", ""}
	p.done = "Ekspektasi khusus pimpinan disimpan."
	p.read = func(next *domain.SKP) domain.FieldErrors {
		for i, f := range fields {
			next.Ekspektasi[i] = strings.TrimSpace(f.value())
		}
		return nil
	}
	p.form.focusItem(focus)
	p.form.snapshot()
	return p
}

// newLampiranForm edits the three lampiran lists with a field per item; a
// blank field at the end of each list takes a new item, and a new blank
// one appears as soon as it is used.
func newLampiranForm(c *Common, s domain.SKP, focus int) *planForm {
	var fields []*field
	counts := [3]int{}
	mk := func(list, n int, value string) *field {
		f := textField("lamp."+strconv.Itoa(list)+"."+strconv.Itoa(n), "Butir "+strconv.Itoa(n), value, 2000)
		f.hint = "Kosongkan untuk menghapus butir ini."
		return f
	}
	firstOf := [3]int{}
	for l := 0; l < 3; l++ {
		firstOf[l] = len(fields)
		items := lampiranList(s.Lampiran, l)
		for n, x := range items {
			fields = append(fields, mk(l, n+1, x))
		}
		blank := mk(l, len(items)+1, "")
		blank.hint = "Ketik butir baru di sini."
		fields = append(fields, blank)
		counts[l] = len(items) + 1
		fields[firstOf[l]].section = lampiranLabels[l]
	}
	p := newPlanForm(c, "Lampiran SKP", s, fields)
	p.done = "Lampiran disimpan."
	p.read = func(next *domain.SKP) domain.FieldErrors {
		var lists [3][]string
		for _, f := range p.form.fields {
			l, _, ok := lampKey(f.key)
			if !ok {
				continue
			}
			if v := strings.TrimSpace(f.value()); v != "" {
				lists[l] = append(lists[l], v)
			}
		}
		next.Lampiran = domain.Lampiran{DukunganSumberDaya: lists[0], SkemaPertanggungjawaban: lists[1], Konsekuensi: lists[2]}
		return nil
	}
	// Grow a list when its last (blank) field gets text.
	p.extra = func(msg tea.Msg) (tea.Cmd, bool) {
		k, ok := msg.(tea.KeyMsg)
		if !ok || (k.Type != tea.KeyRunes && k.Type != tea.KeySpace) || p.form.saving {
			return nil, false
		}
		fl := p.form.focused()
		if fl == nil {
			return nil, false
		}
		l, n, ok := lampKey(fl.key)
		if !ok || n != counts[l] {
			return nil, false
		}
		before := fl.value()
		ev := p.form.update(k)
		if before == "" && fl.value() != "" {
			counts[l]++
			nf := mk(l, counts[l], "")
			nf.hint = "Ketik butir baru di sini."
			at := 0
			for x, f := range p.form.fields {
				if f == fl {
					at = x + 1
				}
			}
			p.form.fields = append(p.form.fields[:at], append([]*field{nf}, p.form.fields[at:]...)...)
			p.SetSize(p.w, p.h)
		}
		if ev == formChanged {
			p.validate()
		}
		return nil, true
	}
	p.form.focusItem(firstOf[max(0, min(2, focus))])
	p.form.snapshot()
	return p
}

// lampKey reads the list (0..2) and item number of a "lamp.L.N" key.
func lampKey(key string) (l, n int, ok bool) {
	parts := strings.Split(key, ".")
	if len(parts) != 3 || parts[0] != "lamp" {
		return 0, 0, false
	}
	a, err1 := strconv.Atoi(parts[1])
	b, err2 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || a < 0 || a > 2 {
		return 0, 0, false
	}
	return a, b, true
}

// skpNoteForm asks for the note a step requires: the penilai's catatan when
// returning an SKP, the reason when opening a revision.
type skpNoteForm struct {
	base
	skp   domain.SKP
	act   domain.SKPAction
	form  *form
	intro []string
	warn  string // what a revision does not change: the final evaluations
	busy  bool
}

type skpNoteSavedMsg struct{ err error }

// newSKPNoteForm asks for the note of act; finals names the evaluations
// already final, which a revision leaves as they are.
func newSKPNoteForm(c *Common, s domain.SKP, act domain.SKPAction, finals []string) *skpNoteForm {
	n := &skpNoteForm{base: newBase(c), skp: s, act: act}
	st := &c.Styles
	var f *field
	if act == domain.ActReturn {
		f = textField("catatan", "Catatan untuk pegawai", "", 2000)
		f.hint = "Apa yang perlu diperbaiki; pegawai membaca catatan ini di SKP-nya."
		n.intro = []string{"SKP " + strconv.Itoa(s.Year) + " " + s.Pegawai.Nama +
			" dikembalikan ke pegawai untuk diperbaiki, lalu diajukan lagi.", ""}
	} else {
		f = textField("alasan", "Alasan revisi", "", 2000)
		f.hint = "Misalnya perubahan tugas atau target; tercatat bersama versi sebelumnya."
		n.intro = []string{"SKP yang sudah disetujui diubah melalui revisi yang tercatat: versi sekarang disimpan " +
			"dan dapat dilihat di tab Revisi. SKP kembali berstatus Draft dan perlu diajukan lagi.", ""}
		if len(finals) > 0 {
			n.warn = "⚠ Evaluasi yang sudah final (" + strings.Join(finals, ", ") + ") tetap tercatat dan dinilai atas versi " +
				"sebelumnya; setelah revisi disetujui, minta Admin membuka kunci evaluasi bila perlu dinilai ulang."
		}
	}
	n.form = newForm(st, []*field{f})
	if act == domain.ActReturn {
		n.form.submitLabel = "Kembalikan ke pegawai (Ctrl+S)"
	} else {
		n.form.submitLabel = "Buka revisi (Ctrl+S)"
	}
	n.form.snapshot()
	return n
}

func (n *skpNoteForm) Title() string {
	if n.act == domain.ActReturn {
		return "Kembalikan SKP"
	}
	return "Revisi SKP"
}
func (n *skpNoteForm) Capturing() bool { return true }
func (n *skpNoteForm) Dirty() bool     { return n.form.changed() }
func (n *skpNoteForm) Keys() []KeyHelp { return []KeyHelp{{"Ctrl+S", "Kirim"}} }
func (n *skpNoteForm) SetSize(w, h int) {
	n.base.SetSize(w, h)
	n.form.setSize(w, min(8, max(3, h-len(n.head()))))
}

// head is what stands above the field: the introduction and, for a
// revision after final evaluations, the warning about them.
func (n *skpNoteForm) head() []string {
	st := &n.c.Styles
	lines := skpIntro(st, n.intro, n.w)
	if n.warn != "" {
		for _, l := range skpWrap(n.warn, max(20, n.w)) {
			lines = append(lines, st.FieldWarning.Render(l))
		}
		lines = append(lines, "")
	}
	return lines
}

func (n *skpNoteForm) Update(msg tea.Msg) tea.Cmd {
	f := n.form.fields[0]
	switch msg := msg.(type) {
	case skpNoteSavedMsg:
		n.busy, n.form.saving = false, false
		if msg.err != nil {
			n.form.errors[f.key] = domain.ErrorMessage(msg.err)
			n.form.showAll = true
			return failure(msg.err)
		}
		n.form.snapshot()
		return tea.Batch(reload(skpStepDone(n.act)), pop(nil))
	}
	switch n.form.update(msg) {
	case formChanged:
		delete(n.form.errors, f.key)
	case formCancel:
		if n.Dirty() {
			return showDialog(confirmDialog(&n.c.Styles, "Batal", "Catatan belum dikirim. Buang dan kembali?", "Ya, buang", "Tidak", pop(nil), nil))
		}
		return pop(nil)
	case formSubmit:
		if n.busy {
			return nil
		}
		note := strings.TrimSpace(f.value())
		if note == "" {
			n.form.showAll = true
			if n.act == domain.ActReturn {
				n.form.errors[f.key] = "Tuliskan catatan untuk pegawai: apa yang perlu diperbaiki."
			} else {
				n.form.errors[f.key] = "Tuliskan alasan revisi SKP."
			}
			return failure(domain.Errorf(domain.EINVALID, n.form.errors[f.key]))
		}
		n.busy, n.form.saving = true, true
		id, act := n.skp.ID, n.act
		return n.cmd(func(ctx context.Context) tea.Msg {
			return skpNoteSavedMsg{n.c.Kinerja.SKPAction(ctx, id, act, note)}
		})
	}
	return nil
}

func (n *skpNoteForm) View() string {
	var b strings.Builder
	for _, l := range n.head() {
		b.WriteString(l + "\n")
	}
	b.WriteString(n.form.view())
	return b.String()
}

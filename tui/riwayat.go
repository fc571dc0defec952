package tui

import (
	"context"
	"strconv"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// riwayatScreen shows one employee's riwayat: the kinds on the left, the
// entries of the chosen kind on the right, newest first.
type riwayatScreen struct {
	base
	emp     domain.Employee
	kindIdx int
	entries []domain.Riwayat
	scroll
	loaded  bool
	onKinds bool // Tab moves between the kinds and the entries
	req     int
}

func newRiwayatScreen(c *Common, e domain.Employee) *riwayatScreen {
	return &riwayatScreen{base: newBase(c), emp: e, onKinds: true}
}

func (s *riwayatScreen) kind() domain.RiwayatKind { return domain.RiwayatKinds()[s.kindIdx] }

func (s *riwayatScreen) Title() string { return "Riwayat " + inert(s.emp.Nama) }

func (s *riwayatScreen) Keys() []KeyHelp {
	keys := []KeyHelp{{"Tab", "Jenis/daftar"}, {"↑↓", "Pilih"}}
	if s.c.can(domain.CanEditEmployee) {
		keys = append(keys, KeyHelp{"F5", "Tambah"}, KeyHelp{"Enter", "Ubah"}, KeyHelp{"F8", "Hapus"})
	}
	return keys
}

type riwayatLoadedMsg struct {
	req     int
	entries []domain.Riwayat
	err     error
}

type riwayatDeletedMsg struct{ err error }

func (s *riwayatScreen) load() tea.Cmd {
	s.req++
	req, id, kind := s.req, s.emp.ID, s.kind()
	s.loaded = false
	return s.cmd(func(ctx context.Context) tea.Msg {
		l, err := s.c.Repo.Riwayat(ctx, id, kind)
		return riwayatLoadedMsg{req, l, err}
	})
}

func (s *riwayatScreen) Init() tea.Cmd { return s.load() }

func (s *riwayatScreen) setKind(i int) tea.Cmd {
	n := len(domain.RiwayatKinds())
	s.kindIdx = (i%n + n) % n
	s.cursor, s.offset = 0, 0
	return s.load()
}

func (s *riwayatScreen) page() int { return max(1, s.h-3) }

func (s *riwayatScreen) move(d int) { s.scroll.move(d, len(s.entries), s.page()) }

func (s *riwayatScreen) edit(r *domain.Riwayat) tea.Cmd {
	if !s.c.can(domain.CanEditEmployee) {
		return nil
	}
	return push(newRiwayatForm(s.c, s.emp, s.kind(), r))
}

func (s *riwayatScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case riwayatLoadedMsg:
		if msg.req != s.req {
			return nil
		}
		s.loaded = true
		if msg.err != nil {
			return failure(msg.err)
		}
		s.entries = msg.entries
		s.move(0)
	case resultMsg, dataChangedMsg:
		return s.load()
	case riwayatDeletedMsg:
		if msg.err != nil {
			return failure(msg.err)
		}
		return tea.Batch(s.load(), reload("Riwayat dihapus."))
	case tea.KeyMsg:
		switch msg.String() {
		case "tab", "shift+tab":
			s.onKinds = !s.onKinds
		case "left":
			return s.setKind(s.kindIdx - 1)
		case "right":
			return s.setKind(s.kindIdx + 1)
		case "up":
			if s.onKinds {
				return s.setKind(s.kindIdx - 1)
			}
			s.move(-1)
		case "down":
			if s.onKinds {
				return s.setKind(s.kindIdx + 1)
			}
			s.move(1)
		case "f5", "insert":
			return s.edit(nil)
		case "enter":
			if s.onKinds {
				s.onKinds = false
				return nil
			}
			if s.cursor < len(s.entries) {
				r := s.entries[s.cursor]
				return s.edit(&r)
			}
		case "f8", "delete":
			if s.cursor < len(s.entries) && s.c.can(domain.CanEditEmployee) {
				r := s.entries[s.cursor]
				do := s.cmd(func(ctx context.Context) tea.Msg {
					return riwayatDeletedMsg{s.c.Repo.DeleteRiwayat(ctx, r.EmployeeID, r.ID)}
				})
				return showDialog(confirmDialog(&s.c.Styles, "Hapus riwayat",
					"Hapus "+strings.ToLower(r.Kind.Label())+" \""+inert(riwayatSummary(r))+"\"?", "Ya, hapus", "Tidak", do, nil))
			}
		}
	case tea.MouseMsg:
		if msg.Action != tea.MouseActionPress || msg.Button != tea.MouseButtonLeft {
			return nil
		}
		if msg.X < kindColW {
			if i := msg.Y - 1; i >= 0 && i < len(domain.RiwayatKinds()) {
				s.onKinds = true
				return s.setKind(i)
			}
			return nil
		}
		if i := s.offset + msg.Y - 2; msg.Y >= 2 && i < len(s.entries) {
			s.onKinds = false
			if i == s.cursor {
				r := s.entries[i]
				return s.edit(&r)
			}
			s.cursor = i
		}
	}
	return nil
}

const kindColW = 28

func (s *riwayatScreen) View() string {
	st := &s.c.Styles
	var left []string
	left = append(left, st.TableHeader.Render(fit("Jenis riwayat", kindColW-2)))
	for i, k := range domain.RiwayatKinds() {
		label := fit(k.Label(), kindColW-2)
		switch {
		case i == s.kindIdx && s.onKinds:
			label = st.RowSelected.Render(label)
		case i == s.kindIdx:
			label = st.Title.Render(label)
		}
		left = append(left, label)
	}
	w := max(20, s.w-kindColW)
	var right []string
	right = append(right, st.Section.Render(clip(s.kind().Label(), w)))
	right = append(right, st.TableHeader.Render(fit("Tanggal", 12)+" "+fit("Keterangan", w-13)))
	switch {
	case !s.loaded:
		right = append(right, st.Muted.Render("Memuat…"))
	case len(s.entries) == 0:
		hint := "Belum ada riwayat."
		if s.c.can(domain.CanEditEmployee) {
			hint += " Tekan F5 untuk menambah."
		}
		right = append(right, st.Muted.Render(hint))
	}
	end := min(len(s.entries), s.offset+s.page())
	for i := s.offset; i < end; i++ {
		r := s.entries[i]
		d := r.Date().String()
		if r.Kind == domain.RwPendidikan && r.Pendidikan != nil {
			d = itoaBlank(r.Pendidikan.TahunLulus)
		}
		line := fit(d, 12) + " " + fit(riwayatSummary(r), w-13)
		if i == s.cursor && !s.onKinds {
			line = st.RowSelected.Render(line)
		}
		right = append(right, line)
	}
	n := max(len(left), len(right))
	var b strings.Builder
	for i := 0; i < n; i++ {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(l + strings.Repeat(" ", max(0, kindColW-width(l))) + r)
	}
	return b.String()
}

// riwayatForm adds or changes one entry, from the kind's field table.
type riwayatForm struct {
	base
	emp   domain.Employee
	kind  domain.RiwayatKind
	orig  *domain.Riwayat
	specs []rwField
	form  *form
	busy  bool
}

func newRiwayatForm(c *Common, e domain.Employee, kind domain.RiwayatKind, r *domain.Riwayat) *riwayatForm {
	s := &riwayatForm{base: newBase(c), emp: e, kind: kind, orig: r}
	s.specs = riwayatFields(kind, e, sortedUnits(c.Units))
	d := domain.Riwayat{Kind: kind, EmployeeID: e.ID}
	if r != nil {
		d = *r
	}
	ensure(&d)
	var fields []*field
	for _, sp := range s.specs {
		v := sp.get(&d)
		var f *field
		if sp.options != nil {
			f = choiceField(sp.key, sp.label, sp.options, indexOf(sp.options, v))
			f.chooser = len(sp.options) > 6
		} else {
			f = textField(sp.key, sp.label, v, domain.MaxTextLen)
		}
		f.hint = sp.hint
		fields = append(fields, f)
	}
	if kind == domain.RwHukdis {
		// Guidance only: the absence table suggests a sanction; nothing of
		// this field is stored.
		a := textField("absen", "Hari tidak masuk", "", 3)
		a.hint = "Panduan: isi jumlah hari tidak masuk tanpa alasan sah setahun untuk melihat saran PP 94/2021."
		fields = append(fields, a)
	}
	s.form = newForm(&c.Styles, fields)
	s.form.snapshot()
	return s
}

func (s *riwayatForm) Title() string {
	if s.orig == nil {
		return "Tambah " + strings.ToLower(s.kind.Label())
	}
	return "Ubah " + strings.ToLower(s.kind.Label())
}
func (s *riwayatForm) Capturing() bool { return true }
func (s *riwayatForm) Dirty() bool {
	return s.form.changed()
}
func (s *riwayatForm) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, h) }
func (s *riwayatForm) Keys() []KeyHelp  { return []KeyHelp{{"Tab", "Pindah"}, {"Ctrl+S", "Simpan"}} }

// draft reads the form into an entry; field errors for what cannot be read.
func (s *riwayatForm) draft() (domain.Riwayat, domain.FieldErrors) {
	r := domain.Riwayat{Kind: s.kind, EmployeeID: s.emp.ID}
	if s.orig != nil {
		r = *s.orig
		// Work on a copy of the data, never on the listed entry.
		r.Pangkat, r.Jabatan, r.Pendidikan, r.Diklat, r.Penghargaan, r.Hukdis = nil, nil, nil, nil, nil, nil
		r.Keluarga, r.Gaji, r.Cuti, r.AngkaKredit, r.Organisasi, r.MasaKerja = nil, nil, nil, nil, nil, nil
	}
	ensure(&r)
	if s.orig != nil {
		copyData(&r, s.orig)
	}
	errs := domain.FieldErrors{}
	for _, sp := range s.specs {
		if err := sp.set(&r, s.form.get(sp.key).value()); err != nil {
			errs[sp.key] = domain.ErrorMessage(err)
		}
	}
	return r, errs
}

// copyData copies the kind's data by value, so edits never reach the list.
func copyData(dst, src *domain.Riwayat) {
	switch {
	case src.Pangkat != nil:
		*dst.Pangkat = *src.Pangkat
	case src.Jabatan != nil:
		*dst.Jabatan = *src.Jabatan
	case src.Pendidikan != nil:
		*dst.Pendidikan = *src.Pendidikan
	case src.Diklat != nil:
		*dst.Diklat = *src.Diklat
	case src.Penghargaan != nil:
		*dst.Penghargaan = *src.Penghargaan
	case src.Hukdis != nil:
		*dst.Hukdis = *src.Hukdis
	case src.Keluarga != nil:
		*dst.Keluarga = *src.Keluarga
	case src.Gaji != nil:
		*dst.Gaji = *src.Gaji
	case src.Cuti != nil:
		*dst.Cuti = *src.Cuti
	case src.AngkaKredit != nil:
		*dst.AngkaKredit = *src.AngkaKredit
	case src.Organisasi != nil:
		*dst.Organisasi = *src.Organisasi
	case src.MasaKerja != nil:
		*dst.MasaKerja = *src.MasaKerja
	}
}

// fieldKeyOf maps a domain validation key to the form's key when they
// differ; the kinds' tables use short keys.
func (s *riwayatForm) showErrors(fe domain.FieldErrors) {
	for k, v := range fe {
		if s.form.get(k) == nil {
			// A rule about the entry as a whole: put it on the first field.
			k = s.specs[0].key
		}
		s.form.errors[k] = v
	}
}

func (s *riwayatForm) validate() bool {
	r, errs := s.draft()
	s.form.errors = map[string]string{}
	if f := s.form.get("absen"); f != nil {
		delete(s.form.warnings, "absen")
		if days, err := strconv.Atoi(strings.TrimSpace(f.value())); err == nil {
			if _, jenis, ok := domain.AbsenceSanction(days, 0); ok {
				s.form.warnings["absen"] = "Saran (panduan PP 94/2021, bukan keputusan): " + jenis
			} else {
				s.form.warnings["absen"] = "Belum ada hukuman untuk " + itoa(days) + " hari menurut tabel ketidakhadiran."
			}
		}
	}
	s.showErrors(errs)
	if len(errs) == 0 {
		s.showErrors(domain.ValidateRiwayat(r, s.emp))
	}
	return len(s.form.errors) == 0
}

type riwayatSavedMsg struct {
	id  uint64
	err error
}

func (s *riwayatForm) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case riwayatSavedMsg:
		s.busy, s.form.saving = false, false
		if msg.err != nil {
			var fe domain.FieldErrors
			if ok := asFieldErrors(msg.err, &fe); ok {
				s.showErrors(fe)
				s.form.showAll = true
			}
			return failure(msg.err)
		}
		s.form.snapshot()
		return tea.Batch(reload(s.kind.Label()+" disimpan."), pop(savedResult{msg.id}))
	case choiceMadeMsg:
		if f := s.form.get(msg.key); f != nil {
			f.choice = msg.index
			s.validate()
		}
		return nil
	}
	switch s.form.update(msg) {
	case formChanged:
		s.validate()
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
		if !s.validate() {
			return failure(domain.Errorf(domain.EINVALID, "Belum dapat disimpan: perbaiki isian yang bertanda ✗."))
		}
		r, _ := s.draft()
		s.busy, s.form.saving = true, true
		return s.cmd(func(ctx context.Context) tea.Msg {
			id, err := s.c.Repo.SaveRiwayat(ctx, r)
			return riwayatSavedMsg{id, err}
		})
	}
	return nil
}

func (s *riwayatForm) View() string { return s.form.view() }

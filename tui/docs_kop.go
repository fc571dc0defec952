package tui

import (
	"context"
	"strings"

	"asndesk/domain"
	"asndesk/domain/doc"

	tea "github.com/charmbracelet/bubbletea"
)

// kopLogoMax is the largest logo the kop takes: a logo is printed a few
// centimetres wide, and the kop travels in every backup.
const kopLogoMax = 1 << 20

const kopLines = 5

// kopPapers are the paper choices of a document kind, as one field.
var kopPapers = []struct {
	label string
	paper doc.Paper
}{
	{"A4 tegak", doc.Paper{Size: doc.A4}},
	{"A4 mendatar", doc.Paper{Size: doc.A4, Landscape: true}},
	{"F4 tegak", doc.Paper{Size: doc.F4}},
	{"F4 mendatar", doc.Paper{Size: doc.F4, Landscape: true}},
}

func kopPaperIndex(p doc.Paper) int {
	for i, k := range kopPapers {
		if k.paper == p {
			return i
		}
	}
	return 0
}

// kopScreen is Kop surat: the letterhead every printed document carries
// (up to five name lines, the address, the logo), the place written
// before the signature date, and the paper of each document kind. Admin
// edits; others read it. Ctrl+P prints a sample page.
type kopScreen struct {
	base
	kop      doc.Kop
	form     *form
	loaded   bool
	err      error
	logo     []byte
	logoType string
	logoEdit bool // the logo was loaded or removed since the last save
	busy     bool
	// saveAfter: Ctrl+S found a logo path typed but not loaded; it is
	// loaded first and the kop saved with it (never silently dropped).
	saveAfter bool
}

func newKopScreen(c *Common) Screen { return &kopScreen{base: newBase(c)} }

func (s *kopScreen) editable() bool { return s.c.can(domain.CanManageOffice) }

func (s *kopScreen) Title() string   { return "Kop surat" }
func (s *kopScreen) Capturing() bool { return s.loaded && s.editable() }
func (s *kopScreen) Dirty() bool     { return s.loaded && (s.form.changed() || s.logoEdit) }
func (s *kopScreen) Keys() []KeyHelp {
	if !s.editable() {
		return append([]KeyHelp{{"↑↓", "Gulir"}}, docsKeys(s.c, true, false)...)
	}
	keys := []KeyHelp{{"Tab", "Pindah"}, {"Ctrl+S", "Simpan"}}
	if f := s.focused(); f == "logo" {
		keys = append(keys, KeyHelp{"Enter", "Muat logo"})
	}
	if s.logo != nil {
		keys = append(keys, KeyHelp{"F8", "Hapus logo"})
	}
	return append(keys, docsKeys(s.c, true, false)...)
}

func (s *kopScreen) focused() string {
	if s.form == nil {
		return ""
	}
	if f := s.form.focused(); f != nil {
		return f.key
	}
	return ""
}

// kopTop is the room above the form: the logo line and a blank line.
const kopTop = 2

func (s *kopScreen) SetSize(w, h int) {
	s.base.SetSize(w, h)
	if s.form != nil {
		s.form.setSize(w, max(4, h-kopTop))
	}
}

type (
	kopLoadedMsg struct {
		kop doc.Kop
		err error
	}
	kopSavedMsg struct {
		kop doc.Kop
		err error
	}
	kopLogoMsg struct {
		data []byte
		err  error
	}
)

func (s *kopScreen) Init() tea.Cmd {
	if s.c.Docs == nil {
		s.err = domain.Errorf(domain.EINTERNAL, "Pencetakan tidak tersambung; tutup lalu buka kembali asndesk.")
		return nil
	}
	repo := s.c.Docs
	return s.cmd(func(ctx context.Context) tea.Msg {
		k, err := repo.Kop(ctx)
		return kopLoadedMsg{k, err}
	})
}

func (s *kopScreen) build() {
	k := s.kop
	var fields []*field
	for i := 0; i < kopLines; i++ {
		v := ""
		if i < len(k.Lines) {
			v = k.Lines[i]
		}
		f := textField("line"+itoa(i+1), "Baris "+itoa(i+1), v, 120)
		if i == 0 {
			f.section = "Kop"
			f.hint = "Nama instansi dari atas ke bawah; baris kosong dilewati."
		}
		fields = append(fields, f)
	}
	addr := textField("alamat", "Alamat", k.Address, 200)
	addr.hint = "Satu baris di bawah nama: jalan, telepon, kode pos."
	place := textField("tempat", "Tempat", k.Place, 60)
	place.hint = "Ditulis sebelum tanggal tanda tangan, misalnya Sukamaju."
	logo := textField("logo", "Berkas logo", "", 500)
	logo.hint = "Ketik lokasi berkas PNG atau JPEG lalu Enter; F8 menghapus logo."
	fields = append(fields, addr, place, logo)
	for i, kind := range doc.Kinds() {
		f := choiceField("paper:"+string(kind), kopKindShort(kind), labelsOf(), kopPaperIndex(k.PaperFor(kind)))
		if i == 0 {
			f.section = "Kertas per dokumen"
		}
		fields = append(fields, f)
	}
	s.form = newForm(&s.c.Styles, fields)
	s.form.setSize(s.w, max(4, s.h-kopTop))
	s.form.snapshot()
	s.logo, s.logoType, s.logoEdit = k.Logo, k.LogoType, false
}

func labelsOf() []string {
	out := make([]string, len(kopPapers))
	for i, p := range kopPapers {
		out[i] = p.label
	}
	return out
}

// read is the kop as the form shows it.
func (s *kopScreen) read() doc.Kop {
	k := doc.Kop{Papers: map[doc.Kind]doc.Paper{}, Logo: s.logo, LogoType: s.logoType}
	for i := 0; i < kopLines; i++ {
		if v := strings.TrimSpace(s.form.get("line" + itoa(i+1)).value()); v != "" {
			k.Lines = append(k.Lines, v)
		}
	}
	k.Address = strings.TrimSpace(s.form.get("alamat").value())
	k.Place = strings.TrimSpace(s.form.get("tempat").value())
	for _, kind := range doc.Kinds() {
		if i := s.form.get("paper:" + string(kind)).choice; i >= 0 {
			k.Papers[kind] = kopPapers[i].paper
		}
	}
	return k
}

func (s *kopScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case kopLoadedMsg:
		if msg.err != nil {
			s.err = msg.err
			return failure(msg.err)
		}
		s.kop, s.loaded, s.err = msg.kop, true, nil
		s.build()
		return nil
	case kopSavedMsg:
		s.busy, s.form.saving = false, false
		if msg.err != nil {
			return failure(msg.err)
		}
		s.kop = msg.kop
		s.form.snapshot()
		s.logoEdit = false
		if s.logo != nil {
			return info("Kop surat disimpan dengan logo " + kopLogoText(s.logo, s.logoType) + ".")
		}
		return info("Kop surat disimpan.")
	case kopLogoMsg:
		s.busy = false
		saveAfter := s.saveAfter
		s.saveAfter = false
		err := msg.err
		t := doc.LogoType(msg.data)
		if err == nil && t == "" {
			err = domain.Errorf(domain.EINVALID, "Berkas itu bukan gambar PNG atau JPEG.")
		}
		if err != nil {
			// Said beside the field, where the path stays to be fixed.
			s.form.errors["logo"] = domain.ErrorMessage(err)
			s.form.touched["logo"] = true
			if saveAfter {
				return failure(domain.Errorf(domain.EINVALID, "Kop surat belum disimpan: logo tidak dapat dimuat. "+domain.ErrorMessage(err)))
			}
			return failure(err)
		}
		s.logo, s.logoType, s.logoEdit = msg.data, t, true
		s.form.get("logo").input.SetValue("")
		s.logoNote()
		if saveAfter {
			return s.save()
		}
		return info("Logo dimuat: " + kopLogoText(s.logo, s.logoType) + ". Simpan dengan Ctrl+S.")
	}
	if !s.loaded {
		return nil
	}
	if k, ok := msg.(tea.KeyMsg); ok {
		switch k.String() {
		case "ctrl+p":
			return s.printSample()
		case "f8":
			if s.editable() && s.logo != nil {
				s.logo, s.logoType, s.logoEdit = nil, "", true
				return info("Logo dihapus dari kop. Simpan dengan Ctrl+S.")
			}
			return nil
		case "enter":
			if s.editable() && s.focused() == "logo" {
				return s.loadLogo()
			}
		}
		if !s.editable() {
			switch k.String() {
			case "tab", "shift+tab", "up", "down", "pgup", "pgdown":
			default:
				return nil // read-only: only moving about
			}
		}
	}
	if m, ok := msg.(tea.MouseMsg); ok {
		m.Y -= kopTop
		msg = m
	}
	switch s.form.update(msg) {
	case formCancel:
		return pop(nil)
	case formSubmit:
		return s.save()
	case formChanged:
		if s.focused() == "logo" {
			delete(s.form.errors, "logo") // a new path: the old failure is moot
		}
		s.logoNote()
	}
	return nil
}

// logoNote keeps the line under Berkas logo: a path typed but not loaded
// says so, wherever the focus went (the hint shows only on the field).
func (s *kopScreen) logoNote() {
	if strings.TrimSpace(s.form.get("logo").value()) == "" || s.logoErr() {
		delete(s.form.warnings, "logo")
	} else {
		// Short: the line fits beside the labels at 100 columns.
		s.form.warnings["logo"] = "Belum dimuat: tekan Enter (Ctrl+S juga memuatnya)."
	}
}

// logoErr reports whether the typed path failed to load; typing clears it.
func (s *kopScreen) logoErr() bool {
	_, ok := s.form.errors["logo"]
	return ok
}

func (s *kopScreen) loadLogo() tea.Cmd {
	delete(s.form.errors, "logo")
	path := strings.TrimSpace(s.form.get("logo").value())
	if path == "" {
		return failure(domain.Errorf(domain.EINVALID, "Ketik lokasi berkas logo dulu, misalnya C:\\Users\\kantor\\logo.png."))
	}
	if s.busy {
		return nil
	}
	s.busy = true
	repo := s.c.Docs
	return s.cmd(func(ctx context.Context) tea.Msg {
		b, err := repo.ReadFile(ctx, path, kopLogoMax)
		return kopLogoMsg{b, err}
	})
}

func (s *kopScreen) save() tea.Cmd {
	if !s.editable() {
		return failure(domain.CanManageOffice(s.c.Actor))
	}
	if s.busy {
		return nil
	}
	k := s.read()
	if len(k.Lines) == 0 {
		return failure(domain.Errorf(domain.EINVALID, "Isi paling sedikit satu baris kop (nama instansi)."))
	}
	if strings.TrimSpace(s.form.get("logo").value()) != "" {
		// A typed logo is loaded first; the save follows when it loads.
		s.saveAfter = true
		return s.loadLogo()
	}
	s.busy, s.form.saving = true, true
	repo := s.c.Docs
	return s.cmd(func(ctx context.Context) tea.Msg { return kopSavedMsg{k, repo.SaveKop(ctx, k)} })
}

// printSample prints one short page on a chosen kind's paper with the
// saved kop, so the office sees the letterhead before a real document.
func (s *kopScreen) printSample() tea.Cmd {
	if s.Dirty() {
		return failure(domain.Errorf(domain.EINVALID, "Simpan perubahan dulu (Ctrl+S): contoh dicetak dengan kop yang tersimpan."))
	}
	kinds := doc.Kinds()
	labels := make([]string, len(kinds))
	for i, k := range kinds {
		labels[i] = k.Label() + " · " + kopPapers[kopPaperIndex(s.kop.PaperFor(k))].label
	}
	return printDocs(s.c, s, "Kertas dari", labels, 0, func(i int) docsJob {
		kind := kinds[i]
		return docsJob{file: "Contoh kop surat", print: func(_ context.Context, o doc.Opts, _ progressFunc) ([]doc.Document, error) {
			return []doc.Document{kopSample(kind, o)}, nil
		}}
	})
}

// kopSample is the sample page: a title, a paragraph, a small table and a
// signature, on the kind's paper.
func kopSample(kind doc.Kind, o doc.Opts) doc.Document {
	d := doc.Document{Kind: kind, Title: "CONTOH HALAMAN", Subtitle: []string{kind.Label()}, File: "Contoh kop surat",
		Blocks: []doc.Block{
			&doc.Para{Text: "Halaman ini memeriksa kop surat, huruf dan kertas sebelum dokumen sebenarnya dicetak: " +
				"nama instansi, alamat dan logo di atas, garis di bawahnya, lalu isi dokumen."},
			&doc.Heading{Text: "A. CONTOH TABEL"},
			&doc.Table{Columns: []doc.Column{{Title: "NO", Width: 1, Align: doc.Center}, {Title: "URAIAN", Width: 6}, {Title: "KETERANGAN", Width: 3}},
				Rows: [][]string{{"1", "Baris pertama tabel", "—"}, {"2", "Baris kedua tabel dengan teks yang lebih panjang agar terlihat pelipatannya", "—"}}},
			&doc.Signatures{Place: o.Place, Date: o.Today, Boxes: []doc.SignBox{{Role: "Pimpinan,", Name: "………………………………"}}},
		}}
	if o.Office.Demo {
		d.Mark = "DATA CONTOH"
	}
	return d
}

func kopLogoText(b []byte, t string) string {
	kb := (len(b) + 1023) / 1024
	return itoa(kb) + " KB " + strings.ToUpper(t)
}

func (s *kopScreen) View() string {
	st := &s.c.Styles
	switch {
	case s.err != nil && !s.loaded:
		return st.StatusError.Render(domain.ErrorMessage(s.err))
	case !s.loaded:
		return st.Muted.Render("Memuat…")
	}
	logo := "Logo: tidak ada"
	if s.logo != nil {
		logo = "Logo: " + kopLogoText(s.logo, s.logoType)
	}
	if !s.editable() {
		logo += " · hanya Admin yang dapat mengubah kop surat"
	}
	return clip(st.Muted.Render(logo), s.w) + "\n\n" + s.form.view()
}

// kopKindShort names a kind within the form's label column.
func kopKindShort(k doc.Kind) string {
	switch k {
	case doc.KindSKP:
		return "SKP"
	case doc.KindEvaluasi:
		return "Evaluasi kinerja"
	case doc.KindDialog:
		return "Dialog kinerja"
	case doc.KindDRH:
		return "DRH lengkap"
	case doc.KindDUK:
		return "DUK"
	case doc.KindMerit:
		return "Laporan merit"
	}
	return k.Label()
}

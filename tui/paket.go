package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"asndesk/domain"
	"asndesk/domain/doc"

	tea "github.com/charmbracelet/bubbletea"
)

// Paket serah terima (Admin): make a packet of the office's data for
// another asndesk, or check and merge one received. The store does the
// work (store/PAKET.md); these screens choose, confirm and show.

// paketScreen is the hub: make, receive, or make a recipient key.
type paketScreen struct {
	base
	btn buttons
}

func newPaketScreen(c *Common) Screen {
	return &paketScreen{base: newBase(c), btn: buttons{labels: []string{
		"Buat paket", "Periksa / terima paket", "Buat kunci penerima"}}}
}

func (s *paketScreen) Title() string   { return "Paket serah terima" }
func (s *paketScreen) Keys() []KeyHelp { return []KeyHelp{{"↑↓", "Pilih"}, {"Enter", "Buka"}} }

func (s *paketScreen) activate(i int) tea.Cmd {
	switch i {
	case 0:
		return push(newPaketCreate(s.c))
	case 1:
		return push(newPaketReceive(s.c))
	case 2:
		return push(newPaketKeyForm(s.c))
	}
	return nil
}

func (s *paketScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if i, ok := s.btn.key(msg); ok {
			return s.activate(i)
		}
	case tea.MouseMsg:
		if i, ok := s.btn.mouse(msg); ok {
			return s.activate(i)
		}
	}
	return nil
}

func (s *paketScreen) View() string {
	st := &s.c.Styles
	lines := skpWrap("Satu berkas terenkripsi berisi data pilihan (pegawai, kinerja setahun, atau satu penilaian merit "+
		"beserta buktinya) dengan sidik SHA-256 setiap bagian, untuk diserahkan lewat flashdisk ke asndesk lain, "+
		"misalnya tim BKD kabupaten. Penerima memeriksa paket, melihat perbedaannya, lalu memutuskan apa yang digabungkan; "+
		"data di sini tidak pernah tertimpa tanpa pilihan Anda.", max(20, s.w-2))
	lines = append(lines, "")
	s.btn.top = len(lines)
	lines = append(lines, s.btn.view(st)...)
	return strings.Join(lines, "\n")
}

// paketCreate is Buat paket: what goes in, how it is locked, where it goes.
type paketCreate struct {
	base
	form   *form
	merits []domain.MeritAssessment
	busy   bool
	result []string
	auto   string // the path offered for the current choices
	edited bool   // the path was typed: choices no longer rename it
}

const (
	lockPass = iota
	lockKey
)

func newPaketCreate(c *Common) *paketCreate {
	var kinds []string
	for _, k := range domain.PaketKinds {
		if k == domain.PaketMerit && c.Merit == nil {
			continue
		}
		kinds = append(kinds, domain.PaketKindLabel(k))
	}
	isi := choiceField("isi", "Isi paket *", kinds, 1)
	year := textField("tahun", "Tahun *", strconv.Itoa(c.today().Year), 4)
	units := []string{"Semua unit"}
	for _, u := range sortedUnits(c.Units) {
		units = append(units, u.Name)
	}
	unit := choiceField("unit", "Unit kerja", units, 0)
	unit.chooser = len(units) > 8
	merit := choiceField("merit", "Penilaian merit *", nil, -1)
	lock := choiceField("kunci", "Kunci dengan *", []string{"Frasa sandi", "Kunci penerima (age1…)"}, lockPass)
	lock.hint = "Frasa sandi: sampaikan frasanya lewat jalur lain (telepon), bukan bersama flashdisknya. " +
		"Kunci penerima: hanya pemilik berkas identitasnya yang dapat membuka."
	p1 := secretField("pass", "Frasa sandi *")
	p2 := secretField("pass2", "Ulangi frasa sandi *")
	rcpt := textField("penerima", "Kunci penerima *", "", 1000)
	rcpt.hint = "Satu atau beberapa kunci age1…, dipisah koma; penerima membuatnya dengan Buat kunci penerima."
	out := textField("berkas", "Simpan ke", "", 500)
	out.hint = "Berkas yang ada tidak ditimpa: nama diberi (2), (3)…"
	f := newForm(&c.Styles, []*field{isi, year, unit, merit, lock, p1, p2, rcpt, out})
	f.submitLabel = "Buat paket (Ctrl+S)"
	s := &paketCreate{base: newBase(c), form: f}
	kind := func() string { return s.kind() }
	year.hidden = func() bool { return kind() != domain.PaketKinerja }
	unit.hidden = func() bool { return kind() == domain.PaketMerit }
	merit.hidden = func() bool { return kind() != domain.PaketMerit }
	p1.hidden = func() bool { return s.form.get("kunci").choice != lockPass }
	p2.hidden = p1.hidden
	rcpt.hidden = func() bool { return s.form.get("kunci").choice != lockKey }
	s.rename()
	return s
}

// paketFileName is the offered name of a packet: what it holds.
func (s *paketCreate) paketFileName() string {
	name := "paket " + s.kind()
	switch s.kind() {
	case domain.PaketKinerja:
		name += " " + strings.TrimSpace(s.form.get("tahun").value())
	case domain.PaketMerit:
		if i := s.form.get("merit").choice; i >= 0 && i < len(s.merits) {
			a := s.merits[i]
			unit := "instansi"
			if a.UnitID != 0 {
				unit = s.c.UnitName(a.UnitID)
			}
			name += " " + strconv.Itoa(a.Year) + " " + unit
		}
	}
	if s.kind() != domain.PaketMerit {
		if i := s.form.get("unit").choice; i > 0 {
			name += " " + sortedUnits(s.c.Units)[i-1].Name
		}
	}
	return doc.FileName(name) + ".paket"
}

// rename offers a path in the asndesk folder for the current choices
// until the user types one (as the print dialog does).
func (s *paketCreate) rename() {
	f := s.form.get("berkas")
	if s.edited || f.value() != s.auto {
		s.edited = true
		return
	}
	s.auto = filepath.Join(docsHome(), s.paketFileName())
	f.input.SetValue(s.auto)
	f.input.CursorEnd()
}

// kind is the packet content chosen.
func (s *paketCreate) kind() string {
	label := s.form.get("isi").value()
	for _, k := range domain.PaketKinds {
		if domain.PaketKindLabel(k) == label {
			return k
		}
	}
	return ""
}

func (s *paketCreate) Title() string    { return "Buat paket" }
func (s *paketCreate) Capturing() bool  { return true }
func (s *paketCreate) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, max(6, h-6)) }
func (s *paketCreate) Keys() []KeyHelp {
	return []KeyHelp{{"Tab", "Pindah"}, {"←→", "Pilih"}, {"Ctrl+S", "Buat paket"}}
}

type (
	paketMeritsMsg struct {
		list []domain.MeritAssessment
		err  error
	}
	paketCreatedMsg struct {
		man  domain.PaketManifest
		path string
		err  error
	}
)

func (s *paketCreate) Init() tea.Cmd {
	if s.c.Merit == nil {
		return nil
	}
	return s.cmd(func(ctx context.Context) tea.Msg {
		l, err := s.c.Merit.MeritAssessments(ctx)
		return paketMeritsMsg{l, err}
	})
}

func meritChoiceLabel(c *Common, a domain.MeritAssessment) string {
	unit := "instansi"
	if a.UnitID != 0 {
		unit = c.UnitName(a.UnitID)
	}
	return fmt.Sprintf("%d · %s · %s %s · %s", a.Year, unit, a.InstrumentID, a.InstrumentVersion, a.Stage)
}

func (s *paketCreate) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case paketMeritsMsg:
		if msg.err != nil {
			return failure(msg.err)
		}
		s.merits = msg.list
		f := s.form.get("merit")
		f.options = nil
		for _, a := range msg.list {
			f.options = append(f.options, meritChoiceLabel(s.c, a))
		}
		if len(f.options) > 0 {
			f.choice = len(f.options) - 1
		}
		s.rename()
		return nil
	case paketCreatedMsg:
		s.busy, s.form.saving = false, false
		if msg.err != nil {
			return failure(msg.err)
		}
		path := msg.man.File
		if path == "" {
			path = msg.path
		}
		s.result = append([]string{"Tersimpan: " + inert(path)}, manifestLines(msg.man)...)
		return info("Paket tersimpan: " + path)
	case choiceMadeMsg:
		if f := s.form.get(msg.key); f != nil {
			f.choice = msg.index
		}
		s.rename()
		return nil
	}
	if s.busy {
		if k, ok := msg.(tea.KeyMsg); ok && k.String() == "ctrl+s" {
			return nil // Membuat paket…: one press is enough
		}
	}
	ev := s.form.update(msg)
	if _, ok := msg.(tea.KeyMsg); ok {
		s.rename()
	}
	switch ev {
	case formCancel:
		return pop(nil)
	case formChoose:
		fl := s.form.focused()
		key := fl.key
		return showDialog(chooseDialog(&s.c.Styles, "Pilih "+strings.ToLower(strings.TrimSuffix(fl.label, " *")), fl.options, fl.choice, func(i int) tea.Cmd {
			return func() tea.Msg { return taggedMsg{to: s.id, msg: choiceMadeMsg{key: key, index: i}} }
		}))
	case formSubmit:
		return s.submit()
	}
	return nil
}

func (s *paketCreate) submit() tea.Cmd {
	if s.busy {
		return nil
	}
	s.form.showAll = true
	s.form.errors = map[string]string{}
	v := func(k string) string { return s.form.get(k).value() }
	slice := domain.PaketSlice{Kind: s.kind()}
	switch slice.Kind {
	case domain.PaketKinerja:
		y, err := strconv.Atoi(strings.TrimSpace(v("tahun")))
		if err != nil || y < 2000 || y > 2100 {
			s.form.errors["tahun"] = "Tahun ditulis empat angka, misalnya " + strconv.Itoa(s.c.today().Year) + "."
		}
		slice.Year = y
	case domain.PaketMerit:
		i := s.form.get("merit").choice
		if i < 0 || i >= len(s.merits) {
			s.form.errors["merit"] = "Pilih penilaian merit yang dikirim."
		} else {
			slice.MeritID = s.merits[i].ID
		}
	}
	if slice.Kind != domain.PaketMerit {
		if i := s.form.get("unit").choice; i > 0 {
			slice.UnitID = sortedUnits(s.c.Units)[i-1].ID
		}
	}
	pass := ""
	var rcpts []string
	if s.form.get("kunci").choice == lockPass {
		pass = v("pass")
		switch {
		case pass == "":
			s.form.errors["pass"] = "Isi frasa sandi paket."
		case len([]rune(pass)) < 8:
			s.form.errors["pass"] = "Frasa sandi paling sedikit 8 karakter."
		case pass != v("pass2"):
			s.form.errors["pass2"] = "Kedua frasa sandi tidak sama."
		}
	} else {
		if strings.TrimSpace(v("penerima")) == "" {
			s.form.errors["penerima"] = "Isi kunci penerima age1… dari kantor tujuan."
		}
		rcpts = []string{v("penerima")}
	}
	if len(s.form.errors) > 0 {
		return failure(domain.Errorf(domain.EINVALID, "Paket belum dapat dibuat: perbaiki isian yang bertanda ✗."))
	}
	out := strings.TrimSpace(v("berkas"))
	if out == "" {
		out = filepath.Join(docsHome(), s.paketFileName())
	}
	s.busy, s.form.saving, s.result = true, true, nil
	return s.cmd(func(ctx context.Context) tea.Msg {
		man, err := s.c.Paket.CreatePaketFile(ctx, slice, out, pass, rcpts)
		return paketCreatedMsg{man, out, err}
	})
}

// manifestLines describe a packet for the screens.
func manifestLines(m domain.PaketManifest) []string {
	return []string{
		"Isi: " + m.Description(),
		"Dari: " + inert(m.Office) + ", dibuat " + m.Created.Format("02-01-2006 15:04"),
		"Jumlah: " + m.CountsText() + " · " + strconv.Itoa(len(m.Parts)) + " bagian dengan sidik SHA-256",
	}
}

func (s *paketCreate) View() string {
	st := &s.c.Styles
	out := s.form.view()
	switch {
	case s.busy:
		out += "\n" + st.Muted.Render("Membuat paket… (data dibaca, dikemas, lalu dienkripsi; tunggu sebentar)")
	case s.result != nil:
		out += "\n" + strings.Join(s.result, "\n")
	}
	return out
}

// paketKeyForm is Buat kunci penerima: writes the identity file.
type paketKeyForm struct {
	base
	form   *form
	result []string
}

func newPaketKeyForm(c *Common) *paketKeyForm {
	p := textField("berkas", "Simpan identitas ke *", filepath.Join(docsHome(), "kunci-paket.txt"), 500)
	p.hint = "Berkas rahasia: simpan baik-baik dan jangan dibagikan. Berkas yang sudah ada tidak ditimpa."
	f := newForm(&c.Styles, []*field{p})
	f.submitLabel = "Buat kunci (Ctrl+S)"
	return &paketKeyForm{base: newBase(c), form: f}
}

func (s *paketKeyForm) Title() string    { return "Buat kunci penerima" }
func (s *paketKeyForm) Capturing() bool  { return true }
func (s *paketKeyForm) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, 5) }
func (s *paketKeyForm) Keys() []KeyHelp  { return []KeyHelp{{"Ctrl+S", "Buat kunci"}} }

type paketKeyMsg struct {
	path, rcpt string
	err        error
}

func (s *paketKeyForm) Update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(paketKeyMsg); ok {
		s.form.saving = false
		if m.err != nil {
			return failure(m.err)
		}
		s.result = append([]string{"Kunci penerima — berikan kepada kantor pengirim:", m.rcpt, ""},
			paketKeyNote(inert(m.path))...)
		return info("Kunci dibuat.")
	}
	switch s.form.update(msg) {
	case formCancel:
		return pop(nil)
	case formSubmit:
		path := strings.TrimSpace(s.form.get("berkas").value())
		if path == "" {
			s.form.errors = map[string]string{"berkas": "Isi lokasi berkas identitas."}
			s.form.showAll = true
			return nil
		}
		s.form.saving = true
		return s.cmd(func(ctx context.Context) tea.Msg {
			r, err := s.c.Paket.NewPaketKey(ctx, path)
			return paketKeyMsg{path, r, err}
		})
	}
	return nil
}

// paketKeyNote says where the key pair went and what may be shared.
func paketKeyNote(path string) []string {
	return []string{
		"Berkas identitas (rahasia): " + path,
		"Kunci age1… di atas juga tertulis di berkas identitas itu, pada baris \"# kunci penerima:\". " +
			"Yang diberikan kepada pengirim hanya kunci age1… itu. Berkas identitasnya (AGE-SECRET-KEY-…) tetap " +
			"rahasia di komputer ini: jangan dibagikan, dan simpan cadangannya; tanpa berkas itu paket untuk kunci ini " +
			"tidak dapat dibuka.",
	}
}

func (s *paketKeyForm) View() string {
	var lines []string
	for _, l := range s.result {
		if l == "" {
			lines = append(lines, "")
			continue
		}
		lines = append(lines, skpWrap(l, max(20, s.w-2))...)
	}
	return s.form.view() + "\n" + strings.Join(lines, "\n")
}

// paketReceive is Periksa / terima paket: open and verify a packet, see
// every record's status against the data here, choose per conflict
// whether the packet's version is taken (Space), and merge (Ctrl+S).
type paketReceive struct {
	base
	form    *form
	plan    *domain.PaketPlan
	take    map[string]bool
	filter  int
	cursor  int
	offset  int
	busy    string
	result  string
	visible []int // indexes of plan.Items under the filter
}

// paketFilters are the status filters, in Tab order (0: every status).
var paketFilters = []domain.PaketStatus{0, domain.PaketBaru, domain.PaketBerbeda, domain.PaketLebihBaru, domain.PaketSama}

func newPaketReceive(c *Common) *paketReceive {
	p := textField("berkas", "Berkas paket *", "", 500)
	lock := choiceField("kunci", "Dibuka dengan *", []string{"Frasa sandi", "Berkas identitas"}, lockPass)
	pass := secretField("pass", "Frasa sandi *")
	id := textField("identitas", "Berkas identitas *", "", 500)
	id.hint = "Berkas kunci rahasia (AGE-SECRET-KEY-…) yang dibuat dengan Buat kunci penerima."
	f := newForm(&c.Styles, []*field{p, lock, pass, id})
	f.submitLabel = "Periksa (Ctrl+S)"
	s := &paketReceive{base: newBase(c), form: f, take: map[string]bool{}}
	pass.hidden = func() bool { return s.form.get("kunci").choice != lockPass }
	id.hidden = func() bool { return s.form.get("kunci").choice != lockKey }
	return s
}

func (s *paketReceive) Title() string   { return "Periksa / terima paket" }
func (s *paketReceive) Capturing() bool { return true }
func (s *paketReceive) OwnsEsc() bool   { return s.plan != nil }
func (s *paketReceive) Dirty() bool     { return s.plan != nil && len(s.take) > 0 }
func (s *paketReceive) SetSize(w, h int) {
	s.base.SetSize(w, h)
	s.form.setSize(w, max(6, h-2))
}

func (s *paketReceive) Keys() []KeyHelp {
	if s.plan == nil {
		return []KeyHelp{{"Tab", "Pindah"}, {"Ctrl+S", "Periksa"}}
	}
	// Esc Kembali is the root's; Tab is explained above the list
	// ("Tampilkan: … (Tab ganti)"), so F1 and F10 fit at 100 columns.
	return []KeyHelp{{"↑↓", "Pilih"}, {"Spasi", "Pakai versi paket"}, {"Ctrl+S", "Gabungkan"}}
}

type (
	paketPlanMsg struct {
		plan domain.PaketPlan
		err  error
	}
	paketAppliedMsg struct {
		sum domain.PaketSummary
		err error
	}
	paketStartApplyMsg struct{ cmd tea.Cmd }
)

func (s *paketReceive) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case paketPlanMsg:
		s.busy, s.form.saving = "", false
		if msg.err != nil {
			return failure(msg.err)
		}
		p := msg.plan
		s.plan, s.take, s.filter, s.cursor, s.offset, s.result = &p, map[string]bool{}, 0, 0, 0, ""
		s.refilter()
		return nil
	case paketStartApplyMsg:
		s.busy = "Menggabungkan paket…"
		return msg.cmd
	case paketAppliedMsg:
		s.busy = ""
		if msg.err != nil {
			return failure(msg.err)
		}
		x := msg.sum
		s.result = fmt.Sprintf("Paket digabungkan: %d baru, %d diganti versi paket, %d tetap versi di sini, %d sama, %d berkas bukti.",
			x.Added, x.Replaced, x.KeptLocal, x.Same, x.Bukti)
		s.plan, s.take = nil, map[string]bool{}
		return reload(s.result)
	case tea.KeyMsg:
		if s.plan != nil {
			return s.listKey(msg)
		}
	}
	if s.plan != nil {
		return nil
	}
	switch s.form.update(msg) {
	case formCancel:
		return pop(nil)
	case formSubmit:
		return s.preview()
	}
	return nil
}

func (s *paketReceive) preview() tea.Cmd {
	if s.busy != "" {
		return nil
	}
	s.form.showAll = true
	s.form.errors = map[string]string{}
	path := strings.TrimSpace(s.form.get("berkas").value())
	pass, id := "", ""
	if path == "" {
		s.form.errors["berkas"] = "Isi lokasi berkas paket."
	}
	if s.form.get("kunci").choice == lockPass {
		if pass = s.form.get("pass").value(); pass == "" {
			s.form.errors["pass"] = "Isi frasa sandi paket."
		}
	} else if id = strings.TrimSpace(s.form.get("identitas").value()); id == "" {
		s.form.errors["identitas"] = "Isi lokasi berkas identitas."
	}
	if len(s.form.errors) > 0 {
		return failure(domain.Errorf(domain.EINVALID, "Paket belum dapat diperiksa: perbaiki isian yang bertanda ✗."))
	}
	s.busy, s.form.saving, s.result = "Membuka paket… (dekripsi, sidik SHA-256 setiap bagian, lalu dibandingkan; tunggu sebentar)", true, ""
	return s.cmd(func(ctx context.Context) tea.Msg {
		p, err := s.c.Paket.PreviewPaketFile(ctx, path, pass, id)
		return paketPlanMsg{p, err}
	})
}

func (s *paketReceive) refilter() {
	s.visible = s.visible[:0]
	want := paketFilters[s.filter]
	for i, it := range s.plan.Items {
		if want == 0 || it.Status == want {
			s.visible = append(s.visible, i)
		}
	}
	s.cursor = max(0, min(s.cursor, len(s.visible)-1))
}

func (s *paketReceive) listKey(k tea.KeyMsg) tea.Cmd {
	if s.busy != "" {
		return nil
	}
	switch k.String() {
	case "esc":
		s.plan = nil
		return nil
	case "up":
		s.cursor = max(0, s.cursor-1)
	case "down":
		s.cursor = max(0, min(len(s.visible)-1, s.cursor+1))
	case "pgup":
		s.cursor = max(0, s.cursor-10)
	case "pgdown":
		s.cursor = max(0, min(len(s.visible)-1, s.cursor+10))
	case "home":
		s.cursor = 0
	case "end":
		s.cursor = max(0, len(s.visible)-1)
	case "tab":
		s.filter = (s.filter + 1) % len(paketFilters)
		s.cursor, s.offset = 0, 0
		s.refilter()
	case "shift+tab":
		s.filter = (s.filter + len(paketFilters) - 1) % len(paketFilters)
		s.cursor, s.offset = 0, 0
		s.refilter()
	case " ":
		if it, ok := s.current(); ok {
			if !it.Status.Conflict() {
				return info("Hanya data yang berbeda yang dapat dipilih; data baru selalu ditambahkan.")
			}
			if s.take[it.Key] {
				delete(s.take, it.Key)
			} else {
				s.take[it.Key] = true
			}
		}
	case "ctrl+s":
		return s.confirm()
	}
	return nil
}

func (s *paketReceive) current() (domain.PaketItem, bool) {
	if s.plan == nil || s.cursor >= len(s.visible) {
		return domain.PaketItem{}, false
	}
	return s.plan.Items[s.visible[s.cursor]], true
}

func (s *paketReceive) confirm() tea.Cmd {
	p := *s.plan
	conflicts := p.Count(domain.PaketBerbeda) + p.Count(domain.PaketLebihBaru)
	baru := p.Count(domain.PaketBaru)
	if baru == 0 && len(s.take) == 0 {
		return info("Tidak ada yang perlu digabungkan: semua data sudah sama atau tetap memakai versi di sini.")
	}
	take := make(map[string]bool, len(s.take))
	for k := range s.take {
		take[k] = true
	}
	do := s.cmd(func(ctx context.Context) tea.Msg {
		sum, err := s.c.Paket.ApplyPaket(ctx, p, take)
		return paketAppliedMsg{sum, err}
	})
	text := fmt.Sprintf("Gabungkan paket ke data ini? %d data baru ditambahkan; %d data berbeda memakai versi paket; "+
		"%d data berbeda tetap memakai versi di sini. Semuanya dalam satu langkah: berhasil semua atau tidak sama sekali.",
		baru, len(take), conflicts-len(take))
	return showDialog(confirmDialog(&s.c.Styles, "Gabungkan paket", text, "Ya, gabungkan", "Tidak",
		func() tea.Msg { return taggedMsg{to: s.id, msg: paketStartApplyMsg{do}} },
		// "Tidak" has the focus: say so, or Enter looks like success.
		info("Paket belum digabungkan; tidak ada yang diubah. Ctrl+S lalu Y untuk menggabungkan.")))
}

func (s *paketReceive) View() string {
	st := &s.c.Styles
	if s.plan == nil {
		out := s.form.view()
		if s.busy != "" {
			out += "\n" + st.Muted.Render(s.busy)
		} else if s.result != "" {
			out += "\n" + s.result
		}
		return out
	}
	p := s.plan
	lines := manifestLines(p.Manifest)
	lines = append(lines, fmt.Sprintf("Baru %d · Sama %d · Berbeda %d · Lebih baru di sini %d · dipilih versi paket: %d",
		p.Count(domain.PaketBaru), p.Count(domain.PaketSama), p.Count(domain.PaketBerbeda), p.Count(domain.PaketLebihBaru),
		len(s.take)))
	filter := "Semua"
	if f := paketFilters[s.filter]; f != 0 {
		filter = f.String()
	}
	lines = append(lines, "Tampilkan: "+filter+" (Tab ganti)", "")
	statusW := 19
	lines = append(lines, st.TableHeader.Render(fit("Paket", 5)+" "+fit("Keadaan", statusW)+" "+fit("Data", max(10, s.w-statusW-8))))
	// The list takes what the details below leave.
	detail := s.details()
	rows := max(3, s.h-len(lines)-len(detail)-1)
	if s.cursor < s.offset {
		s.offset = s.cursor
	}
	if s.cursor >= s.offset+rows {
		s.offset = s.cursor - rows + 1
	}
	if len(s.visible) == 0 {
		lines = append(lines, st.Muted.Render("Tidak ada data dengan keadaan ini."))
	}
	for i := s.offset; i < len(s.visible) && i < s.offset+rows; i++ {
		it := p.Items[s.visible[i]]
		mark := "     "
		if it.Status.Conflict() {
			mark = "[ ]  "
			if s.take[it.Key] {
				mark = "[x]  "
			}
		}
		line := mark + " " + fit(it.Status.String(), statusW) + " " + inert(it.Label)
		if i == s.cursor {
			line = st.RowSelected.Render(fit(line, max(10, s.w-1)))
		} else {
			line = clip(line, max(10, s.w-1))
		}
		lines = append(lines, line)
	}
	lines = append(lines, "")
	lines = append(lines, detail...)
	if s.busy != "" {
		lines = append(lines, st.Muted.Render(s.busy))
	}
	return strings.Join(lines, "\n")
}

// indent wraps one difference under the list, continuation lines deeper.
func (s *paketReceive) indent(text string) []string {
	lines := skpWrap(inert(text), max(10, s.w-5))
	for i := range lines {
		if i == 0 {
			lines[i] = "  " + lines[i]
		} else {
			lines[i] = "    " + lines[i]
		}
	}
	return lines
}

// details are the differences of the selected conflict: what taking the
// packet's version changes, and what of the packet is not used even then.
func (s *paketReceive) details() []string {
	it, ok := s.current()
	if !ok || !it.Status.Conflict() && len(it.Notes) == 0 {
		return nil
	}
	var out []string
	if it.Status.Conflict() {
		out = append(out, "Bila versi paket dipakai (di sini → paket); tanpa Spasi data di sini tetap:")
	}
	const most = 8
	for i, d := range it.Diffs {
		if i == most {
			out = append(out, fmt.Sprintf("  … dan %d perbedaan lain", len(it.Diffs)-most))
			break
		}
		out = append(out, s.indent(d.Text())...)
	}
	for _, n := range it.Notes {
		out = append(out, s.indent(n)...)
	}
	return out
}

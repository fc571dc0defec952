package tui

import (
	"strconv"
	"strings"

	"asndesk/domain"
	"asndesk/domain/doc"

	tea "github.com/charmbracelet/bubbletea"
)

// nominatifScreen: filters on top, the chosen columns below.
type nominatifScreen struct {
	reportBase
	form    *form
	cols    map[string]bool
	shown   []*domain.Employee
	unitIDs []uint64
}

const nomFormH = 12

var defaultNomCols = []string{"nip", "nama", "golongan", "jabatan", "unit"}

func newNominatifScreen(c *Common) *nominatifScreen {
	s := &nominatifScreen{reportBase: reportBase{base: newBase(c)}, cols: map[string]bool{}}
	for _, k := range defaultNomCols {
		s.cols[k] = true
	}
	units := sortedUnits(c.Units)
	unitNames := []string{"(semua)"}
	s.unitIDs = []uint64{0}
	for _, u := range units {
		unitNames = append(unitNames, u.Name)
		s.unitIDs = append(s.unitIDs, u.ID)
	}
	all := func(xs []string) []string { return append([]string{"(semua)"}, xs...) }
	unit := choiceField("unit", "Unit kerja", unitNames, 0)
	unit.chooser = true
	gol := choiceField("golongan", "Golongan", all(append(golonganCodes(domain.KindPNS), golonganCodes(domain.KindPPPK)...)), 0)
	gol.chooser = true
	fields := []*field{
		unit,
		choiceField("kind", "Jenis pegawai", all(labels(domain.Kinds())), 0),
		gol,
		choiceField("jabatan", "Jenis jabatan", all(labels(domain.JabatanKinds())), 0),
		choiceField("pendidikan", "Pendidikan", all(domain.EducationLevels()), 0),
		choiceField("jk", "Jenis kelamin", all([]string{"Laki-laki", "Perempuan"}), 0),
		textField("usia_min", "Usia dari", "", 2),
		textField("usia_max", "Usia sampai", "", 2),
	}
	s.form = newForm(&c.Styles, fields)
	s.form.submitLabel, s.form.cancelLabel = "Terapkan (Ctrl+S)", "Pilih kolom (F6)"
	return s
}

func (s *nominatifScreen) Title() string    { return "Nominatif" }
func (s *nominatifScreen) Capturing() bool  { return true }
func (s *nominatifScreen) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, nomFormH) }
func (s *nominatifScreen) Keys() []KeyHelp {
	return append([]KeyHelp{{"Tab", "Saringan"}, {"←/→", "Ganti"}, {"PgUp/PgDn", "Gulir"}, {"F6", "Kolom"}}, docsKeys(s.c, true, true)...)
}
func (s *nominatifScreen) Init() tea.Cmd { return s.init(s.apply) }
func (s *nominatifScreen) page() int     { return max(1, s.h-nomFormH-3) }

func (s *nominatifScreen) filter() domain.NominatifFilter {
	var f domain.NominatifFilter
	pick := func(key string) string {
		if fl := s.form.get(key); fl.choice > 0 {
			return fl.options[fl.choice]
		}
		return ""
	}
	if i := s.form.get("unit").choice; i > 0 {
		f.UnitIDs = []uint64{s.unitIDs[i]}
	}
	for _, k := range domain.Kinds() {
		if k.String() == pick("kind") {
			f.Kinds = []domain.Kind{k}
		}
	}
	if g := pick("golongan"); g != "" {
		f.Golongan = []string{g}
	}
	for _, j := range domain.JabatanKinds() {
		if j.String() == pick("jabatan") {
			f.JabatanKinds = []domain.JabatanKind{j}
		}
	}
	if p := pick("pendidikan"); p != "" {
		f.Pendidikan = []string{p}
	}
	switch pick("jk") {
	case "Laki-laki":
		f.Gender = domain.Male
	case "Perempuan":
		f.Gender = domain.Female
	}
	f.UsiaMin, _ = strconv.Atoi(strings.TrimSpace(s.form.get("usia_min").value()))
	f.UsiaMax, _ = strconv.Atoi(strings.TrimSpace(s.form.get("usia_max").value()))
	return f
}

func (s *nominatifScreen) apply() {
	if s.data == nil {
		return
	}
	f := s.filter()
	s.shown = s.shown[:0]
	for i := range s.data.emps {
		e := &s.data.emps[i]
		if e.Status.Active() && f.Match(*e, s.data.today) {
			s.shown = append(s.shown, e)
		}
	}
	s.rows = len(s.shown)
	s.cursor, s.offset = 0, 0
}

func (s *nominatifScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case reportLoadedMsg, dataChangedMsg:
		cmd, _ := s.handle(msg, s.apply)
		return cmd
	case resultMsg:
		if cols, ok := msg.result.(map[string]bool); ok {
			s.cols = cols
		}
		return nil
	case choiceMadeMsg:
		if f := s.form.get(msg.key); f != nil {
			f.choice = msg.index
			s.apply()
		}
		return nil
	case tea.KeyMsg:
		switch msg.String() {
		case "pgdown":
			s.move(s.page())
			return nil
		case "pgup":
			s.move(-s.page())
			return nil
		case "f6":
			return push(newColumnPicker(s.c, s.cols))
		case "ctrl+p":
			return s.printNominatif()
		case "ctrl+e":
			return s.exportNominatif()
		}
	}
	switch s.form.update(msg) {
	case formChanged, formSubmit:
		s.apply()
	case formCancel:
		return push(newColumnPicker(s.c, s.cols))
	case formChoose:
		fl := s.form.focused()
		key := fl.key
		return showDialog(chooseDialog(&s.c.Styles, "Pilih "+strings.ToLower(fl.label), fl.options, fl.choice, func(i int) tea.Cmd {
			return func() tea.Msg { return taggedMsg{to: s.id, msg: choiceMadeMsg{key: key, index: i}} }
		}))
	}
	return nil
}

func (s *nominatifScreen) View() string {
	out := s.form.view() + "\n"
	if w, ok := s.waiting(); ok {
		return out + w
	}
	st := &s.c.Styles
	var cols []doc.NominatifColumn
	for _, c := range doc.NominatifColumns() {
		if s.cols[c.Key] {
			cols = append(cols, c)
		}
	}
	head := fit("No", 5)
	for _, c := range cols {
		head += " " + fit(c.Label, c.Width)
	}
	lines := []string{st.Muted.Render(itoa(len(s.shown)) + " pegawai aktif cocok · F6 memilih kolom"), st.TableHeader.Render(clip(head, s.w))}
	end := min(len(s.shown), s.offset+s.page())
	for i := s.offset; i < end; i++ {
		line := fit(itoa(i+1), 5)
		for _, c := range cols {
			line += " " + fit(c.Value(s.shown[i], s.c.UnitName, s.data.today), c.Width)
		}
		lines = append(lines, clip(line, s.w))
	}
	if len(s.shown) == 0 {
		lines = append(lines, st.Muted.Render("Tidak ada pegawai yang cocok dengan saringan."))
	}
	return out + strings.Join(lines, "\n")
}

// columnPicker chooses the nominatif's columns (Ya/Tidak each).
type columnPicker struct {
	base
	form *form
}

func newColumnPicker(c *Common, cols map[string]bool) *columnPicker {
	var fields []*field
	for _, col := range doc.NominatifColumns() {
		fields = append(fields, choiceField(col.Key, col.Label, yesNo, b2i(cols[col.Key])))
	}
	return &columnPicker{base: newBase(c), form: newForm(&c.Styles, fields)}
}

func (s *columnPicker) Title() string    { return "Pilih kolom" }
func (s *columnPicker) Capturing() bool  { return true }
func (s *columnPicker) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, h) }
func (s *columnPicker) Keys() []KeyHelp {
	return []KeyHelp{{"←/→", "Ya/Tidak"}, {"Ctrl+S", "Pakai"}}
}

func (s *columnPicker) Update(msg tea.Msg) tea.Cmd {
	switch s.form.update(msg) {
	case formSubmit:
		cols := map[string]bool{}
		for _, f := range s.form.fields {
			cols[f.key] = f.choice == 1
		}
		return pop(cols)
	case formCancel:
		return pop(nil)
	}
	return nil
}

func (s *columnPicker) View() string { return s.form.view() }

package tui

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// The Sistem merit list is the area's root: the penilaian mandiri the
// actor may view, newest year first, with the instrument each was made
// with, its stage, its progress and, once every indicator is answered,
// the self score and category. F5 starts a new assessment; F8 opens the
// views around them (import an instrument, compare years, combine units,
// settings).

type meritListItem struct {
	a     domain.MeritAssessment
	in    domain.Instrument
	hasIn bool
	res   domain.MeritResult
	scope string
}

type meritList struct {
	base
	items    []meritListItem
	ins      []domain.Instrument
	settings domain.MeritSettings
	scroll
	loaded  bool
	err     error
	req     int
	pending uint64 // select this assessment after a reload
	version int
}

func newMeritList(c *Common) *meritList { return &meritList{base: newBase(c), version: -1} }

func (s *meritList) Title() string { return "Sistem merit" }

func (s *meritList) canCreate() bool { return domain.CanCreateMerit(s.c.Actor) == nil }

func (s *meritList) Keys() []KeyHelp {
	keys := []KeyHelp{{"Enter", "Buka"}}
	if s.canCreate() {
		keys = append(keys, KeyHelp{"F5", "Penilaian baru"})
	}
	return append(keys, KeyHelp{"F8", "Instrumen, bandingkan, gabungan, pengaturan"})
}

type meritListMsg struct {
	req      int
	as       []domain.MeritAssessment
	ins      []domain.Instrument
	settings domain.MeritSettings
	err      error
}

func (s *meritList) load() tea.Cmd {
	s.req++
	req, repo := s.req, s.c.Merit
	return s.cmd(func(ctx context.Context) tea.Msg {
		m := meritListMsg{req: req}
		m.as, m.ins, m.settings, m.err = meritLoadAll(ctx, repo)
		return m
	})
}

func (s *meritList) Init() tea.Cmd { return s.load() }

func (s *meritList) selected() uint64 {
	if s.cursor < len(s.items) {
		return s.items[s.cursor].a.ID
	}
	return 0
}

func (s *meritList) rebuild(as []domain.MeritAssessment) {
	keep := s.pending
	if keep == 0 {
		keep = s.selected()
	}
	s.pending = 0
	s.version = s.c.Version
	s.items = s.items[:0]
	for _, a := range as {
		it := meritListItem{a: a, scope: meritScope(s.c, a.UnitID)}
		it.in, it.hasIn = meritFind(s.ins, a.InstrumentID, a.InstrumentVersion)
		if it.hasIn {
			it.res = domain.Score(it.in, a, false)
		}
		s.items = append(s.items, it)
	}
	sort.SliceStable(s.items, func(i, j int) bool {
		a, b := s.items[i], s.items[j]
		if a.a.Year != b.a.Year {
			return a.a.Year > b.a.Year
		}
		if (a.a.UnitID == 0) != (b.a.UnitID == 0) {
			return a.a.UnitID == 0
		}
		return strings.ToLower(a.scope) < strings.ToLower(b.scope)
	})
	for i, it := range s.items {
		if it.a.ID == keep {
			s.cursor = i
		}
	}
	s.move(0)
}

func (s *meritList) assessments() []domain.MeritAssessment {
	out := make([]domain.MeritAssessment, len(s.items))
	for i, it := range s.items {
		out[i] = it.a
	}
	return out
}

func (s *meritList) page() int { return max(1, s.h-5-len(s.notices())) }

func (s *meritList) move(d int) { s.scroll.move(d, len(s.items), s.page()) }

func (s *meritList) open() tea.Cmd {
	if s.cursor >= len(s.items) {
		return nil
	}
	return push(newMeritScreen(s.c, s.items[s.cursor].a.ID))
}

func (s *meritList) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case meritListMsg:
		if msg.req != s.req {
			return nil
		}
		s.loaded, s.err = true, msg.err
		if msg.err != nil {
			return failure(msg.err)
		}
		s.ins, s.settings = msg.ins, msg.settings
		s.rebuild(msg.as)
	case dataChangedMsg:
		return s.load()
	case resultMsg:
		// Only the create form pops with an id: open what it made.
		if r, ok := msg.result.(savedResult); ok && r.id != 0 {
			s.pending = r.id
			return tea.Batch(s.load(), push(newMeritScreen(s.c, r.id)))
		}
		return s.load()
	case tea.KeyMsg:
		if listKeys(msg.String(), s.page(), len(s.items), s.move) {
			return nil
		}
		switch msg.String() {
		case "enter":
			return s.open()
		case "f5", "insert":
			if !s.canCreate() {
				return failure(domain.CanCreateMerit(s.c.Actor))
			}
			if !s.loaded || s.err != nil {
				return nil
			}
			return push(newMeritCreateForm(s.c, s.ins, s.settings, s.c.today().Year))
		case "f8":
			return s.openMore()
		}
	case tea.MouseMsg:
		if msg.Action != tea.MouseActionPress {
			return nil
		}
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			s.move(-3)
		case tea.MouseButtonWheelDown:
			s.move(3)
		case tea.MouseButtonLeft:
			row := msg.Y - 3 - len(s.notices())
			if row >= 0 && s.offset+row < len(s.items) {
				if s.offset+row == s.cursor {
					return s.open()
				}
				s.cursor = s.offset + row
			}
		}
	}
	return nil
}

// openMore is F8: the views around the assessments.
func (s *meritList) openMore() tea.Cmd {
	c := s.c
	type entry struct {
		label string
		run   func() tea.Cmd
	}
	var more []entry
	if s.canCreate() {
		more = append(more, entry{"Muat instrumen dari berkas", func() tea.Cmd { return push(newMeritImportForm(c)) }})
	}
	if s.cursor < len(s.items) {
		it := s.items[s.cursor]
		all := s.assessments()
		more = append(more, entry{"Bandingkan tahun · " + it.scope, func() tea.Cmd { return push(newMeritCompareScreen(c, all, s.ins, it.a)) }})
	}
	year := c.today().Year
	if s.cursor < len(s.items) {
		year = s.items[s.cursor].a.Year
	}
	all := s.assessments()
	more = append(more, entry{"Gabungan unit " + strconv.Itoa(year), func() tea.Cmd {
		return push(newMeritCombineScreen(c, all, s.ins, s.settings, year))
	}})
	if c.can(domain.CanManageOffice) {
		more = append(more, entry{"Pengaturan merit", func() tea.Cmd { return push(newMeritSettingsForm(c, s.ins, s.settings)) }})
	}
	labels := make([]string, len(more))
	for i, m := range more {
		labels[i] = m.label
	}
	return showDialog(chooseDialog(&c.Styles, "Sistem merit", labels, 0, func(i int) tea.Cmd { return more[i].run() }))
}

// notices are the notices of the instruments the listed assessments use
// (or of the default instrument while the list is empty), each once.
func (s *meritList) notices() []string {
	seen := map[string]bool{}
	var out []string
	add := func(in domain.Instrument) {
		if t := meritNoticeText(in); t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, it := range s.items {
		if it.hasIn {
			add(it.in)
		}
	}
	if len(s.items) == 0 {
		for _, in := range s.ins {
			if in.ID == s.settings.DefaultInstrument {
				add(in)
				break
			}
		}
	}
	return out
}

func meritListCols(w int) (year, scope, instr, stage, prog, score int) {
	year, stage, prog, score = 5, 17, 7, 22
	rest := max(20, w-year-stage-prog-score-5)
	scope = rest * 9 / 20
	return year, scope, rest - scope, stage, prog, score
}

func (s *meritList) View() string {
	if s.loaded && s.version != s.c.Version {
		s.rebuild(s.assessments()) // unit names may have changed
	}
	st := &s.c.Styles
	var lines []string
	head := st.Title.Render("Penilaian mandiri sistem merit") + "  " + st.Muted.Render(itoa(len(s.items))+" penilaian")
	lines = append(lines, clip(head, s.w))
	for _, n := range s.notices() {
		lines = append(lines, st.Banner.Render(clip(n, s.w)))
	}
	lines = append(lines, "")
	yw, sw, iw, tw, pw, nw := meritListCols(s.w)
	cell := func(t string, w int) string { return " " + fit(t, w) }
	lines = append(lines, st.TableHeader.Render(clip(fit("Tahun", yw)+cell("Cakupan", sw)+cell("Instrumen", iw)+cell("Tahap", tw)+
		cell("Progres", pw)+cell("Nilai mandiri", nw), s.w)))
	end := min(len(s.items), s.offset+s.page())
	for i := s.offset; i < end; i++ {
		it := &s.items[i]
		instr, prog, score := it.a.InstrumentID+" "+it.a.InstrumentVersion+" (tidak ditemukan)", "", ""
		if it.hasIn {
			// The status first: a narrow column still says draf or resmi.
			instr = meritStatusText(it.in) + " · " + inert(it.in.Title) + " " + inert(it.in.Version)
			prog = itoa(it.res.Answered) + "/" + itoa(it.res.Indicators)
			if it.res.Complete {
				score = meritTotalText(it.res)
			}
		}
		line := fit(strconv.Itoa(it.a.Year), yw) + cell(it.scope, sw) + cell(instr, iw) + cell(it.a.Stage.String(), tw) + cell(prog, pw) + cell(score, nw)
		if i == s.cursor {
			lines = append(lines, st.RowSelected.Render(clip(line, s.w)))
		} else {
			lines = append(lines, clip(line, s.w))
		}
	}
	if s.cursor < len(s.items) && s.items[s.cursor].hasIn && len(lines) < s.h-2 {
		// The selected row whole: the columns cut long names.
		it := &s.items[s.cursor]
		lines = append(lines, "", st.Muted.Render(clip(strconv.Itoa(it.a.Year)+" · "+inert(it.scope)+" · "+meritInstrumentText(it.in)+
			" · "+meritProgressText(it.res.Answered, it.res.Indicators, meritNoEvidence(it.in, &it.a)), s.w)))
	}
	if len(s.items) == 0 {
		lines = append(lines, "")
		for _, t := range s.emptyText() {
			for _, l := range kinWrap(t, s.w) {
				lines = append(lines, st.Muted.Render(l))
			}
		}
	}
	return strings.Join(lines, "\n")
}

func (s *meritList) emptyText() []string {
	switch {
	case !s.loaded:
		return []string{"Memuat…"}
	case s.err != nil:
		return []string{domain.ErrorMessage(s.err)}
	}
	out := []string{"Belum ada penilaian mandiri sistem merit yang dapat Anda lihat."}
	if s.canCreate() {
		out[0] += " Tekan F5 untuk memulai penilaian baru."
	}
	return append(out, "Penilaian mandiri menilai penerapan sistem merit per aspek dengan bukti dukung, lalu diverifikasi dan "+
		"ditindaklanjuti dengan rencana perbaikan. F8 memuat instrumen resmi dari berkas bila sudah tersedia.")
}

// --- Penilaian baru ---

// newMeritCreateForm starts an assessment: year, scope (the instansi or a
// unit) and instrument version, the settings' default first chosen.
func newMeritCreateForm(c *Common, ins []domain.Instrument, set domain.MeritSettings, year int) *skpActForm {
	units := sortedUnits(c.Units)
	scopes := []string{"Instansi (seluruh kantor)"}
	for _, u := range units {
		scopes = append(scopes, "Unit: "+u.Name)
	}
	var opts []string
	def := -1
	for i, in := range ins {
		opts = append(opts, meritInstrumentText(in))
		if in.ID == set.DefaultInstrument && def < 0 {
			def = i
		}
	}
	if def < 0 && len(ins) > 0 {
		def = 0
	}
	yr := textField("tahun", "Tahun", strconv.Itoa(year), 4)
	yr.hint = "Tahun penilaian, misalnya " + strconv.Itoa(year) + "."
	sc := choiceField("cakupan", "Cakupan", scopes, 0)
	sc.hint = "Seluruh instansi, atau satu unit yang menyiapkan bagiannya (digabung di F8 · Gabungan unit)."
	instr := choiceField("instrumen", "Instrumen", opts, def)
	instr.hint = "Instrumen yang dipakai; penilaian menyimpan versinya. Bawaan dari Pengaturan merit."
	intro := []string{"Penilaian mandiri baru. Anda tercatat sebagai anggota tim bila memegang peran Tim Merit; susun tim di tab Tim.", ""}
	a := newSKPActForm(c, "Penilaian baru", intro, []*field{yr, sc, instr})
	a.form.submitLabel = "Buat penilaian (Ctrl+S)"
	a.prepare = func(v map[string]string) (func(context.Context) (uint64, string, error), domain.FieldErrors) {
		fe := domain.FieldErrors{}
		y, err := strconv.Atoi(strings.TrimSpace(v["tahun"]))
		if err != nil || y < 2000 || y > 2100 {
			fe["tahun"] = "Tulis tahun dengan 4 angka, misalnya 2026."
		}
		ic := a.form.get("instrumen").choice
		if ic < 0 || ic >= len(ins) {
			fe["instrumen"] = "Pilih instrumen; muat dulu lewat F8 bila belum ada."
		}
		var unit uint64
		if sc := a.form.get("cakupan").choice; sc > 0 && sc <= len(units) {
			unit = units[sc-1].ID
		}
		if len(fe) > 0 {
			return nil, fe
		}
		in := ins[ic]
		as := domain.MeritAssessment{Year: y, UnitID: unit, InstrumentID: in.ID, InstrumentVersion: in.Version, Stage: domain.StageMandiri}
		if c.Actor.Has(domain.RoleTimMerit) && c.Actor.AccountID != 0 {
			as.Team, as.Koordinator = []uint64{c.Actor.AccountID}, c.Actor.AccountID
		}
		scope := meritScope(c, unit)
		next := "Jawab indikatornya di tab Jawaban."
		if len(as.Team) == 0 {
			// An Admin creates it for the team, who answer: the team first.
			next = "Susun dulu Tim Merit-nya di tab Tim; anggota tim yang menjawab indikator."
		}
		return func(ctx context.Context) (uint64, string, error) {
			id, err := c.Merit.CreateMeritAssessment(ctx, as)
			return id, "Penilaian " + strconv.Itoa(y) + " · " + scope + " dibuat. " + next, err
		}, nil
	}
	return a
}

// --- Muat instrumen ---

// meritImportMax is the largest instrument file read: instruments are
// small JSON files.
const meritImportMax = 4 << 20

// newMeritImportForm loads an instrument file (JSON) by its path; a
// refusal names the field or the line and column.
func newMeritImportForm(c *Common) *skpActForm {
	path := textField("path", "Lokasi berkas", "", 1000)
	path.hint = "Berkas instrumen JSON, misalnya /home/siti/Dokumen/instrumen-19-2025.json."
	intro := []string{"Muat instrumen penilaian (lampiran resmi, pedoman BKN, atau ekspor instansi) sebagai data. " +
		"Instrumen dengan id dan versi yang sama tetapi isi berbeda ditolak: beri versi baru.", ""}
	a := newSKPActForm(c, "Muat instrumen", intro, []*field{path})
	a.form.submitLabel = "Muat (Ctrl+S)"
	a.prepare = func(v map[string]string) (func(context.Context) (uint64, string, error), domain.FieldErrors) {
		p := strings.TrimSpace(v["path"])
		if p == "" {
			return nil, domain.FieldErrors{"path": "Tulis lokasi berkas instrumen."}
		}
		return func(ctx context.Context) (uint64, string, error) {
			_, data, err := readBukti(p, meritImportMax)
			if err != nil {
				return 0, "", err
			}
			in, err := c.Merit.ImportInstrument(ctx, data)
			if err != nil {
				return 0, "", &domain.Error{Code: domain.ErrorCode(err), Field: "path", Message: "Ditolak. " + domain.ErrorMessage(err)}
			}
			status := "Instrumen " + in.ID + " versi " + in.Version + " dimuat (" + meritStatusText(in) + ")."
			if n := strings.TrimSpace(in.Notice); n != "" {
				status += " " + n
			}
			return 0, status, nil
		}, nil
	}
	return a
}

// --- Pengaturan merit ---

func newMeritSettingsForm(c *Common, ins []domain.Instrument, set domain.MeritSettings) *skpActForm {
	modes := domain.CombineModes()
	var mopts []string
	mc := 0
	for i, m := range modes {
		mopts = append(mopts, m.Label())
		if m == set.Combine {
			mc = i
		}
	}
	var ids, iopts []string
	ic := -1
	for _, in := range ins {
		dup := false
		for _, x := range ids {
			dup = dup || x == in.ID
		}
		if dup {
			continue
		}
		ids = append(ids, in.ID)
		iopts = append(iopts, in.ID+" · "+inert(in.Title)+" ("+meritStatusText(in)+")")
		if in.ID == set.DefaultInstrument {
			ic = len(ids) - 1
		}
	}
	mode := choiceField("gabungan", "Cara menggabung unit", mopts, mc)
	mode.hint = "Tampilan instansi dari penilaian unit: per indikator level terendah, rata-rata, atau level unit pilihan."
	def := choiceField("bawaan", "Instrumen bawaan", iopts, ic)
	def.hint = "Instrumen yang dipilih pertama saat membuat penilaian baru."
	a := newSKPActForm(c, "Pengaturan merit", nil, []*field{mode, def})
	a.prepare = func(map[string]string) (func(context.Context) (uint64, string, error), domain.FieldErrors) {
		next := set
		if i := a.form.get("gabungan").choice; i >= 0 && i < len(modes) {
			next.Combine = modes[i]
		}
		if i := a.form.get("bawaan").choice; i >= 0 && i < len(ids) {
			next.DefaultInstrument = ids[i]
		}
		return func(ctx context.Context) (uint64, string, error) {
			return 0, "Pengaturan merit disimpan.", c.Merit.SaveMeritSettings(ctx, next)
		}, nil
	}
	return a
}

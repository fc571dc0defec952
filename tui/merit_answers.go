package tui

import (
	"context"
	"errors"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// The Jawaban tab: per aspect its progress bar ("7/12 dijawab · 3 tanpa
// bukti"), under it the indicators with the chosen level, and under each
// indicator its bukti dukung. F7 filters: semua, belum dijawab, dijawab
// tanpa bukti. The selected indicator's text, guidance, evidence hints,
// level description and justification are shown whole below the list.

type meritAnsRow struct {
	ind  int // index into Instrument.Indicators
	ev   int // -1: the indicator row; else index into its evidence
	line int
}

const (
	meritFilterAll = iota
	meritFilterOpen
	meritFilterNoEvidence
)

var meritFilterLabels = [...]string{"Semua", "Belum dijawab", "Dijawab tanpa bukti"}

type meritAnswerTab struct {
	h      *meritHost
	rows   []meritAnsRow
	lines  []planLine
	built  *domain.MeritAssessment
	builtW int
	filter int
	cursor int
	top    int
	ht     int
	want   string // select this indicator after a rebuild
}

func newMeritAnswerTab(h *meritHost) skpTab { return &meritAnswerTab{h: h} }

func (t *meritAnswerTab) Title() string   { return "Jawaban" }
func (t *meritAnswerTab) Capturing() bool { return false }

func (t *meritAnswerTab) answerErr() error { return t.h.can(domain.MeritAnswerOp) }

func (t *meritAnswerTab) current() (meritAnsRow, bool) {
	if t.cursor >= 0 && t.cursor < len(t.rows) {
		return t.rows[t.cursor], true
	}
	return meritAnsRow{}, false
}

func (t *meritAnswerTab) indicator(r meritAnsRow) domain.MeritIndicator {
	return t.h.in.Indicators[r.ind]
}

func (t *meritAnswerTab) evidence(r meritAnsRow) (domain.Bukti, bool) {
	if r.ev < 0 {
		return domain.Bukti{}, false
	}
	ev := t.h.a.Answers[t.indicator(r).Code].Evidence
	if r.ev < len(ev) {
		return ev[r.ev], true
	}
	return domain.Bukti{}, false
}

func (t *meritAnswerTab) Keys() []KeyHelp {
	var keys []KeyHelp
	can := t.answerErr() == nil
	r, ok := t.current()
	if b, onEv := t.evidence(r); ok && onEv {
		if b.Kind == domain.BuktiFile {
			keys = append(keys, KeyHelp{"Enter", "Simpan salinan"})
		} else {
			keys = append(keys, KeyHelp{"Enter", "Lihat"})
		}
		if can {
			keys = append(keys, KeyHelp{"Del", "Hapus bukti"})
		}
	} else if can {
		keys = append(keys, KeyHelp{"Enter", "Jawab"})
	}
	if can {
		keys = append(keys, KeyHelp{"F5", "Bukti berkas"}, KeyHelp{"F6", "Bukti referensi"})
	}
	return append(keys, KeyHelp{"F7", "Saring"})
}

func (t *meritAnswerTab) shown(code string) bool {
	ans := t.h.a.Answers[code]
	switch t.filter {
	case meritFilterOpen:
		return ans.Level == 0
	case meritFilterNoEvidence:
		return ans.Level > 0 && len(ans.Evidence) == 0
	}
	return true
}

func (t *meritAnswerTab) build(w int) {
	a, in := t.h.a, t.h.in
	if a == nil || (t.built == a && t.builtW == w) {
		return
	}
	keepCode, keepEv := t.want, -1
	if r, ok := t.current(); ok && keepCode == "" && t.built != nil {
		keepCode, keepEv = t.indicator(r).Code, r.ev
	}
	t.want = ""
	t.built, t.builtW = a, w
	st := &t.h.c.Styles
	t.rows, t.lines = t.rows[:0], t.lines[:0]
	add := func(text string, style *lipgloss.Style, item int, head bool) {
		t.lines = append(t.lines, planLine{text: clip(text, max(1, w-2)), style: style, item: item, head: head})
	}
	if err := t.answerErr(); err != nil {
		for _, l := range kinWrap("Hanya dapat dibaca: "+domain.ErrorMessage(err), max(20, w-4)) {
			add(l, &st.Muted, -1, false)
		}
	}
	add("Saring (F7): "+meritFilterLabels[t.filter], &st.Muted, -1, false)
	index := map[string]int{}
	for i, x := range in.Indicators {
		index[x.Code] = i
	}
	levelW := 20
	for _, asp := range in.TopAspects() {
		answered, total, noEv := meritAspectProgress(*in, a, asp.Code)
		add("", nil, -1, false)
		add(asp.Code+" "+inert(asp.Name), &st.Title, -1, false)
		add(meritBar(float64(answered), 0, float64(max(1, total)), 20)+" "+meritProgressText(answered, total, noEv), &st.Muted, -1, false)
		n := 0
		for _, x := range in.AspectIndicators(asp.Code) {
			if !t.shown(x.Code) {
				continue
			}
			n++
			ans := a.Answers[x.Code]
			lv := "belum dijawab"
			if ans.Level > 0 {
				lv = meritLevelText(*in, ans.Level)
			}
			t.rows = append(t.rows, meritAnsRow{ind: index[x.Code], ev: -1, line: len(t.lines)})
			add(fit(x.Code, 6)+" "+fit(lv, levelW)+" "+inert(x.Text), nil, len(t.rows)-1, true)
			for e, b := range ans.Evidence {
				t.rows = append(t.rows, meritAnsRow{ind: index[x.Code], ev: e, line: len(t.lines)})
				add("       ▪ "+buktiText(b), &st.Muted, len(t.rows)-1, true)
			}
		}
		if n == 0 && t.filter != meritFilterAll {
			add("       (tidak ada yang cocok dengan saringan)", &st.Muted, -1, false)
		}
	}
	t.cursor = max(0, min(t.cursor, len(t.rows)-1))
	for i, r := range t.rows {
		if in.Indicators[r.ind].Code == keepCode && (r.ev == keepEv || r.ev < 0) {
			t.cursor = i
			if r.ev == keepEv {
				break
			}
		}
	}
}

func (t *meritAnswerTab) page() int { return max(1, t.ht) }

func (t *meritAnswerTab) reveal() {
	if len(t.rows) == 0 {
		t.top = 0
		return
	}
	revealLine(&t.top, t.rows[t.cursor].line, t.cursor, t.page(), len(t.lines))
}

func (t *meritAnswerTab) move(d int) {
	t.cursor = max(0, min(len(t.rows)-1, t.cursor+d))
	t.reveal()
}

// selectCode puts the cursor on an indicator (tests and the Hasil tab's
// weakest list use it).
func (t *meritAnswerTab) selectCode(code string) {
	t.want = code
	t.built = nil
}

func (t *meritAnswerTab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case meritReloadedMsg:
		t.built = nil
	case tea.KeyMsg:
		if t.h.a == nil {
			return nil
		}
		t.build(t.builtW)
		if listKeys(msg.String(), t.page(), len(t.rows), t.move) {
			return nil
		}
		switch msg.String() {
		case "enter":
			return t.open()
		case "f5":
			return t.addEvidence(domain.BuktiFile)
		case "f6":
			return t.addEvidence(domain.BuktiReferensi)
		case "f7":
			t.filter = (t.filter + 1) % len(meritFilterLabels)
			t.built = nil
		case "delete", "f4":
			return t.deleteEvidence()
		}
	case tea.MouseMsg:
		if t.h.a == nil {
			return nil
		}
		return lineMouse(msg, t.lines, &t.top, &t.cursor, t.page(), t.open)
	}
	return nil
}

func (t *meritAnswerTab) open() tea.Cmd {
	r, ok := t.current()
	if !ok {
		return nil
	}
	x := t.indicator(r)
	if b, onEv := t.evidence(r); onEv {
		if b.Kind == domain.BuktiFile {
			return push(newMeritCopyForm(t.h.c, t.h.a.ID, x.Code, b))
		}
		return showDialog(messageDialog(&t.h.c.Styles, "Bukti referensi", inert(b.Name)+"\n\n"+inert(b.Ref)))
	}
	if err := t.answerErr(); err != nil {
		return failure(err)
	}
	return push(newMeritAnswerForm(t.h.c, *t.h.in, t.h.a.ID, x, t.h.a.Answers[x.Code], false))
}

func (t *meritAnswerTab) addEvidence(kind domain.BuktiKind) tea.Cmd {
	if err := t.answerErr(); err != nil {
		return failure(err)
	}
	r, ok := t.current()
	if !ok {
		return nil
	}
	x := t.indicator(r)
	if kind == domain.BuktiFile {
		return push(newMeritEvidenceFileForm(t.h.c, t.h.a.ID, x, t.h.limit))
	}
	return push(newMeritEvidenceRefForm(t.h.c, t.h.a.ID, x))
}

func (t *meritAnswerTab) deleteEvidence() tea.Cmd {
	if err := t.answerErr(); err != nil {
		return failure(err)
	}
	r, ok := t.current()
	b, onEv := t.evidence(r)
	if !ok || !onEv {
		return failure(domain.Errorf(domain.EINVALID, "Pilih bukti (baris ▪ di bawah indikator), lalu tekan Delete."))
	}
	id, code := t.h.a.ID, t.indicator(r).Code
	do := t.h.done("Bukti \""+b.Name+"\" dihapus.", func(ctx context.Context, m MeritRepo) error { return m.DeleteMeritEvidence(ctx, id, code, b.ID) })
	return showDialog(confirmDialog(&t.h.c.Styles, "Hapus bukti", "Hapus bukti \""+inert(b.Name)+"\" dari indikator "+inert(code)+
		"? Salinan berkas di asndesk ikut terhapus.", "Ya, hapus", "Tidak", do, nil))
}

func (t *meritAnswerTab) View(w, h int) string {
	if t.h.a == nil {
		return ""
	}
	t.build(w)
	var detail []string
	if h >= 16 {
		detail = t.detail(w, min(9, h/3))
	}
	t.ht = max(1, h-len(detail))
	t.reveal()
	body := drawDoc(&t.h.c.Styles, planDoc{lines: t.lines}, t.top, t.ht, w, t.cursor)
	if len(detail) == 0 {
		return body
	}
	n := strings.Count(body, "\n") + 1
	for ; n < t.ht; n++ {
		body += "\n"
	}
	return body + "\n" + strings.Join(detail, "\n")
}

// detail is the selected indicator in full.
func (t *meritAnswerTab) detail(w, max_ int) []string {
	r, ok := t.current()
	if !ok {
		return nil
	}
	st := &t.h.c.Styles
	in := t.h.in
	x := t.indicator(r)
	ans := t.h.a.Answers[x.Code]
	out := []string{st.Muted.Render(strings.Repeat("─", max(1, w)))}
	add := func(label, v string, lines int) {
		if strings.TrimSpace(v) == "" {
			return
		}
		for i, l := range kinWrap(v, max(10, w-15)) {
			if i == lines {
				break
			}
			lab := strings.Repeat(" ", 14)
			if i == 0 {
				lab = st.Label.Render(fit(label, 14))
			}
			out = append(out, clip(lab+" "+l, w))
		}
	}
	add("Indikator "+x.Code, x.Text, 2)
	add("Petunjuk", x.Help, 2)
	add("Bukti diminta", strings.Join(x.EvidenceHints, "; "), 1)
	if ans.Level > 0 {
		lv := meritLevelText(*in, ans.Level)
		if l, ok := in.Level(ans.Level); ok && l.Description != "" {
			lv += " — " + l.Description
		}
		add("Jawaban", lv, 1)
		add("Penjelasan", ans.Justification, 2)
	} else {
		add("Jawaban", "belum dijawab", 1)
	}
	if ans.VerifiedLevel > 0 {
		add("Verifikasi", meritLevelText(*in, ans.VerifiedLevel)+" "+ans.VerifierNote, 1)
	}
	if len(out) > max_ {
		out = out[:max_]
	}
	return out
}

// --- forms ---

// meritLevelOptions are the instrument's levels as choices: "3 · Label —
// description".
func meritLevelOptions(in domain.Instrument, none string) ([]string, []float64) {
	opts, vals := []string{none}, []float64{0}
	for _, l := range in.Levels {
		o := domain.FormatScore(l.Value) + " · " + l.Label
		if l.Description != "" {
			o += " — " + l.Description
		}
		opts, vals = append(opts, o), append(vals, l.Value)
	}
	return opts, vals
}

func meritLevelChoice(vals []float64, v float64) int {
	for i, x := range vals {
		if x == v {
			return i
		}
	}
	return 0
}

// meritFieldErrors turns a domain error into field errors of a form with
// the given keys (the first takes what names no field).
func meritFieldErrors(err error, keys ...string) domain.FieldErrors {
	var fe domain.FieldErrors
	if errors.As(err, &fe) {
		return fe
	}
	var de *domain.Error
	if errors.As(err, &de) {
		for _, k := range keys {
			if de.Field == k {
				return domain.FieldErrors{k: de.Message}
			}
		}
	}
	return domain.FieldErrors{keys[0]: domain.ErrorMessage(err)}
}

// newMeritAnswerForm answers an indicator (verify=false: level and
// justification) or verifies it (verify=true: verified level and note).
func newMeritAnswerForm(c *Common, in domain.Instrument, id uint64, x domain.MeritIndicator, cur domain.MeritAnswer, verify bool) *skpActForm {
	intro := []string{"Indikator " + x.Code + ": " + x.Text}
	if n := meritNoticeShort(in); n != "" {
		intro = append([]string{n}, intro...)
	}
	if x.Help != "" {
		intro = append(intro, "Petunjuk: "+x.Help)
	}
	if len(x.EvidenceHints) > 0 {
		intro = append(intro, "Bukti dukung: "+strings.Join(x.EvidenceHints, "; "))
	}
	// The scale in full: the choice field has room for one clipped line.
	intro = append(intro, "Skala tingkat:")
	for _, l := range in.Levels {
		t := domain.FormatScore(l.Value) + " · " + l.Label
		if l.Description != "" {
			t += " — " + l.Description
		}
		for i, w := range kinWrap(t, 90) {
			if i == 0 {
				w = "  " + w
			} else {
				w = "    " + w
			}
			intro = append(intro, w)
		}
	}
	var fields []*field
	var vals []float64
	title := "Jawab indikator " + x.Code
	if verify {
		title = "Verifikasi indikator " + x.Code
		self := "Penilaian mandiri: " + meritLevelText(in, cur.Level)
		if cur.Justification != "" {
			self += " — " + cur.Justification
		}
		intro = append(intro, self, "Bukti: "+itoa(len(cur.Evidence))+" (lihat tab Jawaban).")
		var opts []string
		opts, vals = meritLevelOptions(in, "Belum diverifikasi")
		lv := choiceField("tingkat_verifikasi", "Tingkat terverifikasi", opts, meritLevelChoice(vals, cur.VerifiedLevel))
		lv.hint = "←/→ memilih tingkat hasil verifikasi; boleh berbeda dari penilaian mandiri."
		note := textField("catatan_verifikasi", "Catatan verifikasi", cur.VerifierNote, domain.MaxMeritText)
		note.hint = "Alasan tingkat terverifikasi, misalnya bukti yang kurang."
		fields = []*field{lv, note}
	} else {
		var opts []string
		opts, vals = meritLevelOptions(in, "Belum dijawab")
		lv := choiceField("tingkat", "Tingkat", opts, meritLevelChoice(vals, cur.Level))
		lv.hint = "←/→ memilih tingkat yang paling sesuai dengan keadaan sekarang."
		just := textField("penjelasan", "Penjelasan", cur.Justification, domain.MaxMeritText)
		just.hint = "Mengapa tingkat ini: keadaan dan bukti yang mendukung."
		fields = []*field{lv, just}
	}
	intro = append(intro, "")
	a := newSKPActForm(c, title, intro, fields)
	a.form.focusItem(0)
	a.prepare = func(v map[string]string) (func(context.Context) (uint64, string, error), domain.FieldErrors) {
		next := cur
		next.Evidence = nil
		var status string
		if verify {
			next.VerifiedLevel = vals[max(0, a.form.get("tingkat_verifikasi").choice)]
			next.VerifierNote = strings.TrimSpace(v["catatan_verifikasi"])
			status = "Verifikasi indikator " + x.Code + " disimpan."
		} else {
			next.Level = vals[max(0, a.form.get("tingkat").choice)]
			next.Justification = strings.TrimSpace(v["penjelasan"])
			status = "Jawaban indikator " + x.Code + " disimpan."
		}
		if err := domain.ValidateAnswer(in, x.Code, next); err != nil {
			if verify {
				return nil, meritFieldErrors(err, "tingkat_verifikasi", "catatan_verifikasi")
			}
			return nil, meritFieldErrors(err, "tingkat", "penjelasan")
		}
		return func(ctx context.Context) (uint64, string, error) {
			return 0, status, c.Merit.SaveMeritAnswer(ctx, id, x.Code, next)
		}, nil
	}
	return a
}

// newMeritEvidenceFileForm adds a file as bukti dukung of an indicator;
// the size is checked before a byte is read (readBukti, as for SKP).
func newMeritEvidenceFileForm(c *Common, id uint64, x domain.MeritIndicator, limit int64) *skpActForm {
	path := textField("path", "Lokasi berkas", "", 1000)
	path.hint = "Lokasi lengkap, misalnya /home/siti/Dokumen/sk-anjab.pdf atau C:\\Dokumen\\sk-anjab.pdf."
	intro := []string{"Bukti dukung indikator " + x.Code + ": asndesk menyimpan salinan berkas beserta sidik SHA-256-nya. Batas " +
		skpSize(limit) + " per berkas."}
	if len(x.EvidenceHints) > 0 {
		intro = append(intro, "Bukti yang diminta: "+strings.Join(x.EvidenceHints, "; "))
	}
	intro = append(intro, "")
	a := newSKPActForm(c, "Tambah bukti berkas", intro, []*field{path})
	a.prepare = func(v map[string]string) (func(context.Context) (uint64, string, error), domain.FieldErrors) {
		p := strings.TrimSpace(v["path"])
		if p == "" {
			return nil, domain.FieldErrors{"path": "Tulis lokasi berkas bukti."}
		}
		return func(ctx context.Context) (uint64, string, error) {
			name, data, err := readBukti(p, limit)
			if err != nil {
				return 0, "", err
			}
			_, err = c.Merit.AddMeritEvidence(ctx, id, x.Code, domain.Bukti{Kind: domain.BuktiFile, Name: name, Contents: data})
			return 0, "Bukti \"" + name + "\" (" + skpSize(int64(len(data))) + ") disimpan.", err
		}, nil
	}
	return a
}

// newMeritEvidenceRefForm records a paper document as bukti: the SK's
// number and date, its title, and where the paper is archived.
func newMeritEvidenceRefForm(c *Common, id uint64, x domain.MeritIndicator) *skpActForm {
	num := textField("nomor", "Nomor dan tanggal SK", "", 300)
	num.hint = "Misalnya \"800/123/2026 tanggal 12-03-2026\"."
	title := textField("judul", "Judul dokumen", "", 300)
	title.hint = "Misalnya \"Keputusan Bupati tentang Rencana Kebutuhan ASN\"."
	loc := textField("arsip", "Lokasi arsip kertas", "", 300)
	loc.hint = "Di mana dokumen kertasnya disimpan, misalnya \"Lemari arsip Subbag Umum, map 2026\"."
	intro := []string{"Bukti dukung indikator " + x.Code + " tanpa berkas: catat dokumennya dan tempat arsip kertasnya.", ""}
	a := newSKPActForm(c, "Tambah bukti referensi", intro, []*field{num, title, loc})
	a.prepare = func(v map[string]string) (func(context.Context) (uint64, string, error), domain.FieldErrors) {
		fe := domain.FieldErrors{}
		n, t, l := strings.TrimSpace(v["nomor"]), strings.TrimSpace(v["judul"]), strings.TrimSpace(v["arsip"])
		if n == "" {
			fe["nomor"] = "Tulis nomor dan tanggal SK atau dokumen."
		}
		if t == "" {
			fe["judul"] = "Tulis judul dokumen."
		}
		if len(fe) > 0 {
			return nil, fe
		}
		ref := n
		if l != "" {
			ref += " · arsip: " + l
		}
		return func(ctx context.Context) (uint64, string, error) {
			_, err := c.Merit.AddMeritEvidence(ctx, id, x.Code, domain.Bukti{Kind: domain.BuktiReferensi, Name: t, Ref: ref})
			return 0, "Bukti \"" + t + "\" dicatat.", err
		}, nil
	}
	return a
}

// meritBuktiSource lets the SKP's "Simpan salinan" form read a merit
// evidence file: it answers BuktiFile from MeritEvidenceFile and leaves
// every other KinerjaRepo call to the embedded repo (never called there).
type meritBuktiSource struct {
	KinerjaRepo
	merit MeritRepo
	id    uint64
	code  string
}

func (s meritBuktiSource) BuktiFile(ctx context.Context, _, _, buktiID uint64) (domain.Bukti, error) {
	return s.merit.MeritEvidenceFile(ctx, s.id, s.code, buktiID)
}

// newMeritCopyForm is the SKP's Simpan salinan form (newBuktiCopyForm:
// default in the home folder, never overwriting, SHA-256 checked) over a
// merit evidence file.
func newMeritCopyForm(c *Common, id uint64, code string, b domain.Bukti) *skpActForm {
	src := *c
	src.Kinerja = meritBuktiSource{KinerjaRepo: c.Kinerja, merit: c.Merit, id: id, code: code}
	a := newBuktiCopyForm(&src, 0, 0, b)
	a.base = newBase(c) // route its results through the real Common
	return a
}

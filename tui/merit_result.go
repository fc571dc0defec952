package tui

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// --- Verifikasi ---

// meritVerifyTab shows the self and the verified level of every
// indicator side by side; in the Verifikasi stage a verifikator (or
// Pimpinan, Admin) sets the verified level and note with Enter.
type meritVerifyTab struct {
	h      *meritHost
	rows   []int // indicator index per item
	lines  []planLine
	built  *domain.MeritAssessment
	builtW int
	cursor int
	top    int
	ht     int
}

func newMeritVerifyTab(h *meritHost) skpTab { return &meritVerifyTab{h: h} }

func (t *meritVerifyTab) Title() string   { return "Verifikasi" }
func (t *meritVerifyTab) Capturing() bool { return false }

func (t *meritVerifyTab) Keys() []KeyHelp {
	if t.h.can(domain.MeritVerify) == nil {
		return []KeyHelp{{"Enter", "Verifikasi indikator"}}
	}
	return []KeyHelp{{"↑↓", "Pilih"}}
}

// meritAnyVerified reports whether any indicator has a verified level.
func meritAnyVerified(a *domain.MeritAssessment) bool {
	for _, ans := range a.Answers {
		if ans.VerifiedLevel > 0 {
			return true
		}
	}
	return false
}

func (t *meritVerifyTab) build(w int) {
	a, in := t.h.a, t.h.in
	if a == nil || (t.built == a && t.builtW == w) {
		return
	}
	t.built, t.builtW = a, w
	st := &t.h.c.Styles
	t.rows, t.lines = t.rows[:0], t.lines[:0]
	add := func(text string, style *lipgloss.Style, item int, head bool) {
		t.lines = append(t.lines, planLine{text: clip(text, max(1, w-2)), style: style, item: item, head: head})
	}
	self, ver := domain.Score(*in, *a, false), verifiedResult(*in, *a)
	verText := "belum diverifikasi"
	if meritAnyVerified(a) {
		verText = meritTotalText(ver)
		if !ver.Complete {
			verText = domain.FormatScore(ver.Total) + " (sementara)"
		}
	}
	selfText := meritTotalText(self)
	if !self.Complete {
		selfText = domain.FormatScore(self.Total) + " (sementara)"
	}
	add("Nilai penilaian mandiri: "+selfText+"   ·   Nilai hasil verifikasi: "+verText, &st.Title, -1, false)
	if err := t.h.can(domain.MeritVerify); err != nil {
		for _, l := range kinWrap("Hanya dapat dibaca: "+domain.ErrorMessage(err), max(20, w-4)) {
			add(l, &st.Muted, -1, false)
		}
	} else {
		add("Enter mengisi tingkat terverifikasi dan catatan indikator yang dipilih.", &st.Muted, -1, false)
	}
	lvW := 20
	noteW := max(10, (w-2-6-2*lvW-4)/2)
	add("", nil, -1, false)
	add(fit("Kode", 6)+" "+fit("Mandiri", lvW)+" "+fit("Verifikasi", lvW)+" "+fit("Catatan verifikasi", noteW)+" Indikator", &st.Label, -1, false)
	index := map[string]int{}
	for i, x := range in.Indicators {
		index[x.Code] = i
	}
	for _, asp := range in.TopAspects() {
		add(asp.Code+" "+inert(asp.Name), &st.Title, -1, false)
		for _, x := range in.AspectIndicators(asp.Code) {
			ans := a.Answers[x.Code]
			mark := ""
			if ans.VerifiedLevel > 0 && ans.Level > 0 && ans.VerifiedLevel != ans.Level {
				if ans.VerifiedLevel < ans.Level {
					mark = " ↓"
				} else {
					mark = " ↑"
				}
			}
			t.rows = append(t.rows, index[x.Code])
			add(fit(x.Code, 6)+" "+fit(meritLevelText(*in, ans.Level), lvW)+" "+fit(meritLevelText(*in, ans.VerifiedLevel)+mark, lvW)+" "+
				fit(ans.VerifierNote, noteW)+" "+inert(x.Text), nil, len(t.rows)-1, true)
		}
	}
	t.cursor = max(0, min(t.cursor, len(t.rows)-1))
}

func (t *meritVerifyTab) reveal() {
	if len(t.rows) == 0 {
		t.top = 0
		return
	}
	line := 0
	for i, l := range t.lines {
		if l.head && l.item == t.cursor {
			line = i
		}
	}
	revealLine(&t.top, line, t.cursor, t.ht, len(t.lines))
}

func (t *meritVerifyTab) move(d int) {
	t.cursor = max(0, min(len(t.rows)-1, t.cursor+d))
	t.reveal()
}

func (t *meritVerifyTab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case meritReloadedMsg:
		t.built = nil
	case tea.KeyMsg:
		if t.h.a == nil {
			return nil
		}
		t.build(t.builtW)
		if listKeys(msg.String(), max(1, t.ht), len(t.rows), t.move) {
			return nil
		}
		if msg.String() == "enter" {
			return t.open()
		}
	case tea.MouseMsg:
		return lineMouse(msg, t.lines, &t.top, &t.cursor, max(1, t.ht), t.open)
	}
	return nil
}

func (t *meritVerifyTab) open() tea.Cmd {
	if t.cursor >= len(t.rows) {
		return nil
	}
	if err := t.h.can(domain.MeritVerify); err != nil {
		return failure(err)
	}
	x := t.h.in.Indicators[t.rows[t.cursor]]
	return push(newMeritAnswerForm(t.h.c, *t.h.in, t.h.a.ID, x, t.h.a.Answers[x.Code], true))
}

func (t *meritVerifyTab) View(w, h int) string {
	if t.h.a == nil {
		return ""
	}
	t.build(w)
	t.ht = h
	t.reveal()
	return drawDoc(&t.h.c.Styles, planDoc{lines: t.lines}, t.top, h, w, t.cursor)
}

// --- Hasil ---

// meritResultTab is the result: self and verified totals side by side,
// category and its consequence, index band and computed index, the
// composite with the survey value, per-aspect bars, and the 5 weakest
// indicators.
type meritResultTab struct {
	h   *meritHost
	top int
	ht  int
	n   int
}

func newMeritResultTab(h *meritHost) skpTab { return &meritResultTab{h: h} }

func (t *meritResultTab) Title() string   { return "Hasil" }
func (t *meritResultTab) Capturing() bool { return false }

func (t *meritResultTab) surveyErr() error {
	if t.h.in == nil || t.h.in.Score.Composite == nil {
		return domain.Errorf(domain.EINVALID, "Instrumen ini tidak memakai nilai survei.")
	}
	if _, ok := t.h.c.Merit.(meritSurveySaver); !ok {
		return domain.Errorf(domain.EINVALID, "Nilai survei belum dapat diubah dari asndesk versi ini.")
	}
	return t.h.can(domain.MeritAdvance)
}

func (t *meritResultTab) Keys() []KeyHelp {
	keys := []KeyHelp{{"↑↓", "Gulir"}}
	if t.surveyErr() == nil {
		keys = append(keys, KeyHelp{"F5", "Nilai survei"})
	}
	return keys
}

func (t *meritResultTab) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch msg.String() {
		case "up":
			t.top--
		case "down":
			t.top++
		case "pgup":
			t.top -= max(1, t.ht-1)
		case "pgdown":
			t.top += max(1, t.ht-1)
		case "home":
			t.top = 0
		case "end":
			t.top = t.n
		case "f5":
			if err := t.surveyErr(); err != nil {
				return failure(err)
			}
			return push(newMeritSurveyForm(t.h.c, *t.h.in, *t.h.a))
		}
		t.top = max(0, min(t.top, t.n-t.ht))
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				t.top = max(0, t.top-3)
			case tea.MouseButtonWheelDown:
				t.top = max(0, min(t.top+3, t.n-t.ht))
			}
		}
	}
	return nil
}

// meritResultLines lays out a result (self and verified) of an assessment;
// shared with the Gabungan unit view.
func meritResultLines(st *Styles, in domain.Instrument, a *domain.MeritAssessment, w int) []string {
	self, ver := domain.Score(in, *a, false), verifiedResult(in, *a)
	verified := meritAnyVerified(a)
	var out []string
	colW := max(18, min(30, (w-26)/2))
	row := func(label, l, r string) {
		out = append(out, clip(st.Label.Render(fit(label, 24))+" "+fit(l, colW)+" "+fit(r, colW), w))
	}
	dash := func(s string) string {
		if s == "" {
			return "—"
		}
		return s
	}
	total := func(r domain.MeritResult, on bool) string {
		if !on {
			return "belum diverifikasi"
		}
		s := domain.FormatScore(r.Total)
		if !r.Complete {
			s += " (sementara: " + itoa(r.Answered) + "/" + itoa(r.Indicators) + ")"
		}
		return s
	}
	out = append(out, st.Section.Render("Nilai"))
	out = append(out, clip(strings.Repeat(" ", 25)+st.TableHeader.Render(fit("Penilaian mandiri", colW)+" "+fit("Hasil verifikasi", colW)), w))
	row("Nilai total", total(self, true), total(ver, verified))
	if c := in.Score.Composite; c != nil {
		row("Nilai komposit", domain.FormatScore(self.Composite), map[bool]string{true: domain.FormatScore(ver.Composite), false: "—"}[verified])
		out = append(out, st.Muted.Render(clip("  = "+domain.FormatScore(c.SelfPercent)+"% × nilai total + "+domain.FormatScore(c.SurveyPercent)+
			"% × "+inert(c.SurveyLabel)+" ("+domain.FormatScore(a.Survey)+")", w)))
	}
	cat := func(r domain.MeritResult, on bool) string {
		if !on || !r.Complete {
			return "—"
		}
		return dash(r.CategoryText())
	}
	row("Kategori", cat(self, true), cat(ver, verified))
	band := func(r domain.MeritResult, on bool) string {
		if !on || !r.Complete || !r.HasCat {
			return "—"
		}
		return dash(r.Category.IndexBand)
	}
	row("Pita indeks", band(self, true), band(ver, verified))
	if in.Index.Formula != "" && in.Index.Formula != "none" {
		idx := func(r domain.MeritResult, on bool) string {
			if !on || !r.Complete || !r.HasIndex {
				return "—"
			}
			return domain.FormatScore(r.Index)
		}
		row("Indeks ("+in.Index.Formula+")", idx(self, true), idx(ver, verified))
	}
	if a.ReportedIndex != "" {
		row("Indeks dilaporkan", "", inert(a.ReportedIndex))
	}
	final := self
	if verified {
		final = ver
	}
	if final.Complete && final.HasCat && strings.TrimSpace(final.Category.Consequence) != "" {
		out = append(out, "")
		text := "Konsekuensi kategori " + final.CategoryText() + ": " + dash(strings.TrimSpace(final.Category.Consequence))
		if !strings.HasSuffix(text, ".") {
			text += "."
		}
		if n := final.Category.EvaluateEveryYears; n == 1 {
			text += " Dievaluasi setiap tahun."
		} else if n > 1 {
			text += " Dievaluasi " + strconv.Itoa(n) + " tahun sekali."
		}
		for _, l := range kinWrap(text, max(20, w)) {
			out = append(out, l)
		}
	} else if !self.Complete {
		out = append(out, "", st.Muted.Render(clip("Kategori ditetapkan setelah semua indikator dijawab.", w)))
	}
	// Per aspect.
	out = append(out, "", st.Section.Render("Per aspek"))
	lo, hi := meritLevelRange(in)
	barW := max(10, min(30, w-40))
	for i, asp := range self.Aspects {
		out = append(out, clip(asp.Code+" "+inert(asp.Name)+"  "+st.Muted.Render(itoa(asp.Answered)+"/"+itoa(asp.Total)+" dijawab"), w))
		val := func(r domain.AspectResult) string {
			if r.Answered == 0 {
				return "—"
			}
			return domain.FormatScore(r.Score)
		}
		out = append(out, clip("   "+fit("mandiri", 11)+" "+st.Title.Render(meritBar(asp.Score, lo, hi, barW))+" "+val(asp), w))
		if verified && i < len(ver.Aspects) {
			v := ver.Aspects[i]
			out = append(out, clip("   "+fit("verifikasi", 11)+" "+meritBar(v.Score, lo, hi, barW)+" "+val(v), w))
		}
	}
	// Weakest.
	type weak struct {
		x  domain.MeritIndicator
		lv float64
	}
	var ws []weak
	for _, x := range in.Indicators {
		if l := meritIndicatorLevel(a, x.Code, true); l > 0 {
			ws = append(ws, weak{x, l})
		}
	}
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].lv < ws[j].lv })
	out = append(out, "", st.Section.Render("5 indikator terlemah"))
	if len(ws) == 0 {
		out = append(out, st.Muted.Render("Belum ada indikator yang dijawab."))
	}
	for i, x := range ws {
		if i == 5 {
			break
		}
		out = append(out, clip(fit(x.x.Code, 6)+" "+fit(meritLevelText(in, x.lv), 20)+" "+inert(x.x.Text), w))
	}
	return out
}

func (t *meritResultTab) View(w, h int) string {
	if t.h.a == nil {
		return ""
	}
	var lines []string
	if n := meritNoticeText(*t.h.in); n != "" && meritNoticeShort(*t.h.in) != n {
		lines = append(meritBanner(&t.h.c.Styles, n, w), "")
	}
	lines = append(lines, meritResultLines(&t.h.c.Styles, *t.h.in, t.h.a, w)...)
	t.n, t.ht = len(lines), h
	t.top = max(0, min(t.top, len(lines)-h))
	end := min(len(lines), t.top+h)
	return strings.Join(lines[t.top:end], "\n")
}

// newMeritSurveyForm sets the composite's survey value (0–1).
func newMeritSurveyForm(c *Common, in domain.Instrument, a domain.MeritAssessment) *skpActForm {
	label := "Nilai survei"
	if in.Score.Composite != nil && in.Score.Composite.SurveyLabel != "" {
		label = in.Score.Composite.SurveyLabel
	}
	v := textField("survei", "Nilai survei (0–1)", strings.Replace(domain.FormatScore(a.Survey), ".", ",", 1), 10)
	v.hint = "Hasil " + label + " sebagai angka 0 sampai 1, misalnya 0,72."
	f := newSKPActForm(c, "Nilai survei", []string{label + " untuk nilai komposit.", ""}, []*field{v})
	id := a.ID
	f.prepare = func(vals map[string]string) (func(context.Context) (uint64, string, error), domain.FieldErrors) {
		s := strings.Replace(strings.TrimSpace(vals["survei"]), ",", ".", 1)
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || x < 0 || x > 1 {
			return nil, domain.FieldErrors{"survei": "Tulis angka 0 sampai 1, misalnya 0,72."}
		}
		return func(ctx context.Context) (uint64, string, error) {
			sv, ok := c.Merit.(meritSurveySaver)
			if !ok {
				return 0, "", domain.Errorf(domain.EINVALID, "Nilai survei belum dapat diubah dari asndesk versi ini.")
			}
			return 0, "Nilai survei disimpan.", sv.SaveMeritSurvey(ctx, id, x)
		}, nil
	}
	return f
}

// verifiedResult is the verified score as the Hasil tab shows it: final
// only once every indicator is verified, else provisional with the count
// of verified indicators (unverified ones stand at their self level).
func verifiedResult(in domain.Instrument, a domain.MeritAssessment) domain.MeritResult {
	r := domain.Score(in, a, true)
	r.Complete = r.Complete && r.Verified == r.Indicators
	r.Answered = r.Verified
	return r
}

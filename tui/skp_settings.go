package tui

import (
	"context"
	"strconv"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// skpSettingsForm is Pengaturan SKP (Admin): the periodic evaluation
// frequency (K8), the size limit of a bukti file, and the mapping of a
// unit's predikat to its head's rating hasil kerja (K5). Others read it.
type skpSettingsForm struct {
	base
	set    domain.SKPSettings
	form   *form
	loaded bool
	busy   bool
}

func newSKPSettingsScreen(c *Common) Screen { return &skpSettingsForm{base: newBase(c)} }

func (s *skpSettingsForm) Title() string { return "Pengaturan SKP" }

func (s *skpSettingsForm) admin() bool { return s.c.can(domain.CanManageOffice) }

func (s *skpSettingsForm) Capturing() bool { return s.loaded && s.admin() }
func (s *skpSettingsForm) Dirty() bool     { return s.loaded && s.form.changed() }
func (s *skpSettingsForm) SetSize(w, h int) {
	s.base.SetSize(w, h)
	if s.form != nil {
		s.form.setSize(w, min(h-2, 20))
	}
}

func (s *skpSettingsForm) Keys() []KeyHelp {
	if !s.admin() {
		return nil
	}
	return []KeyHelp{{"Tab", "Pindah"}, {"←/→", "Ganti"}, {"Ctrl+S", "Simpan"}}
}

type skpSetLoadedMsg struct {
	set domain.SKPSettings
	err error
}

type skpSetSavedMsg struct{ err error }

func (s *skpSettingsForm) Init() tea.Cmd {
	repo := s.c.Kinerja
	return s.cmd(func(ctx context.Context) tea.Msg {
		set, err := repo.SKPSettings(ctx)
		return skpSetLoadedMsg{set, err}
	})
}

var kinFreqs = []domain.Frequency{domain.Triwulanan, domain.Bulanan}

// kinMB shows bytes as megabytes with a comma ("5", "2,5").
func kinMB(n int64) string {
	if n <= 0 {
		return ""
	}
	s := strconv.FormatFloat(float64(n)/(1<<20), 'f', -1, 64)
	return strings.Replace(s, ".", ",", 1)
}

func (s *skpSettingsForm) build() {
	freq := choiceField("frekuensi", "Evaluasi periodik", []string{domain.Triwulanan.Label(), domain.Bulanan.Label()},
		max(0, indexOf(kinFreqs, s.set.Frequency)))
	freq.hint = "Triwulanan (Triwulan I–IV) atau Bulanan; bawaan Triwulanan."
	size := textField("bukti", "Ukuran maks. bukti (MB)", kinMB(s.set.BuktiMaxSize), 6)
	size.hint = "Batas ukuran satu berkas bukti dukung; bawaan 5 MB."
	round := choiceField("pembulatan", "Pembulatan pola", roundingLabels, boolIndex(s.set.RoundNearest))
	round.hint = "Pembulatan pola distribusi predikat (batas orang dari persentase)."
	fields := []*field{freq, size, round}
	for i, o := range domain.OrgPredikats() {
		f := choiceField("head_"+string(o), o.Label(), kinRatingLabels(), indexOf(domain.Ratings(), domain.HeadRating(s.set, o)))
		if i == 0 {
			f.section = "Rating hasil kerja kepala unit menurut predikat organisasi"
		}
		f.hint = "Capaian unit menjadi rating hasil kerja kepalanya (keputusan K5; dapat diubah)."
		fields = append(fields, f)
	}
	s.form = newForm(&s.c.Styles, fields)
	s.form.setSize(s.w, min(s.h-2, 20))
	s.form.snapshot()
}

// read turns the form into settings; field errors for what is not valid.
func (s *skpSettingsForm) read() (domain.SKPSettings, bool) {
	f := s.form
	f.errors = map[string]string{}
	set := domain.SKPSettings{HeadRating: map[domain.OrgPredikat]domain.Rating{}}
	set.Frequency = kinFreqs[max(0, f.get("frekuensi").choice)]
	set.RoundNearest = f.get("pembulatan").choice == 1
	v := strings.Replace(strings.TrimSpace(f.get("bukti").value()), ",", ".", 1)
	mb, err := strconv.ParseFloat(v, 64)
	if err != nil || mb <= 0 || mb > 1024 {
		f.errors["bukti"] = "Isi ukuran dalam MB antara 0,1 dan 1024, misalnya 5."
	} else {
		set.BuktiMaxSize = int64(mb * (1 << 20))
	}
	for _, o := range domain.OrgPredikats() {
		if i := f.get("head_" + string(o)).choice; i >= 0 {
			set.HeadRating[o] = domain.Ratings()[i]
		} else {
			f.errors["head_"+string(o)] = "Pilih rating hasil kerja."
		}
	}
	return set, len(f.errors) == 0
}

func (s *skpSettingsForm) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case skpSetLoadedMsg:
		if msg.err != nil {
			return failure(msg.err)
		}
		s.set, s.loaded = msg.set, true
		s.build()
		return nil
	case skpSetSavedMsg:
		s.busy, s.form.saving = false, false
		if msg.err != nil {
			return failure(msg.err)
		}
		s.form.snapshot()
		return info("Pengaturan SKP disimpan.")
	}
	if !s.loaded || !s.admin() {
		return nil
	}
	switch s.form.update(msg) {
	case formChanged:
		if s.form.showAll {
			s.read()
		}
	case formCancel:
		return pop(nil)
	case formSubmit:
		if s.busy {
			return nil
		}
		s.form.showAll = true
		set, ok := s.read()
		if !ok {
			return failure(domain.Errorf(domain.EINVALID, "Belum dapat disimpan: perbaiki isian yang bertanda ✗."))
		}
		s.busy, s.form.saving = true, true
		repo := s.c.Kinerja
		return s.cmd(func(ctx context.Context) tea.Msg { return skpSetSavedMsg{repo.SaveSKPSettings(ctx, set)} })
	}
	return nil
}

func (s *skpSettingsForm) View() string {
	st := &s.c.Styles
	if !s.loaded {
		return st.Muted.Render("Memuat…")
	}
	if !s.admin() {
		lines := []string{st.Muted.Render(clip("Hanya Admin yang dapat mengubah pengaturan SKP.", s.w)), "",
			"Evaluasi periodik        " + s.set.Frequency.Label(),
			"Ukuran maks. bukti (MB)  " + kinMB(s.set.BuktiMaxSize),
			"Pembulatan pola          " + roundingLabels[boolIndex(s.set.RoundNearest)], "",
			st.Section.Render("Rating hasil kerja kepala unit menurut predikat organisasi")}
		for _, o := range domain.OrgPredikats() {
			lines = append(lines, fit(o.Label(), 25)+domain.HeadRating(s.set, o).String())
		}
		return strings.Join(lines, "\n")
	}
	return st.Muted.Render(clip("Berlaku untuk seluruh kantor; evaluasi yang sudah ada tetap dengan periodenya.", s.w)) + "\n\n" + s.form.view()
}

// roundingLabels are the choices of SKPSettings.RoundNearest (K4's
// default first).
var roundingLabels = []string{"Maksimum ke bawah, minimum ke atas (bawaan)", "Ke orang terdekat"}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

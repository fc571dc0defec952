package tui

import (
	"context"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// matrixScreen is a penilai's Matriks: under each of the penilai's RHK
// the subordinates' RHK that intervene it, then the subordinates' RHK
// linked only by typed text that matches none of them, then the
// subordinates whose SKP intervenes none (domain.BuildMatrix).
type matrixScreen struct {
	base
	penilaiID uint64
	year      int
	own       domain.SKP
	nodes     []domain.MatrixNode
	unlinked  []domain.MatrixChild
	without   []domain.SKP
	subs      int
	loaded    bool
	err       error
	req       int
	body      []string // the laid-out lines, rebuilt on load and resize
	builtW    int
	top       int
}

func newMatrixScreen(c *Common, penilaiEmpID uint64, year int) Screen {
	return &matrixScreen{base: newBase(c), penilaiID: penilaiEmpID, year: year}
}

func (s *matrixScreen) Title() string {
	name := ""
	if r, ok := s.c.Row(s.penilaiID); ok {
		name = " · " + inert(r.Nama)
	} else if s.own.Pegawai.Nama != "" {
		name = " · " + inert(s.own.Pegawai.Nama)
	}
	return "Matriks kinerja " + itoa(s.year) + name
}

func (s *matrixScreen) Keys() []KeyHelp {
	return []KeyHelp{{"↑↓ PgUp PgDn", "Gulir"}, {"←→", "Tahun"}}
}

type mtxLoadedMsg struct {
	req  int
	own  domain.SKP
	subs []domain.SKP
	err  error
}

func (s *matrixScreen) load() tea.Cmd {
	s.req++
	req, id, year, repo := s.req, s.penilaiID, s.year, s.c.Kinerja
	return s.cmd(func(ctx context.Context) tea.Msg {
		own, subs, err := repo.MatrixSKPs(ctx, id, year)
		return mtxLoadedMsg{req, own, subs, err}
	})
}

func (s *matrixScreen) Init() tea.Cmd { return s.load() }

func (s *matrixScreen) page() int { return max(1, s.h-1) }

func (s *matrixScreen) scrollBy(d int) {
	s.top = max(0, min(s.top+d, len(s.body)-s.page()))
}

func (s *matrixScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case mtxLoadedMsg:
		if msg.req != s.req {
			return nil
		}
		s.loaded = true
		if msg.err != nil {
			s.err = msg.err
			return failure(msg.err)
		}
		s.err = nil
		s.own, s.subs = msg.own, len(msg.subs)
		s.nodes, s.unlinked, s.without = domain.BuildMatrix(msg.own, msg.subs)
		s.body, s.top = nil, 0
	case dataChangedMsg:
		return s.load()
	case tea.KeyMsg:
		switch msg.String() {
		case "up":
			s.scrollBy(-1)
		case "down":
			s.scrollBy(1)
		case "pgup":
			s.scrollBy(-s.page())
		case "pgdown":
			s.scrollBy(s.page())
		case "home":
			s.top = 0
		case "end":
			s.scrollBy(len(s.body))
		case "left", "-":
			s.year--
			return s.load()
		case "right", "+", "=":
			s.year++
			return s.load()
		}
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				s.scrollBy(-3)
			case tea.MouseButtonWheelDown:
				s.scrollBy(3)
			}
		}
	}
	return nil
}

// build lays the matrix out for width w.
func (s *matrixScreen) build(w int) {
	st := &s.c.Styles
	var out []string
	add := func(prefix, text string, style func(...string) string) {
		for i, l := range kinWrap(text, w-width(prefix)) {
			p := prefix
			if i > 0 {
				p = strings.Repeat(" ", width(prefix))
			}
			if style != nil {
				l = style(l)
			}
			out = append(out, p+l)
		}
	}
	if s.own.ID == 0 {
		out = append(out, st.FieldWarning.Render(clip("Penilai belum punya SKP "+itoa(s.year)+" di asndesk: RHK bawahan hanya dapat dihubungkan dengan teks.", w)))
	}
	out = append(out, st.Muted.Render(clip(itoa(len(s.own.RHK))+" RHK penilai · "+itoa(s.subs)+" SKP bawahan", w)), "")
	for i, n := range s.nodes {
		add("RHK "+itoa(i+1)+" ("+n.RHK.Kategori.String()+"): ", n.RHK.Text, st.Title.Render)
		if len(n.Children) == 0 {
			out = append(out, st.Muted.Render("    (belum ada RHK bawahan yang mengintervensi)"))
		}
		for _, c := range n.Children {
			add("    └ "+inert(c.Nama)+": ", c.RHK.Text, nil)
		}
		out = append(out, "")
	}
	out = append(out, st.Section.Render(clip("Dihubungkan dengan teks saja (tidak cocok dengan RHK penilai)", w)))
	if len(s.unlinked) == 0 {
		out = append(out, st.Muted.Render("  Tidak ada."))
	}
	for _, c := range s.unlinked {
		add("  • "+inert(c.Nama)+": ", c.RHK.Text+" → mengintervensi \""+c.RHK.Intervensi+"\"", nil)
	}
	out = append(out, "", st.Section.Render(clip("Bawahan yang SKP-nya belum mengintervensi RHK penilai", w)))
	if len(s.without) == 0 {
		out = append(out, st.Muted.Render("  Tidak ada."))
	}
	for _, sk := range s.without {
		note := sk.Status.String() + ", " + itoa(len(sk.RHK)) + " RHK"
		add("  • ", sk.Pegawai.Nama+" ("+note+")", nil)
	}
	s.body, s.builtW = out, w
}

func (s *matrixScreen) View() string {
	st := &s.c.Styles
	if s.err != nil {
		return st.StatusError.Render(domain.ErrorMessage(s.err))
	}
	if !s.loaded {
		return st.Muted.Render("Memuat…")
	}
	if s.body == nil || s.builtW != s.w {
		s.build(s.w)
	}
	s.scrollBy(0)
	end := min(len(s.body), s.top+s.page())
	lines := append([]string(nil), s.body[s.top:end]...)
	if end < len(s.body) {
		lines = append(lines, st.Muted.Render("  ↓ masih ada di bawah (PgDn)"))
	}
	return strings.Join(lines, "\n")
}

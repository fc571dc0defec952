package tui

import tea "github.com/charmbracelet/bubbletea"

// buttons is a vertical list of large buttons (welcome, Beranda): arrows or
// Tab move, Enter or a click activates.
type buttons struct {
	labels []string
	focus  int
	top    int // line of the first button in the host's view, set by the host
}

func (b *buttons) key(k tea.KeyMsg) (int, bool) {
	switch k.String() {
	case "up", "shift+tab", "left":
		b.focus = (b.focus + len(b.labels) - 1) % len(b.labels)
	case "down", "tab", "right":
		b.focus = (b.focus + 1) % len(b.labels)
	case "enter", " ":
		return b.focus, true
	}
	return 0, false
}

// Each button takes two lines: the button and a gap.
func (b *buttons) mouse(m tea.MouseMsg) (int, bool) {
	if m.Action != tea.MouseActionPress || m.Button != tea.MouseButtonLeft {
		return 0, false
	}
	i := (m.Y - b.top)
	if i < 0 || i%2 != 0 || i/2 >= len(b.labels) {
		return 0, false
	}
	if m.X < 2 || m.X >= 2+width(b.labels[i/2])+6 {
		return 0, false
	}
	b.focus = i / 2
	return i / 2, true
}

func (b *buttons) view(st *Styles) []string {
	var out []string
	for i, l := range b.labels {
		style := st.Button
		marker := "  "
		if i == b.focus {
			style = st.ButtonFocused
			marker = "› "
		}
		out = append(out, marker+style.Render("[ "+l+" ]"), "")
	}
	return out
}

package tui

import (
	"math"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

type dialogKind int

const (
	dialogConfirm dialogKind = iota
	dialogMessage
	dialogChoose
)

// dialog is the one overlay that can sit above the screen stack: a Ya/Tidak
// confirmation carrying the Cmd to run, a message, or a chooser with a
// filter. It gets every key and click first.
type dialog struct {
	kind    dialogKind
	title   string
	text    string
	buttons []string
	focus   int
	onYes   tea.Cmd
	onNo    tea.Cmd

	// chooser
	options  []string
	matches  []int
	cursor   int
	offset   int
	filter   textinput.Model
	onChoose func(i int) tea.Cmd

	st   *Styles
	hits []hit // clickable areas of the last render, relative to the box
}

// hit is a clickable rectangle of one line.
type hit struct {
	y, x0, x1 int
	action    int
}

func confirmDialog(st *Styles, title, text, yes, no string, onYes, onNo tea.Cmd) *dialog {
	return &dialog{kind: dialogConfirm, title: title, text: text, buttons: []string{yes, no}, onYes: onYes, onNo: onNo, st: st, focus: 1}
}

func messageDialog(st *Styles, title, text string) *dialog {
	return &dialog{kind: dialogMessage, title: title, text: text, buttons: []string{"OK"}, st: st}
}

func chooseDialog(st *Styles, title string, options []string, current int, onChoose func(int) tea.Cmd) *dialog {
	ti := textinput.New()
	ti.Prompt = "Cari: "
	ti.Placeholder = "ketik untuk menyaring"
	ti.Focus()
	d := &dialog{kind: dialogChoose, title: title, options: options, filter: ti, onChoose: onChoose, st: st}
	d.refilter()
	for i, m := range d.matches {
		if m == current {
			d.cursor = i
		}
	}
	return d
}

const chooseRows = 10

func (d *dialog) refilter() {
	q := strings.ToLower(strings.TrimSpace(d.filter.Value()))
	d.matches = d.matches[:0]
	for i, o := range d.options {
		if q == "" || strings.Contains(strings.ToLower(o), q) {
			d.matches = append(d.matches, i)
		}
	}
	if d.cursor >= len(d.matches) {
		d.cursor = max(0, len(d.matches)-1)
	}
	d.offset = 0
}

func (d *dialog) capturing() bool { return d.kind == dialogChoose }

// update handles a message; done=true closes the dialog, and cmd runs after.
func (d *dialog) update(msg tea.Msg, screenW, screenH int) (done bool, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return d.key(msg)
	case tea.MouseMsg:
		return d.mouse(msg, screenW, screenH)
	}
	return false, nil
}

func (d *dialog) activate(i int) (bool, tea.Cmd) {
	switch d.kind {
	case dialogConfirm:
		if i == 0 {
			return true, d.onYes
		}
		return true, d.onNo
	case dialogMessage:
		return true, nil
	}
	if i >= 0 && i < len(d.matches) && d.onChoose != nil {
		return true, d.onChoose(d.matches[i])
	}
	return false, nil
}

func (d *dialog) key(k tea.KeyMsg) (bool, tea.Cmd) {
	if d.kind == dialogChoose {
		switch k.String() {
		case "esc":
			return true, nil
		case "enter":
			return d.activate(d.cursor)
		case "up":
			d.move(-1)
		case "down":
			d.move(1)
		case "pgup":
			d.move(-chooseRows)
		case "pgdown":
			d.move(chooseRows)
		default:
			before := d.filter.Value()
			d.filter, _ = d.filter.Update(k)
			if d.filter.Value() != before {
				d.refilter()
			}
		}
		return false, nil
	}
	switch k.String() {
	case "esc":
		if d.kind == dialogConfirm {
			return true, d.onNo
		}
		return true, nil
	// The arrows stop at the ends: "Tidak" is the safe default of a
	// confirmation, and Right must never wrap round to "Ya".
	case "left":
		d.focus = max(0, d.focus-1)
	case "right":
		d.focus = min(len(d.buttons)-1, d.focus+1)
	case "shift+tab":
		d.focus = (d.focus + len(d.buttons) - 1) % len(d.buttons)
	case "tab":
		d.focus = (d.focus + 1) % len(d.buttons)
	case "enter", " ":
		return d.activate(d.focus)
	case "y", "Y":
		if d.kind == dialogConfirm {
			return d.activate(0)
		}
	case "n", "N", "t", "T":
		if d.kind == dialogConfirm {
			return d.activate(1)
		}
	}
	return false, nil
}

func (d *dialog) move(n int) {
	d.cursor = max(0, min(len(d.matches)-1, d.cursor+n))
	if d.cursor < d.offset {
		d.offset = d.cursor
	}
	if d.cursor >= d.offset+chooseRows {
		d.offset = d.cursor - chooseRows + 1
	}
}

// origin is where lipgloss.Place puts the box: the same arithmetic, so that
// clicks land on what was drawn.
func origin(boxW, boxH, w, h int) (int, int) {
	gx, gy := max(0, w-boxW), max(0, h-boxH)
	return gx - int(math.Round(float64(gx)*0.5)), gy - int(math.Round(float64(gy)*0.5))
}

func (d *dialog) mouse(m tea.MouseMsg, w, h int) (bool, tea.Cmd) {
	box := d.view(w)
	x0, y0 := origin(lipgloss.Width(box), lipgloss.Height(box), w, h)
	if d.kind == dialogChoose && m.Action == tea.MouseActionPress {
		switch m.Button {
		case tea.MouseButtonWheelUp:
			d.move(-1)
			return false, nil
		case tea.MouseButtonWheelDown:
			d.move(1)
			return false, nil
		}
	}
	if m.Action != tea.MouseActionRelease && !(m.Action == tea.MouseActionPress && m.Button == tea.MouseButtonLeft) {
		return false, nil
	}
	if m.Action == tea.MouseActionRelease {
		return false, nil
	}
	x, y := m.X-x0, m.Y-y0
	for _, h := range d.hits {
		if y == h.y && x >= h.x0 && x < h.x1 {
			if d.kind == dialogChoose {
				d.cursor = h.action
			}
			return d.activate(h.action)
		}
	}
	return false, nil
}

// frame offsets of the dialog style: border + padding.
const dialogPadX, dialogPadY = 3, 2

// view renders the box and records the clickable areas.
func (d *dialog) view(screenW int) string {
	st := d.st
	inner := min(64, max(30, screenW-10))
	var lines []string
	lines = append(lines, st.DialogTitle.Render(clip(d.title, inner)), "")
	d.hits = d.hits[:0]
	switch d.kind {
	case dialogChoose:
		d.filter.Width = inner - 7
		lines = append(lines, clip(d.filter.View(), inner), "")
		if len(d.matches) == 0 {
			lines = append(lines, st.Muted.Render("Tidak ada yang cocok."))
		}
		end := min(len(d.matches), d.offset+chooseRows)
		for i := d.offset; i < end; i++ {
			label := fit(d.options[d.matches[i]], inner-2)
			if i == d.cursor {
				label = st.RowSelected.Render("› " + label)
			} else {
				label = "  " + label
			}
			d.hits = append(d.hits, hit{y: len(lines) + dialogPadY, x0: dialogPadX, x1: dialogPadX + inner, action: i})
			lines = append(lines, label)
		}
		for i := end - d.offset; i < chooseRows; i++ {
			lines = append(lines, "")
		}
		lines = append(lines, "", st.Muted.Render(clip("↑↓ pilih · Enter ambil · Esc batal · "+itoa(len(d.matches))+" pilihan", inner)))
	default:
		for _, src := range strings.Split(d.text, "\n") {
			lines = append(lines, hangWrap(src, inner)...)
		}
		lines = append(lines, "")
		var row strings.Builder
		x := 0
		for i, b := range d.buttons {
			label := "[ " + b + " ]"
			style := st.Button
			if i == d.focus {
				style = st.ButtonFocused
			}
			if i > 0 {
				row.WriteString("  ")
				x += 2
			}
			d.hits = append(d.hits, hit{y: len(lines) + dialogPadY, x0: dialogPadX + x, x1: dialogPadX + x + width(label), action: i})
			row.WriteString(style.Render(label))
			x += width(label)
		}
		lines = append(lines, row.String())
	}
	return st.Dialog.Width(inner + 4).Render(strings.Join(lines, "\n"))
}

// overlay draws box centred over bg (both w×h blocks of lines), keeping the
// background visible around it.
func overlay(bg, box string, w, h int) string {
	bw, bh := lipgloss.Width(box), lipgloss.Height(box)
	x0, y0 := origin(bw, bh, w, h)
	bgLines := strings.Split(bg, "\n")
	for len(bgLines) < h {
		bgLines = append(bgLines, "")
	}
	for i, l := range strings.Split(box, "\n") {
		y := y0 + i
		if y < 0 || y >= len(bgLines) {
			continue
		}
		base := bgLines[y]
		left := ansi.Truncate(base, x0, "")
		if pad := x0 - ansi.StringWidth(left); pad > 0 {
			left += strings.Repeat(" ", pad)
		}
		right := ansi.TruncateLeft(base, x0+bw, "")
		if strings.Contains(left, "\x1b") {
			left += "\x1b[0m" // close any style cut open at the box edge
		}
		bgLines[y] = left + l + right
	}
	return strings.Join(bgLines, "\n")
}

// keys are the dialog's keys for the footer.
func (d *dialog) keys() []KeyHelp {
	switch d.kind {
	case dialogChoose:
		return []KeyHelp{{"↑↓", "Pilih"}, {"Enter", "Ambil"}, {"Esc", "Batal"}}
	case dialogConfirm:
		return []KeyHelp{{"←→", "Pilih tombol"}, {"Enter", "Jalankan"}, {"Y", d.buttons[0]}, {"T/Esc", d.buttons[1]}}
	}
	return []KeyHelp{{"Enter/Esc", "Tutup"}}
}

// hangWrap wraps one line of dialog text so that its continuation lines
// start under its text: under the description of a "  F9    menu: …" help
// line, under the first word of an indented line.
func hangWrap(src string, w int) []string {
	body := strings.TrimLeft(src, " ")
	indent := len(src) - len(body)
	if k := strings.Index(body, "  "); indent > 0 && k > 0 {
		rest := strings.TrimLeft(body[k:], " ")
		indent += width(body[:len(body)-len(rest)])
	}
	if indent >= w/2 {
		indent = 0
	}
	wrapped := strings.Split(ansi.Wordwrap(src, w, " "), "\n")
	if len(wrapped) == 1 || indent == 0 {
		out := make([]string, len(wrapped))
		for i, l := range wrapped {
			out[i] = clip(l, w)
		}
		return out
	}
	first := strings.Split(ansi.Wordwrap(src, w, " "), "\n")[0]
	rest := strings.TrimPrefix(src, first)
	pad := strings.Repeat(" ", indent)
	out := []string{clip(first, w)}
	for _, l := range strings.Split(ansi.Wordwrap(strings.TrimLeft(rest, " "), w-indent, " "), "\n") {
		out = append(out, clip(pad+l, w))
	}
	return out
}

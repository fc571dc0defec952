package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

type fieldKind int

const (
	fieldText fieldKind = iota
	fieldChoice
)

// field is one row of a form: a text input, or a choice among options
// (←/→ cycles; long lists open a chooser dialog with a filter on Enter).
type field struct {
	key     string
	label   string
	section string // heading drawn above this field
	kind    fieldKind
	input   textinput.Model
	options []string
	choice  int // -1: nothing chosen
	chooser bool
	hidden  func() bool
	hint    string
}

func (f *field) visible() bool { return f.hidden == nil || !f.hidden() }

// value is the text typed, or the chosen option's label.
func (f *field) value() string {
	if f.kind == fieldText {
		return f.input.Value()
	}
	if f.choice >= 0 && f.choice < len(f.options) {
		return f.options[f.choice]
	}
	return ""
}

func textField(key, label, value string, limit int) *field {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = limit
	ti.SetValue(value)
	ti.Blur()
	return &field{key: key, label: label, kind: fieldText, input: ti, choice: -1}
}

// secretField is a text field that shows dots (kata sandi).
func secretField(key, label string) *field {
	f := textField(key, label, "", 128)
	f.input.EchoMode = textinput.EchoPassword
	f.input.EchoCharacter = '•'
	return f
}

func choiceField(key, label string, options []string, choice int) *field {
	return &field{key: key, label: label, kind: fieldChoice, options: options, choice: choice}
}

// formEvent tells the host what happened.
type formEvent int

const (
	formNone formEvent = iota
	formChanged
	formSubmit
	formCancel
	formChoose // open the chooser for the focused field
)

// form lays out fields with their messages, scrolls to keep the focus in
// view, and always shows the Simpan and Batal buttons.
type form struct {
	fields   []*field
	focus    int // index among focusable items: visible fields, then the buttons
	offset   int
	errors   map[string]string
	warnings map[string]string
	touched  map[string]bool
	showAll  bool // after a save attempt every error is shown
	saving   bool
	st       *Styles
	w, h     int
	labelW   int
	lineOf   []int // first line of each visible field in the last layout
	buttonsY int
	buttonX  [2][2]int
	// Button captions; an empty cancel label hides that button.
	submitLabel, cancelLabel string
	initial                  map[string]string // values at the last save (snapshot)
}

func newForm(st *Styles, fields []*field) *form {
	f := &form{fields: fields, st: st, errors: map[string]string{}, warnings: map[string]string{}, touched: map[string]bool{}, labelW: 22,
		submitLabel: "Simpan (Ctrl+S)", cancelLabel: "Batal (Esc)"}
	// Focus the first field directly: hidden() callbacks may look at the
	// host's form, which is not assigned yet.
	if len(fields) > 0 && fields[0].kind == fieldText {
		fields[0].input.Focus()
	}
	return f
}

func (f *form) visibleFields() []*field {
	var out []*field
	for _, fl := range f.fields {
		if fl.visible() {
			out = append(out, fl)
		}
	}
	return out
}

func (f *form) items() int { return len(f.visibleFields()) + 2 }

// focused returns the focused field, nil on a button.
func (f *form) focused() *field {
	vf := f.visibleFields()
	if f.focus < len(vf) {
		return vf[f.focus]
	}
	return nil
}

func (f *form) onButton() (int, bool) {
	n := len(f.visibleFields())
	if f.focus >= n {
		return f.focus - n, true
	}
	return 0, false
}

func (f *form) focusItem(i int) {
	n := f.items()
	i = ((i % n) + n) % n
	for _, fl := range f.fields {
		fl.input.Blur()
	}
	f.focus = i
	if fl := f.focused(); fl != nil && fl.kind == fieldText {
		fl.input.Focus()
		fl.input.CursorEnd()
	}
}

// focusKey moves the focus to the field with this key, if visible.
func (f *form) focusKey(key string) {
	for i, fl := range f.visibleFields() {
		if fl.key == key {
			f.focusItem(i)
			return
		}
	}
}

func (f *form) get(key string) *field {
	for _, fl := range f.fields {
		if fl.key == key {
			return fl
		}
	}
	return nil
}

func (f *form) setSize(w, h int) {
	f.w, f.h = w, h
	f.labelW = min(24, max(14, w/4))
	for _, fl := range f.fields {
		fl.input.Width = max(10, w-f.labelW-5)
	}
}

func (f *form) update(msg tea.Msg) formEvent {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return f.key(msg)
	case tea.MouseMsg:
		return f.mouse(msg)
	}
	return formNone
}

func (f *form) key(k tea.KeyMsg) formEvent {
	if f.saving {
		return formNone // Menyimpan…: no double submit, no edits under way
	}
	switch k.String() {
	case "ctrl+s":
		return formSubmit
	case "tab", "down":
		f.focusItem(f.focus + 1)
		return formNone
	case "shift+tab", "up":
		f.focusItem(f.focus - 1)
		return formNone
	case "pgdown":
		f.focusItem(min(f.items()-1, f.focus+5))
		return formNone
	case "pgup":
		f.focusItem(max(0, f.focus-5))
		return formNone
	}
	if b, ok := f.onButton(); ok {
		switch k.String() {
		case "left", "right":
			n := len(f.visibleFields())
			f.focusItem(n + 1 - b)
		case "enter", " ":
			if b == 0 {
				return formSubmit
			}
			return formCancel
		}
		return formNone
	}
	fl := f.focused()
	if fl.kind == fieldChoice {
		switch k.String() {
		case "left":
			return f.cycle(fl, -1)
		case "right", " ":
			return f.cycle(fl, 1)
		case "enter":
			if fl.chooser {
				return formChoose
			}
			f.focusItem(f.focus + 1)
		case "delete", "backspace":
			if fl.choice != -1 {
				fl.choice = -1
				f.touched[fl.key] = true
				return formChanged
			}
		}
		return formNone
	}
	if k.String() == "enter" {
		f.focusItem(f.focus + 1)
		return formNone
	}
	before := fl.input.Value()
	fl.input, _ = fl.input.Update(k)
	if fl.input.Value() != before {
		f.touched[fl.key] = true
		return formChanged
	}
	return formNone
}

func (f *form) cycle(fl *field, d int) formEvent {
	if len(fl.options) == 0 {
		return formNone
	}
	if fl.choice < 0 {
		if d > 0 {
			fl.choice = 0
		} else {
			fl.choice = len(fl.options) - 1
		}
	} else {
		fl.choice = (fl.choice + d + len(fl.options)) % len(fl.options)
	}
	f.touched[fl.key] = true
	return formChanged
}

func (f *form) mouse(m tea.MouseMsg) formEvent {
	if m.Action != tea.MouseActionPress {
		return formNone
	}
	switch m.Button {
	case tea.MouseButtonWheelUp:
		f.offset = max(0, f.offset-2)
		return formNone
	case tea.MouseButtonWheelDown:
		f.offset += 2
		return formNone
	case tea.MouseButtonLeft:
	default:
		return formNone
	}
	if m.Y == f.buttonsY {
		for b, r := range f.buttonX {
			if m.X >= r[0] && m.X < r[1] {
				f.focusItem(len(f.visibleFields()) + b)
				if b == 0 {
					return formSubmit
				}
				return formCancel
			}
		}
		return formNone
	}
	line := m.Y + f.offset
	for i, y := range f.lineOf {
		if line == y {
			was := f.focus
			f.focusItem(i)
			fl := f.focused()
			if fl != nil && fl.kind == fieldChoice && was == i {
				if fl.chooser {
					return formChoose
				}
				return f.cycle(fl, 1)
			}
			return formNone
		}
	}
	return formNone
}

// view draws the fields in a scrolled window and the buttons under it.
func (f *form) view() string {
	st := f.st
	var lines []string
	vf := f.visibleFields()
	f.lineOf = f.lineOf[:0]
	focusTop, focusBottom := 0, 0
	for i, fl := range vf {
		if fl.section != "" {
			if len(lines) > 0 {
				lines = append(lines, "")
			}
			lines = append(lines, st.Section.Render(fl.section))
		}
		f.lineOf = append(f.lineOf, len(lines))
		if i == f.focus {
			focusTop = len(lines)
		}
		label := fit(fl.label, f.labelW)
		marker := "  "
		if i == f.focus {
			marker = "› "
			label = st.Title.Render(label)
		} else {
			label = st.Label.Render(label)
		}
		var input string
		if fl.kind == fieldText {
			input = fl.input.View()
		} else {
			v := fl.value()
			if v == "" {
				v = "(belum dipilih)"
			}
			if i == f.focus {
				hint := "  ←/→ ganti"
				if fl.chooser {
					hint = "  Enter pilih"
				}
				input = st.InputFocused.Render("‹ "+inert(v)+" ›") + st.Muted.Render(hint)
			} else {
				input = inert(v)
			}
		}
		lines = append(lines, marker+label+" "+input)
		if msg, ok := f.errors[fl.key]; ok && (f.showAll || f.touched[fl.key]) {
			lines = append(lines, strings.Repeat(" ", f.labelW+3)+st.FieldError.Render("✗ "+msg))
		} else if msg, ok := f.warnings[fl.key]; ok {
			lines = append(lines, strings.Repeat(" ", f.labelW+3)+st.FieldWarning.Render("⚠ "+msg))
		} else if fl.hint != "" && i == f.focus {
			lines = append(lines, strings.Repeat(" ", f.labelW+3)+st.Muted.Render(fl.hint))
		}
		if i == f.focus {
			focusBottom = len(lines) - 1
		}
	}
	avail := max(1, f.h-2)
	if _, onBtn := f.onButton(); !onBtn {
		if focusTop < f.offset {
			f.offset = focusTop
		}
		if focusBottom >= f.offset+avail {
			f.offset = focusBottom - avail + 1
		}
	}
	f.offset = max(0, min(f.offset, len(lines)-avail))
	end := min(len(lines), f.offset+avail)
	window := make([]string, 0, avail)
	for _, l := range lines[f.offset:end] {
		window = append(window, clip(l, f.w))
	}
	for len(window) < avail {
		window = append(window, "")
	}
	more := ""
	if end < len(lines) {
		more = st.Muted.Render("  ↓ masih ada isian di bawah")
	} else if f.offset > 0 {
		more = st.Muted.Render("  ↑ ada isian di atas")
	}
	window[len(window)-1] = orLine(window[len(window)-1], more)
	// Buttons
	b, onBtn := f.onButton()
	save, cancel := "[ "+f.submitLabel+" ]", "[ "+f.cancelLabel+" ]"
	if f.saving {
		save = "[ Menyimpan… ]"
	}
	if f.cancelLabel == "" {
		cancel = ""
	}
	style := func(i int) func(...string) string {
		if onBtn && b == i {
			return st.ButtonFocused.Render
		}
		return st.Button.Render
	}
	f.buttonsY = avail + 1
	f.buttonX = [2][2]int{{2, 2 + width(save)}, {4 + width(save), 4 + width(save) + width(cancel)}}
	buttons := "  " + style(0)(save)
	if cancel != "" {
		buttons += "  " + style(1)(cancel)
	}
	return strings.Join(window, "\n") + "\n\n" + buttons
}

func orLine(line, alt string) string {
	if alt != "" && strings.TrimSpace(line) == "" {
		return alt
	}
	return line
}

// snapshot records the current values as the saved state; changed reports
// whether anything differs from it (the screen's Dirty).
func (f *form) snapshot() {
	f.initial = map[string]string{}
	for _, fl := range f.fields {
		f.initial[fl.key] = fl.value()
	}
}

func (f *form) changed() bool {
	for _, fl := range f.fields {
		if f.initial[fl.key] != fl.value() {
			return true
		}
	}
	return false
}

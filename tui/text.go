package tui

import (
	"errors"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// inert makes user text safe to draw: control characters (including the ESC
// that starts an ANSI sequence) become visible symbols, so a name pasted
// with escape codes or newlines is shown as typed but cannot move the cursor
// or recolour the screen. The stored value is never changed.
func inert(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == 0x1b:
			b.WriteString("␛")
		case r == '\n' || r == '\r':
			b.WriteString("↵")
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			b.WriteRune('�')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fit truncates plain text to w cells with an ellipsis and pads it to exactly
// w cells, so table columns line up whatever the names contain.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = inert(s)
	sw := ansi.StringWidth(s)
	if sw > w {
		s = ansi.Truncate(s, w, "…")
		sw = ansi.StringWidth(s)
	}
	if sw < w {
		s += strings.Repeat(" ", w-sw)
	}
	return s
}

// clip truncates styled text to w cells without padding.
func clip(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// width is the display width of s.
func width(s string) int { return ansi.StringWidth(s) }

// clipLines cuts every line of a block to w cells and the block to h lines,
// padding with empty lines: the content box never grows.
func clipBlock(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = clip(l, w)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// asFieldErrors unwraps field errors from a store error.
func asFieldErrors(err error, fe *domain.FieldErrors) bool { return errors.As(err, fe) }

// scroll is the cursor and first visible row of a list, shared by every
// list screen.
type scroll struct{ cursor, offset int }

// listMouse is the mouse on a list drawn head lines below the screen's
// top: the wheel moves three rows, a click selects a row, a click on the
// selected row opens it.
func (s *scroll) listMouse(m tea.MouseMsg, head, n int, move func(int), open func(int) tea.Cmd) tea.Cmd {
	if m.Action != tea.MouseActionPress {
		return nil
	}
	switch m.Button {
	case tea.MouseButtonWheelUp:
		move(-3)
	case tea.MouseButtonWheelDown:
		move(3)
	case tea.MouseButtonLeft:
		if i := s.offset + m.Y - head; m.Y >= head && i < n {
			if i == s.cursor {
				return open(i)
			}
			s.cursor = i
		}
	}
	return nil
}

// listKeys handles the keys every list shares — ↑↓, PgUp/PgDn, Home/End
// (with or without Ctrl) — by calling move with the distance for a list
// of n rows shown page rows at a time. It reports whether key was one.
func listKeys(key string, page, n int, move func(int)) bool {
	switch key {
	case "up":
		move(-1)
	case "down":
		move(1)
	case "pgup":
		move(-page)
	case "pgdown":
		move(page)
	case "home", "ctrl+home":
		move(-n)
	case "end", "ctrl+end":
		move(n)
	default:
		return false
	}
	return true
}

// move moves the cursor by d within n rows and keeps it inside a window of
// page rows.
func (s *scroll) move(d, n, page int) {
	page = max(1, page)
	s.cursor = max(0, min(n-1, s.cursor+d))
	if s.cursor < s.offset {
		s.offset = s.cursor
	}
	if s.cursor >= s.offset+page {
		s.offset = s.cursor - page + 1
	}
	s.offset = max(0, min(s.offset, n-page))
}

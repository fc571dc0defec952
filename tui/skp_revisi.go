package tui

import (
	"strconv"
	"strings"
	"time"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// The Revisi tab lists the earlier versions of an approved SKP, kept each
// time a revision was opened (who, when, why), and opens any of them
// read-only.

type revisiTab struct {
	h   *skpHost
	sel scroll
	ht  int
}

func newRevisiTab(h *skpHost) skpTab { return &revisiTab{h: h} }

func (t *revisiTab) Title() string   { return "Revisi" }
func (t *revisiTab) Capturing() bool { return false }

func (t *revisiTab) Keys() []KeyHelp {
	if t.h.file == nil || len(t.h.file.Revisions) == 0 {
		return nil
	}
	return []KeyHelp{{"↑↓", "Pilih"}, {"Enter", "Lihat versi"}}
}

// revisions are shown newest first: the latest change is what people ask
// about.
func (t *revisiTab) revisions() []domain.SKPRevision {
	if t.h.file == nil {
		return nil
	}
	rs := t.h.file.Revisions
	out := make([]domain.SKPRevision, len(rs))
	for i, r := range rs {
		out[len(rs)-1-i] = r
	}
	return out
}

func (t *revisiTab) Update(msg tea.Msg) tea.Cmd {
	rs := t.revisions()
	switch msg := msg.(type) {
	case skpReloadedMsg:
		t.sel.move(0, len(rs), t.page())
	case tea.KeyMsg:
		switch msg.String() {
		case "up":
			t.sel.move(-1, len(rs), t.page())
		case "down":
			t.sel.move(1, len(rs), t.page())
		case "home":
			t.sel.move(-len(rs), len(rs), t.page())
		case "end":
			t.sel.move(len(rs), len(rs), t.page())
		case "enter":
			if t.sel.cursor < len(rs) {
				return push(newSKPVersionScreen(t.h.c, rs[t.sel.cursor]))
			}
		}
	case tea.MouseMsg:
		if msg.Action != tea.MouseActionPress || msg.Button != tea.MouseButtonLeft {
			return nil
		}
		i := t.sel.offset + msg.Y - revisiTop
		if msg.Y >= revisiTop && i < len(rs) {
			if i == t.sel.cursor {
				return push(newSKPVersionScreen(t.h.c, rs[i]))
			}
			t.sel.cursor = i
		}
	}
	return nil
}

// revisiTop is the first row of the table in the tab: the current-version
// line, a gap and the column header above it.
const revisiTop = 3

func (t *revisiTab) page() int { return max(1, t.ht-revisiTop) }

func revTime(tm time.Time) string {
	if tm.IsZero() {
		return ""
	}
	return tm.Format("02-01-2006 15:04")
}

func (t *revisiTab) View(w, h int) string {
	if t.h.file == nil {
		return ""
	}
	t.ht = h
	st := &t.h.c.Styles
	s := t.h.file.SKP
	cur := "Versi sekarang: "
	if s.Revision == 0 {
		cur += "versi pertama (belum pernah direvisi) · " + s.Status.String()
	} else {
		cur += "revisi ke-" + strconv.Itoa(s.Revision) + " · " + s.Status.String()
		if s.RevisionNote != "" {
			cur += " · alasan: " + inert(s.RevisionNote)
		}
	}
	lines := []string{clip(cur, w), ""}
	rs := t.revisions()
	verW, timeW, byW := 10, 16, 14
	reasonW := max(10, w-verW-timeW-byW-3)
	lines = append(lines, st.TableHeader.Render(fit("Versi", verW)+" "+fit("Diubah", timeW)+" "+fit("Oleh", byW)+" "+fit("Alasan revisi", reasonW)))
	if len(rs) == 0 {
		hint := "Belum ada versi sebelumnya."
		if s.Status == domain.SKPDisetujui {
			hint += " SKP yang sudah disetujui diubah melalui Revisi SKP (tombol r di tab Rencana); versi sekarang lalu disimpan di sini."
		}
		for _, l := range skpWrap(hint, w) {
			lines = append(lines, st.Muted.Render(l))
		}
		return strings.Join(lines, "\n")
	}
	t.sel.move(0, len(rs), t.page())
	end := min(len(rs), t.sel.offset+t.page())
	for i := t.sel.offset; i < end; i++ {
		r := rs[i]
		ver := "revisi " + strconv.Itoa(r.Revision)
		if r.Revision == 0 {
			ver = "pertama"
		}
		line := fit(ver, verW) + " " + fit(revTime(r.Time), timeW) + " " + fit(r.By, byW) + " " + fit(r.Reason, reasonW)
		if i == t.sel.cursor {
			line = st.RowSelected.Render(line)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// skpVersionScreen shows an earlier version of an SKP, read-only.
type skpVersionScreen struct {
	base
	rev   domain.SKPRevision
	doc   planDoc
	doneW int
	top   int
}

func newSKPVersionScreen(c *Common, r domain.SKPRevision) *skpVersionScreen {
	return &skpVersionScreen{base: newBase(c), rev: r, doneW: -1}
}

func (s *skpVersionScreen) Title() string {
	if s.rev.Revision == 0 {
		return "Versi pertama"
	}
	return "Versi revisi ke-" + strconv.Itoa(s.rev.Revision)
}

func (s *skpVersionScreen) Keys() []KeyHelp { return []KeyHelp{{"↑↓ PgUp PgDn", "Gulir"}} }

func (s *skpVersionScreen) head() []string {
	st := &s.c.Styles
	f := domain.SKPFile{SKP: s.rev.SKP}
	lines := skpHeader(st, &f, s.w)
	note := "Versi ini berlaku sampai " + revTime(s.rev.Time) + "; revisi dibuka oleh " + inert(s.rev.By) + " dengan alasan: " + s.rev.Reason
	for _, l := range skpWrap(note, s.w) {
		lines = append(lines, st.Muted.Render(l))
	}
	return append(lines, "")
}

func (s *skpVersionScreen) body() int { return max(1, s.h-len(s.head())) }

func (s *skpVersionScreen) Update(msg tea.Msg) tea.Cmd {
	n := len(s.doc.lines)
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch msg.String() {
		case "up":
			s.top--
		case "down":
			s.top++
		case "pgup":
			s.top -= s.body()
		case "pgdown", " ":
			s.top += s.body()
		case "home":
			s.top = 0
		case "end":
			s.top = n
		}
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				s.top -= 3
			case tea.MouseButtonWheelDown:
				s.top += 3
			}
		}
	}
	s.top = max(0, min(s.top, n-s.body()))
	return nil
}

func (s *skpVersionScreen) View() string {
	if s.doneW != s.w {
		s.doc = renderPlan(&s.c.Styles, s.rev.SKP, s.w-2, false)
		s.doneW = s.w
	}
	head := s.head()
	s.top = max(0, min(s.top, len(s.doc.lines)-s.body()))
	return strings.Join(head, "\n") + "\n" + drawDoc(&s.c.Styles, s.doc, s.top, s.body(), s.w, -1)
}

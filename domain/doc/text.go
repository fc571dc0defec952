package doc

import (
	"strings"
	"unicode/utf8"

	"asndesk/domain"
)

// Text is a deterministic plain-text dump of a Document: the TUI's print
// preview and the golden tests read it. Tables are drawn with | and -,
// long cells wrap at textCellMax characters, group rows start with »,
// signatures sit side by side under the place and date.
func Text(d Document) string {
	var b strings.Builder
	if d.Mark != "" {
		b.WriteString("[" + d.Mark + "]\n")
	}
	if d.Title != "" {
		b.WriteString(d.Title + "\n")
	}
	for _, s := range d.Subtitle {
		b.WriteString(s + "\n")
	}
	for _, bl := range d.Blocks {
		b.WriteString("\n")
		switch x := bl.(type) {
		case *Heading:
			b.WriteString(x.Text + "\n" + strings.Repeat("=", utf8.RuneCountInString(x.Text)) + "\n")
		case *Para:
			b.WriteString(x.Text + "\n")
		case *Fields:
			textFields(&b, x)
		case *Table:
			textTable(&b, x)
		case *Bars:
			textBars(&b, x)
		case *Signatures:
			textSignatures(&b, x)
		case *PageBreak:
			b.WriteString("--- halaman baru ---\n")
		}
	}
	return b.String()
}

// textCellMax is the widest a table column gets in Text before wrapping.
const textCellMax = 40

func runes(s string) int { return utf8.RuneCountInString(s) }

func pad(s string, w int) string {
	if n := runes(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// wrap breaks s into lines of at most w characters at spaces, honouring
// the "\n" line breaks in it; a word longer than w is cut.
func wrap(s string, w int) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			for runes(word) > w {
				if line != "" {
					out = append(out, line)
					line = ""
				}
				r := []rune(word)
				out = append(out, string(r[:w]))
				word = string(r[w:])
			}
			switch {
			case line == "":
				line = word
			case runes(line)+1+runes(word) <= w:
				line += " " + word
			default:
				out = append(out, line)
				line = word
			}
		}
		out = append(out, line)
	}
	return out
}

func textFields(b *strings.Builder, f *Fields) {
	lw := 0
	for _, r := range f.Rows {
		lw = max(lw, runes(r[0]))
	}
	for _, r := range f.Rows {
		lines := strings.Split(r[1], "\n")
		b.WriteString(strings.TrimRight(pad(r[0], lw)+" : "+lines[0], " ") + "\n")
		for _, l := range lines[1:] {
			b.WriteString(strings.Repeat(" ", lw+3) + l + "\n")
		}
	}
}

func textTable(b *strings.Builder, t *Table) {
	n := len(t.Columns)
	if n == 0 {
		return
	}
	widths := make([]int, n)
	for i, c := range t.Columns {
		widths[i] = min(textCellMax, max(1, longestLine(c.Title)))
	}
	for _, r := range t.Rows {
		for i := 0; i < n && i < len(r); i++ {
			widths[i] = max(widths[i], min(textCellMax, longestLine(r[i])))
		}
	}
	total := 1
	for _, w := range widths {
		total += w + 3
	}
	rule := strings.Repeat("-", total)
	writeRow := func(cells []string) {
		cols := make([][]string, n)
		h := 1
		for i := 0; i < n; i++ {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			cols[i] = wrap(c, widths[i])
			h = max(h, len(cols[i]))
		}
		for l := 0; l < h; l++ {
			var sb strings.Builder
			sb.WriteString("|")
			for i := 0; i < n; i++ {
				c := ""
				if l < len(cols[i]) {
					c = cols[i][l]
				}
				if t.Columns[i].Align == Right {
					c = strings.Repeat(" ", max(0, widths[i]-runes(c))) + c
				}
				sb.WriteString(" " + pad(c, widths[i]) + " |")
			}
			b.WriteString(sb.String() + "\n")
		}
	}
	b.WriteString(rule + "\n")
	titles := make([]string, n)
	for i, c := range t.Columns {
		titles[i] = c.Title
	}
	writeRow(titles)
	b.WriteString(rule + "\n")
	g := 0
	for i, r := range t.Rows {
		for g < len(t.Groups) && t.Groups[g].Before <= i {
			b.WriteString("» " + t.Groups[g].Text + "\n")
			g++
		}
		writeRow(r)
	}
	for ; g < len(t.Groups); g++ {
		b.WriteString("» " + t.Groups[g].Text + "\n")
	}
	b.WriteString(rule + "\n")
}

func longestLine(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, runes(l))
	}
	return w
}

// textBarWidth is the length of a full bar in Text.
const textBarWidth = 20

func textBars(b *strings.Builder, x *Bars) {
	lw := 0
	for _, it := range x.Items {
		lw = max(lw, runes(it.Label))
	}
	for _, it := range x.Items {
		n := 0
		if it.Max > 0 && it.Value > 0 {
			n = min(textBarWidth, int(it.Value/it.Max*textBarWidth+0.5))
		}
		b.WriteString(pad(it.Label, lw) + " " + strings.Repeat("#", n) + strings.Repeat(".", textBarWidth-n) + " " + it.Text + "\n")
	}
}

// textSignatures draws the boxes side by side: role, two blank lines for
// the signature, name, NIP; the place and date above the last box.
func textSignatures(b *strings.Builder, s *Signatures) {
	if len(s.Boxes) == 0 {
		return
	}
	lines := make([][]string, len(s.Boxes))
	w := 30
	for i, bx := range s.Boxes {
		name := bx.Name
		if name == "" {
			name = strings.Repeat("_", 24)
		}
		nip := ""
		if bx.NIP != "" {
			nip = "NIP. " + domain.FormatNIP(bx.NIP)
		}
		lines[i] = []string{bx.Role, "", "", name, nip}
		for _, l := range lines[i] {
			w = max(w, runes(l)+4)
		}
	}
	place := joinNonEmpty(", ", s.Place, s.Date.Long())
	if place != "" {
		b.WriteString(strings.Repeat(" ", w*(len(s.Boxes)-1)) + place + "\n")
	}
	for l := 0; l < 5; l++ {
		var sb strings.Builder
		for i := range s.Boxes {
			sb.WriteString(pad(lines[i][l], w))
		}
		b.WriteString(strings.TrimRight(sb.String(), " ") + "\n")
	}
}

package importer

import (
	"strconv"
	"strings"
)

// Heading is the report's first line: what was read from where.
func (r Report) Heading() string {
	s := "Impor " + strings.ToLower(r.Kind.Label())
	if r.Sheet != "" {
		s += " dari lembar «" + r.Sheet + "»"
	}
	return s + " (judul kolom di baris " + strconv.Itoa(r.Header) + ")"
}

// CountsLine is the counts as one line, in the preview's order.
func (r Report) CountsLine() string {
	c := r.Counts
	return "Baru: " + strconv.Itoa(c.New) + "  Diperbarui: " + strconv.Itoa(c.Update) + "  Tidak berubah: " +
		strconv.Itoa(c.Unchanged) + "  Galat: " + strconv.Itoa(c.Error) + "  Peringatan: " + strconv.Itoa(c.Warning)
}

// IgnoredLine names the columns the import does not read.
func (r Report) IgnoredLine() string {
	if len(r.Ignored) == 0 {
		return ""
	}
	return "Kolom tidak dibaca: " + strings.Join(r.Ignored, ", ")
}

// Title is one line naming a row: line, action, NIP and name.
func (row Row) Title() string {
	s := "Baris " + strconv.Itoa(row.Line) + " — " + row.Action.Label()
	if who := strings.TrimSpace(row.NIP + " " + row.Nama); who != "" {
		s += " — " + who
	}
	return s
}

// Details are the indented lines under a row's title: changes old → new,
// the entry added, errors and warnings.
func (row Row) Details() []string {
	var out []string
	for _, c := range row.Changes {
		out = append(out, c.Field.Label()+": «"+c.Old+"» → «"+c.New+"»")
	}
	if row.Action == New {
		for _, r := range row.Riwayat {
			switch {
			case r.Pangkat != nil && r.EmployeeID != 0:
				out = append(out, "Riwayat pangkat: "+r.Pangkat.Golongan+" TMT "+r.Pangkat.TMT.String())
			case r.Jabatan != nil && r.EmployeeID != 0:
				out = append(out, "Riwayat jabatan: "+r.Jabatan.Nama+" TMT "+r.Jabatan.TMT.String())
			}
		}
	}
	for _, e := range row.Errors {
		out = append(out, "galat: "+e)
	}
	for _, w := range row.Warnings {
		out = append(out, "peringatan: "+w)
	}
	return out
}

// Text is the plain report the headless command prints: heading, counts,
// the units to create, then every row that is not unchanged.
func (r Report) Text() string {
	var b strings.Builder
	b.WriteString(r.Heading() + "\n")
	b.WriteString(r.CountsLine() + "\n")
	if len(r.NewUnits) > 0 {
		b.WriteString("Unit kerja baru: " + strings.Join(r.NewUnits, ", ") + "\n")
	}
	if len(r.Ignored) > 0 {
		b.WriteString(r.IgnoredLine() + "\n")
	}
	for _, row := range r.Rows {
		if row.Action == Unchanged && len(row.Warnings) == 0 {
			continue
		}
		b.WriteString("\n" + row.Title() + "\n")
		for _, d := range row.Details() {
			b.WriteString("  " + d + "\n")
		}
	}
	return b.String()
}

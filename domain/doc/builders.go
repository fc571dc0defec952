package doc

import (
	"strconv"
	"strings"
	"time"

	"asndesk/domain"
)

// Opts carries what every builder needs beside the records.
type Opts struct {
	Office   domain.Office          // Office.Demo → Document.Mark "DATA CONTOH"
	Today    domain.Date            // date of signatures and "dicetak"
	Place    string                 // Kop.Place, before the signature date
	UnitName func(id uint64) string // nil = no unit names
	Filter   string                 // one line describing the chosen filter, printed under the title; "" none
	// Frequency is the office's evaluation cycle: EvaluasiSheet's period
	// columns. The zero value counts as Triwulanan, domain's default.
	Frequency domain.Frequency
	// NIPOf gives an employee's NIP / NI PPPK by id for lists whose rows
	// carry only the id (EvaluasiSheet); nil leaves the NIP cells empty.
	NIPOf func(employeeID uint64) string
	// Riwayat gives an employee's riwayat for EmployeesSheet's TMT
	// GOLONGAN and TMT JABATAN; nil leaves them empty.
	Riwayat func(employeeID uint64) []domain.Riwayat
}

// unit resolves a unit id to its name; nil UnitName or id 0 gives "".
func (o Opts) unit(id uint64) string {
	if o.UnitName == nil || id == 0 {
		return ""
	}
	return o.UnitName(id)
}

// Marks printed on every page.
const (
	MarkDemo       = "DATA CONTOH"
	MarkDraf       = "DRAF"
	MarkBelumFinal = "BELUM FINAL"
	MarkTidakResmi = "BUKAN INSTRUMEN RESMI"
)

// mark joins the demo mark and the document's own marks: a demo draft
// prints "DATA CONTOH · DRAF", so neither warning hides the other.
func mark(o Opts, extra ...string) string {
	var parts []string
	if o.Office.Demo {
		parts = append(parts, MarkDemo)
	}
	for _, x := range extra {
		if x != "" {
			parts = append(parts, x)
		}
	}
	return strings.Join(parts, " · ")
}

// sheetTitle prefixes a sheet's title for the demo office: a sheet has no
// Mark, and an exported demo list must not pass for real data.
func sheetTitle(o Opts, parts ...string) string {
	var out []string
	if o.Office.Demo {
		out = append(out, MarkDemo)
	}
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " · ")
}

// subtitles adds the filter line, when one is set, under the others.
func subtitles(o Opts, lines ...string) []string {
	var out []string
	for _, l := range lines {
		if l != "" {
			out = append(out, l)
		}
	}
	if o.Filter != "" {
		out = append(out, o.Filter)
	}
	return out
}

// keadaan is the "state as of" line of a list.
func keadaan(o Opts) string {
	if o.Today.IsZero() {
		return ""
	}
	return "KEADAAN: " + o.Today.Long()
}

func itoa(n int) string { return strconv.Itoa(n) }

// itoaBlank leaves unknown (zero) numbers empty rather than printing 0.
func itoaBlank(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// joinNonEmpty joins the non-empty parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// FileName is a suggested file name: the parts that are set, trimmed and
// joined by spaces, with the characters Windows refuses in file names made
// dashes (a unit "Umum/Kepegawaian" never becomes a folder) and control
// characters dropped. Documents, exports and packets all name files so.
func FileName(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '<', '>', ':', '"', '/', '\\', '|', '?', '*':
			return '-'
		}
		if r < ' ' {
			return -1
		}
		return r
	}, strings.Join(keep, " "))
}

// signDate is the date under a document's signatures: the day the record
// became binding (an SKP's approval, an evaluation's or a merit
// assessment's finalisation) when it has one, else the print date. A list
// that only states the situation on a day (DRH, DUK, nominatif,
// pengingat) is dated Opts.Today; a dialog record its dialog's date.
func signDate(at time.Time, o Opts) domain.Date {
	if at.IsZero() {
		return o.Today
	}
	return domain.DateOf(at)
}

// NIPBlank is the SignBox.NIP of a signer the builder cannot name: the
// renderers print "NIP. " and this dotted line to write the NIP on
// (domain.FormatNIP leaves a non-NIP as it is).
const NIPBlank = ".............................."

// fileTag is the chosen filter in a file name: the values of Opts.Filter
// ("Unit kerja: Puskesmas; Jenis: PNS" → "Puskesmas PNS"), cut to a length
// a file dialog shows whole.
func fileTag(o Opts) string {
	var vals []string
	for _, part := range strings.Split(o.Filter, ";") {
		if _, v, ok := strings.Cut(part, ":"); ok {
			part = v
		}
		if part = strings.TrimSpace(part); part != "" {
			vals = append(vals, part)
		}
	}
	s := strings.Join(vals, " ")
	const maxTag = 60
	if r := []rune(s); len(r) > maxTag {
		s = string(r[:maxTag])
		if i := strings.LastIndex(s, " "); i > maxTag/2 {
			s = s[:i]
		}
		s = strings.TrimRight(s, " ,.") + "…"
	}
	return s
}

// fileNama is a person's name for a file name: the name without the gelar
// belakang after the first comma ("Rina Marlina, S.E." → "Rina Marlina"),
// which would only lengthen the name and end it in a dot.
func fileNama(nama string) string {
	nama, _, _ = strings.Cut(nama, ",")
	return strings.TrimSpace(nama)
}

// joinNotes joins notes into one cell: "; " between them, but a single
// space after a note that already ends its sentence, so no ".;" appears.
func joinNotes(notes []string) string {
	var b strings.Builder
	for _, n := range notes {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if b.Len() > 0 {
			prev := b.String()
			if strings.ContainsAny(prev[len(prev)-1:], ".;:!?") {
				b.WriteString(" ")
			} else {
				b.WriteString("; ")
			}
		}
		b.WriteString(n)
	}
	return b.String()
}

// dateRange is "1 Januari 2026 s.d. 31 Desember 2026".
func dateRange(from, to domain.Date) string {
	switch {
	case from.IsZero() && to.IsZero():
		return ""
	case to.IsZero():
		return from.Long()
	case from.IsZero():
		return to.Long()
	}
	return from.Long() + " s.d. " + to.Long()
}

// shortRange is "01-01-2026 s.d. 31-03-2026" for table cells.
func shortRange(from, to domain.Date) string {
	switch {
	case from.IsZero() && to.IsZero():
		return ""
	case to.IsZero() || to == from:
		return from.String()
	case from.IsZero():
		return to.String()
	}
	return from.String() + " s.d. " + to.String()
}

// nameNIP is the "NAMA / NIP" cell: the name, the printed NIP under it.
func nameNIP(nama, nip string) string {
	if nip == "" {
		return nama
	}
	return nama + "\n" + domain.FormatNIP(nip)
}

// pangkatGol is the PANGKAT/GOL. RUANG of a snapshot: "Penata Muda
// Tingkat I (III/b)" for PNS, domain's "Golongan IX" for PPPK.
func pangkatGol(p domain.PersonSnapshot) string {
	switch {
	case p.Pangkat != "" && p.Golongan != "":
		return p.Pangkat + " (" + p.Golongan + ")"
	case p.Pangkat != "":
		return p.Pangkat
	}
	if _, ok := domain.LookupGolongan(domain.KindPPPK, p.Golongan); ok {
		if _, pns := domain.LookupGolongan(domain.KindPNS, p.Golongan); !pns {
			return domain.GolonganLabel(domain.KindPPPK, p.Golongan)
		}
	}
	return p.Golongan
}

// golonganOf is an employee's pangkat/golongan as domain labels it.
func golonganOf(k domain.Kind, code string) string {
	if code == "" {
		return ""
	}
	if k == 0 {
		k = domain.KindPNS
	}
	return domain.GolonganLabel(k, code)
}

// golonganMemo remembers golongan labels: domain rebuilds its golongan
// table on every lookup, which dominated a 1,000-row DUK.
func golonganMemo(k domain.Kind) func(code string) string {
	m := map[string]string{}
	return func(code string) string {
		v, ok := m[code]
		if !ok {
			v = golonganOf(k, code)
			m[code] = v
		}
		return v
	}
}

func yaTidak(b bool) string {
	if b {
		return "Ya"
	}
	return "Tidak"
}

// span is "4 tahun 2 bulan" (domain.Span's own text), blank when zero.
func span(years, months int) string {
	if years == 0 && months == 0 {
		return ""
	}
	return domain.Span{Years: years, Months: months}.String()
}

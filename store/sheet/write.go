package sheet

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"asndesk/domain"
	"asndesk/domain/doc"

	"github.com/xuri/excelize/v2"
)

const (
	maxSheetName = 31 // Excel refuses longer worksheet names
	maxColWidth  = 60 // characters; longer text wraps in Excel's own way
	minColWidth  = 6
	dateFormat   = "dd-mm-yyyy"
)

var (
	errNoSheets  = domain.Errorf(domain.EINVALID, "Tidak ada daftar untuk diekspor.")
	msgWriteFail = "Berkas ekspor tidak dapat ditulis. Periksa ruang kosong dan izin folder tujuan."
)

// WriteXLSX writes one worksheet per Sheet: the Title (if any) bold in row
// 1, then the header row bold, shaded, frozen and with an autofilter, then
// the rows. Column widths follow the content (capped at 60 characters).
// Columns typed "n" become numbers (Indonesian "1.234,5" or plain
// "1234.5"), "d" real Excel dates shown DD-MM-YYYY (read from the
// DD-MM-YYYY text); a cell that does not parse stays text, so nothing is
// lost. Everything else is text, so an 18-digit NIP stays 18 digits.
// Worksheet names are made valid for Excel: at most 31 characters,
// without []:*?/\, unique.
func WriteXLSX(w io.Writer, sheets []doc.Sheet) error {
	if len(sheets) == 0 {
		return errNoSheets
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return internal(err)
	}
	names := SheetNames(sheets)
	for i := range sheets {
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), names[0])
		} else {
			_, err = f.NewSheet(names[i])
		}
		if err != nil {
			return internal(err)
		}
		if err := writeSheet(f, names[i], &sheets[i], st); err != nil {
			return internal(err)
		}
	}
	f.SetActiveSheet(0)
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := f.Write(bw); err != nil {
		return errors.Join(domain.Errorf(domain.EINTERNAL, msgWriteFail), err)
	}
	if err := bw.Flush(); err != nil {
		return errors.Join(domain.Errorf(domain.EINTERNAL, msgWriteFail), err)
	}
	return nil
}

func internal(err error) error {
	return errors.Join(domain.Errorf(domain.EINTERNAL, "Berkas Excel tidak dapat disusun."), err)
}

type styles struct{ title, header, date int }

func newStyles(f *excelize.File) (st styles, err error) {
	if st.title, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}}); err != nil {
		return st, err
	}
	if st.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		Border:    []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}},
	}); err != nil {
		return st, err
	}
	format := dateFormat
	st.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	return st, err
}

func writeSheet(f *excelize.File, name string, s *doc.Sheet, st styles) error {
	ncol := len(s.Columns)
	for _, r := range s.Rows {
		ncol = max(ncol, len(r))
	}
	head := 1
	if s.Title != "" {
		head = 2
	}
	// The autofilter goes on the still empty worksheet: the stream writer
	// carries it into the file, whereas setting it after the rows would
	// make excelize parse and rewrite the whole sheet (most of the time
	// of a 10,000-row export).
	if ncol > 0 {
		if err := f.AutoFilter(name, cellName(1, head)+":"+cellName(ncol, head+len(s.Rows)), nil); err != nil {
			return err
		}
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	typ := func(c int) string {
		if c < len(s.Types) {
			return s.Types[c]
		}
		return ""
	}
	// Widths come before any row in a stream.
	for c := range ncol {
		width := 0
		if c < len(s.Columns) {
			width = utf8.RuneCountInString(s.Columns[c])
		}
		if typ(c) == "d" {
			width = max(width, 10)
		}
		for _, r := range s.Rows {
			if c < len(r) {
				width = max(width, longestLine(r[c]))
			}
		}
		if err := sw.SetColWidth(c+1, c+1, float64(min(max(width+2, minColWidth), maxColWidth))); err != nil {
			return err
		}
	}
	row := head
	if ncol > 0 {
		// Panes too must precede the rows.
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: head, TopLeftCell: cellName(1, head+1),
			ActivePane: "bottomLeft", Selection: []excelize.Selection{{SQRef: cellName(1, head+1), ActiveCell: cellName(1, head+1), Pane: "bottomLeft"}}}); err != nil {
			return err
		}
	}
	if s.Title != "" {
		if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: s.Title}}); err != nil {
			return err
		}
	}
	if ncol > 0 {
		vals := make([]any, ncol)
		for c := range ncol {
			v := ""
			if c < len(s.Columns) {
				v = s.Columns[c]
			}
			vals[c] = excelize.Cell{StyleID: st.header, Value: v}
		}
		if err := sw.SetRow(cellName(1, head), vals); err != nil {
			return err
		}
	}
	vals := make([]any, ncol)
	for _, r := range s.Rows {
		row++
		for c := range ncol {
			v := ""
			if c < len(r) {
				v = r[c]
			}
			vals[c] = cellValue(v, typ(c), st)
		}
		if err := sw.SetRow(cellName(1, row), vals); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// cellValue is the cell for text v in a column of type t.
func cellValue(v, t string, st styles) any {
	switch {
	case v == "":
		return nil
	case t == "n":
		if n, ok := ParseNumber(v); ok {
			return n
		}
	case t == "d":
		if d, err := domain.ParseDate(v); err == nil && !d.IsZero() && d.Year >= 1900 {
			return excelize.Cell{StyleID: st.date, Value: time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)}
		}
	}
	return v
}

// ParseNumber reads a number as asndesk shows it: "12", "-3", "3,50"
// (Indonesian decimal comma), "1.234,5", "12.500" (a single dot before
// exactly three digits groups thousands, as in Indonesian text), or
// "1234.5"; ok is false for anything else.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	switch {
	case strings.Contains(s, ","):
		// Indonesian: dots group thousands, the comma is the decimal point.
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	case strings.Count(s, ".") > 1, thousands(s):
		s = strings.ReplaceAll(s, ".", "") // "1.234.567", "12.500"
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || strings.ContainsAny(s, "eEinfINFxX_") {
		return 0, false
	}
	return n, true
}

// thousands reports whether s has one dot followed by exactly three
// digits: "12.500" is twelve thousand five hundred in Indonesian.
func thousands(s string) bool {
	i := strings.IndexByte(s, '.')
	return i > 0 && strings.Count(s, ".") == 1 && len(s)-i-1 == 3
}

func longestLine(s string) int {
	n := 0
	for l := range strings.SplitSeq(s, "\n") {
		n = max(n, utf8.RuneCountInString(l))
	}
	return n
}

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

// SheetNames returns valid, unique Excel worksheet names for the sheets,
// in order: characters Excel refuses ([]:*?/\) become "-", names are cut
// to 31 characters, an empty name becomes "Lembar N", and a repeated one
// (compared as Excel does, ignoring case) gets " (2)", " (3)" ….
func SheetNames(sheets []doc.Sheet) []string {
	out := make([]string, len(sheets))
	seen := map[string]bool{}
	for i, s := range sheets {
		base := strings.Map(func(r rune) rune {
			switch r {
			case '[', ']', ':', '*', '?', '/', '\\':
				return '-'
			}
			if r < 0x20 {
				return -1
			}
			return r
		}, strings.TrimSpace(s.Name))
		base = strings.Trim(base, "'") // Excel refuses a leading or trailing apostrophe
		if base == "" {
			base = fmt.Sprintf("Lembar %d", i+1)
		}
		name := cut(base, maxSheetName)
		for n := 2; seen[strings.ToLower(name)]; n++ {
			suffix := fmt.Sprintf(" (%d)", n)
			name = cut(base, maxSheetName-len(suffix)) + suffix
		}
		seen[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}

func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n]))
}

// WriteCSV writes the sheet as CSV for Excel on Windows and for other
// systems: UTF-8 with a byte-order mark (without it Excel reads é as
// Ã©), comma separated, CRLF line ends, the header row first and no title
// row. Every cell is written exactly as shown on screen: dates stay
// DD-MM-YYYY (what Excel with Indonesian settings and asndesk's import
// read back), numbers keep their decimal comma, NIPs their 18 digits.
func WriteCSV(w io.Writer, s doc.Sheet) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString("\ufeff")
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	ncol := len(s.Columns)
	for _, r := range s.Rows {
		ncol = max(ncol, len(r))
	}
	rec := make([]string, ncol)
	put := func(r []string) error {
		for c := range rec {
			rec[c] = ""
			if c < len(r) {
				rec[c] = r[c]
			}
		}
		return cw.Write(rec)
	}
	err := put(s.Columns)
	for _, r := range s.Rows {
		if err != nil {
			break
		}
		err = put(r)
	}
	if err == nil {
		cw.Flush()
		err = cw.Error()
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return errors.Join(domain.Errorf(domain.EINTERNAL, msgWriteFail), err)
	}
	return nil
}

package sheet

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"asndesk/domain"
	"asndesk/domain/doc"
)

const (
	maxSheetName = 31 // Excel refuses longer worksheet names
	maxColWidth  = 60 // characters; longer text wraps in Excel's own way
	minColWidth  = 6
	maxCols      = 16384 // XFD, Excel's last column
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
// without []:*?/\, unique. Text is written as inline strings, each sheet
// streamed into the archive (see write_xlsx.go).
func WriteXLSX(w io.Writer, sheets []doc.Sheet) error {
	if len(sheets) == 0 {
		return errNoSheets
	}
	for i := range sheets {
		if head, ncol := layout(&sheets[i]); ncol > maxCols || head+len(sheets[i].Rows) > maxRows {
			return internal(fmt.Errorf("sheet %d: %d columns, %d rows: more than Excel holds", i+1, ncol, len(sheets[i].Rows)))
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	err := writeBook(bw, sheets)
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return errors.Join(domain.Errorf(domain.EINTERNAL, msgWriteFail), err)
	}
	return nil
}

func internal(err error) error {
	return errors.Join(domain.Errorf(domain.EINTERNAL, "Berkas Excel tidak dapat disusun."), err)
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

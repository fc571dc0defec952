package sheet

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"asndesk/domain/importer"
)

// The XLSX reader is a small SpreadsheetML parser on archive/zip and
// encoding/xml: importing needs only cell values and whether Excel stored
// them as numbers, and a full library would cost the Windows binary
// megabytes (HTTP, TLS, CJK encodings). It reads what excelize's GetRows
// with RawCellValue returned, which the tests check against excelize.

const maxRows = 1048576 // Excel's limit; a larger row number is corruption

// errSheet marks a worksheet that cannot be parsed, as opposed to a
// workbook whose parts cannot be read at all.
var errSheet = errors.New("worksheet unreadable")

// book is an opened workbook: its sheets in order, and what cells need
// from the shared parts.
type book struct {
	parts    map[string]*zip.File // by name, '/' separated
	lower    map[string]*zip.File // by lower-case name, for sloppy writers
	sheets   []bookSheet
	sst      []string
	date     []bool // by cell style index: shown as a date
	date1904 bool
}

type bookSheet struct{ name, part string }

func (bk *book) file(name string) *zip.File {
	if f := bk.parts[name]; f != nil {
		return f
	}
	return bk.lower[strings.ToLower(name)]
}

// openBook reads the workbook, its relationships, the shared strings and
// the styles; an error means the workbook itself is unreadable.
func openBook(zr *zip.Reader) (*book, error) {
	bk := &book{parts: map[string]*zip.File{}, lower: map[string]*zip.File{}}
	for _, f := range zr.File {
		n := strings.ReplaceAll(f.Name, `\`, "/")
		bk.parts[n] = f
		bk.lower[strings.ToLower(n)] = f
	}
	rels := map[string]string{} // Id → part
	byType := map[string]string{}
	err := bk.scan("xl/_rels/workbook.xml.rels", false, func(t xml.Token) error {
		se, ok := t.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" || attrOf(se, "TargetMode") == "External" {
			return nil
		}
		target := strings.ReplaceAll(attrOf(se, "Target"), `\`, "/")
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(path.Clean(target), "/")
		} else {
			target = path.Join("xl", target)
		}
		rels[attrOf(se, "Id")] = target
		typ := attrOf(se, "Type")
		byType[typ[strings.LastIndexByte(typ, '/')+1:]] = target
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = bk.scan("xl/workbook.xml", false, func(t xml.Token) error {
		se, ok := t.(xml.StartElement)
		if !ok {
			return nil
		}
		switch se.Name.Local {
		case "workbookPr":
			v := attrOf(se, "date1904")
			bk.date1904 = v == "1" || v == "true"
		case "sheet":
			var id string
			for _, a := range se.Attr {
				if a.Name.Local == "id" && a.Name.Space != "" { // r:id, whatever the prefix
					id = a.Value
				}
			}
			bk.sheets = append(bk.sheets, bookSheet{name: attrOf(se, "name"), part: rels[id]})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := bk.readStrings(or(byType["sharedStrings"], "xl/sharedStrings.xml")); err != nil {
		return nil, err
	}
	if err := bk.readStyles(or(byType["styles"], "xl/styles.xml")); err != nil {
		return nil, err
	}
	return bk, nil
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// scan feeds every token of a part to fn; a missing part is empty unless
// required.
func (bk *book) scan(name string, required bool, fn func(xml.Token) error) error {
	f := bk.file(name)
	if f == nil {
		if required {
			return errors.New(name + " missing")
		}
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 64<<10)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xEF\xBB\xBF")) {
		br.Discard(3)
	}
	d := xml.NewDecoder(br)
	d.CharsetReader = charsetReader
	for {
		t, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(t); err != nil {
			return err
		}
	}
}

// errStop ends a scan early without an error.
var errStop = errors.New("stop")

// charsetReader accepts the single-byte encodings some old tools declare;
// anything else (rare in XLSX) makes the part unreadable.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "us-ascii", "ascii", "iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252":
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		return bytes.NewReader(fromCP1252(b)), nil
	}
	return nil, errors.New("unsupported encoding " + label)
}

func attrOf(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// readStrings reads the shared-string table: each <si> is the text of
// its <t>, or of its rich-text runs' <t>s, without phonetic guides.
func (bk *book) readStrings(name string) error {
	var text []byte
	inSI, inT, rph := false, false, 0
	return bk.scan(name, false, func(t xml.Token) error {
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI, text = true, text[:0]
			case "rPh":
				rph++
			case "t":
				inT = inSI && rph == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				bk.sst = append(bk.sst, unescapeBstr(string(text)))
				inSI = false
			case "rPh":
				rph--
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				text = append(text, t...)
			}
		}
		return nil
	})
}

// readStyles notes which cell styles show a date, only to move 1904-based
// serials to the 1900 system the importer reads.
func (bk *book) readStyles(name string) error {
	custom := map[string]bool{} // numFmtId → a date format
	var xfs []string
	depth := 0 // inside <cellXfs>
	err := bk.scan(name, false, func(t xml.Token) error {
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				custom[attrOf(t, "numFmtId")] = dateFormatCode(attrOf(t, "formatCode"))
			case "cellXfs":
				depth = 1
			case "xf":
				if depth == 1 {
					xfs = append(xfs, attrOf(t, "numFmtId"))
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				depth = 0
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	bk.date = make([]bool, len(xfs))
	for i, id := range xfs {
		if is, ok := custom[id]; ok {
			bk.date[i] = is
			continue
		}
		n, _ := strconv.Atoi(id)
		// Built-in date formats (14–17, 22: d-mmm-yy, m/d/yyyy h:mm …;
		// 27–36 and 50–58: East Asian dates). Times alone are left out.
		bk.date[i] = n >= 14 && n <= 17 || n == 22 || n >= 27 && n <= 36 || n >= 50 && n <= 58
	}
	return nil
}

// dateFormatCode reports a number format that shows a day or a year,
// ignoring quoted text, escaped characters and [colour] sections.
func dateFormatCode(code string) bool {
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				return false
			}
		case '\\', '_', '*':
			i++
		case '[':
			if j := strings.IndexByte(code[i:], ']'); j >= 0 {
				i += j
			}
		case 'd', 'D', 'y', 'Y':
			return true
		}
	}
	return false
}

// rows reads a worksheet's cells as excelize's GetRows(RawCellValue) did:
// rows and columns placed by their references (or counted where a
// reference is missing), an empty row for each row without values, each
// row cut after its last value, trailing empty rows dropped. Values are
// raw: shared and inline strings resolved, numbers, dates, booleans and
// formula results as stored. Number marks a number-looking value stored
// as a number (no t attribute, or t="n").
func (bk *book) rows(part string) ([][]importer.Cell, error) {
	if bk.file(part) == nil {
		return nil, errSheet
	}
	var (
		out         [][]importer.Cell
		row         []importer.Cell
		rowNum, col int
		inRow       bool
		typ, style  string
		v, is       []byte
		inV, inT    bool
		hasF, hasIS bool
		inIS, rph   int
		tooMany     bool
	)
	err := bk.scan(part, true, func(t xml.Token) error {
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				n, err := strconv.Atoi(attrOf(t, "r"))
				if err != nil || n <= rowNum { // missing, or out of order: the next row
					n = rowNum + 1
				}
				if n > maxRows {
					tooMany = true
					return errStop
				}
				rowNum, col, row, inRow = n, 0, nil, true
			case "c":
				col++
				if c, ok := refColumn(attrOf(t, "r")); ok {
					col = c
				}
				typ, style = attrOf(t, "t"), attrOf(t, "s")
				v, is = v[:0], is[:0]
				hasF, hasIS, inV, inT, inIS, rph = false, false, false, false, 0, 0
			case "v":
				inV = true
			case "f":
				hasF = true
			case "is":
				inIS++
				hasIS = true
			case "rPh":
				rph++
			case "t":
				inT = inIS > 0 && rph == 0
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				inV = false
			case "t":
				inT = false
			case "is":
				inIS--
			case "rPh":
				rph--
			case "c":
				if !inRow {
					return nil
				}
				cell := bk.cell(typ, style, v, is, hasIS)
				if cell.Text == "" && !hasF {
					return nil
				}
				for len(row) < col-1 {
					row = append(row, importer.Cell{})
				}
				row = append(row, cell)
			case "row":
				inRow = false
				if len(row) == 0 {
					return nil
				}
				for len(out) < rowNum-1 {
					out = append(out, nil)
				}
				out = append(out, row)
			case "sheetData":
				return errStop
			}
		case xml.CharData:
			switch {
			case inV:
				v = append(v, t...)
			case inT:
				is = append(is, t...)
			}
		}
		return nil
	})
	switch {
	case tooMany:
		return nil, errSheet
	case errors.Is(err, errStop):
		return out, nil
	case err != nil:
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, errSheet
		}
		return nil, err
	}
	return out, nil
}

// cell is one cell's value as stored.
func (bk *book) cell(typ, style string, v, is []byte, hasIS bool) importer.Cell {
	switch typ {
	case "s":
		if len(v) == 0 {
			return importer.Cell{}
		}
		i, _ := strconv.Atoi(strings.TrimSpace(string(v)))
		if i < 0 || i >= len(bk.sst) {
			return importer.Cell{}
		}
		return importer.Cell{Text: bk.sst[i]}
	case "inlineStr":
		if hasIS {
			return importer.Cell{Text: unescapeBstr(string(is))}
		}
		return importer.Cell{Text: string(v)}
	case "", "n":
		c := importer.Cell{Text: string(v)}
		f, err := strconv.ParseFloat(c.Text, 64)
		c.Number = err == nil
		if c.Number && bk.date1904 {
			// A 1904-system serial counts days from 1 January 1904, 1462
			// days after the 1900 system's day 0 that the importer reads.
			if s, err := strconv.Atoi(style); err == nil && s >= 0 && s < len(bk.date) && bk.date[s] {
				c.Text = strconv.FormatFloat(f+1462, 'f', -1, 64)
			}
		}
		return c
	}
	// Booleans ("1"/"0"), errors, formula strings, ISO dates (t="d"):
	// text as stored, not numbers.
	return importer.Cell{Text: string(v)}
}

// refColumn is the 1-based column of a cell reference such as "AB12".
func refColumn(ref string) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a') + 1
		if col > 16384 {
			return 0, false
		}
	}
	if i == 0 || i == len(ref) {
		return 0, false
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	return col, true
}

// unescapeBstr decodes the _xHHHH_ escapes Excel writes for characters
// XML cannot carry (_x000D_ for a carriage return); _x005F_ is "_".
func unescapeBstr(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		n, ok := bstrAt(s, i)
		if !ok {
			b.WriteByte(s[i])
			i++
			continue
		}
		i += 7
		r := rune(n)
		if utf16.IsSurrogate(r) {
			// A character outside the BMP comes as two escapes.
			if lo, ok := bstrAt(s, i); ok {
				if p := utf16.DecodeRune(r, rune(lo)); p != utf8.RuneError {
					r = p
					i += 7
				}
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// bstrAt reads an _xHHHH_ escape at s[i:].
func bstrAt(s string, i int) (uint64, bool) {
	if i+7 > len(s) || s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' {
		return 0, false
	}
	n, err := strconv.ParseUint(s[i+2:i+6], 16, 16)
	return n, err == nil
}

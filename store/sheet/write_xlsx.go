package sheet

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"asndesk/domain"
	"asndesk/domain/doc"
)

// The XLSX writer emits SpreadsheetML directly with archive/zip: the
// package parts are a few fixed texts, and each worksheet is streamed row
// by row, so a 10,000-row export never holds its XML in memory.

const (
	nsMain  = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

	maxCellChars = 32767 // Excel refuses (and "repairs") longer cells
)

// Cell styles, indexes into cellXfs of stylesXML.
const (
	styleTitle  = 1
	styleHeader = 2
	styleDate   = 3
)

// stylesXML: Calibri 11; the title bold 12; the header bold on light grey
// with a grey bottom border, wrapped and centred vertically; dates
// dd-mm-yyyy (custom format 164, the first id free for custom formats).
const stylesXML = xmlDecl + `<styleSheet xmlns="` + nsMain + `">` +
	`<numFmts count="1"><numFmt numFmtId="164" formatCode="` + dateFormat + `"/></numFmts>` +
	`<fonts count="3">` +
	`<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
	`<font><b/><sz val="12"/><name val="Calibri"/><family val="2"/></font>` +
	`<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
	`</fonts>` +
	`<fills count="3">` +
	`<fill><patternFill patternType="none"/></fill>` +
	`<fill><patternFill patternType="gray125"/></fill>` +
	`<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill>` +
	`</fills>` +
	`<borders count="2">` +
	`<border><left/><right/><top/><bottom/><diagonal/></border>` +
	`<border><left/><right/><top/><bottom style="thin"><color rgb="FF808080"/></bottom><diagonal/></border>` +
	`</borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="4">` +
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
	`<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">` +
	`<alignment vertical="center" wrapText="1"/></xf>` +
	`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`</cellXfs>` +
	`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
	`<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
	`</styleSheet>`

const rootRelsXML = xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + nsRel + `/officeDocument" Target="xl/workbook.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + nsRel + `/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const appXML = xmlDecl + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
	`<Application>asndesk</Application></Properties>`

const coreXML = xmlDecl + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
	`xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>asndesk</dc:creator></cp:coreProperties>`

// zipTime is the entries' date: a fixed one keeps equal exports equal.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

func writeBook(w io.Writer, sheets []doc.Sheet) error {
	names := SheetNames(sheets)
	zw := zip.NewWriter(w)
	// Fastest deflate: the XML is repetitive, so it still shrinks ~10×,
	// at a fraction of the default level's time.
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	put := func(name string, body []byte) error {
		pw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
		if err == nil {
			_, err = pw.Write(body)
		}
		return err
	}
	var b []byte
	b = append(b, xmlDecl+`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`+
		`<Default Extension="xml" ContentType="application/xml"/>`+
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`+
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`+
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`+
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`...)
	for i := range sheets {
		b = append(b, `<Override PartName="/xl/worksheets/sheet`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`...)
	}
	b = append(b, `</Types>`...)
	if err := put("[Content_Types].xml", b); err != nil {
		return err
	}
	if err := put("_rels/.rels", []byte(rootRelsXML)); err != nil {
		return err
	}
	if err := put("docProps/app.xml", []byte(appXML)); err != nil {
		return err
	}
	if err := put("docProps/core.xml", []byte(coreXML)); err != nil {
		return err
	}
	if err := put("xl/workbook.xml", workbookXML(names, sheets)); err != nil {
		return err
	}
	b = append(b[:0], xmlDecl+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`...)
	for i := range sheets {
		n := strconv.Itoa(i + 1)
		b = append(b, `<Relationship Id="rId`+n+`" Type="`+nsRel+`/worksheet" Target="worksheets/sheet`+n+`.xml"/>`...)
	}
	b = append(b, `<Relationship Id="rId`+strconv.Itoa(len(sheets)+1)+`" Type="`+nsRel+`/styles" Target="styles.xml"/></Relationships>`...)
	if err := put("xl/_rels/workbook.xml.rels", b); err != nil {
		return err
	}
	if err := put("xl/styles.xml", []byte(stylesXML)); err != nil {
		return err
	}
	for i := range sheets {
		pw, err := zw.CreateHeader(&zip.FileHeader{Name: "xl/worksheets/sheet" + strconv.Itoa(i+1) + ".xml",
			Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		if err := writeSheet(pw, &sheets[i], i == 0); err != nil {
			return err
		}
	}
	return zw.Close()
}

// layout is where a sheet's parts go: the header row (1, or 2 under a
// title) and the number of columns.
func layout(s *doc.Sheet) (head, ncol int) {
	ncol = len(s.Columns)
	for _, r := range s.Rows {
		ncol = max(ncol, len(r))
	}
	head = 1
	if s.Title != "" {
		head = 2
	}
	return head, ncol
}

// workbookXML lists the sheets, the first one active, and each header's
// autofilter range as the hidden name Excel keeps for it.
func workbookXML(names []string, sheets []doc.Sheet) []byte {
	b := []byte(xmlDecl + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">` +
		`<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, n := range names {
		id := strconv.Itoa(i + 1)
		b = append(b, `<sheet name="`...)
		b = appendEscaped(b, n)
		b = append(b, `" sheetId="`+id+`" r:id="rId`+id+`"/>`...)
	}
	b = append(b, `</sheets>`...)
	filters := false
	for i := range sheets {
		head, ncol := layout(&sheets[i])
		if ncol == 0 {
			continue
		}
		if !filters {
			b = append(b, `<definedNames>`...)
			filters = true
		}
		b = append(b, `<definedName name="_xlnm._FilterDatabase" localSheetId="`+strconv.Itoa(i)+`" hidden="1">'`...)
		b = appendEscaped(b, strings.ReplaceAll(names[i], "'", "''"))
		b = append(b, "'!"+absRange(head, ncol, head+len(sheets[i].Rows))...)
		b = append(b, `</definedName>`...)
	}
	if filters {
		b = append(b, `</definedNames>`...)
	}
	return append(b, `</workbook>`...)
}

// absRange is $A$top:$X$bottom for columns 1…ncol.
func absRange(top, ncol, bottom int) string {
	return "$A$" + strconv.Itoa(top) + ":$" + colName(ncol) + "$" + strconv.Itoa(bottom)
}

// writeSheet streams one worksheet: dimension, frozen header pane,
// column widths, the cells, the autofilter, in the order the schema
// requires.
func writeSheet(w io.Writer, s *doc.Sheet, first bool) error {
	head, ncol := layout(s)
	typ := func(c int) string {
		if c < len(s.Types) {
			return s.Types[c]
		}
		return ""
	}
	cols := make([]string, ncol) // column letters, computed once
	for c := range cols {
		cols[c] = colName(c + 1)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	b := make([]byte, 0, 4096)
	b = append(b, xmlDecl+`<worksheet xmlns="`+nsMain+`" xmlns:r="`+nsRel+`"><dimension ref="`...)
	lastRow, lastCol := 1, max(ncol, 1)
	if ncol > 0 {
		lastRow = head + len(s.Rows)
	}
	b = append(b, "A1"...)
	if lastRow > 1 || lastCol > 1 {
		b = append(b, ":"+colName(lastCol)+strconv.Itoa(lastRow)...)
	}
	b = append(b, `"/><sheetViews><sheetView`...)
	if first {
		b = append(b, ` tabSelected="1"`...)
	}
	b = append(b, ` workbookViewId="0"`...)
	if ncol > 0 {
		// The header (and the title above it) stay in view while scrolling.
		below := "A" + strconv.Itoa(head+1)
		b = append(b, `><pane ySplit="`+strconv.Itoa(head)+`" topLeftCell="`+below+`" activePane="bottomLeft" state="frozen"/>`+
			`<selection pane="bottomLeft" activeCell="`+below+`" sqref="`+below+`"/></sheetView>`...)
	} else {
		b = append(b, `/>`...)
	}
	b = append(b, `</sheetViews><sheetFormatPr defaultRowHeight="15"/>`...)
	if ncol > 0 {
		b = append(b, `<cols>`...)
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
			n := strconv.Itoa(c + 1)
			b = append(b, `<col min="`+n+`" max="`+n+`" width="`+strconv.Itoa(min(max(width+2, minColWidth), maxColWidth))+`" customWidth="1"/>`...)
		}
		b = append(b, `</cols>`...)
	}
	b = append(b, `<sheetData>`...)
	if s.Title != "" {
		b = append(b, `<row r="1">`...)
		b = appendText(b, "A1", styleTitle, s.Title)
		b = append(b, `</row>`...)
	}
	if ncol > 0 {
		r := strconv.Itoa(head)
		b = append(b, `<row r="`+r+`">`...)
		for c := range ncol {
			v := ""
			if c < len(s.Columns) {
				v = s.Columns[c]
			}
			// Empty header cells keep the header's shading.
			b = appendText(b, cols[c]+r, styleHeader, v)
		}
		b = append(b, `</row>`...)
	}
	for i, row := range s.Rows {
		if ncol == 0 {
			break
		}
		r := strconv.Itoa(head + 1 + i)
		b = append(b, `<row r="`+r+`">`...)
		for c := range min(ncol, len(row)) {
			b = appendCell(b, cols[c]+r, row[c], typ(c))
		}
		b = append(b, `</row>`...)
		if len(b) >= 32<<10 {
			if _, err := bw.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	b = append(b, `</sheetData>`...)
	if ncol > 0 {
		b = append(b, `<autoFilter ref="A`+strconv.Itoa(head)+":"+cols[ncol-1]+strconv.Itoa(head+len(s.Rows))+`"/>`...)
	}
	b = append(b, `</worksheet>`...)
	if _, err := bw.Write(b); err != nil {
		return err
	}
	return bw.Flush()
}

// appendCell writes text v of a column of type t: a number, a date, or
// text; an empty cell is left out.
func appendCell(b []byte, ref, v, t string) []byte {
	switch {
	case v == "":
		return b
	case t == "n":
		if n, ok := ParseNumber(v); ok {
			b = append(b, `<c r="`+ref+`"><v>`...)
			b = append(b, formatNumber(n)...)
			return append(b, `</v></c>`...)
		}
	case t == "d":
		if d, err := domain.ParseDate(v); err == nil && !d.IsZero() && d.Year >= 1900 {
			b = append(b, `<c r="`+ref+`" s="`+strconv.Itoa(styleDate)+`"><v>`...)
			b = strconv.AppendInt(b, serial(d), 10)
			return append(b, `</v></c>`...)
		}
	}
	return appendText(b, ref, 0, v)
}

// serial is Excel's day number of d in the 1900 date system, which counts
// a 29 February 1900 that never was: days from 31 December 1899, one
// more from March 1900 on.
func serial(d domain.Date) int64 {
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	n := int64(t.Sub(time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)).Hours()) / 24
	if !t.Before(time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)) {
		n++
	}
	return n
}

// formatNumber writes n in plain decimal notation with at most the 15
// significant digits Excel keeps (as excelize did: 1e20 is "100000000000000000000").
func formatNumber(n float64) string {
	s := strconv.FormatFloat(n, 'f', -1, 64)
	if math.Abs(n) == math.MaxFloat64 {
		return s
	}
	dot := strings.IndexByte(s, '.')
	sig := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || sig == 0 && s[i] == '0' {
			continue
		}
		if sig++; sig <= 15 {
			continue
		}
		if dot >= 0 && i > dot {
			return strings.TrimSuffix(s[:i], ".")
		}
		if dot < 0 {
			dot = len(s)
		}
		out := []byte(s[:dot])
		for ; i < len(out); i++ {
			out[i] = '0'
		}
		return string(out)
	}
	return s
}

// appendText writes an inline-string cell (a styled blank cell for empty
// text). Text beyond Excel's 32,767 characters is cut.
func appendText(b []byte, ref string, style int, v string) []byte {
	b = append(b, `<c r="`+ref+`"`...)
	if style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	if v == "" {
		return append(b, `/>`...)
	}
	if len(v) > maxCellChars && utf8.RuneCountInString(v) > maxCellChars {
		v = string([]rune(v)[:maxCellChars])
	}
	b = append(b, ` t="inlineStr"><is><t`...)
	if first, last := v[0], v[len(v)-1]; first == ' ' || first == '\t' || first == '\n' || first == '\r' ||
		last == ' ' || last == '\t' || last == '\n' || last == '\r' {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	b = appendEscaped(b, escapeBstr(v))
	return append(b, `</t></is></c>`...)
}

// escapeBstr protects text that looks like Excel's _xHHHH_ escapes, which
// Excel would otherwise decode: "_x0041_" is written "_x005F_x0041_".
func escapeBstr(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if _, ok := bstrAt(s, i); ok {
			b.WriteString("_x005F")
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// appendEscaped writes s as XML text or attribute value: markup escaped,
// CR as a reference (a parser turns a bare CR into LF), characters XML
// 1.0 forbids (control characters but tab, LF and CR; U+FFFE, U+FFFF)
// dropped, invalid UTF-8 replaced by U+FFFD.
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '&':
				b = append(b, "&amp;"...)
			case c == '<':
				b = append(b, "&lt;"...)
			case c == '>':
				b = append(b, "&gt;"...)
			case c == '"':
				b = append(b, "&quot;"...)
			case c == '\r':
				b = append(b, "&#13;"...)
			case c >= 0x20 || c == '\t' || c == '\n':
				b = append(b, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, "\uFFFD"...)
		case r == 0xFFFE || r == 0xFFFF:
		default:
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return b
}

// colName is the letters of 1-based column c: A … Z, AA … XFD.
func colName(c int) string {
	var buf [3]byte
	i := len(buf)
	for c > 0 && i > 0 {
		c--
		i--
		buf[i] = byte('A' + c%26)
		c /= 26
	}
	return string(buf[i:])
}

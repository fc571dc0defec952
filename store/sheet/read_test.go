package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"asndesk/domain"
	"asndesk/domain/importer"

	"github.com/xuri/excelize/v2"
)

func writeFile(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// simpegWorkbook is a SIMPEG-like export: an empty first sheet, title
// rows above the column titles, a NIP stored as text, one rounded by
// Excel, dates as serial numbers.
func simpegWorkbook(t *testing.T, opts ...excelize.Options) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if _, err := f.NewSheet("Pegawai"); err != nil {
		t.Fatal(err)
	}
	set := func(cell string, v any) {
		t.Helper()
		if err := f.SetCellValue("Pegawai", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "DAFTAR PEGAWAI KECAMATAN CONTOH")
	set("A3", "NIP BARU")
	set("B3", "NAMA")
	set("C3", "TGL LAHIR")
	set("D3", "GOL")
	set("A4", "198501012010011001")
	set("B4", "Budi Santoso")
	set("C4", 31048)
	set("D4", "III/b")
	// What Excel stores for an 18-digit number: 15 significant digits.
	if err := f.SetCellDefault("Pegawai", "A5", "1.98501012010011E+17"); err != nil {
		t.Fatal(err)
	}
	set("B5", "Siti Aminah")
	set("C5", "26-09-1986")
	var buf bytes.Buffer
	if err := f.Write(&buf, opts...); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadXLSXKeepsRawValues(t *testing.T) {
	g, err := Read(writeFile(t, "pegawai.bin", simpegWorkbook(t)))
	if err != nil {
		t.Fatal(err)
	}
	if g.Sheet != "Pegawai" {
		t.Fatalf("sheet %q: the empty Sheet1 must be skipped", g.Sheet)
	}
	want := []importer.Cell{{Text: "198501012010011001"}, {Text: "Budi Santoso"}, {Text: "31048", Number: true}, {Text: "III/b"}}
	if !reflect.DeepEqual(g.Rows[3], want) {
		t.Fatalf("row 4 = %+v", g.Rows[3])
	}
	if c := g.Rows[4][0]; c != (importer.Cell{Text: "1.98501012010011E+17", Number: true}) {
		t.Fatalf("rounded NIP = %+v", c)
	}
	// The whole chain: the importer explains the rounded NIP.
	rep, err := importer.Plan(importer.Input{Kind: importer.Pegawai, Grid: g, Mapping: importer.AutoMap(importer.Pegawai, g),
		Today: domain.Date{Year: 2026, Month: 11, Day: 23}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Header != 3 || rep.Counts.New != 1 || rep.Counts.Error != 1 || rep.Rows[0].Employee.TanggalLahir.ISO() != "1985-01-01" {
		t.Fatalf("report:\n%s", rep.Text())
	}
}

func TestReadCSV(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    []byte
		want [][]string
	}{
		{"utf8 with bom, semicolons", []byte("\xEF\xBB\xBFNIP;NAMA\r\n198501012010011001;Budi; \r\n"),
			[][]string{{"NIP", "NAMA"}, {"198501012010011001", "Budi", " "}}},
		{"commas with quotes", []byte("NIP,NAMA,ALAMAT\n198501012010011001,Budi,\"Jl. Merdeka 1, Bandung\"\n"),
			[][]string{{"NIP", "NAMA", "ALAMAT"}, {"198501012010011001", "Budi", "Jl. Merdeka 1, Bandung"}}},
		{"tabs", []byte("NIP\tNAMA\n198501012010011001\tBudi\n"),
			[][]string{{"NIP", "NAMA"}, {"198501012010011001", "Budi"}}},
		{"windows-1252", []byte("NIP;NAMA\n198501012010011001;Andr\xe9 \x93Ucok\x94\n"),
			[][]string{{"NIP", "NAMA"}, {"198501012010011001", "André “Ucok”"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := ReadBytes("data.csv", tc.b)
			if err != nil {
				t.Fatal(err)
			}
			var got [][]string
			for _, r := range g.Rows {
				var row []string
				for _, c := range r {
					row = append(row, c.Text)
				}
				got = append(got, row)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %q", got)
			}
		})
	}
}

func zipOf(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, n := range names {
		f, err := w.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte("<x/>"))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestBadFilesGetAClearMessage(t *testing.T) {
	emptyBook := func() []byte {
		f := excelize.NewFile()
		defer f.Close()
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	// An old .xls: an OLE compound file without the encryption stream.
	xls := append(append([]byte{}, sigOLE...), make([]byte, 1024)...)
	copy(xls[600:], utf16le("Workbook"))
	for _, tc := range []struct {
		name string
		b    []byte
		want string
	}{
		{"password", simpegWorkbook(t, excelize.Options{Password: "rahasia"}),
			"Berkas f.xlsx dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File › Info › Lindungi Buku Kerja › " +
				"Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu impor lagi."},
		{"old xls", xls, "Berkas f.xlsx berformat Excel lama (.xls). Buka di Excel, simpan sebagai Buku Kerja Excel (.xlsx) " +
			"atau CSV, lalu impor berkas itu."},
		{"docx", zipOf(t, "[Content_Types].xml", "word/document.xml"),
			"Berkas f.xlsx adalah dokumen Word, bukan lembar kerja Excel. Impor memerlukan berkas XLSX (Excel) atau CSV."},
		{"plain zip", zipOf(t, "a.txt"),
			"Berkas f.xlsx adalah arsip ZIP, bukan lembar kerja Excel. Impor memerlukan berkas XLSX (Excel) atau CSV."},
		{"broken zip", []byte("PK\x03\x04garbage"), "Berkas f.xlsx rusak atau tidak lengkap (arsip ZIP tidak terbaca)."},
		{"pdf", []byte("%PDF-1.7\n..."), "Berkas f.xlsx adalah PDF, bukan lembar kerja. Impor memerlukan berkas XLSX (Excel) atau CSV."},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "Berkas f.xlsx adalah gambar, bukan lembar kerja. Impor memerlukan berkas XLSX (Excel) atau CSV."},
		{"binary", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1}, "Berkas f.xlsx bukan lembar kerja. Impor memerlukan berkas XLSX (Excel) atau CSV."},
		{"empty", nil, "Berkas f.xlsx kosong."},
		{"blank", []byte(" \r\n"), "Berkas f.xlsx kosong."},
		{"workbook without rows", emptyBook(), "Lembar kerja di berkas f.xlsx tidak berisi data."},
		{"csv without values", []byte(";;\n;;\n"), "Lembar kerja di berkas f.xlsx tidak berisi data."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(writeFile(t, "f.xlsx", tc.b))
			if got := domain.ErrorMessage(err); got != tc.want {
				t.Fatalf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestReadMissingFileAndFolder(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "tidak-ada.xlsx")
	if _, err := Read(p); domain.ErrorMessage(err) != "Berkas "+p+" tidak ditemukan. Periksa nama dan foldernya." {
		t.Fatalf("got %q", domain.ErrorMessage(err))
	}
	if _, err := Read(dir); domain.ErrorMessage(err) != dir+" adalah folder, bukan berkas lembar kerja." {
		t.Fatalf("got %q", domain.ErrorMessage(err))
	}
}

// xlsxOf builds a workbook from hand-written parts (name, text, …), to
// reach what excelize's writer never produces: shared and rich-text
// strings, cells without references, relocated parts, the 1904 system.
func xlsxOf(t *testing.T, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		f, err := w.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(parts[i+1]))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	xmlHead  = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	mainNS   = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	relNS    = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	typesXML = xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`</Types>`
	rootRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="` + relNS + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`
)

// handBook is a two-sheet workbook: "Kosong" without cells, then "Data"
// in a part the relationships put at /xl/data/lembar2.xml.
func handBook(t *testing.T, workbookPr, styles, sst, data string) []byte {
	t.Helper()
	return xlsxOf(t,
		"[Content_Types].xml", typesXML,
		"_rels/.rels", rootRels,
		"xl/workbook.xml", xmlHead+`<workbook `+mainNS+` xmlns:r="`+relNS+`">`+workbookPr+
			`<sheets><sheet name="Kosong" sheetId="1" r:id="rId1"/><sheet name="Data" sheetId="2" r:id="rId7"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", xmlHead+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
			`<Relationship Id="rId1" Type="`+relNS+`/worksheet" Target="worksheets/sheet1.xml"/>`+
			`<Relationship Id="rId7" Type="`+relNS+`/worksheet" Target="/xl/data/lembar2.xml"/>`+
			`<Relationship Id="rId8" Type="`+relNS+`/styles" Target="styles.xml"/>`+
			`<Relationship Id="rId9" Type="`+relNS+`/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/styles.xml", xmlHead+`<styleSheet `+mainNS+`>`+styles+`</styleSheet>`,
		"xl/sharedStrings.xml", xmlHead+`<sst `+mainNS+`>`+sst+`</sst>`,
		"xl/worksheets/sheet1.xml", xmlHead+`<worksheet `+mainNS+`><sheetData/></worksheet>`,
		"xl/data/lembar2.xml", xmlHead+`<worksheet `+mainNS+`><sheetData>`+data+`</sheetData></worksheet>`,
	)
}

// excelizeGrid is what the reader returned when it used excelize: the
// first sheet with a value, raw values, Number for number-looking values
// of cells stored as numbers.
func excelizeGrid(t *testing.T, b []byte) importer.Grid {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		g, data := importer.Grid{Sheet: sh}, false
		for r, row := range rows {
			var cells []importer.Cell
			for c, v := range row {
				cell := importer.Cell{Text: v}
				if v != "" {
					data = true
					ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
					typ, err := f.GetCellType(sh, ref)
					if err != nil {
						t.Fatal(err)
					}
					_, perr := strconv.ParseFloat(v, 64)
					cell.Number = perr == nil && (typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber)
				}
				cells = append(cells, cell)
			}
			g.Rows = append(g.Rows, cells)
		}
		if data {
			return g
		}
	}
	t.Fatal("excelize found no data")
	return importer.Grid{}
}

// TestReadXLSXByHand: every way a cell's value is stored, checked against
// the expected cells and against excelize.
func TestReadXLSXByHand(t *testing.T) {
	b := handBook(t, "",
		`<numFmts count="1"><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>`+
			`<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>`,
		`<si><t>NIP</t></si>`+
			`<si><r><t>a</t></r><r><rPr><b/></rPr><t xml:space="preserve">b </t></r></si>`+
			`<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>`+
			`<si><t>123</t></si>`+
			`<si><t>x_x000D_y_x005F_x0041_</t></si>`,
		// Row 1: shared strings with B1 skipped. Row 2: cells without
		// references, an inline string, booleans, C2 skipped. Row 3 absent.
		// Row 4: formulas with cached values, an error, a date serial, an
		// 18-digit NIP Excel rounded, a formula not yet calculated. Row 5
		// has no reference, a number typed t="n" and digits as text.
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>`+
			`<row r="2"><c t="inlineStr"><is><t xml:space="preserve"> inline </t></is></c><c t="b"><v>1</v></c>`+
			`<c r="D2" t="b"><v>0</v></c><c r="E2" t="inlineStr"><is><r><t>ri</t></r><r><t>ch</t></r></is></c></row>`+
			`<row r="4"><c r="A4"><f>1+1</f><v>2</v></c><c r="B4" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>`+
			`<c r="C4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D4" s="1"><v>31048</v></c>`+
			`<c r="E4"><v>1.98501012010011E+17</v></c><c r="F4" t="s"><v>4</v></c><c r="G4"><f>A4*2</f></c></row>`+
			`<row><c t="n"><v>7</v></c><c t="s"><v>3</v></c><c r="D5" t="inlineStr"><is><t>&lt;&amp;&gt;</t></is></c></row>`)
	g, err := ReadBytes("tangan.xlsx", b)
	if err != nil {
		t.Fatal(err)
	}
	n := func(s string) importer.Cell { return importer.Cell{Text: s, Number: true} }
	s := func(s string) importer.Cell { return importer.Cell{Text: s} }
	want := importer.Grid{Sheet: "Data", Rows: [][]importer.Cell{
		{s("NIP"), {}, s("ab "), s("漢字")},
		{s(" inline "), s("1"), {}, s("0"), s("rich")},
		nil,
		{n("2"), s("xy"), s("#DIV/0!"), n("31048"), n("1.98501012010011E+17"), s("x\ry_x0041_"), {}},
		{n("7"), s("123"), {}, s("<&>")},
	}}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("got  %+v\nwant %+v", g, want)
	}
	if ex := excelizeGrid(t, b); !reflect.DeepEqual(g, ex) {
		t.Errorf("excelize reads\n     %+v\nwe read %+v", ex, g)
	}
}

// TestReadXLSX1904: serials of a 1904-system workbook in date-formatted
// cells come out in the 1900 system the importer reads; other numbers and
// times are left alone.
func TestReadXLSX1904(t *testing.T) {
	b := handBook(t, `<workbookPr date1904="1"/>`,
		`<numFmts count="2"><numFmt numFmtId="165" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="166" formatCode="[Red]&quot;d&quot;0.00"/></numFmts>`+
			`<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="20"/><xf numFmtId="166"/></cellXfs>`,
		``,
		`<row r="1"><c r="A1" s="1"><v>29586</v></c><c r="B1"><v>29586</v></c><c r="C1" s="2"><v>29586.5</v></c>`+
			`<c r="D1" s="3"><v>0.5</v></c><c r="E1" s="4"><v>12</v></c><c r="F1" s="1" t="inlineStr"><is><t>29586</t></is></c></row>`)
	g, err := ReadBytes("mac.xlsx", b)
	if err != nil {
		t.Fatal(err)
	}
	want := []importer.Cell{{Text: "31048", Number: true}, {Text: "29586", Number: true}, {Text: "31048.5", Number: true},
		{Text: "0.5", Number: true}, {Text: "12", Number: true}, {Text: "29586"}}
	if !reflect.DeepEqual(g.Rows, [][]importer.Cell{want}) {
		t.Errorf("got %+v", g.Rows)
	}
}

// TestReadXLSXBrokenParts: a worksheet that is not XML names the sheet;
// a workbook part that is not XML gets the general message.
func TestReadXLSXBrokenParts(t *testing.T) {
	b := handBook(t, "", "", "", `<row r="1"><c r="A1"><v>1</v></c></row><row`)
	if _, err := ReadBytes("f.xlsx", b); domain.ErrorMessage(err) != "Lembar «Data» di berkas f.xlsx tidak dapat dibaca." {
		t.Errorf("broken sheet: %q", domain.ErrorMessage(err))
	}
	b = handBook(t, "<workbookPr", "", "", "")
	if _, err := ReadBytes("f.xlsx", b); domain.ErrorMessage(err) != "Berkas f.xlsx tidak dapat dibaca sebagai lembar kerja Excel. "+
		"Buka di Excel, simpan ulang sebagai .xlsx, lalu impor lagi." {
		t.Errorf("broken workbook: %q", domain.ErrorMessage(err))
	}
}

// BenchmarkReadXLSX reads a 10,000-row, 17-column export as SIMPEG
// writes it (the reading part of BenchmarkImportXLSX in store).
func BenchmarkReadXLSX(b *testing.B) {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	for r := 1; r <= 10000; r++ {
		row := make([]any, 17)
		for c := range row {
			switch c % 3 {
			case 0:
				row[c] = fmt.Sprintf("1986092620150520%02d", r%100)
			case 1:
				row[c] = 31048 + r
			default:
				row[c] = fmt.Sprint("Unit ", r%20)
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	f.Close()
	for b.Loop() {
		if _, err := ReadBytes("pegawai.xlsx", buf.Bytes()); err != nil {
			b.Fatal(err)
		}
	}
}

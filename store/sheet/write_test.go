package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"asndesk/domain"
	"asndesk/domain/doc"
	"asndesk/domain/importer"

	"github.com/xuri/excelize/v2"
)

// -update rewrites testdata/write_* goldens; the reader's tests in this
// package may define the same flag, so it is registered only once.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite testdata goldens")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func sampleSheets() []doc.Sheet {
	return []doc.Sheet{
		{
			Name:    "Pegawai",
			Title:   "DAFTAR PEGAWAI KECAMATAN SUKAMAJU",
			Columns: []string{"NIP", "NAMA", "TANGGAL LAHIR", "NILAI", "JUMLAH", "CATATAN"},
			Types:   []string{"", "", "d", "n", "n"},
			Rows: [][]string{
				{"198609262015052001", "Siti Aminah, S.Kom.", "26-09-1986", "3,50", "12", "“kutip” – é ½"},
				{"199001152023212005", "Budi", "bukan tanggal", "tidak ada", "1.500", "baris satu\nbaris dua"},
				{"", "Tanpa NIP", "", "", "-2", ""},
			},
		},
		{
			Name:    "DUK: 2026/11 [semua] unit kerja yang sangat panjang",
			Columns: []string{"No", "Nama"},
			Types:   []string{"n"},
			Rows:    [][]string{{"1", "A"}, {"2", "B", "kolom lebih"}},
		},
		{Name: "pegawai", Columns: []string{"X"}},
	}
}

// dumpXLSX lists every cell as Excel shows it, with its kind: "t" text,
// "n" number, "d" date (a number with the DD-MM-YYYY format).
func dumpXLSX(t *testing.T, f *excelize.File) string {
	t.Helper()
	var b strings.Builder
	for _, name := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", name)
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			var cells []string
			for c, v := range row {
				if v == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				cells = append(cells, fmt.Sprintf("%s=%q(%s)", ref, v, cellKind(t, f, name, ref)))
			}
			fmt.Fprintf(&b, "%d: %s\n", r+1, strings.Join(cells, " "))
		}
	}
	return b.String()
}

func cellKind(t *testing.T, f *excelize.File, sheet, ref string) string {
	typ, err := f.GetCellType(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	switch typ {
	case excelize.CellTypeInlineString, excelize.CellTypeSharedString:
		return "t"
	case excelize.CellTypeUnset, excelize.CellTypeNumber:
		id, _ := f.GetCellStyle(sheet, ref)
		if st, _ := f.GetStyle(id); st != nil && st.CustomNumFmt != nil && *st.CustomNumFmt == dateFormat {
			return "d"
		}
		return "n"
	}
	return fmt.Sprint(typ)
}

// zipPart is one part of the XLSX package as text.
func zipPart(t *testing.T, xlsx []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if updating() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n--- got\n%s--- want\n%s", name, got, want)
	}
}

// TestWriteXLSX: the cells Excel shows — NIPs as 18-digit text, dates as
// real dates, numbers as numbers, anything unparsable kept as typed — and
// the sheet names, frozen header, autofilter and widths.
func TestWriteXLSX(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, sampleSheets()); err != nil {
		t.Fatal(err)
	}
	raw := bytes.Clone(buf.Bytes())
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	golden(t, "write_xlsx.golden", dumpXLSX(t, f))

	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"Pegawai", "DUK- 2026-11 -semua- unit kerja", "pegawai (2)"}) {
		t.Errorf("sheets %q", got)
	}
	p, err := f.GetPanes("Pegawai")
	if err != nil || !p.Freeze || p.YSplit != 2 || p.TopLeftCell != "A3" {
		t.Errorf("Pegawai panes %+v, %v", p, err)
	}
	if p, _ := f.GetPanes("pegawai (2)"); !p.Freeze || p.YSplit != 1 {
		t.Errorf("untitled sheet panes %+v", p)
	}
	filters := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" {
			filters[d.Scope] = d.RefersTo
		}
	}
	if filters["Pegawai"] != "'Pegawai'!$A$2:$F$5" {
		t.Errorf("autofilters %q", filters)
	}
	// The sheet's own range is relative, as Excel writes it; the defined
	// name above carries the absolute one.
	if x := zipPart(t, raw, "xl/worksheets/sheet1.xml"); !strings.Contains(x, `<autoFilter ref="A2:F5"`) {
		t.Errorf("sheet1 has no autofilter:\n%s", x)
	}
	for col, want := range map[string]float64{"A": 20, "C": 15, "F": 15} {
		if w, _ := f.GetColWidth("Pegawai", col); w != want {
			t.Errorf("width %s = %v, want %v", col, w, want)
		}
	}
	// A date's stored value is Excel's serial day number.
	if v, _ := f.GetCellValue("Pegawai", "C3", excelize.Options{RawCellValue: true}); v != "31681" {
		t.Errorf("26-09-1986 stored as %q", v)
	}
}

// TestWriteXLSXLimits: nothing to write is refused; long cells cap the
// column width; an empty sheet is still a valid workbook.
func TestWriteXLSXLimits(t *testing.T) {
	err := WriteXLSX(&bytes.Buffer{}, nil)
	if domain.ErrorCode(err) != domain.EINVALID || domain.ErrorMessage(err) != "Tidak ada daftar untuk diekspor." {
		t.Fatalf("err = %v", err)
	}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, []doc.Sheet{{}, {Name: "Panjang", Columns: []string{"A"}, Rows: [][]string{{strings.Repeat("x", 500)}}}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"Lembar 1", "Panjang"}) {
		t.Errorf("sheets %q", got)
	}
	if w, _ := f.GetColWidth("Panjang", "A"); w != maxColWidth {
		t.Errorf("width %v", w)
	}
}

func TestSheetNames(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want []string
	}{
		{[]string{"DUK", "duk", "DUK"}, []string{"DUK", "duk (2)", "DUK (3)"}},
		{[]string{"a/b\\c?d*e[f]g:h"}, []string{"a-b-c-d-e-f-g-h"}},
		{[]string{"", "  ", "'kutip'"}, []string{"Lembar 1", "Lembar 2", "kutip"}},
		{[]string{strings.Repeat("é", 40), strings.Repeat("é", 40)}, []string{strings.Repeat("é", 31), strings.Repeat("é", 27) + " (2)"}},
	} {
		var sheets []doc.Sheet
		for _, n := range c.in {
			sheets = append(sheets, doc.Sheet{Name: n})
		}
		if got := SheetNames(sheets); !reflect.DeepEqual(got, c.want) {
			t.Errorf("SheetNames(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]any{
		"12": 12.0, "-3": -3.0, "3,50": 3.5, "1.234,5": 1234.5, "12.500": 12500.0, "1.234.567": 1234567.0,
		"1234.5": 1234.5, "0,25": 0.25, " 7 ": 7.0,
		"": nil, "abc": nil, "1e5": nil, "NaN": nil, "Inf": nil, "12 laporan": nil, "0x10": nil,
	} {
		n, ok := ParseNumber(in)
		switch {
		case want == nil && ok:
			t.Errorf("ParseNumber(%q) = %v, want refusal", in, n)
		case want != nil && (!ok || n != want.(float64)):
			t.Errorf("ParseNumber(%q) = %v, %v, want %v", in, n, ok, want)
		}
	}
}

// TestWriteCSV: a BOM for Excel, CRLF, the header without the title, and
// every cell back as written — commas, quotes, newlines, é, 18-digit NIPs,
// DD-MM-YYYY dates.
func TestWriteCSV(t *testing.T) {
	s := sampleSheets()[0]
	s.Rows = append(s.Rows, []string{"1", "koma, \"kutip\"", "01-01-2000"})
	var buf bytes.Buffer
	if err := WriteCSV(&buf, s); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	if !bytes.HasPrefix(raw, []byte("\xef\xbb\xbfNIP,NAMA,TANGGAL LAHIR,NILAI,JUMLAH,CATATAN\r\n198609262015052001,")) {
		t.Fatalf("start %q", raw[:min(len(raw), 80)])
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))))
	got, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{s.Columns}
	for _, row := range s.Rows {
		full := make([]string, len(s.Columns))
		copy(full, row)
		want = append(want, full)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %q\nwant %q", got, want)
	}
	if bytes.Contains(bytes.ReplaceAll(raw, []byte("\r\n"), nil), []byte("\r")) {
		t.Error("a bare CR")
	}
}

func BenchmarkWriteXLSX(b *testing.B) {
	for _, n := range []int{10000} {
		s := doc.Sheet{Name: "Pegawai", Title: "DAFTAR", Columns: []string{"NIP", "NAMA", "TANGGAL LAHIR", "NILAI", "UNIT"},
			Types: []string{"", "", "d", "n", ""}}
		for i := range n {
			s.Rows = append(s.Rows, []string{fmt.Sprintf("1986092620150520%02d", i%100), fmt.Sprint("Pegawai ", i), "26-09-1986", "3,50", "Sekretariat"})
		}
		b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
			for b.Loop() {
				var buf bytes.Buffer
				if err := WriteXLSX(&buf, []doc.Sheet{s}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestWriteXLSXText: text Excel must get back exactly — markup, quotes,
// CR LF, leading and trailing spaces, text that looks like Excel's own
// _xHHHH_ escapes, characters beyond the BMP — and characters XML 1.0
// cannot carry (other control characters) dropped; checked with excelize
// and with our reader.
func TestWriteXLSXText(t *testing.T) {
	in := []string{`<a href="x">&amp;</a> 'k'`, "satu\r\ndua", "  spasi\t", "_x0041_ dan _x005F_", "😀 é", "a\x01b\x1fc\x7f", "bad\xffutf8"}
	want := []string{`<a href="x">&amp;</a> 'k'`, "satu\r\ndua", "  spasi\t", "_x0041_ dan _x005F_", "😀 é", "abc\x7f", "bad\uFFFDutf8"}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, []doc.Sheet{{Name: "Teks", Columns: []string{"T"}, Rows: [][]string{in}}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Teks")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || !reflect.DeepEqual(rows[1], want) {
		t.Errorf("excelize reads %q", rows)
	}
	g, err := ReadBytes("teks.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range g.Rows[1] {
		got = append(got, c.Text)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("we read %q", got)
	}
}

// TestWriteXLSXRoundTrip: an export imports back cell for cell — dates as
// serials and numbers marked as numbers, NIPs as text.
func TestWriteXLSXRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, sampleSheets()); err != nil {
		t.Fatal(err)
	}
	g, err := ReadBytes("ekspor.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if g.Sheet != "Pegawai" || len(g.Rows) != 5 {
		t.Fatalf("sheet %q, %d rows", g.Sheet, len(g.Rows))
	}
	row := g.Rows[2]
	if row[0] != (importer.Cell{Text: "198609262015052001"}) || row[2] != (importer.Cell{Text: "31681", Number: true}) ||
		row[3] != (importer.Cell{Text: "3.5", Number: true}) {
		t.Errorf("row 3 = %+v", row)
	}
	if ex := excelizeGrid(t, buf.Bytes()); !reflect.DeepEqual(g, ex) {
		t.Errorf("excelize reads\n     %+v\nwe read %+v", ex, g)
	}
}

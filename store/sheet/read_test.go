package sheet

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
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

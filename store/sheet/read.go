package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"asndesk/domain"
	"asndesk/domain/importer"
)

// Read opens a spreadsheet to import: XLSX or CSV, told apart by content,
// not by the file's extension (offices rename files freely).
func Read(path string) (importer.Grid, error) {
	name := filepath.Base(path)
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return importer.Grid{}, readErr("Berkas " + path + " tidak ditemukan. Periksa nama dan foldernya.")
	case errors.Is(err, fs.ErrPermission):
		return importer.Grid{}, readErr("Berkas " + path + " tidak boleh dibaca (izin ditolak).")
	case err != nil:
		return importer.Grid{}, readErr("Berkas " + path + " tidak dapat dibuka: " + err.Error())
	case st.IsDir():
		return importer.Grid{}, readErr(path + " adalah folder, bukan berkas lembar kerja.")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return importer.Grid{}, readErr("Berkas " + path + " tidak dapat dibaca: " + err.Error())
	}
	return ReadBytes(name, b)
}

func readErr(msg string) error { return domain.Errorf(domain.EINVALID, msg) }

// Signatures of the files people pick by mistake.
var (
	sigOLE  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	sigZip  = []byte("PK\x03\x04")
	sigPDF  = []byte("%PDF")
	sigPNG  = []byte("\x89PNG")
	sigJPEG = []byte{0xFF, 0xD8, 0xFF}
	sigGIF  = []byte("GIF8")
	// An encrypted OOXML workbook is an OLE file with this stream name
	// (UTF-16LE in the directory).
	encryptionInfo = utf16le("EncryptionInfo")
)

func utf16le(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		out = append(out, s[i], 0)
	}
	return out
}

// ReadBytes reads a spreadsheet held in memory; name is only for messages.
func ReadBytes(name string, b []byte) (importer.Grid, error) {
	notSheet := "Berkas " + name + " bukan lembar kerja. Impor memerlukan berkas XLSX (Excel) atau CSV."
	switch {
	case len(bytes.TrimSpace(b)) == 0:
		return importer.Grid{}, readErr("Berkas " + name + " kosong.")
	case bytes.HasPrefix(b, sigOLE):
		if bytes.Contains(b, encryptionInfo) {
			return importer.Grid{}, readErr("Berkas " + name + " dilindungi kata sandi. Buka di Excel, hapus kata sandinya " +
				"(File › Info › Lindungi Buku Kerja › Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu impor lagi.")
		}
		return importer.Grid{}, readErr("Berkas " + name + " berformat Excel lama (.xls). Buka di Excel, simpan sebagai " +
			"Buku Kerja Excel (.xlsx) atau CSV, lalu impor berkas itu.")
	case bytes.HasPrefix(b, sigZip):
		return readXLSX(name, b)
	case bytes.HasPrefix(b, sigPDF):
		return importer.Grid{}, readErr("Berkas " + name + " adalah PDF, bukan lembar kerja. Impor memerlukan berkas XLSX (Excel) atau CSV.")
	case bytes.HasPrefix(b, sigPNG), bytes.HasPrefix(b, sigJPEG), bytes.HasPrefix(b, sigGIF):
		return importer.Grid{}, readErr("Berkas " + name + " adalah gambar, bukan lembar kerja. Impor memerlukan berkas XLSX (Excel) atau CSV.")
	case bytes.IndexByte(b[:min(len(b), 8192)], 0) >= 0:
		return importer.Grid{}, readErr(notSheet)
	}
	return readCSV(name, b)
}

// readXLSX reads the first sheet that has data, with raw cell values:
// dates stay serial numbers and numbers stay as stored, so that the
// importer sees what Excel really kept.
func readXLSX(name string, b []byte) (importer.Grid, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return importer.Grid{}, readErr("Berkas " + name + " rusak atau tidak lengkap (arsip ZIP tidak terbaca).")
	}
	has := map[string]bool{}
	for _, f := range zr.File {
		has[strings.ReplaceAll(f.Name, `\`, "/")] = true
	}
	if !has["xl/workbook.xml"] {
		what := "arsip ZIP"
		switch {
		case has["word/document.xml"]:
			what = "dokumen Word"
		case has["ppt/presentation.xml"]:
			what = "presentasi PowerPoint"
		case has["content.xml"]:
			what = "dokumen OpenDocument"
		}
		return importer.Grid{}, readErr("Berkas " + name + " adalah " + what + ", bukan lembar kerja Excel. " +
			"Impor memerlukan berkas XLSX (Excel) atau CSV.")
	}
	unreadable := readErr("Berkas " + name + " tidak dapat dibaca sebagai lembar kerja Excel. " +
		"Buka di Excel, simpan ulang sebagai .xlsx, lalu impor lagi.")
	bk, err := openBook(zr)
	if err != nil {
		return importer.Grid{}, unreadable
	}
	for _, sh := range bk.sheets {
		rows, err := bk.rows(sh.part)
		switch {
		case errors.Is(err, errSheet):
			return importer.Grid{}, readErr("Lembar «" + sh.name + "» di berkas " + name + " tidak dapat dibaca.")
		case err != nil: // the archive itself: a damaged entry
			return importer.Grid{}, unreadable
		}
		for _, row := range rows {
			for _, c := range row {
				if c.Text != "" {
					return importer.Grid{Sheet: sh.name, Rows: rows}, nil
				}
			}
		}
	}
	return importer.Grid{}, readErr("Lembar kerja di berkas " + name + " tidak berisi data.")
}

// readCSV reads UTF-8 (with or without BOM) or, when the bytes are not
// UTF-8, Windows-1252 (what Excel on an Indonesian Windows saves), with
// the delimiter sniffed among comma, semicolon and tab.
func readCSV(name string, b []byte) (importer.Grid, error) {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(b) {
		b = fromCP1252(b)
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma = sniff(b)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	g := importer.Grid{}
	data := false
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			return importer.Grid{}, readErr("Berkas " + name + " tidak dapat dibaca sebagai CSV (baris " + strconv.Itoa(line) + ").")
		}
		cells := make([]importer.Cell, len(rec))
		for i, v := range rec {
			cells[i] = importer.Cell{Text: v}
			if strings.TrimSpace(v) != "" {
				data = true
			}
		}
		g.Rows = append(g.Rows, cells)
	}
	if !data {
		return importer.Grid{}, readErr("Lembar kerja di berkas " + name + " tidak berisi data.")
	}
	return g, nil
}

// sniff picks the delimiter that occurs most often, outside quotes, in the
// first lines; Indonesian Excel saves CSV with semicolons.
func sniff(b []byte) rune {
	head := b[:min(len(b), 16384)]
	counts := map[rune]int{}
	quoted, lines := false, 0
	for _, c := range string(head) {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			lines++
		case c == ',' || c == ';' || c == '\t':
			counts[c]++
		}
		if lines >= 20 {
			break
		}
	}
	best, n := ',', 0
	for _, c := range []rune{',', ';', '\t'} {
		if counts[c] > n {
			best, n = c, counts[c]
		}
	}
	return best
}

// cp1252 maps bytes 0x80–0x9F of Windows-1252; the rest of the upper half
// is Latin-1.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

func fromCP1252(b []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(b) + len(b)/8)
	for _, c := range b {
		switch {
		case c < 0x80:
			out.WriteByte(c)
		case c < 0xA0:
			out.WriteRune(cp1252[c-0x80])
		default:
			out.WriteRune(rune(c))
		}
	}
	return out.Bytes()
}

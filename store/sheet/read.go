package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"asndesk/domain"
	"asndesk/domain/importer"

	"github.com/xuri/excelize/v2"
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
		has[f.Name] = true
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
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{RawCellValue: true})
	if err != nil {
		return importer.Grid{}, readErr("Berkas " + name + " tidak dapat dibaca sebagai lembar kerja Excel. " +
			"Buka di Excel, simpan ulang sebagai .xlsx, lalu impor lagi.")
	}
	defer f.Close()
	paths := sheetPaths(zr)
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			return importer.Grid{}, readErr("Lembar «" + sh + "» di berkas " + name + " tidak dapat dibaca.")
		}
		nums, known := numericCells(zr, paths[sh])
		g := importer.Grid{Sheet: sh, Rows: make([][]importer.Cell, len(rows))}
		data := false
		for r, row := range rows {
			cells := make([]importer.Cell, len(row))
			for c, v := range row {
				cells[c] = importer.Cell{Text: v}
				if v == "" {
					continue
				}
				data = true
				if numeric(v) {
					_, listed := nums[cellKey(r, c)]
					cells[c].Number = listed || !known
				}
			}
			g.Rows[r] = cells
		}
		if data {
			return g, nil
		}
	}
	return importer.Grid{}, readErr("Lembar kerja di berkas " + name + " tidak berisi data.")
}

func cellKey(r, c int) uint64 { return uint64(r)<<24 | uint64(c) }

// sheetPaths maps each sheet's name to its part in the archive, from the
// workbook and its relationships.
func sheetPaths(zr *zip.Reader) map[string]string {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	out := map[string]string{}
	if unmarshalPart(zr, "xl/workbook.xml", &wb) != nil || unmarshalPart(zr, "xl/_rels/workbook.xml.rels", &rels) != nil {
		return out
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = t
	}
	for _, s := range wb.Sheets {
		out[s.Name] = target[s.RID]
	}
	return out
}

func unmarshalPart(zr *zip.Reader, name string, v any) error {
	f, err := zr.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return xml.NewDecoder(f).Decode(v)
}

// numericCells lists the cells of a worksheet part stored as numbers (no
// t attribute, or t="n"), scanning the tags directly: excelize would
// decode the whole sheet a second time to answer GetCellType. known is
// false when the part cannot be read or a cell has no reference; every
// number-looking value then counts as numeric.
func numericCells(zr *zip.Reader, part string) (map[uint64]struct{}, bool) {
	f, err := zr.Open(part)
	if part == "" || err != nil {
		return nil, false
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, false
	}
	out := map[uint64]struct{}{}
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return out, true
		}
		i += j + 1
		end := bytes.IndexByte(b[i:], '>')
		if end < 0 {
			return out, true
		}
		tag := b[i : i+end]
		i += end
		name := tag
		if k := bytes.IndexAny(tag, " \t\r\n/"); k >= 0 {
			name = tag[:k]
		}
		if k := bytes.IndexByte(name, ':'); k >= 0 {
			name = name[k+1:] // a namespace prefix: <x:c …>
		}
		if len(name) != 1 || name[0] != 'c' {
			continue
		}
		ref, t := attr(tag, "r"), attr(tag, "t")
		if t != "" && t != "n" {
			continue
		}
		if ref == "" {
			return nil, false
		}
		col, row, err := excelize.CellNameToCoordinates(ref)
		if err != nil {
			return nil, false
		}
		out[cellKey(row-1, col-1)] = struct{}{}
	}
}

// attr returns the value of attribute name in a start tag's text.
func attr(tag []byte, name string) string {
	for i := 0; i < len(tag); {
		k := bytes.Index(tag[i:], []byte(name+"="))
		if k < 0 {
			return ""
		}
		k += i
		// The attribute name must start after white space (not "tr=").
		if k > 0 && tag[k-1] != ' ' && tag[k-1] != '\t' && tag[k-1] != '\n' && tag[k-1] != '\r' {
			i = k + len(name) + 1
			continue
		}
		v := tag[k+len(name)+1:]
		if len(v) == 0 || (v[0] != '"' && v[0] != '\'') {
			return ""
		}
		q := v[0]
		e := bytes.IndexByte(v[1:], q)
		if e < 0 {
			return ""
		}
		return string(v[1 : 1+e])
	}
	return ""
}

// numeric reports a raw value Excel could have stored as a number.
func numeric(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
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

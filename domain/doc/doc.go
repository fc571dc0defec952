// Package doc is the neutral shape of everything asndesk prints or
// exports: a Document (title, blocks, signatures) that store/pdf turns into
// a PDF page by page, and a Sheet (columns and text rows) that store/sheet
// writes as XLSX or CSV. The builders here turn domain records into those
// shapes; they know the official labels and layouts, never a file format,
// so one builder feeds the screen's print key, the batch print and the
// headless `asndesk print`, and a test can read a document without a PDF.
package doc

import (
	"bytes"
	"os"
	"path/filepath"

	"asndesk/domain"
)

// Kind names a document kind: its paper setting and the print command's
// KIND argument.
type Kind string

const (
	KindSKP        Kind = "skp"         // SKP in the e-Kinerja layout
	KindEvaluasi   Kind = "evaluasi"    // evaluasi kinerja periodik or tahunan
	KindDialog     Kind = "dialog"      // catatan dialog kinerja
	KindDRH        Kind = "drh"         // daftar riwayat hidup lengkap
	KindDRHSingkat Kind = "drh-singkat" // biodata singkat
	KindDUK        Kind = "duk"         // daftar urut kepangkatan
	KindNominatif  Kind = "nominatif"   // daftar nominatif, chosen columns
	KindPengingat  Kind = "pengingat"   // what falls due
	KindMerit      Kind = "merit"       // laporan penilaian mandiri sistem merit
)

// Kinds lists every printable kind in menu order.
func Kinds() []Kind {
	return []Kind{KindSKP, KindEvaluasi, KindDialog, KindDRH, KindDRHSingkat, KindDUK, KindNominatif, KindPengingat, KindMerit}
}

// Label is the kind's name in the UI ("Daftar Urut Kepangkatan (DUK)").
func (k Kind) Label() string {
	switch k {
	case KindSKP:
		return "Sasaran Kinerja Pegawai (SKP)"
	case KindEvaluasi:
		return "Evaluasi kinerja"
	case KindDialog:
		return "Catatan dialog kinerja"
	case KindDRH:
		return "Daftar riwayat hidup (lengkap)"
	case KindDRHSingkat:
		return "Biodata singkat"
	case KindDUK:
		return "Daftar Urut Kepangkatan (DUK)"
	case KindNominatif:
		return "Daftar nominatif"
	case KindPengingat:
		return "Pengingat"
	case KindMerit:
		return "Laporan penilaian mandiri sistem merit"
	}
	return string(k)
}

// PaperSize is A4 (210 × 297 mm) or F4 (215 × 330 mm, "folio" in offices).
type PaperSize string

const (
	A4 PaperSize = "A4"
	F4 PaperSize = "F4"
)

// Paper is a document kind's paper and orientation.
type Paper struct {
	Size      PaperSize
	Landscape bool
}

// DefaultPaper is what a kind prints on until the office changes it: wide
// tables (SKP, evaluasi, DUK, nominatif, pengingat) landscape, letters portrait.
func DefaultPaper(k Kind) Paper {
	switch k {
	case KindSKP, KindEvaluasi, KindDUK, KindNominatif, KindPengingat:
		return Paper{Size: A4, Landscape: true}
	}
	return Paper{Size: A4}
}

// Kop is the office's letterhead, set once in Pengaturan and drawn at the
// top of the first page of every document.
type Kop struct {
	Lines    []string // instansi name lines, top to bottom ("PEMERINTAH KABUPATEN …", "KECAMATAN …")
	Address  string   // alamat, telepon, kode pos: one line under the name
	Logo     []byte   // PNG or JPEG; nil = no logo
	LogoType string   // "png" or "jpg"
	Place    string   // the place written before the date of signatures ("Sukamaju")
	// Papers overrides DefaultPaper per kind.
	Papers map[Kind]Paper
}

// LogoType names a logo's image format from its first bytes, "png", "jpg"
// or "" for anything else: the file name may lie.
func LogoType(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		return "jpg"
	}
	return ""
}

// PaperFor returns the kind's paper: the office's choice or the default.
func (k Kop) PaperFor(kind Kind) Paper {
	if p, ok := k.Papers[kind]; ok && (p.Size == A4 || p.Size == F4) {
		return p
	}
	return DefaultPaper(kind)
}

// Document is one printable document. A renderer draws the kop, then the
// title lines centred, then the blocks in order.
type Document struct {
	Kind     Kind
	Title    string   // "SASARAN KINERJA PEGAWAI"
	Subtitle []string // lines under the title ("PENDEKATAN HASIL KERJA KUANTITATIF", "PERIODE: …")
	Blocks   []Block
	// Mark is a label printed on every page, e.g. "DATA CONTOH" for the
	// demo office or "BUKAN INSTRUMEN RESMI"; empty for none.
	Mark string
	// File suggests the file name without folder or extension
	// ("SKP 2026 198501012010011001").
	File string
	// Printed is the day it is printed, for the footer: a signature
	// keeps the date of the act it records (approval, finalisation).
	Printed domain.Date
}

// Block is one part of a document: *Heading, *Para, *Fields, *Table,
// *Bars, *Signatures or *PageBreak.
type Block interface{ block() }

// Heading is a section title ("A. RENCANA HASIL KERJA").
type Heading struct{ Text string }

// Para is a paragraph; long text wraps.
type Para struct {
	Text   string
	Bold   bool
	Italic bool
	Small  bool
}

// Fields is a two-column label : value list (identities, biodata).
type Fields struct {
	Rows [][2]string
}

// Align is a column's text alignment.
type Align int

const (
	Left Align = iota
	Center
	Right
)

// Column is one column of a Table: Width is relative to the other
// columns (the renderer scales to the page width).
type Column struct {
	Title string
	Width float64
	Align Align
}

// Table is a grid; a renderer repeats the header row on every page it
// spans and wraps long cells. Groups, when set, are full-width rows
// spanning every column drawn before row index Groups[i].Before (an RHK
// category, a BerAKHLAK value).
type Table struct {
	Columns []Column
	Rows    [][]string
	Groups  []Group
}

// Group is a full-width label row inside a Table.
type Group struct {
	Before int
	Text   string
}

// Bars is a horizontal bar chart (merit aspects): each bar Value out of Max.
type Bars struct {
	Items []Bar
}

// Bar is one bar with its label and the text printed after it ("3,50").
type Bar struct {
	Label      string
	Value, Max float64
	Text       string
}

// Signatures is the row of signature boxes closing a document: the place
// and date line is printed above the last box.
type Signatures struct {
	Place string
	Date  domain.Date
	Boxes []SignBox
}

// SignBox is one signature: role line, room to sign, name and NIP.
type SignBox struct {
	Role string // "Pejabat Penilai Kinerja,"
	Name string
	NIP  string // 18 digits, NIPBlank (a dotted line to write it on) or empty
}

// PageBreak starts a new page.
type PageBreak struct{}

func (*Heading) block()    {}
func (*Para) block()       {}
func (*Fields) block()     {}
func (*Table) block()      {}
func (*Bars) block()       {}
func (*Signatures) block() {}
func (*PageBreak) block()  {}

// Sheet is one exported list: a title row (optional), the column names and
// the rows as shown. Name is the worksheet name (≤ 31 characters).
type Sheet struct {
	Name    string
	Title   string // written above the header in XLSX only; "" = none
	Columns []string
	Rows    [][]string
	// Types optionally marks columns whose cells are numbers ("n") or
	// dates ("d", written as Excel dates) in XLSX; "" or missing = text, so
	// NIPs never turn into 1,98501E+17.
	Types []string
}

// Folder is where prints, exports and packets are offered by default:
// <home>/Documents/asndesk when the home folder has a Documents folder
// (Windows and most desktops: where an office worker looks for files),
// else <home>/asndesk. The app creates it on first use.
func Folder(home string) string {
	if st, err := os.Stat(filepath.Join(home, "Documents")); err == nil && st.IsDir() {
		return filepath.Join(home, "Documents", "asndesk")
	}
	return filepath.Join(home, "asndesk")
}

// Package pdf draws doc.Documents as a PDF with the office's kop surat,
// in pure Go (fpdf) with the core Helvetica font, so the text stays
// selectable and searchable and no font file ships in the binary.
//
// Layout (millimetres): margins 20 left, 15 top, right and bottom; the
// footer ("Dicetak dengan asndesk, <tanggal>" and "Halaman N") sits in the
// bottom margin, a document's Mark in red at the top right of every page
// inside the top margin. Text is translated to cp1252 (text.go): what
// Word pastes prints as typed, other letters as their plain letter
// ("Nguyễn" as "Nguyen"), anything else as "?".
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // logo decoding in CheckLogo
	_ "image/png"
	"io"
	"math"
	"strings"

	"asndesk/domain"
	"asndesk/domain/doc"

	"codeberg.org/go-pdf/fpdf"
)

const (
	marginLeft   = 20.0
	marginTop    = 15.0
	marginRight  = 15.0
	marginBottom = 15.0

	family = "Helvetica" // metric-compatible with Arial, what offices expect

	bodySize  = 10.0
	smallSize = 8.5
	tableSize = 8.5
	padY      = 1.0 // vertical padding inside table cells
)

// lineH is the line height for a font size in points: 1.25 × the size.
func lineH(pt float64) float64 { return pt * 25.4 / 72 * 1.25 }

// PaperMM returns the page width and height in millimetres.
func PaperMM(p doc.Paper) (w, h float64) {
	w, h = 210, 297
	if p.Size == doc.F4 {
		w, h = 215, 330
	}
	if p.Landscape {
		w, h = h, w
	}
	return w, h
}

// LogoType names the image format from its first bytes (doc.LogoType).
func LogoType(b []byte) string { return doc.LogoType(b) }

const msgBadLogo = "Logo kop surat tidak dapat dipakai: gunakan gambar PNG atau JPEG " +
	"yang utuh (bukan PNG interlaced). Simpan ulang gambarnya dari aplikasi pengolah gambar lalu pilih lagi."

// CheckLogo reports whether the renderer can draw b as a logo: a PNG or
// JPEG that fpdf reads (it refuses interlaced PNGs and damaged files), so that
// Pengaturan refuses such a file when it is chosen, not at print time.
func CheckLogo(b []byte) (err error) {
	t := LogoType(b)
	if t == "" {
		return domain.Errorf(domain.EINVALID, "Logo kop surat harus gambar PNG atau JPEG.")
	}
	// The standard decoders read the whole image without panicking on a
	// damaged file; fpdf's parser can panic on one, so it only sees files
	// that decode, and a panic left in it is still a refusal.
	if _, _, err := image.Decode(bytes.NewReader(b)); err != nil {
		return domain.Errorf(domain.EINVALID, msgBadLogo)
	}
	defer func() {
		if recover() != nil {
			err = domain.Errorf(domain.EINVALID, msgBadLogo)
		}
	}()
	f := fpdf.New("P", "mm", "A4", "")
	f.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: t}, bytes.NewReader(b))
	if f.Err() {
		return domain.Errorf(domain.EINVALID, msgBadLogo)
	}
	return nil
}

// Render writes docs as one PDF: each document starts on a new page with its own paper
// (k.PaperFor(d.Kind)), the kop on its first page, the title and subtitle centred, then the blocks.
// progress (may be nil) is called after each document.
//
// Tables repeat their header row on every page they span; a row taller
// than a whole page is split across pages line by line (nothing is
// clipped). Nothing that leads into what follows ends a page: a table
// header or group row keeps its first row, a heading the first line or
// row after it. A signature block moves to the next page rather than
// break, with the paragraph right before it.
// The PDF's title is the first document's title, its creator "asndesk",
// and its creation date the first document's print date (else its first
// signature date), so the same input gives the same bytes; without either
// fpdf uses the current time. The footer says the print date too.
func Render(w io.Writer, k doc.Kop, docs []doc.Document, progress func(done, total int)) (err error) {
	defer func() {
		// fpdf panics on some inputs it did not expect; a print must fail
		// with a message, never take the program down.
		if p := recover(); p != nil {
			err = errors.Join(domain.Errorf(domain.EINTERNAL, "Dokumen PDF tidak dapat disusun."), fmt.Errorf("pdf: panic: %v", p))
		}
	}()
	if len(docs) == 0 {
		return domain.Errorf(domain.EINVALID, "Tidak ada dokumen untuk dicetak.")
	}
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(marginLeft, marginTop, marginRight)
	f.SetAutoPageBreak(false, marginBottom) // pages break where the renderer decides
	f.SetCellMargin(cellMargin)
	f.SetCatalogSort(true)
	f.SetCreator("asndesk", true)
	f.SetProducer("asndesk", true)
	f.SetTitle(strings.ToValidUTF8(docs[0].Title, "?"), true) // fpdf's UTF-16 conversion panics on invalid UTF-8
	for i := range docs {
		d := docs[i].Printed
		if d.IsZero() {
			d = signDate(&docs[i])
		}
		if !d.IsZero() {
			f.SetCreationDate(d.Time())
			f.SetModificationDate(d.Time())
			break
		}
	}
	r := &renderer{f: f, kop: k}
	if len(k.Logo) > 0 {
		if err := CheckLogo(k.Logo); err != nil {
			return err
		}
		r.logoType = LogoType(k.Logo)
		f.RegisterImageOptionsReader("kop", fpdf.ImageOptions{ImageType: r.logoType}, bytes.NewReader(k.Logo))
		r.logo = "kop"
	}
	f.SetHeaderFunc(r.header)
	f.SetFooterFunc(r.footer)
	for i := range docs {
		r.document(&docs[i])
		if f.Err() {
			break
		}
		if progress != nil {
			progress(i+1, len(docs))
		}
	}
	if err := f.Error(); err != nil {
		return errors.Join(domain.Errorf(domain.EINTERNAL, "Dokumen PDF tidak dapat disusun."), err)
	}
	if err := f.Output(w); err != nil {
		return errors.Join(domain.Errorf(domain.EINTERNAL,
			"Berkas PDF tidak dapat ditulis. Periksa ruang kosong dan izin folder tujuan."), err)
	}
	return nil
}

// signDate is the date of the document's first signature block.
func signDate(d *doc.Document) domain.Date {
	for _, b := range d.Blocks {
		if s, ok := b.(*doc.Signatures); ok && !s.Date.IsZero() {
			return s.Date
		}
	}
	return domain.Date{}
}

// docState is what the header and footer need of the document on the page.
type docState struct {
	d     *doc.Document
	start int    // page number of the document's first page
	date  string // footer date, "" for none
}

type renderer struct {
	f        *fpdf.Fpdf
	kop      doc.Kop
	logo     string // registered image name, "" for none
	logoType string

	// fpdf calls the footer of the last page of a document while adding
	// the first page of the next one, so the header switches cur to next.
	cur, next *docState

	orient string
	size   fpdf.SizeType
	pw, ph float64 // page size
	cw     float64 // content width
	bottom float64 // lowest y for content
	y      float64 // where the next block starts

	fstyle string               // the current font's style and size (set by font)
	fsize  float64              //
	glyphs map[string]*[256]int // glyph widths per style, for wrap
}

func (r *renderer) header() {
	if r.next != nil {
		r.cur, r.next = r.next, nil
		r.cur.start = r.f.PageNo()
	}
	if r.cur == nil || r.cur.d.Mark == "" {
		return
	}
	w, _ := r.f.GetPageSize()
	r.f.SetFont(family, "B", 8)
	r.f.SetTextColor(200, 0, 0)
	r.f.SetXY(marginLeft, 7)
	r.f.CellFormat(w-marginLeft-marginRight, 4, translate(r.cur.d.Mark), "", 0, "R", false, 0, "")
	r.f.SetTextColor(0, 0, 0)
}

func (r *renderer) footer() {
	if r.cur == nil {
		return
	}
	w, h := r.f.GetPageSize()
	cw := w - marginLeft - marginRight
	r.f.SetDrawColor(160, 160, 160)
	r.f.SetLineWidth(0.2)
	r.f.Line(marginLeft, h-marginBottom+3, w-marginRight, h-marginBottom+3)
	r.f.SetFont(family, "", 7.5)
	r.f.SetTextColor(90, 90, 90)
	left := "Dicetak dengan asndesk"
	if r.cur.date != "" {
		left += ", " + r.cur.date
	}
	r.f.SetXY(marginLeft, h-marginBottom+4)
	r.f.CellFormat(cw/2, 4, left, "", 0, "L", false, 0, "")
	r.f.SetXY(marginLeft+cw/2, h-marginBottom+4)
	r.f.CellFormat(cw/2, 4, "Halaman "+itoa(r.f.PageNo()-r.cur.start+1), "", 0, "R", false, 0, "")
	r.f.SetTextColor(0, 0, 0)
	r.f.SetDrawColor(0, 0, 0)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for ; n > 0; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
	}
	return string(b[i:])
}

func (r *renderer) document(d *doc.Document) {
	p := r.kop.PaperFor(d.Kind)
	pw, ph := PaperMM(doc.Paper{Size: p.Size})
	r.size = fpdf.SizeType{Wd: pw, Ht: ph}
	r.orient = "P"
	if p.Landscape {
		r.orient = "L"
	}
	st := &docState{d: d}
	st.date = d.Printed.Long()
	if d.Printed.IsZero() {
		st.date = signDate(d).Long()
	}
	r.next = st
	r.addPage()
	r.kopBlock()
	r.title(d)
	for i, b := range d.Blocks {
		if r.f.Err() {
			return
		}
		switch b := b.(type) {
		case *doc.Heading:
			r.heading(d.Blocks, i)
		case *doc.Para:
			r.para(d.Blocks, i)
		case *doc.Fields:
			r.fields(b)
		case *doc.Table:
			r.table(b)
		case *doc.Bars:
			r.bars(b)
		case *doc.Signatures:
			r.signatures(b)
		case *doc.PageBreak:
			// Never a blank page: not on a fresh page, not at the end.
			if i < len(d.Blocks)-1 && r.y > marginTop+0.01 {
				r.addPage()
			}
		}
	}
}

func (r *renderer) addPage() {
	r.f.AddPageFormat(r.orient, r.size)
	r.pw, r.ph = r.f.GetPageSize()
	r.cw = r.pw - marginLeft - marginRight
	r.bottom = r.ph - marginBottom
	r.y = marginTop
}

// ensure starts a new page when h does not fit below y (unless y is
// already the top of a page, where nothing more can be gained).
func (r *renderer) ensure(h float64) bool {
	if r.y+h > r.bottom && r.y > marginTop+0.01 {
		r.addPage()
		return true
	}
	return false
}

func (r *renderer) font(style string, size float64) {
	r.f.SetFont(family, style, size)
	r.fstyle, r.fsize = style, size
}

// cellMargin is the room left and right of text in a cell (SetCellMargin).
const cellMargin = 1.2

// ptMM is one point in millimetres.
const ptMM = 25.4 / 72

// widths returns the current font's glyph widths (thousandths of the font
// size) by cp1252 byte.
func (r *renderer) widths() *[256]int {
	key := strings.ReplaceAll(r.fstyle, "U", "") // underlining does not widen
	if w := r.glyphs[key]; w != nil {
		return w
	}
	w := new([256]int)
	for c := 1; c < 256; c++ {
		w[c] = r.f.GetStringSymbolWidth(string([]byte{byte(c)}))
	}
	if r.glyphs == nil {
		r.glyphs = map[string]*[256]int{}
	}
	r.glyphs[key] = w
	return w
}

// wrap splits translated text into lines no wider than w (a cell w wide,
// its margins included) with the current font; empty text is one empty
// line. Lines break at spaces as fpdf's SplitLines does; a word longer
// than a whole line breaks after its last "/", "-", "." or "," that fits
// ("800.1.3.2/105/" + "BKPSDM/2012", "Struktural/" + "Kepemimpinan") and
// only without one inside its letters.
func (r *renderer) wrap(s string, w float64) []string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return []string{""}
	}
	cw := r.widths()
	wmax := int(math.Ceil((w - 2*cellMargin) * 1000 / (r.fsize * ptMM)))
	var lines []string
	sep, brk := -1, -1 // the last space and the last break after punctuation in the line
	i, j, l := 0, 0, 0 // the next byte, the line's start, its width so far
	for i < len(s) {
		c := s[i]
		l += cw[c]
		if c == ' ' || c == '\t' || c == '\n' {
			sep = i
		}
		if c == '\n' || l > wmax {
			switch {
			case sep >= 0:
				lines = append(lines, s[j:sep])
				i = sep + 1
			case brk > j:
				lines = append(lines, s[j:brk])
				i = brk
			default:
				if i == j {
					i++ // one character wider than the line still prints
				}
				lines = append(lines, s[j:i])
			}
			sep, brk = -1, -1
			j, l = i, 0
			continue
		}
		if i > j && breakAfter(s, i) {
			brk = i + 1
		}
		i++
	}
	if i > j {
		lines = append(lines, s[j:i])
	}
	return lines
}

// breakAfter reports whether a long word may break after s[i]: after
// "/", "-", "." or "," with more of the word after it ("2.646." + "400"
// still reads better than "2.646.4" + "00").
func breakAfter(s string, i int) bool {
	if i+1 >= len(s) || s[i-1] == ' ' {
		return false
	}
	switch s[i+1] {
	case ' ', '\t', '\n', '/', '-', '.', ',':
		return false
	}
	switch s[i] {
	case '/', '-', '.', ',':
		return true
	}
	return false
}

// text draws one line at (x, y) in a box w wide.
func (r *renderer) text(x, y, w, h float64, s, align string) {
	r.f.SetXY(x, y)
	r.f.CellFormat(w, h, s, "", 0, align, false, 0, "")
}

// kopBlock draws the letterhead: logo at the left, the name lines centred
// and bold (the first one larger), the address, then the double rule.
func (r *renderer) kopBlock() {
	k := r.kop
	if len(k.Lines) == 0 && k.Address == "" && r.logo == "" {
		return
	}
	top := r.y
	bottom := top
	reserve := 0.0 // width the logo takes on the left
	if r.logo != "" {
		info := r.f.GetImageInfo(r.logo)
		h := 24.0
		w := h * info.Width() / info.Height()
		if w > 32 {
			w, h = 32, 32*info.Height()/info.Width()
		}
		r.f.ImageOptions(r.logo, marginLeft, top, w, h, false, fpdf.ImageOptions{ImageType: r.logoType}, 0, "")
		bottom = top + h
		reserve = w + 3
	}
	y := top
	line := func(s, style string, size float64) {
		s = translate(s)
		// Centre on the page when the line clears the logo on both sides,
		// else in the room right of the logo, shrinking the font to fit.
		x, w := marginLeft, r.cw
		r.font(style, size)
		if r.f.GetStringWidth(s)+2.4 > r.cw-2*reserve {
			x, w = marginLeft+reserve, r.cw-reserve
			for size > 7 && r.f.GetStringWidth(s)+2.4 > w {
				size -= 0.5
				r.font(style, size)
			}
		}
		for _, l := range r.wrap(s, w) {
			r.text(x, y, w, lineH(size), l, "C")
			y += lineH(size)
		}
	}
	for i, l := range k.Lines {
		size := 12.0
		if i == 0 {
			size = 14
		}
		line(l, "B", size)
	}
	if k.Address != "" {
		line(k.Address, "", 9)
	}
	if y > bottom {
		bottom = y
	}
	y = bottom + 1.5
	r.f.SetLineWidth(0.8)
	r.f.Line(marginLeft, y, r.pw-marginRight, y)
	r.f.SetLineWidth(0.25)
	r.f.Line(marginLeft, y+1.3, r.pw-marginRight, y+1.3)
	r.f.SetLineWidth(0.2)
	r.y = y + 1.3 + 5
}

func (r *renderer) title(d *doc.Document) {
	if d.Title != "" {
		r.font("B", 12)
		for _, l := range r.wrap(translate(d.Title), r.cw) {
			r.text(marginLeft, r.y, r.cw, lineH(12), l, "C")
			r.y += lineH(12)
		}
	}
	r.font("", bodySize)
	for _, s := range d.Subtitle {
		for _, l := range r.wrap(translate(s), r.cw) {
			r.ensure(lineH(bodySize))
			r.text(marginLeft, r.y, r.cw, lineH(bodySize), l, "C")
			r.y += lineH(bodySize)
		}
	}
	if d.Title != "" || len(d.Subtitle) > 0 {
		r.y += 4
	}
}

// usable is the height of a page's content area.
func (r *renderer) usable() float64 { return r.bottom - marginTop }

// lead is the room block i of blocks needs where it starts so that what
// leads into it does not end a page alone: a heading with the first line
// or row of what follows it, a table's header with its first row, a
// paragraph right before a signature block with the whole block (the
// DRH's "Demikian …" and "Yang membuat,"), a signature block whole.
func (r *renderer) lead(blocks []doc.Block, i int) float64 {
	if i >= len(blocks) {
		return 0
	}
	switch b := blocks[i].(type) {
	case *doc.Heading:
		lines, lh := r.headingLines(b)
		return 2 + float64(len(lines))*lh + 1 + r.lead(blocks, i+1)
	case *doc.Para:
		lines, lh := r.paraLines(b)
		if i+1 < len(blocks) {
			if s, ok := blocks[i+1].(*doc.Signatures); ok && len(s.Boxes) > 0 {
				if all := float64(len(lines))*lh + 1.5 + r.layoutSignatures(s).total; all <= r.usable() {
					return all
				}
			}
		}
		return float64(min(len(lines), 2)) * lh
	case *doc.Fields:
		if len(b.Rows) > 0 {
			label, value := r.fieldLines(b.Rows[0])
			return float64(max(len(label), len(value))) * lineH(bodySize)
		}
	case *doc.Table:
		return r.tableLead(b)
	case *doc.Bars:
		if len(b.Items) > 0 {
			return r.barHeight(b.Items[0])
		}
	case *doc.Signatures:
		if len(b.Boxes) > 0 {
			sl := r.layoutSignatures(b)
			if sl.total <= r.usable() {
				return sl.total
			}
			return sl.rows[0].h
		}
	}
	return 0
}

func (r *renderer) headingLines(h *doc.Heading) ([]string, float64) {
	r.font("B", 10.5)
	return r.wrap(translate(h.Text), r.cw), lineH(10.5)
}

// heading draws blocks[i], a heading, on the page where what follows it
// starts.
func (r *renderer) heading(blocks []doc.Block, i int) {
	lines, lh := r.headingLines(blocks[i].(*doc.Heading))
	if r.y > marginTop+0.01 {
		r.y += 2
	}
	r.ensure(min(float64(len(lines))*lh+1+r.lead(blocks, i+1), r.usable()))
	r.font("B", 10.5)
	for _, l := range lines {
		r.text(marginLeft, r.y, r.cw, lh, l, "L")
		r.y += lh
	}
	r.y += 1
}

func (r *renderer) paraLines(p *doc.Para) ([]string, float64) {
	style := ""
	if p.Bold {
		style += "B"
	}
	if p.Italic {
		style += "I"
	}
	size := bodySize
	if p.Small {
		size = smallSize
	}
	r.font(style, size)
	return r.wrap(translate(p.Text), r.cw), lineH(size)
}

// para draws blocks[i], a paragraph; right before a signature block it
// moves to the next page with it rather than be parted from it.
func (r *renderer) para(blocks []doc.Block, i int) {
	p := blocks[i].(*doc.Para)
	if i+1 < len(blocks) {
		if _, ok := blocks[i+1].(*doc.Signatures); ok {
			r.ensure(min(r.lead(blocks, i), r.usable()))
		}
	}
	lines, lh := r.paraLines(p)
	for _, l := range lines {
		r.ensure(lh)
		r.text(marginLeft, r.y, r.cw, lh, l, "L")
		r.y += lh
	}
	r.y += 1.5
}

// fieldLines wraps a label : value row.
func (r *renderer) fieldLines(row [2]string) (label, value []string) {
	lw := r.cw * 0.35
	vw := r.cw - lw - 4
	r.font("", bodySize)
	return r.wrap(translate(row[0]), lw), r.wrap(translate(row[1]), vw)
}

func (r *renderer) fields(fs *doc.Fields) {
	lw := r.cw * 0.35
	cw := 4.0
	vw := r.cw - lw - cw
	lh := lineH(bodySize)
	for _, row := range fs.Rows {
		label, value := r.fieldLines(row)
		n := max(len(label), len(value))
		if h := float64(n) * lh; h <= r.bottom-marginTop {
			r.ensure(h)
		}
		for i := range n {
			r.ensure(lh)
			if i < len(label) {
				r.text(marginLeft, r.y, lw, lh, label[i], "L")
			}
			if i == 0 {
				r.text(marginLeft+lw, r.y, cw, lh, ":", "C")
			}
			if i < len(value) {
				r.text(marginLeft+lw+cw, r.y, vw, lh, value[i], "L")
			}
			r.y += lh
		}
	}
	r.y += 2
}

// tableLayout is a table measured for the page: column positions, the
// header's lines and the group rows by the row they precede.
type tableLayout struct {
	t        *doc.Table
	xs, ws   []float64
	aligns   []string
	head     [][]string
	headSize []float64
	headH    float64
	groups   map[int][]string
}

// minSplit is how many lines of a row taller than a page go under the
// header before it continues on the next page.
const minSplit = 3

func (r *renderer) layoutTable(t *doc.Table) *tableLayout {
	nc := len(t.Columns)
	tl := &tableLayout{t: t, xs: make([]float64, nc), ws: make([]float64, nc), aligns: make([]string, nc),
		head: make([][]string, nc), headSize: make([]float64, nc), groups: map[int][]string{}}
	total := 0.0
	for _, c := range t.Columns {
		total += colWidth(c)
	}
	x := marginLeft
	for i, c := range t.Columns {
		tl.ws[i] = r.cw * colWidth(c) / total
		tl.xs[i] = x
		x += tl.ws[i]
		tl.aligns[i] = alignOf(c.Align)
	}
	hn := 1
	for i, c := range t.Columns {
		tl.head[i], tl.headSize[i] = r.cell(translate(c.Title), tl.ws[i], "B")
		hn = max(hn, len(tl.head[i]))
	}
	tl.headH = float64(hn)*lineH(tableSize) + 2*padY
	for _, g := range t.Groups {
		b := min(max(g.Before, 0), len(t.Rows))
		tl.groups[b] = append(tl.groups[b], g.Text)
	}
	return tl
}

// fresh is how much of a row fits on a new page under the header.
func (r *renderer) fresh(tl *tableLayout) float64 { return r.bottom - marginTop - tl.headH }

// fullRow wraps a full-width row (a group label, "Tidak ada data.") and
// returns its lines and height; the font is left set.
func (r *renderer) fullRow(s, style string) ([]string, float64) {
	r.font(style, tableSize)
	lines := r.wrap(translate(s), r.cw)
	return lines, float64(len(lines))*lineH(tableSize) + 2*padY
}

// rowCells wraps row i into cells and sizes and returns its line count.
func (r *renderer) rowCells(tl *tableLayout, i int, cells [][]string, sizes []float64) int {
	row := tl.t.Rows[i]
	n := 1
	for c := range tl.ws {
		s := ""
		if c < len(row) {
			s = row[c]
		}
		cells[c], sizes[c] = r.cell(translate(s), tl.ws[c], "")
		n = max(n, len(cells[c]))
	}
	return n
}

// rowNeed is the room row i needs under what precedes it: its group rows
// and the row whole, or its first lines when it is taller than a page
// and will split anyway.
func (r *renderer) rowNeed(tl *tableLayout, i, n int) float64 {
	lh := lineH(tableSize)
	need := 0.0
	for _, g := range tl.groups[i] {
		_, h := r.fullRow(g, "B")
		need += h
	}
	h := float64(n)*lh + 2*padY
	if h > r.fresh(tl) {
		h = float64(min(n, minSplit))*lh + 2*padY
	}
	return need + h
}

// tableLead is the room a table needs where it starts: its header with
// the first group rows and the first row (or its first lines), so that a
// header never ends a page alone.
func (r *renderer) tableLead(t *doc.Table) float64 {
	if len(t.Columns) == 0 {
		return 0
	}
	tl := r.layoutTable(t)
	if len(t.Rows) == 0 {
		_, h := r.fullRow("Tidak ada data.", "I")
		return tl.headH + h
	}
	cells := make([][]string, len(tl.ws))
	sizes := make([]float64, len(tl.ws))
	return tl.headH + r.rowNeed(tl, 0, r.rowCells(tl, 0, cells, sizes))
}

// table draws a grid: header shaded and bold, repeated on every page;
// cells wrap and a row is as tall as its tallest cell. A row moves whole
// to the next page unless it is taller than a page; the header and a
// group row always keep their first row below them.
func (r *renderer) table(t *doc.Table) {
	nc := len(t.Columns)
	if nc == 0 {
		return
	}
	tl := r.layoutTable(t)
	lh := lineH(tableSize)
	drawHead := func() {
		r.f.SetFillColor(220, 220, 220)
		for i := range nc {
			r.font("B", tl.headSize[i])
			r.f.Rect(tl.xs[i], r.y, tl.ws[i], tl.headH, "FD")
			for j, l := range tl.head[i] {
				r.text(tl.xs[i], r.y+padY+float64(j)*lh, tl.ws[i], lh, l, "C")
			}
		}
		r.y += tl.headH
	}
	newPage := func() {
		r.addPage()
		drawHead()
	}
	full := func(s, style string, fill int) {
		lines, h := r.fullRow(s, style)
		if r.y+h > r.bottom {
			newPage()
			r.font(style, tableSize)
		}
		if fill > 0 {
			r.f.SetFillColor(fill, fill, fill)
			r.f.Rect(marginLeft, r.y, r.cw, h, "FD")
		} else {
			r.f.Rect(marginLeft, r.y, r.cw, h, "D")
		}
		for j, l := range lines {
			r.text(marginLeft, r.y+padY+float64(j)*lh, r.cw, lh, l, "L")
		}
		r.y += h
	}

	cells := make([][]string, nc)
	sizes := make([]float64, nc)
	fresh := r.fresh(tl)
	for i := range t.Rows {
		n := r.rowCells(tl, i, cells, sizes)
		h := float64(n)*lh + 2*padY
		switch {
		case i == 0:
			r.ensure(tl.headH + r.rowNeed(tl, 0, n))
			drawHead()
			r.f.SetLineWidth(0.2)
		case len(tl.groups[i]) > 0 && r.y+r.rowNeed(tl, i, n) > r.bottom && r.y > marginTop+tl.headH+0.01:
			// A group row never ends a page alone.
			newPage()
		}
		for _, g := range tl.groups[i] {
			full(g, "B", 240)
		}
		r.font("", tableSize)
		switch {
		case r.y+h <= r.bottom:
		case h <= fresh:
			newPage()
		default:
			// Taller than a page: split it line by line across pages,
			// with at least its first lines on this one.
			from := 0
			for from < n {
				fit := int((r.bottom - r.y - 2*padY) / lh)
				if fit < min(minSplit, n-from) && r.y > marginTop+tl.headH+0.01 {
					newPage()
					continue
				}
				k := min(max(fit, 1), n-from)
				r.drawRow(tl.xs, tl.ws, tl.aligns, cells, sizes, from, k, lh)
				from += k
				if from < n {
					newPage()
				}
			}
			continue
		}
		r.drawRow(tl.xs, tl.ws, tl.aligns, cells, sizes, 0, n, lh)
	}
	if len(t.Rows) == 0 {
		_, h := r.fullRow("Tidak ada data.", "I")
		r.ensure(tl.headH + h)
		drawHead()
		r.f.SetLineWidth(0.2)
		full("Tidak ada data.", "I", 0)
	}
	for _, g := range tl.groups[len(t.Rows)] {
		if len(t.Rows) > 0 {
			full(g, "B", 240)
		}
	}
	r.y += 3
}

// drawRow draws lines [from, from+n) of every cell as one row.
func (r *renderer) drawRow(xs, ws []float64, aligns []string, cells [][]string, sizes []float64, from, n int, lh float64) {
	h := float64(n)*lh + 2*padY
	r.font("", tableSize) // a repeated header may have left bold set
	for c := range xs {
		if sizes[c] != tableSize {
			r.font("", sizes[c])
		}
		r.f.Rect(xs[c], r.y, ws[c], h, "D")
		for j := from; j < from+n && j < len(cells[c]); j++ {
			if cells[c][j] == "" {
				continue
			}
			r.text(xs[c], r.y+padY+float64(j-from)*lh, ws[c], lh, cells[c][j], aligns[c])
		}
		if sizes[c] != tableSize {
			r.font("", tableSize)
		}
	}
	r.y += h
}

// Font sizes for a cell whose longest word is wider than its column.
// Down to mild… the cell's text shrinks, words whole (a date); below it,
// breaking the word after "/" or "." at a larger size is preferred; down
// to min… shrinking is still preferred to breaking inside letters.
// Headers of narrow columns ("ESELON", "TUNJANGAN") may shrink further.
const (
	mildShrink     = 7.0
	minShrink      = 6.5
	mildShrinkHead = 6.5
	minShrinkHead  = 5.0
)

// cell wraps a table cell in a column w wide. A word slightly too wide
// (a date, "ESELON" in a narrow column) makes the cell's text smaller;
// a long one breaks after "/", "-", "." or "," ("821.2/108/" +
// "BKPSDM/2012"); only a word that fits neither way breaks in the middle.
// The font is left at tableSize in style.
func (r *renderer) cell(s string, w float64, style string) ([]string, float64) {
	r.font(style, tableSize)
	room := w - 2*cellMargin
	cw := r.widths()
	// The widest word and the widest piece of a word between break
	// points, in glyph units at any size.
	word, piece := 0, 0
	wl, pl := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' {
			word, piece = max(word, wl), max(piece, pl)
			wl, pl = 0, 0
			continue
		}
		wl += cw[c]
		pl += cw[c]
		if i > 0 && breakAfter(s, i) {
			piece = max(piece, pl)
			pl = 0
		}
	}
	word, piece = max(word, wl), max(piece, pl)
	if float64(word)*tableSize*ptMM/1000 <= room {
		return r.wrap(s, w), tableSize
	}
	// fit is the largest size, in tenths of a point, at which units fit.
	fit := func(units int) float64 { return min(math.Floor(room*1000/ptMM/float64(units)*10)/10, tableSize) }
	mild, least := mildShrink, minShrink
	if style == "B" {
		mild, least = mildShrinkHead, minShrinkHead
	}
	for _, floor := range []float64{mild, least} {
		for _, units := range []int{word, piece} {
			if size := fit(units); size >= floor {
				r.font(style, size)
				lines := r.wrap(s, w)
				r.font(style, tableSize)
				return lines, size
			}
		}
	}
	return r.wrap(s, w), tableSize // a long word breaks: nothing is lost
}

func colWidth(c doc.Column) float64 {
	if c.Width > 0 && !math.IsInf(c.Width, 0) {
		return c.Width
	}
	return 1
}

func alignOf(a doc.Align) string {
	switch a {
	case doc.Center:
		return "C"
	case doc.Right:
		return "R"
	}
	return "L"
}

const barH = 3.6 // a bar's thickness

func (r *renderer) barLabel(it doc.Bar) []string {
	r.font("", 9)
	return r.wrap(translate(it.Label), r.cw*0.38)
}

// barHeight is the room one bar takes.
func (r *renderer) barHeight(it doc.Bar) float64 {
	return max(float64(len(r.barLabel(it)))*lineH(9), barH) + 1.5
}

// bars draws a horizontal bar chart: label, the bar filled to Value/Max,
// the text after it.
func (r *renderer) bars(b *doc.Bars) {
	lw := r.cw * 0.38
	tw := r.cw * 0.14
	bw := r.cw - lw - tw - 4
	lh := lineH(9)
	for _, it := range b.Items {
		label := r.barLabel(it)
		h := max(float64(len(label))*lh, barH) + 1.5
		r.ensure(h)
		for j, l := range label {
			r.text(marginLeft, r.y+float64(j)*lh, lw, lh, l, "L")
		}
		frac := 0.0
		if it.Max > 0 && !math.IsNaN(it.Value) {
			frac = min(max(it.Value/it.Max, 0), 1)
		}
		bx, by := marginLeft+lw+2, r.y+(lh-barH)/2
		r.f.SetDrawColor(120, 120, 120)
		r.f.SetLineWidth(0.2)
		r.f.Rect(bx, by, bw, barH, "D")
		if frac > 0 {
			r.f.SetFillColor(70, 110, 170)
			r.f.Rect(bx, by, bw*frac, barH, "F")
		}
		r.f.SetDrawColor(0, 0, 0)
		r.text(bx+bw+2, r.y, tw, lh, translate(it.Text), "L")
		r.y += h
	}
	r.y += 2
}

// signLayout is a signature block measured: its rows of boxes (three to
// a row at most) and their heights.
type signLayout struct {
	dateLine string
	bw, x0   float64
	rows     []signRow
	total    float64
}

type signRow struct {
	boxes []doc.SignBox
	roles [][]string
	h     float64
}

// signRoom is the space left to sign above the name.
const signRoom = 20.0

func (r *renderer) layoutSignatures(s *doc.Signatures) signLayout {
	place := s.Place
	if place == "" {
		place = r.kop.Place
	}
	date := s.Date.Long()
	if date == "" {
		date = strings.Repeat(".", 24) // left for the pen
	}
	if place == "" {
		place = strings.Repeat(".", 20)
	}
	sl := signLayout{dateLine: translate(place + ", " + date)}
	per := min(len(s.Boxes), 3)
	sl.bw = r.cw / float64(per)
	sl.x0 = marginLeft
	if per == 1 {
		// A lone signature sits on the right, as on a letter.
		sl.bw = r.cw / 2
		sl.x0 += sl.bw
	}
	lh := lineH(bodySize)
	r.font("", bodySize)
	for i := 0; i < len(s.Boxes); i += per {
		rw := signRow{boxes: s.Boxes[i:min(i+per, len(s.Boxes))]}
		n := 1
		for _, b := range rw.boxes {
			ls := r.wrap(translate(b.Role), sl.bw-4)
			rw.roles = append(rw.roles, ls)
			n = max(n, len(ls))
		}
		rw.h = 4 + float64(n)*lh + signRoom + 2*lh + 2
		if i+per >= len(s.Boxes) {
			rw.h += lh // the date line
		}
		sl.rows = append(sl.rows, rw)
		sl.total += rw.h
	}
	return sl
}

// signatures draws the boxes side by side (three to a row at most), the
// place and date above the last box, and keeps the block on one page.
func (r *renderer) signatures(s *doc.Signatures) {
	if len(s.Boxes) == 0 {
		return
	}
	sl := r.layoutSignatures(s)
	lh := lineH(bodySize)
	if sl.total <= r.usable() {
		r.ensure(sl.total)
	}
	for ri, rw := range sl.rows {
		r.ensure(rw.h)
		y := r.y + 4
		if ri == len(sl.rows)-1 {
			col := len(rw.boxes) - 1
			r.font("", bodySize)
			r.text(sl.x0+float64(col)*sl.bw, y, sl.bw, lh, sl.dateLine, "C")
			y += lh
		}
		n := 1
		for _, ls := range rw.roles {
			n = max(n, len(ls))
		}
		nameY := y + float64(n)*lh + signRoom
		for c, b := range rw.boxes {
			x := sl.x0 + float64(c)*sl.bw
			r.font("", bodySize)
			for j, l := range rw.roles[c] {
				r.text(x, y+float64(j)*lh, sl.bw, lh, l, "C")
			}
			name := b.Name
			if name == "" {
				name = "(" + strings.Repeat(".", 30) + ")"
				r.font("", bodySize)
			} else {
				r.font("BU", bodySize)
			}
			r.text(x, nameY, sl.bw, lh, translate(name), "C")
			if b.NIP != "" {
				r.font("", bodySize)
				r.text(x, nameY+lh, sl.bw, lh, translate("NIP. "+domain.FormatNIP(b.NIP)), "C")
			}
		}
		r.y = nameY + 2*lh + 2
	}
}

// Package pdf draws doc.Documents as a PDF with the office's kop surat,
// in pure Go (fpdf) with the core Helvetica font, so the text stays
// selectable and searchable and no font file ships in the binary.
//
// Layout (millimetres): margins 20 left, 15 top, right and bottom; the
// footer ("Dicetak dengan asndesk, <tanggal>" and "Halaman N") sits in the
// bottom margin, a document's Mark in red at the top right of every page
// inside the top margin. Text is translated to cp1252 (text.go): what
// Word pastes prints as typed, anything else prints as "?".
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

// LogoType names the image format from its first bytes: "png", "jpg" or ""
// for anything else.
func LogoType(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		return "jpg"
	}
	return ""
}

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
// clipped). A signature block moves to the next page rather than break.
// The PDF's title is the first document's title, its creator "asndesk",
// and its creation date the first signature date (so the same input gives
// the same bytes); without a signature date fpdf uses the current time.
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
	f.SetCellMargin(1.2)
	f.SetCatalogSort(true)
	f.SetCreator("asndesk", true)
	f.SetProducer("asndesk", true)
	f.SetTitle(strings.ToValidUTF8(docs[0].Title, "?"), true) // fpdf's UTF-16 conversion panics on invalid UTF-8
	for i := range docs {
		if d := signDate(&docs[i]); !d.IsZero() {
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
	st.date = signDate(d).Long()
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
			r.heading(b)
		case *doc.Para:
			r.para(b)
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

func (r *renderer) font(style string, size float64) { r.f.SetFont(family, style, size) }

// wrap splits translated text into lines no wider than w with the current
// font; empty text is one empty line.
func (r *renderer) wrap(s string, w float64) []string {
	if s == "" {
		return []string{""}
	}
	bs := r.f.SplitLines([]byte(s), w)
	if len(bs) == 0 {
		return []string{""}
	}
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = string(b)
	}
	return out
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

func (r *renderer) heading(h *doc.Heading) {
	r.font("B", 10.5)
	lh := lineH(10.5)
	lines := r.wrap(translate(h.Text), r.cw)
	if r.y > marginTop+0.01 {
		r.y += 2
	}
	// Keep the heading with a few lines of what follows it.
	r.ensure(float64(len(lines))*lh + 12)
	for _, l := range lines {
		r.text(marginLeft, r.y, r.cw, lh, l, "L")
		r.y += lh
	}
	r.y += 1
}

func (r *renderer) para(p *doc.Para) {
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
	lh := lineH(size)
	for _, l := range r.wrap(translate(p.Text), r.cw) {
		r.ensure(lh)
		r.text(marginLeft, r.y, r.cw, lh, l, "L")
		r.y += lh
	}
	r.y += 1.5
}

func (r *renderer) fields(fs *doc.Fields) {
	lw := r.cw * 0.35
	cw := 4.0
	vw := r.cw - lw - cw
	lh := lineH(bodySize)
	for _, row := range fs.Rows {
		r.font("", bodySize)
		label := r.wrap(translate(row[0]), lw)
		value := r.wrap(translate(row[1]), vw)
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

// table draws a grid: header shaded and bold, repeated on every page;
// cells wrap and a row is as tall as its tallest cell.
func (r *renderer) table(t *doc.Table) {
	nc := len(t.Columns)
	if nc == 0 {
		return
	}
	total := 0.0
	for _, c := range t.Columns {
		total += colWidth(c)
	}
	ws := make([]float64, nc)
	xs := make([]float64, nc)
	aligns := make([]string, nc)
	x := marginLeft
	for i, c := range t.Columns {
		ws[i] = r.cw * colWidth(c) / total
		xs[i] = x
		x += ws[i]
		aligns[i] = alignOf(c.Align)
	}
	lh := lineH(tableSize)

	r.font("B", tableSize)
	head := make([][]string, nc)
	headSize := make([]float64, nc)
	hn := 1
	for i, c := range t.Columns {
		head[i], headSize[i] = r.cell(translate(c.Title), ws[i], "B")
		hn = max(hn, len(head[i]))
	}
	headH := float64(hn)*lh + 2*padY
	drawHead := func() {
		r.f.SetFillColor(220, 220, 220)
		for i := range nc {
			r.font("B", headSize[i])
			r.f.Rect(xs[i], r.y, ws[i], headH, "FD")
			for j, l := range head[i] {
				r.text(xs[i], r.y+padY+float64(j)*lh, ws[i], lh, l, "C")
			}
		}
		r.y += headH
	}
	newPage := func() {
		r.addPage()
		drawHead()
	}
	full := func(s, style string, fill int) {
		r.font(style, tableSize)
		lines := r.wrap(translate(s), r.cw)
		h := float64(len(lines))*lh + 2*padY
		if r.y+h > r.bottom {
			newPage()
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

	r.ensure(headH + lh + 2*padY)
	drawHead()
	r.f.SetLineWidth(0.2)

	groups := map[int][]string{}
	for _, g := range t.Groups {
		b := min(max(g.Before, 0), len(t.Rows))
		groups[b] = append(groups[b], g.Text)
	}
	// A fresh page holds this much of a row under the header.
	fresh := r.bottom - marginTop - headH
	cells := make([][]string, nc)
	sizes := make([]float64, nc)
	for i, row := range t.Rows {
		r.font("", tableSize)
		n := 1
		for c := range nc {
			s := ""
			if c < len(row) {
				s = row[c]
			}
			cells[c], sizes[c] = r.cell(translate(s), ws[c], "")
			n = max(n, len(cells[c]))
		}
		h := float64(n)*lh + 2*padY
		for _, g := range groups[i] {
			// A group row never ends a page alone.
			if r.y+lh+2*padY+min(h, fresh) > r.bottom {
				newPage()
			}
			full(g, "B", 240)
		}
		r.font("", tableSize)
		switch {
		case r.y+h <= r.bottom:
		case h <= fresh:
			newPage()
		default:
			// Taller than a page: split it line by line across pages.
			from := 0
			for from < n {
				fit := int((r.bottom - r.y - 2*padY) / lh)
				if fit < 1 && r.y > marginTop+headH+0.01 {
					newPage()
					continue
				}
				k := min(max(fit, 1), n-from)
				r.drawRow(xs, ws, aligns, cells, sizes, from, k, lh)
				from += k
				if from < n {
					newPage()
				}
			}
			continue
		}
		r.drawRow(xs, ws, aligns, cells, sizes, 0, n, lh)
	}
	if len(t.Rows) == 0 {
		full("Tidak ada data.", "I", 0)
	}
	for _, g := range groups[len(t.Rows)] {
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

// The smallest sizes a cell shrinks to so that no word breaks: headers
// of narrow columns ("ESELON") may be smaller than body text.
const (
	minShrink     = 6.5
	minShrinkHead = 5.5
)

// cell wraps a table cell in a column w wide. A word slightly too wide
// (a date, "ESELON" in a narrow column) makes the cell's text smaller
// rather than broken in the middle of the word; the font is left at
// tableSize in style.
func (r *renderer) cell(s string, w float64, style string) ([]string, float64) {
	r.font(style, tableSize)
	room := w - 2.4 // the cell margins
	widest := 0.0
	for _, word := range strings.Fields(s) {
		widest = max(widest, r.f.GetStringWidth(word))
	}
	if widest <= room {
		return r.wrap(s, w), tableSize
	}
	size := math.Floor(tableSize*room/widest*10) / 10
	if size < minShrink && (style != "B" || size < minShrinkHead) {
		return r.wrap(s, w), tableSize // a long word breaks: nothing is lost
	}
	r.font(style, size)
	lines := r.wrap(s, w)
	r.font(style, tableSize)
	return lines, size
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

// bars draws a horizontal bar chart: label, the bar filled to Value/Max,
// the text after it.
func (r *renderer) bars(b *doc.Bars) {
	lw := r.cw * 0.38
	tw := r.cw * 0.14
	bw := r.cw - lw - tw - 4
	lh := lineH(9)
	const barH = 3.6
	for _, it := range b.Items {
		r.font("", 9)
		label := r.wrap(translate(it.Label), lw)
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

// signatures draws the boxes side by side (three to a row at most), the
// place and date above the last box, and keeps the block on one page.
func (r *renderer) signatures(s *doc.Signatures) {
	if len(s.Boxes) == 0 {
		return
	}
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
	dateLine := translate(place + ", " + date)

	per := min(len(s.Boxes), 3)
	bw := r.cw / float64(per)
	x0 := marginLeft
	if per == 1 {
		// A lone signature sits on the right, as on a letter.
		bw = r.cw / 2
		x0 += bw
	}
	lh := lineH(bodySize)
	const room = 20.0 // space to sign
	type row struct {
		boxes []doc.SignBox
		roles [][]string
		h     float64
	}
	var rows []row
	total := 0.0
	for i := 0; i < len(s.Boxes); i += per {
		rw := row{boxes: s.Boxes[i:min(i+per, len(s.Boxes))]}
		n := 1
		r.font("", bodySize)
		for _, b := range rw.boxes {
			ls := r.wrap(translate(b.Role), bw-4)
			rw.roles = append(rw.roles, ls)
			n = max(n, len(ls))
		}
		rw.h = 4 + float64(n)*lh + room + 2*lh + 2
		if i+per >= len(s.Boxes) {
			rw.h += lh // the date line
		}
		rows = append(rows, rw)
		total += rw.h
	}
	if total <= r.bottom-marginTop {
		r.ensure(total)
	}
	for ri, rw := range rows {
		r.ensure(rw.h)
		y := r.y + 4
		last := ri == len(rows)-1
		if last {
			col := len(rw.boxes) - 1
			r.font("", bodySize)
			r.text(x0+float64(col)*bw, y, bw, lh, dateLine, "C")
			y += lh
		}
		n := 1
		for _, ls := range rw.roles {
			n = max(n, len(ls))
		}
		nameY := y + float64(n)*lh + room
		for c, b := range rw.boxes {
			x := x0 + float64(c)*bw
			r.font("", bodySize)
			for j, l := range rw.roles[c] {
				r.text(x, y+float64(j)*lh, bw, lh, l, "C")
			}
			name := b.Name
			if name == "" {
				name = "(" + strings.Repeat(".", 30) + ")"
				r.font("", bodySize)
			} else {
				r.font("BU", bodySize)
			}
			r.text(x, nameY, bw, lh, translate(name), "C")
			if b.NIP != "" {
				r.font("", bodySize)
				r.text(x, nameY+lh, bw, lh, translate("NIP. "+domain.FormatNIP(b.NIP)), "C")
			}
		}
		r.y = nameY + 2*lh + 2
	}
}

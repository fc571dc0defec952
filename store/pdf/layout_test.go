package pdf

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"asndesk/domain/doc"

	"codeberg.org/go-pdf/fpdf"
)

// bodyLines is a page's text lines without the mark and the footer, in
// the order they were drawn.
func bodyLines(page string) []string {
	var out []string
	for l := range strings.SplitSeq(page, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l == "DATA CONTOH" || strings.HasPrefix(l, "Dicetak dengan asndesk") || strings.HasPrefix(l, "Halaman ") {
			continue
		}
		out = append(out, l)
	}
	return out
}

// filler is n one-line paragraphs: 40 of them leave about 30 mm of an A4
// portrait page without a kop.
func filler(n int) []doc.Block {
	var bs []doc.Block
	for i := range n {
		bs = append(bs, &doc.Para{Text: fmt.Sprintf("Paragraf %02d", i)})
	}
	return bs
}

// tallRow is a table row whose second cell has n lines "baris01"….
func tallRow(no string, n int) []string {
	var ls []string
	for i := 1; i <= n; i++ {
		ls = append(ls, fmt.Sprintf("baris%02d", i))
	}
	return []string{no, strings.Join(ls, "\n")}
}

var keepCols = []doc.Column{{Title: "NO", Width: 1}, {Title: "RENCANA HASIL KERJA", Width: 6}}

// TestHeaderKeptWithFirstRow: a table whose header fits at the bottom of
// a page but whose first row does not starts on the next page, so the
// first page ends with text, not with a lone header.
func TestHeaderKeptWithFirstRow(t *testing.T) {
	blocks := append(filler(40), &doc.Table{Columns: keepCols, Rows: [][]string{tallRow("1", 10), tallRow("2", 2)}})
	got := render(t, doc.Kop{}, doc.Document{Blocks: blocks})
	if len(got.pages) != 2 {
		t.Fatalf("pages = %d, want 2", len(got.pages))
	}
	p1, p2 := bodyLines(got.pages[0]), bodyLines(got.pages[1])
	if last := p1[len(p1)-1]; last != "Paragraf 39" {
		t.Errorf("page 1 ends with %q, want the last paragraph:\n%s", last, got.pages[0])
	}
	if want := []string{"NO", "RENCANA HASIL KERJA", "1", "baris01"}; !slices.Equal(p2[:4], want) {
		t.Errorf("page 2 starts %q, want the header then row 1", p2[:4])
	}
}

// TestTallFirstRowStartsUnderHeader: a first row taller than a page
// starts under its header where at least its first lines fit, and ends
// the page with a row's line, not the header.
func TestTallFirstRowStartsUnderHeader(t *testing.T) {
	blocks := append(filler(40), &doc.Table{Columns: keepCols, Rows: [][]string{tallRow("1", 90)}})
	got := render(t, doc.Kop{}, doc.Document{Blocks: blocks})
	p1 := bodyLines(got.pages[0])
	i := slices.Index(p1, "RENCANA HASIL KERJA")
	if i < 0 || !slices.Contains(p1[i:], "baris03") {
		t.Fatalf("page 1 lacks the header and the row's first lines:\n%s", got.pages[0])
	}
	if last := p1[len(p1)-1]; !strings.HasPrefix(last, "baris") {
		t.Errorf("page 1 ends with %q", last)
	}
	all := got.all()
	for i := 1; i <= 90; i++ {
		if n := strings.Count(all, fmt.Sprintf("baris%02d", i)); n != 1 {
			t.Fatalf("baris%02d printed %d times", i, n)
		}
	}
}

// TestGroupKeptWithFirstRow: a group row (even one that wraps to two
// lines) never ends a page: on every page each group label is followed by
// a row of its group.
func TestGroupKeptWithFirstRow(t *testing.T) {
	tbl := &doc.Table{Columns: keepCols}
	for i := 1; i <= 160; i++ {
		tbl.Rows = append(tbl.Rows, tallRow(fmt.Sprint(i), 1+i%3))
		if i%5 == 1 {
			tbl.Groups = append(tbl.Groups, doc.Group{Before: i - 1, Text: fmt.Sprintf("KELOMPOK %d ", i) +
				strings.Repeat("dengan uraian panjang yang terlipat menjadi dua baris ", 3)})
		}
	}
	got := render(t, doc.Kop{}, doc.Document{Blocks: []doc.Block{tbl}})
	if len(got.pages) < 4 {
		t.Fatalf("pages = %d", len(got.pages))
	}
	groups := 0
	for n, p := range got.pages {
		ls := bodyLines(p)
		for i, l := range ls {
			if !strings.HasPrefix(l, "KELOMPOK ") {
				continue
			}
			groups++
			// The label wraps; after its lines comes the row's number.
			j := i + 1
			for j < len(ls) && !strings.HasPrefix(ls[j], "baris") && ls[j] != strings.Fields(l)[1] {
				j++
			}
			if j >= len(ls) {
				t.Errorf("page %d ends with group %q alone", n+1, l)
			}
		}
	}
	if groups != len(tbl.Groups) {
		t.Errorf("%d group labels printed, want %d", groups, len(tbl.Groups))
	}
}

// TestHeadingKeptWithNext: a heading that fits at the bottom of a page
// moves with the table under it, and one before a paragraph keeps its
// first lines.
func TestHeadingKeptWithNext(t *testing.T) {
	blocks := append(filler(40), &doc.Heading{Text: "A. HASIL KERJA"},
		&doc.Table{Columns: keepCols, Rows: [][]string{tallRow("1", 8)}})
	got := render(t, doc.Kop{}, doc.Document{Blocks: blocks})
	if len(got.pages) != 2 {
		t.Fatalf("pages = %d, want 2", len(got.pages))
	}
	if p1 := bodyLines(got.pages[0]); p1[len(p1)-1] != "Paragraf 39" {
		t.Errorf("page 1 ends with %q:\n%s", p1[len(p1)-1], got.pages[0])
	}
	if p2 := bodyLines(got.pages[1]); len(p2) < 2 || p2[0] != "A. HASIL KERJA" || p2[1] != "NO" {
		t.Errorf("page 2 starts %q, want the heading then the table", p2)
	}

	// Two headings in a row and a paragraph: the first heading does not
	// stay behind either.
	blocks = append(filler(44), &doc.Heading{Text: "B. PERILAKU"}, &doc.Heading{Text: "1. Berorientasi Pelayanan"},
		&doc.Para{Text: strings.Repeat("Uraian perilaku kerja yang panjang. ", 12)})
	got = render(t, doc.Kop{}, doc.Document{Blocks: blocks})
	for n, p := range got.pages {
		ls := bodyLines(p)
		if last := ls[len(ls)-1]; last == "B. PERILAKU" || last == "1. Berorientasi Pelayanan" {
			t.Errorf("page %d ends with heading %q", n+1, last)
		}
	}
}

// TestParaKeptWithSignatures: the sentence right before a signature block
// ("Demikian …") moves to the next page with it rather than stay behind.
func TestParaKeptWithSignatures(t *testing.T) {
	const demikian = "Demikian daftar riwayat hidup ini saya buat dengan sesungguhnya untuk dapat dipergunakan sebagaimana mestinya."
	blocks := append(filler(34), &doc.Para{Text: demikian},
		&doc.Signatures{Date: today, Boxes: []doc.SignBox{{Role: "Yang membuat,", Name: "Acep Nugraha, S.E.", NIP: "198207012012041004"}}})
	got := render(t, testKop(), doc.Document{Kind: doc.KindDRH, Blocks: blocks})
	if len(got.pages) != 2 {
		t.Fatalf("pages = %d, want 2", len(got.pages))
	}
	wantText(t, "page 2", got.pages[1], "Demikian daftar riwayat hidup", "Yang membuat,", "Acep Nugraha, S.E.")
	if strings.Contains(got.pages[0], "Demikian") || strings.Contains(got.pages[0], "Yang membuat") {
		t.Errorf("page 1 keeps part of the closing:\n%s", got.pages[0])
	}
	if p1 := bodyLines(got.pages[0]); p1[len(p1)-1] != "Paragraf 33" {
		t.Errorf("page 1 ends with %q", p1[len(p1)-1])
	}
}

// TestNoMidWordBreaks: in narrow columns a long token breaks after "/"
// or "." rather than inside its letters, and a long header word shrinks
// whole ("TUNJANGAN", not "TUNJA" + "NGAN").
func TestNoMidWordBreaks(t *testing.T) {
	// Widths in millimetres on A4 portrait (175 mm of content).
	tbl := &doc.Table{
		Columns: []doc.Column{{Title: "NO", Width: 8}, {Title: "NOMOR SK", Width: 25}, {Title: "JENIS", Width: 25},
			{Title: "TUNJANGAN", Width: 14}, {Title: "URAIAN", Width: 103}},
		Rows: [][]string{
			{"1", "800.1.3.2/105/BKPSDM/2012", "Struktural/Kepemimpinan", "Ya", "Gaji 2.646.400"},
			{"2", "SK 821.2/108/BKPSDM/2012", "Pelajar/Mahasiswa", "Tidak", "-"},
		},
	}
	got := render(t, doc.Kop{}, doc.Document{Blocks: []doc.Block{tbl}})
	ls := bodyLines(got.pages[0])
	for _, want := range []string{"TUNJANGAN", "800.1.3.2/105/", "BKPSDM/2012", "Struktural/", "Kepemimpinan",
		"821.2/108/", "Pelajar/Mahasiswa", "Gaji 2.646.400"} {
		if !slices.Contains(ls, want) {
			t.Errorf("line %q missing in %q", want, ls)
		}
	}
}

// testRenderer is a renderer on an A4 page for measuring text.
func testRenderer() *renderer {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCellMargin(cellMargin)
	f.AddPage()
	return &renderer{f: f}
}

// TestWrap: lines break at spaces as before; a word longer than the line
// breaks after its last punctuation that fits, else in its letters.
func TestWrap(t *testing.T) {
	r := testRenderer()
	r.font("", tableSize)
	cases := []struct {
		s    string
		w    float64
		want []string
	}{
		{"Pengadministrasi Umum pada Seksi", 40, []string{"Pengadministrasi Umum", "pada Seksi"}},
		{"baris satu\nbaris dua\n", 40, []string{"baris satu", "baris dua"}},
		{"800.1.3.2/105/BKPSDM/2012", 25, []string{"800.1.3.2/105/", "BKPSDM/2012"}},
		{"Nomor 800.1.3.2/105/BKPSDM/2012", 25, []string{"Nomor", "800.1.3.2/105/", "BKPSDM/2012"}},
		{"Struktural/Kepemimpinan", 25, []string{"Struktural/", "Kepemimpinan"}},
		{"Undang-Undang", 15, []string{"Undang-", "Undang"}},
		{"Undang-Undang/Peraturan", 25, []string{"Undang-", "Undang/", "Peraturan"}},
		{"Rp2.646.400.000,00/tahun", 35, []string{"Rp2.646.400.000,00/", "tahun"}},
		{"Rp2.646.400.000,00", 25, []string{"Rp2.646.400.", "000,00"}},
		{"", 20, []string{""}},
	}
	for _, c := range cases {
		if got := r.wrap(c.s, c.w); !slices.Equal(got, c.want) {
			t.Errorf("wrap(%q, %v) = %q, want %q", c.s, c.w, got, c.want)
		}
	}
	// Where no word is too long, or a long one has no punctuation, the
	// lines are fpdf's own.
	for _, s := range []string{"Kepala Seksi Ketenteraman dan Ketertiban Umum", "a  b   c", "Jl. Merdeka No. 1, Sukamaju",
		"PANJANGSEKALITANPATANDA"} {
		var want []string
		for _, b := range r.f.SplitLines([]byte(s), 15) {
			want = append(want, string(b))
		}
		if got := r.wrap(s, 15); !slices.Equal(got, want) {
			t.Errorf("wrap(%q) = %q, SplitLines %q", s, got, want)
		}
	}
}

// TestCellShrinks: a word a little too wide shrinks the cell's font; a
// header shrinks further before it breaks.
func TestCellShrinks(t *testing.T) {
	r := testRenderer()
	lines, size := r.cell("30-01-2024", 16, "")
	if !slices.Equal(lines, []string{"30-01-2024"}) || size >= tableSize || size < mildShrink {
		t.Errorf("date: %q at %v pt", lines, size)
	}
	lines, size = r.cell("TUNJANGAN", 14, "B")
	if !slices.Equal(lines, []string{"TUNJANGAN"}) || size < minShrinkHead {
		t.Errorf("header: %q at %v pt", lines, size)
	}
	lines, size = r.cell("Struktural/Kepemimpinan", 25, "")
	if !slices.Equal(lines, []string{"Struktural/", "Kepemimpinan"}) || size != tableSize {
		t.Errorf("slash: %q at %v pt", lines, size)
	}
}

package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"asndesk/domain"
	"asndesk/domain/doc"
)

var today = domain.Date{Year: 2026, Month: time.November, Day: 23}

func testKop() doc.Kop {
	return doc.Kop{
		Lines:   []string{"PEMERINTAH KABUPATEN SUKAMAJU", "KECAMATAN SUKAMAJU"},
		Address: "Jl. Merdeka No. 1, Sukamaju 45111, Telepon (0261) 123456",
		Place:   "Sukamaju",
	}
}

func sampleDoc() doc.Document {
	return doc.Document{
		Kind:     doc.KindSKP,
		Title:    "SASARAN KINERJA PEGAWAI",
		Subtitle: []string{"PENDEKATAN HASIL KERJA KUANTITATIF", "PERIODE: 1 JANUARI 2026 SD 31 DESEMBER 2026"},
		Blocks: []doc.Block{
			&doc.Heading{Text: "A. IDENTITAS"},
			&doc.Fields{Rows: [][2]string{{"Nama", "Siti Aminah, S.Kom."}, {"NIP", "19860926 201505 2 001"},
				{"Jabatan", "Pranata Komputer Ahli Muda pada Seksi Pelayanan Umum dan Ketenteraman Ketertiban Masyarakat"}}},
			&doc.Para{Text: "Catatan penilai tertulis di sini.", Italic: true},
			&doc.Table{
				Columns: []doc.Column{{Title: "No", Width: 1, Align: doc.Center}, {Title: "Rencana Hasil Kerja", Width: 6},
					{Title: "Target", Width: 2, Align: doc.Right}},
				Rows:   [][]string{{"1", "Layanan administrasi kependudukan tepat waktu", "100 %"}, {"2", "Laporan", "12 laporan"}},
				Groups: []doc.Group{{Before: 0, Text: "UTAMA"}, {Before: 1, Text: "TAMBAHAN"}},
			},
			&doc.Bars{Items: []doc.Bar{{Label: "Perencanaan", Value: 3.5, Max: 4, Text: "3,50"}, {Label: "Pengadaan", Value: 0, Max: 4, Text: "0,00"}}},
			&doc.Signatures{Place: "Sukamaju", Date: today, Boxes: []doc.SignBox{
				{Role: "Pegawai yang Dinilai,", Name: "Siti Aminah, S.Kom.", NIP: "198609262015052001"},
				{Role: "Pejabat Penilai Kinerja,", Name: "Drs. Budi Santoso", NIP: "197001011995031001"},
			}},
		},
	}
}

// TestRenderText: every kind of block prints its text where a viewer can
// find it, with the kop, footer and formatted NIPs.
func TestRenderText(t *testing.T) {
	got := render(t, testKop(), sampleDoc())
	if len(got.pages) != 1 {
		t.Fatalf("pages = %d, want 1", len(got.pages))
	}
	wantText(t, "page 1", got.pages[0],
		"PEMERINTAH KABUPATEN SUKAMAJU", "KECAMATAN SUKAMAJU", "Jl. Merdeka No. 1, Sukamaju 45111",
		"SASARAN KINERJA PEGAWAI", "PENDEKATAN HASIL KERJA KUANTITATIF",
		"A. IDENTITAS", "Nama", "Siti Aminah, S.Kom.", "Pranata Komputer Ahli Muda",
		"Catatan penilai tertulis di sini.",
		"Rencana Hasil Kerja", "UTAMA", "TAMBAHAN", "Layanan administrasi", "12 laporan",
		"Perencanaan", "3,50", "0,00",
		"Sukamaju, 23 November 2026", "Pegawai yang Dinilai,", "Pejabat Penilai Kinerja,",
		"Drs. Budi Santoso", "NIP. 19700101 199503 1 001", "NIP. 19860926 201505 2 001",
		"Dicetak dengan asndesk, 23 November 2026", "Halaman 1")
	// The kop comes before the title, the title before the blocks.
	p := got.pages[0]
	if a, b, c := strings.Index(p, "KECAMATAN SUKAMAJU"), strings.Index(p, "SASARAN KINERJA PEGAWAI"), strings.Index(p, "A. IDENTITAS"); !(a < b && b < c) {
		t.Errorf("order kop %d, title %d, heading %d", a, b, c)
	}
}

// TestCP1252: text pasted from Word prints as typed; what cp1252 cannot
// hold prints as "?" instead of crashing or vanishing.
func TestCP1252(t *testing.T) {
	typed := "“kutip” – ‘satu’ — é ½ ± • … © Rp 1.500,00 € ©"
	d := doc.Document{Title: "UJI HURUF", Blocks: []doc.Block{
		&doc.Para{Text: typed},
		&doc.Table{Columns: []doc.Column{{Title: "Catatan – “uji”", Width: 1}}, Rows: [][]string{{"Café ½ porsi"}}},
		&doc.Para{Text: "Ω 漢字 ok"},
		&doc.Para{Text: "1 → 2, a ≤ b"},
		&doc.Para{Text: "tab\tdan\x00kontrol, peme\u00adrintah"},
	}}
	got := render(t, doc.Kop{}, d).all()
	wantText(t, "cp1252", got, typed, "Catatan – “uji”", "Café ½ porsi", "? ?? ok", "1 -> 2, a <= b", "tab dan kontrol, pemerintah")
}

// TestLongTable: a 300-row table runs over several pages, the header row
// repeats on each, every row prints exactly once, pages count per document.
func TestLongTable(t *testing.T) {
	tbl := &doc.Table{Columns: []doc.Column{{Title: "No", Width: 1}, {Title: "Nama Pegawai", Width: 5}, {Title: "Golongan Ruang", Width: 2}}}
	for i := 1; i <= 300; i++ {
		tbl.Rows = append(tbl.Rows, []string{fmt.Sprint(i), fmt.Sprintf("Pegawai%03d", i), "III/a"})
	}
	d := doc.Document{Kind: doc.KindDUK, Title: "DAFTAR URUT KEPANGKATAN", Blocks: []doc.Block{tbl}}
	got := render(t, testKop(), d, doc.Document{Title: "KEDUA"})
	if len(got.pages) < 5 {
		t.Fatalf("pages = %d, want the table to span several", len(got.pages))
	}
	last := len(got.pages) - 1
	for i, p := range got.pages[:last] {
		wantText(t, fmt.Sprintf("page %d", i+1), p, "Nama Pegawai", "Golongan Ruang", fmt.Sprintf("Halaman %d", i+1))
		if i > 0 && strings.Contains(p, "PEMERINTAH KABUPATEN") {
			t.Errorf("page %d repeats the kop", i+1)
		}
	}
	all := got.all()
	for i := 1; i <= 300; i++ {
		if n := strings.Count(all, fmt.Sprintf("Pegawai%03d", i)); n != 1 {
			t.Fatalf("Pegawai%03d printed %d times", i, n)
		}
	}
	// The second document starts on its own page, with the kop, at Halaman 1.
	wantText(t, "second document", got.pages[last], "KEDUA", "PEMERINTAH KABUPATEN", "Halaman 1")
}

// TestTallCell: a cell taller than a page is split across pages with
// nothing lost, and the renderer ends.
func TestTallCell(t *testing.T) {
	var lines []string
	for i := 1; i <= 150; i++ {
		lines = append(lines, fmt.Sprintf("baris%03d", i))
	}
	d := doc.Document{Blocks: []doc.Block{&doc.Table{
		Columns: []doc.Column{{Title: "No", Width: 1}, {Title: "Uraian", Width: 4}},
		Rows:    [][]string{{"1", "pendek"}, {"2", strings.Join(lines, "\n")}, {"3", "sesudah"}},
	}}}
	got := render(t, doc.Kop{}, d)
	if len(got.pages) < 2 {
		t.Fatalf("pages = %d, want the tall row split", len(got.pages))
	}
	all := got.all()
	for _, l := range append(lines, "pendek", "sesudah") {
		if strings.Count(all, l) != 1 {
			t.Fatalf("%q printed %d times", l, strings.Count(all, l))
		}
	}
	for i, p := range got.pages {
		wantText(t, fmt.Sprintf("page %d", i+1), p, "Uraian")
	}
}

// TestPaper: each document keeps its own paper: F4 landscape for the DUK
// as the office chose, A4 portrait for a biodata.
func TestPaper(t *testing.T) {
	k := testKop()
	k.Papers = map[doc.Kind]doc.Paper{doc.KindDUK: {Size: doc.F4, Landscape: true}}
	got := render(t, k, doc.Document{Kind: doc.KindDUK, Title: "DUK"}, doc.Document{Kind: doc.KindDRH, Title: "DRH"},
		doc.Document{Kind: doc.KindNominatif, Title: "NOMINATIF"})
	mm := func(pt float64) float64 { return math.Round(pt * 25.4 / 72) }
	for i, want := range [][2]float64{{330, 215}, {210, 297}, {297, 210}} {
		w, h := got.mediaBox(i + 1)
		if mm(w) != want[0] || mm(h) != want[1] {
			t.Errorf("page %d: %.0f × %.0f mm, want %.0f × %.0f", i+1, mm(w), mm(h), want[0], want[1])
		}
	}
}

func pngLogo(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 60, 80))
	for y := range 80 {
		for x := range 60 {
			img.Set(x, y, color.RGBA{uint8(x * 4), 90, uint8(y * 3), 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func jpegLogo(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 40, 40))
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestLogo: a PNG or JPEG logo is drawn as an image on the first page of
// each document; a damaged one is refused with a message.
func TestLogo(t *testing.T) {
	for name, logo := range map[string][]byte{"png": pngLogo(t), "jpg": jpegLogo(t)} {
		t.Run(name, func(t *testing.T) {
			k := testKop()
			k.Logo = logo
			got := render(t, k, doc.Document{Title: "SATU"}, doc.Document{Title: "DUA"})
			for n := 1; n <= 2; n++ {
				xo := got.r.Page(n).Resources().Key("XObject")
				if len(xo.Keys()) != 1 || xo.Key(xo.Keys()[0]).Key("Subtype").Name() != "Image" {
					t.Errorf("page %d: XObjects %v, want the logo", n, xo.Keys())
				}
			}
			wantText(t, "page 1", got.pages[0], "PEMERINTAH KABUPATEN SUKAMAJU")
		})
	}

	interlaced := pngLogo(t)
	interlaced[28] = 1 // IHDR interlace method
	for name, logo := range map[string][]byte{"interlaced": interlaced, "truncated": pngLogo(t)[:60], "gif": []byte("GIF89a....")} {
		t.Run(name, func(t *testing.T) {
			k := testKop()
			k.Logo = logo
			err := Render(io.Discard, k, []doc.Document{{Title: "X"}}, nil)
			if domain.ErrorCode(err) != domain.EINVALID || !strings.HasPrefix(domain.ErrorMessage(err), "Logo kop surat") {
				t.Fatalf("err = %v", err)
			}
			if CheckLogo(logo) == nil {
				t.Fatal("CheckLogo accepted it")
			}
		})
	}
	if err := CheckLogo(pngLogo(t)); err != nil {
		t.Fatal(err)
	}
}

// TestMark: the mark prints on every page of its document and on no page
// of a document without one.
func TestMark(t *testing.T) {
	tbl := &doc.Table{Columns: []doc.Column{{Title: "Nama", Width: 1}}}
	for i := range 120 {
		tbl.Rows = append(tbl.Rows, []string{fmt.Sprint("orang ", i)})
	}
	got := render(t, testKop(), doc.Document{Title: "CONTOH", Mark: "DATA CONTOH", Blocks: []doc.Block{tbl}},
		doc.Document{Title: "ASLI"})
	last := len(got.pages) - 1
	if last < 2 {
		t.Fatalf("pages = %d", len(got.pages))
	}
	for i, p := range got.pages[:last] {
		wantText(t, fmt.Sprintf("page %d", i+1), p, "DATA CONTOH")
	}
	if strings.Contains(got.pages[last], "DATA CONTOH") {
		t.Error("mark leaked into the next document")
	}
}

// TestEmpty: a document without blocks is one valid page; no documents at
// all is refused; progress may be nil and otherwise counts documents.
func TestEmpty(t *testing.T) {
	got := render(t, doc.Kop{}, doc.Document{})
	if len(got.pages) != 1 {
		t.Fatalf("pages = %d", len(got.pages))
	}
	wantText(t, "empty", got.pages[0], "Halaman 1")
	if strings.Contains(got.pages[0], "Dicetak dengan asndesk,") {
		t.Error("a date without a signature date")
	}
	got = render(t, testKop(), doc.Document{Blocks: []doc.Block{&doc.Table{Columns: []doc.Column{{Title: "Nama"}}}}})
	wantText(t, "empty table", got.pages[0], "Nama", "Tidak ada data.")

	err := Render(io.Discard, doc.Kop{}, nil, nil)
	if domain.ErrorCode(err) != domain.EINVALID || domain.ErrorMessage(err) != "Tidak ada dokumen untuk dicetak." {
		t.Fatalf("err = %v", err)
	}
	var calls [][2]int
	err = Render(io.Discard, doc.Kop{}, []doc.Document{{}, {}, {}}, func(done, total int) { calls = append(calls, [2]int{done, total}) })
	if err != nil || fmt.Sprint(calls) != "[[1 3] [2 3] [3 3]]" {
		t.Fatalf("progress %v, err %v", calls, err)
	}
}

// TestPageBreak: a page break starts a new page, but never leaves a blank
// one (at the end of a document or right after another break).
func TestPageBreak(t *testing.T) {
	got := render(t, doc.Kop{}, doc.Document{Blocks: []doc.Block{&doc.Para{Text: "satu"}, &doc.PageBreak{}, &doc.PageBreak{},
		&doc.Para{Text: "dua"}, &doc.PageBreak{}}})
	if len(got.pages) != 2 || !strings.Contains(got.pages[0], "satu") || !strings.Contains(got.pages[1], "dua") {
		t.Fatalf("%d pages: %q", len(got.pages), got.pages)
	}
}

// TestSignaturesKeptTogether: a signature block that does not fit under
// the text moves whole to the next page.
func TestSignaturesKeptTogether(t *testing.T) {
	var blocks []doc.Block
	for i := range 52 {
		blocks = append(blocks, &doc.Para{Text: fmt.Sprint("Paragraf ", i)})
	}
	blocks = append(blocks, &doc.Signatures{Date: today, Boxes: []doc.SignBox{{Role: "Kepala,", Name: "Budi", NIP: "197001011995031001"}}})
	got := render(t, testKop(), doc.Document{Kind: doc.KindDRH, Blocks: blocks})
	if len(got.pages) != 2 {
		t.Fatalf("pages = %d, want 2", len(got.pages))
	}
	wantText(t, "page 2", got.pages[1], "Sukamaju, 23 November 2026", "Kepala,", "Budi", "NIP. 19700101 199503 1 001")
	if strings.Contains(got.pages[0], "Kepala,") {
		t.Error("signature block split")
	}
}

// TestMetadata: the file names its title and creator and is the same
// bytes for the same input.
func TestMetadata(t *testing.T) {
	got := render(t, testKop(), sampleDoc())
	info := got.r.Trailer().Key("Info")
	if s := info.Key("Title").Text(); s != "SASARAN KINERJA PEGAWAI" {
		t.Errorf("title %q", s)
	}
	if s := info.Key("Creator").Text(); s != "asndesk" {
		t.Errorf("creator %q", s)
	}
	again := render(t, testKop(), sampleDoc())
	if !bytes.Equal(got.raw, again.raw) {
		t.Error("same input, different bytes")
	}
}

// TestWriteError: a failing writer is reported in Indonesian.
func TestWriteError(t *testing.T) {
	err := Render(failWriter{}, doc.Kop{}, []doc.Document{{}}, nil)
	if !strings.HasPrefix(domain.ErrorMessage(err), "Berkas PDF tidak dapat ditulis.") {
		t.Fatalf("err = %v", err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// FuzzRender: any text in any block renders without error or panic.
func FuzzRender(f *testing.F) {
	f.Add("“kutip” – é ½", "baris\nbaris", 3.0)
	f.Add("", "\x00\xff\xfe", -1.0)
	f.Add(strings.Repeat("panjangsekalitanpaspasi", 40), "漢字 Ω", math.NaN())
	f.Fuzz(func(t *testing.T, a, b string, v float64) {
		d := doc.Document{Title: a, Subtitle: []string{b}, Mark: a, Blocks: []doc.Block{
			&doc.Heading{Text: a}, &doc.Para{Text: b, Bold: true}, &doc.Fields{Rows: [][2]string{{a, b}}},
			&doc.Table{Columns: []doc.Column{{Title: a, Width: v}, {Title: b, Width: 1}}, Rows: [][]string{{a, b}, {b}},
				Groups: []doc.Group{{Before: int(v), Text: a}}},
			&doc.Bars{Items: []doc.Bar{{Label: a, Value: v, Max: 4, Text: b}}},
			&doc.Signatures{Boxes: []doc.SignBox{{Role: a, Name: b, NIP: a}}},
		}}
		if err := Render(io.Discard, doc.Kop{Lines: []string{a}, Address: b}, []doc.Document{d}, nil); err != nil {
			t.Fatal(err)
		}
	})
}

// The footer says when the page was printed; the signature keeps the date
// of the act it records (an SKP approved in January, printed in November).
func TestFooterSaysPrintDate(t *testing.T) {
	approved, _ := domain.NewDate(2026, 1, 9)
	printed, _ := domain.NewDate(2026, 11, 23)
	d := doc.Document{Kind: doc.KindSKP, Title: "SASARAN KINERJA PEGAWAI", Printed: printed,
		Blocks: []doc.Block{&doc.Signatures{Place: "Sukamaju", Date: approved,
			Boxes: []doc.SignBox{{Role: "Pejabat Penilai Kinerja,", Name: "Drs. Bambang"}}}}}
	got := render(t, doc.Kop{}, d).all()
	wantText(t, "page", got, "Sukamaju, 9 Januari 2026", "Dicetak dengan asndesk, 23 November 2026")
}

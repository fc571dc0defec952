package doc

import (
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	d := Document{
		Title: "JUDUL", Subtitle: []string{"SUB"}, Mark: "DATA CONTOH",
		Blocks: []Block{
			&Heading{Text: "A. BAGIAN"},
			&Fields{Rows: [][2]string{{"Nama", "Rina"}, {"Alamat panjang", "Baris satu\nBaris dua"}, {"Kosong", ""}}},
			&Table{
				Columns: []Column{{Title: "NO"}, {Title: "ISI"}, {Title: "NILAI", Align: Right}},
				Rows:    [][]string{{"1", "pendek", "3,5"}, {"2", strings.Repeat("x", 45), "10"}},
				Groups:  []Group{{0, "UTAMA"}, {2, "AKHIR"}},
			},
			&Bars{Items: []Bar{{Label: "A", Value: 2, Max: 4, Text: "2 / 4"}, {Label: "Bb", Value: 9, Max: 4, Text: "lebih"}}},
			&PageBreak{},
			&Signatures{Place: "Sukamaju", Date: date(2026, 11, 2), Boxes: []SignBox{{Role: "Kepala,"}}},
		},
	}
	want := `[DATA CONTOH]
JUDUL
SUB

A. BAGIAN
=========

Nama           : Rina
Alamat panjang : Baris satu
                 Baris dua
Kosong         :

---------------------------------------------------------
| NO | ISI                                      | NILAI |
---------------------------------------------------------
» UTAMA
| 1  | pendek                                   |   3,5 |
| 2  | xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx |    10 |
|    | xxxxx                                    |       |
» AKHIR
---------------------------------------------------------

A  ##########.......... 2 / 4
Bb #################### lebih

--- halaman baru ---

Sukamaju, 2 November 2026
Kepala,


________________________

`
	if got := Text(d); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want string
	}{
		{"satu dua tiga", 8, "satu dua|tiga"},
		{"a\n\nb", 5, "a||b"},
		{"", 5, ""},
		{"abcdefgh ij", 3, "abc|def|gh|ij"},
	} {
		if got := strings.Join(wrap(c.in, c.w), "|"); got != c.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}

package pdf

import (
	"testing"

	"asndesk/domain/doc"
)

// TestTranslateFallback: a letter outside cp1252 prints as the plain
// letter, not "?": Vietnamese, Polish, Turkish, Romanian names, accents
// typed as separate marks, compatibility forms; only what has no Latin
// spelling stays "?".
func TestTranslateFallback(t *testing.T) {
	// want is in UTF-8; cp1252 letters (é, ß, ž) are compared after the
	// same translation.
	cases := []struct{ in, want string }{
		{"Nguyễn Thị Đặng", "Nguyen Thi Dang"},
		{"Trần Hưng Đạo", "Tran Hung Dao"},
		{"Łukasz Wałęsa, Łódź", "Lukasz Walesa, Lódz"}, // ó is cp1252,
		{"İstanbul Şişli Ağaoğlu ılık", "Istanbul Sisli Agaoglu ilik"},
		{"Ștefan Țară", "Stefan Tara"},
		{"Straße Müller Žižek", "Straße Müller Žižek"}, // already cp1252
		{"Cafe\u0301 Jose\u0301", "Café José"},         // composed first, then kept
		{"≥2 km → ✓", ">=2 km -> v"},
		{"Golongan Ⅳ/a, ﬁle, x²", "Golongan IV/a, file, x²"},
		{"Ω 漢字", "? ??"},
		{"a\u0307\u0323", "a"}, // marks that cannot compose are dropped
	}
	for _, c := range cases {
		if got, want := translate(c.in), translate(c.want); got != want {
			t.Errorf("translate(%q) = %q, want %q", c.in, got, want)
		}
	}
}

// TestFallbackInPDF: the review's line prints readably.
func TestFallbackInPDF(t *testing.T) {
	got := render(t, doc.Kop{}, doc.Document{Blocks: []doc.Block{
		&doc.Para{Text: "≥2 km → ✓ Nguyễn"},
		&doc.Table{Columns: []doc.Column{{Title: "Nama"}}, Rows: [][]string{{"Łukasz Wałęsa"}}},
	}})
	wantText(t, "page 1", got.pages[0], ">=2 km -> v Nguyen", "Lukasz Walesa")
}

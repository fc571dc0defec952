package domain

import (
	"os"
	"strings"
	"testing"
)

func TestParseBUPGrid(t *testing.T) {
	t.Parallel()
	t.Run("shipped table equals the confirmed grid", func(t *testing.T) {
		b, err := os.ReadFile("../assets/reference/bup.json")
		if err != nil {
			t.Fatal(err)
		}
		g, err := ParseBUPGrid(b)
		if err != nil {
			t.Fatal(err)
		}
		want := DefaultBUPGrid()
		g.Regulation, want.Regulation = "", ""
		if g != want {
			t.Fatalf("shipped grid %+v, confirmed grid %+v", g, want)
		}
	})
	for name, tc := range map[string]struct{ in, want string }{
		"not json":      {`{jpt:`, "tidak dapat dibaca"},
		"age too low":   {`{"jpt":60,"administrasi":18,"keterampilan":58,"ahli_pertama":58,"ahli_muda":58,"ahli_madya":60,"ahli_utama":65,"guru":60,"dosen":65,"lainnya":58}`, `"administrasi" harus antara 50 dan 75`},
		"missing value": {`{"jpt":60}`, `"administrasi"`},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParseBUPGrid([]byte(tc.in))
			if err == nil || !strings.Contains(ErrorMessage(err), tc.want) {
				t.Fatalf("got %v, want message with %q", err, tc.want)
			}
		})
	}
}

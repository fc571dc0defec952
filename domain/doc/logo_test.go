package doc

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLogoType(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    []byte
		want string
	}{
		{"png", []byte("\x89PNG\r\n\x1a\n rest"), "png"},
		{"jpeg", []byte{0xFF, 0xD8, 0xFF, 0xE0}, "jpg"},
		{"gif named .png", []byte("GIF89a"), ""},
		{"pdf", []byte("%PDF-1.7"), ""},
		{"empty", nil, ""},
		{"short png prefix", []byte("\x89PN"), ""},
	} {
		if got := LogoType(tc.b); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestFolder(t *testing.T) {
	home := t.TempDir()
	if got, want := Folder(home), filepath.Join(home, "asndesk"); got != want {
		t.Fatalf("without Documents: %q, want %q", got, want)
	}
	if err := os.Mkdir(filepath.Join(home, "Documents"), 0o700); err != nil {
		t.Fatal(err)
	}
	if got, want := Folder(home), filepath.Join(home, "Documents", "asndesk"); got != want {
		t.Fatalf("with Documents: %q, want %q", got, want)
	}
}

func TestFileName(t *testing.T) {
	for _, tc := range []struct {
		parts []string
		want  string
	}{
		{[]string{" SKP 2026 Sekretariat/Umum: \"A\" "}, "SKP 2026 Sekretariat-Umum- -A-"},
		{[]string{"merit", "2026", "", "  ", "Instansi"}, "merit 2026 Instansi"},
		{[]string{"a\tb<c>"}, "ab-c-"},
	} {
		if got := FileName(tc.parts...); got != tc.want {
			t.Errorf("FileName(%q) = %q, want %q", tc.parts, got, tc.want)
		}
	}
}

package pdf

import (
	"strings"
	"sync"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/text/unicode/norm"
)

// The core fonts (Helvetica) speak cp1252, not UTF-8. fpdf's own
// translator turns every character it cannot map into ".", which hides
// the loss; we build the same cp1252 table once from fpdf's descriptor.
// A character outside cp1252 prints as the closest plain text ("Nguyễn" as
// "Nguyen", "ł" as "l", "≥" as ">="), and only what has no such spelling
// (Greek, CJK) as "?", so a real loss stays visible on paper.

// cp1252Max bounds the table: the highest cp1252 code point is ™ U+2122.
const cp1252Max = 0x2200

var cp1252Table = sync.OnceValue(func() []byte {
	tr := fpdf.New("P", "mm", "A4", "").UnicodeTranslatorFromDescriptor("cp1252")
	t := make([]byte, cp1252Max)
	for r := rune(0x80); r < cp1252Max; r++ {
		if s := tr(string(r)); len(s) == 1 && s[0] != '.' {
			t[r] = s[0]
		}
	}
	return t
})

// fallback spells characters outside cp1252 that office text commonly
// holds, and the letters Unicode does not decompose into a base letter
// plus accents (Polish ł, Vietnamese đ, Turkish ı, …).
var fallback = map[rune]string{
	'→': "->", '←': "<-", '≤': "<=", '≥': ">=", '≠': "!=", '≈': "~", '−': "-", '‐': "-", '‑': "-",
	'′': "'", '″': "\"", '✓': "v", '✔': "v", '\u200b': "", '\u200c': "", '\u200d': "", '\ufeff': "",
	'ł': "l", 'Ł': "L", 'đ': "d", 'Đ': "D", 'ı': "i", 'ħ': "h", 'Ħ': "H", 'ŧ': "t", 'Ŧ': "T",
	'ƀ': "b", 'ƚ': "l", 'ɨ': "i", 'ʉ': "u", 'ŋ': "n", 'Ŋ': "N", 'ə': "e", 'Ə': "E", 'ĸ': "k",
}

// translate returns s in cp1252 bytes: tabs and other control characters
// become spaces (newlines stay), characters outside cp1252 their plain
// spelling or "?".
func translate(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || (c < 0x20 && c != '\n') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	// Text typed on a Mac or pasted from the web may carry its accents
	// as separate marks ("e" + U+0301): compose them first so "é" stays "é".
	// (String returns s itself when it is already composed.)
	s = norm.NFC.String(s)
	t := cp1252Table()
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteByte('\n')
		case r == '\r', r == '\u00ad': // a soft hyphen from Word is not printed
		case r < 0x20:
			b.WriteByte(' ')
		case r < 0x80:
			b.WriteByte(byte(r))
		case r < cp1252Max && t[r] != 0:
			b.WriteByte(t[r])
		default:
			if f, ok := fallback[r]; ok {
				b.WriteString(f)
			} else if !unicode.Is(unicode.Mn, r) { // an accent that could not compose is dropped
				plain(&b, r, t)
			}
		}
	}
	return b.String()
}

// plain writes the closest cp1252 spelling of r, which cp1252 lacks: its
// compatibility form when that is all cp1252 ("ǆ" → "dž", "Ⅳ" → "IV",
// "ﬁ" → "fi"), else its letters without their accents ("ễ" → "e",
// "ș" → "s"), else "?".
func plain(b *strings.Builder, r rune, t []byte) {
	in := func(c rune) bool { return c < 0x80 && c >= 0x20 || c < cp1252Max && t[c] != 0 }
	if k := norm.NFKC.String(string(r)); k != string(r) {
		all := true
		for _, c := range k {
			if !in(c) {
				all = false
				break
			}
		}
		if all {
			for _, c := range k {
				if c < 0x80 {
					b.WriteByte(byte(c))
				} else {
					b.WriteByte(t[c])
				}
			}
			return
		}
	}
	n := 0
	for _, c := range norm.NFKD.String(string(r)) {
		switch {
		case unicode.Is(unicode.Mn, c):
		case in(c):
			if c < 0x80 {
				b.WriteByte(byte(c))
			} else {
				b.WriteByte(t[c])
			}
			n++
		case fallback[c] != "":
			b.WriteString(fallback[c])
			n++
		default:
			b.WriteByte('?')
			n++
		}
	}
	if n == 0 {
		b.WriteByte('?')
	}
}

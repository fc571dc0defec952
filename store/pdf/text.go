package pdf

import (
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"
)

// The core fonts (Helvetica) speak cp1252, not UTF-8. fpdf's own
// translator turns every character it cannot map into ".", which hides
// the loss; we build the same cp1252 table once from fpdf's descriptor and
// print "?" instead, so a missing character is visible on paper, and a few
// common symbols outside cp1252 get a readable ASCII stand-in.

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
// holds.
var fallback = map[rune]string{
	'→': "->", '←': "<-", '≤': "<=", '≥': ">=", '≠': "!=", '−': "-", '‐': "-", '‑': "-",
	'✓': "v", '✔': "v", '\u200b': "", '\ufeff': "",
}

// translate returns s in cp1252 bytes: tabs and other control characters
// become spaces (newlines stay), unknown characters "?".
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
			} else {
				b.WriteByte('?')
			}
		}
	}
	return b.String()
}

package pdf

import (
	"bytes"
	"strings"
	"testing"

	"asndesk/domain/doc"

	lpdf "github.com/ledongthuc/pdf"
)

// rendered is a PDF read back: its pages' text (one line per text
// object) and the reader for boxes and metadata.
type rendered struct {
	raw   []byte
	r     *lpdf.Reader
	pages []string
}

// render runs Render and reads the result back; the test fails on any
// error.
func render(t testing.TB, k doc.Kop, docs ...doc.Document) rendered {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, k, docs, nil); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return extractText(t, buf.Bytes())
}

// extractText reads every page's text with a PDF text tool independent of
// the writer, as a user's viewer would when searching or copying.
func extractText(t testing.TB, b []byte) rendered {
	t.Helper()
	r, err := lpdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a readable PDF: %v", err)
	}
	out := rendered{raw: b, r: r}
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		s, err := p.GetPlainText(nil)
		if err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		out.pages = append(out.pages, s)
	}
	return out
}

// all is the text of every page.
func (r rendered) all() string { return strings.Join(r.pages, "\n") }

// mediaBox is page n's size in points.
func (r rendered) mediaBox(n int) (w, h float64) {
	var mb lpdf.Value
	// The page's own box or the one it inherits from its page tree.
	for v := r.r.Page(n).V; !v.IsNull(); v = v.Key("Parent") {
		if mb = v.Key("MediaBox"); !mb.IsNull() {
			break
		}
	}
	return mb.Index(2).Float64() - mb.Index(0).Float64(), mb.Index(3).Float64() - mb.Index(1).Float64()
}

func wantText(t testing.TB, where, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s: %q missing in:\n%s", where, w, text)
		}
	}
}

package pdf

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"asndesk/domain"
	"asndesk/domain/demo"
	"asndesk/domain/doc"
)

// dukOffice is the demo office's DUK input: the office, its employees and
// each one's riwayat.
type dukOffice struct {
	office domain.Office
	emps   []domain.Employee
	rws    map[uint64][]domain.Riwayat
	units  map[uint64]string
}

func newDUKOffice(n int) dukOffice {
	o, nodes, emps, rws := demo.GenerateOffice(n, 7)
	d := dukOffice{office: o, emps: emps, rws: map[uint64][]domain.Riwayat{}, units: map[uint64]string{}}
	for _, r := range rws {
		d.rws[r.EmployeeID] = append(d.rws[r.EmployeeID], r)
	}
	for _, u := range nodes {
		d.units[u.ID] = u.Name
	}
	return d
}

// printDUK is the print path of the DUK screen: rows, order, document,
// PDF.
func (d dukOffice) printDUK(w io.Writer, k doc.Kop) (int, error) {
	var rows []domain.DUKRow
	for _, e := range d.emps {
		if r, ok := domain.BuildDUKRow(e, d.rws[e.ID], today); ok {
			rows = append(rows, r)
		}
	}
	domain.SortDUK(rows)
	opts := doc.Opts{Office: d.office, Today: today, Place: k.Place, UnitName: func(id uint64) string { return d.units[id] }}
	return len(rows), Render(w, k, []doc.Document{doc.DUK(rows, opts)}, nil)
}

// TestPrintDUK: the demo office's DUK prints with its header on every
// page, every PNS once, in DUK order.
func TestPrintDUK(t *testing.T) {
	d := newDUKOffice(120)
	k := testKop()
	k.Logo = pngLogo(t)
	var buf strings.Builder
	n, err := d.printDUK(&buf, k)
	if err != nil {
		t.Fatal(err)
	}
	got := extractText(t, []byte(buf.String()))
	if len(got.pages) < 2 {
		t.Fatalf("%d rows on %d pages", n, len(got.pages))
	}
	for i, p := range got.pages {
		wantText(t, fmt.Sprintf("page %d", i+1), p, "NAMA / NIP", "ESELON", "PENDIDIKAN", fmt.Sprintf("Halaman %d", i+1))
	}
	all := got.all()
	wantText(t, "DUK", all, "DAFTAR URUT KEPANGKATAN")
	var rows []domain.DUKRow
	for _, e := range d.emps {
		if r, ok := domain.BuildDUKRow(e, d.rws[e.ID], today); ok {
			rows = append(rows, r)
		}
	}
	domain.SortDUK(rows)
	at := 0
	for _, r := range rows {
		nip := domain.FormatNIP(r.NIP)
		i := strings.Index(all[at:], nip)
		if i < 0 {
			t.Fatalf("%s (%s) missing or out of DUK order", r.Nama, nip)
		}
		at += i
	}
}

var update = flag.Bool("update", false, "rewrite testdata goldens")

// TestPrintDUKGolden: the text a PDF viewer finds in the DUK of the
// 40-employee demo office, page by page (regenerate with -update).
func TestPrintDUKGolden(t *testing.T) {
	var buf strings.Builder
	if _, err := newDUKOffice(40).printDUK(&buf, testKop()); err != nil {
		t.Fatal(err)
	}
	got := extractText(t, []byte(buf.String()))
	var b strings.Builder
	for i, p := range got.pages {
		fmt.Fprintf(&b, "=== halaman %d\n", i+1)
		for l := range strings.SplitSeq(p, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				b.WriteString(l + "\n")
			}
		}
	}
	path := filepath.Join("testdata", "duk_40.txt")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if b.String() != string(want) {
		t.Errorf("extracted text differs from %s (run with -update after checking):\n%s", path, b.String())
	}
}

// BenchmarkPrintDUK: the DUK of a 1,000-employee office to PDF (budget
// 1 s): rows, sort, document, render.
func BenchmarkPrintDUK(b *testing.B) {
	for _, n := range []int{1000} {
		d := newDUKOffice(n)
		k := testKop()
		k.Logo = pngLogo(b)
		b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := d.printDUK(io.Discard, k); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

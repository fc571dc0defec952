package tui

import (
	"context"
	"sync"

	"asndesk/domain"
	"asndesk/domain/doc"
)

// fakeDocs is an in-memory DocsRepo: it keeps the kop, records what each
// print or export was given and "writes" by returning the path (with the
// store's never-overwrite rule applied to the paths it has already seen),
// so a test asserts the document kind, title, rows and path a user would
// get without a PDF.
type fakeDocs struct {
	mu     sync.Mutex
	kop    doc.Kop
	saved  int // SaveKop calls
	files  map[string][]byte
	pdfs   []fakePDF
	sheets []fakeSheets
	taken  map[string]bool
	fail   error
	// gate, when set, is received from before each progress step of a
	// PDF: a test holds the batch mid-way to look at the progress bar.
	gate chan struct{}
}

type fakePDF struct {
	path string
	docs []doc.Document
	kop  doc.Kop
}

type fakeSheets struct {
	path, format string
	sheets       []doc.Sheet
}

var _ DocsRepo = (*fakeDocs)(nil)

func newFakeDocs() *fakeDocs {
	return &fakeDocs{files: map[string][]byte{}, taken: map[string]bool{},
		kop: doc.Kop{Lines: []string{"PEMERINTAH KABUPATEN CONTOH", "KECAMATAN CONTOH"}, Address: "Jl. Merdeka No. 1, Contoh 12345", Place: "Contoh"}}
}

func (f *fakeDocs) Kop(ctx context.Context) (doc.Kop, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.kop, f.fail
}

func (f *fakeDocs) SaveKop(ctx context.Context, k doc.Kop) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return f.fail
	}
	if err := domain.CanManageOffice(domain.ActorFrom(ctx)); err != nil {
		return err
	}
	f.kop = k
	f.saved++
	return nil
}

// free applies the never-overwrite rule: "x.pdf" taken → "x (2).pdf".
func (f *fakeDocs) free(path string) string {
	ext := ""
	for i := len(path) - 1; i >= 0 && path[i] != '/'; i-- {
		if path[i] == '.' {
			ext = path[i:]
			break
		}
	}
	stem := path[:len(path)-len(ext)]
	p := path
	for n := 2; f.taken[p]; n++ {
		p = stem + " (" + itoa(n) + ")" + ext
	}
	f.taken[p] = true
	return p
}

func (f *fakeDocs) WritePDF(ctx context.Context, path string, docs []doc.Document, progress func(done, total int)) (string, error) {
	for i := range docs {
		if f.gate != nil {
			<-f.gate
		}
		if err := ctx.Err(); err != nil {
			return "", domain.Errorf(domain.EINVALID, "Pencetakan dibatalkan.")
		}
		if progress != nil {
			progress(i+1, len(docs))
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return "", f.fail
	}
	p := f.free(path)
	f.pdfs = append(f.pdfs, fakePDF{path: p, docs: docs, kop: f.kop})
	return p, nil
}

func (f *fakeDocs) WriteSheets(ctx context.Context, path, format string, sheets []doc.Sheet) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return "", f.fail
	}
	p := f.free(path)
	f.sheets = append(f.sheets, fakeSheets{path: p, format: format, sheets: sheets})
	return p, nil
}

func (f *fakeDocs) ReadFile(ctx context.Context, path string, max int64) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, ok := f.files[path]
	if !ok {
		return nil, domain.Errorf(domain.ENOTFOUND, "Berkas "+path+" tidak ditemukan.")
	}
	if int64(len(b)) > max {
		return nil, domain.Errorf(domain.EINVALID, "Berkas logo terlalu besar; paling besar "+itoa(int(max/1024))+" KB.")
	}
	return b, nil
}

// lastPDF is the most recent print.
func (f *fakeDocs) lastPDF() fakePDF {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.pdfs) == 0 {
		return fakePDF{}
	}
	return f.pdfs[len(f.pdfs)-1]
}

func (f *fakeDocs) lastSheets() fakeSheets {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.sheets) == 0 {
		return fakeSheets{}
	}
	return f.sheets[len(f.sheets)-1]
}

package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"asndesk/domain"
	"asndesk/domain/doc"
	"asndesk/store/pdf"
	"asndesk/store/sheet"
	"asndesk/tui"
)

// Kop and SaveKop come with the embedded *store.Store; the methods here
// turn documents and sheets into files.
var _ tui.DocsRepo = (*appRepo)(nil)

// WritePDF renders docs with the saved kop into a new file at path (or
// "name (2).pdf" when path exists) and returns the path written.
func (r *appRepo) WritePDF(ctx context.Context, path string, docs []doc.Document, progress func(done, total int)) (string, error) {
	if ctx.Err() != nil {
		return "", errCancelled
	}
	k, err := r.Store.Kop(ctx)
	if err != nil {
		return "", err
	}
	out, _, err := writePDF(ctx, path, k, docs, progress)
	return out, err
}

// WriteSheets writes sheets as XLSX (every sheet a worksheet) or CSV (the
// first sheet only) by format "xlsx" or "csv"; same file rules as WritePDF.
func (r *appRepo) WriteSheets(ctx context.Context, path, format string, sheets []doc.Sheet) (string, error) {
	return writeSheets(ctx, path, format, sheets)
}

// ReadFile reads a small file the user pointed at (the kop logo), refusing
// one larger than max before reading it whole.
func (r *appRepo) ReadFile(ctx context.Context, path string, max int64) ([]byte, error) {
	return readSmallFile(path, max)
}

// writePDF renders to memory first: the page count is read back from the
// PDF for the headless report, and nothing reaches the disk when rendering
// fails. It returns the path written and the number of pages.
func writePDF(ctx context.Context, path string, k doc.Kop, docs []doc.Document, progress func(done, total int)) (string, int, error) {
	if len(docs) == 0 {
		return "", 0, domain.Errorf(domain.EINVALID, "Tidak ada dokumen untuk dicetak.")
	}
	if err := ctx.Err(); err != nil {
		return "", 0, errCancelled
	}
	var buf bytes.Buffer
	if err := pdf.Render(&buf, k, docs, progress); err != nil {
		return "", 0, err
	}
	if err := ctx.Err(); err != nil {
		return "", 0, errCancelled // cancelled while rendering: the user no longer wants the file
	}
	out, err := writeNewFile(path, ".pdf", func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	})
	return out, countPages(buf.Bytes()), err
}

// pageObj matches a page object of the PDF (not the /Pages tree node);
// fpdf writes object dictionaries uncompressed, so they can be counted.
var pageObj = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

func countPages(b []byte) int { return len(pageObj.FindAll(b, -1)) }

var errCancelled = domain.Errorf(domain.EINVALID, "Dibatalkan.")

// writeSheets writes XLSX or CSV; the format decides the writer and the
// extension added when path has none.
func writeSheets(ctx context.Context, path, format string, sheets []doc.Sheet) (string, error) {
	if len(sheets) == 0 {
		return "", domain.Errorf(domain.EINVALID, "Tidak ada daftar untuk diekspor.")
	}
	if err := ctx.Err(); err != nil {
		return "", errCancelled
	}
	switch strings.ToLower(format) {
	case "xlsx":
		return writeNewFile(path, ".xlsx", func(w io.Writer) error { return sheet.WriteXLSX(w, sheets) })
	case "csv":
		return writeNewFile(path, ".csv", func(w io.Writer) error { return sheet.WriteCSV(w, sheets[0]) })
	}
	return "", domain.Errorf(domain.EINVALID, "Format "+strconv.Quote(format)+" tidak dikenal; pilih xlsx atau csv.")
}

// docsDir is the default folder of prints and exports (doc.Folder): the
// only folder created when missing (a typed folder that does not exist is
// most likely a typo, as with --db).
func docsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return doc.Folder(home)
}

// writeNewFile writes a new file at path without ever replacing one: when
// path exists it tries "name (2).ext", "name (3).ext" and so on. The
// content goes to a temporary file in the same folder first and is moved
// into place only when complete, so a half-written file never appears
// under the name. ext is added when path has no extension.
func writeNewFile(path, ext string, write func(w io.Writer) error) (string, error) {
	path = strings.TrimSpace(path)
	if path == "" {
		return "", domain.Errorf(domain.EINVALID, "Sebutkan nama berkas tujuan.")
	}
	if filepath.Ext(path) == "" {
		path += ext
	}
	abs, err := filepath.Abs(path)
	if err == nil {
		path = abs
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil {
		if d := docsDir(); d == "" || filepath.Clean(dir) != filepath.Clean(d) {
			return "", domain.Errorf(domain.ENOTFOUND, "Folder "+dir+" tidak ada.")
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", domain.Errorf(domain.EINVALID, "Folder "+dir+" tidak dapat dibuat.")
		}
	} else if !st.IsDir() {
		return "", domain.Errorf(domain.EINVALID, dir+" bukan folder.")
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return "", domain.Errorf(domain.EINVALID, path+" adalah folder; sebutkan nama berkas.")
	}
	tmp, err := os.CreateTemp(dir, ".asndesk-*.tmp")
	if err != nil {
		return "", domain.Errorf(domain.EINVALID, "Folder "+dir+" tidak dapat ditulisi.")
	}
	defer os.Remove(tmp.Name()) // a no-op once it is linked or renamed away
	if err := write(tmp); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", domain.Errorf(domain.EINVALID, "Berkas "+path+" tidak dapat ditulis (disk penuh?).")
	}
	base, e := strings.TrimSuffix(path, filepath.Ext(path)), filepath.Ext(path)
	for n := 1; n < 1000; n++ {
		cand := path
		if n > 1 {
			cand = base + " (" + strconv.Itoa(n) + ")" + e
		}
		if _, err := os.Lstat(cand); err == nil {
			continue
		}
		// A hard link fails when the name exists, which closes the gap
		// between the check and the move; a file system without links
		// (FAT flashdisks) falls back to a rename right after the check.
		err := os.Link(tmp.Name(), cand)
		if err == nil {
			return cand, nil
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err := os.Rename(tmp.Name(), cand); err != nil {
			return "", domain.Errorf(domain.EINVALID, "Berkas "+cand+" tidak dapat ditulis.")
		}
		return cand, nil
	}
	return "", domain.Errorf(domain.ECONFLICT, "Terlalu banyak berkas bernama "+filepath.Base(path)+" di "+dir+".")
}

// readSmallFile reads path when it is a regular file of at most max bytes.
func readSmallFile(path string, max int64) ([]byte, error) {
	path = strings.TrimSpace(path)
	if path == "" {
		return nil, domain.Errorf(domain.EINVALID, "Sebutkan nama berkas.")
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, domain.Errorf(domain.ENOTFOUND, "Berkas "+path+" tidak ditemukan.")
	}
	if st.IsDir() {
		return nil, domain.Errorf(domain.EINVALID, path+" adalah folder, bukan berkas.")
	}
	if max > 0 && st.Size() > max {
		return nil, domain.Errorf(domain.EINVALID, "Berkas logo terlalu besar ("+sizeText(st.Size())+"); paling besar "+sizeText(max)+".")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, domain.Errorf(domain.EINVALID, "Berkas "+path+" tidak dapat dibaca.")
	}
	defer f.Close()
	limit := max
	if limit <= 0 {
		limit = st.Size()
	}
	// Read one byte past the limit: a file that grew since Stat is refused too.
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, domain.Errorf(domain.EINVALID, "Berkas "+path+" tidak dapat dibaca.")
	}
	if max > 0 && int64(len(b)) > max {
		return nil, domain.Errorf(domain.EINVALID, "Berkas logo terlalu besar; paling besar "+sizeText(max)+".")
	}
	return b, nil
}

// sizeText writes a size the way an office reads it: "34 KB", "2,3 MB",
// "1 MB" (binary units, a decimal comma, no ",0").
func sizeText(n int64) string {
	const kb, mb = 1024, 1024 * 1024
	one := func(v float64, unit string) string {
		s := strconv.FormatFloat(v, 'f', 1, 64)
		s = strings.TrimSuffix(s, ".0")
		return strings.Replace(s, ".", ",", 1) + " " + unit
	}
	switch {
	case n >= mb:
		return one(float64(n)/mb, "MB")
	case n >= kb:
		return strconv.FormatInt((n+kb/2)/kb, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " byte"
}

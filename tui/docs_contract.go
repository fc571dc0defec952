package tui

import (
	"context"

	"asndesk/domain/doc"
)

// DocsRepo prints documents to PDF with the office's kop surat and writes lists as XLSX or CSV.
type DocsRepo interface {
	Kop(ctx context.Context) (doc.Kop, error)
	SaveKop(ctx context.Context, k doc.Kop) error
	// WritePDF renders docs with the saved kop into path (never overwrites: when path exists it writes
	// "name (2).pdf" etc.) and returns the path written. progress may be nil.
	WritePDF(ctx context.Context, path string, docs []doc.Document, progress func(done, total int)) (string, error)
	// WriteSheets writes XLSX (all sheets) or CSV (the first sheet) by format "xlsx"|"csv"; same path rule.
	WriteSheets(ctx context.Context, path, format string, sheets []doc.Sheet) (string, error)
	// ReadFile reads the kop logo; size-checked with a clear message.
	ReadFile(ctx context.Context, path string, max int64) ([]byte, error)
}

package tui

import (
	"context"

	"asndesk/domain/importer"
)

// ImportRepo reads a spreadsheet and imports employees or riwayat from it.
// The app implements it on the store (cmd/asndesk/import.go); the import
// screens only ever see this interface.
type ImportRepo interface {
	// ReadGrid reads an XLSX or CSV file (told apart by content) into
	// cells; bad files come back as an error with an Indonesian message.
	ReadGrid(ctx context.Context, path string) (importer.Grid, error)
	// PlanImport previews what every row would do against the data as it
	// is now (importer.Plan with the stored employees, units and riwayat).
	PlanImport(ctx context.Context, kind importer.Kind, g importer.Grid, m importer.Mapping) (importer.Report, error)
	// ApplyImport writes the report's new and changed rows in one
	// transaction, refusing a preview the data has moved away from.
	ApplyImport(ctx context.Context, r importer.Report) (importer.Summary, error)
}

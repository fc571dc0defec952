package tui

// ImportRepo reads a spreadsheet and imports employees or riwayat from it.
type ImportRepo interface{}

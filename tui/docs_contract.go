package tui

// DocsRepo prints documents to PDF with the office's kop surat and writes lists as XLSX or CSV.
type DocsRepo interface{}

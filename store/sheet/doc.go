// Package sheet reads and writes spreadsheets: XLSX with its own small
// SpreadsheetML reader and writer on archive/zip and encoding/xml (a
// spreadsheet library cost the Windows binary 6 MB; the tests still use
// excelize as an independent check), and CSV through encoding/csv. The
// writer (write*.go) turns doc.Sheets — the
// lists as the screens show them — into files for Excel and for the
// national systems' bulk uploads; the reader (read*.go) turns an office's
// spreadsheet into rows of text for domain/importer, which knows what the
// columns mean. Neither knows about employees: meaning lives in domain.
//
// Written files: XLSX keeps types (NIPs as text, numbers as numbers,
// dates as real dates shown DD-MM-YYYY); CSV is UTF-8 with a byte-order
// mark, comma separated, CRLF, every cell as shown on screen. Prefer XLSX
// for people: Excel turns an 18-digit NIP in a CSV into 1,98609E+17 when
// it opens it, which asndesk's own import detects and explains.
package sheet

// Package store keeps asndesk's data in one bbolt file.
//
// One *bolt.DB is opened per process (Open, with a lock timeout) and kept
// until Close. Every user action is one transaction; records are decoded
// inside the transaction and copied out, so no bbolt slice outlives it.
//
// # Bucket tree (schema 2)
//
// All buckets are top level. Ids are u64 big-endian, drawn from the owning
// bucket's NextSequence, never reused, and also stored inside the record.
// No value is ever empty (bbolt reads an empty value back as a non-nil empty
// slice), so index entries hold the single byte 0x01.
//
//	meta          "schema"  → u64be            schema version, written last by migrations
//	              "created" → RFC 3339 text    when the file was initialised
//	              "office"  → officeRec JSON   absent until the office is set up
//	employees     empID     → employeeRec JSON full profile, {"v":1,...}
//	emp_rows      empID     → row (binary)     compact list entry, see codec.go
//	idx_emp_nip   nip(18)|empID → 0x01         every employee, active or not
//	idx_emp_nik   nik(16)|empID → 0x01         every employee with a NIK
//	units         unitID    → unitRec JSON     {"v":1,"id":..,"name":..}
//
// The NIP and NIK indexes are keyed identifier|id rather than identifier
// alone, so that several records may share an identifier: a retired or
// transferred employee keeps their record when the same person is hired
// again. Uniqueness is enforced only among active employees
// (domain.Status.Active): the write path scans the identifier's prefix and
// reads the status from emp_rows.
//
// emp_rows duplicates what the register shows (domain.Row) so that opening
// the list never decodes whole profiles.
//
// # Versions
//
// Schema 1 had meta, employees, idx_emp_nip and units. Schema 2 added
// emp_rows and idx_emp_nik. Open creates a new file at the current version,
// migrates an older one after writing a backup copy beside it
// (<db>.pre-vN-YYYYMMDD-HHMMSS.bak), and refuses a newer one.
//
// # Errors
//
// Every error leaving the package is a domain error (domain.Error or
// domain.FieldErrors, possibly wrapped) with an Indonesian message, or
// ctx.Err(). bbolt and os errors appear only in the text of Error() for the
// log, never in the unwrap chain.
package store

// Package store keeps asndesk's data in one bbolt file.
//
// One *bolt.DB is opened per process (Open, with a lock timeout) and kept
// until Close. Every user action is one transaction; records are decoded
// inside the transaction and copied out, so no bbolt slice outlives it.
//
// # Bucket tree (schema 6)
//
// All buckets are top level. Ids are u64 big-endian, drawn from the owning
// bucket's NextSequence, never reused, and also stored inside the record.
// No value is ever empty (bbolt reads an empty value back as a non-nil empty
// slice), so index entries hold the single byte 0x01 (or an id).
//
//	meta              "schema"  → u64be              schema version, written last by migrations
//	                  "created" → RFC 3339 text      when the file was initialised
//	                  "office"  → officeRec JSON     absent until the office is set up
//	employees         empID     → employeeRec JSON   full profile, {"v":1,...}
//	emp_rows          empID     → row (binary)       compact list entry incl. atasan, see codec.go
//	idx_emp_nip       nip(18)|empID → 0x01           every employee, active or not
//	idx_emp_nik       nik(16)|empID → 0x01           every employee with a NIK
//	units             unitID    → unitRec JSON       {"v":1,"id":..,"name":..,"parent_id":..,"head_id":..}
//	                                                  (parent_id, head_id omitted when 0: the top, no head)
//	accounts          acctID    → accountRec JSON    {"v":1,"id","username","name","roles":[codes],
//	                                                  "employee_id","hash":"$argon2id$v=19$m=..,t=..,p=..$salt$hash",
//	                                                  "must_change","disabled","failed_attempts",
//	                                                  "locked_until","created","updated"}
//	idx_account_name  username  → acctID (u64be)     unique; usernames never change
//	audit             seq       → auditRec JSON      {"v":1,"id","time","account_id","account","action",
//	                                                  "entity","entity_id","employee_id","summary":[..]}
//	riwayat           empID(8)|kind(1)|entryID(8)
//	                            → riwayatRec JSON    {"v":1,"id","employee_id","kind","created","updated",
//	                                                  "<kind>":{every field of the kind's Rw*Data}}
//	atasan            year(2)|empID(8)
//	                            → atasanRec JSON     {"v":1,"atasan_id","atasan_penilai_id","override"}
//	settings          "career"  → settingsRec JSON   {"v":1,"career":domain.CareerSettings as encoding/json writes it}
//	                  "skp"     → skpSettingsRec JSON {"v":1,"frequency","bukti_max_size","head_rating":{org code: rating}}
//	                  "merit"   → meritSettingsRec JSON {"v":1,"combine","default_instrument"}
//	skp               skpID     → skpRec JSON        the plan: {"v":1,"id","employee_id","year","start","end",
//	                                                  "pendekatan","status","pegawai","penilai","atasan_penilai"
//	                                                  (person copies),"rhk":[{..,"indikator":[..]}],"ekspektasi",
//	                                                  "lampiran","return_note","revision","revision_note",
//	                                                  "next_rhk_id","submitted","approved","created","updated"}
//	skp_rows          skpID     → SKP row (binary)   compact list entry, see skp_codec.go
//	idx_skp_emp       empID(8)|year(2)|skpID(8) → 0x01
//	skp_items         skpID(8)|kind(1)|itemID(8)
//	                            → item JSON          {"v":1,"id","skp_id",...}: kind 1 realisasi (workRec, with the
//	                                                  bukti metadata), 2 umpan balik, 3 dialog kinerja, 4 evaluasi,
//	                                                  5 revisi (an earlier version: who, when, why, the whole skpRec)
//	bukti             buktiID   → the file's bytes   as added; name, size and SHA-256 are in the realisasi
//	                                                  or the merit answer that owns it (bukti.go)
//	skp_org           year(2)|unitID(8)
//	                            → orgRec JSON        {"v":1,"year","unit_id","predikat","capaian","by","time"}
//	merit_instruments id|0x00|version
//	                            → the file's bytes   an imported instrument, exactly as imported (JSON,
//	                                                  domain.ParseInstrument); shipped ones are read from assets
//	merit             meritID   → meritRec JSON      {"v":1,"id","year","unit_id","instrument_id","instrument_version",
//	                                                  "stage","team","koordinator","verifikator","answers":{code:
//	                                                  {"level","justification","evidence":[bukti metadata],
//	                                                  "verified_level","verifier_note","answered_by","updated"}},
//	                                                  "actions":[{"id","indicator","text","owner","due","status"}],
//	                                                  "survey","reported_index","unlocks","next_id","created",
//	                                                  "updated","final_at","final_by"}
//
// The NIP and NIK indexes are keyed identifier|id rather than identifier
// alone, so that several records may share an identifier: a retired or
// transferred employee keeps their record when the same person is hired
// again. Uniqueness is enforced only among active employees
// (domain.Status.Active): the write path scans the identifier's prefix and
// reads the status from emp_rows.
//
// Riwayat keys group one employee's entries (a prefix scan of 8 bytes
// reads them all, of 9 bytes one list); the kind byte is the stable code
// of riwayatKindCodes (1 pangkat … 12 masa kerja, the order of
// domain.RiwayatKinds); entry ids come from the riwayat bucket's sequence.
// The profile's golongan, jabatan (jenis, jenjang, nama, unit) and
// pendidikan terakhir are the latest pangkat, jabatan and pendidikan
// entries (domain.ApplyRiwayat) whenever such entries exist: every
// riwayat write re-derives them in its transaction, and UpdateEmployee
// turns a change of them into a riwayat entry dated today. Check verifies
// the agreement.
//
// The atasan map holds only what an operator typed, per year; every other
// employee's line is derived when read (profile's atasan langsung, else
// the head of the unit or of the nearest unit above with another head).
// The Penilai role's scope is the current year's effective map.
//
// emp_rows duplicates what the register shows (domain.Row) so that opening
// the list never decodes whole profiles; it also carries the atasan id, so
// that the list can be filtered for a Penilai without decoding profiles
// (together with the units and that year's atasan entries).
//
// The performance cycle keeps one SKP's plan in one record and everything
// under it (realisasi, umpan balik, dialogs, evaluations, earlier versions)
// in skp_items, so that opening an SKP is one Get and one prefix scan.
// Item ids and kesepakatan ids come from the skp_items sequence, bukti ids
// from the bukti bucket's. skp_rows duplicates what lists and Monitoring
// read (status, penilai and atasan penilai ids, unit, RHK count, the
// predikat of each final evaluation, the last and next dialog dates): every
// write that changes one of them rewrites the row in its transaction, and
// Check recomputes every row. Bukti files live in the data file itself, so
// the one file holds everything, and backups, restore and compaction cover
// them with no extra step; their SHA-256 is checked on every read and by
// Check, which also reports bytes no bukti refers to. Periods of one
// employee's SKPs never overlap (idx_skp_emp finds them).
//
// The merit assessment (penilaian mandiri sistem merit) keeps one
// assessment in one record: reading it is one Get. Its evidence files go
// through bukti.go into the same bukti bucket as the SKP's bukti dukung
// (ids from that bucket's sequence, the SKP settings' size limit, SHA-256
// checked on every read and by Check), so the evidence is built once for
// both. Action ids come from the record's next_id. Instruments are data:
// the ones asndesk ships are parsed from assets at run time and never
// stored; an imported one is kept as imported under its id and version,
// and a version never changes content (a second file with the same id and
// version and other content is refused). Check verifies that every
// assessment's instrument exists and its answers fit it.
//
// The audit bucket is append-only: appendAudit writes an entry in the
// transaction of every change (so a change that rolls back leaves no
// entry), and no method edits or deletes entries. Only ResetOffice, which
// is allowed for the demo office alone, starts a new trail.
//
// # Authorization
//
// Every public method that reads personal data or writes anything takes
// the actor from its context (domain.ActorFrom), re-reads that account's
// roles in the same transaction, and applies the domain.Can* rule before
// doing anything (see authz.go). The SKP methods apply domain.CanSKP to
// the SKP as stored (its pegawai, pejabat penilai, atasan penilai and
// status), never to what the caller sent. A refusal is EFORBIDDEN (or
// EINVALID when the SKP's status forbids the step) and writes nothing.
// The merit methods likewise apply domain.CanMerit to the assessment as
// stored (its team, koordinator, verifikator and stage); a Final
// assessment refuses every write (ELOCKED) until an Admin unlocks it.
// Password hashes never leave the package.
//
// # Versions
//
// Schema 1 had meta, employees, idx_emp_nip and units. Schema 2 added
// emp_rows and idx_emp_nik. Schema 3 added accounts, idx_account_name and
// audit, and row version 2 (with the atasan id) in emp_rows. Schema 4
// added riwayat, atasan and settings, and parent_id/head_id in units (no
// record is rewritten; no riwayat is invented for existing profiles).
// Schema 5 added skp, skp_rows, idx_skp_emp, skp_items, bukti and skp_org
// (and the settings key "skp", read as domain.DefaultSKPSettings until
// saved); nothing existing is rewritten. Schema 6 added merit_instruments
// and merit (and the settings key "merit", read as
// domain.DefaultMeritSettings until saved). Open creates a
// new file at the current version, migrates an older one after writing a
// backup copy beside it (<db>.pre-vN-YYYYMMDD-HHMMSS.bak), and refuses a
// newer one. A real office migrated to schema 3 has no account yet: its
// first Admin is created with CreateFirstAdmin. A migrated demo office gets
// the demo accounts.
//
// # Errors
//
// Every error leaving the package is a domain error (domain.Error or
// domain.FieldErrors, possibly wrapped) with an Indonesian message, or
// ctx.Err(). bbolt and os errors appear only in the text of Error() for the
// log, never in the unwrap chain.
package store

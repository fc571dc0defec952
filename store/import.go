package store

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"asndesk/domain"
	"asndesk/domain/importer"

	bolt "go.etcd.io/bbolt"
)

const (
	msgImportStale   = "Data pegawai berubah sejak pratinjau; buat pratinjau lagi."
	msgImportNothing = "Tidak ada baris yang dapat diimpor: semua baris bergalat atau sudah sama dengan data."
)

// PlanImport previews an import against the data as it is now: every
// employee (with their pangkat and jabatan entries) and every unit, read
// in one transaction, handed to importer.Plan. Admin only
// (domain.CanEditEmployee), like the import itself; system actors
// (headless commands) too.
func (s *Store) PlanImport(ctx context.Context, kind importer.Kind, g importer.Grid, m importer.Mapping, today domain.Date) (importer.Report, error) {
	in := importer.Input{Kind: kind, Grid: g, Mapping: m, Today: today, Riwayat: map[uint64][]domain.Riwayat{}}
	err := s.read(ctx, "plan import", domain.CanEditEmployee, func(tx *bolt.Tx, a domain.Actor) error {
		set, err := readSettings(tx)
		if err != nil {
			return err
		}
		in.Settings = &set
		if in.Units, err = allUnits(tx); err != nil {
			return err
		}
		if b := tx.Bucket(bucketEmployees); b != nil {
			in.Employees = make([]domain.Employee, 0, b.Stats().KeyN)
			c := b.Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				e, err := decodeEmployee(v)
				if err != nil {
					id, _ := parseID(k)
					return corrupt("pegawai", id, fmt.Errorf("decode: %w", err))
				}
				e.ID, _ = parseID(k)
				in.Employees = append(in.Employees, e)
			}
		}
		// Only the lists the plan compares with; an empty file has none.
		if tx.Bucket(bucketRiwayat) == nil {
			return nil
		}
		for _, e := range in.Employees {
			rs, err := employeeProfileRiwayat(tx, e.ID)
			if err != nil {
				return err
			}
			if len(rs) > 0 {
				in.Riwayat[e.ID] = rs
			}
		}
		return nil
	})
	if err != nil {
		return importer.Report{}, err
	}
	rep, err := importer.Plan(in)
	return rep, boundary("plan import", err)
}

// ApplyImport writes the New and Update rows of a previewed report in one
// transaction: all of them or none. It first re-checks that no employee the
// preview matched has changed and that no NIP the preview found free has
// been taken meanwhile (otherwise msgImportStale), then creates the units
// the report names, writes the employees (record, list row, indexes) and
// the riwayat entries, brings each profile up to date with its latest
// entries, and audits every change plus one summary entry. Error and
// unchanged rows are skipped; a report with nothing to write is refused.
// Admin only (domain.CanEditEmployee).
func (s *Store) ApplyImport(ctx context.Context, r importer.Report) (importer.Summary, error) {
	var sum importer.Summary
	err := s.write(ctx, "apply import", domain.CanEditEmployee, func(tx *bolt.Tx, a domain.Actor) error {
		if r.Writable() == 0 {
			return fail(domain.EINVALID, msgImportNothing, nil)
		}
		sum = importer.Summary{Kind: r.Kind, Skipped: r.Counts.Error}
		if err := checkStale(tx, r); err != nil {
			return err
		}
		now := s.stamp()
		set, err := readSettings(tx)
		if err != nil {
			return err
		}
		units, err := s.importUnits(tx, a, r.NewUnits, &sum)
		if err != nil {
			return err
		}
		w := importWriter{s: s, tx: tx, a: a, now: now, set: &set, units: units, sum: &sum, moved: map[uint64]bool{}}
		for i := range r.Rows {
			row := &r.Rows[i]
			if row.Action != importer.New && row.Action != importer.Update {
				continue
			}
			var err error
			switch {
			case r.Kind != importer.Pegawai:
				err = w.riwayatRow(row)
			case row.Action == importer.New:
				err = w.newEmployee(row)
			default:
				err = w.updateEmployee(row)
			}
			if err != nil {
				return rowErr(row.Line, err)
			}
		}
		return appendAudit(tx, a, now, domain.AuditEntry{Action: domain.ActionImport, Entity: EntityDatabase,
			Summary: []string{
				"jenis: " + strconv.Quote(r.Kind.Label()),
				"lembar: " + strconv.Quote(r.Sheet),
				fmt.Sprintf("pegawai baru: %d, diperbarui: %d, entri riwayat: %d, unit kerja baru: %d, baris bergalat dilewati: %d",
					sum.Created, sum.Updated, sum.Riwayat, sum.Units, sum.Skipped),
			}})
	})
	if err != nil {
		return importer.Summary{}, err
	}
	return sum, nil
}

// rowErr names the spreadsheet row a refused write came from.
func rowErr(line int, err error) error {
	msg := domain.ErrorMessage(err)
	if domain.ErrorCode(err) == domain.EINTERNAL {
		return err
	}
	return &domain.Error{Code: domain.ErrorCode(err), Message: "Baris " + strconv.Itoa(line) + ": " + msg}
}

// checkStale compares the report with the file: every matched employee
// must still carry the Updated the preview saw, and every NIP of a new
// employee must still be free.
func checkStale(tx *bolt.Tx, r importer.Report) error {
	stale := fail(domain.ECONFLICT, msgImportStale, nil)
	nips := tx.Bucket(bucketNIP)
	for i := range r.Rows {
		row := &r.Rows[i]
		if row.Action != importer.New && row.Action != importer.Update {
			continue
		}
		if r.Kind == importer.Pegawai && row.Action == importer.New {
			if nips == nil {
				continue
			}
			nip := ident(row.Employee.NIP)
			c := nips.Cursor()
			for k, _ := c.Seek([]byte(nip)); k != nil && bytes.HasPrefix(k, []byte(nip)); k, _ = c.Next() {
				if _, ok := identOf(k, nip); ok {
					return stale
				}
			}
			continue
		}
		cur, err := getEmployee(tx, row.Employee.ID)
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			return stale
		} else if err != nil {
			return err
		}
		if !cur.Updated.Equal(row.Employee.Updated) {
			return stale
		}
	}
	return nil
}

// importUnits creates the units a report names that do not exist yet
// (another user may have created one since the preview: it is reused) and
// returns every unit's id by its folded name.
func (s *Store) importUnits(tx *bolt.Tx, a domain.Actor, names []string, sum *importer.Summary) (map[string]uint64, error) {
	us, err := allUnits(tx)
	if err != nil {
		return nil, err
	}
	ids := make(map[string]uint64, len(us)+len(names))
	for _, u := range us {
		ids[unitKey(u.Name)] = u.ID
	}
	if len(names) == 0 {
		return ids, nil
	}
	b, err := bucket(tx, bucketUnits)
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		name = strings.TrimSpace(name)
		if _, ok := ids[unitKey(name)]; ok {
			continue
		}
		if err := domain.ValidateUnitName(name); err != nil {
			return nil, err
		}
		id, err := b.NextSequence()
		if err != nil {
			return nil, err
		}
		v, err := encodeUnitNode(domain.UnitNode{Unit: domain.Unit{ID: id, Name: name}})
		if err != nil {
			return nil, err
		}
		if err := b.Put(idKey(id), v); err != nil {
			return nil, err
		}
		if err := appendAudit(tx, a, s.stamp(), domain.AuditEntry{Action: domain.ActionCreate, Entity: EntityUnit,
			EntityID: id, Summary: []string{"nama: " + strconv.Quote(name), "catatan: dibuat saat impor"}}); err != nil {
			return nil, err
		}
		ids[unitKey(name)] = id
		sum.Units++
	}
	return ids, nil
}

// unitKey compares unit names the way the importer does: case and runs of
// spaces do not matter.
func unitKey(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), " ")) }

// importWriter holds what every row of one ApplyImport shares.
type importWriter struct {
	s     *Store
	tx    *bolt.Tx
	a     domain.Actor
	now   time.Time // one time for the whole import
	set   *domain.CareerSettings
	units map[string]uint64
	sum   *importer.Summary
	moved map[uint64]bool // employees whose profile a riwayat row changed
}

// unit resolves the unit a row names that the preview could not (it was
// to be created).
func (w *importWriter) unit(row *importer.Row) uint64 {
	if row.Unit == "" {
		return 0
	}
	return w.units[unitKey(row.Unit)]
}

func (w *importWriter) newEmployee(row *importer.Row) error {
	e := row.Employee
	if id := w.unit(row); id != 0 {
		e.UnitID = id
	}
	e.ID = 0
	e, err := prepareEmployee(e)
	if err != nil {
		return err
	}
	if err := checkRefs(w.tx, e); err != nil {
		return err
	}
	if err := checkUnique(w.tx, e); err != nil {
		return err
	}
	emps, err := bucket(w.tx, bucketEmployees)
	if err != nil {
		return err
	}
	if e.ID, err = emps.NextSequence(); err != nil {
		return err
	}
	e.Created = w.now
	e.Updated = e.Created
	if err := putEmployee(w.tx, e, nil); err != nil {
		return err
	}
	lines, err := w.entries(row, e)
	if err != nil {
		return err
	}
	sum := append(employeeLabel(e), lines...)
	if err := appendAudit(w.tx, w.a, e.Created, domain.AuditEntry{Action: domain.ActionCreate, Entity: EntityEmployee,
		EntityID: e.ID, Employee: e.ID, Summary: append(sum, "catatan: impor")}); err != nil {
		return err
	}
	w.sum.Created++
	return nil
}

func (w *importWriter) updateEmployee(row *importer.Row) error {
	old, err := getEmployee(w.tx, row.Employee.ID)
	if err != nil {
		return err
	}
	e := row.Employee
	if id := w.unit(row); id != 0 {
		e.UnitID = id
	}
	if e, err = prepareEmployee(e); err != nil {
		return err
	}
	if err := checkRefs(w.tx, e); err != nil {
		return err
	}
	if err := checkUnique(w.tx, e); err != nil {
		return err
	}
	e.Created = old.Created
	e.Updated = w.now
	if err := putEmployee(w.tx, e, &old); err != nil {
		return err
	}
	lines, err := w.entries(row, e)
	if err != nil {
		return err
	}
	entry := updateEntry(old, e)
	entry.Summary = append(append(entry.Summary, lines...), "catatan: impor")
	if err := appendAudit(w.tx, w.a, e.Updated, entry); err != nil {
		return err
	}
	w.sum.Updated++
	return nil
}

// entries writes the riwayat entries of an employee row, then makes the
// profile agree with the latest entries (syncProfile), as SaveRiwayat does.
// The entries are named in the employee's audit entry (returned lines)
// rather than audited one by one: an import of thousands of employees
// would otherwise write thousands of entries nobody reads.
func (w *importWriter) entries(row *importer.Row, e domain.Employee) ([]string, error) {
	if len(row.Riwayat) == 0 {
		return nil, nil
	}
	var lines []string
	for _, r := range row.Riwayat {
		r.EmployeeID = e.ID
		if r.Jabatan != nil && r.Jabatan.UnitID == 0 {
			j := *r.Jabatan
			j.UnitID = e.UnitID
			r.Jabatan = &j
		}
		id, err := w.putRiwayat(r, e, false)
		if err != nil {
			return nil, err
		}
		lines = append(lines, fmt.Sprintf("%s #%d", strings.ToLower(r.Kind.Label()), id))
	}
	// e is the record just written: no need to read it back.
	more, err := w.s.syncProfile(w.tx, e, w.now)
	return append(lines, more...), err
}

// riwayatRow writes the entry of a riwayat pangkat or jabatan row.
func (w *importWriter) riwayatRow(row *importer.Row) error {
	e, err := getEmployee(w.tx, row.Employee.ID)
	if err != nil {
		return err
	}
	for _, r := range row.Riwayat {
		r.EmployeeID = e.ID
		if r.Jabatan != nil && r.Jabatan.UnitID == 0 && row.Unit != "" {
			j := *r.Jabatan
			j.UnitID = w.unit(row)
			r.Jabatan = &j
		}
		if _, err := w.putRiwayat(r, e, true); err != nil {
			return err
		}
	}
	lines, err := w.s.syncProfile(w.tx, e, w.now)
	if err != nil {
		return err
	}
	if len(lines) > 0 {
		// The summary of a riwayat import says whose profiles moved.
		if !w.moved[e.ID] {
			w.moved[e.ID] = true
			w.sum.Updated++
		}
		return appendAudit(w.tx, w.a, w.now, domain.AuditEntry{Action: domain.ActionUpdate, Entity: EntityEmployee,
			EntityID: e.ID, Employee: e.ID, Summary: append(lines, "catatan: impor")})
	}
	return nil
}

// putRiwayat checks and stores one new entry, with its own audit entry
// when audit is set, and returns its id.
func (w *importWriter) putRiwayat(r domain.Riwayat, e domain.Employee, audit bool) (uint64, error) {
	if fe := validateRiwayat(r, e, w.set); len(fe) > 0 {
		return 0, fe
	}
	if r.Jabatan != nil && r.Jabatan.UnitID != 0 {
		if u := w.tx.Bucket(bucketUnits); u == nil || u.Get(idKey(r.Jabatan.UnitID)) == nil {
			return 0, fieldErr(domain.EINVALID, domain.FieldUnit, "Unit kerja yang dipilih sudah tidak ada. Pilih unit kerja lain.")
		}
	}
	b, err := bucket(w.tx, bucketRiwayat)
	if err != nil {
		return 0, err
	}
	if r.ID, err = b.NextSequence(); err != nil {
		return 0, err
	}
	r.Created, r.Updated = w.now, w.now
	code, err := kindCode(r.Kind)
	if err != nil {
		return 0, err
	}
	v, err := encodeRiwayat(r)
	if err != nil {
		return 0, err
	}
	if err := b.Put(riwayatKey(r.EmployeeID, code, r.ID), v); err != nil {
		return 0, err
	}
	w.sum.Riwayat++
	if !audit {
		return r.ID, nil
	}
	sum := append([]string{"jenis: " + r.Kind.Label()}, riwayatFields(r)...)
	return r.ID, appendAudit(w.tx, w.a, w.now, domain.AuditEntry{Action: domain.ActionCreate, Entity: EntityRiwayat,
		EntityID: r.ID, Employee: r.EmployeeID, Summary: append(sum, "catatan: impor")})
}

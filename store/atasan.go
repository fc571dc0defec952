package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// The atasan map of a year: who rates whom. Stored entries (bucket atasan,
// key year(2)|empID(8)) are what the operator typed; every other employee
// gets a default derived when the map is read, so that the map follows
// the profiles and the unit tree until someone overrides an entry.

const (
	minAtasanYear = 1950
	maxAtasanYear = 2100

	msgSelfAtasan = "Pegawai tidak dapat menjadi atasannya sendiri."
)

// atasanRec is the stored form of one entry.
type atasanRec struct {
	V               int    `json:"v"`
	AtasanID        uint64 `json:"atasan_id"`
	AtasanPenilaiID uint64 `json:"atasan_penilai_id"`
	Override        bool   `json:"override"`
}

func encodeAtasan(r atasanRec) ([]byte, error) {
	r.V = atasanRecV
	return json.Marshal(r)
}

func decodeAtasan(v []byte) (atasanRec, error) {
	var r atasanRec
	if err := json.Unmarshal(v, &r); err != nil {
		return atasanRec{}, err
	}
	if r.V < 1 || r.V > atasanRecV {
		return atasanRec{}, fmt.Errorf("unknown atasan record version %d", r.V)
	}
	return r, nil
}

func atasanKey(year int, empID uint64) []byte {
	k := binary.BigEndian.AppendUint16(make([]byte, 0, 10), uint16(year))
	return binary.BigEndian.AppendUint64(k, empID)
}

func atasanYearPrefix(year int) []byte { return binary.BigEndian.AppendUint16(nil, uint16(year)) }

// parseAtasanKey splits a key; ok=false when it is not 10 bytes.
func parseAtasanKey(k []byte) (year int, empID uint64, ok bool) {
	if len(k) != 10 {
		return 0, 0, false
	}
	return int(binary.BigEndian.Uint16(k)), binary.BigEndian.Uint64(k[2:]), true
}

func checkAtasanYear(year int) error {
	if year < minAtasanYear || year > maxAtasanYear {
		return fail(domain.EINVALID, fmt.Sprintf("Tahun peta atasan harus antara %d dan %d.", minAtasanYear, maxAtasanYear), nil)
	}
	return nil
}

// rowRef is what the default derivation needs of an employee.
type rowRef struct {
	atasan, unit uint64
	active, ok   bool
}

// atasanView resolves one year's effective map inside a transaction. It
// reads lazily (one Get per employee asked about) unless preloaded, so
// that a single permission check stays cheap and a whole list costs one
// pass over each bucket.
type atasanView struct {
	tx      *bolt.Tx
	year    int
	tree    unitTree
	entries map[uint64]*atasanRec // nil value: known to have no stored entry
	allRecs bool                  // entries holds every stored entry of the year
	rows    map[uint64]rowRef
}

func newAtasanView(tx *bolt.Tx, year int) (*atasanView, error) {
	nodes, err := allUnitNodes(tx)
	if err != nil {
		return nil, err
	}
	return &atasanView{tx: tx, year: year, tree: newUnitTree(nodes),
		entries: map[uint64]*atasanRec{}, rows: map[uint64]rowRef{}}, nil
}

// loadEntries reads every stored entry of the year (one prefix scan).
func (v *atasanView) loadEntries() error {
	b := v.tx.Bucket(bucketAtasan)
	v.allRecs = true
	if b == nil {
		return nil
	}
	prefix := atasanYearPrefix(v.year)
	c := b.Cursor()
	for k, val := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, val = c.Next() {
		_, emp, ok := parseAtasanKey(k)
		if !ok {
			return corrupt("peta atasan", 0, fmt.Errorf("atasan key %x", k))
		}
		r, err := decodeAtasan(val)
		if err != nil {
			return corrupt("peta atasan", emp, err)
		}
		v.entries[emp] = &r
	}
	return nil
}

// addRow tells the view about an employee's row (bulk callers that read
// the rows anyway).
func (v *atasanView) addRow(r domain.Row) {
	v.rows[r.ID] = rowRef{atasan: r.AtasanID, unit: r.UnitID, active: r.Status.Active(), ok: true}
}

func (v *atasanView) entry(emp uint64) (*atasanRec, error) {
	if r, ok := v.entries[emp]; ok || v.allRecs {
		return r, nil
	}
	var rec *atasanRec
	if b := v.tx.Bucket(bucketAtasan); b != nil {
		if val := b.Get(atasanKey(v.year, emp)); val != nil {
			r, err := decodeAtasan(val)
			if err != nil {
				return nil, corrupt("peta atasan", emp, err)
			}
			rec = &r
		}
	}
	v.entries[emp] = rec
	return rec, nil
}

func (v *atasanView) row(emp uint64) rowRef {
	if r, ok := v.rows[emp]; ok {
		return r
	}
	var ref rowRef
	if r, ok := rowOf(v.tx, emp); ok {
		ref = rowRef{atasan: r.AtasanID, unit: r.UnitID, active: r.Status.Active(), ok: true}
	}
	v.rows[emp] = ref
	return ref
}

// defaultAtasan derives the atasan of an employee without a stored entry:
// the profile's atasan langsung when set, else the head of the employee's
// unit, or of the nearest unit above it when the employee heads it (or it
// has no head); 0 at the top.
func (v *atasanView) defaultAtasan(emp uint64) uint64 {
	r := v.row(emp)
	if r.atasan != 0 {
		return r.atasan
	}
	u := r.unit
	for steps := 0; u != 0 && steps <= len(v.tree.byID); steps++ {
		n, ok := v.tree.byID[u]
		if !ok {
			break
		}
		if n.HeadID != 0 && n.HeadID != emp {
			return n.HeadID
		}
		u = n.ParentID
	}
	return 0
}

// atasan is the effective atasan (pejabat penilai) of emp in the year.
func (v *atasanView) atasan(emp uint64) (uint64, error) {
	rec, err := v.entry(emp)
	if err != nil {
		return 0, err
	}
	if rec != nil {
		return rec.AtasanID, nil
	}
	return v.defaultAtasan(emp), nil
}

// penilai is the effective atasan pejabat penilai of emp: the stored one
// when typed, else the atasan's own effective atasan.
func (v *atasanView) penilai(emp uint64) (uint64, error) {
	rec, err := v.entry(emp)
	if err != nil {
		return 0, err
	}
	if rec != nil && rec.AtasanPenilaiID != 0 {
		return rec.AtasanPenilaiID, nil
	}
	at, err := v.atasan(emp)
	if err != nil || at == 0 {
		return 0, err
	}
	p, err := v.atasan(at)
	if err != nil || p == emp {
		return 0, err
	}
	return p, nil
}

// effective returns the whole line of emp.
func (v *atasanView) effective(emp uint64) (domain.AtasanEntry, error) {
	e := domain.AtasanEntry{Year: v.year, EmployeeID: emp}
	rec, err := v.entry(emp)
	if err != nil {
		return e, err
	}
	if rec != nil {
		e.Override = rec.Override
	}
	if e.AtasanID, err = v.atasan(emp); err != nil {
		return e, err
	}
	if e.AtasanPenilaiID, err = v.penilai(emp); err != nil {
		return e, err
	}
	return e, nil
}

// currentYear is the year of the store's clock: the Penilai's scope
// follows this year's map.
func (s *Store) currentYear() int { return s.now().Year() }

// canView applies domain.CanViewEmployee with the atasan taken from the
// current year's effective map, so that a Penilai sees the employees he or
// she rates this year. Only a Penilai who does not see everyone costs a
// lookup.
func (s *Store) canView(tx *bolt.Tx, a domain.Actor, e domain.Employee) error {
	if a.IsZero() || seesEveryone(a) || !a.Has(domain.RolePenilai) || a.EmployeeID == 0 || e.ID == a.EmployeeID {
		return domain.CanViewEmployee(a, e)
	}
	v, err := newAtasanView(tx, s.currentYear())
	if err != nil {
		return err
	}
	v.rows[e.ID] = rowRef{atasan: e.AtasanID, unit: e.UnitID, active: e.Status.Active(), ok: true}
	at, err := v.atasan(e.ID)
	if err != nil {
		return err
	}
	return domain.CanViewEmployee(a, domain.Employee{ID: e.ID, AtasanID: at})
}

// viewFilter decides, for one list, which employees the actor may see;
// built once per call (the Penilai's staff of the current year come from
// one pass over that year's atasan entries and the rows the caller reads).
type viewFilter struct {
	a   domain.Actor
	all bool
	v   *atasanView // for a Penilai
}

func (s *Store) newViewFilter(tx *bolt.Tx, a domain.Actor) (*viewFilter, error) {
	f := &viewFilter{a: a, all: seesEveryone(a)}
	if !f.all && a.Has(domain.RolePenilai) && a.EmployeeID != 0 {
		v, err := newAtasanView(tx, s.currentYear())
		if err != nil {
			return nil, err
		}
		if err := v.loadEntries(); err != nil {
			return nil, err
		}
		f.v = v
	}
	return f, nil
}

// allows reports whether the actor may view the employee of row r.
func (f *viewFilter) allows(r domain.Row) (bool, error) {
	if f.all {
		return true, nil
	}
	at := r.AtasanID
	if f.v != nil && r.ID != f.a.EmployeeID {
		f.v.addRow(r)
		var err error
		if at, err = f.v.atasan(r.ID); err != nil {
			return false, err
		}
	}
	return domain.CanViewEmployee(f.a, domain.Employee{ID: r.ID, AtasanID: at}) == nil, nil
}

// allowsID is allows for an employee known only by id.
func (f *viewFilter) allowsID(tx *bolt.Tx, id uint64) (bool, error) {
	if f.all {
		return true, nil
	}
	r, ok := rowOf(tx, id)
	if !ok {
		return false, nil
	}
	return f.allows(r)
}

// AtasanMap returns the atasan map of a year, ordered by employee id:
// every stored entry (Override as typed) and, for every active employee
// without one, the default (Override false). Admin, Pimpinan and system
// actors get the whole map; others the lines of the employees they may
// view (their own, and a Penilai's staff of that year).
func (s *Store) AtasanMap(ctx context.Context, year int) ([]domain.AtasanEntry, error) {
	if err := checkAtasanYear(year); err != nil {
		return nil, boundary("atasan map", err)
	}
	var out []domain.AtasanEntry
	err := s.read(ctx, "atasan map", needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		v, err := newAtasanView(tx, year)
		if err != nil {
			return err
		}
		if err := v.loadEntries(); err != nil {
			return err
		}
		var ids []uint64
		if rb := tx.Bucket(bucketRows); rb != nil {
			c := rb.Cursor()
			for k, val := c.First(); k != nil; k, val = c.Next() {
				id, _ := parseID(k)
				r, err := decodeRow(id, val)
				if err != nil {
					return corrupt("daftar pegawai", id, err)
				}
				v.addRow(r)
				if r.Status.Active() || v.entries[id] != nil {
					ids = append(ids, id)
				}
			}
		}
		for id, rec := range v.entries {
			if rec != nil && !v.rows[id].ok {
				ids = append(ids, id) // an entry of an employee without a row: Check reports it
			}
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		all := seesEveryone(a)
		out = make([]domain.AtasanEntry, 0, len(ids))
		for _, id := range ids {
			e, err := v.effective(id)
			if err != nil {
				return err
			}
			if !all && id != a.EmployeeID && domain.CanViewEmployee(a, domain.Employee{ID: id, AtasanID: e.AtasanID}) != nil {
				continue
			}
			out = append(out, e)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// SetAtasan stores the operator's entry for e.Year and e.EmployeeID
// (Override is always set). The atasan and the atasan penilai must be
// other employees; 0 means none (the top of the chain), and an atasan
// penilai of 0 is derived from the atasan's own atasan. A choice that
// makes the year's chain of atasan loop back to the employee is refused
// with the loop spelled out. Other years are not touched. Admin only;
// audited.
func (s *Store) SetAtasan(ctx context.Context, e domain.AtasanEntry) error {
	op := "set atasan " + strconv.FormatUint(e.EmployeeID, 10)
	if err := checkAtasanYear(e.Year); err != nil {
		return boundary(op, err)
	}
	return s.write(ctx, op, domain.CanEditEmployee, func(tx *bolt.Tx, a domain.Actor) error {
		if _, ok := rowOf(tx, e.EmployeeID); !ok {
			return fail(domain.ENOTFOUND, msgEmpNotFound, nil)
		}
		if e.AtasanID == e.EmployeeID || e.AtasanPenilaiID == e.EmployeeID {
			return fieldErr(domain.EINVALID, domain.FieldAtasan, msgSelfAtasan)
		}
		if e.AtasanID == 0 && e.AtasanPenilaiID != 0 {
			return fieldErr(domain.EINVALID, domain.FieldAtasan,
				"Atasan pejabat penilai hanya dapat diisi bila pejabat penilainya diisi.")
		}
		for _, id := range []uint64{e.AtasanID, e.AtasanPenilaiID} {
			if _, ok := rowOf(tx, id); id != 0 && !ok {
				return fieldErr(domain.EINVALID, domain.FieldAtasan, "Atasan yang dipilih tidak ada di data pegawai.")
			}
		}
		v, err := newAtasanView(tx, e.Year)
		if err != nil {
			return err
		}
		before, err := v.effective(e.EmployeeID)
		if err != nil {
			return err
		}
		rec := atasanRec{AtasanID: e.AtasanID, AtasanPenilaiID: e.AtasanPenilaiID, Override: true}
		v.entries[e.EmployeeID] = &rec
		if loop, err := atasanLoop(v, e.EmployeeID); err != nil {
			return err
		} else if loop != nil {
			names := make([]string, len(loop))
			for i, id := range loop {
				names[i] = empLabel(tx, id)
			}
			return fieldErr(domain.EINVALID, domain.FieldAtasan,
				"Pilihan ini membuat lingkaran atasan: "+strings.Join(names, " → ")+".")
		}
		after, err := v.effective(e.EmployeeID)
		if err != nil {
			return err
		}
		b, err := bucket(tx, bucketAtasan)
		if err != nil {
			return err
		}
		val, err := encodeAtasan(rec)
		if err != nil {
			return err
		}
		if err := b.Put(atasanKey(e.Year, e.EmployeeID), val); err != nil {
			return err
		}
		sum := append([]string{"tahun: " + strconv.Itoa(e.Year)}, diffAtasan(tx, before, after)...)
		return appendAudit(tx, a, s.stamp(), domain.AuditEntry{Action: domain.ActionUpdate, Entity: EntityAtasan,
			EntityID: e.EmployeeID, Employee: e.EmployeeID, Summary: sum})
	})
}

// atasanLoop follows the effective atasan from emp and returns the loop
// back to emp (emp first and last), or nil when the chain ends.
func atasanLoop(v *atasanView, emp uint64) ([]uint64, error) {
	path := []uint64{emp}
	seen := map[uint64]bool{emp: true}
	cur := emp
	for {
		next, err := v.atasan(cur)
		if err != nil {
			return nil, err
		}
		switch {
		case next == 0:
			return nil, nil
		case next == emp:
			return append(path, emp), nil
		case seen[next]:
			return nil, nil // a loop above emp that does not pass through it: not this choice's doing
		}
		seen[next] = true
		path = append(path, next)
		cur = next
	}
}

// empLabel names an employee in messages and audit lines.
func empLabel(tx *bolt.Tx, id uint64) string {
	if id == 0 {
		return "-"
	}
	if r, ok := rowOf(tx, id); ok {
		return r.Nama
	}
	return "#" + strconv.FormatUint(id, 10)
}

func diffAtasan(tx *bolt.Tx, before, after domain.AtasanEntry) []string {
	var out []string
	if before.AtasanID != after.AtasanID {
		out = append(out, "atasan: "+strconv.Quote(empLabel(tx, before.AtasanID))+" → "+strconv.Quote(empLabel(tx, after.AtasanID)))
	}
	if before.AtasanPenilaiID != after.AtasanPenilaiID {
		out = append(out, "atasan penilai: "+strconv.Quote(empLabel(tx, before.AtasanPenilaiID))+" → "+
			strconv.Quote(empLabel(tx, after.AtasanPenilaiID)))
	}
	if before.Override != after.Override {
		out = append(out, "diatur operator: "+yaTidak(before.Override)+" → "+yaTidak(after.Override))
	}
	return out
}

// ClearAtasan removes the operator's entry for the year, so that the
// employee gets the default again. Nothing happens (and nothing is
// audited) when there is no entry. Admin only; audited.
func (s *Store) ClearAtasan(ctx context.Context, year int, empID uint64) error {
	op := "clear atasan " + strconv.FormatUint(empID, 10)
	if err := checkAtasanYear(year); err != nil {
		return boundary(op, err)
	}
	return s.write(ctx, op, domain.CanEditEmployee, func(tx *bolt.Tx, a domain.Actor) error {
		b, err := bucket(tx, bucketAtasan)
		if err != nil {
			return err
		}
		k := atasanKey(year, empID)
		if b.Get(k) == nil {
			return nil
		}
		v, err := newAtasanView(tx, year)
		if err != nil {
			return err
		}
		before, err := v.effective(empID)
		if err != nil {
			return err
		}
		if err := b.Delete(k); err != nil {
			return err
		}
		v.entries[empID] = nil
		after, err := v.effective(empID)
		if err != nil {
			return err
		}
		sum := append([]string{"tahun: " + strconv.Itoa(year), "kembali ke bawaan"}, diffAtasan(tx, before, after)...)
		return appendAudit(tx, a, s.stamp(), domain.AuditEntry{Action: domain.ActionUpdate, Entity: EntityAtasan,
			EntityID: empID, Employee: empID, Summary: sum})
	})
}

// deleteAtasanOf removes, in every year, the entries of employee id and
// the entries that name it as atasan or atasan penilai (those employees
// get the default again). It returns audit lines.
func deleteAtasanOf(tx *bolt.Tx, id uint64) ([]string, error) {
	b := tx.Bucket(bucketAtasan)
	if b == nil {
		return nil, nil
	}
	idText := strconv.FormatUint(id, 10)
	var doomed [][]byte
	var lines []string
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		year, emp, ok := parseAtasanKey(k)
		if !ok {
			continue // Check reports it
		}
		if emp == id {
			doomed = append(doomed, bytes.Clone(k))
			continue
		}
		if !bytes.Contains(v, []byte(":"+idText)) { // cheap filter before decoding
			continue
		}
		r, err := decodeAtasan(v)
		if err != nil {
			return nil, corrupt("peta atasan", emp, err)
		}
		if r.AtasanID == id || r.AtasanPenilaiID == id {
			doomed = append(doomed, bytes.Clone(k))
			lines = append(lines, fmt.Sprintf("peta atasan %d: isian pegawai #%d kembali ke bawaan", year, emp))
		}
	}
	for _, k := range doomed {
		if err := b.Delete(k); err != nil {
			return nil, err
		}
	}
	return lines, nil
}

package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// Merging a packet. Records are matched with the local data by what
// survives a trip between two data files, never by id: units by name,
// employees by NIP, riwayat by employee, kind and key fields (riwayatKeys),
// SKPs by the pegawai's NIP and the start of the periode penilaian, merit
// assessments by their origin ("<office>/<id>", given when the packet is
// made) or else by year, unit and instrument. Each matched record is
// compared in its export shape without ids and timestamps: equal is Sama;
// otherwise it is a conflict, whose local version stays unless the caller
// takes the packet's. Items inside an SKP travel with it: a taken SKP
// replaces the local one whole (plan, realisasi, feedback, dialogs,
// evaluations, revisions), since its parts refer to each other.

// mergeItem is a PaketItem with what the apply needs to find its records.
type mergeItem struct {
	domain.PaketItem
	idx   int    // index in the packet's list of its entity
	local uint64 // id of the matching local record; 0 when Baru
	name  string // a unit's name

	// A riwayat entry that decides its employee's profile (see
	// paket_people.go) is part of that employee's item: hidden from the
	// plan, written only when owner (the employee's key) is taken.
	hidden bool
	owner  string
	// drop: an employee's local riwayat entries that taking the packet's
	// version removes.
	drop []uint64
}

// merger compares a packet with the data in one transaction.
type merger struct {
	tx     *bolt.Tx
	pc     *paketContent
	office string

	unitByName map[string]uint64 // lower-case name → local id
	unitName   map[uint64]string // local id → name
	empByNIP   map[string]domain.Employee
	empNIP     map[uint64]string // local id → NIP
	pktNIPs    map[string]bool   // NIPs whose profile is in the packet
	space      *unitSpace        // units of both files by name (paket_people.go)
}

func paketKey(parts ...string) string { return strings.Join(parts, "|") }

func lowerName(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func newMerger(tx *bolt.Tx, pc *paketContent) (*merger, error) {
	m := &merger{tx: tx, pc: pc, unitByName: map[string]uint64{}, unitName: map[uint64]string{},
		empByNIP: map[string]domain.Employee{}, empNIP: map[uint64]string{}, pktNIPs: map[string]bool{},
		space: &unitSpace{ids: map[string]uint64{}}}
	if o, ok, err := officeIn(tx); err != nil {
		return nil, err
	} else if ok {
		m.office = o.Name
	}
	us, err := allUnits(tx)
	if err != nil {
		return nil, err
	}
	for _, u := range us {
		m.unitByName[lowerName(u.Name)] = u.ID
		m.unitName[u.ID] = u.Name
	}
	if eb := tx.Bucket(bucketEmployees); eb != nil {
		err := eb.ForEach(func(k, v []byte) error {
			id, _ := parseID(k)
			e, err := decodeEmployee(v)
			if err != nil {
				return corrupt("pegawai", id, err)
			}
			e.ID = id
			nip := ident(e.NIP)
			m.empNIP[id] = nip
			// An NIP held twice (an inactive record and an active one):
			// the active one is the person.
			if old, ok := m.empByNIP[nip]; !ok || !old.Status.Active() && e.Status.Active() {
				m.empByNIP[nip] = e
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, e := range pc.emps {
		m.pktNIPs[ident(e.NIP)] = true
	}
	return m, nil
}

// pktPerson is the NIP of a packet employee id when that person will be
// known here after the merge (already here or in the packet); "" else.
func (m *merger) pktPerson(id uint64) string {
	nip := m.pc.people[id]
	if nip == "" {
		return ""
	}
	if _, ok := m.empByNIP[nip]; ok || m.pktNIPs[nip] {
		return nip
	}
	return ""
}

// flat is a record in export shape as path → value text.
type flat map[string]string

func flatten(v any) (flat, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var x any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&x); err != nil {
		return nil, err
	}
	out := flat{}
	var walk func(p string, x any)
	walk = func(p string, x any) {
		switch t := x.(type) {
		case map[string]any:
			for k, v := range t {
				if p != "" {
					walk(p+"."+k, v)
				} else {
					walk(k, v)
				}
			}
		case []any:
			for i, v := range t {
				walk(p+"["+strconv.Itoa(i)+"]", v)
			}
		case nil:
			out[p] = ""
		default:
			out[p] = fmt.Sprint(t)
		}
	}
	walk("", x)
	return out, nil
}

// drop removes every path whose last segment is one of keys.
func (f flat) drop(keys ...string) flat {
	for p := range f {
		last := p
		if i := strings.LastIndexByte(p, '.'); i >= 0 {
			last = p[i+1:]
		}
		if i := strings.IndexByte(last, '['); i >= 0 {
			last = last[:i]
		}
		if slices.Contains(keys, last) {
			delete(f, p)
		}
	}
	return f
}

// diff lists the fields that differ, in path order, labelled and shown as
// the screens show them; kind is a riwayat kind code ("" otherwise).
func diff(kind string, local, pkt flat) []domain.PaketDiff {
	var out []domain.PaketDiff
	keys := map[string]bool{}
	for k := range local {
		keys[k] = true
	}
	for k := range pkt {
		keys[k] = true
	}
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		if local[k] != pkt[k] {
			out = append(out, domain.PaketDiff{Field: domain.PaketFieldLabel(kind, k), Old: domain.PaketValue(k, local[k]),
				New: domain.PaketValue(k, pkt[k])})
		}
	}
	return out
}

func status(d []domain.PaketDiff, localUpdated, pktUpdated time.Time) domain.PaketStatus {
	switch {
	case len(d) == 0:
		return domain.PaketSama
	case localUpdated.After(pktUpdated):
		return domain.PaketLebihBaru
	}
	return domain.PaketBerbeda
}

// Ids and timestamps differ between data files for the same record.
var idKeys = []string{"id", "employee_id", "unit_id", "skp_id", "intervensi_skp_id", "membalas_id", "dibawa_dari_dialog",
	"penulis_id", "created", "updated"}

func (m *merger) employeeFlat(e domain.Employee, unit string, atasan string) (flat, error) {
	f, err := flatten(toExport(e))
	if err != nil {
		return nil, err
	}
	f.drop("id", "created", "updated", "unit_id", "atasan_id")
	f["unit"], f["atasan"] = unit, atasan
	return f, nil
}

func riwayatFlat(r domain.Riwayat, unit string) (flat, error) {
	f, err := flatten(toExportRiwayat(r))
	if err != nil {
		return nil, err
	}
	f.drop("id", "employee_id", "created", "updated", "unit_id")
	if r.Jabatan != nil {
		f["data.unit"] = unit
	}
	return f, nil
}

// riwayatKeys are the fields that identify an entry of each kind within
// one employee's riwayat.
var riwayatKeys = map[string][]string{
	"pangkat": {"golongan", "tmt"}, "jabatan": {"tmt", "nama"}, "pendidikan": {"tingkat", "nama_sekolah"},
	"diklat": {"nama", "mulai"}, "penghargaan": {"jenis", "tahun"}, "hukdis": {"jenis", "mulai"},
	"keluarga": {"hubungan", "nama"}, "gaji": {"tmt"}, "cuti": {"jenis", "mulai"},
	"angka_kredit": {"jenis", "periode_mulai"}, "organisasi": {"nama", "tahun_mulai"}, "masa_kerja": {"tmt"},
}

func riwayatNatural(f flat, kind string) string {
	var parts []string
	for _, k := range riwayatKeys[kind] {
		parts = append(parts, strings.TrimSpace(strings.ToLower(f["data."+k])))
	}
	return strings.Join(parts, "/")
}

func skpFlat(f domain.SKPFile) (flat, error) {
	x, err := flatten(toExportSKP(f))
	if err != nil {
		return nil, err
	}
	return x.drop(idKeys...), nil
}

func skpLatest(f domain.SKPFile) time.Time {
	t := f.SKP.Updated
	for _, w := range f.Work {
		t = later(t, w.Updated)
	}
	for _, x := range f.Feedback {
		t = later(t, x.Time)
	}
	for _, d := range f.Dialogs {
		t = later(t, d.Updated)
	}
	for _, e := range f.Evals {
		t = later(t, e.Updated)
	}
	return t
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func meritFlat(as domain.MeritAssessment, unit string) (flat, error) {
	f, err := flatten(toExportMerit(as))
	if err != nil {
		return nil, err
	}
	f.drop("id", "unit_id", "tim", "koordinator", "verifikator", "created", "updated")
	f["unit"] = unit
	return f, nil
}

// plan compares every record of the packet with the data file.
func (m *merger) plan(ctx context.Context) ([]mergeItem, error) {
	var out []mergeItem
	pc := m.pc
	// Units.
	for _, id := range slices.Sorted(maps.Keys(pc.units)) {
		name := pc.units[id]
		it := mergeItem{name: name, PaketItem: domain.PaketItem{Key: paketKey("unit", lowerName(name)), Entity: EntityUnit,
			Label: "Unit kerja " + name, Status: domain.PaketBaru}}
		if local, ok := m.unitByName[lowerName(name)]; ok {
			it.Status, it.local = domain.PaketSama, local
		}
		out = append(out, it)
	}
	// Employees and their riwayat (paket_people.go).
	people, err := m.people()
	if err != nil {
		return nil, err
	}
	out = append(out, people...)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// SKPs.
	for i, f := range pc.skps {
		nip := pc.people[f.SKP.EmployeeID]
		if nip == "" {
			nip = ident(f.SKP.Pegawai.NIP)
		}
		it := mergeItem{idx: i, PaketItem: domain.PaketItem{Key: paketKey("skp", nip, f.SKP.Start.ISO()), Entity: EntitySKP,
			Label:  fmt.Sprintf("SKP %d %s (%s)", f.SKP.Year, f.SKP.Pegawai.Nama, periodText(f.SKP.Start, f.SKP.End)),
			Status: domain.PaketBaru}}
		if local, ok := m.empByNIP[nip]; ok {
			rows, err := employeeSKPRows(m.tx, local.ID, f.SKP.Year)
			if err != nil {
				return nil, err
			}
			// The SKP of the same start; else one whose periode overlaps
			// (the periode was changed on one side): the same SKP, in
			// conflict.
			for _, r := range rows {
				if r.Start == f.SKP.Start {
					it.local = r.SKPID
					break
				}
			}
			for _, r := range rows {
				if it.local == 0 && !r.End.Before(f.SKP.Start) && !f.SKP.End.Before(r.Start) {
					it.local = r.SKPID
				}
			}
		}
		out = append(out, it)
	}
	// SKPs are compared once every match is known: an RHK's intervensi
	// names another SKP of the packet.
	for j := range out {
		it := &out[j]
		if it.Entity != EntitySKP || it.local == 0 {
			continue
		}
		sk, err := getSKP(m.tx, it.local)
		if err != nil {
			return nil, err
		}
		lfile, err := fileOf(m.tx, sk)
		if err != nil {
			return nil, err
		}
		lf, err := skpFlat(lfile)
		if err != nil {
			return nil, err
		}
		pf, err := skpFlat(m.mappedSKP(pc.skps[it.idx], nil))
		if err != nil {
			return nil, err
		}
		it.Diffs = diff("", lf, pf)
		it.Status = status(it.Diffs, skpLatest(lfile), skpLatest(pc.skps[it.idx]))
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Instruments the merit part brings.
	for _, raw := range pc.insts {
		in, err := domain.ParseInstrument(raw)
		if err != nil {
			return nil, fail(domain.EINVALID, msgPaketBadData, err)
		}
		it := mergeItem{PaketItem: domain.PaketItem{Key: paketKey("instrumen", in.ID, in.Version), Entity: EntityMerit,
			Label: fmt.Sprintf("Instrumen %s versi %s", in.ID, in.Version), Status: domain.PaketBaru}}
		if have, err := instrumentIn(m.tx, in.ID, in.Version); err == nil {
			if !reflect.DeepEqual(have, in) {
				return nil, fail(domain.ECONFLICT, msgInstrumentChanged(in, false), nil)
			}
			it.Status = domain.PaketSama
		} else if domain.ErrorCode(err) != domain.ENOTFOUND {
			return nil, err
		}
		out = append(out, it)
	}
	// Merit assessments.
	for i, as := range pc.merits {
		unit := pc.units[as.UnitID]
		label := unit
		if as.UnitID == 0 {
			label = "instansi"
		}
		it := mergeItem{idx: i, PaketItem: domain.PaketItem{Key: paketKey("merit", as.Origin), Entity: EntityMerit,
			Label:  fmt.Sprintf("Penilaian merit %d %s (%s %s)", as.Year, label, as.InstrumentID, as.InstrumentVersion),
			Status: domain.PaketBaru}}
		local, ok, err := m.findMerit(as, unit)
		if err != nil {
			return nil, err
		}
		if ok {
			it.local = local.ID
			lf, err := meritFlat(local, m.unitName[local.UnitID])
			if err != nil {
				return nil, err
			}
			pf, err := meritFlat(as, unit)
			if err != nil {
				return nil, err
			}
			it.Diffs = diff("", lf, pf)
			it.Status = status(it.Diffs, local.Updated, as.Updated)
		}
		out = append(out, it)
	}
	// Two records with the same key fields (two cuti of one kind on one
	// day): the later ones get a number, so each key stays one record.
	seen := map[string]int{}
	for i := range out {
		k := out[i].Key
		if seen[k]++; seen[k] > 1 {
			out[i].Key = k + "#" + strconv.Itoa(seen[k])
		}
	}
	return out, nil
}

// findMerit finds the local assessment the packet's as is: the same origin
// (or this office's own assessment coming back), else the one of the same
// year, unit and instrument (only one may exist).
func (m *merger) findMerit(as domain.MeritAssessment, unit string) (domain.MeritAssessment, bool, error) {
	b := m.tx.Bucket(bucketMerit)
	if b == nil {
		return domain.MeritAssessment{}, false, nil
	}
	var byOrigin, bySlot domain.MeritAssessment
	err := b.ForEach(func(k, v []byte) error {
		id, _ := parseID(k)
		o, err := decodeMerit(v)
		if err != nil {
			return corrupt("penilaian merit", id, err)
		}
		o.ID = id
		origin := o.Origin
		if origin == "" {
			origin = m.office + "/" + strconv.FormatUint(id, 10)
		}
		if origin == as.Origin && byOrigin.ID == 0 {
			byOrigin = o
		}
		sameUnit := o.UnitID == 0 && as.UnitID == 0 || o.UnitID != 0 && unit != "" && lowerName(m.unitName[o.UnitID]) == lowerName(unit)
		if o.Year == as.Year && sameUnit && o.InstrumentID == as.InstrumentID && bySlot.ID == 0 {
			bySlot = o
		}
		return nil
	})
	switch {
	case err != nil:
		return domain.MeritAssessment{}, false, err
	case byOrigin.ID != 0:
		return byOrigin, true, nil
	case bySlot.ID != 0:
		return bySlot, true, nil
	}
	return domain.MeritAssessment{}, false, nil
}

// ids maps the packet's ids to local ones during an apply; nil in a
// preview, where only the export shape (which leaves ids out) matters.
type ids struct {
	unit   func(uint64) uint64
	person func(uint64) uint64
	skp    func(uint64) uint64
	item   map[uint64]uint64
	next   func() (uint64, error)
	bukti  func(domain.Bukti) (domain.Bukti, error)
}

// mappedSKP is the packet's SKP as it would be stored here. Without ids
// (a preview) references are kept as far as the comparison needs them: an
// intervensi on an SKP that is not in the packet cannot be kept.
func (m *merger) mappedSKP(f domain.SKPFile, x *ids) domain.SKPFile {
	inPacket := map[uint64]bool{}
	for _, o := range m.pc.skps {
		inPacket[o.SKP.ID] = true
	}
	out := f
	out.SKP.RHK = cloneRHK(f.SKP.RHK)
	for i := range out.SKP.RHK {
		r := &out.SKP.RHK[i]
		if r.IntervensiSKPID == 0 {
			continue
		}
		if !inPacket[r.IntervensiSKPID] {
			r.IntervensiSKPID, r.IntervensiRHKID = 0, 0
		} else if x != nil {
			r.IntervensiSKPID = x.skp(r.IntervensiSKPID)
		}
	}
	if x == nil {
		return out
	}
	snap := func(p domain.PersonSnapshot) domain.PersonSnapshot {
		p.EmployeeID, p.UnitID = x.person(p.EmployeeID), x.unit(p.UnitID)
		return p
	}
	out.SKP.EmployeeID = x.person(f.SKP.EmployeeID)
	out.SKP.Pegawai, out.SKP.Penilai, out.SKP.AtasanPenilai = snap(f.SKP.Pegawai), snap(f.SKP.Penilai), snap(f.SKP.AtasanPenilai)
	return out
}

// PreviewPaket opens a packet and compares it with the data file: one item
// per record (unit, employee, riwayat entry, SKP, instrument, merit
// assessment) with its status, and for a conflict the fields that differ.
// Nothing is written. Admin or headless.
func (s *Store) PreviewPaket(ctx context.Context, r io.Reader, passphrase, identities string) (PaketPlan, error) {
	man, files, err := openPaket(r, passphrase, identities)
	if err != nil {
		return PaketPlan{}, err
	}
	pc, err := decodePaket(man, files)
	if err != nil {
		return PaketPlan{}, err
	}
	pc.fromStore = s.path
	var items []mergeItem
	err = s.read(ctx, "preview paket", systemOrAdmin, func(tx *bolt.Tx, _ domain.Actor) error {
		m, err := newMerger(tx, pc)
		if err != nil {
			return err
		}
		items, err = m.plan(ctx)
		return err
	})
	if err != nil {
		return PaketPlan{}, err
	}
	plan := PaketPlan{Manifest: man, Payload: pc}
	for _, it := range items {
		if !it.hidden {
			plan.Items = append(plan.Items, it.PaketItem)
		}
	}
	return plan, nil
}

// ApplyPaket merges a previewed packet in one transaction: records that
// are new here are added; a conflict takes the packet's version only where
// take[item key] is true, else the local record stays as it is. The
// comparison is made again inside the transaction, so a record changed
// here since the preview is never overwritten unless taken. Every added
// or replaced record gets an audit entry ("impor"), and the merge one
// more with the counts. Admin or headless.
func (s *Store) ApplyPaket(ctx context.Context, plan PaketPlan, take map[string]bool) (PaketSummary, error) {
	const op = "apply paket"
	pc, ok := plan.Payload.(*paketContent)
	if !ok || pc == nil {
		return PaketSummary{}, boundary(op, fail(domain.EINVALID, "Periksa paketnya lebih dulu, lalu terapkan.", nil))
	}
	if pc.fromStore != s.path {
		return PaketSummary{}, boundary(op, fail(domain.EINVALID, "Pratinjau paket ini dibuat untuk berkas data lain; "+
			"periksa paketnya lagi.", nil))
	}
	var sum PaketSummary
	err := s.write(ctx, op, systemOrAdmin, func(tx *bolt.Tx, a domain.Actor) error {
		m, err := newMerger(tx, pc)
		if err != nil {
			return err
		}
		items, err := m.plan(ctx)
		if err != nil {
			return err
		}
		ap := &applier{s: s, m: m, tx: tx, a: a, now: s.stamp(), sum: &sum, take: take}
		return ap.run(items)
	})
	if err != nil {
		return PaketSummary{}, err
	}
	return sum, nil
}

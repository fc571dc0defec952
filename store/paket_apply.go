package store

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// applier writes the records of a packet that the plan says to write, in
// the transaction of ApplyPaket.
type applier struct {
	s    *Store
	m    *merger
	tx   *bolt.Tx
	a    domain.Actor
	now  time.Time
	sum  *domain.PaketSummary
	take map[string]bool

	unitID  map[string]uint64 // lower-case name → local id (after units are added)
	empID   map[string]uint64 // NIP → local id (after employees are added)
	skpID   map[uint64]uint64 // packet SKP id → local id
	touched map[uint64]bool   // employees whose riwayat changed
}

// write reports whether item it is to be written, counting it.
func (ap *applier) write(it mergeItem) bool {
	switch {
	case it.Status == domain.PaketBaru:
		ap.sum.Added++
		return true
	case it.Status == domain.PaketSama:
		ap.sum.Same++
		return false
	case ap.take[it.Key]:
		ap.sum.Replaced++
		return true
	}
	ap.sum.KeptLocal++
	return false
}

func (ap *applier) origin() string {
	man := ap.m.pc.man
	return fmt.Sprintf("dari paket %s (%s, %s)", man.Office, man.Description(), man.Created.Format("2006-01-02 15:04"))
}

func (ap *applier) audit(entity string, id, emp uint64, it mergeItem) error {
	lines := []string{it.Label, ap.origin()}
	if it.Status.Conflict() {
		lines = append(lines, "versi paket dipakai menggantikan data di sini")
		for i, d := range it.Diffs {
			if i == 20 {
				lines = append(lines, fmt.Sprintf("… dan %d perbedaan lain", len(it.Diffs)-20))
				break
			}
			lines = append(lines, d.Text())
		}
	}
	return appendAudit(ap.tx, ap.a, ap.now, domain.AuditEntry{Action: domain.ActionImport, Entity: entity, EntityID: id,
		Employee: emp, Summary: lines})
}

func (ap *applier) unit(id uint64) uint64 {
	if id == 0 {
		return 0
	}
	return ap.unitID[lowerName(ap.m.pc.units[id])]
}

func (ap *applier) person(id uint64) uint64 {
	if id == 0 {
		return 0
	}
	return ap.empID[ap.m.pc.people[id]]
}

func (ap *applier) run(items []mergeItem) error {
	pc := ap.m.pc
	ap.unitID = map[string]uint64{}
	maps := ap.m.unitByName
	for k, v := range maps {
		ap.unitID[k] = v
	}
	ap.empID = map[string]uint64{}
	for nip, e := range ap.m.empByNIP {
		ap.empID[nip] = e.ID
	}
	ap.skpID, ap.touched = map[uint64]uint64{}, map[uint64]bool{}

	byEntity := func(entity string) []mergeItem {
		var out []mergeItem
		for _, it := range items {
			if it.Entity == entity && (entity != EntityMerit || strings.HasPrefix(it.Key, "merit|")) {
				out = append(out, it)
			}
		}
		return out
	}
	// Units.
	ub, err := bucket(ap.tx, bucketUnits)
	if err != nil {
		return err
	}
	for _, it := range byEntity(EntityUnit) {
		if !ap.write(it) {
			continue
		}
		name := it.name
		id, err := ub.NextSequence()
		if err != nil {
			return err
		}
		v, err := encodeUnitNode(domain.UnitNode{Unit: domain.Unit{ID: id, Name: name}})
		if err != nil {
			return err
		}
		if err := ub.Put(idKey(id), v); err != nil {
			return err
		}
		ap.unitID[lowerName(name)] = id
		if err := ap.audit(EntityUnit, id, 0, it); err != nil {
			return err
		}
	}
	// Employees: ids first, so that an atasan in the packet can be named.
	emps := byEntity(EntityEmployee)
	eb, err := bucket(ap.tx, bucketEmployees)
	if err != nil {
		return err
	}
	doEmp := make([]bool, len(emps))
	for i, it := range emps {
		doEmp[i] = ap.write(it)
		if doEmp[i] && it.local == 0 {
			id, err := eb.NextSequence()
			if err != nil {
				return err
			}
			ap.empID[ident(pc.emps[it.idx].NIP)] = id
		}
	}
	for i, it := range emps {
		if !doEmp[i] {
			continue
		}
		e := pc.emps[it.idx]
		nip := ident(e.NIP)
		e.ID, e.UnitID, e.AtasanID = ap.empID[nip], ap.unit(e.UnitID), ap.person(e.AtasanID)
		var old *domain.Employee
		if it.local != 0 {
			o, err := getEmployee(ap.tx, it.local)
			if err != nil {
				return err
			}
			old = &o
		}
		if err := checkUnique(ap.tx, e); err != nil {
			return fail(domain.ECONFLICT, fmt.Sprintf("Pegawai %s dari paket tidak dapat disimpan: %s", e.Nama,
				domain.ErrorMessage(err)), err)
		}
		if err := putEmployee(ap.tx, e, old); err != nil {
			return err
		}
		if err := ap.audit(EntityEmployee, e.ID, e.ID, it); err != nil {
			return err
		}
		// Its profile is derived from the riwayat once they are in.
		ap.touched[e.ID] = true
	}
	// A new employee's atasan may be added after it: check once all are in.
	for i, it := range emps {
		if doEmp[i] {
			e, err := getEmployee(ap.tx, ap.empID[ident(pc.emps[it.idx].NIP)])
			if err != nil {
				return err
			}
			if err := checkRefs(ap.tx, e); err != nil {
				return fail(domain.EINVALID, fmt.Sprintf("Pegawai %s dari paket tidak dapat disimpan: %s", e.Nama,
					domain.ErrorMessage(err)), err)
			}
		}
	}
	if err := ap.dropRiwayat(emps); err != nil {
		return err
	}
	if err := ap.riwayat(byEntity(EntityRiwayat)); err != nil {
		return err
	}
	if err := ap.skps(byEntity(EntitySKP)); err != nil {
		return err
	}
	if err := ap.merits(items); err != nil {
		return err
	}
	man := pc.man
	sum := ap.sum
	return appendAudit(ap.tx, ap.a, ap.now, domain.AuditEntry{Action: domain.ActionImport, Entity: EntityDatabase,
		Summary: []string{fmt.Sprintf("paket %s dari %s, dibuat %s", man.Description(), man.Office, man.Created.Format(time.RFC3339)),
			fmt.Sprintf("%d baru, %d diganti versi paket, %d tetap versi di sini, %d sama, %d berkas bukti",
				sum.Added, sum.Replaced, sum.KeptLocal, sum.Same, sum.Bukti)}})
}

func (ap *applier) riwayat(items []mergeItem) error {
	pc := ap.m.pc
	b, err := bucket(ap.tx, bucketRiwayat)
	if err != nil {
		return err
	}
	for _, it := range items {
		if it.hidden {
			// Part of its employee's item: written when that is taken.
			if !ap.take[it.owner] {
				continue
			}
		} else if !ap.write(it) {
			continue
		}
		r := pc.rws[it.idx]
		r.EmployeeID = ap.person(r.EmployeeID)
		if r.EmployeeID == 0 {
			return fail(domain.EINVALID, "Riwayat di paket menunjuk pegawai yang tidak ada di paket maupun di sini.", nil)
		}
		if r.Jabatan != nil {
			j := *r.Jabatan
			j.UnitID = ap.unit(j.UnitID)
			r.Jabatan = &j
		}
		code, err := kindCode(r.Kind)
		if err != nil {
			return err
		}
		if it.local != 0 {
			r.ID = it.local
		} else if r.ID, err = b.NextSequence(); err != nil {
			return err
		}
		v, err := encodeRiwayat(r)
		if err != nil {
			return err
		}
		if it.local != 0 {
			k, _, err := findRiwayat(ap.tx, r.EmployeeID, r.ID)
			if err != nil {
				return err
			}
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		if err := b.Put(riwayatKey(r.EmployeeID, code, r.ID), v); err != nil {
			return err
		}
		if isProfileKind(r.Kind) {
			ap.touched[r.EmployeeID] = true
		}
		if err := ap.audit(EntityRiwayat, r.ID, r.EmployeeID, it); err != nil {
			return err
		}
	}
	// The profile follows its latest pangkat, jabatan and pendidikan.
	for _, id := range slices.Sorted(func(yield func(uint64) bool) {
		for id := range ap.touched {
			if !yield(id) {
				return
			}
		}
	}) {
		e, err := getEmployee(ap.tx, id)
		if err != nil {
			return err
		}
		lines, err := ap.s.syncProfile(ap.tx, e, ap.now)
		if err != nil {
			return err
		}
		if len(lines) > 0 {
			err := appendAudit(ap.tx, ap.a, ap.now, domain.AuditEntry{Action: domain.ActionUpdate, Entity: EntityEmployee,
				EntityID: e.ID, Employee: e.ID, Summary: append([]string{"profil mengikuti riwayat dari paket " + ap.m.pc.man.Office}, lines...)})
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// dropRiwayat removes the local riwayat entries that the taken employees'
// packet versions replace (mergeItem.drop), each with an audit entry.
func (ap *applier) dropRiwayat(emps []mergeItem) error {
	b, err := bucket(ap.tx, bucketRiwayat)
	if err != nil {
		return err
	}
	for _, it := range emps {
		if len(it.drop) == 0 || !it.Status.Conflict() || !ap.take[it.Key] {
			continue
		}
		for _, id := range it.drop {
			k, old, err := findRiwayat(ap.tx, it.local, id)
			if err != nil {
				return err
			}
			if err := b.Delete(k); err != nil {
				return err
			}
			ap.touched[it.local] = true
			err = appendAudit(ap.tx, ap.a, ap.now, domain.AuditEntry{Action: domain.ActionDelete, Entity: EntityRiwayat,
				EntityID: id, Employee: it.local, Summary: append([]string{"jenis: " + old.Kind.Label(),
					"diganti riwayat " + ap.origin() + ": versi paket pegawai ini dipakai"}, riwayatFields(old)...)})
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// newBukti stores a bukti of the packet under a new id of this file.
func (ap *applier) newBukti(b domain.Bukti) (domain.Bukti, error) {
	bb, err := bucket(ap.tx, bucketBukti)
	if err != nil {
		return b, err
	}
	if b.ID, err = bb.NextSequence(); err != nil {
		return b, err
	}
	if b.Kind == domain.BuktiFile {
		raw := ap.m.pc.blobs[b.SHA256]
		if raw == nil {
			return b, fail(domain.EINVALID, fmt.Sprintf("Berkas bukti %q tidak ada di paket; paket tidak lengkap.", b.Name), nil)
		}
		if err := bb.Put(idKey(b.ID), raw); err != nil {
			return b, err
		}
		ap.sum.Bukti++
	}
	b.Contents = nil
	return b, nil
}

func (ap *applier) skps(items []mergeItem) error {
	pc := ap.m.pc
	b, err := bucket(ap.tx, bucketSKP)
	if err != nil {
		return err
	}
	do := make([]bool, len(items))
	for i, it := range items {
		do[i] = ap.write(it)
		src := pc.skps[it.idx].SKP.ID
		switch {
		case it.local != 0:
			ap.skpID[src] = it.local
		case do[i]:
			id, err := b.NextSequence()
			if err != nil {
				return err
			}
			ap.skpID[src] = id
		}
	}
	x := &ids{unit: ap.unit, person: ap.person, skp: func(id uint64) uint64 { return ap.skpID[id] }}
	for i, it := range items {
		if !do[i] {
			continue
		}
		f := ap.m.mappedSKP(pc.skps[it.idx], x)
		sk := f.SKP
		sk.ID = ap.skpID[pc.skps[it.idx].SKP.ID]
		if sk.EmployeeID == 0 {
			return fail(domain.EINVALID, fmt.Sprintf("SKP %s di paket tidak dapat ditempatkan: pegawainya (NIP %s) tidak ada "+
				"di paket maupun di sini.", sk.Pegawai.Nama, domain.FormatNIP(sk.Pegawai.NIP)), nil)
		}
		var old *domain.SKP
		if it.local != 0 {
			o, err := getSKP(ap.tx, it.local)
			if err != nil {
				return err
			}
			old = &o
			if err := ap.dropItems(it.local); err != nil {
				return err
			}
		}
		if err := overlap(ap.tx, sk); err != nil {
			return fail(domain.ECONFLICT, "SKP "+sk.Pegawai.Nama+" dari paket tidak dapat disimpan: "+domain.ErrorMessage(err), err)
		}
		if err := ap.items(sk, f); err != nil {
			return err
		}
		if err := putSKP(ap.tx, sk, old); err != nil {
			return err
		}
		if err := ap.audit(EntitySKP, sk.ID, sk.EmployeeID, it); err != nil {
			return err
		}
	}
	return nil
}

// dropItems removes every item of a local SKP and its bukti files, before
// the packet's version takes its place.
func (ap *applier) dropItems(skpID uint64) error {
	var keys [][]byte
	var bukti []uint64
	err := eachItem(ap.tx, skpID, 0, func(kind byte, id uint64, v []byte) error {
		keys = append(keys, skpItemKey(skpID, kind, id))
		if kind == itemWork {
			w, err := decodeWork(v)
			if err != nil {
				return corrupt("realisasi", id, err)
			}
			for _, b := range w.Bukti {
				bukti = append(bukti, b.ID)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	ib, err := itemBucket(ap.tx)
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := ib.Delete(k); err != nil {
			return err
		}
	}
	for _, id := range bukti {
		if err := deleteBukti(ap.tx, id); err != nil {
			return err
		}
	}
	return nil
}

// items writes the packet's items of SKP sk under new ids, in the
// packet's order, so that ties keep their order.
func (ap *applier) items(sk domain.SKP, f domain.SKPFile) error {
	newIDs := map[uint64]uint64{}
	next := func(old uint64) (uint64, error) {
		id, err := nextItemID(ap.tx)
		if err != nil {
			return 0, err
		}
		if old != 0 {
			newIDs[old] = id
		}
		return id, nil
	}
	snap := func(p domain.PersonSnapshot) domain.PersonSnapshot {
		p.EmployeeID, p.UnitID = ap.person(p.EmployeeID), ap.unit(p.UnitID)
		return p
	}
	// Ids first: feedback answers feedback, a kesepakatan comes from an
	// earlier dialog.
	work := slices.Clone(f.Work)
	for i := range work {
		var err error
		if work[i].ID, err = next(work[i].ID); err != nil {
			return err
		}
	}
	fbs := slices.Clone(f.Feedback)
	for i := range fbs {
		var err error
		if fbs[i].ID, err = next(fbs[i].ID); err != nil {
			return err
		}
	}
	dls := slices.Clone(f.Dialogs)
	for i := range dls {
		var err error
		if dls[i].ID, err = next(dls[i].ID); err != nil {
			return err
		}
		dls[i].Kesepakatan = slices.Clone(dls[i].Kesepakatan)
		for j := range dls[i].Kesepakatan {
			if dls[i].Kesepakatan[j].ID, err = next(dls[i].Kesepakatan[j].ID); err != nil {
				return err
			}
		}
	}
	for _, w := range work {
		w.SKPID = sk.ID
		w.Bukti = slices.Clone(w.Bukti)
		for j := range w.Bukti {
			var err error
			if w.Bukti[j], err = ap.newBukti(w.Bukti[j]); err != nil {
				return err
			}
		}
		v, err := encodeWork(w)
		if err != nil {
			return err
		}
		if err := putItem(ap.tx, sk.ID, itemWork, w.ID, v); err != nil {
			return err
		}
	}
	for _, fb := range fbs {
		fb.SKPID, fb.AuthorID, fb.ReplyTo = sk.ID, ap.person(fb.AuthorID), newIDs[fb.ReplyTo]
		v, err := encodeFeedback(fb)
		if err != nil {
			return err
		}
		if err := putItem(ap.tx, sk.ID, itemFeedback, fb.ID, v); err != nil {
			return err
		}
	}
	for _, d := range dls {
		d.SKPID = sk.ID
		for j := range d.Kesepakatan {
			d.Kesepakatan[j].CarriedFrom = newIDs[d.Kesepakatan[j].CarriedFrom]
		}
		v, err := encodeDialog(d)
		if err != nil {
			return err
		}
		if err := putItem(ap.tx, sk.ID, itemDialog, d.ID, v); err != nil {
			return err
		}
	}
	for _, e := range f.Evals {
		id, err := next(0)
		if err != nil {
			return err
		}
		e.ID, e.SKPID, e.EmployeeID = id, sk.ID, sk.EmployeeID
		e.Snapshot.Penilai, e.Snapshot.Pegawai = snap(e.Snapshot.Penilai), snap(e.Snapshot.Pegawai)
		v, err := encodeEval(e)
		if err != nil {
			return err
		}
		if err := putItem(ap.tx, sk.ID, itemEval, id, v); err != nil {
			return err
		}
	}
	for _, r := range f.Revisions {
		id, err := next(0)
		if err != nil {
			return err
		}
		r.SKPID = sk.ID
		r.SKP.ID, r.SKP.EmployeeID = sk.ID, sk.EmployeeID
		r.SKP.Pegawai, r.SKP.Penilai, r.SKP.AtasanPenilai = snap(r.SKP.Pegawai), snap(r.SKP.Penilai), snap(r.SKP.AtasanPenilai)
		r.SKP.RHK = cloneRHK(r.SKP.RHK)
		for j := range r.SKP.RHK {
			if x := r.SKP.RHK[j].IntervensiSKPID; x != 0 {
				if ap.skpID[x] == 0 {
					r.SKP.RHK[j].IntervensiSKPID, r.SKP.RHK[j].IntervensiRHKID = 0, 0
				} else {
					r.SKP.RHK[j].IntervensiSKPID = ap.skpID[x]
				}
			}
		}
		v, err := encodeRevision(id, r)
		if err != nil {
			return err
		}
		if err := putItem(ap.tx, sk.ID, itemRevision, id, v); err != nil {
			return err
		}
	}
	return nil
}

func (ap *applier) merits(items []mergeItem) error {
	pc := ap.m.pc
	// Instruments first: an assessment needs its instrument.
	mb, err := bucket(ap.tx, bucketMeritInst)
	if err != nil {
		return err
	}
	for _, it := range items {
		if it.Entity != EntityMerit || !strings.HasPrefix(it.Key, "instrumen|") || it.Status != domain.PaketBaru {
			continue
		}
		ap.write(it)
		for _, raw := range pc.insts {
			in, err := domain.ParseInstrument(raw)
			if err != nil {
				return fail(domain.EINVALID, msgPaketBadData, err)
			}
			if paketKey("instrumen", in.ID, in.Version) != it.Key {
				continue
			}
			if err := mb.Put(instKey(in.ID, in.Version), raw); err != nil {
				return err
			}
			if err := ap.audit(EntityMerit, 0, 0, it); err != nil {
				return err
			}
		}
	}
	for _, it := range items {
		if it.Entity == EntityMerit && strings.HasPrefix(it.Key, "instrumen|") && it.Status == domain.PaketSama {
			ap.sum.Same++
		}
	}
	b, err := bucket(ap.tx, bucketMerit)
	if err != nil {
		return err
	}
	accounts := map[string]uint64{}
	list, err := allAccounts(ap.tx)
	if err != nil {
		return err
	}
	for _, r := range list {
		if !r.Disabled {
			accounts[r.Username] = r.ID
		}
	}
	account := func(id uint64) uint64 { return accounts[pc.accounts[id]] }
	for _, it := range items {
		if it.Entity != EntityMerit || !strings.HasPrefix(it.Key, "merit|") || !ap.write(it) {
			continue
		}
		as := pc.merits[it.idx]
		if _, err := instrumentIn(ap.tx, as.InstrumentID, as.InstrumentVersion); err != nil {
			return err
		}
		as.UnitID = ap.unit(as.UnitID)
		if pc.merits[it.idx].UnitID != 0 && as.UnitID == 0 {
			return fail(domain.EINVALID, "Unit penilaian merit di paket tidak ada di paket.", nil)
		}
		// The team are accounts of the sending office: kept where an
		// account of the same username exists here.
		var team, ver []uint64
		for _, id := range as.Team {
			if l := account(id); l != 0 {
				team = append(team, l)
			}
		}
		for _, id := range as.Verifikator {
			if l := account(id); l != 0 {
				ver = append(ver, l)
			}
		}
		as.Team, as.Verifikator, as.Koordinator = team, ver, account(as.Koordinator)
		if !slices.Contains(team, as.Koordinator) {
			as.Koordinator = 0
		}
		var old domain.MeritAssessment
		if it.local != 0 {
			if old, err = getMerit(ap.tx, it.local); err != nil {
				return err
			}
			as.ID = it.local
			for _, x := range old.Answers {
				for _, e := range x.Evidence {
					if err := deleteBukti(ap.tx, e.ID); err != nil {
						return err
					}
				}
			}
		} else if as.ID, err = b.NextSequence(); err != nil {
			return err
		}
		answers := make(map[string]domain.MeritAnswer, len(as.Answers))
		for code, x := range as.Answers {
			x.Evidence = slices.Clone(x.Evidence)
			for j := range x.Evidence {
				if x.Evidence[j], err = ap.newBukti(x.Evidence[j]); err != nil {
					return err
				}
			}
			answers[code] = x
		}
		if len(answers) > 0 {
			as.Answers = answers
		}
		if dup, err := duplicateMerit(ap.tx, as); err != nil {
			return err
		} else if dup != 0 {
			return fail(domain.ECONFLICT, "Penilaian merit dari paket bentrok dengan penilaian lain di sini untuk tahun, "+
				"unit, dan instrumen yang sama.", nil)
		}
		if err := putMerit(ap.tx, as); err != nil {
			return err
		}
		if err := ap.audit(EntityMerit, as.ID, 0, it); err != nil {
			return err
		}
	}
	return nil
}

package store

import (
	"fmt"
	"slices"
	"strings"

	"asndesk/domain"
)

// Employees and riwayat of a packet against the data file.
//
// A profile's golongan, jabatan (jenis, jenjang, nama, unit) and
// pendidikan terakhir ARE its latest pangkat, jabatan and pendidikan
// entries (the app's rule, domain.ApplyRiwayat). So for an employee who is
// already here, those three lists follow the employee:
//
//   - a packet entry that would not change the profile here (older
//     history) is Baru and is added whatever the user chooses: adding it
//     overwrites nothing;
//   - a packet entry that would change the profile (a newer pangkat or
//     jabatan, a higher pendidikan), or that differs from the entry here
//     with the same key fields, is part of the employee's item: it is
//     written only when the user takes the packet's version of the
//     employee, and the item's differences name it;
//   - taking the employee takes its profile together with the packet's
//     three lists: local entries that would still decide the profile over
//     the packet's (newer here) are removed, older local history stays;
//     the profile is then derived from the lists, so that the data stays
//     consistent (Store.Check) and the profile is the one the preview
//     showed. Replacing the person as a unit mirrors how an SKP is taken
//     with all its items.
//
// A packet without riwayat (kinerja, merit) cannot move the profile
// fields that local riwayat decide: taking such an employee takes the
// other fields, and the item says which packet values are not used.
// Other riwayat kinds do not touch the profile and merge entry by entry.

// unitSpace names units across the two data files: every unit gets one id
// per name, so that local and packet records can be derived together.
type unitSpace struct {
	ids   map[string]uint64
	names []string
}

func (u *unitSpace) id(name string) uint64 {
	if strings.TrimSpace(name) == "" {
		return 0
	}
	k := lowerName(name)
	if id, ok := u.ids[k]; ok {
		return id
	}
	u.names = append(u.names, name)
	u.ids[k] = uint64(len(u.names))
	return uint64(len(u.names))
}

func (u *unitSpace) name(id uint64) string {
	if id == 0 || int(id) > len(u.names) {
		return ""
	}
	return u.names[id-1]
}

// rwEntry is one packet riwayat entry with what the plan learnt of it.
type rwEntry struct {
	item   mergeItem
	r      domain.Riwayat // the packet's record
	nip    string
	desc   string // key fields in words: "IV/a, TMT 01-04-2026"
	differ []domain.PaketDiff
	synth  uint64 // the id it would get here when added (ordering ties)
}

// riwayatDesc names an entry by its key fields as the screens show them.
func riwayatDesc(f flat, kind string) string {
	prefix := map[string]string{"tmt": "TMT ", "mulai": "mulai ", "periode_mulai": "periode mulai ", "tahun": "tahun ",
		"tahun_mulai": "tahun "}
	var parts, when []string // what first, then when: "Kepala Seksi, TMT 01-01-2020"
	for _, k := range riwayatKeys[kind] {
		if v := strings.TrimSpace(f["data."+k]); v != "" && v != "0" {
			if p, ok := prefix[k]; ok {
				when = append(when, p+domain.PaketValue(k, v))
			} else {
				parts = append(parts, domain.PaketValue(k, v))
			}
		}
	}
	parts = append(parts, when...)
	if len(parts) == 0 {
		return "(tanpa keterangan)"
	}
	return strings.Join(parts, ", ")
}

func (m *merger) canonEmp(e domain.Employee, unitName func(uint64) string) domain.Employee {
	e.UnitID = m.space.id(unitName(e.UnitID))
	return e
}

func (m *merger) canonRw(r domain.Riwayat, unitName func(uint64) string) domain.Riwayat {
	if r.Jabatan != nil {
		j := *r.Jabatan
		j.UnitID = m.space.id(unitName(j.UnitID))
		r.Jabatan = &j
	}
	return r
}

func (m *merger) localUnit(id uint64) string { return m.unitName[id] }
func (m *merger) pktUnit(id uint64) string   { return m.pc.units[id] }

// derivedKeys are the profile fields the riwayat decide, with the list
// each follows.
var derivedKeys = []struct{ key, list string }{
	{"golongan", "pangkat/golongan"}, {"jenis_jabatan", "jabatan"}, {"jenjang", "jabatan"},
	{"nama_jabatan", "jabatan"}, {"unit", "jabatan"}, {"pendidikan_terakhir", "pendidikan"},
}

// people compares the packet's employees and riwayat with the data file:
// the employee items first, then the riwayat items (hidden ones included,
// see mergeItem).
func (m *merger) people() ([]mergeItem, error) {
	pc := m.pc
	carriesRiwayat := pc.man.Kind == domain.PaketPegawai
	names := make(map[uint64]string, len(pc.emps))
	for _, e := range pc.emps {
		names[e.ID] = e.Nama
	}
	localRw := map[uint64][]domain.Riwayat{}
	localList := func(id uint64) ([]domain.Riwayat, error) {
		if l, ok := localRw[id]; ok {
			return l, nil
		}
		l, err := employeeRiwayat(m.tx, id, 0)
		localRw[id] = l
		return l, err
	}
	var seq uint64
	if b := m.tx.Bucket(bucketRiwayat); b != nil {
		seq = b.Sequence()
	}

	// Every packet entry, matched with the local one of the same key
	// fields.
	entries := make([]*rwEntry, len(pc.rws))
	byNIP := map[string][]*rwEntry{}
	used := map[uint64]bool{}
	for i, r := range pc.rws {
		nip := pc.people[r.EmployeeID]
		name := names[r.EmployeeID]
		if local, ok := m.empByNIP[nip]; ok && name == "" {
			name = local.Nama
		}
		pu := ""
		if r.Jabatan != nil {
			pu = m.pktUnit(r.Jabatan.UnitID)
		}
		pf, err := riwayatFlat(r, pu)
		if err != nil {
			return nil, err
		}
		kind := string(r.Kind)
		nat := riwayatNatural(pf, kind)
		e := &rwEntry{r: r, nip: nip, desc: riwayatDesc(pf, kind), synth: seq + 1 + uint64(i)}
		e.item = mergeItem{idx: i, PaketItem: domain.PaketItem{Key: paketKey("riwayat", nip, kind, nat),
			Entity: EntityRiwayat, Label: fmt.Sprintf("%s · %s: %s", r.Kind.Label(), name, e.desc), Status: domain.PaketBaru}}
		if local, ok := m.empByNIP[nip]; ok {
			list, err := localList(local.ID)
			if err != nil {
				return nil, err
			}
			for _, l := range list {
				if l.Kind != r.Kind || used[l.ID] {
					continue
				}
				lu := ""
				if l.Jabatan != nil {
					lu = m.localUnit(l.Jabatan.UnitID)
				}
				lf, err := riwayatFlat(l, lu)
				if err != nil {
					return nil, err
				}
				if riwayatNatural(lf, kind) != nat {
					continue
				}
				used[l.ID] = true
				e.item.local = l.ID
				e.differ = diff(kind, lf, pf)
				e.item.Diffs = e.differ
				e.item.Status = status(e.differ, l.Updated, r.Updated)
				break
			}
			if isProfileKind(r.Kind) {
				byNIP[nip] = append(byNIP[nip], e)
			}
		}
		entries[i] = e
	}

	var out []mergeItem
	for i, e := range pc.emps {
		nip := ident(e.NIP)
		it := mergeItem{idx: i, PaketItem: domain.PaketItem{Key: paketKey("pegawai", nip), Entity: EntityEmployee,
			Label: fmt.Sprintf("Pegawai %s (NIP %s)", e.Nama, domain.FormatNIP(nip)), Status: domain.PaketBaru}}
		if local, ok := m.empByNIP[nip]; ok {
			it.local = local.ID
			list, err := localList(local.ID)
			if err != nil {
				return nil, err
			}
			var profile []domain.Riwayat
			for _, l := range list {
				if isProfileKind(l.Kind) {
					profile = append(profile, l)
				}
			}
			var pkt []*rwEntry
			if carriesRiwayat {
				pkt = byNIP[nip]
			}
			if err := m.comparePerson(&it, local, e, profile, pkt, carriesRiwayat); err != nil {
				return nil, err
			}
		}
		out = append(out, it)
	}
	// An entry of an employee who is here but not in the packet (not made
	// by asndesk) cannot follow an employee: one that would change the
	// profile is its own conflict, kept here unless taken.
	for _, list := range byNIP {
		for _, e := range list {
			if m.pktNIPs[e.nip] || e.item.hidden || e.item.Status != domain.PaketBaru {
				continue
			}
			local := m.empByNIP[e.nip]
			profile, err := localList(local.ID)
			if err != nil {
				return nil, err
			}
			cand := m.canonRw(e.r, m.pktUnit)
			cand.ID = e.synth
			le := m.canonEmp(local, m.localUnit)
			if !sameProfileFields(le, domain.ApplyRiwayat(le, append(m.canonList(profile), cand))) {
				e.item.Status = domain.PaketBerbeda
				e.item.Diffs = []domain.PaketDiff{{Field: e.r.Kind.Label() + " " + e.desc +
					": ditambahkan dari paket dan mengubah golongan, jabatan atau pendidikan di profil"}}
			}
		}
	}
	for _, e := range entries {
		out = append(out, e.item)
	}
	return out, nil
}

func (m *merger) canonList(rs []domain.Riwayat) []domain.Riwayat {
	out := make([]domain.Riwayat, 0, len(rs)+1)
	for _, r := range rs {
		if isProfileKind(r.Kind) {
			out = append(out, m.canonRw(r, m.localUnit))
		}
	}
	return out
}

// comparePerson fills the item of an employee who is here (see the top of
// this file): its differences are what taking the packet's version changes,
// profile fields and the entries of the three lists.
func (m *merger) comparePerson(it *mergeItem, local, pe domain.Employee, profile []domain.Riwayat, pkt []*rwEntry,
	carriesRiwayat bool) error {
	le := m.canonEmp(local, m.localUnit)
	pkE := m.canonEmp(pe, m.pktUnit)
	locList := m.canonList(profile)
	with := func(base []domain.Riwayat, extra ...domain.Riwayat) []domain.Riwayat {
		return append(slices.Clone(base), extra...)
	}

	after := domain.ApplyRiwayat(pkE, locList) // without riwayat in the packet
	var lines []domain.PaketDiff
	localT, pktT := local.Updated, pe.Updated
	if carriesRiwayat {
		// Entries here that the packet also has.
		matched := map[uint64]bool{}
		for _, e := range pkt {
			if e.item.local != 0 {
				matched[e.item.local] = true
			}
		}
		// Kept here: the packet's entries that leave the profile as it is
		// are added anyway.
		var harmless []*rwEntry
		var cands []domain.Riwayat
		for _, e := range pkt {
			if e.item.local != 0 {
				continue
			}
			c := m.canonRw(e.r, m.pktUnit)
			c.ID = e.synth
			if sameProfileFields(domain.ApplyRiwayat(le, with(locList, c)), le) {
				harmless, cands = append(harmless, e), append(cands, c)
			}
		}
		if !sameProfileFields(domain.ApplyRiwayat(le, with(locList, cands...)), le) {
			harmless = nil
		}
		// Taken: the packet's lists, plus the local history that does not
		// decide the profile over them.
		var base []domain.Riwayat
		for _, e := range pkt {
			c := m.canonRw(e.r, m.pktUnit)
			c.ID = e.synth
			if e.item.local != 0 {
				c.ID = e.item.local
			}
			base = append(base, c)
			pktT = later(pktT, e.r.Updated)
		}
		derived := domain.ApplyRiwayat(pkE, base)
		var keep, drop []domain.Riwayat
		for i, l := range profile {
			localT = later(localT, l.Updated)
			if matched[l.ID] {
				continue
			}
			if sameProfileFields(domain.ApplyRiwayat(pkE, with(base, locList[i])), derived) {
				keep = append(keep, locList[i])
			} else {
				drop = append(drop, l)
			}
		}
		if !sameProfileFields(domain.ApplyRiwayat(pkE, with(base, keep...)), derived) {
			keep, drop = nil, nil
			for _, l := range profile {
				if !matched[l.ID] {
					drop = append(drop, l)
				}
			}
		}
		after = domain.ApplyRiwayat(pkE, with(base, keep...))

		for _, e := range pkt {
			switch {
			case e.item.local != 0 && len(e.differ) == 0:
				// Sama: its own item.
			case e.item.local != 0:
				for _, d := range e.differ {
					d.Field = e.r.Kind.Label() + " " + e.desc + " › " + d.Field
					lines = append(lines, d)
				}
				e.item.hidden, e.item.owner = true, it.Key
			case slices.Contains(harmless, e):
				// Baru: its own item, added whatever is chosen.
			default:
				lines = append(lines, domain.PaketDiff{Field: e.r.Kind.Label() + " " + e.desc + ": ditambahkan dari paket"})
				e.item.hidden, e.item.owner = true, it.Key
			}
		}
		for _, l := range drop {
			lu := ""
			if l.Jabatan != nil {
				lu = m.localUnit(l.Jabatan.UnitID)
			}
			lf, err := riwayatFlat(l, lu)
			if err != nil {
				return err
			}
			lines = append(lines, domain.PaketDiff{Field: l.Kind.Label() + " " + riwayatDesc(lf, string(l.Kind)) +
				": hanya ada di sini, dihapus agar profil mengikuti versi paket"})
			it.drop = append(it.drop, l.ID)
		}
	}

	lf, err := m.employeeFlat(le, m.space.name(le.UnitID), m.empNIP[local.AtasanID])
	if err != nil {
		return err
	}
	af, err := m.employeeFlat(after, m.space.name(after.UnitID), m.pktPerson(pe.AtasanID))
	if err != nil {
		return err
	}
	pf, err := m.employeeFlat(pkE, m.space.name(pkE.UnitID), m.pktPerson(pe.AtasanID))
	if err != nil {
		return err
	}
	it.Diffs = append(diff("", lf, af), lines...)
	for i := range it.Diffs {
		if it.Diffs[i].Field == domain.PaketFieldLabel("", "atasan") {
			it.Diffs[i].Old, it.Diffs[i].New = m.personText(it.Diffs[i].Old), m.personText(it.Diffs[i].New)
		}
	}
	where := ""
	if !carriesRiwayat {
		where = " di sini"
	}
	for _, k := range derivedKeys {
		if pf[k.key] != af[k.key] {
			it.Notes = append(it.Notes, fmt.Sprintf("%s di paket «%s» tidak dipakai: profil mengikuti riwayat %s%s.",
				domain.PaketFieldLabel("", k.key), domain.PaketValue(k.key, pf[k.key]), k.list, where))
		}
	}
	it.Status = status(it.Diffs, localT, pktT)
	return nil
}

// personText shows an employee named by NIP: "Nama (NIP …)".
func (m *merger) personText(nip string) string {
	if nip == "" {
		return ""
	}
	name := ""
	if e, ok := m.empByNIP[nip]; ok {
		name = e.Nama
	}
	for _, e := range m.pc.emps {
		if ident(e.NIP) == nip && name == "" {
			name = e.Nama
		}
	}
	if name == "" {
		return "NIP " + domain.FormatNIP(nip)
	}
	return name + " (NIP " + domain.FormatNIP(nip) + ")"
}

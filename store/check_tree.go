package store

import (
	"context"
	"slices"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// checkSchema4 checks what schema 4 added: the unit tree, the riwayat
// (keys, records, references, and that each profile agrees with its latest
// pangkat, jabatan and pendidikan entries), the atasan map and the
// settings.
func checkSchema4(ctx context.Context, buckets map[string]*bolt.Bucket, emps map[uint64]*checkedEmp,
	add func(string, ...any)) {
	// Too many problems of one kind are counted, not listed.
	limited := func() func(string, ...any) {
		n := 0
		return func(format string, a ...any) {
			if n++; n <= maxStructural {
				add(format, a...)
			} else if n == maxStructural+1 {
				add("… dan masalah sejenis lainnya.")
			}
		}
	}

	var nodes []domain.UnitNode
	if ub := buckets[string(bucketUnits)]; ub != nil {
		_ = ub.ForEach(func(k, v []byte) error {
			id, ok := parseID(k)
			if !ok {
				return nil // reported by checkIndexes
			}
			n, err := decodeUnitNode(v)
			if err != nil {
				return nil // reported by checkIndexes
			}
			n.ID = id
			nodes = append(nodes, n)
			return nil
		})
	}
	tree := newUnitTree(nodes)
	for _, n := range nodes {
		switch _, ok := tree.byID[n.ParentID]; {
		case n.ParentID != 0 && !ok:
			add("Unit kerja #%d (%s) merujuk unit induk #%d yang tidak ada.", n.ID, n.Name, n.ParentID)
		case n.ParentID != 0 && tree.isAncestor(n.ID, n.ParentID):
			add("Unit kerja #%d (%s) berada dalam lingkaran unit induk.", n.ID, n.Name)
		case tree.depth(n.ID) > domain.MaxUnitDepth:
			add("Unit kerja #%d (%s) berada di tingkat %d; paling banyak %d tingkat.", n.ID, n.Name,
				tree.depth(n.ID), domain.MaxUnitDepth)
		}
		if n.HeadID != 0 && emps[n.HeadID] == nil {
			add("Unit kerja #%d (%s) merujuk kepala unit #%d yang tidak ada.", n.ID, n.Name, n.HeadID)
		}
	}

	if rb := buckets[string(bucketRiwayat)]; rb != nil {
		bad := limited()
		var maxID uint64
		profile := map[uint64][]domain.Riwayat{}
		n := 0
		c := rb.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if n++; n%4096 == 0 && ctx.Err() != nil {
				return
			}
			emp, kind, id, ok := parseRiwayatKey(k)
			if !ok {
				bad("Kunci riwayat %x tidak dapat dibaca.", k)
				continue
			}
			maxID = max(maxID, id)
			if emps[emp] == nil {
				bad("Riwayat #%d merujuk pegawai #%d yang tidak ada.", id, emp)
			}
			r, err := decodeRiwayat(v)
			switch {
			case err != nil:
				bad("Riwayat #%d tidak dapat dibaca (%v).", id, err)
				continue
			case r.ID != id || r.EmployeeID != emp || r.Kind != kind:
				bad("Riwayat #%d mencatat ID, pegawai atau jenis yang lain dari kuncinya.", id)
			}
			r.ID, r.EmployeeID = id, emp
			if j := r.Jabatan; j != nil && j.UnitID != 0 {
				if _, ok := tree.byID[j.UnitID]; !ok {
					bad("Riwayat jabatan #%d merujuk unit kerja #%d yang tidak ada.", id, j.UnitID)
				}
			}
			if isProfileKind(r.Kind) && r.Kind == kind {
				profile[emp] = append(profile[emp], r)
			}
		}
		if maxID > rb.Sequence() {
			add("Nomor urut riwayat (%d) lebih kecil dari ID terbesar (%d).", rb.Sequence(), maxID)
		}
		if eb := buckets[string(bucketEmployees)]; eb != nil {
			differ := limited()
			for emp, rs := range sortedKeys(profile) {
				ce := emps[emp]
				if ce == nil || ce.broken {
					continue
				}
				e, err := decodeEmployee(eb.Get(idKey(emp)))
				if err != nil {
					continue
				}
				if !sameProfileFields(e, deriveProfile(e, rs)) {
					differ("Profil pegawai #%d (%s) tidak sesuai dengan riwayat pangkat, jabatan atau pendidikan terakhirnya.",
						emp, e.Nama)
				}
			}
		}
	}

	if ab := buckets[string(bucketAtasan)]; ab != nil {
		bad := limited()
		_ = ab.ForEach(func(k, v []byte) error {
			year, emp, ok := parseAtasanKey(k)
			if !ok {
				bad("Kunci peta atasan %x tidak dapat dibaca.", k)
				return nil
			}
			if emps[emp] == nil {
				bad("Peta atasan %d: isian pegawai #%d yang tidak ada.", year, emp)
			}
			r, err := decodeAtasan(v)
			if err != nil {
				bad("Peta atasan %d: isian pegawai #%d tidak dapat dibaca (%v).", year, emp, err)
				return nil
			}
			for _, ref := range []uint64{r.AtasanID, r.AtasanPenilaiID} {
				switch {
				case ref == 0:
				case ref == emp:
					bad("Peta atasan %d: pegawai #%d menjadi atasannya sendiri.", year, emp)
				case emps[ref] == nil:
					bad("Peta atasan %d: pegawai #%d merujuk atasan #%d yang tidak ada.", year, emp, ref)
				}
			}
			return nil
		})
	}

	if sb := buckets[string(bucketSettings)]; sb != nil {
		if v := sb.Get(settingsCareer); v != nil {
			if _, err := decodeSettings(v); err != nil {
				add("Pengaturan tidak dapat dibaca (%v).", err)
			}
		}
	}
}

// sortedKeys iterates a map in key order, for stable messages.
func sortedKeys[V any](m map[uint64]V) func(func(uint64, V) bool) {
	return func(yield func(uint64, V) bool) {
		keys := make([]uint64, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if !yield(k, m[k]) {
				return
			}
		}
	}
}

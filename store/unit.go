package store

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

const msgUnitNotFound = "Unit kerja tidak ditemukan; mungkin sudah dihapus."

// Units returns every unit kerja sorted by name, ignoring case.
func (s *Store) Units(ctx context.Context) ([]domain.Unit, error) {
	var out []domain.Unit
	err := s.view(ctx, "list units", func(tx *bolt.Tx) error {
		var err error
		out, err = allUnits(tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	sortUnits(out)
	return out, nil
}

func sortUnits(us []domain.Unit) {
	sort.SliceStable(us, func(i, j int) bool {
		a, b := strings.ToLower(us[i].Name), strings.ToLower(us[j].Name)
		if a != b {
			return a < b
		}
		return us[i].ID < us[j].ID
	})
}

// allUnits reads the units in id order.
func allUnits(tx *bolt.Tx) ([]domain.Unit, error) {
	nodes, err := allUnitNodes(tx)
	if err != nil || nodes == nil {
		return nil, err
	}
	out := make([]domain.Unit, len(nodes))
	for i, n := range nodes {
		out[i] = n.Unit
	}
	return out, nil
}

// allUnitNodes reads the units with their place in the tree, in id order.
func allUnitNodes(tx *bolt.Tx) ([]domain.UnitNode, error) {
	b := tx.Bucket(bucketUnits)
	if b == nil {
		return nil, nil
	}
	out := []domain.UnitNode{}
	err := b.ForEach(func(k, v []byte) error {
		id, _ := parseID(k)
		u, err := decodeUnitNode(v)
		if err != nil {
			return corrupt("unit kerja", id, err)
		}
		u.ID = id
		out = append(out, u)
		return nil
	})
	return out, err
}

// unitNameTaken returns the unit other than self whose name equals name,
// ignoring case.
func unitNameTaken(us []domain.Unit, name string, self uint64) (domain.Unit, bool) {
	for _, u := range us {
		if u.ID != self && strings.EqualFold(strings.TrimSpace(u.Name), name) {
			return u, true
		}
	}
	return domain.Unit{}, false
}

func unitConflict(name string) error {
	return fail(domain.ECONFLICT, "Unit kerja \""+name+"\" sudah ada.", nil)
}

// SaveUnit creates a unit (u.ID == 0, at the top of the tree, without a
// head) or renames one, keeping its parent and head, and returns its id.
// The name is trimmed, must not be empty and must be unique ignoring case.
// Admin only (domain.CanManageOffice); audited. SaveUnitNode also sets the
// place in the tree and the head.
func (s *Store) SaveUnit(ctx context.Context, u domain.Unit) (uint64, error) {
	err := s.write(ctx, "save unit", domain.CanManageOffice, func(tx *bolt.Tx, a domain.Actor) error {
		u.Name = strings.TrimSpace(u.Name)
		if err := domain.ValidateUnitName(u.Name); err != nil {
			return err
		}
		b, err := bucket(tx, bucketUnits)
		if err != nil {
			return err
		}
		us, err := allUnits(tx)
		if err != nil {
			return err
		}
		if other, ok := unitNameTaken(us, u.Name, u.ID); ok {
			return unitConflict(other.Name)
		}
		entry := domain.AuditEntry{Action: domain.ActionCreate, Entity: EntityUnit,
			Summary: []string{"nama: " + strconv.Quote(u.Name)}}
		var node domain.UnitNode
		if u.ID == 0 {
			if u.ID, err = b.NextSequence(); err != nil {
				return err
			}
		} else {
			v := b.Get(idKey(u.ID))
			if v == nil {
				return fail(domain.ENOTFOUND, msgUnitNotFound, nil)
			}
			old, err := decodeUnitNode(v)
			if err != nil {
				return corrupt("unit kerja", u.ID, err)
			}
			entry.Action = domain.ActionUpdate
			entry.Summary = []string{"nama: " + strconv.Quote(old.Name) + " → " + strconv.Quote(u.Name)}
			node = old
		}
		node.Unit = u // a rename keeps the place in the tree and the head
		v, err := encodeUnitNode(node)
		if err != nil {
			return err
		}
		if err := b.Put(idKey(u.ID), v); err != nil {
			return err
		}
		entry.EntityID = u.ID
		return appendAudit(tx, a, s.stamp(), entry)
	})
	if err != nil {
		return 0, err
	}
	return u.ID, nil
}

// DeleteUnit removes a unit kerja that no employee (active or not) uses,
// that has no sub-unit and that no riwayat jabatan names. Admin only;
// audited.
func (s *Store) DeleteUnit(ctx context.Context, id uint64) error {
	op := "delete unit " + strconv.FormatUint(id, 10)
	return s.write(ctx, op, domain.CanManageOffice, func(tx *bolt.Tx, a domain.Actor) error {
		b, err := bucket(tx, bucketUnits)
		if err != nil {
			return err
		}
		v := b.Get(idKey(id))
		if id == 0 || v == nil {
			return fail(domain.ENOTFOUND, msgUnitNotFound, nil)
		}
		old, err := decodeUnit(v)
		if err != nil {
			return corrupt("unit kerja", id, err)
		}
		rows, err := bucket(tx, bucketRows)
		if err != nil {
			return err
		}
		n := 0
		err = rows.ForEach(func(k, v []byte) error {
			rid, _ := parseID(k)
			r, err := decodeRow(rid, v)
			if err != nil {
				return corrupt("daftar pegawai", rid, err)
			}
			if r.UnitID == id {
				n++
			}
			return nil
		})
		if err != nil {
			return err
		}
		if n > 0 {
			return fail(domain.ECONFLICT, fmt.Sprintf("Unit kerja ini masih dipakai oleh %d pegawai.", n), nil)
		}
		nodes, err := allUnitNodes(tx)
		if err != nil {
			return err
		}
		kids := 0
		for _, u := range nodes {
			if u.ParentID == id {
				kids++
			}
		}
		if kids > 0 {
			return fail(domain.ECONFLICT, fmt.Sprintf("Unit kerja ini masih memiliki %d sub-unit. "+
				"Pindahkan atau hapus sub-unitnya lebih dulu.", kids), nil)
		}
		if n, err := riwayatUsingUnit(tx, id); err != nil {
			return err
		} else if n > 0 {
			return fail(domain.ECONFLICT, fmt.Sprintf("Unit kerja ini masih tercatat di %d riwayat jabatan.", n), nil)
		}
		if err := b.Delete(idKey(id)); err != nil {
			return err
		}
		// The unit's predikat kinerja organisasi goes with it; the SKPs
		// keep the unit's name in their copies.
		if ob := tx.Bucket(bucketSKPOrg); ob != nil {
			var dead [][]byte
			_ = ob.ForEach(func(k, _ []byte) error {
				if len(k) == 10 && bytes.Equal(k[2:], idKey(id)) {
					dead = append(dead, append([]byte(nil), k...))
				}
				return nil
			})
			for _, k := range dead {
				if err := ob.Delete(k); err != nil {
					return err
				}
			}
		}
		return appendAudit(tx, a, s.stamp(), domain.AuditEntry{Action: domain.ActionDelete, Entity: EntityUnit,
			EntityID: id, Summary: []string{"nama: " + strconv.Quote(old.Name)}})
	})
}

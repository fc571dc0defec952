package store

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

const (
	msgParentGone = "Unit induk yang dipilih sudah tidak ada."
	msgUnitCycle  = "Unit induk tidak boleh unit itu sendiri atau salah satu sub-unitnya."
	msgHeadGone   = "Kepala unit yang dipilih tidak ada di data pegawai."
)

// unitTree indexes the unit nodes for the tree rules.
type unitTree struct {
	byID     map[uint64]domain.UnitNode
	children map[uint64][]uint64 // parent id (0 = top) → child ids
}

func newUnitTree(nodes []domain.UnitNode) unitTree {
	t := unitTree{byID: make(map[uint64]domain.UnitNode, len(nodes)), children: map[uint64][]uint64{}}
	for _, n := range nodes {
		t.byID[n.ID] = n
		t.children[n.ParentID] = append(t.children[n.ParentID], n.ID)
	}
	return t
}

// depth is the level of unit id: 1 at the top. A parent chain that loops
// (only in a damaged file) stops after as many steps as there are units.
func (t unitTree) depth(id uint64) int {
	d := 0
	for steps := 0; id != 0 && steps <= len(t.byID); steps++ {
		n, ok := t.byID[id]
		if !ok {
			break
		}
		d++
		id = n.ParentID
	}
	return d
}

// height is the number of levels of the subtree rooted at id (1 for a unit
// without sub-units).
func (t unitTree) height(id uint64) int {
	var walk func(id uint64, seen int) int
	walk = func(id uint64, seen int) int {
		h := 1
		if seen > len(t.byID) {
			return h
		}
		for _, c := range t.children[id] {
			h = max(h, 1+walk(c, seen+1))
		}
		return h
	}
	return walk(id, 0)
}

// isAncestor reports whether anc is id or one of its ancestors.
func (t unitTree) isAncestor(anc, id uint64) bool {
	for steps := 0; id != 0 && steps <= len(t.byID); steps++ {
		if id == anc {
			return true
		}
		id = t.byID[id].ParentID
	}
	return false
}

// ordered returns the nodes depth first, siblings by name ignoring case. A
// node whose parent is missing is shown at the top; nodes on a parent
// loop (a damaged file) come last.
func (t unitTree) ordered() []domain.UnitNode {
	out := make([]domain.UnitNode, 0, len(t.byID))
	seen := make(map[uint64]bool, len(t.byID))
	sortIDs := func(ids []uint64) []uint64 {
		ids = append([]uint64(nil), ids...)
		sort.SliceStable(ids, func(i, j int) bool {
			a, b := strings.ToLower(t.byID[ids[i]].Name), strings.ToLower(t.byID[ids[j]].Name)
			if a != b {
				return a < b
			}
			return ids[i] < ids[j]
		})
		return ids
	}
	var walk func(id uint64)
	walk = func(id uint64) {
		if seen[id] {
			return
		}
		seen[id] = true
		out = append(out, t.byID[id])
		for _, c := range sortIDs(t.children[id]) {
			walk(c)
		}
	}
	var roots []uint64
	for id, n := range t.byID {
		if _, ok := t.byID[n.ParentID]; n.ParentID == 0 || !ok {
			roots = append(roots, id)
		}
	}
	for _, id := range sortIDs(roots) {
		walk(id)
	}
	var rest []uint64
	for id := range t.byID {
		if !seen[id] {
			rest = append(rest, id)
		}
	}
	for _, id := range sortIDs(rest) {
		walk(id)
	}
	return out
}

// UnitTree returns every unit with its parent and head, parents before
// their sub-units (depth first, siblings by name ignoring case). Like
// Units it needs no login: the tree holds no personal data.
func (s *Store) UnitTree(ctx context.Context) ([]domain.UnitNode, error) {
	var out []domain.UnitNode
	err := s.view(ctx, "unit tree", func(tx *bolt.Tx) error {
		nodes, err := allUnitNodes(tx)
		if err != nil {
			return err
		}
		out = newUnitTree(nodes).ordered()
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// checkUnitNode applies the tree rules to n (n.ID 0 for a new unit) against
// the current tree: the parent exists and is neither n nor below it, the
// tree stays within domain.MaxUnitDepth levels, the head is an employee.
func checkUnitNode(tx *bolt.Tx, t unitTree, n domain.UnitNode) error {
	if n.ParentID != 0 {
		if _, ok := t.byID[n.ParentID]; !ok {
			return fail(domain.EINVALID, msgParentGone, nil)
		}
		if n.ID != 0 && t.isAncestor(n.ID, n.ParentID) {
			return fail(domain.EINVALID, msgUnitCycle, nil)
		}
	}
	h := 1
	if n.ID != 0 {
		h = t.height(n.ID)
	}
	if d := t.depth(n.ParentID) + h; d > domain.MaxUnitDepth {
		what := "unit ini"
		if h > 1 {
			what = "sub-unit terbawahnya"
		}
		return fail(domain.EINVALID, fmt.Sprintf("Struktur organisasi paling banyak %d tingkat; di bawah induk ini "+
			"%s akan berada di tingkat %d.", domain.MaxUnitDepth, what, d), nil)
	}
	if n.HeadID != 0 {
		if rb := tx.Bucket(bucketRows); rb == nil || rb.Get(idKey(n.HeadID)) == nil {
			return fail(domain.EINVALID, msgHeadGone, nil)
		}
	}
	return nil
}

// SaveUnitNode creates (n.ID == 0) or changes a unit with its place in the
// tree and its head, and returns its id. The name follows SaveUnit's rules;
// the parent must exist and must not be the unit itself or one of its
// sub-units; the tree may be at most domain.MaxUnitDepth levels deep; the
// head (0: vacant) must be an employee. Admin only; audited.
func (s *Store) SaveUnitNode(ctx context.Context, n domain.UnitNode) (uint64, error) {
	err := s.write(ctx, "save unit node", domain.CanManageOffice, func(tx *bolt.Tx, a domain.Actor) error {
		n.Name = strings.TrimSpace(n.Name)
		if err := domain.ValidateUnitName(n.Name); err != nil {
			return err
		}
		b, err := bucket(tx, bucketUnits)
		if err != nil {
			return err
		}
		nodes, err := allUnitNodes(tx)
		if err != nil {
			return err
		}
		t := newUnitTree(nodes)
		us := make([]domain.Unit, len(nodes))
		for i, u := range nodes {
			us[i] = u.Unit
		}
		if other, ok := unitNameTaken(us, n.Name, n.ID); ok {
			return unitConflict(other.Name)
		}
		var old domain.UnitNode
		if n.ID != 0 {
			var ok bool
			if old, ok = t.byID[n.ID]; !ok {
				return fail(domain.ENOTFOUND, msgUnitNotFound, nil)
			}
		}
		if err := checkUnitNode(tx, t, n); err != nil {
			return err
		}
		entry := domain.AuditEntry{Action: domain.ActionCreate, Entity: EntityUnit}
		unitName := func(id uint64) string {
			if id == 0 {
				return ""
			}
			return t.byID[id].Name
		}
		empName := func(id uint64) string {
			if id == 0 {
				return ""
			}
			if r, ok := rowOf(tx, id); ok {
				return r.Nama
			}
			return "#" + strconv.FormatUint(id, 10)
		}
		if n.ID == 0 {
			if n.ID, err = b.NextSequence(); err != nil {
				return err
			}
			entry.Summary = []string{"nama: " + strconv.Quote(n.Name)}
			if n.ParentID != 0 {
				entry.Summary = append(entry.Summary, "induk: "+strconv.Quote(unitName(n.ParentID)))
			}
			if n.HeadID != 0 {
				entry.Summary = append(entry.Summary, "kepala: "+strconv.Quote(empName(n.HeadID)))
			}
		} else {
			entry.Action = domain.ActionUpdate
			diff := func(key, a, b string) {
				if a != b {
					entry.Summary = append(entry.Summary, key+": "+strconv.Quote(a)+" → "+strconv.Quote(b))
				}
			}
			diff("nama", old.Name, n.Name)
			if old.ParentID != n.ParentID {
				diff("induk", unitName(old.ParentID), unitName(n.ParentID))
			}
			if old.HeadID != n.HeadID {
				diff("kepala", empName(old.HeadID), empName(n.HeadID))
			}
		}
		v, err := encodeUnitNode(n)
		if err != nil {
			return err
		}
		if err := b.Put(idKey(n.ID), v); err != nil {
			return err
		}
		entry.EntityID = n.ID
		return appendAudit(tx, a, s.stamp(), entry)
	})
	if err != nil {
		return 0, err
	}
	return n.ID, nil
}

// rowOf reads one list row; ok=false when there is none or it is damaged.
func rowOf(tx *bolt.Tx, id uint64) (domain.Row, bool) {
	rb := tx.Bucket(bucketRows)
	if rb == nil || id == 0 {
		return domain.Row{}, false
	}
	v := rb.Get(idKey(id))
	if v == nil {
		return domain.Row{}, false
	}
	r, err := decodeRow(id, v)
	return r, err == nil
}

// clearUnitHead leaves the units headed by employee id without a head and
// returns audit lines.
func clearUnitHead(tx *bolt.Tx, id uint64) ([]string, error) {
	nodes, err := allUnitNodes(tx)
	if err != nil {
		return nil, err
	}
	b, err := bucket(tx, bucketUnits)
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, n := range nodes {
		if n.HeadID != id {
			continue
		}
		n.HeadID = 0
		v, err := encodeUnitNode(n)
		if err != nil {
			return nil, err
		}
		if err := b.Put(idKey(n.ID), v); err != nil {
			return nil, err
		}
		lines = append(lines, "kepala unit "+strconv.Quote(n.Name)+": dikosongkan")
	}
	return lines, nil
}

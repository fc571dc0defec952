package demo

import (
	"sort"

	"asndesk/domain"
)

// Logins are the employees the demo office's logins belong to. The store
// links its demo accounts with this function, and GenerateKinerja uses it
// to leave the pegawai login without an SKP this year: both must agree.
type Logins struct {
	Head     uint64 // pimpinan: the head (no atasan), active if possible
	Penilai  uint64 // an active atasan of someone, not the head
	Pegawai  uint64 // active, nobody's atasan, staff of Penilai when possible
	Pegawai2 uint64 // another such employee (the merit login)
}

// LoginEmployees picks the demo logins' employees from the office's rows;
// the lowest suitable id wins. A zero id means no suitable employee.
func LoginEmployees(rows []domain.Row) Logins {
	rs := append([]domain.Row(nil), rows...)
	sort.Slice(rs, func(i, j int) bool { return rs[i].ID < rs[j].ID })
	isAtasan := map[uint64]bool{}
	for _, r := range rs {
		if r.Status.Active() && r.AtasanID != 0 && r.AtasanID != r.ID {
			isAtasan[r.AtasanID] = true
		}
	}
	var l Logins
	for _, r := range rs {
		if r.AtasanID == 0 && r.Status.Active() {
			l.Head = r.ID
			break
		}
	}
	if l.Head == 0 {
		for _, r := range rs {
			if r.AtasanID == 0 {
				l.Head = r.ID
				break
			}
		}
	}
	used := map[uint64]bool{l.Head: l.Head != 0}
	find := func(ok func(domain.Row) bool) uint64 {
		for _, r := range rs {
			if !used[r.ID] && ok(r) {
				used[r.ID] = true
				return r.ID
			}
		}
		return 0
	}
	// The penilai login rates at least one active employee who rates
	// nobody, when the office has such a pair: that one becomes the
	// pegawai login.
	hasStaff := map[uint64]bool{}
	for _, r := range rs {
		if r.Status.Active() && !isAtasan[r.ID] && r.AtasanID != 0 && r.AtasanID != r.ID {
			hasStaff[r.AtasanID] = true
		}
	}
	l.Penilai = find(func(r domain.Row) bool {
		return r.Status.Active() && isAtasan[r.ID] && r.ID != l.Head && hasStaff[r.ID]
	})
	if l.Penilai == 0 {
		l.Penilai = find(func(r domain.Row) bool { return r.Status.Active() && isAtasan[r.ID] && r.ID != l.Head })
	}
	staff := func() uint64 {
		// Staff of the penilai login first, so the two can walk the SKP
		// cycle together.
		if id := find(func(r domain.Row) bool {
			return r.Status.Active() && !isAtasan[r.ID] && r.ID != l.Head && l.Penilai != 0 && r.AtasanID == l.Penilai
		}); id != 0 {
			return id
		}
		return find(func(r domain.Row) bool { return r.Status.Active() && !isAtasan[r.ID] && r.ID != l.Head })
	}
	l.Pegawai = staff()
	l.Pegawai2 = staff()
	return l
}

package demo

import (
	"testing"

	"asndesk/domain"
)

// The demo logins can walk the SKP cycle together: the pegawai login is
// staff of the penilai login and has no SKP this year, so a newcomer can
// draft one and the penilai can return and approve it.
func TestDemoLoginsWalkTheCycle(t *testing.T) {
	for _, n := range []int{DefaultEmployees, 300} {
		k, _, emps := demoKinerja(n, lateDate)
		rows := make([]domain.Row, len(emps))
		byID := map[uint64]domain.Employee{}
		for i, e := range emps {
			rows[i] = domain.RowOf(e)
			byID[e.ID] = e
		}
		l := LoginEmployees(rows)
		if l.Head == 0 || l.Penilai == 0 || l.Pegawai == 0 || l.Pegawai2 == 0 {
			t.Fatalf("n=%d: a login without an employee: %+v", n, l)
		}
		if byID[l.Pegawai].AtasanID != l.Penilai {
			t.Errorf("n=%d: the pegawai login (#%d) is rated by #%d, not by the penilai login #%d",
				n, l.Pegawai, byID[l.Pegawai].AtasanID, l.Penilai)
		}
		for _, s := range k.SKPs {
			if s.EmployeeID == l.Pegawai && s.Year == lateDate.Year {
				t.Errorf("n=%d: the pegawai login already has an SKP %d (%s)", n, s.Year, s.Status)
			}
		}
	}
}

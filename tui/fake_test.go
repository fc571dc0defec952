package tui

import (
	"context"
	"sort"
	"strings"

	"asndesk/domain"
)

// fakeRepo is an in-memory Repo for model tests; the real store is tested
// on real files in package store.
type fakeRepo struct {
	office    domain.Office
	hasOffice bool
	units     map[uint64]domain.Unit
	emps      map[uint64]domain.Employee
	next      uint64
	fail      error // returned by every write when set
	writes    int
}

func newFakeRepo() *fakeRepo {
	return &fakeRepo{units: map[uint64]domain.Unit{}, emps: map[uint64]domain.Employee{}, next: 1000}
}

func (f *fakeRepo) Office(context.Context) (domain.Office, bool, error) {
	return f.office, f.hasOffice, nil
}

func (f *fakeRepo) SetupOffice(_ context.Context, o domain.Office, names []string) error {
	if f.fail != nil {
		return f.fail
	}
	f.writes++
	f.office, f.hasOffice = o, true
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			f.next++
			f.units[f.next] = domain.Unit{ID: f.next, Name: n}
		}
	}
	return nil
}

func (f *fakeRepo) LoadOffice(_ context.Context, o domain.Office, us []domain.Unit, es []domain.Employee) error {
	if f.fail != nil {
		return f.fail
	}
	f.writes++
	f.office, f.hasOffice = o, true
	for _, u := range us {
		f.units[u.ID] = u
	}
	for _, e := range es {
		f.emps[e.ID] = e
	}
	return nil
}

func (f *fakeRepo) ResetOffice(context.Context) error {
	f.writes++
	f.office, f.hasOffice = domain.Office{}, false
	f.units = map[uint64]domain.Unit{}
	f.emps = map[uint64]domain.Employee{}
	return nil
}

func (f *fakeRepo) ListRows(context.Context) ([]domain.Row, error) {
	var out []domain.Row
	for _, e := range f.emps {
		out = append(out, domain.RowOf(e))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (f *fakeRepo) Employee(_ context.Context, id uint64) (domain.Employee, error) {
	e, ok := f.emps[id]
	if !ok {
		return e, domain.Errorf(domain.ENOTFOUND, "Pegawai tidak ditemukan.")
	}
	return e, nil
}

func (f *fakeRepo) check(e domain.Employee) error {
	if f.fail != nil {
		return f.fail
	}
	if fe := domain.ValidateEmployee(e); fe != nil {
		return fe
	}
	for _, o := range f.emps {
		if o.ID != e.ID && o.Status.Active() && e.Status.Active() && o.NIP == e.NIP {
			return domain.Errorf(domain.ECONFLICT, "NIP "+domain.FormatNIP(e.NIP)+" sudah dipakai oleh "+o.Nama+" (pegawai aktif).")
		}
	}
	return nil
}

func (f *fakeRepo) CreateEmployee(_ context.Context, e domain.Employee) (uint64, error) {
	if err := f.check(e); err != nil {
		return 0, err
	}
	f.writes++
	f.next++
	e.ID = f.next
	f.emps[e.ID] = e
	return e.ID, nil
}

func (f *fakeRepo) UpdateEmployee(_ context.Context, e domain.Employee) error {
	if err := f.check(e); err != nil {
		return err
	}
	f.writes++
	f.emps[e.ID] = e
	return nil
}

func (f *fakeRepo) DeleteEmployee(_ context.Context, id uint64) error {
	f.writes++
	delete(f.emps, id)
	return nil
}

func (f *fakeRepo) Units(context.Context) ([]domain.Unit, error) {
	var out []domain.Unit
	for _, u := range f.units {
		out = append(out, u)
	}
	return sortedUnits(out), nil
}

func (f *fakeRepo) SaveUnit(_ context.Context, u domain.Unit) (uint64, error) {
	if err := domain.ValidateUnitName(u.Name); err != nil {
		return 0, err
	}
	for _, o := range f.units {
		if o.ID != u.ID && strings.EqualFold(o.Name, u.Name) {
			return 0, domain.Errorf(domain.ECONFLICT, "Unit kerja \""+u.Name+"\" sudah ada.")
		}
	}
	f.writes++
	if u.ID == 0 {
		f.next++
		u.ID = f.next
	}
	f.units[u.ID] = u
	return u.ID, nil
}

func (f *fakeRepo) DeleteUnit(_ context.Context, id uint64) error {
	for _, e := range f.emps {
		if e.UnitID == id {
			return domain.Errorf(domain.ECONFLICT, "Unit kerja ini masih dipakai oleh pegawai.")
		}
	}
	f.writes++
	delete(f.units, id)
	return nil
}

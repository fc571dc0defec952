package tui

import (
	"context"
	"sort"
	"strings"

	"asndesk/domain"
	"asndesk/domain/importer"
)

// fakeImport is an in-memory ImportRepo over a fakeRepo: "files" are grids
// by path, the preview runs the real importer.Plan on the repo's
// employees and units, and Apply writes the new and changed employees
// into the repo (units created by name), as the store does.
type fakeImport struct {
	repo    *fakeRepo
	files   map[string]importer.Grid
	applied []importer.Report
	fail    error // returned by ApplyImport when set
	reads   []string
}

var _ ImportRepo = (*fakeImport)(nil)

func newFakeImport(repo *fakeRepo) *fakeImport {
	return &fakeImport{repo: repo, files: map[string]importer.Grid{}}
}

func (f *fakeImport) ReadGrid(_ context.Context, path string) (importer.Grid, error) {
	f.reads = append(f.reads, path)
	g, ok := f.files[path]
	if !ok {
		return importer.Grid{}, domain.Errorf(domain.EINVALID, "Berkas "+path+" tidak ditemukan. Periksa nama dan foldernya.")
	}
	return g, nil
}

func (f *fakeImport) PlanImport(ctx context.Context, kind importer.Kind, g importer.Grid, m importer.Mapping) (importer.Report, error) {
	if err := domain.CanEditEmployee(domain.ActorFrom(ctx)); err != nil {
		return importer.Report{}, err
	}
	var emps []domain.Employee
	for _, e := range f.repo.emps {
		emps = append(emps, e)
	}
	sort.Slice(emps, func(i, j int) bool { return emps[i].ID < emps[j].ID })
	var units []domain.Unit
	for _, u := range f.repo.units {
		units = append(units, u)
	}
	sort.Slice(units, func(i, j int) bool { return units[i].ID < units[j].ID })
	return importer.Plan(importer.Input{Kind: kind, Grid: g, Mapping: m, Employees: emps, Units: units,
		Today: domain.DateOf(fixedNow())})
}

func (f *fakeImport) ApplyImport(ctx context.Context, r importer.Report) (importer.Summary, error) {
	if err := domain.CanEditEmployee(domain.ActorFrom(ctx)); err != nil {
		return importer.Summary{}, err
	}
	if f.fail != nil {
		return importer.Summary{}, f.fail
	}
	f.applied = append(f.applied, r)
	sum := importer.Summary{Kind: r.Kind, Skipped: r.Counts.Error}
	unitID := map[string]uint64{}
	for _, u := range f.repo.units {
		unitID[strings.ToLower(u.Name)] = u.ID
	}
	for _, name := range r.NewUnits {
		f.repo.next++
		f.repo.units[f.repo.next] = domain.Unit{ID: f.repo.next, Name: name}
		unitID[strings.ToLower(name)] = f.repo.next
		sum.Units++
	}
	for _, row := range r.Rows {
		e := row.Employee
		if row.Unit != "" {
			e.UnitID = unitID[strings.ToLower(row.Unit)]
		}
		switch {
		case r.Kind != importer.Pegawai && row.Action == importer.New:
			sum.Riwayat += len(row.Riwayat)
		case row.Action == importer.New:
			f.repo.next++
			e.ID = f.repo.next
			f.repo.emps[e.ID] = e
			sum.Created++
			sum.Riwayat += len(row.Riwayat)
		case row.Action == importer.Update:
			f.repo.emps[e.ID] = e
			sum.Updated++
			sum.Riwayat += len(row.Riwayat)
		}
	}
	f.repo.writes++
	return sum, nil
}

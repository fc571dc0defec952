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
	accounts  map[uint64]domain.Account
	passwords map[uint64]string
	audit     []domain.AuditEntry
	backups   []BackupInfo
	restored  string
	riwayat   map[uint64][]domain.Riwayat
	parents   map[uint64]uint64
	heads     map[uint64]uint64
	atasan    map[[2]uint64]domain.AtasanEntry
	settings  *domain.CareerSettings
}

func newFakeRepo() *fakeRepo {
	return &fakeRepo{units: map[uint64]domain.Unit{}, emps: map[uint64]domain.Employee{}, next: 1000,
		accounts: map[uint64]domain.Account{}, passwords: map[uint64]string{}}
}

func (f *fakeRepo) Office(context.Context) (domain.Office, bool, error) {
	return f.office, f.hasOffice, nil
}

func (f *fakeRepo) SetupOffice(_ context.Context, o domain.Office, names []string, admin domain.Account, pw string) (domain.Account, error) {
	if f.fail != nil {
		return domain.Account{}, f.fail
	}
	if len(f.accounts) > 0 {
		return domain.Account{}, domain.Errorf(domain.ECONFLICT, "Kantor sudah disiapkan.")
	}
	f.writes++
	if o.Name != "" {
		f.office, f.hasOffice = o, true
	}
	f.next++
	admin.ID = f.next
	f.accounts[admin.ID] = admin
	f.passwords[admin.ID] = pw
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			f.next++
			f.units[f.next] = domain.Unit{ID: f.next, Name: n}
		}
	}
	return admin, nil
}

func (f *fakeRepo) LoadDemoOffice(_ context.Context, o domain.Office, us []domain.UnitNode, es []domain.Employee, rs []domain.Riwayat) error {
	if f.fail != nil {
		return f.fail
	}
	f.writes++
	f.office, f.hasOffice = o, true
	for _, u := range us {
		f.units[u.ID] = u.Unit
	}
	for _, r := range rs {
		if f.riwayat == nil {
			f.riwayat = map[uint64][]domain.Riwayat{}
		}
		f.riwayat[r.EmployeeID] = append(f.riwayat[r.EmployeeID], r)
	}
	for _, e := range es {
		f.emps[e.ID] = e
	}
	f.addDemoAccounts()
	return nil
}

// addDemoAccounts mirrors the store's demo logins on the test office:
// admin; penilai = Bambang (atasan of 2 and 3); pegawai = Siti.
func (f *fakeRepo) addDemoAccounts() {
	add := func(id uint64, user string, emp uint64, roles ...domain.Role) {
		f.accounts[id] = domain.Account{ID: id, Username: user, Name: user, Roles: roles, EmployeeID: emp}
		f.passwords[id] = "contoh123"
	}
	add(901, "admin", 0, domain.RoleAdmin)
	add(902, "penilai", 1, domain.RolePenilai, domain.RolePegawai)
	add(903, "pegawai", 2, domain.RolePegawai)
	add(904, "pimpinan", 1, domain.RolePimpinan)
}

func (f *fakeRepo) ResetOffice(context.Context) error {
	f.writes++
	f.office, f.hasOffice = domain.Office{}, false
	f.units = map[uint64]domain.Unit{}
	f.emps = map[uint64]domain.Employee{}
	return nil
}

func (f *fakeRepo) ListRows(ctx context.Context) ([]domain.Row, error) {
	var out []domain.Row
	a := domain.ActorFrom(ctx)
	for _, e := range f.emps {
		if domain.CanViewEmployee(a, e) == nil {
			out = append(out, domain.RowOf(e))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (f *fakeRepo) Employee(ctx context.Context, id uint64) (domain.Employee, error) {
	e, ok := f.emps[id]
	if !ok {
		return e, domain.Errorf(domain.ENOTFOUND, "Pegawai tidak ditemukan.")
	}
	if err := domain.CanViewEmployee(domain.ActorFrom(ctx), e); err != nil {
		return domain.Employee{}, err
	}
	return e, nil
}

func (f *fakeRepo) check(ctx context.Context, e domain.Employee) error {
	if f.fail != nil {
		return f.fail
	}
	if err := domain.CanEditEmployee(domain.ActorFrom(ctx)); err != nil {
		return err
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

func (f *fakeRepo) CreateEmployee(ctx context.Context, e domain.Employee) (uint64, error) {
	if err := f.check(ctx, e); err != nil {
		return 0, err
	}
	f.writes++
	f.next++
	e.ID = f.next
	f.emps[e.ID] = e
	return e.ID, nil
}

func (f *fakeRepo) UpdateEmployee(ctx context.Context, e domain.Employee) error {
	if err := f.check(ctx, e); err != nil {
		return err
	}
	f.writes++
	f.log(ctx, domain.ActionUpdate, "pegawai", e.ID, domain.DiffEmployee(f.emps[e.ID], e))
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

func (f *fakeRepo) log(ctx context.Context, action, entity string, id uint64, summary []string) {
	a := domain.ActorFrom(ctx)
	f.audit = append([]domain.AuditEntry{{ID: uint64(len(f.audit) + 1), Time: fixedNow(), AccountID: a.AccountID, Account: a.Label(),
		Action: action, Entity: entity, EntityID: id, Summary: summary}}, f.audit...)
}

func (f *fakeRepo) CreateFirstAdmin(ctx context.Context, a domain.Account, pw string) (domain.Account, error) {
	return f.SetupOffice(ctx, domain.Office{}, nil, a, pw)
}

func (f *fakeRepo) HasAccounts(context.Context) (bool, error) { return len(f.accounts) > 0, nil }

func (f *fakeRepo) Login(ctx context.Context, user, pw string) (domain.Account, error) {
	for id, a := range f.accounts {
		if a.Username == user && f.passwords[id] == pw {
			f.log(domain.WithActor(ctx, domain.ActorOf(a)), domain.ActionLogin, "akun", id, nil)
			return a, nil
		}
	}
	f.audit = append([]domain.AuditEntry{{Time: fixedNow(), Account: user, Action: domain.ActionLoginFailed, Entity: "akun"}}, f.audit...)
	return domain.Account{}, domain.Errorf(domain.EINVALID, "Nama pengguna atau kata sandi salah.")
}

func (f *fakeRepo) Logout(ctx context.Context) error {
	f.log(ctx, domain.ActionLogout, "akun", domain.ActorFrom(ctx).AccountID, nil)
	return nil
}

func (f *fakeRepo) Accounts(ctx context.Context) ([]domain.Account, error) {
	if err := domain.CanManageAccounts(domain.ActorFrom(ctx)); err != nil {
		return nil, err
	}
	var out []domain.Account
	for _, a := range f.accounts {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Username < out[j].Username })
	return out, nil
}

func (f *fakeRepo) CreateAccount(ctx context.Context, a domain.Account, pw string) (uint64, error) {
	if err := domain.CanManageAccounts(domain.ActorFrom(ctx)); err != nil {
		return 0, err
	}
	f.next++
	a.ID = f.next
	f.accounts[a.ID], f.passwords[a.ID] = a, pw
	f.log(ctx, domain.ActionCreate, "akun", a.ID, []string{"username: " + a.Username})
	return a.ID, nil
}

func (f *fakeRepo) UpdateAccount(ctx context.Context, a domain.Account) error {
	if err := domain.CanManageAccounts(domain.ActorFrom(ctx)); err != nil {
		return err
	}
	f.accounts[a.ID] = a
	return nil
}

func (f *fakeRepo) ChangePassword(ctx context.Context, old, nw string) error {
	id := domain.ActorFrom(ctx).AccountID
	if f.passwords[id] != old {
		return domain.Errorf(domain.EINVALID, "Kata sandi lama salah.")
	}
	f.passwords[id] = nw
	a := f.accounts[id]
	a.MustChangePassword = false
	f.accounts[id] = a
	return nil
}

func (f *fakeRepo) ResetPassword(ctx context.Context, id uint64, pw string) error {
	if err := domain.CanManageAccounts(domain.ActorFrom(ctx)); err != nil {
		return err
	}
	f.passwords[id] = pw
	a := f.accounts[id]
	a.MustChangePassword = true
	f.accounts[id] = a
	return nil
}

func (f *fakeRepo) UnlockAccount(ctx context.Context, id uint64) error {
	return domain.CanManageAccounts(domain.ActorFrom(ctx))
}

func (f *fakeRepo) Audit(ctx context.Context, flt AuditFilter) ([]domain.AuditEntry, error) {
	if err := domain.CanViewAudit(domain.ActorFrom(ctx)); err != nil {
		return nil, err
	}
	var out []domain.AuditEntry
	for _, e := range f.audit {
		if flt.Entity != "" && e.Entity != flt.Entity {
			continue
		}
		out = append(out, e)
	}
	return out, nil
}

func (f *fakeRepo) Backup(ctx context.Context, dir, pass string) (string, error) {
	if err := domain.CanBackup(domain.ActorFrom(ctx)); err != nil {
		return "", err
	}
	p := dir + "/asndesk-20261123-093000.db"
	f.backups = append(f.backups, BackupInfo{Path: p, Time: fixedNow(), Size: 1 << 20, OK: true})
	return p, nil
}

func (f *fakeRepo) BackupDir() string { return "/data/cadangan" }

func (f *fakeRepo) ListBackups(context.Context, string, string) ([]BackupInfo, error) {
	return f.backups, nil
}

func (f *fakeRepo) Check(context.Context) ([]string, error) { return nil, nil }

func (f *fakeRepo) Compact(context.Context) (int64, int64, error) { return 4 << 20, 1 << 20, nil }

func (f *fakeRepo) Restore(ctx context.Context, src, pass string) error {
	if err := domain.CanBackup(domain.ActorFrom(ctx)); err != nil {
		return err
	}
	f.restored = src
	return nil
}

// --- riwayat, tree, atasan map, settings (issue 5) ---

func (f *fakeRepo) Riwayat(ctx context.Context, emp uint64, kind domain.RiwayatKind) ([]domain.Riwayat, error) {
	if _, err := f.Employee(ctx, emp); err != nil {
		return nil, err
	}
	var out []domain.Riwayat
	for _, r := range f.riwayat[emp] {
		if r.Kind == kind {
			out = append(out, r)
		}
	}
	domain.SortRiwayat(out)
	return out, nil
}

func (f *fakeRepo) SaveRiwayat(ctx context.Context, r domain.Riwayat) (uint64, error) {
	if err := domain.CanEditEmployee(domain.ActorFrom(ctx)); err != nil {
		return 0, err
	}
	if fe := domain.ValidateRiwayat(r, f.emps[r.EmployeeID]); len(fe) > 0 {
		return 0, fe
	}
	if f.riwayat == nil {
		f.riwayat = map[uint64][]domain.Riwayat{}
	}
	f.writes++
	list := f.riwayat[r.EmployeeID]
	if r.ID == 0 {
		f.next++
		r.ID = f.next
		list = append(list, r)
	} else {
		for i := range list {
			if list[i].ID == r.ID {
				list[i] = r
			}
		}
	}
	f.riwayat[r.EmployeeID] = list
	if r.Pangkat != nil {
		if p, ok := domain.LatestPangkat(list); ok {
			e := f.emps[r.EmployeeID]
			e.Golongan = p.Golongan
			f.emps[r.EmployeeID] = e
		}
	}
	return r.ID, nil
}

func (f *fakeRepo) DeleteRiwayat(ctx context.Context, emp, id uint64) error {
	if err := domain.CanEditEmployee(domain.ActorFrom(ctx)); err != nil {
		return err
	}
	list := f.riwayat[emp]
	for i := range list {
		if list[i].ID == id {
			f.riwayat[emp] = append(list[:i:i], list[i+1:]...)
			f.writes++
			return nil
		}
	}
	return domain.Errorf(domain.ENOTFOUND, "Riwayat tidak ditemukan.")
}

func (f *fakeRepo) AllRiwayat(ctx context.Context, emp uint64) ([]domain.Riwayat, error) {
	if _, err := f.Employee(ctx, emp); err != nil {
		return nil, err
	}
	out := append([]domain.Riwayat(nil), f.riwayat[emp]...)
	domain.SortRiwayat(out)
	return out, nil
}

func (f *fakeRepo) AllEmployees(ctx context.Context) ([]domain.Employee, error) {
	var out []domain.Employee
	for _, e := range f.emps {
		if domain.CanViewEmployee(domain.ActorFrom(ctx), e) == nil {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (f *fakeRepo) AllRiwayatByEmployee(context.Context) (map[uint64][]domain.Riwayat, error) {
	return f.riwayat, nil
}

func (f *fakeRepo) Settings(context.Context) (domain.CareerSettings, error) {
	if f.settings != nil {
		return *f.settings, nil
	}
	return domain.DefaultCareerSettings(), nil
}

func (f *fakeRepo) SaveSettings(ctx context.Context, s domain.CareerSettings) error {
	if err := domain.CanManageOffice(domain.ActorFrom(ctx)); err != nil {
		return err
	}
	f.settings = &s
	return nil
}

func (f *fakeRepo) UnitTree(context.Context) ([]domain.UnitNode, error) {
	var out []domain.UnitNode
	for _, u := range f.units {
		out = append(out, domain.UnitNode{Unit: u, ParentID: f.parents[u.ID], HeadID: f.heads[u.ID]})
	}
	return out, nil
}

func (f *fakeRepo) SaveUnitNode(ctx context.Context, n domain.UnitNode) (uint64, error) {
	if err := domain.CanManageOffice(domain.ActorFrom(ctx)); err != nil {
		return 0, err
	}
	id, err := f.SaveUnit(ctx, n.Unit)
	if err != nil {
		return 0, err
	}
	if f.parents == nil {
		f.parents, f.heads = map[uint64]uint64{}, map[uint64]uint64{}
	}
	f.parents[id], f.heads[id] = n.ParentID, n.HeadID
	return id, nil
}

func (f *fakeRepo) AtasanMap(_ context.Context, year int) ([]domain.AtasanEntry, error) {
	var out []domain.AtasanEntry
	for _, e := range f.emps {
		if !e.Status.Active() {
			continue
		}
		a := domain.AtasanEntry{Year: year, EmployeeID: e.ID, AtasanID: e.AtasanID}
		if o, ok := f.atasan[[2]uint64{uint64(year), e.ID}]; ok {
			a = o
		}
		a.AtasanPenilaiID = f.emps[a.AtasanID].AtasanID
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].EmployeeID < out[j].EmployeeID })
	return out, nil
}

func (f *fakeRepo) SetAtasan(ctx context.Context, a domain.AtasanEntry) error {
	if err := domain.CanManageOffice(domain.ActorFrom(ctx)); err != nil {
		return err
	}
	if a.AtasanID == a.EmployeeID {
		return domain.Errorf(domain.EINVALID, "Pegawai tidak dapat menjadi atasannya sendiri.")
	}
	if f.atasan == nil {
		f.atasan = map[[2]uint64]domain.AtasanEntry{}
	}
	f.atasan[[2]uint64{uint64(a.Year), a.EmployeeID}] = a
	return nil
}

func (f *fakeRepo) ClearAtasan(_ context.Context, year int, emp uint64) error {
	delete(f.atasan, [2]uint64{uint64(year), emp})
	return nil
}

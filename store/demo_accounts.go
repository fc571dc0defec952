package store

import (
	"asndesk/domain"
	"asndesk/domain/demo"
)

// DemoPassword is the documented password of every demo account. It exists
// only in the demo office: a real office never gets a default password.
const DemoPassword = "contoh123"

// DemoAccount describes one documented demo login, for the login screen
// and the README.
type DemoAccount struct {
	Username string
	Password string
	Roles    string // "Penilai, Pegawai"
}

// demoSpec is a demo account and the employee it is linked to.
type demoSpec struct {
	username string
	name     string // for the unlinked Admin; linked accounts take the employee's name
	roles    []domain.Role
	pick     demoPick
}

type demoPick int

const (
	pickNone     demoPick = iota // pure Admin, no employee
	pickHead                     // the head: AtasanID == 0
	pickPenilai                  // an atasan of at least one other active employee, not the head
	pickPegawai                  // an active employee who is nobody's atasan
	pickPegawai2                 // another such employee
)

var demoSpecs = []demoSpec{
	{username: "admin", name: "Admin Contoh", roles: []domain.Role{domain.RoleAdmin}, pick: pickNone},
	{username: "pimpinan", roles: []domain.Role{domain.RolePimpinan}, pick: pickHead},
	{username: "penilai", roles: []domain.Role{domain.RolePenilai, domain.RolePegawai}, pick: pickPenilai},
	{username: "pegawai", roles: []domain.Role{domain.RolePegawai}, pick: pickPegawai},
	{username: "merit", roles: []domain.Role{domain.RolePegawai, domain.RoleTimMerit}, pick: pickPegawai2},
}

// DemoAccounts lists the accounts LoadOffice creates in the demo office,
// all with DemoPassword: admin (Admin, no employee), pimpinan (Pimpinan,
// the head of the office), penilai (Penilai and Pegawai, an atasan who is
// not the head), pegawai (Pegawai, someone who is nobody's atasan) and
// merit (Tim Merit and Pegawai, another such employee). A very small demo
// office may lack a suitable employee for some of them; those are skipped.
func DemoAccounts() []DemoAccount {
	out := make([]DemoAccount, len(demoSpecs))
	for i, d := range demoSpecs {
		out[i] = DemoAccount{Username: d.username, Password: DemoPassword, Roles: rolesLabel(d.roles)}
	}
	return out
}

// demoAccount is a demo account ready to insert.
type demoAccount struct {
	acct domain.Account
	hash string
}

// planDemoAccounts links the demo accounts to employees (demo.LoginEmployees
// decides who, so that the demo's SKP cycle fits the logins) and hashes
// their passwords.
func (s *Store) planDemoAccounts(rows []domain.Row) ([]demoAccount, error) {
	l := demo.LoginEmployees(rows)
	names := make(map[uint64]string, len(rows))
	for _, r := range rows {
		names[r.ID] = r.Nama
	}
	var out []demoAccount
	for _, d := range demoSpecs {
		a := domain.Account{Username: d.username, Name: d.name, Roles: d.roles}
		if d.pick != pickNone {
			id := map[demoPick]uint64{pickHead: l.Head, pickPenilai: l.Penilai, pickPegawai: l.Pegawai, pickPegawai2: l.Pegawai2}[d.pick]
			if id == 0 {
				continue
			}
			a.EmployeeID, a.Name = id, names[id]
		}
		hash, err := hashPassword(DemoPassword, s.cost)
		if err != nil {
			return nil, err
		}
		out = append(out, demoAccount{acct: a, hash: hash})
	}
	return out, nil
}

package store

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

const (
	msgOfficeExists = "Berkas data ini sudah berisi kantor. Tinggalkan kantor yang ada lebih dulu."
	msgOfficeName   = "Nama kantor wajib diisi."
)

// Office returns the office the file belongs to; ok=false on first run,
// before SetupOffice or LoadOffice.
func (s *Store) Office(ctx context.Context) (o domain.Office, ok bool, err error) {
	err = s.view(ctx, "get office", func(tx *bolt.Tx) error {
		mb := tx.Bucket(bucketMeta)
		if mb == nil {
			return nil
		}
		v := mb.Get(metaOffice)
		if v == nil {
			return nil
		}
		var derr error
		if o, derr = decodeOffice(v); derr != nil {
			return corrupt("kantor", 0, derr)
		}
		ok = true
		return nil
	})
	if err != nil {
		return domain.Office{}, false, err
	}
	return o, ok, nil
}

// SetupOffice starts a new office ("Mulai kantor baru"): in one
// transaction it writes the office, its unit kerja and the first Admin
// account, and audits them. Unit names are trimmed; empty names and names
// repeating an earlier one (ignoring case) are skipped. admin's roles must
// include Admin; password is checked with domain.ValidatePassword: a real
// office never gets a default password. Any actor may call it (it is the
// first screen), but only while the file has neither an office nor an
// account: ECONFLICT otherwise. It returns the new Admin account.
func (s *Store) SetupOffice(ctx context.Context, o domain.Office, unitNames []string, admin domain.Account,
	password string) (domain.Account, error) {
	const op = "setup office"
	if err := ctx.Err(); err != nil {
		return domain.Account{}, err
	}
	o.Name = strings.TrimSpace(o.Name)
	if o.Name == "" {
		return domain.Account{}, boundary(op, fail(domain.EINVALID, msgOfficeName, nil))
	}
	o.Demo = false // the demo office comes only from LoadOffice
	var names []string
	for _, n := range unitNames {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if err := domain.ValidateUnitName(n); err != nil {
			return domain.Account{}, boundary(op, err)
		}
		dup := false
		for _, m := range names {
			if strings.EqualFold(m, n) {
				dup = true
				break
			}
		}
		if !dup {
			names = append(names, n)
		}
	}
	admin, hash, err := s.prepareFirstAdmin(admin, password)
	if err != nil {
		return domain.Account{}, boundary(op, err)
	}
	var out domain.Account
	err = s.write(ctx, op, nil, func(tx *bolt.Tx, actor domain.Actor) error {
		mb, err := bucket(tx, bucketMeta)
		if err != nil {
			return err
		}
		if mb.Get(metaOffice) != nil {
			return fail(domain.ECONFLICT, msgOfficeExists, nil)
		}
		if err := noAccounts(tx); err != nil {
			return err
		}
		ub, err := bucket(tx, bucketUnits)
		if err != nil {
			return err
		}
		existing, err := allUnits(tx)
		if err != nil {
			return err
		}
		var added []string
		for _, n := range names {
			if _, taken := unitNameTaken(existing, n, 0); taken {
				continue
			}
			id, err := ub.NextSequence()
			if err != nil {
				return err
			}
			v, err := encodeUnit(domain.Unit{ID: id, Name: n})
			if err != nil {
				return err
			}
			if err := ub.Put(idKey(id), v); err != nil {
				return err
			}
			added = append(added, n)
		}
		v, err := encodeOffice(o)
		if err != nil {
			return err
		}
		if err := mb.Put(metaOffice, v); err != nil {
			return err
		}
		r, err := s.insertAccount(tx, actor, admin, hash, false)
		if err != nil {
			return err
		}
		out = r.toDomain()
		if actor.IsZero() {
			actor = domain.ActorOf(out)
		}
		sum := []string{"nama: " + strconv.Quote(o.Name)}
		if len(added) > 0 {
			sum = append(sum, "unit kerja: "+strings.Join(added, ", "))
		}
		return appendAudit(tx, actor, s.stamp(), domain.AuditEntry{Action: domain.ActionSetup, Entity: EntityOffice,
			Summary: sum})
	})
	if err != nil {
		return domain.Account{}, err
	}
	return out, nil
}

// LoadOffice writes a whole demo office at once: the office, its units,
// its employees, whose ids the caller has assigned (UnitID and AtasanID
// refer to them), and the documented demo accounts (see DemoAccounts),
// linked to suitable employees. Only a demo office (o.Demo) may be loaded
// this way: a real office starts with SetupOffice and its own Admin.
//
// It is a system operation: any actor, even no login, may call it, but the
// file must be empty (no office, units, employees or accounts; else
// ECONFLICT). Employees are validated like CreateEmployee, and NIP/NIK must
// be unique among active ones. Zero Created/Updated are set to now.
// Everything is one transaction, audited; the id sequences are moved past
// the largest ids so later creates get fresh ids.
func (s *Store) LoadOffice(ctx context.Context, o domain.Office, units []domain.Unit, emps []domain.Employee) error {
	nodes := make([]domain.UnitNode, len(units))
	for i, u := range units {
		nodes[i] = domain.UnitNode{Unit: u}
	}
	return s.LoadDemoOffice(ctx, o, nodes, emps, nil)
}

// LoadDemoOffice is LoadOffice with the unit tree (parents and heads, which
// refer to the given unit and employee ids) and the employees' riwayat.
// Riwayat entries are checked like SaveRiwayat; an entry with ID 0 gets
// the next free id, others keep theirs (unique). Each employee's
// golongan, jabatan and pendidikan terakhir are then taken from the
// latest entries of their lists, as every later write keeps them. The
// tree must obey SaveUnitNode's rules. Everything is one transaction.
func (s *Store) LoadDemoOffice(ctx context.Context, o domain.Office, units []domain.UnitNode, emps []domain.Employee,
	rws []domain.Riwayat) error {
	const op = "load office"
	if err := ctx.Err(); err != nil {
		return err
	}
	o.Name = strings.TrimSpace(o.Name)
	if o.Name == "" {
		return boundary(op, fail(domain.EINVALID, msgOfficeName, nil))
	}
	if !o.Demo {
		return boundary(op, fail(domain.EINVALID, "Hanya kantor contoh yang dapat dimuat sekaligus; "+
			"kantor sungguhan dimulai dengan menyiapkan kantor dan akun Admin-nya.", nil))
	}

	us := make([]domain.UnitNode, len(units))
	plain := make([]domain.Unit, len(units))
	unitIDs := make(map[uint64]bool, len(units))
	for i, u := range units {
		u.Name = strings.TrimSpace(u.Name)
		if err := domain.ValidateUnitName(u.Name); err != nil {
			return boundary(op, err)
		}
		if u.ID == 0 || unitIDs[u.ID] {
			return boundary(op, fail(domain.EINVALID, fmt.Sprintf("Unit kerja %q tidak punya ID tersendiri.", u.Name), nil))
		}
		if _, taken := unitNameTaken(plain[:i], u.Name, 0); taken {
			return boundary(op, unitConflict(u.Name))
		}
		unitIDs[u.ID] = true
		us[i], plain[i] = u, u.Unit
	}
	sort.Slice(us, func(i, j int) bool { return us[i].ID < us[j].ID })
	tree := newUnitTree(us)
	for _, u := range us {
		if u.ParentID != 0 && !unitIDs[u.ParentID] {
			return boundary(op, fail(domain.EINVALID, fmt.Sprintf("Unit kerja %q merujuk unit induk #%d yang tidak ada.", u.Name, u.ParentID), nil))
		}
		if tree.isAncestor(u.ID, u.ParentID) {
			return boundary(op, fail(domain.EINVALID, fmt.Sprintf("Unit kerja %q: %s", u.Name, msgUnitCycle), nil))
		}
		if d := tree.depth(u.ID); d > domain.MaxUnitDepth {
			return boundary(op, fail(domain.EINVALID, fmt.Sprintf("Unit kerja %q berada di tingkat %d; paling banyak %d tingkat.",
				u.Name, d, domain.MaxUnitDepth), nil))
		}
	}

	es := make([]domain.Employee, len(emps))
	empIDs := make(map[uint64]bool, len(emps))
	now := s.stamp()
	for i, e := range emps {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if e.ID == 0 || empIDs[e.ID] {
			return boundary(op, fail(domain.EINVALID, fmt.Sprintf("Pegawai %q tidak punya ID tersendiri.", e.Nama), nil))
		}
		e, err := prepareEmployee(e) // shadows the loop variable on purpose
		if err != nil {
			return boundary(op, fmt.Errorf("employee %d: %w", e.ID, err))
		}
		if e.Created.IsZero() {
			e.Created = now
		}
		if e.Updated.IsZero() {
			e.Updated = e.Created
		}
		empIDs[e.ID] = true
		es[i] = e
	}
	for _, u := range us {
		if u.HeadID != 0 && !empIDs[u.HeadID] {
			return boundary(op, fail(domain.EINVALID, fmt.Sprintf("Unit kerja %q: %s", u.Name, msgHeadGone), nil))
		}
	}
	rs, err := prepareDemoRiwayat(ctx, es, rws, unitIDs, now)
	if err != nil {
		return boundary(op, err)
	}
	activeNIP := make(map[string]string)
	activeNIK := make(map[string]string)
	for _, e := range es {
		if e.UnitID != 0 && !unitIDs[e.UnitID] {
			return boundary(op, fieldErr(domain.EINVALID, domain.FieldUnit,
				fmt.Sprintf("Pegawai %s merujuk unit kerja #%d yang tidak ada.", e.Nama, e.UnitID)))
		}
		if e.AtasanID != 0 && !empIDs[e.AtasanID] {
			return boundary(op, fieldErr(domain.EINVALID, domain.FieldAtasan,
				fmt.Sprintf("Pegawai %s merujuk atasan #%d yang tidak ada.", e.Nama, e.AtasanID)))
		}
		if !e.Status.Active() {
			continue
		}
		if other, dup := activeNIP[e.NIP]; dup {
			return boundary(op, fieldErr(domain.ECONFLICT, domain.FieldNIP, fmt.Sprintf("%s %s sudah dipakai oleh %s (pegawai aktif).",
				nipLabel(e.Kind), domain.FormatNIP(e.NIP), other)))
		}
		activeNIP[e.NIP] = e.FullName()
		if e.NIK == "" {
			continue
		}
		if other, dup := activeNIK[e.NIK]; dup {
			return boundary(op, fieldErr(domain.ECONFLICT, domain.FieldNIK, fmt.Sprintf("NIK %s sudah dipakai oleh %s (pegawai aktif).",
				e.NIK, other)))
		}
		activeNIK[e.NIK] = e.FullName()
	}
	sort.Slice(es, func(i, j int) bool { return es[i].ID < es[j].ID })
	if len(rs) > 0 { // the latest entries give the profiles
		byEmp := make(map[uint64][]domain.Riwayat)
		for _, r := range rs {
			if isProfileKind(r.Kind) {
				byEmp[r.EmployeeID] = append(byEmp[r.EmployeeID], r)
			}
		}
		for i, e := range es {
			if list := byEmp[e.ID]; len(list) > 0 {
				n := deriveProfile(e, list)
				if sameProfileFields(e, n) {
					continue
				}
				if n, err = prepareEmployee(n); err != nil {
					return boundary(op, fmt.Errorf("employee %d: %w", e.ID, err))
				}
				es[i] = n
			}
		}
	}

	rows := make([]domain.Row, len(es))
	for i, e := range es {
		rows[i] = domain.RowOf(e)
	}
	demoAccts, err := s.planDemoAccounts(rows) // hashes outside the transaction
	if err != nil {
		return boundary(op, err)
	}

	return s.write(ctx, op, nil, func(tx *bolt.Tx, actor domain.Actor) error {
		mb, err := bucket(tx, bucketMeta)
		if err != nil {
			return err
		}
		eb, err := bucket(tx, bucketEmployees)
		if err != nil {
			return err
		}
		rb, err := bucket(tx, bucketRows)
		if err != nil {
			return err
		}
		ub, err := bucket(tx, bucketUnits)
		if err != nil {
			return err
		}
		rwB, err := bucket(tx, bucketRiwayat)
		if err != nil {
			return err
		}
		nipB, err := bucket(tx, bucketNIP)
		if err != nil {
			return err
		}
		nikB, err := bucket(tx, bucketNIK)
		if err != nil {
			return err
		}
		if mb.Get(metaOffice) != nil {
			return fail(domain.ECONFLICT, msgOfficeExists, nil)
		}
		if k, _ := eb.Cursor().First(); k != nil {
			return fail(domain.ECONFLICT, "Berkas data ini sudah berisi data pegawai. Tinggalkan kantor yang ada lebih dulu.", nil)
		}
		if k, _ := ub.Cursor().First(); k != nil {
			return fail(domain.ECONFLICT, "Berkas data ini sudah berisi unit kerja. Tinggalkan kantor yang ada lebih dulu.", nil)
		}
		if err := noAccounts(tx); err != nil {
			return err
		}
		if actor.IsZero() {
			actor = domain.SystemActor("data contoh")
		}

		// Keys arrive in ascending order: pack the pages full.
		eb.FillPercent, rb.FillPercent, ub.FillPercent, rwB.FillPercent = 1, 1, 1, 1
		for _, u := range us {
			v, err := encodeUnitNode(u)
			if err != nil {
				return err
			}
			if err := ub.Put(idKey(u.ID), v); err != nil {
				return err
			}
		}
		nipKeys := make([][]byte, 0, len(es))
		nikKeys := make([][]byte, 0, len(es))
		for i, e := range es {
			if i%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			v, err := encodeEmployee(e)
			if err != nil {
				return err
			}
			k := idKey(e.ID)
			if err := eb.Put(k, v); err != nil {
				return err
			}
			if err := rb.Put(k, encodeRow(domain.RowOf(e))); err != nil {
				return err
			}
			nipKeys = append(nipKeys, identKey(e.NIP, e.ID))
			if e.NIK != "" {
				nikKeys = append(nikKeys, identKey(e.NIK, e.ID))
			}
		}
		if err := putSorted(nipB, nipKeys); err != nil {
			return err
		}
		if err := putSorted(nikB, nikKeys); err != nil {
			return err
		}
		var maxRw uint64
		for i, r := range rs { // sorted by key
			if i%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			v, err := encodeRiwayat(r)
			if err != nil {
				return err
			}
			code, _ := kindCode(r.Kind)
			if err := rwB.Put(riwayatKey(r.EmployeeID, code, r.ID), v); err != nil {
				return err
			}
			maxRw = max(maxRw, r.ID)
		}
		if maxRw > rwB.Sequence() {
			if err := rwB.SetSequence(maxRw); err != nil {
				return err
			}
		}
		if n := len(es); n > 0 && es[n-1].ID > eb.Sequence() {
			if err := eb.SetSequence(es[n-1].ID); err != nil {
				return err
			}
		}
		if n := len(us); n > 0 && us[n-1].ID > ub.Sequence() {
			if err := ub.SetSequence(us[n-1].ID); err != nil {
				return err
			}
		}
		v, err := encodeOffice(o)
		if err != nil {
			return err
		}
		if err := mb.Put(metaOffice, v); err != nil {
			return err
		}
		if err := appendAudit(tx, actor, now, domain.AuditEntry{Action: domain.ActionSetup, Entity: EntityOffice,
			Summary: []string{"nama: " + strconv.Quote(o.Name) + " (data contoh)",
				fmt.Sprintf("%d unit kerja, %d pegawai, %d riwayat", len(us), len(es), len(rs))}}); err != nil {
			return err
		}
		for _, d := range demoAccts {
			if _, err := s.insertAccount(tx, actor, d.acct, d.hash, false); err != nil {
				return err
			}
		}
		return nil
	})
}

// ResetOffice wipes the demo office: its units, employees, riwayat, atasan
// map, settings, SKPs with everything under them, merit assessments and
// imported instruments, bukti files, accounts, audit trail and every
// index, in one transaction, leaving the file as on first run (the schema
// and creation time stay). Admin or a system actor only;
// a real office is refused, since its data and riwayat perubahan must
// never be deleted from the app. The reset itself is the first entry of
// the new audit trail.
func (s *Store) ResetOffice(ctx context.Context) error {
	return s.write(ctx, "reset office", domain.CanManageOffice, func(tx *bolt.Tx, a domain.Actor) error {
		mb, err := bucket(tx, bucketMeta)
		if err != nil {
			return err
		}
		name := ""
		if v := mb.Get(metaOffice); v != nil {
			o, err := decodeOffice(v)
			if err != nil {
				return corrupt("kantor", 0, err)
			}
			if !o.Demo {
				return fail(domain.EINVALID, "Hanya data contoh yang dapat dihapus. "+
					"Data kantor sungguhan tidak dapat dihapus dari aplikasi.", nil)
			}
			name = o.Name
		}
		for _, name := range [][]byte{bucketEmployees, bucketRows, bucketNIP, bucketNIK, bucketUnits,
			bucketAccounts, bucketAcctName, bucketAudit, bucketRiwayat, bucketAtasan, bucketSettings,
			bucketSKP, bucketSKPRows, bucketSKPEmp, bucketSKPItems, bucketBukti, bucketSKPOrg,
			bucketMeritInst, bucketMerit} {
			if tx.Bucket(name) != nil {
				if err := tx.DeleteBucket(name); err != nil {
					return err
				}
			}
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		if err := mb.Delete(metaOffice); err != nil {
			return err
		}
		return appendAudit(tx, a, s.stamp(), domain.AuditEntry{Action: domain.ActionReset, Entity: EntityOffice,
			Summary: []string{"nama: " + strconv.Quote(name)}})
	})
}

// prepareDemoRiwayat checks the riwayat of a demo office against the
// (prepared) employees, assigns ids to entries without one, sets zero
// Created/Updated to now and returns them sorted by key.
func prepareDemoRiwayat(ctx context.Context, es []domain.Employee, rws []domain.Riwayat, unitIDs map[uint64]bool,
	now time.Time) ([]domain.Riwayat, error) {
	if len(rws) == 0 {
		return nil, nil
	}
	byID := make(map[uint64]int, len(es))
	for i, e := range es {
		byID[e.ID] = i
	}
	out := make([]domain.Riwayat, len(rws))
	used := make(map[uint64]bool, len(rws))
	set := domain.DefaultCareerSettings() // a new office has no settings yet
	var next uint64
	for _, r := range rws {
		next = max(next, r.ID)
	}
	for i, r := range rws {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		ei, ok := byID[r.EmployeeID]
		if !ok {
			return nil, fail(domain.EINVALID, fmt.Sprintf("Riwayat #%d merujuk pegawai #%d yang tidak ada.", r.ID, r.EmployeeID), nil)
		}
		if _, err := kindCode(r.Kind); err != nil {
			return nil, err
		}
		if !r.HasData() {
			return nil, fail(domain.EINVALID, msgRiwayatData, nil)
		}
		if fe := validateRiwayat(r, es[ei], &set); len(fe) > 0 {
			return nil, fmt.Errorf("riwayat %s of employee %d: %w", r.Kind, r.EmployeeID, fe)
		}
		for key, v := range riwayatText(r) {
			if !utf8.ValidString(v) {
				return nil, domain.FieldErrors{key: "Isian berisi karakter yang tidak sah."}
			}
		}
		if r.Jabatan != nil && r.Jabatan.UnitID != 0 && !unitIDs[r.Jabatan.UnitID] {
			return nil, fail(domain.EINVALID, fmt.Sprintf("Riwayat jabatan pegawai #%d merujuk unit kerja #%d yang tidak ada.",
				r.EmployeeID, r.Jabatan.UnitID), nil)
		}
		if r.ID == 0 {
			next++
			r.ID = next
		} else if used[r.ID] {
			return nil, fail(domain.EINVALID, fmt.Sprintf("Riwayat #%d tidak punya ID tersendiri.", r.ID), nil)
		}
		used[r.ID] = true
		if r.Created.IsZero() {
			r.Created = now
		}
		if r.Updated.IsZero() {
			r.Updated = r.Created
		}
		out[i] = r
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.EmployeeID != b.EmployeeID {
			return a.EmployeeID < b.EmployeeID
		}
		if ca, cb := riwayatKindCodes[a.Kind], riwayatKindCodes[b.Kind]; ca != cb {
			return ca < cb
		}
		return a.ID < b.ID
	})
	return out, nil
}

package store

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

const (
	msgBadLogin        = "Nama pengguna atau kata sandi salah."
	msgAccountNotFound = "Akun tidak ditemukan."
	msgLastAdmin       = "Harus tersisa paling sedikit satu Admin aktif."
	msgDisabled        = "Akun ini dinonaktifkan. Hubungi Admin."
	msgOldPassword     = "Kata sandi lama salah."
	msgPasswordTooLong = "Kata sandi terlalu panjang."
	msgSamePassword    = "Kata sandi baru harus berbeda dari yang lama."
	msgNoRoles         = "Pilih paling sedikit satu peran."
	msgNeedEmployee    = "Akun selain Admin murni harus ditautkan ke seorang pegawai."
	msgNoEmployee      = "Pegawai yang dipilih tidak ditemukan."
	msgNameTooLong     = "Nama akun terlalu panjang (paling banyak 100 karakter)."
	msgNameInvalid     = "Nama akun berisi karakter yang tidak sah."
	msgUsernameFixed   = "Nama pengguna tidak dapat diubah."
	msgSetupAdminRole  = "Akun pertama harus berperan Admin."
)

func msgUsernameTaken(u string) string { return "Nama pengguna " + u + " sudah dipakai." }

func msgLockedFor(d time.Duration) string {
	sec := int(math.Ceil(d.Seconds()))
	return "Terlalu banyak percobaan. Coba lagi dalam " + strconv.Itoa(max(sec, 1)) + " detik."
}

// Login throttling: after lockAfter consecutive failures an account is
// locked for lockBase, doubling with each further failure, at most lockMax.
const (
	lockAfter = 5
	lockBase  = 30 * time.Second
	lockMax   = 15 * time.Minute
)

// lockDelay is how long the failures-th consecutive failure locks the
// account (0 below lockAfter).
func lockDelay(failures int) time.Duration {
	if failures < lockAfter {
		return 0
	}
	d := lockBase
	for i := lockAfter; i < failures && d < lockMax; i++ {
		d *= 2
	}
	return min(d, lockMax)
}

// Fields of account forms, for domain.Error.Field.
const (
	FieldUsername    = "username"
	FieldPassword    = "password"
	FieldOldPassword = "old_password"
	FieldAccountName = "name"
	FieldRoles       = "roles"
	FieldEmployee    = "employee"
)

// accountRec is the stored form of an account: domain.Account plus what
// never leaves the store (the hash and the login counters).
type accountRec struct {
	V              int       `json:"v"`
	ID             uint64    `json:"id"`
	Username       string    `json:"username"`
	Name           string    `json:"name"`
	Roles          []int     `json:"roles"`
	EmployeeID     uint64    `json:"employee_id,omitempty"`
	Hash           string    `json:"hash"` // argon2id, PHC string
	MustChange     bool      `json:"must_change,omitempty"`
	Disabled       bool      `json:"disabled,omitempty"`
	FailedAttempts int       `json:"failed_attempts,omitempty"`
	LockedUntil    time.Time `json:"locked_until,omitzero"`
	Created        time.Time `json:"created"`
	Updated        time.Time `json:"updated"`
}

func (r accountRec) toDomain() domain.Account {
	roles := make([]domain.Role, len(r.Roles))
	for i, c := range r.Roles {
		roles[i] = domain.Role(c)
	}
	return domain.Account{ID: r.ID, Username: r.Username, Name: r.Name, Roles: roles, EmployeeID: r.EmployeeID,
		MustChangePassword: r.MustChange, Disabled: r.Disabled, Created: r.Created, Updated: r.Updated}
}

func (r accountRec) has(role domain.Role) bool { return slices.Contains(r.Roles, int(role)) }

func (r accountRec) activeAdmin() bool { return !r.Disabled && r.has(domain.RoleAdmin) }

// roleCodes is the stored form of roles: codes in ascending order, which is
// also the display order.
func roleCodes(rs []domain.Role) []int {
	out := make([]int, len(rs))
	for i, r := range rs {
		out[i] = int(r)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func encodeAccount(r accountRec) ([]byte, error) {
	r.V = accountRecV
	return json.Marshal(r)
}

func decodeAccount(v []byte) (accountRec, error) {
	var r accountRec
	if err := json.Unmarshal(v, &r); err != nil {
		return accountRec{}, err
	}
	if r.V < 1 || r.V > accountRecV {
		return accountRec{}, fmt.Errorf("unknown account record version %d", r.V)
	}
	return r, nil
}

// getAccount reads one account; ok=false if there is none.
func getAccount(tx *bolt.Tx, id uint64) (accountRec, bool, error) {
	b := tx.Bucket(bucketAccounts)
	if b == nil || id == 0 {
		return accountRec{}, false, nil
	}
	v := b.Get(idKey(id))
	if v == nil {
		return accountRec{}, false, nil
	}
	r, err := decodeAccount(v)
	if err != nil {
		return accountRec{}, false, corrupt("akun", id, err)
	}
	r.ID = id
	return r, true, nil
}

// mustAccount is getAccount with ENOTFOUND.
func mustAccount(tx *bolt.Tx, id uint64) (accountRec, error) {
	r, ok, err := getAccount(tx, id)
	if err == nil && !ok {
		err = fail(domain.ENOTFOUND, msgAccountNotFound, nil)
	}
	return r, err
}

// accountByName looks a username up in idx_account_name.
func accountByName(tx *bolt.Tx, username string) (accountRec, bool, error) {
	ib := tx.Bucket(bucketAcctName)
	if ib == nil || username == "" {
		return accountRec{}, false, nil
	}
	id, ok := parseID(ib.Get([]byte(username)))
	if !ok {
		return accountRec{}, false, nil
	}
	return getAccount(tx, id)
}

// allAccounts reads every account in id order.
func allAccounts(tx *bolt.Tx) ([]accountRec, error) {
	b := tx.Bucket(bucketAccounts)
	if b == nil {
		return nil, nil
	}
	var out []accountRec
	err := b.ForEach(func(k, v []byte) error {
		id, _ := parseID(k)
		r, err := decodeAccount(v)
		if err != nil {
			return corrupt("akun", id, err)
		}
		r.ID = id
		out = append(out, r)
		return nil
	})
	return out, err
}

// putAccount writes the record and, for a new account, its username index
// entry. Usernames never change.
func putAccount(tx *bolt.Tx, r accountRec, isNew bool) error {
	b, err := bucket(tx, bucketAccounts)
	if err != nil {
		return err
	}
	v, err := encodeAccount(r)
	if err != nil {
		return err
	}
	if err := b.Put(idKey(r.ID), v); err != nil {
		return err
	}
	if !isNew {
		return nil
	}
	ib, err := bucket(tx, bucketAcctName)
	if err != nil {
		return err
	}
	return ib.Put([]byte(r.Username), idKey(r.ID))
}

// normalizeUsername is what people may type: surrounding blanks and capitals
// are forgiven.
func normalizeUsername(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// checkNewPassword validates a password about to be hashed.
func checkNewPassword(username, pw string) error {
	if len(pw) > maxPasswordBytes {
		return fieldErr(domain.EINVALID, FieldPassword, msgPasswordTooLong)
	}
	return domain.ValidatePassword(username, pw)
}

// prepareAccount normalises and validates an account before the
// transaction: the checks that need no data.
func prepareAccount(a domain.Account) (domain.Account, error) {
	a.Username = normalizeUsername(a.Username)
	if err := domain.ValidateUsername(a.Username); err != nil {
		return a, err
	}
	a.Name = strings.TrimSpace(a.Name)
	if !utf8.ValidString(a.Name) {
		return a, fieldErr(domain.EINVALID, FieldAccountName, msgNameInvalid)
	}
	if utf8.RuneCountInString(a.Name) > 100 {
		return a, fieldErr(domain.EINVALID, FieldAccountName, msgNameTooLong)
	}
	var roles []domain.Role
	for _, r := range a.Roles {
		if r.String() == "" {
			return a, fieldErr(domain.EINVALID, FieldRoles, fmt.Sprintf("Peran #%d tidak dikenal.", int(r)))
		}
		if !slices.Contains(roles, r) {
			roles = append(roles, r)
		}
	}
	if len(roles) == 0 {
		return a, fieldErr(domain.EINVALID, FieldRoles, msgNoRoles)
	}
	slices.Sort(roles)
	a.Roles = roles
	if a.EmployeeID == 0 && !pureAdmin(roles) {
		return a, fieldErr(domain.EINVALID, FieldEmployee, msgNeedEmployee)
	}
	return a, nil
}

func pureAdmin(roles []domain.Role) bool { return len(roles) == 1 && roles[0] == domain.RoleAdmin }

// checkAccountRefs checks, inside the transaction, what prepareAccount
// cannot: the linked employee exists and has no other account, and the
// name defaults to the employee's name or the username.
func checkAccountRefs(tx *bolt.Tx, a *domain.Account, accts []accountRec) error {
	if a.EmployeeID != 0 {
		e, err := getEmployee(tx, a.EmployeeID)
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			return fieldErr(domain.EINVALID, FieldEmployee, msgNoEmployee)
		}
		if err != nil {
			return err
		}
		for _, o := range accts {
			if o.ID != a.ID && o.EmployeeID == a.EmployeeID {
				return fieldErr(domain.ECONFLICT, FieldEmployee,
					fmt.Sprintf("%s sudah punya akun %s.", e.FullName(), o.Username))
			}
		}
		if a.Name == "" {
			a.Name = e.FullName()
		}
	}
	if a.Name == "" {
		a.Name = a.Username
	}
	return nil
}

// accountSummary lists an account's fields for the audit trail (never the
// password or its hash).
func accountSummary(a domain.Account) []string {
	out := []string{
		"nama_pengguna: " + strconv.Quote(a.Username),
		"nama: " + strconv.Quote(a.Name),
		"peran: " + strconv.Quote(rolesLabel(a.Roles)),
	}
	if a.EmployeeID != 0 {
		out = append(out, "pegawai_id: "+strconv.FormatUint(a.EmployeeID, 10))
	}
	if a.Disabled {
		out = append(out, "nonaktif: ya")
	}
	return out
}

func diffAccount(old, new domain.Account) []string {
	var out []string
	add := func(key, a, b string) {
		if a != b {
			out = append(out, key+": "+strconv.Quote(a)+" → "+strconv.Quote(b))
		}
	}
	add("nama", old.Name, new.Name)
	add("peran", rolesLabel(old.Roles), rolesLabel(new.Roles))
	add("pegawai_id", strconv.FormatUint(old.EmployeeID, 10), strconv.FormatUint(new.EmployeeID, 10))
	add("nonaktif", yaTidak(old.Disabled), yaTidak(new.Disabled))
	return out
}

func yaTidak(b bool) string {
	if b {
		return "ya"
	}
	return "tidak"
}

// rolesLabel is "Penilai, Pegawai".
func rolesLabel(rs []domain.Role) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.String()
	}
	return strings.Join(names, ", ")
}

func accountEntry(action string, r accountRec, summary []string) domain.AuditEntry {
	return domain.AuditEntry{Action: action, Entity: EntityAccount, EntityID: r.ID, Employee: r.EmployeeID, Summary: summary}
}

// insertAccount assigns an id and writes a new account with its audit
// entry. a has passed prepareAccount and checkAccountRefs.
func (s *Store) insertAccount(tx *bolt.Tx, actor domain.Actor, a domain.Account, hash string, mustChange bool) (accountRec, error) {
	if _, taken, err := accountByName(tx, a.Username); err != nil {
		return accountRec{}, err
	} else if taken {
		return accountRec{}, fieldErr(domain.ECONFLICT, FieldUsername, msgUsernameTaken(a.Username))
	}
	b, err := bucket(tx, bucketAccounts)
	if err != nil {
		return accountRec{}, err
	}
	id, err := b.NextSequence()
	if err != nil {
		return accountRec{}, err
	}
	now := s.stamp()
	r := accountRec{ID: id, Username: a.Username, Name: a.Name, Roles: roleCodes(a.Roles), EmployeeID: a.EmployeeID,
		Hash: hash, MustChange: mustChange, Disabled: a.Disabled, Created: now, Updated: now}
	if err := putAccount(tx, r, true); err != nil {
		return accountRec{}, err
	}
	if actor.IsZero() {
		actor = domain.ActorOf(r.toDomain()) // first-run set-up: the new Admin acts
	}
	return r, appendAudit(tx, actor, now, accountEntry(domain.ActionCreate, r, accountSummary(r.toDomain())))
}

// HasAccounts reports whether any account exists; false on first run and
// after ResetOffice. No login needed.
func (s *Store) HasAccounts(ctx context.Context) (bool, error) {
	var has bool
	err := s.view(ctx, "has accounts", func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketAccounts); b != nil {
			k, _ := b.Cursor().First()
			has = k != nil
		}
		return nil
	})
	return has, err
}

// Accounts lists every account in id order (Admin only).
func (s *Store) Accounts(ctx context.Context) ([]domain.Account, error) {
	out := []domain.Account{}
	err := s.read(ctx, "list accounts", domain.CanManageAccounts, func(tx *bolt.Tx, _ domain.Actor) error {
		rs, err := allAccounts(tx)
		for _, r := range rs {
			out = append(out, r.toDomain())
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Account returns one account: an Admin may read any, everyone else only
// their own.
func (s *Store) Account(ctx context.Context, id uint64) (domain.Account, error) {
	var out domain.Account
	err := s.read(ctx, "get account", nil, func(tx *bolt.Tx, a domain.Actor) error {
		if a.AccountID == 0 || a.AccountID != id {
			if err := domain.CanManageAccounts(a); err != nil {
				return err
			}
		}
		r, err := mustAccount(tx, id)
		out = r.toDomain()
		return err
	})
	return out, err
}

// CreateAccount adds an account (Admin only) and returns its id. The
// username is trimmed and lower-cased, must be valid and unused; roles must
// not be empty; every account but a pure Admin must be linked to an
// existing employee, and an employee has at most one account. The password
// is checked with domain.ValidatePassword; the user must change it at the
// first login (MustChangePassword is set whatever a says). An empty Name
// becomes the employee's name, or the username.
func (s *Store) CreateAccount(ctx context.Context, a domain.Account, password string) (uint64, error) {
	const op = "create account"
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if err := precheck(ctx, op, domain.CanManageAccounts); err != nil {
		return 0, err
	}
	a.ID = 0
	a, err := prepareAccount(a)
	if err != nil {
		return 0, boundary(op, err)
	}
	if err := checkNewPassword(a.Username, password); err != nil {
		return 0, boundary(op, err)
	}
	hash, err := hashPassword(password, s.cost) // outside the transaction: it takes a while
	if err != nil {
		return 0, boundary(op, err)
	}
	var id uint64
	err = s.write(ctx, op, domain.CanManageAccounts, func(tx *bolt.Tx, actor domain.Actor) error {
		accts, err := allAccounts(tx)
		if err != nil {
			return err
		}
		if err := checkAccountRefs(tx, &a, accts); err != nil {
			return err
		}
		r, err := s.insertAccount(tx, actor, a, hash, true)
		id = r.ID
		return err
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}

// UpdateAccount changes an account's name, roles, employee link and
// disabled flag (Admin only). The username cannot change. The last active
// Admin can neither lose the role nor be disabled.
func (s *Store) UpdateAccount(ctx context.Context, a domain.Account) error {
	op := "update account " + strconv.FormatUint(a.ID, 10)
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.write(ctx, op, domain.CanManageAccounts, func(tx *bolt.Tx, actor domain.Actor) error {
		old, err := mustAccount(tx, a.ID)
		if err != nil {
			return err
		}
		if u := normalizeUsername(a.Username); u != "" && u != old.Username {
			return fieldErr(domain.EINVALID, FieldUsername, msgUsernameFixed)
		}
		a.Username = old.Username
		if a, err = prepareAccount(a); err != nil {
			return err
		}
		accts, err := allAccounts(tx)
		if err != nil {
			return err
		}
		if err := checkAccountRefs(tx, &a, accts); err != nil {
			return err
		}
		r := old
		r.Name, r.Roles, r.EmployeeID, r.Disabled = a.Name, roleCodes(a.Roles), a.EmployeeID, a.Disabled
		admins := 0
		for _, o := range accts {
			if o.ID == r.ID {
				o = r
			}
			if o.activeAdmin() {
				admins++
			}
		}
		if admins == 0 {
			return fail(domain.EINVALID, msgLastAdmin, nil)
		}
		now := s.stamp()
		r.Updated = now
		if err := putAccount(tx, r, false); err != nil {
			return err
		}
		return appendAudit(tx, actor, now, accountEntry(domain.ActionUpdate, r, diffAccount(old.toDomain(), r.toDomain())))
	})
}

// ResetPassword gives account id a new password chosen by an Admin; the
// user must change it at the next login. It also lifts a lockout.
func (s *Store) ResetPassword(ctx context.Context, id uint64, newPassword string) error {
	op := "reset password " + strconv.FormatUint(id, 10)
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := precheck(ctx, op, domain.CanManageAccounts); err != nil {
		return err
	}
	var username string
	err := s.read(ctx, op, domain.CanManageAccounts, func(tx *bolt.Tx, _ domain.Actor) error {
		r, err := mustAccount(tx, id)
		username = r.Username
		return err
	})
	if err != nil {
		return err
	}
	if err := checkNewPassword(username, newPassword); err != nil {
		return boundary(op, err)
	}
	hash, err := hashPassword(newPassword, s.cost)
	if err != nil {
		return boundary(op, err)
	}
	return s.write(ctx, op, domain.CanManageAccounts, func(tx *bolt.Tx, actor domain.Actor) error {
		r, err := mustAccount(tx, id)
		if err != nil {
			return err
		}
		now := s.stamp()
		r.Hash, r.MustChange, r.FailedAttempts, r.LockedUntil, r.Updated = hash, true, 0, time.Time{}, now
		if err := putAccount(tx, r, false); err != nil {
			return err
		}
		return appendAudit(tx, actor, now, accountEntry(domain.ActionPasswordReset, r,
			[]string{"wajib ganti kata sandi saat masuk"}))
	})
}

// UnlockAccount lifts a login lockout (Admin only).
func (s *Store) UnlockAccount(ctx context.Context, id uint64) error {
	return s.write(ctx, "unlock account "+strconv.FormatUint(id, 10), domain.CanManageAccounts,
		func(tx *bolt.Tx, actor domain.Actor) error {
			r, err := mustAccount(tx, id)
			if err != nil {
				return err
			}
			now := s.stamp()
			sum := []string{fmt.Sprintf("percobaan gagal: %d → 0", r.FailedAttempts)}
			r.FailedAttempts, r.LockedUntil, r.Updated = 0, time.Time{}, now
			if err := putAccount(tx, r, false); err != nil {
				return err
			}
			return appendAudit(tx, actor, now, accountEntry(domain.ActionUnlock, r, sum))
		})
}

// ChangePassword replaces the password of the context's own account after
// checking the old one, and clears MustChangePassword.
func (s *Store) ChangePassword(ctx context.Context, oldPassword, newPassword string) error {
	const op = "change password"
	if err := ctx.Err(); err != nil {
		return err
	}
	own := func(a domain.Actor) error {
		if a.AccountID == 0 {
			return fail(domain.EFORBIDDEN, "Silakan masuk (login) terlebih dahulu.", nil)
		}
		return nil
	}
	if err := precheck(ctx, op, own); err != nil {
		return err
	}
	var rec accountRec
	err := s.read(ctx, op, own, func(tx *bolt.Tx, a domain.Actor) error {
		var err error
		rec, err = mustAccount(tx, a.AccountID)
		return err
	})
	if err != nil {
		return err
	}
	ok, _, verr := verifyPassword(rec.Hash, oldPassword)
	if verr != nil {
		return boundary(op, corrupt("akun", rec.ID, verr))
	}
	if !ok {
		return boundary(op, fieldErr(domain.EINVALID, FieldOldPassword, msgOldPassword))
	}
	if err := checkNewPassword(rec.Username, newPassword); err != nil {
		return boundary(op, err)
	}
	if newPassword == oldPassword {
		return boundary(op, fieldErr(domain.EINVALID, FieldPassword, msgSamePassword))
	}
	hash, err := hashPassword(newPassword, s.cost)
	if err != nil {
		return boundary(op, err)
	}
	return s.write(ctx, op, own, func(tx *bolt.Tx, actor domain.Actor) error {
		r, err := mustAccount(tx, actor.AccountID)
		if err != nil {
			return err
		}
		if r.Hash != rec.Hash { // changed meanwhile: the old password checked is no longer current
			return fieldErr(domain.EINVALID, FieldOldPassword, msgOldPassword)
		}
		now := s.stamp()
		r.Hash, r.MustChange, r.Updated = hash, false, now
		if err := putAccount(tx, r, false); err != nil {
			return err
		}
		return appendAudit(tx, actor, now, accountEntry(domain.ActionPassword, r, nil))
	})
}

// Login checks a username and password and returns the account. Every
// attempt is audited. An unknown user and a wrong password get the same
// message and take the same time. After five consecutive failures the
// account is locked for 30 s, doubling with every further failure up to
// 15 min; while locked, attempts are refused without checking the password.
// A correct password resets the count. A disabled account is refused.
//
// The hash is checked between two transactions, so the writer lock is not
// held while argon2 runs.
func (s *Store) Login(ctx context.Context, username, password string) (domain.Account, error) {
	const op = "login"
	if err := ctx.Err(); err != nil {
		return domain.Account{}, err
	}
	name := normalizeUsername(username)
	var (
		rec   accountRec
		found bool
	)
	err := s.view(ctx, op, func(tx *bolt.Tx) error {
		var err error
		rec, found, err = accountByName(tx, name)
		return err
	})
	if err != nil {
		return domain.Account{}, err
	}
	now := s.stamp()
	if found && now.Before(rec.LockedUntil) {
		return domain.Account{}, s.loginFailed(ctx, name, rec.ID, "akun terkunci", false,
			fail(domain.EINVALID, msgLockedFor(rec.LockedUntil.Sub(now)), nil))
	}

	var ok bool
	var used PasswordCost
	if found {
		var verr error
		if ok, used, verr = verifyPassword(rec.Hash, password); verr != nil {
			return domain.Account{}, boundary(op, corrupt("akun", rec.ID, verr))
		}
	} else {
		s.burnHash(password) // same time as a real check
	}
	switch {
	case !found:
		return domain.Account{}, s.loginFailed(ctx, name, 0, "nama pengguna tidak dikenal", false,
			fail(domain.EINVALID, msgBadLogin, nil))
	case !ok:
		return domain.Account{}, s.loginFailed(ctx, name, rec.ID, "kata sandi salah", true,
			fail(domain.EINVALID, msgBadLogin, nil))
	case rec.Disabled:
		return domain.Account{}, s.loginFailed(ctx, name, rec.ID, "akun nonaktif", false,
			fail(domain.EFORBIDDEN, msgDisabled, nil))
	}

	newHash := ""
	if used.weakerThan(s.cost) {
		if h, err := hashPassword(password, s.cost); err == nil {
			newHash = h
		}
	}
	var out domain.Account
	err = s.update(ctx, op, func(tx *bolt.Tx) error {
		r, ok, err := getAccount(tx, rec.ID)
		if err != nil {
			return err
		}
		if !ok || r.Hash != rec.Hash || r.Disabled {
			// Changed between the check and now: treat as a failed attempt
			// without counting it (the user will simply try again).
			return fail(domain.EINVALID, msgBadLogin, nil)
		}
		now := s.stamp()
		r.FailedAttempts, r.LockedUntil = 0, time.Time{}
		if newHash != "" {
			r.Hash = newHash
		}
		if err := putAccount(tx, r, false); err != nil {
			return err
		}
		out = r.toDomain()
		return appendAudit(tx, domain.ActorOf(out), now, accountEntry(domain.ActionLogin, r, nil))
	})
	if err != nil {
		return domain.Account{}, err
	}
	return out, nil
}

// loginFailed records a failed attempt and returns refusal. When count is
// set, the account's consecutive failures go up and it may become locked;
// the refusal then says for how long.
func (s *Store) loginFailed(ctx context.Context, name string, id uint64, reason string, count bool, refusal error) error {
	tried := name
	if domain.ValidateUsername(name) != nil {
		// Not a username at all, perhaps a password typed in the wrong
		// box: never write it to the trail.
		tried = "(tidak sah)"
	}
	err := s.update(ctx, "login", func(tx *bolt.Tx) error {
		now := s.stamp()
		sum := []string{"nama_pengguna: " + strconv.Quote(tried), "alasan: " + reason}
		e := domain.AuditEntry{Action: domain.ActionLoginFailed, Entity: EntityAccount, EntityID: id, Summary: sum}
		if id != 0 {
			r, ok, err := getAccount(tx, id)
			if err != nil {
				return err
			}
			if ok {
				e.Employee = r.EmployeeID
				if count {
					r.FailedAttempts++
					if d := lockDelay(r.FailedAttempts); d > 0 {
						r.LockedUntil = now.Add(d)
						e.Summary = append(e.Summary, fmt.Sprintf("dikunci %d detik (gagal %d kali berturut-turut)",
							int(d.Seconds()), r.FailedAttempts))
						refusal = fail(domain.EINVALID, msgLockedFor(d), nil)
					}
					if err := putAccount(tx, r, false); err != nil {
						return err
					}
				}
			}
		}
		return appendAudit(tx, domain.Actor{Username: tried}, now, e)
	})
	if err != nil {
		return err
	}
	return boundary("login", refusal)
}

// burnHash spends the time of one password check against a hash of the
// current cost, for unknown usernames.
func (s *Store) burnHash(pw string) {
	s.dummyOnce.Do(func() {
		s.dummyHash, _ = hashPassword("asndesk-dummy-password", s.cost)
	})
	_, _, _ = verifyPassword(s.dummyHash, pw)
}

// Logout records the end of the context's session.
func (s *Store) Logout(ctx context.Context) error {
	a := domain.ActorFrom(ctx)
	if a.IsZero() {
		return boundary("logout", fail(domain.EFORBIDDEN, "Silakan masuk (login) terlebih dahulu.", nil))
	}
	return s.update(ctx, "logout", func(tx *bolt.Tx) error {
		e := domain.AuditEntry{Action: domain.ActionLogout, Entity: EntityAccount, EntityID: a.AccountID, Employee: a.EmployeeID}
		return appendAudit(tx, a, s.stamp(), e)
	})
}

// CreateFirstAdmin creates the first Admin account of a file that has an
// office but no account: a file made before accounts existed (schema 2 and
// older), migrated to schema 3. Any actor may call it, but only while no
// account exists. admin's roles must include Admin.
func (s *Store) CreateFirstAdmin(ctx context.Context, admin domain.Account, password string) (domain.Account, error) {
	const op = "create first admin"
	if err := ctx.Err(); err != nil {
		return domain.Account{}, err
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
		if mb.Get(metaOffice) == nil {
			return fail(domain.EINVALID, "Kantor belum disiapkan.", nil)
		}
		if err := noAccounts(tx); err != nil {
			return err
		}
		r, err := s.insertAccount(tx, domain.Actor{}, admin, hash, false)
		out = r.toDomain()
		return err
	})
	return out, err
}

// prepareFirstAdmin validates the first Admin account and hashes its
// password, outside any transaction.
func (s *Store) prepareFirstAdmin(admin domain.Account, password string) (domain.Account, string, error) {
	admin.ID = 0
	admin.Disabled = false
	if !slices.Contains(admin.Roles, domain.RoleAdmin) {
		return admin, "", fieldErr(domain.EINVALID, FieldRoles, msgSetupAdminRole)
	}
	admin, err := prepareAccount(admin)
	if err != nil {
		return admin, "", err
	}
	if admin.EmployeeID != 0 {
		return admin, "", fieldErr(domain.EINVALID, FieldEmployee, "Akun pertama belum dapat ditautkan ke pegawai.")
	}
	if err := checkNewPassword(admin.Username, password); err != nil {
		return admin, "", err
	}
	if admin.Name == "" {
		admin.Name = admin.Username
	}
	hash, err := hashPassword(password, s.cost)
	return admin, hash, err
}

const msgHasAccounts = "Berkas data ini sudah mempunyai akun. Masuk dengan akun Admin."

// noAccounts refuses when any account exists.
func noAccounts(tx *bolt.Tx) error {
	if b := tx.Bucket(bucketAccounts); b != nil {
		if k, _ := b.Cursor().First(); k != nil {
			return fail(domain.ECONFLICT, msgHasAccounts, nil)
		}
	}
	return nil
}

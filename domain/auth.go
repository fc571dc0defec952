package domain

import (
	"context"
	"strings"
	"time"
)

// Role is what an account may do. An account may hold several.
type Role int

// Roles. Stored as these codes; never renumber.
const (
	RoleAdmin    Role = iota + 1 // operator kepegawaian: profiles, units, accounts, settings, backups
	RolePimpinan                 // reads everything, changes only what a penilai may
	RolePenilai                  // sees and rates the employees whose atasan he or she is
	RolePegawai                  // reads own profile, works on own SKP
	RoleTimMerit                 // works on the merit self-assessment
)

// Roles lists every role in display order.
func Roles() []Role { return []Role{RoleAdmin, RolePimpinan, RolePenilai, RolePegawai, RoleTimMerit} }

func (r Role) String() string {
	switch r {
	case RoleAdmin:
		return "Admin"
	case RolePimpinan:
		return "Pimpinan"
	case RolePenilai:
		return "Penilai"
	case RolePegawai:
		return "Pegawai"
	case RoleTimMerit:
		return "Tim Merit"
	}
	return ""
}

// Account is a login of the office PC. Password hashes never leave the store.
type Account struct {
	ID                 uint64
	Username           string
	Name               string // shown in the header and the audit trail
	Roles              []Role
	EmployeeID         uint64 // the employee this account belongs to; 0 only for a pure Admin account
	MustChangePassword bool   // set when an Admin resets the password
	Disabled           bool
	Created            time.Time
	Updated            time.Time
}

// HasRole reports whether the account holds r.
func (a Account) HasRole(r Role) bool {
	for _, x := range a.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// Actor is who performs an action: a logged-in account, or the system
// itself (headless commands, first-run set-up, migrations).
type Actor struct {
	AccountID  uint64
	Username   string
	Roles      []Role
	EmployeeID uint64
	System     string // non-empty for a system actor, e.g. "asndesk demo"
}

// ActorOf returns the actor for a logged-in account.
func ActorOf(a Account) Actor {
	return Actor{AccountID: a.ID, Username: a.Username, Roles: append([]Role(nil), a.Roles...), EmployeeID: a.EmployeeID}
}

// SystemActor is the actor of a headless command or an automatic task. It
// may do everything; it is still written to the audit trail under its name.
func SystemActor(name string) Actor { return Actor{System: name, Username: "sistem:" + name} }

// Has reports whether the actor holds r (a system actor holds every role).
func (a Actor) Has(r Role) bool {
	if a.System != "" {
		return true
	}
	for _, x := range a.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// IsZero reports whether no one is acting (no login yet).
func (a Actor) IsZero() bool { return a.AccountID == 0 && a.System == "" }

// Label is how the actor appears in the audit trail.
func (a Actor) Label() string {
	if a.Username != "" {
		return a.Username
	}
	return "(tidak dikenal)"
}

type actorKey struct{}

// WithActor returns a context carrying the actor. The store reads it on
// every write: the identity travels with the request, as in a server.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor of ctx; the zero Actor when none.
func ActorFrom(ctx context.Context) Actor {
	a, _ := ctx.Value(actorKey{}).(Actor)
	return a
}

func denied(msg string) error { return &Error{Code: EFORBIDDEN, Message: msg} }

// EFORBIDDEN is the code of a refusal by the permission rules.
const EFORBIDDEN = "forbidden"

// ErrForbidden matches any refusal with errors.Is.
var ErrForbidden = &Error{Code: EFORBIDDEN}

func needLogin(a Actor) error {
	if a.IsZero() {
		return denied("Silakan masuk (login) terlebih dahulu.")
	}
	return nil
}

// CanViewEmployee: Admin and Pimpinan see everyone; a Penilai sees the
// employees whose atasan langsung he or she is; everyone sees themself.
func CanViewEmployee(a Actor, target Employee) error {
	if err := needLogin(a); err != nil {
		return err
	}
	switch {
	case a.Has(RoleAdmin), a.Has(RolePimpinan):
		return nil
	case a.EmployeeID != 0 && target.ID == a.EmployeeID:
		return nil
	case a.Has(RolePenilai) && a.EmployeeID != 0 && target.AtasanID == a.EmployeeID:
		return nil
	}
	return denied("Anda tidak berhak melihat data pegawai ini.")
}

// CanEditEmployee: only Admin changes profiles (create, update, status,
// delete). A Penilai rates, a Pegawai works on the SKP: neither edits
// kepegawaian data.
func CanEditEmployee(a Actor) error {
	if err := needLogin(a); err != nil {
		return err
	}
	if a.Has(RoleAdmin) {
		return nil
	}
	return denied("Hanya Admin (operator kepegawaian) yang dapat mengubah data pegawai.")
}

// CanManageOffice covers units, settings and the office itself.
func CanManageOffice(a Actor) error {
	if err := needLogin(a); err != nil {
		return err
	}
	if a.Has(RoleAdmin) {
		return nil
	}
	return denied("Hanya Admin yang dapat mengubah unit kerja dan pengaturan kantor.")
}

// CanManageAccounts: creating accounts, roles and password resets.
func CanManageAccounts(a Actor) error {
	if err := needLogin(a); err != nil {
		return err
	}
	if a.Has(RoleAdmin) {
		return nil
	}
	return denied("Hanya Admin yang dapat mengelola akun.")
}

// CanViewAudit: the riwayat perubahan is for Admin and Pimpinan.
func CanViewAudit(a Actor) error {
	if err := needLogin(a); err != nil {
		return err
	}
	if a.Has(RoleAdmin) || a.Has(RolePimpinan) {
		return nil
	}
	return denied("Riwayat perubahan hanya untuk Admin dan Pimpinan.")
}

// CanBackup covers backup, restore and compaction.
func CanBackup(a Actor) error {
	if err := needLogin(a); err != nil {
		return err
	}
	if a.Has(RoleAdmin) {
		return nil
	}
	return denied("Hanya Admin yang dapat mencadangkan dan memulihkan data.")
}

// ValidateUsername checks a login name: 3–32 letters, digits, dot, dash or
// underscore, so it can be typed on any keyboard.
func ValidateUsername(s string) error {
	if len(s) < 3 || len(s) > 32 {
		return &Error{Code: EINVALID, Field: "username", Message: "Nama pengguna harus 3–32 karakter."}
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_') {
			return &Error{Code: EINVALID, Field: "username", Message: "Nama pengguna hanya boleh huruf kecil, angka, titik, tanda hubung atau garis bawah."}
		}
	}
	return nil
}

// MinPasswordLen is the shortest password accepted.
const MinPasswordLen = 8

// ValidatePassword checks a new password: long enough, not the username.
func ValidatePassword(username, pw string) error {
	if len([]rune(pw)) < MinPasswordLen {
		return &Error{Code: EINVALID, Field: "password", Message: "Kata sandi minimal " + itoa(MinPasswordLen) + " karakter."}
	}
	if strings.EqualFold(strings.TrimSpace(pw), username) {
		return &Error{Code: EINVALID, Field: "password", Message: "Kata sandi tidak boleh sama dengan nama pengguna."}
	}
	return nil
}

// AuditEntry is one line of the riwayat perubahan. Entries are appended in
// the transaction of the change they describe and never edited.
type AuditEntry struct {
	ID        uint64
	Time      time.Time
	AccountID uint64
	Account   string // the actor's label at the time
	Action    string // one of the Action* constants
	Entity    string // "pegawai", "unit", "akun", "kantor", "database"
	EntityID  uint64
	Employee  uint64   // the employee concerned, for filtering; 0 when none
	Summary   []string // "nama_jabatan: \"A\" → \"B\""; never passwords or file contents
}

// Audit actions.
const (
	ActionCreate        = "buat"
	ActionUpdate        = "ubah"
	ActionStatus        = "ubah status"
	ActionDelete        = "hapus"
	ActionLogin         = "masuk"
	ActionLoginFailed   = "gagal masuk"
	ActionLogout        = "keluar"
	ActionPassword      = "ganti kata sandi"
	ActionPasswordReset = "atur ulang kata sandi"
	ActionBackup        = "cadangkan"
	ActionRestore       = "pulihkan"
	ActionImport        = "impor"
	ActionUnlock        = "buka kunci"
	ActionCompact       = "padatkan"
	ActionSetup         = "siapkan kantor"
	ActionReset         = "hapus data contoh"
)

// DiffEmployee lists the changed fields between two versions of a profile,
// by their export key, for the audit trail.
func DiffEmployee(old, new Employee) []string {
	var out []string
	add := func(key, a, b string) {
		if a != b {
			out = append(out, key+": "+quote(a)+" → "+quote(b))
		}
	}
	add("jenis_pegawai", old.Kind.String(), new.Kind.String())
	add("nama", old.Nama, new.Nama)
	add("gelar_depan", old.GelarDepan, new.GelarDepan)
	add("gelar_belakang", old.GelarBelakang, new.GelarBelakang)
	add("tempat_lahir", old.TempatLahir, new.TempatLahir)
	add("tanggal_lahir", old.TanggalLahir.ISO(), new.TanggalLahir.ISO())
	add("jenis_kelamin", old.JenisKelamin.String(), new.JenisKelamin.String())
	add("agama", old.Agama, new.Agama)
	add("status_perkawinan", old.StatusPerkawinan, new.StatusPerkawinan)
	add("nik", old.NIK, new.NIK)
	add("alamat", old.Alamat, new.Alamat)
	add("nomor_hp", old.NomorHP, new.NomorHP)
	add("email", old.Email, new.Email)
	add("nip", old.NIP, new.NIP)
	add("status", old.Status.String(), new.Status.String())
	add("tmt_cpns", old.TMTCPNS.ISO(), new.TMTCPNS.ISO())
	add("tmt_pns", old.TMTPNS.ISO(), new.TMTPNS.ISO())
	add("tmt_kontrak", old.TMTKontrak.ISO(), new.TMTKontrak.ISO())
	add("akhir_kontrak", old.AkhirKontrak.ISO(), new.AkhirKontrak.ISO())
	add("golongan", old.Golongan, new.Golongan)
	add("jenis_jabatan", old.JenisJabatan.String(), new.JenisJabatan.String())
	add("jenjang", old.Jenjang.String(), new.Jenjang.String())
	add("nama_jabatan", old.NamaJabatan, new.NamaJabatan)
	add("unit_id", itoa(int(old.UnitID)), itoa(int(new.UnitID)))
	add("atasan_id", itoa(int(old.AtasanID)), itoa(int(new.AtasanID)))
	add("pendidikan_terakhir", old.Pendidikan, new.Pendidikan)
	add("bup_override", itoa(old.BUPOverride), itoa(new.BUPOverride))
	return out
}

// quote keeps audit summaries short and on one line.
func quote(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return "\"" + strings.NewReplacer("\n", " ", "\r", " ").Replace(s) + "\""
}

// CanViewReports covers the office-wide lists: Pengingat, DUK, nominatif,
// statistik and the organisation map. Admin and Pimpinan read everything.
func CanViewReports(a Actor) error {
	if err := needLogin(a); err != nil {
		return err
	}
	if a.Has(RoleAdmin) || a.Has(RolePimpinan) {
		return nil
	}
	return denied("Daftar ini hanya untuk Admin dan Pimpinan.")
}

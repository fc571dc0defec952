package store

import (
	"bytes"
	"context"
	"fmt"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// maxStructural bounds how many low-level problems are listed; the rest are
// counted.
const maxStructural = 20

// Check verifies the file: bbolt's own page checks, then the indexes.
// Every index entry must point at an existing record whose identifier
// matches; every record must have its row and index entries; every row
// must have a record; no two active employees may share a NIP or NIK;
// records must refer only to existing units and employees; the unit tree
// has no missing parent, loop or excess depth; riwayat and atasan-map
// entries belong to existing employees and name existing ones; each
// profile agrees with its latest pangkat, jabatan and pendidikan entries;
// SKPs agree with their rows and index, their items belong to them;
// merit assessments decode and refer to existing instruments, units and
// accounts (checkMerit); every bukti file, of an SKP or of a merit answer,
// still matches its SHA-256 and no stored bytes are left without an owner
// (checkBlobs). It returns
// the problems found, in Indonesian; an empty list means the file is sound.
//
// In read-write mode the check runs in a write transaction that is rolled
// back, which keeps other writers out while bbolt walks the pages.
//
// Check is a system operation: it needs no login, but a logged-in actor
// must be an Admin.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var probs []string
	run := func(tx *bolt.Tx) error {
		a, err := resolveActor(tx, domain.ActorFrom(ctx))
		if err != nil {
			return err
		}
		if err := systemOrAdmin(a); err != nil {
			return err
		}
		// The index walk goes first and reads every page of every bucket
		// in this goroutine, where a damaged page becomes a recoverable
		// panic (see guard). Only if it got through is bbolt's own check
		// run: that one walks the pages in a goroutine of its own, where a
		// memory fault would end the process.
		var index []string
		damaged := func() (bad bool) {
			defer func() {
				if r := recover(); r != nil {
					index = append(index, fmt.Sprintf("Struktur berkas rusak: %v", r))
					bad = true
				}
			}()
			checkIndexes(ctx, tx, &index)
			return false
		}()
		if err := ctx.Err(); err != nil {
			return err
		}
		if !damaged {
			probs = checkPages(tx)
		}
		probs = append(probs, index...)
		return nil
	}
	err := s.txCheck(run)
	if err != nil {
		return nil, err
	}
	if probs == nil {
		probs = []string{}
	}
	return probs, nil
}

// txCheck runs fn in a read transaction (read-only mode: no writer can
// exist) or in a write transaction that is always rolled back.
func (s *Store) txCheck(fn func(tx *bolt.Tx) error) (err error) {
	defer guard("check", &err)()
	if s.readOnly {
		return boundary("check", s.db.View(fn))
	}
	tx, err := s.db.Begin(true)
	if err != nil {
		return boundary("check", err)
	}
	defer func() { _ = tx.Rollback() }()
	return boundary("check", fn(tx))
}

type checkedEmp struct {
	broken   bool // record present but undecodable: reported once
	nip, nik string
	active   bool
	unitID   uint64
	atasanID uint64
}

// checkPages drains bbolt's page-level check (freelist, reachability, key
// order).
func checkPages(tx *bolt.Tx) []string {
	var probs []string
	n := 0
	for err := range tx.Check() { // drain: the checker blocks until read
		if n++; n <= maxStructural {
			probs = append(probs, fmt.Sprintf("Struktur berkas rusak: %v", err))
		}
	}
	if n > maxStructural {
		probs = append(probs, fmt.Sprintf("… dan %d masalah struktur lain.", n-maxStructural))
	}
	return probs
}

// checkIndexes appends the problems it finds to *probs as it goes, so that a
// panic on a damaged page keeps what was found before it.
func checkIndexes(ctx context.Context, tx *bolt.Tx, probs *[]string) {
	add := func(format string, a ...any) { *probs = append(*probs, fmt.Sprintf(format, a...)) }

	buckets := map[string]*bolt.Bucket{}
	for _, name := range schemaBuckets {
		b := tx.Bucket(name)
		if b == nil {
			add("Bagian %q tidak ada di berkas data.", name)
			continue
		}
		buckets[string(name)] = b
	}
	if mb := buckets[string(bucketMeta)]; mb != nil {
		if v, ok := parseID(mb.Get(metaSchema)); !ok {
			add("Versi skema tidak tercatat.")
		} else if v != SchemaVersion {
			add("Versi skema tercatat v%d, seharusnya v%d.", v, SchemaVersion)
		}
		if v := mb.Get(metaOffice); v != nil {
			if _, err := decodeOffice(v); err != nil {
				add("Data kantor tidak dapat dibaca (%v).", err)
			}
		}
	}

	units := map[uint64]bool{}
	if ub := buckets[string(bucketUnits)]; ub != nil {
		var maxID uint64
		_ = ub.ForEach(func(k, v []byte) error {
			id, ok := parseID(k)
			if !ok {
				add("Kunci unit kerja %x tidak berbentuk ID.", k)
				return nil
			}
			units[id] = true
			maxID = max(maxID, id)
			u, err := decodeUnit(v)
			switch {
			case err != nil:
				add("Unit kerja #%d tidak dapat dibaca (%v).", id, err)
			case u.ID != id:
				add("Unit kerja #%d mencatat ID #%d.", id, u.ID)
			}
			return nil
		})
		if maxID > ub.Sequence() {
			add("Nomor urut unit kerja (%d) lebih kecil dari ID terbesar (%d).", ub.Sequence(), maxID)
		}
	}

	emps := map[uint64]*checkedEmp{}
	rows, nipB, nikB := buckets[string(bucketRows)], buckets[string(bucketNIP)], buckets[string(bucketNIK)]
	if eb := buckets[string(bucketEmployees)]; eb != nil {
		var maxID uint64
		c := eb.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if len(emps)%4096 == 0 && ctx.Err() != nil {
				return
			}
			id, ok := parseID(k)
			if !ok {
				add("Kunci pegawai %x tidak berbentuk ID.", k)
				continue
			}
			maxID = max(maxID, id)
			e, err := decodeEmployee(v)
			if err != nil {
				add("Pegawai #%d tidak dapat dibaca (%v).", id, err)
				emps[id] = &checkedEmp{broken: true}
				continue
			}
			if e.ID != id {
				add("Pegawai #%d mencatat ID #%d.", id, e.ID)
				e.ID = id
			}
			ce := &checkedEmp{nip: ident(e.NIP), nik: ident(e.NIK), active: e.Status.Active(),
				unitID: e.UnitID, atasanID: e.AtasanID}
			emps[id] = ce
			if rows != nil {
				switch rv := rows.Get(k); {
				case rv == nil:
					add("Pegawai #%d (%s) tidak punya baris daftar.", id, e.Nama)
				case !bytes.Equal(rv, encodeRow(domain.RowOf(e))):
					add("Baris daftar pegawai #%d (%s) tidak sesuai dengan datanya.", id, e.Nama)
				}
			}
			if nipB != nil && nipB.Get(identKey(ce.nip, id)) == nil {
				add("Pegawai #%d (%s) tidak ada di indeks NIP.", id, e.Nama)
			}
			if nikB != nil && ce.nik != "" && nikB.Get(identKey(ce.nik, id)) == nil {
				add("Pegawai #%d (%s) tidak ada di indeks NIK.", id, e.Nama)
			}
		}
		if maxID > eb.Sequence() {
			add("Nomor urut pegawai (%d) lebih kecil dari ID terbesar (%d).", eb.Sequence(), maxID)
		}
	}

	if rows != nil {
		_ = rows.ForEach(func(k, v []byte) error {
			id, ok := parseID(k)
			if !ok {
				add("Kunci baris daftar %x tidak berbentuk ID.", k)
				return nil
			}
			if _, err := decodeRow(id, v); err != nil {
				add("Baris daftar #%d tidak dapat dibaca.", id)
			}
			if emps[id] == nil {
				add("Baris daftar #%d tidak punya data pegawai.", id)
			}
			return nil
		})
	}

	checkIndex := func(b *bolt.Bucket, label string, field func(*checkedEmp) string) {
		if b == nil {
			return
		}
		_ = b.ForEach(func(k, _ []byte) error {
			val, id, ok := parseIdentKey(k)
			if !ok {
				add("Kunci indeks %s %x tidak dapat dibaca.", label, k)
				return nil
			}
			switch ce := emps[id]; {
			case ce == nil:
				add("Indeks %s %s menunjuk pegawai #%d yang tidak ada.", label, val, id)
			case ce.broken:
			case field(ce) != val:
				add("Indeks %s %s menunjuk pegawai #%d yang %s-nya %s.", label, val, id, label, field(ce))
			}
			return nil
		})
	}
	checkIndex(nipB, "NIP", func(ce *checkedEmp) string { return ce.nip })
	checkIndex(nikB, "NIK", func(ce *checkedEmp) string { return ce.nik })

	// Walk employees in id order for stable messages.
	activeNIP := map[string]uint64{}
	activeNIK := map[string]uint64{}
	if eb := buckets[string(bucketEmployees)]; eb != nil {
		_ = eb.ForEach(func(k, _ []byte) error {
			id, _ := parseID(k)
			ce := emps[id]
			if ce == nil || ce.broken {
				return nil
			}
			if ce.unitID != 0 && !units[ce.unitID] {
				add("Pegawai #%d merujuk unit kerja #%d yang tidak ada.", id, ce.unitID)
			}
			if ce.atasanID != 0 && emps[ce.atasanID] == nil {
				add("Pegawai #%d merujuk atasan #%d yang tidak ada.", id, ce.atasanID)
			}
			if !ce.active {
				return nil
			}
			if other, dup := activeNIP[ce.nip]; dup {
				add("NIP %s dipakai oleh lebih dari satu pegawai aktif (#%d dan #%d).", domain.FormatNIP(ce.nip), other, id)
			} else {
				activeNIP[ce.nip] = id
			}
			if ce.nik == "" {
				return nil
			}
			if other, dup := activeNIK[ce.nik]; dup {
				add("NIK %s dipakai oleh lebih dari satu pegawai aktif (#%d dan #%d).", ce.nik, other, id)
			} else {
				activeNIK[ce.nik] = id
			}
			return nil
		})
	}

	checkAccounts(ctx, buckets, emps, add)
	checkSchema4(ctx, buckets, emps, add)
	refs := blobRefs{}
	checkSchema5(ctx, buckets, emps, refs, add)
	checkMerit(ctx, buckets, refs, add)
	checkKop(buckets, add)
	checkBlobs(ctx, buckets, refs, add)
}

// checkAccounts checks accounts ↔ idx_account_name, the accounts' employee
// links, that an Admin remains, and that the audit trail can be read.
func checkAccounts(ctx context.Context, buckets map[string]*bolt.Bucket, emps map[uint64]*checkedEmp,
	add func(string, ...any)) {
	ab, ib := buckets[string(bucketAccounts)], buckets[string(bucketAcctName)]
	names := map[uint64]string{} // account id → username
	if ab != nil {
		var maxID uint64
		admins := 0
		linked := map[uint64]uint64{} // employee → account
		_ = ab.ForEach(func(k, v []byte) error {
			id, ok := parseID(k)
			if !ok {
				add("Kunci akun %x tidak berbentuk ID.", k)
				return nil
			}
			maxID = max(maxID, id)
			r, err := decodeAccount(v)
			if err != nil {
				add("Akun #%d tidak dapat dibaca (%v).", id, err)
				names[id] = "\x00" // present but unreadable: matches no index entry, reported once
				return nil
			}
			names[id] = r.Username
			if r.ID != id {
				add("Akun #%d mencatat ID #%d.", id, r.ID)
			}
			if _, _, _, err := parseHash(r.Hash); err != nil {
				add("Akun #%d (%s): sandi tersimpan tidak dapat dibaca.", id, r.Username)
			}
			if len(r.Roles) == 0 {
				add("Akun #%d (%s) tidak punya peran.", id, r.Username)
			}
			if r.activeAdmin() {
				admins++
			}
			if r.EmployeeID != 0 {
				if emps[r.EmployeeID] == nil {
					add("Akun #%d (%s) ditautkan ke pegawai #%d yang tidak ada.", id, r.Username, r.EmployeeID)
				}
				if other, dup := linked[r.EmployeeID]; dup {
					add("Pegawai #%d ditautkan ke lebih dari satu akun (#%d dan #%d).", r.EmployeeID, other, id)
				}
				linked[r.EmployeeID] = id
			}
			if ib != nil {
				if got, ok := parseID(ib.Get([]byte(r.Username))); !ok || got != id {
					add("Akun #%d (%s) tidak ada di indeks nama pengguna.", id, r.Username)
				}
			}
			return nil
		})
		if maxID > ab.Sequence() {
			add("Nomor urut akun (%d) lebih kecil dari ID terbesar (%d).", ab.Sequence(), maxID)
		}
		if len(names) > 0 && admins == 0 {
			add("Tidak ada akun Admin yang aktif.")
		}
	}
	if ib != nil {
		_ = ib.ForEach(func(k, v []byte) error {
			id, ok := parseID(v)
			switch name, exists := names[id]; {
			case !ok:
				add("Indeks nama pengguna %q tidak berisi ID akun.", k)
			case !exists:
				add("Indeks nama pengguna %q menunjuk akun #%d yang tidak ada.", k, id)
			case name == "\x00":
			case name != string(k):
				add("Indeks nama pengguna %q menunjuk akun #%d yang bernama %s.", k, id, name)
			}
			return nil
		})
	}
	if au := buckets[string(bucketAudit)]; au != nil {
		var maxID uint64
		bad, n := 0, 0
		c := au.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if n++; n%4096 == 0 && ctx.Err() != nil {
				return
			}
			id, ok := parseID(k)
			if !ok {
				add("Kunci riwayat perubahan %x tidak berbentuk ID.", k)
				continue
			}
			maxID = max(maxID, id)
			e, err := decodeAudit(v)
			if err != nil || e.ID != id {
				if bad++; bad <= maxStructural {
					add("Riwayat perubahan #%d tidak dapat dibaca.", id)
				}
			}
		}
		if bad > maxStructural {
			add("… dan %d catatan riwayat perubahan lain yang tidak dapat dibaca.", bad-maxStructural)
		}
		if maxID > au.Sequence() {
			add("Nomor urut riwayat perubahan (%d) lebih kecil dari ID terbesar (%d).", au.Sequence(), maxID)
		}
	}
}

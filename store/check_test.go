package store

import (
	"strings"
	"testing"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// populated returns a store with a unit and three employees (one with a
// NIK, one reporting to another).
func populated(t *testing.T) (*Store, []uint64) {
	t.Helper()
	s, _ := openTestStore(t)
	unit, err := s.SaveUnit(bg, domain.Unit{Name: "Bidang TIK"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []uint64
	for i := range 3 {
		e := testEmployee(i)
		e.UnitID = unit
		if i == 0 {
			e.NIK = makeNIK(e.TanggalLahir, e.JenisKelamin, 7)
		}
		if i == 2 {
			e.AtasanID = ids[0]
		}
		ids = append(ids, mustCreate(t, s, e))
	}
	assertClean(t, s)
	return s, ids
}

// tamper changes the file behind the store's back.
func tamper(t *testing.T, s *Store, fn func(tx *bolt.Tx) error) {
	t.Helper()
	if err := s.db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

func wantProblem(t *testing.T, s *Store, fragment string) {
	t.Helper()
	probs, err := s.Check(bg)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		if strings.Contains(p, fragment) {
			return
		}
	}
	t.Fatalf("Check did not report %q; got:\n%s", fragment, strings.Join(probs, "\n"))
}

func TestCheckCleanFile(t *testing.T) {
	s, _ := populated(t)
	probs, err := s.Check(bg)
	if err != nil || probs == nil || len(probs) != 0 {
		t.Fatalf("Check = %v, %v; want empty non-nil list", probs, err)
	}
}

func TestCheckFindsMissingRow(t *testing.T) {
	s, ids := populated(t)
	tamper(t, s, func(tx *bolt.Tx) error { return tx.Bucket(bucketRows).Delete(idKey(ids[1])) })
	wantProblem(t, s, "Pegawai #2 (Pegawai 1) tidak punya baris daftar.")
}

func TestCheckFindsStaleRow(t *testing.T) {
	s, ids := populated(t)
	tamper(t, s, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRows).Put(idKey(ids[1]), encodeRow(domain.Row{ID: ids[1], Nama: "Orang Lain"}))
	})
	wantProblem(t, s, "Baris daftar pegawai #2 (Pegawai 1) tidak sesuai dengan datanya.")
}

func TestCheckFindsOrphanRow(t *testing.T) {
	s, _ := populated(t)
	tamper(t, s, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRows).Put(idKey(50), encodeRow(domain.Row{ID: 50, Nama: "Hantu"}))
	})
	wantProblem(t, s, "Baris daftar #50 tidak punya data pegawai.")
}

func TestCheckFindsDanglingNIPEntry(t *testing.T) {
	s, _ := populated(t)
	tamper(t, s, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketNIP).Put(identKey("198001012005011001", 77), indexValue)
	})
	wantProblem(t, s, "Indeks NIP 198001012005011001 menunjuk pegawai #77 yang tidak ada.")
}

func TestCheckFindsWrongNIPEntry(t *testing.T) {
	s, ids := populated(t)
	tamper(t, s, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketNIP).Put(identKey("198001012005011001", ids[0]), indexValue)
	})
	wantProblem(t, s, "Indeks NIP 198001012005011001 menunjuk pegawai #1 yang NIP-nya")
}

func TestCheckFindsMissingIndexEntries(t *testing.T) {
	s, ids := populated(t)
	e, _ := s.Employee(bg, ids[0])
	tamper(t, s, func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketNIP).Delete(identKey(e.NIP, e.ID)); err != nil {
			return err
		}
		return tx.Bucket(bucketNIK).Delete(identKey(e.NIK, e.ID))
	})
	wantProblem(t, s, "Pegawai #1 (Pegawai 0) tidak ada di indeks NIP.")
	wantProblem(t, s, "Pegawai #1 (Pegawai 0) tidak ada di indeks NIK.")
}

func TestCheckFindsDuplicateActiveNIP(t *testing.T) {
	s, ids := populated(t)
	a, _ := s.Employee(bg, ids[0])
	b, _ := s.Employee(bg, ids[1])
	// Give b a's NIP directly in the file, bypassing the uniqueness check.
	tamper(t, s, func(tx *bolt.Tx) error {
		old := b
		b.NIP = a.NIP
		return putEmployee(tx, b, &old)
	})
	wantProblem(t, s, "NIP "+domain.FormatNIP(a.NIP)+" dipakai oleh lebih dari satu pegawai aktif (#1 dan #2).")
}

func TestCheckFindsBrokenReferences(t *testing.T) {
	s, ids := populated(t)
	tamper(t, s, func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketUnits).Delete(idKey(1)); err != nil {
			return err
		}
		return tx.Bucket(bucketEmployees).Delete(idKey(ids[0]))
	})
	wantProblem(t, s, "Pegawai #2 merujuk unit kerja #1 yang tidak ada.")
	wantProblem(t, s, "Pegawai #3 merujuk atasan #1 yang tidak ada.")
	wantProblem(t, s, "Baris daftar #1 tidak punya data pegawai.")
}

func TestCheckFindsUndecodableRecord(t *testing.T) {
	s, ids := populated(t)
	tamper(t, s, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketEmployees).Put(idKey(ids[1]), []byte("{bukan json"))
	})
	probs, _ := s.Check(bg)
	if len(probs) != 1 || !strings.HasPrefix(probs[0], "Pegawai #2 tidak dapat dibaca") {
		t.Fatalf("want exactly one problem, got:\n%s", strings.Join(probs, "\n"))
	}
	_, err := s.Employee(bg, ids[1])
	wantCode(t, err, domain.EINTERNAL)
}

func TestCheckAccountIndex(t *testing.T) {
	o := newOffice(t)
	s := o.s
	peg := o.accts["pegawai"]
	tamper(t, s, func(tx *bolt.Tx) error {
		ib := tx.Bucket(bucketAcctName)
		if err := ib.Delete([]byte("pegawai")); err != nil {
			return err
		}
		if err := ib.Put([]byte("hantu"), idKey(77)); err != nil {
			return err
		}
		return ib.Put([]byte("palsu"), idKey(o.accts["merit"].ID))
	})
	wantProblem(t, s, "Akun #"+itoa(peg.ID)+" (pegawai) tidak ada di indeks nama pengguna.")
	wantProblem(t, s, `Indeks nama pengguna "hantu" menunjuk akun #77 yang tidak ada.`)
	wantProblem(t, s, `Indeks nama pengguna "palsu" menunjuk akun #`+itoa(o.accts["merit"].ID)+" yang bernama merit.")
}

func TestCheckAccountLinksAndAdmins(t *testing.T) {
	o := newOffice(t)
	s := o.s
	tamper(t, s, func(tx *bolt.Tx) error {
		rs, err := allAccounts(tx)
		if err != nil {
			return err
		}
		for _, r := range rs {
			switch r.Username {
			case "admin":
				r.Disabled = true
			case "pegawai":
				r.EmployeeID = 99
			case "merit":
				r.Hash = "bukan hash"
			}
			if err := putAccount(tx, r, false); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketAudit).Put(idKey(5), []byte("{rusak"))
	})
	wantProblem(t, s, "Tidak ada akun Admin yang aktif.")
	wantProblem(t, s, "(pegawai) ditautkan ke pegawai #99 yang tidak ada.")
	wantProblem(t, s, "(merit): sandi tersimpan tidak dapat dibaca.")
	wantProblem(t, s, "Riwayat perubahan #5 tidak dapat dibaca.")
}

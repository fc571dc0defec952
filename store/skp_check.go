package store

import (
	"bytes"
	"context"
	"fmt"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// checkSchema5 checks what schema 5 added: every SKP decodes and belongs
// to an existing employee; skp_rows and idx_skp_emp agree with the SKPs
// (one row and one index entry each, nothing else); every item decodes,
// names its own key and belongs to an existing SKP; the predikat kinerja
// organisasi and the SKP settings decode. The bukti of the realisasi go
// into refs, for checkBlobs.
func checkSchema5(ctx context.Context, buckets map[string]*bolt.Bucket, emps map[uint64]*checkedEmp,
	refs blobRefs, add func(string, ...any)) {
	limited := func() func(string, ...any) {
		n := 0
		return func(format string, a ...any) {
			if n++; n <= maxStructural {
				add(format, a...)
			} else if n == maxStructural+1 {
				add("… dan masalah sejenis lainnya.")
			}
		}
	}

	skps := map[uint64]domain.SKP{}
	if sb := buckets[string(bucketSKP)]; sb != nil {
		bad := limited()
		var maxID uint64
		n := 0
		c := sb.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if n++; n%4096 == 0 && ctx.Err() != nil {
				return
			}
			id, ok := parseID(k)
			if !ok {
				bad("Kunci SKP %x tidak berbentuk ID.", k)
				continue
			}
			maxID = max(maxID, id)
			sk, err := decodeSKP(v)
			if err != nil {
				bad("SKP #%d tidak dapat dibaca (%v).", id, err)
				continue
			}
			if sk.ID != id {
				bad("SKP #%d mencatat ID #%d.", id, sk.ID)
			}
			sk.ID = id
			skps[id] = sk
			if emps[sk.EmployeeID] == nil {
				bad("SKP #%d merujuk pegawai #%d yang tidak ada.", id, sk.EmployeeID)
			}
		}
		if maxID > sb.Sequence() {
			add("Nomor urut SKP (%d) lebih kecil dari ID terbesar (%d).", sb.Sequence(), maxID)
		}
	}

	// Items: decode each, collect what the rows and the bukti check need.
	dialogs := map[uint64][]domain.Dialog{}
	evals := map[uint64][]domain.Evaluasi{}
	if ib := buckets[string(bucketSKPItems)]; ib != nil {
		bad := limited()
		var maxID uint64
		n := 0
		c := ib.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if n++; n%4096 == 0 && ctx.Err() != nil {
				return
			}
			skpID, kind, id, ok := parseSKPItemKey(k)
			if !ok {
				bad("Kunci data SKP %x tidak dapat dibaca.", k)
				continue
			}
			maxID = max(maxID, id)
			what := itemKindNames[kind]
			if _, ok := skps[skpID]; !ok {
				bad("Data %s #%d merujuk SKP #%d yang tidak ada.", what, id, skpID)
			}
			var recID, recSKP uint64
			var err error
			switch kind {
			case itemWork:
				var w domain.PeriodWork
				if w, err = decodeWork(v); err == nil {
					recID, recSKP = w.ID, w.SKPID
					for _, b := range w.Bukti {
						refs.add(b, fmt.Sprintf("SKP #%d", skpID))
					}
				}
			case itemFeedback:
				var f domain.Feedback
				if f, err = decodeFeedback(v); err == nil {
					recID, recSKP = f.ID, f.SKPID
				}
			case itemDialog:
				var d domain.Dialog
				if d, err = decodeDialog(v); err == nil {
					recID, recSKP = d.ID, d.SKPID
					d.ID = id
					dialogs[skpID] = append(dialogs[skpID], d)
				}
			case itemEval:
				var e domain.Evaluasi
				if e, err = decodeEval(v); err == nil {
					recID, recSKP = e.ID, e.SKPID
					e.ID = id
					evals[skpID] = append(evals[skpID], e)
				}
			case itemRevision:
				var r domain.SKPRevision
				if recID, r, err = decodeRevision(v); err == nil {
					recSKP = r.SKPID
				}
			}
			switch {
			case err != nil:
				bad("Data %s #%d pada SKP #%d tidak dapat dibaca (%v).", what, id, skpID, err)
			case recID != id || recSKP != skpID:
				bad("Data %s #%d pada SKP #%d mencatat ID atau SKP yang lain dari kuncinya.", what, id, skpID)
			}
		}
		if maxID > ib.Sequence() {
			add("Nomor urut data SKP (%d) lebih kecil dari ID terbesar (%d).", ib.Sequence(), maxID)
		}
	}

	if rb := buckets[string(bucketSKPRows)]; rb != nil {
		bad := limited()
		for id, sk := range sortedKeys(skps) {
			switch v := rb.Get(idKey(id)); {
			case v == nil:
				bad("SKP #%d (%s) tidak punya baris daftar SKP.", id, sk.Pegawai.Nama)
			case !bytes.Equal(v, encodeSKPRow(skpRowOf(sk, dialogs[id], evals[id]))):
				bad("Baris daftar SKP #%d (%s) tidak sesuai dengan SKP-nya.", id, sk.Pegawai.Nama)
			}
		}
		_ = rb.ForEach(func(k, v []byte) error {
			id, ok := parseID(k)
			if !ok {
				bad("Kunci baris daftar SKP %x tidak berbentuk ID.", k)
				return nil
			}
			if _, err := decodeSKPRow(id, v); err != nil {
				bad("Baris daftar SKP #%d tidak dapat dibaca.", id)
			}
			if _, ok := skps[id]; !ok && buckets[string(bucketSKP)].Get(k) == nil {
				bad("Baris daftar SKP #%d tidak punya SKP.", id)
			}
			return nil
		})
	}

	if xb := buckets[string(bucketSKPEmp)]; xb != nil {
		bad := limited()
		for id, sk := range sortedKeys(skps) {
			if xb.Get(skpEmpKey(sk.EmployeeID, sk.Year, id)) == nil {
				bad("SKP #%d (%s) tidak ada di indeks SKP pegawai.", id, sk.Pegawai.Nama)
			}
		}
		_ = xb.ForEach(func(k, _ []byte) error {
			emp, year, id, ok := parseSKPEmpKey(k)
			if !ok {
				bad("Kunci indeks SKP pegawai %x tidak dapat dibaca.", k)
				return nil
			}
			sk, found := skps[id]
			switch {
			case !found && buckets[string(bucketSKP)].Get(idKey(id)) == nil:
				bad("Indeks SKP pegawai menunjuk SKP #%d yang tidak ada.", id)
			case found && (sk.EmployeeID != emp || sk.Year != year):
				bad("Indeks SKP pegawai mencatat SKP #%d untuk pegawai #%d tahun %d; SKP-nya milik pegawai #%d tahun %d.",
					id, emp, year, sk.EmployeeID, sk.Year)
			}
			return nil
		})
	}

	if ob := buckets[string(bucketSKPOrg)]; ob != nil {
		bad := limited()
		_ = ob.ForEach(func(k, v []byte) error {
			year, unit, ok := parseOrgKey(k)
			if !ok {
				bad("Kunci predikat organisasi %x tidak dapat dibaca.", k)
				return nil
			}
			r, err := decodeOrg(v)
			switch {
			case err != nil:
				bad("Predikat organisasi unit #%d tahun %d tidak dapat dibaca (%v).", unit, year, err)
			case r.Year != year || r.UnitID != unit:
				bad("Predikat organisasi unit #%d tahun %d mencatat unit atau tahun yang lain.", unit, year)
			case r.Predikat.Label() == "":
				bad("Predikat organisasi unit #%d tahun %d tidak dikenal (%q).", unit, year, r.Predikat)
			}
			return nil
		})
	}

	if sb := buckets[string(bucketSettings)]; sb != nil {
		if v := sb.Get(settingsSKP); v != nil {
			if _, err := decodeSKPSettings(v); err != nil {
				add("Pengaturan kinerja tidak dapat dibaca (%v).", err)
			}
		}
	}
}

// blobRef is what the records say of one bukti id: the first owner's
// metadata and a description of it ("SKP #3", "penilaian merit #2,
// indikator 1.1"), and how many records list the id.
type blobRef struct {
	meta  domain.Bukti
	owner string
	count int
}

// blobRefs collects the bukti the records refer to, by id.
type blobRefs map[uint64]*blobRef

func (refs blobRefs) add(b domain.Bukti, owner string) {
	r := refs[b.ID]
	if r == nil {
		r = &blobRef{meta: b, owner: owner}
		refs[b.ID] = r
	}
	r.count++
}

// checkBlobs checks bucket bukti against every record that keeps bukti
// (SKP realisasi, merit answers): every file has its bytes and they still
// match the SHA-256 and size recorded when it was added; no bytes are
// left without a record; no id is listed twice.
func checkBlobs(ctx context.Context, buckets map[string]*bolt.Bucket, refs blobRefs, add func(string, ...any)) {
	limited := func() func(string, ...any) {
		n := 0
		return func(format string, a ...any) {
			if n++; n <= maxStructural {
				add(format, a...)
			} else if n == maxStructural+1 {
				add("… dan masalah sejenis lainnya.")
			}
		}
	}
	if bb := buckets[string(bucketBukti)]; bb != nil {
		bad := limited()
		var maxID uint64
		n := 0
		c := bb.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if n++; n%256 == 0 && ctx.Err() != nil {
				return
			}
			id, ok := parseID(k)
			if !ok {
				bad("Kunci berkas bukti %x tidak berbentuk ID.", k)
				continue
			}
			maxID = max(maxID, id)
			r := refs[id]
			switch {
			case r == nil || r.meta.Kind != domain.BuktiFile:
				bad("Berkas bukti #%d tersimpan tetapi tidak dipakai oleh realisasi mana pun. "+
					"Penilaian merit juga tidak merujuknya.", id)
			case int64(len(v)) != r.meta.Size || sha256Hex(v) != r.meta.SHA256:
				bad("Berkas bukti #%d (%s, %s) berubah atau rusak: isinya tidak cocok dengan sidik SHA-256 "+
					"yang dicatat saat disimpan.", id, r.meta.Name, r.owner)
			}
		}
		for id, r := range sortedKeys(refs) {
			maxID = max(maxID, id)
			if r.count > 1 {
				bad("Bukti #%d dicatat di lebih dari satu tempat (yang pertama: %s).", id, r.owner)
			}
			if r.meta.Kind == domain.BuktiFile && bb.Get(idKey(id)) == nil {
				bad("Berkas bukti #%d (%s, %s) tidak ada di berkas data.", id, r.meta.Name, r.owner)
			}
		}
		if maxID > bb.Sequence() {
			add("Nomor urut bukti (%d) lebih kecil dari ID terbesar (%d).", bb.Sequence(), maxID)
		}
	}
}

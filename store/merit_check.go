package store

import (
	"context"
	"fmt"
	"sort"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// checkMerit checks what schema 6 added: every imported instrument parses,
// is valid and sits under its own id and version; every assessment decodes,
// names its own key, refers to an instrument that exists (shipped or
// imported), to an existing unit and to existing accounts; its answers are
// of indicators of that instrument with levels of its scale; its action
// ids are unique; no two assessments share year, unit and instrument id;
// the merit settings decode. Evidence goes into refs, for checkBlobs.
func checkMerit(ctx context.Context, buckets map[string]*bolt.Bucket, refs blobRefs, add func(string, ...any)) {
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

	instruments := map[string]domain.Instrument{} // by instKey
	shipped, err := shippedInstruments()
	if err != nil {
		add("Instrumen bawaan asndesk tidak dapat dibaca (%v).", err)
	}
	for _, s := range shipped {
		instruments[string(instKey(s.in.ID, s.in.Version))] = s.in
	}
	if ib := buckets[string(bucketMeritInst)]; ib != nil {
		bad := limited()
		_ = ib.ForEach(func(k, v []byte) error {
			id, version, ok := parseInstKey(k)
			if !ok {
				bad("Kunci instrumen merit %q tidak dapat dibaca.", k)
				return nil
			}
			in, err := domain.ParseInstrument(v)
			switch {
			case err != nil:
				bad("Instrumen %s versi %s tidak dapat dibaca (%s).", id, version, domain.ErrorMessage(err))
			case in.ID != id || in.Version != version:
				bad("Instrumen %s versi %s tersimpan dengan isi instrumen %s versi %s.", id, version, in.ID, in.Version)
			default:
				if _, dup := instruments[string(k)]; dup {
					bad("Instrumen %s versi %s tersimpan juga sebagai instrumen bawaan.", id, version)
				}
				instruments[string(k)] = in
			}
			return nil
		})
	}

	if mb := buckets[string(bucketMerit)]; mb != nil {
		bad := limited()
		accounts, units := buckets[string(bucketAccounts)], buckets[string(bucketUnits)]
		type slot struct {
			year   int
			unit   uint64
			instID string
		}
		taken := map[slot]uint64{}
		var maxID uint64
		n := 0
		c := mb.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if n++; n%1024 == 0 && ctx.Err() != nil {
				return
			}
			id, ok := parseID(k)
			if !ok {
				bad("Kunci penilaian merit %x tidak berbentuk ID.", k)
				continue
			}
			maxID = max(maxID, id)
			as, err := decodeMerit(v)
			if err != nil {
				bad("Penilaian merit #%d tidak dapat dibaca (%v).", id, err)
				continue
			}
			if as.ID != id {
				bad("Penilaian merit #%d mencatat ID #%d.", id, as.ID)
			}
			sl := slot{as.Year, as.UnitID, as.InstrumentID}
			if other, dup := taken[sl]; dup {
				bad("Penilaian merit #%d dan #%d sama-sama untuk tahun %d, unit #%d, instrumen %s.", other, id, as.Year,
					as.UnitID, as.InstrumentID)
			} else {
				taken[sl] = id
			}
			if as.UnitID != 0 && units != nil && units.Get(idKey(as.UnitID)) == nil {
				bad("Penilaian merit #%d merujuk unit kerja #%d yang tidak ada.", id, as.UnitID)
			}
			if accounts != nil {
				people := append(append(append([]uint64{}, as.Team...), nonZero(as.Koordinator)...), as.Verifikator...)
				for _, acct := range people {
					if accounts.Get(idKey(acct)) == nil {
						bad("Penilaian merit #%d merujuk akun #%d yang tidak ada.", id, acct)
					}
				}
			}
			in, found := instruments[string(instKey(as.InstrumentID, as.InstrumentVersion))]
			if !found {
				bad("Penilaian merit #%d memakai instrumen %s versi %s yang tidak ada.", id, as.InstrumentID,
					as.InstrumentVersion)
			}
			codes := make([]string, 0, len(as.Answers))
			for code := range as.Answers {
				codes = append(codes, code)
			}
			sort.Strings(codes)
			for _, code := range codes {
				x := as.Answers[code]
				for _, b := range x.Evidence {
					refs.add(b, fmt.Sprintf("penilaian merit #%d, indikator %s", id, code))
				}
				if found {
					if err := domain.ValidateAnswer(in, code, x); err != nil {
						bad("Penilaian merit #%d: %s", id, domain.ErrorMessage(err))
					}
				}
			}
			seen := map[uint64]bool{}
			for _, x := range as.Actions {
				if x.ID == 0 || seen[x.ID] {
					bad("Rencana perbaikan penilaian merit #%d memakai ID #%d lebih dari sekali atau tanpa ID.", id, x.ID)
				}
				seen[x.ID] = true
			}
		}
		if maxID > mb.Sequence() {
			add("Nomor urut penilaian merit (%d) lebih kecil dari ID terbesar (%d).", mb.Sequence(), maxID)
		}
	}

	if sb := buckets[string(bucketSettings)]; sb != nil {
		if v := sb.Get(settingsMerit); v != nil {
			if _, err := decodeMeritSettings(v); err != nil {
				add("Pengaturan merit tidak dapat dibaca (%v).", err)
			}
		}
	}
}

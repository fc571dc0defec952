package store

import (
	"reflect"
	"testing"
	"time"
)

// FuzzDecodeRiwayat: the fast riwayat decoder and encoding/json agree on
// every input: the same entry, or both an error.
func FuzzDecodeRiwayat(f *testing.F) {
	for _, r := range allKinds(7, 1) {
		r.ID, r.Created, r.Updated = 9, time.Date(2025, 1, 2, 3, 4, 5, 600, time.UTC), time.Date(2025, 2, 3, 4, 5, 6, 0, time.FixedZone("", 7*3600))
		v, err := encodeRiwayat(r)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(v)
	}
	for _, s := range []string{
		`{"v":1,"kind":"pangkat","pangkat":{"golongan":"a\u00e9\"b","tmt":"2020-02-29","mkg_tahun":-0}}`,
		`{"v":1,"kind":"gaji","gaji":{"gaji_lama":01,"tmt":""}}`,
		`{"v":1,"kind":"cuti","created":"2025-01-02T03:04:05+24:00","cuti":{}}`,
		`{"v":1,"kind":"hukdis","hukdis":{},"hukdis":{"masa_bulan":6}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, v []byte) {
		want, werr := decodeRiwayatJSON(v)
		got, gerr := decodeRiwayat(v)
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("%q: fast err %v, json err %v", v, gerr, werr)
		}
		if werr == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n fast %+v\n json %+v", v, got, want)
		}
	})
}

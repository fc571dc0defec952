package store

import "encoding/binary"

// Bucket names and meta keys.
var (
	bucketMeta      = []byte("meta")
	bucketEmployees = []byte("employees")
	bucketRows      = []byte("emp_rows")
	bucketNIP       = []byte("idx_emp_nip")
	bucketNIK       = []byte("idx_emp_nik")
	bucketUnits     = []byte("units")
	bucketAccounts  = []byte("accounts")
	bucketAcctName  = []byte("idx_account_name")
	bucketAudit     = []byte("audit")
	bucketRiwayat   = []byte("riwayat")
	bucketAtasan    = []byte("atasan")
	bucketSettings  = []byte("settings")
	bucketSKP       = []byte("skp")
	bucketSKPRows   = []byte("skp_rows")
	bucketSKPEmp    = []byte("idx_skp_emp")
	bucketSKPItems  = []byte("skp_items")
	bucketBukti     = []byte("bukti")
	bucketSKPOrg    = []byte("skp_org")
	bucketMeritInst = []byte("merit_instruments")
	bucketMerit     = []byte("merit")

	metaSchema  = []byte("schema")
	metaCreated = []byte("created")
	metaOffice  = []byte("office")

	settingsCareer = []byte("career")
	settingsSKP    = []byte("skp")
	settingsMerit  = []byte("merit")
)

// schemaBuckets lists every bucket of the current schema.
var schemaBuckets = [][]byte{bucketMeta, bucketEmployees, bucketRows, bucketNIP, bucketNIK, bucketUnits,
	bucketAccounts, bucketAcctName, bucketAudit, bucketRiwayat, bucketAtasan, bucketSettings,
	bucketSKP, bucketSKPRows, bucketSKPEmp, bucketSKPItems, bucketBukti, bucketSKPOrg,
	bucketMeritInst, bucketMerit}

// indexValue is what every index entry holds: bbolt cannot tell an empty
// value from a missing one reliably, so it is never empty.
var indexValue = []byte{1}

// idKey encodes an id as 8 bytes big-endian, so that keys sort by id.
func idKey(id uint64) []byte {
	return binary.BigEndian.AppendUint64(make([]byte, 0, 8), id)
}

// parseID decodes an idKey; ok=false when k is not 8 bytes.
func parseID(k []byte) (uint64, bool) {
	if len(k) != 8 {
		return 0, false
	}
	return binary.BigEndian.Uint64(k), true
}

// identKey builds an index key: the identifier's digits followed by the
// 8-byte id of the employee holding it.
func identKey(ident string, id uint64) []byte {
	k := make([]byte, 0, len(ident)+8)
	k = append(k, ident...)
	return binary.BigEndian.AppendUint64(k, id)
}

// parseIdentKey splits an index key into identifier and id; ok=false when
// the key is too short to hold an id.
func parseIdentKey(k []byte) (ident string, id uint64, ok bool) {
	if len(k) <= 8 {
		return "", 0, false
	}
	n := len(k) - 8
	return string(k[:n]), binary.BigEndian.Uint64(k[n:]), true
}

// identOf reports whether k is an index key for exactly ident (and not for a
// longer identifier that merely starts with it) and returns its id.
func identOf(k []byte, ident string) (uint64, bool) {
	if len(k) != len(ident)+8 || string(k[:len(ident)]) != ident {
		return 0, false
	}
	return binary.BigEndian.Uint64(k[len(ident):]), true
}

// u64Value encodes a number stored in meta.
func u64Value(v uint64) []byte { return idKey(v) }

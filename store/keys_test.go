package store

import (
	"bytes"
	"math"
	"testing"
)

func TestIDKeyRoundTrip(t *testing.T) {
	for _, id := range []uint64{0, 1, 255, 256, 1 << 32, math.MaxUint64} {
		k := idKey(id)
		if len(k) != 8 {
			t.Fatalf("idKey(%d) has %d bytes", id, len(k))
		}
		got, ok := parseID(k)
		if !ok || got != id {
			t.Fatalf("parseID(idKey(%d)) = %d, %v", id, got, ok)
		}
	}
	if _, ok := parseID([]byte{1, 2, 3}); ok {
		t.Fatal("parseID accepted a short key")
	}
}

func TestIDKeysSortNumerically(t *testing.T) {
	ids := []uint64{1, 2, 9, 10, 255, 256, 1000, 1 << 40}
	for i := 1; i < len(ids); i++ {
		if bytes.Compare(idKey(ids[i-1]), idKey(ids[i])) >= 0 {
			t.Fatalf("idKey(%d) does not sort before idKey(%d)", ids[i-1], ids[i])
		}
	}
}

func TestIdentKeyRoundTrip(t *testing.T) {
	cases := []struct {
		ident string
		id    uint64
	}{
		{"198609262015051001", 1},
		{"3201012609860001", 42},
		{"198609262015051001", math.MaxUint64},
	}
	for _, c := range cases {
		k := identKey(c.ident, c.id)
		ident, id, ok := parseIdentKey(k)
		if !ok || ident != c.ident || id != c.id {
			t.Fatalf("parseIdentKey(identKey(%q,%d)) = %q,%d,%v", c.ident, c.id, ident, id, ok)
		}
		if id, ok := identOf(k, c.ident); !ok || id != c.id {
			t.Fatalf("identOf = %d,%v", id, ok)
		}
	}
	if _, _, ok := parseIdentKey(idKey(5)); ok {
		t.Fatal("parseIdentKey accepted a key without identifier")
	}
}

func TestIdentOfRejectsLongerIdentifier(t *testing.T) {
	// "12" must not match the entry of "123" during a prefix scan.
	k := identKey("123", 7)
	if _, ok := identOf(k, "12"); ok {
		t.Fatal("identOf matched a longer identifier")
	}
	if _, ok := identOf(k, "124"); ok {
		t.Fatal("identOf matched a different identifier")
	}
}

func TestIdentKeysGroupByIdentifier(t *testing.T) {
	// All entries of one NIP are adjacent and ordered by id.
	a1, a2 := identKey("198609262015051001", 3), identKey("198609262015051001", 70)
	b := identKey("198609262015051002", 1)
	if !(bytes.Compare(a1, a2) < 0 && bytes.Compare(a2, b) < 0) {
		t.Fatal("index keys are not grouped by identifier then id")
	}
}

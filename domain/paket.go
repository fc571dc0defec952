package domain

import "time"

// The hand-over packet (paket serah terima): one encrypted file holding a
// slice of an office's data, which another asndesk verifies and merges.
// These types are shared by the store (which builds and reads packets) and
// the screens (which show them); the format itself is store/PAKET.md.

// Packet contents ("isi"): what a packet holds.
const (
	PaketPegawai = "pegawai" // employee profiles and their riwayat (optionally of one unit)
	PaketKinerja = "kinerja" // one year's SKPs with everything under them (optionally of one unit)
	PaketMerit   = "merit"   // one penilaian mandiri sistem merit with its evidence
)

// PaketKinds lists the contents in menu order.
var PaketKinds = []string{PaketPegawai, PaketKinerja, PaketMerit}

// PaketKindLabel is the label of a packet's contents as the screens show it.
func PaketKindLabel(kind string) string {
	switch kind {
	case PaketPegawai:
		return "Data pegawai dan riwayat"
	case PaketKinerja:
		return "Kinerja (SKP dan evaluasi) satu tahun"
	case PaketMerit:
		return "Penilaian mandiri sistem merit"
	}
	return kind
}

// PaketSlice chooses what a packet holds: Kind, and for PaketKinerja the
// Year; UnitID (0: every unit) narrows pegawai and kinerja; MeritID is the
// assessment of PaketMerit.
type PaketSlice struct {
	Kind    string
	Year    int
	UnitID  uint64
	MeritID uint64
}

// PaketPart is one file inside a packet, as the manifest lists it.
type PaketPart struct {
	Name   string
	Size   int64
	SHA256 string // hex
}

// PaketManifest describes a packet: where it comes from, what it holds
// and the SHA-256 of every part.
type PaketManifest struct {
	Format     string // "asndesk-paket"
	Version    int
	Created    time.Time
	Office     string // the sending office
	AppVersion string // asndesk version that wrote it
	Kind       string // PaketPegawai, PaketKinerja, PaketMerit
	Year       int    // kinerja: the year; merit: the assessment's year
	Unit       string // the unit it was narrowed to ("" for all)
	Counts     map[string]int
	Parts      []PaketPart
}

// Description is a one-line summary of what the packet holds.
func (m PaketManifest) Description() string {
	s := PaketKindLabel(m.Kind)
	if m.Year != 0 {
		s += " " + itoa(m.Year)
	}
	if m.Unit != "" {
		s += ", unit " + m.Unit
	}
	return s
}

// PaketStatus is how a packet's record compares with the local data.
type PaketStatus int

const (
	PaketBaru      PaketStatus = iota + 1 // not here yet: added on apply
	PaketSama                             // identical: nothing to do
	PaketBerbeda                          // conflict: both differ; local kept unless taken
	PaketLebihBaru                        // conflict where the local copy changed later than the packet's
)

// String is the label the screens and the headless report show.
func (s PaketStatus) String() string {
	switch s {
	case PaketBaru:
		return "Baru"
	case PaketSama:
		return "Sama"
	case PaketBerbeda:
		return "Berbeda"
	case PaketLebihBaru:
		return "Lebih baru di sini"
	}
	return ""
}

// Conflict reports whether applying the packet's version needs a choice.
func (s PaketStatus) Conflict() bool { return s == PaketBerbeda || s == PaketLebihBaru }

// PaketDiff is one field that differs: the local value and the packet's.
type PaketDiff struct {
	Field    string
	Old, New string
}

// PaketItem is one record of a packet in a preview. Key is stable for one
// packet and data file (the key of the take map of an apply).
type PaketItem struct {
	Key    string
	Entity string // "unit", "pegawai", "riwayat", "skp", "merit", "instrumen"
	Label  string
	Status PaketStatus
	Diffs  []PaketDiff // conflicts only
}

// PaketPlan is the preview of a packet against a data file. Payload is the
// decoded packet, opaque to everyone but the store that made the plan.
type PaketPlan struct {
	Manifest PaketManifest
	Items    []PaketItem
	Payload  any
}

// Count returns how many items have status st.
func (p PaketPlan) Count(st PaketStatus) int {
	n := 0
	for _, it := range p.Items {
		if it.Status == st {
			n++
		}
	}
	return n
}

// PaketSummary is what an apply did.
type PaketSummary struct {
	Added     int // new records
	Replaced  int // conflicts where the packet's version was taken
	KeptLocal int // conflicts left as they are here
	Same      int // records already identical
	Bukti     int // evidence files written
}

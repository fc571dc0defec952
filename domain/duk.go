package domain

import (
	"cmp"
	"slices"
	"strings"
)

// DUKRow is one line of the daftar urut kepangkatan: the sort keys of §8
// and the columns a printed DUK shows, so that printing and export reuse it.
type DUKRow struct {
	EmployeeID uint64
	NIP        string
	Nama       string // with gelar

	Golongan     string
	GolonganRank int // GolonganRank: higher is senior
	TMTGolongan  Date

	NamaJabatan  string
	JabatanLevel int // JPT Utama 1 … Pelaksana 7 (the JabatanKind code); lower is higher; 0 unknown
	TMTJabatan   Date
	Eselon       string

	MasaKerja         Span // masa kerja keseluruhan
	MasaKerjaGolongan Span

	DiklatPIMLevel int // 1 PIM I / PKN Tingkat I … 4 PIM IV / PKP; 0 none
	DiklatPIMYear  int // year the best PIM diklat was completed

	Pendidikan      string
	PendidikanLevel int // PendidikanLevel: higher is higher
	TahunLulus      int

	TanggalLahir Date
	UnitID       uint64
}

// cmpDateZeroLast orders dates ascending with unknown dates last.
func cmpDateZeroLast(a, b Date) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// cmpIntZeroLast orders ascending with 0 (unknown) last.
func cmpIntZeroLast(a, b int) int {
	switch {
	case a == b:
		return 0
	case a == 0:
		return 1
	case b == 0:
		return -1
	}
	return cmp.Compare(a, b)
}

// CompareDUK orders two rows as §8 gives (likely, as regional SIMPEG
// implement it): golongan descending → TMT golongan ascending → jabatan
// level ascending (higher jabatan first) → TMT jabatan ascending → masa
// kerja descending → leadership diklat (higher PIM first, then the earlier
// completed; none last) → pendidikan descending, then tahun lulus ascending
// → usia descending (earlier birth first). Unknown values sort after known
// ones; nama and employee id make the order total.
func CompareDUK(a, b DUKRow) int {
	if c := cmp.Compare(b.GolonganRank, a.GolonganRank); c != 0 {
		return c
	}
	if c := cmpDateZeroLast(a.TMTGolongan, b.TMTGolongan); c != 0 {
		return c
	}
	if c := cmpIntZeroLast(a.JabatanLevel, b.JabatanLevel); c != 0 {
		return c
	}
	if c := cmpDateZeroLast(a.TMTJabatan, b.TMTJabatan); c != 0 {
		return c
	}
	if c := cmp.Compare(b.MasaKerja.TotalMonths(), a.MasaKerja.TotalMonths()); c != 0 {
		return c
	}
	if c := cmpIntZeroLast(a.DiklatPIMLevel, b.DiklatPIMLevel); c != 0 {
		return c
	}
	if c := cmpIntZeroLast(a.DiklatPIMYear, b.DiklatPIMYear); c != 0 {
		return c
	}
	if c := cmp.Compare(b.PendidikanLevel, a.PendidikanLevel); c != 0 {
		return c
	}
	if c := cmpIntZeroLast(a.TahunLulus, b.TahunLulus); c != 0 {
		return c
	}
	if c := cmpDateZeroLast(a.TanggalLahir, b.TanggalLahir); c != 0 {
		return c
	}
	if c := strings.Compare(a.Nama, b.Nama); c != 0 {
		return c
	}
	return cmp.Compare(a.EmployeeID, b.EmployeeID)
}

// DUKLess reports whether a comes before b in the DUK.
func DUKLess(a, b DUKRow) bool { return CompareDUK(a, b) < 0 }

// SortDUK sorts rows into DUK order.
func SortDUK(rows []DUKRow) { slices.SortFunc(rows, CompareDUK) }

// PIMLevel reads the level of a leadership diklat from its name: 1 for
// Diklatpim/PIM Tingkat I and PKN Tingkat I, 2 for PIM II and PKN Tingkat
// II, 3 for PIM III and PKA (Pelatihan Kepemimpinan Administrator), 4 for
// PIM IV and PKP (Pelatihan Kepemimpinan Pengawas); 0 otherwise.
func PIMLevel(nama string) int {
	var toks [16]string
	n := 0
	for _, f := range strings.FieldsFunc(strings.ToLower(nama), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if n < len(toks) {
			toks[n] = f
			n++
		}
	}
	roman := func(s string) int {
		switch s {
		case "i", "1":
			return 1
		case "ii", "2":
			return 2
		case "iii", "3":
			return 3
		case "iv", "4":
			return 4
		}
		return 0
	}
	lead := false
	for i := 0; i < n; i++ {
		switch toks[i] {
		case "pka":
			return 3
		case "pkp":
			return 4
		case "pim", "diklatpim", "pkn", "spama", "spamen", "sespim":
			lead = true
		case "kepemimpinan":
			lead = true
			if i+1 < n {
				switch toks[i+1] {
				case "administrator":
					return 3
				case "pengawas":
					return 4
				}
			}
		case "tingkat", "tk":
			continue
		default:
			if lead {
				if v := roman(toks[i]); v > 0 {
					return v
				}
			}
		}
	}
	return 0
}

// OnDUK reports whether an employee belongs on the DUK: PNS (not CPNS,
// not PPPK) still on the books (Status.Active).
func OnDUK(e Employee) bool { return e.Kind == KindPNS && e.Status.Active() }

// BuildDUKRow derives the DUK row of a PNS from the profile and riwayat
// (the latest pangkat, jabatan and pendidikan entries win over the
// profile's copies); ok is false for anyone not on the DUK (OnDUK: CPNS,
// PPPK, inactive).
func BuildDUKRow(e Employee, rs []Riwayat, today Date) (row DUKRow, ok bool) {
	if !OnDUK(e) {
		return DUKRow{}, false
	}
	l := scanLatest(rs)
	row = DUKRow{EmployeeID: e.ID, NIP: e.NIP, Nama: e.FullName(), Golongan: e.Golongan, NamaJabatan: e.NamaJabatan,
		JabatanLevel: int(e.JenisJabatan), TanggalLahir: e.TanggalLahir, UnitID: e.UnitID, Pendidikan: e.Pendidikan}
	if p := l.pangkat; p != nil {
		if p.Golongan != "" {
			row.Golongan = p.Golongan
		}
		row.TMTGolongan = p.TMT
	}
	row.GolonganRank = golonganRank(row.Golongan)
	if j := l.jabatan; j != nil {
		row.JabatanLevel, row.TMTJabatan, row.Eselon = int(j.Jenis), j.TMT, j.Eselon
		if j.Nama != "" {
			row.NamaJabatan = j.Nama
		}
	}
	row.MasaKerja = spanOfMonths(masaKerjaMonths(e, rs, today))
	row.MasaKerjaGolongan = spanOfMonths(mkgMonths(e, rs, l, today))
	for i := range rs {
		d := rs[i].Diklat
		if d == nil || rs[i].Kind != RwDiklat {
			continue
		}
		lv := PIMLevel(d.Nama)
		if lv == 0 {
			continue
		}
		y := d.Selesai.Year
		if d.Selesai.IsZero() {
			y = d.Mulai.Year
		}
		if row.DiklatPIMLevel == 0 || lv < row.DiklatPIMLevel || (lv == row.DiklatPIMLevel && cmpIntZeroLast(y, row.DiklatPIMYear) < 0) {
			row.DiklatPIMLevel, row.DiklatPIMYear = lv, y
		}
	}
	if p, ok := LatestPendidikan(rs); ok {
		row.Pendidikan, row.TahunLulus = p.Tingkat, p.TahunLulus
	}
	row.PendidikanLevel = PendidikanLevel(row.Pendidikan)
	return row, true
}

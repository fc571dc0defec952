package domain

import (
	"encoding/json"
	"strings"
)

// BUPGrid is the batas usia pensiun by jabatan (§3.8). It is a value, not a
// package variable, so that a later settings screen can load an edited grid
// without touching the rules; DefaultBUPGrid gives the confirmed 58/60/65.
type BUPGrid struct {
	JPT           int
	Administrasi  int // Administrator, Pengawas, Pelaksana
	Keterampilan  int // all JF keterampilan
	AhliPertama   int
	AhliMuda      int
	AhliMadya     int
	AhliUtama     int
	Guru          int // sectoral JF: nama jabatan starts with "Guru"
	Dosen         int // sectoral JF: "Dosen"
	Regulation    string
	Unverified    bool
	DefaultForAll int // when the jabatan is not filled in
}

// DefaultBUPGrid is the grid of PP 11/2017 jo PP 17/2020 as reflected in UU
// 20/2023 practice.
func DefaultBUPGrid() BUPGrid {
	return BUPGrid{JPT: 60, Administrasi: 58, Keterampilan: 58, AhliPertama: 58, AhliMuda: 58,
		AhliMadya: 60, AhliUtama: 65, Guru: 60, Dosen: 65, DefaultForAll: 58,
		Regulation: "PP 11/2017 jo PP 17/2020"}
}

// BUPFor returns the retirement age from the grid for the employee's jabatan,
// ignoring any override.
func (g BUPGrid) BUPFor(e Employee) int {
	switch e.JenisJabatan {
	case JPTUtama, JPTMadya, JPTPratama:
		return g.JPT
	case Administrator, Pengawas, Pelaksana:
		return g.Administrasi
	case Fungsional:
		nama := strings.ToLower(strings.TrimSpace(e.NamaJabatan))
		sector := 0
		switch {
		case strings.HasPrefix(nama, "guru"):
			sector = g.Guru
		case strings.HasPrefix(nama, "dosen"):
			sector = g.Dosen
		}
		var byJenjang int
		switch e.Jenjang {
		case AhliPertama:
			byJenjang = g.AhliPertama
		case AhliMuda:
			byJenjang = g.AhliMuda
		case AhliMadya:
			byJenjang = g.AhliMadya
		case AhliUtama:
			byJenjang = g.AhliUtama
		case Pemula, Terampil, Mahir, Penyelia:
			byJenjang = g.Keterampilan
		default:
			byJenjang = g.DefaultForAll
		}
		return max(sector, byJenjang)
	}
	return g.DefaultForAll
}

// BUP returns the employee's batas usia pensiun: the per-employee override
// when set, else the grid's.
func (g BUPGrid) BUP(e Employee) int {
	if e.BUPOverride > 0 {
		return e.BUPOverride
	}
	return g.BUPFor(e)
}

// TMTPensiun is the first day of the month after the employee reaches bup
// years of age; zero without a birth date.
func TMTPensiun(lahir Date, bup int) Date {
	if lahir.IsZero() || bup <= 0 {
		return Date{}
	}
	reached := lahir.AddMonths(bup * 12)
	return Date{reached.Year, reached.Month, 1}.AddMonths(1)
}

// Usia is the age on the given day.
func Usia(lahir, today Date) Span { return SpanBetween(lahir, today) }

// MasaKerjaStart is the date masa kerja counts from: TMT CPNS for PNS/CPNS,
// TMT of the perjanjian kerja for PPPK.
func MasaKerjaStart(e Employee) Date {
	if e.Kind.IsPPPK() {
		return e.TMTKontrak
	}
	return e.TMTCPNS
}

// MasaKerja is masa kerja keseluruhan on the given day (without peninjauan
// masa kerja, which arrives with the riwayat).
func MasaKerja(e Employee, today Date) Span { return SpanBetween(MasaKerjaStart(e), today) }

// Computed gathers the values the profile shows as computed, never typed.
type Computed struct {
	Usia        Span
	MasaKerja   Span
	BUP         int
	BUPFromGrid bool
	TMTPensiun  Date
}

// Compute derives usia, masa kerja, BUP and TMT pensiun for today.
func Compute(e Employee, g BUPGrid, today Date) Computed {
	bup := g.BUP(e)
	return Computed{
		Usia:        Usia(e.TanggalLahir, today),
		MasaKerja:   MasaKerja(e, today),
		BUP:         bup,
		BUPFromGrid: e.BUPOverride <= 0,
		TMTPensiun:  TMTPensiun(e.TanggalLahir, bup),
	}
}

// bupGridFile is the JSON shape of assets/reference/bup.json.
type bupGridFile struct {
	Regulation   string `json:"regulation"`
	ValidFrom    string `json:"valid_from"`
	Unverified   bool   `json:"unverified"`
	JPT          int    `json:"jpt"`
	Administrasi int    `json:"administrasi"`
	Keterampilan int    `json:"keterampilan"`
	AhliPertama  int    `json:"ahli_pertama"`
	AhliMuda     int    `json:"ahli_muda"`
	AhliMadya    int    `json:"ahli_madya"`
	AhliUtama    int    `json:"ahli_utama"`
	Guru         int    `json:"guru"`
	Dosen        int    `json:"dosen"`
	Lainnya      int    `json:"lainnya"`
}

// ParseBUPGrid reads a BUP table from JSON. Every age must be between 50 and
// 75; the error names the first key that is not.
func ParseBUPGrid(b []byte) (BUPGrid, error) {
	var f bupGridFile
	if err := json.Unmarshal(b, &f); err != nil {
		return BUPGrid{}, Errorf(EINVALID, "Tabel batas usia pensiun tidak dapat dibaca: "+err.Error())
	}
	for _, v := range []struct {
		key string
		age int
	}{{"jpt", f.JPT}, {"administrasi", f.Administrasi}, {"keterampilan", f.Keterampilan},
		{"ahli_pertama", f.AhliPertama}, {"ahli_muda", f.AhliMuda}, {"ahli_madya", f.AhliMadya},
		{"ahli_utama", f.AhliUtama}, {"guru", f.Guru}, {"dosen", f.Dosen}, {"lainnya", f.Lainnya}} {
		if v.age < 50 || v.age > 75 {
			return BUPGrid{}, Errorf(EINVALID, "Tabel batas usia pensiun: nilai \""+v.key+"\" harus antara 50 dan 75 tahun.")
		}
	}
	return BUPGrid{JPT: f.JPT, Administrasi: f.Administrasi, Keterampilan: f.Keterampilan,
		AhliPertama: f.AhliPertama, AhliMuda: f.AhliMuda, AhliMadya: f.AhliMadya, AhliUtama: f.AhliUtama,
		Guru: f.Guru, Dosen: f.Dosen, DefaultForAll: f.Lainnya, Regulation: f.Regulation, Unverified: f.Unverified}, nil
}

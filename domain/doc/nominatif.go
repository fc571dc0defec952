package doc

import (
	"strconv"

	"asndesk/domain"
)

// NominatifColumn is one column the user may show in the nominatif: the
// screen, the printed list and the export share it.
type NominatifColumn struct {
	Key, Label string
	Width      int // characters on screen
	// Value is the cell of one employee; unitName may be nil.
	Value func(e *domain.Employee, unitName func(uint64) string, today domain.Date) string
}

// value is nil-safe on both the column and Opts.UnitName.
func (c NominatifColumn) value(e *domain.Employee, o Opts) string {
	if c.Value == nil {
		return ""
	}
	return c.Value(e, o.unit, o.Today)
}

// NominatifColumns lists the 13 nominatif columns in screen order (moved
// from tui/nominatif.go: same keys, labels and widths).
func NominatifColumns() []NominatifColumn {
	unit := func(name func(uint64) string, id uint64) string {
		if name == nil || id == 0 {
			return ""
		}
		return name(id)
	}
	return []NominatifColumn{
		{"nip", "NIP / NI PPPK", 22, func(e *domain.Employee, _ func(uint64) string, _ domain.Date) string { return domain.FormatNIP(e.NIP) }},
		{"nama", "Nama", 26, func(e *domain.Employee, _ func(uint64) string, _ domain.Date) string { return e.FullName() }},
		{"jenis", "Jenis", 8, func(e *domain.Employee, _ func(uint64) string, _ domain.Date) string { return e.Kind.String() }},
		{"golongan", "Gol.", 6, func(e *domain.Employee, _ func(uint64) string, _ domain.Date) string { return e.Golongan }},
		{"jabatan", "Jabatan", 24, func(e *domain.Employee, _ func(uint64) string, _ domain.Date) string { return e.NamaJabatan }},
		{"jenis_jabatan", "Jenis jabatan", 14, func(e *domain.Employee, _ func(uint64) string, _ domain.Date) string { return e.JenisJabatan.String() }},
		{"unit", "Unit kerja", 20, func(e *domain.Employee, name func(uint64) string, _ domain.Date) string { return unit(name, e.UnitID) }},
		{"pendidikan", "Pend.", 6, func(e *domain.Employee, _ func(uint64) string, _ domain.Date) string { return e.Pendidikan }},
		{"jk", "L/P", 4, func(e *domain.Employee, _ func(uint64) string, _ domain.Date) string { return genderLP(e.JenisKelamin) }},
		{"lahir", "Tgl lahir", 11, func(e *domain.Employee, _ func(uint64) string, _ domain.Date) string { return e.TanggalLahir.String() }},
		{"usia", "Usia", 5, func(e *domain.Employee, _ func(uint64) string, t domain.Date) string {
			if e.TanggalLahir.IsZero() {
				return ""
			}
			return strconv.Itoa(domain.Usia(e.TanggalLahir, t).Years)
		}},
		{"masa_kerja", "Masa kerja", 11, func(e *domain.Employee, _ func(uint64) string, t domain.Date) string {
			mk := domain.MasaKerja(*e, t)
			return strconv.Itoa(mk.Years) + " th " + strconv.Itoa(mk.Months) + " bl"
		}},
		{"status", "Status", 10, func(e *domain.Employee, _ func(uint64) string, _ domain.Date) string { return e.Status.String() }},
	}
}

// nominatifTypes marks the date and number columns for XLSX.
func nominatifType(key string) string {
	switch key {
	case "lahir":
		return "d"
	case "usia":
		return "n"
	}
	return ""
}

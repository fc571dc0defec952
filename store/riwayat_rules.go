package store

import (
	"cmp"
	"slices"

	"asndesk/domain"
)

// The career rules live in domain; these adapters keep the store's use of
// them in one place.

// validateRiwayat is domain.ValidateRiwayatWith against the office's
// settings (its edited hukuman disiplin and cuti tables); callers
// validating many entries pass the same *set, whose tables are then built
// once.
func validateRiwayat(r domain.Riwayat, e domain.Employee, set *domain.CareerSettings) domain.FieldErrors {
	return domain.ValidateRiwayatWith(r, e, *set)
}

// deriveProfile returns e with golongan, jabatan (jenis, jenjang, nama and
// unit) and pendidikan terakhir taken from the latest entries of rs, for
// each list that has entries (domain.ApplyRiwayat: one source of truth). A
// jabatan entry without a unit keeps the profile's unit.
func deriveProfile(e domain.Employee, rs []domain.Riwayat) domain.Employee {
	return domain.ApplyRiwayat(e, rs)
}

// sortRiwayat orders entries by kind (the order of domain.RiwayatKinds,
// which the key codes follow), each kind newest first
// (domain.SortRiwayat).
func sortRiwayat(rs []domain.Riwayat) {
	sorted := true
	for i := 1; i < len(rs); i++ {
		if riwayatKindCodes[rs[i].Kind] < riwayatKindCodes[rs[i-1].Kind] {
			sorted = false
			break
		}
	}
	if !sorted {
		slices.SortStableFunc(rs, func(a, b domain.Riwayat) int {
			return cmp.Compare(riwayatKindCodes[a.Kind], riwayatKindCodes[b.Kind])
		})
	}
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && rs[j].Kind == rs[i].Kind {
			j++
		}
		domain.SortRiwayat(rs[i:j])
		i = j
	}
}

// validateSettings refuses settings the rules cannot use.
func validateSettings(s domain.CareerSettings) error {
	if s.ReminderMonths < 0 || s.ReminderMonths > 60 {
		return fail(domain.EINVALID, "Jangka pengingat harus antara 1 dan 60 bulan.", nil)
	}
	for _, m := range s.KPMonths {
		if m < 1 || m > 12 {
			return fail(domain.EINVALID, "Periode kenaikan pangkat harus bulan 1 sampai 12.", nil)
		}
	}
	return nil
}

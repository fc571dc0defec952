package doc

import (
	"testing"

	"asndesk/domain"
)

// TestGoldenText pins the plain-text dump of one document per kind: the
// layout a reader sees in the preview, checked line by line on -update.
func TestGoldenText(t *testing.T) {
	o := testOpts()
	f := testSKP()
	in := testInstrument(t)
	a := testAssessment(in)
	rs, names := testReminders()
	eval, err := Evaluasi(f, 51, &domain.OrgRating{Year: 2026, UnitID: 1, Predikat: domain.OrgBaik}, o)
	if err != nil {
		t.Fatal(err)
	}
	tahunan, err := Evaluasi(f, 52, &domain.OrgRating{Year: 2026, UnitID: 1, Predikat: domain.OrgBaik, Capaian: "92%"}, o)
	if err != nil {
		t.Fatal(err)
	}
	dialogs, err := Dialogs(f, 0, o)
	if err != nil {
		t.Fatal(err)
	}
	emps := []domain.Employee{testEmployee()}
	cols := pickColumns("nip", "nama", "golongan", "jabatan", "unit", "usia")
	for _, c := range []struct {
		name string
		d    Document
	}{
		{"skp", SKP(f, o)},
		{"evaluasi", eval},
		{"evaluasi-tahunan", tahunan},
		{"dialog", dialogs},
		{"drh", DRH(testEmployee(), testRiwayat(), true, o)},
		{"drh-singkat", DRH(testEmployee(), testRiwayat(), false, o)},
		{"duk", DUK(testDUKRows(), o)},
		{"nominatif", Nominatif(cols, emps, o)},
		{"pengingat", Pengingat(rs, names, o)},
		{"merit", Merit(a, in, domain.Score(in, a, false), o)},
	} {
		t.Run(c.name, func(t *testing.T) { golden(t, c.name, Text(c.d)) })
	}
}

func pickColumns(keys ...string) []NominatifColumn {
	var out []NominatifColumn
	for _, k := range keys {
		for _, c := range NominatifColumns() {
			if c.Key == k {
				out = append(out, c)
			}
		}
	}
	return out
}

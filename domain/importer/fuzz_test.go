package importer

import (
	"strings"
	"testing"

	"asndesk/domain"
)

// FuzzPlan feeds arbitrary cell text, typed as text or as an Excel
// number, through recognition and the plan of every kind: whatever a
// spreadsheet holds, the import reports it and never panics, and every
// data row that is not blank gets exactly one result.
func FuzzPlan(f *testing.F) {
	f.Add("198501012010011001", "Siti Aminah", "III/b", "26-09-1986", "Sekretariat", false)
	f.Add("1.98501E+17", "ANI", "Penata Muda Tk. I (III/b)", "31048", "", true)
	f.Add("198501012010011000", "x", "IX", "26 September 1986", "Seksi Baru", true)
	f.Add("", "", "", "", "", false)
	f.Add("19850101201001100", "Budi\x00", "IV/e", "1986-09-26", "unit;x", false)
	existing := []domain.Employee{{ID: 1, Kind: domain.KindPNS, Nama: "Siti Aminah", NIP: "198501012010011001",
		Status: domain.StatusAktif, Golongan: "III/a", UnitID: 1}}
	units := []domain.Unit{{ID: 1, Name: "Sekretariat"}}
	today, _ := domain.NewDate(2026, 11, 23)
	f.Fuzz(func(t *testing.T, nip, nama, gol, tgl, unit string, number bool) {
		headers := map[Kind][]string{
			Pegawai:        {"NIP", "NAMA", "GOLONGAN", "TANGGAL LAHIR", "UNIT KERJA"},
			RiwayatPangkat: {"NIP", "NAMA", "GOLONGAN", "TMT GOLONGAN", "UNIT KERJA"},
			RiwayatJabatan: {"NIP", "NAMA", "JABATAN", "TMT JABATAN", "UNIT KERJA"},
		}
		for _, k := range Kinds() {
			row := []Cell{{Text: nip, Number: number}, {Text: nama}, {Text: gol}, {Text: tgl, Number: number}, {Text: unit}}
			var head []Cell
			for _, h := range headers[k] {
				head = append(head, Cell{Text: h})
			}
			g := Grid{Sheet: "Lembar1", Rows: [][]Cell{head, row, row}}
			rep, err := Plan(Input{Kind: k, Grid: g, Mapping: AutoMap(k, g), Employees: existing, Units: units, Today: today})
			if err != nil {
				if domain.ErrorMessage(err) == "" {
					t.Fatalf("%v: an error without a message", k)
				}
				continue
			}
			blank := strings.TrimSpace(nip+nama+gol+tgl+unit) == ""
			if want := map[bool]int{false: 2, true: 0}[blank]; len(rep.Rows) != want {
				t.Fatalf("%v: %d results for %d data rows", k, len(rep.Rows), want)
			}
			if !strings.Contains(rep.Text(), rep.CountsLine()) {
				t.Fatalf("%v: the report does not carry its counts", k)
			}
		}
	})
}

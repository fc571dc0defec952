package store

import (
	"fmt"
	"path/filepath"
	"testing"

	"asndesk/domain"
)

// writeBenchFile creates a data file holding n employees (via LoadOffice)
// and closes it.
func writeBenchFile(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "data.db")
	s, err := Open(path, testOptions())
	if err != nil {
		b.Fatal(err)
	}
	units := []domain.Unit{{ID: 1, Name: "Sekretariat"}, {ID: 2, Name: "Bidang TIK"}}
	emps := make([]domain.Employee, n)
	for i := range emps {
		e := testEmployee(i)
		e.ID = uint64(i + 1)
		e.UnitID = units[i%2].ID
		emps[i] = e
	}
	if err := s.LoadOffice(bg, domain.Office{Name: "Dinas Contoh", Demo: true}, units, emps); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkStoreOpenList measures starting the register: open the file,
// read every row, close. Budget: 50 ms for 10,000 employees.
func BenchmarkStoreOpenList(b *testing.B) {
	for _, n := range []int{10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			path := writeBenchFile(b, n)
			opts := testOptions()
			b.ResetTimer()
			for b.Loop() {
				s, err := Open(path, opts)
				if err != nil {
					b.Fatal(err)
				}
				rows, err := s.ListRows(bg)
				if err != nil || len(rows) != n {
					b.Fatalf("%d rows, %v", len(rows), err)
				}
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

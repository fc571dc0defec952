package tui

import (
	"fmt"
	"testing"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// benchRows builds n plausible list rows without the demo generator, so the
// benchmark measures the list, not the generator.
func benchRows(n int) []domain.Row {
	first := []string{"Siti", "Agus", "Dewi", "Budi", "Sri", "Made", "Yohanes", "Rina", "Andi", "Nur", "Putu", "Hendra", "Maria", "Rahmat", "Lestari", "Fransiska"}
	last := []string{"Aminah", "Santoso", "Lestari", "Wibowo", "Hasibuan", "Saputra", "Wenda", "Pratiwi", "Mappasessu", "Hidayat", "Sinaga", "Kurniawan", "Nainggolan", "Tanjung", "Rahayu", "Gunawan"}
	jab := []string{"Pengadministrasi Perkantoran", "Analis Kebijakan Ahli Muda", "Pranata Komputer Ahli Pertama", "Perawat Terampil", "Bidan Mahir", "Kepala Seksi Pemerintahan", "Guru Ahli Pertama", "Pengelola Layanan Operasional"}
	gol := []string{"II/a", "II/c", "III/a", "III/b", "III/c", "III/d", "IV/a", "IX", "VII"}
	rows := make([]domain.Row, n)
	for i := range rows {
		rows[i] = domain.Row{ID: uint64(i + 1), Kind: domain.KindPNS, Status: domain.StatusAktif,
			NIP:         fmt.Sprintf("19%02d%02d%02d20%02d%02d1%03d", 60+i%40, 1+i%12, 1+i%28, 10+i%15, 1+i%12, 1+i%999),
			Nama:        first[i%len(first)] + " " + last[(i/len(first))%len(last)] + fmt.Sprintf(" %d", i),
			NamaJabatan: jab[i%len(jab)], Golongan: gol[i%len(gol)], UnitID: uint64(1 + i%12)}
		if i%20 == 0 {
			rows[i].Status = domain.StatusPensiun
		}
	}
	return rows
}

// BenchmarkEmployeeListFilter: one keypress typed into the register's filter,
// then the next View(). The cycle types "siti" and deletes it again, so
// both the incremental path (typing) and the full path (backspace) count.
func BenchmarkEmployeeListFilter(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			repo := newFakeRepo()
			repo.hasOffice, repo.office = true, domain.Office{Name: "Dinas Uji"}
			for i := 1; i <= 12; i++ {
				repo.units[uint64(i)] = domain.Unit{ID: uint64(i), Name: fmt.Sprintf("Bidang %d", i)}
			}
			c := &Common{Repo: repo, Now: fixedNow}
			m := New(c)
			c.login(domain.Account{ID: 1, Username: "admin", Roles: []domain.Role{domain.RoleAdmin}})
			m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			rows := benchRows(n)
			m.Update(dataLoadedMsg{office: repo.office, hasOffice: true, hasAccounts: true, units: sortedUnits(unitsOf(repo)), rows: rows})
			m.Update(forceAreaMsg{areaEmployees})
			if _, ok := m.top().(*employeeList); !ok {
				b.Fatal("register not open")
			}
			keys := []tea.KeyMsg{keyMsg("s"), keyMsg("i"), keyMsg("t"), keyMsg("i"),
				keyMsg("backspace"), keyMsg("backspace"), keyMsg("backspace"), keyMsg("backspace")}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				m.Update(keys[i%len(keys)])
				if len(m.View()) == 0 {
					b.Fatal("empty view")
				}
			}
		})
	}
}

func unitsOf(f *fakeRepo) []domain.Unit {
	var out []domain.Unit
	for _, u := range f.units {
		out = append(out, u)
	}
	return out
}

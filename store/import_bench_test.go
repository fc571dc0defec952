package store

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"asndesk/domain/importer"
	"asndesk/store/sheet"

	"github.com/xuri/excelize/v2"
)

// simpegXLSX builds an n-row SIMPEG-like export: two title rows above the
// column titles, NIPs as text, dates as Excel serials, 20 units (one of
// them new to the office).
func simpegXLSX(b *testing.B, n int) []byte {
	b.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	put := func(r int, vals ...any) {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, vals); err != nil {
			b.Fatal(err)
		}
	}
	put(1, "DAFTAR NOMINATIF PEGAWAI")
	put(2, "KECAMATAN CONTOH")
	put(3, "NO", "NIP BARU", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "TEMPAT LAHIR", "TGL LAHIR", "L/P", "AGAMA",
		"GOL/RUANG", "TMT GOL", "NAMA JABATAN", "JENIS JABATAN", "UNOR", "TMT JABATAN", "TINGKAT PENDIDIKAN", "TMT CPNS")
	serial := func(t time.Time) float64 {
		return float64(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	}
	for i := 0; i < n; i++ {
		e := testEmployee(i)
		lp := "L"
		if i%2 == 1 {
			lp = "P"
		}
		put(4+i, i+1, e.NIP, e.Nama, "", "S.Kom.", e.TempatLahir, serial(e.TanggalLahir.Time()), lp, "Islam",
			"III/a", serial(e.TMTCPNS.AddMonths(48).Time()), "Pengadministrasi Umum", "Pelaksana",
			fmt.Sprintf("Unit %d", i%20), serial(e.TMTCPNS.AddMonths(12).Time()), "S-1", serial(e.TMTCPNS.Time()))
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkImportXLSX times what the user waits for: read the file, map
// the columns, preview, apply, into a fresh office with 19 of the 20 units.
func BenchmarkImportXLSX(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			data := simpegXLSX(b, n)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s := openAt(b, filepath.Join(b.TempDir(), "data.db"), testOptions())
				units := make([]string, 19)
				for u := range units {
					units[u] = fmt.Sprintf("Unit %d", u)
				}
				setupOffice(b, s, "Kecamatan Contoh", units...)
				b.StartTimer()
				g, err := sheet.ReadBytes("pegawai.xlsx", data)
				if err != nil {
					b.Fatal(err)
				}
				rep, err := s.PlanImport(bg, importer.Pegawai, g, importer.AutoMap(importer.Pegawai, g), importToday)
				if err != nil {
					b.Fatal(err)
				}
				if rep.Counts.New != n {
					b.Fatalf("plan: %s", rep.CountsLine())
				}
				sum, err := s.ApplyImport(bg, rep)
				if err != nil {
					b.Fatal(err)
				}
				if sum.Created != n || sum.Units != 1 {
					b.Fatalf("summary %+v", sum)
				}
			}
		})
	}
}

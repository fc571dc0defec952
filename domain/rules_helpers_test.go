package domain_test

import (
	"strings"
	"testing"
	"time"

	"asndesk/domain"
)

// d builds a date; the tests only use dates that exist.
func d(y int, m time.Month, day int) domain.Date {
	dt, ok := domain.NewDate(y, m, day)
	if !ok {
		panic("bad test date")
	}
	return dt
}

// pns is an active PNS pelaksana, born 10-05-1990, CPNS 01-03-2015.
func pns() domain.Employee {
	return domain.Employee{ID: 1, Kind: domain.KindPNS, Status: domain.StatusAktif, Nama: "Budi",
		TanggalLahir: d(1990, 5, 10), JenisKelamin: domain.Male, TMTCPNS: d(2015, 3, 1), TMTPNS: d(2016, 3, 1),
		Golongan: "III/a", JenisJabatan: domain.Pelaksana, Pendidikan: "S1"}
}

// pppk is an active PPPK, born 15-01-1990, contract 01-02-2023 – 31-01-2028.
func pppk() domain.Employee {
	return domain.Employee{ID: 2, Kind: domain.KindPPPK, Status: domain.StatusAktif, Nama: "Sari",
		TanggalLahir: d(1990, 1, 15), JenisKelamin: domain.Female, TMTKontrak: d(2023, 2, 1), AkhirKontrak: d(2028, 1, 31),
		Golongan: "IX", JenisJabatan: domain.Fungsional, Jenjang: domain.AhliPertama, Pendidikan: "S1"}
}

func pangkat(id uint64, gol string, tmt domain.Date, mkgT, mkgB int) domain.Riwayat {
	return domain.Riwayat{ID: id, Kind: domain.RwPangkat, Pangkat: &domain.RwPangkatData{Golongan: gol, TMT: tmt,
		JenisKP: "Reguler", MKGTahun: mkgT, MKGBulan: mkgB}}
}

func jabatan(id uint64, k domain.JabatanKind, j domain.Jenjang, nama string, tmt domain.Date) domain.Riwayat {
	return domain.Riwayat{ID: id, Kind: domain.RwJabatan, Jabatan: &domain.RwJabatanData{Jenis: k, Jenjang: j, Nama: nama, TMT: tmt, UnitID: 7}}
}

func pendidikan(id uint64, tingkat string, lulus int) domain.Riwayat {
	return domain.Riwayat{ID: id, Kind: domain.RwPendidikan, Pendidikan: &domain.RwPendidikanData{Tingkat: tingkat, TahunLulus: lulus}}
}

func gaji(id uint64, tmt domain.Date) domain.Riwayat {
	return domain.Riwayat{ID: id, Kind: domain.RwGaji, Gaji: &domain.RwGajiData{TMT: tmt, GajiLama: 3_000_000, GajiBaru: 3_100_000}}
}

func hukdis(id uint64, tingkat, jenis string, mulai domain.Date, masa int) domain.Riwayat {
	return domain.Riwayat{ID: id, Kind: domain.RwHukdis, Hukdis: &domain.RwHukdisData{Tingkat: tingkat, Jenis: jenis, Mulai: mulai, MasaBulan: masa}}
}

func cuti(id uint64, jenis string, mulai, selesai domain.Date, hari, bulan int) domain.Riwayat {
	return domain.Riwayat{ID: id, Kind: domain.RwCuti, Cuti: &domain.RwCutiData{Jenis: jenis, Mulai: mulai, Selesai: selesai, LamaHari: hari, LamaBulan: bulan}}
}

func peninjauan(id uint64, tmt domain.Date, tahun, bulan int, gol bool) domain.Riwayat {
	return domain.Riwayat{ID: id, Kind: domain.RwMasaKerja, MasaKerja: &domain.RwMasaKerjaData{TMT: tmt, Tahun: tahun, Bulan: bulan, Golongan: gol}}
}

func diklat(id uint64, nama string, selesai domain.Date) domain.Riwayat {
	return domain.Riwayat{ID: id, Kind: domain.RwDiklat, Diklat: &domain.RwDiklatData{Jenis: domain.DiklatStruktural, Nama: nama,
		Mulai: selesai.AddDays(-30), Selesai: selesai}}
}

const (
	tukin6  = "Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan"
	tukin9  = "Pemotongan tunjangan kinerja sebesar 25% selama 9 bulan"
	tukin12 = "Pemotongan tunjangan kinerja sebesar 25% selama 12 bulan"
	pdh     = "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS"
)

func hasText(xs []string, sub string) bool {
	for _, x := range xs {
		if strings.Contains(x, sub) {
			return true
		}
	}
	return false
}

func wantText(t *testing.T, xs []string, sub string) {
	t.Helper()
	if !hasText(xs, sub) {
		t.Errorf("no line with %q in:\n  %s", sub, strings.Join(xs, "\n  "))
	}
}

package domain

import "testing"

func TestPaketLabels(t *testing.T) {
	for _, c := range []struct {
		st       PaketStatus
		label    string
		conflict bool
	}{
		{PaketBaru, "Baru", false},
		{PaketSama, "Sama", false},
		{PaketBerbeda, "Berbeda", true},
		{PaketLebihBaru, "Lebih baru di sini", true},
		{0, "", false},
	} {
		if c.st.String() != c.label || c.st.Conflict() != c.conflict {
			t.Errorf("%d: %q conflict=%v", c.st, c.st.String(), c.st.Conflict())
		}
	}
	for _, c := range []struct {
		m    PaketManifest
		want string
	}{
		{PaketManifest{Kind: PaketPegawai}, "Data pegawai dan riwayat"},
		{PaketManifest{Kind: PaketPegawai, Unit: "Sekretariat"}, "Data pegawai dan riwayat, unit Sekretariat"},
		{PaketManifest{Kind: PaketKinerja, Year: 2026}, "Kinerja (SKP dan evaluasi) satu tahun 2026"},
		{PaketManifest{Kind: PaketMerit, Year: 2025}, "Penilaian mandiri sistem merit 2025"},
		{PaketManifest{Kind: "lain"}, "lain"},
	} {
		if got := c.m.Description(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.m, got, c.want)
		}
	}
	p := PaketPlan{Items: []PaketItem{{Status: PaketBaru}, {Status: PaketSama}, {Status: PaketBaru}}}
	if p.Count(PaketBaru) != 2 || p.Count(PaketSama) != 1 || p.Count(PaketBerbeda) != 0 {
		t.Errorf("counts %d %d %d", p.Count(PaketBaru), p.Count(PaketSama), p.Count(PaketBerbeda))
	}
}

func TestPaketShownAsTheScreens(t *testing.T) {
	for _, c := range []struct{ kind, path, want string }{
		{"", "nama_jabatan", "Nama jabatan"},
		{"", "unit", "Unit kerja"},
		{"", "nomor_hp", "Nomor HP"},
		{"pangkat", "data.tmt", "TMT golongan"},
		{"jabatan", "data.nama", "Nama jabatan"},
		{"diklat", "data.nama", "Nama diklat/kursus"},
		{"gaji", "data.tmt", "TMT"},
		{"", "rhk[1].indikator[0].target", "RHK 2 › Indikator 1 › Target"},
		{"", "evaluasi[0].catatan", "Evaluasi 1 › Catatan"},
		{"", "kolom_baru_aneh", "Kolom baru aneh"},
	} {
		if got := PaketFieldLabel(c.kind, c.path); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.kind, c.path, got, c.want)
		}
	}
	for _, c := range []struct{ key, v, want string }{
		{"tmt", "2026-11-23", "23-11-2026"},
		{"updated", "2026-11-23T09:30:00+07:00", "23-11-2026 09:30"},
		{"tunjangan", "true", "ya"},
		{"data.ak_milli", "18750", "18,75"},
		{"golongan", "IV/a", "IV/a"},
		{"nama", "2026-11-23 rapat", "2026-11-23 rapat"},
	} {
		if got := PaketValue(c.key, c.v); got != c.want {
			t.Errorf("%s %q: %q, want %q", c.key, c.v, got, c.want)
		}
	}
	for _, c := range []struct {
		d    PaketDiff
		want string
	}{
		{PaketDiff{Field: "Golongan", Old: "IV/c", New: "IV/a"}, "Golongan: «IV/c» → «IV/a»"},
		{PaketDiff{Field: "Nomor HP", New: "0812"}, "Nomor HP: (kosong) → «0812»"},
		{PaketDiff{Field: "Riwayat jabatan Camat, TMT 01-01-2020: ditambahkan dari paket"}, "Riwayat jabatan Camat, TMT 01-01-2020: ditambahkan dari paket"},
	} {
		if got := c.d.Text(); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
	m := PaketManifest{Counts: map[string]int{"pegawai": 31, "skp": 34, "unit": 6, "bukti": 12, "riwayat": 0}}
	if got := m.CountsText(); got != "31 pegawai, 34 SKP, 6 unit kerja, 12 berkas bukti" {
		t.Errorf("counts %q", got)
	}
	if got := (PaketManifest{}).CountsText(); got != "kosong" {
		t.Errorf("empty counts %q", got)
	}
}

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

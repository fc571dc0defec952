package tui

import (
	"context"
	"time"

	"asndesk/domain"
)

// fakePaket is an in-memory PaketRepo: it records what the screens ask for
// and answers with a fixed preview, the shapes the store returns.
type fakePaket struct {
	created []fakePaketCreate
	plan    domain.PaketPlan
	opened  []string // path|passphrase|identity of every preview
	applied []map[string]bool
	keys    []string
	fail    error
}

type fakePaketCreate struct {
	slice      domain.PaketSlice
	path, pass string
	rcpts      []string
}

var _ PaketRepo = (*fakePaket)(nil)

func newFakePaket() *fakePaket {
	man := domain.PaketManifest{Format: "asndesk-paket", Version: 1, Office: "Kecamatan Sukamaju",
		Created: time.Date(2026, 11, 20, 14, 5, 0, 0, time.UTC), Kind: domain.PaketKinerja, Year: 2026,
		Counts: map[string]int{"pegawai": 2, "skp": 2, "unit": 1, "bukti": 1},
		Parts:  []domain.PaketPart{{Name: "bukti/ab12", Size: 10, SHA256: "ab12"}, {Name: "data.json", Size: 900, SHA256: "cd34"}}}
	return &fakePaket{plan: domain.PaketPlan{Manifest: man, Payload: "paket", Items: []domain.PaketItem{
		{Key: "unit|sekretariat", Entity: "unit", Label: "Unit kerja Sekretariat", Status: domain.PaketSama},
		{Key: "pegawai|198609262015052001", Entity: "pegawai", Label: "Pegawai Siti Aminah (NIP 19860926 201505 2 001)",
			Status: domain.PaketBerbeda, Diffs: []domain.PaketDiff{{Field: "Golongan", Old: "III/c", New: "III/b"},
				{Field: "Nomor HP", Old: "", New: "081234567890"},
				{Field: "Riwayat pangkat/golongan III/c, TMT 01-10-2026: hanya ada di sini, dihapus agar profil mengikuti versi paket"}}},
		{Key: "pegawai|199203032020121003", Entity: "pegawai", Label: "Pegawai Andi Saputra (NIP 19920303 202012 1 003)",
			Status: domain.PaketBaru},
		{Key: "skp|198609262015052001|2026-01-01", Entity: "skp", Label: "SKP 2026 Siti Aminah (1 Januari 2026 – 31 Desember 2026)",
			Status: domain.PaketLebihBaru, Diffs: []domain.PaketDiff{{Field: "Evaluasi 1 › Catatan", Old: "Baik sekali", New: "Baik"}}},
		{Key: "skp|199203032020121003|2026-01-01", Entity: "skp", Label: "SKP 2026 Andi Saputra (1 Januari 2026 – 31 Desember 2026)",
			Status: domain.PaketBaru},
	}}}
}

func (f *fakePaket) CreatePaketFile(_ context.Context, slice domain.PaketSlice, path, passphrase string, recipients []string) (domain.PaketManifest, error) {
	if f.fail != nil {
		return domain.PaketManifest{}, f.fail
	}
	f.created = append(f.created, fakePaketCreate{slice, path, passphrase, recipients})
	m := f.plan.Manifest
	m.Kind, m.Year, m.Office, m.File = slice.Kind, slice.Year, "Kecamatan Contoh", path
	return m, nil
}

func (f *fakePaket) PreviewPaketFile(_ context.Context, path, passphrase, identityFile string) (domain.PaketPlan, error) {
	f.opened = append(f.opened, path+"|"+passphrase+"|"+identityFile)
	if f.fail != nil {
		return domain.PaketPlan{}, f.fail
	}
	return f.plan, nil
}

func (f *fakePaket) ApplyPaket(_ context.Context, plan domain.PaketPlan, take map[string]bool) (domain.PaketSummary, error) {
	if f.fail != nil {
		return domain.PaketSummary{}, f.fail
	}
	f.applied = append(f.applied, take)
	sum := domain.PaketSummary{Bukti: 1}
	for _, it := range plan.Items {
		switch {
		case it.Status == domain.PaketBaru:
			sum.Added++
		case it.Status == domain.PaketSama:
			sum.Same++
		case take[it.Key]:
			sum.Replaced++
		default:
			sum.KeptLocal++
		}
	}
	return sum, nil
}

func (f *fakePaket) NewPaketKey(_ context.Context, path string) (string, error) {
	if f.fail != nil {
		return "", f.fail
	}
	f.keys = append(f.keys, path)
	return "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq", nil
}

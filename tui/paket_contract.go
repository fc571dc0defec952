package tui

import (
	"context"

	"asndesk/domain"
)

// PaketRepo creates, verifies and merges hand-over packets (the store in
// the app; store/PAKET.md describes the file).
type PaketRepo interface {
	// CreatePaketFile writes a new packet file (never over an existing
	// one), locked with the passphrase or for the recipient keys.
	CreatePaketFile(ctx context.Context, slice domain.PaketSlice, path, passphrase string, recipients []string) (domain.PaketManifest, error)
	// PreviewPaketFile opens and verifies a packet (passphrase, or the
	// path of an identity file) and compares it with the data: nothing is
	// written.
	PreviewPaketFile(ctx context.Context, path, passphrase, identityFile string) (domain.PaketPlan, error)
	// ApplyPaket merges a previewed packet in one transaction; conflicts
	// take the packet's version only where take[item key] is true.
	ApplyPaket(ctx context.Context, plan domain.PaketPlan, take map[string]bool) (domain.PaketSummary, error)
	// NewPaketKey writes a new identity file (secret) at path and returns
	// its recipient key (age1…) to give to senders.
	NewPaketKey(ctx context.Context, path string) (recipient string, err error)
}

package tui

// PaketRepo creates, verifies and merges hand-over packets.
type PaketRepo interface{}

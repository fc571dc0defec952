// Package assets embeds the reference data asndesk ships with: regulatory
// tables kept as versioned data, not code, so that a changed regulation is a
// new file rather than a new release of the rules.
package assets

import "embed"

//go:embed reference/*.json
var files embed.FS

// BUPGrid returns the batas usia pensiun table (reference/bup.json), parsed
// by domain.ParseBUPGrid.
func BUPGrid() []byte {
	b, err := files.ReadFile("reference/bup.json")
	if err != nil {
		panic("assets: bup.json missing from the build: " + err.Error()) // a build error, not user input
	}
	return b
}

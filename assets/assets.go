// Package assets embeds the reference data asndesk ships with: regulatory
// tables kept as versioned data, not code, so that a changed regulation is a
// new file rather than a new release of the rules.
package assets

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed reference/*.json instruments/*.json
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

// SKPReference returns the performance-cycle table (reference/skp.json):
// BerAKHLAK core values with panduan, rating and predikat labels, the
// predikat matrix, the distribution patterns and the head mapping, parsed
// by domain.ParseSKPReference.
func SKPReference() []byte { return mustRead("reference/skp.json") }

// AngkaKredit returns the angka kredit table (reference/angka_kredit.json):
// koefisien per jenjang and percentages per predikat, parsed by
// domain.ParseAKTable.
func AngkaKredit() []byte { return mustRead("reference/angka_kredit.json") }

// Instruments returns the shipped merit instrument files
// (instruments/*.json, format in INSTRUMEN.md), in file-name order:
// KASN-2019-LEGACY and PANRB-19-2025, both asndesk's readiness checklist
// (status draf), parsed by domain.ParseInstrument.
func Instruments() [][]byte {
	names, err := fs.Glob(files, "instruments/*.json")
	if err != nil || len(names) == 0 {
		panic("assets: instrument files missing from the build") // a build error, not user input
	}
	sort.Strings(names)
	out := make([][]byte, 0, len(names))
	for _, n := range names {
		out = append(out, mustRead(n))
	}
	return out
}

func mustRead(name string) []byte {
	b, err := files.ReadFile(name)
	if err != nil {
		panic("assets: " + name + " missing from the build: " + err.Error()) // a build error, not user input
	}
	return b
}

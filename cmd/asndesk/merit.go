package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"asndesk/domain"
)

const meritHelp = `Pemakaian: asndesk merit import-instrument --db BERKAS BERKAS-INSTRUMEN
Memuat instrumen penilaian mandiri sistem merit (berkas JSON, formatnya di
assets/INSTRUMEN.md), misalnya lampiran resmi yang sudah diketik ulang.
Penilaian yang sudah ada tetap memakai versi instrumen saat dibuat.
`

// cmdMerit runs the merit subcommands; today only import-instrument.
func cmdMerit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "import-instrument" {
		if len(args) > 0 && (args[0] == "--help" || args[0] == "-h") {
			fmt.Fprint(stderr, meritHelp)
			return nil
		}
		return usageError{"pakai: asndesk merit import-instrument [--db BERKAS] BERKAS-INSTRUMEN"}
	}
	fs := newFlags("merit import-instrument", meritHelp, stderr)
	db := fs.String("db", "", "")
	rest := args[1:]
	// The file is the one positional argument, before or after the flags.
	var file string
	if len(rest) > 0 && rest[0] != "" && rest[0][0] != '-' {
		file, rest = rest[0], rest[1:]
	}
	if err := fs.Parse(rest); err != nil {
		return usageError{"pilihan tidak dikenal"}
	}
	if file == "" && fs.NArg() == 1 {
		file = fs.Arg(0)
	} else if fs.NArg() > 0 {
		return usageError{"argumen tidak dikenal"}
	}
	if file == "" {
		return usageError{"sebutkan berkas instrumen: asndesk merit import-instrument BERKAS"}
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		return domain.Errorf(domain.EINVALID, "Berkas instrumen "+file+" tidak dapat dibaca.")
	}
	st, err := openDB(*db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	in, err := st.ImportInstrument(domain.WithActor(ctx, domain.SystemActor("asndesk merit")), raw)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Instrumen %s versi %s (%s, %s) dimuat: %d aspek, %d indikator.\n",
		in.ID, in.Version, in.Title, in.Status, len(in.Aspects), len(in.Indicators))
	return nil
}

package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"asndesk/domain"
	"asndesk/domain/importer"
	"asndesk/store/sheet"
	"asndesk/tui"
)

const importHelp = `Pemakaian: asndesk import employees|riwayat-pangkat|riwayat-jabatan [--db BERKAS] [--dry-run] [--lewati-galat] BERKAS
Mengimpor pegawai, riwayat pangkat atau riwayat jabatan dari lembar kerja
XLSX (Excel) atau CSV, misalnya unduhan SIASN/SIMPEG atau ekspor asndesk
sendiri. Judul kolom dikenali otomatis (NIP, NAMA, GELAR BLK, GOL/RUANG,
TMT GOLONGAN, UNOR, ...); baris judul boleh berada di bawah baris judul
laporan. Kolom yang tidak dikenali tidak dibaca dan disebut di laporan.
Laporan setiap baris dicetak lebih dahulu: baru, diperbarui, galat,
peringatan. Pegawai dicocokkan menurut NIP; hanya sel yang terisi yang
mengubah data. Unit kerja yang belum ada dibuat. Tanpa TMT GOLONGAN atau
TMT JABATAN, golongan dan jabatan pegawai baru dicatat di profil tanpa
riwayat, dan golongan atau jabatan pegawai yang sudah ada tidak diubah.
  --db BERKAS      berkas data
  --dry-run        hanya laporan, tidak ada yang disimpan
  --lewati-galat   simpan baris yang benar walaupun ada baris bergalat
                   (tanpa pilihan ini, impor ditolak bila ada galat)
`

var _ tui.ImportRepo = (*appRepo)(nil)

// ReadGrid reads an XLSX or CSV file for the import screens.
func (r *appRepo) ReadGrid(ctx context.Context, path string) (importer.Grid, error) {
	if err := ctx.Err(); err != nil {
		return importer.Grid{}, err
	}
	return sheet.Read(path)
}

// PlanImport previews an import against today's data. It shadows the
// store's method of the same name, which also takes the date.
func (r *appRepo) PlanImport(ctx context.Context, kind importer.Kind, g importer.Grid, m importer.Mapping) (importer.Report, error) {
	return r.Store.PlanImport(ctx, kind, g, m, domain.DateOf(time.Now()))
}

// cmdImport runs `asndesk import`: read, map automatically, print the
// report, and unless --dry-run apply it as the system actor.
func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && (args[0] == "--help" || args[0] == "-h") {
		fmt.Fprint(stderr, importHelp)
		return nil
	}
	if len(args) == 0 {
		return usageError{"pakai: asndesk import employees|riwayat-pangkat|riwayat-jabatan [--db BERKAS] [--dry-run] [--lewati-galat] BERKAS"}
	}
	kind, ok := importer.ParseKind(args[0])
	if !ok {
		return usageError{"jenis impor tidak dikenal: " + args[0] + " (employees, riwayat-pangkat atau riwayat-jabatan)"}
	}
	fs := newFlags("import", importHelp, stderr)
	db := fs.String("db", "", "")
	dry := fs.Bool("dry-run", false, "")
	skip := fs.Bool("lewati-galat", false, "")
	file, err := parseOneArg(fs, args[1:], "BERKAS lembar kerja")
	if err != nil {
		return err
	}
	g, err := sheet.Read(file)
	if err != nil {
		return err
	}
	path, err := existingDB(*db)
	if err != nil {
		return err
	}
	st, err := openDB(path, *dry)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx = domain.WithActor(ctx, domain.SystemActor("asndesk import"))
	rep, err := st.PlanImport(ctx, kind, g, importer.AutoMap(kind, g), domain.DateOf(time.Now()))
	if err != nil {
		return err
	}
	fmt.Fprint(stdout, rep.Text())
	switch {
	case *dry:
		fmt.Fprintln(stdout, "\nUji coba (--dry-run): tidak ada yang disimpan.")
		return nil
	case rep.Counts.Error > 0 && !*skip:
		return domain.Errorf(domain.EINVALID, fmt.Sprintf("Impor dibatalkan: %d baris bergalat. Perbaiki berkasnya, "+
			"atau jalankan lagi dengan --lewati-galat untuk menyimpan baris yang benar saja.", rep.Counts.Error))
	}
	sum, err := st.ApplyImport(ctx, rep)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "\n"+sum.Text())
	return nil
}

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"asndesk/domain"
	"asndesk/domain/doc"
	"asndesk/store"
	"asndesk/store/sheet"
)

func importCmd(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := cmdImport(context.Background(), args, &out, &errb)
	return out.String() + errb.String(), err
}

// demoDB writes a demo office of n employees and returns its path.
func demoDB(t *testing.T, n string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "kantor.db")
	if code, _, errs := runCmd(t, "demo", "--db", db, "--employees", n); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	return db
}

// exportEmployees writes the office's employees as asndesk's own sheet
// (doc.EmployeesSheet) in XLSX or CSV.
func exportEmployees(t *testing.T, db, format string) string {
	t.Helper()
	st, err := store.Open(db, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := domain.WithActor(context.Background(), domain.SystemActor("test"))
	emps, err := st.AllEmployees(ctx)
	if err != nil {
		t.Fatal(err)
	}
	units, err := st.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	names := map[uint64]string{}
	for _, u := range units {
		names[u.ID] = u.Name
	}
	sh := doc.EmployeesSheet(emps, doc.Opts{UnitName: func(id uint64) string { return names[id] }})
	var buf bytes.Buffer
	if format == "csv" {
		err = sheet.WriteCSV(&buf, sh)
	} else {
		err = sheet.WriteXLSX(&buf, []doc.Sheet{sh})
	}
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "pegawai."+format)
	if err := os.WriteFile(p, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// An export imported back into the same office changes nothing.
func TestImportRoundTrip(t *testing.T) {
	db := demoDB(t, "40")
	for _, format := range []string{"xlsx", "csv"} {
		t.Run(format, func(t *testing.T) {
			file := exportEmployees(t, db, format)
			out, err := importCmd(t, "employees", "--db", db, file)
			if domain.ErrorMessage(err) != "Tidak ada baris yang dapat diimpor: semua baris bergalat atau sudah sama dengan data." {
				t.Fatalf("err %v\n%s", err, out)
			}
			if !strings.Contains(out, "Baru: 0  Diperbarui: 0  Tidak berubah: 40  Galat: 0  Peringatan: 0") {
				t.Fatalf("report:\n%s", out)
			}
		})
	}
}

func writeCSV(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "impor.csv")
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportCommand(t *testing.T) {
	db := demoDB(t, "10")
	good := "198501012010011001;010101010;Budi Santoso;S.Kom.;III/b;01-04-2020;Bidang Impor;pindahan"
	bad := "1,98501E+17;;Ani;;II/c;;;"
	file := writeCSV(t, "NIP BARU;NIP LAMA;NAMA;GELAR BLK;GOL/RUANG;TMT GOL;UNOR;KETERANGAN\n"+good+"\n"+bad+"\n")

	t.Run("dry run", func(t *testing.T) {
		out, err := importCmd(t, "employees", "--dry-run", "--db", db, file)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Baru: 1  Diperbarui: 0  Tidak berubah: 0  Galat: 1  Peringatan: 1",
			"Unit kerja baru: Bidang Impor", "Kolom tidak dibaca: B «NIP LAMA», H «KETERANGAN»\n", "Baris 3 — galat — Ani",
			"galat: NIP tertulis 1,98501E+17: Excel mengubahnya menjadi angka ilmiah",
			"Uji coba (--dry-run): tidak ada yang disimpan."} {
			if !strings.Contains(out, want) {
				t.Fatalf("missing %q in\n%s", want, out)
			}
		}
	})
	t.Run("errors refuse the import", func(t *testing.T) {
		_, err := importCmd(t, "employees", "--db", db, file)
		if got := domain.ErrorMessage(err); got != "Impor dibatalkan: 1 baris bergalat. Perbaiki berkasnya, atau jalankan "+
			"lagi dengan --lewati-galat untuk menyimpan baris yang benar saja." {
			t.Fatalf("got %q", got)
		}
	})
	t.Run("lewati galat", func(t *testing.T) {
		out, err := importCmd(t, "employees", file, "--db", db, "--lewati-galat")
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if !strings.Contains(out, "Impor selesai: 1 pegawai baru, 0 diperbarui, 1 entri riwayat, 1 unit kerja baru; 1 baris bergalat dilewati.") {
			t.Fatalf("out:\n%s", out)
		}
	})
	t.Run("riwayat pangkat", func(t *testing.T) {
		f := writeCSV(t, "NIP,GOLONGAN,TMT GOLONGAN,NOMOR SK\n198501012010011001,III/c,01-04-2024,823/1/2024\n")
		out, err := importCmd(t, "riwayat-pangkat", "--db", db, f)
		if err != nil || !strings.Contains(out, "Impor selesai: 1 entri riwayat pangkat baru, profil 1 pegawai ikut diperbarui.") {
			t.Fatalf("%v\n%s", err, out)
		}
	})
	t.Run("no tmt", func(t *testing.T) {
		// A newer golongan without its TMT changes nothing, and says why;
		// the gelar from the file was kept and is unchanged too.
		f := writeCSV(t, "NIP,GELAR BLK,GOLONGAN\n198501012010011001,S.Kom.,IV/a\n")
		out, err := importCmd(t, "employees", "--dry-run", "--db", db, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Baru: 0  Diperbarui: 0  Tidak berubah: 1  Galat: 0  Peringatan: 1",
			"Baris 2 — tidak berubah — 198501012010011001 Budi Santoso",
			"  peringatan: Golongan tetap III/c (di berkas IV/a) karena berkas tidak memuat kolom TMT GOLONGAN; " +
				"impor riwayat pangkat dengan TMT-nya untuk mengubahnya."} {
			if !strings.Contains(out, want) {
				t.Fatalf("missing %q in\n%s", want, out)
			}
		}
		if code, out, _ := runCmd(t, "check", "--db", db); code != 0 {
			t.Fatalf("check: %s", out)
		}
	})
	t.Run("bad file", func(t *testing.T) {
		pdf := filepath.Join(t.TempDir(), "pegawai.xlsx")
		os.WriteFile(pdf, []byte("%PDF-1.4\n"), 0o600)
		_, err := importCmd(t, "employees", "--db", db, pdf)
		if got := domain.ErrorMessage(err); got != "Berkas pegawai.xlsx adalah PDF, bukan lembar kerja. Impor memerlukan berkas XLSX (Excel) atau CSV." {
			t.Fatalf("got %q", got)
		}
	})
	t.Run("usage", func(t *testing.T) {
		for _, args := range [][]string{{}, {"gaji", file}, {"employees"}, {"employees", "a", "b"}, {"employees", "--kata", file}} {
			if _, err := importCmd(t, args...); err == nil {
				t.Fatalf("%v: no error", args)
			} else if _, ok := err.(usageError); !ok {
				t.Fatalf("%v: %v is not a usage error", args, err)
			}
		}
		out, err := importCmd(t, "--help")
		if err != nil || !strings.Contains(out, "Pemakaian: asndesk import") {
			t.Fatalf("help: %v %q", err, out)
		}
	})
}

package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"asndesk/domain"

	"github.com/xuri/excelize/v2"
)

func exportCmd(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	return runDocsCmd(t, func(ctx context.Context, a []string, o, e *bytes.Buffer) error { return cmdExport(ctx, a, o, e) }, args...)
}

// xlsxTSV dumps every worksheet's cells as tab-separated lines, the sheet
// name first: what a user sees when opening the file in Excel.
func xlsxTSV(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var b strings.Builder
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: false})
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("## " + name + "\n")
		for _, r := range rows {
			b.WriteString(strings.Join(r, "\t") + "\n")
		}
	}
	return b.String()
}

// The issue: "Goldens of XLSX cell contents": every export KIND of the
// demo office as XLSX, reopened with excelize.
func TestExportGoldens(t *testing.T) {
	db := docsDB(t)
	nip, _ := docsSubject(t, db)
	dir := t.TempDir()
	cases := []struct {
		kind string
		args []string
		head string // a column title the national systems or the importer expect
	}{
		{"pegawai", nil, "GELAR DEPAN"},
		{"nominatif", []string{"--kolom", "nip,nama,golongan,jabatan,unit,usia"}, ""},
		{"duk", nil, ""},
		{"pengingat", nil, ""},
		{"monitoring", []string{"--periode", "1"}, ""},
		{"evaluasi", nil, ""},
		{"merit", nil, ""},
		{"rw-skp22", []string{"--tahun", "2025"}, "hasilKinerja"},
		{"rw-kinerjaperiodik", nil, "periodikNama"},
		{"progress-harian", []string{"--nip", nip}, "Rencana Aksi"},
	}
	for _, c := range cases {
		t.Run(c.kind, func(t *testing.T) {
			out := filepath.Join(dir, c.kind+".xlsx")
			args := append([]string{c.kind, "--db", db, "--out", out}, c.args...)
			stdout, _, err := exportCmd(t, args...)
			if err != nil {
				t.Fatalf("export %v: %s", args, domain.ErrorMessage(err))
			}
			if !strings.HasPrefix(stdout, "Tersimpan: "+out+" (") {
				t.Fatalf("stdout %q", stdout)
			}
			tsv := xlsxTSV(t, out)
			if c.head != "" && !strings.Contains(tsv, c.head) {
				t.Errorf("no column %q in\n%s", c.head, tsv)
			}
			golden(t, "export_"+c.kind+".golden", tsv)
		})
	}
}

// CSV: to a file (UTF-8 with the BOM Excel needs) and to stdout with
// --out -; the format follows the file's extension.
func TestExportCSV(t *testing.T) {
	db := docsDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "duk.csv")
	stdout, _, err := exportCmd(t, "duk", "--db", db, "--out", out)
	if err != nil {
		t.Fatal(domain.ErrorMessage(err))
	}
	if !strings.HasPrefix(stdout, "Tersimpan: "+out) {
		t.Fatalf("stdout %q", stdout)
	}
	piped, _, err := exportCmd(t, "duk", "--db", db, "--out", "-")
	if err != nil {
		t.Fatal(domain.ErrorMessage(err))
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(piped, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatalf("stdout is not CSV: %v", err)
	}
	if len(rows) < 2 {
		t.Fatalf("%d rows", len(rows))
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "\t") + "\n")
	}
	golden(t, "export_duk_csv.golden", b.String())
	// The nominatif lists exactly the active employees the screen shows.
	piped, _, err = exportCmd(t, "nominatif", "--db", db, "--out", "-", "--kolom", "nip,nama,status")
	if err != nil {
		t.Fatal(domain.ErrorMessage(err))
	}
	rows, _ = csv.NewReader(strings.NewReader(strings.TrimPrefix(piped, "\ufeff"))).ReadAll()
	if len(rows) < 2 || rows[0][len(rows[0])-1] != "Status" {
		t.Fatalf("nominatif header %v", rows)
	}
	for _, r := range rows[1:] {
		switch r[len(r)-1] {
		case "Pensiun", "Pindah", "Meninggal", "Diberhentikan":
			t.Errorf("an inactive employee in the nominatif: %v", r)
		}
	}
}

func TestExportBadInput(t *testing.T) {
	db := docsDB(t)
	dir := t.TempDir()
	cases := []struct {
		args  []string
		usage bool
		want  string
	}{
		{[]string{"gaji", "--db", db}, true, "jenis daftar tidak dikenal: gaji (pilih: json, pegawai, nominatif, duk, pengingat, monitoring, evaluasi, merit, rw-skp22, rw-kinerjaperiodik, progress-harian)"},
		{[]string{"duk", "--db", db, "--format", "ods"}, true, "--format harus xlsx atau csv"},
		{[]string{"duk", "--db", db, "--out", "-", "--format", "xlsx"}, true, "XLSX tidak dapat ditulis ke keluaran standar"},
		{[]string{"progress-harian", "--db", db}, true, "progress-harian perlu --nip NIP"},
		{[]string{"progress-harian", "--db", db, "--nip", "199001012020121001"}, false, "Pegawai dengan NIP 199001012020121001 tidak ditemukan."},
		{[]string{"monitoring", "--db", db, "--periode", "9"}, true, "--periode paling besar 4"},
		{[]string{"merit", "--db", db, "--merit", "999"}, false, ""},
		{[]string{"evaluasi", "--db", db, "--tahun", "2001"}, false, "Belum ada SKP tahun 2001."},
		{[]string{"rw-skp22", "--db", db}, false, "Belum ada evaluasi tahunan yang final untuk tahun 2026. Pilih tahun lain dengan --tahun."},
		{[]string{"pegawai", "--db", db, "--out", filepath.Join(dir, "x", "p.xlsx")}, false, "tidak ada."},
	}
	for _, c := range cases {
		_, _, err := exportCmd(t, c.args...)
		if err == nil {
			t.Errorf("%v: no error", c.args)
			continue
		}
		_, isUsage := err.(usageError)
		msg := err.Error()
		if !isUsage {
			msg = domain.ErrorMessage(err)
		}
		if isUsage != c.usage || !strings.Contains(msg, c.want) || strings.Contains(msg, "internal") {
			t.Errorf("%v: %q (usage %v), want %q (usage %v)", c.args, msg, isUsage, c.want, c.usage)
		}
	}
}

// Without --out the file lands in the current folder under the kind and
// date, and a second export does not replace the first.
func TestExportDefaultName(t *testing.T) {
	db := docsDB(t)
	t.Chdir(t.TempDir())
	for i, want := range []string{"pegawai 2026-07-15.xlsx", "pegawai 2026-07-15 (2).xlsx"} {
		stdout, _, err := exportCmd(t, "pegawai", "--db", db)
		if err != nil {
			t.Fatal(domain.ErrorMessage(err))
		}
		if !strings.Contains(stdout, string(filepath.Separator)+want+" (") {
			t.Fatalf("export %d: stdout %q, want %s", i+1, stdout, want)
		}
		if !strings.Contains(stdout, "("+strconv.Itoa(docsEmployees)+" baris)") {
			t.Errorf("stdout %q, want %d rows", stdout, docsEmployees)
		}
	}
}

// Default names say what was exported: the unit, the pegawai by name and
// NIP, the merit assessment's scope; never a bare record number.
func TestExportDefaultNameSaysFilter(t *testing.T) {
	db := docsDB(t)
	nip, _ := docsSubject(t, db)
	t.Chdir(t.TempDir())
	name := func(args ...string) string {
		t.Helper()
		stdout, _, err := exportCmd(t, append(args, "--db", db)...)
		if err != nil {
			t.Fatalf("%v: %s", args, domain.ErrorMessage(err))
		}
		line, _, _ := strings.Cut(stdout, "\n")
		return filepath.Base(strings.TrimSuffix(line[:strings.LastIndex(line, " (")], " "))
	}
	if got := name("duk", "--unit", "sekretariat"); got != "duk Sekretariat 2026-07-15.xlsx" {
		t.Errorf("duk --unit: %q", got)
	}
	if got := name("merit"); got != "merit 2026 Instansi.xlsx" {
		t.Errorf("merit: %q", got)
	}
	if got := name("monitoring", "--periode", "1"); got != "monitoring 2026 Triwulan I.xlsx" {
		t.Errorf("monitoring: %q", got)
	}
	got := name("progress-harian", "--nip", nip)
	if !strings.HasPrefix(got, "progress-harian 2026 ") || !strings.HasSuffix(got, " "+nip+".xlsx") || strings.Contains(got, ",") {
		t.Errorf("progress-harian: %q, want the name then the NIP", got)
	}
}

// The SIASN upload files start with the field names; the command says
// which columns the operator still has to fill.
func TestExportSIASNNote(t *testing.T) {
	db := docsDB(t)
	out := filepath.Join(t.TempDir(), "skp22.xlsx")
	stdout, _, err := exportCmd(t, "rw-skp22", "--db", db, "--tahun", "2025", "--out", out)
	if err != nil {
		t.Fatal(domain.ErrorMessage(err))
	}
	if !strings.Contains(stdout, "Catatan: Kolom hasilKinerjaNilai") || strings.Contains(stdout, "(K3)") {
		t.Errorf("stdout %q", stdout)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil || len(rows) < 2 || rows[0][0] != "nipBaru" {
		t.Errorf("row 1 %q, %v", rows[0], err)
	}
}

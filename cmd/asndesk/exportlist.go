package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"asndesk/domain"
	"asndesk/domain/doc"
	"asndesk/store/sheet"
)

const exportListHelp = `Pemakaian: asndesk export JENIS [--format xlsx|csv] [--out BERKAS] [--db BERKAS] [saringan]
Menulis daftar sebagai Excel (XLSX) atau CSV dengan kolom seperti di layar.

JENIS:
  json                 seluruh data sebagai satu dokumen JSON (lihat asndesk export json --help)
  pegawai              semua pegawai, satu baris per profil; nama kolom gaya SIASN/SIMPEG
                       sehingga berkasnya dapat diimpor kembali (--unit menyaring)
  nominatif            pegawai aktif (--unit, --kolom seperti asndesk print nominatif)
  duk                  daftar urut kepangkatan (--unit)
  pengingat            pengingat kepegawaian (--unit)
  monitoring           monitoring SKP per unit (--tahun, --periode; 0 = tahunan)
  evaluasi             daftar evaluasi SKP dengan predikat per periode (--tahun, --unit)
  merit                jawaban penilaian mandiri sistem merit (--merit ID, atau yang terbaru)
  rw-skp22             evaluasi tahunan final, nama isian SIASN rw-skp22 (--tahun, --unit, --nip)
  rw-kinerjaperiodik   evaluasi periodik final, nama isian SIASN rw-kinerjaperiodik (--tahun, --unit, --nip)
  progress-harian      realisasi SKP dalam urutan kolom "progress harian" e-Kinerja (--nip, --tahun)
                       Ketiganya untuk diunggah: baris 1 langsung berisi nama kolom, tanpa judul.
                       Kolom hasilKinerjaNilai, perilakuKerjaNilai, kuadranKinerjaNilai,
                       periodikId dan koefisienId dibiarkan kosong karena kode angkanya di
                       SIASN belum diketahui asndesk: isi menurut referensi SIASN sebelum
                       diunggah.

Pilihan:
  --format xlsx|csv    bawaan: menurut akhiran --out, selain itu xlsx. CSV: UTF-8, koma,
                       hanya satu daftar
  --out BERKAS         berkas tujuan; yang sudah ada tidak ditimpa (ditulis "nama (2).xlsx").
                       Tanpa --out: nama menurut jenis, saringan dan tanggal atau tahun
                       (mis. "duk Puskesmas 2026-07-15.xlsx") di folder sekarang.
                       --out - menulis CSV ke keluaran standar.
  --db BERKAS          berkas data
  --nip, --unit, --tahun, --periode, --kolom, --merit: seperti asndesk print
`

// exportListKinds are the KIND arguments of `asndesk export` besides json.
func exportListKinds() []string {
	return []string{"pegawai", "nominatif", "duk", "pengingat", "monitoring", "evaluasi", "merit",
		"rw-skp22", "rw-kinerjaperiodik", "progress-harian"}
}

// cmdExportList is `asndesk export KIND …` for every KIND but json.
func cmdExportList(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", exportListHelp, stderr)
	var f docFlags
	f.register(fs)
	fs.StringVar(&f.format, "format", "", "")
	kind, err := parseKindArgs(fs, &f, args)
	if err != nil {
		return err
	}
	if kind == "json" { // "export --db X json": flags before the kind
		rest := []string{"json"}
		if f.db != "" {
			rest = append(rest, "--db", f.db)
		}
		if f.out != "" {
			rest = append(rest, "--out", f.out)
		}
		return cmdExport(ctx, rest, stdout, stderr)
	}
	known := false
	for _, k := range exportListKinds() {
		known = known || k == kind
	}
	if !known {
		if kind == "" {
			return usageError{"sebutkan jenis daftar: asndesk export JENIS (JENIS: json, " + strings.Join(exportListKinds(), ", ") + ")"}
		}
		return usageError{"jenis daftar tidak dikenal: " + kind + " (pilih: json, " + strings.Join(exportListKinds(), ", ") + ")"}
	}
	format := strings.ToLower(strings.TrimSpace(f.format))
	if format == "" {
		format = "xlsx"
		if strings.EqualFold(filepath.Ext(f.out), ".csv") || f.out == "-" {
			format = "csv"
		}
	}
	if format != "xlsx" && format != "csv" {
		return usageError{"--format harus xlsx atau csv"}
	}
	if f.out == "-" && format != "csv" {
		return usageError{"XLSX tidak dapat ditulis ke keluaran standar; pakai --out BERKAS.xlsx atau --format csv"}
	}
	env, err := openDocEnv(ctx, f.db, "asndesk export")
	if err != nil {
		return err
	}
	defer env.st.Close()
	sh, name, err := env.exportSheet(kind, &f)
	if err != nil {
		return err
	}
	if f.out == "-" {
		return sheet.WriteCSV(stdout, sh)
	}
	out := f.out
	if strings.TrimSpace(out) == "" {
		out = name + "." + format
	}
	path, err := writeSheets(ctx, out, format, []doc.Sheet{sh})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Tersimpan: %s (%d baris)\n", path, len(sh.Rows))
	if kind == "rw-skp22" || kind == "rw-kinerjaperiodik" {
		fmt.Fprintln(stdout, "Catatan: "+doc.SIASNNote)
	}
	return nil
}

// personName is "Nama NIP" for a file name: the name without gelar
// belakang (after the first comma), then the bare NIP.
func personName(nama, nip string) string {
	nama, _, _ = strings.Cut(nama, ",")
	return strings.TrimSpace(strings.TrimSpace(nama) + " " + domain.Digits(nip))
}

// exportSheet builds the sheet of kind and a default file name for it:
// the kind, then what narrows it (the unit, the pegawai by name and NIP,
// the merit assessment's scope, the period), then the date or year.
func (e *docEnv) exportSheet(kind string, f *docFlags) (doc.Sheet, string, error) {
	stamp := fmt.Sprintf("%04d-%02d-%02d", e.today.Year, int(e.today.Month), e.today.Day)
	year := strconv.Itoa(e.year(f))
	unitLabel := strings.TrimSpace(f.unit) // the unit as Struktur organisasi spells it, once found
	if id, err := e.unitID(f.unit); err == nil && id != 0 {
		unitLabel = e.unitName[id]
	}
	switch kind {
	case "pegawai":
		unit, err := e.unitID(f.unit)
		if err != nil {
			return doc.Sheet{}, "", err
		}
		all, err := e.employees()
		if err != nil {
			return doc.Sheet{}, "", err
		}
		var emps []domain.Employee
		for _, x := range all {
			if unit == 0 || x.UnitID == unit {
				emps = append(emps, x)
			}
		}
		if len(emps) == 0 {
			return doc.Sheet{}, "", domain.Errorf(domain.ENOTFOUND, "Tidak ada pegawai untuk diekspor.")
		}
		rw, err := e.allRiwayat()
		if err != nil {
			return doc.Sheet{}, "", err
		}
		o := e.opts(unitFilterText(f.unit))
		o.Riwayat = func(id uint64) []domain.Riwayat { return rw[id] }
		return doc.EmployeesSheet(emps, o), doc.FileName("pegawai", unitLabel, stamp), nil
	case "nominatif":
		cols, err := nominatifCols(f.kolom)
		if err != nil {
			return doc.Sheet{}, "", err
		}
		emps, err := e.nominatifEmps(f.unit)
		if err != nil {
			return doc.Sheet{}, "", err
		}
		return doc.NominatifSheet(cols, emps, e.opts(unitFilterText(f.unit))), doc.FileName("nominatif", unitLabel, stamp), nil
	case "duk":
		rows, err := e.dukRows(f.unit)
		if err != nil {
			return doc.Sheet{}, "", err
		}
		return doc.DUKSheet(rows, e.opts(unitFilterText(f.unit))), doc.FileName("duk", unitLabel, stamp), nil
	case "pengingat":
		rs, name, err := e.reminders(f.unit)
		if err != nil {
			return doc.Sheet{}, "", err
		}
		return doc.PengingatSheet(rs, name, e.opts(unitFilterText(f.unit))), doc.FileName("pengingat", unitLabel, stamp), nil
	case "monitoring":
		m, err := e.monitoring(f)
		if err != nil {
			return doc.Sheet{}, "", err
		}
		o := e.opts("")
		period := ""
		if m.Period > 0 {
			freq := o.Frequency
			if m.Period > 4 {
				freq = domain.Bulanan
			}
			period = freq.PeriodLabel(m.Period)
		}
		return doc.MonitoringSheet(m, o), doc.FileName("monitoring", year, period), nil
	case "evaluasi":
		rows, err := e.skpRows(f)
		if err != nil {
			return doc.Sheet{}, "", err
		}
		emps, err := e.employees()
		if err != nil {
			return doc.Sheet{}, "", err
		}
		nips := make(map[uint64]string, len(emps))
		for _, x := range emps {
			nips[x.ID] = x.NIP
		}
		o := e.opts(unitFilterText(f.unit))
		o.NIPOf = func(id uint64) string { return nips[id] }
		return doc.EvaluasiSheet(rows, e.year(f), o), doc.FileName("evaluasi", year, unitLabel), nil
	case "merit":
		a, in, err := e.meritAssessment(f)
		if err != nil {
			return doc.Sheet{}, "", err
		}
		// Named by what was assessed, not by the assessment's number.
		return doc.MeritAnswersSheet(a, in, e.opts("")), doc.FileName("merit", strconv.Itoa(a.Year), e.meritScope(a.UnitID)), nil
	case "rw-skp22", "rw-kinerjaperiodik":
		files, err := e.skpFiles(f)
		if err != nil {
			return doc.Sheet{}, "", err
		}
		if !anyFinalEval(files, kind == "rw-skp22") {
			what := "periodik"
			if kind == "rw-skp22" {
				what = "tahunan"
			}
			msg := "Belum ada evaluasi " + what + " yang final untuk tahun " + year + "."
			if f.tahun == 0 {
				msg += " Pilih tahun lain dengan --tahun."
			}
			return doc.Sheet{}, "", domain.Errorf(domain.ENOTFOUND, msg)
		}
		who := unitLabel
		if strings.TrimSpace(f.nip) != "" {
			who = personName(files[0].SKP.Pegawai.Nama, files[0].SKP.Pegawai.NIP)
		}
		if kind == "rw-skp22" {
			return doc.SIASNSkp22Sheet(files, e.opts("")), doc.FileName("rw-skp22", year, who), nil
		}
		return doc.SIASNKinerjaPeriodikSheet(files, e.opts("")), doc.FileName("rw-kinerjaperiodik", year, who), nil
	case "progress-harian":
		if strings.TrimSpace(f.nip) == "" {
			return doc.Sheet{}, "", usageError{"progress-harian perlu --nip NIP"}
		}
		files, err := e.skpFiles(f)
		if err != nil {
			return doc.Sheet{}, "", err
		}
		// One employee may have several SKPs in a year (a move mid-year):
		// the latest-starting one is the running plan.
		sf := files[0]
		for _, x := range files[1:] {
			if sf.SKP.Start.Before(x.SKP.Start) {
				sf = x
			}
		}
		return doc.ProgressHarianSheet(sf, e.opts("")), doc.FileName("progress-harian", year, personName(sf.SKP.Pegawai.Nama, sf.SKP.Pegawai.NIP)), nil
	}
	return doc.Sheet{}, "", usageError{"jenis daftar tidak dikenal: " + kind}
}

// skpRows are the SKP rows of the year for the evaluations list, of one
// unit with --unit, ordered by pegawai name.
func (e *docEnv) skpRows(f *docFlags) ([]domain.SKPRow, error) {
	unit, err := e.unitID(f.unit)
	if err != nil {
		return nil, err
	}
	rows, err := e.st.SKPRows(e.ctx, e.year(f))
	if err != nil {
		return nil, err
	}
	var out []domain.SKPRow
	for _, r := range rows {
		if unit == 0 || r.UnitID == unit {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil, domain.Errorf(domain.ENOTFOUND, "Belum ada SKP tahun "+strconv.Itoa(e.year(f))+".")
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].PegawaiNama < out[j].PegawaiNama })
	return out, nil
}

// monitoring is domain.MonitorWith over what the Monitoring screen loads.
func (e *docEnv) monitoring(f *docFlags) (domain.Monitoring, error) {
	year := e.year(f)
	set, err := e.st.SKPSettings(e.ctx)
	if err != nil {
		return domain.Monitoring{}, err
	}
	if f.periode > set.Frequency.Periods() {
		return domain.Monitoring{}, usageError{"--periode paling besar " + strconv.Itoa(set.Frequency.Periods()) + " (0 = tahunan)"}
	}
	rows, err := e.st.ListRows(e.ctx)
	if err != nil {
		return domain.Monitoring{}, err
	}
	skps, err := e.st.SKPRows(e.ctx, year)
	if err != nil {
		return domain.Monitoring{}, err
	}
	org, err := e.st.OrgRatings(e.ctx, year)
	if err != nil {
		return domain.Monitoring{}, err
	}
	return domain.MonitorWith(rows, e.units, skps, org, year, f.periode, e.today, set), nil
}

// anyFinalEval reports whether a file has a final annual (or periodic)
// evaluation: the SIASN shapes carry only those, and an empty upload
// file would look like a fault.
func anyFinalEval(files []domain.SKPFile, annual bool) bool {
	for _, f := range files {
		for _, ev := range f.Evals {
			if ev.Final && (ev.Kind == domain.EvalTahunan) == annual {
				return true
			}
		}
	}
	return false
}

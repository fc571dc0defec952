package doc

import (
	"strings"
	"unicode"

	"asndesk/domain"
)

// sheetBuilder collects columns with their XLSX types so a title and its
// type can never drift apart.
type sheetBuilder struct{ s Sheet }

func newSheet(name, title string) *sheetBuilder {
	return &sheetBuilder{s: Sheet{Name: name, Title: title}}
}

func (b *sheetBuilder) col(title, typ string) *sheetBuilder {
	b.s.Columns = append(b.s.Columns, title)
	b.s.Types = append(b.s.Types, typ)
	return b
}

func (b *sheetBuilder) row(cells ...string) { b.s.Rows = append(b.s.Rows, cells) }

// NominatifSheet exports the nominatif with the chosen columns, titled as
// the screen titles them.
func NominatifSheet(cols []NominatifColumn, emps []domain.Employee, o Opts) Sheet {
	b := newSheet("Nominatif", sheetTitle(o, "Daftar nominatif pegawai", o.Office.Name, keadaanShort(o), o.Filter))
	b.col("No", "n")
	for _, c := range cols {
		b.col(c.Label, nominatifType(c.Key))
	}
	b.s.Rows = make([][]string, 0, len(emps))
	for i := range emps {
		row := make([]string, 0, len(cols)+1)
		row = append(row, itoa(i+1))
		for _, c := range cols {
			v := c.value(&emps[i], o)
			if c.Key == "nip" {
				v = domain.Digits(emps[i].NIP) // 18 bare digits: what a spreadsheet user filters and pastes
			}
			row = append(row, v)
		}
		b.row(row...)
	}
	return b.s
}

func keadaanShort(o Opts) string {
	if o.Today.IsZero() {
		return ""
	}
	return "keadaan " + o.Today.String()
}

// Column titles of EmployeesSheet: the SIASN/SIMPEG-style names the
// importer recognises, so an export imports back unchanged.
var employeeColumns = []struct{ title, typ string }{
	{"NIP", ""}, {"NAMA", ""}, {"GELAR DEPAN", ""}, {"GELAR BELAKANG", ""}, {"TEMPAT LAHIR", ""},
	{"TANGGAL LAHIR", "d"}, {"JENIS KELAMIN", ""}, {"AGAMA", ""}, {"STATUS PERKAWINAN", ""}, {"NIK", ""},
	{"ALAMAT", ""}, {"NO HP", ""}, {"EMAIL", ""}, {"JENIS PEGAWAI", ""}, {"STATUS PEGAWAI", ""},
	{"TMT CPNS", "d"}, {"TMT PNS", "d"}, {"TMT KONTRAK", "d"}, {"AKHIR KONTRAK", "d"}, {"GOLONGAN", ""},
	{"TMT GOLONGAN", "d"}, {"JENIS JABATAN", ""}, {"JENJANG", ""}, {"JABATAN", ""}, {"TMT JABATAN", "d"},
	{"UNIT KERJA", ""}, {"PENDIDIKAN", ""},
}

// EmployeeColumns lists EmployeesSheet's column titles in order (the
// importer's round-trip test reads them).
func EmployeeColumns() []string {
	out := make([]string, len(employeeColumns))
	for i, c := range employeeColumns {
		out[i] = c.title
	}
	return out
}

// EmployeesSheet exports full profiles ("pegawai"), one row each, under
// the SIASN/SIMPEG-style column names the importer recognises. Values are
// the bare stored forms (NIP and NIK digits, golongan code, labels of the
// enums) so they read back unchanged.
func EmployeesSheet(emps []domain.Employee, o Opts) Sheet {
	b := newSheet("Pegawai", sheetTitle(o, "Data pegawai", o.Office.Name, keadaanShort(o)))
	for _, c := range employeeColumns {
		b.col(c.title, c.typ)
	}
	b.s.Rows = make([][]string, 0, len(emps))
	for _, e := range emps {
		jenjang := ""
		if e.Jenjang != 0 {
			jenjang = e.Jenjang.String()
		}
		// The TMT of the latest pangkat and jabatan entries: with them an
		// operator who edits GOLONGAN or JABATAN in this file and imports
		// it back gets a riwayat entry, not a refusal for a missing TMT.
		var tmtGol, tmtJab domain.Date
		if o.Riwayat != nil {
			rs := o.Riwayat(e.ID)
			if p, ok := domain.LatestPangkat(rs); ok && p.Golongan == e.Golongan {
				tmtGol = p.TMT
			}
			if j, ok := domain.LatestJabatan(rs); ok && j.Nama == e.NamaJabatan {
				tmtJab = j.TMT
			}
		}
		b.row(
			domain.Digits(e.NIP), e.Nama, e.GelarDepan, e.GelarBelakang, e.TempatLahir,
			e.TanggalLahir.String(), e.JenisKelamin.String(), e.Agama, e.StatusPerkawinan, domain.Digits(e.NIK),
			e.Alamat, e.NomorHP, e.Email, e.Kind.String(), e.Status.String(),
			e.TMTCPNS.String(), e.TMTPNS.String(), e.TMTKontrak.String(), e.AkhirKontrak.String(), e.Golongan,
			tmtGol.String(), e.JenisJabatan.String(), jenjang, e.NamaJabatan, tmtJab.String(), o.unit(e.UnitID), e.Pendidikan,
		)
	}
	return b.s
}

// DUKSheet exports the DUK; rows already sorted. Numbers and dates go in
// their own columns so the sheet sorts and filters.
func DUKSheet(rows []domain.DUKRow, o Opts) Sheet {
	b := newSheet("DUK", sheetTitle(o, "Daftar urut kepangkatan", o.Office.Name, keadaanShort(o), o.Filter))
	b.col("No", "n").col("NIP", "").col("Nama", "").col("Golongan", "").col("Pangkat", "").col("TMT golongan", "d").
		col("Jabatan", "").col("TMT jabatan", "d").col("Eselon", "").col("Masa kerja tahun", "n").col("Masa kerja bulan", "n").
		col("Diklat PIM", "").col("Tahun diklat PIM", "n").col("Pendidikan", "").col("Tahun lulus", "n").
		col("Tanggal lahir", "d").col("Unit kerja", "")
	b.s.Rows = make([][]string, 0, len(rows))
	pangkats := map[string]string{}
	for _, g := range domain.PNSGolongan() {
		pangkats[g.Code] = g.Pangkat
	}
	for i, r := range rows {
		pangkat := pangkats[r.Golongan]
		b.row(itoa(i+1), domain.Digits(r.NIP), r.Nama, r.Golongan, pangkat, r.TMTGolongan.String(),
			r.NamaJabatan, r.TMTJabatan.String(), r.Eselon, itoa(r.MasaKerja.Years), itoa(r.MasaKerja.Months),
			pimLabel(r.DiklatPIMLevel), itoaBlank(r.DiklatPIMYear), r.Pendidikan, itoaBlank(r.TahunLulus),
			r.TanggalLahir.String(), o.unit(r.UnitID))
	}
	return b.s
}

// PengingatSheet exports reminders; name gives nama and NIP (nil-safe).
func PengingatSheet(rs []domain.Reminder, name func(uint64) (string, string), o Opts) Sheet {
	b := newSheet("Pengingat", sheetTitle(o, "Pengingat kepegawaian", o.Office.Name, keadaanShort(o), o.Filter))
	b.col("No", "n").col("Jenis", "").col("Nama", "").col("NIP", "").col("Tanggal", "d").col("Terlambat", "").
		col("Aturan", "").col("Catatan", "")
	for i, r := range rs {
		nama, nip := lookupName(name, r.EmployeeID)
		late := ""
		if r.Terlambat {
			late = "Ya"
		}
		b.row(itoa(i+1), string(r.Kind), nama, domain.Digits(nip), r.Date.String(), late, r.Rule, joinNotes(r.Notes))
	}
	return b.s
}

// MonitoringSheet exports the SKP monitoring table: the screen's columns
// with the words of its legend, the predikat distribution per unit and
// the distribution rules not met; the Jumlah row last.
func MonitoringSheet(m domain.Monitoring, o Opts) Sheet {
	period := "Tahunan"
	if m.Period != 0 {
		period = monitoringFrequency(m, o).PeriodLabel(m.Period)
	}
	b := newSheet("Monitoring SKP", sheetTitle(o, "Monitoring SKP", o.Office.Name, "Tahun "+itoa(m.Year), period, o.Filter))
	b.col("Unit kerja", "").col("Pegawai aktif", "n").col("Tanpa SKP", "n").col("Draft", "n").col("Diajukan", "n").
		col("Disetujui", "n").col("Dikembalikan", "n").col("Evaluasi "+period+" final", "n").col("Dialog terlambat", "n").
		col("Predikat organisasi", "")
	for _, p := range domain.Predikats() {
		b.col(p.Label(), "n")
	}
	b.col("Pola distribusi belum terpenuhi", "")
	units := append(append([]domain.MonitorUnit(nil), m.Units...), m.Total)
	for _, u := range units {
		org := ""
		if u.Org != "" {
			org = u.Org.Label()
		}
		row := []string{u.Name, itoa(u.Pegawai), itoa(u.NoSKP), itoa(u.Draft), itoa(u.Diajukan), itoa(u.Disetujui),
			itoa(u.Dikembalikan), itoa(u.Evaluated), itoa(u.Overdue), org}
		for _, p := range domain.Predikats() {
			row = append(row, itoa(u.Counts[p]))
		}
		var unmet []string
		for _, c := range u.Checks {
			if !c.Met {
				unmet = append(unmet, c.Text+" — sekarang "+itoa(c.Count))
			}
		}
		b.row(append(row, strings.Join(unmet, "; "))...)
	}
	return b.s
}

// monitoringFrequency: Opts.Frequency, but a period past Triwulan IV can
// only be a month.
func monitoringFrequency(m domain.Monitoring, o Opts) domain.Frequency {
	if m.Period > 4 {
		return domain.Bulanan
	}
	return o.Frequency
}

// EvaluasiSheet exports the evaluations list of a year: pegawai (NIP from
// Opts.NIPOf), penilai, the periodic predikat per period (Opts.Frequency's
// periods; months when any row has a period past IV) and the annual
// predikat. domain.SKPRow carries only final predikats, so the period
// columns say "(final)" and an empty cell is an evaluation not yet final
// or not made: a draft predikat never passes for a final one.
func EvaluasiSheet(rows []domain.SKPRow, year int, o Opts) Sheet {
	f := o.Frequency
	for _, r := range rows {
		for p := range r.Periodik {
			if p > 4 {
				f = domain.Bulanan
			}
		}
	}
	b := newSheet("Evaluasi "+itoa(year), sheetTitle(o, "Evaluasi kinerja tahun "+itoa(year), o.Office.Name, o.Filter,
		"predikat dari evaluasi yang sudah final; kosong = belum dievaluasi atau belum final"))
	b.col("No", "n").col("NIP", "").col("Pegawai", "").col("Pejabat penilai", "").col("Unit kerja", "").col("Status SKP", "").
		col("Periode SKP", "")
	for p := 1; p <= f.Periods(); p++ {
		b.col(f.PeriodLabel(p)+" (final)", "")
	}
	b.col("Tahunan (final)", "")
	n := 0
	for _, r := range rows {
		if r.Year != year {
			continue
		}
		n++
		nip := ""
		if o.NIPOf != nil {
			nip = domain.Digits(o.NIPOf(r.EmployeeID))
		}
		row := []string{itoa(n), nip, r.PegawaiNama, r.PenilaiNama, o.unit(r.UnitID), r.Status.String(), shortRange(r.Start, r.End)}
		for p := 1; p <= f.Periods(); p++ {
			row = append(row, r.Periodik[p].Label())
		}
		b.row(append(row, r.Predikat.Label())...)
	}
	return b.s
}

// MeritAnswersSheet exports one row per indicator of the assessment, in
// the instrument's order, answered or not.
func MeritAnswersSheet(a domain.MeritAssessment, in domain.Instrument, o Opts) Sheet {
	unit := "Seluruh instansi"
	if a.UnitID != 0 {
		unit = o.unit(a.UnitID)
	}
	title := sheetTitle(o, "Jawaban penilaian mandiri sistem merit", o.Office.Name, unit, "Tahun "+itoa(a.Year), instrumentText(in))
	if in.Status != domain.InstrumentResmi {
		title += " · " + MarkTidakResmi
	}
	b := newSheet("Jawaban merit", title)
	b.col("Aspek", "").col("Kode", "").col("Indikator", "").col("Level mandiri", "").col("Justifikasi", "").
		col("Jumlah bukti", "n").col("Level verifikasi", "").col("Catatan verifikator", "")
	top := map[string]string{} // aspect code → top-level aspect name
	for _, asp := range in.TopAspects() {
		for _, x := range in.AspectIndicators(asp.Code) {
			top[x.Code] = asp.Name
		}
	}
	for _, x := range in.Indicators {
		ans := a.Answers[x.Code]
		aspek := top[x.Code]
		if aspek == "" {
			if asp, ok := in.Aspect(x.Aspect); ok {
				aspek = asp.Name
			}
		}
		b.row(aspek, x.Code, x.Text, levelText(in, ans.Level), ans.Justification, itoa(len(ans.Evidence)),
			levelText(in, ans.VerifiedLevel), ans.VerifierNote)
	}
	return b.s
}

// siasnStatusPenilai is SIASN's statusPenilai: a penilai with a NIP is an
// ASN.
func siasnStatusPenilai(p domain.PersonSnapshot) string {
	switch {
	case p.Nama == "" && p.NIP == "":
		return ""
	case domain.Digits(p.NIP) != "":
		return "ASN"
	}
	return "NON ASN"
}

// evalPeople is who an evaluation names: the finalisation snapshot, else
// the SKP's copies.
func evalPeople(s domain.SKP, e domain.Evaluasi) (pegawai, penilai domain.PersonSnapshot) {
	pegawai, penilai = s.Pegawai, s.Penilai
	if e.Snapshot.Pegawai.Nama != "" {
		pegawai = e.Snapshot.Pegawai
	}
	if e.Snapshot.Penilai.Nama != "" {
		penilai = e.Snapshot.Penilai
	}
	return pegawai, penilai
}

func ratingLabel(r domain.Rating) string {
	if r == 0 {
		return ""
	}
	return r.String()
}

// SIASNNote says, in the words an operator uses, which columns of the
// SIASN sheets are left empty and why: the export and its dialog show it,
// the file cannot (its first row is the field names).
const SIASNNote = "Kolom hasilKinerjaNilai, perilakuKerjaNilai, kuadranKinerjaNilai, periodikId dan koefisienId " +
	"dibiarkan kosong karena kode angkanya di SIASN belum diketahui asndesk: isi menurut referensi SIASN sebelum diunggah."

// SIASNSkp22Sheet exports final annual evaluations under SIASN rw-skp22
// field names. The sheet is meant for bulk upload: no title row, the field
// names are row 1 (even for the demo office, whose names and office say
// "Data Contoh" already). nipBaru and nama identify the pegawai; SIASN's
// numeric codes (…Nilai) are left empty: their lists are not known
// (domain.md decision K3; SIASNNote says so to the user).
func SIASNSkp22Sheet(files []domain.SKPFile, o Opts) Sheet {
	b := newSheet("rw-skp22", "")
	for _, c := range []string{"nipBaru", "nama", "tahun", "hasilKinerja", "hasilKinerjaNilai", "perilakuKerja",
		"perilakuKerjaNilai", "kuadranKinerja", "kuadranKinerjaNilai", "penilaiNama", "penilaiNipNrp",
		"penilaiGolongan", "penilaiJabatan", "penilaiUnorNama", "statusPenilai"} {
		typ := ""
		if c == "tahun" {
			typ = "n"
		}
		b.col(c, typ)
	}
	for _, f := range files {
		for _, e := range f.Evals {
			if !e.Final || e.Kind != domain.EvalTahunan {
				continue
			}
			peg, pen := evalPeople(f.SKP, e)
			b.row(domain.Digits(peg.NIP), peg.Nama, itoa(f.SKP.Year), ratingLabel(e.RatingHasil), "",
				ratingLabel(e.RatingPerilaku), "", e.Predikat.Label(), "", pen.Nama, domain.Digits(pen.NIP),
				pen.Golongan, pen.Jabatan, pen.Unit, siasnStatusPenilai(pen))
		}
	}
	return b.s
}

// SIASNKinerjaPeriodikSheet exports final periodic evaluations under SIASN
// rw-kinerjaperiodik field names, with the period's first and last month
// inside the SKP's periode; like SIASNSkp22Sheet, field names in row 1.
func SIASNKinerjaPeriodikSheet(files []domain.SKPFile, o Opts) Sheet {
	b := newSheet("rw-kinerjaperiodik", "")
	for _, c := range []struct{ t, typ string }{
		{"nipBaru", ""}, {"nama", ""}, {"tahun", "n"}, {"periodikId", ""}, {"periodikNama", ""},
		{"bulanMulaiPenilaian", "n"}, {"tahunMulaiPenilaian", "n"}, {"bulanSelesaiPenilaian", "n"}, {"tahunSelesaiPenilaian", "n"},
		{"hasilKinerja", ""}, {"hasilKinerjaNilai", ""}, {"perilakuKerja", ""}, {"perilakuKerjaNilai", ""},
		{"kuadranKinerja", ""}, {"kuadranKinerjaNilai", ""}, {"persentase", "n"}, {"koefisienId", ""},
		{"penilaiNama", ""}, {"penilaiNipNrp", ""}, {"penilaiGolongan", ""}, {"penilaiJabatanNama", ""},
		{"penilaiUnorNama", ""}, {"statusPenilai", ""}, {"jabatan", ""}, {"unor", ""},
	} {
		b.col(c.t, c.typ)
	}
	for _, f := range files {
		for _, e := range f.Evals {
			if !e.Final || e.Kind != domain.EvalPeriodik {
				continue
			}
			peg, pen := evalPeople(f.SKP, e)
			from, to := evalDates(f.SKP, e)
			persen := ""
			if peg.JF && e.Predikat != "" {
				persen = itoa(domain.AKPercent(e.Predikat))
			}
			b.row(domain.Digits(peg.NIP), peg.Nama, itoa(f.SKP.Year), "", e.Frequency.PeriodLabel(e.Period),
				monthNum(from), yearNum(from), monthNum(to), yearNum(to),
				ratingLabel(e.RatingHasil), "", ratingLabel(e.RatingPerilaku), "", e.Predikat.Label(), "",
				persen, "", pen.Nama, domain.Digits(pen.NIP), pen.Golongan, pen.Jabatan, pen.Unit,
				siasnStatusPenilai(pen), peg.Jabatan, peg.Unit)
		}
	}
	return b.s
}

func monthNum(d domain.Date) string {
	if d.IsZero() {
		return ""
	}
	return itoa(int(d.Month))
}

func yearNum(d domain.Date) string {
	if d.IsZero() {
		return ""
	}
	return itoa(d.Year)
}

// leadingNumber splits "3 dokumen diselesaikan" into "3": e-Kinerja's
// Realisasi column takes the quantity, the words go to Kegiatan Harian.
func leadingNumber(s string) string {
	s = strings.TrimSpace(s)
	end := 0
	for i, r := range s {
		if unicode.IsDigit(r) || (r == ',' || r == '.') && i > 0 {
			end = i + 1
			continue
		}
		break
	}
	return strings.TrimRight(s[:end], ",.")
}

// satuanOf is the unit of a target "1 Dokumen" → "Dokumen".
func satuanOf(target string) string {
	t := strings.TrimSpace(target)
	n := leadingNumber(t)
	return strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(t, n), "%"))
}

// ProgressHarianSheet exports the SKP's realisasi rows in the e-Kinerja
// "progress harian" column order (Rencana Aksi, Tanggal, Jam Mulai, Jam
// Selesai, Kegiatan Harian, Realisasi, Satuan, Bukti Dukung). asndesk
// keeps realisasi per period, not per day or hour: Tanggal is the day the
// realisasi was last updated (else the period's last day) and the Jam
// columns are left for the operator. The sheet is pasted or uploaded into
// e-Kinerja: no title row, the column names are row 1; whose plan it is
// goes in the file name (cmd, tui).
func ProgressHarianSheet(f domain.SKPFile, o Opts) Sheet {
	b := newSheet("Progress harian", "")
	b.col("Rencana Aksi", "").col("Tanggal", "d").col("Jam Mulai", "").col("Jam Selesai", "").
		col("Kegiatan Harian", "").col("Realisasi", "").col("Satuan", "").col("Bukti Dukung", "")
	freq := o.Frequency
	for _, w := range f.Work {
		if w.Period > 4 {
			freq = domain.Bulanan
		}
	}
	for _, w := range f.Work {
		if strings.TrimSpace(w.Realisasi) == "" && len(w.Bukti) == 0 {
			continue
		}
		day := domain.DateOf(w.Updated)
		if w.Updated.IsZero() {
			_, day = domain.PeriodRange(f.SKP.Year, freq, w.Period)
		}
		var bukti []string
		for _, x := range w.Bukti {
			bukti = append(bukti, joinNonEmpty(" ", x.Name, x.Ref))
		}
		rencana := w.RencanaAksi
		if rencana == "" {
			if r, ok := f.SKP.RHKByID(w.RHKID); ok {
				rencana = r.Text
			}
		}
		b.row(rencana, day.String(), "", "", w.Realisasi, leadingNumber(w.Realisasi), satuanOf(w.Target), strings.Join(bukti, "; "))
	}
	return b.s
}

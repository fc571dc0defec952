package doc

import (
	"strings"

	"asndesk/domain"
)

// pimLabel names a leadership diklat level as DUKs print it.
func pimLabel(level int) string {
	if level < 1 || level > 4 {
		return ""
	}
	return "PIM " + roman(level)
}

// RolePimpinanInstansi signs the DUK. asndesk does not know who heads the
// office nor the title of that post ("Camat", "Kepala Dinas …"), so the
// box names the role, and the name and NIP are written in by hand; the
// office's name (which may carry "(Data Contoh)") is no title.
const RolePimpinanInstansi = "Pimpinan Instansi,"

// DUK builds the daftar urut kepangkatan; rows are already sorted.
func DUK(rows []domain.DUKRow, o Opts) Document {
	d := Document{
		Printed:  o.Today,
		Kind:     KindDUK,
		Title:    "DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL",
		Subtitle: subtitles(o, strings.ToUpper(o.Office.Name), keadaan(o)),
		Mark:     mark(o),
		File:     FileName("DUK", fileTag(o), o.Today.ISO()),
	}
	ctr := func(title string, w float64) Column { return Column{Title: title, Width: w, Align: Center} }
	t := &Table{Columns: []Column{
		ctr("NO", 4),
		{Title: "NAMA / NIP", Width: 24},
		{Title: "PANGKAT GOL/RUANG", Width: 16},
		ctr("TMT GOL/RUANG", 10),
		{Title: "JABATAN", Width: 20},
		ctr("TMT JABATAN", 10),
		ctr("ESELON", 8),
		ctr("MASA KERJA TH", 6),
		ctr("MASA KERJA BL", 6),
		ctr("DIKLAT PIM", 7),
		ctr("TAHUN DIKLAT", 6),
		{Title: "PENDIDIKAN", Width: 11},
		ctr("TAHUN LULUS", 6),
		ctr("TANGGAL LAHIR", 10),
		{Title: "KET", Width: 6},
	}}
	t.Rows = make([][]string, 0, len(rows))
	gol := golonganMemo(domain.KindPNS)
	for i, r := range rows {
		t.Rows = append(t.Rows, []string{
			itoa(i + 1),
			nameNIP(r.Nama, r.NIP),
			gol(r.Golongan),
			r.TMTGolongan.String(),
			r.NamaJabatan,
			r.TMTJabatan.String(),
			r.Eselon,
			itoa(r.MasaKerja.Years),
			itoa(r.MasaKerja.Months),
			pimLabel(r.DiklatPIMLevel),
			itoaBlank(r.DiklatPIMYear),
			r.Pendidikan,
			itoaBlank(r.TahunLulus),
			r.TanggalLahir.String(),
			"",
		})
	}
	d.Blocks = []Block{t, &Signatures{Place: o.Place, Date: o.Today, Boxes: []SignBox{{Role: RolePimpinanInstansi, NIP: NIPBlank}}}}
	return d
}

// Nominatif builds the daftar nominatif with NO and the chosen columns.
func Nominatif(cols []NominatifColumn, emps []domain.Employee, o Opts) Document {
	d := Document{
		Printed:  o.Today,
		Kind:     KindNominatif,
		Title:    "DAFTAR NOMINATIF PEGAWAI",
		Subtitle: subtitles(o, strings.ToUpper(o.Office.Name), keadaan(o)),
		Mark:     mark(o),
		File:     FileName("Nominatif", fileTag(o), o.Today.ISO()),
	}
	t := &Table{Columns: []Column{{Title: "NO", Width: 4, Align: Center}}}
	for _, c := range cols {
		al := Left
		if c.Key == "usia" {
			al = Right
		}
		t.Columns = append(t.Columns, Column{Title: strings.ToUpper(c.Label), Width: float64(max(c.Width, 3)), Align: al})
	}
	t.Rows = make([][]string, 0, len(emps))
	for i := range emps {
		row := make([]string, 0, len(cols)+1)
		row = append(row, itoa(i+1))
		for _, c := range cols {
			row = append(row, c.value(&emps[i], o))
		}
		t.Rows = append(t.Rows, row)
	}
	d.Blocks = []Block{t, &Para{Text: "Jumlah: " + itoa(len(emps)) + " pegawai", Small: true}}
	return d
}

// Pengingat builds the daftar pengingat kepegawaian; name gives an
// employee's nama and NIP (nil-safe). A reminder already overdue says
// TERLAMBAT under its date.
func Pengingat(rs []domain.Reminder, name func(empID uint64) (nama, nip string), o Opts) Document {
	d := Document{
		Printed:  o.Today,
		Kind:     KindPengingat,
		Title:    "DAFTAR PENGINGAT KEPEGAWAIAN",
		Subtitle: subtitles(o, strings.ToUpper(o.Office.Name), keadaan(o)),
		Mark:     mark(o),
		File:     FileName("Pengingat", fileTag(o), o.Today.ISO()),
	}
	t := &Table{Columns: []Column{
		{Title: "NO", Width: 4, Align: Center},
		{Title: "JENIS", Width: 14},
		{Title: "NAMA / NIP", Width: 24},
		{Title: "TANGGAL", Width: 11, Align: Center},
		{Title: "KETERANGAN", Width: 47},
	}}
	late := 0
	for i, r := range rs {
		nama, nip := lookupName(name, r.EmployeeID)
		tgl := r.Date.String()
		if r.Terlambat {
			tgl += "\nTERLAMBAT"
			late++
		}
		ket := strings.Join(append([]string{r.Rule}, r.Notes...), "\n")
		t.Rows = append(t.Rows, []string{itoa(i + 1), string(r.Kind), nameNIP(nama, nip), tgl, strings.TrimSpace(ket)})
	}
	sum := "Jumlah: " + itoa(len(rs)) + " pengingat"
	if late > 0 {
		sum += ", " + itoa(late) + " terlambat"
	}
	d.Blocks = []Block{t, &Para{Text: sum, Small: true}}
	return d
}

func lookupName(name func(uint64) (string, string), id uint64) (string, string) {
	if name == nil {
		return "", ""
	}
	return name(id)
}

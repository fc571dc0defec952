package tui

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"

	"asndesk/domain"
	"asndesk/domain/doc"
	"asndesk/domain/importer"

	tea "github.com/charmbracelet/bubbletea"
)

// exchangeScreen is "Impor & ekspor" (Admin): one place for everything that
// moves data in or out of asndesk in bulk. Printing and exporting a single
// list stay on that list's own screen (Ctrl+P, Ctrl+E); this hub holds what
// has no screen of its own.
type exchangeScreen struct {
	base
	btn   buttons
	hints []string
	acts  []func() tea.Cmd
}

func newExchangeScreen(c *Common) *exchangeScreen {
	s := &exchangeScreen{base: newBase(c)}
	add := func(label, hint string, f func() tea.Cmd) {
		s.btn.labels = append(s.btn.labels, label)
		s.hints = append(s.hints, hint)
		s.acts = append(s.acts, f)
	}
	if c.Import != nil {
		add("Impor pegawai dari Excel/CSV",
			"Berkas dari SIASN/SIMPEG atau buatan sendiri. Anda melihat pratinjau setiap baris sebelum ada yang disimpan.",
			func() tea.Cmd { return push(newImportScreen(c, importer.Pegawai)) })
		add("Impor riwayat pangkat",
			"Satu baris satu kenaikan pangkat: NIP, golongan, TMT, nomor dan tanggal SK.",
			func() tea.Cmd { return push(newImportScreen(c, importer.RiwayatPangkat)) })
		add("Impor riwayat jabatan",
			"Satu baris satu jabatan: NIP, nama jabatan, unit, TMT, nomor dan tanggal SK.",
			func() tea.Cmd { return push(newImportScreen(c, importer.RiwayatJabatan)) })
	}
	if c.Docs != nil && c.Kinerja != nil {
		add("Ekspor untuk SIASN / e-Kinerja",
			"Evaluasi tahunan (rw-skp22), evaluasi periodik (rw-kinerjaperiodik) atau realisasi (progress harian e-Kinerja).",
			func() tea.Cmd { return push(newNationalExport(c)) })
	}
	if c.Paket != nil {
		add("Paket serah terima",
			"Satu berkas terenkripsi berisi data pilihan untuk kantor lain (misalnya tim BKD), atau menerima paket dari mereka.",
			func() tea.Cmd { return push(newPaketScreen(c)) })
	}
	if c.Docs != nil {
		add("Kop surat & kertas cetak",
			"Nama instansi, alamat, logo dan tempat tanda tangan di setiap cetakan; kertas A4 atau F4 per jenis dokumen.",
			func() tea.Cmd { return push(newKopScreen(c)) })
	}
	return s
}

func (s *exchangeScreen) Title() string   { return "Impor & ekspor" }
func (s *exchangeScreen) Keys() []KeyHelp { return []KeyHelp{{"↑/↓", "Pilih"}, {"Enter", "Buka"}} }

func (s *exchangeScreen) Update(msg tea.Msg) tea.Cmd {
	if len(s.acts) == 0 {
		return nil
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if i, ok := s.btn.key(msg); ok {
			return s.acts[i]()
		}
	case tea.MouseMsg:
		if i, ok := s.btn.mouse(msg); ok {
			return s.acts[i]()
		}
	}
	return nil
}

func (s *exchangeScreen) View() string {
	st := &s.c.Styles
	lines := skpWrap("Pindahkan data dalam jumlah besar: dari lembar kerja, ke sistem nasional, atau ke kantor lain. "+
		"Untuk mencetak atau mengekspor satu daftar, buka daftarnya lalu tekan Ctrl+P (cetak) atau Ctrl+E (ekspor).", max(20, s.w-2))
	lines = append(lines, "")
	if len(s.acts) == 0 {
		return strings.Join(append(lines, st.Muted.Render("Tidak ada yang dapat dibuka di sini.")), "\n")
	}
	s.btn.top = len(lines)
	lines = append(lines, s.btn.view(st)...)
	lines = append(lines, skpIntro(st, []string{s.hints[s.btn.focus]}, s.w-2)...)
	return strings.Join(lines, "\n")
}

// nationalShapes are the exchange shapes of the national systems, in the
// order the form offers them.
var nationalShapes = []struct{ key, label, file string }{
	{"rw-skp22", "SIASN rw-skp22 — evaluasi tahunan", "rw-skp22"},
	{"rw-kinerjaperiodik", "SIASN rw-kinerjaperiodik — evaluasi periodik", "rw-kinerjaperiodik"},
	{"progress-harian", "e-Kinerja progress harian — realisasi satu pegawai", "progress-harian"},
}

// newNationalExport writes the year's final evaluations (or one
// employee's realisasi) in the national systems' shapes.
func newNationalExport(c *Common) *skpActForm {
	var labels []string
	for _, sh := range nationalShapes {
		labels = append(labels, sh.label)
	}
	year := c.today().Year
	shape := choiceField("bentuk", "Bentuk", labels, 0)
	shape.hint = "Nama kolom SIASN / urutan unggah massal e-Kinerja."
	yr := textField("tahun", "Tahun", strconv.Itoa(year), 4)
	nip := textField("nip", "NIP pegawai", "", 21)
	nip.hint = "Hanya untuk progress harian: realisasi SKP pegawai ini."
	format := choiceField("format", "Format", []string{"Excel (XLSX)", "CSV"}, 0)
	path := textField("berkas", "Simpan ke", "", 200)
	path.hint = "Kosongkan untuk " + docsHome() + ". Berkas yang sudah ada tidak ditimpa."
	a := newSKPActForm(c, "Ekspor untuk SIASN / e-Kinerja", []string{
		"Menulis lembar kerja untuk diunggah atau disalin ke SIASN dan e-Kinerja. Hanya evaluasi yang sudah final yang ikut; predikat ditulis sebagai teks.",
		doc.SIASNNote,
	}, []*field{shape, yr, nip, format, path})
	a.reload = false
	nip.hidden = func() bool { return a.form.get("bentuk").choice != 2 }
	a.prepare = func(v map[string]string) (func(context.Context) (uint64, string, error), domain.FieldErrors) {
		fe := domain.FieldErrors{}
		y, err := strconv.Atoi(strings.TrimSpace(v["tahun"]))
		if err != nil || y < 2000 || y > 2100 {
			fe["tahun"] = "Tahun ditulis empat angka, misalnya " + strconv.Itoa(year) + "."
		}
		sh := nationalShapes[max(0, a.form.get("bentuk").choice)]
		want := domain.Digits(v["nip"])
		if sh.key == "progress-harian" && len(want) != 18 {
			fe["nip"] = "Tulis NIP 18 angka pegawai yang realisasinya diekspor."
		}
		if len(fe) > 0 {
			return nil, fe
		}
		ext := "xlsx"
		if a.form.get("format").choice == 1 {
			ext = "csv"
		}
		out := strings.TrimSpace(v["berkas"])
		if out == "" {
			name := sh.file + " " + strconv.Itoa(y)
			if sh.key == "progress-harian" {
				// The sheet has no title row: the file name says whose it is.
				for _, r := range c.Rows {
					if r.NIP == want {
						name = sh.file + " " + doc.FileName(r.Nama) + " " + want + " " + strconv.Itoa(y)
						break
					}
				}
			}
			out = filepath.Join(docsHome(), name+"."+ext)
		}
		out = fullPath(out)
		return func(ctx context.Context) (uint64, string, error) {
			rows, err := c.Kinerja.SKPRows(ctx, y)
			if err != nil {
				return 0, "", err
			}
			var files []domain.SKPFile
			for _, r := range rows {
				if sh.key == "progress-harian" && c.nipOf(r.EmployeeID) != want {
					continue
				}
				if ctx.Err() != nil {
					return 0, "", ctx.Err()
				}
				f, err := c.Kinerja.SKPFile(ctx, r.SKPID)
				if err != nil {
					return 0, "", err
				}
				files = append(files, f)
			}
			o := c.docOpts()
			var sheet doc.Sheet
			switch sh.key {
			case "rw-skp22":
				sheet = doc.SIASNSkp22Sheet(files, o)
			case "rw-kinerjaperiodik":
				sheet = doc.SIASNKinerjaPeriodikSheet(files, o)
			default:
				if len(files) == 0 {
					return 0, "", domain.Errorf(domain.ENOTFOUND, "Pegawai dengan NIP "+domain.FormatNIP(want)+" tidak mempunyai SKP tahun "+strconv.Itoa(y)+" yang dapat Anda lihat.")
				}
				sheet = doc.ProgressHarianSheet(files[len(files)-1], o)
			}
			if len(sheet.Rows) == 0 {
				return 0, "", domain.Errorf(domain.ENOTFOUND, "Tidak ada baris untuk diekspor: belum ada evaluasi final atau realisasi tahun "+strconv.Itoa(y)+".")
			}
			p, err := c.Docs.WriteSheets(ctx, out, ext, []doc.Sheet{sheet})
			if err != nil {
				return 0, "", err
			}
			return 0, "Tersimpan: " + p + " (" + strconv.Itoa(len(sheet.Rows)) + " baris)", nil
		}, nil
	}
	return a
}

// nipOf is the employee's NIP from the list rows ("" when unknown).
func (c *Common) nipOf(id uint64) string {
	if r, ok := c.Row(id); ok {
		return r.NIP
	}
	return ""
}

package doc

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"asndesk/domain"
	"asndesk/domain/demo"
)

// tables returns the document's tables in order.
func tables(d Document) []*Table {
	var out []*Table
	for _, b := range d.Blocks {
		if t, ok := b.(*Table); ok {
			out = append(out, t)
		}
	}
	return out
}

// tableWith finds the first table having a column titled title.
func tableWith(t *testing.T, d Document, title string) *Table {
	t.Helper()
	for _, tb := range tables(d) {
		for _, c := range tb.Columns {
			if c.Title == title {
				return tb
			}
		}
	}
	t.Fatalf("no table with column %q", title)
	return nil
}

func signatures(d Document) []*Signatures {
	var out []*Signatures
	for _, b := range d.Blocks {
		if s, ok := b.(*Signatures); ok {
			out = append(out, s)
		}
	}
	return out
}

func fieldValue(d Document, label string) (string, bool) {
	for _, b := range d.Blocks {
		if f, ok := b.(*Fields); ok {
			for _, r := range f.Rows {
				if r[0] == label {
					return r[1], true
				}
			}
		}
	}
	return "", false
}

func colTitles(tb *Table) []string {
	out := make([]string, len(tb.Columns))
	for i, c := range tb.Columns {
		out[i] = c.Title
	}
	return out
}

func mustContain(t *testing.T, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("missing %q", w)
		}
	}
}

// checkShape: every row of every table has one cell per column and every
// group row points inside the table, so a renderer never indexes past.
func checkShape(t *testing.T, d Document) {
	t.Helper()
	for i, tb := range tables(d) {
		for j, r := range tb.Rows {
			if len(r) != len(tb.Columns) {
				t.Errorf("table %d row %d: %d cells for %d columns", i, j, len(r), len(tb.Columns))
			}
		}
		for _, g := range tb.Groups {
			if g.Before < 0 || g.Before > len(tb.Rows) {
				t.Errorf("table %d: group %q before row %d of %d", i, g.Text, g.Before, len(tb.Rows))
			}
		}
	}
}

func TestSKP(t *testing.T) {
	f := testSKP()
	d := SKP(f, testOpts())
	checkShape(t, d)
	if d.Kind != KindSKP || d.Title != "SASARAN KINERJA PEGAWAI" {
		t.Fatalf("kind %q title %q", d.Kind, d.Title)
	}
	if got := strings.Join(d.Subtitle, "|"); got != "PENDEKATAN HASIL KERJA KUANTITATIF|PERIODE PENILAIAN: 1 JANUARI 2026 S.D. 31 DESEMBER 2026" {
		t.Errorf("subtitle %q", got)
	}
	if d.File != "SKP 2026 Rina Marlina 199003152015032002" {
		t.Errorf("file %q", d.File)
	}
	id := tableWith(t, d, "PEJABAT PENILAI KINERJA")
	if id.Rows[0][2] != pegawai.Nama || id.Rows[0][5] != penilai.Nama || id.Rows[1][2] != "19900315 201503 2 002" ||
		id.Rows[2][2] != "Penata Muda Tingkat I (III/b)" {
		t.Errorf("identity rows %q", id.Rows)
	}
	if at := tableWith(t, d, "ATASAN PEJABAT PENILAI KINERJA"); at.Rows[0][2] != atasan.Nama {
		t.Errorf("atasan %q", at.Rows[0])
	}

	hk := tableWith(t, d, "INDIKATOR KINERJA INDIVIDU")
	want := []string{"NO", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA", "ASPEK", "INDIKATOR KINERJA INDIVIDU", "TARGET"}
	if fmt.Sprint(colTitles(hk)) != fmt.Sprint(want) {
		t.Errorf("columns %q", colTitles(hk))
	}
	// One row per indicator: 2 + 1 utama, 1 tambahan; UTAMA before row 0,
	// TAMBAHAN before the 4th row.
	if len(hk.Rows) != 4 || len(hk.Groups) != 2 || hk.Groups[0] != (Group{0, "UTAMA"}) || hk.Groups[1] != (Group{3, "TAMBAHAN"}) {
		t.Fatalf("rows %d groups %v", len(hk.Rows), hk.Groups)
	}
	// The RHK text on its first indicator row only.
	if hk.Rows[0][2] != "Tersusunnya dokumen perencanaan kecamatan" || hk.Rows[1][2] != "" || hk.Rows[1][0] != "" {
		t.Errorf("RHK rows %q / %q", hk.Rows[0], hk.Rows[1])
	}
	if hk.Rows[1][3] != "Waktu" || hk.Rows[1][5] != "12 Bulan" || hk.Rows[2][0] != "2" || hk.Rows[3][0] != "1" {
		t.Errorf("indicator rows %q", hk.Rows)
	}
	if !strings.Contains(hk.Rows[3][2], "Penugasan dari: Camat") {
		t.Errorf("tambahan %q", hk.Rows[3][2])
	}

	pk := tableWith(t, d, "EKSPEKTASI KHUSUS PIMPINAN")
	if len(pk.Rows) != 7 {
		t.Fatalf("perilaku rows %d", len(pk.Rows))
	}
	cv := domain.CoreValues()
	for i, r := range pk.Rows {
		if !strings.HasPrefix(r[1], cv[i].Name+"\n") || !strings.Contains(r[1], cv[i].Panduan[2]) {
			t.Errorf("perilaku %d: %q", i, r[1])
		}
	}
	if pk.Rows[0][2] != "Melayani permohonan data dengan ramah" {
		t.Errorf("ekspektasi %q", pk.Rows[0][2])
	}

	lp := tableWith(t, d, "URAIAN")
	var groups []string
	for _, g := range lp.Groups {
		groups = append(groups, g.Text)
	}
	if strings.Join(groups, ",") != "DUKUNGAN SUMBER DAYA,SKEMA PERTANGGUNGJAWABAN,KONSEKUENSI" || lp.Rows[len(lp.Rows)-1][1] != "-" {
		t.Errorf("lampiran %v %q", groups, lp.Rows)
	}
	sigs := signatures(d)
	if len(sigs) != 2 {
		t.Fatalf("%d signature blocks", len(sigs))
	}
	// Signed on the approval date, not the print date (2 November).
	for _, s := range sigs {
		if s.Place != "Sukamaju" || s.Date != date(2026, 1, 12) || s.Boxes[0].Role != RolePegawai || s.Boxes[0].Name != pegawai.Nama ||
			s.Boxes[1].Role != RolePenilai || s.Boxes[1].NIP != penilai.NIP {
			t.Errorf("signatures %+v", s)
		}
	}
	mustContain(t, Text(d), "LAMPIRAN SASARAN KINERJA PEGAWAI", "» UTAMA", "» TAMBAHAN")
}

func TestSKPMarks(t *testing.T) {
	for _, c := range []struct {
		status domain.SKPStatus
		demo   bool
		want   string
	}{
		{domain.SKPDisetujui, false, ""},
		{domain.SKPDisetujui, true, "DATA CONTOH"},
		{domain.SKPDraft, false, "DRAF"},
		{domain.SKPDiajukan, false, "DRAF"},
		{domain.SKPDikembalikan, true, "DATA CONTOH · DRAF"},
	} {
		t.Run(fmt.Sprintf("%v/demo=%v", c.status, c.demo), func(t *testing.T) {
			f := testSKP()
			f.SKP.Status = c.status
			o := testOpts()
			o.Office.Demo = c.demo
			d := SKP(f, o)
			if d.Mark != c.want {
				t.Errorf("mark %q, want %q", d.Mark, c.want)
			}
			// A plan not yet approved is dated when printed.
			want := date(2026, 1, 12)
			if c.status != domain.SKPDisetujui {
				want = o.Today
			}
			if s := signatures(d); s[0].Date != want || s[1].Date != want {
				t.Errorf("signed %v / %v, want %v", s[0].Date, s[1].Date, want)
			}
		})
	}
}

func TestSKPKualitatif(t *testing.T) {
	f := testSKP()
	f.SKP.Pendekatan = domain.Kualitatif
	f.SKP.Revision = 2
	d := SKP(f, testOpts())
	checkShape(t, d)
	if d.Subtitle[0] != "PENDEKATAN HASIL KERJA KUALITATIF" || d.Subtitle[len(d.Subtitle)-1] != "REVISI KE-2" {
		t.Errorf("subtitle %q", d.Subtitle)
	}
	for _, c := range colTitles(tableWith(t, d, "INDIKATOR KINERJA INDIVIDU")) {
		if c == "ASPEK" {
			t.Error("a kualitatif SKP has no ASPEK column")
		}
	}
}

func TestEvaluasi(t *testing.T) {
	f := testSKP()
	org := &domain.OrgRating{Year: 2026, UnitID: 1, Predikat: domain.OrgBaik, Capaian: "92%"}
	cases := []struct {
		name       string
		id         uint64
		org        *domain.OrgRating
		period     string
		dates      string
		mark       string
		realisasi  string // first RHK's realisasi cell
		feedback   []string
		noFeedback []string
		predikat   string
		ak         string
		signed     domain.Date
		pola       string
	}{
		{name: "triwulan I final", id: 51, org: org, period: "PERIODE: TRIWULAN I", dates: "PERIODE PENILAIAN: 1 JANUARI 2026 S.D. 31 MARET 2026",
			realisasi: "1 dokumen rekap usulan desa (1 bukti dukung)", feedback: []string{"20-03-2026: Rekap sudah lengkap, lanjutkan."},
			noFeedback: []string{"Siap, Pak.", "Percepat rancangan."}, predikat: "Baik", signed: date(2026, 4, 8)},
		{name: "tahunan belum final", id: 52, period: "PERIODE: TAHUNAN", dates: "PERIODE PENILAIAN: 1 JANUARI 2026 S.D. 31 DESEMBER 2026",
			mark: "BELUM FINAL", realisasi: "Triwulan I: 1 dokumen rekap usulan desa (1 bukti dukung)\nTriwulan II: Rancangan Renja selesai 80%",
			feedback: []string{"Rekap sudah lengkap", "Percepat rancangan."}, noFeedback: []string{"Siap, Pak."}, predikat: "Sangat Baik", ak: "18,75 (12 bulan)",
			signed: date(2026, 11, 2)},
		{name: "tahunan with the unit's predikat", id: 52, org: org, period: "PERIODE: TAHUNAN", dates: "PERIODE PENILAIAN: 1 JANUARI 2026 S.D. 31 DESEMBER 2026",
			mark: "BELUM FINAL", realisasi: "Triwulan I: 1 dokumen rekap usulan desa (1 bukti dukung)\nTriwulan II: Rancangan Renja selesai 80%",
			feedback: []string{"Rekap sudah lengkap"}, predikat: "Sangat Baik", ak: "18,75 (12 bulan)", signed: date(2026, 11, 2),
			pola: "Baik paling banyak 70%; harus ada Butuh Perbaikan dan/atau Kurang/Misconduct"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Evaluasi(f, c.id, c.org, testOpts())
			if err != nil {
				t.Fatal(err)
			}
			checkShape(t, d)
			if d.Title != "EVALUASI KINERJA PEGAWAI" || d.Mark != c.mark {
				t.Errorf("title %q mark %q", d.Title, d.Mark)
			}
			mustContain(t, strings.Join(d.Subtitle, "\n"), c.period, c.dates)
			hk := tableWith(t, d, "REALISASI BERDASARKAN BUKTI DUKUNG")
			last := len(hk.Columns) - 1
			if hk.Rows[0][last-1] != c.realisasi {
				t.Errorf("realisasi %q, want %q", hk.Rows[0][last-1], c.realisasi)
			}
			mustContain(t, hk.Rows[0][last], c.feedback...)
			for _, no := range c.noFeedback {
				if strings.Contains(hk.Rows[0][last], no) {
					t.Errorf("umpan balik %q should not be listed", no)
				}
			}
			if v, _ := fieldValue(d, "PREDIKAT KINERJA PEGAWAI"); v != c.predikat {
				t.Errorf("predikat %q", v)
			}
			if v, ok := fieldValue(d, "CAPAIAN KINERJA ORGANISASI"); (c.org != nil) != ok || ok && v != "Baik (capaian 92%)" {
				t.Errorf("org %q %v", v, ok)
			}
			if v, ok := fieldValue(d, "ANGKA KREDIT"); v != c.ak || ok != (c.ak != "") {
				t.Errorf("AK %q", v)
			}
			pk := tableWith(t, d, "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG")
			_ = pk
			if v, _ := fieldValue(d, "RATING HASIL KERJA"); v == "" || v == "Belum dinilai" {
				t.Errorf("rating hasil %q", v)
			}
			if s := signatures(d); len(s) != 1 || s[0].Boxes[1].Name != penilai.Nama || s[0].Date != c.signed {
				t.Errorf("signatures %+v, want dated %v", s, c.signed)
			}
			// The annual evaluation states the unit's distribution pattern;
			// a periodic one does not.
			if v, ok := fieldValue(d, "POLA DISTRIBUSI PREDIKAT KINERJA"); v != c.pola || ok != (c.pola != "") {
				t.Errorf("pola %q", v)
			}
			// The HASIL KERJA table carries the RHK pimpinan column as the SKP does.
			if colTitles(hk)[1] != "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI" || hk.Rows[0][1] != "Meningkatnya kualitas perencanaan kecamatan" {
				t.Errorf("intervensi column %q / %q", colTitles(hk), hk.Rows[0])
			}
		})
	}
	t.Run("unknown id", func(t *testing.T) {
		_, err := Evaluasi(f, 999, nil, testOpts())
		if !errors.Is(err, domain.ErrNotFound) || !strings.Contains(domain.ErrorMessage(err), "Evaluasi") {
			t.Errorf("err %v", err)
		}
	})
	t.Run("bulanan, SKP from May", func(t *testing.T) {
		g := testSKP()
		g.SKP.Start = date(2026, 5, 15)
		g.Evals = []domain.Evaluasi{{ID: 60, Kind: domain.EvalPeriodik, Frequency: domain.Bulanan, Period: 5}}
		d, err := Evaluasi(g, 60, nil, testOpts())
		if err != nil {
			t.Fatal(err)
		}
		mustContain(t, strings.Join(d.Subtitle, "\n"), "PERIODE: BULAN MEI", "15 MEI 2026 S.D. 31 MEI 2026")
		if v, _ := fieldValue(d, "PREDIKAT KINERJA PEGAWAI"); v != "Belum ditetapkan" {
			t.Errorf("predikat %q", v)
		}
		if v, _ := fieldValue(d, "RATING HASIL KERJA"); v != "Belum dinilai" {
			t.Errorf("rating %q", v)
		}
	})
	t.Run("final snapshot wins", func(t *testing.T) {
		g := testSKP()
		g.Evals[0].Snapshot.Penilai = domain.PersonSnapshot{Nama: "Penilai Lama", NIP: "197001011990031001"}
		d, _ := Evaluasi(g, 51, nil, testOpts())
		if id := tableWith(t, d, "PEJABAT PENILAI KINERJA"); id.Rows[0][5] != "Penilai Lama" {
			t.Errorf("penilai %q", id.Rows[0][5])
		}
	})
}

func TestDialogs(t *testing.T) {
	f := testSKP()
	all, err := Dialogs(f, 0, testOpts())
	if err != nil {
		t.Fatal(err)
	}
	checkShape(t, all)
	if all.Title != "CATATAN DIALOG KINERJA" || len(signatures(all)) != 2 {
		t.Errorf("title %q, %d signature blocks", all.Title, len(signatures(all)))
	}
	breaks := 0
	for _, b := range all.Blocks {
		if _, ok := b.(*PageBreak); ok {
			breaks++
		}
	}
	if breaks != 1 {
		t.Errorf("%d page breaks between 2 dialogs", breaks)
	}
	text := Text(all)
	mustContain(t, text, "DIALOG KE-1", "DIALOG KE-2", "Klarifikasi ekspektasi", "Umpan balik berkala", "10 Februari 2026",
		"Kompeten", "Menyerahkan jadwal penyusunan", "Tercapai", "Dialog berikutnya : 15 April 2026", "(dibawa dari dialog 10-02-2026)")

	one, err := Dialogs(f, 32, testOpts())
	if err != nil {
		t.Fatal(err)
	}
	kt := tableWith(t, one, "PENANGGUNG JAWAB")
	if len(kt.Rows) != 1 || kt.Rows[0][3] != "01-05-2026" || kt.Rows[0][4] != "Belum" {
		t.Errorf("kesepakatan %q", kt.Rows)
	}
	if v, _ := fieldValue(one, "Dialog berikutnya"); v != "Belum ditentukan" {
		t.Errorf("next %q", v)
	}
	// Each record is signed on its own dialog's day.
	if s := signatures(all); s[0].Date != date(2026, 2, 10) || s[1].Date != date(2026, 4, 15) {
		t.Errorf("dialogs signed %v, %v", s[0].Date, s[1].Date)
	}
	if strings.Contains(Text(one), "DIALOG KE-") || one.File != "Dialog kinerja 2026-04-15 Rina Marlina 199003152015032002" {
		t.Errorf("single dialog: file %q", one.File)
	}

	if _, err := Dialogs(f, 99, testOpts()); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown id: %v", err)
	}
	f.Dialogs = nil
	if _, err := Dialogs(f, 0, testOpts()); domain.ErrorMessage(err) != "SKP ini belum mempunyai catatan dialog kinerja." {
		t.Errorf("no dialogs: %v", err)
	}
}

func TestDRH(t *testing.T) {
	e := testEmployee()
	d := DRH(e, testRiwayat(), true, testOpts())
	checkShape(t, d)
	if d.Kind != KindDRH || d.Title != "DAFTAR RIWAYAT HIDUP" {
		t.Fatalf("%q %q", d.Kind, d.Title)
	}
	var heads []string
	for _, b := range d.Blocks {
		if h, ok := b.(*Heading); ok {
			heads = append(heads, h.Text)
		}
	}
	want := "I. KETERANGAN PERORANGAN|II. RIWAYAT PENDIDIKAN|III. RIWAYAT PANGKAT/GOLONGAN|IV. RIWAYAT JABATAN|V. KETERANGAN KELUARGA|" +
		"VI. RIWAYAT GAJI BERKALA|VII. RIWAYAT CUTI|VIII. RIWAYAT ANGKA KREDIT"
	if strings.Join(heads, "|") != want {
		t.Errorf("sections\n%s\nwant\n%s", strings.Join(heads, "|"), want)
	}
	// Oldest first; another employee's entry is not printed.
	pk := tableWith(t, d, "JENIS KENAIKAN PANGKAT")
	if len(pk.Rows) != 2 || pk.Rows[0][1] != "III/a – Penata Muda" || pk.Rows[1][4] != "20-03-2019" {
		t.Errorf("pangkat %q", pk.Rows)
	}
	if strings.Contains(Text(d), "milik pegawai lain") {
		t.Error("another employee's riwayat printed")
	}
	if v, _ := fieldValue(d, "NIP"); v != "19900315 201503 2 002" {
		t.Errorf("NIP %q", v)
	}
	if v, _ := fieldValue(d, "Pangkat/golongan ruang"); v != "III/b – Penata Muda Tingkat I" {
		t.Errorf("golongan %q", v)
	}
	mustContain(t, Text(d), "3.350.000", "Cuti Tahunan", "12,5", "Bandung, 15 Maret 1990")
	if s := signatures(d); len(s) != 1 || s[0].Boxes[0].Name != "Rina Marlina, S.E." || s[0].Boxes[0].NIP != e.NIP || s[0].Date != date(2026, 11, 2) {
		t.Errorf("signature %+v", s)
	}
	if d.File != "DRH Rina Marlina 199003152015032002" {
		t.Errorf("file %q", d.File)
	}

	t.Run("PPPK", func(t *testing.T) {
		p := e
		p.Kind, p.Golongan, p.TMTKontrak, p.AkhirKontrak = domain.KindPPPK, "IX", date(2024, 3, 1), date(2029, 2, 28)
		d := DRH(p, nil, true, testOpts())
		if _, ok := fieldValue(d, "NI PPPK"); !ok {
			t.Error("PPPK prints NI PPPK")
		}
		if v, _ := fieldValue(d, "Golongan"); v != "Golongan IX" {
			t.Errorf("golongan %q", v)
		}
		if v, _ := fieldValue(d, "Akhir kontrak"); v != "28 Februari 2029" {
			t.Errorf("akhir kontrak %q", v)
		}
		if _, ok := fieldValue(d, "TMT CPNS"); ok {
			t.Error("PPPK has no TMT CPNS")
		}
		if len(tables(d)) != 0 {
			t.Error("no riwayat, no tables")
		}
	})
	t.Run("biodata singkat", func(t *testing.T) {
		o := testOpts()
		o.Office.Demo = true
		d := DRH(e, testRiwayat(), false, o)
		if d.Kind != KindDRHSingkat || d.Title != "BIODATA SINGKAT" || len(d.Blocks) != 1 || d.Mark != "DATA CONTOH" {
			t.Errorf("%q %q %d blocks mark %q", d.Kind, d.Title, len(d.Blocks), d.Mark)
		}
		if v, _ := fieldValue(d, "Pendidikan terakhir"); v != "S1 Ekonomi Pembangunan, Universitas Padjadjaran, 2012" {
			t.Errorf("pendidikan %q", v)
		}
	})
	t.Run("damaged entry", func(t *testing.T) {
		rs := append(testRiwayat(), domain.Riwayat{ID: 50, EmployeeID: 10, Kind: domain.RwHukdis})
		d := DRH(e, rs, true, testOpts())
		if strings.Contains(Text(d), "HUKUMAN DISIPLIN") {
			t.Error("an entry without data makes no section")
		}
	})
}

func TestDUK(t *testing.T) {
	o := testOpts()
	o.Filter = "Unit kerja: Sekretariat"
	d := DUK(testDUKRows(), o)
	checkShape(t, d)
	if d.Title != "DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL" {
		t.Errorf("title %q", d.Title)
	}
	if got := strings.Join(d.Subtitle, "|"); got != "KECAMATAN SUKAMAJU|KEADAAN: 2 November 2026|Unit kerja: Sekretariat" {
		t.Errorf("subtitle %q", got)
	}
	tb := tables(d)[0]
	if len(tb.Rows) != 2 || tb.Rows[1][0] != "2" {
		t.Fatalf("rows %q", tb.Rows)
	}
	r := tb.Rows[0]
	for i, want := range []string{"1", "Drs. Bambang Sutrisno, M.Si.\n19750510 200003 1 003", "IV/a – Pembina", "01-04-2018",
		"Sekretaris Kecamatan", "02-01-2020", "III.b", "26", "8", "PIM III", "2019", "S2", "2010", "10-05-1975", ""} {
		if r[i] != want {
			t.Errorf("column %s: %q, want %q", tb.Columns[i].Title, r[i], want)
		}
	}
	// The head's role, a line to write the name on and one for the NIP;
	// never the office's name (the demo's carries "(Data Contoh)").
	s := signatures(d)
	if len(s) != 1 || s[0].Boxes[0].Name != "" || s[0].Boxes[0].Role != "Pimpinan Instansi," || s[0].Boxes[0].NIP != NIPBlank ||
		s[0].Date != o.Today {
		t.Errorf("signature %+v", s)
	}
	mustContain(t, Text(d), "Pimpinan Instansi,", "NIP. "+NIPBlank)
	// The filter is in the file name.
	if d.File != "DUK Sekretariat 2026-11-02" {
		t.Errorf("file %q", d.File)
	}
}

func TestNominatifDocument(t *testing.T) {
	o := testOpts()
	o.Filter = "Jenis pegawai: PNS"
	emps := []domain.Employee{testEmployee(), {ID: 11, Kind: domain.KindPPPK, Nama: "Budi", NIP: "199201012023212001", Golongan: "IX"}}
	d := Nominatif(pickColumns("nama", "unit", "usia", "jk"), emps, o)
	checkShape(t, d)
	tb := tables(d)[0]
	if fmt.Sprint(colTitles(tb)) != "[NO NAMA UNIT KERJA USIA L/P]" {
		t.Errorf("columns %q", colTitles(tb))
	}
	if fmt.Sprint(tb.Rows) != "[[1 Rina Marlina, S.E. Sekretariat 36 P] [2 Budi   ]]" {
		t.Errorf("rows %q", tb.Rows)
	}
	if d.Subtitle[len(d.Subtitle)-1] != "Jenis pegawai: PNS" || d.File != "Nominatif PNS 2026-11-02" {
		t.Errorf("filter line %q, file %q", d.Subtitle, d.File)
	}
	mustContain(t, Text(d), "Jumlah: 2 pegawai")
	// No UnitName: no names, no panic.
	o.UnitName = nil
	if v := Nominatif(pickColumns("unit"), emps, o); tables(v)[0].Rows[0][1] != "" {
		t.Error("unit without names")
	}
}

func TestNominatifColumns(t *testing.T) {
	cols := NominatifColumns()
	var keys []string
	for _, c := range cols {
		keys = append(keys, c.Key+"="+c.Label)
		if c.Width <= 0 || c.Value == nil {
			t.Errorf("%s: width %d", c.Key, c.Width)
		}
	}
	want := "nip=NIP / NI PPPK nama=Nama jenis=Jenis golongan=Gol. jabatan=Jabatan jenis_jabatan=Jenis jabatan unit=Unit kerja " +
		"pendidikan=Pend. jk=L/P lahir=Tgl lahir usia=Usia masa_kerja=Masa kerja status=Status"
	if strings.Join(keys, " ") != want {
		t.Errorf("columns\n%s\nwant\n%s", strings.Join(keys, " "), want)
	}
	e := testEmployee()
	today := date(2026, 11, 2)
	got := map[string]string{}
	for _, c := range cols {
		got[c.Key] = c.Value(&e, nil, today)
	}
	for k, v := range map[string]string{"nip": "19900315 201503 2 002", "nama": "Rina Marlina, S.E.", "usia": "36",
		"masa_kerja": "11 th 8 bl", "lahir": "15-03-1990", "jk": "P", "unit": "", "status": "Aktif"} {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}

func TestPengingat(t *testing.T) {
	rs, names := testReminders()
	d := Pengingat(rs, names, testOpts())
	checkShape(t, d)
	tb := tables(d)[0]
	if fmt.Sprint(colTitles(tb)) != "[NO JENIS NAMA / NIP TANGGAL KETERANGAN]" || len(tb.Rows) != 2 {
		t.Fatalf("table %q %d", colTitles(tb), len(tb.Rows))
	}
	if tb.Rows[0][3] != "01-10-2026\nTERLAMBAT" || tb.Rows[1][3] != "01-04-2027" {
		t.Errorf("dates %q %q", tb.Rows[0][3], tb.Rows[1][3])
	}
	if tb.Rows[1][4] != "Kenaikan pangkat reguler: 4 tahun dalam pangkat\nbelum: predikat kinerja 2 tahun terakhir belum tercatat" {
		t.Errorf("keterangan %q", tb.Rows[1][4])
	}
	mustContain(t, Text(d), "Jumlah: 2 pengingat, 1 terlambat")
	if d.File != "Pengingat 2026-11-02" {
		t.Errorf("file %q", d.File)
	}
	if nil := Pengingat(rs, nil, testOpts()); tables(nil)[0].Rows[0][2] != "" {
		t.Error("nil name func")
	}
}

func TestMerit(t *testing.T) {
	in := testInstrument(t)
	a := testAssessment(in)
	res := domain.Score(in, a, false)
	o := testOpts()
	o.Office.Demo = true
	d := Merit(a, in, res, o)
	checkShape(t, d)
	// Stage Verifikasi: not final, and the mark says so beside the others.
	if d.Mark != "DATA CONTOH · BELUM FINAL · BUKAN INSTRUMEN RESMI" || d.Title != "LAPORAN PENILAIAN MANDIRI SISTEM MERIT" {
		t.Errorf("mark %q title %q", d.Mark, d.Title)
	}
	// Pimpinan and koordinator sign on blank lines, dated when printed.
	if s := signatures(d); len(s) != 1 || len(s[0].Boxes) != 2 || s[0].Boxes[0].Role != "Pimpinan Instansi," ||
		s[0].Boxes[1].Role != "Koordinator Tim Merit," || s[0].Boxes[1].Name != "" || s[0].Boxes[1].NIP != NIPBlank || s[0].Date != o.Today {
		t.Errorf("signatures %+v", s)
	}
	if v, _ := fieldValue(d, "Instrumen"); !strings.HasPrefix(v, "PANRB-19-2025 versi asndesk-1 — ") {
		t.Errorf("instrumen %q", v)
	}
	if v, _ := fieldValue(d, "Tahap"); v != "Verifikasi" {
		t.Errorf("tahap %q", v)
	}
	asp := tableWith(t, d, "TANPA BUKTI")
	if len(asp.Rows) != len(in.TopAspects()) || asp.Rows[0][3] != "2/3" || asp.Rows[0][4] != "1" {
		t.Errorf("aspects %q", asp.Rows)
	}
	var bars *Bars
	for _, b := range d.Blocks {
		if x, ok := b.(*Bars); ok {
			bars = x
		}
	}
	if bars == nil || len(bars.Items) != len(in.TopAspects()) || bars.Items[0].Max != 1 || bars.Items[1].Text != "belum dijawab" {
		t.Fatalf("bars %+v", bars)
	}
	ev := tableWith(t, d, "SHA-256")
	if len(ev.Rows) != 1 || ev.Rows[0][4] != "9f86d081884c" || ev.Rows[0][5] != "03-02-2026" {
		t.Errorf("evidence %q", ev.Rows)
	}
	pl := tableWith(t, d, "TINDAKAN")
	if len(pl.Rows) != 1 || pl.Rows[0][5] != "Dalam proses" {
		t.Errorf("plan %q", pl.Rows)
	}
	if v, _ := fieldValue(d, "Kategori"); v != "Ditetapkan setelah semua indikator dijawab" {
		t.Errorf("kategori of a partial assessment %q", v)
	}

	t.Run("official and complete", func(t *testing.T) {
		in := in
		in.Status = domain.InstrumentResmi
		a := testAssessment(in)
		for _, x := range in.Indicators {
			if _, ok := a.Answers[x.Code]; !ok {
				a.Answers[x.Code] = domain.MeritAnswer{Level: 1}
			}
		}
		a.Stage, a.FinalAt, a.UnitID = domain.StageFinal, time.Date(2026, 10, 20, 11, 0, 0, 0, time.UTC), 2
		res := domain.Score(in, a, false)
		d := Merit(a, in, res, testOpts())
		if d.Mark != "" {
			t.Errorf("mark %q", d.Mark)
		}
		// A final assessment is signed on the day it became final; a
		// unit's by the unit's head.
		if s := signatures(d); s[0].Date != date(2026, 10, 20) || s[0].Boxes[0].Role != "Pimpinan Unit Kerja," {
			t.Errorf("signatures %+v", s)
		}
		if v, _ := fieldValue(d, "Kategori"); v == "" || !res.HasCat || v != res.CategoryText() {
			t.Errorf("kategori %q", v)
		}
	})
}

// File names carry the chosen filter's values, short enough to read in a
// file dialog.
func TestFileTag(t *testing.T) {
	for _, c := range []struct{ filter, want string }{
		{"", ""},
		{"Unit kerja: Puskesmas Sukamaju", "Puskesmas Sukamaju"},
		{"Unit kerja: Sekretariat; Jenis pegawai: PNS", "Sekretariat PNS"},
		{"Jenis: Kenaikan pangkat", "Kenaikan pangkat"},
		{"tanpa label", "tanpa label"},
		{"Unit kerja: Seksi Pemberdayaan Masyarakat Desa; Golongan: III/a; Pendidikan: S1; Jenis jabatan: Fungsional; Status: Aktif; Usia: 50 tahun ke atas",
			"Seksi Pemberdayaan Masyarakat Desa III/a S1 Fungsional…"},
	} {
		if got := fileTag(Opts{Filter: c.filter}); got != c.want {
			t.Errorf("fileTag(%q) = %q, want %q", c.filter, got, c.want)
		}
	}
	// In a file name the slash of III/a becomes a dash.
	if got := FileName("Nominatif", fileTag(Opts{Filter: "Golongan: III/a"}), "2026-11-02"); got != "Nominatif III-a 2026-11-02" {
		t.Errorf("file %q", got)
	}
}

// Notes joined into one cell never read ".;".
func TestJoinNotes(t *testing.T) {
	for _, c := range []struct {
		notes []string
		want  string
	}{
		{nil, ""},
		{[]string{"satu"}, "satu"},
		{[]string{"belum ditindaklanjuti.", "Kenaikan pangkat tertunda"}, "belum ditindaklanjuti. Kenaikan pangkat tertunda"},
		{[]string{"tanpa titik", "kedua."}, "tanpa titik; kedua."},
		{[]string{" ", "ada?", "", "lagi"}, "ada? lagi"},
	} {
		if got := joinNotes(c.notes); got != c.want {
			t.Errorf("joinNotes(%q) = %q, want %q", c.notes, got, c.want)
		}
	}
}

// TestDemoDocuments builds every document from the demo office: nothing
// panics and every table is well formed.
func TestDemoDocuments(t *testing.T) {
	office, nodes, emps, rws := demo.GenerateOffice(60, 3)
	today := demo.ReferenceDate()
	names := map[uint64]string{}
	for _, u := range nodes {
		names[u.ID] = u.Name
	}
	o := Opts{Office: office, Today: today, Place: "Sukamaju", UnitName: func(id uint64) string { return names[id] }}
	byEmp := map[uint64][]domain.Riwayat{}
	for _, r := range rws {
		byEmp[r.EmployeeID] = append(byEmp[r.EmployeeID], r)
	}
	var rows []domain.DUKRow
	for _, e := range emps {
		d := DRH(e, byEmp[e.ID], true, o)
		checkShape(t, d)
		if d.Mark != "DATA CONTOH" {
			t.Fatalf("demo mark %q", d.Mark)
		}
		if r, ok := domain.BuildDUKRow(e, byEmp[e.ID], today); ok {
			rows = append(rows, r)
		}
	}
	domain.SortDUK(rows)
	checkShape(t, DUK(rows, o))
	checkShape(t, Nominatif(NominatifColumns(), emps, o))
	k := demo.GenerateKinerja(nodes, emps, nil, today)
	for _, s := range k.SKPs {
		f := domain.SKPFile{SKP: s}
		for _, w := range k.Work {
			if w.SKPID == s.ID {
				f.Work = append(f.Work, w)
			}
		}
		for _, e := range k.Evals {
			if e.SKPID == s.ID {
				f.Evals = append(f.Evals, e)
			}
		}
		checkShape(t, SKP(f, o))
		for _, e := range f.Evals {
			d, err := Evaluasi(f, e.ID, nil, o)
			if err != nil {
				t.Fatal(err)
			}
			checkShape(t, d)
		}
	}
}

func BenchmarkDUKDocument(b *testing.B) {
	for _, n := range []int{1000} {
		_, _, emps, rws := demo.GenerateOffice(n, 1)
		today := demo.ReferenceDate()
		byEmp := map[uint64][]domain.Riwayat{}
		for _, r := range rws {
			byEmp[r.EmployeeID] = append(byEmp[r.EmployeeID], r)
		}
		var rows []domain.DUKRow
		for _, e := range emps {
			if r, ok := domain.BuildDUKRow(e, byEmp[e.ID], today); ok {
				rows = append(rows, r)
			}
		}
		domain.SortDUK(rows)
		o := Opts{Office: domain.Office{Name: "Kecamatan Sukamaju"}, Today: today, Place: "Sukamaju"}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = DUK(rows, o)
			}
		})
	}
}

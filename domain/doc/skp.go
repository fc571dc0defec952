package doc

import (
	"strings"
	"time"

	"asndesk/domain"
)

// Roles on the SKP signature boxes, as e-Kinerja prints them.
const (
	RolePegawai = "Pegawai yang Dinilai,"
	RolePenilai = "Pejabat Penilai Kinerja,"
)

// pendekatanLine is "PENDEKATAN HASIL KERJA KUANTITATIF"; an SKP saved
// without one counts as kuantitatif, domain's default (K1).
func pendekatanLine(p domain.Pendekatan) string {
	if p == 0 {
		p = domain.Kuantitatif
	}
	return "PENDEKATAN HASIL KERJA " + strings.ToUpper(p.String())
}

// identityTable is e-Kinerja's two-sided identity block: the pegawai
// yang dinilai on the left, the pejabat penilai kinerja on the right.
func identityTable(pegawai, penilai domain.PersonSnapshot) *Table {
	t := &Table{Columns: []Column{
		{Title: "NO", Width: 4, Align: Center},
		{Title: "PEGAWAI YANG DINILAI", Width: 16},
		{Title: "", Width: 30},
		{Title: "NO", Width: 4, Align: Center},
		{Title: "PEJABAT PENILAI KINERJA", Width: 16},
		{Title: "", Width: 30},
	}}
	a, b := personRows(pegawai), personRows(penilai)
	for i := range a {
		t.Rows = append(t.Rows, []string{itoa(i + 1), a[i][0], a[i][1], itoa(i + 1), b[i][0], b[i][1]})
	}
	return t
}

// atasanTable is the atasan pejabat penilai kinerja, the same five lines.
func atasanTable(p domain.PersonSnapshot) *Table {
	t := &Table{Columns: []Column{
		{Title: "NO", Width: 4, Align: Center},
		{Title: "ATASAN PEJABAT PENILAI KINERJA", Width: 32},
		{Title: "", Width: 64},
	}}
	for i, r := range personRows(p) {
		t.Rows = append(t.Rows, []string{itoa(i + 1), r[0], r[1]})
	}
	return t
}

func personRows(p domain.PersonSnapshot) [][2]string {
	nip := ""
	if p.NIP != "" {
		nip = domain.FormatNIP(p.NIP)
	}
	return [][2]string{
		{"NAMA", p.Nama},
		{"NIP", nip},
		{"PANGKAT/GOL. RUANG", pangkatGol(p)},
		{"JABATAN", p.Jabatan},
		{"UNIT KERJA", p.Unit},
	}
}

// orderedRHK returns the RHK with the UTAMA ones first, each kept in the
// order the plan lists them.
func orderedRHK(rs []domain.RHK) (utama, tambahan []domain.RHK) {
	for _, r := range rs {
		if r.Kategori == domain.RHKTambahan {
			tambahan = append(tambahan, r)
		} else {
			utama = append(utama, r)
		}
	}
	return utama, tambahan
}

func target(in domain.Indikator) string {
	return joinNonEmpty(" ", in.Target, in.Satuan)
}

func rhkText(r domain.RHK) string {
	if r.PenugasanDari != "" {
		return r.Text + "\n(Penugasan dari: " + r.PenugasanDari + ")"
	}
	return r.Text
}

// rhkRows lays one group of RHK out as table rows: one row per indicator,
// the RHK (and intervensi) text on its first indicator row only. extra
// gives the cells appended to an RHK's first row (realisasi, umpan balik).
func rhkRows(rs []domain.RHK, kuant, intervensi bool, extra func(r domain.RHK) []string, nExtra int) [][]string {
	var rows [][]string
	for i, r := range rs {
		inds := r.Indikator
		if len(inds) == 0 {
			inds = []domain.Indikator{{}}
		}
		for j, in := range inds {
			row := []string{"", ""}
			if intervensi {
				row = append(row, "")
			}
			if j == 0 {
				row[0] = itoa(i + 1)
				if intervensi {
					row[1], row[2] = r.Intervensi, rhkText(r)
				} else {
					row[1] = rhkText(r)
				}
			}
			if kuant {
				row = append(row, in.Aspek.String())
			}
			row = append(row, in.IKI, target(in))
			if extra != nil {
				if j == 0 {
					row = append(row, extra(r)...)
				} else {
					row = append(row, make([]string, nExtra)...)
				}
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// hasilKerjaTable is the HASIL KERJA table with UTAMA / TAMBAHAN group
// rows; the ASPEK column only for a kuantitatif SKP.
func hasilKerjaTable(s domain.SKP, intervensi bool, extraCols []Column, extra func(r domain.RHK) []string) *Table {
	kuant := s.Pendekatan != domain.Kualitatif
	t := &Table{Columns: []Column{{Title: "NO", Width: 4, Align: Center}}}
	if intervensi {
		t.Columns = append(t.Columns, Column{Title: "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", Width: 22})
	}
	t.Columns = append(t.Columns, Column{Title: "RENCANA HASIL KERJA", Width: 22})
	if kuant {
		t.Columns = append(t.Columns, Column{Title: "ASPEK", Width: 10})
	}
	t.Columns = append(t.Columns,
		Column{Title: "INDIKATOR KINERJA INDIVIDU", Width: 26},
		Column{Title: "TARGET", Width: 12})
	t.Columns = append(t.Columns, extraCols...)
	utama, tambahan := orderedRHK(s.RHK)
	for _, g := range []struct {
		name string
		rs   []domain.RHK
	}{{"UTAMA", utama}, {"TAMBAHAN", tambahan}} {
		if len(g.rs) == 0 {
			continue
		}
		t.Groups = append(t.Groups, Group{Before: len(t.Rows), Text: g.name})
		t.Rows = append(t.Rows, rhkRows(g.rs, kuant, intervensi, extra, len(extraCols))...)
	}
	return t
}

// perilakuCell is a core value with its three panduan perilaku.
func perilakuCell(v domain.CoreValue) string {
	lines := []string{v.Name}
	for _, p := range v.Panduan {
		lines = append(lines, "- "+p)
	}
	return strings.Join(lines, "\n")
}

// perilakuTable is the PERILAKU KERJA table from domain's BerAKHLAK list.
func perilakuTable(s domain.SKP, umpanBalik func(value int) string) *Table {
	t := &Table{Columns: []Column{
		{Title: "NO", Width: 4, Align: Center},
		{Title: "PERILAKU KERJA", Width: 50},
		{Title: "EKSPEKTASI KHUSUS PIMPINAN", Width: 30},
	}}
	if umpanBalik != nil {
		t.Columns = append(t.Columns, Column{Title: "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG", Width: 30})
	}
	for i, v := range domain.CoreValues() {
		row := []string{itoa(i + 1), perilakuCell(v), ""}
		if i < len(s.Ekspektasi) {
			row[2] = s.Ekspektasi[i]
		}
		if umpanBalik != nil {
			row = append(row, umpanBalik(i+1))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// lampiranTable lists the three lampiran under their group rows; an empty
// list prints "-" so the reader sees it was left empty, not lost.
func lampiranTable(l domain.Lampiran) *Table {
	t := &Table{Columns: []Column{
		{Title: "NO", Width: 4, Align: Center},
		{Title: "URAIAN", Width: 96},
	}}
	for _, g := range []struct {
		name  string
		items []string
	}{
		{"DUKUNGAN SUMBER DAYA", l.DukunganSumberDaya},
		{"SKEMA PERTANGGUNGJAWABAN", l.SkemaPertanggungjawaban},
		{"KONSEKUENSI", l.Konsekuensi},
	} {
		t.Groups = append(t.Groups, Group{Before: len(t.Rows), Text: g.name})
		if len(g.items) == 0 {
			t.Rows = append(t.Rows, []string{"", "-"})
		}
		for i, it := range g.items {
			t.Rows = append(t.Rows, []string{itoa(i + 1), it})
		}
	}
	return t
}

// skpSignatures are the pegawai's and the penilai's boxes, dated on (see
// signDate for which date each document takes).
func skpSignatures(o Opts, on domain.Date, pegawai, penilai domain.PersonSnapshot) *Signatures {
	return &Signatures{Place: o.Place, Date: on, Boxes: []SignBox{
		{Role: RolePegawai, Name: pegawai.Nama, NIP: pegawai.NIP},
		{Role: RolePenilai, Name: penilai.Nama, NIP: penilai.NIP},
	}}
}

// SKP builds the SKP in the e-Kinerja layout (KindSKP): identities, the
// HASIL KERJA and PERILAKU KERJA tables, signatures, then the LAMPIRAN on
// its own page, signed again. Not yet Disetujui → Mark "DRAF".
func SKP(f domain.SKPFile, o Opts) Document {
	s := f.SKP
	d := Document{
		Printed: o.Today,
		Kind:    KindSKP,
		Title:   "SASARAN KINERJA PEGAWAI",
		File:    FileName("SKP", itoa(s.Year), fileNama(s.Pegawai.Nama), domain.Digits(s.Pegawai.NIP)),
	}
	d.Subtitle = []string{pendekatanLine(s.Pendekatan)}
	if p := dateRange(s.Start, s.End); p != "" {
		d.Subtitle = append(d.Subtitle, "PERIODE PENILAIAN: "+strings.ToUpper(p))
	}
	if s.Revision > 0 {
		d.Subtitle = append(d.Subtitle, "REVISI KE-"+itoa(s.Revision))
	}
	// An approved SKP is signed on its approval date; a draft on the print
	// date, since nothing has been agreed yet.
	var draf string
	var approved time.Time
	if s.Status != domain.SKPDisetujui {
		draf = MarkDraf
	} else {
		approved = s.Approved
	}
	d.Mark = mark(o, draf)
	on := signDate(approved, o)
	d.Blocks = []Block{
		identityTable(s.Pegawai, s.Penilai),
		atasanTable(s.AtasanPenilai),
		&Heading{Text: "HASIL KERJA"},
		hasilKerjaTable(s, true, nil, nil),
		&Heading{Text: "PERILAKU KERJA"},
		perilakuTable(s, nil),
		skpSignatures(o, on, s.Pegawai, s.Penilai),
		&PageBreak{},
		&Heading{Text: "LAMPIRAN SASARAN KINERJA PEGAWAI"},
		lampiranTable(s.Lampiran),
		skpSignatures(o, on, s.Pegawai, s.Penilai),
	}
	return d
}

// evalPeriod names an evaluation's period as the document prints it:
// "Triwulan I", "Bulan Januari" or "Tahunan".
func evalPeriod(e domain.Evaluasi) string {
	if e.Kind == domain.EvalTahunan || e.Period == 0 {
		return "Tahunan"
	}
	l := e.Frequency.PeriodLabel(e.Period)
	if e.Frequency == domain.Bulanan {
		return "Bulan " + l
	}
	return l
}

// evalDates is the period's first and last day, inside the SKP's own
// periode penilaian (an SKP that starts in May has no January).
func evalDates(s domain.SKP, e domain.Evaluasi) (from, to domain.Date) {
	if e.Kind == domain.EvalTahunan || e.Period == 0 {
		from, to = domain.PeriodRange(s.Year, e.Frequency, 0)
	} else {
		from, to = domain.PeriodRange(s.Year, e.Frequency, e.Period)
	}
	if !s.Start.IsZero() && from.Before(s.Start) {
		from = s.Start
	}
	if !s.End.IsZero() && s.End.Before(to) {
		to = s.End
	}
	return from, to
}

// inPeriod: a tahunan evaluation takes every period's work and feedback.
func inPeriod(e domain.Evaluasi, p int) bool {
	return e.Kind == domain.EvalTahunan || e.Period == 0 || p == e.Period
}

func ratingText(r domain.Rating) string {
	if r == 0 {
		return "Belum dinilai"
	}
	return r.String()
}

// feedbackLines are the penilai's umpan balik entries (not the pegawai's
// replies), dated, oldest first.
func feedbackLines(fs []domain.Feedback, e domain.Evaluasi, match func(domain.FeedbackTarget) bool) string {
	var lines []string
	for _, fb := range fs {
		if fb.ByPegawai || !match(fb.Target) || !inPeriod(e, fb.Period) {
			continue
		}
		l := fb.Text
		if !fb.Time.IsZero() {
			l = domain.DateOf(fb.Time).String() + ": " + l
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// workFrequency names the periods of the SKP's work: the evaluation's own
// cycle, else the office's, but a period past IV can only be a month.
func workFrequency(f domain.SKPFile, e domain.Evaluasi, o Opts) domain.Frequency {
	freq := e.Frequency
	if freq == "" {
		freq = o.Frequency
	}
	for _, w := range f.Work {
		if w.Period > 4 {
			return domain.Bulanan
		}
	}
	return freq
}

// realisasi is an RHK's realisasi of the period; for a tahunan evaluation
// every period's, each under its period label.
func realisasi(f domain.SKPFile, e domain.Evaluasi, rhkID uint64, o Opts) string {
	var lines []string
	for _, w := range f.Work {
		if w.RHKID != rhkID || !inPeriod(e, w.Period) || strings.TrimSpace(w.Realisasi) == "" && len(w.Bukti) == 0 {
			continue
		}
		l := w.Realisasi
		if len(w.Bukti) > 0 {
			l = joinNonEmpty(" ", l, "("+itoa(len(w.Bukti))+" bukti dukung)")
		}
		if e.Kind == domain.EvalTahunan || e.Period == 0 {
			l = workFrequency(f, e, o).PeriodLabel(w.Period) + ": " + l
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// Evaluasi builds the evaluasi kinerja (periodik or tahunan) evalID of f;
// org is the organisation's rating for the period, nil when none. Not
// final → Mark "BELUM FINAL".
func Evaluasi(f domain.SKPFile, evalID uint64, org *domain.OrgRating, o Opts) (Document, error) {
	var e domain.Evaluasi
	found := false
	for _, x := range f.Evals {
		if x.ID == evalID {
			e, found = x, true
			break
		}
	}
	if !found {
		return Document{}, domain.Errorf(domain.ENOTFOUND, "Evaluasi yang akan dicetak tidak ditemukan pada SKP ini.")
	}
	s := f.SKP
	// A final evaluation prints who rated and the pegawai's position at
	// finalisation; before that, the SKP's copies.
	pegawai, penilai := evalPeople(s, e)
	period := evalPeriod(e)
	from, to := evalDates(s, e)
	d := Document{
		Printed: o.Today,
		Kind:    KindEvaluasi,
		Title:   "EVALUASI KINERJA PEGAWAI",
		File:    FileName("Evaluasi", itoa(s.Year), period, fileNama(pegawai.Nama), domain.Digits(pegawai.NIP)),
	}
	d.Subtitle = []string{pendekatanLine(s.Pendekatan), "PERIODE: " + strings.ToUpper(period)}
	if p := dateRange(from, to); p != "" {
		d.Subtitle = append(d.Subtitle, "PERIODE PENILAIAN: "+strings.ToUpper(p))
	}
	// A final evaluation is signed on the day it was made final; one still
	// open on the print date.
	var belum string
	var finalAt time.Time
	if !e.Final {
		belum = MarkBelumFinal
	} else {
		finalAt = e.FinalAt
	}
	d.Mark = mark(o, belum)
	d.Blocks = []Block{identityTable(pegawai, penilai), atasanTable(s.AtasanPenilai)}
	if org != nil && org.Predikat != "" {
		v := org.Predikat.Label()
		if org.Capaian != "" {
			v += " (capaian " + org.Capaian + ")"
		}
		rows := [][2]string{{"CAPAIAN KINERJA ORGANISASI", v}}
		// The annual predikat is set within the unit's pattern (BKN step 2:
		// "TETAPKAN POLA DISTRIBUSI PREDIKAT KINERJA BERDASARKAN CAPAIAN
		// ORGANISASI"); a periodic one is not checked against it.
		if e.Kind == domain.EvalTahunan || e.Period == 0 {
			if p := polaDistribusi(org.Predikat); p != "" {
				rows = append(rows, [2]string{"POLA DISTRIBUSI PREDIKAT KINERJA", p})
			}
		}
		d.Blocks = append(d.Blocks, &Fields{Rows: rows})
	}
	hk := hasilKerjaTable(s, true, []Column{
		{Title: "REALISASI BERDASARKAN BUKTI DUKUNG", Width: 24},
		{Title: "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG", Width: 24},
	}, func(r domain.RHK) []string {
		return []string{realisasi(f, e, r.ID, o), feedbackLines(f.Feedback, e, func(t domain.FeedbackTarget) bool {
			return t.Value == 0 && t.RHKID == r.ID
		})}
	})
	pk := perilakuTable(s, func(v int) string {
		return feedbackLines(f.Feedback, e, func(t domain.FeedbackTarget) bool { return t.Value == v })
	})
	predikat := "Belum ditetapkan"
	if e.Predikat != "" {
		predikat = e.Predikat.Label()
	}
	d.Blocks = append(d.Blocks,
		&Heading{Text: "HASIL KERJA"},
		hk,
		&Fields{Rows: [][2]string{{"RATING HASIL KERJA", ratingText(e.RatingHasil)}}},
		&Heading{Text: "PERILAKU KERJA"},
		pk,
		&Fields{Rows: [][2]string{{"RATING PERILAKU KERJA", ratingText(e.RatingPerilaku)}}},
		&Fields{Rows: [][2]string{{"PREDIKAT KINERJA PEGAWAI", predikat}}},
	)
	if !e.AK.IsZero() {
		v := e.AK.String()
		if e.AK.Months > 0 {
			v += " (" + itoa(e.AK.Months) + " bulan)"
		}
		d.Blocks = append(d.Blocks, &Fields{Rows: [][2]string{{"ANGKA KREDIT", v}}})
	}
	if strings.TrimSpace(e.Catatan) != "" {
		d.Blocks = append(d.Blocks, &Heading{Text: "CATATAN"}, &Para{Text: e.Catatan})
	}
	d.Blocks = append(d.Blocks, skpSignatures(o, signDate(finalAt, o), pegawai, penilai))
	return d, nil
}

// Dialogs builds the catatan dialog kinerja: dialogID, or every dialog of
// the SKP when dialogID is 0, each on its own page with its signatures.
func Dialogs(f domain.SKPFile, dialogID uint64, o Opts) (Document, error) {
	s := f.SKP
	var ds []domain.Dialog
	for _, x := range f.Dialogs {
		if dialogID == 0 || x.ID == dialogID {
			ds = append(ds, x)
		}
	}
	switch {
	case len(ds) == 0 && dialogID != 0:
		return Document{}, domain.Errorf(domain.ENOTFOUND, "Catatan dialog kinerja yang akan dicetak tidak ditemukan pada SKP ini.")
	case len(ds) == 0:
		return Document{}, domain.Errorf(domain.EINVALID, "SKP ini belum mempunyai catatan dialog kinerja.")
	}
	d := Document{
		Printed: o.Today,
		Kind:    KindDialog,
		Title:   "CATATAN DIALOG KINERJA",
		Mark:    mark(o),
		File:    FileName("Dialog kinerja", itoa(s.Year), fileNama(s.Pegawai.Nama), domain.Digits(s.Pegawai.NIP)),
	}
	if len(ds) == 1 {
		d.File = FileName("Dialog kinerja", ds[0].Date.ISO(), fileNama(s.Pegawai.Nama), domain.Digits(s.Pegawai.NIP))
	}
	if p := dateRange(s.Start, s.End); p != "" {
		d.Subtitle = []string{"PERIODE PENILAIAN: " + strings.ToUpper(p)}
	}
	for i, dl := range ds {
		if i > 0 {
			d.Blocks = append(d.Blocks, &PageBreak{})
		}
		if len(ds) > 1 {
			d.Blocks = append(d.Blocks, &Heading{Text: "DIALOG KE-" + itoa(i+1)})
		}
		topics := make([]string, 0, len(dl.Topics))
		for _, t := range dl.Topics {
			topics = append(topics, t.Label(s))
		}
		d.Blocks = append(d.Blocks, &Fields{Rows: [][2]string{
			{"Pegawai yang dinilai", joinNonEmpty(" / NIP ", s.Pegawai.Nama, domain.FormatNIP(s.Pegawai.NIP))},
			{"Pejabat penilai kinerja", joinNonEmpty(" / NIP ", s.Penilai.Nama, domain.FormatNIP(s.Penilai.NIP))},
			{"Tanggal", dl.Date.Long()},
			{"Jenis dialog", dl.Kind.Label()},
			{"Peserta", strings.Join(dl.Peserta, ", ")},
			{"Topik", strings.Join(topics, "\n")},
		}})
		d.Blocks = append(d.Blocks, &Heading{Text: "CATATAN"}, &Para{Text: dl.Notes})
		d.Blocks = append(d.Blocks, &Heading{Text: "KESEPAKATAN"}, kesepakatanTable(dl, f.Dialogs))
		next := "Belum ditentukan"
		if !dl.NextDate.IsZero() {
			next = dl.NextDate.Long()
		}
		d.Blocks = append(d.Blocks, &Fields{Rows: [][2]string{{"Dialog berikutnya", next}}})
		// The record is signed on the day the dialog was held.
		on := dl.Date
		if on.IsZero() {
			on = o.Today
		}
		d.Blocks = append(d.Blocks, skpSignatures(o, on, s.Pegawai, s.Penilai))
	}
	return d, nil
}

// kesepakatanTable lists a dialog's agreed actions; a carried agreement
// names the dialog it was first made in.
func kesepakatanTable(dl domain.Dialog, all []domain.Dialog) *Table {
	t := &Table{Columns: []Column{
		{Title: "NO", Width: 4, Align: Center},
		{Title: "KESEPAKATAN", Width: 44},
		{Title: "PENANGGUNG JAWAB", Width: 20},
		{Title: "BATAS WAKTU", Width: 14, Align: Center},
		{Title: "STATUS", Width: 14},
	}}
	for i, k := range dl.Kesepakatan {
		text := k.Text
		if k.CarriedFrom != 0 {
			from := "dialog sebelumnya"
			for _, x := range all {
				if x.ID == k.CarriedFrom && !x.Date.IsZero() {
					from = "dialog " + x.Date.String()
				}
			}
			text += "\n(dibawa dari " + from + ")"
		}
		t.Rows = append(t.Rows, []string{itoa(i + 1), text, k.Owner, k.Due.String(), k.Status.String()})
	}
	if len(t.Rows) == 0 {
		t.Rows = append(t.Rows, []string{"", "Tidak ada kesepakatan.", "", "", ""})
	}
	return t
}

// polaDistribusi describes the distribution pattern of predikat kinerja
// pegawai that the unit's predikat kinerja organisasi sets (domain's
// shipped table, domain.md §4.7): "Baik paling banyak 70%; harus ada Butuh
// Perbaikan dan/atau Kurang/Misconduct". "" for a predikat without one.
func polaDistribusi(org domain.OrgPredikat) string {
	for _, p := range domain.DefaultDistPatterns() {
		if p.Org != org {
			continue
		}
		var parts []string
		for _, r := range p.Rules {
			labels := make([]string, len(r.Predikats))
			for i, x := range r.Predikats {
				labels[i] = x.Label()
			}
			group := strings.Join(labels, " dan/atau ")
			switch r.Kind {
			case domain.DistMax:
				parts = append(parts, group+" paling banyak "+itoa(r.Percent)+"%")
			case domain.DistMin:
				parts = append(parts, group+" paling sedikit "+itoa(r.Percent)+"%")
			case domain.DistAny:
				parts = append(parts, "harus ada "+group)
			case domain.DistNone:
				parts = append(parts, "tidak boleh ada "+group)
			}
		}
		s := strings.Join(parts, "; ")
		if s != "" {
			s = strings.ToUpper(s[:1]) + s[1:]
		}
		return s
	}
	return ""
}

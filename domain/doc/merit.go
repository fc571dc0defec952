package doc

import (
	"slices"
	"strings"
	"time"

	"asndesk/domain"
)

// Signers of the merit report: the Tim Merit's koordinator (domain's
// name for the team and its lead) and the head of what was assessed.
const (
	RoleKoordinatorMerit = "Koordinator Tim Merit,"
	RolePimpinanUnit     = "Pimpinan Unit Kerja,"
)

// instrumentText is "PANRB-19-2025 versi asndesk-1 — <title>".
func instrumentText(in domain.Instrument) string {
	s := in.ID
	if in.Version != "" {
		s += " versi " + in.Version
	}
	return joinNonEmpty(" — ", s, in.Title)
}

// levelText is "3 – Sudah diterapkan" (value and the scale's label).
func levelText(in domain.Instrument, v float64) string {
	if v == 0 {
		return ""
	}
	s := domain.FormatScore(v)
	if l, ok := in.Level(v); ok && l.Label != "" {
		s += " – " + l.Label
	}
	return s
}

// shortHash is the first 12 hex digits of a SHA-256: enough to match a
// file by eye against the one kept in asndesk.
func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// answeredCodes lists the indicator codes with an answer, in instrument
// order, then any codes the instrument no longer has, sorted.
func answeredCodes(a domain.MeritAssessment, in domain.Instrument) []string {
	var codes []string
	seen := map[string]bool{}
	for _, x := range in.Indicators {
		if _, ok := a.Answers[x.Code]; ok {
			codes = append(codes, x.Code)
			seen[x.Code] = true
		}
	}
	var rest []string
	for c := range a.Answers {
		if !seen[c] {
			rest = append(rest, c)
		}
	}
	slices.Sort(rest)
	return append(codes, rest...)
}

// Merit builds the laporan penilaian mandiri sistem merit: identity, the
// per-aspect table and bars, the total and category, the evidence list and
// the rencana perbaikan, then the signatures. An assessment not yet at
// stage Final prints the Mark "BELUM FINAL", an instrument that is not
// official "BUKAN INSTRUMEN RESMI", on every page.
func Merit(a domain.MeritAssessment, in domain.Instrument, res domain.MeritResult, o Opts) Document {
	d := Document{
		Printed: o.Today,
		Kind:    KindMerit,
		Title:   "LAPORAN PENILAIAN MANDIRI SISTEM MERIT",
		File:    FileName("Penilaian mandiri merit", itoa(a.Year)),
	}
	unit := "Seluruh instansi"
	if a.UnitID != 0 {
		unit = o.unit(a.UnitID)
		d.File = FileName("Penilaian mandiri merit", itoa(a.Year), unit)
	}
	d.Subtitle = subtitles(o, strings.ToUpper(o.Office.Name), "TAHUN "+itoa(a.Year))
	var belum, resmi string
	var finalAt time.Time
	if a.Stage != domain.StageFinal {
		belum = MarkBelumFinal
	} else {
		finalAt = a.FinalAt // signed on the day the assessment was made final
	}
	if in.Status != domain.InstrumentResmi {
		resmi = MarkTidakResmi
	}
	d.Mark = mark(o, belum, resmi)

	d.Blocks = append(d.Blocks, &Fields{Rows: [][2]string{
		{"Instansi", o.Office.Name},
		{"Unit", unit},
		{"Tahun", itoa(a.Year)},
		{"Instrumen", instrumentText(in)},
		{"Dasar", in.Regulation},
		{"Tahap", a.Stage.String()},
	}})
	if in.Notice != "" {
		d.Blocks = append(d.Blocks, &Para{Text: in.Notice, Italic: true, Small: true})
	}

	// Nilai.
	total := domain.FormatScore(res.Total)
	if !res.Complete {
		total += " (sementara: " + itoa(res.Answered) + "/" + itoa(res.Indicators) + " indikator dijawab)"
	}
	nilai := [][2]string{{"Nilai total", total}}
	if c := in.Score.Composite; c != nil {
		nilai = append(nilai, [2]string{"Nilai komposit", domain.FormatScore(res.Composite) + " (= " +
			domain.FormatScore(c.SelfPercent) + "% × nilai total + " + domain.FormatScore(c.SurveyPercent) + "% × " +
			c.SurveyLabel + " " + domain.FormatScore(a.Survey) + ")"})
	}
	switch {
	case !res.Complete:
		nilai = append(nilai, [2]string{"Kategori", "Ditetapkan setelah semua indikator dijawab"})
	case res.HasCat:
		nilai = append(nilai, [2]string{"Kategori", res.CategoryText()})
		if res.Category.IndexBand != "" {
			nilai = append(nilai, [2]string{"Pita indeks", res.Category.IndexBand})
		}
	}
	if res.Complete && res.HasIndex {
		nilai = append(nilai, [2]string{"Indeks (" + in.Index.Formula + ")", domain.FormatScore(res.Index)})
	}
	if a.ReportedIndex != "" {
		nilai = append(nilai, [2]string{"Indeks dilaporkan", a.ReportedIndex})
	}
	nilai = append(nilai, [2]string{"Indikator terverifikasi", itoa(res.Verified) + " dari " + itoa(res.Indicators)})
	if res.Complete && res.HasCat && strings.TrimSpace(res.Category.Consequence) != "" {
		nilai = append(nilai, [2]string{"Konsekuensi", strings.TrimSpace(res.Category.Consequence)})
	}
	d.Blocks = append(d.Blocks, &Heading{Text: "NILAI"}, &Fields{Rows: nilai})

	// Per aspek: the table, then the bars on the scale's top level.
	t := &Table{Columns: []Column{
		{Title: "NO", Width: 4, Align: Center},
		{Title: "ASPEK", Width: 50},
		{Title: "SKOR", Width: 10, Align: Right},
		{Title: "DIJAWAB", Width: 12, Align: Center},
		{Title: "TANPA BUKTI", Width: 12, Align: Center},
	}}
	var maxLevel float64
	if n := len(in.Levels); n > 0 {
		maxLevel = in.Levels[n-1].Value
	}
	bars := &Bars{}
	for i, ar := range res.Aspects {
		score := ""
		if ar.Answered > 0 {
			score = domain.FormatScore(ar.Score)
		}
		t.Rows = append(t.Rows, []string{itoa(i + 1), ar.Name, score, itoa(ar.Answered) + "/" + itoa(ar.Total), itoa(ar.NoEvidence)})
		text := "belum dijawab"
		if score != "" {
			text = score + " / " + domain.FormatScore(maxLevel)
		}
		bars.Items = append(bars.Items, Bar{Label: ar.Name, Value: ar.Score, Max: maxLevel, Text: text})
	}
	d.Blocks = append(d.Blocks, &Heading{Text: "NILAI PER ASPEK"}, t)
	if len(bars.Items) > 0 && maxLevel > 0 {
		d.Blocks = append(d.Blocks, bars)
	}

	// Bukti dukung.
	ev := &Table{Columns: []Column{
		{Title: "NO", Width: 4, Align: Center},
		{Title: "INDIKATOR", Width: 10},
		{Title: "JENIS", Width: 10},
		{Title: "NAMA / REFERENSI", Width: 40},
		{Title: "SHA-256", Width: 14},
		{Title: "TANGGAL", Width: 11, Align: Center},
	}}
	for _, code := range answeredCodes(a, in) {
		for _, b := range a.Answers[code].Evidence {
			name := b.Name
			if b.Kind == domain.BuktiReferensi && b.Ref != "" && b.Ref != b.Name {
				name = joinNonEmpty("\n", b.Name, b.Ref)
			}
			tgl := ""
			if !b.Added.IsZero() {
				tgl = domain.DateOf(b.Added).String()
			}
			ev.Rows = append(ev.Rows, []string{itoa(len(ev.Rows) + 1), code, b.Kind.String(), name, shortHash(b.SHA256), tgl})
		}
	}
	d.Blocks = append(d.Blocks, &Heading{Text: "BUKTI DUKUNG"})
	if len(ev.Rows) == 0 {
		d.Blocks = append(d.Blocks, &Para{Text: "Belum ada bukti dukung."})
	} else {
		d.Blocks = append(d.Blocks, ev)
	}

	// Rencana perbaikan.
	pl := &Table{Columns: []Column{
		{Title: "NO", Width: 4, Align: Center},
		{Title: "INDIKATOR", Width: 10},
		{Title: "TINDAKAN", Width: 44},
		{Title: "PENANGGUNG JAWAB", Width: 18},
		{Title: "BATAS WAKTU", Width: 11, Align: Center},
		{Title: "STATUS", Width: 12},
	}}
	for i, x := range a.Actions {
		pl.Rows = append(pl.Rows, []string{itoa(i + 1), x.Indicator, x.Text, x.Owner, x.Due.String(), x.Status.String()})
	}
	d.Blocks = append(d.Blocks, &Heading{Text: "RENCANA PERBAIKAN"})
	if len(pl.Rows) == 0 {
		d.Blocks = append(d.Blocks, &Para{Text: "Belum ada rencana perbaikan."})
	} else {
		d.Blocks = append(d.Blocks, pl)
	}
	// The team's koordinator reports, the pimpinan acknowledges. The
	// assessment holds account ids, not names: both sign on blank lines.
	pimpinan := RolePimpinanInstansi
	if a.UnitID != 0 {
		pimpinan = RolePimpinanUnit
	}
	d.Blocks = append(d.Blocks, &Signatures{Place: o.Place, Date: signDate(finalAt, o), Boxes: []SignBox{
		{Role: pimpinan, NIP: NIPBlank},
		{Role: RoleKoordinatorMerit, NIP: NIPBlank},
	}})
	return d
}

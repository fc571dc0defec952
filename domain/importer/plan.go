package importer

import (
	"sort"
	"strconv"
	"strings"

	"asndesk/domain"
)

// Action is what a row will do.
type Action int

// Row actions.
const (
	New       Action = iota + 1 // a new employee, or a new riwayat entry
	Update                      // changes an existing employee
	Unchanged                   // everything in the row is already so
	Error                       // skipped: see Errors
)

// Label names the action in the report.
func (a Action) Label() string {
	switch a {
	case New:
		return "baru"
	case Update:
		return "diperbarui"
	case Unchanged:
		return "tidak berubah"
	case Error:
		return "galat"
	}
	return ""
}

// Change is one field of an existing employee that a row changes.
type Change struct {
	Field    Field
	Old, New string
}

// Row is what one spreadsheet row will do.
type Row struct {
	Line     int // the row number the spreadsheet shows (1-based)
	Action   Action
	NIP      string // digits, as far as they could be read
	Nama     string
	Changes  []Change // Update: old → new
	Errors   []string // Error: every reason
	Warnings []string // imported anyway, with these notes

	// Employee is the profile after the import (New, Update). For an
	// update, and for riwayat rows, it carries the stored ID and Updated of
	// the matched employee, which Apply re-checks.
	Employee domain.Employee
	// Riwayat are the entries the row adds (EmployeeID 0 for a new
	// employee: the store fills it in). Jabatan entries naming a unit still
	// to be created have UnitID 0 and Unit set.
	Riwayat []domain.Riwayat
	// Unit is the name of a unit kerja that does not exist yet and that the
	// row's profile or jabatan entry belongs to; Apply creates it.
	Unit string
}

// Counts sums up a report.
type Counts struct {
	New, Update, Unchanged, Error int
	Warning                       int // rows imported with a warning
	Total                         int // data rows read (blank rows not counted)
}

// Report is the preview of an import: every data row with what it will do.
type Report struct {
	Kind     Kind
	Sheet    string
	Header   int // 1-based line of the titles
	Rows     []Row
	Counts   Counts
	NewUnits []string // unit kerja Apply will create, in first-seen order
	// Ignored names the columns with a title or values that no field
	// reads ("F «KETERANGAN»"), so that nothing is dropped unsaid.
	Ignored []string
}

// Writable is how many rows Apply would write.
func (r Report) Writable() int { return r.Counts.New + r.Counts.Update }

// Summary is what Apply wrote.
type Summary struct {
	Kind             Kind
	Created, Updated int // employees; for a riwayat import, profiles the new entries changed
	Riwayat          int // riwayat entries added
	Units            int // unit kerja created
	Skipped          int // error rows left out
}

// Text is the summary line of an applied import, in the terms of what was
// imported: employees, or the riwayat entries of a riwayat import.
func (s Summary) Text() string {
	var t string
	if s.Kind == RiwayatPangkat || s.Kind == RiwayatJabatan {
		t = "Impor selesai: " + strconv.Itoa(s.Riwayat) + " entri " + strings.ToLower(s.Kind.Label()) + " baru"
		if s.Updated > 0 {
			t += ", profil " + strconv.Itoa(s.Updated) + " pegawai ikut diperbarui"
		}
		if s.Units > 0 {
			t += ", " + strconv.Itoa(s.Units) + " unit kerja baru"
		}
	} else {
		t = "Impor selesai: " + strconv.Itoa(s.Created) + " pegawai baru, " + strconv.Itoa(s.Updated) +
			" diperbarui, " + strconv.Itoa(s.Riwayat) + " entri riwayat, " + strconv.Itoa(s.Units) + " unit kerja baru"
	}
	if s.Skipped > 0 {
		t += "; " + strconv.Itoa(s.Skipped) + " baris bergalat dilewati"
	}
	return t + "."
}

// Input is everything Plan looks at.
type Input struct {
	Kind      Kind
	Grid      Grid
	Mapping   Mapping
	Employees []domain.Employee
	Units     []domain.Unit
	// Riwayat holds the existing pangkat and jabatan entries by employee
	// id: a riwayat row already present is "tidak berubah", and an
	// employee row whose golongan or jabatan would not become the latest
	// entry is refused.
	Riwayat map[uint64][]domain.Riwayat
	Today   domain.Date
	// Settings are the office's career tables for riwayat validation; nil
	// means domain.DefaultCareerSettings.
	Settings *domain.CareerSettings
}

// Plan works out what every data row below the header would do. Only
// problems with the mapping itself are errors; everything wrong in a row
// is reported on that row.
func Plan(in Input) (Report, error) {
	m := in.Mapping
	if err := checkMapping(in.Kind, m); err != nil {
		return Report{}, err
	}
	p := planner{in: in, rep: Report{Kind: in.Kind, Sheet: in.Grid.Sheet, Header: m.Header + 1},
		byNIP: map[string]int{}, firstLine: map[string]int{}, units: map[string]uint64{}, newUnits: map[string]bool{},
		col: map[Field]int{}}
	for c, f := range m.Fields {
		if f != None {
			p.col[f] = c
		}
	}
	for i, e := range in.Employees {
		// Several records may share a NIP (an inactive one and the active
		// one): the active, then the newest, is the one an import updates.
		if j, ok := p.byNIP[e.NIP]; ok {
			o := in.Employees[j]
			if o.Status.Active() && !e.Status.Active() || o.Status.Active() == e.Status.Active() && o.ID > e.ID {
				continue
			}
		}
		p.byNIP[e.NIP] = i
	}
	for _, u := range in.Units {
		p.units[fold(u.Name)] = u.ID
	}
	if in.Settings != nil {
		p.set = *in.Settings
	} else {
		p.set = domain.DefaultCareerSettings()
	}
	p.golongan = map[golonganKey]golonganVal{}
	p.byNIK = map[string]int{}
	for i, e := range in.Employees {
		if e.NIK != "" && e.Status.Active() {
			p.byNIK[e.NIK] = i
		}
	}
	p.rep.Ignored = m.Ignored(in.Grid)
	p.rep.Rows = make([]Row, 0, max(0, len(in.Grid.Rows)-m.Header-1))
	for r := m.Header + 1; r < len(in.Grid.Rows); r++ {
		if blank(in.Grid.Rows[r]) {
			continue
		}
		row := p.row(r)
		p.add(row)
	}
	return p.rep, nil
}

func blank(cells []Cell) bool {
	for _, c := range cells {
		if strings.TrimSpace(c.Text) != "" {
			return false
		}
	}
	return true
}

// checkMapping refuses a mapping that cannot be planned.
func checkMapping(k Kind, m Mapping) error {
	if k != Pegawai && k != RiwayatPangkat && k != RiwayatJabatan {
		return domain.Errorf(domain.EINVALID, "Jenis impor tidak dikenal.")
	}
	allowed := map[Field]bool{}
	for _, f := range k.Fields() {
		allowed[f] = true
	}
	first := map[Field]int{}
	for c, f := range m.Fields {
		if f == None {
			continue
		}
		if !allowed[f] {
			return domain.Errorf(domain.EINVALID, "Bidang "+f.Label()+" tidak dipakai untuk impor "+strings.ToLower(k.Label())+".")
		}
		if o, ok := first[f]; ok {
			return domain.Errorf(domain.EINVALID, "Bidang "+f.Label()+" dipilih untuk dua kolom ("+ColumnName(o)+" dan "+
				ColumnName(c)+"); pilih satu saja.")
		}
		first[f] = c
	}
	if _, ok := first[FNIP]; !ok {
		return domain.Errorf(domain.EINVALID, "Kolom NIP belum ditemukan. Pilih kolom yang berisi NIP pada pemetaan kolom.")
	}
	need := map[Kind][]Field{RiwayatPangkat: {FGolongan, FTMTGolongan}, RiwayatJabatan: {FJabatan, FTMTJabatan}}
	for _, f := range need[k] {
		if _, ok := first[f]; !ok {
			return domain.Errorf(domain.EINVALID, "Kolom "+f.Label()+" belum ditemukan. Pilih kolomnya pada pemetaan kolom.")
		}
	}
	return nil
}

type planner struct {
	in        Input
	rep       Report
	byNIP     map[string]int    // NIP → index in in.Employees
	byNIK     map[string]int    // NIK of an active employee → index in in.Employees
	firstLine map[string]int    // row key → first line it appeared on
	units     map[string]uint64 // folded unit name → id
	newUnits  map[string]bool
	set       domain.CareerSettings // built once: riwayat validation needs it per row
	golongan  map[golonganKey]golonganVal
	col       map[Field]int // the mapping by field
}

type golonganKey struct {
	kind domain.Kind
	text string
}

type golonganVal struct {
	code string
	ok   bool
}

// golonganOf memoises parseGolongan: a file repeats a few dozen values.
// carryMKG fills the masa kerja golongan of a new pangkat entry from the
// entry before it in the employee's history: a kenaikan pangkat inside the
// same golongan (III/c → III/d) keeps counting, as the detail screen does.
// Across golongan (II → III) the regulation cuts years that a spreadsheet
// does not say, so the field stays empty for the operator to fill.
func (p *planner) carryMKG(e domain.Employee, d *domain.RwPangkatData) {
	if d.TMT.IsZero() || e.ID == 0 {
		return
	}
	var before []domain.Riwayat
	var prev *domain.RwPangkatData
	for _, r := range p.in.Riwayat[e.ID] {
		if r.Kind == domain.RwPangkat && r.Pangkat != nil {
			if !r.Pangkat.TMT.Before(d.TMT) {
				continue
			}
			if prev == nil || prev.TMT.Before(r.Pangkat.TMT) {
				prev = r.Pangkat
			}
		}
		before = append(before, r)
	}
	if prev == nil {
		return
	}
	fg, _, ok1 := strings.Cut(prev.Golongan, "/")
	tg, _, ok2 := strings.Cut(d.Golongan, "/")
	if !ok1 || !ok2 || fg != tg {
		return
	}
	mk := domain.MasaKerjaGolongan(e, before, d.TMT)
	d.MKGTahun, d.MKGBulan = mk.Years, mk.Months
}

func (p *planner) golonganOf(k domain.Kind, c Cell) (string, bool) {
	key := golonganKey{k, c.Text}
	if v, ok := p.golongan[key]; ok {
		return v.code, v.ok
	}
	code, ok := parseGolongan(k, c)
	p.golongan[key] = golonganVal{code, ok}
	return code, ok
}

func (p *planner) add(row Row) {
	c := &p.rep.Counts
	c.Total++
	switch row.Action {
	case New:
		c.New++
	case Update:
		c.Update++
	case Unchanged:
		c.Unchanged++
	case Error:
		c.Error++
	}
	if row.Action != Error && len(row.Warnings) > 0 {
		c.Warning++
	}
	if row.Unit != "" && row.Action != Error && row.Action != Unchanged && !p.newUnits[fold(row.Unit)] {
		p.newUnits[fold(row.Unit)] = true
		p.rep.NewUnits = append(p.rep.NewUnits, row.Unit)
	}
	p.rep.Rows = append(p.rep.Rows, row)
}

// rowReader collects one row's values and problems.
type rowReader struct {
	p    *planner
	r    int
	row  *Row
	errs []string
}

func (rr *rowReader) text(f Field) (string, bool) {
	c, ok := rr.p.col[f]
	if !ok {
		return "", false
	}
	s := clean(rr.p.in.Grid.cell(rr.r, c))
	return s, s != ""
}

func (rr *rowReader) cell(f Field) (Cell, bool) {
	c, ok := rr.p.col[f]
	if !ok {
		return Cell{}, false
	}
	cell := rr.p.in.Grid.cell(rr.r, c)
	return cell, clean(cell) != ""
}

func (rr *rowReader) fail(msg string) { rr.errs = append(rr.errs, msg) }

// year reads a year column (tahun lulus): four digits, or a date whose
// year is taken.
func (rr *rowReader) year(f Field) (int, bool) {
	c, ok := rr.cell(f)
	if !ok {
		return 0, false
	}
	s := clean(c)
	if c.Number {
		if d, ok := numberText(s); ok {
			s = d
		}
	}
	if allDigits(s) && len(s) == 4 {
		y, _ := strconv.Atoi(s)
		if y >= 1900 && y <= rr.p.in.Today.Year+1 {
			return y, true
		}
	} else if !allDigits(s) {
		if d, msg := parseDateCell(f.Label(), c); msg == "" {
			return d.Year, true
		}
	}
	rr.fail(f.Label() + ": «" + s + "» bukan tahun; tulis empat angka, misalnya 2008.")
	return 0, false
}

func (rr *rowReader) date(f Field) (domain.Date, bool) {
	c, ok := rr.cell(f)
	if !ok {
		return domain.Date{}, false
	}
	d, msg := parseDateCell(f.Label(), c)
	if msg != "" {
		rr.fail(msg)
		return domain.Date{}, false
	}
	return d, true
}

// nip reads the row's NIP and checks it with domain.ParseNIP.
func (rr *rowReader) nip() string {
	c, ok := rr.cell(FNIP)
	if !ok {
		rr.fail("NIP wajib diisi.")
		return ""
	}
	s, msg := parseIdent("NIP", c)
	if msg != "" {
		rr.fail(msg)
		return ""
	}
	d := domain.Digits(s)
	// domain.ParseNIP only warns about nomor urut 000 (a form may be
	// saved as typed); in a spreadsheet it is almost always an 18-digit
	// NIP that went through a number cell ("1.98501E+17" pasted back as
	// 198501000000000000), so it must not be imported, and the rounding is
	// the explanation, before whatever else the zeros break.
	if len(d) == 18 && strings.HasSuffix(d, "000") {
		rr.fail("NIP " + d + " berakhiran 000, padahal nomor urut NIP (3 angka terakhir) dimulai dari 001. " +
			"Biasanya Excel membulatkan NIP yang tersimpan sebagai angka: format kolom NIP sebagai Teks, " +
			"lalu ketik atau tempel ulang NIP-nya.")
		return d
	}
	if _, err := domain.ParseNIP(s); err != nil {
		rr.fail(domain.ErrorMessage(err))
	}
	return d
}

// unit resolves a unit kerja name: an existing unit's id, or the name of
// one to create (with the warning that says so).
func (rr *rowReader) unit() (id uint64, create string, ok bool) {
	s, ok := rr.text(FUnit)
	if !ok {
		return 0, "", false
	}
	s = strings.Join(strings.Fields(s), " ")
	if id, found := rr.p.units[fold(s)]; found {
		return id, "", true
	}
	if err := domain.ValidateUnitName(s); err != nil {
		rr.fail(domain.ErrorMessage(err))
		return 0, "", false
	}
	rr.row.Warnings = append(rr.row.Warnings, "Unit kerja «"+s+"» belum ada; akan dibuat.")
	return 0, s, true
}

func (p *planner) row(r int) Row {
	row := Row{Line: r + 1}
	rr := &rowReader{p: p, r: r, row: &row}
	switch p.in.Kind {
	case Pegawai:
		p.employeeRow(rr)
	default:
		p.riwayatRow(rr)
	}
	if len(rr.errs) > 0 {
		row.Action = Error
		row.Errors = rr.errs
		row.Changes = nil
		row.Riwayat = nil
		row.Unit = ""
		// Warnings about what would have been done no longer apply.
		row.Warnings = dropPlanned(row.Warnings)
	}
	return row
}

// duplicate records the first line of key and reports a later one.
func (p *planner) duplicate(rr *rowReader, key, what string) bool {
	if first, ok := p.firstLine[key]; ok {
		rr.fail(what + " sudah ada di baris " + strconv.Itoa(first) + " berkas ini.")
		return true
	}
	p.firstLine[key] = rr.row.Line
	return false
}

// employeeRow plans a Pegawai row: match by NIP, apply every mapped
// non-empty cell, validate with the domain's rules.
func (p *planner) employeeRow(rr *rowReader) {
	row := rr.row
	nip := rr.nip()
	row.NIP = nip
	row.Nama, _ = rr.text(FNama)
	if nip != "" && len(rr.errs) == 0 {
		p.duplicate(rr, nip, "NIP "+nip)
	}
	var old domain.Employee
	idx, exists := p.byNIP[nip]
	if nip != "" && exists {
		old = p.in.Employees[idx]
	}
	e := old
	if !exists {
		e = domain.Employee{Kind: domain.KindPNS, Status: domain.StatusAktif, NIP: nip}
		if info, err := domain.ParseNIP(nip); err == nil && info.PPPK {
			e.Kind = domain.KindPPPK
		}
	}
	if row.Nama == "" && exists {
		row.Nama = old.Nama
	}
	set := func(f Field, dst *string) {
		if s, ok := rr.text(f); ok {
			*dst = s
		}
	}
	// Names typed in another case (SIASN exports are in capitals) are the
	// same name: the local spelling stays.
	setName := func(f Field, dst *string) {
		if s, ok := rr.text(f); ok && fold(s) != fold(*dst) {
			*dst = s
		}
	}
	setDate := func(f Field, dst *domain.Date) {
		if d, ok := rr.date(f); ok {
			*dst = d
		}
	}
	if s, ok := rr.text(FJenisPegawai); ok {
		if k, ok := parseKind(s); ok {
			e.Kind = k
		} else {
			rr.fail("Jenis pegawai «" + s + "» tidak dikenal; tulis PNS, CPNS, PPPK atau PPPK Paruh Waktu.")
		}
	}
	setName(FNama, &e.Nama)
	set(FGelarDepan, &e.GelarDepan)
	set(FGelarBelakang, &e.GelarBelakang)
	setName(FTempatLahir, &e.TempatLahir)
	setDate(FTanggalLahir, &e.TanggalLahir)
	if s, ok := rr.text(FTempatTanggal); ok {
		place, date := splitTempatTanggal(s)
		if place != "" && fold(place) != fold(e.TempatLahir) {
			e.TempatLahir = place
		}
		if d, msg := parseDateCell(FTempatTanggal.Label(), Cell{Text: date}); msg != "" {
			rr.fail(msg)
		} else {
			e.TanggalLahir = d
		}
	}
	if s, ok := rr.text(FJenisKelamin); ok {
		if g, ok := parseGender(s); ok {
			e.JenisKelamin = g
		} else {
			rr.fail("Jenis kelamin «" + s + "» tidak dikenal; tulis L atau P.")
		}
	}
	if s, ok := rr.text(FAgama); ok {
		v, known := canonical(s, domain.Agamas(), agamaAlias)
		if !known {
			row.Warnings = append(row.Warnings, "Agama «"+s+"» tidak ada dalam daftar; disimpan seperti tertulis.")
		}
		e.Agama = v
	}
	if s, ok := rr.text(FStatusPerkawinan); ok {
		v, known := canonical(s, domain.MaritalStatuses(), kawinAlias)
		if !known {
			row.Warnings = append(row.Warnings, "Status perkawinan «"+s+"» tidak ada dalam daftar; disimpan seperti tertulis.")
		}
		e.StatusPerkawinan = v
	}
	if c, ok := rr.cell(FNIK); ok {
		s, msg := parseIdent("NIK", c)
		if msg != "" {
			rr.fail(msg)
		} else {
			e.NIK = domain.Digits(s)
		}
	}
	setName(FAlamat, &e.Alamat)
	if c, ok := rr.cell(FNomorHP); ok {
		s := clean(c)
		if c.Number {
			if d, ok := numberText(s); ok {
				s = d
			}
			// Excel drops the leading 0 of a number typed as a number.
			if strings.HasPrefix(s, "8") {
				s = "0" + s
				row.Warnings = append(row.Warnings, "NO HP tersimpan sebagai angka; angka 0 di depannya ditambahkan kembali ("+s+").")
			}
		}
		e.NomorHP = s
	}
	set(FEmail, &e.Email)
	if s, ok := rr.text(FStatus); ok {
		if st, ok := parseStatus(s); ok {
			e.Status = st
		} else {
			rr.fail("Status pegawai «" + s + "» tidak dikenal; tulis misalnya Aktif, CLTN, Pensiun atau Pindah.")
		}
	}
	setDate(FTMTCPNS, &e.TMTCPNS)
	setDate(FTMTPNS, &e.TMTPNS)
	setDate(FTMTKontrak, &e.TMTKontrak)
	setDate(FAkhirKontrak, &e.AkhirKontrak)
	if c, ok := rr.cell(FGolongan); ok {
		if g, ok := p.golonganOf(e.Kind, c); ok {
			e.Golongan = g
		} else {
			rr.fail(golonganUnknown(e.Kind, clean(c)))
		}
	}
	tmtGol, hasTMTGol := rr.date(FTMTGolongan)
	if s, ok := rr.text(FJenisJabatan); ok {
		if j, ok := parseJenisJabatan(s); ok {
			e.JenisJabatan = j
			if j != domain.Fungsional {
				e.Jenjang = 0
			}
		} else {
			rr.fail(jenisJabatanUnknown(s))
		}
	}
	if s, ok := rr.text(FJenjang); ok {
		if j, ok := parseJenjang(s); ok {
			e.Jenjang = j
			if e.JenisJabatan == 0 {
				e.JenisJabatan = domain.Fungsional // only jabatan fungsional have a jenjang
			}
		} else {
			rr.fail("Jenjang «" + s + "» tidak dikenal; tulis misalnya Ahli Pertama, Ahli Muda, Terampil atau Mahir.")
		}
	}
	setName(FJabatan, &e.NamaJabatan)
	tmtJab, hasTMTJab := rr.date(FTMTJabatan)
	if id, create, ok := rr.unit(); ok {
		e.UnitID = id
		row.Unit = create
	}
	if s, ok := rr.text(FPendidikan); ok {
		if v, ok := parsePendidikan(s); ok {
			e.Pendidikan = v
		} else {
			rr.fail("Pendidikan «" + s + "» tidak dikenal; tulis salah satu dari " + strings.Join(domain.EducationLevels(), ", ") + ".")
		}
	}
	tahunLulus, hasTahun := rr.year(FTahunLulus)
	if len(rr.errs) > 0 {
		return
	}
	for _, msg := range fieldMessages(domain.ValidateEmployee(e)) {
		rr.fail(msg)
	}
	if len(rr.errs) > 0 {
		return
	}
	row.Nama = e.Nama
	// The store refuses two active employees with one NIK: say so here,
	// on the row, rather than failing the whole import.
	if e.NIK != "" && e.Status.Active() {
		if i, ok := p.byNIK[e.NIK]; ok && p.in.Employees[i].NIP != e.NIP {
			rr.fail("NIK " + e.NIK + " sudah dipakai oleh " + p.in.Employees[i].FullName() + " (pegawai aktif).")
			return
		}
		if p.duplicate(rr, "nik "+e.NIK, "NIK "+e.NIK) {
			return
		}
	}
	// The profile's golongan, jabatan and pendidikan are the latest riwayat
	// entries: what changes there is written as an entry dated by the
	// file's TMT (tahun lulus for pendidikan). Without one no date is
	// invented: a value the employee did not have yet goes on the profile
	// alone (store.Check allows a profile without entries of that kind),
	// and a value that would replace another is left as it is. Both are
	// said on the row; kept notes stand even when nothing else changes.
	var kept []string
	if e.Golongan != old.Golongan && e.Golongan != "" {
		switch {
		case hasTMTGol:
			d := &domain.RwPangkatData{Golongan: e.Golongan, TMT: tmtGol}
			p.carryMKG(old, d)
			row.Riwayat = append(row.Riwayat, domain.Riwayat{EmployeeID: old.ID, Kind: domain.RwPangkat, Pangkat: d})
		case old.Golongan == "":
			row.Warnings = append(row.Warnings, "Golongan "+e.Golongan+" dicatat di profil tanpa riwayat pangkat karena "+
				p.missing(FTMTGolongan)+"; impor riwayat pangkat untuk melengkapinya.")
		default:
			kept = append(kept, "Golongan tetap "+old.Golongan+" (di berkas "+e.Golongan+") karena "+p.missing(FTMTGolongan)+
				"; impor riwayat pangkat dengan TMT-nya untuk mengubahnya.")
			e.Golongan = old.Golongan
		}
	}
	if (e.JenisJabatan != old.JenisJabatan || e.Jenjang != old.Jenjang || e.NamaJabatan != old.NamaJabatan ||
		e.UnitID != old.UnitID || row.Unit != "") && (e.JenisJabatan != 0 || e.NamaJabatan != "") {
		switch {
		case !hasTMTJab && (old.JenisJabatan != 0 || old.NamaJabatan != ""):
			// The unit belongs to the jabatan entry: it stays too.
			was := "«" + e.NamaJabatan + "»"
			if u := firstNonEmpty(row.Unit, unitName(e.UnitID, p.in.Units)); u != "" {
				was += ", " + u
			}
			kept = append(kept, "Jabatan dan unit kerja tidak diubah (di berkas "+was+") karena "+p.missing(FTMTJabatan)+
				"; impor riwayat jabatan dengan TMT-nya untuk mengubahnya.")
			e.JenisJabatan, e.Jenjang, e.NamaJabatan, e.UnitID = old.JenisJabatan, old.Jenjang, old.NamaJabatan, old.UnitID
			if row.Unit != "" {
				row.Unit = ""
				row.Warnings = dropPlanned(row.Warnings)
			}
		case !hasTMTJab:
			row.Warnings = append(row.Warnings, "Jabatan dicatat di profil tanpa riwayat jabatan karena "+p.missing(FTMTJabatan)+
				"; impor riwayat jabatan untuk melengkapinya.")
		case e.JenisJabatan == 0:
			// Many exports have no JENIS JABATAN column: the jabatan stays
			// on the profile, without a riwayat entry, until someone picks
			// the jenis.
			row.Warnings = append(row.Warnings, "Jenis jabatan belum diisi; jabatan disimpan pada profil tanpa riwayat jabatan.")
		default:
			row.Riwayat = append(row.Riwayat, domain.Riwayat{EmployeeID: old.ID, Kind: domain.RwJabatan,
				Jabatan: &domain.RwJabatanData{Jenis: e.JenisJabatan, Jenjang: e.Jenjang, Nama: e.NamaJabatan, UnitID: e.UnitID, TMT: tmtJab}})
		}
	}
	if e.Pendidikan != old.Pendidikan && e.Pendidikan != "" {
		switch {
		case hasTahun:
			row.Riwayat = append(row.Riwayat, domain.Riwayat{EmployeeID: old.ID, Kind: domain.RwPendidikan,
				Pendidikan: &domain.RwPendidikanData{Tingkat: e.Pendidikan, TahunLulus: tahunLulus}})
		case old.Pendidikan == "":
			row.Warnings = append(row.Warnings, "Pendidikan "+e.Pendidikan+" dicatat di profil tanpa riwayat pendidikan karena "+
				p.missing(FTahunLulus)+"; lengkapi lewat riwayat pendidikan pegawai.")
		default:
			kept = append(kept, "Pendidikan tetap "+old.Pendidikan+" (di berkas "+e.Pendidikan+") karena "+p.missing(FTahunLulus)+
				"; tambahkan lewat riwayat pendidikan pegawai.")
			e.Pendidikan = old.Pendidikan
		}
	}
	for _, r := range row.Riwayat {
		for _, msg := range fieldMessages(domain.ValidateRiwayatWith(r, e, p.set)) {
			rr.fail(r.Kind.Label() + ": " + msg)
		}
	}
	if exists && len(rr.errs) == 0 {
		// An entry dated before the latest one would not change the
		// profile: say so instead of importing a value that will not show.
		all := append(append([]domain.Riwayat(nil), p.in.Riwayat[old.ID]...), row.Riwayat...)
		got := domain.ApplyRiwayat(e, all)
		if got.Golongan != e.Golongan {
			rr.fail("Golongan " + e.Golongan + " lebih lama dari riwayat pangkat terakhir (" + got.Golongan + "); ubah lewat riwayat pangkat.")
		}
		if got.NamaJabatan != e.NamaJabatan || got.JenisJabatan != e.JenisJabatan {
			rr.fail("Jabatan «" + e.NamaJabatan + "» lebih lama dari riwayat jabatan terakhir («" + got.NamaJabatan + "»); ubah lewat riwayat jabatan.")
		}
		if got.Pendidikan != e.Pendidikan {
			rr.fail("Pendidikan " + e.Pendidikan + " lebih rendah dari riwayat pendidikan (" + got.Pendidikan + "); ubah lewat riwayat pendidikan.")
		}
	}
	if len(rr.errs) > 0 {
		return
	}
	row.Employee = e
	today := p.in.Today
	if !exists {
		row.Action = New
		row.Warnings = append(row.Warnings, p.warnings(domain.EmployeeWarnings(e, today))...)
		return
	}
	row.Changes = diff(old, e, p.in.Units)
	if row.Unit != "" {
		// The unit does not exist yet: name it instead of an empty value.
		for i := range row.Changes {
			if row.Changes[i].Field == FUnit {
				row.Changes = append(row.Changes[:i], row.Changes[i+1:]...)
				break
			}
		}
		row.Changes = append(row.Changes, Change{Field: FUnit, Old: unitName(old.UnitID, p.in.Units), New: row.Unit})
	}
	if len(row.Changes) == 0 {
		row.Action = Unchanged
		row.Warnings = kept
		row.Riwayat = nil
		return
	}
	row.Action = Update
	row.Warnings = append(kept, row.Warnings...)
	// Only warnings the import brings: those the record already had are
	// not news.
	had := map[string]bool{}
	for _, w := range domain.EmployeeWarnings(old, today) {
		had[w.Message] = true
	}
	var fresh []domain.Warning
	for _, w := range domain.EmployeeWarnings(e, today) {
		if !had[w.Message] {
			fresh = append(fresh, w)
		}
	}
	row.Warnings = append(row.Warnings, p.warnings(fresh)...)
}

// missing says why a row has no date for a riwayat entry: the file has no
// such column, or the row's cell is empty.
func (p *planner) missing(f Field) string {
	if _, ok := p.col[f]; !ok {
		return "berkas tidak memuat kolom " + f.Label()
	}
	return f.Label() + " kosong"
}

// warnFields names the columns a domain warning is about. An import keeps
// a warning only when the file has one of them: it reports what the file
// says, not what it leaves out (no "TMT PNS belum diisi" from a file
// without a TMT PNS column). Warnings on other fields are always kept.
var warnFields = map[string][]Field{
	domain.FieldTMTPNS:       {FTMTPNS},
	domain.FieldTMTCPNS:      {FTMTCPNS},
	domain.FieldJenjang:      {FJenjang},
	domain.FieldAkhirKontrak: {FAkhirKontrak},
	domain.FieldTanggalLahir: {FTanggalLahir, FTempatTanggal},
	domain.FieldStatus:       {FStatus, FTanggalLahir, FTempatTanggal},
	domain.FieldNIK:          {FNIK},
}

// warnings keeps the messages of the domain warnings the file is about.
func (p *planner) warnings(ws []domain.Warning) []string {
	var out []string
	for _, w := range ws {
		fs, ok := warnFields[w.Field]
		keep := !ok
		for _, f := range fs {
			if _, mapped := p.col[f]; mapped {
				keep = true
			}
		}
		if keep {
			out = append(out, w.Message)
		}
	}
	return out
}

// dropPlanned removes the warnings about a unit the row would have
// created.
func dropPlanned(ws []string) []string {
	var keep []string
	for _, w := range ws {
		if !strings.HasSuffix(w, "akan dibuat.") {
			keep = append(keep, w)
		}
	}
	return keep
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func golonganUnknown(k domain.Kind, s string) string {
	if k.IsPPPK() {
		return "Golongan «" + s + "» tidak dikenal; golongan PPPK ditulis I sampai XVII."
	}
	return "Golongan «" + s + "» tidak dikenal; tulis misalnya III/b atau Penata Muda Tingkat I (III/b)."
}

func jenisJabatanUnknown(s string) string {
	return "Jenis jabatan «" + s + "» tidak dikenal; tulis misalnya Fungsional, Pelaksana, Pengawas atau Administrator."
}

// fieldMessages orders a FieldErrors' messages by field key, for a stable
// report.
func fieldMessages(fe domain.FieldErrors) []string {
	keys := make([]string, 0, len(fe))
	for k := range fe {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = fe[k]
	}
	return out
}

func unitName(id uint64, units []domain.Unit) string {
	for _, u := range units {
		if u.ID == id {
			return u.Name
		}
	}
	return ""
}

// Value is how an employee's field reads in the report and the preview.
func Value(e domain.Employee, f Field, units []domain.Unit) string {
	switch f {
	case FNIP:
		return e.NIP
	case FNama:
		return e.Nama
	case FGelarDepan:
		return e.GelarDepan
	case FGelarBelakang:
		return e.GelarBelakang
	case FTempatLahir:
		return e.TempatLahir
	case FTanggalLahir:
		return e.TanggalLahir.String()
	case FJenisKelamin:
		return e.JenisKelamin.String()
	case FAgama:
		return e.Agama
	case FStatusPerkawinan:
		return e.StatusPerkawinan
	case FNIK:
		return e.NIK
	case FAlamat:
		return e.Alamat
	case FNomorHP:
		return e.NomorHP
	case FEmail:
		return e.Email
	case FJenisPegawai:
		return e.Kind.String()
	case FStatus:
		return e.Status.String()
	case FTMTCPNS:
		return e.TMTCPNS.String()
	case FTMTPNS:
		return e.TMTPNS.String()
	case FTMTKontrak:
		return e.TMTKontrak.String()
	case FAkhirKontrak:
		return e.AkhirKontrak.String()
	case FGolongan:
		return e.Golongan
	case FJenisJabatan:
		return e.JenisJabatan.String()
	case FJenjang:
		return e.Jenjang.String()
	case FJabatan:
		return e.NamaJabatan
	case FUnit:
		return unitName(e.UnitID, units)
	case FPendidikan:
		return e.Pendidikan
	}
	return ""
}

// diffFields are the profile fields an employee row can change, in
// report order.
var diffFields = []Field{FJenisPegawai, FNama, FGelarDepan, FGelarBelakang, FTempatLahir, FTanggalLahir,
	FJenisKelamin, FAgama, FStatusPerkawinan, FNIK, FAlamat, FNomorHP, FEmail, FStatus, FTMTCPNS, FTMTPNS,
	FTMTKontrak, FAkhirKontrak, FGolongan, FJenisJabatan, FJenjang, FJabatan, FUnit, FPendidikan}

func diff(old, e domain.Employee, units []domain.Unit) []Change {
	var out []Change
	for _, f := range diffFields {
		if f == FUnit && old.UnitID == e.UnitID {
			continue
		}
		a, b := Value(old, f, units), Value(e, f, units)
		if a != b {
			out = append(out, Change{Field: f, Old: a, New: b})
		}
	}
	return out
}

// riwayatRow plans a riwayat pangkat or jabatan row: one entry for the
// employee with that NIP.
func (p *planner) riwayatRow(rr *rowReader) {
	row := rr.row
	nip := rr.nip()
	row.NIP = nip
	row.Nama, _ = rr.text(FNama)
	idx, exists := p.byNIP[nip]
	if nip != "" && len(rr.errs) == 0 && !exists {
		rr.fail("NIP " + nip + " tidak ada di data pegawai; impor pegawainya dulu.")
	}
	var e domain.Employee
	if exists {
		e = p.in.Employees[idx]
		row.Nama = e.Nama
		row.Employee = e
	}
	tmtField := FTMTGolongan
	if p.in.Kind == RiwayatJabatan {
		tmtField = FTMTJabatan
	}
	tmt, _ := rr.date(tmtField)
	tglSK, _ := rr.date(FTanggalSK)
	noSK, _ := rr.text(FNomorSK)
	var r domain.Riwayat
	var key string
	if p.in.Kind == RiwayatPangkat {
		d := &domain.RwPangkatData{TMT: tmt, NomorSK: noSK, TanggalSK: tglSK}
		if c, ok := rr.cell(FGolongan); ok {
			if g, ok := p.golonganOf(e.Kind, c); ok {
				d.Golongan = g
			} else {
				rr.fail(golonganUnknown(e.Kind, clean(c)))
			}
		}
		d.JenisKP, _ = rr.text(FJenisKP)
		if exists {
			p.carryMKG(e, d)
		}
		r = domain.Riwayat{EmployeeID: e.ID, Kind: domain.RwPangkat, Pangkat: d}
		key = "pangkat " + nip + " " + d.Golongan + " " + tmt.ISO()
	} else {
		d := &domain.RwJabatanData{TMT: tmt, NomorSK: noSK, TanggalSK: tglSK}
		d.Nama, _ = rr.text(FJabatan)
		if s, ok := rr.text(FJenisJabatan); ok {
			if j, ok := parseJenisJabatan(s); ok {
				d.Jenis = j
			} else {
				rr.fail(jenisJabatanUnknown(s))
			}
		}
		if s, ok := rr.text(FJenjang); ok {
			if j, ok := parseJenjang(s); ok {
				d.Jenjang = j
			} else {
				rr.fail("Jenjang «" + s + "» tidak dikenal; tulis misalnya Ahli Pertama, Ahli Muda, Terampil atau Mahir.")
			}
		}
		d.Eselon, _ = rr.text(FEselon)
		if id, create, ok := rr.unit(); ok {
			d.UnitID = id
			row.Unit = create
		}
		r = domain.Riwayat{EmployeeID: e.ID, Kind: domain.RwJabatan, Jabatan: d}
		key = "jabatan " + nip + " " + fold(d.Nama) + " " + tmt.ISO()
	}
	if len(rr.errs) > 0 {
		return
	}
	if p.duplicate(rr, key, "Entri yang sama (NIP "+nip+", TMT "+tmt.String()+")") {
		return
	}
	for _, msg := range fieldMessages(domain.ValidateRiwayatWith(r, e, p.set)) {
		rr.fail(msg)
	}
	if len(rr.errs) > 0 {
		return
	}
	for _, x := range p.in.Riwayat[e.ID] {
		if sameEntry(x, r) && row.Unit == "" {
			row.Action = Unchanged
			row.Warnings = nil
			return
		}
	}
	row.Action = New
	row.Riwayat = []domain.Riwayat{r}
	for _, w := range domain.RiwayatWarnings(r, e, p.in.Today) {
		row.Warnings = append(row.Warnings, w.Message)
	}
}

// sameEntry reports an entry already stored: same golongan (or jabatan and
// unit) on the same TMT.
func sameEntry(a, b domain.Riwayat) bool {
	switch {
	case a.Pangkat != nil && b.Pangkat != nil:
		return a.Pangkat.Golongan == b.Pangkat.Golongan && a.Pangkat.TMT == b.Pangkat.TMT
	case a.Jabatan != nil && b.Jabatan != nil:
		return fold(a.Jabatan.Nama) == fold(b.Jabatan.Nama) && a.Jabatan.TMT == b.Jabatan.TMT &&
			a.Jabatan.UnitID == b.Jabatan.UnitID
	}
	return false
}

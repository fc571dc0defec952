package tui

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// employeeForm is Tambah/Ubah pegawai: every field validated while typing,
// hard errors block Simpan, warnings never do.
type employeeForm struct {
	base
	orig   *domain.Employee // nil: a new employee
	form   *form
	atasan []uint64 // ids behind the atasan chooser's options
	saving bool
}

func newEmployeeForm(c *Common, e *domain.Employee) *employeeForm {
	s := &employeeForm{base: newBase(c), orig: e}
	var d domain.Employee
	if e != nil {
		d = *e
	} else {
		d = domain.Employee{Kind: domain.KindPNS, Status: domain.StatusAktif}
	}
	s.form = newForm(&c.Styles, s.fields(d))
	s.form.snapshot()
	s.validate()
	return s
}

func labels[T interface{ String() string }](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = x.String()
	}
	return out
}

func indexOf[T comparable](xs []T, v T) int {
	for i, x := range xs {
		if x == v {
			return i
		}
	}
	return -1
}

func golonganOptions(k domain.Kind) []string {
	var out []string
	for _, g := range domain.GolonganFor(k) {
		out = append(out, domain.GolonganLabel(k, g.Code))
	}
	return out
}

func (s *employeeForm) fields(d domain.Employee) []*field {
	c := s.c
	txt := func(key, label, v string, limit int) *field { return textField(key, label, v, limit) }
	date := func(key, label string, v domain.Date) *field {
		f := textField(key, label, v.String(), 10)
		f.hint = "HH-BB-TTTT, misalnya 26-09-1986"
		return f
	}
	nama := txt(domain.FieldNama, "Nama *", d.Nama, domain.MaxNameLen)
	nama.section = "Identitas"
	nama.hint = "Nama tanpa gelar; gelar diisi di bawah."
	gelarD := txt(domain.FieldGelarDepan, "Gelar depan", d.GelarDepan, 50)
	gelarD.hint = "Contoh: Dr., Ir., drg."
	gelarB := txt(domain.FieldGelarBelakang, "Gelar belakang", d.GelarBelakang, 80)
	gelarB.hint = "Contoh: S.Kom., M.Si."
	nik := txt(domain.FieldNIK, "NIK", d.NIK, 24)
	nik.hint = "16 angka sesuai KTP"
	kind := choiceField(domain.FieldKind, "Jenis pegawai *", labels(domain.Kinds()), indexOf(domain.Kinds(), d.Kind))
	kind.section = "Kepegawaian"
	nipLabel := "NIP *"
	if d.Kind.IsPPPK() {
		nipLabel = "NI PPPK *"
	}
	nip := txt(domain.FieldNIP, nipLabel, domain.FormatNIP(d.NIP), 24)
	nip.hint = "18 angka; boleh dengan spasi"
	isPPPK := func() bool { return s.kind().IsPPPK() }
	notPPPK := func() bool { return !isPPPK() }
	tmtCPNS := date(domain.FieldTMTCPNS, "TMT CPNS", d.TMTCPNS)
	tmtCPNS.hidden = isPPPK
	tmtPNS := date(domain.FieldTMTPNS, "TMT PNS", d.TMTPNS)
	tmtPNS.hidden = func() bool { return s.kind() != domain.KindPNS }
	tmtK := date(domain.FieldTMTKontrak, "TMT perjanjian kerja", d.TMTKontrak)
	tmtK.hidden = notPPPK
	akhirK := date(domain.FieldAkhirKontrak, "Akhir perjanjian kerja", d.AkhirKontrak)
	akhirK.hidden = notPPPK
	gol := choiceField(domain.FieldGolongan, "Golongan", golonganOptions(d.Kind), -1)
	for i, g := range domain.GolonganFor(d.Kind) {
		if g.Code == d.Golongan {
			gol.choice = i
		}
	}
	gol.chooser = true
	jab := choiceField(domain.FieldJenisJabatan, "Jenis jabatan", labels(domain.JabatanKinds()), indexOf(domain.JabatanKinds(), d.JenisJabatan))
	jenjang := choiceField(domain.FieldJenjang, "Jenjang", labels(domain.Jenjangs()), indexOf(domain.Jenjangs(), d.Jenjang))
	jenjang.hidden = func() bool { return s.jabatan() != domain.Fungsional }
	jenjang.chooser = true
	units := sortedUnits(c.Units)
	unitNames := make([]string, len(units))
	unitChoice := -1
	for i, u := range units {
		unitNames[i] = u.Name
		if u.ID == d.UnitID {
			unitChoice = i
		}
	}
	unit := choiceField(domain.FieldUnit, "Unit kerja", unitNames, unitChoice)
	unit.chooser = true
	if len(units) == 0 {
		unit.hint = "Belum ada unit kerja: tambahkan di menu Unit Kerja (F4)."
	}
	var atasanNames []string
	atasanChoice := -1
	for _, r := range c.Rows {
		if r.ID == d.ID || !r.Status.Active() {
			continue
		}
		if r.ID == d.AtasanID {
			atasanChoice = len(s.atasan)
		}
		s.atasan = append(s.atasan, r.ID)
		atasanNames = append(atasanNames, r.Nama+" — "+r.NamaJabatan+" — "+domain.FormatNIP(r.NIP))
	}
	atasan := choiceField(domain.FieldAtasan, "Atasan langsung", atasanNames, atasanChoice)
	atasan.chooser = true
	atasan.hint = "Enter membuka daftar dengan pencarian; Delete mengosongkan."
	bup := ""
	if d.BUPOverride > 0 {
		bup = itoa(d.BUPOverride)
	}
	bupF := txt(domain.FieldBUP, "BUP khusus (tahun)", bup, 2)
	bupF.hint = "Kosongkan agar dihitung dari jabatan (58/60/65)."
	return []*field{
		nama, gelarD, gelarB,
		txt(domain.FieldTempatLahir, "Tempat lahir", d.TempatLahir, domain.MaxNameLen),
		date(domain.FieldTanggalLahir, "Tanggal lahir", d.TanggalLahir),
		choiceField(domain.FieldJenisKelamin, "Jenis kelamin", []string{"Laki-laki", "Perempuan"}, int(d.JenisKelamin)-1),
		choiceField(domain.FieldAgama, "Agama", domain.Agamas(), indexOf(domain.Agamas(), d.Agama)),
		choiceField(domain.FieldPerkawinan, "Status perkawinan", domain.MaritalStatuses(), indexOf(domain.MaritalStatuses(), d.StatusPerkawinan)),
		nik,
		txt(domain.FieldAlamat, "Alamat", d.Alamat, domain.MaxTextLen),
		txt(domain.FieldNomorHP, "Nomor HP", d.NomorHP, 20),
		txt(domain.FieldEmail, "Email", d.Email, 100),
		kind, nip,
		choiceField(domain.FieldStatus, "Status kepegawaian", labels(domain.Statuses()), indexOf(domain.Statuses(), d.Status)),
		tmtCPNS, tmtPNS, tmtK, akhirK, gol, jab, jenjang,
		txt(domain.FieldNamaJabatan, "Nama jabatan", d.NamaJabatan, domain.MaxNameLen),
		unit, atasan,
		choiceField(domain.FieldPendidikan, "Pendidikan terakhir", domain.EducationLevels(), indexOf(domain.EducationLevels(), d.Pendidikan)),
		bupF,
	}
}

func (s *employeeForm) kind() domain.Kind {
	if f := s.form; f != nil {
		if i := f.get(domain.FieldKind).choice; i >= 0 {
			return domain.Kinds()[i]
		}
	}
	return 0
}

func (s *employeeForm) jabatan() domain.JabatanKind {
	if i := s.form.get(domain.FieldJenisJabatan).choice; i >= 0 {
		return domain.JabatanKinds()[i]
	}
	return 0
}

// draft reads the form into an employee; errs holds what could not even be
// read (a date that does not exist, a BUP that is not a number).
func (s *employeeForm) draft() (domain.Employee, domain.FieldErrors) {
	var e domain.Employee
	if s.orig != nil {
		e = *s.orig
	}
	errs := domain.FieldErrors{}
	f := s.form
	get := func(k string) string { return strings.TrimSpace(f.get(k).value()) }
	choice := func(k string) int { return f.get(k).choice }
	date := func(k string) domain.Date {
		d, err := domain.ParseDate(get(k))
		if err != nil {
			errs[k] = domain.ErrorMessage(err)
		}
		return d
	}
	e.Nama = get(domain.FieldNama)
	e.GelarDepan = get(domain.FieldGelarDepan)
	e.GelarBelakang = get(domain.FieldGelarBelakang)
	e.TempatLahir = get(domain.FieldTempatLahir)
	e.TanggalLahir = date(domain.FieldTanggalLahir)
	e.JenisKelamin = domain.Gender(choice(domain.FieldJenisKelamin) + 1)
	e.Agama = get(domain.FieldAgama)
	e.StatusPerkawinan = get(domain.FieldPerkawinan)
	e.NIK = domain.Digits(get(domain.FieldNIK))
	e.Alamat = f.get(domain.FieldAlamat).value()
	e.NomorHP = get(domain.FieldNomorHP)
	e.Email = get(domain.FieldEmail)
	e.Kind = s.kind()
	e.NIP = domain.Digits(get(domain.FieldNIP))
	if i := choice(domain.FieldStatus); i >= 0 {
		e.Status = domain.Statuses()[i]
	} else {
		e.Status = 0
	}
	e.TMTCPNS, e.TMTPNS, e.TMTKontrak, e.AkhirKontrak = domain.Date{}, domain.Date{}, domain.Date{}, domain.Date{}
	if e.Kind.IsPPPK() {
		e.TMTKontrak = date(domain.FieldTMTKontrak)
		e.AkhirKontrak = date(domain.FieldAkhirKontrak)
	} else {
		e.TMTCPNS = date(domain.FieldTMTCPNS)
		if e.Kind == domain.KindPNS {
			e.TMTPNS = date(domain.FieldTMTPNS)
		}
	}
	e.Golongan = ""
	if i := choice(domain.FieldGolongan); i >= 0 {
		if tbl := domain.GolonganFor(e.Kind); i < len(tbl) {
			e.Golongan = tbl[i].Code
		}
	}
	e.JenisJabatan = s.jabatan()
	e.Jenjang = 0
	if i := choice(domain.FieldJenjang); i >= 0 && e.JenisJabatan == domain.Fungsional {
		e.Jenjang = domain.Jenjangs()[i]
	}
	e.NamaJabatan = get(domain.FieldNamaJabatan)
	e.UnitID = 0
	if i := choice(domain.FieldUnit); i >= 0 {
		e.UnitID = sortedUnits(s.c.Units)[i].ID
	}
	e.AtasanID = 0
	if i := choice(domain.FieldAtasan); i >= 0 && i < len(s.atasan) {
		e.AtasanID = s.atasan[i]
	}
	e.Pendidikan = get(domain.FieldPendidikan)
	e.BUPOverride = 0
	if v := get(domain.FieldBUP); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			errs[domain.FieldBUP] = "Batas usia pensiun harus berupa angka tahun, misalnya 60."
		}
		e.BUPOverride = n
	}
	return e, errs
}

// validate refreshes the messages under the fields; true when savable.
func (s *employeeForm) validate() bool {
	e, errs := s.draft()
	for k, v := range domain.ValidateEmployee(e) {
		if _, ok := errs[k]; !ok {
			errs[k] = v
		}
	}
	if e.Kind.IsPPPK() {
		if msg, ok := errs[domain.FieldNIP]; ok && !strings.Contains(msg, "NI PPPK") {
			errs[domain.FieldNIP] = strings.ReplaceAll(msg, "NIP", "NI PPPK")
		}
	}
	s.form.errors = errs
	s.form.warnings = map[string]string{}
	for _, w := range domain.EmployeeWarnings(e, s.c.today()) {
		if _, ok := s.form.warnings[w.Field]; !ok {
			s.form.warnings[w.Field] = w.Message
		}
	}
	return len(errs) == 0
}

func (s *employeeForm) Title() string {
	if s.orig == nil {
		return "Tambah pegawai"
	}
	return "Ubah " + inert(s.orig.Nama)
}

func (s *employeeForm) Capturing() bool { return true }

func (s *employeeForm) Dirty() bool { return s.form.changed() }

func (s *employeeForm) SetSize(w, h int) { s.base.SetSize(w, h); s.form.setSize(w, h) }

func (s *employeeForm) Keys() []KeyHelp {
	return []KeyHelp{{"Tab/↑↓", "Pindah isian"}, {"←/→", "Ganti pilihan"}, {"Ctrl+S", "Simpan"}}
}

type employeeSavedMsg struct {
	id   uint64
	name string
	warn int
	err  error
}

func (s *employeeForm) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case employeeSavedMsg:
		s.saving, s.form.saving = false, false
		if msg.err != nil {
			// The form and everything typed stay; the message says what to fix.
			var de *domain.Error
			if errors.As(msg.err, &de) && de.Code == domain.ECONFLICT {
				key := domain.FieldNIP
				if strings.HasPrefix(de.Message, "NIK") {
					key = domain.FieldNIK
				}
				s.form.errors[key] = de.Message
				s.form.touched[key] = true
				s.form.focusKey(key)
			}
			var fe domain.FieldErrors
			if errors.As(msg.err, &fe) {
				for k, v := range fe {
					s.form.errors[k] = v
				}
			}
			return failure(msg.err)
		}
		s.form.snapshot() // saved: nothing left to lose
		text := "Data " + msg.name + " disimpan."
		if msg.warn > 0 {
			text += " Ada " + itoa(msg.warn) + " peringatan untuk diperiksa."
		}
		return tea.Batch(reload(text), pop(savedResult{msg.id}))
	case choiceMadeMsg:
		if fl := s.form.get(msg.key); fl != nil {
			fl.choice = msg.index
			s.form.touched[msg.key] = true
			s.validate()
		}
		return nil
	}
	switch s.form.update(msg) {
	case formChanged:
		if fl := s.form.focused(); fl != nil && fl.key == domain.FieldKind {
			s.kindChanged()
		}
		s.validate()
	case formChoose:
		fl := s.form.focused()
		key := fl.key
		return showDialog(chooseDialog(&s.c.Styles, "Pilih "+strings.TrimSuffix(fl.label, " *"), fl.options, fl.choice, func(i int) tea.Cmd {
			return func() tea.Msg { return taggedMsg{to: s.id, msg: choiceMadeMsg{key: key, index: i}} }
		}))
	case formSubmit:
		return s.submit()
	case formCancel:
		if s.Dirty() {
			return showDialog(confirmDialog(&s.c.Styles, "Batal", "Perubahan belum disimpan. Buang perubahan dan kembali?",
				"Ya, buang", "Tidak", pop(nil), nil))
		}
		return pop(nil)
	}
	return nil
}

type choiceMadeMsg struct {
	key   string
	index int
}

// kindChanged swaps the golongan table when PNS ⇄ PPPK changes.
func (s *employeeForm) kindChanged() {
	g := s.form.get(domain.FieldGolongan)
	k := s.kind()
	opts := golonganOptions(k)
	if len(opts) != len(g.options) || (len(opts) > 0 && opts[0] != g.options[0]) {
		g.options = opts
		g.choice = -1
	}
	nip := s.form.get(domain.FieldNIP)
	if k.IsPPPK() {
		nip.label = "NI PPPK *"
	} else {
		nip.label = "NIP *"
	}
}

func (s *employeeForm) submit() tea.Cmd {
	if s.saving {
		return nil
	}
	s.form.showAll = true
	if !s.validate() {
		for _, f := range s.form.visibleFields() {
			if _, bad := s.form.errors[f.key]; bad {
				s.form.focusKey(f.key)
				break
			}
		}
		return failure(domain.Errorf(domain.EINVALID, "Belum dapat disimpan: perbaiki isian yang bertanda ✗."))
	}
	e, _ := s.draft()
	warn := len(domain.EmployeeWarnings(e, s.c.today()))
	s.saving, s.form.saving = true, true
	repo := s.c.Repo
	isNew := s.orig == nil
	return s.cmd(func(ctx context.Context) tea.Msg {
		if isNew {
			id, err := repo.CreateEmployee(ctx, e)
			return employeeSavedMsg{id: id, name: e.Nama, warn: warn, err: err}
		}
		return employeeSavedMsg{id: e.ID, name: e.Nama, warn: warn, err: repo.UpdateEmployee(ctx, e)}
	})
}

func (s *employeeForm) View() string { return s.form.view() }

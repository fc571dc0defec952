package tui

import (
	"context"
	"strings"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// employeeDetail shows one profile in sections, computed values marked.
type employeeDetail struct {
	base
	empID    uint64
	emp      domain.Employee
	riwayat  []domain.Riwayat
	settings domain.CareerSettings
	kinerja  domain.KinerjaHistory // final annual predikat by year; nil without SKP storage
	loaded   bool
	err      error
	offset   int
	reqID    int
	lines    int
	working  bool
}

func newEmployeeDetail(c *Common, id uint64) *employeeDetail {
	return &employeeDetail{base: newBase(c), empID: id}
}

func (s *employeeDetail) Title() string {
	if s.loaded {
		return inert(s.emp.Nama)
	}
	return "Detail pegawai"
}

func (s *employeeDetail) Keys() []KeyHelp {
	if !s.c.can(domain.CanEditEmployee) {
		return append([]KeyHelp{{"↑↓", "Gulir"}, {"F7", "Riwayat"}}, docsKeys(s.c, true, false)...)
	}
	return append([]KeyHelp{{"↑↓", "Gulir"}, {"F5", "Ubah"}, {"F6", "Ubah status"}, {"F7", "Riwayat"}, {"F8", "Hapus"}}, docsKeys(s.c, true, false)...)
}

type employeeLoadedMsg struct {
	req      int
	emp      domain.Employee
	riwayat  []domain.Riwayat
	settings domain.CareerSettings
	kinerja  domain.KinerjaHistory
	err      error
}

func (s *employeeDetail) load() tea.Cmd {
	s.reqID++
	req, id := s.reqID, s.empID
	return s.cmd(func(ctx context.Context) tea.Msg {
		m := employeeLoadedMsg{req: req}
		m.emp, m.err = s.c.Repo.Employee(ctx, id)
		if m.err == nil {
			m.riwayat, m.err = s.c.Repo.AllRiwayat(ctx, id)
		}
		if m.err == nil {
			m.settings, m.err = s.c.Repo.Settings(ctx)
		}
		if m.err == nil && s.c.Kinerja != nil {
			// The annual predikat of the SKPs this account may see feed the
			// kenaikan pangkat rule; an SKP it may not see just stays out.
			var rows []domain.SKPRow
			if rows, m.err = s.c.Kinerja.SKPRows(ctx, 0); m.err == nil {
				mine := rows[:0:0]
				for _, r := range rows {
					if r.EmployeeID == id {
						mine = append(mine, r)
					}
				}
				m.kinerja = domain.KinerjaHistories(mine)[id]
			}
		}
		return m
	})
}

func (s *employeeDetail) Init() tea.Cmd { return s.load() }

type statusChangedMsg struct {
	status domain.Status
	err    error
}

type deletedMsg struct{ err error }

func (s *employeeDetail) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case employeeLoadedMsg:
		if msg.req != s.reqID {
			return nil // an older load: a newer one is on its way
		}
		s.emp, s.err, s.loaded = msg.emp, msg.err, msg.err == nil
		s.riwayat, s.settings, s.kinerja = msg.riwayat, msg.settings, msg.kinerja
		if msg.err != nil {
			return failure(msg.err)
		}
	case dataChangedMsg, resultMsg:
		return s.load()
	case statusChangedMsg:
		s.working = false
		if msg.err != nil {
			return failure(msg.err)
		}
		return tea.Batch(s.load(), reload("Status diubah menjadi "+msg.status.String()+"."))
	case deletedMsg:
		s.working = false
		if msg.err != nil {
			return failure(msg.err)
		}
		return tea.Batch(reload("Data pegawai dihapus."), pop(nil))
	case tea.KeyMsg:
		switch msg.String() {
		case "up":
			s.offset = max(0, s.offset-1)
		case "down":
			s.offset = min(max(0, s.lines-s.h), s.offset+1)
		case "pgup":
			s.offset = max(0, s.offset-s.h)
		case "pgdown":
			s.offset = min(max(0, s.lines-s.h), s.offset+s.h)
		case "f5", "enter":
			if s.loaded && s.c.can(domain.CanEditEmployee) {
				e := s.emp
				return push(newEmployeeForm(s.c, &e))
			}
		case "f6":
			return s.chooseStatus()
		case "f7":
			if s.loaded {
				return push(newRiwayatScreen(s.c, s.emp))
			}
		case "f8", "delete":
			return s.confirmDelete()
		case "ctrl+p":
			return s.printEmployee()
		}
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				s.offset = max(0, s.offset-3)
			case tea.MouseButtonWheelDown:
				s.offset = min(max(0, s.lines-s.h), s.offset+3)
			}
		}
	}
	return nil
}

func (s *employeeDetail) chooseStatus() tea.Cmd {
	if !s.loaded || s.working || !s.c.can(domain.CanEditEmployee) {
		return nil
	}
	var labels []string
	cur := 0
	for i, st := range domain.Statuses() {
		labels = append(labels, st.String())
		if st == s.emp.Status {
			cur = i
		}
	}
	return showDialog(chooseDialog(&s.c.Styles, "Status kepegawaian "+inert(s.emp.Nama), labels, cur, func(i int) tea.Cmd {
		status := domain.Statuses()[i]
		if status == s.emp.Status {
			return nil
		}
		e := s.emp
		e.Status = status
		s.working = true
		return s.cmd(func(ctx context.Context) tea.Msg {
			return statusChangedMsg{status: status, err: s.c.Repo.UpdateEmployee(ctx, e)}
		})
	}))
}

func (s *employeeDetail) confirmDelete() tea.Cmd {
	if !s.loaded || s.working || !s.c.can(domain.CanEditEmployee) {
		return nil
	}
	id := s.emp.ID
	do := s.cmd(func(ctx context.Context) tea.Msg { return deletedMsg{s.c.Repo.DeleteEmployee(ctx, id)} })
	return showDialog(confirmDialog(&s.c.Styles, "Hapus data pegawai",
		"Hapus "+inert(s.emp.FullName())+" untuk selamanya? Ini hanya untuk data yang salah dibuat. "+
			"Untuk pegawai yang pensiun, pindah atau meninggal, ubah statusnya dengan F6.",
		"Ya, hapus", "Tidak", do, nil))
}

func (s *employeeDetail) View() string {
	st := &s.c.Styles
	if s.err != nil {
		return st.StatusError.Render(domain.ErrorMessage(s.err))
	}
	if !s.loaded {
		return st.Muted.Render("Memuat…")
	}
	e := s.emp
	today := s.c.today()
	comp := domain.Compute(e, s.c.BUP, today)
	labelW := 26
	var lines []string
	row := func(label, value string) {
		if value == "" {
			value = st.Muted.Render("–")
		} else {
			value = inert(value)
		}
		lines = append(lines, "  "+st.Label.Render(fit(label, labelW))+" "+value)
	}
	computed := func(label, value string) {
		lines = append(lines, "  "+st.Label.Render(fit(label, labelW))+" "+st.Computed.Render(inert(value))+st.Muted.Render("  (dihitung)"))
	}
	section := func(t string) {
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, st.Section.Render(t))
	}
	section("Identitas")
	row("Nama lengkap", e.FullName())
	row("Gelar depan", e.GelarDepan)
	row("Gelar belakang", e.GelarBelakang)
	row("Tempat, tanggal lahir", joinNonEmpty(", ", e.TempatLahir, e.TanggalLahir.Long()))
	row("Jenis kelamin", e.JenisKelamin.String())
	row("Agama", e.Agama)
	row("Status perkawinan", e.StatusPerkawinan)
	row("NIK", domain.Digits(e.NIK))
	row("Alamat", e.Alamat)
	row("Nomor HP", e.NomorHP)
	row("Email", e.Email)

	section("Kepegawaian")
	row("Jenis pegawai", e.Kind.String())
	if e.Kind.IsPPPK() {
		row("NI PPPK", domain.FormatNIP(e.NIP))
	} else {
		row("NIP", domain.FormatNIP(e.NIP))
	}
	row("Status kepegawaian", e.Status.String())
	if e.Kind.IsPPPK() {
		row("TMT perjanjian kerja", e.TMTKontrak.String())
		row("Akhir perjanjian kerja", e.AkhirKontrak.String())
		row("Golongan", domain.GolonganLabel(e.Kind, e.Golongan))
	} else {
		row("TMT CPNS", e.TMTCPNS.String())
		row("TMT PNS", e.TMTPNS.String())
		row("Pangkat/golongan ruang", domain.GolonganLabel(e.Kind, e.Golongan))
	}
	row("Jenis jabatan", e.JenisJabatan.String())
	if e.JenisJabatan == domain.Fungsional {
		row("Jenjang", e.Jenjang.String())
	}
	row("Nama jabatan", e.NamaJabatan)
	row("Unit kerja", s.c.UnitName(e.UnitID))
	atasan := ""
	if r, ok := s.c.Row(e.AtasanID); ok {
		atasan = r.Nama + " — " + r.NamaJabatan
	}
	row("Atasan langsung", atasan)
	row("Pendidikan terakhir", e.Pendidikan)

	section("Dihitung otomatis")
	if !e.TanggalLahir.IsZero() {
		computed("Usia", comp.Usia.String())
	}
	if !domain.MasaKerjaStart(e).IsZero() {
		computed("Masa kerja", comp.MasaKerja.String())
	}
	bup := itoa(comp.BUP) + " tahun"
	if comp.BUPFromGrid {
		bup += " (menurut jabatan)"
	} else {
		bup += " (diisi khusus untuk pegawai ini)"
	}
	computed("Batas usia pensiun", bup)
	if !comp.TMTPensiun.IsZero() {
		computed("TMT pensiun", comp.TMTPensiun.Long())
	}
	s.career(&lines, computed, today)
	if ws := domain.EmployeeWarnings(e, today); len(ws) > 0 {
		section("Perlu diperiksa")
		for _, w := range ws {
			lines = append(lines, "  "+st.FieldWarning.Render("⚠ "+inert(w.Message)))
		}
	}
	s.lines = len(lines)
	s.offset = max(0, min(s.offset, s.lines-s.h))
	end := min(len(lines), s.offset+s.h)
	return strings.Join(lines[s.offset:end], "\n")
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// career adds what falls due for this employee, computed from the riwayat.
func (s *employeeDetail) career(lines *[]string, computed func(label, value string), today domain.Date) {
	e, rs, set := s.emp, s.riwayat, s.settings
	if !e.Status.Active() {
		return
	}
	st := &s.c.Styles
	note := func(n []string) {
		for _, x := range n {
			*lines = append(*lines, "  "+strings.Repeat(" ", 27)+st.Muted.Render("· "+inert(x)))
		}
	}
	if !e.Kind.IsPPPK() {
		computed("Masa kerja golongan", domain.MasaKerjaGolongan(e, rs, today).String())
		if d, n := domain.NextKGB(e, rs, today, set); !d.IsZero() {
			computed("KGB berikutnya", d.Long())
			note(n)
		}
		if d, n := domain.NextKPWith(e, rs, today, set, s.kinerja); !d.IsZero() {
			computed("Kenaikan pangkat (KP)", d.Long())
			note(n)
		} else if len(n) > 0 {
			computed("Kenaikan pangkat (KP)", "belum dapat ditentukan")
			note(n)
		}
	} else if d := domain.ContractEnd(e); !d.IsZero() {
		computed("Perjanjian kerja berakhir", d.Long())
	}
	saldo := domain.CutiBalance(e, rs, today.Year, set)
	computed("Sisa cuti tahunan "+itoa(today.Year), itoa(saldo.Total)+" hari kerja (N "+itoa(saldo.N)+", N-1 "+itoa(saldo.N1)+", N-2 "+itoa(saldo.N2)+")")
	for _, r := range rs {
		if r.Hukdis != nil && domain.HukdisActive(*r.Hukdis, today) {
			end := domain.HukdisEnd(*r.Hukdis)
			text := r.Hukdis.Jenis
			if !end.IsZero() {
				text += " (sampai " + end.String() + ")"
			}
			computed("Hukuman disiplin aktif", text)
		}
	}
}

package domain

import (
	"strconv"
	"strings"
	"time"
)

// SKPOp is something done to or with an SKP; CanSKP decides who may.
type SKPOp int

const (
	OpView        SKPOp = iota + 1 // read the SKP and everything under it
	OpEdit                         // change the plan (RHK, perilaku, lampiran)
	OpSubmit                       // Ajukan ke penilai
	OpApprove                      // Setujui
	OpReturn                       // Kembalikan with a note
	OpRevise                       // open a recorded revision of an approved SKP
	OpWork                         // rencana aksi, realisasi, bukti dukung
	OpFeedback                     // umpan balik by the penilai
	OpReply                        // the pegawai's reply to umpan balik
	OpDialog                       // record a dialog kinerja
	OpRate                         // set ratings of an evaluation
	OpFinalize                     // lock an evaluation
	OpUnlock                       // reopen a final evaluation (Admin, with a reason)
	OpEditPenilai                  // change pejabat penilai / atasan penilai (Admin)
)

// SKPParty is who an SKP belongs to and who rates it, with its status:
// everything CanSKP needs, from a whole SKP or from a list row.
type SKPParty struct {
	EmployeeID, PenilaiID, AtasanPenilaiID uint64
	Status                                 SKPStatus
}

// Party returns the SKP's party.
func (s SKP) Party() SKPParty {
	return SKPParty{s.EmployeeID, s.Penilai.EmployeeID, s.AtasanPenilai.EmployeeID, s.Status}
}

// Party returns the row's party.
func (r SKPRow) Party() SKPParty {
	return SKPParty{r.EmployeeID, r.PenilaiID, r.AtasanPenilaiID, r.Status}
}

func invalid(msg string) error { return &Error{Code: EINVALID, Message: msg} }

// CanSKP applies the roles of issue 6: the Pegawai drafts and submits the
// own SKP and writes realisasi and bukti; the pejabat penilai approves or
// returns, gives feedback, holds dialogs and rates; the atasan penilai and
// Pimpinan read; Admin may act for anyone (the audit names the account).
// Nobody approves or rates their own SKP. Who-may errors are EFORBIDDEN;
// when-may errors (status) are EINVALID with the reason.
func CanSKP(a Actor, p SKPParty, op SKPOp) error {
	if err := needLogin(a); err != nil {
		return err
	}
	admin := a.Has(RoleAdmin)
	own := a.EmployeeID != 0 && a.EmployeeID == p.EmployeeID
	penilai := a.EmployeeID != 0 && p.PenilaiID == a.EmployeeID && a.Has(RolePenilai)
	atasan := a.EmployeeID != 0 && p.AtasanPenilaiID == a.EmployeeID && (a.Has(RolePenilai) || a.Has(RolePimpinan))
	switch op {
	case OpView:
		if admin || a.Has(RolePimpinan) || own || penilai || atasan {
			return nil
		}
		return denied("Anda tidak berhak melihat SKP ini.")
	case OpEdit, OpSubmit:
		if !(own || admin) {
			return denied("Hanya pegawai yang bersangkutan (atau Admin) yang dapat menyusun dan mengajukan SKP ini.")
		}
		if !p.Status.Editable() {
			return invalid("SKP berstatus " + p.Status.String() + " tidak dapat diubah. " + editHint(p.Status))
		}
		return nil
	case OpEditPenilai:
		if !admin {
			return denied("Hanya Admin yang dapat mengganti pejabat penilai kinerja.")
		}
		if p.Status == SKPDisetujui {
			return invalid("SKP sudah disetujui: ganti pejabat penilai melalui Revisi SKP.")
		}
		return nil
	case OpApprove, OpReturn:
		if own {
			return denied("Anda tidak dapat menyetujui atau mengembalikan SKP Anda sendiri.")
		}
		if !(penilai || admin) {
			return denied("Hanya pejabat penilai kinerja SKP ini (atau Admin) yang dapat menyetujui atau mengembalikannya.")
		}
		if p.Status != SKPDiajukan {
			return invalid("Hanya SKP berstatus Diajukan yang dapat disetujui atau dikembalikan; status SKP ini " + p.Status.String() + ".")
		}
		return nil
	case OpRevise:
		if !(own || penilai || admin) {
			return denied("Hanya pegawai, pejabat penilai atau Admin yang dapat membuka revisi SKP.")
		}
		if p.Status != SKPDisetujui {
			return invalid("Revisi hanya untuk SKP yang sudah disetujui; SKP ini masih dapat diubah langsung.")
		}
		return nil
	case OpWork, OpReply:
		if !(own || admin) {
			if op == OpReply {
				return denied("Hanya pegawai yang dinilai yang dapat membalas umpan balik ini.")
			}
			return denied("Hanya pegawai yang bersangkutan (atau Admin) yang mengisi realisasi dan bukti dukung.")
		}
		return needApproved(p)
	case OpFeedback, OpRate, OpFinalize:
		if own && !admin || own && op != OpFeedback {
			return denied("Anda tidak dapat memberi umpan balik atau menilai SKP Anda sendiri.")
		}
		if !(penilai || admin) {
			return denied("Hanya pejabat penilai kinerja SKP ini (atau Admin) yang dapat memberi umpan balik dan menilai.")
		}
		return needApproved(p)
	case OpDialog:
		// Klarifikasi ekspektasi happens while the plan is drafted, so a
		// dialog may be recorded in any status.
		if !(penilai || admin || own && a.Has(RoleAdmin)) {
			return denied("Dialog kinerja dicatat oleh pejabat penilai kinerja (atau Admin).")
		}
		return nil
	case OpUnlock:
		if !admin {
			return denied("Hanya Admin yang dapat membuka kunci evaluasi yang sudah final.")
		}
		return nil
	}
	return denied("Tindakan ini tidak dikenal.")
}

func editHint(s SKPStatus) string {
	switch s {
	case SKPDiajukan:
		return "Tunggu keputusan pejabat penilai, atau minta SKP dikembalikan."
	case SKPDisetujui:
		return "Perubahan SKP yang sudah disetujui dilakukan melalui Revisi SKP."
	}
	return ""
}

func needApproved(p SKPParty) error {
	if p.Status != SKPDisetujui {
		return invalid("SKP masih berstatus " + p.Status.String() + ": realisasi, umpan balik dan evaluasi dimulai setelah SKP disetujui pejabat penilai.")
	}
	return nil
}

// CanCreateSKP: a Pegawai creates the own SKP; Admin creates anyone's.
func CanCreateSKP(a Actor, empID uint64) error {
	if err := needLogin(a); err != nil {
		return err
	}
	if a.Has(RoleAdmin) || a.EmployeeID != 0 && a.EmployeeID == empID {
		return nil
	}
	return denied("Anda hanya dapat membuat SKP untuk diri sendiri.")
}

// CanSetOrgRating: the predikat kinerja organisasi is set by the superior
// leader: Pimpinan, or Admin recording it.
func CanSetOrgRating(a Actor) error {
	if err := needLogin(a); err != nil {
		return err
	}
	if a.Has(RoleAdmin) || a.Has(RolePimpinan) {
		return nil
	}
	return denied("Predikat kinerja organisasi ditetapkan oleh Pimpinan (atau dicatat oleh Admin).")
}

// ApplySKPAction moves the SKP through the workflow, after CanSKP and the
// action's own requirements. The store keeps the earlier version before a
// revision.
func ApplySKPAction(s *SKP, act SKPAction, a Actor, note string, now time.Time) error {
	note = strings.TrimSpace(note)
	switch act {
	case ActSubmit:
		if err := CanSKP(a, s.Party(), OpSubmit); err != nil {
			return err
		}
		if len(s.RHK) == 0 {
			return invalid("SKP belum berisi rencana hasil kerja: tambahkan paling sedikit satu RHK sebelum diajukan.")
		}
		if err := ValidateSKP(*s); err != nil {
			return err
		}
		s.Status, s.Submitted = SKPDiajukan, now
	case ActApprove:
		if err := CanSKP(a, s.Party(), OpApprove); err != nil {
			return err
		}
		s.Status, s.Approved, s.ReturnNote = SKPDisetujui, now, ""
	case ActReturn:
		if err := CanSKP(a, s.Party(), OpReturn); err != nil {
			return err
		}
		if note == "" {
			return &Error{Code: EINVALID, Field: "catatan", Message: "Tuliskan catatan untuk pegawai: apa yang perlu diperbaiki."}
		}
		s.Status, s.ReturnNote = SKPDikembalikan, note
	case ActRevise:
		if err := CanSKP(a, s.Party(), OpRevise); err != nil {
			return err
		}
		if note == "" {
			return &Error{Code: EINVALID, Field: "alasan", Message: "Tuliskan alasan revisi SKP."}
		}
		s.Status, s.Revision, s.RevisionNote = SKPDraft, s.Revision+1, note
	default:
		return invalid("Tindakan SKP tidak dikenal.")
	}
	s.Updated = now
	return nil
}

// Field keys of the RHK and indicator forms.
const (
	FieldRHKKategori = "kategori"
	FieldRHKText     = "rhk"
	FieldIntervensi  = "intervensi"
	FieldAspek       = "aspek"
	FieldIKI         = "iki"
	FieldTarget      = "target"
	FieldSatuan      = "satuan"
	FieldPeriode     = "periode"
	FieldPendekatan  = "pendekatan"
)

// Text limits keep a record printable and a typo from filling the file.
const (
	maxSKPText  = 2000
	maxSKPShort = 200
)

// ValidateRHK checks one RHK without its indicators.
func ValidateRHK(r RHK) error {
	fe := FieldErrors{}
	if r.Kategori != RHKUtama && r.Kategori != RHKTambahan {
		fe[FieldRHKKategori] = "Pilih kategori RHK: Utama atau Tambahan."
	}
	switch t := strings.TrimSpace(r.Text); {
	case t == "":
		fe[FieldRHKText] = "Rencana hasil kerja wajib diisi."
	case len([]rune(t)) > maxSKPText:
		fe[FieldRHKText] = "Rencana hasil kerja terlalu panjang (paling banyak " + itoa(maxSKPText) + " karakter)."
	}
	if len([]rune(r.Intervensi)) > maxSKPText {
		fe[FieldIntervensi] = "RHK atasan yang diintervensi terlalu panjang."
	}
	return fe.Err()
}

// ValidateIndikator checks an indicator for the SKP's pendekatan: a
// kuantitatif indicator has an aspek and a numeric target with its satuan;
// a kualitatif one a descriptive target.
func ValidateIndikator(p Pendekatan, in Indikator) error {
	fe := FieldErrors{}
	if strings.TrimSpace(in.IKI) == "" {
		fe[FieldIKI] = "Indikator kinerja individu (IKI) wajib diisi."
	} else if len([]rune(in.IKI)) > maxSKPText {
		fe[FieldIKI] = "IKI terlalu panjang."
	}
	target := strings.TrimSpace(in.Target)
	switch p {
	case Kualitatif:
		if target == "" {
			fe[FieldTarget] = "Target wajib diisi (uraian target untuk pendekatan kualitatif)."
		}
	default:
		if in.Aspek < AspekKuantitas || in.Aspek > AspekBiaya {
			fe[FieldAspek] = "Pilih aspek: Kuantitas, Kualitas, Waktu atau Biaya."
		}
		if _, ok := ParseDecimal(target); !ok {
			fe[FieldTarget] = "Target harus berupa angka, misalnya 12 atau 2,5 (pendekatan kuantitatif)."
		}
		if strings.TrimSpace(in.Satuan) == "" {
			fe[FieldSatuan] = "Satuan target wajib diisi, misalnya Dokumen, %, Bulan."
		}
	}
	if len([]rune(in.Satuan)) > maxSKPShort {
		fe[FieldSatuan] = "Satuan terlalu panjang."
	}
	return fe.Err()
}

// ParseDecimal reads a non-negative number written the Indonesian way
// ("2,5", "1.000", "1.500.000,50", "100") or with a decimal point when
// unambiguous ("2.5": a thousands group has exactly 3 digits). Only digits
// and separators count: "1e3", "Inf" or "+5" are not a target.
func ParseDecimal(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	whole, frac, comma := strings.Cut(s, ",")
	if !comma && strings.Count(s, ".") == 1 && len(s)-strings.IndexByte(s, '.')-1 != 3 {
		whole, frac, comma = strings.Cut(s, ".") // "2.5", "12.50"
	}
	groups := strings.Split(whole, ".")
	for i, g := range groups {
		switch {
		case !onlyDigits(g):
			return 0, false
		case len(groups) > 1 && (g == "" || len(g) > 3 || i > 0 && len(g) != 3):
			return 0, false // thousands groups: 1–3 digits, then exactly 3
		}
	}
	digits := strings.Join(groups, "")
	if !onlyDigits(frac) || digits == "" && frac == "" {
		return 0, false
	}
	if digits == "" {
		digits = "0"
	}
	if comma && frac != "" {
		digits += "." + frac
	}
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// onlyDigits reports whether s has no byte but 0–9 (true for "").
func onlyDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ValidateSKP checks the whole plan: period, pendekatan, every RHK and
// indicator. Messages name the RHK ("RHK 2: …").
func ValidateSKP(s SKP) error {
	fe := FieldErrors{}
	if s.Pendekatan != Kuantitatif && s.Pendekatan != Kualitatif {
		fe[FieldPendekatan] = "Pilih pendekatan hasil kerja: Kuantitatif atau Kualitatif."
	}
	switch {
	case s.Start.IsZero() || s.End.IsZero():
		fe[FieldPeriode] = "Periode penilaian wajib diisi."
	case s.End.Before(s.Start):
		fe[FieldPeriode] = "Akhir periode penilaian tidak boleh sebelum awalnya."
	case s.Start.Year != s.Year || s.End.Year != s.Year:
		fe[FieldPeriode] = "Periode penilaian harus berada dalam tahun " + itoa(s.Year) + "."
	}
	for i, r := range s.RHK {
		name := "RHK " + itoa(i+1) + ": "
		if err := ValidateRHK(r); err != nil {
			for k, m := range err.(FieldErrors) {
				fe["rhk."+itoa(i+1)+"."+k] = name + m
			}
		}
		for j, in := range r.Indikator {
			if err := ValidateIndikator(s.Pendekatan, in); err != nil {
				for k, m := range err.(FieldErrors) {
					fe["rhk."+itoa(i+1)+".ind."+itoa(j+1)+"."+k] = name + "indikator " + itoa(j+1) + ": " + m
				}
			}
		}
	}
	for i, e := range s.Ekspektasi {
		if len([]rune(e)) > maxSKPText {
			fe["ekspektasi."+itoa(i+1)] = coreValues[i].Name + ": ekspektasi terlalu panjang."
		}
	}
	return fe.Err()
}

// SKPWarnings are hints that never block: what a penilai would ask about.
func SKPWarnings(s SKP) []string {
	var out []string
	if len(s.RHK) == 0 {
		out = append(out, "Belum ada rencana hasil kerja.")
	}
	utama := 0
	for i, r := range s.RHK {
		if r.Kategori == RHKUtama {
			utama++
		}
		if len(r.Indikator) == 0 {
			out = append(out, "RHK "+itoa(i+1)+" belum punya indikator kinerja individu.")
		}
		if r.Kategori == RHKUtama && strings.TrimSpace(r.Intervensi) == "" && s.Penilai.EmployeeID != 0 {
			out = append(out, "RHK "+itoa(i+1)+" (utama) belum menyebut RHK atasan yang diintervensi.")
		}
	}
	if len(s.RHK) > 0 && utama == 0 {
		out = append(out, "Belum ada RHK utama: RHK utama berasal dari jabatan atau RHK atasan.")
	}
	if s.Penilai.EmployeeID == 0 && s.Penilai.Nama == "" {
		out = append(out, "Pejabat penilai kinerja belum ditentukan: Admin dapat mengisinya, atau lengkapi peta atasan.")
	}
	return out
}

// Snapshot copies what an SKP or evaluation prints about a person.
func Snapshot(e Employee, unitName string) PersonSnapshot {
	p := PersonSnapshot{EmployeeID: e.ID, Nama: e.FullName(), NIP: e.NIP, Golongan: e.Golongan,
		Jabatan: e.NamaJabatan, Unit: unitName, UnitID: e.UnitID,
		JF: e.JenisJabatan == Fungsional, Jenjang: e.Jenjang}
	if g, ok := LookupGolongan(e.Kind, e.Golongan); ok {
		p.Pangkat = g.Pangkat
	}
	return p
}

// NewSKP is a fresh Draft for year: 1 Januari – 31 Desember, kuantitatif
// (K1 default), with the people copied in.
func NewSKP(e Employee, year int, penilai, atasanPenilai PersonSnapshot, unitName string, now time.Time) SKP {
	return SKP{EmployeeID: e.ID, Year: year, Start: Date{year, 1, 1}, End: Date{year, 12, 31},
		Pendekatan: Kuantitatif, Status: SKPDraft, Pegawai: Snapshot(e, unitName),
		Penilai: penilai, AtasanPenilai: atasanPenilai, Created: now, Updated: now}
}

// NewID returns the next id for an RHK or indicator of this SKP.
func (s *SKP) NewID() uint64 {
	s.NextRHKID++
	for _, r := range s.RHK { // an SKP made elsewhere may not carry the counter
		if r.ID >= s.NextRHKID {
			s.NextRHKID = r.ID + 1
		}
		for _, in := range r.Indikator {
			if in.ID >= s.NextRHKID {
				s.NextRHKID = in.ID + 1
			}
		}
	}
	return s.NextRHKID
}

// CopyPlan is "Salin dari SKP sebelumnya": the RHK with their indicators
// (new ids; links to the penilai's RHK of the old period dropped, the text
// kept), the ekspektasi, the lampiran and the pendekatan.
func CopyPlan(from SKP, to *SKP) {
	to.Pendekatan = from.Pendekatan
	to.Ekspektasi = from.Ekspektasi
	to.Lampiran = Lampiran{
		DukunganSumberDaya:      append([]string(nil), from.Lampiran.DukunganSumberDaya...),
		SkemaPertanggungjawaban: append([]string(nil), from.Lampiran.SkemaPertanggungjawaban...),
		Konsekuensi:             append([]string(nil), from.Lampiran.Konsekuensi...),
	}
	to.RHK = nil
	for _, r := range from.RHK {
		n := RHK{ID: to.NewID(), Kategori: r.Kategori, Intervensi: r.Intervensi, Text: r.Text, PenugasanDari: r.PenugasanDari}
		for _, in := range r.Indikator {
			in.ID = to.NewID()
			n.Indikator = append(n.Indikator, in)
		}
		to.RHK = append(to.RHK, n)
	}
}

// RHKByID finds an RHK of the SKP.
func (s SKP) RHKByID(id uint64) (RHK, bool) {
	for _, r := range s.RHK {
		if r.ID == id {
			return r, true
		}
	}
	return RHK{}, false
}

// ValidateWork checks a rencana aksi / realisasi entry.
func ValidateWork(s SKP, w PeriodWork, f Frequency) error {
	fe := FieldErrors{}
	if _, ok := s.RHKByID(w.RHKID); !ok {
		fe["rhk"] = "RHK tidak ditemukan di SKP ini; mungkin sudah dihapus."
	}
	if w.Period < 1 || w.Period > f.Periods() {
		fe["periode"] = "Periode harus antara 1 dan " + itoa(f.Periods()) + " (" + f.Label() + ")."
	}
	if len([]rune(w.RencanaAksi)) > maxSKPText {
		fe["rencana_aksi"] = "Rencana aksi terlalu panjang."
	}
	if len([]rune(w.Realisasi)) > maxSKPText {
		fe["realisasi"] = "Realisasi terlalu panjang."
	}
	if strings.TrimSpace(w.RencanaAksi) == "" && strings.TrimSpace(w.Realisasi) == "" {
		fe["rencana_aksi"] = "Isi rencana aksi atau realisasi."
	}
	return fe.Err()
}

func validTarget(s SKP, t FeedbackTarget) bool {
	if t.Value != 0 {
		return t.Value >= 1 && t.Value <= len(coreValues) && t.RHKID == 0
	}
	_, ok := s.RHKByID(t.RHKID)
	return ok
}

// ValidateFeedback checks an umpan balik entry: about an RHK or a core
// value of this SKP, with text.
func ValidateFeedback(s SKP, f Feedback) error {
	fe := FieldErrors{}
	if !validTarget(s, f.Target) {
		fe["sasaran"] = "Pilih RHK atau nilai perilaku yang diberi umpan balik."
	}
	switch t := strings.TrimSpace(f.Text); {
	case t == "":
		fe["teks"] = "Umpan balik wajib diisi."
	case len([]rune(t)) > maxSKPText:
		fe["teks"] = "Umpan balik terlalu panjang (paling banyak " + itoa(maxSKPText) + " karakter)."
	}
	return fe.Err()
}

// EditFeedback changes the text and keeps the earlier one: the log stays
// append-only in substance.
func EditFeedback(f *Feedback, text string, now time.Time) {
	f.History = append(f.History, FeedbackVersion{Text: f.Text, Time: f.Time, By: f.AuthorName})
	// The author stays the author even when an Admin corrects the text;
	// the audit trail names whoever made the change.
	f.Text, f.Time = strings.TrimSpace(text), now
}

// ValidateDialog checks a dialog kinerja session.
func ValidateDialog(s SKP, d Dialog) error {
	fe := FieldErrors{}
	if d.Date.IsZero() {
		fe["tanggal"] = "Tanggal dialog wajib diisi."
	}
	known := false
	for _, k := range DialogKinds() {
		known = known || k == d.Kind
	}
	if !known {
		fe["jenis"] = "Pilih jenis dialog kinerja."
	}
	if !d.NextDate.IsZero() && !d.Date.IsZero() && d.NextDate.Before(d.Date) {
		fe["berikutnya"] = "Tanggal dialog berikutnya tidak boleh sebelum tanggal dialog ini."
	}
	for _, t := range d.Topics {
		if !validTarget(s, t) {
			fe["topik"] = "Topik dialog merujuk RHK yang tidak ada di SKP ini."
		}
	}
	if len([]rune(d.Notes)) > 4*maxSKPText {
		fe["catatan"] = "Catatan dialog terlalu panjang."
	}
	for i, k := range d.Kesepakatan {
		if strings.TrimSpace(k.Text) == "" {
			fe["kesepakatan."+itoa(i+1)] = "Kesepakatan " + itoa(i+1) + ": uraian wajib diisi."
		}
		if k.Status < KesepakatanBelum || k.Status > KesepakatanTidakTercapai {
			fe["kesepakatan."+itoa(i+1)+".status"] = "Kesepakatan " + itoa(i+1) + ": status tidak dikenal."
		}
	}
	return fe.Err()
}

// CarryOver puts into a new dialog every kesepakatan of the latest earlier
// dialog (by date, then id) that was not met (Belum or Tidak tercapai),
// marked as carried: Carried counts the carries, CarriedFrom names the
// dialog it was first agreed in, and the status starts again at Belum.
// "Earlier" is by date: a dialog recorded late for a past date carries
// from the dialog before that date, never from a later one. Items the new
// dialog already holds (same id) are not doubled.
func CarryOver(earlier []Dialog, d *Dialog, nextID func() uint64) {
	var last *Dialog
	for i := range earlier {
		e := &earlier[i]
		if e.ID == d.ID && d.ID != 0 || !d.Date.IsZero() && d.Date.Before(e.Date) {
			continue
		}
		if last == nil || last.Date.Before(e.Date) || last.Date == e.Date && last.ID < e.ID {
			last = e
		}
	}
	if last == nil {
		return
	}
	have := map[uint64]bool{}
	for _, k := range d.Kesepakatan {
		if k.ID != 0 { // an item typed in the new dialog has no id yet
			have[k.ID] = true
		}
	}
	var carried []Kesepakatan
	for _, k := range last.Kesepakatan {
		if k.Status == KesepakatanTercapai || k.ID != 0 && have[k.ID] {
			continue
		}
		if k.ID == 0 && nextID != nil {
			k.ID = nextID()
		}
		if k.CarriedFrom == 0 {
			k.CarriedFrom = last.ID
		}
		k.Carried++
		k.Status = KesepakatanBelum
		carried = append(carried, k)
	}
	d.Kesepakatan = append(carried, d.Kesepakatan...)
}

// ValidateEvaluasi checks an evaluation before it is saved.
func ValidateEvaluasi(s SKP, e Evaluasi, f Frequency) error {
	fe := FieldErrors{}
	switch e.Kind {
	case EvalTahunan:
		if e.Period != 0 {
			fe["periode"] = "Evaluasi tahunan tidak berperiode."
		}
	case EvalPeriodik:
		if e.Period < 1 || e.Period > f.Periods() {
			fe["periode"] = "Periode evaluasi harus antara 1 dan " + itoa(f.Periods()) + " (" + f.Label() + ")."
		}
	default:
		fe["jenis"] = "Pilih jenis evaluasi: periodik atau tahunan."
	}
	if e.RatingHasil != 0 && e.RatingHasil.Code() == "" {
		fe["hasil"] = "Rating hasil kerja tidak dikenal."
	}
	if e.RatingPerilaku != 0 && e.RatingPerilaku.Code() == "" {
		fe["perilaku"] = "Rating perilaku kerja tidak dikenal."
	}
	if len([]rune(e.Catatan)) > maxSKPText {
		fe["catatan"] = "Catatan evaluasi terlalu panjang."
	}
	if e.Final {
		fe["final"] = "Evaluasi sudah final dan terkunci; minta Admin membuka kuncinya dengan alasan."
	}
	return fe.Err()
}

// FinalizeEvaluasi locks an evaluation: both ratings must be set; the
// predikat comes from the matrix; the penilai and the pegawai's jabatan,
// unit and golongan are snapshotted; a JF gets the AK of the period.
func FinalizeEvaluasi(e *Evaluasi, s SKP, penilai, pegawai PersonSnapshot, by string, now time.Time, set SKPSettings) error {
	if e.Final {
		return invalid("Evaluasi ini sudah final.")
	}
	if e.RatingHasil == 0 || e.RatingPerilaku == 0 {
		return invalid("Isi rating hasil kerja dan rating perilaku kerja sebelum evaluasi difinalkan.")
	}
	e.Predikat = PredikatKinerja(e.RatingHasil, e.RatingPerilaku)
	e.Final, e.FinalAt, e.FinalBy = true, now, by
	e.Snapshot.Penilai, e.Snapshot.Pegawai = penilai, pegawai
	e.AK = AngkaKredit{}
	if pegawai.JF {
		e.AK = ComputeAK(pegawai.Jenjang, e.Predikat, EvalMonths(s, *e, set.Frequency))
	}
	e.Updated = now
	return nil
}

// EvalMonths is the number of months an evaluation covers, for the AK:
// the period's months within the SKP's period (a whole year: the SKP's
// months, so a mid-year SKP is pro-rated).
func EvalMonths(s SKP, e Evaluasi, f Frequency) int {
	from, to := PeriodRange(s.Year, f, e.Period)
	if e.Kind == EvalTahunan {
		from, to = Date{s.Year, 1, 1}, Date{s.Year, 12, 31}
	}
	if !s.Start.IsZero() && from.Before(s.Start) {
		from = s.Start
	}
	if !s.End.IsZero() && s.End.Before(to) {
		to = s.End
	}
	if to.Before(from) {
		return 0
	}
	n := (to.Year-from.Year)*12 + int(to.Month) - int(from.Month) + 1
	if n > 12 {
		n = 12
	}
	return n
}

// UnlockEvaluasi reopens a final evaluation; the reason is kept.
func UnlockEvaluasi(e *Evaluasi, by, reason string, now time.Time) error {
	reason = strings.TrimSpace(reason)
	if !e.Final {
		return invalid("Evaluasi ini belum final.")
	}
	if reason == "" {
		return &Error{Code: EINVALID, Field: "alasan", Message: "Tuliskan alasan membuka kunci evaluasi."}
	}
	e.Final, e.FinalAt, e.FinalBy = false, time.Time{}, ""
	e.Unlocks = append(e.Unlocks, Unlock{Time: now, By: by, Reason: reason})
	e.Updated = now
	return nil
}

// HasilKerjaWarnings are hints beside the rating hasil kerja for period
// (0: the year): an Utama RHK without realisasi does not fit Di Atas; a
// rating with no realisasi at all deserves a second look. Never blocks.
func HasilKerjaWarnings(s SKP, work []PeriodWork, period int, r Rating) []string {
	has := map[uint64]bool{}
	for _, w := range work {
		if (period == 0 || w.Period == period) && strings.TrimSpace(w.Realisasi) != "" {
			has[w.RHKID] = true
		}
	}
	var out []string
	missing := 0
	for i, x := range s.RHK {
		if has[x.ID] {
			continue
		}
		missing++
		if x.Kategori == RHKUtama && r == DiAtas {
			out = append(out, "RHK "+itoa(i+1)+" (utama) belum punya realisasi: Di Atas Ekspektasi mensyaratkan tidak ada hasil kerja utama di bawah ekspektasi.")
		}
	}
	if r != 0 && len(s.RHK) > 0 && missing == len(s.RHK) {
		out = append(out, "Belum ada realisasi yang dicatat untuk periode ini.")
	}
	return out
}

// DefaultSKPSettings are the shipped settings: Triwulanan (K8), 5 MiB per
// bukti file, and the K5 mapping of unit predikat to the head's rating.
func DefaultSKPSettings() SKPSettings {
	return SKPSettings{Frequency: Triwulanan, BuktiMaxSize: 5 << 20, HeadRating: DefaultHeadRating()}
}

// DefaultHeadRating is decision K5 (uncertain, editable): Istimewa → Di
// Atas; Baik → Sesuai; the rest → Di Bawah.
func DefaultHeadRating() map[OrgPredikat]Rating {
	return map[OrgPredikat]Rating{OrgIstimewa: DiAtas, OrgBaik: Sesuai, OrgButuhPerbaikan: DiBawah,
		OrgKurang: DiBawah, OrgSangatKurang: DiBawah}
}

// HeadRating is the rating hasil kerja a unit head gets from the unit's
// predikat: the unit's capaian is the head's hasil kerja.
func HeadRating(s SKPSettings, org OrgPredikat) Rating {
	if r, ok := s.HeadRating[org]; ok && r != 0 {
		return r
	}
	return DefaultHeadRating()[org]
}

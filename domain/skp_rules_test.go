package domain_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"asndesk/domain"
)

// The people around one SKP: pegawai 10, pejabat penilai 20, atasan
// pejabat penilai 30.
var (
	actAdmin       = domain.Actor{AccountID: 1, Username: "admin", Roles: []domain.Role{domain.RoleAdmin}}
	actPimpinan    = domain.Actor{AccountID: 2, Username: "pimpinan", Roles: []domain.Role{domain.RolePimpinan}, EmployeeID: 90}
	actPenilai     = domain.Actor{AccountID: 3, Username: "penilai", Roles: []domain.Role{domain.RolePenilai, domain.RolePegawai}, EmployeeID: 20}
	actPenilaiLain = domain.Actor{AccountID: 4, Username: "penilai2", Roles: []domain.Role{domain.RolePenilai, domain.RolePegawai}, EmployeeID: 21}
	actOwner       = domain.Actor{AccountID: 5, Username: "pegawai", Roles: []domain.Role{domain.RolePegawai}, EmployeeID: 10}
	actPegawaiLain = domain.Actor{AccountID: 6, Username: "pegawai2", Roles: []domain.Role{domain.RolePegawai}, EmployeeID: 11}
	actAtasan      = domain.Actor{AccountID: 7, Username: "atasan", Roles: []domain.Role{domain.RolePenilai, domain.RolePegawai}, EmployeeID: 30}
	actNobody      = domain.Actor{}
)

var skpActors = []struct {
	name string
	a    domain.Actor
}{
	{"Admin", actAdmin}, {"Pimpinan", actPimpinan}, {"Penilai SKP ini", actPenilai}, {"Penilai lain", actPenilaiLain},
	{"Pegawai pemilik", actOwner}, {"Pegawai lain", actPegawaiLain}, {"Atasan penilai", actAtasan}, {"belum login", actNobody},
}

// testSKP is a valid one-RHK kuantitatif SKP of pegawai 10 for 2025.
func testSKP(st domain.SKPStatus) domain.SKP {
	return domain.SKP{ID: 1, EmployeeID: 10, Year: 2025, Start: d(2025, 1, 1), End: d(2025, 12, 31),
		Pendekatan: domain.Kuantitatif, Status: st,
		Pegawai:       domain.PersonSnapshot{EmployeeID: 10, Nama: "Rina Marlina", Jabatan: "Pengadministrasi Perkantoran"},
		Penilai:       domain.PersonSnapshot{EmployeeID: 20, Nama: "Asep Saepudin"},
		AtasanPenilai: domain.PersonSnapshot{EmployeeID: 30, Nama: "Dedi Permana"},
		RHK: []domain.RHK{{ID: 1, Kategori: domain.RHKUtama, Intervensi: "Terselenggaranya layanan administrasi",
			Text:      "Tersusunnya laporan surat masuk dan keluar",
			Indikator: []domain.Indikator{{ID: 2, Aspek: domain.AspekKuantitas, IKI: "Jumlah laporan", Target: "12", Satuan: "Laporan"}}}},
		NextRHKID: 2}
}

func party(st domain.SKPStatus) domain.SKPParty {
	return domain.SKPParty{EmployeeID: 10, PenilaiID: 20, AtasanPenilaiID: 30, Status: st}
}

// TestCanSKP walks every operation, status and role: who may (else
// EFORBIDDEN), and when (else EINVALID with the reason).
func TestCanSKP(t *testing.T) {
	t.Parallel()
	all := domain.SKPStatuses()
	editable := []domain.SKPStatus{domain.SKPDraft, domain.SKPDikembalikan}
	approved := []domain.SKPStatus{domain.SKPDisetujui}
	rules := map[domain.SKPOp]struct {
		who  []string
		when []domain.SKPStatus
	}{
		domain.OpView:        {[]string{"Admin", "Pimpinan", "Penilai SKP ini", "Pegawai pemilik", "Atasan penilai"}, all},
		domain.OpEdit:        {[]string{"Admin", "Pegawai pemilik"}, editable},
		domain.OpSubmit:      {[]string{"Admin", "Pegawai pemilik"}, editable},
		domain.OpApprove:     {[]string{"Admin", "Penilai SKP ini"}, []domain.SKPStatus{domain.SKPDiajukan}},
		domain.OpReturn:      {[]string{"Admin", "Penilai SKP ini"}, []domain.SKPStatus{domain.SKPDiajukan}},
		domain.OpRevise:      {[]string{"Admin", "Penilai SKP ini", "Pegawai pemilik"}, approved},
		domain.OpWork:        {[]string{"Admin", "Pegawai pemilik"}, approved},
		domain.OpReply:       {[]string{"Admin", "Pegawai pemilik"}, approved},
		domain.OpFeedback:    {[]string{"Admin", "Penilai SKP ini"}, approved},
		domain.OpRate:        {[]string{"Admin", "Penilai SKP ini"}, approved},
		domain.OpFinalize:    {[]string{"Admin", "Penilai SKP ini"}, approved},
		domain.OpDialog:      {[]string{"Admin", "Penilai SKP ini"}, all},
		domain.OpUnlock:      {[]string{"Admin"}, all},
		domain.OpEditPenilai: {[]string{"Admin"}, []domain.SKPStatus{domain.SKPDraft, domain.SKPDiajukan, domain.SKPDikembalikan}},
	}
	if len(rules) != int(domain.OpEditPenilai) {
		t.Fatalf("%d operations in the table, %d defined", len(rules), domain.OpEditPenilai)
	}
	for op, r := range rules {
		for _, st := range all {
			for _, x := range skpActors {
				err := domain.CanSKP(x.a, party(st), op)
				mayWho := contains(r.who, x.name)
				mayWhen := containsStatus(r.when, st)
				name := fmt.Sprintf("op %d, %s, %s", op, st, x.name)
				switch {
				case mayWho && mayWhen:
					if err != nil {
						t.Errorf("%s: refused: %v", name, err)
					}
				case !mayWho:
					if domain.ErrorCode(err) != domain.EFORBIDDEN {
						t.Errorf("%s: got %v, want EFORBIDDEN", name, err)
					}
				default:
					if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), "") {
						t.Errorf("%s: got %v, want EINVALID", name, err)
					}
				}
			}
		}
	}
	t.Run("messages", func(t *testing.T) {
		for _, tc := range []struct {
			a    domain.Actor
			st   domain.SKPStatus
			op   domain.SKPOp
			want string
		}{
			{actNobody, domain.SKPDraft, domain.OpView, "Silakan masuk"},
			{actOwner, domain.SKPDiajukan, domain.OpApprove, "tidak dapat menyetujui atau mengembalikan SKP Anda sendiri"},
			{actPenilai, domain.SKPDraft, domain.OpRate, "SKP masih berstatus Draft"},
			{actPenilai, domain.SKPDraft, domain.OpApprove, "Hanya SKP berstatus Diajukan"},
			{actOwner, domain.SKPDisetujui, domain.OpEdit, "melalui Revisi SKP"},
			{actOwner, domain.SKPDiajukan, domain.OpEdit, "Tunggu keputusan pejabat penilai"},
			{actOwner, domain.SKPDisetujui, domain.OpRate, "SKP Anda sendiri"},
			{actPegawaiLain, domain.SKPDisetujui, domain.OpView, "tidak berhak melihat"},
			{actAtasan, domain.SKPDisetujui, domain.OpRate, "Hanya pejabat penilai kinerja SKP ini"},
			{actAdmin, domain.SKPDisetujui, domain.OpEditPenilai, "melalui Revisi SKP"},
			{actOwner, domain.SKPDraft, domain.OpRevise, "masih dapat diubah langsung"},
			{actPenilai, domain.SKPDisetujui, domain.OpWork, "mengisi realisasi"},
			{actPenilai, domain.SKPDisetujui, domain.OpReply, "membalas umpan balik"},
			{actOwner, domain.SKPDisetujui, domain.OpDialog, "dicatat oleh pejabat penilai"},
			{actPenilai, domain.SKPDisetujui, domain.OpUnlock, "Hanya Admin"},
			{actOwner, domain.SKPDisetujui, domain.SKPOp(99), "tidak dikenal"},
		} {
			err := domain.CanSKP(tc.a, party(tc.st), tc.op)
			if err == nil || !strings.Contains(domain.ErrorMessage(err), tc.want) {
				t.Errorf("%s op %d on %s: got %v, want %q", tc.a.Username, tc.op, tc.st, err, tc.want)
			}
		}
	})
	t.Run("an Admin who is the pegawai edits but never approves or rates the own SKP", func(t *testing.T) {
		self := domain.Actor{AccountID: 8, Username: "admin2", Roles: []domain.Role{domain.RoleAdmin, domain.RolePegawai}, EmployeeID: 10}
		if err := domain.CanSKP(self, party(domain.SKPDraft), domain.OpEdit); err != nil {
			t.Error(err)
		}
		for _, op := range []domain.SKPOp{domain.OpApprove, domain.OpReturn} {
			if err := domain.CanSKP(self, party(domain.SKPDiajukan), op); domain.ErrorCode(err) != domain.EFORBIDDEN {
				t.Errorf("op %d: %v", op, err)
			}
		}
		for _, op := range []domain.SKPOp{domain.OpRate, domain.OpFinalize} {
			if err := domain.CanSKP(self, party(domain.SKPDisetujui), op); domain.ErrorCode(err) != domain.EFORBIDDEN {
				t.Errorf("op %d: %v", op, err)
			}
		}
	})
	t.Run("a penilai account without the Penilai role is not the penilai", func(t *testing.T) {
		a := actPenilai
		a.Roles = []domain.Role{domain.RolePegawai}
		if err := domain.CanSKP(a, party(domain.SKPDiajukan), domain.OpApprove); domain.ErrorCode(err) != domain.EFORBIDDEN {
			t.Error(err)
		}
	})
	t.Run("SKP and SKPRow give the same party", func(t *testing.T) {
		s := testSKP(domain.SKPDiajukan)
		row := domain.SKPRow{EmployeeID: 10, PenilaiID: 20, AtasanPenilaiID: 30, Status: domain.SKPDiajukan}
		if s.Party() != party(domain.SKPDiajukan) || row.Party() != s.Party() {
			t.Errorf("%+v %+v", s.Party(), row.Party())
		}
	})
	t.Run("ErrForbidden matches", func(t *testing.T) {
		if err := domain.CanSKP(actPegawaiLain, party(domain.SKPDraft), domain.OpView); !errors.Is(err, domain.ErrForbidden) {
			t.Error(err)
		}
	})
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func containsStatus(xs []domain.SKPStatus, s domain.SKPStatus) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func TestCanCreateSKPAndOrgRating(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a            domain.Actor
		create, orgs bool
	}{
		{actAdmin, true, true}, {actPimpinan, false, true}, {actPenilai, false, false}, {actOwner, true, false},
		{actPegawaiLain, false, false}, {actNobody, false, false},
	} {
		if err := domain.CanCreateSKP(tc.a, 10); (err == nil) != tc.create {
			t.Errorf("%s CanCreateSKP(10): %v", tc.a.Username, err)
		}
		if err := domain.CanSetOrgRating(tc.a); (err == nil) != tc.orgs {
			t.Errorf("%s CanSetOrgRating: %v", tc.a.Username, err)
		}
	}
	if err := domain.CanCreateSKP(actOwner, 11); domain.ErrorCode(err) != domain.EFORBIDDEN ||
		!strings.Contains(domain.ErrorMessage(err), "untuk diri sendiri") {
		t.Errorf("a Pegawai creating another's SKP: %v", err)
	}
}

// TestApplySKPAction walks the workflow of the e2e story: draft, submit,
// return with a note, fix, resubmit, approve, revise; and every refusal
// leaves the SKP as it was.
func TestApplySKPAction(t *testing.T) {
	t.Parallel()
	t1, t2 := skpNow, skpNow.Add(time.Hour)
	refused := func(t *testing.T, s *domain.SKP, act domain.SKPAction, a domain.Actor, note, code, want string) {
		t.Helper()
		before := fmt.Sprintf("%+v", *s)
		err := domain.ApplySKPAction(s, act, a, note, t2)
		if domain.ErrorCode(err) != code || !strings.Contains(domain.ErrorMessage(err), want) {
			t.Fatalf("action %d by %s: got %v, want %s with %q", act, a.Username, err, code, want)
		}
		if after := fmt.Sprintf("%+v", *s); after != before {
			t.Fatalf("a refused action changed the SKP:\n%s\n%s", before, after)
		}
	}
	s := testSKP(domain.SKPDraft)
	s.RHK = nil
	refused(t, &s, domain.ActSubmit, actOwner, "", domain.EINVALID, "belum berisi rencana hasil kerja")
	s.RHK = testSKP(0).RHK
	s.RHK[0].Indikator[0].Target = "dua belas"
	refused(t, &s, domain.ActSubmit, actOwner, "", domain.EINVALID, "Target harus berupa angka")
	s.RHK[0].Indikator[0].Target = "12"
	refused(t, &s, domain.ActSubmit, actPenilai, "", domain.EFORBIDDEN, "Hanya pegawai yang bersangkutan")
	refused(t, &s, domain.ActApprove, actPenilai, "", domain.EINVALID, "Hanya SKP berstatus Diajukan")
	if err := domain.ApplySKPAction(&s, domain.ActSubmit, actOwner, "", t1); err != nil {
		t.Fatal(err)
	}
	if s.Status != domain.SKPDiajukan || s.Submitted != t1 || s.Updated != t1 {
		t.Fatalf("after submit: %v %v %v", s.Status, s.Submitted, s.Updated)
	}
	refused(t, &s, domain.ActSubmit, actOwner, "", domain.EINVALID, "tidak dapat diubah")
	refused(t, &s, domain.ActApprove, actOwner, "", domain.EFORBIDDEN, "SKP Anda sendiri")
	refused(t, &s, domain.ActApprove, actPenilaiLain, "", domain.EFORBIDDEN, "Hanya pejabat penilai")
	refused(t, &s, domain.ActApprove, actAtasan, "", domain.EFORBIDDEN, "Hanya pejabat penilai")
	refused(t, &s, domain.ActApprove, actPimpinan, "", domain.EFORBIDDEN, "Hanya pejabat penilai")
	refused(t, &s, domain.ActReturn, actPenilai, "  ", domain.EINVALID, "Tuliskan catatan untuk pegawai")
	var fe *domain.Error
	if err := domain.ApplySKPAction(&s, domain.ActReturn, actPenilai, "", t2); !errors.As(err, &fe) || fe.Field != "catatan" {
		t.Fatalf("return without a note: %v (want field catatan)", err)
	}
	if err := domain.ApplySKPAction(&s, domain.ActReturn, actPenilai, "  Target laporan per bulan, bukan per tahun. ", t2); err != nil {
		t.Fatal(err)
	}
	if s.Status != domain.SKPDikembalikan || s.ReturnNote != "Target laporan per bulan, bukan per tahun." {
		t.Fatalf("after return: %v %q", s.Status, s.ReturnNote)
	}
	if err := domain.ApplySKPAction(&s, domain.ActSubmit, actOwner, "", t2); err != nil {
		t.Fatal(err)
	}
	if err := domain.ApplySKPAction(&s, domain.ActApprove, actPenilai, "", t2); err != nil {
		t.Fatal(err)
	}
	if s.Status != domain.SKPDisetujui || s.Approved != t2 || s.ReturnNote != "" {
		t.Fatalf("after approve: %v %v %q", s.Status, s.Approved, s.ReturnNote)
	}
	refused(t, &s, domain.ActRevise, actOwner, "", domain.EINVALID, "Tuliskan alasan revisi")
	refused(t, &s, domain.ActRevise, actPegawaiLain, "alasan", domain.EFORBIDDEN, "membuka revisi")
	refused(t, &s, domain.ActReturn, actPenilai, "terlambat", domain.EINVALID, "Hanya SKP berstatus Diajukan")
	refused(t, &s, domain.SKPAction(9), actAdmin, "", domain.EINVALID, "tidak dikenal")
	if err := domain.ApplySKPAction(&s, domain.ActRevise, actPenilai, "Jabatan berubah 1 Juli", t2); err != nil {
		t.Fatal(err)
	}
	if s.Status != domain.SKPDraft || s.Revision != 1 || s.RevisionNote != "Jabatan berubah 1 Juli" {
		t.Fatalf("after revise: %v %d %q", s.Status, s.Revision, s.RevisionNote)
	}
	// Admin acts for anyone (the audit names the account).
	for _, act := range []domain.SKPAction{domain.ActSubmit, domain.ActApprove} {
		if err := domain.ApplySKPAction(&s, act, actAdmin, "", t2); err != nil {
			t.Fatalf("admin action %d: %v", act, err)
		}
	}
	if err := domain.ApplySKPAction(&s, domain.ActRevise, actAdmin, "Salah ketik target", t2); err != nil || s.Revision != 2 {
		t.Fatalf("second revision: %v, %d", err, s.Revision)
	}
}

func TestPredikatKinerja(t *testing.T) {
	t.Parallel()
	// domain.md §6, all nine cells (hasil kerja + perilaku kerja).
	for _, tc := range []struct {
		hasil, perilaku domain.Rating
		want            domain.Predikat
		label           string
	}{
		{domain.DiAtas, domain.DiAtas, domain.SangatBaik, "Sangat Baik"},
		{domain.DiAtas, domain.Sesuai, domain.Baik, "Baik"},
		{domain.DiAtas, domain.DiBawah, domain.Kurang, "Kurang/Misconduct"},
		{domain.Sesuai, domain.DiAtas, domain.Baik, "Baik"},
		{domain.Sesuai, domain.Sesuai, domain.Baik, "Baik"},
		{domain.Sesuai, domain.DiBawah, domain.Kurang, "Kurang/Misconduct"},
		{domain.DiBawah, domain.DiAtas, domain.ButuhPerbaikan, "Butuh Perbaikan"},
		{domain.DiBawah, domain.Sesuai, domain.ButuhPerbaikan, "Butuh Perbaikan"},
		{domain.DiBawah, domain.DiBawah, domain.SangatKurang, "Sangat Kurang"},
	} {
		got := domain.PredikatKinerja(tc.hasil, tc.perilaku)
		if got != tc.want || got.Label() != tc.label {
			t.Errorf("%s + %s = %s (%q), want %s", tc.hasil, tc.perilaku, got, got.Label(), tc.label)
		}
	}
	for _, tc := range [][2]domain.Rating{{0, 0}, {0, domain.DiAtas}, {domain.Sesuai, 0}, {4, domain.Sesuai}, {domain.Sesuai, -1}} {
		if got := domain.PredikatKinerja(tc[0], tc[1]); got != "" {
			t.Errorf("PredikatKinerja(%d, %d) = %q, want \"\" (not rated)", tc[0], tc[1], got)
		}
	}
	for _, r := range append(domain.Ratings(), 0) {
		if domain.RatingGuidance(r) == "" {
			t.Errorf("no guidance for %d", r)
		}
	}
	if g := domain.RatingGuidance(domain.DiAtas); !strings.Contains(g, "tidak ada hasil kerja utama yang di bawah ekspektasi") {
		t.Errorf("Di Atas guidance: %q", g)
	}
}

func TestHasilKerjaWarnings(t *testing.T) {
	t.Parallel()
	s := testSKP(domain.SKPDisetujui)
	s.RHK = append(s.RHK, domain.RHK{ID: 3, Kategori: domain.RHKTambahan, Text: "Piket layanan"})
	work := []domain.PeriodWork{{RHKID: 3, Period: 1, Realisasi: "12 hari piket"}, {RHKID: 1, Period: 2, Realisasi: "3 laporan"}}
	w := domain.HasilKerjaWarnings(s, work, 1, domain.DiAtas)
	if len(w) != 1 || !strings.Contains(w[0], "RHK 1 (utama) belum punya realisasi") {
		t.Errorf("Di Atas with the utama RHK empty in period 1: %v", w)
	}
	if w := domain.HasilKerjaWarnings(s, work, 1, domain.Sesuai); len(w) != 0 {
		t.Errorf("Sesuai: %v", w)
	}
	if w := domain.HasilKerjaWarnings(s, work, 2, domain.DiAtas); len(w) != 0 {
		t.Errorf("period 2: utama has realisasi, tambahan is not required for Di Atas: %v", w)
	}
	if w := domain.HasilKerjaWarnings(s, work, 0, domain.DiAtas); len(w) != 0 {
		t.Errorf("the year: %v", w)
	}
	w = domain.HasilKerjaWarnings(s, work, 3, domain.DiBawah)
	if len(w) != 1 || !strings.Contains(w[0], "Belum ada realisasi yang dicatat") {
		t.Errorf("period 3 without realisasi: %v", w)
	}
	if w := domain.HasilKerjaWarnings(s, nil, 3, 0); len(w) != 0 {
		t.Errorf("not rated yet: %v", w)
	}
	blank := []domain.PeriodWork{{RHKID: 1, Period: 1, RencanaAksi: "Menyusun laporan", Realisasi: "  "}}
	if w := domain.HasilKerjaWarnings(s, blank, 1, domain.DiAtas); !hasText(w, "RHK 1 (utama)") {
		t.Errorf("blank realisasi counts as none: %v", w)
	}
}

func TestValidateIndikatorAndRHK(t *testing.T) {
	t.Parallel()
	ok := domain.Indikator{Aspek: domain.AspekKuantitas, IKI: "Jumlah dokumen", Target: "2,5", Satuan: "Dokumen"}
	if err := domain.ValidateIndikator(domain.Kuantitatif, ok); err != nil {
		t.Errorf("target 2,5: %v", err)
	}
	for name, tc := range map[string]struct {
		p     domain.Pendekatan
		in    domain.Indikator
		field string
		want  string
	}{
		"kuantitatif target in words": {domain.Kuantitatif, domain.Indikator{Aspek: domain.AspekKuantitas, IKI: "x", Target: "dua", Satuan: "Dokumen"},
			domain.FieldTarget, "Target harus berupa angka, misalnya 12 atau 2,5"},
		"kuantitatif empty target": {domain.Kuantitatif, domain.Indikator{Aspek: domain.AspekWaktu, IKI: "x", Satuan: "Bulan"}, domain.FieldTarget, "harus berupa angka"},
		"kuantitatif no aspek":     {domain.Kuantitatif, domain.Indikator{IKI: "x", Target: "1", Satuan: "Dokumen"}, domain.FieldAspek, "Pilih aspek"},
		"kuantitatif no satuan":    {domain.Kuantitatif, domain.Indikator{Aspek: domain.AspekKualitas, IKI: "x", Target: "100"}, domain.FieldSatuan, "Satuan target wajib diisi"},
		"no IKI":                   {domain.Kualitatif, domain.Indikator{Target: "Laporan diterima tepat waktu"}, domain.FieldIKI, "(IKI) wajib diisi"},
		"kualitatif no target":     {domain.Kualitatif, domain.Indikator{IKI: "Kualitas layanan"}, domain.FieldTarget, "uraian target"},
		"IKI too long":             {domain.Kualitatif, domain.Indikator{IKI: strings.Repeat("a", 2001), Target: "x"}, domain.FieldIKI, "terlalu panjang"},
		"satuan too long":          {domain.Kualitatif, domain.Indikator{IKI: "x", Target: "x", Satuan: strings.Repeat("s", 201)}, domain.FieldSatuan, "terlalu panjang"},
	} {
		err := domain.ValidateIndikator(tc.p, tc.in)
		var fe domain.FieldErrors
		if !errors.As(err, &fe) || !strings.Contains(fe[tc.field], tc.want) {
			t.Errorf("%s: got %v, want %s: %q", name, err, tc.field, tc.want)
		}
	}
	for name, in := range map[string]domain.Indikator{
		"kualitatif text target": {IKI: "Kualitas layanan", Target: "Tidak ada keluhan yang tidak ditindaklanjuti"},
		"kualitatif no aspek":    {IKI: "Kualitas", Target: "Baik", Aspek: 0},
	} {
		if err := domain.ValidateIndikator(domain.Kualitatif, in); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, target := range []string{"12", "100", "2,5", "2.5", "0", "1.000", "1.500.000", "1.500.000,50", "0,75"} {
		in := domain.Indikator{Aspek: domain.AspekBiaya, IKI: "Anggaran", Target: target, Satuan: "Rupiah"}
		if err := domain.ValidateIndikator(domain.Kuantitatif, in); err != nil {
			t.Errorf("kuantitatif target %q: %v", target, err)
		}
	}
	if err := domain.ValidateRHK(domain.RHK{Kategori: domain.RHKUtama, Text: "Laporan"}); err != nil {
		t.Error(err)
	}
	for name, tc := range map[string]struct {
		r     domain.RHK
		field string
		want  string
	}{
		"no kategori":     {domain.RHK{Text: "x"}, domain.FieldRHKKategori, "Utama atau Tambahan"},
		"empty text":      {domain.RHK{Kategori: domain.RHKTambahan, Text: "  "}, domain.FieldRHKText, "wajib diisi"},
		"long text":       {domain.RHK{Kategori: domain.RHKTambahan, Text: strings.Repeat("é", 2001)}, domain.FieldRHKText, "paling banyak 2000 karakter"},
		"long intervensi": {domain.RHK{Kategori: domain.RHKUtama, Text: "x", Intervensi: strings.Repeat("x", 2001)}, domain.FieldIntervensi, "terlalu panjang"},
	} {
		err := domain.ValidateRHK(tc.r)
		var fe domain.FieldErrors
		if !errors.As(err, &fe) || !strings.Contains(fe[tc.field], tc.want) {
			t.Errorf("%s: got %v, want %s: %q", name, err, tc.field, tc.want)
		}
	}
}

func TestParseDecimal(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]float64{
		"12": 12, "0": 0, "100": 100, "2,5": 2.5, " 2,5 ": 2.5, "0,75": 0.75, "2.5": 2.5, "2.50": 2.5, "12.5": 12.5,
		"1.000": 1000, "12.345": 12345, "1.500.000": 1500000, "1.000,5": 1000.5, "1.500.000,25": 1500000.25,
		",5": 0.5, "5,": 5, "1.5000": 1.5,
	} {
		if got, ok := domain.ParseDecimal(in); !ok || got != want {
			t.Errorf("ParseDecimal(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", " ", "dua", "-1", "1,2,3", "1.2.3", "12.34.567", "1,000.5", "Inf", "inf", "NaN",
		"1e3", "0x10", "+5", "1 000", "12%", ",", ".", "1..000", ".500"} {
		if got, ok := domain.ParseDecimal(in); ok {
			t.Errorf("ParseDecimal(%q) = %v, want refused", in, got)
		}
	}
}

func TestValidateSKP(t *testing.T) {
	t.Parallel()
	if err := domain.ValidateSKP(testSKP(domain.SKPDraft)); err != nil {
		t.Fatal(err)
	}
	kual := testSKP(domain.SKPDraft)
	kual.Pendekatan = domain.Kualitatif
	kual.RHK[0].Indikator[0] = domain.Indikator{ID: 2, IKI: "Ketepatan laporan", Target: "Laporan diterima sebelum tanggal 5 setiap bulan"}
	if err := domain.ValidateSKP(kual); err != nil {
		t.Errorf("kualitatif with a descriptive target: %v", err)
	}
	bad := testSKP(domain.SKPDraft)
	bad.RHK = append(bad.RHK, domain.RHK{ID: 3, Kategori: domain.RHKTambahan, Text: "",
		Indikator: []domain.Indikator{{ID: 4, Aspek: domain.AspekKuantitas, IKI: "Jumlah", Target: "dua", Satuan: "Kali"}}})
	err := domain.ValidateSKP(bad)
	var fe domain.FieldErrors
	if !errors.As(err, &fe) {
		t.Fatalf("got %v", err)
	}
	if fe["rhk.2.rhk"] != "RHK 2: Rencana hasil kerja wajib diisi." {
		t.Errorf("rhk.2.rhk = %q", fe["rhk.2.rhk"])
	}
	if !strings.HasPrefix(fe["rhk.2.ind.1.target"], "RHK 2: indikator 1: Target harus berupa angka") {
		t.Errorf("rhk.2.ind.1.target = %q", fe["rhk.2.ind.1.target"])
	}
	if len(fe) != 2 {
		t.Errorf("%d errors: %v", len(fe), fe)
	}
	for name, tc := range map[string]struct {
		mod   func(*domain.SKP)
		field string
		want  string
	}{
		"no pendekatan":   {func(s *domain.SKP) { s.Pendekatan = 0 }, domain.FieldPendekatan, "Kuantitatif atau Kualitatif"},
		"no period":       {func(s *domain.SKP) { s.Start = domain.Date{} }, domain.FieldPeriode, "wajib diisi"},
		"end before":      {func(s *domain.SKP) { s.Start, s.End = d(2025, 7, 1), d(2025, 6, 30) }, domain.FieldPeriode, "tidak boleh sebelum"},
		"other year":      {func(s *domain.SKP) { s.End = d(2026, 1, 31) }, domain.FieldPeriode, "dalam tahun 2025"},
		"long ekspektasi": {func(s *domain.SKP) { s.Ekspektasi[1] = strings.Repeat("x", 2001) }, "ekspektasi.2", "Akuntabel: ekspektasi terlalu panjang"},
	} {
		s := testSKP(domain.SKPDraft)
		tc.mod(&s)
		err := domain.ValidateSKP(s)
		var fe domain.FieldErrors
		if !errors.As(err, &fe) || !strings.Contains(fe[tc.field], tc.want) {
			t.Errorf("%s: got %v, want %s: %q", name, err, tc.field, tc.want)
		}
	}
	mid := testSKP(domain.SKPDraft)
	mid.Start = d(2025, 7, 1) // a new SKP after a change of jabatan
	if err := domain.ValidateSKP(mid); err != nil {
		t.Errorf("mid-year SKP: %v", err)
	}
}

func TestSKPWarnings(t *testing.T) {
	t.Parallel()
	if w := domain.SKPWarnings(testSKP(domain.SKPDraft)); len(w) != 0 {
		t.Errorf("complete SKP: %v", w)
	}
	empty := testSKP(domain.SKPDraft)
	empty.RHK = nil
	empty.Penilai = domain.PersonSnapshot{}
	w := domain.SKPWarnings(empty)
	wantText(t, w, "Belum ada rencana hasil kerja.")
	wantText(t, w, "Pejabat penilai kinerja belum ditentukan")
	s := testSKP(domain.SKPDraft)
	s.RHK = []domain.RHK{{ID: 1, Kategori: domain.RHKTambahan, Text: "Piket"}}
	w = domain.SKPWarnings(s)
	wantText(t, w, "RHK 1 belum punya indikator kinerja individu.")
	wantText(t, w, "Belum ada RHK utama")
	s.RHK[0].Kategori = domain.RHKUtama
	wantText(t, domain.SKPWarnings(s), "RHK 1 (utama) belum menyebut RHK atasan yang diintervensi.")
	s.Penilai = domain.PersonSnapshot{Nama: "Bupati Contoh"} // a penilai outside asndesk: no intervensi hint
	if hasText(domain.SKPWarnings(s), "diintervensi") || hasText(domain.SKPWarnings(s), "belum ditentukan") {
		t.Errorf("penilai outside asndesk: %v", domain.SKPWarnings(s))
	}
}

func TestNewSKPSnapshotCopyPlan(t *testing.T) {
	t.Parallel()
	e := domain.Employee{ID: 10, Kind: domain.KindPNS, Nama: "Rina Marlina", GelarBelakang: "S.E.", NIP: "199001152015032001",
		Golongan: "III/b", NamaJabatan: "Analis Kebijakan Ahli Pertama", UnitID: 4, JenisJabatan: domain.Fungsional, Jenjang: domain.AhliPertama}
	p := domain.Snapshot(e, "Seksi Pemerintahan")
	want := domain.PersonSnapshot{EmployeeID: 10, Nama: "Rina Marlina, S.E.", NIP: "199001152015032001", Golongan: "III/b",
		Pangkat: "Penata Muda Tingkat I", Jabatan: "Analis Kebijakan Ahli Pertama", Unit: "Seksi Pemerintahan", UnitID: 4,
		JF: true, Jenjang: domain.AhliPertama}
	if p != want {
		t.Errorf("Snapshot = %+v\nwant %+v", p, want)
	}
	pen := domain.PersonSnapshot{EmployeeID: 20, Nama: "Asep"}
	s := domain.NewSKP(e, 2026, pen, domain.PersonSnapshot{EmployeeID: 30}, "Seksi Pemerintahan", skpNow)
	if s.Status != domain.SKPDraft || s.Start != d(2026, 1, 1) || s.End != d(2026, 12, 31) || s.Pendekatan != domain.Kuantitatif ||
		s.Year != 2026 || s.EmployeeID != 10 || s.Pegawai != p || s.Penilai != pen || s.AtasanPenilai.EmployeeID != 30 ||
		s.Created != skpNow || s.Updated != skpNow {
		t.Errorf("NewSKP = %+v", s)
	}
	if err := domain.ValidateSKP(s); err != nil {
		t.Errorf("a new SKP is valid: %v", err)
	}

	from := testSKP(domain.SKPDisetujui)
	from.RHK[0].IntervensiSKPID, from.RHK[0].IntervensiRHKID = 7, 3
	from.RHK = append(from.RHK, domain.RHK{ID: 5, Kategori: domain.RHKTambahan, Text: "Piket", PenugasanDari: "Camat",
		Indikator: []domain.Indikator{{ID: 6, Aspek: domain.AspekKuantitas, IKI: "Hari piket", Target: "24", Satuan: "Hari"}}})
	from.Ekspektasi[0] = "Menanggapi pengaduan dalam 1 hari"
	from.Lampiran.DukunganSumberDaya = []string{"Komputer"}
	from.Pendekatan = domain.Kualitatif
	domain.CopyPlan(from, &s)
	if s.Pendekatan != domain.Kualitatif || s.Ekspektasi != from.Ekspektasi || len(s.RHK) != 2 {
		t.Fatalf("CopyPlan: %+v", s)
	}
	ids := map[uint64]bool{}
	for i, r := range s.RHK {
		if r.Text != from.RHK[i].Text || r.Kategori != from.RHK[i].Kategori || r.Intervensi != from.RHK[i].Intervensi ||
			r.PenugasanDari != from.RHK[i].PenugasanDari || len(r.Indikator) != len(from.RHK[i].Indikator) {
			t.Errorf("RHK %d copied as %+v", i+1, r)
		}
		if r.IntervensiSKPID != 0 || r.IntervensiRHKID != 0 {
			t.Errorf("RHK %d keeps the link to last year's RHK atasan: %+v", i+1, r)
		}
		ids[r.ID] = true
		for _, in := range r.Indikator {
			ids[in.ID] = true
		}
	}
	if len(ids) != 4 || s.NextRHKID != 4 {
		t.Errorf("ids %v, NextRHKID %d: want 4 new distinct ids", ids, s.NextRHKID)
	}
	s.Lampiran.DukunganSumberDaya[0] = "Laptop"
	s.RHK[0].Indikator[0].Target = "24"
	if from.Lampiran.DukunganSumberDaya[0] != "Komputer" || from.RHK[0].Indikator[0].Target != "12" {
		t.Error("CopyPlan shares slices with the earlier SKP")
	}
	if r, ok := s.RHKByID(s.RHK[1].ID); !ok || r.Text != "Piket" {
		t.Errorf("RHKByID: %+v %v", r, ok)
	}
	if _, ok := s.RHKByID(99); ok {
		t.Error("RHKByID(99) found")
	}
	// NewID on an SKP whose counter was not kept moves past every id.
	x := domain.SKP{RHK: []domain.RHK{{ID: 7, Indikator: []domain.Indikator{{ID: 12}}}}}
	if id := x.NewID(); id != 13 || x.NewID() != 14 {
		t.Errorf("NewID = %d", id)
	}
}

func TestValidateWorkFeedback(t *testing.T) {
	t.Parallel()
	s := testSKP(domain.SKPDisetujui)
	w := domain.PeriodWork{SKPID: 1, RHKID: 1, Period: 2, RencanaAksi: "Menyusun laporan bulanan", Target: "3 Laporan"}
	if err := domain.ValidateWork(s, w, domain.Triwulanan); err != nil {
		t.Error(err)
	}
	for name, tc := range map[string]struct {
		mod   func(*domain.PeriodWork)
		f     domain.Frequency
		field string
		want  string
	}{
		"period 5 of triwulanan": {func(w *domain.PeriodWork) { w.Period = 5 }, domain.Triwulanan, "periode", "antara 1 dan 4 (Triwulanan)"},
		"period 0":               {func(w *domain.PeriodWork) { w.Period = 0 }, domain.Bulanan, "periode", "antara 1 dan 12 (Bulanan)"},
		"deleted RHK":            {func(w *domain.PeriodWork) { w.RHKID = 9 }, domain.Triwulanan, "rhk", "tidak ditemukan"},
		"nothing written":        {func(w *domain.PeriodWork) { w.RencanaAksi = " " }, domain.Triwulanan, "rencana_aksi", "Isi rencana aksi atau realisasi"},
		"realisasi too long":     {func(w *domain.PeriodWork) { w.Realisasi = strings.Repeat("x", 2001) }, domain.Triwulanan, "realisasi", "terlalu panjang"},
		"rencana aksi too long":  {func(w *domain.PeriodWork) { w.RencanaAksi = strings.Repeat("x", 2001) }, domain.Triwulanan, "rencana_aksi", "terlalu panjang"},
	} {
		x := w
		tc.mod(&x)
		err := domain.ValidateWork(s, x, tc.f)
		var fe domain.FieldErrors
		if !errors.As(err, &fe) || !strings.Contains(fe[tc.field], tc.want) {
			t.Errorf("%s: got %v, want %s: %q", name, err, tc.field, tc.want)
		}
	}
	if err := domain.ValidateWork(s, domain.PeriodWork{RHKID: 1, Period: 12, Realisasi: "Selesai"}, domain.Bulanan); err != nil {
		t.Errorf("realisasi only, Desember: %v", err)
	}

	for name, f := range map[string]domain.Feedback{
		"on an RHK":       {Target: domain.FeedbackTarget{RHKID: 1}, Text: "Laporan Februari sudah rapi."},
		"on a core value": {Target: domain.FeedbackTarget{Value: 7}, Text: "Bagus, aktif membantu tim pelayanan."},
	} {
		if err := domain.ValidateFeedback(s, f); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for name, tc := range map[string]struct {
		f     domain.Feedback
		field string
	}{
		"no target":     {domain.Feedback{Text: "x"}, "sasaran"},
		"value 8":       {domain.Feedback{Target: domain.FeedbackTarget{Value: 8}, Text: "x"}, "sasaran"},
		"value and RHK": {domain.Feedback{Target: domain.FeedbackTarget{Value: 1, RHKID: 1}, Text: "x"}, "sasaran"},
		"unknown RHK":   {domain.Feedback{Target: domain.FeedbackTarget{RHKID: 4}, Text: "x"}, "sasaran"},
		"empty text":    {domain.Feedback{Target: domain.FeedbackTarget{RHKID: 1}, Text: "  "}, "teks"},
		"text too long": {domain.Feedback{Target: domain.FeedbackTarget{RHKID: 1}, Text: strings.Repeat("x", 2001)}, "teks"},
	} {
		err := domain.ValidateFeedback(s, tc.f)
		var fe domain.FieldErrors
		if !errors.As(err, &fe) || fe[tc.field] == "" {
			t.Errorf("%s: got %v, want an error on %s", name, err, tc.field)
		}
	}
	f := domain.Feedback{Text: "Mohon lampirkan bukti.", Time: skpNow, AuthorName: "Asep"}
	domain.EditFeedback(&f, "  Mohon lampirkan bukti surat keluar. ", skpNow.Add(time.Hour))
	domain.EditFeedback(&f, "Bukti sudah lengkap.", skpNow.Add(2*time.Hour))
	if f.Text != "Bukti sudah lengkap." || f.Time != skpNow.Add(2*time.Hour) || f.AuthorName != "Asep" || len(f.History) != 2 ||
		f.History[0] != (domain.FeedbackVersion{Text: "Mohon lampirkan bukti.", Time: skpNow, By: "Asep"}) ||
		f.History[1].Text != "Mohon lampirkan bukti surat keluar." || f.History[1].By != "Asep" {
		t.Errorf("EditFeedback keeps the earlier texts oldest first: %+v", f)
	}
}

func TestValidateDialog(t *testing.T) {
	t.Parallel()
	s := testSKP(domain.SKPDisetujui)
	ok := domain.Dialog{Date: d(2025, 4, 10), Kind: domain.DialogUmpanBalik, Topics: []domain.FeedbackTarget{{RHKID: 1}, {Value: 2}},
		Kesepakatan: []domain.Kesepakatan{{Text: "Laporan dikirim paling lambat tanggal 5", Status: domain.KesepakatanBelum}},
		NextDate:    d(2025, 7, 10)}
	if err := domain.ValidateDialog(s, ok); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		mod   func(*domain.Dialog)
		field string
	}{
		"no date":           {func(x *domain.Dialog) { x.Date = domain.Date{} }, "tanggal"},
		"no kind":           {func(x *domain.Dialog) { x.Kind = "" }, "jenis"},
		"unknown kind":      {func(x *domain.Dialog) { x.Kind = "RAPAT" }, "jenis"},
		"next before":       {func(x *domain.Dialog) { x.NextDate = d(2025, 4, 9) }, "berikutnya"},
		"topic deleted RHK": {func(x *domain.Dialog) { x.Topics = []domain.FeedbackTarget{{RHKID: 5}} }, "topik"},
		"notes too long":    {func(x *domain.Dialog) { x.Notes = strings.Repeat("x", 8001) }, "catatan"},
		"empty kesepakatan": {func(x *domain.Dialog) { x.Kesepakatan[0].Text = " " }, "kesepakatan.1"},
		"bad status":        {func(x *domain.Dialog) { x.Kesepakatan[0].Status = 0 }, "kesepakatan.1.status"},
	} {
		x := ok
		x.Kesepakatan = append([]domain.Kesepakatan(nil), ok.Kesepakatan...)
		tc.mod(&x)
		err := domain.ValidateDialog(s, x)
		var fe domain.FieldErrors
		if !errors.As(err, &fe) || fe[tc.field] == "" {
			t.Errorf("%s: got %v, want an error on %s", name, err, tc.field)
		}
	}
	same := ok
	same.NextDate = ok.Date
	if err := domain.ValidateDialog(s, same); err != nil {
		t.Errorf("next dialog on the same day: %v", err)
	}
}

// TestCarryOver follows kesepakatan across three dialogs: what is not met
// moves on, marked as carried, from the latest earlier dialog only.
func TestCarryOver(t *testing.T) {
	t.Parallel()
	seq := uint64(100)
	next := func() uint64 { seq++; return seq }
	d1 := domain.Dialog{ID: 1, Date: d(2025, 1, 15), Kind: domain.DialogKlarifikasi, Kesepakatan: []domain.Kesepakatan{
		{ID: 11, Text: "Menyusun SOP arsip", Owner: "Rina", Due: d(2025, 3, 31), Status: domain.KesepakatanBelum},
		{ID: 12, Text: "Ikut pelatihan e-Kinerja", Owner: "Rina", Status: domain.KesepakatanTercapai},
		{ID: 13, Text: "Digitalisasi arsip 2024", Owner: "Rina", Status: domain.KesepakatanTidakTercapai},
	}}
	d2 := domain.Dialog{Date: d(2025, 4, 10), Kind: domain.DialogUmpanBalik, Kesepakatan: []domain.Kesepakatan{
		{Text: "Laporan triwulan tepat waktu", Status: domain.KesepakatanBelum}, // typed in the new dialog, no id yet
	}}
	domain.CarryOver([]domain.Dialog{d1}, &d2, next)
	if len(d2.Kesepakatan) != 3 {
		t.Fatalf("dialog 2: %+v", d2.Kesepakatan)
	}
	for i, want := range []domain.Kesepakatan{
		{ID: 11, Text: "Menyusun SOP arsip", Owner: "Rina", Due: d(2025, 3, 31), Status: domain.KesepakatanBelum, CarriedFrom: 1, Carried: 1},
		{ID: 13, Text: "Digitalisasi arsip 2024", Owner: "Rina", Status: domain.KesepakatanBelum, CarriedFrom: 1, Carried: 1},
		{Text: "Laporan triwulan tepat waktu", Status: domain.KesepakatanBelum},
	} {
		if d2.Kesepakatan[i] != want {
			t.Errorf("dialog 2 item %d = %+v\nwant %+v", i+1, d2.Kesepakatan[i], want)
		}
	}
	// Saved as dialog 2; the SOP is still open, the digitalisation done.
	d2.ID = 2
	d2.Kesepakatan[1].Status = domain.KesepakatanTercapai
	d2.Kesepakatan[2].ID = next()

	d3 := domain.Dialog{Date: d(2025, 7, 8), Kind: domain.DialogCoaching}
	earlier := []domain.Dialog{d2, d1} // order of the slice does not matter: by date
	domain.CarryOver(earlier, &d3, next)
	if len(d3.Kesepakatan) != 2 {
		t.Fatalf("dialog 3: %+v", d3.Kesepakatan)
	}
	sop := d3.Kesepakatan[0]
	if sop.ID != 11 || sop.Carried != 2 || sop.CarriedFrom != 1 || sop.Status != domain.KesepakatanBelum {
		t.Errorf("SOP carried twice: %+v (want Carried 2, CarriedFrom dialog 1)", sop)
	}
	if lap := d3.Kesepakatan[1]; lap.ID != 101 || lap.Carried != 1 || lap.CarriedFrom != 2 {
		t.Errorf("made in dialog 2, carried once: %+v", lap)
	}
	for _, k := range d3.Kesepakatan {
		if k.ID == 12 || k.ID == 13 {
			t.Errorf("a met item was carried: %+v", k)
		}
	}
	// Saving dialog 3 again does not double what it already holds.
	d3.ID = 3
	domain.CarryOver(append(earlier, d3), &d3, next)
	if len(d3.Kesepakatan) != 2 {
		t.Errorf("re-saving doubled: %+v", d3.Kesepakatan)
	}
	// No earlier dialog: nothing to carry.
	first := domain.Dialog{Date: d(2025, 1, 2)}
	domain.CarryOver(nil, &first, next)
	if len(first.Kesepakatan) != 0 {
		t.Errorf("%+v", first.Kesepakatan)
	}
	t.Run("a back-dated dialog carries from the dialog before it, not from a later one", func(t *testing.T) {
		back := domain.Dialog{Date: d(2025, 2, 20), Kind: domain.DialogKonseling}
		domain.CarryOver([]domain.Dialog{d1, d2, d3}, &back, next)
		if len(back.Kesepakatan) != 2 || back.Kesepakatan[0].ID != 11 || back.Kesepakatan[1].ID != 13 || back.Kesepakatan[0].Carried != 1 {
			t.Errorf("back-dated after dialog 1: %+v", back.Kesepakatan)
		}
		before := domain.Dialog{Date: d(2025, 1, 3)}
		domain.CarryOver([]domain.Dialog{d1, d2, d3}, &before, next)
		if len(before.Kesepakatan) != 0 {
			t.Errorf("dialog before every other: %+v", before.Kesepakatan)
		}
	})
	t.Run("items of an earlier dialog without ids are not mistaken for the new dialog's", func(t *testing.T) {
		old := domain.Dialog{ID: 9, Date: d(2025, 1, 15), Kesepakatan: []domain.Kesepakatan{{Text: "Imported", Status: domain.KesepakatanBelum}}}
		nw := domain.Dialog{Date: d(2025, 2, 1), Kesepakatan: []domain.Kesepakatan{{Text: "Baru", Status: domain.KesepakatanBelum}}}
		domain.CarryOver([]domain.Dialog{old}, &nw, next)
		if len(nw.Kesepakatan) != 2 || nw.Kesepakatan[0].Text != "Imported" || nw.Kesepakatan[0].ID == 0 || nw.Kesepakatan[0].CarriedFrom != 9 {
			t.Errorf("%+v", nw.Kesepakatan)
		}
	})
}

// TestEvaluasiLock: rating, finalising (predikat from the matrix, the
// snapshot, AK for a JF), the lock, and Admin's unlock with a reason.
func TestEvaluasiLock(t *testing.T) {
	t.Parallel()
	s := testSKP(domain.SKPDisetujui)
	set := domain.DefaultSKPSettings()
	pen := domain.PersonSnapshot{EmployeeID: 20, Nama: "Asep Saepudin", Jabatan: "Kepala Seksi Pemerintahan"}
	peg := domain.PersonSnapshot{EmployeeID: 10, Nama: "Rina Marlina", Golongan: "III/a", JF: true, Jenjang: domain.AhliPertama}
	e := domain.Evaluasi{SKPID: 1, EmployeeID: 10, Year: 2025, Kind: domain.EvalPeriodik, Frequency: domain.Triwulanan, Period: 1,
		RatingHasil: domain.DiAtas}
	if err := domain.ValidateEvaluasi(s, e, set.Frequency); err != nil {
		t.Fatalf("half-rated draft: %v", err)
	}
	err := domain.FinalizeEvaluasi(&e, s, pen, peg, "penilai", skpNow, set)
	if domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), "Isi rating hasil kerja dan rating perilaku kerja") || e.Final {
		t.Fatalf("finalising without perilaku: %v", err)
	}
	e.RatingPerilaku = domain.Sesuai
	e.Predikat = domain.SangatBaik // typed: ignored, the matrix decides
	if err := domain.FinalizeEvaluasi(&e, s, pen, peg, "penilai", skpNow, set); err != nil {
		t.Fatal(err)
	}
	if !e.Final || e.Predikat != domain.Baik || e.FinalBy != "penilai" || e.FinalAt != skpNow || e.Snapshot.Penilai != pen ||
		e.Snapshot.Pegawai != peg || e.AK.String() != "3,125" || e.AK.Months != 3 {
		t.Fatalf("after finalising: %+v", e)
	}
	// editing or finalising a locked evaluation is refused
	err = domain.ValidateEvaluasi(s, e, set.Frequency)
	var fe domain.FieldErrors
	if !errors.As(err, &fe) || !strings.Contains(fe["final"], "sudah final dan terkunci") {
		t.Fatalf("ValidateEvaluasi of a final evaluation: %v", err)
	}
	if err := domain.FinalizeEvaluasi(&e, s, pen, peg, "penilai", skpNow.Add(time.Hour), set); err == nil ||
		!strings.Contains(domain.ErrorMessage(err), "sudah final") || e.FinalAt != skpNow {
		t.Fatalf("finalising twice: %v", err)
	}
	if err := domain.UnlockEvaluasi(&e, "admin", " ", skpNow); err == nil || !strings.Contains(domain.ErrorMessage(err), "Tuliskan alasan") || !e.Final {
		t.Fatalf("unlock without a reason: %v", err)
	}
	if err := domain.UnlockEvaluasi(&e, "admin", "Salah pilih rating perilaku", skpNow.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if e.Final || !e.FinalAt.IsZero() || e.FinalBy != "" || len(e.Unlocks) != 1 ||
		e.Unlocks[0] != (domain.Unlock{Time: skpNow.Add(time.Hour), By: "admin", Reason: "Salah pilih rating perilaku"}) {
		t.Fatalf("after unlock: %+v", e)
	}
	if err := domain.UnlockEvaluasi(&e, "admin", "lagi", skpNow); err == nil || !strings.Contains(domain.ErrorMessage(err), "belum final") {
		t.Fatalf("unlocking an open evaluation: %v", err)
	}
	if err := domain.ValidateEvaluasi(s, e, set.Frequency); err != nil {
		t.Fatalf("unlocked evaluation can be edited: %v", err)
	}
	e.RatingPerilaku = domain.DiAtas
	if err := domain.FinalizeEvaluasi(&e, s, pen, peg, "penilai", skpNow.Add(2*time.Hour), set); err != nil || e.Predikat != domain.SangatBaik ||
		e.AK.String() != "4,6875" || len(e.Unlocks) != 1 {
		t.Fatalf("second finalisation: %v %+v", err, e)
	}

	nonJF := domain.Evaluasi{Kind: domain.EvalTahunan, RatingHasil: domain.Sesuai, RatingPerilaku: domain.Sesuai, AK: domain.AngkaKredit{Num: 1, Den: 1}}
	if err := domain.FinalizeEvaluasi(&nonJF, s, pen, domain.PersonSnapshot{EmployeeID: 10}, "admin", skpNow, set); err != nil ||
		!nonJF.AK.IsZero() || nonJF.Predikat != domain.Baik {
		t.Fatalf("non-JF: AK cleared: %v %+v", err, nonJF)
	}
	yearJF := domain.Evaluasi{Kind: domain.EvalTahunan, RatingHasil: domain.DiAtas, RatingPerilaku: domain.DiAtas}
	if err := domain.FinalizeEvaluasi(&yearJF, s, pen, peg, "admin", skpNow, set); err != nil || yearJF.AK.String() != "18,75" {
		t.Fatalf("tahunan Ahli Pertama Sangat Baik: %v %s", err, yearJF.AK)
	}

	for name, tc := range map[string]struct {
		e     domain.Evaluasi
		f     domain.Frequency
		field string
	}{
		"periodik without period": {domain.Evaluasi{Kind: domain.EvalPeriodik}, domain.Triwulanan, "periode"},
		"triwulan 5":              {domain.Evaluasi{Kind: domain.EvalPeriodik, Period: 5}, domain.Triwulanan, "periode"},
		"tahunan with a period":   {domain.Evaluasi{Kind: domain.EvalTahunan, Period: 2}, domain.Triwulanan, "periode"},
		"no kind":                 {domain.Evaluasi{}, domain.Triwulanan, "jenis"},
		"unknown hasil":           {domain.Evaluasi{Kind: domain.EvalTahunan, RatingHasil: 5}, domain.Triwulanan, "hasil"},
		"unknown perilaku":        {domain.Evaluasi{Kind: domain.EvalTahunan, RatingPerilaku: -2}, domain.Triwulanan, "perilaku"},
		"long catatan":            {domain.Evaluasi{Kind: domain.EvalTahunan, Catatan: strings.Repeat("x", 2001)}, domain.Triwulanan, "catatan"},
	} {
		err := domain.ValidateEvaluasi(s, tc.e, tc.f)
		var fe domain.FieldErrors
		if !errors.As(err, &fe) || fe[tc.field] == "" {
			t.Errorf("%s: got %v, want an error on %s", name, err, tc.field)
		}
	}
	if err := domain.ValidateEvaluasi(s, domain.Evaluasi{Kind: domain.EvalPeriodik, Period: 12}, domain.Bulanan); err != nil {
		t.Errorf("Desember of bulanan: %v", err)
	}
}

func TestEvalMonths(t *testing.T) {
	t.Parallel()
	full := testSKP(domain.SKPDisetujui)
	mid := testSKP(domain.SKPDisetujui)
	mid.Start = d(2025, 7, 1) // new jabatan from 1 Juli
	early := testSKP(domain.SKPDisetujui)
	early.End = d(2025, 6, 30) // the first SKP of the year, ended by the change
	mid15 := testSKP(domain.SKPDisetujui)
	mid15.Start = d(2025, 8, 15)
	tahunan := domain.Evaluasi{Kind: domain.EvalTahunan}
	per := func(p int) domain.Evaluasi { return domain.Evaluasi{Kind: domain.EvalPeriodik, Period: p} }
	for _, tc := range []struct {
		name string
		s    domain.SKP
		e    domain.Evaluasi
		f    domain.Frequency
		want int
	}{
		{"full year, tahunan", full, tahunan, domain.Triwulanan, 12},
		{"full year, triwulan II", full, per(2), domain.Triwulanan, 3},
		{"full year, Maret", full, per(3), domain.Bulanan, 1},
		{"mid-year SKP, tahunan", mid, tahunan, domain.Triwulanan, 6},
		{"mid-year SKP, triwulan II", mid, per(2), domain.Triwulanan, 0},
		{"mid-year SKP, triwulan III", mid, per(3), domain.Triwulanan, 3},
		{"mid-year SKP, Juni", mid, per(6), domain.Bulanan, 0},
		{"mid-year SKP, Juli", mid, per(7), domain.Bulanan, 1},
		{"first half SKP, tahunan", early, tahunan, domain.Triwulanan, 6},
		{"first half SKP, triwulan IV", early, per(4), domain.Triwulanan, 0},
		{"from 15 Agustus, tahunan", mid15, tahunan, domain.Triwulanan, 5},
		{"from 15 Agustus, triwulan III", mid15, per(3), domain.Triwulanan, 2},
	} {
		if got := domain.EvalMonths(tc.s, tc.e, tc.f); got != tc.want {
			t.Errorf("%s: EvalMonths = %d, want %d", tc.name, got, tc.want)
		}
	}
	// A mid-year JF's annual AK is pro-rated: Ahli Pertama + Baik, 6 months = 6,25 (§6).
	e := domain.Evaluasi{Kind: domain.EvalTahunan, RatingHasil: domain.Sesuai, RatingPerilaku: domain.DiAtas}
	peg := domain.PersonSnapshot{EmployeeID: 10, JF: true, Jenjang: domain.AhliPertama}
	if err := domain.FinalizeEvaluasi(&e, mid, domain.PersonSnapshot{}, peg, "penilai", skpNow, domain.DefaultSKPSettings()); err != nil ||
		e.AK.String() != "6,25" || e.AK.Months != 6 {
		t.Errorf("mid-year AK: %v %+v", err, e.AK)
	}
}

func TestHeadRatingSettings(t *testing.T) {
	t.Parallel()
	set := domain.DefaultSKPSettings()
	if set.Frequency != domain.Triwulanan || set.BuktiMaxSize != 5<<20 {
		t.Errorf("defaults: %+v", set)
	}
	// §6: Istimewa → Di Atas; Butuh Perbaikan → Di Bawah (K5).
	for org, want := range map[domain.OrgPredikat]domain.Rating{
		domain.OrgIstimewa: domain.DiAtas, domain.OrgBaik: domain.Sesuai, domain.OrgButuhPerbaikan: domain.DiBawah,
		domain.OrgKurang: domain.DiBawah, domain.OrgSangatKurang: domain.DiBawah,
	} {
		if got := domain.HeadRating(set, org); got != want {
			t.Errorf("HeadRating(%s) = %s, want %s", org, got, want)
		}
		if got := domain.HeadRating(domain.SKPSettings{}, org); got != want {
			t.Errorf("empty settings, HeadRating(%s) = %s: falls back to K5", org, got)
		}
	}
	set.HeadRating = map[domain.OrgPredikat]domain.Rating{domain.OrgBaik: domain.DiAtas, domain.OrgKurang: 0}
	if domain.HeadRating(set, domain.OrgBaik) != domain.DiAtas || domain.HeadRating(set, domain.OrgKurang) != domain.DiBawah {
		t.Error("an edited mapping applies; a zero entry falls back to K5")
	}
	if domain.HeadRating(set, "") != 0 {
		t.Error("no unit predikat: no head rating")
	}
}

package tui

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
)

// bigSKP stores a large SKP of Siti (employee 2) rated by Bambang: 30 RHK
// with 120 indicators, a rencana aksi and realisasi for every RHK and
// quarter, 200 umpan balik entries and 12 dialogs — a busy year of a
// pelaksana, the size issue 6 budgets for.
func bigSKP(repo *fakeRepo, k *fakeKinerja) uint64 {
	siti, bambang := repo.emps[2], repo.emps[1]
	s := domain.NewSKP(siti, 2026, domain.Snapshot(bambang, "Sekretariat"), domain.PersonSnapshot{}, "Sekretariat", fixedNow())
	s.Status, s.Approved = domain.SKPDisetujui, fixedNow()
	words := "menyusun dokumen laporan layanan administrasi kecamatan yang tertib akurat dan tepat waktu sesuai ketentuan"
	for i := 0; i < 30; i++ {
		r := domain.RHK{ID: s.NewID(), Kategori: domain.RHKUtama, Text: "Terlaksananya kegiatan " + strconv.Itoa(i+1) + ": " + words,
			Intervensi: "Meningkatnya kualitas " + words, PenugasanDari: "Camat"}
		if i%3 == 2 {
			r.Kategori = domain.RHKTambahan
		}
		for j := 0; j < 4; j++ {
			r.Indikator = append(r.Indikator, domain.Indikator{ID: s.NewID(), Aspek: domain.Aspeks()[j],
				IKI: "Persentase " + words + " indikator " + strconv.Itoa(j+1), Target: strconv.Itoa(10 * (j + 1)), Satuan: "Dokumen"})
		}
		s.RHK = append(s.RHK, r)
	}
	for i := range s.Ekspektasi {
		s.Ekspektasi[i] = "Diharapkan " + words
	}
	s.Lampiran = domain.Lampiran{DukunganSumberDaya: []string{"Komputer", "Jaringan internet"},
		SkemaPertanggungjawaban: []string{"Laporan bulanan kepada Camat"}, Konsekuensi: []string{"Sesuai ketentuan"}}
	id := k.put(s)
	for _, r := range s.RHK {
		for p := 1; p <= 4; p++ {
			wid := k.nextID()
			k.work[wid] = &domain.PeriodWork{ID: wid, SKPID: id, RHKID: r.ID, Period: p, RencanaAksi: "Rencana aksi " + words,
				Target: "1 Dokumen", Realisasi: "Realisasi " + words,
				Bukti: []domain.Bukti{{ID: k.nextID(), Kind: domain.BuktiReferensi, Name: "Nota dinas", Ref: "800/" + strconv.Itoa(p)}}}
		}
	}
	for i := 0; i < 200; i++ {
		k.feedback = append(k.feedback, domain.Feedback{ID: k.nextID(), SKPID: id, Target: domain.FeedbackTarget{RHKID: s.RHK[i%30].ID},
			Period: i%4 + 1, AuthorID: 1, AuthorName: bambang.FullName(), Text: "Umpan balik " + words, Time: fixedNow().Add(-time.Duration(i) * time.Hour)})
	}
	for i := 0; i < 12; i++ {
		d := domain.Dialog{ID: k.nextID(), SKPID: id, Date: domain.Date{Year: 2026, Month: time.Month(i + 1), Day: 10},
			Kind: domain.DialogUmpanBalik, Peserta: []string{bambang.FullName(), siti.FullName()}, Notes: "Catatan " + words,
			Topics: []domain.FeedbackTarget{{RHKID: s.RHK[i].ID}, {Value: i%7 + 1}}}
		for j := 0; j < 3; j++ {
			d.Kesepakatan = append(d.Kesepakatan, domain.Kesepakatan{ID: k.nextID(), Text: "Kesepakatan " + words, Owner: siti.FullName(),
				Due: d.Date.AddMonths(1), Status: domain.KesepakatanBelum})
		}
		k.dialogs = append(k.dialogs, d)
	}
	return id
}

// BenchmarkOpenSKP measures opening an SKP: reading the file, laying out
// the screen with every tab, and drawing the first view (budget 10 ms).
func BenchmarkOpenSKP(b *testing.B) {
	repo := newFakeRepo()
	o, us, es, rs := testDemo(0, 0)
	if err := repo.LoadDemoOffice(context.Background(), o, us, es, rs); err != nil {
		b.Fatal(err)
	}
	k := newFakeKinerja(repo)
	id := bigSKP(repo, k)
	c := &Common{Repo: repo, Kinerja: k, Now: fixedNow, Styles: NewStyles(DefaultPalette()), Ctx: context.Background()}
	c.Base = c.Ctx
	c.login(repo.accounts[902]) // the penilai
	rows, _ := repo.ListRows(c.Ctx)
	units, _ := repo.Units(c.Ctx)
	c.setData(dataLoadedMsg{office: o, hasOffice: true, hasAccounts: true, units: units, rows: rows})
	b.ReportAllocs()
	for b.Loop() {
		s := newSKPScreen(c, id)
		s.SetSize(95, 28)
		msg := s.Init()()
		if t, ok := msg.(taggedMsg); ok {
			msg = t.msg
		}
		drain(s, s.Update(msg))
		v := s.View()
		if !strings.Contains(v, "RHK 1 · Utama") {
			b.Fatalf("screen not drawn:\n%s", v)
		}
	}
}

// drain runs the Cmds a screen returns, delivering what they produce back
// to it, as the program would.
func drain(s Screen, cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch m := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, m...)
		case taggedMsg:
			queue = append(queue, s.Update(m.msg))
		}
	}
}

package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"asndesk/domain"
	"asndesk/domain/doc"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
)

var (
	ctrlP = tea.KeyMsg{Type: tea.KeyCtrlP}
	ctrlE = tea.KeyMsg{Type: tea.KeyCtrlE}
)

// withDocs is the test office logged in as user with the fake DocsRepo
// wired and the home folder pinned, so paths in goldens never move.
func withDocs(t *testing.T, user string) (*harness, *fakeDocs) {
	t.Helper()
	home := docsHome
	docsHome = func() string { return "/home/kantor/asndesk" }
	t.Cleanup(func() { docsHome = home })
	h := withDemoAs(t, 120, 36, user)
	fd := newFakeDocs()
	h.m.c.Docs = fd
	return h, fd
}

func topDialog(t *testing.T, h *harness) *docsDialog {
	t.Helper()
	d, ok := h.m.top().(*docsDialog)
	if !ok {
		t.Fatalf("no print/export dialog on top:\n%s", h.view())
	}
	return d
}

func pdfTables(d doc.Document) []*doc.Table {
	var out []*doc.Table
	for _, b := range d.Blocks {
		if t, ok := b.(*doc.Table); ok {
			out = append(out, t)
		}
	}
	return out
}

// docsText is every cell, field and paragraph of a document, to look for
// what a reader would.
func docsText(d doc.Document) string {
	parts := append([]string{d.Title}, d.Subtitle...)
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *doc.Heading:
			parts = append(parts, b.Text)
		case *doc.Para:
			parts = append(parts, b.Text)
		case *doc.Fields:
			for _, r := range b.Rows {
				parts = append(parts, r[0], r[1])
			}
		case *doc.Table:
			for _, c := range b.Columns {
				parts = append(parts, c.Title)
			}
			for _, r := range b.Rows {
				parts = append(parts, r...)
			}
		}
	}
	return strings.Join(parts, "\n")
}

func TestDocsPrint(t *testing.T) {
	t.Run("DUK prints the rows on screen into the home folder", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		h.send(forceAreaMsg{areaDUK})
		requireContains(t, footerOf(t, h), "Ctrl+P Cetak", "Ctrl+E Ekspor")
		h.send(ctrlP)
		d := topDialog(t, h)
		want := filepath.Join("/home/kantor/asndesk", doc.FileName(fileName(doc.DUK(nil, h.m.c.docOpts()), h.m.c.today()))+".pdf")
		if got := d.form.get("path").value(); got != want {
			t.Fatalf("path = %q, want %q", got, want)
		}
		requireContains(t, flat(h.view()), "Kop surat dan kertas: menu Impor & ekspor → Kop surat & kertas cetak.")
		golden.RequireEqual(t, []byte(h.view()))
		h.keys("enter")
		p := fd.lastPDF()
		if p.path != want || len(p.docs) != 1 || p.docs[0].Kind != doc.KindDUK {
			t.Fatalf("printed %q %d docs", p.path, len(p.docs))
		}
		// The PNS of the office (Yohanes is PPPK, Hartono pensiun).
		text := docsText(p.docs[0])
		requireContains(t, text, "Bambang", "Siti Aminah")
		requireAbsent(t, text, "Yohanes", "Hartono")
		if _, ok := h.m.top().(*dukScreen); !ok {
			t.Fatalf("the dialog should close after printing:\n%s", h.view())
		}
		requireContains(t, h.view(), "Tersimpan: "+want)
	})

	t.Run("a file that exists gets a new name, never overwritten", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		h.send(forceAreaMsg{areaDUK})
		h.send(ctrlP)
		h.keys("enter")
		first := fd.lastPDF().path
		h.send(ctrlP)
		h.keys("enter")
		second := fd.lastPDF().path
		if second != strings.TrimSuffix(first, ".pdf")+" (2).pdf" {
			t.Fatalf("second print went to %q after %q", second, first)
		}
		requireContains(t, h.view(), "Tersimpan: "+second)
	})

	t.Run("Esc closes the dialog and the screen is as it was", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		h.send(forceAreaMsg{areaNominatif})
		s := h.m.top().(*nominatifScreen)
		s.form.focusKey("kind")
		h.keys("right", "right", "right") // PPPK
		s.form.focusKey("usia_min")
		h.typeText("30")
		before := h.view()
		h.send(ctrlP)
		h.keys("ctrl+u")
		h.typeText("/tmp/lain.pdf")
		h.keys("esc")
		if h.m.top() != s {
			t.Fatalf("Esc should return to the nominatif:\n%s", h.view())
		}
		if after := h.view(); after != before {
			t.Fatalf("the screen changed under the dialog:\nbefore\n%s\nafter\n%s", before, after)
		}
		if s.form.get("usia_min").value() != "30" || len(fd.pdfs) != 0 {
			t.Fatal("Esc lost the filter or printed")
		}
	})

	t.Run("nominatif prints the chosen columns and the filter", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		h.send(forceAreaMsg{areaNominatif})
		s := h.m.top().(*nominatifScreen)
		s.form.focusKey("kind")
		h.keys("right") // PNS
		h.send(ctrlP)
		h.keys("enter")
		p := fd.lastPDF()
		if len(p.docs) != 1 || p.docs[0].Kind != doc.KindNominatif {
			t.Fatalf("printed %+v", p)
		}
		text := docsText(p.docs[0])
		requireContains(t, text, "Bambang", "Siti Aminah", "Jenis pegawai: PNS")
		requireAbsent(t, text, "Yohanes")
	})

	t.Run("the profile prints as DRH or biodata singkat", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		h.send(pushMsg{newEmployeeDetail(h.m.c, 2)})
		requireContains(t, footerOf(t, h), "Ctrl+P Cetak")
		h.send(ctrlP)
		d := topDialog(t, h)
		drhPath := d.form.get("path").value()
		h.keys("right") // Biodata singkat
		if d.form.get("path").value() == drhPath {
			t.Fatalf("the path should follow the choice: %q", drhPath)
		}
		golden.RequireEqual(t, []byte(h.view()))
		h.keys("enter")
		p := fd.lastPDF()
		if len(p.docs) != 1 || p.docs[0].Kind != doc.KindDRHSingkat {
			t.Fatalf("printed %+v", p)
		}
		requireContains(t, docsText(p.docs[0]), "Siti Aminah")
	})

	t.Run("a typed path is kept when the choice changes", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		h.send(pushMsg{newEmployeeDetail(h.m.c, 2)})
		h.send(ctrlP)
		h.keys("tab", "ctrl+u")
		h.typeText("/tmp/siti")
		h.keys("shift+tab", "right", "enter")
		if p := fd.lastPDF(); p.path != "/tmp/siti.pdf" || p.docs[0].Kind != doc.KindDRHSingkat {
			t.Fatalf("printed to %q", p.path)
		}
	})

	t.Run("the buttons answer the mouse", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		h.send(forceAreaMsg{areaDUK})
		click := func(label string) {
			t.Helper()
			for y, l := range strings.Split(h.view(), "\n") {
				if i := strings.Index(l, label); i >= 0 {
					h.click(width(l[:i])+2, y)
					return
				}
			}
			t.Fatalf("no %q on screen:\n%s", label, h.view())
		}
		h.send(ctrlP)
		click("[ Batal (Esc) ]")
		if _, ok := h.m.top().(*dukScreen); !ok || len(fd.pdfs) != 0 {
			t.Fatalf("Batal should close the dialog:\n%s", h.view())
		}
		h.send(ctrlP)
		click("[ Cetak (Enter) ]")
		if len(fd.pdfs) != 1 {
			t.Fatalf("Cetak should print:\n%s", h.view())
		}
	})

	t.Run("a relative path is saved as a full path", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		h.send(forceAreaMsg{areaDUK})
		h.send(ctrlP)
		h.keys("ctrl+u")
		h.typeText("duk")
		h.keys("enter")
		want, _ := filepath.Abs("duk.pdf")
		if p := fd.lastPDF().path; p != want {
			t.Fatalf("printed to %q, want %q", p, want)
		}
	})

	t.Run("an error stays in the dialog", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		fd.fail = domain.Errorf(domain.EINVALID, "Folder /home/kantor/asndesk tidak dapat ditulisi.")
		h.send(forceAreaMsg{areaDUK})
		h.send(ctrlP)
		h.keys("enter")
		topDialog(t, h)
		requireContains(t, h.view(), "! Folder /home/kantor/asndesk tidak dapat ditulisi.")
	})

	t.Run("without printing wired the keys are not offered", func(t *testing.T) {
		h, _ := withDocs(t, "admin")
		h.m.c.Docs = nil
		h.send(forceAreaMsg{areaDUK})
		requireAbsent(t, footerOf(t, h), "Ctrl+P")
		h.send(ctrlP)
		if _, ok := h.m.top().(*dukScreen); !ok {
			t.Fatal("Ctrl+P opened something without DocsRepo")
		}
	})
}

// dialogText is the dialog box's text with its borders gone and lines
// joined, to find a note however it wrapped.
func dialogText(t *testing.T, h *harness) string {
	t.Helper()
	return flat(strings.ReplaceAll(topDialog(t, h).box(), "│", ""))
}

func TestDocsExport(t *testing.T) {
	t.Run("nominatif exports the columns shown as XLSX or CSV", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		h.send(forceAreaMsg{areaNominatif})
		h.send(ctrlE)
		d := topDialog(t, h)
		if p := d.form.get("path").value(); !strings.HasSuffix(p, ".xlsx") {
			t.Fatalf("path %q", p)
		}
		golden.RequireEqual(t, []byte(h.view()))
		d.form.focusKey("format")
		h.keys("right")
		if p := d.form.get("path").value(); !strings.HasSuffix(p, ".csv") {
			t.Fatalf("CSV path %q", p)
		}
		h.keys("enter")
		x := fd.lastSheets()
		if x.format != "csv" || len(x.sheets) != 1 || !strings.HasSuffix(x.path, ".csv") {
			t.Fatalf("exported %+v", x)
		}
		sh := x.sheets[0]
		if strings.Join(sh.Columns, "|") == "" || len(sh.Rows) != 3 {
			t.Fatalf("sheet columns %q, %d rows", sh.Columns, len(sh.Rows))
		}
		requireContains(t, strings.Join(sh.Columns, "|"), "Nama", "Unit kerja")
		requireContains(t, h.view(), "Tersimpan: "+x.path)
	})

	t.Run("the employee list exports the profiles shown", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		h.send(forceAreaMsg{areaEmployees})
		requireContains(t, footerOf(t, h), "Ctrl+E Ekspor")
		h.typeText("siti")
		h.send(ctrlE)
		h.keys("enter")
		x := fd.lastSheets()
		if x.format != "xlsx" || len(x.sheets) != 1 || len(x.sheets[0].Rows) != 1 {
			t.Fatalf("exported %+v", x)
		}
		requireContains(t, strings.Join(x.sheets[0].Rows[0], "|"), "198609262015052001")
	})

	t.Run("the employee export says it writes every profile column", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		h.send(forceAreaMsg{areaEmployees})
		h.send(ctrlE)
		n := len(doc.EmployeeColumns())
		requireContains(t, dialogText(t, h), "Pegawai yang tampil di daftar, dengan semua kolom profil pegawai ("+itoa(n)+" kolom; dapat diimpor kembali).")
		requireAbsent(t, dialogText(t, h), "seperti di layar")
		h.keys("enter")
		if got := len(fd.lastSheets().sheets[0].Columns); got != n {
			t.Fatalf("the file has %d columns, the dialog says %d", got, n)
		}
	})

	t.Run("choosing CSV says it is not for Excel", func(t *testing.T) {
		h, _ := withDocs(t, "admin")
		h.send(forceAreaMsg{areaDUK})
		h.send(ctrlE)
		d := topDialog(t, h)
		requireAbsent(t, dialogText(t, h), "1,98E+17")
		d.form.focusKey("format")
		requireContains(t, dialogText(t, h), "XLSX untuk dibuka di Excel; CSV untuk sistem lain.")
		h.keys("right")
		requireContains(t, dialogText(t, h), "CSV (dipisah koma) untuk sistem lain.", `Excel berbahasa Indonesia mengharapkan ";"`,
			"1,98E+17", "untuk dibuka di Excel pilih XLSX.")
		golden.RequireEqual(t, []byte(h.view()))
	})

	t.Run("pengingat exports the tab shown", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		h.send(forceAreaMsg{areaReminders})
		h.send(ctrlE)
		h.keys("enter")
		if x := fd.lastSheets(); len(x.sheets) != 1 {
			t.Fatalf("exported %+v", x)
		}
		h.send(ctrlP)
		h.keys("enter")
		if p := fd.lastPDF(); len(p.docs) != 1 || p.docs[0].Kind != doc.KindPengingat {
			t.Fatalf("printed %+v", p)
		}
	})
}

// twoSKPs stores the SKPs of Siti (Sekretariat) and Yohanes (Seksi
// Pemerintahan), each with a final annual evaluation for Siti only.
func twoSKPs(h *harness) (siti, yohanes uint64) {
	siti = h.kin.put(planSKP(h, 2, domain.SKPDisetujui))
	yohanes = h.kin.put(planSKP(h, 3, domain.SKPDisetujui))
	finalEval(h, siti, domain.EvalTahunan, 0)
	return siti, yohanes
}

func TestDocsSKP(t *testing.T) {
	t.Run("the SKP screen prints the evaluation under the cursor", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		id, _ := twoSKPs(h)
		finalEval(h, id, domain.EvalPeriodik, 4)
		h.send(pushMsg{newSKPScreen(h.m.c, id)})
		s := skpScreenTop(h)
		for i, tb := range s.tabs {
			if tb.Title() == "Evaluasi" {
				s.setTab(i)
			}
		}
		requireContains(t, footerOf(t, h), "Ctrl+P Cetak")
		h.send(ctrlP)
		d := topDialog(t, h)
		if v := d.form.get("what").value(); v != "Evaluasi Triwulan IV" {
			t.Fatalf("chosen %q, want the evaluation under the cursor", v)
		}
		requireContains(t, strings.Join(d.form.get("what").options, "|"), "SKP|", "Evaluasi Tahunan")
		h.keys("enter")
		p := fd.lastPDF()
		if len(p.docs) != 1 || p.docs[0].Kind != doc.KindEvaluasi {
			t.Fatalf("printed %+v", p)
		}
		h.send(ctrlP)
		h.keys("left") // from Triwulan IV back to the SKP
		h.keys("enter")
		if p := fd.lastPDF(); p.docs[0].Kind != doc.KindSKP || !strings.Contains(docsText(p.docs[0]), "Terkelolanya jaringan") {
			t.Fatalf("printed %+v", p.docs[0].Kind)
		}
	})

	t.Run("the dialog tab prints the dialog under the cursor", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		id, _ := twoSKPs(h)
		h.kin.dialogs = append(h.kin.dialogs, domain.Dialog{ID: h.kin.nextID(), SKPID: id, Date: domain.Date{Year: 2026, Month: 10, Day: 5},
			Kind: domain.DialogCoaching, Notes: "Membahas capaian triwulan III."})
		h.send(pushMsg{newSKPScreen(h.m.c, id)})
		s := skpScreenTop(h)
		for i, tb := range s.tabs {
			if tb.Title() == "Dialog kinerja" {
				s.setTab(i)
			}
		}
		h.send(ctrlP)
		if v := topDialog(t, h).form.get("what").value(); v != "Catatan dialog 05-10-2026" {
			t.Fatalf("chosen %q", v)
		}
		h.keys("enter")
		if p := fd.lastPDF(); p.docs[0].Kind != doc.KindDialog {
			t.Fatalf("printed %+v", p.docs[0].Kind)
		}
	})

	t.Run("batch print of a unit with progress", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		twoSKPs(h)
		openKinerja(h)
		// Admin's footer keeps every key and F1, F10 at 120 columns.
		requireContains(t, footerOf(t, h), "F8 Lainnya", "Ctrl+P Cetak", "Ctrl+E Ekspor")
		h.send(ctrlP)
		d := topDialog(t, h)
		if d.Title() != "Cetak kumpulan" {
			t.Fatalf("title %q", d.Title())
		}
		golden.RequireEqual(t, []byte(h.view()))
		// Run the job step by step: the bar shows the second SKP loading.
		_, cmd := h.m.Update(keyMsg("enter"))
		_, next := h.m.Update(cmd())
		_, next = h.m.Update(next())
		requireContains(t, h.view(), "Memuat SKP 2 dari 2", "50%", "Esc membatalkan")
		// One Esc in the footer while the job runs.
		if f := footerOf(t, h); strings.Count(f, "Esc ") != 1 {
			t.Fatalf("footer during the batch: %s", f)
		}
		t.Run("progress", func(t *testing.T) { golden.RequireEqual(t, []byte(h.view())) })
		h.run(next)
		p := fd.lastPDF()
		if len(p.docs) != 2 || p.docs[0].Kind != doc.KindSKP || p.path != "/home/kantor/asndesk/SKP 2026 semua unit.pdf" {
			t.Fatalf("printed %q %d docs", p.path, len(p.docs))
		}
		requireContains(t, h.view(), "Tersimpan: /home/kantor/asndesk/SKP 2026 semua unit.pdf (2 dokumen)")
	})

	t.Run("batch of one unit's annual evaluations skips SKPs without one", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		twoSKPs(h)
		openKinerja(h)
		h.send(ctrlP)
		h.keys("right")        // Sekretariat
		h.keys("tab", "right") // Evaluasi tahunan
		if p := topDialog(t, h).form.get("path").value(); p != "/home/kantor/asndesk/Evaluasi tahunan 2026 Sekretariat.pdf" {
			t.Fatalf("path %q", p)
		}
		h.keys("enter")
		p := fd.lastPDF()
		if len(p.docs) != 1 || p.docs[0].Kind != doc.KindEvaluasi {
			t.Fatalf("printed %d docs", len(p.docs))
		}
		requireContains(t, h.view(), "(1 dokumen)")
		// Seksi Pemerintahan has no annual evaluation: said, nothing written.
		h.send(ctrlP)
		h.keys("right", "right", "tab", "right", "enter")
		requireContains(t, h.view(), "Belum ada Evaluasi tahunan pada SKP 2026 untuk Seksi Pemerintahan.")
		if len(fd.pdfs) != 1 {
			t.Fatal("an empty batch wrote a file")
		}
	})

	t.Run("the batch offers the periods of the office's cycle", func(t *testing.T) {
		h, _ := withDocs(t, "admin")
		twoSKPs(h)
		openKinerja(h)
		h.send(ctrlP)
		what := strings.Join(topDialog(t, h).form.get("what").options, "|")
		requireContains(t, what, "Evaluasi Triwulan I|", "Evaluasi Triwulan IV", "Catatan dialog kinerja")
		requireAbsent(t, what, "Januari", "Desember")
		h.keys("esc")
		set := domain.DefaultSKPSettings()
		set.Frequency = domain.Bulanan
		h.kin.settings = &set
		h.send(ctrlP)
		what = strings.Join(topDialog(t, h).form.get("what").options, "|")
		requireContains(t, what, "Evaluasi Januari", "Evaluasi Desember", "Catatan dialog kinerja")
		requireAbsent(t, what, "Triwulan")
	})

	t.Run("a batch of dialog notes, and the whole path under a long one", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		siti, _ := twoSKPs(h)
		openKinerja(h)
		h.send(ctrlP)
		h.keys("tab", "left") // the last document: Catatan dialog kinerja
		d := topDialog(t, h)
		want := "/home/kantor/asndesk/Catatan dialog kinerja 2026 semua unit.pdf"
		if p := d.form.get("path").value(); p != want {
			t.Fatalf("path %q", p)
		}
		// The field is too narrow for it: it shows the start, and the
		// whole path is written under the buttons.
		if w := d.form.get("path").input.Width; len(want) <= w {
			t.Fatalf("the path fits (%d ≤ %d): this test needs a longer one", len(want), w)
		}
		for _, l := range strings.Split(h.view(), "\n") {
			if strings.Contains(l, "Simpan ke") && !strings.Contains(l, "Simpan ke             /home/kantor/asndesk/Catatan dialog") {
				t.Fatalf("the field should show the start of the path:\n%s", l)
			}
		}
		requireContains(t, dialogText(t, h), "Berkas: "+want)
		golden.RequireEqual(t, []byte(h.view()))
		// No SKP has a dialog yet: said, nothing written.
		h.keys("enter")
		requireContains(t, flat(h.view()), "Belum ada catatan dialog kinerja pada SKP 2026 untuk semua unit.")
		if len(fd.pdfs) != 0 {
			t.Fatal("an empty batch wrote a file")
		}
		h.keys("esc")
		h.kin.dialogs = append(h.kin.dialogs, domain.Dialog{ID: h.kin.nextID(), SKPID: siti, Date: domain.Date{Year: 2026, Month: 4, Day: 9},
			Kind: domain.DialogCoaching, Notes: "Membahas rencana triwulan II."})
		h.send(ctrlP)
		h.keys("tab", "left", "enter")
		p := fd.lastPDF()
		if len(p.docs) != 1 || p.docs[0].Kind != doc.KindDialog || p.path != want {
			t.Fatalf("printed %q %d docs", p.path, len(p.docs))
		}
		requireContains(t, docsText(p.docs[0]), "Membahas rencana triwulan II.")
	})

	t.Run("Esc cancels a running batch", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		twoSKPs(h)
		openKinerja(h)
		list := h.m.top()
		h.send(ctrlP)
		_, cmd := h.m.Update(keyMsg("enter"))
		h.keys("esc")
		if h.m.top() != list {
			t.Fatalf("Esc should close the dialog:\n%s", h.view())
		}
		requireContains(t, h.view(), "Dibatalkan; tidak ada berkas yang disimpan.")
		done := make(chan tea.Msg)
		go func() { done <- cmd() }()
		select {
		case msg := <-done:
			h.send(msg) // dropped: its dialog is gone
		case <-time.After(5 * time.Second):
			t.Fatal("the cancelled job never returned")
		}
		if len(fd.pdfs) != 0 {
			t.Fatal("a cancelled batch wrote a file")
		}
	})

	t.Run("the Kinerja list footer fits at 120 columns with Cetak and Ekspor", func(t *testing.T) {
		h, _ := withDocs(t, "admin")
		twoSKPs(h)
		for _, user := range []string{"admin", "pimpinan", "penilai"} {
			if user != "admin" {
				relogin(h, user)
			}
			openKinerja(h)
			requireContains(t, footerOf(t, h), "Ctrl+P Cetak", "Ctrl+E Ekspor")
		}
	})

	t.Run("the evaluations list and monitoring export", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		twoSKPs(h)
		openKinerja(h)
		h.send(ctrlE)
		h.keys("enter")
		x := fd.lastSheets()
		if len(x.sheets) != 1 || x.path != "/home/kantor/asndesk/Evaluasi kinerja 2026.xlsx" {
			t.Fatalf("exported %+v", x)
		}
		h.send(pushMsg{newMonitorScreen(h.m.c)})
		requireContains(t, footerOf(t, h), "Ctrl+E Ekspor")
		h.send(ctrlE)
		h.keys("enter")
		if x := fd.lastSheets(); !strings.HasPrefix(filepath.Base(x.path), "Monitoring SKP 2026") {
			t.Fatalf("exported %+v", x)
		}
	})
}

func TestDocsMerit(t *testing.T) {
	h, fm := withMerit(t, "admin")
	fd := newFakeDocs()
	h.m.c.Docs = fd
	id := fm.put(meritAssessment(domain.StageMandiri, allLevels(3)))
	h.send(pushMsg{newMeritScreen(h.m.c, id)})
	requireContains(t, footerOf(t, h), "Ctrl+P Cetak", "Ctrl+E Ekspor")
	h.send(ctrlP)
	h.keys("enter")
	if p := fd.lastPDF(); len(p.docs) != 1 || p.docs[0].Kind != doc.KindMerit {
		t.Fatalf("printed %+v", p)
	}
	h.send(ctrlE)
	h.keys("enter")
	if x := fd.lastSheets(); len(x.sheets) != 1 || !strings.HasPrefix(filepath.Base(x.path), "Jawaban sistem merit 2026") {
		t.Fatalf("exported %+v", x)
	}
}

// pngLogo is the start of a PNG file and some bytes: enough for the kop
// screen, which only checks the signature and the size.
var pngLogo = append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 34*1024-8)...)

func TestKopScreen(t *testing.T) {
	t.Run("Admin edits the kop, loads and removes the logo, and saves", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		fd.files["/home/kantor/logo.png"] = pngLogo
		fd.files["/home/kantor/surat.txt"] = []byte("bukan gambar")
		h.send(pushMsg{newKopScreen(h.m.c)})
		golden.RequireEqual(t, []byte(h.view()))
		s := h.m.top().(*kopScreen)
		s.form.focusKey("line3")
		h.typeText("SEKRETARIAT")
		s.form.focusKey("logo")
		h.typeText("/home/kantor/surat.txt")
		h.keys("enter")
		requireContains(t, h.view(), "Berkas itu bukan gambar PNG atau JPEG.")
		h.keys("ctrl+u")
		h.typeText("/home/kantor/logo.png")
		h.keys("enter")
		requireContains(t, h.view(), "Logo: 34 KB PNG")
		s.form.focusKey("paper:" + string(doc.KindDUK))
		h.keys("right", "right") // A4 mendatar → F4 tegak → F4 mendatar
		if !s.Dirty() {
			t.Fatal("edits should make the kop dirty")
		}
		h.keys("ctrl+s")
		requireContains(t, h.view(), "Kop surat disimpan dengan logo 34 KB PNG.")
		k := fd.kop
		if strings.Join(k.Lines, "|") != "PEMERINTAH KABUPATEN CONTOH|KECAMATAN CONTOH|SEKRETARIAT" || k.LogoType != "png" || len(k.Logo) != len(pngLogo) {
			t.Fatalf("saved %q logo %s %d", k.Lines, k.LogoType, len(k.Logo))
		}
		if p := k.PaperFor(doc.KindDUK); p != (doc.Paper{Size: doc.F4, Landscape: true}) {
			t.Fatalf("DUK paper %+v", p)
		}
		h.keys("f8")
		requireContains(t, h.view(), "Logo: tidak ada")
		h.keys("ctrl+s")
		if fd.kop.Logo != nil || fd.saved != 2 {
			t.Fatal("the logo was not removed")
		}
	})

	t.Run("Ctrl+S loads a typed logo before saving", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		fd.files["/home/kantor/logo.png"] = pngLogo
		h.send(pushMsg{newKopScreen(h.m.c)})
		s := h.m.top().(*kopScreen)
		s.form.focusKey("logo")
		h.typeText("/home/kantor/logo.png")
		h.keys("tab")
		// Away from the field, the line under it says the logo is not in.
		requireContains(t, h.view(), "⚠ Belum dimuat: tekan Enter (Ctrl+S juga memuatnya).")
		golden.RequireEqual(t, []byte(h.view()))
		h.keys("ctrl+s")
		if fd.saved != 1 || len(fd.kop.Logo) != len(pngLogo) || fd.kop.LogoType != "png" {
			t.Fatalf("saved %d times, logo %d bytes", fd.saved, len(fd.kop.Logo))
		}
		requireContains(t, h.view(), "Kop surat disimpan dengan logo 34 KB PNG.", "Logo: 34 KB PNG")
		requireAbsent(t, h.view(), "Belum dimuat")
		if s.Dirty() {
			t.Fatal("the kop is saved: nothing should be left unsaved")
		}
	})

	t.Run("a typed logo that cannot be loaded stops the save", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		fd.files["/home/kantor/surat.txt"] = []byte("bukan gambar")
		h.send(pushMsg{newKopScreen(h.m.c)})
		s := h.m.top().(*kopScreen)
		s.form.focusKey("logo")
		h.typeText("/home/kantor/surat.txt")
		h.keys("tab", "ctrl+s")
		if fd.saved != 0 {
			t.Fatal("the kop was saved without the typed logo")
		}
		requireContains(t, h.view(), "✗ Berkas itu bukan gambar PNG atau JPEG.", "Kop surat belum disimpan: logo tidak dapat dimuat.", "Logo: tidak ada")
		if v := s.form.get("logo").value(); v != "/home/kantor/surat.txt" {
			t.Fatalf("the typed path is gone: %q", v)
		}
		// Typing again clears the message; emptying the field saves
		// without a logo.
		s.form.focusKey("logo")
		h.keys("ctrl+u")
		requireAbsent(t, h.view(), "✗ Berkas itu bukan gambar")
		h.keys("ctrl+s")
		if fd.saved != 1 || fd.kop.Logo != nil {
			t.Fatalf("saved %d times, logo %d bytes", fd.saved, len(fd.kop.Logo))
		}
	})

	t.Run("a sample page prints on the chosen kind's paper", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		h.send(pushMsg{newKopScreen(h.m.c)})
		h.send(ctrlP)
		d := topDialog(t, h)
		// On the kop screen itself the dialog does not send the user to it.
		requireAbsent(t, dialogText(t, h), "Kop surat dan kertas: menu")
		h.keys("right", "right", "right", "right", "right") // DUK
		if v := d.form.get("what").value(); v != "Daftar Urut Kepangkatan (DUK) · A4 mendatar" {
			t.Fatalf("chosen %q", v)
		}
		h.keys("enter")
		p := fd.lastPDF()
		if len(p.docs) != 1 || p.docs[0].Kind != doc.KindDUK || p.path != "/home/kantor/asndesk/Contoh kop surat.pdf" {
			t.Fatalf("printed %+v", p)
		}
		if _, ok := h.m.top().(*kopScreen); !ok {
			t.Fatal("should be back on the kop screen")
		}
	})

	t.Run("unsaved edits must be saved before the sample", func(t *testing.T) {
		h, fd := withDocs(t, "admin")
		h.send(pushMsg{newKopScreen(h.m.c)})
		h.typeText("X")
		h.send(ctrlP)
		requireContains(t, h.view(), "Simpan perubahan dulu")
		if _, ok := h.m.top().(*kopScreen); !ok || len(fd.pdfs) != 0 {
			t.Fatal("sample printed with unsaved edits")
		}
	})

	t.Run("others read the kop and cannot change it", func(t *testing.T) {
		h, fd := withDocs(t, "pimpinan")
		h.send(pushMsg{newKopScreen(h.m.c)})
		requireContains(t, h.view(), "hanya Admin yang dapat mengubah kop surat", "KECAMATAN CONTOH")
		h.typeText("X")
		h.keys("ctrl+s")
		if fd.saved != 0 || h.m.top().Dirty() {
			t.Fatal("a non-admin changed the kop")
		}
		requireAbsent(t, footerOf(t, h), "Ctrl+S")
	})
}

func TestProgressBar(t *testing.T) {
	for _, c := range []struct {
		pct  float64
		want string
	}{{0, "░░░░░░░░░░ 0%"}, {0.5, "█████░░░░░ 50%"}, {1, "██████████ 100%"}, {2, "██████████ 100%"}, {0.04, "░░░░░░░░░░ 4%"}} {
		// 15 columns: a 10-cell bar and room for " 100%".
		if got := progressBar(c.pct, 15); got != c.want {
			t.Errorf("progressBar(%v) = %q, want %q", c.pct, got, c.want)
		}
	}
}

func TestSafeName(t *testing.T) {
	if got := doc.FileName(` SKP 2026 Sekretariat/Umum: "A" `); got != "SKP 2026 Sekretariat-Umum- -A-" {
		t.Fatalf("safeName = %q", got)
	}
}

func TestReminderNames(t *testing.T) {
	rows := []reminderRow{
		{r: domain.Reminder{Kind: domain.RemKGB, EmployeeID: 2}, name: "Siti Aminah, S.Kom.", nip: "19860926 201505 2 001"},
		{r: domain.Reminder{Kind: meritRemindersKind, Notes: []string{"Tenggat rencana perbaikan."}}, name: "Sistem merit 2026 · Instansi", meritID: 9},
	}
	rs, name := reminderNames(rows)
	if n, nip := name(2); n != "Siti Aminah, S.Kom." || nip != "19860926 201505 2 001" {
		t.Fatalf("name(2) = %q %q", n, nip)
	}
	// A merit action has no employee: its assessment is named in the notes.
	if n, _ := name(0); n != "" || strings.Join(rs[1].Notes, " ") != "Sistem merit 2026 · Instansi Tenggat rencana perbaikan." {
		t.Fatalf("merit row: name %q, notes %q", n, rs[1].Notes)
	}
	if len(rows[1].r.Notes) != 1 {
		t.Fatal("the screen's rows were changed")
	}
}

// The kop surat lives in the Admin's menu: a pegawai printing her own
// biodata is not sent to look for it.
func TestDocsKopNoteOnlyForAdmin(t *testing.T) {
	h, _ := withDocs(t, "pegawai")
	h.send(pushMsg{newEmployeeDetail(h.m.c, h.m.c.Account.EmployeeID)})
	h.send(ctrlP)
	requireAbsent(t, dialogText(t, h), "Kop surat dan kertas: menu")
	requireContains(t, dialogText(t, h), "Cetak")
}

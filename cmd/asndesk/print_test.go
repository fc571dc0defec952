package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"asndesk/domain"
	"asndesk/domain/demo"
	"asndesk/domain/doc"
	"asndesk/store"

	pdfread "github.com/ledongthuc/pdf"
)

var update = flag.Bool("update", false, "rewrite the print and export goldens in testdata")

// docsToday pins the demo's SKP cycle and every date printed: mid-year, so
// the demo has final evaluations of triwulan I and II and dialogs.
var docsToday = time.Date(2026, time.July, 15, 9, 0, 0, 0, time.Local)

const docsEmployees = 20

var (
	docsDBOnce sync.Once
	docsDBPath string
	docsDBErr  error
)

// TestMain removes the shared demo office of the print and export tests.
func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if docsDBPath != "" {
		os.RemoveAll(filepath.Dir(docsDBPath))
	}
	os.Exit(code)
}

// docsDB is a demo office of 20 employees as of docsToday with a kop
// surat, written once per test binary and only read afterwards (print and
// export open it read-only). Tests copy it when they need to write.
func docsDB(t testing.TB) string {
	t.Helper()
	pinClock(t)
	docsDBOnce.Do(func() {
		dir, err := os.MkdirTemp("", "asndesk-docs-")
		if err != nil {
			docsDBErr = err
			return
		}
		docsDBPath = filepath.Join(dir, "kantor.db")
		docsDBErr = writeDocsDB(docsDBPath)
	})
	if docsDBErr != nil {
		t.Fatalf("demo office: %v", docsDBErr)
	}
	return docsDBPath
}

func writeDocsDB(path string) error {
	st, err := store.Open(path, store.Options{Timeout: time.Second, Now: func() time.Time { return docsToday },
		PasswordCost: store.PasswordCost{Time: 1, MemoryKiB: 64, Threads: 1}})
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := domain.WithActor(context.Background(), domain.SystemActor("test"))
	today := domain.DateOf(docsToday)
	o, units, emps, rws := demo.GenerateOffice(docsEmployees, 1)
	if err := st.LoadDemoOffice(ctx, o, units, emps, rws); err != nil {
		return err
	}
	if err := st.LoadDemoKinerja(ctx, demoKinerja(units, emps, today)); err != nil {
		return err
	}
	list, err := demoMerit(ctx, st, units, today)
	if err != nil {
		return err
	}
	if err := st.LoadDemoMerit(ctx, list); err != nil {
		return err
	}
	k, err := st.Kop(ctx)
	if err != nil {
		return err
	}
	k.Lines = []string{"PEMERINTAH KABUPATEN CONTOH", strings.ToUpper(o.Name)}
	k.Address = "Jalan Merdeka No. 1, Sukamaju 12345"
	k.Place = "Sukamaju"
	return st.SaveKop(ctx, k)
}

// pinClock makes the headless commands' today docsToday for this test.
func pinClock(t testing.TB) {
	old := clock
	clock = func() time.Time { return docsToday }
	t.Cleanup(func() { clock = old })
}

func runDocsCmd(t *testing.T, f func(ctx context.Context, args []string, stdout, stderr *bytes.Buffer) error, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := f(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), err
}

func printCmd(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	return runDocsCmd(t, func(ctx context.Context, a []string, o, e *bytes.Buffer) error { return cmdPrint(ctx, a, o, e) }, args...)
}

// pdfText extracts a PDF's text for a golden that depends on what is
// printed and in which order, not on the layout: per page the text objects
// in drawing order, without the page footer ("Dicetak dengan asndesk, …",
// "Halaman N"), without the mark and the table header repeated at the top
// of a following page; then the words with their whitespace normalised,
// re-wrapped at 100 columns to keep the golden readable and its diffs
// small. A page break moving elsewhere leaves the golden unchanged.
func pdfText(t testing.TB, path string) (string, int) {
	return pdfTextOf(t, path, true)
}

// pdfAllText is every word of every page, whitespace normalised to single
// spaces: for counting and finding, repeated parts included.
func pdfAllText(t testing.TB, path string) string {
	s, _ := pdfTextOf(t, path, false)
	return strings.Join(strings.Fields(s), " ")
}

func pdfTextOf(t testing.TB, path string, dedupe bool) (string, int) {
	t.Helper()
	f, r, err := pdfread.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var seen []string // the lines kept so far
	var first string  // page 1's first line: the mark, when the document has one
	for i := 1; i <= r.NumPage(); i++ {
		s, err := r.Page(i).GetPlainText(nil)
		if err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			l = strings.Join(strings.Fields(l), " ")
			if l == "" || strings.HasPrefix(l, "Dicetak dengan asndesk") || pageNo.MatchString(l) {
				continue
			}
			lines = append(lines, l)
		}
		switch {
		case !dedupe:
		case i == 1 && len(lines) > 0:
			first = lines[0]
		case len(lines) > 0 && lines[0] == first:
			lines = lines[1:]
			fallthrough
		default:
			lines = lines[repeatedPrefix(seen, lines):]
		}
		seen = append(seen, lines...)
	}
	var words []string
	for _, l := range seen {
		words = append(words, strings.Fields(l)...)
	}
	return wrapWords(words, 100), r.NumPage()
}

var pageNo = regexp.MustCompile(`^Halaman \d+$`)

// repeatedPrefix is the length of the longest run of at least two lines
// starting page that already appeared together earlier: a table header
// repeated on a new page.
func repeatedPrefix(seen, page []string) int {
	all := "\x00" + strings.Join(seen, "\x00") + "\x00"
	for k := len(page); k >= 2; k-- {
		if strings.Contains(all, "\x00"+strings.Join(page[:k], "\x00")+"\x00") {
			return k
		}
	}
	return 0
}

func wrapWords(words []string, w int) string {
	var b strings.Builder
	n := 0
	for _, x := range words {
		if n > 0 && n+1+len(x) > w {
			b.WriteString("\n")
			n = 0
		} else if n > 0 {
			b.WriteString(" ")
			n++
		}
		b.WriteString(x)
		n += len(x)
	}
	b.WriteString("\n")
	return b.String()
}

// golden compares got with testdata/name (rewritten with -update).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/asndesk -run %s -update)", err, t.Name())
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden (go test -run %s -update rewrites it):\n%s", name, t.Name(), firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n want: " + w + "\n  got: " + g
		}
	}
	return "(same lines, different bytes)"
}

// docsSubject picks the demo SKP the per-person prints use: the first (by
// id) of docsToday's year with a final evaluation of triwulan I and a
// dialog, so every per-SKP kind has content. The demo is deterministic, so
// the choice is too.
func docsSubject(t *testing.T, db string) (nip string, period int) {
	t.Helper()
	st, err := store.Open(db, store.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := domain.WithActor(context.Background(), domain.SystemActor("test"))
	rows, err := st.SKPRows(ctx, docsToday.Year())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		f, err := st.SKPFile(ctx, r.SKPID)
		if err != nil {
			t.Fatal(err)
		}
		ev, ok := findEval(f, 1)
		if !ok || !ev.Final || len(f.Dialogs) == 0 {
			continue
		}
		e, err := st.Employee(ctx, r.EmployeeID)
		if err != nil {
			t.Fatal(err)
		}
		return e.NIP, 1
	}
	t.Fatal("the demo has no SKP with a final evaluation of period 1 and a dialog")
	return "", 0
}

// The issue: "Goldens … of the text extracted from each PDF kind." Each
// kind is printed headless from the demo office and its extracted text
// compared with testdata/print_<kind>.golden.
func TestPrintGoldens(t *testing.T) {
	db := docsDB(t)
	nip, period := docsSubject(t, db)
	dir := t.TempDir()
	cases := []struct {
		kind doc.Kind
		args []string
		want []string // what a reader looks for first, beside the golden
	}{
		{doc.KindSKP, []string{"--nip", nip}, []string{"SASARAN KINERJA PEGAWAI", "PEMERINTAH KABUPATEN CONTOH", "Sukamaju"}},
		{doc.KindEvaluasi, []string{"--nip", nip, "--periode", strconv.Itoa(period)}, []string{"EVALUASI KINERJA PEGAWAI", "PREDIKAT"}},
		{doc.KindDialog, []string{"--nip", nip}, []string{"DIALOG"}},
		{doc.KindDRH, []string{"--nip", nip}, []string{"DAFTAR RIWAYAT HIDUP"}},
		{doc.KindDRHSingkat, []string{"--nip", nip}, nil},
		{doc.KindDUK, nil, []string{"DAFTAR URUT KEPANGKATAN"}},
		{doc.KindNominatif, []string{"--kolom", "nip,nama,golongan,usia"}, []string{"DAFTAR NOMINATIF PEGAWAI"}},
		{doc.KindPengingat, nil, []string{"DAFTAR PENGINGAT KEPEGAWAIAN"}},
		{doc.KindMerit, nil, []string{"LAPORAN PENILAIAN MANDIRI SISTEM MERIT"}},
	}
	for _, c := range cases {
		t.Run(string(c.kind), func(t *testing.T) {
			out := filepath.Join(dir, string(c.kind)+".pdf")
			args := append([]string{string(c.kind), "--db", db, "--out", out}, c.args...)
			stdout, _, err := printCmd(t, args...)
			if err != nil {
				t.Fatalf("print %v: %s", args, domain.ErrorMessage(err))
			}
			if !strings.HasPrefix(stdout, "Tersimpan: "+out+" (1 dokumen, ") {
				t.Fatalf("stdout %q", stdout)
			}
			text, pages := pdfText(t, out)
			if !strings.Contains(stdout, ", "+strconv.Itoa(pages)+" halaman)") {
				t.Errorf("stdout %q but the PDF has %d pages", stdout, pages)
			}
			flat := strings.Join(strings.Fields(text), " ")
			for _, w := range append(c.want, "DATA CONTOH") {
				if !strings.Contains(flat, w) {
					t.Errorf("the %s PDF lacks %q", c.kind, w)
				}
			}
			golden(t, "print_"+string(c.kind)+".golden", text)
		})
	}
}

// Batch print: without --nip every SKP of the office (or of one unit) goes
// into one PDF, one document each.
func TestPrintBatch(t *testing.T) {
	db := docsDB(t)
	st, err := store.Open(db, store.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx := domain.WithActor(context.Background(), domain.SystemActor("test"))
	rows, err := st.SKPRows(ctx, docsToday.Year())
	units, uerr := st.Units(ctx)
	st.Close()
	if err != nil || uerr != nil {
		t.Fatal(err, uerr)
	}
	perUnit := map[uint64]int{}
	for _, r := range rows {
		perUnit[r.UnitID]++
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "semua.pdf")
	stdout, _, err := printCmd(t, "skp", "--db", db, "--out", out)
	if err != nil {
		t.Fatal(domain.ErrorMessage(err))
	}
	if !strings.Contains(stdout, "("+strconv.Itoa(len(rows))+" dokumen, ") {
		t.Fatalf("stdout %q, want %d documents", stdout, len(rows))
	}
	text := pdfAllText(t, out)
	if n := strings.Count(text, "SASARAN KINERJA PEGAWAI"); n < len(rows) {
		t.Errorf("the batch PDF has %d SKP titles for %d SKPs", n, len(rows))
	}
	for _, u := range units {
		if perUnit[u.ID] == 0 {
			continue
		}
		stdout, _, err := printCmd(t, "skp", "--db", db, "--unit", u.Name, "--out", filepath.Join(dir, "unit.pdf"))
		if err != nil {
			t.Fatal(domain.ErrorMessage(err))
		}
		if !strings.Contains(stdout, "("+strconv.Itoa(perUnit[u.ID])+" dokumen, ") {
			t.Fatalf("unit %s: stdout %q, want %d documents", u.Name, stdout, perUnit[u.ID])
		}
		// The same name again: written beside it, never over it.
		if !strings.Contains(stdout, "unit.pdf") {
			t.Fatalf("stdout %q", stdout)
		}
		stdout, _, err = printCmd(t, "skp", "--db", db, "--unit", u.Name, "--out", filepath.Join(dir, "unit.pdf"))
		if err != nil || !strings.Contains(stdout, "unit (2).pdf") {
			t.Fatalf("second print: %q %v", stdout, err)
		}
		break
	}
	// The other batches: every evaluation of triwulan I, every SKP's
	// dialogs, every active employee's biodata; --lengkap=false is the
	// biodata singkat.
	for _, args := range [][]string{{"evaluasi", "--periode", "1"}, {"dialog"}, {"drh-singkat"}, {"drh", "--lengkap=false"}} {
		out := filepath.Join(dir, args[0]+".pdf")
		stdout, _, err := printCmd(t, append(args, "--db", db, "--out", out)...)
		if err != nil {
			t.Fatalf("%v: %s", args, domain.ErrorMessage(err))
		}
		if strings.Contains(stdout, "(1 dokumen") {
			t.Errorf("%v: a batch of one: %q", args, stdout)
		}
		if args[0] == "drh" {
			if text := pdfAllText(t, out); strings.Contains(text, "DAFTAR RIWAYAT HIDUP") || !strings.Contains(text, "BIODATA SINGKAT") {
				t.Errorf("drh --lengkap=false did not print the biodata singkat")
			}
		}
	}
}

func TestPrintBadInput(t *testing.T) {
	db := docsDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "x.pdf")
	cases := []struct {
		args  []string
		usage bool
		want  string
	}{
		{[]string{"surat", "--db", db, "--out", out}, true, "jenis dokumen tidak dikenal: surat (pilih: skp, evaluasi, dialog, drh, drh-singkat, duk, nominatif, pengingat, merit)"},
		{[]string{"--db", db, "--out", out}, true, "sebutkan jenis dokumen"},
		{[]string{"duk", "--db", db}, true, "sebutkan berkas tujuan: --out BERKAS.pdf"},
		{[]string{"drh", "--db", db, "--nip", "199001012020121001", "--out", out}, false, "Pegawai dengan NIP 199001012020121001 tidak ditemukan."},
		{[]string{"drh", "--db", db, "--nip", "abc", "--out", out}, false, "NIP \"abc\" hanya boleh berisi angka."},
		{[]string{"duk", "--db", db, "--unit", "Dinas Bulan", "--out", out}, false, "Unit kerja \"Dinas Bulan\" tidak ditemukan."},
		{[]string{"nominatif", "--db", db, "--kolom", "nip,gaji", "--out", out}, true, "kolom nominatif tidak dikenal: gaji"},
		{[]string{"skp", "--db", db, "--tahun", "2001", "--out", out}, false, "Belum ada SKP tahun 2001 untuk kantor."},
		{[]string{"merit", "--db", db, "--tahun", "2001", "--out", out}, false, "Belum ada penilaian mandiri sistem merit tahun 2001 untuk Instansi."},
		{[]string{"duk", "--db", db, "--out", filepath.Join(dir, "tidak-ada", "x.pdf")}, false, "Folder " + filepath.Join(dir, "tidak-ada") + " tidak ada."},
		{[]string{"duk", "--db", filepath.Join(dir, "hilang.db"), "--out", out}, false, "tidak ditemukan"},
		{[]string{"duk", "--db", db, "--out", out, "--warna", "merah"}, true, "pilihan tidak dikenal"},
	}
	for _, c := range cases {
		_, _, err := printCmd(t, c.args...)
		if err == nil {
			t.Errorf("%v: no error", c.args)
			continue
		}
		_, isUsage := err.(usageError)
		msg := err.Error()
		if !isUsage {
			msg = domain.ErrorMessage(err)
		}
		if isUsage != c.usage || !strings.Contains(msg, c.want) {
			t.Errorf("%v: %q (usage %v), want %q (usage %v)", c.args, msg, isUsage, c.want, c.usage)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed print left a file")
	}
	// The whole command line as a user types it: exit code 2 for a typo.
	if code, _, errs := runCmd(t, "export", "daftar-gaji", "--db", db); code != 2 || !strings.Contains(errs, "jenis daftar tidak dikenal") {
		t.Errorf("export daftar-gaji: code %d %q", code, errs)
	}
}

func TestPrintHelp(t *testing.T) {
	_, errs, err := printCmd(t, "--help")
	if err != flag.ErrHelp || !strings.Contains(errs, "Pemakaian: asndesk print JENIS") || !strings.Contains(errs, "masa_kerja") {
		t.Fatalf("%v %q", err, errs)
	}
}

// The app's DocsRepo: files appear whole, under a new name when the
// chosen one exists, in the default folder even when it is missing.
func TestDocsRepoFiles(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	db := docsDB(t)
	// A copy: the repo opens the store read-write.
	raw, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(t.TempDir(), "kantor.db")
	if err := os.WriteFile(mine, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(mine, store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := &appRepo{Store: st}
	ctx := domain.WithActor(context.Background(), domain.SystemActor("test"))
	d := doc.Document{Kind: doc.KindPengingat, Title: "UJI “kutip” – é ½", Blocks: []doc.Block{&doc.Para{Text: "Isi"}}}

	t.Run("default folder is created", func(t *testing.T) {
		want := filepath.Join(home, "asndesk", "uji.pdf")
		var calls []int
		got, err := r.WritePDF(ctx, want, []doc.Document{d, d}, func(done, total int) { calls = append(calls, done*10+total) })
		if err != nil || got != want {
			t.Fatalf("%q %v", got, err)
		}
		if len(calls) != 2 || calls[1] != 22 {
			t.Errorf("progress calls %v", calls)
		}
		text := pdfAllText(t, got)
		if !strings.Contains(text, "UJI “kutip” – é ½") || strings.Count(text, "Isi") != 2 {
			t.Errorf("text %q", text)
		}
		got2, err := r.WritePDF(ctx, want, []doc.Document{d}, nil)
		if err != nil || got2 != filepath.Join(home, "asndesk", "uji (2).pdf") {
			t.Fatalf("second: %q %v", got2, err)
		}
		got3, _ := r.WritePDF(ctx, want, []doc.Document{d}, nil)
		if got3 != filepath.Join(home, "asndesk", "uji (3).pdf") {
			t.Fatalf("third: %q", got3)
		}
		entries, _ := os.ReadDir(filepath.Join(home, "asndesk"))
		if len(entries) != 3 {
			t.Errorf("folder holds %d entries (a temporary file left?)", len(entries))
		}
	})
	t.Run("with a Documents folder the default goes there", func(t *testing.T) {
		if err := os.Mkdir(filepath.Join(home, "Documents"), 0o700); err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(filepath.Join(home, "Documents"))
		want := filepath.Join(home, "Documents", "asndesk", "uji.pdf")
		if got, err := r.WritePDF(ctx, want, []doc.Document{d}, nil); err != nil || got != want {
			t.Fatalf("%q %v", got, err)
		}
	})
	t.Run("another missing folder is an error", func(t *testing.T) {
		_, err := r.WritePDF(ctx, filepath.Join(home, "salah-ketik", "uji.pdf"), []doc.Document{d}, nil)
		if domain.ErrorMessage(err) != "Folder "+filepath.Join(home, "salah-ketik")+" tidak ada." {
			t.Fatalf("%v", err)
		}
	})
	t.Run("no documents", func(t *testing.T) {
		_, err := r.WritePDF(ctx, filepath.Join(home, "kosong.pdf"), nil, nil)
		if domain.ErrorMessage(err) != "Tidak ada dokumen untuk dicetak." {
			t.Fatalf("%v", err)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		_, err := r.WritePDF(cctx, filepath.Join(home, "batal.pdf"), []doc.Document{d}, nil)
		if domain.ErrorMessage(err) != "Dibatalkan." {
			t.Fatalf("%v", err)
		}
		if _, err := os.Stat(filepath.Join(home, "batal.pdf")); err == nil {
			t.Error("a cancelled print left its file")
		}
	})
	t.Run("sheets", func(t *testing.T) {
		sh := doc.Sheet{Name: "Uji", Columns: []string{"NIP", "NAMA"}, Rows: [][]string{{"198501012010011001", "Ani"}}}
		x, err := r.WriteSheets(ctx, filepath.Join(home, "daftar"), "xlsx", []doc.Sheet{sh})
		if err != nil || x != filepath.Join(home, "daftar.xlsx") {
			t.Fatalf("%q %v", x, err)
		}
		c, err := r.WriteSheets(ctx, filepath.Join(home, "daftar.csv"), "CSV", []doc.Sheet{sh})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(c)
		if !strings.Contains(string(b), "198501012010011001") {
			t.Errorf("csv %q", b)
		}
		if _, err := r.WriteSheets(ctx, filepath.Join(home, "daftar.ods"), "ods", []doc.Sheet{sh}); domain.ErrorMessage(err) != "Format \"ods\" tidak dikenal; pilih xlsx atau csv." {
			t.Errorf("%v", err)
		}
	})
	t.Run("read file", func(t *testing.T) {
		logo := filepath.Join(home, "logo.png")
		if err := os.WriteFile(logo, bytes.Repeat([]byte{1}, 2411725), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := r.ReadFile(ctx, logo, 1<<20)
		if domain.ErrorMessage(err) != "Berkas logo terlalu besar (2,3 MB); paling besar 1 MB." {
			t.Fatalf("%v", domain.ErrorMessage(err))
		}
		small := filepath.Join(home, "kecil.png")
		os.WriteFile(small, []byte("\x89PNG"), 0o644)
		if b, err := r.ReadFile(ctx, small, 1<<20); err != nil || string(b) != "\x89PNG" {
			t.Fatalf("%q %v", b, err)
		}
		if _, err := r.ReadFile(ctx, filepath.Join(home, "tidak.png"), 1<<20); domain.ErrorMessage(err) != "Berkas "+filepath.Join(home, "tidak.png")+" tidak ditemukan." {
			t.Fatalf("%v", err)
		}
		if _, err := r.ReadFile(ctx, home, 1<<20); !strings.Contains(domain.ErrorMessage(err), "adalah folder") {
			t.Fatalf("%v", err)
		}
	})
}

func TestSizeText(t *testing.T) {
	for n, want := range map[int64]string{34 * 1024: "34 KB", 1 << 20: "1 MB", 2411725: "2,3 MB", 512: "512 byte"} {
		if got := sizeText(n); got != want {
			t.Errorf("sizeText(%d) = %q, want %q", n, got, want)
		}
	}
}

// BenchmarkPrintSKPBatch is the headless batch print of every SKP of the
// 20-employee demo office (load each SKP file, build, render, write).
func BenchmarkPrintSKPBatch(b *testing.B) {
	db := docsDB(b)
	dir := b.TempDir()
	for b.Loop() {
		var out, errb bytes.Buffer
		if err := cmdPrint(context.Background(), []string{"skp", "--db", db, "--out", filepath.Join(dir, "semua.pdf")}, &out, &errb); err != nil {
			b.Fatal(domain.ErrorMessage(err))
		}
	}
}

// Command asndesk is the offline kepegawaian app: run without arguments it
// opens the terminal UI; subcommands work headless for scripts and CI.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"asndesk/assets"
	"asndesk/domain"
	"asndesk/domain/demo"
	"asndesk/store"
	"asndesk/tui"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// usageError is a mistake in the command line: exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

const usage = `asndesk — aplikasi kepegawaian luring untuk kantor pemerintah

Pemakaian:
  asndesk [--db BERKAS] [--kunci-menit N] [--cadangan-simpan N]
                                              membuka aplikasi (layar terkunci setelah N menit diam,
                                              bawaan 10; cadangan otomatis yang disimpan, bawaan 10)
  asndesk demo --db BERKAS [--employees N] [--seed S]
                                              menulis kantor contoh ke berkas baru
  asndesk export json [--db BERKAS] [--out BERKAS]
                                              seluruh data sebagai satu dokumen JSON
  asndesk export JENIS [--format xlsx|csv] [--out BERKAS] [saringan]
                                              daftar (pegawai, nominatif, duk, pengingat, monitoring,
                                              evaluasi, merit, rw-skp22, rw-kinerjaperiodik,
                                              progress-harian) sebagai Excel atau CSV
  asndesk print JENIS --out BERKAS.pdf [saringan]
                                              mencetak dokumen ke PDF dengan kop surat (skp, evaluasi,
                                              dialog, drh, drh-singkat, duk, nominatif, pengingat, merit)
  asndesk import employees|riwayat-pangkat|riwayat-jabatan [--db BERKAS] [--dry-run] [--lewati-galat] BERKAS
                                              impor dari Excel (XLSX) atau CSV; tanpa --dry-run ditulis
                                              dalam satu transaksi bila tidak ada baris bergalat
  asndesk paket create|verify|import|kunci ...
                                              paket serah terima terenkripsi untuk asndesk lain
                                              (asndesk paket --help)
  asndesk check [--db BERKAS]                 memeriksa berkas data dan indeksnya
  asndesk backup [--db BERKAS] [--passphrase-file F] FOLDER
                                              membuat cadangan (terenkripsi bila ada frasa sandi)
  asndesk restore [--db BERKAS] [--passphrase-file F] CADANGAN
                                              memulihkan dari cadangan (data sekarang dicadangkan dulu)
  asndesk compact [--db BERKAS]               memadatkan berkas data
  asndesk merit import-instrument [--db BERKAS] BERKAS-INSTRUMEN
                                              memuat instrumen penilaian mandiri sistem merit (JSON)
  asndesk version                             versi aplikasi

Berkas data bawaan: %s
Variabel lingkungan ASNDESK_DB menggantikan berkas bawaan; --db menggantikan keduanya.
Setiap perintah menerima --help.
`

// run is main without the process: testable, returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	store.AppVersion = version // packets name the asndesk that made them
	err := dispatch(ctx, args, stdout, stderr)
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(stderr, "asndesk: "+ue.msg)
		fmt.Fprintln(stderr, "Lihat: asndesk --help")
		return 2
	}
	fmt.Fprintln(stderr, "asndesk: "+domain.ErrorMessage(err))
	return 1
}

func defaultDBPath() string {
	if p := os.Getenv("ASNDESK_DB"); p != "" {
		return p
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "asndesk", "asndesk.db")
}

func newFlags(name, help string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, help) }
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{"pilihan tidak dikenal: " + strings.Join(args, " ")}
	}
	if fs.NArg() > 0 {
		return usageError{"argumen tidak dikenal: " + strings.Join(fs.Args(), " ")}
	}
	return nil
}

func dispatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		switch args[0] {
		case "version":
			fs := newFlags("version", "Pemakaian: asndesk version\nMenampilkan versi asndesk.\n", stderr)
			if err := parse(fs, args[1:]); err != nil {
				return err
			}
			fmt.Fprintln(stdout, "asndesk "+version)
			return nil
		case "demo":
			return cmdDemo(ctx, args[1:], stdout, stderr)
		case "export":
			return cmdExport(ctx, args[1:], stdout, stderr)
		case "import":
			return cmdImport(ctx, args[1:], stdout, stderr)
		case "paket":
			return cmdPaket(ctx, args[1:], stdout, stderr)
		case "print":
			return cmdPrint(ctx, args[1:], stdout, stderr)
		case "check":
			return cmdCheck(ctx, args[1:], stdout, stderr)
		case "backup":
			return cmdBackup(ctx, args[1:], stdout, stderr)
		case "restore":
			return cmdRestore(ctx, args[1:], stdout, stderr)
		case "compact":
			return cmdCompact(ctx, args[1:], stdout, stderr)
		case "merit":
			return cmdMerit(ctx, args[1:], stdout, stderr)
		case "help":
			fmt.Fprintf(stdout, usage, defaultDBPath())
			return nil
		}
		return usageError{"perintah tidak dikenal: " + args[0]}
	}
	fs := newFlags("asndesk", fmt.Sprintf(usage, defaultDBPath()), stdout)
	db := fs.String("db", "", "berkas data")
	debug := fs.Bool("debug", false, "catat pesan ke asndesk-debug.log")
	idle := fs.Int("kunci-menit", 10, "kunci layar setelah sekian menit tanpa ketikan (0 = tidak pernah)")
	keep := fs.Int("cadangan-simpan", store.DefaultBackupKeep, "jumlah cadangan otomatis yang disimpan")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *keep < 1 || *keep > 1000 {
		return usageError{"--cadangan-simpan harus antara 1 dan 1000"}
	}
	if *idle < 0 || *idle > 24*60 {
		return usageError{"--kunci-menit harus antara 0 dan 1440"}
	}
	return runApp(ctx, *db, *debug, time.Duration(*idle)*time.Minute, *keep, stderr)
}

// openDB resolves the path and opens the store. Only the default folder is
// created: a typed --db path in a missing folder is most likely a typo.
func openDB(path string, readOnly bool) (*store.Store, error) {
	if path == "" {
		path = defaultDBPath()
		if !readOnly {
			if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
				return nil, domain.Errorf(domain.EINVALID, "Folder data "+filepath.Dir(path)+" tidak dapat dibuat.")
			}
		}
	}
	if readOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, domain.Errorf(domain.ENOTFOUND, "Berkas data "+path+" tidak ditemukan.")
		}
	}
	return store.Open(path, store.Options{Timeout: time.Second, ReadOnly: readOnly})
}

func runApp(ctx context.Context, path string, debug bool, idle time.Duration, keep int, stderr io.Writer) error {
	st, err := openDB(path, false)
	if err != nil {
		offerBackup(ctx, path, err, stderr)
		return err
	}
	repo := &appRepo{Store: st, opts: store.Options{Timeout: time.Second}}
	defer func() { repo.Store.Close() }()
	sys := domain.WithActor(ctx, domain.SystemActor("asndesk"))
	if store.IsNetworkPath(st.Path()) {
		fmt.Fprintln(stderr, "Peringatan: berkas data ada di folder jaringan ("+st.Path()+"). Penguncian di sana tidak andal; "+
			"pindahkan ke folder lokal dengan --db.")
		time.Sleep(2 * time.Second) // give the warning a moment before the screen is taken over
	}
	if st.NeedsDailyBackup() {
		if _, err := st.AutoBackup(sys, keep, "harian"); err != nil {
			fmt.Fprintln(stderr, "Peringatan: cadangan harian gagal: "+domain.ErrorMessage(err))
		}
	}
	// The backup on close runs after the UI has ended, on whatever file is
	// open by then (a restore swaps it).
	defer func() {
		if _, err := repo.Store.AutoBackup(sys, keep, "tutup"); err != nil {
			fmt.Fprintln(stderr, "Peringatan: cadangan saat menutup gagal: "+domain.ErrorMessage(err))
		}
	}()
	logger := log.New(io.Discard, "", 0)
	if debug || os.Getenv("DEBUG") != "" {
		f, err := tea.LogToFile(filepath.Join(filepath.Dir(st.Path()), "asndesk-debug.log"), "asndesk")
		if err == nil {
			defer f.Close()
			logger = log.Default()
		}
	}
	// Ask the terminal for its background before Bubble Tea owns it.
	lipgloss.SetHasDarkBackground(lipgloss.HasDarkBackground())
	grid, err := domain.ParseBUPGrid(assets.BUPGrid())
	if err != nil {
		return err
	}
	var logins []string
	for _, d := range store.DemoAccounts() {
		logins = append(logins, d.Username+" ("+d.Roles+")")
	}
	demoLogins := strings.Join(logins, "\n")
	if len(logins) > 0 {
		demoLogins += "\nKata sandi semua akun contoh: " + store.DemoAccounts()[0].Password
	}
	c := &tui.Common{Ctx: ctx, Repo: repo, Kinerja: repo, Merit: repo, Docs: repo, Import: repo, Paket: repo, Now: time.Now, Log: logger, Demo: demo.GenerateOffice, DemoKinerja: demoKinerja,
		DemoMerit: func(ctx context.Context, units []domain.UnitNode, today domain.Date) ([]domain.MeritAssessment, error) {
			return demoMerit(ctx, repo.Store, units, today)
		},
		Styles: tui.NewStyles(tui.DefaultPalette()), BUP: grid, DemoLogins: demoLogins, IdleTimeout: idle,
		Tick: func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd { return tea.Tick(d, fn) }}
	p := tea.NewProgram(tui.New(c), tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithContext(ctx), tea.WithFilter(tui.GuardQuit))
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrInterrupted) && !errors.Is(err, tea.ErrProgramKilled) {
		return err
	}
	return nil
}

// offerBackup tells what happened when the data file cannot be opened and
// names the newest backup that passes the check. The file itself is never
// touched: restoring is always the user's explicit decision.
func offerBackup(ctx context.Context, path string, err error, stderr io.Writer) {
	code := domain.ErrorCode(err)
	if code != domain.EINVALID && code != domain.EINTERNAL {
		return
	}
	if path == "" {
		path = defaultDBPath()
	}
	if _, serr := os.Stat(path); serr != nil {
		return
	}
	dir := filepath.Join(filepath.Dir(path), store.BackupDirName)
	b, ok := store.NewestGoodBackup(ctx, dir)
	if !ok {
		fmt.Fprintln(stderr, "Berkas data tidak diubah. Tidak ditemukan cadangan yang lolos pemeriksaan di "+dir+".")
		return
	}
	fmt.Fprintf(stderr, "Berkas data tidak diubah. Cadangan terbaru yang baik: %s (%s).\nUntuk memulihkannya:\n  asndesk restore --db %q %q\n",
		b.Path, b.Time.Format("02-01-2006 15:04"), path, b.Path)
}

func cmdDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("demo", `Pemakaian: asndesk demo --db BERKAS [--employees N] [--seed S]
Menulis kantor contoh yang realistis dan selalu sama untuk seed yang sama.
  --db BERKAS       berkas data (baru, atau belum berisi kantor)
  --employees N     jumlah pegawai (bawaan 40, paling banyak 100000)
  --seed S          benih acak (bawaan 1)
`, stderr)
	db := fs.String("db", "", "")
	n := fs.Int("employees", demo.DefaultEmployees, "")
	seed := fs.Uint64("seed", 1, "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *n < 1 || *n > demo.MaxEmployees {
		return usageError{fmt.Sprintf("--employees harus antara 1 dan %d", demo.MaxEmployees)}
	}
	st, err := openDB(*db, false)
	if err != nil {
		return err
	}
	defer st.Close()
	o, units, emps, rws := demo.GenerateOffice(*n, *seed)
	ctx = domain.WithActor(ctx, domain.SystemActor("asndesk demo"))
	if err := st.LoadDemoOffice(ctx, o, units, emps, rws); err != nil {
		return err
	}
	if err := st.LoadDemoKinerja(ctx, demoKinerja(units, emps, domain.DateOf(time.Now()))); err != nil {
		return err
	}
	list, err := demoMerit(ctx, st, units, domain.DateOf(time.Now()))
	if err != nil {
		return err
	}
	if err := st.LoadDemoMerit(ctx, list); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Kantor contoh %q dengan %d pegawai ditulis ke %s\n", o.Name, len(emps), st.Path())
	return nil
}

func cmdExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "json" {
		if len(args) > 0 && (args[0] == "--help" || args[0] == "-h") {
			fmt.Fprint(stderr, exportHelp+"\n"+exportListHelp)
			return flag.ErrHelp
		}
		// Every other KIND is a list as XLSX or CSV (exportlist.go).
		return cmdExportList(ctx, args, stdout, stderr)
	}
	fs := newFlags("export json", exportHelp, stderr)
	db := fs.String("db", "", "")
	out := fs.String("out", "", "")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	st, err := openDB(*db, true)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx = domain.WithActor(ctx, domain.SystemActor("asndesk export"))
	if *out == "" {
		return st.ExportJSON(ctx, stdout)
	}
	// Write beside the target and rename, so a failed export never leaves a
	// half-written file under the name the user asked for.
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".asndesk-export-*")
	if err != nil {
		return domain.Errorf(domain.EINVALID, "Berkas "+*out+" tidak dapat ditulis.")
	}
	defer os.Remove(tmp.Name())
	if err := st.ExportJSON(ctx, tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return domain.Errorf(domain.EINVALID, "Berkas "+*out+" tidak dapat ditulis.")
	}
	if err := os.Rename(tmp.Name(), *out); err != nil {
		return domain.Errorf(domain.EINVALID, "Berkas "+*out+" tidak dapat ditulis.")
	}
	fmt.Fprintln(stderr, "Data diekspor ke "+*out)
	return nil
}

const exportHelp = `Pemakaian: asndesk export json [--db BERKAS] [--out BERKAS]
Menulis seluruh data (kantor, unit kerja, pegawai) sebagai satu dokumen JSON.
Tanpa --out, JSON ditulis ke keluaran standar. Bentuk JSON dijelaskan di README.
`

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", `Pemakaian: asndesk check [--db BERKAS]
Memeriksa struktur berkas data (pemeriksaan bbolt) dan indeksnya.
Keluar dengan kode 1 dan daftar masalah bila ada yang salah.
`, stderr)
	db := fs.String("db", "", "")
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openDB(*db, true)
	if err != nil {
		return err
	}
	defer st.Close()
	problems, err := st.Check(domain.WithActor(ctx, domain.SystemActor("asndesk check")))
	if err != nil {
		return err
	}
	if len(problems) == 0 {
		fmt.Fprintln(stdout, "Berkas data "+st.Path()+" baik: tidak ada masalah.")
		return nil
	}
	for _, p := range problems {
		fmt.Fprintln(stdout, "- "+p)
	}
	return domain.Errorf(domain.EINTERNAL, fmt.Sprintf("Ditemukan %d masalah di berkas data.", len(problems)))
}

// demoKinerja is the demo office's SKP cycle as of today, rated along the
// profiles' atasan langsung (the atasan map the store derives from them).
func demoKinerja(units []domain.UnitNode, emps []domain.Employee, today domain.Date) domain.KinerjaDemo {
	atasan := make(map[uint64]uint64, len(emps))
	for _, e := range emps {
		atasan[e.ID] = e.AtasanID
	}
	return demo.GenerateKinerja(units, emps, func(id uint64) (uint64, uint64) {
		p := atasan[id]
		return p, atasan[p]
	}, today)
}

// demoMerit is the demo office's merit assessments (last year final, this
// year in progress) on the legacy KASN structure, whose 100–400 score and
// Kategori I–IV people know; the team are the demo logins merit and admin.
func demoMerit(ctx context.Context, st *store.Store, units []domain.UnitNode, today domain.Date) ([]domain.MeritAssessment, error) {
	ids, err := st.DemoAccountIDs(ctx)
	if err != nil {
		return nil, err
	}
	for _, raw := range assets.Instruments() {
		in, err := domain.ParseInstrument(raw)
		if err != nil {
			return nil, err
		}
		if in.ID == "KASN-2019-LEGACY" {
			return demo.GenerateMerit(units, ids, in, today), nil
		}
	}
	return nil, nil
}

package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"asndesk/domain"
	"asndesk/store"
	"asndesk/tui"
)

// The store is the screens' PaketRepo as it is (appRepo embeds it).
var _ tui.PaketRepo = (*appRepo)(nil)

const paketHelp = `Pemakaian: asndesk paket PERINTAH ...
Paket serah terima: satu berkas terenkripsi berisi sebagian data kantor
(misalnya kinerja setahun atau satu penilaian merit beserta buktinya) untuk
diserahkan ke asndesk lain, misalnya tim BKD kabupaten, lewat flashdisk.

  asndesk paket create [--db BERKAS] --isi pegawai|kinerja|merit [--tahun N]
         [--unit NAMA] [--merit ID] (--passphrase-file F | --penerima age1…) --out BERKAS
                     membuat paket
  asndesk paket verify [--passphrase-file F | --identitas F] BERKAS
                     memeriksa paket (dekripsi dan sidik SHA-256 setiap bagian)
  asndesk paket import [--db BERKAS] [--passphrase-file F | --identitas F]
         [--terapkan] [--ambil-paket-semua] BERKAS
                     menampilkan pratinjau penggabungan; menulis hanya dengan --terapkan
  asndesk paket kunci --out BERKAS
                     membuat kunci penerima: berkas identitas (rahasia) dan kunci age1…
Frasa sandi juga dapat diberikan lewat variabel lingkungan ASNDESK_PASSPHRASE.
`

const paketCreateHelp = `Pemakaian: asndesk paket create [--db BERKAS] --isi pegawai|kinerja|merit [--tahun N]
       [--unit NAMA] [--merit ID] (--passphrase-file F | --penerima age1…) --out BERKAS
Membuat paket serah terima terenkripsi.
  --isi pegawai        data pegawai dan riwayatnya (semua, atau satu --unit)
  --isi kinerja        SKP tahun --tahun beserta realisasi, bukti, umpan balik, dialog
                       dan evaluasinya, serta pegawai yang disebutnya (boleh satu --unit)
  --isi merit          penilaian mandiri sistem merit --merit ID beserta bukti dan instrumennya
  --passphrase-file F  kunci dengan frasa sandi dari berkas F (baris pertama)
  --penerima age1…     kunci untuk penerima ini (boleh diulang; lihat "asndesk paket kunci")
  --out BERKAS         berkas paket yang dibuat; bila sudah ada, paket ditulis ke
                       "nama (2).paket" dan seterusnya (berkas lama tidak ditimpa)
`

const paketVerifyHelp = `Pemakaian: asndesk paket verify [--passphrase-file F | --identitas F] BERKAS
Membuka paket dan memeriksa manifes serta sidik SHA-256 setiap bagiannya.
  --passphrase-file F  frasa sandi paket (baris pertama berkas F)
  --identitas F        berkas identitas (kunci rahasia) bila paket dikunci untuk kunci penerima
`

const paketImportHelp = `Pemakaian: asndesk paket import [--db BERKAS] [--passphrase-file F | --identitas F]
       [--terapkan] [--ambil-paket-semua] BERKAS
Membandingkan isi paket dengan berkas data: setiap data Baru, Sama, Berbeda, atau
Lebih baru di sini (dengan perbedaan per kolom). Tanpa --terapkan tidak ada yang ditulis.
Riwayat pangkat, jabatan dan pendidikan yang akan mengubah profil pegawai yang sudah ada
di sini ikut pegawainya: ditulis hanya bila versi paket pegawai itu dipakai.
  --terapkan           menggabungkan: data baru ditambahkan dalam satu transaksi
  --ambil-paket-semua  untuk data yang berbeda, pakai versi paket (bawaan: data di sini tetap)
`

const paketKunciHelp = `Pemakaian: asndesk paket kunci --out BERKAS
Membuat pasangan kunci paket. Berkas identitas (rahasia) ditulis ke BERKAS;
kunci penerima (age1…) ditampilkan dan juga tertulis di berkas itu: berikan hanya
kunci age1… kepada kantor pengirim, berkas identitasnya jangan dibagikan.
`

// multiFlag collects a repeatable flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func cmdPaket(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, paketHelp)
		return usageError{"sebutkan perintah paket: create, verify, import, atau kunci"}
	}
	store.AppVersion = version
	ctx = domain.WithActor(ctx, domain.SystemActor("asndesk paket"))
	switch args[0] {
	case "create":
		return cmdPaketCreate(ctx, args[1:], stdout, stderr)
	case "verify":
		return cmdPaketVerify(ctx, args[1:], stdout, stderr)
	case "import":
		return cmdPaketImport(ctx, args[1:], stdout, stderr)
	case "kunci":
		return cmdPaketKunci(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, paketHelp)
		return nil
	}
	return usageError{"perintah paket tidak dikenal: " + args[0] + " (pilih: create, verify, import, kunci)"}
}

func cmdPaketCreate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("paket create", paketCreateHelp, stderr)
	db := fs.String("db", "", "")
	isi := fs.String("isi", "", "")
	tahun := fs.Int("tahun", 0, "")
	unit := fs.String("unit", "", "")
	meritID := fs.Uint64("merit", 0, "")
	passFile := fs.String("passphrase-file", "", "")
	var penerima multiFlag
	fs.Var(&penerima, "penerima", "")
	out := fs.String("out", "", "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if !slices.Contains(domain.PaketKinds, *isi) {
		return usageError{"--isi harus pegawai, kinerja, atau merit"}
	}
	if strings.TrimSpace(*out) == "" {
		return usageError{"--out BERKAS belum disebutkan"}
	}
	switch {
	case *isi == domain.PaketKinerja && *tahun == 0:
		return usageError{"--isi kinerja perlu --tahun N"}
	case *isi == domain.PaketMerit && *meritID == 0:
		return usageError{"--isi merit perlu --merit ID (lihat asndesk export merit)"}
	case *isi != domain.PaketMerit && *meritID != 0:
		return usageError{"--merit hanya untuk --isi merit"}
	}
	pass := ""
	if len(penerima) == 0 || *passFile != "" {
		var err error
		if pass, err = readPassphrase(*passFile); err != nil {
			return err
		}
	}
	path, err := existingDB(*db)
	if err != nil {
		return err
	}
	st, err := openDB(path, true)
	if err != nil {
		return err
	}
	defer st.Close()
	slice := domain.PaketSlice{Kind: *isi, Year: *tahun, MeritID: *meritID}
	if *unit != "" {
		if slice.UnitID, err = unitByName(ctx, st, *unit); err != nil {
			return err
		}
	}
	man, err := st.CreatePaketFile(ctx, slice, *out, pass, penerima)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "Paket tersimpan: "+man.File)
	printManifest(stdout, man)
	return nil
}

// unitByName finds a unit by its name, ignoring case.
func unitByName(ctx context.Context, st *store.Store, name string) (uint64, error) {
	us, err := st.Units(ctx)
	if err != nil {
		return 0, err
	}
	var names []string
	for _, u := range us {
		if strings.EqualFold(strings.TrimSpace(u.Name), strings.TrimSpace(name)) {
			return u.ID, nil
		}
		names = append(names, u.Name)
	}
	return 0, domain.Errorf(domain.ENOTFOUND, fmt.Sprintf("Unit kerja %q tidak ada. Unit yang ada: %s.", name,
		strings.Join(names, "; ")))
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// printManifest writes what a packet holds, the way verify and create show it.
func printManifest(w io.Writer, m domain.PaketManifest) {
	fmt.Fprintf(w, "Isi: %s\n", m.Description())
	fmt.Fprintf(w, "Dari: %s, dibuat %s (asndesk %s)\n", orDash(m.Office), m.Created.Format("02-01-2006 15:04"), m.AppVersion)
	fmt.Fprintln(w, "Jumlah: "+m.CountsText())
	fmt.Fprintf(w, "Bagian: %d, masing-masing dengan sidik SHA-256\n", len(m.Parts))
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// paketKeys reads the passphrase or identity file of verify and import.
func paketKeys(passFile, identity string) (string, error) {
	if passFile != "" && identity != "" {
		return "", usageError{"pilih salah satu: --passphrase-file atau --identitas"}
	}
	if identity != "" {
		return "", nil
	}
	return readPassphrase(passFile)
}

func cmdPaketVerify(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("paket verify", paketVerifyHelp, stderr)
	passFile := fs.String("passphrase-file", "", "")
	identity := fs.String("identitas", "", "")
	file, err := parseOneArg(fs, args, "BERKAS paket")
	if err != nil {
		return err
	}
	pass, err := paketKeys(*passFile, *identity)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	man, err := store.VerifyPaketFile(file, pass, *identity)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "Paket "+file+" baik: semua bagian cocok dengan manifesnya.")
	printManifest(stdout, man)
	return nil
}

func cmdPaketImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("paket import", paketImportHelp, stderr)
	db := fs.String("db", "", "")
	passFile := fs.String("passphrase-file", "", "")
	identity := fs.String("identitas", "", "")
	apply := fs.Bool("terapkan", false, "")
	takeAll := fs.Bool("ambil-paket-semua", false, "")
	file, err := parseOneArg(fs, args, "BERKAS paket")
	if err != nil {
		return err
	}
	if *takeAll && !*apply {
		return usageError{"--ambil-paket-semua hanya bersama --terapkan"}
	}
	pass, err := paketKeys(*passFile, *identity)
	if err != nil {
		return err
	}
	path, err := existingDB(*db)
	if err != nil {
		return err
	}
	st, err := openDB(path, !*apply)
	if err != nil {
		return err
	}
	defer st.Close()
	plan, err := st.PreviewPaketFile(ctx, file, pass, *identity)
	if err != nil {
		return err
	}
	printPlan(stdout, plan)
	if !*apply {
		fmt.Fprintln(stdout, "Belum ada yang ditulis. Jalankan lagi dengan --terapkan untuk menggabungkan.")
		return nil
	}
	take := map[string]bool{}
	if *takeAll {
		for _, it := range plan.Items {
			if it.Status.Conflict() {
				take[it.Key] = true
			}
		}
	}
	sum, err := st.ApplyPaket(ctx, plan, take)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Paket digabungkan ke %s: %d baru, %d diganti versi paket, %d tetap versi di sini, %d sama, %d berkas bukti.\n",
		st.Path(), sum.Added, sum.Replaced, sum.KeptLocal, sum.Same, sum.Bukti)
	return nil
}

// printPlan writes the preview: the manifest, every record that is not
// Sama with its status (conflicts with their differences), and the counts.
func printPlan(w io.Writer, p domain.PaketPlan) {
	printManifest(w, p.Manifest)
	fmt.Fprintln(w)
	for _, it := range p.Items {
		if it.Status == domain.PaketSama && len(it.Notes) == 0 {
			continue
		}
		fmt.Fprintf(w, "%-19s %s\n", it.Status.String(), it.Label)
		for _, d := range it.Diffs {
			fmt.Fprintln(w, "    "+d.Text())
		}
		for _, n := range it.Notes {
			fmt.Fprintln(w, "    "+n)
		}
	}
	fmt.Fprintf(w, "\nBaru %d, Sama %d, Berbeda %d, Lebih baru di sini %d.\n", p.Count(domain.PaketBaru),
		p.Count(domain.PaketSama), p.Count(domain.PaketBerbeda), p.Count(domain.PaketLebihBaru))
	if n := p.Count(domain.PaketBerbeda) + p.Count(domain.PaketLebihBaru); n > 0 {
		fmt.Fprintf(w, "%d data berbeda tetap memakai versi di sini kecuali dengan --ambil-paket-semua.\n", n)
	}
}

func cmdPaketKunci(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("paket kunci", paketKunciHelp, stderr)
	out := fs.String("out", "", "")
	if err := parse(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*out) == "" {
		return usageError{"--out BERKAS belum disebutkan"}
	}
	rcpt, err := store.WritePaketKey(*out)
	if err != nil {
		return err
	}
	path := absPath(*out)
	fmt.Fprintln(stdout, "Kunci penerima (berikan kepada pengirim paket):")
	fmt.Fprintln(stdout, rcpt)
	fmt.Fprintln(stdout, "Berkas identitas (rahasia, jangan dibagikan): "+path)
	fmt.Fprintln(stdout, "Kunci age1… ini juga tertulis di berkas identitas itu, pada baris \"# kunci penerima:\".")
	fmt.Fprintln(stdout, "Berikan hanya kunci age1… kepada pengirim. Berkas identitasnya (AGE-SECRET-KEY-…) tetap rahasia")
	fmt.Fprintln(stdout, "di komputer ini dan perlu dicadangkan: tanpa berkas itu paket untuk kunci ini tidak dapat dibuka.")
	return nil
}

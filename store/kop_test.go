package store

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"reflect"
	"strings"
	"testing"

	"asndesk/domain"
	"asndesk/domain/doc"

	bolt "go.etcd.io/bbolt"
)

func kopPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 20, 30))
	for y := range 30 {
		for x := range 20 {
			img.Set(x, y, color.RGBA{uint8(x * 10), 80, uint8(y * 8), 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func defaultPapers() map[doc.Kind]doc.Paper {
	m := map[doc.Kind]doc.Paper{}
	for _, k := range doc.Kinds() {
		m[k] = doc.DefaultPaper(k)
	}
	return m
}

// TestKopDefault: before anyone saves a kop, it is the office name in
// capitals with every kind on its default paper, and it needs no login.
func TestKopDefault(t *testing.T) {
	s, _ := openTestStore(t)
	k, err := s.Kop(anonCtx)
	if err != nil {
		t.Fatal(err)
	}
	if len(k.Lines) != 0 || k.Logo != nil {
		t.Fatalf("before setup: %+v", k)
	}
	adminCtx(t, s) // sets up "Dinas Uji"
	k, err = s.Kop(anonCtx)
	if err != nil {
		t.Fatal(err)
	}
	want := doc.Kop{Lines: []string{"DINAS UJI"}, Papers: defaultPapers()}
	if !reflect.DeepEqual(k, want) {
		t.Fatalf("default kop %+v, want %+v", k, want)
	}
}

// TestSaveKop: the Admin's kop is what every later read (and a reopened
// file) returns, cleaned up, with the logo type taken from the bytes; the
// change is audited once, and saving it unchanged writes nothing.
func TestSaveKop(t *testing.T) {
	s, path := openTestStore(t)
	admin := adminCtx(t, s)
	logo := kopPNG(t)
	in := doc.Kop{
		Lines:    []string{"  PEMERINTAH KABUPATEN SUKAMAJU ", "", "KECAMATAN SUKAMAJU"},
		Address:  "Jl. Merdeka No. 1,\n  Sukamaju 45111",
		Place:    " Sukamaju ",
		Logo:     logo,
		LogoType: "jpg", // wrong: the bytes decide
		Papers: map[doc.Kind]doc.Paper{doc.KindDUK: {Size: doc.F4, Landscape: true},
			doc.KindSKP: doc.DefaultPaper(doc.KindSKP)},
	}
	mustDo(t, s.SaveKop(admin, in))
	papers := defaultPapers()
	papers[doc.KindDUK] = doc.Paper{Size: doc.F4, Landscape: true}
	want := doc.Kop{Lines: []string{"PEMERINTAH KABUPATEN SUKAMAJU", "KECAMATAN SUKAMAJU"},
		Address: "Jl. Merdeka No. 1, Sukamaju 45111", Place: "Sukamaju", Logo: logo, LogoType: "png", Papers: papers}
	got, err := s.Kop(bg)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("saved kop\n got %+v\nwant %+v", got, want)
	}

	es, err := s.Audit(admin, AuditFilter{Limit: 1})
	if err != nil || len(es) != 1 {
		t.Fatalf("audit %v %v", es, err)
	}
	sum := strings.Join(es[0].Summary, "\n")
	for _, w := range []string{`kop surat: "DINAS UJI" → "PEMERINTAH KABUPATEN SUKAMAJU" / "KECAMATAN SUKAMAJU"`,
		`tempat tanda tangan: "" → "Sukamaju"`, "logo kop: ditambahkan (PNG, 1 KB)",
		"kertas Daftar Urut Kepangkatan (DUK): A4 mendatar → F4 mendatar"} {
		if !strings.Contains(sum, w) {
			t.Errorf("audit lacks %q:\n%s", w, sum)
		}
	}
	if es[0].Entity != EntitySettings {
		t.Errorf("entity %q", es[0].Entity)
	}

	// The same kop again (as read back) changes nothing, not even the audit.
	mustDo(t, s.SaveKop(admin, got))
	if again, _ := s.Audit(admin, AuditFilter{Limit: 1}); again[0].ID != es[0].ID {
		t.Errorf("unchanged save audited: %v", again[0].Summary)
	}

	// Removing the logo and every line is allowed (pre-printed paper).
	mustDo(t, s.SaveKop(admin, doc.Kop{Place: "Sukamaju"}))
	if k, _ := s.Kop(bg); len(k.Lines) != 0 || k.Logo != nil || k.LogoType != "" {
		t.Fatalf("emptied kop %+v", k)
	}
	mustDo(t, s.SaveKop(admin, in))
	assertClean(t, s)

	s.Close()
	s2 := openAt(t, path, testOptions())
	if got, _ := s2.Kop(bg); !reflect.DeepEqual(got, want) {
		t.Fatalf("after reopen %+v", got)
	}
}

// TestSaveKopRefused: bad input gets its message and writes nothing; only
// an Admin may change the kop.
func TestSaveKopRefused(t *testing.T) {
	o := newOffice(t)
	s, admin := o.s, o.ctx["admin"]
	interlaced := kopPNG(t)
	interlaced[28] = 1
	big := append(kopPNG(t), make([]byte, 1<<20)...)
	for _, c := range []struct {
		name string
		k    doc.Kop
		msg  string
	}{
		{"six lines", doc.Kop{Lines: []string{"1", "2", "3", "4", "5", "6"}}, "Kop surat paling banyak 5 baris nama instansi."},
		{"long line", doc.Kop{Lines: []string{"A", strings.Repeat("é", 121)}},
			"Baris 2 kop surat terlalu panjang (121 karakter, paling banyak 120)."},
		{"newline", doc.Kop{Lines: []string{"A\nB"}}, "Baris 1 kop surat harus satu baris."},
		{"long address", doc.Kop{Address: strings.Repeat("x", 201)}, "Alamat kop surat terlalu panjang (201 karakter, paling banyak 200)."},
		{"big logo", doc.Kop{Logo: big}, "Berkas logo terlalu besar (1,0 MB); paling besar 1 MB. Perkecil gambarnya lalu pilih lagi."},
		{"gif", doc.Kop{Logo: []byte("GIF89a\x01\x00\x01\x00")}, "Logo kop surat harus gambar PNG atau JPEG."},
		{"interlaced", doc.Kop{Logo: interlaced}, "Logo kop surat tidak dapat dipakai: gunakan gambar PNG atau JPEG " +
			"yang utuh (bukan PNG interlaced). Simpan ulang gambarnya dari aplikasi pengolah gambar lalu pilih lagi."},
		{"damaged", doc.Kop{Logo: kopPNG(t)[:50]}, "Logo kop surat tidak dapat dipakai: gunakan gambar PNG atau JPEG " +
			"yang utuh (bukan PNG interlaced). Simpan ulang gambarnya dari aplikasi pengolah gambar lalu pilih lagi."},
		{"letter", doc.Kop{Papers: map[doc.Kind]doc.Paper{doc.KindDUK: {Size: "Letter"}}},
			`Ukuran kertas Daftar Urut Kepangkatan (DUK) harus A4 atau F4, bukan "Letter".`},
		{"unknown kind", doc.Kop{Papers: map[doc.Kind]doc.Paper{"surat": {Size: doc.A4}}}, `Jenis dokumen "surat" tidak dikenal.`},
	} {
		refusedNoWrite(t, s, c.name, domain.EINVALID, func() error {
			err := s.SaveKop(admin, c.k)
			wantMessage(t, err, c.msg)
			return err
		})
	}
	for _, who := range []string{"pegawai", "penilai", "pimpinan"} {
		refusedNoWrite(t, s, who, domain.EFORBIDDEN, func() error {
			return s.SaveKop(o.ctx[who], doc.Kop{Lines: []string{"X"}})
		})
	}
}

// TestExportKop: the JSON export carries the kop in effect with the logo
// as base64 and every kind's paper.
func TestExportKop(t *testing.T) {
	s, _ := openTestStore(t)
	admin := adminCtx(t, s)
	logo := kopPNG(t)
	mustDo(t, s.SaveKop(admin, doc.Kop{Lines: []string{"DINAS UJI"}, Place: "Sukamaju", Logo: logo,
		Papers: map[doc.Kind]doc.Paper{doc.KindDRH: {Size: doc.F4}}}))
	var buf bytes.Buffer
	mustDo(t, s.ExportJSON(admin, &buf))
	var out struct {
		Kop struct {
			Lines    []string `json:"lines"`
			Address  string   `json:"address"`
			Place    string   `json:"place"`
			Logo     string   `json:"logo"`
			LogoType string   `json:"logo_type"`
			Papers   map[string]struct {
				Size      string `json:"size"`
				Landscape bool   `json:"landscape"`
			} `json:"papers"`
		} `json:"kop"`
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	k := out.Kop
	b, err := base64.StdEncoding.DecodeString(k.Logo)
	if err != nil || !bytes.Equal(b, logo) || k.LogoType != "png" {
		t.Errorf("logo %q…, %v, type %q", k.Logo[:min(len(k.Logo), 20)], err, k.LogoType)
	}
	if !reflect.DeepEqual(k.Lines, []string{"DINAS UJI"}) || k.Place != "Sukamaju" || len(k.Papers) != len(doc.Kinds()) ||
		k.Papers["drh"].Size != "F4" || k.Papers["duk"].Size != "A4" || !k.Papers["duk"].Landscape {
		t.Errorf("kop %+v", k)
	}
}

func TestCheckKop(t *testing.T) {
	s, _ := openTestStore(t)
	admin := adminCtx(t, s)
	mustDo(t, s.SaveKop(admin, doc.Kop{Lines: []string{"KECAMATAN SUKAMAJU"}, Logo: kopPNG(t)}))
	assertClean(t, s)
	// A logo whose bytes were damaged after saving.
	tamper(t, s, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSettings)
		k, err := decodeKop(b.Get(settingsKop))
		if err != nil {
			return err
		}
		k.Logo = k.Logo[:len(k.Logo)/2]
		v, err := encodeKop(k)
		if err != nil {
			return err
		}
		return b.Put(settingsKop, v)
	})
	wantProblem(t, s, "Logo kop surat rusak")
	tamper(t, s, func(tx *bolt.Tx) error { return tx.Bucket(bucketSettings).Put(settingsKop, []byte("{")) })
	wantProblem(t, s, "Kop surat tidak dapat dibaca")
}

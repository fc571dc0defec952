package store

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"asndesk/domain"
	"asndesk/domain/doc"
	"asndesk/store/pdf"

	bolt "go.etcd.io/bbolt"
)

// The kop surat lives in the settings bucket under "kop" as JSON in a
// versioned envelope, like the other settings; the logo travels inside it
// (encoding/json writes []byte as base64), at most 1 MB.

var settingsKop = []byte("kop")

const (
	kopRecV       = 1
	kopMaxLines   = 5
	kopMaxLine    = 120 // characters per name line
	kopMaxAddress = 200
	kopMaxPlace   = 60
	kopMaxLogo    = 1 << 20
)

type kopRec struct {
	V        int                 `json:"v"`
	Lines    []string            `json:"lines"`
	Address  string              `json:"address"`
	Logo     []byte              `json:"logo,omitempty"`
	LogoType string              `json:"logo_type,omitempty"`
	Place    string              `json:"place"`
	Papers   map[string]paperRec `json:"papers,omitempty"`
}

type paperRec struct {
	Size      string `json:"size"`
	Landscape bool   `json:"landscape"`
}

func encodeKop(k doc.Kop) ([]byte, error) {
	r := kopRec{V: kopRecV, Lines: k.Lines, Address: k.Address, Logo: k.Logo, LogoType: k.LogoType, Place: k.Place}
	if len(k.Papers) > 0 {
		r.Papers = map[string]paperRec{}
		for kind, p := range k.Papers {
			r.Papers[string(kind)] = paperRec{Size: string(p.Size), Landscape: p.Landscape}
		}
	}
	return json.Marshal(r)
}

func decodeKop(v []byte) (doc.Kop, error) {
	var r kopRec
	if err := json.Unmarshal(v, &r); err != nil {
		return doc.Kop{}, err
	}
	if r.V < 1 || r.V > kopRecV {
		return doc.Kop{}, fmt.Errorf("unknown kop record version %d", r.V)
	}
	k := doc.Kop{Lines: r.Lines, Address: r.Address, Logo: r.Logo, LogoType: r.LogoType, Place: r.Place}
	if len(r.Papers) > 0 {
		k.Papers = map[doc.Kind]doc.Paper{}
		for kind, p := range r.Papers {
			k.Papers[doc.Kind(kind)] = doc.Paper{Size: doc.PaperSize(p.Size), Landscape: p.Landscape}
		}
	}
	return k, nil
}

// readKop returns the saved kop, or the default one: the office name in
// capitals as the only line. Papers always holds every kind, the saved
// choice or the default, so a settings screen can show them all.
func readKop(tx *bolt.Tx) (doc.Kop, error) {
	var k doc.Kop
	saved := false
	if b := tx.Bucket(bucketSettings); b != nil {
		if v := b.Get(settingsKop); v != nil {
			var err error
			if k, err = decodeKop(v); err != nil {
				return doc.Kop{}, corrupt("kop surat", 0, err)
			}
			saved = true
		}
	}
	if !saved {
		if mb := tx.Bucket(bucketMeta); mb != nil {
			if v := mb.Get(metaOffice); v != nil {
				o, err := decodeOffice(v)
				if err != nil {
					return doc.Kop{}, corrupt("kantor", 0, err)
				}
				if name := strings.TrimSpace(o.Name); name != "" {
					k.Lines = []string{strings.ToUpper(name)}
				}
			}
		}
	}
	papers := map[doc.Kind]doc.Paper{}
	for _, kind := range doc.Kinds() {
		papers[kind] = k.PaperFor(kind)
	}
	k.Papers = papers
	return k, nil
}

// Kop returns the office's kop surat: the saved one, or (never saved)
// the office name in capitals as its only line, no address, place or
// logo, and the default paper of every kind. Like Settings it needs no
// login: a letterhead holds no personal data.
func (s *Store) Kop(ctx context.Context) (doc.Kop, error) {
	var out doc.Kop
	err := s.view(ctx, "kop", func(tx *bolt.Tx) error {
		var err error
		out, err = readKop(tx)
		return err
	})
	if err != nil {
		return doc.Kop{}, err
	}
	return out, nil
}

// SaveKop replaces the kop surat. Admin only (domain.CanManageOffice);
// audited with what changed. Blank name lines are dropped; no line at all
// is allowed (offices printing on pre-printed letterhead paper). The logo
// must be a PNG or JPEG of at most 1 MB that the PDF renderer can draw;
// LogoType is set from the file's own bytes, whatever the caller said.
func (s *Store) SaveKop(ctx context.Context, k doc.Kop) error {
	k, err := normalizeKop(k)
	if err != nil {
		return err
	}
	return s.write(ctx, "save kop", domain.CanManageOffice, func(tx *bolt.Tx, a domain.Actor) error {
		old, err := readKop(tx)
		if err != nil {
			return err
		}
		changes := diffKop(old, k)
		if len(changes) == 0 {
			return nil
		}
		b, err := bucket(tx, bucketSettings)
		if err != nil {
			return err
		}
		v, err := encodeKop(k)
		if err != nil {
			return err
		}
		if err := b.Put(settingsKop, v); err != nil {
			return err
		}
		return appendAudit(tx, a, s.stamp(), domain.AuditEntry{Action: domain.ActionUpdate, Entity: EntitySettings,
			Summary: changes})
	})
}

// normalizeKop trims and validates k; the error is a domain.Errorf
// (EINVALID) naming the problem.
func normalizeKop(k doc.Kop) (doc.Kop, error) {
	bad := func(msg string) (doc.Kop, error) { return doc.Kop{}, domain.Errorf(domain.EINVALID, msg) }
	var lines []string
	for _, l := range k.Lines {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) > kopMaxLines {
		return bad(fmt.Sprintf("Kop surat paling banyak %d baris nama instansi.", kopMaxLines))
	}
	for i, l := range lines {
		if n := utf8.RuneCountInString(l); n > kopMaxLine {
			return bad(fmt.Sprintf("Baris %d kop surat terlalu panjang (%d karakter, paling banyak %d).", i+1, n, kopMaxLine))
		}
		if strings.ContainsAny(l, "\n\r\t") {
			return bad(fmt.Sprintf("Baris %d kop surat harus satu baris.", i+1))
		}
	}
	k.Lines = lines
	k.Address = strings.Join(strings.Fields(k.Address), " ")
	if n := utf8.RuneCountInString(k.Address); n > kopMaxAddress {
		return bad(fmt.Sprintf("Alamat kop surat terlalu panjang (%d karakter, paling banyak %d).", n, kopMaxAddress))
	}
	k.Place = strings.TrimSpace(k.Place)
	if n := utf8.RuneCountInString(k.Place); n > kopMaxPlace || strings.ContainsAny(k.Place, "\n\r\t") {
		return bad(fmt.Sprintf("Tempat penandatanganan paling banyak %d karakter dalam satu baris.", kopMaxPlace))
	}
	if len(k.Logo) == 0 {
		k.Logo, k.LogoType = nil, ""
	} else {
		if len(k.Logo) > kopMaxLogo {
			return bad(fmt.Sprintf("Berkas logo terlalu besar (%s); paling besar 1 MB. Perkecil gambarnya lalu pilih lagi.",
				formatMB(int64(len(k.Logo)))))
		}
		if k.LogoType = pdf.LogoType(k.Logo); k.LogoType == "" {
			return bad("Logo kop surat harus gambar PNG atau JPEG.")
		}
		if err := pdf.CheckLogo(k.Logo); err != nil {
			return doc.Kop{}, err
		}
	}
	known := doc.Kinds()
	papers := map[doc.Kind]doc.Paper{}
	for kind, p := range k.Papers {
		if !slices.Contains(known, kind) {
			return bad(fmt.Sprintf("Jenis dokumen %q tidak dikenal.", string(kind)))
		}
		if p.Size != doc.A4 && p.Size != doc.F4 {
			return bad(fmt.Sprintf("Ukuran kertas %s harus A4 atau F4, bukan %q.", kind.Label(), string(p.Size)))
		}
		// Only choices that differ from the default are kept, so a later
		// change of a default reaches offices that never chose.
		if p != doc.DefaultPaper(kind) {
			papers[kind] = p
		}
	}
	k.Papers = nil
	if len(papers) > 0 {
		k.Papers = papers
	}
	return k, nil
}

// diffKop describes what changed, one audit line per part.
func diffKop(old, new doc.Kop) []string {
	var out []string
	if !slices.Equal(old.Lines, new.Lines) {
		out = append(out, "kop surat: "+quoteLines(old.Lines)+" → "+quoteLines(new.Lines))
	}
	if old.Address != new.Address {
		out = append(out, fmt.Sprintf("alamat kop: %q → %q", old.Address, new.Address))
	}
	if old.Place != new.Place {
		out = append(out, fmt.Sprintf("tempat tanda tangan: %q → %q", old.Place, new.Place))
	}
	if string(old.Logo) != string(new.Logo) {
		switch {
		case len(new.Logo) == 0:
			out = append(out, "logo kop: dihapus")
		case len(old.Logo) == 0:
			out = append(out, fmt.Sprintf("logo kop: ditambahkan (%s, %s)", strings.ToUpper(new.LogoType), formatKB(len(new.Logo))))
		default:
			out = append(out, fmt.Sprintf("logo kop: diganti (%s, %s)", strings.ToUpper(new.LogoType), formatKB(len(new.Logo))))
		}
	}
	for _, kind := range doc.Kinds() {
		if o, n := old.PaperFor(kind), new.PaperFor(kind); o != n {
			out = append(out, "kertas "+kind.Label()+": "+paperText(o)+" → "+paperText(n))
		}
	}
	return out
}

func quoteLines(ls []string) string {
	if len(ls) == 0 {
		return "(kosong)"
	}
	q := make([]string, len(ls))
	for i, l := range ls {
		q[i] = fmt.Sprintf("%q", l)
	}
	return strings.Join(q, " / ")
}

func paperText(p doc.Paper) string {
	if p.Landscape {
		return string(p.Size) + " mendatar"
	}
	return string(p.Size) + " tegak"
}

func formatKB(n int) string {
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}

// exportKop is the kop in the JSON export: the one in effect, the logo as
// base64 ("" for none), every kind's paper.
type exportKop struct {
	Lines    []string               `json:"lines"`
	Address  string                 `json:"address"`
	Place    string                 `json:"place"`
	Logo     string                 `json:"logo"`
	LogoType string                 `json:"logo_type"`
	Papers   map[string]exportPaper `json:"papers"`
}

type exportPaper struct {
	Size      string `json:"size"`
	Landscape bool   `json:"landscape"`
}

func toExportKop(k doc.Kop) exportKop {
	out := exportKop{Lines: k.Lines, Address: k.Address, Place: k.Place, LogoType: k.LogoType,
		Papers: map[string]exportPaper{}}
	if out.Lines == nil {
		out.Lines = []string{}
	}
	if len(k.Logo) > 0 {
		out.Logo = base64.StdEncoding.EncodeToString(k.Logo)
	}
	for _, kind := range doc.Kinds() {
		p := k.PaperFor(kind)
		out.Papers[string(kind)] = exportPaper{Size: string(p.Size), Landscape: p.Landscape}
	}
	return out
}

// checkKop reports a saved kop surat that cannot be read or whose logo is
// no longer a picture the renderer can draw (asndesk check).
func checkKop(buckets map[string]*bolt.Bucket, add func(string, ...any)) {
	sb := buckets[string(bucketSettings)]
	if sb == nil {
		return
	}
	v := sb.Get(settingsKop)
	if v == nil {
		return
	}
	k, err := decodeKop(v)
	if err != nil {
		add("Kop surat tidak dapat dibaca (%v).", err)
		return
	}
	if len(k.Logo) > 0 && pdf.CheckLogo(k.Logo) != nil {
		add("Logo kop surat rusak; muat ulang logo di Impor & ekspor → Kop surat & kertas cetak.")
	}
}

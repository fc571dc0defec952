package store

import (
	"bytes"
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"

	"asndesk/domain"
)

// A fast path for decoding riwayat records. The Pengingat screen reads
// every entry of the office at once (AllRiwayatByEmployee), and
// encoding/json spends about 4.5 µs on each: 100,000 entries would take
// half a second. fastDecodeRiwayat reads the records encodeRiwayat writes
// (any key order, unknown keys skipped) about ten times faster, without
// reflection. Whatever it does not expect (an unknown or escaped key, a
// null, invalid UTF-8, a malformed value) makes it give up, and
// decodeRiwayat falls back to encoding/json, which stays the authority:
// the two must agree, which TestFastDecodeRiwayat checks on every kind and
// on odd input.

type jscan struct {
	b []byte
	i int
}

func (s *jscan) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *jscan) peek() byte {
	s.ws()
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

func (s *jscan) eat(c byte) bool {
	if s.peek() == c {
		s.i++
		return true
	}
	return false
}

// rawString returns the bytes of a string without its quotes and whether
// it contains escapes.
func (s *jscan) rawString() (raw []byte, esc, ok bool) {
	if !s.eat('"') {
		return nil, false, false
	}
	start := s.i
	for s.i < len(s.b) {
		// Jump to the next quote; backslashes and control characters
		// before it are rare and checked on the way.
		q := bytes.IndexByte(s.b[s.i:], '"')
		if q < 0 {
			return nil, false, false
		}
		seg := s.b[s.i : s.i+q]
		for _, c := range seg {
			if c < 0x20 {
				return nil, false, false
			}
		}
		if bs := bytes.IndexByte(seg, '\\'); bs >= 0 {
			esc = true
			s.i += bs + 2 // the escaped character, possibly a quote
			continue
		}
		s.i += q
		raw = s.b[start:s.i]
		s.i++
		return raw, esc, true
	}
	return nil, false, false
}

func (s *jscan) str() (string, bool) {
	start := s.i
	raw, esc, ok := s.rawString()
	if !ok {
		return "", false
	}
	if !esc {
		if !utf8.Valid(raw) {
			return "", false // encoding/json would replace bytes: let it
		}
		return string(raw), true
	}
	var out string
	if err := json.Unmarshal(s.b[start:s.i], &out); err != nil {
		return "", false
	}
	return out, true
}

// key reads an object key (no escapes) and the colon after it.
func (s *jscan) key() ([]byte, bool) {
	raw, esc, ok := s.rawString()
	if !ok || esc || !s.eat(':') {
		return nil, false
	}
	return raw, true
}

// integer reads a JSON number that is an integer as JSON writes it: an
// optional minus, then 0 or digits without a leading zero. Anything else
// (fractions, exponents, a plus sign) is left to encoding/json.
func (s *jscan) integer() ([]byte, bool) {
	s.ws()
	start := s.i
	if s.i < len(s.b) && s.b[s.i] == '-' {
		s.i++
	}
	digits := s.i
	for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
		s.i++
	}
	n := s.i - digits
	if n == 0 || n > 1 && s.b[digits] == '0' {
		return nil, false
	}
	if s.i < len(s.b) {
		if c := s.b[s.i]; c == '.' || c == 'e' || c == 'E' {
			return nil, false
		}
	}
	return s.b[start:s.i], true
}

func (s *jscan) int64() (int64, bool) {
	n, ok := s.integer()
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseInt(string(n), 10, 64)
	return v, err == nil
}

func (s *jscan) int() (int, bool) {
	v, ok := s.int64()
	return int(v), ok && v == int64(int(v))
}

func (s *jscan) uint64() (uint64, bool) {
	n, ok := s.integer()
	if !ok {
		return 0, false
	}
	v, err := strconv.ParseUint(string(n), 10, 64)
	return v, err == nil
}

func (s *jscan) bool() (bool, bool) {
	s.ws()
	switch {
	case bytes.HasPrefix(s.b[s.i:], []byte("true")):
		s.i += 4
		return true, true
	case bytes.HasPrefix(s.b[s.i:], []byte("false")):
		s.i += 5
		return false, true
	}
	return false, false
}

// date reads a "YYYY-MM-DD" or "" string.
func (s *jscan) date() (isoDate, bool) {
	raw, esc, ok := s.rawString()
	if !ok || esc {
		return isoDate{}, false
	}
	if len(raw) == 0 {
		return isoDate{}, true
	}
	if len(raw) != 10 || raw[4] != '-' || raw[7] != '-' {
		return isoDate{}, false
	}
	num := func(b []byte) (int, bool) {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(raw[:4])
	m, ok2 := num(raw[5:7])
	d, ok3 := num(raw[8:])
	if !ok1 || !ok2 || !ok3 {
		return isoDate{}, false
	}
	v, ok := domain.NewDate(y, time.Month(m), d)
	return isoDate(v), ok
}

// time reads a timestamp with time.Time's own text decoding, which is
// what encoding/json uses.
func (s *jscan) time() (time.Time, bool) {
	raw, esc, ok := s.rawString()
	if !ok || esc {
		return time.Time{}, false
	}
	var t time.Time
	return t, t.UnmarshalText(raw) == nil
}

// object calls field for every key of an object; field reads the value
// and reports whether it could.
func (s *jscan) object(field func(key []byte) bool) bool {
	if !s.eat('{') {
		return false
	}
	if s.eat('}') {
		return true
	}
	for {
		k, ok := s.key()
		if !ok || !field(k) {
			return false
		}
		if s.eat('}') {
			return true
		}
		if !s.eat(',') {
			return false
		}
	}
}

// set helpers: read into *dst and report success.
func (s *jscan) setStr(dst *string) bool {
	v, ok := s.str()
	*dst = v
	return ok
}

func (s *jscan) setInt(dst *int) bool {
	v, ok := s.int()
	*dst = v
	return ok
}

func (s *jscan) setInt64(dst *int64) bool {
	v, ok := s.int64()
	*dst = v
	return ok
}

func (s *jscan) setUint(dst *uint64) bool {
	v, ok := s.uint64()
	*dst = v
	return ok
}

func (s *jscan) setDate(dst *domain.Date) bool {
	v, ok := s.date()
	*dst = domain.Date(v)
	return ok
}

func (s *jscan) setBool(dst *bool) bool {
	v, ok := s.bool()
	*dst = v
	return ok
}

// fastDecodeRiwayat decodes v into *rec (straight into the domain types,
// without the stored-form structs); ok=false means "use encoding/json",
// which also reports what is wrong.
func fastDecodeRiwayat(v []byte, rec *domain.Riwayat) bool {
	s := &jscan{b: v}
	ver := 0
	ok := s.object(func(k []byte) bool {
		switch string(k) {
		case "v":
			return s.setInt(&ver)
		case "id":
			return s.setUint(&rec.ID)
		case "employee_id":
			return s.setUint(&rec.EmployeeID)
		case "kind":
			k, ok := s.str()
			rec.Kind = domain.RiwayatKind(k)
			return ok
		case "created":
			t, ok := s.time()
			rec.Created = t
			return ok
		case "updated":
			t, ok := s.time()
			rec.Updated = t
			return ok
		case "pangkat":
			if rec.Pangkat != nil {
				return false // a repeated object: encoding/json merges, let it
			}
			d := &domain.RwPangkatData{}
			rec.Pangkat = d
			return s.object(func(k []byte) bool {
				switch string(k) {
				case "golongan":
					return s.setStr(&d.Golongan)
				case "tmt":
					return s.setDate(&d.TMT)
				case "nomor_sk":
					return s.setStr(&d.NomorSK)
				case "tanggal_sk":
					return s.setDate(&d.TanggalSK)
				case "jenis_kp":
					return s.setStr(&d.JenisKP)
				case "mkg_tahun":
					return s.setInt(&d.MKGTahun)
				case "mkg_bulan":
					return s.setInt(&d.MKGBulan)
				}
				return false // unknown key: let encoding/json decide
			})
		case "jabatan":
			if rec.Jabatan != nil {
				return false // a repeated object: encoding/json merges, let it
			}
			d := &domain.RwJabatanData{}
			rec.Jabatan = d
			return s.object(func(k []byte) bool {
				switch string(k) {
				case "jenis":
					v, ok := s.int()
					d.Jenis = domain.JabatanKind(v)
					return ok
				case "jenjang":
					v, ok := s.int()
					d.Jenjang = domain.Jenjang(v)
					return ok
				case "nama":
					return s.setStr(&d.Nama)
				case "unit_id":
					return s.setUint(&d.UnitID)
				case "tmt":
					return s.setDate(&d.TMT)
				case "nomor_sk":
					return s.setStr(&d.NomorSK)
				case "tanggal_sk":
					return s.setDate(&d.TanggalSK)
				case "eselon":
					return s.setStr(&d.Eselon)
				}
				return false // unknown key: let encoding/json decide
			})
		case "pendidikan":
			if rec.Pendidikan != nil {
				return false // a repeated object: encoding/json merges, let it
			}
			d := &domain.RwPendidikanData{}
			rec.Pendidikan = d
			return s.object(func(k []byte) bool {
				switch string(k) {
				case "tingkat":
					return s.setStr(&d.Tingkat)
				case "jurusan":
					return s.setStr(&d.Jurusan)
				case "nama_sekolah":
					return s.setStr(&d.NamaSekolah)
				case "tahun_lulus":
					return s.setInt(&d.TahunLulus)
				case "nomor_ijazah":
					return s.setStr(&d.NomorIjazah)
				case "gelar":
					return s.setStr(&d.Gelar)
				}
				return false // unknown key: let encoding/json decide
			})
		case "diklat":
			if rec.Diklat != nil {
				return false // a repeated object: encoding/json merges, let it
			}
			d := &domain.RwDiklatData{}
			rec.Diklat = d
			return s.object(func(k []byte) bool {
				switch string(k) {
				case "jenis":
					return s.setStr(&d.Jenis)
				case "nama":
					return s.setStr(&d.Nama)
				case "penyelenggara":
					return s.setStr(&d.Penyelenggara)
				case "mulai":
					return s.setDate(&d.Mulai)
				case "selesai":
					return s.setDate(&d.Selesai)
				case "jam_pelajaran":
					return s.setInt(&d.JamPelajaran)
				case "nomor_sertifikat":
					return s.setStr(&d.NomorSertifikat)
				}
				return false // unknown key: let encoding/json decide
			})
		case "penghargaan":
			if rec.Penghargaan != nil {
				return false // a repeated object: encoding/json merges, let it
			}
			d := &domain.RwPenghargaanData{}
			rec.Penghargaan = d
			return s.object(func(k []byte) bool {
				switch string(k) {
				case "jenis":
					return s.setStr(&d.Jenis)
				case "tahun":
					return s.setInt(&d.Tahun)
				case "nomor_sk":
					return s.setStr(&d.NomorSK)
				case "tanggal_sk":
					return s.setDate(&d.TanggalSK)
				}
				return false // unknown key: let encoding/json decide
			})
		case "hukdis":
			if rec.Hukdis != nil {
				return false // a repeated object: encoding/json merges, let it
			}
			d := &domain.RwHukdisData{}
			rec.Hukdis = d
			return s.object(func(k []byte) bool {
				switch string(k) {
				case "tingkat":
					return s.setStr(&d.Tingkat)
				case "jenis":
					return s.setStr(&d.Jenis)
				case "alasan":
					return s.setStr(&d.Alasan)
				case "nomor_sk":
					return s.setStr(&d.NomorSK)
				case "tanggal_sk":
					return s.setDate(&d.TanggalSK)
				case "mulai":
					return s.setDate(&d.Mulai)
				case "masa_bulan":
					return s.setInt(&d.MasaBulan)
				}
				return false // unknown key: let encoding/json decide
			})
		case "keluarga":
			if rec.Keluarga != nil {
				return false // a repeated object: encoding/json merges, let it
			}
			d := &domain.RwKeluargaData{}
			rec.Keluarga = d
			return s.object(func(k []byte) bool {
				switch string(k) {
				case "hubungan":
					return s.setStr(&d.Hubungan)
				case "nama":
					return s.setStr(&d.Nama)
				case "nik":
					return s.setStr(&d.NIK)
				case "tanggal_lahir":
					return s.setDate(&d.TanggalLahir)
				case "jenis_kelamin":
					v, ok := s.int()
					d.JenisKelamin = domain.Gender(v)
					return ok
				case "status_anak":
					return s.setStr(&d.StatusAnak)
				case "tanggal_nikah":
					return s.setDate(&d.TanggalNikah)
				case "akta_nikah":
					return s.setStr(&d.AktaNikah)
				case "pekerjaan":
					return s.setStr(&d.Pekerjaan)
				case "tunjangan":
					return s.setBool(&d.Tunjangan)
				}
				return false // unknown key: let encoding/json decide
			})
		case "gaji":
			if rec.Gaji != nil {
				return false // a repeated object: encoding/json merges, let it
			}
			d := &domain.RwGajiData{}
			rec.Gaji = d
			return s.object(func(k []byte) bool {
				switch string(k) {
				case "tmt":
					return s.setDate(&d.TMT)
				case "gaji_lama":
					return s.setInt64(&d.GajiLama)
				case "gaji_baru":
					return s.setInt64(&d.GajiBaru)
				case "nomor_sk":
					return s.setStr(&d.NomorSK)
				case "tanggal_sk":
					return s.setDate(&d.TanggalSK)
				case "mkg_tahun":
					return s.setInt(&d.MKGTahun)
				case "mkg_bulan":
					return s.setInt(&d.MKGBulan)
				}
				return false // unknown key: let encoding/json decide
			})
		case "cuti":
			if rec.Cuti != nil {
				return false // a repeated object: encoding/json merges, let it
			}
			d := &domain.RwCutiData{}
			rec.Cuti = d
			return s.object(func(k []byte) bool {
				switch string(k) {
				case "jenis":
					return s.setStr(&d.Jenis)
				case "mulai":
					return s.setDate(&d.Mulai)
				case "selesai":
					return s.setDate(&d.Selesai)
				case "lama_hari":
					return s.setInt(&d.LamaHari)
				case "lama_bulan":
					return s.setInt(&d.LamaBulan)
				case "alasan":
					return s.setStr(&d.Alasan)
				case "alamat":
					return s.setStr(&d.Alamat)
				}
				return false // unknown key: let encoding/json decide
			})
		case "angka_kredit":
			if rec.AngkaKredit != nil {
				return false // a repeated object: encoding/json merges, let it
			}
			d := &domain.RwAngkaKreditData{}
			rec.AngkaKredit = d
			return s.object(func(k []byte) bool {
				switch string(k) {
				case "jenis":
					return s.setStr(&d.Jenis)
				case "periode_mulai":
					return s.setDate(&d.PeriodeMulai)
				case "periode_selesai":
					return s.setDate(&d.PeriodeSelesai)
				case "ak_milli":
					return s.setInt64(&d.AKMilli)
				case "nomor_pak":
					return s.setStr(&d.NomorPAK)
				}
				return false // unknown key: let encoding/json decide
			})
		case "organisasi":
			if rec.Organisasi != nil {
				return false // a repeated object: encoding/json merges, let it
			}
			d := &domain.RwOrganisasiData{}
			rec.Organisasi = d
			return s.object(func(k []byte) bool {
				switch string(k) {
				case "nama":
					return s.setStr(&d.Nama)
				case "jabatan":
					return s.setStr(&d.Jabatan)
				case "tahun_mulai":
					return s.setInt(&d.TahunMulai)
				case "tahun_selesai":
					return s.setInt(&d.TahunSelesai)
				}
				return false // unknown key: let encoding/json decide
			})
		case "masa_kerja":
			if rec.MasaKerja != nil {
				return false // a repeated object: encoding/json merges, let it
			}
			d := &domain.RwMasaKerjaData{}
			rec.MasaKerja = d
			return s.object(func(k []byte) bool {
				switch string(k) {
				case "tmt":
					return s.setDate(&d.TMT)
				case "tahun":
					return s.setInt(&d.Tahun)
				case "bulan":
					return s.setInt(&d.Bulan)
				case "nomor_sk":
					return s.setStr(&d.NomorSK)
				case "tanggal_sk":
					return s.setDate(&d.TanggalSK)
				case "golongan":
					return s.setBool(&d.Golongan)
				}
				return false // unknown key: let encoding/json decide
			})
		}
		return false // unknown key: let encoding/json decide
	})
	if !ok || ver < 1 || ver > riwayatRecV || !rec.HasData() {
		return false
	}
	s.ws()
	return s.i == len(s.b)
}

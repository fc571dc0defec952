package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"asndesk/domain"
)

// Riwayat keys are empID(8) | kind(1) | entryID(8): one employee's entries
// are contiguous (a prefix scan reads them all), grouped by kind, and each
// kind in entry-id order. The entry id comes from the riwayat bucket's
// sequence, so it is unique across employees and kinds.
const riwayatKeyLen = 17

// riwayatKindCodes maps a kind to its one-byte key code. Stored: never
// renumber; new kinds take new codes.
var riwayatKindCodes = map[domain.RiwayatKind]byte{
	domain.RwPangkat:     1,
	domain.RwJabatan:     2,
	domain.RwPendidikan:  3,
	domain.RwDiklat:      4,
	domain.RwPenghargaan: 5,
	domain.RwHukdis:      6,
	domain.RwKeluarga:    7,
	domain.RwGaji:        8,
	domain.RwCuti:        9,
	domain.RwAngkaKredit: 10,
	domain.RwOrganisasi:  11,
	domain.RwMasaKerja:   12,
}

// riwayatKindOf is the inverse of riwayatKindCodes.
var riwayatKindOf = func() [256]domain.RiwayatKind {
	var out [256]domain.RiwayatKind
	for k, c := range riwayatKindCodes {
		out[c] = k
	}
	return out
}()

func riwayatKey(empID uint64, code byte, id uint64) []byte {
	k := make([]byte, 0, riwayatKeyLen)
	k = binary.BigEndian.AppendUint64(k, empID)
	k = append(k, code)
	return binary.BigEndian.AppendUint64(k, id)
}

// riwayatPrefix is the key prefix of one employee's entries, or of one kind
// of them when code is not 0.
func riwayatPrefix(empID uint64, code byte) []byte {
	k := binary.BigEndian.AppendUint64(make([]byte, 0, 9), empID)
	if code != 0 {
		k = append(k, code)
	}
	return k
}

// parseRiwayatKey splits a riwayat key; ok=false when it has the wrong
// length or an unknown kind code.
func parseRiwayatKey(k []byte) (empID uint64, kind domain.RiwayatKind, id uint64, ok bool) {
	if len(k) != riwayatKeyLen {
		return 0, "", 0, false
	}
	kind = riwayatKindOf[k[8]]
	return binary.BigEndian.Uint64(k[:8]), kind, binary.BigEndian.Uint64(k[9:]), kind != ""
}

// isoDate stores a domain.Date as "YYYY-MM-DD" ("" when unset). The format
// is pinned here rather than borrowed from domain.Date's text methods, so
// that the file format cannot change by accident.
type isoDate domain.Date

func (d isoDate) MarshalText() ([]byte, error) {
	if domain.Date(d).IsZero() {
		return []byte{}, nil
	}
	return fmt.Appendf(nil, "%04d-%02d-%02d", d.Year, int(d.Month), d.Day), nil
}

func (d *isoDate) UnmarshalText(b []byte) error {
	v, err := parseISODate(string(b))
	if err != nil {
		return err
	}
	*d = isoDate(v)
	return nil
}

// riwayatRec is the stored form of domain.Riwayat: the common fields and
// exactly one data object, named after the kind.
type riwayatRec struct {
	V          int       `json:"v"`
	ID         uint64    `json:"id"`
	EmployeeID uint64    `json:"employee_id"`
	Kind       string    `json:"kind"`
	Created    time.Time `json:"created"`
	Updated    time.Time `json:"updated"`

	Pangkat     *rwPangkatRec     `json:"pangkat,omitempty"`
	Jabatan     *rwJabatanRec     `json:"jabatan,omitempty"`
	Pendidikan  *rwPendidikanRec  `json:"pendidikan,omitempty"`
	Diklat      *rwDiklatRec      `json:"diklat,omitempty"`
	Penghargaan *rwPenghargaanRec `json:"penghargaan,omitempty"`
	Hukdis      *rwHukdisRec      `json:"hukdis,omitempty"`
	Keluarga    *rwKeluargaRec    `json:"keluarga,omitempty"`
	Gaji        *rwGajiRec        `json:"gaji,omitempty"`
	Cuti        *rwCutiRec        `json:"cuti,omitempty"`
	AngkaKredit *rwAngkaKreditRec `json:"angka_kredit,omitempty"`
	Organisasi  *rwOrganisasiRec  `json:"organisasi,omitempty"`
	MasaKerja   *rwMasaKerjaRec   `json:"masa_kerja,omitempty"`
}

type rwPangkatRec struct {
	Golongan  string  `json:"golongan"`
	TMT       isoDate `json:"tmt"`
	NomorSK   string  `json:"nomor_sk"`
	TanggalSK isoDate `json:"tanggal_sk"`
	JenisKP   string  `json:"jenis_kp"`
	MKGTahun  int     `json:"mkg_tahun"`
	MKGBulan  int     `json:"mkg_bulan"`
}

type rwJabatanRec struct {
	Jenis     int     `json:"jenis"` // domain.JabatanKind code
	Jenjang   int     `json:"jenjang"`
	Nama      string  `json:"nama"`
	UnitID    uint64  `json:"unit_id"`
	TMT       isoDate `json:"tmt"`
	NomorSK   string  `json:"nomor_sk"`
	TanggalSK isoDate `json:"tanggal_sk"`
	Eselon    string  `json:"eselon"`
}

type rwPendidikanRec struct {
	Tingkat     string `json:"tingkat"`
	Jurusan     string `json:"jurusan"`
	NamaSekolah string `json:"nama_sekolah"`
	TahunLulus  int    `json:"tahun_lulus"`
	NomorIjazah string `json:"nomor_ijazah"`
	Gelar       string `json:"gelar"`
}

type rwDiklatRec struct {
	Jenis           string  `json:"jenis"`
	Nama            string  `json:"nama"`
	Penyelenggara   string  `json:"penyelenggara"`
	Mulai           isoDate `json:"mulai"`
	Selesai         isoDate `json:"selesai"`
	JamPelajaran    int     `json:"jam_pelajaran"`
	NomorSertifikat string  `json:"nomor_sertifikat"`
}

type rwPenghargaanRec struct {
	Jenis     string  `json:"jenis"`
	Tahun     int     `json:"tahun"`
	NomorSK   string  `json:"nomor_sk"`
	TanggalSK isoDate `json:"tanggal_sk"`
}

type rwHukdisRec struct {
	Tingkat   string  `json:"tingkat"`
	Jenis     string  `json:"jenis"`
	Alasan    string  `json:"alasan"`
	NomorSK   string  `json:"nomor_sk"`
	TanggalSK isoDate `json:"tanggal_sk"`
	Mulai     isoDate `json:"mulai"`
	MasaBulan int     `json:"masa_bulan"`
}

type rwKeluargaRec struct {
	Hubungan     string  `json:"hubungan"`
	Nama         string  `json:"nama"`
	NIK          string  `json:"nik"`
	TanggalLahir isoDate `json:"tanggal_lahir"`
	JenisKelamin int     `json:"jenis_kelamin"` // domain.Gender code
	StatusAnak   string  `json:"status_anak"`
	TanggalNikah isoDate `json:"tanggal_nikah"`
	AktaNikah    string  `json:"akta_nikah"`
	Pekerjaan    string  `json:"pekerjaan"`
	Tunjangan    bool    `json:"tunjangan"`
}

type rwGajiRec struct {
	TMT       isoDate `json:"tmt"`
	GajiLama  int64   `json:"gaji_lama"`
	GajiBaru  int64   `json:"gaji_baru"`
	NomorSK   string  `json:"nomor_sk"`
	TanggalSK isoDate `json:"tanggal_sk"`
	MKGTahun  int     `json:"mkg_tahun"`
	MKGBulan  int     `json:"mkg_bulan"`
}

type rwCutiRec struct {
	Jenis     string  `json:"jenis"`
	Mulai     isoDate `json:"mulai"`
	Selesai   isoDate `json:"selesai"`
	LamaHari  int     `json:"lama_hari"`
	LamaBulan int     `json:"lama_bulan"`
	Alasan    string  `json:"alasan"`
	Alamat    string  `json:"alamat"`
}

type rwAngkaKreditRec struct {
	Jenis          string  `json:"jenis"`
	PeriodeMulai   isoDate `json:"periode_mulai"`
	PeriodeSelesai isoDate `json:"periode_selesai"`
	AKMilli        int64   `json:"ak_milli"`
	NomorPAK       string  `json:"nomor_pak"`
}

type rwOrganisasiRec struct {
	Nama         string `json:"nama"`
	Jabatan      string `json:"jabatan"`
	TahunMulai   int    `json:"tahun_mulai"`
	TahunSelesai int    `json:"tahun_selesai"`
}

type rwMasaKerjaRec struct {
	TMT       isoDate `json:"tmt"`
	Tahun     int     `json:"tahun"`
	Bulan     int     `json:"bulan"`
	NomorSK   string  `json:"nomor_sk"`
	TanggalSK isoDate `json:"tanggal_sk"`
	Golongan  bool    `json:"golongan"`
}

func riwayatToRec(r domain.Riwayat) riwayatRec {
	rec := riwayatRec{V: riwayatRecV, ID: r.ID, EmployeeID: r.EmployeeID, Kind: string(r.Kind),
		Created: r.Created, Updated: r.Updated}
	switch r.Kind {
	case domain.RwPangkat:
		if d := r.Pangkat; d != nil {
			rec.Pangkat = &rwPangkatRec{Golongan: d.Golongan, TMT: isoDate(d.TMT), NomorSK: d.NomorSK,
				TanggalSK: isoDate(d.TanggalSK), JenisKP: d.JenisKP, MKGTahun: d.MKGTahun, MKGBulan: d.MKGBulan}
		}
	case domain.RwJabatan:
		if d := r.Jabatan; d != nil {
			rec.Jabatan = &rwJabatanRec{Jenis: int(d.Jenis), Jenjang: int(d.Jenjang), Nama: d.Nama, UnitID: d.UnitID,
				TMT: isoDate(d.TMT), NomorSK: d.NomorSK, TanggalSK: isoDate(d.TanggalSK), Eselon: d.Eselon}
		}
	case domain.RwPendidikan:
		if d := r.Pendidikan; d != nil {
			rec.Pendidikan = &rwPendidikanRec{Tingkat: d.Tingkat, Jurusan: d.Jurusan, NamaSekolah: d.NamaSekolah,
				TahunLulus: d.TahunLulus, NomorIjazah: d.NomorIjazah, Gelar: d.Gelar}
		}
	case domain.RwDiklat:
		if d := r.Diklat; d != nil {
			rec.Diklat = &rwDiklatRec{Jenis: d.Jenis, Nama: d.Nama, Penyelenggara: d.Penyelenggara,
				Mulai: isoDate(d.Mulai), Selesai: isoDate(d.Selesai), JamPelajaran: d.JamPelajaran,
				NomorSertifikat: d.NomorSertifikat}
		}
	case domain.RwPenghargaan:
		if d := r.Penghargaan; d != nil {
			rec.Penghargaan = &rwPenghargaanRec{Jenis: d.Jenis, Tahun: d.Tahun, NomorSK: d.NomorSK,
				TanggalSK: isoDate(d.TanggalSK)}
		}
	case domain.RwHukdis:
		if d := r.Hukdis; d != nil {
			rec.Hukdis = &rwHukdisRec{Tingkat: d.Tingkat, Jenis: d.Jenis, Alasan: d.Alasan, NomorSK: d.NomorSK,
				TanggalSK: isoDate(d.TanggalSK), Mulai: isoDate(d.Mulai), MasaBulan: d.MasaBulan}
		}
	case domain.RwKeluarga:
		if d := r.Keluarga; d != nil {
			rec.Keluarga = &rwKeluargaRec{Hubungan: d.Hubungan, Nama: d.Nama, NIK: d.NIK,
				TanggalLahir: isoDate(d.TanggalLahir), JenisKelamin: int(d.JenisKelamin), StatusAnak: d.StatusAnak,
				TanggalNikah: isoDate(d.TanggalNikah), AktaNikah: d.AktaNikah, Pekerjaan: d.Pekerjaan,
				Tunjangan: d.Tunjangan}
		}
	case domain.RwGaji:
		if d := r.Gaji; d != nil {
			rec.Gaji = &rwGajiRec{TMT: isoDate(d.TMT), GajiLama: d.GajiLama, GajiBaru: d.GajiBaru, NomorSK: d.NomorSK,
				TanggalSK: isoDate(d.TanggalSK), MKGTahun: d.MKGTahun, MKGBulan: d.MKGBulan}
		}
	case domain.RwCuti:
		if d := r.Cuti; d != nil {
			rec.Cuti = &rwCutiRec{Jenis: d.Jenis, Mulai: isoDate(d.Mulai), Selesai: isoDate(d.Selesai),
				LamaHari: d.LamaHari, LamaBulan: d.LamaBulan, Alasan: d.Alasan, Alamat: d.Alamat}
		}
	case domain.RwAngkaKredit:
		if d := r.AngkaKredit; d != nil {
			rec.AngkaKredit = &rwAngkaKreditRec{Jenis: d.Jenis, PeriodeMulai: isoDate(d.PeriodeMulai),
				PeriodeSelesai: isoDate(d.PeriodeSelesai), AKMilli: d.AKMilli, NomorPAK: d.NomorPAK}
		}
	case domain.RwOrganisasi:
		if d := r.Organisasi; d != nil {
			rec.Organisasi = &rwOrganisasiRec{Nama: d.Nama, Jabatan: d.Jabatan, TahunMulai: d.TahunMulai,
				TahunSelesai: d.TahunSelesai}
		}
	case domain.RwMasaKerja:
		if d := r.MasaKerja; d != nil {
			rec.MasaKerja = &rwMasaKerjaRec{TMT: isoDate(d.TMT), Tahun: d.Tahun, Bulan: d.Bulan, NomorSK: d.NomorSK,
				TanggalSK: isoDate(d.TanggalSK), Golongan: d.Golongan}
		}
	}
	return rec
}

func (rec riwayatRec) toDomain() (domain.Riwayat, error) {
	r := domain.Riwayat{ID: rec.ID, EmployeeID: rec.EmployeeID, Kind: domain.RiwayatKind(rec.Kind),
		Created: rec.Created, Updated: rec.Updated}
	ok := false
	switch r.Kind {
	case domain.RwPangkat:
		if d := rec.Pangkat; d != nil {
			r.Pangkat = &domain.RwPangkatData{Golongan: d.Golongan, TMT: domain.Date(d.TMT), NomorSK: d.NomorSK,
				TanggalSK: domain.Date(d.TanggalSK), JenisKP: d.JenisKP, MKGTahun: d.MKGTahun, MKGBulan: d.MKGBulan}
			ok = true
		}
	case domain.RwJabatan:
		if d := rec.Jabatan; d != nil {
			r.Jabatan = &domain.RwJabatanData{Jenis: domain.JabatanKind(d.Jenis), Jenjang: domain.Jenjang(d.Jenjang),
				Nama: d.Nama, UnitID: d.UnitID, TMT: domain.Date(d.TMT), NomorSK: d.NomorSK,
				TanggalSK: domain.Date(d.TanggalSK), Eselon: d.Eselon}
			ok = true
		}
	case domain.RwPendidikan:
		if d := rec.Pendidikan; d != nil {
			r.Pendidikan = &domain.RwPendidikanData{Tingkat: d.Tingkat, Jurusan: d.Jurusan, NamaSekolah: d.NamaSekolah,
				TahunLulus: d.TahunLulus, NomorIjazah: d.NomorIjazah, Gelar: d.Gelar}
			ok = true
		}
	case domain.RwDiklat:
		if d := rec.Diklat; d != nil {
			r.Diklat = &domain.RwDiklatData{Jenis: d.Jenis, Nama: d.Nama, Penyelenggara: d.Penyelenggara,
				Mulai: domain.Date(d.Mulai), Selesai: domain.Date(d.Selesai), JamPelajaran: d.JamPelajaran,
				NomorSertifikat: d.NomorSertifikat}
			ok = true
		}
	case domain.RwPenghargaan:
		if d := rec.Penghargaan; d != nil {
			r.Penghargaan = &domain.RwPenghargaanData{Jenis: d.Jenis, Tahun: d.Tahun, NomorSK: d.NomorSK,
				TanggalSK: domain.Date(d.TanggalSK)}
			ok = true
		}
	case domain.RwHukdis:
		if d := rec.Hukdis; d != nil {
			r.Hukdis = &domain.RwHukdisData{Tingkat: d.Tingkat, Jenis: d.Jenis, Alasan: d.Alasan, NomorSK: d.NomorSK,
				TanggalSK: domain.Date(d.TanggalSK), Mulai: domain.Date(d.Mulai), MasaBulan: d.MasaBulan}
			ok = true
		}
	case domain.RwKeluarga:
		if d := rec.Keluarga; d != nil {
			r.Keluarga = &domain.RwKeluargaData{Hubungan: d.Hubungan, Nama: d.Nama, NIK: d.NIK,
				TanggalLahir: domain.Date(d.TanggalLahir), JenisKelamin: domain.Gender(d.JenisKelamin),
				StatusAnak: d.StatusAnak, TanggalNikah: domain.Date(d.TanggalNikah), AktaNikah: d.AktaNikah,
				Pekerjaan: d.Pekerjaan, Tunjangan: d.Tunjangan}
			ok = true
		}
	case domain.RwGaji:
		if d := rec.Gaji; d != nil {
			r.Gaji = &domain.RwGajiData{TMT: domain.Date(d.TMT), GajiLama: d.GajiLama, GajiBaru: d.GajiBaru,
				NomorSK: d.NomorSK, TanggalSK: domain.Date(d.TanggalSK), MKGTahun: d.MKGTahun, MKGBulan: d.MKGBulan}
			ok = true
		}
	case domain.RwCuti:
		if d := rec.Cuti; d != nil {
			r.Cuti = &domain.RwCutiData{Jenis: d.Jenis, Mulai: domain.Date(d.Mulai), Selesai: domain.Date(d.Selesai),
				LamaHari: d.LamaHari, LamaBulan: d.LamaBulan, Alasan: d.Alasan, Alamat: d.Alamat}
			ok = true
		}
	case domain.RwAngkaKredit:
		if d := rec.AngkaKredit; d != nil {
			r.AngkaKredit = &domain.RwAngkaKreditData{Jenis: d.Jenis, PeriodeMulai: domain.Date(d.PeriodeMulai),
				PeriodeSelesai: domain.Date(d.PeriodeSelesai), AKMilli: d.AKMilli, NomorPAK: d.NomorPAK}
			ok = true
		}
	case domain.RwOrganisasi:
		if d := rec.Organisasi; d != nil {
			r.Organisasi = &domain.RwOrganisasiData{Nama: d.Nama, Jabatan: d.Jabatan, TahunMulai: d.TahunMulai,
				TahunSelesai: d.TahunSelesai}
			ok = true
		}
	case domain.RwMasaKerja:
		if d := rec.MasaKerja; d != nil {
			r.MasaKerja = &domain.RwMasaKerjaData{TMT: domain.Date(d.TMT), Tahun: d.Tahun, Bulan: d.Bulan,
				NomorSK: d.NomorSK, TanggalSK: domain.Date(d.TanggalSK), Golongan: d.Golongan}
			ok = true
		}
	default:
		return domain.Riwayat{}, fmt.Errorf("unknown riwayat kind %q", rec.Kind)
	}
	if !ok {
		return domain.Riwayat{}, fmt.Errorf("riwayat %s without its data", rec.Kind)
	}
	return r, nil
}

func encodeRiwayat(r domain.Riwayat) ([]byte, error) {
	return json.Marshal(riwayatToRec(r))
}

func decodeRiwayat(v []byte) (domain.Riwayat, error) {
	var r domain.Riwayat
	if fastDecodeRiwayat(v, &r) {
		return r, nil
	}
	return decodeRiwayatJSON(v)
}

// decodeRiwayatJSON is decodeRiwayat with encoding/json only: the
// reference the fast path is checked against.
func decodeRiwayatJSON(v []byte) (domain.Riwayat, error) {
	var rec riwayatRec
	if err := json.Unmarshal(v, &rec); err != nil {
		return domain.Riwayat{}, err
	}
	if rec.V < 1 || rec.V > riwayatRecV {
		return domain.Riwayat{}, fmt.Errorf("unknown riwayat record version %d", rec.V)
	}
	return rec.toDomain()
}

// riwayatText lists the text fields of r with their keys, for the UTF-8
// check before storing.
func riwayatText(r domain.Riwayat) map[string]string {
	switch r.Kind {
	case domain.RwPangkat:
		d := r.Pangkat
		return map[string]string{"golongan": d.Golongan, "nomor_sk": d.NomorSK, "jenis_kp": d.JenisKP}
	case domain.RwJabatan:
		d := r.Jabatan
		return map[string]string{"nama": d.Nama, "nomor_sk": d.NomorSK, "eselon": d.Eselon}
	case domain.RwPendidikan:
		d := r.Pendidikan
		return map[string]string{"tingkat": d.Tingkat, "jurusan": d.Jurusan, "nama_sekolah": d.NamaSekolah,
			"nomor_ijazah": d.NomorIjazah, "gelar": d.Gelar}
	case domain.RwDiklat:
		d := r.Diklat
		return map[string]string{"jenis": d.Jenis, "nama": d.Nama, "penyelenggara": d.Penyelenggara,
			"nomor_sertifikat": d.NomorSertifikat}
	case domain.RwPenghargaan:
		d := r.Penghargaan
		return map[string]string{"jenis": d.Jenis, "nomor_sk": d.NomorSK}
	case domain.RwHukdis:
		d := r.Hukdis
		return map[string]string{"tingkat": d.Tingkat, "jenis": d.Jenis, "alasan": d.Alasan, "nomor_sk": d.NomorSK}
	case domain.RwKeluarga:
		d := r.Keluarga
		return map[string]string{"hubungan": d.Hubungan, "nama": d.Nama, "nik": d.NIK, "status_anak": d.StatusAnak,
			"akta_nikah": d.AktaNikah, "pekerjaan": d.Pekerjaan}
	case domain.RwGaji:
		return map[string]string{"nomor_sk": r.Gaji.NomorSK}
	case domain.RwCuti:
		d := r.Cuti
		return map[string]string{"jenis": d.Jenis, "alasan": d.Alasan, "alamat": d.Alamat}
	case domain.RwAngkaKredit:
		d := r.AngkaKredit
		return map[string]string{"jenis": d.Jenis, "nomor_pak": d.NomorPAK}
	case domain.RwOrganisasi:
		d := r.Organisasi
		return map[string]string{"nama": d.Nama, "jabatan": d.Jabatan}
	case domain.RwMasaKerja:
		return map[string]string{"nomor_sk": r.MasaKerja.NomorSK}
	}
	return nil
}

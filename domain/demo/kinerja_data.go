package demo

import "asndesk/domain"

// Read-only text tables of the demo performance cycle (GenerateKinerja):
// rencana hasil kerja per jabatan with their indicators, rencana aksi and
// realisasi wording, and the pools feedback, dialogs, ekspektasi and
// evaluations draw from. Everything is fictitious but worded as an office
// of a kecamatan, puskesmas or SD would word it.

// indT is an indikator kinerja individu of a template. Kuantitas targets
// are yearly counts (or a percentage, kept as is per period).
type indT struct {
	aspek  domain.Aspek
	iki    string
	target string
	satuan string
}

// rhkT is a rencana hasil kerja template. aksi is the rencana aksi of a
// period ("Menyusun ..."), real the realisasi with %d for the number done
// and %s for its satuan; kual the descriptive target of a kualitatif SKP.
type rhkT struct {
	text string
	aksi string
	real string
	kual string
	ind  []indT
}

func ind(a domain.Aspek, iki, target, satuan string) indT {
	return indT{aspek: a, iki: iki, target: target, satuan: satuan}
}

var (
	kn = domain.AspekKuantitas
	kl = domain.AspekKualitas
	wk = domain.AspekWaktu
)

// leaderRHK is the SKP of the JPT at the top of the demo office (an
// unusual chain for a kecamatan, present so every jenis jabatan appears).
var leaderRHK = []rhkT{
	{text: "Terwujudnya tata kelola pemerintahan yang akuntabel dan berorientasi hasil",
		aksi: "Memimpin rapat evaluasi capaian perjanjian kinerja", real: "%d rapat evaluasi capaian kinerja dipimpin dan ditindaklanjuti (%s)",
		kual: "Seluruh rekomendasi hasil pemeriksaan ditindaklanjuti sebelum batas waktu dan nilai SAKIP naik satu kategori",
		ind: []indT{ind(kn, "Jumlah rapat evaluasi capaian kinerja", "4", "Kegiatan"),
			ind(kl, "Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti", "90", "%")}},
	{text: "Meningkatnya kualitas pembinaan penyelenggaraan pemerintahan desa",
		aksi: "Menetapkan arah kebijakan pembinaan pemerintahan desa", real: "%d arahan kebijakan pembinaan pemerintahan desa ditetapkan (%s)",
		kual: "Pembinaan desa berjalan terjadwal dan jumlah desa berstatus maju bertambah",
		ind: []indT{ind(kn, "Jumlah arahan kebijakan pembinaan yang ditetapkan", "4", "Dokumen"),
			ind(kl, "Persentase desa berstatus maju dan mandiri", "40", "%")}},
}

// headRHK are the SKPs of unit heads by unit kind.
var headRHK = map[unitKind][]rhkT{
	ukPimpinan: {
		{text: "Meningkatnya kualitas pelayanan administrasi terpadu kecamatan (PATEN)",
			aksi: "Memantau dan mengevaluasi standar pelayanan PATEN", real: "%d evaluasi pelayanan PATEN dilaksanakan (%s)",
			kual: "Pelayanan PATEN selesai sesuai standar waktu dan indeks kepuasan masyarakat kategori baik",
			ind: []indT{ind(kl, "Indeks kepuasan masyarakat terhadap layanan PATEN", "82", "Nilai"),
				ind(kn, "Jumlah evaluasi standar pelayanan", "4", "Kegiatan")}},
		{text: "Terselenggaranya koordinasi penyelenggaraan pemerintahan desa di wilayah kecamatan",
			aksi: "Memimpin rapat koordinasi kepala desa", real: "%d rapat koordinasi kepala desa dipimpin (%s)",
			kual: "Seluruh desa menyampaikan laporan penyelenggaraan pemerintahan desa tepat waktu",
			ind: []indT{ind(kn, "Jumlah rapat koordinasi kepala desa", "12", "Kegiatan"),
				ind(kl, "Persentase desa yang menyampaikan LPPDes tepat waktu", "100", "%")}},
		{text: "Terciptanya ketenteraman dan ketertiban umum di wilayah kecamatan",
			aksi: "Memimpin rapat forum koordinasi pimpinan kecamatan", real: "%d rapat Forkopimcam dilaksanakan (%s)",
			kual: "Gangguan ketenteraman dan ketertiban umum tertangani tanpa eskalasi",
			ind: []indT{ind(kn, "Jumlah rapat Forkopimcam", "4", "Kegiatan"),
				ind(kl, "Persentase gangguan trantibum yang ditangani", "100", "%")}},
	},
	ukSekretariat: {
		{text: "Terselenggaranya pelayanan administrasi kesekretariatan kecamatan yang tertib",
			aksi: "Mengoordinasikan penyusunan dokumen perencanaan dan pelaporan kinerja", real: "%d dokumen perencanaan dan pelaporan disusun (%s)",
			kual: "Dokumen perencanaan dan pelaporan kecamatan tersusun lengkap dan tepat waktu",
			ind: []indT{ind(kn, "Jumlah dokumen perencanaan dan laporan kinerja", "6", "Dokumen"),
				ind(kl, "Persentase dokumen yang disampaikan tepat waktu", "100", "%")}},
		{text: "Terkelolanya keuangan kecamatan secara akuntabel",
			aksi: "Memverifikasi laporan keuangan dan SPJ", real: "%d laporan keuangan diverifikasi (%s)",
			kual: "Laporan keuangan kecamatan tanpa temuan material",
			ind: []indT{ind(kn, "Jumlah laporan keuangan yang diverifikasi", "12", "Laporan"),
				ind(kl, "Persentase SPJ yang lengkap dan tepat waktu", "100", "%")}},
	},
	ukUmpeg: {
		{text: "Tersedianya layanan administrasi kepegawaian kecamatan yang tertib",
			aksi: "Memproses usulan layanan kepegawaian (KGB, kenaikan pangkat, cuti)", real: "%d usulan layanan kepegawaian diproses (%s)",
			ind: []indT{ind(kn, "Jumlah usulan layanan kepegawaian yang diproses", "60", "Usulan"),
				ind(kl, "Persentase usulan yang diproses sebelum batas waktu", "95", "%")}},
		{text: "Terkelolanya barang milik daerah dan persuratan kecamatan",
			aksi: "Menyusun laporan inventarisasi barang milik daerah", real: "%d laporan inventarisasi BMD disusun (%s)",
			ind: []indT{ind(kn, "Jumlah laporan inventarisasi BMD", "4", "Laporan"),
				ind(wk, "Waktu penyampaian laporan BMD semesteran", "2", "Kali")}},
	},
	ukPemerintahan: {
		{text: "Meningkatnya kualitas penyelenggaraan administrasi pemerintahan desa",
			aksi: "Membina administrasi pemerintahan desa", real: "%d desa dibina administrasi pemerintahannya (%s)",
			ind: []indT{ind(kn, "Jumlah desa yang dibina", "14", "Desa"),
				ind(kl, "Persentase desa yang menyampaikan laporan tepat waktu", "100", "%")}},
		{text: "Tersedianya data kependudukan yang mutakhir di tingkat kecamatan",
			aksi: "Menyusun rekapitulasi data kependudukan", real: "%d laporan rekapitulasi data kependudukan disusun (%s)",
			ind: []indT{ind(kn, "Jumlah laporan rekapitulasi data kependudukan", "12", "Laporan")}},
	},
	ukKesos: {
		{text: "Tersalurkannya bantuan sosial tepat sasaran di wilayah kecamatan",
			aksi: "Memverifikasi data penerima bantuan sosial bersama desa", real: "%d laporan verifikasi data penerima bantuan disusun (%s)",
			ind: []indT{ind(kn, "Jumlah laporan verifikasi DTKS", "4", "Laporan"),
				ind(kl, "Persentase data penerima bantuan yang diverifikasi", "100", "%")}},
		{text: "Terlaksananya fasilitasi kegiatan keagamaan dan pemberdayaan perempuan",
			aksi: "Memfasilitasi kegiatan keagamaan dan PKK kecamatan", real: "%d kegiatan difasilitasi (%s)",
			ind: []indT{ind(kn, "Jumlah kegiatan yang difasilitasi", "8", "Kegiatan")}},
	},
	ukTrantib: {
		{text: "Terciptanya ketenteraman dan ketertiban umum di wilayah kecamatan",
			aksi: "Mengoordinasikan patroli ketertiban umum", real: "%d patroli ketertiban umum dikoordinasikan (%s)",
			ind: []indT{ind(kn, "Jumlah patroli ketertiban umum", "48", "Kali"),
				ind(kl, "Persentase pengaduan gangguan trantibum yang ditindaklanjuti", "100", "%")}},
		{text: "Meningkatnya kepatuhan masyarakat terhadap peraturan daerah",
			aksi: "Melaksanakan sosialisasi peraturan daerah", real: "%d sosialisasi perda dilaksanakan (%s)",
			ind: []indT{ind(kn, "Jumlah sosialisasi perda", "4", "Kegiatan")}},
	},
	ukPMD: {
		{text: "Meningkatnya kapasitas pemerintah desa dalam pengelolaan dana desa",
			aksi: "Mendampingi desa menyusun dan melaporkan APBDes", real: "%d desa didampingi pengelolaan dana desa (%s)",
			ind: []indT{ind(kn, "Jumlah desa yang didampingi penyusunan APBDes", "14", "Desa"),
				ind(kl, "Persentase desa yang melaporkan realisasi dana desa tepat waktu", "100", "%")}},
		{text: "Meningkatnya partisipasi masyarakat dalam pembangunan desa",
			aksi: "Memfasilitasi musyawarah desa", real: "%d musyawarah desa difasilitasi (%s)",
			ind: []indT{ind(kn, "Jumlah musyawarah desa yang difasilitasi", "14", "Kegiatan")}},
	},
	ukPuskesmas: {
		{text: "Meningkatnya derajat kesehatan masyarakat di wilayah kerja puskesmas",
			aksi: "Memantau capaian program kesehatan ibu, anak dan imunisasi", real: "%d laporan pemantauan wilayah setempat dibahas (%s)",
			ind: []indT{ind(kl, "Cakupan imunisasi dasar lengkap", "95", "%"),
				ind(kn, "Jumlah laporan pemantauan wilayah setempat", "12", "Laporan")}},
		{text: "Terselenggaranya pelayanan puskesmas yang bermutu",
			aksi: "Memimpin lokakarya mini puskesmas", real: "%d lokakarya mini dilaksanakan (%s)",
			ind: []indT{ind(kn, "Jumlah lokakarya mini", "12", "Kegiatan"),
				ind(kl, "Indeks kepuasan masyarakat", "85", "Nilai")}},
	},
	ukSD: {
		{text: "Meningkatnya mutu pembelajaran di satuan pendidikan",
			aksi: "Melaksanakan supervisi akademik guru", real: "%d supervisi akademik dilaksanakan (%s)",
			ind: []indT{ind(kn, "Jumlah supervisi akademik", "8", "Kegiatan"),
				ind(kl, "Persentase guru yang menyusun modul ajar", "100", "%")}},
		{text: "Terkelolanya sekolah secara akuntabel",
			aksi: "Menyusun laporan penggunaan dana BOS", real: "%d laporan dana BOS disampaikan (%s)",
			ind: []indT{ind(kn, "Jumlah laporan dana BOS", "4", "Laporan"),
				ind(wk, "Ketepatan waktu penyampaian laporan", "4", "Triwulan")}},
	},
	ukKelurahan: {
		{text: "Terselenggaranya pelayanan administrasi kelurahan yang cepat dan tertib",
			aksi: "Menandatangani dan memantau layanan surat keterangan", real: "%d surat keterangan diterbitkan (%s)",
			ind: []indT{ind(kn, "Jumlah surat keterangan yang diterbitkan", "600", "Surat"),
				ind(kl, "Persentase layanan selesai dalam 1 hari kerja", "95", "%")}},
		{text: "Meningkatnya partisipasi masyarakat dalam pembangunan kelurahan",
			aksi: "Memfasilitasi musrenbang dan rembug warga", real: "%d musrenbang dan rembug warga difasilitasi (%s)",
			ind: []indT{ind(kn, "Jumlah musrenbang dan rembug warga", "4", "Kegiatan")}},
	},
}

// staffRHK are the SKPs of staff by jabatan name (NamaJabatan starts with
// the key; a jabatan fungsional adds its jenjang).
var staffRHK = map[string][]rhkT{
	"Pranata Komputer": {
		{text: "Terkelolanya sistem informasi dan jaringan kantor kecamatan", aksi: "Memelihara jaringan dan aplikasi layanan",
			real: "%d laporan pemeliharaan sistem disusun (%s)",
			ind:  []indT{ind(kn, "Jumlah laporan pemeliharaan sistem", "12", "Laporan"), ind(kl, "Persentase waktu layanan jaringan berjalan normal", "98", "%")}},
		{text: "Termutakhirkannya informasi publik di situs web kecamatan", aksi: "Mengunggah berita dan informasi layanan",
			real: "%d konten diunggah (%s)", ind: []indT{ind(kn, "Jumlah konten yang diunggah", "48", "Konten")}},
	},
	"Arsiparis": {
		{text: "Terkelolanya arsip dinamis kecamatan", aksi: "Menata dan mendaftar berkas arsip aktif",
			real: "%d berkas arsip ditata dan didaftar (%s)",
			ind:  []indT{ind(kn, "Jumlah berkas arsip yang ditata", "600", "Berkas"), ind(kl, "Persentase arsip aktif yang ditemukan kembali dalam 10 menit", "95", "%")}},
		{text: "Tersusunnya daftar arsip usul musnah", aksi: "Menilai dan mendaftar arsip inaktif",
			real: "%d dokumen daftar arsip disusun (%s)", ind: []indT{ind(kn, "Jumlah daftar arsip usul musnah", "1", "Dokumen")}},
	},
	"Analis Kebijakan": {
		{text: "Tersusunnya kajian kebijakan penyelenggaraan pemerintahan kecamatan", aksi: "Menyusun kajian dan ringkasan kebijakan",
			real: "%d ringkasan kebijakan disusun (%s)",
			ind:  []indT{ind(kn, "Jumlah ringkasan kebijakan (policy brief)", "2", "Dokumen"), ind(kl, "Persentase rekomendasi yang diterima pimpinan", "50", "%")}},
	},
	"Perencana": {
		{text: "Tersusunnya dokumen perencanaan kecamatan", aksi: "Menyusun Renja, RKA dan perjanjian kinerja",
			real: "%d dokumen perencanaan disusun (%s)",
			ind:  []indT{ind(kn, "Jumlah dokumen perencanaan", "3", "Dokumen"), ind(wk, "Waktu penyelesaian Renja", "3", "Bulan")}},
	},
	"Pengadministrasi Perkantoran": {
		{text: "Terlaksananya administrasi persuratan kecamatan", aksi: "Mengagendakan dan mendistribusikan surat masuk dan keluar",
			real: "%d surat diagendakan dan didistribusikan (%s)",
			ind:  []indT{ind(kn, "Jumlah surat masuk dan keluar yang diagendakan", "1200", "Surat"), ind(kl, "Persentase surat didistribusikan pada hari yang sama", "95", "%")}},
		{text: "Tersusunnya laporan rekapitulasi persuratan", aksi: "Menyusun rekap surat bulanan",
			real: "%d laporan rekapitulasi surat disusun (%s)", ind: []indT{ind(kn, "Jumlah laporan rekapitulasi surat", "12", "Laporan")}},
	},
	"Pengelola Keuangan": {
		{text: "Tersusunnya dokumen pertanggungjawaban keuangan", aksi: "Memverifikasi kelengkapan SPJ",
			real: "%d SPJ diverifikasi (%s)",
			ind:  []indT{ind(kn, "Jumlah SPJ yang diverifikasi", "240", "Dokumen"), ind(kl, "Persentase SPJ tanpa koreksi", "90", "%")}},
	},
	"Analis Sumber Daya Manusia Aparatur": {
		{text: "Tersusunnya analisis kebutuhan pengembangan kompetensi pegawai", aksi: "Mengolah data kompetensi dan usulan pengembangan",
			real: "%d dokumen analisis disusun (%s)",
			ind:  []indT{ind(kn, "Jumlah dokumen analisis kebutuhan pengembangan kompetensi", "2", "Dokumen")}},
		{text: "Terverifikasinya usulan layanan kepegawaian", aksi: "Memverifikasi berkas usulan KGB, kenaikan pangkat dan cuti",
			real: "%d usulan diverifikasi (%s)", ind: []indT{ind(kn, "Jumlah usulan yang diverifikasi", "60", "Usulan")}},
	},
	"Pranata Sumber Daya Manusia Aparatur": {
		{text: "Termutakhirkannya data kepegawaian di SIASN", aksi: "Memutakhirkan data riwayat pegawai",
			real: "%d data pegawai dimutakhirkan (%s)",
			ind:  []indT{ind(kn, "Jumlah data pegawai yang dimutakhirkan", "120", "Data"), ind(kl, "Persentase usulan KGB diproses sebelum TMT", "100", "%")}},
	},
	"Administrator Database Kependudukan": {
		{text: "Termutakhirkannya database kependudukan di tingkat kecamatan", aksi: "Memverifikasi data penduduk dan perekaman KTP-el",
			real: "%d data penduduk diverifikasi (%s)",
			ind:  []indT{ind(kn, "Jumlah data penduduk yang diverifikasi", "2400", "Data"), ind(kl, "Persentase perekaman KTP-el selesai pada hari yang sama", "90", "%")}},
	},
	"Pengadministrasi Pemerintahan": {
		{text: "Terlaksananya administrasi penyelenggaraan pemerintahan desa", aksi: "Merekap laporan penyelenggaraan pemerintahan desa",
			real: "%d laporan desa direkap (%s)",
			ind:  []indT{ind(kn, "Jumlah laporan yang direkap", "12", "Laporan"), ind(kl, "Persentase data desa yang lengkap", "95", "%")}},
	},
	"Pengolah Data dan Informasi": {
		{text: "Tersedianya data dan informasi pemerintahan kecamatan", aksi: "Mengolah data statistik sektoral",
			real: "%d laporan data sektoral disusun (%s)",
			ind:  []indT{ind(kn, "Jumlah laporan data statistik sektoral", "4", "Laporan"), ind(wk, "Ketepatan waktu penyampaian data", "4", "Triwulan")}},
	},
	"Penyuluh Sosial": {
		{text: "Terlaksananya penyuluhan sosial kepada masyarakat", aksi: "Melaksanakan penyuluhan sosial di desa",
			real: "%d kegiatan penyuluhan dilaksanakan (%s)",
			ind:  []indT{ind(kn, "Jumlah kegiatan penyuluhan sosial", "24", "Kegiatan"), ind(kl, "Persentase peserta yang memahami materi", "80", "%")}},
	},
	"Pekerja Sosial": {
		{text: "Tertanganinya pemerlu pelayanan kesejahteraan sosial (PPKS)", aksi: "Mendampingi dan merujuk kasus PPKS",
			real: "%d kasus PPKS didampingi (%s)",
			ind:  []indT{ind(kn, "Jumlah kasus PPKS yang didampingi", "20", "Kasus"), ind(kl, "Persentase rujukan yang tuntas", "80", "%")}},
	},
	"Pengelola Data Kesejahteraan Sosial": {
		{text: "Termutakhirkannya data terpadu kesejahteraan sosial (DTKS)", aksi: "Memverifikasi usulan perbaikan data keluarga",
			real: "%d data keluarga diverifikasi (%s)",
			ind:  []indT{ind(kn, "Jumlah data keluarga yang diverifikasi", "1200", "Data")}},
	},
	"Polisi Pamong Praja": {
		{text: "Terlaksananya patroli ketenteraman dan ketertiban umum", aksi: "Melaksanakan patroli wilayah",
			real: "%d patroli dilaksanakan (%s)",
			ind:  []indT{ind(kn, "Jumlah patroli wilayah", "96", "Kali"), ind(kl, "Persentase pelanggaran perda yang ditindaklanjuti", "100", "%")}},
		{text: "Terlaksananya pengamanan kegiatan pemerintahan", aksi: "Mengamankan kegiatan pemerintahan dan kemasyarakatan",
			real: "%d kegiatan diamankan (%s)", ind: []indT{ind(kn, "Jumlah kegiatan yang diamankan", "24", "Kegiatan")}},
	},
	"Penggerak Swadaya Masyarakat": {
		{text: "Meningkatnya swadaya masyarakat dalam pembangunan desa", aksi: "Membina kelompok swadaya masyarakat",
			real: "%d laporan pembinaan kelompok disusun (%s)",
			ind:  []indT{ind(kn, "Jumlah laporan pendampingan", "12", "Laporan"), ind(kl, "Persentase kelompok binaan yang aktif", "80", "%")}},
	},
	"Penyuluh Pertanian": {
		{text: "Meningkatnya kapasitas kelompok tani binaan", aksi: "Mengunjungi dan membina kelompok tani",
			real: "%d kunjungan kelompok tani (%s)",
			ind:  []indT{ind(kn, "Jumlah kunjungan ke kelompok tani", "96", "Kali"), ind(kl, "Persentase kelompok tani yang menyusun RDKK tepat waktu", "100", "%")}},
	},
	"Dokter Gigi": {
		{text: "Terlaksananya pelayanan kesehatan gigi dan mulut", aksi: "Melayani pasien poli gigi dan UKGS",
			real: "%d pasien gigi dilayani (%s)",
			ind:  []indT{ind(kn, "Jumlah pasien gigi yang dilayani", "1200", "Pasien"), ind(kl, "Persentase rekam medis gigi yang lengkap", "95", "%")}},
	},
	"Dokter": {
		{text: "Terlaksananya pelayanan medis dasar di puskesmas", aksi: "Melayani pasien rawat jalan",
			real: "%d pasien dilayani (%s)",
			ind:  []indT{ind(kn, "Jumlah pasien yang dilayani", "3000", "Pasien"), ind(kl, "Persentase rekam medis yang lengkap", "95", "%")}},
		{text: "Terlaksananya penanggulangan penyakit menular", aksi: "Menemukan dan mengobati kasus tuberkulosis",
			real: "%d kasus TB ditemukan dan diobati (%s)", ind: []indT{ind(kn, "Jumlah kasus TB yang ditemukan dan diobati", "40", "Kasus")}},
	},
	"Perawat": {
		{text: "Terlaksananya asuhan keperawatan di puskesmas", aksi: "Memberikan asuhan keperawatan rawat jalan",
			real: "%d pasien mendapat asuhan keperawatan (%s)",
			ind:  []indT{ind(kn, "Jumlah pasien yang mendapat asuhan keperawatan", "1500", "Pasien"), ind(kl, "Persentase dokumentasi asuhan keperawatan yang lengkap", "95", "%")}},
		{text: "Terlaksananya perawatan kesehatan masyarakat (Perkesmas)", aksi: "Mengunjungi keluarga rawan kesehatan",
			real: "%d keluarga dikunjungi (%s)", ind: []indT{ind(kn, "Jumlah keluarga rawan yang dikunjungi", "48", "Keluarga")}},
	},
	"Bidan": {
		{text: "Terlaksananya pelayanan kesehatan ibu dan anak", aksi: "Melakukan pemeriksaan kehamilan (ANC)",
			real: "%d ibu hamil diperiksa (%s)",
			ind:  []indT{ind(kn, "Jumlah ibu hamil yang mendapat pemeriksaan ANC", "240", "Orang"), ind(kl, "Persentase persalinan di fasilitas kesehatan", "100", "%")}},
		{text: "Terlaksananya pelayanan keluarga berencana", aksi: "Melayani peserta KB",
			real: "%d peserta KB baru dilayani (%s)", ind: []indT{ind(kn, "Jumlah peserta KB baru", "120", "Orang")}},
	},
	"Apoteker": {
		{text: "Terkelolanya obat dan bahan medis habis pakai", aksi: "Menyusun laporan pemakaian dan lembar permintaan obat",
			real: "%d laporan LPLPO disusun (%s)",
			ind:  []indT{ind(kn, "Jumlah laporan LPLPO", "12", "Laporan"), ind(kl, "Persentase ketersediaan obat esensial", "95", "%")}},
	},
	"Nutrisionis": {
		{text: "Menurunnya prevalensi stunting di wilayah kerja puskesmas", aksi: "Menimbang dan mengukur balita di posyandu",
			real: "%d balita ditimbang dan diukur (%s)",
			ind:  []indT{ind(kn, "Jumlah balita yang ditimbang dan diukur", "1800", "Balita"), ind(kn, "Jumlah kelas gizi", "12", "Kegiatan")}},
	},
	"Sanitarian": {
		{text: "Meningkatnya kualitas kesehatan lingkungan", aksi: "Melakukan inspeksi kesehatan lingkungan",
			real: "%d lokasi diinspeksi (%s)",
			ind:  []indT{ind(kn, "Jumlah inspeksi kesehatan lingkungan", "48", "Lokasi"), ind(kl, "Persentase desa yang melaksanakan STBM", "80", "%")}},
	},
	"Pranata Laboratorium Kesehatan": {
		{text: "Terlaksananya pemeriksaan laboratorium puskesmas", aksi: "Memeriksa sampel laboratorium",
			real: "%d sampel diperiksa (%s)",
			ind:  []indT{ind(kn, "Jumlah sampel yang diperiksa", "2400", "Sampel"), ind(kl, "Persentase hasil diserahkan pada hari yang sama", "95", "%")}},
	},
	"Guru": {
		{text: "Terlaksananya pembelajaran yang berpusat pada murid", aksi: "Menyusun modul ajar dan melaksanakan pembelajaran",
			real: "%d modul ajar disusun dan dilaksanakan (%s)",
			ind:  []indT{ind(kn, "Jumlah modul ajar", "12", "Modul"), ind(kl, "Persentase murid yang mencapai tujuan pembelajaran", "80", "%")}},
		{text: "Terlaksananya asesmen dan pelaporan hasil belajar", aksi: "Melaksanakan asesmen formatif dan sumatif",
			real: "%d laporan hasil belajar disusun (%s)", ind: []indT{ind(kn, "Jumlah laporan hasil belajar", "4", "Laporan")}},
	},
	"Operator Layanan Operasional": {
		{text: "Terlaksananya layanan operasional kantor", aksi: "Menyiapkan ruang pelayanan dan sarana kantor",
			real: "%d hari layanan operasional (%s)",
			ind:  []indT{ind(kn, "Jumlah hari layanan operasional", "240", "Hari"), ind(kl, "Persentase permintaan layanan ditangani hari itu", "95", "%")}},
	},
	"Pengelola Layanan Operasional": {
		{text: "Terkelolanya layanan operasional dan sarana kantor", aksi: "Mencatat dan menindaklanjuti pemeliharaan sarana",
			real: "%d laporan pemeliharaan sarana disusun (%s)", ind: []indT{ind(kn, "Jumlah laporan pemeliharaan sarana", "12", "Laporan")}},
	},
	"Penata Layanan Operasional": {
		{text: "Tertatanya administrasi layanan operasional", aksi: "Menata dokumen administrasi layanan",
			real: "%d dokumen ditata (%s)", ind: []indT{ind(kn, "Jumlah dokumen administrasi yang ditata", "240", "Dokumen")}},
	},
	"Pengelola Umum Operasional": {
		{text: "Terpeliharanya kebersihan dan keamanan kantor", aksi: "Menjaga kebersihan dan keamanan kantor",
			real: "%d hari jaga dan kebersihan (%s)", ind: []indT{ind(kn, "Jumlah hari jaga dan kebersihan", "240", "Hari")}},
	},
}

// genericRHK is for a jabatan the tables do not know.
var genericRHK = []rhkT{
	{text: "Terlaksananya tugas jabatan sesuai uraian tugas", aksi: "Melaksanakan tugas harian sesuai disposisi atasan",
		real: "%d laporan pelaksanaan tugas disusun (%s)", ind: []indT{ind(kn, "Jumlah laporan pelaksanaan tugas", "12", "Laporan")}},
}

// tambahanRHK are additional assignments (RHK Tambahan) with who gave them.
var tambahanRHK = []struct {
	rhk rhkT
	by  string
}{
	{rhkT{text: "Terlaksananya tugas sebagai anggota Tim Percepatan Penurunan Stunting kecamatan", aksi: "Mengikuti rapat dan verifikasi data tim",
		real: "%d rapat tim diikuti (%s)", ind: []indT{ind(kn, "Jumlah rapat tim yang diikuti", "4", "Kegiatan")}}, "Surat Keputusan Camat"},
	{rhkT{text: "Terlaksananya tugas sebagai panitia peringatan Hari Ulang Tahun Kemerdekaan RI", aksi: "Menyiapkan kegiatan peringatan HUT RI",
		real: "%d kegiatan terlaksana (%s)", ind: []indT{ind(kn, "Jumlah kegiatan yang disiapkan", "2", "Kegiatan")}}, "Surat Tugas Sekretaris Kecamatan"},
	{rhkT{text: "Terlaksananya piket layanan pengaduan masyarakat", aksi: "Melaksanakan piket layanan pengaduan",
		real: "%d hari piket (%s)", ind: []indT{ind(kn, "Jumlah hari piket", "24", "Hari")}}, "Jadwal piket dari atasan langsung"},
	{rhkT{text: "Terlaksananya tugas sebagai pengelola data e-Kinerja unit", aksi: "Membantu rekan mengisi dan memeriksa e-Kinerja",
		real: "%d rekap e-Kinerja disusun (%s)", ind: []indT{ind(kn, "Jumlah rekap e-Kinerja unit", "4", "Laporan")}}, "Nota Dinas Kepala Unit"},
}

// The top of the cascade when there is no penilai in asndesk: typed.
var renstraRHK = []string{
	"Meningkatnya kualitas tata kelola pemerintahan daerah (sasaran RPJMD)",
	"Meningkatnya kualitas pelayanan publik (sasaran RPJMD)",
}

var ekspektasiPool = [7][]string{
	{"Menanggapi pengaduan masyarakat paling lambat 1 hari kerja.", "Melayani warga dengan ramah dan memberi penjelasan yang jelas.",
		"Mengusulkan perbaikan alur layanan bila ada keluhan berulang."},
	{"Menyelesaikan tugas tepat waktu dan melaporkan kendala lebih awal.", "Menggunakan barang milik negara hanya untuk keperluan dinas.",
		"Hadir apel pagi dan bekerja sesuai jam kerja."},
	{"Mengikuti paling sedikit satu pengembangan kompetensi dalam setahun.", "Berbagi pengetahuan kepada rekan kerja yang baru.",
		"Menjaga mutu dokumen: data lengkap dan tanpa salah ketik."},
	{"Menghargai pendapat rekan kerja dalam rapat.", "Membantu rekan satu unit saat beban kerja tinggi.",
		"Menjaga suasana kerja yang kondusif."},
	{"Menjaga kerahasiaan data pribadi warga.", "Menjaga nama baik instansi di media sosial.",
		"Mematuhi ketentuan disiplin pegawai."},
	{"Cepat menguasai aplikasi baru (Srikandi, SIPD, e-Kinerja).", "Mengusulkan inovasi sederhana untuk pelayanan.",
		"Bertindak proaktif tanpa menunggu perintah."},
	{"Berkoordinasi dengan pemerintah desa dan unit lain.", "Terbuka bekerja sama dalam tim lintas seksi.",
		"Memanfaatkan sumber daya bersama secara efisien."},
}

var (
	dukunganPool = []string{"Komputer dan printer kantor", "Akses aplikasi Srikandi dan SIPD", "Anggaran alat tulis kantor",
		"Kendaraan dinas roda dua untuk kunjungan lapangan", "Ruang pelayanan dan jaringan internet", "Bimbingan teknis dari perangkat daerah pembina"}
	skemaPool = []string{"Laporan bulanan kepada atasan langsung", "Rekap triwulanan dibahas dalam dialog kinerja",
		"Bukti dukung diunggah ke arsip unit paling lambat tanggal 5 bulan berikutnya", "Paparan capaian pada rapat staf kecamatan"}
	konsekuensiPool = []string{"Capaian di bawah target dibahas dalam dialog kinerja dan konseling",
		"Capaian di atas target menjadi pertimbangan penghargaan dan pengembangan karier",
		"Keterlambatan laporan berulang dicatat sebagai umpan balik perilaku Akuntabel"}
)

var feedbackRHKPool = []string{
	"Laporan %s sudah lengkap dan tepat waktu. Pertahankan.",
	"Capaian %s sesuai rencana aksi. Mohon bukti dukung diberi nomor agar mudah ditelusuri.",
	"Rekap %s sudah baik; tambahkan analisis singkat penyebab keterlambatan layanan.",
	"Capaian %s di atas target, terima kasih atas inisiatifnya.",
	"Bukti dukung %s belum lengkap: lampirkan nomor surat atau berita acara.",
}

var feedbackLowPool = []string{
	"Target %s belum tercapai; mari kita bahas kendalanya pada dialog kinerja berikutnya.",
	"Realisasi %s masih di bawah rencana aksi. Susun langkah perbaikan minggu ini.",
}

var feedbackValuePool = [7][]string{
	{"Pelayanan kepada warga ramah dan cepat; beberapa warga menyampaikan apresiasi.", "Masih ada warga yang menunggu terlalu lama di meja layanan; atur antrean lebih baik."},
	{"Pengelolaan dokumen tertib dan dapat dipertanggungjawabkan.", "Mohon lebih disiplin hadir apel pagi."},
	{"Sudah berbagi cara penggunaan aplikasi kepada rekan yang baru.", "Ikuti pelatihan daring yang ditawarkan BKPSDM triwulan ini."},
	{"Mampu menjaga suasana kerja yang kondusif saat beban layanan tinggi.", "Perbedaan pendapat dalam rapat sebaiknya disampaikan dengan lebih tenang."},
	{"Menjaga kerahasiaan data warga dengan baik.", "Jangan mengunggah dokumen layanan warga ke grup percakapan umum."},
	{"Cepat menyesuaikan diri dengan aplikasi Srikandi.", "Usulan inovasi layanan daring sangat baik; mari diuji coba."},
	{"Aktif berkoordinasi dengan pemerintah desa.", "Libatkan rekan seksi lain saat menyusun laporan gabungan."},
}

var replyPool = []string{
	"Terima kasih atas masukannya. Akan saya lengkapi minggu ini.",
	"Baik, kendalanya jaringan di desa; sudah saya koordinasikan dengan operator desa.",
	"Siap, akan saya perbaiki pada periode berikutnya.",
	"Terima kasih. Bukti dukung sudah saya tambahkan.",
}

var dialogNotes = map[domain.DialogKind][]string{
	domain.DialogKlarifikasi: {"Klarifikasi ekspektasi atas RHK dan ekspektasi khusus pimpinan untuk tahun %d.",
		"Menyepakati target, rencana aksi triwulanan dan bukti dukung yang diharapkan tahun %d."},
	domain.DialogUmpanBalik: {"Membahas capaian %s dan kendala pelaksanaan rencana aksi.",
		"Umpan balik atas realisasi %s; bukti dukung diperiksa bersama."},
	domain.DialogCoaching:  {"Coaching penyusunan laporan dan pemanfaatan aplikasi pada %s."},
	domain.DialogMentoring: {"Mentoring teknis pelaksanaan tugas pada %s bersama pegawai yang lebih berpengalaman."},
	domain.DialogKonseling: {"Konseling atas capaian %s yang di bawah ekspektasi; disepakati langkah perbaikan."},
	domain.DialogEvaluasi:  {"Evaluasi kinerja tahunan %s: capaian RHK, perilaku kerja dan rencana pengembangan."},
}

var kesepakatanPool = []string{
	"Melengkapi bukti dukung realisasi yang belum diunggah",
	"Mengikuti pelatihan aplikasi Srikandi",
	"Menyusun SOP layanan yang menjadi tanggung jawabnya",
	"Menyampaikan laporan paling lambat tanggal 5 setiap bulan",
	"Berbagi materi pelatihan kepada rekan satu unit",
	"Memperbaiki rekap data yang belum sinkron dengan desa",
	"Mendampingi desa yang terlambat menyampaikan laporan",
	"Hadir apel pagi tepat waktu setiap hari kerja",
	"Menyusun rencana pengembangan kompetensi tahun depan",
}

var returnNotes = []string{
	"Target RHK 2 belum terukur: tuliskan jumlah dan satuannya.",
	"Tambahkan RHK atasan yang diintervensi pada RHK utama.",
	"IKI aspek kualitas belum ada; lengkapi sebelum diajukan kembali.",
	"Target surat terlalu rendah dibandingkan realisasi tahun lalu; sesuaikan.",
}

var revisionReasons = []string{
	"Penyesuaian target setelah perubahan anggaran (APBD Perubahan).",
	"Tambahan penugasan dari Camat sebagai anggota tim kecamatan.",
}

var catatanEval = map[domain.Predikat][]string{
	domain.SangatBaik:     {"Capaian seluruh RHK melampaui target dan perilaku menjadi teladan bagi rekan.", "Inisiatif dan kualitas kerja sangat baik; dipertimbangkan untuk pengembangan karier."},
	domain.Baik:           {"Capaian RHK sesuai target; pertahankan ketepatan waktu laporan.", "Kinerja sesuai ekspektasi; tingkatkan kelengkapan bukti dukung.", "Sesuai ekspektasi. Perilaku kerja baik."},
	domain.ButuhPerbaikan: {"Sebagian RHK utama di bawah target; rencana perbaikan disepakati dalam dialog kinerja.", "Capaian di bawah ekspektasi; pendampingan dilanjutkan triwulan berikutnya."},
	domain.Kurang:         {"Capaian hasil kerja memadai, tetapi disiplin dan perilaku kerja perlu diperbaiki.", "Perilaku kerja di bawah ekspektasi; konseling telah dilakukan."},
	domain.SangatKurang:   {"Hasil kerja dan perilaku kerja di bawah ekspektasi; pembinaan intensif diperlukan."},
}

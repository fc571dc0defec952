package demo

import "asndesk/domain"

// This file holds the read-only tables the generator draws from. They are
// package-level only because they are constant data: nothing writes them.

// Unit kinds: the base units of the kecamatan, then the two kinds of numbered
// sub-unit added for large offices.
type unitKind int

const (
	ukPimpinan unitKind = iota
	ukSekretariat
	ukUmpeg
	ukPemerintahan
	ukKesos
	ukTrantib
	ukPMD
	ukPuskesmas
	ukSD
	ukKelurahan
)

// baseUnits are the units every demo office has, in ID order (unit 1 is
// Pimpinan). w is the share of randomly generated staff a unit receives.
var baseUnits = []struct {
	name string
	kind unitKind
	w    int
}{
	{"Pimpinan", ukPimpinan, 0},
	{"Sekretariat", ukSekretariat, 4},
	{"Subbagian Umum dan Kepegawaian", ukUmpeg, 3},
	{"Seksi Pemerintahan", ukPemerintahan, 3},
	{"Seksi Kesejahteraan Sosial", ukKesos, 3},
	{"Seksi Ketenteraman dan Ketertiban Umum", ukTrantib, 4},
	{"Seksi Pemberdayaan Masyarakat Desa", ukPMD, 3},
	{"Puskesmas Sukamaju", ukPuskesmas, 9},
	{"SD Negeri Sukamaju 1", ukSD, 6},
}

// Weights of the numbered sub-units added for large offices.
const (
	wExtraSD        = 6
	wExtraKelurahan = 5
	wExtraPuskesmas = 8
)

// Gelar fields: which degrees a jabatan's holders carry.
const (
	fGen    = "gen"    // administrasi umum: S.Sos., S.E., S.H., ...
	fKom    = "kom"    // komputer
	fPd     = "pd"     // pendidikan
	fKep    = "kep"    // keperawatan
	fKeb    = "keb"    // kebidanan
	fDr     = "dr"     // dokter
	fDrg    = "drg"    // dokter gigi
	fFarm   = "farm"   // farmasi
	fGizi   = "gizi"   // gizi
	fKesmas = "kesmas" // kesehatan masyarakat / lingkungan
	fLab    = "lab"    // analis kesehatan
	fTani   = "tani"   // pertanian
	fSos    = "sos"    // pekerjaan sosial
)

// job is a jabatan a unit's staff can hold. For Fungsional, name is the
// jabatan without its jenjang ("Perawat"); the jenjang is appended.
type job struct {
	name     string
	jk       domain.JabatanKind
	jenjangs []domain.Jenjang
	field    string
	w        int
}

var (
	jAP  = domain.AhliPertama
	jAM  = domain.AhliMuda
	jAMd = domain.AhliMadya
	jPm  = domain.Pemula
	jTr  = domain.Terampil
	jMh  = domain.Mahir
	jPy  = domain.Penyelia
)

func jf(name, field string, w int, js ...domain.Jenjang) job {
	return job{name: name, jk: domain.Fungsional, jenjangs: js, field: field, w: w}
}

func pel(name string, w int) job {
	return job{name: name, jk: domain.Pelaksana, field: fGen, w: w}
}

// staffJobs lists, per unit kind, the jabatan of the staff below the head.
var staffJobs = map[unitKind][]job{
	ukSekretariat: {
		jf("Pranata Komputer", fKom, 3, jAP, jAM, jTr, jMh),
		jf("Arsiparis", fGen, 2, jTr, jMh, jAP),
		jf("Analis Kebijakan", fGen, 2, jAP, jAM),
		jf("Perencana", fGen, 1, jAP, jAM),
		pel("Pengadministrasi Perkantoran", 4),
		pel("Pengelola Keuangan", 1),
	},
	ukUmpeg: {
		jf("Analis Sumber Daya Manusia Aparatur", fGen, 3, jAP, jAM),
		jf("Pranata Sumber Daya Manusia Aparatur", fGen, 2, jTr, jMh, jPy),
		jf("Arsiparis", fGen, 1, jTr, jMh),
		pel("Pengadministrasi Perkantoran", 3),
	},
	ukPemerintahan: {
		jf("Analis Kebijakan", fGen, 2, jAP, jAM),
		jf("Administrator Database Kependudukan", fKom, 1, jAP, jTr),
		pel("Pengadministrasi Pemerintahan", 3),
		pel("Pengolah Data dan Informasi", 2),
	},
	ukKesos: {
		jf("Penyuluh Sosial", fSos, 2, jAP, jAM, jTr, jMh),
		jf("Pekerja Sosial", fSos, 2, jAP, jAM, jTr),
		pel("Pengadministrasi Perkantoran", 2),
		pel("Pengelola Data Kesejahteraan Sosial", 1),
	},
	ukTrantib: {
		jf("Polisi Pamong Praja", fGen, 6, jPm, jTr, jMh, jPy, jAP, jAM),
		pel("Pengadministrasi Perkantoran", 1),
	},
	ukPMD: {
		jf("Penggerak Swadaya Masyarakat", fGen, 3, jAP, jAM, jTr, jMh),
		jf("Penyuluh Pertanian", fTani, 2, jAP, jAM, jAMd, jTr, jMh),
		pel("Pengadministrasi Perkantoran", 2),
	},
	ukPuskesmas: {
		jf("Dokter", fDr, 2, jAP, jAM, jAMd),
		jf("Dokter Gigi", fDrg, 1, jAP, jAM),
		jf("Perawat", fKep, 5, jTr, jMh, jPy, jAP, jAM),
		jf("Bidan", fKeb, 5, jTr, jMh, jPy, jAP, jAM),
		jf("Apoteker", fFarm, 1, jAP),
		jf("Nutrisionis", fGizi, 1, jTr, jAP),
		jf("Sanitarian", fKesmas, 1, jTr, jAP),
		jf("Pranata Laboratorium Kesehatan", fLab, 1, jTr, jMh),
		pel("Pengadministrasi Perkantoran", 1),
	},
	ukSD: {
		jf("Guru", fPd, 8, jAP, jAM, jAMd),
		pel("Pengadministrasi Perkantoran", 1),
	},
	ukKelurahan: {
		pel("Pengadministrasi Pemerintahan", 3),
		pel("Pengadministrasi Perkantoran", 2),
		jf("Penggerak Swadaya Masyarakat", fGen, 1, jAP, jTr),
		jf("Polisi Pamong Praja", fGen, 1, jPm, jTr, jMh),
	},
}

// paruhWaktuJobs are the jabatan of PPPK Paruh Waktu (KepMenPANRB 16/2025
// groups), with the education each is recruited from.
var paruhWaktuJobs = []struct {
	name string
	edus []string
	w    int
}{
	{"Operator Layanan Operasional", []string{"SLTA", "SLTA", "SLTP"}, 4},
	{"Pengelola Layanan Operasional", []string{"D-III", "SLTA"}, 3},
	{"Penata Layanan Operasional", []string{"S1"}, 2},
	{"Pengelola Umum Operasional", []string{"SD", "SLTP", "SLTA"}, 2},
}

// region is an origin: its names, birthplaces, NIK kabupaten codes and
// religions.
type region struct {
	w                       int
	maleFirst, maleLast     []string
	femaleFirst, femaleLast []string
	places                  []string
	nikKab                  []string // 4-digit provinsi+kabupaten codes
	agama                   agamaW
	balinese                bool // "I Wayan …" / "Ni Luh …" names
}

var regions = []region{
	{ // Sunda
		w: 40,
		maleFirst: []string{"Asep", "Ujang", "Cecep", "Dede", "Deden", "Yayan", "Dadang", "Iwan", "Rahmat",
			"Ade", "Agus", "Wawan", "Hendra", "Ridwan", "Acep", "Jajang", "Ruhiyat", "Engkos"},
		maleLast: []string{"Saepudin", "Rustandi", "Supriatna", "Hidayat", "Sunandar", "Kurniawan", "Permana",
			"Gunawan", "Rukmana", "Setiadi", "Mulyana", "Nugraha", "Suherman", "Firmansyah", "Sopandi"},
		femaleFirst: []string{"Euis", "Dedeh", "Neng", "Yuyun", "Cucu", "Enok", "Siti", "Rina", "Lilis",
			"Tati", "Nining", "Imas", "Wida", "Rini", "Elis", "Popon"},
		femaleLast: []string{"Komariah", "Kurniasih", "Yuliani", "Rohaeni", "Nurjanah", "Sumiati", "Rosita",
			"Marlina", "Hermawati", "Nurhasanah", "Susilawati", "Sulastri", "Maryani", "Rahmawati"},
		places: []string{"Garut", "Garut", "Garut", "Bandung", "Tasikmalaya", "Sumedang", "Cianjur",
			"Sukabumi", "Ciamis", "Kuningan"},
		nikKab: []string{"3205", "3205", "3273", "3206", "3203"},
		agama:  agamaW{Islam: 97, Kristen: 2, Katolik: 1},
	},
	{ // Jawa
		w: 18,
		maleFirst: []string{"Agus", "Bambang", "Budi", "Joko", "Eko", "Dwi", "Slamet", "Teguh", "Wahyu",
			"Hadi", "Rudi", "Sigit", "Yudi", "Heru", "Arif", "Bayu"},
		maleLast: []string{"Santoso", "Prasetyo", "Setiawan", "Wibowo", "Susanto", "Purnomo", "Hartono",
			"Nugroho", "Sutrisno", "Wicaksono", "Saputro", "Widodo", "Raharjo"},
		femaleFirst: []string{"Sri", "Endang", "Dewi", "Rina", "Tri", "Wulan", "Ratna", "Siti", "Retno",
			"Indah", "Yuli", "Ayu", "Dian"},
		femaleLast: []string{"Wahyuni", "Lestari", "Rahayu", "Handayani", "Susanti", "Purwaningsih",
			"Kusumawati", "Astuti", "Widayati", "Suryani", "Pratiwi", "Utami"},
		places: []string{"Yogyakarta", "Surakarta", "Semarang", "Malang", "Kediri", "Madiun", "Purwokerto",
			"Klaten", "Magelang"},
		nikKab: []string{"3374", "3471", "3573", "3372", "3310"},
		agama:  agamaW{Islam: 90, Katolik: 4, Kristen: 5, Hindu: 1},
	},
	{ // Batak Toba
		w: 5,
		maleFirst: []string{"Roy", "Lamhot", "Tigor", "Parulian", "Benny", "Rudolf", "Hotman", "Sahat",
			"Togar", "Maruli", "Jonggi", "Binsar"},
		maleLast: []string{"Simanjuntak", "Hutapea", "Sitompul", "Situmorang", "Sinaga", "Pardede",
			"Panjaitan", "Manurung", "Simatupang", "Hutagalung", "Napitupulu"},
		femaleFirst: []string{"Rosmawati", "Lasma", "Tiurma", "Romauli", "Debora", "Sarma", "Ruth",
			"Yohana", "Melva", "Friska"},
		places: []string{"Medan", "Pematangsiantar", "Tarutung", "Balige", "Sibolga"},
		nikKab: []string{"1271", "1272", "1202", "1212"},
		agama:  agamaW{Kristen: 80, Katolik: 20},
	},
	{ // Mandailing / Angkola
		w: 3,
		maleFirst: []string{"Ahmad Rasyid", "Muhammad Yusuf", "Irfan", "Syahrul", "Fauzi", "Khairul",
			"Ridho", "Zulfikar"},
		maleLast: []string{"Nasution", "Lubis", "Harahap", "Siregar", "Daulay", "Batubara", "Pulungan"},
		femaleFirst: []string{"Nurhayati", "Khairunnisa", "Fitriani", "Ummi Kalsum", "Rahmadani",
			"Sri Wahyuni", "Aisyah"},
		places: []string{"Padangsidimpuan", "Panyabungan", "Medan", "Sipirok"},
		nikKab: []string{"1277", "1213", "1271"},
		agama:  agamaW{Islam: 1},
	},
	{ // Minangkabau
		w: 6,
		maleFirst: []string{"Afrizal", "Yusrizal", "Zulkifli", "Nofriadi", "Hendri", "Irwan", "Fadli",
			"Ikhsan", "Syafril", "Rizki", "Aldi"},
		maleLast: []string{"Putra", "Syahputra", "Effendi", "Rasyid", "Hamdani", "Anwar", "Yunus",
			"Chaniago", "Piliang", "Sikumbang"},
		femaleFirst: []string{"Desi", "Rahmi", "Yelfi", "Nofita", "Silvia", "Fitri", "Elvi", "Rini",
			"Mairita", "Yolanda"},
		femaleLast: []string{"Ratnasari", "Yanti", "Oktaviani", "Susanti", "Novita", "Yenti", "Marlinda",
			"Hayati", "Sari"},
		places: []string{"Padang", "Bukittinggi", "Payakumbuh", "Solok", "Pariaman", "Batusangkar"},
		nikKab: []string{"1371", "1375", "1376", "1304"},
		agama:  agamaW{Islam: 1},
	},
	{ // Bugis-Makassar
		w: 5,
		maleFirst: []string{"Andi Muhammad", "Muhammad", "Syamsuddin", "Arifuddin", "Hasanuddin", "Andi",
			"Baharuddin", "Jamaluddin", "Rusdi", "Irsyad"},
		maleLast: []string{"Arif", "Rahman", "Amir", "Basri", "Hamzah", "Syarif", "Ilyas", "Latif",
			"Hasyim", "Mappiasse"},
		femaleFirst: []string{"Sitti", "Andi", "Nurhayati", "Hasnah", "Rosdiana", "Nurul", "Hamsiah",
			"Irmawati"},
		femaleLast: []string{"Rahmawati", "Aminah", "Hasanah", "Nurjannah", "Sulfiana", "Asriani",
			"Hamsina", "Wahyuni"},
		places: []string{"Makassar", "Watampone", "Parepare", "Sengkang", "Sinjai", "Barru"},
		nikKab: []string{"7371", "7308", "7372", "7313"},
		agama:  agamaW{Islam: 1},
	},
	{ // Bali
		w: 4, balinese: true,
		maleLast: []string{"Sudarsana", "Suarjana", "Artawan", "Widiana", "Mahendra", "Wirawan",
			"Sukadana", "Astawa", "Budiarta", "Suyasa"},
		femaleLast: []string{"Ariani", "Sukmawati", "Ayu Puspitasari", "Sriasih", "Wulandari", "Suwitri",
			"Darmayanti", "Ayu Lestari", "Sudiani"},
		places: []string{"Denpasar", "Singaraja", "Gianyar", "Tabanan", "Klungkung", "Karangasem"},
		nikKab: []string{"5171", "5108", "5104", "5102"},
		agama:  agamaW{Hindu: 93, Islam: 3, Kristen: 2, Katolik: 1, Buddha: 1},
	},
	{ // Papua
		w: 3,
		maleFirst: []string{"Yohanes", "Frans", "Natalis", "Yakob", "Markus", "Septinus", "Otto",
			"Yosias", "Decky", "Elias"},
		maleLast: []string{"Wenda", "Kambu", "Rumbiak", "Mandowen", "Kogoya", "Wanggai", "Rumbewas",
			"Yoku", "Karubaba", "Tabuni", "Ayomi", "Sawaki"},
		femaleFirst: []string{"Maria", "Yosina", "Agustina", "Fransina", "Yuliana", "Selfina", "Ester",
			"Ribka"},
		places: []string{"Jayapura", "Biak", "Manokwari", "Wamena", "Serui", "Merauke", "Nabire"},
		nikKab: []string{"9471", "9106", "9202", "9101"},
		agama:  agamaW{Kristen: 75, Katolik: 25},
	},
	{ // Tionghoa
		w: 4,
		maleFirst: []string{"Hendra", "Budi", "Steven", "Kevin", "Sutanto", "Rudy", "Willy",
			"Fransiskus", "Kurniawan", "Hartono", "Andreas"},
		maleLast: []string{"Wijaya", "Halim", "Gunawan", "Susanto", "Tanujaya", "Santoso", "Lim", "Tan",
			"Hartanto", "Kusuma", "Setiawan", "Lie"},
		femaleFirst: []string{"Lanny", "Mei Ling", "Lie Hwa", "Yuliana", "Melinda", "Susan", "Veronika",
			"Linda", "Fransiska", "Wenny", "Jessica"},
		places: []string{"Jakarta", "Medan", "Pontianak", "Singkawang", "Surabaya", "Bandung", "Semarang"},
		nikKab: []string{"6172", "3173", "1271", "3578"},
		agama:  agamaW{Buddha: 35, Kristen: 30, Katolik: 25, Khonghucu: 10},
	},
	{ // Flores / Timor
		w: 2,
		maleFirst: []string{"Yohanes", "Petrus", "Paulus", "Fransiskus", "Agustinus", "Aloysius",
			"Kornelis", "Yosef"},
		maleLast: []string{"Lewar", "Bataona", "Mbete", "Djawa", "Sogen", "Wungo", "Fernandez",
			"da Costa", "Parera", "Tukan"},
		femaleFirst: []string{"Maria", "Theresia", "Yosefina", "Margaretha", "Florentina", "Anastasia"},
		places:      []string{"Kupang", "Ende", "Maumere", "Ruteng", "Atambua", "Larantuka"},
		nikKab:      []string{"5371", "5308", "5310", "5312"},
		agama:       agamaW{Katolik: 80, Kristen: 20},
	},
}

// agamaW weighs the religions of a region (percent or any other scale).
type agamaW struct{ Islam, Kristen, Katolik, Hindu, Buddha, Khonghucu int }

func (a agamaW) names() ([]string, []int) {
	return []string{"Islam", "Kristen", "Katolik", "Hindu", "Buddha", "Khonghucu"},
		[]int{a.Islam, a.Kristen, a.Katolik, a.Hindu, a.Buddha, a.Khonghucu}
}

// Balinese birth-order names.
var (
	baliMale   = []string{"Wayan", "Made", "Nyoman", "Ketut", "Putu", "Gede", "Kadek", "Komang"}
	baliFemale = []string{"Luh", "Made", "Nyoman", "Ketut", "Putu", "Kadek", "Komang", "Luh Putu"}
)

// Office location: Kecamatan Sukamaju in a Jawa Barat kabupaten. The NIK
// prefix 32 05 12 is plausible, not a real code table entry.
const (
	officeName = "Kecamatan Sukamaju (Data Contoh)"
	localNIK   = "320512"
	emailHost  = "contoh.go.id"
)

var desa = []string{"Sukamaju", "Sukamulya", "Sukasari", "Mekarjaya", "Cibodas", "Margahayu",
	"Sindangsari", "Karangsari", "Jayamukti", "Girimukti", "Mekarsari", "Sirnagalih", "Cikadu", "Sukaraja"}

var streets = []string{"Jl. Merdeka", "Jl. Raya Sukamaju", "Jl. Pahlawan", "Jl. Siliwangi",
	"Jl. Ahmad Yani", "Jl. Jenderal Sudirman", "Jl. Pasundan", "Jl. Cempaka", "Jl. Melati", "Jl. Mawar",
	"Gg. Kenanga", "Jl. Pramuka", "Jl. Ki Hajar Dewantara", "Jl. Otto Iskandardinata", "Jl. Cikuray",
	"Jl. Pembangunan"}

// Mobile prefixes after "08" (Telkomsel, Indosat, XL, Axis, Tri, Smartfren).
var hpPrefixes = []string{"11", "12", "13", "21", "22", "23", "52", "53", "14", "15", "16", "55",
	"56", "57", "58", "17", "18", "19", "59", "77", "78", "31", "32", "38", "95", "96", "97", "98",
	"99", "81", "82", "83", "87", "88"}

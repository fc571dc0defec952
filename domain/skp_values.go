package domain

// CoreValue is one of the BerAKHLAK core values with its three panduan
// perilaku (SE MenPANRB 20/2021).
type CoreValue struct {
	Name    string
	Panduan [3]string
}

// coreValues is the shipped table; assets/reference/skp.json carries the
// same text (a test keeps them equal). Fixed order Ber-A-K-H-L-A-K.
var coreValues = [7]CoreValue{
	{"Berorientasi Pelayanan", [3]string{
		"Memahami dan memenuhi kebutuhan masyarakat",
		"Ramah, cekatan, solutif, dan dapat diandalkan",
		"Melakukan perbaikan tiada henti"}},
	{"Akuntabel", [3]string{
		"Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi",
		"Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
		"Tidak menyalahgunakan kewenangan jabatan"}},
	{"Kompeten", [3]string{
		"Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
		"Membantu orang lain belajar",
		"Melaksanakan tugas dengan kualitas terbaik"}},
	{"Harmonis", [3]string{
		"Menghargai setiap orang apapun latar belakangnya",
		"Suka menolong orang lain",
		"Membangun lingkungan kerja yang kondusif"}},
	{"Loyal", [3]string{
		"Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada NKRI serta pemerintahan yang sah",
		"Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
		"Menjaga rahasia jabatan dan negara"}},
	{"Adaptif", [3]string{
		"Cepat menyesuaikan diri menghadapi perubahan",
		"Terus berinovasi dan mengembangkan kreativitas",
		"Bertindak proaktif"}},
	{"Kolaboratif", [3]string{
		"Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
		"Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
		"Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama"}},
}

// CoreValues returns the 7 core values in their fixed order (a copy).
func CoreValues() []CoreValue { return append([]CoreValue(nil), coreValues[:]...) }

// predikatMatrix[hasil kerja][perilaku kerja], PermenPANRB 6/2022:
// Sangat Baik only when both are Di Atas; poor behaviour dominates.
var predikatMatrix = [4][4]Predikat{
	DiBawah: {DiBawah: SangatKurang, Sesuai: ButuhPerbaikan, DiAtas: ButuhPerbaikan},
	Sesuai:  {DiBawah: Kurang, Sesuai: Baik, DiAtas: Baik},
	DiAtas:  {DiBawah: Kurang, Sesuai: Baik, DiAtas: SangatBaik},
}

// PredikatKinerja is the predikat of a hasil kerja and a perilaku kerja
// rating; "" while either is not set.
func PredikatKinerja(hasil, perilaku Rating) Predikat {
	if hasil < DiBawah || hasil > DiAtas || perilaku < DiBawah || perilaku > DiAtas {
		return ""
	}
	return predikatMatrix[hasil][perilaku]
}

// RatingGuidance is BKN's guidance for a rating hasil kerja (likely;
// "tanpa ada persyaratan pembobotan tertentu"): shown beside the choice.
func RatingGuidance(r Rating) string {
	switch r {
	case DiAtas:
		return "Di Atas Ekspektasi: sebagian besar atau seluruh hasil kerja melampaui ekspektasi, dan tidak ada hasil kerja utama yang di bawah ekspektasi."
	case Sesuai:
		return "Sesuai Ekspektasi: sebagian besar atau seluruh hasil kerja sesuai ekspektasi; hanya sebagian kecil hasil kerja utama di bawah ekspektasi."
	case DiBawah:
		return "Di Bawah Ekspektasi: sebagian besar atau seluruh hasil kerja di bawah ekspektasi."
	}
	return "Pilih rating hasil kerja berdasarkan realisasi, bukti dukung dan umpan balik."
}

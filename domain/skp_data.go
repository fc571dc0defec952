package domain

import (
	"encoding/json"
	"math"
	"strings"
)

// The fixed texts and tables of the performance cycle as versioned data:
// assets/reference/skp.json (PermenPANRB 6/2022; SE MenPANRB 20/2021) and
// assets/reference/angka_kredit.json (PermenPANRB 1/2023 Pasal 37;
// Peraturan BKN 3/2023). The Go tables (coreValues, predikatMatrix,
// DefaultDistPatterns, DefaultHeadRating, akKoefisien, akPercent) are what
// the rules use; the files are what an office reads and starts editing,
// and a test keeps them equal (as for hukdis.json and the others).

// SKPReference is skp.json: core values with panduan, the labels, the
// predikat matrix, the distribution patterns and the head mapping. Each
// part carries its own confidence: core values, labels and matrix are
// confirmed; the percentages of the patterns likely (K4); the head
// mapping an uncertain decision (K5).
type SKPReference struct {
	Regulation string
	ValidFrom  string
	ValidTo    string
	Unverified bool // some part is not verified

	CoreValues           []CoreValue
	CoreValuesUnverified bool

	RatingLabels     map[Rating]string
	PredikatLabels   map[Predikat]string
	OrgLabels        map[OrgPredikat]string
	LabelsUnverified bool

	// Matrix[hasil kerja][perilaku kerja], indexed by Rating (0 unused).
	Matrix           [4][4]Predikat
	MatrixUnverified bool

	DistPatterns   []DistPattern
	DistUnverified bool

	HeadRating           map[OrgPredikat]Rating
	HeadRatingUnverified bool
}

// DefaultSKPReference is the shipped table as the rules hold it.
func DefaultSKPReference() SKPReference {
	r := SKPReference{
		Regulation:     "PermenPANRB 6/2022; SE MenPANRB 20/2021",
		ValidFrom:      "2022-01-01",
		Unverified:     true,
		CoreValues:     CoreValues(),
		RatingLabels:   map[Rating]string{},
		PredikatLabels: map[Predikat]string{},
		OrgLabels:      map[OrgPredikat]string{},
		Matrix:         predikatMatrix,
		DistPatterns:   DefaultDistPatterns(),
		DistUnverified: true,
		HeadRating:     DefaultHeadRating(),
		// K5: the regulation does not give the mapping.
		HeadRatingUnverified: true,
	}
	for _, x := range Ratings() {
		r.RatingLabels[x] = x.String()
	}
	for _, p := range Predikats() {
		r.PredikatLabels[p] = p.Label()
	}
	for _, o := range OrgPredikats() {
		r.OrgLabels[o] = o.Label()
	}
	return r
}

type codeLabel struct {
	Code  string `json:"kode"`
	Label string `json:"label"`
}

type labelPart struct {
	Unverified bool        `json:"unverified"`
	Note       string      `json:"keterangan"`
	List       []codeLabel `json:"daftar"`
}

// skpFile is the JSON shape of assets/reference/skp.json.
type skpFile struct {
	Regulation string `json:"regulation"`
	ValidFrom  string `json:"valid_from"`
	ValidTo    string `json:"valid_to"`
	Unverified bool   `json:"unverified"`
	Note       string `json:"note"`
	CoreValues struct {
		Unverified bool   `json:"unverified"`
		Source     string `json:"sumber"`
		List       []struct {
			Name    string   `json:"nama"`
			Panduan []string `json:"panduan"`
		} `json:"nilai"`
	} `json:"nilai_dasar"`
	Ratings   labelPart `json:"rating"`
	Predikats labelPart `json:"predikat"`
	Orgs      labelPart `json:"predikat_organisasi"`
	Matrix    struct {
		Unverified bool   `json:"unverified"`
		Note       string `json:"keterangan"`
		Cells      []struct {
			Hasil    string `json:"hasil_kerja"`
			Perilaku string `json:"perilaku_kerja"`
			Predikat string `json:"predikat"`
		} `json:"sel"`
	} `json:"matriks"`
	Dist struct {
		Unverified bool   `json:"unverified"`
		Note       string `json:"keterangan"`
		Patterns   []struct {
			Org   string `json:"organisasi"`
			Rules []struct {
				Kind      string   `json:"jenis"`
				Percent   int      `json:"persen"`
				Predikats []string `json:"predikat"`
			} `json:"aturan"`
		} `json:"pola"`
	} `json:"pola_distribusi"`
	Head struct {
		Unverified bool              `json:"unverified"`
		Note       string            `json:"keterangan"`
		Map        map[string]string `json:"peta"`
	} `json:"rating_kepala_unit"`
}

func ratingByCode(s string) (Rating, bool) {
	for _, r := range Ratings() {
		if r.Code() == s {
			return r, true
		}
	}
	return 0, false
}

func predikatByCode(s string) (Predikat, bool) {
	for _, p := range Predikats() {
		if string(p) == s {
			return p, true
		}
	}
	return "", false
}

func orgByCode(s string) (OrgPredikat, bool) {
	for _, o := range OrgPredikats() {
		if string(o) == s {
			return o, true
		}
	}
	return "", false
}

// checkValidity reads valid_from / valid_to: ISO dates, valid_to empty or
// not before valid_from.
func checkValidity(from, to string, bad func(string) error) error {
	f, err := ParseDate(from)
	if err != nil || f.IsZero() || len(from) != 10 || from[4] != '-' {
		return bad("\"valid_from\" harus tanggal TTTT-BB-HH, misalnya 2022-01-01.")
	}
	if to == "" {
		return nil
	}
	t, err := ParseDate(to)
	if err != nil || len(to) != 10 || to[4] != '-' {
		return bad("\"valid_to\" harus kosong atau tanggal TTTT-BB-HH.")
	}
	if t.Before(f) {
		return bad("\"valid_to\" tidak boleh sebelum \"valid_from\".")
	}
	return nil
}

// ParseSKPReference reads skp.json. Every code must be one asndesk knows
// (ratings DIATAS/SESUAI/DIBAWAH, the five predikat and the five predikat
// organisasi), each listed exactly once; the matrix must have all 9 cells;
// every unit predikat needs a pattern and a head rating; rule kinds are
// MAKS, MIN (with a percentage 1–100), HARUS_ADA and TIDAK_ADA (without).
func ParseSKPReference(b []byte) (SKPReference, error) {
	var f skpFile
	fail := func(msg string) error { return Errorf(EINVALID, "Tabel SKP (skp.json): "+msg) }
	bad := func(msg string) (SKPReference, error) { return SKPReference{}, fail(msg) }
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields() // a misspelt key would otherwise be silently empty
	if err := dec.Decode(&f); err != nil {
		return bad("tidak dapat dibaca: " + err.Error())
	}
	if strings.TrimSpace(f.Regulation) == "" {
		return bad("\"regulation\" wajib diisi (dasar hukum tabel).")
	}
	if err := checkValidity(f.ValidFrom, f.ValidTo, fail); err != nil {
		return SKPReference{}, err
	}
	r := SKPReference{Regulation: f.Regulation, ValidFrom: f.ValidFrom, ValidTo: f.ValidTo, Unverified: f.Unverified,
		CoreValuesUnverified: f.CoreValues.Unverified, LabelsUnverified: f.Ratings.Unverified || f.Predikats.Unverified || f.Orgs.Unverified,
		MatrixUnverified: f.Matrix.Unverified, DistUnverified: f.Dist.Unverified, HeadRatingUnverified: f.Head.Unverified,
		RatingLabels: map[Rating]string{}, PredikatLabels: map[Predikat]string{}, OrgLabels: map[OrgPredikat]string{},
		HeadRating: map[OrgPredikat]Rating{}}

	if len(f.CoreValues.List) != len(coreValues) {
		return bad("\"nilai_dasar\" harus berisi " + itoa(len(coreValues)) + " nilai dasar BerAKHLAK, ada " + itoa(len(f.CoreValues.List)) + ".")
	}
	seen := map[string]bool{}
	for i, v := range f.CoreValues.List {
		name := strings.TrimSpace(v.Name)
		n := "nilai dasar ke-" + itoa(i+1)
		switch {
		case name == "":
			return bad(n + ": nama wajib diisi.")
		case seen[name]:
			return bad("nilai dasar \"" + name + "\" tercantum dua kali.")
		case len(v.Panduan) != 3:
			return bad("nilai dasar \"" + name + "\" harus punya 3 panduan perilaku, ada " + itoa(len(v.Panduan)) + ".")
		}
		seen[name] = true
		cv := CoreValue{Name: name}
		for j, p := range v.Panduan {
			if strings.TrimSpace(p) == "" {
				return bad("nilai dasar \"" + name + "\": panduan perilaku " + itoa(j+1) + " kosong.")
			}
			cv.Panduan[j] = strings.TrimSpace(p)
		}
		r.CoreValues = append(r.CoreValues, cv)
	}

	// labels: every known code exactly once, with a label
	type labels struct {
		part  labelPart
		key   string
		want  int
		known func(string) bool
		put   func(code, label string)
	}
	for _, l := range []labels{
		{f.Ratings, "rating", len(Ratings()), func(s string) bool { _, ok := ratingByCode(s); return ok },
			func(c, l string) { x, _ := ratingByCode(c); r.RatingLabels[x] = l }},
		{f.Predikats, "predikat", len(Predikats()), func(s string) bool { _, ok := predikatByCode(s); return ok },
			func(c, l string) { x, _ := predikatByCode(c); r.PredikatLabels[x] = l }},
		{f.Orgs, "predikat_organisasi", len(OrgPredikats()), func(s string) bool { _, ok := orgByCode(s); return ok },
			func(c, l string) { x, _ := orgByCode(c); r.OrgLabels[x] = l }},
	} {
		got := map[string]bool{}
		for _, cl := range l.part.List {
			switch {
			case !l.known(cl.Code):
				return bad("\"" + l.key + "\": kode \"" + cl.Code + "\" tidak dikenal.")
			case got[cl.Code]:
				return bad("\"" + l.key + "\": kode \"" + cl.Code + "\" tercantum dua kali.")
			case strings.TrimSpace(cl.Label) == "":
				return bad("\"" + l.key + "\": kode \"" + cl.Code + "\" tanpa label.")
			}
			got[cl.Code] = true
			l.put(cl.Code, cl.Label)
		}
		if len(got) != l.want {
			return bad("\"" + l.key + "\" harus berisi " + itoa(l.want) + " kode, ada " + itoa(len(got)) + ".")
		}
	}

	for _, c := range f.Matrix.Cells {
		h, ok1 := ratingByCode(c.Hasil)
		p, ok2 := ratingByCode(c.Perilaku)
		pr, ok3 := predikatByCode(c.Predikat)
		switch {
		case !ok1 || !ok2:
			return bad("\"matriks\": rating \"" + c.Hasil + "\"/\"" + c.Perilaku + "\" tidak dikenal (DIATAS, SESUAI, DIBAWAH).")
		case !ok3:
			return bad("\"matriks\": predikat \"" + c.Predikat + "\" tidak dikenal.")
		case r.Matrix[h][p] != "":
			return bad("\"matriks\": sel " + c.Hasil + " × " + c.Perilaku + " tercantum dua kali.")
		}
		r.Matrix[h][p] = pr
	}
	for _, h := range Ratings() {
		for _, p := range Ratings() {
			if r.Matrix[h][p] == "" {
				return bad("\"matriks\": sel hasil kerja " + h.Code() + " × perilaku kerja " + p.Code() + " belum diisi (harus 9 sel).")
			}
		}
	}

	for _, pf := range f.Dist.Patterns {
		org, ok := orgByCode(pf.Org)
		if !ok {
			return bad("\"pola_distribusi\": predikat organisasi \"" + pf.Org + "\" tidak dikenal.")
		}
		for _, p := range r.DistPatterns {
			if p.Org == org {
				return bad("\"pola_distribusi\": pola " + pf.Org + " tercantum dua kali.")
			}
		}
		pat := DistPattern{Org: org}
		for i, rf := range pf.Rules {
			n := "\"pola_distribusi\" " + pf.Org + ", aturan ke-" + itoa(i+1)
			rule := DistRule{Kind: DistRuleKind(rf.Kind), Percent: rf.Percent}
			switch rule.Kind {
			case DistMax, DistMin:
				if rf.Percent < 1 || rf.Percent > 100 {
					return bad(n + ": \"persen\" harus 1 sampai 100.")
				}
			case DistAny, DistNone:
				if rf.Percent != 0 {
					return bad(n + ": jenis " + rf.Kind + " tidak memakai \"persen\".")
				}
			default:
				return bad(n + ": jenis \"" + rf.Kind + "\" tidak dikenal (MAKS, MIN, HARUS_ADA, TIDAK_ADA).")
			}
			if len(rf.Predikats) == 0 {
				return bad(n + ": sebutkan paling sedikit satu predikat.")
			}
			for _, s := range rf.Predikats {
				p, ok := predikatByCode(s)
				if !ok {
					return bad(n + ": predikat \"" + s + "\" tidak dikenal.")
				}
				rule.Predikats = append(rule.Predikats, p)
			}
			pat.Rules = append(pat.Rules, rule)
		}
		r.DistPatterns = append(r.DistPatterns, pat)
	}

	for k, v := range f.Head.Map {
		org, ok := orgByCode(k)
		if !ok {
			return bad("\"rating_kepala_unit\": predikat organisasi \"" + k + "\" tidak dikenal.")
		}
		rt, ok := ratingByCode(v)
		if !ok {
			return bad("\"rating_kepala_unit\": rating \"" + v + "\" untuk " + k + " tidak dikenal (DIATAS, SESUAI, DIBAWAH).")
		}
		r.HeadRating[org] = rt
	}
	for _, o := range OrgPredikats() {
		found := false
		for _, p := range r.DistPatterns {
			found = found || p.Org == o
		}
		if !found {
			return bad("\"pola_distribusi\": pola untuk " + string(o) + " belum ada.")
		}
		if r.HeadRating[o] == 0 {
			return bad("\"rating_kepala_unit\": rating untuk " + string(o) + " belum ada.")
		}
	}
	return r, nil
}

// AKJenjang is one line of the angka kredit table: the jenjang, its
// golongan range, the yearly koefisien and the AK needed for kenaikan
// pangkat and kenaikan jenjang (all in hundredths; 0 when none).
type AKJenjang struct {
	Jenjang   Jenjang
	Golongan  string
	Koefisien int64
	AKKP      int64
	AKJenjang int64
}

// AKRules is angka_kredit.json: koefisien per jenjang and the percentage
// of the koefisien per predikat. Koefisien, percentages and the keahlian
// targets are confirmed; keterampilan targets and pro-rating likely.
type AKRules struct {
	Regulation string
	ValidFrom  string
	ValidTo    string
	Unverified bool

	Jenjang             []AKJenjang // in the table's order
	KoefisienUnverified bool
	TargetsUnverified   bool // AK for KP / jenjang of keterampilan
	Percent             map[Predikat]int
	PercentUnverified   bool
	ProRataUnverified   bool
}

// Koefisien returns the yearly koefisien of j in hundredths.
func (t AKRules) Koefisien(j Jenjang) (int64, bool) {
	for _, x := range t.Jenjang {
		if x.Jenjang == j {
			return x.Koefisien, true
		}
	}
	return 0, false
}

// akRows is §4.11 in table order; the koefisien come from akKoefisien
// so that the rules and the table cannot disagree.
var akRows = []AKJenjang{
	{Jenjang: Pemula, Golongan: "II/a", AKKP: 1500, AKJenjang: 1500},
	{Jenjang: Terampil, Golongan: "II/b – II/d", AKKP: 2000, AKJenjang: 6000},
	{Jenjang: Mahir, Golongan: "III/a – III/b", AKKP: 5000, AKJenjang: 10000},
	{Jenjang: Penyelia, Golongan: "III/c – III/d", AKKP: 10000},
	{Jenjang: AhliPertama, Golongan: "III/a – III/b", AKKP: 5000, AKJenjang: 10000},
	{Jenjang: AhliMuda, Golongan: "III/c – III/d", AKKP: 10000, AKJenjang: 20000},
	{Jenjang: AhliMadya, Golongan: "IV/a – IV/c", AKKP: 15000, AKJenjang: 45000},
	{Jenjang: AhliUtama, Golongan: "IV/d – IV/e", AKKP: 20000},
}

// AKTable is the shipped angka kredit table as the rules hold it.
func AKTable() AKRules {
	t := AKRules{Regulation: "PermenPANRB 1/2023 Pasal 37; Peraturan BKN 3/2023", ValidFrom: "2023-01-01",
		Unverified: true, TargetsUnverified: true, ProRataUnverified: true, Percent: map[Predikat]int{}}
	for _, r := range akRows {
		r.Koefisien = akKoefisien[r.Jenjang]
		t.Jenjang = append(t.Jenjang, r)
	}
	for p, n := range akPercent {
		t.Percent[p] = n
	}
	return t
}

// akFile is the JSON shape of assets/reference/angka_kredit.json.
type akFile struct {
	Regulation string `json:"regulation"`
	ValidFrom  string `json:"valid_from"`
	ValidTo    string `json:"valid_to"`
	Unverified bool   `json:"unverified"`
	Note       string `json:"note"`
	Formula    string `json:"rumus"`
	Koefisien  struct {
		Unverified        bool   `json:"unverified"`
		TargetsUnverified bool   `json:"target_keterampilan_unverified"`
		Note              string `json:"keterangan"`
		List              []struct {
			Jenjang   string   `json:"jenjang"`
			Golongan  string   `json:"golongan"`
			Koefisien float64  `json:"koefisien"`
			AKKP      *float64 `json:"ak_kenaikan_pangkat"`
			AKJenjang *float64 `json:"ak_kenaikan_jenjang"`
		} `json:"daftar"`
	} `json:"koefisien"`
	Percent struct {
		Unverified bool   `json:"unverified"`
		Note       string `json:"keterangan"`
		List       []struct {
			Predikat string   `json:"predikat"`
			Percent  int      `json:"persen"`
			Alias    []string `json:"alias"`
		} `json:"daftar"`
	} `json:"persentase"`
	ProRata struct {
		Unverified bool   `json:"unverified"`
		Rule       string `json:"aturan"`
	} `json:"prorata"`
}

// hundredths reads an AK number with at most two decimals (12,5 → 1250).
func hundredths(v float64) (int64, bool) {
	h := math.Round(v * 100)
	if v < 0 || v > 10000 || math.Abs(v*100-h) > 1e-6 {
		return 0, false
	}
	return int64(h), true
}

// ParseAKTable reads angka_kredit.json: each jenjang known and listed once
// with a positive koefisien (at most two decimals), each predikat known
// and listed once with a percentage 1–300.
func ParseAKTable(b []byte) (AKRules, error) {
	var f akFile
	fail := func(msg string) error { return Errorf(EINVALID, "Tabel angka kredit (angka_kredit.json): "+msg) }
	bad := func(msg string) (AKRules, error) { return AKRules{}, fail(msg) }
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return bad("tidak dapat dibaca: " + err.Error())
	}
	if strings.TrimSpace(f.Regulation) == "" {
		return bad("\"regulation\" wajib diisi (dasar hukum tabel).")
	}
	if err := checkValidity(f.ValidFrom, f.ValidTo, fail); err != nil {
		return AKRules{}, err
	}
	t := AKRules{Regulation: f.Regulation, ValidFrom: f.ValidFrom, ValidTo: f.ValidTo, Unverified: f.Unverified,
		KoefisienUnverified: f.Koefisien.Unverified, TargetsUnverified: f.Koefisien.TargetsUnverified,
		PercentUnverified: f.Percent.Unverified, ProRataUnverified: f.ProRata.Unverified, Percent: map[Predikat]int{}}
	for _, x := range f.Koefisien.List {
		var j Jenjang
		for _, c := range Jenjangs() {
			if c.String() == x.Jenjang {
				j = c
			}
		}
		if j == 0 {
			return bad("jenjang \"" + x.Jenjang + "\" tidak dikenal.")
		}
		if _, dup := t.Koefisien(j); dup {
			return bad("jenjang " + x.Jenjang + " tercantum dua kali.")
		}
		k, ok := hundredths(x.Koefisien)
		if !ok || k == 0 {
			return bad("koefisien " + x.Jenjang + " harus angka positif dengan paling banyak 2 desimal.")
		}
		row := AKJenjang{Jenjang: j, Golongan: strings.TrimSpace(x.Golongan), Koefisien: k}
		for _, p := range []struct {
			v   *float64
			dst *int64
			key string
		}{{x.AKKP, &row.AKKP, "ak_kenaikan_pangkat"}, {x.AKJenjang, &row.AKJenjang, "ak_kenaikan_jenjang"}} {
			if p.v == nil { // null: the jenjang has no such step
				continue
			}
			h, ok := hundredths(*p.v)
			if !ok {
				return bad("\"" + p.key + "\" " + x.Jenjang + " harus angka tidak negatif dengan paling banyak 2 desimal, atau null.")
			}
			*p.dst = h
		}
		t.Jenjang = append(t.Jenjang, row)
	}
	if len(t.Jenjang) != len(Jenjangs()) {
		return bad("koefisien harus ada untuk " + itoa(len(Jenjangs())) + " jenjang, ada " + itoa(len(t.Jenjang)) + ".")
	}
	for _, x := range f.Percent.List {
		p, ok := predikatByCode(x.Predikat)
		switch {
		case !ok:
			return bad("predikat \"" + x.Predikat + "\" tidak dikenal.")
		case t.Percent[p] != 0:
			return bad("predikat " + x.Predikat + " tercantum dua kali.")
		case x.Percent < 1 || x.Percent > 300:
			return bad("persentase " + x.Predikat + " harus 1 sampai 300.")
		}
		for _, a := range x.Alias {
			if q, ok := ParsePredikat(a); !ok || q != p {
				return bad("alias \"" + a + "\" tidak dibaca asndesk sebagai " + p.Label() + ".")
			}
		}
		t.Percent[p] = x.Percent
	}
	if len(t.Percent) != len(Predikats()) {
		return bad("persentase harus ada untuk " + itoa(len(Predikats())) + " predikat, ada " + itoa(len(t.Percent)) + ".")
	}
	return t, nil
}

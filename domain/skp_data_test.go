package domain

import (
	"reflect"
	"strings"
	"testing"
)

func TestShippedSKPTablesEqualDefaults(t *testing.T) {
	t.Parallel()
	ref, err := ParseSKPReference(readRef(t, "skp.json"))
	if err != nil {
		t.Fatal(err)
	}
	if want := DefaultSKPReference(); !reflect.DeepEqual(ref, want) {
		t.Fatalf("skp.json %+v\n\ndefault %+v", ref, want)
	}
	if ref.Matrix != predikatMatrix {
		t.Fatalf("matrix %v", ref.Matrix)
	}
	ak, err := ParseAKTable(readRef(t, "angka_kredit.json"))
	if err != nil {
		t.Fatal(err)
	}
	if want := AKTable(); !reflect.DeepEqual(ak, want) {
		t.Fatalf("angka_kredit.json %+v\n\ndefault %+v", ak, want)
	}
	for _, f := range []string{"skp.json", "angka_kredit.json"} {
		s := string(readRef(t, f))
		for _, k := range []string{`"regulation"`, `"valid_from"`, `"valid_to"`, `"unverified"`} {
			if !strings.Contains(s, k) {
				t.Errorf("%s has no %s key", f, k)
			}
		}
	}
}

// AKTable and the rules agree line by line (§4.11), including the AK
// needed for KP and kenaikan jenjang.
func TestAKTableRows(t *testing.T) {
	t.Parallel()
	tab := AKTable()
	want := map[Jenjang][3]int64{
		Pemula: {375, 1500, 1500}, Terampil: {500, 2000, 6000}, Mahir: {1250, 5000, 10000}, Penyelia: {2500, 10000, 0},
		AhliPertama: {1250, 5000, 10000}, AhliMuda: {2500, 10000, 20000}, AhliMadya: {3750, 15000, 45000}, AhliUtama: {5000, 20000, 0},
	}
	if len(tab.Jenjang) != len(want) {
		t.Fatalf("%d rows", len(tab.Jenjang))
	}
	for _, r := range tab.Jenjang {
		if w := want[r.Jenjang]; [3]int64{r.Koefisien, r.AKKP, r.AKJenjang} != w || r.Golongan == "" {
			t.Errorf("%s: %+v, want %v", r.Jenjang, r, w)
		}
	}
	if _, ok := tab.Koefisien(0); ok {
		t.Error("jenjang 0 has a koefisien")
	}
}

func TestParseSKPReferenceRefusesBadInput(t *testing.T) {
	t.Parallel()
	good := string(readRef(t, "skp.json"))
	rep := func(old, new string) string {
		if !strings.Contains(good, old) {
			t.Fatalf("skp.json has no %q", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	for name, tc := range map[string]struct{ in, want string }{
		"not json":                {`{`, "tidak dapat dibaca"},
		"unknown key":             {rep(`"nilai_dasar"`, `"nilai_dasr"`), "tidak dapat dibaca"},
		"no regulation":           {rep(`"regulation": "PermenPANRB 6/2022; SE MenPANRB 20/2021"`, `"regulation": ""`), "\"regulation\" wajib diisi"},
		"bad valid_from":          {rep(`"valid_from": "2022-01-01"`, `"valid_from": "01-01-2022"`), "\"valid_from\" harus tanggal"},
		"valid_to before from":    {rep(`"valid_to": ""`, `"valid_to": "2021-12-31"`), "tidak boleh sebelum"},
		"six core values":         {rep(`{"nama": "Loyal", "panduan": [`, `{"nama": "Loyal", "panduan": ["x","y","z"]}, {"nama": "Ekstra", "panduan": [`), "harus berisi 7 nilai dasar"},
		"two panduan":             {rep(`"Bertindak proaktif"]`, `"Bertindak proaktif", "Lebih"]`), "harus punya 3 panduan"},
		"empty panduan":           {rep(`"Bertindak proaktif"]`, `" "]`), "panduan perilaku 3 kosong"},
		"duplicate value":         {rep(`"nama": "Adaptif"`, `"nama": "Loyal"`), "\"Loyal\" tercantum dua kali"},
		"unknown rating":          {rep(`{"kode": "DIATAS", "label"`, `{"kode": "ISTIMEWA", "label"`), "kode \"ISTIMEWA\" tidak dikenal"},
		"duplicate predikat":      {rep(`{"kode": "SANGAT_BAIK", "label": "Sangat Baik"}`, `{"kode": "BAIK", "label": "Sangat Baik"}`), "\"BAIK\" tercantum dua kali"},
		"label missing":           {rep(`{"kode": "ISTIMEWA", "label": "Istimewa"}`, `{"kode": "ISTIMEWA", "label": ""}`), "tanpa label"},
		"org missing":             {rep(`{"kode": "ISTIMEWA", "label": "Istimewa"},`, ``), "harus berisi 5 kode, ada 4"},
		"matrix cell twice":       {rep(`{"hasil_kerja": "DIATAS", "perilaku_kerja": "SESUAI"`, `{"hasil_kerja": "DIATAS", "perilaku_kerja": "DIATAS"`), "tercantum dua kali"},
		"matrix cell missing":     {rep(`{"hasil_kerja": "DIATAS", "perilaku_kerja": "SESUAI", "predikat": "BAIK"},`, ``), "DIATAS × perilaku kerja SESUAI belum diisi"},
		"matrix bad predikat":     {rep(`"perilaku_kerja": "DIATAS", "predikat": "SANGAT_BAIK"`, `"perilaku_kerja": "DIATAS", "predikat": "ISTIMEWA"`), "predikat \"ISTIMEWA\" tidak dikenal"},
		"matrix bad rating":       {rep(`{"hasil_kerja": "DIATAS", "perilaku_kerja": "DIATAS"`, `{"hasil_kerja": "TINGGI", "perilaku_kerja": "DIATAS"`), "\"TINGGI\"/\"DIATAS\" tidak dikenal"},
		"rule kind":               {rep(`{"jenis": "MAKS", "persen": 70, "predikat": ["SANGAT_BAIK"]}`, `{"jenis": "MAX", "persen": 70, "predikat": ["SANGAT_BAIK"]}`), "jenis \"MAX\" tidak dikenal"},
		"percent over 100":        {rep(`{"jenis": "MAKS", "persen": 70, "predikat": ["SANGAT_BAIK"]}`, `{"jenis": "MAKS", "persen": 170, "predikat": ["SANGAT_BAIK"]}`), "1 sampai 100"},
		"percent on HARUS_ADA":    {rep(`{"jenis": "HARUS_ADA", "persen": 0`, `{"jenis": "HARUS_ADA", "persen": 5`), "tidak memakai \"persen\""},
		"rule without predikat":   {rep(`{"jenis": "TIDAK_ADA", "persen": 0, "predikat": ["SANGAT_BAIK"]}`, `{"jenis": "TIDAK_ADA", "persen": 0, "predikat": []}`), "paling sedikit satu predikat"},
		"rule unknown predikat":   {rep(`{"jenis": "TIDAK_ADA", "persen": 0, "predikat": ["SANGAT_BAIK"]}`, `{"jenis": "TIDAK_ADA", "persen": 0, "predikat": ["CUKUP"]}`), "predikat \"CUKUP\" tidak dikenal"},
		"pattern twice":           {rep(`{"organisasi": "BAIK", "aturan"`, `{"organisasi": "ISTIMEWA", "aturan"`), "pola ISTIMEWA tercantum dua kali"},
		"pattern unknown org":     {rep(`{"organisasi": "BAIK", "aturan"`, `{"organisasi": "BAGUS", "aturan"`), "\"BAGUS\" tidak dikenal"},
		"head unknown org":        {rep(`"ISTIMEWA": "DIATAS"`, `"HEBAT": "DIATAS"`), "\"HEBAT\" tidak dikenal"},
		"head unknown rating":     {rep(`"ISTIMEWA": "DIATAS"`, `"ISTIMEWA": "TINGGI"`), "rating \"TINGGI\" untuk ISTIMEWA"},
		"head mapping incomplete": {rep(`"ISTIMEWA": "DIATAS",`, ``), "rating untuk ISTIMEWA belum ada"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParseSKPReference([]byte(tc.in))
			if err == nil || ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), tc.want) ||
				!strings.HasPrefix(ErrorMessage(err), "Tabel SKP (skp.json): ") {
				t.Fatalf("got %v, want EINVALID with %q", err, tc.want)
			}
		})
	}
	t.Run("missing pattern", func(t *testing.T) {
		in := rep(`{"organisasi": "ISTIMEWA", "aturan": [
        {"jenis": "MAKS", "persen": 70, "predikat": ["SANGAT_BAIK"]}
      ]},`, ``)
		if _, err := ParseSKPReference([]byte(in)); err == nil || !strings.Contains(ErrorMessage(err), "pola untuk ISTIMEWA belum ada") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("an edited table is read as edited", func(t *testing.T) {
		in := rep(`{"jenis": "MAKS", "persen": 70, "predikat": ["BAIK"]}`, `{"jenis": "MAKS", "persen": 80, "predikat": ["BAIK"]}`)
		in = strings.Replace(in, `"BAIK": "SESUAI"`, `"BAIK": "DIATAS"`, 1)
		r, err := ParseSKPReference([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if r.DistPatterns[1].Rules[0].Percent != 80 || r.HeadRating[OrgBaik] != DiAtas {
			t.Fatalf("%+v %v", r.DistPatterns[1], r.HeadRating)
		}
		checks := CheckDistributionWith(r.DistPatterns, false, OrgBaik, map[Predikat]int{Baik: 8, Kurang: 2})
		if !checks[0].Met || checks[0].Limit != 8 {
			t.Fatalf("edited 80%% pattern: %+v", checks)
		}
	})
}

func TestParseAKTableRefusesBadInput(t *testing.T) {
	t.Parallel()
	good := string(readRef(t, "angka_kredit.json"))
	rep := func(old, new string) string {
		if !strings.Contains(good, old) {
			t.Fatalf("angka_kredit.json has no %q", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	for name, tc := range map[string]struct{ in, want string }{
		"not json":             {`[`, "tidak dapat dibaca"},
		"unknown key":          {rep(`"persentase"`, `"persen_tase"`), "tidak dapat dibaca"},
		"no regulation":        {rep(`"regulation": "PermenPANRB 1/2023 Pasal 37; Peraturan BKN 3/2023"`, `"regulation": " "`), "\"regulation\" wajib diisi"},
		"bad valid_from":       {rep(`"valid_from": "2023-01-01"`, `"valid_from": "2023-02-30"`), "\"valid_from\" harus tanggal"},
		"bad valid_to":         {rep(`"valid_to": ""`, `"valid_to": "besok"`), "\"valid_to\" harus kosong"},
		"unknown jenjang":      {rep(`"jenjang": "Mahir"`, `"jenjang": "Mahir Sekali"`), "\"Mahir Sekali\" tidak dikenal"},
		"jenjang twice":        {rep(`"jenjang": "Mahir"`, `"jenjang": "Terampil"`), "Terampil tercantum dua kali"},
		"jenjang missing":      {rep(`{"jenjang": "Pemula", "golongan": "II/a", "koefisien": 3.75, "ak_kenaikan_pangkat": 15, "ak_kenaikan_jenjang": 15},`, ``), "untuk 8 jenjang, ada 7"},
		"three decimals":       {rep(`"koefisien": 3.75`, `"koefisien": 3.755`), "paling banyak 2 desimal"},
		"zero koefisien":       {rep(`"koefisien": 3.75`, `"koefisien": 0`), "angka positif"},
		"negative AK target":   {rep(`"ak_kenaikan_pangkat": 15,`, `"ak_kenaikan_pangkat": -15,`), "\"ak_kenaikan_pangkat\" Pemula"},
		"unknown predikat":     {rep(`{"predikat": "SANGAT_BAIK", "persen": 150}`, `{"predikat": "ISTIMEWA", "persen": 150}`), "\"ISTIMEWA\" tidak dikenal"},
		"predikat twice":       {rep(`{"predikat": "SANGAT_BAIK", "persen": 150}`, `{"predikat": "BAIK", "persen": 150}`), "BAIK tercantum dua kali"},
		"percent out of range": {rep(`{"predikat": "SANGAT_BAIK", "persen": 150}`, `{"predikat": "SANGAT_BAIK", "persen": 0}`), "1 sampai 300"},
		"predikat missing":     {rep(`{"predikat": "SANGAT_KURANG", "persen": 25}`, ``), "tidak dapat dibaca"}, // trailing comma
		"alias of another":     {rep(`"alias": ["Cukup"]`, `"alias": ["Baik"]`), "alias \"Baik\" tidak dibaca asndesk sebagai Butuh Perbaikan"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParseAKTable([]byte(tc.in))
			if err == nil || ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), tc.want) {
				t.Fatalf("got %v, want EINVALID with %q", err, tc.want)
			}
		})
	}
	t.Run("four predikat", func(t *testing.T) {
		in := rep(`,
      {"predikat": "SANGAT_KURANG", "persen": 25}`, ``)
		if _, err := ParseAKTable([]byte(in)); err == nil || !strings.Contains(ErrorMessage(err), "untuk 5 predikat, ada 4") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("null AK target is none", func(t *testing.T) {
		tab, err := ParseAKTable([]byte(good))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range tab.Jenjang {
			if (r.Jenjang == Penyelia || r.Jenjang == AhliUtama) != (r.AKJenjang == 0) {
				t.Errorf("%s: ak_kenaikan_jenjang %d", r.Jenjang, r.AKJenjang)
			}
		}
	})
}

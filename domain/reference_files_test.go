package domain

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func readRef(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../assets/reference/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The shipped JSON tables must equal the Go defaults: the defaults are what
// an office without edited tables uses, the files what it starts editing.
func TestShippedTablesEqualDefaults(t *testing.T) {
	t.Parallel()
	t.Run("hukdis.json", func(t *testing.T) {
		got, err := ParseHukdisTable(readRef(t, "hukdis.json"))
		if err != nil {
			t.Fatal(err)
		}
		if want := HukdisTable(); !reflect.DeepEqual(got, want) {
			t.Fatalf("shipped %+v\n\ndefault %+v", got, want)
		}
	})
	t.Run("cuti.json", func(t *testing.T) {
		got, err := ParseCutiRules(readRef(t, "cuti.json"))
		if err != nil {
			t.Fatal(err)
		}
		if want := DefaultCutiRules(); !reflect.DeepEqual(got, want) {
			t.Fatalf("shipped %+v\n\ndefault %+v", got, want)
		}
	})
	t.Run("golongan_ceiling.json", func(t *testing.T) {
		got, err := ParseGolonganCeiling(readRef(t, "golongan_ceiling.json"))
		if err != nil {
			t.Fatal(err)
		}
		if want := GolonganCeiling(); !reflect.DeepEqual(got, want) {
			t.Fatalf("shipped %+v\n\ndefault %+v", got, want)
		}
	})
	t.Run("kenaikan.json", func(t *testing.T) {
		got, err := ParseCareerRules(readRef(t, "kenaikan.json"))
		if err != nil {
			t.Fatal(err)
		}
		if want := DefaultCareerRules(); !reflect.DeepEqual(got, want) {
			t.Fatalf("shipped %+v\n\ndefault %+v", got, want)
		}
	})
	t.Run("every table carries regulation, valid_from and unverified", func(t *testing.T) {
		for _, f := range []string{"hukdis.json", "cuti.json", "golongan_ceiling.json", "kenaikan.json", "bup.json"} {
			s := string(readRef(t, f))
			for _, k := range []string{`"regulation"`, `"valid_from"`, `"unverified"`} {
				if !strings.Contains(s, k) {
					t.Errorf("%s has no %s key", f, k)
				}
			}
		}
	})
}

func TestParseTablesRefuseBadInput(t *testing.T) {
	t.Parallel()
	hukdis := string(readRef(t, "hukdis.json"))
	cuti := string(readRef(t, "cuti.json"))
	ceiling := string(readRef(t, "golongan_ceiling.json"))
	for name, tc := range map[string]struct {
		parse func([]byte) error
		in    string
		want  string
	}{
		"hukdis not json":              {hukdisErr, `{`, "tidak dapat dibaca"},
		"hukdis empty":                 {hukdisErr, `{}`, "wajib diisi"},
		"hukdis unknown tingkat":       {hukdisErr, strings.Replace(hukdis, `{"tingkat": "Ringan", "jenis": "Teguran lisan"`, `{"tingkat": "Sangat Berat", "jenis": "Teguran lisan"`, 1), `"Sangat Berat"`},
		"hukdis duplicate jenis":       {hukdisErr, strings.Replace(hukdis, `"jenis": "Teguran tertulis", "masa_bulan"`, `"jenis": "Teguran lisan", "masa_bulan"`, 1), "dua kali"},
		"hukdis masa too long":         {hukdisErr, strings.Replace(hukdis, `"masa_bulan": 9,`, `"masa_bulan": 90,`, 1), "antara 0 dan 60"},
		"hukdis overlapping bands":     {hukdisErr, strings.Replace(hukdis, `{"min": 4, "max": 6`, `{"min": 3, "max": 6`, 1), "tidak bertumpang tindih"},
		"hukdis band to unknown jenis": {hukdisErr, strings.Replace(hukdis, `{"min": 3, "max": 3, "tingkat": "Ringan", "jenis": "Teguran lisan"}`, `{"min": 3, "max": 3, "tingkat": "Ringan", "jenis": "Teguran keras"}`, 1), "tidak ada dalam tabel"},
		"cuti not json":                {cutiErr, `[`, "tidak dapat dibaca"},
		"cuti bad unit":                {cutiErr, strings.Replace(cuti, `"satuan": "bulan"`, `"satuan": "minggu"`, 1), `"hari" atau "bulan"`},
		"cuti unknown kind":            {cutiErr, strings.Replace(cuti, `["PNS", "CPNS"]`, `["PNS", "Honorer"]`, 1), `"Honorer"`},
		"cuti caps reversed":           {cutiErr, strings.Replace(cuti, `"maks_dengan_n2_hari": 24`, `"maks_dengan_n2_hari": 16`, 1), "batas dengan sisa"},
		"cuti duplicate code":          {cutiErr, strings.Replace(cuti, `"kode": "CS"`, `"kode": "CT"`, 1), "dua kali"},
		"cuti without CT":              {cutiErr, strings.Replace(cuti, `"kode": "CT"`, `"kode": "CX"`, 1), "wajib ada"},
		"ceiling bad golongan":         {ceilingErr, strings.Replace(ceiling, `"SD": "II/a"`, `"SD": "II/f"`, 1), `"II/f"`},
		"ceiling bad tingkat":          {ceilingErr, strings.Replace(ceiling, `"SLTP": "II/d"`, `"SMP": "II/d"`, 1), `"SMP"`},
		"ceiling bad jenjang":          {ceilingErr, strings.Replace(ceiling, `"Mahir": "III/b"`, `"Mahir Sekali": "III/b"`, 1), `"Mahir Sekali"`},
		"rules bad years":              {rulesErr, `{"kp_min_tahun": 0, "kgb_tahun": 2}`, "kp_min_tahun"},
		"rules bad kgb":                {rulesErr, `{"kp_min_tahun": 4, "kgb_tahun": 0}`, "kgb_tahun"},
		"rules bad month":              {rulesErr, `{"kp_min_tahun": 4, "kgb_tahun": 2, "kp_bulan": [13]}`, "bulan 1 sampai 12"},
	} {
		t.Run(name, func(t *testing.T) {
			err := tc.parse([]byte(tc.in))
			if err == nil || ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), tc.want) {
				t.Fatalf("got %v, want EINVALID with %q", err, tc.want)
			}
		})
	}
}

func hukdisErr(b []byte) error  { _, err := ParseHukdisTable(b); return err }
func cutiErr(b []byte) error    { _, err := ParseCutiRules(b); return err }
func ceilingErr(b []byte) error { _, err := ParseGolonganCeiling(b); return err }
func rulesErr(b []byte) error   { _, err := ParseCareerRules(b); return err }

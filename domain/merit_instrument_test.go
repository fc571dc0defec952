package domain_test

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"asndesk/assets"
	"asndesk/domain"
)

func shipped(t testing.TB, id string) domain.Instrument {
	t.Helper()
	for _, b := range assets.Instruments() {
		in, err := domain.ParseInstrument(b)
		if err != nil {
			t.Fatal(err)
		}
		if in.ID == id {
			return in
		}
	}
	t.Fatalf("instrument %s not shipped", id)
	return domain.Instrument{}
}

func TestShippedInstruments(t *testing.T) {
	t.Parallel()
	bs := assets.Instruments()
	if len(bs) != 2 {
		t.Fatalf("%d instrument files, want 2", len(bs))
	}
	for _, b := range bs {
		in, err := domain.ParseInstrument(b)
		if err != nil {
			t.Fatal(err)
		}
		if err := domain.ValidateInstrument(in); err != nil {
			t.Errorf("%s: %v", in.ID, err)
		}
		if in.Status != domain.InstrumentDraf || !strings.Contains(in.Notice, "bukan instrumen resmi") {
			t.Errorf("%s: status %q notice %q: a shipped checklist is never presented as official", in.ID, in.Status, in.Notice)
		}
		if n := len(in.TopAspects()); n != 8 {
			t.Errorf("%s: %d aspects, want 8", in.ID, n)
		}
		for _, x := range in.Indicators {
			if x.Help == "" || len(x.EvidenceHints) == 0 {
				t.Errorf("%s %s: help and evidence hints wanted", in.ID, x.Code)
			}
		}
	}
	leg := shipped(t, "KASN-2019-LEGACY")
	if leg.Regulation != "PermenPANRB 40/2018; Peraturan KASN 9/2019" || leg.Index.Formula != domain.IndexScore400 {
		t.Errorf("legacy header %q %q", leg.Regulation, leg.Index.Formula)
	}
	names := []string{"Perencanaan Kebutuhan", "Pengadaan", "Pengembangan Karier", "Promosi dan Mutasi", "Manajemen Kinerja",
		"Penggajian, Penghargaan dan Disiplin", "Perlindungan dan Pelayanan", "Sistem Informasi"}
	for i, a := range leg.TopAspects() {
		if a.Name != names[i] || a.Weight != 12.5 {
			t.Errorf("legacy aspect %d: %q %v", i, a.Name, a.Weight)
		}
		if n := len(leg.AspectIndicators(a.Code)); n < 4 || n > 6 {
			t.Errorf("legacy aspect %s: %d indicators", a.Code, n)
		}
	}
	for alias, code := range map[string]string{"Penyusunan dan penetapan Kebutuhan": "1", "Penilaian kinerja": "5",
		"Penghargaan, Penggajian, dan Disiplin": "6", "penggajian, penghargaan, dan disiplin": "6", "Jaminan dan perlindungan": "7"} {
		if a, ok := leg.AspectByName(alias); !ok || a.Code != code {
			t.Errorf("alias %q → %v %v, want %s", alias, a.Code, ok, code)
		}
	}
	if c := leg.Categories[3]; c.Label != "Sangat Baik" || c.EvaluateEveryYears != 2 ||
		c.Consequence != "Dapat diberikan kesempatan untuk mengisi JPT dari talent pool dan Rencana Suksesi" {
		t.Errorf("category IV %+v", c)
	}
	cur := shipped(t, "PANRB-19-2025")
	if cur.Score.Composite == nil || cur.Score.Composite.SelfPercent != 75 || cur.Score.Composite.SurveyPercent != 25 {
		t.Errorf("19/2025 composite %+v", cur.Score.Composite)
	}
	if a, _ := cur.Aspect("8"); a.Weight != 10 {
		t.Errorf("aspect 8 weight %v", a.Weight)
	}
	if subs := cur.SubAspects("7"); len(subs) != 3 || len(cur.SubAspects("8")) != 2 {
		t.Errorf("sub-aspects of 7: %v", subs)
	}
	for _, a := range cur.TopAspects() {
		if n := len(cur.AspectIndicators(a.Code)); n < 3 || n > 4 {
			t.Errorf("19/2025 aspect %s: %d indicators", a.Code, n)
		}
	}
	if n := len(cur.AspectIndicators("7.1")); n != 2 {
		t.Errorf("sub-aspect 7.1: %d indicators, want its own 2", n)
	}
	if d := domain.DefaultMeritSettings(); d.DefaultInstrument != cur.ID || d.Combine != domain.CombineLowest {
		t.Errorf("default settings %+v", d)
	}
}

// domain.md §6: the legacy category vectors (M2) and the computed index (M3).
func TestLegacyCategoryEdges(t *testing.T) {
	t.Parallel()
	in := shipped(t, "KASN-2019-LEGACY")
	for _, c := range []struct {
		score float64
		want  string // "" = invalid
	}{
		{99, ""}, {99.999, ""}, {100, "I"}, {174, "I"}, {174.5, "I"}, {175, "II"}, {249, "II"}, {249.5, "II"}, {250, "III"},
		{305.5, "III"}, {324, "III"}, {324.5, "III"}, {325, "IV"}, {325.5, "IV"}, {329, "IV"}, {342.5, "IV"},
		{380, "IV"}, {400, "IV"}, {400.5, ""}, {401, ""}, {math.NaN(), ""},
	} {
		cat, ok := in.Category(c.score)
		if ok != (c.want != "") || cat.Code != c.want {
			t.Errorf("%v → %q %v, want %q", c.score, cat.Code, ok, c.want)
		}
	}
	cat, _ := in.Category(329)
	if cat.IndexBand != "0,81 – 1" || cat.Label != "Sangat Baik" {
		t.Errorf("329: %+v", cat)
	}
	if x, ok := in.ComputeIndex(329); !ok || math.Abs(x-0.8225) > 1e-12 || domain.FormatScore(x) != "0,8225" {
		t.Errorf("329 index %v %v", x, ok)
	}
}

func TestComputeIndexFormulas(t *testing.T) {
	t.Parallel()
	in := domain.Instrument{}
	for _, c := range []struct {
		formula string
		score   float64
		want    float64
		ok      bool
	}{
		{"score/400", 329, 0.8225, true}, {"score/400", 174, 0.435, true},
		{"(score-100)/300", 175, 0.25, true}, {"(score-100)/300", 400, 1, true},
		{"none", 329, 0, false}, {"", 329, 0, false},
	} {
		in.Index.Formula = c.formula
		got, ok := in.ComputeIndex(c.score)
		if ok != c.ok || math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%s(%v) = %v %v", c.formula, c.score, got, ok)
		}
	}
}

// The 19/2025 draft bands (M4): Dasar up to 0,40, Maju only at 1.
func TestPANRB2025Edges(t *testing.T) {
	t.Parallel()
	in := shipped(t, "PANRB-19-2025")
	for _, c := range []struct {
		v    float64
		want string
	}{
		{-0.01, ""}, {0, "DASAR"}, {0.2, "DASAR"}, {0.40, "DASAR"}, {0.409, "DASAR"}, {0.41, "LANJUTAN"}, {0.60, "LANJUTAN"},
		{0.61, "MENENGAH"}, {0.80, "MENENGAH"}, {0.81, "TINGGI"}, {0.99, "TINGGI"}, {1, "MAJU"}, {1.01, ""},
	} {
		cat, ok := in.Category(c.v)
		if ok != (c.want != "") || cat.Code != c.want {
			t.Errorf("%v → %q %v, want %q", c.v, cat.Code, ok, c.want)
		}
	}
	for _, c := range []struct {
		v    float64
		want string
	}{{0.2, "Dasar"}, {0.4, "Lanjutan"}, {0.6, "Menengah"}, {0.8, "Tinggi"}, {1, "Maju"}} {
		if l, ok := in.Level(c.v); !ok || l.Label != c.want {
			t.Errorf("level %v → %q %v", c.v, l.Label, ok)
		}
	}
	if _, ok := in.Level(0.5); ok {
		t.Error("0,5 is not a level")
	}
}

const minimalInstrument = `{
  "id": "T",
  "version": "1",
  "title": "Uji",
  "regulation": "",
  "status": "resmi",
  "notice": "",
  "aspects": [
    {"code": "1", "name": "Satu", "weight": 50},
    {"code": "2", "name": "Dua", "weight": 25},
    {"code": "3", "name": "Tiga", "weight": 25}
  ],
  "indicators": [
    {"code": "1.1", "aspect": "1", "text": "a"},
    {"code": "2.1", "aspect": "2", "text": "b"},
    {"code": "3.1", "aspect": "3", "text": "c"}
  ],
  "levels": [
    {"value": 1, "label": "L1"},
    {"value": 2, "label": "L2"},
    {"value": 3, "label": "L3"},
    {"value": 4, "label": "L4"}
  ],
  "score": {"weight_total": 100, "min": 100, "max": 400},
  "categories": [
    {"code": "I", "label": "Buruk", "min": 100, "max_excl": 250},
    {"code": "II", "label": "Baik", "min": 250, "max_excl": 400}
  ],
  "index": {"formula": "score/400"}
}`

func TestParseInstrumentErrors(t *testing.T) {
	t.Parallel()
	if _, err := domain.ParseInstrument([]byte(minimalInstrument)); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, old, new string
		want           []string // substrings of the message
		field          string
	}{
		{"syntax", `"title": "Uji",`, `"title": "Uji"`, []string{"JSON tidak sah", "baris 5, kolom 3"}, ""},
		{"truncated", `"index": {"formula": "score/400"}
}`, `"index": {`, []string{"tidak lengkap"}, ""},
		{"unknown key", `"code": "2", "name": "Dua"`, `"code": "2", "nama": "Dua"`, []string{"aspects[1]", `"nama"`, "tidak dikenal"}, "aspects[1]"},
		{"unknown top key", `"version": "1",`, `"version": "1", "versi": "2",`, []string{`"versi"`}, ""},
		{"weight type", `"name": "Tiga", "weight": 25`, `"name": "Tiga", "weight": "25"`, []string{"aspects[2].weight", "angka"}, "aspects[2].weight"},
		{"bad weight", `"name": "Tiga", "weight": 25`, `"name": "Tiga", "weight": 20`, []string{"berjumlah 95", "seharusnya 100", "3 Tiga = 20"}, ""},
		{"missing aspect", `"weight": 25},
    {"code": "3", "name": "Tiga", "weight": 25}`, `"weight": 50}`, []string{"indicators[2].aspect", `"3"`, "tidak ada"}, "indicators[2].aspect"},
		{"aspect without indicator", `,
    {"code": "3.1", "aspect": "3", "text": "c"}`, ``, []string{"aspects[2]", "belum punya indikator"}, "aspects[2]"},
		{"duplicate aspect", `"code": "2", "name": "Dua"`, `"code": "1", "name": "Dua"`, []string{"aspects[1].code", `"1"`, "aspects[0]"}, "aspects[1].code"},
		{"duplicate indicator", `"code": "3.1"`, `"code": "1.1"`, []string{"indicators[2].code", "sudah dipakai"}, "indicators[2].code"},
		{"levels not ascending", `{"value": 3, "label": "L3"}`, `{"value": 2, "label": "L3"}`, []string{"levels[2].value", "urut naik"}, "levels[2].value"},
		{"level zero", `{"value": 1, "label": "L1"}`, `{"value": 0, "label": "L1"}`, []string{"levels[0].value"}, "levels[0].value"},
		{"gap in bands", `"min": 250, "max_excl": 400`, `"min": 260, "max_excl": 400`, []string{"categories[1].min", "bersambung"}, "categories[1].min"},
		{"band past max", `"min": 250, "max_excl": 400`, `"min": 250, "max_excl": 401`, []string{"categories[1].max_excl"}, "categories[1].max_excl"},
		{"first band", `"min": 100, "max_excl": 250`, `"min": 99, "max_excl": 250`, []string{"categories[0].min"}, "categories[0].min"},
		{"status", `"status": "resmi"`, `"status": "final"`, []string{"status", `"final"`}, "status"},
		{"draft needs notice", `"status": "resmi"`, `"status": "draf"`, []string{"notice"}, "notice"},
		{"formula", `"formula": "score/400"`, `"formula": "score/100"`, []string{"index.formula"}, "index.formula"},
		{"trailing", "}\n}", "}\n}\n{}", []string{"setelah objek JSON"}, ""},
	} {
		src := strings.Replace(minimalInstrument, c.old, c.new, 1)
		if src == minimalInstrument {
			t.Fatalf("%s: mutation did not apply", c.name)
		}
		_, err := domain.ParseInstrument([]byte(src))
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		var e *domain.Error
		if !errors.As(err, &e) || e.Code != domain.EINVALID {
			t.Errorf("%s: %T %v", c.name, err, err)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(e.Message, w) {
				t.Errorf("%s: %q lacks %q", c.name, e.Message, w)
			}
		}
		if c.field != "" && e.Field != c.field {
			t.Errorf("%s: field %q, want %q", c.name, e.Field, c.field)
		}
	}
}

// Equal weights of which one is mistyped: the message names that aspect.
func TestWeightSumNamesTheOddAspect(t *testing.T) {
	t.Parallel()
	in := shipped(t, "KASN-2019-LEGACY")
	in.Aspects = append([]domain.MeritAspect(nil), in.Aspects...)
	in.Aspects[4].Weight = 15
	err := domain.ValidateInstrument(in)
	msg := domain.ErrorMessage(err)
	for _, w := range []string{"aspects[4].weight", "5 Manajemen Kinerja = 15", "berjumlah 102,5", "seharusnya 100"} {
		if !strings.Contains(msg, w) {
			t.Errorf("%q lacks %q", msg, w)
		}
	}
	if strings.Contains(msg, "Pengadaan") {
		t.Errorf("%q names an aspect that is right", msg)
	}
}

const officialStyle = `{
  "id": "PANRB-19-2025",
  "version": "lampiran-uji",
  "title": "Instrumen Penilaian Mandiri Sistem Merit",
  "regulation": "PermenPANRB 19/2025 (uji)",
  "status": "resmi",
  "notice": "",
  "aspects": [
    {"code": "A", "name": "Perencanaan", "aliases": ["Perencanaan kebutuhan"], "weight": 0.6},
    {"code": "B", "name": "Digitalisasi", "weight": 0.4},
    {"code": "B.1", "name": "Data", "parent": "B", "weight": 0},
    {"code": "B.2", "name": "Layanan", "parent": "B", "weight": 0}
  ],
  "indicators": [
    {"code": "A1", "aspect": "A", "text": "Teks A1", "help": "Bantuan", "evidence_hints": ["SK", "Notulen"], "weight": 2},
    {"code": "A2", "aspect": "A", "text": "Teks A2", "weight": 1},
    {"code": "B1", "aspect": "B.1", "text": "Teks B1"},
    {"code": "B2", "aspect": "B.2", "text": "Teks B2"}
  ],
  "levels": [
    {"value": 0.25, "label": "Rintisan", "description": "Baru dimulai"},
    {"value": 0.5, "label": "Berkembang"},
    {"value": 0.75, "label": "Mapan"},
    {"value": 1, "label": "Unggul"}
  ],
  "score": {"weight_total": 1, "min": 0, "max": 1,
    "composite": {"self_percent": 75, "survey_percent": 25, "survey_label": "Survei kepuasan dan keterikatan pegawai"}},
  "categories": [
    {"code": "R", "label": "Rendah", "min": 0, "max_excl": 0.5, "index_band": "0 – 0,49", "consequence": "Dibina"},
    {"code": "T", "label": "Tinggi", "min": 0.5, "max_excl": 1, "evaluate_every_years": 2}
  ],
  "index": {"formula": "none"}
}`

func TestInstrumentRoundTrip(t *testing.T) {
	t.Parallel()
	files := append([][]byte{[]byte(officialStyle)}, assets.Instruments()...)
	for _, b := range files {
		in, err := domain.ParseInstrument(b)
		if err != nil {
			t.Fatal(err)
		}
		out, err := domain.MarshalInstrument(in)
		if err != nil {
			t.Fatal(err)
		}
		back, err := domain.ParseInstrument(out)
		if err != nil {
			t.Fatalf("%s: %v\n%s", in.ID, err, out)
		}
		if !reflect.DeepEqual(in, back) {
			t.Errorf("%s: round trip differs:\n%+v\n%+v", in.ID, in, back)
		}
	}
	in, _ := domain.ParseInstrument([]byte(officialStyle))
	if in.Status != domain.InstrumentResmi || len(in.AspectIndicators("B")) != 2 || in.Indicators[0].Weight != 2 {
		t.Errorf("official-style file read as %+v", in)
	}
}

package domain_test

import (
	"testing"

	"asndesk/domain"
)

func TestGolonganBySIASN(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		id          int
		wantCode    string
		wantPangkat string
	}{
		"11 juru muda":             {11, "I/a", "Juru Muda"},
		"12 juru muda tingkat i":   {12, "I/b", "Juru Muda Tingkat I"},
		"14 juru tingkat i":        {14, "I/d", "Juru Tingkat I"},
		"21 pengatur muda":         {21, "II/a", "Pengatur Muda"},
		"24 pengatur tingkat i":    {24, "II/d", "Pengatur Tingkat I"},
		"31 penata muda":           {31, "III/a", "Penata Muda"},
		"32 penata muda tingkat i": {32, "III/b", "Penata Muda Tingkat I"},
		"33 penata":                {33, "III/c", "Penata"},
		"34 penata tingkat i":      {34, "III/d", "Penata Tingkat I"},
		"41 pembina":               {41, "IV/a", "Pembina"},
		"43 pembina utama muda":    {43, "IV/c", "Pembina Utama Muda"},
		"44 pembina utama madya":   {44, "IV/d", "Pembina Utama Madya"},
		"45 pembina utama":         {45, "IV/e", "Pembina Utama"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			g, ok := domain.GolonganBySIASN(tc.id)
			if !ok {
				t.Fatalf("GolonganBySIASN(%d) not found", tc.id)
			}
			if g.Code != tc.wantCode || g.Pangkat != tc.wantPangkat || g.SIASNID != tc.id {
				t.Errorf("GolonganBySIASN(%d) = %+v, want %s %q", tc.id, g, tc.wantCode, tc.wantPangkat)
			}
			// And back: the code finds the same pangkat and SIASN id.
			back, ok := domain.LookupGolongan(domain.KindPNS, tc.wantCode)
			if !ok || back != g {
				t.Errorf("LookupGolongan(PNS, %q) = %+v, %v; want %+v", tc.wantCode, back, ok, g)
			}
		})
	}
}

func TestGolonganBySIASNUnknown(t *testing.T) {
	t.Parallel()
	tests := map[string]int{
		"zero":              0,
		"no ruang e in iii": 35,
		"no ruang e in ii":  25,
		"after iv/e":        46,
		"pppk number":       9,
		"negative":          -32,
	}
	for name, id := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if g, ok := domain.GolonganBySIASN(id); ok {
				t.Errorf("GolonganBySIASN(%d) = %+v, want not found", id, g)
			}
		})
	}
}

func TestGolonganTables(t *testing.T) {
	t.Parallel()
	pns := []string{"I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d",
		"III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"}
	pppk := []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
		"XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"}
	tests := map[string]struct {
		table     []domain.Golongan
		wantCodes []string
	}{
		"pns":             {domain.PNSGolongan(), pns},
		"pppk":            {domain.PPPKGolongan(), pppk},
		"for pns":         {domain.GolonganFor(domain.KindPNS), pns},
		"for cpns":        {domain.GolonganFor(domain.KindCPNS), pns},
		"for pppk":        {domain.GolonganFor(domain.KindPPPK), pppk},
		"for paruh waktu": {domain.GolonganFor(domain.KindPPPKParuhWaktu), pppk},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if len(tc.table) != len(tc.wantCodes) {
				t.Fatalf("table has %d golongan, want %d", len(tc.table), len(tc.wantCodes))
			}
			for i, g := range tc.table {
				if g.Code != tc.wantCodes[i] {
					t.Errorf("entry %d = %q, want %q", i, g.Code, tc.wantCodes[i])
				}
				if i > 0 && g.Rank <= tc.table[i-1].Rank {
					t.Errorf("%s rank %d not above %s rank %d", g.Code, g.Rank, tc.table[i-1].Code, tc.table[i-1].Rank)
				}
			}
		})
	}
}

func TestTablesAreFreshCopies(t *testing.T) {
	t.Parallel()
	// A caller editing the returned slice must not change the rules.
	a := domain.PNSGolongan()
	a[9].Pangkat = "diubah"
	if g, _ := domain.GolonganBySIASN(32); g.Pangkat != "Penata Muda Tingkat I" {
		t.Errorf("editing PNSGolongan() leaked: III/b is now %q", g.Pangkat)
	}
	b := domain.PPPKGolongan()
	b[8].Code = "diubah"
	if _, ok := domain.LookupGolongan(domain.KindPPPK, "IX"); !ok {
		t.Error("editing PPPKGolongan() leaked: IX is gone")
	}
}

func TestNormalizeGolongan(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		kind domain.Kind
		in   string
		want string
	}{
		"canonical":               {domain.KindPNS, "III/b", "III/b"},
		"arabic digit":            {domain.KindPNS, "3b", "III/b"},
		"roman with space":        {domain.KindPNS, "III b", "III/b"},
		"lower roman upper ruang": {domain.KindPNS, "iii/B", "III/b"},
		"no separator":            {domain.KindPNS, "IIIb", "III/b"},
		"dash":                    {domain.KindPNS, "IV-e", "IV/e"},
		"arabic with slash":       {domain.KindPNS, "4/a", "IV/a"},
		"arabic with space":       {domain.KindPNS, " 2 d ", "II/d"},
		"surrounding spaces":      {domain.KindPNS, "  I/a  ", "I/a"},
		"cpns uses pns table":     {domain.KindCPNS, "3a", "III/a"},
		"no ruang e below iv":     {domain.KindPNS, "3e", "3e"},
		"unknown trimmed":         {domain.KindPNS, " V/a ", "V/a"},
		"empty":                   {domain.KindPNS, "", ""},
		"pppk lower":              {domain.KindPPPK, "ix", "IX"},
		"pppk mixed case":         {domain.KindPPPK, "xVii", "XVII"},
		"pppk spaces":             {domain.KindPPPKParuhWaktu, " v ", "V"},
		"pppk pns code kept":      {domain.KindPPPK, "3b", "3b"},
		"pppk unknown":            {domain.KindPPPK, "XVIII", "XVIII"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := domain.NormalizeGolongan(tc.kind, tc.in); got != tc.want {
				t.Errorf("NormalizeGolongan(%v, %q) = %q, want %q", tc.kind, tc.in, got, tc.want)
			}
		})
	}
}

func TestLookupGolonganWrongTable(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		kind domain.Kind
		code string
		want bool
	}{
		"pns iii/b":        {domain.KindPNS, "III/b", true},
		"pns ix":           {domain.KindPNS, "IX", false},
		"pppk ix":          {domain.KindPPPK, "IX", true},
		"pppk iii/b":       {domain.KindPPPK, "III/b", false},
		"paruh waktu xvii": {domain.KindPPPKParuhWaktu, "XVII", true},
		"lookup is exact":  {domain.KindPNS, "iii/b", false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if _, ok := domain.LookupGolongan(tc.kind, tc.code); ok != tc.want {
				t.Errorf("LookupGolongan(%v, %q) ok = %v, want %v", tc.kind, tc.code, ok, tc.want)
			}
		})
	}
}

func TestGolonganRank(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		higher, lower string
	}{
		"iv/e above i/a":       {"IV/e", "I/a"},
		"iii/b above iii/a":    {"III/b", "III/a"},
		"ii/a above i/d":       {"II/a", "I/d"},
		"iv/a above iii/d":     {"IV/a", "III/d"},
		"i/a above pppk xvii":  {"I/a", "XVII"},
		"pppk xvii above ix":   {"XVII", "IX"},
		"pppk x above ix":      {"X", "IX"},
		"pppk i above unknown": {"I", "ZZ"},
		"pppk i above empty":   {"I", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h, l := domain.GolonganRank(tc.higher), domain.GolonganRank(tc.lower)
			if h <= l {
				t.Errorf("GolonganRank(%q) = %d, not above GolonganRank(%q) = %d", tc.higher, h, tc.lower, l)
			}
		})
	}
	for _, code := range []string{"", "ZZ", "iii/b", "3b"} {
		if r := domain.GolonganRank(code); r != 0 {
			t.Errorf("GolonganRank(%q) = %d, want 0 for an unknown code", code, r)
		}
	}
}

func TestGolonganLabel(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		kind domain.Kind
		code string
		want string
	}{
		"pns iii/b":        {domain.KindPNS, "III/b", "III/b – Penata Muda Tingkat I"},
		"pns iv/e":         {domain.KindPNS, "IV/e", "IV/e – Pembina Utama"},
		"cpns ii/c":        {domain.KindCPNS, "II/c", "II/c – Pengatur"},
		"pppk ix":          {domain.KindPPPK, "IX", "Golongan IX"},
		"paruh waktu v":    {domain.KindPPPKParuhWaktu, "V", "Golongan V"},
		"pppk code on pns": {domain.KindPNS, "IX", "IX"},
		"pns code on pppk": {domain.KindPPPK, "III/b", "III/b"},
		"empty":            {domain.KindPNS, "", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := domain.GolonganLabel(tc.kind, tc.code); got != tc.want {
				t.Errorf("GolonganLabel(%v, %q) = %q, want %q", tc.kind, tc.code, got, tc.want)
			}
		})
	}
}

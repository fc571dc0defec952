package assets_test

import (
	"reflect"
	"testing"

	"asndesk/assets"
	"asndesk/domain"
)

// The embedded SKP and angka kredit tables parse and equal the tables the
// rules use: an office that never edits them gets exactly the Go defaults.
func TestSKPReferenceEqualsRules(t *testing.T) {
	t.Parallel()
	ref, err := domain.ParseSKPReference(assets.SKPReference())
	if err != nil {
		t.Fatal(err)
	}
	if want := domain.DefaultSKPReference(); !reflect.DeepEqual(ref, want) {
		t.Fatalf("skp.json %+v\n\ndefault %+v", ref, want)
	}
	if !reflect.DeepEqual(ref.CoreValues, domain.CoreValues()) {
		t.Errorf("core values differ:\n%v\n%v", ref.CoreValues, domain.CoreValues())
	}
	if !reflect.DeepEqual(ref.DistPatterns, domain.DefaultDistPatterns()) {
		t.Errorf("distribution patterns differ:\n%v\n%v", ref.DistPatterns, domain.DefaultDistPatterns())
	}
	if !reflect.DeepEqual(ref.HeadRating, domain.DefaultHeadRating()) {
		t.Errorf("head mapping differs: %v, want %v", ref.HeadRating, domain.DefaultHeadRating())
	}
	n := 0
	for _, h := range domain.Ratings() {
		for _, p := range domain.Ratings() {
			n++
			if got, want := ref.Matrix[h][p], domain.PredikatKinerja(h, p); got != want {
				t.Errorf("matrix %s × %s: skp.json %s, rules %s", h, p, got, want)
			}
		}
	}
	if n != 9 {
		t.Fatalf("%d cells", n)
	}
	for _, r := range domain.Ratings() {
		if ref.RatingLabels[r] != r.String() {
			t.Errorf("rating %s label %q", r.Code(), ref.RatingLabels[r])
		}
	}
	for _, p := range domain.Predikats() {
		if ref.PredikatLabels[p] != p.Label() {
			t.Errorf("predikat %s label %q", p, ref.PredikatLabels[p])
		}
	}
	for _, o := range domain.OrgPredikats() {
		if ref.OrgLabels[o] != o.Label() {
			t.Errorf("predikat organisasi %s label %q", o, ref.OrgLabels[o])
		}
	}
	// confidence per part (domain.md §4.4–§4.7, K4, K5)
	if ref.CoreValuesUnverified || ref.MatrixUnverified || ref.LabelsUnverified || !ref.DistUnverified || !ref.HeadRatingUnverified {
		t.Errorf("confidence flags: values %v matrix %v labels %v dist %v head %v", ref.CoreValuesUnverified,
			ref.MatrixUnverified, ref.LabelsUnverified, ref.DistUnverified, ref.HeadRatingUnverified)
	}
}

func TestAngkaKreditEqualsRules(t *testing.T) {
	t.Parallel()
	tab, err := domain.ParseAKTable(assets.AngkaKredit())
	if err != nil {
		t.Fatal(err)
	}
	if want := domain.AKTable(); !reflect.DeepEqual(tab, want) {
		t.Fatalf("angka_kredit.json %+v\n\ndefault %+v", tab, want)
	}
	for _, j := range domain.Jenjangs() {
		got, ok1 := tab.Koefisien(j)
		want, ok2 := domain.AKKoefisien(j)
		if !ok1 || !ok2 || got != want {
			t.Errorf("%s: koefisien %d (%v), rules %d (%v)", j, got, ok1, want, ok2)
		}
	}
	for _, p := range domain.Predikats() {
		if tab.Percent[p] != domain.AKPercent(p) {
			t.Errorf("%s: %d %%, rules %d %%", p.Label(), tab.Percent[p], domain.AKPercent(p))
		}
	}
	if tab.Regulation != "PermenPANRB 1/2023 Pasal 37; Peraturan BKN 3/2023" || tab.KoefisienUnverified || tab.PercentUnverified ||
		!tab.TargetsUnverified || !tab.ProRataUnverified {
		t.Errorf("regulation or confidence: %+v", tab)
	}
}

func TestBUPGridParses(t *testing.T) {
	t.Parallel()
	if _, err := domain.ParseBUPGrid(assets.BUPGrid()); err != nil {
		t.Fatal(err)
	}
}

package assets_test

import (
	"os"
	"strings"
	"testing"

	"asndesk/assets"
	"asndesk/domain"
)

// The shipped instruments parse, have distinct ids, and are drafts that
// say they are not the official instrument.
func TestInstrumentsParse(t *testing.T) {
	t.Parallel()
	ids := map[string]bool{}
	for _, b := range assets.Instruments() {
		in, err := domain.ParseInstrument(b)
		if err != nil {
			t.Fatal(err)
		}
		if ids[in.ID] {
			t.Errorf("%s twice", in.ID)
		}
		ids[in.ID] = true
		if in.Status != domain.InstrumentDraf || !strings.Contains(in.Notice, "bukan instrumen resmi") {
			t.Errorf("%s: %q %q", in.ID, in.Status, in.Notice)
		}
	}
	if !ids["KASN-2019-LEGACY"] || !ids["PANRB-19-2025"] {
		t.Errorf("ids %v", ids)
	}
}

// The minimal example of INSTRUMEN.md is a file an office can copy: it
// parses as it stands.
func TestInstrumenDocExample(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("INSTRUMEN.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "```json\n")
	if !ok {
		t.Fatal("INSTRUMEN.md has no ```json example")
	}
	ex, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatal("unterminated example")
	}
	in, err := domain.ParseInstrument([]byte(ex))
	if err != nil {
		t.Fatal(err)
	}
	if len(in.TopAspects()) != 2 || len(in.AspectIndicators("2")) != 1 {
		t.Errorf("example read as %+v", in)
	}
	// Every key the format table documents appears in the document.
	for _, k := range []string{"evidence_hints", "weight_total", "max_excl", "index_band", "evaluate_every_years", "self_percent", "survey_percent", "survey_label", "aliases", "parent"} {
		if !strings.Contains(string(b), "`"+k) && !strings.Contains(string(b), "."+k+"`") {
			t.Errorf("INSTRUMEN.md does not document %s", k)
		}
	}
}

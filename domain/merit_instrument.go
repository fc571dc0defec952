package domain

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
)

// The instrument file (assets/INSTRUMEN.md): JSON with snake_case keys,
// unknown keys refused so that a misspelt key is never silently empty.
// The element types mirror MeritAspect, MeritIndicator, MeritLevel,
// MeritCategory and CompositeRule field by field, so they convert directly.

type aspectJSON struct {
	Code    string   `json:"code"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	Parent  string   `json:"parent,omitempty"`
	Weight  float64  `json:"weight"`
}

type indicatorJSON struct {
	Code          string   `json:"code"`
	Aspect        string   `json:"aspect"`
	Text          string   `json:"text"`
	Help          string   `json:"help,omitempty"`
	EvidenceHints []string `json:"evidence_hints,omitempty"`
	Weight        float64  `json:"weight,omitempty"`
}

type levelJSON struct {
	Value       float64 `json:"value"`
	Label       string  `json:"label"`
	Description string  `json:"description,omitempty"`
}

type compositeJSON struct {
	SelfPercent   float64 `json:"self_percent"`
	SurveyPercent float64 `json:"survey_percent"`
	SurveyLabel   string  `json:"survey_label"`
}

type scoreJSON struct {
	WeightTotal float64        `json:"weight_total"`
	Min         float64        `json:"min"`
	Max         float64        `json:"max"`
	Composite   *compositeJSON `json:"composite,omitempty"`
}

type categoryJSON struct {
	Code               string  `json:"code"`
	Label              string  `json:"label"`
	Min                float64 `json:"min"`
	MaxExcl            float64 `json:"max_excl"`
	IndexBand          string  `json:"index_band,omitempty"`
	Consequence        string  `json:"consequence,omitempty"`
	EvaluateEveryYears int     `json:"evaluate_every_years,omitempty"`
}

type indexJSON struct {
	Formula string `json:"formula"`
}

// instrumentJSON is the file as written by MarshalInstrument.
type instrumentJSON struct {
	ID         string          `json:"id"`
	Version    string          `json:"version"`
	Title      string          `json:"title"`
	Regulation string          `json:"regulation"`
	Status     string          `json:"status"`
	Notice     string          `json:"notice"`
	Aspects    []aspectJSON    `json:"aspects"`
	Indicators []indicatorJSON `json:"indicators"`
	Levels     []levelJSON     `json:"levels"`
	Score      scoreJSON       `json:"score"`
	Categories []categoryJSON  `json:"categories"`
	Index      indexJSON       `json:"index"`
}

// instrumentRaw is the first pass of ParseInstrument: the lists stay raw so
// that each element is decoded on its own and an error names its index.
type instrumentRaw struct {
	ID         string            `json:"id"`
	Version    string            `json:"version"`
	Title      string            `json:"title"`
	Regulation string            `json:"regulation"`
	Status     string            `json:"status"`
	Notice     string            `json:"notice"`
	Aspects    []json.RawMessage `json:"aspects"`
	Indicators []json.RawMessage `json:"indicators"`
	Levels     []json.RawMessage `json:"levels"`
	Score      json.RawMessage   `json:"score"`
	Categories []json.RawMessage `json:"categories"`
	Index      json.RawMessage   `json:"index"`
}

// instrumentErr is an EINVALID error whose Field is the JSON path of the
// problem ("aspects[2].weight") and whose message starts with it.
func instrumentErr(path, msg string) error {
	if path != "" {
		msg = path + ": " + msg
	}
	return &Error{Code: EINVALID, Field: path, Message: "Instrumen: " + msg}
}

// lineCol turns a byte offset of b into 1-based line and column.
func lineCol(b []byte, off int64) (int, int) {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	if off < 0 {
		off = 0
	}
	line, col := 1, 1
	for _, c := range b[:off] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// decodeStrict decodes one JSON value into v, refusing unknown keys and
// trailing data. path prefixes field names in errors; whole (the complete
// file) adds line and column to syntax and type errors.
func decodeStrict(raw []byte, v any, path string, whole bool) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.More() {
		if whole {
			var tok any
			_ = dec.Decode(&tok)
			l, c := lineCol(raw, dec.InputOffset())
			return instrumentErr("", "ada data setelah objek JSON utama (baris "+strconv.Itoa(l)+", kolom "+strconv.Itoa(c)+").")
		}
		return instrumentErr(path, "ada data tambahan setelah nilai ini.")
	}
	if err == nil {
		return nil
	}
	join := func(field string) string {
		switch {
		case field == "":
			return path
		case path == "":
			return field
		}
		return path + "." + field
	}
	pos := func(off int64) string {
		if !whole {
			return ""
		}
		l, c := lineCol(raw, off)
		return " (baris " + strconv.Itoa(l) + ", kolom " + strconv.Itoa(c) + ")"
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		// Go's own wording is English; the position is what helps.
		return instrumentErr(path, "JSON tidak sah"+pos(max(se.Offset-1, 0))+": periksa tanda koma, titik dua, tanda kutip "+
			"dan kurung di sekitar posisi itu.")
	case errors.As(err, &te):
		return instrumentErr(join(te.Field), "isian harus berupa "+jsonKind(te.Type.Kind().String())+", bukan "+te.Value+pos(te.Offset)+".")
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return instrumentErr(path, "berkas kosong atau terpotong: JSON tidak lengkap.")
	}
	msg := err.Error()
	if k, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return instrumentErr(path, "kunci "+k+" tidak dikenal (lihat assets/INSTRUMEN.md; kunci ditulis snake_case).")
	}
	return instrumentErr(path, "tidak dapat dibaca sebagai instrumen; periksa formatnya dengan assets/INSTRUMEN.md.")
}

func jsonKind(k string) string {
	switch k {
	case "string":
		return "teks"
	case "float64", "int", "int64":
		return "angka"
	case "slice":
		return "daftar [ … ]"
	case "struct", "map":
		return "objek { … }"
	case "bool":
		return "true/false"
	}
	return k
}

// ParseInstrument reads an instrument file (assets/INSTRUMEN.md) and
// validates it. An error names where the problem is: the JSON path
// ("aspects[2].weight: …"), or line and column for a JSON syntax error.
func ParseInstrument(b []byte) (Instrument, error) {
	var f instrumentRaw
	if len(bytes.TrimSpace(b)) == 0 {
		return Instrument{}, instrumentErr("", "berkas kosong.")
	}
	if err := decodeStrict(b, &f, "", true); err != nil {
		return Instrument{}, err
	}
	in := Instrument{ID: f.ID, Version: f.Version, Title: f.Title, Regulation: f.Regulation,
		Status: InstrumentStatus(f.Status), Notice: f.Notice}
	for i, raw := range f.Aspects {
		var x aspectJSON
		if err := decodeStrict(raw, &x, "aspects["+strconv.Itoa(i)+"]", false); err != nil {
			return Instrument{}, err
		}
		in.Aspects = append(in.Aspects, MeritAspect(x))
	}
	for i, raw := range f.Indicators {
		var x indicatorJSON
		if err := decodeStrict(raw, &x, "indicators["+strconv.Itoa(i)+"]", false); err != nil {
			return Instrument{}, err
		}
		in.Indicators = append(in.Indicators, MeritIndicator(x))
	}
	for i, raw := range f.Levels {
		var x levelJSON
		if err := decodeStrict(raw, &x, "levels["+strconv.Itoa(i)+"]", false); err != nil {
			return Instrument{}, err
		}
		in.Levels = append(in.Levels, MeritLevel(x))
	}
	if len(f.Score) > 0 {
		var x scoreJSON
		if err := decodeStrict(f.Score, &x, "score", false); err != nil {
			return Instrument{}, err
		}
		in.Score = ScoreRule{WeightTotal: x.WeightTotal, Min: x.Min, Max: x.Max}
		if x.Composite != nil {
			c := CompositeRule(*x.Composite)
			in.Score.Composite = &c
		}
	}
	for i, raw := range f.Categories {
		var x categoryJSON
		if err := decodeStrict(raw, &x, "categories["+strconv.Itoa(i)+"]", false); err != nil {
			return Instrument{}, err
		}
		in.Categories = append(in.Categories, MeritCategory(x))
	}
	if len(f.Index) > 0 {
		var x indexJSON
		if err := decodeStrict(f.Index, &x, "index", false); err != nil {
			return Instrument{}, err
		}
		in.Index = IndexRule(x)
	}
	if err := ValidateInstrument(in); err != nil {
		return Instrument{}, err
	}
	return in, nil
}

// MarshalInstrument writes in as an instrument file (indented, the keys of
// assets/INSTRUMEN.md); ParseInstrument reads it back equal.
func MarshalInstrument(in Instrument) ([]byte, error) {
	f := instrumentJSON{ID: in.ID, Version: in.Version, Title: in.Title, Regulation: in.Regulation,
		Status: string(in.Status), Notice: in.Notice,
		Aspects: []aspectJSON{}, Indicators: []indicatorJSON{}, Levels: []levelJSON{}, Categories: []categoryJSON{},
		Score: scoreJSON{WeightTotal: in.Score.WeightTotal, Min: in.Score.Min, Max: in.Score.Max},
		Index: indexJSON(in.Index)}
	for _, x := range in.Aspects {
		f.Aspects = append(f.Aspects, aspectJSON(x))
	}
	for _, x := range in.Indicators {
		f.Indicators = append(f.Indicators, indicatorJSON(x))
	}
	for _, x := range in.Levels {
		f.Levels = append(f.Levels, levelJSON(x))
	}
	for _, x := range in.Categories {
		f.Categories = append(f.Categories, categoryJSON(x))
	}
	if c := in.Score.Composite; c != nil {
		cj := compositeJSON(*c)
		f.Score.Composite = &cj
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Index formulas (M3).
const (
	IndexNone       = "none"
	IndexScore400   = "score/400"
	IndexScoreRange = "(score-100)/300"
)

const (
	weightEps = 1e-6
	valueEps  = 1e-9
)

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func near(a, b, eps float64) bool { return math.Abs(a-b) <= eps }

// ValidateInstrument checks an instrument: identity and status; aspect
// codes unique, sub-aspects under a top-level aspect, top-level weights
// positive and summing to score.weight_total within 1e-6 (the message
// names the aspect that differs and the actual sum); indicator codes
// unique, each of a known aspect, every top-level aspect with at least one
// indicator, indicator weights of an aspect all 0 (equal shares) or all
// positive; at least two levels, values positive and strictly ascending;
// min < max; a composite of 100 %; categories with unique codes, the first
// starting at min, each starting where the previous ends (half-open, M2),
// the last ending at max (it includes max, and may be the single point
// [max, max]); a known index formula. The first problem is returned.
func ValidateInstrument(in Instrument) error {
	if strings.TrimSpace(in.ID) == "" {
		return instrumentErr("id", "wajib diisi, misalnya \"PANRB-19-2025\".")
	}
	if strings.ContainsAny(in.ID, " \t\n") {
		return instrumentErr("id", "tidak boleh berisi spasi.")
	}
	if strings.TrimSpace(in.Version) == "" {
		return instrumentErr("version", "wajib diisi: penilaian menyimpan versi instrumen yang dipakainya.")
	}
	if strings.TrimSpace(in.Title) == "" {
		return instrumentErr("title", "wajib diisi.")
	}
	switch in.Status {
	case InstrumentResmi:
	case InstrumentDraf:
		if strings.TrimSpace(in.Notice) == "" {
			return instrumentErr("notice", "instrumen berstatus draf wajib punya pemberitahuan (notice) yang tampil di setiap layar.")
		}
	default:
		return instrumentErr("status", "harus \"resmi\" atau \"draf\", bukan "+strconv.Quote(string(in.Status))+".")
	}
	if err := validateAspects(in); err != nil {
		return err
	}
	if err := validateIndicators(in); err != nil {
		return err
	}
	if err := validateLevels(in.Levels); err != nil {
		return err
	}
	if err := validateScoreRule(in.Score); err != nil {
		return err
	}
	if err := validateCategories(in); err != nil {
		return err
	}
	switch in.Index.Formula {
	case "", IndexNone, IndexScore400, IndexScoreRange:
	default:
		return instrumentErr("index.formula", "harus \"none\", \"score/400\" atau \"(score-100)/300\", bukan "+strconv.Quote(in.Index.Formula)+".")
	}
	return nil
}

func validateAspects(in Instrument) error {
	if len(in.Aspects) == 0 {
		return instrumentErr("aspects", "instrumen belum punya aspek.")
	}
	idx := map[string]int{}
	for i, a := range in.Aspects {
		p := "aspects[" + strconv.Itoa(i) + "]"
		if strings.TrimSpace(a.Code) == "" {
			return instrumentErr(p+".code", "kode aspek wajib diisi.")
		}
		if j, dup := idx[a.Code]; dup {
			return instrumentErr(p+".code", "kode aspek "+strconv.Quote(a.Code)+" sudah dipakai oleh aspects["+strconv.Itoa(j)+"].")
		}
		idx[a.Code] = i
		if strings.TrimSpace(a.Name) == "" {
			return instrumentErr(p+".name", "nama aspek "+a.Code+" wajib diisi.")
		}
		if !finite(a.Weight) || a.Weight < 0 {
			return instrumentErr(p+".weight", "bobot aspek "+a.Code+" harus angka 0 atau lebih.")
		}
	}
	var tops []int
	sum := 0.0
	for i, a := range in.Aspects {
		p := "aspects[" + strconv.Itoa(i) + "]"
		if a.Parent == "" {
			if a.Weight <= 0 {
				return instrumentErr(p+".weight", "bobot aspek "+a.Code+" "+a.Name+" harus lebih dari 0.")
			}
			tops = append(tops, i)
			sum += a.Weight
			continue
		}
		j, ok := idx[a.Parent]
		if !ok {
			return instrumentErr(p+".parent", "aspek induk "+strconv.Quote(a.Parent)+" dari sub-aspek "+a.Code+" tidak ada.")
		}
		if in.Aspects[j].Parent != "" {
			return instrumentErr(p+".parent", "sub-aspek "+a.Code+" harus berada langsung di bawah aspek utama; "+a.Parent+" sendiri sub-aspek.")
		}
		if a.Weight != 0 {
			return instrumentErr(p+".weight", "bobot sub-aspek "+a.Code+" tidak dipakai: isi 0 dan atur bobot lewat indikatornya (indicators[].weight).")
		}
	}
	wt := in.Score.WeightTotal
	if !finite(wt) || wt <= 0 {
		return instrumentErr("score.weight_total", "jumlah bobot aspek harus angka lebih dari 0 (100 bila bobot dalam persen).")
	}
	if !near(sum, wt, weightEps) {
		// Name the aspects whose weight differs from the most common one:
		// with equal weights that is the mistyped aspect.
		count := map[float64]int{}
		mode, best := 0.0, 0
		for _, i := range tops {
			w := in.Aspects[i].Weight
			count[w]++
			if count[w] > best {
				mode, best = w, count[w]
			}
		}
		var odd, all []string
		field := "aspects[" + strconv.Itoa(tops[0]) + "].weight"
		first := true
		for _, i := range tops {
			a := in.Aspects[i]
			s := "aspek " + a.Code + " " + a.Name + " = " + FormatScore(a.Weight)
			all = append(all, a.Code+" "+a.Name+" = "+FormatScore(a.Weight))
			if best > 1 && len(tops) > 2 && a.Weight != mode {
				odd = append(odd, s+" (aspects["+strconv.Itoa(i)+"].weight)")
				if first {
					field, first = "aspects["+strconv.Itoa(i)+"].weight", false
				}
			}
		}
		msg := "bobot aspek berjumlah " + FormatScore(sum) + ", seharusnya " + FormatScore(wt) + " (score.weight_total)."
		if len(odd) > 0 && len(odd) < len(tops) {
			msg += " Berbeda dari aspek lain (" + FormatScore(mode) + "): " + strings.Join(odd, "; ") + "."
		} else {
			msg += " Bobot: " + strings.Join(all, ", ") + "."
		}
		return instrumentErr(field, msg)
	}
	return nil
}

func validateIndicators(in Instrument) error {
	if len(in.Indicators) == 0 {
		return instrumentErr("indicators", "instrumen belum punya indikator.")
	}
	aspects := map[string]bool{}
	for _, a := range in.Aspects {
		aspects[a.Code] = true
	}
	top := in.topOf()
	seen := map[string]int{}
	count := map[string]int{}
	weighted := map[string][2]int{} // top aspect → [zero, positive]
	for i, x := range in.Indicators {
		p := "indicators[" + strconv.Itoa(i) + "]"
		if strings.TrimSpace(x.Code) == "" {
			return instrumentErr(p+".code", "kode indikator wajib diisi.")
		}
		if j, dup := seen[x.Code]; dup {
			return instrumentErr(p+".code", "kode indikator "+strconv.Quote(x.Code)+" sudah dipakai oleh indicators["+strconv.Itoa(j)+"].")
		}
		seen[x.Code] = i
		if !aspects[x.Aspect] {
			return instrumentErr(p+".aspect", "aspek "+strconv.Quote(x.Aspect)+" dari indikator "+x.Code+" tidak ada di daftar aspects.")
		}
		if strings.TrimSpace(x.Text) == "" {
			return instrumentErr(p+".text", "teks indikator "+x.Code+" wajib diisi.")
		}
		if !finite(x.Weight) || x.Weight < 0 {
			return instrumentErr(p+".weight", "bobot indikator "+x.Code+" harus angka 0 atau lebih (0 = bagian sama rata).")
		}
		t := top[x.Aspect]
		count[t]++
		w := weighted[t]
		if x.Weight == 0 {
			w[0]++
		} else {
			w[1]++
		}
		weighted[t] = w
		if w[0] > 0 && w[1] > 0 {
			return instrumentErr(p+".weight", "indikator aspek "+t+" harus semuanya berbobot 0 (sama rata) atau semuanya berbobot lebih dari 0.")
		}
	}
	for i, a := range in.Aspects {
		if a.Parent == "" && count[a.Code] == 0 {
			return instrumentErr("aspects["+strconv.Itoa(i)+"]", "aspek "+a.Code+" "+a.Name+" belum punya indikator.")
		}
	}
	return nil
}

func validateLevels(ls []MeritLevel) error {
	if len(ls) < 2 {
		return instrumentErr("levels", "skala jawaban harus punya paling sedikit 2 tingkat.")
	}
	labels := map[string]int{}
	for i, l := range ls {
		p := "levels[" + strconv.Itoa(i) + "]"
		if !finite(l.Value) || l.Value <= 0 {
			return instrumentErr(p+".value", "nilai tingkat harus lebih dari 0 (0 berarti belum dijawab).")
		}
		if i > 0 && l.Value <= ls[i-1].Value {
			return instrumentErr(p+".value", "tingkat harus urut naik: "+FormatScore(l.Value)+" tidak lebih besar dari "+FormatScore(ls[i-1].Value)+".")
		}
		if strings.TrimSpace(l.Label) == "" {
			return instrumentErr(p+".label", "label tingkat wajib diisi.")
		}
		if j, dup := labels[l.Label]; dup {
			return instrumentErr(p+".label", "label tingkat "+strconv.Quote(l.Label)+" sudah dipakai oleh levels["+strconv.Itoa(j)+"].")
		}
		labels[l.Label] = i
	}
	return nil
}

func validateScoreRule(s ScoreRule) error {
	if !finite(s.Min) || !finite(s.Max) || s.Min >= s.Max {
		return instrumentErr("score.max", "rentang nilai total harus min < max (misalnya 100 – 400).")
	}
	if c := s.Composite; c != nil {
		if !finite(c.SelfPercent) || !finite(c.SurveyPercent) || c.SelfPercent < 0 || c.SurveyPercent < 0 {
			return instrumentErr("score.composite", "persentase harus angka 0 atau lebih.")
		}
		if !near(c.SelfPercent+c.SurveyPercent, 100, weightEps) {
			return instrumentErr("score.composite.survey_percent", "self_percent + survey_percent harus 100, sekarang "+FormatScore(c.SelfPercent+c.SurveyPercent)+".")
		}
		if strings.TrimSpace(c.SurveyLabel) == "" {
			return instrumentErr("score.composite.survey_label", "nama survei wajib diisi.")
		}
	}
	return nil
}

func validateCategories(in Instrument) error {
	cs := in.Categories
	if len(cs) == 0 {
		return instrumentErr("categories", "instrumen belum punya kategori.")
	}
	codes := map[string]int{}
	for i, c := range cs {
		p := "categories[" + strconv.Itoa(i) + "]"
		if strings.TrimSpace(c.Code) == "" {
			return instrumentErr(p+".code", "kode kategori wajib diisi.")
		}
		if j, dup := codes[c.Code]; dup {
			return instrumentErr(p+".code", "kode kategori "+strconv.Quote(c.Code)+" sudah dipakai oleh categories["+strconv.Itoa(j)+"].")
		}
		codes[c.Code] = i
		if strings.TrimSpace(c.Label) == "" {
			return instrumentErr(p+".label", "label kategori wajib diisi.")
		}
		if !finite(c.Min) || !finite(c.MaxExcl) {
			return instrumentErr(p+".min", "batas kategori harus angka.")
		}
		if c.EvaluateEveryYears < 0 {
			return instrumentErr(p+".evaluate_every_years", "harus 0 (tidak disebut) atau lebih.")
		}
		if i == 0 && !near(c.Min, in.Score.Min, valueEps) {
			return instrumentErr(p+".min", "kategori pertama harus mulai di score.min "+FormatScore(in.Score.Min)+", bukan "+FormatScore(c.Min)+".")
		}
		if i > 0 && !near(c.Min, cs[i-1].MaxExcl, valueEps) {
			return instrumentErr(p+".min", "kategori harus bersambung: "+c.Code+" mulai di "+FormatScore(c.Min)+", padahal "+cs[i-1].Code+" berakhir (tidak termasuk) di "+FormatScore(cs[i-1].MaxExcl)+".")
		}
		last := i == len(cs)-1
		if c.MaxExcl < c.Min || !last && c.MaxExcl == c.Min {
			return instrumentErr(p+".max_excl", "batas atas kategori "+c.Code+" harus lebih besar dari batas bawahnya.")
		}
		if last && !near(c.MaxExcl, in.Score.Max, valueEps) {
			return instrumentErr(p+".max_excl", "kategori terakhir harus berakhir di score.max "+FormatScore(in.Score.Max)+" (nilai maksimum termasuk), bukan "+FormatScore(c.MaxExcl)+".")
		}
	}
	return nil
}

// topOf maps every aspect code to its top-level aspect code.
func (in Instrument) topOf() map[string]string {
	parent := make(map[string]string, len(in.Aspects))
	for _, a := range in.Aspects {
		parent[a.Code] = a.Parent
	}
	top := make(map[string]string, len(in.Aspects))
	for _, a := range in.Aspects {
		c := a.Code
		for i := 0; i < len(in.Aspects) && parent[c] != ""; i++ {
			c = parent[c]
		}
		top[a.Code] = c
	}
	return top
}

// Level returns the level of the scale whose value is v.
func (in Instrument) Level(v float64) (MeritLevel, bool) {
	for _, l := range in.Levels {
		if near(l.Value, v, valueEps) {
			return l, true
		}
	}
	return MeritLevel{}, false
}

// Indicator returns the indicator with code.
func (in Instrument) Indicator(code string) (MeritIndicator, bool) {
	for _, x := range in.Indicators {
		if x.Code == code {
			return x, true
		}
	}
	return MeritIndicator{}, false
}

// Aspect returns the aspect (or sub-aspect) with code.
func (in Instrument) Aspect(code string) (MeritAspect, bool) {
	for _, a := range in.Aspects {
		if a.Code == code {
			return a, true
		}
	}
	return MeritAspect{}, false
}

// AspectByName finds an aspect by its name or one of its aliases, ignoring
// case, spacing and commas ("Penggajian, Penghargaan, dan Disiplin" finds
// "Penggajian, Penghargaan dan Disiplin"), or by its code.
func (in Instrument) AspectByName(s string) (MeritAspect, bool) {
	norm := func(x string) string {
		x = strings.ToLower(strings.ReplaceAll(x, ",", " "))
		return strings.Join(strings.Fields(x), " ")
	}
	k := norm(s)
	for _, a := range in.Aspects {
		if a.Code == strings.TrimSpace(s) || norm(a.Name) == k {
			return a, true
		}
		for _, al := range a.Aliases {
			if norm(al) == k {
				return a, true
			}
		}
	}
	return MeritAspect{}, false
}

// AspectIndicators returns the indicators of the aspect code, including
// those of its sub-aspects, in file order.
func (in Instrument) AspectIndicators(code string) []MeritIndicator {
	top := in.topOf()
	var out []MeritIndicator
	for _, x := range in.Indicators {
		if x.Aspect == code || top[x.Aspect] == code && code != "" {
			out = append(out, x)
		}
	}
	return out
}

// SubAspects returns the sub-aspects of the aspect code, in file order.
func (in Instrument) SubAspects(code string) []MeritAspect {
	var out []MeritAspect
	for _, a := range in.Aspects {
		if a.Parent == code && code != "" {
			out = append(out, a)
		}
	}
	return out
}

// TopAspects returns the top-level aspects in file order.
func (in Instrument) TopAspects() []MeritAspect {
	var out []MeritAspect
	for _, a := range in.Aspects {
		if a.Parent == "" {
			out = append(out, a)
		}
	}
	return out
}

// Category returns the band of total: [Min, MaxExcl), the last band
// including its MaxExcl (M2). A total outside min..max has none.
func (in Instrument) Category(total float64) (MeritCategory, bool) {
	if !finite(total) {
		return MeritCategory{}, false
	}
	for i, c := range in.Categories {
		if total >= c.Min && (total < c.MaxExcl || i == len(in.Categories)-1 && total <= c.MaxExcl) {
			return c, true
		}
	}
	return MeritCategory{}, false
}

// ComputeIndex is the optional computed index of the instrument's formula
// (M3): score/400, or (score-100)/300; none gives false. It never
// re-derives the category, which comes from the score.
func (in Instrument) ComputeIndex(total float64) (float64, bool) {
	if !finite(total) {
		return 0, false
	}
	switch in.Index.Formula {
	case IndexScore400:
		return total / 400, true
	case IndexScoreRange:
		return (total - 100) / 300, true
	}
	return 0, false
}

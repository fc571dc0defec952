package store

import (
	"math/rand"
	"os"
	"path/filepath"
	"testing"

	"asndesk/domain"
)

func TestZZCorruptFiles(t *testing.T) {
	s, path := openTestStore(t)
	o, units, emps := demoOffice(2000)
	if err := s.LoadOffice(bg, o, units, emps); err != nil {
		t.Fatal(err)
	}
	s.Close()
	good, _ := os.ReadFile(path)
	t.Logf("size %d", len(good))
	r := rand.New(rand.NewSource(1))
	dir := t.TempDir()
	fails := map[string]int{}
	ok := 0
	defer func() { t.Log(ok, fails) }()
	for i := 0; i < 90; i++ {
		b := append([]byte(nil), good...)
		switch i % 3 {
		case 0:
			b = b[:r.Intn(len(b))]
		case 1:
			for j := 0; j < 20; j++ {
				b[r.Intn(len(b))] = byte(r.Intn(256))
			}
		case 2:
			off := 4096 * (2 + r.Intn(len(b)/4096-2))
			for j := off; j < off+4096 && j < len(b); j++ {
				b[j] = byte(r.Intn(256))
			}
		}
		p := filepath.Join(dir, "c.db")
		os.WriteFile(p, b, 0o600)
		st, err := Open(p, testOptions())
		if err != nil {
			fails[domain.ErrorMessage(err)[:20]]++
			if fails[domain.ErrorMessage(err)[:20]] == 1 {
				t.Log(i, err)
			}
			continue
		}
		ok++
		st.ListRows(bg)
		st.Check(bg)
		st.Close()
		_ = domain.Row{}
	}
}

package tui

import (
	"os"
	"testing"
	"time"

	"asndesk/domain"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

// fixedNow is the clock of every model test: goldens never see "today".
func fixedNow() time.Time { return time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC) }

// testDemo is a tiny, hand-written office: model tests must not move when
// the demo generator is tuned.
func testDemo(int, uint64) (domain.Office, []domain.UnitNode, []domain.Employee, []domain.Riwayat) {
	units := []domain.UnitNode{{Unit: domain.Unit{ID: 1, Name: "Sekretariat"}}, {Unit: domain.Unit{ID: 2, Name: "Seksi Pemerintahan"}}}
	emps := []domain.Employee{
		{ID: 1, Kind: domain.KindPNS, Status: domain.StatusAktif, Nama: "Bambang Sutrisno", GelarDepan: "Drs.", GelarBelakang: "M.Si.",
			NIP: "197003152000031002", TanggalLahir: domain.Date{Year: 1970, Month: 3, Day: 15}, JenisKelamin: domain.Male,
			TMTCPNS: domain.Date{Year: 2000, Month: 3, Day: 1}, TMTPNS: domain.Date{Year: 2001, Month: 3, Day: 1},
			Golongan: "IV/b", JenisJabatan: domain.Administrator, NamaJabatan: "Camat", UnitID: 1},
		{ID: 2, Kind: domain.KindPNS, Status: domain.StatusAktif, Nama: "Siti Aminah", GelarBelakang: "S.Kom.",
			NIP: "198609262015052001", TanggalLahir: domain.Date{Year: 1986, Month: 9, Day: 26}, JenisKelamin: domain.Female,
			NIK: "3205126609860001", TMTCPNS: domain.Date{Year: 2015, Month: 5, Day: 1}, TMTPNS: domain.Date{Year: 2016, Month: 5, Day: 1},
			Golongan: "III/b", JenisJabatan: domain.Fungsional, Jenjang: domain.AhliPertama, NamaJabatan: "Pranata Komputer Ahli Pertama",
			UnitID: 1, AtasanID: 1},
		{ID: 3, Kind: domain.KindPPPK, Status: domain.StatusAktif, Nama: "Yohanes Wenda", GelarBelakang: "A.Md.",
			NIP: "199001152023211005", TanggalLahir: domain.Date{Year: 1990, Month: 1, Day: 15}, JenisKelamin: domain.Male,
			TMTKontrak: domain.Date{Year: 2023, Month: 4, Day: 1}, AkhirKontrak: domain.Date{Year: 2028, Month: 3, Day: 31},
			Golongan: "VII", JenisJabatan: domain.Pelaksana, NamaJabatan: "Pengelola Layanan Operasional", UnitID: 2, AtasanID: 1},
		{ID: 4, Kind: domain.KindPNS, Status: domain.StatusPensiun, Nama: "Hartono", NIP: "196601011990031001",
			TanggalLahir: domain.Date{Year: 1966, Month: 1, Day: 1}, JenisKelamin: domain.Male, Golongan: "III/d",
			JenisJabatan: domain.Pelaksana, NamaJabatan: "Pengadministrasi Umum", UnitID: 2},
	}
	return domain.Office{Name: "Kecamatan Contoh", Demo: true}, units, emps, nil
}

type harness struct {
	t    *testing.T
	m    *Model
	repo *fakeRepo
	kin  *fakeKinerja // Common.Kinerja: the SKP cycle over the same office
	quit bool
}

func newHarness(t *testing.T, repo *fakeRepo, w, h int) *harness {
	t.Helper()
	kin := newFakeKinerja(repo)
	c := &Common{Repo: repo, Kinerja: kin, Now: fixedNow, Demo: testDemo}
	hs := &harness{t: t, m: New(c), repo: repo, kin: kin}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.m.Init())
	return hs
}

// withDemo returns a harness over a repo holding the test office, logged
// in as its Admin.
func withDemo(t *testing.T, w, h int) *harness {
	hs := withDemoAs(t, w, h, "admin")
	return hs
}

// withDemoAs logs in as one of the demo accounts (password contoh123).
func withDemoAs(t *testing.T, w, h int, user string) *harness {
	t.Helper()
	repo := newFakeRepo()
	o, us, es, rs := testDemo(0, 0)
	if err := repo.LoadDemoOffice(t.Context(), o, us, es, rs); err != nil {
		t.Fatal(err)
	}
	repo.writes = 0
	hs := newHarness(t, repo, w, h)
	hs.login(user, "contoh123")
	if hs.m.c.Account.Username != user {
		t.Fatalf("login as %s failed:\n%s", user, hs.view())
	}
	repo.audit = nil
	return hs
}

func (h *harness) login(user, pw string) {
	h.t.Helper()
	h.typeText(user)
	h.keys("enter")
	h.typeText(pw)
	h.keys("enter")
}

// send feeds one message and runs every resulting Cmd synchronously,
// expanding batches, until nothing is left (superfile's approach).
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	_, cmd := h.m.Update(msg)
	h.run(cmd)
}

func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 1000 {
			h.t.Fatal("runaway command loop")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			h.quit = true
		default:
			_, next := h.m.Update(msg)
			queue = append(queue, next)
		}
	}
}

func (h *harness) keys(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

// typeText sends text as one rune message per character, as a terminal does.
func (h *harness) typeText(s string) {
	h.t.Helper()
	for _, r := range s {
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func (h *harness) click(x, y int) {
	h.t.Helper()
	h.send(tea.MouseMsg{X: x, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
}

func keyMsg(k string) tea.KeyMsg {
	named := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"backspace": tea.KeyBackspace, "delete": tea.KeyDelete, "ctrl+c": tea.KeyCtrlC, "ctrl+s": tea.KeyCtrlS,
		"ctrl+u": tea.KeyCtrlU, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "home": tea.KeyHome, "end": tea.KeyEnd,
		"f1": tea.KeyF1, "f2": tea.KeyF2, "f3": tea.KeyF3, "f4": tea.KeyF4, "f5": tea.KeyF5, "f6": tea.KeyF6,
		"f7": tea.KeyF7, "f8": tea.KeyF8, "f10": tea.KeyF10, " ": tea.KeySpace,
	}
	if t, ok := named[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

func (h *harness) view() string { return h.m.View() }

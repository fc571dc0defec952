package tui

import (
	"strings"
	"testing"
	"time"

	"asndesk/domain"

	"github.com/charmbracelet/x/exp/golden"
)

func TestLogin(t *testing.T) {
	t.Run("wrong password is refused and audited", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "admin")
		h.keys("f9")
		for i := 0; i < 20 && !strings.Contains(h.view(), "›Keluar akun"); i++ {
			h.keys("down")
		}
		h.keys("enter")
		requireContains(t, h.view(), "Masuk ke asndesk", "Anda sudah keluar")
		h.login("admin", "salah-sandi")
		requireContains(t, h.view(), "Nama pengguna atau kata sandi salah.", "Masuk ke asndesk")
		if h.m.c.loggedIn() {
			t.Fatal("logged in with a wrong password")
		}
		h.keys("ctrl+u")
		h.typeText("contoh123")
		h.keys("enter")
		if !h.m.c.loggedIn() {
			t.Fatalf("correct password refused:\n%s", h.view())
		}
	})
	t.Run("admin sees failed attempts in riwayat perubahan", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "admin")
		h.repo.audit = append(h.repo.audit, domain.AuditEntry{ID: 99, Time: fixedNow(), Account: "pegawai", Action: domain.ActionLoginFailed, Entity: "akun"})
		h.send(forceAreaMsg{areaAudit})
		requireContains(t, h.view(), "gagal masuk", "pegawai")
		golden.RequireEqual(t, []byte(h.view()))
	})
}

func TestRoles(t *testing.T) {
	t.Run("pegawai sees only own profile and no edit", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "pegawai")
		v := h.view()
		requireContains(t, v, "Profil saya", "pegawai (Pegawai)")
		requireAbsent(t, v, "Tambah pegawai", "Unit Kerja", "Akun pengguna", "Riwayat perubahan")
		h.keys("f3")
		requireContains(t, h.view(), "Siti Aminah", "1 pegawai")
		requireAbsent(t, h.view(), "Bambang", "F5 Tambah")
		h.keys("f5") // not offered: nothing happens
		if _, ok := h.m.top().(*employeeList); !ok {
			t.Fatal("F5 opened something for a Pegawai")
		}
		h.keys("enter")
		requireContains(t, h.view(), "Siti Aminah")
		requireAbsent(t, h.view(), "F5 Ubah")
		golden.RequireEqual(t, []byte(h.view()))
	})
	t.Run("forced write path is refused below the screens", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "pegawai")
		other := h.repo.emps[1]
		h.send(pushMsg{newEmployeeForm(h.m.c, &other)})
		h.typeText(" Diubah")
		h.keys("ctrl+s")
		requireContains(t, h.view(), "Hanya Admin")
		if h.repo.emps[1].Nama != "Bambang Sutrisno" || h.repo.writes != 0 {
			t.Fatal("a Pegawai changed another employee's profile")
		}
	})
	t.Run("penilai sees the employees he rates", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "penilai")
		h.keys("f3")
		requireContains(t, h.view(), "Siti Aminah", "Yohanes Wenda", "Bambang")
		requireAbsent(t, h.view(), "F5 Tambah")
	})
	t.Run("menu by keyboard", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "admin")
		h.keys("f9")
		for i := 0; i < 20 && !strings.Contains(h.view(), "›Akun pengguna"); i++ {
			h.keys("down")
		}
		h.keys("enter")
		requireContains(t, h.view(), "Akun pengguna", "admin", "penilai", "pegawai")
		h.keys("f5")
		requireContains(t, h.view(), "Tambah akun", "Peran Admin")
	})
}

func TestIdleLock(t *testing.T) {
	h := withDemoAs(t, 120, 32, "admin")
	h.m.c.IdleTimeout = 10 * time.Minute
	h.m.lastKey = fixedNow()
	h.keys("f3", "f5")
	h.typeText("Setengah Jadi")
	h.send(idleTickMsg{now: fixedNow().Add(5 * time.Minute)})
	requireContains(t, h.view(), "Tambah pegawai")
	h.send(idleTickMsg{now: fixedNow().Add(11 * time.Minute)})
	requireContains(t, h.view(), "Masuk ke asndesk", "Layar dikunci")
	if h.m.c.loggedIn() {
		t.Fatal("still logged in after the idle lock")
	}
	h.login("admin", "contoh123")
	requireContains(t, h.view(), "Tambah pegawai", "Setengah Jadi")
}

func TestPasswords(t *testing.T) {
	t.Run("reset forces a change at next login", func(t *testing.T) {
		h := withDemoAs(t, 120, 32, "admin")
		a := h.repo.accounts[903]
		a.MustChangePassword = true
		h.repo.accounts[903] = a
		h.send(logoutMsg{"x"})
		h.login("pegawai", "contoh123")
		requireContains(t, h.view(), "Ganti kata sandi", "Kata sandi lama")
		h.keys("esc")
		requireContains(t, h.view(), "Kata sandi lama")
		h.typeText("contoh123")
		h.keys("tab")
		h.typeText("sandi-baru-saya")
		h.keys("tab")
		h.typeText("sandi-baru-saya")
		h.keys("ctrl+s")
		if h.repo.passwords[903] != "sandi-baru-saya" {
			t.Fatal("password not changed")
		}
		requireContains(t, h.view(), "Kata sandi diganti.", "Profil saya")
	})
}

func TestBackupScreens(t *testing.T) {
	h := withDemoAs(t, 120, 32, "admin")
	h.send(forceAreaMsg{areaBackup})
	requireContains(t, h.view(), "Cadangkan sekarang", "/data/cadangan")
	h.keys("enter", "ctrl+s")
	requireContains(t, h.view(), "Cadangan dibuat: /data/cadangan/asndesk-20261123-093000.db")
	h.keys("down", "down", "enter")
	requireContains(t, h.view(), "Berkas data baik")
	h.keys("enter", "up", "enter")
	requireContains(t, h.view(), "asndesk-20261123-093000.db", "✓ baik")
	h.keys("f5", "y")
	if h.repo.restored == "" {
		t.Fatal("restore not called")
	}
	requireContains(t, h.view(), "Data dipulihkan", "Masuk ke asndesk")
}

func TestFirstAdmin(t *testing.T) {
	repo := newFakeRepo()
	repo.hasOffice, repo.office = true, domain.Office{Name: "Puskesmas Lama"}
	h := newHarness(t, repo, 120, 32)
	requireContains(t, h.view(), "Buat akun Admin", "belum mempunyai akun")
	h.keys("tab")
	h.typeText("Kepala TU")
	h.keys("tab")
	h.typeText("sandi-aman-1")
	h.keys("tab")
	h.typeText("sandi-aman-2")
	h.keys("ctrl+s")
	requireContains(t, h.view(), "Kedua kata sandi tidak sama.")
	if len(repo.accounts) != 0 {
		t.Fatal("an account was created with mismatched passwords")
	}
	h.keys("ctrl+u")
	h.typeText("sandi-aman-1")
	h.keys("ctrl+s")
	if !h.m.c.loggedIn() || h.m.c.Account.Username != "admin" {
		t.Fatalf("first admin not logged in:\n%s", h.view())
	}
}

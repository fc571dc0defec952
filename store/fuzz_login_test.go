package store

import (
	"errors"
	"strings"
	"testing"

	"asndesk/domain"
)

// FuzzVerifyPassword fuzzes the stored-hash parser and the comparison at
// the heart of the login path: a damaged or hostile hash string must give
// an error, never a panic and never a match for a wrong password.
func FuzzVerifyPassword(f *testing.F) {
	good, err := hashPassword("rahasia-admin-1", testCost)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good, "rahasia-admin-1")
	f.Add(good, "rahasia-admin-2")
	f.Add(good, "")
	f.Add("$argon2id$v=19$m=1024,t=1,p=1$AAAA$BBBB", "x")
	f.Add("$argon2id$v=19$m=99999999999,t=1,p=1$AAAA$BBBB", "x")
	f.Add("$argon2id$v=19$m=1024,t=0,p=0$$", "x")
	f.Add("$bcrypt$whatever", "x")
	f.Add("", "")
	f.Add(strings.Repeat("$", 200), "\x1b[31m")
	f.Fuzz(func(t *testing.T, encoded, pw string) {
		ok, cost, err := verifyPassword(encoded, pw)
		if err != nil && ok {
			t.Fatal("a match reported together with an error")
		}
		if ok && encoded == good && pw != "rahasia-admin-1" {
			t.Fatalf("wrong password %q accepted", pw)
		}
		if ok && (cost.MemoryKiB == 0 || cost.Time == 0) {
			t.Fatalf("accepted a hash with an impossible cost %+v", cost)
		}
	})
}

// FuzzLogin drives the whole login path on a real file: any user name and
// password give either the account (only for the right pair) or a refusal
// with an Indonesian message; nothing panics.
func FuzzLogin(f *testing.F) {
	for _, seed := range [][2]string{{"admin", testAdminPassword}, {"admin", "salah"}, {"ADMIN ", testAdminPassword},
		{"", ""}, {"tidak-ada", "x"}, {"admin\x00", "x"}, {"a\x1b[2J", "😀"}, {strings.Repeat("a", 5000), "b"}} {
		f.Add(seed[0], seed[1])
	}
	s, _ := openTestStore(f)
	setupOffice(f, s, "Dinas Uji")
	f.Fuzz(func(t *testing.T, user, pw string) {
		a, err := s.Login(anonCtx, user, pw)
		if err == nil {
			if pw != testAdminPassword || a.Username != "admin" {
				t.Fatalf("login %q/%q accepted as %q", user, pw, a.Username)
			}
			_ = s.Logout(domain.WithActor(anonCtx, domain.ActorOf(a)))
			return
		}
		var de *domain.Error
		if !errors.As(err, &de) || de.Message == "" || strings.Contains(domain.ErrorMessage(err), "internal") {
			t.Fatalf("login %q: unclear refusal %v", user, err)
		}
		// Keep the account usable for the rest of the run: repeated
		// failures lock it, which is correct but would hide later cases.
		if strings.Contains(de.Message, "Terlalu banyak") {
			if err := s.UnlockAccount(systemCtx, 1); err != nil {
				t.Fatal(err)
			}
		}
	})
}

package store

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"
)

// PasswordCost is the argon2id work factor for new password hashes. Every
// hash records its own parameters, so changing the cost never locks anyone
// out: old hashes verify with the parameters they were made with, and are
// re-hashed at the next successful login when they are weaker than the
// current cost.
type PasswordCost struct {
	Time      uint32 // passes over the memory
	MemoryKiB uint32 // memory in KiB
	Threads   uint8  // lanes
}

// DefaultPasswordCost is RFC 9106's second recommended option (t=3,
// 64 MiB, p=4): about 80 ms on a two-core PC, a few hundred ms on an old
// single-core one. Tests pass something far cheaper in Options.
var DefaultPasswordCost = PasswordCost{Time: 3, MemoryKiB: 64 << 10, Threads: 4}

// Bounds on parameters read back from a stored hash, so that a damaged or
// tampered record cannot make a login allocate gigabytes or spin for
// minutes.
const (
	maxHashMemoryKiB = 1 << 20 // 1 GiB
	maxHashTime      = 64
	saltLen          = 16
	keyLen           = 32
	// maxPasswordBytes bounds what is hashed: a longer "password" is a
	// paste accident or an attack, never something a person types.
	maxPasswordBytes = 1024
)

// normalized fills unset or impossible fields: the zero cost is
// DefaultPasswordCost.
func (c PasswordCost) normalized() PasswordCost {
	if c == (PasswordCost{}) {
		return DefaultPasswordCost
	}
	if c.Time < 1 {
		c.Time = 1
	}
	if c.Threads < 1 {
		c.Threads = 1
	}
	if c.MemoryKiB < 8*uint32(c.Threads) {
		c.MemoryKiB = 8 * uint32(c.Threads)
	}
	return c
}

// weakerThan reports whether c does less work than d in any dimension
// that matters for an attacker (passes or memory).
func (c PasswordCost) weakerThan(d PasswordCost) bool {
	return c.Time < d.Time || c.MemoryKiB < d.MemoryKiB
}

var b64 = base64.RawStdEncoding

// hashPassword returns a PHC-style argon2id string:
//
//	$argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>
//
// with salt and hash in unpadded standard base64.
func hashPassword(pw string, c PasswordCost) (string, error) {
	c = c.normalized()
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, c.Time, c.MemoryKiB, c.Threads, keyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, c.MemoryKiB, c.Time, c.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

var errBadHash = errors.New("malformed password hash")

// parseHash splits a string written by hashPassword.
func parseHash(encoded string) (c PasswordCost, salt, key []byte, err error) {
	parts := strings.Split(encoded, "$")
	// "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" || parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return c, nil, nil, errBadHash
	}
	params := strings.Split(parts[3], ",")
	if len(params) != 3 {
		return c, nil, nil, errBadHash
	}
	for i, name := range []string{"m=", "t=", "p="} {
		v, ok := strings.CutPrefix(params[i], name)
		if !ok {
			return c, nil, nil, errBadHash
		}
		n, perr := strconv.ParseUint(v, 10, 32)
		if perr != nil {
			return c, nil, nil, errBadHash
		}
		switch i {
		case 0:
			c.MemoryKiB = uint32(n)
		case 1:
			c.Time = uint32(n)
		case 2:
			if n > 255 {
				return c, nil, nil, errBadHash
			}
			c.Threads = uint8(n)
		}
	}
	if c.Time < 1 || c.Time > maxHashTime || c.Threads < 1 || c.MemoryKiB < 8*uint32(c.Threads) ||
		c.MemoryKiB > maxHashMemoryKiB {
		return c, nil, nil, errBadHash
	}
	if salt, err = b64.DecodeString(parts[4]); err != nil || len(salt) < 8 {
		return c, nil, nil, errBadHash
	}
	if key, err = b64.DecodeString(parts[5]); err != nil || len(key) < 16 || len(key) > 64 {
		return c, nil, nil, errBadHash
	}
	return c, salt, key, nil
}

// verifyPassword reports whether pw matches encoded, comparing in constant
// time, and returns the cost the hash was made with. A malformed hash is an
// error (the record is damaged), never a match.
func verifyPassword(encoded, pw string) (bool, PasswordCost, error) {
	c, salt, key, err := parseHash(encoded)
	if err != nil {
		return false, c, err
	}
	if len(pw) > maxPasswordBytes {
		pw = pw[:maxPasswordBytes] // still spend the time; cannot match a stored hash of a valid password
		got := argon2.IDKey([]byte(pw), salt, c.Time, c.MemoryKiB, c.Threads, uint32(len(key)))
		_ = subtle.ConstantTimeCompare(got, key)
		return false, c, nil
	}
	got := argon2.IDKey([]byte(pw), salt, c.Time, c.MemoryKiB, c.Threads, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1, c, nil
}

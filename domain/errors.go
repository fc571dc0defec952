package domain

import (
	"errors"
	"sort"
	"strings"
)

// Error codes, in the style of benbjohnson/wtf: a stable code for programs and
// an Indonesian message for people.
const (
	EINVALID  = "invalid"
	ENOTFOUND = "not_found"
	ECONFLICT = "conflict"
	ELOCKED   = "locked"
	ESCHEMA   = "schema"
	EINTERNAL = "internal"
)

// Error is an error whose Message can be shown to a user as is.
type Error struct {
	Code    string
	Message string // Bahasa Indonesia, shown to users
	Field   string // optional: the form field the error belongs to
}

func (e *Error) Error() string { return "asndesk " + e.Code + ": " + e.Message }

// Is lets errors.Is(err, ErrNotFound) match any error with the same code.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Message == "" && t.Code == e.Code
}

// Sentinels for errors.Is; they match any *Error with the same code.
var (
	ErrInvalid  = &Error{Code: EINVALID}
	ErrNotFound = &Error{Code: ENOTFOUND}
	ErrConflict = &Error{Code: ECONFLICT}
	ErrLocked   = &Error{Code: ELOCKED}
	ErrSchema   = &Error{Code: ESCHEMA}
)

// Errorf builds a coded error with a user-facing message.
func Errorf(code, msg string) *Error { return &Error{Code: code, Message: msg} }

// ErrorCode returns the code of err, EINTERNAL for errors that are not ours.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	var fe FieldErrors
	if errors.As(err, &fe) {
		return EINVALID
	}
	return EINTERNAL
}

// ErrorMessage returns the text a user should see for err. Unknown errors
// become a generic internal message: raw Go errors are never shown.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) && e.Message != "" {
		return e.Message
	}
	var fe FieldErrors
	if errors.As(err, &fe) {
		return fe.Summary()
	}
	return "Terjadi kesalahan internal. Lihat berkas log untuk rinciannya."
}

// FieldErrors maps a form field key to its Indonesian message.
type FieldErrors map[string]string

func (f FieldErrors) Error() string { return "invalid fields: " + strings.Join(f.keys(), ", ") }

func (f FieldErrors) keys() []string {
	k := make([]string, 0, len(f))
	for n := range f {
		k = append(k, n)
	}
	sort.Strings(k)
	return k
}

// Summary is one line naming the first problem and how many more there are.
func (f FieldErrors) Summary() string {
	if len(f) == 0 {
		return ""
	}
	k := f.keys()
	s := f[k[0]]
	if len(k) > 1 {
		s += " (dan " + itoa(len(k)-1) + " isian lain perlu diperbaiki)"
	}
	return s
}

// Err returns f as an error, or nil when it is empty.
func (f FieldErrors) Err() error {
	if len(f) == 0 {
		return nil
	}
	return f
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

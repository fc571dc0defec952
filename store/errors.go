package store

import (
	"context"
	"errors"
	"fmt"

	"asndesk/domain"

	bolterrors "go.etcd.io/bbolt/errors"
)

// storeError is a domain error together with the technical cause, for the
// log. Only the domain error is in the unwrap chain: bbolt and os errors do
// not leave the package.
type storeError struct {
	dom   *domain.Error
	cause error
}

func (e *storeError) Error() string {
	if e.cause == nil {
		return e.dom.Error()
	}
	return e.dom.Error() + " [" + e.cause.Error() + "]"
}

func (e *storeError) Unwrap() error { return e.dom }

// fail builds a coded error with a user message and an optional cause.
func fail(code, msg string, cause error) error {
	d := domain.Errorf(code, msg)
	if cause == nil {
		return d
	}
	return &storeError{dom: d, cause: cause}
}

// fieldErr is a coded error attached to a form field.
func fieldErr(code, field, msg string) error {
	return &domain.Error{Code: code, Message: msg, Field: field}
}

const msgInternal = "Data tidak dapat dibaca atau disimpan di berkas data. Lihat berkas log untuk rinciannya."

// boundary translates err for the caller of public method op: domain errors
// and context errors pass through (with context added), anything else
// becomes an internal domain error that carries the cause only as text.
func boundary(op string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var de *domain.Error
	var fe domain.FieldErrors
	if errors.As(err, &de) || errors.As(err, &fe) {
		return fmt.Errorf("store: %s: %w", op, err)
	}
	cause := fmt.Errorf("store: %s: %v", op, err)
	switch {
	case errors.Is(err, bolterrors.ErrDatabaseReadOnly):
		return fail(domain.EINVALID, "Berkas data dibuka hanya untuk dibaca; perubahan tidak dapat disimpan.", cause)
	case errors.Is(err, bolterrors.ErrDatabaseNotOpen):
		return fail(domain.EINTERNAL, "Berkas data sudah ditutup.", cause)
	}
	return fail(domain.EINTERNAL, msgInternal, cause)
}

// corrupt reports a stored value that cannot be decoded.
func corrupt(what string, id uint64, err error) error {
	return fail(domain.EINTERNAL,
		fmt.Sprintf("Data %s #%d di berkas data rusak dan tidak dapat dibaca. Jalankan pemeriksaan database.", what, id),
		err)
}

package domain_test

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"

	"asndesk/domain"
)

const internalMessage = "Terjadi kesalahan internal. Lihat berkas log untuk rinciannya."

func TestErrorMessage(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		err      error
		wantMsg  string
		wantCode string
	}{
		"coded error": {
			domain.Errorf(domain.ECONFLICT, "NIP 19860926 201505 1 001 sudah dipakai pegawai lain."),
			"NIP 19860926 201505 1 001 sudah dipakai pegawai lain.", domain.ECONFLICT,
		},
		"wrapped coded error": {
			fmt.Errorf("simpan pegawai: %w", domain.Errorf(domain.ENOTFOUND, "Pegawai tidak ditemukan.")),
			"Pegawai tidak ditemukan.", domain.ENOTFOUND,
		},
		"one field error": {
			domain.FieldErrors{domain.FieldNama: "Nama wajib diisi."},
			"Nama wajib diisi.", domain.EINVALID,
		},
		"two field errors": {
			domain.FieldErrors{domain.FieldNIP: "NIP wajib diisi.", domain.FieldNama: "Nama wajib diisi."},
			"Nama wajib diisi. (dan 1 isian lain perlu diperbaiki)", domain.EINVALID,
		},
		"three field errors": {
			domain.FieldErrors{
				domain.FieldStatus: "Pilih status kepegawaian.",
				domain.FieldEmail:  "Alamat email tidak valid, contoh: nama@instansi.go.id.",
				domain.FieldNIP:    "NIP wajib diisi.",
			},
			"Alamat email tidak valid, contoh: nama@instansi.go.id. (dan 2 isian lain perlu diperbaiki)", domain.EINVALID,
		},
		"wrapped field errors": {
			fmt.Errorf("form: %w", domain.FieldErrors{domain.FieldNama: "Nama wajib diisi."}),
			"Nama wajib diisi.", domain.EINVALID,
		},
		"parse error from ids": {
			func() error { _, err := domain.ParseNIP("123"); return err }(),
			"NIP harus 18 angka (tertulis 3).", domain.EINVALID,
		},
		"unknown error": {
			errors.New("bbolt: database not open"),
			internalMessage, domain.EINTERNAL,
		},
		"wrapped os error": {
			fmt.Errorf("buka data: %w", fs.ErrPermission),
			internalMessage, domain.EINTERNAL,
		},
		"nil": {nil, "", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := domain.ErrorMessage(tc.err); got != tc.wantMsg {
				t.Errorf("ErrorMessage(%v) = %q, want %q", tc.err, got, tc.wantMsg)
			}
			if got := domain.ErrorCode(tc.err); got != tc.wantCode {
				t.Errorf("ErrorCode(%v) = %q, want %q", tc.err, got, tc.wantCode)
			}
		})
	}
}

func TestErrorsIs(t *testing.T) {
	t.Parallel()
	conflict := domain.Errorf(domain.ECONFLICT, "x")
	tests := map[string]struct {
		err    error
		target error
		want   bool
	}{
		"conflict is ErrConflict":         {conflict, domain.ErrConflict, true},
		"conflict is not ErrNotFound":     {conflict, domain.ErrNotFound, false},
		"conflict is not ErrInvalid":      {conflict, domain.ErrInvalid, false},
		"wrapped conflict is ErrConflict": {fmt.Errorf("simpan: %w", conflict), domain.ErrConflict, true},
		"not found is ErrNotFound":        {domain.Errorf(domain.ENOTFOUND, "Tidak ada."), domain.ErrNotFound, true},
		"locked is ErrLocked":             {domain.Errorf(domain.ELOCKED, "Data sedang dibuka."), domain.ErrLocked, true},
		"schema is ErrSchema":             {domain.Errorf(domain.ESCHEMA, "Versi data lebih baru."), domain.ErrSchema, true},
		"invalid is ErrInvalid":           {domain.Errorf(domain.EINVALID, "Salah."), domain.ErrInvalid, true},
		"target with a message is exact":  {conflict, domain.Errorf(domain.ECONFLICT, "y"), false},
		"sentinel is itself":              {domain.ErrNotFound, domain.ErrNotFound, true},
		"plain error is not ErrNotFound":  {errors.New("not_found"), domain.ErrNotFound, false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := errors.Is(tc.err, tc.target); got != tc.want {
				t.Errorf("errors.Is(%v, %v) = %v, want %v", tc.err, tc.target, got, tc.want)
			}
		})
	}
}

func TestErrorText(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		err  error
		want string
	}{
		"coded":        {domain.Errorf(domain.ECONFLICT, "x"), "asndesk conflict: x"},
		"field errors": {domain.FieldErrors{"nip": "a", "nama": "b"}, "invalid fields: nama, nip"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := tc.err.Error(); got != tc.want {
				t.Errorf("Error() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFieldErrorsErr(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fe      domain.FieldErrors
		wantNil bool
		summary string
	}{
		"nil map":   {nil, true, ""},
		"empty map": {domain.FieldErrors{}, true, ""},
		"one":       {domain.FieldErrors{domain.FieldNama: "Nama wajib diisi."}, false, "Nama wajib diisi."},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			err := tc.fe.Err()
			if (err == nil) != tc.wantNil {
				t.Fatalf("Err() = %v, want nil %v", err, tc.wantNil)
			}
			if got := tc.fe.Summary(); got != tc.summary {
				t.Errorf("Summary() = %q, want %q", got, tc.summary)
			}
			var fe domain.FieldErrors
			if err != nil && (!errors.As(err, &fe) || fe[domain.FieldNama] != tc.summary) {
				t.Errorf("errors.As(Err(), &FieldErrors) lost the messages: %v", fe)
			}
		})
	}
}

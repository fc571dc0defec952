package store

import (
	"context"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// Authorization happens here, below the screens: every public method that
// reads personal data or writes anything goes through read or write, which
// take the actor from the context, refresh it from the accounts bucket in
// the same transaction, and apply a domain.Can* rule before the method's
// own work. A refusal returns the domain error (EFORBIDDEN) and the
// transaction writes nothing, not even an audit entry.

const msgSessionGone = "Akun Anda sudah dinonaktifkan atau tidak ada lagi. Silakan masuk kembali."

// rule is a permission check from the domain package.
type rule func(domain.Actor) error

// resolveActor returns the actor as the file knows it now. A system actor
// and the zero actor pass unchanged (the rules decide about them). For a
// logged-in account the roles and employee link are re-read, so that
// disabling an account or removing a role takes effect at once, even for a
// session that began before the change.
func resolveActor(tx *bolt.Tx, a domain.Actor) (domain.Actor, error) {
	if a.System != "" || a.AccountID == 0 {
		return a, nil
	}
	rec, ok, err := getAccount(tx, a.AccountID)
	if err != nil {
		return domain.Actor{}, err
	}
	if !ok || rec.Disabled {
		return domain.Actor{}, fail(domain.EFORBIDDEN, msgSessionGone, nil)
	}
	return domain.ActorOf(rec.toDomain()), nil
}

// write runs fn in one write transaction after resolving the context's
// actor and checking allow (nil: no rule, for the few methods whose
// permission depends on the data, which check it themselves in fn).
func (s *Store) write(ctx context.Context, op string, allow rule, fn func(tx *bolt.Tx, a domain.Actor) error) error {
	a := domain.ActorFrom(ctx)
	return s.update(ctx, op, func(tx *bolt.Tx) error {
		a, err := authorize(tx, a, allow)
		if err != nil {
			return err
		}
		return fn(tx, a)
	})
}

// authorize resolves the actor from the file and applies allow (nil: no
// rule at this level).
func authorize(tx *bolt.Tx, a domain.Actor, allow rule) (domain.Actor, error) {
	a, err := resolveActor(tx, a)
	if err != nil {
		return a, err
	}
	if allow != nil {
		if err := allow(a); err != nil {
			return a, err
		}
	}
	return a, nil
}

// read is write's counterpart for a read transaction.
func (s *Store) read(ctx context.Context, op string, allow rule, fn func(tx *bolt.Tx, a domain.Actor) error) error {
	a := domain.ActorFrom(ctx)
	return s.view(ctx, op, func(tx *bolt.Tx) error {
		a, err := authorize(tx, a, allow)
		if err != nil {
			return err
		}
		return fn(tx, a)
	})
}

// precheck applies allow to the context's actor before expensive work done
// outside a transaction (password hashing), so that a refused caller
// neither waits nor learns anything from validation. The authoritative
// check is still the one inside the transaction.
func precheck(ctx context.Context, op string, allow rule) error {
	if err := allow(domain.ActorFrom(ctx)); err != nil {
		return boundary(op, err)
	}
	return nil
}

// seesEveryone reports whether a may view every employee, so that a list
// need not be filtered row by row.
func seesEveryone(a domain.Actor) bool {
	return !a.IsZero() && (a.Has(domain.RoleAdmin) || a.Has(domain.RolePimpinan))
}

// systemOrAdmin allows headless operations (zero or system actor: whoever
// runs the command already holds the file) and a logged-in Admin.
func systemOrAdmin(a domain.Actor) error {
	if a.IsZero() {
		return nil
	}
	return domain.CanBackup(a)
}

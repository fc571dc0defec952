package store

import (
	"context"
	"fmt"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// AllEmployees returns every profile the actor may view, ordered by id, in
// one read transaction: the Pengingat, DUK, nominatif and statistik screens
// need whole profiles (birth dates, TMTs), not just list rows.
func (s *Store) AllEmployees(ctx context.Context) ([]domain.Employee, error) {
	var out []domain.Employee
	err := s.read(ctx, "all employees", needLogin, func(tx *bolt.Tx, a domain.Actor) error {
		b := tx.Bucket(bucketEmployees)
		if b == nil {
			return nil
		}
		f, err := s.newViewFilter(tx, a) // the same rule as ListRows: this year's atasan map for a Penilai
		if err != nil {
			return err
		}
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			e, err := decodeEmployee(v)
			if err != nil {
				id, _ := parseID(k)
				return corrupt("pegawai", id, fmt.Errorf("decode: %w", err))
			}
			e.ID, _ = parseID(k)
			if ok, err := f.allows(domain.RowOf(e)); err != nil {
				return err
			} else if ok {
				out = append(out, e)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

package store

import (
	"context"
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
)

// DemoAccountIDs returns the ids of the demo office's demo logins by user
// name, so that the demo's merit team can name them. Only the demo office
// answers; a real office gets an empty map.
func (s *Store) DemoAccountIDs(ctx context.Context) (map[string]uint64, error) {
	out := map[string]uint64{}
	err := s.view(ctx, "demo account ids", func(tx *bolt.Tx) error {
		if checkDemoMeritOffice(tx) != nil {
			return nil // not the demo office: nothing to name
		}
		b := tx.Bucket(bucketAcctName)
		if b == nil {
			return nil
		}
		for _, d := range demoSpecs {
			if v := b.Get([]byte(d.username)); len(v) == 8 {
				out[d.username] = binary.BigEndian.Uint64(v)
			}
		}
		return nil
	})
	return out, err
}

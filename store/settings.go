package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// settingsRec is the stored form of domain.CareerSettings: the settings
// as encoding/json writes them, inside a versioned envelope.
type settingsRec struct {
	V      int             `json:"v"`
	Career json.RawMessage `json:"career"`
}

func encodeSettings(s domain.CareerSettings) ([]byte, error) {
	career, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	return json.Marshal(settingsRec{V: settingsRecV, Career: career})
}

func decodeSettings(v []byte) (domain.CareerSettings, error) {
	var r settingsRec
	if err := json.Unmarshal(v, &r); err != nil {
		return domain.CareerSettings{}, err
	}
	if r.V < 1 || r.V > settingsRecV {
		return domain.CareerSettings{}, fmt.Errorf("unknown settings record version %d", r.V)
	}
	var s domain.CareerSettings
	if err := json.Unmarshal(r.Career, &s); err != nil {
		return domain.CareerSettings{}, err
	}
	return s, nil
}

// readSettings returns the stored settings, or the defaults when none
// were ever saved.
func readSettings(tx *bolt.Tx) (domain.CareerSettings, error) {
	if b := tx.Bucket(bucketSettings); b != nil {
		if v := b.Get(settingsCareer); v != nil {
			s, err := decodeSettings(v)
			if err != nil {
				return domain.CareerSettings{}, corrupt("pengaturan", 0, err)
			}
			return s, nil
		}
	}
	return domain.DefaultCareerSettings(), nil
}

// Settings returns the office's career settings (KP periods, reminder
// window, cuti bersama per year, the editable reference tables):
// domain.DefaultCareerSettings until SaveSettings is first called. Like
// Units it needs no login: settings hold no personal data.
func (s *Store) Settings(ctx context.Context) (domain.CareerSettings, error) {
	var out domain.CareerSettings
	err := s.view(ctx, "settings", func(tx *bolt.Tx) error {
		var err error
		out, err = readSettings(tx)
		return err
	})
	if err != nil {
		return domain.CareerSettings{}, err
	}
	return out, nil
}

// SaveSettings replaces the career settings. Admin only
// (domain.CanManageOffice); audited with the changed top-level settings.
func (s *Store) SaveSettings(ctx context.Context, set domain.CareerSettings) error {
	return s.write(ctx, "save settings", domain.CanManageOffice, func(tx *bolt.Tx, a domain.Actor) error {
		if err := validateSettings(set); err != nil {
			return err
		}
		old, err := readSettings(tx)
		if err != nil {
			return err
		}
		b, err := bucket(tx, bucketSettings)
		if err != nil {
			return err
		}
		v, err := encodeSettings(set)
		if err != nil {
			return err
		}
		if err := b.Put(settingsCareer, v); err != nil {
			return err
		}
		return appendAudit(tx, a, s.stamp(), domain.AuditEntry{Action: domain.ActionUpdate, Entity: EntitySettings,
			Summary: diffSettings(old, set)})
	})
}

// diffSettings names the top-level settings that changed, with their new
// JSON value (shortened by appendAudit).
func diffSettings(old, new domain.CareerSettings) []string {
	fields := func(s domain.CareerSettings) map[string]json.RawMessage {
		m := map[string]json.RawMessage{}
		if b, err := json.Marshal(s); err == nil {
			_ = json.Unmarshal(b, &m)
		}
		return m
	}
	a, b := fields(old), fields(new)
	keys := make([]string, 0, len(b))
	for k := range b {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		if !bytes.Equal(a[k], b[k]) {
			out = append(out, k+": "+string(b[k]))
		}
	}
	return out
}

package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"asndesk/domain"

	bolt "go.etcd.io/bbolt"
)

// Entities named in audit entries.
const (
	EntityEmployee = "pegawai"
	EntityUnit     = "unit"
	EntityAccount  = "akun"
	EntityOffice   = "kantor"
	EntityDatabase = "database"
	EntityRiwayat  = "riwayat"
	EntityAtasan   = "peta atasan"
	EntitySettings = "pengaturan"
)

// auditRec is the stored form of domain.AuditEntry.
type auditRec struct {
	V         int       `json:"v"`
	ID        uint64    `json:"id"`
	Time      time.Time `json:"time"`
	AccountID uint64    `json:"account_id,omitempty"`
	Account   string    `json:"account"`
	Action    string    `json:"action"`
	Entity    string    `json:"entity,omitempty"`
	EntityID  uint64    `json:"entity_id,omitempty"`
	Employee  uint64    `json:"employee_id,omitempty"`
	Summary   []string  `json:"summary,omitempty"`
}

func encodeAudit(e domain.AuditEntry) ([]byte, error) {
	return json.Marshal(auditRec{V: auditRecV, ID: e.ID, Time: e.Time, AccountID: e.AccountID, Account: e.Account,
		Action: e.Action, Entity: e.Entity, EntityID: e.EntityID, Employee: e.Employee, Summary: e.Summary})
}

func decodeAudit(v []byte) (domain.AuditEntry, error) {
	var r auditRec
	if err := json.Unmarshal(v, &r); err != nil {
		return domain.AuditEntry{}, err
	}
	if r.V < 1 || r.V > auditRecV {
		return domain.AuditEntry{}, fmt.Errorf("unknown audit record version %d", r.V)
	}
	return domain.AuditEntry{ID: r.ID, Time: r.Time, AccountID: r.AccountID, Account: r.Account, Action: r.Action,
		Entity: r.Entity, EntityID: r.EntityID, Employee: r.Employee, Summary: r.Summary}, nil
}

// maxSummaryLine bounds one summary line; DiffEmployee already shortens
// values, this is the backstop for anything else.
const maxSummaryLine = 300

// appendAudit appends e to the audit trail inside tx, the transaction of
// the change it describes: if the change rolls back, so does its entry. It
// sets the id (the audit bucket's next sequence), the time (now) and the
// account (actor). Entries are never edited or deleted afterwards.
//
// The caller must not put passwords, hashes or file contents in Summary.
func appendAudit(tx *bolt.Tx, actor domain.Actor, now time.Time, e domain.AuditEntry) error {
	if e.Action == "" {
		return errors.New("audit entry without action")
	}
	b, err := bucket(tx, bucketAudit)
	if err != nil {
		return err
	}
	if e.ID, err = b.NextSequence(); err != nil {
		return err
	}
	e.Time = now.Round(0)
	e.AccountID = actor.AccountID
	e.Account = cleanText(actor.Label(), 64)
	if len(e.Summary) > 0 {
		sum := make([]string, len(e.Summary))
		for i, l := range e.Summary {
			sum[i] = cleanText(l, maxSummaryLine)
		}
		e.Summary = sum
	}
	v, err := encodeAudit(e)
	if err != nil {
		return err
	}
	b.FillPercent = 1 // keys only ever grow
	return b.Put(idKey(e.ID), v)
}

// cleanText makes s valid UTF-8 (JSON would otherwise replace bytes
// silently) and at most n runes long. Control characters are kept as
// typed: screens render them inert.
func cleanText(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) > n {
		s = string([]rune(s)[:n-1]) + "…"
	}
	return s
}

// AuditFilter narrows Audit. Zero fields do not filter. The time range is
// From ≤ Time < To.
type AuditFilter struct {
	From, To  time.Time
	AccountID uint64 // who acted
	Entity    string // one of the Entity* constants
	Employee  uint64 // the employee concerned
	Limit     int    // at most this many entries; 0 = all
}

func (f AuditFilter) match(e domain.AuditEntry) bool {
	switch {
	case !f.From.IsZero() && e.Time.Before(f.From):
		return false
	case !f.To.IsZero() && !e.Time.Before(f.To):
		return false
	case f.AccountID != 0 && e.AccountID != f.AccountID:
		return false
	case f.Entity != "" && e.Entity != f.Entity:
		return false
	case f.Employee != 0 && e.Employee != f.Employee:
		return false
	}
	return true
}

// Audit returns the entries of the riwayat perubahan that match f, newest
// first. Only Admin and Pimpinan (and system actors) may read it.
func (s *Store) Audit(ctx context.Context, f AuditFilter) ([]domain.AuditEntry, error) {
	out := []domain.AuditEntry{}
	err := s.read(ctx, "audit", domain.CanViewAudit, func(tx *bolt.Tx, _ domain.Actor) error {
		b := tx.Bucket(bucketAudit)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		n := 0
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			if n++; n%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			id, _ := parseID(k)
			e, err := decodeAudit(v)
			if err != nil {
				return corrupt("riwayat perubahan", id, err)
			}
			e.ID = id
			if !f.match(e) {
				continue
			}
			out = append(out, e)
			if f.Limit > 0 && len(out) >= f.Limit {
				break
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

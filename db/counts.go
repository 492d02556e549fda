package db

import (
	"context"
	"fmt"
)

// Counts are the sizes of the main tables, for summaries.
type Counts struct {
	Stores      int `json:"stores"`
	Salespeople int `json:"salespeople"`
	Customers   int `json:"customers"`
	Purchases   int `json:"purchases"`
	LineItems   int `json:"line_items"`
	Contacts    int `json:"contacts"`
	FollowUps   int `json:"followups_open"`
	Events      int `json:"events"`
	Invitations int `json:"invitations"`
	OpenCases   int `json:"cases_open"`
	KeyDates    int `json:"key_dates"`
}

// Counts counts the rows of the main tables.
func (s *Store) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	for _, q := range []struct {
		sql string
		dst *int
	}{
		{"SELECT count(*) FROM stores", &c.Stores},
		{"SELECT count(*) FROM salespeople", &c.Salespeople},
		{"SELECT count(*) FROM customers", &c.Customers},
		{"SELECT count(*) FROM purchases", &c.Purchases},
		{"SELECT count(*) FROM purchase_items", &c.LineItems},
		{"SELECT count(*) FROM contacts", &c.Contacts},
		{"SELECT count(*) FROM follow_ups WHERE status = 'open'", &c.FollowUps},
		{"SELECT count(*) FROM events", &c.Events},
		{"SELECT count(*) FROM invitations", &c.Invitations},
		{"SELECT count(*) FROM cases WHERE status <> 'closed'", &c.OpenCases},
		{"SELECT count(*) FROM key_dates", &c.KeyDates},
	} {
		if err := s.db.QueryRowContext(ctx, q.sql).Scan(q.dst); err != nil {
			return c, fmt.Errorf("count: %w", err)
		}
	}
	return c, nil
}

// IsDemo reports whether the database was written by the demo generator.
func (s *Store) IsDemo(ctx context.Context) (bool, error) {
	v, err := getMeta(ctx, s.db, "demo")
	return v == "1", err
}

// MarkDemo flags the database as a demo store, which the demo command may overwrite.
func (s *Store) MarkDemo(ctx context.Context) error {
	return setMeta(ctx, s.db, "demo", "1")
}

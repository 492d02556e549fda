package db

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/rules"
)

var (
	_ domain.GroupStore = (*Store)(nil)
	_ rules.FactsSource = (*Store)(nil)
)

// SaveGroup checks the group's rule and saves it under its name (a group
// of the same name is replaced).
func (s *Store) SaveGroup(ctx context.Context, g *domain.Group) error {
	g.Name, g.Rule = strings.TrimSpace(g.Name), strings.TrimSpace(g.Rule)
	p := &domain.ValidationError{}
	if g.Name == "" {
		p.Problems = append(p.Problems, &domain.FieldError{Entity: "group", Field: "name", Code: domain.CodeRequired})
	}
	if _, err := rules.Parse(g.Rule); err != nil {
		p.Problems = append(p.Problems, &domain.FieldError{Entity: "group", Field: "rule", Code: domain.CodeInvalid, Value: g.Rule, Detail: err.Error()})
	}
	if len(p.Problems) > 0 {
		return p
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		now := timeArg(s.now())
		return tx.QueryRowContext(ctx, `INSERT INTO groups (name, rule, created_at, updated_at) VALUES (?,?,?,?)
			ON CONFLICT (name) DO UPDATE SET rule=excluded.rule, updated_at=excluded.updated_at RETURNING id`,
			g.Name, g.Rule, now, now).Scan(&g.ID)
	})
}

// Groups lists the saved groups by name.
func (s *Store) Groups(ctx context.Context) ([]domain.Group, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, name, rule FROM groups ORDER BY name")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Group
	for rows.Next() {
		var g domain.Group
		if err := rows.Scan(&g.ID, &g.Name, &g.Rule); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// GroupByName finds a saved group (names are case-insensitive).
func (s *Store) GroupByName(ctx context.Context, name string) (*domain.Group, error) {
	var g domain.Group
	err := s.db.QueryRowContext(ctx, "SELECT id, name, rule FROM groups WHERE name = ?", strings.TrimSpace(name)).Scan(&g.ID, &g.Name, &g.Rule)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.NotFound("group", name)
	}
	return &g, err
}

// DeleteGroup removes a saved group.
func (s *Store) DeleteGroup(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM groups WHERE id=?", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.NotFound("group", id)
		}
		return nil
	})
}

// RuleFacts reads what rules can see of every customer (or one owner's)
// with four queries: the customers with their owner and store names, all
// tags, all key dates, and the open cases per customer. The spend and count
// of the window are the RFM columns of the last segmentation pass.
func (s *Store) RuleFacts(ctx context.Context, ownerID int64) ([]rules.Facts, error) {
	q := `SELECT c.id, c.class, c.source, coalesce(sp.name, ''), coalesce(st.name, ''), c.do_not_contact, c.gender, c.value_type,
			c.purchase_count, c.monetary, c.frequency, c.total_spend, c.last_purchase_on, c.last_contact_on, c.created_on,
			c.completeness, c.first_purchase_on, c.avg_interval_days
		FROM customers c LEFT JOIN salespeople sp ON sp.id = c.owner_id LEFT JOIN stores st ON st.id = c.store_id`
	var args []any
	if ownerID != 0 {
		q += " WHERE c.owner_id = ?"
		args = append(args, ownerID)
	}
	rows, err := s.db.QueryContext(ctx, q+" ORDER BY c.value_rank DESC, c.id", args...)
	if err != nil {
		return nil, err
	}
	var out []rules.Facts
	index := map[int64]int{}
	today := s.Today()
	for rows.Next() {
		var f rules.Facts
		var class, source, gender, value string
		var dnc int
		var st domain.CustomerStats
		if err := rows.Scan(&f.ID, &class, &source, &f.OwnerName, &f.StoreName, &dnc, &gender, &value, &f.PurchaseCount,
			&f.Spend365, &f.Count365, &f.TotalSpend, nDate{&f.LastPurchase}, nDate{&f.LastContact}, nDate{&f.Created},
			&f.Completeness, nDate{&st.FirstPurchase}, &st.AvgIntervalDays); err != nil {
			rows.Close()
			return nil, err
		}
		f.Class, f.Source, f.Gender, f.ValueType, f.DoNotContact = domain.Class(class), domain.Source(source),
			domain.Gender(gender), domain.ValueType(value), dnc != 0
		st.PurchaseCount, st.LastPurchase = f.PurchaseCount, f.LastPurchase
		f.Stage = s.segment.StageOf(st, today)
		index[f.ID] = len(out)
		out = append(out, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := eachRow(ctx, s.db, "SELECT customer_id, tag FROM customer_tags ORDER BY customer_id, position", func(r *sql.Rows) error {
		var id int64
		var tag string
		if err := r.Scan(&id, &tag); err != nil {
			return err
		}
		if i, ok := index[id]; ok {
			out[i].Tags = append(out[i].Tags, tag)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := eachRow(ctx, s.db, "SELECT customer_id, id, kind, label, calendar, year, month, day, leap FROM key_dates ORDER BY id", func(r *sql.Rows) error {
		var id int64
		var k domain.KeyDate
		var kind, cal string
		var leap int
		if err := r.Scan(&id, &k.ID, &kind, &k.Label, &cal, &k.Year, &k.Month, &k.Day, &leap); err != nil {
			return err
		}
		k.Kind, k.Calendar, k.Leap = domain.KeyDateKind(kind), domain.Calendar(cal), leap != 0
		if i, ok := index[id]; ok {
			out[i].KeyDates = append(out[i].KeyDates, k)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	err = eachRow(ctx, s.db, "SELECT customer_id, count(*) FROM cases WHERE status <> 'closed' GROUP BY customer_id", func(r *sql.Rows) error {
		var id int64
		var n int
		if err := r.Scan(&id, &n); err != nil {
			return err
		}
		if i, ok := index[id]; ok {
			out[i].OpenCases = n
		}
		return nil
	})
	return out, err
}

// eachRow runs a query and calls fn for every row.
func eachRow(ctx context.Context, q queryer, query string, fn func(*sql.Rows) error, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

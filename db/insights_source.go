package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/insights"
)

// The rest of insights.Source: each a pass over one of the indexes of
// schema v4 (purchases_sales, purchases_on, purchases_salesperson,
// contacts_salesperson), so that at 946,000 purchases and 2.1 million
// contacts no report reads table rows it does not need.

// SaleDays returns every customer with a sale in [from, to] and their sale
// days there, with their owner.
func (s *Store) SaleDays(ctx context.Context, from, to domain.Date) ([]insights.SaleDays, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT g.customer_id, coalesce(c.owner_id, 0), g.days FROM (
			SELECT customer_id, group_concat(on_date) AS days FROM purchases INDEXED BY purchases_sales
			WHERE is_return = 0 AND on_date BETWEEN ? AND ? GROUP BY customer_id) g
		JOIN customers c ON c.id = g.customer_id`, dateArg(from), dateArg(to))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []insights.SaleDays
	for rows.Next() {
		var r insights.SaleDays
		var days string
		if err := rows.Scan(&r.CustomerID, &r.OwnerID, &days); err != nil {
			return nil, err
		}
		if r.Days, err = parseDays(days); err != nil {
			return nil, fmt.Errorf("customer %d: %w", r.CustomerID, err)
		}
		sortDays(r.Days)
		out = append(out, r)
	}
	return out, rows.Err()
}

// promotionKinds are the event kinds whose days make every sale a
// promotion sale (促销), whether or not the sale names the event.
var promotionKinds = []domain.EventKind{domain.EventPromotion, domain.EventHolidaySale}

// SalesSplit sums the sales of [from, to] per salesperson — the sale's, or
// for a sale without one the customer's owner — and per daily or
// promotion: a sale is a promotion sale when it names an event or is made
// on a day of a promotion or holiday sale.
func (s *Store) SalesSplit(ctx context.Context, from, to domain.Date) ([]insights.SalesRow, error) {
	promo, err := s.promotionDays(ctx, from, to)
	if err != nil {
		return nil, err
	}
	sums := map[[2]int64]*insights.SalesRow{} // salesperson, promotion
	add := func(day domain.Date, sp int64, named bool, n int, amount domain.Money) {
		isPromo := named || promo[day]
		k := [2]int64{sp, 0}
		if isPromo {
			k[1] = 1
		}
		r := sums[k]
		if r == nil {
			r = &insights.SalesRow{SalespersonID: sp, Promotion: isPromo}
			sums[k] = r
		}
		r.Count += n
		r.Amount += amount
	}
	// Sales with a salesperson: grouped in the index's own order, no sort.
	err = s.eachSalesGroup(ctx, `SELECT on_date, salesperson_id, event_id IS NOT NULL, count(*) FILTER (WHERE is_return = 0), sum(amount)
		FROM purchases INDEXED BY purchases_on WHERE on_date BETWEEN ? AND ? AND salesperson_id IS NOT NULL
		GROUP BY on_date, salesperson_id, event_id`, from, to, add)
	if err != nil {
		return nil, err
	}
	err = s.eachSalesGroup(ctx, `SELECT p.on_date, coalesce(c.owner_id, 0), p.event_id IS NOT NULL, count(*) FILTER (WHERE p.is_return = 0), sum(p.amount)
		FROM purchases p INDEXED BY purchases_on JOIN customers c ON c.id = p.customer_id
		WHERE p.on_date BETWEEN ? AND ? AND p.salesperson_id IS NULL GROUP BY 1, 2, 3`, from, to, add)
	if err != nil {
		return nil, err
	}
	out := make([]insights.SalesRow, 0, len(sums))
	for _, r := range sums {
		out = append(out, *r)
	}
	return out, nil
}

func (s *Store) eachSalesGroup(ctx context.Context, q string, from, to domain.Date, add func(domain.Date, int64, bool, int, domain.Money)) error {
	rows, err := s.db.QueryContext(ctx, q, dateArg(from), dateArg(to))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var day domain.Date
		var sp int64
		var named bool
		var n int
		var amount domain.Money
		if err := rows.Scan(nDate{&day}, &sp, &named, &n, &amount); err != nil {
			return err
		}
		add(day, sp, named, n, amount)
	}
	return rows.Err()
}

// promotionDays returns the days of [from, to] on which a promotion or
// holiday sale runs.
func (s *Store) promotionDays(ctx context.Context, from, to domain.Date) (map[domain.Date]bool, error) {
	kinds, _ := json.Marshal(promotionKinds)
	rows, err := s.db.QueryContext(ctx, `SELECT starts_on, ends_on FROM events
		WHERE kind IN (SELECT value FROM json_each(?)) AND ends_on >= ? AND starts_on <= ?`, string(kinds), dateArg(from), dateArg(to))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	days := map[domain.Date]bool{}
	for rows.Next() {
		var a, b domain.Date
		if err := rows.Scan(nDate{&a}, nDate{&b}); err != nil {
			return nil, err
		}
		for d := domain.MaxDate(a, from); !d.After(b) && !d.After(to); d = d.AddDays(1) {
			days[d] = true
		}
	}
	return days, rows.Err()
}

// DailyWork returns, per day of [from, to] with anything in it, the
// contacts logged, the net sales and the agenda's size and items done of
// one salesperson (0: the whole store). Contacts and sales without a
// salesperson count for the customer's owner.
func (s *Store) DailyWork(ctx context.Context, salespersonID int64, from, to domain.Date) ([]insights.WorkDay, error) {
	days := map[domain.Date]*insights.WorkDay{}
	at := func(d domain.Date) *insights.WorkDay {
		w := days[d]
		if w == nil {
			w = &insights.WorkDay{Day: d}
			days[d] = w
		}
		return w
	}
	contacts := func(w *insights.WorkDay, n int64) { w.Contacts += int(n) }
	sales := func(w *insights.WorkDay, n int64) { w.Sales += domain.Money(n) }
	args := []any{dateArg(from), dateArg(to), salespersonID}
	queries := []dayQuery{
		{"SELECT on_date, count(*) FROM contacts WHERE on_date BETWEEN ?1 AND ?2 AND ?3 = 0 GROUP BY on_date", contacts},
		{"SELECT on_date, sum(amount) FROM purchases INDEXED BY purchases_on WHERE on_date BETWEEN ?1 AND ?2 AND ?3 = 0 GROUP BY on_date", sales},
	}
	if salespersonID != 0 {
		queries = []dayQuery{
			{"SELECT on_date, count(*) FROM contacts INDEXED BY contacts_salesperson WHERE salesperson_id = ?3 AND on_date BETWEEN ?1 AND ?2 GROUP BY on_date", contacts},
			{`SELECT k.on_date, count(*) FROM contacts k INDEXED BY contacts_salesperson JOIN customers c ON c.id = k.customer_id
				WHERE k.salesperson_id IS NULL AND k.on_date BETWEEN ?1 AND ?2 AND c.owner_id = ?3 GROUP BY k.on_date`, contacts},
			{"SELECT on_date, sum(amount) FROM purchases INDEXED BY purchases_salesperson WHERE salesperson_id = ?3 AND on_date BETWEEN ?1 AND ?2 GROUP BY on_date", sales},
			{`SELECT p.on_date, sum(p.amount) FROM purchases p INDEXED BY purchases_salesperson JOIN customers c ON c.id = p.customer_id
				WHERE p.salesperson_id IS NULL AND p.on_date BETWEEN ?1 AND ?2 AND c.owner_id = ?3 GROUP BY p.on_date`, sales},
		}
	}
	for _, q := range queries {
		if err := s.eachDayCount(ctx, q.q, args, func(d domain.Date, n int64) { q.set(at(d), n) }); err != nil {
			return nil, err
		}
	}
	if err := s.agendaDays(ctx, salespersonID, from, to, at); err != nil {
		return nil, err
	}
	out := make([]insights.WorkDay, 0, len(days))
	for d := from; !d.After(to); d = d.AddDays(1) {
		if w := days[d]; w != nil {
			out = append(out, *w)
		}
	}
	return out, nil
}

// dayQuery is a query answering (day, figure) rows and where the figure goes.
type dayQuery struct {
	q   string
	set func(w *insights.WorkDay, n int64)
}

func (s *Store) eachDayCount(ctx context.Context, q string, args []any, fn func(domain.Date, int64)) error {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var d domain.Date
		var n int64
		if err := rows.Scan(nDate{&d}, &n); err != nil {
			return err
		}
		fn(d, n)
	}
	return rows.Err()
}

// agendaDays adds the recorded agenda sizes. For the store (0) a day's
// figure is the sum of the salespeople's agendas, or the store-wide agenda
// when that was the only one built that day.
func (s *Store) agendaDays(ctx context.Context, salespersonID int64, from, to domain.Date, at func(domain.Date) *insights.WorkDay) error {
	q := `SELECT day, items, done FROM agenda_days WHERE salesperson_id = ?3 AND day BETWEEN ?1 AND ?2`
	if salespersonID == 0 {
		q = `SELECT day,
				CASE WHEN count(*) FILTER (WHERE salesperson_id <> 0) > 0 THEN sum(items) FILTER (WHERE salesperson_id <> 0) ELSE sum(items) END,
				CASE WHEN count(*) FILTER (WHERE salesperson_id <> 0) > 0 THEN sum(done) FILTER (WHERE salesperson_id <> 0) ELSE sum(done) END
			FROM agenda_days WHERE day BETWEEN ?1 AND ?2 AND ?3 = 0 GROUP BY day`
	}
	rows, err := s.db.QueryContext(ctx, q, dateArg(from), dateArg(to), salespersonID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var d domain.Date
		var items, done int
		if err := rows.Scan(nDate{&d}, &items, &done); err != nil {
			return err
		}
		w := at(d)
		w.Items, w.Done = items, done
	}
	return rows.Err()
}

// RecordAgendaDay keeps the size of a day's agenda (done + still open) and
// how many items are done, for the completion figures. It writes only
// when the figures changed: two open apps reload on each other's writes,
// and an unconditional write would have them wake each other for ever.
// It reports whether it wrote.
func (s *Store) RecordAgendaDay(ctx context.Context, day domain.Date, salespersonID int64, items, done int) (bool, error) {
	var oldItems, oldDone int
	err := s.db.QueryRowContext(ctx, "SELECT items, done FROM agenda_days WHERE day = ? AND salesperson_id = ?", dateArg(day), salespersonID).
		Scan(&oldItems, &oldDone)
	if err == nil && oldItems == items && oldDone == done {
		return false, nil
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO agenda_days (day, salesperson_id, items, done, updated_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (day, salesperson_id) DO UPDATE SET items = excluded.items, done = excluded.done, updated_at = excluded.updated_at`,
			dateArg(day), salespersonID, items, done, timeArg(s.now()))
		return err
	})
	return err == nil, err
}

// ImportantCoverage counts the important customers of a salesperson (0:
// the store) by today's classes, and those of them with a contact in
// [since, asOf].
func (s *Store) ImportantCoverage(ctx context.Context, salespersonID int64, since, asOf domain.Date) (important, contacted int, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE EXISTS (
			SELECT 1 FROM contacts k WHERE k.customer_id = c.id AND k.on_date BETWEEN ?1 AND ?2))
		FROM customers c WHERE c.class = 'important' AND (?3 = 0 OR c.owner_id = ?3)`,
		dateArg(since), dateArg(asOf), salespersonID).Scan(&important, &contacted)
	return important, contacted, err
}

// LastSaleDays returns the last sale day on or before asOf of each of ids
// that has one.
func (s *Store) LastSaleDays(ctx context.Context, ids []int64, asOf domain.Date) (map[int64]domain.Date, error) {
	out := map[int64]domain.Date{}
	if len(ids) == 0 {
		return out, nil
	}
	raw, _ := json.Marshal(ids)
	rows, err := s.db.QueryContext(ctx, `SELECT customer_id, max(on_date) FROM purchases INDEXED BY purchases_sales
		WHERE is_return = 0 AND on_date <= ? AND customer_id IN (SELECT value FROM json_each(?)) GROUP BY customer_id`,
		dateArg(asOf), string(raw))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var d domain.Date
		if err := rows.Scan(&id, nDate{&d}); err != nil {
			return nil, err
		}
		out[id] = d
	}
	return out, rows.Err()
}

var _ insights.Source = (*Store)(nil)

// CustomerCounts returns the number of customers per owner (0: none).
func (s *Store) CustomerCounts(ctx context.Context) (map[int64]int, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT coalesce(owner_id, 0), count(*) FROM customers GROUP BY 1")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] += n
	}
	return out, rows.Err()
}

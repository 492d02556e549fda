package db

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/insights"
)

// CustomerFigures reads every customer's purchase figures as of asOf, with
// frequency and spend over the windowDays days ending on asOf. Purchases
// after asOf are left out, so a past day reads as it was.
//
// For today, when the segmentation pass ran today and no purchase is dated
// later, the figures are the customers' kept columns (150 ms at 100,000
// customers); any other day takes one grouped pass over the purchases
// (1.2 s at 946,000 purchases). TestCustomerFigures_KeptColumnsMatchPurchases
// checks that both ways agree.
func (s *Store) CustomerFigures(ctx context.Context, asOf domain.Date, windowDays int) ([]insights.Figures, error) {
	var out []insights.Figures
	err := s.EachCustomerFigures(ctx, asOf, windowDays, func(f *insights.Figures) error {
		out = append(out, *f)
		return nil
	})
	return out, err
}

// EachCustomerFigures gives fn every customer's figures as CustomerFigures
// has them, one at a time, in id order. Today's come straight off the
// kept columns, so that 100,000 customers' figures (21 MB) never sit in
// memory at once; fn must not use the store (the query is still open).
func (s *Store) EachCustomerFigures(ctx context.Context, asOf domain.Date, windowDays int, fn func(*insights.Figures) error) error {
	if ok, err := s.keptFiguresHold(ctx, asOf, windowDays); err != nil {
		return err
	} else if ok {
		return s.keptFigures(ctx, fn)
	}
	figs, err := s.figuresFromPurchases(ctx, asOf, windowDays)
	if err != nil {
		return err
	}
	for i := range figs {
		if err := fn(&figs[i]); err != nil {
			return err
		}
	}
	return nil
}

// keptFiguresHold reports whether the kept columns are the figures as of
// asOf: it is today, today's segmentation pass ran with the same window
// and nothing is dated after today.
func (s *Store) keptFiguresHold(ctx context.Context, asOf domain.Date, windowDays int) (bool, error) {
	if asOf != s.Today() || windowDays != s.segment.WindowDays {
		return false, nil
	}
	passed, err := s.SegmentsAsOf(ctx)
	if err != nil || passed != asOf {
		return false, err
	}
	var later bool
	err = s.db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM purchases WHERE on_date > ?)", dateArg(asOf)).Scan(&later)
	return !later, err
}

// figuresSlice is an empty slice with room for every customer: growing
// it by appending would copy 100,000 figures over and over (347 of the
// 186 MB a 100,000-customer RFM report allocated per run went there).
func (s *Store) figuresSlice(ctx context.Context) ([]insights.Figures, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM customers").Scan(&n); err != nil {
		return nil, err
	}
	return make([]insights.Figures, 0, n), nil
}

// keptFigures reads the figures from the customers' kept columns.
func (s *Store) keptFigures(ctx context.Context, fn func(*insights.Figures) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id, coalesce(external_id, ''), name, coalesce(owner_id, 0), purchase_count,
			first_purchase_on, last_purchase_on, avg_interval_days, frequency, monetary
		FROM customers ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var f insights.Figures
		if err := rows.Scan(&f.CustomerID, &f.ExternalID, &f.Name, &f.OwnerID, &f.Stats.PurchaseCount,
			nDate{&f.Stats.FirstPurchase}, nDate{&f.Stats.LastPurchase}, &f.Stats.AvgIntervalDays, &f.Frequency, &f.Monetary); err != nil {
			return err
		}
		if err := fn(&f); err != nil {
			return err
		}
	}
	return rows.Err()
}

// figuresFromPurchases sums the purchases up to asOf per customer: three
// passes in index order (customers; sales by customer and day with their
// amounts; returns), merged here. The sale days come as one string per
// customer, which is cheaper than counting distinct days in SQL.
func (s *Store) figuresFromPurchases(ctx context.Context, asOf domain.Date, windowDays int) ([]insights.Figures, error) {
	from := asOf.AddDays(-windowDays + 1)
	out, index, err := s.customerHeads(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT customer_id, group_concat(on_date), count(*) FILTER (WHERE on_date >= ?1),
			coalesce(sum(amount) FILTER (WHERE on_date >= ?1), 0)
		FROM purchases INDEXED BY purchases_sales WHERE is_return = 0 AND on_date <= ?2 GROUP BY customer_id`,
		dateArg(from), dateArg(asOf))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var days string
		var f insights.Figures
		if err := rows.Scan(&id, &days, &f.Frequency, &f.Monetary); err != nil {
			return nil, err
		}
		i, ok := index[id]
		if !ok {
			continue
		}
		if err := saleDayStats(days, &out[i].Stats); err != nil {
			return nil, fmt.Errorf("customer %d: %w", id, err)
		}
		out[i].Frequency, out[i].Monetary = f.Frequency, f.Monetary
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	rets, err := s.db.QueryContext(ctx, `SELECT customer_id, sum(amount) FROM purchases INDEXED BY purchases_returns
		WHERE is_return = 1 AND on_date BETWEEN ? AND ? GROUP BY customer_id`, dateArg(from), dateArg(asOf))
	if err != nil {
		return nil, err
	}
	defer rets.Close()
	for rets.Next() {
		var id int64
		var amount domain.Money
		if err := rets.Scan(&id, &amount); err != nil {
			return nil, err
		}
		if i, ok := index[id]; ok {
			out[i].Monetary += amount
		}
	}
	return out, rets.Err()
}

// customerHeads reads every customer's id, external id, name and owner,
// in id order, with each id's position.
func (s *Store) customerHeads(ctx context.Context) ([]insights.Figures, map[int64]int, error) {
	out, err := s.figuresSlice(ctx) // before the query: it must not wait for a second connection
	if err != nil {
		return nil, nil, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT id, coalesce(external_id, ''), name, coalesce(owner_id, 0) FROM customers ORDER BY id")
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	index := make(map[int64]int, cap(out))
	for rows.Next() {
		var f insights.Figures
		if err := rows.Scan(&f.CustomerID, &f.ExternalID, &f.Name, &f.OwnerID); err != nil {
			return nil, nil, err
		}
		index[f.CustomerID] = len(out)
		out = append(out, f)
	}
	return out, index, rows.Err()
}

// saleDayStats fills the purchase count, first and last sale and the mean
// interval between distinct sale days from a customer's sale days joined
// by ','. SQLite does not promise the order of group_concat, so the days
// are sorted when they are not already.
func saleDayStats(joined string, st *domain.CustomerStats) error {
	days, err := parseDays(joined)
	if err != nil {
		return err
	}
	sortDays(days)
	st.PurchaseCount = len(days)
	if len(days) == 0 {
		return nil
	}
	st.FirstPurchase, st.LastPurchase = days[0], days[len(days)-1]
	distinct := 1
	for i := 1; i < len(days); i++ {
		if days[i] != days[i-1] {
			distinct++
		}
	}
	if distinct > 1 {
		st.AvgIntervalDays = float64(st.LastPurchase.Sub(st.FirstPurchase)) / float64(distinct-1)
	}
	return nil
}

// parseDays reads days joined by ','.
func parseDays(joined string) ([]domain.Date, error) {
	if joined == "" {
		return nil, nil
	}
	out := make([]domain.Date, 0, strings.Count(joined, ",")+1)
	for part := range strings.SplitSeq(joined, ",") {
		d, err := domain.ParseDate(part)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// sortDays sorts days unless they already are: group_concat over an index
// gives them in order, but SQLite does not promise it.
func sortDays(days []domain.Date) {
	if !slices.IsSortedFunc(days, domain.Date.Compare) {
		slices.SortFunc(days, domain.Date.Compare)
	}
}

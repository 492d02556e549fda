package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// refreshCustomer recomputes one customer's derived columns from their own
// purchases and contacts (a handful of rows through the customer index) so
// that the figures are right after every write without ever drifting.
func (s *Store) refreshCustomer(ctx context.Context, q queryer, id int64) error {
	var st domain.CustomerStats
	var distinctDays int
	err := q.QueryRowContext(ctx, `SELECT
			count(*) FILTER (WHERE is_return = 0),
			count(*) FILTER (WHERE is_return = 1),
			coalesce(sum(amount), 0),
			min(on_date) FILTER (WHERE is_return = 0),
			max(on_date) FILTER (WHERE is_return = 0),
			count(DISTINCT on_date) FILTER (WHERE is_return = 0)
		FROM purchases WHERE customer_id = ?`, id).
		Scan(&st.PurchaseCount, &st.ReturnCount, &st.TotalSpend, nDate{&st.FirstPurchase}, nDate{&st.LastPurchase}, &distinctDays)
	if err != nil {
		return fmt.Errorf("customer %d figures: %w", id, err)
	}
	if st.PurchaseCount > 0 {
		err = q.QueryRowContext(ctx, `SELECT id FROM purchases WHERE customer_id = ? AND is_return = 0
			ORDER BY on_date DESC, at DESC, id DESC LIMIT 1`, id).Scan(&st.LastPurchaseID)
		if err != nil {
			return fmt.Errorf("customer %d last purchase: %w", id, err)
		}
	}
	if distinctDays > 1 {
		st.AvgIntervalDays = float64(st.LastPurchase.Sub(st.FirstPurchase)) / float64(distinctDays-1)
	}
	if err := q.QueryRowContext(ctx, "SELECT max(on_date) FROM contacts WHERE customer_id = ?", id).Scan(nDate{&st.LastContact}); err != nil {
		return fmt.Errorf("customer %d last contact: %w", id, err)
	}
	var marketing string
	if err := q.QueryRowContext(ctx, "SELECT coalesce(group_concat(on_date, ','), '') FROM ("+marketingDatesSQL+")", id).Scan(&marketing); err != nil {
		return fmt.Errorf("customer %d marketing contacts: %w", id, err)
	}
	today := s.Today()
	r := domain.RFM{}
	if st.PurchaseCount > 0 {
		from := today.AddDays(-s.segment.WindowDays + 1)
		err = q.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE is_return = 0), coalesce(sum(amount), 0)
			FROM purchases WHERE customer_id = ? AND on_date BETWEEN ? AND ?`, id, dateArg(from), dateArg(today)).
			Scan(&r.Frequency, &r.Monetary)
		if err != nil {
			return fmt.Errorf("customer %d rfm: %w", id, err)
		}
		r.RecencyDays = max(0, today.Sub(st.LastPurchase))
		if cuts, ok := s.cuts(ctx, q); ok {
			r = r.Score(cuts)
		}
	}
	class := domain.ClassOf(st.PurchaseCount, r)
	_, err = q.ExecContext(ctx, `UPDATE customers SET purchase_count=?, return_count=?, total_spend=?, first_purchase_on=?,
			last_purchase_on=?, last_purchase_id=?, avg_interval_days=?, last_contact_on=?, last_touch_on=?, dormant_on=?,
			recency_days=?, frequency=?, monetary=?, r_score=?, f_score=?, m_score=?, class=?, value_rank=?, marketing_dates=?
		WHERE id=?`,
		st.PurchaseCount, st.ReturnCount, int64(st.TotalSpend), dateArg(st.FirstPurchase), dateArg(st.LastPurchase),
		nullID(st.LastPurchaseID), st.AvgIntervalDays, dateArg(st.LastContact),
		dateArg(domain.MaxDate(st.LastPurchase, st.LastContact)), dateArg(s.segment.DormantOn(st)),
		recencyArg(st, r), r.Frequency, int64(r.Monetary), r.R, r.F, r.M, string(class), valueRank(class, r), marketing, id)
	return err
}

func recencyArg(st domain.CustomerStats, r domain.RFM) any {
	if st.PurchaseCount == 0 {
		return nil
	}
	return r.RecencyDays
}

// valueRank orders customers "most valuable first" with one indexed integer:
// the class first, then the sum of the RFM scores.
func valueRank(c domain.Class, r domain.RFM) int {
	return c.Rank()*100 + r.R + r.F + r.M
}

// refreshProfile stores the completeness meter of a customer just written.
func (s *Store) refreshProfile(ctx context.Context, q queryer, c *domain.Customer) error {
	pct, missing := completeness(c)
	_, err := q.ExecContext(ctx, "UPDATE customers SET completeness=?, missing=? WHERE id=?", pct, missing, c.ID)
	return err
}

// completeness returns the meter and the missing fields as stored.
func completeness(c *domain.Customer) (int, string) {
	pct, missing := domain.Completeness(c)
	names := make([]string, len(missing))
	for i, m := range missing {
		names[i] = string(m)
	}
	return pct, strings.Join(names, ",")
}

// cuts returns the store's RFM quintile cut points (meta "rfm_cuts") as of
// the last segmentation pass; ok is false before the first pass, when
// customers are left unscored (new / repeat only) rather than scored against
// cut points of zero, which would make every buyer "important".
func (s *Store) cuts(ctx context.Context, q queryer) (domain.RFMCuts, bool) {
	var cuts domain.RFMCuts
	raw, err := getMeta(ctx, q, "rfm_cuts")
	if err != nil || raw == "" {
		return cuts, false
	}
	return cuts, json.Unmarshal([]byte(raw), &cuts) == nil
}

func setMeta(ctx context.Context, q queryer, key, value string) error {
	_, err := q.ExecContext(ctx, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value", key, value)
	return err
}

func getMeta(ctx context.Context, q queryer, key string) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, "SELECT value FROM meta WHERE key=?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SegmentsAsOf returns the day of the last segmentation pass, or the zero date.
func (s *Store) SegmentsAsOf(ctx context.Context) (domain.Date, error) {
	v, err := getMeta(ctx, s.db, "segments_as_of")
	if err != nil || v == "" {
		return domain.Date{}, err
	}
	return domain.ParseDate(v)
}

// EnsureSegments runs the segmentation pass when the last one is more than
// tolerance days away from day. Classes move slowly: for today the pass runs
// once a day (tolerance 0); an agenda planned for another day accepts
// classes a few days off, so paging through days never recomputes the store,
// while a date far away (a demo built long ago) is scored as of that date.
// Writes keep each touched customer current in between.
func (s *Store) EnsureSegments(ctx context.Context, day domain.Date, tolerance int) error {
	asOf, err := s.SegmentsAsOf(ctx)
	if err != nil {
		return err
	}
	if d := day.Sub(asOf); !asOf.IsZero() && d <= tolerance && d >= -tolerance {
		return nil
	}
	return s.RefreshSegments(ctx, day)
}

// RefreshSegments recomputes every customer's RFM figures, scores, class and
// dormancy day as of day, in one transaction. It computes the store's quintile
// cuts first (domain.QuintileCuts) and writes only rows that changed.
func (s *Store) RefreshSegments(ctx context.Context, day domain.Date) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		c := newStmtCache(tx)
		defer c.close()
		return s.refreshSegments(ctx, c, day)
	})
}

// segmentRow is one customer as the segmentation pass reads it: the inputs
// and the values stored now, so that unchanged rows are not rewritten.
type segmentRow struct {
	id        int64
	stats     domain.CustomerStats
	rfm       domain.RFM // raw figures of the window
	class     string
	scores    [3]int // stored r, f, m
	frequency int64
	recency   int64 // -1 when NULL
	monetary  int64
	dormantOn domain.Date
}

// refreshSegments runs the pass inside the caller's transaction; the update
// statement is prepared once for up to 100,000 rows.
func (s *Store) refreshSegments(ctx context.Context, tx *stmtCache, day domain.Date) error {
	rows, err := s.segmentRows(ctx, tx, day)
	if err != nil {
		return err
	}
	var rs, fs, ms []int64
	for _, r := range rows {
		if r.stats.PurchaseCount > 0 {
			rs = append(rs, int64(r.rfm.RecencyDays))
			fs = append(fs, int64(r.rfm.Frequency))
			ms = append(ms, int64(r.rfm.Monetary))
		}
	}
	cuts := domain.RFMCuts{R: domain.QuintileCuts(rs), F: domain.QuintileCuts(fs), M: domain.QuintileCuts(ms)}
	for _, r := range rows {
		scored, recency := r.rfm, any(nil)
		if r.stats.PurchaseCount > 0 {
			scored = r.rfm.Score(cuts)
			recency = int64(scored.RecencyDays)
		}
		class := domain.ClassOf(r.stats.PurchaseCount, scored)
		dormant := s.segment.DormantOn(r.stats)
		oldRecency := any(nil)
		if r.recency >= 0 {
			oldRecency = r.recency
		}
		if string(class) == r.class && [3]int{scored.R, scored.F, scored.M} == r.scores && int64(scored.Frequency) == r.frequency &&
			recency == oldRecency && int64(scored.Monetary) == r.monetary && dormant == r.dormantOn {
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE customers SET recency_days=?, frequency=?, monetary=?, r_score=?,
				f_score=?, m_score=?, class=?, value_rank=?, dormant_on=? WHERE id=?`,
			recency, scored.Frequency, int64(scored.Monetary), scored.R, scored.F, scored.M,
			string(class), valueRank(class, scored), dateArg(dormant), r.id); err != nil {
			return err
		}
	}
	raw, _ := json.Marshal(cuts)
	if err := setMeta(ctx, tx, "rfm_cuts", string(raw)); err != nil {
		return err
	}
	return setMeta(ctx, tx, "segments_as_of", day.String())
}

// segmentRows reads every customer with their purchases in the RFM window
// ending on day (one grouped scan of the purchases-by-day index).
func (s *Store) segmentRows(ctx context.Context, q queryer, day domain.Date) ([]segmentRow, error) {
	from := day.AddDays(-s.segment.WindowDays + 1)
	rows, err := q.QueryContext(ctx, `SELECT c.id, c.purchase_count, c.last_purchase_on, c.first_purchase_on, c.avg_interval_days,
			coalesce(w.f, 0), coalesce(w.m, 0), c.class, c.r_score, c.f_score, c.m_score, c.frequency, coalesce(c.recency_days, -1),
			c.monetary, c.dormant_on
		FROM customers c LEFT JOIN (
			SELECT customer_id, count(*) FILTER (WHERE is_return = 0) AS f, sum(amount) AS m
			FROM purchases WHERE on_date BETWEEN ? AND ? GROUP BY customer_id) w ON w.customer_id = c.id`,
		dateArg(from), dateArg(day))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []segmentRow
	for rows.Next() {
		var r segmentRow
		if err := rows.Scan(&r.id, &r.stats.PurchaseCount, nDate{&r.stats.LastPurchase}, nDate{&r.stats.FirstPurchase},
			&r.stats.AvgIntervalDays, &r.rfm.Frequency, &r.rfm.Monetary, &r.class, &r.scores[0], &r.scores[1], &r.scores[2],
			&r.frequency, &r.recency, &r.monetary, nDate{&r.dormantOn}); err != nil {
			return nil, err
		}
		if r.stats.PurchaseCount > 0 {
			r.rfm.RecencyDays = max(0, day.Sub(r.stats.LastPurchase))
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// syncDerivedConfig recomputes the derived columns when the segment knobs
// differ from those they were computed with (the user edited the config).
func (s *Store) syncDerivedConfig(ctx context.Context) error {
	raw, _ := json.Marshal(s.segment)
	old, err := getMeta(ctx, s.db, "segment_config")
	if err != nil || old == string(raw) {
		return err
	}
	if old != "" {
		if err := s.RefreshSegments(ctx, s.Today()); err != nil {
			return err
		}
	}
	return setMeta(ctx, s.db, "segment_config", string(raw))
}

// marketingDatesSQL selects a customer's latest marketing contact days
// (the purposes of domain.Purpose.IsMarketing), newest first, at most
// agenda.MaxMarketingDates; the ? is the customer id.
var marketingDatesSQL = func() string {
	var quoted []string
	for _, p := range domain.MarketingPurposes() {
		quoted = append(quoted, "'"+string(p)+"'")
	}
	return fmt.Sprintf(`SELECT on_date FROM contacts WHERE customer_id = ? AND purpose IN (%s) ORDER BY on_date DESC LIMIT %d`,
		strings.Join(quoted, ", "), agenda.MaxMarketingDates)
}()

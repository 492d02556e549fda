package db

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// stmtCache runs writes through statements prepared once per transaction:
// bulk loads repeat the same few INSERTs millions of times.
type stmtCache struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (c *stmtCache) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, ok := c.stmts[query]
	if !ok {
		var err error
		if st, err = c.tx.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
		c.stmts[query] = st
	}
	return st.ExecContext(ctx, args...)
}

func (c *stmtCache) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return c.tx.QueryContext(ctx, query, args...)
}

func (c *stmtCache) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return c.tx.QueryRowContext(ctx, query, args...)
}

func newStmtCache(tx *sql.Tx) *stmtCache {
	return &stmtCache{tx: tx, stmts: map[string]*sql.Stmt{}}
}

func (c *stmtCache) close() {
	for _, st := range c.stmts {
		st.Close()
	}
}

// Bulk writes many records in one transaction — the demo generator and
// importers — validating each record like the single writes do, but
// recomputing the customers' figures once, set-based, at Commit. Nothing is
// visible to other connections until Commit; Rollback leaves the database
// as it was.
type Bulk struct {
	s     *Store
	ctx   context.Context
	conn  *sql.Conn // the connection the load runs on, released at its end
	tx    *sql.Tx
	cache *stmtCache
}

// BeginBulk starts a bulk load.
func (s *Store) BeginBulk(ctx context.Context) (*Bulk, error) {
	// Like every write, it waits out another process's transaction.
	// One connection of its own, with a bigger page cache while it lasts:
	// the load writes into large indexes.
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", bulkCacheKiB)); err != nil {
		conn.Close()
		return nil, err
	}
	tx, err := beginWrite(ctx, func() (*sql.Tx, error) { return conn.BeginTx(ctx, nil) })
	if err != nil {
		releaseBulkConn(conn)
		return nil, err
	}
	return &Bulk{s: s, ctx: ctx, conn: conn, tx: tx, cache: newStmtCache(tx)}, nil
}

// releaseBulkConn gives the connection back to the pool with the usual
// page cache (the bulk-sized one is freed).
func releaseBulkConn(conn *sql.Conn) {
	conn.ExecContext(context.Background(), fmt.Sprintf("PRAGMA cache_size = -%d", cacheKiB))
	conn.Close()
}

// Customer validates and inserts a customer (figures come at Commit).
func (b *Bulk) Customer(c *domain.Customer) error {
	c.Normalize()
	if c.CreatedOn.IsZero() {
		c.CreatedOn = b.s.Today()
	}
	if c.Salutation == "" {
		c.Salutation = domain.SuggestSalutation(c.Name, c.Gender)
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return b.s.insertCustomer(b.ctx, b.cache, c)
}

// Purchase validates and inserts a purchase with its lines.
func (b *Bulk) Purchase(p *domain.Purchase) error {
	b.s.fillTimes(&p.At, &p.On)
	if p.Channel == "" {
		p.Channel = domain.SaleOffline
	}
	if err := p.Validate(); err != nil {
		return err
	}
	return b.s.insertPurchase(b.ctx, b.cache, p)
}

// Contact validates and inserts a contact (and its follow-up).
func (b *Bulk) Contact(c *domain.Contact) error {
	b.s.fillTimes(&c.At, &c.On)
	if err := c.Validate(); err != nil {
		return err
	}
	_, err := b.s.insertContact(b.ctx, b.cache, c)
	return err
}

// Event validates and inserts an event.
func (b *Bulk) Event(e *domain.Event) error {
	if e.EndsAt.IsZero() {
		e.EndsAt = e.StartsAt
	}
	if err := e.Validate(); err != nil {
		return err
	}
	return b.s.insertEvent(b.ctx, b.cache, e)
}

// Invitation validates and inserts an invitation.
func (b *Bulk) Invitation(inv *domain.Invitation) error {
	if inv.Status == "" {
		inv.Status = domain.InvPlanned
	}
	if err := inv.Validate(); err != nil {
		return err
	}
	return b.s.insertInvitation(b.ctx, b.cache, inv)
}

// Case validates and inserts a service case with its steps.
func (b *Bulk) Case(c *domain.ServiceCase) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return b.s.insertCase(b.ctx, b.cache, c)
}

// FollowUp validates and inserts a follow-up.
func (b *Bulk) FollowUp(f *domain.FollowUp) error {
	if err := f.Validate(); err != nil {
		return err
	}
	return b.s.insertFollowUp(b.ctx, b.cache, f)
}

// Exec runs a statement inside the bulk transaction, for the few records
// without a bulk method (events, invitations, cases, states).
func (b *Bulk) Exec(query string, args ...any) (sql.Result, error) {
	return b.cache.ExecContext(b.ctx, query, args...)
}

// Commit recomputes every customer's figures and segments as of the
// store's today, then commits.
func (b *Bulk) Commit() error {
	defer releaseBulkConn(b.conn)
	defer b.cache.close()
	if err := refreshAllFigures(b.ctx, b.tx); err != nil {
		b.tx.Rollback()
		return fmt.Errorf("bulk figures: %w", err)
	}
	if err := b.s.refreshSegments(b.ctx, b.cache, b.s.Today()); err != nil {
		b.tx.Rollback()
		return fmt.Errorf("bulk segments: %w", err)
	}
	if err := b.tx.Commit(); err != nil {
		return err
	}
	b.s.wrote.Store(true)
	// Fresh statistics let the planner pick the run-out and key-date
	// indexes instead of walking every customer of a salesperson. The load
	// is committed by now: a failed ANALYZE (another process holding the
	// write lock) only leaves older statistics, so it is not an error.
	// On the load's own connection: asking the pool for another while
	// holding this one would wait for ever on a small pool.
	b.conn.ExecContext(b.ctx, "ANALYZE")
	return nil
}

// Rollback abandons the bulk load.
func (b *Bulk) Rollback() {
	b.cache.close()
	b.tx.Rollback()
	releaseBulkConn(b.conn)
}

// refreshAllFigures is refreshCustomer for every customer at once, in set
// form; RefreshSegments then fills the RFM scores, class and dormancy day.
func refreshAllFigures(ctx context.Context, q queryer) error {
	stmts := []string{
		`UPDATE customers SET purchase_count = 0, return_count = 0, total_spend = 0, first_purchase_on = NULL,
			last_purchase_on = NULL, last_purchase_id = NULL, avg_interval_days = 0`,
		`UPDATE customers SET purchase_count = a.cnt, return_count = a.ret, total_spend = a.spend,
			first_purchase_on = a.first_on, last_purchase_on = a.last_on,
			avg_interval_days = CASE WHEN a.days > 1 THEN (julianday(a.last_on) - julianday(a.first_on)) / (a.days - 1) ELSE 0 END
		FROM (SELECT customer_id,
				count(*) FILTER (WHERE is_return = 0) AS cnt,
				count(*) FILTER (WHERE is_return = 1) AS ret,
				sum(amount) AS spend,
				min(on_date) FILTER (WHERE is_return = 0) AS first_on,
				max(on_date) FILTER (WHERE is_return = 0) AS last_on,
				count(DISTINCT on_date) FILTER (WHERE is_return = 0) AS days
			FROM purchases GROUP BY customer_id) AS a
		WHERE a.customer_id = customers.id`,
		`UPDATE customers SET last_purchase_id = (SELECT p.id FROM purchases p WHERE p.customer_id = customers.id AND p.is_return = 0
			ORDER BY p.on_date DESC, p.at DESC, p.id DESC LIMIT 1) WHERE purchase_count > 0`,
		`UPDATE customers SET last_contact_on = (SELECT max(on_date) FROM contacts k WHERE k.customer_id = customers.id)`,
		`UPDATE customers SET marketing_dates = coalesce((SELECT group_concat(on_date, ',') FROM (` +
			strings.Replace(marketingDatesSQL, "customer_id = ?", "customer_id = customers.id", 1) + `)), '')`,
		`UPDATE customers SET last_touch_on = CASE
			WHEN last_contact_on IS NULL THEN last_purchase_on
			WHEN last_purchase_on IS NULL OR last_contact_on > last_purchase_on THEN last_contact_on
			ELSE last_purchase_on END`,
	}
	for _, st := range stmts {
		if _, err := q.ExecContext(ctx, st); err != nil {
			return err
		}
	}
	return nil
}

// State writes an item state (demo history, imports of done work).
func (b *Bulk) State(st agenda.ItemState) error {
	if err := st.Validate(); err != nil {
		return err
	}
	return b.s.saveState(b.ctx, b.cache, st)
}

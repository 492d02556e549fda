package db

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/crmtui/crmtui/domain"
)

// Exports read one consistent snapshot (a read-only transaction: writers in
// this and other processes carry on and are not seen) and stream it,
// record by record, so that a store of 2,000,000 contacts is written
// without being held in memory.

// ExportFilter selects the records of an export.
type ExportFilter struct {
	From, To domain.Date // inclusive, on the record's day (a customer's created day); zero: open
	// SalesID keeps only one salesperson's part: contacts they logged
	// (ExportContacts), customers they look after (ExportCustomers). 0: all.
	SalesID int64
}

// where appends the filter's conditions on a day column and a salesperson
// column to a query's conditions.
func (f ExportFilter) where(day, sales string, conds []string, args []any) ([]string, []any) {
	if !f.From.IsZero() {
		conds, args = append(conds, day+" >= ?"), append(args, f.From.String())
	}
	if !f.To.IsZero() {
		conds, args = append(conds, day+" <= ?"), append(args, f.To.String())
	}
	if f.SalesID != 0 && sales != "" {
		conds, args = append(conds, sales+" = ?"), append(args, f.SalesID)
	}
	return conds, args
}

func whereSQL(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// RefPrefix starts the reference an export writes for a record without an
// external id: crm-17 is customer (or purchase) 17 of this database. An
// importer matching on the external id finds the record again in a
// database made from the export.
const RefPrefix = "crm-"

// refs gives records their export reference: the external id, else crm-ID,
// made unique against external ids that happen to look like one.
type refs struct{ taken map[string]bool }

func loadRefs(ctx context.Context, q queryer, table string) (refs, error) {
	r := refs{taken: map[string]bool{}}
	rows, err := q.QueryContext(ctx, "SELECT external_id FROM "+table+" WHERE external_id LIKE '"+RefPrefix+"%'")
	if err != nil {
		return r, err
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return r, err
		}
		r.taken[s] = true
	}
	return r, rows.Err()
}

func (r refs) of(externalID string, id int64) string {
	if externalID != "" {
		return externalID
	}
	ref := RefPrefix + strconv.FormatInt(id, 10)
	for n := 2; r.taken[ref]; n++ {
		ref = fmt.Sprintf("%s%d-%d", RefPrefix, id, n)
	}
	return ref
}

// readTx runs fn in a read-only transaction: one snapshot, no write lock.
func (s *Store) readTx(ctx context.Context, fn func(*sql.Tx) error) error {
	t, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer t.Rollback()
	return fn(t)
}

// ExportCustomer is a customer as exports write them.
type ExportCustomer struct {
	domain.Customer
	Ref         string // the external id, or crm-ID
	ReferrerRef string // the referrer's Ref, "" when none
	Owner       string // the owner salesperson's name
}

// ExportCustomers calls fn for every customer the filter selects (From/To
// on the created day, SalesID on the owner), by id, with all layers: every
// phone, tag and key date. fn must not keep the pointer.
func (s *Store) ExportCustomers(ctx context.Context, f ExportFilter, fn func(*ExportCustomer) error) error {
	return s.readTx(ctx, func(tx *sql.Tx) error {
		rf, err := loadRefs(ctx, tx, "customers")
		if err != nil {
			return err
		}
		conds, args := f.where("c.created_on", "c.owner_id", nil, nil)
		rows, err := tx.QueryContext(ctx, "SELECT "+customerColumns+`, r.id, r.external_id, coalesce(o.name, '')
			FROM customers c LEFT JOIN customers r ON r.id = c.referrer_id LEFT JOIN salespeople o ON o.id = c.owner_id`+
			whereSQL(conds)+" ORDER BY c.id", args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		phones, err := newPartCursor(ctx, tx, "SELECT customer_id, phone FROM customer_phones ORDER BY customer_id, position", scanIDText)
		if err != nil {
			return err
		}
		defer phones.close()
		tags, err := newPartCursor(ctx, tx, "SELECT customer_id, tag FROM customer_tags ORDER BY customer_id, position", scanIDText)
		if err != nil {
			return err
		}
		defer tags.close()
		dates, err := newPartCursor(ctx, tx, `SELECT customer_id, id, kind, label, calendar, year, month, day, leap FROM key_dates
			ORDER BY customer_id, kind DESC, id`, func(r *sql.Rows) (int64, domain.KeyDate, error) {
			var id int64
			var k domain.KeyDate
			var kind, cal string
			var leap int
			err := r.Scan(&id, &k.ID, &kind, &k.Label, &cal, &k.Year, &k.Month, &k.Day, &leap)
			k.Kind, k.Calendar, k.Leap = domain.KeyDateKind(kind), domain.Calendar(cal), leap != 0
			return id, k, err
		})
		if err != nil {
			return err
		}
		defer dates.close()
		today := s.Today()
		for rows.Next() {
			var ec ExportCustomer
			var refID sql.NullInt64
			var refExt sql.NullString
			if err := scanCustomer(extraScan{rows, []any{&refID, &refExt, &ec.Owner}}, &ec.Customer); err != nil {
				return err
			}
			ec.Stats.Stage = s.segment.StageOf(ec.Stats, today)
			ec.Ref = rf.of(ec.ExternalID, ec.ID)
			if refID.Valid {
				ec.ReferrerRef = rf.of(refExt.String, refID.Int64)
			}
			if ec.Phones, err = phones.take(ec.ID); err != nil {
				return err
			}
			if ec.Tags, err = tags.take(ec.ID); err != nil {
				return err
			}
			if ec.KeyDates, err = dates.take(ec.ID); err != nil {
				return err
			}
			if err := fn(&ec); err != nil {
				return err
			}
		}
		return rows.Err()
	})
}

// extraScan scans a row's leading columns with scanCustomer's destinations
// and the trailing ones into extra.
type extraScan struct {
	rows  *sql.Rows
	extra []any
}

func (e extraScan) Scan(dest ...any) error { return e.rows.Scan(append(dest, e.extra...)...) }

// partCursor walks the rows of a child table ordered by customer id, next to
// the customers' own rows (a merge join: one query per table, not per customer).
type partCursor[T any] struct {
	rows *sql.Rows
	scan func(*sql.Rows) (int64, T, error)
	ok   bool
	id   int64
	val  T
}

func newPartCursor[T any](ctx context.Context, q queryer, query string, scan func(*sql.Rows) (int64, T, error)) (*partCursor[T], error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c := &partCursor[T]{rows: rows, scan: scan}
	return c, c.next()
}

func (c *partCursor[T]) next() error {
	c.ok = c.rows.Next()
	if !c.ok {
		return c.rows.Err()
	}
	var err error
	c.id, c.val, err = c.scan(c.rows)
	return err
}

// take returns the values of customer id, skipping those of lower ids.
func (c *partCursor[T]) take(id int64) ([]T, error) {
	var out []T
	for c.ok && c.id <= id {
		if c.id == id {
			out = append(out, c.val)
		}
		if err := c.next(); err != nil {
			return out, err
		}
	}
	return out, nil
}

func (c *partCursor[T]) close() { c.rows.Close() }

// ExportPurchase is a purchase with its lines as exports write them.
type ExportPurchase struct {
	domain.Purchase
	Ref          string `json:"-"` // the external id (invoice number), or crm-ID
	CustomerRef  string `json:"-"` // the customer's export reference
	CustomerName string `json:"-"`
	Event        string `json:"event,omitempty"` // the event's name
	Salesperson  string `json:"salesperson,omitempty"`
}

// ExportPurchases calls fn for every purchase in the filter's day range
// (SalesID: the salesperson who sold), by day, with its lines in order.
// fn must not keep the pointer.
func (s *Store) ExportPurchases(ctx context.Context, f ExportFilter, fn func(*ExportPurchase) error) error {
	return s.readTx(ctx, func(tx *sql.Tx) error {
		names, err := loadNames(ctx, tx)
		if err != nil {
			return err
		}
		prf, err := loadRefs(ctx, tx, "purchases")
		if err != nil {
			return err
		}
		// purchases_on gives the day order without sorting; names come from
		// memory rather than a lookup per row.
		conds, args := f.where("p.on_date", "p.salesperson_id", nil, nil)
		rows, err := tx.QueryContext(ctx, `SELECT p.id, p.external_id, p.customer_id, p.at, p.on_date, p.amount, p.channel,
			p.store_id, p.salesperson_id, p.event_id, p.usage_days, p.is_return, p.note,
			i.position, i.product, i.sku, i.category, i.quantity, i.amount
			FROM purchases p LEFT JOIN purchase_items i ON i.purchase_id = p.id`+whereSQL(conds)+
			" ORDER BY p.on_date, p.id", args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		var cur *ExportPurchase
		var positions []int64
		flush := func() error {
			if cur == nil {
				return nil
			}
			sort.Sort(byPosition{cur.Items, positions})
			err := fn(cur)
			cur, positions = nil, positions[:0]
			return err
		}
		for rows.Next() {
			var p ExportPurchase
			var ch string
			var ret int
			var pos, qty, amount sql.NullInt64
			var product, sku, category sql.NullString
			if err := rows.Scan(&p.ID, nStr{&p.ExternalID}, &p.CustomerID, nTime{&p.At}, nDate{&p.On}, &p.Amount, &ch,
				nInt{&p.StoreID}, nInt{&p.SalesID}, nInt{&p.EventID}, &p.UsageDays, &ret, &p.Note,
				&pos, &product, &sku, &category, &qty, &amount); err != nil {
				return err
			}
			if cur == nil || cur.ID != p.ID {
				if err := flush(); err != nil {
					return err
				}
				p.Channel, p.IsReturn = domain.SaleChannel(ch), ret != 0
				p.Ref = prf.of(p.ExternalID, p.ID)
				c := names.customers[p.CustomerID]
				p.CustomerRef, p.CustomerName = c.ref, c.name
				p.Event, p.Salesperson = names.events[p.EventID], names.sales[p.SalesID]
				cur = &p
			}
			if product.Valid {
				cur.Items = append(cur.Items, domain.LineItem{Product: product.String, SKU: sku.String, Category: category.String,
					Quantity: int(qty.Int64), Amount: domain.Money(amount.Int64)})
				positions = append(positions, pos.Int64)
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		return flush()
	})
}

// byPosition sorts a purchase's lines by their position.
type byPosition struct {
	items []domain.LineItem
	pos   []int64
}

func (b byPosition) Len() int           { return len(b.items) }
func (b byPosition) Less(i, j int) bool { return b.pos[i] < b.pos[j] }
func (b byPosition) Swap(i, j int) {
	b.items[i], b.items[j] = b.items[j], b.items[i]
	b.pos[i], b.pos[j] = b.pos[j], b.pos[i]
}

// names are what exports write beside records that point at customers,
// salespeople and events, read once into memory (100,000 customers are a
// few megabytes) instead of looked up row by row.
type names struct {
	customers map[int64]customerName
	sales     map[int64]string
	events    map[int64]string
}

type customerName struct {
	ref, name, remark, phone string
}

func loadNames(ctx context.Context, q queryer) (*names, error) {
	rf, err := loadRefs(ctx, q, "customers")
	if err != nil {
		return nil, err
	}
	n := &names{customers: map[int64]customerName{}, sales: map[int64]string{}, events: map[int64]string{}}
	if err := eachRow(ctx, q, "SELECT id, external_id, name, remark, phone FROM customers", func(r *sql.Rows) error {
		var id int64
		var ext string
		var c customerName
		if err := r.Scan(&id, nStr{&ext}, &c.name, &c.remark, &c.phone); err != nil {
			return err
		}
		c.ref = rf.of(ext, id)
		n.customers[id] = c
		return nil
	}); err != nil {
		return nil, err
	}
	for table, m := range map[string]map[int64]string{"salespeople": n.sales, "events": n.events} {
		if err := eachRow(ctx, q, "SELECT id, name FROM "+table, func(r *sql.Rows) error {
			var id int64
			var name string
			if err := r.Scan(&id, &name); err != nil {
				return err
			}
			m[id] = name
			return nil
		}); err != nil {
			return nil, err
		}
	}
	return n, nil
}

// ExportContact is a contact (维护记录) as exports and the maintenance
// record table (顾客维护记录表) write them.
type ExportContact struct {
	domain.Contact
	CustomerRef    string
	CustomerName   string
	CustomerRemark string
	CustomerPhone  string
	Salesperson    string
}

// ExportContacts calls fn for every contact in the filter's day range
// (SalesID: the salesperson who logged it), by day (and within a day in
// the order they were logged). fn must not keep the pointer.
func (s *Store) ExportContacts(ctx context.Context, f ExportFilter, fn func(*ExportContact) error) error {
	return s.readTx(ctx, func(tx *sql.Tx) error {
		names, err := loadNames(ctx, tx)
		if err != nil {
			return err
		}
		// contacts_on holds (on_date, id): day order without a sort.
		conds, args := f.where("k.on_date", "k.salesperson_id", nil, nil)
		rows, err := tx.QueryContext(ctx, `SELECT k.id, k.customer_id, k.at, k.on_date, k.channel, k.purpose, k.outcome, k.note,
			k.next_on, k.salesperson_id, k.item_key FROM contacts k`+whereSQL(conds)+" ORDER BY k.on_date, k.id", args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c ExportContact
			var ch, pu, oc string
			if err := rows.Scan(&c.ID, &c.CustomerID, nTime{&c.At}, nDate{&c.On}, &ch, &pu, &oc, &c.Note, nDate{&c.NextOn},
				nInt{&c.SalesID}, nStr{&c.ItemKey}); err != nil {
				return err
			}
			c.Channel, c.Purpose, c.Outcome = domain.Channel(ch), domain.Purpose(pu), domain.Outcome(oc)
			cu := names.customers[c.CustomerID]
			c.CustomerRef, c.CustomerName, c.CustomerRemark, c.CustomerPhone = cu.ref, cu.name, cu.remark, cu.phone
			c.Salesperson = names.sales[c.SalesID]
			if err := fn(&c); err != nil {
				return err
			}
		}
		return rows.Err()
	})
}

// scanIDText reads a (customer id, text) row of a part table: phones, tags.
func scanIDText(r *sql.Rows) (int64, string, error) {
	var id int64
	var v string
	err := r.Scan(&id, &v)
	return id, v, err
}

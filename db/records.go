package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/crmtui/crmtui/domain"
)

var _ domain.RecordStore = (*Store)(nil)

// AddPurchase validates and inserts a purchase with its lines and updates the
// customer's figures, in one transaction.
func (s *Store) AddPurchase(ctx context.Context, p *domain.Purchase) error {
	s.fillTimes(&p.At, &p.On)
	if p.Channel == "" {
		p.Channel = domain.SaleOffline
	}
	if err := p.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := checkRefs(ctx, tx, "purchase", map[string]ref{
			"customer_id": {"customers", p.CustomerID}, "event_id": {"events", p.EventID},
			"store_id": {"stores", p.StoreID}, "salesperson_id": {"salespeople", p.SalesID}}); err != nil {
			return err
		}
		if err := s.insertPurchase(ctx, tx, p); err != nil {
			return err
		}
		return s.refreshCustomer(ctx, tx, p.CustomerID)
	})
}

// ref names a row another record points at.
type ref struct {
	table string
	id    int64
}

// checkRefs reports the first reference (in field order) to a row that does
// not exist, naming the field: SQLite's foreign-key error does not say which.
func checkRefs(ctx context.Context, q queryer, entity string, refs map[string]ref) error {
	fields := make([]string, 0, len(refs))
	for f := range refs {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		r := refs[f]
		if r.id == 0 {
			continue
		}
		var one int
		err := q.QueryRowContext(ctx, "SELECT 1 FROM "+r.table+" WHERE id = ?", r.id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return &domain.FieldError{Entity: entity, Field: f, Code: domain.CodeInvalid, Value: fmt.Sprint(r.id), Detail: "no such record"}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// fillTimes completes an instant/day pair: a day alone means noon local time
// (so that it stays the same day in any nearby zone); an instant alone gives its local day.
func (s *Store) fillTimes(at *time.Time, on *domain.Date) {
	switch {
	case at.IsZero() && on.IsZero():
		*at = s.now().UTC()
		*on = domain.DateOf(s.now().In(s.loc))
	case at.IsZero():
		*at = on.Time(s.loc).Add(12 * time.Hour).UTC()
	case on.IsZero():
		*on = domain.DateOf(at.In(s.loc))
	}
}

// insertPurchase writes a validated purchase and its lines inside tx,
// without refreshing the customer (bulk writers refresh once at the end).
func (s *Store) insertPurchase(ctx context.Context, tx queryer, p *domain.Purchase) error {
	product := ""
	if len(p.Items) > 0 {
		product = p.Items[0].Product
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO purchases (external_id, customer_id, at, on_date, amount, channel, store_id,
		salesperson_id, event_id, usage_days, runs_out_on, is_return, product, note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		nullText(p.ExternalID), p.CustomerID, timeArg(p.At), dateArg(p.On), int64(p.Amount), string(p.Channel), nullID(p.StoreID),
		nullID(p.SalesID), nullID(p.EventID), p.UsageDays, dateArg(p.RunsOutOn()), boolInt(p.IsReturn), product, p.Note,
		timeArg(s.now()))
	if err != nil {
		return purchaseWriteErr(err, p)
	}
	if p.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	for i, l := range p.Items {
		if _, err := tx.ExecContext(ctx, `INSERT INTO purchase_items (purchase_id, position, product, sku, category, quantity, amount)
			VALUES (?,?,?,?,?,?,?)`, p.ID, i, l.Product, l.SKU, l.Category, l.Quantity, int64(l.Amount)); err != nil {
			return err
		}
	}
	return nil
}

func purchaseWriteErr(err error, p *domain.Purchase) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "UNIQUE") && strings.Contains(msg, "external_id"):
		return &domain.FieldError{Entity: "purchase", Field: "external_id", Code: domain.CodeConflict, Value: p.ExternalID, Detail: "a purchase with this number exists"}
	case strings.Contains(msg, "FOREIGN KEY"):
		return &domain.FieldError{Entity: "purchase", Field: "customer_id", Code: domain.CodeInvalid, Value: fmt.Sprint(p.CustomerID), Detail: "the customer, event, store or salesperson does not exist"}
	}
	return err
}

// Purchases returns a customer's purchases with their lines, newest first.
func (s *Store) Purchases(ctx context.Context, customerID int64, limit int) ([]domain.Purchase, error) {
	q := `SELECT id, external_id, customer_id, at, on_date, amount, channel, store_id, salesperson_id, event_id, usage_days,
		is_return, note FROM purchases WHERE customer_id=? ORDER BY on_date DESC, at DESC, id DESC`
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit)
	}
	rows, err := s.db.QueryContext(ctx, q, customerID)
	if err != nil {
		return nil, err
	}
	var out []domain.Purchase
	for rows.Next() {
		var p domain.Purchase
		var ch string
		var ret int
		if err := rows.Scan(&p.ID, nStr{&p.ExternalID}, &p.CustomerID, nTime{&p.At}, nDate{&p.On}, &p.Amount, &ch, nInt{&p.StoreID},
			nInt{&p.SalesID}, nInt{&p.EventID}, &p.UsageDays, &ret, &p.Note); err != nil {
			rows.Close()
			return nil, err
		}
		p.Channel, p.IsReturn = domain.SaleChannel(ch), ret != 0
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		items, err := s.db.QueryContext(ctx, `SELECT product, sku, category, quantity, amount FROM purchase_items
			WHERE purchase_id=? ORDER BY position`, out[i].ID)
		if err != nil {
			return nil, err
		}
		for items.Next() {
			var l domain.LineItem
			if err := items.Scan(&l.Product, &l.SKU, &l.Category, &l.Quantity, &l.Amount); err != nil {
				items.Close()
				return nil, err
			}
			out[i].Items = append(out[i].Items, l)
		}
		items.Close()
	}
	return out, nil
}

// AddContact validates and inserts a contact; it resets the customer's
// contact clocks and creates a follow-up for c.NextOn, in one transaction.
func (s *Store) AddContact(ctx context.Context, c *domain.Contact) error {
	s.fillTimes(&c.At, &c.On)
	if err := c.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := s.insertContact(ctx, tx, c); err != nil {
			return err
		}
		return s.refreshCustomer(ctx, tx, c.CustomerID)
	})
}

// insertContact writes a validated contact and its follow-up inside tx and
// returns the follow-up's id (0 when none).
func (s *Store) insertContact(ctx context.Context, tx queryer, c *domain.Contact) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO contacts (customer_id, at, on_date, channel, purpose, outcome, note, next_on,
		salesperson_id, item_key, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		c.CustomerID, timeArg(c.At), dateArg(c.On), string(c.Channel), string(c.Purpose), string(c.Outcome), c.Note,
		dateArg(c.NextOn), nullID(c.SalesID), nullText(c.ItemKey), timeArg(s.now()))
	if err != nil {
		if strings.Contains(err.Error(), "FOREIGN KEY") {
			return 0, &domain.FieldError{Entity: "contact", Field: "customer_id", Code: domain.CodeInvalid, Value: fmt.Sprint(c.CustomerID), Detail: "no such customer"}
		}
		return 0, err
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return 0, err
	}
	if c.NextOn.IsZero() {
		return 0, nil
	}
	f := domain.FollowUp{CustomerID: c.CustomerID, Due: c.NextOn, Note: c.Note, ContactID: c.ID, SalesID: c.SalesID}
	if err := s.insertFollowUp(ctx, tx, &f); err != nil {
		return 0, err
	}
	return f.ID, nil
}

// Contacts returns a customer's contacts, newest first.
func (s *Store) Contacts(ctx context.Context, customerID int64, limit int) ([]domain.Contact, error) {
	q := `SELECT id, customer_id, at, on_date, channel, purpose, outcome, note, next_on, salesperson_id, item_key
		FROM contacts WHERE customer_id=? ORDER BY at DESC, id DESC`
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit)
	}
	rows, err := s.db.QueryContext(ctx, q, customerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Contact
	for rows.Next() {
		var c domain.Contact
		var ch, pu, oc string
		if err := rows.Scan(&c.ID, &c.CustomerID, nTime{&c.At}, nDate{&c.On}, &ch, &pu, &oc, &c.Note, nDate{&c.NextOn},
			nInt{&c.SalesID}, nStr{&c.ItemKey}); err != nil {
			return nil, err
		}
		c.Channel, c.Purpose, c.Outcome = domain.Channel(ch), domain.Purpose(pu), domain.Outcome(oc)
		out = append(out, c)
	}
	return out, rows.Err()
}

// AddFollowUp validates and inserts a hand-set follow-up.
func (s *Store) AddFollowUp(ctx context.Context, f *domain.FollowUp) error {
	if err := f.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return s.insertFollowUp(ctx, tx, f) })
}

func (s *Store) insertFollowUp(ctx context.Context, tx queryer, f *domain.FollowUp) error {
	if f.Status == "" {
		f.Status = domain.FollowUpOpen
	}
	if f.CreatedAt.IsZero() {
		f.CreatedAt = s.now().UTC()
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO follow_ups (customer_id, due_on, note, status, contact_id, salesperson_id, created_at)
		VALUES (?,?,?,?,?,?,?)`, f.CustomerID, dateArg(f.Due), f.Note, string(f.Status), nullID(f.ContactID), nullID(f.SalesID), timeArg(f.CreatedAt))
	if err != nil {
		if strings.Contains(err.Error(), "FOREIGN KEY") {
			return &domain.FieldError{Entity: "followup", Field: "customer_id", Code: domain.CodeInvalid, Value: fmt.Sprint(f.CustomerID), Detail: "no such customer"}
		}
		return err
	}
	f.ID, err = res.LastInsertId()
	return err
}

// FollowUps returns a customer's follow-ups, open ones first, by due day.
func (s *Store) FollowUps(ctx context.Context, customerID int64) ([]domain.FollowUp, error) {
	return s.queryFollowUps(ctx, "SELECT "+followUpColumns+` FROM follow_ups f
		WHERE f.customer_id=? ORDER BY f.status <> 'open', f.due_on`, customerID)
}

const followUpColumns = "f.id, f.customer_id, f.due_on, f.note, f.status, f.contact_id, f.salesperson_id, f.created_at"

// queryFollowUps runs a query selecting followUpColumns.
func (s *Store) queryFollowUps(ctx context.Context, q string, args ...any) ([]domain.FollowUp, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.FollowUp
	for rows.Next() {
		var f domain.FollowUp
		var st string
		if err := rows.Scan(&f.ID, &f.CustomerID, nDate{&f.Due}, &f.Note, &st, nInt{&f.ContactID}, nInt{&f.SalesID}, nTime{&f.CreatedAt}); err != nil {
			return nil, err
		}
		f.Status = domain.FollowUpStatus(st)
		out = append(out, f)
	}
	return out, rows.Err()
}

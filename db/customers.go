package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/crmtui/crmtui/domain"
)

var _ domain.CustomerStore = (*Store)(nil)

// CreateCustomer validates and inserts c with its phones, tags and key dates.
func (s *Store) CreateCustomer(ctx context.Context, c *domain.Customer) error {
	c.Normalize()
	if c.CreatedOn.IsZero() {
		c.CreatedOn = s.Today()
	}
	if c.Salutation == "" {
		c.Salutation = domain.SuggestSalutation(c.Name, c.Gender)
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.insertCustomer(ctx, tx, c); err != nil {
			return err
		}
		return s.refreshCustomer(ctx, tx, c.ID)
	})
}

// insertCustomer writes a validated customer inside tx.
func (s *Store) insertCustomer(ctx context.Context, tx queryer, c *domain.Customer) error {
	now := timeArg(s.now())
	prefs, _ := json.Marshal(c.Preferences)
	pct, missing := completeness(c)
	res, err := tx.ExecContext(ctx, insertCustomerSQL,
		nullText(c.ExternalID), c.Name, c.Remark, c.Salutation, c.Phone(), c.WeChat, string(c.Gender), string(c.Source),
		nullID(c.ReferrerID), nullID(c.OwnerID), nullID(c.StoreID), dateArg(c.CreatedOn), c.DirectNeeds, c.PotentialNeeds,
		string(prefs), c.RecentFocus, c.Description, strings.Join(c.Tags, ","), string(c.Contact.Preferred),
		boolInt(c.Contact.DoNotContact), c.Contact.AvoidHours, int(c.MAN.Money), int(c.MAN.Authority), int(c.MAN.Need),
		string(c.ValueType), pct, missing, now, now)
	if err != nil {
		return s.customerWriteErr(err, c)
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return s.writeCustomerParts(ctx, tx, c)
}

const insertCustomerSQL = `INSERT INTO customers (external_id, name, remark, salutation, phone, wechat, gender, source,
	referrer_id, owner_id, store_id, created_on, direct_needs, potential_needs, preferences, recent_focus, description,
	tags, preferred_channel, do_not_contact, avoid_hours, man_money, man_authority, man_need, value_type, completeness,
	missing, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`

// UpdateCustomer replaces the editable layers of c; the derived figures stay.
func (s *Store) UpdateCustomer(ctx context.Context, c *domain.Customer) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		prefs, _ := json.Marshal(c.Preferences)
		res, err := tx.ExecContext(ctx, `UPDATE customers SET external_id=?, name=?, remark=?, salutation=?, phone=?, wechat=?,
			gender=?, source=?, referrer_id=?, owner_id=?, store_id=?, direct_needs=?, potential_needs=?, preferences=?,
			recent_focus=?, description=?, tags=?, preferred_channel=?, do_not_contact=?, avoid_hours=?, man_money=?,
			man_authority=?, man_need=?, value_type=?, updated_at=? WHERE id=?`,
			nullText(c.ExternalID), c.Name, c.Remark, c.Salutation, c.Phone(), c.WeChat, string(c.Gender), string(c.Source),
			nullID(c.ReferrerID), nullID(c.OwnerID), nullID(c.StoreID), c.DirectNeeds, c.PotentialNeeds, string(prefs),
			c.RecentFocus, c.Description, strings.Join(c.Tags, ","), string(c.Contact.Preferred), boolInt(c.Contact.DoNotContact),
			c.Contact.AvoidHours, int(c.MAN.Money), int(c.MAN.Authority), int(c.MAN.Need), string(c.ValueType),
			timeArg(s.now()), c.ID)
		if err != nil {
			return s.customerWriteErr(err, c)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.NotFound("customer", c.ID)
		}
		for _, q := range []string{"DELETE FROM customer_phones WHERE customer_id=?", "DELETE FROM customer_tags WHERE customer_id=?"} {
			if _, err := tx.ExecContext(ctx, q, c.ID); err != nil {
				return err
			}
		}
		// Key dates keep their ids (item keys name them), so update in place.
		if err := s.syncKeyDates(ctx, tx, c); err != nil {
			return err
		}
		if err := s.writePhonesTags(ctx, tx, c); err != nil {
			return err
		}
		return s.refreshProfile(ctx, tx, c)
	})
}

func (s *Store) customerWriteErr(err error, c *domain.Customer) error {
	if strings.Contains(err.Error(), "UNIQUE") && strings.Contains(err.Error(), "external_id") {
		return &domain.FieldError{Entity: "customer", Field: "external_id", Code: domain.CodeConflict, Value: c.ExternalID, Detail: "another customer has this external id"}
	}
	if strings.Contains(err.Error(), "FOREIGN KEY") {
		return &domain.FieldError{Entity: "customer", Field: "owner_id", Code: domain.CodeInvalid, Detail: "the owner, store or referrer does not exist"}
	}
	return err
}

// writeCustomerParts inserts phones, tags and key dates of a new customer.
func (s *Store) writeCustomerParts(ctx context.Context, tx queryer, c *domain.Customer) error {
	if err := s.writePhonesTags(ctx, tx, c); err != nil {
		return err
	}
	for i := range c.KeyDates {
		if err := insertKeyDate(ctx, tx, c.ID, &c.KeyDates[i]); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) writePhonesTags(ctx context.Context, tx queryer, c *domain.Customer) error {
	for i, p := range c.Phones {
		if _, err := tx.ExecContext(ctx, "INSERT INTO customer_phones (customer_id, position, phone) VALUES (?,?,?)", c.ID, i, p); err != nil {
			return err
		}
	}
	for i, t := range c.Tags {
		if _, err := tx.ExecContext(ctx, "INSERT INTO customer_tags (customer_id, tag, position) VALUES (?,?,?)", c.ID, t, i); err != nil {
			return err
		}
	}
	return nil
}

func insertKeyDate(ctx context.Context, tx queryer, customerID int64, k *domain.KeyDate) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO key_dates (customer_id, kind, label, calendar, year, month, day, leap) VALUES (?,?,?,?,?,?,?,?)`,
		customerID, string(k.Kind), k.Label, string(k.Calendar), k.Year, k.Month, k.Day, boolInt(k.Leap))
	if err != nil {
		return err
	}
	k.ID, err = res.LastInsertId()
	return err
}

// syncKeyDates updates, inserts and deletes key dates so that ids of kept ones survive.
func (s *Store) syncKeyDates(ctx context.Context, tx queryer, c *domain.Customer) error {
	keep := map[int64]bool{}
	for i := range c.KeyDates {
		k := &c.KeyDates[i]
		if k.ID != 0 {
			res, err := tx.ExecContext(ctx, `UPDATE key_dates SET kind=?, label=?, calendar=?, year=?, month=?, day=?, leap=? WHERE id=? AND customer_id=?`,
				string(k.Kind), k.Label, string(k.Calendar), k.Year, k.Month, k.Day, boolInt(k.Leap), k.ID, c.ID)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 1 {
				keep[k.ID] = true
				continue
			}
		}
		if err := insertKeyDate(ctx, tx, c.ID, k); err != nil {
			return err
		}
		keep[k.ID] = true
	}
	rows, err := tx.QueryContext(ctx, "SELECT id FROM key_dates WHERE customer_id=?", c.ID)
	if err != nil {
		return err
	}
	var drop []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		if !keep[id] {
			drop = append(drop, id)
		}
	}
	rows.Close()
	for _, id := range drop {
		if _, err := tx.ExecContext(ctx, "DELETE FROM key_dates WHERE id=?", id); err != nil {
			return err
		}
	}
	return rows.Err()
}

// customerColumns is the SELECT list scanned by scanCustomer.
const customerColumns = `c.id, c.external_id, c.name, c.remark, c.salutation, c.wechat, c.gender, c.source, c.referrer_id,
	c.owner_id, c.store_id, c.created_on, c.direct_needs, c.potential_needs, c.preferences, c.recent_focus, c.description,
	c.tags, c.preferred_channel, c.do_not_contact, c.avoid_hours, c.man_money, c.man_authority, c.man_need, c.value_type,
	c.purchase_count, c.return_count, c.total_spend, c.first_purchase_on, c.last_purchase_on, c.last_purchase_id,
	c.avg_interval_days, c.last_contact_on, c.completeness, c.recency_days, c.frequency, c.monetary,
	c.r_score, c.f_score, c.m_score, c.class, c.phone`

func scanCustomer(sc interface{ Scan(...any) error }, c *domain.Customer) error {
	var prefs, tags, gender, source, channel, valueType, class, phone string
	var dnc, mm, ma, mn int
	var recency sql.NullInt64
	err := sc.Scan(&c.ID, nStr{&c.ExternalID}, &c.Name, &c.Remark, &c.Salutation, &c.WeChat, &gender, &source, nInt{&c.ReferrerID},
		nInt{&c.OwnerID}, nInt{&c.StoreID}, nDate{&c.CreatedOn}, &c.DirectNeeds, &c.PotentialNeeds, &prefs, &c.RecentFocus,
		&c.Description, &tags, &channel, &dnc, &c.Contact.AvoidHours, &mm, &ma, &mn, &valueType,
		&c.Stats.PurchaseCount, &c.Stats.ReturnCount, &c.Stats.TotalSpend, nDate{&c.Stats.FirstPurchase}, nDate{&c.Stats.LastPurchase},
		nInt{&c.Stats.LastPurchaseID}, &c.Stats.AvgIntervalDays, nDate{&c.Stats.LastContact}, &c.Stats.Completeness,
		&recency, &c.Stats.RFM.Frequency, &c.Stats.RFM.Monetary, &c.Stats.RFM.R, &c.Stats.RFM.F, &c.Stats.RFM.M, &class, &phone)
	if err != nil {
		return err
	}
	c.Gender, c.Source, c.Contact.Preferred, c.ValueType = domain.Gender(gender), domain.Source(source), domain.Channel(channel), domain.ValueType(valueType)
	c.Contact.DoNotContact = dnc != 0
	c.MAN = domain.MAN{Money: domain.Tri(mm), Authority: domain.Tri(ma), Need: domain.Tri(mn)}
	c.Stats.Class = domain.Class(class)
	c.Stats.RFM.RecencyDays = int(recency.Int64)
	if prefs != "" {
		_ = json.Unmarshal([]byte(prefs), &c.Preferences)
	}
	if tags != "" {
		c.Tags = strings.Split(tags, ",")
	}
	if phone != "" {
		c.Phones = []string{phone}
	}
	return nil
}

// Customer returns one customer with all phones, tags and key dates.
func (s *Store) Customer(ctx context.Context, id int64) (*domain.Customer, error) {
	return s.customer(ctx, s.db, id)
}

func (s *Store) customer(ctx context.Context, q queryer, id int64) (*domain.Customer, error) {
	c := &domain.Customer{}
	err := scanCustomer(q.QueryRowContext(ctx, "SELECT "+customerColumns+" FROM customers c WHERE c.id=?", id), c)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.NotFound("customer", id)
	}
	if err != nil {
		return nil, fmt.Errorf("customer %d: %w", id, err)
	}
	c.Stats.Stage = s.segment.StageOf(c.Stats, s.Today())
	if err := s.loadCustomerParts(ctx, q, c); err != nil {
		return nil, err
	}
	return c, nil
}

func (s *Store) loadCustomerParts(ctx context.Context, q queryer, c *domain.Customer) error {
	rows, err := q.QueryContext(ctx, "SELECT phone FROM customer_phones WHERE customer_id=? ORDER BY position", c.ID)
	if err != nil {
		return err
	}
	c.Phones = nil
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			rows.Close()
			return err
		}
		c.Phones = append(c.Phones, p)
	}
	rows.Close()
	rows, err = q.QueryContext(ctx, "SELECT id, kind, label, calendar, year, month, day, leap FROM key_dates WHERE customer_id=? ORDER BY kind DESC, id", c.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	c.KeyDates = nil
	for rows.Next() {
		var k domain.KeyDate
		var kind, cal string
		var leap int
		if err := rows.Scan(&k.ID, &kind, &k.Label, &cal, &k.Year, &k.Month, &k.Day, &leap); err != nil {
			return err
		}
		k.Kind, k.Calendar, k.Leap = domain.KeyDateKind(kind), domain.Calendar(cal), leap != 0
		c.KeyDates = append(c.KeyDates, k)
	}
	return rows.Err()
}

// FindCustomers lists customers matching the filter, most valuable first.
// Text matching here is a plain substring match for the command line; the
// TUI keeps its own pinyin-aware index.
func (s *Store) FindCustomers(ctx context.Context, f domain.CustomerFilter) ([]domain.Customer, error) {
	var where []string
	var args []any
	if t := strings.TrimSpace(f.Text); t != "" {
		like := "%" + escapeLike(t) + "%"
		where = append(where, `(c.name LIKE ? ESCAPE '\' OR c.remark LIKE ? ESCAPE '\' OR c.wechat LIKE ? ESCAPE '\' OR c.tags LIKE ? ESCAPE '\'
			OR c.external_id = ? OR EXISTS (SELECT 1 FROM customer_phones p WHERE p.customer_id = c.id AND p.phone LIKE ? ESCAPE '\'))`)
		args = append(args, like, like, like, like, t, "%"+escapeLike(domain.NormalizePhone(t))+"%")
	}
	if f.OwnerID != 0 {
		where = append(where, "c.owner_id = ?")
		args = append(args, f.OwnerID)
	}
	if f.Tag != "" {
		where = append(where, "EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag = ?)")
		args = append(args, f.Tag)
	}
	if f.Class != "" {
		where = append(where, "c.class = ?")
		args = append(args, string(f.Class))
	}
	q := "SELECT " + customerColumns + " FROM customers c"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY c.value_rank DESC, c.id"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Customer
	today := s.Today()
	for rows.Next() {
		var c domain.Customer
		if err := scanCustomer(rows, &c); err != nil {
			return nil, err
		}
		c.Stats.Stage = s.segment.StageOf(c.Stats, today)
		out = append(out, c)
	}
	return out, rows.Err()
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// CustomerByPhone finds the customer with that phone number.
func (s *Store) CustomerByPhone(ctx context.Context, phone string) (*domain.Customer, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, "SELECT customer_id FROM customer_phones WHERE phone=? ORDER BY customer_id LIMIT 1", domain.NormalizePhone(phone)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.NotFound("customer with phone", phone)
	}
	if err != nil {
		return nil, err
	}
	return s.Customer(ctx, id)
}

// DeleteCustomer erases a customer the way "customer erase" does
// (EraseCustomer): their purchases, contacts, key dates, cases, invitations,
// item states and the undo records that name them, overwritten on disk.
func (s *Store) DeleteCustomer(ctx context.Context, id int64) error {
	_, err := s.EraseCustomer(ctx, id)
	return err
}

// CustomerSummaries lists customers for the in-memory list and search: one
// query for the rows, one each for all phones and all tags.
func (s *Store) CustomerSummaries(ctx context.Context, ownerID int64) ([]domain.CustomerSummary, error) {
	q := `SELECT id, name, remark, wechat, owner_id, class, value_rank, total_spend, last_purchase_on, last_contact_on,
		do_not_contact, purchase_count, first_purchase_on, avg_interval_days FROM customers`
	var args []any
	where := ""
	if ownerID != 0 {
		where = " WHERE owner_id = ?"
		args = append(args, ownerID)
	}
	// The list is held for the app's whole life (100,000 customers at
	// 176 bytes each): sized once rather than grown by doubling, with the
	// class and tag words shared rather than one string per customer.
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM customers"+where, args...).Scan(&n); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, q+where+" ORDER BY value_rank DESC, id", args...)
	if err != nil {
		return nil, err
	}
	out := make([]domain.CustomerSummary, 0, n)
	index := make(map[int64]int, n)
	words := map[string]string{}
	shared := func(w string) string {
		if s, ok := words[w]; ok {
			return s
		}
		words[w] = w
		return w
	}
	today := s.Today()
	for rows.Next() {
		var c domain.CustomerSummary
		var class string
		var dnc int
		var st domain.CustomerStats
		if err := rows.Scan(&c.ID, &c.Name, &c.Remark, &c.WeChat, nInt{&c.OwnerID}, &class, &c.ValueRank, &c.TotalSpend,
			nDate{&c.LastPurchase}, nDate{&c.LastContact}, &dnc, &st.PurchaseCount, nDate{&st.FirstPurchase}, &st.AvgIntervalDays); err != nil {
			rows.Close()
			return nil, err
		}
		st.LastPurchase = c.LastPurchase
		c.Class, c.DoNotContact = domain.Class(shared(class)), dnc != 0
		c.Stage = s.segment.StageOf(st, today)
		index[c.ID] = len(out)
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, part := range []struct {
		query string
		add   func(c *domain.CustomerSummary, v string)
	}{
		{"SELECT customer_id, phone FROM customer_phones ORDER BY customer_id, position", func(c *domain.CustomerSummary, v string) { c.Phones = append(c.Phones, v) }},
		{"SELECT customer_id, tag FROM customer_tags ORDER BY customer_id, position", func(c *domain.CustomerSummary, v string) { c.Tags = append(c.Tags, shared(v)) }},
	} {
		rows, err := s.db.QueryContext(ctx, part.query)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			var v string
			if err := rows.Scan(&id, &v); err != nil {
				rows.Close()
				return nil, err
			}
			if i, ok := index[id]; ok {
				part.add(&out[i], v)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

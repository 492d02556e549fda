package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// CustomerCopy is everything the store holds about one customer: the
// person's copy of their data (个人信息副本), written as JSON.
type CustomerCopy struct {
	ExportedAt  time.Time            `json:"exported_at"`
	Customer    *domain.Customer     `json:"customer"`
	Owner       string               `json:"owner,omitempty"`    // the salesperson who looks after them
	Store       string               `json:"store,omitempty"`    // the shop
	Referrer    string               `json:"referrer,omitempty"` // the name of the customer who referred them
	Purchases   []ExportPurchase     `json:"purchases"`
	Contacts    []domain.Contact     `json:"contacts"`
	FollowUps   []domain.FollowUp    `json:"follow_ups"`
	Invitations []InvitationCopy     `json:"invitations"`
	Cases       []domain.ServiceCase `json:"cases"`
	ItemStates  []agenda.ItemState   `json:"item_states"`
}

// InvitationCopy is an invitation with its event's name and every attempt.
type InvitationCopy struct {
	domain.Invitation
	Event    string              `json:"event"`
	Attempts []InvitationAttempt `json:"attempt_log"`
}

// InvitationAttempt is one recorded try to invite.
type InvitationAttempt struct {
	At     time.Time `json:"at"`
	Status string    `json:"status"`
	Note   string    `json:"note,omitempty"`
}

// CustomerCopy reads everything about customer id in one snapshot.
func (s *Store) CustomerCopy(ctx context.Context, id int64) (*CustomerCopy, error) {
	out := &CustomerCopy{ExportedAt: s.now().UTC(), Purchases: []ExportPurchase{}, Contacts: []domain.Contact{},
		FollowUps: []domain.FollowUp{}, Invitations: []InvitationCopy{}, Cases: []domain.ServiceCase{}, ItemStates: []agenda.ItemState{}}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		c, err := s.customer(ctx, tx, id)
		if err != nil {
			return err
		}
		out.Customer = c
		if err := tx.QueryRowContext(ctx, `SELECT coalesce((SELECT name FROM salespeople WHERE id = c.owner_id), ''),
			coalesce((SELECT name FROM stores WHERE id = c.store_id), ''),
			coalesce((SELECT name FROM customers WHERE id = c.referrer_id), '') FROM customers c WHERE c.id = ?`, id).
			Scan(&out.Owner, &out.Store, &out.Referrer); err != nil {
			return err
		}
		if err := eachRow(ctx, tx, `SELECT p.id, p.external_id, p.at, p.on_date, p.amount, p.channel, p.store_id, p.salesperson_id,
			p.event_id, p.usage_days, p.is_return, p.note, coalesce(e.name, ''), coalesce(sp.name, '')
			FROM purchases p LEFT JOIN events e ON e.id = p.event_id LEFT JOIN salespeople sp ON sp.id = p.salesperson_id
			WHERE p.customer_id = ? ORDER BY p.on_date, p.id`, func(r *sql.Rows) error {
			p := ExportPurchase{Purchase: domain.Purchase{CustomerID: id}, CustomerName: c.Name}
			var ch string
			var ret int
			if err := r.Scan(&p.ID, nStr{&p.ExternalID}, nTime{&p.At}, nDate{&p.On}, &p.Amount, &ch, nInt{&p.StoreID},
				nInt{&p.SalesID}, nInt{&p.EventID}, &p.UsageDays, &ret, &p.Note, &p.Event, &p.Salesperson); err != nil {
				return err
			}
			p.Channel, p.IsReturn = domain.SaleChannel(ch), ret != 0
			out.Purchases = append(out.Purchases, p)
			return nil
		}, id); err != nil {
			return err
		}
		index := map[int64]int{}
		for i, p := range out.Purchases {
			index[p.ID] = i
		}
		if err := eachRow(ctx, tx, `SELECT i.purchase_id, i.product, i.sku, i.category, i.quantity, i.amount FROM purchase_items i
			CROSS JOIN purchases p ON p.id = i.purchase_id WHERE p.customer_id = ? ORDER BY i.purchase_id, i.position`, func(r *sql.Rows) error {
			var pid int64
			var l domain.LineItem
			if err := r.Scan(&pid, &l.Product, &l.SKU, &l.Category, &l.Quantity, &l.Amount); err != nil {
				return err
			}
			if i, ok := index[pid]; ok {
				out.Purchases[i].Items = append(out.Purchases[i].Items, l)
			}
			return nil
		}, id); err != nil {
			return err
		}
		if err := eachRow(ctx, tx, `SELECT id, customer_id, at, on_date, channel, purpose, outcome, note, next_on, salesperson_id, item_key
			FROM contacts WHERE customer_id = ? ORDER BY at, id`, func(r *sql.Rows) error {
			var c domain.Contact
			var ch, pu, oc string
			if err := r.Scan(&c.ID, &c.CustomerID, nTime{&c.At}, nDate{&c.On}, &ch, &pu, &oc, &c.Note, nDate{&c.NextOn},
				nInt{&c.SalesID}, nStr{&c.ItemKey}); err != nil {
				return err
			}
			c.Channel, c.Purpose, c.Outcome = domain.Channel(ch), domain.Purpose(pu), domain.Outcome(oc)
			out.Contacts = append(out.Contacts, c)
			return nil
		}, id); err != nil {
			return err
		}
		if err := eachRow(ctx, tx, "SELECT "+followUpColumns+" FROM follow_ups f WHERE f.customer_id = ? ORDER BY f.due_on, f.id", func(r *sql.Rows) error {
			var f domain.FollowUp
			var st string
			if err := r.Scan(&f.ID, &f.CustomerID, nDate{&f.Due}, &f.Note, &st, nInt{&f.ContactID}, nInt{&f.SalesID}, nTime{&f.CreatedAt}); err != nil {
				return err
			}
			f.Status = domain.FollowUpStatus(st)
			out.FollowUps = append(out.FollowUps, f)
			return nil
		}, id); err != nil {
			return err
		}
		if err := s.copyInvitations(ctx, tx, id, out); err != nil {
			return err
		}
		var cases []*domain.ServiceCase
		if err := eachRow(ctx, tx, "SELECT "+caseColumns+" FROM cases WHERE customer_id = ? ORDER BY opened_at, id", func(r *sql.Rows) error {
			var c domain.ServiceCase
			if err := scanCase(r, &c); err != nil {
				return err
			}
			cases = append(cases, &c)
			return nil
		}, id); err != nil {
			return err
		}
		if err := s.loadSteps(ctx, tx, cases); err != nil {
			return err
		}
		for _, c := range cases {
			out.Cases = append(out.Cases, *c)
		}
		return eachRow(ctx, tx, `SELECT key, rule, customer_id, state, until_on, retry_at, tries, reason, note, at, on_date, salesperson_id
			FROM item_states WHERE customer_id = ? ORDER BY at, key`, func(r *sql.Rows) error {
			var st agenda.ItemState
			var rule, state, reason string
			if err := r.Scan(&st.Key, &rule, nInt{&st.CustomerID}, &state, nDate{&st.Until}, nTime{&st.RetryAt}, &st.Tries, &reason,
				&st.Note, nTime{&st.At}, nDate{&st.On}, nInt{&st.SalesID}); err != nil {
				return err
			}
			st.Rule, st.State, st.Reason = agenda.RuleID(rule), agenda.State(state), agenda.SnoozeReason(reason)
			out.ItemStates = append(out.ItemStates, st)
			return nil
		}, id)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (s *Store) copyInvitations(ctx context.Context, tx *sql.Tx, id int64, out *CustomerCopy) error {
	if err := eachRow(ctx, tx, "SELECT "+prefixedCols("i.", invitationColumns)+`, coalesce(e.name, '')
		FROM invitations i LEFT JOIN events e ON e.id = i.event_id WHERE i.customer_id = ? ORDER BY i.id`, func(r *sql.Rows) error {
		var ic InvitationCopy
		if err := scanInvitation(extraScan{r, []any{&ic.Event}}, &ic.Invitation); err != nil {
			return err
		}
		ic.Attempts = []InvitationAttempt{}
		out.Invitations = append(out.Invitations, ic)
		return nil
	}, id); err != nil {
		return err
	}
	index := map[int64]int{}
	for i, inv := range out.Invitations {
		index[inv.ID] = i
	}
	return eachRow(ctx, tx, `SELECT a.invitation_id, a.at, a.status, a.note FROM invitation_attempts a
		CROSS JOIN invitations i ON i.id = a.invitation_id WHERE i.customer_id = ? ORDER BY a.invitation_id, a.at, a.id`, func(r *sql.Rows) error {
		var invID int64
		var a InvitationAttempt
		if err := r.Scan(&invID, nTime{&a.At}, &a.Status, &a.Note); err != nil {
			return err
		}
		if i, ok := index[invID]; ok {
			out.Invitations[i].Attempts = append(out.Invitations[i].Attempts, a)
		}
		return nil
	}, id)
}

// prefixedCols qualifies a comma-separated column list with a table alias.
func prefixedCols(alias, cols string) string {
	parts := strings.Split(cols, ",")
	for i, p := range parts {
		parts[i] = alias + strings.TrimSpace(p)
	}
	return strings.Join(parts, ", ")
}

// Footprint counts what the store holds about one customer: what erasing
// them removes.
type Footprint struct {
	Name        string `json:"name"`
	Phones      int    `json:"phones"`
	Tags        int    `json:"tags"`
	KeyDates    int    `json:"key_dates"`
	Purchases   int    `json:"purchases"`
	LineItems   int    `json:"line_items"`
	Contacts    int    `json:"contacts"`
	FollowUps   int    `json:"follow_ups"`
	Invitations int    `json:"invitations"`
	Attempts    int    `json:"invitation_attempts"`
	Cases       int    `json:"cases"`
	CaseSteps   int    `json:"case_steps"`
	ItemStates  int    `json:"item_states"`
	Actions     int    `json:"item_actions"` // undo records of agenda actions that touched them
	Referred    int    `json:"referred"`     // customers they referred, who keep their file without the link
}

// actionsOfCustomer selects the agenda undo records that name the customer
// (?1): those of their items and those whose contacts, invitation or prior
// state were theirs.
const actionsOfCustomer = `SELECT id FROM item_actions WHERE key IN (SELECT key FROM item_states WHERE customer_id = ?1)
	OR EXISTS (SELECT 1 FROM json_each(item_actions.undo, '$.customers') WHERE value = ?1)
	OR json_extract(item_actions.undo, '$.invitation.customer_id') = ?1
	OR json_extract(item_actions.undo, '$.prev.customer_id') = ?1`

// CustomerFootprint counts the rows that hold customer id's data.
func (s *Store) CustomerFootprint(ctx context.Context, id int64) (Footprint, error) {
	var fp Footprint
	err := s.readTx(ctx, func(tx *sql.Tx) error { return footprint(ctx, tx, id, &fp) })
	return fp, err
}

func footprint(ctx context.Context, q queryer, id int64, fp *Footprint) error {
	err := q.QueryRowContext(ctx, "SELECT name FROM customers WHERE id = ?", id).Scan(&fp.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.NotFound("customer", id)
	}
	if err != nil {
		return err
	}
	for _, c := range []struct {
		dst *int
		sql string
	}{
		{&fp.Phones, "SELECT count(*) FROM customer_phones WHERE customer_id = ?1"},
		{&fp.Tags, "SELECT count(*) FROM customer_tags WHERE customer_id = ?1"},
		{&fp.KeyDates, "SELECT count(*) FROM key_dates WHERE customer_id = ?1"},
		{&fp.Purchases, "SELECT count(*) FROM purchases WHERE customer_id = ?1"},
		{&fp.LineItems, "SELECT count(*) FROM purchase_items WHERE purchase_id IN (SELECT id FROM purchases WHERE customer_id = ?1)"},
		{&fp.Contacts, "SELECT count(*) FROM contacts WHERE customer_id = ?1"},
		{&fp.FollowUps, "SELECT count(*) FROM follow_ups WHERE customer_id = ?1"},
		{&fp.Invitations, "SELECT count(*) FROM invitations WHERE customer_id = ?1"},
		{&fp.Attempts, "SELECT count(*) FROM invitation_attempts WHERE invitation_id IN (SELECT id FROM invitations WHERE customer_id = ?1)"},
		{&fp.Cases, "SELECT count(*) FROM cases WHERE customer_id = ?1"},
		{&fp.CaseSteps, "SELECT count(*) FROM case_steps WHERE case_id IN (SELECT id FROM cases WHERE customer_id = ?1)"},
		{&fp.ItemStates, "SELECT count(*) FROM item_states WHERE customer_id = ?1"},
		{&fp.Actions, "SELECT count(*) FROM (" + actionsOfCustomer + ")"},
		{&fp.Referred, "SELECT count(*) FROM customers WHERE referrer_id = ?1"},
	} {
		if err := q.QueryRowContext(ctx, c.sql, id).Scan(c.dst); err != nil {
			return fmt.Errorf("count: %w", err)
		}
	}
	return nil
}

// EraseCustomer erases customer id and everything recorded about them, in
// one transaction: their file, phones, tags and key dates, purchases and
// lines, contacts, follow-ups, invitations and attempts, cases and steps,
// agenda states (ON DELETE CASCADE) and the undo records of agenda actions
// that name them; customers they referred lose the link. secure_delete is
// on for the transaction, so the freed pages are zeroed rather than left
// readable in the file, and the write-ahead log is checkpointed and
// truncated afterwards where no reader holds it. Backups made before keep
// the customer until they are pruned or deleted. It returns what was erased.
func (s *Store) EraseCustomer(ctx context.Context, id int64) (Footprint, error) {
	var fp Footprint
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fp, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA secure_delete = ON"); err != nil {
		return fp, err
	}
	defer conn.ExecContext(context.Background(), "PRAGMA secure_delete = OFF")
	t, err := beginWrite(ctx, func() (*sql.Tx, error) { return conn.BeginTx(ctx, nil) })
	if err != nil {
		return fp, err
	}
	err = func() error {
		if err := footprint(ctx, t, id, &fp); err != nil {
			return err
		}
		if _, err := t.ExecContext(ctx, "DELETE FROM item_actions WHERE id IN ("+actionsOfCustomer+")", id); err != nil {
			return err
		}
		res, err := t.ExecContext(ctx, "DELETE FROM customers WHERE id = ?", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.NotFound("customer", id)
		}
		return nil
	}()
	if err != nil {
		t.Rollback()
		return fp, err
	}
	if err := t.Commit(); err != nil {
		return fp, err
	}
	s.wrote.Store(true)
	// Old page images of the customer may still sit in the -wal: fold it
	// into the file and empty it (skipped while another reader needs it).
	conn.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	return fp, nil
}

package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// undoRecord is what Act stores so that Undo can put everything back.
type undoRecord struct {
	Prev          *agenda.ItemState  `json:"prev"`            // the state before, nil when none
	ContactIDs    []int64            `json:"contact_ids"`     // contacts the action logged
	FollowUpIDs   []int64            `json:"followup_ids"`    // follow-ups those contacts created
	Customers     []int64            `json:"customers"`       // customers whose figures to refresh
	Invitation    *domain.Invitation `json:"invitation"`      // the invitation before
	FollowUpID    int64              `json:"followup_id"`     // a hand-set follow-up whose status changed
	FollowUpWas   string             `json:"followup_was"`    // its status before
	CaseID        int64              `json:"case_id"`         // a complaint whose steps were stamped
	CaseSteps     []int              `json:"case_steps"`      // the step numbers added
	CaseStatusWas domain.CaseStatus  `json:"case_status_was"` // its status before
}

// Act applies an agenda action in one transaction: the item's state, the
// contacts it logs (which reset the customers' clocks), and its effect on
// the record behind the item (an invitation sent, a follow-up closed, a
// complaint step stamped). It returns the state kept.
func (s *Store) Act(ctx context.Context, a agenda.Action, calls agenda.CallsConfig) (agenda.ItemState, error) {
	if a.Now.IsZero() {
		a.Now = s.now()
	}
	if a.Day.IsZero() {
		a.Day = domain.DateOf(a.Now.In(s.loc))
	}
	if err := a.Validate(); err != nil {
		return agenda.ItemState{}, err
	}
	var next agenda.ItemState
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var u undoRecord
		prev, err := s.itemState(ctx, tx, a.Item.Key)
		if err != nil {
			return err
		}
		u.Prev = prev
		next = agenda.NextState(prev, a, calls)
		if err := s.saveState(ctx, tx, next); err != nil {
			return err
		}
		for _, c := range a.Contacts() {
			fid, err := s.insertContact(ctx, tx, &c)
			if err != nil {
				return err
			}
			u.ContactIDs = append(u.ContactIDs, c.ID)
			if fid != 0 {
				u.FollowUpIDs = append(u.FollowUpIDs, fid)
			}
			u.Customers = append(u.Customers, c.CustomerID)
			if err := s.refreshCustomer(ctx, tx, c.CustomerID); err != nil {
				return err
			}
		}
		if next.State == agenda.StateDone || next.State == agenda.StateSkipped {
			if err := s.applyEffect(ctx, tx, a, next.State, &u); err != nil {
				return err
			}
		}
		raw, err := json.Marshal(u)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO item_actions (key, at, salesperson_id, undo) VALUES (?,?,?,?)",
			a.Item.Key, timeArg(a.Now), nullID(a.SalesID), string(raw))
		return err
	})
	return next, err
}

// applyEffect updates the record behind the item.
func (s *Store) applyEffect(ctx context.Context, tx *sql.Tx, a agenda.Action, st agenda.State, u *undoRecord) error {
	ref := a.Item.Ref
	switch a.Item.Rule {
	case agenda.RuleInvite, agenda.RuleChase, agenda.RuleRemind:
		if st != agenda.StateDone || ref.InvitationID == 0 {
			return nil
		}
		inv, err := s.invitation(ctx, tx, ref.InvitationID)
		if err != nil {
			return err
		}
		before := *inv
		u.Invitation = &before
		outcome := domain.OutcomeReached
		if a.Contact != nil {
			outcome = a.Contact.Outcome
		}
		after, err := agenda.InvitationAfter(*inv, a.Item.Rule, outcome, a.InvitationTo, a.Now, a.Day)
		if err != nil {
			return err
		}
		if after == before {
			u.Invitation = nil // nothing changed: nothing to undo
			return nil
		}
		if err := s.saveInvitation(ctx, tx, &after); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO invitation_attempts (invitation_id, at, status, note) VALUES (?,?,?,?)",
			after.ID, timeArg(a.Now), string(after.Status), a.Note)
		return err
	case agenda.RuleFollowUp:
		if ref.FollowUpID == 0 {
			return nil
		}
		var was string
		if err := tx.QueryRowContext(ctx, "SELECT status FROM follow_ups WHERE id=?", ref.FollowUpID).Scan(&was); err != nil {
			return fmt.Errorf("follow-up %d: %w", ref.FollowUpID, err)
		}
		status := domain.FollowUpDone
		if st == agenda.StateSkipped {
			status = domain.FollowUpSkipped
		}
		u.FollowUpID, u.FollowUpWas = ref.FollowUpID, was
		_, err := tx.ExecContext(ctx, "UPDATE follow_ups SET status=? WHERE id=?", string(status), ref.FollowUpID)
		return err
	case agenda.RuleComplaint:
		if st != agenda.StateDone || ref.CaseID == 0 || ref.Step == 0 {
			return nil
		}
		c, err := s.caseByID(ctx, tx, ref.CaseID)
		if err != nil {
			return err
		}
		n, err := s.recordStep(ctx, tx, ref.CaseID, domain.ComplaintStep(ref.Step), a.Now, a.Note, "")
		if err != nil {
			return err
		}
		u.CaseID, u.CaseStatusWas = ref.CaseID, c.Status
		for i := 0; i < n; i++ {
			u.CaseSteps = append(u.CaseSteps, len(c.Steps)+i+1)
		}
	}
	return nil
}

// ErrNothingToUndo is returned by Undo when no action is left to undo.
var ErrNothingToUndo = agenda.ErrNothingToUndo

// Undo reverts the salesperson's last action (any salesperson's when
// salesID is 0) and returns the item key it concerned.
func (s *Store) Undo(ctx context.Context, salesID int64) (string, error) {
	var key string
	err := s.tx(ctx, func(tx *sql.Tx) error {
		q := "SELECT id, key, undo FROM item_actions WHERE undone = 0"
		var args []any
		if salesID != 0 {
			q += " AND salesperson_id = ?"
			args = append(args, salesID)
		}
		var id int64
		var raw string
		err := tx.QueryRowContext(ctx, q+" ORDER BY id DESC LIMIT 1", args...).Scan(&id, &key, &raw)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNothingToUndo
		}
		if err != nil {
			return err
		}
		var u undoRecord
		if err := json.Unmarshal([]byte(raw), &u); err != nil {
			return fmt.Errorf("undo record %d: %w", id, err)
		}
		if u.Prev != nil {
			if err := s.saveState(ctx, tx, *u.Prev); err != nil {
				return err
			}
		} else if _, err := tx.ExecContext(ctx, "DELETE FROM item_states WHERE key=?", key); err != nil {
			return err
		}
		for _, fid := range u.FollowUpIDs {
			if _, err := tx.ExecContext(ctx, "DELETE FROM follow_ups WHERE id=?", fid); err != nil {
				return err
			}
		}
		for _, cid := range u.ContactIDs {
			if _, err := tx.ExecContext(ctx, "DELETE FROM contacts WHERE id=?", cid); err != nil {
				return err
			}
		}
		if u.Invitation != nil {
			if err := s.saveInvitation(ctx, tx, u.Invitation); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM invitation_attempts WHERE id = (SELECT max(id) FROM invitation_attempts
				WHERE invitation_id = ?)`, u.Invitation.ID); err != nil {
				return err
			}
		}
		if u.FollowUpID != 0 {
			if _, err := tx.ExecContext(ctx, "UPDATE follow_ups SET status=? WHERE id=?", u.FollowUpWas, u.FollowUpID); err != nil {
				return err
			}
		}
		if u.CaseID != 0 {
			for _, step := range u.CaseSteps {
				if _, err := tx.ExecContext(ctx, "DELETE FROM case_steps WHERE case_id=? AND step=?", u.CaseID, step); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, "UPDATE cases SET status=? WHERE id=?", string(u.CaseStatusWas), u.CaseID); err != nil {
				return err
			}
		}
		for _, cid := range u.Customers {
			if err := s.refreshCustomer(ctx, tx, cid); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, "UPDATE item_actions SET undone = 1 WHERE id = ?", id)
		return err
	})
	return key, err
}

// ItemState returns the kept state of one item, or nil.
func (s *Store) ItemState(ctx context.Context, key string) (*agenda.ItemState, error) {
	return s.itemState(ctx, s.db, key)
}

func (s *Store) itemState(ctx context.Context, q queryer, key string) (*agenda.ItemState, error) {
	st, err := scanState(q.QueryRowContext(ctx, "SELECT "+stateColumns+" FROM item_states WHERE key=?", key))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &st, nil
}

func (s *Store) saveState(ctx context.Context, q queryer, st agenda.ItemState) error {
	_, err := q.ExecContext(ctx, `INSERT INTO item_states (key, rule, customer_id, state, until_on, retry_at, tries, reason, note, at,
			on_date, salesperson_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(key) DO UPDATE SET rule=excluded.rule, customer_id=excluded.customer_id, state=excluded.state,
			until_on=excluded.until_on, retry_at=excluded.retry_at, tries=excluded.tries, reason=excluded.reason,
			note=excluded.note, at=excluded.at, on_date=excluded.on_date, salesperson_id=excluded.salesperson_id`,
		st.Key, string(st.Rule), nullID(st.CustomerID), string(st.State), dateArg(st.Until), timeArg(st.RetryAt), st.Tries,
		string(st.Reason), st.Note, timeArg(st.At), dateArg(st.On), nullID(st.SalesID))
	return err
}

package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/crmtui/crmtui/domain"
)

var _ domain.EventStore = (*Store)(nil)

// CreateEvent validates and inserts an event.
func (s *Store) CreateEvent(ctx context.Context, e *domain.Event) error {
	if e.EndsAt.IsZero() {
		e.EndsAt = e.StartsAt
	}
	if err := e.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return s.insertEvent(ctx, tx, e) })
}

func (s *Store) insertEvent(ctx context.Context, q queryer, e *domain.Event) error {
	res, err := q.ExecContext(ctx, `INSERT INTO events (name, kind, starts_at, ends_at, starts_on, ends_on, place, purpose, script,
		target_rule, capacity, invite_window_days, store_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		e.Name, string(e.Kind), timeArg(e.StartsAt), timeArg(e.EndsAt), dateArg(domain.DateOf(e.StartsAt.In(s.loc))),
		dateArg(domain.DateOf(e.EndsAt.In(s.loc))), e.Place, e.Purpose, e.Script, e.TargetRule, e.Capacity,
		e.InviteWindowDays, nullID(e.StoreID), timeArg(s.now()))
	if err != nil {
		return err
	}
	e.ID, err = res.LastInsertId()
	return err
}

const eventColumns = `id, name, kind, starts_at, ends_at, place, purpose, script, target_rule, capacity, invite_window_days, store_id`

func scanEvent(sc interface{ Scan(...any) error }, e *domain.Event) error {
	var kind string
	if err := sc.Scan(&e.ID, &e.Name, &kind, nTime{&e.StartsAt}, nTime{&e.EndsAt}, &e.Place, &e.Purpose, &e.Script,
		&e.TargetRule, &e.Capacity, &e.InviteWindowDays, nInt{&e.StoreID}); err != nil {
		return err
	}
	e.Kind = domain.EventKind(kind)
	return nil
}

// Event returns one event.
func (s *Store) Event(ctx context.Context, id int64) (*domain.Event, error) {
	var e domain.Event
	err := scanEvent(s.db.QueryRowContext(ctx, "SELECT "+eventColumns+" FROM events WHERE id=?", id), &e)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.NotFound("event", id)
	}
	return &e, err
}

// Events lists every event, newest first.
func (s *Store) Events(ctx context.Context) ([]domain.Event, error) {
	return s.queryEvents(ctx, "SELECT "+eventColumns+" FROM events ORDER BY starts_at DESC")
}

func (s *Store) queryEvents(ctx context.Context, q string, args ...any) ([]domain.Event, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Event
	for rows.Next() {
		var e domain.Event
		if err := scanEvent(rows, &e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// AddInvitation inserts an invitation; a second one for the same event and
// customer is refused naming the customer.
func (s *Store) AddInvitation(ctx context.Context, inv *domain.Invitation) error {
	if inv.Status == "" {
		inv.Status = domain.InvPlanned
	}
	if err := inv.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return s.insertInvitation(ctx, tx, inv) })
}

func (s *Store) insertInvitation(ctx context.Context, tx queryer, inv *domain.Invitation) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO invitations (event_id, customer_id, status, attempts, last_attempt_at, invited_on, note, updated_at)
		VALUES (?,?,?,?,?,?,?,?)`, inv.EventID, inv.CustomerID, string(inv.Status), inv.Attempts, timeArg(inv.LastAttemptAt),
		dateArg(inv.InvitedOn), inv.Note, timeArg(s.now()))
	if err != nil {
		switch {
		case strings.Contains(err.Error(), "UNIQUE"):
			return &domain.FieldError{Entity: "invitation", Field: "customer_id", Code: domain.CodeConflict, Value: fmt.Sprint(inv.CustomerID), Detail: "already invited to this event"}
		case strings.Contains(err.Error(), "FOREIGN KEY"):
			return &domain.FieldError{Entity: "invitation", Field: "event_id", Code: domain.CodeInvalid, Value: fmt.Sprint(inv.EventID), Detail: "no such event or customer"}
		}
		return err
	}
	inv.ID, err = res.LastInsertId()
	return err
}

const invitationColumns = "id, event_id, customer_id, status, attempts, last_attempt_at, invited_on, note"

func scanInvitation(sc interface{ Scan(...any) error }, inv *domain.Invitation) error {
	var st string
	if err := sc.Scan(&inv.ID, &inv.EventID, &inv.CustomerID, &st, &inv.Attempts, nTime{&inv.LastAttemptAt}, nDate{&inv.InvitedOn}, &inv.Note); err != nil {
		return err
	}
	inv.Status = domain.InvitationStatus(st)
	return nil
}

// InvitationsOf lists an event's invitations.
func (s *Store) InvitationsOf(ctx context.Context, eventID int64) ([]domain.Invitation, error) {
	return s.queryInvitations(ctx, "SELECT "+invitationColumns+" FROM invitations WHERE event_id=? ORDER BY id", eventID)
}

func (s *Store) queryInvitations(ctx context.Context, q string, args ...any) ([]domain.Invitation, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Invitation
	for rows.Next() {
		var inv domain.Invitation
		if err := scanInvitation(rows, &inv); err != nil {
			return nil, err
		}
		out = append(out, inv)
	}
	return out, rows.Err()
}

func (s *Store) invitation(ctx context.Context, q queryer, id int64) (*domain.Invitation, error) {
	var inv domain.Invitation
	err := scanInvitation(q.QueryRowContext(ctx, "SELECT "+invitationColumns+" FROM invitations WHERE id=?", id), &inv)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.NotFound("invitation", id)
	}
	return &inv, err
}

// saveInvitation writes an invitation's status fields inside tx.
func (s *Store) saveInvitation(ctx context.Context, q queryer, inv *domain.Invitation) error {
	_, err := q.ExecContext(ctx, `UPDATE invitations SET status=?, attempts=?, last_attempt_at=?, invited_on=?, note=?, updated_at=? WHERE id=?`,
		string(inv.Status), inv.Attempts, timeArg(inv.LastAttemptAt), dateArg(inv.InvitedOn), inv.Note, timeArg(s.now()), inv.ID)
	return err
}

// UpdateEvent validates and saves an event's fields.
func (s *Store) UpdateEvent(ctx context.Context, e *domain.Event) error {
	if e.EndsAt.IsZero() {
		e.EndsAt = e.StartsAt
	}
	if err := e.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE events SET name=?, kind=?, starts_at=?, ends_at=?, starts_on=?, ends_on=?, place=?,
			purpose=?, script=?, target_rule=?, capacity=?, invite_window_days=?, store_id=? WHERE id=?`,
			e.Name, string(e.Kind), timeArg(e.StartsAt), timeArg(e.EndsAt), dateArg(domain.DateOf(e.StartsAt.In(s.loc))),
			dateArg(domain.DateOf(e.EndsAt.In(s.loc))), e.Place, e.Purpose, e.Script, e.TargetRule, e.Capacity,
			e.InviteWindowDays, nullID(e.StoreID), e.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.NotFound("event", e.ID)
		}
		return nil
	})
}

// PlanInvitations adds planned invitations for customers not yet invited.
func (s *Store) PlanInvitations(ctx context.Context, eventID int64, customerIDs []int64) (int, error) {
	added := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := checkRefs(ctx, tx, "invitation", map[string]ref{"event_id": {"events", eventID}}); err != nil {
			return err
		}
		c := newStmtCache(tx)
		defer c.close()
		now := timeArg(s.now())
		for _, id := range customerIDs {
			res, err := c.ExecContext(ctx, `INSERT INTO invitations (event_id, customer_id, status, updated_at) VALUES (?, ?, 'planned', ?)
				ON CONFLICT (event_id, customer_id) DO NOTHING`, eventID, id, now)
			if err != nil {
				return err
			}
			n, _ := res.RowsAffected()
			added += int(n)
		}
		return nil
	})
	return added, err
}

// SetInvitationStatus moves an invitation to a new status, counting an
// attempt when it is sent or answered, in one transaction.
func (s *Store) SetInvitationStatus(ctx context.Context, id int64, to domain.InvitationStatus, at time.Time, note string) (*domain.Invitation, error) {
	var out *domain.Invitation
	err := s.tx(ctx, func(tx *sql.Tx) error {
		inv, err := s.invitation(ctx, tx, id)
		if err != nil {
			return err
		}
		if !to.Valid() {
			return &domain.FieldError{Entity: "invitation", Field: "status", Code: domain.CodeUnknown, Value: string(to)}
		}
		if !inv.Status.CanMoveTo(to) {
			return &domain.FieldError{Entity: "invitation", Field: "status", Code: domain.CodeConflict, Value: string(to),
				Detail: fmt.Sprintf("cannot go from %s to %s", inv.Status, to)}
		}
		if inv.Status == domain.InvPlanned || to == domain.InvInvited {
			inv.Attempts++
			inv.LastAttemptAt = at.UTC()
		}
		if inv.InvitedOn.IsZero() && to != domain.InvPlanned {
			inv.InvitedOn = domain.DateOf(at.In(s.loc))
		}
		inv.Status = to
		if note != "" {
			inv.Note = note
		}
		if err := s.saveInvitation(ctx, tx, inv); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO invitation_attempts (invitation_id, at, status, note) VALUES (?,?,?,?)",
			id, timeArg(at), string(to), note); err != nil {
			return err
		}
		out = inv
		return nil
	})
	return out, err
}

// EventFunnel counts an event's invitations through the funnel; "bought"
// counts customers with a purchase naming the event, invited or not.
func (s *Store) EventFunnel(ctx context.Context, eventID int64) (domain.Funnel, error) {
	var f domain.Funnel
	if _, err := s.Event(ctx, eventID); err != nil {
		return f, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT status, attempts, count(*) FROM invitations WHERE event_id = ? GROUP BY status, attempts > 0", eventID)
	if err != nil {
		return f, err
	}
	defer rows.Close()
	for rows.Next() {
		var st string
		var attempts, n int
		if err := rows.Scan(&st, &attempts, &n); err != nil {
			return f, err
		}
		f.Targeted += n
		switch domain.InvitationStatus(st) {
		case domain.InvPlanned:
		case domain.InvInvited:
			f.Invited += n
		case domain.InvConfirmed:
			f.Invited, f.Confirmed = f.Invited+n, f.Confirmed+n
		case domain.InvAttended:
			f.Invited, f.Confirmed, f.Attended = f.Invited+n, f.Confirmed+n, f.Attended+n
		case domain.InvNoShow:
			f.Invited, f.Confirmed, f.NoShow = f.Invited+n, f.Confirmed+n, f.NoShow+n
		case domain.InvDeclined:
			f.Invited, f.Declined = f.Invited+n, f.Declined+n
		}
	}
	if err := rows.Err(); err != nil {
		return f, err
	}
	err = s.db.QueryRowContext(ctx, `SELECT count(DISTINCT customer_id) FILTER (WHERE is_return = 0), coalesce(sum(amount), 0)
		FROM purchases WHERE event_id = ?`, eventID).Scan(&f.Bought, &f.Revenue)
	return f, err
}

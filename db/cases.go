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

var _ domain.CaseStore = (*Store)(nil)

// OpenCase validates and inserts a service case (with any steps already taken).
func (s *Store) OpenCase(ctx context.Context, c *domain.ServiceCase) error {
	if c.OpenedAt.IsZero() {
		c.OpenedAt = s.now().UTC()
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return s.insertCase(ctx, tx, c) })
}

func (s *Store) insertCase(ctx context.Context, tx queryer, c *domain.ServiceCase) error {
	{
		res, err := tx.ExecContext(ctx, `INSERT INTO cases (customer_id, kind, subkind, channel, title, description, opened_at, due_at,
			status, resolution, satisfaction, closed_at, closed_on, salesperson_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			c.CustomerID, string(c.Kind), c.Subkind, string(c.Channel), c.Title, c.Description, timeArg(c.OpenedAt), timeArg(c.DueAt),
			string(c.Status), c.Resolution, c.Satisfaction, timeArg(c.ClosedAt), s.closedOn(c.ClosedAt), nullID(c.SalesID), timeArg(s.now()))
		if err != nil {
			if strings.Contains(err.Error(), "FOREIGN KEY") {
				return &domain.FieldError{Entity: "case", Field: "customer_id", Code: domain.CodeInvalid, Value: fmt.Sprint(c.CustomerID), Detail: "no such customer"}
			}
			return err
		}
		if c.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		for _, st := range c.Steps {
			if err := insertStep(ctx, tx, c.ID, st); err != nil {
				return err
			}
		}
		return nil
	}
}

func (s *Store) closedOn(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return dateArg(domain.DateOf(t.In(s.loc)))
}

func insertStep(ctx context.Context, q queryer, caseID int64, st domain.CaseStep) error {
	_, err := q.ExecContext(ctx, "INSERT INTO case_steps (case_id, step, at, note, skipped_reason) VALUES (?,?,?,?,?)",
		caseID, int(st.Step), timeArg(st.At), st.Note, st.SkippedReason)
	return err
}

const caseColumns = `id, customer_id, kind, subkind, channel, title, description, opened_at, due_at, status, resolution,
	satisfaction, closed_at, salesperson_id`

func scanCase(sc interface{ Scan(...any) error }, c *domain.ServiceCase) error {
	var kind, ch, st string
	if err := sc.Scan(&c.ID, &c.CustomerID, &kind, &c.Subkind, &ch, &c.Title, &c.Description, nTime{&c.OpenedAt}, nTime{&c.DueAt},
		&st, &c.Resolution, &c.Satisfaction, nTime{&c.ClosedAt}, nInt{&c.SalesID}); err != nil {
		return err
	}
	c.Kind, c.Channel, c.Status = domain.CaseKind(kind), domain.CaseChannel(ch), domain.CaseStatus(st)
	return nil
}

// Case returns one case with its complaint steps.
func (s *Store) Case(ctx context.Context, id int64) (*domain.ServiceCase, error) {
	return s.caseByID(ctx, s.db, id)
}

func (s *Store) caseByID(ctx context.Context, q queryer, id int64) (*domain.ServiceCase, error) {
	var c domain.ServiceCase
	err := scanCase(q.QueryRowContext(ctx, "SELECT "+caseColumns+" FROM cases WHERE id=?", id), &c)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.NotFound("case", id)
	}
	if err != nil {
		return nil, err
	}
	cs := []*domain.ServiceCase{&c}
	return &c, s.loadSteps(ctx, q, cs)
}

// loadSteps fills the complaint steps of the given cases in one query.
func (s *Store) loadSteps(ctx context.Context, q queryer, cs []*domain.ServiceCase) error {
	byID := map[int64]*domain.ServiceCase{}
	var ids []int64
	for _, c := range cs {
		if c.Kind == domain.CaseComplaint {
			byID[c.ID] = c
			ids = append(ids, c.ID)
		}
	}
	for _, part := range chunks(ids, 500) {
		rows, err := q.QueryContext(ctx, "SELECT case_id, step, at, note, skipped_reason FROM case_steps WHERE case_id IN ("+
			placeholders(len(part))+") ORDER BY case_id, step", int64Args(part)...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var st domain.CaseStep
			var step int
			if err := rows.Scan(&id, &step, nTime{&st.At}, &st.Note, &st.SkippedReason); err != nil {
				rows.Close()
				return err
			}
			st.Step = domain.ComplaintStep(step)
			byID[id].Steps = append(byID[id].Steps, st)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// RecordCaseStep stamps a complaint step; the domain refuses steps out of order.
func (s *Store) RecordCaseStep(ctx context.Context, caseID int64, step domain.ComplaintStep, at time.Time, note, skipReason string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := s.recordStep(ctx, tx, caseID, step, at, note, skipReason)
		return err
	})
}

// recordStep applies domain.RecordStep and writes the new steps; it returns
// how many step rows it added (undo removes them).
func (s *Store) recordStep(ctx context.Context, q queryer, caseID int64, step domain.ComplaintStep, at time.Time, note, skipReason string) (int, error) {
	c, err := s.caseByID(ctx, q, caseID)
	if err != nil {
		return 0, err
	}
	if c.Status == domain.CaseClosed {
		return 0, &domain.FieldError{Entity: "case", Field: "status", Code: domain.CodeConflict, Detail: "the case is closed"}
	}
	before := len(c.Steps)
	if err := c.RecordStep(step, at.UTC(), note, skipReason); err != nil {
		return 0, err
	}
	for _, st := range c.Steps[before:] {
		if err := insertStep(ctx, q, caseID, st); err != nil {
			return 0, err
		}
	}
	_, err = q.ExecContext(ctx, "UPDATE cases SET status=? WHERE id=?", string(c.Status), caseID)
	return len(c.Steps) - before, err
}

// CloseCase closes a case with its resolution and the customer's satisfaction (1-5).
func (s *Store) CloseCase(ctx context.Context, caseID int64, at time.Time, resolution string, satisfaction int) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		c, err := s.caseByID(ctx, tx, caseID)
		if err != nil {
			return err
		}
		c.Status, c.Resolution, c.Satisfaction, c.ClosedAt = domain.CaseClosed, resolution, satisfaction, at.UTC()
		if err := c.Validate(); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE cases SET status=?, resolution=?, satisfaction=?, closed_at=?, closed_on=? WHERE id=?",
			string(c.Status), c.Resolution, c.Satisfaction, timeArg(c.ClosedAt), s.closedOn(c.ClosedAt), caseID)
		return err
	})
}

// Cases lists cases with their complaint steps: open ones first, by time limit.
func (s *Store) Cases(ctx context.Context, f domain.CaseFilter) ([]domain.ServiceCase, error) {
	q := "SELECT " + prefixed("k.", caseColumns) + " FROM cases k WHERE 1=1"
	var args []any
	if f.OpenOnly {
		q += " AND k.status <> 'closed'"
	}
	if f.Kind != "" {
		q += " AND k.kind = ?"
		args = append(args, string(f.Kind))
	}
	if f.CustomerID != 0 {
		q += " AND k.customer_id = ?"
		args = append(args, f.CustomerID)
	}
	return s.queryCases(ctx, q+" ORDER BY k.status = 'closed', k.due_at, k.id", args...)
}

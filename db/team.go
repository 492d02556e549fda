package db

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/crmtui/crmtui/domain"
)

var _ domain.TeamStore = (*Store)(nil)

// CreateStore inserts a shop.
func (s *Store) CreateStore(ctx context.Context, st *domain.Store) error {
	if err := st.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "INSERT INTO stores (name, address, phone) VALUES (?,?,?)", st.Name, st.Address, domain.NormalizePhone(st.Phone))
		if err != nil {
			return err
		}
		st.ID, err = res.LastInsertId()
		return err
	})
}

// Stores lists the shops.
func (s *Store) Stores(ctx context.Context) ([]domain.Store, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, name, address, phone FROM stores ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Store
	for rows.Next() {
		var st domain.Store
		if err := rows.Scan(&st.ID, &st.Name, &st.Address, &st.Phone); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// CreateSalesperson inserts a salesperson; names are unique because the
// command line and the config name the user by name.
func (s *Store) CreateSalesperson(ctx context.Context, sp *domain.Salesperson) error {
	sp.Name = strings.TrimSpace(sp.Name)
	if err := sp.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "INSERT INTO salespeople (store_id, name, phone, monthly_target, active) VALUES (?,?,?,?,?)",
			nullID(sp.StoreID), sp.Name, domain.NormalizePhone(sp.Phone), int64(sp.MonthlyTarget), boolInt(sp.Active))
		if err != nil {
			if strings.Contains(err.Error(), "UNIQUE") {
				return &domain.FieldError{Entity: "salesperson", Field: "name", Code: domain.CodeConflict, Value: sp.Name, Detail: "a salesperson with this name exists"}
			}
			return err
		}
		sp.ID, err = res.LastInsertId()
		return err
	})
}

// Salespeople lists the salespeople in creation order.
func (s *Store) Salespeople(ctx context.Context) ([]domain.Salesperson, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, store_id, name, phone, monthly_target, active FROM salespeople ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Salesperson
	for rows.Next() {
		var sp domain.Salesperson
		var active int
		if err := rows.Scan(&sp.ID, nInt{&sp.StoreID}, &sp.Name, &sp.Phone, &sp.MonthlyTarget, &active); err != nil {
			return nil, err
		}
		sp.Active = active != 0
		out = append(out, sp)
	}
	return out, rows.Err()
}

// SalespersonByName finds a salesperson by exact name.
func (s *Store) SalespersonByName(ctx context.Context, name string) (*domain.Salesperson, error) {
	var sp domain.Salesperson
	var active int
	err := s.db.QueryRowContext(ctx, "SELECT id, store_id, name, phone, monthly_target, active FROM salespeople WHERE name=?", strings.TrimSpace(name)).
		Scan(&sp.ID, nInt{&sp.StoreID}, &sp.Name, &sp.Phone, &sp.MonthlyTarget, &active)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.NotFound("salesperson", name)
	}
	sp.Active = active != 0
	return &sp, err
}

// AddSpecialDay inserts a store-defined yearly day.
func (s *Store) AddSpecialDay(ctx context.Context, d *domain.SpecialDay) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "INSERT INTO special_days (name, calendar, month, day, leap) VALUES (?,?,?,?,?)",
			d.Name, string(d.Calendar), d.Month, d.Day, boolInt(d.Leap))
		if err != nil {
			return err
		}
		d.ID, err = res.LastInsertId()
		return err
	})
}

// SpecialDays lists the store-defined days.
func (s *Store) SpecialDays(ctx context.Context) ([]domain.SpecialDay, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, name, calendar, month, day, leap FROM special_days ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.SpecialDay
	for rows.Next() {
		var d domain.SpecialDay
		var cal string
		var leap int
		if err := rows.Scan(&d.ID, &d.Name, &cal, &d.Month, &d.Day, &leap); err != nil {
			return nil, err
		}
		d.Calendar, d.Leap = domain.Calendar(cal), leap != 0
		out = append(out, d)
	}
	return out, rows.Err()
}

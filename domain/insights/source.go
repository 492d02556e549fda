package insights

import (
	"context"

	"github.com/crmtui/crmtui/domain"
)

// Source is what the reports read from a store. Each method is one or a
// few passes over an index; the arithmetic is done here, in plain Go, where
// a test can check it.
type Source interface {
	// EachCustomerFigures gives fn every customer's purchase figures as of
	// asOf, with frequency and spend over the windowDays days ending on
	// asOf, one customer at a time (fn must not call the source).
	EachCustomerFigures(ctx context.Context, asOf domain.Date, windowDays int, fn func(*Figures) error) error
	// SaleDays: every customer with a sale in [from, to], with their sale
	// days in that span (returns not counted), in day order.
	SaleDays(ctx context.Context, from, to domain.Date) ([]SaleDays, error)
	// SalesSplit: sales in [from, to] summed per salesperson (the sale's,
	// else the customer's owner) and per daily or promotion.
	SalesSplit(ctx context.Context, from, to domain.Date) ([]SalesRow, error)
	// DailyWork: per day of [from, to], a salesperson's (0: everyone's)
	// contacts logged, sales, and agenda size and items done.
	DailyWork(ctx context.Context, salespersonID int64, from, to domain.Date) ([]WorkDay, error)
	// ImportantCoverage: how many important customers the salesperson (0:
	// the store) has, and how many of them had a contact in [since, asOf].
	ImportantCoverage(ctx context.Context, salespersonID int64, since, asOf domain.Date) (important, contacted int, err error)
	// LastSaleDays: the last sale day on or before asOf of each of the
	// customers ids that has one.
	LastSaleDays(ctx context.Context, ids []int64, asOf domain.Date) (map[int64]domain.Date, error)

	// CustomerCounts: customers per owner (0: without one).
	CustomerCounts(ctx context.Context) (map[int64]int, error)

	Salespeople(ctx context.Context) ([]domain.Salesperson, error)
	Events(ctx context.Context) ([]domain.Event, error)
	EventFunnel(ctx context.Context, eventID int64) (domain.Funnel, error)
	Cases(ctx context.Context, f domain.CaseFilter) ([]domain.ServiceCase, error)
}

// SaleDays is one customer's sale days in a span.
type SaleDays struct {
	CustomerID int64
	OwnerID    int64
	Days       []domain.Date // ascending
}

// SalesRow is one salesperson's daily or promotion sales.
type SalesRow struct {
	SalespersonID int64 // 0: neither the sale nor the customer names one
	Promotion     bool
	Count         int          // sales, returns not counted
	Amount        domain.Money // net of returns
}

// WorkDay is one day of a salesperson's work.
type WorkDay struct {
	Day      domain.Date
	Contacts int          // contacts logged that day
	Sales    domain.Money // net sales that day
	Items    int          // the day's agenda: items when last built (0: not built that day)
	Done     int          // items done
}

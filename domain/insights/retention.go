package insights

import (
	"context"

	"github.com/crmtui/crmtui/domain"
)

// RetentionMonths is how many month ends the retention trend shows.
const RetentionMonths = 12

// RetentionPoint is the retention (顾客保有量) at one month end: customers
// with a sale in the 365 days ending that day.
type RetentionPoint struct {
	End           domain.Date   `json:"end"`
	Store         int           `json:"store"`
	BySalesperson map[int64]int `json:"by_salesperson"`
}

// Retention is the retention on the as-of day and its trend.
type Retention struct {
	AsOf        domain.Date          `json:"as_of"`
	Salespeople []domain.Salesperson `json:"salespeople"`
	// Points are the ends of the previous RetentionMonths-1 months, then the
	// as-of day itself: the last point is today's figure.
	Points []RetentionPoint `json:"trend"`
	// Customers per owner (0: without one) and in the store today, to say
	// what share of them is retained.
	Customers      map[int64]int `json:"customers_by_salesperson"`
	StoreCustomers int           `json:"customers"`
}

// Now is the retention on the as-of day.
func (r Retention) Now() RetentionPoint {
	if len(r.Points) == 0 {
		return RetentionPoint{}
	}
	return r.Points[len(r.Points)-1]
}

// RetentionEnds returns the days the trend is measured on: the last day of
// each of the months before asOf's month, oldest first, then asOf.
func RetentionEnds(asOf domain.Date, months int) []domain.Date {
	ends := make([]domain.Date, months)
	ends[months-1] = asOf
	first := asOf.AddDays(1 - asOf.Day()) // the first of asOf's month
	for i := months - 2; i >= 0; i-- {
		ends[i] = first.AddDays(-1) // the last day of the month before
		first = ends[i].AddDays(1 - ends[i].Day())
	}
	return ends
}

// ComputeRetention counts, for each end day, the customers with a sale in
// the 365 days ending that day, in the store and per owner. A customer
// counts for their current owner at every point.
func ComputeRetention(rows []SaleDays, asOf domain.Date, months int) []RetentionPoint {
	ends := RetentionEnds(asOf, months)
	points := make([]RetentionPoint, len(ends))
	for i, e := range ends {
		points[i] = RetentionPoint{End: e, BySalesperson: map[int64]int{}}
	}
	for _, r := range rows {
		// Walk the ends and the days together: for each end, the latest
		// sale on or before it decides.
		j, last := 0, domain.Date{}
		for i, e := range ends {
			for j < len(r.Days) && !r.Days[j].After(e) {
				last = r.Days[j]
				j++
			}
			if !last.IsZero() && e.Sub(last) < 365 {
				points[i].Store++
				points[i].BySalesperson[r.OwnerID]++
			}
		}
	}
	return points
}

// RetentionReport reads the sale days the trend needs and computes it.
func RetentionReport(ctx context.Context, src Source, asOf domain.Date) (Retention, error) {
	ends := RetentionEnds(asOf, RetentionMonths)
	rows, err := src.SaleDays(ctx, ends[0].AddDays(-364), asOf)
	if err != nil {
		return Retention{}, err
	}
	sp, err := src.Salespeople(ctx)
	if err != nil {
		return Retention{}, err
	}
	counts, err := src.CustomerCounts(ctx)
	if err != nil {
		return Retention{}, err
	}
	r := Retention{AsOf: asOf, Salespeople: sp, Points: ComputeRetention(rows, asOf, RetentionMonths), Customers: counts}
	for _, n := range counts {
		r.StoreCustomers += n
	}
	return r, nil
}

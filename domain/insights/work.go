package insights

import (
	"context"

	"github.com/crmtui/crmtui/domain"
)

// The spans of the own-work report.
const (
	WorkDays     = 30  // contacts and completion per day: the last 30 days
	SalesWeeks   = 26  // weekly sales: the last 26 weeks
	StreakDays   = 365 // a streak is looked for this far back
	CoverageDays = 30  // important customers contacted in the last 30 days
)

// Work is a salesperson's own work (or the store's, for salesperson 0).
type Work struct {
	AsOf          domain.Date `json:"as_of"`
	SalespersonID int64       `json:"salesperson_id"`
	Name          string      `json:"name"`
	// Days: the last WorkDays days, oldest first.
	Days []WorkDay `json:"-"`
	// ContactsPerDay, Completion (percent done of the day's agenda, -1 when
	// no agenda was built that day) and WeeklySales (the SalesWeeks weeks
	// ending on the as-of day, oldest first) are the sparklines' figures.
	ContactsPerDay []int    `json:"contacts_per_day"`
	Completion     []int    `json:"completion_per_day"`
	WeeklySales    []Amount `json:"weekly_sales"`
	// Important customers, and how many had a contact in the last CoverageDays days.
	Important        int `json:"important"`
	ImportantCovered int `json:"important_contacted"`
	// Streak: consecutive days with at least one contact, ending on the
	// as-of day — or the day before, when nothing is logged yet today (the
	// day is not over).
	Streak int `json:"streak_days"`
	// MonthSales from the first of the as-of month to the as-of day, and
	// the monthly target (业绩目标, 0 when not set).
	MonthSales Amount `json:"month_sales"`
	Target     Amount `json:"monthly_target"`
}

// ComputeWork turns a year of work days (ascending, any subset of days)
// into the report. days must cover [asOf-StreakDays+1, asOf] where there
// was work; missing days count as nothing done.
func ComputeWork(days []WorkDay, asOf domain.Date) Work {
	w := Work{AsOf: asOf}
	byDay := make(map[domain.Date]WorkDay, len(days))
	for _, d := range days {
		byDay[d.Day] = d
	}
	for i := WorkDays - 1; i >= 0; i-- {
		d := byDay[asOf.AddDays(-i)]
		d.Day = asOf.AddDays(-i)
		w.Days = append(w.Days, d)
		w.ContactsPerDay = append(w.ContactsPerDay, d.Contacts)
		pct := -1
		if d.Items > 0 {
			pct = d.Done * 100 / d.Items
		}
		w.Completion = append(w.Completion, pct)
	}
	for i := SalesWeeks - 1; i >= 0; i-- {
		var sum Amount
		for k := 0; k < 7; k++ {
			sum += Amount(byDay[asOf.AddDays(-i*7-k)].Sales)
		}
		w.WeeklySales = append(w.WeeklySales, sum)
	}
	day := asOf
	if byDay[day].Contacts == 0 {
		day = day.AddDays(-1)
	}
	for byDay[day].Contacts > 0 && asOf.Sub(day) < StreakDays {
		w.Streak++
		day = day.AddDays(-1)
	}
	for d := asOf.AddDays(1 - asOf.Day()); !d.After(asOf); d = d.AddDays(1) {
		w.MonthSales += Amount(byDay[d].Sales)
	}
	return w
}

// WorkReport reads a salesperson's year of work and their coverage of
// important customers. sp is nil for the whole store.
func WorkReport(ctx context.Context, src Source, sp *domain.Salesperson, asOf domain.Date) (Work, error) {
	var id int64
	if sp != nil {
		id = sp.ID
	}
	days, err := src.DailyWork(ctx, id, asOf.AddDays(-StreakDays+1), asOf)
	if err != nil {
		return Work{}, err
	}
	w := ComputeWork(days, asOf)
	w.SalespersonID = id
	if sp != nil {
		w.Name, w.Target = sp.Name, Amount(sp.MonthlyTarget)
	}
	w.Important, w.ImportantCovered, err = src.ImportantCoverage(ctx, id, asOf.AddDays(-CoverageDays+1), asOf)
	return w, err
}

package reportview

import (
	"strconv"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/insights"
	"github.com/crmtui/crmtui/tui/chart"
)

// Work draws a salesperson's own work: contacts and completion per day,
// weekly sales, coverage of important customers, the streak and the month
// against the target.
func (v View) Work(w insights.Work) []string {
	c := v.Cat
	who := domain.CleanText(w.Name)
	if w.SalespersonID == 0 {
		who = c.T("insights.store")
	}
	out := append(v.wrap(v.title("insights.work", w.AsOf)+" · "+who), "")
	contacts, total := make([]float64, len(w.ContactsPerDay)), 0
	for i, n := range w.ContactsPerDay {
		contacts[i] = float64(n)
		total += n
	}
	out = append(out, c.T("insights.work.contacts", count(total)), "  "+chart.Sparkline(contacts, len(contacts))+"  "+w.Days[0].Day.String()+" – "+w.AsOf.String())
	done := make([]float64, len(w.Completion))
	for i, p := range w.Completion {
		done[i] = float64(p) // -1 (no agenda) draws as the zero mark
	}
	out = append(out, "", c.T("insights.work.completion"), "  "+chart.Sparkline(done, len(done)))
	sales, sum := make([]float64, len(w.WeeklySales)), insights.Amount(0)
	for i, a := range w.WeeklySales {
		sales[i] = float64(a)
		sum += a
	}
	out = append(out, "", c.T("insights.work.sales", v.money(sum)), "  "+chart.Sparkline(sales, len(sales)), "")
	out = append(out, v.wrap(c.T("insights.work.coverage", count(w.ImportantCovered), count(w.Important), pct(w.ImportantCovered, w.Important)))...)
	if w.Target > 0 {
		out = append(out, v.wrap(c.T("insights.work.target", v.money(w.MonthSales), v.money(w.Target), pct(int(w.MonthSales), int(w.Target))))...)
	} else {
		out = append(out, v.wrap(c.T("insights.work.no_target", v.money(w.MonthSales)))...)
	}
	out = append(out, c.T("insights.work.streak", count(w.Streak)))
	return out
}

// WorkTable is one row per day of the last 30.
func (v View) WorkTable(w insights.Work) Table {
	c := v.Cat
	t := Table{Header: []string{c.T("insights.col.day"), c.T("insights.col.contacts"), c.T("insights.col.amount"),
		c.T("insights.col.items"), c.T("insights.col.done")}}
	for _, d := range w.Days {
		t.Rows = append(t.Rows, []string{d.Day.String(), strconv.Itoa(d.Contacts), d.Sales.String(), strconv.Itoa(d.Items), strconv.Itoa(d.Done)})
	}
	return t
}

package reportview

import (
	"strconv"

	"github.com/crmtui/crmtui/domain/insights"
	"github.com/crmtui/crmtui/tui/chart"
)

// Retention draws today's retention, its 12-month trend as a sparkline
// with the month-end figures, and each salesperson's.
func (v View) Retention(r insights.Retention) []string {
	c := v.Cat
	out := []string{v.title("insights.retention", r.AsOf)}
	if len(r.Points) == 0 || r.StoreCustomers == 0 {
		return append(out, "", c.T("insights.none"))
	}
	now := r.Now()
	out = append(out, v.wrap(c.T("insights.ret.now", count(now.Store), pct(now.Store, r.StoreCustomers)))...)
	first := r.Points[0].Store
	out = append(out, c.T("insights.ret.change", signed(now.Store-first)))
	out = append(out, "", c.T("insights.ret.trend"))
	vals := make([]float64, len(r.Points))
	for i, p := range r.Points {
		vals[i] = float64(p.Store)
	}
	out = append(out, "  "+chart.Sparkline(vals, len(vals))+"  "+count(first)+" → "+count(now.Store))
	bars := make([]chart.Bar, 0, len(r.Points))
	for _, p := range r.Points {
		bars = append(bars, chart.Bar{Label: p.End.String(), Value: float64(p.Store), Text: count(p.Store)})
	}
	out = append(out, chart.Bars(bars, v.Chart)...)
	ids := v.retentionIDs(r)
	if len(ids) == 0 {
		return out
	}
	out = append(out, "", c.T("insights.ret.by_sp"))
	bars = bars[:0]
	for _, id := range ids {
		n := now.BySalesperson[id]
		trend := make([]float64, len(r.Points))
		for i, p := range r.Points {
			trend[i] = float64(p.BySalesperson[id])
		}
		bars = append(bars, chart.Bar{Label: v.name(id), Value: float64(n),
			Text: count(n) + " · " + pct(n, r.Customers[id]) + " " + chart.Sparkline(trend, len(trend))})
	}
	return append(out, chart.Bars(bars, v.Chart)...)
}

// retentionIDs lists the owners with customers, by name.
func (v View) retentionIDs(r insights.Retention) []int64 {
	var ids []int64
	for id, n := range r.Customers {
		if n > 0 {
			ids = append(ids, id)
		}
	}
	v.sortIDs(ids)
	return ids
}

func signed(n int) string {
	if n > 0 {
		return "+" + count(n)
	}
	return count(n)
}

// RetentionTable is one row per month end and scope.
func (v View) RetentionTable(r insights.Retention) Table {
	c := v.Cat
	t := Table{Header: []string{c.T("insights.col.end"), c.T("insights.col.scope"), c.T("insights.col.kept"), c.T("insights.col.count"), c.T("insights.col.share")}}
	ids := v.retentionIDs(r)
	for _, p := range r.Points {
		t.Rows = append(t.Rows, []string{p.End.String(), c.T("insights.store"), strconv.Itoa(p.Store), strconv.Itoa(r.StoreCustomers), pct(p.Store, r.StoreCustomers)})
		for _, id := range ids {
			n := p.BySalesperson[id]
			t.Rows = append(t.Rows, []string{p.End.String(), v.name(id), strconv.Itoa(n), strconv.Itoa(r.Customers[id]), pct(n, r.Customers[id])})
		}
	}
	return t
}

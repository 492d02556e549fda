package reportview

import (
	"strconv"
	"strings"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/insights"
	"github.com/crmtui/crmtui/tui/chart"
)

// RFMSummary draws the RFM picture: the cut points, the R×F heat map and
// the customers per class and per stage.
func (v View) RFMSummary(rep insights.RFMReport) []string {
	c := v.Cat
	total := rep.Customers
	out := []string{v.title("insights.rfm", rep.AsOf), v.period(rep.From, rep.AsOf) + " · " + c.T("insights.customers", count(total))}
	if total == 0 {
		return append(out, "", c.T("insights.none"))
	}
	money := func(cuts [4]int64) string {
		parts := make([]string, 4)
		for i, m := range cuts {
			parts[i] = v.shortMoney(insights.Amount(m))
		}
		return strings.Join(parts, "/")
	}
	ints := func(cuts [4]int64) string {
		parts := make([]string, 4)
		for i, n := range cuts {
			parts[i] = strconv.FormatInt(n, 10)
		}
		return strings.Join(parts, "/")
	}
	out = append(out, v.wrap(c.T("insights.rfm.cuts", ints(rep.Cuts.R), ints(rep.Cuts.F), money(rep.Cuts.M)))...)
	out = append(append(out, ""), v.wrap(c.T("insights.rfm.grid"))...)
	var g chart.Grid
	g.RowTitle, g.ColTitle = c.T("insights.rfm.rows"), c.T("insights.rfm.cols")
	for r := range 5 {
		for f := range 5 {
			cell := rep.Grid[r][f]
			g.Cells[r][f] = chart.Cell{Count: cell.Count, Spend: v.shortMoney(cell.Spend)}
		}
	}
	out = append(out, chart.Heatmap(g, v.Chart)...)
	out = append(out, "", c.T("insights.rfm.classes"))
	out = append(out, chart.Bars(v.classBars(rep.Classes, total), v.Chart)...)
	out = append(out, "", c.T("insights.rfm.stages"))
	out = append(out, chart.Bars(v.stageBars(rep.Stages, total), v.Chart)...)
	return out
}

func (v View) classBars(by map[domain.Class]int, total int) []chart.Bar {
	bars := make([]chart.Bar, 0, len(domain.Classes))
	for _, cl := range domain.Classes {
		n := by[cl]
		bars = append(bars, chart.Bar{Label: v.Cat.Class(cl), Value: float64(n), Text: count(n) + " · " + pct(n, total)})
	}
	return bars
}

func (v View) stageBars(by map[domain.Stage]int, total int) []chart.Bar {
	bars := make([]chart.Bar, 0, len(domain.Stages))
	for _, st := range domain.Stages {
		n := by[st]
		bars = append(bars, chart.Bar{Label: v.Cat.Stage(st), Value: float64(n), Text: count(n) + " · " + pct(n, total)})
	}
	return bars
}

// RFMTable is every customer's line (rows in the order given: sort them
// with insights.SortByValue for "most valuable first"); limit > 0 keeps
// the first limit rows.
func (v View) RFMTable(rows []insights.RFMRow, limit int) Table {
	c := v.Cat
	t := Table{Header: []string{c.T("insights.col.customer"), c.T("insights.col.external"), c.T("insights.col.name"),
		c.T("insights.col.owner"), c.T("insights.col.recency"), c.T("insights.col.frequency"), c.T("insights.col.monetary"),
		c.T("insights.col.r"), c.T("insights.col.f"), c.T("insights.col.m"), c.T("insights.col.class"), c.T("insights.col.stage"),
		c.T("insights.col.abc")}}
	if limit > 0 && len(rows) > limit {
		rows = rows[:limit]
	}
	t.Rows = make([][]string, 0, len(rows))
	for _, r := range rows {
		recency := ""
		if r.RecencyDays != nil {
			recency = strconv.Itoa(*r.RecencyDays)
		}
		owner := ""
		if r.OwnerID != 0 {
			owner = v.name(r.OwnerID)
		}
		t.Rows = append(t.Rows, []string{strconv.FormatInt(r.CustomerID, 10), domain.CleanText(r.ExternalID), domain.CleanText(r.Name), owner, recency,
			strconv.Itoa(r.Frequency), r.Monetary.String(), strconv.Itoa(r.R), strconv.Itoa(r.F), strconv.Itoa(r.M),
			c.Class(r.Class), c.Stage(r.Stage), string(r.ABC)})
	}
	return t
}

package reportview

import (
	"strconv"

	"github.com/crmtui/crmtui/domain/insights"
	"github.com/crmtui/crmtui/tui/chart"
)

var abcClasses = []insights.ABC{insights.ClassA, insights.ClassB, insights.ClassC}

// ABC draws the 80/20 split: per class, customers and their revenue.
func (v View) ABC(rep insights.RFMReport) []string {
	c := v.Cat
	s := rep.ABC
	total := rep.Customers
	out := append([]string{v.title("insights.abc", rep.AsOf)}, v.wrap(v.period(rep.From, rep.AsOf)+" · "+c.T("insights.abc.revenue", v.money(s.Revenue)))...)
	if total == 0 {
		return append(out, "", c.T("insights.none"))
	}
	out = append(out, "")
	for _, k := range abcClasses {
		out = append(out, v.wrap(c.T("insights.abc.line", string(k), count(s.Count[k]), pct(s.Count[k], total),
			v.money(s.Spend[k]), pct(int(s.Spend[k]), int(s.Revenue))))...)
	}
	bars := make([]chart.Bar, 0, 3)
	for _, k := range abcClasses {
		bars = append(bars, chart.Bar{Label: string(k), Value: float64(s.Spend[k]), Text: pct(int(s.Spend[k]), int(s.Revenue))})
	}
	out = append(out, "", c.T("insights.col.rev_pct"))
	return append(out, chart.Bars(bars, v.Chart)...)
}

// ABCTable is the split as rows.
func (v View) ABCTable(rep insights.RFMReport) Table {
	c := v.Cat
	s := rep.ABC
	t := Table{Header: []string{c.T("insights.col.abc"), c.T("insights.col.count"), c.T("insights.col.share"),
		c.T("insights.col.revenue"), c.T("insights.col.rev_pct")}}
	for _, k := range abcClasses {
		t.Rows = append(t.Rows, []string{string(k), strconv.Itoa(s.Count[k]), pct(s.Count[k], rep.Customers),
			s.Spend[k].String(), pct(int(s.Spend[k]), int(s.Revenue))})
	}
	return t
}

package reportview

import (
	"strconv"
	"time"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/insights"
	"github.com/crmtui/crmtui/tui/chart"
)

// Funnels draws each event's funnel as bars with the step-to-step rates.
func (v View) Funnels(asOf domain.Date, list []insights.EventFunnel, loc *time.Location) []string {
	c := v.Cat
	out := []string{v.title("insights.funnel", asOf)}
	if len(list) == 0 {
		return append(out, "", c.T("insights.funnel.none"))
	}
	for _, ef := range list {
		f := ef.Funnel
		out = append(append(out, ""), v.wrap(domain.CleanText(ef.Event.Name)+" · "+c.EventKind(ef.Event.Kind)+" · "+domain.DateOf(ef.Event.StartsAt.In(loc)).String())...)
		steps := []struct {
			key string
			n   int
		}{{"cli.event.targeted", f.Targeted}, {"cli.event.invited", f.Invited}, {"cli.event.confirmed", f.Confirmed},
			{"cli.event.attended", f.Attended}, {"cli.event.bought", f.Bought}}
		bars := make([]chart.Bar, 0, len(steps))
		for i, s := range steps {
			text := count(s.n)
			switch {
			case i == len(steps)-1:
				// Buyers are counted whether invited or not, so they are
				// a share of the target, not of those who came.
				text += " · " + pct(s.n, f.Targeted)
			case i > 0:
				text += " · " + pct(s.n, steps[i-1].n)
			}
			bars = append(bars, chart.Bar{Label: c.T(s.key), Value: float64(s.n), Text: text})
		}
		out = append(out, chart.Bars(bars, v.Chart)...)
		out = append(out, v.wrap(c.T("insights.funnel.rates", pct(f.Invited, f.Targeted), pct(f.Confirmed, f.Invited),
			pct(f.Attended, f.Confirmed), pct(f.Bought, f.Targeted), c.Money(f.Revenue)))...)
	}
	return out
}

// FunnelTable is one row per event.
func (v View) FunnelTable(list []insights.EventFunnel, loc *time.Location) Table {
	c := v.Cat
	t := Table{Header: []string{c.T("insights.col.event"), c.T("insights.col.name"), c.T("insights.col.starts"),
		c.T("cli.event.targeted"), c.T("cli.event.invited"), c.T("cli.event.confirmed"), c.T("cli.event.attended"),
		c.T("cli.event.bought"), c.T("cli.event.declined"), c.T("cli.event.no_show"), c.T("cli.event.revenue")}}
	for _, ef := range list {
		f := ef.Funnel
		t.Rows = append(t.Rows, []string{strconv.FormatInt(ef.Event.ID, 10), domain.CleanText(ef.Event.Name), domain.DateOf(ef.Event.StartsAt.In(loc)).String(),
			strconv.Itoa(f.Targeted), strconv.Itoa(f.Invited), strconv.Itoa(f.Confirmed), strconv.Itoa(f.Attended),
			strconv.Itoa(f.Bought), strconv.Itoa(f.Declined), strconv.Itoa(f.NoShow), f.Revenue.String()})
	}
	return t
}

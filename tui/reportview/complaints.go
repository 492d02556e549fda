package reportview

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/insights"
	"github.com/crmtui/crmtui/tui/chart"
)

// Complaints draws the complaint analysis: where from, what about, how
// fast, how well, and whether the customers came back.
func (v View) Complaints(cm insights.Complaints) []string {
	c := v.Cat
	out := []string{v.title("insights.complaints", cm.AsOf), v.period(cm.From, cm.AsOf)}
	if cm.Total == 0 {
		return append(out, "", c.T("insights.cmp.none"))
	}
	out = append(out, "", c.T("insights.cmp.total", count(cm.Total), count(cm.Open)))
	out = append(out, "", c.T("insights.cmp.channel"))
	out = append(out, chart.Bars(v.channelBars(cm), v.Chart)...)
	out = append(out, "", c.T("insights.cmp.kind"))
	out = append(out, chart.Bars(v.kindBars(cm), v.Chart)...)
	out = append(out, "")
	if cm.Closed > 0 {
		out = append(out, v.wrap(c.T("insights.cmp.resolve", v.hours(cm.MedianHours), v.hours(cm.MeanHours)))...)
	}
	out = append(out, v.wrap(c.T("insights.cmp.limit", pct(cm.WithinLimit, cm.LimitBase), count(cm.WithinLimit), count(cm.LimitBase)))...)
	scored := 0
	for _, n := range cm.Satisfaction {
		scored += n
	}
	if scored == 0 {
		out = append(out, v.wrap(c.T("insights.cmp.no_scores"))...)
	} else {
		out = append(out, v.wrap(c.T("insights.cmp.satisfy", fmt.Sprintf("%.1f", cm.MeanScore), count(scored)))...)
		bars := make([]chart.Bar, 0, 5)
		for s := 5; s >= 1; s-- {
			n := cm.Satisfaction[s-1]
			bars = append(bars, chart.Bar{Label: stars(s), Value: float64(n), Text: count(n)})
		}
		out = append(out, chart.Bars(bars, v.Chart)...)
	}
	return append(out, v.wrap(c.T("insights.cmp.cameback", pct(cm.CameBack, cm.Complainants), count(cm.CameBack), count(cm.Complainants)))...)
}

func stars(n int) string {
	s := ""
	for i := 0; i < 5; i++ {
		if i < n {
			s += "★"
		} else {
			s += "☆"
		}
	}
	return s
}

func (v View) hours(h float64) string { return v.Cat.T("insights.hours", h) }

func (v View) channelBars(cm insights.Complaints) []chart.Bar {
	var bars []chart.Bar
	for _, ch := range append(slices.Clone(domain.CaseChannels), "") {
		n, ok := cm.ByChannel[ch]
		if !ok {
			continue
		}
		label := v.Cat.T("insights.cmp.unknown")
		if ch != "" {
			label = v.Cat.CaseChannel(ch)
		}
		bars = append(bars, chart.Bar{Label: label, Value: float64(n), Text: count(n) + " · " + pct(n, cm.Total)})
	}
	return bars
}

func (v View) kindBars(cm insights.Complaints) []chart.Bar {
	var bars []chart.Bar
	for _, k := range append(slices.Clone(domain.CaseSubkinds(domain.CaseComplaint)), "") {
		n, ok := cm.ByKind[k]
		if !ok {
			continue
		}
		label := v.Cat.T("insights.cmp.unknown")
		if k != "" {
			label = v.Cat.CaseSubkind(domain.CaseComplaint, k)
		}
		bars = append(bars, chart.Bar{Label: label, Value: float64(n), Text: count(n) + " · " + pct(n, cm.Total)})
	}
	return bars
}

// ComplaintsTable is the analysis as (section, item, value) rows.
func (v View) ComplaintsTable(cm insights.Complaints) Table {
	c := v.Cat
	t := Table{Header: []string{c.T("insights.col.metric"), c.T("insights.col.key"), c.T("insights.col.value")}}
	add := func(metric, key, value string) { t.Rows = append(t.Rows, []string{metric, key, value}) }
	title := c.T("insights.complaints")
	add(title, "total", strconv.Itoa(cm.Total))
	add(title, "open", strconv.Itoa(cm.Open))
	add(title, "closed", strconv.Itoa(cm.Closed))
	for _, b := range v.channelBars(cm) {
		add(c.T("insights.cmp.channel"), b.Label, strconv.Itoa(int(b.Value)))
	}
	for _, b := range v.kindBars(cm) {
		add(c.T("insights.cmp.kind"), b.Label, strconv.Itoa(int(b.Value)))
	}
	add(title, "median_hours_to_resolve", fmt.Sprintf("%.1f", cm.MedianHours))
	add(title, "mean_hours_to_resolve", fmt.Sprintf("%.1f", cm.MeanHours))
	add(title, "within_limit", strconv.Itoa(cm.WithinLimit))
	add(title, "limit_base", strconv.Itoa(cm.LimitBase))
	for s := 1; s <= 5; s++ {
		add(title, "satisfaction_"+strconv.Itoa(s), strconv.Itoa(cm.Satisfaction[s-1]))
	}
	add(title, "mean_satisfaction", fmt.Sprintf("%.2f", cm.MeanScore))
	add(title, "complainants", strconv.Itoa(cm.Complainants))
	add(title, "came_back", strconv.Itoa(cm.CameBack))
	return t
}

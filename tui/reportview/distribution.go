package reportview

import (
	"slices"
	"strconv"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/insights"
	"github.com/crmtui/crmtui/tui/chart"
)

// Distribution draws the salesperson's customers against the store's
// (个人 vs 店铺) by class and by stage, then daily vs promotion sales.
func (v View) Distribution(d insights.Distribution) []string {
	c := v.Cat
	out := []string{v.title("insights.distribution", d.AsOf)}
	if d.Store.Total == 0 {
		return append(out, "", c.T("insights.none"))
	}
	if v.Me == 0 {
		// Without a salesperson the comparison would be the store with
		// itself: the store's own bars, then the sales split.
		out = append(append(out, ""), c.T("insights.dist.store_classes"))
		out = append(out, chart.Bars(v.classBars(d.Store.Classes, d.Store.Total), v.Chart)...)
		out = append(append(out, ""), c.T("insights.dist.store_stages"))
		out = append(out, chart.Bars(v.stageBars(d.Store.Stages, d.Store.Total), v.Chart)...)
		return v.salesSplit(out, d)
	}
	me := d.BySalesperson[v.Me]
	who := v.name(v.Me)
	store := c.T("insights.store")
	pair := func(label string, mine, all int) chart.Pair {
		a, b := share(mine, me.Total), share(all, d.Store.Total)
		return chart.Pair{Label: label, A: a, B: b, TextA: count(mine) + " · " + pct(mine, me.Total), TextB: count(all) + " · " + pct(all, d.Store.Total)}
	}
	var classes, stages []chart.Pair
	for _, cl := range domain.Classes {
		classes = append(classes, pair(c.Class(cl), me.Classes[cl], d.Store.Classes[cl]))
	}
	for _, st := range domain.Stages {
		stages = append(stages, pair(c.Stage(st), me.Stages[st], d.Store.Stages[st]))
	}
	out = append(append(out, ""), v.wrap(c.T("insights.dist.classes", who))...)
	out = append(out, chart.Compare(classes, who, store, v.Chart)...)
	out = append(append(out, ""), v.wrap(c.T("insights.dist.stages", who))...)
	out = append(out, chart.Compare(stages, who, store, v.Chart)...)
	return v.salesSplit(out, d)
}

// salesSplit adds daily against promotion sales, the store's and each
// salesperson's.
func (v View) salesSplit(out []string, d insights.Distribution) []string {
	c := v.Cat
	store := c.T("insights.store")
	out = append(out, "", c.T("insights.dist.sales")+" · "+v.period(d.From, d.AsOf))
	split := func(label string, s insights.Split) []chart.Bar {
		return []chart.Bar{
			{Label: label + " " + c.T("insights.dist.daily"), Value: float64(s.DailyAmount), Text: v.money(s.DailyAmount) + " · " + pct(int(s.DailyAmount), int(s.Total()))},
			{Label: label + " " + c.T("insights.dist.promo"), Value: float64(s.PromotionAmount), Text: v.money(s.PromotionAmount) + " · " + pct(int(s.PromotionAmount), int(s.Total()))},
		}
	}
	bars := split(store, d.Sales)
	for _, id := range v.salespeopleIn(d.SalesBy) {
		bars = append(bars, split(v.name(id), d.SalesBy[id])...)
	}
	return append(out, chart.Bars(bars, v.Chart)...)
}

// salespeopleIn lists the salespeople with figures, by name, those without
// one last.
func (v View) salespeopleIn(m map[int64]insights.Split) []int64 {
	ids := make([]int64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	v.sortIDs(ids)
	return ids
}

// sortIDs orders salespeople by name, "unassigned" (0) last.
func (v View) sortIDs(ids []int64) {
	slices.SortFunc(ids, func(a, b int64) int {
		switch {
		case a == b:
			return 0
		case a == 0:
			return 1
		case b == 0:
			return -1
		case v.name(a) < v.name(b):
			return -1
		case v.name(a) > v.name(b):
			return 1
		}
		return int(a - b)
	})
}

func share(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return float64(n) / float64(total)
}

// DistributionTable is one row per scope (store, salespeople), dimension
// (class, stage) and value, then the sales split.
func (v View) DistributionTable(d insights.Distribution) Table {
	c := v.Cat
	t := Table{Header: []string{c.T("insights.col.scope"), c.T("insights.col.kind"), c.T("insights.col.value"),
		c.T("insights.col.count"), c.T("insights.col.share"), c.T("insights.col.amount")}}
	tally := func(scope string, tl insights.Tally) {
		for _, cl := range domain.Classes {
			t.Rows = append(t.Rows, []string{scope, c.T("insights.col.class"), c.Class(cl), strconv.Itoa(tl.Classes[cl]), pct(tl.Classes[cl], tl.Total), ""})
		}
		for _, st := range domain.Stages {
			t.Rows = append(t.Rows, []string{scope, c.T("insights.col.stage"), c.Stage(st), strconv.Itoa(tl.Stages[st]), pct(tl.Stages[st], tl.Total), ""})
		}
	}
	sales := func(scope string, s insights.Split) {
		t.Rows = append(t.Rows,
			[]string{scope, c.T("insights.dist.sales"), c.T("insights.dist.daily"), strconv.Itoa(s.DailyCount), pct(int(s.DailyAmount), int(s.Total())), s.DailyAmount.String()},
			[]string{scope, c.T("insights.dist.sales"), c.T("insights.dist.promo"), strconv.Itoa(s.PromotionCount), pct(int(s.PromotionAmount), int(s.Total())), s.PromotionAmount.String()})
	}
	store := c.T("insights.store")
	tally(store, d.Store)
	sales(store, d.Sales)
	ids := make([]int64, 0, len(d.BySalesperson))
	for id := range d.BySalesperson {
		ids = append(ids, id)
	}
	for id := range d.SalesBy {
		if _, ok := d.BySalesperson[id]; !ok {
			ids = append(ids, id)
		}
	}
	v.sortIDs(ids)
	for _, id := range ids {
		if tl, ok := d.BySalesperson[id]; ok {
			tally(v.name(id), tl)
		}
		if s, ok := d.SalesBy[id]; ok {
			sales(v.name(id), s)
		}
	}
	return t
}

package reportview

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/insights"
)

// The in-memory store the report drawings are tested on: a few dozen
// customers with purchases from none to a hundred million yuan, owners with
// a long Chinese name, a long English one and none, complaints from every
// channel and none, and events with long names, all as of one fixed day.
var (
	cst  = time.FixedZone("CST", 8*3600)
	asOf = domain.MustDate("2026-11-22")
)

// memSource implements insights.Source from plain slices.
type memSource struct {
	sales     []domain.Salesperson
	customers []memCustomer
	events    []domain.Event
	funnels   map[int64]domain.Funnel
	cases     []domain.ServiceCase
	work      []insights.WorkDay
	important int
	contacted int
}

// memCustomer is a customer and their sales (day and amount; a negative
// amount is a return).
type memCustomer struct {
	id, owner int64
	external  string
	name      string
	sales     []memSale
}

type memSale struct {
	day    domain.Date
	amount domain.Money
	promo  bool
	sp     int64 // the sale's salesperson; 0: the customer's owner
}

// newMemSource builds the test store; every figure follows from a simple
// formula of the customer's index so that the reports have some of every kind.
func newMemSource() *memSource {
	s := &memSource{
		sales: []domain.Salesperson{
			{ID: 1, Name: "王小明", MonthlyTarget: 5_000_000, Active: true},
			{ID: 2, Name: "Bartholomew Featherstonehaugh-Smythe-Worthington", Active: true},
			{ID: 3, Name: "欧阳" + strings.Repeat("娜", domain.MaxNameRunes-2), Active: true}, // the longest name there can be
		},
		funnels: map[int64]domain.Funnel{},
	}
	names := []string{"李雪", "Alexandra Konstantinopoulou-Vanderbilt", "张伟", "欧阳春晓晓晓晓晓晓晓晓晓晓", "王芳", "Li Na", "赵敏", "陈晨"}
	for i := range 48 {
		c := memCustomer{id: int64(i + 1), owner: int64(i % 4), name: names[i%len(names)]}
		if i%3 == 0 {
			c.external = fmt.Sprintf("EXT-%05d", i)
		}
		n := i % 9 // purchases: none for every ninth customer
		for k := range n {
			day := asOf.AddDays(-(i*7 + k*41) % 900)
			amount := domain.Money((i*i*1337 + k*50_000) % 2_000_000)
			switch {
			case i == 7 && k == 0:
				amount = 12_345_678_900 // ¥1.2亿: the grid's widest cell
			case i == 13 && k == 0:
				amount = 987_654_321 // ¥987万
			case i == 20 && k == 1:
				amount = -30_000 // a return
			}
			c.sales = append(c.sales, memSale{day: day, amount: amount, promo: k%3 == 1, sp: int64((i + k) % 3)})
		}
		slices.SortFunc(c.sales, func(a, b memSale) int { return a.day.Compare(b.day) })
		s.customers = append(s.customers, c)
	}
	s.events = []domain.Event{
		{ID: 1, Name: "冬季新品品鉴会暨会员答谢晚宴（本店三楼多功能厅）", Kind: domain.EventKinds[0], StartsAt: asOf.AddDays(-20).Time(cst).Add(14 * time.Hour)},
		{ID: 2, Name: "An extraordinarily long English event name for the holiday season sale", Kind: domain.EventKinds[1], StartsAt: asOf.AddDays(10).Time(cst).Add(10 * time.Hour)},
		{ID: 3, Name: "Old", Kind: domain.EventKinds[0], StartsAt: asOf.AddDays(-500).Time(cst)},
	}
	s.funnels[1] = domain.Funnel{Targeted: 1200, Invited: 1100, Confirmed: 640, Attended: 512, Bought: 230, Declined: 80, NoShow: 128, Revenue: 123_456_789}
	s.funnels[2] = domain.Funnel{Targeted: 40}
	at := func(days, hours int) time.Time {
		return asOf.AddDays(-days).Time(cst).Add(time.Duration(hours) * time.Hour)
	}
	channels := append(slices.Clone(domain.CaseChannels), "")
	kinds := append(slices.Clone(domain.CaseSubkinds(domain.CaseComplaint)), "")
	for i := range 17 {
		c := domain.ServiceCase{ID: int64(i + 1), CustomerID: int64(i*3 + 1), Kind: domain.CaseComplaint,
			Channel: channels[i%len(channels)], Subkind: kinds[i%len(kinds)], Title: "投诉",
			OpenedAt: at(i*11, 9), DueAt: at(i*11, 33)}
		if i%4 != 0 {
			c.ClosedAt = at(i*11, 9+i*5)
			c.Status = domain.CaseClosed
			c.Satisfaction = 1 + i%5
		}
		s.cases = append(s.cases, c)
	}
	s.cases = append(s.cases, domain.ServiceCase{ID: 99, CustomerID: 2, Kind: domain.CaseAfterSale, OpenedAt: at(3, 9), DueAt: at(2, 9)})
	for d := range insights.StreakDays {
		if d%5 == 4 && d > 20 {
			continue
		}
		items := 10 + d%7
		s.work = append(s.work, insights.WorkDay{Day: asOf.AddDays(-insights.StreakDays + 1 + d), Contacts: d % 13,
			Sales: domain.Money(d * 10_007 % 900_000), Items: items, Done: min(items, d%11)})
	}
	s.important, s.contacted = 37, 29
	return s
}

func (s *memSource) CustomerFigures(_ context.Context, day domain.Date, windowDays int) ([]insights.Figures, error) {
	from := day.AddDays(-windowDays + 1)
	out := make([]insights.Figures, 0, len(s.customers))
	for _, c := range s.customers {
		f := insights.Figures{CustomerID: c.id, ExternalID: c.external, Name: c.name, OwnerID: c.owner}
		for _, sl := range c.sales {
			if sl.day.After(day) {
				continue
			}
			if sl.amount > 0 {
				if f.Stats.PurchaseCount == 0 {
					f.Stats.FirstPurchase = sl.day
				}
				f.Stats.PurchaseCount++
				f.Stats.LastPurchase = sl.day
			}
			if !sl.day.Before(from) {
				if sl.amount > 0 {
					f.Frequency++
				}
				f.Monetary += sl.amount
			}
		}
		if f.Stats.PurchaseCount > 1 {
			f.Stats.AvgIntervalDays = float64(f.Stats.LastPurchase.Sub(f.Stats.FirstPurchase)) / float64(f.Stats.PurchaseCount-1)
		}
		out = append(out, f)
	}
	return out, nil
}

func (s *memSource) SaleDays(_ context.Context, from, to domain.Date) ([]insights.SaleDays, error) {
	var out []insights.SaleDays
	for _, c := range s.customers {
		r := insights.SaleDays{CustomerID: c.id, OwnerID: c.owner}
		for _, sl := range c.sales {
			if sl.amount > 0 && !sl.day.Before(from) && !sl.day.After(to) && !slices.Contains(r.Days, sl.day) {
				r.Days = append(r.Days, sl.day)
			}
		}
		if len(r.Days) > 0 {
			out = append(out, r)
		}
	}
	return out, nil
}

func (s *memSource) SalesSplit(_ context.Context, from, to domain.Date) ([]insights.SalesRow, error) {
	type k struct {
		sp    int64
		promo bool
	}
	sums := map[k]*insights.SalesRow{}
	var order []k
	for _, c := range s.customers {
		for _, sl := range c.sales {
			if sl.day.Before(from) || sl.day.After(to) {
				continue
			}
			sp := sl.sp
			if sp == 0 {
				sp = c.owner
			}
			key := k{sp, sl.promo}
			r, ok := sums[key]
			if !ok {
				r = &insights.SalesRow{SalespersonID: sp, Promotion: sl.promo}
				sums[key] = r
				order = append(order, key)
			}
			if sl.amount > 0 {
				r.Count++
			}
			r.Amount += sl.amount
		}
	}
	out := make([]insights.SalesRow, 0, len(order))
	for _, key := range order {
		out = append(out, *sums[key])
	}
	return out, nil
}

func (s *memSource) DailyWork(_ context.Context, _ int64, from, to domain.Date) ([]insights.WorkDay, error) {
	var out []insights.WorkDay
	for _, d := range s.work {
		if !d.Day.Before(from) && !d.Day.After(to) {
			out = append(out, d)
		}
	}
	return out, nil
}

func (s *memSource) ImportantCoverage(context.Context, int64, domain.Date, domain.Date) (int, int, error) {
	return s.important, s.contacted, nil
}

func (s *memSource) LastSaleDays(_ context.Context, ids []int64, day domain.Date) (map[int64]domain.Date, error) {
	out := map[int64]domain.Date{}
	for _, c := range s.customers {
		if !slices.Contains(ids, c.id) {
			continue
		}
		for _, sl := range c.sales {
			if sl.amount > 0 && !sl.day.After(day) {
				out[c.id] = sl.day
			}
		}
	}
	return out, nil
}

func (s *memSource) CustomerCounts(context.Context) (map[int64]int, error) {
	out := map[int64]int{}
	for _, c := range s.customers {
		out[c.owner]++
	}
	return out, nil
}

func (s *memSource) Salespeople(context.Context) ([]domain.Salesperson, error) { return s.sales, nil }

func (s *memSource) Events(context.Context) ([]domain.Event, error) { return s.events, nil }

func (s *memSource) EventFunnel(_ context.Context, id int64) (domain.Funnel, error) {
	return s.funnels[id], nil
}

func (s *memSource) Cases(_ context.Context, f domain.CaseFilter) ([]domain.ServiceCase, error) {
	var out []domain.ServiceCase
	for _, c := range s.cases {
		if f.Kind == "" || c.Kind == f.Kind {
			out = append(out, c)
		}
	}
	return out, nil
}

// compute is a section's report on the test store as of the fixed day,
// for the first salesperson (me nil: for the store).
func compute(src insights.Source, section insights.Section, me *domain.Salesperson) (insights.Result, error) {
	return insights.Compute(context.Background(), src, insights.Request{Section: section, AsOf: asOf,
		Segment: domain.DefaultSegmentConfig(), Loc: cst, Me: me})
}

func (s *memSource) EachCustomerFigures(ctx context.Context, day domain.Date, windowDays int, fn func(*insights.Figures) error) error {
	figs, err := s.CustomerFigures(ctx, day, windowDays)
	if err != nil {
		return err
	}
	for i := range figs {
		if err := fn(&figs[i]); err != nil {
			return err
		}
	}
	return nil
}

// Package demo writes a realistic demo store: a shop with a few
// salespeople, Chinese customers with full profiles, two years of purchases
// and contacts, events with invitations and open service cases. A scripted
// part guarantees that the agenda of the chosen day has items from every
// rule for the first salesperson; the rest is random but reproducible: the
// same seed and day give the same data.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/domain"
)

// MinCustomers is the smallest demo: the scripted customers that give every
// rule an item, plus a few random ones.
const MinCustomers = 40

// Options size the demo store.
type Options struct {
	Customers            int     // how many customers (default 120)
	Seed                 uint64  // random seed (default 1)
	PurchasesPerCustomer float64 // average purchases per customer over two years (default 10)
	ContactsPerCustomer  float64 // average contacts per customer over two years (default 20)
	Progress             func(done, total int)
}

// Defaults fills unset options.
func (o *Options) Defaults() {
	if o.Customers <= 0 {
		o.Customers = 120
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.PurchasesPerCustomer <= 0 {
		o.PurchasesPerCustomer = 10
	}
	if o.ContactsPerCustomer <= 0 {
		o.ContactsPerCustomer = 20
	}
}

// gen holds one generation run.
type gen struct {
	ctx      context.Context
	s        *db.Store
	b        *db.Bulk
	r        *rand.Rand
	opt      Options
	today    domain.Date
	loc      *time.Location
	store    domain.Store
	sales    []domain.Salesperson
	me       domain.Salesperson
	past     []domain.Event // past events, for purchases and invitations
	arrivals domain.Event   // an upcoming event random customers are planned for
	created  int
}

// Generate writes the demo store into s, which should be empty. The store's
// clock decides "today".
func Generate(ctx context.Context, s *db.Store, opt Options) error {
	opt.Defaults()
	if opt.Customers < MinCustomers {
		return fmt.Errorf("a demo store has at least %d customers, not %d", MinCustomers, opt.Customers)
	}
	g := &gen{ctx: ctx, s: s, opt: opt, today: s.Today(), loc: s.Loc(),
		r: rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))}
	if err := g.team(); err != nil {
		return err
	}
	b, err := s.BeginBulk(ctx)
	if err != nil {
		return err
	}
	g.b = b
	if err := g.fill(); err != nil {
		b.Rollback()
		return err
	}
	if err := b.Commit(); err != nil {
		return err
	}
	return s.MarkDemo(ctx)
}

// fill writes everything inside the bulk transaction.
func (g *gen) fill() error {
	if err := g.pastEvents(); err != nil {
		return err
	}
	sc, err := g.scenario()
	if err != nil {
		return err
	}
	if err := g.agendaHistory(); err != nil {
		return err
	}
	for i := 0; i < g.opt.Customers-sc; i++ {
		if err := g.randomCustomer(); err != nil {
			return fmt.Errorf("demo customer %d: %w", i+1, err)
		}
		if g.opt.Progress != nil && (i%500 == 0 || i == g.opt.Customers-sc-1) {
			g.opt.Progress(sc+i+1, g.opt.Customers)
		}
	}
	return nil
}

// team creates the shop, its salespeople and its own days.
func (g *gen) team() error {
	g.store = domain.Store{Name: storeNames[0], Address: "上海市静安区南京西路1515号", Phone: "021-6288 1234"}
	if err := g.s.CreateStore(g.ctx, &g.store); err != nil {
		return err
	}
	for i, n := range g.teamNames() {
		sp := domain.Salesperson{StoreID: g.store.ID, Name: n, Active: true, MonthlyTarget: domain.Money(150000_00 + 20000_00*(i%4)),
			Phone: fmt.Sprintf("139%08d", 16000000+i*1111)}
		if err := g.s.CreateSalesperson(g.ctx, &sp); err != nil {
			return err
		}
		g.sales = append(g.sales, sp)
	}
	g.me = g.sales[0]
	// The store's anniversary falls two days from today, so that the demo
	// always shows a holiday greeting whatever the date; a monthly member
	// day would need a rule kind of its own, so the demo keeps to yearly days.
	anniv := g.today.AddDays(2)
	for _, d := range []domain.SpecialDay{
		{Name: "店庆日", Calendar: domain.Solar, Month: int(anniv.Month()), Day: anniv.Day()},
		{Name: "会员答谢日", Calendar: domain.Solar, Month: 6, Day: 18},
	} {
		if err := g.s.AddSpecialDay(g.ctx, &d); err != nil {
			return err
		}
	}
	return nil
}

// BookSize is how many customers one demo salesperson looks after in a
// large demo: a real 导购's book is some hundreds to a couple of thousand
// customers, so a 100,000-customer store has 50 salespeople, not 4.
const BookSize = 2000

// teamNames names the salespeople: the four of the small demo, then one
// more per BookSize customers, with generated unique names.
func (g *gen) teamNames() []string {
	names := append([]string(nil), salesNames...)
	taken := map[string]bool{}
	for _, n := range names {
		taken[n] = true
	}
	for len(names) < (g.opt.Customers+BookSize-1)/BookSize {
		sn := g.pickSurname()
		n := sn.han + pick(g, givenFemale)
		if g.r.IntN(3) == 0 {
			n = sn.han + pick(g, givenMale)
		}
		if !taken[n] {
			taken[n] = true
			names = append(names, n)
		}
	}
	return names
}

// owner picks a salesperson: in the small demo the first ("me") looks
// after 40 % so that their Today is full; in a large one every
// salesperson has a book of about BookSize customers.
func (g *gen) owner() domain.Salesperson {
	if len(g.sales) > len(salesNames) {
		return g.sales[g.r.IntN(len(g.sales))]
	}
	if g.r.Float64() < 0.4 {
		return g.me
	}
	return g.sales[1+g.r.IntN(len(g.sales)-1)]
}

// at returns an instant on day between 10:00 and 21:00 local time.
func (g *gen) at(day domain.Date) time.Time {
	return day.Time(g.loc).Add(time.Duration(10*60+g.r.IntN(11*60)) * time.Minute)
}

// pastEvents creates the store's events of the last two years: one roughly
// every seven weeks, purchases at which count as promotion sales.
func (g *gen) pastEvents() error {
	kinds := []struct {
		kind domain.EventKind
		name string
	}{
		{domain.EventNewArrivals, "秋冬新品品鉴会"}, {domain.EventPromotion, "会员专享折扣周"},
		{domain.EventVIPEvening, "VIP之夜"}, {domain.EventHolidaySale, "年货节"}, {domain.EventSalon, "护肤沙龙"},
	}
	for d := g.today.AddDays(-720); d.Before(g.today.AddDays(-14)); d = d.AddDays(49) {
		k := kinds[g.r.IntN(len(kinds))]
		start := d.Time(g.loc).Add(14 * time.Hour)
		e := domain.Event{Name: fmt.Sprintf("%s·%d年%d月", k.name, d.Year(), int(d.Month())), Kind: k.kind, StartsAt: start,
			EndsAt: start.Add(6 * time.Hour), Place: g.store.Name, Purpose: "回馈老顾客，带动新品", Capacity: 60,
			InviteWindowDays: 14, StoreID: g.store.ID}
		if err := g.b.Event(&e); err != nil {
			return err
		}
		g.past = append(g.past, e)
	}
	return nil
}

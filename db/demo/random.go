package demo

import (
	"fmt"
	"math"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/lunar"
)

// pickSurname draws a surname by weight.
func (g *gen) pickSurname() surname {
	total := 0
	for _, s := range surnames {
		total += s.weight
	}
	n := g.r.IntN(total)
	for _, s := range surnames {
		if n < s.weight {
			return s
		}
		n -= s.weight
	}
	return surnames[0]
}

func pick[T any](g *gen, xs []T) T { return xs[g.r.IntN(len(xs))] }

// some returns up to n distinct picks.
func some[T comparable](g *gen, xs []T, n int) []T {
	var out []T
	for i := 0; i < n; i++ {
		x := pick(g, xs)
		dup := false
		for _, o := range out {
			dup = dup || o == x
		}
		if !dup {
			out = append(out, x)
		}
	}
	return out
}

// profile returns a filled-in customer profile owned by sp.
func (g *gen) profile(sp domain.Salesperson) domain.Customer {
	sn := g.pickSurname()
	c := domain.Customer{OwnerID: sp.ID, StoreID: g.store.ID}
	if g.r.Float64() < 0.75 {
		c.Gender = domain.GenderFemale
		c.Name = sn.han + pick(g, givenFemale)
	} else {
		c.Gender = domain.GenderMale
		c.Name = sn.han + pick(g, givenMale)
	}
	if g.r.Float64() < 0.08 {
		c.Gender = domain.GenderUnknown
	}
	c.Salutation = domain.SuggestSalutation(c.Name, c.Gender)
	if g.r.Float64() < 0.06 {
		c.Salutation = domain.Surname(c.Name) + "总"
	}
	if g.r.Float64() < 0.15 {
		c.Remark = c.Salutation + "（" + pick(g, remarks) + "）"
	}
	if g.r.Float64() < 0.92 {
		c.Phones = []string{fmt.Sprintf("1%d%d%08d", 3+g.r.IntN(7), g.r.IntN(10), g.r.IntN(100000000))}
		if g.r.Float64() < 0.08 {
			c.Phones = append(c.Phones, fmt.Sprintf("021-%08d", 50000000+g.r.IntN(40000000)))
		}
	}
	if g.r.Float64() < 0.6 {
		c.WeChat = fmt.Sprintf("%s_%s%d", sn.pinyin, pick(g, handles), 10+g.r.IntN(90))
	}
	c.Source = pick(g, []domain.Source{domain.SourceFaceToFace, domain.SourceFaceToFace, domain.SourceWalkIn, domain.SourceReferral,
		domain.SourceEvent, domain.SourceOnline, domain.SourceOther})
	if c.Source == domain.SourceReferral && g.created > 1 {
		c.ReferrerID = int64(1 + g.r.IntN(g.created))
	}
	if g.r.Float64() < 0.7 {
		c.KeyDates = append(c.KeyDates, g.birthday())
	}
	if g.r.Float64() < 0.15 {
		label := pick(g, []string{"结婚纪念日", "入会纪念日", "第一次购买"})
		y := g.today.Year() - 1 - g.r.IntN(15)
		d := domain.NewDate(y, 1, 1).AddDays(g.r.IntN(365))
		c.KeyDates = append(c.KeyDates, domain.KeyDate{Kind: domain.KindAnniversary, Label: label, Calendar: domain.Solar,
			Year: d.Year(), Month: int(d.Month()), Day: d.Day()})
	}
	if g.r.Float64() < 0.5 {
		c.Preferences = domain.Preferences{Sizes: some(g, sizes, 1), Colors: some(g, colors, 2), Brands: some(g, brands, 1),
			Categories: some(g, []string{"服装", "护肤", "食品", "家居", "鞋包"}, 2)}
	}
	if g.r.Float64() < 0.4 {
		c.DirectNeeds = pick(g, directNeeds)
	}
	if g.r.Float64() < 0.3 {
		c.PotentialNeeds = pick(g, potentialNeeds)
	}
	if g.r.Float64() < 0.25 {
		c.RecentFocus = pick(g, recentFocus)
	}
	c.Tags = some(g, tagPool, g.r.IntN(4))
	switch x := g.r.Float64(); {
	case x < 0.4:
		c.Contact.Preferred = domain.ChannelWeChat
	case x < 0.6:
		c.Contact.Preferred = domain.ChannelCall
	}
	if g.r.Float64() < 0.1 {
		c.Contact.AvoidHours = "12:00-13:30"
	}
	c.Contact.DoNotContact = g.r.Float64() < 0.02
	if g.r.Float64() < 0.05 {
		c.ValueType = pick(g, []domain.ValueType{domain.ValueProfit, domain.ValueVolume, domain.ValueRelationship, domain.ValueStrategic})
	}
	return c
}

// birthday returns a birthday, a quarter of them in the lunar calendar.
func (g *gen) birthday() domain.KeyDate {
	y := g.today.Year() - 20 - g.r.IntN(45)
	d := domain.NewDate(y, 1, 1).AddDays(g.r.IntN(365))
	k := domain.KeyDate{Kind: domain.KindBirthday, Calendar: domain.Solar, Year: y, Month: int(d.Month()), Day: d.Day()}
	if g.r.Float64() < 0.25 {
		if ld, err := lunar.FromSolar(d.YMD()); err == nil {
			k = domain.KeyDate{Kind: domain.KindBirthday, Calendar: domain.Lunar, Year: ld.Year, Month: ld.Month, Day: ld.Day, Leap: ld.Leap}
		}
	}
	if g.r.Float64() < 0.4 {
		k.Year = 0 // many tell the day, not the year
		if k.Calendar == domain.Lunar && k.Leap {
			k.Leap = false
		}
	}
	return k
}

// randomCustomer writes one customer with a purchase history drawn from an
// archetype (prospect, one-time, regular, frequent, seasonal, lapsed) and
// contacts around it.
func (g *gen) randomCustomer() error {
	c := g.profile(g.owner())
	scale := 10 / g.opt.PurchasesPerCustomer
	var interval float64
	var start, stop domain.Date
	span := 730
	switch x := g.r.Float64(); {
	case x < 0.10: // prospect: no purchase yet
		if g.r.Float64() < 0.5 {
			c.MAN = domain.MAN{Money: domain.Yes, Need: domain.Yes}
		}
	case x < 0.33: // one-time buyer
		start = g.today.AddDays(-1 - g.r.IntN(span))
		stop = start
	case x < 0.75: // regular
		interval = (20 + g.r.Float64()*50) * scale
	case x < 0.85: // frequent, high value
		interval = (8 + g.r.Float64()*20) * scale
	case x < 0.93: // seasonal
		interval = (140 + g.r.Float64()*100) * scale
	default: // lapsed: bought regularly, then stopped
		interval = (20 + g.r.Float64()*40) * scale
		stop = g.today.AddDays(-120 - g.r.IntN(300))
	}
	if interval > 0 {
		start = g.today.AddDays(-1 - span/3 - g.r.IntN(span*2/3)) // repeat buyers have mostly been around a while
		if stop.IsZero() {
			stop = g.today.AddDays(-1)
		}
		if start.After(stop) {
			start, stop = stop, start
		}
	}
	c.CreatedOn = g.today.AddDays(-span - 30)
	if !start.IsZero() {
		c.CreatedOn = start
	}
	if err := g.b.Customer(&c); err != nil {
		return err
	}
	g.created++
	var days []domain.Date
	if !start.IsZero() {
		days = append(days, start)
		for interval > 0 {
			next := days[len(days)-1].AddDays(max(1, int(math.Round(interval*(0.6+g.r.Float64()*0.8)))))
			if next.After(stop) {
				break
			}
			days = append(days, next)
		}
	}
	big := interval > 0 && interval < 30*scale
	attended := map[int64]bool{}
	for _, d := range days {
		p := g.purchase(c.ID, d, big)
		p.SalesID = c.OwnerID // the customer's salesperson made the sale
		if err := g.b.Purchase(&p); err != nil {
			return err
		}
		if p.EventID != 0 {
			attended[p.EventID] = true
		}
		if err := g.routineContacts(c, p); err != nil {
			return err
		}
	}
	if err := g.eventHistory(c, attended); err != nil {
		return err
	}
	if g.arrivals.ID != 0 && !c.Contact.DoNotContact && len(days) > 1 && (c.HasTag("新品控") || g.r.Float64() < 0.05) {
		inv := domain.Invitation{EventID: g.arrivals.ID, CustomerID: c.ID, Status: domain.InvPlanned}
		if err := g.b.Invitation(&inv); err != nil {
			return err
		}
	}
	return g.extraContacts(c, len(days))
}

// eventHistory records invitations to past events: attended where the
// customer bought at the event, and for some others a no-show or a decline,
// so that event funnels have every outcome.
func (g *gen) eventHistory(c domain.Customer, attended map[int64]bool) error {
	if c.Contact.DoNotContact {
		return nil
	}
	for _, e := range g.past {
		status := domain.InvitationStatus("")
		switch x := g.r.Float64(); {
		case attended[e.ID]:
			status = domain.InvAttended
		case c.CreatedOn.After(domain.DateOf(e.StartsAt.In(g.loc))):
		case x < 0.04:
			status = domain.InvNoShow
		case x < 0.08:
			status = domain.InvDeclined
		case x < 0.12:
			status = domain.InvInvited
		}
		if status == "" {
			continue
		}
		start := domain.DateOf(e.StartsAt.In(g.loc))
		inv := domain.Invitation{EventID: e.ID, CustomerID: c.ID, Status: status, Attempts: 1 + g.r.IntN(2),
			InvitedOn: start.AddDays(-3 - g.r.IntN(10))}
		inv.LastAttemptAt = g.at(inv.InvitedOn)
		if err := g.b.Invitation(&inv); err != nil {
			return err
		}
	}
	return nil
}

// purchase draws one to three lines from the catalog; a fifth of the
// purchases near a past event are made at it.
func (g *gen) purchase(customerID int64, day domain.Date, big bool) domain.Purchase {
	p := domain.Purchase{CustomerID: customerID, On: day, At: g.at(day), StoreID: g.store.ID, Channel: domain.SaleOffline}
	if g.r.Float64() < 0.2 {
		p.Channel = domain.SaleOnline
	}
	n := 1 + g.r.IntN(3)
	for i := 0; i < n; i++ {
		pr := pick(g, catalog)
		qty := 1
		if pr.price < 30000 && g.r.Float64() < 0.3 {
			qty = 2
		}
		amount := domain.Money(pr.price * int64(qty))
		if big {
			amount = amount * 3 / 2
		}
		p.Items = append(p.Items, domain.LineItem{Product: pr.name, Category: pr.category, Quantity: qty, Amount: amount})
		p.Amount += amount
		if pr.usageDays > p.UsageDays && i == 0 {
			p.UsageDays = pr.usageDays * qty
		}
	}
	for _, e := range g.past {
		if e.StartsAt.In(g.loc).Format("2006-01-02") == day.String() && g.r.Float64() < 0.6 {
			p.EventID = e.ID
		}
	}
	if g.r.Float64() < 0.03 && day.Before(g.today.AddDays(-30)) {
		p.IsReturn, p.Amount, p.Items, p.UsageDays, p.EventID = true, -p.Amount/2, nil, 0, 0 // a partial return
	}
	return p
}

// routineContacts logs some of the 1-3-7 touches of a past purchase, as a
// salesperson who keeps the habit most of the time would have done.
func (g *gen) routineContacts(c domain.Customer, p domain.Purchase) error {
	if p.IsReturn || !p.On.Before(g.today.AddDays(-8)) || c.Contact.DoNotContact {
		return nil
	}
	steps := []struct {
		day  int
		prob float64
		ch   domain.Channel
		pu   domain.Purpose
		rule agenda.RuleID
	}{{1, 0.55, domain.ChannelWeChat, domain.PurposeRoutine1, agenda.RuleRoutine1},
		{3, 0.35, domain.ChannelWeChat, domain.PurposeRoutine3, agenda.RuleRoutine3},
		{7, 0.3, domain.ChannelCall, domain.PurposeRoutine7, agenda.RuleRoutine7}}
	for _, s := range steps {
		if g.r.Float64() >= s.prob {
			continue
		}
		d := p.On.AddDays(s.day)
		k := domain.Contact{CustomerID: c.ID, On: d, At: g.at(d), Channel: s.ch, Purpose: s.pu, Outcome: g.outcome(s.ch), SalesID: c.OwnerID}
		if err := g.b.Contact(&k); err != nil {
			return err
		}
		// Done through the app: the agenda keeps the step done.
		st := agenda.ItemState{Key: agenda.RoutineKey(p.ID, s.day), Rule: s.rule,
			CustomerID: c.ID, State: agenda.StateDone, At: k.At, On: d, SalesID: c.OwnerID}
		if err := g.b.State(st); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) outcome(ch domain.Channel) domain.Outcome {
	x := g.r.Float64()
	if ch == domain.ChannelCall {
		switch {
		case x < 0.7:
			return domain.OutcomeReached
		case x < 0.95:
			return domain.OutcomeNoAnswer
		}
		return domain.OutcomeDeclined
	}
	switch {
	case x < 0.6:
		return domain.OutcomeReplied
	case x < 0.95:
		return domain.OutcomeNoReply
	}
	return domain.OutcomeOther
}

// extraContacts spreads the remaining contacts of the average over the
// customer's time with the store, mostly greetings and other touches.
func (g *gen) extraContacts(c domain.Customer, purchases int) error {
	if c.Contact.DoNotContact {
		return nil
	}
	want := g.opt.ContactsPerCustomer - float64(purchases)*1.2
	n := int(want*(0.5+g.r.Float64())) + 0
	if n <= 0 {
		return nil
	}
	span := max(1, g.today.Sub(c.CreatedOn)-1)
	purposes := []domain.Purpose{domain.PurposeOther, domain.PurposeOther, domain.PurposeHoliday, domain.PurposeBirthday,
		domain.PurposeInvitation, domain.PurposeService, domain.PurposeReplenishment, domain.PurposeReactivation}
	for i := 0; i < n; i++ {
		d := c.CreatedOn.AddDays(g.r.IntN(span))
		if !d.Before(g.today.AddDays(-1)) {
			continue
		}
		ch := pick(g, []domain.Channel{domain.ChannelWeChat, domain.ChannelWeChat, domain.ChannelCall, domain.ChannelSMS, domain.ChannelInStore})
		k := domain.Contact{CustomerID: c.ID, On: d, At: g.at(d), Channel: ch, Purpose: pick(g, purposes), Outcome: g.outcome(ch), SalesID: c.OwnerID}
		if err := g.b.Contact(&k); err != nil {
			return err
		}
	}
	return nil
}

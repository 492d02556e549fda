package agenda

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
)

// fakeSource is an in-memory Source. Each method follows the contract in
// its doc comment in source.go; the helpers below keep the per-customer
// aggregates (CustomerStats) consistent with the facts, as a store would.
type fakeSource struct {
	seg         domain.SegmentConfig // for dormant_on, as a store computes its column
	loc         *time.Location
	customers   map[int64]*CustomerFact
	tags        map[int64][]string
	purchases   []PurchaseFact
	keyDates    []KeyDateFact
	special     []domain.SpecialDay
	events      []domain.Event
	invitations []domain.Invitation
	cases       []domain.ServiceCase
	followUps   []domain.FollowUp
	contacts    []domain.Contact
	states      map[string]ItemState

	// recorded arguments, for tests that check what the engine asked for
	dormantLimit, quietLimit int
}

var _ Source = (*fakeSource)(nil)

func newFake() *fakeSource {
	return &fakeSource{
		seg:       domain.DefaultSegmentConfig(),
		loc:       cst,
		customers: map[int64]*CustomerFact{},
		tags:      map[int64][]string{},
		states:    map[string]ItemState{},
	}
}

// ---- fixture helpers ----

// cust adds a customer of the given class owned by salesperson 1.
func (f *fakeSource) cust(id int64, class domain.Class) *CustomerFact {
	c := &CustomerFact{ID: id, Name: "顾客" + itoa(id), OwnerID: 1, Class: class}
	f.customers[id] = c
	return c
}

// buy records a sale and updates the customer's aggregates.
func (f *fakeSource) buy(custID, purchaseID int64, on domain.Date, amount domain.Money, usageDays int) PurchaseFact {
	p := PurchaseFact{ID: purchaseID, CustomerID: custID, On: on, UsageDays: usageDays, Product: "商品" + itoa(purchaseID), Amount: amount}
	if usageDays > 0 {
		p.RunsOutOn = on.AddDays(usageDays)
	}
	f.purchases = append(f.purchases, p)
	c := f.customers[custID]
	s := &c.Stats
	s.PurchaseCount++
	s.TotalSpend += amount
	s.FirstPurchase = domain.MinDate(s.FirstPurchase, on)
	if !on.Before(s.LastPurchase) {
		s.LastPurchase, s.LastPurchaseID = on, purchaseID
	}
	if s.PurchaseCount > 1 {
		s.AvgIntervalDays = float64(s.LastPurchase.Sub(s.FirstPurchase)) / float64(s.PurchaseCount-1)
	}
	return p
}

// history sets a customer's purchase aggregates directly: count sales, the
// last on last, avg days apart (the purchase records themselves are not
// needed by the rules that read aggregates).
func (f *fakeSource) history(custID int64, count int, last domain.Date, avg int) {
	c := f.customers[custID]
	c.Stats.PurchaseCount = count
	c.Stats.LastPurchase = last
	c.Stats.FirstPurchase = last.AddDays(-avg * (count - 1))
	c.Stats.AvgIntervalDays = float64(avg)
	c.Stats.TotalSpend = domain.Money(count) * 100_00
}

// contact logs a contact, which resets the customer's last-contact clock.
func (f *fakeSource) contact(custID int64, on domain.Date, purpose domain.Purpose) {
	f.contacts = append(f.contacts, domain.Contact{ID: int64(len(f.contacts) + 1), CustomerID: custID, On: on,
		At: on.Time(f.loc).Add(15 * time.Hour).UTC(), Channel: domain.ChannelCall, Purpose: purpose, Outcome: domain.OutcomeReached})
	c := f.customers[custID]
	c.Stats.LastContact = domain.MaxDate(c.Stats.LastContact, on)
	if purpose.IsMarketing() {
		// Kept newest first and at most MaxMarketingDates, as the store keeps them.
		c.MarketingDates = append(c.MarketingDates, on)
		slices.SortFunc(c.MarketingDates, func(a, b domain.Date) int { return b.Compare(a) })
		c.MarketingDates = c.MarketingDates[:min(len(c.MarketingDates), MaxMarketingDates)]
	}
}

// touches logs n marketing contacts (greetings) in the last days.
func (f *fakeSource) touches(custID int64, day domain.Date, n int) {
	for i := range n {
		f.contact(custID, day.AddDays(-1-i), domain.PurposeHoliday)
	}
}

func (f *fakeSource) setState(st ItemState) { f.states[st.Key] = st }

// ---- Source ----

func (f *fakeSource) inScope(s Scope, custID int64) bool {
	c, ok := f.customers[custID]
	return ok && (s.All || c.OwnerID == s.SalesID)
}

func (f *fakeSource) localDay(t time.Time) domain.Date {
	if t.IsZero() {
		return domain.Date{}
	}
	return domain.DateOf(t.In(f.loc))
}

// byValue orders customers most valuable first: class, RFM, spend, id.
func byValue(a, b CustomerFact) int {
	return cmp.Or(
		cmp.Compare(b.Class.Rank(), a.Class.Rank()),
		cmp.Compare(b.RFM.R+b.RFM.F+b.RFM.M, a.RFM.R+a.RFM.F+a.RFM.M),
		cmp.Compare(b.Stats.TotalSpend, a.Stats.TotalSpend),
		cmp.Compare(a.ID, b.ID))
}

func (f *fakeSource) sortedCustomers() []CustomerFact {
	out := make([]CustomerFact, 0, len(f.customers))
	for _, c := range f.customers {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b CustomerFact) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

func within(d, from, to domain.Date) bool { return !d.Before(from) && !d.After(to) }

func (f *fakeSource) RecentSales(_ context.Context, s Scope, from, to domain.Date) ([]PurchaseFact, error) {
	latest := map[int64]PurchaseFact{}
	for _, p := range f.purchases {
		l, ok := latest[p.CustomerID]
		if !ok || p.On.After(l.On) || (p.On == l.On && p.ID > l.ID) {
			latest[p.CustomerID] = p
		}
	}
	var out []PurchaseFact
	for _, p := range latest {
		if f.inScope(s, p.CustomerID) && within(p.On, from, to) {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b PurchaseFact) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

func (f *fakeSource) KeyDatesMatching(_ context.Context, s Scope, solar, lunar []domain.MonthDay) ([]KeyDateFact, error) {
	var out []KeyDateFact
	for _, k := range f.keyDates {
		if !f.inScope(s, k.CustomerID) {
			continue
		}
		md := domain.MonthDay{Month: k.KeyDate.Month, Day: k.KeyDate.Day, Leap: k.KeyDate.Leap}
		list := solar
		if k.KeyDate.Calendar == domain.Lunar {
			list = lunar
		}
		if slices.Contains(list, md) {
			out = append(out, k)
		}
	}
	return out, nil
}

func (f *fakeSource) SpecialDays(context.Context) ([]domain.SpecialDay, error) {
	return slices.Clone(f.special), nil
}

func (f *fakeSource) GroupMembers(_ context.Context, s Scope, g TargetGroup) ([]GroupMember, error) {
	var out []GroupMember
	for _, c := range f.sortedCustomers() {
		if !f.inScope(s, c.ID) {
			continue
		}
		match := slices.Contains(g.Classes, c.Class)
		for _, tag := range f.tags[c.ID] {
			match = match || slices.Contains(g.Tags, tag)
		}
		if match {
			out = append(out, GroupMember{ID: c.ID, Class: c.Class, DoNotContact: c.DoNotContact, MarketingDates: c.MarketingDates})
		}
	}
	return out, nil
}

func (f *fakeSource) RunningOut(_ context.Context, s Scope, from, to domain.Date) ([]PurchaseFact, error) {
	var out []PurchaseFact
	for _, p := range f.purchases {
		if p.UsageDays > 0 && f.inScope(s, p.CustomerID) && within(p.RunsOutOn, from, to) {
			out = append(out, p)
		}
	}
	return out, nil
}

func (f *fakeSource) DormantCandidates(_ context.Context, s Scope, day, quietSince domain.Date, limit int) ([]CustomerFact, error) {
	f.dormantLimit = limit
	var out []CustomerFact
	for _, c := range f.sortedCustomers() {
		on := f.seg.DormantOn(c.Stats)
		if !f.inScope(s, c.ID) || c.DoNotContact || on.IsZero() || on.After(day) {
			continue
		}
		if !c.Stats.LastContact.IsZero() && !c.Stats.LastContact.Before(quietSince) {
			continue
		}
		out = append(out, c)
	}
	slices.SortStableFunc(out, byValue)
	return out[:min(limit, len(out))], nil
}

func (f *fakeSource) QuietCustomers(_ context.Context, s Scope, day, touchedBefore domain.Date, limit int) ([]CustomerFact, error) {
	f.quietLimit = limit
	var out []CustomerFact
	for _, c := range f.sortedCustomers() {
		if !f.inScope(s, c.ID) || c.DoNotContact || c.Stats.PurchaseCount == 0 {
			continue
		}
		if !c.Stats.LastContact.Before(touchedBefore) || !c.Stats.LastPurchase.Before(touchedBefore) {
			continue
		}
		if on := f.seg.DormantOn(c.Stats); !on.IsZero() && !on.After(day) {
			continue // dormant: left to the dormant rule
		}
		out = append(out, c)
	}
	slices.SortStableFunc(out, byValue)
	return out[:min(limit, len(out))], nil
}

func (f *fakeSource) eventByID(id int64) (domain.Event, bool) {
	for _, e := range f.events {
		if e.ID == id {
			return e, true
		}
	}
	return domain.Event{}, false
}

func (f *fakeSource) AttendedBetween(_ context.Context, s Scope, from, to domain.Date) ([]InvitationFact, error) {
	var out []InvitationFact
	for _, inv := range f.invitations {
		e, ok := f.eventByID(inv.EventID)
		if !ok || inv.Status != domain.InvAttended || !f.inScope(s, inv.CustomerID) {
			continue
		}
		ended := f.localDay(e.EndsAt)
		if ended.IsZero() {
			ended = f.localDay(e.StartsAt)
		}
		if within(ended, from, to) {
			out = append(out, InvitationFact{Invitation: inv, Event: e})
		}
	}
	return out, nil
}

func (f *fakeSource) ClosedCasesBetween(_ context.Context, s Scope, kinds []domain.CaseKind, from, to domain.Date) ([]domain.ServiceCase, error) {
	var out []domain.ServiceCase
	for _, c := range f.cases {
		if c.Status == domain.CaseClosed && slices.Contains(kinds, c.Kind) && f.inScope(s, c.CustomerID) && within(f.localDay(c.ClosedAt), from, to) {
			out = append(out, c)
		}
	}
	return out, nil
}

func (f *fakeSource) OpenFollowUps(_ context.Context, s Scope, day domain.Date) ([]domain.FollowUp, error) {
	var out []domain.FollowUp
	for _, fu := range f.followUps {
		if fu.Status == domain.FollowUpOpen && !fu.Due.After(day) && f.inScope(s, fu.CustomerID) {
			out = append(out, fu)
		}
	}
	return out, nil
}

func (f *fakeSource) UpcomingEvents(_ context.Context, from domain.Date) ([]domain.Event, error) {
	var out []domain.Event
	for _, e := range f.events {
		if !f.localDay(e.StartsAt).Before(from) {
			out = append(out, e)
		}
	}
	return out, nil
}

func (f *fakeSource) Invitations(_ context.Context, s Scope, eventIDs []int64, statuses []domain.InvitationStatus) ([]domain.Invitation, error) {
	var out []domain.Invitation
	for _, inv := range f.invitations {
		if slices.Contains(eventIDs, inv.EventID) && slices.Contains(statuses, inv.Status) && f.inScope(s, inv.CustomerID) {
			out = append(out, inv)
		}
	}
	return out, nil
}

func (f *fakeSource) InvitedOn(_ context.Context, s Scope, day domain.Date) (int, error) {
	n := 0
	for _, inv := range f.invitations {
		if inv.InvitedOn == day && f.inScope(s, inv.CustomerID) {
			n++
		}
	}
	return n, nil
}

func (f *fakeSource) OpenCases(_ context.Context, s Scope) ([]domain.ServiceCase, error) {
	var out []domain.ServiceCase
	for _, c := range f.cases {
		if c.Status != domain.CaseClosed && f.inScope(s, c.CustomerID) {
			out = append(out, c)
		}
	}
	return out, nil
}

func (f *fakeSource) ItemStates(_ context.Context, keys []string) (map[string]ItemState, error) {
	out := map[string]ItemState{}
	for _, k := range keys {
		if st, ok := f.states[k]; ok {
			out[k] = st
		}
	}
	return out, nil
}

func (f *fakeSource) Customers(_ context.Context, ids []int64) (map[int64]CustomerFact, error) {
	out := map[int64]CustomerFact{}
	for _, id := range ids {
		if c, ok := f.customers[id]; ok {
			out[id] = *c
		}
	}
	return out, nil
}

func (f *fakeSource) ActedOn(_ context.Context, s Scope, day domain.Date) (Acted, error) {
	out := Acted{ByRule: map[RuleID]int{}}
	for _, st := range f.states {
		if st.On != day || st.State == StateTrying || !(f.inScope(s, st.CustomerID) || (st.CustomerID == 0 && (s.All || st.SalesID == s.SalesID))) {
			continue
		}
		out.ByRule[st.Rule]++
		if st.State == StateDone {
			out.Done++
		}
	}
	return out, nil
}

// ---- test helpers ----

// cst is the store's local zone (China Standard Time, no DST).
var cst = time.FixedZone("CST", 8*3600)

// day0 is the fixed "today" of most tests: a Sunday.
var day0 = domain.MustDate("2026-11-22")

// d returns day0 plus n days.
func d(n int) domain.Date { return day0.AddDays(n) }

// at returns hh:mm local time on a day.
func at(day domain.Date, hh, mm int) time.Time {
	return day.Time(cst).Add(time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// build runs the engine for day at 10:00 local, store-wide.
func build(t *testing.T, f *fakeSource, day domain.Date, cfg Config) *Agenda {
	t.Helper()
	a, err := Build(context.Background(), f, Query{Date: day, Now: at(day, 10, 0), Loc: cst, Scope: Scope{All: true}}, cfg)
	if err != nil {
		t.Fatalf("Build(%s): %v", day, err)
	}
	return a
}

// keys lists, in agenda order, the keys of the items of the given rules
// (every rule when none is given).
func keys(a *Agenda, rules ...RuleID) []string {
	out := []string{}
	for _, it := range a.All() {
		if len(rules) == 0 || slices.Contains(rules, it.Rule) {
			out = append(out, it.Key)
		}
	}
	return out
}

// item returns the item with the key, failing the test when it is missing.
func item(t *testing.T, a *Agenda, key string) Item {
	t.Helper()
	for _, it := range a.All() {
		if it.Key == key {
			return it
		}
	}
	t.Fatalf("no item %q; agenda has %v", key, keys(a))
	return Item{}
}

// ruleCase is one rule edge: a fixture, a day, config changes, and the
// keys expected (in agenda order) among the items of the rules looked at.
type ruleCase struct {
	name  string
	day   domain.Date // day0 when zero
	setup func(f *fakeSource)
	cfg   func(c *Config)
	rules []RuleID
	want  []string
	check func(t *testing.T, a *Agenda)
}

func runCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			if tc.setup != nil {
				tc.setup(f)
			}
			cfg := DefaultConfig()
			if tc.cfg != nil {
				tc.cfg(&cfg)
			}
			f.seg = cfg.Segment // the store's dormant_on column follows the same knobs
			day := tc.day
			if day.IsZero() {
				day = day0
			}
			a := build(t, f, day, cfg)
			if tc.want != nil {
				if got := keys(a, tc.rules...); !slices.Equal(got, tc.want) {
					t.Fatalf("keys of %v on %s = %v, want %v", tc.rules, day, got, tc.want)
				}
			}
			if tc.check != nil {
				tc.check(t, a)
			}
		})
	}
}

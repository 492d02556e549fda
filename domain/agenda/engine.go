package agenda

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/crmtui/crmtui/domain"
)

// staged is an item being built, with what the later passes need to finish it.
type staged struct {
	item         Item
	forceChannel bool        // keep the rule's channel even if the customer prefers another
	earlier      []string    // 1-3-7: keys of the earlier steps, folded in when not done
	earlierDays  []int       // 1-3-7: those steps' days
	boughtOn     domain.Date // replenishment: dropped if the customer bought again after this day
	limit        limitKind   // trimmed to a daily number after filtering
	rank         int         // value rank among the candidates of a limited rule (1 = most valuable)
	keepDNC      bool        // shown even for do-not-contact customers (service, hand-set follow-ups)
}

type limitKind int

const (
	noLimit limitKind = iota
	limitDormant
	limitSeasonal
	limitInvite
)

// builder holds one agenda computation.
type builder struct {
	ctx       context.Context
	src       Source
	q         Query
	cfg       Config
	staged    []*staged
	customers map[int64]CustomerFact
	members   map[int64][]domain.Date // group members' recent marketing days
	inviteCap int                     // invitations still allowed today
}

// Build answers the daily three questions for q.Date. It is deterministic:
// the same facts, query and config give the same agenda.
func Build(ctx context.Context, src Source, q Query, cfg Config) (*Agenda, error) {
	if q.Date.IsZero() {
		return nil, fmt.Errorf("agenda: no date given")
	}
	if q.Loc == nil {
		q.Loc = time.Local
	}
	b := &builder{ctx: ctx, src: src, q: q, cfg: cfg, customers: map[int64]CustomerFact{}, members: map[int64][]domain.Date{}}
	rules := []struct {
		name string
		on   bool
		run  func() error
	}{
		{"routine", cfg.Routine.Enabled, b.routine},
		{"important days", cfg.ImportantDays.Enabled, b.importantDays},
		{"holidays", cfg.Holidays.Enabled, b.holidays},
		{"replenishment", cfg.Replenish.Enabled, b.replenish},
		{"dormant", cfg.Dormant.Enabled, b.dormant},
		{"seasonal", cfg.Seasonal.Enabled, b.seasonal},
		{"aftercare", cfg.Aftercare.Enabled, b.aftercare},
		{"follow-ups", cfg.FollowUp.Enabled, b.followUps},
		{"invitations", cfg.Invite.Enabled, b.invitations},
		{"service", cfg.Serve.Enabled, b.service},
	}
	for _, r := range rules {
		if !r.on {
			continue
		}
		if err := r.run(); err != nil {
			return nil, fmt.Errorf("agenda %s: %w", r.name, err)
		}
	}
	if err := b.fillCustomers(); err != nil {
		return nil, fmt.Errorf("agenda customers: %w", err)
	}
	if err := b.applyStates(); err != nil {
		return nil, fmt.Errorf("agenda states: %w", err)
	}
	if err := b.applyCap(); err != nil {
		return nil, fmt.Errorf("agenda marketing cap: %w", err)
	}
	acted, err := src.ActedOn(ctx, q.Scope, q.Date)
	if err != nil {
		return nil, fmt.Errorf("agenda progress: %w", err)
	}
	b.order()
	b.applyLimits(acted.ByRule)
	a := &Agenda{Date: q.Date, Maintain: []Item{}, Invite: []Item{}, Serve: []Item{}}
	open := 0
	for _, s := range b.staged {
		switch s.item.Question {
		case Invite:
			a.Invite = append(a.Invite, s.item)
		case Serve:
			a.Serve = append(a.Serve, s.item)
		default:
			a.Maintain = append(a.Maintain, s.item)
		}
		if !s.item.Held {
			open++
		}
	}
	a.Done, a.Total = acted.Done, acted.Done+open
	return a, nil
}

// add stages an item, filling in what every item carries.
func (b *builder) add(s *staged) {
	it := &s.item
	it.Question = it.Rule.Question()
	if it.Template == "" {
		it.Template = string(it.Rule)
	}
	if d := b.q.Date.Sub(it.Due); d > 0 {
		it.OverdueDays = d
	}
	b.staged = append(b.staged, s)
}

// fillCustomers loads the facts of every customer the items name, in one
// batch, and completes the items: display name, class, channel, fields to
// ask for. Items for do-not-contact customers are dropped unless they are
// service the customer asked for.
func (b *builder) fillCustomers() error {
	var ids []int64
	for _, s := range b.staged {
		if id := s.item.CustomerID; id != 0 {
			if _, ok := b.customers[id]; !ok {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if len(ids) > 0 {
		facts, err := b.src.Customers(b.ctx, ids)
		if err != nil {
			return err
		}
		for id, f := range facts {
			b.customers[id] = f
		}
	}
	kept := b.staged[:0]
	for _, s := range b.staged {
		it := &s.item
		if it.CustomerID == 0 {
			kept = append(kept, s)
			continue
		}
		c, ok := b.customers[it.CustomerID]
		if !ok {
			continue // deleted meanwhile
		}
		if c.DoNotContact && !s.keepDNC {
			continue
		}
		if !s.boughtOn.IsZero() && c.Stats.LastPurchase.After(s.boughtOn) {
			continue // bought again: no need to remind
		}
		it.Customer = c.DisplayName()
		it.Salutation = c.Salutation
		it.Phone = c.Phone
		it.Class = c.Class
		if c.Preferred != "" && !s.forceChannel {
			it.Channel = c.Preferred
		}
		if len(c.Missing) > 0 {
			it.Ask = c.Missing[:min(2, len(c.Missing))]
		}
		kept = append(kept, s)
	}
	b.staged = kept
	return nil
}

// applyStates drops items done, skipped or snoozed, folds undone 1-3-7 steps
// into the current one, and marks unanswered calls.
func (b *builder) applyStates() error {
	var keys []string
	for _, s := range b.staged {
		keys = append(keys, s.item.Key)
		keys = append(keys, s.earlier...)
	}
	if len(keys) == 0 {
		return nil
	}
	states, err := b.src.ItemStates(b.ctx, keys)
	if err != nil {
		return err
	}
	kept := b.staged[:0]
	for _, s := range b.staged {
		st, ok := states[s.item.Key]
		if ok && st.Hides(b.q.Date) {
			continue
		}
		if ok && st.State == StateTrying && st.On == b.q.Date {
			s.item.Tries = st.Tries
			s.item.RetryAt = st.RetryAt
		}
		for i, k := range s.earlier {
			if e, ok := states[k]; !ok || e.State == StateSnoozed || e.State == StateTrying {
				s.item.Reason.Folded = append(s.item.Reason.Folded, s.earlierDays[i])
			}
		}
		kept = append(kept, s)
	}
	b.staged = kept
	return nil
}

// applyCap holds marketing items of customers who already had Marketing.Cap
// marketing touches in the window, and leaves such customers out of groups.
func (b *builder) applyCap() error {
	if b.cfg.Marketing.Cap <= 0 {
		return nil
	}
	since := b.q.Date.AddDays(-b.cfg.Marketing.WindowDays + 1)
	touches := func(id int64) int {
		if f, ok := b.customers[id]; ok {
			return MarketingTouches(f.MarketingDates, since)
		}
		return MarketingTouches(b.members[id], since)
	}
	limit := b.cfg.Marketing.Cap
	kept := b.staged[:0]
	for _, s := range b.staged {
		it := &s.item
		switch {
		case !it.Rule.IsMarketing():
		case it.Group != nil:
			members := it.Group.Members[:0]
			for _, id := range it.Group.Members {
				if touches(id) >= limit {
					it.Group.SkippedCap++
				} else {
					members = append(members, id)
				}
			}
			it.Group.Members = members
			it.Reason.N = len(members)
			if len(members) == 0 {
				continue
			}
		case touches(it.CustomerID) >= limit:
			it.Held = true
			it.Reason.Held = true
			it.Reason.Cap = limit
		}
		kept = append(kept, s)
	}
	b.staged = kept
	return nil
}

// order sorts the items of each question: held items last; then overdue
// first; then by customer value; then by due date and time; then by key so
// that the order is stable.
func (b *builder) order() {
	slices.SortStableFunc(b.staged, func(x, y *staged) int {
		a, c := &x.item, &y.item
		switch {
		case a.Held != c.Held:
			return boolCmp(a.Held, c.Held)
		case a.Overdue() != c.Overdue():
			return boolCmp(c.Overdue(), a.Overdue())
		case a.Class.Rank() != c.Class.Rank():
			return c.Class.Rank() - a.Class.Rank()
		case a.Due != c.Due:
			return a.Due.Compare(c.Due)
		case !a.DueAt.Equal(c.DueAt):
			return a.DueAt.Compare(c.DueAt)
		case x.rank != y.rank:
			return x.rank - y.rank
		}
		if a.Key < c.Key {
			return -1
		} else if a.Key > c.Key {
			return 1
		}
		return 0
	})
}

// applyLimits keeps the daily number of dormant, seasonal and invitation
// items: the most valuable candidates (by rank), actionable ones before
// held ones. How long an item has waited does not decide who gets the
// day's slots — an important customer who turned dormant today comes
// before a new one dormant for weeks. Items already acted on today use up
// their slot, so doing one does not pull in the next: the day has an end.
// (Invitations count the ones sent today through inviteCap.) The kept
// items stay in agenda order.
func (b *builder) applyLimits(acted map[RuleID]int) {
	left := map[limitKind]int{
		limitDormant:  b.cfg.Dormant.DailyLimit - acted[RuleDormant],
		limitSeasonal: b.cfg.Seasonal.DailyLimit - acted[RuleSeasonal],
		limitInvite:   b.inviteCap,
	}
	var limited []*staged
	for _, s := range b.staged {
		if s.limit != noLimit {
			limited = append(limited, s)
		}
	}
	slices.SortStableFunc(limited, func(x, y *staged) int {
		if x.item.Held != y.item.Held {
			return boolCmp(x.item.Held, y.item.Held)
		}
		return x.rank - y.rank
	})
	keep := map[*staged]bool{}
	for _, s := range limited {
		if left[s.limit] > 0 {
			left[s.limit]--
			keep[s] = true
		}
	}
	kept := b.staged[:0]
	for _, s := range b.staged {
		if s.limit == noLimit || keep[s] {
			kept = append(kept, s)
		}
	}
	b.staged = kept
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// localDay returns the local calendar day of an instant.
func (b *builder) localDay(t time.Time) domain.Date {
	if t.IsZero() {
		return domain.Date{}
	}
	return domain.DateOf(t.In(b.q.Loc))
}

package agenda

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/crmtui/crmtui/domain"
)

// invitations: for every upcoming event inside its invitation window,
// planned invitations become "invite" items (ranked by value, at most the
// daily quota), invitations without an answer for ChaseAfterDays become
// "chase" items, and confirmed guests get a "remind" item the day before.
func (b *builder) invitations() error {
	c := b.cfg.Invite
	day := b.q.Date
	events, err := b.src.UpcomingEvents(b.ctx, day)
	if err != nil || len(events) == 0 {
		return err
	}
	byID := map[int64]domain.Event{}
	var ids []int64
	for _, e := range events {
		byID[e.ID] = e
		ids = append(ids, e.ID)
	}
	invs, err := b.src.Invitations(b.ctx, b.q.Scope, ids, []domain.InvitationStatus{domain.InvPlanned, domain.InvInvited, domain.InvConfirmed})
	if err != nil {
		return err
	}
	sent, err := b.src.InvitedOn(b.ctx, b.q.Scope, day)
	if err != nil {
		return err
	}
	b.inviteCap = max(0, c.DailyQuota-sent)

	// Rank planned invitations by the customer's value before the quota cuts them.
	var planned []domain.Invitation
	for _, inv := range invs {
		if inv.Status == domain.InvPlanned {
			planned = append(planned, inv)
		}
	}
	if err := b.loadCustomers(planned); err != nil {
		return err
	}
	slices.SortStableFunc(planned, func(x, y domain.Invitation) int {
		a, c := b.customers[x.CustomerID], b.customers[y.CustomerID]
		return cmp.Or(
			cmp.Compare(c.Class.Rank(), a.Class.Rank()),
			cmp.Compare(c.RFM.M+c.RFM.F+c.RFM.R, a.RFM.M+a.RFM.F+a.RFM.R),
			cmp.Compare(c.Stats.TotalSpend, a.Stats.TotalSpend),
			cmp.Compare(x.ID, y.ID))
	})
	rank := map[int64]int{}
	for i, inv := range planned {
		rank[inv.ID] = i
	}

	for _, inv := range invs {
		e := byID[inv.EventID]
		start := b.localDay(e.StartsAt)
		opens := start.AddDays(-e.InviteWindowDays)
		switch inv.Status {
		case domain.InvPlanned:
			if day.Before(opens) || !day.Before(start) {
				continue
			}
			// Due by the last day that still leaves time to chase an
			// unanswered invitation before the event; never before the window opens.
			due := domain.MaxDate(opens, start.AddDays(-c.ChaseAfterDays-1))
			b.add(&staged{item: Item{
				Key:        fmt.Sprintf("invite:%d", inv.ID),
				Rule:       RuleInvite,
				CustomerID: inv.CustomerID,
				Channel:    c.Channel,
				Due:        due,
				Ref:        Ref{EventID: e.ID, InvitationID: inv.ID},
				Reason:     Reason{Code: "invite", Date: start, Days: start.Sub(day), Name: e.Name, N: rank[inv.ID] + 1},
				Template:   "invitation",
			}, limit: limitInvite, rank: rank[inv.ID] + 1})
		case domain.InvInvited:
			last := b.localDay(inv.LastAttemptAt)
			if last.IsZero() {
				last = inv.InvitedOn
			}
			if !day.Before(start) || inv.Attempts >= c.MaxAttempts || last.IsZero() || day.Sub(last) < c.ChaseAfterDays {
				continue
			}
			b.add(&staged{item: Item{
				Key:        fmt.Sprintf("chase:%d:%d", inv.ID, inv.Attempts),
				Rule:       RuleChase,
				CustomerID: inv.CustomerID,
				Channel:    c.Channel,
				Due:        last.AddDays(c.ChaseAfterDays),
				Ref:        Ref{EventID: e.ID, InvitationID: inv.ID},
				Reason:     Reason{Code: "chase", Date: start, Days: day.Sub(last), N: inv.Attempts, Name: e.Name},
				Template:   "chase",
			}})
		case domain.InvConfirmed:
			remindOn := start.AddDays(-c.RemindDaysBefore)
			if day.Before(remindOn) || day.After(start) {
				continue
			}
			b.add(&staged{item: Item{
				Key:        fmt.Sprintf("remind:%d", inv.ID),
				Rule:       RuleRemind,
				CustomerID: inv.CustomerID,
				Channel:    c.RemindChannel,
				Due:        remindOn,
				DueAt:      e.StartsAt,
				Ref:        Ref{EventID: e.ID, InvitationID: inv.ID},
				Reason:     Reason{Code: "remind", Date: start, Days: start.Sub(day), Name: e.Name},
				Template:   "reminder",
			}})
		}
	}
	return nil
}

// loadCustomers fetches the facts of the invitations' customers not loaded yet.
func (b *builder) loadCustomers(invs []domain.Invitation) error {
	var ids []int64
	for _, inv := range invs {
		if _, ok := b.customers[inv.CustomerID]; !ok {
			ids = append(ids, inv.CustomerID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	facts, err := b.src.Customers(b.ctx, slices.Compact(ids))
	if err != nil {
		return err
	}
	for id, f := range facts {
		b.customers[id] = f
	}
	return nil
}

package agenda

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/lunar"
)

// routine: 1-3-7 after the customer's latest sale. Only the latest sale
// counts, so a newer purchase restarts the cycle; the current step is the
// last one due, and earlier steps not done are folded into it.
func (b *builder) routine() error {
	c := b.cfg.Routine
	day := b.q.Date
	last := c.Days[len(c.Days)-1]
	sales, err := b.src.RecentSales(b.ctx, b.q.Scope, day.AddDays(-(last + c.MaxOverdueDays)), day.AddDays(-c.Days[0]))
	if err != nil {
		return err
	}
	for _, p := range sales {
		age := day.Sub(p.On)
		idx := -1
		for i, d := range c.Days {
			if d <= age {
				idx = i
			}
		}
		if idx < 0 || age > last+c.MaxOverdueDays {
			continue
		}
		s := &staged{item: Item{
			Key:        RoutineKey(p.ID, c.Days[idx]),
			Rule:       routineRule(idx),
			CustomerID: p.CustomerID,
			Channel:    c.Channels[idx],
			Due:        p.On.AddDays(c.Days[idx]),
			Ref:        Ref{PurchaseID: p.ID, Step: c.Days[idx]},
			Reason:     Reason{Code: string(routineRule(idx)), Date: p.On, Days: age, N: c.Days[idx], Name: p.Product, Amount: p.Amount},
		}, forceChannel: idx == len(c.Days)-1 && c.LastByCall}
		for j := 0; j < idx; j++ {
			s.earlier = append(s.earlier, RoutineKey(p.ID, c.Days[j]))
			s.earlierDays = append(s.earlierDays, c.Days[j])
		}
		b.add(s)
	}
	return nil
}

// RoutineKey is the item key of a 1-3-7 step: "routine:42:3" is purchase 42, day 3.
func RoutineKey(purchaseID int64, step int) string {
	return "routine:" + strconv.FormatInt(purchaseID, 10) + ":" + strconv.Itoa(step)
}

// importantDays: birthdays and anniversaries from LeadDays before the day to
// LateDays after it, solar or lunar.
func (b *builder) importantDays() error {
	c := b.cfg.ImportantDays
	from, to := b.q.Date.AddDays(-c.LateDays), b.q.Date.AddDays(c.LeadDays)
	solar := mapKeys(domain.SolarWindowKeys(from, to))
	lun := mapKeys(domain.LunarWindowKeys(from, to))
	facts, err := b.src.KeyDatesMatching(b.ctx, b.q.Scope, solar, lun)
	if err != nil {
		return err
	}
	for _, f := range facts {
		k := f.KeyDate
		for _, occ := range k.OccurrencesIn(from, to) {
			rule := RuleBirthday
			if k.Kind == domain.KindAnniversary {
				rule = RuleAnniversary
			}
			r := Reason{Code: string(rule), Date: occ, Days: occ.Sub(b.q.Date), N: k.YearsOn(occ), Name: k.Label}
			tmpl := string(rule)
			if k.Calendar == domain.Lunar {
				r.Lunar = lunar.Date{Month: k.Month, Day: k.Day, Leap: k.Leap}.Chinese()
				if rule == RuleBirthday {
					tmpl = "lunar_birthday"
				}
			}
			b.add(&staged{item: Item{
				Key:        fmt.Sprintf("%s:%d:%s", rule, k.ID, occ),
				Rule:       rule,
				CustomerID: f.CustomerID,
				Channel:    c.Channel,
				Due:        occ,
				Ref:        Ref{KeyDateID: k.ID},
				Reason:     r,
				Template:   tmpl,
			}})
		}
	}
	return nil
}

func mapKeys(m map[domain.MonthDay]domain.Date) []domain.MonthDay {
	out := make([]domain.MonthDay, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b domain.MonthDay) int {
		if a.Month != b.Month {
			return a.Month - b.Month
		}
		if a.Day != b.Day {
			return a.Day - b.Day
		}
		return boolCmp(a.Leap, b.Leap)
	})
	return out
}

// holidays: one grouped item per target group for each holiday from
// LeadDays before it to the day.
func (b *builder) holidays() error {
	c := b.cfg.Holidays
	special, err := b.src.SpecialDays(b.ctx)
	if err != nil {
		return err
	}
	hols := domain.HolidaysIn(b.q.Date, b.q.Date.AddDays(c.LeadDays), special)
	if len(hols) == 0 {
		return nil
	}
	members := make([][]GroupMember, len(c.Groups))
	for gi, g := range c.Groups {
		if members[gi], err = b.src.GroupMembers(b.ctx, b.q.Scope, g); err != nil {
			return err
		}
	}
	for _, h := range hols {
		if slices.Contains(c.Skip, h.ID) {
			continue
		}
		for gi, g := range c.Groups {
			grp := &Group{Name: g.Name}
			best := domain.ClassProspect
			for _, m := range members[gi] {
				if m.DoNotContact {
					grp.SkippedDNC++
					continue
				}
				b.members[m.ID] = m.MarketingDates
				grp.Members = append(grp.Members, m.ID)
				if m.Class.Rank() > best.Rank() {
					best = m.Class
				}
			}
			if len(grp.Members) == 0 {
				continue
			}
			b.add(&staged{item: Item{
				Key:      fmt.Sprintf("holiday:%s:%s:g%d", h.ID, h.Date, gi),
				Rule:     RuleHoliday,
				Customer: g.Name,
				Class:    best,
				Channel:  c.Channel,
				Due:      h.Date,
				Group:    grp,
				Ref:      Ref{HolidayID: h.ID},
				Reason:   Reason{Code: "holiday", Date: h.Date, Days: h.Date.Sub(b.q.Date), N: len(grp.Members), Name: h.NameZH, NameEN: h.NameEN},
				Template: "holiday",
			}})
		}
	}
	return nil
}

// replenish: a sale with expected usage days is due again LeadDays before it
// runs out, unless the customer has bought since.
func (b *builder) replenish() error {
	c := b.cfg.Replenish
	day := b.q.Date
	sales, err := b.src.RunningOut(b.ctx, b.q.Scope, day.AddDays(c.LeadDays-c.MaxOverdueDays), day.AddDays(c.LeadDays))
	if err != nil {
		return err
	}
	for _, p := range sales {
		due := p.RunsOutOn.AddDays(-c.LeadDays)
		if day.Before(due) || day.Sub(due) > c.MaxOverdueDays {
			continue
		}
		b.add(&staged{item: Item{
			Key:        "replenish:" + strconv.FormatInt(p.ID, 10),
			Rule:       RuleReplenish,
			CustomerID: p.CustomerID,
			Channel:    c.Channel,
			Due:        due,
			Ref:        Ref{PurchaseID: p.ID},
			Reason:     Reason{Code: "replenish", Date: p.RunsOutOn, Days: p.RunsOutOn.Sub(day), N: p.UsageDays, Name: p.Product},
		}, boughtOn: p.On})
	}
	return nil
}

// dormant: customers past their dormancy threshold and not contacted for
// QuietDays; one reactivation item per dormancy (keyed by the last purchase
// day), at most DailyLimit a day.
func (b *builder) dormant() error {
	c := b.cfg.Dormant
	day := b.q.Date
	quietSince := day.AddDays(-c.QuietDays + 1)
	cands, err := b.src.DormantCandidates(b.ctx, b.q.Scope, day, quietSince, c.DailyLimit*3+20)
	if err != nil {
		return err
	}
	for i, f := range cands {
		due := b.cfg.Segment.DormantOn(f.Stats)
		if due.IsZero() || day.Before(due) || !f.Stats.LastContact.Before(quietSince) && !f.Stats.LastContact.IsZero() {
			continue
		}
		b.customers[f.ID] = f
		b.add(&staged{item: Item{
			Key:        fmt.Sprintf("dormant:%d:%s", f.ID, f.Stats.LastPurchase),
			Rule:       RuleDormant,
			CustomerID: f.ID,
			Channel:    c.Channel,
			Due:        due,
			Reason: Reason{Code: "dormant", Date: f.Stats.LastPurchase, Days: day.Sub(f.Stats.LastPurchase),
				N: int(f.Stats.AvgIntervalDays + 0.5)},
			Template: "reactivation",
		}, limit: limitDormant, rank: i + 1})
	}
	return nil
}

// seasonal: customers with purchases but neither a contact nor a purchase
// for QuietDays, at most DailyLimit a day. Dormant customers are left to the
// dormant rule.
func (b *builder) seasonal() error {
	c := b.cfg.Seasonal
	day := b.q.Date
	cands, err := b.src.QuietCustomers(b.ctx, b.q.Scope, day, day.AddDays(-c.QuietDays+1), c.DailyLimit*3+20)
	if err != nil {
		return err
	}
	for i, f := range cands {
		touched := domain.MaxDate(f.Stats.LastContact, f.Stats.LastPurchase)
		due := touched.AddDays(c.QuietDays)
		if touched.IsZero() || day.Before(due) {
			continue
		}
		b.customers[f.ID] = f
		b.add(&staged{item: Item{
			Key:        fmt.Sprintf("seasonal:%d:%s", f.ID, due),
			Rule:       RuleSeasonal,
			CustomerID: f.ID,
			Channel:    c.Channel,
			Due:        due,
			Reason:     Reason{Code: "seasonal", Date: touched, Days: day.Sub(touched)},
		}, limit: limitSeasonal, rank: i + 1})
	}
	return nil
}

// aftercare: thank attendees ThanksAfterDays after an event; visit
// (回访) RevisitAfterDays after a case closes.
func (b *builder) aftercare() error {
	c := b.cfg.Aftercare
	day := b.q.Date
	att, err := b.src.AttendedBetween(b.ctx, b.q.Scope, day.AddDays(-c.ThanksAfterDays-c.MaxOverdueDays), day.AddDays(-c.ThanksAfterDays))
	if err != nil {
		return err
	}
	for _, a := range att {
		ended := b.localDay(a.Event.EndsAt)
		if ended.IsZero() {
			ended = b.localDay(a.Event.StartsAt)
		}
		b.add(&staged{item: Item{
			Key:        fmt.Sprintf("aftercare:event:%d", a.Invitation.ID),
			Rule:       RuleAftercare,
			CustomerID: a.Invitation.CustomerID,
			Channel:    c.Channel,
			Due:        ended.AddDays(c.ThanksAfterDays),
			Ref:        Ref{EventID: a.Event.ID, InvitationID: a.Invitation.ID},
			Reason:     Reason{Code: "aftercare_event", Date: ended, Name: a.Event.Name},
			Template:   "thanks",
		}})
	}
	if len(c.RevisitKinds) == 0 {
		return nil
	}
	cases, err := b.src.ClosedCasesBetween(b.ctx, b.q.Scope, c.RevisitKinds, day.AddDays(-c.RevisitAfterDays-c.MaxOverdueDays), day.AddDays(-c.RevisitAfterDays))
	if err != nil {
		return err
	}
	for _, sc := range cases {
		closed := b.localDay(sc.ClosedAt)
		b.add(&staged{item: Item{
			Key:        fmt.Sprintf("aftercare:case:%d", sc.ID),
			Rule:       RuleAftercare,
			CustomerID: sc.CustomerID,
			Channel:    c.Channel,
			Due:        closed.AddDays(c.RevisitAfterDays),
			Ref:        Ref{CaseID: sc.ID},
			Reason:     Reason{Code: "aftercare_case", Date: closed, Name: sc.Title},
			Template:   "service_followup",
		}})
	}
	return nil
}

// followUps: hand-set follow-ups due today or overdue.
func (b *builder) followUps() error {
	fus, err := b.src.OpenFollowUps(b.ctx, b.q.Scope, b.q.Date)
	if err != nil {
		return err
	}
	for _, f := range fus {
		b.add(&staged{item: Item{
			Key:        "followup:" + strconv.FormatInt(f.ID, 10),
			Rule:       RuleFollowUp,
			CustomerID: f.CustomerID,
			Channel:    b.cfg.FollowUp.Channel,
			Due:        f.Due,
			Ref:        Ref{FollowUpID: f.ID},
			Reason:     Reason{Code: "followup", Date: f.Due, Name: f.Note},
		}, keepDNC: true})
	}
	return nil
}

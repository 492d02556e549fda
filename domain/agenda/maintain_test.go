package agenda

import (
	"fmt"
	"testing"

	"github.com/crmtui/crmtui/domain"
)

// ---- replenishment ----

// riceSale: customer 1 bought a 30-day bag of rice (purchase 50) that runs
// out `runsOutIn` days from day0.
func riceSale(runsOutIn int) func(f *fakeSource) {
	return func(f *fakeSource) {
		f.cust(1, domain.ClassRepeat)
		f.buy(1, 50, d(runsOutIn-30), 89_00, 30)
	}
}

func TestReplenish_DueLeadDaysBeforeRunOut(t *testing.T) {
	rules := []RuleID{RuleReplenish}
	runCases(t, []ruleCase{
		{name: "runs out in 3 days: due today", setup: riceSale(3), rules: rules, want: []string{"replenish:50"},
			check: func(t *testing.T, a *Agenda) {
				it := item(t, a, "replenish:50")
				if it.Due != d(0) || it.OverdueDays != 0 || it.Channel != domain.ChannelCall || it.Ref.PurchaseID != 50 {
					t.Errorf("due %s overdue %d channel %s ref %+v", it.Due, it.OverdueDays, it.Channel, it.Ref)
				}
				if it.Reason.Date != d(3) || it.Reason.Days != 3 || it.Reason.N != 30 || it.Reason.Name != "商品50" {
					t.Errorf("reason %+v", it.Reason)
				}
			}},
		{name: "runs out in 4 days: not yet", setup: riceSale(4), rules: rules, want: []string{}},
		{name: "ran out yesterday: overdue 4", setup: riceSale(-1), rules: rules, want: []string{"replenish:50"},
			check: func(t *testing.T, a *Agenda) {
				if it := item(t, a, "replenish:50"); it.OverdueDays != 4 {
					t.Errorf("overdue %d, want 4", it.OverdueDays)
				}
			}},
		{name: "lead_days 7: runs out in 7 days is due", setup: riceSale(7), rules: rules,
			cfg: func(c *Config) { c.Replenish.LeadDays = 7 }, want: []string{"replenish:50"}},
	})
}

func TestReplenish_DroppedWhenCustomerBoughtAgain(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "bought again two days ago", setup: func(f *fakeSource) {
			riceSale(2)(f)
			f.buy(1, 51, d(-2), 20_00, 0)
		}, rules: []RuleID{RuleReplenish}, want: []string{}},
		{name: "an older purchase does not count", setup: func(f *fakeSource) {
			f.cust(1, domain.ClassRepeat)
			f.buy(1, 49, d(-60), 20_00, 0)
			f.buy(1, 50, d(-28), 89_00, 30)
		}, rules: []RuleID{RuleReplenish}, want: []string{"replenish:50"}},
	})
}

func TestReplenish_DroppedAfterMaxOverdue(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "due 14 days ago: kept", setup: riceSale(-11), rules: []RuleID{RuleReplenish}, want: []string{"replenish:50"},
			check: func(t *testing.T, a *Agenda) {
				if it := item(t, a, "replenish:50"); it.OverdueDays != 14 {
					t.Errorf("overdue %d, want 14", it.OverdueDays)
				}
			}},
		{name: "due 15 days ago: dropped", setup: riceSale(-12), rules: []RuleID{RuleReplenish}, want: []string{}},
	})
}

// ---- dormant ----

func dormantKey(id int64, last domain.Date) string { return fmt.Sprintf("dormant:%d:%s", id, last) }

// regular: customer id of class cl bought count times, avg days apart, the
// last time `ago` days before day0.
func regular(id int64, cl domain.Class, count, avg, ago int) func(f *fakeSource) {
	return func(f *fakeSource) {
		f.cust(id, cl)
		f.history(id, count, d(-ago), avg)
	}
}

func setups(fs ...func(f *fakeSource)) func(f *fakeSource) {
	return func(f *fakeSource) {
		for _, fn := range fs {
			fn(f)
		}
	}
}

func TestDormant_OneAndAHalfTimesOwnInterval(t *testing.T) {
	rules := []RuleID{RuleDormant}
	runCases(t, []ruleCase{
		{name: "every 40 days, 61 days since: dormant", setup: regular(1, domain.ClassRepeat, 3, 40, 61), rules: rules,
			want: []string{dormantKey(1, d(-61))}, check: func(t *testing.T, a *Agenda) {
				it := item(t, a, dormantKey(1, d(-61)))
				if it.Due != d(0) || it.Reason.N != 40 || it.Reason.Days != 61 || it.Reason.Date != d(-61) || it.Channel != domain.ChannelCall || it.Template != "reactivation" {
					t.Errorf("due %s reason %+v channel %s template %s", it.Due, it.Reason, it.Channel, it.Template)
				}
			}},
		{name: "every 40 days, 60 days since: not yet", setup: regular(1, domain.ClassRepeat, 3, 40, 60), rules: rules, want: []string{}},
		{name: "every 10 days: at least dormant_min_days 30", setup: regular(1, domain.ClassRepeat, 5, 10, 30), rules: rules, want: []string{}},
		{name: "every 10 days, 31 days since: dormant", setup: regular(1, domain.ClassRepeat, 5, 10, 31), rules: rules, want: []string{dormantKey(1, d(-31))}},
		{name: "prospect: never dormant", setup: func(f *fakeSource) { f.cust(1, domain.ClassProspect) }, rules: rules, want: []string{}},
	})
}

func TestDormant_OneTimeBuyerDefault120Days(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "121 days since the only purchase", setup: regular(1, domain.ClassNew, 1, 0, 121), rules: []RuleID{RuleDormant}, want: []string{dormantKey(1, d(-121))}},
		{name: "120 days since the only purchase", setup: regular(1, domain.ClassNew, 1, 0, 120), rules: []RuleID{RuleDormant}, want: []string{}},
		{name: "one_time_days 60", setup: regular(1, domain.ClassNew, 1, 0, 61), rules: []RuleID{RuleDormant},
			cfg: func(c *Config) { c.Segment.OneTimeDays = 60 }, want: []string{dormantKey(1, d(-61))}},
	})
}

func TestDormant_ContactedWithin30DaysNotShown(t *testing.T) {
	contacted := func(ago int) func(f *fakeSource) {
		return setups(regular(1, domain.ClassRepeat, 3, 40, 100), func(f *fakeSource) { f.contact(1, d(-ago), domain.PurposeOther) })
	}
	runCases(t, []ruleCase{
		{name: "contacted 29 days ago", setup: contacted(29), rules: []RuleID{RuleDormant}, want: []string{}},
		{name: "contacted today", setup: contacted(0), rules: []RuleID{RuleDormant}, want: []string{}},
		{name: "contacted 30 days ago", setup: contacted(30), rules: []RuleID{RuleDormant}, want: []string{dormantKey(1, d(-100))}},
		{name: "do-not-contact", setup: setups(regular(1, domain.ClassRepeat, 3, 40, 100), func(f *fakeSource) { f.customers[1].DoNotContact = true }),
			rules: []RuleID{RuleDormant}, want: []string{}},
	})
}

func TestDormant_DailyLimitKeepsMostValuable(t *testing.T) {
	// Four customers gone quiet the same day; the limit keeps the top two.
	four := setups(
		regular(1, domain.ClassNew, 3, 40, 70),
		regular(2, domain.ClassImportant, 3, 40, 70),
		regular(3, domain.ClassRepeat, 3, 40, 70),
		regular(4, domain.ClassLoyal, 3, 40, 70),
	)
	runCases(t, []ruleCase{
		{name: "limit 2", setup: four, rules: []RuleID{RuleDormant}, cfg: func(c *Config) { c.Dormant.DailyLimit = 2 },
			want: []string{dormantKey(2, d(-70)), dormantKey(4, d(-70))}},
		{name: "limit 0: none", setup: four, rules: []RuleID{RuleDormant}, cfg: func(c *Config) { c.Dormant.DailyLimit = 0 }, want: []string{}},
		{name: "default limit 10 keeps all four", setup: four, rules: []RuleID{RuleDormant},
			want: []string{dormantKey(2, d(-70)), dormantKey(4, d(-70)), dormantKey(3, d(-70)), dormantKey(1, d(-70))}},
		{name: "a held (capped) customer does not use up the limit", setup: setups(four, func(f *fakeSource) { f.touches(2, d(0), 4) }),
			rules: []RuleID{RuleDormant}, cfg: func(c *Config) { c.Dormant.DailyLimit = 2 },
			want: []string{dormantKey(4, d(-70)), dormantKey(3, d(-70))}},
		{name: "an item done today keeps its slot: the next one does not come in",
			setup: setups(four, func(f *fakeSource) {
				f.setState(ItemState{Key: dormantKey(2, d(-70)), Rule: RuleDormant, CustomerID: 2, State: StateDone, On: d(0)})
			}),
			rules: []RuleID{RuleDormant}, cfg: func(c *Config) { c.Dormant.DailyLimit = 2 },
			want: []string{dormantKey(4, d(-70))}},
		{name: "an item snoozed yesterday frees today's slot",
			setup: setups(four, func(f *fakeSource) {
				f.setState(ItemState{Key: dormantKey(2, d(-70)), Rule: RuleDormant, CustomerID: 2, State: StateSnoozed, Until: d(3), On: d(-1), Reason: ReasonBusy})
			}),
			rules: []RuleID{RuleDormant}, cfg: func(c *Config) { c.Dormant.DailyLimit = 2 },
			want: []string{dormantKey(4, d(-70)), dormantKey(3, d(-70))}},
	})
}

func TestDormant_LoggedContactResetsClock(t *testing.T) {
	// Customer 1 is dormant; a greeting logged 10 days ago (any purpose) stops
	// the reactivation item until 30 days have passed since it.
	greeted := setups(regular(1, domain.ClassRepeat, 3, 40, 100), func(f *fakeSource) { f.contact(1, d(-10), domain.PurposeBirthday) })
	runCases(t, []ruleCase{
		{name: "before the contact: shown", setup: regular(1, domain.ClassRepeat, 3, 40, 100), rules: []RuleID{RuleDormant}, want: []string{dormantKey(1, d(-100))}},
		{name: "after the contact: hidden", setup: greeted, rules: []RuleID{RuleDormant}, want: []string{}},
		{name: "29 days after the contact: hidden", day: d(19), setup: greeted, rules: []RuleID{RuleDormant}, want: []string{}},
		{name: "30 days after the contact: back", day: d(20), setup: greeted, rules: []RuleID{RuleDormant}, want: []string{dormantKey(1, d(-100))}},
		{name: "a purchase ends the dormancy", setup: setups(regular(1, domain.ClassRepeat, 3, 40, 100), func(f *fakeSource) { f.buy(1, 77, d(-1), 10_00, 0) }),
			rules: []RuleID{RuleDormant}, want: []string{}},
	})
}

// ---- seasonal ----

func seasonalKey(id int64, due domain.Date) string { return fmt.Sprintf("seasonal:%d:%s", id, due) }

func TestSeasonal_NoContactOrPurchaseFor90Days(t *testing.T) {
	rules := []RuleID{RuleSeasonal}
	runCases(t, []ruleCase{
		{name: "one purchase 90 days ago, no contact", setup: regular(1, domain.ClassNew, 1, 0, 90), rules: rules,
			want: []string{seasonalKey(1, d(0))}, check: func(t *testing.T, a *Agenda) {
				it := item(t, a, seasonalKey(1, d(0)))
				if it.Due != d(0) || it.Reason.Date != d(-90) || it.Reason.Days != 90 || it.Channel != domain.ChannelWeChat {
					t.Errorf("due %s reason %+v channel %s", it.Due, it.Reason, it.Channel)
				}
			}},
		{name: "one purchase 89 days ago", setup: regular(1, domain.ClassNew, 1, 0, 89), rules: rules, want: []string{}},
		{name: "purchase 100 days ago, contact 50 days ago", setup: setups(regular(1, domain.ClassNew, 1, 0, 100),
			func(f *fakeSource) { f.contact(1, d(-50), domain.PurposeOther) }), rules: rules, want: []string{}},
		{name: "slow buyer, last touched by a contact 95 days ago", setup: setups(regular(1, domain.ClassRepeat, 3, 150, 200),
			func(f *fakeSource) { f.contact(1, d(-95), domain.PurposeOther) }), rules: rules,
			want: []string{seasonalKey(1, d(-5))}, check: func(t *testing.T, a *Agenda) {
				if it := item(t, a, seasonalKey(1, d(-5))); it.OverdueDays != 5 || it.Reason.Date != d(-95) {
					t.Errorf("overdue %d reason %+v", it.OverdueDays, it.Reason)
				}
			}},
		{name: "prospect without purchases: never", setup: func(f *fakeSource) { f.cust(1, domain.ClassProspect) }, rules: rules, want: []string{}},
		{name: "daily limit 1 keeps the more valuable", setup: setups(regular(1, domain.ClassNew, 1, 0, 95), regular(2, domain.ClassImportant, 1, 0, 92)),
			cfg: func(c *Config) { c.Seasonal.DailyLimit = 1 }, rules: rules, want: []string{seasonalKey(2, d(-2))}},
	})
}

func TestSeasonal_DormantCustomersLeftToDormantRule(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "every 40 days, 100 days since: dormant item only", setup: regular(1, domain.ClassRepeat, 3, 40, 100),
			rules: []RuleID{RuleDormant, RuleSeasonal}, want: []string{dormantKey(1, d(-100))}},
		{name: "one-time buyer 130 days ago: dormant item only", setup: regular(1, domain.ClassNew, 1, 0, 130),
			rules: []RuleID{RuleDormant, RuleSeasonal}, want: []string{dormantKey(1, d(-130))}},
	})
}

// ---- after-care ----

func attended(endedAgo int, status domain.InvitationStatus) func(f *fakeSource) {
	return func(f *fakeSource) {
		f.cust(1, domain.ClassLoyal)
		end := d(-endedAgo)
		f.events = append(f.events, domain.Event{ID: 9, Name: "秋冬新品发布", Kind: domain.EventNewArrivals,
			StartsAt: at(end, 19, 0), EndsAt: at(end, 21, 0), InviteWindowDays: 14})
		f.invitations = append(f.invitations, domain.Invitation{ID: 30, EventID: 9, CustomerID: 1, Status: status})
	}
}

func closedCase(kind domain.CaseKind, closedAgo int) func(f *fakeSource) {
	return func(f *fakeSource) {
		f.cust(1, domain.ClassLoyal)
		f.cases = append(f.cases, domain.ServiceCase{ID: 60, CustomerID: 1, Kind: kind, Title: "大衣改短", Status: domain.CaseClosed,
			OpenedAt: at(d(-closedAgo-3), 11, 0), DueAt: at(d(-closedAgo), 18, 0), ClosedAt: at(d(-closedAgo), 16, 0), Satisfaction: 5})
	}
}

func TestAftercare_ThanksDayAfterAttendedEvent(t *testing.T) {
	rules := []RuleID{RuleAftercare}
	runCases(t, []ruleCase{
		{name: "event ended yesterday: thanks today", setup: attended(1, domain.InvAttended), rules: rules,
			want: []string{"aftercare:event:30"}, check: func(t *testing.T, a *Agenda) {
				it := item(t, a, "aftercare:event:30")
				if it.Due != d(0) || it.Reason.Name != "秋冬新品发布" || it.Reason.Code != "aftercare_event" || it.Template != "thanks" ||
					it.Ref.EventID != 9 || it.Ref.InvitationID != 30 || it.Question != Maintain {
					t.Errorf("item %+v", it)
				}
			}},
		{name: "event ends today: not yet", setup: attended(0, domain.InvAttended), rules: rules, want: []string{}},
		{name: "ended 8 days ago: overdue 7, kept", setup: attended(8, domain.InvAttended), rules: rules, want: []string{"aftercare:event:30"}},
		{name: "ended 9 days ago: dropped", setup: attended(9, domain.InvAttended), rules: rules, want: []string{}},
		{name: "no-show: no thanks", setup: attended(1, domain.InvNoShow), rules: rules, want: []string{}},
	})
}

func TestAftercare_RevisitSevenDaysAfterCaseCloses(t *testing.T) {
	rules := []RuleID{RuleAftercare}
	runCases(t, []ruleCase{
		{name: "after-sale closed 7 days ago", setup: closedCase(domain.CaseAfterSale, 7), rules: rules,
			want: []string{"aftercare:case:60"}, check: func(t *testing.T, a *Agenda) {
				it := item(t, a, "aftercare:case:60")
				if it.Due != d(0) || it.Reason.Date != d(-7) || it.Reason.Name != "大衣改短" || it.Template != "service_followup" || it.Ref.CaseID != 60 {
					t.Errorf("item %+v", it)
				}
			}},
		{name: "closed 6 days ago: not yet", setup: closedCase(domain.CaseAfterSale, 6), rules: rules, want: []string{}},
		{name: "complaint: not in revisit_kinds by default", setup: closedCase(domain.CaseComplaint, 7), rules: rules, want: []string{}},
		{name: "complaint with revisit_kinds complaint", setup: closedCase(domain.CaseComplaint, 7), rules: rules,
			cfg: func(c *Config) { c.Aftercare.RevisitKinds = []domain.CaseKind{domain.CaseComplaint} }, want: []string{"aftercare:case:60"}},
		{name: "revisit_after_days 3", setup: closedCase(domain.CaseAfterSale, 3), rules: rules,
			cfg: func(c *Config) { c.Aftercare.RevisitAfterDays = 3 }, want: []string{"aftercare:case:60"}},
	})
}

// ---- hand-set follow-ups ----

func TestFollowUps_DueTodayAndOverdue(t *testing.T) {
	fixture := func(f *fakeSource) {
		f.cust(1, domain.ClassNew)
		f.cust(2, domain.ClassNew).DoNotContact = true
		f.followUps = []domain.FollowUp{
			{ID: 5, CustomerID: 1, Due: d(0), Note: "问尺码", Status: domain.FollowUpOpen, CreatedAt: at(d(-5), 9, 0)},
			{ID: 6, CustomerID: 1, Due: d(-3), Note: "送样品", Status: domain.FollowUpOpen},
			{ID: 7, CustomerID: 1, Due: d(1), Status: domain.FollowUpOpen},
			{ID: 8, CustomerID: 1, Due: d(-1), Status: domain.FollowUpDone},
			{ID: 9, CustomerID: 2, Due: d(0), Note: "退款到账", Status: domain.FollowUpOpen},
		}
	}
	runCases(t, []ruleCase{
		{name: "today and overdue; do-not-contact kept", setup: fixture, rules: []RuleID{RuleFollowUp},
			want: []string{"followup:6", "followup:5", "followup:9"}, check: func(t *testing.T, a *Agenda) {
				for key, want := range map[string]int{"followup:5": 0, "followup:6": 3, "followup:9": 0} {
					it := item(t, a, key)
					if it.OverdueDays != want || it.Overdue() != (want > 0) || it.Channel != domain.ChannelCall {
						t.Errorf("%s: overdue %d channel %s, want %d", key, it.OverdueDays, it.Channel, want)
					}
				}
				if it := item(t, a, "followup:6"); it.Reason.Name != "送样品" || it.Ref.FollowUpID != 6 || it.Due != d(-3) {
					t.Errorf("followup:6 %+v", it)
				}
			}},
	})
}

package agenda

import (
	"testing"

	"github.com/crmtui/crmtui/domain"
)

// vipEvening adds event 9 starting startsIn days from day0 at 19:00, whose
// invitations open window days before.
func vipEvening(startsIn, window int) func(f *fakeSource) {
	return func(f *fakeSource) {
		start := d(startsIn)
		f.events = append(f.events, domain.Event{ID: 9, Name: "VIP之夜", Kind: domain.EventVIPEvening,
			StartsAt: at(start, 19, 0), EndsAt: at(start, 22, 0), InviteWindowDays: window})
	}
}

// inv adds invitation id of customer cust (created with class cl when new) to event 9.
func inv(id, cust int64, cl domain.Class, status domain.InvitationStatus, mod ...func(*domain.Invitation)) func(f *fakeSource) {
	return func(f *fakeSource) {
		if _, ok := f.customers[cust]; !ok {
			f.cust(cust, cl)
		}
		i := domain.Invitation{ID: id, EventID: 9, CustomerID: cust, Status: status}
		for _, m := range mod {
			m(&i)
		}
		f.invitations = append(f.invitations, i)
	}
}

// tried sets the invitation as sent on day `ago` days back with n attempts.
func tried(ago, n int) func(*domain.Invitation) {
	return func(i *domain.Invitation) {
		i.InvitedOn = d(-ago)
		i.Attempts = n
		i.LastAttemptAt = at(d(-ago), 15, 0)
	}
}

func TestInvite_OnlyInsideInvitationWindow(t *testing.T) {
	rules := []RuleID{RuleInvite}
	planned := inv(100, 1, domain.ClassRepeat, domain.InvPlanned)
	runCases(t, []ruleCase{
		{name: "window opened 2 days ago", setup: setups(vipEvening(5, 7), planned), rules: rules, want: []string{"invite:100"},
			check: func(t *testing.T, a *Agenda) {
				it := item(t, a, "invite:100")
				// due by the last day that leaves time to chase: event day 5 − (2 + 1)
				if it.Question != Invite || it.Due != d(2) || it.OverdueDays != 0 || it.Channel != domain.ChannelCall || it.Template != "invitation" ||
					it.Reason.Date != d(5) || it.Reason.Days != 5 || it.Reason.Name != "VIP之夜" || it.Reason.N != 1 ||
					it.Ref.EventID != 9 || it.Ref.InvitationID != 100 {
					t.Errorf("item %+v", it)
				}
			}},
		{name: "window opens today", setup: setups(vipEvening(7, 7), planned), rules: rules, want: []string{"invite:100"}},
		{name: "event in two days: overdue, no time left to chase", setup: setups(vipEvening(2, 7), planned), rules: rules, want: []string{"invite:100"},
			check: func(t *testing.T, a *Agenda) {
				if it := item(t, a, "invite:100"); it.Due != d(-1) || it.OverdueDays != 1 {
					t.Errorf("due %s overdue %d, want %s and 1", it.Due, it.OverdueDays, d(-1))
				}
			}},
		{name: "window opens tomorrow", setup: setups(vipEvening(8, 7), planned), rules: rules, want: []string{}},
		{name: "event today: too late to invite", setup: setups(vipEvening(0, 7), planned), rules: rules, want: []string{}},
		{name: "event over", setup: setups(vipEvening(-1, 7), planned), rules: rules, want: []string{}},
		{name: "already invited: no new invite", setup: setups(vipEvening(5, 7), inv(100, 1, domain.ClassRepeat, domain.InvInvited, tried(0, 1))),
			rules: rules, want: []string{}},
	})
}

func TestInvite_RankedByValueWithinDailyQuota(t *testing.T) {
	three := setups(vipEvening(5, 7),
		inv(100, 1, domain.ClassNew, domain.InvPlanned),
		inv(101, 2, domain.ClassImportant, domain.InvPlanned),
		inv(102, 3, domain.ClassLoyal, domain.InvPlanned))
	rank := func(t *testing.T, a *Agenda) {
		for key, want := range map[string]int{"invite:101": 1, "invite:102": 2, "invite:100": 3} {
			if it := item(t, a, key); it.Reason.N != want {
				t.Errorf("%s rank %d, want %d", key, it.Reason.N, want)
			}
		}
	}
	runCases(t, []ruleCase{
		{name: "ranked important, loyal, new", setup: three, rules: []RuleID{RuleInvite},
			want: []string{"invite:101", "invite:102", "invite:100"}, check: rank},
		{name: "quota 2 keeps the two most valuable", setup: three, rules: []RuleID{RuleInvite},
			cfg: func(c *Config) { c.Invite.DailyQuota = 2 }, want: []string{"invite:101", "invite:102"}},
		{name: "quota 2 minus one sent today", setup: setups(three, inv(103, 4, domain.ClassNew, domain.InvInvited, tried(0, 1))),
			rules: []RuleID{RuleInvite}, cfg: func(c *Config) { c.Invite.DailyQuota = 2 }, want: []string{"invite:101"}},
		{name: "quota used up by invitations sent today", setup: setups(three,
			inv(103, 4, domain.ClassNew, domain.InvInvited, tried(0, 1)),
			inv(104, 5, domain.ClassNew, domain.InvConfirmed, tried(0, 1))),
			rules: []RuleID{RuleInvite}, cfg: func(c *Config) { c.Invite.DailyQuota = 2 }, want: []string{}},
		{name: "sent yesterday does not count against today", setup: setups(three, inv(103, 4, domain.ClassNew, domain.InvInvited, tried(1, 1))),
			rules: []RuleID{RuleInvite}, cfg: func(c *Config) { c.Invite.DailyQuota = 2 }, want: []string{"invite:101", "invite:102"}},
	})
}

func TestInvite_DoNotContactExcluded(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "do-not-contact left out and does not use the quota", setup: setups(vipEvening(5, 7),
			inv(100, 1, domain.ClassNew, domain.InvPlanned),
			inv(101, 2, domain.ClassImportant, domain.InvPlanned),
			func(f *fakeSource) { f.customers[2].DoNotContact = true }),
			rules: []RuleID{RuleInvite}, cfg: func(c *Config) { c.Invite.DailyQuota = 1 }, want: []string{"invite:100"}},
	})
}

func TestInvite_QuotaKeepsHighestRFMWithinClass(t *testing.T) {

	runCases(t, []ruleCase{
		{name: "same class: the 5-5-5 customer beats the 1-1-1 one", setup: setups(vipEvening(5, 7),
			inv(100, 1, domain.ClassRepeat, domain.InvPlanned),
			inv(101, 2, domain.ClassRepeat, domain.InvPlanned),
			func(f *fakeSource) {
				f.customers[1].RFM = domain.RFM{R: 1, F: 1, M: 1}
				f.customers[2].RFM = domain.RFM{R: 5, F: 5, M: 5}
			}),
			rules: []RuleID{RuleInvite}, cfg: func(c *Config) { c.Invite.DailyQuota = 1 }, want: []string{"invite:101"},
			check: func(t *testing.T, a *Agenda) {
				if it := item(t, a, "invite:101"); it.Reason.N != 1 {
					t.Errorf("rank %d, want 1", it.Reason.N)
				}
			}},
	})
}

func TestChase_AfterTwoDaysWithoutAnswer(t *testing.T) {
	rules := []RuleID{RuleChase}
	runCases(t, []ruleCase{
		{name: "invited 2 days ago, 1 attempt", setup: setups(vipEvening(5, 7), inv(101, 1, domain.ClassRepeat, domain.InvInvited, tried(2, 1))),
			rules: rules, want: []string{"chase:101:1"}, check: func(t *testing.T, a *Agenda) {
				it := item(t, a, "chase:101:1")
				if it.Question != Invite || it.Due != d(0) || it.OverdueDays != 0 || it.Reason.Days != 2 || it.Reason.N != 1 || it.Template != "chase" || it.Channel != domain.ChannelCall {
					t.Errorf("item %+v", it)
				}
			}},
		{name: "invited yesterday: wait", setup: setups(vipEvening(5, 7), inv(101, 1, domain.ClassRepeat, domain.InvInvited, tried(1, 1))),
			rules: rules, want: []string{}},
		{name: "no attempt time: counts from the invitation day", setup: setups(vipEvening(5, 7), inv(101, 1, domain.ClassRepeat, domain.InvInvited,
			func(i *domain.Invitation) { i.InvitedOn, i.Attempts = d(-3), 1 })), rules: rules, want: []string{"chase:101:1"}},
		{name: "attempt at 01:00 local yesterday is yesterday, not the UTC day before", setup: setups(vipEvening(5, 7), inv(101, 1, domain.ClassRepeat, domain.InvInvited,
			func(i *domain.Invitation) { i.InvitedOn, i.Attempts, i.LastAttemptAt = d(-3), 2, at(d(-1), 1, 0).UTC() })), rules: rules, want: []string{}},
		{name: "event today: no chase", setup: setups(vipEvening(0, 7), inv(101, 1, domain.ClassRepeat, domain.InvInvited, tried(2, 1))),
			rules: rules, want: []string{}},
	})
}

func TestChase_DeclinedNeverChased(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "declined", setup: setups(vipEvening(5, 7), inv(101, 1, domain.ClassRepeat, domain.InvDeclined, tried(4, 1))),
			rules: []RuleID{RuleChase, RuleInvite, RuleRemind}, want: []string{}},
		{name: "confirmed: not chased", setup: setups(vipEvening(5, 7), inv(101, 1, domain.ClassRepeat, domain.InvConfirmed, tried(4, 1))),
			rules: []RuleID{RuleChase}, want: []string{}},
	})
}

func TestChase_StopsAtMaxAttempts(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "2 attempts: chase again", setup: setups(vipEvening(5, 7), inv(101, 1, domain.ClassRepeat, domain.InvInvited, tried(2, 2))),
			rules: []RuleID{RuleChase}, want: []string{"chase:101:2"}},
		{name: "3 attempts: stop", setup: setups(vipEvening(5, 7), inv(101, 1, domain.ClassRepeat, domain.InvInvited, tried(2, 3))),
			rules: []RuleID{RuleChase}, want: []string{}},
		{name: "max_attempts 5: 3 attempts still chased", setup: setups(vipEvening(5, 7), inv(101, 1, domain.ClassRepeat, domain.InvInvited, tried(2, 3))),
			cfg: func(c *Config) { c.Invite.MaxAttempts = 5 }, rules: []RuleID{RuleChase}, want: []string{"chase:101:3"}},
	})
}

func TestRemind_ConfirmedGuestsDayBefore(t *testing.T) {
	confirmed := inv(102, 1, domain.ClassRepeat, domain.InvConfirmed, tried(5, 1))
	runCases(t, []ruleCase{
		{name: "event tomorrow: remind today", setup: setups(vipEvening(1, 7), confirmed), rules: []RuleID{RuleRemind},
			want: []string{"remind:102"}, check: func(t *testing.T, a *Agenda) {
				it := item(t, a, "remind:102")
				if it.Question != Invite || it.Due != d(0) || it.Channel != domain.ChannelWeChat || it.Template != "reminder" ||
					!it.DueAt.Equal(at(d(1), 19, 0)) || it.Reason.Days != 1 || it.OverdueDays != 0 {
					t.Errorf("item %+v", it)
				}
			}},
		{name: "event in 2 days: not yet", setup: setups(vipEvening(2, 7), confirmed), rules: []RuleID{RuleRemind}, want: []string{}},
		{name: "event today: still reminded, overdue", setup: setups(vipEvening(0, 7), confirmed), rules: []RuleID{RuleRemind},
			want: []string{"remind:102"}, check: func(t *testing.T, a *Agenda) {
				if it := item(t, a, "remind:102"); it.OverdueDays != 1 {
					t.Errorf("overdue %d, want 1", it.OverdueDays)
				}
			}},
		{name: "invited but not confirmed: no reminder", setup: setups(vipEvening(1, 7), inv(102, 1, domain.ClassRepeat, domain.InvInvited, tried(1, 1))),
			rules: []RuleID{RuleRemind}, want: []string{}},
		{name: "capped customer still reminded (service, not marketing)", setup: setups(vipEvening(1, 7), confirmed, func(f *fakeSource) { f.touches(1, d(0), 6) }),
			rules: []RuleID{RuleRemind}, want: []string{"remind:102"}, check: func(t *testing.T, a *Agenda) {
				if item(t, a, "remind:102").Held {
					t.Error("a reminder is held by the marketing cap")
				}
			}},
	})
}

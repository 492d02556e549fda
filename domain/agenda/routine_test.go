package agenda

import (
	"slices"
	"testing"

	"github.com/crmtui/crmtui/domain"
)

// bought is the purchase day of the 1-3-7 fixtures.
var bought = domain.MustDate("2026-11-15")

// oneSale: customer 1 bought purchase 42 on `bought`.
func oneSale(f *fakeSource) {
	f.cust(1, domain.ClassNew)
	f.buy(1, 42, bought, 399_00, 0)
}

var routineRules = []RuleID{RuleRoutine1, RuleRoutine3, RuleRoutine7}

func TestRoutine137_EachStepAppearsOnItsDay(t *testing.T) {
	type want struct {
		key     string
		rule    RuleID
		channel domain.Channel
		due     string
		overdue int
	}
	for _, tc := range []struct {
		name string
		age  int
		want *want
	}{
		{"purchase day: nothing yet", 0, nil},
		{"day 1: remember you", 1, &want{"routine:42:1", RuleRoutine1, domain.ChannelWeChat, "2026-11-16", 0}},
		{"day 2: day 1 carried, overdue", 2, &want{"routine:42:1", RuleRoutine1, domain.ChannelWeChat, "2026-11-16", 1}},
		{"day 3: recognise you", 3, &want{"routine:42:3", RuleRoutine3, domain.ChannelWeChat, "2026-11-18", 0}},
		{"day 6: day 3 carried", 6, &want{"routine:42:3", RuleRoutine3, domain.ChannelWeChat, "2026-11-18", 3}},
		{"day 7: like you, by call", 7, &want{"routine:42:7", RuleRoutine7, domain.ChannelCall, "2026-11-22", 0}},
		{"day 14: last day kept (max_overdue_days 7)", 14, &want{"routine:42:7", RuleRoutine7, domain.ChannelCall, "2026-11-22", 7}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			oneSale(f)
			a := build(t, f, bought.AddDays(tc.age), DefaultConfig())
			got := keys(a, routineRules...)
			if tc.want == nil {
				if len(got) != 0 {
					t.Fatalf("items %v, want none", got)
				}
				return
			}
			if !slices.Equal(got, []string{tc.want.key}) {
				t.Fatalf("items %v, want [%s]", got, tc.want.key)
			}
			it := item(t, a, tc.want.key)
			if it.Rule != tc.want.rule || it.Channel != tc.want.channel || it.Due.String() != tc.want.due || it.OverdueDays != tc.want.overdue {
				t.Errorf("item = rule %s channel %s due %s overdue %d, want %+v", it.Rule, it.Channel, it.Due, it.OverdueDays, *tc.want)
			}
			if it.Question != Maintain || it.Ref.PurchaseID != 42 || it.Reason.Date != bought || it.Reason.Days != tc.age {
				t.Errorf("question %s ref %+v reason %+v", it.Question, it.Ref, it.Reason)
			}
		})
	}
}

func TestRoutine137_DroppedAfterMaxOverdueDays(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "default: dropped on day 15", day: bought.AddDays(15), setup: oneSale, rules: routineRules, want: []string{}},
		{name: "max_overdue_days 2: dropped on day 10", day: bought.AddDays(10), setup: oneSale, rules: routineRules, want: []string{},
			cfg: func(c *Config) { c.Routine.MaxOverdueDays = 2 }},
		{name: "max_overdue_days 2: kept on day 9", day: bought.AddDays(9), setup: oneSale, rules: routineRules, want: []string{"routine:42:7"},
			cfg: func(c *Config) { c.Routine.MaxOverdueDays = 2 }},
	})
}

func TestRoutine137_StepNotDoneIsFoldedIntoNext(t *testing.T) {
	done := func(key string, st State) func(f *fakeSource) {
		return func(f *fakeSource) {
			f.setState(ItemState{Key: key, CustomerID: 1, State: st, On: bought.AddDays(1), Until: bought.AddDays(5), Reason: ReasonBusy})
		}
	}
	both := func(fs ...func(f *fakeSource)) func(f *fakeSource) {
		return func(f *fakeSource) {
			oneSale(f)
			for _, fn := range fs {
				fn(f)
			}
		}
	}
	folded := func(key string, want []int) func(t *testing.T, a *Agenda) {
		return func(t *testing.T, a *Agenda) {
			if got := item(t, a, key).Reason.Folded; !slices.Equal(got, want) {
				t.Errorf("Folded = %v, want %v", got, want)
			}
		}
	}
	runCases(t, []ruleCase{
		{name: "day 3, day 1 not done: folded", day: bought.AddDays(3), setup: both(), rules: routineRules,
			want: []string{"routine:42:3"}, check: folded("routine:42:3", []int{1})},
		{name: "day 3, day 1 done: nothing folded", day: bought.AddDays(3), setup: both(done("routine:42:1", StateDone)), rules: routineRules,
			want: []string{"routine:42:3"}, check: folded("routine:42:3", nil)},
		{name: "day 7, nothing done: 1 and 3 folded", day: bought.AddDays(7), setup: both(), rules: routineRules,
			want: []string{"routine:42:7"}, check: folded("routine:42:7", []int{1, 3})},
		{name: "day 7, day 1 done: 3 folded", day: bought.AddDays(7), setup: both(done("routine:42:1", StateDone)), rules: routineRules,
			want: []string{"routine:42:7"}, check: folded("routine:42:7", []int{3})},
		{name: "day 7, day 1 snoozed: still folded", day: bought.AddDays(7), setup: both(done("routine:42:1", StateSnoozed), done("routine:42:3", StateDone)), rules: routineRules,
			want: []string{"routine:42:7"}, check: folded("routine:42:7", []int{1})},
		{name: "day 7, day 1 call unanswered (trying): still folded", day: bought.AddDays(7), setup: both(done("routine:42:1", StateTrying), done("routine:42:3", StateDone)), rules: routineRules,
			want: []string{"routine:42:7"}, check: folded("routine:42:7", []int{1})},
		{name: "day 7, day 1 skipped and 3 done: nothing folded", day: bought.AddDays(7), setup: both(done("routine:42:1", StateSkipped), done("routine:42:3", StateDone)), rules: routineRules,
			want: []string{"routine:42:7"}, check: folded("routine:42:7", nil)},
	})
}

func TestRoutine137_NewPurchaseRestartsCycle(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "newer purchase yesterday: day 1 of the new one only", setup: func(f *fakeSource) {
			f.cust(1, domain.ClassRepeat)
			f.buy(1, 41, d(-3), 100_00, 0)
			f.buy(1, 42, d(-1), 200_00, 0)
		}, rules: routineRules, want: []string{"routine:42:1"}, check: func(t *testing.T, a *Agenda) {
			if it := item(t, a, "routine:42:1"); len(it.Reason.Folded) != 0 || it.Ref.PurchaseID != 42 {
				t.Errorf("restarted cycle carries %v / ref %+v", it.Reason.Folded, it.Ref)
			}
		}},
		{name: "newer purchase today: old cycle gone, new one starts tomorrow", setup: func(f *fakeSource) {
			f.cust(1, domain.ClassRepeat)
			f.buy(1, 41, d(-7), 100_00, 0)
			f.buy(1, 42, d(0), 200_00, 0)
		}, rules: routineRules, want: []string{}},
		{name: "two customers keep their own cycles", setup: func(f *fakeSource) {
			f.cust(1, domain.ClassNew)
			f.cust(2, domain.ClassNew)
			f.buy(1, 41, d(-3), 100_00, 0)
			f.buy(2, 42, d(-7), 200_00, 0)
		}, rules: routineRules, want: []string{"routine:41:3", "routine:42:7"}},
	})
}

func TestRoutine137_Day7ByCallEvenWhenCustomerPrefersWeChat(t *testing.T) {
	prefers := func(ch domain.Channel) func(f *fakeSource) {
		return func(f *fakeSource) { oneSale(f); f.customers[1].Preferred = ch }
	}
	channel := func(key string, want domain.Channel) func(t *testing.T, a *Agenda) {
		return func(t *testing.T, a *Agenda) {
			if got := item(t, a, key).Channel; got != want {
				t.Errorf("channel = %s, want %s", got, want)
			}
		}
	}
	runCases(t, []ruleCase{
		{name: "day 7 prefers wechat: call", day: bought.AddDays(7), setup: prefers(domain.ChannelWeChat), check: channel("routine:42:7", domain.ChannelCall)},
		{name: "day 1 prefers sms: sms", day: bought.AddDays(1), setup: prefers(domain.ChannelSMS), check: channel("routine:42:1", domain.ChannelSMS)},
		{name: "day 3 prefers call: call", day: bought.AddDays(3), setup: prefers(domain.ChannelCall), check: channel("routine:42:3", domain.ChannelCall)},
		{name: "last_by_call off: day 7 follows preference", day: bought.AddDays(7), setup: prefers(domain.ChannelWeChat),
			cfg: func(c *Config) { c.Routine.LastByCall = false }, check: channel("routine:42:7", domain.ChannelWeChat)},
	})
}

func TestRoutine137_DoneStepHidden(t *testing.T) {
	state := func(key string, st State) func(f *fakeSource) {
		return func(f *fakeSource) {
			oneSale(f)
			f.setState(ItemState{Key: key, CustomerID: 1, State: st, On: bought.AddDays(3), Reason: ReasonBusy})
		}
	}
	runCases(t, []ruleCase{
		{name: "day 3 done: hidden", day: bought.AddDays(3), setup: state("routine:42:3", StateDone), rules: routineRules, want: []string{}},
		{name: "day 3 done, day 5: still hidden", day: bought.AddDays(5), setup: state("routine:42:3", StateDone), rules: routineRules, want: []string{}},
		{name: "day 3 done, day 7: next step shows", day: bought.AddDays(7), setup: state("routine:42:3", StateDone), rules: routineRules, want: []string{"routine:42:7"}},
		{name: "day 1 skipped: hidden", day: bought.AddDays(1), setup: state("routine:42:1", StateSkipped), rules: routineRules, want: []string{}},
	})
}

func TestRoutine137_DoNotContactLeftOut(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "do-not-contact customer gets no 1-3-7", day: bought.AddDays(1), setup: func(f *fakeSource) {
			oneSale(f)
			f.customers[1].DoNotContact = true
		}, rules: routineRules, want: []string{}},
	})
}

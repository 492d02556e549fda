package agenda

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/crmtui/crmtui/domain"
)

// ---- item states ----

// followUpToday: customer 1 has follow-up 5 due today.
func followUpToday(f *fakeSource) {
	if _, ok := f.customers[1]; !ok {
		f.cust(1, domain.ClassRepeat)
	}
	f.followUps = append(f.followUps, domain.FollowUp{ID: 5, CustomerID: 1, Due: d(0), Status: domain.FollowUpOpen})
}

func withState(st ItemState) func(f *fakeSource) {
	return func(f *fakeSource) {
		followUpToday(f)
		st.Key, st.Rule, st.CustomerID = "followup:5", RuleFollowUp, 1
		f.setState(st)
	}
}

func TestStates_DoneOrSkippedHidesItem(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "no state: shown", setup: followUpToday, want: []string{"followup:5"}},
		{name: "done: hidden", setup: withState(ItemState{State: StateDone, On: d(0)}), want: []string{}},
		{name: "done yesterday: still hidden", setup: withState(ItemState{State: StateDone, On: d(-1)}), want: []string{}},
		{name: "skipped: hidden", setup: withState(ItemState{State: StateSkipped, On: d(0), Reason: ReasonNotInterested}), want: []string{}},
		{name: "another item's state does not hide it", setup: setups(followUpToday, func(f *fakeSource) {
			f.setState(ItemState{Key: "followup:6", CustomerID: 1, State: StateDone, On: d(0)})
		}), want: []string{"followup:5"}},
	})
}

func TestStates_SnoozedHidesUntilDay(t *testing.T) {
	snoozed := withState(ItemState{State: StateSnoozed, On: d(0), Until: d(2), Reason: ReasonAway})
	runCases(t, []ruleCase{
		{name: "snoozed day: hidden", setup: snoozed, want: []string{}},
		{name: "day before until: hidden", day: d(1), setup: snoozed, want: []string{}},
		{name: "until day: back, overdue", day: d(2), setup: snoozed, want: []string{"followup:5"}, check: func(t *testing.T, a *Agenda) {
			if it := item(t, a, "followup:5"); it.OverdueDays != 2 {
				t.Errorf("overdue %d, want 2", it.OverdueDays)
			}
		}},
		{name: "after until: shown", day: d(5), setup: snoozed, want: []string{"followup:5"}},
	})
}

func TestStates_TryingCallShowsTriesAndRetryAt(t *testing.T) {
	retry := at(d(0), 9, 40)
	runCases(t, []ruleCase{
		{name: "unanswered today", setup: withState(ItemState{State: StateTrying, On: d(0), Tries: 1, RetryAt: retry}),
			want: []string{"followup:5"}, check: func(t *testing.T, a *Agenda) {
				if it := item(t, a, "followup:5"); it.Tries != 1 || !it.RetryAt.Equal(retry) {
					t.Errorf("tries %d retry %v, want 1 %v", it.Tries, it.RetryAt, retry)
				}
			}},
		{name: "unanswered yesterday: fresh tries today", setup: withState(ItemState{State: StateTrying, On: d(-1), Tries: 1, RetryAt: at(d(-1), 9, 40)}),
			want: []string{"followup:5"}, check: func(t *testing.T, a *Agenda) {
				if it := item(t, a, "followup:5"); it.Tries != 0 || !it.RetryAt.IsZero() {
					t.Errorf("tries %d retry %v, want 0 and none", it.Tries, it.RetryAt)
				}
			}},
	})
}

// ---- marketing cap ----

// capped: customer 1 (important) with a birthday today, a follow-up due
// today and a purchase yesterday; customer 2 (new) with a birthday tomorrow.
func capped(touchDays ...int) func(f *fakeSource) {
	return func(f *fakeSource) {
		f.cust(1, domain.ClassImportant)
		f.cust(2, domain.ClassNew)
		f.keyDates = append(f.keyDates,
			KeyDateFact{CustomerID: 1, KeyDate: domain.KeyDate{ID: 11, Kind: domain.KindBirthday, Calendar: domain.Solar, Month: 11, Day: 21}},
			KeyDateFact{CustomerID: 2, KeyDate: domain.KeyDate{ID: 12, Kind: domain.KindBirthday, Calendar: domain.Solar, Month: 11, Day: 23}})
		f.buy(1, 42, d(-1), 500_00, 0)
		followUpToday(f)
		for _, ago := range touchDays {
			f.contact(1, d(-ago), domain.PurposeInvitation)
		}
	}
}

func TestMarketingCap_FourTouchesHoldsMarketingItems(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "4 touches in 30 days: birthday held and last", setup: capped(0, 1, 10, 29), rules: []RuleID{RuleBirthday},
			want: []string{"birthday:12:2026-11-23", "birthday:11:2026-11-21"}, check: func(t *testing.T, a *Agenda) {
				it := item(t, a, "birthday:11:2026-11-21")
				if !it.Held || !it.Reason.Held || it.Reason.Cap != 4 {
					t.Errorf("held %v reason %+v", it.Held, it.Reason)
				}
				if other := item(t, a, "birthday:12:2026-11-23"); other.Held {
					t.Error("uncapped customer held")
				}
				if last := a.Maintain[len(a.Maintain)-1]; last.Key != "birthday:11:2026-11-21" {
					t.Errorf("last maintain item %s, want the held one", last.Key)
				}
			}},
		{name: "routine and follow-up of the capped customer are not held", setup: capped(0, 1, 10, 29),
			rules: []RuleID{RuleRoutine1, RuleFollowUp}, want: []string{"followup:5", "routine:42:1"}, check: func(t *testing.T, a *Agenda) {
				for _, k := range []string{"routine:42:1", "followup:5"} {
					if item(t, a, k).Held {
						t.Errorf("%s held", k)
					}
				}
			}},
		{name: "a touch 30 days ago is outside the window", setup: capped(0, 1, 10, 30), rules: []RuleID{RuleBirthday},
			check: func(t *testing.T, a *Agenda) {
				if item(t, a, "birthday:11:2026-11-21").Held {
					t.Error("held with 3 touches in the window")
				}
			}},
		{name: "service contacts are not marketing touches", setup: setups(capped(), func(f *fakeSource) {
			for i := range 5 {
				f.contact(1, d(-i), domain.PurposeService)
			}
		}), rules: []RuleID{RuleBirthday}, check: func(t *testing.T, a *Agenda) {
			if item(t, a, "birthday:11:2026-11-21").Held {
				t.Error("held by service contacts")
			}
		}},
		{name: "cap 2", setup: capped(3, 4), cfg: func(c *Config) { c.Marketing.Cap = 2 }, rules: []RuleID{RuleBirthday},
			check: func(t *testing.T, a *Agenda) {
				if it := item(t, a, "birthday:11:2026-11-21"); !it.Held || it.Reason.Cap != 2 {
					t.Errorf("held %v cap %d", it.Held, it.Reason.Cap)
				}
			}},
		{name: "cap 0 switches the restraint off", setup: capped(0, 1, 2, 3, 4, 5), cfg: func(c *Config) { c.Marketing.Cap = 0 }, rules: []RuleID{RuleBirthday},
			check: func(t *testing.T, a *Agenda) {
				if item(t, a, "birthday:11:2026-11-21").Held {
					t.Error("held with cap 0")
				}
			}},
		{name: "a chase is held too", setup: setups(vipEvening(5, 7), inv(101, 3, domain.ClassRepeat, domain.InvInvited, tried(2, 1)),
			func(f *fakeSource) { f.touches(3, d(0), 4) }), rules: []RuleID{RuleChase}, want: []string{"chase:101:1"},
			check: func(t *testing.T, a *Agenda) {
				if !item(t, a, "chase:101:1").Held {
					t.Error("chase not held")
				}
			}},
	})
}

// ---- ordering ----

func TestOrdering_OverdueThenClassThenDue(t *testing.T) {
	fixture := func(f *fakeSource) {
		for _, c := range []struct {
			id  int64
			cl  domain.Class
			due int
		}{
			{1, domain.ClassProspect, -1},
			{2, domain.ClassNew, -5},
			{3, domain.ClassImportant, 0},
			{4, domain.ClassLoyal, 0},
			{5, domain.ClassRepeat, 0},
			{6, domain.ClassNew, 0},
			{7, domain.ClassProspect, 0},
			{8, domain.ClassNew, -2},
			{9, domain.ClassImportant, -1},
		} {
			f.cust(c.id, c.cl)
			f.followUps = append(f.followUps, domain.FollowUp{ID: c.id, CustomerID: c.id, Due: d(c.due), Status: domain.FollowUpOpen})
		}
	}
	runCases(t, []ruleCase{
		{name: "follow-ups", setup: fixture, want: []string{
			"followup:9", // overdue, important
			"followup:2", // overdue, new, due 5 days ago
			"followup:8", // overdue, new, due 2 days ago
			"followup:1", // overdue, prospect
			"followup:3", "followup:4", "followup:5", "followup:6", "followup:7",
		}},
		{name: "across rules: due date breaks a class tie", setup: func(f *fakeSource) {
			f.cust(1, domain.ClassRepeat)
			f.cust(2, domain.ClassRepeat)
			f.keyDates = append(f.keyDates, KeyDateFact{CustomerID: 1, KeyDate: domain.KeyDate{ID: 3, Kind: domain.KindBirthday, Calendar: domain.Solar, Month: 11, Day: 25}})
			f.followUps = append(f.followUps, domain.FollowUp{ID: 4, CustomerID: 2, Due: d(0), Status: domain.FollowUpOpen})
			f.buy(2, 40, d(-1), 1_00, 0)
		}, rules: []RuleID{RuleBirthday, RuleFollowUp, RuleRoutine1}, want: []string{"followup:4", "routine:40:1", "birthday:3:2026-11-25"}},
		{name: "held sorts after everything", setup: setups(fixture, func(f *fakeSource) {
			f.keyDates = append(f.keyDates, KeyDateFact{CustomerID: 9, KeyDate: domain.KeyDate{ID: 20, Kind: domain.KindBirthday, Calendar: domain.Solar, Month: 11, Day: 21}})
			f.touches(9, d(0), 4)
		}), check: func(t *testing.T, a *Agenda) {
			if got := a.Maintain[len(a.Maintain)-1].Key; got != "birthday:20:2026-11-21" {
				t.Errorf("last item %s, want the held birthday", got)
			}
		}},
	})
}

// ---- progress ----

func TestProgress_DoneAndTotal(t *testing.T) {
	fixture := func(f *fakeSource) {
		for id := int64(1); id <= 3; id++ {
			f.cust(id, domain.ClassRepeat)
			f.followUps = append(f.followUps, domain.FollowUp{ID: id, CustomerID: id, Due: d(0), Status: domain.FollowUpOpen})
		}
		f.setState(ItemState{Key: "followup:3", CustomerID: 3, State: StateDone, On: d(0)})
		f.setState(ItemState{Key: "followup:99", CustomerID: 3, State: StateDone, On: d(-1)}) // yesterday's
		f.cust(4, domain.ClassNew)
		f.keyDates = append(f.keyDates, KeyDateFact{CustomerID: 4, KeyDate: domain.KeyDate{ID: 5, Kind: domain.KindBirthday, Calendar: domain.Solar, Month: 11, Day: 22}})
		f.touches(4, d(0), 4) // held: waits, not counted
	}
	runCases(t, []ruleCase{
		{name: "one done, two open, one held", setup: fixture, want: []string{"followup:1", "followup:2", "birthday:5:2026-11-22"},
			check: func(t *testing.T, a *Agenda) {
				if a.Done != 1 || a.Total != 3 || a.Date != d(0) {
					t.Errorf("done %d total %d date %s, want 1/3 on %s", a.Done, a.Total, a.Date, d(0))
				}
			}},
		{name: "empty day", check: func(t *testing.T, a *Agenda) {
			if a.Done != 0 || a.Total != 0 || a.Maintain == nil || a.Invite == nil || a.Serve == nil {
				t.Errorf("agenda %+v: want 0/0 and empty (non-nil) lists", a)
			}
		}},
	})
}

// ---- every item complete, keys stable ----

// everyRule builds a day on which every rule has an item.
func everyRule(f *fakeSource) {
	for id := int64(1); id <= 15; id++ {
		f.cust(id, domain.Classes[int(id)%len(domain.Classes)])
	}
	f.customers[1].Remark = "王姐"
	f.customers[1].Salutation = "王姐"
	f.customers[1].Phone = "13800000001"
	f.customers[1].Missing = []string{"birthday", "wechat", "size"}
	f.customers[3].Preferred = domain.ChannelWeChat
	f.customers[6].Class = domain.ClassImportant
	f.buy(1, 41, d(-1), 100_00, 0)
	f.buy(2, 42, d(-3), 100_00, 0)
	f.buy(3, 43, d(-7), 100_00, 0)
	f.keyDates = append(f.keyDates,
		KeyDateFact{CustomerID: 4, KeyDate: domain.KeyDate{ID: 1, Kind: domain.KindBirthday, Calendar: domain.Lunar, Month: 10, Day: 15}},
		KeyDateFact{CustomerID: 5, KeyDate: domain.KeyDate{ID: 2, Kind: domain.KindAnniversary, Label: "入会", Calendar: domain.Solar, Month: 11, Day: 24}})
	f.special = []domain.SpecialDay{{ID: 3, Name: "店庆", Calendar: domain.Solar, Month: 11, Day: 24}}
	f.buy(7, 47, d(-27), 89_00, 30)
	f.history(8, 3, d(-70), 40)
	f.history(9, 1, d(-95), 0)
	f.events = append(f.events, domain.Event{ID: 9, Name: "讲座", StartsAt: at(d(-1), 14, 0), EndsAt: at(d(-1), 16, 0)},
		domain.Event{ID: 10, Name: "VIP之夜", StartsAt: at(d(1), 19, 0), InviteWindowDays: 7})
	f.invitations = append(f.invitations,
		domain.Invitation{ID: 30, EventID: 9, CustomerID: 10, Status: domain.InvAttended},
		domain.Invitation{ID: 100, EventID: 10, CustomerID: 12, Status: domain.InvPlanned},
		domain.Invitation{ID: 101, EventID: 10, CustomerID: 13, Status: domain.InvInvited, Attempts: 1, InvitedOn: d(-2)},
		domain.Invitation{ID: 102, EventID: 10, CustomerID: 14, Status: domain.InvConfirmed, InvitedOn: d(-4)})
	f.followUps = append(f.followUps, domain.FollowUp{ID: 5, CustomerID: 11, Due: d(0), Status: domain.FollowUpOpen})
	f.cases = append(f.cases,
		domain.ServiceCase{ID: 60, CustomerID: 10, Kind: domain.CaseAfterSale, Title: "修拉链", Status: domain.CaseClosed, OpenedAt: at(d(-9), 9, 0), DueAt: at(d(-8), 9, 0), ClosedAt: at(d(-7), 9, 0)},
		domain.ServiceCase{ID: 70, CustomerID: 15, Kind: domain.CaseAppointment, Title: "试衣", Status: domain.CaseOpen, OpenedAt: at(d(-1), 9, 0), DueAt: at(d(0), 15, 0)},
		domain.ServiceCase{ID: 71, CustomerID: 15, Kind: domain.CaseOnline, Subkind: "inquiry", Channel: domain.CaseByPlatform, Title: "询价", Status: domain.CaseOpen, OpenedAt: at(d(0), 8, 0), DueAt: at(d(0), 20, 0)},
		domain.ServiceCase{ID: 72, CustomerID: 15, Kind: domain.CaseAfterSale, Title: "送货", Status: domain.CaseOpen, OpenedAt: at(d(-2), 9, 0), DueAt: at(d(1), 18, 0)},
		domain.ServiceCase{ID: 73, CustomerID: 15, Kind: domain.CaseComplaint, Title: "起球", Status: domain.CaseOpen, OpenedAt: at(d(-1), 9, 0), DueAt: at(d(-1), 18, 0)})
}

func TestEveryItem_HasKeyRuleQuestionCustomerChannelDueClass(t *testing.T) {
	f := newFake()
	everyRule(f)
	a := build(t, f, day0, DefaultConfig())
	seen := map[RuleID]bool{}
	keySeen := map[string]bool{}
	for _, it := range a.All() {
		seen[it.Rule] = true
		switch {
		case it.Key == "" || keySeen[it.Key]:
			t.Errorf("%+v: empty or duplicate key", it)
		case !it.Rule.Valid() || it.Question != it.Rule.Question():
			t.Errorf("%s: rule %q question %q", it.Key, it.Rule, it.Question)
		case it.Customer == "" || !it.Class.Valid() || it.Due.IsZero() || it.Template == "":
			t.Errorf("%s: customer %q class %q due %s template %q", it.Key, it.Customer, it.Class, it.Due, it.Template)
		case !it.Channel.Valid():
			t.Errorf("%s: channel %q", it.Key, it.Channel)
		case (it.CustomerID == 0) != (it.Group != nil):
			t.Errorf("%s: customer id %d with group %v", it.Key, it.CustomerID, it.Group)
		}
		keySeen[it.Key] = true
		if !slices.ContainsFunc(a.Items(it.Question), func(x Item) bool { return x.Key == it.Key }) {
			t.Errorf("%s not in its question's list", it.Key)
		}
	}
	for _, r := range Rules {
		if !seen[r] {
			t.Errorf("fixture has no %s item; agenda: %v", r, keys(a))
		}
	}
	it := item(t, a, "routine:41:1")
	if it.Customer != "王姐" || it.Salutation != "王姐" || it.Phone != "13800000001" || !slices.Equal(it.Ask, []string{"birthday", "wechat"}) {
		t.Errorf("routine:41:1 customer %q salutation %q phone %q ask %v", it.Customer, it.Salutation, it.Phone, it.Ask)
	}
	if got := item(t, a, "replenish:47").Customer; got != "顾客7" {
		t.Errorf("replenish:47 customer %q, want the name when no remark", got)
	}
}

func TestKeys_StableAcrossBuilds(t *testing.T) {
	f := newFake()
	everyRule(f)
	a1 := build(t, f, day0, DefaultConfig())
	a2 := build(t, f, day0, DefaultConfig())
	if !slices.Equal(keys(a1), keys(a2)) {
		t.Fatalf("keys differ:\n%v\n%v", keys(a1), keys(a2))
	}
	if !reflect.DeepEqual(a1, a2) {
		t.Errorf("two builds of the same facts differ")
	}
	// A key names the occurrence, not the day it is looked at: tomorrow the
	// still-open items keep their keys.
	a3 := build(t, f, d(1), DefaultConfig())
	for _, k := range []string{"followup:5", "dormant:8:2026-09-13", "replenish:47", "holiday:special:3:2026-11-24:g0", "anniversary:2:2026-11-24"} {
		item(t, a1, k)
		item(t, a3, k)
	}
}

func TestConfig_DisabledRuleGivesNoItems(t *testing.T) {
	for _, tc := range []struct {
		name  string
		off   func(c *Config)
		rules []RuleID
	}{
		{"routine", func(c *Config) { c.Routine.Enabled = false }, []RuleID{RuleRoutine1, RuleRoutine3, RuleRoutine7}},
		{"important days", func(c *Config) { c.ImportantDays.Enabled = false }, []RuleID{RuleBirthday, RuleAnniversary}},
		{"holidays", func(c *Config) { c.Holidays.Enabled = false }, []RuleID{RuleHoliday}},
		{"replenish", func(c *Config) { c.Replenish.Enabled = false }, []RuleID{RuleReplenish}},
		{"dormant", func(c *Config) { c.Dormant.Enabled = false }, []RuleID{RuleDormant}},
		{"seasonal", func(c *Config) { c.Seasonal.Enabled = false }, []RuleID{RuleSeasonal}},
		{"aftercare", func(c *Config) { c.Aftercare.Enabled = false }, []RuleID{RuleAftercare}},
		{"followup", func(c *Config) { c.FollowUp.Enabled = false }, []RuleID{RuleFollowUp}},
		{"invite", func(c *Config) { c.Invite.Enabled = false }, []RuleID{RuleInvite, RuleChase, RuleRemind}},
		{"serve", func(c *Config) { c.Serve.Enabled = false }, []RuleID{RuleAppointment, RuleOnline, RuleAfterSale, RuleComplaint}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake()
			everyRule(f)
			cfg := DefaultConfig()
			all := len(build(t, f, day0, cfg).All())
			tc.off(&cfg)
			a := build(t, f, day0, cfg)
			if got := keys(a, tc.rules...); len(got) != 0 {
				t.Errorf("disabled, still %v", got)
			}
			if len(a.All()) == 0 || len(a.All()) >= all {
				t.Errorf("%d items with the rule off, %d with it on", len(a.All()), all)
			}
		})
	}
}

// ---- scope, errors ----

func TestScope_MineOrStore(t *testing.T) {
	f := newFake()
	f.cust(1, domain.ClassNew)
	f.cust(2, domain.ClassNew).OwnerID = 2
	f.followUps = []domain.FollowUp{{ID: 1, CustomerID: 1, Due: d(0), Status: domain.FollowUpOpen}, {ID: 2, CustomerID: 2, Due: d(0), Status: domain.FollowUpOpen}}
	for _, tc := range []struct {
		scope Scope
		want  []string
	}{
		{Scope{SalesID: 1}, []string{"followup:1"}},
		{Scope{SalesID: 2}, []string{"followup:2"}},
		{Scope{All: true}, []string{"followup:1", "followup:2"}},
	} {
		a, err := Build(context.Background(), f, Query{Date: day0, Now: at(day0, 10, 0), Loc: cst, Scope: tc.scope}, DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		if got := keys(a); !slices.Equal(got, tc.want) {
			t.Errorf("scope %+v: %v, want %v", tc.scope, got, tc.want)
		}
	}
}

var errBroken = errors.New("disk on fire")

type brokenStates struct{ *fakeSource }

func (brokenStates) ItemStates(context.Context, []string) (map[string]ItemState, error) {
	return nil, errBroken
}

type brokenCases struct{ *fakeSource }

func (brokenCases) OpenCases(context.Context, Scope) ([]domain.ServiceCase, error) {
	return nil, errBroken
}

func TestBuild_Errors(t *testing.T) {
	f := newFake()
	everyRule(f)
	q := Query{Date: day0, Now: at(day0, 10, 0), Loc: cst, Scope: Scope{All: true}}
	if _, err := Build(context.Background(), f, Query{}, DefaultConfig()); err == nil {
		t.Error("no error without a date")
	}
	for name, src := range map[string]Source{"states": brokenStates{f}, "cases": brokenCases{f}} {
		if a, err := Build(context.Background(), src, q, DefaultConfig()); !errors.Is(err, errBroken) || a != nil {
			t.Errorf("%s: agenda %v, err %v: want the source's error", name, a, err)
		}
	}
}

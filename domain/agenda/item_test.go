package agenda

import (
	"errors"
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
)

func TestAfterNoAnswer_RetryAfterTenMinutes(t *testing.T) {
	calls := DefaultConfig().Calls
	now := at(d(0), 10, 0)
	st := AfterNoAnswer(ItemState{Key: "followup:5", Rule: RuleFollowUp, CustomerID: 1}, now, d(0), calls)
	if st.Key != "followup:5" || st.CustomerID != 1 {
		t.Errorf("identity lost: %+v", st)
	}
	if st.State != StateTrying || st.Tries != 1 || !st.RetryAt.Equal(now.Add(10*time.Minute)) || st.On != d(0) || !st.At.Equal(now) {
		t.Errorf("first unanswered call: %+v, want trying, 1 try, retry at 10:10", st)
	}
	if st.RetryAt.Location() != time.UTC || st.At.Location() != time.UTC {
		t.Errorf("times not UTC: retry %v at %v", st.RetryAt, st.At)
	}
	if err := st.Validate(); err != nil || st.Hides(d(0)) {
		t.Errorf("trying state: validate %v, hides %v", err, st.Hides(d(0)))
	}
	calls.RetryMinutes = 30
	if st := AfterNoAnswer(ItemState{Key: "k"}, now, d(0), calls); !st.RetryAt.Equal(now.Add(30 * time.Minute)) {
		t.Errorf("retry_minutes 30: retry at %v", st.RetryAt)
	}
}

func TestAfterNoAnswer_SecondTryMovesToTomorrow(t *testing.T) {
	calls := DefaultConfig().Calls
	first := AfterNoAnswer(ItemState{Key: "followup:5"}, at(d(0), 10, 0), d(0), calls)
	second := AfterNoAnswer(first, at(d(0), 10, 15), d(0), calls)
	if second.State != StateSnoozed || second.Tries != 2 || second.Until != d(1) || second.Reason != ReasonAway || !second.RetryAt.IsZero() {
		t.Errorf("second unanswered call: %+v, want snoozed until tomorrow, away", second)
	}
	if err := second.Validate(); err != nil {
		t.Errorf("the state AfterNoAnswer makes is invalid: %v", err)
	}
	if !second.Hides(d(0)) || second.Hides(d(1)) {
		t.Errorf("hides today %v tomorrow %v, want true false", second.Hides(d(0)), second.Hides(d(1)))
	}
	calls.MaxTries = 3
	if st := AfterNoAnswer(first, at(d(0), 10, 15), d(0), calls); st.State != StateTrying || st.Tries != 2 {
		t.Errorf("max_tries 3, second try: %+v, want still trying", st)
	}
}

func TestAfterNoAnswer_NewDayResetsTries(t *testing.T) {
	calls := DefaultConfig().Calls
	for name, prev := range map[string]ItemState{
		"trying yesterday":  {Key: "k", State: StateTrying, Tries: 1, On: d(-1), RetryAt: at(d(-1), 9, 10).UTC()},
		"snoozed yesterday": {Key: "k", State: StateSnoozed, Tries: 2, On: d(-1), Until: d(0), Reason: ReasonAway},
	} {
		st := AfterNoAnswer(prev, at(d(0), 9, 0), d(0), calls)
		if st.State != StateTrying || st.Tries != 1 || st.On != d(0) || !st.RetryAt.Equal(at(d(0), 9, 10)) {
			t.Errorf("%s: %+v, want a fresh first try", name, st)
		}
	}
}

func TestAfterNoAnswer_OnTheAgenda(t *testing.T) {
	f := newFake()
	followUpToday(f)
	calls := DefaultConfig().Calls
	st := AfterNoAnswer(ItemState{Key: "followup:5", Rule: RuleFollowUp, CustomerID: 1}, at(d(0), 10, 0), d(0), calls)
	f.setState(st)
	it := item(t, build(t, f, d(0), DefaultConfig()), "followup:5")
	if it.Tries != 1 || !it.RetryAt.Equal(at(d(0), 10, 10)) {
		t.Errorf("after one try: tries %d retry %v", it.Tries, it.RetryAt)
	}
	f.setState(AfterNoAnswer(st, at(d(0), 10, 20), d(0), calls))
	if got := keys(build(t, f, d(0), DefaultConfig())); len(got) != 0 {
		t.Errorf("after two tries today: %v, want nothing", got)
	}
	if it := item(t, build(t, f, d(1), DefaultConfig()), "followup:5"); it.OverdueDays != 1 || it.Tries != 0 {
		t.Errorf("tomorrow: overdue %d tries %d, want 1 and 0", it.OverdueDays, it.Tries)
	}
}

func TestItemStateValidate(t *testing.T) {
	for _, tc := range []struct {
		name  string
		st    ItemState
		field string // "" when valid
		code  domain.ErrorCode
	}{
		{"done", ItemState{Key: "k", State: StateDone, On: d(0)}, "", ""},
		{"trying", ItemState{Key: "k", State: StateTrying, On: d(0), Tries: 1}, "", ""},
		{"skipped with reason", ItemState{Key: "k", State: StateSkipped, Reason: ReasonNotInterested}, "", ""},
		{"snoozed to tomorrow", ItemState{Key: "k", State: StateSnoozed, On: d(0), Until: d(1), Reason: ReasonBusy}, "", ""},
		{"no key", ItemState{State: StateDone}, "key", domain.CodeRequired},
		{"unknown state", ItemState{Key: "k", State: "maybe"}, "state", domain.CodeUnknown},
		{"empty state", ItemState{Key: "k"}, "state", domain.CodeUnknown},
		{"snooze without day", ItemState{Key: "k", State: StateSnoozed, On: d(0), Reason: ReasonBusy}, "until", domain.CodeRequired},
		{"snooze to today", ItemState{Key: "k", State: StateSnoozed, On: d(0), Until: d(0), Reason: ReasonBusy}, "until", domain.CodeOutOfRange},
		{"snooze to the past", ItemState{Key: "k", State: StateSnoozed, On: d(0), Until: d(-1), Reason: ReasonBusy}, "until", domain.CodeOutOfRange},
		{"snooze without reason", ItemState{Key: "k", State: StateSnoozed, On: d(0), Until: d(1)}, "reason", domain.CodeRequired},
		{"skip without reason", ItemState{Key: "k", State: StateSkipped}, "reason", domain.CodeRequired},
		{"skip with unknown reason", ItemState{Key: "k", State: StateSkipped, Reason: "bored"}, "reason", domain.CodeRequired},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.st.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			var fe *domain.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("got %v, want a field error on %s", err, tc.field)
			}
			if fe.Entity != "item" || fe.Field != tc.field || fe.Code != tc.code {
				t.Errorf("got %s.%s %s, want item.%s %s", fe.Entity, fe.Field, fe.Code, tc.field, tc.code)
			}
		})
	}
}

func TestRules_QuestionAndMarketing(t *testing.T) {
	for _, tc := range []struct {
		rule      RuleID
		q         Question
		marketing bool
	}{
		{RuleRoutine1, Maintain, false}, {RuleRoutine3, Maintain, false}, {RuleRoutine7, Maintain, false},
		{RuleBirthday, Maintain, true}, {RuleAnniversary, Maintain, true}, {RuleHoliday, Maintain, true},
		{RuleReplenish, Maintain, false}, {RuleDormant, Maintain, true}, {RuleSeasonal, Maintain, false},
		{RuleAftercare, Maintain, false}, {RuleFollowUp, Maintain, false},
		{RuleInvite, Invite, true}, {RuleChase, Invite, true}, {RuleRemind, Invite, false},
		{RuleAppointment, Serve, false}, {RuleOnline, Serve, false}, {RuleAfterSale, Serve, false}, {RuleComplaint, Serve, false},
	} {
		if !tc.rule.Valid() || tc.rule.Question() != tc.q || tc.rule.IsMarketing() != tc.marketing || !tc.rule.Purpose().Valid() {
			t.Errorf("%s: valid %v question %s marketing %v purpose %s", tc.rule, tc.rule.Valid(), tc.rule.Question(), tc.rule.IsMarketing(), tc.rule.Purpose())
		}
	}
	if RuleID("nope").Valid() {
		t.Error("unknown rule valid")
	}
}

func TestRules_DoneItemLogsTouchOnlyWhenMarketing(t *testing.T) {

	for _, r := range Rules {
		if r.IsMarketing() != r.Purpose().IsMarketing() {
			t.Errorf("%s: rule marketing %v, but its contact purpose %s counts as marketing %v", r, r.IsMarketing(), r.Purpose(), r.Purpose().IsMarketing())
		}
	}
}

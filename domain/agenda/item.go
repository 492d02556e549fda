package agenda

import (
	"time"

	"github.com/crmtui/crmtui/domain"
)

// Item is one thing to do today: who, why, by which channel, how overdue.
type Item struct {
	Key         string         `json:"key"` // stable identity: customer + rule + occurrence, e.g. "routine:42:3"
	Rule        RuleID         `json:"rule"`
	Question    Question       `json:"question"`
	CustomerID  int64          `json:"customer_id"` // 0 for a grouped item
	Customer    string         `json:"customer"`    // display name (remark or name), or the group's name
	Salutation  string         `json:"salutation,omitempty"`
	Phone       string         `json:"phone,omitempty"`
	Class       domain.Class   `json:"class"`
	Reason      Reason         `json:"-"` // rendered into words by the catalog
	Channel     domain.Channel `json:"channel"`
	Due         domain.Date    `json:"due"`
	DueAt       time.Time      `json:"due_at,omitzero"` // the time limit of a service case, or zero
	OverdueDays int            `json:"overdue_days"`
	LateMinutes int            `json:"late_minutes,omitempty"` // past a case's time limit
	Held        bool           `json:"held,omitempty"`         // waits: the customer reached the marketing cap
	RetryAt     time.Time      `json:"retry_at,omitzero"`      // an unanswered call may be retried from then
	Tries       int            `json:"tries,omitempty"`        // unanswered calls so far
	Ask         []string       `json:"ask,omitempty"`          // missing key fields worth asking for at this contact
	Group       *Group         `json:"group,omitempty"`        // the customers of a grouped item
	Ref         Ref            `json:"ref"`                    // the record the item is about
	Template    string         `json:"template"`               // template purpose for the message
}

// Overdue reports whether the item is past its due date, or past a case's
// time limit earlier today.
func (it *Item) Overdue() bool { return it.OverdueDays > 0 || it.LateMinutes > 0 }

// Ref points at the record an item is about, so that acting on the item can
// update it (an invitation's status, a complaint's step, a follow-up).
type Ref struct {
	PurchaseID   int64  `json:"purchase_id,omitempty"`
	KeyDateID    int64  `json:"key_date_id,omitempty"`
	HolidayID    string `json:"holiday_id,omitempty"`
	EventID      int64  `json:"event_id,omitempty"`
	InvitationID int64  `json:"invitation_id,omitempty"`
	CaseID       int64  `json:"case_id,omitempty"`
	Step         int    `json:"step,omitempty"` // routine step day, or complaint step
	FollowUpID   int64  `json:"followup_id,omitempty"`
}

// Group is the audience of a grouped item (a holiday greeting for 40 customers).
type Group struct {
	Name       string  `json:"name"`
	Members    []int64 `json:"members"`
	SkippedDNC int     `json:"skipped_do_not_contact"` // left out: do not contact
	SkippedCap int     `json:"skipped_capped"`         // left out: marketing cap reached
}

// Reason says why an item is on the agenda, as data; the message catalog
// turns it into words in the user's language.
type Reason struct {
	Code   string      // the rule id, or a variant such as "birthday_lunar"
	Date   domain.Date // the purchase day, the occurrence, the event day, the run-out day
	Days   int         // days to go, days since
	N      int         // a count: step, attempts, age, members, interval days
	Name   string      // a holiday, event, product, anniversary or case title
	NameEN string      // the English name where the name has two (holidays)
	Lunar  string      // a lunar date in Chinese, e.g. 八月十五
	Folded []int       // 1-3-7 steps not done and folded into this one
	Amount domain.Money
	Held   bool // waiting: marketing cap reached
	Cap    int  // the cap, when Held
}

// Agenda is the answer to the daily three questions for one day.
type Agenda struct {
	Date     domain.Date `json:"date"`
	Maintain []Item      `json:"maintain"`
	Invite   []Item      `json:"invite"`
	Serve    []Item      `json:"serve"`
	Done     int         `json:"done"`  // items done today
	Total    int         `json:"total"` // done + still open
}

// Items returns the list of one question.
func (a *Agenda) Items(q Question) []Item {
	switch q {
	case Invite:
		return a.Invite
	case Serve:
		return a.Serve
	}
	return a.Maintain
}

// All returns every item of the three questions.
func (a *Agenda) All() []Item {
	out := make([]Item, 0, len(a.Maintain)+len(a.Invite)+len(a.Serve))
	out = append(out, a.Maintain...)
	out = append(out, a.Invite...)
	return append(out, a.Serve...)
}

// State is what the salesperson did with an item.
type State string

// Item states. An item, once done, skipped or snoozed, stays so.
const (
	StateDone    State = "done"
	StateSkipped State = "skipped"
	StateSnoozed State = "snoozed"
	StateTrying  State = "trying" // a call went unanswered; retry later today
)

// Valid reports whether s is known.
func (s State) Valid() bool {
	return s == StateDone || s == StateSkipped || s == StateSnoozed || s == StateTrying
}

// SnoozeReason is why an item was snoozed or skipped (one key in the TUI).
type SnoozeReason string

// The reasons of SPEC §4.4.
const (
	ReasonBusy          SnoozeReason = "busy"
	ReasonAway          SnoozeReason = "away" // the customer is away
	ReasonWrongTime     SnoozeReason = "wrong_time"
	ReasonNotInterested SnoozeReason = "not_interested"
	ReasonOther         SnoozeReason = "other"
)

// SnoozeReasons lists the reasons in key order.
var SnoozeReasons = []SnoozeReason{ReasonBusy, ReasonAway, ReasonWrongTime, ReasonNotInterested, ReasonOther}

// Valid reports whether r is known.
func (r SnoozeReason) Valid() bool {
	for _, x := range SnoozeReasons {
		if x == r {
			return true
		}
	}
	return false
}

// ItemState is the kept state of an item.
type ItemState struct {
	Key        string       `json:"key"`
	Rule       RuleID       `json:"rule"`
	CustomerID int64        `json:"customer_id"`
	State      State        `json:"state"`
	Until      domain.Date  `json:"until"` // a snoozed item returns on this day
	RetryAt    time.Time    `json:"retry_at,omitzero"`
	Tries      int          `json:"tries"`
	Reason     SnoozeReason `json:"reason,omitempty"`
	Note       string       `json:"note,omitempty"`
	At         time.Time    `json:"at"` // when it was set (UTC)
	On         domain.Date  `json:"on"` // the local day it was set
	SalesID    int64        `json:"salesperson_id,omitempty"`
}

// Validate checks the state: snoozes need a day after today and skips and
// snoozes need a reason.
func (s *ItemState) Validate() error {
	p := func(field string, code domain.ErrorCode, value, detail string) error {
		return &domain.ValidationError{Problems: []*domain.FieldError{{Entity: "item", Field: field, Code: code, Value: value, Detail: detail}}}
	}
	switch {
	case s.Key == "":
		return p("key", domain.CodeRequired, "", "")
	case !s.State.Valid():
		return p("state", domain.CodeUnknown, string(s.State), "done, skipped, snoozed or trying")
	case s.State == StateSnoozed && s.Until.IsZero():
		return p("until", domain.CodeRequired, "", "a snooze needs a day to come back")
	case s.State == StateSnoozed && !s.On.IsZero() && !s.Until.After(s.On):
		return p("until", domain.CodeOutOfRange, s.Until.String(), "a snooze lasts at least until tomorrow")
	case (s.State == StateSnoozed || s.State == StateSkipped) && !s.Reason.Valid():
		return p("reason", domain.CodeRequired, string(s.Reason), "busy, away, wrong_time, not_interested or other")
	}
	return nil
}

// Hides reports whether the state keeps the item off the agenda of day.
func (s ItemState) Hides(day domain.Date) bool {
	switch s.State {
	case StateDone, StateSkipped:
		return true
	case StateSnoozed:
		return day.Before(s.Until)
	case StateTrying:
		return false
	}
	return false
}

// AfterNoAnswer returns the state after an unanswered call: retry after
// Calls.RetryMinutes; after Calls.MaxTries unanswered tries the item moves
// to tomorrow (the material's calling etiquette).
func AfterNoAnswer(prev ItemState, now time.Time, today domain.Date, cfg CallsConfig) ItemState {
	next := prev
	if prev.On != today {
		next.Tries = 0 // a new day: two fresh tries
	}
	next.Tries++
	next.At = now.UTC()
	next.On = today
	if next.Tries >= cfg.MaxTries {
		next.State = StateSnoozed
		next.Until = today.AddDays(1)
		next.Reason = ReasonAway
		next.RetryAt = time.Time{}
		return next
	}
	next.State = StateTrying
	next.RetryAt = now.Add(time.Duration(cfg.RetryMinutes) * time.Minute).UTC()
	return next
}

package agenda

import (
	"time"

	"github.com/crmtui/crmtui/domain"
)

// Action is what the salesperson does with an item: done (usually with a
// contact logged), skipped or snoozed (with a reason).
type Action struct {
	Item    Item
	State   State        // StateDone, StateSkipped or StateSnoozed
	Until   domain.Date  // snoozed until this day
	Reason  SnoozeReason // for skip and snooze
	Note    string
	Contact *domain.Contact // the contact to log with a done item; its CustomerID is filled per customer
	Day     domain.Date     // the agenda day the action belongs to
	Now     time.Time
	SalesID int64
	// InvitationTo moves the invitation behind an invite, chase or remind
	// item to this status (the customer said yes on the call); empty: the
	// outcome decides (invited, or declined).
	InvitationTo domain.InvitationStatus
}

// Validate checks the action before anything is written.
func (a *Action) Validate() error {
	st := ItemState{Key: a.Item.Key, State: a.State, Until: a.Until, Reason: a.Reason, On: a.Day}
	if a.State == StateTrying {
		return &domain.FieldError{Entity: "item", Field: "state", Code: domain.CodeInvalid, Value: string(a.State), Detail: "done, skipped or snoozed"}
	}
	if err := st.Validate(); err != nil {
		return err
	}
	if a.Item.Rule == "" || !a.Item.Rule.Valid() {
		return &domain.FieldError{Entity: "item", Field: "rule", Code: domain.CodeUnknown, Value: string(a.Item.Rule)}
	}
	if a.Contact != nil {
		for _, c := range a.Contacts() {
			if err := c.Validate(); err != nil {
				return err
			}
		}
	}
	return nil
}

// Contacts returns the contacts the action logs: one for a customer's item,
// one per member for a grouped item, none without a contact.
func (a *Action) Contacts() []domain.Contact {
	if a.Contact == nil {
		return nil
	}
	ids := []int64{a.Item.CustomerID}
	if a.Item.Group != nil {
		ids = a.Item.Group.Members
	}
	out := make([]domain.Contact, 0, len(ids))
	for _, id := range ids {
		if id == 0 {
			continue
		}
		c := *a.Contact
		c.CustomerID = id
		c.ItemKey = a.Item.Key
		if c.Purpose == "" {
			c.Purpose = a.Item.Rule.Purpose()
		}
		if c.SalesID == 0 {
			c.SalesID = a.SalesID
		}
		if c.At.IsZero() {
			c.At = a.Now.UTC()
		}
		if c.On.IsZero() {
			c.On = a.Day
		}
		if a.Item.Group != nil {
			c.NextOn = domain.Date{} // a greeting to forty people sets no forty follow-ups
		}
		out = append(out, c)
	}
	return out
}

// DefaultContact is the contact a done item logs unless the user changes
// it: the item's channel, the rule's purpose, reached.
func DefaultContact(it Item) *domain.Contact {
	return &domain.Contact{Channel: it.Channel, Purpose: it.Rule.Purpose(), Outcome: domain.OutcomeReached}
}

// Unanswered reports whether the action is a call that nobody picked up,
// which keeps the item open for a retry instead of marking it done.
func (a *Action) Unanswered() bool {
	return a.State == StateDone && a.Contact != nil && a.Contact.Outcome == domain.OutcomeNoAnswer &&
		a.Contact.Channel == domain.ChannelCall && a.Item.Group == nil
}

// NextState returns the state to keep after the action, given the previous
// one (nil when none).
func NextState(prev *ItemState, a Action, calls CallsConfig) ItemState {
	base := ItemState{Key: a.Item.Key, Rule: a.Item.Rule, CustomerID: a.Item.CustomerID, SalesID: a.SalesID}
	if prev != nil {
		base.Tries, base.On = prev.Tries, prev.On
	}
	if a.Unanswered() {
		next := AfterNoAnswer(base, a.Now, a.Day, calls)
		next.Note = a.Note
		return next
	}
	base.State, base.Until, base.Reason, base.Note = a.State, a.Until, a.Reason, a.Note
	base.At, base.On = a.Now.UTC(), a.Day
	if a.State != StateSnoozed {
		base.Until = domain.Date{}
	}
	return base
}

// InvitationAfter returns the invitation after an invite, chase or remind
// item is done with the given outcome: an invite or chase counts and stamps
// the attempt and moves the status to invited (or declined when the customer
// said no); to, when set, then moves it on to that status (confirmed: they
// said yes). A move the funnel does not allow is refused.
func InvitationAfter(inv domain.Invitation, rule RuleID, outcome domain.Outcome, to domain.InvitationStatus, now time.Time, day domain.Date) (domain.Invitation, error) {
	switch rule {
	case RuleInvite, RuleChase, RuleRemind:
	default:
		return inv, nil
	}
	if rule == RuleRemind {
		if outcome == domain.OutcomeDeclined && to == "" {
			to = domain.InvDeclined
		}
		return moveInvitation(inv, to)
	}
	inv.Attempts++
	inv.LastAttemptAt = now.UTC()
	if rule == RuleInvite && inv.InvitedOn.IsZero() {
		inv.InvitedOn = day
	}
	switch {
	case outcome == domain.OutcomeDeclined && inv.Status.CanMoveTo(domain.InvDeclined):
		inv.Status = domain.InvDeclined
	case inv.Status == domain.InvPlanned:
		inv.Status = domain.InvInvited
	}
	return moveInvitation(inv, to)
}

// moveInvitation moves inv to status to, if set and allowed.
func moveInvitation(inv domain.Invitation, to domain.InvitationStatus) (domain.Invitation, error) {
	if to == "" || to == inv.Status {
		return inv, nil
	}
	if !inv.Status.CanMoveTo(to) {
		return inv, &domain.FieldError{Entity: "invitation", Field: "status", Code: domain.CodeConflict, Value: string(to),
			Detail: "cannot go from " + string(inv.Status) + " to " + string(to)}
	}
	inv.Status = to
	return inv, nil
}

package domain

import (
	"slices"
	"strconv"
	"time"
)

// EventKind is the kind of a store event (活动).
type EventKind string

// Event kinds of SPEC §3.
const (
	EventNewArrivals EventKind = "new_arrivals"
	EventPromotion   EventKind = "promotion"
	EventVIPEvening  EventKind = "vip_evening"
	EventHolidaySale EventKind = "holiday_sale"
	EventSalon       EventKind = "salon" // a class or salon
	EventOther       EventKind = "other"
)

// EventKinds lists every event kind.
var EventKinds = []EventKind{EventNewArrivals, EventPromotion, EventVIPEvening, EventHolidaySale, EventSalon, EventOther}

// Valid reports whether k is known.
func (k EventKind) Valid() bool { return slices.Contains(EventKinds, k) }

// Event is something customers are invited to.
type Event struct {
	ID               int64     `json:"id"`
	Name             string    `json:"name"`
	Kind             EventKind `json:"kind"`
	StartsAt         time.Time `json:"starts_at"`
	EndsAt           time.Time `json:"ends_at"`
	Place            string    `json:"place,omitempty"` // a store or "online"
	Purpose          string    `json:"purpose,omitempty"`
	Script           string    `json:"script,omitempty"`      // invitation script (邀约话术), a template body
	TargetRule       string    `json:"target_rule,omitempty"` // group rule selecting whom to invite
	Capacity         int       `json:"capacity,omitempty"`
	InviteWindowDays int       `json:"invite_window_days"` // invitations start this many days before
	StoreID          int64     `json:"store_id,omitempty"`
}

// Validate checks the event.
func (e *Event) Validate() error {
	p := newProblems("event")
	checkText(p, "name", e.Name, MaxShortRunes, true)
	if !e.Kind.Valid() {
		p.add("kind", CodeUnknown, string(e.Kind), "new_arrivals, promotion, vip_evening, holiday_sale, salon or other")
	}
	if e.StartsAt.IsZero() {
		p.add("starts_at", CodeRequired, "", "")
	}
	if !e.EndsAt.IsZero() && e.EndsAt.Before(e.StartsAt) {
		p.add("ends_at", CodeConflict, "", "the event ends before it starts")
	}
	checkText(p, "place", e.Place, MaxShortRunes, false)
	checkText(p, "purpose", e.Purpose, MaxNoteRunes, false)
	checkText(p, "script", e.Script, MaxNoteRunes, false)
	if e.Capacity < 0 {
		p.add("capacity", CodeOutOfRange, strconv.Itoa(e.Capacity), "0 (no limit) or more")
	}
	if e.InviteWindowDays < 0 || e.InviteWindowDays > 365 {
		p.add("invite_window_days", CodeOutOfRange, strconv.Itoa(e.InviteWindowDays), "0 to 365 days")
	}
	return p.err()
}

// InvitationStatus is where an invitation stands.
type InvitationStatus string

// Invitation states: planned → invited → confirmed → attended, or declined / no-show.
const (
	InvPlanned   InvitationStatus = "planned"
	InvInvited   InvitationStatus = "invited"
	InvConfirmed InvitationStatus = "confirmed"
	InvAttended  InvitationStatus = "attended"
	InvDeclined  InvitationStatus = "declined"
	InvNoShow    InvitationStatus = "no_show"
)

// InvitationStatuses lists every status in funnel order.
var InvitationStatuses = []InvitationStatus{InvPlanned, InvInvited, InvConfirmed, InvAttended, InvDeclined, InvNoShow}

// Valid reports whether s is known.
func (s InvitationStatus) Valid() bool { return slices.Contains(InvitationStatuses, s) }

// invitationMoves lists the allowed status changes. A declined customer may
// still change their mind; an attended one is final.
var invitationMoves = map[InvitationStatus][]InvitationStatus{
	InvPlanned:   {InvInvited, InvDeclined},
	InvInvited:   {InvConfirmed, InvDeclined, InvAttended},
	InvConfirmed: {InvAttended, InvNoShow, InvDeclined},
	InvDeclined:  {InvInvited, InvConfirmed},
	InvNoShow:    {InvAttended},
	InvAttended:  {},
}

// CanMoveTo reports whether an invitation may go from s to t.
func (s InvitationStatus) CanMoveTo(t InvitationStatus) bool {
	return slices.Contains(invitationMoves[s], t)
}

// Invitation links a customer to an event and tracks the funnel.
type Invitation struct {
	ID            int64            `json:"id"`
	EventID       int64            `json:"event_id"`
	CustomerID    int64            `json:"customer_id"`
	Status        InvitationStatus `json:"status"`
	Attempts      int              `json:"attempts"`
	LastAttemptAt time.Time        `json:"last_attempt_at,omitzero"`
	InvitedOn     Date             `json:"invited_on"`
	Note          string           `json:"note,omitempty"`
}

// Validate checks the invitation.
func (i *Invitation) Validate() error {
	p := newProblems("invitation")
	if i.EventID <= 0 {
		p.add("event_id", CodeRequired, "", "")
	}
	if i.CustomerID <= 0 {
		p.add("customer_id", CodeRequired, "", "")
	}
	if !i.Status.Valid() {
		p.add("status", CodeUnknown, string(i.Status), "planned, invited, confirmed, attended, declined or no_show")
	}
	if i.Attempts < 0 {
		p.add("attempts", CodeOutOfRange, strconv.Itoa(i.Attempts), "0 or more")
	}
	checkText(p, "note", i.Note, MaxNoteRunes, false)
	return p.err()
}

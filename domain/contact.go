package domain

import "time"

// Contact is one maintenance record (维护记录): a call, a message, a visit.
// It is the main write of the app. Any contact, whatever its purpose, resets
// the customer's since-last-contact clocks (dormant, seasonal).
type Contact struct {
	ID         int64     `json:"id"`
	CustomerID int64     `json:"customer_id"`
	At         time.Time `json:"at"` // UTC
	On         Date      `json:"on"` // local day of At
	Channel    Channel   `json:"channel"`
	Purpose    Purpose   `json:"purpose"`
	Outcome    Outcome   `json:"outcome"`
	Note       string    `json:"note,omitempty"`
	NextOn     Date      `json:"next_on"` // a follow-up is created for this date
	SalesID    int64     `json:"salesperson_id,omitempty"`
	ItemKey    string    `json:"item_key,omitempty"` // the agenda item it answered, if any
}

// Validate checks the contact.
func (c *Contact) Validate() error {
	p := newProblems("contact")
	if c.CustomerID <= 0 {
		p.add("customer_id", CodeRequired, "", "")
	}
	if c.At.IsZero() && c.On.IsZero() {
		p.add("date", CodeRequired, "", "")
	}
	if !c.Channel.Valid() {
		p.add("channel", CodeUnknown, string(c.Channel), "call, sms, wechat, visit, instore, email or other")
	}
	if c.Purpose == "" {
		c.Purpose = PurposeOther
	}
	if !c.Purpose.Valid() {
		p.add("purpose", CodeUnknown, string(c.Purpose), "")
	}
	if !c.Outcome.Valid() {
		p.add("outcome", CodeUnknown, string(c.Outcome), "reached, no_answer, replied, no_reply, declined or other")
	}
	checkText(p, "note", c.Note, MaxNoteRunes, false)
	if !c.NextOn.IsZero() && !c.On.IsZero() && c.NextOn.Before(c.On) {
		p.add("next_on", CodeConflict, c.NextOn.String(), "the next follow-up cannot be before the contact")
	}
	return p.err()
}

// FollowUpStatus is the state of a hand-set follow-up.
type FollowUpStatus string

// Follow-up states.
const (
	FollowUpOpen    FollowUpStatus = "open"
	FollowUpDone    FollowUpStatus = "done"
	FollowUpSkipped FollowUpStatus = "skipped"
	FollowUpSnoozed FollowUpStatus = "snoozed"
)

// Valid reports whether s is a known status.
func (s FollowUpStatus) Valid() bool {
	return s == FollowUpOpen || s == FollowUpDone || s == FollowUpSkipped || s == FollowUpSnoozed
}

// FollowUp is a dated to-do for a customer (跟进), set by hand or by a
// contact's next follow-up date.
type FollowUp struct {
	ID         int64          `json:"id"`
	CustomerID int64          `json:"customer_id"`
	Due        Date           `json:"due"`
	Note       string         `json:"note,omitempty"`
	Status     FollowUpStatus `json:"status"`
	ContactID  int64          `json:"contact_id,omitempty"` // the contact that set it
	SalesID    int64          `json:"salesperson_id,omitempty"`
	CreatedAt  time.Time      `json:"created_at"`
}

// Validate checks the follow-up.
func (f *FollowUp) Validate() error {
	p := newProblems("followup")
	if f.CustomerID <= 0 {
		p.add("customer_id", CodeRequired, "", "")
	}
	if f.Due.IsZero() {
		p.add("due", CodeRequired, "", "")
	}
	if f.Status == "" {
		f.Status = FollowUpOpen
	}
	if !f.Status.Valid() {
		p.add("status", CodeUnknown, string(f.Status), "open, done, skipped or snoozed")
	}
	checkText(p, "note", f.Note, MaxNoteRunes, false)
	return p.err()
}

package domain

import (
	"context"
	"time"
)

// CustomerFilter selects customers for lists and the command line.
type CustomerFilter struct {
	Text    string // matched against name, remark, phone, WeChat and tags
	OwnerID int64  // 0: any owner
	Tag     string
	Class   Class
	Limit   int // 0: no limit
}

// CustomerSummary is a customer as lists show them: small enough to keep
// 100,000 in memory for filtering as you type.
type CustomerSummary struct {
	ID           int64
	Name         string
	Remark       string
	Phones       []string
	WeChat       string
	Tags         []string
	OwnerID      int64
	Class        Class
	Stage        Stage
	ValueRank    int
	TotalSpend   Money
	LastPurchase Date
	LastContact  Date
	DoNotContact bool
}

// DisplayName is the remark name if set, else the name.
func (c *CustomerSummary) DisplayName() string {
	if c.Remark != "" {
		return c.Remark
	}
	return c.Name
}

// CustomerStore keeps the customer file.
type CustomerStore interface {
	// CreateCustomer validates and inserts c, setting c.ID and the derived fields.
	CreateCustomer(ctx context.Context, c *Customer) error
	// UpdateCustomer validates and replaces the editable layers of c.
	UpdateCustomer(ctx context.Context, c *Customer) error
	// Customer returns one customer with key dates, tags and stats.
	Customer(ctx context.Context, id int64) (*Customer, error)
	// FindCustomers lists customers matching the filter, most valuable first.
	FindCustomers(ctx context.Context, f CustomerFilter) ([]Customer, error)
	// CustomerSummaries lists every customer (of one owner when ownerID is
	// not 0), most valuable first, with all their phones and tags.
	CustomerSummaries(ctx context.Context, ownerID int64) ([]CustomerSummary, error)
	// CustomerByPhone finds a customer by any of their phone numbers.
	CustomerByPhone(ctx context.Context, phone string) (*Customer, error)
	// DeleteCustomer erases a customer and everything recorded about them.
	DeleteCustomer(ctx context.Context, id int64) error
}

// SegmentStore keeps the daily segmentation (RFM scores and classes).
type SegmentStore interface {
	// EnsureSegments rescores the store when the last pass is more than
	// tolerance days from day.
	EnsureSegments(ctx context.Context, day Date, tolerance int) error
}

// RecordStore keeps purchases, contacts and follow-ups.
type RecordStore interface {
	// AddPurchase validates and inserts p with its lines and updates the customer's figures.
	AddPurchase(ctx context.Context, p *Purchase) error
	// Purchases returns a customer's purchases, newest first.
	Purchases(ctx context.Context, customerID int64, limit int) ([]Purchase, error)
	// AddContact validates and inserts c, resets the customer's contact
	// clocks and, when c.NextOn is set, creates a follow-up for that day.
	AddContact(ctx context.Context, c *Contact) error
	// Contacts returns a customer's contacts, newest first.
	Contacts(ctx context.Context, customerID int64, limit int) ([]Contact, error)
	// AddFollowUp validates and inserts f.
	AddFollowUp(ctx context.Context, f *FollowUp) error
	// FollowUps returns a customer's follow-ups, open ones first.
	FollowUps(ctx context.Context, customerID int64) ([]FollowUp, error)
}

// TeamStore keeps stores and salespeople.
type TeamStore interface {
	CreateStore(ctx context.Context, s *Store) error
	Stores(ctx context.Context) ([]Store, error)
	CreateSalesperson(ctx context.Context, s *Salesperson) error
	Salespeople(ctx context.Context) ([]Salesperson, error)
	SalespersonByName(ctx context.Context, name string) (*Salesperson, error)
	AddSpecialDay(ctx context.Context, d *SpecialDay) error
}

// EventStore keeps events and invitations.
type EventStore interface {
	CreateEvent(ctx context.Context, e *Event) error
	UpdateEvent(ctx context.Context, e *Event) error
	Event(ctx context.Context, id int64) (*Event, error)
	Events(ctx context.Context) ([]Event, error)
	// AddInvitation inserts a planned (or other status) invitation; one per event and customer.
	AddInvitation(ctx context.Context, inv *Invitation) error
	InvitationsOf(ctx context.Context, eventID int64) ([]Invitation, error)
	// PlanInvitations adds planned invitations for the customers not yet
	// invited to the event and returns how many it added.
	PlanInvitations(ctx context.Context, eventID int64, customerIDs []int64) (int, error)
	// SetInvitationStatus moves an invitation (checked by CanMoveTo),
	// recording the attempt, and returns it as saved.
	SetInvitationStatus(ctx context.Context, invitationID int64, to InvitationStatus, at time.Time, note string) (*Invitation, error)
	// EventFunnel counts the event's invitations through the funnel.
	EventFunnel(ctx context.Context, eventID int64) (Funnel, error)
}

// Funnel follows an event's invitations: targeted → invited → confirmed →
// attended → bought. Each stage counts the customers who reached it or a
// later one, so the numbers only go down.
type Funnel struct {
	Targeted  int   `json:"targeted"`  // invitations planned (the target group at planning time)
	Invited   int   `json:"invited"`   // contacted at least once
	Confirmed int   `json:"confirmed"` // said yes (and then came or not)
	Attended  int   `json:"attended"`
	Bought    int   `json:"bought"`   // customers with a sale that names the event (returns do not count)
	Declined  int   `json:"declined"` // said no
	NoShow    int   `json:"no_show"`
	Revenue   Money `json:"revenue"` // net sales at the event
}

// CaseStore keeps service cases.
type CaseStore interface {
	OpenCase(ctx context.Context, c *ServiceCase) error
	Case(ctx context.Context, id int64) (*ServiceCase, error)
	// RecordCaseStep stamps the next complaint step (in order; skipping needs a reason).
	RecordCaseStep(ctx context.Context, caseID int64, step ComplaintStep, at time.Time, note, skipReason string) error
	// CloseCase closes a case with a resolution and satisfaction 1-5.
	CloseCase(ctx context.Context, caseID int64, at time.Time, resolution string, satisfaction int) error
	// Cases lists cases with their steps, open ones first by time limit.
	Cases(ctx context.Context, f CaseFilter) ([]ServiceCase, error)
}

// CaseFilter selects cases.
type CaseFilter struct {
	OpenOnly   bool
	Kind       CaseKind // "" for every kind
	CustomerID int64
}

// Group is a saved customer group (分组管理): a name and a rule in the group
// rule language (domain/rules), evaluated whenever it is used, so members
// come and go as customers change.
type Group struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Rule string `json:"rule"`
}

// GroupStore keeps saved groups. Saving checks the rule.
type GroupStore interface {
	SaveGroup(ctx context.Context, g *Group) error
	Groups(ctx context.Context) ([]Group, error)
	GroupByName(ctx context.Context, name string) (*Group, error)
	DeleteGroup(ctx context.Context, id int64) error
}

// TemplateStore keeps the user's own message templates; the shipped
// defaults live in code (DefaultTemplates).
type TemplateStore interface {
	Templates(ctx context.Context) ([]Template, error)
	// SaveTemplate validates and stores a template, replacing the user's
	// template of the same purpose, channel and language.
	SaveTemplate(ctx context.Context, t *Template) error
	DeleteTemplate(ctx context.Context, id int64) error
}

package agenda

import (
	"context"
	"errors"
	"time"

	"github.com/crmtui/crmtui/domain"
)

// Scope says whose customers the agenda covers: one salesperson's
// ("mine") or the whole store's.
type Scope struct {
	SalesID int64 // the salesperson; ignored when All
	All     bool
}

// CustomerFact is what the agenda needs to know of a customer to word and
// rank an item.
type CustomerFact struct {
	ID           int64
	Name         string
	Remark       string
	Salutation   string
	Phone        string
	OwnerID      int64
	Class        domain.Class
	RFM          domain.RFM
	Preferred    domain.Channel
	DoNotContact bool
	Stats        domain.CustomerStats
	Missing      []string // key fields not yet known, most useful first
	// MarketingDates are the days of the customer's latest marketing
	// contacts (greetings, invitations, reactivation), newest first, at
	// most MaxMarketingDates: enough to apply the 30-day cap without a query.
	MarketingDates []domain.Date
}

// MaxMarketingDates is how many recent marketing contact days a store keeps
// per customer, and so the largest allowed marketing.cap.
const MaxMarketingDates = 10

// MarketingTouches counts the dates on or after since.
func MarketingTouches(dates []domain.Date, since domain.Date) int {
	n := 0
	for _, d := range dates {
		if !d.Before(since) {
			n++
		}
	}
	return n
}

// GroupMember is what a grouped item needs of a member: who, their class
// for the item's badge, whether they may be contacted, and their recent
// marketing contacts for the cap. Kept small: a holiday group can hold
// thousands of customers.
type GroupMember struct {
	ID             int64
	Class          domain.Class
	DoNotContact   bool
	MarketingDates []domain.Date
}

// DisplayName is the remark name if set, else the name.
func (c CustomerFact) DisplayName() string {
	if c.Remark != "" {
		return c.Remark
	}
	return c.Name
}

// PurchaseFact is a purchase that may anchor an item.
type PurchaseFact struct {
	ID         int64
	CustomerID int64
	On         domain.Date
	UsageDays  int
	RunsOutOn  domain.Date
	Product    string // the first line's product, for the message
	Amount     domain.Money
}

// KeyDateFact is a customer's key date that falls in the window asked for.
type KeyDateFact struct {
	CustomerID int64
	KeyDate    domain.KeyDate
}

// InvitationFact is an invitation with its event.
type InvitationFact struct {
	Invitation domain.Invitation
	Event      domain.Event
}

// Source is what the agenda reads from a store. Every method is scoped to
// one salesperson's customers unless scope.All, and each is meant to be
// answered from indexes and per-customer aggregates without scanning
// history. Implementations: db.Store; tests use an in-memory fake.
type Source interface {
	// RecentSales returns, for customers whose latest sale was made in
	// [from, to], that sale (the anchor of their 1-3-7 cycle).
	RecentSales(ctx context.Context, s Scope, from, to domain.Date) ([]PurchaseFact, error)
	// KeyDatesMatching returns the key dates whose calendar, month, day and
	// leap flag are among the given ones.
	KeyDatesMatching(ctx context.Context, s Scope, solar, lunar []domain.MonthDay) ([]KeyDateFact, error)
	// SpecialDays returns the store-defined yearly days.
	SpecialDays(ctx context.Context) ([]domain.SpecialDay, error)
	// GroupMembers returns the customers in a target group (class, tag or
	// rule), most valuable first, including do-not-contact ones, which the
	// agenda counts and leaves out.
	GroupMembers(ctx context.Context, s Scope, g TargetGroup) ([]GroupMember, error)
	// RunningOut returns sales with expected usage whose run-out day is in [from, to].
	RunningOut(ctx context.Context, s Scope, from, to domain.Date) ([]PurchaseFact, error)
	// DormantCandidates returns up to limit customers who are dormant on day
	// (dormant_on ≤ day) and were not contacted on or after quietSince,
	// excluding do-not-contact ones, most valuable first.
	DormantCandidates(ctx context.Context, s Scope, day, quietSince domain.Date, limit int) ([]CustomerFact, error)
	// QuietCustomers returns up to limit customers with purchases whose last
	// contact and last purchase are both before touchedBefore and who are not
	// dormant on day, excluding do-not-contact ones, most valuable first.
	QuietCustomers(ctx context.Context, s Scope, day, touchedBefore domain.Date, limit int) ([]CustomerFact, error)
	// AttendedBetween returns attended invitations of events that ended in [from, to].
	AttendedBetween(ctx context.Context, s Scope, from, to domain.Date) ([]InvitationFact, error)
	// ClosedCasesBetween returns cases of the given kinds closed in [from, to].
	ClosedCasesBetween(ctx context.Context, s Scope, kinds []domain.CaseKind, from, to domain.Date) ([]domain.ServiceCase, error)
	// OpenFollowUps returns open follow-ups due on or before day.
	OpenFollowUps(ctx context.Context, s Scope, day domain.Date) ([]domain.FollowUp, error)
	// UpcomingEvents returns events that start on or after from (local day).
	UpcomingEvents(ctx context.Context, from domain.Date) ([]domain.Event, error)
	// Invitations returns invitations of the events in the given statuses.
	Invitations(ctx context.Context, s Scope, eventIDs []int64, statuses []domain.InvitationStatus) ([]domain.Invitation, error)
	// InvitedOn counts invitations sent (moved to invited) on day.
	InvitedOn(ctx context.Context, s Scope, day domain.Date) (int, error)
	// OpenCases returns every case not closed.
	OpenCases(ctx context.Context, s Scope) ([]domain.ServiceCase, error)
	// ItemStates returns the kept states of the given item keys.
	ItemStates(ctx context.Context, keys []string) (map[string]ItemState, error)
	// Customers returns the facts of the given customers.
	Customers(ctx context.Context, ids []int64) (map[int64]CustomerFact, error)
	// ActedOn counts the items acted on during day (by the scope's
	// salesperson, or anyone when s.All): done ones for the progress, and
	// per rule every done, skipped or snoozed one for the daily limits.
	ActedOn(ctx context.Context, s Scope, day domain.Date) (Acted, error)
}

// Acted is what ActedOn counts.
type Acted struct {
	Done   int
	ByRule map[RuleID]int
}

// ErrNothingToUndo is returned by Actor.Undo when no action is left to undo.
var ErrNothingToUndo = errors.New("nothing to undo")

// Actor applies what the salesperson does with items and takes it back.
type Actor interface {
	// Act applies an action in one transaction and returns the state kept.
	Act(ctx context.Context, a Action, calls CallsConfig) (ItemState, error)
	// Undo reverts the salesperson's last action and returns its item key.
	Undo(ctx context.Context, salesID int64) (string, error)
}

// Query is what the agenda is asked for.
type Query struct {
	Date  domain.Date    // the day planned (today, or tomorrow the evening before)
	Now   time.Time      // the clock, for call retries and case time limits
	Loc   *time.Location // local time zone for event and case times
	Scope Scope
}

// Package agenda answers the daily three questions (每日3问): whom to
// maintain, whom to invite and whom to serve on a given day. It is a pure
// function of the store's facts, a date and the rule knobs; it never reads
// the clock or the database itself.
package agenda

import (
	"slices"

	"github.com/crmtui/crmtui/domain"
)

// Question is one of the daily three questions.
type Question string

// The three questions.
const (
	Maintain Question = "maintain" // 维护
	Invite   Question = "invite"   // 邀约
	Serve    Question = "serve"    // 服务
)

// RuleID names a rule. The ids are stable: they appear in item keys, JSON,
// the config file and the docs.
type RuleID string

// The rules of SPEC §4.
const (
	RuleRoutine1    RuleID = "routine_1"
	RuleRoutine3    RuleID = "routine_3"
	RuleRoutine7    RuleID = "routine_7"
	RuleBirthday    RuleID = "birthday"
	RuleAnniversary RuleID = "anniversary"
	RuleHoliday     RuleID = "holiday"
	RuleReplenish   RuleID = "replenish"
	RuleDormant     RuleID = "dormant"
	RuleSeasonal    RuleID = "seasonal"
	RuleAftercare   RuleID = "aftercare"
	RuleFollowUp    RuleID = "followup"
	RuleInvite      RuleID = "invite"
	RuleChase       RuleID = "chase"
	RuleRemind      RuleID = "remind"
	RuleAppointment RuleID = "appointment"
	RuleOnline      RuleID = "online"
	RuleAfterSale   RuleID = "aftersale"
	RuleComplaint   RuleID = "complaint"
)

// Rules lists every rule in documentation order.
var Rules = []RuleID{RuleRoutine1, RuleRoutine3, RuleRoutine7, RuleBirthday, RuleAnniversary, RuleHoliday,
	RuleReplenish, RuleDormant, RuleSeasonal, RuleAftercare, RuleFollowUp,
	RuleInvite, RuleChase, RuleRemind,
	RuleAppointment, RuleOnline, RuleAfterSale, RuleComplaint}

// Valid reports whether r is a known rule.
func (r RuleID) Valid() bool { return slices.Contains(Rules, r) }

// Question returns the question a rule answers.
func (r RuleID) Question() Question {
	switch r {
	case RuleInvite, RuleChase, RuleRemind:
		return Invite
	case RuleAppointment, RuleOnline, RuleAfterSale, RuleComplaint:
		return Serve
	}
	return Maintain
}

// Purpose returns the contact purpose logged when the rule's item is done.
func (r RuleID) Purpose() domain.Purpose {
	switch r {
	case RuleRoutine1:
		return domain.PurposeRoutine1
	case RuleRoutine3:
		return domain.PurposeRoutine3
	case RuleRoutine7:
		return domain.PurposeRoutine7
	case RuleBirthday:
		return domain.PurposeBirthday
	case RuleAnniversary:
		return domain.PurposeAnniversary
	case RuleHoliday:
		return domain.PurposeHoliday
	case RuleReplenish:
		return domain.PurposeReplenishment
	case RuleDormant:
		return domain.PurposeReactivation
	case RuleInvite, RuleChase:
		return domain.PurposeInvitation
	case RuleRemind, RuleAppointment, RuleOnline, RuleAfterSale, RuleAftercare:
		// A reminder to a guest who said yes is service: it must not use up
		// one of the customer's marketing touches.
		return domain.PurposeService
	case RuleComplaint:
		return domain.PurposeComplaint
	}
	return domain.PurposeOther
}

// IsMarketing reports whether the rule's items count as marketing touches
// and so wait when a customer has reached the 30-day cap. A reminder to a
// guest who already said yes is service, not marketing.
func (r RuleID) IsMarketing() bool {
	switch r {
	case RuleBirthday, RuleAnniversary, RuleHoliday, RuleInvite, RuleChase, RuleDormant:
		return true
	}
	return false
}

// routineRule returns the rule id of the 1-3-7 step with index i (0, 1, 2).
func routineRule(i int) RuleID {
	return [...]RuleID{RuleRoutine1, RuleRoutine3, RuleRoutine7}[i]
}

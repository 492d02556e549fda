package i18n

import (
	"strconv"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// Rule names an agenda rule: 常规维护·第1天 / Routine day 1.
func (c Catalog) Rule(r agenda.RuleID) string { return c.word("rule.", string(r)) }

// Question names one of the daily three questions: 维护 / Maintain.
func (c Catalog) Question(q agenda.Question) string { return c.word("question.", string(q)) }

// Class names a value class: 重要顾客 / important.
func (c Catalog) Class(cl domain.Class) string { return c.word("class.", string(cl)) }

// Stage names a life-cycle stage: 沉睡 / dormant.
func (c Catalog) Stage(s domain.Stage) string { return c.word("stage.", string(s)) }

// Channel names a contact channel: 微信 / WeChat.
func (c Catalog) Channel(ch domain.Channel) string { return c.word("channel.", string(ch)) }

// Purpose names a contact purpose: 生日祝福 / birthday.
func (c Catalog) Purpose(p domain.Purpose) string { return c.word("purpose.", string(p)) }

// Outcome names a contact outcome: 未接通 / no answer.
func (c Catalog) Outcome(o domain.Outcome) string { return c.word("outcome.", string(o)) }

// SnoozeReason names why an item was snoozed or skipped: 太忙 / busy.
func (c Catalog) SnoozeReason(r agenda.SnoozeReason) string {
	return c.word("snooze_reason.", string(r))
}

// State names what was done with an agenda item: 已完成 / done.
func (c Catalog) State(s agenda.State) string { return c.word("item_state.", string(s)) }

// ComplaintStep names a step of complaint handling: 安抚倾听 / listen and
// soothe. The names live with the steps in the domain; an unknown step is
// "第N步" / "step N".
func (c Catalog) ComplaintStep(s domain.ComplaintStep) string {
	if s >= domain.StepListen && s <= domain.StepFollowUp {
		return s.Name(string(c.Lang()))
	}
	return c.T("complaint_step.n", int(s))
}

// Source names how a customer came to the store: 朋友介绍 / referral.
func (c Catalog) Source(s domain.Source) string { return c.word("source.", string(s)) }

// Gender names a gender; unset is 未填 / not set.
func (c Catalog) Gender(g domain.Gender) string {
	if g == domain.GenderUnknown {
		return c.T("gender.unknown")
	}
	return c.word("gender.", string(g))
}

// ValueType names the salesperson's value judgement; unset is 未填 / not set.
func (c Catalog) ValueType(v domain.ValueType) string {
	if v == domain.ValueNone {
		return c.T("value_type.none")
	}
	return c.word("value_type.", string(v))
}

// Calendar names solar (公历) or lunar (农历).
func (c Catalog) Calendar(cal domain.Calendar) string { return c.word("calendar.", string(cal)) }

// KeyDateKind names a key date's kind: 生日 / birthday.
func (c Catalog) KeyDateKind(k domain.KeyDateKind) string { return c.word("key_date_kind.", string(k)) }

// ProfileField names a key field of the completeness meter: 微信 / WeChat.
func (c Catalog) ProfileField(f domain.ProfileField) string {
	return c.word("profile_field.", string(f))
}

// SaleChannel names where a purchase was made: 门店 / in store.
func (c Catalog) SaleChannel(s domain.SaleChannel) string { return c.word("sale_channel.", string(s)) }

// EventKind names an event's kind: 新品到店 / new arrivals.
func (c Catalog) EventKind(k domain.EventKind) string { return c.word("event_kind.", string(k)) }

// InvitationStatus names where an invitation stands: 已确认 / confirmed.
func (c Catalog) InvitationStatus(s domain.InvitationStatus) string {
	return c.word("invitation_status.", string(s))
}

// FollowUpStatus names the state of a follow-up: 待跟进 / open.
func (c Catalog) FollowUpStatus(s domain.FollowUpStatus) string {
	return c.word("followup_status.", string(s))
}

// CaseKind names a service case's kind: 售后 / after-sale.
func (c Catalog) CaseKind(k domain.CaseKind) string { return c.word("case_kind.", string(k)) }

// CaseSubkind names a case's sub-kind: 维修 / repair; empty gives the kind's name.
func (c Catalog) CaseSubkind(k domain.CaseKind, sub string) string {
	if sub == "" {
		return c.CaseKind(k)
	}
	return c.word("case_subkind."+string(k)+".", sub)
}

// CaseChannel names where a case came in: 公众媒体 / public media.
func (c Catalog) CaseChannel(ch domain.CaseChannel) string {
	return c.word("case_channel.", string(ch))
}

// CaseStatus names the state of a case: 处理中 / in progress.
func (c Catalog) CaseStatus(s domain.CaseStatus) string { return c.word("case_status.", string(s)) }

// GroupName shows a target group's name: the default groups' ids are
// translated, names the user chose are shown as written.
func (c Catalog) GroupName(name string) string {
	if Has("group." + name) {
		return c.T("group." + name)
	}
	return name
}

// Entity names a kind of record for messages: 顾客 / customer.
func (c Catalog) Entity(entity string) string { return c.word("entity.", entity) }

// Count renders "42位顾客" / "42 customers" and the like for a counted noun
// key such as "count.customers".
func (c Catalog) Count(key string, n int) string { return c.plural(key, n, n) }

// itoa is strconv.Itoa, short.
func itoa(n int) string { return strconv.Itoa(n) }

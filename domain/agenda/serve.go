package agenda

import (
	"fmt"

	"github.com/crmtui/crmtui/domain"
)

// service: today's appointments (and missed ones), open online inquiries and
// orders, after-sale work due soon or opened today, and every open complaint
// with its next step and time limit.
func (b *builder) service() error {
	c := b.cfg.Serve
	day := b.q.Date
	cases, err := b.src.OpenCases(b.ctx, b.q.Scope)
	if err != nil {
		return err
	}
	for _, sc := range cases {
		due := b.localDay(sc.DueAt)
		opened := b.localDay(sc.OpenedAt)
		if opened.After(day) {
			continue
		}
		it := Item{
			CustomerID: sc.CustomerID,
			Due:        due,
			DueAt:      sc.DueAt,
			Ref:        Ref{CaseID: sc.ID},
			Reason:     Reason{Date: due, Days: due.Sub(day), Name: sc.Title},
			Channel:    caseChannel(sc.Channel),
		}
		switch sc.Kind {
		case domain.CaseAppointment:
			if due.After(day.AddDays(c.AppointmentLeadDay)) {
				continue
			}
			it.Rule, it.Key, it.Reason.Code = RuleAppointment, fmt.Sprintf("appointment:%d", sc.ID), "appointment"
			it.Channel = domain.ChannelInStore
		case domain.CaseOnline:
			it.Rule, it.Key, it.Reason.Code = RuleOnline, fmt.Sprintf("online:%d", sc.ID), "online_inquiry"
			if sc.Subkind == "online_order" {
				it.Reason.Code = "online_order"
			}
		case domain.CaseAfterSale:
			if due.After(day.AddDays(c.AfterSaleLeadDays)) && opened != day {
				continue
			}
			it.Rule, it.Key, it.Reason.Code = RuleAfterSale, fmt.Sprintf("aftersale:%d", sc.ID), "aftersale"
			it.Reason.NameEN = sc.Subkind
		case domain.CaseComplaint:
			step := sc.NextStep()
			if step == 0 {
				step = domain.StepFollowUp // all steps done, waiting to be closed
			}
			it.Rule, it.Key, it.Reason.Code = RuleComplaint, fmt.Sprintf("complaint:%d:%d", sc.ID, step), "complaint"
			it.Reason.N = int(step)
			it.Ref.Step = int(step)
			it.Template = "complaint_followup"
		default:
			continue
		}
		if !b.q.Now.IsZero() && b.q.Now.After(sc.DueAt) {
			it.LateMinutes = int(b.q.Now.Sub(sc.DueAt).Minutes())
		}
		b.add(&staged{item: it, keepDNC: true, forceChannel: true})
	}
	return nil
}

// caseChannel suggests how to answer a case from where it came in.
func caseChannel(ch domain.CaseChannel) domain.Channel {
	switch ch {
	case domain.CaseByWeChat, domain.CaseByPlatform:
		return domain.ChannelWeChat
	case domain.CaseInStore:
		return domain.ChannelInStore
	}
	return domain.ChannelCall
}

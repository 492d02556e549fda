package agenda

import (
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
)

// openCase adds case id for customer 1 (class repeat), opened at opened and
// due at due.
func openCase(id int64, kind domain.CaseKind, subkind string, ch domain.CaseChannel, opened, due time.Time, steps int) func(f *fakeSource) {
	return func(f *fakeSource) {
		if _, ok := f.customers[1]; !ok {
			f.cust(1, domain.ClassRepeat)
		}
		c := domain.ServiceCase{ID: id, CustomerID: 1, Kind: kind, Subkind: subkind, Channel: ch, Title: "case " + itoa(id),
			OpenedAt: opened, DueAt: due, Status: domain.CaseOpen}
		for s := 1; s <= steps; s++ {
			c.Steps = append(c.Steps, domain.CaseStep{Step: domain.ComplaintStep(s), At: opened.Add(time.Duration(s) * time.Hour)})
		}
		if steps > 0 {
			c.Status = domain.CaseInProgress
		}
		f.cases = append(f.cases, c)
	}
}

var serveRules = []RuleID{RuleAppointment, RuleOnline, RuleAfterSale, RuleComplaint}

func TestServe_AppointmentToday(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "appointment at 15:00 today", setup: openCase(70, domain.CaseAppointment, "fitting", domain.CaseByPhone, at(d(-2), 10, 0), at(d(0), 15, 0), 0),
			rules: serveRules, want: []string{"appointment:70"}, check: func(t *testing.T, a *Agenda) {
				it := item(t, a, "appointment:70")
				if it.Question != Serve || it.Rule != RuleAppointment || it.Channel != domain.ChannelInStore || it.Due != d(0) ||
					!it.DueAt.Equal(at(d(0), 15, 0)) || it.LateMinutes != 0 || it.Ref.CaseID != 70 || it.Reason.Code != "appointment" {
					t.Errorf("item %+v", it)
				}
			}},
		{name: "appointment tomorrow: not shown", setup: openCase(70, domain.CaseAppointment, "", domain.CaseByPhone, at(d(-2), 10, 0), at(d(1), 15, 0), 0),
			rules: serveRules, want: []string{}},
		{name: "appointment_lead_days 1: tomorrow shown", setup: openCase(70, domain.CaseAppointment, "", domain.CaseByPhone, at(d(-2), 10, 0), at(d(1), 15, 0), 0),
			cfg: func(c *Config) { c.Serve.AppointmentLeadDay = 1 }, rules: serveRules, want: []string{"appointment:70"}},
		{name: "missed yesterday, still open: overdue", setup: openCase(70, domain.CaseAppointment, "", domain.CaseByPhone, at(d(-3), 10, 0), at(d(-1), 15, 0), 0),
			rules: serveRules, want: []string{"appointment:70"}, check: func(t *testing.T, a *Agenda) {
				if it := item(t, a, "appointment:70"); it.OverdueDays != 1 || it.LateMinutes != 19*60 {
					t.Errorf("overdue %d late %d", it.OverdueDays, it.LateMinutes)
				}
			}},
	})
}

func TestServe_OpenOnlineInquiry(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "inquiry from the platform, due tomorrow", setup: openCase(71, domain.CaseOnline, "", domain.CaseByPlatform, at(d(-1), 20, 0), at(d(1), 20, 0), 0),
			rules: serveRules, want: []string{"online:71"}, check: func(t *testing.T, a *Agenda) {
				it := item(t, a, "online:71")
				if it.Channel != domain.ChannelWeChat || it.Reason.Code != "online_inquiry" || it.Reason.Days != 1 || it.Overdue() {
					t.Errorf("item %+v", it)
				}
			}},
		{name: "closed: gone", setup: func(f *fakeSource) {
			openCase(71, domain.CaseOnline, "", domain.CaseByPlatform, at(d(-1), 20, 0), at(d(1), 20, 0), 0)(f)
			f.cases[0].Status, f.cases[0].ClosedAt = domain.CaseClosed, at(d(-1), 21, 0)
		}, rules: serveRules, want: []string{}},
		{name: "opened tomorrow (planning ahead): not today", setup: openCase(71, domain.CaseOnline, "", domain.CaseByPlatform, at(d(1), 9, 0), at(d(2), 9, 0), 0),
			rules: serveRules, want: []string{}},
	})
}

func TestServe_AfterSaleDueSoon(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "due in 2 days", setup: openCase(72, domain.CaseAfterSale, "repair", domain.CaseInStore, at(d(-5), 10, 0), at(d(2), 18, 0), 0),
			rules: serveRules, want: []string{"aftersale:72"}, check: func(t *testing.T, a *Agenda) {
				it := item(t, a, "aftersale:72")
				if it.Channel != domain.ChannelInStore || it.Reason.NameEN != "repair" || it.Reason.Days != 2 || it.Due != d(2) {
					t.Errorf("item %+v", it)
				}
			}},
		{name: "due in 3 days: not yet", setup: openCase(72, domain.CaseAfterSale, "repair", domain.CaseInStore, at(d(-5), 10, 0), at(d(3), 18, 0), 0),
			rules: serveRules, want: []string{}},
		{name: "due in 3 days but opened today", setup: openCase(72, domain.CaseAfterSale, "delivery", domain.CaseByPhone, at(d(0), 9, 0), at(d(3), 18, 0), 0),
			rules: serveRules, want: []string{"aftersale:72"}},
		{name: "past due", setup: openCase(72, domain.CaseAfterSale, "repair", domain.CaseInStore, at(d(-9), 10, 0), at(d(-2), 18, 0), 0),
			rules: serveRules, want: []string{"aftersale:72"}, check: func(t *testing.T, a *Agenda) {
				if it := item(t, a, "aftersale:72"); it.OverdueDays != 2 || it.LateMinutes <= 0 {
					t.Errorf("overdue %d late %d", it.OverdueDays, it.LateMinutes)
				}
			}},
	})
}

func TestServe_ComplaintWithNextStep(t *testing.T) {
	step := func(key string, n int) func(t *testing.T, a *Agenda) {
		return func(t *testing.T, a *Agenda) {
			it := item(t, a, key)
			if it.Reason.N != n || it.Ref.Step != n || it.Template != "complaint_followup" || it.Rule != RuleComplaint || it.Channel != domain.ChannelCall {
				t.Errorf("item %+v, want step %d", it, n)
			}
		}
	}
	runCases(t, []ruleCase{
		{name: "new complaint: listen first", setup: openCase(73, domain.CaseComplaint, "product", domain.CaseByPhone, at(d(0), 9, 0), at(d(1), 9, 0), 0),
			rules: serveRules, want: []string{"complaint:73:1"}, check: step("complaint:73:1", 1)},
		{name: "two steps done: clarify next", setup: openCase(73, domain.CaseComplaint, "product", domain.CaseByPhone, at(d(-1), 9, 0), at(d(1), 9, 0), 2),
			rules: serveRules, want: []string{"complaint:73:3"}, check: step("complaint:73:3", 3)},
		{name: "all five done, still open: follow-up", setup: openCase(73, domain.CaseComplaint, "product", domain.CaseByPhone, at(d(-1), 9, 0), at(d(1), 9, 0), 5),
			rules: serveRules, want: []string{"complaint:73:5"}, check: step("complaint:73:5", 5)},
		{name: "do-not-contact customer's complaint still served", setup: setups(
			openCase(73, domain.CaseComplaint, "", domain.CaseByPhone, at(d(0), 9, 0), at(d(1), 9, 0), 0),
			func(f *fakeSource) {
				f.customers[1].DoNotContact = true
				f.customers[1].Preferred = domain.ChannelWeChat
			}),
			rules: serveRules, want: []string{"complaint:73:1"}, check: step("complaint:73:1", 1)},
	})
}

func TestServe_ComplaintPastTimeLimitIsLateAndOverdue(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "limit was yesterday 18:00, now 10:00", setup: openCase(73, domain.CaseComplaint, "", domain.CaseByWeChat, at(d(-2), 9, 0), at(d(-1), 18, 0), 1),
			rules: serveRules, want: []string{"complaint:73:2"}, check: func(t *testing.T, a *Agenda) {
				it := item(t, a, "complaint:73:2")
				if it.LateMinutes != 16*60 || it.OverdueDays != 1 || !it.Overdue() || it.Channel != domain.ChannelWeChat {
					t.Errorf("late %d overdue %d channel %s", it.LateMinutes, it.OverdueDays, it.Channel)
				}
			}},
		{name: "limit later today: not late", setup: openCase(73, domain.CaseComplaint, "", domain.CaseByPhone, at(d(-1), 9, 0), at(d(0), 18, 0), 1),
			rules: serveRules, want: []string{"complaint:73:2"}, check: func(t *testing.T, a *Agenda) {
				if it := item(t, a, "complaint:73:2"); it.LateMinutes != 0 || it.Overdue() {
					t.Errorf("late %d overdue %v", it.LateMinutes, it.Overdue())
				}
			}},
	})
}

func TestServe_ComplaintLateTodayCountsAsOverdue(t *testing.T) {

	runCases(t, []ruleCase{
		{name: "limit 08:00 today, now 10:00", setup: setups(
			openCase(73, domain.CaseComplaint, "", domain.CaseByPhone, at(d(-1), 9, 0), at(d(0), 8, 0), 1),
			func(f *fakeSource) {
				f.cust(2, domain.ClassImportant)
				f.cases = append(f.cases, domain.ServiceCase{ID: 80, CustomerID: 2, Kind: domain.CaseOnline, Title: "询价",
					OpenedAt: at(d(0), 8, 0), DueAt: at(d(0), 20, 0), Status: domain.CaseOpen})
			}),
			rules: serveRules, want: []string{"complaint:73:2", "online:80"}, check: func(t *testing.T, a *Agenda) {
				if it := item(t, a, "complaint:73:2"); it.LateMinutes != 120 || !it.Overdue() {
					t.Errorf("late %d overdue %v, want 120 and overdue", it.LateMinutes, it.Overdue())
				}
			}},
	})
}

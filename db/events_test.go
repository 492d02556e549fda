package db

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

func newEvent(t *testing.T, s *Store, name string) *domain.Event {
	t.Helper()
	e := &domain.Event{Name: name, Kind: domain.EventVIPEvening, StartsAt: fixedNow.Add(48 * time.Hour), InviteWindowDays: 14}
	if err := s.CreateEvent(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestFunnel_CountsEveryStageOnce(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	e := newEvent(t, s, "VIP之夜")
	var ids []int64
	for i := 0; i < 6; i++ {
		ids = append(ids, mustCustomer(t, s, domain.Customer{Name: "客" + itoa(int64(i))}).ID)
	}
	if n, err := s.PlanInvitations(ctx, e.ID, ids); err != nil || n != 6 {
		t.Fatalf("planned %d, %v; want 6", n, err)
	}
	if n, _ := s.PlanInvitations(ctx, e.ID, ids[:3]); n != 0 {
		t.Errorf("planning again added %d, want 0 (one invitation per customer)", n)
	}
	invs, _ := s.InvitationsOf(ctx, e.ID)
	move := func(i int, to ...domain.InvitationStatus) {
		for _, st := range to {
			if _, err := s.SetInvitationStatus(ctx, invs[i].ID, st, fixedNow, ""); err != nil {
				t.Fatalf("invitation %d to %s: %v", i, st, err)
			}
		}
	}
	move(1, domain.InvInvited)
	move(2, domain.InvInvited, domain.InvConfirmed)
	move(3, domain.InvInvited, domain.InvConfirmed, domain.InvAttended)
	move(4, domain.InvInvited, domain.InvDeclined)
	move(5, domain.InvInvited, domain.InvConfirmed, domain.InvNoShow)
	mustPurchase(t, s, domain.Purchase{CustomerID: ids[3], On: domain.MustDate("2026-11-24"), Amount: 59900, EventID: e.ID})
	f, err := s.EventFunnel(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := domain.Funnel{Targeted: 6, Invited: 5, Confirmed: 3, Attended: 1, Bought: 1, Declined: 1, NoShow: 1, Revenue: 59900}
	if f != want {
		t.Errorf("funnel = %+v, want %+v", f, want)
	}
	inv, _ := s.invitation(ctx, s.db, invs[2].ID)
	if inv.Attempts != 1 || inv.InvitedOn != domain.MustDate("2026-11-22") {
		t.Errorf("confirmed invitation: attempts %d invited on %s; want 1 and 2026-11-22", inv.Attempts, inv.InvitedOn)
	}
}

func TestSetInvitationStatus_RefusesImpossibleMoves(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	e := newEvent(t, s, "新品会")
	c := mustCustomer(t, s, domain.Customer{Name: "甲"})
	s.PlanInvitations(ctx, e.ID, []int64{c.ID})
	invs, _ := s.InvitationsOf(ctx, e.ID)
	_, err := s.SetInvitationStatus(ctx, invs[0].ID, domain.InvAttended, fixedNow, "")
	var fe *domain.FieldError
	if !errors.As(err, &fe) || fe.Field != "status" || fe.Code != domain.CodeConflict {
		t.Errorf("planned → attended: %v, want a conflict on status", err)
	}
	got, _ := s.InvitationsOf(ctx, e.ID)
	if got[0].Status != domain.InvPlanned {
		t.Errorf("a refused move changed the status to %s", got[0].Status)
	}
}

func TestTemplates_SaveReplacesAndRefusesUnknownPlaceholders(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	t1 := &domain.Template{Purpose: "birthday", Lang: "zh", Body: "{称呼}生日快乐"}
	if err := s.SaveTemplate(ctx, t1); err != nil {
		t.Fatal(err)
	}
	t2 := &domain.Template{Purpose: "birthday", Lang: "zh", Body: "{称呼}，祝您生日快乐！"}
	if err := s.SaveTemplate(ctx, t2); err != nil {
		t.Fatal(err)
	}
	bad := &domain.Template{Purpose: "birthday", Lang: "zh", Body: "{昵称}生日快乐"}
	var ve *domain.ValidationError
	if err := s.SaveTemplate(ctx, bad); !errors.As(err, &ve) || ve.Field("body") == nil {
		t.Errorf("unknown placeholder saved: %v", err)
	}
	list, _ := s.Templates(ctx)
	if len(list) != 1 || list[0].Body != t2.Body || list[0].ID != t1.ID {
		t.Errorf("templates = %+v, want the second body under the first id", list)
	}
	if err := s.DeleteTemplate(ctx, t1.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Templates(ctx); len(list) != 0 {
		t.Errorf("after delete: %+v", list)
	}
}

func TestCases_FilterOpenByKind(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	c := mustCustomer(t, s, domain.Customer{Name: "乙"})
	open := func(kind domain.CaseKind, due time.Time) *domain.ServiceCase {
		sc := &domain.ServiceCase{CustomerID: c.ID, Kind: kind, Title: string(kind), OpenedAt: fixedNow.Add(-time.Hour), DueAt: due}
		if err := s.OpenCase(ctx, sc); err != nil {
			t.Fatal(err)
		}
		return sc
	}
	cp := open(domain.CaseComplaint, fixedNow.Add(2*time.Hour))
	open(domain.CaseAfterSale, fixedNow.Add(time.Hour))
	closed := open(domain.CaseComplaint, fixedNow.Add(time.Hour))
	if err := s.CloseCase(ctx, closed.ID, fixedNow, "已解决", 5); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordCaseStep(ctx, cp.ID, domain.StepListen, fixedNow, "先道歉", ""); err != nil {
		t.Fatal(err)
	}
	list, err := s.Cases(ctx, domain.CaseFilter{OpenOnly: true, Kind: domain.CaseComplaint})
	if err != nil || len(list) != 1 || list[0].ID != cp.ID || len(list[0].Steps) != 1 || list[0].Status != domain.CaseInProgress {
		t.Errorf("open complaints = %+v, %v", list, err)
	}
	all, _ := s.Cases(ctx, domain.CaseFilter{})
	if len(all) != 3 || all[2].ID != closed.ID {
		t.Errorf("all cases: %d, last %+v; want 3 with the closed one last", len(all), all[len(all)-1])
	}
}

// TestAct_InviteSaidYesConfirmsInOneAction: marking an invite item done with
// "they said yes" logs the contact, sends and confirms the invitation in one
// transaction; undo puts the invitation back to planned.
func TestAct_InviteSaidYesConfirmsInOneAction(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	e := newEvent(t, s, "VIP之夜")
	c := mustCustomer(t, s, domain.Customer{Name: "丙"})
	s.PlanInvitations(ctx, e.ID, []int64{c.ID})
	invs, _ := s.InvitationsOf(ctx, e.ID)
	it := agenda.Item{Key: "invite:" + itoa(invs[0].ID), Rule: agenda.RuleInvite, CustomerID: c.ID, Channel: domain.ChannelCall,
		Ref: agenda.Ref{EventID: e.ID, InvitationID: invs[0].ID}}
	a := agenda.Action{Item: it, State: agenda.StateDone, Contact: agenda.DefaultContact(it), InvitationTo: domain.InvConfirmed,
		Day: domain.MustDate("2026-11-22"), Now: fixedNow}
	if _, err := s.Act(ctx, a, agenda.DefaultConfig().Calls); err != nil {
		t.Fatal(err)
	}
	got, _ := s.InvitationsOf(ctx, e.ID)
	if got[0].Status != domain.InvConfirmed || got[0].Attempts != 1 || got[0].InvitedOn != domain.MustDate("2026-11-22") {
		t.Errorf("after yes: %+v, want confirmed, 1 attempt, invited today", got[0])
	}
	if _, err := s.Undo(ctx, 0); err != nil {
		t.Fatal(err)
	}
	got, _ = s.InvitationsOf(ctx, e.ID)
	if got[0].Status != domain.InvPlanned || got[0].Attempts != 0 {
		t.Errorf("after undo: %+v, want planned with no attempt", got[0])
	}
	// A remind item done with "declined" moves a confirmed guest to declined.
	s.SetInvitationStatus(ctx, invs[0].ID, domain.InvInvited, fixedNow, "")
	s.SetInvitationStatus(ctx, invs[0].ID, domain.InvConfirmed, fixedNow, "")
	rem := agenda.Item{Key: "remind:" + itoa(invs[0].ID), Rule: agenda.RuleRemind, CustomerID: c.ID, Channel: domain.ChannelWeChat,
		Ref: agenda.Ref{EventID: e.ID, InvitationID: invs[0].ID}}
	ct := agenda.DefaultContact(rem)
	ct.Outcome = domain.OutcomeDeclined
	if _, err := s.Act(ctx, agenda.Action{Item: rem, State: agenda.StateDone, Contact: ct, Day: domain.MustDate("2026-11-22"), Now: fixedNow},
		agenda.DefaultConfig().Calls); err != nil {
		t.Fatal(err)
	}
	got, _ = s.InvitationsOf(ctx, e.ID)
	if got[0].Status != domain.InvDeclined {
		t.Errorf("a reminder answered no: %s, want declined", got[0].Status)
	}
}

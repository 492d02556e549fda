package db

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/rules"
)

func TestGroups_SaveCheckReplaceDelete(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	g := &domain.Group{Name: "高价值", Rule: "class:important and spend_365d >= 5000"}
	if err := s.SaveGroup(ctx, g); err != nil {
		t.Fatal(err)
	}
	bad := &domain.Group{Name: "坏", Rule: "tag:VIP and spend_365d >="}
	var ve *domain.ValidationError
	if err := s.SaveGroup(ctx, bad); !errors.As(err, &ve) || ve.Field("rule") == nil {
		t.Errorf("a bad rule was saved: %v", err)
	}
	again := &domain.Group{Name: "高价值", Rule: "class:loyal"}
	if err := s.SaveGroup(ctx, again); err != nil || again.ID != g.ID {
		t.Errorf("saving under the same name: id %d, %v; want the same id %d", again.ID, err, g.ID)
	}
	got, err := s.GroupByName(ctx, "高价值")
	if err != nil || got.Rule != "class:loyal" {
		t.Errorf("group = %+v, %v", got, err)
	}
	if err := s.DeleteGroup(ctx, g.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GroupByName(ctx, "高价值"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
}

func TestRuleFacts_CarryWhatRulesSee(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	sp := &domain.Salesperson{Name: "王芳", Active: true}
	s.CreateSalesperson(ctx, sp)
	a := mustCustomer(t, s, domain.Customer{Name: "甲", OwnerID: sp.ID, Tags: []string{"VIP", "茶友"},
		KeyDates: []domain.KeyDate{{Kind: domain.KindBirthday, Calendar: domain.Lunar, Month: 10, Day: 5}}})
	b := mustCustomer(t, s, domain.Customer{Name: "乙", Contact: domain.ContactPrefs{DoNotContact: true}})
	mustPurchase(t, s, domain.Purchase{CustomerID: a.ID, On: domain.MustDate("2026-11-01"), Amount: 600000})
	if err := s.OpenCase(ctx, &domain.ServiceCase{CustomerID: b.ID, Kind: domain.CaseComplaint, Title: "x", OpenedAt: fixedNow, DueAt: fixedNow.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	s.EnsureSegments(ctx, domain.MustDate("2026-11-22"), 0)
	facts, err := s.RuleFacts(ctx, 0)
	if err != nil || len(facts) != 2 {
		t.Fatalf("facts = %+v, %v", facts, err)
	}
	byID := map[int64]rules.Facts{}
	for _, f := range facts {
		byID[f.ID] = f
	}
	fa, fb := byID[a.ID], byID[b.ID]
	if fa.OwnerName != "王芳" || len(fa.Tags) != 2 || len(fa.KeyDates) != 1 || fa.Spend365 != 600000 || fa.Count365 != 1 ||
		fa.LastPurchase != domain.MustDate("2026-11-01") || fa.Stage != domain.StageNew {
		t.Errorf("facts of 甲 = %+v", fa)
	}
	if !fb.DoNotContact || fb.OpenCases != 1 || fb.PurchaseCount != 0 || fb.Stage != domain.StageProspect {
		t.Errorf("facts of 乙 = %+v", fb)
	}
	r := rules.MustParse("tag:VIP and spend_365d >= 5000 and owner:王芳")
	if !r.Match(&fa, domain.MustDate("2026-11-22")) || r.Match(&fb, domain.MustDate("2026-11-22")) {
		t.Errorf("rule %s: 甲 %v 乙 %v; want true, false", r, r.Match(&fa, domain.MustDate("2026-11-22")), r.Match(&fb, domain.MustDate("2026-11-22")))
	}
	mine, _ := s.RuleFacts(ctx, sp.ID)
	if len(mine) != 1 || mine[0].ID != a.ID {
		t.Errorf("one owner's facts = %+v", mine)
	}
}

func TestGroupMembers_ByRule(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	tea := mustCustomer(t, s, domain.Customer{Name: "茶客", Tags: []string{"茶友"}})
	mustCustomer(t, s, domain.Customer{Name: "路人"})
	got, err := s.GroupMembers(ctx, agenda.Scope{All: true}, agenda.TargetGroup{Name: "茶友", Rule: "标签:茶友"})
	if err != nil || len(got) != 1 || got[0].ID != tea.ID {
		t.Errorf("members by rule = %+v, %v; want only 茶客", got, err)
	}
	none, err := s.GroupMembers(ctx, agenda.Scope{All: true}, agenda.TargetGroup{Name: "无", Rule: "tag:nobody"})
	if err != nil || len(none) != 0 {
		t.Errorf("a rule nobody matches gave %+v, %v", none, err)
	}
}

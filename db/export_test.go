package db

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// fullCustomer is a customer with something in every table that can hold
// their data: the unique phone and name let a test grep the raw file.
type fullCustomer struct {
	c          *domain.Customer
	purchases  []int64
	invitation int64
	caseID     int64
	referred   *domain.Customer
}

const (
	secretName  = "删除测试人"
	secretPhone = "13912345678"
)

func makeFullCustomer(t *testing.T, s *Store, sp *domain.Salesperson) fullCustomer {
	t.Helper()
	ctx := context.Background()
	var f fullCustomer
	f.c = mustCustomer(t, s, domain.Customer{Name: secretName, Remark: "删姐", Phones: []string{secretPhone, "02155550000"},
		WeChat: "secret_wx", Gender: domain.GenderFemale, Tags: []string{"VIP", "羊绒"}, OwnerID: sp.ID,
		KeyDates: []domain.KeyDate{{Kind: domain.KindBirthday, Calendar: domain.Lunar, Month: 8, Day: 15},
			{Kind: domain.KindAnniversary, Label: "结婚纪念日", Calendar: domain.Solar, Year: 2015, Month: 5, Day: 20}},
		DirectNeeds: "秘密需求", Preferences: domain.Preferences{Sizes: []string{"M"}}})
	for i, amt := range []domain.Money{29900, 12000} {
		p := mustPurchase(t, s, domain.Purchase{CustomerID: f.c.ID, On: domain.MustDate("2026-11-01").AddDays(i * 7), Amount: amt,
			SalesID: sp.ID, Items: []domain.LineItem{{Product: "秘密商品", Quantity: 1, Amount: amt}}})
		f.purchases = append(f.purchases, p.ID)
	}
	if err := s.AddContact(ctx, &domain.Contact{CustomerID: f.c.ID, On: domain.MustDate("2026-11-20"), Channel: domain.ChannelWeChat,
		Outcome: domain.OutcomeReplied, Note: "秘密备注", NextOn: domain.MustDate("2026-11-25"), SalesID: sp.ID}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddFollowUp(ctx, &domain.FollowUp{CustomerID: f.c.ID, Due: domain.MustDate("2026-11-30"), Note: "手动跟进"}); err != nil {
		t.Fatal(err)
	}
	e := newEvent(t, s, "VIP之夜")
	if _, err := s.PlanInvitations(ctx, e.ID, []int64{f.c.ID}); err != nil {
		t.Fatal(err)
	}
	invs, _ := s.InvitationsOf(ctx, e.ID)
	f.invitation = invs[0].ID
	it := agenda.Item{Key: "invite:" + itoa(invs[0].ID), Rule: agenda.RuleInvite, CustomerID: f.c.ID, Channel: domain.ChannelCall,
		Ref: agenda.Ref{EventID: e.ID, InvitationID: invs[0].ID}}
	if _, err := s.Act(ctx, agenda.Action{Item: it, State: agenda.StateDone, Contact: agenda.DefaultContact(it), Day: domain.MustDate("2026-11-22"),
		Now: fixedNow, SalesID: sp.ID}, agenda.DefaultConfig().Calls); err != nil {
		t.Fatal(err)
	}
	cs := &domain.ServiceCase{CustomerID: f.c.ID, Kind: domain.CaseComplaint, Title: "秘密投诉", OpenedAt: fixedNow.Add(-time.Hour),
		DueAt: fixedNow.Add(24 * time.Hour)}
	if err := s.OpenCase(ctx, cs); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordCaseStep(ctx, cs.ID, domain.StepListen, fixedNow, "安抚", ""); err != nil {
		t.Fatal(err)
	}
	f.caseID = cs.ID
	f.referred = mustCustomer(t, s, domain.Customer{Name: "被介绍的", Source: domain.SourceReferral, ReferrerID: f.c.ID})
	return f
}

func newSalesperson(t *testing.T, s *Store, name string) *domain.Salesperson {
	t.Helper()
	sp := &domain.Salesperson{Name: name, Active: true}
	if err := s.CreateSalesperson(context.Background(), sp); err != nil {
		t.Fatal(err)
	}
	return sp
}

// TestCustomerCopy_HoldsEverything: the person's copy has every layer and
// every record kind the store keeps about them.
func TestCustomerCopy_HoldsEverything(t *testing.T) {
	s := newStore(t)
	sp := newSalesperson(t, s, "王芳")
	f := makeFullCustomer(t, s, sp)
	cp, err := s.CustomerCopy(context.Background(), f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	c := cp.Customer
	if c.Name != secretName || len(c.Phones) != 2 || len(c.Tags) != 2 || len(c.KeyDates) != 2 || c.DirectNeeds != "秘密需求" ||
		len(c.Preferences.Sizes) != 1 || c.Stats.PurchaseCount != 2 || cp.Owner != "王芳" {
		t.Errorf("customer layers: %+v owner %q", c, cp.Owner)
	}
	if len(cp.Purchases) != 2 || len(cp.Purchases[0].Items) != 1 || cp.Purchases[0].Salesperson != "王芳" {
		t.Errorf("purchases: %+v", cp.Purchases)
	}
	if len(cp.Contacts) != 2 || len(cp.FollowUps) != 2 {
		t.Errorf("%d contacts, %d follow-ups; want 2 and 2", len(cp.Contacts), len(cp.FollowUps))
	}
	if len(cp.Invitations) != 1 || cp.Invitations[0].Event != "VIP之夜" || len(cp.Invitations[0].Attempts) != 1 {
		t.Errorf("invitations: %+v", cp.Invitations)
	}
	if len(cp.Cases) != 1 || len(cp.Cases[0].Steps) != 1 || len(cp.ItemStates) != 1 {
		t.Errorf("cases %+v, item states %+v", cp.Cases, cp.ItemStates)
	}
	if _, err := s.CustomerCopy(context.Background(), 999); err == nil {
		t.Error("copy of a missing customer did not fail")
	}
}

// TestEraseCustomer_LeavesNothing: after the erase, no row of any table
// points at the customer, the undo records naming them are gone, the raw
// file holds neither their name nor their phone, and another customer's
// data is untouched.
func TestEraseCustomer_LeavesNothing(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	sp := newSalesperson(t, s, "王芳")
	other := mustCustomer(t, s, domain.Customer{Name: "旁人", Phones: []string{"13700000000"}})
	mustPurchase(t, s, domain.Purchase{CustomerID: other.ID, On: domain.MustDate("2026-11-02"), Amount: 100,
		Items: []domain.LineItem{{Product: "x", Quantity: 1, Amount: 100}}})
	f := makeFullCustomer(t, s, sp)
	before, err := s.CustomerFootprint(ctx, f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := Footprint{Name: secretName, Phones: 2, Tags: 2, KeyDates: 2, Purchases: 2, LineItems: 2, Contacts: 2, FollowUps: 2,
		Invitations: 1, Attempts: 1, Cases: 1, CaseSteps: 1, ItemStates: 1, Actions: 1, Referred: 1}
	if before != want {
		t.Errorf("footprint\n got %+v\nwant %+v", before, want)
	}
	erased, err := s.EraseCustomer(ctx, f.c.ID)
	if err != nil || erased != want {
		t.Fatalf("erase: %+v, %v", erased, err)
	}
	if _, err := s.EraseCustomer(ctx, f.c.ID); err == nil {
		t.Error("erasing twice did not fail")
	}
	if n := rowsNaming(t, s, f.c.ID); len(n) > 0 {
		t.Errorf("rows still naming the customer: %v", n)
	}
	for q, args := range map[string][]any{
		"SELECT count(*) FROM purchase_items WHERE purchase_id IN (?, ?)":  {f.purchases[0], f.purchases[1]},
		"SELECT count(*) FROM invitation_attempts WHERE invitation_id = ?": {f.invitation},
		"SELECT count(*) FROM case_steps WHERE case_id = ?":                {f.caseID},
		"SELECT count(*) FROM item_actions WHERE undo LIKE ?":              {fmt.Sprintf("%%%d%%", f.invitation)},
	} {
		var n int
		if err := s.db.QueryRow(q, args...).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: %d (%v)", q, n, err)
		}
	}
	ref, _ := s.Customer(ctx, f.referred.ID)
	if ref == nil || ref.ReferrerID != 0 {
		t.Errorf("the referred customer: %+v, want kept without the link", ref)
	}
	kept, _ := s.Purchases(ctx, other.ID, 0)
	if len(kept) != 1 || len(kept[0].Items) != 1 {
		t.Errorf("the other customer's purchases: %+v", kept)
	}
	var check string
	s.db.QueryRow("PRAGMA integrity_check").Scan(&check)
	if check != "ok" {
		t.Errorf("integrity_check: %s", check)
	}
	path := s.Path()
	s.Close()
	for _, p := range []string{path, path + "-wal"} {
		raw, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for _, secret := range []string{secretName, secretPhone, "秘密备注", "秘密投诉", "secret_wx"} {
			if bytes.Contains(raw, []byte(secret)) {
				t.Errorf("%s still holds %q", p, secret)
			}
		}
	}
}

// rowsNaming counts, in every table, the rows whose customer_id or
// referrer_id (or, in customers, id) is id, and the undo records naming it.
func rowsNaming(t *testing.T, s *Store, id int64) []string {
	t.Helper()
	var tables []string
	rows, err := s.db.Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	if len(tables) < 15 {
		t.Fatalf("only %d tables: %v", len(tables), tables)
	}
	var out []string
	for _, tbl := range tables {
		cols, err := s.db.Query("SELECT name FROM pragma_table_info(?)", tbl)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for cols.Next() {
			var n string
			cols.Scan(&n)
			names = append(names, n)
		}
		cols.Close()
		for _, col := range names {
			if col == "customer_id" || col == "referrer_id" || (tbl == "customers" && col == "id") {
				var n int
				s.db.QueryRow(fmt.Sprintf("SELECT count(*) FROM %q WHERE %q = ?", tbl, col), id).Scan(&n)
				if n > 0 {
					out = append(out, fmt.Sprintf("%s.%s: %d", tbl, col, n))
				}
			}
		}
	}
	var n int
	s.db.QueryRow("SELECT count(*) FROM ("+actionsOfCustomer+")", id).Scan(&n)
	if n > 0 {
		out = append(out, fmt.Sprintf("item_actions: %d", n))
	}
	return out
}

// TestExportCustomers_AllLayersInOrder: the merge of customers with their
// phones, tags and key dates gives each customer their own (customers
// without any in between), and the filters select by owner and created day.
func TestExportCustomers_AllLayersInOrder(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	a := newSalesperson(t, s, "甲导购")
	b := newSalesperson(t, s, "乙导购")
	var want []*domain.Customer
	for i := 0; i < 12; i++ {
		c := domain.Customer{Name: fmt.Sprintf("顾客%d", i), OwnerID: a.ID, CreatedOn: domain.MustDate("2026-11-01").AddDays(i)}
		if i%3 == 0 {
			c.Phones = []string{fmt.Sprintf("1380000%04d", i), fmt.Sprintf("1390000%04d", i)}
		}
		if i%4 == 1 {
			c.Tags = []string{fmt.Sprintf("标签%d", i)}
			c.OwnerID = b.ID
		}
		if i%5 == 2 {
			c.KeyDates = []domain.KeyDate{{Kind: domain.KindBirthday, Calendar: domain.Solar, Month: i, Day: i}}
		}
		want = append(want, mustCustomer(t, s, c))
	}
	// An external id that looks like another customer's fallback reference.
	want[0].ExternalID = "crm-" + itoa(want[1].ID)
	if err := s.UpdateCustomer(ctx, want[0]); err != nil {
		t.Fatal(err)
	}
	var got []ExportCustomer
	if err := s.ExportCustomers(ctx, ExportFilter{}, func(c *ExportCustomer) error { got = append(got, *c); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d customers, want %d", len(got), len(want))
	}
	refs := map[string]bool{}
	for i, c := range got {
		w := want[i]
		if c.ID != w.ID || strings.Join(c.Phones, ",") != strings.Join(w.Phones, ",") || strings.Join(c.Tags, ",") != strings.Join(w.Tags, ",") ||
			len(c.KeyDates) != len(w.KeyDates) {
			t.Errorf("customer %d: %+v\nwant %+v", i, c.Customer, *w)
		}
		if refs[c.Ref] {
			t.Errorf("reference %q twice", c.Ref)
		}
		refs[c.Ref] = true
	}
	if got[0].Ref != "crm-"+itoa(want[1].ID) || got[1].Ref != "crm-"+itoa(want[1].ID)+"-2" || got[2].Ref != "crm-"+itoa(want[2].ID) {
		t.Errorf("refs %q %q %q", got[0].Ref, got[1].Ref, got[2].Ref)
	}
	n := 0
	s.ExportCustomers(ctx, ExportFilter{SalesID: b.ID, From: domain.MustDate("2026-11-03"), To: domain.MustDate("2026-11-10")},
		func(c *ExportCustomer) error {
			n++
			if c.OwnerID != b.ID || c.Owner != "乙导购" || c.CreatedOn.Before(domain.MustDate("2026-11-03")) {
				t.Errorf("filtered export gave %+v", c.Customer)
			}
			return nil
		})
	if n != 2 { // 顾客5 and 顾客9
		t.Errorf("filtered export: %d customers, want 2", n)
	}
}

// TestExportPurchases_LinesGrouped: each purchase comes once with its lines
// in order; one without lines comes too.
func TestExportPurchases_LinesGrouped(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	c := mustCustomer(t, s, domain.Customer{Name: "买家", ExternalID: "M-1"})
	p1 := mustPurchase(t, s, domain.Purchase{CustomerID: c.ID, ExternalID: "INV-9", On: domain.MustDate("2026-11-02"), Amount: 300,
		Items: []domain.LineItem{{Product: "a", Quantity: 1, Amount: 100}, {Product: "b", SKU: "B-1", Category: "鞋", Quantity: 2, Amount: 200}}})
	p2 := mustPurchase(t, s, domain.Purchase{CustomerID: c.ID, On: domain.MustDate("2026-11-01"), Amount: 50})
	var got []ExportPurchase
	if err := s.ExportPurchases(ctx, ExportFilter{}, func(p *ExportPurchase) error { got = append(got, *p); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != p2.ID || got[1].ID != p1.ID {
		t.Fatalf("purchases %+v", got)
	}
	if got[0].Ref != "crm-"+itoa(p2.ID) || len(got[0].Items) != 0 || got[1].Ref != "INV-9" || got[1].CustomerRef != "M-1" ||
		len(got[1].Items) != 2 || got[1].Items[1].SKU != "B-1" || got[1].Items[1].Quantity != 2 {
		t.Errorf("purchases %+v", got)
	}
	n := 0
	s.ExportPurchases(ctx, ExportFilter{From: domain.MustDate("2026-11-02")}, func(p *ExportPurchase) error { n++; return nil })
	if n != 1 {
		t.Errorf("--from: %d purchases, want 1", n)
	}
}

// TestDeleteCustomer_LeavesNoUndoRecords: the domain's DeleteCustomer is
// the same erase, so no undo record is left naming the customer.
func TestDeleteCustomer_LeavesNoUndoRecords(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	f := makeFullCustomer(t, s, newSalesperson(t, s, "王芳"))
	var before int
	s.db.QueryRow("SELECT count(*) FROM item_actions").Scan(&before)
	if before == 0 {
		t.Fatal("the full customer has no undo record to erase")
	}
	if err := s.DeleteCustomer(ctx, f.c.ID); err != nil {
		t.Fatal(err)
	}
	if n := rowsNaming(t, s, f.c.ID); len(n) > 0 {
		t.Errorf("rows still naming the customer: %v", n)
	}
	var actions int
	if err := s.db.QueryRow("SELECT count(*) FROM item_actions").Scan(&actions); err != nil || actions != 0 {
		t.Errorf("undo records left: %d (%v), want 0", actions, err)
	}
	if err := s.DeleteCustomer(ctx, f.c.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleting twice: %v, want not found", err)
	}
}

package db

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
)

// importRecords runs one import of customers, purchases and contacts.
type importInput struct {
	customers []domain.Customer
	purchases []struct {
		who domain.Customer
		p   domain.Purchase
	}
	contacts []struct {
		who domain.Customer
		c   domain.Contact
	}
}

func runImport(t *testing.T, s *Store, in importInput, dry bool) ImportCounts {
	t.Helper()
	im, err := s.BeginImport(context.Background(), ImportOptions{DryRun: dry})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range in.customers {
		c := c
		if err := im.Customer(&c); err != nil {
			im.Rollback()
			t.Fatalf("customer %s: %v", c.Name, err)
		}
	}
	for _, x := range in.purchases {
		who, p := x.who, x.p
		p.Items = append([]domain.LineItem(nil), x.p.Items...)
		if err := im.Purchase(&who, &p); err != nil {
			im.Rollback()
			t.Fatalf("purchase %s: %v", p.ExternalID, err)
		}
	}
	for _, x := range in.contacts {
		who, c := x.who, x.c
		if err := im.Contact(&who, &c); err != nil {
			im.Rollback()
			t.Fatalf("contact: %v", err)
		}
	}
	if err := im.Commit(); err != nil {
		t.Fatal(err)
	}
	return im.Counts()
}

func purchase(who domain.Customer, p domain.Purchase) struct {
	who domain.Customer
	p   domain.Purchase
} {
	return struct {
		who domain.Customer
		p   domain.Purchase
	}{who, p}
}

func contact(who domain.Customer, c domain.Contact) struct {
	who domain.Customer
	c   domain.Contact
} {
	return struct {
		who domain.Customer
		c   domain.Contact
	}{who, c}
}

func sampleImport() importInput {
	day := domain.MustDate("2026-11-01")
	in := importInput{customers: []domain.Customer{
		{Name: "张三", ExternalID: "C1", Phones: []string{"13800138000"}, Tags: []string{"VIP"}},
		{Name: "李娜", Phones: []string{"13900139000"}},
		{Name: "王芳"},
		{Name: "王芳"}, // two customers of the same name, without phones
		{Name: "张三（重复）", Phones: []string{"13800138000"}, ExternalID: "C1"},
	}}
	in.purchases = append(in.purchases,
		purchase(domain.Customer{ExternalID: "C1", Name: "Customer C1", Tags: []string{"United Kingdom"}},
			domain.Purchase{ExternalID: "INV1", On: day, Amount: 39900, Items: []domain.LineItem{{Product: "围巾", Quantity: 1, Amount: 29900}, {Product: "手套", Quantity: 1, Amount: 10000}}}),
		purchase(domain.Customer{ExternalID: "C1", Name: "Customer C1", Tags: []string{"France"}},
			domain.Purchase{ExternalID: "CINV2", On: day.AddDays(1), Amount: -10000, IsReturn: true, Items: []domain.LineItem{{Product: "手套", Quantity: -1, Amount: -10000}}}),
		purchase(domain.Customer{ExternalID: "C9", Name: "Customer C9"}, // unknown: created from its id
			domain.Purchase{ExternalID: "INV3", On: day, Amount: 500}),
		purchase(domain.Customer{Name: "李娜", Phones: []string{"13900139000"}}, // matched by phone
			domain.Purchase{On: day, Amount: 8800}),
		purchase(domain.Customer{Name: "李娜", Phones: []string{"13900139000"}}, // the same again: two purchases
			domain.Purchase{On: day, Amount: 8800}),
	)
	in.contacts = append(in.contacts,
		contact(domain.Customer{Name: "李娜"}, domain.Contact{On: day, Channel: domain.ChannelWeChat, Outcome: domain.OutcomeReplied, Note: "问好"}),
		contact(domain.Customer{Name: "李娜"}, domain.Contact{On: day, Channel: domain.ChannelWeChat, Outcome: domain.OutcomeReplied, Note: "问好"}),
		contact(domain.Customer{Phones: []string{"13800138000"}, Name: "Customer 13800138000"}, domain.Contact{On: day,
			At: time.Date(2026, 11, 1, 14, 30, 0, 0, shanghai), Channel: domain.ChannelCall, Outcome: domain.OutcomeReached, NextOn: day.AddDays(7)}),
	)
	return in
}

func TestImport_WritesAndMatches(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	n := runImport(t, s, sampleImport(), false)
	want := ImportCounts{CustomersNew: 5, CustomersRepeated: 1, TagsAdded: 2, Sales: 4, Returns: 1, Lines: 3, Contacts: 3, FollowUps: 1}
	if n != want {
		t.Errorf("counts\n got %+v\nwant %+v", n, want)
	}
	c, err := s.CustomerByPhone(ctx, "13800138000")
	if err != nil {
		t.Fatal(err)
	}
	if c.ExternalID != "C1" || !c.HasTag("United Kingdom") || !c.HasTag("France") || !c.HasTag("VIP") ||
		c.Stats.PurchaseCount != 1 || c.Stats.ReturnCount != 1 || c.Stats.TotalSpend != 29900 || c.Stats.LastContact.String() != "2026-11-01" {
		t.Errorf("张三: ext %q tags %v stats %+v", c.ExternalID, c.Tags, c.Stats)
	}
	list, _ := s.FindCustomers(ctx, domain.CustomerFilter{Text: "C9"})
	if len(list) != 1 || list[0].Name != "Customer C9" || list[0].Stats.TotalSpend != 500 {
		t.Errorf("customer created from an id: %+v", list)
	}
	ln, _ := s.CustomerByPhone(ctx, "13900139000")
	if ln.Stats.PurchaseCount != 2 {
		t.Errorf("李娜 has %d purchases, want 2", ln.Stats.PurchaseCount)
	}
}

// TestImport_TwiceChangesNothing: the same records again match what the
// first import wrote, identical rows included (multiset matching).
func TestImport_TwiceChangesNothing(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	runImport(t, s, sampleImport(), false)
	before, _ := s.Counts(ctx)
	n := runImport(t, s, sampleImport(), false)
	after, _ := s.Counts(ctx)
	if before != after {
		t.Errorf("second import changed the store:\n%+v\n%+v", before, after)
	}
	if n.CustomersNew != 0 || n.Sales != 0 || n.Returns != 0 || n.Contacts != 0 || n.TagsAdded != 0 ||
		n.PurchasesExisting != 5 || n.ContactsExisting != 3 || n.CustomersExisting != 5 {
		t.Errorf("second import counts %+v", n)
	}
}

func TestImport_DryRunWritesNothingAndCountsTheSame(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	dry := runImport(t, s, sampleImport(), true)
	if c, _ := s.Counts(ctx); c.Customers != 0 || c.Purchases != 0 {
		t.Fatalf("a dry run wrote: %+v", c)
	}
	real := runImport(t, s, sampleImport(), false)
	if dry != real {
		t.Errorf("dry run %+v\nreal    %+v", dry, real)
	}
}

func TestImport_CustomersByPhoneGetTheirExternalID(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	mustCustomer(t, s, domain.Customer{Name: "张三", Phones: []string{"13800138000"}})
	mustCustomer(t, s, domain.Customer{Name: "李四", Phones: []string{"13700137000"}, ExternalID: "X1"})
	n := runImport(t, s, importInput{customers: []domain.Customer{
		{Name: "张三", Phones: []string{"138 0013 8000"}, ExternalID: "M7"},  // found by phone, given M7
		{Name: "李四的太太", Phones: []string{"13700137000"}, ExternalID: "X2"}, // same phone, another customer
	}}, false)
	if n.CustomersExisting != 1 || n.ExternalIDs != 1 || n.CustomersNew != 1 {
		t.Errorf("counts %+v", n)
	}
	c, _ := s.CustomerByPhone(ctx, "13800138000")
	if c.ExternalID != "M7" {
		t.Errorf("external id %q", c.ExternalID)
	}
}

func TestImport_InvoicePartsAreJoined(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	who := domain.Customer{ExternalID: "12836", Name: "Customer 12836"}
	day := domain.MustDate("2011-02-01")
	im, _ := s.BeginImport(ctx, ImportOptions{})
	p1 := domain.Purchase{ExternalID: "542806", On: day, Amount: 795, Items: []domain.LineItem{{Product: "DOORMAT HEARTS", Quantity: 1, Amount: 795}}}
	p2 := domain.Purchase{ExternalID: "542806", On: day, Amount: 1590, Items: []domain.LineItem{{Product: "DOORMAT WELCOME", Quantity: 2, Amount: 1590}}}
	other := domain.Customer{ExternalID: "99", Name: "Customer 99"}
	p3 := domain.Purchase{ExternalID: "542806", On: day, Amount: 10}
	for _, step := range []error{im.Purchase(&who, &p1), im.Purchase(&who, &p2)} {
		if step != nil {
			t.Fatal(step)
		}
	}
	err := im.Purchase(&other, &p3)
	var fe *domain.FieldError
	if !errors.As(err, &fe) || fe.Field != "external_id" {
		t.Errorf("an invoice number of another customer: %v", err)
	}
	if err := im.Commit(); err != nil {
		t.Fatal(err)
	}
	if n := im.Counts(); n.Sales != 1 || n.PurchasesJoined != 1 || n.Lines != 2 || n.CustomersNew != 1 {
		t.Errorf("counts %+v (customer 99 is not created: its record was refused)", n)
	}
	list, err := s.Purchases(ctx, 1, 0)
	if err != nil || len(list) != 1 || list[0].Amount != 2385 || len(list[0].Items) != 2 || list[0].Items[1].Product != "DOORMAT WELCOME" {
		t.Errorf("joined purchase: %+v %v", list, err)
	}
	if c, _ := s.Counts(ctx); c.Customers != 1 {
		t.Errorf("%d customers: a refused record left one behind", c.Customers)
	}
}

func TestImport_AmbiguousNameIsAProblem(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	mustCustomer(t, s, domain.Customer{Name: "王芳"})
	mustCustomer(t, s, domain.Customer{Name: "王芳"})
	im, _ := s.BeginImport(ctx, ImportOptions{})
	defer im.Rollback()
	err := im.Contact(&domain.Customer{Name: "王芳"}, &domain.Contact{On: domain.MustDate("2026-11-01"), Channel: domain.ChannelCall, Outcome: domain.OutcomeReached})
	var fe *domain.FieldError
	if !errors.As(err, &fe) || fe.Field != "name" || fe.Code != domain.CodeConflict {
		t.Errorf("ambiguous name: %v", err)
	}
}

func TestImport_RollbackAndStopWriting(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	im, _ := s.BeginImport(ctx, ImportOptions{})
	if err := im.Customer(&domain.Customer{Name: "张三"}); err != nil {
		t.Fatal(err)
	}
	im.StopWriting()
	if err := im.Customer(&domain.Customer{Name: "李四"}); err != nil {
		t.Fatal(err)
	}
	if n := im.Counts(); n.CustomersNew != 2 {
		t.Errorf("counting goes on after StopWriting: %+v", n)
	}
	im.Rollback()
	if c, _ := s.Counts(ctx); c.Customers != 0 {
		t.Errorf("rollback left %d customers", c.Customers)
	}
}

func TestImport_OwnerIsTheImporter(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	sp := &domain.Salesperson{Name: "王芳"}
	if err := s.CreateSalesperson(ctx, sp); err != nil {
		t.Fatal(err)
	}
	im, _ := s.BeginImport(ctx, ImportOptions{OwnerID: sp.ID})
	if err := im.Customer(&domain.Customer{Name: "张三"}); err != nil {
		t.Fatal(err)
	}
	if err := im.Commit(); err != nil {
		t.Fatal(err)
	}
	list, _ := s.FindCustomers(ctx, domain.CustomerFilter{})
	if len(list) != 1 || list[0].OwnerID != sp.ID {
		t.Errorf("owner: %+v", list)
	}
}

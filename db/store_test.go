package db

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// fixedNow is the pinned clock of the store tests: 2026-11-22 10:00 Shanghai.
var (
	shanghai = time.FixedZone("CST", 8*3600)
	fixedNow = time.Date(2026, 11, 22, 10, 0, 0, 0, shanghai)
)

func newStore(t *testing.T) *Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "crm.db")
	s, err := Open(context.Background(), path, Options{Now: func() time.Time { return fixedNow }, Loc: shanghai})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustCustomer(t *testing.T, s *Store, c domain.Customer) *domain.Customer {
	t.Helper()
	if err := s.CreateCustomer(context.Background(), &c); err != nil {
		t.Fatalf("create customer %q: %v", c.Name, err)
	}
	return &c
}

func mustPurchase(t *testing.T, s *Store, p domain.Purchase) *domain.Purchase {
	t.Helper()
	if err := s.AddPurchase(context.Background(), &p); err != nil {
		t.Fatalf("add purchase: %v", err)
	}
	return &p
}

func TestOpen_NewFileIsOwnerOnlyAndMigrated(t *testing.T) {
	s := newStore(t)
	info, err := os.Stat(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("database file mode = %o, want 600", mode)
	}
	v, err := s.Version(context.Background())
	if err != nil || v != SchemaVersion() || v < 1 {
		t.Errorf("schema version = %d (%v), want %d", v, err, SchemaVersion())
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q (%v), want wal", mode, err)
	}
	var fk int
	if err := s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d (%v), want 1", fk, err)
	}
}

func TestCustomer_RoundTripAllLayers(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	sp := &domain.Salesperson{Name: "王芳", Active: true}
	if err := s.CreateSalesperson(ctx, sp); err != nil {
		t.Fatal(err)
	}
	in := domain.Customer{
		Name: "张三", Remark: "张姐", Gender: domain.GenderFemale, Phones: []string{"138 0013 8000", "021-5555-1234"},
		WeChat: "zhang_san88", Source: domain.SourceReferral, OwnerID: sp.ID,
		KeyDates: []domain.KeyDate{
			{Kind: domain.KindBirthday, Calendar: domain.Lunar, Month: 8, Day: 15},
			{Kind: domain.KindAnniversary, Label: "结婚纪念日", Calendar: domain.Solar, Year: 2015, Month: 5, Day: 20},
		},
		Preferences: domain.Preferences{Sizes: []string{"M"}, Colors: []string{"红"}},
		DirectNeeds: "冬季外套", Tags: []string{"VIP", "羊绒", "vip"},
		Contact: domain.ContactPrefs{Preferred: domain.ChannelWeChat, AvoidHours: "12:00-14:00"},
		MAN:     domain.MAN{Money: domain.Yes, Need: domain.No}, ValueType: domain.ValueProfit,
	}
	c := mustCustomer(t, s, in)
	got, err := s.Customer(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "张三" || got.Salutation != "张姐" || got.WeChat != "zhang_san88" || got.OwnerID != sp.ID {
		t.Errorf("basic layer = %+v", got)
	}
	if len(got.Phones) != 2 || got.Phones[0] != "13800138000" || got.Phones[1] != "02155551234" {
		t.Errorf("phones = %v, want normalised both", got.Phones)
	}
	if len(got.Tags) != 2 {
		t.Errorf("tags = %v, want VIP and 羊绒 (duplicate vip dropped)", got.Tags)
	}
	if len(got.KeyDates) != 2 || got.KeyDates[0].Calendar != domain.Lunar || got.KeyDates[1].Label != "结婚纪念日" {
		t.Errorf("key dates = %+v", got.KeyDates)
	}
	if got.MAN.Money != domain.Yes || got.MAN.Need != domain.No || got.ValueType != domain.ValueProfit {
		t.Errorf("MAN/value = %+v %v", got.MAN, got.ValueType)
	}
	if got.Stats.Completeness != 80 || got.Stats.Class != domain.ClassProspect || got.Stats.Stage != domain.StageProspect {
		t.Errorf("derived = %+v", got.Stats)
	}
	byPhone, err := s.CustomerByPhone(ctx, "021 5555 1234")
	if err != nil || byPhone.ID != c.ID {
		t.Errorf("by second phone: %v %v", byPhone, err)
	}
}

func TestCustomer_InvalidIsRefusedAndNothingWritten(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	err := s.CreateCustomer(ctx, &domain.Customer{Name: "", Phones: []string{"12"}})
	var ve *domain.ValidationError
	if !errors.As(err, &ve) || ve.Field("name") == nil || ve.Field("phones[0]") == nil {
		t.Fatalf("want errors naming name and phones[0], got %v", err)
	}
	list, _ := s.FindCustomers(ctx, domain.CustomerFilter{})
	if len(list) != 0 {
		t.Errorf("a refused customer was written: %+v", list)
	}
}

func TestAggregates_KeptOnEveryWrite(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	c := mustCustomer(t, s, domain.Customer{Name: "李四"})
	day := func(s string) domain.Date { return domain.MustDate(s) }
	mustPurchase(t, s, domain.Purchase{CustomerID: c.ID, On: day("2026-06-01"), Amount: 10000})
	mustPurchase(t, s, domain.Purchase{CustomerID: c.ID, On: day("2026-08-01"), Amount: 20000,
		Items: []domain.LineItem{{Product: "大米", Quantity: 2, Amount: 20000}}, UsageDays: 30})
	mustPurchase(t, s, domain.Purchase{CustomerID: c.ID, On: day("2026-10-01"), Amount: 5000})
	ret := mustPurchase(t, s, domain.Purchase{CustomerID: c.ID, On: day("2026-10-05"), Amount: -5000, IsReturn: true})
	if err := s.AddContact(ctx, &domain.Contact{CustomerID: c.ID, On: day("2026-11-01"), Channel: domain.ChannelCall,
		Outcome: domain.OutcomeReached, NextOn: day("2026-11-25")}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Customer(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	st := got.Stats
	if st.PurchaseCount != 3 || st.ReturnCount != 1 || st.TotalSpend != 30000 {
		t.Errorf("count/returns/spend = %d/%d/%d, want 3/1/30000", st.PurchaseCount, st.ReturnCount, st.TotalSpend)
	}
	if st.FirstPurchase != day("2026-06-01") || st.LastPurchase != day("2026-10-01") || st.LastPurchaseID == ret.ID {
		t.Errorf("first/last = %s/%s id %d: a return must not be the last purchase", st.FirstPurchase, st.LastPurchase, st.LastPurchaseID)
	}
	if st.AvgIntervalDays < 60.9 || st.AvgIntervalDays > 61.1 {
		t.Errorf("avg interval = %v, want 61 (122 days / 2)", st.AvgIntervalDays)
	}
	if st.LastContact != day("2026-11-01") {
		t.Errorf("last contact = %s", st.LastContact)
	}
	fus, _ := s.FollowUps(ctx, c.ID)
	if len(fus) != 1 || fus[0].Due != day("2026-11-25") {
		t.Errorf("the contact's next date made no follow-up: %+v", fus)
	}
	var dormant string
	s.db.QueryRow("SELECT dormant_on FROM customers WHERE id=?", c.ID).Scan(&dormant)
	if dormant != "2027-01-02" { // dormant once more than ceil(1.5 × 61) = 92 days have passed since 2026-10-01
		t.Errorf("dormant_on = %s, want 2027-01-02", dormant)
	}
}

func TestAgenda_EndToEndOnSQLite(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	sp := &domain.Salesperson{Name: "王芳", Active: true}
	s.CreateSalesperson(ctx, sp)
	c := mustCustomer(t, s, domain.Customer{Name: "张三", OwnerID: sp.ID,
		KeyDates: []domain.KeyDate{{Kind: domain.KindBirthday, Calendar: domain.Solar, Month: 11, Day: 24}}})
	p := mustPurchase(t, s, domain.Purchase{CustomerID: c.ID, On: domain.MustDate("2026-11-19"), Amount: 29900})
	cfg := agenda.DefaultConfig()
	q := agenda.Query{Date: domain.MustDate("2026-11-22"), Now: fixedNow, Loc: shanghai, Scope: agenda.Scope{SalesID: sp.ID}}
	a, err := agenda.Build(ctx, s, q, cfg)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]agenda.Item{}
	for _, it := range a.All() {
		keys[it.Key] = it
	}
	routine := keys["routine:"+itoa(p.ID)+":3"]
	if routine.Rule != agenda.RuleRoutine3 || routine.Customer != "张三" {
		t.Errorf("want routine day 3 for 张三, got %+v (all %v)", routine, keys)
	}
	if _, ok := keys["birthday:1:2026-11-24"]; !ok {
		t.Errorf("want the birthday two days ahead, got %v", keys)
	}
	// Done with a contact: the item leaves, the contact is logged, undo restores both.
	act := agenda.Action{Item: routine, State: agenda.StateDone, Contact: agenda.DefaultContact(routine), Day: q.Date, Now: fixedNow, SalesID: sp.ID}
	if _, err := s.Act(ctx, act, cfg.Calls); err != nil {
		t.Fatal(err)
	}
	a2, _ := agenda.Build(ctx, s, q, cfg)
	for _, it := range a2.All() {
		if it.Key == routine.Key {
			t.Errorf("done item still on the agenda")
		}
	}
	if a2.Done != 1 {
		t.Errorf("progress done = %d, want 1", a2.Done)
	}
	got, _ := s.Customer(ctx, c.ID)
	if got.Stats.LastContact != q.Date {
		t.Errorf("done did not log a contact: last contact %s", got.Stats.LastContact)
	}
	if key, err := s.Undo(ctx, sp.ID); err != nil || key != routine.Key {
		t.Fatalf("undo = %q, %v", key, err)
	}
	a3, _ := agenda.Build(ctx, s, q, cfg)
	found := false
	for _, it := range a3.All() {
		found = found || it.Key == routine.Key
	}
	got, _ = s.Customer(ctx, c.ID)
	if !found || !got.Stats.LastContact.IsZero() || a3.Done != 0 {
		t.Errorf("undo did not restore: found=%v last contact=%s done=%d", found, got.Stats.LastContact, a3.Done)
	}
	if _, err := s.Undo(ctx, sp.ID); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("second undo = %v, want ErrNothingToUndo", err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestCustomerSummaries_AllPhonesAndTagsMostValuableFirst(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	a := mustCustomer(t, s, domain.Customer{Name: "甲", Phones: []string{"13800000001", "13800000002"}, Tags: []string{"VIP", "茶友"}})
	b := mustCustomer(t, s, domain.Customer{Name: "乙", Remark: "乙姐"})
	mustPurchase(t, s, domain.Purchase{CustomerID: b.ID, On: domain.MustDate("2026-11-01"), Amount: 100})
	list, err := s.CustomerSummaries(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != b.ID || list[1].ID != a.ID {
		t.Fatalf("order = %+v, want the buyer first", list)
	}
	if got := list[1]; len(got.Phones) != 2 || got.Phones[1] != "13800000002" || len(got.Tags) != 2 || got.Class != domain.ClassProspect {
		t.Errorf("summary of 甲 = %+v", got)
	}
	if got := list[0]; got.DisplayName() != "乙姐" || got.LastPurchase != domain.MustDate("2026-11-01") || got.Stage != domain.StageNew {
		t.Errorf("summary of 乙 = %+v", got)
	}
}

// TestMarketingDates_KeptOnWrite: the latest marketing contact days (newest
// first, at most 10) follow every contact write, so the agenda applies the
// 30-day cap without counting contacts.
func TestMarketingDates_KeptOnWrite(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	c := mustCustomer(t, s, domain.Customer{Name: "丁"})
	add := func(day string, p domain.Purpose) {
		if err := s.AddContact(ctx, &domain.Contact{CustomerID: c.ID, On: domain.MustDate(day), Channel: domain.ChannelWeChat,
			Outcome: domain.OutcomeReplied, Purpose: p}); err != nil {
			t.Fatal(err)
		}
	}
	add("2026-11-01", domain.PurposeHoliday)
	add("2026-11-05", domain.PurposeOther) // not marketing
	add("2026-11-10", domain.PurposeInvitation)
	for i := 0; i < 10; i++ {
		add("2026-10-0"+strconv.Itoa(i%9+1), domain.PurposeBirthday)
	}
	facts, err := s.Customers(ctx, []int64{c.ID})
	if err != nil {
		t.Fatal(err)
	}
	got := facts[c.ID].MarketingDates
	if len(got) != 10 || got[0] != domain.MustDate("2026-11-10") || got[1] != domain.MustDate("2026-11-01") {
		t.Errorf("marketing dates = %v, want 10 newest first starting 2026-11-10, 2026-11-01", got)
	}
	if n := agenda.MarketingTouches(got, domain.MustDate("2026-10-24")); n != 2 {
		t.Errorf("touches since 2026-10-24 = %d, want 2", n)
	}
}

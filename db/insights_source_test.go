package db

import (
	"context"
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/insights"
)

// workStore: two salespeople; 王芳's customer 甲 buys from her and from
// nobody in particular, 李娜's customer 乙 buys at a promotion; contacts
// logged by each and one without a salesperson.
type workStore struct {
	s       *Store
	wang    *domain.Salesperson
	li      *domain.Salesperson
	jia, yi int64
}

func newWorkStore(t *testing.T) workStore {
	t.Helper()
	ctx := context.Background()
	s := newStore(t)
	w := workStore{s: s, wang: newSalesperson(t, s, "王芳"), li: newSalesperson(t, s, "李娜")}
	w.jia = mustCustomer(t, s, domain.Customer{Name: "甲", OwnerID: w.wang.ID}).ID
	w.yi = mustCustomer(t, s, domain.Customer{Name: "乙", OwnerID: w.li.ID}).ID
	buy := func(c int64, on string, amount domain.Money, sp int64, ret bool, event int64) {
		mustPurchase(t, s, domain.Purchase{CustomerID: c, On: domain.MustDate(on), Amount: amount, SalesID: sp, IsReturn: ret, EventID: event})
	}
	promo := &domain.Event{Name: "双十一", Kind: domain.EventPromotion, StartsAt: domain.MustDate("2026-11-10").Time(shanghai).Add(10 * time.Hour),
		EndsAt: domain.MustDate("2026-11-11").Time(shanghai).Add(22 * time.Hour)}
	if err := s.CreateEvent(ctx, promo); err != nil {
		t.Fatal(err)
	}
	salon := newEvent(t, s, "沙龙")
	buy(w.jia, "2026-11-01", 10000, w.wang.ID, false, 0)
	buy(w.jia, "2026-11-05", 2000, 0, false, 0)             // no salesperson: the owner's
	buy(w.jia, "2026-11-06", -500, w.wang.ID, true, 0)      // a return
	buy(w.yi, "2026-11-10", 30000, w.li.ID, false, 0)       // on a promotion day
	buy(w.yi, "2026-11-15", 4000, w.li.ID, false, salon.ID) // names an event
	buy(w.yi, "2025-01-15", 9900, w.li.ID, false, 0)        // before the window
	contact := func(c int64, on string, sp int64) {
		if err := s.AddContact(ctx, &domain.Contact{CustomerID: c, On: domain.MustDate(on), Channel: domain.ChannelCall,
			Outcome: domain.OutcomeReached, SalesID: sp}); err != nil {
			t.Fatal(err)
		}
	}
	contact(w.jia, "2026-11-20", w.wang.ID)
	contact(w.jia, "2026-11-21", w.wang.ID)
	contact(w.jia, "2026-11-21", 0) // nobody logged: the owner's
	contact(w.yi, "2026-11-21", w.li.ID)
	return w
}

func TestSalesSplit_PerSalespersonDailyAndPromotion(t *testing.T) {
	w := newWorkStore(t)
	rows, err := w.s.SalesSplit(context.Background(), domain.MustDate("2025-11-23"), domain.MustDate("2026-11-22"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[[2]int64]insights.SalesRow{}
	for _, r := range rows {
		k := [2]int64{r.SalespersonID, 0}
		if r.Promotion {
			k[1] = 1
		}
		got[k] = r
	}
	if r := got[[2]int64{w.wang.ID, 0}]; r.Count != 2 || r.Amount != 11500 {
		t.Errorf("王芳 daily %+v, want 2 sales, 115.00 net (a sale without a salesperson counts for the owner)", r)
	}
	if r := got[[2]int64{w.li.ID, 1}]; r.Count != 2 || r.Amount != 34000 {
		t.Errorf("李娜 promotion %+v, want the promotion-day sale and the event sale", r)
	}
	if len(got) != 2 {
		t.Errorf("rows %+v", rows)
	}
}

func TestDailyWork_SalespersonAndStore(t *testing.T) {
	w := newWorkStore(t)
	ctx := context.Background()
	from, to := domain.MustDate("2026-10-24"), domain.MustDate("2026-11-22")
	if _, err := w.s.RecordAgendaDay(ctx, domain.MustDate("2026-11-21"), w.wang.ID, 12, 9); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.RecordAgendaDay(ctx, domain.MustDate("2026-11-21"), w.li.ID, 5, 5); err != nil {
		t.Fatal(err)
	}
	byDay := func(sp int64) map[string]insights.WorkDay {
		days, err := w.s.DailyWork(ctx, sp, from, to)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]insights.WorkDay{}
		for _, d := range days {
			m[d.Day.String()] = d
		}
		return m
	}
	wang := byDay(w.wang.ID)
	if d := wang["2026-11-21"]; d.Contacts != 2 || d.Items != 12 || d.Done != 9 {
		t.Errorf("王芳 on 11-21: %+v, want 2 contacts (one logged by nobody) and 9 of 12 done", d)
	}
	if wang["2026-11-05"].Sales != 2000 || wang["2026-11-06"].Sales != -500 || wang["2026-11-10"].Sales != 0 {
		t.Errorf("王芳's sales: %+v", wang)
	}
	store := byDay(0)
	if d := store["2026-11-21"]; d.Contacts != 3 || d.Items != 17 || d.Done != 14 {
		t.Errorf("store on 11-21: %+v, want 3 contacts and both agendas summed", d)
	}
	if store["2026-11-10"].Sales != 30000 {
		t.Errorf("store sales on 11-10: %+v", store["2026-11-10"])
	}
}

func TestRecordAgendaDay_WritesOnlyChanges(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	day := s.Today()
	if _, err := s.RecordAgendaDay(ctx, day, 0, 10, 2); err != nil {
		t.Fatal(err)
	}
	before, _ := s.DataVersion(ctx)
	other, err := Open(ctx, s.Path(), Options{Now: func() time.Time { return fixedNow }, Loc: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if wrote, err := other.RecordAgendaDay(ctx, day, 0, 10, 2); err != nil || wrote {
		t.Fatalf("the same figures again: wrote %v, %v", wrote, err)
	}
	if after, _ := s.DataVersion(ctx); after != before {
		t.Error("recording the same figures again was a write: two open apps would wake each other for ever")
	}
	if wrote, err := other.RecordAgendaDay(ctx, day, 0, 10, 3); err != nil || !wrote {
		t.Fatalf("a changed figure: wrote %v, %v", wrote, err)
	}
	if after, _ := s.DataVersion(ctx); after == before {
		t.Error("a changed figure was not written")
	}
}

func TestImportantCoverageAndLastSales(t *testing.T) {
	w := newWorkStore(t)
	ctx := context.Background()
	if _, err := w.s.db.Exec("UPDATE customers SET class = 'important'"); err != nil {
		t.Fatal(err)
	}
	imp, contacted, err := w.s.ImportantCoverage(ctx, w.wang.ID, domain.MustDate("2026-10-24"), domain.MustDate("2026-11-22"))
	if err != nil || imp != 1 || contacted != 1 {
		t.Errorf("王芳: %d important, %d contacted (%v); want 1 and 1", imp, contacted, err)
	}
	imp, contacted, _ = w.s.ImportantCoverage(ctx, 0, domain.MustDate("2026-11-22"), domain.MustDate("2026-11-22"))
	if imp != 2 || contacted != 0 {
		t.Errorf("store, contacts on 11-22 only: %d important, %d contacted; want 2 and 0", imp, contacted)
	}
	last, err := w.s.LastSaleDays(ctx, []int64{w.jia, w.yi, 999}, domain.MustDate("2026-11-12"))
	if err != nil || len(last) != 2 || last[w.jia].String() != "2026-11-05" || last[w.yi].String() != "2026-11-10" {
		t.Errorf("last sales as of 11-12: %v (%v)", last, err)
	}
	counts, err := w.s.CustomerCounts(ctx)
	if err != nil || counts[w.wang.ID] != 1 || counts[w.li.ID] != 1 || len(counts) != 2 {
		t.Errorf("customer counts %v (%v)", counts, err)
	}
}

func TestSaleDays_InSpanWithOwner(t *testing.T) {
	w := newWorkStore(t)
	rows, err := w.s.SaleDays(context.Background(), domain.MustDate("2026-11-02"), domain.MustDate("2026-11-22"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64]insights.SaleDays{}
	for _, r := range rows {
		got[r.CustomerID] = r
	}
	if r := got[w.jia]; r.OwnerID != w.wang.ID || len(r.Days) != 1 || r.Days[0].String() != "2026-11-05" {
		t.Errorf("甲: %+v, want the sale of 11-05 only (the return does not count)", r)
	}
	if r := got[w.yi]; len(r.Days) != 2 || r.Days[0].String() != "2026-11-10" || r.Days[1].String() != "2026-11-15" {
		t.Errorf("乙: %+v", r)
	}
}

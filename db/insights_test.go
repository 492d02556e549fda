package db

import (
	"context"
	"reflect"
	"testing"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/insights"
)

// figuresStore holds customers at the edges of the RFM window (365 days
// ending 2026-11-22: 2025-11-23 .. 2026-11-22).
func figuresStore(t *testing.T) (*Store, map[string]int64) {
	t.Helper()
	s := newStore(t)
	ids := map[string]int64{}
	buy := func(name string, on string, amount domain.Money, ret bool) {
		if _, ok := ids[name]; !ok {
			ids[name] = mustCustomer(t, s, domain.Customer{Name: name}).ID
		}
		if on == "" {
			return
		}
		mustPurchase(t, s, domain.Purchase{CustomerID: ids[name], On: domain.MustDate(on), Amount: amount, IsReturn: ret})
	}
	buy("从未购买", "", 0, false)
	buy("窗口首日", "2025-11-23", 10000, false)
	buy("窗口前一日", "2025-11-22", 10000, false)
	buy("退货", "2026-01-10", 50000, false)
	buy("退货", "2026-03-01", -20000, true)
	buy("退货", "2024-05-01", 30000, false)
	buy("同日两单", "2026-11-01", 1000, false)
	buy("同日两单", "2026-11-01", 2000, false)
	buy("同日两单", "2026-10-01", 3000, false)
	buy("只有退货", "2026-06-01", -500, true)
	if err := s.RefreshSegments(context.Background(), s.Today()); err != nil {
		t.Fatal(err)
	}
	return s, ids
}

func byID(figs []insights.Figures) map[int64]insights.Figures {
	m := map[int64]insights.Figures{}
	for _, f := range figs {
		m[f.CustomerID] = f
	}
	return m
}

func TestCustomerFigures_WindowAndReturns(t *testing.T) {
	s, ids := figuresStore(t)
	figs, err := s.figuresFromPurchases(context.Background(), s.Today(), 365)
	if err != nil {
		t.Fatal(err)
	}
	got := byID(figs)
	for _, tc := range []struct {
		name      string
		count     int
		last      string
		freq      int
		monetary  domain.Money
		avgIntval float64
	}{
		{"从未购买", 0, "", 0, 0, 0},
		{"窗口首日", 1, "2025-11-23", 1, 10000, 0},
		{"窗口前一日", 1, "2025-11-22", 0, 0, 0},
		{"退货", 2, "2026-01-10", 1, 30000, 619}, // 2024-05-01 → 2026-01-10; the return counts in spend only
		{"同日两单", 3, "2026-11-01", 3, 6000, 31}, // two distinct days
		{"只有退货", 0, "", 0, -500, 0},
	} {
		f := got[ids[tc.name]]
		last := ""
		if !f.Stats.LastPurchase.IsZero() {
			last = f.Stats.LastPurchase.String()
		}
		if f.Stats.PurchaseCount != tc.count || last != tc.last || f.Frequency != tc.freq || f.Monetary != tc.monetary ||
			f.Stats.AvgIntervalDays != tc.avgIntval || f.Name != tc.name {
			t.Errorf("%s: %+v, want count %d last %q frequency %d monetary %d interval %v", tc.name, f, tc.count, tc.last, tc.freq,
				tc.monetary, tc.avgIntval)
		}
	}
}

// TestCustomerFigures_KeptColumnsMatchPurchases: today's figures come from
// the customers' kept columns; they must be what the purchases say.
func TestCustomerFigures_KeptColumnsMatchPurchases(t *testing.T) {
	s, _ := figuresStore(t)
	ctx := context.Background()
	ok, err := s.keptFiguresHold(ctx, s.Today(), 365)
	if err != nil || !ok {
		t.Fatalf("kept figures not used for today (%v)", err)
	}
	var kept []insights.Figures
	err = s.keptFigures(ctx, func(f *insights.Figures) error { kept = append(kept, *f); return nil })
	if err != nil {
		t.Fatal(err)
	}
	summed, err := s.figuresFromPurchases(ctx, s.Today(), 365)
	if err != nil {
		t.Fatal(err)
	}
	if len(kept) != 6 || !reflect.DeepEqual(kept, summed) {
		t.Errorf("kept columns\n%+v\nfrom purchases\n%+v", kept, summed)
	}
	// A purchase dated after today makes the kept columns wrong for today.
	mustPurchase(t, s, domain.Purchase{CustomerID: kept[1].CustomerID, On: s.Today().AddDays(3), Amount: 100})
	if ok, _ := s.keptFiguresHold(ctx, s.Today(), 365); ok {
		t.Error("kept figures used although a purchase is dated after today")
	}
	if ok, _ := s.keptFiguresHold(ctx, s.Today().AddDays(-1), 365); ok {
		t.Error("kept figures used for yesterday")
	}
}

// TestCustomerFigures_PastDayLeavesLaterPurchasesOut: as of 2026-02-01 the
// return of 2026-03-01 and the sales of October and November are not there.
func TestCustomerFigures_PastDayLeavesLaterPurchasesOut(t *testing.T) {
	s, ids := figuresStore(t)
	figs, err := s.CustomerFigures(context.Background(), domain.MustDate("2026-02-01"), 365)
	if err != nil {
		t.Fatal(err)
	}
	got := byID(figs)
	if f := got[ids["退货"]]; f.Monetary != 50000 || f.Frequency != 1 || f.Stats.PurchaseCount != 2 {
		t.Errorf("退货 as of 2026-02-01: %+v, want the sale of January only in the window", f)
	}
	if f := got[ids["同日两单"]]; f.Stats.PurchaseCount != 0 || f.Frequency != 0 {
		t.Errorf("同日两单 as of 2026-02-01: %+v, want no purchase yet", f)
	}
}

package db

import (
	"context"
	"testing"

	"github.com/crmtui/crmtui/domain"
)

// TestSegments_ClassesFromStoreQuintiles: ten buyers with spend 100…1000
// in the window: the top fifth by spend (two customers) are important; the
// one who bought often and lately is loyal; the rest bought once and are
// new; a prospect stays a prospect.
func TestSegments_ClassesFromStoreQuintiles(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	var ids []int64
	for i := 1; i <= 10; i++ {
		c := mustCustomer(t, s, domain.Customer{Name: "顾客" + itoa(int64(i))})
		ids = append(ids, c.ID)
		mustPurchase(t, s, domain.Purchase{CustomerID: c.ID, On: domain.MustDate("2026-10-01"), Amount: domain.Money(i * 10000)})
	}
	// Customer 1 also bought twice more, recently: F and R scores 5, loyal.
	mustPurchase(t, s, domain.Purchase{CustomerID: ids[0], On: domain.MustDate("2026-11-01"), Amount: 100})
	mustPurchase(t, s, domain.Purchase{CustomerID: ids[0], On: domain.MustDate("2026-11-20"), Amount: 100})
	prospect := mustCustomer(t, s, domain.Customer{Name: "潜客"})

	// Before the first pass nobody is scored, so nobody is important.
	c10, _ := s.Customer(ctx, ids[9])
	if c10.Stats.Class != domain.ClassNew || c10.Stats.RFM.M != 0 {
		t.Errorf("before the pass: class %s, M %d; want new, unscored", c10.Stats.Class, c10.Stats.RFM.M)
	}
	if err := s.EnsureSegments(ctx, domain.MustDate("2026-11-22"), 0); err != nil {
		t.Fatal(err)
	}
	want := map[int64]domain.Class{ids[9]: domain.ClassImportant, ids[8]: domain.ClassImportant, ids[7]: domain.ClassNew,
		ids[0]: domain.ClassLoyal, prospect.ID: domain.ClassProspect}
	for id, class := range want {
		c, _ := s.Customer(ctx, id)
		if c.Stats.Class != class {
			t.Errorf("customer %s: class %s, want %s (rfm %+v)", c.Name, c.Stats.Class, class, c.Stats.RFM)
		}
	}
	c1, _ := s.Customer(ctx, ids[0])
	if c1.Stats.RFM.RecencyDays != 2 || c1.Stats.RFM.Frequency != 3 || c1.Stats.RFM.R != 5 || c1.Stats.RFM.F != 5 {
		t.Errorf("customer 1 rfm = %+v, want recency 2, frequency 3, R 5, F 5", c1.Stats.RFM)
	}
	// A new purchase re-scores that customer at once against the day's cuts.
	mustPurchase(t, s, domain.Purchase{CustomerID: ids[2], On: domain.MustDate("2026-11-21"), Amount: 200000})
	c3, _ := s.Customer(ctx, ids[2])
	if c3.Stats.Class != domain.ClassImportant {
		t.Errorf("after a big purchase: class %s, want important", c3.Stats.Class)
	}
}

func TestEnsureSegments_Tolerance(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	c := mustCustomer(t, s, domain.Customer{Name: "甲"})
	mustPurchase(t, s, domain.Purchase{CustomerID: c.ID, On: domain.MustDate("2026-11-01"), Amount: 100})
	day := domain.MustDate("2026-11-22")
	if err := s.EnsureSegments(ctx, day, 0); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		day       string
		tolerance int
		asOf      string
	}{
		{"2026-11-23", 7, "2026-11-22"}, // paging a day ahead keeps the day's classes
		{"2026-11-29", 7, "2026-11-22"}, // a week is still within tolerance
		{"2026-11-30", 7, "2026-11-30"}, // further: rescored as of that day
		{"2026-11-22", 0, "2026-11-22"}, // today again: rescored daily
	} {
		if err := s.EnsureSegments(ctx, domain.MustDate(tc.day), tc.tolerance); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.SegmentsAsOf(ctx); got.String() != tc.asOf {
			t.Errorf("after EnsureSegments(%s, %d): as of %s, want %s", tc.day, tc.tolerance, got, tc.asOf)
		}
	}
}

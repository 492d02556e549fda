package insights

import (
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
)

var cst = time.FixedZone("CST", 8*3600)

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, cst)
	if err != nil {
		panic(err)
	}
	return t
}

func TestComputeComplaints(t *testing.T) {
	cs := []domain.ServiceCase{
		// Closed in 10 hours, within the limit, satisfied; the customer bought again later.
		{CustomerID: 1, Kind: domain.CaseComplaint, Channel: domain.CaseByPhone, Subkind: "product",
			OpenedAt: at("2026-10-01 09:00"), DueAt: at("2026-10-02 09:00"), ClosedAt: at("2026-10-01 19:00"), Satisfaction: 5},
		// Closed in 50 hours, past the limit.
		{CustomerID: 2, Kind: domain.CaseComplaint, Channel: domain.CaseByWeChat, Subkind: "service",
			OpenedAt: at("2026-11-01 10:00"), DueAt: at("2026-11-02 10:00"), ClosedAt: at("2026-11-03 12:00"), Satisfaction: 2},
		// Open and past its limit: counts against the limit.
		{CustomerID: 1, Kind: domain.CaseComplaint, Channel: domain.CaseByPhone, OpenedAt: at("2026-11-20 10:00"), DueAt: at("2026-11-21 10:00")},
		// Open, still within its limit: not counted either way yet.
		{CustomerID: 3, Kind: domain.CaseComplaint, OpenedAt: at("2026-11-22 08:00"), DueAt: at("2026-11-23 08:00")},
		// Not complaints, or outside the window.
		{CustomerID: 4, Kind: domain.CaseAfterSale, OpenedAt: at("2026-11-01 10:00"), DueAt: at("2026-11-02 10:00")},
		{CustomerID: 5, Kind: domain.CaseComplaint, OpenedAt: at("2025-01-01 10:00"), DueAt: at("2025-01-02 10:00")},
	}
	last := map[int64]domain.Date{1: domain.MustDate("2026-10-15"), 2: domain.MustDate("2026-11-01")}
	c := ComputeComplaints(cs, last, domain.MustDate("2025-11-23"), asOf, cst)
	if c.Total != 4 || c.Open != 2 || c.Closed != 2 {
		t.Errorf("total %d open %d closed %d", c.Total, c.Open, c.Closed)
	}
	if c.ByChannel[domain.CaseByPhone] != 2 || c.ByChannel[""] != 1 || c.ByKind["product"] != 1 || c.ByKind[""] != 2 {
		t.Errorf("by channel %v, by kind %v", c.ByChannel, c.ByKind)
	}
	if c.MedianHours != 30 || c.MeanHours != 30 {
		t.Errorf("hours median %v mean %v, want 30 and 30", c.MedianHours, c.MeanHours)
	}
	if c.WithinLimit != 1 || c.LimitBase != 3 {
		t.Errorf("within limit %d of %d, want 1 of 3", c.WithinLimit, c.LimitBase)
	}
	if c.Satisfaction != [5]int{0, 1, 0, 0, 1} || c.MeanScore != 3.5 {
		t.Errorf("satisfaction %v mean %v", c.Satisfaction, c.MeanScore)
	}
	// Customer 1 complained first on 10-01 and bought on 10-15; customer 2
	// bought the day they complained, not after; customer 3 never.
	if c.Complainants != 3 || c.CameBack != 1 {
		t.Errorf("complainants %d came back %d, want 3 and 1", c.Complainants, c.CameBack)
	}
}

package insights

import (
	"testing"

	"github.com/crmtui/crmtui/domain"
)

func TestRetentionEnds(t *testing.T) {
	ends := RetentionEnds(domain.MustDate("2026-03-10"), 4)
	want := []string{"2025-12-31", "2026-01-31", "2026-02-28", "2026-03-10"}
	for i, e := range ends {
		if e.String() != want[i] {
			t.Fatalf("ends %v, want %v", ends, want)
		}
	}
	// On the last day of a month the as-of day is that month's end.
	ends = RetentionEnds(domain.MustDate("2024-02-29"), 2)
	if ends[0].String() != "2024-01-31" || ends[1].String() != "2024-02-29" {
		t.Errorf("ends %v", ends)
	}
}

func days(s ...string) []domain.Date {
	out := make([]domain.Date, len(s))
	for i, x := range s {
		out[i] = domain.MustDate(x)
	}
	return out
}

func TestComputeRetention(t *testing.T) {
	rows := []SaleDays{
		// Bought on 2025-12-31: in the 365 days ending 2026-12-30, not 2026-12-31.
		{CustomerID: 1, OwnerID: 7, Days: days("2025-12-31")},
		// Bought twice; covered from the first sale to a year after the last.
		{CustomerID: 2, OwnerID: 8, Days: days("2026-02-15", "2026-10-01")},
		// A sale after the as-of day is not seen.
		{CustomerID: 3, OwnerID: 8, Days: days("2027-01-05")},
	}
	points := ComputeRetention(rows, domain.MustDate("2026-12-30"), 12)
	got := map[string]int{}
	for _, p := range points {
		got[p.End.String()] = p.Store
	}
	want := map[string]int{"2026-01-31": 1, "2026-02-28": 2, "2026-11-30": 2, "2026-12-30": 2}
	for end, n := range want {
		if got[end] != n {
			t.Errorf("retained at %s: %d, want %d (all %v)", end, got[end], n, got)
		}
	}
	last := points[len(points)-1]
	if last.BySalesperson[7] != 1 || last.BySalesperson[8] != 1 {
		t.Errorf("per salesperson on the as-of day: %v", last.BySalesperson)
	}
	points = ComputeRetention(rows, domain.MustDate("2026-12-31"), 1)
	if points[0].Store != 1 || points[0].BySalesperson[7] != 0 {
		t.Errorf("a year and a day after customer 1's sale: %+v", points[0])
	}
}

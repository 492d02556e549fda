package insights

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/crmtui/crmtui/domain"
)

var asOf = domain.MustDate("2026-11-22")

// fig is a customer who bought n times between first and last, f times
// for m yuan in the window.
func fig(id int64, owner int64, n int, first, last string, f int, m domain.Money) Figures {
	st := domain.CustomerStats{PurchaseCount: n}
	if first != "" {
		st.FirstPurchase, st.LastPurchase = domain.MustDate(first), domain.MustDate(last)
		if n > 1 {
			st.AvgIntervalDays = float64(st.LastPurchase.Sub(st.FirstPurchase)) / float64(n-1)
		}
	}
	return Figures{CustomerID: id, OwnerID: owner, Stats: st, Frequency: f, Monetary: m}
}

func TestComputeRFM_ScoresClassesStagesAndGrid(t *testing.T) {
	figs := []Figures{
		fig(1, 1, 0, "", "", 0, 0),                          // prospect
		fig(2, 1, 1, "2026-11-20", "2026-11-20", 1, 10000),  // new, bought 2 days ago
		fig(3, 1, 6, "2026-01-01", "2026-11-21", 6, 500000), // frequent, recent, big
		fig(4, 2, 3, "2025-06-01", "2026-03-01", 1, 20000),  // repeat, going quiet
		fig(5, 2, 2, "2024-01-01", "2024-06-01", 0, 0),      // lost: nothing in the window
		fig(6, 2, 4, "2026-05-01", "2026-11-01", 4, 80000),  // loyal-ish
	}
	rep := ComputeRFM(figs, asOf, domain.DefaultSegmentConfig())
	if rep.From != domain.MustDate("2025-11-23") || rep.WindowDays != 365 {
		t.Fatalf("window %s, %d days", rep.From, rep.WindowDays)
	}
	// Cut points over the five customers who bought: recency 2, 1, 266, 905, 21.
	if rep.Cuts.R != [4]int64{1, 2, 21, 266} {
		t.Errorf("R cuts %v", rep.Cuts.R)
	}
	want := []struct {
		r, f, m int
		class   domain.Class
		stage   domain.Stage
		abc     ABC
	}{
		{0, 0, 0, domain.ClassProspect, domain.StageProspect, ClassC},
		{4, 2, 2, domain.ClassNew, domain.StageNew, ClassC},
		{5, 5, 5, domain.ClassImportant, domain.StageActive, ClassA},
		{2, 2, 3, domain.ClassRepeat, domain.StageDormant, ClassC}, // 580,000 of 610,000 spent before it: past 95 %
		{1, 1, 1, domain.ClassRepeat, domain.StageLost, ClassC},
		{3, 4, 4, domain.ClassRepeat, domain.StageActive, ClassB}, // 500,000 before it: 82 %
	}
	for i, w := range want {
		got := rep.Rows[i]
		if got.R != w.r || got.F != w.f || got.M != w.m || got.Class != w.class || got.Stage != w.stage || got.ABC != w.abc {
			t.Errorf("customer %d: r%d f%d m%d %s %s %s, want r%d f%d m%d %s %s %s", got.CustomerID, got.R, got.F, got.M,
				got.Class, got.Stage, got.ABC, w.r, w.f, w.m, w.class, w.stage, w.abc)
		}
	}
	if rep.Rows[0].RecencyDays != nil || rep.Rows[1].RecencyDays == nil || *rep.Rows[1].RecencyDays != 2 {
		t.Errorf("recency: prospect %v, customer 2 %v", rep.Rows[0].RecencyDays, rep.Rows[1].RecencyDays)
	}
	if c := rep.Grid[4][4]; c.Count != 1 || c.Spend != 500000 {
		t.Errorf("grid R5 F5 = %+v, want customer 3", c)
	}
	cells := 0
	for r := range 5 {
		for f := range 5 {
			cells += rep.Grid[r][f].Count
		}
	}
	if cells != 5 || rep.Classes[domain.ClassRepeat] != 3 || rep.Stages[domain.StageLost] != 1 {
		t.Errorf("grid holds %d customers, classes %v, stages %v", cells, rep.Classes, rep.Stages)
	}
}

// TestComputeRFM_AgreesWithTheStoresScoring: the report scores like the
// store's segmentation pass, so today's report and the app's classes agree.
func TestComputeRFM_AgreesWithTheStoresScoring(t *testing.T) {
	figs := []Figures{fig(1, 0, 1, "2026-11-01", "2026-11-01", 1, 100), fig(2, 0, 5, "2025-01-01", "2026-10-01", 3, 9000),
		fig(3, 0, 2, "2026-06-01", "2026-09-01", 2, 700)}
	rep := ComputeRFM(figs, asOf, domain.DefaultSegmentConfig())
	var rs, fs, ms []int64
	for _, f := range figs {
		rs = append(rs, int64(asOf.Sub(f.Stats.LastPurchase)))
		fs = append(fs, int64(f.Frequency))
		ms = append(ms, int64(f.Monetary))
	}
	cuts := domain.RFMCuts{R: domain.QuintileCuts(rs), F: domain.QuintileCuts(fs), M: domain.QuintileCuts(ms)}
	for i, f := range figs {
		s := domain.RFM{RecencyDays: asOf.Sub(f.Stats.LastPurchase), Frequency: f.Frequency, Monetary: f.Monetary}.Score(cuts)
		got := rep.Rows[i]
		if got.R != s.R || got.F != s.F || got.M != s.M || got.Class != domain.ClassOf(f.Stats.PurchaseCount, s) {
			t.Errorf("customer %d: %+v, store scoring %+v", f.CustomerID, got, s)
		}
	}
}

func TestSortByValue(t *testing.T) {
	d := func(n int) *int { return &n }
	rows := []RFMRow{
		{CustomerID: 1, Class: domain.ClassNew, Monetary: 900, RecencyDays: d(3)},
		{CustomerID: 2, Class: domain.ClassImportant, Monetary: 100, RecencyDays: d(50)},
		{CustomerID: 3, Class: domain.ClassImportant, Monetary: 100, RecencyDays: d(5)},
		{CustomerID: 4, Class: domain.ClassImportant, Monetary: 800, RecencyDays: d(90)},
		{CustomerID: 5, Class: domain.ClassProspect},
	}
	SortByValue(rows)
	var got []int64
	for _, r := range rows {
		got = append(got, r.CustomerID)
	}
	if want := []int64{4, 3, 2, 1, 5}; !equalIDs(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestAmount_JSONIsADecimalNumber(t *testing.T) {
	for in, want := range map[Amount]string{129950: "1299.50", 0: "0.00", -2000: "-20.00", 5: "0.05"} {
		b, err := in.MarshalJSON()
		if err != nil || string(b) != want {
			t.Errorf("%d → %s (%v), want %s", in, b, err, want)
		}
	}
}

// TestMostValuable_IsTheHeadOfTheSortedRows: on rows with many ties of
// class, spend and recency (and customers who never bought), the first n
// found without sorting are exactly the first n of SortByValue, in order.
func TestMostValuable_IsTheHeadOfTheSortedRows(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	rows := make([]RFMRow, 2000)
	for i := range rows {
		rows[i] = RFMRow{CustomerID: int64(i*7919%2000 + 1) /* unique, not in order */, Class: domain.Classes[r.IntN(len(domain.Classes))],
			Monetary: Amount(r.IntN(5) * 10000)}
		if r.IntN(4) > 0 {
			d := r.IntN(30)
			rows[i].RecencyDays = &d
		}
	}
	sorted := slices.Clone(rows)
	SortByValue(sorted)
	for _, n := range []int{0, 1, 20, 1999, 2000, 2500} {
		got := MostValuable(rows, n)
		want := sorted[:min(n, len(sorted))]
		if len(got) != len(want) {
			t.Fatalf("n=%d: %d rows, want %d", n, len(got), len(want))
		}
		for i := range want {
			if got[i].CustomerID != want[i].CustomerID {
				t.Fatalf("n=%d: row %d is customer %d, want %d", n, i, got[i].CustomerID, want[i].CustomerID)
			}
		}
	}
}

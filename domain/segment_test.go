package domain

import (
	"testing"
)

func TestQuintileCuts(t *testing.T) {
	cases := []struct {
		name string
		in   []int64
		want [4]int64
	}{
		{"Empty", nil, [4]int64{}},
		{"One", []int64{7}, [4]int64{7, 7, 7, 7}},
		{"Two", []int64{9, 3}, [4]int64{3, 3, 9, 9}},
		{"Five", []int64{50, 10, 40, 20, 30}, [4]int64{10, 20, 30, 40}},
		{"Ten", []int64{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, [4]int64{2, 4, 6, 8}},
		{"TiesHalfOneTimeBuyers", []int64{1, 1, 1, 1, 1, 2, 2, 3, 4, 10}, [4]int64{1, 1, 2, 3}},
		{"AllEqual", []int64{5, 5, 5, 5, 5, 5}, [4]int64{5, 5, 5, 5}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := QuintileCuts(tc.in); got != tc.want {
				t.Errorf("QuintileCuts(%v) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestQuintileCuts_SortsInPlace(t *testing.T) {
	v := []int64{3, 1, 2}
	QuintileCuts(v)
	if v[0] != 1 || v[1] != 2 || v[2] != 3 {
		t.Errorf("values after QuintileCuts = %v, want sorted", v)
	}
}

func TestRFM_Score(t *testing.T) {
	cuts := RFMCuts{
		R: [4]int64{10, 30, 90, 180},      // days: less is better
		F: [4]int64{1, 1, 2, 5},           // half the store bought once
		M: [4]int64{100, 500, 1000, 5000}, // fen
	}
	cases := []struct {
		name    string
		in      RFM
		r, f, m int
	}{
		{"Best", RFM{RecencyDays: 0, Frequency: 20, Monetary: 99999}, 5, 5, 5},
		{"Worst", RFM{RecencyDays: 400, Frequency: 0, Monetary: 0}, 1, 1, 1},
		{"RecencyOnCutGetsHigherScore", RFM{RecencyDays: 10, Frequency: 1, Monetary: 100}, 5, 1, 1},
		{"RecencyJustPastCut", RFM{RecencyDays: 11, Frequency: 1, Monetary: 100}, 4, 1, 1},
		{"RecencyOnLastCut", RFM{RecencyDays: 180, Frequency: 1, Monetary: 100}, 2, 1, 1},
		{"RecencyPastLastCut", RFM{RecencyDays: 181, Frequency: 1, Monetary: 100}, 1, 1, 1},
		{"FrequencyOnTiedCutsGetsLowerScore", RFM{RecencyDays: 400, Frequency: 1, Monetary: 0}, 1, 1, 1},
		{"FrequencyAboveTiedCuts", RFM{RecencyDays: 400, Frequency: 2, Monetary: 0}, 1, 3, 1},
		{"FrequencyOnLastCut", RFM{RecencyDays: 400, Frequency: 5, Monetary: 0}, 1, 4, 1},
		{"FrequencyPastLastCut", RFM{RecencyDays: 400, Frequency: 6, Monetary: 0}, 1, 5, 1},
		{"MonetaryOnCutGetsLowerScore", RFM{RecencyDays: 400, Frequency: 0, Monetary: 500}, 1, 1, 2},
		{"MonetaryJustPastCut", RFM{RecencyDays: 400, Frequency: 0, Monetary: 501}, 1, 1, 3},
		{"MonetaryOnLastCut", RFM{RecencyDays: 400, Frequency: 0, Monetary: 5000}, 1, 1, 4},
		{"MonetaryPastLastCut", RFM{RecencyDays: 400, Frequency: 0, Monetary: 5001}, 1, 1, 5},
		{"NegativeMonetaryNetOfReturns", RFM{RecencyDays: 400, Frequency: 0, Monetary: -300}, 1, 1, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.in.Score(cuts)
			if got.R != tc.r || got.F != tc.f || got.M != tc.m {
				t.Errorf("Score(%+v) = R%d F%d M%d, want R%d F%d M%d", tc.in, got.R, got.F, got.M, tc.r, tc.f, tc.m)
			}
			if got.RecencyDays != tc.in.RecencyDays || got.Frequency != tc.in.Frequency || got.Monetary != tc.in.Monetary {
				t.Errorf("Score changed the raw figures: %+v", got)
			}
		})
	}
}

func TestClassOf(t *testing.T) {
	cases := []struct {
		name  string
		count int
		rfm   RFM
		want  Class
	}{
		{"Prospect", 0, RFM{}, ClassProspect},
		{"ProspectEvenWithScores", 0, RFM{R: 5, F: 5, M: 5, Monetary: 100, Frequency: 3}, ClassProspect},
		{"New", 1, RFM{Frequency: 1, Monetary: 100, R: 5, F: 1, M: 3}, ClassNew},
		{"Repeat", 2, RFM{Frequency: 2, Monetary: 100, R: 2, F: 3, M: 3}, ClassRepeat},
		{"Loyal", 5, RFM{Frequency: 5, Monetary: 100, R: 4, F: 4, M: 4}, ClassLoyal},
		{"LoyalNeedsRecency4", 5, RFM{Frequency: 5, Monetary: 100, R: 3, F: 5, M: 4}, ClassRepeat},
		{"LoyalNeedsFrequency4", 5, RFM{Frequency: 5, Monetary: 100, R: 5, F: 3, M: 4}, ClassRepeat},
		{"LoyalNeedsTwoPurchasesInWindow", 3, RFM{Frequency: 1, Monetary: 100, R: 5, F: 4, M: 4}, ClassRepeat},
		{"OneTimeBuyerWithHighFScoreIsNew", 1, RFM{Frequency: 1, Monetary: 100, R: 5, F: 5, M: 4}, ClassNew},
		{"Important", 2, RFM{Frequency: 2, Monetary: 90000, R: 1, F: 2, M: 5}, ClassImportant},
		{"ImportantBeatsLoyal", 6, RFM{Frequency: 6, Monetary: 90000, R: 5, F: 5, M: 5}, ClassImportant},
		{"ImportantOneTimeBuyer", 1, RFM{Frequency: 1, Monetary: 90000, R: 5, F: 1, M: 5}, ClassImportant},
		{"ImportantNeedsPositiveSpend", 2, RFM{Frequency: 0, Monetary: 0, R: 1, F: 1, M: 5}, ClassRepeat},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := ClassOf(tc.count, tc.rfm); got != tc.want {
				t.Errorf("ClassOf(%d, %+v) = %s, want %s", tc.count, tc.rfm, got, tc.want)
			}
		})
	}
}

func TestClass_Rank(t *testing.T) {
	cases := []struct {
		c    Class
		want int
	}{
		{ClassImportant, 4}, {ClassLoyal, 3}, {ClassRepeat, 2}, {ClassNew, 1}, {ClassProspect, 0}, {"", 0}, {"vip", 0},
	}
	for _, tc := range cases {
		if got := tc.c.Rank(); got != tc.want {
			t.Errorf("%q.Rank() = %d, want %d", tc.c, got, tc.want)
		}
	}
	for i := 1; i < len(Classes); i++ {
		if Classes[i-1].Rank() <= Classes[i].Rank() {
			t.Errorf("Classes not from most to least valuable at %d: %v", i, Classes)
		}
	}
}

func TestSegmentConfig_Defaults(t *testing.T) {
	want := SegmentConfig{NewDays: 90, LostDays: 365, DormantMultiplier: 1.5, DormantMinDays: 30, OneTimeDays: 120, WindowDays: 365}
	if got := DefaultSegmentConfig(); got != want {
		t.Errorf("DefaultSegmentConfig = %+v, want %+v", got, want)
	}
}

func TestSegmentConfig_DormantAfterDays(t *testing.T) {
	last := MustDate("2026-01-10")
	def := DefaultSegmentConfig()
	double := def
	double.DormantMultiplier = 2
	cases := []struct {
		name string
		cfg  SegmentConfig
		s    CustomerStats
		want int
	}{
		{"NoPurchase", def, CustomerStats{}, 0},
		{"CountButNoDate", def, CustomerStats{PurchaseCount: 3, AvgIntervalDays: 20}, 0},
		{"OneTimeBuyer", def, CustomerStats{PurchaseCount: 1, LastPurchase: last}, 120},
		{"OneTimeBuyerIgnoresInterval", def, CustomerStats{PurchaseCount: 1, LastPurchase: last, AvgIntervalDays: 10}, 120},
		{"AverageIntervalZero", def, CustomerStats{PurchaseCount: 3, LastPurchase: last, AvgIntervalDays: 0}, 120},
		{"MinDaysFloor", def, CustomerStats{PurchaseCount: 5, LastPurchase: last, AvgIntervalDays: 10}, 30},
		{"FloorExactly", def, CustomerStats{PurchaseCount: 5, LastPurchase: last, AvgIntervalDays: 20}, 30},
		{"Multiplier", def, CustomerStats{PurchaseCount: 5, LastPurchase: last, AvgIntervalDays: 40}, 60},
		{"RoundsUp", def, CustomerStats{PurchaseCount: 5, LastPurchase: last, AvgIntervalDays: 33.4}, 51},
		{"CustomMultiplier", double, CustomerStats{PurchaseCount: 5, LastPurchase: last, AvgIntervalDays: 40}, 80},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.cfg.DormantAfterDays(tc.s); got != tc.want {
				t.Errorf("DormantAfterDays = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestSegmentConfig_DormantOn(t *testing.T) {
	cfg := DefaultSegmentConfig()
	cases := []struct {
		name string
		s    CustomerStats
		want string
	}{
		{"NoPurchaseIsZero", CustomerStats{}, ""},
		{"OneTimeBuyer", CustomerStats{PurchaseCount: 1, LastPurchase: MustDate("2026-01-10")}, "2026-05-11"},                 // +121
		{"Regular", CustomerStats{PurchaseCount: 4, LastPurchase: MustDate("2026-01-10"), AvgIntervalDays: 40}, "2026-03-12"}, // +61
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := cfg.DormantOn(tc.s).String(); got != tc.want {
				t.Errorf("DormantOn = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSegmentConfig_StageOf(t *testing.T) {
	cfg := DefaultSegmentConfig()
	last := MustDate("2026-01-10")
	oneTime := CustomerStats{PurchaseCount: 1, FirstPurchase: last, LastPurchase: last}
	regular := CustomerStats{PurchaseCount: 4, FirstPurchase: last.AddDays(-120), LastPurchase: last, AvgIntervalDays: 40} // dormant after 60 days
	slow := CustomerStats{PurchaseCount: 2, FirstPurchase: last.AddDays(-300), LastPurchase: last, AvgIntervalDays: 300}   // dormant after 450 > lost
	cases := []struct {
		name string
		s    CustomerStats
		asOf Date
		want Stage
	}{
		{"Prospect", CustomerStats{}, last, StageProspect},
		{"ProspectWithoutLastPurchaseDate", CustomerStats{PurchaseCount: 1}, last, StageProspect},
		{"NewOnPurchaseDay", oneTime, last, StageNew},
		{"NewOnLastNewDay", oneTime, last.AddDays(90), StageNew},
		{"ActiveAfterNewDays", oneTime, last.AddDays(91), StageActive},
		{"OneTimeActiveUntilThreshold", oneTime, last.AddDays(120), StageActive},
		{"OneTimeDormantOnDormantOn", oneTime, cfg.DormantOn(oneTime), StageDormant},
		{"OneTimeDormantOn121Days", oneTime, last.AddDays(121), StageDormant},
		{"RegularActive", regular, last.AddDays(30), StageActive},
		{"RegularActiveDayBeforeDormantOn", regular, last.AddDays(60), StageActive},
		{"RegularDormantExactlyOnDormantOn", regular, last.AddDays(61), StageDormant},
		{"DormantOnLostDays", regular, last.AddDays(365), StageDormant},
		{"LostAfterLostDays", regular, last.AddDays(366), StageLost},
		{"SlowBuyerActiveAtLostDays", slow, last.AddDays(365), StageActive},
		{"SlowBuyerLostBeforeDormant", slow, last.AddDays(366), StageLost},
		{"RepeatBuyerNeverNew", regular, last, StageActive},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := cfg.StageOf(tc.s, tc.asOf); got != tc.want {
				t.Errorf("StageOf(%v) = %s, want %s", tc.asOf, got, tc.want)
			}
		})
	}
}

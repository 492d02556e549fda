package domain

import (
	"math"
	"slices"
)

// Class is a customer's value class, derived from RFM (基于RFM的顾客分类).
//
// Definitions (also shown in the app's help):
//   - prospect 潜在顾客: no purchase yet.
//   - new 新顾客: exactly one purchase.
//   - repeat 回购顾客: two or more purchases.
//   - loyal 忠实顾客: frequency score ≥ 4 and recency score ≥ 4 — buys often
//     and bought recently (scores are store quintiles, see RFM).
//   - important 重要顾客: monetary score 5 — the top fifth of the store by
//     spend in the last 365 days.
//
// A customer is given the highest class whose test they pass, in the order
// important > loyal > repeat > new > prospect.
type Class string

// The value classes.
const (
	ClassProspect  Class = "prospect"
	ClassNew       Class = "new"
	ClassRepeat    Class = "repeat"
	ClassLoyal     Class = "loyal"
	ClassImportant Class = "important"
)

// Classes lists the classes from most to least valuable.
var Classes = []Class{ClassImportant, ClassLoyal, ClassRepeat, ClassNew, ClassProspect}

// Rank orders classes for the agenda: important 4 > loyal 3 > repeat 2 > new 1 > prospect 0.
func (c Class) Rank() int {
	switch c {
	case ClassImportant:
		return 4
	case ClassLoyal:
		return 3
	case ClassRepeat:
		return 2
	case ClassNew:
		return 1
	}
	return 0
}

// Valid reports whether c is a known class.
func (c Class) Valid() bool { return slices.Contains(Classes, c) }

// Stage is where a customer is in the relationship's life cycle.
//
//   - prospect: no purchase yet.
//   - new: one purchase, made within the last NewDays (default 90).
//   - active: bought within the dormancy threshold.
//   - dormant: the days since the last purchase exceed the dormancy
//     threshold (1.5 × the customer's own average interval, at least
//     MinDays; OneTimeDays for one-time buyers) but not LostDays.
//   - lost: no purchase for more than LostDays (default 365).
type Stage string

// The life-cycle stages.
const (
	StageProspect Stage = "prospect"
	StageNew      Stage = "new"
	StageActive   Stage = "active"
	StageDormant  Stage = "dormant"
	StageLost     Stage = "lost"
)

// Stages lists the stages in life-cycle order.
var Stages = []Stage{StageProspect, StageNew, StageActive, StageDormant, StageLost}

// Valid reports whether s is a known stage.
func (s Stage) Valid() bool { return slices.Contains(Stages, s) }

// SegmentConfig holds the knobs of the class and stage definitions.
type SegmentConfig struct {
	NewDays           int     `toml:"new_days"`           // a one-time buyer is "new" this long (90)
	LostDays          int     `toml:"lost_days"`          // after this many days without a purchase a customer is lost (365)
	DormantMultiplier float64 `toml:"dormant_multiplier"` // dormant after this × own average interval (1.5)
	DormantMinDays    int     `toml:"dormant_min_days"`   // never dormant sooner than this (30)
	OneTimeDays       int     `toml:"one_time_days"`      // one-time buyers are dormant after this (120)
	WindowDays        int     `toml:"window_days"`        // RFM frequency and spend window (365)
}

// DefaultSegmentConfig returns the documented defaults.
func DefaultSegmentConfig() SegmentConfig {
	return SegmentConfig{NewDays: 90, LostDays: 365, DormantMultiplier: 1.5, DormantMinDays: 30, OneTimeDays: 120, WindowDays: 365}
}

// DormantAfterDays returns how many days after the last purchase a customer
// becomes dormant, or 0 for a customer without purchases.
func (cfg SegmentConfig) DormantAfterDays(s CustomerStats) int {
	switch {
	case s.PurchaseCount == 0 || s.LastPurchase.IsZero():
		return 0
	case s.PurchaseCount == 1 || s.AvgIntervalDays <= 0:
		return cfg.OneTimeDays
	}
	days := int(math.Ceil(cfg.DormantMultiplier * s.AvgIntervalDays))
	return max(days, cfg.DormantMinDays)
}

// DormantOn returns the first day on which the customer counts as dormant,
// or the zero date for a customer without purchases. Stores keep it as a
// column so that the agenda finds dormant customers with an index.
func (cfg SegmentConfig) DormantOn(s CustomerStats) Date {
	n := cfg.DormantAfterDays(s)
	if n == 0 {
		return Date{}
	}
	return s.LastPurchase.AddDays(n + 1)
}

// StageOf returns the customer's life-cycle stage on asOf.
func (cfg SegmentConfig) StageOf(s CustomerStats, asOf Date) Stage {
	if s.PurchaseCount == 0 || s.LastPurchase.IsZero() {
		return StageProspect
	}
	since := asOf.Sub(s.LastPurchase)
	switch {
	case since > cfg.LostDays:
		return StageLost
	case !asOf.Before(cfg.DormantOn(s)):
		return StageDormant
	case s.PurchaseCount == 1 && asOf.Sub(s.FirstPurchase) <= cfg.NewDays:
		return StageNew
	}
	return StageActive
}

// RFM holds a customer's recency, frequency and monetary figures and their
// 1-5 scores (0: no purchase, not scored).
//
// R = days since the last purchase, F = purchases in the window (returns not
// counted), M = spend in the window net of returns. Scores are quintiles
// within the store: the four cut points are the values at 20/40/60/80 % of
// the customers with at least one purchase, sorted. Ties share a score: a
// value equal to a cut point gets the lower score for F and M, the higher
// (better) score for R. So when half the store bought once, every
// one-time buyer gets the same F score.
type RFM struct {
	RecencyDays int   `json:"recency_days"`
	Frequency   int   `json:"frequency"`
	Monetary    Money `json:"monetary"`
	R           int   `json:"r"`
	F           int   `json:"f"`
	M           int   `json:"m"`
}

// RFMCuts are the store's quintile cut points, computed by QuintileCuts.
type RFMCuts struct {
	R [4]int64 `json:"r"`
	F [4]int64 `json:"f"`
	M [4]int64 `json:"m"`
}

// QuintileCuts returns the values at 20, 40, 60 and 80 % of the sorted
// values (nearest rank). It sorts values in place.
func QuintileCuts(values []int64) [4]int64 {
	var cuts [4]int64
	if len(values) == 0 {
		return cuts
	}
	slices.Sort(values)
	n := len(values)
	for k := 1; k <= 4; k++ {
		idx := int(math.Ceil(float64(k*n)/5)) - 1
		cuts[k-1] = values[max(idx, 0)]
	}
	return cuts
}

// scoreHigh scores a value where more is better (F, M): 1 + cut points below it.
func scoreHigh(v int64, cuts [4]int64) int {
	s := 1
	for _, c := range cuts {
		if v > c {
			s++
		}
	}
	return s
}

// scoreLow scores a value where less is better (R): 5 − cut points below it.
func scoreLow(v int64, cuts [4]int64) int {
	s := 5
	for _, c := range cuts {
		if v > c {
			s--
		}
	}
	return s
}

// Score fills in the R, F and M scores from the raw figures and the store's cuts.
func (r RFM) Score(cuts RFMCuts) RFM {
	r.R = scoreLow(int64(r.RecencyDays), cuts.R)
	r.F = scoreHigh(int64(r.Frequency), cuts.F)
	r.M = scoreHigh(int64(r.Monetary), cuts.M)
	return r
}

// ClassOf returns the value class from purchase count and scored RFM.
func ClassOf(purchaseCount int, r RFM) Class {
	switch {
	case purchaseCount == 0:
		return ClassProspect
	case r.M == 5 && r.Monetary > 0:
		return ClassImportant
	case r.F >= 4 && r.R >= 4 && r.Frequency >= 2:
		return ClassLoyal
	case purchaseCount >= 2:
		return ClassRepeat
	}
	return ClassNew
}
